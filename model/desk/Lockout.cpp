#include "desk/Lockout.h"

#include "store/AttemptTable.h"
#include "store/CorporationTable.h"
#include "store/Store.h"

namespace hardtoken {

CountedAttempt<CorporationState>::Scope Lockout::pin(Store& store, qint64 corporationId, const QString& actor)
{
    return {
        AttemptTable::pinScope(corporationId),
        [&store, corporationId] { return CorporationTable::lock(store, corporationId); },
        [&store](const CorporationState& c) { return CorporationTable::write(store, c); },
        [](CorporationState& c) {
            return AttemptTable::Counters { c.pinFailures, c.pinInFlight };
        },
        [&store, corporationId, actor](int released) {
            return store.audit(
                actor, AuditAction::PinAttemptReleased, corporationId, QStringLiteral("abandoned=%1").arg(released));
        },
    };
}

CountedAttempt<SigninState>::Scope Lockout::signIn(Store& store, const QString& login)
{
    return {
        AttemptTable::signInScope(login),
        [&store, login] { return StaffTable::lockAttempts(store, login); },
        [&store](const SigninState& s) { return StaffTable::writeAttempts(store, s); },
        [](SigninState& s) {
            return AttemptTable::Counters { s.failures, s.inFlight };
        },
    };
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
        const auto info = CorporationTable::info(store, corporationId);
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
