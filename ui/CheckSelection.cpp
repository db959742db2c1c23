#include "CheckSelection.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QMouseEvent>
#include <QStyledItemDelegate>

namespace hardtoken {

namespace {
// The checkbox column's delegate: the mouse goes to the row's selection (which ticks), so a click
// on the box is not counted twice; Space still toggles the box, as the default delegate does.
class CheckDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    bool editorEvent(
        QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index) override
    {
        if (dynamic_cast<QMouseEvent*>(event))
            return false;
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
};
} // namespace

CheckSelection::CheckSelection(QAbstractItemView* view, int checkColumn, bool exclusive)
    : QObject(view)
    , m_view(view)
    , m_column(checkColumn)
    , m_exclusive(exclusive)
{
    QAbstractItemModel* model = view->model();
    Q_ASSERT(model && view->selectionModel());
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(exclusive ? QAbstractItemView::SingleSelection : QAbstractItemView::MultiSelection);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CheckSelection::selectionChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &CheckSelection::checksChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &CheckSelection::syncFromChecks);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        if (!m_view)
            return;
        m_syncing = true;
        for (int row = first; row <= last; ++row) {
            if (m_view->model()->index(row, m_column).data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked)
                selectRow(row, true);
        }
        m_syncing = false;
    });
    connect(model, &QAbstractItemModel::layoutChanged, this, &CheckSelection::syncFromChecks);
    if (!exclusive)
        view->setItemDelegateForColumn(checkColumn, new CheckDelegate(view));
    syncFromChecks();
}

void CheckSelection::selectionChanged(const QItemSelection& selected, const QItemSelection& deselected)
{
    if (m_syncing || !m_view)
        return;
    QAbstractItemModel* model = m_view->model();
    m_syncing = true;
    for (const QModelIndex& i : selected.indexes()) {
        if (i.column() == m_column)
            model->setData(i, Qt::Checked, Qt::CheckStateRole);
    }
    // A radio choice stays until another is made; a checkbox is unticked with its row.
    if (!m_exclusive) {
        for (const QModelIndex& i : deselected.indexes()) {
            if (i.column() == m_column)
                model->setData(i, Qt::Unchecked, Qt::CheckStateRole);
        }
    }
    m_syncing = false;
}

void CheckSelection::checksChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (m_syncing || !m_view || m_column < topLeft.column() || m_column > bottomRight.column())
        return;
    if (!roles.isEmpty() && !roles.contains(Qt::CheckStateRole))
        return;
    m_syncing = true;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex check = m_view->model()->index(row, m_column);
        selectRow(row, check.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked);
    }
    m_syncing = false;
}

void CheckSelection::setCheckedRows(std::function<QList<int>()> checkedRows)
{
    m_checkedRows = std::move(checkedRows);
    syncFromChecks();
}

void CheckSelection::syncFromChecks()
{
    if (!m_view)
        return;
    QAbstractItemModel* model = m_view->model();
    const int lastColumn = model->columnCount() - 1;
    QItemSelection selection;
    if (m_checkedRows) {
        for (int row : m_checkedRows())
            selection.select(model->index(row, 0), model->index(row, lastColumn));
    } else {
        const int rows = model->rowCount();
        for (int row = 0; row < rows; ++row) {
            if (model->index(row, m_column).data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked)
                selection.select(model->index(row, 0), model->index(row, lastColumn));
        }
    }
    m_syncing = true;
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_syncing = false;
}

void CheckSelection::selectRow(int row, bool select)
{
    QAbstractItemModel* model = m_view->model();
    const QItemSelection rowSelection(model->index(row, 0), model->index(row, model->columnCount() - 1));
    if (select && m_exclusive) {
        m_view->selectionModel()->select(rowSelection, QItemSelectionModel::ClearAndSelect);
    } else {
        m_view->selectionModel()->select(
            rowSelection, select ? QItemSelectionModel::Select : QItemSelectionModel::Deselect);
    }
}

} // namespace hardtoken
