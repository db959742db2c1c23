// The flow's state machine, driven headless with the real service.
#include "TestSupport.h"
#include "desk/RegistrationFlow.h"

#include <QSignalSpy>

#include <type_traits>

using namespace hardtoken;

// The transition triggers carry QPrivateSignal: nobody outside the flow can emit one and skip the
// guards (e.g. jump to the shared confirm screen without a checked token).
static_assert(!std::is_invocable_v<decltype(&RegistrationFlow::toSharedConfirm), RegistrationFlow&>);
static_assert(!std::is_invocable_v<decltype(&RegistrationFlow::toUserInfoSelection), RegistrationFlow&>);

using namespace hardtoken::test;

using Screen = RegistrationFlow::Screen;

class TestRegistrationFlow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void procedure91();
    void procedure921();
    void procedure922WithAddInputCompleteAndRemove();
    void inputCompleteOnlyAfterAdd();
    void cancelFromEveryProcedureScreenSavesNothing();
    void refusedActionsKeepTheScreen();
    void failureLimitMovesToSuspendedFromAnyState();
    void restartLandsOnSuspendedAndUnlockLeaves();
    void topFromAnywhere();
};

namespace {
#define EXPECT_SCREEN(flow, name) QTRY_COMPARE((flow).screenName(), QStringLiteral(name))
const QString kPin = sample::pin;

// Starts the flow and follows the link: 契約法人ステータス -> 利用者情報選択.
void toUserInfoSelection(RegistrationFlow& flow)
{
    flow.start();
    QTRY_VERIFY(flow.isRunning());
    EXPECT_SCREEN(flow, "CorporateStatus");
    flow.openUserRegistration();
    EXPECT_SCREEN(flow, "UserInfoSelection");
}

// ... -> 利用登録: the individual input screen.
void toIndividualInput(RegistrationFlow& flow)
{
    toUserInfoSelection(flow);
    QVERIFY(flow.startRegistration().ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
}
} // namespace

void TestRegistrationFlow::procedure91()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    flow.start();
    EXPECT_SCREEN(flow, "CorporateStatus");
    flow.openUserRegistration();
    EXPECT_SCREEN(flow, "UserInfoSelection");
    flow.changeMode();
    EXPECT_SCREEN(flow, "UsageModeConfirm");
    QVERIFY(flow.confirmUsageMode(UsageMode::Shared, kPin).ok());
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QCOMPARE(f.service->corporation().value().mode, UsageMode::Shared);
    QCOMPARE(f.service->corporation().value().registeredTokens, 0);
}

void TestRegistrationFlow::procedure921()
{
    Fixture f;
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, kPin).ok());
    RegistrationFlow flow(*f.service);
    toUserInfoSelection(flow);
    QVERIFY(flow.startRegistration().ok());
    EXPECT_SCREEN(flow, "SharedRegistrationInput");
    QVERIFY(flow.next(0, sample::spareCard4, f.otpFor(sample::spareCard4)).ok());
    EXPECT_SCREEN(flow, "SharedRegistrationConfirm");
    QCOMPARE(flow.confirmRegistration(QStringLiteral("wrong1")).error, ServiceError::WrongPin);
    QCOMPARE(flow.screenName(), QStringLiteral("SharedRegistrationConfirm"));
    QVERIFY(flow.confirmRegistration(kPin).ok());
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QCOMPARE(f.service->sharedSerial().value(), sample::spareCard4);
}

