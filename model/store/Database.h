#pragma once

#include "core/Crypto.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hardtoken {

class Clock;
class StatementWatchdog;
class WatchdogScope;

enum class StoreErrorCode {
    None,
    CannotOpen,
    NotADatabase, // not SQLite, or a zero-length file
    Corrupted,
    Locked, // another process holds the database: try again, nothing is wrong with it
    NewerSchema,
    ReadOnly,
    KeyFile,
    Tampered, // a MAC'd record or the audit anchor does not match: edited outside the console
    Sql,
    Refused, // the operation does not apply to this store (errorMessage() says why); nothing was done
    // The store cannot be reached: the PostgreSQL connection is gone (SQLSTATE class 08, 57P01–57P03,
    // a closed socket, a statement cut off by the watchdog) or SQLite's file cannot be read or
    // written (SQLITE_IOERR, SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, the file removed).
    // Never a business answer: nothing was decided, and a transaction that failed so did not commit
    // (unless commitUncertain() says its COMMIT's fate is unknown).
    Unreachable,
};

// Per-corporation-group settings kept in the store, so that every desktop sharing it agrees.
struct StoreSettings {
    int otpFailureLimit = 5;
    int pinFailureLimit = 5;
    int staffFailureLimit = 5;
    // A staff login locked by wrong sign-ins is usable again after this many minutes (audited):
    // the recovery when no other administrator is left to reset it. 0: only a reset lifts it.
    int staffLockLapseMinutes = 60;
    // A production desk locks after this many minutes without a key or a click (the session ends).
    int deskIdleMinutes = 10;
    int hotpLookAhead = 10;
    int totpSkewSteps = 1;
    // RFC 6238 §6: the largest token clock offset (in steps) the console records and accepts.
    int totpMaxDriftSteps = 2;
    bool normaliseFullWidth = false;
};

// What rides along every write transaction of a Database: told when one begins, asked to write
// before its COMMIT (false rolls it back), told when it was rolled back. The audit chain's head is
// one (read once per transaction, written just before COMMIT).
class TransactionHooks {
public:
    virtual ~TransactionHooks() = default;
    virtual void transactionBegun() = 0;
    virtual bool beforeCommit() = 0;
    virtual void transactionRolledBack() = 0;
};

// The connection under a Store, and the bottom of the store's layer: Qt SQL over SQLite (WAL,
// foreign keys on) or PostgreSQL for several desktops, its kept statements, transactions,
// reachability and the one error idiom, the meta values and settings, and the data key's seals
// and MACs. It knows no table but meta, schema_version and commit_marks: the schema lives in
// Schema, the data key's file in KeyFile, the audit chain in AuditLog, and every row operation in
// the *Table classes (CorporationTable, UserTable, TokenTable, RegistrationTable, StaffTable): SQL
// is written only there. Those are friends and use Database::Query, a cursor over a prepared
// statement that the connection keeps and reuses. Store, above them all, opens a Database with
// its schema, key and audit log (see Store.h); nothing here includes them.
//
// Connection policy: every Query is finished when it goes out of scope, and transaction()
// finishes every kept statement before it begins, so no read can hold SQLite's snapshot open into
// the next write transaction (which SQLite would refuse at once instead of waiting).
class Database {
    // The messages keep the context "Store": they are what the store says, whichever layer words them.
    Q_DECLARE_TR_FUNCTIONS(Store)
public:
    static constexpr int SchemaVersion = 10;

