#include "Types.h"

namespace hardtoken {

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

} // namespace hardtoken
