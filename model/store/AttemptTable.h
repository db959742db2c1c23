#pragma once

#include <QString>

namespace hardtoken {

class Database;

// Attempts in flight: a PIN or a staff credential is counted BEFORE it is checked (scrypt runs
// outside the lock), and the desktop that counted it settles it afterwards. Each such attempt is a
// row naming its holder (Database::ownerTag(): the PostgreSQL session, or the SQLite process with its
// start time), so that an attempt whose desktop died before settling it — killed, crashed, its
// session ended by a server restart or a failover — is known to be abandoned and is released
// instead of counting against the customer forever. Rows carry a MAC: a forged row releases nothing.
class AttemptTable final {
public:
    // The scope of a corporation's 契約法人確認暗証番号 attempts and of a login's sign-in attempts.
    static QString pinScope(qint64 corporationId);
    static QString signInScope(const QString& login);

    // Inside a write transaction (the scope's counters locked): records an attempt held by this
    // desktop; its key, or empty when the store refused.
    static QString reserve(Database& store, const QString& scope);
    enum class Settle {
        Settled, // the attempt was in flight and is settled now
        Gone, // it had been released as abandoned meanwhile (this desktop lost its session)
        Failed, // the store refused
    };
    static Settle settle(Database& store, const QString& key);
    // Inside a write transaction: removes the scope's attempts whose holder is gone and says how
    // many (-1 when the store refused).
    static int releaseAbandoned(Database& store, const QString& scope);

    // The counters a scope keeps in its own sealed row (the corporation's PIN failures, a login's
    // sign-in failures): `failures` counts settled wrong entries plus the attempts in flight.
    struct Counters {
        int& failures;
        int& inFlight;
    };
    // The lockout protocol's steps on those counters, each inside the transaction that holds the
    // scope's row locked. False when the store refused.
    // Abandoned attempts leave both counts; `released` (optional) says how many.
    static bool releaseAbandoned(Database& store, const QString& scope, Counters counters, int* released = nullptr);
    // One more attempt in flight, counted before it is evaluated; its key in `key`.
    static bool reserve(Database& store, const QString& scope, Counters counters, QString* key);
    // The attempt was wrong: it stays counted (counted afresh if it had been released meanwhile).
    static bool settleWrong(Database& store, const QString& key, Counters counters);
    // The attempt was right: it leaves the flight, and the settled failures are forgiven (those
    // still in flight elsewhere stay counted).
    static bool settleRight(Database& store, const QString& key, Counters counters);
    // The attempt was not evaluated after all (the act it authorised failed): it counts for nothing.
    static bool withdraw(Database& store, const QString& key, Counters counters);
};

} // namespace hardtoken
