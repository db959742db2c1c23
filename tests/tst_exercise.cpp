// Training exercises as data: the ones that come with the console, and files a trainer writes,
// refused with the field at fault named.
#include "TestSupport.h"

#include "desk/ManualSteps.h"
#include "inventory/Scenario.h"
#include "training/Exercise.h"

using namespace hardtoken;

class TestExercise final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bundledExercisesCoverTheChapter();
    void malformedFilesAreRefusedByField_data();
    void malformedFilesAreRefusedByField();
    void aScenarioBesideTheExercise();
};

void TestExercise::bundledExercisesCoverTheChapter()
{
    QStringList ids;
    QSet<UsageMode> modeChangesFrom;
    bool sharedRegistration = false;
    bool threeUsers = false;
    bool recovery = false;
    for (const QString& path : ExerciseLoader::bundled()) {
        QString error;
        const auto e = ExerciseLoader::load(path, &error);
        QVERIFY2(e, qPrintable(error));
        ids << e->id;
        QVERIFY(!e->goalIn(QStringLiteral("en")).isEmpty() && e->goalIn(QStringLiteral("en")) != e->goal);
        QVERIFY(!e->titleIn(QStringLiteral("en")).isEmpty() && e->titleIn(QStringLiteral("en")) != e->title);
        const auto scenario = ScenarioLoader::load(e->scenario, &error);
        QVERIFY2(scenario, qPrintable(error));
        if (e->steps.first() == QLatin1String("9.1-1"))
            modeChangesFrom.insert(scenario->mode);
        sharedRegistration = sharedRegistration || e->steps.contains(QStringLiteral("9.2.1-4"));
        threeUsers = threeUsers || e->steps.count(QStringLiteral("9.2.2-3")) >= 3;
        if (e->steps.contains(QStringLiteral("suspended")) && e->steps.last() == QLatin1String("unlock")) {
            recovery = true;
            // One wrong entry away from 利用中止, as the exercise needs.
            QCOMPARE(scenario->otpFailures, scenario->settings.otpFailureLimit - 1);
        }
    }
    QVERIFY(ids.size() >= 5);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QCOMPARE(modeChangesFrom, (QSet<UsageMode> { UsageMode::Individual, UsageMode::Shared })); // 9.1 both ways
    QVERIFY(sharedRegistration);
    QVERIFY(threeUsers);
    QVERIFY(recovery);
}

void TestExercise::malformedFilesAreRefusedByField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray good = R"({"format": 1, "id": "x", "title": "t", "goal": "g",
        "scenario": ":/scenarios/manual-ch9.json", "steps": ["9.1-1"]})";
    QTest::newRow("not JSON") << QByteArray("{\"format\": 1,") << QStringLiteral("1 行目");
    QTest::newRow("format") << QByteArray(good).replace("\"format\": 1", "\"format\": 2") << QStringLiteral("format");
    QTest::newRow("id") << QByteArray(good).replace("\"id\": \"x\"", "\"id\": \"Has Space\"") << QStringLiteral("id");
    QTest::newRow("no goal") << QByteArray(good).replace("\"goal\": \"g\",", "") << QStringLiteral("goal");
    QTest::newRow("scenario") << QByteArray(good).replace(":/scenarios/manual-ch9.json", "missing.json")
                              << QStringLiteral("scenario");
    QTest::newRow("no steps") << QByteArray(good).replace("[\"9.1-1\"]", "[]") << QStringLiteral("steps");
    QTest::newRow("unknown step") << QByteArray(good).replace("\"9.1-1\"", "\"9.1-1\", \"9.9-9\"")
                                  << QStringLiteral("steps[1]");
    QTest::newRow("titles") << QByteArray(good).replace(
        "\"title\": \"t\",", "\"title\": \"t\", \"titles\": {\"en\": 3},")
                            << QStringLiteral("titles.en");
    const auto expect = [&good](const char* what) {
        return QByteArray(good).replace("\"steps\"", QByteArray(QByteArray("\"expect\": ") + what + ", \"steps\""));
    };
    QTest::newRow("expect not an object") << expect("[]") << QStringLiteral("expect");
    QTest::newRow("expect.usageMode") << expect(R"({"usageMode": "both"})") << QStringLiteral("expect.usageMode");
    QTest::newRow("expect.entries") << expect(R"({"entries": 0})") << QStringLiteral("expect.entries");
    QTest::newRow("expect.serial") << expect(R"({"serial": "00-0000001-1"})") << QStringLiteral("expect.serial");
}

void TestExercise::malformedFilesAreRefusedByField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!ExerciseLoader::parse(json, dir.path(), &error));
    QVERIFY2(error.contains(field), qPrintable(error));
}

void TestExercise::aScenarioBesideTheExercise()
{
    QTemporaryDir dir;
    QFile::copy(QStringLiteral(":/scenarios/shared-mode.json"), dir.filePath(QStringLiteral("mine.json")));
    QString error;
    const auto e = ExerciseLoader::parse(R"({"format": 1, "id": "mine", "title": "t", "goal": "g",
        "scenario": "mine.json", "steps": ["9.2.1-1", "9.2.1-2"]})",
        dir.path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->scenario, dir.filePath(QStringLiteral("mine.json")));
    QCOMPARE(e->steps, (QStringList { QStringLiteral("9.2.1-1"), QStringLiteral("9.2.1-2") }));
}

QTEST_GUILESS_MAIN(TestExercise)
#include "tst_exercise.moc"
