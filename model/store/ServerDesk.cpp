#include "store/ServerDesk.h"

#include "core/Crypto.h"
#include "store/Database.h"

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

} // namespace hardtoken
