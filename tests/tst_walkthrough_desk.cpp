// The console at a branch desk with no key file (hardtoken-console --postgres DESK --desk): a store
// ruled by the server (hardtoken-cli server init), the staff member signed in on the server, and
// the manual's procedures 9.2.2, 9.1 and 9.2.1 driven through the real widgets by mouse and keys as
// on any desk — every check, count and commit done by the server's functions, which the owner's
// console then reads: the registrations, the counters under their MACs, and the audit naming the
// staff member and the desks' database role.
#include "GuiSupport.h"

#include "AuditViewerDialog.h"
#include "DeskSignInPage.h"
#include "ImportDialog.h"
#include "StaffActDialog.h"
#include "StaffDialog.h"
#include "core/Crypto.h"
#include "desk/DeskSession.h"
#include "desk/StaffDesk.h"
#include "store/CorporationTable.h"
#include "store/RegistrationTable.h"
#include "store/ServerBoundary.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"
#include "store/UserTable.h"
#include "tables/AuditLogModel.h"

#include <QDateTime>
#include <QFile>
#include <QMessageBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QString kSuzuki = QStringLiteral("鈴木 花子");
const QString kYamada = QStringLiteral("山田 太郎");

QString roleName(const char* what)
{
    return QStringLiteral("ht_%1_%2").arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128).left(10));
}

} // namespace

class TestWalkthroughDesk final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theManualsProceduresAtADeskWithNoKey();
    void cleanupTestCase();

private:
    // The step's inputs: the PIN, `serial` with the code its card shows now by the server's clock
    // (the real one), the user of that name.
    StepInputs inputs(RegistrationService& service, const QString& serial = {}, const QString& user = {}) const;

    PgDatabase* m_pg = nullptr;
    QString m_owner;
    QString m_desk;
    FixedClock m_clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> m_store; // the owner's console, with the key
};

