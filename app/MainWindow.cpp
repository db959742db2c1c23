#include "MainWindow.h"

#include "AboutDialog.h"
#include "ConnectionBanner.h"
#include "CorporateStatusPage.h"
#include "CorporationSelectionPage.h"
#include "DeskSignInPage.h"
#include "DesktopSettings.h"
#include "FirstRunPage.h"
#include "IndividualRegistrationConfirmPage.h"
#include "IndividualRegistrationInputPage.h"
#include "Language.h"
#include "SettingsDialog.h"
#include "SharedRegistrationConfirmPage.h"
#include "SharedRegistrationInputPage.h"
#include "StaffMenu.h"
#include "SuspendedNotice.h"
#include "TrainingHost.h"
#include "UsageModeConfirmPage.h"
#include "UserInfoSelectionPage.h"
#include "desk/DeskSession.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/Store.h"
#include "store/StoreLink.h"
#include "store/TokenTable.h"

#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QState>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace hardtoken {

using Screen = RegistrationFlow::Screen;

MainWindow::MainWindow(RegistrationFlow& flow, Language& language, QWidget* parent)
    : QMainWindow(parent)
    , m_flow(flow)
    , m_language(language)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_stack->setObjectName(QStringLiteral("pageStack"));
    // The store's connection: reconnected with backoff when it is lost, the banner above every
    // screen meanwhile; once back, the service resolves what it left open and reads again.
    Store& store = m_flow.service().store();
    m_link = new StoreLink(store, this);
    m_connectionBanner = new ConnectionBanner(*m_link, store.clock(), m_stack);
    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_connectionBanner);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_link, &StoreLink::reconnected, &m_flow.service(), &RegistrationService::resume);
    connect(&m_flow.service(), &RegistrationService::commitResolved, this, [this](const Outcome& o) {
        if (ManualPage* p = currentPage())
            p->showMessage(o.retell ? o.retell : Saying([m = o.message] { return m; }),
                o.ok() ? ManualPage::MessageKind::Info : ManualPage::MessageKind::Error);
        else
            statusBar()->showMessage(o.message, 10000);
    });
    connect(&m_flow, &RegistrationFlow::screenChanged, this, &MainWindow::showScreen);
    // The top is built at once (it is cheap and listens for the help desk's unlock, which can come
    // before it was ever shown); every other page when its screen is first entered.
    page(Screen::CorporateStatus);

    m_fileMenu = menuBar()->addMenu(QString());
    m_selectCorporationAction = m_fileMenu->addAction(QString(), this, &MainWindow::showCorporationSelection);
    m_selectCorporationAction->setObjectName(QStringLiteral("selectCorporationAction"));
    m_selectCorporationAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_signOutAction = m_fileMenu->addAction(QString(), this, [this] { lockDesk(false); });
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_signOutAction->setEnabled(false);
    m_fileMenu->addSeparator();
    m_settingsAction = m_fileMenu->addAction(QString(), this, [this] { openSettings(); });
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto* languages = new QActionGroup(this);
    m_japaneseAction = m_languageMenu->addAction(QStringLiteral("日本語"));
    m_englishAction = m_languageMenu->addAction(QStringLiteral("English"));
    for (QAction* a : { m_japaneseAction, m_englishAction }) {
        a->setCheckable(true);
        languages->addAction(a);
    }
    m_japaneseAction->setObjectName(QStringLiteral("languageJapanese"));
    m_englishAction->setObjectName(QStringLiteral("languageEnglish"));
    connect(m_japaneseAction, &QAction::triggered, this, [this] { m_language.set(QStringLiteral("ja")); });
    connect(m_englishAction, &QAction::triggered, this, [this] { m_language.set(QStringLiteral("en")); });
    const auto syncLanguage = [this](const QString& code) {
        (code == QLatin1String("en") ? m_englishAction : m_japaneseAction)->setChecked(true);
    };
    connect(&m_language, &Language::changed, this, syncLanguage);
    syncLanguage(m_language.current());

    setUpDeskSession();
    m_staffMenu = new StaffMenu(m_flow.service(), menuBar(), this);
    m_staffMenu->setDeskSession(m_session);
    connect(m_staffMenu, &StaffMenu::staffActDone, this, &MainWindow::afterStaffAct);
    connect(m_staffMenu, &StaffMenu::imported, this, &MainWindow::afterImport);

    m_training = new TrainingHost(
        m_flow, m_language, this, menuBar(), m_stack, [this]() -> ManualPage* { return currentPage(); });
    connect(m_training, &TrainingHost::storeReloaded, this, &MainWindow::afterStoreReplaced);
    connect(m_training, &TrainingHost::flowWanted, this, [this] {
        if (m_staffPageShown)
            startFlow();
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] { showAbout(); });
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

    m_staffLabel = new QLabel(this);
    m_staffLabel->setObjectName(QStringLiteral("deskStaffLabel"));
    statusBar()->addPermanentWidget(m_staffLabel);
    m_storeLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_storeLabel);
    retranslate();
    fitToScreen();
}

