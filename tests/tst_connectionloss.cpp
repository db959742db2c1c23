// The desk while its shared store is away: the console on a throwaway PostgreSQL server that is
// stopped in the middle of 9.2.2, driven through its widgets. The screen keeps what it shows and
// what was typed, a banner above it says the store is being reconnected to (announced, named as
// shown), OK is refused with the manual's tone, and once the server is back the same OK goes
// through without a restart of the console.
#include "GuiSupport.h"
#include "PgServer.h"
#include "SharedStoreSupport.h"

#include "Accessibility.h"
#include "ConnectionBanner.h"
#include "core/Otp.h"
#include "store/StoreLink.h"

#include <QAccessible>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace hardtoken;
using namespace hardtoken::test;

class TestConnectionLoss final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theDeskWaitsForItsStoreAndGoesOn();
};

void TestConnectionLoss::theDeskWaitsForItsStoreAndGoesOn()
{
    HARDTOKEN_REQUIRE(!PgServer::binDir().isEmpty(),
        "PostgreSQL's server programs are not installed (scripts/test installs postgresql)");
    PgServer server(54431);
    QVERIFY(server.init());
    QVERIFY2(server.start(), qPrintable(server.log()));
    SharedStore s(QStringLiteral("pg"), server.server());
    Console c(*s.service);
    // No retries of its own while the server is away: the person's 今すぐ再接続 (by keyboard) does it.
    c.window->storeLink()->setBackoff(600000, 600000);
    ConnectionBanner* banner = c.window->connectionBanner();
    QVERIFY(!banner->isVisible());

    // 9.2.2 up to the confirmation screen, as the manual has it.
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.openRegistration("IndividualRegistrationInput"));
    const QString user = QStringLiteral("利用者 00");
    QVERIFY(c.chooseUser(user));
    const QString code
        = OtpGenerator().totp(QByteArrayLiteral("race-seed-") + serialOf(0).toLatin1(), s.clock.nowSecs());
    QVERIFY(c.type("serialEdit", serialOf(0)));
    QVERIFY(c.type("otpEdit", code));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");

    // The server goes away (maintenance); the customer types the PIN and presses OK.
    QSignalSpy announced(Announcements::instance(), &Announcements::announced);
    QVERIFY(server.stop());
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.message(), Store::unreachableMessage());
    QTRY_VERIFY(banner->isVisible());
    const QString said = banner->message();
    QVERIFY2(said.contains(QStringLiteral("再接続しています")), qPrintable(said));
    QVERIFY(said.contains(QStringLiteral("最新ではありません")));
    // What the screen shows is kept: the list still holds the entry, marked as not current.
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 1);
    QCOMPARE(c.window->findChild<QWidget*>(QStringLiteral("pageStack"))->property("stale").toBool(), true);
    QCOMPARE(s.service->queue().size(), 1);

    // A screen reader: the banner is an alert named as shown, announced; its button named by its text.
    auto* message = banner->findChild<QLabel*>(QStringLiteral("connectionMessage"));
    QAccessibleInterface* alert = QAccessible::queryAccessibleInterface(message);
    QCOMPARE(alert->role(), QAccessible::AlertMessage);
    QCOMPARE(alert->text(QAccessible::Name), message->text());
    bool heard = false;
    for (const QList<QVariant>& a : std::as_const(announced))
        heard = heard || a.value(1).toString() == message->text();
    QVERIFY(heard);
    auto* retry = banner->findChild<QPushButton*>(QStringLiteral("reconnectButton"));
    QVERIFY(retry->isVisible());
    QAccessibleInterface* button = QAccessible::queryAccessibleInterface(retry);
    QCOMPARE(button->role(), QAccessible::Button);
    QCOMPARE(button->text(QAccessible::Name), retry->text().remove(QLatin1Char('&')));

    const QImage shot = c.window->grab().toImage();
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        shot.save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/connection-lost.png"));

    // 今すぐ再接続 by keyboard (a Tab stop, Space presses it): a try, the server still away.
    QVERIFY(retry->focusPolicy() & Qt::TabFocus);
    const int before = c.window->storeLink()->attempts();
    retry->setFocus(Qt::TabFocusReason);
    QTest::keyClick(retry, Qt::Key_Space);
    QTRY_COMPARE(c.window->storeLink()->attempts(), before + 1);
    QTRY_VERIFY(banner->message().contains(QStringLiteral("再接続しています")));

    // The server is back; 今すぐ再接続 again: reconnected, the banner says so, the screen is current.
    QVERIFY(server.start());
    // (pressed again, as a person does, while the first try is still under way)
    QTRY_VERIFY_WITH_TIMEOUT((QTest::keyClick(retry, Qt::Key_Space), s.store->isReachable()), 20000);
    QTRY_VERIFY(banner->message().contains(QStringLiteral("再接続しました")));
    QCOMPARE(c.window->findChild<QWidget*>(QStringLiteral("pageStack"))->property("stale").toBool(), false);
    QVERIFY(!retry->isVisible());
    // The same OK now goes through; nothing was counted while the server was away.
    QCOMPARE(s.service->corporation()->pinFailures, 0);
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    QTRY_COMPARE(s.service->users()->value(0).currentSerial, serialOf(0));
    QCOMPARE(s.auditCount(QStringLiteral("token.registered")), 1);
}

QTEST_MAIN(TestConnectionLoss)
#include "tst_connectionloss.moc"
