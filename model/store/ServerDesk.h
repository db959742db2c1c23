#pragma once

#include <QCoreApplication>
#include <QString>

namespace hardtoken {

class Database;

// A desk's calls into the server on a store ruled by it (ServerBoundary): the named operations a
// desk connection (Database::openAsDesk) runs, each one SECURITY DEFINER function. The desk proves
// a credential without sending it: it derives the scrypt key with the parameters and salt the
// server gives (hardtoken_staff_kdf) and sends that, which the server checks against SHA-256 of
// it; neither the password nor anything a desk could replay from the server's tables leaves the
// desk or the server.
class ServerDesk final {
    Q_DECLARE_TR_FUNCTIONS(ServerDesk)
public:
    explicit ServerDesk(Database& store)
        : m_store(store)
    {
    }

    enum class Outcome {
        SignedIn,
        Denied, // a wrong login or password (remaining: the tries left)
        Locked, // the login is locked (too many wrong tries; another administrator lifts it, or it lapses)
        Tampered, // the server found the login's counter altered outside the rules: nothing was decided
        Failed, // the server did not answer (the store's errorMessage() says why)
    };
    struct SignIn {
        Outcome outcome = Outcome::Failed;
        QString session; // the session's token (SignedIn only): kept in memory, never written
        int remaining = 0;
    };
    // 担当者のサインイン against the server (counted and locked there).
    SignIn signIn(const QString& login, const QString& password);
    // The session ends (reason: "sign-out", "idle", "closed"); false when it was not open.
    bool signOut(const QString& session, const QString& reason);

    // 入力完了 for one token (9.2.2), checked by the server: a wrong entry is counted there and
    // 利用中止 applied at the limit; a right one is kept as the session's pending check.
    enum class Check {
        Right,
        Wrong, // a wrong serial or code, counted (remaining: tries left before 利用中止)
        SuspendedNow, // this wrong entry reached the limit
        Suspended, // already 利用中止: not counted
        ModeNotSet,
        WrongMode,
        NoUser,
        HeldByOther,
        Invalid, // not a 10-digit serial and a 6-digit code: not counted
        NoSession,
        Tampered,
        Unavailable, // the server holds no seed for the token
        Failed, // the server did not answer
    };
    struct TokenCheck {
        Check outcome = Check::Failed;
        qint64 tokenId = 0;
        int remaining = 0;
    };
    // `mode`: "shared" or "individual" (then `userId` is the user chosen in 利用者の選択).
    TokenCheck checkToken(const QString& session, qint64 corporationId, const QString& serial, const QString& otp,
        const QString& mode, qint64 userId);

private:
    Database& m_store;
};

} // namespace hardtoken
