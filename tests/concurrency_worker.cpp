// One "desktop" for tst_concurrency: opens the shared store (SQLite file or PostgreSQL), then runs
// the commands it reads on standard input, one line each, and answers each with one line of counts.
// The test writes the same command to every worker at once, so that they act together.
//
//   wrong-pin N                  N times 利用形態 OK with a wrong 契約法人確認暗証番号
//   wrong-otp N SERIAL           N times 次へ with a wrong OTP for the first user
//   enqueue USER SERIAL OFFSET   次へ for USER (0-based) with the code the card shows at now+OFFSET s
//   commit                       OK on the 利用登録情報の一覧 with the right PIN
//   unlock-wrong N               N times a help-desk unlock with a wrong credential
//   pin-loop                     利用形態 OK with the right PIN, again and again (until killed)
//   register FIRST N             users FIRST..FIRST+N-1 each registered (次へ then OK) with their
//                                token, through whatever the store goes through: an act refused
//                                as unreachable is done again once the store is back, and an
//                                OutcomeUnknown waits for its resolution. Answers the counts and
//                                "acked=" the users whose registration the desk said went through.
//                                (pg-server: the same through the server's functions; an act
//                                that got no answer is asked again with its request id.)
//   after MS COMMAND             COMMAND, MS milliseconds after it was read
//   quit
//
// Answer: "ok=… wrong=… suspendedNow=… suspended=… tryAgain=… used=… denied=… unreachable=… unknown=…
// other=…[ msg=…] t0=… t1=…" (t0, t1: when the desk began and finished the command, ms since 1970).
#include "core/Clock.h"
#include "core/Otp.h"
#include "desk/RegistrationService.h"
#include "desk/StaffDesk.h"
#include "desk/StaffSignIn.h"
#include "store/CorporationTable.h"
#include "store/ServerDesk.h"
#include "store/Store.h"
#include "store/StoreLink.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "store/UserTable.h"
#include "training/TrainingResultTable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <functional>
#include <map>
#include <optional>

using namespace hardtoken;

namespace {

QByteArray secretOf(const QString& serial)
{
    return QByteArrayLiteral("race-seed-") + serial.toLatin1();
}

struct Tally {
    std::map<QString, int> counts;
    QString otherMessage;
    void add(const Outcome& o)
    {
        switch (o.error) {
        case ServiceError::None:
            ++counts[QStringLiteral("ok")];
            break;
        case ServiceError::WrongPin:
        case ServiceError::WrongSerialOrOtp:
            ++counts[QStringLiteral("wrong")];
            break;
        case ServiceError::Suspended:
            // remainingAttempts 0: this very guess was evaluated and reached the limit.
            ++counts[o.remainingAttempts == 0 ? QStringLiteral("suspendedNow") : QStringLiteral("suspended")];
            break;
        case ServiceError::TryAgain:
            ++counts[QStringLiteral("tryAgain")];
            break;
        case ServiceError::CodeAlreadyUsed:
            ++counts[QStringLiteral("used")];
            break;
        case ServiceError::WrongStaffCredential:
            ++counts[QStringLiteral("denied")];
            break;
        case ServiceError::Unreachable:
            ++counts[QStringLiteral("unreachable")];
            break;
        case ServiceError::OutcomeUnknown:
            ++counts[QStringLiteral("unknown")];
            break;
        default:
            ++counts[QStringLiteral("other")];
            otherMessage = o.message;
            break;
        }
    }
    void count(const char* key) { ++counts[QLatin1String(key)]; }
    QString line() const
    {
        QStringList parts;
        for (const char* k : { "ok", "wrong", "suspendedNow", "suspended", "tryAgain", "used", "denied", "unreachable",
                 "unknown", "other" }) {
            const auto it = counts.find(QLatin1String(k));
            parts << QStringLiteral("%1=%2").arg(QLatin1String(k)).arg(it == counts.end() ? 0 : it->second);
        }
        if (!otherMessage.isEmpty())
            parts << QStringLiteral("msg=") + QString(otherMessage).replace(QLatin1Char(' '), QLatin1Char('_'));
        return parts.join(QLatin1Char(' '));
    }
};

// The next command line's words, after waiting when it starts "after MS"; false at the end of input.
bool nextCommand(QTextStream& in, QStringList* words)
{
    QString line;
    if (!in.readLineInto(&line))
        return false;
    *words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words->value(0) == QLatin1String("after")) {
        QThread::msleep(words->value(1).toULong());
        *words = words->mid(2);
    }
    return true;
}

