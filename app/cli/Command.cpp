#include "Command.h"

#include "StoreSetup.h"
#include "Terminal.h"
#include "core/Clock.h"
#include "desk/RegistrationService.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace hardtoken::cli {

namespace {

// The options commands take: name, description, value name (none: a switch) and default.
struct OptionSpec {
    const char* name;
    const char* description; // QT_TRANSLATE_NOOP("cli", …)
    const char* valueName = nullptr;
    const char* defaultValue = nullptr;
};

const OptionSpec kOptions[] = {
    { "staff", QT_TRANSLATE_NOOP("cli", "ヘルプデスク担当者ID。"), "login" },
    { "verify", QT_TRANSLATE_NOOP("cli", "監査ログの改ざんを検査します。") },
    { "serial", QT_TRANSLATE_NOOP("cli", "トークンのシリアル番号（半角数字10桁）。"), "serial" },
    { "at", QT_TRANSLATE_NOOP("cli", "otp の時刻（UNIX 時刻、秒）。"), "time" },
    { "out",
        QT_TRANSLATE_NOOP(
            "cli", "出力先（screenshots と manual: フォルダー。audit export と scenario generate: ファイル）。"),
        "path" },
    { "lang", QT_TRANSLATE_NOOP("cli", "言語（カンマ区切り）。"), "list", "ja,en" },
    { "scale", QT_TRANSLATE_NOOP("cli", "倍率（1 または 2）。"), "n", "1" },
    { "no-callouts", QT_TRANSLATE_NOOP("cli", "番号の吹き出しと強調の枠を付けません。") },
    { "check", QT_TRANSLATE_NOOP("cli", "import: 書き込まずに結果だけを表示します。") },
    { "prune", QT_TRANSLATE_NOOP("cli", "import roster: ファイルにない利用者を削除します（利用登録も解除）。") },
    { "encoding", QT_TRANSLATE_NOOP("cli", "import roster: 文字コード（utf-8、shift_jis、cp932。既定は自動判定）。"),
        "name" },
    { "name", QT_TRANSLATE_NOOP("cli", "init: 管理者の氏名。"), "name" },
    { "replace",
        QT_TRANSLATE_NOOP("cli",
            "import tokens: 登録済みのシリアル番号を置き換えます（利用登録済みのトークンの状態は変えません）。") },
    { "pskc-key", QT_TRANSLATE_NOOP("cli", "import tokens: PSKC の事前共有鍵のファイル（16 進数）。"), "file" },
    { "passphrase-file", QT_TRANSLATE_NOOP("cli", "import tokens: PSKC のパスフレーズのファイル（1 行目）。"), "file" },
    { "serial-prefix", QT_TRANSLATE_NOOP("cli", "import tokens: シリアル番号の先頭から取り除く文字列。"), "prefix" },
    { "corporation", QT_TRANSLATE_NOOP("cli", "契約法人コード（データベースに契約法人が 1 つだけなら省略可）。"),
        "code" },
    { "reason", QT_TRANSLATE_NOOP("cli", "操作の理由（監査ログに記録されます）。"), "text" },
    { "role", QT_TRANSLATE_NOOP("cli", "staff add: staff（担当者）または admin（管理者）。"), "role" },
    { "user", QT_TRANSLATE_NOOP("cli", "audit export: 利用者名または利用者IDの一部。"), "text" },
    { "action", QT_TRANSLATE_NOOP("cli", "audit export: 操作（例: corporation.unlocked、token.）。"), "action" },
    { "actor", QT_TRANSLATE_NOOP("cli", "audit export: 操作者（担当者ID、cli など）。"), "actor" },
    { "from", QT_TRANSLATE_NOOP("cli", "audit export: この日から（YYYY-MM-DD）。"), "date" },
    { "to", QT_TRANSLATE_NOOP("cli", "audit export: この日まで（YYYY-MM-DD）。"), "date" },
    { "json", QT_TRANSLATE_NOOP("cli", "status, audit: JSON で出力します（README の「hardtoken-cli --json」）。") },
    { "users", QT_TRANSLATE_NOOP("cli", "scenario generate: 利用者の数。"), "n", "50000" },
    { "quiet", QT_TRANSLATE_NOOP("cli", "screenshots と manual: 進み具合を表示しません。") },
    { "trainee", QT_TRANSLATE_NOOP("cli", "exercise report: この研修者の結果だけ。"), "name" },
    { "desk-role", QT_TRANSLATE_NOOP("cli", "server: 窓口の端末が接続に使う PostgreSQL のロール名。"), "role" },
};

const QCommandLineOption* optionNamed(const QString& name)
{
    for (const QCommandLineOption& o : commandOptions()) {
        if (o.names().constFirst() == name)
            return &o;
    }
    return nullptr;
}

} // namespace

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QString missingOption(const QString& name)
{
    return QCoreApplication::translate("cli", "オプション --%1 が必要です").arg(name);
}

const QList<Command>& commands()
{
    static const QList<Command> all
        = storeCommands() + deskCommands() + importCommands() + auditCommands() + trainingCommands();
    return all;
}

const Command* findCommand(const QStringList& words)
{
    const Command* found = nullptr;
    for (const Command& c : commands()) {
        if (words.size() >= c.words.size() && words.mid(0, c.words.size()) == c.words
            && (!found || c.words.size() > found->words.size()))
            found = &c;
    }
    return found;
}

