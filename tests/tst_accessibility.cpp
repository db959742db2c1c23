// Every screen of chapter 9 as a screen reader meets it, through QAccessible (the interfaces the
// platform bridges read): no interactive control without a name, buttons and links named by their
// visible text, the radio / checkbox cells with their states and a Toggle action that chooses,
// messages announced as alerts with the message as the name, fields that carry their error.
#include "AccessibleTree.h"
#include "GuiSupport.h"

#include "Accessibility.h"

#include <QAccessible>
#include <QFile>
#include <QRadioButton>

using namespace hardtoken;
using namespace hardtoken::test;

class TestAccessibility final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void everyScreenNamesItsControls();
    void messagesAreAnnouncedAndFieldsCarryTheirError();
    void linksAreLinksWithAPressAction();
    void tableCellsAreChoicesAScreenReaderCanMake();
    void theSuspendedNoticeIsAnAlertThatTakesTheFocus();
    void hiddenScreensShowNoCells();
};

namespace {

// What was announced (Accessibility.h's announceAlert: a QAccessible::Alert for the platform
// bridge; offscreen Qt has none, so the announcements are read from their log).
QStringList g_alerts;

QStringList alerts()
{
    return g_alerts;
}

// Every button and link under `root` is named by what it shows ("OK >" may be named "OK" and
// "▲ ページ上部へ" 「ページ上部へ」: the arrows are decoration; a mnemonic's & is not read).
QStringList namesThatDifferFromTheText(QWidget* root)
{
    QStringList out;
    for (QAbstractButton* b : root->findChildren<QAbstractButton*>()) {
        if (!b->isVisible() || b->text().isEmpty())
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(b);
        const QString shown = QString(b->text()).remove(QLatin1Char('&')).remove(u'▲').remove(u'>').trimmed();
        const QString name = a->text(QAccessible::Name);
        if (name.isEmpty() || !shown.startsWith(name))
            out << QStringLiteral("%1: shows 「%2」, named 「%3」").arg(b->objectName(), shown, name);
    }
    return out;
}

QAccessibleInterface* cellOf(QTableView* table, int row, int column)
{
    QAccessibleInterface* t = QAccessible::queryAccessibleInterface(table);
    return t && t->tableInterface() ? t->tableInterface()->cellAt(row, column) : nullptr;
}

// The shared mode set, then 利用者情報選択 > 利用登録: the shared input screen.
void toSharedInput(Console& c)
{
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
}

} // namespace

void TestAccessibility::initTestCase()
{
    connect(Announcements::instance(), &Announcements::announced, this,
        [](QWidget*, const QString& name) { g_alerts << name; });
}

void TestAccessibility::init()
{
    g_alerts.clear();
}

