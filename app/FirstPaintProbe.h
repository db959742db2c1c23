#pragma once

// Start-up measurement for the benchmarks: with HARDTOKEN_EXIT_AFTER_FIRST_PAINT set, the program
// quits as soon as its window has painted once, after printing "peak-rss-kib <peak resident
// set>" on standard error and, when the launcher gave its launch time (HARDTOKEN_LAUNCH_NS, the
// monotonic clock in ns, which every process shares), "first-paint-ms <launch to the frame drawn>":
// start to first paint without the exit (whose cost, e.g. a worker thread joined, is not what a
// person waits for). With the value
// "registration", it first goes on to the screen `then` opens (the console: 利用登録入力, with the
// 利用者の選択 table of the whole corporation) and quits when that has painted: the peak with the
// largest table on screen. Unset, it does nothing.
#include "AfterFirstPaint.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QWidget>

#include <cstdio>
#include <functional>

#ifdef Q_OS_LINUX
#include <QFile>
#endif

namespace hardtoken {

class FirstPaintProbe final {
public:
    static void watch(QWidget* window, std::function<void()> then = {})
    {
        if (qEnvironmentVariableIsEmpty("HARDTOKEN_EXIT_AFTER_FIRST_PAINT"))
            return;
        // First in the window's after-first-paint queue: the stamp is the frame's, not the work
        // queued behind it.
        if (qEnvironmentVariable("HARDTOKEN_EXIT_AFTER_FIRST_PAINT") != QLatin1String("registration") || !then) {
            AfterFirstPaint::runFirst(window, &stampAndExit);
            return;
        }
        // The first screen painted: on to the next one, and stamp when it has painted (a job given
        // after a paint waits for the window's next one).
        AfterFirstPaint::runFirst(window, [window, then = std::move(then)] {
            then();
            AfterFirstPaint::runFirst(window, &stampAndExit);
            window->update();
        });
    }

private:
    static void stampAndExit()
    {
        const qint64 launched = qEnvironmentVariable("HARDTOKEN_LAUNCH_NS").toLongLong();
        if (launched > 0) {
            std::fprintf(
                stderr, "first-paint-ms %.3f\n", double(QDeadlineTimer::current().deadlineNSecs() - launched) / 1e6);
        }
        std::fprintf(stderr, "peak-rss-kib %ld\n", peakRssKib());
        QCoreApplication::exit(0);
    }

    static long peakRssKib()
    {
#ifdef Q_OS_LINUX
        // VmHWM, not getrusage(): ru_maxrss survives execve and would report the launcher's peak.
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    return line.mid(6).trimmed().split(' ').value(0).toLong();
            }
        }
#endif
        return 0;
    }
};

} // namespace hardtoken
