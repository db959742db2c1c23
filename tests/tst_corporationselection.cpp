// 契約法人の選択 and the first-run page: a branch's production store, driven through the widgets
// with the keyboard as a staff member would.
#include "GuiSupport.h"

#include "Accessibility.h"
#include "AccessibleTree.h"
#include "CorporationSelectionPage.h"
#include "DeskSignInPage.h"
#include "FirstRunPage.h"
#include "ImportDialog.h"
#include "StaffActDialog.h"
#include "core/Crypto.h"
#include "desk/DeskSession.h"
#include "desk/StaffDesk.h"
#include "inventory/RosterImport.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"
#include "store/UsageMode.h"
#include "tables/CorporationSearchModel.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTimer>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QByteArray kRoster = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                          "1000000001,株式会社あおば,U001,青葉 一郎,1\n"
                                          "1000000001,株式会社あおば,U002,青葉 花子,2\n"
                                          "1000000002,ミドリ商事株式会社,M01,緑 三郎,1\n"
                                          "1000000003,あおば運輸有限会社,A01,青木 四郎,1\n")
                               .toUtf8();

const StaffCredential kAdmin { QStringLiteral("admin"), QStringLiteral("Admin-2023!") };

// A production store (no training mark) and the console over it, started as main() starts it;
// with its first administrator (as `init` makes it), who signs in at the desk.
struct Branch {
    EmptyStore empty;
    Store& store = empty.store;
    RegistrationService service { store };
    Language language;
    std::unique_ptr<RegistrationFlow> flow;
    std::unique_ptr<MainWindow> window;

    explicit Branch(bool withAdministrator = true)
    {
        if (withAdministrator)
            addAdministrator();
    }
    void addAdministrator()
    {
        if (!StaffTable::insert(store, kAdmin.login, QStringLiteral("管理 太郎"),
                crypto::hashSecret(kAdmin.credential, { 10, 8, 1 }), StaffTable::Role::Admin))
            qFatal("cannot add the administrator");
    }
    // Manual 9.1 by mouse and keys, from 契約法人ステータス: 利用者情報登録/変更 > 変更 > 全ての利用者が
    // 同じトークンを利用する, the customer's PIN, OK; true when back on 利用者情報選択.
    bool chooseSharedMode(const QString& pin) const
    {
        const auto page = [&]() -> QWidget* { return window->currentPage(); };
        const auto reaches = [&](const char* screen) {
            return QTest::qWaitFor([&] { return flow->screenName() == QLatin1String(screen); });
        };
        QTest::mouseClick(find<QAbstractButton>(page(), "menuLink"), Qt::LeftButton);
        if (!reaches("UserInfoSelection"))
            return false;
        QTest::mouseClick(find<QPushButton>(page(), "changeModeButton"), Qt::LeftButton);
        if (!reaches("UsageModeConfirm"))
            return false;
        auto* shared = find<QRadioButton>(page(), "sharedRadio");
        QTest::mouseClick(shared, Qt::LeftButton, {}, QPoint(8, shared->height() / 2));
        QTest::keyClicks(find<QLineEdit>(page(), "pinEdit"), pin);
        QTest::mouseClick(find<QPushButton>(page(), "okButton"), Qt::LeftButton);
        return reaches("UserInfoSelection");
    }
    // 担当者のサインイン, with the keyboard.
    bool signIn() const
    {
        auto* page = window->signInPage();
        if (!page || window->currentStaffPage() != page)
            return false;
        QTest::keyClicks(find<QLineEdit>(page, "loginEdit"), kAdmin.login);
        QTest::keyClicks(find<QLineEdit>(page, "passwordEdit"), kAdmin.credential);
        QTest::keyClick(find<QLineEdit>(page, "passwordEdit"), Qt::Key_Return);
        return QTest::qWaitFor([&] { return window->deskSession()->isSignedIn(); });
    }

