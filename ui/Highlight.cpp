#include "Highlight.h"

#include <QPainter>

namespace hardtoken::highlight {

void paint(QPainter& painter, const QRect& widget)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color(), PenWidth));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(frame(widget), 4, 4);
    painter.restore();
}

} // namespace hardtoken::highlight
