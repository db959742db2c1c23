// hardtoken-cli as a person or a script uses it.
#include "TestSupport.h"

#include "inventory/Scenario.h"
#include "store/UsageMode.h"
#include "training/Exercise.h"
#include "training/TrainingResultTable.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(QStringLiteral(HARDTOKEN_CLI), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}
// hardtoken-cli on the store in `db`.
Run cliOn(const QString& db, const QStringList& args, const QByteArray& input = {})
{
    return cli(QStringList { QStringLiteral("--database"), db } + args, input);
}

// A roster file in `dir`.
QString rosterFile(const QTemporaryDir& dir, const QString& text)
{
    const QString path = dir.filePath(QStringLiteral("roster.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// A store in `dir` loaded with the bundled 利用中止 scenario.
QString suspendedStore(const QTemporaryDir& dir)
{
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    const Run r
        = cliOn(db, { QStringLiteral("--scenario"), sourcePath(QStringLiteral("resources/scenarios/suspended.json")) });
    return r.code == 0 ? db : QString();
}
} // namespace

class TestCli final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusOnTheTrainingScenario();
    void otpMatchesTheCard();
    void malformedScenarioIsRefusedAndChangesNothing();
    void resetRestoresCountersAndSuspension();
    void unlockReadsTheCredentialFromStdin();
    void productionStoreRefusesOtpAndScenarios();
    void unreadableStoreIsAClearError();
    void auditListingCannotBeForgedAndVerifyFindsTampering();
    void firstAdministratorThenARosterImportedBySignedInStaff();
    void tokensImportReadsTheCredentialThenThePassphrase();
    void deskActsOnAProductionStore();
    void commandLinesAreCheckedAndExplained();
    void readingCommandsNeverCreateAStore();
    void jsonForScripts();
    void generatesALargeCorporation();
    void manualWritersProgressAndQuiet();
    void exercisesAreListedWithoutAStore();
    void exerciseReportsForTheTrainer();
    void theConsoleStartsAnExercise();
};

void TestCli::statusOnTheTrainingScenario()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    const Run r = cliOn(db, { QStringLiteral("--training"), QStringLiteral("status") });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("株式会社サンプル商事")));
    QVERIFY(r.out.contains(QStringLiteral("全ての利用者が異なるトークンを利用する")));
    QVERIFY(r.out.contains(QStringLiteral("鈴木 花子\t00-0000000-2")));
}

void TestCli::otpMatchesTheCard()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    QCOMPARE(cliOn(db, { QStringLiteral("--training") }).code, 0);
    OtpGenerator g;
    const Run r = cliOn(db,
        { QStringLiteral("otp"), QStringLiteral("--serial"), sample::spareCard2, QStringLiteral("--at"),
            QStringLiteral("1111111109") });
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), g.totp(QByteArrayLiteral("training-seed-0000000012"), 1111111109));
    const Run bad = cliOn(db, { QStringLiteral("otp"), QStringLiteral("--serial"), QStringLiteral("00-0000001-2") });
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains(QStringLiteral("ハイフンを除いた")));
    const Run unknown = cliOn(db, { QStringLiteral("otp"), QStringLiteral("--serial"), QStringLiteral("9999999999") });
    QCOMPARE(unknown.code, 1);
}

void TestCli::malformedScenarioIsRefusedAndChangesNothing()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    QCOMPARE(cliOn(db, { QStringLiteral("--training") }).code, 0);
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray json = fileBytes(sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json")));
    json.replace("\"0000000013\"", "\"00-0000001-3\"");
    f.write(json);
    f.close();
    const Run r = cliOn(db, { QStringLiteral("scenario"), QStringLiteral("load"), bad });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("tokens[5].serial")), qPrintable(r.err));
    const Run status = cliOn(db, { QStringLiteral("status") });
    QVERIFY(status.out.contains(QStringLiteral("山田 太郎\t00-0000000-1")));
}

