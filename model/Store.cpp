#include "Store.h"

#include "AuditLog.h"
#include "Clock.h"
#include "KeyFile.h"
#include "Schema.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStandardPaths>
#include <QTimeZone>

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

} // namespace

Store::Store(const Clock& clock)
    : m_clock(clock)
{
}

Store::~Store()
{
    close();
}

bool Store::isNetworkPath(const QString& path)
{
    // UNC paths (\\server\share, //server/share). Mapped drive letters are not visible from
    // here; the README tells IT to configure PostgreSQL for shared desks.
    return path.startsWith(QLatin1String("\\\\")) || path.startsWith(QLatin1String("//"));
}

QString Store::networkPathMessage(const QString& path)
{
    return tr("%1 はネットワーク上の共有フォルダーです。SQLite のデータベースはネットワーク共有に置けません"
              "（複数の端末から使うと壊れます）。複数の端末で共有するときは "
              "PostgreSQL（--postgres）を使ってください。")
        .arg(QDir::toNativeSeparators(path));
}

QString Store::corruptedMessage(const QString& path)
{
    return tr("データベース %1 は破損しています。ファイルは変更していません。バックアップから復元してください。")
        .arg(path);
}

QString Store::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("hardtoken-console.sqlite"));
}

QString Store::lockedMessage()
{
    return tr("データベースは他の端末が使用中です。しばらくしてから、もう一度お試しください。");
}

bool Store::fail(StoreErrorCode code, const QString& message)
{
    m_errorCode = code;
    m_errorMessage = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Store::isOpen() const
{
    return !m_connectionName.isEmpty() && database().isOpen();
}

void Store::close()
{
    m_audit.reset();
    qDeleteAll(m_statements);
    m_statements.clear();
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
}

bool Store::openConnection(const QString& driver, const std::function<void(QSqlDatabase&)>& configure)
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

bool Store::openSqlite(const QString& path, const QString& keyFilePath)
{
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
    m_path = path;
    m_postgres = false;
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
    if (!execDirect(QStringLiteral("PRAGMA journal_mode=WAL")) || !execDirect(QStringLiteral("PRAGMA foreign_keys=ON"))
        || !execDirect(QStringLiteral("PRAGMA secure_delete=ON"))) {
        const StoreErrorCode code = m_errorCode;
        const QString why = m_errorMessage;
        close();
        return fail(code, why);
    }
    return finishOpen(keyFilePath.isEmpty() ? path + QStringLiteral(".key") : keyFilePath, !exists);
}

bool Store::openPostgres(const QString& connection, const QString& keyFilePath)
{
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
    m_postgres = true;
    QHash<QString, QString> options;
    for (const QString& part : connection.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(
                StoreErrorCode::CannotOpen, tr("接続文字列の「%1」が正しくありません（key=value の形式）。").arg(part));
        options.insert(part.left(eq), part.mid(eq + 1));
    }
    if (keyFilePath.isEmpty())
        return fail(StoreErrorCode::KeyFile,
            tr("PostgreSQL のデータベースには --key-file で暗号鍵ファイルを指定してください。"));
    m_path = QStringLiteral("postgresql: %1@%2/%3")
                 .arg(options.value(QStringLiteral("user")), options.value(QStringLiteral("host")),
                     options.value(QStringLiteral("dbname")));
    const bool opened = openConnection(QStringLiteral("QPSQL"), [&](QSqlDatabase& db) {
        db.setHostName(options.value(QStringLiteral("host")));
        if (options.contains(QStringLiteral("port")))
            db.setPort(options.value(QStringLiteral("port")).toInt());
        db.setDatabaseName(options.value(QStringLiteral("dbname")));
        db.setUserName(options.value(QStringLiteral("user")));
        db.setPassword(options.value(QStringLiteral("password"), qEnvironmentVariable("PGPASSWORD")));
    });
    if (!opened)
        return false;
    // A desktop never waits forever for another one's row lock: it answers "try again".
    if (!execDirect(QStringLiteral("SET lock_timeout = %1").arg(m_busyTimeoutMs))) {
        close();
        return false;
    }
    if (!refuseNewerSchema(m_path))
        return false;
    return finishOpen(keyFilePath, false);
}

bool Store::refuseNewerSchema(const QString& where)
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

bool Store::finishOpen(const QString& keyFilePath, bool created)
{
    // The key is checked before anything is written: a store whose key is missing or wrong is
    // refused exactly as it is, not migrated first.
    const bool fresh = Schema::version(*this) == 0;
    m_keyFilePath = keyFilePath;
    m_audit = std::make_unique<AuditLog>(*this);
    const bool ok = fresh ? Schema::migrate(*this) && KeyFile::open(*this, keyFilePath, true)
            && transaction([&] { return m_audit->initialise(); })
                          : KeyFile::open(*this, keyFilePath, false) && Schema::migrate(*this);
    if (!ok) {
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
    return true;
}

int Store::schemaVersion() const
{
    return Schema::version(*this);
}

QString Store::dialect(QString sql) const
{
    sql.replace(QLatin1String("{PK}"),
        m_postgres ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                   : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{BLOB}"), m_postgres ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("{BIGINT}"), m_postgres ? QLatin1String("BIGINT") : QLatin1String("INTEGER"));
    return sql;
}

void Store::noteSqlError(const QSqlError& error, const QString& sql)
{
    qCWarning(lcStore).noquote() << "statement failed:" << sql << error.text();
    if (isLockError(error, m_postgres)) {
        m_errorCode = StoreErrorCode::Locked;
        m_errorMessage = lockedMessage();
    } else {
        m_errorCode = StoreErrorCode::Sql;
        m_errorMessage = tr("データベースの処理に失敗しました: %1").arg(error.text());
    }
}

bool Store::execDirect(const QString& sql, QString* value)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        noteSqlError(q.lastError(), sql);
        return false;
    }
    if (value)
        *value = q.next() ? q.value(0).toString() : QString();
    return true;
}

QSqlQuery* Store::prepared(const QString& sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return it.value();
    auto q = std::make_unique<QSqlQuery>(database());
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        noteSqlError(q->lastError(), sql);
        return nullptr;
    }
    return m_statements.insert(sql, q.release()).value();
}

