#include "desk/DeskSession.h"

#include "core/Crypto.h"
#include "desk/RegistrationService.h"
#include "desk/StaffSignIn.h"
#include "store/AuditLog.h"
#include "store/ServerDesk.h"
#include "store/Store.h"

namespace hardtoken {

namespace {
// The actor while nobody is signed in: nothing at the desk should be done as it.
const QString kNobody = QStringLiteral("desk:signed-out");
} // namespace

DeskSession::DeskSession(Store& store, RegistrationService& service, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_service(service)
{
    m_service.setActor(required()
            ? kNobody
            : traineeActor(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("trainee")))));
}

DeskSession::~DeskSession()
{
    end(End::Closed);
}

bool DeskSession::required() const
{
    return !m_store.isTrainingStore();
}

Outcome DeskSession::signInOnServer(ServerDesk& server, const QString& login, const QString& password)
{
    const ServerDesk::SignIn in = server.signIn(login, password);
    switch (in.outcome) {
    case ServerDesk::Outcome::SignedIn:
        break;
    case ServerDesk::Outcome::Denied:
    case ServerDesk::Outcome::Locked:
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    case ServerDesk::Outcome::Tampered:
    case ServerDesk::Outcome::Failed:
        return { m_store.errorCode() == StoreErrorCode::Unreachable ? ServiceError::Unreachable
                                                                    : ServiceError::StoreFailure,
            m_store.errorCode() == StoreErrorCode::Unreachable
                ? Store::unreachableMessage()
                : tr("処理中にエラーが発生したため、サインインできませんでした。") };
    }
    m_account = StaffTable::find(m_store, login);
    if (!m_account) // disabled between the sign-in and this read
        m_account = StaffTable::Account { login, login, StaffTable::Role::Staff, false };
    m_token = in.session;
    m_service.setServerSession(in.session);
    m_service.setActor(StaffSignIn::actorFor(login));
    Q_EMIT signedIn();
    return {};
}

Outcome DeskSession::signIn(const QString& login, const QString& password)
{
    if (isSignedIn())
        end(End::SignedOut);
    // A desk with no key: the server signs the staff member in, counts and audits (ServerDesk).
    if (ServerDesk* server = m_service.server())
        return signInOnServer(*server, login, password);
    std::optional<StaffTable::Account> account;
    const auto result
        = StaffSignIn::run(m_store, login, password, 0, StaffPurpose::DeskSignIn, [&](const QString& actor) {
              account = StaffTable::find(m_store, login);
              return account && m_store.audit(actor, AuditAction::DeskSignedIn, 0, {});
          });
    switch (result) {
    case StaffSignIn::Result::Denied:
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    case StaffSignIn::Result::Failed:
        return { m_store.errorCode() == StoreErrorCode::Unreachable ? ServiceError::Unreachable
                                                                    : ServiceError::StoreFailure,
            m_store.errorCode() == StoreErrorCode::Unreachable
                ? Store::unreachableMessage()
                : tr("処理中にエラーが発生したため、サインインできませんでした。") };
    case StaffSignIn::Result::SignedIn:
        break;
    }
    m_account = account;
    m_token = QString::fromLatin1(crypto::randomBytes(32).toBase64());
    StaffSignIn::openSession(m_account->login, m_token.toUtf8());
    m_service.setActor(StaffSignIn::actorFor(m_account->login));
    Q_EMIT signedIn();
    return {};
}

void DeskSession::end(End why)
{
    if (!m_account)
        return;
    const QString actor = StaffSignIn::actorFor(m_account->login);
    StaffSignIn::closeSession(m_account->login);
    m_account.reset();
    const QString token = m_token;
    m_token.clear();
    // Nothing the next person at the desk could use: the queue and the pending entries go.
    m_service.discardPending();
    m_service.setActor(kNobody);
    m_service.setServerSession({});
    const QString reason = why == End::Idle ? QStringLiteral("idle")
        : why == End::Closed                ? QStringLiteral("closed")
                                            : QStringLiteral("sign-out");
    if (ServerDesk* server = m_service.server()) {
        // The server ends the session and audits it. When the server is away the end is not
        // recorded there, but the token is forgotten here: nothing can use the session again.
        server->signOut(token, reason);
        Q_EMIT ended(why);
        return;
    }
    // Audited when the store answers; a session that ends while it is away ends all the same.
    m_store.transaction(
        [&] { return m_store.audit(actor, AuditAction::DeskSignedOut, 0, QStringLiteral("reason=") + reason); });
    Q_EMIT ended(why);
}

StaffCredential DeskSession::credential() const
{
    return m_account ? StaffCredential { m_account->login, m_token } : StaffCredential {};
}

QString DeskSession::traineeActor(const QString& name)
{
    return QStringLiteral("trainee:%1").arg(AuditLog::bounded(name, StaffTable::MaxLogin));
}

int DeskSession::idleMinutes() const
{
    return m_store.settings().deskIdleMinutes;
}

} // namespace hardtoken
