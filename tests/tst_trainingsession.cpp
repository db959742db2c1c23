// The guided training's bookkeeping over the real flow and store (no widgets): which step a
// trainee is on, wrong turns told apart (a mistyped serial, an expired code, キャンセル), the time
// of each step by a fake clock, results saved per trainee, the CSV report and the class view.
#include "TestSupport.h"

#include "core/Csv.h"
#include "desk/RegistrationFlow.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "tables/TrainingResultsModel.h"
#include "training/Exercise.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"
#include "training/TrainingSession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace hardtoken;
using namespace hardtoken::test;
using Screen = RegistrationFlow::Screen;
using Kind = TrainingWrongTurn::Kind;

namespace {

// A flow over a fixture loaded with the exercise's scenario, started on its first screen.
struct Run {
    Exercise exercise;
    Fixture f;
    RegistrationFlow flow;
    TrainingSession session;

    explicit Run(const QString& id, const QString& trainee = QStringLiteral("佐藤 研修"))
        : exercise(bundledExercise(id))
        , f(scenarioOf(exercise), exercise.scenario)
        , flow(*f.service)
        , session(exercise, flow, f.clock, trainee)
    {
        flow.start();
        if (!QTest::qWaitFor([this] { return flow.isRunning() && flow.screen() == Screen::CorporateStatus; }))
            qFatal("the flow did not start on 契約法人ステータス");
        session.start();
    }

    static Scenario scenarioOf(const Exercise& e)
    {
        QString error;
        const auto s = ScenarioLoader::load(e.scenario, &error);
        if (!s)
            qFatal("%s", qPrintable(error));
        return *s;
    }

    bool at(Screen screen)
    {
        return QTest::qWaitFor([&] { return flow.screen() == screen; }, 2000);
    }
    // Steps 1 and 2 as the manual says (利用者情報登録/変更, 利用登録): on to the input screen.
    bool toInput(Screen input)
    {
        flow.openUserRegistration();
        return at(Screen::UserInfoSelection) && flow.startRegistration().ok() && at(input);
    }
    qint64 userId(const QString& name) const
    {
        for (const UserInfo& u : f.service->users().value_or(QList<UserInfo> {})) {
            if (u.name == name)
                return u.id;
        }
        return 0;
    }
};

} // namespace

class TestTrainingSession final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threeUsersWithWrongTurnsAndTimes();
    void expiredCodeIsToldFromATypo();
    void cancelGoesBackAStep();
    void prematureOkIsNotTheGoal();
    void modeExerciseNeedsTheAskedMode();
    void suspensionAndUnlock();
    void resultsAreSavedPerTraineeAndSurviveAReset();
    void csvReport();
    void classViewModel();
    void explanationsQuoteTheManual();
};

