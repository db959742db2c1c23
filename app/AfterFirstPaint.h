#pragma once

#include <QEvent>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <utility>

namespace hardtoken {

// Work that must not delay what a person first sees (the store's whole-file check, the window
// icon), run once right after `window` has painted for the first time. A window has one queue: its
// jobs run in the order given, in one turn of the event loop after the frame is drawn, except those
// given with runFirst (the benchmarks' stamp of the frame), which run before them.
class AfterFirstPaint final : public QObject {
public:
    static void run(QWidget* window, std::function<void()> then) { of(window)->m_jobs.append(std::move(then)); }
    static void runFirst(QWidget* window, std::function<void()> then) { of(window)->m_jobs.prepend(std::move(then)); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            // Off the window at once: a job given from now on waits for the next first paint.
            setParent(nullptr);
            // After this paint event is delivered: the frame is drawn.
            QTimer::singleShot(0, watched, [jobs = std::exchange(m_jobs, {})] {
                for (const auto& job : jobs)
                    job();
            });
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    explicit AfterFirstPaint(QWidget* window)
        : QObject(window)
    {
        window->installEventFilter(this);
    }

    static AfterFirstPaint* of(QWidget* window)
    {
        // (Not findChild: a class without Q_OBJECT would match any child.)
        for (QObject* child : window->children()) {
            if (auto* queue = dynamic_cast<AfterFirstPaint*>(child))
                return queue;
        }
        return new AfterFirstPaint(window);
    }

    QList<std::function<void()>> m_jobs;
};

} // namespace hardtoken
