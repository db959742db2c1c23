#include "AuditSearch.h"

#include "Csv.h"

#include "Store.h"

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

namespace AuditExport {

QString localTime(const QString& storedUtc)
{
    const QDateTime at = QDateTime::fromString(storedUtc, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : storedUtc;
}

QByteArray csv(const QList<AuditRow>& rows)
{
    QList<QStringList> lines { { QStringLiteral("番号"), QStringLiteral("日時(UTC)"), QStringLiteral("操作者"),
        QStringLiteral("操作"), QStringLiteral("契約法人コード"), QStringLiteral("契約法人名"),
        QStringLiteral("内容") } };
    for (const AuditRow& r : rows) {
        lines.append({ QString::number(r.entry.id), r.entry.at, r.entry.actor, r.entry.action, r.corporationCode,
            r.corporationName, r.entry.details });
    }
    return csv::document(lines);
}

Result write(Store& store, const AuditFilter& filter, const QString& path, const QString& actor)
{
    Result r;
    const AuditVerification v = store.auditLog().verify();
    if (!v.ok) {
        r.message = v.problem + QLatin1Char('\n')
            + QCoreApplication::translate("AuditExport", "監査ログが改ざんされているため、書き出しませんでした。");
        return r;
    }
    r.verifiedEntries = v.entries;
    QList<AuditRow> rows = store.auditLog().search(filter);
    std::reverse(rows.begin(), rows.end()); // the file reads in order, oldest first
    const QByteArray bytes = csv(rows);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        r.message = QCoreApplication::translate("AuditExport", "ファイル %1 に書き込めません: %2")
                        .arg(path, file.errorString());
        return r;
    }
    r.rows = static_cast<int>(rows.size());
    r.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (!store.transaction([&] {
            return store.audit(actor, QStringLiteral("audit.exported"), 0,
                QStringLiteral("rows=%1 sha256=%2").arg(r.rows).arg(r.sha256));
        })) {
        r.message = store.errorMessage();
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace AuditExport

} // namespace hardtoken
