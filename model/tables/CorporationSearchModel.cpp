#include "tables/CorporationSearchModel.h"

#include "store/Store.h"

namespace hardtoken {

CorporationSearchModel::CorporationSearchModel(const Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

int CorporationSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int CorporationSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CorporationSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CorporationHit& hit = m_hits.at(index.row());
    if (role == CodeRole)
        return hit.code;
    if (role == Qt::TextAlignmentRole && (index.column() == UsersColumn || index.column() == RegisteredColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case CodeColumn:
        return hit.code;
    case NameColumn:
        return hit.name;
    case UsersColumn:
        return hit.users;
    case RegisteredColumn:
        return hit.registered;
    case StatusColumn:
        return hit.suspended ? tr("利用中止") : tr("利用可能");
    default:
        return {};
    }
}

QVariant CorporationSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("契約法人コード");
    case NameColumn:
        return tr("契約法人名");
    case UsersColumn:
        return tr("利用者数");
    case RegisteredColumn:
        return tr("利用登録済みトークン");
    case StatusColumn:
        return tr("状態");
    default:
        return {};
    }
}

bool CorporationSearchModel::search(const QString& text)
{
    // Read first: when the store does not answer, the hits shown stay (never "no corporation").
    auto hits = m_store.answered([&] { return CorporationTable::search(m_store, text.trimmed(), PageSize + 1); });
    if (!hits)
        return false;
    beginResetModel();
    m_text = text.trimmed();
    m_hits = std::move(*hits);
    m_more = m_hits.size() > PageSize;
    if (m_more)
        m_hits.resize(PageSize);
    endResetModel();
    return true;
}

void CorporationSearchModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_hits.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn));
}

} // namespace hardtoken
