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

// One field as written: quoted when it holds a comma, a quote, a line break or an apostrophe, and
// kept as text when a spreadsheet would run it as a formula (=, +, -, @, tab, CR first: a ' is put
// before it).
QString field(QString text);

// The files the console writes for spreadsheets: UTF-8 with a BOM (Excel then reads Japanese),
// CRLF, every field through field().
QByteArray document(const QList<QStringList>& rows);

// `encoding`: empty to detect (a UTF-8 BOM, else strict UTF-8, else CP932), or a name ("utf-8",
// "shift_jis", "cp932"). `used` says what the bytes were read as (for the report).
QString decode(const QByteArray& bytes, const QString& encoding, QString* used, QString* error);

} // namespace hardtoken::csv