    void importRoster(const QByteArray& bytes)
    {
        RosterReport report;
        const QList<RosterLine> lines = RosterImport::parse(bytes, {}, &report);
        if (!RosterImport::apply(store, lines, false, false, QStringLiteral("test"), &report))
            qFatal("roster: %s", qPrintable(report.refused.join(QLatin1Char('\n'))));
    }
    void launch()
    {
        if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
            applyConsoleStyle(*app);
        flow = std::make_unique<RegistrationFlow>(service);
        window = std::make_unique<MainWindow>(*flow, language);
        window->resize(1024, 768);
        window->begin();
        window->show();
        if (StaffTable::count(store) > 0 && !signIn())
            qFatal("FAIL: the administrator could not sign in at the desk");
    }
    template <typename T> T* find(QWidget* page, const char* name) const
    {
        T* w = page ? page->findChild<T*>(QLatin1String(name)) : nullptr;
        if (!w)
            qFatal("FAIL: no %s named \"%s\"", T::staticMetaObject.className(), name);
        return w;
    }
};

} // namespace

class TestCorporationSelection final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void searchModelPassesTheTester();
    void findByCodeOrNameAndOpenWithTheKeyboard();
    void returningDropsTheQueueAndAnotherCorporationOpens();
    void oneCorporationSkipsTheSelection();
    void anEmptyStoreOpensTheFirstRunPage();
    void theDeskIsSignedInToAndLocks();
    void noCorporationOpensPastTheSignIn();
    void accessibleNamesAndLook();
    void importFromTheMenuOnTheFirstRunPage();
    void aBranchsFirstDay();
};

void TestCorporationSelection::searchModelPassesTheTester()
{
    Branch b;
    b.importRoster(kRoster);
    CorporationSearchModel model(b.store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search({});
    QCOMPARE(model.rowCount(), 3);
    model.search(QStringLiteral("あおば"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.codeAt(0), QStringLiteral("1000000001"));
    QCOMPARE(model.data(model.index(0, CorporationSearchModel::UsersColumn)).toInt(), 2);
    QCOMPARE(model.data(model.index(0, CorporationSearchModel::StatusColumn)).toString(), QStringLiteral("利用可能"));
    model.search(QStringLiteral("1000000002")); // the code, exactly
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, CorporationSearchModel::NameColumn)).toString(),
        QStringLiteral("ミドリ商事株式会社"));
    model.search(QStringLiteral("100000000")); // a code is matched whole, never in part
    QCOMPARE(model.rowCount(), 0);
    model.search(QStringLiteral("%")); // no pattern characters: as typed
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasMore());
}

