#pragma once

#include <QStyledItemDelegate>

namespace hardtoken {

// Draws a check-state column as radio buttons (利用者の選択's 選択 column) and checks the row on a
// click or Space; the model keeps the choice exclusive.
class RadioDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;
};

} // namespace hardtoken
