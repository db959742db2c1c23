// The shared store on PostgreSQL: the same schema, rules and guarantees as on SQLite.
// scripts/test starts a throwaway server and sets HARDTOKEN_PG ("host=… port=… user=…").
#include "TestSupport.h"

#include "store/CorporationTable.h"
#include "store/KeyFile.h"
#include "store/TokenTable.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "tables/AuditLogModel.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
// A fresh database of `pg` opened and loaded with the manual's scenario.
bool openWithManual(Store& store, const PgDatabase& pg)
{
    QString error;
    if (!store.openPostgres(pg.connection(), pg.keyFile()))
        qWarning("%s", qPrintable(store.errorMessage()));
    else if (!ScenarioLoader::apply(store, manualScenario(), QStringLiteral("test"), &error))
        qWarning("%s", qPrintable(error));
    else
        return true;
    return false;
}
} // namespace

class TestStorePostgres final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void migratesAndRunsTheManualExample();
    void failuresAndLockoutAreSharedBetweenDesktops();
    void commitFailingHalfWayLeavesTheStoreAsBefore();
    void secretsAreSealedAndAuditIsChained();
    void refusesANewerSchema();
    void rotateKeyOnTheSharedStore();
    void corporationSearchAndAuditFilter();
    void aRoleThatMayNotCreateTheExtensionStillGetsAStore();
};

void TestStorePostgres::initTestCase()
{
    HARDTOKEN_REQUIRE(!qEnvironmentVariableIsEmpty("HARDTOKEN_PG"),
        "HARDTOKEN_PG is not set: scripts/test starts a PostgreSQL server and sets it");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")), "the QPSQL driver (libqt6sql6-psql) is missing");
    PgDatabase probe;
    QVERIFY2(probe.admin(QStringLiteral("SELECT 1")), "cannot reach the PostgreSQL server in HARDTOKEN_PG");
}

void TestStorePostgres::migratesAndRunsTheManualExample()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    Store store(clock);
    QVERIFY2(store.openPostgres(pg.connection(), pg.keyFile()), qPrintable(store.errorMessage()));
    QVERIFY(store.isPostgres());
    QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
    QString error;
    QVERIFY2(ScenarioLoader::apply(store, manualScenario(), QStringLiteral("test"), &error), qPrintable(error));
    RegistrationService service(store);
    QVERIFY(service.selectCorporation());
    QCOMPARE(service.users().value().size(), 3);
    const auto enqueue = [&](const char* user, const char* serial) {
        qint64 id = 0;
        for (const UserInfo& u : service.users().value_or(QList<UserInfo> {}))
            id = u.name == QString::fromUtf8(user) ? u.id : id;
        OtpGenerator g;
        const QString s = QString::fromLatin1(serial);
        return service.enqueue(id, s, g.totp(QByteArrayLiteral("training-seed-") + serial, clock.nowSecs()));
    };
    QVERIFY(enqueue("鈴木 花子", "0000000012").ok());
    QVERIFY(enqueue("山田 太郎", "0000000011").ok());
    QVERIFY(enqueue("田中 次郎", "0000000013").ok());
    QVERIFY(service.commitQueue(sample::pin).ok());
    QStringList serials;
    for (const UserInfo& u : service.users().value_or(QList<UserInfo> {}))
        serials << u.currentSerial;
    QCOMPARE(serials, (QStringList { sample::spareCard2, sample::spareCard3, sample::spareCard1 }));
    QVERIFY(service.changeUsageMode(UsageMode::Shared, sample::pin).ok());
    QCOMPARE(service.corporation().value().registeredTokens, 0);
}

