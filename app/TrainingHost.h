#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QMenuBar;
class QWidget;

namespace hardtoken {

class CoachOverlay;
class CoachPanel;
class Demonstration;
class Language;
class ManualPage;
class RegistrationFlow;
class TrainingResultsDialog;
class TrainingSession;
class TrainingStartDialog;
class VirtualCardPanel;
struct Exercise;

// What the main window hosts for training stores: the トレーニング menu (virtual cards, scenario
// reset and switch, exercises, results), the virtual card window, and an exercise under way with
// its coach dock, coach marks and 見本. The screens stay the window's: it is told through the
// signals when the store was replaced or the flow must be in front.
class TrainingHost final : public QObject {
    Q_OBJECT
public:
    // `currentPage`: the screen in front (the coach marks and 見本 act on it); `screens`: the page
    // stack, whose width the window keeps beside the coach.
    TrainingHost(RegistrationFlow& flow, Language& language, QMainWindow* window, QMenuBar* bar, QWidget* screens,
        std::function<ManualPage*()> currentPage);
    ~TrainingHost() override;

    // トレーニング: the virtual cards (training stores only; nullptr otherwise).
    VirtualCardPanel* showVirtualCards();
    bool loadScenario(const QString& source, QString* error);
    static QStringList bundledScenarios();
    // トレーニング > 練習を始める (window-modal, not blocking): starts the chosen exercise at OK.
    TrainingStartDialog* openTrainingStart(const QString& exerciseId = {});
    // Resets the training store to the exercise's scenario and starts coaching `trainee` through
    // it (the coach dock, the coach marks, the virtual cards). nullptr with `error` on a production
    // store or a scenario that cannot be loaded.
    TrainingSession* startExercise(const Exercise& exercise, const QString& trainee, QString* error);
    TrainingSession* trainingSession() const { return m_session; }
    CoachPanel* coachPanel() const { return m_coach; }
    CoachOverlay* coachOverlay() const { return m_overlay; }
    Demonstration* demonstration() const { return m_demo; }
    // 練習をやめる: the result is saved as not completed.
    void stopExercise();
    // The id the finished exercise's result was saved under (0: not saved).
    qint64 savedResultId() const { return m_savedResultId; }
    // トレーニング > 練習の結果 (window-modal, not blocking).
    TrainingResultsDialog* openTrainingResults();

    // The window's hooks: the store was replaced (the cards and the menu follow it), the window's
    // places were reset or the settings changed, the window is closing.
    void storeReplaced();
    void placesReset();
    void settingsChanged();
    void windowClosing();
    void retranslate();

Q_SIGNALS:
    // A scenario was loaded or reset: the window reads the store again (then calls storeReplaced()).
    void storeReloaded();
    // An exercise starts: the manual's screens must be in front (not 契約法人の選択).
    void flowWanted();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillScenarioMenu();
    bool confirmTraining(const QString& question);
    void resetScenario();
    void placeCardWindow();
    void showCoach();
    void fitBesideCoach();
    void exerciseFinished(bool completed);
    void playDemonstration();
    void saveFinishedResult(bool pdf);

    RegistrationFlow& m_flow;
    Language& m_language;
    QMainWindow* m_window;
    QWidget* m_screens;
    std::function<ManualPage*()> m_currentPage;
    QMenu* m_menu = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_cardsAction = nullptr;
    QMenu* m_switchMenu = nullptr;
    QAction* m_exerciseAction = nullptr;
    QAction* m_resultsAction = nullptr;
    VirtualCardPanel* m_cards = nullptr;
    QDockWidget* m_coachDock = nullptr;
    CoachPanel* m_coach = nullptr;
    CoachOverlay* m_overlay = nullptr;
    TrainingSession* m_session = nullptr;
    Demonstration* m_demo = nullptr;
    qint64 m_savedResultId = 0;
    QString m_lastTrainee;
};

} // namespace hardtoken
