#include "tables/StaffListModel.h"

#include "store/AuditLog.h"

namespace hardtoken {

StaffListModel::StaffListModel(const Database& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

int StaffListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

int StaffListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const StaffTable::Account& a = m_accounts.at(index.row());
    switch (index.column()) {
    case LoginColumn:
        return AuditLog::printable(a.login);
    case NameColumn:
        return AuditLog::printable(a.name);
    case RoleColumn:
        return a.role == StaffTable::Role::Admin ? tr("管理者") : tr("担当者");
    case StateColumn:
        return a.disabled ? tr("利用停止") : tr("利用可能");
    default:
        return {};
    }
}

QVariant StaffListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LoginColumn:
        return tr("担当者ID");
    case NameColumn:
        return tr("氏名");
    case RoleColumn:
        return tr("役割");
    case StateColumn:
        return tr("状態");
    default:
        return {};
    }
}

void StaffListModel::reload()
{
    beginResetModel();
    m_accounts = StaffTable::list(m_store);
    endResetModel();
}

const StaffTable::Account* StaffListModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

void StaffListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_accounts.isEmpty())
        Q_EMIT dataChanged(index(0, RoleColumn), index(rowCount() - 1, StateColumn));
}

} // namespace hardtoken
