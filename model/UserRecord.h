#pragma once

#include "Types.h"

#include <QHash>
#include <QList>

#include <optional>

namespace hardtoken {

class Store;

// The users table's named operations (利用者 of a corporation, in the bank's display order).
class UserTable final {
public:
    // With the serial each one holds (individual mode), in display order.
    static QList<UserInfo> list(const Store& store, qint64 corporationId);
    // One user of the corporation, by id: an index lookup, whatever the number of users.
    static std::optional<UserInfo> find(const Store& store, qint64 corporationId, qint64 userId);
    // `bankId`: the bank's stable key for the user (利用者ID), empty for training users.
    static qint64 insert(
        Store& store, qint64 corporationId, const QString& name, int displayOrder, const QString& bankId = {});
    static std::optional<UserInfo> findByBankId(const Store& store, qint64 corporationId, const QString& bankId);
    // user id -> 利用者ID for the corporation's users that have one.
    static QHash<qint64, QString> bankIds(const Store& store, qint64 corporationId);
    static bool update(Store& store, qint64 userId, const QString& name, int displayOrder);
    // Removes the users (their registrations go with them: release them first).
    static bool remove(Store& store, const QList<qint64>& userIds);
    static bool removeAll(Store& store);
};

// The registrations table: which user (or, shared, which corporation) holds which token.
class RegistrationTable final {
public:
    static QString sharedSerial(const Store& store, qint64 corporationId);
    // Ends what the user holds (userId 0: the corporation's shared registration) and makes the
    // tokens available again. Returns how many were released, or -1 on failure.
    static int release(Store& store, qint64 corporationId, qint64 userId);
    // The same for many users at once (a committed 利用登録情報の一覧): the ids of the released
    // tokens, or nullopt on failure.
    static std::optional<QList<qint64>> releaseUsers(Store& store, qint64 corporationId, const QList<qint64>& userIds);
    // Ends every registration of the corporation (a changed 利用形態). Returns the count or -1.
    static int releaseAll(Store& store, qint64 corporationId);
    // False also when the token is registered to someone else (the token is unique).
    static bool add(Store& store, qint64 corporationId, qint64 userId, qint64 tokenId);
    // Many (user, token) pairs at once, a statement per hundred.
    static bool addMany(Store& store, qint64 corporationId, const QList<QPair<qint64, qint64>>& userTokens);
    static bool removeAll(Store& store);
};

} // namespace hardtoken
