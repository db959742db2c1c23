#include "MainWindow.h"

#include "AboutDialog.h"
#include "CoachOverlay.h"
#include "CoachPanel.h"
#include "ConnectionBanner.h"
#include "CorporateStatusPage.h"
#include "CorporationSelectionPage.h"
#include "Demonstration.h"
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
#include "TrainingCertificate.h"
#include "TrainingResultsDialog.h"
#include "TrainingStartDialog.h"
#include "UsageModeConfirmPage.h"
#include "UserInfoSelectionPage.h"
#include "VirtualCardPanel.h"
#include "inventory/Scenario.h"
#include "store/CorporationTable.h"
#include "store/Store.h"
#include "store/StoreLink.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"
#include "training/TrainingSession.h"

#include <QActionGroup>
#include <QApplication>
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

    m_staffMenu = new StaffMenu(m_flow.service(), menuBar(), this);
    connect(m_staffMenu, &StaffMenu::staffActDone, this, &MainWindow::afterStaffAct);
    connect(m_staffMenu, &StaffMenu::imported, this, &MainWindow::afterImport);

    m_trainingMenu = menuBar()->addMenu(QString());
    m_cardsAction = m_trainingMenu->addAction(QString(), this, [this] { showVirtualCards(); });
    m_cardsAction->setObjectName(QStringLiteral("virtualCardsAction"));
    m_resetAction = m_trainingMenu->addAction(QString(), this, [this] {
        if (confirmTraining(
                tr("シナリオを最初の状態に戻しますか？ これまでの操作（利用登録、誤入力回数、利用中止）は消えます。")))
            resetScenario();
    });
    m_resetAction->setObjectName(QStringLiteral("resetScenarioAction"));
    m_switchMenu = m_trainingMenu->addMenu(QString());
    // The bundled scenarios' titles are read when the menu opens, not at start-up (one of them
    // is a 256 KB file).
    connect(m_switchMenu, &QMenu::aboutToShow, this, &MainWindow::fillScenarioMenu);
    m_trainingMenu->addSeparator();
    m_exerciseAction = m_trainingMenu->addAction(QString(), this, [this] { openTrainingStart(); });
    m_exerciseAction->setObjectName(QStringLiteral("startExerciseAction"));
    m_exerciseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_resultsAction = m_trainingMenu->addAction(QString(), this, [this] { openTrainingResults(); });
    m_resultsAction->setObjectName(QStringLiteral("trainingResultsAction"));
    updateTrainingMenu();
    connect(&m_flow.service(), &RegistrationService::corporationChanged, this, [this] {
        if (m_cards)
            m_cards->refreshHolders();
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] { showAbout(); });
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

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

