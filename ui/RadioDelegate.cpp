#include "RadioDelegate.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

namespace hardtoken {

void RadioDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionButton radio;
    radio.state = option.state & QStyle::State_Enabled;
    radio.state
        |= index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
    const int w = style->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, &radio, widget);
    const int h = style->pixelMetric(QStyle::PM_ExclusiveIndicatorHeight, &radio, widget);
    radio.rect = QRect(option.rect.center().x() - w / 2, option.rect.center().y() - h / 2, w, h);
    style->drawPrimitive(QStyle::PE_IndicatorRadioButton, &radio, painter, widget);
}

QSize RadioDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return s.expandedTo(QSize(48, 28));
}

bool RadioDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (!(index.flags() & Qt::ItemIsUserCheckable) || !(index.flags() & Qt::ItemIsEnabled))
        return false;
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* me = static_cast<QMouseEvent*>(event);
        if (me->button() != Qt::LeftButton || !option.rect.contains(me->position().toPoint()))
            return false;
    } else if (event->type() == QEvent::KeyPress) {
        const auto key = static_cast<QKeyEvent*>(event)->key();
        if (key != Qt::Key_Space && key != Qt::Key_Select)
            return false;
    } else {
        return false;
    }
    return model->setData(index, Qt::Checked, Qt::CheckStateRole);
}

} // namespace hardtoken
