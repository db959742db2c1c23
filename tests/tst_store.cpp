#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/IntegrityCheck.h"
#include "store/TokenTable.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"

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
    void createsANewStoreOwnerOnly();
    void refusesAZeroLengthFile();
    void reopeningKeepsDataAndVersion();
    void anSqliteStoreLeavesLibpqUnloaded();
    void upgradesAnOlderStoreKeepingItsData();
    void registrationCountsFollowEveryWrite();
    void keyIsCheckedBeforeAnyMigration();
    void refusesNewerSchemaAndLeavesItUntouched();
    void refusesAFileThatIsNotADatabase();
    void refusesACorruptedDatabase();
    void backgroundCheckFindsWhatTheLightOpenLetsThrough();
    void refusesANetworkShare();
    void refusesAReadOnlyDatabase();
    void keyFileIsOwnerOnlyAndRequired();
    void wrongKeyFileIsRefused();
    void noSecretOrPinInTheFileInClear();
    void textIsStoredVerbatim();
    void auditTamperingIsDetected_data();
    void auditTamperingIsDetected();
    void editedCountersAndSuspensionAreDetected_data();
    void editedCountersAndSuspensionAreDetected();
    void editedTokenStateIsRefused();
    void trainingMarkCannotBeForged();
    void lockedIsNotCorrupted();
    void auditFieldsAreBoundedAndEscaped();
};

void TestStore::createsANewStoreOwnerOnly()
{
    QTemporaryDir dir;
    FixedClock clock;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    Store store(clock);
    QVERIFY2(store.openSqlite(path), qPrintable(store.errorMessage()));
    QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
    RawSql raw(path);
    const QStringList tables = raw.db().tables();
    for (const char* t : { "meta", "corporations", "users", "tokens", "registrations", "staff", "audit_log",
             "schema_version", "signin_attempts", "training_results" })
        QVERIFY2(tables.contains(QLatin1String(t)), t);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QVERIFY(store.auditLog().verify().ok);
    // Owner-only from the first byte: the database and the files SQLite makes beside it.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
        | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    for (const QString& file : QStringList {
             path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"), path + QStringLiteral(".key") }) {
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
    }
}

void TestStore::refusesAZeroLengthFile()
{
    QTemporaryDir dir;
    FixedClock clock;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    QVERIFY(QFile(path).open(QIODevice::WriteOnly)); // zero bytes, as a new file from a file manager
    Store store(clock);
    QVERIFY(!store.openSqlite(path));
    QCOMPARE(store.errorCode(), StoreErrorCode::NotADatabase);
    QVERIFY(store.errorMessage().contains(QStringLiteral("空のファイル")));
    QCOMPARE(QFileInfo(path).size(), 0);
    QVERIFY(!QFile::exists(path + QStringLiteral(".key")));
}

namespace {
// Whether libpq is mapped into this process (Linux: /proc/self/maps).
bool libpqMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("/libpq.so");
}
} // namespace

// The console on the embedded store does not load libpq (and Kerberos, LDAP, GnuTLS with it): a
// fifth of its start-up on Linux when it was linked. It is loaded when a PostgreSQL store is named.
void TestStore::anSqliteStoreLeavesLibpqUnloaded()
{
#ifndef Q_OS_LINUX
    QSKIP("/proc/self/maps is Linux's");
#endif
    QVERIFY(!libpqMapped());
    QTemporaryDir dir;
    FixedClock clock(kManualEpoch * 1000);
    {
        Store store(clock);
        QVERIFY2(store.openSqlite(dir.filePath(QStringLiteral("s.sqlite"))), qPrintable(store.errorMessage()));
        QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
    }
    QVERIFY(!libpqMapped());
    QString why;
    const auto conninfo = Store::postgresConnectionString(QStringLiteral("host=db1 dbname=hardtoken"), &why);
    QVERIFY2(conninfo, qPrintable(why));
    QVERIFY(conninfo->contains(QLatin1String("host='db1'")));
    QVERIFY(libpqMapped());
}

void TestStore::reopeningKeepsDataAndVersion()
{
    Fixture f;
    QCOMPARE(f.service->users().value().size(), 3);
    f.restart();
    QCOMPARE(f.store->schemaVersion(), Store::SchemaVersion);
    QCOMPARE(f.service->users().value().size(), 3);
    QCOMPARE(f.raw()->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
        Store::SchemaVersion); // each migration once
}