bool MainWindow::confirmTraining(const QString& question)
{
    // Resetting or switching a scenario replaces what the trainee did: asked first, No by default.
    return QMessageBox::question(this, windowTitle(), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

MainWindow::~MainWindow()
{
    // The console quit with an exercise under way (its window was not closed first: a session
    // ending, QCoreApplication::exit): the result is kept as not completed, as on close.
    stopExercise();
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
    page->setContentsMargins(16, 8, 16, 16);
    area->setWidget(page);
    m_stack->addWidget(area);
    return area;
}

void MainWindow::fillScenarioMenu()
{
    if (!m_switchMenu->isEmpty())
        return;
    for (const QString& source : bundledScenarios()) {
        QString error;
        const auto scenario = ScenarioLoader::load(source, &error);
        QAction* a = m_switchMenu->addAction(scenario ? scenario->titleIn(m_language.current()) : source);
        const QString title = a->text();
        connect(a, &QAction::triggered, this, [this, source, title] {
            if (!confirmTraining(
                    tr("シナリオ「%1」に切り替えますか？ いまのトレーニング用データは置き換えられます。").arg(title)))
                return;
            QString why;
            if (!loadScenario(source, &why))
                QMessageBox::warning(this, windowTitle(), why);
        });
    }
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
    return page && (page == m_selection || page == m_firstRun) ? page : nullptr;
}

void MainWindow::begin()
{
    const Store& store = m_flow.service().store();
    const int corporations = CorporationTable::countUpTo(store, 2);
    updateCorporationMenu();
    if (corporations == 0) {
        if (!m_firstRun) {
            m_firstRun = new FirstRunPage(store);
            wrap(m_firstRun);
            connect(m_firstRun, &FirstRunPage::readyToStart, this, &MainWindow::begin);
        }
        showStaffPage(m_firstRun);
        return;
    }
    if (corporations == 1) {
        m_flow.service().selectCorporation();
        startFlow();
        return;
    }
    showCorporationSelection();
}

void MainWindow::showCorporationSelection()
{
    if (CorporationTable::countUpTo(m_flow.service().store(), 2) < 2)
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
    if (!m_flow.service().selectCorporation(code))
        return;
    startFlow();
}

void MainWindow::startFlow()
{
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

void MainWindow::updateCorporationMenu()
{
    m_selectCorporationAction->setEnabled(CorporationTable::countUpTo(m_flow.service().store(), 2) > 1);
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

void MainWindow::afterStaffAct(const QString& result, bool good)
{
    // The corporation changed behind the service: read it again (the queue stays), and leave
    // 利用中止 when it was lifted.
    m_flow.service().reselectCorporation();
    if (m_flow.screen() == Screen::Suspended)
        m_flow.restartAtTop();
    statusBar()->showMessage(result, 10000);
    auto* box = new QMessageBox(
        good ? QMessageBox::Information : QMessageBox::Warning, windowTitle(), result, QMessageBox::Ok, this);
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
    area->verticalScrollBar()->setValue(0);
    setWindowTitle(page->windowTitle());
}

QStringList MainWindow::bundledScenarios()
{
    return { QStringLiteral(":/scenarios/manual-ch9.json"), QStringLiteral(":/scenarios/shared-mode.json"),
        QStringLiteral(":/scenarios/suspended.json"), QStringLiteral(":/scenarios/large-2000.json") };
}

void MainWindow::updateTrainingMenu()
{
    // Virtual cards and scenarios exist only for training stores.
    m_trainingMenu->menuAction()->setVisible(m_flow.service().store().isTrainingStore());
}

VirtualCardPanel* MainWindow::showVirtualCards()
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    if (!m_cards) {
        m_cards = new VirtualCardPanel(m_flow.service().store(), m_flow.service().store().clock(), this);
        m_cards->setCardDisplaySeconds(QSettings().value(desktop::cardSecondsKey()).toInt());
        // Where the trainer left it last time (restoreGeometry keeps it on a screen), else beside
        // the main window.
        if (!m_cards->restoreGeometry(QSettings().value(desktop::cardWindowGeometryKey()).toByteArray()))
            placeCardWindow();
        // Remembered whenever it is closed, and when the console quits with it open.
        m_cards->installEventFilter(this);
    }
    m_cards->show();
    m_cards->raise();
    return m_cards;
}

void MainWindow::placeCardWindow()
{
    // Beside the main window when it fits, else at the screen's right edge: always on screen.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    const QSize size = m_cards->sizeHint().boundedTo(available.size());
    QPoint at = frameGeometry().topRight() + QPoint(8, 0);
    if (at.x() + size.width() > available.right())
        at.setX(available.right() - size.width());
    at.setX(qMax(available.left(), at.x()));
    at.setY(qBound(available.top(), at.y(), qMax(available.top(), available.bottom() - size.height())));
    m_cards->resize(size);
    m_cards->move(at);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_cards && event->type() == QEvent::Hide)
        QSettings().setValue(desktop::cardWindowGeometryKey(), m_cards->saveGeometry());
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    stopExercise(); // an exercise left open is kept as not completed
    if (m_cards && m_cards->isVisible())
        m_cards->close(); // its place is remembered (eventFilter)
    QMainWindow::closeEvent(event);
}

SettingsDialog* MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_language, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::placesReset, this, [this] {
        fitToScreen();
        if (m_cards)
            placeCardWindow();
    });
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_cards)
            m_cards->setCardDisplaySeconds(QSettings().value(desktop::cardSecondsKey()).toInt());
    });
    dialog->open();
    return dialog;
}