void TestTrainingSession::threeUsersWithWrongTurnsAndTimes()
{
    Run r(QStringLiteral("register-three-users"));
    QSignalSpy steps(&r.session, &TrainingSession::stepChanged);
    QSignalSpy finished(&r.session, &TrainingSession::finished);
    QCOMPARE(r.session.current(), 0);
    QCOMPARE(r.session.highlights(), QStringList { QStringLiteral("menuLink") });

    r.f.clock.advanceSecs(5);
    r.flow.openUserRegistration();
    QVERIFY(r.at(Screen::UserInfoSelection));
    QCOMPARE(r.session.current(), 1);
    QCOMPARE(r.session.highlights(), QStringList { QStringLiteral("registerButton") });
    // A hint on step 2 says what comes next (step 3's sentence) and is counted there.
    QVERIFY(r.session.takeHint().contains(QStringLiteral("シリアル番号およびワンタイムパスワードを入力")));

    r.f.clock.advanceSecs(7);
    QVERIFY(r.flow.startRegistration().ok());
    QVERIFY(r.at(Screen::IndividualRegistrationInput));
    QCOMPARE(r.session.current(), 2);

    // A serial no card has: a wrong turn, told as a typo, with the serial typed.
    r.f.clock.advanceSecs(20);
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    QVERIFY(!r.flow.next(r.userId(QStringLiteral("鈴木 花子")), QStringLiteral("0000000019"), QStringLiteral("123456"))
                 .ok());
    QCOMPARE(turns.size(), 1);
    auto turn = turns.at(0).at(0).value<TrainingWrongTurn>();
    QCOMPARE(turn.kind, Kind::SerialTypo);
    QCOMPARE(turn.detail, QStringLiteral("0000000019"));
    QCOMPARE(turn.stepId, QStringLiteral("9.2.2-3"));
    QCOMPARE(turn.remainingAttempts, 4);
    QCOMPARE(r.session.current(), 2);

    r.f.clock.advanceSecs(10);
    QVERIFY(
        r.flow.next(r.userId(QStringLiteral("鈴木 花子")), sample::spareCard1, r.f.otpFor(sample::spareCard1)).ok());
    QVERIFY(r.at(Screen::IndividualRegistrationConfirm));
    QCOMPARE(r.session.current(), 3);
    // Before the next user: 追加 is what the coach frames.
    QCOMPARE(r.session.highlights(), QStringList { QStringLiteral("addButton") });

    for (const auto& [name, serial] : { std::pair { QStringLiteral("田中 次郎"), sample::spareCard2 },
             std::pair { QStringLiteral("山田 太郎"), sample::spareCard3 } }) {
        r.f.clock.advanceSecs(3);
        r.flow.add();
        QVERIFY(r.at(Screen::IndividualRegistrationInput));
        r.f.clock.advanceSecs(30); // a new code on the cards
        QVERIFY(r.flow.next(r.userId(name), serial, r.f.otpFor(serial)).ok());
        QVERIFY(r.at(Screen::IndividualRegistrationConfirm));
    }
    QCOMPARE(r.session.current(), 7);
    QCOMPARE(r.session.highlights(), (QStringList { QStringLiteral("pinEdit"), QStringLiteral("okButton") }));
    r.f.clock.advanceSecs(11);
    QVERIFY(r.flow.confirmRegistration(sample::pin).ok());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(r.session.isFinished());

    const TrainingResult result = r.session.result();
    QVERIFY(result.completed);
    QCOMPARE(result.totalMSecs, (5 + 7 + 20 + 10 + 3 + 30 + 3 + 30 + 11) * 1000);
    const QList<qint64> expected { 5000, 7000, 30000, 3000, 30000, 3000, 30000, 11000 };
    QCOMPARE(result.steps.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.steps[i].msecs, expected[i]);
        QVERIFY(result.steps[i].done);
    }
    QCOMPARE(result.steps[1].hints, 1);
    QCOMPARE(result.hints(), 1);
    QCOMPARE(result.wrongTurns.size(), 1);
    QCOMPARE(result.wrongTurns[0].atMSecs, 32000);
    QCOMPARE(result.otpFailuresReached, 1);
    QVERIFY(!result.suspended);
    QCOMPARE(r.f.service->users().value().size(), 3);
    for (const UserInfo& u : r.f.service->users().value_or(QList<UserInfo> {}))
        QVERIFY2(u.currentSerial.startsWith(QLatin1String("000000001")), qPrintable(u.name));
}

void TestTrainingSession::expiredCodeIsToldFromATypo()
{
    Run r(QStringLiteral("register-shared"));
    QVERIFY(r.toInput(Screen::SharedRegistrationInput));
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    // The code the card showed two minutes ago: expired, not mistyped.
    const QString old = r.f.otpFor(sample::spareCard1, r.f.clock.nowSecs() - 120);
    QVERIFY(!r.flow.next(0, sample::spareCard1, old).ok());
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns.at(0).at(0).value<TrainingWrongTurn>().kind, Kind::ExpiredCode);
    QVERIFY(r.session.explain(turns.at(0).at(0).value<TrainingWrongTurn>())
                .contains(QStringLiteral("「ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。")));
    // A code the card never showed.
    const QString now = r.f.otpFor(sample::spareCard1);
    QString wrong = now;
    wrong[0] = QChar(u'0' + (now[0].digitValue() + 1) % 10);
    QVERIFY(!r.flow.next(0, sample::spareCard1, wrong).ok());
    QCOMPARE(turns.size(), 2);
    QCOMPARE(turns.at(1).at(0).value<TrainingWrongTurn>().kind, Kind::WrongCode);
    // The right one finishes the step; OK with the PIN finishes the exercise (its serial is the goal's).
    QVERIFY(r.flow.next(0, sample::spareCard1, now).ok());
    QVERIFY(r.at(Screen::SharedRegistrationConfirm));
    QCOMPARE(r.session.current(), 3);
    QVERIFY(r.flow.confirmRegistration(sample::pin).ok());
    QVERIFY(r.session.isFinished());
    QCOMPARE(r.session.result().otpFailuresReached, 2);
}

