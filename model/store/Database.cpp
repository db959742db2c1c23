#include "store/Database.h"

#include "core/Clock.h"
#include "store/ProcessIdentity.h"
#include "store/StatementWatchdog.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUuid>

#include "store/LibPq.h"

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

namespace hardtoken {

Q_LOGGING_CATEGORY(lcStore, "hardtoken.store")

namespace {

QAtomicInteger<int> g_connectionCounter;

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The first 16 bytes of the file; `empty` when it has none.
QByteArray fileHead(const QString& path, bool* readable)
{
    QFile f(path);
    *readable = f.open(QIODevice::ReadOnly);
    return *readable ? f.read(16) : QByteArray();
}

// SQLITE_BUSY / SQLITE_LOCKED (with their extended codes), PostgreSQL's serialization failure,
// deadlock and lock-not-available: another process has the data; trying again later is right.
bool isLockError(const QSqlError& e, bool postgres)
{
    const QString code = e.nativeErrorCode();
    if (postgres)
        return code == QLatin1String("40001") || code == QLatin1String("40P01") || code == QLatin1String("55P03");
    bool ok = false;
    const int n = code.toInt(&ok);
    return (ok && ((n & 0xff) == 5 || (n & 0xff) == 6)) || e.text().contains(QLatin1String("database is locked"));
}

// The store cannot be reached (see StoreErrorCode::Unreachable); `connectionBad` is libpq's own
// verdict on the connection, which is all there is when the socket closed without a SQLSTATE.
bool isUnreachableError(const QSqlError& e, bool postgres, bool connectionBad)
{
    const QString code = e.nativeErrorCode();
    if (postgres) {
        return connectionBad || code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01")
            || code == QLatin1String("57P02") || code == QLatin1String("57P03");
    }
    bool ok = false;
    const int primary = code.toInt(&ok) & 0xff;
    // SQLITE_READONLY 8 (also _DBMOVED: the file was removed), SQLITE_IOERR 10, SQLITE_FULL 13,
    // SQLITE_CANTOPEN 14.
    return ok && (primary == 8 || primary == 10 || primary == 13 || primary == 14);
}

// The advisory-lock class of the desks' session locks ("HTK1"); the object id is the session's own.
constexpr int kOwnerLockClass = 0x48544B31;

// A conninfo value in single quotes, as libpq reads it.
QString quotedValue(const QString& value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace

Database::Database(const Clock& clock)
    : m_clock(clock)
    , m_watchdog(std::make_unique<StatementWatchdog>())
{
}

Database::~Database()
{
    close();
}

bool Database::isNetworkPath(const QString& path)
{
    // UNC paths (\\server\share, //server/share). Mapped drive letters are not visible from
    // here; the README tells IT to configure PostgreSQL for shared desks.
    return path.startsWith(QLatin1String("\\\\")) || path.startsWith(QLatin1String("//"));
}

QString Database::networkPathMessage(const QString& path)
{
    return tr("%1 はネットワーク上の共有フォルダーです。SQLite のデータベースはネットワーク共有に置けません"
              "（複数の端末から使うと壊れます）。複数の端末で共有するときは "
              "PostgreSQL（--postgres）を使ってください。")
        .arg(QDir::toNativeSeparators(path));
}

QString Database::corruptedMessage(const QString& path)
{
    return tr("データベース %1 は破損しています。ファイルは変更していません。バックアップから復元してください。")
        .arg(path);
}

QString Database::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("hardtoken-console.sqlite"));
}

QString Database::lockedMessage()
{
    return tr("データベースは他の端末が使用中です。しばらくしてから、もう一度お試しください。");
}

QString Database::unreachableMessage()
{
    return tr("データベースに接続できません。接続が戻るまでお待ちのうえ、もう一度お試しください。"
              "入力内容はそのまま残っています。");
}

bool Database::fail(StoreErrorCode code, const QString& message)
{
    m_errorCode = code;
    m_errorMessage = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

QSqlDatabase Database::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && database().isOpen();
}

void Database::close()
{
    m_hooks = nullptr;
    qDeleteAll(m_statements);
    m_statements.clear();
    for (const Retired& r : std::as_const(m_retired)) {
        qDeleteAll(r.statements);
        QSqlDatabase::removeDatabase(r.connectionName);
    }
    m_retired.clear();
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_box.reset();
    m_macs.clear();
    m_inTransaction = false;
    m_ownerTag.clear();
    m_reachable = true;
    m_commitUncertain = false;
}

bool Database::openConnection(const QString& driver, const std::function<void(QSqlDatabase&)>& configure)
{
    m_connectionName = QStringLiteral("hardtoken-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_connectionName);
    configure(db);
    if (db.open())
        return true;
    const QString why = db.lastError().text();
    db = QSqlDatabase();
    close();
    return fail(StoreErrorCode::CannotOpen, tr("データベース %1 を開けません: %2").arg(m_path, why));
}

bool Database::connectSqlite(const QString& path, bool* created)
{
    *created = false;
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
    m_path = path;
    m_postgres = false;
    m_desk = false;
    // SQLite's WAL needs shared memory that a network share (SMB, NFS) does not give: several
    // desktops on one file there corrupt it. A shared store is PostgreSQL's job.
    if (isNetworkPath(path)) {
        return fail(StoreErrorCode::CannotOpen, networkPathMessage(path));
    }
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists) {
        if (!info.isFile())
            return fail(
                StoreErrorCode::CannotOpen, tr("データベースを開けません: %1 はファイルではありません。").arg(path));
        bool readable = false;
        const QByteArray head = fileHead(path, &readable);
        if (!readable)
            return fail(
                StoreErrorCode::CannotOpen, tr("データベース %1 を読み込めません。権限を確認してください。").arg(path));
        if (head.isEmpty()) {
            return fail(StoreErrorCode::NotADatabase,
                tr("%1 は空のファイル（0 バイト）で、このコンソールのデータベースではありません。ファイルは変更して"
                   "いません。新しいデータベースを作るときは、まだ存在しないファイル名を指定してください。")
                    .arg(path));
        }
        if (head != QByteArray("SQLite format 3\0", 16)) {
            return fail(StoreErrorCode::NotADatabase,
                tr("%1 はこのコンソールのデータベースではありません。ファイルは変更していません。").arg(path));
        }
        const bool ownerMayWrite = info.permissions().testFlag(QFileDevice::WriteOwner);
        const QFileInfo dirInfo(info.absolutePath());
        if (!info.isWritable() || !ownerMayWrite || !dirInfo.isWritable()) {
            return fail(StoreErrorCode::ReadOnly,
                tr("データベース %1 は読み取り専用です。書き込みできる場所に置くか、権限を確認してください。")
                    .arg(path));
        }
    } else {
        if (!QDir().mkpath(info.absolutePath()))
            return fail(StoreErrorCode::CannotOpen, tr("フォルダー %1 を作成できません。").arg(info.absolutePath()));
        // Created owner-only before SQLite sees it: SQLite gives -wal and -shm the database's mode.
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !create.setPermissions(kOwnerOnly))
            return fail(StoreErrorCode::CannotOpen, tr("データベース %1 を作成できません。").arg(path));
    }

