#include "TestSupport.h"
#include "tables/UserSelectionModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

using namespace hardtoken;
using namespace hardtoken::test;

class TestUserSelectionModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheManualsTable();
    void radioChoiceIsExclusive();
    void newSerialFollowsTheQueue();
    void reloadsAfterCommitAndModeChange();
    void sortAndFilterThroughAProxy();
    void filtersAndSortsByItself();
};

void TestUserSelectionModel::showsTheManualsTable()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("選択"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("利用者名"));
    QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("現在利用登録している")));
    QVERIFY(model.headerData(3, Qt::Horizontal).toString().contains(QStringLiteral("新たに利用登録する")));
    QCOMPARE(model.index(0, UserSelectionModel::NameColumn).data().toString(), QStringLiteral("鈴木 花子"));
    QCOMPARE(model.index(0, UserSelectionModel::CurrentSerialColumn).data().toString(), QStringLiteral("00-0000000-2"));
    QCOMPARE(model.index(0, UserSelectionModel::NewSerialColumn).data().toString(), QStringLiteral("-"));
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!model.flags(model.index(0, 1)).testFlag(Qt::ItemIsUserCheckable));
}

void TestUserSelectionModel::radioChoiceIsExclusive()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy chosen(&model, &UserSelectionModel::selectedUserChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.selectedUserId(), f.userId(QStringLiteral("鈴木 花子")));
    QVERIFY(model.setData(model.index(2, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(model.index(2, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(changed.count(), 3); // row 0 on, row 0 off + row 2 on
    QCOMPARE(changed.last().at(2).value<QList<int>>(), QList<int> { Qt::CheckStateRole });
    // Unchecking a radio does nothing; other columns are not editable.
    QVERIFY(!model.setData(model.index(2, 0), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(1, 1), QStringLiteral("x"), Qt::EditRole));
    QCOMPARE(model.selectedUserId(), f.userId(QStringLiteral("山田 太郎")));
}

void TestUserSelectionModel::newSerialFollowsTheQueue()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.enqueue(QStringLiteral("山田 太郎"), sample::spareCard1).ok());
    // The manual's step-3 picture: 鈴木 00-0000001-2, 田中 -, 山田 00-0000001-1.
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("00-0000001-2"));
    QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("-"));
    QCOMPARE(model.index(2, 3).data().toString(), QStringLiteral("00-0000001-1"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 3));
    f.service->removeFromQueue({ f.userId(QStringLiteral("鈴木 花子")) });
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("-"));
    f.service->discardPending();
    QCOMPARE(model.index(2, 3).data().toString(), QStringLiteral("-"));
}

void TestUserSelectionModel::reloadsAfterCommitAndModeChange()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.selectUser(f.userId(QStringLiteral("田中 次郎")));
    QVERIFY(f.enqueue(QStringLiteral("田中 次郎"), sample::spareCard3).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("00-0000001-3"));
    QCOMPARE(model.index(1, 3).data().toString(), QStringLiteral("-"));
    QCOMPARE(model.selectedUserId(), f.userId(QStringLiteral("田中 次郎")));
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model.index(row, 2).data().toString(), QStringLiteral("-"));
}

void TestUserSelectionModel::sortAndFilterThroughAProxy()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterKeyColumn(UserSelectionModel::NameColumn);
    proxy.setFilterFixedString(QStringLiteral("田"));
    QCOMPARE(proxy.rowCount(), 2); // 田中, 山田
    proxy.setFilterFixedString(QString());
    proxy.sort(UserSelectionModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.rowCount(), 3);
    QVERIFY(f.enqueue(QStringLiteral("田中 次郎"), sample::spareCard3).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    QCOMPARE(proxy.rowCount(), 3);
}

// The model's own filter and sort (what the input screen uses at 50,000 users): the same rows a
// proxy would give, persistent indexes (the view's selection) follow a sort, the choice survives
// a filter that hides the chosen user.
void TestUserSelectionModel::filtersAndSortsByItself()
{
    Fixture f;
    UserSelectionModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto names = [&] {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, UserSelectionModel::NameColumn).data().toString();
        return out;
    };
    const QStringList manualOrder { QStringLiteral("鈴木 花子"), QStringLiteral("田中 次郎"),
        QStringLiteral("山田 太郎") };
    QCOMPARE(names(), manualOrder);
    model.setFilterText(QStringLiteral("田"));
    QCOMPARE(names(), (QStringList { QStringLiteral("田中 次郎"), QStringLiteral("山田 太郎") }));
    QCOMPARE(model.rowOfUser(model.index(1, 0).data(UserSelectionModel::UserIdRole).toLongLong()), 1);
    model.setFilterText(QStringLiteral("no one"));
    QCOMPARE(model.rowCount(), 0);
    model.setFilterText(QString());
    QCOMPARE(names(), manualOrder);

    // Sorting by the current serial: 00-0000000-1 (山田), -2 (鈴木), -3 (田中); a persistent index
    // on 田中 follows him.
    QPersistentModelIndex tanaka = model.index(1, UserSelectionModel::NameColumn);
    model.sort(UserSelectionModel::CurrentSerialColumn, Qt::AscendingOrder);
    QCOMPARE(names(),
        (QStringList { QStringLiteral("山田 太郎"), QStringLiteral("鈴木 花子"), QStringLiteral("田中 次郎") }));
    QCOMPARE(tanaka.row(), 2);
    QCOMPARE(tanaka.data().toString(), QStringLiteral("田中 次郎"));
    model.sort(UserSelectionModel::CurrentSerialColumn, Qt::DescendingOrder);
    QCOMPARE(names(),
        (QStringList { QStringLiteral("田中 次郎"), QStringLiteral("鈴木 花子"), QStringLiteral("山田 太郎") }));
    QCOMPARE(tanaka.row(), 0);

    // The chosen user sorts first by 選択; hidden by a filter, still chosen; back when cleared.
    const qint64 suzuki = model.index(1, 0).data(UserSelectionModel::UserIdRole).toLongLong();
    model.selectUser(suzuki);
    model.sort(UserSelectionModel::SelectColumn, Qt::AscendingOrder);
    QCOMPARE(names().constFirst(), QStringLiteral("鈴木 花子"));
    model.setFilterText(QStringLiteral("田"));
    QCOMPARE(model.rowOfUser(suzuki), -1);
    QCOMPARE(model.selectedUserId(), suzuki);
    model.setFilterText(QString());
    QCOMPARE(model.rowOfUser(suzuki), 0);
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    // The queued serial column sorts with the queue; -1 is the manual's order again.
    QVERIFY(f.enqueue(QStringLiteral("山田 太郎"), sample::spareCard1).ok());
    model.sort(UserSelectionModel::NewSerialColumn, Qt::AscendingOrder);
    QCOMPARE(names().constFirst(), QStringLiteral("山田 太郎"));
    model.sort(-1);
    QCOMPARE(names(), manualOrder);
}

QTEST_GUILESS_MAIN(TestUserSelectionModel)
#include "tst_userselectionmodel.moc"
