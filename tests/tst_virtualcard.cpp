// Training: virtual card tokens, scenario reset and switching from the トレーニング menu.
#include "GuiSupport.h"

#include <QMessageBox>
#include <QTimer>

#include "CardFace.h"
#include "VirtualCardPanel.h"
#include "VirtualCardToken.h"
#include "inventory/VirtualTokens.h"

#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QSortFilterProxyModel>

using namespace hardtoken;
using namespace hardtoken::test;

class TestVirtualCard final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneCardPerToken();
    void cardCodeIsAcceptedThroughTheScreens();
    void displayBlanksAfterTheTimeout();
    void hotpCardShowsTheNextCounter();
    void productionStoreHasNoVirtualCards();
    void resetFromTheMenuRestoresEverything();
    void switchToTheLargeCorporationAndFilter();
    void jumpToASerialAndStayOnScreen();
};

void TestVirtualCard::oneCardPerToken()
{
    Console c;
    VirtualCardPanel* panel = c.window->training()->showVirtualCards();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->cards().size(), manualScenario().tokens.size());
    VirtualCardToken* card = panel->card(sample::spareCard2);
    QVERIFY(card);
    QVERIFY(card->displayText().isEmpty()); // nothing shown until the button is pressed
    auto* back = card->findChild<CardFace*>(QStringLiteral("backFace"));
    QCOMPARE(back->side(), CardFace::Side::Back);
    QVERIFY(!isBlank(card->grab().toImage()));
}

void TestVirtualCard::cardCodeIsAcceptedThroughTheScreens()
{
    Console c;
    VirtualCardToken* card = c.window->training()->showVirtualCards()->card(sample::spareCard2);
    // Press the button drawn on the card, as a trainee would.
    auto* front = card->findChild<CardFace*>(QStringLiteral("frontFace"));
    QTest::mouseClick(front, Qt::LeftButton, {}, front->buttonRect().center().toPoint());
    const QString shown = card->displayText();
    QCOMPARE(shown.size(), 6);
    QCOMPARE(shown, c.f.otpFor(sample::spareCard2));

    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.openRegistration("IndividualRegistrationInput"));
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", shown));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QCOMPARE(c.f.serialOf(QStringLiteral("鈴木 花子")), sample::spareCard2);
    // The card's caption follows the registration.
    QVERIFY(card->findChild<QLabel*>(QStringLiteral("titleLabel"))->text().contains(QStringLiteral("鈴木 花子")));
}

void TestVirtualCard::displayBlanksAfterTheTimeout()
{
    Console c;
    VirtualCardToken* card = c.window->training()->showVirtualCards()->card(sample::spareCard1);
    QCOMPARE(card->blankAfterSecs(), 30);
    QTest::mouseClick(card->findChild<QPushButton*>(QStringLiteral("pressButton")), Qt::LeftButton);
    QVERIFY(!card->displayText().isEmpty());
    c.f.clock.advanceSecs(29);
    card->refresh();
    QVERIFY(!card->displayText().isEmpty());
    c.f.clock.advanceSecs(1);
    QTRY_VERIFY(card->displayText().isEmpty()); // the card's own timer blanks it
    card->setBlankAfterSecs(5);
    card->press();
    c.f.clock.advanceSecs(5);
    QTRY_VERIFY(card->displayText().isEmpty());
}

void TestVirtualCard::hotpCardShowsTheNextCounter()
{
    Console c;
    VirtualCardToken* card = c.window->training()->showVirtualCards()->card(sample::hotpCard);
    OtpGenerator g;
    const QByteArray seed = QByteArrayLiteral("training-seed-0000000031");
    card->press();
    QCOMPARE(card->displayText(), g.hotp(seed, 0));
    card->press();
    QCOMPARE(card->displayText(), g.hotp(seed, 1));
    // The second press is inside the verifier's look-ahead.
    QVERIFY(c.f.service->enqueue(c.f.userId(QStringLiteral("田中 次郎")), sample::hotpCard, card->displayText()).ok());
}

