// A branch network's day on one PostgreSQL store (a benchmark, not a test): 50 desk processes
// registering at a person's pace (one registration every few seconds each) and 5 at full speed,
// released together, each desk serving a corporation of its own (as branches serve different
// customers: one corporation's 契約法人確認暗証番号 is never checked at more than its limit of desks
// at once — the sixth is asked to try again, by design). Each desk times its own 次へ (RegistrationService::enqueue)
// and OK (commitQueue); the table gives p50 and p99 of both next to the same acts of one desk alone, measured in the
// same run, and the connections the store held at the busiest moment.
//
//   hardtoken-bench-desks [--paced 50] [--fast 5] [--seconds 20] [--pace-ms 3000]
//   (HARDTOKEN_PG: the server, as for the tests)
#include "TestSupport.h"
#include "core/Clock.h"
#include "core/Otp.h"
#include "desk/RegistrationService.h"
#include "inventory/Scenario.h"
#include "store/CorporationTable.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

using namespace hardtoken;

namespace {

constexpr int kUsersPerDesk = 2;

QString serialOf(int i)
{
    return QStringLiteral("%1").arg(6000000000LL + i);
}

QString corporationOf(int desk)
{
    return QStringLiteral("%1").arg(2000000000LL + desk);
}

QByteArray secretOf(int i)
{
    return QByteArrayLiteral("desk-seed-") + serialOf(i).toLatin1();
}

Scenario branchScenario(int desks)
{
    Scenario s = test::manualScenario();
    s.id = QStringLiteral("desks");
    s.users.clear();
    s.tokens.clear();
    for (int i = 0; i < desks * kUsersPerDesk; ++i) {
        s.users.append({ QStringLiteral("利用者 %1").arg(i, 4, 10, QLatin1Char('0')) });
        Scenario::Token t;
        t.serial = serialOf(i);
        t.secret = secretOf(i);
        s.tokens.append(t);
    }
    return s;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5))];
}

// One desk: registers its users again and again (a 30-second step later each round, so that every
// code is new), timing 次へ and OK; prints "next µs" / "ok µs" / "error message" lines, then "done".
int desk(const QStringList& a)
{
    const QString target = a.value(0);
    const QString key = a.value(1);
    const int index = a.value(2).toInt();
    const int seconds = a.value(3).toInt();
    const int paceMs = a.value(4).toInt();
    FixedClock clock(test::kManualEpoch * 1000);
    Store store(clock);
    QTextStream out(stdout);
    if (!store.openPostgres(target, key)) {
        out << "error " << store.errorMessage() << Qt::endl;
        return 1;
    }
    RegistrationService service(store);
    service.selectCorporation(corporationOf(index));
    QHash<int, qint64> userIds; // the desk's users by their number in the scenario
    for (const UserInfo& u : service.users().value_or(QList<UserInfo> {}))
        userIds.insert(u.name.section(QLatin1Char(' '), 1).toInt(), u.id);
    out << "ready" << Qt::endl;
    QTextStream in(stdin);
    in.readLine(); // "go": every desk starts at once
    QElapsedTimer run;
    run.start();
    OtpGenerator generator;
    QRandomGenerator rng(quint32(index + 1));
    while (run.elapsed() < seconds * 1000) {
        clock.advanceSecs(30);
        for (int k = 0; k < kUsersPerDesk; ++k) {
            const int u = index * kUsersPerDesk + k;
            QElapsedTimer t;
            t.start();
            const Outcome next
                = service.enqueue(userIds.value(u), serialOf(u), generator.totp(secretOf(u), clock.nowSecs()));
            out << "next " << t.nsecsElapsed() / 1000 << '\n';
            if (!next.ok()) {
                out << "error " << int(next.error) << ' ' << next.message << '\n';
                continue;
            }
            t.restart();
            const Outcome ok = service.commitQueue(QStringLiteral("train1234"));
            out << "ok " << t.nsecsElapsed() / 1000 << '\n';
            if (!ok.ok())
                out << "error " << int(ok.error) << ' ' << ok.message << '\n';
            service.discardPending();
            out.flush();
            if (paceMs > 0)
                QThread::msleep(paceMs / 2 + rng.bounded(paceMs));
        }
    }
    out << "done" << Qt::endl;
    return 0;
}

struct Times {
    QList<double> next, ok;
    int errors = 0;
    QString firstError;
};

void collect(QProcess* p, Times* into)
{
    const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
    for (const QByteArray& l : lines) {
        if (l.startsWith("next "))
            into->next.append(l.mid(5).toDouble() / 1000);
        else if (l.startsWith("ok "))
            into->ok.append(l.mid(3).toDouble() / 1000);
        else if (l.startsWith("error ")) {
            ++into->errors;
            if (into->firstError.isEmpty())
                into->firstError = QString::fromUtf8(l);
        }
    }
}

