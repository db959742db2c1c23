#include "store/RegistrationTable.h"

#include "store/Database.h"
#include "store/TokenTable.h"

namespace hardtoken {

namespace {
QVariant userOrNull(qint64 userId)
{
    return userId ? QVariant(userId) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

QString RegistrationTable::sharedSerial(const Database& store, qint64 corporationId)
{
    Database::Query q
        = store.query(QStringLiteral("SELECT t.serial FROM registrations r JOIN tokens t ON t.id = r.token_id"
                                     " WHERE r.corporation_id = ? AND r.user_id IS NULL"),
            { corporationId });
    return q.next() ? q.value(0).toString() : QString();
}

int RegistrationTable::release(Database& store, qint64 corporationId, qint64 userId)
{
    QList<qint64> released;
    {
        Database::Query q = userId
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
    Database& store, qint64 corporationId, const QList<qint64>& userIds)
{
    QList<qint64> released;
    for (qsizetype first = 0; first < userIds.size(); first += kChunk) {
        const qsizetype count = qMin<qsizetype>(kChunk, userIds.size() - first);
        QVariantList values { corporationId };
        for (qsizetype i = first; i < first + count; ++i)
            values << userIds[i];
        Database::Query q
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

bool RegistrationTable::addMany(Database& store, qint64 corporationId, const QList<QPair<qint64, qint64>>& userTokens)
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

int RegistrationTable::releaseAll(Database& store, qint64 corporationId)
{
    if (!store.run(QStringLiteral("UPDATE tokens SET status = ? WHERE id IN"
                                  " (SELECT token_id FROM registrations WHERE corporation_id = ?)"),
            { tokenStatusKey(TokenStatus::Available), corporationId }))
        return -1;
    Database::Query q
        = store.query(QStringLiteral("DELETE FROM registrations WHERE corporation_id = ?"), { corporationId });
    return q.ok() ? q.rowsAffected() : -1;
}

bool RegistrationTable::add(Database& store, qint64 corporationId, qint64 userId, qint64 tokenId)
{
    return addMany(store, corporationId, { { userId, tokenId } });
}

bool RegistrationTable::removeAll(Database& store)
{
    return store.run(QStringLiteral("DELETE FROM registrations"), {});
}

} // namespace hardtoken
