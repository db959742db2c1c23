#pragma once

#include "desk/Outcome.h"
#include "desk/StaffDesk.h"
#include "store/StaffTable.h"

#include <QObject>
#include <QString>

#include <optional>

namespace hardtoken {

class RegistrationService;
class ServerDesk;
class Store;

// Who is at the desk. On a production store the console opens on 担当者のサインイン: the staff
// member signs in once (counted and locked as any sign-in), and is then the audit's actor of every
// act at the desk — the manual's procedures, authorised by the customer's 契約法人確認暗証番号,
// and the 管理 acts, which take the session's credential() instead of asking for the password
// again (an act that needs an administrator still asks for one when the session's member is not).
// The session ends on サインアウト, after StoreSettings::deskIdleMinutes without input (the screen
// locks), or when the console closes; the end is audited and the credential forgotten.
// A training store needs no session: the trainee is the actor (the desktop's user until an
// exercise names its trainee).
class DeskSession final : public QObject {
    Q_OBJECT
public:
    enum class End { SignedOut, Idle, Closed };

    DeskSession(Store& store, RegistrationService& service, QObject* parent = nullptr);
    ~DeskSession() override; // ends an open session as Closed

    // Whether the desk must be signed in to: on a production store.
    bool required() const;
    Outcome signIn(const QString& login, const QString& password);
    // Ends the session (audited with the reason); nothing when none is open.
    void end(End why);
    bool isSignedIn() const { return m_account.has_value(); }
    QString login() const { return m_account ? m_account->login : QString(); }
    QString name() const { return m_account ? m_account->name : QString(); }
    bool isAdministrator() const { return m_account && m_account->role == StaffTable::Role::Admin; }
    // The credential the 管理 acts are given while the session lasts (empty when none is open).
    StaffCredential credential() const;
    // A training store's actor: the trainee ("trainee:<name>", bounded).
    static QString traineeActor(const QString& name);
    // Minutes without input after which the desk locks (the store's setting).
    int idleMinutes() const;

Q_SIGNALS:
    void signedIn();
    void ended(DeskSession::End why);

private:
    Outcome signInOnServer(ServerDesk& server, const QString& login, const QString& password);

    Store& m_store;
    RegistrationService& m_service;
    std::optional<StaffTable::Account> m_account;
    QString m_token;
};

} // namespace hardtoken
