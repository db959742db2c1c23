#include "desk/RegistrationService.h"

#include "core/Clock.h"
#include "core/Crypto.h"
#include "desk/Lockout.h"
#include "desk/StaffSignIn.h"
#include "store/AttemptTable.h"
#include "store/AuditLog.h"
#include "store/CorporationInfo.h"
#include "store/CorporationTable.h"
#include "store/RegistrationTable.h"
#include "store/ServerDesk.h"
#include "store/StaffTable.h"
#include "store/Store.h"
#include "store/TokenTable.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "store/UserTable.h"

#include <QLoggingCategory>
#include <QUuid>

namespace hardtoken {

Q_LOGGING_CATEGORY(lcService, "hardtoken.service")

namespace {
// Beside the actor (the staff member at the desk, or the trainee): what authorised the act — the
// customer's 契約法人確認暗証番号, typed by the customer.
const QString kAuthorisedByPin = QStringLiteral("authorised=corporation-pin");
} // namespace

// How decisions hold when several desktops share the store:
// - a serial/OTP guess is evaluated inside the write transaction that counts it when it is wrong,
//   with the corporation's row locked: the guess is answered only after its failure is durable,
//   and when the transaction cannot be had the answer is "try again" and nothing is evaluated;
// - a PIN (slow to check, so not under the lock) is counted as an attempt in flight BEFORE it is
//   evaluated; the attempt is settled afterwards as a failure or, when right, in the same
//   transaction as the action it authorises, which re-checks 利用中止 under the lock;
// - OTP state moves forward only (compare-and-set): a check that lost the race is told the code
//   was already used, and can never move the state back.

RegistrationService::RegistrationService(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
}

RegistrationService::~RegistrationService() = default;

ServerDesk* RegistrationService::server() const
{
    return m_store.serverDesk();
}

bool RegistrationService::selectCorporation(const QString& code)
{
    const auto read = m_store.answered([&] {
        return code.isEmpty() ? CorporationTable::firstId(m_store) : CorporationTable::idByCode(m_store, code);
    });
    if (!read) {
        // The store did not answer: the corporation, its queue and what the screens show stay.
        return false;
    }
    const qint64 id = *read;
    if (id != m_corporationId) {
        clearQueue();
        m_pendingShared.reset();
    }
    m_corporationId = id;
    Q_EMIT corporationSelected();
    Q_EMIT corporationChanged();
    return id != 0;
}

std::optional<CorporationInfo> RegistrationService::corporation() const
{
    const auto info = m_store.answered([&] { return CorporationTable::info(m_store, m_corporationId); });
    if (!info)
        return std::nullopt;
    return info->value_or(CorporationInfo {});
}

std::optional<CorporationInfo> RegistrationService::corporationState() const
{
    const auto info = m_store.answered(
        [&] { return CorporationTable::info(m_store, m_corporationId, CorporationTable::TokenCount::Skipped); });
    if (!info)
        return std::nullopt;
    return info->value_or(CorporationInfo {});
}

std::optional<QList<UserInfo>> RegistrationService::users() const
{
    return m_store.answered([&] { return UserTable::list(m_store, m_corporationId); });
}

std::optional<QString> RegistrationService::sharedSerial() const
{
    return m_store.answered([&] { return RegistrationTable::sharedSerial(m_store, m_corporationId); });
}

bool RegistrationService::isSuspended() const
{
    const auto c = corporationState();
    return c && c->id != 0 && (c->suspended || !c->stateIntact);
}

Outcome RegistrationService::unreachableOutcome() const
{
    return Outcome::said(ServiceError::Unreachable, &Store::unreachableMessage);
}

Outcome RegistrationService::inputFailure(InputField field, InputError error) const
{
    Outcome o;
    o.error = ServiceError::InvalidInput;
    o.field = field;
    o.inputError = error;
    o.message = Validation::message(field, error);
    o.retell = [field, error] { return Validation::message(field, error); };
    return o;
}

Outcome RegistrationService::suspendedOutcome() const
{
    return Outcome::said(ServiceError::Suspended, [] {
        return tr(
            "本システムは利用中止状態です。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会くださ"
            "い。");
    });
}

Outcome RegistrationService::storeOutcome(const QString& otherwise) const
{
    switch (m_store.errorCode()) {
    case StoreErrorCode::Unreachable:
        return unreachableOutcome();
    case StoreErrorCode::Locked:
        return Outcome::said(ServiceError::TryAgain, [] {
            return tr("他の端末が処理中のため、入力内容を確認できませんでした。入力内容はそのまま残っています。"
                      "もう一度お試しください。");
        });
    case StoreErrorCode::Tampered:
        return { ServiceError::Tampered, m_store.errorMessage() };
    default:
        return { ServiceError::StoreFailure, otherwise };
    }
}

Outcome RegistrationService::suspendedByFailures(bool pin)
{
    Outcome o = Outcome::said(ServiceError::Suspended, [pin] {
        return pin ? RegistrationService::tr(
                   "契約法人確認暗証番号を一定回数以上誤って入力したため、本システムは利用中止状態になりました。"
                   "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。")
                   : RegistrationService::tr(
                       "シリアル番号またはワンタイムパスワードを一定回数以上誤って入力したため、本システムは利用中止状"
                       "態になりました。"
                       "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。");
    });
    o.remainingAttempts = 0;
    return o;
}

Outcome RegistrationService::wrongEntry(bool pin, int remaining)
{
    Outcome o = Outcome::said(pin ? ServiceError::WrongPin : ServiceError::WrongSerialOrOtp, [pin, remaining] {
        return pin ? RegistrationService::tr("契約法人確認暗証番号が正しくありません。あと%n回誤って入力すると、本シ"
                                             "ステムは利用中止状態になります。",
                   nullptr, remaining)
                   : RegistrationService::tr("シリアル番号またはワンタイムパスワードが正しくありません。あと%n回誤って"
                                             "入力すると、本システムは利用中止状態になります。",
                       nullptr, remaining);
    });
    o.remainingAttempts = remaining;
    return o;
}

Outcome RegistrationService::modeNotSet()
{
    return Outcome::said(
        ServiceError::ModeNotSet, [] { return tr("カード型ハードトークンの利用形態を設定してください。"); });
}

Outcome RegistrationService::wrongMode()
{
    return Outcome::said(ServiceError::WrongMode, [] { return tr("現在の利用形態では、この操作はできません。"); });
}

Outcome RegistrationService::noUserChosen()
{
    return Outcome::said(ServiceError::NoUserChosen, [] { return tr("利用者を選択してください。"); });
}

Outcome RegistrationService::codeAlreadyUsed(const QString& user)
{
    return Outcome::said(ServiceError::CodeAlreadyUsed, [user] {
        return user.isEmpty()
            ? tr("このワンタイムパスワードは、すでに使用されています（他の端末で先に登録されました）。"
                 "カードに表示される新しいワンタイムパスワードで入力し直してください。")
            : tr("%1さんのワンタイムパスワードは、すでに使用されています（他の端末で先に登録されました）。"
                 "削除してから、カードに表示される新しいワンタイムパスワードで追加し直してください。")
                  .arg(user);
    });
}

void RegistrationService::afterFailure(const Outcome& o)
{
    Q_EMIT corporationChanged();
    if (o.error == ServiceError::Suspended) {
        discardPending();
        if (o.remainingAttempts == 0)
            Q_EMIT suspended();
    }
}

// Why an entry is refused before its token is looked at (利用中止, the mode, no user chosen); ok()
// when it may be checked. Fills in the user of an individual entry.
Outcome RegistrationService::entryRefusal(const CorporationState& corp, const StoreSettings& settings, UsageMode mode,
    qint64 forUserId, QueuedRegistration* out) const
{
    if (corp.suspended || corp.otpFailures >= settings.otpFailureLimit)
        return suspendedOutcome();
    if (corp.mode == UsageMode::Unset)
        return modeNotSet();
    if (corp.mode != mode)
        return wrongMode();
    return mode == UsageMode::Individual ? chosenUser(forUserId, out) : Outcome {};
}

Outcome RegistrationService::chosenUser(qint64 userId, QueuedRegistration* out) const
{
    const auto user = UserTable::find(m_store, m_corporationId, userId);
    if (!user)
        return noUserChosen();
    out->userId = user->id;
    out->userName = user->name;
    out->displayOrder = user->displayOrder;
    return {};
}

// Why a token found in the store cannot go to this user (queued for another, registered to
// another); ok() when it can.
Outcome RegistrationService::holderRefusal(const TokenRecord& token, qint64 forUserId) const
{
    if (forUserId != 0) {
        for (const QueuedRegistration& q : std::as_const(m_queue)) {
            if (q.serial == token.serial && q.userId != forUserId) {
                return Outcome::said(ServiceError::SerialQueuedForOther, [serial = token.serial, q] {
                    return tr("シリアル番号 %1 は、利用登録情報の一覧で%2さんに指定されています。")
                        .arg(Validation::formatSerial(serial), q.userName);
                });
            }
        }
    }
    if (token.holderCorporation == m_corporationId && token.holderUser != forUserId) {
        return Outcome::said(ServiceError::SerialHeldByOther,
            [serial = token.serial, name = token.holderUser ? token.holderName : QString()] {
                return tr("シリアル番号 %1 のトークンは、%2が利用登録しています。")
                    .arg(Validation::formatSerial(serial), name.isEmpty() ? tr("全ての利用者") : name);
            });
    }
    return {};
}

Outcome RegistrationService::checkToken(
    const QString& serialInput, const QString& otpInput, UsageMode mode, qint64 forUserId, QueuedRegistration* out)
{
    if (auto open = settleUnknownFirst())
        return *open;
    if (!m_store.isReachable())
        return unreachableOutcome();
    if (server())
        return checkTokenOnServer(serialInput, otpInput, mode, forUserId, out);
    const StoreSettings settings = m_store.settings();
    Outcome result;
    bool counted = false;
    const bool done = m_store.transaction([&] {
        auto corp = CorporationTable::lock(m_store, m_corporationId);
        if (!corp)
            return false;
        result = entryRefusal(*corp, settings, mode, forUserId, out);
        if (!result.ok())
            return true;
        const InputCheck serial = Validation::checkSerial(serialInput, settings.normaliseFullWidth);
        if (!serial.ok()) {
            result = inputFailure(InputField::Serial, serial.error);
            return true;
        }
        const InputCheck otp = Validation::checkOtp(otpInput, settings.normaliseFullWidth);
        if (!otp.ok()) {
            result = inputFailure(InputField::Otp, otp.error);
            return true;
        }
        // Quick to check, so evaluated inside the transaction that counts it (no attempt in flight).
        CountedAttempt<CorporationState> attempt(
            m_store, Lockout::otp(m_store, m_corporationId, m_actor, settings.otpFailureLimit, serial.value));
        const auto wrong = [&] {
            counted = true;
            if (!attempt.countWrong(*corp))
                return false;
            result = corp->suspended ? suspendedByFailures(false)
                                     : wrongEntry(false, settings.otpFailureLimit - corp->otpFailures);
            return true;
        };
        const auto token = TokenTable::find(m_store, serial.value);
        // Unknown, retired, or another corporation's token: to the person at the keyboard these are
        // all the same wrong entry, and all count.
        if (!token || token->status == TokenStatus::Retired
            || (token->holderCorporation != 0 && token->holderCorporation != m_corporationId))
            return wrong();
        result = holderRefusal(*token, forUserId);
        if (!result.ok())
            return true;
        if (!token->stateIntact) {
            return m_store.fail(StoreErrorCode::Tampered,
                tr("トークン %1 の記録が、コンソールの外で変更されています。お問い合わせ先までご照会ください。")
                    .arg(Validation::formatSerial(token->serial)));
        }
        const auto secret = m_store.openSecret(token->sealedSecret, token->serial);
        if (!secret) {
            qCCritical(lcService) << "token secret could not be opened (wrong key or altered row), token id"
                                  << token->id;
            result = Outcome::said(ServiceError::StoreFailure,
                [] { return tr("トークン情報を読み込めません。お問い合わせ先までご照会ください。"); });
            return true;
        }
        const OtpVerifier verifier({ settings.hotpLookAhead, settings.totpSkewSteps, settings.totpMaxDriftSteps });
        const auto match = verifier.verify(*secret, token->params, token->state, otp.value, m_store.clock().nowSecs());
        if (!match)
            return wrong();
        out->tokenId = token->id;
        out->serial = token->serial;
        out->kind = token->params.kind;
        out->nextState = match->nextState;
        return true;
    });
    if (!done)
        return storeOutcome(
            tr("処理中にエラーが発生したため、入力内容を確認できませんでした。もう一度お試しください。"));
    if (counted)
        afterFailure(result);
    else if (result.error == ServiceError::Suspended)
        discardPending();
    return result;
}

Outcome RegistrationService::withPin(Act act, const QString& pin,
    const std::function<bool(CorporationState&, Outcome*)>& action, const QString& failureMessage)
{
    const InputCheck check = Validation::checkPin(pin);
    if (!check.ok())
        return inputFailure(InputField::Pin, check.error);
    if (auto open = settleUnknownFirst())
        return *open;
    if (!m_store.isReachable())
        return unreachableOutcome();
    const auto pinHash = m_store.answered([&] { return CorporationTable::pinHash(m_store, m_corporationId); });
    if (!pinHash)
        return storeOutcome(failureMessage);
    if (pinHash->isEmpty()) {
        // Nothing to compare with: not a wrong entry, so not counted.
        return Outcome::said(ServiceError::PinNotSet, [] {
            return tr("契約法人確認暗証番号が設定されていません。本システムに関するお問い合わせ先までご照会ください。");
        });
    }
    const StoreSettings settings = m_store.settings();
    const auto blocked
        = [&](const CorporationState& c) { return c.suspended || c.otpFailures >= settings.otpFailureLimit; };
    CountedAttempt<CorporationState> attempt(
        m_store, Lockout::pin(m_store, m_corporationId, m_actor, settings.pinFailureLimit));

    // 1. Count the attempt before it is evaluated.
    Outcome refused;
    if (!attempt.reserve([&](CorporationState& corp) {
            if (blocked(corp))
                refused = suspendedOutcome();
            else if (corp.pinFailures >= settings.pinFailureLimit)
                refused = Outcome::said(ServiceError::TryAgain, [] {
                    // Every remaining attempt is being checked on another desktop right now.
                    return tr("他の端末で契約法人確認暗証番号を確認中です。しばらくしてから、もう一度お試しください。");
                });
            return !refused.ok();
        }))
        return storeOutcome(failureMessage);
    if (!attempt.counted()) {
        if (refused.error == ServiceError::Suspended)
            discardPending();
        return refused;
    }

    // 2. Evaluate, outside the lock (scrypt is slow).
    if (!crypto::verifySecret(pin, *pinHash))
        return wrongPin(attempt, settings);

    // 3b. Right: the action and the settlement in one transaction, 利用中止 re-checked under the lock.
    // The commit mark tells afterwards whether it went through if the answer to COMMIT is lost.
    Outcome result;
    const QString mark = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool done = attempt.settleRight([&](CorporationState& corp) { return action(corp, &result); },
        [&](CorporationState& corp) {
            // Suspended by another desktop while the PIN was checked: refused, attempt withdrawn.
            if (blocked(corp))
                result = suspendedOutcome();
            return blocked(corp);
        },
        mark);
    if (done) {
        if (result.error == ServiceError::Suspended) {
            discardPending();
        } else {
            if (result.ok())
                afterCommit(act);
            Q_EMIT corporationChanged();
        }
        return result;
    }
    if (m_store.commitUncertain()) {
        // Whether it committed is asked with the mark once the store is back (resume()).
        m_unknownCommit = UnknownCommit { mark, act };
        m_unsettledAttempts.append(attempt.key());
        return Outcome::said(ServiceError::OutcomeUnknown, [] {
            return tr("データベースとの接続が切れたため、処理が完了したかどうかを確認できませんでした。"
                      "接続が戻りしだい、結果をお知らせします。入力内容はそのまま残っています。");
        });
    }
    // The action was refused or the store failed: nothing of it was saved. Withdraw the attempt.
    const Outcome failure = result.ok() ? storeOutcome(failureMessage) : result;
    if (!attempt.withdraw())
        m_unsettledAttempts.append(attempt.key());
    return failure;
}

// 3a. A wrong PIN, settled as a failure. The attempt is already counted, whatever happens here.
Outcome RegistrationService::wrongPin(CountedAttempt<CorporationState>& attempt, const StoreSettings& settings)
{
    const int attemptNumber = attempt.row().pinFailures;
    Outcome result = wrongEntry(true, qMax(0, settings.pinFailureLimit - attemptNumber));
    const bool settled = attempt.settleWrong([&](CorporationState& corp) {
        // Suspended while this guess was in flight: it was one of those that reached the limit.
        if (corp.suspended)
            result = suspendedByFailures(corp.reason != SuspensionReason::Otp);
        return true;
    });
    if (!settled) {
        qCCritical(lcService) << "a wrong PIN was counted but could not be settled:" << m_store.errorMessage();
        if (attemptNumber >= settings.pinFailureLimit)
            result = suspendedByFailures(true);
    }
    afterFailure(result);
    return result;
}

void RegistrationService::afterCommit(Act act)
{
    switch (act) {
    case Act::UsageMode:
        discardPending();
        break;
    case Act::Shared:
        m_pendingShared.reset();
        break;
    case Act::Queue:
        clearQueue();
        break;
    }
    Q_EMIT registrationsChanged();
}

std::optional<Outcome> RegistrationService::resolveUnknownOutcome()
{
    if (!m_unknownCommit)
        return std::nullopt;
    const auto committed = m_store.committed(m_unknownCommit->mark);
    if (!committed)
        return std::nullopt;
    const UnknownCommit unknown = *m_unknownCommit;
    m_unknownCommit.reset();
    Outcome answer;
    if (*committed) {
        afterCommit(unknown.act);
        answer = Outcome::said(
            ServiceError::None, [] { return tr("接続が戻りました。先ほどの処理は完了していました。"); });
    } else {
        answer = Outcome::said(ServiceError::StoreFailure, [] {
            return tr("接続が戻りました。先ほどの処理は行われていません。入力内容はそのまま残っています。"
                      "もう一度お試しください。");
        });
    }
    Q_EMIT commitResolved(answer);
    return answer;
}

std::optional<Outcome> RegistrationService::settleUnknownFirst()
{
    if (!m_unknownCommit)
        return std::nullopt;
    if (m_store.isReachable()) {
        if (auto answer = resolveUnknownOutcome())
            return answer;
    }
    return Outcome::said(ServiceError::OutcomeUnknown, [] {
        return tr(
            "先ほどの処理が完了したかどうかを、まだ確認できていません。データベースへの接続が戻るまでお待ちください。");
    });
}

void RegistrationService::resume()
{
    resolveUnknownOutcome();
    // Attempts counted here that could not be settled: withdrawn now (one that was settled by its
    // own commit, or released as abandoned meanwhile, is simply gone).
    if (!m_unsettledAttempts.isEmpty() && m_corporationId != 0) {
        const QStringList keys = m_unsettledAttempts;
        const bool withdrawn = m_store.transaction([&] {
            auto corp = CorporationTable::lock(m_store, m_corporationId);
            if (!corp)
                return false;
            for (const QString& key : keys) {
                if (!AttemptTable::withdraw(m_store, key, { corp->pinFailures, corp->pinInFlight }))
                    return false;
            }
            return CorporationTable::write(m_store, *corp);
        });
        if (withdrawn)
            m_unsettledAttempts.clear();
    }
    reselectCorporation();
}

bool RegistrationService::reselectCorporation()
{
    if (m_corporationId == 0)
        return false;
    const auto c = corporationState();
    return c && c->id != 0 && selectCorporation(c->code);
}

Outcome RegistrationService::changeUsageMode(UsageMode mode, const QString& pin)
{
    if (mode == UsageMode::Unset)
        return Outcome::said(
            ServiceError::ModeNotSet, [] { return tr("カード型ハードトークンの利用形態を選択してください。"); });
    if (server())
        return pinActOnServer(Act::UsageMode, pin, mode);
    const Outcome o = withPin(
        Act::UsageMode, pin,
        [&](CorporationState& corp, Outcome*) {
            const UsageMode before = corp.mode;
            const bool changed = before != mode;
            int cancelled = 0;
            if (changed) {
                // 利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。
                cancelled = RegistrationTable::releaseAll(m_store, m_corporationId);
                if (cancelled < 0)
                    return false;
                corp.mode = mode;
            }
            return m_store.audit(m_actor, changed ? AuditAction::UsageModeChanged : AuditAction::UsageModeConfirmed,
                m_corporationId,
                QStringLiteral("from=%1 to=%2 registrations_cancelled=%3 %4")
                    .arg(usageModeKey(before), usageModeKey(mode))
                    .arg(cancelled)
                    .arg(kAuthorisedByPin));
        },
        tr("処理中にエラーが発生したため、利用形態は変更されませんでした。"));
    return o;
}

Outcome RegistrationService::checkSharedToken(const QString& serial, const QString& otp)
{
    QueuedRegistration entry;
    const Outcome o = checkToken(serial, otp, UsageMode::Shared, 0, &entry);
    if (!o.ok())
        return o;
    m_pendingShared = entry;
    return {};
}

bool RegistrationService::writeRegistrations(const QList<QueuedRegistration>& entries, Outcome* refusal)
{
    // 1. Release what the users (or, shared, the corporation) hold now, all at once, so that a
    //    token moving from one user to another within the list is free when it is registered.
    QList<qint64> userIds;
    for (const QueuedRegistration& e : entries)
        userIds.append(e.userId);
    qsizetype released = 0;
    if (userIds == QList<qint64> { 0 }) {
        const int n = RegistrationTable::release(m_store, m_corporationId, 0);
        if (n < 0)
            return false;
        released = n;
    } else {
        const auto tokens = RegistrationTable::releaseUsers(m_store, m_corporationId, userIds);
        if (!tokens)
            return false;
        released = tokens->size();
    }
    // 2. Move each token's OTP state forward, only forward: a code another desktop committed first
    //    (or a later one) refuses the whole list.
    for (const QueuedRegistration& e : entries) {
        switch (TokenTable::advance(m_store, e.tokenId, e.serial, e.kind, e.nextState)) {
        case TokenTable::Advance::Failed:
            return false;
        case TokenTable::Advance::AlreadyUsed:
            *refusal = codeAlreadyUsed(e.userId ? e.userName : QString());
            return false;
        case TokenTable::Advance::Moved:
            break;
        }
    }
    // 3. The registrations (a token held by anyone else makes this fail: see holderConflict()).
    QList<QPair<qint64, qint64>> pairs;
    QList<AuditEntry> audit;
    for (const QueuedRegistration& e : entries) {
        pairs.append({ e.userId, e.tokenId });
        audit.append({ 0, {}, m_actor, auditKey(AuditAction::TokenRegistered), m_corporationId,
            QStringLiteral("user=%1 serial=%2")
                .arg(e.userId ? AuditLog::bounded(e.userName, 64) : QStringLiteral("*"),
                    Validation::formatSerial(e.serial)) });
    }
    if (!audit.isEmpty())
        audit.last().details += QStringLiteral(" released=%1").arg(released);
    for (AuditEntry& a : audit)
        a.details += QLatin1Char(' ') + kAuthorisedByPin;
    return RegistrationTable::addMany(m_store, m_corporationId, pairs) && m_store.auditLog().appendMany(audit);
}

Outcome RegistrationService::holderConflict(const QList<QueuedRegistration>& entries, const Outcome& otherwise) const
{
    // Taken by someone else since 次へ (another desktop on a shared store).
    for (const QueuedRegistration& e : entries) {
        const auto token = TokenTable::find(m_store, e.serial);
        if (token && token->holderCorporation != 0
            && (token->holderCorporation != m_corporationId || token->holderUser != e.userId)) {
            return Outcome::said(ServiceError::SerialHeldByOther,
                [serial = e.serial, name = token->holderUser ? token->holderName : QString()] {
                    return tr("一覧のトークン %1 が、その間に%2に利用登録されました。利用登録は行われませんでした。")
                        .arg(Validation::formatSerial(serial), name.isEmpty() ? tr("他の利用者") : name);
                });
        }
    }
    return otherwise;
}

Outcome RegistrationService::commitShared(const QString& pin)
{
    if (isSuspended())
        return suspendedOutcome();
    if (!m_pendingShared)
        return Outcome::said(
            ServiceError::NothingPending, [] { return tr("利用登録するトークンが入力されていません。"); });
    if (server())
        return pinActOnServer(Act::Shared, pin, UsageMode::Shared);
    const QueuedRegistration entry = *m_pendingShared;
    const Outcome o = withPin(
        Act::Shared, pin,
        [&](CorporationState& corp, Outcome* refusal) {
            if (corp.mode != UsageMode::Shared) {
                *refusal = wrongMode();
                return false;
            }
            corp.otpFailures = 0;
            return writeRegistrations({ entry }, refusal);
        },
        tr("登録処理中にエラーが発生したため、利用登録は行われませんでした。入力内容はそのまま残っています。"));
    return o.error == ServiceError::StoreFailure ? holderConflict({ entry }, o) : o;
}

int RegistrationService::queueIndexOfUser(qint64 userId) const
{
    for (int i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].userId == userId)
            return i;
    }
    return -1;
}

