#include "training/Exercise.h"

#include "core/FieldReader.h"
#include "desk/ManualSteps.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace hardtoken {

namespace {

// "title" and "titles": {"en": …}, "goal" and "goals": {…}: the Japanese text and its translations.
QHash<QString, QString> translations(FieldReader& r, const QJsonObject& root, const char* key)
{
    QHash<QString, QString> out;
    const QJsonObject o = r.object(root, key);
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            r.fail(QLatin1String(key) + QLatin1Char('.') + it.key(), ExerciseLoader::tr("文字列が必要です"));
        else
            out.insert(it.key(), it.value().toString());
    }
    return out;
}

} // namespace

std::optional<Exercise> ExerciseLoader::parse(const QByteArray& json, const QString& baseDir, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        const QByteArray before = json.left(parseError.offset);
        *error = tr("練習ファイルの %1 行目に誤りがあります: %2")
                     .arg(before.count('\n') + 1)
                     .arg(doc.isObject() || parseError.error != QJsonParseError::NoError
                             ? parseError.errorString()
                             : tr("最上位は JSON オブジェクトでなければなりません"));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    FieldReader r(tr("練習の項目 %1 が正しくありません: %2"));
    Exercise e;
    const int format = r.integer(root, QStringLiteral("$"), "format", -1, 1, 1000);
    if (r.error.isEmpty() && format != Format)
        r.fail(QStringLiteral("format"), tr("このコンソールが読めるのは形式 %1 です").arg(Format));
    e.id = r.string(root, QStringLiteral("$"), "id");
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9.-]{0,63}$"));
    if (r.error.isEmpty() && !idPattern.match(e.id).hasMatch())
        r.fail(QStringLiteral("id"), tr("半角英小文字・数字・ハイフン・ピリオド（64 文字まで）が必要です"));
    e.title = r.string(root, QStringLiteral("$"), "title");
    e.titles = translations(r, root, "titles");
    e.goal = r.string(root, QStringLiteral("$"), "goal");
    e.goals = translations(r, root, "goals");
    e.scenario = r.string(root, QStringLiteral("$"), "scenario");
    if (r.error.isEmpty() && !e.scenario.startsWith(QLatin1Char(':'))) {
        const QString path = QDir(baseDir).filePath(e.scenario);
        if (!QFileInfo(path).isFile())
            r.fail(QStringLiteral("scenario"), tr("シナリオ %1 がありません").arg(QDir::toNativeSeparators(path)));
        e.scenario = path;
    } else if (r.error.isEmpty() && !QFile::exists(e.scenario)) {
        r.fail(QStringLiteral("scenario"), tr("シナリオ %1 がありません").arg(e.scenario));
    }
    const QJsonValue steps = root.value(QLatin1String("steps"));
    if (r.error.isEmpty() && (!steps.isArray() || steps.toArray().isEmpty()))
        r.fail(QStringLiteral("steps"), tr("手順の配列（1 つ以上）が必要です"));
    const QStringList desk = ExerciseLoader::deskEvents();
    QSet<QString> known(desk.cbegin(), desk.cend());
    for (const ManualStep& step : ManualSteps::steps())
        known.insert(step.id);
    const QJsonArray list = steps.toArray();
    for (int i = 0; i < list.size() && r.error.isEmpty(); ++i) {
        const QString step = list[i].toString();
        if (!list[i].isString() || !known.contains(step))
            r.fail(QStringLiteral("steps[%1]").arg(i),
                tr("マニュアルの手順（9.1-1 など）か suspended / unlock が必要です"));
        e.steps.append(step);
    }
    const QJsonObject expect = r.object(root, "expect");
    const QString mode = r.string(expect, QStringLiteral("expect"), "usageMode", false);
    if (mode == QLatin1String("shared"))
        e.expect.usageMode = UsageMode::Shared;
    else if (mode == QLatin1String("individual"))
        e.expect.usageMode = UsageMode::Individual;
    else if (!mode.isEmpty())
        r.fail(QStringLiteral("expect.usageMode"), tr("shared か individual が必要です"));
    e.expect.entries = r.integer(expect, QStringLiteral("expect"), "entries", 0, 1, 1000);
    e.expect.serial = r.string(expect, QStringLiteral("expect"), "serial", false);
    if (!e.expect.serial.isEmpty() && !Validation::checkSerial(e.expect.serial).ok())
        r.fail(QStringLiteral("expect.serial"), tr("10 桁のシリアル番号が必要です"));
    if (!r.error.isEmpty()) {
        *error = r.error;
        return std::nullopt;
    }
    return e;
}

std::optional<Exercise> ExerciseLoader::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("練習ファイル %1 を開けません。").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QString why;
    auto exercise = parse(file.read(1024 * 1024), QFileInfo(path).absolutePath(), &why);
    if (!exercise)
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why);
    return exercise;
}

QStringList ExerciseLoader::bundled()
{
    return { QStringLiteral(":/exercises/mode-to-shared.json"), QStringLiteral(":/exercises/mode-to-individual.json"),
        QStringLiteral(":/exercises/register-shared.json"), QStringLiteral(":/exercises/register-three-users.json"),
        QStringLiteral(":/exercises/suspended-and-unlocked.json") };
}

} // namespace hardtoken