namespace {
// Turns a fixture's store back into what the first release wrote (schema 1).
void makeVersionOne(Fixture& f)
{
    f.service.reset();
    f.store.reset();
    RawSql raw(f.dbPath());
    for (const char* sql : { "DROP INDEX corporations_by_code_name", "DROP INDEX users_by_bank_id",
             "ALTER TABLE users DROP COLUMN bank_id", "ALTER TABLE staff DROP COLUMN role",
             "ALTER TABLE staff DROP COLUMN disabled", "DROP INDEX registrations_by_user",
             "DROP TRIGGER tokens_six_digits", "DROP TABLE signin_attempts",
             "ALTER TABLE corporations DROP COLUMN pin_in_flight", "ALTER TABLE corporations DROP COLUMN state_mac",
             "ALTER TABLE tokens DROP COLUMN state_mac", "DROP TABLE training_results", "DROP TABLE attempts_in_flight",
             "DROP TABLE commit_marks", "DROP TRIGGER registrations_counted_in",
             "DROP TRIGGER registrations_counted_out", "DROP TRIGGER registrations_counted_moved",
             "DROP TABLE registration_counts", "DELETE FROM meta WHERE key IN ('audit.head', 'store_kind.mac')",
             "DELETE FROM schema_version WHERE version > 1" })
        QVERIFY2(raw.ok(QLatin1String(sql)), sql);
}
} // namespace

void TestStore::upgradesAnOlderStoreKeepingItsData()
{
    Fixture f;
    makeVersionOne(f);
    f.open();
    QCOMPARE(f.store->schemaVersion(), Store::SchemaVersion);
    QCOMPARE(f.raw()
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"
                                         " AND name = 'registrations_by_user'"))
                 .toInt(),
        1);
    QCOMPARE(f.service->users().value().size(), 3);
    QCOMPARE(f.serialOf(QStringLiteral("山田 太郎")), sample::yamadaCard);
    // The registrations that existed are counted by the upgrade (schema 10).
    QCOMPARE(f.service->corporation().value().registeredTokens,
        f.raw()->scalar(QStringLiteral("SELECT COUNT(*) FROM registrations")).toInt());
    QVERIFY(f.service->corporation().value().registeredTokens > 0);
    // The rows that existed were sealed by the upgrade and the log anchored where it stood; a
    // training store stays one (its mark is sealed too).
    QVERIFY(f.store->isTrainingStore());
    QVERIFY(f.service->corporation().value().stateIntact);
    QVERIFY(CorporationTable::tampered(*f.store).isEmpty());
    QVERIFY(TokenTable::tampered(*f.store).isEmpty());
    QVERIFY2(f.store->auditLog().verify().ok, qPrintable(f.store->auditLog().verify().problem));
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
}

// 契約法人ステータス's count is kept by the store as registrations are written (schema 10): by the
// rules, by a mode change that cancels them all, and by what SQLite does on its own (a user deleted
// with their registration, a row moved) — always what counting the rows gives.
void TestStore::registrationCountsFollowEveryWrite()
{
    Fixture f;
    RawSql raw(f.dbPath());
    QVERIFY(raw.ok(QStringLiteral("PRAGMA foreign_keys = ON")));
    const auto same = [&] {
        return f.service->corporation().value().registeredTokens
            == raw.scalar(QStringLiteral("SELECT COUNT(*) FROM registrations")).toInt();
    };
    const auto shown = [&] { return f.service->corporation().value().registeredTokens; };
    QCOMPARE(shown(), 3);
    // 鈴木 花子 changes card: her registration goes, the new one comes (the count stays).
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    QCOMPARE(f.serialOf(QStringLiteral("鈴木 花子")), sample::spareCard2);
    QVERIFY(same());
    // A user removed with their registration (ON DELETE CASCADE), as a roster prune does.
    QVERIFY(raw.ok(QStringLiteral("DELETE FROM users WHERE name = ?"), { QStringLiteral("山田 太郎") }));
    QCOMPARE(shown(), 2);
    QVERIFY(same());
    // A row moved to another corporation, and back.
    QVERIFY(
        raw.ok(QStringLiteral("INSERT INTO corporations (code, name, pin_hash) VALUES ('0000000002', 'other', '')")));
    const qint64 other
        = raw.scalar(QStringLiteral("SELECT id FROM corporations WHERE code = '0000000002'")).toLongLong();
    QVERIFY(raw.ok(
        QStringLiteral("UPDATE registrations SET corporation_id = ? WHERE id = (SELECT MIN(id) FROM registrations)"),
        { other }));
    QCOMPARE(shown(), 1);
    QCOMPARE(CorporationTable::info(*f.store, other).value().registeredTokens, 1);
    // The corporation goes, its count with it.
    QVERIFY(raw.ok(QStringLiteral("DELETE FROM corporations WHERE id = ?"), { other }));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM registration_counts WHERE corporation_id = ?"), { other })
                 .toInt(),
        0);
    QVERIFY(same());
    // A changed mode cancels every registration.
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    QCOMPARE(shown(), 0);
    QVERIFY(same());
}

