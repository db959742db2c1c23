#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <optional>

namespace hardtoken {

class Database;

// A desk's calls into the server on a store ruled by it (ServerBoundary): the named operations a
// desk connection (Database::openAsDesk) runs, each one SECURITY DEFINER function. The desk proves
// a credential without sending it: it derives the scrypt key with the parameters and salt the
// server gives (hardtoken_staff_kdf) and sends that, which the server checks against SHA-256 of
// it; neither the password nor anything a desk could replay from the server's tables leaves the
// desk or the server. Each act goes with a request id of its own, so that an act asked again after
// the connection broke under it (Database::Query asks once more after reconnecting) is answered
// from what the server kept, not done twice (store/sql/requests.sql).
class ServerDesk final {
    Q_DECLARE_TR_FUNCTIONS(ServerDesk)
public:
    explicit ServerDesk(Database& store);

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

    // The acts the corporation's 契約法人確認暗証番号 authorises (the PIN proved as a password is).
    enum class PinAct {
        Done,
        WrongPin, // counted (remaining: tries left before 利用中止)
        SuspendedNow, // this wrong PIN reached the limit
        Suspended, // 利用中止 already: not counted
        TryAgain, // every try left is being checked on another desk
        PinNotSet,
        NoSession,
        Invalid,
        WrongMode,
        NotChecked, // a token without a right check in this session
        AlreadyUsed, // another desk committed that code (or a later one) first (detail: the user)
        HeldByOther, // a token registered elsewhere since its check
        Tampered,
        Failed, // the server did not answer
    };
    struct PinActResult {
        PinAct outcome = PinAct::Failed;
        int remaining = 0;
        int cancelled = 0; // 9.1: registrations cancelled by the change
        QString detail;
    };
    // 9.1: the usage mode ("shared" or "individual") set with the PIN.
    PinActResult setUsageMode(const QString& session, qint64 corporationId, const QString& mode, const QString& pin);
    // 9.2: OK with the PIN. `entries`: (user, token) pairs, each token checked right in this session
    // for that user; shared: one pair with user 0.
    PinActResult registerTokens(const QString& session, qint64 corporationId, const QString& pin, const QString& mode,
        const QList<QPair<qint64, qint64>>& entries);

    // The 管理 acts within the session (a reason required, 1–200 characters, audited with it).
    enum class StaffAct {
        Done,
        NotSuspended, // unlock: nothing to lift
        NothingToReset, // counters: none to reset
        NotAdministrator, // an administrator's act asked by someone else (audited)
        OwnLogin, // nobody lifts their own lock
        NotFound, // no such login (or no sign-in record for it)
        Exists, // 担当者の登録: the login is taken
        Refused, // トークンの取り込み: some token refused (the detail says which), nothing written
        Tampered,
        NoSession,
        Invalid, // no such corporation, no acceptable reason, or a PIN the rules refuse
        Failed, // the server did not answer
    };
    StaffAct unlock(const QString& session, qint64 corporationId, const QString& reason);
    StaffAct resetCounters(const QString& session, qint64 corporationId, const QString& reason);
    // The PIN the customer typed (checked against the manual's rule here) is hashed on the desk with
    // scrypt; only the hash goes to the server.
    StaffAct setPin(const QString& session, qint64 corporationId, const QString& reason, const QString& pin);
    StaffAct resetStaffLock(const QString& session, const QString& login, const QString& reason);
    // 担当者の登録 (administrators): the password, typed twice by the new staff member and checked
    // against the staff password rule here, is hashed on the desk; only the hash goes to the server.
    StaffAct addStaff(const QString& session, const QString& login, const QString& name, bool administrator,
        const QString& credential, const QString& repeat, const QString& reason);
    StaffAct setStaffDisabled(const QString& session, const QString& login, bool disabled, const QString& reason);
    // カードの確認: the card's code checked by the server, counted per card (locked at the staff
    // failure limit); a right one moves the card's state forward.
    enum class Card {
        Works,
        Wrong, // counted (remaining: tries left before the card's checks are locked)
        LockedNow, // this wrong code reached the limit
        Locked, // the card's checks are locked (an administrator's staff reset of "card:<serial>" lifts it)
        Used, // the code was used before: not counted
        NotFound,
        NotHotp, // カードの同期 of a TOTP card: nothing to do
        NoMatch, // カードの同期: the two codes are not found in a row (audited)
        Invalid,
        NoSession,
        Tampered,
        Unavailable, // the server holds no seed for the card
        Failed, // the server did not answer
    };
    struct CardAnswer {
        Card outcome = Card::Failed;
        int remaining = 0;
        QString holderCode; // who holds the card (empty for a spare one)
        QString holderName;
        QString holderUser; // empty: the shared token of all the corporation's users
        qint64 drift = 0; // Works: steps (TOTP) or counters (HOTP) the card was off
        qint64 movedFrom = 0; // カードの同期: the counter before and after
        qint64 movedTo = 0;
    };
    CardAnswer checkCard(const QString& session, const QString& serial, const QString& otp);
    // カードの同期 (HOTP): the two codes the card shows in a row; a reason required and audited.
    CardAnswer resyncCard(const QString& session, const QString& serial, const QString& first, const QString& second,
        const QString& reason);

