#include "Types.h"

#include <QCoreApplication>

namespace hardtoken {

QString suspensionReasonKey(SuspensionReason reason)
{
    switch (reason) {
    case SuspensionReason::Otp:
        return QStringLiteral("otp");
    case SuspensionReason::Pin:
        return QStringLiteral("pin");
    case SuspensionReason::None:
        break;
    }
    return {};
}

SuspensionReason suspensionReasonFromKey(const QString& key)
{
    if (key == QLatin1String("otp"))
        return SuspensionReason::Otp;
    if (key == QLatin1String("pin"))
        return SuspensionReason::Pin;
    return SuspensionReason::None;
}

QString tokenStatusKey(TokenStatus status)
{
    switch (status) {
    case TokenStatus::Registered:
        return QStringLiteral("registered");
    case TokenStatus::Retired:
        return QStringLiteral("retired");
    case TokenStatus::Available:
        break;
    }
    return QStringLiteral("available");
}

TokenStatus tokenStatusFromKey(const QString& key)
{
    if (key == QLatin1String("registered"))
        return TokenStatus::Registered;
    if (key == QLatin1String("retired"))
        return TokenStatus::Retired;
    return TokenStatus::Available;
}

QString usageModeKey(UsageMode mode)
{
    switch (mode) {
    case UsageMode::Shared:
        return QStringLiteral("shared");
    case UsageMode::Individual:
        return QStringLiteral("individual");
    case UsageMode::Unset:
        break;
    }
    return QStringLiteral("unset");
}

UsageMode usageModeFromKey(const QString& key)
{
    if (key == QLatin1String("shared"))
        return UsageMode::Shared;
    if (key == QLatin1String("individual"))
        return UsageMode::Individual;
    return UsageMode::Unset;
}

QString usageModeDisplayName(UsageMode mode)
{
    switch (mode) {
    case UsageMode::Shared:
        return QCoreApplication::translate("UsageMode", "全ての利用者が同じトークンを利用する");
    case UsageMode::Individual:
        return QCoreApplication::translate("UsageMode", "全ての利用者が異なるトークンを利用する");
    case UsageMode::Unset:
        break;
    }
    return QCoreApplication::translate("UsageMode", "未設定");
}

} // namespace hardtoken
