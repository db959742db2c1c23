// PostgreSQL as the trust boundary: the schema's owner sets up the desk role (hardtoken-cli server
// init), and the desk role's own connection is refused every secret and every write, as the server
// itself reports and enforces; the one-time passwords the server computes match oathtool.
#include "LossyProxy.h"
#include "TestSupport.h"

#include "core/Crypto.h"
#include "core/Otp.h"
#include "inventory/RosterImport.h"
#include "inventory/TokenImport.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/ServerBoundary.h"
#include "store/ServerDesk.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"
#include "store/UserTable.h"

#include <QDateTime>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

// A cluster-wide role of this test, dropped afterwards.
QString roleName(const char* what)
{
    return QStringLiteral("ht_%1_%2").arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128).left(10));
}

// A connection as `role` to the database, through QPSQL (as a desk would), or as psql would.
struct RoleConnection {
    QString name = QUuid::createUuid().toString();
    QSqlDatabase db;
    RoleConnection(const PgDatabase& pg, const QString& role)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        configurePostgres(db, pg.connection() + QStringLiteral(" user=") + role);
        if (!db.open())
            qFatal("cannot connect as %s: %s", qPrintable(role), qPrintable(db.lastError().text()));
    }
    ~RoleConnection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    // The server's answer: empty when the statement ran, else its error.
    QString run(const QString& sql) const
    {
        QSqlQuery q(db);
        return q.exec(sql) ? QString() : q.lastError().databaseText();
    }
};

} // namespace

class TestServerBoundary final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theDeskRoleReadsNoSecretAndWritesNothing();
    void theServersOneTimePasswordsMatchOathtool();
    void aDeskSignsInThroughTheServer();
    void wrongSignInsAreCountedAndLockedByTheServer();
    void theManualsProceduresRunOnTheServer();
    void theServerChecksTokensWithSeedsNoDeskCanRead();
    void theHelpDesksActsRunInTheSession();
    void anAnswerLostAfterTheCommitIsNotActedTwice();
    void anAdministratorImportsTokensWhoseSeedsOnlyTheServerKeeps();
    void anAdministratorImportsTheRosterThroughTheServer();
    void theServerChecksAndResynchronisesCards();
    void cleanupTestCase();

private:
    PgDatabase* m_pg = nullptr;
    QString m_owner;
    QString m_desk;
    FixedClock m_clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> m_store;
};

void TestServerBoundary::initTestCase()
{
    HARDTOKEN_REQUIRE(!qEnvironmentVariableIsEmpty("HARDTOKEN_PG"),
        "HARDTOKEN_PG is not set: scripts/test starts a PostgreSQL server and sets it");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")), "the QPSQL driver (libqt6sql6-psql) is missing");
    m_pg = new PgDatabase;
    m_owner = roleName("owner");
    m_desk = roleName("desk");
    // The schema's owner: no superuser, a role no desktop uses; the database is its own.
    QVERIFY(m_pg->admin(QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE").arg(m_owner)));
    QVERIFY(m_pg->admin(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(m_pg->name, m_owner)));
    QVERIFY(m_pg->admin(QStringLiteral("GRANT ALL ON SCHEMA public TO %1").arg(m_owner)));
    // The store made by its owner, with the manual's scenario in it (secrets, hashes, an audit).
    m_store = std::make_unique<Store>(m_clock);
    QVERIFY2(m_store->openPostgres(m_pg->connection() + QStringLiteral(" user=") + m_owner, m_pg->keyFile()),
        qPrintable(m_store->errorMessage()));
    QString error;
    QVERIFY2(ScenarioLoader::apply(*m_store, manualScenario(), QStringLiteral("test"), &error), qPrintable(error));
    // A desk is refused a store without the server's rules, saying what to run.
    {
        Database early(m_clock);
        QVERIFY(!early.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_owner));
        QVERIFY2(early.errorMessage().contains(QLatin1String("server init")), qPrintable(early.errorMessage()));
    }
    // hardtoken-cli --postgres OWNER server init --desk-role ROLE
    QVERIFY(!ServerBoundary::init(*m_store, QStringLiteral("Desk; DROP TABLE tokens")));
    QVERIFY2(ServerBoundary::init(*m_store, m_desk), qPrintable(m_store->errorMessage()));
    QVERIFY2(ServerBoundary::init(*m_store, m_desk), qPrintable(m_store->errorMessage())); // again: the same
}

void TestServerBoundary::theDeskRoleReadsNoSecretAndWritesNothing()
{
    // The permission table as the server reports it.
    const QList<ServerBoundary::Privileges> rows = ServerBoundary::privileges(*m_store, m_desk);
    qInfo("%s", qPrintable(ServerBoundary::privilegeTable(QStringLiteral("desk"), rows)));
    QCOMPARE(rows.size(), ServerBoundary::tables().size());
    const QStringList secrets { QStringLiteral("pin_hash"), QStringLiteral("secret"), QStringLiteral("credential_hash"),
        QStringLiteral("mac"), QStringLiteral("state_mac"), QStringLiteral("value") };
    for (const ServerBoundary::Privileges& p : rows) {
        QVERIFY2(!p.insert && !p.update && !p.del && !p.truncate, qPrintable(p.table));
        QVERIFY2(!p.selectColumns.contains(QStringLiteral("*")), qPrintable(p.table));
        for (const QString& column : secrets)
            QVERIFY2(!p.selectColumns.contains(column), qPrintable(p.table + QLatin1Char('.') + column));
    }

    // And what it does: the desk's own connection.
    RoleConnection desk(*m_pg, m_desk);
    int denied = 0;
    const auto refused = [&](const QString& sql) {
        const QString answer = desk.run(sql);
        if (!answer.contains(QLatin1String("permission denied")))
            return false;
        ++denied;
        return true;
    };
    for (const char* sql :
        { "SELECT pin_hash FROM corporations", "SELECT state_mac FROM corporations", "SELECT secret FROM tokens",
            "SELECT state_mac FROM tokens", "SELECT credential_hash FROM staff", "SELECT mac FROM audit_log",
            "SELECT state_mac FROM signin_attempts", "SELECT * FROM meta", "SELECT * FROM attempts_in_flight",
            "SELECT * FROM commit_marks", "SELECT * FROM corporations",
            // Counters, suspension, tokens, registrations, staff: no write of its own.
            "UPDATE corporations SET otp_failures = 0, pin_failures = 0", "UPDATE corporations SET suspended = 0",
            "UPDATE tokens SET next_counter = 0", "UPDATE tokens SET status = 'available'", "DELETE FROM registrations",
            "INSERT INTO registrations (corporation_id, token_id, since) VALUES (1, 1, 'x')",
            "UPDATE staff SET role = 'admin'", "UPDATE signin_attempts SET failures = 0, locked_at = NULL",
            "DELETE FROM signin_attempts",
            // The audit: no row added, changed or removed by the desk.
            "INSERT INTO audit_log (at, actor, action, details, mac) VALUES ('x', 'x', 'x', 'x', 'x')",
            "UPDATE audit_log SET details = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
            // Nothing created where the server's functions look.
            "CREATE TABLE public.hmac_shadow (x int)" }) {
        QVERIFY2(refused(QString::fromLatin1(sql)), sql);
    }
    // What a desk shows it may read.
    QVERIFY2(desk.run(QStringLiteral("SELECT id, code, name, usage_mode, suspended FROM corporations")).isEmpty(),
        qPrintable(desk.run(QStringLiteral("SELECT id, code, name, usage_mode, suspended FROM corporations"))));
    QVERIFY(desk.run(QStringLiteral("SELECT serial, status FROM tokens")).isEmpty());
    QVERIFY(desk.run(QStringLiteral("SELECT actor, action, details FROM audit_log")).isEmpty());
    qInfo("statements refused to the desk role: %d", denied);
}

void TestServerBoundary::theServersOneTimePasswordsMatchOathtool()
{
    const QString oathtool = QStandardPaths::findExecutable(QStringLiteral("oathtool"));
    QVERIFY2(!oathtool.isEmpty(), "oathtool not found (apt-get install oathtool)");
    RoleConnection desk(*m_pg, m_desk);
    QRandomGenerator random(20261206);
    const QStringList algorithms { QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha512") };
    const int pairs = 2000;
    int matched = 0;
    for (int i = 0; i < pairs; ++i) {
        const QString algorithm = algorithms[i % 3];
        QByteArray secret(algorithm == QLatin1String("sha1") ? 20
                : algorithm == QLatin1String("sha256")       ? 32
                                                             : 64,
            Qt::Uninitialized);
        for (char& c : secret)
            c = char(random.bounded(256));
        const qint64 at = random.bounded(qint64(4102444800)); // up to 2100
        const int period = i % 2 ? 30 : 60;
        QSqlQuery q(desk.db);
        q.prepare(QStringLiteral("SELECT hardtoken_totp(?, ?, ?, 6, ?)"));
        q.addBindValue(secret);
        q.addBindValue(at);
        q.addBindValue(period);
        q.addBindValue(algorithm);
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        QProcess p;
        p.start(oathtool,
            { QStringLiteral("--totp=") + algorithm, QStringLiteral("-s"), QString::number(period),
                QStringLiteral("-N"), QStringLiteral("@%1").arg(at), QString::fromLatin1(secret.toHex()) });
        QVERIFY(p.waitForFinished(10000));
        const QString theirs = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
        QVERIFY2(q.value(0).toString() == theirs,
            qPrintable(QStringLiteral("%1 at %2: server %3, oathtool %4")
                           .arg(algorithm)
                           .arg(at)
                           .arg(q.value(0).toString(), theirs)));
        ++matched;
    }
    qInfo("(token, time) pairs computed by the server and by oathtool: %d of %d equal", matched, pairs);
}

namespace {

// The manual scenario's help-desk clerk.
const QString kClerk = QStringLiteral("helpdesk");
const QString kClerkPassword = QStringLiteral("Helpdesk2023");

// The newest audit entries (oldest first), as the owner's console reads them.
QList<AuditEntry> lastEntries(Store& store, int n)
{
    const QList<AuditEntry> all = store.auditLog().entries();
    return all.mid(qMax(0, int(all.size()) - n));
}

} // namespace

void TestServerBoundary::aDeskSignsInThroughTheServer()
{
    // The desk: its own role, no key file, no schema work.
    Database desk(m_clock);
    QVERIFY2(desk.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk), qPrintable(desk.errorMessage()));
    ServerDesk server(desk);
    const ServerDesk::SignIn in = server.signIn(kClerk, kClerkPassword);
    QCOMPARE(in.outcome, ServerDesk::Outcome::SignedIn);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(in.session).hasMatch());
    // Written by the server, verified by the console with its own key: one chain, two writers.
    const AuditVerification verified = m_store->auditLog().verify();
    QVERIFY2(verified.ok, qPrintable(verified.problem));
    QList<AuditEntry> last = lastEntries(*m_store, 1);
    QCOMPARE(last[0].actor, QStringLiteral("staff:helpdesk"));
    QCOMPARE(last[0].action, QStringLiteral("desk.signed_in"));
    QCOMPARE(last[0].details, QStringLiteral("db_role=") + m_desk);

    QVERIFY(server.signOut(in.session, QStringLiteral("sign-out")));
    QVERIFY(!server.signOut(in.session, QStringLiteral("sign-out"))); // once
    last = lastEntries(*m_store, 1);
    QCOMPARE(last[0].action, QStringLiteral("desk.signed_out"));
    QCOMPARE(last[0].details, QStringLiteral("reason=sign-out db_role=") + m_desk);
    QVERIFY(m_store->auditLog().verify().ok);

    // What the desk role may not do with the server's own objects: read them, or run the helpers
    // the granted functions use (an audit entry of its own making, a MAC under the server's keys).
    RoleConnection role(*m_pg, m_desk);
    for (const char* sql : { "SELECT * FROM server_keys", "SELECT * FROM server_credentials",
             "SELECT * FROM desk_sessions", "SELECT hardtoken_audit('staff:admin', 'desk.signed_in', 0, '')",
             "SELECT hardtoken_mac('state/signin', '\\x00')", "SELECT hardtoken_session_login('00')",
             "UPDATE desk_sessions SET ended_at = NULL", "DELETE FROM server_credentials" }) {
        QVERIFY2(role.run(QString::fromLatin1(sql)).contains(QLatin1String("permission denied")), sql);
    }
}

