#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hardtoken {

class Database;

// Help-desk sign-in attempts of one login (known or not: an unknown login is counted the same
// way, so that the answers do not tell which logins exist). MAC'd like the corporation's counters.
struct SigninState {
    QString login;
    int failures = 0; // settled wrong credentials plus attempts in flight
    int inFlight = 0;
    QString lockedAt; // empty: not locked
};

// The staff table and the sign-in attempts of the help desk.
class StaffTable final {
public:
    // The longest login the console takes; longer ones are refused before anything is looked up.
    static constexpr int MaxLogin = 64;

    // The encoded credential hash, or nullopt for an unknown or disabled login.
    static std::optional<QString> credentialHash(const Database& store, const QString& login);
    enum class Role { Staff, Admin }; // 担当者 / 管理者
    struct Account {
        QString login;
        QString name;
        Role role = Role::Staff;
        bool disabled = false;
    };
    static std::optional<Account> find(const Database& store, const QString& login);
    static QList<Account> list(const Database& store);
    static bool setDisabled(Database& store, const QString& login, bool disabled);
    static bool insert(Database& store, const QString& login, const QString& name, const QString& credentialHash,
        Role role = Role::Staff);
    static int count(const Database& store);
    static bool removeAll(Database& store);

    // Inside a write transaction: the login's attempts, created when missing, locked until commit
    // and MAC-checked (nullopt with the store's error Tampered, Locked or Sql).
    static std::optional<SigninState> lockAttempts(Database& store, const QString& login);
    static bool writeAttempts(Database& store, const SigninState& state);
    // In the caller's transaction: a login's sign-in lock lifted (or a card's: card:SERIAL), its
    // failures forgiven; attempts in flight stay counted. False when the login has no attempts
    // recorded (*missing true) or the store refused.
    static bool resetAttempts(Database& store, const QString& login, bool* missing = nullptr);
    // Migration (schema 9): attempts counted in flight before their holders were recorded are
    // released; records that fail their MAC are left as they are.
    static bool releaseLegacyInFlight(Database& store);
    // Key rotation: every attempt record's MAC computed again with the store's (new) key.
    static bool sealAll(Database& store);
    // Logins whose attempt record's MAC does not match.
    static QStringList tampered(const Database& store);
};

} // namespace hardtoken
