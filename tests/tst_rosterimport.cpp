// The bank's roster (corporations and users, CSV) into a store: encodings, re-import, prune, and
// "all or nothing".
#include "TestSupport.h"

#include "inventory/RosterImport.h"

#include <QStringEncoder>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QString kRoster = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                       "1000000001,株式会社あおば,U001,青葉 一郎,1\n"
                                       "1000000001,株式会社あおば,U002,\"青葉, 花子\",2\n"
                                       "1000000002,\"ミドリ \"\"商事\"\"\",M01,緑 三郎,1\r\n");

QByteArray cp932(const QString& text)
{
    QStringEncoder encoder("windows-31j");
    return encoder.encode(text);
}

struct RosterStore : EmptyStore {
    RosterReport import(const QByteArray& bytes, bool prune = false, bool check = false, bool* ok = nullptr)
    {
        RosterReport report;
        const QList<RosterLine> lines = RosterImport::parse(bytes, {}, &report);
        const bool done = RosterImport::apply(store, lines, prune, check, QStringLiteral("test"), &report);
        if (ok)
            *ok = done;
        return report;
    }
    QStringList users(const QString& code)
    {
        RegistrationService service(store);
        service.selectCorporation(code);
        QStringList out;
        for (const UserInfo& u : service.users().value_or(QList<UserInfo> {}))
            out << u.name;
        return out;
    }
};

} // namespace

class TestRosterImport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryEncodingTheBankWrites_data();
    void readsEveryEncodingTheBankWrites();
    void reimportUpdatesAddsAndReportsMissing();
    void pruneRemovesUsersAndReleasesTheirTokens();
    void aRefusedLineWritesNothing();
    void checkWritesNothing();
    void hostileFilesAreRefused_data();
    void hostileFilesAreRefused();
    void anImportedCorporationHasNoPinYet();
};

void TestRosterImport::readsEveryEncodingTheBankWrites_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8") << kRoster.toUtf8() << QStringLiteral("UTF-8");
    QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + kRoster.toUtf8() << QStringLiteral("UTF-8 (BOM)");
    QTest::newRow("Shift_JIS (CP932, as Excel writes it)") << cp932(kRoster) << QStringLiteral("Shift_JIS (CP932)");
}

void TestRosterImport::readsEveryEncodingTheBankWrites()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    RosterStore s;
    bool ok = false;
    const RosterReport r = s.import(bytes, false, false, &ok);
    QVERIFY2(ok, qPrintable(r.refused.join(QLatin1Char('\n'))));
    QCOMPARE(r.encoding, encoding);
    QCOMPARE(r.corporationsAdded, 2);
    QCOMPARE(r.usersAdded, 3);
    QVERIFY(r.written);
    QCOMPARE(s.users(QStringLiteral("1000000001")),
        (QStringList { QStringLiteral("青葉 一郎"), QStringLiteral("青葉, 花子") }));
    RegistrationService service(s.store);
    QVERIFY(service.selectCorporation(QStringLiteral("1000000002")));
    QCOMPARE(service.corporation().value().name, QStringLiteral("ミドリ \"商事\""));
    QVERIFY(s.store.auditLog().verify().ok);
}

void TestRosterImport::reimportUpdatesAddsAndReportsMissing()
{
    RosterStore s;
    s.import(kRoster.toUtf8());
    const QString next = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                        "1000000001,株式会社あおば,U001,青葉 一郎,3\n"
                                        "1000000001,株式会社あおば,U003,青葉 次郎,1\n"
                                        "1000000002,株式会社ミドリ,M01,緑 三郎,1\n");
    bool ok = false;
    const RosterReport r = s.import(next.toUtf8(), false, false, &ok);
    QVERIFY(ok);
    QCOMPARE(r.corporationsUpdated, 1); // renamed
    QCOMPARE(r.usersAdded, 1);
    QCOMPARE(r.usersUpdated, 1); // order
    QCOMPARE(r.unchanged, 1);
    QCOMPARE(r.missing, QStringList { QStringLiteral("1000000001 / U002 青葉, 花子") });
    QCOMPARE(r.removed, 0);
    // Still there (only --prune removes), and the order follows 表示順.
    QCOMPARE(s.users(QStringLiteral("1000000001")),
        (QStringList { QStringLiteral("青葉 次郎"), QStringLiteral("青葉, 花子"), QStringLiteral("青葉 一郎") }));
}

