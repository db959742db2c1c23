// The audit-action catalogue: one key per action, well formed, and the README's table the same list.
#include "store/AuditAction.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace hardtoken;

class TestAuditActions final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysAreUniqueAndWellFormed();
    void everyActionHasItsKey();
    void readmeTableIsTheCatalogue();
};

void TestAuditActions::keysAreUniqueAndWellFormed()
{
    const QRegularExpression shape(QStringLiteral("^[a-z_]+(\\.[a-z_]+)+$"));
    QSet<QString> seen;
    for (const AuditCatalogueEntry& e : auditCatalogue()) {
        QVERIFY2(shape.match(e.key).hasMatch(), qPrintable(e.key));
        QVERIFY2(!seen.contains(e.key), qPrintable(e.key));
        QVERIFY2(!e.meaning.isEmpty(), qPrintable(e.key));
        seen.insert(e.key);
    }
    QVERIFY(seen.size() >= 40);
}

void TestAuditActions::everyActionHasItsKey()
{
    // Every enumerator from the first to the last has a row (auditKey() would not return otherwise).
    QSet<QString> keys;
    for (int a = int(AuditAction::UsageModeChanged); a <= int(AuditAction::TrainingResult); ++a)
        keys.insert(auditKey(AuditAction(a)));
    for (int p = int(StaffPurpose::Unlock); p <= int(StaffPurpose::DeskSignIn); ++p)
        keys.insert(deniedKey(StaffPurpose(p)));
    QCOMPARE(keys.size(), auditCatalogue().size());
    QCOMPARE(auditKey(AuditAction::CorporationUnlocked), QStringLiteral("corporation.unlocked"));
    QCOMPARE(deniedKey(StaffPurpose::CountersReset), QStringLiteral("counters.reset.denied"));
}

void TestAuditActions::readmeTableIsTheCatalogue()
{
    QFile readme(QStringLiteral(HARDTOKEN_README));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("### Audit actions"));
    QVERIFY(start >= 0);
    const QString section = text.mid(start, text.indexOf(QStringLiteral("\n### "), start + 1) - start);
    QHash<QString, QString> table;
    const QRegularExpression row(QStringLiteral("^\\| `([^`]+)` \\| (.+) \\|$"), QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(section); it.hasNext();) {
        const auto m = it.next();
        table.insert(m.captured(1), m.captured(2));
    }
    const QList<AuditCatalogueEntry> catalogue = auditCatalogue();
    QCOMPARE(table.size(), catalogue.size());
    for (const AuditCatalogueEntry& e : catalogue)
        QCOMPARE(table.value(e.key), e.meaning);
}

QTEST_GUILESS_MAIN(TestAuditActions)
#include "tst_auditactions.moc"