// When a desk acted (wall clock, ms), for the line it answers: the test checks that desks overlapped.
QString actedSince(qint64 from)
{
    return QStringLiteral(" t0=%1 t1=%2").arg(from).arg(QDateTime::currentMSecsSinceEpoch());
}

// Waits (up to a minute) until the desk's connection answers, reconnecting as StoreLink would.
bool reachable(Database& desk)
{
    QElapsedTimer t;
    t.start();
    while (!desk.isReachable() && !desk.reconnect()) {
        if (t.elapsed() > 60000)
            return false;
        QThread::msleep(100);
    }
    return true;
}

// "register FIRST N" on a store ruled by the server: each user's token checked (次へ) and registered
// (OK) through whatever the server goes through. An act that got no answer is asked again once the
// server answers — the OK with its own request id (ServerDesk), so that it is answered from what
// the server kept if its first ask went through. Answers "acked=" the users whose registration the
// server confirmed to this desk.
QString registerThroughServer(Database& desk, ServerDesk& server, const QString& session, qint64 corporation,
    const QList<UserInfo>& users, int first, int count, Tally& tally)
{
    OtpGenerator generator;
    QStringList acked;
    const auto code
        = [&](const QString& serial) { return generator.totp(secretOf(serial), QDateTime::currentSecsSinceEpoch()); };
    for (int u = first; u < first + count; ++u) {
        const QString serial = QStringLiteral("%1").arg(5000000000LL + u);
        const qint64 user = users.value(u).id;
        for (int round = 0; round < 200; ++round) {
            reachable(desk);
            const ServerDesk::TokenCheck check
                = server.checkToken(session, corporation, serial, code(serial), QStringLiteral("individual"), user);
            if (check.outcome == ServerDesk::Check::Failed) {
                tally.count("unreachable");
                continue;
            }
            if (check.outcome != ServerDesk::Check::Right) {
                tally.count("other");
                break;
            }
            ServerDesk::PinAct o = ServerDesk::PinAct::Failed;
            for (int ask = 0; ask < 200 && o == ServerDesk::PinAct::Failed; ++ask) {
                reachable(desk);
                o = server
                        .registerTokens(session, corporation, QStringLiteral("train1234"), QStringLiteral("individual"),
                            { { user, check.tokenId } })
                        .outcome;
                if (o == ServerDesk::PinAct::Failed)
                    tally.count("unreachable");
            }
            tally.count(o == ServerDesk::PinAct::Done   ? "ok"
                    : o == ServerDesk::PinAct::TryAgain ? "tryAgain"
                                                        : "other");
            if (o == ServerDesk::PinAct::Done)
                acked << QString::number(u);
            if (o != ServerDesk::PinAct::TryAgain)
                break;
        }
    }
    return QStringLiteral(" acked=") + acked.join(QLatin1Char(','));
}

