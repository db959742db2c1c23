#include "desk/Lockout.h"

#include "store/AttemptTable.h"
#include "store/CorporationTable.h"
#include "store/Store.h"

namespace hardtoken {

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
