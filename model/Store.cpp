#include "Store.h"

#include "Clock.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlError>
#include <QStandardPaths>
#include <QTimeZone>

namespace hardtoken {

Q_LOGGING_CATEGORY(lcStore, "hardtoken.store")

namespace {

QAtomicInteger<int> g_connectionCounter;

constexpr char kKeyCheckPlain[] = "hardtoken-console key check";

struct Migration {
    int version;
    const char* description;
    QStringList statements;
};

// Ordered; never edit a released migration, add the next one. {PK}, {BLOB} and {BIGINT} are
// replaced per SQL dialect so that the same schema runs on SQLite and PostgreSQL.
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
            } },
        { 2, "index registrations by user and by corporation",
            {
                QStringLiteral("CREATE INDEX registrations_by_user ON registrations (user_id)"),
            } },
    };
}

bool hasSqliteHeader(const QString& path, bool* empty)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16);
    *empty = head.isEmpty();
    return head == QByteArray("SQLite format 3\0", 16);
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

QString Store::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("hardtoken-console.sqlite"));
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
    m_auditKey.clear();
}

bool Store::openSqlite(const QString& path, const QString& keyFilePath)
{
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
    m_path = path;
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists) {
        if (!info.isFile())
            return fail(
                StoreErrorCode::CannotOpen, tr("データベースを開けません: %1 はファイルではありません。").arg(path));
        bool empty = false;
        if (!hasSqliteHeader(path, &empty) && !empty) {
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
    } else if (!QDir().mkpath(info.absolutePath())) {
        return fail(StoreErrorCode::CannotOpen, tr("フォルダー %1 を作成できません。").arg(info.absolutePath()));
    }

    m_connectionName = QStringLiteral("hardtoken-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            close();
            return fail(StoreErrorCode::CannotOpen, tr("データベース %1 を開けません: %2").arg(path, why));
        }
    }
    if (exists) {
        QSqlQuery check = exec(QStringLiteral("PRAGMA quick_check"));
        const QString result = check.isActive() && check.next() ? check.value(0).toString() : QString();
        if (result != QLatin1String("ok")) {
            close();
            return fail(StoreErrorCode::Corrupted,
                tr("データベース %1 は破損しています。ファイルは変更していません。バックアップから復元してください。")
                    .arg(path));
        }
        if (!refuseNewerSchema(path))
            return false;
    }
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    exec(QStringLiteral("PRAGMA secure_delete=ON"));
    return finishOpen(keyFilePath.isEmpty() ? path + QStringLiteral(".key") : keyFilePath);
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

bool Store::finishOpen(const QString& keyFilePath)
{
    const bool fresh = schemaVersion() == 0;
    if (!migrate()) {
        const QString why = m_errorMessage;
        close();
        return fail(StoreErrorCode::Sql, why);
    }
    if (!loadKey(keyFilePath, fresh)) {
        const StoreErrorCode code = m_errorCode;
        const QString why = m_errorMessage;
        close();
        return fail(code, why);
    }
    return true;
}

bool Store::openPostgres(const QString& connection, const QString& keyFilePath)
{
    close();
    m_errorCode = StoreErrorCode::None;
    m_errorMessage.clear();
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
    m_connectionName = QStringLiteral("hardtoken-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(options.value(QStringLiteral("host")));
        if (options.contains(QStringLiteral("port")))
            db.setPort(options.value(QStringLiteral("port")).toInt());
        db.setDatabaseName(options.value(QStringLiteral("dbname")));
        db.setUserName(options.value(QStringLiteral("user")));
        db.setPassword(options.value(QStringLiteral("password"), qEnvironmentVariable("PGPASSWORD")));
        if (!db.open()) {
            const QString why = db.lastError().text();
            close();
            return fail(StoreErrorCode::CannotOpen, tr("データベース %1 を開けません: %2").arg(m_path, why));
        }
    }
    if (!refuseNewerSchema(m_path))
        return false;
    return finishOpen(keyFilePath);
}

bool Store::isPostgres() const
{
    return database().driverName() == QLatin1String("QPSQL");
}

qint64 Store::insert(const QString& sql, const QVariantList& values)
{
    QSqlQuery q = exec(sql + QStringLiteral(" RETURNING id"), values);
    return q.isActive() && q.next() ? q.value(0).toLongLong() : 0;
}

