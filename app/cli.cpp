// hardtoken-cli: the console's headless companion (status, scenarios, help-desk acts, imports,
// audit, training reports, the manual's pictures). Each command is one entry of the table in
// app/cli/ (Command.h): its words, operands, options, help and handler. This file parses the
// command line, checks it against the entry and runs the handler.
#include "Language.h"
#include "StoreSetup.h"
#include "cli/Command.h"
#include "cli/Terminal.h"
#include "store/AuditLog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

using namespace hardtoken;
using namespace hardtoken::cli;

namespace {

// The commands that draw widgets need a QApplication (offscreen unless told otherwise), and the
// device pixel ratio must be set before it exists.
bool prepareForWidgets(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--scale" && i + 1 < argc)
            qputenv("QT_SCALE_FACTOR", argv[i + 1]);
        else if (a.startsWith("--scale="))
            qputenv("QT_SCALE_FACTOR", a.mid(8));
    }
    const Command* command = findCommand(argc, argv);
    const bool widgets = command && command->widgets;
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return widgets;
}

// The offscreen platform says this for every window it shows; it is not news to a script.
void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("propagateSizeHints")) || message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        return;
    QTextStream(stderr) << qFormatLogMessage(type, context, message) << Qt::endl;
}

// The language of the messages: --lang (its first item), else LC_ALL / LC_MESSAGES / LANG when
// they name English; Japanese otherwise (the source language).
QString messageLanguage(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString a = arguments[i];
        QString value;
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            value = arguments[i + 1];
        else if (a.startsWith(QLatin1String("--lang=")))
            value = a.mid(7);
        if (!value.isEmpty())
            return value.section(QLatin1Char(','), 0, 0).trimmed();
    }
    for (const char* variable : { "LC_ALL", "LC_MESSAGES", "LANG" }) {
        const QString v = qEnvironmentVariable(variable);
        if (!v.isEmpty())
            return v.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("ja");
    }
    return QStringLiteral("ja");
}

// The command line measured against the command's entry: the operands exactly, only the options it
// takes, the ones it requires. Empty when it fits, else why not.
QString misfit(const Command& command, const QCommandLineParser& parser, const QStringList& args)
{
    const qsizetype operands = args.isEmpty() ? 0 : args.size() - command.words.size();
    if (operands > command.operands.size()) {
        return QCoreApplication::translate("cli", "余分な引数があります: %1")
            .arg(AuditLog::printable(args.mid(command.words.size() + command.operands.size()).join(QLatin1Char(' '))));
    }
    if (operands < command.operands.size())
        return QCoreApplication::translate("cli", "引数が足りません");
    static const QStringList global { QStringLiteral("help"), QStringLiteral("h"), QStringLiteral("?"),
        QStringLiteral("help-all"), QStringLiteral("version"), QStringLiteral("v"), QStringLiteral("lang"),
        QStringLiteral("database"), QStringLiteral("postgres"), QStringLiteral("key-file"), QStringLiteral("scenario"),
        QStringLiteral("training"), QStringLiteral("keychain"), QStringLiteral("no-keychain") };
    for (const QString& name : parser.optionNames()) {
        if (!global.contains(name) && !command.options.contains(name)
            && !(command.json && name == QLatin1String("json")))
            return QCoreApplication::translate("cli", "オプション --%1 は %2 では使えません").arg(name, command.name());
    }
    for (const QString& name : command.required) {
        if (!parser.isSet(name))
            return missingOption(name);
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
#endif
    const bool widgets = prepareForWidgets(argc, argv);
    if (widgets)
        qInstallMessageHandler(quietOffscreen);
    std::unique_ptr<QCoreApplication> application(
        widgets ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("HardTokenConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("hardtoken-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // Messages in the chosen language (Japanese is the source), Qt's own (the help's "Usage:") too:
    // the console's Language, so both programs find the translations in the same places.
    Language language;
    if (!language.set(messageLanguage(QCoreApplication::arguments())))
        language.set(QStringLiteral("ja"));

    QCommandLineParser parser;
    parser.setApplicationDescription(programDescription());
    parser.addHelpOption();
    parser.addVersionOption();
    StoreOptions::addTo(parser);
    parser.addOptions(commandOptions());
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("cli", "コマンド（上の一覧）"));
    // Parsed here, not by process(): its errors are English and name the wrong program.
    if (!parser.parse(QCoreApplication::arguments())) {
        const QStringList unknown = parser.unknownOptionNames();
        return usageError(unknown.isEmpty()
                ? parser.errorText()
                : QCoreApplication::translate("cli", "不明なオプションです: %1")
                      .arg((unknown.constFirst().size() == 1 ? QStringLiteral("-") : QStringLiteral("--"))
                          + unknown.constFirst()));
    }
    const QStringList args = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QStringLiteral("hardtoken-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const Command* command = findCommand(args.isEmpty() ? QStringList { QStringLiteral("status") } : args);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << (!args.isEmpty() && command ? commandHelp(*command)
                                             : parser.helpText().replace(QCoreApplication::arguments().constFirst(),
                                                 QStringLiteral("hardtoken-cli")))
              << Qt::flush;
        return 0;
    }
    if (!command) {
        return usageError(QCoreApplication::translate("cli", "不明なコマンドです: %1")
                              .arg(AuditLog::printable(args.mid(0, 2).join(QLatin1Char(' ')))));
    }
    if (const QString why = misfit(*command, parser, args); !why.isEmpty())
        return usageError(withUsage(why, *command));
    Invocation call(*command, parser, args.mid(command->words.size()), language);
    if (command->store != Command::StoreUse::None && !call.openStore())
        return 1;
    return command->run(call);
}