void TestRosterImport::pruneRemovesUsersAndReleasesTheirTokens()
{
    // The manual's training corporation: its three users hold tokens and have no 利用者ID.
    Fixture f;
    const QString roster = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                          "0000012345,株式会社サンプル商事,S01,佐藤 四郎,1\n");
    RosterReport report;
    const QList<RosterLine> lines = RosterImport::parse(roster.toUtf8(), {}, &report);
    QVERIFY(RosterImport::apply(*f.store, lines, false, false, QStringLiteral("test"), &report));
    QCOMPARE(report.missing.size(), 3);
    QCOMPARE(f.service->users().value().size(), 4); // reported, kept
    RosterReport pruned;
    QVERIFY(RosterImport::apply(*f.store, lines, true, false, QStringLiteral("test"), &pruned));
    QCOMPARE(pruned.removed, 3);
    const QList<UserInfo> users = f.service->users().value();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().name, QStringLiteral("佐藤 四郎"));
    QCOMPARE(f.service->corporation().value().registeredTokens, 0);
    const auto raw = f.raw();
    QCOMPARE(raw->scalar(QStringLiteral("SELECT COUNT(*) FROM tokens WHERE serial IN ('0000000001', '0000000002',"
                                        " '0000000003') AND status = 'available'"))
                 .toInt(),
        3);
    int removedAudits = 0;
    for (const AuditEntry& e : f.store->auditLog().entries())
        removedAudits
            += e.action == QLatin1String("user.removed") && e.details.contains(QStringLiteral("serial=0000000"));
    QCOMPARE(removedAudits, 3); // each removal audited with the token it released
}

void TestRosterImport::aRefusedLineWritesNothing()
{
    RosterStore s;
    const QString roster = QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n"
                                          "1000000001,株式会社あおば,U001,青葉 一郎,1\n"
                                          "1000000001,株式会社あおば,U002,,2\n"
                                          "1000000001,株式会社あおば,U001,重複,3\n"
                                          "1000000003,株式会社きいろ,K01,黄 五郎,x\n");
    bool ok = true;
    const RosterReport r = s.import(roster.toUtf8(), false, false, &ok);
    QVERIFY(!ok);
    QVERIFY(!r.written);
    QCOMPARE(r.refused.size(), 3);
    QVERIFY2(r.refused[0].startsWith(QStringLiteral("3 行目")), qPrintable(r.refused[0]));
    QVERIFY(r.refused[0].contains(QStringLiteral("利用者名")));
    QVERIFY(r.refused[1].contains(QStringLiteral("重複")));
    QVERIFY(r.refused[2].contains(QStringLiteral("表示順")));
    RegistrationService service(s.store);
    QVERIFY(!service.selectCorporation()); // nothing at all was written
}

void TestRosterImport::checkWritesNothing()
{
    RosterStore s;
    bool ok = false;
    const RosterReport r = s.import(kRoster.toUtf8(), false, true, &ok);
    QVERIFY(ok);
    QVERIFY(!r.written);
    QCOMPARE(r.usersAdded, 3); // what would be done
    RegistrationService service(s.store);
    QVERIFY(!service.selectCorporation());
}

void TestRosterImport::hostileFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("空");
    QTest::newRow("no 利用者ID column")
        << QStringLiteral("契約法人コード,契約法人名,利用者名,表示順\n1,a,b,1\n").toUtf8()
        << QStringLiteral("利用者ID");
    QTest::newRow("unterminated quote")
        << QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n1,\"a,U1,b,1\n").toUtf8()
        << QStringLiteral("閉じられていません");
    QTest::newRow("neither UTF-8 nor CP932") << QByteArray("\x81\x7f\xff\xfe\x80", 5) << QStringLiteral("文字コード");
    QTest::newRow("control character")
        << QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n1,a,U1,b\u001b[2J,1\n").toUtf8()
        << QStringLiteral("制御文字");
    QTest::newRow("too many columns")
        << QStringLiteral("契約法人コード,契約法人名,利用者ID,利用者名,表示順\n1,a,U1,b,1,extra\n").toUtf8()
        << QStringLiteral("列の数");
}

void TestRosterImport::hostileFilesAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    RosterStore s;
    bool ok = true;
    const RosterReport r = s.import(bytes, false, false, &ok);
    QVERIFY(!ok);
    QVERIFY2(r.refused.join(QLatin1Char('\n')).contains(reason), qPrintable(r.refused.join(QLatin1Char('\n'))));
    RegistrationService service(s.store);
    QVERIFY(!service.selectCorporation());
}

void TestRosterImport::anImportedCorporationHasNoPinYet()
{
    RosterStore s;
    s.import(kRoster.toUtf8());
    RegistrationService service(s.store);
    QVERIFY(service.selectCorporation(QStringLiteral("1000000001")));
    QCOMPARE(service.corporation().value().mode, UsageMode::Unset);
    // No PIN to compare with: said so, and not counted as a wrong entry.
    const Outcome o = service.changeUsageMode(UsageMode::Individual, QStringLiteral("abcd1234"));
    QCOMPARE(o.error, ServiceError::PinNotSet);
    QVERIFY(o.message.contains(QStringLiteral("設定されていません")));
    QCOMPARE(service.corporation().value().pinFailures, 0);
}

QTEST_GUILESS_MAIN(TestRosterImport)
#include "tst_rosterimport.moc"
