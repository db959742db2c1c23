#include "UserRecord.h"

#include "Store.h"

namespace hardtoken {

namespace {
QVariant userOrNull(qint64 userId)
{
    return userId ? QVariant(userId) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

QList<UserInfo> UserTable::list(const Store& store, qint64 corporationId)
{
    QList<UserInfo> out;
    // The size first: 50,000 users are read into one allocation, not grown into (which held the
    // old and the new array at once).
    Store::Query count
        = store.query(QStringLiteral("SELECT COUNT(*) FROM users WHERE corporation_id = ?"), { corporationId });
    if (count.next())
        out.reserve(count.value(0).toInt());
    Store::Query q = store.query(QStringLiteral("SELECT u.id, u.name, u.display_order, t.serial FROM users u"
                                                " LEFT JOIN registrations r ON r.corporation_id = u.corporation_id"
                                                " AND r.user_id = u.id"
                                                " LEFT JOIN tokens t ON t.id = r.token_id"
                                                " WHERE u.corporation_id = ? ORDER BY u.display_order, u.id"),
        { corporationId });
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString() });
    return out;
}

std::optional<UserInfo> UserTable::find(const Store& store, qint64 corporationId, qint64 userId)
{
    Store::Query q = store.query(QStringLiteral("SELECT u.id, u.name, u.display_order, t.serial FROM users u"
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
    Store& store, qint64 corporationId, const QString& name, int displayOrder, const QString& bankId)
{
    return store.insert(
        QStringLiteral("INSERT INTO users (corporation_id, name, display_order, bank_id) VALUES (?, ?, ?, ?)"),
        { corporationId, name, displayOrder,
            bankId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(bankId) });
}

std::optional<UserInfo> UserTable::findByBankId(const Store& store, qint64 corporationId, const QString& bankId)
{
    Store::Query q = store.query(
        QStringLiteral("SELECT id, name, display_order FROM users WHERE corporation_id = ? AND bank_id = ?"),
        { corporationId, bankId });
    if (!q.next())
        return std::nullopt;
    return UserInfo { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), {} };
}

QHash<qint64, QString> UserTable::bankIds(const Store& store, qint64 corporationId)
{
    QHash<qint64, QString> out;
    Store::Query q
        = store.query(QStringLiteral("SELECT id, bank_id FROM users WHERE corporation_id = ? AND bank_id IS NOT NULL"),
            { corporationId });
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

bool UserTable::update(Store& store, qint64 userId, const QString& name, int displayOrder)
{
    return store.run(
        QStringLiteral("UPDATE users SET name = ?, display_order = ? WHERE id = ?"), { name, displayOrder, userId });
}

bool UserTable::remove(Store& store, const QList<qint64>& userIds)
{
    for (qint64 id : userIds) {
        if (!store.run(QStringLiteral("DELETE FROM users WHERE id = ?"), { id }))
            return false;
    }
    return true;
}

bool UserTable::removeAll(Store& store)
{
    return store.run(QStringLiteral("DELETE FROM users"), {});
}

QString RegistrationTable::sharedSerial(const Store& store, qint64 corporationId)
{
    Store::Query q
        = store.query(QStringLiteral("SELECT t.serial FROM registrations r JOIN tokens t ON t.id = r.token_id"
                                     " WHERE r.corporation_id = ? AND r.user_id IS NULL"),
            { corporationId });
    return q.next() ? q.value(0).toString() : QString();
}

int RegistrationTable::release(Store& store, qint64 corporationId, qint64 userId)
{
    QList<qint64> released;
    {
        Store::Query q = userId
            ? store.query(QStringLiteral("DELETE FROM registrations WHERE corporation_id = ? AND user_id = ?"
                                         " RETURNING token_id"),
                { corporationId, userId })
            : store.query(QStringLiteral("DELETE FROM registrations WHERE corporation_id = ? AND user_id IS NULL"
                                         " RETURNING token_id"),
                { corporationId });
        if (!q.ok())
            return -1;
        while (q.next())
            released.append(q.value(0).toLongLong());
    }
    for (qint64 tokenId : std::as_const(released)) {
        if (!store.run(QStringLiteral("UPDATE tokens SET status = ? WHERE id = ?"),
                { tokenStatusKey(TokenStatus::Available), tokenId }))
            return -1;
    }
    return static_cast<int>(released.size());
}

namespace {
constexpr int kChunk = 100;

QString placeholders(qsizetype count, const QString& one)
{
    QString out;
    for (qsizetype i = 0; i < count; ++i)
        out += i ? QStringLiteral(", ") + one : one;
    return out;
}
} // namespace

std::optional<QList<qint64>> RegistrationTable::releaseUsers(
    Store& store, qint64 corporationId, const QList<qint64>& userIds)
{
    QList<qint64> released;
    for (qsizetype first = 0; first < userIds.size(); first += kChunk) {
        const qsizetype count = qMin<qsizetype>(kChunk, userIds.size() - first);
        QVariantList values { corporationId };
        for (qsizetype i = first; i < first + count; ++i)
            values << userIds[i];
        Store::Query q
            = store.query(QStringLiteral("DELETE FROM registrations WHERE corporation_id = ? AND user_id IN (")
                    + placeholders(count, QStringLiteral("?")) + QStringLiteral(") RETURNING token_id"),
                values);
        if (!q.ok())
            return std::nullopt;
        while (q.next())
            released.append(q.value(0).toLongLong());
    }
    for (qsizetype first = 0; first < released.size(); first += kChunk) {
        const qsizetype count = qMin<qsizetype>(kChunk, released.size() - first);
        QVariantList values { tokenStatusKey(TokenStatus::Available) };
        for (qsizetype i = first; i < first + count; ++i)
            values << released[i];
        if (!store.run(QStringLiteral("UPDATE tokens SET status = ? WHERE id IN (")
                    + placeholders(count, QStringLiteral("?")) + QLatin1Char(')'),
                values))
            return std::nullopt;
    }
    return released;
}

bool RegistrationTable::addMany(Store& store, qint64 corporationId, const QList<QPair<qint64, qint64>>& userTokens)
{
    const QString now = store.nowText();
    for (qsizetype first = 0; first < userTokens.size(); first += kChunk) {
        const qsizetype count = qMin<qsizetype>(kChunk, userTokens.size() - first);
        // The corporation and the time are bound once; each row binds its user and token.
        QVariantList values { corporationId, now };
        values.reserve(2 + count * 2);
        for (qsizetype i = first; i < first + count; ++i)
            values << userOrNull(userTokens[i].first) << userTokens[i].second;
        if (!store.run(QStringLiteral("INSERT INTO registrations (corporation_id, user_id, token_id, since)"
                                      " SELECT c.corporation_id, v.column1, v.column2, c.since FROM"
                                      " (SELECT CAST(? AS BIGINT) AS corporation_id, CAST(? AS TEXT) AS since) AS c,"
                                      " (VALUES ")
                    + placeholders(count, QStringLiteral("(CAST(? AS BIGINT), CAST(? AS BIGINT))"))
                    + QStringLiteral(") AS v"),
                values))
            return false;
    }
    return true;
}

int RegistrationTable::releaseAll(Store& store, qint64 corporationId)
{
    if (!store.run(QStringLiteral("UPDATE tokens SET status = ? WHERE id IN"
                                  " (SELECT token_id FROM registrations WHERE corporation_id = ?)"),
            { tokenStatusKey(TokenStatus::Available), corporationId }))
        return -1;
    Store::Query q
        = store.query(QStringLiteral("DELETE FROM registrations WHERE corporation_id = ?"), { corporationId });
    return q.ok() ? q.rowsAffected() : -1;
}

bool RegistrationTable::add(Store& store, qint64 corporationId, qint64 userId, qint64 tokenId)
{
    return addMany(store, corporationId, { { userId, tokenId } });
}

bool RegistrationTable::removeAll(Store& store)
{
    return store.run(QStringLiteral("DELETE FROM registrations"), {});
}

} // namespace hardtoken
