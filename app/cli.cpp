// hardtoken-cli: the console's headless companion (status, scenarios, help-desk unlock, audit).
#include "AuditLog.h"
#include "AuditSearch.h"
#include "Clock.h"
#include "CorporationRecord.h"
#include "Crypto.h"
#include "Exercise.h"
#include "KeyFile.h"
#include "Language.h"
#include "ManualExport.h"
#include "RegistrationService.h"
#include "RosterImport.h"
#include "Scenario.h"
#include "ScreenshotTour.h"
#include "StaffDesk.h"
#include "StaffRecord.h"
#include "StaffSignIn.h"
#include "Store.h"
#include "StoreSetup.h"
#include "TokenImport.h"
#include "TokenRecord.h"
#include "TrainingCertificate.h"
#include "TrainingRecord.h"
#include "Validation.h"
#include "VirtualToken.h"

#include <QApplication>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

using namespace hardtoken;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

// Secrets come from standard input, one per line in the order the command's help states, or, on a
// terminal, from a prompt that does not echo what is typed. Never from the command line.
class SecretReader final {
public:
    QString next(const QString& prompt)
    {
        static QTextStream in(stdin);
#ifdef Q_OS_WIN
        HANDLE handle = GetStdHandle(STD_INPUT_HANDLE);
        DWORD mode = 0;
        const bool terminal = GetConsoleMode(handle, &mode) != 0;
        if (terminal) {
            err() << prompt << Qt::flush;
            SetConsoleMode(handle, mode & ~DWORD(ENABLE_ECHO_INPUT));
        }
        const QString line = in.readLine();
        if (terminal) {
            SetConsoleMode(handle, mode);
            err() << Qt::endl;
        }
#else
        termios saved {};
        const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
        if (terminal) {
            err() << prompt << Qt::flush;
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        const QString line = in.readLine();
        if (terminal) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
            err() << Qt::endl;
        }
#endif
        return line;
    }
};

// A staff member's sign-in for an act on a production store (the credential: the next secret).
// The audit actor, or nullopt with the reason printed.
std::optional<QString> signInStaff(Store& store, const QString& login, SecretReader& secrets, const QString& purpose)
{
    const QString credential
        = secrets.next(QCoreApplication::translate("cli", "担当者 %1 のパスワード: ").arg(AuditLog::printable(login)));
    QString actor;
    const Outcome o = StaffDesk(store).signIn({ login, credential }, purpose, &actor);
    if (!o.ok()) {
        err() << o.message << Qt::endl;
        return std::nullopt;
    }
    return actor;
}

// hardtoken-cli audit export: the log is verified first (a log that fails is not exported), then the
// matching entries go to a CSV (UTF-8 with BOM); its SHA-256 is printed and audited with the act.
int exportAudit(Store& store, const AuditFilter& filter, const QString& path, const QString& staff)
{
    AuditExport::Result r;
    if (store.isTrainingStore()) {
        r = AuditExport::write(store, filter, path, QStringLiteral("cli"));
        if (!r.ok) {
            err() << r.message << Qt::endl;
            return 1;
        }
    } else {
        if (staff.isEmpty()) {
            err() << QCoreApplication::translate(
                "cli", "本番用のデータベースの監査ログを書き出すには、--staff で担当者IDを指定してください。")
                  << Qt::endl;
            return 2;
        }
        SecretReader secrets;
        const QString credential = secrets.next(
            QCoreApplication::translate("cli", "担当者 %1 のパスワード: ").arg(AuditLog::printable(staff)));
        const Outcome o = StaffDesk(store).exportAudit({ staff, credential }, filter, path, &r);
        if (!o.ok()) {
            err() << o.message << Qt::endl;
            return 1;
        }
    }
    out() << QCoreApplication::translate("cli", "監査ログは正常です (%1 件)。").arg(r.verifiedEntries) << '\n'
          << QCoreApplication::translate("cli", "%1 件を %2 に書き出しました。").arg(r.rows).arg(path) << '\n'
          << QStringLiteral("SHA-256: %1").arg(r.sha256) << Qt::endl;
    return 0;
}

// The corporation a desk act is for: --corporation CODE, or the only one in the store.
qint64 corporationFor(const Store& store, const QString& code)
{
    if (!code.isEmpty()) {
        const qint64 id = CorporationTable::idByCode(store, code);
        if (!id)
            err() << QCoreApplication::translate("cli", "契約法人コード %1 の契約法人は登録されていません。")
                         .arg(AuditLog::printable(code))
                  << Qt::endl;
        return id;
    }
    if (CorporationTable::countUpTo(store, 2) == 1)
        return CorporationTable::firstId(store);
    err() << QCoreApplication::translate("cli", "--corporation で契約法人コードを指定してください。") << Qt::endl;
    return 0;
}

int outcomeVerdict(const Outcome& o, const QString& done)
{
    if (!o.ok()) {
        err() << o.message << Qt::endl;
        return 1;
    }
    out() << done << Qt::endl;
    return 0;
}

// The desk's acts (管理 menu twins): the staff credential first on standard input, then what the
// act needs (a new PIN or password, twice).
int deskCommand(Store& store, const QStringList& args, const QString& login, const QString& corporationCode,
    const QString& reason, const QString& name, const QString& role)
{
    const QString command = args.value(0) + QLatin1Char(' ') + args.value(1);
    const QString usage = QCoreApplication::translate("cli",
        "使い方: hardtoken-cli pin set | counters reset | unlock  [--corporation CODE] --staff LOGIN --reason R\n"
        "        hardtoken-cli staff add LOGIN [--name NAME] [--role staff|admin] --staff ADMIN --reason R\n"
        "        hardtoken-cli staff disable|enable LOGIN --staff ADMIN --reason R");
    const bool staffCommand = args.value(0) == QLatin1String("staff");
    if (login.isEmpty() || reason.isEmpty()) {
        err() << usage << Qt::endl;
        return 2;
    }
    SecretReader secrets;
    StaffDesk desk(store);
    const QString prompt
        = QCoreApplication::translate("cli", "担当者 %1 のパスワード: ").arg(AuditLog::printable(login));
    if (staffCommand) {
        const StaffCredential admin { login, secrets.next(prompt) };
        const QString target = args[2];
        if (args[1] == QLatin1String("add")) {
            if (!role.isEmpty() && role != QLatin1String("staff") && role != QLatin1String("admin")) {
                err() << usage << Qt::endl;
                return 2;
            }
            const QString credential = secrets.next(QCoreApplication::translate("cli", "新しい担当者のパスワード: "));
            const QString repeat
                = secrets.next(QCoreApplication::translate("cli", "新しい担当者のパスワード（確認）: "));
            const StaffTable::Account account { target, name,
                role == QLatin1String("admin") ? StaffTable::Role::Admin : StaffTable::Role::Staff, false };
            return outcomeVerdict(desk.addStaff(admin, reason, account, credential, repeat),
                QCoreApplication::translate("cli", "担当者 %1 を登録しました。").arg(AuditLog::printable(target)));
        }
        const bool disable = args[1] == QLatin1String("disable");
        return outcomeVerdict(desk.setStaffDisabled(admin, reason, target, disable),
            disable ? QCoreApplication::translate("cli", "担当者ID %1 を利用停止にしました。")
                          .arg(AuditLog::printable(target))
                    : QCoreApplication::translate("cli", "担当者ID %1 を再び利用できるようにしました。")
                          .arg(AuditLog::printable(target)));
    }
    const qint64 corporation = corporationFor(store, corporationCode);
    if (!corporation)
        return 1;
    const StaffCredential staff { login, secrets.next(prompt) };
    if (command == QLatin1String("pin set")) {
        const QString pin = secrets.next(QCoreApplication::translate("cli", "新しい契約法人確認暗証番号: "));
        const QString repeat = secrets.next(QCoreApplication::translate("cli", "新しい契約法人確認暗証番号（確認）: "));
        return outcomeVerdict(desk.setPin(corporation, staff, reason, pin, repeat),
            QCoreApplication::translate("cli", "契約法人確認暗証番号を設定しました。"));
    }
    if (command == QLatin1String("counters reset"))
        return outcomeVerdict(desk.resetCounters(corporation, staff, reason),
            QCoreApplication::translate("cli", "誤入力回数をリセットしました。"));
    return outcomeVerdict(
        desk.unlock(corporation, staff, reason), QCoreApplication::translate("cli", "利用中止状態を解除しました。"));
}

