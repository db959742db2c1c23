#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlQuery>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
QByteArray digest(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}
} // namespace

class TestStore final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void migratesAnEmptyFile();
    void reopeningKeepsDataAndVersion();
    void upgradesAnOlderStoreKeepingItsData();
    void refusesNewerSchemaAndLeavesItUntouched();
    void refusesAFileThatIsNotADatabase();
    void refusesACorruptedDatabase();
    void refusesAReadOnlyDatabase();
    void keyFileIsOwnerOnlyAndRequired();
    void wrongKeyFileIsRefused();
    void noSecretOrPinInTheFileInClear();
    void textIsStoredVerbatim();
    void auditChainDetectsEdits();
};

void TestStore::migratesAnEmptyFile()
{
    QTemporaryDir dir;
    FixedClock clock;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    QFile(path).open(QIODevice::WriteOnly); // zero bytes, as a new file from a file manager
    Store store(clock);
    QVERIFY2(store.openSqlite(path), qPrintable(store.errorMessage()));
    QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
    const QStringList tables = store.database().tables();
    for (const char* t :
        { "meta", "corporations", "users", "tokens", "registrations", "staff", "audit_log", "schema_version" })
        QVERIFY2(tables.contains(QLatin1String(t)), t);
    QSqlQuery fk = store.exec(QStringLiteral("PRAGMA foreign_keys"));
    QVERIFY(fk.next());
    QCOMPARE(fk.value(0).toInt(), 1);
    QSqlQuery wal = store.exec(QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(wal.next());
    QCOMPARE(wal.value(0).toString(), QStringLiteral("wal"));
}

void TestStore::reopeningKeepsDataAndVersion()
{
    Fixture f;
    QCOMPARE(f.service->users().size(), 3);
    f.restart();
    QCOMPARE(f.store->schemaVersion(), Store::SchemaVersion);
    QCOMPARE(f.service->users().size(), 3);
    QSqlQuery q = f.store->exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), Store::SchemaVersion); // each migration once
}

void TestStore::upgradesAnOlderStoreKeepingItsData()
{
    Fixture f;
    // Make it a version-1 store, as the first release wrote it.
    QVERIFY(f.store->execOk(QStringLiteral("DROP INDEX registrations_by_user")));
    QVERIFY(f.store->execOk(QStringLiteral("DELETE FROM schema_version WHERE version > 1")));
    f.restart();
    QCOMPARE(f.store->schemaVersion(), Store::SchemaVersion);
    QSqlQuery index = f.store->exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'registrations_by_user'"));
    QVERIFY(index.next());
    QCOMPARE(f.service->users().size(), 3);
    QCOMPARE(f.serialOf(QStringLiteral("山田 太郎")), QStringLiteral("0000000001"));
}

void TestStore::refusesNewerSchemaAndLeavesItUntouched()
{
    Fixture f;
    QVERIFY(f.store->execOk(
        QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')")));
    f.service.reset();
    f.store.reset();
    const QByteArray before = digest(f.dbPath());
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::NewerSchema);
    QVERIFY(store.errorMessage().contains(QStringLiteral("新しいバージョン")));
    QVERIFY(!store.isOpen());
    QCOMPARE(digest(f.dbPath()), before);
}

void TestStore::refusesAFileThatIsNotADatabase()
{
    QTemporaryDir dir;
    FixedClock clock;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("これはデータベースではありません。\n");
    }
    const QByteArray before = fileBytes(path);
    Store store(clock);
    QVERIFY(!store.openSqlite(path));
    QCOMPARE(store.errorCode(), StoreErrorCode::NotADatabase);
    QVERIFY(store.errorMessage().contains(QStringLiteral("データベースではありません")));
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".key")));
}

void TestStore::refusesACorruptedDatabase()
{
    Fixture f;
    f.service.reset();
    f.store.reset();
    {
        QFile file(f.dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8192);
        file.seek(4096); // pages 2 and 3: b-tree pages of the schema's tables
        file.write(QByteArray(8192, '\xA5'));
    }
    const QByteArray before = digest(f.dbPath());
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::Corrupted);
    QVERIFY(store.errorMessage().contains(QStringLiteral("破損")));
    QCOMPARE(digest(f.dbPath()), before);
}