Outcome RegistrationService::enqueue(qint64 userId, const QString& serial, const QString& otp)
{
    QueuedRegistration entry;
    const Outcome o = checkToken(serial, otp, UsageMode::Individual, userId, &entry);
    if (!o.ok())
        return o;
    const int existing = queueIndexOfUser(userId);
    if (existing >= 0) {
        m_queue[existing] = entry;
        Q_EMIT queueRowChanged(existing);
        return {};
    }
    // The list keeps the users' order (the manual lists 鈴木, 田中, 山田 whatever order they were added in).
    int row = 0;
    while (row < m_queue.size()
        && (m_queue[row].displayOrder < entry.displayOrder
            || (m_queue[row].displayOrder == entry.displayOrder && m_queue[row].userId < entry.userId))) {
        ++row;
    }
    Q_EMIT queueAboutToInsert(row);
    m_queue.insert(row, entry);
    Q_EMIT queueInserted(row);
    return {};
}

void RegistrationService::removeFromQueue(const QList<qint64>& userIds)
{
    for (qint64 userId : userIds) {
        const int row = queueIndexOfUser(userId);
        if (row < 0)
            continue;
        Q_EMIT queueAboutToRemove(row);
        m_queue.removeAt(row);
        Q_EMIT queueRemoved(row);
    }
}