void MainWindow::afterStoreReplaced()
{
    m_flow.service().selectCorporation();
    m_flow.restartAtTop();
    if (m_cards)
        m_cards->reload();
    updateTrainingMenu();
    retranslate();
}

void MainWindow::resetScenario()
{
    stopExercise(); // a reset ends the exercise under way (kept as not completed)
    QString error;
    if (!ScenarioLoader::reset(m_flow.service().store(), &error)) {
        QMessageBox::warning(this, windowTitle(), error);
        return;
    }
    afterStoreReplaced();
    statusBar()->showMessage(tr("シナリオを最初の状態に戻しました。"), 5000);
}

bool MainWindow::loadScenario(const QString& source, QString* error)
{
    stopExercise();
    const auto scenario = ScenarioLoader::load(source, error);
    if (!scenario || !ScenarioLoader::apply(m_flow.service().store(), *scenario, source, error))
        return false;
    afterStoreReplaced();
    statusBar()->showMessage(tr("シナリオ「%1」を読み込みました。").arg(scenario->titleIn(m_language.current())), 5000);
    return true;
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
    m_staffMenu->retranslate();
    m_viewMenu->setTitle(tr("表示(&V)"));
    m_languageMenu->setTitle(tr("言語(&L)"));
    m_trainingMenu->setTitle(tr("トレーニング(&T)"));
    m_resetAction->setText(tr("シナリオを最初の状態に戻す(&R)"));
    m_cardsAction->setText(tr("仮想カードトークンを表示(&C)"));
    m_switchMenu->setTitle(tr("シナリオを切り替える(&S)"));
    m_exerciseAction->setText(tr("練習を始める(&E)..."));
    m_resultsAction->setText(tr("練習の結果(&V)..."));
    if (m_coachDock)
        m_coachDock->setWindowTitle(tr("コーチ"));
    m_helpMenu->setTitle(tr("ヘルプ(&H)"));
    m_aboutAction->setText(tr("このコンソールについて(&A)..."));
    m_switchMenu->clear(); // refilled in the new language when it opens
    const Store& store = m_flow.service().store();
    m_storeLabel->setText((store.isTrainingStore() ? tr("トレーニング用データ") : tr("本番データ"))
        + QStringLiteral(" — ") + store.path());
    if (QWidget* staff = currentStaffPage())
        setWindowTitle(staff->windowTitle());
    else if (ManualPage* page = currentPage())
        setWindowTitle(page->windowTitle());
}

} // namespace hardtoken

namespace hardtoken {

TrainingStartDialog* MainWindow::openTrainingStart(const QString& exerciseId)
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    auto* dialog = new TrainingStartDialog(m_lastTrainee, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!exerciseId.isEmpty())
        dialog->selectExercise(exerciseId);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto exercise = dialog->exercise();
        QString error;
        if (exercise && !startExercise(*exercise, dialog->trainee(), &error))
            QMessageBox::warning(this, windowTitle(), error);
    });
    dialog->open();
    return dialog;
}

