#pragma once
// Several desktops on one shared store (tst_concurrency, tst_storefaults): the race scenario, the
// store under test on SQLite or PostgreSQL, and worker processes (concurrency_worker.cpp) that the
// tests release together.
#include "TestSupport.h"

#include "store/ServerBoundary.h"

#include <QUuid>

#include <QProcess>

#include <map>

namespace hardtoken::test {

inline constexpr int kUsers = 60;
inline constexpr int kWorkers = 8;

inline QString serialOf(int i)
{
    return QStringLiteral("%1").arg(5000000000LL + i);
}

// A corporation in individual mode with kUsers users and as many free TOTP tokens whose secrets the
// workers know ("race-seed-" + serial).
inline Scenario raceScenario()
{
    Scenario s = manualScenario();
    s.id = QStringLiteral("race");
    s.users.clear();
    s.tokens.clear();
    for (int i = 0; i < kUsers; ++i) {
        s.users.append({ QStringLiteral("利用者 %1").arg(i, 2, 10, QLatin1Char('0')) });
        Scenario::Token t;
        t.serial = serialOf(i);
        t.secret = QByteArrayLiteral("race-seed-") + t.serial.toLatin1();
        s.tokens.append(t);
    }
    return s;
}

using Counts = std::map<QString, int>;

inline Counts parse(const QString& line)
{
    Counts c;
    for (const QString& part : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        if (key != QLatin1String("msg") && key != QLatin1String("t0") && key != QLatin1String("t1"))
            c[key] = part.section(QLatin1Char('='), 1).toInt();
    }
    return c;
}

inline QString describe(const Counts& c)
{
    QStringList parts;
    for (const auto& [k, v] : c) {
        if (v)
            parts << QStringLiteral("%1 %2").arg(k).arg(v);
    }
    return parts.join(QStringLiteral(", "));
}

// The shared store of one test, on the engine it names, loaded with raceScenario().
struct SharedStore {
    QString engine;
    QTemporaryDir dir;
    // "pg-server": the desks' role, dropped after the database (declared before `pg`).
    struct RoleDrop {
        QString server;
        QString role;
        ~RoleDrop()
        {
            if (!role.isEmpty())
                PgDatabase::adminOn(server, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        }
    } roleDrop;
    std::unique_ptr<PgDatabase> pg;
    QString target;
    QString key;
    // What the workers open: the store itself, or ("pg-server") the desks' role on it, no key.
    QString workerTarget;
    FixedClock clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> store;
    std::unique_ptr<RegistrationService> service;

    // `engine`: "sqlite", "pg" (every desk runs the console's rules, with the data key) or
    // "pg-server" (the store ruled by the server: the desks call its functions as the desk role).
    // `pgServer`: the server's connection string without dbname (HARDTOKEN_PG's when empty).
    explicit SharedStore(const QString& e, const QString& pgServer = {}, const Scenario& scenario = raceScenario())
        : engine(e)
    {
        if (engine.startsWith(QLatin1String("pg"))) {
            pg = pgServer.isEmpty() ? std::make_unique<PgDatabase>() : std::make_unique<PgDatabase>(pgServer);
            target = pg->connection();
            key = pg->keyFile();
        } else {
            target = dir.filePath(QStringLiteral("shared.sqlite"));
            key = target + QStringLiteral(".key");
        }
        workerTarget = target;
        reopen();
        QString error;
        if (!ScenarioLoader::apply(*store, scenario, QStringLiteral("race"), &error))
            qFatal("%s", qPrintable(error));
        service->selectCorporation();
        if (engine == QLatin1String("pg-server")) {
            roleDrop = { pg->server, QStringLiteral("ht_desk_") + QUuid::createUuid().toString(QUuid::Id128).left(12) };
            if (!ServerBoundary::init(*store, roleDrop.role))
                qFatal("server init: %s", qPrintable(store->errorMessage()));
            workerTarget = target + QStringLiteral(" user=") + roleDrop.role;
        }
    }
    void reopen()
    {
        service.reset();
        store = std::make_unique<Store>(clock);
        const bool ok = engine.startsWith(QLatin1String("pg")) ? store->openPostgres(target, key)
                                                               : store->openSqlite(target, key);
        if (!ok)
            qFatal("%s", qPrintable(store->errorMessage()));
        service = std::make_unique<RegistrationService>(*store);
        service->selectCorporation();
    }
    std::unique_ptr<RawSql> raw() const { return std::make_unique<RawSql>(target); }
    int auditCount(const QString& action, const QString& detailsContain = {}) const
    {
        int n = 0;
        for (const AuditEntry& e : store->auditLog().entries())
            n += e.action == action && e.details.contains(detailsContain);
        return n;
    }
};

// Worker processes over one shared store; send() writes one command to every worker in a tight
// loop (released together) and collects one answer line from each.
class Workers {
public:
    Workers(const SharedStore& s, int count)
    {
        for (int i = 0; i < count; ++i) {
            auto* p = new QProcess;
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QStringLiteral(HARDTOKEN_WORKER),
                { s.engine, s.workerTarget, s.key, QString::number(s.clock.nowSecs()) });
            m_processes.append(p);
        }
        for (QProcess* p : std::as_const(m_processes)) {
            const QString first = readLine(p);
            if (first != QLatin1String("ready"))
                qFatal("worker did not start: %s", qPrintable(first));
        }
    }
    ~Workers()
    {
        for (QProcess* p : std::as_const(m_processes)) {
            p->write("quit\n");
            p->closeWriteChannel();
            if (!p->waitForFinished(10000))
                p->kill();
            delete p;
        }
    }
    Q_DISABLE_COPY_MOVE(Workers)

