#include "TestSupport.h"

#include "store/TokenTable.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QString kPin = sample::pin;
const QString kSuzuki = QStringLiteral("鈴木 花子");
const QString kTanaka = QStringLiteral("田中 次郎");
const QString kYamada = QStringLiteral("山田 太郎");

// Everything a registration can touch, as text, to compare "before" with "after".
// `masked` columns are left out (e.g. a failure counter that is meant to move).
QString dump(const Fixture& f, const QStringList& masked = {})
{
    return f.raw()->dump({ QStringLiteral("corporations"), QStringLiteral("users"), QStringLiteral("tokens"),
                             QStringLiteral("registrations") },
        masked);
}

int auditCount(Store& store, const QString& action)
{
    int n = 0;
    for (const AuditEntry& e : store.auditLog().entries())
        n += e.action == action;
    return n;
}

QString tokenStatus(const Fixture& f, const QString& serial)
{
    return f.raw()->scalar(QStringLiteral("SELECT status FROM tokens WHERE serial = ?"), { serial }).toString();
}

} // namespace

class TestRegistrationService final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modeChangeCancelsEveryRegistrationAndIsAudited();
    void sameModeKeepsRegistrations();
    void theStateReadDoesNotCountRegistrations();
    void modeChangeWithWrongPinChangesNothingAndCounts();
    void sharedRegistration();
    void sharedRegistrationReplacesTheSharedToken();
    void operationsOfTheOtherModeAreRefused();
    void queueAddsInUserOrderAndReplacesQueuedUser();
    void queueRemove();
    void serialQueuedForAnotherUserIsRefused();
    void serialHeldByAnotherUserIsRefused();
    void newTokenReleasesTheCurrentOneOnOk();
    void commitIsOneTransaction();
    void commitFailingHalfWayLeavesStoreAsBefore();
    void emptyQueueIsRefused();
    void formatErrorsAreNotCounted();
    void failuresArePersistedAtOnceAndCancelDoesNotReset();
    void lockoutAtTheLimitSurvivesRestart();
    void replayedOtpIsRefusedAndCounted();
    void wrongPinIsCountedSeparately();
    void successResetsTheCounters();
    void unlockNeedsTheStaffCredential();
    void twoDesktopsShareCountersAndLockout();
    void hotpTokenCounterAdvances();
    void totpDriftIsBounded();
};

void TestRegistrationService::modeChangeCancelsEveryRegistrationAndIsAudited()
{
    Fixture f;
    QCOMPARE(f.service->corporation().value().registeredTokens, 3);
    QSignalSpy changed(f.service.get(), &RegistrationService::corporationChanged);
    const Outcome o = f.service->changeUsageMode(UsageMode::Shared, kPin);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(f.service->corporation().value().mode, UsageMode::Shared);
    QCOMPARE(f.service->corporation().value().registeredTokens, 0);
    for (const UserInfo& u : f.service->users().value_or(QList<UserInfo> {}))
        QVERIFY(u.currentSerial.isEmpty());
    QCOMPARE(tokenStatus(f, sample::yamadaCard), QStringLiteral("available"));
    QCOMPARE(auditCount(*f.store, QStringLiteral("usage_mode.changed")), 1);
    QVERIFY(f.store->auditLog().entries().last().details.contains(QStringLiteral("registrations_cancelled=3")));
    QVERIFY(changed.count() >= 1);
    QVERIFY(f.store->auditLog().verify().ok);
}

// What each step checks (suspended, counters, mode) is read without counting the corporation's
// registrations; the count is -1 there, never a 0 that could be shown as "none registered".
void TestRegistrationService::theStateReadDoesNotCountRegistrations()
{
    Fixture f;
    const CorporationInfo full = f.service->corporation().value();
    const CorporationInfo state = f.service->corporationState().value();
    QCOMPARE(full.registeredTokens, 3);
    QCOMPARE(state.registeredTokens, -1);
    QCOMPARE(state.id, full.id);
    QCOMPARE(state.code, full.code);
    QCOMPARE(state.mode, full.mode);
    QCOMPARE(state.suspended, full.suspended);
    QVERIFY(state.stateIntact);
    QVERIFY(TokenTable::any(*f.store));
}

