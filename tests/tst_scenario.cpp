#include "TestSupport.h"

#include "core/Crypto.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <functional>

using namespace hardtoken;
using namespace hardtoken::test;

class TestScenario final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultScenarioIsTheManualsExample();
    void aResetHashesItsSecretsOnce();
    void testsNameTheScenariosCards();
    void bundledResourceMatchesTheSourceFile();
    void syntaxErrorNamesTheLine();
    void everyBundledScenarioHasAnEnglishTitle();
    void contentErrorNamesTheField_data();
    void contentErrorNamesTheField();
    void malformedScenarioChangesNothing();
    void resetRestoresCountersSuspensionAndRegistrations();
    void productionStoreRefusesScenarios();
};

void TestScenario::defaultScenarioIsTheManualsExample()
{
    Fixture f;
    const CorporationInfo c = f.service->corporation().value();
    QCOMPARE(c.mode, UsageMode::Individual);
    QCOMPARE(c.registeredTokens, 3);
    QVERIFY(!c.suspended);
    QVERIFY(f.store->isTrainingStore());
    const QList<UserInfo> users = f.service->users().value();
    QCOMPARE(users.size(), 3);
    QCOMPARE(users[0].name, QStringLiteral("鈴木 花子"));
    QCOMPARE(Validation::formatSerial(users[0].currentSerial), QStringLiteral("00-0000000-2"));
    QCOMPARE(users[1].name, QStringLiteral("田中 次郎"));
    QCOMPARE(Validation::formatSerial(users[1].currentSerial), QStringLiteral("00-0000000-3"));
    QCOMPARE(users[2].name, QStringLiteral("山田 太郎"));
    QCOMPARE(Validation::formatSerial(users[2].currentSerial), QStringLiteral("00-0000000-1"));
    const auto raw = f.raw();
    QSqlQuery spare = raw->exec(QStringLiteral("SELECT serial FROM tokens WHERE status = 'available' ORDER BY serial"));
    QStringList spares;
    while (spare.next())
        spares << spare.value(0).toString();
    QVERIFY(spares.contains(sample::spareCard1));
    QVERIFY(spares.contains(sample::spareCard2));
    QVERIFY(spares.contains(sample::spareCard3));
}

// The names the tests use for the manual's sample data (TestSupport.h, sample::) are the file's.
// `--training` resets the store at every start: the scenario's PIN and help-desk password are
// hashed (scrypt) the first time only, and the stored hashes still check the secrets.
void TestScenario::aResetHashesItsSecretsOnce()
{
    Fixture f;
    const auto pinHash = [&] { return CorporationTable::pinHash(*f.store, f.service->corporationId()); };
    const QString first = pinHash();
    const QString staff = StaffTable::credentialHash(*f.store, sample::staffLogin).value_or(QString());
    QString error;
    QVERIFY2(ScenarioLoader::apply(*f.store, f.scenario, f.scenarioSource, &error), qPrintable(error)); // the reset
    f.service->selectCorporation();
    QCOMPARE(pinHash(), first); // the same salt: not hashed again
    QCOMPARE(StaffTable::credentialHash(*f.store, sample::staffLogin).value_or(QString()), staff);
    QVERIFY(crypto::verifySecret(sample::pin, pinHash()));
    QVERIFY(crypto::verifySecret(sample::staffCredential, staff));
    // Another PIN in the scenario is hashed anew, and checks.
    Scenario other = manualScenario();
    other.pin = QStringLiteral("other987");
    QVERIFY2(ScenarioLoader::apply(*f.store, other, QStringLiteral("test"), &error), qPrintable(error));
    f.service->selectCorporation();
    QVERIFY(pinHash() != first);
    QVERIFY(crypto::verifySecret(QStringLiteral("other987"), pinHash()));
}

void TestScenario::testsNameTheScenariosCards()
{
    const Scenario s = manualScenario();
    QCOMPARE(s.corporationCode, sample::corporationCode);
    QCOMPARE(s.pin, sample::pin);
    QVERIFY(!s.staff.isEmpty());
    QCOMPARE(s.staff.first().login, sample::staffLogin);
    QCOMPARE(s.staff.first().credential, sample::staffCredential);
    QHash<QString, Scenario::Token> tokens;
    for (const Scenario::Token& t : s.tokens)
        tokens.insert(t.serial, t);
    const QList<QPair<QString, QString>> held { { sample::yamadaCard, QStringLiteral("山田 太郎") },
        { sample::suzukiCard, QStringLiteral("鈴木 花子") }, { sample::tanakaCard, QStringLiteral("田中 次郎") },
        { sample::spareCard1, {} }, { sample::spareCard2, {} }, { sample::spareCard3, {} }, { sample::spareCard4, {} },
        { sample::hotpCard, {} } };
    QCOMPARE(tokens.size(), held.size());
    for (const auto& [serial, holder] : held) {
        QVERIFY2(tokens.contains(serial), qPrintable(serial));
        QCOMPARE(tokens[serial].holder, holder);
        QCOMPARE(tokens[serial].params.kind, serial == sample::hotpCard ? OtpKind::Hotp : OtpKind::Totp);
    }
}