int importVerdict(bool ok, bool written)
{
    if (!ok) {
        err() << QCoreApplication::translate("cli", "取り込みは行われませんでした。データベースは変更されていません。")
              << Qt::endl;
        return 1;
    }
    out() << (written ? QCoreApplication::translate("cli", "取り込みました。")
                      : QCoreApplication::translate("cli", "確認のみ（--check）: データベースは変更していません。"))
          << Qt::endl;
    return 0;
}

struct TokenImportArgs {
    QString keyFile;
    QString passphraseFile;
    QString serialPrefix;
    bool replace = false;
    bool check = false;
};

// hardtoken-cli import tokens: the vendor's PSKC or CSV. Secrets after the staff credential: the
// PBKDF2 passphrase when the file needs one and no --passphrase-file is given.
int importTokens(Store& store, QFile& file, const TokenImportArgs& args, SecretReader& secrets, const QString& actor)
{
    TokenImportOptions options;
    options.serialPrefix = args.serialPrefix;
    if (!args.keyFile.isEmpty()) {
        QString why;
        const auto key = TokenImport::readPreSharedKey(args.keyFile, &why);
        if (!key) {
            err() << why << Qt::endl;
            return 2;
        }
        options.preSharedKey = *key;
    }
    if (!args.passphraseFile.isEmpty()) {
        QFile f(args.passphraseFile);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << QCoreApplication::translate("cli", "ファイル %1 を開けません: %2")
                         .arg(args.passphraseFile, f.errorString())
                  << Qt::endl;
            return 2;
        }
        options.passphrase = f.readLine(4096);
        while (options.passphrase.endsWith('\n') || options.passphrase.endsWith('\r'))
            options.passphrase.chop(1);
    }
    const QByteArray bytes = file.read(TokenImport::MaxFileBytes + 1);
    TokenImportReport report;
    QList<TokenLine> lines = TokenImport::parse(bytes, options, &report);
    if (report.needsPassphrase) {
        options.passphrase = secrets.next(QCoreApplication::translate("cli", "ファイルのパスフレーズ: ")).toUtf8();
        report = TokenImportReport {};
        lines = TokenImport::parse(bytes, options, &report);
    }
    const bool ok = TokenImport::apply(store, lines, args.replace, args.check, actor, &report);
    // Why the file was refused to standard error, the report to standard output.
    const QString problem = AuditLog::printable(report.fileProblem);
    for (const QString& line : report.describe())
        (!problem.isEmpty() && line == problem ? err() : out()) << line << '\n';
    return importVerdict(ok, report.written);
}

// What status prints, read at once; nullopt (said on stderr) when the store did not answer: a
// status is never printed from reads that failed.
struct StatusRead {
    CorporationInfo corporation;
    QList<UserInfo> users;
    QString shared;
};

std::optional<StatusRead> readStatus(RegistrationService& service)
{
    const auto c = service.corporation();
    const auto users = c ? service.users() : std::nullopt;
    const auto shared
        = users && c->mode == UsageMode::Shared ? service.sharedSerial() : std::optional<QString>(QString());
    if (!c || !users || !shared) {
        const Store& store = service.store();
        err() << (store.errorCode() == StoreErrorCode::Unreachable ? Store::unreachableMessage() : store.errorMessage())
              << Qt::endl;
        return std::nullopt;
    }
    return StatusRead { *c, *users, *shared };
}

int status(RegistrationService& service)
{
    const auto read = readStatus(service);
    if (!read)
        return 1;
    const CorporationInfo& c = read->corporation;
    out() << QCoreApplication::translate("cli", "契約法人: %1 (%2)").arg(c.name, c.code) << '\n'
          << QCoreApplication::translate("cli", "利用形態: %1").arg(usageModeDisplayName(c.mode)) << '\n'
          << QCoreApplication::translate("cli", "利用登録済みトークン: %1").arg(c.registeredTokens) << '\n'
          << QCoreApplication::translate(
                 "cli", "誤入力回数: シリアル番号/ワンタイムパスワード %1, 契約法人確認暗証番号 %2")
                 .arg(c.otpFailures)
                 .arg(c.pinFailures)
          << '\n'
          << QCoreApplication::translate("cli", "状態: %1")
                 .arg(c.suspended ? QCoreApplication::translate("cli", "利用中止")
                                  : QCoreApplication::translate("cli", "利用可能"))
          << '\n';
    if (c.mode == UsageMode::Shared)
        out() << QCoreApplication::translate("cli", "共有トークン: %1").arg(Validation::formatSerial(read->shared))
              << '\n';
    for (const UserInfo& u : read->users) {
        out() << "  " << u.name << '\t'
              << (u.currentSerial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(u.currentSerial)) << '\n';
    }
    return 0;
}

// Every command: its words, the operands after them, the options it takes besides the global ones
// (the store's, --lang, --help, --version), whether it only reads (then it never creates a store)
// and whether it can answer in JSON. --help after a command prints that command's part.
struct CommandSpec {
    QStringList words;
    QStringList operands; // names, for the usage line; the count is exact
    QStringList options;
    bool readsOnly = false;
    bool json = false;
    const char* summary = "";
};

