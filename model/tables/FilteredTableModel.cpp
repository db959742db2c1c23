#include "tables/FilteredTableModel.h"

#include <algorithm>
#include <numeric>

namespace hardtoken {

int FilteredTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

void FilteredTableModel::sourceRowsReplaced()
{
    const int n = sourceCount();
    m_folded.clear();
    m_folded.reserve(n);
    for (int i = 0; i < n; ++i)
        m_folded.append(nameOfSource(i).toCaseFolded());
    m_cache.clear();
    rebuildVisible();
}

QList<int> FilteredTableModel::orderedSources() const
{
    QList<int> order;
    if (m_sortColumn < 0) {
        order.resize(sourceCount());
        std::iota(order.begin(), order.end(), 0);
        return order;
    }
    if (const auto cached = m_cache.constFind(m_sortColumn); cached != m_cache.cend()) {
        order = *cached;
    } else {
        bool cacheable = false;
        order = ascendingOrder(m_sortColumn, &cacheable);
        if (cacheable)
            m_cache.insert(m_sortColumn, order);
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(order.begin(), order.end());
    return order;
}

void FilteredTableModel::rebuildVisible()
{
    const QString needle = m_filter.toCaseFolded();
    m_visible.clear();
    m_rowOfSource.fill(-1, sourceCount());
    for (int source : orderedSources()) {
        if (needle.isEmpty() || m_folded.at(source).contains(needle)) {
            m_rowOfSource[source] = static_cast<int>(m_visible.size());
            m_visible.append(source);
        }
    }
}

void FilteredTableModel::setFilterText(const QString& text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    rebuildVisible();
    endResetModel();
}

void FilteredTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        return;
    relayout(column < 0 ? -1 : column, order);
}

void FilteredTableModel::sortKeysChanged(int column)
{
    m_cache.remove(column);
    if (column == m_sortColumn)
        relayout(m_sortColumn, m_sortOrder);
}

void FilteredTableModel::relayout(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sources;
    sources.reserve(before.size());
    for (const QModelIndex& i : before)
        sources.append(m_visible.at(i.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    rebuildVisible();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int row = m_rowOfSource.at(sources[k]);
        after.append(row < 0 ? QModelIndex() : index(row, before[k].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace hardtoken