QString Store::dialect(QString sql) const
{
    const bool postgres = isPostgres();
    sql.replace(QLatin1String("{PK}"),
        postgres ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                 : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{BLOB}"), postgres ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("{BIGINT}"), postgres ? QLatin1String("BIGINT") : QLatin1String("INTEGER"));
    return sql;
}

int Store::schemaVersion() const
{
    QSqlDatabase db = database();
    if (!db.isOpen() || !db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    return q.isActive() && q.next() ? q.value(0).toInt() : 0;
}

bool Store::migrate()
{
    if (!database().tables().contains(QStringLiteral("schema_version"))
        && !execOk(
            QStringLiteral("CREATE TABLE schema_version ("
                           " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")))
        return fail(StoreErrorCode::Sql, tr("スキーマの管理表を作成できません。"));
    const int current = schemaVersion();
    for (const Migration& m : migrations()) {
        if (m.version <= current)
            continue;
        const bool ok = transaction([&] {
            for (const QString& statement : m.statements) {
                if (!execOk(dialect(statement)))
                    return false;
            }
            return execOk(
                QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"),
                { m.version, QString::fromLatin1(m.description), nowText() });
        });
        if (!ok)
            return fail(StoreErrorCode::Sql,
                tr("スキーマ %1 への更新に失敗しました。データベースは更新前のままです。").arg(m.version));
    }
    return true;
}

bool Store::loadKey(const QString& keyFilePath, bool freshStore)
{
    QFile file(keyFilePath);
    QByteArray key;
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を読み込めません。").arg(keyFilePath));
        key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key.size() != crypto::SecretBox::KeySize)
            return fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 の形式が正しくありません。").arg(keyFilePath));
    } else {
        const QString check = metaValue(QStringLiteral("key_check"));
        if (!freshStore && !check.isEmpty()) {
            return fail(StoreErrorCode::KeyFile,
                tr("暗号鍵ファイル %1 が見つかりません。このデータベースのトークン情報は鍵がないと利用できません。")
                    .arg(keyFilePath));
        }
        key = crypto::randomBytes(crypto::SecretBox::KeySize);
        QSaveFile out(keyFilePath);
        if (!out.open(QIODevice::WriteOnly))
            return fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(keyFilePath));
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out.write(key.toBase64());
        out.write("\n");
        if (!out.commit())
            return fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(keyFilePath));
        QFile::setPermissions(keyFilePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    m_box = std::make_unique<crypto::SecretBox>(key);
    m_auditKey = m_box->deriveKey("audit-chain");
    const QString check = metaValue(QStringLiteral("key_check"));
    if (check.isEmpty()) {
        const QByteArray sealed = m_box->seal(QByteArray(kKeyCheckPlain), QByteArrayLiteral("key_check"));
        if (!setMetaValue(QStringLiteral("key_check"), QString::fromLatin1(sealed.toBase64())))
            return fail(StoreErrorCode::Sql, tr("データベースに書き込めません。"));
    } else if (m_box->open(QByteArray::fromBase64(check.toLatin1()), QByteArrayLiteral("key_check"))
        != QByteArray(kKeyCheckPlain)) {
        return fail(
            StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 はこのデータベースのものではありません。").arg(keyFilePath));
    }
    return true;
}

bool Store::transaction(const std::function<bool()>& work)
{
    QSqlDatabase db = database();
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    if (sqlite ? !execOk(QStringLiteral("BEGIN IMMEDIATE")) : !db.transaction())
        return false;
    bool ok = false;
    try {
        ok = work();
    } catch (...) {
        sqlite ? (void)exec(QStringLiteral("ROLLBACK")) : (void)db.rollback();
        throw;
    }
    if (ok)
        ok = sqlite ? execOk(QStringLiteral("COMMIT")) : db.commit();
    if (!ok)
        sqlite ? (void)exec(QStringLiteral("ROLLBACK")) : (void)db.rollback();
    return ok;
}

QSqlQuery Store::exec(const QString& sql, const QVariantList& values) const
{
    QSqlQuery q(database());
    if (values.isEmpty()) {
        // Nothing to bind (DDL, PRAGMA, constant queries): PostgreSQL cannot PREPARE DDL.
        if (!q.exec(sql))
            qCWarning(lcStore).noquote() << "statement failed:" << sql << q.lastError().text();
        return q;
    }
    if (!q.prepare(sql)) {
        qCWarning(lcStore).noquote() << "prepare failed:" << sql << q.lastError().text();
        return q;
    }
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        qCWarning(lcStore).noquote() << "statement failed:" << sql << q.lastError().text();
    return q;
}

bool Store::execOk(const QString& sql, const QVariantList& values)
{
    return exec(sql, values).isActive();
}

QString Store::metaValue(const QString& key, const QString& fallback) const
{
    if (!database().tables().contains(QStringLiteral("meta")))
        return fallback;
    QSqlQuery q = exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    return q.next() ? q.value(0).toString() : fallback;
}

bool Store::setMetaValue(const QString& key, const QString& value)
{
    if (!execOk(QStringLiteral("DELETE FROM meta WHERE key = ?"), { key }))
        return false;
    return execOk(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), { key, value });
}

