#pragma once

#include <QString>

namespace hardtoken {

class Store;

// 利用中止 and the failure counters of a corporation.
class Lockout final {
public:
    // In a write transaction: 利用中止 lifted and the counters reset, audited as `actor`; PIN
    // attempts abandoned by desktops that are gone leave the count first. False, with *unchanged
    // true, when there was nothing to lift or reset (the only count left is attempts that other
    // desktops are checking right now): nothing is written and nothing may be reported as done.
    static bool lift(
        Store& store, qint64 corporationId, const QString& actor, const QString& details, bool* unchanged = nullptr);
};

} // namespace hardtoken
