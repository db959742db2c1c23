#pragma once

#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <utility>

namespace hardtoken {

// Runs `then` once, right after `window` has painted for the first time: work that must not
// delay what a person first sees (the store's whole-file check) starts when the window is up.
class AfterFirstPaint final : public QObject {
public:
    static void run(QWidget* window, std::function<void()> then)
    {
        window->installEventFilter(new AfterFirstPaint(window, std::move(then)));
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_then) {
            // After this paint event is delivered: the frame is drawn.
            QTimer::singleShot(0, watched, std::exchange(m_then, {}));
            watched->removeEventFilter(this);
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    AfterFirstPaint(QObject* parent, std::function<void()> then)
        : QObject(parent)
        , m_then(std::move(then))
    {
    }

    std::function<void()> m_then;
};

} // namespace hardtoken
