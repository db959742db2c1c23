#pragma once

#include "store/AuditAction.h"
#include "store/Database.h"

#include <memory>

namespace hardtoken {

class AuditLog;
class ServerDesk;

// The console's persistent state: a Database opened with everything that makes it a store, the
// schema migrated (Schema), the data key loaded or made (KeyFile), and the audit chain (AuditLog)
// riding along every transaction. The layer reads bottom up: Database, then the record tables,
// Schema, KeyFile and AuditLog (each knows only Database), then Store, which includes them; no
// file below includes this one. Code above the store's layer holds a Store and passes it to the
// tables as their Database.
class Store final : public Database {
    Q_DECLARE_TR_FUNCTIONS(Store)
public:
    explicit Store(const Clock& clock);
    ~Store() override;
    Q_DISABLE_COPY_MOVE(Store)

    // Opens (creating when missing) the SQLite store at `path`; the key file defaults to
    // `path + ".key"`. On failure the file is left exactly as it was and errorMessage() says why.
    bool openSqlite(const QString& path, const QString& keyFilePath = {});
    // Opens the PostgreSQL store that several desktops share. `connection` is a libpq connection
    // string, key/value or postgresql:// URI, read by libpq itself (PQconninfoParse) and passed on
    // whole: sslmode/sslrootcert, multi-host failover (host=a,b port=p,q
    // target_session_attrs=read-write), service, application_name … A password in it is refused
    // (use a pgpass file or PGPASSWORD). Unless the string says otherwise, connect_timeout is 5 s and
    // TCP keepalives are on. The key file must be given (every desktop needs the same one). A newer
    // schema is refused and left untouched.
    bool openPostgres(const QString& connection, const QString& keyFilePath);
    // A desk on a shared store ruled by the server (hardtoken-cli server init): no key file, no
    // schema work, no audit log of its own — the server writes and chains the audit. The console's
    // acts then go through the server's functions (ServerDesk). See Database::openAsDesk.
    // Its auditLog() reads and verifies (through the server); it appends nothing.
    bool openDesk(const QString& connection);
    // The desk's calls of the server (openDesk only; nullptr otherwise): one for the whole desk,
    // so that an act that got no answer is asked again with its own request id by whichever part
    // of the console asks it again.
    ServerDesk* serverDesk() const { return isDesk() ? m_server.get() : nullptr; }
    void close() override;
    // The data key's file (SQLite: "<database>.key" unless told; PostgreSQL: --key-file).
    QString keyFilePath() const { return m_keyFilePath; }
    // Replaces the data key with a new one written to `path`: every token secret sealed again,
    // every state MAC and the audit chain computed again, in one transaction (see KeyFile::rotate).
    bool rotateKey(const QString& path, const QString& actor, int* tokens);

    AuditLog& auditLog() const { return *m_audit; }
    // Shorthand for auditLog().append(...); inside transaction() like every write.
    bool audit(const QString& actor, AuditAction action, qint64 corporationId, const QString& details);
    // A refused staff sign-in: "<purpose>.denied".
    bool auditDenied(const QString& actor, StaffPurpose purpose, qint64 corporationId, const QString& details);

private:
    // The schema migrated and the key loaded, in the order that never writes to a store whose key
    // is wrong; the audit log started. `created`: the open made the file (removed on failure).
    bool finishOpen(const QString& keyFilePath, bool created);

    QString m_keyFilePath;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ServerDesk> m_server;
};

} // namespace hardtoken
