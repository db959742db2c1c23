#include "store/ServerDesk.h"

#include "core/Crypto.h"
#include "store/Database.h"

#include <QHash>

namespace hardtoken {

ServerDesk::SignIn ServerDesk::signIn(const QString& login, const QString& password)
{
    SignIn result;
    QString kdf;
    {
        Database::Query q = m_store.query(QStringLiteral("SELECT hardtoken_staff_kdf(?)"), { login });
        if (!q.next())
            return result;
        kdf = q.value(0).toString();
    }
    // A description the desk cannot use is sent as no proof: the try is counted like a wrong one.
    const auto proof = crypto::derivedKeyFor(password, kdf);
    Database::Query q = m_store.query(QStringLiteral("SELECT outcome, session, remaining FROM hardtoken_sign_in(?, ?)"),
        { login, proof ? QVariant(*proof) : QVariant(QMetaType::fromType<QByteArray>()) });
    if (!q.next())
        return result;
    const QString outcome = q.value(0).toString();
    result.outcome = outcome == QLatin1String("signed_in") ? Outcome::SignedIn
        : outcome == QLatin1String("denied")               ? Outcome::Denied
        : outcome == QLatin1String("locked")               ? Outcome::Locked
        : outcome == QLatin1String("tampered")             ? Outcome::Tampered
                                                           : Outcome::Failed;
    result.session = q.value(1).toString();
    result.remaining = q.value(2).toInt();
    return result;
}

bool ServerDesk::signOut(const QString& session, const QString& reason)
{
    Database::Query q = m_store.query(QStringLiteral("SELECT hardtoken_sign_out(?, ?)"), { session, reason });
    return q.next() && q.value(0).toBool();
}

ServerDesk::TokenCheck ServerDesk::checkToken(const QString& session, qint64 corporationId, const QString& serial,
    const QString& otp, const QString& mode, qint64 userId)
{
    static const QHash<QString, Check> outcomes { { QStringLiteral("ok"), Check::Right },
        { QStringLiteral("wrong"), Check::Wrong }, { QStringLiteral("suspended_now"), Check::SuspendedNow },
        { QStringLiteral("suspended"), Check::Suspended }, { QStringLiteral("mode_not_set"), Check::ModeNotSet },
        { QStringLiteral("wrong_mode"), Check::WrongMode }, { QStringLiteral("no_user"), Check::NoUser },
        { QStringLiteral("held_by_other"), Check::HeldByOther }, { QStringLiteral("invalid"), Check::Invalid },
        { QStringLiteral("no_session"), Check::NoSession }, { QStringLiteral("tampered"), Check::Tampered },
        { QStringLiteral("unavailable"), Check::Unavailable } };
    TokenCheck result;
    Database::Query q = m_store.query(QStringLiteral("SELECT outcome, token_id, remaining"
                                                     " FROM hardtoken_check_token(?, ?, ?, ?, ?, ?)"),
        { session, corporationId, serial, otp, mode,
            userId ? QVariant(userId) : QVariant(QMetaType::fromType<qint64>()) });
    if (!q.next())
        return result;
    result.outcome = outcomes.value(q.value(0).toString(), Check::Failed);
    result.tokenId = q.value(1).toLongLong();
    result.remaining = q.value(2).toInt();
    return result;
}

} // namespace hardtoken
