// The ways a person gets it wrong, through the real widgets: every one shows a clear message,
// keeps what was typed where that makes sense, and loses nothing in the store.
#include "GuiSupport.h"

#include <QScrollBar>

using namespace hardtoken;
using namespace hardtoken::test;

class TestFailurePaths final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wrongOtpShowsTheMessageAndCounts();
    void fullWidthDigitsAreRefusedWithTheirOwnMessage();
    void noUserChosen();
    void fiveWrongEntriesSuspendAndSurviveARestart();
    void wrongPinIsCountedAndClearsTheField();
    void okWithAnEmptyListIsRefused();
    void removeWithNothingChecked();
    void enterPressesTheDefaultButtonAndEscCancels();
    void aStoreBusyOnAnotherDesktopLosesNothing();
};

namespace {
void toIndividualInput(Console& c)
{
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("CorporateStatus"));
    QVERIFY(c.openRegistration("IndividualRegistrationInput"));
}
// On the input screen: chooses the user, types the serial and the code the card shows, presses 次へ.
void queueThroughTheScreens(Console& c, const QString& user, const QString& serial)
{
    QVERIFY(c.chooseUser(user));
    QVERIFY(c.type("serialEdit", serial));
    QVERIFY(c.type("otpEdit", c.f.otpFor(serial)));
    QVERIFY(c.click("nextButton"));
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationConfirm"));
}
} // namespace

void TestFailurePaths::wrongOtpShowsTheMessageAndCounts()
{
    Console c;
    toIndividualInput(c);
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", c.f.wrongOtpFor(sample::spareCard2)));
    QVERIFY(c.click("nextButton"));
    QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    QVERIFY(c.message().contains(QStringLiteral("シリアル番号またはワンタイムパスワードが正しくありません")));
    QVERIFY(c.message().contains(QStringLiteral("あと4回")));
    QCOMPARE(c.find<QLineEdit>("serialEdit")->text(), sample::spareCard2); // kept
    QVERIFY(c.find<QLineEdit>("otpEdit")->text().isEmpty()); // spent: reissue
    QTRY_VERIFY(c.find<QLineEdit>("serialEdit")->hasFocus());
    QCOMPARE(c.f.service->corporation().value().otpFailures, 1);
}

void TestFailurePaths::fullWidthDigitsAreRefusedWithTheirOwnMessage()
{
    Console c;
    toIndividualInput(c);
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    // A Japanese IME commits full-width digits (keyClicks cannot type them).
    auto* serial = c.find<QLineEdit>("serialEdit");
    serial->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("００００００００１２"));
    QCoreApplication::sendEvent(serial, &commit);
    QCOMPARE(serial->text(), QStringLiteral("００００００００１２"));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard2)));
    QVERIFY(c.click("nextButton"));
    QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    QVERIFY(c.message().contains(QStringLiteral("全角数字は使用できません")));
    auto* error = c.find<QLabel>("serialError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), c.message());
    QTRY_VERIFY(serial->hasFocus());
    QCOMPARE(serial->text(), QStringLiteral("００００００００１２")); // nothing typed is lost
    // Hyphens: the manual's own sentence.
    QVERIFY(c.type("serialEdit", QStringLiteral("00-0000001-2")));
    QVERIFY(c.click("nextButton"));
    QCOMPARE(c.message(), QStringLiteral("シリアル番号は、ハイフンを除いた数字のみで入力してください。"));
    QCOMPARE(c.f.service->corporation().value().otpFailures, 0); // format errors are not counted
}

void TestFailurePaths::noUserChosen()
{
    Console c;
    toIndividualInput(c);
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard2)));
    QVERIFY(c.click("nextButton"));
    QCOMPARE(c.message(), QStringLiteral("利用者を選択してください。"));
    QVERIFY(c.find<QLabel>("userError")->isVisible());
    QTRY_VERIFY(c.find<QTableView>("userTable")->hasFocus());
}

void TestFailurePaths::fiveWrongEntriesSuspendAndSurviveARestart()
{
    Console c;
    toIndividualInput(c);
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    for (int i = 0; i < 5; ++i) {
        QVERIFY(c.type("serialEdit", sample::spareCard2));
        QVERIFY(c.type("otpEdit", c.f.wrongOtpFor(sample::spareCard2)));
        QVERIFY(c.click("nextButton"));
    }
    EXPECT_SCREEN(c, "Suspended");
    QVERIFY(c.find<QLabel>("contactText")->text().contains(QStringLiteral("お問い合わせ先までご照会ください")));
    QVERIFY(c.f.service->isSuspended());
    c.restart();
    EXPECT_SCREEN(c, "Suspended");
    // The breadcrumb-less notice offers no way around it; a wrong staff credential is refused.
    QVERIFY(c.type("staffLoginEdit", QStringLiteral("helpdesk")));
    QVERIFY(c.type("staffCredentialEdit", QStringLiteral("guess")));
    QVERIFY(c.click("unlockButton"));
    QVERIFY(c.message().contains(QStringLiteral("担当者IDまたはパスワードが正しくありません")));
    QCOMPARE(c.flow->screenName(), QStringLiteral("Suspended"));
    QVERIFY(c.type("staffCredentialEdit", sample::staffCredential));
    QVERIFY(c.click("unlockButton"));
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(!c.f.service->isSuspended());
    // Said on the status page (not a silent return), in green, once.
    QVERIFY2(c.message().contains(QStringLiteral("利用中止状態を解除しました")), qPrintable(c.message()));
    QCOMPARE(c.find<QLabel>("messageLabel")->property("role").toString(), QStringLiteral("info"));
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    c.flow->goToTop();
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.message().isEmpty());
}