const Command* findCommand(int argc, char* argv[])
{
    QStringList words;
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-')
            words << QString::fromLocal8Bit(argv[i]);
    }
    for (int skip = 0; skip < words.size(); ++skip) {
        if (const Command* c = findCommand(words.mid(skip)))
            return c;
    }
    return nullptr;
}

const QList<QCommandLineOption>& commandOptions()
{
    static const QList<QCommandLineOption> options = [] {
        QList<QCommandLineOption> list;
        for (const OptionSpec& o : kOptions) {
            const QString name = QString::fromLatin1(o.name);
            const QString description = QCoreApplication::translate("cli", o.description);
            if (!o.valueName)
                list.append(QCommandLineOption(name, description));
            else
                list.append(QCommandLineOption(name, description, QString::fromLatin1(o.valueName),
                    o.defaultValue ? QString::fromLatin1(o.defaultValue) : QString()));
        }
        return list;
    }();
    return options;
}

QString usageLine(const Command& command)
{
    QString line = QStringLiteral("hardtoken-cli ") + command.name();
    for (const QString& operand : command.operands)
        line += QLatin1Char(' ') + operand;
    for (const QString& name : command.options) {
        const QCommandLineOption* o = optionNamed(name);
        const QString value = o && !o->valueName().isEmpty() ? QLatin1Char(' ') + o->valueName().toUpper() : QString();
        const QString option = QStringLiteral("--") + name + value;
        line += command.required.contains(name) ? QString(QLatin1Char(' ') + option)
                                                : QString(QStringLiteral(" [") + option + QLatin1Char(']'));
    }
    if (command.json)
        line += QStringLiteral(" [--json]");
    return line;
}

QString commandHelp(const Command& command)
{
    QString help = QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(command)) + QStringLiteral("\n\n")
        + QCoreApplication::translate("cli", command.summary) + QStringLiteral("\n\n");
    for (const QCommandLineOption& o : commandOptions()) {
        const QString name = o.names().constFirst();
        if (command.options.contains(name) || (command.json && name == QLatin1String("json")))
            help += QStringLiteral("  --%1").arg(name, -20) + QLatin1Char(' ') + o.description() + QLatin1Char('\n');
    }
    return help + QLatin1Char('\n')
        + QCoreApplication::translate(
            "cli", "データベースの指定など共通のオプションは hardtoken-cli --help で表示します。")
        + QLatin1Char('\n');
}

QString programDescription()
{
    QString text = QCoreApplication::translate("cli", "カード型ハードトークン 管理コンソール（コマンドライン）")
        + QStringLiteral("\n\n") + QCoreApplication::translate("cli", "コマンド:") + QLatin1Char('\n');
    for (const Command& c : commands()) {
        text += QStringLiteral("  ") + usageLine(c).mid(QStringLiteral("hardtoken-cli ").size()) + QLatin1Char('\n')
            + QStringLiteral("      ") + QCoreApplication::translate("cli", c.summary) + QLatin1Char('\n');
    }
    return text + QLatin1Char('\n')
        + QCoreApplication::translate("cli", "コマンドごとの説明: hardtoken-cli COMMAND --help");
}

QString withUsage(const QString& why, const Command& command)
{
    return why + QLatin1Char('\n') + QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(command));
}

int usageError(const QString& why)
{
    err() << QStringLiteral("hardtoken-cli: ") << why << '\n'
          << QCoreApplication::translate("cli", "使い方は hardtoken-cli --help で表示します。") << Qt::endl;
    return 2;
}

Invocation::Invocation(
    const Command& command, const QCommandLineParser& parser, QStringList operands, Language& language)
    : m_command(command)
    , m_parser(parser)
    , m_operands(std::move(operands))
    , m_language(language)
{
}

Invocation::~Invocation() = default;

bool Invocation::openStore()
{
    StoreOptions options = StoreOptions::from(m_parser);
    if (m_command.prepareStore)
        m_command.prepareStore(options, m_operands);
    // A command that only reads opens an existing store; it never leaves a new empty one behind
    // (a mistyped --database, or none at all, is said instead).
    if (m_command.store == Command::StoreUse::Reads && options.postgres.isEmpty() && options.scenario.isEmpty()
        && !QFileInfo::exists(options.database)) {
        err() << QCoreApplication::translate("cli",
            "データベース %1 がありません。--database で既存のデータベースを指定してください"
            "（新しく作るときは init、トレーニング用は --training）。")
                     .arg(QDir::toNativeSeparators(options.database))
              << Qt::endl;
        return false;
    }
    if (options.desk) {
        err() << QCoreApplication::translate(
            "cli", "--desk はコンソールのオプションです。コマンドラインからは desk import を使ってください。")
              << Qt::endl;
        return false;
    }
    m_clock = std::make_unique<SystemClock>();
    m_store = std::make_unique<Store>(*m_clock);
    QString error;
    if (!options.open(*m_store, &error)) {
        err() << error << Qt::endl;
        return false;
    }
    m_service = std::make_unique<RegistrationService>(*m_store);
    m_service->selectCorporation();
    m_service->setActor(QStringLiteral("cli"));
    return true;
}

int Invocation::usage(const QString& why) const
{
    return usageError(withUsage(why, m_command));
}

} // namespace hardtoken::cli