void TestServerBoundary::wrongSignInsAreCountedAndLockedByTheServer()
{
    Database desk(m_clock);
    QVERIFY2(desk.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk), qPrintable(desk.errorMessage()));
    ServerDesk server(desk);
    const int limit = m_store->settings().staffFailureLimit;
    for (int i = 1; i < limit; ++i) {
        const ServerDesk::SignIn wrong = server.signIn(kClerk, QStringLiteral("wrong-%1").arg(i));
        QCOMPARE(wrong.outcome, ServerDesk::Outcome::Denied);
        QCOMPARE(wrong.remaining, limit - i);
    }
    // An unknown login is denied the same way (and its salt does not tell it is unknown).
    QCOMPARE(server.signIn(QStringLiteral("nobody"), QStringLiteral("x")).outcome, ServerDesk::Outcome::Denied);
    QCOMPARE(server.signIn(kClerk, QStringLiteral("wrong-last")).outcome, ServerDesk::Outcome::Locked);
    QCOMPARE(server.signIn(kClerk, kClerkPassword).outcome, ServerDesk::Outcome::Locked); // the right one too
    QList<AuditEntry> last = lastEntries(*m_store, 3);
    QCOMPARE(last[0].action, QStringLiteral("desk.sign_in.denied"));
    QCOMPARE(last[0].details, QStringLiteral("reason=credential count=%1 limit=%1 db_role=%2").arg(limit).arg(m_desk));
    QCOMPARE(last[1].action, QStringLiteral("staff.locked"));
    QCOMPARE(last[2].details, QStringLiteral("reason=locked db_role=") + m_desk);
    QVERIFY(m_store->auditLog().verify().ok);

    // The console reads the server's counter as its own (its MAC verifies) ...
    std::optional<SigninState> state;
    QVERIFY(m_store->transaction([&] {
        state = StaffTable::lockAttempts(*m_store, kClerk);
        return state.has_value();
    }));
    QCOMPARE(state->failures, limit);
    QVERIFY(!state->lockedAt.isEmpty());
    // ... and the server the console's: a reset made by the console lets the clerk in again.
    QVERIFY(m_store->transaction([&] { return StaffTable::resetAttempts(*m_store, kClerk); }));
    const ServerDesk::SignIn in = server.signIn(kClerk, kClerkPassword);
    QCOMPARE(in.outcome, ServerDesk::Outcome::SignedIn);
    QVERIFY(server.signOut(in.session, QStringLiteral("closed")));

    // A counter edited behind both (here by the owner, as a DBA could): the server decides nothing.
    {
        RoleConnection owner(*m_pg, m_owner);
        QVERIFY(
            owner.run(QStringLiteral("UPDATE signin_attempts SET failures = 3 WHERE login = 'helpdesk'")).isEmpty());
    }
    QCOMPARE(server.signIn(kClerk, kClerkPassword).outcome, ServerDesk::Outcome::Tampered);
    QVERIFY(m_store->transaction([&] { return StaffTable::resetAttempts(*m_store, kClerk); })); // resealed
    QCOMPARE(server.signIn(kClerk, kClerkPassword).outcome, ServerDesk::Outcome::SignedIn);
}

