#include "TrainingHost.h"

#include "desk/DeskSession.h"

#include "CoachOverlay.h"
#include "CoachPanel.h"
#include "Demonstration.h"
#include "DesktopSettings.h"
#include "Language.h"
#include "ManualPage.h"
#include "TrainingCertificate.h"
#include "TrainingResultsDialog.h"
#include "TrainingStartDialog.h"
#include "VirtualCardPanel.h"
#include "desk/RegistrationFlow.h"
#include "desk/RegistrationService.h"
#include "inventory/Scenario.h"
#include "store/Store.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"
#include "training/TrainingSession.h"

#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace hardtoken {

TrainingHost::TrainingHost(RegistrationFlow& flow, Language& language, QMainWindow* window, QMenuBar* bar,
    QWidget* screens, std::function<ManualPage*()> currentPage)
    : QObject(window)
    , m_flow(flow)
    , m_language(language)
    , m_window(window)
    , m_screens(screens)
    , m_currentPage(std::move(currentPage))
    , m_menu(bar->addMenu(QString()))
{
    m_cardsAction = m_menu->addAction(QString(), this, [this] { showVirtualCards(); });
    m_cardsAction->setObjectName(QStringLiteral("virtualCardsAction"));
    m_resetAction = m_menu->addAction(QString(), this, [this] {
        if (confirmTraining(
                tr("シナリオを最初の状態に戻しますか？ これまでの操作（利用登録、誤入力回数、利用中止）は消えます。")))
            resetScenario();
    });
    m_resetAction->setObjectName(QStringLiteral("resetScenarioAction"));
    m_switchMenu = m_menu->addMenu(QString());
    // The bundled scenarios' titles are read when the menu opens, not at start-up (one of them
    // is a 256 KB file).
    connect(m_switchMenu, &QMenu::aboutToShow, this, &TrainingHost::fillScenarioMenu);
    m_menu->addSeparator();
    m_exerciseAction = m_menu->addAction(QString(), this, [this] { openTrainingStart(); });
    m_exerciseAction->setObjectName(QStringLiteral("startExerciseAction"));
    m_exerciseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_resultsAction = m_menu->addAction(QString(), this, [this] { openTrainingResults(); });
    m_resultsAction->setObjectName(QStringLiteral("trainingResultsAction"));
    storeReplaced();
    connect(&m_flow.service(), &RegistrationService::corporationChanged, this, [this] {
        if (m_cards)
            m_cards->refreshHolders();
    });
}

TrainingHost::~TrainingHost() = default;

QStringList TrainingHost::bundledScenarios()
{
    return { QStringLiteral(":/scenarios/manual-ch9.json"), QStringLiteral(":/scenarios/shared-mode.json"),
        QStringLiteral(":/scenarios/suspended.json"), QStringLiteral(":/scenarios/large-2000.json") };
}

void TrainingHost::storeReplaced()
{
    if (m_cards)
        m_cards->reload();
    // Virtual cards and scenarios exist only for training stores.
    m_menu->menuAction()->setVisible(m_flow.service().store().isTrainingStore());
}

void TrainingHost::placesReset()
{
    if (m_cards)
        placeCardWindow();
}

void TrainingHost::settingsChanged()
{
    if (m_cards)
        m_cards->setCardDisplaySeconds(QSettings().value(desktop::cardSecondsKey()).toInt());
}

void TrainingHost::windowClosing()
{
    stopExercise(); // an exercise left open is kept as not completed
    if (m_cards && m_cards->isVisible())
        m_cards->close(); // its place is remembered (eventFilter)
}

bool TrainingHost::confirmTraining(const QString& question)
{
    // Resetting or switching a scenario replaces what the trainee did: asked first, No by default.
    return QMessageBox::question(
               m_window, m_window->windowTitle(), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void TrainingHost::fillScenarioMenu()
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
                QMessageBox::warning(m_window, m_window->windowTitle(), why);
        });
    }
}