    const bool opened = openConnection(QStringLiteral("QSQLITE"), [&](QSqlDatabase& db) {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    });
    if (!opened) {
        if (!exists)
            QFile::remove(path);
        return false;
    }
    if (exists) {
        QString result;
        const bool readable = m_fullCheckAtOpen
            ? execDirect(QStringLiteral("PRAGMA quick_check"), &result) && result == QLatin1String("ok")
            : execDirect(QStringLiteral("SELECT count(*) FROM sqlite_schema"), &result);
        if (!readable) {
            const bool locked = m_errorCode == StoreErrorCode::Locked;
            close();
            if (locked) {
                return fail(StoreErrorCode::Locked,
                    tr("データベース %1 "
                       "は他の端末（プロセス）が使用中のため、開けませんでした。ファイルは変更していません。"
                       "しばらくしてから、もう一度お試しください。")
                        .arg(path));
            }
            return fail(StoreErrorCode::Corrupted, corruptedMessage(path));
        }
        if (!refuseNewerSchema(path))
            return false;
        // Owner-only from now on, also for stores made by earlier versions (0644).
        for (const QString& file : QStringList { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm") }) {
            if (QFile::exists(file))
                QFile::setPermissions(file, kOwnerOnly);
        }
    }
    *created = !exists;
    if (!configureSession())
        return abandonOpen(*created);
    return true;
}

std::optional<QString> Database::postgresConnectionString(const QString& connection, QString* why)
{
    if (!libpq::available()) {
        *why = libpq::why();
        return std::nullopt;
    }
    char* error = nullptr;
    PQconninfoOption* options = libpq::conninfoParse(connection.toUtf8().constData(), &error);
    if (!options) {
        *why = error ? tr("接続文字列が正しくありません: %1").arg(QString::fromUtf8(error).trimmed())
                     : tr("接続文字列を読み込めません。");
        libpq::freemem(error);
        return std::nullopt;
    }
    QStringList parts;
    QSet<QString> given;
    bool password = false;
    bool semicolon = false;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromUtf8(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        password = password || key == QLatin1String("password");
        // Qt's driver turns ';' into spaces before libpq sees the string.
        semicolon = semicolon || value.contains(QLatin1Char(';'));
        given.insert(key);
        parts << key + QLatin1Char('=') + quotedValue(value);
    }
    libpq::conninfoFree(options);
    if (password) {
        *why = tr("接続文字列にパスワードを書かないでください（設定に平文で残ります）。"
                  "パスワードはパスワードファイル（PGPASSFILE、pgpass.conf）か環境変数 PGPASSWORD で渡してください。");
        return std::nullopt;
    }
    if (semicolon) {
        *why = tr("接続文字列の値にセミコロン（;）は使えません。");
        return std::nullopt;
    }
    // What a desk needs unless the string says otherwise: a server that does not answer the
    // connection is given up after 5 s; a peer that vanished is noticed by TCP keepalives.
    const QList<QPair<const char*, const char*>> defaults { { "connect_timeout", "5" }, { "keepalives", "1" },
        { "keepalives_idle", "30" }, { "keepalives_interval", "10" }, { "keepalives_count", "3" },
        { "application_name", "hardtoken-console" } };
    for (const auto& [key, value] : defaults) {
        if (!given.contains(QLatin1String(key)))
            parts << QLatin1String(key) + QLatin1Char('=') + QLatin1String(value);
    }
    return parts.join(QLatin1Char(' '));
}

bool Database::connectPostgres(const QString& connection)
{
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
    m_postgres = true;
    m_desk = false;
    QString why;
    const auto conninfo = postgresConnectionString(connection, &why);
    if (!conninfo)
        return fail(StoreErrorCode::CannotOpen, why);
    m_conninfo = *conninfo;
    m_path = QStringLiteral("postgresql: %1").arg(connection.simplified());
    if (!openConnection(QStringLiteral("QPSQL"), [&](QSqlDatabase& db) { db.setConnectOptions(m_conninfo); }))
        return false;
    if (!configureSession()) {
        close();
        return false;
    }
    return refuseNewerSchema(m_path);
}

bool Database::configureSession()
{
    if (!m_postgres) {
        m_ownerTag = process::selfTag();
        m_fileIdentity = fileIdentity();
        return execDirect(QStringLiteral("PRAGMA journal_mode=WAL"))
            && execDirect(QStringLiteral("PRAGMA foreign_keys=ON"))
            && execDirect(QStringLiteral("PRAGMA secure_delete=ON"));
    }
    // A desktop never waits forever for another one's row lock ("try again"), a statement is
    // cancelled by the server after the statement timeout, and a desktop frozen inside a
    // transaction loses it (and the corporation's row lock) after a minute.
    if (!execDirect(QStringLiteral("SET lock_timeout = %1").arg(m_busyTimeoutMs))
        || !execDirect(QStringLiteral("SET statement_timeout = %1").arg(m_statementTimeout.count()))
        || !execDirect(QStringLiteral("SET idle_in_transaction_session_timeout = 60000")))
        return false;
    // This session's owner tag: a session advisory lock that the server releases when the session
    // ends (a crash, a kill, a restart, a failover), so attempts it holds are known to be abandoned.
    for (int i = 0; i < 8; ++i) {
        const int id = static_cast<int>(QRandomGenerator::system()->bounded(1, 0x7fffffff));
        QString taken;
        if (!execDirect(QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)").arg(kOwnerLockClass).arg(id), &taken))
            return false;
        if (taken == QLatin1String("true") || taken == QLatin1String("t") || taken == QLatin1String("1")) {
            m_ownerTag = QStringLiteral("pg:%1").arg(id);
            return true;
        }
    }
    return fail(StoreErrorCode::Sql, tr("データベースのセッションを準備できません。"));
}

bool Database::ownerAlive(const QString& tag) const
{
    if (tag == m_ownerTag)
        return true;
    if (!tag.startsWith(QLatin1String("pg:")))
        return m_postgres || process::isAlive(tag);
    if (!m_postgres)
        return true;
    bool ok = false;
    const qint64 id = tag.mid(3).toLongLong(&ok);
    if (!ok)
        return true;
    Query q = query(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = ?"
                                   " AND objid::bigint = ? AND objsubid = 2 AND granted"),
        { qint64 { kOwnerLockClass }, id });
    // A store that cannot answer keeps the attempt counted.
    return !q.next() || q.value(0).toInt() > 0;
}

bool Database::refuseNewerSchema(const QString& where)
{
    const int version = schemaVersion();
    if (version <= SchemaVersion)
        return true;
    close();
    return fail(StoreErrorCode::NewerSchema,
        tr("データベース %1 は新しいバージョンのコンソールで作成されています（スキーマ %2、このコンソールは %3 "
           "まで）。"
           "ファイルは変更していません。コンソールを更新してください。")
            .arg(where)
            .arg(version)
            .arg(SchemaVersion));
}

bool Database::openAsDesk(const QString& connection)
{
    if (!connectPostgres(connection))
        return false;
    m_desk = true;
    rememberStoreId();
    if (m_storeId.isEmpty()) {
        close();
        return fail(StoreErrorCode::CannotOpen,
            tr("このデータベースにはサーバーの規則がありません（所有者のロールで hardtoken-cli server init "
               "を実行してください）。"));
    }
    return true;
}

QString Database::readStoreId() const
{
    if (!m_desk)
        return metaValue(QStringLiteral("store.id"));
    Query q = query(QStringLiteral("SELECT hardtoken_store_id()"));
    return q.next() ? q.value(0).toString() : QString();
}

void Database::rememberStoreId()
{
    m_storeId = readStoreId();
}

bool Database::abandonOpen(bool created)
{
    const StoreErrorCode code = m_errorCode;
    const QString why = m_errorMessage;
    close();
    if (created) {
        QFile::remove(m_path);
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
    }
    return fail(code, why);
}

int Database::schemaVersion() const
{
    // Read here, below Schema, because a connection refuses a newer store before anything reads it.
    Database& self = const_cast<Database&>(*this);
    QString exists;
    const QString probe = m_postgres
        ? QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
                         " AND table_schema = current_schema()")
        : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!self.execDirect(probe, &exists) || exists.toInt() == 0)
        return 0;
    QString version;
    return self.execDirect(QStringLiteral("SELECT MAX(version) FROM schema_version"), &version) ? version.toInt() : 0;
}

