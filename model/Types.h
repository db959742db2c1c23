#pragma once

#include "Otp.h"

#include <QList>
#include <QString>

namespace hardtoken {

// 利用形態: 全ての利用者が同じトークンを利用する (Shared) / 全ての利用者が異なるトークンを利用する (Individual)
enum class UsageMode { Unset, Shared, Individual };

// Why a corporation is 利用中止: wrong serial/OTP entries, or wrong 契約法人確認暗証番号.
enum class SuspensionReason { None, Otp, Pin };
// A token in the bank's inventory: free, registered to a user or corporation, or withdrawn.
enum class TokenStatus { Available, Registered, Retired };

QString suspensionReasonKey(SuspensionReason reason);
SuspensionReason suspensionReasonFromKey(const QString& key);
QString tokenStatusKey(TokenStatus status);
TokenStatus tokenStatusFromKey(const QString& key);

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
    SuspensionReason suspendedReason = SuspensionReason::None;
    int registeredTokens = 0;
    // False when the counters or suspension were edited outside the console (state MAC fails).
    bool stateIntact = true;
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
    OtpKind kind = OtpKind::Totp;
    OtpState nextState;
};

} // namespace hardtoken
