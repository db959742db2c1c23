// The window as a whole: language switching at run time, the software keyboard, scrolling,
// accessible names, and the small-screen / high-DPI layout.
#include "GuiSupport.h"

#include "AfterFirstPaint.h"
#include "IndividualRegistrationConfirmPage.h"
#include "StartupWarmUp.h"

#include <QDate>
#include <QDir>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QStyleFactory>
#include <QTimer>
#include <QToolButton>

using namespace hardtoken;
using namespace hardtoken::test;

class TestConsoleWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void switchingLanguageRetranslatesOpenScreens();
    void eachLanguageIsWhole();
    void aboutAndConfirmations();
    void wideWindowKeepsTheContentTogether();
    void softwareKeyboardShufflesAndTypesMasked();
    void pageTopScrollsToTheTop();
    void everyControlHasAnAccessibleName();
    void fitsAt1024x768();
    void tabFollowsTheManualsReadingOrder();
    void theMenuBarsOverflowChevronIsFusions();
    void theStartupWarmUpLeavesNothingBehind();
    void workAfterTheFirstPaintRunsInItsOrder();
};

namespace {
void toConfirm(Console& c)
{
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("CorporateStatus"));
    c.flow->openUserRegistration();
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("UserInfoSelection"));
    QVERIFY(c.flow->startRegistration().ok());
    QTRY_COMPARE(c.flow->screenName(), QStringLiteral("IndividualRegistrationInput"));
    QVERIFY(
        c.flow->next(c.f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, c.f.otpFor(sample::spareCard2)).ok());
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
    QVERIFY(c.message().startsWith(QStringLiteral("契約法人確認暗証番号が正しくありません。あと4回")));
    // What is typed after the refusal must survive the switch.
    QVERIFY(c.type("pinEdit", QStringLiteral("abc")));
    QVERIFY(c.language.set(QStringLiteral("en")));
    // LanguageChange reaches the windows through the event loop.
    QTRY_COMPARE(c.find<QLabel>("titleLabel")->text(), QStringLiteral("Card Hard Token Registration Confirmation"));
    // The refusal shown before the switch is said again in English, at the top and at the field,
    // without emptying the field or moving the focus.
    QCOMPARE(c.message(),
        QStringLiteral("The corporate confirmation PIN is not correct. After 4 more wrong entries, this system will be "
                       "suspended."));
    QCOMPARE(c.find<QLabel>("pinError")->text(), c.message());
    QCOMPARE(c.find<QLineEdit>("pinEdit")->text(), QStringLiteral("abc"));
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

