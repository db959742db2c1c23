// The 管理 menu on the real window: PIN setting with the customer on the software keyboard, the
// counters, and lifting 利用中止 with a confirmation and a visible result. Keys as a person types.
#include "GuiSupport.h"

#include "Accessibility.h"
#include "AuditViewerDialog.h"
#include "StaffActDialog.h"
#include "StaffDialog.h"
#include "core/Crypto.h"
#include "core/Csv.h"
#include "desk/StaffDesk.h"
#include "store/CorporationTable.h"
#include "store/UsageMode.h"
#include "tables/AuditLogModel.h"
#include "tables/StaffListModel.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QSignalSpy>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
// The dialog's fields typed with the keyboard (ASCII by keyClicks; the reason in Japanese by setText,
// as an IME commits it).
void signIn(StaffActDialog* d, const QString& login, const QString& credential, const QString& reason)
{
    auto* loginEdit = d->findChild<QLineEdit*>(QStringLiteral("staffLoginEdit"));
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    auto* credentialEdit = d->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit"));
    QTest::keyClicks(credentialEdit, credential);
    d->findChild<QLineEdit*>(QStringLiteral("reasonEdit"))->setText(reason);
}

QPushButton* okOf(StaffActDialog* d)
{
    return d->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
}

QMessageBox* resultBox(MainWindow& w)
{
    return w.findChild<QMessageBox*>(QStringLiteral("staffActResult"));
}
} // namespace

class TestStaffMenu final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setPinWithTheCustomerOnTheSoftwareKeyboard();
    void unlockFromTheMenuWithAVisibleResult();
    void accessibleNames();
    void auditViewerFiltersAndExports();
    void checkACardAtTheDesk();
    void anAdministratorAddsAndDisablesStaff();
};

void TestStaffMenu::setPinWithTheCustomerOnTheSoftwareKeyboard()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    QAction* action = c.window->findChild<QAction*>(QStringLiteral("setPinAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto* d = c.window->findChild<StaffActDialog*>();
    QVERIFY(d);
    QTRY_VERIFY(d->isVisible());
    QCOMPARE(d->windowTitle(), QStringLiteral("契約法人確認暗証番号の設定"));

    // A typo in the repeat: refused, nothing of the customer's kept, the PIN unchanged.
    signIn(d, QStringLiteral("helpdesk"), sample::staffCredential, QStringLiteral("お客さまの依頼"));
    QVERIFY(typeWithKeyboard(d->pinInput(0), QStringLiteral("Aoba2024")));
    QVERIFY(typeWithKeyboard(d->pinInput(1), QStringLiteral("Aoba2025")));
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    auto* message = d->findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("一致しません")));
    QVERIFY(d->pinInput(0)->text().isEmpty());
    QVERIFY(d->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit"))->text().isEmpty());
    const qint64 corp = c.f.service->corporationId();
    QVERIFY(crypto::verifySecret(sample::pin, CorporationTable::pinHash(*c.f.store, corp)));

    // Again, right: the dialog closes and says what was done.
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit")), sample::staffCredential);
    QVERIFY(typeWithKeyboard(d->pinInput(0), QStringLiteral("Aoba2024")));
    QVERIFY(typeWithKeyboard(d->pinInput(1), QStringLiteral("Aoba2024")));
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QTRY_VERIFY(resultBox(*c.window));
    QVERIFY(resultBox(*c.window)->text().contains(QStringLiteral("契約法人確認暗証番号を設定しました")));
    const QString hash = CorporationTable::pinHash(*c.f.store, corp);
    QVERIFY(crypto::verifySecret(QStringLiteral("Aoba2024"), hash));
    QVERIFY(!crypto::verifySecret(sample::pin, hash));
}

