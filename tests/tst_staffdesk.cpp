// The 管理 menu's acts in the model: each signs the staff member in, needs a reason, is audited,
// and only a 管理者 manages staff accounts.
#include "TestSupport.h"

#include "core/Crypto.h"
#include "desk/StaffDesk.h"
#include "desk/StaffSignIn.h"
#include "store/CorporationInfo.h"
#include "store/CorporationTable.h"
#include "store/TokenTable.h"

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
const StaffCredential kHelpdesk { QStringLiteral("helpdesk"), sample::staffCredential };
const StaffCredential kAdmin { QStringLiteral("admin"), QStringLiteral("Admin-2023!") };
const QString kReason = QStringLiteral("窓口で本人確認済み");

void addAdmin(Fixture& f)
{
    QVERIFY(StaffTable::insert(*f.store, kAdmin.login, QStringLiteral("管理 太郎"),
        crypto::hashSecret(kAdmin.credential, { 10, 8, 1 }), StaffTable::Role::Admin));
}

bool audited(const Store& store, const QString& action, const QString& detail)
{
    const QList<AuditEntry> entries = store.auditLog().entries();
    return std::any_of(entries.cbegin(), entries.cend(),
        [&](const AuditEntry& e) { return e.action == action && e.details.contains(detail); });
}
} // namespace

class TestStaffDesk final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void setPinReplacesTheOldOne();
    void setPinRefusesBadInputBeforeSigningIn();
    void everyActNeedsAReasonAndTheRightCredential();
    void resetCountersKeepsTheSuspension();
    void unlockLiftsAndAuditsTheReason();
    void onlyAnAdministratorAddsOrDisablesStaff();
    void aDisabledLoginSignsInNoMore();
    void onlyAnotherAdministratorLiftsASignInLock();
    void aSignInLockLapsesWhenNoAdministratorIsLeft();
    void checkCardConsumesTheCodeAndCountsWrongOnes();
    void resyncMovesAHotpCardThatRanAhead();
};

void TestStaffDesk::setPinReplacesTheOldOne()
{
    Fixture f;
    const qint64 corp = f.service->corporationId();
    StaffDesk desk(*f.store);
    QVERIFY(crypto::verifySecret(sample::pin, CorporationTable::pinHash(*f.store, corp)));
    const Outcome o = desk.setPin(corp, kHelpdesk, kReason, QStringLiteral("newPin42"), QStringLiteral("newPin42"));
    QVERIFY2(o.ok(), qPrintable(o.message));
    const QString hash = CorporationTable::pinHash(*f.store, corp);
    QVERIFY(crypto::verifySecret(QStringLiteral("newPin42"), hash));
    QVERIFY(!crypto::verifySecret(sample::pin, hash)); // the old PIN works no more
    QVERIFY(!hash.contains(QStringLiteral("newPin42")));
    QVERIFY(audited(*f.store, QStringLiteral("corporation.pin_set"), QStringLiteral("reason=") + kReason));
    for (const AuditEntry& e : f.store->auditLog().entries())
        QVERIFY(!e.details.contains(QStringLiteral("newPin42")));
}

void TestStaffDesk::setPinRefusesBadInputBeforeSigningIn()
{
    Fixture f;
    const qint64 corp = f.service->corporationId();
    StaffDesk desk(*f.store);
    const QString before = CorporationTable::pinHash(*f.store, corp);
    QCOMPARE(desk.setPin(corp, kHelpdesk, kReason, QStringLiteral("ab"), QStringLiteral("ab")).error,
        ServiceError::InvalidInput);
    QCOMPARE(desk.setPin(corp, kHelpdesk, kReason, QStringLiteral("newPin42"), QStringLiteral("newPin43")).error,
        ServiceError::Mismatch);
    QCOMPARE(
        desk.setPin(corp, kHelpdesk, kReason, QStringLiteral("ｎｅｗ１２３４"), QStringLiteral("ｎｅｗ１２３４")).error,
        ServiceError::InvalidInput);
    QCOMPARE(CorporationTable::pinHash(*f.store, corp), before);
    // None of these counted as a sign-in attempt.
    QVERIFY(!audited(*f.store, QStringLiteral("pin.set.denied"), {}));
}