VirtualCardPanel* TrainingHost::showVirtualCards()
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    if (!m_cards) {
        m_cards = new VirtualCardPanel(m_flow.service().store(), m_flow.service().store().clock(), m_window);
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

void TrainingHost::placeCardWindow()
{
    // Beside the main window when it fits, else at the screen's right edge: always on screen.
    const QRect available = m_window->screen() ? m_window->screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    const QSize size = m_cards->sizeHint().boundedTo(available.size());
    QPoint at = m_window->frameGeometry().topRight() + QPoint(8, 0);
    if (at.x() + size.width() > available.right())
        at.setX(available.right() - size.width());
    at.setX(qMax(available.left(), at.x()));
    at.setY(qBound(available.top(), at.y(), qMax(available.top(), available.bottom() - size.height())));
    m_cards->resize(size);
    m_cards->move(at);
}

bool TrainingHost::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_cards && event->type() == QEvent::Hide)
        QSettings().setValue(desktop::cardWindowGeometryKey(), m_cards->saveGeometry());
    return QObject::eventFilter(watched, event);
}

void TrainingHost::resetScenario()
{
    stopExercise(); // a reset ends the exercise under way (kept as not completed)
    QString error;
    if (!ScenarioLoader::reset(m_flow.service().store(), &error)) {
        QMessageBox::warning(m_window, m_window->windowTitle(), error);
        return;
    }
    Q_EMIT storeReloaded();
    m_window->statusBar()->showMessage(tr("シナリオを最初の状態に戻しました。"), 5000);
}

bool TrainingHost::loadScenario(const QString& source, QString* error)
{
    stopExercise();
    const auto scenario = ScenarioLoader::load(source, error);
    if (!scenario || !ScenarioLoader::apply(m_flow.service().store(), *scenario, source, error))
        return false;
    Q_EMIT storeReloaded();
    m_window->statusBar()->showMessage(
        tr("シナリオ「%1」を読み込みました。").arg(scenario->titleIn(m_language.current())), 5000);
    return true;
}

void TrainingHost::retranslate()
{
    m_menu->setTitle(tr("トレーニング(&T)"));
    m_resetAction->setText(tr("シナリオを最初の状態に戻す(&R)"));
    m_cardsAction->setText(tr("仮想カードトークンを表示(&C)"));
    m_switchMenu->setTitle(tr("シナリオを切り替える(&S)"));
    m_exerciseAction->setText(tr("練習を始める(&E)..."));
    m_resultsAction->setText(tr("練習の結果(&V)..."));
    if (m_coachDock)
        m_coachDock->setWindowTitle(tr("コーチ"));
    m_switchMenu->clear(); // refilled in the new language when it opens
}

TrainingStartDialog* TrainingHost::openTrainingStart(const QString& exerciseId)
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    auto* dialog = new TrainingStartDialog(m_lastTrainee, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!exerciseId.isEmpty())
        dialog->selectExercise(exerciseId);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto exercise = dialog->exercise();
        QString error;
        if (exercise && !startExercise(*exercise, dialog->trainee(), &error))
            QMessageBox::warning(m_window, m_window->windowTitle(), error);
    });
    dialog->open();
    return dialog;
}

TrainingSession* TrainingHost::startExercise(const Exercise& exercise, const QString& trainee, QString* error)
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
    Q_EMIT flowWanted();
    Q_EMIT storeReloaded();
    m_lastTrainee = name;
    m_savedResultId = 0;
    // The trainee is the actor of what the exercise does at the desk (no staff session here).
    m_flow.service().setActor(DeskSession::traineeActor(name));

    showCoach();
    delete m_demo;
    delete m_session;
    m_session = new TrainingSession(exercise, m_flow, store.clock(), name, this);
    connect(m_session, &TrainingSession::finished, this, &TrainingHost::exerciseFinished);
    Demonstration::Secrets secrets { scenario->pin, {}, {} };
    if (!scenario->staff.isEmpty())
        secrets = { scenario->pin, scenario->staff.first().login, scenario->staff.first().credential };
    m_demo = new Demonstration(*m_session, m_flow.service(), secrets, this);
    connect(m_demo, &Demonstration::finished, this, [this] { m_coach->setDemonstrating(false); });
    m_session->start();
    m_coach->setSession(m_session);
    m_coachDock->show();
    fitBesideCoach();
    showVirtualCards();
    m_window->raise();
    m_window->activateWindow();
    return m_session;
}

