#include "store/StaffTable.h"

#include "store/Database.h"

#include <QCoreApplication>

namespace hardtoken {

namespace {

const QByteArray kPurpose = QByteArrayLiteral("signin");

QStringList macFields(const SigninState& s)
{
    return { s.login, QString::number(s.failures), QString::number(s.inFlight), s.lockedAt };
}

} // namespace

std::optional<QString> StaffTable::credentialHash(const Database& store, const QString& login)
{
    Database::Query q
        = store.query(QStringLiteral("SELECT credential_hash FROM staff WHERE login = ? AND disabled = 0"), { login });
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

namespace {
StaffTable::Account accountFrom(const Database::Query& q)
{
    return { q.value(0).toString(), q.value(1).toString(),
        q.value(2).toString() == QLatin1String("admin") ? StaffTable::Role::Admin : StaffTable::Role::Staff,
        q.value(3).toInt() != 0 };
}
} // namespace

std::optional<StaffTable::Account> StaffTable::find(const Database& store, const QString& login)
{
    Database::Query q
        = store.query(QStringLiteral("SELECT login, name, role, disabled FROM staff WHERE login = ?"), { login });
    if (!q.next())
        return std::nullopt;
    return accountFrom(q);
}

QList<StaffTable::Account> StaffTable::list(const Database& store)
{
    QList<Account> out;
    Database::Query q = store.query(QStringLiteral("SELECT login, name, role, disabled FROM staff ORDER BY login"));
    while (q.next())
        out.append(accountFrom(q));
    return out;
}

bool StaffTable::setDisabled(Database& store, const QString& login, bool disabled)
{
    Database::Query q
        = store.query(QStringLiteral("UPDATE staff SET disabled = ? WHERE login = ?"), { disabled ? 1 : 0, login });
    return q.ok() && q.rowsAffected() == 1;
}

bool StaffTable::insert(
    Database& store, const QString& login, const QString& name, const QString& credentialHash, Role role)
{
    return store.run(QStringLiteral("INSERT INTO staff (login, name, credential_hash, role) VALUES (?, ?, ?, ?)"),
        { login, name, credentialHash, role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("staff") });
}

int StaffTable::count(const Database& store)
{
    Database::Query q = store.query(QStringLiteral("SELECT COUNT(*) FROM staff"));
    return q.next() ? q.value(0).toInt() : 0;
}

bool StaffTable::removeAll(Database& store)
{
    return store.run(QStringLiteral("DELETE FROM staff"), {});
}

std::optional<SigninState> StaffTable::lockAttempts(Database& store, const QString& login)
{
    Q_ASSERT(store.inTransaction());
    SigninState fresh;
    fresh.login = login;
    if (!store.run(QStringLiteral("INSERT INTO signin_attempts (login, failures, in_flight, state_mac)"
                                  " VALUES (?, 0, 0, ?) ON CONFLICT (login) DO NOTHING"),
            { login, store.stateMac(kPurpose, macFields(fresh)) }))
        return std::nullopt;
    Database::Query q
        = store.query(QStringLiteral("SELECT failures, in_flight, locked_at, state_mac FROM signin_attempts"
                                     " WHERE login = ?")
                + (store.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()),
            { login });
    if (!q.next())
        return std::nullopt;
    SigninState s;
    s.login = login;
    s.failures = q.value(0).toInt();
    s.inFlight = q.value(1).toInt();
    s.lockedAt = q.value(2).toString();
    if (!store.stateMacMatches(kPurpose, macFields(s), q.value(3).toString())) {
        store.fail(StoreErrorCode::Tampered,
            QCoreApplication::translate(
                "StaffTable", "ヘルプデスクのサインイン記録が、コンソールの外で変更されています。"));
        return std::nullopt;
    }
    return s;
}

bool StaffTable::writeAttempts(Database& store, const SigninState& s)
{
    Database::Query q
        = store.query(QStringLiteral("UPDATE signin_attempts SET failures = ?, in_flight = ?, locked_at = ?,"
                                     " state_mac = ? WHERE login = ?"),
            { s.failures, s.inFlight,
                s.lockedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s.lockedAt),
                store.stateMac(kPurpose, macFields(s)), s.login });
    return q.ok() && q.rowsAffected() == 1;
}

bool StaffTable::resetAttempts(Database& store, const QString& login, bool* missing)
{
    Q_ASSERT(store.inTransaction());
    // Not through lockAttempts(): a record edited outside the console is resealed here (the
    // administrator's reset is the recovery), not refused.
    SigninState s;
    s.login = login;
    {
        Database::Query q = store.query(QStringLiteral("SELECT in_flight FROM signin_attempts WHERE login = ?")
                + (store.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()),
            { login });
        if (!q.ok())
            return false;
        if (!q.next()) {
            if (missing)
                *missing = true;
            return false;
        }
        s.inFlight = qMax(0, q.value(0).toInt()); // attempts being checked right now stay counted
        s.failures = s.inFlight;
    }
    return store.run(QStringLiteral("UPDATE signin_attempts SET failures = ?, in_flight = ?, locked_at = NULL,"
                                    " state_mac = ? WHERE login = ?"),
        { s.failures, s.inFlight, store.stateMac(kPurpose, macFields(s)), login });
}

bool StaffTable::sealAll(Database& store)
{
    QList<SigninState> rows;
    {
        Database::Query q
            = store.query(QStringLiteral("SELECT login, failures, in_flight, locked_at FROM signin_attempts"));
        while (q.next())
            rows.append({ q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toString() });
    }
    for (const SigninState& s : std::as_const(rows)) {
        if (!store.run(QStringLiteral("UPDATE signin_attempts SET state_mac = ? WHERE login = ?"),
                { store.stateMac(kPurpose, macFields(s)), s.login }))
            return false;
    }
    return true;
}

bool StaffTable::releaseLegacyInFlight(Database& store)
{
    QList<SigninState> rows;
    {
        Database::Query q = store.query(QStringLiteral(
            "SELECT login, failures, in_flight, locked_at, state_mac FROM signin_attempts WHERE in_flight > 0"));
        while (q.next()) {
            const SigninState s { q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(),
                q.value(3).toString() };
            if (store.stateMacMatches(kPurpose, macFields(s), q.value(4).toString()))
                rows.append(s);
        }
    }
    for (SigninState s : std::as_const(rows)) {
        s.failures = qMax(0, s.failures - s.inFlight);
        s.inFlight = 0;
        if (!writeAttempts(store, s))
            return false;
    }
    return true;
}

QStringList StaffTable::tampered(const Database& store)
{
    QStringList out;
    Database::Query q
        = store.query(QStringLiteral("SELECT login, failures, in_flight, locked_at, state_mac FROM signin_attempts"));
    while (q.next()) {
        const SigninState s { q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toString() };
        if (!store.stateMacMatches(kPurpose, macFields(s), q.value(4).toString()))
            out.append(s.login);
    }
    return out;
}

} // namespace hardtoken
