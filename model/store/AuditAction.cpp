#include "store/AuditAction.h"

namespace hardtoken {

namespace {

struct ActionRow {
    AuditAction action;
    const char* key;
    const char* meaning;
};

// The catalogue. Keys are stored in the log: never change one, add a new action instead.
constexpr ActionRow kActions[] = {
    { AuditAction::UsageModeChanged, "usage_mode.changed",
        "利用形態 set to another mode; the corporation's registrations end (9.1)" },
    { AuditAction::UsageModeConfirmed, "usage_mode.confirmed", "利用形態 confirmed unchanged (9.1)" },
    { AuditAction::TokenFailure, "token.failure", "a wrong serial or one-time password counted towards 利用中止" },
    { AuditAction::PinFailure, "pin.failure", "a wrong 契約法人確認暗証番号 counted towards 利用中止" },
    { AuditAction::PinAttemptReleased, "pin.attempt_released",
        "a PIN attempt withdrawn uncounted (the store failed while it was checked)" },
    { AuditAction::CorporationSuspended, "corporation.suspended",
        "the corporation is 利用中止 (reason=otp or reason=pin)" },
    { AuditAction::TokenRegistered, "token.registered", "a token registered to a user or, shared, the corporation" },
    { AuditAction::RegistrationCommitted, "registration.committed", "OK with the PIN: the registrations committed" },
    { AuditAction::CorporationUnlocked, "corporation.unlocked",
        "the help desk lifted 利用中止 and reset the counters" },
    { AuditAction::CorporationPinSet, "corporation.pin_set", "a staff member set the 契約法人確認暗証番号" },
    { AuditAction::CorporationCountersReset, "corporation.counters_reset",
        "a staff member reset the wrong-entry counters" },
    { AuditAction::CardChecked, "card.checked", "a card's one-time password checked right at the desk" },
    { AuditAction::CardCheckFailed, "card.check_failed", "a card's one-time password checked wrong at the desk" },
    { AuditAction::CardLocked, "card.locked", "too many wrong card checks: the card can no longer be checked" },
    { AuditAction::CardResynced, "card.resynced", "an HOTP card that ran ahead resynchronised" },
    { AuditAction::CardResyncFailed, "card.resync_failed", "a resynchronisation whose two codes were not found" },
    { AuditAction::StaffCreated, "staff.created", "a staff account created (init, or an administrator)" },
    { AuditAction::StaffDisabled, "staff.disabled", "a staff account disabled" },
    { AuditAction::StaffEnabled, "staff.enabled", "a disabled staff account enabled again" },
    { AuditAction::StaffLocked, "staff.locked", "too many wrong sign-ins: the staff login is locked" },
    { AuditAction::StaffReset, "staff.reset",
        "a locked staff login (or card:SERIAL) usable again, by another administrator" },
    { AuditAction::DeskSignedIn, "desk.signed_in",
        "a staff member signed in at the desk: the actor of every act until the session ends" },
    { AuditAction::DeskSignedOut, "desk.signed_out",
        "the desk session ended (reason=sign-out, idle: locked after deskIdleMinutes, or closed)" },
    { AuditAction::StaffLockLapsed, "staff.lock_lapsed",
        "a staff login's lock lapsed after staffLockLapseMinutes (the recovery when no other administrator is left)" },
    { AuditAction::AuditExported, "audit.exported", "the log verified and exported (rows, SHA-256 of the file)" },
    { AuditAction::KeyRotated, "key.rotated", "the data key replaced and every token secret sealed again" },
    { AuditAction::CorporationImported, "corporation.imported", "a corporation added by a roster import" },
    { AuditAction::CorporationRenamed, "corporation.renamed", "a corporation's name changed by a roster import" },
    { AuditAction::UserImported, "user.imported", "a user added by a roster import" },
    { AuditAction::UserUpdated, "user.updated", "a user's name or order changed by a roster import" },
    { AuditAction::UserRemoved, "user.removed", "a user removed by a roster import with --prune" },
    { AuditAction::RosterImported, "roster.imported", "a roster file imported (counts, SHA-256 of the file)" },
    { AuditAction::TokenImported, "token.imported", "a token added to the inventory from a vendor's file" },
    { AuditAction::TokenReplaced, "token.replaced", "a token's secret replaced from a vendor's file (--replace)" },
    { AuditAction::TokensImported, "tokens.imported", "a vendor's token file imported (counts, SHA-256)" },
    { AuditAction::ScenarioLoaded, "scenario.loaded", "a training scenario loaded" },
    { AuditAction::TrainingResult, "training.result", "a trainee's result saved" },
};

struct PurposeRow {
    StaffPurpose purpose;
    const char* key;
    const char* act;
};

constexpr PurposeRow kPurposes[] = {
    { StaffPurpose::Unlock, "unlock", "lifting 利用中止" },
    { StaffPurpose::CountersReset, "counters.reset", "resetting the counters" },
    { StaffPurpose::PinSet, "pin.set", "setting the 契約法人確認暗証番号" },
    { StaffPurpose::StaffAdd, "staff.add", "adding a staff account" },
    { StaffPurpose::StaffDisable, "staff.disable", "disabling a staff account" },
    { StaffPurpose::StaffEnable, "staff.enable", "enabling a staff account" },
    { StaffPurpose::CardCheck, "card.check", "checking a card" },
    { StaffPurpose::CardResync, "card.resync", "resynchronising a card" },
    { StaffPurpose::AuditExport, "audit.export", "exporting the audit log" },
    { StaffPurpose::KeyRotate, "key.rotate", "rotating the data key" },
    { StaffPurpose::Import, "import", "importing a roster or tokens" },
    { StaffPurpose::StaffReset, "staff.reset", "lifting a staff login's or a card's lock" },
    { StaffPurpose::DeskSignIn, "desk.sign_in", "the desk session (担当者のサインイン)" },
};

} // namespace

QString auditKey(AuditAction action)
{
    for (const ActionRow& row : kActions) {
        if (row.action == action)
            return QString::fromLatin1(row.key);
    }
    Q_UNREACHABLE();
}

QString purposeKey(StaffPurpose purpose)
{
    for (const PurposeRow& row : kPurposes) {
        if (row.purpose == purpose)
            return QString::fromLatin1(row.key);
    }
    Q_UNREACHABLE();
}

QString deniedKey(StaffPurpose purpose)
{
    return purposeKey(purpose) + QStringLiteral(".denied");
}

QList<AuditCatalogueEntry> auditCatalogue()
{
    QList<AuditCatalogueEntry> all;
    for (const ActionRow& row : kActions)
        all.append({ QString::fromLatin1(row.key), QString::fromUtf8(row.meaning) });
    for (const PurposeRow& row : kPurposes) {
        all.append({ deniedKey(row.purpose),
            QStringLiteral("a staff sign-in refused for %1 (wrong, unknown, disabled or locked login)")
                .arg(QString::fromUtf8(row.act)) });
    }
    return all;
}

} // namespace hardtoken
