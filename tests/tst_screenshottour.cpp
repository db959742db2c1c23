// The manual writers' tools: the screenshot tour and the chapter export.
#include "Language.h"
#include "ManualExport.h"
#include "ScreenshotTour.h"
#include "desk/ManualSteps.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace hardtoken;

class TestScreenshotTour final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manifestCoversEveryStepInBothLanguages();
    void noCalloutsChangesThePictures();
    void chapterExportHasHtmlAndPdf();
    void samePicturesUnderAnyLocaleAndSmall();

private:
    QJsonArray runTour(const QString& dir, bool callouts = true);
    QJsonArray m_withCallouts; // the first test's run, compared with later ones
};

QJsonArray TestScreenshotTour::runTour(const QString& dir, bool callouts)
{
    TourOptions options;
    options.outDir = dir;
    options.callouts = callouts;
    QList<TourShot> shots;
    QString error;
    if (!ScreenshotTour::run(options, &shots, &error))
        qWarning("%s", qPrintable(error));
    QFile manifest(QDir(dir).filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("files")).toArray();
}

void TestScreenshotTour::manifestCoversEveryStepInBothLanguages()
{
    QTemporaryDir dir;
    const QJsonArray files = runTour(dir.path());
    m_withCallouts = files;
    QSet<QString> steps;
    for (const QJsonValue& v : files) {
        const QJsonObject f = v.toObject();
        steps.insert(f[QStringLiteral("language")].toString() + QLatin1Char(':')
            + f[QStringLiteral("section")].toString() + QLatin1Char('-') + f[QStringLiteral("step")].toString());
        // Each file exists, is the size and hash the manifest says, and is not blank.
        const QString path = QDir(dir.path()).filePath(f[QStringLiteral("file")].toString());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
            f[QStringLiteral("sha256")].toString());
        const QImage image(path);
        QCOMPARE(image.width(), f[QStringLiteral("width")].toInt());
        QCOMPARE(image.height(), f[QStringLiteral("height")].toInt());
        QCOMPARE(f[QStringLiteral("scale")].toInt(), 1);
        QVERIFY(!f[QStringLiteral("title")].toString().isEmpty());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 8, qPrintable(path));
    }
    // Every step of the manual's table, in both languages, with its section and number; and the
    // pictures that are not steps.
    for (const char* lang : { "ja", "en" }) {
        for (const ManualStep& step : ManualSteps::steps()) {
            const QString key = QLatin1String(lang) + QLatin1Char(':') + step.section + QLatin1Char('-')
                + QString::number(step.number);
            QVERIFY2(steps.contains(key), qPrintable(key));
            QVERIFY(QFile::exists(
                QDir(dir.path()).filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(lang), step.id))));
        }
        for (const char* extra : { "card-front", "card-back", "software-keyboard", "error-serial-hyphen",
                 "error-wrong-otp", "error-wrong-pin", "error-empty-list", "suspended" })
            QVERIFY2(QFile::exists(
                         QDir(dir.path())
                             .filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(lang), QLatin1String(extra)))),
                extra);
    }
    QCOMPARE(files.size(), 2 * (ManualSteps::steps().size() + ScreenshotTour::extraShots().size()));
    // The English titles are English.
    for (const QJsonValue& v : files) {
        const QJsonObject f = v.toObject();
        if (f[QStringLiteral("language")].toString() == QLatin1String("en"))
            QVERIFY2(!f[QStringLiteral("title")].toString().contains(
                         QRegularExpression(QStringLiteral("[\\x{3040}-\\x{30FF}]"))),
                qPrintable(f[QStringLiteral("title")].toString()));
    }
}

void TestScreenshotTour::noCalloutsChangesThePictures()
{
    QTemporaryDir b;
    const QJsonArray& with = m_withCallouts; // manifestCoversEveryStepInBothLanguages' run
    const QJsonArray without = runTour(b.path(), false);
    QVERIFY(!with.isEmpty());
    QCOMPARE(with.size(), without.size());
    int differ = 0;
    for (int i = 0; i < with.size(); ++i)
        differ += with[i].toObject()[QStringLiteral("sha256")] != without[i].toObject()[QStringLiteral("sha256")];
    QVERIFY(differ >= 22); // every step picture has a highlight frame
}

namespace {

// A poppler-utils tool's output (installed by the scripts); empty if it cannot run.
QString poppler(const QString& tool, const QStringList& args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Without white space and hyphens (pdftotext breaks lines where the layout did, and joins
// "one-" + "time" as "onetime"). Not normalised: the text extracted must be the text written
// (IPAexGothic draws 用 and the Kangxi radical ⽤ with one glyph; the PDF names it 用).
QString squeezed(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("[\\s-]+")));
}

} // namespace