const QList<CommandSpec>& commandSpecs()
{
    const auto L = [](const char* words) { return QString::fromLatin1(words).split(u' ', Qt::SkipEmptyParts); };
    static const QList<CommandSpec> specs {
        { L("status"), {}, {}, true, true,
            QT_TRANSLATE_NOOP("cli", "契約法人、利用形態、利用登録、誤入力回数を表示します。") },
        { L("scenario load"), L("FILE"), {}, false, false,
            QT_TRANSLATE_NOOP("cli", "トレーニング用シナリオを読み込みます（トレーニング用データを置き換えます）。") },
        { L("scenario generate"), {}, L("users out"), true, false,
            QT_TRANSLATE_NOOP("cli",
                "大規模法人のトレーニング用シナリオ（JSON）を作ります（--users 名、既定 50000。負荷の確認と絞り込みの"
                "練習用）。") },
        { L("exercise list"), {}, {}, true, false,
            QT_TRANSLATE_NOOP("cli", "トレーニングの練習（目標と手順）を一覧にします。") },
        { L("exercise report"), {}, L("out trainee quiet"), true, false,
            QT_TRANSLATE_NOOP("cli",
                "練習の結果を書き出します: すべての結果の CSV（UTF-8、BOM 付き）と、結果ごとの 1 "
                "ページの報告書（PDF）。") },
        { L("scenario reset"), {}, {}, false, false,
            QT_TRANSLATE_NOOP("cli", "シナリオを最初の状態に戻します（誤入力回数と利用中止も）。") },
        { L("unlock"), {}, L("corporation staff reason"), false, false,
            QT_TRANSLATE_NOOP("cli", "利用中止を解除します。標準入力: 担当者のパスワード。") },
        { L("pin set"), {}, L("corporation staff reason"), false, false,
            QT_TRANSLATE_NOOP(
                "cli", "契約法人確認暗証番号を設定します。標準入力: 担当者のパスワード、新しい暗証番号を 2 回。") },
        { L("counters reset"), {}, L("corporation staff reason"), false, false,
            QT_TRANSLATE_NOOP("cli", "誤入力回数をリセットします。標準入力: 担当者のパスワード。") },
        { L("staff add"), L("LOGIN"), L("name role staff reason"), false, false,
            QT_TRANSLATE_NOOP(
                "cli", "担当者を登録します（管理者のみ）。標準入力: 管理者のパスワード、新しいパスワードを 2 回。") },
        { L("staff disable"), L("LOGIN"), L("staff reason"), false, false,
            QT_TRANSLATE_NOOP("cli", "担当者IDを利用停止にします（管理者のみ）。標準入力: 管理者のパスワード。") },
        { L("staff enable"), L("LOGIN"), L("staff reason"), false, false,
            QT_TRANSLATE_NOOP("cli", "利用停止の担当者IDを戻します（管理者のみ）。標準入力: 管理者のパスワード。") },
        { L("staff reset"), L("LOGIN"), {}, false, false,
            QT_TRANSLATE_NOOP("cli",
                "誤入力で利用できなくなった担当者ID（またはカード card:SERIAL）を再び利用できるようにします。") },
        { L("token check"), {}, L("serial staff"), false, false,
            QT_TRANSLATE_NOOP(
                "cli", "カードの確認。標準入力: 担当者のパスワード、カードに表示中のワンタイムパスワード。") },
        { L("token resync"), {}, L("serial staff reason"), false, false,
            QT_TRANSLATE_NOOP(
                "cli", "先に進みすぎた HOTP カードの同期。標準入力: パスワード、続けて表示された 2 つのコード。") },
        { L("rotate-key"), {}, L("staff"), false, false,
            QT_TRANSLATE_NOOP("cli", "データ暗号鍵を交換します（管理者のみ。ほかのコンソールはすべて閉じてから）。") },
        { L("init"), {}, L("staff name"), false, false,
            QT_TRANSLATE_NOOP("cli", "空のデータベースに最初の管理者を作ります（パスワードは標準入力から 2 回）。") },
        { L("import roster"), L("FILE.csv"), L("staff check prune encoding"), false, false,
            QT_TRANSLATE_NOOP(
                "cli", "契約法人と利用者の名簿を取り込みます（本番用では担当者のパスワードを標準入力から）。") },
        { L("import tokens"), L("FILE"), L("staff check replace pskc-key passphrase-file serial-prefix"), false, false,
            QT_TRANSLATE_NOOP("cli",
                "ベンダーのトークン（PSKC または CSV）を取り込みます。標準入力: 担当者のパスワード、"
                "続いて（--passphrase-file がなく、必要なら）PSKC のパスフレーズ。") },
        { L("otp"), {}, L("serial at"), true, false,
            QT_TRANSLATE_NOOP("cli", "トレーニング用トークンのカードの表示（--at: UNIX 時刻、既定は現在）。") },
        { L("screenshots"), {}, L("out scale no-callouts quiet"), true, false,
            QT_TRANSLATE_NOOP("cli", "第9章の全画面の PNG と manifest.json を書き出します（再現可能）。") },
        { L("manual"), {}, L("out quiet"), true, false,
            QT_TRANSLATE_NOOP("cli", "最新の画面写真入りの第9章（HTML と PDF）を書き出します。") },
        { L("audit"), {}, L("verify"), true, true,
            QT_TRANSLATE_NOOP("cli", "監査ログを表示します（--verify: 改ざんを検査します）。") },
        { L("audit export"), {}, L("out staff corporation user serial action actor from to"), true, false,
            QT_TRANSLATE_NOOP("cli", "検査したうえで監査ログを CSV（UTF-8、BOM 付き）に書き出します。") },
    };
    return specs;
}

// The command the words name (the longest match), or nullptr.
const CommandSpec* findCommand(const QStringList& args)
{
    const CommandSpec* found = nullptr;
    for (const CommandSpec& spec : commandSpecs()) {
        if (args.size() >= spec.words.size() && args.mid(0, spec.words.size()) == spec.words
            && (!found || spec.words.size() > found->words.size()))
            found = &spec;
    }
    return found;
}

QString usageLine(const CommandSpec& spec, const QList<QCommandLineOption>& options)
{
    QString line = QStringLiteral("hardtoken-cli ") + spec.words.join(QLatin1Char(' '));
    for (const QString& operand : spec.operands)
        line += QLatin1Char(' ') + operand;
    for (const QCommandLineOption& o : options) {
        if (!spec.options.contains(o.names().constFirst()))
            continue;
        line += QStringLiteral(" [--") + o.names().constFirst()
            + (o.valueName().isEmpty() ? QString() : QLatin1Char(' ') + o.valueName().toUpper()) + QLatin1Char(']');
    }
    if (spec.json)
        line += QStringLiteral(" [--json]");
    return line;
}

void printCommandHelp(const CommandSpec& spec, const QList<QCommandLineOption>& options)
{
    out() << QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(spec, options)) << "\n\n"
          << QCoreApplication::translate("cli", spec.summary) << "\n\n";
    for (const QCommandLineOption& o : options) {
        const QString name = o.names().constFirst();
        if (spec.options.contains(name) || (spec.json && name == QLatin1String("json")))
            out() << QStringLiteral("  --%1").arg(name, -20) << ' ' << o.description() << '\n';
    }
    out() << '\n'
          << QCoreApplication::translate(
                 "cli", "データベースの指定など共通のオプションは hardtoken-cli --help で表示します。")
          << Qt::endl;
}

