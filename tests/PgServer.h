#pragma once
// A throwaway PostgreSQL server of the test's own, on a Unix socket in a temporary folder: the
// faults a branch meets are caused for real on it (restart, stop, SIGSTOP, SIGKILL, a standby
// promoted). Run as the `postgres` user when the test runs as root (the server refuses root).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace hardtoken::test {

class PgServer {
public:
    // The newest installed server's bin folder, or empty.
    static QString binDir()
    {
        QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(
            versions.begin(), versions.end(), [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
            if (QFile::exists(bin + QStringLiteral("/pg_ctl")))
                return bin;
        }
        return {};
    }

    explicit PgServer(int port)
        : m_port(port)
    {
        m_dir.setAutoRemove(true);
        if (::geteuid() == 0)
            run(QStringLiteral("chown"), { QStringLiteral("postgres"), m_dir.path() }, false);
    }
    ~PgServer()
    {
        resume();
        stop(QStringLiteral("immediate"));
    }
    Q_DISABLE_COPY_MOVE(PgServer)

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString socketDir() const { return m_dir.path(); }
    int port() const { return m_port; }
    // libpq's connection string of this server, without dbname.
    QString server() const { return QStringLiteral("host=%1 port=%2 user=postgres").arg(socketDir()).arg(m_port); }
    QString log() const
    {
        QFile f(m_dir.filePath(QStringLiteral("server.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
    }

    bool init(const QStringList& settings = {})
    {
        if (!pg(QStringLiteral("initdb"),
                { QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                    QStringLiteral("postgres") }))
            return false;
        return appendSettings(settings);
    }
    // A streaming standby of `primary` (pg_basebackup -R), not started.
    bool initStandbyOf(const PgServer& primary, const QStringList& settings = {})
    {
        return pg(QStringLiteral("pg_basebackup"),
                   { QStringLiteral("-D"), dataDir(), QStringLiteral("-R"), QStringLiteral("-h"), primary.socketDir(),
                       QStringLiteral("-p"), QString::number(primary.port()), QStringLiteral("-U"),
                       QStringLiteral("postgres"), QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"),
                       QStringLiteral("fast") })
            && appendSettings(settings);
    }
    bool appendSettings(const QStringList& settings)
    {
        QFile conf(dataDir() + QStringLiteral("/postgresql.auto.conf"));
        if (!conf.open(QIODevice::Append))
            return false;
        for (const QString& s : settings)
            conf.write(s.toUtf8() + '\n');
        return true;
    }
    bool start()
    {
        return pg(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), dataDir(), QStringLiteral("-o"),
                QStringLiteral("-k %1 -p %2 -c listen_addresses=''").arg(socketDir()).arg(m_port), QStringLiteral("-l"),
                m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("start") });
    }
    bool stop(const QString& mode = QStringLiteral("fast"))
    {
        return pg(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), mode, QStringLiteral("-w"),
                QStringLiteral("stop") },
            false);
    }
    bool restart()
    {
        return pg(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-o"),
                QStringLiteral("-k %1 -p %2 -c listen_addresses=''").arg(socketDir()).arg(m_port), QStringLiteral("-l"),
                m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("restart") });
    }
    bool promote()
    {
        return pg(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("promote") });
    }
    // The postmaster's pid (from postmaster.pid), or 0.
    pid_t postmasterPid() const
    {
        QFile f(dataDir() + QStringLiteral("/postmaster.pid"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return static_cast<pid_t>(QString::fromLatin1(f.readLine()).trimmed().toLongLong());
    }
    // Every process of the server: the postmaster and its children.
    QList<pid_t> processes() const
    {
        const pid_t master = postmasterPid();
        QList<pid_t> out;
        if (master <= 0)
            return out;
        out << master;
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString& e : entries) {
            bool ok = false;
            const pid_t pid = static_cast<pid_t>(e.toLongLong(&ok));
            if (!ok)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields[1].toLongLong() == master)
                out << pid;
        }
        return out;
    }
    // SIGSTOP to every process of the server: it hangs as a frozen VM would (SIGCONT: resume()).
    void freeze()
    {
        m_frozen = processes();
        for (pid_t p : std::as_const(m_frozen))
            ::kill(p, SIGSTOP);
    }
    void resume()
    {
        for (pid_t p : std::as_const(m_frozen))
            ::kill(p, SIGCONT);
        m_frozen.clear();
    }
    // SIGKILL to the postmaster and its children: the machine lost its power.
    void crash()
    {
        const QList<pid_t> all = processes();
        for (pid_t p : all)
            ::kill(p, SIGKILL);
        for (int i = 0; i < 100 && ::kill(all.value(0), 0) == 0; ++i)
            QThread::msleep(20);
    }

    // One statement on a connection of its own (dbname `db`); the first column of the first row.
    QVariant admin(const QString& sql, const QString& db = QStringLiteral("postgres")) const
    {
        const QString name = QStringLiteral("pgserver-") + QUuid::createUuid().toString(QUuid::Id128);
        QVariant value;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            c.setConnectOptions(server() + QStringLiteral(" dbname=") + db + QStringLiteral(" connect_timeout=5"));
            if (c.open()) {
                QSqlQuery q(c);
                // A query's first value (invalid with no row); true for a statement that went through.
                if (q.exec(sql))
                    value = q.next() ? q.value(0) : q.isSelect() ? QVariant() : QVariant(true);
                else
                    qWarning("admin: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            }
            c.close();
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }
    // Waits until `sql` answers true (or "t"), up to `ms`.
    bool waitFor(const QString& sql, int ms = 20000, const QString& db = QStringLiteral("postgres")) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            const QVariant v = admin(sql, db);
            if (v.toBool() || v.toString() == QLatin1String("t"))
                return true;
            QThread::msleep(50);
        }
        return false;
    }

private:
    bool pg(const QString& tool, const QStringList& args, bool warn = true) const
    {
        return run(binDir() + QLatin1Char('/') + tool, args, warn);
    }
    bool run(const QString& program, const QStringList& args, bool warn) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0 && !program.endsWith(QLatin1String("chown")))
            p.start(QStringLiteral("runuser"),
                QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program } + args);
        else
            p.start(program, args);
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok && warn)
            qWarning("%s: %s", qPrintable(program), p.readAll().constData());
        return ok;
    }

    int m_port;
    QTemporaryDir m_dir { QDir::tempPath() + QStringLiteral("/hardtoken-pgtest-XXXXXX") };
    QList<pid_t> m_frozen;
};

} // namespace hardtoken::test