void TestTrainingSession::cancelGoesBackAStep()
{
    Run r(QStringLiteral("register-shared"));
    QVERIFY(r.toInput(Screen::SharedRegistrationInput));
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    r.flow.cancel();
    QVERIFY(r.at(Screen::UserInfoSelection));
    QCOMPARE(turns.size(), 1);
    const auto turn = turns.at(0).at(0).value<TrainingWrongTurn>();
    QCOMPARE(turn.kind, Kind::WrongButton);
    QCOMPARE(turn.action, RegistrationFlow::Action::Cancel);
    QCOMPARE(TrainingSession::whatWasDone(turn), QStringLiteral("「キャンセル」 を押した"));
    // Back on 利用者情報選択: step 2 again, and nothing was registered.
    QCOMPARE(r.session.current(), 1);
    QVERIFY(!r.session.offTrack());
    QVERIFY(r.f.service->sharedSerial().value() != QLatin1String("0000000011"));
    // トップ from there is off the track too: the coach says the way back.
    r.flow.goToTop();
    QVERIFY(r.at(Screen::CorporateStatus));
    QCOMPARE(r.session.current(), 0);
    QCOMPARE(turns.size(), 2);
}

void TestTrainingSession::prematureOkIsNotTheGoal()
{
    Run r(QStringLiteral("register-three-users"));
    QVERIFY(r.toInput(Screen::IndividualRegistrationInput));
    QVERIFY(
        r.flow.next(r.userId(QStringLiteral("鈴木 花子")), sample::spareCard1, r.f.otpFor(sample::spareCard1)).ok());
    QVERIFY(r.at(Screen::IndividualRegistrationConfirm));
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    QVERIFY(r.flow.confirmRegistration(sample::pin).ok());
    QCOMPARE(turns.size(), 1);
    const auto turn = turns.at(0).at(0).value<TrainingWrongTurn>();
    QCOMPARE(turn.kind, Kind::GoalNotMet);
    QCOMPARE(turn.detail, QStringLiteral("1"));
    QVERIFY(r.session.explain(turn).contains(QStringLiteral("● 利用登録情報を追加・変更する場合")));
    QVERIFY(!r.session.isFinished());
    QVERIFY(r.at(Screen::UserInfoSelection));
    QCOMPARE(r.session.current(), 1);
}

void TestTrainingSession::modeExerciseNeedsTheAskedMode()
{
    Run r(QStringLiteral("mode-to-shared"));
    r.flow.openUserRegistration();
    QVERIFY(r.at(Screen::UserInfoSelection));
    // 利用登録 instead of 変更: a wrong turn (the screen it opens is off the track).
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    QVERIFY(r.flow.startRegistration().ok());
    QVERIFY(r.at(Screen::IndividualRegistrationInput));
    QCOMPARE(turns.size(), 1);
    QVERIFY(r.session.offTrack());
    QVERIFY(!r.session.wayBack().isEmpty());
    r.flow.cancel();
    QVERIFY(r.at(Screen::UserInfoSelection));
    r.flow.changeMode();
    QVERIFY(r.at(Screen::UsageModeConfirm));
    QCOMPARE(r.session.current(), 2);
    QVERIFY(r.session.highlights().contains(QStringLiteral("sharedRadio")));
    QVERIFY(r.flow.confirmUsageMode(UsageMode::Shared, sample::pin).ok());
    QVERIFY(r.session.isFinished());
    QVERIFY(r.session.result().completed);
}

