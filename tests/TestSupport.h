#pragma once

#include "core/Clock.h"
#include "desk/RegistrationService.h"
#include "inventory/Scenario.h"
#include "store/AuditLog.h"
#include "store/Store.h"
#include "training/Exercise.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// A test that needs a service or a tool (a PostgreSQL server, python3-pskc, root for a mount):
// skipped on a developer's machine without it, FAILED under CI=true, where scripts/test provides
// everything — a skipped test is not a passed one.
#define HARDTOKEN_REQUIRE(condition, why)                                                                              \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                                   \
                QFAIL(why " (required under CI=true)");                                                                \
            QSKIP(why);                                                                                                \
        }                                                                                                              \
    } while (false)

namespace hardtoken::test {

// 2023-09-01 09:00:00 UTC: the month of the manual's edition; any fixed instant will do.
inline constexpr qint64 kManualEpoch = 1693558800;

inline QString sourcePath(const QString& relative)
{
    return QStringLiteral(HARDTOKEN_SOURCE_DIR "/") + relative;
}

// A bundled scenario by its path in the source tree, with fast hashing.
// The manual's training scenario (resources/scenarios/manual-ch9.json) by name: tests say which
// card they mean instead of typing its digits (tst_scenario checks these against the file).
namespace sample {
inline const QString corporationCode = QStringLiteral("0000012345");
inline const QString pin = QStringLiteral("train1234"); // 契約法人確認暗証番号
inline const QString staffLogin = QStringLiteral("helpdesk");
inline const QString staffCredential = QStringLiteral("Helpdesk2023");
inline const QString yamadaCard = QStringLiteral("0000000001"); // 山田 太郎's
inline const QString suzukiCard = QStringLiteral("0000000002"); // 鈴木 花子's
inline const QString tanakaCard = QStringLiteral("0000000003"); // 田中 次郎's
inline const QString spareCard1 = QStringLiteral("0000000011"); // the unregistered TOTP cards
inline const QString spareCard2 = QStringLiteral("0000000012");
inline const QString spareCard3 = QStringLiteral("0000000013");
inline const QString spareCard4 = QStringLiteral("0000000021");
inline const QString hotpCard = QStringLiteral("0000000031"); // the unregistered HOTP card
} // namespace sample

inline Scenario loadScenario(const QString& relative, int log2N = 10)
{
    QString error;
    auto s = ScenarioLoader::load(sourcePath(relative), &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    s->kdf.log2N = log2N; // fast hashing in tests; production parameters are tested in tst_crypto
    return *s;
}

inline Scenario manualScenario(int log2N = 10)
{
    return loadScenario(QStringLiteral("resources/scenarios/manual-ch9.json"), log2N);
}

// A bundled exercise by its id (resources/exercises/ID.json); a missing one ends the test run.
inline Exercise bundledExercise(const QString& id)
{
    QString error;
    const auto e = ExerciseLoader::load(QStringLiteral(":/exercises/%1.json").arg(id), &error);
    if (!e)
        qFatal("%s", qPrintable(error));
    return *e;
}

// host, port, user and dbname of a libpq-style connection string ("host=… port=… user=… dbname=…").
inline void configurePostgres(QSqlDatabase& db, const QString& connection)
{
    for (const QString& part : connection.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const QString value = part.section(QLatin1Char('='), 1);
        if (key == QLatin1String("host"))
            db.setHostName(value);
        else if (key == QLatin1String("port"))
            db.setPort(value.toInt());
        else if (key == QLatin1String("user"))
            db.setUserName(value);
        else if (key == QLatin1String("dbname"))
            db.setDatabaseName(value);
    }
}

// A second connection to a store's database, as someone with a SQL tool (or an attacker) has:
// tests read and tamper through it, never through the store's own operations. `target` is a
// SQLite file path, or a libpq-style connection ("host=… port=… user=… dbname=…") for PostgreSQL.
class RawSql {
public:
    explicit RawSql(const QString& target)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        const bool postgres = target.contains(QLatin1String("dbname="));
        QSqlDatabase db
            = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (postgres) {
            configurePostgres(db, target);
        } else {
            db.setDatabaseName(target);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!db.open())
            qFatal("raw connection: %s", qPrintable(db.lastError().text()));
    }
    ~RawSql()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawSql)

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    QSqlQuery exec(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        if (values.isEmpty()) {
            if (!q.exec(sql))
                qWarning("raw: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return q;
        }
        q.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        if (!q.exec())
            qWarning("raw: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q;
    }
    bool ok(const QString& sql, const QVariantList& values = {}) const { return exec(sql, values).isActive(); }
    QVariant scalar(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery q = exec(sql, values);
        return q.next() ? q.value(0) : QVariant();
    }

    // Every row of `tables`, as text, to compare "before" with "after"; `masked` columns are left out.
    QString dump(const QStringList& tables, const QStringList& masked = {}) const
    {
        QString out;
        for (const QString& table : tables) {
            QSqlQuery q = exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i) {
                    if (!masked.contains(q.record().fieldName(i)))
                        row << q.record().fieldName(i) + QLatin1Char('=') + q.value(i).toString();
                }
                out += table + QLatin1Char(':') + row.join(QLatin1Char('|')) + QLatin1Char('\n');
            }
        }
        return out;
    }

private:
    QString m_name;
};

