// Manual 9.2.2 全ての利用者が異なるトークンを利用する場合 — the manual's own example, driven through
// the real widgets: 鈴木 花子 → 00-0000001-2, 山田 太郎 → 00-0000001-1, 田中 次郎 → 00-0000001-3,
// with 追加, 入力完了 (only after 追加), 削除 of a checked row from the lower button, and OK.
#include "GuiSupport.h"

#include <QSqlQuery>

using namespace hardtoken;
using namespace hardtoken::test;

class TestWalkthrough922 final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registerEachUsersToken();
};

namespace {
const QString kSuzuki = QStringLiteral("鈴木 花子");
const QString kTanaka = QStringLiteral("田中 次郎");
const QString kYamada = QStringLiteral("山田 太郎");
} // namespace

void TestWalkthrough922::registerEachUsersToken()
{
    Console c;
    const QList<ManualAct> another = ManualSteps::step(QStringLiteral("9.2.2-4")).another; // its ● note: ① 追加
    QVERIFY(!another.isEmpty());

    // 1. [契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。
    EXPECT_SCREEN(c, "CorporateStatus");
    // Each step done as ManualSteps' table says (the acts the tour and 見本 perform too), by a
    // person's hand: the mouse and the keys.
    QVERIFY(c.perform(QStringLiteral("9.2.2-1")));
    EXPECT_SCREEN(c, "UserInfoSelection");

    // 2. [利用者情報選択]画面で、利用登録 ボタンを押します。
    QVERIFY(c.perform(QStringLiteral("9.2.2-2")));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(!c.find<QPushButton>("inputCompleteButton")->isVisible()); // 入力完了 only after 追加

    // 3. 利用者を選択し、シリアル番号およびワンタイムパスワードを入力したあと、次へ ボタンを押します。
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), c.inputs(sample::spareCard2, kSuzuki)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.find<QLabel>("screenIdLabel")->text(), QStringLiteral("CIBMHUS33"));
    auto* list = c.find<QTableView>("listTable");
    QCOMPARE(list->model()->rowCount(), 1);

    // ● 利用登録情報を追加・変更する場合: ① 追加 ボタンを押します。
    QVERIFY(c.perform(another));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.find<QPushButton>("inputCompleteButton")->isVisible());
    // The table shows what is queued already (the manual's step-3 picture).
    auto* users = c.find<QTableView>("userTable");
    QCOMPARE(users->model()->index(0, 3).data().toString(), QStringLiteral("00-0000001-2"));
    QCOMPARE(users->model()->index(1, 3).data().toString(), QStringLiteral("-"));
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), c.inputs(sample::spareCard1, kYamada)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");

    // 入力完了: back to the list without adding anything.
    QVERIFY(c.perform(another));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.click("inputCompleteButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 2);

    QVERIFY(c.perform(another));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), c.inputs(sample::spareCard3, kTanaka)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");

    // The manual's step-4 list: 鈴木, 田中, 山田.
    list = c.find<QTableView>("listTable");
    QCOMPARE(list->model()->rowCount(), 3);
    QCOMPARE(list->model()->index(0, 1).data().toString(), kSuzuki);
    QCOMPARE(list->model()->index(0, 2).data().toString(), QStringLiteral("00-0000001-2"));
    QCOMPARE(list->model()->index(1, 1).data().toString(), kTanaka);
    QCOMPARE(list->model()->index(1, 2).data().toString(), QStringLiteral("00-0000001-3"));
    QCOMPARE(list->model()->index(2, 1).data().toString(), kYamada);
    QCOMPARE(list->model()->index(2, 2).data().toString(), QStringLiteral("00-0000001-1"));

    // ● 利用登録情報を削除する場合: 対象の情報を選択して、② 削除 ボタンを押します (the lower one).
    QVERIFY(c.tickRow(kTanaka));
    QVERIFY(c.click("removeButtonBottom"));
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(list->model()->index(1, 1).data().toString(), kYamada);

    // Re-add 田中 次郎.
    QVERIFY(c.perform(another));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QCOMPARE(c.find<QTableView>("userTable")->model()->index(1, 3).data().toString(), QStringLiteral("-"));
    QVERIFY(c.perform(QStringLiteral("9.2.2-3"), c.inputs(sample::spareCard3, kTanaka)));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(c.find<QTableView>("listTable")->model()->rowCount(), 3);

    // 4. 契約法人確認暗証番号を入力して、OK ボタンを押すと、利用登録は完了です。
    QVERIFY(c.perform(QStringLiteral("9.2.2-4"), c.inputs()));
    // 利用登録情報の一覧の情報が反映されて、[利用者情報選択]画面に戻ります。
    EXPECT_SCREEN(c, "UserInfoSelection");

    // The store holds exactly the three new registrations; the old tokens are released.
    QCOMPARE(c.f.serialOf(kSuzuki), sample::spareCard2);
    QCOMPARE(c.f.serialOf(kTanaka), sample::spareCard3);
    QCOMPARE(c.f.serialOf(kYamada), sample::spareCard1);
    const auto raw = c.f.raw();
    QSqlQuery q = raw->exec(
        QStringLiteral("SELECT t.serial FROM registrations r JOIN tokens t ON t.id = r.token_id ORDER BY t.serial"));
    QStringList registered;
    while (q.next())
        registered << q.value(0).toString();
    QCOMPARE(registered, (QStringList { sample::spareCard1, sample::spareCard2, sample::spareCard3 }));
    QSqlQuery old = raw->exec(QStringLiteral("SELECT COUNT(*) FROM tokens WHERE status = 'available' AND serial "
                                             "IN ('0000000001', '0000000002', '0000000003')"));
    QVERIFY(old.next());
    QCOMPARE(old.value(0).toInt(), 3);
    QCOMPARE(c.f.store->auditLog().entries().last().action, QStringLiteral("registration.committed"));
    // And the 利用者情報選択 table shows them.
    auto* table = c.find<QTableView>("usersTable");
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("00-0000001-2"));
}

QTEST_MAIN(TestWalkthrough922)
#include "tst_walkthrough_9_2_2.moc"
