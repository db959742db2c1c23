#include "store/CorporationInfo.h"

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

} // namespace hardtoken
