#include "StaffDesk.h"

#include "AuditLog.h"
#include "CorporationRecord.h"
#include "Crypto.h"
#include "StaffSignIn.h"
#include "Store.h"
#include "Validation.h"

#include <algorithm>

namespace hardtoken {

StaffDesk::StaffDesk(Store& store)
    : m_store(store)
{
}

bool StaffDesk::acceptableStaffCredential(const QString& credential)
{
    return credential.size() >= 8 && credential.size() <= 64
        && std::all_of(
            credential.cbegin(), credential.cend(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

Outcome StaffDesk::act(const StaffCredential& staff, qint64 corporationId, const QString& purpose,
    const QString& reason, bool adminOnly, const std::function<bool(const QString&, const QString&)>& action,
    const QString& failure)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > MaxReason || Validation::firstControl(why) >= 0)
        return { ServiceError::ReasonMissing, tr("理由を入力してください（%1 文字まで）。").arg(MaxReason) };
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
            return m_store.audit(StaffSignIn::actorFor(staff.login), purpose + QStringLiteral(".denied"), corporationId,
                QStringLiteral("reason=not-administrator"));
        });
        return { ServiceError::NotAdministrator, tr("この操作は管理者だけが行えます。") };
    }
    switch (m_store.errorCode()) {
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
    // scrypt before any lock is taken; only its result goes into the transaction.
    const QString hash = crypto::hashSecret(pin);
    if (hash.isEmpty())
        return { ServiceError::StoreFailure, tr("契約法人確認暗証番号を設定できませんでした。") };
    return act(
        staff, corporationId, QStringLiteral("pin.set"), reason, false,
        [&](const QString& actor, const QString& details) {
            return CorporationTable::setPinHash(m_store, corporationId, hash)
                && m_store.audit(actor, QStringLiteral("corporation.pin_set"), corporationId, details);
        },
        tr("処理中にエラーが発生したため、契約法人確認暗証番号は設定されませんでした。"));
}

Outcome StaffDesk::resetCounters(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    return act(
        staff, corporationId, QStringLiteral("counters.reset"), reason, false,
        [&](const QString& actor, const QString& details) {
            auto corp = CorporationTable::lock(m_store, corporationId);
            if (!corp)
                return false;
            const QString before = QStringLiteral(" otp=%1 pin=%2").arg(corp->otpFailures).arg(corp->pinFailures);
            corp->otpFailures = 0;
            corp->pinFailures = corp->pinInFlight; // attempts still in flight elsewhere stay counted
            return CorporationTable::write(m_store, *corp)
                && m_store.audit(actor, QStringLiteral("corporation.counters_reset"), corporationId, details + before);
        },
        tr("処理中にエラーが発生したため、誤入力回数はリセットされませんでした。"));
}

Outcome StaffDesk::exportAudit(
    const StaffCredential& staff, const AuditFilter& filter, const QString& path, AuditExport::Result* result)
{
    const auto signedIn = StaffSignIn::run(
        m_store, staff.login, staff.credential, 0, QStringLiteral("audit.export"), [](const QString&) { return true; });
    if (signedIn == StaffSignIn::Result::Denied)
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    if (signedIn == StaffSignIn::Result::Failed)
        return { ServiceError::StoreFailure, m_store.errorMessage() };
    *result = AuditExport::write(m_store, filter, path, StaffSignIn::actorFor(staff.login));
    if (!result->ok)
        return { ServiceError::StoreFailure, result->message };
    return {};
}

