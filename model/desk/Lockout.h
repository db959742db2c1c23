#pragma once

#include "desk/CountedAttempt.h"
#include "store/AuditAction.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"

#include <QString>

namespace hardtoken {

class Store;

// What is counted towards a lock: the scopes of CountedAttempt (the protocol itself), each with its
// limit, its lock and its audit; and 利用中止 lifted.
class Lockout final {
public:
    // A corporation's 契約法人確認暗証番号 attempts (利用中止 at `limit`); abandoned ones released are
    // audited as `actor`.
    static CountedAttempt<CorporationState>::Scope pin(
        Store& store, qint64 corporationId, const QString& actor, int limit);
    // A corporation's serial/OTP entries (利用中止 at `limit`); `serial` the one entered.
    static CountedAttempt<CorporationState>::Scope otp(
        Store& store, qint64 corporationId, const QString& actor, int limit, const QString& serial);
    // A staff login's sign-in attempts (known or not), for `purpose`: the login locked at `limit`;
    // the lock lapses after `lapseMinutes` (0: never).
    static CountedAttempt<SigninState>::Scope signIn(
        Store& store, const QString& login, StaffPurpose purpose, qint64 corporationId, int limit, int lapseMinutes);
    // A card's codes checked at the desk by `actor`: the card locked at `limit`. `holder`: the
    // corporation the card is registered to (0: none), whose audit the failures join.
    static CountedAttempt<SigninState>::Scope card(
        Store& store, const QString& serial, const QString& actor, qint64 holder, int limit);
    // The row that keeps a card's counters (StaffTable's attempts, by this key).
    static QString cardKey(const QString& serial);
    // The audit's actor for a staff login.
    static QString staffActor(const QString& login);

    // In a write transaction: 利用中止 lifted and the counters reset, audited as `actor`; PIN
    // attempts abandoned by desktops that are gone leave the count first. False, with *unchanged
    // true, when there was nothing to lift or reset (the only count left is attempts that other
    // desktops are checking right now): nothing is written and nothing may be reported as done.
    static bool lift(
        Store& store, qint64 corporationId, const QString& actor, const QString& details, bool* unchanged = nullptr);
};

} // namespace hardtoken