void TestAccessibility::everyScreenNamesItsControls()
{
    Console c;
    QString treeOfCibmhus33;
    const auto check = [&](const char* screen) {
        QTRY_COMPARE(c.flow->screenName(), QLatin1String(screen));
        writeAccessibleTree(c.window.get(), QLatin1String(screen));
        const QStringList unnamed = unnamedControls(c.page());
        if (!unnamed.isEmpty())
            qWarning().noquote() << accessibleTree(c.page()).join(QLatin1Char('\n'));
        QVERIFY2(unnamed.isEmpty(), qPrintable(QLatin1String(screen) + QStringLiteral(": ") + unnamed.join(u", ")));
        const QStringList differ = namesThatDifferFromTheText(c.page());
        QVERIFY2(differ.isEmpty(), qPrintable(QLatin1String(screen) + QStringLiteral(": ") + differ.join(u"; ")));
        // At most one control is "focused": the one that has the focus, not the groups around it.
        // (A focused table's current cell is focused too: the table's active item.)
        QStringList focused;
        walkAccessible(QAccessible::queryAccessibleInterface(c.page()), [&](QAccessibleInterface* a, int) {
            if (a->state().focused && a->role() != QAccessible::Cell)
                focused << roleName(a->role()) + QLatin1Char(' ') + a->text(QAccessible::Name);
        });
        QVERIFY2(focused.size() <= 1, qPrintable(QLatin1String(screen) + QStringLiteral(": ") + focused.join(u", ")));
        // No unnamed focus stop around the page either (the scroll area, the stack), and the
        // screen starts on a named control of its own.
        QStringList stops;
        for (QWidget* w : c.window->findChildren<QWidget*>()) {
            if (w->isVisible() && (w->focusPolicy() & Qt::TabFocus) && !c.page()->isAncestorOf(w)
                && c.window->centralWidget()->isAncestorOf(w)
                && QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name).isEmpty())
                stops << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        }
        QVERIFY2(stops.isEmpty(), qPrintable(QLatin1String(screen) + QStringLiteral(": ") + stops.join(u", ")));
        QWidget* start = c.window->focusWidget();
        QVERIFY2(start && c.page()->isAncestorOf(start), screen);
        QVERIFY2(!QAccessible::queryAccessibleInterface(start)->text(QAccessible::Name).isEmpty(), screen);
    };
    check("CorporateStatus");
    QVERIFY(c.clickLink("menuLink"));
    check("UserInfoSelection");
    QVERIFY(c.click("changeModeButton"));
    check("UsageModeConfirm");
    // The radios are named by all they show, the explanation in （…） included.
    auto* shared = c.find<QRadioButton>("sharedRadio");
    QCOMPARE(QAccessible::queryAccessibleInterface(shared)->text(QAccessible::Name), shared->text());
    QVERIFY(c.click("cancelButton"));
    QVERIFY(c.click("registerButton"));
    check("IndividualRegistrationInput");
    QVERIFY(c.click("nextButton")); // every error shown at once
    check("IndividualRegistrationInput");
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard2)));
    QVERIFY(c.click("nextButton"));
    check("IndividualRegistrationConfirm");
    QCOMPARE(c.find<QLabel>("screenIdLabel")->text(), QStringLiteral("CIBMHUS33"));
    treeOfCibmhus33 = accessibleTree(c.page()).join(QLatin1Char('\n'));
    // The two 削除 are both named 削除, told apart by where they are.
    for (const char* name : { "removeButtonTop", "removeButtonBottom" }) {
        QAccessibleInterface* remove = QAccessible::queryAccessibleInterface(c.find<QPushButton>(name));
        QCOMPARE(remove->text(QAccessible::Name), QStringLiteral("削除"));
        QVERIFY(remove->text(QAccessible::Description).contains(QStringLiteral("利用登録情報の一覧")));
    }
    QCOMPARE(QAccessible::queryAccessibleInterface(c.find<QPushButton>("okButton"))->text(QAccessible::Name),
        QStringLiteral("OK"));
    c.flow->cancel();
    QVERIFY(c.f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    QVERIFY(c.click("registerButton"));
    check("SharedRegistrationInput");
    QVERIFY(c.type("serialEdit", sample::spareCard4));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard4)));
    QVERIFY(c.click("nextButton"));
    check("SharedRegistrationConfirm");

    // The tree a screen reader walks on CIBMHUS33, kept for the manual writers and the closing note.
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_A11Y_TREE")) {
        QFile out(qEnvironmentVariable("HARDTOKEN_A11Y_TREE"));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(treeOfCibmhus33.toUtf8() + '\n');
    }
}