void TestScenario::bundledResourceMatchesTheSourceFile()
{
    QCOMPARE(fileBytes(QLatin1String(ScenarioLoader::DefaultScenario)),
        fileBytes(sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json"))));
}

void TestScenario::syntaxErrorNamesTheLine()
{
    const QByteArray json = "{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"title\": \"missing comma\"\n}\n";
    QString error;
    QVERIFY(!ScenarioLoader::parse(json, &error));
    QVERIFY2(error.contains(QStringLiteral("4 行")), qPrintable(error));
}

void TestScenario::contentErrorNamesTheField_data()
{
    QTest::addColumn<QString>("path"); // a JSON pointer-ish path into the default scenario
    QTest::addColumn<QString>("field"); // what the message must name
    QTest::addColumn<QByteArray>("replacement");
    QTest::newRow("serial with hyphens") << QStringLiteral("tokens/3/serial") << QStringLiteral("tokens[3].serial")
                                         << QByteArray("\"00-0000001-1\"");
    QTest::newRow("duplicate serial") << QStringLiteral("tokens/4/serial") << QStringLiteral("tokens[4].serial")
                                      << QByteArray("\"0000000011\"");
    QTest::newRow("unknown holder") << QStringLiteral("tokens/0/holder") << QStringLiteral("tokens[0].holder")
                                    << QByteArray("\"佐藤 三郎\"");
    QTest::newRow("bad kind") << QStringLiteral("tokens/1/kind") << QStringLiteral("tokens[1].kind")
                              << QByteArray("\"sms\"");
    QTest::newRow("bad period") << QStringLiteral("tokens/1/period") << QStringLiteral("tokens[1].period")
                                << QByteArray("45");
    QTest::newRow("short pin") << QStringLiteral("corporation/pin") << QStringLiteral("corporation.pin")
                               << QByteArray("\"ab\"");
    QTest::newRow("bad mode") << QStringLiteral("corporation/usageMode") << QStringLiteral("corporation.usageMode")
                              << QByteArray("\"groups\"");
    QTest::newRow("limit not a number") << QStringLiteral("settings/otpFailureLimit")
                                        << QStringLiteral("settings.otpFailureLimit") << QByteArray("\"five\"");
    QTest::newRow("user without name") << QStringLiteral("users/1/name") << QStringLiteral("users[1].name")
                                       << QByteArray("\"\"");
    QTest::newRow("newer format") << QStringLiteral("format") << QStringLiteral("format") << QByteArray("2");
    // Found by fuzz_scenario: a number beyond any integer type was cast before its range was checked.
    QTest::newRow("huge number") << QStringLiteral("format") << QStringLiteral("format")
                                 << QByteArray("888888888888888888888888888888888888888888888888888888888881");
    QTest::newRow("huge negative limit") << QStringLiteral("settings/otpFailureLimit")
                                         << QStringLiteral("settings.otpFailureLimit") << QByteArray("-1e300");
    // Tokens the screens could never register (they take 6 digits), refused with that reason.
    QTest::newRow("seven digits") << QStringLiteral("tokens/1/digits") << QStringLiteral("6 桁だけ") << QByteArray("7");
    QTest::newRow("eight digits") << QStringLiteral("tokens/2/digits") << QStringLiteral("tokens[2].digits")
                                  << QByteArray("8");
    // Wrong types are errors, not empty lists.
    QTest::newRow("users not a list") << QStringLiteral("users") << QStringLiteral("users") << QByteArray("{}");
    QTest::newRow("tokens a string") << QStringLiteral("tokens") << QStringLiteral("tokens") << QByteArray("\"x\"");
    QTest::newRow("staff a number") << QStringLiteral("staff") << QStringLiteral("staff") << QByteArray("3");
    QTest::newRow("settings a list") << QStringLiteral("settings") << QStringLiteral("settings") << QByteArray("[]");
    QTest::newRow("user not an object") << QStringLiteral("users/0") << QStringLiteral("users[0]") << QByteArray("7");
    QTest::newRow("control character") << QStringLiteral("users/2/name") << QStringLiteral("U+001B")
                                       << QByteArray("\"山田\\u001b[2J\"");
    QTest::newRow("line separator") << QStringLiteral("corporation/name") << QStringLiteral("U+2028")
                                    << QByteArray("\"株式会社\\u2028偽\"");
}

void TestScenario::contentErrorNamesTheField()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QByteArray, replacement);
    QJsonDocument doc
        = QJsonDocument::fromJson(fileBytes(sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json"))));
    // Walk the path and replace the leaf.
    const QStringList parts = path.split(QLatin1Char('/'));
    const QJsonValue value = QJsonDocument::fromJson("[" + replacement + "]").array().first();
    std::function<QJsonValue(QJsonValue, int)> set = [&](QJsonValue node, int i) -> QJsonValue {
        if (i == parts.size())
            return value;
        if (node.isArray()) {
            QJsonArray a = node.toArray();
            const int k = parts[i].toInt();
            a[k] = set(a[k], i + 1);
            return a;
        }
        QJsonObject o = node.toObject();
        o[parts[i]] = set(o[parts[i]], i + 1);
        return o;
    };
    const QByteArray json = QJsonDocument(set(doc.object(), 0).toObject()).toJson();
    QString error;
    QVERIFY(!ScenarioLoader::parse(json, &error));
    QVERIFY2(error.contains(field), qPrintable(error));
}

void TestScenario::malformedScenarioChangesNothing()
{
    Fixture f;
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    QString error;
    QVERIFY(!ScenarioLoader::load(sourcePath(QStringLiteral("tests/CMakeLists.txt")), &error));
    QVERIFY(error.contains(QStringLiteral("行")));
    QCOMPARE(f.serialOf(QStringLiteral("鈴木 花子")), sample::spareCard2);
}

void TestScenario::resetRestoresCountersSuspensionAndRegistrations()
{
    Fixture f;
    const qint64 suzuki = f.userId(QStringLiteral("鈴木 花子"));
    QVERIFY(f.service->enqueue(suzuki, sample::spareCard2, f.otpFor(sample::spareCard2)).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    for (int i = 0; i < 5; ++i)
        f.service->enqueue(suzuki, sample::spareCard3, f.wrongOtpFor(sample::spareCard3));
    QVERIFY(f.service->isSuspended());
    QString error;
    QVERIFY2(ScenarioLoader::apply(*f.store, f.scenario, f.scenarioSource, &error), qPrintable(error)); // the reset
    f.service->selectCorporation();
    const CorporationInfo c = f.service->corporation().value();
    QVERIFY(!c.suspended);
    QCOMPARE(c.otpFailures, 0);
    QCOMPARE(f.serialOf(QStringLiteral("鈴木 花子")), sample::suzukiCard);
    QVERIFY(f.store->auditLog().verify().ok);
}

void TestScenario::productionStoreRefusesScenarios()
{
    Fixture f;
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE meta SET value = 'production' WHERE key = 'store_kind'")));
    QString error;
    QVERIFY(!ScenarioLoader::apply(*f.store, manualScenario(), QStringLiteral("x"), &error));
    QVERIFY(error.contains(QStringLiteral("本番用")));
    QVERIFY(!ScenarioLoader::reset(*f.store, &error));
    QCOMPARE(f.service->users().value().size(), 3);
}

void TestScenario::everyBundledScenarioHasAnEnglishTitle()
{
    for (const QString& name : QDir(QStringLiteral(":/scenarios")).entryList({ QStringLiteral("*.json") })) {
        QString error;
        const auto s = ScenarioLoader::load(QStringLiteral(":/scenarios/") + name, &error);
        QVERIFY2(s, qPrintable(name + QLatin1Char(' ') + error));
        QVERIFY2(!s->titleIn(QStringLiteral("en")).isEmpty() && s->titleIn(QStringLiteral("en")) != s->title,
            qPrintable(name));
        QCOMPARE(s->titleIn(QStringLiteral("ja")), s->title);
    }
    // A title that is not a string is refused with its path.
    QString error;
    QVERIFY(!ScenarioLoader::parse(R"({"format": 1, "id": "x", "titles": {"en": 5}})", &error));
    QVERIFY2(error.contains(QStringLiteral("titles.en")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