void TestCli::resetRestoresCountersAndSuspension()
{
    QTemporaryDir dir;
    const QString db = suspendedStore(dir);
    QVERIFY(!db.isEmpty());
    QVERIFY(cliOn(db, { QStringLiteral("status") }).out.contains(QStringLiteral("利用中止")));
    const Run reset = cliOn(db, { QStringLiteral("scenario"), QStringLiteral("reset") });
    QCOMPARE(reset.code, 0);
    // The suspended scenario starts suspended: reset restores exactly that.
    QVERIFY(reset.out.contains(QStringLiteral("シリアル番号/ワンタイムパスワード 5")));
    QCOMPARE(
        cliOn(db, { QStringLiteral("scenario"), QStringLiteral("load"), QStringLiteral(":/scenarios/manual-ch9.json") })
            .code,
        0);
    const Run manual = cliOn(db, { QStringLiteral("status") });
    QVERIFY(manual.out.contains(QStringLiteral("利用可能")));
}

void TestCli::unlockReadsTheCredentialFromStdin()
{
    QTemporaryDir dir;
    const QString db = suspendedStore(dir);
    QVERIFY(!db.isEmpty());
    const Run wrong = cliOn(db,
        { QStringLiteral("unlock"), QStringLiteral("--staff"), QStringLiteral("helpdesk"), QStringLiteral("--reason"),
            QStringLiteral("電話で本人確認") },
        "nope\n");
    QCOMPARE(wrong.code, 1);
    const Run right = cliOn(db,
        { QStringLiteral("unlock"), QStringLiteral("--staff"), QStringLiteral("helpdesk"), QStringLiteral("--reason"),
            QStringLiteral("電話で本人確認") },
        "Helpdesk2023\n");
    QCOMPARE(right.code, 0);
    const Run audit = cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") });
    QCOMPARE(audit.code, 0);
    const Run log = cliOn(db, { QStringLiteral("audit") });
    QVERIFY(log.out.contains(QStringLiteral("unlock.denied")));
    QVERIFY(log.out.contains(QStringLiteral("corporation.unlocked")));
    QVERIFY(!log.out.contains(sample::staffCredential));
}

void TestCli::productionStoreRefusesOtpAndScenarios()
{
    // A production store: created by the console, not by a scenario.
    Fixture f;
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE meta SET value = 'production' WHERE key = 'store_kind'")));
    const QString db = f.dbPath();
    f.service.reset();
    f.store.reset();
    const Run otp = cliOn(db, { QStringLiteral("otp"), QStringLiteral("--serial"), sample::spareCard2 });
    QCOMPARE(otp.code, 1);
    QVERIFY(otp.err.contains(QStringLiteral("本番用")));
    QVERIFY(otp.out.isEmpty());
    const Run load = cliOn(db, { QStringLiteral("--training"), QStringLiteral("status") });
    QCOMPARE(load.code, 1);
    QVERIFY(load.err.contains(QStringLiteral("本番用")));
    QCOMPARE(cliOn(db, { QStringLiteral("scenario"), QStringLiteral("reset") }).code, 1);
}

void TestCli::unreadableStoreIsAClearError()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(db);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hello");
    f.close();
    const Run r = cliOn(db, { QStringLiteral("status") });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("データベースではありません")));
}

