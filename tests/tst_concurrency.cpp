// Several desktops on one store, as branches sharing it will be: worker processes
// (concurrency_worker.cpp) released together on SQLite and on PostgreSQL. Every test prints its
// counts; one process passing proves nothing about two desktops.
#include "SharedStoreSupport.h"

#include "core/Crypto.h"
#include "desk/StaffSignIn.h"
#include "store/AuditLog.h"
#include "store/CorporationInfo.h"
#include "store/StaffTable.h"
#include "store/UsageMode.h"
#include "training/TrainingResultTable.h"

using namespace hardtoken;
using namespace hardtoken::test;

class TestConcurrency final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongPinsAreAllCountedAndNeverExceedTheLimit_data()
    {
        engines();
        QTest::newRow("postgresql-server") << QStringLiteral("pg-server");
    }
    void wrongPinsAreAllCountedAndNeverExceedTheLimit();
    void wrongOtpsAreAllCountedAndNeverExceedTheLimit_data()
    {
        engines();
        QTest::newRow("postgresql-server") << QStringLiteral("pg-server");
    }
    void wrongOtpsAreAllCountedAndNeverExceedTheLimit();
    void aGuessIsNotEvaluatedWhenItCannotBeCounted_data() { engines(); }
    void aGuessIsNotEvaluatedWhenItCannotBeCounted();
    void correctCommitRacingTheLockoutCompletesBeforeItOrIsRefused_data()
    {
        engines();
        QTest::newRow("postgresql-server") << QStringLiteral("pg-server");
    }
    void correctCommitRacingTheLockoutCompletesBeforeItOrIsRefused();
    void sameCodeFromTwoDesktopsIsRegisteredOnce_data()
    {
        engines();
        QTest::newRow("postgresql-server") << QStringLiteral("pg-server");
    }
    void sameCodeFromTwoDesktopsIsRegisteredOnce();
    void olderCheckCommittedLastCannotMoveTheStateBack_data() { engines(); }
    void olderCheckCommittedLastCannotMoveTheStateBack();
    void deskSignInsFromSeveralDesksLockAtTheLimit_data()
    {
        engines();
        QTest::newRow("postgresql-server") << QStringLiteral("pg-server");
    }
    void deskSignInsFromSeveralDesksLockAtTheLimit();
    void helpDeskSignInLocksAtTheLimit_data() { engines(); }
    void helpDeskSignInLocksAtTheLimit();
    void aCardCheckedAtSeveralDesksAtOnceWorksOnce_data() { engines(); }
    void aCardCheckedAtSeveralDesksAtOnceWorksOnce();
    void aClassSavesItsResultsAtOnce_data() { engines(); }
    void aClassSavesItsResultsAtOnce();
    void wrongCardCodesFromSeveralDesksLockAtTheLimit_data() { engines(); }
    void wrongCardCodesFromSeveralDesksLockAtTheLimit();

private:
    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("pg");
    }
    static bool skipWithoutPostgres(const QString& engine)
    {
        return engine.startsWith(QLatin1String("pg")) && qEnvironmentVariableIsEmpty("HARDTOKEN_PG");
    }
};

#define ENGINE()                                                                                                       \
    QFETCH(QString, engine);                                                                                           \
    HARDTOKEN_REQUIRE(                                                                                                 \
        !skipWithoutPostgres(engine), "HARDTOKEN_PG is not set: scripts/test starts a PostgreSQL server and sets it");

void TestConcurrency::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(HARDTOKEN_WORKER)), HARDTOKEN_WORKER);
}

