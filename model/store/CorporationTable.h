#pragma once

#include "store/CorporationInfo.h"
#include "store/UsageMode.h"

#include <QList>
#include <QString>

#include <optional>

namespace hardtoken {

class Database;

// What the lockout decisions depend on, MAC'd as one with the data key: edited counters or an
// edited suspension are detected before they are believed.
struct CorporationState {
    qint64 id = 0;
    UsageMode mode = UsageMode::Unset;
    int otpFailures = 0;
    // Settled wrong PINs plus PIN attempts in flight (counted before the PIN is checked).
    int pinFailures = 0;
    int pinInFlight = 0;
    bool suspended = false;
    QString suspendedAt;
    SuspensionReason reason = SuspensionReason::None;
};

// One line of 契約法人の選択.
struct CorporationHit {
    qint64 id = 0;
    QString code;
    QString name;
    int users = 0;
    int registered = 0;
    bool suspended = false;
};

// The corporations table's named operations. Writers take Database&, readers const Database&.
class CorporationTable final {
public:
    static qint64 idByCode(const Database& store, const QString& code); // 0 when there is none
    static qint64 firstId(const Database& store);
    static int count(const Database& store);
    // min(count, limit) without counting every row: "none, one or several?" at start-up and in
    // the menus, cheap at 100,000 corporations.
    static int countUpTo(const Database& store, int limit);
    // 契約法人の選択: the corporation whose code is exactly `text` first, then those whose name
    // contains it as typed, in code order; at most `limit`. Empty `text`: the first `limit`.
    // Text of digits only is a code: it is not looked for in names.
    static QList<CorporationHit> search(const Database& store, const QString& text, int limit);
    // TokenCount::Skipped leaves registeredTokens at -1: what a check of the corporation's state
    // needs (suspended, counters, mode). SQLite keeps the count (schema 10); PostgreSQL counts the
    // registrations, an index scan at every step of a large corporation's desk otherwise.
    enum class TokenCount { Counted, Skipped };
    static std::optional<CorporationInfo> info(
        const Database& store, qint64 id, TokenCount tokens = TokenCount::Counted);
    // The 契約法人確認暗証番号's hash; empty when the PIN has not been set yet (an imported corporation).
    static QString pinHash(const Database& store, qint64 id);

    // Inside a write transaction: the row's state, locked against other desktops until commit
    // (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE already holds SQLite), its MAC checked. nullopt
    // when missing or when the store's error says Tampered, Locked or Sql.
    static std::optional<CorporationState> lock(Database& store, qint64 id);
    static bool write(Database& store, const CorporationState& state);

    static qint64 insert(Database& store, const QString& code, const QString& name, const QString& pinHash,
        const CorporationState& state);
    static bool rename(Database& store, qint64 id, const QString& name);
    static bool setPinHash(Database& store, qint64 id, const QString& pinHash);
    static bool removeAll(Database& store);

    // Migration (schema 9): attempts counted in flight before their holders were recorded are
    // released (they can never be settled); rows that fail their MAC are left as they are.
    static bool releaseLegacyInFlight(Database& store);
    // Migration: seals the state of rows written before state MACs existed.
    static bool sealAll(Database& store);
    // Codes of the corporations whose state MAC does not match.
    static QStringList tampered(const Database& store);

private:
    static QStringList macFields(const CorporationState& s);
};

} // namespace hardtoken
