// The window as a whole: language switching at run time, the software keyboard, scrolling,
// accessible names, and the small-screen / high-DPI layout.
#include "GuiSupport.h"

#include "IndividualRegistrationConfirmPage.h"

#include <QHeaderView>
#include <QMenuBar>
#include <QScrollBar>

using namespace hardtoken;
using namespace hardtoken::test;

class TestConsoleWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void switchingLanguageRetranslatesOpenScreens();
    void softwareKeyboardShufflesAndTypesMasked();
    void pageTopScrollsToTheTop();
    void everyControlHasAnAccessibleName();
    void fitsAt1024x768();
    void tabFollowsTheManualsReadingOrder();
};

namespace {
void toConfirm(Console& c)
{
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("CorporateStatus"));
    c.flow->openUserRegistration();
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("UserInfoSelection"));
    QVERIFY(c.flow->startRegistration().ok());
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    QVERIFY(c.flow
                ->next(c.f.userId(QStringLiteral("鈴木 花子")), QStringLiteral("0000000012"),
                    c.f.otpFor(QStringLiteral("0000000012")))
                .ok());
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationConfirm"));
}
} // namespace

void TestConsoleWindow::switchingLanguageRetranslatesOpenScreens()
{
    Console c;
    toConfirm(c);
    QCOMPARE(c.find<QLabel>("titleLabel")->text(), QStringLiteral("カード型ハードトークン利用登録確認"));
    QVERIFY(c.type("pinEdit", QStringLiteral("wrong999")));
    QVERIFY(c.click("okButton"));
    QVERIFY(c.language.set(QStringLiteral("en")));
    // LanguageChange reaches the windows through the event loop.
    QTRY_COMPARE(c.find<QLabel>("titleLabel")->text(), QStringLiteral("Card Hard Token Registration Confirmation"));
    QCOMPARE(c.find<QPushButton>("removeButtonBottom")->text(), QStringLiteral("Delete"));
    QCOMPARE(c.find<QLabel>("screenIdLabel")->text(), QStringLiteral("CIBMHUS33"));
    auto* list = c.find<QTableView>("listTable");
    QCOMPARE(list->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("User name"));
    QCOMPARE(list->model()->rowCount(), 1); // data and state survive the switch
    auto* pinCaption = c.find<QLabel>("pinCaption");
    QCOMPARE(pinCaption->text(), QStringLiteral("Corporate confirmation PIN"));
    // Messages produced from now on are English too.
    QVERIFY(c.type("pinEdit", QStringLiteral("wrong998")));
    QVERIFY(c.click("okButton"));
    QVERIFY2(c.message().startsWith(QStringLiteral("The corporate confirmation PIN is not correct.")),
        qPrintable(c.message()));
    QVERIFY(c.window->menuBar()->actions().first()->text().contains(QStringLiteral("File")));
    // The other pages were retranslated while hidden.
    auto* status = c.window->page(RegistrationFlow::Screen::CorporateStatus);
    QCOMPARE(status->findChild<QLabel*>(QStringLiteral("titleLabel"))->text(), QStringLiteral("Corporate Status"));
    QVERIFY(c.language.set(QStringLiteral("ja")));
    QTRY_COMPARE(c.find<QLabel>("titleLabel")->text(), QStringLiteral("カード型ハードトークン利用登録確認"));
    QCOMPARE(status->findChild<QLabel*>(QStringLiteral("titleLabel"))->text(), QStringLiteral("契約法人ステータス"));
    QVERIFY(!c.language.set(QStringLiteral("fr")));
}

void TestConsoleWindow::softwareKeyboardShufflesAndTypesMasked()
{
    Console c;
    toConfirm(c);
    auto* input = c.page()->findChild<PinInput*>();
    QVERIFY(input);
    QVERIFY(c.type("pinEdit", QStringLiteral("tr"))); // typing and the keyboard mix
    QVERIFY(c.click("softwareKeyboardButton"));
    SoftwareKeyboard* keyboard = input->keyboard();
    QTRY_VERIFY(keyboard->isVisible());
    const QString firstOrder = keyboard->keyOrder();
    QCOMPARE(firstOrder.size(), 36);
    for (QChar ch : QStringLiteral("ain1234"))
        QTest::mouseClick(keyboard->keyFor(ch), Qt::LeftButton);
    QCOMPARE(input->text(), QStringLiteral("train1234"));
    QCOMPARE(input->edit()->echoMode(), QLineEdit::Password);
    QVERIFY(!keyboard->findChild<QLabel*>(QStringLiteral("displayValue"))->text().contains(QStringLiteral("train")));
    QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("backspaceButton")), Qt::LeftButton);
    QCOMPARE(input->text(), QStringLiteral("train123"));
    QTest::mouseClick(keyboard->keyFor(QLatin1Char('4')), Qt::LeftButton);
    QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
    QTRY_VERIFY(!keyboard->isVisible());
    // Reopened: the keys move.
    QVERIFY(c.click("softwareKeyboardButton"));
    QTRY_VERIFY(keyboard->isVisible());
    QVERIFY(keyboard->keyOrder() != firstOrder);
    QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("caseButton")), Qt::LeftButton);
    QTest::mouseClick(keyboard->keyFor(QLatin1Char('x')), Qt::LeftButton);
    QCOMPARE(input->text(), QStringLiteral("train1234X"));
    QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("clearButton")), Qt::LeftButton);
    QVERIFY(input->text().isEmpty());
    // The field never takes more than 12 characters.
    for (int i = 0; i < 15; ++i)
        QTest::mouseClick(keyboard->keyFor(QLatin1Char('7')), Qt::LeftButton);
    QCOMPARE(input->text().size(), 12);
    keyboard->close();
}