void TestConcurrency::wrongPinsAreAllCountedAndNeverExceedTheLimit()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int perWorker = 10;
    Workers w(s, kWorkers);
    const Counts t = Workers::total(w.send({ QStringLiteral("wrong-pin %1").arg(perWorker) }));
    const int evaluated = t.at(QStringLiteral("wrong")) + t.at(QStringLiteral("suspendedNow"));
    const CorporationInfo c = s.service->corporation().value();
    qInfo("%s: %d processes × %d wrong PINs: %s; evaluated %d (limit 5), counted %d, audited %d", qPrintable(engine),
        kWorkers, perWorker, qPrintable(describe(t)), evaluated, c.pinFailures,
        s.auditCount(QStringLiteral("pin.failure")));
    int answered = 0;
    for (const auto& [k, v] : t)
        answered += v;
    QCOMPARE(answered, kWorkers * perWorker); // every guess got an answer
    QCOMPARE(t.at(QStringLiteral("other")), 0);
    QCOMPARE(evaluated, 5); // never more than the limit
    // The guesses in flight when the limit was reached are told so; "try again" is the answer
    // while every remaining attempt is being checked on other desktops.
    QVERIFY(t.at(QStringLiteral("suspendedNow")) >= 1);
    QCOMPARE(c.pinFailures, evaluated); // never a lost count
    QCOMPARE(s.auditCount(QStringLiteral("pin.failure")), evaluated);
    QVERIFY(c.suspended);
    QCOMPARE(c.suspendedReason, SuspensionReason::Pin);
    QVERIFY(s.store->auditLog().verify().ok);
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::wrongOtpsAreAllCountedAndNeverExceedTheLimit()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int perWorker = 10;
    Workers w(s, kWorkers);
    QStringList commands;
    for (int i = 0; i < kWorkers; ++i)
        commands << QStringLiteral("wrong-otp %1 %2").arg(perWorker).arg(serialOf(i));
    const Counts t = Workers::total(w.send(commands));
    const int evaluated = t.at(QStringLiteral("wrong")) + t.at(QStringLiteral("suspendedNow"));
    const CorporationInfo c = s.service->corporation().value();
    qInfo("%s: %d processes × %d wrong OTPs: %s; evaluated %d (limit 5), counted %d, audited %d", qPrintable(engine),
        kWorkers, perWorker, qPrintable(describe(t)), evaluated, c.otpFailures,
        s.auditCount(QStringLiteral("token.failure")));
    QCOMPARE(t.at(QStringLiteral("other")), 0);
    QCOMPARE(evaluated, 5);
    QCOMPARE(c.otpFailures, evaluated);
    QCOMPARE(s.auditCount(QStringLiteral("token.failure")), evaluated);
    QCOMPARE(s.auditCount(QStringLiteral("corporation.suspended")), 1);
    QVERIFY(c.suspended);
    QVERIFY(c.stateIntact); // whichever engine wrote the counters, the console's MAC verifies them
    const AuditVerification chain = s.store->auditLog().verify();
    QVERIFY2(chain.ok, qPrintable(chain.problem));
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::aGuessIsNotEvaluatedWhenItCannotBeCounted()
{
    ENGINE();
    SharedStore s(engine);
    s.service.reset();
    s.store.reset();
    // Another desktop holds the write lock (SQLite) / the corporation's row (PostgreSQL).
    const auto other = s.raw();
    if (engine == QLatin1String("pg")) {
        QVERIFY(other->ok(QStringLiteral("BEGIN")));
        QVERIFY(other->ok(QStringLiteral("SELECT id FROM corporations FOR UPDATE")));
    } else {
        QVERIFY(other->ok(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other->ok(QStringLiteral("UPDATE meta SET value = value WHERE key = 'store_kind'")));
    }
    Store store(s.clock);
    store.setBusyTimeout(150);
    QVERIFY(engine == QLatin1String("pg") ? store.openPostgres(s.target, s.key) : store.openSqlite(s.target, s.key));
    RegistrationService service(store);
    service.selectCorporation();
    Counts t;
    for (int i = 0; i < 10; ++i) {
        const Outcome o = service.changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999"));
        ++t[o.error == ServiceError::TryAgain ? QStringLiteral("tryAgain") : QStringLiteral("evaluated")];
    }
    // Wrong OTPs, then the right one: none is evaluated while its failure cannot be written.
    const qint64 user = service.users().value().first().id;
    OtpGenerator g;
    const QString right = g.totp(QByteArrayLiteral("race-seed-") + serialOf(0).toLatin1(), s.clock.nowSecs());
    for (int i = 0; i < 3; ++i) {
        const Outcome o = service.enqueue(user, serialOf(0), QStringLiteral("000000"));
        ++t[o.error == ServiceError::TryAgain ? QStringLiteral("tryAgain") : QStringLiteral("evaluated")];
    }
    const Outcome accepted = service.enqueue(user, serialOf(0), right);
    qInfo("%s: with the lock held elsewhere: %s; the right OTP: %s", qPrintable(engine), qPrintable(describe(t)),
        accepted.error == ServiceError::TryAgain ? "try again" : "evaluated");
    QCOMPARE(t[QStringLiteral("tryAgain")], 13);
    QCOMPARE(accepted.error, ServiceError::TryAgain);
    QVERIFY(accepted.message.contains(QStringLiteral("もう一度お試しください")));
    QVERIFY(service.queue().isEmpty());
    QVERIFY(other->ok(QStringLiteral("ROLLBACK")));
    // Released: nothing was counted, and the same right code is accepted now.
    const CorporationInfo c = service.corporation().value();
    QCOMPARE(c.pinFailures, 0);
    QCOMPARE(c.otpFailures, 0);
    QVERIFY(service.enqueue(user, serialOf(0), right).ok());
}

void TestConcurrency::correctCommitRacingTheLockoutCompletesBeforeItOrIsRefused()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int rounds = 8;
    Workers w(s, kWorkers);
    Counts outcomes;
    for (int round = 0; round < rounds; ++round) {
        // Four wrong entries already: one more suspends the corporation.
        s.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential);
        for (int i = 0; i < 4; ++i)
            s.service->enqueue(s.service->users().value().first().id, serialOf(59), QStringLiteral("000000"));
        QCOMPARE(s.service->corporation().value().otpFailures, 4);
        const qint64 auditStart = s.store->auditLog().entries().last().id;
        QStringList setup { QStringLiteral("enqueue %1 %2 0").arg(round + 1).arg(serialOf(round + 1)) };
        QStringList race { QStringLiteral("commit") };
        for (int i = 1; i < kWorkers; ++i) {
            setup << QStringLiteral("wrong-otp 0 x"); // nothing to prepare
            // Every other round the wrong entries come a few milliseconds late, so that both orders occur.
            race << QStringLiteral("after %1 wrong-otp 1 %2").arg(round % 2 ? 15 : 0).arg(serialOf(30 + i));
        }
        QCOMPARE(w.send(setup)[0].at(QStringLiteral("ok")), 1);
        const QList<Counts> answers = w.send(race, round % 2 == 1);
        const bool committed = answers[0].at(QStringLiteral("ok")) == 1;
        ++outcomes[committed ? QStringLiteral("committed before the lockout") : QStringLiteral("refused")];
        if (!committed) {
            QVERIFY2(answers[0].at(QStringLiteral("suspended")) + answers[0].at(QStringLiteral("tryAgain")) == 1,
                qPrintable(describe(answers[0])));
        }
        // The audit shows the order: no commit after the suspension, and a suspension always has
        // the counts that caused it (no counter reset under a standing 利用中止).
        qint64 committedAt = -1;
        qint64 suspendedAt = -1;
        for (const AuditEntry& e : s.store->auditLog().entries()) {
            if (e.id <= auditStart)
                continue;
            if (e.action == QLatin1String("registration.committed"))
                committedAt = e.id;
            if (e.action == QLatin1String("corporation.suspended") && suspendedAt < 0)
                suspendedAt = e.id;
        }
        QVERIFY(suspendedAt > 0);
        QCOMPARE(committedAt >= 0, committed);
        if (committed)
            QVERIFY(committedAt < suspendedAt);
        const CorporationInfo c = s.service->corporation().value();
        QVERIFY(c.suspended);
        QVERIFY(c.otpFailures >= 5 || c.pinFailures >= 5);
        QCOMPARE(s.service->users().value()[round + 1].currentSerial, committed ? serialOf(round + 1) : QString());
    }
    qInfo("%s: %d rounds of a right OK racing %d wrong OTPs at 4 of 5: %s", qPrintable(engine), rounds, kWorkers - 1,
        qPrintable(describe(outcomes)));
    QVERIFY(s.store->auditLog().verify().ok);
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::sameCodeFromTwoDesktopsIsRegisteredOnce()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int rounds = 25;
    Workers w(s, 2);
    Counts outcomes;
    for (int round = 0; round < rounds; ++round) {
        const QString enqueue = QStringLiteral("enqueue %1 %2 0").arg(round).arg(serialOf(round));
        const Counts ready = Workers::total(w.send({ enqueue }));
        QCOMPARE(ready.at(QStringLiteral("ok")), 2); // both desktops checked the same code at 次へ
        const Counts t = Workers::total(w.send({ QStringLiteral("commit") }, round % 2 == 1));
        outcomes[QStringLiteral("won")] += t.at(QStringLiteral("ok"));
        outcomes[QStringLiteral("told the code was used")] += t.at(QStringLiteral("used"));
        outcomes[QStringLiteral("other")] += t.at(QStringLiteral("other")) + t.at(QStringLiteral("tryAgain"));
        QCOMPARE(t.at(QStringLiteral("ok")), 1);
        QCOMPARE(t.at(QStringLiteral("used")), 1);
    }
    qInfo("%s: %d rounds, the same code committed from two desktops: %s", qPrintable(engine), rounds,
        qPrintable(describe(outcomes)));
    QCOMPARE(s.auditCount(QStringLiteral("token.registered")), rounds);
    // On SQLite the count 契約法人ステータス shows is kept by triggers (schema 10): after the two
    // desks' commits it is still what counting the rows gives.
    if (engine == QLatin1String("sqlite")) {
        const int counted = s.raw()->scalar(QStringLiteral("SELECT COUNT(*) FROM registrations")).toInt();
        const int kept = s.raw()->scalar(QStringLiteral("SELECT SUM(registered) FROM registration_counts")).toInt();
        qInfo("sqlite: registrations counted %d, kept %d", counted, kept);
        QCOMPARE(kept, counted);
    }
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::olderCheckCommittedLastCannotMoveTheStateBack()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int rounds = 20;
    Workers w(s, 2);
    Counts outcomes;
    const qint64 step = s.clock.nowSecs() / 30;
    for (int round = 0; round < rounds; ++round) {
        // Desktop 0 checked the code of this step; desktop 1 the next one (the card pressed again).
        const QList<Counts> ready = w.send({ QStringLiteral("enqueue %1 %2 0").arg(round).arg(serialOf(round)),
            QStringLiteral("enqueue %1 %2 30").arg(round).arg(serialOf(round)) });
        QCOMPARE(ready[0].at(QStringLiteral("ok")) + ready[1].at(QStringLiteral("ok")), 2);
        const QList<Counts> done = w.send({ QStringLiteral("commit") }, round % 2 == 1);
        const bool olderWon = done[0].at(QStringLiteral("ok")) == 1;
        ++outcomes[olderWon ? QStringLiteral("older first, then newer") : QStringLiteral("newer first, older refused")];
        QCOMPARE(done[1].at(QStringLiteral("ok")), 1); // the newer code always ends up registered
        if (!olderWon)
            QCOMPARE(done[0].at(QStringLiteral("used")), 1);
        const qint64 lastStep
            = s.raw()
                  ->scalar(QStringLiteral("SELECT last_step FROM tokens WHERE serial = ?"), { serialOf(round) })
                  .toLongLong();
        QCOMPARE(lastStep, step + 1);
    }
    qInfo("%s: %d rounds, an older and a newer check committed together: %s; last step never moved back",
        qPrintable(engine), rounds, qPrintable(describe(outcomes)));
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