void MainWindow::fitToScreen()
{
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    const QSize wanted(qMin(1280, available.width() * 9 / 10), qMin(960, available.height() * 9 / 10));
    resize(wanted.expandedTo(QSize(800, 600)).boundedTo(available.size()));
}

QMessageBox* MainWindow::showAbout()
{
    return hardtoken::showAbout(this, m_flow.service().store());
}

MainWindow::~MainWindow()
{
    // The console quit with an exercise under way (its window was not closed first: a session
    // ending, QCoreApplication::exit): the result is kept as not completed, as on close.
    m_training->stopExercise();
}

QScrollArea* MainWindow::wrap(ManualPage* page)
{
    page->setObjectName(page->metaObject()->className() + qstrlen("hardtoken::"));
    auto* area = new QScrollArea(m_stack);
    area->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    area->setWidgetResizable(true);
    area->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    page->setMaximumWidth(ContentMaxWidth);
    area->setFrameShape(QFrame::NoFrame);
    // Not a stop of its own: Tab goes from control to control (the area scrolls to the one that has
    // the focus), and no screen starts on an unnamed container a screen reader calls "filler".
    area->setFocusPolicy(Qt::NoFocus);
    page->setContentsMargins(16, 8, 16, 16);
    area->setWidget(page);
    m_stack->addWidget(area);
    return area;
}

ManualPage* MainWindow::createPage(Screen screen)
{
    switch (screen) {
    case Screen::CorporateStatus:
        return new CorporateStatusPage(m_flow);
    case Screen::UserInfoSelection:
        return new UserInfoSelectionPage(m_flow);
    case Screen::UsageModeConfirm:
        return new UsageModeConfirmPage(m_flow);
    case Screen::SharedRegistrationInput:
        return new SharedRegistrationInputPage(m_flow);
    case Screen::SharedRegistrationConfirm:
        return new SharedRegistrationConfirmPage(m_flow);
    case Screen::IndividualRegistrationInput:
        return new IndividualRegistrationInputPage(m_flow);
    case Screen::IndividualRegistrationConfirm:
        return new IndividualRegistrationConfirmPage(m_flow);
    case Screen::Suspended:
        return new SuspendedNotice(m_flow);
    }
    return nullptr;
}

ManualPage* MainWindow::page(Screen screen)
{
    if (!m_pages.contains(screen)) {
        if (ManualPage* created = createPage(screen))
            addPage(screen, created);
    }
    return m_pages.value(screen);
}

QScrollArea* MainWindow::scrollArea(Screen screen)
{
    page(screen);
    return m_areas.value(screen);
}

void MainWindow::addPage(Screen screen, ManualPage* page)
{
    QScrollArea* area = wrap(page);
    m_pages.insert(screen, page);
    m_areas.insert(screen, area);
    // Screen IDs are the bank's configuration data: meta key "screen_id.<Screen>" in the store.
    const QString configured = m_flow.service().store().screenId(m_flow.state(screen)->objectName());
    if (!configured.isEmpty())
        page->setScreenId(configured);
    connect(page, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop, Qt::UniqueConnection);
}

ManualPage* MainWindow::currentPage() const
{
    return m_pages.value(m_flow.screen());
}

QWidget* MainWindow::currentStaffPage() const
{
    auto* area = qobject_cast<QScrollArea*>(m_stack->currentWidget());
    QWidget* page = area ? area->widget() : nullptr;
    return page && (page == m_selection || page == m_firstRun || page == m_signIn) ? page : nullptr;
}

