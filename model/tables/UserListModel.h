#pragma once

#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "tables/FilteredTableModel.h"

namespace hardtoken {

class RegistrationService;

// 利用者一覧 on 利用者情報選択: 利用者名 and the token each user holds now (in the shared mode the
// one token every user shares), read-only, filtered and sorted like 利用者の選択
// (FilteredTableModel), so that a corporation of 50,000 users opens and searches at once.
class UserListModel final : public FilteredTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, SerialColumn, ColumnCount };

    // Load::Later: empty until reload() (a screen that loads when it is entered, not twice).
    explicit UserListModel(RegistrationService& service, QObject* parent = nullptr, Load load = Load::Now);
    // Drops the rows (reload() brings them back): a hidden screen does not keep 50,000 users.
    void release();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads the users, the mode and the shared token again (after a commit or a mode change).
    // False, the rows left as they were, when the store did not answer.
    bool reload();
    void retranslate();
    int userCount() const { return static_cast<int>(m_users.size()); }
    int registeredCount() const; // users who hold a token of their own (individual mode)
    // What the last reload() read: the mode and, in the shared mode, the shared token ("" if none).
    UsageMode mode() const { return m_mode; }
    QString sharedSerial() const { return m_sharedSerial; }

protected:
    int sourceCount() const override { return static_cast<int>(m_users.size()); }
    QString nameOfSource(int source) const override { return m_users.at(source).name; }
    QList<int> ascendingOrder(int column, bool* cacheable) const override;

private:
    QString serialOf(int source) const;

    RegistrationService& m_service;
    QList<UserInfo> m_users;
    UsageMode m_mode = UsageMode::Unset;
    QString m_sharedSerial;
};

} // namespace hardtoken