    explicit Database(const Clock& clock);
    virtual ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // A whole-file PRAGMA quick_check at open (the default) refuses a damaged file before anything
    // reads it. The console turns it off and runs IntegrityCheck in the background after its first
    // paint (60 ms at 50,000 users); the open then checks only that the schema can be read.
    void setFullCheckAtOpen(bool on) { m_fullCheckAtOpen = on; }
    static QString corruptedMessage(const QString& path);
    // A UNC path (\\server\share\…, //server/share/…): refused by openSqlite (WAL needs local files).
    static bool isNetworkPath(const QString& path);
    static QString networkPathMessage(const QString& path); // why such a path is refused
    // The libpq connection string as the store passes it to libpq (the defaults above added, every
    // value quoted), or nullopt with `why` set when libpq refuses it or it holds a password.
    static std::optional<QString> postgresConnectionString(const QString& connection, QString* why);
    // The connection string of the open PostgreSQL store (for a probe on another connection).
    QString postgresConnection() const { return m_conninfo; }
    bool isPostgres() const { return m_postgres; }
    // A desk on a shared store ruled by the server (hardtoken-cli server init): the connection
    // alone, as the desks' role — no data key, no schema work. It reads what that role may read and
    // changes state only through the server's functions (ServerDesk). A newer schema is refused, and
    // so is a store without the server's rules. The store's id (hardtoken_store_id) is remembered:
    // a reconnection must reach the same store, as any connection's must.
    bool openAsDesk(const QString& connection);
    // Opened by openAsDesk(): no key, reads only what the desks' role may, acts through the server.
    bool isDesk() const { return m_desk; }
    // Ends the connection; a Store ends its audit log with it.
    virtual void close();
    bool isOpen() const;
    // The OS keychain to keep the data key in (set before opening; not owned). The key is read
    // from it first; the key file is the fallback where no keychain answers, and a key found only
    // in the file is put into the keychain. See KeyFile.
    void setKeyVault(class KeyVault* vault) { m_vault = vault; }
    class KeyVault* keyVault() const { return m_vault; }
    // Where the key came from at open: "keychain" or "file".
    QString keySource() const { return m_keySource; }

    // The one error idiom: every operation that fails sets these; a success does not clear them.
    StoreErrorCode errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    // The advice for the person at the desk when errorCode() is Locked.
    static QString lockedMessage();
    // What the desk says when errorCode() is Unreachable.
    static QString unreachableMessage();

    // Reachability: false from the first statement that finds the store unreachable until
    // reconnect() succeeds. `lastContactMSecs` is when a statement last succeeded (the clock's time).
    bool isReachable() const { return m_reachable; }
    qint64 lastContactMSecs() const { return m_lastContactMSecs; }
    // Told (on the store's thread) each time isReachable() changes.
    void setReachabilityListener(std::function<void(bool reachable)> listener) { m_listener = std::move(listener); }
    // Opens the connection again (same database, same key; kept statements are prepared again when
    // next used) and applies the session settings. False, still unreachable, when it cannot.
    bool reconnect();
    // A write that changes nothing (a commit mark written and removed in one transaction): whether
    // the store takes writes now. Asked by StoreLink before it declares a SQLite store back.
    bool probeWrite();
    // Statements that failed since the store was opened: a read that returns "nothing" is a real
    // nothing only when this did not move.
    quint64 failedStatements() const { return m_failedStatements; }
    // Runs `read` (the record tables' reads) and gives its value only when the store answered every
    // statement of it: nullopt instead of an empty list, a zero or "not set" standing in for
    // "the store did not answer".
    template <typename Read> auto answered(Read read) const -> std::optional<decltype(read())>
    {
        const quint64 failedBefore = m_failedStatements;
        auto value = read();
        if (m_failedStatements != failedBefore)
            return std::nullopt;
        return value;
    }
    // PostgreSQL: how long one statement may take before the server cancels it (statement_timeout)
    // and, 2 s later, the desk cuts the connection (the watchdog). Default 10 s.
    void setStatementTimeout(std::chrono::milliseconds timeout) { m_statementTimeout = timeout; }

    // Who holds an attempt in flight: this connection on PostgreSQL ("pg:<n>", a session advisory
    // lock that dies with the server session), this process on SQLite ("<pid>:<start time>").
    QString ownerTag() const { return m_ownerTag; }
    // Whether the holder named by `tag` is still there (a tag of another kind counts as alive).
    bool ownerAlive(const QString& tag) const;

    static QString defaultDatabasePath();
    // How long SQLite waits for another desktop's lock before answering Locked (default 5 s).
    void setBusyTimeout(int milliseconds) { m_busyTimeoutMs = milliseconds; }