void RegistrationService::clearQueue()
{
    if (m_queue.isEmpty())
        return;
    Q_EMIT queueAboutToReset();
    m_queue.clear();
    Q_EMIT queueReset();
}

void RegistrationService::discardPending()
{
    clearQueue();
    m_pendingShared.reset();
}

Outcome RegistrationService::commitQueue(const QString& pin)
{
    if (isSuspended())
        return suspendedOutcome();
    if (m_queue.isEmpty())
        return Outcome::said(ServiceError::EmptyQueue,
            [] { return tr("利用登録情報がありません。「追加」ボタンを押して、利用登録情報を追加してください。"); });
    if (server())
        return pinActOnServer(Act::Queue, pin, UsageMode::Individual);
    const Outcome o = withPin(
        Act::Queue, pin,
        [&](CorporationState& corp, Outcome* refusal) {
            if (corp.mode != UsageMode::Individual) {
                *refusal = wrongMode();
                return false;
            }
            if (!writeRegistrations(m_queue, refusal))
                return false;
            corp.otpFailures = 0;
            return m_store.audit(m_actor, AuditAction::RegistrationCommitted, m_corporationId,
                QStringLiteral("entries=%1 %2").arg(m_queue.size()).arg(kAuthorisedByPin));
        },
        tr("登録処理中にエラーが発生したため、利用登録は行われませんでした。利用登録情報の一覧はそのまま残っています"
           "。"));
    return o.error == ServiceError::StoreFailure ? holderConflict(m_queue, o) : o;
}

