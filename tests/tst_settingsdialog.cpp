// ファイル > 設定: what one desktop keeps between starts, with refusals that lose nothing typed, and
// the card window's remembered place.
#include "AccessibleTree.h"
#include "GuiSupport.h"

#include "Accessibility.h"
#include "DesktopSettings.h"
#include "MessageBanner.h"
#include "SettingsDialog.h"
#include "StoreSetup.h"
#include "VirtualCardPanel.h"
#include "VirtualCardToken.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QRadioButton>
#include <QScreen>
#include <QSpinBox>

using namespace hardtoken;
using namespace hardtoken::test;

class TestSettingsDialog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void opensFromTheFileMenuWithWhatIsSaved();
    void aDatabaseFileIsUsedAtTheNextStart();
    void refusalsKeepWhatWasTypedAndSayWhy_data();
    void refusalsKeepWhatWasTypedAndSayWhy();
    void languageAndCardTimeApplyAtOk();
    void resetPlacesForgetsThem();
    void cardWindowPlaceIsRemembered();
    void everyControlIsNamed();
};

namespace {

SettingsDialog* openSettings(Console& c)
{
    auto* action = c.window->findChild<QAction*>(QStringLiteral("settingsAction"));
    if (!action)
        return nullptr;
    action->trigger();
    auto* dialog = c.window->findChild<SettingsDialog*>(QStringLiteral("settingsDialog"));
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

template <typename T> T* child(QWidget* dialog, const char* name)
{
    return dialog->findChild<T*>(QLatin1String(name));
}

void pressOk(QWidget* dialog)
{
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

QString banner(QWidget* dialog)
{
    return child<MessageBanner>(dialog, "messageBanner")->text();
}

} // namespace

void TestSettingsDialog::init()
{
    QSettings().clear();
}

void TestSettingsDialog::opensFromTheFileMenuWithWhatIsSaved()
{
    QSettings().setValue(desktop::postgresKey(), QStringLiteral("host=db.branch.local dbname=hardtoken"));
    QSettings().setValue(desktop::cardSecondsKey(), 45);
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowModality(), Qt::WindowModal); // open(), not exec(): the window keeps running
    QVERIFY(child<QRadioButton>(dialog, "postgresRadio")->isChecked());
    QCOMPARE(child<QLineEdit>(dialog, "postgresEdit")->text(), QStringLiteral("host=db.branch.local dbname=hardtoken"));
    QVERIFY(!child<QLineEdit>(dialog, "databaseEdit")->isEnabled());
    QCOMPARE(child<QSpinBox>(dialog, "cardSecondsSpin")->value(), 45);
    QCOMPARE(child<QComboBox>(dialog, "languageCombo")->currentData().toString(), QStringLiteral("ja"));
    // Esc closes it and changes nothing.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!c.window->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
    QCOMPARE(QSettings().value(desktop::cardSecondsKey()).toInt(), 45);
}

void TestSettingsDialog::aDatabaseFileIsUsedAtTheNextStart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("branch.sqlite"));
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    QTest::keyClick(child<QRadioButton>(dialog, "sqliteRadio"), Qt::Key_Space);
    auto* edit = child<QLineEdit>(dialog, "databaseEdit");
    edit->setFocus();
    QTest::keyClicks(edit, file);
    pressOk(dialog);
    QTRY_VERIFY(!c.window->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
    QCOMPARE(QSettings().value(desktop::databaseKey()).toString(), file);
    QVERIFY(!QSettings().contains(desktop::postgresKey()));

    // The next start reads it (no --database given); --database still wins.
    QCommandLineParser parser;
    StoreOptions::addTo(parser);
    QVERIFY(parser.parse({ QStringLiteral("hardtoken-console") }));
    QCOMPARE(StoreOptions::from(parser).database, file);
    QVERIFY(StoreOptions::from(parser).postgres.isEmpty());
    QCommandLineParser explicitly;
    StoreOptions::addTo(explicitly);
    QVERIFY(explicitly.parse({ QStringLiteral("hardtoken-console"), QStringLiteral("--database"),
        dir.filePath(QStringLiteral("other.sqlite")) }));
    QCOMPARE(StoreOptions::from(explicitly).database, dir.filePath(QStringLiteral("other.sqlite")));
}

void TestSettingsDialog::refusalsKeepWhatWasTypedAndSayWhy_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("says");
    QTest::newRow("network share") << false << QStringLiteral("//fileserver/branch/hardtoken.sqlite")
                                   << QStringLiteral("ネットワーク上の共有フォルダー");
    QTest::newRow("missing folder") << false << QStringLiteral("/no/such/folder/hardtoken.sqlite")
                                    << QStringLiteral("がありません");
    QTest::newRow("a folder") << false << QDir::tempPath() << QStringLiteral("はフォルダーです");
    QTest::newRow("empty connection") << true << QString() << QStringLiteral("接続文字列を入力してください");
    QTest::newRow("password") << true << QStringLiteral("host=db dbname=hardtoken password=Secret-1")
                              << QStringLiteral("パスワードを書かないでください");
    QTest::newRow("password in a URI") << true << QStringLiteral("postgresql://console:Secret-1@db/hardtoken")
                                       << QStringLiteral("パスワードを書かないでください");
    QTest::newRow("not key=value") << true << QStringLiteral("db.branch.local")
                                   << QStringLiteral("接続文字列が正しくありません");
    QTest::newRow("unknown keyword") << true << QStringLiteral("host=db colour=blue") << QStringLiteral("colour");
}

