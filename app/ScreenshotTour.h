#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace hardtoken {

struct TourOptions {
    QString outDir;
    QStringList languages { QStringLiteral("ja"), QStringLiteral("en") };
    bool callouts = true;
    // The pictures' pixel ratio; 0 = the application's (QT_SCALE_FACTOR, hardtoken-cli --scale).
    // The chapter export asks for 2 whatever the application's is.
    int scale = 0;
    // Hears each picture as it is written: how many so far, of how many, and which.
    std::function<void(int done, int total, const QString& file)> progress;
};

// One file the tour wrote, and where it belongs in the manual.
struct TourShot {
    QString id; // the picture's name in the manual's table: 9.2.2-4, card-back, suspended …
    QString file; // relative to the output folder
    QString section;
    QString step;
    QString title;
    QString language;
    int scale = 1;
    int width = 0;
    int height = 0;
    QString sha256;
};

// The screenshot tour for manual writers: every screen of chapter 9 in the state the manual shows
// at each step (plus the card pictures, the software keyboard, the error states and the 利用中止
// notice), rendered from the live program on a private temporary training store, with a fixed
// clock, fixed data, a named font (IPAexGothic) and a fixed keyboard shuffle, so that two runs
// write byte-identical PNGs. Needs a QApplication (offscreen is fine). The scale is the
// application's device pixel ratio (QT_SCALE_FACTOR, set by hardtoken-cli --scale).
class ScreenshotTour final {
    Q_DECLARE_TR_FUNCTIONS(ScreenshotTour)
public:
    static constexpr qint64 TourEpochSecs = 1693558800; // 2023-09-01 09:00:00 UTC, the manual's edition
    // Below the lowest visible part of a screen, the capture keeps this much and no more.
    static constexpr int CropMarginPx = 16;
    // A picture that is not a step of the manual's table: its name, and the step it is taken after
    // (in that step's state), or none: after the chapter's steps.
    struct ExtraShot {
        enum class Kind { SerialWithHyphens, WrongOtp, SoftwareKeyboard, WrongPin, EmptyList, Card, Suspended };
        Kind kind;
        QString id; // the file's name: error-wrong-otp, card-back, suspended …
        QString afterStep; // "9.2.1-3"; empty: after the chapter
    };
    // The tour's extra pictures, in the order they are taken: the input screen's error states, the
    // software keyboard and the confirm screen's, the two card faces (in the steps table's order),
    // 利用中止.
    static const QList<ExtraShot>& extraShots();

    static bool run(const TourOptions& options, QList<TourShot>* shots, QString* error);
    // manifest.json: every file with its section, step, title, language, scale, size and sha256.
    static bool writeManifest(const QString& outDir, const QList<TourShot>& shots, QString* error);
    // Makes IPAexGothic the application font; false (with the reason) when it is not installed.
    static bool useTourFont(QString* error);
};

} // namespace hardtoken
