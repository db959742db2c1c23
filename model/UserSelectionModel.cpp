#include "UserSelectionModel.h"

#include "RegistrationService.h"
#include "Validation.h"

namespace hardtoken {

UserSelectionModel::UserSelectionModel(RegistrationService& service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    m_users = m_service.users();
    connect(&m_service, &RegistrationService::corporationChanged, this, &UserSelectionModel::reload);
    // The queue changes one user's "new serial" cell at a time.
    connect(&m_service, &RegistrationService::queueInserted, this, &UserSelectionModel::queueRowChanged);
    connect(&m_service, &RegistrationService::queueRowChanged, this, &UserSelectionModel::queueRowChanged);
    connect(&m_service, &RegistrationService::queueRemoved, this, [this](int) {
        // The removed entry is gone from the queue: refresh the whole column (a handful of cells).
        if (!m_users.isEmpty())
            Q_EMIT dataChanged(index(0, NewSerialColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
    });
    connect(&m_service, &RegistrationService::queueReset, this, [this] {
        if (!m_users.isEmpty())
            Q_EMIT dataChanged(index(0, NewSerialColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
    });
}

int UserSelectionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserSelectionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserSelectionModel::newSerialOf(qint64 userId) const
{
    const int row = m_service.queueIndexOfUser(userId);
    return row < 0 ? QString() : m_service.queue().at(row).serial;
}

QVariant UserSelectionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserInfo& user = m_users.at(index.row());
    switch (role) {
    case UserIdRole:
        return user.id;
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return user.name;
        case CurrentSerialColumn:
            return user.currentSerial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(user.currentSerial);
        case NewSerialColumn: {
            const QString serial = newSerialOf(user.id);
            return serial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(serial);
        }
        default:
            return role == SortRole ? QVariant(user.id == m_selectedUserId) : QVariant();
        }
    case Qt::CheckStateRole:
        if (index.column() == SelectColumn)
            return user.id == m_selectedUserId ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == SelectColumn)
            return tr("%1 を選択").arg(user.name);
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return index.column() == SelectColumn ? Qt::AlignCenter : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool UserSelectionModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != SelectColumn || role != Qt::CheckStateRole) {
        return false;
    }
    // A radio choice: checking selects this user; unchecking the chosen one is not possible.
    if (value.value<Qt::CheckState>() != Qt::Checked)
        return false;
    selectUser(m_users.at(index.row()).id);
    return true;
}

Qt::ItemFlags UserSelectionModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == SelectColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant UserSelectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SelectColumn:
        return tr("選択");
    case NameColumn:
        return tr("利用者名");
    case CurrentSerialColumn:
        return tr("現在利用登録している\nトークン シリアル番号");
    case NewSerialColumn:
        return tr("新たに利用登録する\nトークン シリアル番号");
    default:
        return {};
    }
}

int UserSelectionModel::rowOfUser(qint64 userId) const
{
    for (int i = 0; i < m_users.size(); ++i) {
        if (m_users[i].id == userId)
            return i;
    }
    return -1;
}

void UserSelectionModel::selectUser(qint64 userId)
{
    if (userId == m_selectedUserId)
        return;
    const int before = rowOfUser(m_selectedUserId);
    const int after = rowOfUser(userId);
    if (userId != 0 && after < 0)
        return;
    m_selectedUserId = userId;
    for (int row : { before, after }) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, SelectColumn), index(row, SelectColumn), { Qt::CheckStateRole });
    }
    Q_EMIT selectedUserChanged(userId);
}

void UserSelectionModel::reload()
{
    const QList<UserInfo> users = m_service.users();
    bool sameRows = users.size() == m_users.size();
    for (int i = 0; sameRows && i < users.size(); ++i)
        sameRows = users[i].id == m_users[i].id;
    if (sameRows) {
        m_users = users;
        if (!m_users.isEmpty())
            Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
        return;
    }
    beginResetModel();
    m_users = users;
    endResetModel();
    if (rowOfUser(m_selectedUserId) < 0 && m_selectedUserId != 0) {
        m_selectedUserId = 0;
        Q_EMIT selectedUserChanged(0);
    }
}

void UserSelectionModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void UserSelectionModel::queueRowChanged(int queueRow)
{
    const int row = rowOfUser(m_service.queue().value(queueRow).userId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, NewSerialColumn), index(row, NewSerialColumn), { Qt::DisplayRole });
}

} // namespace hardtoken