void TestAccessibility::messagesAreAnnouncedAndFieldsCarryTheirError()
{
    Console c;
    toSharedInput(c);
    if (QTest::currentTestFailed())
        return;
    auto* banner = c.find<QLabel>("messageLabel");
    QAccessibleInterface* alert = QAccessible::queryAccessibleInterface(banner);
    QCOMPARE(alert->role(), QAccessible::AlertMessage);
    QVERIFY(alert->state().invisible); // no message, nothing to read

    // A wrong OTP: the banner's name is the message, and it is announced where the focus is.
    g_alerts.clear();
    QVERIFY(c.type("serialEdit", sample::spareCard4));
    QVERIFY(c.type("otpEdit", c.f.wrongOtpFor(sample::spareCard4)));
    QVERIFY(c.click("nextButton"));
    const QString message = c.message();
    QVERIFY2(message.contains(QStringLiteral("あと4回")), qPrintable(message));
    QCOMPARE(alert->text(QAccessible::Name), message);
    QVERIFY(!alert->state().invisible);
    QCOMPARE(alerts(), QStringList { message });
    // The field at fault has the focus and says what is wrong after its name.
    auto* serial = c.find<QLineEdit>("serialEdit");
    QTRY_VERIFY(serial->hasFocus());
    QAccessibleInterface* field = QAccessible::queryAccessibleInterface(serial);
    QCOMPARE(field->text(QAccessible::Name), QStringLiteral("シリアル番号"));
    QCOMPARE(field->text(QAccessible::Description), message);
    QVERIFY(serial->property("invalid").toBool());

    // A format error next to the field: announced too, and cleared with the next good attempt.
    g_alerts.clear();
    QVERIFY(c.type("serialEdit", QStringLiteral("12")));
    QVERIFY(c.click("nextButton"));
    QCOMPARE(alerts().size(), 1);
    QVERIFY(alerts().constFirst().contains(QStringLiteral("10桁")));
    QVERIFY(c.type("serialEdit", sample::spareCard4));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard4)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    // A wrong PIN: the focus goes into the PIN field, which carries the message too.
    QVERIFY(c.type("pinEdit", QStringLiteral("wrong123")));
    QVERIFY(c.click("okButton"));
    auto* pin = c.find<QLineEdit>("pinEdit");
    QTRY_VERIFY(pin->hasFocus());
    const QString pinMessage = c.message();
    QVERIFY2(pinMessage.contains(QStringLiteral("契約法人確認暗証番号が正しくありません")), qPrintable(pinMessage));
    QCOMPARE(QAccessible::queryAccessibleInterface(pin)->text(QAccessible::Description), pinMessage);
    QVERIFY(pin->property("invalid").toBool());
    c.flow->cancel();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    QCOMPARE(QAccessible::queryAccessibleInterface(c.find<QLineEdit>("serialEdit"))->text(QAccessible::Description),
        QString());
    QVERIFY(!c.find<QLineEdit>("serialEdit")->property("invalid").toBool());
}

void TestAccessibility::linksAreLinksWithAPressAction()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    auto* menu = c.find<QAbstractButton>("menuLink");
    QAccessibleInterface* link = QAccessible::queryAccessibleInterface(menu);
    QCOMPARE(link->role(), QAccessible::Link);
    QCOMPARE(link->text(QAccessible::Name), menu->text());
    QVERIFY(link->state().focusable);
    QVERIFY(link->actionInterface()->actionNames().contains(QAccessibleActionInterface::pressAction()));
    link->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    EXPECT_SCREEN(c, "UserInfoSelection");
    // The breadcrumb's トップ: a link too, and its Press goes to the top.
    QAccessibleInterface* top = QAccessible::queryAccessibleInterface(c.find<QAbstractButton>("topLink"));
    QCOMPARE(top->role(), QAccessible::Link);
    QCOMPARE(top->text(QAccessible::Name), QStringLiteral("トップ"));
    top->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    EXPECT_SCREEN(c, "CorporateStatus");
    // On the top itself トップ is where you are: text, not a link.
    QVERIFY(!c.find<QAbstractButton>("topLink")->isVisible());
}

