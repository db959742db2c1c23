#include "CoachOverlay.h"

#include "Accessibility.h"
#include "Highlight.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QPainter>

namespace hardtoken {

CoachOverlay::CoachOverlay(QWidget* window)
    : QWidget(window)
{
    installAccessibleInterfaces();
    setObjectName(QStringLiteral("coachOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setFocusPolicy(Qt::NoFocus);
    window->installEventFilter(this);
    follow();
    hide();
}

void CoachOverlay::setTargets(const QList<QWidget*>& targets)
{
    for (const QPointer<QObject>& o : std::as_const(m_watched)) {
        if (o && o != parent())
            o->removeEventFilter(this);
    }
    m_watched.clear();
    m_targets.clear();
    for (QWidget* t : targets) {
        if (!t)
            continue;
        m_targets.append(t);
        watch(t);
    }
    setVisible(!m_targets.isEmpty());
    follow();
}

QList<QWidget*> CoachOverlay::targets() const
{
    QList<QWidget*> out;
    for (const QPointer<QWidget>& t : m_targets) {
        if (t)
            out.append(t);
    }
    return out;
}

void CoachOverlay::watch(QWidget* target)
{
    // The target and every parent up to the window: a scroll moves the page, a screen switch hides
    // the scroll area, a layout moves the row.
    for (QWidget* w = target; w && w != parentWidget(); w = w->parentWidget()) {
        if (!m_watched.contains(w)) {
            w->installEventFilter(this);
            m_watched.append(w);
        }
    }
}

void CoachOverlay::follow()
{
    if (QWidget* window = parentWidget())
        setGeometry(window->rect());
    raise();
    update();
}

bool CoachOverlay::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
        if (watched == parent())
            follow();
        else
            update();
        break;
    case QEvent::ChildAdded:
        // A widget added to the window later (a dock, a page) must not cover the marks.
        if (watched == parent())
            raise();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

QRect CoachOverlay::visibleArea(QWidget* target) const
{
    for (QWidget* w = target->parentWidget(); w && w != parentWidget(); w = w->parentWidget()) {
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
            QWidget* viewport = area->viewport();
            return QRect(viewport->mapTo(parentWidget(), QPoint(0, 0)), viewport->size());
        }
    }
    return rect();
}

QList<QRectF> CoachOverlay::markRects() const
{
    QList<QRectF> out;
    for (const QPointer<QWidget>& t : m_targets) {
        if (!t || !t->isVisible() || t->window() != window())
            continue;
        const QRect r(t->mapTo(parentWidget(), QPoint(0, 0)), t->size());
        // A frame whose widget is scrolled out of sight is not drawn over the menu or the header.
        if (!visibleArea(t).intersects(r))
            continue;
        out.append(highlight::frame(r));
    }
    return out;
}

void CoachOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    for (const QPointer<QWidget>& t : m_targets) {
        if (!t || !t->isVisible())
            continue;
        const QRect r(t->mapTo(parentWidget(), QPoint(0, 0)), t->size());
        const QRect area = visibleArea(t).adjusted(-highlight::Outset - highlight::PenWidth,
            -highlight::Outset - highlight::PenWidth, highlight::Outset + highlight::PenWidth,
            highlight::Outset + highlight::PenWidth);
        if (!area.intersects(r))
            continue;
        painter.setClipRect(area);
        highlight::paint(painter, r);
    }
}

} // namespace hardtoken