void TestTrainingSession::suspensionAndUnlock()
{
    Run r(QStringLiteral("suspended-and-unlocked"));
    QVERIFY(r.toInput(Screen::IndividualRegistrationInput));
    QSignalSpy turns(&r.session, &TrainingSession::wrongTurnTaken);
    // A right code is: this exercise practises the mistake. キャンセル brings the trainee back.
    QVERIFY(
        r.flow.next(r.userId(QStringLiteral("田中 次郎")), sample::spareCard2, r.f.otpFor(sample::spareCard2)).ok());
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns.at(0).at(0).value<TrainingWrongTurn>().kind, Kind::RightInsteadOfWrong);
    QVERIFY(r.at(Screen::IndividualRegistrationConfirm));
    QVERIFY(r.session.offTrack());
    r.flow.cancel();
    QVERIFY(r.at(Screen::UserInfoSelection));
    QCOMPARE(r.session.current(), 1);
    QVERIFY(r.flow.startRegistration().ok());
    QVERIFY(r.at(Screen::IndividualRegistrationInput));
    turns.clear();
    // The mistake the exercise asks for is not a wrong turn.
    QVERIFY(!r.flow.next(r.userId(QStringLiteral("鈴木 花子")), sample::spareCard1, QStringLiteral("000000")).ok());
    QVERIFY(r.at(Screen::Suspended));
    QCOMPARE(turns.size(), 0);
    QCOMPARE(r.session.current(), 4);
    QCOMPARE(r.session.highlights().last(), QStringLiteral("unlockButton"));
    QVERIFY(r.session.result().steps[3].done);
    // A wrong credential is the help desk's, counted as a wrong turn of this step.
    QVERIFY(!r.flow.unlock(QStringLiteral("helpdesk"), QStringLiteral("wrong")).ok());
    QCOMPARE(turns.size(), 1);
    QVERIFY(r.flow.unlock(QStringLiteral("helpdesk"), sample::staffCredential).ok());
    QVERIFY(r.session.isFinished());
    const TrainingResult result = r.session.result();
    QVERIFY(result.completed);
    QVERIFY(result.suspended);
    QCOMPARE(result.otpFailuresReached, 5);
}

void TestTrainingSession::resultsAreSavedPerTraineeAndSurviveAReset()
{
    Run r(QStringLiteral("mode-to-shared"), QStringLiteral("  佐藤   研修 "));
    r.f.clock.advanceSecs(4);
    r.flow.openUserRegistration();
    QVERIFY(r.at(Screen::UserInfoSelection));
    r.session.abandon();
    const qint64 id = TrainingResultTable::save(*r.f.store, r.session.result());
    QVERIFY2(id > 0, qPrintable(r.f.store->errorMessage()));
    QString error;
    QVERIFY2(ScenarioLoader::reset(*r.f.store, &error), qPrintable(error));
    const auto saved = TrainingResultTable::find(*r.f.store, id);
    QVERIFY(saved);
    QCOMPARE(saved->trainee, QStringLiteral("佐藤 研修"));
    QVERIFY(!saved->completed);
    QCOMPARE(saved->totalMSecs, 4000);
    QCOMPARE(saved->steps.size(), 3);
    QCOMPARE(saved->steps[0].msecs, 4000);
    QVERIFY(saved->steps[0].done);
    QVERIFY(!saved->steps[1].done);
    QVERIFY(r.f.store->auditLog().verify().ok);
    // No name, no result.
    TrainingResult nameless = r.session.result();
    nameless.trainee = QStringLiteral("  ");
    QCOMPARE(TrainingResultTable::save(*r.f.store, nameless), 0);
    QCOMPARE(TrainingResultTable::count(*r.f.store), 1);
}

