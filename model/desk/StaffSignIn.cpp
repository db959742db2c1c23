#include "desk/StaffSignIn.h"

#include "core/Crypto.h"
#include "desk/Lockout.h"
#include "store/StaffTable.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMutex>

namespace hardtoken {

QString StaffSignIn::actorFor(const QString& login)
{
    return Lockout::staffActor(login);
}

namespace {

// The tokens of the desk sessions open in this process, by login: SHA-256 of each (compared in
// constant time), never the token itself.
struct Sessions {
    QMutex mutex;
    QHash<QString, QByteArray> digests;
};
Sessions& sessions()
{
    static Sessions s;
    return s;
}

bool sessionHolds(const QString& login, const QString& credential)
{
    Sessions& s = sessions();
    const QMutexLocker lock(&s.mutex);
    const auto it = s.digests.constFind(login);
    return it != s.digests.cend()
        && crypto::constantTimeEquals(QCryptographicHash::hash(credential.toUtf8(), QCryptographicHash::Sha256), *it);
}

} // namespace

void StaffSignIn::openSession(const QString& login, const QByteArray& token)
{
    Sessions& s = sessions();
    const QMutexLocker lock(&s.mutex);
    s.digests.insert(login, QCryptographicHash::hash(token, QCryptographicHash::Sha256));
}

void StaffSignIn::closeSession(const QString& login)
{
    Sessions& s = sessions();
    const QMutexLocker lock(&s.mutex);
    s.digests.remove(login);
}

QString StaffSignIn::deniedMessage()
{
    return tr("担当者IDまたはパスワードが正しくありません。誤りが続いた担当者IDは利用できなくなります"
              "（再び利用できるようにするのは管理者です）。");
}

StaffSignIn::Result StaffSignIn::run(Store& store, const QString& login, const QString& credential,
    qint64 corporationId, StaffPurpose purpose, const std::function<bool(const QString& actor)>& action)
{
    const QString actor = actorFor(login);
    const StoreSettings settings = store.settings();
    const int limit = settings.staffFailureLimit;
    const auto auditDenied = [&](const QString& why) { return store.auditDenied(actor, purpose, corporationId, why); };
    if (login.isEmpty() || login.size() > StaffTable::MaxLogin)
        return store.transaction([&] { return auditDenied(QStringLiteral("reason=login-length")); }) ? Result::Denied
                                                                                                     : Result::Failed;

    CountedAttempt<SigninState> attempt(
        store, Lockout::signIn(store, login, purpose, corporationId, limit, settings.staffLockLapseMinutes));

    // 1. Count the attempt before it is evaluated; a locked login is refused uncounted.
    if (!attempt.reserve([&](SigninState& s) { return !s.lockedAt.isEmpty() || s.failures >= limit; },
            [&](SigninState&) { return auditDenied(QStringLiteral("reason=locked")); }))
        return Result::Failed;
    if (!attempt.counted())
        return Result::Denied;

    // 2. Evaluate (an unknown login is hashed too, so the time taken does not tell it apart).
    static const QString unknownLoginHash = crypto::hashSecret(QStringLiteral("unknown login"));
    const auto hash = StaffTable::credentialHash(store, login);
    const bool bySession = hash.has_value() && sessionHolds(login, credential);
    const bool valid
        = bySession || (crypto::verifySecret(credential, hash.value_or(unknownLoginHash)) && hash.has_value());

    if (!valid) {
        // 3a. Settle as a failure (the login locked at the limit); the attempt is already
        // counted, whatever happens here.
        attempt.settleWrong();
        return Result::Denied;
    }

    // 3b. Right: settle the sign-in and do the act in one transaction.
    if (attempt.settleRight([&](SigninState&) { return action(actor); }))
        return Result::SignedIn;
    // The act did not happen: the right credential's attempt is withdrawn, as for a PIN (when the
    // store is away it stays in flight until this desktop's session or process is gone).
    const StoreErrorCode code = store.errorCode();
    const QString why = store.errorMessage();
    attempt.withdraw();
    store.fail(code, why);
    return Result::Failed;
}

} // namespace hardtoken