void TestStore::keyIsCheckedBeforeAnyMigration()
{
    Fixture f;
    makeVersionOne(f);
    const QString key = f.dbPath() + QStringLiteral(".key");
    QVERIFY(QFile::rename(key, key + QStringLiteral(".moved")));
    const QByteArray before = digest(f.dbPath());
    Store store(f.clock);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::KeyFile);
    QCOMPARE(digest(f.dbPath()), before);
    QCOMPARE(RawSql(f.dbPath()).scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
}

void TestStore::refusesNewerSchemaAndLeavesItUntouched()
{
    Fixture f;
    QVERIFY(f.raw()->ok(
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

// The console opens with only the schema read and checks the whole file after its first paint,
// in a worker thread: a sound store passes; a damaged table is reported with the store's message.
void TestStore::backgroundCheckFindsWhatTheLightOpenLetsThrough()
{
    Fixture f;
    {
        IntegrityCheck sound(f.dbPath());
        QSignalSpy done(&sound, &IntegrityCheck::finished);
        sound.start();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), true);
    }
    f.service.reset();
    f.store.reset();
    {
        QFile file(f.dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() - 4096); // the last page: table data, not the schema
        file.write(QByteArray(4096, '\xA5'));
    }
    Store store(f.clock);
    store.setFullCheckAtOpen(false);
    const bool opened = store.openSqlite(f.dbPath());
    if (opened)
        store.close();
    IntegrityCheck damaged(f.dbPath());
    QSignalSpy done(&damaged, &IntegrityCheck::finished);
    damaged.start();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("破損")), qPrintable(done.first().at(1).toString()));
    // The full check at open (the default, the CLI's) refuses the same file.
    Store strict(f.clock);
    QVERIFY(!strict.openSqlite(f.dbPath()));
    QCOMPARE(strict.errorCode(), StoreErrorCode::Corrupted);
}

