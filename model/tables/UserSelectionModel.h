#pragma once

#include "store/UserInfo.h"

#include "tables/FilteredTableModel.h"

#include <QHash>

namespace hardtoken {

class RegistrationService;

// 利用者の選択 (manual 9.2.2 step 3): 選択 (one radio-style choice), 利用者名, the token the user
// holds now, and the token queued for the user in the 利用登録情報の一覧 (or "-"). Reads the users
// from the service and the new serials from its queue, so it never holds a copy to go stale.
// Filters by name and sorts by itself (FilteredTableModel), fast at 50,000 users; 選択 sorts
// the chosen user first (ascending).
class UserSelectionModel final : public FilteredTableModel {
    Q_OBJECT
public:
    enum Column { SelectColumn, NameColumn, CurrentSerialColumn, NewSerialColumn, ColumnCount };
    enum Role { UserIdRole = Qt::UserRole + 1, SortRole };

    // Load::Later: empty until reload() (a screen that loads when it is entered, not twice).
    explicit UserSelectionModel(RegistrationService& service, QObject* parent = nullptr, Load load = Load::Now);
    // Drops the rows (reload() brings them back): a hidden screen does not keep 50,000 users.
    void release();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int userCount() const { return static_cast<int>(m_users.size()); }

    qint64 selectedUserId() const { return m_selectedUserId; }
    void selectUser(qint64 userId);
    int rowOfUser(qint64 userId) const; // the visible row, -1 when filtered out or unknown
    // Reloads users (after a registration or a mode change); keeps the choice if the user remains.
    // False, the rows left as they were, when the store did not answer.
    bool reload();
    // Headers follow the language: call after a translator was installed or removed.
    void retranslate();

Q_SIGNALS:
    void selectedUserChanged(qint64 userId);

protected:
    int sourceCount() const override { return static_cast<int>(m_users.size()); }
    QString nameOfSource(int source) const override { return m_users.at(source).name; }
    QList<int> ascendingOrder(int column, bool* cacheable) const override;

private:
    void queueRowChanged(int queueRow);
    QString newSerialOf(qint64 userId) const;
    const UserInfo& userAt(int row) const { return m_users.at(sourceOfRow(row)); }
    void indexUsers();

    RegistrationService& m_service;
    QList<UserInfo> m_users; // the service's order (the manual's display order)
    QHash<qint64, int> m_sourceOfUser;
    qint64 m_selectedUserId = 0;
};

} // namespace hardtoken
