#include "core/Csv.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <optional>

namespace hardtoken::csv {

QString field(QString text)
{
    // A spreadsheet would run "=…" as a formula: keep it text.
    if (!text.isEmpty()
        && (text.front() == u'=' || text.front() == u'+' || text.front() == u'-' || text.front() == u'@'
            || text.front() == u'\t' || text.front() == u'\r'))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\''))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QByteArray document(const QList<QStringList>& rows)
{
    QString text;
    for (const QStringList& row : rows) {
        QStringList quoted;
        for (const QString& f : row)
            quoted << field(f);
        text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

QList<Record> records(const QString& text, QString* error)
{
    QList<Record> out;
    Record current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    current.line = 1;
    const auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields.first().isEmpty();
        if (!blank)
            out.append(current);
        current = Record {};
        current.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = QCoreApplication::translate("Csv", "%1 行目で始まる \" が閉じられていません。").arg(current.line);
        return {};
    }
    endRecord();
    return out;
}

QString decode(const QByteArray& bytes, const QString& encoding, QString* used, QString* error)
{
    const QString wanted = encoding.trimmed().toLower();
    const auto strict = [&](const char* name, const QByteArray& data) -> std::optional<QString> {
        QStringDecoder decoder(name, QStringConverter::Flag::Stateless);
        const QString text = decoder.decode(data);
        if (decoder.hasError())
            return std::nullopt;
        return text;
    };
    if (wanted.isEmpty() || wanted == QLatin1String("utf-8") || wanted == QLatin1String("utf8")) {
        const bool bom = bytes.startsWith("\xEF\xBB\xBF");
        const auto text = strict("UTF-8", bom ? bytes.mid(3) : bytes);
        if (text) {
            *used = bom ? QStringLiteral("UTF-8 (BOM)") : QStringLiteral("UTF-8");
            return *text;
        }
        if (!wanted.isEmpty()) {
            *error = QCoreApplication::translate("Csv", "ファイルは UTF-8 ではありません。");
            return {};
        }
    }
    if (wanted.isEmpty() || wanted == QLatin1String("shift_jis") || wanted == QLatin1String("sjis")
        || wanted == QLatin1String("cp932") || wanted == QLatin1String("windows-31j")) {
        // CP932 (windows-31j) is what Excel on Japanese Windows writes under the name Shift_JIS.
        if (const auto text = strict("windows-31j", bytes)) {
            *used = QStringLiteral("Shift_JIS (CP932)");
            return *text;
        }
        *error = wanted.isEmpty() ? QCoreApplication::translate(
                     "Csv", "ファイルの文字コードを読み取れません（UTF-8 でも Shift_JIS でもありません）。")
                                  : QCoreApplication::translate("Csv", "ファイルは Shift_JIS (CP932) ではありません。");
        return {};
    }
    *error = QCoreApplication::translate("Csv", "文字コード %1 には対応していません（utf-8、shift_jis、cp932）。")
                 .arg(encoding);
    return {};
}

} // namespace hardtoken::csv
