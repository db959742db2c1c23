#pragma once

#include "core/Otp.h"

#include <QString>

namespace hardtoken {

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