// The coach dock and the coach marks, made the first time an exercise starts.
void TrainingHost::showCoach()
{
    if (!m_overlay)
        m_overlay = new CoachOverlay(m_window);
    if (m_coachDock)
        return;
    m_coach = new CoachPanel(m_overlay, [this]() -> QWidget* { return m_currentPage(); });
    m_coachDock = new QDockWidget(m_window);
    m_coachDock->setObjectName(QStringLiteral("coachDock"));
    m_coachDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_coachDock->setWidget(m_coach);
    m_coachDock->setWindowTitle(tr("コーチ"));
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_coachDock);
    m_window->resizeDocks({ m_coachDock }, { 300 }, Qt::Horizontal);
    // After the window's showScreen (connected first): the marks are looked up on the screen just shown.
    connect(&m_flow, &RegistrationFlow::screenChanged, m_coach, &CoachPanel::refresh);
    connect(m_coach, &CoachPanel::stopRequested, this, &TrainingHost::stopExercise);
    connect(m_coach, &CoachPanel::demonstrationRequested, this, &TrainingHost::playDemonstration);
    connect(m_coach, &CoachPanel::certificateRequested, this, [this] { saveFinishedResult(true); });
    connect(m_coach, &CoachPanel::csvRequested, this, [this] { saveFinishedResult(false); });
    connect(m_coach, &CoachPanel::anotherRequested, this, [this] { openTrainingStart(); });
}

// The screens keep the width they need beside the coach, where the desktop has room for both.
void TrainingHost::fitBesideCoach()
{
    const QRect available = m_window->screen() ? m_window->screen()->availableGeometry() : QRect(0, 0, 1280, 960);
    const int wanted = m_screens->minimumSizeHint().width() + m_coachDock->sizeHint().width() + 32;
    if (!m_window->isMaximized() && m_window->width() < wanted)
        m_window->resize(qMin(wanted, available.width()), m_window->height());
}

void TrainingHost::playDemonstration()
{
    if (!m_demo || !m_session)
        return;
    if (m_demo->play(m_currentPage()))
        m_coach->setDemonstrating(true);
    else
        m_window->statusBar()->showMessage(m_demo->error(), 5000);
}

void TrainingHost::stopExercise()
{
    if (!m_session || m_session->isFinished())
        return;
    if (m_demo)
        m_demo->stop();
    m_session->abandon(); // finished(false): saved as not completed
}

void TrainingHost::exerciseFinished(bool)
{
    const TrainingResult result = m_session->result();
    m_savedResultId = TrainingResultTable::save(m_flow.service().store(), result);
    m_coach->showFinished(
        result, m_savedResultId != 0, m_savedResultId ? QString() : m_flow.service().store().errorMessage());
}

void TrainingHost::saveFinishedResult(bool pdf)
{
    const auto result = TrainingResultTable::find(m_flow.service().store(), m_savedResultId);
    if (!result)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(documents).filePath(
        TrainingCertificate::fileName(*result, pdf ? QStringLiteral("pdf") : QStringLiteral("csv")));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("練習の結果を保存"), suggested,
        pdf ? QStringLiteral("PDF (*.pdf)") : QStringLiteral("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok
        = pdf ? TrainingCertificate::write(*result, path, &error) : TrainingReport::writeCsv({ *result }, path, &error);
    m_window->statusBar()->showMessage(
        ok ? tr("%1 に保存しました。").arg(QDir::toNativeSeparators(path)) : error, 10000);
    if (!ok)
        QMessageBox::warning(m_window, m_window->windowTitle(), error);
}

TrainingResultsDialog* TrainingHost::openTrainingResults()
{
    if (!m_flow.service().store().isTrainingStore())
        return nullptr;
    auto* dialog = new TrainingResultsDialog(m_flow.service().store(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace hardtoken