void MainWindow::begin()
{
    const Store& store = m_flow.service().store();
    // A production desk is signed in to before anything else; a store with no staff account yet
    // has nobody to sign in: its first-run page says to register the first administrator.
    const bool signInNeeded = m_session->required() && !m_session->isSignedIn();
    if (signInNeeded && StaffTable::count(store) > 0) {
        showSignIn(false);
        return;
    }
    const int corporations = CorporationTable::countUpTo(store, 2);
    updateCorporationMenu();
    if (corporations == 0 || signInNeeded) {
        if (!m_firstRun) {
            m_firstRun = new FirstRunPage(store);
            wrap(m_firstRun);
            connect(m_firstRun, &FirstRunPage::readyToStart, this, &MainWindow::begin);
        }
        showStaffPage(m_firstRun);
        return;
    }
    // Past the first-run page with the roster in but no token yet: the page it opens says so.
    m_sayNoTokens = !store.isTrainingStore() && !TokenTable::any(store);
    if (corporations == 1) {
        m_flow.service().selectCorporation();
        startFlow(); // said when its first screen is shown (showScreen)
        return;
    }
    showCorporationSelection();
    if (m_selection && currentStaffPage() == m_selection)
        sayNoTokens(m_selection);
}

void MainWindow::focusFirstControl(QWidget* page)
{
    // A page that put the focus somewhere (a field, the table) keeps it; the others start on their
    // first control in the tab order.
    // (The window's focus child, not the application's: the window may not be the active one.)
    if (page->isAncestorOf(page->window()->focusWidget()))
        return;
    for (QWidget* w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && w->isVisibleTo(page) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

void MainWindow::sayNoTokens(ManualPage* page)
{
    if (!m_sayNoTokens)
        return;
    m_sayNoTokens = false;
    page->showMessage(
        [] {
            return tr("トークンがまだ登録されていません。利用登録の前に、管理 > トークンの取り込み でベンダーの"
                      "トークンを取り込んでください。");
        },
        ManualPage::MessageKind::Info);
}

void MainWindow::showCorporationSelection()
{
    // Nothing of a corporation's is opened past 担当者のサインイン (the shortcut included).
    if (deskLocked() || CorporationTable::countUpTo(m_flow.service().store(), 2) < 2)
        return;
    // Leaving the procedure is キャンセル: the flow goes to its top and the queue is dropped.
    if (m_flowStarted)
        m_flow.goToTop();
    m_flow.service().discardPending();
    if (!m_selection) {
        m_selection = new CorporationSelectionPage(m_flow.service().store());
        wrap(m_selection);
        connect(m_selection, &CorporationSelectionPage::corporationChosen, this, &MainWindow::openCorporation);
    }
    showStaffPage(m_selection);
}

void MainWindow::showStaffPage(ManualPage* page)
{
    auto* area = qobject_cast<QScrollArea*>(page->parentWidget() ? page->parentWidget()->parentWidget() : nullptr);
    if (!area)
        return;
    m_staffPageShown = true;
    updateCorporationMenu();
    page->enter();
    m_stack->setCurrentWidget(area);
    setWindowTitle(page->windowTitle());
}

void MainWindow::openCorporation(const QString& code)
{
    if (deskLocked())
        return;
    if (!m_flow.service().selectCorporation(code))
        return;
    startFlow();
}

void MainWindow::startFlow()
{
    if (deskLocked())
        return;
    m_staffPageShown = false;
    updateCorporationMenu();
    if (!m_flowStarted) {
        m_flowStarted = true;
        m_flow.start();
        return;
    }
    m_flow.restartAtTop();
    showScreen(m_flow.screen());
}

bool MainWindow::deskLocked() const
{
    return m_session->required() && !m_session->isSignedIn();
}

void MainWindow::updateCorporationMenu()
{
    m_selectCorporationAction->setEnabled(
        !deskLocked() && CorporationTable::countUpTo(m_flow.service().store(), 2) > 1);
    // The desk's acts are for the corporation being served.
    m_staffMenu->setStaffPageShown(m_staffPageShown);
}

void MainWindow::afterImport()
{
    // New corporations or tokens: the first-run page may be done; the menus follow the store.
    if (currentStaffPage() == m_firstRun && m_firstRun && m_firstRun->ready())
        begin();
    else if (QWidget* staff = currentStaffPage())
        qobject_cast<ManualPage*>(staff)->enter();
    else if (m_flow.service().corporationId())
        m_flow.service().reselectCorporation();
    updateCorporationMenu();
}

void MainWindow::afterStaffAct(const QString& act, const QString& result, bool good)
{
    // The corporation changed behind the service: read it again (the queue stays), and leave
    // 利用中止 when it was lifted.
    m_flow.service().reselectCorporation();
    if (m_flow.screen() == Screen::Suspended)
        m_flow.restartAtTop();
    statusBar()->showMessage(result, 10000);
    auto* box
        = new QMessageBox(good ? QMessageBox::Information : QMessageBox::Warning, act, result, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("staffActResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showScreen(Screen screen)
{
    if (m_staffPageShown)
        return; // the flow moved to its top behind 契約法人の選択 or the first-run page: stay there
    ManualPage* page = this->page(screen);
    QScrollArea* area = m_areas.value(screen);
    if (!area || !page)
        return;
    // The screen left is hidden first (it lets go of its rows), then the new one is filled: never
    // two 50,000-user lists at once. Nothing paints in between.
    m_stack->setCurrentWidget(area);
    page->enter();
    focusFirstControl(page);
    sayNoTokens(page);
    area->verticalScrollBar()->setValue(0);
    setWindowTitle(page->windowTitle());
}

void MainWindow::setUpDeskSession()
{
    m_session = new DeskSession(m_flow.service().store(), m_flow.service(), this);
    m_idleTimer = new QTimer(this);
    m_idleTimer->setObjectName(QStringLiteral("idleTimer"));
    m_idleTimer->setSingleShot(true);
    connect(m_idleTimer, &QTimer::timeout, this, [this] { lockDesk(true); });
    connect(m_session, &DeskSession::signedIn, this, &MainWindow::afterSignIn);
    if (m_session->required())
        qApp->installEventFilter(this); // input keeps the desk awake
}

void MainWindow::showSignIn(bool idle)
{
    if (!m_signIn) {
        m_signIn = new DeskSignInPage(*m_session);
        wrap(m_signIn);
    }
    m_signIn->setLockedForIdle(idle);
    showStaffPage(m_signIn);
}

void MainWindow::afterSignIn()
{
    m_signOutAction->setEnabled(true);
    m_idleTimer->setInterval(m_session->idleMinutes() * 60 * 1000);
    m_idleTimer->start();
    retranslate();
    begin();
}

void MainWindow::lockDesk(bool idle)
{
    if (!m_session->isSignedIn())
        return;
    m_idleTimer->stop();
    // Nothing the next person could use: every dialog (a 管理 act half typed) closes unsaved.
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w != this && w->isVisible() && w->isWindow() && qobject_cast<QDialog*>(w))
            qobject_cast<QDialog*>(w)->reject();
    }
    if (m_flowStarted)
        m_flow.goToTop();
    m_session->end(idle ? DeskSession::End::Idle : DeskSession::End::SignedOut);
    m_signOutAction->setEnabled(false);
    updateCorporationMenu();
    retranslate();
    showSignIn(idle);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_session->isSignedIn() && event->spontaneous())
            m_idleTimer->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_training->windowClosing();
    QMainWindow::closeEvent(event);
}

SettingsDialog* MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_language, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::placesReset, this, [this] {
        fitToScreen();
        m_training->placesReset();
    });
    connect(dialog, &QDialog::accepted, m_training, &TrainingHost::settingsChanged);
    dialog->open();
    return dialog;
}