// The chapter as HTML and as a PDF a bank would print: every sentence of the step table and the
// introductions, the edition, every step's text on a page with a picture, pictures at 2x and
// lossless, a page count and a running header on every page.
void TestScreenshotTour::chapterExportHasHtmlAndPdf()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(ManualExport::run(dir.path(), { QStringLiteral("ja"), QStringLiteral("en") }, &error), qPrintable(error));
    Language language;
    for (const char* lang : { "ja", "en" }) {
        QVERIFY(language.set(QLatin1String(lang)));
        const QList<ManualSection> sections = ManualSteps::sections();
        int figures = 0;
        for (const ManualStep& step : ManualSteps::steps())
            figures += step.figuresBefore.size() + step.figuresAfter.size();
        QFile html(QDir(dir.path()).filePath(QStringLiteral("chapter9-%1.html").arg(QLatin1String(lang))));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        // Every picture the chapter shows was just rendered, at 2x.
        const QRegularExpression img(QStringLiteral("src=\"([^\"]+)\""));
        int images = 0;
        for (auto it = img.globalMatch(text); it.hasNext(); ++images) {
            const QString src = it.next().captured(1);
            QVERIFY2(src.endsWith(QLatin1String("@2x.png")), qPrintable(src));
            QVERIFY(QFile::exists(QDir(dir.path()).filePath(src)));
        }
        QCOMPARE(images, ManualSteps::steps().size() + figures);
        // Button names in bold, as in the manual.
        QVERIFY(text.contains(QStringLiteral("<b>%1</b>")
                                  .arg(QLatin1String(lang) == QLatin1String("ja") ? QStringLiteral("利用登録")
                                                                                  : QStringLiteral("Register"))));

        const QString pdf = QDir(dir.path()).filePath(QStringLiteral("chapter9-%1.pdf").arg(QLatin1String(lang)));
        const QString info = poppler(QStringLiteral("pdfinfo"), { pdf });
        QVERIFY2(!info.isEmpty(), "pdfinfo (poppler-utils) did not run");
        const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
        QVERIFY(info.contains(QStringLiteral("A4")));
        // The page count is the layout's: writing the PDF again says how many pages it laid out.
        ManualExport::PdfLayout laidOut;
        const QString again = QDir(dir.path()).filePath(QStringLiteral("again.pdf"));
        QVERIFY2(ManualExport::writePdf(
                     again,
                     [&](const QString& id) -> QString {
                         return QDir(dir.path())
                             .filePath(QStringLiteral("images/%1-%2@2x.png").arg(QLatin1String(lang), id));
                     },
                     &laidOut, &error),
            qPrintable(error));
        QCOMPARE(pages, laidOut.pages);
        QVERIFY2(pages >= 6 && pages <= 14, qPrintable(info));
        // Print-ready: every step with its boxes and notes (no page begins with one), and no page
        // but the last under half full.
        QStringList fills;
        for (qsizetype n = 0; n < laidOut.fill.size(); ++n) {
            fills << QStringLiteral("%1: %2 %").arg(n + 1).arg(qRound(laidOut.fill[n] * 100));
            QVERIFY2(
                !laidOut.startsWithAside.value(n), qPrintable(QStringLiteral("page %1 begins with a box").arg(n + 1)));
        }
        qInfo("%s: %d pages, filled %s; pictures at least %d %% wide", lang, pages,
            qPrintable(fills.join(QStringLiteral(", "))), qRound(laidOut.smallestScale * 100));
        for (qsizetype n = 0; n + 1 < laidOut.fill.size(); ++n)
            QVERIFY2(laidOut.fill[n] >= 0.5, qPrintable(fills.join(QStringLiteral(", "))));
        // A page's remainder is filled with pictures at 80 % at least; only a step taller than a whole
        // page (9.2.2 step 3 with its cards and boxes) is made narrower, to fit one page.
        QVERIFY(laidOut.smallestScale >= 0.6);
        QStringList pageText;
        for (int n = 1; n <= pages; ++n) {
            pageText << squeezed(poppler(QStringLiteral("pdftotext"),
                { QStringLiteral("-f"), QString::number(n), QStringLiteral("-l"), QString::number(n), pdf,
                    QStringLiteral("-") }));
            // The running header and the page number on every page.
            QVERIFY2(pageText.last().contains(squeezed(ManualSteps::chapterTitle())), qPrintable(QString::number(n)));
            QVERIFY2(
                pageText.last().contains(QStringLiteral("%1/%2").arg(n).arg(pages)), qPrintable(QString::number(n)));
        }
        const QString all = pageText.join(QString());
        // No character a reader would not have typed: nothing from the Kangxi radicals or the CJK
        // radicals supplement (U+2E80–U+2FDF), so searching and copying find 「利用」.
        const QString raw = poppler(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        const auto radical = std::find_if(
            raw.cbegin(), raw.cend(), [](QChar c) { return c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF; });
        QVERIFY2(
            radical == raw.cend(), qPrintable(QStringLiteral("U+%1 in the PDF's text").arg(radical->unicode(), 4, 16)));
        if (QLatin1String(lang) == QLatin1String("ja"))
            QVERIFY(raw.count(QStringLiteral("利用")) >= 40);
        QVERIFY(all.contains(squeezed(ManualSteps::edition())));
        // Every sentence of the table is in the PDF.
        QStringList sentences;
        for (const ManualSection& s : sections) {
            sentences << s.title << s.intro << s.choices;
            for (const ManualBox& b : s.boxes)
                sentences << b.lines;
            for (const ManualStep& step : s.steps) {
                sentences << step.text;
                for (const ManualBox& b : step.boxes)
                    sentences << b.lines;
                for (const ManualNote& note : step.notes)
                    sentences << note.lead << note.text;
                for (const ManualFigure& f : step.figuresBefore + step.figuresAfter)
                    sentences << f.caption;
            }
        }
        for (const QString& sentence : std::as_const(sentences))
            QVERIFY2(all.contains(squeezed(ManualSteps::plain(sentence))), qPrintable(sentence));
        // No step's text on a page without a picture; the pictures are lossless (not JPEG).
        const QString list = poppler(QStringLiteral("pdfimages"), { QStringLiteral("-list"), pdf });
        QSet<int> pagesWithImages;
        for (const QString& line : list.split(QLatin1Char('\n')).mid(2)) {
            const QStringList cols = line.simplified().split(QLatin1Char(' '));
            if (cols.size() > 8) {
                pagesWithImages.insert(cols[0].toInt());
                QVERIFY2(cols[8] != QLatin1String("jpeg"), qPrintable(line));
            }
        }
        for (const ManualStep& step : ManualSteps::steps()) {
            const QString start = squeezed(ManualSteps::plain(step.text)).left(24);
            int page = 0;
            for (int n = 0; n < pageText.size() && page == 0; ++n) {
                if (pageText[n].contains(start))
                    page = n + 1;
            }
            QVERIFY2(page > 0, qPrintable(step.id));
            QVERIFY2(pagesWithImages.contains(page), qPrintable(step.id + QStringLiteral(" on page %1").arg(page)));
        }
    }
    language.set(QStringLiteral("ja"));
}

