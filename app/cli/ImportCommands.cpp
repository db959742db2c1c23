// The bank's files in: the roster of corporations and users, the vendor's tokens. Only a signed-in
// staff member imports into a production store (the credential: the first line of standard input).
#include "Command.h"
#include "Terminal.h"
#include "core/Clock.h"
#include "desk/StaffSignIn.h"
#include "inventory/RosterImport.h"
#include "inventory/TokenImport.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/ServerDesk.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>
#include <optional>

namespace hardtoken::cli {

namespace {

int importVerdict(bool ok, bool written)
{
    if (!ok) {
        return fail(
            QCoreApplication::translate("cli", "取り込みは行われませんでした。データベースは変更されていません。"));
    }
    out() << (written ? QCoreApplication::translate("cli", "取り込みました。")
                      : QCoreApplication::translate("cli", "確認のみ（--check）: データベースは変更していません。"))
          << Qt::endl;
    return 0;
}

// The file named by the operand, and the audit actor: "cli" on a training store, the signed-in
// staff member on a production one; `refused` is the exit code when either is refused (said on
// standard error).
struct Source {
    QString actor;
    int refused = 0; // the exit code when not 0
};

Source openSource(Invocation& call, QFile& file, SecretReader& secrets)
{
    file.setFileName(call.operands().value(0));
    if (!file.open(QIODevice::ReadOnly)) {
        return { {},
            fail(QCoreApplication::translate("cli", "ファイル %1 を開けません: %2")
                     .arg(call.operands().value(0), file.errorString())) };
    }
    Store& store = call.store();
    if (store.isTrainingStore())
        return { QStringLiteral("cli") };
    if (!call.isSet(QStringLiteral("staff"))) {
        err() << QCoreApplication::translate("cli",
            "本番用のデータベースに取り込むには、--staff "
            "で担当者IDを指定し、パスワードを標準入力から入力してください。")
              << Qt::endl;
        return { {}, 2 };
    }
    const auto signedIn = signInStaff(store, call.value(QStringLiteral("staff")), secrets, StaffPurpose::Import);
    return signedIn ? Source { *signedIn } : Source { {}, 1 };
}

// The PSKC pre-shared key and passphrase options; false (said on standard error) when a file named
// cannot be read.
bool readKeyOptions(const Invocation& call, TokenImportOptions* options)
{
    options->serialPrefix = call.value(QStringLiteral("serial-prefix"));
    const QString keyFile = call.value(QStringLiteral("pskc-key"));
    if (!keyFile.isEmpty()) {
        QString why;
        const auto key = TokenImport::readPreSharedKey(keyFile, &why);
        if (!key) {
            err() << why << Qt::endl;
            return false;
        }
        options->preSharedKey = *key;
    }
    const QString passphraseFile = call.value(QStringLiteral("passphrase-file"));
    if (!passphraseFile.isEmpty()) {
        QFile f(passphraseFile);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << QCoreApplication::translate("cli", "ファイル %1 を開けません: %2")
                         .arg(passphraseFile, f.errorString())
                  << Qt::endl;
            return false;
        }
        options->passphrase = f.readLine(4096);
        while (options->passphrase.endsWith('\n') || options->passphrase.endsWith('\r'))
            options->passphrase.chop(1);
    }
    return true;
}

// The vendor's PSKC or CSV read and checked. Secrets after the staff credential: the PBKDF2
// passphrase when the file needs one and no --passphrase-file is given. nullopt (said on standard
// error) when a key option's file cannot be read.
std::optional<QList<TokenLine>> readTokens(
    Invocation& call, QFile& file, SecretReader& secrets, TokenImportReport* report)
{
    TokenImportOptions options;
    if (!readKeyOptions(call, &options))
        return std::nullopt;
    const QByteArray bytes = file.read(TokenImport::MaxFileBytes + 1);
    QList<TokenLine> lines = TokenImport::parse(bytes, options, report);
    if (report->needsPassphrase) {
        options.passphrase = secrets.next(QCoreApplication::translate("cli", "ファイルのパスフレーズ: ")).toUtf8();
        *report = TokenImportReport {};
        lines = TokenImport::parse(bytes, options, report);
    }
    return lines;
}

// Why the file was refused to standard error, the report to standard output, then the verdict.
int tokensVerdict(bool ok, const TokenImportReport& report)
{
    const QString problem = AuditLog::printable(report.fileProblem);
    for (const QString& line : report.describe())
        (!problem.isEmpty() && line == problem ? err() : out()) << line << '\n';
    return importVerdict(ok, report.written);
}

int importTokens(Invocation& call, QFile& file, SecretReader& secrets, const QString& actor)
{
    TokenImportReport report;
    auto lines = readTokens(call, file, secrets, &report);
    if (!lines)
        return 2;
    const bool ok = TokenImport::apply(call.store(), std::move(*lines), call.isSet(QStringLiteral("replace")),
        call.isSet(QStringLiteral("check")), actor, &report);
    return tokensVerdict(ok, report);
}

QList<RosterLine> readRoster(const Invocation& call, QFile& file, RosterReport* report)
{
    return RosterImport::parse(
        file.read(RosterImport::MaxFileBytes + 1), call.value(QStringLiteral("encoding")), report);
}

int rosterVerdict(bool ok, const RosterReport& report)
{
    for (const QString& line : report.describe())
        out() << line << '\n';
    return importVerdict(ok, report.written);
}

int importRoster(Invocation& call, QFile& file, SecretReader&, const QString& actor)
{
    RosterReport report;
    const QList<RosterLine> lines = readRoster(call, file, &report);
    const bool ok = RosterImport::apply(
        call.store(), lines, call.isSet(QStringLiteral("prune")), call.isSet(QStringLiteral("check")), actor, &report);
    return rosterVerdict(ok, report);
}

// On a store ruled by the server (hardtoken-cli server init), from a desk that holds no key:
// "desk import roster|tokens FILE --postgres DESK_CONNECTION --staff LOGIN --reason TEXT". The
// administrator signs in on the server (the password from standard input, counted and locked
// there), the file is read and checked here, and the server does the import in that session.
struct DeskImport {
    SystemClock clock;
    Database connection { clock };
    std::unique_ptr<ServerDesk> server;
    QString session;
    int refused = 0; // the exit code when not 0 (said on standard error)