void TestWalkthroughDesk::initTestCase()
{
    HARDTOKEN_REQUIRE(!qEnvironmentVariableIsEmpty("HARDTOKEN_PG"),
        "HARDTOKEN_PG is not set: scripts/test starts a PostgreSQL server and sets it");
    m_pg = new PgDatabase;
    m_owner = roleName("owner");
    m_desk = roleName("desk");
    QVERIFY(m_pg->admin(QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE").arg(m_owner)));
    QVERIFY(m_pg->admin(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(m_pg->name, m_owner)));
    QVERIFY(m_pg->admin(QStringLiteral("GRANT ALL ON SCHEMA public TO %1").arg(m_owner)));
    m_store = std::make_unique<Store>(m_clock);
    QVERIFY2(m_store->openPostgres(m_pg->connection() + QStringLiteral(" user=") + m_owner, m_pg->keyFile()),
        qPrintable(m_store->errorMessage()));
    QString error;
    QVERIFY2(ScenarioLoader::apply(*m_store, manualScenario(), QStringLiteral("test"), &error), qPrintable(error));
    QVERIFY(m_store->transaction([&] {
        return StaffTable::insert(*m_store, QStringLiteral("chief"), QStringLiteral("主任"),
            crypto::hashSecret(QStringLiteral("Chief-pass1"), { 10, 8, 1 }), StaffTable::Role::Admin);
    }));
    QVERIFY2(ServerBoundary::init(*m_store, m_desk), qPrintable(m_store->errorMessage()));
}

StepInputs TestWalkthroughDesk::inputs(RegistrationService& service, const QString& serial, const QString& user) const
{
    StepInputs in { sample::pin, serial };
    for (const auto& t : manualScenario().tokens) {
        if (t.serial == serial) {
            in.otp = OtpGenerator().totp(
                t.secret, QDateTime::currentSecsSinceEpoch(), t.params.period, t.params.digits, t.params.algorithm);
        }
    }
    for (const UserInfo& u : service.users().value_or(QList<UserInfo> {})) {
        if (u.name == user)
            in.userId = u.id;
    }
    return in;
}

void TestWalkthroughDesk::theManualsProceduresAtADeskWithNoKey()
{
    SystemClock clock;
    Store desk(clock);
    QVERIFY2(desk.openDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk), qPrintable(desk.errorMessage()));
    QVERIFY(desk.isDesk());
    RegistrationService service(desk);
    Console c(service);

    // 担当者のサインイン, with the keys: on the server (a wrong password first, counted there).
    c.window->begin();
    DeskSignInPage* signIn = c.window->signInPage();
    QVERIFY(signIn && c.window->currentStaffPage() == signIn);
    auto* login = signIn->findChild<QLineEdit*>(QStringLiteral("loginEdit"));
    auto* password = signIn->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(login, QStringLiteral("helpdesk"));
    QTest::keyClicks(password, QStringLiteral("wrong-password"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!c.window->deskSession()->isSignedIn());
    password->clear();
    QTest::keyClicks(password, QStringLiteral("Helpdesk2023"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(c.window->deskSession()->isSignedIn());
    EXPECT_SCREEN(c, "CorporateStatus");
    const qint64 corporation = service.corporationId();
    QVERIFY(corporation > 0);

    // 9.2.2: 鈴木 花子 and 山田 太郎 each their own card; a wrong PIN first (counted by the server).
    QVERIFY(c.perform(QStringLiteral("9.2.2-1")));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.perform(QStringLiteral("9.2.2-2")));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), inputs(service, sample::spareCard2, kSuzuki)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.find<QLabel>("screenIdLabel")->text(), QStringLiteral("CIBMHUS33")); // the bank's, from the server
    QVERIFY(c.perform(ManualSteps::step(QStringLiteral("9.2.2-4")).another));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), inputs(service, sample::spareCard1, kYamada)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 2);
    StepInputs wrongPin = inputs(service);
    wrongPin.pin = QStringLiteral("wrong999");
    QVERIFY(c.perform(QStringLiteral("9.2.2-4"), wrongPin));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QVERIFY2(c.message().contains(QStringLiteral("契約法人確認暗証番号が正しくありません")), qPrintable(c.message()));
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 1);
    QVERIFY(c.perform(QStringLiteral("9.2.2-4"), inputs(service)));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QMap<QString, QString> serials;
    for (const UserInfo& u : UserTable::list(*m_store, corporation))
        serials.insert(u.name, u.currentSerial);
    QCOMPARE(serials.value(kSuzuki), sample::spareCard2);
    QCOMPARE(serials.value(kYamada), sample::spareCard1);
    auto info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info->stateIntact);
    QCOMPARE(info->pinFailures, 0); // forgiven by the right one

    // 9.1: the mode changed to one shared token (every registration cancelled).
    QVERIFY(c.perform(QStringLiteral("9.1-2")));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    StepInputs shared = inputs(service);
    shared.mode = UsageMode::Shared;
    QVERIFY(c.perform(QStringLiteral("9.1-3"), shared));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.message().contains(QStringLiteral("利用形態の設定が完了しました")));
    info = CorporationTable::info(*m_store, corporation);
    QCOMPARE(info->mode, UsageMode::Shared);
    QCOMPARE(info->registeredTokens, 0);

    // 9.2.1: the shared token registered.
    QVERIFY(c.perform(QStringLiteral("9.2.1-2")));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    QVERIFY(c.perform(QStringLiteral("9.2.1-3"), inputs(service, sample::spareCard3)));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    QVERIFY(c.perform(QStringLiteral("9.2.1-4"), inputs(service)));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QCOMPARE(RegistrationTable::sharedSerial(*m_store, corporation), sample::spareCard3);

    // 管理 at the desk, within the session (no password asked again): two wrong PINs, then
    // 誤入力回数のリセット through the menu's dialog, by keys; カードの確認 of the shared card.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(service.changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 2);
    c.window->findChild<QAction*>(QStringLiteral("resetCountersAction"))->trigger();
    auto* act = c.window->findChild<StaffActDialog*>();
    QTRY_VERIFY(act && act->isVisible());
    QVERIFY(!act->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit"))->isVisible()); // the session's
    QTest::keyClicks(act->findChild<QLineEdit*>(QStringLiteral("reasonEdit")), QStringLiteral("madoguchi"));
    QTest::keyClick(act->findChild<QLineEdit*>(QStringLiteral("reasonEdit")), Qt::Key_Return);
    QTRY_VERIFY(c.window->findChild<QMessageBox*>(QStringLiteral("staffActResult")));
    QVERIFY(c.window->findChild<QMessageBox*>(QStringLiteral("staffActResult"))
                ->text()
                .contains(QStringLiteral("誤入力回数をリセットしました")));
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 0);
    QCOMPARE(m_store->auditLog().entries().last().action, QStringLiteral("corporation.counters_reset"));
    StaffDesk staffDesk(desk);
    CardCheck card;
    const QString shown = inputs(service, sample::spareCard3).otp;
    const QString wrongCode = QStringLiteral("%1").arg((shown.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
    const Outcome checked
        = staffDesk.checkCard(c.window->deskSession()->credential(), sample::spareCard3, wrongCode, &card);
    QVERIFY2(checked.ok(), qPrintable(checked.message));
    QVERIFY(!card.works);
    QCOMPARE(card.remaining, desk.settings().staffFailureLimit - 1); // counted per card, by the server
    QVERIFY(card.holder.contains(QStringLiteral("全ての利用者"))); // the corporation's shared card

    // What the server wrote, as the owner's console reads it: every act named after the staff
    // member at the desk and the desks' role, the chain whole.
    const QList<AuditEntry> audit = m_store->auditLog().entries();
    QStringList actions;
    for (const AuditEntry& e : audit) {
        if (e.details.contains(QStringLiteral("db_role=") + m_desk)) {
            actions << e.action;
            QCOMPARE(e.actor, QStringLiteral("staff:helpdesk"));
        }
    }
    for (const char* action : { "desk.sign_in.denied", "desk.signed_in", "token.registered", "pin.failure",
             "registration.committed", "usage_mode.changed", "corporation.counters_reset" })
        QVERIFY2(actions.contains(QLatin1String(action)), action);
    QVERIFY(m_store->auditLog().verify().ok);
    qInfo("at a desk with no key: %d acts audited by the server, all as staff:helpdesk", int(actions.size()));

    // トークンの取り込み from the menu: not the clerk's act (the server refuses it, and the dialog
    // says so); after サインアウト, the administrator signs in and imports — the seed goes to the
    // server alone.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("vendor.csv"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("serial,secret_hex,type,digits,period,counter\n8000000001,3132333435363738393031323334353637383930,"
                "hotp,6,,0\n");
    }
    const auto importTokens = [&] {
        c.window->findChild<QAction*>(QStringLiteral("importTokensAction"))->trigger();
        auto* d = c.window->findChild<ImportDialog*>();
        if (!d || !d->isVisible())
            return QString();
        d->findChild<QLineEdit*>(QStringLiteral("fileEdit"))->setText(file);
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        const QString text = d->reportText();
        d->close();
        delete d;
        return text;
    };
    QVERIFY(importTokens().contains(QStringLiteral("管理者だけ")));
    QVERIFY(!TokenTable::find(*m_store, QStringLiteral("8000000001")));
    c.window->deskSession()->end(DeskSession::End::SignedOut);
    c.window->begin();
    QTRY_VERIFY(c.window->currentStaffPage() == signIn);
    login->clear();
    QTest::keyClicks(login, QStringLiteral("chief"));
    QTest::keyClicks(password, QStringLiteral("Chief-pass1"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(c.window->deskSession()->isSignedIn());
    const QString report = importTokens();
    QVERIFY2(report.contains(QStringLiteral("取り込みました")), qPrintable(report));
    QVERIFY(TokenTable::find(*m_store, QStringLiteral("8000000001")));
    QVERIFY(TokenTable::find(*m_store, QStringLiteral("8000000001"))->sealedSecret.isEmpty()); // the server's alone
    QCOMPARE(m_store->auditLog().entries().last().actor, QStringLiteral("staff:chief"));

    // 監査ログ: read at the desk, verified by the server, exported in the session (recorded by it).
    c.window->findChild<QAction*>(QStringLiteral("auditAction"))->trigger();
    auto* viewer = c.window->findChild<AuditViewerDialog*>();
    QTRY_VERIFY(viewer && viewer->isVisible());
    QVERIFY(viewer->model()->rowCount() >= int(actions.size()));
    const QString csv = dir.filePath(QStringLiteral("audit.csv"));
    viewer->setPathChooser([csv] { return csv; });
    QTest::mouseClick(viewer->findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
    const QString said = viewer->findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(said.contains(QStringLiteral("監査ログは正常です")), qPrintable(said));
    QVERIFY(QFile::exists(csv));
    QCOMPARE(m_store->auditLog().entries().last().action, QStringLiteral("audit.exported"));
    QCOMPARE(m_store->auditLog().entries().last().actor, QStringLiteral("staff:chief"));
    viewer->close();

    // 担当者の登録: an administrator's act, with the administrator's own password (signed in on the
    // server for the act), by keys; a wrong password refused.
    c.window->findChild<QAction*>(QStringLiteral("staffAccountsAction"))->trigger();
    auto* staff = c.window->findChild<StaffDialog*>();
    QTRY_VERIFY(staff && staff->isVisible());
    const auto field = [&](const char* name) { return staff->findChild<QLineEdit*>(QLatin1String(name)); };
    QTest::keyClicks(field("newLoginEdit"), QStringLiteral("teller2"));
    field("newNameEdit")->setText(QStringLiteral("窓口 二郎"));
    QTest::keyClicks(field("newCredentialEdit"), QStringLiteral("Teller-pass2"));
    QTest::keyClicks(field("repeatCredentialEdit"), QStringLiteral("Teller-pass2"));
    QTest::keyClicks(field("reasonEdit"), QStringLiteral("shinnin"));
    QTest::keyClicks(field("staffLoginEdit"), QStringLiteral("chief"));
    QTest::keyClicks(field("staffCredentialEdit"), QStringLiteral("not-it"));
    QTest::mouseClick(staff->findChild<QPushButton*>(QStringLiteral("addButton")), Qt::LeftButton);
    QVERIFY(!StaffTable::find(*m_store, QStringLiteral("teller2")));
    QTest::keyClicks(field("newCredentialEdit"), QStringLiteral("Teller-pass2"));
    QTest::keyClicks(field("repeatCredentialEdit"), QStringLiteral("Teller-pass2"));
    QTest::keyClicks(field("staffCredentialEdit"), QStringLiteral("Chief-pass1"));
    QTest::mouseClick(staff->findChild<QPushButton*>(QStringLiteral("addButton")), Qt::LeftButton);
    const QString added = staff->findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(added.contains(QStringLiteral("登録しました")), qPrintable(added));
    QVERIFY(StaffTable::find(*m_store, QStringLiteral("teller2")));
    QCOMPARE(m_store->auditLog().entries().last().action, QStringLiteral("desk.signed_out")); // the act's own session
    staff->close();

    // サインアウト: the server ends the session.
    c.window->deskSession()->end(DeskSession::End::SignedOut);
    QTRY_COMPARE(m_store->auditLog().entries().last().action, QStringLiteral("desk.signed_out"));

    // An entry edited behind the triggers (a superuser): the desk, which cannot check a MAC, is
    // told by the server where the chain breaks.
    QVERIFY(desk.auditLog().verify().ok);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("superuser"));
        configurePostgres(db, m_pg->connection()); // HARDTOKEN_PG's role: the cluster's superuser
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char* sql : { "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                 "UPDATE audit_log SET details = details || ' x' WHERE id = 3",
                 "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only" })
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("superuser"));
    const AuditVerification broken = desk.auditLog().verify();
    QVERIFY(!broken.ok);
    QCOMPARE(broken.firstBadId, 3);
    QVERIFY2(broken.problem.contains(QStringLiteral("改ざん")), qPrintable(broken.problem));
}

void TestWalkthroughDesk::cleanupTestCase()
{
    m_store.reset();
    delete m_pg;
    for (const QString& role : { m_desk, m_owner }) {
        if (!role.isEmpty())
            PgDatabase::adminOn(
                qEnvironmentVariable("HARDTOKEN_PG"), QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    }
}

QTEST_MAIN(TestWalkthroughDesk)
#include "tst_walkthrough_desk.moc"
