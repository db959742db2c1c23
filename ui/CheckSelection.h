#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAbstractItemView;
class QItemSelection;
class QModelIndex;

namespace hardtoken {

// Makes a table's row selection and its 選択 column the same thing, so that every way of reaching
// a row agrees: a click, Space, the arrow keys (a radio group moves its choice with the arrows),
// and a screen reader's Toggle action on a cell (which selects the cell). Exclusive: the radio
// column of 利用者の選択 (selecting a row chooses that user). Not exclusive: the checkboxes of
// 利用登録情報の一覧 (MultiSelection; selecting ticks, deselecting unticks).
// Tabbing into the table moves the current row only and changes nothing.
class CheckSelection final : public QObject {
    Q_OBJECT
public:
    CheckSelection(QAbstractItemView* view, int checkColumn, bool exclusive);

    // The selection from the check states (after a reset, a filter or a sort).
    void syncFromChecks();
    // The rows that are checked, when the model knows them without asking every row (a radio
    // column at 50,000 users): syncFromChecks() then costs the checked rows, not the table.
    void setCheckedRows(std::function<QList<int>()> checkedRows);

private:
    void selectionChanged(const QItemSelection& selected, const QItemSelection& deselected);
    void checksChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void selectRow(int row, bool select);

    QPointer<QAbstractItemView> m_view;
    int m_column;
    bool m_exclusive;
    bool m_syncing = false;
    std::function<QList<int>()> m_checkedRows;
};

} // namespace hardtoken
