#include "desk/Lockout.h"

#include "core/Clock.h"

#include "store/AttemptTable.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/Store.h"

#include <QDateTime>

namespace hardtoken {

namespace {

CountedAttempt<CorporationState>::Scope corporationScope(Store& store, qint64 corporationId, int limit)
{
    CountedAttempt<CorporationState>::Scope scope;
    scope.lock = [&store, corporationId] { return CorporationTable::lock(store, corporationId); };
    scope.write = [&store](const CorporationState& c) { return CorporationTable::write(store, c); };
    scope.limit = limit;
    scope.isLocked = [](const CorporationState& c) { return c.suspended; };
    return scope;
}

void suspend(CorporationState& corp, SuspensionReason reason, const QString& now)
{
    corp.suspended = true;
    corp.suspendedAt = now;
    corp.reason = reason;
}

CountedAttempt<SigninState>::Scope attemptsScope(Store& store, const QString& key, int limit)
{
    CountedAttempt<SigninState>::Scope scope;
    scope.lock = [&store, key] { return StaffTable::lockAttempts(store, key); };
    scope.write = [&store](const SigninState& s) { return StaffTable::writeAttempts(store, s); };
    scope.failures = [](SigninState& s) -> int& { return s.failures; };
    scope.limit = limit;
    scope.isLocked = [](const SigninState& s) { return !s.lockedAt.isEmpty(); };
    scope.lockNow = [&store](SigninState& s) { s.lockedAt = store.nowText(); };
    return scope;
}

} // namespace

CountedAttempt<CorporationState>::Scope Lockout::pin(
    Store& store, qint64 corporationId, const QString& actor, int limit)
{
    auto scope = corporationScope(store, corporationId, limit);
    scope.name = AttemptTable::pinScope(corporationId);
    scope.counters = [](CorporationState& c) { return AttemptTable::Counters { c.pinFailures, c.pinInFlight }; };
    scope.failures = [](CorporationState& c) -> int& { return c.pinFailures; };
    scope.lockNow = [&store](CorporationState& c) { suspend(c, SuspensionReason::Pin, store.nowText()); };
    scope.auditWrong = [&store, corporationId, actor, limit](const CorporationState& c) {
        return store.audit(actor, AuditAction::PinFailure, corporationId,
            QStringLiteral("count=%1 limit=%2").arg(c.pinFailures).arg(limit));
    };
    scope.auditLocked = [&store, corporationId, actor](const CorporationState&) {
        return store.audit(actor, AuditAction::CorporationSuspended, corporationId, QStringLiteral("reason=pin"));
    };
    scope.released = [&store, corporationId, actor](int released) {
        return store.audit(
            actor, AuditAction::PinAttemptReleased, corporationId, QStringLiteral("abandoned=%1").arg(released));
    };
    return scope;
}

CountedAttempt<CorporationState>::Scope Lockout::otp(
    Store& store, qint64 corporationId, const QString& actor, int limit, const QString& serial)
{
    auto scope = corporationScope(store, corporationId, limit);
    scope.name = QStringLiteral("otp:%1").arg(corporationId);
    scope.failures = [](CorporationState& c) -> int& { return c.otpFailures; };
    scope.lockNow = [&store](CorporationState& c) { suspend(c, SuspensionReason::Otp, store.nowText()); };
    scope.auditWrong = [&store, corporationId, actor, limit, serial](const CorporationState& c) {
        return store.audit(actor, AuditAction::TokenFailure, corporationId,
            QStringLiteral("count=%1 limit=%2 serial=%3").arg(c.otpFailures).arg(limit).arg(serial));
    };
    scope.auditLocked = [&store, corporationId, actor](const CorporationState&) {
        return store.audit(actor, AuditAction::CorporationSuspended, corporationId, QStringLiteral("reason=otp"));
    };
    return scope;
}

CountedAttempt<SigninState>::Scope Lockout::signIn(
    Store& store, const QString& login, StaffPurpose purpose, qint64 corporationId, int limit, int lapseMinutes)
{
    auto scope = attemptsScope(store, login, limit);
    scope.name = AttemptTable::signInScope(login);
    scope.counters = [](SigninState& s) { return AttemptTable::Counters { s.failures, s.inFlight }; };
    const QString actor = staffActor(login);
    scope.auditWrong = [&store, actor, purpose, corporationId, limit](const SigninState& s) {
        return store.auditDenied(actor, purpose, corporationId,
            QStringLiteral("reason=credential count=%1 limit=%2").arg(s.failures).arg(limit));
    };
    scope.auditLocked = [&store, actor, corporationId](const SigninState&) {
        return store.audit(actor, AuditAction::StaffLocked, corporationId, {});
    };
    if (lapseMinutes > 0) {
        scope.lapse = [&store, actor, corporationId, lapseMinutes](SigninState& s) {
            const QDateTime lockedAt = QDateTime::fromString(s.lockedAt, Qt::ISODateWithMs);
            if (s.lockedAt.isEmpty() || !lockedAt.isValid()
                || store.clock().nowMSecs() - lockedAt.toMSecsSinceEpoch() < qint64(lapseMinutes) * 60 * 1000)
                return true;
            const QString details = QStringLiteral("locked_at=%1 minutes=%2").arg(s.lockedAt).arg(lapseMinutes);
            s.lockedAt.clear();
            s.failures = s.inFlight; // attempts being checked right now stay counted
            return store.audit(actor, AuditAction::StaffLockLapsed, corporationId, details);
        };
    }
    return scope;
}

QString Lockout::cardKey(const QString& serial)
{
    return QStringLiteral("card:") + serial;
}

QString Lockout::staffActor(const QString& login)
{
    return QStringLiteral("staff:%1").arg(AuditLog::bounded(login, StaffTable::MaxLogin));
}

CountedAttempt<SigninState>::Scope Lockout::card(
    Store& store, const QString& serial, const QString& actor, qint64 holder, int limit)
{
    auto scope = attemptsScope(store, cardKey(serial), limit);
    scope.name = cardKey(serial);
    const QString card = QStringLiteral("serial=%1").arg(serial);
    scope.auditWrong = [&store, actor, holder, card](const SigninState& s) {
        return store.audit(
            actor, AuditAction::CardCheckFailed, holder, card + QStringLiteral(" count=%1").arg(s.failures));
    };
    scope.auditLocked = [&store, actor, holder, card](
                            const SigninState&) { return store.audit(actor, AuditAction::CardLocked, holder, card); };
    return scope;
}

bool Lockout::lift(Store& store, qint64 corporationId, const QString& actor, const QString& details, bool* unchanged)
{
    auto corp = CorporationTable::lock(store, corporationId);
    if (!corp && store.errorCode() != StoreErrorCode::Tampered)
        return false;
    CorporationState state = corp.value_or(CorporationState {});
    int abandoned = 0;
    if (!corp) {
        // Edited outside the console: the help desk restores a sealed, unsuspended state.
        const auto info = CorporationTable::info(store, corporationId, CorporationTable::TokenCount::Skipped);
        if (!info)
            return false;
        state.id = info->id;
        state.mode = info->mode;
    } else if (!AttemptTable::releaseAbandoned(store, AttemptTable::pinScope(corporationId),
                   { state.pinFailures, state.pinInFlight }, &abandoned)) {
        return false;
    }
    const CorporationState before = state;
    state.suspended = false;
    state.suspendedAt.clear();
    state.reason = SuspensionReason::None;
    state.otpFailures = 0;
    state.pinFailures = state.pinInFlight; // attempts still in flight elsewhere stay counted
    if (corp && abandoned == 0 && !before.suspended && before.otpFailures == 0
        && before.pinFailures == state.pinFailures) {
        if (unchanged)
            *unchanged = true;
        return false;
    }
    QString audit = details;
    if (!corp)
        audit += (audit.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("state=resealed");
    if (abandoned > 0)
        audit += QStringLiteral(" abandoned=%1").arg(abandoned);
    return CorporationTable::write(store, state)
        && store.audit(actor, AuditAction::CorporationUnlocked, corporationId, audit.trimmed());
}

} // namespace hardtoken
