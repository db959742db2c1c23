#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The bank's and the vendors' files as CSV: what the roster and the token inventory share.
namespace hardtoken::csv {

// RFC 4180 records: commas, double quotes around fields ("" inside for one), CRLF or LF; a quoted
// field may hold commas and line breaks. Each record keeps the line it started on; blank lines are
// skipped.
struct Record {
    int line = 0;
    QStringList fields;
};

// Empty with `error` set when a quoted field is not closed.
QList<Record> records(const QString& text, QString* error);

// `encoding`: empty to detect (a UTF-8 BOM, else strict UTF-8, else CP932), or a name ("utf-8",
// "shift_jis", "cp932"). `used` says what the bytes were read as (for the report).
QString decode(const QByteArray& bytes, const QString& encoding, QString* used, QString* error);

} // namespace hardtoken::csv
