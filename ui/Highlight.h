#pragma once

#include <QColor>
#include <QRect>
#include <QRectF>

class QPainter;

namespace hardtoken {

// The red frame the manual draws around what a step says to use: the screenshot tour paints it into
// the pictures, the guided training's coach marks over the live screen. One drawing, one place.
namespace highlight {

// A 2-pixel frame 3 pixels outside the widget: clear of it, and of text beside it (the layouts
// keep at least 6 pixels between neighbours).
inline constexpr int Outset = 3;
inline constexpr int PenWidth = 2;
inline QColor color()
{
    return QColor(0xd0, 0x1f, 0x1f);
}
// The frame's rectangle around a widget's rectangle (both in the painter's coordinates).
inline QRectF frame(const QRect& widget)
{
    return QRectF(widget).adjusted(-Outset, -Outset, Outset, Outset);
}
void paint(QPainter& painter, const QRect& widget);

} // namespace highlight

} // namespace hardtoken
