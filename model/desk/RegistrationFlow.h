#pragma once

#include "desk/RegistrationService.h"

#include <QObject>

class QState;
class QStateMachine;

namespace hardtoken {

// The screens of chapter 9 as a QStateMachine. Each state is named after the manual's screen; the
// user's actions are methods that ask the service first (the guards) and only then fire the
// transition. It runs without widgets: the main window follows its states, tests drive it headless.
//
//   CorporateStatus --openUserRegistration--> UserInfoSelection
//   UserInfoSelection --changeMode--> UsageModeConfirm --confirmUsageMode ok--> UserInfoSelection
//   UserInfoSelection --startRegistration--> SharedRegistrationInput | IndividualRegistrationInput
//   SharedRegistrationInput --next ok--> SharedRegistrationConfirm --confirmRegistration ok--> UserInfoSelection
//   IndividualRegistrationInput --next ok--> IndividualRegistrationConfirm
//   IndividualRegistrationConfirm --add--> IndividualRegistrationInput (入力完了 shown)
//   IndividualRegistrationInput --inputComplete (only after add)--> IndividualRegistrationConfirm
//   IndividualRegistrationConfirm --confirmRegistration ok--> UserInfoSelection
//   Procedure (every input/confirm state) --cancel--> UserInfoSelection (nothing saved)
//   Active (every state above) --service suspended--> Suspended --unlocked--> CorporateStatus
class RegistrationFlow final : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool inputCompleteVisible READ inputCompleteVisible NOTIFY inputCompleteVisibleChanged)
public:
    enum class Screen {
        CorporateStatus,
        UserInfoSelection,
        UsageModeConfirm,
        SharedRegistrationInput,
        SharedRegistrationConfirm,
        IndividualRegistrationInput,
        IndividualRegistrationConfirm,
        Suspended,
    };
    Q_ENUM(Screen)

    // What the administrator did (the buttons and links of the manual's screens), as `acted`
    // reports it: for the guided training, which tells a wrong turn from the step's own action.
    enum class Action {
        OpenUserRegistration, // 利用者情報登録/変更
        GoToTop, // トップ
        ChangeMode, // 変更
        StartRegistration, // 利用登録
        Next, // 次へ
        ConfirmUsageMode, // OK (利用形態)
        ConfirmRegistration, // OK (利用登録)
        Add, // 追加
        InputComplete, // 入力完了
        Remove, // 削除
        Cancel, // キャンセル
        Unlock, // the help desk on the 利用中止 notice
    };
    Q_ENUM(Action)

    explicit RegistrationFlow(RegistrationService& service, QObject* parent = nullptr);
    ~RegistrationFlow() override;

    // Starts on 契約法人ステータス, or on the 利用中止 notice when the corporation is suspended.
    void start();
    bool isRunning() const;
    Screen screen() const;
    QString screenName() const; // the active state's objectName
    QState* state(Screen screen) const;
    QStateMachine& machine() const { return *m_machine; }
    RegistrationService& service() const { return m_service; }

    // 入力完了 is shown only when the input screen was reached through 追加 (manual 9.2.2 メモ).
    bool inputCompleteVisible() const { return m_inputCompleteVisible; }

    // The user's actions. Each returns what the service said; a refused action changes no screen.
    void openUserRegistration();
    void goToTop();
    void changeMode();
    Outcome startRegistration();
    Outcome next(qint64 userId, const QString& serial, const QString& otp);
    Outcome confirmUsageMode(UsageMode mode, const QString& pin);
    Outcome confirmRegistration(const QString& pin);
    void add();
    bool inputComplete();
    int remove(const QList<qint64>& userIds);
    void cancel();
    Outcome unlock(const QString& staffLogin, const QString& staffCredential);
    // After the store changed underneath (scenario reset): back to 契約法人ステータス, or to the
    // 利用中止 notice if the corporation is suspended.
    void restartAtTop();

Q_SIGNALS:
    // OK succeeded; `message` says what was done, for the 利用者情報選択 screen to show (and to say
    // again in another language).
    void procedureCompleted(const hardtoken::Saying& message);
    // The help desk lifted 利用中止 on the notice; `message` is for 契約法人ステータス to show.
    void suspensionLifted(const hardtoken::Saying& message);
    void screenChanged(hardtoken::RegistrationFlow::Screen screen);
    // An action was taken on the screen it belongs to, with what the service said (an action its
    // screen does not offer is not reported). Emitted before the screen changes.
    void acted(hardtoken::RegistrationFlow::Action action, const hardtoken::Outcome& outcome);
    // 次へ checked a serial and a one-time password (before `acted`): what was typed, for the
    // guided training to tell a mistyped serial from an expired code. Never stored or logged.
    void tokenChecked(const QString& serial, const QString& otp, const hardtoken::Outcome& outcome);
    void inputCompleteVisibleChanged(bool visible);

    // Transition triggers, emitted only by the action methods once the guards pass: QPrivateSignal
    // keeps anyone else from emitting them and skipping the guards.
    void toUserInfoSelection(QPrivateSignal);
    void toTop(QPrivateSignal);
    void toUsageModeConfirm(QPrivateSignal);
    void toSharedInput(QPrivateSignal);
    void toIndividualInput(QPrivateSignal);
    void toSharedConfirm(QPrivateSignal);
    void toIndividualConfirm(QPrivateSignal);
    void cancelRequested(QPrivateSignal);
    void toSuspended(QPrivateSignal);
    void unlocked(QPrivateSignal);

private:
    void setInputCompleteVisible(bool visible);
    Outcome report(Action action, const Outcome& outcome);
    bool isIn(Screen screen) const;

    RegistrationService& m_service;
    QStateMachine* m_machine = nullptr;
    QState* m_active = nullptr;
    QState* m_procedure = nullptr;
    QHash<Screen, QState*> m_states;
    bool m_inputCompleteVisible = false;
};

} // namespace hardtoken
