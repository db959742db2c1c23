#pragma once

#include "desk/CountedAttempt.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"

#include <QString>

namespace hardtoken {

class Store;

// What is counted towards a lock: the scopes of CountedAttempt (the protocol itself), and 利用中止
// lifted.
class Lockout final {
public:
    // A corporation's 契約法人確認暗証番号 attempts; abandoned ones released are audited as `actor`.
    static CountedAttempt<CorporationState>::Scope pin(Store& store, qint64 corporationId, const QString& actor);
    // A staff login's sign-in attempts (known or not).
    static CountedAttempt<SigninState>::Scope signIn(Store& store, const QString& login);

    // In a write transaction: 利用中止 lifted and the counters reset, audited as `actor`; PIN
    // attempts abandoned by desktops that are gone leave the count first. False, with *unchanged
    // true, when there was nothing to lift or reset (the only count left is attempts that other
    // desktops are checking right now): nothing is written and nothing may be reported as done.
    static bool lift(
        Store& store, qint64 corporationId, const QString& actor, const QString& details, bool* unchanged = nullptr);
};

} // namespace hardtoken