    DeskImport(Invocation& call, QFile& file, SecretReader& secrets)
    {
        file.setFileName(call.operands().value(0));
        if (!file.open(QIODevice::ReadOnly)) {
            refused = fail(QCoreApplication::translate("cli", "ファイル %1 を開けません: %2")
                               .arg(call.operands().value(0), file.errorString()));
            return;
        }
        const QString postgres = call.value(QStringLiteral("postgres"));
        if (postgres.isEmpty()) {
            refused = call.usage(missingOption(QStringLiteral("postgres")));
            return;
        }
        if (!connection.openAsDesk(postgres)) {
            refused = fail(connection.errorMessage());
            return;
        }
        server = std::make_unique<ServerDesk>(connection);
        const QString login = call.value(QStringLiteral("staff"));
        const ServerDesk::SignIn in = server->signIn(login, secrets.staffPassword(login));
        if (in.outcome != ServerDesk::Outcome::SignedIn) {
            refused = fail(
                in.outcome == ServerDesk::Outcome::Failed ? connection.errorMessage() : StaffSignIn::deniedMessage());
            return;
        }
        session = in.session;
    }
    ~DeskImport()
    {
        if (!session.isEmpty())
            server->signOut(session, QStringLiteral("closed"));
    }
    Q_DISABLE_COPY_MOVE(DeskImport)
};

int deskImportTokens(Invocation& call)
{
    QFile file;
    SecretReader secrets;
    DeskImport desk(call, file, secrets);
    if (desk.refused)
        return desk.refused;
    TokenImportReport report;
    auto lines = readTokens(call, file, secrets, &report);
    if (!lines)
        return 2;
    const bool ok = TokenImport::applyThroughServer(*desk.server, desk.session, std::move(*lines),
        call.isSet(QStringLiteral("replace")), call.value(QStringLiteral("reason")), &report);
    return tokensVerdict(ok, report);
}

int deskImportRoster(Invocation& call)
{
    QFile file;
    SecretReader secrets;
    DeskImport desk(call, file, secrets);
    if (desk.refused)
        return desk.refused;
    RosterReport report;
    const QList<RosterLine> lines = readRoster(call, file, &report);
    const bool ok = RosterImport::applyThroughServer(*desk.server, desk.session, lines,
        call.isSet(QStringLiteral("prune")), call.value(QStringLiteral("reason")), &report);
    return rosterVerdict(ok, report);
}

// The file named by the operand opened, the importer signed in, then `work` with the audit actor.
int importFile(Invocation& call, int (*work)(Invocation&, QFile&, SecretReader&, const QString& actor))
{
    QFile file;
    SecretReader secrets;
    const Source source = openSource(call, file, secrets);
    return source.refused ? source.refused : work(call, file, secrets, source.actor);
}

} // namespace

QList<Command> importCommands()
{
    using Use = Command::StoreUse;
    return {
        { words("import roster"), words("FILE.csv"), words("staff check prune encoding"), {}, Use::Writes, false, false,
            QT_TRANSLATE_NOOP(
                "cli", "契約法人と利用者の名簿を取り込みます（本番用では担当者のパスワードを標準入力から）。"),
            [](Invocation& call) { return importFile(call, importRoster); } },
        { words("import tokens"), words("FILE"), words("staff check replace pskc-key passphrase-file serial-prefix"),
            {}, Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli",
                "ベンダーのトークン（PSKC または CSV）を取り込みます。標準入力: 担当者のパスワード、"
                "続いて（--passphrase-file がなく、必要なら）PSKC のパスフレーズ。"),
            [](Invocation& call) { return importFile(call, importTokens); } },
        { words("desk import roster"), words("FILE.csv"), words("staff reason prune encoding"), words("staff reason"),
            Use::None, false, false,
            QT_TRANSLATE_NOOP("cli",
                "サーバーが管理するデータベース（--postgres に端末用ロールの接続、暗号鍵なし）に名簿を取り込みます"
                "（管理者。標準入力: パスワード）。"),
            deskImportRoster },
        { words("desk import tokens"), words("FILE"),
            words("staff reason replace pskc-key passphrase-file serial-prefix"), words("staff reason"), Use::None,
            false, false,
            QT_TRANSLATE_NOOP("cli",
                "サーバーが管理するデータベースにトークンを取り込みます。秘密鍵はサーバーだけが保管します"
                "（管理者。標準入力: パスワード、必要なら PSKC のパスフレーズ）。"),
            deskImportTokens },
    };
}

} // namespace hardtoken::cli
