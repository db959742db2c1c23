#pragma once

#include "Types.h"

#include <QAbstractTableModel>
#include <QHash>

namespace hardtoken {

class RegistrationService;

// 利用者の選択 (manual 9.2.2 step 3): 選択 (one radio-style choice), 利用者名, the token the user
// holds now, and the token queued for the user in the 利用登録情報の一覧 (or "-"). Reads the users
// from the service and the new serials from its queue, so it never holds a copy to go stale.
// Filters by name and sorts by itself (no QSortFilterProxyModel): at 50,000 users a proxy
// restores rows in thousands of ranges per keystroke and compares formatted strings per sort;
// here a keystroke is one pass over pre-folded names and a reset, and a sort click applies a
// permutation computed once per column and load (a layout change that keeps the selection).
class UserSelectionModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SelectColumn, NameColumn, CurrentSerialColumn, NewSerialColumn, ColumnCount };
    enum Role { UserIdRole = Qt::UserRole + 1, SortRole };

    explicit UserSelectionModel(RegistrationService& service, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Rows whose 利用者名 contains `text` (case-insensitive); empty = every user.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filter; }
    int userCount() const { return static_cast<int>(m_users.size()); }

    qint64 selectedUserId() const { return m_selectedUserId; }
    void selectUser(qint64 userId);
    int rowOfUser(qint64 userId) const; // the visible row, -1 when filtered out or unknown
    // Reloads users (after a registration or a mode change); keeps the choice if the user remains.
    void reload();
    // Headers follow the language: call after a translator was installed or removed.
    void retranslate();

Q_SIGNALS:
    void selectedUserChanged(qint64 userId);

private:
    void queueRowChanged(int queueRow);
    QString newSerialOf(qint64 userId) const;
    const UserInfo& userAt(int row) const { return m_users.at(m_visible.at(row)); }
    void indexUsers(); // after m_users changed: ids, folded names, caches
    QList<int> orderedSources() const; // every user, in the current sort order
    void rebuildVisible(); // m_visible and m_rowOfSource from order + filter
    const QList<int>& permutation(int column) const;

    RegistrationService& m_service;
    QList<UserInfo> m_users; // the service's order (the manual's display order)
    QStringList m_foldedNames; // m_users' names, case-folded once per load
    QHash<qint64, int> m_sourceOfUser;
    QList<int> m_visible; // visible row -> index in m_users
    QList<int> m_rowOfSource; // index in m_users -> visible row or -1
    mutable QHash<int, QList<int>> m_permutations; // column -> m_users indexes, ascending
    QString m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_selectedUserId = 0;
};

} // namespace hardtoken
