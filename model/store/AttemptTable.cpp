#include "store/AttemptTable.h"

#include "store/Database.h"

#include <QList>
#include <QUuid>

namespace hardtoken {

namespace {
const QByteArray kPurpose = QByteArrayLiteral("attempt");
} // namespace

QString AttemptTable::pinScope(qint64 corporationId)
{
    return QStringLiteral("pin:%1").arg(corporationId);
}

QString AttemptTable::signInScope(const QString& login)
{
    return QStringLiteral("signin:") + login;
}

QString AttemptTable::reserve(Database& store, const QString& scope)
{
    Q_ASSERT(store.inTransaction());
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString owner = store.ownerTag();
    const QString at = store.nowText();
    const bool ok = store.run(
        QStringLiteral("INSERT INTO attempts_in_flight (key, scope, owner, reserved_at, mac) VALUES (?, ?, ?, ?, ?)"),
        { key, scope, owner, at, store.stateMac(kPurpose, { key, scope, owner, at }) });
    return ok ? key : QString();
}

AttemptTable::Settle AttemptTable::settle(Database& store, const QString& key)
{
    Q_ASSERT(store.inTransaction());
    Database::Query q = store.query(QStringLiteral("DELETE FROM attempts_in_flight WHERE key = ?"), { key });
    if (!q.ok())
        return Settle::Failed;
    return q.rowsAffected() > 0 ? Settle::Settled : Settle::Gone;
}

int AttemptTable::releaseAbandoned(Database& store, const QString& scope)
{
    Q_ASSERT(store.inTransaction());
    struct Row {
        QString key, owner, at, mac;
    };
    QList<Row> rows;
    {
        Database::Query q = store.query(
            QStringLiteral("SELECT key, owner, reserved_at, mac FROM attempts_in_flight WHERE scope = ?"), { scope });
        if (!q.ok())
            return -1;
        while (q.next())
            rows.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    }
    int released = 0;
    for (const Row& r : std::as_const(rows)) {
        // A row the console did not write (its MAC does not match) releases nothing.
        if (!store.stateMacMatches(kPurpose, { r.key, scope, r.owner, r.at }, r.mac) || store.ownerAlive(r.owner))
            continue;
        if (settle(store, r.key) == Settle::Failed)
            return -1;
        ++released;
    }
    return released;
}

bool AttemptTable::releaseAbandoned(Database& store, const QString& scope, Counters c, int* released)
{
    const int gone = releaseAbandoned(store, scope);
    if (gone < 0)
        return false;
    const int n = qMin(gone, c.inFlight);
    c.inFlight -= n;
    c.failures = qMax(0, c.failures - n);
    if (released)
        *released = n;
    return true;
}

bool AttemptTable::reserve(Database& store, const QString& scope, Counters c, QString* key)
{
    *key = reserve(store, scope);
    if (key->isEmpty())
        return false;
    c.failures += 1;
    c.inFlight += 1;
    return true;
}

bool AttemptTable::settleWrong(Database& store, const QString& key, Counters c)
{
    switch (settle(store, key)) {
    case Settle::Failed:
        return false;
    case Settle::Settled:
        c.inFlight = qMax(0, c.inFlight - 1);
        return true;
    case Settle::Gone:
        c.failures += 1;
        return true;
    }
    return false;
}

bool AttemptTable::settleRight(Database& store, const QString& key, Counters c)
{
    const Settle s = settle(store, key);
    if (s == Settle::Failed)
        return false;
    if (s == Settle::Settled)
        c.inFlight = qMax(0, c.inFlight - 1);
    c.failures = c.inFlight;
    return true;
}

bool AttemptTable::withdraw(Database& store, const QString& key, Counters c)
{
    const Settle s = settle(store, key);
    if (s == Settle::Failed)
        return false;
    if (s == Settle::Settled) {
        c.inFlight = qMax(0, c.inFlight - 1);
        c.failures = qMax(0, c.failures - 1);
    }
    return true;
}

} // namespace hardtoken