void TestRegistrationFlow::procedure922WithAddInputCompleteAndRemove()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    toIndividualInput(flow);
    QVERIFY(!flow.inputCompleteVisible());
    QVERIFY(flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    flow.add();
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    QVERIFY(flow.inputCompleteVisible());
    QVERIFY(flow.next(f.userId(QStringLiteral("山田 太郎")), sample::spareCard1, f.otpFor(sample::spareCard1)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    flow.add();
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    QVERIFY(flow.next(f.userId(QStringLiteral("田中 次郎")), sample::spareCard3, f.otpFor(sample::spareCard3)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    QCOMPARE(flow.remove({ f.userId(QStringLiteral("田中 次郎")) }), 1);
    QCOMPARE(flow.screenName(), QStringLiteral("IndividualRegistrationConfirm"));
    flow.add();
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    f.clock.advanceSecs(30);
    QVERIFY(flow.next(f.userId(QStringLiteral("田中 次郎")), sample::spareCard3, f.otpFor(sample::spareCard3)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    QVERIFY(flow.confirmRegistration(kPin).ok());
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QCOMPARE(f.serialOf(QStringLiteral("鈴木 花子")), sample::spareCard2);
    QCOMPARE(f.serialOf(QStringLiteral("田中 次郎")), sample::spareCard3);
    QCOMPARE(f.serialOf(QStringLiteral("山田 太郎")), sample::spareCard1);
}

void TestRegistrationFlow::inputCompleteOnlyAfterAdd()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    QSignalSpy visible(&flow, &RegistrationFlow::inputCompleteVisibleChanged);
    toIndividualInput(flow);
    QVERIFY(!flow.inputComplete()); // not shown, not allowed
    QVERIFY(flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    flow.add();
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    QCOMPARE(visible.count(), 1);
    QVERIFY(flow.inputComplete()); // back to the list, nothing added
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    QCOMPARE(f.service->queue().size(), 1);
    flow.cancel();
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QVERIFY(flow.startRegistration().ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    QVERIFY(!flow.inputCompleteVisible()); // a new procedure starts without it
}

void TestRegistrationFlow::cancelFromEveryProcedureScreenSavesNothing()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    toUserInfoSelection(flow);
    flow.changeMode();
    EXPECT_SCREEN(flow, "UsageModeConfirm");
    flow.cancel();
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QCOMPARE(f.service->corporation().value().mode, UsageMode::Individual);
    QVERIFY(flow.startRegistration().ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    flow.cancel();
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QVERIFY(flow.startRegistration().ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationInput");
    QVERIFY(flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    flow.cancel();
    EXPECT_SCREEN(flow, "UserInfoSelection");
    QVERIFY(f.service->queue().isEmpty()); // the list is discarded
    QCOMPARE(f.serialOf(QStringLiteral("鈴木 花子")), sample::suzukiCard);
}

void TestRegistrationFlow::refusedActionsKeepTheScreen()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    toIndividualInput(flow);
    QCOMPARE(flow.next(0, sample::spareCard2, f.otpFor(sample::spareCard2)).error, ServiceError::NoUserChosen);
    QCOMPARE(flow.next(f.userId(QStringLiteral("鈴木 花子")), QStringLiteral("00-0000001-2"), QStringLiteral("123456"))
                 .error,
        ServiceError::InvalidInput);
    QCOMPARE(
        flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.wrongOtpFor(sample::spareCard2)).error,
        ServiceError::WrongSerialOrOtp);
    QTest::qWait(0);
    QCOMPARE(flow.screenName(), QStringLiteral("IndividualRegistrationInput"));
    QCOMPARE(flow.confirmRegistration(kPin).error, ServiceError::WrongMode);
}

void TestRegistrationFlow::failureLimitMovesToSuspendedFromAnyState()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    toIndividualInput(flow);
    for (int i = 0; i < 4; ++i)
        flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QCOMPARE(flow.screenName(), QStringLiteral("IndividualRegistrationInput"));
    QCOMPARE(
        flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.wrongOtpFor(sample::spareCard2)).error,
        ServiceError::Suspended);
    EXPECT_SCREEN(flow, "Suspended");
    flow.goToTop();
    QTest::qWait(0);
    QCOMPARE(flow.screenName(), QStringLiteral("Suspended"));

    // Wrong PINs on the mode screen do the same.
    Fixture g;
    RegistrationFlow flow2(*g.service);
    toUserInfoSelection(flow2);
    flow2.changeMode();
    EXPECT_SCREEN(flow2, "UsageModeConfirm");
    for (int i = 0; i < 5; ++i)
        flow2.confirmUsageMode(UsageMode::Shared, QStringLiteral("wrong%1").arg(i));
    EXPECT_SCREEN(flow2, "Suspended");
}

void TestRegistrationFlow::restartLandsOnSuspendedAndUnlockLeaves()
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        f.service->enqueue(
            f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    f.restart();
    RegistrationFlow flow(*f.service);
    flow.start();
    EXPECT_SCREEN(flow, "Suspended");
    QCOMPARE(flow.unlock(QStringLiteral("helpdesk"), QStringLiteral("nope")).error, ServiceError::WrongStaffCredential);
    QCOMPARE(flow.screenName(), QStringLiteral("Suspended"));
    QVERIFY(flow.unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    EXPECT_SCREEN(flow, "CorporateStatus");
}

void TestRegistrationFlow::topFromAnywhere()
{
    Fixture f;
    RegistrationFlow flow(*f.service);
    toIndividualInput(flow);
    QVERIFY(flow.next(f.userId(QStringLiteral("鈴木 花子")), sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    EXPECT_SCREEN(flow, "IndividualRegistrationConfirm");
    flow.goToTop();
    EXPECT_SCREEN(flow, "CorporateStatus");
    QVERIFY(f.service->queue().isEmpty());
}

QTEST_GUILESS_MAIN(TestRegistrationFlow)
#include "tst_registrationflow.moc"