void TestCli::auditListingCannotBeForgedAndVerifyFindsTampering()
{
    QTemporaryDir dir;
    const QString db = suspendedStore(dir);
    QVERIFY(!db.isEmpty());
    // A "login" that tries to print a line of its own (a newline, then a fake unlock).
    const QString forged = QStringLiteral("x\n999\t2023-09-01T09:00:00.000Z\tstaff:helpdesk\tcorporation.unlocked\t");
    QCOMPARE(cliOn(db,
                 { QStringLiteral("unlock"), QStringLiteral("--staff"), forged, QStringLiteral("--reason"),
                     QStringLiteral("r") },
                 "wrong\n")
                 .code,
        1);
    const Run listing = cliOn(db, { QStringLiteral("audit") });
    QCOMPARE(listing.code, 0);
    const QStringList lines = listing.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        QCOMPARE(line.count(QLatin1Char('\t')), 4); // one entry, one line, five fields
    QVERIFY(listing.out.contains(QStringLiteral("\\n999\\t")));
    QCOMPARE(cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") }).code, 0);
    // Dropping the last entry, or resetting the counters by hand, is found.
    {
        RawSql raw(db);
        QVERIFY(raw.ok(QStringLiteral("UPDATE corporations SET otp_failures = 0, suspended = 0")));
    }
    const Run verify = cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") });
    QCOMPARE(verify.code, 1);
    QVERIFY2(verify.err.contains(QStringLiteral("改ざん")), qPrintable(verify.err));
    {
        RawSql raw(db);
        QVERIFY(raw.ok(QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")));
    }
    QVERIFY(cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") }).err.contains(QStringLiteral("末尾")));
}

void TestCli::firstAdministratorThenARosterImportedBySignedInStaff()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("production.sqlite"));
    const QString roster = rosterFile(dir,
        QStringLiteral(
            "契約法人コード,契約法人名,利用者ID,利用者名,表示順\n1000000001,株式会社あおば,U001,青葉 一郎,1\n"));
    const QStringList init { QStringLiteral("init"), QStringLiteral("--staff"), QStringLiteral("admin") };
    // The credential twice on standard input, never in the arguments.
    const Run mismatch = cliOn(db, init, "Passw0rd!\nPassw0rd?\n");
    QCOMPARE(mismatch.code, 1);
    QVERIFY(mismatch.err.contains(QStringLiteral("一致しません")));
    // The rules of 担当者の管理: no space or ':' in a login (a ':' would forge "staff:a:b" actors).
    for (const char* login : { "two words", "staff:admin" }) {
        const Run bad = cliOn(
            db, { QStringLiteral("init"), QStringLiteral("--staff"), QLatin1String(login) }, "Passw0rd!\nPassw0rd!\n");
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("担当者IDは")), qPrintable(bad.err));
    }
    QCOMPARE(cliOn(db, init, "Passw0rd!\nPassw0rd!\n").code, 0);
    const Run again = cliOn(db, init, "Other000!\nOther000!\n");
    QCOMPARE(again.code, 1);
    QVERIFY(again.err.contains(QStringLiteral("すでに担当者が登録されています")));

    const QStringList import { QStringLiteral("import"), QStringLiteral("roster"), roster };
    // A production store takes a roster only from a signed-in staff member.
    QCOMPARE(cliOn(db, import).code, 2);
    const Run wrong = cliOn(db, import + QStringList { QStringLiteral("--staff"), QStringLiteral("admin") }, "nope\n");
    QCOMPARE(wrong.code, 1);
    QVERIFY(wrong.err.contains(QStringLiteral("担当者IDまたはパスワードが正しくありません")));
    const Run ok
        = cliOn(db, import + QStringList { QStringLiteral("--staff"), QStringLiteral("admin") }, "Passw0rd!\n");
    QCOMPARE(ok.code, 0);
    QVERIFY2(ok.out.contains(QStringLiteral("利用者: 追加 1")), qPrintable(ok.out));
    const Run log = cliOn(db, { QStringLiteral("audit") });
    QVERIFY(log.out.contains(QStringLiteral("staff:admin\troster.imported")));
    QVERIFY(log.out.contains(QStringLiteral("staff:admin\timport.denied")));
    QCOMPARE(cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") }).code, 0);
}

void TestCli::tokensImportReadsTheCredentialThenThePassphrase()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("production.sqlite"));
    QCOMPARE(cliOn(db, { QStringLiteral("init"), QStringLiteral("--staff"), QStringLiteral("admin") },
                 "Passw0rd!\nPassw0rd!\n")
                 .code,
        0);
    // A vendor's PBKDF2 container (python3-pskc wrote it; passphrase "correct horse").
    const QStringList import { QStringLiteral("import"), QStringLiteral("tokens"),
        sourcePath(QStringLiteral("tests/data/vendor-pbkdf2.pskcxml")), QStringLiteral("--staff"),
        QStringLiteral("admin") };
    const Run check = cliOn(db, import + QStringList { QStringLiteral("--check") }, "Passw0rd!\ncorrect horse\n");
    QCOMPARE(check.code, 0);
    QVERIFY2(check.out.contains(QStringLiteral("取り込み 2")), qPrintable(check.out + check.err));
    QVERIFY(check.out.contains(QStringLiteral("確認のみ")));
    const Run wrong = cliOn(db, import, "Passw0rd!\ncorrect horses\n");
    QCOMPARE(wrong.code, 1);
    QVERIFY2(wrong.err.contains(QStringLiteral("鍵またはパスフレーズが違う")), qPrintable(wrong.err));
    const Run ok = cliOn(db, import, "Passw0rd!\ncorrect horse\n");
    QCOMPARE(ok.code, 0);
    QVERIFY2(ok.out.contains(QStringLiteral("KeyPackage 1 0123456789: 取り込み")), qPrintable(ok.out));
    // Again: unchanged, not refused.
    const Run again = cliOn(db, import, "Passw0rd!\ncorrect horse\n");
    QCOMPARE(again.code, 0);
    QVERIFY2(again.out.contains(QStringLiteral("変更なし 2")), qPrintable(again.out));
    const Run log = cliOn(db, { QStringLiteral("audit") });
    QVERIFY(log.out.contains(QStringLiteral("staff:admin\ttoken.imported\tserial=0123456789")));
    QVERIFY(!log.out.contains(QStringLiteral("correct horse")));
    QCOMPARE(cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") }).code, 0);
}

