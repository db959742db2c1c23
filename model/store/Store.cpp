#include "store/Store.h"

#include "store/ServerDesk.h"

#include "store/AuditLog.h"
#include "store/KeyFile.h"
#include "store/Schema.h"

namespace hardtoken {

Store::Store(const Clock& clock)
    : Database(clock)
{
}

Store::~Store()
{
    close();
}

void Store::close()
{
    Database::close();
    m_audit.reset();
}

bool Store::openSqlite(const QString& path, const QString& keyFilePath)
{
    bool created = false;
    return connectSqlite(path, &created)
        && finishOpen(keyFilePath.isEmpty() ? path + QStringLiteral(".key") : keyFilePath, created);
}

bool Store::openPostgres(const QString& connection, const QString& keyFilePath)
{
    // Known without a connection: nothing is reached for an open that cannot succeed.
    if (keyFilePath.isEmpty()) {
        close();
        return fail(StoreErrorCode::KeyFile,
            tr("PostgreSQL のデータベースには --key-file で暗号鍵ファイルを指定してください。"));
    }
    return connectPostgres(connection) && finishOpen(keyFilePath, false);
}

bool Store::openDesk(const QString& connection)
{
    if (!openAsDesk(connection))
        return false;
    // A reader of the log, not riding along the transactions: the desk's acts are audited by the
    // server's functions, and an append from here would be refused by the server anyway.
    m_audit = std::make_unique<AuditLog>(*this);
    if (!m_server)
        m_server = std::make_unique<ServerDesk>(*this);
    return true;
}

bool Store::finishOpen(const QString& keyFilePath, bool created)
{
    // The key is checked before anything is written: a store whose key is missing or wrong is
    // refused exactly as it is, not migrated first.
    const bool fresh = schemaVersion() == 0;
    m_keyFilePath = keyFilePath;
    m_audit = std::make_unique<AuditLog>(*this);
    setTransactionHooks(m_audit.get());
    const bool ok = fresh ? Schema::migrate(*this, *m_audit) && KeyFile::open(*this, keyFilePath, true)
            && transaction([&] { return m_audit->initialise(); })
                          : KeyFile::open(*this, keyFilePath, false) && Schema::migrate(*this, *m_audit);
    if (!ok)
        return abandonOpen(created);
    rememberStoreId();
    return true;
}

bool Store::rotateKey(const QString& path, const QString& actor, int* tokens)
{
    return m_audit && KeyFile::rotate(*this, *m_audit, path, actor, tokens);
}

bool Store::audit(const QString& actor, AuditAction action, qint64 corporationId, const QString& details)
{
    return m_audit && m_audit->append(actor, auditKey(action), corporationId, details);
}

bool Store::auditDenied(const QString& actor, StaffPurpose purpose, qint64 corporationId, const QString& details)
{
    return m_audit && m_audit->append(actor, deniedKey(purpose), corporationId, details);
}

} // namespace hardtoken