// A database of its own for each test, dropped afterwards.
struct PgDatabase {
    QString server = qEnvironmentVariable("HARDTOKEN_PG");
    QString name = QStringLiteral("ht_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    QTemporaryDir dir;

    QString connection() const { return server + QStringLiteral(" dbname=") + name; }
    QString keyFile() const { return dir.filePath(QStringLiteral("shared.key")); }

    bool admin(const QString& sql) const { return adminOn(server, sql); }
    // A statement as the server's superuser, on its postgres database (roles, databases).
    static bool adminOn(const QString& server, const QString& sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
            configurePostgres(db, server + QStringLiteral(" dbname=postgres"));
            ok = db.open() && QSqlQuery(db).exec(sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return ok;
    }
    PgDatabase() { admin(QStringLiteral("CREATE DATABASE %1").arg(name)); }
    // On another server than HARDTOKEN_PG's (a throwaway one a test starts, stops and kills).
    explicit PgDatabase(const QString& onServer)
        : server(onServer)
    {
        admin(QStringLiteral("CREATE DATABASE %1").arg(name));
    }
    Q_DISABLE_COPY_MOVE(PgDatabase)
    ~PgDatabase() { admin(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name)); }
};

// A store in a temporary folder, loaded with a scenario, and a service over it.
// A fresh store with no corporation, as a branch's production store starts.
struct EmptyStore {
    QTemporaryDir dir;
    FixedClock clock { kManualEpoch * 1000 };
    Store store { clock };
    EmptyStore()
    {
        if (!store.openSqlite(dir.filePath(QStringLiteral("p.sqlite"))))
            qFatal("%s", qPrintable(store.errorMessage()));
    }
};

struct Fixture {
    QTemporaryDir dir;
    FixedClock clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> store;
    std::unique_ptr<RegistrationService> service;

    // The scenario loaded, and the file a reset reloads (the manual's unless told otherwise).
    Scenario scenario;
    QString scenarioSource;

    explicit Fixture(const Scenario& loaded = manualScenario(),
        const QString& source = sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json")))
        : scenario(loaded)
        , scenarioSource(source)
    {
        open();
        QString error;
        if (!ScenarioLoader::apply(*store, scenario, scenarioSource, &error))
            qFatal("%s", qPrintable(error));
        service->selectCorporation();
    }

    // A second connection to this fixture's database (see RawSql).
    std::unique_ptr<RawSql> raw() const { return std::make_unique<RawSql>(dbPath()); }

    QString dbPath() const { return dir.filePath(QStringLiteral("store.sqlite")); }

    // How long the store waits for another desktop's lock (set, then restart(), to test "busy").
    int busyTimeoutMs = 5000;

    void open()
    {
        service.reset();
        store = std::make_unique<Store>(clock);
        store->setBusyTimeout(busyTimeoutMs);
        if (!store->openSqlite(dbPath()))
            qFatal("%s", qPrintable(store->errorMessage()));
        service = std::make_unique<RegistrationService>(*store);
        service->selectCorporation();
    }

    // Closes and reopens the store, as a restart of the console would.
    void restart()
    {
        service.reset();
        store.reset();
        open();
    }

    // What the virtual card shows now for a token of the fixture's scenario.
    QString otpFor(const QString& serial, qint64 atSecs = -1) const
    {
        for (const auto& t : scenario.tokens) {
            if (t.serial != serial)
                continue;
            OtpGenerator g;
            if (t.params.kind == OtpKind::Hotp)
                return g.hotp(t.secret, t.counter, t.params.digits, t.params.algorithm);
            return g.totp(
                t.secret, atSecs >= 0 ? atSecs : clock.nowSecs(), t.params.period, t.params.digits, t.params.algorithm);
        }
        return {};
    }

    qint64 userId(const QString& name) const
    {
        for (const UserInfo& u : service->users().value_or(QList<UserInfo> {})) {
            if (u.name == name)
                return u.id;
        }
        return 0;
    }

    // 次へ for `user` with `serial` and the code that token's card shows now.
    Outcome enqueue(const QString& user, const QString& serial) const
    {
        return service->enqueue(userId(user), serial, otpFor(serial));
    }

    QString serialOf(const QString& name) const
    {
        for (const UserInfo& u : service->users().value_or(QList<UserInfo> {})) {
            if (u.name == name)
                return u.currentSerial;
        }
        return {};
    }

    // A wrong OTP that is certainly not accepted now (differs from every code in the window).
    QString wrongOtpFor(const QString& serial) const
    {
        QString candidate = QStringLiteral("000000");
        for (int i = 0; i < 1000000; i += 111111) {
            candidate = QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0'));
            bool clash = false;
            for (int d = -2; d <= 2; ++d)
                clash = clash || otpFor(serial, clock.nowSecs() + d * 30) == candidate;
            if (!clash)
                break;
        }
        return candidate;
    }
};

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace hardtoken::test