void TestCli::deskActsOnAProductionStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("production.sqlite"));
    const QString roster = rosterFile(dir,
        QStringLiteral(
            "契約法人コード,契約法人名,利用者ID,利用者名,表示順\n1000000001,株式会社あおば,U001,青葉 一郎,1\n"
            "1000000002,ミドリ商事,M01,緑 三郎,1\n"));
    QCOMPARE(cliOn(db, { QStringLiteral("init"), QStringLiteral("--staff"), QStringLiteral("admin") },
                 "Passw0rd!\nPassw0rd!\n")
                 .code,
        0);
    QCOMPARE(cliOn(db,
                 { QStringLiteral("import"), QStringLiteral("roster"), roster, QStringLiteral("--staff"),
                     QStringLiteral("admin") },
                 "Passw0rd!\n")
                 .code,
        0);
    const QStringList reason { QStringLiteral("--reason"), QStringLiteral("新規契約") };
    // The administrator adds a 担当者 (password twice after the administrator's own).
    const QStringList add = QStringList { QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("clerk"),
        QStringLiteral("--name"), QStringLiteral("窓口 一郎"), QStringLiteral("--staff"), QStringLiteral("admin") }
        + reason;
    const Run added = cliOn(db, add, "Passw0rd!\nClerk-0001\nClerk-0001\n");
    QVERIFY2(added.code == 0, qPrintable(added.err));
    // The 担当者 sets the PIN of the corporation the customer named (two corporations: --corporation).
    const QStringList pin = QStringList {
        QStringLiteral("pin"), QStringLiteral("set"), QStringLiteral("--staff"), QStringLiteral("clerk")
    } + reason;
    QCOMPARE(cliOn(db, pin, "Clerk-0001\nabcd1234\nabcd1234\n").code, 1); // which corporation?
    const Run set = cliOn(db, pin + QStringList { QStringLiteral("--corporation"), QStringLiteral("1000000002") },
        "Clerk-0001\nabcd1234\nabcd1234\n");
    QVERIFY2(set.code == 0, qPrintable(set.err));
    QVERIFY(set.out.contains(QStringLiteral("契約法人確認暗証番号を設定しました")));
    // A 担当者 cannot add staff; without a reason nothing is asked.
    const Run clerkAdds = cliOn(db,
        QStringList { QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("x2"), QStringLiteral("--staff"),
            QStringLiteral("clerk") }
            + reason,
        "Clerk-0001\nPassw0rd?\nPassw0rd?\n");
    QCOMPARE(clerkAdds.code, 1);
    QVERIFY(clerkAdds.err.contains(QStringLiteral("管理者だけ")));
    QCOMPARE(
        cliOn(db, { QStringLiteral("pin"), QStringLiteral("set"), QStringLiteral("--staff"), QStringLiteral("clerk") })
            .code,
        2);
    // The clerk's login locked by wrong passwords: lifting it takes ANOTHER administrator, signed
    // in (no sign-in at all is a usage error; the clerk cannot lift their own).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(cliOn(db, pin + QStringList { QStringLiteral("--corporation"), QStringLiteral("1000000002") },
                     "wrong-password\nabcd1234\nabcd1234\n")
                     .code,
            1);
    const QStringList reset { QStringLiteral("staff"), QStringLiteral("reset"), QStringLiteral("clerk") };
    QCOMPARE(cliOn(db, reset).code, 2);
    const Run own = cliOn(
        db, reset + QStringList { QStringLiteral("--staff"), QStringLiteral("clerk") } + reason, "Clerk-0001\n");
    QCOMPARE(own.code, 1);
    QVERIFY2(own.err.contains(QStringLiteral("他の管理者に依頼してください")), qPrintable(own.err));
    const Run lifted
        = cliOn(db, reset + QStringList { QStringLiteral("--staff"), QStringLiteral("admin") } + reason, "Passw0rd!\n");
    QVERIFY2(lifted.code == 0, qPrintable(lifted.err));
    const Run log = cliOn(db, { QStringLiteral("audit") });
    QVERIFY(log.out.contains(QStringLiteral("staff:admin\tstaff.reset\tlogin=clerk reason=新規契約")));
    QVERIFY(log.out.contains(QStringLiteral("staff:clerk\tstaff.locked")));
    QVERIFY(log.out.contains(QStringLiteral("staff:clerk\tcorporation.pin_set\treason=新規契約")));
    QVERIFY(!log.out.contains(QStringLiteral("abcd1234")));
    QCOMPARE(cliOn(db, { QStringLiteral("audit"), QStringLiteral("--verify") }).code, 0);
}

