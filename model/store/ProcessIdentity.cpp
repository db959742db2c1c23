#include "store/ProcessIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace hardtoken::process {

namespace {

// The start time of process `pid`, or an empty string when it does not exist (or cannot be read).
QString startTimeOf(qint64 pid)
{
#if defined(Q_OS_WIN)
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!h)
        return {};
    FILETIME created {}, exited {}, kernel {}, user {};
    DWORD code = 0;
    const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    const bool ok = GetProcessTimes(h, &created, &exited, &kernel, &user);
    CloseHandle(h);
    if (!ok || !running)
        return {};
    return QString::number((static_cast<quint64>(created.dwHighDateTime) << 32) | created.dwLowDateTime);
#elif defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // Field 22 of the whole line (starttime) is the 20th after the command name; a zombie
    // (state Z) has died already.
    if (fields.size() < 20 || fields[0] == "Z")
        return {};
    return QString::fromLatin1(fields[19]);
#else
    // Elsewhere: the pid alone (a reused pid keeps an attempt counted: it fails closed).
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        return {};
    return QStringLiteral("0");
#endif
}

} // namespace

QString selfTag()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("%1:%2").arg(pid).arg(startTimeOf(pid));
}

bool isAlive(const QString& tag)
{
    const QStringList parts = tag.split(QLatin1Char(':'));
    bool ok = false;
    const qint64 pid = parts.value(0).toLongLong(&ok);
    if (parts.size() != 2 || !ok || pid <= 0)
        return true;
    const QString start = startTimeOf(pid);
    return !start.isEmpty() && start == parts[1];
}

} // namespace hardtoken::process
