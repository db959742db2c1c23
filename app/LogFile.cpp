#include "LogFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QStandardPaths>

#include <cstdio>

namespace hardtoken {

namespace {

QString g_path;
QMutex g_mutex;
QtMessageHandler g_previous = nullptr;

void rotate()
{
    for (int i = LogFile::KeptFiles - 1; i >= 1; --i) {
        const QString from = g_path + QLatin1Char('.') + QString::number(i);
        const QString to = g_path + QLatin1Char('.') + QString::number(i + 1);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    QFile::remove(g_path + QStringLiteral(".1"));
    QFile::rename(g_path, g_path + QStringLiteral(".1"));
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const char* const kinds[] = { "debug", "warning", "critical", "fatal", "info" };
    const QString line = QStringLiteral("%1 %2 %3\n")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                 QLatin1String(kinds[qBound(0, int(type), 4)]), message);
    {
        const QMutexLocker lock(&g_mutex);
        QFile file(g_path);
        if (file.size() > LogFile::MaxBytes)
            rotate();
        if (file.open(QIODevice::Append | QIODevice::Text))
            file.write(line.toUtf8());
    }
    if (g_previous)
        g_previous(type, context, message);
    else
        std::fputs(qPrintable(qFormatLogMessage(type, context, message) + QLatin1Char('\n')), stderr);
}

} // namespace

void LogFile::install(const QString& dir)
{
    const QString folder = dir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs")
        : dir;
    if (!QDir().mkpath(folder))
        return;
    g_path = QDir(folder).filePath(QStringLiteral("hardtoken-console.log"));
    g_previous = qInstallMessageHandler(handler);
}

QString LogFile::path()
{
    return g_path;
}

} // namespace hardtoken