// "pg-server": a desk on a store ruled by the server, as the desks' role with no key. It runs
// only what such a desk can: the server's functions.
int serverDesk(const QString& connection, const Clock& clock)
{
    QTextStream out(stdout);
    Database desk(clock);
    if (!desk.openAsDesk(connection)) {
        out << "error " << desk.errorMessage() << Qt::endl;
        return 1;
    }
    ServerDesk server(desk);
    // What the desk shows: the corporation and its first user (columns the desk role may read).
    const qint64 corporation = CorporationTable::firstId(desk);
    const QList<UserInfo> users = UserTable::list(desk, corporation);
    // The help-desk clerk signed in at this desk, as the session every act runs in.
    const ServerDesk::SignIn session = server.signIn(QStringLiteral("helpdesk"), QStringLiteral("Helpdesk2023"));
    if (session.outcome != ServerDesk::Outcome::SignedIn || users.isEmpty()) {
        out << "error the desk cannot sign in or read its users: " << desk.errorMessage() << Qt::endl;
        return 1;
    }
    OtpGenerator generator;
    QList<QPair<qint64, qint64>> queue; // 利用登録情報の一覧: (user, token) checked right in this session
    out << "ready" << Qt::endl;
    QTextStream in(stdin);
    QStringList c;
    while (nextCommand(in, &c)) {
        if (c.value(0) == QLatin1String("quit"))
            break;
        Tally tally;
        const qint64 from = QDateTime::currentMSecsSinceEpoch();
        const int n = c.value(1).toInt();
        if (c.value(0) == QLatin1String("desk-sign-in-wrong")) {
            for (int i = 0; i < n; ++i) {
                const ServerDesk::Outcome o = server.signIn(c.value(2), QStringLiteral("not-the-password")).outcome;
                // Wrong or locked: the person at the desk hears the same (StaffSignIn::deniedMessage()).
                tally.count(o == ServerDesk::Outcome::Denied || o == ServerDesk::Outcome::Locked ? "denied" : "other");
            }
        } else if (c.value(0) == QLatin1String("wrong-otp")) {
            // As the console's "wrong-otp", against the server's clock (the one that checks).
            const QString serial = c.value(2);
            const quint64 right = generator.totp(secretOf(serial), QDateTime::currentSecsSinceEpoch()).toULongLong();
            const QString wrong = QStringLiteral("%1").arg((right + 500000) % 1000000, 6, 10, QLatin1Char('0'));
            for (int i = 0; i < n; ++i) {
                const ServerDesk::Check o = server
                                                .checkToken(session.session, corporation, serial, wrong,
                                                    QStringLiteral("individual"), users.value(0).id)
                                                .outcome;
                tally.count(o == ServerDesk::Check::Wrong      ? "wrong"
                        : o == ServerDesk::Check::SuspendedNow ? "suspendedNow"
                        : o == ServerDesk::Check::Suspended    ? "suspended"
                                                               : "other");
            }
        } else if (c.value(0) == QLatin1String("wrong-pin")) {
            for (int i = 0; i < n; ++i) {
                const ServerDesk::PinAct o = server
                                                 .setUsageMode(session.session, corporation, QStringLiteral("shared"),
                                                     QStringLiteral("wrong999"))
                                                 .outcome;
                tally.count(o == ServerDesk::PinAct::WrongPin   ? "wrong"
                        : o == ServerDesk::PinAct::SuspendedNow ? "suspendedNow"
                        : o == ServerDesk::PinAct::Suspended    ? "suspended"
                        : o == ServerDesk::PinAct::TryAgain     ? "tryAgain"
                                                                : "other");
            }
        } else if (c.value(0) == QLatin1String("enqueue")) {
            // 次へ for a user with the code the card shows at now + OFFSET s (the server's clock).
            const QString serial = c.value(2);
            const qint64 user = users.value(c.value(1).toInt()).id;
            const QString code
                = generator.totp(secretOf(serial), QDateTime::currentSecsSinceEpoch() + c.value(3).toLongLong());
            const ServerDesk::TokenCheck o
                = server.checkToken(session.session, corporation, serial, code, QStringLiteral("individual"), user);
            if (o.outcome == ServerDesk::Check::Right)
                queue.append({ user, o.tokenId });
            tally.count(o.outcome == ServerDesk::Check::Right ? "ok" : "other");
        } else if (c.value(0) == QLatin1String("commit")) {
            const ServerDesk::PinAct o = server
                                             .registerTokens(session.session, corporation, QStringLiteral("train1234"),
                                                 QStringLiteral("individual"), queue)
                                             .outcome;
            if (o == ServerDesk::PinAct::Done)
                queue.clear();
            tally.count(o == ServerDesk::PinAct::Done      ? "ok"
                    : o == ServerDesk::PinAct::AlreadyUsed ? "used"
                    : o == ServerDesk::PinAct::Suspended   ? "suspended"
                    : o == ServerDesk::PinAct::TryAgain    ? "tryAgain"
                                                           : "other");
        } else if (c.value(0) == QLatin1String("register")) {
            const QString acked = registerThroughServer(
                desk, server, session.session, corporation, users, n, c.value(2).toInt(), tally);
            out << tally.line() << actedSince(from) << acked << Qt::endl;
            continue;
        } else {
            out << "error unknown command" << Qt::endl;
            continue;
        }
        out << tally.line() << actedSince(from) << Qt::endl;
    }
    server.signOut(session.session, QStringLiteral("closed"));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: worker sqlite|pg TARGET KEYFILE EPOCH_SECONDS\n");
        return 2;
    }
    FixedClock clock(args[4].toLongLong() * 1000);
    if (args[1] == QLatin1String("pg-server"))
        return serverDesk(args[2], clock);
    Store store(clock);
    const bool opened
        = args[1] == QLatin1String("pg") ? store.openPostgres(args[2], args[3]) : store.openSqlite(args[2], args[3]);
    QTextStream out(stdout);
    if (!opened) {
        out << "error " << store.errorMessage() << Qt::endl;
        return 1;
    }
    RegistrationService service(store);
    service.setActor(QStringLiteral("worker-%1").arg(QCoreApplication::applicationPid()));
    service.selectCorporation();
    // As the console does: the link reconnects with backoff, and the service then resolves what
    // it left open.
    StoreLink link(store);
    link.setBackoff(100, 1000);
    std::optional<Outcome> resolved;
    QObject::connect(&link, &StoreLink::reconnected, &service, &RegistrationService::resume);
    QObject::connect(&service, &RegistrationService::commitResolved, &service, [&](const Outcome& o) { resolved = o; });
    const auto waitUntil = [](const std::function<bool()>& done, int ms) {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return done();
    };
    const QList<UserInfo> users = service.users().value();
    OtpGenerator generator;
    out << "ready" << Qt::endl;

    QTextStream in(stdin);
    QStringList c;
    while (nextCommand(in, &c)) {
        if (c.isEmpty())
            continue;
        if (c[0] == QLatin1String("quit"))
            break;
        Tally tally;
        // When this desk acted (wall clock, ms): the test checks that the desks' acts overlapped.
        const qint64 actedFrom = QDateTime::currentMSecsSinceEpoch();
        const auto when = [actedFrom] { return actedSince(actedFrom); };
        const int n = c.value(1).toInt();
        if (c[0] == QLatin1String("wrong-pin")) {
            for (int i = 0; i < n; ++i)
                tally.add(service.changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")));
        } else if (c[0] == QLatin1String("wrong-otp")) {
            // A code that is not the card's in the window: the card's code plus one, mod 10^6.
            const QString serial = c.value(2);
            const quint64 right = generator.totp(secretOf(serial), clock.nowSecs()).toULongLong();
            const QString wrong = QStringLiteral("%1").arg((right + 500000) % 1000000, 6, 10, QLatin1Char('0'));
            for (int i = 0; i < n; ++i)
                tally.add(service.enqueue(users.value(0).id, serial, wrong));
        } else if (c[0] == QLatin1String("enqueue")) {
            const QString serial = c.value(2);
            const QString code = generator.totp(secretOf(serial), clock.nowSecs() + c.value(3).toLongLong());
            tally.add(service.enqueue(users.value(c.value(1).toInt()).id, serial, code));
        } else if (c[0] == QLatin1String("commit")) {
            tally.add(service.commitQueue(QStringLiteral("train1234")));
            service.discardPending();
        } else if (c[0] == QLatin1String("card-check") || c[0] == QLatin1String("card-wrong")) {
            // カードの確認 at a desk, by that desk's staff member (LOGIN, password "Desk-pass1"): the
            // card's code now (card-check SERIAL LOGIN) or n wrong codes (card-wrong N SERIAL LOGIN).
            const bool right = c[0] == QLatin1String("card-check");
            const QString serial = c.value(right ? 1 : 2);
            const QString login = c.value(right ? 2 : 3);
            const quint64 shown = generator.totp(secretOf(serial), clock.nowSecs()).toULongLong();
            const QString code
                = QStringLiteral("%1").arg(right ? shown : (shown + 500000) % 1000000, 6, 10, QLatin1Char('0'));
            StaffDesk desk(store);
            for (int i = 0; i < (right ? 1 : n); ++i) {
                CardCheck check;
                const Outcome o = desk.checkCard({ login, QStringLiteral("Desk-pass1") }, serial, code, &check);
                tally.add(o.ok() && !check.works ? Outcome { ServiceError::WrongSerialOrOtp, {} } : o);
            }
        } else if (c[0] == QLatin1String("training-result")) {
            // A class saving its results at the same moment (training-result N TRAINEE).
            for (int i = 0; i < n; ++i) {
                TrainingResult r;
                r.trainee = QStringLiteral("%1 %2").arg(c.value(2)).arg(i);
                r.exerciseId = QStringLiteral("register-shared");
                r.exerciseTitle = QStringLiteral("共有トークンの利用登録");
                r.startedAtMSecs = clock.nowMSecs();
                r.totalMSecs = 1000 * (i + 1);
                r.completed = true;
                r.steps = { { QStringLiteral("9.2.1-1"), r.totalMSecs, 0, 0, 0, true } };
                tally.add(TrainingResultTable::save(store, r) != 0 ? Outcome {}
                        : store.errorCode() == StoreErrorCode::Locked
                        ? Outcome { ServiceError::TryAgain, store.errorMessage() }
                        : Outcome { ServiceError::StoreFailure, store.errorMessage() });
            }
        } else if (c[0] == QLatin1String("pin-loop")) {
            out << "looping" << Qt::endl;
            for (;;)
                service.changeUsageMode(UsageMode::Individual, QStringLiteral("train1234"));
        } else if (c[0] == QLatin1String("register")) {
            const int first = c.value(1).toInt();
            const int count = c.value(2).toInt();
            QStringList acked;
            for (int u = first; u < first + count; ++u) {
                const QString serial = QStringLiteral("%1").arg(5000000000LL + u);
                for (int round = 0; round < 200; ++round) {
                    waitUntil([&] { return store.isReachable(); }, 30000);
                    const Outcome next
                        = service.enqueue(users.value(u).id, serial, generator.totp(secretOf(serial), clock.nowSecs()));
                    if (!next.ok()) {
                        tally.add(next);
                        if (qEnvironmentVariableIsSet("HARDTOKEN_WORKER_TRACE"))
                            std::fprintf(
                                stderr, "user %d enqueue -> %d %s\n", u, int(next.error), qPrintable(next.message));
                        if (next.error == ServiceError::Unreachable || next.error == ServiceError::TryAgain)
                            continue;
                        break;
                    }
                    resolved.reset();
                    Outcome o = service.commitQueue(QStringLiteral("train1234"));
                    tally.add(o);
                    if (qEnvironmentVariableIsSet("HARDTOKEN_WORKER_TRACE"))
                        std::fprintf(stderr, "user %d commit -> %d %s\n", u, int(o.error), qPrintable(o.message));
                    if (o.error == ServiceError::OutcomeUnknown) {
                        // As a person at the desk: wait for the console to find out, then go on.
                        std::optional<Outcome> answer;
                        waitUntil(
                            [&] {
                                if (store.isReachable())
                                    answer = service.resolveUnknownOutcome();
                                return answer.has_value() || !service.hasUnknownOutcome();
                            },
                            60000);
                        if (!answer && resolved)
                            answer = resolved; // resolved by resume() on reconnecting
                        o = answer.value_or(Outcome { ServiceError::OutcomeUnknown, {} });
                        ++tally.counts[o.ok() ? QStringLiteral("resolvedDone") : QStringLiteral("resolvedNotDone")];
                    }
                    if (o.ok()) {
                        acked << QString::number(u);
                        break;
                    }
                    service.discardPending();
                    if (o.error != ServiceError::Unreachable && o.error != ServiceError::TryAgain
                        && o.error != ServiceError::StoreFailure && o.error != ServiceError::OutcomeUnknown)
                        break;
                }
                service.discardPending();
            }
            out << tally.line() << when() << " resolvedDone=" << tally.counts[QStringLiteral("resolvedDone")]
                << " resolvedNotDone=" << tally.counts[QStringLiteral("resolvedNotDone")]
                << " acked=" << acked.join(QLatin1Char(',')) << Qt::endl;
            continue;
        } else if (c[0] == QLatin1String("desk-sign-in-wrong")) {
            // 担当者のサインイン by the console's own rules (the desks hold the data key).
            for (int i = 0; i < n; ++i) {
                const auto r = StaffSignIn::run(store, c.value(2), QStringLiteral("not-the-password"), 0,
                    StaffPurpose::DeskSignIn, [](const QString&) { return true; });
                tally.count(r == StaffSignIn::Result::Denied ? "denied" : "other");
            }
        } else if (c[0] == QLatin1String("unlock-wrong")) {
            for (int i = 0; i < n; ++i)
                tally.add(service.unlock(QStringLiteral("helpdesk"), QStringLiteral("not-the-password")));
        } else {
            out << "error unknown command" << Qt::endl;
            continue;
        }
        out << tally.line() << when() << Qt::endl;
    }
    return 0;
}