void TestStaffMenu::unlockFromTheMenuWithAVisibleResult()
{
    Console c(loadScenario(QStringLiteral("resources/scenarios/suspended.json")));
    EXPECT_SCREEN(c, "Suspended");
    c.window->findChild<QAction*>(QStringLiteral("unlockAction"))->trigger();
    auto* d = c.window->findChild<StaffActDialog*>();
    QTRY_VERIFY(d && d->isVisible());
    QCOMPARE(okOf(d)->text(), QStringLiteral("解除する")); // the confirmation is the act's own button
    // No reason: asked for, nothing done.
    signIn(d, QStringLiteral("helpdesk"), sample::staffCredential, QString());
    QTest::mouseClick(okOf(d), Qt::LeftButton);
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("messageLabel"))->text().contains(QStringLiteral("理由")));
    QVERIFY(c.f.service->corporation().value().suspended);
    // Cancel leaves everything as it was.
    signIn(d, QStringLiteral("helpdesk"), sample::staffCredential, QStringLiteral("本人確認済み"));
    QTest::keyClick(d, Qt::Key_Escape);
    QTRY_VERIFY(c.window->findChild<StaffActDialog*>() == nullptr);
    QVERIFY(c.f.service->corporation().value().suspended);

    c.window->findChild<QAction*>(QStringLiteral("unlockAction"))->trigger();
    d = c.window->findChild<StaffActDialog*>();
    QTRY_VERIFY(d && d->isVisible());
    signIn(d, QStringLiteral("helpdesk"), sample::staffCredential, QStringLiteral("本人確認済み"));
    QTest::keyClick(d->findChild<QLineEdit*>(QStringLiteral("reasonEdit")), Qt::Key_Return);
    QTRY_VERIFY(resultBox(*c.window));
    QVERIFY(resultBox(*c.window)->text().contains(QStringLiteral("利用中止状態を解除しました")));
    QVERIFY(!c.f.service->corporation().value().suspended);
    EXPECT_SCREEN(c, "CorporateStatus");
}

void TestStaffMenu::accessibleNames()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    StaffActDialog* d = c.window->staffMenu()->openStaffAct(StaffActDialog::Act::SetPin);
    QTRY_VERIFY(d && d->isVisible());
    for (const char* name : { "staffLoginEdit", "staffCredentialEdit", "reasonEdit" }) {
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(d->findChild<QLineEdit*>(QLatin1String(name)));
        QVERIFY(a);
        QCOMPARE(a->role(), QAccessible::EditableText);
        QVERIFY2(!a->text(QAccessible::Name).isEmpty(), name);
    }
    QAccessibleInterface* credential
        = QAccessible::queryAccessibleInterface(d->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit")));
    QVERIFY(credential->state().passwordEdit);
    QAccessibleInterface* pin = QAccessible::queryAccessibleInterface(d->pinInput(1)->edit());
    QCOMPARE(pin->text(QAccessible::Name), QStringLiteral("新しい契約法人確認暗証番号（確認）"));
    QVERIFY(pin->state().passwordEdit);
    const QImage shot = d->grab().toImage();
    QVERIFY(!isBlank(shot));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        shot.save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/staff-set-pin.png"));
}