void TestStore::refusesAReadOnlyDatabase()
{
    Fixture f;
    f.service.reset();
    f.store.reset();
    QVERIFY(QFile::setPermissions(f.dbPath(), QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const QByteArray before = digest(f.dbPath());
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::ReadOnly);
    QVERIFY(store.errorMessage().contains(QStringLiteral("読み取り専用")));
    QCOMPARE(digest(f.dbPath()), before);
    QFile::setPermissions(f.dbPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestStore::keyFileIsOwnerOnlyAndRequired()
{
    Fixture f;
    const QString key = f.dbPath() + QStringLiteral(".key");
    QVERIFY(QFile::exists(key));
    QCOMPARE(QFile::permissions(key)
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    f.service.reset();
    f.store.reset();
    QVERIFY(QFile::rename(key, key + QStringLiteral(".moved")));
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::KeyFile);
    QVERIFY(!QFile::exists(key)); // no new key was made that would orphan the stored secrets
    QVERIFY(QFile::rename(key + QStringLiteral(".moved"), key));
    QVERIFY(store.openSqlite(f.dbPath()));
}

void TestStore::wrongKeyFileIsRefused()
{
    Fixture f;
    Fixture other;
    f.service.reset();
    f.store.reset();
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath(), other.dbPath() + QStringLiteral(".key")));
    QCOMPARE(store.errorCode(), StoreErrorCode::KeyFile);
}

void TestStore::noSecretOrPinInTheFileInClear()
{
    Fixture f;
    // Exercise every write path first: a registration, a wrong PIN, a failure.
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), QStringLiteral("0000000012")).ok());
    QVERIFY(f.service->commitQueue(QStringLiteral("train1234")).ok());
    f.service->commitQueue(QStringLiteral("wrong999"));
    f.service.reset();
    f.store.reset();
    QByteArray bytes = fileBytes(f.dbPath());
    bytes += fileBytes(f.dbPath() + QStringLiteral("-wal"));
    QVERIFY(bytes.size() > 0);
    const Scenario s = manualScenario();
    for (const auto& t : s.tokens) {
        QVERIFY2(!bytes.contains(t.secret), t.secret.constData());
        QVERIFY(!bytes.contains(t.secret.toHex()));
        QVERIFY(!bytes.contains(t.secret.toBase64()));
    }
    for (const QString& clear :
        { QStringLiteral("train1234"), QStringLiteral("Helpdesk2023"), QStringLiteral("wrong999") })
        QVERIFY2(!bytes.contains(clear.toUtf8()), qPrintable(clear));
}

void TestStore::textIsStoredVerbatim()
{
    Scenario s = manualScenario();
    const QStringList names { QStringLiteral("O'Brien \"Bob\""), QStringLiteral("x'); DROP TABLE users; --"),
        QStringLiteral("絵文字 🎌👩‍💼"), QString(65536, QChar(u'あ')),
        QStringLiteral("Robert'; DELETE FROM corporations WHERE '1'='1") };
    s.users.clear();
    s.tokens.clear();
    for (const QString& n : names)
        s.users.append({ n });
    s.corporationName = QStringLiteral("株式会社 \"引用\" & 'Quote' 🏦");
    Fixture f(s);
    const QList<UserInfo> users = f.service->users();
    QCOMPARE(users.size(), names.size());
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(users[i].name, names[i]);
    QCOMPARE(f.service->corporation().name, s.corporationName);
    f.restart();
    QCOMPARE(f.service->users().last().name, names.last());
    QCOMPARE(f.service->users()[3].name.size(), 65536);
}

void TestStore::auditChainDetectsEdits()
{
    Fixture f;
    QVERIFY(f.store->audit(
        QStringLiteral("tester"), QStringLiteral("a"), f.service->corporationId(), QStringLiteral("one")));
    QVERIFY(f.store->audit(
        QStringLiteral("tester"), QStringLiteral("b"), f.service->corporationId(), QStringLiteral("two")));
    QCOMPARE(f.store->verifyAudit(), -1);
    const qint64 last = f.store->auditEntries().last().id;
    QVERIFY(f.store->execOk(QStringLiteral("UPDATE audit_log SET details = 'edited' WHERE id = ?"), { last - 1 }));
    QCOMPARE(f.store->verifyAudit(), last - 1);
    QVERIFY(f.store->execOk(QStringLiteral("UPDATE audit_log SET details = 'one' WHERE id = ?"), { last - 1 }));
    QCOMPARE(f.store->verifyAudit(), -1);
    QVERIFY(f.store->execOk(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), { last - 1 }));
    QCOMPARE(f.store->verifyAudit(), last);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
