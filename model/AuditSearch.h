#pragma once

#include "AuditLog.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>

namespace hardtoken {

// What an auditor narrows the log to. Empty fields do not filter; dates are days in the desk's
// time zone, both included.
struct AuditFilter {
    QString corporationCode; // exact
    QString user; // part of a user's name or 利用者ID in the details
    QString serial; // a token's serial in the details
    QString action; // exact ("corporation.unlocked") or a prefix ending in '.' ("token.")
    QString actor; // exact ("staff:admin", "cli") or a staff login ("admin")
    QDate from;
    QDate to;
};

struct AuditRow {
    AuditEntry entry;
    QString corporationCode;
    QString corporationName;
};

// The audit viewer's table: the entries that match the filter, newest first.
class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, AtColumn, ActorColumn, ActionColumn, CorporationColumn, DetailsColumn, ColumnCount };

    explicit AuditLogModel(const Store& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const AuditFilter& filter);
    const QList<AuditRow>& rows() const { return m_rows; }
    void retranslate();

private:
    const Store& m_store;
    QList<AuditRow> m_rows;
};

namespace AuditExport {
// UTF-8 with a BOM (Excel on Japanese Windows opens it as such), CRLF, RFC 4180 quoting; a field
// that a spreadsheet would take for a formula (=, +, -, @, tab, CR) is prefixed with ' so that it
// stays text. Times are ISO 8601 in UTC, as stored.
QByteArray csv(const QList<AuditRow>& rows);
QString localTime(const QString& storedUtc);

struct Result {
    bool ok = false;
    qint64 verifiedEntries = 0;
    int rows = 0;
    QString sha256; // of the file written
    QString message; // why not, when !ok
};
// The log verified (a log that fails is not exported), the matching entries written to `path`
// oldest first (atomically: a failed write leaves no half file),
// and the act audited as `actor` with the row count and the file's SHA-256.
Result write(Store& store, const AuditFilter& filter, const QString& path, const QString& actor);
} // namespace AuditExport

} // namespace hardtoken
