// The chapter-9 acts on a desk with no key (Store::openDesk): the server checks, counts, decides
// and audits (store/sql/token_check.sql, pin_acts.sql), in the session of the staff member signed
// in at the desk; here its answers become the manual's words, and the 利用登録情報の一覧 and the
// pending shared token are kept as on any desk. An act that got no answer is asked again by the
// person (the same act goes with the same request id: ServerDesk), so it is never done twice.
#include "desk/RegistrationService.h"

#include "core/Validation.h"
#include "store/ServerDesk.h"
#include "store/Store.h"

namespace hardtoken {

Outcome RegistrationService::sessionEnded() const
{
    return Outcome::said(ServiceError::StoreFailure,
        [] { return tr("担当者のサインインが終わっています。サインインし直してください。"); });
}

Outcome RegistrationService::checkTokenOnServer(
    const QString& serialInput, const QString& otpInput, UsageMode mode, qint64 forUserId, QueuedRegistration* out)
{
    const StoreSettings settings = m_store.settings();
    const InputCheck serial = Validation::checkSerial(serialInput, settings.normaliseFullWidth);
    const InputCheck otp = Validation::checkOtp(otpInput, settings.normaliseFullWidth);
    // A serial in the list for another user is refused here, before the server counts anything.
    if (serial.ok() && forUserId != 0) {
        for (const QueuedRegistration& q : std::as_const(m_queue)) {
            if (q.serial == serial.value && q.userId != forUserId) {
                return Outcome::said(ServiceError::SerialQueuedForOther, [serial = q.serial, q] {
                    return tr("シリアル番号 %1 は、利用登録情報の一覧で%2さんに指定されています。")
                        .arg(Validation::formatSerial(serial), q.userName);
                });
            }
        }
    }
    // The server refuses an entry (利用中止, the mode, the user) before it looks at the input, as
    // the console's rules do; malformed input is then refused here with its own message.
    const ServerDesk::TokenCheck check = server()->checkToken(m_serverSession, m_corporationId,
        serial.ok() ? serial.value : serialInput, otp.ok() ? otp.value : otpInput, usageModeKey(mode), forUserId);
    switch (check.outcome) {
    case ServerDesk::Check::Right: {
        if (mode == UsageMode::Individual) {
            if (const Outcome o = chosenUser(forUserId, out); !o.ok())
                return o;
        }
        out->tokenId = check.tokenId;
        out->serial = serial.value;
        return {};
    }
    case ServerDesk::Check::Wrong:
    case ServerDesk::Check::SuspendedNow: {
        const Outcome o = check.outcome == ServerDesk::Check::Wrong ? wrongEntry(false, check.remaining)
                                                                    : suspendedByFailures(false);
        afterFailure(o);
        return o;
    }
    case ServerDesk::Check::Suspended:
        discardPending();
        return suspendedOutcome();
    case ServerDesk::Check::ModeNotSet:
        return modeNotSet();
    case ServerDesk::Check::WrongMode:
        return wrongMode();
    case ServerDesk::Check::NoUser:
        return noUserChosen();
    case ServerDesk::Check::HeldByOther: {
        QString holder;
        for (const UserInfo& u : users().value_or(QList<UserInfo> {})) {
            if (u.currentSerial == serial.value)
                holder = u.name;
        }
        return Outcome::said(ServiceError::SerialHeldByOther, [serial = serial.value, holder] {
            return tr("シリアル番号 %1 のトークンは、%2が利用登録しています。")
                .arg(Validation::formatSerial(serial), holder.isEmpty() ? tr("全ての利用者") : holder);
        });
    }
    case ServerDesk::Check::Invalid:
        return !serial.ok() ? inputFailure(InputField::Serial, serial.error) : inputFailure(InputField::Otp, otp.error);
    case ServerDesk::Check::NoSession:
        return sessionEnded();
    case ServerDesk::Check::Tampered:
        return { ServiceError::Tampered,
            tr("トークンまたは契約法人の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください"
               "。") };
    case ServerDesk::Check::Unavailable:
        return Outcome::said(ServiceError::StoreFailure,
            [] { return tr("トークン情報を読み込めません。お問い合わせ先までご照会ください。"); });
    case ServerDesk::Check::Failed:
        break;
    }
    return storeOutcome(tr("処理中にエラーが発生したため、入力内容を確認できませんでした。もう一度お試しください。"));
}

Outcome RegistrationService::pinActOnServer(Act act, const QString& pin, UsageMode mode)
{
    const InputCheck check = Validation::checkPin(pin);
    if (!check.ok())
        return inputFailure(InputField::Pin, check.error);
    if (!m_store.isReachable())
        return unreachableOutcome();
    QList<QPair<qint64, qint64>> entries;
    if (act == Act::Shared && m_pendingShared)
        entries.append({ 0, m_pendingShared->tokenId });
    if (act == Act::Queue) {
        for (const QueuedRegistration& q : std::as_const(m_queue))
            entries.append({ q.userId, q.tokenId });
    }
    const ServerDesk::PinActResult r = act == Act::UsageMode
        ? server()->setUsageMode(m_serverSession, m_corporationId, usageModeKey(mode), pin)
        : server()->registerTokens(m_serverSession, m_corporationId, pin, usageModeKey(mode), entries);
    switch (r.outcome) {
    case ServerDesk::PinAct::Done:
        afterCommit(act);
        Q_EMIT corporationChanged();
        return {};
    case ServerDesk::PinAct::WrongPin:
    case ServerDesk::PinAct::SuspendedNow: {
        const Outcome o
            = r.outcome == ServerDesk::PinAct::WrongPin ? wrongEntry(true, r.remaining) : suspendedByFailures(true);
        afterFailure(o);
        return o;
    }
    case ServerDesk::PinAct::Suspended:
        discardPending();
        return suspendedOutcome();
    case ServerDesk::PinAct::TryAgain:
        return Outcome::said(ServiceError::TryAgain, [] {
            return tr("他の端末で契約法人確認暗証番号を確認中です。しばらくしてから、もう一度お試しください。");
        });
    case ServerDesk::PinAct::PinNotSet:
        return Outcome::said(ServiceError::PinNotSet, [] {
            return tr("契約法人確認暗証番号が設定されていません。本システムに関するお問い合わせ先までご照会ください。");
        });
    case ServerDesk::PinAct::WrongMode:
        return wrongMode();
    case ServerDesk::PinAct::AlreadyUsed:
        return codeAlreadyUsed(r.detail);
    case ServerDesk::PinAct::HeldByOther:
    case ServerDesk::PinAct::NotChecked:
        // Registered elsewhere since 次へ, or checked in a session that has ended: entered again.
        return Outcome::said(ServiceError::SerialHeldByOther, [] {
            return tr("一覧のトークンを、もう一度確認してください（その間に他の端末で登録されたか、確認したときの"
                      "サインインが終わっています）。利用登録は行われませんでした。");
        });
    case ServerDesk::PinAct::NoSession:
        return sessionEnded();
    case ServerDesk::PinAct::Tampered:
        return { ServiceError::Tampered,
            tr("トークンまたは契約法人の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください"
               "。") };
    case ServerDesk::PinAct::Invalid:
    case ServerDesk::PinAct::Failed:
        break;
    }
    return storeOutcome(act == Act::UsageMode
            ? tr("処理中にエラーが発生したため、利用形態は変更されませんでした。")
            : tr("登録処理中にエラーが発生したため、利用登録は行われませんでした。入力内容はそのまま残っています。"));
}

} // namespace hardtoken
