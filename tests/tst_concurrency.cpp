// Several desktops on one store, as branches sharing it will be: worker processes
// (concurrency_worker.cpp) released together on SQLite and on PostgreSQL. Every test prints its
// counts; one process passing proves nothing about two desktops.
#include "TestSupport.h"

#include "Crypto.h"
#include "StaffRecord.h"
#include "TrainingRecord.h"

#include <QProcess>

#include <map>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

constexpr int kUsers = 60;
constexpr int kWorkers = 8;

QString serialOf(int i)
{
    return QStringLiteral("%1").arg(5000000000LL + i);
}

// A corporation in individual mode with kUsers users and as many free TOTP tokens whose secrets the
// workers know ("race-seed-" + serial).
Scenario raceScenario()
{
    Scenario s = manualScenario();
    s.id = QStringLiteral("race");
    s.users.clear();
    s.tokens.clear();
    for (int i = 0; i < kUsers; ++i) {
        s.users.append({ QStringLiteral("利用者 %1").arg(i, 2, 10, QLatin1Char('0')) });
        Scenario::Token t;
        t.serial = serialOf(i);
        t.secret = QByteArrayLiteral("race-seed-") + t.serial.toLatin1();
        s.tokens.append(t);
    }
    return s;
}

using Counts = std::map<QString, int>;

Counts parse(const QString& line)
{
    Counts c;
    for (const QString& part : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        if (key != QLatin1String("msg"))
            c[key] = part.section(QLatin1Char('='), 1).toInt();
    }
    return c;
}

QString describe(const Counts& c)
{
    QStringList parts;
    for (const auto& [k, v] : c) {
        if (v)
            parts << QStringLiteral("%1 %2").arg(k).arg(v);
    }
    return parts.join(QStringLiteral(", "));
}

// The shared store of one test, on the engine it names, loaded with raceScenario().
struct SharedStore {
    QString engine;
    QTemporaryDir dir;
    std::unique_ptr<PgDatabase> pg;
    QString target;
    QString key;
    FixedClock clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> store;
    std::unique_ptr<RegistrationService> service;

    explicit SharedStore(const QString& e)
        : engine(e)
    {
        if (engine == QLatin1String("pg")) {
            pg = std::make_unique<PgDatabase>();
            target = pg->connection();
            key = pg->keyFile();
        } else {
            target = dir.filePath(QStringLiteral("shared.sqlite"));
            key = target + QStringLiteral(".key");
        }
        reopen();
        QString error;
        if (!ScenarioLoader::apply(*store, raceScenario(), QStringLiteral("race"), &error))
            qFatal("%s", qPrintable(error));
        service->selectCorporation();
    }
    void reopen()
    {
        service.reset();
        store = std::make_unique<Store>(clock);
        const bool ok
            = engine == QLatin1String("pg") ? store->openPostgres(target, key) : store->openSqlite(target, key);
        if (!ok)
            qFatal("%s", qPrintable(store->errorMessage()));
        service = std::make_unique<RegistrationService>(*store);
        service->selectCorporation();
    }
    std::unique_ptr<RawSql> raw() const { return std::make_unique<RawSql>(target); }
    int auditCount(const QString& action, const QString& detailsContain = {}) const
    {
        int n = 0;
        for (const AuditEntry& e : store->auditLog().entries())
            n += e.action == action && e.details.contains(detailsContain);
        return n;
    }
};

// Worker processes over one shared store; send() writes one command to every worker in a tight
// loop (released together) and collects one answer line from each.
class Workers {
public:
    Workers(const SharedStore& s, int count)
    {
        for (int i = 0; i < count; ++i) {
            auto* p = new QProcess;
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(
                QStringLiteral(HARDTOKEN_WORKER), { s.engine, s.target, s.key, QString::number(s.clock.nowSecs()) });
            m_processes.append(p);
        }
        for (QProcess* p : std::as_const(m_processes)) {
            const QString first = readLine(p);
            if (first != QLatin1String("ready"))
                qFatal("worker did not start: %s", qPrintable(first));
        }
    }
    ~Workers()
    {
        for (QProcess* p : std::as_const(m_processes)) {
            p->write("quit\n");
            p->closeWriteChannel();
            if (!p->waitForFinished(10000))
                p->kill();
            delete p;
        }
    }
    Q_DISABLE_COPY_MOVE(Workers)

