// Training and the manual's pictures: the exercises, the trainer's reports, the screenshot tour and
// the chapter itself. These draw widgets (Command::widgets): main() makes a QApplication for them.
#include "Command.h"
#include "Language.h"
#include "ManualExport.h"
#include "ScreenshotTour.h"
#include "Terminal.h"
#include "TrainingCertificate.h"
#include "store/Store.h"
#include "training/Exercise.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"

#include <QCoreApplication>
#include <QDir>

namespace hardtoken::cli {

namespace {

// The bundled exercises, in the course's order; no store is opened.
int listExercises(Invocation& call)
{
    const QString language = call.language().current();
    for (const QString& path : ExerciseLoader::bundled()) {
        QString why;
        const auto exercise = ExerciseLoader::load(path, &why);
        if (!exercise)
            return fail(why);
        out() << exercise->id << '\t' << exercise->titleIn(language) << '\t'
              << QCoreApplication::translate("cli", "%n 手順", nullptr, int(exercise->steps.size())) << '\t'
              << exercise->goalIn(language) << '\n';
    }
    out() << Qt::flush;
    return 0;
}

// Every saved result (or one trainee's) as CSV and one PDF report each.
int writeReports(Invocation& call)
{
    const Store& store = call.store();
    const QString outDir = call.value(QStringLiteral("out"));
    const bool quiet = call.isSet(QStringLiteral("quiet"));
    if (!store.isTrainingStore())
        return fail(QCoreApplication::translate("cli", "このデータベースはトレーニング用ではありません。"));
    QList<TrainingResult> results = TrainingResultTable::list(store);
    if (call.isSet(QStringLiteral("trainee"))) {
        const QString wanted = TrainingResultTable::normaliseTrainee(call.value(QStringLiteral("trainee")));
        results.removeIf([&](const TrainingResult& r) { return r.trainee != wanted; });
    }
    if (!QDir().mkpath(outDir))
        return fail(QCoreApplication::translate("cli", "%1 を作れません。").arg(QDir::toNativeSeparators(outDir)));
    const QDir dir(outDir);
    QString error;
    if (!TrainingReport::writeCsv(results, dir.filePath(QStringLiteral("training-results.csv")), &error))
        return fail(error);
    if (!quiet)
        out() << QStringLiteral("training-results.csv") << Qt::endl;
    for (const TrainingResult& r : std::as_const(results)) {
        // The id keeps two results of the same minute apart.
        const QString name
            = TrainingCertificate::fileName(r, QStringLiteral("pdf")).chopped(4) + QStringLiteral("-r%1.pdf").arg(r.id);
        if (!TrainingCertificate::write(r, dir.filePath(name), &error))
            return fail(error);
        if (!quiet)
            out() << name << Qt::endl;
    }
    if (!quiet) {
        out() << QCoreApplication::translate("cli", "%n 件の結果を %1 に書き出しました。", nullptr, int(results.size()))
                     .arg(QDir::toNativeSeparators(outDir))
              << Qt::endl;
    }
    return 0;
}

// Progress on standard error, one line a picture ("[n/N] file"): the pictures' list and the result
// stay alone on standard output.
std::function<void(const QString&)> progressOf(const Invocation& call)
{
    const bool quiet = call.isSet(QStringLiteral("quiet"));
    return [quiet](const QString& line) {
        if (!quiet)
            err() << line << Qt::endl;
    };
}

QStringList languagesOf(const Invocation& call)
{
    return call.value(QStringLiteral("lang")).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

int writeManual(Invocation& call)
{
    const QString outDir = call.value(QStringLiteral("out"));
    QString error;
    if (!ManualExport::run(outDir, languagesOf(call), &error, progressOf(call)))
        return fail(error);
    if (!call.isSet(QStringLiteral("quiet")))
        out() << QCoreApplication::translate("cli", "%1 に第9章を書き出しました。").arg(outDir) << Qt::endl;
    return 0;
}

int writeScreenshots(Invocation& call)
{
    const QString scale = call.value(QStringLiteral("scale"));
    if (scale != QLatin1String("1") && scale != QLatin1String("2")) {
        err() << QCoreApplication::translate("cli", "--scale は 1 か 2 です。") << Qt::endl;
        return 2;
    }
    TourOptions tour;
    tour.outDir = call.value(QStringLiteral("out"));
    tour.languages = languagesOf(call);
    tour.callouts = !call.isSet(QStringLiteral("no-callouts"));
    const auto progress = progressOf(call);
    tour.progress = [&progress](int done, int total, const QString& file) {
        progress(QStringLiteral("[%1/%2] %3").arg(done).arg(total).arg(file));
    };
    QList<TourShot> shots;
    QString error;
    if (!ScreenshotTour::run(tour, &shots, &error))
        return fail(error);
    if (call.isSet(QStringLiteral("quiet")))
        return 0;
    for (const TourShot& s : std::as_const(shots))
        out() << s.file << '\t' << s.section << '-' << s.step << '\t' << s.title << '\n';
    out() << QCoreApplication::translate("cli", "%1 枚を %2 に書き出しました。").arg(shots.size()).arg(tour.outDir)
          << Qt::endl;
    return 0;
}

} // namespace

QList<Command> trainingCommands()
{
    using Use = Command::StoreUse;
    return {
        { words("exercise list"), {}, {}, {}, Use::None, false, false,
            QT_TRANSLATE_NOOP("cli", "トレーニングの練習（目標と手順）を一覧にします。"), listExercises },
        { words("exercise report"), {}, words("out trainee quiet"), words("out"), Use::Reads, false, true,
            QT_TRANSLATE_NOOP("cli",
                "練習の結果を書き出します: すべての結果の CSV（UTF-8、BOM 付き）と、結果ごとの 1 "
                "ページの報告書（PDF）。"),
            writeReports },
        { words("screenshots"), {}, words("out scale no-callouts quiet"), words("out"), Use::None, false, true,
            QT_TRANSLATE_NOOP("cli", "第9章の全画面の PNG と manifest.json を書き出します（再現可能）。"),
            writeScreenshots },
        { words("manual"), {}, words("out quiet"), words("out"), Use::None, false, true,
            QT_TRANSLATE_NOOP("cli", "最新の画面写真入りの第9章（HTML と PDF）を書き出します。"), writeManual },
    };
}

} // namespace hardtoken::cli