void TestAccessibility::tableCellsAreChoicesAScreenReaderCanMake()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    auto* users = c.find<QTableView>("userTable");
    // 選択 cells are checkable from the start (not only after Space), none checked.
    for (int row = 0; row < 3; ++row) {
        QAccessibleInterface* cell = cellOf(users, row, 0);
        QVERIFY(cell);
        QVERIFY(cell->state().checkable);
        QVERIFY(!cell->state().checked);
        QVERIFY(cell->text(QAccessible::Name).endsWith(QStringLiteral("を選択")));
    }
    // Toggle on 田中 次郎's cell chooses him (not only selects the row).
    QAccessibleInterface* tanaka = cellOf(users, 1, 0);
    QVERIFY(tanaka->text(QAccessible::Name).startsWith(QStringLiteral("田中 次郎")));
    tanaka->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_VERIFY(cellOf(users, 1, 0)->state().checked);
    QCOMPARE(users->model()->index(1, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    // The arrows move the choice as in a radio group; Tab leaves the table (no trap).
    users->setFocus(Qt::TabFocusReason);
    QTest::keyClick(users, Qt::Key_Home);
    QTRY_COMPARE(users->currentIndex().row(), 0); // the current row moved; the choice did not
    QVERIFY(cellOf(users, 1, 0)->state().checked);
    QTest::keyClick(users, Qt::Key_Down);
    QTest::keyClick(users, Qt::Key_Down);
    QTRY_COMPARE(users->model()->index(2, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(!cellOf(users, 1, 0)->state().checked);
    QTest::keyClick(users, Qt::Key_Tab);
    QTRY_VERIFY(c.find<QLineEdit>("serialEdit")->hasFocus());

    // 利用登録情報の一覧: Toggle ticks the row for 削除, a second Toggle unticks it.
    QVERIFY(c.type("serialEdit", sample::spareCard1));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard1)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    auto* list = c.find<QTableView>("listTable");
    QAccessibleInterface* box = cellOf(list, 0, 0);
    QVERIFY(box->state().checkable);
    QVERIFY(!box->state().checked);
    box->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_COMPARE(list->model()->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(cellOf(list, 0, 0)->state().checked);
    cellOf(list, 0, 0)->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_COMPARE(list->model()->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestAccessibility::theSuspendedNoticeIsAnAlertThatTakesTheFocus()
{
    Console c;
    toSharedInput(c);
    if (QTest::currentTestFailed())
        return;
    for (int i = 0; i < 5; ++i) {
        QVERIFY(c.type("serialEdit", sample::spareCard4));
        QVERIFY(c.type("otpEdit", c.f.wrongOtpFor(sample::spareCard4)));
        g_alerts.clear();
        QVERIFY(c.click("nextButton"));
    }
    EXPECT_SCREEN(c, "Suspended");
    auto* box = c.page()->findChild<QFrame*>(QStringLiteral("noticeBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->hasFocus());
    QAccessibleInterface* notice = QAccessible::queryAccessibleInterface(box);
    QCOMPARE(notice->role(), QAccessible::AlertMessage);
    QCOMPARE(notice->text(QAccessible::Name), QStringLiteral("本システムは利用中止状態です"));
    QVERIFY(notice->text(QAccessible::Description).contains(QStringLiteral("お問い合わせ先")));
    QVERIFY(alerts().contains(QStringLiteral("本システムは利用中止状態です")));
    QVERIFY(unnamedControls(c.page()).isEmpty());
}

// A screen left behind is hidden from a screen reader, its table cells too (Qt's cells judge
// "showing" by their rectangle, not by whether their view is shown).
void TestAccessibility::hiddenScreensShowNoCells()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.openRegistration("IndividualRegistrationInput"));
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QVERIFY(c.enterToken(sample::spareCard2));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QVERIFY(c.click("addButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    int hiddenTables = 0;
    for (QTableView* table : c.window->findChildren<QTableView*>()) {
        if (table->isVisible())
            continue;
        ++hiddenTables;
        QAccessibleInterface* t = QAccessible::queryAccessibleInterface(table);
        QVERIFY(t->state().invisible);
        QAccessibleTableInterface* cells = t->tableInterface();
        for (int row = 0; row < cells->rowCount(); ++row) {
            for (int column = 0; column < cells->columnCount(); ++column) {
                QAccessibleInterface* cell = cells->cellAt(row, column);
                QVERIFY2(!cell || cell->state().invisible,
                    qPrintable(QStringLiteral("%1 (%2, %3) shows on a hidden screen")
                                   .arg(table->objectName())
                                   .arg(row)
                                   .arg(column)));
            }
        }
    }
    QVERIFY(hiddenTables >= 2); // 利用者一覧 and 利用登録情報の一覧
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
