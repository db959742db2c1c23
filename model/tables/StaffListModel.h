#pragma once

#include "store/StaffTable.h"

#include <QAbstractTableModel>

namespace hardtoken {

// 担当者の管理: the staff accounts (担当者ID, 氏名, 役割, 状態), read from the store on reload().
class StaffListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LoginColumn, NameColumn, RoleColumn, StateColumn, ColumnCount };

    explicit StaffListModel(const Database& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    const StaffTable::Account* accountAt(int row) const;
    void retranslate();

private:
    const Database& m_store;
    QList<StaffTable::Account> m_accounts;
};

} // namespace hardtoken
