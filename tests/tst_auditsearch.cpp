// The audit viewer's filter and the auditor's CSV: filters by corporation, user, serial, action,
// staff and day; the CSV round-trips Japanese names through the RFC 4180 reader, keeps formulas
// as text, and is refused for a log that fails verification.
#include "TestSupport.h"

#include "core/Csv.h"
#include "core/Validation.h"
#include "desk/StaffDesk.h"
#include "store/AuditExport.h"
#include "store/UsageMode.h"
#include "tables/AuditLogModel.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
QStringList actions(const QList<AuditRow>& rows)
{
    QStringList out;
    for (const AuditRow& r : rows)
        out << r.entry.action;
    return out;
}

// The manual's scenario after a few desk acts and registrations, at the fixture's fixed clock.
void busyDay(Fixture& f)
{
    StaffDesk desk(*f.store);
    const StaffCredential staff { QStringLiteral("helpdesk"), sample::staffCredential };
    // A wrong PIN at the desk, then the help desk resets the counter (a reset of nothing is refused).
    QCOMPARE(f.service->changeUsageMode(UsageMode::Shared, QStringLiteral("wrong999")).error, ServiceError::WrongPin);
    QVERIFY(desk.resetCounters(f.service->corporationId(), staff, QStringLiteral("=HYPERLINK(\"x\")")).ok());
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
}
} // namespace

class TestAuditSearch final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filtersNarrowTheLog();
    void modelPassesTheTester();
    void csvRoundTripsAndKeepsFormulasAsText();
    void aTamperedLogIsNotExported();
};

void TestAuditSearch::filtersNarrowTheLog()
{
    Fixture f;
    busyDay(f);
    const AuditLog& log = f.store->auditLog();
    const int all = static_cast<int>(log.search({}).size());
    QCOMPARE(all, static_cast<int>(log.entries().size()));
    QVERIFY(all >= 3);
    AuditFilter byCorp;
    byCorp.corporationCode = f.service->corporation().value().code;
    QVERIFY(log.search(byCorp).size() >= 2);
    byCorp.corporationCode = QStringLiteral("9999999999");
    QCOMPARE(log.search(byCorp).size(), 0);
    AuditFilter bySerial;
    bySerial.serial = sample::spareCard2;
    const QList<AuditRow> serial = log.search(bySerial);
    QVERIFY(!serial.isEmpty());
    for (const AuditRow& r : serial)
        QVERIFY(r.entry.details.contains(QStringLiteral("serial=") + Validation::formatSerial(sample::spareCard2)));
    AuditFilter byUser;
    byUser.user = QStringLiteral("鈴木");
    QVERIFY(!log.search(byUser).isEmpty());
    AuditFilter byAction;
    byAction.action = QStringLiteral("corporation.counters_reset");
    QCOMPARE(actions(log.search(byAction)), QStringList { QStringLiteral("corporation.counters_reset") });
    byAction.action = QStringLiteral("corporation."); // a prefix
    QVERIFY(actions(log.search(byAction)).contains(QStringLiteral("corporation.counters_reset")));
    AuditFilter byStaff;
    byStaff.actor = QStringLiteral("helpdesk");
    QCOMPARE(actions(log.search(byStaff)), QStringList { QStringLiteral("corporation.counters_reset") });
    // Days: the fixture's clock is 2023-09-01 09:00 UTC.
    const QDate day = QDateTime::fromSecsSinceEpoch(kManualEpoch).toLocalTime().date();
    AuditFilter dated;
    dated.from = day;
    dated.to = day;
    QCOMPARE(log.search(dated).size(), all);
    dated.from = day.addDays(1);
    dated.to = QDate();
    QCOMPARE(log.search(dated).size(), 0);
    dated.from = QDate();
    dated.to = day.addDays(-1);
    QCOMPARE(log.search(dated).size(), 0);
    // Newest first.
    const QList<AuditRow> rows = log.search({});
    QVERIFY(rows.first().entry.id > rows.last().entry.id);
}