// One behaviour, two engines: eight desks sign in wrong with one login at once, by the console's
// rules (SQLite; PostgreSQL with the data key on every desk) and by the server's functions
// (PostgreSQL as the desks' role, no key). The same counts: exactly the limit evaluated, every
// try answered and audited, one lock, and the right password refused until the lock is lifted.
void TestConcurrency::deskSignInsFromSeveralDesksLockAtTheLimit()
{
    ENGINE();
    SharedStore s(engine);
    const QString login = QStringLiteral("helpdesk");
    const int limit = s.store->settings().staffFailureLimit;
    constexpr int perWorker = 4;
    Workers w(s, kWorkers);
    const Counts t = Workers::total(w.send({ QStringLiteral("desk-sign-in-wrong %1 %2").arg(perWorker).arg(login) }));
    const int evaluated = s.auditCount(QStringLiteral("desk.sign_in.denied"), QStringLiteral("reason=credential"));
    const int audited = s.auditCount(QStringLiteral("desk.sign_in.denied"));
    const int locks = s.auditCount(QStringLiteral("staff.locked"));
    qInfo("%s: %d desks × %d wrong sign-ins of one login: %s; evaluated %d (limit %d), audited %d, locked %d",
        qPrintable(engine), kWorkers, perWorker, qPrintable(describe(t)), evaluated, limit, audited, locks);
    QCOMPARE(t.at(QStringLiteral("denied")), kWorkers * perWorker);
    QCOMPARE(evaluated, limit);
    QCOMPARE(audited, kWorkers * perWorker);
    QCOMPARE(locks, 1);
    const AuditVerification chain = s.store->auditLog().verify();
    QVERIFY2(chain.ok, qPrintable(chain.problem)); // one chain, whoever wrote it
    // Locked for the right password too, on either side, until the lock is lifted.
    const auto rightPassword = [&] {
        return StaffSignIn::run(
            *s.store, login, sample::staffCredential, 0, StaffPurpose::DeskSignIn, [](const QString&) { return true; });
    };
    QCOMPARE(rightPassword(), StaffSignIn::Result::Denied);
    QVERIFY(s.store->transaction([&] { return StaffTable::resetAttempts(*s.store, login); }));
    QCOMPARE(rightPassword(), StaffSignIn::Result::SignedIn);
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::helpDeskSignInLocksAtTheLimit()
{
    ENGINE();
    SharedStore s(engine);
    for (int i = 0; i < 5; ++i)
        s.service->enqueue(s.service->users().value().first().id, serialOf(0), QStringLiteral("000000"));
    QVERIFY(s.service->isSuspended());
    constexpr int perWorker = 5;
    Workers w(s, kWorkers);
    const Counts t = Workers::total(w.send({ QStringLiteral("unlock-wrong %1").arg(perWorker) }));
    const int evaluated = s.auditCount(QStringLiteral("unlock.denied"), QStringLiteral("reason=credential"));
    const int audited = s.auditCount(QStringLiteral("unlock.denied"));
    qInfo("%s: %d processes × %d wrong help-desk credentials: %s; evaluated %d (limit 5), audited %d, locked %d",
        qPrintable(engine), kWorkers, perWorker, qPrintable(describe(t)), evaluated, audited,
        s.auditCount(QStringLiteral("staff.locked")));
    QCOMPARE(t.at(QStringLiteral("denied")), kWorkers * perWorker); // one answer for every wrong credential
    QCOMPARE(evaluated, 5);
    QCOMPARE(audited, kWorkers * perWorker);
    QCOMPARE(s.auditCount(QStringLiteral("staff.locked")), 1);
    // Locked: even the right credential gets the same answer, until an administrator resets it.
    const Outcome locked = s.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential);
    QCOMPARE(locked.error, ServiceError::WrongStaffCredential);
    QVERIFY(s.service->isSuspended());
    QVERIFY(s.store->transaction([&] { return StaffTable::resetAttempts(*s.store, QStringLiteral("helpdesk")); }));
    QVERIFY(s.service->unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    QVERIFY(!s.service->isSuspended());
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

namespace {
// One staff member per desk (one login signing in at eight desks at once would be refused: its
// attempts in flight count towards the limit, by design), and the command each desk runs.
QStringList deskCommands(SharedStore& s, const QString& command)
{
    QStringList commands;
    for (int i = 0; i < kWorkers; ++i) {
        const QString login = QStringLiteral("desk%1").arg(i);
        if (!StaffTable::find(*s.store, login))
            StaffTable::insert(*s.store, login, login, crypto::hashSecret(QStringLiteral("Desk-pass1"), { 10, 8, 1 }));
        commands << command + QLatin1Char(' ') + login;
    }
    return commands;
}
} // namespace

void TestConcurrency::aCardCheckedAtSeveralDesksAtOnceWorksOnce()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int rounds = 5;
    Workers w(s, kWorkers);
    Counts outcomes;
    for (int round = 0; round < rounds; ++round) {
        // The same code the card shows now, typed at every desk at the same moment: it works once.
        const Counts t = Workers::total(w.send(deskCommands(s, QStringLiteral("card-check %1").arg(serialOf(round)))));
        outcomes[QStringLiteral("works")] += t.at(QStringLiteral("ok"));
        outcomes[QStringLiteral("told it was used")] += t.at(QStringLiteral("used"));
        outcomes[QStringLiteral("other")]
            += t.at(QStringLiteral("other")) + t.at(QStringLiteral("tryAgain")) + t.at(QStringLiteral("wrong"));
        QCOMPARE(t.at(QStringLiteral("ok")), 1);
        QCOMPARE(t.at(QStringLiteral("used")), kWorkers - 1);
    }
    qInfo("%s: %d rounds, one card's code checked by %d processes at once: %s", qPrintable(engine), rounds, kWorkers,
        qPrintable(describe(outcomes)));
    QCOMPARE(s.auditCount(QStringLiteral("card.checked")), rounds);
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

// Trainees finishing together on laptops that share one training store: every result is saved
// once, none lost, each audited, the chain intact.
void TestConcurrency::aClassSavesItsResultsAtOnce()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int perWorker = 5;
    Workers w(s, kWorkers);
    QStringList commands;
    for (int i = 0; i < kWorkers; ++i)
        commands << QStringLiteral("training-result %1 trainee-%2").arg(perWorker).arg(i);
    const Counts t = Workers::total(w.send(commands));
    const int saved = TrainingResultTable::count(*s.store);
    qInfo("%s: %d processes × %d results at once: %s; saved %d, audited %d", qPrintable(engine), kWorkers, perWorker,
        qPrintable(describe(t)), saved, s.auditCount(QStringLiteral("training.result")));
    QCOMPARE(t.at(QStringLiteral("ok")), kWorkers * perWorker);
    QCOMPARE(saved, kWorkers * perWorker);
    QCOMPARE(s.auditCount(QStringLiteral("training.result")), kWorkers * perWorker);
    QSet<QString> trainees;
    for (const TrainingResult& r : TrainingResultTable::list(*s.store))
        trainees.insert(r.trainee);
    QCOMPARE(trainees.size(), kWorkers * perWorker);
    QVERIFY(s.store->auditLog().verify().ok);
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

void TestConcurrency::wrongCardCodesFromSeveralDesksLockAtTheLimit()
{
    ENGINE();
    SharedStore s(engine);
    constexpr int perWorker = 3;
    Workers w(s, kWorkers);
    const Counts t
        = Workers::total(w.send(deskCommands(s, QStringLiteral("card-wrong %1 %2").arg(perWorker).arg(serialOf(0)))));
    const int counted = s.auditCount(QStringLiteral("card.check_failed"));
    qInfo("%s: %d processes × %d wrong codes for one card: %s; counted %d (limit 5), locked %d", qPrintable(engine),
        kWorkers, perWorker, qPrintable(describe(t)), counted, s.auditCount(QStringLiteral("card.locked")));
    QCOMPARE(counted, 5); // never more wrong codes evaluated than the limit
    QCOMPARE(t.at(QStringLiteral("wrong")), 5);
    QCOMPARE(t.at(QStringLiteral("suspended")) + t.at(QStringLiteral("suspendedNow")), kWorkers * perWorker - 5);
    QCOMPARE(s.auditCount(QStringLiteral("card.locked")), 1);
    // The desks acted at the same time (run one after another, they would prove nothing).
    qInfo("%s: at most %d desks acting at one instant", qPrintable(engine), w.maxOverlap());
    QVERIFY2(w.maxOverlap() >= 2, "the workers never acted at the same time");
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