void TestCli::commandLinesAreCheckedAndExplained()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    QCOMPARE(cliOn(db, { QStringLiteral("--training") }).code, 0);
    // Help per command: its usage line, what it does, its own options only.
    const Run help = cliOn(db, { QStringLiteral("otp"), QStringLiteral("--help") });
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.startsWith(QStringLiteral("使い方: hardtoken-cli otp [--serial SERIAL] [--at TIME]")),
        qPrintable(help.out));
    QVERIFY(!help.out.contains(QStringLiteral("--passphrase-file")));
    // Extra arguments, unknown options, options of another command: refused with exit 2, named,
    // and by this program's name.
    const Run extra = cliOn(db, { QStringLiteral("status"), QStringLiteral("now") });
    QCOMPARE(extra.code, 2);
    QVERIFY2(extra.err.startsWith(QStringLiteral("hardtoken-cli: 余分な引数があります: now")), qPrintable(extra.err));
    const Run unknown = cliOn(db, { QStringLiteral("status"), QStringLiteral("--colour") });
    QCOMPARE(unknown.code, 2);
    QVERIFY2(unknown.err.startsWith(QStringLiteral("hardtoken-cli: 不明なオプションです: --colour")),
        qPrintable(unknown.err));
    const Run foreign = cliOn(
        db, { QStringLiteral("otp"), QStringLiteral("--serial"), sample::spareCard2, QStringLiteral("--replace") });
    QCOMPARE(foreign.code, 2);
    QVERIFY(foreign.err.contains(QStringLiteral("--replace")));
    const Run missing = cliOn(db, { QStringLiteral("import"), QStringLiteral("roster") });
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QStringLiteral("hardtoken-cli import roster FILE.csv")));
    const Run nonsense = cliOn(db, { QStringLiteral("frobnicate") });
    QCOMPARE(nonsense.code, 2);
    QVERIFY(nonsense.err.contains(QStringLiteral("frobnicate")));
    // In English when asked (--lang, or LANG naming English), messages and help alike.
    const Run english = cliOn(
        db, { QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("status"), QStringLiteral("now") });
    QCOMPARE(english.code, 2);
    QVERIFY2(english.err.startsWith(QStringLiteral("hardtoken-cli: Extra arguments: now")), qPrintable(english.err));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HARDTOKEN_CLI), { QStringLiteral("--database"), db, QStringLiteral("status") });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("Corporation:")), "LANG=en_GB");
}

void TestCli::readingCommandsNeverCreateAStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("typo.sqlite"));
    for (const QStringList& args :
        { QStringList {}, QStringList { QStringLiteral("status") }, QStringList { QStringLiteral("audit") },
            QStringList { QStringLiteral("audit"), QStringLiteral("--verify") } }) {
        const Run r = cliOn(db, args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("がありません")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(db));
        QVERIFY(!QFileInfo::exists(db + QStringLiteral(".key")));
    }
}

void TestCli::jsonForScripts()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("t.sqlite"));
    QCOMPARE(cliOn(db, { QStringLiteral("--training") }).code, 0);
    const Run status = cliOn(db, { QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(status.code, 0);
    QJsonParseError error;
    const QJsonObject s = QJsonDocument::fromJson(status.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(s.value(QStringLiteral("schema")).toString(), QStringLiteral("hardtoken-cli/status/1"));
    QCOMPARE(s.value(QStringLiteral("corporation")).toObject().value(QStringLiteral("code")).toString(),
        sample::corporationCode);
    QCOMPARE(s.value(QStringLiteral("usageMode")).toString(), QStringLiteral("individual"));
    QCOMPARE(s.value(QStringLiteral("users")).toArray().size(), 3);
    QCOMPARE(s.value(QStringLiteral("users")).toArray().first().toObject().value(QStringLiteral("serial")).toString(),
        sample::suzukiCard);
    QVERIFY(s.value(QStringLiteral("sharedSerial")).isNull());
    const Run audit = cliOn(db, { QStringLiteral("audit"), QStringLiteral("--json") });
    QCOMPARE(audit.code, 0);
    const QJsonObject a = QJsonDocument::fromJson(audit.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(a.value(QStringLiteral("schema")).toString(), QStringLiteral("hardtoken-cli/audit/1"));
    const QJsonArray entries = a.value(QStringLiteral("entries")).toArray();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("scenario.loaded"));
    // Not offered where it would mean nothing.
    QCOMPARE(
        cliOn(db, { QStringLiteral("otp"), QStringLiteral("--serial"), sample::spareCard2, QStringLiteral("--json") })
            .code,
        2);
}

// screenshots and manual: progress on standard error, a line a picture ("[n/N] file"), the list
// on standard output; --quiet says nothing; an option of another command (manual --scale) is
// refused, never a broken chapter.
void TestCli::manualWritersProgressAndQuiet()
{
    QTemporaryDir dir;
    Run r = cli({ QStringLiteral("screenshots"), QStringLiteral("--out"), dir.filePath(QStringLiteral("a")),
        QStringLiteral("--lang"), QStringLiteral("ja") });
    QCOMPARE(r.code, 0);
    const QStringList progress = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(progress.size(), 19);
    QCOMPARE(progress.first(), QStringLiteral("[1/19] ja-9.1-1.png"));
    QCOMPARE(progress.last(), QStringLiteral("[19/19] ja-suspended.png"));
    QVERIFY(r.out.contains(QStringLiteral("ja-9.2.2-4.png")));
    r = cli({ QStringLiteral("screenshots"), QStringLiteral("--out"), dir.filePath(QStringLiteral("b")),
        QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("--quiet") });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty() && r.out.isEmpty(), qPrintable(r.err + r.out));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("b/ja-9.2.2-4.png"))));
    r = cli({ QStringLiteral("manual"), QStringLiteral("--out"), dir.filePath(QStringLiteral("c")),
        QStringLiteral("--scale"), QStringLiteral("2") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--scale")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("c"))));
}

// exercise list: the course, a line an exercise (id, title, steps, goal), in the chosen language;
// no store is needed or made.
void TestCli::exercisesAreListedWithoutAStore()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("none.sqlite"));
    Run r = cliOn(db, { QStringLiteral("exercise"), QStringLiteral("list") });
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), ExerciseLoader::bundled().size());
    QVERIFY(lines.first().startsWith(QStringLiteral("mode-to-shared\t利用形態の変更")));
    QVERIFY(!QFileInfo::exists(db));
    r = cliOn(
        db, { QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("exercise"), QStringLiteral("list") });
    QCOMPARE(r.code, 0);
    QVERIFY2(
        r.out.contains(QStringLiteral("suspended-and-unlocked\tSuspension and unlock\t5 steps\t")), qPrintable(r.out));
}

