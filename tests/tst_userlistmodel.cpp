// 利用者一覧 (利用者情報選択): the users and the token each holds, in the manual's order, filtered by
// name and sorted by a header, in both modes, under QAbstractItemModelTester.
#include "TestSupport.h"
#include "tables/UserListModel.h"

#include <QAbstractItemModelTester>

using namespace hardtoken;
using namespace hardtoken::test;

class TestUserListModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsEachUsersToken();
    void filtersAndSorts();
    void sharedModeShowsTheOneToken();
};

namespace {
QStringList column(const UserListModel& model, int c)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, c).data().toString();
    return out;
}
} // namespace

void TestUserListModel::showsEachUsersToken()
{
    Fixture f;
    UserListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("利用者名"));
    QCOMPARE(column(model, UserListModel::NameColumn),
        (QStringList { QStringLiteral("鈴木 花子"), QStringLiteral("田中 次郎"), QStringLiteral("山田 太郎") }));
    QCOMPARE(column(model, UserListModel::SerialColumn),
        (QStringList {
            QStringLiteral("00-0000000-2"), QStringLiteral("00-0000000-3"), QStringLiteral("00-0000000-1") }));
    QCOMPARE(model.userCount(), 3);
    QCOMPARE(model.registeredCount(), 3);
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
}

void TestUserListModel::filtersAndSorts()
{
    Fixture f;
    UserListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilterText(QStringLiteral("田"));
    QCOMPARE(column(model, 0), (QStringList { QStringLiteral("田中 次郎"), QStringLiteral("山田 太郎") }));
    model.sort(UserListModel::SerialColumn, Qt::AscendingOrder);
    QCOMPARE(column(model, 0), (QStringList { QStringLiteral("山田 太郎"), QStringLiteral("田中 次郎") }));
    model.setFilterText(QString());
    QCOMPARE(column(model, 1),
        (QStringList {
            QStringLiteral("00-0000000-1"), QStringLiteral("00-0000000-2"), QStringLiteral("00-0000000-3") }));
    QPersistentModelIndex first = model.index(0, 0);
    model.sort(UserListModel::SerialColumn, Qt::DescendingOrder);
    QCOMPARE(first.row(), 2); // persistent indexes (the view's selection) follow the rows
    // After a commit the tokens change: the list follows on reload, still sorted.
    QVERIFY(f.enqueue(QStringLiteral("山田 太郎"), sample::spareCard1).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    model.reload();
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("山田 太郎"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("00-0000001-1"));
    model.sort(-1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("鈴木 花子"));
}

void TestUserListModel::sharedModeShowsTheOneToken()
{
    Fixture f;
    QVERIFY(f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    UserListModel model(*f.service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(column(model, 1), (QStringList { QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-") }));
    QVERIFY(f.service->checkSharedToken(sample::spareCard4, f.otpFor(sample::spareCard4)).ok());
    QVERIFY(f.service->commitShared(sample::pin).ok());
    model.reload();
    QCOMPARE(column(model, 1),
        (QStringList {
            QStringLiteral("00-0000002-1"), QStringLiteral("00-0000002-1"), QStringLiteral("00-0000002-1") }));
}

QTEST_GUILESS_MAIN(TestUserListModel)
#include "tst_userlistmodel.moc"