void TestFailurePaths::wrongPinIsCountedAndClearsTheField()
{
    Console c;
    toIndividualInput(c);
    queueThroughTheScreens(c, QStringLiteral("鈴木 花子"), sample::spareCard2);
    QVERIFY(c.type("pinEdit", QStringLiteral("wrong999")));
    QVERIFY(c.click("okButton"));
    QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationConfirm"));
    QVERIFY(c.message().contains(QStringLiteral("契約法人確認暗証番号が正しくありません")));
    QVERIFY(c.find<QLabel>("pinError")->isVisible());
    QVERIFY(c.find<QLineEdit>("pinEdit")->text().isEmpty());
    QTRY_VERIFY(c.find<QLineEdit>("pinEdit")->hasFocus());
    QCOMPARE(c.f.service->corporation().value().pinFailures, 1);
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 1); // the list is kept
    // A PIN that breaks the rules is refused before it is checked.
    QVERIFY(c.type("pinEdit", QStringLiteral("ab")));
    QVERIFY(c.click("okButton"));
    QVERIFY(c.message().contains(QStringLiteral("半角英数字4～12桁")));
    QCOMPARE(c.f.service->corporation().value().pinFailures, 1);
}

void TestFailurePaths::okWithAnEmptyListIsRefused()
{
    Console c;
    toIndividualInput(c);
    queueThroughTheScreens(c, QStringLiteral("鈴木 花子"), sample::spareCard2);
    QVERIFY(c.tickRow(QStringLiteral("鈴木 花子")));
    QVERIFY(c.click("removeButtonTop")); // the upper 削除 does the same as the lower one
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 0);
    QVERIFY(c.find<QLabel>("listEmptyLabel")->isVisible());
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationConfirm"));
    QVERIFY(c.message().contains(QStringLiteral("利用登録情報がありません")));
    QCOMPARE(c.f.service->corporation().value().pinFailures, 0);
    QCOMPARE(c.f.serialOf(QStringLiteral("鈴木 花子")), sample::suzukiCard);
}

void TestFailurePaths::removeWithNothingChecked()
{
    Console c;
    toIndividualInput(c);
    queueThroughTheScreens(c, QStringLiteral("山田 太郎"), sample::spareCard1);
    QVERIFY(c.click("removeButtonBottom"));
    QVERIFY(c.message().contains(QStringLiteral("チェックしてください")));
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 1);
}

void TestFailurePaths::enterPressesTheDefaultButtonAndEscCancels()
{
    Console c;
    toIndividualInput(c);
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard2)));
    QTest::keyClick(c.find<QLineEdit>("otpEdit"), Qt::Key_Return); // 次へ
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QTest::keyClick(c.find<QLineEdit>("pinEdit"), Qt::Key_Escape); // キャンセル
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.f.service->queue().isEmpty());
    QCOMPARE(c.f.serialOf(QStringLiteral("鈴木 花子")), sample::suzukiCard);
}

void TestFailurePaths::aStoreBusyOnAnotherDesktopLosesNothing()
{
    Console c;
    c.f.busyTimeoutMs = 150;
    c.restart();
    toIndividualInput(c);
    const QString serial = sample::spareCard2;
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.type("serialEdit", serial));
    QVERIFY(c.type("otpEdit", c.f.otpFor(serial)));
    {
        // Another desktop holds the write lock while 次へ is pressed.
        const auto other = c.f.raw();
        QVERIFY(other->ok(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other->ok(QStringLiteral("UPDATE meta SET value = value WHERE key = 'store_kind'")));
        QVERIFY(c.click("nextButton"));
        QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
        QVERIFY2(c.message().contains(QStringLiteral("もう一度お試しください")), qPrintable(c.message()));
        QVERIFY(!c.message().contains(QStringLiteral("正しくありません")));
        if (qEnvironmentVariableIsSet("HARDTOKEN_TEST_SHOTS")) // to look at it
            c.window->grab().save(
                QDir(qEnvironmentVariable("HARDTOKEN_TEST_SHOTS")).filePath(QStringLiteral("busy.png")));
        // Not evaluated, so nothing is spent or counted: the code stays for the next try.
        QCOMPARE(c.find<QLineEdit>("serialEdit")->text(), serial);
        QCOMPARE(c.find<QLineEdit>("otpEdit")->text(), c.f.otpFor(serial));
        QVERIFY(other->ok(QStringLiteral("ROLLBACK")));
    }
    QCOMPARE(c.f.service->corporation().value().otpFailures, 0);
    QVERIFY(c.click("nextButton"));
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationConfirm"));
}

QTEST_MAIN(TestFailurePaths)
#include "tst_failurepaths.moc"