// exercise report: every saved result as CSV (BOM) and a one-page PDF each; --trainee picks one
// trainee's; a production store has none to give.
void TestCli::exerciseReportsForTheTrainer()
{
    Fixture f;
    for (const QString& trainee : { QStringLiteral("佐藤 研修"), QStringLiteral("Trainee B") }) {
        TrainingResult r;
        r.trainee = trainee;
        r.exerciseId = QStringLiteral("register-shared");
        r.exerciseTitle = QStringLiteral("共有トークンの利用登録");
        r.startedAtMSecs = kManualEpoch * 1000;
        r.totalMSecs = 95000;
        r.completed = true;
        r.steps = { { QStringLiteral("9.2.1-1"), 5000, 0, 0, 0, true },
            { QStringLiteral("9.2.1-3"), 90000, 1, 0, 2, true } };
        QVERIFY(TrainingResultTable::save(*f.store, r) > 0);
    }
    QTemporaryDir out;
    Run r = cliOn(
        f.dbPath(), { QStringLiteral("exercise"), QStringLiteral("report"), QStringLiteral("--out"), out.path() });
    QCOMPARE(r.code, 0);
    const QStringList files = QDir(out.path()).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 3);
    QVERIFY(files.contains(QStringLiteral("training-results.csv")));
    QVERIFY2(r.out.contains(QStringLiteral("2 件の結果")), qPrintable(r.out));
    QFile csv(QDir(out.path()).filePath(QStringLiteral("training-results.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.count("\r\n"), 1 + 2 * 3);
    for (const QString& file : files) {
        if (!file.endsWith(QLatin1String(".pdf")))
            continue;
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), { QDir(out.path()).filePath(file) });
        QVERIFY(info.waitForFinished());
        QVERIFY2(QString::fromUtf8(info.readAllStandardOutput())
                     .contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))),
            qPrintable(file));
    }
    QTemporaryDir one;
    r = cliOn(f.dbPath(),
        { QStringLiteral("exercise"), QStringLiteral("report"), QStringLiteral("--out"), one.path(),
            QStringLiteral("--trainee"), QStringLiteral("Trainee B"), QStringLiteral("--quiet") });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    const QStringList pdfs = QDir(one.path()).entryList({ QStringLiteral("*.pdf") }, QDir::Files);
    QCOMPARE(pdfs.size(), 1);
    QVERIFY2(pdfs.first().startsWith(QStringLiteral("Trainee B-register-shared-")), qPrintable(pdfs.first()));
    // Without --out: the usage, nothing written.
    r = cliOn(f.dbPath(), { QStringLiteral("exercise"), QStringLiteral("report") });
    QCOMPARE(r.code, 2);
}

