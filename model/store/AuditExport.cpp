#include "store/AuditExport.h"

#include "core/Csv.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>

namespace hardtoken {

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

Result writeFile(Store& store, const AuditFilter& filter, const QString& path)
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
    r.ok = true;
    return r;
}

Result write(Store& store, const AuditFilter& filter, const QString& path, const QString& actor)
{
    Result r = writeFile(store, filter, path);
    if (!r.ok)
        return r;
    r.ok = false;
    if (!store.transaction([&] {
            return store.audit(
                actor, AuditAction::AuditExported, 0, QStringLiteral("rows=%1 sha256=%2").arg(r.rows).arg(r.sha256));
        })) {
        r.message = store.errorMessage();
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace AuditExport

} // namespace hardtoken
