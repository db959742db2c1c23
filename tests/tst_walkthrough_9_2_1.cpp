// Manual 9.2.1 全ての利用者が同じトークンを利用する場合 — driven through the real widgets.
#include "GuiSupport.h"

#include <QSqlQuery>

using namespace hardtoken;
using namespace hardtoken::test;

class TestWalkthrough921 final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registerTheSharedToken();
};

namespace {
Scenario sharedScenario()
{
    Scenario s = manualScenario();
    s.mode = UsageMode::Shared;
    for (auto& t : s.tokens)
        t.holder.clear();
    return s;
}
} // namespace

void TestWalkthrough921::registerTheSharedToken()
{
    Console c(sharedScenario());
    QCOMPARE(c.f.service->corporation().value().registeredTokens, 0);

    // 1. [契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。
    EXPECT_SCREEN(c, "CorporateStatus");
    // Each step done as ManualSteps' table says (the acts the tour and 見本 perform too), by a
    // person's hand: the mouse and the keys.
    QVERIFY(c.perform(QStringLiteral("9.2.1-1")));
    EXPECT_SCREEN(c, "UserInfoSelection");

    // 2. [利用者情報選択]画面で、利用登録 ボタンを押します。
    QVERIFY(c.perform(QStringLiteral("9.2.1-2")));
    EXPECT_SCREEN(c, "SharedRegistrationInput");

    // 3. シリアル番号およびワンタイムパスワードを入力したあと、次へ ボタンを押します。
    QVERIFY(c.find<QLabel>("cautionBoxText2")->text().contains(QStringLiteral("利用中止状態になります")));
    QVERIFY(
        c.find<QLabel>("memoText1")->text().contains(QStringLiteral("利用登録用ワンタイムパスワードを発行するボタン")));
    QCOMPARE(c.find<QLabel>("serialHint")->text(), QStringLiteral("(半角数字10桁)"));
    QCOMPARE(c.find<QLabel>("otpHint")->text(), QStringLiteral("(半角数字6桁)"));
    QVERIFY(c.perform(QStringLiteral("9.2.1-3"), c.inputs(sample::spareCard4))); // the code the card shows now
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    QCOMPARE(c.find<QLabel>("serialValue")->text(), QStringLiteral("00-0000002-1"));
    QCOMPARE(c.f.service->sharedSerial().value(), QString()); // nothing saved yet

    // 4. 契約法人確認暗証番号を入力して、OK ボタンを押すと、利用登録は完了です。
    // (entered with the ソフトウェアキーボード this time)
    QVERIFY(c.typePinWithKeyboard(sample::pin));
    QVERIFY(c.perform(QStringLiteral("9.2.1-4"), c.inputs(), Console::Part::Leaving));

    // 利用登録の完了後、[利用者情報選択]画面に戻ります。
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.message().contains(QStringLiteral("利用登録が完了しました")));
    QVERIFY(c.find<QLabel>("registrationValue")->text().contains(QStringLiteral("00-0000002-1")));

    // What the store holds: the shared registration, the token's accepted time step, the audit.
    QCOMPARE(c.f.service->sharedSerial().value(), sample::spareCard4);
    QCOMPARE(c.f.service->corporation().value().registeredTokens, 1);
    const auto raw = c.f.raw();
    QSqlQuery q = raw->exec(QStringLiteral("SELECT status, last_step FROM tokens WHERE serial = '0000000021'"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("registered"));
    QCOMPARE(q.value(1).toLongLong(), c.f.clock.nowSecs() / 60);
    QCOMPARE(c.f.store->auditLog().entries().last().action, QStringLiteral("token.registered"));
}

QTEST_MAIN(TestWalkthrough921)
#include "tst_walkthrough_9_2_1.moc"