    const Clock& clock() const { return m_clock; }
    int schemaVersion() const;
    QString path() const { return m_path; }

    // Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite, waiting for the lock up to
    // the busy timeout); commits when it returns true, rolls back otherwise or when a statement
    // fails. False with errorCode() Locked when the lock could not be had: nothing was done.
    bool transaction(const std::function<bool()>& work);
    // The same, with `commitMark` (unique, e.g. QUuid) written in the transaction: when the
    // connection drops during COMMIT, commitUncertain() is true and committed(commitMark), asked
    // after reconnecting, tells whether it went through.
    bool transaction(const std::function<bool()>& work, const QString& commitMark);
    bool commitUncertain() const { return m_commitUncertain; }
    // Whether the transaction that wrote `mark` committed; nullopt when the store cannot tell now.
    std::optional<bool> committed(const QString& mark);
    bool inTransaction() const { return m_inTransaction; }

    StoreSettings settings() const;
    bool saveSettings(const StoreSettings& settings);

    // Training stores accept scenarios, virtual cards and resets; the mark is MAC'd with the data
    // key, so a store cannot be turned into a training store (and wiped) by editing one row.
    bool isTrainingStore() const;
    bool markTraining(const QString& source, const QString& scenarioId);
    QString scenarioSource() const;
    // A scenario's secrets (its training PIN and help-desk password, written in its file) are
    // hashed with scrypt once per store: the hash is kept under a key that is a MAC of the secret
    // and the KDF parameters under the data key, so `--training`'s reset at every start hashes
    // nothing again. Only ever called with a scenario's secrets, which are no secret (a PIN or
    // password typed at a real desk never reaches this: it would give a fast guessing oracle).
    QString scenarioSecretHash(const QString& secret, const QString& kdf) const;
    bool keepScenarioSecretHash(const QString& secret, const QString& kdf, const QString& hash);
    // The bank's screen ID for a manual screen (configuration data, "screen_id.<Screen>"), or empty.
    QString screenId(const QString& screen) const;

    QByteArray sealSecret(const QByteArray& secret, const QString& serial) const;
    std::optional<QByteArray> openSecret(const QByteArray& sealed, const QString& serial) const;
    // HMAC-SHA256 (hex) of `fields` under a key derived for `purpose`: rows whose integrity matters
    // (failure counters, suspension, OTP state) carry one, checked before they are believed.
    QString stateMac(const QByteArray& purpose, const QStringList& fields) const;
    bool stateMacMatches(const QByteArray& purpose, const QStringList& fields, const QString& mac) const;
    // The HMAC keyed for `purpose` (nullptr without a key), kept for the life of the connection.
    const crypto::HmacSha256* keyedMac(const QByteArray& purpose) const;

    QString nowText() const;

    // Records a failure of an operation of the store or of a *Table (sets errorCode/errorMessage).
    bool fail(StoreErrorCode code, const QString& message);

    // A cursor over a kept, prepared statement. Finished (its read lock released) when destroyed.
    class Query final {
    public:
        Query(Database& store, const QString& sql, const QVariantList& values);
        ~Query();
        Q_DISABLE_COPY_MOVE(Query)
        bool ok() const { return m_ok; }
        bool next();
        QVariant value(int i) const { return m_query->value(i); }
        int rowsAffected() const { return m_ok ? m_query->numRowsAffected() : -1; }

    private:
        Database* m_store = nullptr;
        QString m_sql;
        QSqlQuery* m_query = nullptr;
        bool m_ok = false;
    };

protected:
    // The two halves of Store's open, below the schema: the connection made and checked (SQLite:
    // the file's kind, mode and readability, created owner-only when missing, `*created` set;
    // PostgreSQL: libpq's string), its session configured and a newer schema refused. On failure
    // nothing is left open and the file is exactly as it was.
    bool connectSqlite(const QString& path, bool* created);
    bool connectPostgres(const QString& connection);
    // After the schema and the key are in place: the store's identity, which a reconnection must find.
    void rememberStoreId();
    // meta's store.id (a desk asks the server: hardtoken_store_id); empty when it cannot be read.
    QString readStoreId() const;
    // An open that failed after connecting: closed, keeping errorCode/errorMessage, and the file
    // removed when the open created it.
    bool abandonOpen(bool created);
    void setTransactionHooks(TransactionHooks* hooks) { m_hooks = hooks; }

private:
    friend class AuditLog;
    friend class Schema;
    friend class ServerBoundary;
    friend class ServerDesk;
    friend class KeyFile;
    friend class CorporationTable;
    friend class UserTable;
    friend class TokenTable;
    friend class RegistrationTable;
    friend class StaffTable;
    friend class TrainingResultTable;
    friend class AttemptTable;