void MainWindow::afterStoreReplaced()
{
    m_flow.service().selectCorporation();
    m_flow.restartAtTop();
    m_training->storeReplaced();
    retranslate();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_connectionBanner->retranslate();
    m_fileMenu->setTitle(tr("ファイル(&F)"));
    m_quitAction->setText(tr("終了(&X)"));
    m_settingsAction->setText(tr("設定(&S)..."));
    m_selectCorporationAction->setText(tr("契約法人の選択(&O)..."));
    m_signOutAction->setText(tr("サインアウト(&G)"));
    m_staffLabel->setText(
        m_session->isSignedIn() ? tr("担当者: %1（%2）").arg(m_session->name(), m_session->login()) : QString());
    m_staffLabel->setVisible(m_session->isSignedIn());
    m_staffMenu->retranslate();
    m_viewMenu->setTitle(tr("表示(&V)"));
    m_languageMenu->setTitle(tr("言語(&L)"));
    m_training->retranslate();
    m_helpMenu->setTitle(tr("ヘルプ(&H)"));
    m_aboutAction->setText(tr("このコンソールについて(&A)..."));
    const Store& store = m_flow.service().store();
    m_storeLabel->setText((store.isTrainingStore() ? tr("トレーニング用データ") : tr("本番データ"))
        + QStringLiteral(" — ") + store.path());
    if (QWidget* staff = currentStaffPage())
        setWindowTitle(staff->windowTitle());
    else if (ManualPage* page = currentPage())
        setWindowTitle(page->windowTitle());
}

} // namespace hardtoken
