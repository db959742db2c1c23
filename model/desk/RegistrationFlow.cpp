#include "desk/RegistrationFlow.h"

#include "store/Store.h"

#include <QFinalState>
#include <QMetaEnum>
#include <QState>
#include <QStateMachine>

namespace hardtoken {

RegistrationFlow::RegistrationFlow(RegistrationService& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_machine(new QStateMachine(this))
{
    m_machine->setObjectName(QStringLiteral("RegistrationFlow"));
    m_active = new QState(m_machine);
    m_active->setObjectName(QStringLiteral("Active"));
    const QMetaEnum screens = QMetaEnum::fromType<Screen>();
    const auto makeState = [&](Screen s, QState* parentState) {
        auto* state = new QState(parentState);
        state->setObjectName(QString::fromLatin1(screens.valueToKey(static_cast<int>(s))));
        connect(state, &QState::entered, this, [this, s] { Q_EMIT screenChanged(s); });
        m_states.insert(s, state);
        return state;
    };
    QState* status = makeState(Screen::CorporateStatus, m_active);
    QState* users = makeState(Screen::UserInfoSelection, m_active);
    m_procedure = new QState(m_active);
    m_procedure->setObjectName(QStringLiteral("Procedure"));
    QState* modeConfirm = makeState(Screen::UsageModeConfirm, m_procedure);
    QState* sharedInput = makeState(Screen::SharedRegistrationInput, m_procedure);
    QState* sharedConfirm = makeState(Screen::SharedRegistrationConfirm, m_procedure);
    QState* individualInput = makeState(Screen::IndividualRegistrationInput, m_procedure);
    QState* individualConfirm = makeState(Screen::IndividualRegistrationConfirm, m_procedure);
    QState* suspended = makeState(Screen::Suspended, m_machine);
    m_active->setInitialState(status);
    m_procedure->setInitialState(modeConfirm);

    status->addTransition(this, &RegistrationFlow::toUserInfoSelection, users);
    users->addTransition(this, &RegistrationFlow::toUsageModeConfirm, modeConfirm);
    users->addTransition(this, &RegistrationFlow::toSharedInput, sharedInput);
    users->addTransition(this, &RegistrationFlow::toIndividualInput, individualInput);
    modeConfirm->addTransition(this, &RegistrationFlow::toUserInfoSelection, users);
    sharedInput->addTransition(this, &RegistrationFlow::toSharedConfirm, sharedConfirm);
    sharedConfirm->addTransition(this, &RegistrationFlow::toUserInfoSelection, users);
    individualInput->addTransition(this, &RegistrationFlow::toIndividualConfirm, individualConfirm);
    individualConfirm->addTransition(this, &RegistrationFlow::toIndividualInput, individualInput);
    individualConfirm->addTransition(this, &RegistrationFlow::toUserInfoSelection, users);
    // One キャンセル for every input and confirm screen.
    m_procedure->addTransition(this, &RegistrationFlow::cancelRequested, users);
    // トップ (breadcrumb) from anywhere that is not suspended.
    m_active->addTransition(this, &RegistrationFlow::toTop, status);
    // Reaching the failure limit, from any state.
    m_active->addTransition(this, &RegistrationFlow::toSuspended, suspended);
    suspended->addTransition(this, &RegistrationFlow::unlocked, m_active);

    // Whatever way the procedure ended (OK, キャンセル, トップ, 利用中止), what was not committed is gone.
    connect(m_procedure, &QState::exited, &m_service, &RegistrationService::discardPending);
    connect(&m_service, &RegistrationService::suspended, this, [this] { Q_EMIT toSuspended(QPrivateSignal()); });
}

RegistrationFlow::~RegistrationFlow() = default;

void RegistrationFlow::start()
{
    m_machine->setInitialState(
        m_service.isSuspended() ? static_cast<QAbstractState*>(m_states.value(Screen::Suspended)) : m_active);
    m_machine->start();
}

bool RegistrationFlow::isRunning() const
{
    return m_machine->isRunning();
}

QState* RegistrationFlow::state(Screen screen) const
{
    return m_states.value(screen);
}

bool RegistrationFlow::isIn(Screen screen) const
{
    return m_machine->configuration().contains(m_states.value(screen));
}

RegistrationFlow::Screen RegistrationFlow::screen() const
{
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (m_machine->configuration().contains(it.value()))
            return it.key();
    }
    return Screen::CorporateStatus;
}

QString RegistrationFlow::screenName() const
{
    for (QState* s : std::as_const(m_states)) {
        if (m_machine->configuration().contains(s))
            return s->objectName();
    }
    return {};
}

void RegistrationFlow::setInputCompleteVisible(bool visible)
{
    if (visible == m_inputCompleteVisible)
        return;
    m_inputCompleteVisible = visible;
    Q_EMIT inputCompleteVisibleChanged(visible);
}

Outcome RegistrationFlow::report(Action action, const Outcome& outcome)
{
    Q_EMIT acted(action, outcome);
    return outcome;
}

void RegistrationFlow::openUserRegistration()
{
    if (!isIn(Screen::CorporateStatus))
        return;
    report(Action::OpenUserRegistration, {});
    Q_EMIT toUserInfoSelection(QPrivateSignal());
}

void RegistrationFlow::goToTop()
{
    if (!isIn(Screen::CorporateStatus) && !isIn(Screen::Suspended))
        report(Action::GoToTop, {});
    Q_EMIT toTop(QPrivateSignal());
}

void RegistrationFlow::changeMode()
{
    if (!isIn(Screen::UserInfoSelection))
        return;
    if (m_service.isSuspended()) {
        report(Action::ChangeMode,
            Outcome::said(ServiceError::Suspended, [] { return tr("本システムは利用中止状態です。"); }));
        Q_EMIT toSuspended(QPrivateSignal());
        return;
    }
    report(Action::ChangeMode, {});
    Q_EMIT toUsageModeConfirm(QPrivateSignal());
}

Outcome RegistrationFlow::startRegistration()
{
    if (!isIn(Screen::UserInfoSelection))
        return Outcome::said(ServiceError::WrongMode, [] { return tr("この画面では利用登録を開始できません。"); });
    const auto read = m_service.corporationState();
    if (!read)
        return report(Action::StartRegistration, Outcome::said(ServiceError::Unreachable, &Store::unreachableMessage));
    const CorporationInfo& c = *read;
    if (c.suspended) {
        const Outcome o = report(Action::StartRegistration,
            Outcome::said(ServiceError::Suspended, [] { return tr("本システムは利用中止状態です。"); }));
        Q_EMIT toSuspended(QPrivateSignal());
        return o;
    }
    switch (c.mode) {
    case UsageMode::Shared:
        report(Action::StartRegistration, {});
        Q_EMIT toSharedInput(QPrivateSignal());
        return {};
    case UsageMode::Individual:
        report(Action::StartRegistration, {});
        setInputCompleteVisible(false);
        Q_EMIT toIndividualInput(QPrivateSignal());
        return {};
    case UsageMode::Unset:
        break;
    }
    return report(Action::StartRegistration, Outcome::said(ServiceError::ModeNotSet, [] {
        return tr(
            "カード型ハードトークンの利用形態が設定されていません。「変更」ボタンを押して、利用形態を設定してください"
            "。");
    }));
}

Outcome RegistrationFlow::next(qint64 userId, const QString& serial, const QString& otp)
{
    if (isIn(Screen::SharedRegistrationInput)) {
        const Outcome o = m_service.checkSharedToken(serial, otp);
        Q_EMIT tokenChecked(serial, otp, o);
        report(Action::Next, o);
        if (o.ok())
            Q_EMIT toSharedConfirm(QPrivateSignal());
        return o;
    }
    if (isIn(Screen::IndividualRegistrationInput)) {
        const Outcome o = m_service.enqueue(userId, serial, otp);
        if (o.error != ServiceError::NoUserChosen)
            Q_EMIT tokenChecked(serial, otp, o);
        report(Action::Next, o);
        if (o.ok())
            Q_EMIT toIndividualConfirm(QPrivateSignal());
        return o;
    }
    return Outcome::said(ServiceError::WrongMode, [] { return tr("この画面では「次へ」は使えません。"); });
}

Outcome RegistrationFlow::confirmUsageMode(UsageMode mode, const QString& pin)
{
    if (!isIn(Screen::UsageModeConfirm))
        return Outcome::said(ServiceError::WrongMode, [] { return tr("この画面では利用形態を設定できません。"); });
    const Outcome o = report(Action::ConfirmUsageMode, m_service.changeUsageMode(mode, pin));
    if (o.ok()) {
        Q_EMIT procedureCompleted([] { return tr("カード型ハードトークンの利用形態の設定が完了しました。"); });
        Q_EMIT toUserInfoSelection(QPrivateSignal());
    }
    return o;
}

Outcome RegistrationFlow::confirmRegistration(const QString& pin)
{
    Outcome o;
    if (isIn(Screen::SharedRegistrationConfirm))
        o = m_service.commitShared(pin);
    else if (isIn(Screen::IndividualRegistrationConfirm))
        o = m_service.commitQueue(pin);
    else
        return Outcome::said(ServiceError::WrongMode, [] { return tr("この画面では利用登録を確定できません。"); });
    report(Action::ConfirmRegistration, o);
    if (o.ok()) {
        Q_EMIT procedureCompleted([] { return tr("カード型ハードトークンの利用登録が完了しました。"); });
        Q_EMIT toUserInfoSelection(QPrivateSignal());
    }
    return o;
}

void RegistrationFlow::add()
{
    if (!isIn(Screen::IndividualRegistrationConfirm))
        return;
    report(Action::Add, {});
    setInputCompleteVisible(true);
    Q_EMIT toIndividualInput(QPrivateSignal());
}

bool RegistrationFlow::inputComplete()
{
    if (!isIn(Screen::IndividualRegistrationInput) || !m_inputCompleteVisible)
        return false;
    report(Action::InputComplete, {});
    Q_EMIT toIndividualConfirm(QPrivateSignal());
    return true;
}

int RegistrationFlow::remove(const QList<qint64>& userIds)
{
    if (!isIn(Screen::IndividualRegistrationConfirm))
        return 0;
    const qsizetype before = m_service.queue().size();
    m_service.removeFromQueue(userIds);
    report(Action::Remove, {});
    return static_cast<int>(before - m_service.queue().size());
}

void RegistrationFlow::cancel()
{
    if (m_procedure && m_machine->configuration().contains(m_procedure))
        report(Action::Cancel, {});
    Q_EMIT cancelRequested(QPrivateSignal());
}

void RegistrationFlow::restartAtTop()
{
    const bool suspended = m_service.isSuspended();
    if (isIn(Screen::Suspended)) {
        if (!suspended)
            Q_EMIT unlocked(QPrivateSignal());
        return;
    }
    if (suspended)
        Q_EMIT toSuspended(QPrivateSignal());
    else
        Q_EMIT toTop(QPrivateSignal());
}

Outcome RegistrationFlow::unlock(const QString& staffLogin, const QString& staffCredential)
{
    const Outcome o = m_service.unlock(staffLogin, staffCredential);
    if (isIn(Screen::Suspended))
        report(Action::Unlock, o);
    if (o.ok()) {
        Q_EMIT suspensionLifted([] { return tr("利用中止状態を解除しました。引き続きご利用いただけます。"); });
        Q_EMIT unlocked(QPrivateSignal());
    }
    return o;
}

} // namespace hardtoken
