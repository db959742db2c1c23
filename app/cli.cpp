// hardtoken-cli: the console's headless companion (status, scenarios, help-desk unlock, audit).
#include "RegistrationService.h"
#include "Scenario.h"
#include "Store.h"
#include "StoreSetup.h"
#include "Clock.h"
#include "Validation.h"
#include "VirtualToken.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <windows.h>
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

QString modeText(UsageMode mode)
{
    switch (mode) {
    case UsageMode::Shared:
        return QCoreApplication::translate("cli", "全ての利用者が同じトークンを利用する");
    case UsageMode::Individual:
        return QCoreApplication::translate("cli", "全ての利用者が異なるトークンを利用する");
    case UsageMode::Unset:
        break;
    }
    return QCoreApplication::translate("cli", "未設定");
}

int status(RegistrationService& service)
{
    const CorporationInfo c = service.corporation();
    out() << QCoreApplication::translate("cli", "契約法人: %1 (%2)").arg(c.name, c.code) << '\n'
          << QCoreApplication::translate("cli", "利用形態: %1").arg(modeText(c.mode)) << '\n'
          << QCoreApplication::translate("cli", "利用登録済みトークン: %1").arg(c.registeredTokens) << '\n'
          << QCoreApplication::translate("cli", "誤入力回数: シリアル番号/ワンタイムパスワード %1, 契約法人確認暗証番号 %2")
                 .arg(c.otpFailures)
                 .arg(c.pinFailures)
          << '\n'
          << QCoreApplication::translate("cli", "状態: %1")
                 .arg(c.suspended ? QCoreApplication::translate("cli", "利用中止") : QCoreApplication::translate("cli", "利用可能"))
          << '\n';
    if (c.mode == UsageMode::Shared)
        out() << QCoreApplication::translate("cli", "共有トークン: %1").arg(Validation::formatSerial(service.sharedSerial())) << '\n';
    for (const UserInfo& u : service.users()) {
        out() << "  " << u.name << '\t'
              << (u.currentSerial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(u.currentSerial)) << '\n';
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HardTokenConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("hardtoken-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "カード型ハードトークン 管理コンソール (command line)\n\n"
               "Commands:\n"
               "  status                 corporation, usage mode, registrations, failure counters\n"
               "  scenario load FILE     load a training scenario (replaces the training store)\n"
               "  scenario reset         load the store's scenario again (counters and suspension too)\n"
               "  unlock --staff LOGIN   lift 利用中止 (the staff credential is read from standard input)\n"
               "  otp --serial S [--at T] what a training token's card shows (T: unix time, default now)\n"
               "  audit [--verify]       print the audit log / check its MAC chain"));
    parser.addHelpOption();
    parser.addVersionOption();
    StoreOptions::addTo(parser);
    const QCommandLineOption staffOption(QStringLiteral("staff"), QCoreApplication::translate("cli", "Help-desk login."),
                                         QStringLiteral("login"));
    const QCommandLineOption verifyOption(QStringLiteral("verify"), QCoreApplication::translate("cli", "Check the audit chain."));
    const QCommandLineOption serialOption(QStringLiteral("serial"), QCoreApplication::translate("cli", "Token serial (10 digits)."),
                                          QStringLiteral("serial"));
    const QCommandLineOption atOption(QStringLiteral("at"), QCoreApplication::translate("cli", "Unix time for otp."),
                                      QStringLiteral("time"));
    parser.addOption(serialOption);
    parser.addOption(atOption);
    parser.addOption(staffOption);
    parser.addOption(verifyOption);
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("cli", "status | scenario | unlock | audit"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("status"));

    SystemClock clock;
    Store store(clock);
    StoreOptions options = StoreOptions::from(parser);
    if (command == QLatin1String("scenario") && args.value(1) == QLatin1String("load")) {
        if (args.size() < 3) {
            err() << QCoreApplication::translate("cli", "usage: hardtoken-cli scenario load FILE") << Qt::endl;
            return 2;
        }
        options.scenario = args[2];
    }
    QString error;
    if (!options.open(store, &error)) {
        err() << error << Qt::endl;
        return 1;
    }
    RegistrationService service(store);
    service.selectCorporation();
    service.setActor(QStringLiteral("cli"));

    if (command == QLatin1String("status"))
        return status(service);
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
        err() << QCoreApplication::translate("cli", "usage: hardtoken-cli scenario load FILE | scenario reset") << Qt::endl;
        return 2;
    }
    if (command == QLatin1String("unlock")) {
        if (!parser.isSet(staffOption)) {
            err() << QCoreApplication::translate("cli", "usage: hardtoken-cli unlock --staff LOGIN < credential") << Qt::endl;
            return 2;
        }
        QTextStream in(stdin);
        const QString credential = in.readLine();
        const Outcome o = service.unlock(parser.value(staffOption), credential);
        if (!o.ok()) {
            err() << o.message << Qt::endl;
            return 1;
        }
        out() << QCoreApplication::translate("cli", "利用中止状態を解除しました。") << Qt::endl;
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
    if (command == QLatin1String("audit")) {
        if (parser.isSet(verifyOption)) {
            const qint64 bad = store.verifyAudit();
            if (bad >= 0) {
                err() << QCoreApplication::translate("cli", "監査ログ %1 番以降が改ざんされています。").arg(bad) << Qt::endl;
                return 1;
            }
            out() << QCoreApplication::translate("cli", "監査ログは正常です (%1 件)。").arg(store.auditEntries().size()) << Qt::endl;
            return 0;
        }
        for (const AuditEntry& e : store.auditEntries())
            out() << e.id << '\t' << e.at << '\t' << e.actor << '\t' << e.action << '\t' << e.details << '\n';
        return 0;
    }
    err() << QCoreApplication::translate("cli", "unknown command: %1").arg(command) << Qt::endl;
    return 2;
}