// A refused command line: why, where to read more, exit code 2 (as the usage errors).
int usageError(const QString& why)
{
    err() << QStringLiteral("hardtoken-cli: ") << why << '\n'
          << QCoreApplication::translate("cli", "使い方は hardtoken-cli --help で表示します。") << Qt::endl;
    return 2;
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

QJsonObject statusJson(const StatusRead& read)
{
    const CorporationInfo& c = read.corporation;
    QJsonArray users;
    for (const UserInfo& u : read.users) {
        users.append(QJsonObject { { QStringLiteral("name"), u.name },
            { QStringLiteral("serial"), u.currentSerial.isEmpty() ? QJsonValue() : QJsonValue(u.currentSerial) } });
    }
    const QString shared = read.shared;
    return QJsonObject {
        { QStringLiteral("schema"), QStringLiteral("hardtoken-cli/status/1") },
        { QStringLiteral("corporation"),
            QJsonObject { { QStringLiteral("code"), c.code }, { QStringLiteral("name"), c.name } } },
        { QStringLiteral("usageMode"), usageModeKey(c.mode) },
        { QStringLiteral("registeredTokens"), c.registeredTokens },
        { QStringLiteral("otpFailures"), c.otpFailures },
        { QStringLiteral("pinFailures"), c.pinFailures },
        { QStringLiteral("suspended"), c.suspended },
        { QStringLiteral("sharedSerial"), shared.isEmpty() ? QJsonValue() : QJsonValue(shared) },
        { QStringLiteral("users"), users },
    };
}

} // namespace