void TestRegistrationService::sameModeKeepsRegistrations()
{
    Fixture f;
    QVERIFY(f.service->changeUsageMode(UsageMode::Individual, kPin).ok());
    QCOMPARE(f.service->corporation().value().registeredTokens, 3);
    QCOMPARE(auditCount(*f.store, QStringLiteral("usage_mode.confirmed")), 1);
}

void TestRegistrationService::modeChangeWithWrongPinChangesNothingAndCounts()
{
    Fixture f;
    const QStringList counter { QStringLiteral("pin_failures"), QStringLiteral("state_mac") };
    const QString before = dump(f, counter);
    const QString beforeWhole = dump(f);
    const Outcome o = f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong123"));
    QCOMPARE(o.error, ServiceError::WrongPin);
    QCOMPARE(o.remainingAttempts, 4);
    QVERIFY(o.message.contains(QStringLiteral("契約法人確認暗証番号が正しくありません")));
    QCOMPARE(f.service->corporation().value().mode, UsageMode::Individual);
    QCOMPARE(f.service->corporation().value().registeredTokens, 3);
    QCOMPARE(f.service->corporation().value().pinFailures, 1);
    QCOMPARE(dump(f, counter), before); // only the counter (and the MAC sealing it) moved
    QVERIFY(dump(f) != beforeWhole);
    // A PIN that breaks the input rules is refused before it is checked, and not counted.
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("ab")).error, ServiceError::InvalidInput);
    QCOMPARE(f.service->corporation().value().pinFailures, 1);
}

void TestRegistrationService::sharedRegistration()
{
    Fixture f;
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, kPin).ok());
    const Outcome next = f.service->checkSharedToken(sample::spareCard4, f.otpFor(sample::spareCard4));
    QVERIFY2(next.ok(), qPrintable(next.message));
    QVERIFY(f.service->pendingShared());
    QCOMPARE(f.service->sharedSerial().value(), QString()); // nothing saved before OK
    QVERIFY(f.service->commitShared(kPin).ok());
    QCOMPARE(f.service->sharedSerial().value(), sample::spareCard4);
    QCOMPARE(f.service->corporation().value().registeredTokens, 1);
    QCOMPARE(tokenStatus(f, sample::spareCard4), QStringLiteral("registered"));
    QVERIFY(!f.service->pendingShared());
    QCOMPARE(auditCount(*f.store, QStringLiteral("token.registered")), 1);
}

void TestRegistrationService::sharedRegistrationReplacesTheSharedToken()
{
    Fixture f;
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, kPin).ok());
    QVERIFY(f.service->checkSharedToken(sample::spareCard4, f.otpFor(sample::spareCard4)).ok());
    QVERIFY(f.service->commitShared(kPin).ok());
    QVERIFY(f.service->checkSharedToken(sample::spareCard1, f.otpFor(sample::spareCard1)).ok());
    QVERIFY(f.service->commitShared(kPin).ok());
    QCOMPARE(f.service->sharedSerial().value(), sample::spareCard1);
    QCOMPARE(f.service->corporation().value().registeredTokens, 1);
    QCOMPARE(tokenStatus(f, sample::spareCard4), QStringLiteral("available"));
}

void TestRegistrationService::operationsOfTheOtherModeAreRefused()
{
    Fixture f;
    QCOMPARE(
        f.service->checkSharedToken(sample::spareCard4, f.otpFor(sample::spareCard4)).error, ServiceError::WrongMode);
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, kPin).ok());
    QCOMPARE(f.enqueue(kSuzuki, sample::spareCard2).error, ServiceError::WrongMode);
    QCOMPARE(f.service->commitShared(kPin).error, ServiceError::NothingPending);
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
}