void TestAuditSearch::modelPassesTheTester()
{
    Fixture f;
    busyDay(f);
    AuditLogModel model(*f.store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QVERIFY(model.rowCount() >= 3);
    AuditFilter byStaff;
    byStaff.actor = QStringLiteral("helpdesk");
    model.setFilter(byStaff);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, AuditLogModel::ActorColumn)).toString(), QStringLiteral("staff:helpdesk"));
    QVERIFY(model.data(model.index(0, AuditLogModel::CorporationColumn))
                .toString()
                .contains(f.service->corporation().value().name));
}

void TestAuditSearch::csvRoundTripsAndKeepsFormulasAsText()
{
    Fixture f;
    busyDay(f);
    const QString path = f.dir.filePath(QStringLiteral("audit.csv"));
    const AuditExport::Result r = AuditExport::write(*f.store, {}, path, QStringLiteral("test"));
    QVERIFY2(r.ok, qPrintable(r.message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), r.sha256);
    QString used;
    QString error;
    const QString text = csv::decode(bytes, {}, &used, &error);
    QCOMPARE(used, QStringLiteral("UTF-8 (BOM)"));
    const QList<csv::Record> records = csv::records(text, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(records.size(), r.rows + 1);
    QCOMPARE(records.first().fields.value(4), QStringLiteral("契約法人コード"));
    // Oldest first; every entry of the log, with its corporation's Japanese name intact.
    QList<AuditEntry> entries = f.store->auditLog().entries();
    QCOMPARE(entries.takeLast().action, QStringLiteral("audit.exported")); // written after the file
    QCOMPARE(records.size() - 1, entries.size());
    for (qsizetype i = 1; i < records.size(); ++i) {
        const AuditEntry& e = entries[i - 1];
        const QStringList& fields = records[i].fields;
        QCOMPARE(fields.value(0), QString::number(e.id));
        QCOMPARE(fields.value(3), e.action);
        if (e.corporationId)
            QCOMPARE(fields.value(5), f.service->corporation().value().name);
        const QString details = fields.value(6);
        QCOMPARE(details.startsWith(QLatin1Char('\'')) ? details.mid(1) : details, e.details);
    }
    // A reason that a spreadsheet would run is kept as text.
    QVERIFY(text.contains(QStringLiteral("reason==HYPERLINK"))); // inside the details, after "reason="
    QVERIFY(!text.contains(QStringLiteral(",=")));
    // A field that starts like a formula (a corporation named so by the bank's roster) stays text.
    const AuditRow hostile { { 1, QStringLiteral("2023-09-01T09:00:00.000Z"), QStringLiteral("@cli"),
                                 QStringLiteral("-x"), 1, QStringLiteral("+1") },
        QStringLiteral("1000000002"), QStringLiteral("=ミドリ商事") };
    const QString line = QString::fromUtf8(AuditExport::csv({ hostile })).section(QStringLiteral("\r\n"), 1, 1);
    QCOMPARE(line, QStringLiteral("1,2023-09-01T09:00:00.000Z,\"'@cli\",\"'-x\",1000000002,\"'=ミドリ商事\",\"'+1\""));
    // The export itself is audited with the file's hash.
    QVERIFY(f.store->auditLog().entries().last().details.contains(QStringLiteral("sha256=") + r.sha256));
}

void TestAuditSearch::aTamperedLogIsNotExported()
{
    Fixture f;
    busyDay(f);
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE audit_log SET details = 'nothing happened' WHERE id = 2")));
    const QString path = f.dir.filePath(QStringLiteral("audit.csv"));
    const AuditExport::Result r = AuditExport::write(*f.store, {}, path, QStringLiteral("test"));
    QVERIFY(!r.ok);
    QVERIFY(r.message.contains(QStringLiteral("改ざん")));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestAuditSearch)
#include "tst_auditsearch.moc"
