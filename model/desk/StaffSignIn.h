#pragma once

#include "store/AuditAction.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace hardtoken {

class Store;

// A staff member's sign-in for one act (lifting 利用中止, importing): the attempt is counted against
// the login — known or not, so the answers do not tell which logins exist — BEFORE the credential
// is evaluated (scrypt runs outside the lock); at the limit the login is locked (audited) until an
// administrator resets it. When the credential is right, `action` runs in the same transaction
// that settles the attempt. Denials are audited as "<purpose>.denied".
class StaffSignIn final {
    Q_DECLARE_TR_FUNCTIONS(StaffSignIn)
public:
    enum class Result {
        SignedIn, // the credential was right and `action` committed
        Denied, // wrong, unknown or locked login: one answer for all
        Failed, // the store refused (see its errorCode()), or `action` returned false
    };

    static Result run(Store& store, const QString& login, const QString& credential, qint64 corporationId,
        StaffPurpose purpose, const std::function<bool(const QString& actor)>& action);
    // The audit actor for a login ("staff:<login>", bounded).
    static QString actorFor(const QString& login);

    // A desk session (DeskSession) open for `login` in this process: while it lasts, `token` signs
    // the login in for its acts instead of the password (the attempt is counted all the same, and
    // a disabled or locked login is refused). One session per login; closing forgets the token.
    static void openSession(const QString& login, const QByteArray& token);
    static void closeSession(const QString& login);
    static QString deniedMessage();
};

} // namespace hardtoken