void TestCorporationSelection::findByCodeOrNameAndOpenWithTheKeyboard()
{
    Branch b;
    b.importRoster(kRoster);
    b.launch();
    auto* page = b.window->corporationSelection();
    QVERIFY(page);
    QCOMPARE(b.window->currentStaffPage(), page);
    QCOMPARE(b.window->windowTitle(), QStringLiteral("契約法人の選択"));
    auto* field = b.find<QLineEdit>(page, "searchField");
    auto* table = b.find<QTableView>(page, "corporationTable");
    auto* result = b.find<QLabel>(page, "resultLabel");
    QTRY_VERIFY(field->hasFocus());
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(result->text(), QStringLiteral("3 件"));

    // Japanese by setText (an IME's commit), the list follows at once.
    field->setText(QStringLiteral("あおば"));
    QCOMPARE(table->model()->rowCount(), 2);
    field->setText(QStringLiteral("存在しない"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(result->text().contains(QStringLiteral("当てはまる契約法人はありません")));
    QVERIFY(!b.find<QPushButton>(page, "openButton")->isEnabled());

    // The code typed on the keyboard, Down into the list, Return opens it.
    field->clear();
    QTest::keyClicks(field, QStringLiteral("1000000003"));
    QCOMPARE(table->model()->rowCount(), 1);
    QTest::keyClick(field, Qt::Key_Down);
    QVERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    QTRY_VERIFY(b.window->currentStaffPage() == nullptr);
    QCOMPARE(b.service.corporation().value().code, QStringLiteral("1000000003"));
    QCOMPARE(b.service.corporation().value().name, QStringLiteral("あおば運輸有限会社"));
}

void TestCorporationSelection::returningDropsTheQueueAndAnotherCorporationOpens()
{
    Branch b;
    b.importRoster(kRoster);
    b.launch();
    auto* page = b.window->corporationSelection();
    auto* field = b.find<QLineEdit>(page, "searchField");
    QTest::keyClicks(field, QStringLiteral("1000000001"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    QCOMPARE(b.service.corporation().value().code, QStringLiteral("1000000001"));
    b.flow->openUserRegistration();
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("UserInfoSelection"));

    // The menu entry's shortcut, from anywhere in the procedure.
    QAction* action = b.window->findChild<QAction*>(QStringLiteral("selectCorporationAction"));
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    action->trigger();
    QTRY_COMPARE(b.window->currentStaffPage(), page);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus")); // left as キャンセル leaves
    QCOMPARE(b.service.queue().size(), 0);
    QCOMPARE(b.window->currentStaffPage(), page); // the flow's move did not cover the selection
    field->setText(QStringLiteral("ミドリ"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(b.window->currentStaffPage() == nullptr);
    QCOMPARE(b.service.corporation().value().code, QStringLiteral("1000000002"));
    QCOMPARE(b.window->currentPage()->objectName(), QStringLiteral("CorporateStatusPage"));
}

void TestCorporationSelection::oneCorporationSkipsTheSelection()
{
    Branch b;
    b.importRoster(kRoster.left(kRoster.indexOf("1000000002")));
    b.launch();
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    QVERIFY(b.window->currentStaffPage() == nullptr);
    QVERIFY(!b.window->findChild<QAction*>(QStringLiteral("selectCorporationAction"))->isEnabled());
    QCOMPARE(b.service.corporation().value().code, QStringLiteral("1000000001"));
}

void TestCorporationSelection::anEmptyStoreOpensTheFirstRunPage()
{
    Branch b(false);
    b.launch();
    FirstRunPage* first = b.window->firstRun();
    QVERIFY(first);
    QCOMPARE(b.window->currentStaffPage(), first);
    auto* steps = b.find<QLabel>(first, "stepsLabel");
    QVERIFY(steps->text().contains(QStringLiteral("init --staff")));
    QVERIFY(steps->text().contains(QStringLiteral("import roster")));
    QVERIFY(steps->text().contains(QStringLiteral("import tokens")));
    QVERIFY(steps->text().contains(b.store.path().toHtmlEscaped()));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        b.window->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/first-run.png"));
    // Checking too early says why and stays.
    QTest::keyClick(b.find<QPushButton>(first, "refreshButton"), Qt::Key_Space);
    QCOMPARE(b.window->currentStaffPage(), first);
    QVERIFY(b.find<QLabel>(first, "messageLabel")->isVisible());
    // The roster arrives (hardtoken-cli on another desktop), but nobody can sign in yet: it says so.
    b.importRoster(kRoster);
    QTest::keyClick(b.find<QPushButton>(first, "refreshButton"), Qt::Key_Space);
    QCOMPARE(b.window->currentStaffPage(), first);
    QVERIFY(b.find<QLabel>(first, "messageLabel")->text().contains(QStringLiteral("管理者が登録されていません")));
    // The first administrator (init): checking again opens 担当者のサインイン, then the selection.
    b.addAdministrator();
    QTest::keyClick(b.find<QPushButton>(first, "refreshButton"), Qt::Key_Space);
    QTRY_COMPARE(b.window->currentStaffPage(), b.window->signInPage());
    QVERIFY(b.signIn());
    QTRY_COMPARE(b.window->currentStaffPage(), b.window->corporationSelection());
    QVERIFY(steps->text().contains(QStringLiteral("（済み）")));
}

void TestCorporationSelection::theDeskIsSignedInToAndLocks()
{
    Branch b(false);
    b.addAdministrator();
    b.importRoster(QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                  "1000000001,株式会社あおば,U001,青葉 一郎,1\n")
                       .toUtf8());
    QVERIFY(StaffTable::insert(b.store, QStringLiteral("clerk"), QStringLiteral("窓口 一郎"),
        crypto::hashSecret(QStringLiteral("Clerk-0001"), { 10, 8, 1 }), StaffTable::Role::Staff));
    StaffDesk desk(b.store);
    b.service.selectCorporation();
    QVERIFY(desk.setPin(b.service.corporationId(), kAdmin, QStringLiteral("お届け"), QStringLiteral("aoba2024"),
                    QStringLiteral("aoba2024"))
                .ok());
    // Opened as main() opens it: 担当者のサインイン, the focus in 担当者ID, names as shown.
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        applyConsoleStyle(*app);
    b.flow = std::make_unique<RegistrationFlow>(b.service);
    b.window = std::make_unique<MainWindow>(*b.flow, b.language);
    b.window->resize(1024, 768);
    b.window->begin();
    b.window->show();
    DeskSignInPage* signIn = b.window->signInPage();
    QVERIFY(signIn);
    QCOMPARE(b.window->currentStaffPage(), signIn);
    auto* login = b.find<QLineEdit>(signIn, "loginEdit");
    auto* password = b.find<QLineEdit>(signIn, "passwordEdit");
    QTRY_VERIFY(login->hasFocus());
    QCOMPARE(QAccessible::queryAccessibleInterface(login)->text(QAccessible::Name), QStringLiteral("担当者ID"));
    QCOMPARE(QAccessible::queryAccessibleInterface(password)->text(QAccessible::Name), QStringLiteral("パスワード"));
    QAccessibleInterface* button = QAccessible::queryAccessibleInterface(b.find<QPushButton>(signIn, "signInButton"));
    QCOMPARE(button->role(), QAccessible::Button);
    QCOMPARE(button->text(QAccessible::Name), QStringLiteral("サインイン"));
    QVERIFY(!b.window->findChild<QAction*>(QStringLiteral("signOutAction"))->isEnabled());
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        b.window->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/desk-sign-in.png"));
    // A wrong password: said, the password gone, still here, audited.
    QTest::keyClicks(login, QStringLiteral("clerk"));
    QTest::keyClicks(password, QStringLiteral("wrong"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(b.find<QLabel>(signIn, "messageLabel")->text().contains(QStringLiteral("正しくありません")));
    QVERIFY(password->text().isEmpty());
    QCOMPARE(b.window->currentStaffPage(), signIn);
    QCOMPARE(b.store.auditLog().entries().last().action, QStringLiteral("desk.sign_in.denied"));
    // The clerk signs in: the corporation's screens, the clerk's name in the status bar.
    QTest::keyClicks(password, QStringLiteral("Clerk-0001"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    QCOMPARE(b.window->currentStaffPage(), nullptr);
    QCOMPARE(b.window->findChild<QLabel*>(QStringLiteral("deskStaffLabel"))->text(),
        QStringLiteral("担当者: 窓口 一郎（clerk）"));
    // 9.1 for the customer: the clerk is the actor, the customer's PIN the authorisation.
    const auto page = [&]() -> QWidget* { return b.window->currentPage(); };
    QVERIFY(b.chooseSharedMode(QStringLiteral("aoba2024")));
    AuditEntry last = b.store.auditLog().entries().last();
    QCOMPARE(last.action, QStringLiteral("usage_mode.changed"));
    QCOMPARE(last.actor, QStringLiteral("staff:clerk"));
    QVERIFY(last.details.contains(QStringLiteral("authorised=corporation-pin")));
    // A 管理 act within the session: the password is not asked again; the act names the clerk.
    const StaffCredential session = b.window->deskSession()->credential();
    const QPointer<StaffActDialog> reset = b.window->staffMenu()->openStaffAct(StaffActDialog::Act::ResetCounters);
    QVERIFY(reset);
    QVERIFY(b.find<QLineEdit>(reset, "staffCredentialEdit")->isHidden());
    // Idle: the desk locks — the dialog closes, the procedure is left, the session ends.
    QTest::mouseClick(b.find<QPushButton>(page(), "changeModeButton"), Qt::LeftButton);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("UsageModeConfirm"));
    QTest::keyClicks(b.find<QLineEdit>(page(), "pinEdit"), QStringLiteral("aoba"));
    b.window->idleTimer()->start(20);
    QTRY_COMPARE(b.window->currentStaffPage(), signIn);
    QVERIFY(!b.window->deskSession()->isSignedIn());
    QVERIFY(b.find<QLabel>(signIn, "lockedLabel")->isVisible());
    QTRY_VERIFY(!reset || !reset->isVisible()); // closed (and deleted) unsaved
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    last = b.store.auditLog().entries().last();
    QCOMPARE(last.action, QStringLiteral("desk.signed_out"));
    QCOMPARE(last.details, QStringLiteral("reason=idle"));
    QVERIFY(login->text().isEmpty());
    QVERIFY(b.window->findChild<QLabel*>(QStringLiteral("deskStaffLabel"))->isHidden());
    // What the session let the clerk do is gone with it.
    QCOMPARE(desk.resetCounters(b.service.corporationId(), session, QStringLiteral("x")).error,
        ServiceError::WrongStaffCredential);
    // The administrator signs in, then out (ファイル > サインアウト).
    QTest::keyClicks(login, kAdmin.login);
    QTest::keyClicks(password, kAdmin.credential);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(b.window->deskSession()->isSignedIn());
    QVERIFY(b.find<QLabel>(signIn, "lockedLabel")->isHidden());
    b.window->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_COMPARE(b.window->currentStaffPage(), signIn);
    QVERIFY(b.find<QLabel>(signIn, "lockedLabel")->isHidden());
    QCOMPARE(b.store.auditLog().entries().last().details, QStringLiteral("reason=sign-out"));
    QCOMPARE(b.store.auditLog().entries().last().actor, QStringLiteral("staff:admin"));
    QVERIFY(b.store.auditLog().verify().ok);
}

void TestCorporationSelection::noCorporationOpensPastTheSignIn()
{
    Branch b;
    b.importRoster(kRoster);
    b.launch(); // signed in: 契約法人の選択
    QCOMPARE(b.window->currentStaffPage(), b.window->corporationSelection());
    auto* select = b.window->findChild<QAction*>(QStringLiteral("selectCorporationAction"));
    QVERIFY(select->isEnabled());
    b.window->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_COMPARE(b.window->currentStaffPage(), b.window->signInPage());
    // 契約法人の選択 (menu, Ctrl+Shift+O) opens nothing while nobody is signed in.
    QVERIFY(!select->isEnabled());
    b.window->showCorporationSelection();
    QCOMPARE(b.window->currentStaffPage(), b.window->signInPage());
    QTest::keyClick(b.window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(b.window->currentStaffPage(), b.window->signInPage());
}

void TestCorporationSelection::accessibleNamesAndLook()
{
    Branch b;
    b.importRoster(kRoster);
    b.launch();
    auto* page = b.window->corporationSelection();
    auto* field = b.find<QLineEdit>(page, "searchField");
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(field);
    QVERIFY(a);
    QCOMPARE(a->role(), QAccessible::EditableText);
    QCOMPARE(a->text(QAccessible::Name), QStringLiteral("契約法人コード・契約法人名"));
    auto* table = b.find<QTableView>(page, "corporationTable");
    QAccessibleInterface* t = QAccessible::queryAccessibleInterface(table);
    QCOMPARE(t->role(), QAccessible::Table);
    QCOMPARE(t->text(QAccessible::Name), QStringLiteral("契約法人の一覧"));
    QAccessibleInterface* button = QAccessible::queryAccessibleInterface(b.find<QPushButton>(page, "openButton"));
    QCOMPARE(button->text(QAccessible::Name), b.find<QPushButton>(page, "openButton")->text());
    // Tab leaves the table (no focus trap): field -> table -> 選択.
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Tab);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QTRY_VERIFY(b.find<QPushButton>(page, "openButton")->hasFocus());

    const QImage shot = b.window->grab().toImage();
    QVERIFY(!isBlank(shot));
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        shot.save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/corporation-selection.png"));
}

void TestCorporationSelection::importFromTheMenuOnTheFirstRunPage()
{
    Branch b; // its first 管理者 (hardtoken-cli init)
    const QString roster = b.empty.dir.filePath(QStringLiteral("roster.csv"));
    {
        QFile f(roster);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kRoster);
    }
    b.launch(); // 担当者のサインイン first, then the first-run page
    QCOMPARE(b.window->currentStaffPage(), b.window->firstRun());
    ImportDialog* d = b.window->staffMenu()->openImport(ImportDialog::Kind::Roster);
    QTRY_VERIFY(d && d->isVisible());
    b.find<QLineEdit>(d, "fileEdit")->setText(roster);
    // Without a signed-in staff member nothing is read into a production store.
    QTest::mouseClick(b.find<QPushButton>(d, "importButton"), Qt::LeftButton);
    QVERIFY2(d->reportText().contains(QStringLiteral("正しくありません")), qPrintable(d->reportText()));
    QTest::keyClicks(b.find<QLineEdit>(d, "staffLoginEdit"), QStringLiteral("admin"));
    QTest::keyClicks(b.find<QLineEdit>(d, "staffCredentialEdit"), kAdmin.credential);
    QTest::mouseClick(b.find<QPushButton>(d, "checkButton"), Qt::LeftButton);
    QVERIFY2(d->reportText().contains(QStringLiteral("確認のみ")), qPrintable(d->reportText()));
    QVERIFY(d->reportText().contains(QStringLiteral("契約法人: 追加 3")));
    QCOMPARE(CorporationTable::count(b.store), 0);
    QVERIFY(b.find<QLineEdit>(d, "staffCredentialEdit")->text().isEmpty()); // not kept
    QTest::keyClicks(b.find<QLineEdit>(d, "staffCredentialEdit"), kAdmin.credential);
    qRegisterMetaType<QWidget*>();
    QSignalSpy announced(Announcements::instance(), &Announcements::announced);
    QTest::mouseClick(b.find<QPushButton>(d, "importButton"), Qt::LeftButton);
    QVERIFY2(d->reportText().contains(QStringLiteral("取り込みました")), qPrintable(d->reportText()));
    QCOMPARE(CorporationTable::count(b.store), 3);
    // Whether it went through is said at once; the focus goes to the details.
    auto* outcome = b.find<QLabel>(d, "outcomeLabel");
    QVERIFY(outcome->isVisible());
    QCOMPARE(outcome->text(), QStringLiteral("取り込みました。"));
    QVERIFY(std::any_of(announced.cbegin(), announced.cend(),
        [&](const QList<QVariant>& a) { return a.at(0).value<QWidget*>() == outcome; }));
    QCOMPARE(QAccessible::queryAccessibleInterface(outcome)->text(QAccessible::Name), outcome->text());
    QTRY_COMPARE(QApplication::focusWidget(), b.find<QPlainTextEdit>(d, "reportText"));
    writeAccessibleTree(d, QStringLiteral("roster-import-outcome"));
    // The first-run page is done: the window moved on to 契約法人の選択, and says that no token is
    // in the store yet (the roster came first).
    QTRY_COMPARE(b.window->currentStaffPage(), b.window->corporationSelection());
    QVERIFY2(b.find<QLabel>(b.window->corporationSelection(), "messageLabel")
                 ->text()
                 .contains(QStringLiteral("トークンがまだ登録されていません")),
        qPrintable(b.find<QLabel>(b.window->corporationSelection(), "messageLabel")->text()));
    QTest::mouseClick(b.find<QPushButton>(d, "closeButton"), Qt::LeftButton);

    // The vendor's PBKDF2 container, its passphrase typed in the dialog.
    d = b.window->staffMenu()->openImport(ImportDialog::Kind::Tokens);
    QTRY_VERIFY(d && d->isVisible());
    // The file dialog shows .pskc files; the pre-shared key's file has its own 参照.
    QVERIFY(ImportDialog::fileFilter(ImportDialog::Kind::Tokens).contains(QStringLiteral("*.pskc ")));
    auto* keyBrowse = b.find<QPushButton>(d, "keyFileBrowseButton");
    QVERIFY(keyBrowse->isVisible());
    QCOMPARE(QAccessible::queryAccessibleInterface(keyBrowse)->text(QAccessible::Name),
        QStringLiteral("事前共有鍵のファイルを参照"));
    b.find<QLineEdit>(d, "fileEdit")->setText(sourcePath(QStringLiteral("tests/data/vendor-pbkdf2.pskcxml")));
    QTest::keyClicks(b.find<QLineEdit>(d, "passphraseEdit"), QStringLiteral("correct horse"));
    QTest::keyClicks(b.find<QLineEdit>(d, "staffLoginEdit"), QStringLiteral("admin"));
    QTest::keyClicks(b.find<QLineEdit>(d, "staffCredentialEdit"), kAdmin.credential);
    QTest::mouseClick(b.find<QPushButton>(d, "importButton"), Qt::LeftButton);
    QVERIFY2(d->reportText().contains(QStringLiteral("トークン: 取り込み 2")), qPrintable(d->reportText()));
    QCOMPARE(TokenTable::count(b.store), 2);
    QVERIFY(b.find<QLineEdit>(d, "passphraseEdit")->text().isEmpty());
    if (!qEnvironmentVariableIsEmpty("HARDTOKEN_SHOTS"))
        d->grab().save(qEnvironmentVariable("HARDTOKEN_SHOTS") + QStringLiteral("/import-tokens.png"));
}

void TestCorporationSelection::aBranchsFirstDay()
{
    // An empty production store and its first 管理者 (hardtoken-cli init).
    Branch b; // its first 管理者 (hardtoken-cli init)
    const QString roster = b.empty.dir.filePath(QStringLiteral("roster.csv"));
    const QString tokens = b.empty.dir.filePath(QStringLiteral("tokens.csv"));
    for (const auto& [path, bytes] : { std::pair { roster, kRoster },
             std::pair { tokens,
                 QByteArray("serial,secret_hex,type,digits,period\n"
                            "1000000901,3132333435363738393031323334353637383930,totp,6,30\n") } }) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    b.launch();
    const auto importFile = [&](ImportDialog::Kind kind, const QString& path) {
        ImportDialog* d = b.window->staffMenu()->openImport(kind);
        b.find<QLineEdit>(d, "fileEdit")->setText(path);
        QTest::keyClicks(b.find<QLineEdit>(d, "staffLoginEdit"), QStringLiteral("admin"));
        QTest::keyClicks(b.find<QLineEdit>(d, "staffCredentialEdit"), kAdmin.credential);
        QTest::mouseClick(b.find<QPushButton>(d, "importButton"), Qt::LeftButton);
        const bool ok = d->reportText().contains(QStringLiteral("取り込みました"));
        QTest::mouseClick(b.find<QPushButton>(d, "closeButton"), Qt::LeftButton);
        return ok;
    };
    QVERIFY(importFile(ImportDialog::Kind::Roster, roster));
    QVERIFY(importFile(ImportDialog::Kind::Tokens, tokens));

    // 契約法人の選択: the customer says 「あおば」; the first match opens.
    QTRY_COMPARE(b.window->currentStaffPage(), b.window->corporationSelection());
    auto* field = b.find<QLineEdit>(b.window->corporationSelection(), "searchField");
    field->setText(QStringLiteral("株式会社あおば"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("CorporateStatus"));
    QCOMPARE(b.service.corporation().value().code, QStringLiteral("1000000001"));

    // 管理 > 契約法人確認暗証番号の設定: the customer types the PIN twice on the software keyboard.
    // Within the desk session the password is not asked again.
    StaffActDialog* pin = b.window->staffMenu()->openStaffAct(StaffActDialog::Act::SetPin);
    QCOMPARE(b.find<QLineEdit>(pin, "staffLoginEdit")->text(), kAdmin.login);
    QVERIFY(b.find<QLineEdit>(pin, "staffLoginEdit")->isReadOnly());
    QVERIFY(b.find<QLineEdit>(pin, "staffCredentialEdit")->isHidden());
    b.find<QLineEdit>(pin, "reasonEdit")->setText(QStringLiteral("お届けの暗証番号"));
    QVERIFY(typeWithKeyboard(pin->pinInput(0), QStringLiteral("aoba2024")));
    QVERIFY(typeWithKeyboard(pin->pinInput(1), QStringLiteral("aoba2024")));
    QTest::mouseClick(b.find<QDialogButtonBox>(pin, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(b.window->findChild<QMessageBox*>(QStringLiteral("staffActResult")));
    // The result box is titled by the act, not by the screen behind it.
    QCOMPARE(b.window->findChild<QMessageBox*>(QStringLiteral("staffActResult"))->windowTitle(),
        QStringLiteral("契約法人確認暗証番号の設定"));

    // Manual 9.1: 利用者情報登録/変更 > 変更 > 全ての利用者が同じトークンを利用する, the PIN, OK.
    const auto page = [&]() -> QWidget* { return b.window->currentPage(); };
    QVERIFY(b.chooseSharedMode(QStringLiteral("aoba2024")));
    QCOMPARE(b.service.corporation().value().mode, UsageMode::Shared);

    // Manual 9.2.1: 利用登録, the serial and the code the vendor's card shows, 次へ, the PIN, OK.
    QTest::mouseClick(b.find<QPushButton>(page(), "registerButton"), Qt::LeftButton);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("SharedRegistrationInput"));
    QTest::keyClicks(b.find<QLineEdit>(page(), "serialEdit"), QStringLiteral("1000000901"));
    OtpGenerator card;
    QTest::keyClicks(b.find<QLineEdit>(page(), "otpEdit"),
        card.totp(QByteArrayLiteral("12345678901234567890"), b.empty.clock.nowSecs()));
    QTest::mouseClick(b.find<QPushButton>(page(), "nextButton"), Qt::LeftButton);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("SharedRegistrationConfirm"));
    QTest::keyClicks(b.find<QLineEdit>(page(), "pinEdit"), QStringLiteral("aoba2024"));
    QTest::mouseClick(b.find<QPushButton>(page(), "okButton"), Qt::LeftButton);
    QTRY_COMPARE(b.flow->screenName(), QStringLiteral("UserInfoSelection"));

    // What the store holds: the registration, sealed state, a verified audit trail of the day.
    QCOMPARE(b.service.sharedSerial().value(), QStringLiteral("1000000901"));
    QCOMPARE(TokenTable::find(b.store, QStringLiteral("1000000901"))->status, TokenStatus::Registered);
    QVERIFY(b.store.auditLog().verify().ok);
    QStringList actions;
    for (const AuditEntry& e : b.store.auditLog().entries())
        actions << e.action;
    for (const char* expected :
        { "roster.imported", "tokens.imported", "corporation.pin_set", "usage_mode.changed", "token.registered" })
        QVERIFY2(actions.contains(QLatin1String(expected)), expected);
    // Who did it: the staff member signed in at the desk, the customer's PIN beside it.
    for (const AuditEntry& e : b.store.auditLog().entries()) {
        if (e.action == QLatin1String("usage_mode.changed") || e.action == QLatin1String("token.registered")) {
            QCOMPARE(e.actor, QStringLiteral("staff:admin"));
            QVERIFY2(e.details.contains(QStringLiteral("authorised=corporation-pin")), qPrintable(e.details));
        }
    }
    QVERIFY(actions.contains(QStringLiteral("desk.signed_in")));
}

QTEST_MAIN(TestCorporationSelection)
#include "tst_corporationselection.moc"