    // A statement without parameters, not kept (DDL, PRAGMA): PostgreSQL cannot PREPARE DDL.
    bool execDirect(const QString& sql, QString* value = nullptr);
    // One statement with bound parameters; ok() false on failure (logged without the values).
    Query query(const QString& sql, const QVariantList& values = {}) const;
    // INSERT … RETURNING id; 0 on failure.
    qint64 insert(const QString& sql, const QVariantList& values);
    bool run(const QString& sql, const QVariantList& values) { return query(sql, values).ok(); }
    QSqlQuery* prepared(const QString& sql);
    void finishAll();
    void noteSqlError(const QSqlError& error, const QString& sql);

    QString metaValue(const QString& key, const QString& fallback = {}) const;
    bool setMetaValue(const QString& key, const QString& value);

    bool openConnection(const QString& driver, const std::function<void(QSqlDatabase&)>& configure);
    // After every (re)open: PRAGMAs on SQLite; timeouts and the owner's advisory lock on PostgreSQL.
    bool configureSession();
    void setReachable(bool reachable);
    void noteContact();
    // The socket of the PostgreSQL connection (for the watchdog), or -1.
    int serverSocket() const;
    bool connectionBad() const;
    bool retryAfterReconnect();
    // SQLite: the database file's identity (device and inode), empty when it is gone.
    QString fileIdentity() const;
    class WatchdogScope watchdog() const;
    // Connections replaced by reconnect() while a Query still used them: removed once none does.
    void releaseRetired();
    struct Retired {
        QString connectionName;
        QList<QSqlQuery*> statements;
    };
    bool refuseNewerSchema(const QString& where);
    // The key derived from the data key for `purpose` (the key of keyedMac(purpose)), empty without
    // one: what ServerBoundary gives the server so that it writes the MACs the console writes.
    QByteArray derivedKey(const QByteArray& purpose) const { return m_box ? m_box->deriveKey(purpose) : QByteArray(); }
    QSqlDatabase database() const;
    QString dialect(QString sql) const;

    const Clock& m_clock;
    QString m_connectionName;
    QString m_path;
    bool m_postgres = false;
    bool m_desk = false; // openAsDesk: meta is not the desk's to read
    bool m_inTransaction = false;
    int m_busyTimeoutMs = 5000;
    bool m_fullCheckAtOpen = true;
    QString m_conninfo;
    bool m_reachable = true;
    bool m_commitUncertain = false;
    qint64 m_lastContactMSecs = 0;
    quint64 m_failedStatements = 0;
    std::chrono::milliseconds m_statementTimeout { 10000 };
    std::function<void(bool)> m_listener;
    QString m_ownerTag;
    QString m_fileIdentity;
    QString m_storeId; // meta store.id at open: a reconnection must reach the same store
    std::unique_ptr<StatementWatchdog> m_watchdog;
    int m_liveQueries = 0;
    QList<Retired> m_retired;
    StoreErrorCode m_errorCode = StoreErrorCode::None;
    QString m_errorMessage;
    std::unique_ptr<crypto::SecretBox> m_box;
    class KeyVault* m_vault = nullptr;
    QString m_keySource;
    TransactionHooks* m_hooks = nullptr;
    QHash<QString, QSqlQuery*> m_statements;
    // HMACs keyed once per purpose (derived from the data key).
    mutable QHash<QByteArray, std::shared_ptr<crypto::HmacSha256>> m_macs;
};

} // namespace hardtoken