// 9.1 and 9.2.2 as a desk on the server does them: two desks (two sessions), the usage mode
// confirmed with the PIN, a card checked and registered to a user with the PIN, a wrong PIN
// counted, and the same code committed by a second desk refused — then read back by the console.
void TestServerBoundary::theManualsProceduresRunOnTheServer()
{
    Database deskA(m_clock);
    Database deskB(m_clock);
    const QString asDesk = m_pg->connection() + QStringLiteral(" user=") + m_desk;
    QVERIFY(deskA.openAsDesk(asDesk) && deskB.openAsDesk(asDesk));
    ServerDesk a(deskA);
    ServerDesk b(deskB);
    const ServerDesk::SignIn inA = a.signIn(kClerk, kClerkPassword);
    const ServerDesk::SignIn inB = b.signIn(kClerk, kClerkPassword);
    QCOMPARE(inA.outcome, ServerDesk::Outcome::SignedIn);
    QCOMPARE(inB.outcome, ServerDesk::Outcome::SignedIn);
    const qint64 corporation = CorporationTable::idByCode(*m_store, sample::corporationCode);
    qint64 yamada = 0;
    qint64 tanaka = 0;
    for (const UserInfo& u : UserTable::list(*m_store, corporation)) {
        yamada = u.name == QStringLiteral("山田 太郎") ? u.id : yamada;
        tanaka = u.name == QStringLiteral("田中 次郎") ? u.id : tanaka;
    }
    const QString individual = QStringLiteral("individual");

    // 9.1: the usage mode confirmed, with the PIN (a wrong one first: counted, then forgiven).
    ServerDesk::PinActResult mode = a.setUsageMode(inA.session, corporation, individual, QStringLiteral("0000"));
    QCOMPARE(mode.outcome, ServerDesk::PinAct::WrongPin);
    QCOMPARE(mode.remaining, m_store->settings().pinFailureLimit - 1);
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 1);
    mode = a.setUsageMode(inA.session, corporation, individual, sample::pin);
    QCOMPARE(mode.outcome, ServerDesk::PinAct::Done);
    QCOMPARE(mode.cancelled, 0);
    auto info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info->stateIntact);
    QCOMPARE(info->pinFailures, 0);
    QCOMPARE(lastEntries(*m_store, 1)[0].action, QStringLiteral("usage_mode.confirmed"));

    // 9.2.2: both desks check the spare card's code now, for two users; desk A commits first.
    OtpGenerator generator;
    const QString code
        = generator.totp(QByteArrayLiteral("training-seed-0000000011"), QDateTime::currentSecsSinceEpoch());
    const ServerDesk::TokenCheck checkA
        = a.checkToken(inA.session, corporation, sample::spareCard1, code, individual, yamada);
    const ServerDesk::TokenCheck checkB
        = b.checkToken(inB.session, corporation, sample::spareCard1, code, individual, tanaka);
    QCOMPARE(checkA.outcome, ServerDesk::Check::Right);
    QCOMPARE(checkB.outcome, ServerDesk::Check::Right);
    // A token desk A never checked cannot be slipped into its commit.
    const qint64 spare2 = TokenTable::find(*m_store, sample::spareCard2)->id;
    QCOMPARE(a.registerTokens(inA.session, corporation, sample::pin, individual, { { tanaka, spare2 } }).outcome,
        ServerDesk::PinAct::NotChecked);
    const ServerDesk::PinActResult done
        = a.registerTokens(inA.session, corporation, sample::pin, individual, { { yamada, checkA.tokenId } });
    QCOMPARE(done.outcome, ServerDesk::PinAct::Done);
    // The same code from desk B: already used (the state only moves forward), and nothing of B's written.
    const ServerDesk::PinActResult late
        = b.registerTokens(inB.session, corporation, sample::pin, individual, { { tanaka, checkB.tokenId } });
    QCOMPARE(late.outcome, ServerDesk::PinAct::AlreadyUsed);
    QCOMPARE(late.detail, QStringLiteral("田中 次郎"));
    // Once: the check was used up.
    QCOMPARE(
        a.registerTokens(inA.session, corporation, sample::pin, individual, { { yamada, checkA.tokenId } }).outcome,
        ServerDesk::PinAct::NotChecked);

    // What the console reads: 山田's card is the spare one (his old one released), its state moved
    // and sealed, 田中 keeps his; the audit says who, through which role, authorised by the PIN.
    const auto token = TokenTable::find(*m_store, sample::spareCard1);
    QVERIFY(token && token->stateIntact);
    QCOMPARE(token->holderUser, yamada);
    QVERIFY(token->state.lastStep > 0);
    QCOMPARE(TokenTable::find(*m_store, sample::yamadaCard)->holderCorporation, qint64(0));
    QCOMPARE(TokenTable::find(*m_store, sample::tanakaCard)->holderUser, tanaka);
    const QList<AuditEntry> last = lastEntries(*m_store, 2);
    QCOMPARE(last[0].action, QStringLiteral("token.registered"));
    QCOMPARE(last[0].actor, QStringLiteral("staff:helpdesk"));
    QCOMPARE(last[0].details,
        QStringLiteral("user=山田 太郎 serial=00-0000001-1 released=1 authorised=corporation-pin db_role=") + m_desk);
    QCOMPARE(last[1].action, QStringLiteral("registration.committed"));
    QCOMPARE(last[1].details, QStringLiteral("entries=1 authorised=corporation-pin db_role=") + m_desk);
    info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info->stateIntact && !info->suspended);
    const AuditVerification chain = m_store->auditLog().verify();
    QVERIFY2(chain.ok, qPrintable(chain.problem));
    QVERIFY(a.signOut(inA.session, QStringLiteral("closed")));
    QVERIFY(b.signOut(inB.session, QStringLiteral("closed")));
}

