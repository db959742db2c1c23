#include "LinkButton.h"

#include "Accessibility.h"

#include <QKeyEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>

namespace hardtoken {

namespace {
constexpr int kPadding = 2; // room for the focus mark around the text
} // namespace

LinkButton::LinkButton(QWidget* parent)
    : QAbstractButton(parent)
{
    installAccessibleInterfaces();
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

QSize LinkButton::sizeHint() const
{
    const QFontMetrics fm(font());
    return fm.size(Qt::TextSingleLine, text()) + QSize(2 * kPadding, 2 * kPadding);
}

void LinkButton::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    QFont f = font();
    f.setUnderline(true);
    p.setFont(f);
    const QColor link = palette().color(isDown() ? QPalette::LinkVisited : QPalette::Link);
    p.setPen(isEnabled() ? link : palette().color(QPalette::Disabled, QPalette::WindowText));
    const QRect textRect = rect().adjusted(kPadding, kPadding, -kPadding, -kPadding);
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text());
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = rect();
        focus.backgroundColor = palette().color(QPalette::Window);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &p, this);
        // The style's mark is faint on some platforms: a solid outline keeps focus visible.
        p.setPen(QPen(link, 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void LinkButton::keyPressEvent(QKeyEvent* event)
{
    // A link follows on Return/Enter (as in a browser) as well as Space; the page's default
    // button must not take the key.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        animateClick();
        event->accept();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

} // namespace hardtoken
