#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hardtoken {

class Store;

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
    static std::optional<QString> credentialHash(const Store& store, const QString& login);
    enum class Role { Staff, Admin }; // 担当者 / 管理者
    struct Account {
        QString login;
        QString name;
        Role role = Role::Staff;
        bool disabled = false;
    };
    static std::optional<Account> find(const Store& store, const QString& login);
    static QList<Account> list(const Store& store);
    static bool setDisabled(Store& store, const QString& login, bool disabled);
    static bool insert(Store& store, const QString& login, const QString& name, const QString& credentialHash,
        Role role = Role::Staff);
    static int count(const Store& store);
    static bool removeAll(Store& store);

    // Inside a write transaction: the login's attempts, created when missing, locked until commit
    // and MAC-checked (nullopt with the store's error Tampered, Locked or Sql).
    static std::optional<SigninState> lockAttempts(Store& store, const QString& login);
    static bool writeAttempts(Store& store, const SigninState& state);
    // In the caller's transaction: a login's sign-in lock lifted (or a card's: card:SERIAL), its
    // failures forgiven; attempts in flight stay counted. False when the login has no attempts
    // recorded (*missing true) or the store refused.
    static bool resetAttempts(Store& store, const QString& login, bool* missing = nullptr);
    // Migration (schema 9): attempts counted in flight before their holders were recorded are
    // released; records that fail their MAC are left as they are.
    static bool releaseLegacyInFlight(Store& store);
    // Key rotation: every attempt record's MAC computed again with the store's (new) key.
    static bool sealAll(Store& store);
    // Logins whose attempt record's MAC does not match.
    static QStringList tampered(const Store& store);
};

} // namespace hardtoken