void TestServerBoundary::theServerChecksTokensWithSeedsNoDeskCanRead()
{
    Database desk(m_clock);
    QVERIFY2(desk.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk), qPrintable(desk.errorMessage()));
    ServerDesk server(desk);
    const ServerDesk::SignIn in = server.signIn(kClerk, kClerkPassword);
    QCOMPARE(in.outcome, ServerDesk::Outcome::SignedIn);
    const qint64 corporation = CorporationTable::idByCode(*m_store, sample::corporationCode);
    const QList<UserInfo> users = UserTable::list(*m_store, corporation);
    const auto userNamed = [&](const QString& name) {
        for (const UserInfo& u : users) {
            if (u.name == name)
                return u.id;
        }
        return qint64(0);
    };
    const qint64 yamada = userNamed(QStringLiteral("山田 太郎"));
    const qint64 suzuki = userNamed(QStringLiteral("鈴木 花子"));
    QVERIFY(yamada && suzuki);
    const QString individual = QStringLiteral("individual");
    const auto check = [&](const QString& serial, const QString& code, qint64 user,
                           const QString& mode = QStringLiteral("individual")) {
        return server.checkToken(in.session, corporation, serial, code, mode, user);
    };

    // The HOTP card's code at counter 0, as the card shows it: right, and only kept as this
    // session's check (the token's state moves at the commit, not here).
    OtpGenerator card;
    QVERIFY(card.setKey(QByteArrayLiteral("training-seed-0000000031"), OtpAlgorithm::Sha1));
    const QString code0 = QStringLiteral("%1").arg(*card.codeAt(0, 6), 6, 10, QLatin1Char('0'));
    const ServerDesk::TokenCheck right = check(sample::hotpCard, code0, yamada);
    QCOMPARE(right.outcome, ServerDesk::Check::Right);
    QVERIFY(right.tokenId > 0);
    QCOMPARE(TokenTable::find(*m_store, sample::hotpCard)->state.nextCounter, quint64(0));
    // Not counted: another user's card, the wrong mode, no session, malformed input.
    QCOMPARE(check(sample::tanakaCard, code0, suzuki).outcome, ServerDesk::Check::HeldByOther);
    QCOMPARE(check(sample::hotpCard, code0, 0, QStringLiteral("shared")).outcome, ServerDesk::Check::WrongMode);
    QCOMPARE(check(sample::hotpCard, QStringLiteral("12345"), yamada).outcome, ServerDesk::Check::Invalid);
    QCOMPARE(server.checkToken(QString(64, QLatin1Char('0')), corporation, sample::hotpCard, code0, individual, yamada)
                 .outcome,
        ServerDesk::Check::NoSession);

    // Wrong codes (and an unknown serial) counted by the server to the limit, then 利用中止.
    const int limit = m_store->settings().otpFailureLimit;
    const QString wrongCode = QStringLiteral("%1").arg((*card.codeAt(0, 6) + 1) % 1000000, 6, 10, QLatin1Char('0'));
    for (int i = 1; i < limit; ++i) {
        const ServerDesk::TokenCheck wrong
            = check(i == 1 ? QStringLiteral("9999999999") : sample::hotpCard, wrongCode, yamada);
        QCOMPARE(wrong.outcome, ServerDesk::Check::Wrong);
        QCOMPARE(wrong.remaining, limit - i);
    }
    QCOMPARE(check(sample::hotpCard, wrongCode, yamada).outcome, ServerDesk::Check::SuspendedNow);
    QCOMPARE(check(sample::hotpCard, code0, yamada).outcome, ServerDesk::Check::Suspended); // even the right one
    // The console reads the server's counters and 利用中止 as its own (their MAC verifies), and the
    // audit chain, written by both, verifies end to end.
    const auto info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info && info->stateIntact);
    QCOMPARE(info->otpFailures, limit);
    QVERIFY(info->suspended);
    QCOMPARE(info->suspendedReason, SuspensionReason::Otp);
    const QList<AuditEntry> last = lastEntries(*m_store, 2);
    QCOMPARE(last[0].action, QStringLiteral("token.failure"));
    QCOMPARE(last[0].actor, QStringLiteral("staff:helpdesk"));
    QCOMPARE(last[0].details,
        QStringLiteral("count=%1 limit=%1 serial=%2 db_role=%3").arg(limit).arg(sample::hotpCard, m_desk));
    QCOMPARE(last[1].action, QStringLiteral("corporation.suspended"));
    const AuditVerification chain = m_store->auditLog().verify();
    QVERIFY2(chain.ok, qPrintable(chain.problem));

    // The seeds and the pending checks stay on the server.
    RoleConnection role(*m_pg, m_desk);
    for (const char* sql : { "SELECT * FROM server_seeds", "SELECT * FROM token_checks",
             "SELECT hardtoken_keep_seed(1, '\\x00')", "SELECT hardtoken_corporation_mac(c) FROM corporations c" }) {
        QVERIFY2(role.run(QString::fromLatin1(sql)).contains(QLatin1String("permission denied")), sql);
    }
    QVERIFY(server.signOut(in.session, QStringLiteral("closed")));
}