QString Database::dialect(QString sql) const
{
    sql.replace(QLatin1String("{PK}"),
        m_postgres ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                   : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{BLOB}"), m_postgres ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("{BIGINT}"), m_postgres ? QLatin1String("BIGINT") : QLatin1String("INTEGER"));
    return sql;
}

namespace {
// The libpq connection under a QPSQL connection (its handle is a pg_conn*), or nullptr.
PGconn* pgConnection(const QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    const char* type = handle.typeName();
    if (!type || (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}
} // namespace

int Database::serverSocket() const
{
    if (!m_postgres || m_connectionName.isEmpty())
        return -1;
    PGconn* conn = pgConnection(database());
    return libpq::socket(conn);
}

bool Database::connectionBad() const
{
    if (!m_postgres || m_connectionName.isEmpty())
        return false;
    // Qt's driver marks the database closed once libpq has lost the connection.
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return true;
    PGconn* conn = pgConnection(db);
    return libpq::status(conn) == CONNECTION_BAD;
}

void Database::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    qCInfo(lcStore) << (reachable ? "the store is reachable again" : "the store is unreachable");
    if (m_listener)
        m_listener(reachable);
}

void Database::noteContact()
{
    m_lastContactMSecs = m_clock.nowMSecs();
}

void Database::noteSqlError(const QSqlError& error, const QString& sql)
{
    ++m_failedStatements;
    qCWarning(lcStore).noquote() << "statement failed:" << sql << error.text();
    if (isUnreachableError(error, m_postgres, connectionBad()) || m_watchdog->fired()) {
        m_errorCode = StoreErrorCode::Unreachable;
        m_errorMessage = unreachableMessage();
        setReachable(false);
    } else if (isLockError(error, m_postgres)) {
        m_errorCode = StoreErrorCode::Locked;
        m_errorMessage = lockedMessage();
    } else {
        m_errorCode = StoreErrorCode::Sql;
        m_errorMessage = tr("データベースの処理に失敗しました: %1").arg(error.text());
    }
}

WatchdogScope Database::watchdog() const
{
    // The server gets the statement timeout to cancel a slow statement itself; the desk waits two
    // seconds more before it cuts a connection whose server does not answer at all.
    return WatchdogScope(m_watchdog.get(), serverSocket(), m_statementTimeout + std::chrono::seconds(2));
}

bool Database::execDirect(const QString& sql, QString* value)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    bool ok = false;
    {
        const auto guard = watchdog();
        ok = q.exec(sql);
    }
    if (!ok) {
        noteSqlError(q.lastError(), sql);
        return false;
    }
    noteContact();
    if (value)
        *value = q.next() ? q.value(0).toString() : QString();
    return true;
}

QSqlQuery* Database::prepared(const QString& sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return it.value();
    auto q = std::make_unique<QSqlQuery>(database());
    q->setForwardOnly(true);
    bool ok = false;
    {
        const auto guard = watchdog();
        ok = q->prepare(sql);
    }
    if (!ok) {
        noteSqlError(q->lastError(), sql);
        return nullptr;
    }
    return m_statements.insert(sql, q.release()).value();
}

void Database::finishAll()
{
    for (QSqlQuery* q : std::as_const(m_statements))
        q->finish();
}

bool Database::retryAfterReconnect()
{
    // Only a connection found broken just now, outside a transaction (nothing of the caller's is
    // lost with it): an idle session the server closed, a restart that is over. While the store
    // is known to be away the reconnecting is StoreLink's, and every statement fails at once.
    // A server that did not answer at all (the watchdog cut it) is not asked again right away:
    // that would keep the desk waiting for a second timeout.
    return m_errorCode == StoreErrorCode::Unreachable && !m_inTransaction && !m_watchdog->fired() && reconnect();
}

bool Database::reconnect()
{
    if (m_inTransaction || m_connectionName.isEmpty())
        return false;
    // SQLite: only the very file that was opened (not a new empty one, not a copy put in its place,
    // whose counters could be older).
    if (!m_postgres && fileIdentity() != m_fileIdentity) {
        m_errorCode = StoreErrorCode::Unreachable;
        m_errorMessage = unreachableMessage();
        setReachable(false);
        return false;
    }
    // A new connection under a new name: queries still alive on the stack keep the old one (its
    // driver closed), and kept statements are prepared again on the new one when next used.
    const QString oldName = m_connectionName;
    QHash<QString, QSqlQuery*> oldStatements;
    oldStatements.swap(m_statements);
    m_retired.append({ oldName, oldStatements.values() });
    {
        QSqlDatabase db = QSqlDatabase::database(oldName, false);
        db.close();
    }
    m_connectionName = QStringLiteral("hardtoken-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::cloneDatabase(oldName, m_connectionName);
    // libpq's connect_timeout bounds the connection; the watchdog has no socket to watch yet.
    bool ok = db.open();
    if (ok)
        ok = configureSession();
    // The same store (a promoted standby is; another database of the same name is not).
    if (ok && readStoreId() != m_storeId) {
        qCWarning(lcStore) << "reconnect: another store answered; not used";
        ok = false;
    }
    releaseRetired();
    if (!ok) {
        qCInfo(lcStore).noquote() << "reconnect failed:" << db.lastError().text();
        // Closed, so that nothing is read from or written to what answered; the next try opens anew.
        db.close();
        m_errorCode = StoreErrorCode::Unreachable;
        m_errorMessage = unreachableMessage();
        setReachable(false);
        return false;
    }
    noteContact();
    setReachable(true);
    return true;
}

void Database::releaseRetired()
{
    if (m_liveQueries > 0)
        return;
    for (const Retired& r : std::as_const(m_retired)) {
        qDeleteAll(r.statements);
        QSqlDatabase::removeDatabase(r.connectionName);
    }
    m_retired.clear();
}

Database::Query::Query(Database& store, const QString& sql, const QVariantList& values)
    : m_store(&store)
    , m_sql(sql)
{
    ++store.m_liveQueries;
    const bool wasReachable = store.m_reachable;
    // A statement that went through on its retry did not fail: its first try is not counted.
    const quint64 failedBefore = store.m_failedStatements;
    for (int attempt = 0; attempt < 2; ++attempt) {
        m_query = store.prepared(sql);
        if (m_query) {
            for (int i = 0; i < values.size(); ++i)
                m_query->bindValue(i, values[i]);
            {
                const auto guard = store.watchdog();
                m_ok = m_query->exec();
            }
            if (m_ok) {
                store.noteContact();
                store.m_failedStatements = failedBefore;
                return;
            }
            store.noteSqlError(m_query->lastError(), sql);
        }
        // Retried once, when this very statement found the connection broken.
        if (attempt > 0 || !wasReachable || !store.retryAfterReconnect())
            return;
    }
}

Database::Query::~Query()
{
    if (m_query)
        m_query->finish();
    if (--m_store->m_liveQueries == 0 && !m_store->m_retired.isEmpty())
        m_store->releaseRetired();
}

bool Database::Query::next()
{
    if (!m_ok)
        return false;
    if (m_query->next())
        return true;
    // SQLite reads rows as they are stepped: the end of the rows and an I/O error look alike.
    if (m_query->lastError().isValid()) {
        m_store->noteSqlError(m_query->lastError(), m_sql);
        m_ok = false;
    }
    return false;
}

Database::Query Database::query(const QString& sql, const QVariantList& values) const
{
    // Reads through a const Database are still reads: only the *Table friends call this, and the
    // statement cache and error fields are bookkeeping, not the store's data.
    return Query(const_cast<Database&>(*this), sql, values);
}

qint64 Database::insert(const QString& sql, const QVariantList& values)
{
    Query q = query(sql + QStringLiteral(" RETURNING id"), values);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool Database::transaction(const std::function<bool()>& work)
{
    return transaction(work, QString());
}

QString Database::fileIdentity() const
{
#if defined(Q_OS_UNIX)
    struct stat st { };
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return {};
    return QStringLiteral("%1:%2").arg(st.st_dev).arg(st.st_ino);
#else
    // Windows: SQLite's open file cannot be deleted or replaced; its existence is what can change.
    return QFileInfo::exists(m_path) ? QStringLiteral("present") : QString();
#endif
}

bool Database::transaction(const std::function<bool()>& work, const QString& commitMark)
{
    Q_ASSERT(!m_inTransaction);
    m_commitUncertain = false;
    // SQLite in WAL mode goes on writing to a database file that was removed or replaced under it
    // (into a file nobody will ever open again): a write is refused when the file is not the one
    // that was opened.
    if (!m_postgres && fileIdentity() != m_fileIdentity) {
        m_errorCode = StoreErrorCode::Unreachable;
        m_errorMessage = unreachableMessage();
        qCWarning(lcStore).noquote() << "the database file is no longer the one opened:" << m_path;
        setReachable(false);
        return false;
    }
    finishAll();
    const bool wasReachable = m_reachable;
    const QString begin = m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!execDirect(begin)) {
        // A connection found broken at BEGIN has lost nothing: open it again and begin once more.
        if (!wasReachable || !retryAfterReconnect() || !execDirect(begin))
            return false;
    }
    m_inTransaction = true;
    if (m_hooks)
        m_hooks->transactionBegun();
    bool ok = false;
    const auto rollback = [this] {
        finishAll();
        if (m_reachable)
            execDirect(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
        if (m_hooks)
            m_hooks->transactionRolledBack();
    };
    try {
        ok = (commitMark.isEmpty()
                 || run(QStringLiteral("INSERT INTO commit_marks (mark, committed_at) VALUES (?, ?)"),
                     { commitMark, nowText() }))
            && work() && (!m_hooks || m_hooks->beforeCommit());
    } catch (...) {
        rollback();
        throw;
    }
    if (ok) {
        finishAll();
        ok = execDirect(QStringLiteral("COMMIT"));
        // The COMMIT was sent and no answer came back: it may have committed.
        m_commitUncertain = !ok && m_errorCode == StoreErrorCode::Unreachable;
    }
    if (!ok) {
        const StoreErrorCode code = m_errorCode;
        const QString why = m_errorMessage;
        rollback();
        m_errorCode = code; // the ROLLBACK's own failure does not hide why the work failed
        m_errorMessage = why;
        return false;
    }
    m_inTransaction = false;
    return true;
}

bool Database::probeWrite()
{
    const QString mark = QStringLiteral("probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return transaction([&] {
        return run(QStringLiteral("INSERT INTO commit_marks (mark, committed_at) VALUES (?, ?)"), { mark, nowText() })
            && run(QStringLiteral("DELETE FROM commit_marks WHERE mark = ?"), { mark });
    });
}

std::optional<bool> Database::committed(const QString& mark)
{
    Query q = query(QStringLiteral("SELECT COUNT(*) FROM commit_marks WHERE mark = ?"), { mark });
    if (!q.next())
        return std::nullopt;
    return q.value(0).toInt() > 0;
}

QString Database::metaValue(const QString& key, const QString& fallback) const
{
    Query q = query(QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    return q.next() ? q.value(0).toString() : fallback;
}

bool Database::setMetaValue(const QString& key, const QString& value)
{
    return run(QStringLiteral("DELETE FROM meta WHERE key = ?"), { key })
        && run(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), { key, value });
}

StoreSettings Database::settings() const
{
    QHash<QString, QString> values;
    {
        // A desk reads them through the server (meta is not the desk's to read).
        Query q = query(m_desk ? QStringLiteral("SELECT key, value FROM hardtoken_configuration()"
                                                " WHERE key LIKE 'setting.%'")
                               : QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'setting.%'"));
        while (q.next())
            values.insert(q.value(0).toString(), q.value(1).toString());
    }
    StoreSettings s;
    const auto intValue = [&values](const char* key, int fallback, int min, int max) {
        bool ok = false;
        const int v = values.value(QLatin1String(key)).toInt(&ok);
        return ok && v >= min && v <= max ? v : fallback;
    };
    s.otpFailureLimit = intValue("setting.otp_failure_limit", s.otpFailureLimit, 1, 100);
    s.pinFailureLimit = intValue("setting.pin_failure_limit", s.pinFailureLimit, 1, 100);
    s.staffFailureLimit = intValue("setting.staff_failure_limit", s.staffFailureLimit, 1, 100);
    s.deskIdleMinutes = intValue("setting.desk_idle_minutes", s.deskIdleMinutes, 1, 24 * 60);
    s.staffLockLapseMinutes = intValue("setting.staff_lock_lapse_minutes", s.staffLockLapseMinutes, 0, 7 * 24 * 60);
    s.hotpLookAhead = intValue("setting.hotp_look_ahead", s.hotpLookAhead, 0, 100);
    s.totpSkewSteps = intValue("setting.totp_skew_steps", s.totpSkewSteps, 0, 10);
    s.totpMaxDriftSteps = intValue("setting.totp_max_drift_steps", s.totpMaxDriftSteps, 0, 10);
    s.normaliseFullWidth = values.value(QStringLiteral("setting.normalise_full_width")) == QLatin1String("1");
    return s;
}

bool Database::saveSettings(const StoreSettings& s)
{
    return setMetaValue(QStringLiteral("setting.otp_failure_limit"), QString::number(s.otpFailureLimit))
        && setMetaValue(QStringLiteral("setting.pin_failure_limit"), QString::number(s.pinFailureLimit))
        && setMetaValue(QStringLiteral("setting.staff_failure_limit"), QString::number(s.staffFailureLimit))
        && setMetaValue(QStringLiteral("setting.staff_lock_lapse_minutes"), QString::number(s.staffLockLapseMinutes))
        && setMetaValue(QStringLiteral("setting.desk_idle_minutes"), QString::number(s.deskIdleMinutes))
        && setMetaValue(QStringLiteral("setting.hotp_look_ahead"), QString::number(s.hotpLookAhead))
        && setMetaValue(QStringLiteral("setting.totp_skew_steps"), QString::number(s.totpSkewSteps))
        && setMetaValue(QStringLiteral("setting.totp_max_drift_steps"), QString::number(s.totpMaxDriftSteps))
        && setMetaValue(QStringLiteral("setting.normalise_full_width"),
            s.normaliseFullWidth ? QStringLiteral("1") : QStringLiteral("0"));
}

namespace {
const QString kStoreKind = QStringLiteral("store_kind");
const QString kStoreKindMac = QStringLiteral("store_kind.mac");
const QString kScenarioSource = QStringLiteral("scenario.source");
const QString kScenarioId = QStringLiteral("scenario.id");
const QByteArray kTrainingPurpose = QByteArrayLiteral("store-kind");
} // namespace

bool Database::isTrainingStore() const
{
    if (!m_box || metaValue(kStoreKind) != QLatin1String("training"))
        return false;
    return stateMacMatches(kTrainingPurpose,
        { QStringLiteral("training"), metaValue(kScenarioSource), metaValue(kScenarioId) }, metaValue(kStoreKindMac));
}

bool Database::markTraining(const QString& source, const QString& scenarioId)
{
    return setMetaValue(kStoreKind, QStringLiteral("training")) && setMetaValue(kScenarioSource, source)
        && setMetaValue(kScenarioId, scenarioId)
        && setMetaValue(kStoreKindMac, stateMac(kTrainingPurpose, { QStringLiteral("training"), source, scenarioId }));
}

namespace {
const QByteArray kScenarioSecretPurpose = QByteArrayLiteral("scenario-secret-hash");
} // namespace

QString Database::scenarioSecretHash(const QString& secret, const QString& kdf) const
{
    const QString mac = stateMac(kScenarioSecretPurpose, { secret, kdf });
    return mac.isEmpty() ? QString() : metaValue(QStringLiteral("scenario.hash.") + mac);
}

bool Database::keepScenarioSecretHash(const QString& secret, const QString& kdf, const QString& hash)
{
    const QString mac = stateMac(kScenarioSecretPurpose, { secret, kdf });
    return mac.isEmpty() || setMetaValue(QStringLiteral("scenario.hash.") + mac, hash);
}

QString Database::scenarioSource() const
{
    return isTrainingStore() ? metaValue(kScenarioSource) : QString();
}

QString Database::screenId(const QString& screen) const
{
    if (m_desk) {
        Query q = query(QStringLiteral("SELECT value FROM hardtoken_configuration() WHERE key = ?"),
            { QVariant(QStringLiteral("screen_id.") + screen) });
        return q.next() ? q.value(0).toString() : QString();
    }
    return metaValue(QStringLiteral("screen_id.") + screen);
}

QByteArray Database::sealSecret(const QByteArray& secret, const QString& serial) const
{
    return m_box ? m_box->seal(secret, serial.toLatin1()) : QByteArray();
}

std::optional<QByteArray> Database::openSecret(const QByteArray& sealed, const QString& serial) const
{
    if (!m_box)
        return std::nullopt;
    return m_box->open(sealed, serial.toLatin1());
}

QString Database::stateMac(const QByteArray& purpose, const QStringList& fields) const
{
    if (!m_box)
        return {};
    QByteArray message;
    for (const QString& f : fields) {
        const QByteArray utf8 = f.toUtf8();
        message += QByteArray::number(utf8.size()) + ':' + utf8 + ';';
    }
    const crypto::HmacSha256* mac = keyedMac("state/" + purpose);
    return mac ? QString::fromLatin1(mac->mac(message).toHex()) : QString();
}

const crypto::HmacSha256* Database::keyedMac(const QByteArray& purpose) const
{
    if (!m_box)
        return nullptr;
    auto it = m_macs.constFind(purpose);
    if (it == m_macs.constEnd())
        it = m_macs.insert(purpose, std::make_shared<crypto::HmacSha256>(m_box->deriveKey(purpose)));
    return it.value()->isValid() ? it.value().get() : nullptr;
}

bool Database::stateMacMatches(const QByteArray& purpose, const QStringList& fields, const QString& mac) const
{
    const QString expected = stateMac(purpose, fields);
    return !expected.isEmpty() && crypto::constantTimeEquals(expected.toLatin1(), mac.toLatin1());
}

QString Database::nowText() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMSecs(), QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace hardtoken