void TestRegistrationService::queueAddsInUserOrderAndReplacesQueuedUser()
{
    Fixture f;
    QSignalSpy inserted(f.service.get(), &RegistrationService::queueInserted);
    QSignalSpy changed(f.service.get(), &RegistrationService::queueRowChanged);
    // Added in the manual's order of work: 鈴木, 山田, then 田中 — listed in the users' order.
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    QVERIFY(f.enqueue(kYamada, sample::spareCard1).ok());
    QVERIFY(f.enqueue(kTanaka, sample::spareCard3).ok());
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(0).toInt(), 1); // 田中 goes between 鈴木 and 山田
    const QList<QueuedRegistration>& q = f.service->queue();
    QCOMPARE(q.size(), 3);
    QCOMPARE(q[0].userName, kSuzuki);
    QCOMPARE(q[1].userName, kTanaka);
    QCOMPARE(q[2].userName, kYamada);
    // Choosing a queued user again replaces the entry (追加・変更).
    f.clock.advanceSecs(30);
    QVERIFY(f.enqueue(kTanaka, sample::spareCard4).ok());
    QCOMPARE(f.service->queue().size(), 3);
    QCOMPARE(f.service->queue()[1].serial, sample::spareCard4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 1);
    // Nothing is saved until OK.
    QCOMPARE(f.serialOf(kTanaka), sample::tanakaCard);
}

void TestRegistrationService::queueRemove()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    QVERIFY(f.enqueue(kYamada, sample::spareCard1).ok());
    QSignalSpy removed(f.service.get(), &RegistrationService::queueRemoved);
    f.service->removeFromQueue({ f.userId(kSuzuki), 999999 });
    QCOMPARE(removed.count(), 1);
    QCOMPARE(f.service->queue().size(), 1);
    QCOMPARE(f.service->queue()[0].userName, kYamada);
    // The removed serial is free to queue again, for anyone.
    QVERIFY(
        f.service->enqueue(f.userId(kTanaka), sample::spareCard2, f.otpFor(sample::spareCard2, f.clock.nowSecs() + 30))
            .ok());
}

void TestRegistrationService::serialQueuedForAnotherUserIsRefused()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    f.clock.advanceSecs(30);
    const Outcome o = f.enqueue(kYamada, sample::spareCard2);
    QCOMPARE(o.error, ServiceError::SerialQueuedForOther);
    QVERIFY(o.message.contains(kSuzuki));
    QVERIFY(o.message.contains(QStringLiteral("00-0000001-2")));
    QCOMPARE(f.service->queue().size(), 1);
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
}

void TestRegistrationService::serialHeldByAnotherUserIsRefused()
{
    Fixture f;
    const Outcome o = f.enqueue(kSuzuki, sample::yamadaCard);
    QCOMPARE(o.error, ServiceError::SerialHeldByOther);
    QVERIFY(o.message.contains(kYamada));
    QVERIFY(f.service->queue().isEmpty());
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
}

void TestRegistrationService::newTokenReleasesTheCurrentOneOnOk()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    QCOMPARE(tokenStatus(f, sample::suzukiCard), QStringLiteral("registered"));
    QVERIFY(f.service->commitQueue(kPin).ok());
    QCOMPARE(f.serialOf(kSuzuki), sample::spareCard2);
    QCOMPARE(tokenStatus(f, sample::suzukiCard), QStringLiteral("available"));
    QCOMPARE(tokenStatus(f, sample::spareCard2), QStringLiteral("registered"));
    QVERIFY(f.store->auditLog().entries().last().action == QStringLiteral("registration.committed"));
}

void TestRegistrationService::commitIsOneTransaction()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    QVERIFY(f.enqueue(kTanaka, sample::spareCard3).ok());
    QVERIFY(f.enqueue(kYamada, sample::spareCard1).ok());
    QVERIFY(f.service->commitQueue(kPin).ok());
    QVERIFY(f.service->queue().isEmpty());
    QCOMPARE(f.serialOf(kSuzuki), sample::spareCard2);
    QCOMPARE(f.serialOf(kTanaka), sample::spareCard3);
    QCOMPARE(f.serialOf(kYamada), sample::spareCard1);
    QCOMPARE(f.service->corporation().value().registeredTokens, 3);
    QCOMPARE(auditCount(*f.store, QStringLiteral("token.registered")), 3);
}