// English is whole (the window title's application name, the completion banner, the scenario
// names, dates); Japanese is whole (Qt's own texts from qtbase_ja, Japanese dates).
void TestConsoleWindow::eachLanguageIsWhole()
{
    Console c;
    QVERIFY(c.language.set(QStringLiteral("ja")));
    EXPECT_SCREEN(c, "CorporateStatus");
    // Qt's own texts (the line edits' context menu, standard buttons) are Japanese.
    QVERIFY(c.language.qtTranslationLoaded());
    QCOMPARE(QCoreApplication::translate("QLineEdit", "&Undo"), QStringLiteral("元に戻す(&U)"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("キャンセル"));
    const QDate day(2023, 9, 1);
    QVERIFY2(QLocale().toString(day, QLocale::LongFormat).contains(QStringLiteral("2023年9月1日")),
        qPrintable(QLocale().toString(day, QLocale::LongFormat)));
    QCOMPARE(QGuiApplication::applicationDisplayName(), QStringLiteral("カード型ハードトークン 管理コンソール"));

    // 9.1 done in Japanese: the green 完了 banner; switched to English it is not an empty box.
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("changeModeButton"));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    QTest::mouseClick(c.find<QAbstractButton>("sharedRadio"), Qt::LeftButton, {}, QPoint(8, 8));
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.message().contains(QStringLiteral("完了")));
    QVERIFY(c.language.set(QStringLiteral("en")));
    QTRY_COMPARE(c.find<QLabel>("titleLabel")->text(), QStringLiteral("User Information Selection"));
    QVERIFY(c.find<QLabel>("messageLabel")->isVisible());
    // The 完了 banner shown in Japanese is said again in English.
    QCOMPARE(c.message(), QStringLiteral("The card hard token usage mode has been set."));
    QCOMPARE(QGuiApplication::applicationDisplayName(), QStringLiteral("Card Hard Token Administration Console"));
    QCOMPARE(QCoreApplication::translate("QLineEdit", "&Undo"), QStringLiteral("&Undo"));
    QVERIFY2(QLocale().toString(day, QLocale::LongFormat).contains(QStringLiteral("September")),
        qPrintable(QLocale().toString(day, QLocale::LongFormat)));
    // A procedure completed in English says so in English.
    QVERIFY(c.click("changeModeButton"));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    QTest::mouseClick(c.find<QAbstractButton>("individualRadio"), Qt::LeftButton, {}, QPoint(8, 8));
    QVERIFY(c.type("pinEdit", sample::pin));
    QVERIFY(c.click("okButton"));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QCOMPARE(c.message(), QStringLiteral("The card hard token usage mode has been set."));
    // The scenario names in the training menu are English.
    QMenu* training = nullptr;
    for (QAction* a : c.window->menuBar()->actions()) {
        if (a->text().contains(QStringLiteral("Training")))
            training = a->menu();
    }
    QVERIFY(training);
    QMenu* scenarios = nullptr;
    for (QAction* a : training->actions()) {
        if (a->menu())
            scenarios = a->menu();
    }
    QVERIFY(scenarios);
    Q_EMIT scenarios->aboutToShow();
    QVERIFY(!scenarios->actions().isEmpty());
    for (QAction* a : scenarios->actions()) {
        for (QChar ch : a->text())
            QVERIFY2(ch.unicode() < 0x3000, qPrintable(a->text())); // no kana or kanji left
    }
}

// ヘルプ > このコンソールについて names the version, the libraries with their licences and where
// the store is; a scenario reset asks first, and No changes nothing.
void TestConsoleWindow::aboutAndConfirmations()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    c.window->findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
    QMessageBox* about = nullptr;
    QTRY_VERIFY((about = c.window->findChild<QMessageBox*>(QStringLiteral("aboutDialog"))) && about->isVisible());
    for (const QString& part : { QStringLiteral("OpenSSL"), QStringLiteral("LGPL"), QStringLiteral("Apache"),
             QString::fromLatin1(qVersion()), QDir::toNativeSeparators(c.f.store->path()) })
        QVERIFY2(about->text().contains(part.toHtmlEscaped()), qPrintable(part));
    about->close();

    // Wrong entries, then 最初の状態に戻す answered No: the counts stay.
    QVERIFY(
        c.f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error == ServiceError::WrongPin);
    QCOMPARE(c.f.service->corporation().value().pinFailures, 1);
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box)
                box->button(button)->click();
        });
    };
    answer(QMessageBox::No);
    c.window->findChild<QAction*>(QStringLiteral("resetScenarioAction"))->trigger();
    c.f.service->selectCorporation(c.f.service->corporation().value().code);
    QCOMPARE(c.f.service->corporation().value().pinFailures, 1);
    answer(QMessageBox::Yes);
    c.window->findChild<QAction*>(QStringLiteral("resetScenarioAction"))->trigger();
    c.f.service->selectCorporation(c.f.service->corporation().value().code);
    QCOMPARE(c.f.service->corporation().value().pinFailures, 0);
}

// At 1920 px the content stays at most ContentMaxWidth wide and centred: 変更 / 利用登録 sit next to
// their labels, not 1,300 px away.
void TestConsoleWindow::wideWindowKeepsTheContentTogether()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    c.window->resize(1920, 1000);
    QTRY_COMPARE(c.window->width(), 1920);
    ManualPage* page = c.page();
    QTRY_VERIFY(page->width() <= MainWindow::ContentMaxWidth);
    QScrollArea* area = c.window->scrollArea(RegistrationFlow::Screen::UserInfoSelection);
    const int left = page->x();
    const int right = area->viewport()->width() - (page->x() + page->width());
    QVERIFY2(qAbs(left - right) <= 2, qPrintable(QStringLiteral("%1 / %2").arg(left).arg(right)));
    auto* button = c.find<QPushButton>("changeModeButton");
    auto* value = c.find<QLabel>("usageModeValue");
    QVERIFY(button->mapTo(page, QPoint(0, 0)).x() - value->mapTo(page, QPoint(0, 0)).x() < MainWindow::ContentMaxWidth);
    const QImage shot = c.window->grab().toImage();
    QVERIFY(!isBlank(shot));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        shot.save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/wide-user-info-selection.png"));
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
    QCOMPARE(input->text(), sample::pin);
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