TrainingSession* MainWindow::startExercise(const Exercise& exercise, const QString& trainee, QString* error)
{
    Store& store = m_flow.service().store();
    if (!store.isTrainingStore()) {
        *error = tr("練習はトレーニング用データベースでだけ行えます。");
        return nullptr;
    }
    const QString name = TrainingResultTable::normaliseTrainee(trainee);
    if (name.isEmpty()) {
        *error = TrainingResultTable::tr("研修者の名前が必要です。");
        return nullptr;
    }
    const auto scenario = ScenarioLoader::load(exercise.scenario, error);
    if (!scenario)
        return nullptr;
    // An exercise under way is stopped first (kept as not completed), then the scenario reset.
    if (m_session && !m_session->isFinished())
        stopExercise();
    if (m_demo)
        m_demo->stop();
    if (!ScenarioLoader::apply(store, *scenario, exercise.scenario, error))
        return nullptr;
    if (m_staffPageShown)
        startFlow();
    afterStoreReplaced();
    m_lastTrainee = name;
    m_savedResultId = 0;

    if (!m_overlay)
        m_overlay = new CoachOverlay(this);
    if (!m_coachDock) {
        m_coach = new CoachPanel(m_overlay, [this]() -> QWidget* { return currentPage(); });
        m_coachDock = new QDockWidget(this);
        m_coachDock->setObjectName(QStringLiteral("coachDock"));
        m_coachDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        m_coachDock->setWidget(m_coach);
        m_coachDock->setWindowTitle(tr("コーチ"));
        addDockWidget(Qt::RightDockWidgetArea, m_coachDock);
        resizeDocks({ m_coachDock }, { 300 }, Qt::Horizontal);
        // After showScreen (connected first): the marks are looked up on the screen just shown.
        connect(&m_flow, &RegistrationFlow::screenChanged, m_coach, &CoachPanel::refresh);
        connect(m_coach, &CoachPanel::stopRequested, this, &MainWindow::stopExercise);
        connect(m_coach, &CoachPanel::demonstrationRequested, this, &MainWindow::playDemonstration);
        connect(m_coach, &CoachPanel::certificateRequested, this, [this] { saveFinishedResult(true); });
        connect(m_coach, &CoachPanel::csvRequested, this, [this] { saveFinishedResult(false); });
        connect(m_coach, &CoachPanel::anotherRequested, this, [this] { openTrainingStart(); });
    }
    delete m_demo;
    delete m_session;
    m_session = new TrainingSession(exercise, m_flow, store.clock(), name, this);
    connect(m_session, &TrainingSession::finished, this, &MainWindow::exerciseFinished);
    Demonstration::Secrets secrets { scenario->pin, {}, {} };
    if (!scenario->staff.isEmpty())
        secrets = { scenario->pin, scenario->staff.first().login, scenario->staff.first().credential };
    m_demo = new Demonstration(*m_session, m_flow.service(), secrets, this);
    connect(m_demo, &Demonstration::finished, this, [this] { m_coach->setDemonstrating(false); });
    m_session->start();
    m_coach->setSession(m_session);
    m_coachDock->show();
    // The screens keep the width they need beside the coach, where the desktop has room for both.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 960);
    const int wanted = m_stack->minimumSizeHint().width() + m_coachDock->sizeHint().width() + 32;
    if (!isMaximized() && width() < wanted)
        resize(qMin(wanted, available.width()), height());
    showVirtualCards();
    raise();
    activateWindow();
    return m_session;
}

void MainWindow::playDemonstration()
{
    if (!m_demo || !m_session)
        return;
    if (m_demo->play(currentPage()))
        m_coach->setDemonstrating(true);
    else
        statusBar()->showMessage(m_demo->error(), 5000);
}

void MainWindow::stopExercise()
{
    if (!m_session || m_session->isFinished())
        return;
    if (m_demo)
        m_demo->stop();
    m_session->abandon(); // finished(false): saved as not completed
}

void MainWindow::exerciseFinished(bool)
{
    const TrainingResult result = m_session->result();
    m_savedResultId = TrainingResultTable::save(m_flow.service().store(), result);
    m_coach->showFinished(
        result, m_savedResultId != 0, m_savedResultId ? QString() : m_flow.service().store().errorMessage());
}

void MainWindow::saveFinishedResult(bool pdf)
{
    const auto result = TrainingResultTable::find(m_flow.service().store(), m_savedResultId);
    if (!result)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(documents).filePath(
        TrainingCertificate::fileName(*result, pdf ? QStringLiteral("pdf") : QStringLiteral("csv")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("練習の結果を保存"), suggested, pdf ? QStringLiteral("PDF (*.pdf)") : QStringLiteral("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    if (pdf) {
        ok = TrainingCertificate::write(*result, path, &error);
    } else {
        ok = TrainingReport::writeCsv({ *result }, path, &error);
    }
    statusBar()->showMessage(ok ? tr("%1 に保存しました。").arg(QDir::toNativeSeparators(path)) : error, 10000);
    if (!ok)
        QMessageBox::warning(this, windowTitle(), error);
}

TrainingResultsDialog* MainWindow::openTrainingResults()
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    auto* dialog = new TrainingResultsDialog(m_flow.service().store(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace hardtoken
