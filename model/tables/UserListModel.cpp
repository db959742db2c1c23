#include "tables/UserListModel.h"

#include "core/Validation.h"
#include "desk/RegistrationService.h"

#include <algorithm>
#include <numeric>

namespace hardtoken {

UserListModel::UserListModel(RegistrationService& service, QObject* parent, Load load)
    : FilteredTableModel(parent)
    , m_service(service)
{
    if (load == Load::Now)
        reload();
}

int UserListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserListModel::serialOf(int source) const
{
    return m_mode == UsageMode::Shared ? m_sharedSerial : m_users.at(source).currentSerial;
}

QVariant UserListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int source = sourceOfRow(index.row());
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    if (index.column() == NameColumn)
        return m_users.at(source).name;
    const QString serial = serialOf(source);
    return serial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(serial);
}

Qt::ItemFlags UserListModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("利用者名");
    case SerialColumn:
        return tr("現在利用登録しているトークン シリアル番号");
    default:
        return {};
    }
}

QList<int> UserListModel::ascendingOrder(int column, bool* cacheable) const
{
    QList<int> order(m_users.size());
    std::iota(order.begin(), order.end(), 0);
    *cacheable = true; // the rows change only by reload()
    if (column == NameColumn) {
        std::stable_sort(
            order.begin(), order.end(), [this](int a, int b) { return m_users[a].name < m_users[b].name; });
    } else if (column == SerialColumn) {
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            const QString x = serialOf(a);
            const QString y = serialOf(b);
            return std::pair(x.isEmpty(), x) < std::pair(y.isEmpty(), y);
        });
    }
    return order;
}

bool UserListModel::reload()
{
    // Read first: when the store does not answer, the rows shown stay as they were.
    const auto c = m_service.corporation();
    const auto shared
        = c && c->mode == UsageMode::Shared ? m_service.sharedSerial() : std::optional<QString>(QString());
    const auto users = c && shared ? m_service.users() : std::nullopt;
    if (!users)
        return false;
    beginResetModel();
    m_mode = c->mode;
    m_sharedSerial = *shared;
    m_users = *users;
    sourceRowsReplaced();
    endResetModel();
    return true;
}

void UserListModel::release()
{
    beginResetModel();
    m_users = {};
    sourceRowsReplaced();
    endResetModel();
}

int UserListModel::registeredCount() const
{
    return static_cast<int>(
        std::count_if(m_users.cbegin(), m_users.cend(), [](const UserInfo& u) { return !u.currentSerial.isEmpty(); }));
}

void UserListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace hardtoken