void TestStore::refusesANetworkShare()
{
    FixedClock clock { 0 };
    for (const QString& path : { QStringLiteral("\\\\branch-fs\\desk\\hardtoken.sqlite"),
             QStringLiteral("//branch-fs/desk/hardtoken.sqlite") }) {
        Store store(clock);
        QVERIFY(!store.openSqlite(path));
        QCOMPARE(store.errorCode(), StoreErrorCode::CannotOpen);
        QVERIFY2(store.errorMessage().contains(QStringLiteral("PostgreSQL")), qPrintable(store.errorMessage()));
    }
    QVERIFY(!Store::isNetworkPath(QStringLiteral("C:\\Users\\desk\\hardtoken.sqlite")));
    QVERIFY(!Store::isNetworkPath(QStringLiteral("/home/desk/hardtoken.sqlite")));
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
    // A key file others could read (copied in, or made by an earlier version) is tightened when
    // opened, as the database is.
    QVERIFY(QFile::setPermissions(
        key, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(store.openSqlite(f.dbPath()));
    QCOMPARE(QFile::permissions(key)
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
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
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
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
    for (const QString& clear : { sample::pin, sample::staffCredential, QStringLiteral("wrong999") })
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
    const QList<UserInfo> users = f.service->users().value();
    QCOMPARE(users.size(), names.size());
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(users[i].name, names[i]);
    QCOMPARE(f.service->corporation().value().name, s.corporationName);
    f.restart();
    QCOMPARE(f.service->users().value().last().name, names.last());
    QCOMPARE(f.service->users().value()[3].name.size(), 65536);
}

namespace {
bool appendTwo(Fixture& f)
{
    return f.store->transaction([&] {
        return f.store->auditLog().append(
                   QStringLiteral("tester"), QStringLiteral("a"), f.service->corporationId(), QStringLiteral("one"))
            && f.store->auditLog().append(
                QStringLiteral("tester"), QStringLiteral("b"), f.service->corporationId(), QStringLiteral("two"));
    });
}
} // namespace

void TestStore::auditTamperingIsDetected_data()
{
    QTest::addColumn<QStringList>("tampering");
    QTest::addColumn<QString>("problem");
    QTest::newRow("edited entry") << QStringList { QStringLiteral("UPDATE audit_log SET details = 'edited' WHERE id = "
                                                                  "(SELECT MAX(id) - 1 FROM audit_log)") }
                                  << QStringLiteral("改ざん");
    QTest::newRow("entry removed from the middle")
        << QStringList { QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 1 FROM audit_log)") }
        << QStringLiteral("削除");
    QTest::newRow("last entry removed") << QStringList {
        QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    } << QStringLiteral("末尾");
    QTest::newRow("last three removed") << QStringList {
        QStringLiteral("DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log)")
    } << QStringLiteral("末尾");
    QTest::newRow("all removed") << QStringList { QStringLiteral("DELETE FROM audit_log") } << QStringLiteral("末尾");
    QTest::newRow("all removed with the anchor") << QStringList { QStringLiteral("DELETE FROM audit_log"),
        QStringLiteral("DELETE FROM meta WHERE key = 'audit.head'") }
                                                 << QStringLiteral("アンカー");
    QTest::newRow("anchor moved back") << QStringList {
        QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)"),
        QStringLiteral("UPDATE meta SET value = '1' || substr(value, instr(value, ':')) WHERE key = 'audit.head'")
    } << QStringLiteral("アンカー");
}

void TestStore::auditTamperingIsDetected()
{
    QFETCH(QStringList, tampering);
    QFETCH(QString, problem);
    Fixture f;
    QVERIFY(appendTwo(f));
    QVERIFY(appendTwo(f));
    QVERIFY(f.store->auditLog().verify().ok);
    const auto raw = f.raw();
    for (const QString& sql : tampering)
        QVERIFY2(raw->ok(sql), qPrintable(sql));
    const AuditVerification v = f.store->auditLog().verify();
    QVERIFY(!v.ok);
    QVERIFY2(v.problem.contains(problem), qPrintable(v.problem));
    QVERIFY(v.firstBadId >= 1);
}

void TestStore::editedCountersAndSuspensionAreDetected_data()
{
    QTest::addColumn<QString>("tampering");
    QTest::newRow("otp counter reset") << QStringLiteral("UPDATE corporations SET otp_failures = 0");
    QTest::newRow("pin counter lowered") << QStringLiteral("UPDATE corporations SET pin_failures = pin_failures - 1");
    QTest::newRow("suspension lifted") << QStringLiteral("UPDATE corporations SET suspended = 0, suspended_at = NULL");
    QTest::newRow("mode changed") << QStringLiteral("UPDATE corporations SET usage_mode = 'shared'");
}

void TestStore::editedCountersAndSuspensionAreDetected()
{
    QFETCH(QString, tampering);
    Fixture f;
    // Two wrong PINs and a wrong OTP, then the suspension as 5 wrong OTPs would leave it.
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    for (int i = 0; i < 5; ++i)
        f.service->enqueue(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, QStringLiteral("000000"));
    QVERIFY(f.service->isSuspended());
    QVERIFY(f.service->corporation().value().stateIntact);
    QVERIFY(f.raw()->ok(tampering));
    QVERIFY(!f.service->corporation().value().stateIntact);
    QVERIFY(f.service->isSuspended()); // an edited state is never believed
    QCOMPARE(CorporationTable::tampered(*f.store), QStringList { sample::corporationCode });
    // Decisions are refused, not taken on the edited values.
    const Outcome o
        = f.service->enqueue(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.otpFor(sample::spareCard2));
    QCOMPARE(o.error, ServiceError::Tampered);
    QVERIFY(o.message.contains(QStringLiteral("コンソールの外で変更")));
    // The help desk restores a sealed state (audited).
    QVERIFY(f.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    QVERIFY(f.service->corporation().value().stateIntact);
    QVERIFY(!f.service->isSuspended());
    QVERIFY(CorporationTable::tampered(*f.store).isEmpty());
    QCOMPARE(f.store->auditLog().entries().last().details, QStringLiteral("state=resealed"));
}

void TestStore::editedTokenStateIsRefused()
{
    Fixture f;
    const QString serial = sample::spareCard2;
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), serial).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    // Moving the state back would let the used code through again.
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE tokens SET last_step = -1 WHERE serial = ?"), { serial }));
    QCOMPARE(TokenTable::tampered(*f.store), QStringList { serial });
    QCOMPARE(f.enqueue(QStringLiteral("鈴木 花子"), serial).error, ServiceError::Tampered);
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
}

void TestStore::trainingMarkCannotBeForged()
{
    Fixture f;
    QVERIFY(f.store->isTrainingStore());
    // A production store (no scenario) given the training mark by hand stays production.
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE meta SET value = '/tmp/evil.json' WHERE key = 'scenario.source'")));
    QVERIFY(!f.store->isTrainingStore());
    QString error;
    QVERIFY(!ScenarioLoader::reset(*f.store, &error));
    QVERIFY(!ScenarioLoader::apply(*f.store, manualScenario(), QStringLiteral("x"), &error));
    QVERIFY(error.contains(QStringLiteral("本番用")));
    QCOMPARE(f.service->users().value().size(), 3);
}

void TestStore::lockedIsNotCorrupted()
{
    Fixture f;
    f.service.reset();
    f.store.reset();
    // Another process holds the database exclusively (as a long write or a backup tool would).
    RawSql other(f.dbPath());
    QVERIFY(other.ok(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
    QVERIFY(other.ok(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(other.ok(QStringLiteral("UPDATE meta SET value = value WHERE key = 'store_kind'")));
    const QByteArray before = digest(f.dbPath());
    Store store(f.clock);
    store.setBusyTimeout(200);
    QVERIFY(!store.openSqlite(f.dbPath()));
    QCOMPARE(store.errorCode(), StoreErrorCode::Locked);
    QVERIFY2(store.errorMessage().contains(QStringLiteral("使用中")), qPrintable(store.errorMessage()));
    QVERIFY(!store.errorMessage().contains(QStringLiteral("破損")));
    QVERIFY(!store.errorMessage().contains(QStringLiteral("バックアップ")));
    QCOMPARE(digest(f.dbPath()), before);
    QVERIFY(other.ok(QStringLiteral("ROLLBACK")));
    QVERIFY(other.ok(QStringLiteral("PRAGMA locking_mode = NORMAL")));
    QVERIFY(other.ok(QStringLiteral("SELECT COUNT(*) FROM meta"))); // releases the exclusive lock
}

void TestStore::auditFieldsAreBoundedAndEscaped()
{
    Fixture f;
    const qint64 sizeBefore = QFileInfo(f.dbPath()).size() + QFileInfo(f.dbPath() + QStringLiteral("-wal")).size();
    // Ten refused unlocks with 120 kB logins (a script's attempt to fill the disk)...
    const QString huge(120 * 1024, QLatin1Char('x'));
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(f.service->unlock(huge, QStringLiteral("x")).error, ServiceError::WrongStaffCredential);
    const AuditEntry last = f.store->auditLog().entries().last();
    QVERIFY(last.actor.size() <= AuditLog::MaxActor + 16);
    const qint64 sizeAfter = QFileInfo(f.dbPath()).size() + QFileInfo(f.dbPath() + QStringLiteral("-wal")).size();
    // The WAL holds whole 4 KB pages per transaction (about 210 KB here); ten 120 kB logins would be 1.2 MB.
    QVERIFY2(sizeAfter - sizeBefore < 400 * 1024, qPrintable(QString::number(sizeAfter - sizeBefore)));
    // ...and a login with a newline cannot forge a line of the listing.
    f.service->unlock(
        QStringLiteral("mallory\n42\t2023-09-01\tstaff:helpdesk\tcorporation.unlocked"), QStringLiteral("x"));
    const QString printed = AuditLog::printable(f.store->auditLog().entries().last().actor);
    QVERIFY(!printed.contains(QLatin1Char('\n')));
    QVERIFY(!printed.contains(QLatin1Char('\t')));
    QVERIFY(printed.contains(QStringLiteral("\\n42")));
    QCOMPARE(AuditLog::printable(QStringLiteral("a\x1b[2Jb\\")), QStringLiteral("a\\x{1b}[2Jb\\\\"));
    QVERIFY(f.store->auditLog().verify().ok);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