void TestStaffDesk::everyActNeedsAReasonAndTheRightCredential()
{
    Fixture f;
    const qint64 corp = f.service->corporationId();
    StaffDesk desk(*f.store);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, QStringLiteral("  ")).error, ServiceError::ReasonMissing);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, QString(201, QLatin1Char('x'))).error, ServiceError::ReasonMissing);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, QStringLiteral("a\nb")).error, ServiceError::ReasonMissing);
    const Outcome wrong = desk.resetCounters(corp, { kHelpdesk.login, QStringLiteral("nope") }, kReason);
    QCOMPARE(wrong.error, ServiceError::WrongStaffCredential);
    QVERIFY(audited(*f.store, QStringLiteral("counters.reset.denied"), QStringLiteral("reason=credential")));
    // Five wrong: the login is locked, the right credential is refused too (not bypassed by a restart).
    for (int i = 0; i < 4; ++i)
        desk.resetCounters(corp, { kHelpdesk.login, QStringLiteral("nope") }, kReason);
    f.restart();
    StaffDesk again(*f.store);
    QCOMPARE(again.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential);
    QVERIFY(audited(*f.store, QStringLiteral("staff.locked"), {}));
}

void TestStaffDesk::resetCountersKeepsTheSuspension()
{
    Fixture f(loadScenario(QStringLiteral("resources/scenarios/suspended.json")),
        sourcePath(QStringLiteral("resources/scenarios/suspended.json")));
    const qint64 corp = f.service->corporationId();
    QVERIFY(f.service->corporation().value().suspended);
    StaffDesk desk(*f.store);
    const Outcome o = desk.resetCounters(corp, kHelpdesk, kReason);
    QVERIFY2(o.ok(), qPrintable(o.message));
    const CorporationInfo after = f.service->corporation().value();
    QCOMPARE(after.otpFailures, 0);
    QCOMPARE(after.pinFailures, 0);
    QVERIFY(after.suspended);
    QVERIFY(after.stateIntact);
    QVERIFY(audited(*f.store, QStringLiteral("corporation.counters_reset"), QStringLiteral("otp=5")));
}

void TestStaffDesk::unlockLiftsAndAuditsTheReason()
{
    Fixture f(loadScenario(QStringLiteral("resources/scenarios/suspended.json")),
        sourcePath(QStringLiteral("resources/scenarios/suspended.json")));
    const qint64 corp = f.service->corporationId();
    StaffDesk desk(*f.store);
    const Outcome o = desk.unlock(corp, kHelpdesk, kReason);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QVERIFY(!f.service->corporation().value().suspended);
    QVERIFY(audited(*f.store, QStringLiteral("corporation.unlocked"), QStringLiteral("reason=") + kReason));
    QCOMPARE(desk.unlock(corp, kHelpdesk, kReason).error, ServiceError::NotSuspended);
}

void TestStaffDesk::onlyAnAdministratorAddsOrDisablesStaff()
{
    Fixture f;
    addAdmin(f);
    StaffDesk desk(*f.store);
    const StaffTable::Account clerk { QStringLiteral("clerk1"), QStringLiteral("窓口 一郎"), StaffTable::Role::Staff,
        false };
    QCOMPARE(desk.addStaff(kHelpdesk, kReason, clerk, QStringLiteral("Clerk-0001"), QStringLiteral("Clerk-0001")).error,
        ServiceError::NotAdministrator);
    QVERIFY(audited(*f.store, QStringLiteral("staff.add.denied"), QStringLiteral("not-administrator")));
    QVERIFY(!StaffTable::find(*f.store, clerk.login));
    QCOMPARE(desk.addStaff(kAdmin, kReason, clerk, QStringLiteral("short"), QStringLiteral("short")).error,
        ServiceError::InvalidInput);
    QCOMPARE(desk.addStaff(kAdmin, kReason, clerk, QStringLiteral("Clerk-0001"), QStringLiteral("Clerk-0002")).error,
        ServiceError::Mismatch);
    const Outcome o = desk.addStaff(kAdmin, kReason, clerk, QStringLiteral("Clerk-0001"), QStringLiteral("Clerk-0001"));
    QVERIFY2(o.ok(), qPrintable(o.message));
    const auto account = StaffTable::find(*f.store, clerk.login);
    QVERIFY(account);
    QCOMPARE(account->name, clerk.name);
    QCOMPARE(account->role, StaffTable::Role::Staff);
    QVERIFY(audited(*f.store, QStringLiteral("staff.created"), QStringLiteral("login=clerk1 role=staff")));
    QCOMPARE(desk.addStaff(kAdmin, kReason, clerk, QStringLiteral("Clerk-0001"), QStringLiteral("Clerk-0001")).error,
        ServiceError::AlreadyExists);
    QCOMPARE(desk.setStaffDisabled(kHelpdesk, kReason, clerk.login, true).error, ServiceError::NotAdministrator);
    QCOMPARE(desk.setStaffDisabled(kAdmin, kReason, kAdmin.login, true).error, ServiceError::InvalidInput);
    QCOMPARE(desk.setStaffDisabled(kAdmin, kReason, QStringLiteral("nobody"), true).error, ServiceError::NotFound);
}

