#pragma once

// Start-up measurement for the benchmarks: with HARDTOKEN_EXIT_AFTER_FIRST_PAINT set, the program
// quits as soon as its window has painted once, after printing "peak-rss-kib <peak resident
// set>" on standard error (the benchmark times start to exit from outside). Unset, it does nothing.
#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <QFile>
#endif

namespace hardtoken {

class FirstPaintProbe final : public QObject {
public:
    static void watch(QWidget* window)
    {
        if (qEnvironmentVariableIsEmpty("HARDTOKEN_EXIT_AFTER_FIRST_PAINT"))
            return;
        window->installEventFilter(new FirstPaintProbe(window));
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // After this paint event is delivered: the frame is drawn.
            QTimer::singleShot(0, watched, [] {
                std::fprintf(stderr, "peak-rss-kib %ld\n", peakRssKib());
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    explicit FirstPaintProbe(QObject* parent)
        : QObject(parent)
    {
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
};

} // namespace hardtoken