void Store::finishAll()
{
    for (QSqlQuery* q : std::as_const(m_statements))
        q->finish();
}

Store::Query::Query(Store& store, const QString& sql, const QVariantList& values)
{
    m_query = store.prepared(sql);
    if (!m_query)
        return;
    for (int i = 0; i < values.size(); ++i)
        m_query->bindValue(i, values[i]);
    m_ok = m_query->exec();
    if (!m_ok)
        store.noteSqlError(m_query->lastError(), sql);
}

Store::Query::~Query()
{
    if (m_query)
        m_query->finish();
}

Store::Query Store::query(const QString& sql, const QVariantList& values) const
{
    // Reads through a const Store are still reads: only the *Table friends call this, and the
    // statement cache and error fields are bookkeeping, not the store's data.
    return Query(const_cast<Store&>(*this), sql, values);
}

qint64 Store::insert(const QString& sql, const QVariantList& values)
{
    Query q = query(sql + QStringLiteral(" RETURNING id"), values);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool Store::transaction(const std::function<bool()>& work)
{
    Q_ASSERT(!m_inTransaction);
    finishAll();
    if (!(m_postgres ? execDirect(QStringLiteral("BEGIN")) : execDirect(QStringLiteral("BEGIN IMMEDIATE"))))
        return false;
    m_inTransaction = true;
    if (m_audit)
        m_audit->beginTransaction();
    bool ok = false;
    const auto rollback = [this] {
        finishAll();
        execDirect(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
        if (m_audit)
            m_audit->rollback();
    };
    try {
        ok = work() && (!m_audit || m_audit->flush());
    } catch (...) {
        rollback();
        throw;
    }
    if (ok) {
        finishAll();
        ok = execDirect(QStringLiteral("COMMIT"));
    }
    if (!ok) {
        rollback();
        return false;
    }
    m_inTransaction = false;
    return true;
}

QString Store::metaValue(const QString& key, const QString& fallback) const
{
    Query q = query(QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    return q.next() ? q.value(0).toString() : fallback;
}

bool Store::setMetaValue(const QString& key, const QString& value)
{
    return run(QStringLiteral("DELETE FROM meta WHERE key = ?"), { key })
        && run(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), { key, value });
}

StoreSettings Store::settings() const
{
    QHash<QString, QString> values;
    {
        Query q = query(QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'setting.%'"));
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
    s.hotpLookAhead = intValue("setting.hotp_look_ahead", s.hotpLookAhead, 0, 100);
    s.totpSkewSteps = intValue("setting.totp_skew_steps", s.totpSkewSteps, 0, 10);
    s.totpMaxDriftSteps = intValue("setting.totp_max_drift_steps", s.totpMaxDriftSteps, 0, 10);
    s.normaliseFullWidth = values.value(QStringLiteral("setting.normalise_full_width")) == QLatin1String("1");
    return s;
}

bool Store::saveSettings(const StoreSettings& s)
{
    return setMetaValue(QStringLiteral("setting.otp_failure_limit"), QString::number(s.otpFailureLimit))
        && setMetaValue(QStringLiteral("setting.pin_failure_limit"), QString::number(s.pinFailureLimit))
        && setMetaValue(QStringLiteral("setting.staff_failure_limit"), QString::number(s.staffFailureLimit))
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

bool Store::isTrainingStore() const
{
    if (!m_box || metaValue(kStoreKind) != QLatin1String("training"))
        return false;
    return stateMacMatches(kTrainingPurpose,
        { QStringLiteral("training"), metaValue(kScenarioSource), metaValue(kScenarioId) }, metaValue(kStoreKindMac));
}

bool Store::markTraining(const QString& source, const QString& scenarioId)
{
    return setMetaValue(kStoreKind, QStringLiteral("training")) && setMetaValue(kScenarioSource, source)
        && setMetaValue(kScenarioId, scenarioId)
        && setMetaValue(kStoreKindMac, stateMac(kTrainingPurpose, { QStringLiteral("training"), source, scenarioId }));
}

QString Store::scenarioSource() const
{
    return isTrainingStore() ? metaValue(kScenarioSource) : QString();
}

QString Store::screenId(const QString& screen) const
{
    return metaValue(QStringLiteral("screen_id.") + screen);
}

QByteArray Store::sealSecret(const QByteArray& secret, const QString& serial) const
{
    return m_box ? m_box->seal(secret, serial.toLatin1()) : QByteArray();
}

std::optional<QByteArray> Store::openSecret(const QByteArray& sealed, const QString& serial) const
{
    if (!m_box)
        return std::nullopt;
    return m_box->open(sealed, serial.toLatin1());
}

QString Store::stateMac(const QByteArray& purpose, const QStringList& fields) const
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

const crypto::HmacSha256* Store::keyedMac(const QByteArray& purpose) const
{
    if (!m_box)
        return nullptr;
    auto it = m_macs.constFind(purpose);
    if (it == m_macs.constEnd())
        it = m_macs.insert(purpose, std::make_shared<crypto::HmacSha256>(m_box->deriveKey(purpose)));
    return it.value()->isValid() ? it.value().get() : nullptr;
}

bool Store::stateMacMatches(const QByteArray& purpose, const QStringList& fields, const QString& mac) const
{
    const QString expected = stateMac(purpose, fields);
    return !expected.isEmpty() && crypto::constantTimeEquals(expected.toLatin1(), mac.toLatin1());
}

bool Store::audit(const QString& actor, const QString& action, qint64 corporationId, const QString& details)
{
    return m_audit && m_audit->append(actor, action, corporationId, details);
}

QString Store::nowText() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMSecs(), QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace hardtoken