void TestStaffDesk::aDisabledLoginSignsInNoMore()
{
    Fixture f;
    addAdmin(f);
    StaffDesk desk(*f.store);
    const qint64 corp = f.service->corporationId();
    QVERIFY(desk.setStaffDisabled(kAdmin, kReason, kHelpdesk.login, true).ok());
    QVERIFY(StaffTable::find(*f.store, kHelpdesk.login)->disabled);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential);
    QVERIFY(audited(*f.store, QStringLiteral("staff.disabled"), QStringLiteral("login=helpdesk")));
    QVERIFY(desk.setStaffDisabled(kAdmin, kReason, kHelpdesk.login, false).ok());
    // Signed in again; with no wrong entry counted there is nothing to reset, and it says so.
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::NotSuspended);
}

namespace {
// Signs `login` in wrongly until it is locked (the limit of the store's settings).
void lockOut(StaffDesk& desk, qint64 corp, const QString& login, int limit)
{
    for (int i = 0; i < limit; ++i)
        QCOMPARE(desk.resetCounters(corp, { login, QStringLiteral("wrong-password") }, kReason).error,
            ServiceError::WrongStaffCredential);
}
} // namespace

void TestStaffDesk::onlyAnotherAdministratorLiftsASignInLock()
{
    Fixture f;
    addAdmin(f);
    StaffDesk desk(*f.store);
    const qint64 corp = f.service->corporationId();
    lockOut(desk, corp, kHelpdesk.login, 5);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential); // locked
    QVERIFY(audited(*f.store, QStringLiteral("staff.locked"), QString()));
    // No sign-in, a help-desk clerk, a wrong password, no reason: refused, and nothing lifted.
    QCOMPARE(desk.resetStaffLock({ kAdmin.login, QStringLiteral("nope") }, kReason, kHelpdesk.login).error,
        ServiceError::WrongStaffCredential);
    QCOMPARE(desk.resetStaffLock(kAdmin, QString(), kHelpdesk.login).error, ServiceError::ReasonMissing);
    StaffTable::insert(*f.store, QStringLiteral("clerk"), QStringLiteral("窓口 一郎"),
        crypto::hashSecret(QStringLiteral("Clerk-2023!"), { 10, 8, 1 }), StaffTable::Role::Staff);
    QCOMPARE(
        desk.resetStaffLock({ QStringLiteral("clerk"), QStringLiteral("Clerk-2023!") }, kReason, kHelpdesk.login).error,
        ServiceError::NotAdministrator);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential); // still locked
    // An administrator cannot lift their own lock; another administrator can, audited by name.
    QCOMPARE(desk.resetStaffLock(kAdmin, kReason, kAdmin.login).error, ServiceError::InvalidInput);
    QCOMPARE(desk.resetStaffLock(kAdmin, kReason, QStringLiteral("nobody")).error, ServiceError::NotFound);
    const Outcome o = desk.resetStaffLock(kAdmin, kReason, kHelpdesk.login);
    QVERIFY2(o.ok(), qPrintable(o.message));
    const AuditEntry last = f.store->auditLog().entries().last();
    QCOMPARE(last.action, QStringLiteral("staff.reset"));
    QCOMPARE(last.actor, QStringLiteral("staff:admin"));
    QVERIFY(last.details.contains(QStringLiteral("login=helpdesk")));
    QVERIFY(last.details.contains(kReason));
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::NotSuspended); // signed in again
}

void TestStaffDesk::aSignInLockLapsesWhenNoAdministratorIsLeft()
{
    Fixture f;
    StaffDesk desk(*f.store);
    const qint64 corp = f.service->corporationId();
    QCOMPARE(f.store->settings().staffLockLapseMinutes, 60);
    lockOut(desk, corp, kHelpdesk.login, 5);
    // 59 minutes on: still locked (the right password is refused, uncounted).
    f.clock.setSecs(f.clock.nowSecs() + 59 * 60);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential);
    // An hour after the lock: it lapses, audited, and the login has its five tries again.
    f.clock.setSecs(f.clock.nowSecs() + 61);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::NotSuspended);
    QVERIFY(audited(*f.store, QStringLiteral("staff.lock_lapsed"), QStringLiteral("minutes=60")));
    // With no lapse set, only another administrator lifts it.
    StoreSettings settings = f.store->settings();
    settings.staffLockLapseMinutes = 0;
    QVERIFY(f.store->transaction([&] { return f.store->saveSettings(settings); }));
    lockOut(desk, corp, kHelpdesk.login, 5);
    f.clock.setSecs(f.clock.nowSecs() + 7 * 24 * 3600);
    QCOMPARE(desk.resetCounters(corp, kHelpdesk, kReason).error, ServiceError::WrongStaffCredential);
}

