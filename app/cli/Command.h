#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace hardtoken {

class Language;
class SystemClock;
class RegistrationService;
class Store;
struct StoreOptions;

namespace cli {

class Invocation;

// One hardtoken-cli command: everything about it in one entry. The help, the usage lines, the
// operand and option checks and the dispatch are all made from these entries (commands()).
struct Command {
    // What the command does to a store: nothing (it writes files or reads the bundle), read an
    // existing one (never creating one: a mistyped --database is said instead), or write.
    enum class StoreUse { None, Reads, Writes };

    QStringList words; // "staff add"
    QStringList operands; // their names, for the usage line; the count is exact
    QStringList options; // the options it takes besides the global ones (the store's, --lang, --help)
    QStringList required; // those of `options` it cannot run without
    StoreUse store = StoreUse::Writes;
    bool json = false; // answers in JSON with --json
    bool widgets = false; // draws widgets (needs a QApplication, offscreen unless told otherwise)
    const char* summary = ""; // QT_TRANSLATE_NOOP("cli", …): what it does, and what it reads on stdin
    std::function<int(Invocation&)> run;
    // Before the store is opened: what the command changes in how (scenario load FILE).
    std::function<void(StoreOptions&, const QStringList& operands)> prepareStore = {};

    QString name() const { return words.join(QLatin1Char(' ')); }
};

// "staff add" -> { "staff", "add" }: the table's words, operands and options.
QStringList words(const char* text);
// 「オプション --NAME が必要です」
QString missingOption(const QString& name);

// The commands, in the order the help lists them.
const QList<Command>& commands();
// The command the words name (the longest match), or nullptr.
const Command* findCommand(const QStringList& words);
// The command whose words stand in argv in order (before QCoreApplication exists), or nullptr.
const Command* findCommand(int argc, char* argv[]);

// The groups, one file each.
QList<Command> storeCommands(); // StoreCommands.cpp: status, scenarios, otp, init, rotate-key
QList<Command> deskCommands(); // DeskCommands.cpp: the 管理 menu's acts, staff, cards
QList<Command> importCommands(); // ImportCommands.cpp: roster and tokens
QList<Command> auditCommands(); // AuditCommands.cpp: the log, its check and export
QList<Command> trainingCommands(); // TrainingCommands.cpp: exercises, screenshots, the manual

// The options commands take, made once the language is set (their descriptions are translated).
const QList<QCommandLineOption>& commandOptions();

// "hardtoken-cli import tokens FILE [--staff LOGIN] [--check] …": required options without brackets.
QString usageLine(const Command& command);
// The help of one command: its usage, what it does, its own options.
QString commandHelp(const Command& command);
// The program's description for --help: every command's usage line and summary.
QString programDescription();
// `why`, then 「使い方: <usage line>」 on the next line.
QString withUsage(const QString& why, const Command& command);
// A refused command line: why, where to read more; returns exit code 2.
int usageError(const QString& why);

// What a handler is given: the parsed command line, the command's operands and, for the commands
// that use one, the opened store and the registration service over it.
class Invocation final {
public:
    Invocation(const Command& command, const QCommandLineParser& parser, QStringList operands, Language& language);
    ~Invocation();

    const Command& command() const { return m_command; }
    const QStringList& operands() const { return m_operands; }
    QString value(const QString& option) const { return m_parser.value(option); }
    bool isSet(const QString& option) const { return m_parser.isSet(option); }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    Language& language() const { return m_language; }

    // Opens the store the global options name (for commands whose StoreUse is not None); false
    // with the reason printed.
    bool openStore();
    Store& store() const { return *m_store; }
    RegistrationService& service() const { return *m_service; }

    // The command's usage after `why` (a value the command cannot take); exit code 2.
    int usage(const QString& why) const;

private:
    const Command& m_command;
    const QCommandLineParser& m_parser;
    QStringList m_operands;
    Language& m_language;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RegistrationService> m_service;
};

} // namespace cli
} // namespace hardtoken