// The 管理 acts on the server, within the session: 利用中止 lifted (the corporation was suspended by
// the test before), the counters reset, a new PIN set, and a staff lock lifted by another
// administrator only — each with its reason in the audit, read back by the console.
void TestServerBoundary::theHelpDesksActsRunInTheSession()
{
    Database deskConnection(m_clock);
    QVERIFY(deskConnection.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk));
    ServerDesk desk(deskConnection);
    const ServerDesk::SignIn clerk = desk.signIn(kClerk, kClerkPassword);
    QCOMPARE(clerk.outcome, ServerDesk::Outcome::SignedIn);
    const qint64 corporation = CorporationTable::idByCode(*m_store, sample::corporationCode);
    const QString reason = QStringLiteral("お客さまから依頼（本人確認済み）");
    QVERIFY(CorporationTable::info(*m_store, corporation)->suspended);

    // 利用中止の解除: a reason is needed; then lifted, once.
    QCOMPARE(desk.unlock(clerk.session, corporation, QStringLiteral("  ")), ServerDesk::StaffAct::Invalid);
    QCOMPARE(desk.unlock(clerk.session, corporation, reason), ServerDesk::StaffAct::Done);
    auto info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info->stateIntact && !info->suspended && info->otpFailures == 0);
    QCOMPARE(lastEntries(*m_store, 1)[0].details, QStringLiteral("reason=%1 db_role=%2").arg(reason, m_desk));
    QCOMPARE(desk.unlock(clerk.session, corporation, reason), ServerDesk::StaffAct::NotSuspended);
    // A row edited behind the rules is resealed by the unlock (the help desk's recovery).
    {
        RoleConnection owner(*m_pg, m_owner);
        QVERIFY(owner.run(QStringLiteral("UPDATE corporations SET otp_failures = 3")).isEmpty());
    }
    QVERIFY(!CorporationTable::info(*m_store, corporation)->stateIntact);
    QCOMPARE(desk.unlock(clerk.session, corporation, reason), ServerDesk::StaffAct::Done);
    QVERIFY(CorporationTable::info(*m_store, corporation)->stateIntact);
    QVERIFY(lastEntries(*m_store, 1)[0].details.contains(QLatin1String("state=resealed")));

    // 誤入力回数のリセット after two wrong PINs.
    const QString individual = QStringLiteral("individual");
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(desk.setUsageMode(clerk.session, corporation, individual, QStringLiteral("wrong1")).outcome,
            ServerDesk::PinAct::WrongPin);
    }
    QCOMPARE(desk.resetCounters(clerk.session, corporation, reason), ServerDesk::StaffAct::Done);
    QCOMPARE(
        lastEntries(*m_store, 1)[0].details, QStringLiteral("reason=%1 otp=0 pin=2 db_role=%2").arg(reason, m_desk));
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 0);
    QCOMPARE(desk.resetCounters(clerk.session, corporation, reason), ServerDesk::StaffAct::NothingToReset);

    // 契約法人確認暗証番号の設定: the old PIN stops working at once, the new one works.
    const QString newPin = QStringLiteral("kaisha5678");
    QCOMPARE(desk.setPin(clerk.session, corporation, reason, newPin), ServerDesk::StaffAct::Done);
    QCOMPARE(
        desk.setUsageMode(clerk.session, corporation, individual, sample::pin).outcome, ServerDesk::PinAct::WrongPin);
    QCOMPARE(desk.setUsageMode(clerk.session, corporation, individual, newPin).outcome, ServerDesk::PinAct::Done);
    QVERIFY(crypto::verifySecret(newPin, CorporationTable::pinHash(*m_store, corporation)));

    // A staff lock lifted: not by the clerk (audited), not by oneself, by another administrator.
    QVERIFY(m_store->transaction([&] {
        return StaffTable::insert(*m_store, QStringLiteral("chief"), QStringLiteral("主任"),
            crypto::hashSecret(QStringLiteral("Chief-pass1"), { 10, 8, 1 }), StaffTable::Role::Admin);
    }));
    QCOMPARE(
        desk.resetStaffLock(clerk.session, QStringLiteral("chief"), reason), ServerDesk::StaffAct::NotAdministrator);
    QCOMPARE(lastEntries(*m_store, 1)[0].action, QStringLiteral("staff.reset.denied"));
    const ServerDesk::SignIn chief = desk.signIn(QStringLiteral("chief"), QStringLiteral("Chief-pass1"));
    QCOMPARE(chief.outcome, ServerDesk::Outcome::SignedIn); // the account made by the console signs in on the server
    for (int i = 0; i < m_store->settings().staffFailureLimit; ++i)
        desk.signIn(kClerk, QStringLiteral("wrong"));
    QCOMPARE(desk.signIn(kClerk, kClerkPassword).outcome, ServerDesk::Outcome::Locked);
    QCOMPARE(desk.resetStaffLock(chief.session, QStringLiteral("chief"), reason), ServerDesk::StaffAct::OwnLogin);
    QCOMPARE(desk.resetStaffLock(chief.session, QStringLiteral("ghost"), reason), ServerDesk::StaffAct::NotFound);
    QCOMPARE(desk.resetStaffLock(chief.session, kClerk, reason), ServerDesk::StaffAct::Done);
    QCOMPARE(lastEntries(*m_store, 1)[0].actor, QStringLiteral("staff:chief"));
    QCOMPARE(
        lastEntries(*m_store, 1)[0].details, QStringLiteral("login=helpdesk reason=%1 db_role=%2").arg(reason, m_desk));
    const ServerDesk::SignIn again = desk.signIn(kClerk, kClerkPassword);
    QCOMPARE(again.outcome, ServerDesk::Outcome::SignedIn);

    // 担当者の登録 and 利用停止 by an administrator: the account works on the server at once (its
    // verifier kept in step by the trigger), a disabled one signs in no more, an enabled one again.
    const QString teller = QStringLiteral("teller1");
    const QString tellerPassword = QStringLiteral("Teller-pass1");
    QCOMPARE(desk.addStaff(
                 again.session, teller, QStringLiteral("窓口 一郎"), false, tellerPassword, tellerPassword, reason),
        ServerDesk::StaffAct::NotAdministrator);
    QCOMPARE(
        desk.addStaff(chief.session, QStringLiteral("two words"), {}, false, tellerPassword, tellerPassword, reason),
        ServerDesk::StaffAct::Invalid);
    QCOMPARE(desk.addStaff(chief.session, teller, QStringLiteral("窓口 一郎"), false, tellerPassword,
                 QStringLiteral("Teller-pass2"), reason),
        ServerDesk::StaffAct::Invalid); // typed twice, not the same
    QCOMPARE(desk.addStaff(
                 chief.session, teller, QStringLiteral("窓口 一郎"), false, tellerPassword, tellerPassword, reason),
        ServerDesk::StaffAct::Done);
    QCOMPARE(lastEntries(*m_store, 1)[0].details,
        QStringLiteral("login=teller1 role=staff reason=%1 db_role=%2").arg(reason, m_desk));
    QCOMPARE(desk.addStaff(chief.session, teller, {}, false, tellerPassword, tellerPassword, reason),
        ServerDesk::StaffAct::Exists);
    const ServerDesk::SignIn tellerIn = desk.signIn(teller, tellerPassword);
    QCOMPARE(tellerIn.outcome, ServerDesk::Outcome::SignedIn);
    QVERIFY(desk.signOut(tellerIn.session, QStringLiteral("closed")));
    QCOMPARE(
        desk.setStaffDisabled(chief.session, QStringLiteral("chief"), true, reason), ServerDesk::StaffAct::OwnLogin);
    QCOMPARE(
        desk.setStaffDisabled(chief.session, QStringLiteral("ghost"), true, reason), ServerDesk::StaffAct::NotFound);
    QCOMPARE(desk.setStaffDisabled(chief.session, teller, true, reason), ServerDesk::StaffAct::Done);
    QCOMPARE(desk.signIn(teller, tellerPassword).outcome, ServerDesk::Outcome::Denied);
    QVERIFY(StaffTable::find(*m_store, teller)->disabled); // the console sees it too
    QCOMPARE(desk.setStaffDisabled(chief.session, teller, false, reason), ServerDesk::StaffAct::Done);
    const ServerDesk::SignIn tellerBack = desk.signIn(teller, tellerPassword);
    QCOMPARE(tellerBack.outcome, ServerDesk::Outcome::SignedIn);
    QVERIFY(desk.signOut(tellerBack.session, QStringLiteral("closed")));
    // The audit log is append-only for the owner's own connection too; only a re-chaining (rotate-key's
    // transaction) may rewrite its MACs.
    {
        RoleConnection owner(*m_pg, m_owner);
        for (const char* sql : { "UPDATE audit_log SET details = 'x' WHERE id = 1",
                 "DELETE FROM audit_log WHERE id = 1", "TRUNCATE audit_log" }) {
            QVERIFY2(owner.run(QString::fromLatin1(sql)).contains(QLatin1String("append-only")), sql);
        }
    }
    QVERIFY(m_store->transaction([&] { return m_store->auditLog().rechain(); }));
    // Every act of these sessions names its staff member, and the chain is whole.
    const AuditVerification chain = m_store->auditLog().verify();
    QVERIFY2(chain.ok, qPrintable(chain.problem));
    for (const QString& session : { clerk.session, chief.session, again.session })
        QVERIFY(desk.signOut(session, QStringLiteral("closed")));
    QCOMPARE(desk.unlock(clerk.session, corporation, reason), ServerDesk::StaffAct::NoSession); // ended
}

