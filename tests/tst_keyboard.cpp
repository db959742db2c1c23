// The three procedures of chapter 9 with the keyboard alone: Tab / Shift+Tab to move (never
// trapped, in the manual's reading order), Return or Space on links and buttons, the arrows and
// Space in the tables, ASCII typed with key events. No mouse click and no setText anywhere.
#include "GuiSupport.h"

#include <QRadioButton>

using namespace hardtoken;
using namespace hardtoken::test;

class TestKeyboard final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usageModeWithTheKeyboard_9_1();
    void sharedTokenWithTheKeyboard_9_2_1();
    void eachUsersTokenWithTheKeyboard_9_2_2();
    void tabVisitsEveryScreenInReadingOrderAndLeavesTheTables();
};

namespace {

QWidget* focused()
{
    return QApplication::focusWidget();
}

// Presses Tab (or Shift+Tab) until `target` has the focus, as a person looking for it does.
// False when it is not reached within a whole round of the screen (a trap or a missing stop).
bool tabTo(QWidget* target, bool backwards = false, int limit = 60)
{
    for (int i = 0; i < limit; ++i) {
        if (focused() == target)
            return true;
        QWidget* from = focused() ? focused() : target->window();
        QTest::keyClick(from, Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);
    }
    return focused() == target;
}

// The focus order of the page from where the focus is now, one whole round of Tab.
QStringList tabRound(ManualPage* page, int limit = 60)
{
    QStringList order;
    QWidget* start = focused();
    for (int i = 0; i < limit; ++i) {
        QTest::keyClick(focused(), Qt::Key_Tab);
        if (focused() == start)
            break;
        if (page->isAncestorOf(focused()))
            order << focused()->objectName();
    }
    return order;
}

bool press(Qt::Key key)
{
    if (!focused())
        return false;
    QTest::keyClick(focused(), key);
    return true;
}

// Moves the table's current row to the user's row with the arrows (from the top).
bool arrowTo(QTableView* table, const QString& name)
{
    if (focused() != table)
        return false;
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < table->model()->rowCount(); ++i) {
        if (table->currentIndex().siblingAtColumn(1).data().toString() == name)
            return true;
        QTest::keyClick(table, Qt::Key_Down);
    }
    return false;
}

void activate(Console& c)
{
    c.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(c.window.get()));
}

} // namespace

void TestKeyboard::usageModeWithTheKeyboard_9_1()
{
    Console c;
    activate(c);
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(tabTo(c.find<QAbstractButton>("menuLink")));
    QVERIFY(press(Qt::Key_Return)); // a link follows on Return
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(tabTo(c.find<QPushButton>("changeModeButton")));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    auto* individual = c.find<QRadioButton>("individualRadio");
    QVERIFY(individual->isChecked());
    QVERIFY(tabTo(individual));
    QVERIFY(press(Qt::Key_Up)); // the arrows move within the radio group
    QTRY_VERIFY(c.find<QRadioButton>("sharedRadio")->isChecked());
    QVERIFY(tabTo(c.find<QLineEdit>("pinEdit")));
    QTest::keyClicks(focused(), sample::pin);
    QVERIFY(press(Qt::Key_Return)); // Return in the PIN field = OK
    EXPECT_SCREEN(c, "UserInfoSelection");
    QCOMPARE(c.f.service->corporation().value().mode, UsageMode::Shared);
    QVERIFY(c.message().contains(QStringLiteral("完了")));
}

void TestKeyboard::sharedTokenWithTheKeyboard_9_2_1()
{
    Console c;
    QVERIFY(c.f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    activate(c);
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(tabTo(c.find<QAbstractButton>("menuLink")));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(tabTo(c.find<QPushButton>("registerButton")));
    QVERIFY(press(Qt::Key_Return)); // Return on a focused button presses that button
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    QVERIFY(tabTo(c.find<QLineEdit>("serialEdit")));
    QTest::keyClicks(focused(), sample::spareCard4);
    QVERIFY(tabTo(c.find<QLineEdit>("otpEdit")));
    QTest::keyClicks(focused(), c.f.otpFor(sample::spareCard4));
    QVERIFY(press(Qt::Key_Return));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    QTRY_COMPARE(focused(), c.find<QLineEdit>("pinEdit")); // the confirm screen starts at the PIN
    // The software keyboard by keys alone: Return on a focused key types that key and leaves the
    // keyboard open (it closed it); the closing is 閉じる's.
    auto* pinInput = c.page()->findChild<PinInput*>();
    QVERIFY(pinInput);
    pinInput->openKeyboard();
    SoftwareKeyboard* keyboard = pinInput->keyboard();
    QTRY_VERIFY(keyboard->isVisible());
    QPushButton* key = keyboard->keyFor(sample::pin.at(0));
    key->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focused(), key);
    QTest::keyClick(key, Qt::Key_Return);
    QTRY_COMPARE(pinInput->text(), sample::pin.left(1));
    QVERIFY(keyboard->isVisible());
    auto* close = keyboard->findChild<QPushButton*>(QStringLiteral("closeButton"));
    close->setFocus(Qt::TabFocusReason);
    QTest::keyClick(close, Qt::Key_Return);
    QTRY_VERIFY(!keyboard->isVisible());
    activate(c);
    c.find<QLineEdit>("pinEdit")->clear();
    c.find<QLineEdit>("pinEdit")->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focused(), c.find<QLineEdit>("pinEdit"));
    QTest::keyClicks(focused(), sample::pin);
    QVERIFY(tabTo(c.find<QPushButton>("okButton")));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QCOMPARE(c.f.service->sharedSerial().value(), sample::spareCard4);
}