void TestStorePostgres::failuresAndLockoutAreSharedBetweenDesktops()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    Store one(clock);
    Store two(clock);
    QVERIFY(one.openPostgres(pg.connection(), pg.keyFile()));
    QString error;
    QVERIFY(ScenarioLoader::apply(one, manualScenario(), QStringLiteral("test"), &error));
    QVERIFY(two.openPostgres(pg.connection(), pg.keyFile()));
    RegistrationService a(one);
    RegistrationService b(two);
    QVERIFY(a.selectCorporation() && b.selectCorporation());
    const qint64 user = a.users().value().first().id;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(a.enqueue(user, QStringLiteral("9999999999"), QStringLiteral("123456")).error,
            ServiceError::WrongSerialOrOtp);
    QCOMPARE(b.corporation().value().otpFailures, 3);
    QCOMPARE(b.enqueue(user, QStringLiteral("9999999999"), QStringLiteral("123456")).remainingAttempts, 1);
    QCOMPARE(a.enqueue(user, QStringLiteral("9999999999"), QStringLiteral("123456")).error, ServiceError::Suspended);
    QVERIFY(b.isSuspended());
    QVERIFY(one.auditLog().verify().ok);
    QVERIFY(b.unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    QVERIFY(!a.isSuspended());
}

void TestStorePostgres::commitFailingHalfWayLeavesTheStoreAsBefore()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    Store store(clock);
    QVERIFY(store.openPostgres(pg.connection(), pg.keyFile()));
    QString error;
    QVERIFY(ScenarioLoader::apply(store, manualScenario(), QStringLiteral("test"), &error));
    RegistrationService service(store);
    service.selectCorporation();
    const QList<UserInfo> users = service.users().value();
    OtpGenerator g;
    const auto code
        = [&](const char* serial) { return g.totp(QByteArrayLiteral("training-seed-") + serial, clock.nowSecs()); };
    QVERIFY(service.enqueue(users[0].id, sample::spareCard2, code("0000000012")).ok());
    QVERIFY(service.enqueue(users[2].id, sample::spareCard1, code("0000000011")).ok());
    // The fault: the database refuses the second entry's row.
    RawSql raw(pg.connection());
    QVERIFY(
        raw.ok(QStringLiteral("ALTER TABLE registrations ADD CONSTRAINT injected_fault CHECK (user_id <> %1) NOT VALID")
                   .arg(users[2].id)));
    QCOMPARE(service.commitQueue(sample::pin).error, ServiceError::StoreFailure);
    QCOMPARE(service.users().value()[0].currentSerial, sample::suzukiCard);
    QCOMPARE(service.queue().size(), 2);
    QVERIFY(raw.ok(QStringLiteral("ALTER TABLE registrations DROP CONSTRAINT injected_fault")));
    QVERIFY(service.commitQueue(sample::pin).ok());
    QCOMPARE(service.users().value()[2].currentSerial, sample::spareCard1);
}

void TestStorePostgres::secretsAreSealedAndAuditIsChained()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    Store store(clock);
    QVERIFY(store.openPostgres(pg.connection(), pg.keyFile()));
    QString error;
    QVERIFY(ScenarioLoader::apply(store, manualScenario(), QStringLiteral("test"), &error));
    RawSql raw(pg.connection());
    QSqlQuery q = raw.exec(QStringLiteral("SELECT secret FROM tokens"));
    int rows = 0;
    for (; q.next(); ++rows)
        QVERIFY(!q.value(0).toByteArray().contains("training-seed"));
    QCOMPARE(rows, 8);
    QSqlQuery pins = raw.exec(QStringLiteral("SELECT pin_hash FROM corporations"));
    QVERIFY(pins.next());
    QVERIFY(pins.value(0).toString().startsWith(QStringLiteral("scrypt$")));
    QVERIFY(store.auditLog().verify().ok);
    QVERIFY(raw.ok(QStringLiteral("UPDATE audit_log SET details = 'edited'")));
    QCOMPARE(store.auditLog().verify().firstBadId, 1);
}

