#pragma once

#include <QList>
#include <QString>

namespace hardtoken {

// Every action the audit log records. Its key is what the log stores and what auditors filter on
// (監査ログ, hardtoken-cli audit export --action); auditCatalogue() says what each one means, and
// the README's "Audit actions" table is the same list (tst_auditactions checks that they agree).
enum class AuditAction {
    // The desk (chapter 9)
    UsageModeChanged,
    UsageModeConfirmed,
    TokenFailure,
    PinFailure,
    PinAttemptReleased,
    CorporationSuspended,
    TokenRegistered,
    RegistrationCommitted,
    // Staff acts
    CorporationUnlocked,
    CorporationPinSet,
    CorporationCountersReset,
    CardChecked,
    CardCheckFailed,
    CardLocked,
    CardResynced,
    CardResyncFailed,
    StaffCreated,
    StaffDisabled,
    StaffEnabled,
    StaffLocked,
    StaffReset,
    StaffLockLapsed,
    DeskSignedIn,
    DeskSignedOut,
    AuditExported,
    KeyRotated,
    // Data in
    CorporationImported,
    CorporationRenamed,
    UserImported,
    UserUpdated,
    UserRemoved,
    RosterImported,
    TokenImported,
    TokenReplaced,
    TokensImported,
    // Training
    ScenarioLoaded,
    TrainingResult,
};

// Why a staff member signs in. A refused sign-in is audited as "<purpose>.denied".
enum class StaffPurpose {
    Unlock,
    CountersReset,
    PinSet,
    StaffAdd,
    StaffDisable,
    StaffEnable,
    CardCheck,
    CardResync,
    AuditExport,
    KeyRotate,
    Import,
    StaffReset,
    DeskSignIn,
};

QString auditKey(AuditAction action); // "corporation.unlocked"
QString purposeKey(StaffPurpose purpose); // "counters.reset"
QString deniedKey(StaffPurpose purpose); // "counters.reset.denied"

struct AuditCatalogueEntry {
    QString key;
    QString meaning; // English, as the README's table
};
// Every key the log can hold, the refused sign-ins included, in the order above.
QList<AuditCatalogueEntry> auditCatalogue();

} // namespace hardtoken
