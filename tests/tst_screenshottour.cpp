// The manual writers' tools: the screenshot tour and the chapter export.
#include "ManualExport.h"
#include "ScreenshotTour.h"

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
    for (const char* lang : { "ja", "en" }) {
        for (const char* s : { "9.1-1", "9.1-2", "9.1-3", "9.2.1-1", "9.2.1-2", "9.2.1-3", "9.2.1-4", "9.2.2-1",
                 "9.2.2-2", "9.2.2-3", "9.2.2-4" })
            QVERIFY2(steps.contains(QLatin1String(lang) + QLatin1Char(':') + QLatin1String(s)), s);
        for (const char* extra : { "card-front", "card-back", "software-keyboard", "error-serial-hyphen",
                 "error-wrong-otp", "error-wrong-pin", "error-empty-list", "suspended" })
            QVERIFY2(QFile::exists(
                         QDir(dir.path())
                             .filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(lang), QLatin1String(extra)))),
                extra);
    }
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
    QTemporaryDir a;
    QTemporaryDir b;
    const QJsonArray with = runTour(a.path(), true);
    const QJsonArray without = runTour(b.path(), false);
    QCOMPARE(with.size(), without.size());
    int differ = 0;
    for (int i = 0; i < with.size(); ++i)
        differ += with[i].toObject()[QStringLiteral("sha256")] != without[i].toObject()[QStringLiteral("sha256")];
    QVERIFY(differ >= 22); // every step picture has a highlight frame
}

void TestScreenshotTour::chapterExportHasHtmlAndPdf()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(ManualExport::run(dir.path(), { QStringLiteral("ja"), QStringLiteral("en") }, &error), qPrintable(error));
    for (const char* lang : { "ja", "en" }) {
        QFile html(QDir(dir.path()).filePath(QStringLiteral("chapter9-%1.html").arg(QLatin1String(lang))));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        // Every picture the chapter shows was just rendered.
        const QRegularExpression img(QStringLiteral("src=\"([^\"]+)\""));
        int images = 0;
        for (auto it = img.globalMatch(text); it.hasNext(); ++images)
            QVERIFY(QFile::exists(QDir(dir.path()).filePath(it.next().captured(1))));
        QCOMPARE(images, 13);
        QFile pdf(QDir(dir.path()).filePath(QStringLiteral("chapter9-%1.pdf").arg(QLatin1String(lang))));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page ") + bytes.count("/Type /Page>") >= 3
            || bytes.size() > 200000);
    }
    QFile ja(QDir(dir.path()).filePath(QStringLiteral("chapter9-ja.html")));
    QVERIFY(ja.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(ja.readAll())
                .contains(QStringLiteral("利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。")));
    QFile en(QDir(dir.path()).filePath(QStringLiteral("chapter9-en.html")));
    QVERIFY(en.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(en.readAll()).contains(QStringLiteral("9.2.2")));
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
