#include "store/UsageMode.h"

#include <QCoreApplication>

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
