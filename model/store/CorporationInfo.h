#pragma once

#include "store/UsageMode.h"

#include <QString>

namespace hardtoken {

// Why a corporation is 利用中止: wrong serial/OTP entries, or wrong 契約法人確認暗証番号.
enum class SuspensionReason { None, Otp, Pin };
QString suspensionReasonKey(SuspensionReason reason);
SuspensionReason suspensionReasonFromKey(const QString& key);

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
    int registeredTokens = 0; // -1: not counted (CorporationTable::TokenCount::Skipped)
    // False when the counters or suspension were edited outside the console (state MAC fails).
    bool stateIntact = true;
};

} // namespace hardtoken