// hardtoken-console --training --exercise ID --trainee NAME: the store is reset to the exercise's
// scenario and the coaching starts; closed before the end, the result is kept as not completed.
// An unknown exercise is refused with exit code 2 and nothing changed.
void TestCli::theConsoleStartsAnExercise()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("training.sqlite"));
    const auto console = [&](const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HARDTOKEN_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HARDTOKEN_CONSOLE), QStringList { QStringLiteral("--database"), db } + args);
        if (!p.waitForFinished(60000))
            p.kill();
        return p.exitCode();
    };
    QCOMPARE(console({ QStringLiteral("--training"), QStringLiteral("--exercise"), QStringLiteral("register-shared"),
                 QStringLiteral("--trainee"), QStringLiteral("Trainee C") }),
        0);
    Run status = cliOn(db, { QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(status.code, 0);
    QVERIFY2(status.out.contains(QStringLiteral("有限会社共有商店")), qPrintable(status.out)); // shared-mode.json
    QTemporaryDir out;
    Run report
        = cliOn(db, { QStringLiteral("exercise"), QStringLiteral("report"), QStringLiteral("--out"), out.path() });
    QCOMPARE(report.code, 0);
    QVERIFY2(report.out.contains(QStringLiteral("Trainee C-register-shared-")), qPrintable(report.out));
    QFile csv(QDir(out.path()).filePath(QStringLiteral("training-results.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(csv.readAll()).contains(QStringLiteral("中断")));
    QCOMPARE(
        console({ QStringLiteral("--training"), QStringLiteral("--exercise"), QStringLiteral("no-such-exercise") }), 2);
    // Nothing changed: still the one result.
    QTemporaryDir again;
    report = cliOn(db, { QStringLiteral("exercise"), QStringLiteral("report"), QStringLiteral("--out"), again.path() });
    QVERIFY2(report.out.contains(QStringLiteral("1 件の結果")), qPrintable(report.out));
    // A production store has no exercises: refused, and no scenario was loaded into it.
    const QString production = dir.filePath(QStringLiteral("production.sqlite"));
    QCOMPARE(console({ QStringLiteral("--database"), production, QStringLiteral("--exercise"),
                 QStringLiteral("register-shared") }),
        2);
    Run empty = cliOn(production, { QStringLiteral("status") });
    QVERIFY2(!empty.out.contains(QStringLiteral("有限会社共有商店")), qPrintable(empty.out + empty.err));
}

// scenario generate: a branch-size corporation for load tests and filter practice, the same for
// the same size, loadable, and refused sizes say so without writing anything.
void TestCli::generatesALargeCorporation()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("large.json"));
    Run r = cli({ QStringLiteral("scenario"), QStringLiteral("generate"), QStringLiteral("--users"),
        QStringLiteral("12000"), QStringLiteral("--out"), file });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("12000")), qPrintable(r.out));
    QString error;
    const auto scenario = ScenarioLoader::load(file, &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->users.size(), 12000);
    QCOMPARE(scenario->mode, UsageMode::Individual);
    QCOMPARE(scenario->tokens.size(), 12000 + 600);
    int held = 0;
    for (const Scenario::Token& t : scenario->tokens)
        held += !t.holder.isEmpty();
    QCOMPARE(held, 9000); // three in four
    QCOMPARE(scenario->titleIn(QStringLiteral("en")), QStringLiteral("Large corporation (12,000 users, generated)"));
    // Past the 2,000 family × given names, the names go on numbered: all distinct (the loader checks).
    QCOMPARE(scenario->users.at(2000).name, QStringLiteral("佐藤 太郎 2"));
    // Deterministic: the same size gives the same file.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QCOMPARE(cli({ QStringLiteral("scenario"), QStringLiteral("generate"), QStringLiteral("--users"),
                     QStringLiteral("12000"), QStringLiteral("--out"), again })
                 .code,
        0);
    QFile a(file), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
    // It loads into a store.
    const QString db = dir.filePath(QStringLiteral("large.sqlite"));
    r = cliOn(db, { QStringLiteral("scenario"), QStringLiteral("load"), file });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("9000")), qPrintable(r.out.left(400)));

    const QString refused = dir.filePath(QStringLiteral("refused.json"));
    for (const QString& users : { QStringLiteral("0"), QStringLiteral("200001"), QStringLiteral("many") }) {
        r = cli({ QStringLiteral("scenario"), QStringLiteral("generate"), QStringLiteral("--users"), users,
            QStringLiteral("--out"), refused });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--users")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(refused));
    }
    // Without --out: the usage, and nothing written.
    r = cli({ QStringLiteral("scenario"), QStringLiteral("generate") });
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--out")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
