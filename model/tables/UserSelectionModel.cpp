#include "tables/UserSelectionModel.h"

#include "core/Validation.h"
#include "desk/RegistrationService.h"

#include <algorithm>
#include <numeric>

namespace hardtoken {

UserSelectionModel::UserSelectionModel(RegistrationService& service, QObject* parent, Load load)
    : FilteredTableModel(parent)
    , m_service(service)
{
    if (load == Load::Now) {
        m_users = m_service.users().value_or(QList<UserInfo> {});
        indexUsers();
    }
    // Users come and go when the corporation is (re)selected (a roster import); their tokens change
    // with a PIN-confirmed act. A wrong entry (counters only) reads nothing: at 50,000 users a
    // re-read per wrong OTP would cost the desk. A released or not yet loaded model stays empty.
    const auto reloadLoaded = [this] {
        if (!m_users.isEmpty())
            reload();
    };
    connect(&m_service, &RegistrationService::corporationSelected, this, reloadLoaded);
    connect(&m_service, &RegistrationService::registrationsChanged, this, reloadLoaded);
    // The queue changes one user's "new serial" cell at a time.
    connect(&m_service, &RegistrationService::queueInserted, this, &UserSelectionModel::queueRowChanged);
    connect(&m_service, &RegistrationService::queueRowChanged, this, &UserSelectionModel::queueRowChanged);
    connect(&m_service, &RegistrationService::queueRemoved, this, [this](int) {
        // The removed entry is gone from the queue: refresh the whole column (a handful of cells).
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, NewSerialColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
    });
    connect(&m_service, &RegistrationService::queueReset, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, NewSerialColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
    });
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
    const UserInfo& user = userAt(index.row());
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
    selectUser(userAt(index.row()).id);
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
    const auto source = m_sourceOfUser.constFind(userId);
    return source == m_sourceOfUser.cend() ? -1 : rowOfSource(*source);
}

void UserSelectionModel::indexUsers()
{
    m_sourceOfUser.clear();
    m_sourceOfUser.reserve(m_users.size());
    for (int i = 0; i < m_users.size(); ++i)
        m_sourceOfUser.insert(m_users[i].id, i);
    sourceRowsReplaced();
}

QList<int> UserSelectionModel::ascendingOrder(int column, bool* cacheable) const
{
    QList<int> order(m_users.size());
    std::iota(order.begin(), order.end(), 0);
    const auto by = [&](auto key) {
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    };
    // 選択 and the new serial change with every action: sorted on demand, never cached.
    *cacheable = column == NameColumn || column == CurrentSerialColumn;
    switch (column) {
    case SelectColumn: // the chosen user first
        std::stable_partition(order.begin(), order.end(), [this](int i) { return m_users[i].id == m_selectedUserId; });
        break;
    case NameColumn:
        by([this](int i) -> const QString& { return m_users[i].name; });
        break;
    case CurrentSerialColumn:
        // Raw serials sort as their formatted form does (same digits, same places); none last.
        by([this](int i) { return std::pair(m_users[i].currentSerial.isEmpty(), m_users[i].currentSerial); });
        break;
    case NewSerialColumn: {
        QList<QString> serials(m_users.size());
        for (const QueuedRegistration& e : m_service.queue()) {
            if (const auto source = m_sourceOfUser.constFind(e.userId); source != m_sourceOfUser.cend())
                serials[*source] = e.serial;
        }
        by([&serials](int i) { return std::pair(serials[i].isEmpty(), serials[i]); });
        break;
    }
    default:
        break;
    }
    return order;
}

void UserSelectionModel::selectUser(qint64 userId)
{
    if (userId == m_selectedUserId)
        return;
    const int before = rowOfUser(m_selectedUserId);
    const int after = rowOfUser(userId);
    if (userId != 0 && !m_sourceOfUser.contains(userId))
        return;
    m_selectedUserId = userId;
    for (int row : { before, after }) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, SelectColumn), index(row, SelectColumn), { Qt::CheckStateRole });
    }
    Q_EMIT selectedUserChanged(userId);
}

bool UserSelectionModel::reload()
{
    // When the store does not answer, the rows shown stay as they were.
    const auto read = m_service.users();
    if (!read)
        return false;
    const QList<UserInfo>& users = *read;
    bool sameRows = users.size() == m_users.size();
    for (int i = 0; sameRows && i < users.size(); ++i)
        sameRows = users[i].id == m_users[i].id && users[i].name == m_users[i].name;
    if (sameRows) {
        // The same people: only their tokens may have changed (after OK).
        m_users = users;
        sortKeysChanged(CurrentSerialColumn);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NewSerialColumn), { Qt::DisplayRole });
        return true;
    }
    beginResetModel();
    m_users = users;
    indexUsers();
    endResetModel();
    if (!m_sourceOfUser.contains(m_selectedUserId) && m_selectedUserId != 0) {
        m_selectedUserId = 0;
        Q_EMIT selectedUserChanged(0);
    }
    return true;
}

void UserSelectionModel::release()
{
    beginResetModel();
    m_users = {};
    indexUsers();
    endResetModel();
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
