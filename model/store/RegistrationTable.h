#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace hardtoken {

class Database;

// The registrations table: which user (or, shared, which corporation) holds which token.
class RegistrationTable final {
public:
    static QString sharedSerial(const Database& store, qint64 corporationId);
    // Ends what the user holds (userId 0: the corporation's shared registration) and makes the
    // tokens available again. Returns how many were released, or -1 on failure.
    static int release(Database& store, qint64 corporationId, qint64 userId);
    // The same for many users at once (a committed 利用登録情報の一覧): the ids of the released
    // tokens, or nullopt on failure.
    static std::optional<QList<qint64>> releaseUsers(
        Database& store, qint64 corporationId, const QList<qint64>& userIds);
    // Ends every registration of the corporation (a changed 利用形態). Returns the count or -1.
    static int releaseAll(Database& store, qint64 corporationId);
    // False also when the token is registered to someone else (the token is unique).
    static bool add(Database& store, qint64 corporationId, qint64 userId, qint64 tokenId);
    // Many (user, token) pairs at once, a statement per hundred.
    static bool addMany(Database& store, qint64 corporationId, const QList<QPair<qint64, qint64>>& userTokens);
    static bool removeAll(Database& store);
};

} // namespace hardtoken