void TestStaffDesk::checkCardConsumesTheCodeAndCountsWrongOnes()
{
    Fixture f;
    StaffDesk desk(*f.store);
    const QString spare = sample::spareCard2;
    CardCheck check;
    // A spare card: it works, the code is spent, the token stays a spare.
    Outcome o = desk.checkCard(kHelpdesk, spare, f.otpFor(spare), &check);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QVERIFY(check.works);
    QVERIFY(check.holder.isEmpty());
    QCOMPARE(TokenTable::find(*f.store, spare)->status, TokenStatus::Available);
    QCOMPARE(desk.checkCard(kHelpdesk, spare, f.otpFor(spare), &check).error, ServiceError::CodeAlreadyUsed);
    // The code checked at the desk cannot be used at 次へ either (no replay).
    QCOMPARE(f.enqueue(QStringLiteral("鈴木 花子"), spare).error, ServiceError::WrongSerialOrOtp);
    // A registered card names its holder.
    o = desk.checkCard(kHelpdesk, sample::yamadaCard, f.otpFor(sample::yamadaCard), &check);
    QVERIFY2(o.ok(), qPrintable(o.message));
    QVERIFY(check.works);
    QVERIFY2(check.holder.contains(QStringLiteral("山田 太郎")), qPrintable(check.holder));
    // Wrong codes are counted per card and lock its checks at the limit; audited.
    const QString other = sample::spareCard3;
    const QString wrong
        = f.otpFor(other) == QStringLiteral("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    for (int i = 1; i <= 5; ++i) {
        o = desk.checkCard(kHelpdesk, other, wrong, &check);
        QVERIFY(o.ok());
        QVERIFY(!check.works);
        QCOMPARE(check.remaining, 5 - i);
    }
    QCOMPARE(desk.checkCard(kHelpdesk, other, f.otpFor(other), &check).error, ServiceError::Suspended);
    QVERIFY(audited(*f.store, QStringLiteral("card.locked"), QStringLiteral("serial=0000000013")));
    addAdmin(f);
    QVERIFY(desk.resetStaffLock(kAdmin, kReason, QStringLiteral("card:0000000013")).ok());
    QVERIFY(desk.checkCard(kHelpdesk, other, f.otpFor(other), &check).ok());
    QVERIFY(check.works);
    // Wrong staff: nothing is evaluated.
    QCOMPARE(desk.checkCard({ kHelpdesk.login, QStringLiteral("nope") }, spare, QStringLiteral("123456"), &check).error,
        ServiceError::WrongStaffCredential);
    QCOMPARE(desk.checkCard(kHelpdesk, QStringLiteral("9999999999"), QStringLiteral("123456"), &check).error,
        ServiceError::NotFound);
}

void TestStaffDesk::resyncMovesAHotpCardThatRanAhead()
{
    Fixture f;
    const QByteArray secret = QByteArrayLiteral("12345678901234567890");
    const QString serial = QStringLiteral("5000000001");
    QVERIFY(TokenTable::insert(*f.store, serial, { OtpKind::Hotp, OtpAlgorithm::Sha1, 6, 30 },
        f.store->sealSecret(secret, serial), OtpState {}, TokenStatus::Available));
    OtpGenerator gen;
    StaffDesk desk(*f.store);
    CardCheck check;
    // The button was pressed 50 times away from the desk: the look-ahead (10) does not reach it.
    QVERIFY(desk.checkCard(kHelpdesk, serial, gen.hotp(secret, 50), &check).ok());
    QVERIFY(!check.works);
    QCOMPARE(desk.resyncCard(kHelpdesk, kReason, serial, gen.hotp(secret, 51), gen.hotp(secret, 53)).error,
        ServiceError::WrongSerialOrOtp); // not consecutive
    const Outcome o = desk.resyncCard(kHelpdesk, kReason, serial, gen.hotp(secret, 51), gen.hotp(secret, 52));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(TokenTable::find(*f.store, serial)->state.nextCounter, 53u);
    QVERIFY(audited(*f.store, QStringLiteral("card.resynced"), QStringLiteral("from=0 to=53")));
    QVERIFY(desk.checkCard(kHelpdesk, serial, gen.hotp(secret, 53), &check).ok());
    QVERIFY(check.works);
    // Codes already passed cannot move it back.
    QCOMPARE(desk.resyncCard(kHelpdesk, kReason, serial, gen.hotp(secret, 51), gen.hotp(secret, 52)).error,
        ServiceError::WrongSerialOrOtp);
    QCOMPARE(desk.resyncCard(kHelpdesk, kReason, sample::spareCard2, QStringLiteral("123456"), QStringLiteral("654321"))
                 .error,
        ServiceError::InvalidInput); // TOTP
}

QTEST_GUILESS_MAIN(TestStaffDesk)
#include "tst_staffdesk.moc"
