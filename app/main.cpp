#include "AfterFirstPaint.h"
#include "DesktopSettings.h"
#include "FirstPaintProbe.h"
#include "Language.h"
#include "LogFile.h"
#include "MainWindow.h"
#include "StartupWarmUp.h"
#include "StoreSetup.h"
#include "Style.h"
#include "TrainingHost.h"
#include "core/Clock.h"
#include "desk/RegistrationFlow.h"
#include "desk/RegistrationService.h"
#include "store/IntegrityCheck.h"
#include "store/Store.h"
#include "training/Exercise.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QImageReader>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>

#include <cstdio>

using namespace hardtoken;

namespace {

const QCommandLineOption& exerciseOption()
{
    static const QCommandLineOption option(QStringLiteral("exercise"),
        QStringLiteral("Starts a training exercise: a bundled one's id (hardtoken-cli exercise list) or a"
                       " JSON file. Resets the training store to its scenario."),
        QStringLiteral("id"));
    return option;
}

const QCommandLineOption& traineeOption()
{
    static const QCommandLineOption option(QStringLiteral("trainee"),
        QStringLiteral("The trainee's name the exercise's result is saved under (default: the login name)."),
        QStringLiteral("name"));
    return option;
}

void describe(QCommandLineParser& parser, const QCommandLineOption& langOption)
{
    parser.setApplicationDescription(Language::displayName());
    parser.addHelpOption();
    parser.addVersionOption();
    StoreOptions::addTo(parser);
    parser.addOption(langOption);
    parser.addOption(exerciseOption());
    parser.addOption(traineeOption());
}

// A start-up failure: said on standard error, and in a box where there is a screen to show it
// (the offscreen platform of scripts and tests has none: a box would wait there for ever).
void refuseToStart(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), message);
}

// --exercise: a bundled exercise's id, else a file.
std::optional<Exercise> findExercise(const QString& wanted, QString* error)
{
    for (const QString& path : ExerciseLoader::bundled()) {
        const auto e = ExerciseLoader::load(path, error);
        if (e && e->id == wanted)
            return e;
    }
    if (QFileInfo(wanted).isFile())
        return ExerciseLoader::load(wanted, error);
    *error = QStringLiteral("--exercise: %1 (hardtoken-cli exercise list)").arg(wanted);
    return std::nullopt;
}

// The window's icon, read as the PNG it is: QIcon(path) would ask every image plugin (GIF, ICO,
// JPEG…) whether it reads a ".png", loading each of them and libjpeg.
QIcon consoleIcon()
{
    QImageReader reader(QStringLiteral(":/icons/hardtoken-console.png"), "png");
    reader.setAutoDetectImageFormat(false);
    return QIcon(QPixmap::fromImage(reader.read()));
}

// --help and --version need no window: answered before QApplication (which needs a display).
bool onlyAsksForHelp(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-?" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("Language: ja or en."), QStringLiteral("code"), QStringLiteral("ja"));
    if (onlyAsksForHelp(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("hardtoken-console"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
        QCommandLineParser parser;
        describe(parser, langOption);
        parser.process(app); // prints and exits
        return 0;
    }
    // OpenSSL, the SQLite driver and the fonts are readied on other cores while the window is built.
    StartupWarmUp warmUp;
    QApplication app(argc, argv);
    const auto warmUpJoined = warmUp.applicationReady();
    QApplication::setOrganizationName(QStringLiteral("HardTokenConsole"));
    QApplication::setApplicationName(QStringLiteral("hardtoken-console"));
    QApplication::setApplicationDisplayName(Language::displayName()); // translated by Language::set()
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    applyConsoleStyle(app);
    LogFile::install();

    QCommandLineParser parser;
    describe(parser, langOption);
    parser.process(app);

    // The language: --lang, else the one chosen last time (View > Language), else Japanese.
    QSettings settings;
    Language language;
    const QString wanted = parser.isSet(langOption)
        ? parser.value(langOption)
        : settings.value(desktop::languageKey(), QStringLiteral("ja")).toString();
    if (!language.set(wanted)) {
        refuseToStart(QStringLiteral("--lang: ja | en (%1)").arg(parser.value(langOption)));
        return 2;
    }
    // Kept when chosen in the console (View > Language): --lang is for this start only, and a start
    // writes nothing to the settings (writing them takes a lock and syncs the file to disk).
    QObject::connect(&language, &Language::changed, &app,
        [](const QString& code) { QSettings().setValue(desktop::languageKey(), code); });

    SystemClock clock;
    Store store(clock);
    // The whole-file check runs after the window is up, in a worker thread (IntegrityCheck).
    store.setFullCheckAtOpen(false);
    QString error;
    if (!StoreOptions::from(parser).open(store, &error)) {
        refuseToStart(error);
        return 1;
    }
    RegistrationService service(store);
    RegistrationFlow flow(service);
    MainWindow window(flow, language);
    // No corporation yet: the first-run page; one: the manual's screens; several: 契約法人の選択.
    window.begin();
    // Where the window was last time, if that is still on a screen.
    if (!window.restoreGeometry(settings.value(desktop::windowGeometryKey()).toByteArray()))
        window.fitToScreen();
    if (parser.isSet(exerciseOption())) {
        const auto exercise = findExercise(parser.value(exerciseOption()), &error);
        QString trainee = parser.value(traineeOption());
        if (trainee.isEmpty())
            trainee = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
        if (!exercise || !window.training()->startExercise(*exercise, trainee, &error)) {
            refuseToStart(error);
            return 2;
        }
    }
    window.show();
    // The icon (the title bar's, the task bar's on Linux; Windows shows the executable's) is read
    // once the window is up: decoding its 256×256 PNG is a millisecond of the first paint otherwise.
    AfterFirstPaint::run(&window, [] { QApplication::setWindowIcon(consoleIcon()); });
    IntegrityCheck integrity(store.path());
    if (!store.isPostgres()) {
        QObject::connect(&integrity, &IntegrityCheck::finished, &window, [&window](bool ok, const QString& message) {
            if (ok)
                return;
            // A damaged file: say so and stop before anything else is read from it or written to it.
            QMessageBox::critical(&window, QApplication::applicationDisplayName(), message);
            QApplication::exit(1);
        });
        // Started once the window has painted: the check reads the whole file on another core, and
        // begun before the first paint it delayed it by a quarter at 50,000 users.
        AfterFirstPaint::run(&window, [&integrity] { integrity.start(); });
    }
    // The benchmarks' probe (inert unless asked for): its stamp goes first among the jobs after the
    // first paint (AfterFirstPaint::runFirst), before the icon and the check.
    FirstPaintProbe::watch(&window, [&flow] {
        flow.openUserRegistration();
        flow.startRegistration();
    });
    const int status = QApplication::exec();
    QSettings().setValue(desktop::windowGeometryKey(), window.saveGeometry());
    return status;
}
