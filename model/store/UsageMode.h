#pragma once

#include <QString>

namespace hardtoken {

// 利用形態: 全ての利用者が同じトークンを利用する (Shared) / 全ての利用者が異なるトークンを利用する (Individual)
enum class UsageMode { Unset, Shared, Individual };

QString usageModeKey(UsageMode mode);
UsageMode usageModeFromKey(const QString& key);
// The manual's wording of the mode (translated when read).
QString usageModeDisplayName(UsageMode mode);

} // namespace hardtoken
