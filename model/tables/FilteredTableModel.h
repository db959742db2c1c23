#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace hardtoken {

// A table of people that filters by name and sorts by itself, fast at 50,000 rows (no
// QSortFilterProxyModel: a proxy restores rows in thousands of ranges per keystroke and
// compares display strings per sort). A keystroke is one pass over names folded once per load
// and a model reset; a sort click applies a permutation computed once per column and load, as
// a layout change that keeps persistent indexes (the view's selection and current row).
// Subclasses hold the rows in "source" order (the manual's display order) and map a visible
// row to its source with sourceOfRow().
class FilteredTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    enum class Load { Now, Later };

    int rowCount(const QModelIndex& parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Rows whose name contains `text`, ignoring case; empty = every row.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }

protected:
    int sourceOfRow(int row) const { return m_visible.at(row); }
    int rowOfSource(int source) const { return m_rowOfSource.value(source, -1); }
    // Call between beginResetModel() and endResetModel() when the source rows were replaced.
    void sourceRowsReplaced();
    // Values `column` sorts by changed in place: its cached order goes, and when the table is
    // sorted by it the rows move (a layout change).
    void sortKeysChanged(int column);

    virtual int sourceCount() const = 0;
    virtual QString nameOfSource(int source) const = 0;
    // The sources in ascending order of `column` (stable). *cacheable: the order holds until the
    // rows or that column's values change (sortKeysChanged).
    virtual QList<int> ascendingOrder(int column, bool* cacheable) const = 0;

private:
    void rebuildVisible();
    QList<int> orderedSources() const;
    void relayout(int column, Qt::SortOrder order);

    QStringList m_folded;
    QList<int> m_visible;
    QList<int> m_rowOfSource;
    mutable QHash<int, QList<int>> m_cache;
    QString m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace hardtoken