    // command[i] to worker i (one command for all when a single one is given); `lastFirst` writes
    // to the workers in reverse order, so that neither side of a race always starts ahead.
    QList<Counts> send(const QStringList& commands, bool lastFirst = false)
    {
        for (int k = 0; k < m_processes.size(); ++k) {
            const int i = lastFirst ? int(m_processes.size()) - 1 - k : k;
            m_processes[i]->write((commands.size() == 1 ? commands[0] : commands[i]).toUtf8() + '\n');
        }
        // QProcess buffers writes until its event loop runs: flush every pipe now, one right after
        // the other, or the workers would be released one by one as their answers are awaited.
        for (int k = 0; k < m_processes.size(); ++k)
            m_processes[lastFirst ? int(m_processes.size()) - 1 - k : k]->waitForBytesWritten(1000);
        QList<Counts> answers;
        for (QProcess* p : std::as_const(m_processes)) {
            const QString line = readLine(p);
            if (line.startsWith(QLatin1String("error")) || line.contains(QLatin1String("other=1")))
                qWarning("worker: %s", qPrintable(line));
            answers.append(parse(line));
        }
        return answers;
    }
    static Counts total(const QList<Counts>& answers)
    {
        Counts sum;
        for (const Counts& c : answers) {
            for (const auto& [k, v] : c)
                sum[k] += v;
        }
        return sum;
    }

private:
    static QString readLine(QProcess* p)
    {
        while (!p->canReadLine()) {
            if (!p->waitForReadyRead(60000))
                return QStringLiteral("error: no answer");
        }
        return QString::fromUtf8(p->readLine()).trimmed();
    }
    QList<QProcess*> m_processes;
};

} // namespace

class TestConcurrency final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongPinsAreAllCountedAndNeverExceedTheLimit_data() { engines(); }
    void wrongPinsAreAllCountedAndNeverExceedTheLimit();
    void wrongOtpsAreAllCountedAndNeverExceedTheLimit_data() { engines(); }
    void wrongOtpsAreAllCountedAndNeverExceedTheLimit();
    void aGuessIsNotEvaluatedWhenItCannotBeCounted_data() { engines(); }
    void aGuessIsNotEvaluatedWhenItCannotBeCounted();
    void correctCommitRacingTheLockoutCompletesBeforeItOrIsRefused_data() { engines(); }
    void correctCommitRacingTheLockoutCompletesBeforeItOrIsRefused();
    void sameCodeFromTwoDesktopsIsRegisteredOnce_data() { engines(); }
    void sameCodeFromTwoDesktopsIsRegisteredOnce();
    void olderCheckCommittedLastCannotMoveTheStateBack_data() { engines(); }
    void olderCheckCommittedLastCannotMoveTheStateBack();
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
        return engine == QLatin1String("pg") && qEnvironmentVariableIsEmpty("HARDTOKEN_PG");
    }
};

#define ENGINE()                                                                                                       \
    QFETCH(QString, engine);                                                                                           \
    if (skipWithoutPostgres(engine))                                                                                   \
        QSKIP("HARDTOKEN_PG is not set: scripts/test starts a PostgreSQL server and sets it");

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
        s.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("Helpdesk2023"));
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
    const Outcome locked = s.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("Helpdesk2023"));
    QCOMPARE(locked.error, ServiceError::WrongStaffCredential);
    QVERIFY(s.service->isSuspended());
    QVERIFY(StaffTable::resetAttempts(*s.store, QStringLiteral("helpdesk"), QStringLiteral("test")));
    QVERIFY(s.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("Helpdesk2023")).ok());
    QVERIFY(!s.service->isSuspended());
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
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