// exercise report: every saved result (or one trainee's) as CSV and one PDF report each.
int writeTrainingReports(const Store& store, const QString& outDir, const QString& trainee, bool quiet)
{
    if (outDir.isEmpty()) {
        err() << QCoreApplication::translate("cli", "使い方: hardtoken-cli exercise report --out DIR [--trainee NAME]")
              << Qt::endl;
        return 2;
    }
    if (!store.isTrainingStore()) {
        err() << QCoreApplication::translate("cli", "このデータベースはトレーニング用ではありません。") << Qt::endl;
        return 1;
    }
    QList<TrainingResult> results = TrainingResultTable::list(store);
    if (!trainee.isEmpty()) {
        const QString wanted = TrainingResultTable::normaliseTrainee(trainee);
        results.removeIf([&](const TrainingResult& r) { return r.trainee != wanted; });
    }
    if (!QDir().mkpath(outDir)) {
        err() << QCoreApplication::translate("cli", "%1 を作れません。").arg(QDir::toNativeSeparators(outDir))
              << Qt::endl;
        return 1;
    }
    const QDir dir(outDir);
    QString error;
    if (!TrainingReport::writeCsv(results, dir.filePath(QStringLiteral("training-results.csv")), &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    if (!quiet)
        out() << QStringLiteral("training-results.csv") << Qt::endl;
    for (const TrainingResult& r : std::as_const(results)) {
        // The id keeps two results of the same minute apart.
        const QString name
            = TrainingCertificate::fileName(r, QStringLiteral("pdf")).chopped(4) + QStringLiteral("-r%1.pdf").arg(r.id);
        if (!TrainingCertificate::write(r, dir.filePath(name), &error)) {
            err() << error << Qt::endl;
            return 1;
        }
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

// screenshots and manual draw widgets: they need a QApplication (offscreen unless told otherwise)
// and the device pixel ratio must be set before it exists.
bool prepareForWidgets(int argc, char* argv[])
{
    bool widgets = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "screenshots" || a == "manual"
            || (a == "exercise" && i + 1 < argc && QByteArray(argv[i + 1]) == "report"))
            widgets = true;
        if (a == "--scale" && i + 1 < argc)
            qputenv("QT_SCALE_FACTOR", argv[i + 1]);
        else if (a.startsWith("--scale="))
            qputenv("QT_SCALE_FACTOR", a.mid(8));
    }
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
    parser.setApplicationDescription(QCoreApplication::translate("cli",
        "カード型ハードトークン 管理コンソール（コマンドライン）\n\n"
        "コマンド:\n"
        "  status                 契約法人、利用形態、利用登録、誤入力回数\n"
        "  scenario load FILE     トレーニング用シナリオを読み込む（トレーニング用データを置き換える）\n"
        "  scenario reset         シナリオを最初の状態に戻す（誤入力回数と利用中止も）\n"
        "  unlock [--corporation CODE] --staff LOGIN --reason R\n"
        "                         利用中止を解除する（担当者のパスワードは標準入力から読む）\n"
        "  pin set [--corporation CODE] --staff LOGIN --reason R\n"
        "                         契約法人確認暗証番号を設定する。標準入力: 担当者のパスワード、新しい暗証番号を 2 回\n"
        "  counters reset [--corporation CODE] --staff LOGIN --reason R\n"
        "                         誤入力回数をリセットする（標準入力: 担当者のパスワード）\n"
        "  staff add LOGIN [--name NAME] [--role staff|admin] --staff ADMIN --reason R\n"
        "                         担当者を登録する（管理者のみ）。標準入力: 管理者のパスワード、新しいパスワードを 2 "
        "回\n"
        "  staff disable|enable LOGIN --staff ADMIN --reason R\n"
        "                         担当者IDを利用停止にする／戻す（管理者のみ。標準入力: 管理者のパスワード）\n"
        "  staff reset LOGIN      誤入力で利用できなくなった担当者ID（またはカード "
        "card:SERIAL）を、再び利用できるようにする\n"
        "  token check --serial S --staff LOGIN\n"
        "                         カードの確認。標準入力: 担当者のパスワード、カードに表示中のワンタイムパスワード\n"
        "  token resync --serial S --staff LOGIN --reason R\n"
        "                         先に進みすぎた HOTP カードの同期。標準入力: パスワード、続けて表示された 2 "
        "つのコード\n"
        "  rotate-key --staff ADMIN\n"
        "                         データ暗号鍵を交換する（管理者のみ。ほかのコンソールはすべて閉じてから）\n"
        "  init --staff LOGIN [--name NAME]\n"
        "                         空のデータベースに最初の管理者を作る（パスワードは標準入力から 2 回）\n"
        "  import roster FILE.csv [--staff LOGIN] [--check] [--prune] [--encoding E]\n"
        "                         契約法人と利用者の名簿を取り込む（本番用では担当者のパスワードを標準入力から）\n"
        "  import tokens FILE [--staff LOGIN] [--check] [--replace] [--pskc-key FILE]\n"
        "                [--passphrase-file FILE] [--serial-prefix P]\n"
        "                         ベンダーのトークン（PSKC または CSV）を取り込む。標準入力: 担当者のパスワード、\n"
        "                         続いて（--passphrase-file がなく、必要なら）PSKC のパスフレーズ\n"
        "  exercise list          トレーニングの練習（ID、題名、手順の数、目標）\n"
        "  exercise report --out DIR [--trainee NAME]\n"
        "                         練習の結果の CSV（UTF-8、BOM 付き）と結果ごとの報告書（PDF）を書き出す\n"
        "  scenario generate --out FILE.json [--users N]\n"
        "                         大規模法人のトレーニング用シナリオを作る（既定 50000 名。scenario load で読み込む）\n"
        "  otp --serial S [--at T] トレーニング用トークンのカードの表示（T: UNIX 時刻、既定は現在）\n"
        "  screenshots --out DIR [--lang ja,en] [--scale 1|2] [--no-callouts]\n"
        "                         第9章の全画面の PNG と manifest.json（再現可能）\n"
        "  manual --out DIR [--lang ja,en]\n"
        "                         最新の画面写真入りの第9章（HTML と PDF）\n"
        "  audit [--verify]       監査ログの表示／改ざんの検査\n"
        "  audit export --out FILE.csv [--staff LOGIN] [--corporation CODE] [--user U] [--serial S]\n"
        "               [--action A] [--actor A] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
        "                         検査したうえで監査ログを CSV（UTF-8、BOM 付き）に書き出す"));
    parser.addHelpOption();
    parser.addVersionOption();
    StoreOptions::addTo(parser);
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QCoreApplication::translate("cli", "scenario generate: 利用者の数。"), QStringLiteral("n"),
        QStringLiteral("50000"));
    parser.addOption(usersOption);
    const QCommandLineOption staffOption(
        QStringLiteral("staff"), QCoreApplication::translate("cli", "ヘルプデスク担当者ID。"), QStringLiteral("login"));
    const QCommandLineOption verifyOption(
        QStringLiteral("verify"), QCoreApplication::translate("cli", "監査ログの改ざんを検査します。"));
    const QCommandLineOption serialOption(QStringLiteral("serial"),
        QCoreApplication::translate("cli", "トークンのシリアル番号（半角数字10桁）。"), QStringLiteral("serial"));
    const QCommandLineOption atOption(QStringLiteral("at"),
        QCoreApplication::translate("cli", "otp の時刻（UNIX 時刻、秒）。"), QStringLiteral("time"));
    const QCommandLineOption outOption(QStringLiteral("out"),
        QCoreApplication::translate(
            "cli", "出力先（screenshots と manual: フォルダー。audit export と scenario generate: ファイル）。"),
        QStringLiteral("path"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QCoreApplication::translate("cli", "言語（カンマ区切り）。"), QStringLiteral("list"), QStringLiteral("ja,en"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
        QCoreApplication::translate("cli", "倍率（1 または 2）。"), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet"), QCoreApplication::translate("cli", "screenshots と manual: 進み具合を表示しません。"));
    parser.addOption(quietOption);
    const QCommandLineOption noCalloutsOption(
        QStringLiteral("no-callouts"), QCoreApplication::translate("cli", "番号の吹き出しと強調の枠を付けません。"));
    parser.addOption(outOption);
    parser.addOption(langOption);
    parser.addOption(scaleOption);
    parser.addOption(noCalloutsOption);
    parser.addOption(serialOption);
    parser.addOption(atOption);
    parser.addOption(staffOption);
    parser.addOption(verifyOption);
    const QCommandLineOption checkOption(
        QStringLiteral("check"), QCoreApplication::translate("cli", "import: 書き込まずに結果だけを表示します。"));
    const QCommandLineOption pruneOption(QStringLiteral("prune"),
        QCoreApplication::translate("cli", "import roster: ファイルにない利用者を削除します（利用登録も解除）。"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"),
        QCoreApplication::translate("cli", "import roster: 文字コード（utf-8、shift_jis、cp932。既定は自動判定）。"),
        QStringLiteral("name"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), QCoreApplication::translate("cli", "init: 管理者の氏名。"), QStringLiteral("name"));
    const QCommandLineOption replaceOption(QStringLiteral("replace"),
        QCoreApplication::translate("cli",
            "import tokens: 登録済みのシリアル番号を置き換えます（利用登録済みのトークンの状態は変えません）。"));
    const QCommandLineOption pskcKeyOption(QStringLiteral("pskc-key"),
        QCoreApplication::translate("cli", "import tokens: PSKC の事前共有鍵のファイル（16 進数）。"),
        QStringLiteral("file"));
    const QCommandLineOption passphraseFileOption(QStringLiteral("passphrase-file"),
        QCoreApplication::translate("cli", "import tokens: PSKC のパスフレーズのファイル（1 行目）。"),
        QStringLiteral("file"));
    const QCommandLineOption serialPrefixOption(QStringLiteral("serial-prefix"),
        QCoreApplication::translate("cli", "import tokens: シリアル番号の先頭から取り除く文字列。"),
        QStringLiteral("prefix"));
    const QCommandLineOption corporationOption(QStringLiteral("corporation"),
        QCoreApplication::translate("cli", "契約法人コード（データベースに契約法人が 1 つだけなら省略可）。"),
        QStringLiteral("code"));
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        QCoreApplication::translate("cli", "操作の理由（監査ログに記録されます）。"), QStringLiteral("text"));
    const QCommandLineOption roleOption(QStringLiteral("role"),
        QCoreApplication::translate("cli", "staff add: staff（担当者）または admin（管理者）。"),
        QStringLiteral("role"));
    const QCommandLineOption userOption(QStringLiteral("user"),
        QCoreApplication::translate("cli", "audit export: 利用者名または利用者IDの一部。"), QStringLiteral("text"));
    const QCommandLineOption actionOption(QStringLiteral("action"),
        QCoreApplication::translate("cli", "audit export: 操作（例: corporation.unlocked、token.）。"),
        QStringLiteral("action"));
    const QCommandLineOption actorOption(QStringLiteral("actor"),
        QCoreApplication::translate("cli", "audit export: 操作者（担当者ID、cli など）。"), QStringLiteral("actor"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
        QCoreApplication::translate("cli", "audit export: この日から（YYYY-MM-DD）。"), QStringLiteral("date"));
    const QCommandLineOption toOption(QStringLiteral("to"),
        QCoreApplication::translate("cli", "audit export: この日まで（YYYY-MM-DD）。"), QStringLiteral("date"));
    parser.addOptions({ userOption, actionOption, actorOption, fromOption, toOption });
    const QCommandLineOption traineeOption(QStringLiteral("trainee"),
        QCoreApplication::translate("cli", "exercise report: この研修者の結果だけ。"), QStringLiteral("name"));
    parser.addOption(traineeOption);
    parser.addOption(corporationOption);
    parser.addOption(reasonOption);
    parser.addOption(roleOption);
    parser.addOption(replaceOption);
    parser.addOption(pskcKeyOption);
    parser.addOption(passphraseFileOption);
    parser.addOption(serialPrefixOption);
    parser.addOption(checkOption);
    parser.addOption(pruneOption);
    parser.addOption(encodingOption);
    parser.addOption(nameOption);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        QCoreApplication::translate("cli", "status, audit: JSON で出力します（README の「hardtoken-cli --json」）。"));
    parser.addOption(jsonOption);
    // The command options, for the per-command help and checks (QCommandLineParser does not list them).
    const QList<QCommandLineOption> commandOptions { staffOption, verifyOption, serialOption, atOption, outOption,
        scaleOption, noCalloutsOption, checkOption, pruneOption, encodingOption, nameOption, replaceOption,
        pskcKeyOption, passphraseFileOption, serialPrefixOption, corporationOption, reasonOption, roleOption,
        userOption, actionOption, actorOption, fromOption, toOption, jsonOption, usersOption, quietOption,
        traineeOption };
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral(
            "status | scenario | exercise | unlock | pin | counters | staff | token | rotate-key | init | import | "
            "otp | audit | screenshots | manual"));
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
    const CommandSpec* spec = findCommand(args.isEmpty() ? QStringList { QStringLiteral("status") } : args);
    if (parser.isSet(QStringLiteral("help"))) {
        if (!args.isEmpty() && spec)
            printCommandHelp(*spec, commandOptions);
        else
            out() << parser.helpText().replace(
                QCoreApplication::arguments().constFirst(), QStringLiteral("hardtoken-cli"))
                  << Qt::flush;
        return 0;
    }
    if (!spec) {
        return usageError(QCoreApplication::translate("cli", "不明なコマンドです: %1")
                              .arg(AuditLog::printable(args.mid(0, 2).join(QLatin1Char(' ')))));
    }
    // The operands the command takes, exactly: nothing extra is ignored.
    const qsizetype operands = args.isEmpty() ? 0 : args.size() - spec->words.size();
    if (operands != spec->operands.size()) {
        const QString why = operands > spec->operands.size()
            ? QCoreApplication::translate("cli", "余分な引数があります: %1")
                  .arg(AuditLog::printable(args.mid(spec->words.size() + spec->operands.size()).join(QLatin1Char(' '))))
            : QCoreApplication::translate("cli", "引数が足りません");
        return usageError(why + QLatin1Char('\n')
            + QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(*spec, commandOptions)));
    }
    static const QStringList global { QStringLiteral("help"), QStringLiteral("h"), QStringLiteral("?"),
        QStringLiteral("help-all"), QStringLiteral("version"), QStringLiteral("v"), QStringLiteral("lang"),
        QStringLiteral("database"), QStringLiteral("postgres"), QStringLiteral("key-file"), QStringLiteral("scenario"),
        QStringLiteral("training"), QStringLiteral("keychain"), QStringLiteral("no-keychain") };
    for (const QString& name : parser.optionNames()) {
        if (global.contains(name) || spec->options.contains(name) || (spec->json && name == QLatin1String("json")))
            continue;
        return usageError(QCoreApplication::translate("cli", "オプション --%1 は %2 では使えません")
                              .arg(name, spec->words.join(QLatin1Char(' ')))
            + QLatin1Char('\n')
            + QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(*spec, commandOptions)));
    }
    const bool json = parser.isSet(jsonOption);
    const QString command = args.value(0, QStringLiteral("status"));
    if (command == QLatin1String("screenshots") || command == QLatin1String("manual")) {
        if (!parser.isSet(outOption)) {
            err() << QCoreApplication::translate("cli", "使い方: hardtoken-cli %1 --out DIR").arg(command) << Qt::endl;
            return 2;
        }
        if (parser.value(scaleOption) != QLatin1String("1") && parser.value(scaleOption) != QLatin1String("2")) {
            err() << QCoreApplication::translate("cli", "--scale は 1 か 2 です。") << Qt::endl;
            return 2;
        }
        const QStringList languages = parser.value(langOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
        QString error;
        const bool quiet = parser.isSet(quietOption);
        // Progress on standard error, one line a picture ("[n/N] file"): the pictures' list and
        // the result stay alone on standard output.
        const auto progress = [quiet](const QString& line) {
            if (!quiet)
                err() << line << Qt::endl;
        };
        if (command == QLatin1String("manual")) {
            if (!ManualExport::run(parser.value(outOption), languages, &error, progress)) {
                err() << error << Qt::endl;
                return 1;
            }
            if (!quiet) {
                out() << QCoreApplication::translate("cli", "%1 に第9章を書き出しました。").arg(parser.value(outOption))
                      << Qt::endl;
            }
            return 0;
        }
        TourOptions tour;
        tour.outDir = parser.value(outOption);
        tour.languages = languages;
        tour.callouts = !parser.isSet(noCalloutsOption);
        tour.progress = [&progress](int done, int total, const QString& file) {
            progress(QStringLiteral("[%1/%2] %3").arg(done).arg(total).arg(file));
        };
        QList<TourShot> shots;
        if (!ScreenshotTour::run(tour, &shots, &error)) {
            err() << error << Qt::endl;
            return 1;
        }
        if (!quiet) {
            for (const TourShot& s : std::as_const(shots))
                out() << s.file << '\t' << s.section << '-' << s.step << '\t' << s.title << '\n';
        }
        if (!quiet) {
            out() << QCoreApplication::translate("cli", "%1 枚を %2 に書き出しました。")
                         .arg(shots.size())
                         .arg(tour.outDir)
                  << Qt::endl;
        }
        return 0;
    }

    if (command == QLatin1String("exercise") && args.value(1) == QLatin1String("list")) {
        // The bundled exercises, in the course's order; no store is opened.
        for (const QString& path : ExerciseLoader::bundled()) {
            QString why;
            const auto exercise = ExerciseLoader::load(path, &why);
            if (!exercise) {
                err() << why << Qt::endl;
                return 1;
            }
            out() << exercise->id << '\t' << exercise->titleIn(language.current()) << '\t'
                  << QCoreApplication::translate("cli", "%n 手順", nullptr, int(exercise->steps.size())) << '\t'
                  << exercise->goalIn(language.current()) << '\n';
        }
        out() << Qt::flush;
        return 0;
    }
    if (command == QLatin1String("scenario") && args.value(1) == QLatin1String("generate")) {
        // Writes a file; no store is opened.
        bool number = false;
        const int users = parser.value(usersOption).toInt(&number);
        if (!number || users < 1 || users > ScenarioLoader::MaxGeneratedUsers) {
            return usageError(QCoreApplication::translate("cli", "--users は 1 から %1 までの数です。")
                                  .arg(ScenarioLoader::MaxGeneratedUsers));
        }
        if (!parser.isSet(outOption))
            return usageError(QCoreApplication::translate("cli", "使い方: %1").arg(usageLine(*spec, commandOptions)));
        QSaveFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(ScenarioLoader::generate(users)) < 0 || !file.commit()) {
            err() << QCoreApplication::translate("cli", "%1 に書き込めません: %2")
                         .arg(QDir::toNativeSeparators(parser.value(outOption)), file.errorString())
                  << Qt::endl;
            return 1;
        }
        out() << QCoreApplication::translate("cli", "利用者 %1 名のシナリオを %2 に書き出しました。")
                     .arg(users)
                     .arg(QDir::toNativeSeparators(parser.value(outOption)))
              << Qt::endl;
        return 0;
    }

    SystemClock clock;
    Store store(clock);
    StoreOptions options = StoreOptions::from(parser);
    if (command == QLatin1String("scenario") && args.value(1) == QLatin1String("load")) {
        options.scenario = args[2];
    }
    QString error;
    // A command that only reads opens an existing store; it never leaves a new empty one behind
    // (a mistyped --database, or none at all, is said instead).
    if (spec->readsOnly && options.postgres.isEmpty() && options.scenario.isEmpty()
        && !QFileInfo::exists(options.database)) {
        err() << QCoreApplication::translate("cli",
            "データベース %1 がありません。--database で既存のデータベースを指定してください"
            "（新しく作るときは init、トレーニング用は --training）。")
                     .arg(QDir::toNativeSeparators(options.database))
              << Qt::endl;
        return 1;
    }
    if (!options.open(store, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    RegistrationService service(store);
    service.selectCorporation();
    service.setActor(QStringLiteral("cli"));

    if (command == QLatin1String("status")) {
        if (json) {
            const auto read = readStatus(service);
            if (!read)
                return 1;
            out() << QJsonDocument(statusJson(*read)).toJson(QJsonDocument::Indented) << Qt::flush;
            return 0;
        }
        return status(service);
    }
    if (command == QLatin1String("scenario")) {
        if (args.value(1) == QLatin1String("load"))
            return status(service);
        if (args.value(1) == QLatin1String("reset")) {
            if (!ScenarioLoader::reset(store, &error)) {
                err() << error << Qt::endl;
                return 1;
            }
            service.selectCorporation();
            return status(service);
        }
        err() << QCoreApplication::translate("cli", "使い方: hardtoken-cli scenario load FILE | scenario reset")
              << Qt::endl;
        return 2;
    }
    if (command == QLatin1String("rotate-key")) {
        // Every other console must be closed: their keys would no longer match what they write.
        if (args.size() != 1 || (!store.isTrainingStore() && !parser.isSet(staffOption))) {
            err() << QCoreApplication::translate(
                "cli", "使い方: hardtoken-cli rotate-key --staff ADMIN  < 管理者のパスワード")
                  << Qt::endl;
            return 2;
        }
        QString actor = QStringLiteral("cli");
        if (!store.isTrainingStore()) {
            SecretReader secrets;
            const QString credential = secrets.next(QCoreApplication::translate("cli", "担当者 %1 のパスワード: ")
                                                        .arg(AuditLog::printable(parser.value(staffOption))));
            bool admin = false;
            const auto signedIn = StaffSignIn::run(
                store, parser.value(staffOption), credential, 0, QStringLiteral("key.rotate"), [&](const QString&) {
                    const auto account = StaffTable::find(store, parser.value(staffOption));
                    admin = account && account->role == StaffTable::Role::Admin;
                    return admin;
                });
            if (signedIn == StaffSignIn::Result::Denied) {
                err() << StaffSignIn::deniedMessage() << Qt::endl;
                return 1;
            }
            if (!admin) {
                err() << QCoreApplication::translate("cli", "暗号鍵の交換は管理者だけが行えます。") << Qt::endl;
                return 1;
            }
            actor = StaffSignIn::actorFor(parser.value(staffOption));
        }
        int tokens = 0;
        if (!KeyFile::rotate(store, store.keyFilePath(), actor, &tokens)) {
            err() << store.errorMessage() << Qt::endl;
            return 1;
        }
        out() << QCoreApplication::translate(
            "cli", "暗号鍵を交換しました（トークン %1 件）。新しい鍵: %2（以前の鍵: %2.old）")
                     .arg(tokens)
                     .arg(store.keyFilePath())
              << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("token")) {
        const QString sub = args.value(1);
        if (!parser.isSet(staffOption) || !parser.isSet(serialOption)
            || (sub == QLatin1String("resync") && !parser.isSet(reasonOption))) {
            err() << QCoreApplication::translate("cli",
                "使い方: hardtoken-cli token check --serial S --staff LOGIN  < "
                "パスワード、カードのワンタイムパスワード\n"
                "        hardtoken-cli token resync --serial S --staff LOGIN --reason R  < "
                "パスワード、続けて表示された 2 つ")
                  << Qt::endl;
            return 2;
        }
        SecretReader secrets;
        const StaffCredential staff { parser.value(staffOption),
            secrets.next(QCoreApplication::translate("cli", "担当者 %1 のパスワード: ")
                             .arg(AuditLog::printable(parser.value(staffOption)))) };
        StaffDesk desk(store);
        if (sub == QLatin1String("resync")) {
            const QString first
                = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード（1 つ目）: "));
            const QString second
                = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード（2 つ目）: "));
            return outcomeVerdict(
                desk.resyncCard(staff, parser.value(reasonOption), parser.value(serialOption), first, second),
                QCoreApplication::translate("cli", "カードを同期しました。"));
        }
        const QString code = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード: "));
        CardCheck check;
        const Outcome o = desk.checkCard(staff, parser.value(serialOption), code, &check);
        if (!o.ok()) {
            err() << o.message << Qt::endl;
            return 1;
        }
        const QString holder = check.holder.isEmpty() ? QCoreApplication::translate("cli", "予備（利用登録なし）")
                                                      : AuditLog::printable(check.holder);
        if (check.works) {
            out() << QCoreApplication::translate("cli", "カード %1 は正常です（%2）。")
                         .arg(Validation::formatSerial(check.serial), holder)
                  << Qt::endl;
            return 0;
        }
        err() << QCoreApplication::translate("cli",
            "カード %1 のワンタイムパスワードが一致しません（%2）。あと %3 "
            "回誤ると、このカードは確認できなくなります。")
                     .arg(Validation::formatSerial(check.serial), holder)
                     .arg(check.remaining)
              << Qt::endl;
        return 1;
    }
    const bool deskAct = command == QLatin1String("unlock")
        || (command == QLatin1String("pin") && args.value(1) == QLatin1String("set"))
        || (command == QLatin1String("counters") && args.value(1) == QLatin1String("reset"))
        || (command == QLatin1String("staff")
            && (args.value(1) == QLatin1String("add") || args.value(1) == QLatin1String("disable")
                || args.value(1) == QLatin1String("enable")));
    if (deskAct) {
        return deskCommand(store, args, parser.value(staffOption), parser.value(corporationOption),
            parser.value(reasonOption), parser.value(nameOption), parser.value(roleOption));
    }
    if (command == QLatin1String("init")) {
        // The first 管理者 of an empty store; the credential twice from standard input.
        const QString login = parser.value(staffOption);
        if (login.isEmpty() || login.size() > StaffTable::MaxLogin) {
            err() << QCoreApplication::translate(
                "cli", "使い方: hardtoken-cli init --staff LOGIN [--name NAME] < パスワード 2 行")
                  << Qt::endl;
            return 2;
        }
        SecretReader secrets;
        const QString credential = secrets.next(QCoreApplication::translate("cli", "パスワード: "));
        const QString repeat = secrets.next(QCoreApplication::translate("cli", "パスワード（確認）: "));
        // The same rules as 担当者の管理 (StaffDesk): login, name, password, the two entries.
        const Outcome o = StaffDesk(store).addFirstAdministrator(
            { login, parser.value(nameOption), StaffTable::Role::Admin, false }, credential, repeat,
            QStringLiteral("cli"));
        if (!o.ok()) {
            err() << o.message << Qt::endl;
            return 1;
        }
        out() << QCoreApplication::translate("cli", "管理者 %1 を登録しました。").arg(AuditLog::printable(login))
              << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("import")) {
        const QString kind = args.value(1);
        QFile file(args[2]);
        if (!file.open(QIODevice::ReadOnly)) {
            err() << QCoreApplication::translate("cli", "ファイル %1 を開けません: %2").arg(args[2], file.errorString())
                  << Qt::endl;
            return 1;
        }
        // Only a signed-in staff member imports into a production store (credential: first line).
        SecretReader secrets;
        QString actor = QStringLiteral("cli");
        if (!store.isTrainingStore()) {
            if (!parser.isSet(staffOption)) {
                err() << QCoreApplication::translate("cli",
                    "本番用のデータベースに取り込むには、--staff "
                    "で担当者IDを指定し、パスワードを標準入力から入力してください。")
                      << Qt::endl;
                return 2;
            }
            const auto signedIn = signInStaff(store, parser.value(staffOption), secrets, QStringLiteral("import"));
            if (!signedIn)
                return 1;
            actor = *signedIn;
        }
        if (kind == QLatin1String("tokens")) {
            return importTokens(store, file,
                { parser.value(pskcKeyOption), parser.value(passphraseFileOption), parser.value(serialPrefixOption),
                    parser.isSet(replaceOption), parser.isSet(checkOption) },
                secrets, actor);
        }
        RosterReport report;
        const QList<RosterLine> lines
            = RosterImport::parse(file.read(RosterImport::MaxFileBytes + 1), parser.value(encodingOption), &report);
        const bool ok
            = RosterImport::apply(store, lines, parser.isSet(pruneOption), parser.isSet(checkOption), actor, &report);
        for (const QString& line : report.describe())
            out() << line << '\n';
        return importVerdict(ok, report.written);
    }
    if (command == QLatin1String("staff")) {
        if (!StaffTable::resetAttempts(store, args[2], QStringLiteral("cli"))) {
            err() << (store.errorCode() == StoreErrorCode::Locked
                    ? Store::lockedMessage()
                    : QCoreApplication::translate("cli", "担当者ID %1 の誤入力の記録はありません。")
                          .arg(AuditLog::printable(args[2])))
                  << Qt::endl;
            return 1;
        }
        out() << QCoreApplication::translate("cli", "担当者ID %1 を再び利用できるようにしました。")
                     .arg(AuditLog::printable(args[2]))
              << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("otp")) {
        const InputCheck serial = Validation::checkSerial(parser.value(serialOption));
        if (!serial.ok()) {
            err() << Validation::message(InputField::Serial, serial.error) << Qt::endl;
            return 2;
        }
        bool ok = true;
        const qint64 at = parser.isSet(atOption) ? parser.value(atOption).toLongLong(&ok) : clock.nowSecs();
        if (!ok || at < 0) {
            err() << QCoreApplication::translate("cli", "--at には UNIX 時刻（秒）を指定してください。") << Qt::endl;
            return 2;
        }
        const auto code = VirtualTokens::otp(store, serial.value, at, 0, &error);
        if (!code) {
            err() << error << Qt::endl;
            return 1;
        }
        out() << *code << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("exercise") && args.value(1) == QLatin1String("report"))
        return writeTrainingReports(
            store, parser.value(outOption), parser.value(traineeOption), parser.isSet(quietOption));
    if (command == QLatin1String("audit") && args.value(1) == QLatin1String("export")) {
        AuditFilter filter;
        filter.corporationCode = parser.value(corporationOption);
        filter.user = parser.value(userOption);
        filter.serial = parser.value(serialOption);
        filter.action = parser.value(actionOption);
        filter.actor = parser.value(actorOption);
        filter.from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
        filter.to = QDate::fromString(parser.value(toOption), Qt::ISODate);
        if (!parser.isSet(outOption) || (parser.isSet(fromOption) && !filter.from.isValid())
            || (parser.isSet(toOption) && !filter.to.isValid())) {
            err() << QCoreApplication::translate("cli",
                "使い方: hardtoken-cli audit export --out FILE.csv [--staff LOGIN] [--corporation CODE] [--user U]"
                " [--serial S] [--action A] [--actor A] [--from YYYY-MM-DD] [--to YYYY-MM-DD]")
                  << Qt::endl;
            return 2;
        }
        return exportAudit(store, filter, parser.value(outOption), parser.value(staffOption));
    }
    if (command == QLatin1String("audit")) {
        if (parser.isSet(verifyOption)) {
            // The chain and its anchor, then every sealed record (counters, suspension, OTP state).
            const AuditVerification v = store.auditLog().verify();
            const QStringList corporations = CorporationTable::tampered(store);
            const QStringList tokens = TokenTable::tampered(store);
            const QStringList logins = StaffTable::tampered(store);
            if (!v.ok)
                err() << v.problem << Qt::endl;
            for (const QString& code : corporations)
                err() << QCoreApplication::translate(
                    "cli", "契約法人 %1 の誤入力回数または利用中止の記録が改ざんされています。")
                             .arg(AuditLog::printable(code))
                      << Qt::endl;
            for (const QString& serial : tokens)
                err() << QCoreApplication::translate("cli", "トークン %1 の記録が改ざんされています。")
                             .arg(AuditLog::printable(serial))
                      << Qt::endl;
            for (const QString& login : logins)
                err() << QCoreApplication::translate("cli", "担当者ID %1 のサインイン記録が改ざんされています。")
                             .arg(AuditLog::printable(login))
                      << Qt::endl;
            if (!v.ok || !corporations.isEmpty() || !tokens.isEmpty() || !logins.isEmpty())
                return 1;
            out() << QCoreApplication::translate("cli", "監査ログは正常です (%1 件)。").arg(v.entries) << Qt::endl;
            return 0;
        }
        if (json) {
            QJsonArray entries;
            for (const AuditEntry& e : store.auditLog().entries()) {
                entries.append(QJsonObject { { QStringLiteral("id"), e.id }, { QStringLiteral("at"), e.at },
                    { QStringLiteral("actor"), e.actor }, { QStringLiteral("action"), e.action },
                    { QStringLiteral("details"), e.details } });
            }
            out() << QJsonDocument(QJsonObject { { QStringLiteral("schema"), QStringLiteral("hardtoken-cli/audit/1") },
                                       { QStringLiteral("entries"), entries } })
                         .toJson(QJsonDocument::Indented)
                  << Qt::flush;
            return 0;
        }
        for (const AuditEntry& e : store.auditLog().entries()) {
            out() << e.id << '\t' << e.at << '\t' << AuditLog::printable(e.actor) << '\t'
                  << AuditLog::printable(e.action) << '\t' << AuditLog::printable(e.details) << '\n';
        }
        return 0;
    }
    err() << QCoreApplication::translate("cli", "不明なコマンドです: %1").arg(command) << Qt::endl;
    return 2;
}
