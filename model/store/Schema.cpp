#include "store/Schema.h"

#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"

#include <QLoggingCategory>

#include <functional>

namespace hardtoken {

namespace {
Q_LOGGING_CATEGORY(lcSchema, "hardtoken.schema")
} // namespace

namespace {

struct Migration {
    int version;
    const char* description;
    QStringList statements;
    // Runs after the statements, in the same transaction (e.g. sealing rows that already exist).
    std::function<bool(Database&, AuditLog&)> after;
};

// Ordered; never edit a released migration, add the next one.
QList<Migration> migrations()
{
    return {
        { 1, "initial schema",
            {
                QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE corporations ("
                               " id {PK},"
                               " code TEXT NOT NULL UNIQUE,"
                               " name TEXT NOT NULL,"
                               " usage_mode TEXT NOT NULL DEFAULT 'unset'"
                               "   CHECK (usage_mode IN ('unset', 'shared', 'individual')),"
                               " pin_hash TEXT NOT NULL,"
                               " otp_failures INTEGER NOT NULL DEFAULT 0,"
                               " pin_failures INTEGER NOT NULL DEFAULT 0,"
                               " suspended INTEGER NOT NULL DEFAULT 0,"
                               " suspended_at TEXT,"
                               " suspended_reason TEXT)"),
                QStringLiteral("CREATE TABLE users ("
                               " id {PK},"
                               " corporation_id {BIGINT} NOT NULL REFERENCES corporations(id) ON DELETE CASCADE,"
                               " name TEXT NOT NULL,"
                               " display_order INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX users_by_corporation ON users (corporation_id, display_order)"),
                QStringLiteral("CREATE TABLE tokens ("
                               " id {PK},"
                               " serial TEXT NOT NULL UNIQUE CHECK (length(serial) = 10),"
                               " kind TEXT NOT NULL CHECK (kind IN ('hotp', 'totp')),"
                               " algorithm TEXT NOT NULL CHECK (algorithm IN ('sha1', 'sha256', 'sha512')),"
                               " digits INTEGER NOT NULL CHECK (digits BETWEEN 6 AND 8),"
                               " period INTEGER NOT NULL DEFAULT 30 CHECK (period IN (30, 60)),"
                               " secret {BLOB} NOT NULL,"
                               " next_counter {BIGINT} NOT NULL DEFAULT 0,"
                               " last_step {BIGINT} NOT NULL DEFAULT -1,"
                               " drift INTEGER NOT NULL DEFAULT 0,"
                               " status TEXT NOT NULL DEFAULT 'available'"
                               "   CHECK (status IN ('available', 'registered', 'retired')))"),
                QStringLiteral("CREATE TABLE registrations ("
                               " id {PK},"
                               " corporation_id {BIGINT} NOT NULL REFERENCES corporations(id) ON DELETE CASCADE,"
                               " user_id {BIGINT} REFERENCES users(id) ON DELETE CASCADE,"
                               " token_id {BIGINT} NOT NULL UNIQUE REFERENCES tokens(id),"
                               " since TEXT NOT NULL)"),
                QStringLiteral(
                    "CREATE UNIQUE INDEX registrations_one_per_user ON registrations (corporation_id, user_id)"),
                QStringLiteral("CREATE TABLE staff ("
                               " id {PK},"
                               " login TEXT NOT NULL UNIQUE,"
                               " name TEXT NOT NULL,"
                               " credential_hash TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE audit_log ("
                               " id {PK},"
                               " at TEXT NOT NULL,"
                               " actor TEXT NOT NULL,"
                               " action TEXT NOT NULL,"
                               " corporation_id {BIGINT},"
                               " details TEXT NOT NULL,"
                               " mac TEXT NOT NULL)"),
            },
            {} },
        { 2, "index registrations by user and by corporation",
            {
                QStringLiteral("CREATE INDEX registrations_by_user ON registrations (user_id)"),
            },
            {} },
        { 3, "state MACs, PIN attempts in flight, help-desk sign-in limits, six-digit tokens, audit anchor",
            {
                QStringLiteral("ALTER TABLE corporations ADD COLUMN pin_in_flight INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE corporations ADD COLUMN state_mac TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE tokens ADD COLUMN state_mac TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("CREATE TABLE signin_attempts ("
                               " login TEXT PRIMARY KEY,"
                               " failures INTEGER NOT NULL DEFAULT 0,"
                               " in_flight INTEGER NOT NULL DEFAULT 0,"
                               " locked_at TEXT,"
                               " state_mac TEXT NOT NULL)"),
                // The screens take 6 digits only (manual 9.2): a token of 7 or 8 could never be
                // registered. Existing ones are retired; new ones are refused by the engine too.
                QStringLiteral("UPDATE tokens SET status = 'retired' WHERE digits <> 6"
                               " AND id NOT IN (SELECT token_id FROM registrations)"),
                QStringLiteral("sqlite:CREATE TRIGGER tokens_six_digits BEFORE INSERT ON tokens"
                               " WHEN NEW.digits <> 6 BEGIN SELECT RAISE(ABORT, 'tokens have 6 digits'); END"),
                QStringLiteral("pg:ALTER TABLE tokens ADD CONSTRAINT tokens_six_digits CHECK (digits = 6) NOT VALID"),
            },
            [](Database& store, AuditLog& audit) {
                return CorporationTable::sealAll(store) && TokenTable::sealAll(store)
                    && Schema::sealLegacyTrainingMark(store) && audit.initialise();
            } },
        { 4, "users keyed by the bank's 利用者ID (roster import); staff roles",
            {
                QStringLiteral("ALTER TABLE users ADD COLUMN bank_id TEXT"),
                QStringLiteral("CREATE UNIQUE INDEX users_by_bank_id ON users (corporation_id, bank_id)"),
                QStringLiteral("ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'staff'"
                               " CHECK (role IN ('staff', 'admin'))"),
            },
            {} },
        { 5, "契約法人の選択: corporations searched in code order by name",
            {
                // Covering the name filter in code order: the search walks this index and stops
                // at the first page of matches instead of sorting every corporation that matches.
                QStringLiteral("CREATE INDEX corporations_by_code_name ON corporations (code, name)"),
            },
            {} },
        { 6, "staff accounts an administrator disables",
            {
                QStringLiteral("ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"),
            },
            {} },
        { 7, "契約法人の選択 on PostgreSQL: a trigram index of the names, where the server allows it",
            {
                // Optional ("pg?:"): pg_trgm is a trusted extension, but a database owner without
                // CREATE on it still gets a working store (the search then reads every name).
                QStringLiteral("pg?:CREATE EXTENSION IF NOT EXISTS pg_trgm"),
                QStringLiteral("pg?:CREATE INDEX corporations_name_trgm ON corporations USING gin (name gin_trgm_ops)"),
            },
            {} },
        { 8, "guided training: each trainee's results (kept across scenario resets)",
            {
                QStringLiteral("CREATE TABLE training_results ("
                               " id {PK},"
                               " trainee TEXT NOT NULL,"
                               " exercise_id TEXT NOT NULL,"
                               " exercise_title TEXT NOT NULL,"
                               " started_at {BIGINT} NOT NULL,"
                               " total_ms {BIGINT} NOT NULL,"
                               " completed INTEGER NOT NULL,"
                               " hints INTEGER NOT NULL,"
                               " demonstrations INTEGER NOT NULL,"
                               " wrong_turns INTEGER NOT NULL,"
                               " otp_failures INTEGER NOT NULL,"
                               " pin_failures INTEGER NOT NULL,"
                               " suspended INTEGER NOT NULL,"
                               " detail TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX training_results_by_trainee ON training_results (trainee, started_at)"),
            },
            {} },
        { 9, "attempts in flight named by their holder; commit marks for a COMMIT whose answer was lost",
            {
                // A PIN or sign-in attempt counted before it is checked, held by a desktop's
                // PostgreSQL session or SQLite process: released when its holder is gone.
                QStringLiteral("CREATE TABLE attempts_in_flight ("
                               " key TEXT PRIMARY KEY,"
                               " scope TEXT NOT NULL,"
                               " owner TEXT NOT NULL,"
                               " reserved_at TEXT NOT NULL,"
                               " mac TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX attempts_in_flight_by_scope ON attempts_in_flight (scope)"),
                // Written in the transaction it marks: after a connection lost during COMMIT, the
                // desk asks whether its mark is there.
                QStringLiteral("CREATE TABLE commit_marks (mark TEXT PRIMARY KEY, committed_at TEXT NOT NULL)"),
            },
            // Attempts counted in flight before holders were recorded can never be settled now.
            [](Database& store, AuditLog&) {
                return CorporationTable::releaseLegacyInFlight(store) && StaffTable::releaseLegacyInFlight(store);
            } },
        { 10, "SQLite: each corporation's registrations counted as they are written",
            {
                // 契約法人ステータス shows the count at every start: counted at each view it read an
                // index entry per registration (2 ms at 37,500). Kept by triggers, so every path that
                // writes registrations (the rules, imports, resets, cascades) keeps it. PostgreSQL
                // counts on the server (an index-only scan), where desks' writes are the server's own.
                QStringLiteral("sqlite:CREATE TABLE registration_counts ("
                               " corporation_id INTEGER PRIMARY KEY REFERENCES corporations(id) ON DELETE CASCADE,"
                               " registered INTEGER NOT NULL)"),
                QStringLiteral("sqlite:INSERT INTO registration_counts (corporation_id, registered)"
                               " SELECT corporation_id, COUNT(*) FROM registrations GROUP BY corporation_id"),
                QStringLiteral("sqlite:CREATE TRIGGER registrations_counted_in AFTER INSERT ON registrations BEGIN"
                               " INSERT INTO registration_counts (corporation_id, registered)"
                               " VALUES (NEW.corporation_id, 1)"
                               " ON CONFLICT (corporation_id) DO UPDATE SET registered = registered + 1;"
                               " END"),
                QStringLiteral("sqlite:CREATE TRIGGER registrations_counted_out AFTER DELETE ON registrations BEGIN"
                               " UPDATE registration_counts SET registered = registered - 1"
                               " WHERE corporation_id = OLD.corporation_id;"
                               " END"),
                QStringLiteral("sqlite:CREATE TRIGGER registrations_counted_moved"
                               " AFTER UPDATE OF corporation_id ON registrations"
                               " WHEN NEW.corporation_id IS NOT OLD.corporation_id BEGIN"
                               " UPDATE registration_counts SET registered = registered - 1"
                               " WHERE corporation_id = OLD.corporation_id;"
                               " INSERT INTO registration_counts (corporation_id, registered)"
                               " VALUES (NEW.corporation_id, 1)"
                               " ON CONFLICT (corporation_id) DO UPDATE SET registered = registered + 1;"
                               " END"),
            },
            {} },
    };
}

} // namespace

bool Schema::sealLegacyTrainingMark(Database& store)
{
    if (store.metaValue(QStringLiteral("store_kind")) != QLatin1String("training")
        || !store.metaValue(QStringLiteral("store_kind.mac")).isEmpty())
        return true;
    return store.markTraining(
        store.metaValue(QStringLiteral("scenario.source")), store.metaValue(QStringLiteral("scenario.id")));
}

bool Schema::migrate(Database& store, AuditLog& audit)
{
    if (store.schemaVersion() == 0
        && !store.execDirect(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                           " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")))
        return store.fail(StoreErrorCode::Sql, tr("スキーマの管理表を作成できません。"));
    const int current = store.schemaVersion();
    const QLatin1String engine = store.isPostgres() ? QLatin1String("pg:") : QLatin1String("sqlite:");
    for (const Migration& m : migrations()) {
        if (m.version <= current)
            continue;
        const bool ok = store.transaction([&] {
            for (const QString& statement : m.statements) {
                QString sql = statement;
                if (sql.startsWith(QLatin1String("pg?:"))) {
                    if (!store.isPostgres())
                        continue;
                    // Tried in a savepoint: a refusal is rolled back and the migration goes on.
                    if (!store.execDirect(QStringLiteral("SAVEPOINT optional_step")))
                        return false;
                    const bool done = store.execDirect(sql.mid(4));
                    if (!store.execDirect(done ? QStringLiteral("RELEASE SAVEPOINT optional_step")
                                               : QStringLiteral("ROLLBACK TO SAVEPOINT optional_step")))
                        return false;
                    if (!done)
                        qCInfo(lcSchema) << "optional step skipped:" << sql.mid(4);
                    continue;
                }
                if (sql.startsWith(QLatin1String("pg:")) || sql.startsWith(QLatin1String("sqlite:"))) {
                    if (!sql.startsWith(engine))
                        continue;
                    sql = sql.mid(engine.size());
                }
                if (!store.execDirect(store.dialect(sql)))
                    return false;
            }
            return (!m.after || m.after(store, audit))
                && store.run(
                    QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"),
                    { m.version, QString::fromLatin1(m.description), store.nowText() });
        });
        if (!ok) {
            if (store.errorCode() == StoreErrorCode::Locked)
                return false;
            return store.fail(StoreErrorCode::Sql,
                tr("スキーマ %1 への更新に失敗しました。データベースは更新前のままです。").arg(m.version));
        }
    }
    return true;
}

} // namespace hardtoken