    // An audit export made at the desk, recorded in the log by the server (audit.exported).
    StaffAct noteExport(const QString& session, int rows, const QString& sha256);

    // トークンの取り込み (administrators): `tokens`, the file's tokens as a JSON array (the seeds in
    // hex: sent once, kept by the server under its own key; store/sql/imports.sql), all or nothing.
    struct TokenImportAnswer {
        StaffAct outcome = StaffAct::Failed;
        int imported = 0;
        int replaced = 0;
        int unchanged = 0;
        // Done: a letter per token in order (i, r, u); Refused: "<position> <reason>" lines.
        QString detail;
    };
    TokenImportAnswer importTokens(
        const QString& session, const QByteArray& tokens, bool replace, const QString& format, const QString& reason);
    // 名簿の取り込み (administrators): `roster`, the file's lines as a JSON array; users the file no
    // longer has removed (their registrations released) only with `prune`. All or nothing.
    struct RosterImportAnswer {
        StaffAct outcome = StaffAct::Failed; // Invalid: also a line the server refused (detail: its position)
        int corporationsAdded = 0;
        int corporationsUpdated = 0;
        int usersAdded = 0;
        int usersUpdated = 0;
        int unchanged = 0;
        int removed = 0;
        QString detail; // Done: the users missing from the file, a line each
    };
    RosterImportAnswer importRoster(
        const QString& session, const QByteArray& roster, bool prune, const QString& reason);

private:
    // Runs the act `sql` (its request id the first value, then `values`) and gives the query to
    // `read`. The request id is the act's own: the same act asked again after an ask that got no
    // answer (the server unreachable under it, even after Database::Query's own retry) goes with the
    // id of that ask, so that the server answers it from what it kept if the first ask went through
    // — the desk's retry is then safe whenever it comes. Otherwise a new id is drawn.
    template <typename Read> auto ask(const QString& sql, const QVariantList& values, Read read);
    // The request id for the act `sql` with `values` (a digest of them is kept, never the values).
    QString requestFor(const QByteArray& act);
    QByteArray actOf(const QString& sql, const QVariantList& values) const;
    // An ask that got no answer because the server was unreachable: its id kept for the act.
    void keepIfUnanswered(const QByteArray& act, const QString& request, bool answered);
    StaffAct staffAct(const QString& sql, const QVariantList& values);
    // What the server gives for a secret's scrypt parameters and salt (`kdfSql`, one bound value),
    // and the key `secret` derives under them; nullopt when the server did not answer (a
    // description the desk cannot use gives an empty proof, which the server counts as wrong).
    std::optional<QVariant> proofOf(const QString& kdfSql, const QVariant& subject, const QString& secret);

    Database& m_store;
    // Acts asked without an answer, newest last (a few: the desk asks again soon or not at all).
    QList<QPair<QByteArray, QString>> m_unanswered;
    // The desk's own key: a sign-in's session token is derived from its request id under it, so that
    // the sign-in asked again goes with the same token (the server sees SHA-256 of the token only),
    // and the acts kept unanswered are known by a MAC under it.
    QByteArray m_sessionKey;
};

} // namespace hardtoken
