#pragma once

#include "store/UsageMode.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace hardtoken {

// A training exercise (JSON, "format": 1, in resources/exercises/ or beside a scenario): the
// scenario it starts from, its goal in the manual's words, and the expected sequence of steps —
// ids of the manual's steps (ManualSteps: "9.2.2-3") and of the desk's events the manual only
// mentions ("suspended": the 利用中止 notice; "unlock": the help desk lifts it). A step may come
// again (9.2.2 step 3 once per user added with 追加).
// The language the console speaks now ("ja" or "en"): Language sets the default locale with it.
inline QString currentLanguageCode()
{
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("ja");
}

struct Exercise {
    QString id;
    QString title; // Japanese, the source language
    QHash<QString, QString> titles; // "titles": {"en": …}
    QString goal;
    QHash<QString, QString> goals;
    QString scenario; // a resource (":/scenarios/…") or a file beside the exercise
    QStringList steps;
    // "expect": what the store must hold when the procedure's OK went through, for the exercise to
    // be done (absent: the last step's OK is enough).
    struct Expectation {
        UsageMode usageMode = UsageMode::Unset; // "usageMode": "shared" | "individual"
        int entries = 0; // "entries": how many in the 利用登録情報の一覧 at OK, at least
        QString serial {}; // "serial": the token registered for all users (shared)
        bool any() const { return usageMode != UsageMode::Unset || entries > 0 || !serial.isEmpty(); }
    } expect {};

    QString titleIn(const QString& language) const { return titles.value(language, title); }
    QString goalIn(const QString& language) const { return goals.value(language, goal); }
};

class ExerciseLoader final {
    Q_DECLARE_TR_FUNCTIONS(ExerciseLoader)
public:
    static constexpr int Format = 1;
    // The desk's events an exercise may expect besides the manual's steps.
    static QStringList deskEvents() { return { QStringLiteral("suspended"), QStringLiteral("unlock") }; }

    // `baseDir`: where a relative scenario path is looked for. `error` names the field at fault.
    static std::optional<Exercise> parse(const QByteArray& json, const QString& baseDir, QString* error);
    static std::optional<Exercise> load(const QString& path, QString* error);
    // The exercises that come with the console, in the order a course takes them.
    static QStringList bundled();
};

} // namespace hardtoken
