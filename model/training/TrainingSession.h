#pragma once

#include "desk/ManualSteps.h"
#include "desk/RegistrationFlow.h"
#include "training/Exercise.h"

#include <QObject>

#include <optional>

namespace hardtoken {

class Clock;

// A wrong turn of a trainee: what was done at which step. The explanation is said when read
// (TrainingSession::explain), so it follows the language; the typed one-time password is never kept.
struct TrainingWrongTurn {
    Q_GADGET
public:
    enum class Kind {
        WrongButton, // an action the step does not ask for (`action`)
        SerialTypo, // a serial no card has (`detail`: the serial typed)
        ExpiredCode, // a code the card showed earlier and has since replaced
        WrongCode, // a code the card never showed
        WrongPin, // 契約法人確認暗証番号
        InvalidInput, // a field against the input rules (`detail`: the message)
        NoUserChosen, // 次へ with no user chosen (9.2.2)
        GoalNotMet, // OK went through but the exercise's goal is not reached (`detail`: entries)
        UnexpectedSuspension, // 利用中止 in an exercise that does not practise it
        RightInsteadOfWrong, // a right code where the exercise practises 利用中止 (wrong ones)
    };
    Q_ENUM(Kind)
    int step = -1; // index into the exercise's steps
    QString stepId {};
    Kind kind = Kind::WrongButton;
    RegistrationFlow::Action action = RegistrationFlow::Action::Next;
    QString detail {};
    int remainingAttempts = -1;
    InputField field = InputField::Serial; // with InvalidInput (not kept with the result)
    qint64 atMSecs = 0; // since the start
};

// Time, hints and demonstrations of one expected step (a step expected twice has two records).
struct TrainingStepRecord {
    QString stepId {};
    qint64 msecs = 0;
    int hints = 0;
    int demonstrations = 0;
    int wrongTurns = 0;
    bool done = false;
};

// How an exercise went: what the trainer reads, saved per trainee in the training store.
struct TrainingResult {
    qint64 id = 0;
    QString trainee {};
    QString exerciseId {};
    QString exerciseTitle {}; // Japanese (the source language), for exercises no longer bundled
    qint64 startedAtMSecs = 0; // since the epoch
    qint64 totalMSecs = 0;
    bool completed = false;
    QList<TrainingStepRecord> steps {};
    QList<TrainingWrongTurn> wrongTurns {};
    int otpFailuresReached = 0; // the highest 誤入力回数 (serial/OTP) the corporation reached
    int pinFailuresReached = 0;
    bool suspended = false; // 利用中止 was reached
    int hints() const;
    int demonstrations() const;
};

// Follows a trainee through an exercise, over the flow the screens drive: which expected step the
// trainee is on (the manual's sentence and the controls it names), wrong turns with an
// explanation quoting the manual's ⚠️ ご注意 or ✎ メモ, hints, and the time of each step by the
// injected clock. Runs without widgets; the coach panel shows it.
//
// The cursor moves on when the screen of the next expected step is entered, and back to the latest
// earlier step of a screen the trainee returned to (キャンセル, トップ). "suspended" is reached when
// the 利用中止 notice appears; "unlock" is done when the help desk lifts it. The exercise is done
// when the last step's OK went through and the exercise's expectations hold.
class TrainingSession final : public QObject {
    Q_OBJECT
public:
    TrainingSession(
        Exercise exercise, RegistrationFlow& flow, const Clock& clock, QString trainee, QObject* parent = nullptr);
    ~TrainingSession() override;

    const Exercise& exercise() const { return m_exercise; }
    QString trainee() const { return m_trainee; }
    // Starts the clock on the first step (the flow is on the scenario's first screen).
    void start();
    int current() const { return m_current; }
    int count() const { return int(m_exercise.steps.size()); }
    bool isFinished() const { return m_finished; }
    // The step's sentence: the manual's (with its ** marks), or the desk's for suspended/unlock.
    QString sentence(int index) const;
    // The screen the step is done on.
    RegistrationFlow::Screen screenOf(int index) const;
    // What the current step says to do now, act by act (ManualSteps' acts; 追加 when another user
    // follows; the help desk's unlock on the 利用中止 notice). 見本 plays them.
    QList<ManualAct> acts() const;
    // The objectNames the coach marks frame for the current step: the widgets of its acts.
    QStringList highlights() const;
    // True when the flow shows another screen than the current step's (the coach says where to go).
    bool offTrack() const;
    QString wayBack() const; // 「[利用者情報選択]画面に戻ってください。」 when off track
    // ヒント: what comes after the current step (counted).
    QString takeHint();
    // The same, said again (after a language change) without counting.
    QString hintText() const;
    // 見本: counted on the current step.
    void noteDemonstration();
    // Stops an unfinished exercise (練習をやめる): the result is kept as not completed.
    void abandon();

    QString explain(const TrainingWrongTurn& turn) const;
    static QString whatWasDone(const TrainingWrongTurn& turn);
    static QString actionName(RegistrationFlow::Action action);
    static QString deskSentence(const QString& stepId);

    TrainingResult result() const;
    std::optional<TrainingWrongTurn> lastWrongTurn() const;

Q_SIGNALS:
    void stepChanged(int index);
    void wrongTurnTaken(const hardtoken::TrainingWrongTurn& turn);
    void finished(bool completed);

private:
    void onScreen(RegistrationFlow::Screen screen);
    void onActed(RegistrationFlow::Action action, const Outcome& outcome);
    void onTokenChecked(const QString& serial, const QString& otp, const Outcome& outcome);
    void onCompleted();
    void onUnlocked();
    QList<RegistrationFlow::Action> accepted(int index) const;
    bool goalMet(QString* detail) const;
    void moveTo(int index);
    void complete(int index); // marks the step done and moves on (or finishes)
    void finish(bool completed);
    void record(TrainingWrongTurn turn);
    void noteCounters();
    qint64 elapsed() const;
    std::optional<ManualStep> manualStep(int index) const;
    bool isMilestone(int index) const;
    static std::optional<ManualBox> box(const QString& stepId, ManualBox::Kind kind);

    Exercise m_exercise;
    RegistrationFlow& m_flow;
    const Clock& m_clock;
    QString m_trainee;
    QList<ManualStep> m_table;
    int m_current = 0;
    bool m_started = false;
    bool m_finished = false;
    qint64 m_startMSecs = 0;
    qint64 m_stepStartMSecs = 0;
    TrainingResult m_result;
    std::optional<TrainingWrongTurn::Kind> m_tokenRefusal;
    QString m_tokenSerial;
    int m_queued = 0; // entries in the 利用登録情報の一覧 at the last 次へ/削除
};

} // namespace hardtoken

Q_DECLARE_METATYPE(hardtoken::TrainingWrongTurn)