void TestStaffMenu::auditViewerFiltersAndExports()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    // Something to find: a wrong PIN, and the counter reset by the help desk.
    QCOMPARE(c.f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    c.window->findChild<QAction*>(QStringLiteral("resetCountersAction"))->trigger();
    auto* act = c.window->findChild<StaffActDialog*>();
    QTRY_VERIFY(act && act->isVisible());
    signIn(act, QStringLiteral("helpdesk"), sample::staffCredential, QStringLiteral("窓口で確認"));
    QTest::mouseClick(okOf(act), Qt::LeftButton);
    QTRY_VERIFY(resultBox(*c.window));

    c.window->findChild<QAction*>(QStringLiteral("auditAction"))->trigger();
    auto* d = c.window->findChild<AuditViewerDialog*>();
    QTRY_VERIFY(d && d->isVisible());
    const int all = d->model()->rowCount();
    QVERIFY(all >= 2);
    auto* actor = d->findChild<QLineEdit*>(QStringLiteral("actorEdit"));
    QTest::keyClicks(actor, QStringLiteral("helpdesk"));
    QTest::keyClick(actor, Qt::Key_Return);
    QCOMPARE(d->model()->rowCount(), 1);
    QVERIFY(d->findChild<QDialog*>() == nullptr); // Return searched; it did not close the dialog
    QVERIFY(d->isVisible());
    QCOMPARE(d->model()->data(d->model()->index(0, AuditLogModel::ActionColumn)).toString(),
        QStringLiteral("corporation.counters_reset"));

    const QString path = c.f.dir.filePath(QStringLiteral("export.csv"));
    d->setPathChooser([path] { return path; });
    auto* login = d->findChild<QLineEdit*>(QStringLiteral("staffLoginEdit"));
    auto* credential = d->findChild<QLineEdit*>(QStringLiteral("staffCredentialEdit"));
    QTest::keyClicks(login, QStringLiteral("helpdesk"));
    QTest::keyClicks(credential, QStringLiteral("wrong-one"));
    QTest::keyClick(credential, Qt::Key_Return);
    auto* message = d->findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("正しくありません")));
    QVERIFY(!QFile::exists(path));
    QTest::keyClicks(credential, sample::staffCredential);
    // The outcome is announced at once, wherever the focus is.
    qRegisterMetaType<QWidget*>();
    QSignalSpy announced(Announcements::instance(), &Announcements::announced);
    QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("書き出しました")), qPrintable(message->text()));
    QVERIFY(!announced.isEmpty());
    QCOMPARE(announced.last().at(0).value<QWidget*>(), message);
    QVERIFY(announced.last().at(1).toString().contains(QStringLiteral("書き出しました")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString used;
    QString error;
    const QList<csv::Record> records = csv::records(csv::decode(file.readAll(), {}, &used, &error), &error);
    // The header, the reset, and the refused export just before (the helpdesk's too), oldest first.
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[1].fields.value(3), QStringLiteral("corporation.counters_reset"));
    QCOMPARE(records[1].fields.value(5), c.f.service->corporation().value().name);
    QVERIFY(records[1].fields.value(6).contains(QStringLiteral("reason=窓口で確認")));
    QCOMPARE(records[2].fields.value(3), QStringLiteral("audit.export.denied"));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        d->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/audit-viewer.png"));
}

void TestStaffMenu::checkACardAtTheDesk()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    c.window->findChild<QAction*>(QStringLiteral("checkCardAction"))->trigger();
    auto* d = c.window->findChild<StaffActDialog*>();
    QTRY_VERIFY(d && d->isVisible());
    QVERIFY(!d->findChild<QLineEdit*>(QStringLiteral("reasonEdit"))->isVisible());
    signIn(d, QStringLiteral("helpdesk"), sample::staffCredential, QString());
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("serialEdit")), sample::yamadaCard);
    auto* code = d->findChild<QLineEdit*>(QStringLiteral("codeEdit"));
    QTest::keyClicks(code, c.f.otpFor(sample::yamadaCard));
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_VERIFY(resultBox(*c.window));
    QCOMPARE(resultBox(*c.window)->icon(), QMessageBox::Information);
    QVERIFY2(resultBox(*c.window)->text().contains(QStringLiteral("正常に動作しています")),
        qPrintable(resultBox(*c.window)->text()));
    QVERIFY(resultBox(*c.window)->text().contains(QStringLiteral("山田 太郎")));
}