void TestRegistrationService::commitFailingHalfWayLeavesStoreAsBefore()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    QVERIFY(f.enqueue(kTanaka, sample::spareCard3).ok());
    QVERIFY(f.enqueue(kYamada, sample::spareCard1).ok());
    // The fault: the database refuses the third entry's row, after two have been written.
    QVERIFY(f.raw()->ok(QStringLiteral("CREATE TRIGGER injected_fault BEFORE INSERT ON registrations"
                                       " WHEN NEW.user_id = %1 BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
                            .arg(f.userId(kYamada))));
    const QString before = dump(f);
    const int auditBefore = static_cast<int>(f.store->auditLog().entries().size());
    const Outcome o = f.service->commitQueue(kPin);
    QCOMPARE(o.error, ServiceError::StoreFailure);
    QVERIFY(o.message.contains(QStringLiteral("利用登録は行われませんでした")));
    QCOMPARE(dump(f), before);
    QCOMPARE(f.store->auditLog().entries().size(), auditBefore);
    QCOMPARE(f.service->queue().size(), 3); // the list is kept: nothing the user typed is lost
    // Once the fault is gone, the same list commits.
    QVERIFY(f.raw()->ok(QStringLiteral("DROP TRIGGER injected_fault")));
    QVERIFY(f.service->commitQueue(kPin).ok());
    QCOMPARE(f.serialOf(kYamada), sample::spareCard1);
}

void TestRegistrationService::emptyQueueIsRefused()
{
    Fixture f;
    const Outcome o = f.service->commitQueue(kPin);
    QCOMPARE(o.error, ServiceError::EmptyQueue);
    QVERIFY(o.message.contains(QStringLiteral("利用登録情報がありません")));
    QCOMPARE(f.service->corporation().value().pinFailures, 0);
}

void TestRegistrationService::formatErrorsAreNotCounted()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    Outcome o = f.service->enqueue(suzuki, QStringLiteral("00-0000001-2"), f.otpFor(sample::spareCard2));
    QCOMPARE(o.error, ServiceError::InvalidInput);
    QCOMPARE(o.field, InputField::Serial);
    QCOMPARE(o.message, QStringLiteral("シリアル番号は、ハイフンを除いた数字のみで入力してください。"));
    o = f.service->enqueue(suzuki, QStringLiteral("００００００００１２"), f.otpFor(sample::spareCard2));
    QCOMPARE(o.inputError, InputError::FullWidthDigits);
    o = f.service->enqueue(suzuki, sample::spareCard2, QStringLiteral("12345"));
    QCOMPARE(o.field, InputField::Otp);
    QCOMPARE(f.service->enqueue(0, sample::spareCard2, f.otpFor(sample::spareCard2)).error, ServiceError::NoUserChosen);
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
    // With the setting on, full-width digits are accepted as the same serial.
    StoreSettings s = f.store->settings();
    s.normaliseFullWidth = true;
    QVERIFY(f.store->saveSettings(s));
    QVERIFY(f.service->enqueue(suzuki, QStringLiteral("００００００００１２"), f.otpFor(sample::spareCard2)).ok());
    QCOMPARE(f.service->queue()[0].serial, sample::spareCard2);
}

void TestRegistrationService::failuresArePersistedAtOnceAndCancelDoesNotReset()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    Outcome o = f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QCOMPARE(o.error, ServiceError::WrongSerialOrOtp);
    QCOMPARE(o.remainingAttempts, 4);
    QVERIFY(o.message.contains(QStringLiteral("シリアル番号またはワンタイムパスワードが正しくありません")));
    o = f.service->enqueue(suzuki, QStringLiteral("9999999999"), f.otpFor(sample::spareCard2)); // unknown serial
    QCOMPARE(o.error, ServiceError::WrongSerialOrOtp);
    QCOMPARE(o.remainingAttempts, 3);
    f.service->discardPending(); // キャンセル
    QCOMPARE(f.service->corporation().value().otpFailures, 2);
    f.restart();
    QCOMPARE(f.service->corporation().value().otpFailures, 2);
    QCOMPARE(auditCount(*f.store, QStringLiteral("token.failure")), 2);
}

