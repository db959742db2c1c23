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
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <functional>

#ifdef Q_OS_LINUX
#include <QFile>
#endif

namespace hardtoken {

class FirstPaintProbe final : public QObject {
public:
    static void watch(QWidget* window, std::function<void()> then = {})
    {
        if (qEnvironmentVariableIsEmpty("HARDTOKEN_EXIT_AFTER_FIRST_PAINT"))
            return;
        if (qEnvironmentVariable("HARDTOKEN_EXIT_AFTER_FIRST_PAINT") != QLatin1String("registration")) {
            // First in the window's after-first-paint queue: the stamp is the frame's, not the
            // work queued behind it.
            AfterFirstPaint::runFirst(window, &stampAndExit);
            return;
        }
        auto* probe = new FirstPaintProbe(window);
        probe->m_then = std::move(then);
        window->installEventFilter(probe);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_then) {
            // The first screen painted: on to the next one, and wait for its paint.
            QTimer::singleShot(0, watched, [this] {
                std::exchange(m_then, {})();
                qobject_cast<QWidget*>(parent())->update();
            });
            return QObject::eventFilter(watched, event);
        }
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // After this paint event is delivered: the frame is drawn.
            QTimer::singleShot(0, watched, &stampAndExit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    explicit FirstPaintProbe(QObject* parent)
        : QObject(parent)
    {
    }

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

    bool m_done = false;
    std::function<void()> m_then;
};

} // namespace hardtoken