    // command[i] to worker i (one command for all when a single one is given); `lastFirst` writes
    // to the workers in reverse order, so that neither side of a race always starts ahead.
    QList<Counts> send(const QStringList& commands, bool lastFirst = false)
    {
        for (int k = 0; k < m_processes.size(); ++k) {
            const int i = lastFirst ? int(m_processes.size()) - 1 - k : k;
            m_processes[i]->write((commands.size() == 1 ? commands[0] : commands[i]).toUtf8() + '\n');
        }
        // QProcess buffers writes until its event loop runs: flush every pipe now, one right after
        // the other, or the workers would be released one by one as their answers are awaited.
        for (int k = 0; k < m_processes.size(); ++k)
            m_processes[lastFirst ? int(m_processes.size()) - 1 - k : k]->waitForBytesWritten(1000);
        QList<Counts> answers;
        QList<QPair<qint64, qint64>> acted;
        for (QProcess* p : std::as_const(m_processes)) {
            const QString line = readLine(p);
            acted.append({ line.section(QStringLiteral("t0="), 1).section(QLatin1Char(' '), 0, 0).toLongLong(),
                line.section(QStringLiteral("t1="), 1).section(QLatin1Char(' '), 0, 0).toLongLong() });
            if (line.startsWith(QLatin1String("error")) || line.contains(QLatin1String("other=1")))
                qWarning("worker: %s", qPrintable(line));
            answers.append(parse(line));
        }
        m_maxOverlap = qMax(m_maxOverlap, overlapping(acted));
        return answers;
    }
    // The most workers that were acting at one same instant, over every send() so far: a test of
    // several desktops asserts at least 2 (run one after another, they would prove nothing).
    int maxOverlap() const { return m_maxOverlap; }
    static int overlapping(const QList<QPair<qint64, qint64>>& intervals)
    {
        int most = 0;
        for (const auto& [from, to] : intervals) {
            int at = 0; // intervals that contain the instant `from`
            for (const auto& [f, t] : intervals)
                at += f <= from && from <= t;
            most = qMax(most, at);
        }
        return most;
    }
    static Counts total(const QList<Counts>& answers)
    {
        Counts sum;
        for (const Counts& c : answers) {
            for (const auto& [k, v] : c)
                sum[k] += v;
        }
        return sum;
    }

private:
    static QString readLine(QProcess* p)
    {
        while (!p->canReadLine()) {
            if (!p->waitForReadyRead(60000))
                return QStringLiteral("error: no answer");
        }
        return QString::fromUtf8(p->readLine()).trimmed();
    }
    QList<QProcess*> m_processes;
    int m_maxOverlap = 0;
};

} // namespace hardtoken::test