// The network fails after the server has done an act and before its answer reaches the desk (the
// proxy reads the whole answer, the transaction over, and closes both ends). The desk reconnects and
// asks again with the same request, and the server answers from what it kept: one session, one
// wrong entry counted, one PIN failure, the PIN set once, the registration done and answered ok.
void TestServerBoundary::anAnswerLostAfterTheCommitIsNotActedTwice()
{
    const QString server = m_pg->server;
    const QRegularExpressionMatch host = QRegularExpression(QStringLiteral("host=(\\S+)")).match(server);
    const QRegularExpressionMatch port = QRegularExpression(QStringLiteral("port=(\\d+)")).match(server);
    LossyProxy proxy(host.hasMatch() ? host.captured(1) : QStringLiteral("/var/run/postgresql"),
        port.hasMatch() ? port.captured(1).toInt() : 5432);
    QVERIFY(proxy.start());
    Database deskConnection(m_clock);
    QVERIFY2(
        deskConnection.openAsDesk(m_pg->connection() + QStringLiteral(" host=%1 user=%2").arg(proxy.host(), m_desk)),
        qPrintable(deskConnection.errorMessage()));
    ServerDesk desk(deskConnection);
    const auto audited = [&](const QString& action) {
        int n = 0;
        for (const AuditEntry& e : m_store->auditLog().entries())
            n += e.action == action ? 1 : 0;
        return n;
    };
    const qint64 corporation = CorporationTable::idByCode(*m_store, sample::corporationCode);
    qint64 yamada = 0;
    for (const UserInfo& u : UserTable::list(*m_store, corporation))
        yamada = u.name == QStringLiteral("山田 太郎") ? u.id : yamada;
    QVERIFY(yamada);

    // 担当者のサインイン: one session opened (the desk's own token), audited once.
    const int signIns = audited(QStringLiteral("desk.signed_in"));
    proxy.loseAnswer("signed_in");
    const ServerDesk::SignIn in = desk.signIn(kClerk, kClerkPassword);
    QCOMPARE(proxy.lost(), 1);
    QCOMPARE(in.outcome, ServerDesk::Outcome::SignedIn);
    QCOMPARE(audited(QStringLiteral("desk.signed_in")), signIns + 1);
    const QString reason = QStringLiteral("お客さまから依頼（本人確認済み）");
    desk.resetCounters(in.session, corporation, reason); // a clean start, whatever came before

    // 契約法人確認暗証番号の設定: set once, answered ok.
    const QString pin = QStringLiteral("kaisha2468");
    const int pinsSet = audited(QStringLiteral("corporation.pin_set"));
    proxy.loseAnswer("ok");
    QCOMPARE(desk.setPin(in.session, corporation, reason, pin), ServerDesk::StaffAct::Done);
    QCOMPARE(proxy.lost(), 2);
    QCOMPARE(audited(QStringLiteral("corporation.pin_set")), pinsSet + 1);

    // A wrong one-time password and a wrong PIN: each counted once.
    OtpGenerator card;
    QVERIFY(card.setKey(QByteArrayLiteral("training-seed-0000000031"), OtpAlgorithm::Sha1));
    const quint64 counter = TokenTable::find(*m_store, sample::hotpCard)->state.nextCounter;
    const auto codeAt = [&](quint64 c, int offset) {
        return QStringLiteral("%1").arg((*card.codeAt(c, 6) + offset) % 1000000, 6, 10, QLatin1Char('0'));
    };
    const QString individual = QStringLiteral("individual");
    proxy.loseAnswer("wrong");
    const ServerDesk::TokenCheck wrong
        = desk.checkToken(in.session, corporation, sample::hotpCard, codeAt(counter, 1), individual, yamada);
    QCOMPARE(proxy.lost(), 3);
    QCOMPARE(wrong.outcome, ServerDesk::Check::Wrong);
    QCOMPARE(wrong.remaining, m_store->settings().otpFailureLimit - 1);
    QCOMPARE(CorporationTable::info(*m_store, corporation)->otpFailures, 1);
    proxy.loseAnswer("wrong");
    const ServerDesk::PinActResult wrongPin
        = desk.setUsageMode(in.session, corporation, individual, QStringLiteral("wrong1"));
    QCOMPARE(proxy.lost(), 4);
    QCOMPARE(wrongPin.outcome, ServerDesk::PinAct::WrongPin);
    QCOMPARE(wrongPin.remaining, m_store->settings().pinFailureLimit - 1);
    QCOMPARE(CorporationTable::info(*m_store, corporation)->pinFailures, 1);

    // 9.2.2's OK: the registration committed once and answered ok (its first try used the check;
    // done again, it would have been refused as not checked).
    const ServerDesk::TokenCheck right
        = desk.checkToken(in.session, corporation, sample::hotpCard, codeAt(counter, 0), individual, yamada);
    QCOMPARE(right.outcome, ServerDesk::Check::Right);
    const int registered = audited(QStringLiteral("registration.committed"));
    proxy.loseAnswer("ok");
    const ServerDesk::PinActResult commit
        = desk.registerTokens(in.session, corporation, pin, individual, { { yamada, right.tokenId } });
    QCOMPARE(proxy.lost(), 5);
    QCOMPARE(commit.outcome, ServerDesk::PinAct::Done);
    QCOMPARE(audited(QStringLiteral("registration.committed")), registered + 1);
    QCOMPARE(TokenTable::find(*m_store, sample::hotpCard)->state.nextCounter, counter + 1);
    for (const UserInfo& u : UserTable::list(*m_store, corporation)) {
        if (u.id == yamada)
            QCOMPARE(u.currentSerial, sample::hotpCard);
    }
    const auto info = CorporationTable::info(*m_store, corporation);
    QVERIFY(info->stateIntact);
    QCOMPARE(info->pinFailures, 0); // forgiven by the right PIN
    qInfo("answers lost after the server's commit: %d; each act done once", proxy.lost());

    // A request id is the act's own: asked for another act, or malformed, the server refuses it.
    RoleConnection role(*m_pg, m_desk);
    const QString id = QStringLiteral("0123456789abcdef0123456789abcdef");
    QVERIFY(role.run(QStringLiteral("SELECT hardtoken_sign_out('%1', 'closed')").arg(QString(64, QLatin1Char('0'))))
                .isEmpty());
    QVERIFY(role.run(QStringLiteral("SELECT * FROM hardtoken_unlock('%1', '%2', %3, 'x')")
                         .arg(id, QString(64, QLatin1Char('0')))
                         .arg(corporation))
                .isEmpty());
    QVERIFY(role.run(QStringLiteral("SELECT * FROM hardtoken_reset_counters('%1', '%2', %3, 'x')")
                         .arg(id, QString(64, QLatin1Char('0')))
                         .arg(corporation))
                .contains(QLatin1String("another act")));
    QVERIFY(role.run(QStringLiteral("SELECT * FROM hardtoken_unlock('x', '%1', %2, 'x')")
                         .arg(QString(64, QLatin1Char('0')))
                         .arg(corporation))
                .contains(QLatin1String("32 hexadecimal digits")));
    QVERIFY(desk.signOut(in.session, QStringLiteral("closed")));
}

// トークンの取り込み from a desk with no key: the vendor's file read on the desk, its tokens sent once
// to the server, which keeps each seed under its own key (no sealed secret in the tokens table, none
// a desk could read), as an administrator's act, all or nothing — and checks their codes.
void TestServerBoundary::anAdministratorImportsTokensWhoseSeedsOnlyTheServerKeeps()
{
    Database deskConnection(m_clock);
    QVERIFY(deskConnection.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk));
    ServerDesk desk(deskConnection);
    const ServerDesk::SignIn clerk = desk.signIn(kClerk, kClerkPassword);
    const ServerDesk::SignIn chief = desk.signIn(QStringLiteral("chief"), QStringLiteral("Chief-pass1"));
    QCOMPARE(clerk.outcome, ServerDesk::Outcome::SignedIn);
    QCOMPARE(chief.outcome, ServerDesk::Outcome::SignedIn);
    const QByteArray seed = QByteArrayLiteral("12345678901234567890");
    const auto file = [&](const QByteArray& hotpSeed) -> QByteArray {
        return QByteArrayLiteral("serial,secret_hex,type,digits,period,counter\n") + "7000000001," + hotpSeed.toHex()
            + ",hotp,6,,0\n7000000002,76656e646f722d7365637265742d74776f,totp,6,30,\n";
    };
    const QString reason = QStringLiteral("ベンダー納品分（2026年12月）");
    const auto import = [&](const ServerDesk::SignIn& who, const QByteArray& bytes, bool replace) {
        TokenImportReport report;
        QList<TokenLine> lines = TokenImport::parse(bytes, {}, &report);
        TokenImport::applyThroughServer(desk, who.session, lines, replace, reason, &report);
        return report;
    };
    const int auditBefore = int(m_store->auditLog().entries().size());

    // Not the clerk's act (refused and audited); nothing written.
    TokenImportReport report = import(clerk, file(seed), false);
    QVERIFY(!report.written);
    QVERIFY2(report.fileProblem.contains(QStringLiteral("管理者")), qPrintable(report.fileProblem));
    QVERIFY(!TokenTable::find(*m_store, QStringLiteral("7000000001")));
    QCOMPARE(lastEntries(*m_store, 1)[0].action, QStringLiteral("tokens.import.denied"));

    // The administrator's: both imported, the seeds the server's alone.
    report = import(chief, file(seed), false);
    QVERIFY2(report.written, qPrintable(report.describe().join(QLatin1Char('\n'))));
    QCOMPARE(report.count(TokenOutcome::Kind::Imported), 2);
    {
        RoleConnection owner(*m_pg, m_owner);
        QSqlQuery q(owner.db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM tokens t JOIN server_seeds s ON s.token_id = t.id"
                                      " WHERE t.serial IN ('7000000001', '7000000002') AND length(t.secret) = 0")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
    const auto imported = TokenTable::find(*m_store, QStringLiteral("7000000001"));
    QVERIFY(imported && imported->stateIntact); // the server's MAC, verified by the console
    QCOMPARE(imported->state.nextCounter, quint64(0));
    const QList<AuditEntry> last = lastEntries(*m_store, 3);
    QCOMPARE(last[0].action, QStringLiteral("token.imported"));
    QCOMPARE(last[0].actor, QStringLiteral("staff:chief"));
    QCOMPARE(last[2].action, QStringLiteral("tokens.imported"));
    QCOMPARE(last[2].details,
        QStringLiteral("format=csv imported=2 replaced=0 unchanged=0 reason=%1 db_role=%2").arg(reason, m_desk));
    // The server checks the new card's code (its seed never was on a desk).
    const qint64 corporation = CorporationTable::idByCode(*m_store, sample::corporationCode);
    qint64 suzuki = 0;
    for (const UserInfo& u : UserTable::list(*m_store, corporation))
        suzuki = u.name == QStringLiteral("鈴木 花子") ? u.id : suzuki;
    OtpGenerator card;
    QVERIFY(card.setKey(seed, OtpAlgorithm::Sha1));
    const QString code = QStringLiteral("%1").arg(*card.codeAt(0, 6), 6, 10, QLatin1Char('0'));
    QCOMPARE(desk.checkToken(clerk.session, corporation, QStringLiteral("7000000001"), code,
                     QStringLiteral("individual"), suzuki)
                 .outcome,
        ServerDesk::Check::Right);

    // The same file again: unchanged. Another seed for a known serial: refused without --replace
    // (nothing written), replaced with it.
    report = import(chief, file(seed), false);
    QCOMPARE(report.count(TokenOutcome::Kind::Unchanged), 2);
    const QByteArray other = QByteArrayLiteral("another-vendor-seed!");
    report = import(chief, file(other), false);
    QVERIFY(!report.written);
    QCOMPARE(report.count(TokenOutcome::Kind::Refused), 1);
    QVERIFY(report.outcomes.last().reason.contains(QLatin1String("--replace")));
    report = import(chief, file(other), true);
    QVERIFY(report.written);
    QCOMPARE(report.count(TokenOutcome::Kind::Replaced), 1);
    QCOMPARE(report.count(TokenOutcome::Kind::Unchanged), 1);
    QCOMPARE(desk.checkToken(clerk.session, corporation, QStringLiteral("7000000001"), code,
                     QStringLiteral("individual"), suzuki)
                 .outcome,
        ServerDesk::Check::Wrong); // the old seed's code no more
    qInfo("tokens imported through the server: %d audit entries, the seeds kept by the server alone",
        int(m_store->auditLog().entries().size()) - auditBefore);

    // server init again (after a migration or rotate-key) leaves the server's seeds as they are;
    // the console's own key rotation finds no secret of theirs to reseal.
    QVERIFY2(ServerBoundary::init(*m_store, m_desk), qPrintable(m_store->errorMessage()));
    for (const TokenTable::SealedSecret& t : TokenTable::sealedSecrets(*m_store))
        QVERIFY(!t.serial.startsWith(QLatin1String("700000000")));
    QCOMPARE(desk.checkToken(clerk.session, corporation, QStringLiteral("7000000001"), code,
                     QStringLiteral("individual"), suzuki)
                 .outcome,
        ServerDesk::Check::Wrong);
    // The desk role reads no seed of them either.
    RoleConnection role(*m_pg, m_desk);
    QVERIFY(role.run(QStringLiteral("SELECT secret FROM tokens")).contains(QLatin1String("permission denied")));
    for (const ServerDesk::SignIn& in : { clerk, chief })
        QVERIFY(desk.signOut(in.session, QStringLiteral("closed")));
}