StoreSettings Store::settings() const
{
    StoreSettings s;
    const auto intValue = [this](const char* key, int fallback, int min, int max) {
        bool ok = false;
        const int v = metaValue(QLatin1String(key)).toInt(&ok);
        return ok && v >= min && v <= max ? v : fallback;
    };
    s.otpFailureLimit = intValue("setting.otp_failure_limit", s.otpFailureLimit, 1, 100);
    s.pinFailureLimit = intValue("setting.pin_failure_limit", s.pinFailureLimit, 1, 100);
    s.hotpLookAhead = intValue("setting.hotp_look_ahead", s.hotpLookAhead, 0, 100);
    s.totpSkewSteps = intValue("setting.totp_skew_steps", s.totpSkewSteps, 0, 10);
    s.normaliseFullWidth = metaValue(QStringLiteral("setting.normalise_full_width")) == QLatin1String("1");
    return s;
}

bool Store::saveSettings(const StoreSettings& s)
{
    return setMetaValue(QStringLiteral("setting.otp_failure_limit"), QString::number(s.otpFailureLimit))
        && setMetaValue(QStringLiteral("setting.pin_failure_limit"), QString::number(s.pinFailureLimit))
        && setMetaValue(QStringLiteral("setting.hotp_look_ahead"), QString::number(s.hotpLookAhead))
        && setMetaValue(QStringLiteral("setting.totp_skew_steps"), QString::number(s.totpSkewSteps))
        && setMetaValue(QStringLiteral("setting.normalise_full_width"),
            s.normaliseFullWidth ? QStringLiteral("1") : QStringLiteral("0"));
}

bool Store::isTrainingStore() const
{
    return metaValue(QStringLiteral("store_kind")) == QLatin1String("training");
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

QString Store::nowText() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMSecs(), QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

namespace {
QByteArray auditMessage(const QString& previousMac, const AuditEntry& e)
{
    QByteArray m;
    for (const QString& part :
        { previousMac, QString::number(e.id), e.at, e.actor, e.action, QString::number(e.corporationId), e.details }) {
        const QByteArray utf8 = part.toUtf8();
        m += QByteArray::number(utf8.size()) + ':' + utf8 + ';';
    }
    return m;
}
} // namespace

bool Store::audit(const QString& actor, const QString& action, qint64 corporationId, const QString& details)
{
    // The chain needs one writer at a time. SQLite's BEGIN IMMEDIATE already gives that; on
    // PostgreSQL the transaction takes the table lock (released at commit).
    if (isPostgres() && !execOk(QStringLiteral("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")))
        return false;
    QSqlQuery last = exec(QStringLiteral("SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1"));
    qint64 previousId = 0;
    QString previousMac;
    if (last.next()) {
        previousId = last.value(0).toLongLong();
        previousMac = last.value(1).toString();
    }
    AuditEntry e;
    e.id = previousId + 1;
    e.at = nowText();
    e.actor = actor;
    e.action = action;
    e.corporationId = corporationId;
    e.details = details.isNull() ? QString(QLatin1String("")) : details;
    const QString mac = QString::fromLatin1(crypto::hmacSha256(m_auditKey, auditMessage(previousMac, e)).toHex());
    return execOk(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, corporation_id, details, mac)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { e.id, e.at, e.actor, e.action, corporationId ? QVariant(corporationId) : QVariant(), e.details, mac });
}

QList<AuditEntry> Store::auditEntries(qint64 corporationId) const
{
    QList<AuditEntry> out;
    QSqlQuery q = corporationId
        ? exec(QStringLiteral("SELECT id, at, actor, action, corporation_id, details FROM audit_log"
                              " WHERE corporation_id = ? ORDER BY id"),
            { corporationId })
        : exec(QStringLiteral("SELECT id, at, actor, action, corporation_id, details FROM audit_log ORDER BY id"));
    while (q.next()) {
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toString() });
    }
    return out;
}

qint64 Store::verifyAudit() const
{
    QSqlQuery q
        = exec(QStringLiteral("SELECT id, at, actor, action, corporation_id, details, mac FROM audit_log ORDER BY id"));
    QString previousMac;
    qint64 expectedId = 1;
    while (q.next()) {
        AuditEntry e { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toString() };
        const QString mac = q.value(6).toString();
        const QByteArray expected = crypto::hmacSha256(m_auditKey, auditMessage(previousMac, e)).toHex();
        if (e.id != expectedId || !crypto::constantTimeEquals(expected, mac.toLatin1()))
            return e.id;
        previousMac = mac;
        ++expectedId;
    }
    return -1;
}

} // namespace hardtoken
