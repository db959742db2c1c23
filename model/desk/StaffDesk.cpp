#include "desk/StaffDesk.h"

#include "core/Clock.h"
#include "core/Crypto.h"
#include "core/Otp.h"
#include "core/Validation.h"
#include "desk/Lockout.h"
#include "desk/StaffSignIn.h"
#include "store/AttemptTable.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/CorporationInfo.h"
#include "store/CorporationTable.h"
#include "store/Store.h"
#include "store/TokenTable.h"

#include <algorithm>

namespace hardtoken {

StaffDesk::StaffDesk(Store& store)
    : m_store(store)
{
}

Outcome StaffDesk::act(const StaffCredential& staff, qint64 corporationId, StaffPurpose purpose, const QString& reason,
    bool adminOnly, const std::function<bool(const QString&, const QString&)>& action, const QString& failure)
{
    if (auto refused = refusedReason(reason))
        return *refused;
    const QString why = reason.trimmed();
    bool notAdmin = false;
    const auto result
        = StaffSignIn::run(m_store, staff.login, staff.credential, corporationId, purpose, [&](const QString& actor) {
              if (adminOnly) {
                  const auto account = StaffTable::find(m_store, staff.login);
                  if (!account || account->role != StaffTable::Role::Admin) {
                      notAdmin = true;
                      return false;
                  }
              }
              return action(actor, QStringLiteral("reason=%1").arg(AuditLog::bounded(why, MaxReason)));
          });
    switch (result) {
    case StaffSignIn::Result::SignedIn:
        return {};
    case StaffSignIn::Result::Denied:
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    case StaffSignIn::Result::Failed:
        break;
    }
    if (notAdmin) {
        // Audited apart, in its own transaction: the act's was rolled back.
        m_store.transaction([&] {
            return m_store.auditDenied(
                StaffSignIn::actorFor(staff.login), purpose, corporationId, QStringLiteral("reason=not-administrator"));
        });
        return { ServiceError::NotAdministrator, tr("この操作は管理者だけが行えます。") };
    }
    switch (m_store.errorCode()) {
    case StoreErrorCode::Unreachable:
        return { ServiceError::Unreachable, Store::unreachableMessage() };
    case StoreErrorCode::Locked:
        return { ServiceError::TryAgain, Store::lockedMessage() };
    case StoreErrorCode::Tampered:
        return { ServiceError::Tampered, m_store.errorMessage() };
    default:
        return { ServiceError::StoreFailure, failure };
    }
}

Outcome StaffDesk::setPin(qint64 corporationId, const StaffCredential& staff, const QString& reason, const QString& pin,
    const QString& repeat)
{
    const InputCheck check = Validation::checkPin(pin);
    if (!check.ok()) {
        Outcome o { ServiceError::InvalidInput, Validation::message(InputField::Pin, check.error) };
        o.field = InputField::Pin;
        o.inputError = check.error;
        return o;
    }
    if (!crypto::constantTimeEquals(pin.toUtf8(), repeat.toUtf8()))
        return { ServiceError::Mismatch,
            tr("2 回入力した契約法人確認暗証番号が一致しません。もう一度入力してください。") };
    if (m_store.isDesk())
        return setPinOnServer(corporationId, staff, reason, pin);
    // scrypt before any lock is taken; only its result goes into the transaction.
    const QString hash = crypto::hashSecret(pin);
    if (hash.isEmpty())
        return { ServiceError::StoreFailure, tr("契約法人確認暗証番号を設定できませんでした。") };
    return act(
        staff, corporationId, StaffPurpose::PinSet, reason, false,
        [&](const QString& actor, const QString& details) {
            return CorporationTable::setPinHash(m_store, corporationId, hash)
                && m_store.audit(actor, AuditAction::CorporationPinSet, corporationId, details);
        },
        tr("処理中にエラーが発生したため、契約法人確認暗証番号は設定されませんでした。"));
}

Outcome StaffDesk::resetCounters(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    if (m_store.isDesk())
        return resetCountersOnServer(corporationId, staff, reason);
    bool unchanged = false;
    const Outcome o = act(
        staff, corporationId, StaffPurpose::CountersReset, reason, false,
        [&](const QString& actor, const QString& details) {
            auto corp = CorporationTable::lock(m_store, corporationId);
            int abandoned = 0;
            if (!corp
                || !AttemptTable::releaseAbandoned(m_store, AttemptTable::pinScope(corporationId),
                    { corp->pinFailures, corp->pinInFlight }, &abandoned))
                return false;
            const QString before = QStringLiteral(" otp=%1 pin=%2").arg(corp->otpFailures).arg(corp->pinFailures);
            if (abandoned == 0 && corp->otpFailures == 0 && corp->pinFailures == corp->pinInFlight) {
                unchanged = true;
                return false;
            }
            corp->otpFailures = 0;
            corp->pinFailures = corp->pinInFlight; // attempts still in flight elsewhere stay counted
            return CorporationTable::write(m_store, *corp)
                && m_store.audit(actor, AuditAction::CorporationCountersReset, corporationId,
                    details + before + (abandoned > 0 ? QStringLiteral(" abandoned=%1").arg(abandoned) : QString()));
        },
        tr("処理中にエラーが発生したため、誤入力回数はリセットされませんでした。"));
    if (unchanged) {
        return { ServiceError::NotSuspended,
            tr("リセットする誤入力回数はありません（他の端末で確認中の契約法人確認暗証番号は、確認が終わると数えられま"
               "す）。") };
    }
    return o;
}

Outcome StaffDesk::signIn(const StaffCredential& staff, StaffPurpose purpose, QString* actor)
{
    const auto result
        = StaffSignIn::run(m_store, staff.login, staff.credential, 0, purpose, [](const QString&) { return true; });
    if (result == StaffSignIn::Result::Denied)
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    if (result == StaffSignIn::Result::Failed)
        return { ServiceError::StoreFailure, m_store.errorMessage() };
    *actor = StaffSignIn::actorFor(staff.login);
    return {};
}

Outcome StaffDesk::exportAudit(
    const StaffCredential& staff, const AuditFilter& filter, const QString& path, AuditExport::Result* result)
{
    if (m_store.isDesk())
        return exportAuditOnServer(staff, filter, path, result);
    QString actor;
    const Outcome in = signIn(staff, StaffPurpose::AuditExport, &actor);
    if (!in.ok())
        return in;
    *result = AuditExport::write(m_store, filter, path, actor);
    if (!result->ok)
        return { ServiceError::StoreFailure, result->message };
    return {};
}

namespace {

// The code the card showed a moment ago, checked once already (here or at 次へ): said so, and not
// counted as a wrong code.
bool usedBefore(const OtpVerifier& verifier, const QByteArray& secret, const TokenRecord& token, const QString& code,
    int hotpLookAhead, qint64 now)
{
    OtpState before = token.state;
    if (token.params.kind == OtpKind::Totp)
        before.lastStep = -1;
    else
        before.nextCounter
            = before.nextCounter > quint64(hotpLookAhead) ? before.nextCounter - quint64(hotpLookAhead) : 0;
    return verifier.verify(secret, token.params, before, code, now).has_value();
}

} // namespace

// Inside the signed-in staff member's transaction: the card's code checked, counted per card.
bool StaffDesk::cardCheck(const StoreSettings& settings, const QString& actor, const QString& serial,
    const QString& code, CardCheck* result, Outcome* outcome)
{
    const QString card = QStringLiteral("serial=%1").arg(serial);
    auto attempts = StaffTable::lockAttempts(m_store, Lockout::cardKey(serial));
    if (!attempts)
        return false;
    if (!attempts->lockedAt.isEmpty()) {
        *outcome = { ServiceError::Suspended,
            tr("このカードは誤ったワンタイムパスワードが続いたため、確認できません。管理者に解除を依頼してくだ"
               "さい。") };
        return m_store.auditDenied(actor, StaffPurpose::CardCheck, 0, card + QStringLiteral(" reason=locked"));
    }
    const auto token = TokenTable::find(m_store, serial);
    if (!token || token->status == TokenStatus::Retired) {
        *outcome = { ServiceError::NotFound,
            tr("シリアル番号 %1 のトークンは登録されていません。").arg(Validation::formatSerial(serial)) };
        return m_store.auditDenied(actor, StaffPurpose::CardCheck, 0, card + QStringLiteral(" reason=unknown"));
    }
    if (!token->stateIntact)
        return m_store.fail(StoreErrorCode::Tampered,
            tr("トークン %1 の記録が、コンソールの外で変更されています。")
                .arg(Validation::formatSerial(token->serial)));
    const auto secret = m_store.openSecret(token->sealedSecret, token->serial);
    if (!secret)
        return m_store.fail(StoreErrorCode::Tampered,
            tr("トークン %1 の秘密鍵を読み込めません。").arg(Validation::formatSerial(token->serial)));
    if (token->holderCorporation) {
        const auto corp
            = CorporationTable::info(m_store, token->holderCorporation, CorporationTable::TokenCount::Skipped);
        result->holder = (corp ? corp->code + QLatin1Char(' ') + corp->name : QString()) + QStringLiteral(" / ")
            + (token->holderUser ? token->holderName : tr("全ての利用者"));
    }
    CountedAttempt<SigninState> attempt(
        m_store, Lockout::card(m_store, serial, actor, token->holderCorporation, settings.staffFailureLimit));
    const OtpVerifier verifier({ settings.hotpLookAhead, settings.totpSkewSteps, settings.totpMaxDriftSteps });
    const auto match = verifier.verify(*secret, token->params, token->state, code, m_store.clock().nowSecs());
    if (!match && usedBefore(verifier, *secret, *token, code, settings.hotpLookAhead, m_store.clock().nowSecs())) {
        *outcome = { ServiceError::CodeAlreadyUsed,
            tr("このワンタイムパスワードは使用済みです。カードに次のワンタイムパスワードが表示されてから、もう"
               "一度入力してください。") };
        return m_store.auditDenied(
            actor, StaffPurpose::CardCheck, token->holderCorporation, card + QStringLiteral(" reason=used"));
    }
    if (!match) {
        if (!attempt.countWrong(*attempts))
            return false;
        result->remaining = qMax(0, settings.staffFailureLimit - attempts->failures);
        return true;
    }
    switch (TokenTable::advance(m_store, token->id, token->serial, token->params.kind, match->nextState,
        token->status == TokenStatus::Registered || token->holderCorporation != 0)) {
    case TokenTable::Advance::Failed:
        return false;
    case TokenTable::Advance::AlreadyUsed:
        *outcome = { ServiceError::CodeAlreadyUsed,
            tr("このワンタイムパスワードは使用済みです。カードに次のワンタイムパスワードが表示されてから、もう"
               "一度入力してください。") };
        return true;
    case TokenTable::Advance::Moved:
        break;
    }
    result->works = true;
    return attempt.forgive(*attempts)
        && m_store.audit(actor, AuditAction::CardChecked, token->holderCorporation,
            card + QStringLiteral(" drift=%1").arg(match->drift));
}

Outcome StaffDesk::checkCard(
    const StaffCredential& staff, const QString& serialInput, const QString& codeInput, CardCheck* result)
{
    const StoreSettings settings = m_store.settings();
    const InputCheck serial = Validation::checkSerial(serialInput, settings.normaliseFullWidth);
    if (!serial.ok())
        return { ServiceError::InvalidInput, Validation::message(InputField::Serial, serial.error) };
    const InputCheck code = Validation::checkOtp(codeInput, settings.normaliseFullWidth);
    if (!code.ok()) {
        Outcome o { ServiceError::InvalidInput, Validation::message(InputField::Otp, code.error) };
        o.field = InputField::Otp;
        return o;
    }
    *result = CardCheck {};
    result->serial = serial.value;
    if (m_store.isDesk())
        return checkCardOnServer(staff, serial.value, code.value, result);
    Outcome outcome;
    const auto signedIn = StaffSignIn::run(m_store, staff.login, staff.credential, 0, StaffPurpose::CardCheck,
        [&](const QString& actor) { return cardCheck(settings, actor, serial.value, code.value, result, &outcome); });
    switch (signedIn) {
    case StaffSignIn::Result::Denied:
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    case StaffSignIn::Result::Failed:
        return { m_store.errorCode() == StoreErrorCode::Tampered ? ServiceError::Tampered : ServiceError::StoreFailure,
            m_store.errorCode() == StoreErrorCode::Tampered || m_store.errorCode() == StoreErrorCode::Locked
                ? m_store.errorMessage()
                : tr("処理中にエラーが発生したため、カードを確認できませんでした。") };
    case StaffSignIn::Result::SignedIn:
        break;
    }
    return outcome;
}

Outcome StaffDesk::resyncCard(const StaffCredential& staff, const QString& reason, const QString& serialInput,
    const QString& first, const QString& second)
{
    const StoreSettings settings = m_store.settings();
    const InputCheck serial = Validation::checkSerial(serialInput, settings.normaliseFullWidth);
    if (!serial.ok())
        return { ServiceError::InvalidInput, Validation::message(InputField::Serial, serial.error) };
    const InputCheck one = Validation::checkOtp(first, settings.normaliseFullWidth);
    const InputCheck two = Validation::checkOtp(second, settings.normaliseFullWidth);
    if (!one.ok() || !two.ok())
        return { ServiceError::InvalidInput, Validation::message(InputField::Otp, one.ok() ? two.error : one.error) };
    bool notFound = false;
    bool notHotp = false;
    bool noMatch = false;
    const Outcome o = act(
        staff, 0, StaffPurpose::CardResync, reason, false,
        [&](const QString& actor, const QString& details) {
            const auto token = TokenTable::find(m_store, serial.value);
            if (!token || token->status == TokenStatus::Retired) {
                notFound = true;
                return false;
            }
            if (token->params.kind != OtpKind::Hotp) {
                notHotp = true;
                return false;
            }
            const auto secret
                = token->stateIntact ? m_store.openSecret(token->sealedSecret, token->serial) : std::nullopt;
            if (!secret)
                return m_store.fail(StoreErrorCode::Tampered,
                    tr("トークン %1 の記録が、コンソールの外で変更されています。")
                        .arg(Validation::formatSerial(token->serial)));
            OtpGenerator generator;
            if (!generator.setKey(*secret, token->params.algorithm))
                return false;
            const quint32 a = one.value.toUInt();
            const quint32 b = two.value.toUInt();
            const quint64 from = token->state.nextCounter;
            std::optional<quint64> found;
            std::optional<quint32> previous = generator.codeAt(from, token->params.digits);
            for (quint64 c = from; c < from + ResyncWindow && !found; ++c) {
                const std::optional<quint32> next = generator.codeAt(c + 1, token->params.digits);
                if (previous && next && *previous == a && *next == b)
                    found = c;
                previous = next;
            }
            if (!found) {
                noMatch = true;
                return m_store.audit(actor, AuditAction::CardResyncFailed, token->holderCorporation,
                    QStringLiteral("serial=%1 %2").arg(token->serial, details));
            }
            OtpState next = token->state;
            next.nextCounter = *found + 2;
            return TokenTable::advance(m_store, token->id, token->serial, OtpKind::Hotp, next,
                       token->status == TokenStatus::Registered || token->holderCorporation != 0)
                == TokenTable::Advance::Moved
                && m_store.audit(actor, AuditAction::CardResynced, token->holderCorporation,
                    QStringLiteral("serial=%1 from=%2 to=%3 %4")
                        .arg(token->serial)
                        .arg(from)
                        .arg(next.nextCounter)
                        .arg(details));
        },
        tr("処理中にエラーが発生したため、カードの同期は行われませんでした。"));
    if (notFound)
        return { ServiceError::NotFound,
            tr("シリアル番号 %1 のトークンは登録されていません。").arg(Validation::formatSerial(serial.value)) };
    if (notHotp)
        return { ServiceError::InvalidInput, tr("時刻で変わるカード（TOTP）は同期の必要がありません。") };
    if (o.ok() && noMatch)
        return { ServiceError::WrongSerialOrOtp,
            tr("入力された 2 "
               "つのワンタイムパスワードが、続けて表示されたものとして見つかりません。カードのボタンを押して、続けて表"
               "示された 2 つを入力してください。") };
    return o;
}

Outcome StaffDesk::unlock(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    if (m_store.isDesk())
        return unlockOnServer(corporationId, staff, reason);
    const auto info = CorporationTable::info(m_store, corporationId, CorporationTable::TokenCount::Skipped);
    if (info && info->stateIntact && !info->suspended && info->otpFailures == 0 && info->pinFailures == 0)
        return { ServiceError::NotSuspended, tr("利用中止状態ではありません。") };
    bool unchanged = false;
    const Outcome o = act(
        staff, corporationId, StaffPurpose::Unlock, reason, false,
        [&](const QString& actor, const QString& details) {
            return Lockout::lift(m_store, corporationId, actor, details, &unchanged);
        },
        tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。"));
    if (unchanged)
        return { ServiceError::NotSuspended, tr("利用中止状態ではありません。") };
    return o;
}

Outcome StaffDesk::checkNewAccount(const StaffTable::Account& account, const QString& credential, const QString& repeat)
{
    if (account.login.isEmpty() || account.login.size() > StaffTable::MaxLogin
        || Validation::firstControl(account.login + account.name) >= 0 || account.login.contains(QLatin1Char(' '))
        || account.login.contains(QLatin1Char(':')))
        return { ServiceError::InvalidInput,
            tr("担当者IDは、空白と「:」を含まない %1 文字までの文字列です。").arg(StaffTable::MaxLogin) };
    if (!Validation::acceptableStaffCredential(credential))
        return { ServiceError::InvalidInput, tr("パスワードは、半角の英数字と記号で 8〜64 文字にしてください。") };
    if (!crypto::constantTimeEquals(credential.toUtf8(), repeat.toUtf8()))
        return { ServiceError::Mismatch, tr("2 回入力したパスワードが一致しません。") };
    return {};
}

bool StaffDesk::insertAccount(
    const StaffTable::Account& account, const QString& hash, const QString& actor, const QString& details)
{
    const bool admin = account.role == StaffTable::Role::Admin;
    return StaffTable::insert(
               m_store, account.login, account.name.isEmpty() ? account.login : account.name, hash, account.role)
        && m_store.audit(actor, AuditAction::StaffCreated, 0,
            QStringLiteral("login=%1 role=%2 %3")
                .arg(account.login, admin ? QStringLiteral("admin") : QStringLiteral("staff"), details)
                .trimmed());
}

Outcome StaffDesk::addStaff(const StaffCredential& admin, const QString& reason, const StaffTable::Account& account,
    const QString& credential, const QString& repeat)
{
    if (const Outcome refused = checkNewAccount(account, credential, repeat); !refused.ok())
        return refused;
    const QString taken = tr("担当者ID %1 はすでに使われています。").arg(AuditLog::printable(account.login));
    if (m_store.isDesk()) {
        return asAdministratorOnServer(
            admin, reason,
            [&](ServerDesk& server, const QString& session) {
                return server.addStaff(session, account.login, account.name, account.role == StaffTable::Role::Admin,
                    credential, repeat, reason);
            },
            [&](ServerDesk::StaffAct a) {
                return a == ServerDesk::StaffAct::Exists ? Outcome { ServiceError::AlreadyExists, taken } : Outcome {};
            },
            tr("処理中にエラーが発生したため、担当者は登録されませんでした。"));
    }
    const QString hash = crypto::hashSecret(credential);
    bool exists = false;
    const Outcome o = act(
        admin, 0, StaffPurpose::StaffAdd, reason, true,
        [&](const QString& actor, const QString& details) {
            if (StaffTable::find(m_store, account.login)) {
                exists = true;
                return false;
            }
            return insertAccount(account, hash, actor, details);
        },
        tr("処理中にエラーが発生したため、担当者は登録されませんでした。"));
    if (exists)
        return { ServiceError::AlreadyExists, taken };
    return o;
}

Outcome StaffDesk::addFirstAdministrator(
    const StaffTable::Account& account, const QString& credential, const QString& repeat, const QString& actor)
{
    StaffTable::Account first = account;
    first.role = StaffTable::Role::Admin;
    if (const Outcome refused = checkNewAccount(first, credential, repeat); !refused.ok())
        return refused;
    const QString hash = crypto::hashSecret(credential);
    bool staffExists = false;
    const bool ok = m_store.transaction([&] {
        if (StaffTable::count(m_store) > 0) {
            staffExists = true;
            return false;
        }
        return insertAccount(first, hash, actor, {});
    });
    if (staffExists)
        return { ServiceError::AlreadyExists,
            tr("このデータベースには、すでに担当者が登録されています。担当者の追加は管理者が行います。") };
    if (!ok)
        return { m_store.errorCode() == StoreErrorCode::Unreachable ? ServiceError::Unreachable
                                                                    : ServiceError::StoreFailure,
            m_store.errorMessage() };
    return {};
}

Outcome StaffDesk::resetStaffLock(const StaffCredential& admin, const QString& reason, const QString& login)
{
    if (login == admin.login) {
        return { ServiceError::InvalidInput,
            tr("自分の担当者IDのロックは解除できません。他の管理者に依頼してください。") };
    }
    const QString noRecord = tr("担当者ID %1 の誤入力の記録はありません。").arg(AuditLog::printable(login));
    if (m_store.isDesk()) {
        return asAdministratorOnServer(
            admin, reason,
            [&](ServerDesk& server, const QString& session) { return server.resetStaffLock(session, login, reason); },
            [&](ServerDesk::StaffAct a) {
                return a == ServerDesk::StaffAct::NotFound ? Outcome { ServiceError::NotFound, noRecord } : Outcome {};
            },
            tr("処理中にエラーが発生したため、ロックは解除されていません。"));
    }
    bool missing = false;
    const Outcome o = act(
        admin, 0, StaffPurpose::StaffReset, reason, true,
        [&](const QString& actor, const QString& details) {
            return StaffTable::resetAttempts(m_store, login, &missing)
                && m_store.audit(actor, AuditAction::StaffReset, 0, QStringLiteral("login=%1 %2").arg(login, details));
        },
        tr("処理中にエラーが発生したため、ロックは解除されていません。"));
    if (missing)
        return { ServiceError::NotFound, noRecord };
    return o;
}

Outcome StaffDesk::setStaffDisabled(
    const StaffCredential& admin, const QString& reason, const QString& login, bool disabled)
{
    if (login == admin.login && disabled)
        return { ServiceError::InvalidInput, tr("自分の担当者IDは利用停止にできません。") };
    const QString unknown = tr("担当者ID %1 は登録されていません。").arg(AuditLog::printable(login));
    if (m_store.isDesk()) {
        return asAdministratorOnServer(
            admin, reason,
            [&](ServerDesk& server, const QString& session) {
                return server.setStaffDisabled(session, login, disabled, reason);
            },
            [&](ServerDesk::StaffAct a) {
                return a == ServerDesk::StaffAct::NotFound ? Outcome { ServiceError::NotFound, unknown } : Outcome {};
            },
            tr("処理中にエラーが発生したため、担当者の状態は変わっていません。"));
    }
    bool missing = false;
    const Outcome o = act(
        admin, 0, disabled ? StaffPurpose::StaffDisable : StaffPurpose::StaffEnable, reason, true,
        [&](const QString& actor, const QString& details) {
            if (!StaffTable::setDisabled(m_store, login, disabled)) {
                missing = true;
                return false;
            }
            return m_store.audit(actor, disabled ? AuditAction::StaffDisabled : AuditAction::StaffEnabled, 0,
                QStringLiteral("login=%1 %2").arg(login, details));
        },
        tr("処理中にエラーが発生したため、担当者の状態は変わっていません。"));
    if (missing)
        return { ServiceError::NotFound, unknown };
    return o;
}

} // namespace hardtoken
