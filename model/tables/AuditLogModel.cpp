#include "tables/AuditLogModel.h"

#include "core/Csv.h"

#include "store/AuditExport.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>

namespace hardtoken {

AuditLogModel::AuditLogModel(const Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const AuditRow& r = m_rows.at(index.row());
    switch (index.column()) {
    case IdColumn:
        return r.entry.id;
    case AtColumn:
        return AuditExport::localTime(r.entry.at);
    case ActorColumn:
        return AuditLog::printable(r.entry.actor);
    case ActionColumn:
        return AuditLog::printable(r.entry.action);
    case CorporationColumn:
        return r.corporationCode.isEmpty() ? QStringLiteral("-")
                                           : QStringLiteral("%1 %2").arg(r.corporationCode, r.corporationName);
    case DetailsColumn:
        return AuditLog::printable(r.entry.details);
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("番号");
    case AtColumn:
        return tr("日時");
    case ActorColumn:
        return tr("操作者");
    case ActionColumn:
        return tr("操作");
    case CorporationColumn:
        return tr("契約法人");
    case DetailsColumn:
        return tr("内容");
    default:
        return {};
    }
}

void AuditLogModel::setFilter(const AuditFilter& filter)
{
    beginResetModel();
    m_rows = m_store.auditLog().search(filter);
    endResetModel();
}

void AuditLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace hardtoken