Outcome RegistrationService::unlock(const QString& staffLogin, const QString& staffCredential)
{
    // Whether there is anything to lift is told before any credential is evaluated, so the
    // answer never depends on the credential being right.
    const auto before = corporationState();
    if (!before)
        return storeOutcome(tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。"));
    const auto notSuspended
        = [] { return Outcome::said(ServiceError::NotSuspended, [] { return tr("利用中止状態ではありません。"); }); };
    if (before->stateIntact && !before->suspended && before->otpFailures == 0 && before->pinFailures == 0)
        return notSuspended();

    const Outcome denied = Outcome::said(ServiceError::WrongStaffCredential, &StaffSignIn::deniedMessage);
    bool unchanged = false;
    const auto result = StaffSignIn::run(m_store, staffLogin, staffCredential, m_corporationId, StaffPurpose::Unlock,
        [&](const QString& actor) { return Lockout::lift(m_store, m_corporationId, actor, {}, &unchanged); });
    switch (result) {
    case StaffSignIn::Result::Denied:
        return denied;
    case StaffSignIn::Result::Failed:
        if (unchanged)
            return notSuspended();
        return storeOutcome(tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。"));
    case StaffSignIn::Result::SignedIn:
        break;
    }
    Q_EMIT corporationChanged();
    return {};
}

} // namespace hardtoken