void TestVirtualCard::productionStoreHasNoVirtualCards()
{
    Console c;
    QVERIFY(c.f.raw()->ok(QStringLiteral("UPDATE meta SET value = 'production' WHERE key = 'store_kind'")));
    QString error;
    QVERIFY(!VirtualTokens::otp(*c.f.store, sample::spareCard2, c.f.clock.nowSecs(), 0, &error));
    QVERIFY(error.contains(QStringLiteral("本番用")));
    QVERIFY(!VirtualTokens::list(*c.f.store, &error));
    c.restart();
    QVERIFY(!c.window->training()->showVirtualCards());
    for (QAction* a : c.window->menuBar()->actions())
        QVERIFY2(!a->isVisible() || !a->menu() || !a->menu()->findChild<QAction*>(QStringLiteral("virtualCardsAction"))
                || !a->menu()->menuAction()->isVisible(),
            "the トレーニング menu is hidden on a production store");
}

void TestVirtualCard::resetFromTheMenuRestoresEverything()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    for (int i = 0; i < 5; ++i)
        c.f.service->enqueue(
            c.f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, c.f.wrongOtpFor(sample::spareCard2));
    EXPECT_SCREEN(c, "Suspended");
    QAction* reset = c.window->findChild<QAction*>(QStringLiteral("resetScenarioAction"));
    QVERIFY(reset);
    // It asks first (a trainee's work is replaced): answered Yes here.
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    reset->trigger();
    EXPECT_SCREEN(c, "CorporateStatus");
    const CorporationInfo corp = c.f.service->corporation().value();
    QVERIFY(!corp.suspended);
    QCOMPARE(corp.otpFailures, 0);
    QCOMPARE(corp.registeredTokens, 3);
    QCOMPARE(c.f.store->auditLog().entries().last().action, QStringLiteral("scenario.loaded"));
}

void TestVirtualCard::switchToTheLargeCorporationAndFilter()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    QString error;
    QVERIFY2(
        c.window->training()->loadScenario(QStringLiteral(":/scenarios/large-2000.json"), &error), qPrintable(error));
    EXPECT_SCREEN(c, "CorporateStatus");
    QCOMPARE(c.f.service->users().value().size(), 2000);
    QVERIFY(c.openRegistration("IndividualRegistrationInput"));
    auto* table = c.find<QTableView>("userTable");
    QCOMPARE(table->model()->rowCount(), 2000);
    auto* filter = c.find<QLineEdit>("filterEdit");
    QTest::keyClicks(filter, QStringLiteral("x")); // ASCII only: nobody matches
    QCOMPARE(table->model()->rowCount(), 0);
    filter->clear();
    QInputMethodEvent commit;
    commit.setCommitString(QStringLiteral("山田 太郎"));
    filter->setFocus();
    QCoreApplication::sendEvent(filter, &commit);
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(c.chooseUser(QStringLiteral("山田 太郎")));
}

// The card window opens inside the screen, and typing a serial (as printed, hyphens and all)
// leaves only that card.
void TestVirtualCard::jumpToASerialAndStayOnScreen()
{
    Console c;
    c.window->move(c.window->screen()->availableGeometry().topLeft());
    VirtualCardPanel* panel = c.window->training()->showVirtualCards();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    QVERIFY2(c.window->screen()->availableGeometry().contains(panel->geometry().topLeft()), "off screen");
    auto* find = panel->findChild<QLineEdit*>(QStringLiteral("findSerialEdit"));
    QVERIFY(find);
    find->setFocus();
    QTest::keyClicks(find, QStringLiteral("00-0000001-2"));
    int visible = 0;
    for (VirtualCardToken* card : panel->cards())
        visible += card->isVisibleTo(panel);
    QCOMPARE(visible, 1);
    QVERIFY(panel->card(sample::spareCard2)->isVisibleTo(panel));
    find->clear();
    visible = 0;
    for (VirtualCardToken* card : panel->cards())
        visible += card->isVisibleTo(panel);
    QCOMPARE(visible, panel->cards().size());
}

QTEST_MAIN(TestVirtualCard)
#include "tst_virtualcard.moc"
