// status, scenarios, the training card's code, the first administrator and the data key.
#include "Command.h"
#include "StoreSetup.h"
#include "Terminal.h"
#include "core/Clock.h"
#include "core/Validation.h"
#include "desk/RegistrationService.h"
#include "desk/StaffDesk.h"
#include "desk/StaffSignIn.h"
#include "inventory/Scenario.h"
#include "inventory/VirtualTokens.h"
#include "store/AuditLog.h"
#include "store/KeyFile.h"
#include "store/ServerBoundary.h"
#include "store/StaffTable.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace hardtoken::cli {

namespace {

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

void printStatus(const StatusRead& read)
{
    const CorporationInfo& c = read.corporation;
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
        out() << QCoreApplication::translate("cli", "共有トークン: %1").arg(Validation::formatSerial(read.shared))
              << '\n';
    for (const UserInfo& u : read.users) {
        out() << "  " << u.name << '\t'
              << (u.currentSerial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(u.currentSerial)) << '\n';
    }
}

int status(Invocation& call)
{
    const auto read = readStatus(call.service());
    if (!read)
        return 1;
    if (call.json())
        out() << QJsonDocument(statusJson(*read)).toJson(QJsonDocument::Indented) << Qt::flush;
    else
        printStatus(*read);
    return 0;
}

int resetScenario(Invocation& call)
{
    QString error;
    if (!ScenarioLoader::reset(call.store(), &error))
        return fail(error);
    call.service().selectCorporation();
    return status(call);
}

int generateScenario(Invocation& call)
{
    bool number = false;
    const int users = call.value(QStringLiteral("users")).toInt(&number);
    if (!number || users < 1 || users > ScenarioLoader::MaxGeneratedUsers) {
        return usageError(QCoreApplication::translate("cli", "--users は 1 から %1 までの数です。")
                              .arg(ScenarioLoader::MaxGeneratedUsers));
    }
    const QString path = call.value(QStringLiteral("out"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ScenarioLoader::generate(users)) < 0 || !file.commit()) {
        return fail(QCoreApplication::translate("cli", "%1 に書き込めません: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    out() << QCoreApplication::translate("cli", "利用者 %1 名のシナリオを %2 に書き出しました。")
                 .arg(users)
                 .arg(QDir::toNativeSeparators(path))
          << Qt::endl;
    return 0;
}

int showOtp(Invocation& call)
{
    const InputCheck serial = Validation::checkSerial(call.value(QStringLiteral("serial")));
    if (!serial.ok()) {
        err() << Validation::message(InputField::Serial, serial.error) << Qt::endl;
        return 2;
    }
    bool ok = true;
    const qint64 at = call.isSet(QStringLiteral("at")) ? call.value(QStringLiteral("at")).toLongLong(&ok)
                                                       : call.store().clock().nowSecs();
    if (!ok || at < 0) {
        err() << QCoreApplication::translate("cli", "--at には UNIX 時刻（秒）を指定してください。") << Qt::endl;
        return 2;
    }
    QString error;
    const auto code = VirtualTokens::otp(call.store(), serial.value, at, 0, &error);
    if (!code)
        return fail(error);
    out() << *code << Qt::endl;
    return 0;
}

// The first 管理者 of an empty store; the credential twice from standard input, through the same
// rules as 担当者の管理 (StaffDesk): login, name, password, the two entries.
int init(Invocation& call)
{
    const QString login = call.value(QStringLiteral("staff"));
    SecretReader secrets;
    const QString credential = secrets.next(QCoreApplication::translate("cli", "パスワード: "));
    const QString repeat = secrets.next(QCoreApplication::translate("cli", "パスワード（確認）: "));
    const Outcome o
        = StaffDesk(call.store())
              .addFirstAdministrator({ login, call.value(QStringLiteral("name")), StaffTable::Role::Admin, false },
                  credential, repeat, QStringLiteral("cli"));
    return verdict(o, QCoreApplication::translate("cli", "管理者 %1 を登録しました。").arg(AuditLog::printable(login)));
}

// Every other console must be closed: their keys would no longer match what they write.
// PostgreSQL as the trust boundary (run as the schema's owner): the desk role and what it may do.
int serverInit(Invocation& call)
{
    Store& store = call.store();
    const QString role = call.value(QStringLiteral("desk-role"));
    if (!ServerBoundary::init(store, role))
        return fail(store.errorMessage());
    out() << QCoreApplication::translate("cli", "サーバーの権限を設定しました（窓口の端末のロール: %1）。").arg(role)
          << Qt::endl
          << ServerBoundary::privilegeTable(role, ServerBoundary::privileges(store, role)) << Qt::flush;
    return 0;
}

int serverPrivileges(Invocation& call)
{
    const QString role = call.value(QStringLiteral("desk-role"));
    if (!call.store().isPostgres() || !ServerBoundary::validRole(role))
        return fail(
            QCoreApplication::translate("cli", "PostgreSQL のデータベースと、正しいロール名を指定してください。"));
    out() << ServerBoundary::privilegeTable(role, ServerBoundary::privileges(call.store(), role)) << Qt::flush;
    return 0;
}

int rotateKey(Invocation& call)
{
    Store& store = call.store();
    const QString login = call.value(QStringLiteral("staff"));
    QString actor = QStringLiteral("cli");
    if (!store.isTrainingStore()) {
        if (login.isEmpty())
            return call.usage(missingOption(QStringLiteral("staff")));
        SecretReader secrets;
        const QString credential = secrets.staffPassword(login);
        bool admin = false;
        const auto signedIn
            = StaffSignIn::run(store, login, credential, 0, StaffPurpose::KeyRotate, [&](const QString&) {
                  const auto account = StaffTable::find(store, login);
                  admin = account && account->role == StaffTable::Role::Admin;
                  return admin;
              });
        if (signedIn == StaffSignIn::Result::Denied)
            return fail(StaffSignIn::deniedMessage());
        if (!admin)
            return fail(QCoreApplication::translate("cli", "暗号鍵の交換は管理者だけが行えます。"));
        actor = StaffSignIn::actorFor(login);
    }
    int tokens = 0;
    if (!store.rotateKey(store.keyFilePath(), actor, &tokens))
        return fail(store.errorMessage());
    out() << QCoreApplication::translate(
        "cli", "暗号鍵を交換しました（トークン %1 件）。新しい鍵: %2（以前の鍵: %2.old）")
                 .arg(tokens)
                 .arg(store.keyFilePath())
          << Qt::endl;
    return 0;
}

} // namespace

QList<Command> storeCommands()
{
    using Use = Command::StoreUse;
    return {
        { words("status"), {}, {}, {}, Use::Reads, true, false,
            QT_TRANSLATE_NOOP("cli", "契約法人、利用形態、利用登録、誤入力回数を表示します。"), status },
        { words("scenario load"), words("FILE"), {}, {}, Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli", "トレーニング用シナリオを読み込みます（トレーニング用データを置き換えます）。"),
            status, [](StoreOptions& options, const QStringList& operands) { options.scenario = operands.value(0); } },
        { words("scenario reset"), {}, {}, {}, Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli", "シナリオを最初の状態に戻します（誤入力回数と利用中止も）。"), resetScenario },
        { words("scenario generate"), {}, words("users out"), words("out"), Use::None, false, false,
            QT_TRANSLATE_NOOP("cli",
                "大規模法人のトレーニング用シナリオ（JSON）を作ります（--users 名、既定 50000。負荷の確認と絞り込みの"
                "練習用）。"),
            generateScenario },
        { words("otp"), {}, words("serial at"), {}, Use::Reads, false, false,
            QT_TRANSLATE_NOOP("cli", "トレーニング用トークンのカードの表示（--at: UNIX 時刻、既定は現在）。"),
            showOtp },
        { words("init"), {}, words("staff name"), words("staff"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli", "空のデータベースに最初の管理者を作ります（パスワードは標準入力から 2 回）。"),
            init },
        { words("rotate-key"), {}, words("staff"), {}, Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli", "データ暗号鍵を交換します（管理者のみ。ほかのコンソールはすべて閉じてから）。"),
            rotateKey },
        { words("server init"), {}, words("desk-role"), words("desk-role"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli",
                "PostgreSQL（--postgres にスキーマの所有者の接続と --key-file）: "
                "窓口の端末のロールを作り、秘密の列を読めず、表に書き込めないように権限を設定します。"
                "サーバーの関数（サインイン、トークンの確認、暗証番号で行う操作、管理の操作）を入れ、"
                "トークンの秘密鍵をサーバーの鍵で保管します。マイグレーション、トークンの取り込み、"
                "暗号鍵の交換のあとにも実行します。"),
            serverInit },
        { words("server privileges"), {}, words("desk-role"), words("desk-role"), Use::Reads, false, false,
            QT_TRANSLATE_NOOP("cli", "PostgreSQL: ロールが表ごとにできること（サーバーの答えのまま）。"),
            serverPrivileges },
    };
}

} // namespace hardtoken::cli
