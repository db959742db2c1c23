#pragma once

#include "store/AuditLog.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hardtoken {

class Store;

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
// The same without the audit entry (a desk with no key has the server record the export).
Result writeFile(Store& store, const AuditFilter& filter, const QString& path);
} // namespace AuditExport

} // namespace hardtoken
