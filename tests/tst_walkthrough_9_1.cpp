// Manual 9.1 カード型ハードトークンの利用形態を設定する — driven through the real widgets.
#include "GuiSupport.h"

#include <QRadioButton>

using namespace hardtoken;
using namespace hardtoken::test;

class TestWalkthrough91 final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setTheUsageMode();
};

void TestWalkthrough91::setTheUsageMode()
{
    Console c;
    QCOMPARE(c.f.service->corporation().value().registeredTokens, 3);

    // Each step done as ManualSteps' table says (the acts the tour and 見本 perform too), by a
    // person's hand: the mouse and the keys.
    // 1. [契約法人ステータス]画面で、[契約法人管理情報変更]-[利用者情報登録/変更]リンクをクリックします。
    EXPECT_SCREEN(c, "CorporateStatus");
    QVERIFY(c.perform(QStringLiteral("9.1-1")));
    EXPECT_SCREEN(c, "UserInfoSelection");

    // 2. [利用者情報選択]画面で、変更 ボタンを押します。
    QVERIFY(c.perform(QStringLiteral("9.1-2")));
    EXPECT_SCREEN(c, "UsageModeConfirm");

    // 3. 利用形態を選択して、契約法人確認暗証番号を入力したあと、OK ボタンを押します。
    // The two ⚠️ warnings are on the screen, and the count of registrations that will go.
    QVERIFY(c.find<QLabel>("cautionText1")->isVisible());
    QVERIFY(c.find<QLabel>("cautionText1")
                ->text()
                .contains(QStringLiteral("グループ内で同じトークンを共有するという利用形態はありません")));
    QVERIFY(c.find<QLabel>("cautionText2")->isVisible());
    QCOMPARE(c.find<QLabel>("cautionText2")->text(),
        QStringLiteral("・利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。"));
    QVERIFY(c.find<QRadioButton>("individualRadio")->isChecked()); // the current mode is preselected
    StepInputs shared = c.inputs();
    shared.mode = UsageMode::Shared;
    QVERIFY(c.perform(QStringLiteral("9.1-3"), shared, Console::Part::Filling));
    QVERIFY(c.find<QRadioButton>("sharedRadio")->isChecked());
    QVERIFY(
        c.find<QLabel>("cautionCurrent")->text().contains(QStringLiteral("3 個のトークンの利用登録が解除されます")));
    QCOMPARE(c.find<QLineEdit>("pinEdit")->text(), sample::pin);
    QCOMPARE(c.find<QLineEdit>("pinEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(c.perform(QStringLiteral("9.1-3"), shared, Console::Part::Leaving));
    // 利用形態の設定が完了して、[利用者情報選択]画面に戻ります。
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.message().contains(QStringLiteral("利用形態の設定が完了しました")));
    QCOMPARE(c.find<QLabel>("usageModeValue")->text(), QStringLiteral("全ての利用者が同じトークンを利用する"));

    // What the store holds: the mode, no registrations, and the audit entry.
    const CorporationInfo corp = c.f.service->corporation().value();
    QCOMPARE(corp.mode, UsageMode::Shared);
    QCOMPARE(corp.registeredTokens, 0);
    for (const UserInfo& u : c.f.service->users().value_or(QList<UserInfo> {}))
        QVERIFY(u.currentSerial.isEmpty());
    const QList<AuditEntry> audit = c.f.store->auditLog().entries();
    QCOMPARE(audit.last().action, QStringLiteral("usage_mode.changed"));
    QVERIFY(audit.last().details.contains(QStringLiteral("registrations_cancelled=3")));
    QVERIFY(c.f.store->auditLog().verify().ok);
}

QTEST_MAIN(TestWalkthrough91)
#include "tst_walkthrough_9_1.moc"