void TestConsoleWindow::pageTopScrollsToTheTop()
{
    Console c;
    c.window->resize(800, 400);
    toConfirm(c);
    QScrollArea* area = c.window->scrollArea(RegistrationFlow::Screen::IndividualRegistrationConfirm);
    QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0); // the page is longer than the window
    auto* top = c.find<QPushButton>("pageTopButton");
    area->ensureWidgetVisible(top);
    QVERIFY(area->verticalScrollBar()->value() > 0);
    QTest::mouseClick(top, Qt::LeftButton);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
}

void TestConsoleWindow::everyControlHasAnAccessibleName()
{
    Console c;
    for (auto screen : { RegistrationFlow::Screen::CorporateStatus, RegistrationFlow::Screen::UserInfoSelection,
             RegistrationFlow::Screen::UsageModeConfirm, RegistrationFlow::Screen::SharedRegistrationInput,
             RegistrationFlow::Screen::SharedRegistrationConfirm, RegistrationFlow::Screen::IndividualRegistrationInput,
             RegistrationFlow::Screen::IndividualRegistrationConfirm, RegistrationFlow::Screen::Suspended }) {
        ManualPage* page = c.window->page(screen);
        QVERIFY(page);
        for (QLineEdit* e : page->findChildren<QLineEdit*>()) {
            if (e->objectName() == QLatin1String("qt_spinbox_lineedit"))
                continue;
            QVERIFY2(
                !e->accessibleName().isEmpty(), qPrintable(page->objectName() + QLatin1Char('/') + e->objectName()));
        }
        for (QAbstractButton* b : page->findChildren<QAbstractButton*>()) {
            if (qobject_cast<QAbstractItemView*>(b->parentWidget()) || qobject_cast<QLineEdit*>(b->parentWidget()))
                continue; // a table's corner button, a line edit's clear button: Qt names those
            QVERIFY2(!b->accessibleName().isEmpty() || !b->text().isEmpty(),
                qPrintable(page->objectName() + QLatin1Char('/') + b->objectName()));
        }
        for (QAbstractItemView* v : page->findChildren<QAbstractItemView*>()) {
            if (qobject_cast<QHeaderView*>(v))
                continue;
            QVERIFY2(
                !v->accessibleName().isEmpty(), qPrintable(page->objectName() + QLatin1Char('/') + v->objectName()));
        }
    }
}

void TestConsoleWindow::fitsAt1024x768()
{
    Console c;
    c.window->resize(1024, 768);
    toConfirm(c);
    // Nothing is cut off sideways at 1024 wide: no horizontal scroll bar on the screen with the most on it.
    QScrollArea* area = c.window->scrollArea(RegistrationFlow::Screen::IndividualRegistrationConfirm);
    QTRY_COMPARE(area->horizontalScrollBar()->maximum(), 0);
    c.flow->cancel();
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("UserInfoSelection"));
    QVERIFY(c.flow->startRegistration().ok());
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    area = c.window->scrollArea(RegistrationFlow::Screen::IndividualRegistrationInput);
    QTRY_COMPARE(area->horizontalScrollBar()->maximum(), 0);
    QVERIFY(area->verticalScrollBar()->maximum() > 0); // the long input screen scrolls
}

void TestConsoleWindow::tabFollowsTheManualsReadingOrder()
{
    Console c;
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("CorporateStatus"));
    c.flow->openUserRegistration();
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("UserInfoSelection"));
    QVERIFY(c.flow->startRegistration().ok());
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    c.window->activateWindow();
    auto* serial = c.find<QLineEdit>("serialEdit");
    serial->setFocus();
    QTRY_VERIFY(serial->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("otpEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("cancelButton"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("nextButton"));
}

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