void TestRegistrationService::lockoutAtTheLimitSurvivesRestart()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    QSignalSpy suspended(f.service.get(), &RegistrationService::suspended);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2)).error,
            ServiceError::WrongSerialOrOtp);
    const Outcome fifth = f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QCOMPARE(fifth.error, ServiceError::Suspended);
    QVERIFY(fifth.message.contains(QStringLiteral("利用中止状態になりました")));
    QCOMPARE(suspended.count(), 1);
    QVERIFY(f.service->isSuspended());
    QCOMPARE(auditCount(*f.store, QStringLiteral("corporation.suspended")), 1);
    f.restart();
    QVERIFY(f.service->corporation().value().suspended);
    QCOMPARE(f.service->corporation().value().suspendedReason, SuspensionReason::Otp);
    // Nothing can be registered, not even with the right OTP and PIN.
    QCOMPARE(
        f.service->enqueue(suzuki, sample::spareCard2, f.otpFor(sample::spareCard2)).error, ServiceError::Suspended);
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, kPin).error, ServiceError::Suspended);
    QCOMPARE(f.service->commitQueue(kPin).error, ServiceError::Suspended);
    QCOMPARE(f.service->corporation().value().registeredTokens, 3);
}

void TestRegistrationService::replayedOtpIsRefusedAndCounted()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    const QString otp = f.otpFor(sample::spareCard2);
    QVERIFY(f.service->enqueue(suzuki, sample::spareCard2, otp).ok());
    QVERIFY(f.service->commitQueue(kPin).ok());
    f.clock.advanceSecs(10); // same time step, the code is still on the card's display
    const Outcome o = f.service->enqueue(suzuki, sample::spareCard2, otp);
    QCOMPARE(o.error, ServiceError::WrongSerialOrOtp);
    QCOMPARE(f.service->corporation().value().otpFailures, 1);
    // The next time step's code is fine.
    f.clock.advanceSecs(30);
    QVERIFY(f.service->enqueue(suzuki, sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
}

void TestRegistrationService::wrongPinIsCountedSeparately()
{
    Fixture f;
    QVERIFY(f.enqueue(kSuzuki, sample::spareCard2).ok());
    for (int i = 1; i <= 4; ++i) {
        const Outcome o = f.service->commitQueue(QStringLiteral("wrong%1").arg(i));
        QCOMPARE(o.error, ServiceError::WrongPin);
        QCOMPARE(o.remainingAttempts, 5 - i);
    }
    QCOMPARE(f.service->corporation().value().pinFailures, 4);
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
    QCOMPARE(f.service->queue().size(), 1); // a wrong PIN loses nothing
    const Outcome fifth = f.service->commitQueue(QStringLiteral("wrong5"));
    QCOMPARE(fifth.error, ServiceError::Suspended);
    QCOMPARE(f.service->corporation().value().suspendedReason, SuspensionReason::Pin);
    QCOMPARE(auditCount(*f.store, QStringLiteral("pin.failure")), 5);
}

void TestRegistrationService::successResetsTheCounters()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QVERIFY(f.service->enqueue(suzuki, sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    f.service->commitQueue(QStringLiteral("wrong1"));
    QCOMPARE(f.service->corporation().value().otpFailures, 1);
    QCOMPARE(f.service->corporation().value().pinFailures, 1);
    QVERIFY(f.service->commitQueue(kPin).ok());
    QCOMPARE(f.service->corporation().value().otpFailures, 0);
    QCOMPARE(f.service->corporation().value().pinFailures, 0);
}

void TestRegistrationService::unlockNeedsTheStaffCredential()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    for (int i = 0; i < 5; ++i)
        f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QVERIFY(f.service->isSuspended());
    QCOMPARE(f.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("wrong")).error,
        ServiceError::WrongStaffCredential);
    QCOMPARE(
        f.service->unlock(QStringLiteral("nobody"), sample::staffCredential).error, ServiceError::WrongStaffCredential);
    // The corporation's own PIN is not a help-desk credential.
    QCOMPARE(f.service->unlock(QStringLiteral("helpdesk"), kPin).error, ServiceError::WrongStaffCredential);
    QVERIFY(f.service->isSuspended());
    QCOMPARE(auditCount(*f.store, QStringLiteral("unlock.denied")), 3);
    QVERIFY(f.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    const CorporationInfo c = f.service->corporation().value();
    QVERIFY(!c.suspended);
    QCOMPARE(c.otpFailures, 0);
    QCOMPARE(c.pinFailures, 0);
    QCOMPARE(f.store->auditLog().entries().last().action, QStringLiteral("corporation.unlocked"));
    QCOMPARE(f.store->auditLog().entries().last().actor, QStringLiteral("staff:helpdesk"));
    // Nothing to lift: the same answer whatever the credential, so it tells nothing about it, and
    // no attempt is counted or evaluated.
    const int denied = auditCount(*f.store, QStringLiteral("unlock.denied"));
    const Outcome right = f.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential);
    const Outcome wrong = f.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("wrong"));
    const Outcome unknown = f.service->unlock(QStringLiteral("nobody"), QStringLiteral("x"));
    QCOMPARE(right.error, ServiceError::NotSuspended);
    QCOMPARE(wrong.error, right.error);
    QCOMPARE(wrong.message, right.message);
    QCOMPARE(unknown.message, right.message);
    QCOMPARE(auditCount(*f.store, QStringLiteral("unlock.denied")), denied);
    QVERIFY(f.service->enqueue(suzuki, sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
}

void TestRegistrationService::twoDesktopsShareCountersAndLockout()
{
    Fixture f;
    Store second(f.clock);
    QVERIFY(second.openSqlite(f.dbPath()));
    RegistrationService other(second);
    QVERIFY(other.selectCorporation());
    const qint64 suzuki = f.userId(kSuzuki);
    for (int i = 0; i < 3; ++i)
        f.service->enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    for (int i = 0; i < 2; ++i)
        other.enqueue(suzuki, sample::spareCard2, f.wrongOtpFor(sample::spareCard2));
    QVERIFY(f.service->isSuspended());
    QVERIFY(other.isSuspended());
}

void TestRegistrationService::hotpTokenCounterAdvances()
{
    Fixture f;
    const qint64 suzuki = f.userId(kSuzuki);
    OtpGenerator g;
    const QByteArray seed = QByteArrayLiteral("training-seed-0000000031");
    // The card's button was pressed three times before the code was typed: inside the look-ahead.
    QVERIFY(f.service->enqueue(suzuki, sample::hotpCard, g.hotp(seed, 3)).ok());
    QVERIFY(f.service->commitQueue(kPin).ok());
    QCOMPARE(
        f.raw()->scalar(QStringLiteral("SELECT next_counter FROM tokens WHERE serial = '0000000031'")).toLongLong(), 4);
    QCOMPARE(f.service->enqueue(suzuki, sample::hotpCard, g.hotp(seed, 3)).error, ServiceError::WrongSerialOrOtp);
}

void TestRegistrationService::totpDriftIsBounded()
{
    // A card whose clock runs ahead, with the console's clock standing still: each registration
    // may follow the card one step further, but never beyond the documented bound (±2 steps).
    Fixture f;
    const QString serial = sample::spareCard2;
    const qint64 now = f.clock.nowSecs();
    for (int ahead = 1; ahead <= 2; ++ahead) {
        QVERIFY(f.service->enqueue(f.userId(kSuzuki), serial, f.otpFor(serial, now + ahead * 30)).ok());
        QVERIFY(f.service->commitQueue(kPin).ok());
        QCOMPARE(
            f.raw()->scalar(QStringLiteral("SELECT drift FROM tokens WHERE serial = ?"), { serial }).toInt(), ahead);
    }
    for (int ahead = 3; ahead <= 6; ++ahead) {
        const Outcome o = f.service->enqueue(f.userId(kSuzuki), serial, f.otpFor(serial, now + ahead * 30));
        QCOMPARE(o.error, ServiceError::WrongSerialOrOtp);
    }
    QCOMPARE(f.raw()->scalar(QStringLiteral("SELECT drift FROM tokens WHERE serial = ?"), { serial }).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestRegistrationService)
#include "tst_registrationservice.moc"
