#pragma once

#include "Otp.h"

#include <QList>
#include <QString>

namespace hardtoken {

// 利用形態: 全ての利用者が同じトークンを利用する (Shared) / 全ての利用者が異なるトークンを利用する (Individual)
enum class UsageMode { Unset, Shared, Individual };

QString usageModeKey(UsageMode mode);
UsageMode usageModeFromKey(const QString& key);
// The manual's wording of the mode (translated when read).
QString usageModeDisplayName(UsageMode mode);

struct CorporationInfo {
    qint64 id = 0;
    QString code;
    QString name;
    UsageMode mode = UsageMode::Unset;
    int otpFailures = 0;
    int pinFailures = 0;
    bool suspended = false;
    QString suspendedAt;
    QString suspendedReason; // "otp" or "pin"
    int registeredTokens = 0;
};

struct UserInfo {
    qint64 id = 0;
    QString name;
    int displayOrder = 0;
    QString currentSerial; // the token registered to this user (individual mode), or empty
};

// One entry of the 利用登録情報の一覧: a user, the token checked at 次へ, and where that token's OTP
// state moves when the entry is committed.
struct QueuedRegistration {
    qint64 userId = 0; // 0: the shared registration of the corporation
    QString userName;
    int displayOrder = 0;
    qint64 tokenId = 0;
    QString serial;
    OtpState nextState;
};

} // namespace hardtoken