void TestStaffMenu::anAdministratorAddsAndDisablesStaff()
{
    Console c;
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(StaffTable::insert(*c.f.store, QStringLiteral("admin"), QStringLiteral("管理 太郎"),
        crypto::hashSecret(QStringLiteral("Admin-2023!"), { 10, 8, 1 }), StaffTable::Role::Admin));
    c.window->findChild<QAction*>(QStringLiteral("staffAccountsAction"))->trigger();
    auto* d = c.window->findChild<StaffDialog*>();
    QTRY_VERIFY(d && d->isVisible());
    QAbstractItemModelTester tester(d->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(d->model()->rowCount(), 2);
    const auto field = [d](const char* name) { return d->findChild<QLineEdit*>(QLatin1String(name)); };
    auto* message = d->findChild<QLabel*>(QStringLiteral("messageLabel"));
    // A 担当者 cannot add staff.
    QTest::keyClicks(field("newLoginEdit"), QStringLiteral("clerk1"));
    field("newNameEdit")->setText(QStringLiteral("窓口 一郎"));
    QTest::keyClicks(field("newCredentialEdit"), QStringLiteral("Clerk-0001"));
    QTest::keyClicks(field("repeatCredentialEdit"), QStringLiteral("Clerk-0001"));
    QTest::keyClicks(field("staffLoginEdit"), QStringLiteral("helpdesk"));
    QTest::keyClicks(field("staffCredentialEdit"), sample::staffCredential);
    field("reasonEdit")->setText(QStringLiteral("新任"));
    QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("addButton")), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("管理者だけ")), qPrintable(message->text()));
    QVERIFY(field("newCredentialEdit")->text().isEmpty());
    // The 管理者 can.
    QTest::keyClicks(field("newCredentialEdit"), QStringLiteral("Clerk-0001"));
    QTest::keyClicks(field("repeatCredentialEdit"), QStringLiteral("Clerk-0001"));
    field("staffLoginEdit")->clear();
    QTest::keyClicks(field("staffLoginEdit"), QStringLiteral("admin"));
    QTest::keyClicks(field("staffCredentialEdit"), QStringLiteral("Admin-2023!"));
    QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("addButton")), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("登録しました")), qPrintable(message->text()));
    QCOMPARE(d->model()->rowCount(), 3);
    QVERIFY(StaffTable::find(*c.f.store, QStringLiteral("clerk1")));
    // ...and disables the help desk's login.
    auto* table = d->findChild<QTableView*>(QStringLiteral("staffTable"));
    int row = -1;
    for (int r = 0; r < d->model()->rowCount(); ++r)
        row = d->model()->accountAt(r)->login == QLatin1String("helpdesk") ? r : row;
    table->setCurrentIndex(d->model()->index(row, 0));
    QTest::keyClicks(field("staffCredentialEdit"), QStringLiteral("Admin-2023!"));
    QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("disableButton")), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("利用停止にしました")), qPrintable(message->text()));
    QCOMPARE(
        d->model()->data(d->model()->index(row, StaffListModel::StateColumn)).toString(), QStringLiteral("利用停止"));
    QVERIFY(StaffTable::find(*c.f.store, QStringLiteral("helpdesk"))->disabled);
    // The new clerk's login locked by wrong passwords: the administrator lifts the lock here.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(StaffDesk(*c.f.store)
                     .resetCounters(c.f.service->corporationId(), { QStringLiteral("clerk1"), QStringLiteral("wrong") },
                         QStringLiteral("x"))
                     .error,
            ServiceError::WrongStaffCredential);
    for (int r = 0; r < d->model()->rowCount(); ++r)
        row = d->model()->accountAt(r)->login == QLatin1String("clerk1") ? r : row;
    table->setCurrentIndex(d->model()->index(row, 0));
    QTest::keyClicks(field("staffCredentialEdit"), QStringLiteral("Admin-2023!"));
    QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QVERIFY2(message->text().contains(QStringLiteral("再び利用できるようにしました")), qPrintable(message->text()));
    QCOMPARE(c.f.store->auditLog().entries().last().action, QStringLiteral("staff.reset"));
    QCOMPARE(c.f.store->auditLog().entries().last().actor, QStringLiteral("staff:admin"));
    QVERIFY(field("staffCredentialEdit")->text().isEmpty());
    QVERIFY(QAccessible::queryAccessibleInterface(d->findChild<QPushButton*>(QStringLiteral("unlockButton")))
                ->text(QAccessible::Name)
                .startsWith(QStringLiteral("選択した担当者のロックを解除する")));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        d->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/staff-accounts.png"));
}

QTEST_MAIN(TestStaffMenu)
#include "tst_staffmenu.moc"