// 名簿の取り込み from a desk with no key, in an administrator's session: corporations and users
// added, renamed and updated, the missing users reported, and pruned (their registration released)
// only when asked; a clerk is refused; the console reads the new corporation's row under its MAC.
void TestServerBoundary::anAdministratorImportsTheRosterThroughTheServer()
{
    Database deskConnection(m_clock);
    QVERIFY(deskConnection.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk));
    ServerDesk desk(deskConnection);
    const ServerDesk::SignIn clerk = desk.signIn(kClerk, kClerkPassword);
    const ServerDesk::SignIn chief = desk.signIn(QStringLiteral("chief"), QStringLiteral("Chief-pass1"));
    QCOMPARE(chief.outcome, ServerDesk::Outcome::SignedIn);
    const QString reason = QStringLiteral("本部の名簿（2026年12月）");
    const auto import = [&](const ServerDesk::SignIn& who, const QString& text, bool prune) {
        RosterReport report;
        const QList<RosterLine> lines = RosterImport::parse(text.toUtf8(), {}, &report);
        RosterImport::applyThroughServer(desk, who.session, lines, prune, reason, &report);
        return report;
    };
    const QString header = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n");
    const QString first = header
        + QStringLiteral("2000000001,株式会社あおば,U001,青葉 一郎,1\n2000000001,株式会社あおば,U002,青葉 花子,2\n");

    RosterReport report = import(clerk, first, false);
    QVERIFY(!report.written);
    QVERIFY(report.refused.join(QString()).contains(QStringLiteral("管理者")));
    QCOMPARE(CorporationTable::idByCode(*m_store, QStringLiteral("2000000001")), 0);

    report = import(chief, first, false);
    QVERIFY2(report.written, qPrintable(report.describe().join(QLatin1Char('\n'))));
    QCOMPARE(report.corporationsAdded, 1);
    QCOMPARE(report.usersAdded, 2);
    const qint64 aoba = CorporationTable::idByCode(*m_store, QStringLiteral("2000000001"));
    const auto info = CorporationTable::info(*m_store, aoba);
    QVERIFY(info && info->stateIntact); // the server's MAC, verified by the console
    QCOMPARE(UserTable::list(*m_store, aoba).size(), 2);

    // The next roster: one renamed corporation, one user changed, one new, one gone (reported, kept).
    const QString next = header
        + QStringLiteral(
            "2000000001,株式会社あおば商事,U001,青葉 一郎,3\n2000000001,株式会社あおば商事,U003,青葉 次郎,1\n");
    report = import(chief, next, false);
    QVERIFY(report.written);
    QCOMPARE(report.corporationsUpdated, 1);
    QCOMPARE(report.usersUpdated, 1);
    QCOMPARE(report.usersAdded, 1);
    QCOMPARE(report.removed, 0);
    QCOMPARE(report.missing, QStringList { QStringLiteral("2000000001 / U002 青葉 花子") });
    QCOMPARE(UserTable::list(*m_store, aoba).size(), 3);
    // Pruned when asked: U002 removed and audited.
    report = import(chief, next, true);
    QVERIFY(report.written);
    QCOMPARE(report.removed, 1);
    QCOMPARE(report.unchanged, 2);
    QCOMPARE(UserTable::list(*m_store, aoba).size(), 2);
    const QList<AuditEntry> last = lastEntries(*m_store, 2);
    QCOMPARE(last[0].action, QStringLiteral("user.removed"));
    QCOMPARE(last[0].actor, QStringLiteral("staff:chief"));
    QCOMPARE(last[1].action, QStringLiteral("roster.imported"));
    QVERIFY(last[1].details.contains(QStringLiteral("removed=1 reason=%1").arg(reason)));
    QVERIFY(m_store->auditLog().verify().ok);
    // The server checks every line itself: one it refuses (an empty code, sent past the desk's own
    // check) and nothing of the file is written.
    {
        RoleConnection role(*m_pg, m_desk);
        QSqlQuery q(role.db);
        QVERIFY(q.exec(QStringLiteral("SELECT outcome, detail FROM hardtoken_import_roster('%1', '%2',"
                                      " '[{\"corporation_code\": \"2000000009\", \"corporation_name\": \"x\","
                                      " \"user_id\": \"U1\", \"user_name\": \"y\", \"display_order\": 1},"
                                      " {\"corporation_code\": \"\"}]', false, 'r')")
                           .arg(QString(32, QLatin1Char('7')), chief.session)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("invalid"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("2"));
        QCOMPARE(CorporationTable::idByCode(*m_store, QStringLiteral("2000000009")), 0);
    }
    for (const ServerDesk::SignIn& in : { clerk, chief })
        QVERIFY(desk.signOut(in.session, QStringLiteral("closed")));

    // The same from the command line of a desk with no key file: hardtoken-cli desk import roster,
    // the administrator's password on standard input; a wrong one is refused and nothing written.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("roster.csv"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((header + QStringLiteral("2000000002,株式会社みなと,M01,港 一郎,1\n")).toUtf8());
    }
    const auto cli = [&](const QByteArray& password) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(HARDTOKEN_CLI),
            { QStringLiteral("--postgres"), m_pg->connection() + QStringLiteral(" user=") + m_desk,
                QStringLiteral("desk"), QStringLiteral("import"), QStringLiteral("roster"), file,
                QStringLiteral("--staff"), QStringLiteral("chief"), QStringLiteral("--reason"), reason });
        p.write(password + '\n');
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return std::pair { p.exitCode(), QString::fromUtf8(p.readAll()) };
    };
    const auto [wrongCode, wrongOutput] = cli("not-the-password");
    QCOMPARE(wrongCode, 1);
    QCOMPARE(CorporationTable::idByCode(*m_store, QStringLiteral("2000000002")), 0);
    const auto [code, output] = cli("Chief-pass1");
    QVERIFY2(code == 0, qPrintable(output));
    QVERIFY(CorporationTable::idByCode(*m_store, QStringLiteral("2000000002")) > 0);
    QCOMPARE(lastEntries(*m_store, 2)[0].action, QStringLiteral("roster.imported"));
    QCOMPARE(lastEntries(*m_store, 1)[0].action, QStringLiteral("desk.signed_out"));
}