// Two runs write the same files, and the pictures do not depend on the writer's machine: the same
// bytes under LANG=C and UTC as under
// LANG=ja_JP.UTF-8 (fontconfig's choices follow it) and another time zone; compressed for real
// (the whole ja + en set at 1× within 6 MB); the crop keeps no empty lower half.
void TestScreenshotTour::samePicturesUnderAnyLocaleAndSmall()
{
    QTemporaryDir a;
    QTemporaryDir b;
    const auto tour = [](const QString& dir, const QString& lang, const QString& tz) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("LC_ALL"), lang);
        env.insert(QStringLiteral("TZ"), tz);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HARDTOKEN_CLI), { QStringLiteral("screenshots"), QStringLiteral("--out"), dir });
        p.waitForFinished(180000);
        if (p.exitCode() != 0)
            qWarning() << p.readAllStandardError();
        QFile manifest(QDir(dir).filePath(QStringLiteral("manifest.json")));
        if (!manifest.open(QIODevice::ReadOnly))
            return QJsonArray();
        return QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("files")).toArray();
    };
    const QJsonArray c = tour(a.path(), QStringLiteral("C"), QStringLiteral("UTC"));
    const QJsonArray ja = tour(b.path(), QStringLiteral("ja_JP.UTF-8"), QStringLiteral("America/New_York"));
    QVERIFY(c.size() >= 38);
    QCOMPARE(c.size(), ja.size());
    QCOMPARE(c, ja); // every file, title, size and hash
    qint64 total = 0;
    for (int i = 0; i < c.size(); ++i) {
        const QJsonObject x = c[i].toObject();
        QCOMPARE(x[QStringLiteral("file")], ja[i].toObject()[QStringLiteral("file")]);
        QVERIFY2(x[QStringLiteral("sha256")] == ja[i].toObject()[QStringLiteral("sha256")],
            qPrintable(x[QStringLiteral("file")].toString() + QStringLiteral(" differs between the locales")));
        total += QFileInfo(QDir(a.path()).filePath(x[QStringLiteral("file")].toString())).size();
        // Cropped: a page is only as tall as its content (+ the margin), and at most the window.
        if (x[QStringLiteral("file")].toString().endsWith(QLatin1String("9.1-1.png")))
            QVERIFY2(x[QStringLiteral("height")].toInt() < 400,
                qPrintable(QString::number(x[QStringLiteral("height")].toInt())));
    }
    qInfo("ja + en at 1x: %d files, %lld bytes", int(c.size()), total);
    QVERIFY2(total <= 6 * 1024 * 1024, qPrintable(QString::number(total)));
    // The Japanese 利用中止 notice has a Japanese date, in Japan's time.
    QVERIFY(QFileInfo::exists(QDir(a.path()).filePath(QStringLiteral("ja-suspended.png"))));
}

QTEST_MAIN(TestScreenshotTour)
#include "tst_screenshottour.moc"