void TestTrainingSession::csvReport()
{
    TrainingResult a;
    a.trainee = QStringLiteral("=HYPERLINK(\"x\")");
    a.exerciseId = QStringLiteral("register-shared");
    a.startedAtMSecs = kManualEpoch * 1000;
    a.totalMSecs = 65000;
    a.completed = true;
    a.steps
        = { { QStringLiteral("9.2.1-1"), 5000, 1, 0, 0, true }, { QStringLiteral("9.2.1-3"), 60000, 0, 1, 1, true } };
    TrainingWrongTurn t;
    t.step = 1;
    t.kind = Kind::SerialTypo;
    t.detail = QStringLiteral("0000000019");
    a.wrongTurns = { t };
    a.otpFailuresReached = 1;
    const QByteArray csv = TrainingReport::csv({ a });
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QString error;
    const auto rows = csv::records(QString::fromUtf8(csv.mid(3)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 1 + 2 + 1);
    QCOMPARE(rows[0].fields.first(), QStringLiteral("研修者"));
    // A name that looks like a formula is kept as text.
    QCOMPARE(rows[1].fields[0], QStringLiteral("'=HYPERLINK(\"x\")"));
    QCOMPARE(rows[1].fields[1], QStringLiteral("共有トークンの利用登録"));
    QCOMPARE(rows[1].fields[4], QStringLiteral("手順 9.2.1-1"));
    QCOMPARE(rows[2].fields[5], QStringLiteral("60.0"));
    QCOMPARE(rows[2].fields[9], QStringLiteral("どのカードにもないシリアル番号 0000000019 を入力した"));
    QCOMPARE(rows[3].fields[4], QStringLiteral("合計"));
    QCOMPARE(rows[3].fields[5], QStringLiteral("65.0"));
    QCOMPARE(rows[3].fields[6], QStringLiteral("1"));
    QCOMPARE(rows[3].fields[7], QStringLiteral("1"));
    QVERIFY(csv.contains("\r\n"));
}

void TestTrainingSession::classViewModel()
{
    Fixture f;
    const QStringList names { QStringLiteral("山田"), QStringLiteral("青木"), QStringLiteral("佐藤") };
    for (int i = 0; i < names.size(); ++i) {
        TrainingResult r;
        r.trainee = names[i];
        r.exerciseId = QStringLiteral("mode-to-shared");
        r.exerciseTitle = QStringLiteral("x");
        r.startedAtMSecs = (kManualEpoch + i * 60) * 1000;
        r.totalMSecs = (3 - i) * 10000;
        r.completed = i != 1;
        r.steps = { { QStringLiteral("9.1-1"), r.totalMSecs, i, 0, 0, true } };
        QVERIFY(TrainingResultTable::save(*f.store, r) > 0);
    }
    TrainingResultsModel model(*f.store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    // Newest first.
    QCOMPARE(model.index(0, TrainingResultsModel::TraineeColumn).data().toString(), QStringLiteral("佐藤"));
    QPersistentModelIndex yamada = model.index(2, TrainingResultsModel::TraineeColumn);
    model.sort(TrainingResultsModel::TimeColumn, Qt::AscendingOrder);
    QCOMPARE(model.index(0, TrainingResultsModel::TimeColumn).data().toString(), QStringLiteral("10秒"));
    QCOMPARE(model.index(2, TrainingResultsModel::TimeColumn).data().toString(), QStringLiteral("30秒"));
    QCOMPARE(yamada.row(), 2);
    QCOMPARE(yamada.data().toString(), QStringLiteral("山田"));
    model.sort(TrainingResultsModel::OutcomeColumn, Qt::AscendingOrder);
    QCOMPARE(model.index(0, TrainingResultsModel::OutcomeColumn).data().toString(), QStringLiteral("中断"));
    model.sort(TrainingResultsModel::HintsColumn, Qt::DescendingOrder);
    QCOMPARE(model.index(0, TrainingResultsModel::HintsColumn).data().toInt(), 2);
    QCOMPARE(model.index(0, TrainingResultsModel::ExerciseColumn).data().toString(),
        QStringLiteral("利用形態の変更（個別から共有へ）"));
    // The sort is kept across a reload.
    model.reload();
    QCOMPARE(model.index(0, TrainingResultsModel::HintsColumn).data().toInt(), 2);
}

void TestTrainingSession::explanationsQuoteTheManual()
{
    Run r(QStringLiteral("register-three-users"));
    TrainingWrongTurn t;
    t.step = 2;
    t.stepId = QStringLiteral("9.2.2-3");
    for (Kind kind : { Kind::SerialTypo, Kind::WrongCode, Kind::UnexpectedSuspension }) {
        t.kind = kind;
        QVERIFY(r.session.explain(t).contains(
            QStringLiteral("⚠️ "
                           "ご注意「シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると")));
    }
    t.kind = Kind::WrongButton;
    t.action = RegistrationFlow::Action::ChangeMode;
    QVERIFY(r.session.explain(t).contains(
        QStringLiteral("「利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。」")));
    t.kind = Kind::InvalidInput;
    t.detail = QStringLiteral("x");
    t.field = InputField::Otp;
    QVERIFY(r.session.explain(t).contains(QStringLiteral(
        "✎ メモ「カード型ハードトークンの利用登録用ワンタイムパスワードを発行するボタンを押してください。」")));
    t.field = InputField::Serial;
    QCOMPARE(r.session.explain(t), QStringLiteral("x"));
}

QTEST_GUILESS_MAIN(TestTrainingSession)
#include "tst_trainingsession.moc"