// Starts `count` desks (indexes from `first`), releases them together and waits for them.
Times runDesks(const QString& target, const QString& key, int first, int count, int seconds, int paceMs,
    const std::function<void()>& whileRunning = {})
{
    QList<QProcess*> desks;
    for (int i = 0; i < count; ++i) {
        auto* p = new QProcess;
        p->start(QCoreApplication::applicationFilePath(),
            { QStringLiteral("--desk"), target, key, QString::number(first + i), QString::number(seconds),
                QString::number(paceMs) });
        desks << p;
    }
    for (QProcess* p : std::as_const(desks)) {
        while (!p->canReadLine() && p->waitForReadyRead(60000)) { }
        p->readLine();
    }
    for (QProcess* p : std::as_const(desks))
        p->write("go\n");
    for (QProcess* p : std::as_const(desks))
        p->waitForBytesWritten(1000);
    if (whileRunning)
        whileRunning();
    Times times;
    for (QProcess* p : std::as_const(desks)) {
        p->waitForFinished((seconds + 120) * 1000);
        collect(p, &times);
        delete p;
    }
    return times;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--desk"))
        return desk(args.mid(2));
    const auto option = [&](const char* name, int fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i > 0 ? args.value(i + 1).toInt() : fallback;
    };
    const int paced = option("--paced", 50);
    const int fast = option("--fast", 5);
    const int seconds = option("--seconds", 20);
    const int paceMs = option("--pace-ms", 3000);
    QTextStream out(stdout);
    if (qEnvironmentVariableIsEmpty("HARDTOKEN_PG")) {
        out << "HARDTOKEN_PG is not set: the desks need a PostgreSQL server" << Qt::endl;
        return 2;
    }
    test::PgDatabase pg;
    FixedClock clock(test::kManualEpoch * 1000);
    {
        Store store(clock);
        QString error;
        if (!store.openPostgres(pg.connection(), pg.keyFile())
            || !ScenarioLoader::apply(store, branchScenario(paced + fast + 1), QStringLiteral("desks"), &error)) {
            out << "cannot prepare the store: " << store.errorMessage() << error << Qt::endl;
            return 1;
        }
        // A corporation of its own for each desk (the same PIN), with that desk's users.
        const qint64 first = CorporationTable::firstId(store);
        const QString pinHash = CorporationTable::pinHash(store, first);
        CorporationState state;
        state.mode = UsageMode::Individual;
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("setup"));
        raw.setConnectOptions(pg.connection());
        raw.open();
        for (int d = 0; d < paced + fast + 1; ++d) {
            qint64 id = 0;
            store.transaction([&] {
                id = CorporationTable::insert(
                    store, corporationOf(d), QStringLiteral("支店の顧客 %1").arg(d), pinHash, state);
                return id != 0;
            });
            QSqlQuery move(raw);
            move.prepare(
                QStringLiteral("UPDATE users SET corporation_id = ? WHERE corporation_id = ? AND name IN (?, ?)"));
            move.addBindValue(id);
            move.addBindValue(first);
            move.addBindValue(QStringLiteral("利用者 %1").arg(d * kUsersPerDesk, 4, 10, QLatin1Char('0')));
            move.addBindValue(QStringLiteral("利用者 %1").arg(d * kUsersPerDesk + 1, 4, 10, QLatin1Char('0')));
            move.exec();
        }
        raw.close();
    }
    // Baseline: one desk alone on the same store, at full speed.
    const Times alone = runDesks(pg.connection(), pg.keyFile(), paced + fast, 1, qMax(5, seconds / 4), 0);
    // The branch network: paced desks and fast desks at once; the store's connections sampled.
    int busiest = 0;
    Times pacedTimes;
    Times fastTimes;
    {
        std::atomic<bool> stop { false };
        std::thread watch([&] {
            while (!stop) {
                const QString name = QStringLiteral("sampler");
                {
                    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                    c.setConnectOptions(pg.connection());
                    if (c.open()) {
                        QSqlQuery q(c);
                        while (!stop
                            && q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE"
                                                     " application_name = 'hardtoken-console'"))
                            && q.next()) {
                            busiest = qMax(busiest, q.value(0).toInt());
                            QThread::msleep(200);
                        }
                    }
                    c.close();
                }
                QSqlDatabase::removeDatabase(name);
            }
        });
        std::thread fastRun([&] { fastTimes = runDesks(pg.connection(), pg.keyFile(), paced, fast, seconds, 0); });
        pacedTimes = runDesks(pg.connection(), pg.keyFile(), 0, paced, seconds, paceMs);
        fastRun.join();
        stop = true;
        watch.join();
    }
    out << "measure\tp50 ms\tp99 ms\tacts\tbaseline (one desk alone) p50 ms\tp99 ms\terrors" << Qt::endl;
    const auto line = [&](const QString& what, const QList<double>& v, const QList<double>& base, int errors) {
        out << what << '\t' << QString::number(percentile(v, 0.5), 'f', 2) << '\t'
            << QString::number(percentile(v, 0.99), 'f', 2) << '\t' << v.size() << '\t'
            << QString::number(percentile(base, 0.5), 'f', 2) << '\t' << QString::number(percentile(base, 0.99), 'f', 2)
            << '\t' << errors << Qt::endl;
    };
    line(
        QStringLiteral("次へ, %1 desks at a person's pace").arg(paced), pacedTimes.next, alone.next, pacedTimes.errors);
    line(QStringLiteral("OK, %1 desks at a person's pace").arg(paced), pacedTimes.ok, alone.ok, pacedTimes.errors);
    line(QStringLiteral("次へ, %1 desks at full speed").arg(fast), fastTimes.next, alone.next, fastTimes.errors);
    line(QStringLiteral("OK, %1 desks at full speed").arg(fast), fastTimes.ok, alone.ok, fastTimes.errors);
    out << "connections held by desks at the busiest moment\t" << busiest << "\t\t\t\t\t" << Qt::endl;
    if (!pacedTimes.firstError.isEmpty() || !fastTimes.firstError.isEmpty())
        out << "first error: " << pacedTimes.firstError << fastTimes.firstError << Qt::endl;
    return pacedTimes.errors + fastTimes.errors + alone.errors == 0 ? 0 : 1;
}
