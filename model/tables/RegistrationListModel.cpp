#include "tables/RegistrationListModel.h"

#include "core/Validation.h"
#include "desk/RegistrationService.h"

namespace hardtoken {

RegistrationListModel::RegistrationListModel(RegistrationService& service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    // While the screen is hidden the rows are not published (rowCount() 0), so the queue's
    // changes are only followed, not announced.
    connect(&m_service, &RegistrationService::queueAboutToInsert, this, [this](int row) {
        if (m_shown)
            beginInsertRows({}, row, row);
    });
    connect(&m_service, &RegistrationService::queueInserted, this, [this](int) {
        if (m_shown)
            endInsertRows();
    });
    connect(&m_service, &RegistrationService::queueRowChanged, this, [this](int row) {
        if (m_shown)
            Q_EMIT dataChanged(index(row, NameColumn), index(row, SerialColumn), { Qt::DisplayRole });
    });
    connect(&m_service, &RegistrationService::queueAboutToRemove, this, [this](int row) {
        m_checked.remove(m_service.queue().at(row).userId);
        if (m_shown)
            beginRemoveRows({}, row, row);
    });
    connect(&m_service, &RegistrationService::queueRemoved, this, [this](int) {
        if (m_shown)
            endRemoveRows();
    });
    connect(&m_service, &RegistrationService::queueAboutToReset, this, [this] {
        if (m_shown)
            beginResetModel();
        m_checked.clear();
    });
    connect(&m_service, &RegistrationService::queueReset, this, [this] {
        if (m_shown)
            endResetModel();
    });
}

void RegistrationListModel::setShown(bool shown)
{
    if (shown == m_shown)
        return;
    beginResetModel();
    m_shown = shown;
    endResetModel();
}

int RegistrationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_shown ? 0 : static_cast<int>(m_service.queue().size());
}

int RegistrationListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistrationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& entry = m_service.queue().at(index.row());
    switch (role) {
    case UserIdRole:
        return entry.userId;
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return entry.userName;
        if (index.column() == SerialColumn)
            return Validation::formatSerial(entry.serial);
        return {};
    case Qt::CheckStateRole:
        if (index.column() == CheckColumn)
            return m_checked.contains(entry.userId) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == CheckColumn)
            return tr("%1 の利用登録情報を選択").arg(entry.userName);
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return index.column() == CheckColumn ? Qt::AlignCenter : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool RegistrationListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != CheckColumn || role != Qt::CheckStateRole) {
        return false;
    }
    const qint64 userId = m_service.queue().at(index.row()).userId;
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_checked.insert(userId);
    else
        m_checked.remove(userId);
    Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
    return true;
}

Qt::ItemFlags RegistrationListModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == CheckColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RegistrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CheckColumn:
        return tr("選択");
    case NameColumn:
        return tr("利用者名");
    case SerialColumn:
        return tr("利用登録するトークン\nシリアル番号");
    default:
        return {};
    }
}

QList<qint64> RegistrationListModel::checkedUserIds() const
{
    QList<qint64> ids;
    for (const auto& entry : m_service.queue()) {
        if (m_checked.contains(entry.userId))
            ids.append(entry.userId);
    }
    return ids;
}

int RegistrationListModel::removeChecked()
{
    const QList<qint64> ids = checkedUserIds();
    m_service.removeFromQueue(ids);
    return static_cast<int>(ids.size());
}

void RegistrationListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace hardtoken