// カードの確認 and カードの同期 on the server, within the session: a card whose seed only the server
// holds is checked (its state moved forward, a code used twice said so and not counted), wrong codes
// counted per card and locked at the staff limit (lifted by an administrator's reset of the card's
// name), and an HOTP card that ran ahead resynchronised with two codes in a row.
void TestServerBoundary::theServerChecksAndResynchronisesCards()
{
    Database deskConnection(m_clock);
    QVERIFY(deskConnection.openAsDesk(m_pg->connection() + QStringLiteral(" user=") + m_desk));
    ServerDesk desk(deskConnection);
    const ServerDesk::SignIn clerk = desk.signIn(kClerk, kClerkPassword);
    const ServerDesk::SignIn chief = desk.signIn(QStringLiteral("chief"), QStringLiteral("Chief-pass1"));
    QCOMPARE(clerk.outcome, ServerDesk::Outcome::SignedIn);
    QCOMPARE(chief.outcome, ServerDesk::Outcome::SignedIn);
    const QString serial = QStringLiteral("7000000003");
    const QByteArray seed = QByteArrayLiteral("card-check-seed-0003");
    {
        TokenImportReport report;
        QList<TokenLine> lines = TokenImport::parse(QByteArrayLiteral("serial,secret_hex,type,digits,period,counter\n")
                + serial.toLatin1() + ',' + seed.toHex() + QByteArrayLiteral(",hotp,6,,0\n"),
            {}, &report);
        QVERIFY(TokenImport::applyThroughServer(
            desk, chief.session, lines, false, QStringLiteral("カード確認用"), &report));
    }
    OtpGenerator card;
    QVERIFY(card.setKey(seed, OtpAlgorithm::Sha1));
    const auto code = [&](quint64 counter, int offset = 0) {
        return QStringLiteral("%1").arg((*card.codeAt(counter, 6) + offset) % 1000000, 6, 10, QLatin1Char('0'));
    };

    ServerDesk::CardAnswer a = desk.checkCard(clerk.session, serial, code(0));
    QCOMPARE(a.outcome, ServerDesk::Card::Works);
    QVERIFY(a.holderCode.isEmpty()); // a spare card
    QCOMPARE(TokenTable::find(*m_store, serial)->state.nextCounter, quint64(1));
    QVERIFY(TokenTable::find(*m_store, serial)->stateIntact);
    QCOMPARE(lastEntries(*m_store, 1)[0].details, QStringLiteral("serial=%1 drift=0 db_role=%2").arg(serial, m_desk));
    QCOMPARE(desk.checkCard(clerk.session, serial, code(0)).outcome, ServerDesk::Card::Used); // not counted
    QCOMPARE(desk.checkCard(clerk.session, serial, QStringLiteral("12345")).outcome, ServerDesk::Card::Invalid);
    QCOMPARE(desk.checkCard(clerk.session, QStringLiteral("7999999999"), code(1)).outcome, ServerDesk::Card::NotFound);

    // Wrong codes counted per card to the staff limit, then locked even for the right one.
    const int limit = m_store->settings().staffFailureLimit;
    for (int i = 1; i < limit; ++i) {
        a = desk.checkCard(clerk.session, serial, code(1, 1));
        QCOMPARE(a.outcome, ServerDesk::Card::Wrong);
        QCOMPARE(a.remaining, limit - i);
    }
    QCOMPARE(desk.checkCard(clerk.session, serial, code(1, 1)).outcome, ServerDesk::Card::LockedNow);
    QCOMPARE(desk.checkCard(clerk.session, serial, code(1)).outcome, ServerDesk::Card::Locked);
    QCOMPARE(
        lastEntries(*m_store, 1)[0].details, QStringLiteral("serial=%1 reason=locked db_role=%2").arg(serial, m_desk));
    // An administrator lifts it (the card's attempts are a sign-in record of its own name).
    QCOMPARE(desk.resetStaffLock(chief.session, QStringLiteral("card:") + serial, QStringLiteral("本人確認済み")),
        ServerDesk::StaffAct::Done);
    QCOMPARE(desk.checkCard(clerk.session, serial, code(1)).outcome, ServerDesk::Card::Works);

    // The card pressed 50 times at home: its codes are past the look-ahead. Two in a row resync it.
    QCOMPARE(desk.checkCard(clerk.session, serial, code(50)).outcome, ServerDesk::Card::Wrong);
    const QString reason = QStringLiteral("カードが先に進んでいる");
    a = desk.resyncCard(clerk.session, serial, code(50), code(52), reason);
    QCOMPARE(a.outcome, ServerDesk::Card::NoMatch); // not in a row
    QCOMPARE(lastEntries(*m_store, 1)[0].action, QStringLiteral("card.resync_failed"));
    QCOMPARE(desk.resyncCard(clerk.session, serial, code(50), code(51), QStringLiteral(" ")).outcome,
        ServerDesk::Card::Invalid); // no reason
    QCOMPARE(desk.resyncCard(clerk.session, QStringLiteral("7000000002"), code(50), code(51), reason).outcome,
        ServerDesk::Card::NotHotp);
    a = desk.resyncCard(clerk.session, serial, code(50), code(51), reason);
    QCOMPARE(a.outcome, ServerDesk::Card::Works);
    QCOMPARE(a.movedFrom, 2);
    QCOMPARE(a.movedTo, 52);
    QCOMPARE(lastEntries(*m_store, 1)[0].details,
        QStringLiteral("serial=%1 from=2 to=52 reason=%2 db_role=%3").arg(serial, reason, m_desk));
    QCOMPARE(desk.checkCard(clerk.session, serial, code(52)).outcome, ServerDesk::Card::Works);
    QVERIFY(TokenTable::find(*m_store, serial)->stateIntact);
    QVERIFY(m_store->auditLog().verify().ok);
    for (const ServerDesk::SignIn& in : { clerk, chief })
        QVERIFY(desk.signOut(in.session, QStringLiteral("closed")));
}

void TestServerBoundary::cleanupTestCase()
{
    m_store.reset();
    delete m_pg; // drops the database
    if (!m_desk.isEmpty())
        PgDatabase::adminOn(qEnvironmentVariable("HARDTOKEN_PG"), QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_desk));
    if (!m_owner.isEmpty())
        PgDatabase::adminOn(
            qEnvironmentVariable("HARDTOKEN_PG"), QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_owner));
}

QTEST_MAIN(TestServerBoundary)
#include "tst_serverboundary.moc"