void TestKeyboard::eachUsersTokenWithTheKeyboard_9_2_2()
{
    Console c;
    activate(c);
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(tabTo(c.find<QAbstractButton>("menuLink")));
    QVERIFY(press(Qt::Key_Return));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(tabTo(c.find<QPushButton>("registerButton")));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");

    const auto queue = [&](const QString& user, const QString& serial) {
        auto* users = c.find<QTableView>("userTable");
        QVERIFY(tabTo(users));
        QVERIFY(arrowTo(users, user));
        QVERIFY(press(Qt::Key_Space)); // the radio of the current row
        QCOMPARE(
            users->currentIndex().siblingAtColumn(0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(press(Qt::Key_Return)); // Return in the table does not send the screen on
        QCOMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
        QVERIFY(c.message().isEmpty());
        QVERIFY(press(Qt::Key_Tab)); // out of the table at once: the next stop is the serial
        QCOMPARE(focused(), c.find<QLineEdit>("serialEdit"));
        QTest::keyClicks(focused(), serial);
        QVERIFY(press(Qt::Key_Tab));
        QCOMPARE(focused(), c.find<QLineEdit>("otpEdit"));
        QTest::keyClicks(focused(), c.f.otpFor(serial));
        QVERIFY(press(Qt::Key_Return));
        EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    };
    queue(QStringLiteral("鈴木 花子"), sample::spareCard2);
    // ① 追加, with the keyboard, back to the input screen.
    QVERIFY(tabTo(c.find<QPushButton>("addButton"), true));
    QVERIFY(press(Qt::Key_Return));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    queue(QStringLiteral("山田 太郎"), sample::spareCard1);
    QVERIFY(tabTo(c.find<QPushButton>("addButton"), true));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    queue(QStringLiteral("田中 次郎"), sample::spareCard3);

    // ② 削除: tick 田中 次郎 in the list with Space, then the lower 削除, reached by Tab.
    auto* list = c.find<QTableView>("listTable");
    QCOMPARE(list->model()->rowCount(), 3);
    QVERIFY(tabTo(list, true));
    QVERIFY(arrowTo(list, QStringLiteral("田中 次郎")));
    QVERIFY(press(Qt::Key_Space));
    QCOMPARE(list->currentIndex().siblingAtColumn(0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(press(Qt::Key_Tab));
    QCOMPARE(focused(), c.find<QPushButton>("removeButtonBottom")); // Tab leaves the list at once
    QVERIFY(press(Qt::Key_Space));
    QTRY_COMPARE(list->model()->rowCount(), 2);

    // The PIN, then Return: registered.
    QVERIFY(tabTo(c.find<QLineEdit>("pinEdit")));
    QTest::keyClicks(focused(), sample::pin);
    QVERIFY(press(Qt::Key_Return));
    EXPECT_SCREEN(c, "UserInfoSelection");
    // What the store holds: the two queued and kept; 田中 次郎 keeps his old token (his row was deleted).
    QCOMPARE(c.f.serialOf(QStringLiteral("鈴木 花子")), sample::spareCard2);
    QCOMPARE(c.f.serialOf(QStringLiteral("山田 太郎")), sample::spareCard1);
    QCOMPARE(c.f.serialOf(QStringLiteral("田中 次郎")), sample::tanakaCard);
}

void TestKeyboard::tabVisitsEveryScreenInReadingOrderAndLeavesTheTables()
{
    Console c;
    activate(c);
    EXPECT_SCREEN(c, "CorporateStatus");
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(tabTo(c.find<QAbstractButton>("topLink")));
    QStringList order = tabRound(c.page());
    QCOMPARE(order.mid(0, 4),
        (QStringList { QStringLiteral("changeModeButton"), QStringLiteral("registerButton"),
            QStringLiteral("usersFilterEdit"), QStringLiteral("usersTable") }));
    // Return on the focused トップ goes to the top (it used to press 利用登録).
    QVERIFY(tabTo(c.find<QAbstractButton>("topLink")));
    QVERIFY(press(Qt::Key_Return));
    EXPECT_SCREEN(c, "CorporateStatus");

    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(tabTo(c.find<QPushButton>("registerButton")));
    QVERIFY(press(Qt::Key_Space));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(tabTo(c.find<QAbstractButton>("topLink")));
    order = tabRound(c.page());
    const QStringList expected { QStringLiteral("filterEdit"), QStringLiteral("userTable"),
        QStringLiteral("serialEdit"), QStringLiteral("otpEdit"), QStringLiteral("cancelButton"),
        QStringLiteral("nextButton") };
    QVERIFY2(order.mid(0, expected.size()) == expected, qPrintable(order.join(u", ")));
    // Shift+Tab walks back the same way, out of the table too.
    QVERIFY(tabTo(c.find<QLineEdit>("serialEdit")));
    QTest::keyClick(focused(), Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(focused(), c.find<QTableView>("userTable"));
    QTest::keyClick(focused(), Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(focused(), c.find<QLineEdit>("filterEdit"));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