void TestStorePostgres::refusesANewerSchema()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    {
        Store store(clock);
        QVERIFY(store.openPostgres(pg.connection(), pg.keyFile()));
        RawSql raw(pg.connection());
        QVERIFY(raw.ok(QStringLiteral(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')")));
    }
    Store again(clock);
    QVERIFY(!again.openPostgres(pg.connection(), pg.keyFile()));
    QCOMPARE(again.errorCode(), StoreErrorCode::NewerSchema);
    Store noKey(clock);
    QVERIFY(!noKey.openPostgres(pg.connection(), QString()));
    QCOMPARE(noKey.errorCode(), StoreErrorCode::KeyFile);
}

void TestStorePostgres::rotateKeyOnTheSharedStore()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    {
        Store store(clock);
        QVERIFY(openWithManual(store, pg));
        int tokens = 0;
        QVERIFY2(store.rotateKey(pg.keyFile(), QStringLiteral("test"), &tokens), qPrintable(store.errorMessage()));
        QCOMPARE(tokens, manualScenario().tokens.size());
    }
    Store again(clock);
    QVERIFY2(again.openPostgres(pg.connection(), pg.keyFile()), qPrintable(again.errorMessage()));
    QVERIFY(again.auditLog().verify().ok);
    QVERIFY(CorporationTable::tampered(again).isEmpty());
    QVERIFY(TokenTable::tampered(again).isEmpty());
    QVERIFY(again.isTrainingStore());
    const auto token = TokenTable::find(again, sample::spareCard2);
    QVERIFY(token);
    QCOMPARE(again.openSecret(token->sealedSecret, token->serial).value_or(QByteArray()),
        QByteArrayLiteral("training-seed-0000000012"));
}

void TestStorePostgres::corporationSearchAndAuditFilter()
{
    PgDatabase pg;
    FixedClock clock(kManualEpoch * 1000);
    Store store(clock);
    QVERIFY(openWithManual(store, pg));
    QCOMPARE(CorporationTable::search(store, QStringLiteral("サンプル"), 10).size(), 1);
    QCOMPARE(CorporationTable::search(store, sample::corporationCode, 10).size(), 1);
    QCOMPARE(CorporationTable::search(store, QStringLiteral("00000"), 10).size(), 0);
    // Pattern characters are text, and the names have their trigram index (schema 7).
    QCOMPARE(CorporationTable::search(store, QStringLiteral("%"), 10).size(), 0);
    QCOMPARE(CorporationTable::search(store, QStringLiteral("_"), 10).size(), 0);
    QCOMPARE(CorporationTable::search(store, QStringLiteral("サ%ル"), 10).size(), 0);
    RawSql raw(pg.connection());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'corporations_name_trgm'"))
                 .toInt(),
        1);
    AuditFilter filter;
    filter.action = QStringLiteral("scenario.");
    QCOMPARE(store.auditLog().search(filter).size(), 1);
    filter.action.clear();
    const QDate day = QDateTime::fromSecsSinceEpoch(kManualEpoch).toLocalTime().date();
    filter.from = day;
    filter.to = day;
    QCOMPARE(store.auditLog().search(filter).size(), store.auditLog().entries().size());
    filter.from = day.addDays(1);
    filter.to = QDate();
    QCOMPARE(store.auditLog().search(filter).size(), 0);
}

void TestStorePostgres::aRoleThatMayNotCreateTheExtensionStillGetsAStore()
{
    // A console role that owns nothing: it may create tables in the schema, but not extensions.
    PgDatabase pg;
    const QString role = QStringLiteral("ht_limited_") + pg.name.right(8);
    QVERIFY(pg.admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role)));
    {
        RawSql owner(pg.connection());
        QVERIFY(owner.ok(QStringLiteral("GRANT USAGE, CREATE ON SCHEMA public TO %1").arg(role)));
    }
    QString connection = pg.connection();
    connection.replace(QRegularExpression(QStringLiteral("user=\\S+")), QStringLiteral("user=") + role);
    FixedClock clock(kManualEpoch * 1000);
    {
        Store store(clock);
        QVERIFY2(store.openPostgres(connection, pg.keyFile()), qPrintable(store.errorMessage()));
        QCOMPARE(store.schemaVersion(), Store::SchemaVersion);
        QString error;
        QVERIFY2(ScenarioLoader::apply(store, manualScenario(), QStringLiteral("test"), &error), qPrintable(error));
        QCOMPARE(CorporationTable::search(store, QStringLiteral("サンプル"), 10).size(), 1); // without the index
    }
    RawSql raw(pg.connection());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'corporations_name_trgm'"))
                 .toInt(),
        0);
    QVERIFY(raw.ok(QStringLiteral("DROP OWNED BY %1").arg(role)));
    QVERIFY(raw.ok(QStringLiteral("DROP ROLE %1").arg(role)));
}

QTEST_GUILESS_MAIN(TestStorePostgres)
#include "tst_store_postgres.moc"
