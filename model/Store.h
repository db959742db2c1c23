#pragma once

#include "Crypto.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace hardtoken {

class Clock;

enum class StoreErrorCode {
    None,
    CannotOpen,
    NotADatabase,
    Corrupted,
    NewerSchema,
    ReadOnly,
    KeyFile,
    Sql,
};

// Per-corporation-group settings kept in the store, so that every desktop sharing it agrees.
struct StoreSettings {
    int otpFailureLimit = 5;
    int pinFailureLimit = 5;
    int hotpLookAhead = 10;
    int totpSkewSteps = 1;
    bool normaliseFullWidth = false;
};

struct AuditEntry {
    qint64 id = 0;
    QString at;
    QString actor;
    QString action;
    qint64 corporationId = 0;
    QString details;
};

// The console's persistent state over Qt SQL: SQLite by default (WAL, foreign keys on), schema
// versioned by ordered migrations that each run in one transaction. Token secrets are sealed with
// a data key that lives outside the database, in a key file with owner-only permissions.
class Store final {
    Q_DECLARE_TR_FUNCTIONS(Store)
public:
    static constexpr int SchemaVersion = 2;

    explicit Store(const Clock& clock);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Opens (creating when missing) the SQLite store at `path`; the key file defaults to
    // `path + ".key"`. On failure the file is left exactly as it was and error() says why.
    bool openSqlite(const QString& path, const QString& keyFilePath = {});
    // Opens the PostgreSQL store that several desktops share. `connection` is libpq-style
    // "host=… port=… dbname=… user=… password=…"; the key file must be given (every desktop needs
    // the same one). A newer schema is refused and left untouched.
    bool openPostgres(const QString& connection, const QString& keyFilePath);
    bool isPostgres() const;
    // Runs an INSERT and returns the new row's id (RETURNING id, on both SQLite and PostgreSQL); 0 on failure.
    qint64 insert(const QString& sql, const QVariantList& values);
    void close();
    bool isOpen() const;

    StoreErrorCode errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }

    static QString defaultDatabasePath();

    QSqlDatabase database() const;
    const Clock& clock() const { return m_clock; }
    int schemaVersion() const;
    QString path() const { return m_path; }

    // Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite); commits when it returns true,
    // rolls back otherwise or when a statement fails.
    bool transaction(const std::function<bool()>& work);

    // Runs one statement with bound parameters. Logs the statement text on failure, never the values.
    QSqlQuery exec(const QString& sql, const QVariantList& values = {}) const;
    bool execOk(const QString& sql, const QVariantList& values = {});

    QString metaValue(const QString& key, const QString& fallback = {}) const;
    bool setMetaValue(const QString& key, const QString& value);
    StoreSettings settings() const;
    bool saveSettings(const StoreSettings& settings);
    bool isTrainingStore() const;

    QByteArray sealSecret(const QByteArray& secret, const QString& serial) const;
    std::optional<QByteArray> openSecret(const QByteArray& sealed, const QString& serial) const;

    // Appends to the audit log; each entry's MAC covers the previous entry's MAC (a chain), so
    // that an edited, removed or reordered entry is detected by verifyAudit().
    bool audit(const QString& actor, const QString& action, qint64 corporationId, const QString& details);
    QList<AuditEntry> auditEntries(qint64 corporationId = 0) const;
    // -1 when the chain is intact, else the id of the first entry that fails.
    qint64 verifyAudit() const;

    QString nowText() const;

private:
    bool fail(StoreErrorCode code, const QString& message);
    bool migrate();
    bool finishOpen(const QString& keyFilePath);
    // Closes and fails when the store was written by a newer console; `where` names it in the message.
    bool refuseNewerSchema(const QString& where);
    bool loadKey(const QString& keyFilePath, bool freshStore);
    QString dialect(QString sql) const;

    const Clock& m_clock;
    QString m_connectionName;
    QString m_path;
    StoreErrorCode m_errorCode = StoreErrorCode::None;
    QString m_errorMessage;
    std::unique_ptr<crypto::SecretBox> m_box;
    QByteArray m_auditKey;
};

} // namespace hardtoken
