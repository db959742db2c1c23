#include "TestSupport.h"
#include "tables/RegistrationListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace hardtoken;
using namespace hardtoken::test;

class TestRegistrationListModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheQueueRowByRow();
    void checkAndRemove();
    void replaceKeepsTheRow();
    void commitAndCancelEmptyTheList();
    void aHiddenListPublishesNoRowsAndKeepsItsChecks();
};

namespace {
void enqueueManualExample(Fixture& f)
{
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.enqueue(QStringLiteral("山田 太郎"), sample::spareCard1).ok());
    QVERIFY(f.enqueue(QStringLiteral("田中 次郎"), sample::spareCard3).ok());
}
} // namespace

void TestRegistrationListModel::followsTheQueueRowByRow()
{
    Fixture f;
    RegistrationListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.rowCount(), 0);
    enqueueManualExample(f);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.rowCount(), 3);
    // The manual's step-4 list.
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("鈴木 花子"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("00-0000001-2"));
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("田中 次郎"));
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("00-0000001-3"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("山田 太郎"));
    QCOMPARE(model.index(2, 2).data().toString(), QStringLiteral("00-0000001-1"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("選択"));
    QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("シリアル番号")));
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestRegistrationListModel::checkAndRemove()
{
    Fixture f;
    RegistrationListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    enqueueManualExample(f);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.flags(model.index(1, 0)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(2, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(2, 0), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(2, 1), QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int> { Qt::CheckStateRole });
    QCOMPARE(model.checkedUserIds(), QList<qint64> { f.userId(QStringLiteral("田中 次郎")) });
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QCOMPARE(model.removeChecked(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("山田 太郎"));
    QVERIFY(model.checkedUserIds().isEmpty());
    QCOMPARE(model.removeChecked(), 0);
    // Re-adding 田中 puts the row back in its place, unchecked.
    f.clock.advanceSecs(30);
    QVERIFY(f.enqueue(QStringLiteral("田中 次郎"), sample::spareCard3).ok());
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("田中 次郎"));
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestRegistrationListModel::replaceKeepsTheRow()
{
    Fixture f;
    RegistrationListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    enqueueManualExample(f);
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    f.clock.advanceSecs(30);
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard4).ok());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("00-0000002-1"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestRegistrationListModel::commitAndCancelEmptyTheList()
{
    Fixture f;
    RegistrationListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    enqueueManualExample(f);
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.checkedUserIds().isEmpty());
    f.clock.advanceSecs(30);
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard4).ok());
    QCOMPARE(model.rowCount(), 1);
    f.service->discardPending();
    QCOMPARE(model.rowCount(), 0);
}

// The screen is hidden (追加 back to the input screen): no rows for a screen reader; the queue
// goes on changing underneath, and shown again the list is the queue, with its check marks.
void TestRegistrationListModel::aHiddenListPublishesNoRowsAndKeepsItsChecks()
{
    Fixture f;
    RegistrationListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setShown(false);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(f.enqueue(QStringLiteral("山田 太郎"), sample::spareCard1).ok());
    QCOMPARE(inserted.count(), 0); // nothing published while hidden
    QCOMPARE(model.rowCount(), 0);
    model.setShown(true);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("山田 太郎"));
    QCOMPARE(model.checkedUserIds(), QList<qint64> { f.userId(QStringLiteral("鈴木 花子")) });
    model.setShown(true); // no change, no reset
    QCOMPARE(reset.count(), 2);
}

QTEST_GUILESS_MAIN(TestRegistrationListModel)
#include "tst_registrationlistmodel.moc"
