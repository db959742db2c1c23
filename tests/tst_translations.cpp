// The English translation is complete: every tr() string of the sources is in the .ts, none is
// unfinished, and every translation keeps the placeholders of its source.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations;
    QString type;
};

QList<Message> readTs(const QString& path)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message { context, {}, {}, {} };
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either plain text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations << xml.readElementText();
            }
            if (current.translations.isEmpty())
                current.translations << text;
            out << current;
        }
    }
    return out;
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void englishIsComplete();
    void everySourceStringIsInTheTs();
};

void TestTranslations::englishIsComplete()
{
    const QList<Message> messages = readTs(QStringLiteral(HARDTOKEN_SOURCE_DIR "/translations/hardtoken_en.ts"));
    QVERIFY(messages.size() > 200);
    for (const Message& m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.type.isEmpty(), qPrintable(QStringLiteral("%1 (%2)").arg(where, m.type)));
        for (const QString& t : m.translations) {
            QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where));
            // Japanese source text must not survive into the English translation.
            static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30FF}]"));
            if (!m.source.contains(QStringLiteral("<a href")))
                QVERIFY2(!kana.match(t).hasMatch(), qPrintable(where + QStringLiteral(" -> ") + t));
            QCOMPARE(placeholders(t), placeholders(m.source));
        }
    }
}

void TestTranslations::everySourceStringIsInTheTs()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh_en.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(HARDTOKEN_SOURCE_DIR));
    lupdate.start(QStringLiteral(HARDTOKEN_LUPDATE),
        { QStringLiteral("model"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), fresh,
            QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-source-language"),
            QStringLiteral("ja_JP"), QStringLiteral("-target-language"), QStringLiteral("en_US") });
    QVERIFY(lupdate.waitForFinished(60000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QSet<QString> committed;
    for (const Message& m : readTs(QStringLiteral(HARDTOKEN_SOURCE_DIR "/translations/hardtoken_en.ts")))
        committed.insert(m.context + QChar(0) + m.source);
    const QList<Message> found = readTs(fresh);
    QVERIFY(found.size() > 200);
    QStringList missing;
    for (const Message& m : found) {
        if (!committed.contains(m.context + QChar(0) + m.source))
            missing << m.context + QStringLiteral(": ") + m.source;
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("not in hardtoken_en.ts (run the update_translations target):\n")
            + missing.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
