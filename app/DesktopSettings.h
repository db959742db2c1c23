#pragma once

#include <QString>

namespace hardtoken::desktop {

// What one desktop keeps between starts (QSettings: the registry on Windows, ~/.config on Linux),
// by key. Written by ファイル > 設定 (SettingsDialog), 表示 > 言語 and the windows themselves.
inline QString databaseKey()
{
    return QStringLiteral("database");
} // SQLite file; empty = AppData
inline QString postgresKey()
{
    return QStringLiteral("postgres");
} // libpq string, never a password
inline QString languageKey()
{
    return QStringLiteral("language");
} // ja | en
inline QString windowGeometryKey()
{
    return QStringLiteral("window/geometry");
}
inline QString cardWindowGeometryKey()
{
    return QStringLiteral("cardWindow/geometry");
}
inline QString cardSecondsKey()
{
    return QStringLiteral("training/cardDisplaySeconds");
}

} // namespace hardtoken::desktop
