#pragma once

#include "store/UserInfo.h"

#include <QHash>
#include <QList>

#include <optional>

namespace hardtoken {

class Database;

// The users table's named operations (利用者 of a corporation, in the bank's display order).
class UserTable final {
public:
    // With the serial each one holds (individual mode), in display order.
    static QList<UserInfo> list(const Database& store, qint64 corporationId);
    // One user of the corporation, by id: an index lookup, whatever the number of users.
    static std::optional<UserInfo> find(const Database& store, qint64 corporationId, qint64 userId);
    // `bankId`: the bank's stable key for the user (利用者ID), empty for training users.
    static qint64 insert(
        Database& store, qint64 corporationId, const QString& name, int displayOrder, const QString& bankId = {});
    static std::optional<UserInfo> findByBankId(const Database& store, qint64 corporationId, const QString& bankId);
    // user id -> 利用者ID for the corporation's users that have one.
    static QHash<qint64, QString> bankIds(const Database& store, qint64 corporationId);
    static bool update(Database& store, qint64 userId, const QString& name, int displayOrder);
    // Removes the users (their registrations go with them: release them first).
    static bool remove(Database& store, const QList<qint64>& userIds);
    static bool removeAll(Database& store);
};

} // namespace hardtoken