// The console's style reads the menu bar's overflow chevron when it is first drawn, not when the
// menu bar is built (image plugins and three PNGs at every start): the chevron a narrow window
// shows is still Fusion's, pixel for pixel, in both directions.
void TestConsoleWindow::theMenuBarsOverflowChevronIsFusions()
{
    Console c;
    c.window->resize(160, 400);
    c.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
    auto* chevron = c.window->menuBar()->findChild<QToolButton*>(QStringLiteral("qt_menubar_ext_button"));
    QVERIFY(chevron);
    QTRY_VERIFY(chevron->isVisible());
    QVERIFY(!chevron->icon().isNull());
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    for (const Qt::LayoutDirection direction : { Qt::LeftToRight, Qt::RightToLeft }) {
        QStyleOption option;
        option.direction = direction;
        const QIcon ours = c.window->style()->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &option);
        const QIcon theirs = fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &option);
        QVERIFY(!theirs.isNull());
        for (const int size : { 16, 32 })
            QCOMPARE(ours.pixmap(size).toImage(), theirs.pixmap(size).toImage());
    }
    QCOMPARE(chevron->icon().pixmap(16).toImage(),
        fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton).pixmap(16).toImage());
    // A copy changed after the icon was read (its engine cloned) still draws it.
    QIcon copy = chevron->icon();
    copy.addPixmap(QPixmap(4, 4));
    QCOMPARE(copy.pixmap(16).toImage(), chevron->icon().pixmap(16).toImage());
}

// main()'s warm-up (OpenSSL, the SQLite driver, the fonts on other cores) is joined when its guard
// goes, and leaves no connection of its own: the store opened beside it works as ever.
void TestConsoleWindow::theStartupWarmUpLeavesNothingBehind()
{
    {
        // main() returning before its application was made: OpenSSL's thread ends, nothing waits.
        const StartupWarmUp abandoned;
    }
    {
        StartupWarmUp warmUp;
        const auto joined = warmUp.applicationReady();
        Console c;
        QTRY_COMPARE(c.flow->screenName(), QStringLiteral("CorporateStatus"));
        QVERIFY(!QFontDatabase::families().isEmpty());
    }
    QVERIFY(!QSqlDatabase::connectionNames().contains(QStringLiteral("hardtoken-warm-up")));
}

// main()'s work after the first paint (the icon, the whole-file check, the benchmarks' stamp) is
// one queue per window: none of it before the frame, in the order given, the stamp first.
void TestConsoleWindow::workAfterTheFirstPaintRunsInItsOrder()
{
    QWidget window;
    window.resize(200, 100);
    new QObject(&window); // a child of another kind, as a real window has many
    QStringList ran;
    AfterFirstPaint::run(&window, [&] { ran << QStringLiteral("icon"); });
    AfterFirstPaint::run(&window, [&] { ran << QStringLiteral("check"); });
    AfterFirstPaint::runFirst(&window, [&] { ran << QStringLiteral("stamp"); });
    QVERIFY(ran.isEmpty());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(ran, QStringList({ QStringLiteral("stamp"), QStringLiteral("icon"), QStringLiteral("check") }));
    // Given after the first paint: run after the next one.
    AfterFirstPaint::run(&window, [&] { ran << QStringLiteral("later"); });
    QCoreApplication::processEvents();
    QCOMPARE(ran.size(), 3);
    window.update();
    QTRY_COMPARE(ran.size(), 4);
}

QTEST_MAIN(TestConsoleWindow)

#include "tst_consolewindow.moc"