void TestSettingsDialog::refusalsKeepWhatWasTypedAndSayWhy()
{
    QFETCH(bool, postgres);
    QFETCH(QString, typed);
    QFETCH(QString, says);
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    auto* radio = child<QRadioButton>(dialog, postgres ? "postgresRadio" : "sqliteRadio");
    radio->setFocus();
    QTest::keyClick(radio, Qt::Key_Space);
    QVERIFY(radio->isChecked());
    auto* edit = child<QLineEdit>(dialog, postgres ? "postgresEdit" : "databaseEdit");
    QVERIFY(edit->isEnabled());
    edit->setFocus();
    QTest::keyClicks(edit, typed);
    int announced = 0;
    connect(Announcements::instance(), &Announcements::announced, dialog, [&announced] { ++announced; });
    pressOk(dialog);
    QVERIFY(dialog->isVisible()); // not accepted
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        dialog->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/settings-refused.png"));
    QVERIFY2(banner(dialog).contains(says), qPrintable(banner(dialog)));
    QVERIFY(announced > 0);
    QCOMPARE(edit->text(), typed);
    QCOMPARE(dialog->focusWidget(), edit);
    QCOMPARE(edit->accessibleDescription(), banner(dialog));
    QVERIFY(!QSettings().contains(desktop::databaseKey()));
    QVERIFY(!QSettings().contains(desktop::postgresKey()));
    dialog->reject();
}

void TestSettingsDialog::languageAndCardTimeApplyAtOk()
{
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    auto* combo = child<QComboBox>(dialog, "languageCombo");
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
    auto* spin = child<QSpinBox>(dialog, "cardSecondsSpin");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("45"));
    VirtualCardPanel* panel = c.window->training()->showVirtualCards();
    QVERIFY(panel);
    QCOMPARE(panel->cards().first()->blankAfterSecs(), VirtualCardToken::DefaultBlankAfterSecs);
    pressOk(dialog);
    QTRY_COMPARE(c.language.current(), QStringLiteral("en"));
    QCOMPARE(QSettings().value(desktop::languageKey()).toString(), QStringLiteral("en"));
    QCOMPARE(QSettings().value(desktop::cardSecondsKey()).toInt(), 45);
    for (VirtualCardToken* card : panel->cards())
        QCOMPARE(card->blankAfterSecs(), 45);
    auto* settingsAction = c.window->findChild<QAction*>(QStringLiteral("settingsAction"));
    QTRY_COMPARE(settingsAction->text(), QStringLiteral("&Settings...")); // the window followed
}

void TestSettingsDialog::resetPlacesForgetsThem()
{
    QSettings().setValue(desktop::windowGeometryKey(), QByteArray("x"));
    QSettings().setValue(desktop::cardWindowGeometryKey(), QByteArray("y"));
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    auto* reset = child<QPushButton>(dialog, "resetPlacesButton");
    reset->setFocus();
    QTest::keyClick(reset, Qt::Key_Space);
    QVERIFY(!QSettings().contains(desktop::windowGeometryKey()));
    QVERIFY(!QSettings().contains(desktop::cardWindowGeometryKey()));
    QVERIFY(!banner(dialog).isEmpty());
    QCOMPARE(child<MessageBanner>(dialog, "messageBanner")->kind(), MessageBanner::Kind::Info);
    QVERIFY(c.window->screen()->availableGeometry().contains(c.window->frameGeometry().topLeft()));
    dialog->reject();
}

void TestSettingsDialog::cardWindowPlaceIsRemembered()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const QPoint place = available.topLeft() + QPoint(37, 41);
    {
        Console c;
        VirtualCardPanel* panel = c.window->training()->showVirtualCards();
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        panel->move(place);
        QTRY_COMPARE(panel->pos(), place);
        panel->close();
        QVERIFY(QSettings().contains(desktop::cardWindowGeometryKey()));
    }
    {
        Console c;
        VirtualCardPanel* panel = c.window->training()->showVirtualCards();
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(panel->pos(), place);
        // Quitting with the window open remembers it too.
        panel->move(place + QPoint(10, 10));
        QTRY_COMPARE(panel->pos(), place + QPoint(10, 10));
        c.window->close();
    }
    Console c;
    VirtualCardPanel* panel = c.window->training()->showVirtualCards();
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->pos(), place + QPoint(10, 10));
    QVERIFY(available.contains(panel->geometry().topLeft()));
}

void TestSettingsDialog::everyControlIsNamed()
{
    Console c;
    SettingsDialog* dialog = openSettings(c);
    QVERIFY(dialog);
    const QStringList unnamed = unnamedControls(dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    // Names equal the visible text (without the mnemonic).
    QAccessibleInterface* radio = QAccessible::queryAccessibleInterface(child<QRadioButton>(dialog, "postgresRadio"));
    QCOMPARE(radio->role(), QAccessible::RadioButton);
    QCOMPARE(radio->text(QAccessible::Name),
        QStringLiteral(
            "共有データベース (PostgreSQL)(S)")); // the visible text, mnemonic as Japanese software prints it
    QVERIFY(radio->state().checkable);
    QAccessibleInterface* spin = QAccessible::queryAccessibleInterface(child<QSpinBox>(dialog, "cardSecondsSpin"));
    QCOMPARE(spin->role(), QAccessible::SpinBox);
    QCOMPARE(spin->text(QAccessible::Name), QStringLiteral("仮想カードがワンタイムパスワードを表示する時間(T)"));
    dialog->reject();
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
