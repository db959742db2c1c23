#include "store/UserTable.h"

#include "store/Database.h"
#include "store/UserInfo.h"

namespace hardtoken {

QList<UserInfo> UserTable::list(const Database& store, qint64 corporationId)
{
    QList<UserInfo> out;
    // The size first: 50,000 users are read into one allocation, not grown into (which held the
    // old and the new array at once).
    Database::Query count
        = store.query(QStringLiteral("SELECT COUNT(*) FROM users WHERE corporation_id = ?"), { corporationId });
    if (count.next())
        out.reserve(count.value(0).toInt());
    Database::Query q = store.query(QStringLiteral("SELECT u.id, u.name, u.display_order, t.serial FROM users u"
                                                   " LEFT JOIN registrations r ON r.corporation_id = u.corporation_id"
                                                   " AND r.user_id = u.id"
                                                   " LEFT JOIN tokens t ON t.id = r.token_id"
                                                   " WHERE u.corporation_id = ? ORDER BY u.display_order, u.id"),
        { corporationId });
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString() });
    return out;
}

std::optional<UserInfo> UserTable::find(const Database& store, qint64 corporationId, qint64 userId)
{
    Database::Query q = store.query(QStringLiteral("SELECT u.id, u.name, u.display_order, t.serial FROM users u"
                                                   " LEFT JOIN registrations r ON r.corporation_id = u.corporation_id"
                                                   " AND r.user_id = u.id"
                                                   " LEFT JOIN tokens t ON t.id = r.token_id"
                                                   " WHERE u.id = ? AND u.corporation_id = ?"),
        { userId, corporationId });
    if (!q.next())
        return std::nullopt;
    return UserInfo { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString() };
}

qint64 UserTable::insert(
    Database& store, qint64 corporationId, const QString& name, int displayOrder, const QString& bankId)
{
    return store.insert(
        QStringLiteral("INSERT INTO users (corporation_id, name, display_order, bank_id) VALUES (?, ?, ?, ?)"),
        { corporationId, name, displayOrder,
            bankId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(bankId) });
}

std::optional<UserInfo> UserTable::findByBankId(const Database& store, qint64 corporationId, const QString& bankId)
{
    Database::Query q = store.query(
        QStringLiteral("SELECT id, name, display_order FROM users WHERE corporation_id = ? AND bank_id = ?"),
        { corporationId, bankId });
    if (!q.next())
        return std::nullopt;
    return UserInfo { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), {} };
}

QHash<qint64, QString> UserTable::bankIds(const Database& store, qint64 corporationId)
{
    QHash<qint64, QString> out;
    Database::Query q
        = store.query(QStringLiteral("SELECT id, bank_id FROM users WHERE corporation_id = ? AND bank_id IS NOT NULL"),
            { corporationId });
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

bool UserTable::update(Database& store, qint64 userId, const QString& name, int displayOrder)
{
    return store.run(
        QStringLiteral("UPDATE users SET name = ?, display_order = ? WHERE id = ?"), { name, displayOrder, userId });
}

bool UserTable::remove(Database& store, const QList<qint64>& userIds)
{
    for (qint64 id : userIds) {
        if (!store.run(QStringLiteral("DELETE FROM users WHERE id = ?"), { id }))
            return false;
    }
    return true;
}

bool UserTable::removeAll(Database& store)
{
    return store.run(QStringLiteral("DELETE FROM users"), {});
}

} // namespace hardtoken