bool StaffDesk::liftSuspension(Store& store, qint64 corporationId, const QString& actor, const QString& details)
{
    auto corp = CorporationTable::lock(store, corporationId);
    if (!corp && store.errorCode() != StoreErrorCode::Tampered)
        return false;
    CorporationState state = corp.value_or(CorporationState {});
    if (!corp) {
        // Edited outside the console: the help desk restores a sealed, unsuspended state.
        const auto info = CorporationTable::info(store, corporationId);
        if (!info)
            return false;
        state.id = info->id;
        state.mode = info->mode;
    }
    state.suspended = false;
    state.suspendedAt.clear();
    state.reason = SuspensionReason::None;
    state.otpFailures = 0;
    state.pinFailures = state.pinInFlight;
    QString audit = details;
    if (!corp)
        audit += (audit.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("state=resealed");
    return CorporationTable::write(store, state)
        && store.audit(actor, QStringLiteral("corporation.unlocked"), corporationId, audit);
}

Outcome StaffDesk::unlock(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    const auto info = CorporationTable::info(m_store, corporationId);
    if (info && info->stateIntact && !info->suspended && info->otpFailures == 0 && info->pinFailures == 0)
        return { ServiceError::NotSuspended, tr("利用中止状態ではありません。") };
    return act(
        staff, corporationId, QStringLiteral("unlock"), reason, false,
        [&](const QString& actor, const QString& details) {
            return liftSuspension(m_store, corporationId, actor, details);
        },
        tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。"));
}

Outcome StaffDesk::addStaff(const StaffCredential& admin, const QString& reason, const StaffTable::Account& account,
    const QString& credential, const QString& repeat)
{
    if (account.login.isEmpty() || account.login.size() > StaffTable::MaxLogin
        || Validation::firstControl(account.login + account.name) >= 0 || account.login.contains(QLatin1Char(' ')))
        return { ServiceError::InvalidInput,
            tr("担当者IDは、空白を含まない %1 文字までの文字列です。").arg(StaffTable::MaxLogin) };
    if (!acceptableStaffCredential(credential))
        return { ServiceError::InvalidInput, tr("パスワードは、半角の英数字と記号で 8〜64 文字にしてください。") };
    if (!crypto::constantTimeEquals(credential.toUtf8(), repeat.toUtf8()))
        return { ServiceError::Mismatch, tr("2 回入力したパスワードが一致しません。") };
    const QString hash = crypto::hashSecret(credential);
    bool exists = false;
    const Outcome o = act(
        admin, 0, QStringLiteral("staff.add"), reason, true,
        [&](const QString& actor, const QString& details) {
            if (StaffTable::find(m_store, account.login)) {
                exists = true;
                return false;
            }
            const bool admin = account.role == StaffTable::Role::Admin;
            return StaffTable::insert(m_store, account.login, account.name.isEmpty() ? account.login : account.name,
                       hash, account.role)
                && m_store.audit(actor, QStringLiteral("staff.created"), 0,
                    QStringLiteral("login=%1 role=%2 %3")
                        .arg(account.login, admin ? QStringLiteral("admin") : QStringLiteral("staff"), details));
        },
        tr("処理中にエラーが発生したため、担当者は登録されませんでした。"));
    if (exists)
        return { ServiceError::AlreadyExists,
            tr("担当者ID %1 はすでに使われています。").arg(AuditLog::printable(account.login)) };
    return o;
}

Outcome StaffDesk::setStaffDisabled(
    const StaffCredential& admin, const QString& reason, const QString& login, bool disabled)
{
    if (login == admin.login && disabled)
        return { ServiceError::InvalidInput, tr("自分の担当者IDは利用停止にできません。") };
    bool missing = false;
    const Outcome o = act(
        admin, 0, disabled ? QStringLiteral("staff.disable") : QStringLiteral("staff.enable"), reason, true,
        [&](const QString& actor, const QString& details) {
            if (!StaffTable::setDisabled(m_store, login, disabled)) {
                missing = true;
                return false;
            }
            return m_store.audit(actor, disabled ? QStringLiteral("staff.disabled") : QStringLiteral("staff.enabled"),
                0, QStringLiteral("login=%1 %2").arg(login, details));
        },
        tr("処理中にエラーが発生したため、担当者の状態は変わっていません。"));
    if (missing)
        return { ServiceError::NotFound, tr("担当者ID %1 は登録されていません。").arg(AuditLog::printable(login)) };
    return o;
}

} // namespace hardtoken
