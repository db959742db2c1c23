// The guided training as a trainee meets it: トレーニング > 練習を始める, the coach dock, the coach
// marks over the live screen (their geometry checked against the widgets each step names), wrong
// turns explained in the panel and announced, ヒント and 見本, and the trainer's results: saved per
// trainee, the class view, the CSV and the one-page PDF. Every bundled exercise is completed with
// key and mouse events on the real widgets.
#include "AccessibleTree.h"
#include "GuiSupport.h"

#include "Accessibility.h"
#include "CoachOverlay.h"
#include "CoachPanel.h"
#include "Demonstration.h"
#include "Highlight.h"
#include "TrainingCertificate.h"
#include "TrainingResultsDialog.h"
#include "TrainingStartDialog.h"
#include "VirtualCardPanel.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"
#include "tables/TrainingResultsModel.h"
#include "training/Exercise.h"
#include "training/TrainingResultTable.h"
#include "training/TrainingSession.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QString kPin = sample::pin;
const QString kTrainee = QStringLiteral("佐藤 研修");

// The coach panel's widget of that objectName.
template <typename T> T* coach(const Console& c, const char* name)
{
    T* w = c.window->training()->coachPanel() ? c.window->training()->coachPanel()->findChild<T*>(QLatin1String(name))
                                              : nullptr;
    if (!w)
        qFatal("FAIL: the coach panel has no %s named \"%s\"", T::staticMetaObject.className(), name);
    return w;
}

// Where the coach marks must be: a frame around each of the widgets the test names for the step
// (what the manual's sentence says to use) that is shown and can be seen in its screen's scroll
// area, in the window's coordinates.
QList<QRectF> expectedMarks(const Console& c, const QStringList& names)
{
    QList<QRectF> out;
    ManualPage* page = c.page();
    if (!page)
        return out;
    for (const QString& name : names) {
        auto* w = page->findChild<QWidget*>(name);
        if (!w || !w->isVisible())
            continue;
        const QRect r(w->mapTo(c.window.get(), QPoint(0, 0)), w->size());
        QWidget* viewport = c.window->scrollArea(c.flow->screen())->viewport();
        if (!QRect(viewport->mapTo(c.window.get(), QPoint(0, 0)), viewport->size()).intersects(r))
            continue;
        out.append(highlight::frame(r));
    }
    return out;
}

QStringList names(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* n : list)
        out << QLatin1String(n);
    return out;
}

// The coach marks are on the controls named, and on nothing else.
bool marksAreRight(const Console& c, const QStringList& names, QString* why)
{
    const bool ok = QTest::qWaitFor(
        [&] {
            const QList<QRectF> expected = expectedMarks(c, names);
            return !expected.isEmpty() && c.window->training()->coachOverlay()->markRects() == expected
                && c.window->training()->coachOverlay()->isVisible();
        },
        3000);
    if (!ok) {
        QStringList rects;
        for (const QRectF& r : c.window->training()->coachOverlay()->markRects())
            rects << QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
        *why = QStringLiteral("step %1 on %2: marks %3, expected %4 frames for %5")
                   .arg(c.window->training()->trainingSession()->current())
                   .arg(c.flow->screenName(), rects.join(QLatin1Char(' ')))
                   .arg(expectedMarks(c, names).size())
                   .arg(names.join(QLatin1Char(',')));
        return false;
    }
    return true;
}

// Starts an exercise as the menu does, and waits for its first screen with the coach on it.
#define START(console, id)                                                                                             \
    do {                                                                                                               \
        QString startError;                                                                                            \
        QVERIFY2(                                                                                                      \
            (console).window->training()->startExercise(bundledExercise(QStringLiteral(id)), kTrainee, &startError),   \
            qPrintable(startError));                                                                                   \
        EXPECT_SCREEN(console, "CorporateStatus");                                                                     \
        CHECK_MARKS(console, "menuLink");                                                                              \
    } while (false)

#define CHECK_MARKS(console, ...)                                                                                      \
    do {                                                                                                               \
        QString why;                                                                                                   \
        QVERIFY2(marksAreRight(console, names({ __VA_ARGS__ }), &why), qPrintable(why));                               \
    } while (false)

// A grab of a window (the console: screens, dock, marks), when HARDTOKEN_TRAINING_SHOTS names a
// folder, for looking at it.
void shoot(QWidget* window, const QString& name)
{
    const QString dir = qEnvironmentVariable("HARDTOKEN_TRAINING_SHOTS");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void shoot(const Console& c, const QString& name)
{
    shoot(c.window.get(), name);
}

} // namespace

class TestTraining final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QWidget*>(); }
    void startFromTheMenuWithKeys();
    void modeToShared();
    void modeToIndividual();
    void registerShared();
    void registerThreeUsersWithDeleteAndInputComplete();
    void suspendedAndUnlocked();
    void wrongTurnsAreExplainedAndAnnounced();
    void demonstrationPlaysEveryStep_data();
    void demonstrationPlaysEveryStep();
    void demonstrationHoldsTheScreenUntilEsc();
    void stoppingKeepsAnUnfinishedResult();
    void classViewAndReports();
    void accessibility();
    void languageSwitchSaysTheStepAgain();
};

void TestTraining::startFromTheMenuWithKeys()
{
    Console c;
    QAction* start = c.window->findChild<QAction*>(QStringLiteral("startExerciseAction"));
    QVERIFY(start && start->isVisible());
    QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    start->trigger();
    auto* dialog = c.window->findChild<TrainingStartDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("exerciseList"));
    QCOMPARE(list->count(), int(ExerciseLoader::bundled().size()));
    // Down the list with the keyboard to the third (9.2.1), its goal shown below.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(dialog->exercise()->id, QStringLiteral("register-shared"));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("goalLabel"))->text().contains(sample::spareCard1));
    // What a screen reader reads: the list and the field named by their captions (without the
    // mnemonic), the exercises by their titles.
    QAccessibleInterface* listA11y = QAccessible::queryAccessibleInterface(list);
    QCOMPARE(listA11y->text(QAccessible::Name), QStringLiteral("練習"));
    QCOMPARE(listA11y->role(), QAccessible::List);
    QCOMPARE(listA11y->childCount(), list->count());
    QCOMPARE(listA11y->child(2)->text(QAccessible::Name), QStringLiteral("共有トークンの利用登録"));
    QVERIFY(listA11y->child(2)->state().selected);
    QCOMPARE(QAccessible::queryAccessibleInterface(dialog->findChild<QLineEdit*>(QStringLiteral("traineeEdit")))
                 ->text(QAccessible::Name),
        QStringLiteral("研修者の名前"));
    shoot(dialog, QStringLiteral("start-dialog"));
    // No name: refused beside the field, the dialog stays.
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("traineeEdit"));
    name->clear();
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("traineeError"))->isVisible());
    QVERIFY(!name->accessibleDescription().isEmpty());
    QCOMPARE(dialog->focusWidget(), name);
    QTest::keyClicks(name, QStringLiteral("Trainee A"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(c.window->training()->trainingSession());
    QCOMPARE(c.window->training()->trainingSession()->exercise().id, QStringLiteral("register-shared"));
    QCOMPARE(c.window->training()->trainingSession()->trainee(), QStringLiteral("Trainee A"));
    // The scenario is the exercise's (the shared corporation), the coach dock and the cards are up.
    QCOMPARE(c.f.service->corporation().value().mode, UsageMode::Shared);
    QTRY_VERIFY(c.window->findChild<QDockWidget*>(QStringLiteral("coachDock"))->isVisible());
    QVERIFY(c.window->training()->showVirtualCards()->isVisible());
    EXPECT_SCREEN(c, "CorporateStatus");
    CHECK_MARKS(c, "menuLink");
}

void TestTraining::modeToShared()
{
    Console c;
    START(c, "mode-to-shared");
    shoot(c, QStringLiteral("coach-9.1-1"));
    QVERIFY(c.openUserSelection());
    CHECK_MARKS(c, "changeModeButton");
    QVERIFY(c.click("changeModeButton"));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    CHECK_MARKS(c, "sharedRadio", "pinEdit", "okButton");
    QVERIFY(c.window->training()->trainingSession()->highlights().contains(QStringLiteral("sharedRadio")));
    QVERIFY(c.click("sharedRadio"));
    QVERIFY(c.typePinWithKeyboard(kPin));
    QVERIFY(c.click("okButton"));
    QTRY_VERIFY(c.window->training()->trainingSession()->isFinished());
    QVERIFY(c.window->training()->trainingSession()->result().completed);
    QCOMPARE(c.f.service->corporation().value().mode, UsageMode::Shared);
    QVERIFY(c.window->training()->savedResultId() > 0);
    QVERIFY(coach<QFrame>(c, "doneBox")->isVisible());
    QVERIFY(c.window->training()->coachOverlay()->markRects().isEmpty());
}

void TestTraining::modeToIndividual()
{
    Console c;
    START(c, "mode-to-individual");
    QCOMPARE(c.f.service->corporation().value().mode, UsageMode::Shared);
    QVERIFY(c.openUserSelection());
    CHECK_MARKS(c, "changeModeButton");
    QVERIFY(c.click("changeModeButton"));
    EXPECT_SCREEN(c, "UsageModeConfirm");
    CHECK_MARKS(c, "individualRadio", "pinEdit", "okButton");
    QVERIFY(c.click("individualRadio"));
    QVERIFY(c.type("pinEdit", kPin));
    QVERIFY(c.click("okButton"));
    QTRY_VERIFY(c.window->training()->trainingSession()->isFinished());
    QCOMPARE(c.f.service->corporation().value().mode, UsageMode::Individual);
    QVERIFY(c.window->training()->trainingSession()->result().wrongTurns.isEmpty());
}

void TestTraining::registerShared()
{
    Console c;
    START(c, "register-shared");
    QVERIFY(c.openUserSelection());
    CHECK_MARKS(c, "registerButton");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    CHECK_MARKS(c, "serialEdit", "otpEdit", "nextButton");
    shoot(c, QStringLiteral("coach-9.2.1-3"));
    QVERIFY(c.enterToken(sample::spareCard1));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    CHECK_MARKS(c, "pinEdit", "okButton");
    QVERIFY(c.typePinWithKeyboard(kPin));
    QVERIFY(c.click("okButton"));
    QTRY_VERIFY(c.window->training()->trainingSession()->isFinished());
    QCOMPARE(c.f.service->sharedSerial().value(), sample::spareCard1);
    QVERIFY(c.window->training()->trainingSession()->result().completed);
}

void TestTraining::registerThreeUsersWithDeleteAndInputComplete()
{
    Console c;
    START(c, "register-three-users");
    TrainingSession* s = c.window->training()->trainingSession();
    QVERIFY(c.openUserSelection());
    CHECK_MARKS(c, "registerButton");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    CHECK_MARKS(c, "userTable", "serialEdit", "otpEdit", "nextButton");
    const QList<std::pair<QString, QString>> users { { QStringLiteral("鈴木 花子"), sample::spareCard1 },
        { QStringLiteral("田中 次郎"), sample::spareCard2 }, { QStringLiteral("山田 太郎"), sample::spareCard3 } };
    for (int i = 0; i < users.size(); ++i) {
        if (i > 0) {
            // 追加 is what the coach frames before the next user.
            CHECK_MARKS(c, "addButton");
            QCOMPARE(s->highlights(), QStringList { QStringLiteral("addButton") });
            QVERIFY(c.click("addButton"));
            EXPECT_SCREEN(c, "IndividualRegistrationInput");
            CHECK_MARKS(c, "userTable", "serialEdit", "otpEdit", "nextButton");
        }
        QVERIFY(c.chooseUser(users[i].first));
        QVERIFY(c.enterToken(users[i].second));
        EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    }
    QCOMPARE(s->current(), 7);
    CHECK_MARKS(c, "pinEdit", "okButton");
    shoot(c, QStringLiteral("coach-9.2.2-4"));
    // 削除 one entry and enter it again: not a wrong turn, one more round.
    QVERIFY(c.tickRow(QStringLiteral("山田 太郎")));
    QVERIFY(c.click("removeButtonTop"));
    QTRY_COMPARE(c.f.service->queue().size(), 2);
    QVERIFY(c.click("addButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QCOMPARE(s->current(), 6);
    c.f.clock.advanceSecs(30);
    QVERIFY(c.chooseUser(QStringLiteral("山田 太郎")));
    QVERIFY(c.enterToken(sample::spareCard3));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    // 追加 then 入力完了: back to the list without a change (manual 9.2.2 メモ).
    QVERIFY(c.click("addButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    QVERIFY(c.click("inputCompleteButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QCOMPARE(s->current(), 7);
    CHECK_MARKS(c, "pinEdit", "okButton");
    QVERIFY(c.typePinWithKeyboard(kPin));
    QVERIFY(c.click("okButton"));
    QTRY_VERIFY(s->isFinished());
    QVERIFY(s->result().completed);
    QVERIFY(s->result().wrongTurns.isEmpty());
    for (const UserInfo& u : c.f.service->users().value_or(QList<UserInfo> {}))
        QVERIFY2(u.currentSerial.startsWith(QLatin1String("000000001")), qPrintable(u.name));
}

void TestTraining::suspendedAndUnlocked()
{
    Console c;
    START(c, "suspended-and-unlocked");
    TrainingSession* s = c.window->training()->trainingSession();
    QCOMPARE(c.f.service->corporation().value().otpFailures, 4);
    QVERIFY(c.openUserSelection());
    CHECK_MARKS(c, "registerButton");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    CHECK_MARKS(c, "userTable", "serialEdit", "otpEdit", "nextButton");
    QVERIFY(c.chooseUser(QStringLiteral("鈴木 花子")));
    QString wrong = c.f.otpFor(sample::spareCard1);
    wrong[0] = QChar(u'0' + (wrong[0].digitValue() + 5) % 10);
    QVERIFY(c.type("serialEdit", sample::spareCard1));
    QVERIFY(c.type("otpEdit", wrong));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "Suspended");
    QTRY_COMPARE(s->current(), 4);
    CHECK_MARKS(c, "staffLoginEdit", "staffCredentialEdit", "unlockButton");
    shoot(c, QStringLiteral("coach-unlock"));
    QVERIFY(c.type("staffLoginEdit", QStringLiteral("helpdesk")));
    QVERIFY(c.type("staffCredentialEdit", sample::staffCredential));
    QVERIFY(c.click("unlockButton"));
    QTRY_VERIFY(s->isFinished());
    QVERIFY(!c.f.service->isSuspended());
    const TrainingResult r = s->result();
    QVERIFY(r.completed);
    QVERIFY(r.suspended);
    QCOMPARE(r.otpFailuresReached, 5);
    QVERIFY(r.wrongTurns.isEmpty());
}

void TestTraining::wrongTurnsAreExplainedAndAnnounced()
{
    Console c;
    START(c, "register-shared");
    TrainingSession* s = c.window->training()->trainingSession();
    QSignalSpy announced(Announcements::instance(), &Announcements::announced);
    auto* banner = coach<QLabel>(c, "turnBanner");
    c.f.clock.advanceSecs(6);
    QVERIFY(c.openUserSelection());
    // ヒント: the next step, counted.
    QTest::mouseClick(coach<QPushButton>(c, "hintButton"), Qt::LeftButton);
    QVERIFY(coach<QLabel>(c, "hintLabel")->isVisible());
    QVERIFY(coach<QLabel>(c, "hintLabel")
                ->text()
                .startsWith(QStringLiteral("次の手順: [カード型ハードトークン利用登録入力]画面")));
    c.f.clock.advanceSecs(4);
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");

    // A typo in the serial.
    c.f.clock.advanceSecs(10);
    QVERIFY(c.type("serialEdit", QStringLiteral("0000000019")));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard1)));
    QVERIFY(c.click("nextButton"));
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("シリアル番号 0000000019 のカードはありません。")),
        qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral(
        "⚠️ ご注意「シリアル番号またはワンタイムパスワードを一定回数以上誤って")));
    QVERIFY(banner->text().contains(QStringLiteral("あと 4 回")));
    bool heard = false;
    for (const auto& a : announced)
        heard = heard || a.at(1).toString() == banner->text();
    QVERIFY2(heard, "the wrong turn was not announced");
    // The coach does not do it for the trainee: the fields keep what was typed.
    QCOMPARE(c.find<QLineEdit>("serialEdit")->text(), QStringLiteral("0000000019"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");

    // A code the card has replaced: typed, then the card moves on before 次へ.
    QVERIFY(c.type("serialEdit", sample::spareCard1));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard1)));
    c.f.clock.advanceSecs(120);
    QVERIFY(c.click("nextButton"));
    QTRY_VERIFY(banner->text().startsWith(
        QStringLiteral("入力したワンタイムパスワードは、カードの表示が切り替わる前のものです")));
    QVERIFY(banner->text().contains(
        QStringLiteral("⚠️ "
                       "ご注意「ワンタイムパスワードの表示は、一定の時間が経過すると自動的に消えます。")));

    // キャンセル: back a step, said in the panel, and the way is shown again by the marks.
    QVERIFY(c.click("cancelButton"));
    EXPECT_SCREEN(c, "UserInfoSelection");
    QTRY_VERIFY(banner->text().startsWith(QStringLiteral("「キャンセル」を押したので")));
    QCOMPARE(s->current(), 1);
    CHECK_MARKS(c, "registerButton");
    c.f.clock.advanceSecs(5);
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    c.f.clock.advanceSecs(15);
    QVERIFY(c.enterToken(sample::spareCard1));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    c.f.clock.advanceSecs(9);
    QVERIFY(c.type("pinEdit", kPin));
    QVERIFY(c.click("okButton"));
    QTRY_VERIFY(s->isFinished());

    // The report's figures, from the fake clock.
    const auto saved = TrainingResultTable::find(*c.f.store, c.window->training()->savedResultId());
    QVERIFY(saved);
    QVERIFY(saved->completed);
    QCOMPARE(saved->trainee, kTrainee);
    QCOMPARE(saved->totalMSecs, (6 + 4 + 10 + 120 + 5 + 15 + 9) * 1000);
    QCOMPARE(saved->steps.size(), 4);
    QCOMPARE(saved->steps[0].msecs, 6000);
    QCOMPARE(saved->steps[1].msecs, 4000 + 5000);
    QCOMPARE(saved->steps[2].msecs, 10000 + 120000 + 15000);
    QCOMPARE(saved->steps[3].msecs, 9000);
    QCOMPARE(saved->hints(), 1);
    QCOMPARE(saved->steps[1].hints, 1);
    QCOMPARE(saved->wrongTurns.size(), 3);
    QCOMPARE(saved->wrongTurns[0].kind, TrainingWrongTurn::Kind::SerialTypo);
    QCOMPARE(saved->wrongTurns[1].kind, TrainingWrongTurn::Kind::ExpiredCode);
    QCOMPARE(saved->wrongTurns[2].action, RegistrationFlow::Action::Cancel);
    QCOMPARE(saved->otpFailuresReached, 2);
    auto* summary = coach<QLabel>(c, "summaryLabel");
    QVERIFY2(summary->text().startsWith(QStringLiteral("所要時間 2分49秒、ヒント 1 回、見本 0 回、誤操作 3 回")),
        qPrintable(summary->text()));
    shoot(c, QStringLiteral("coach-done"));
    if (const QString dir = qEnvironmentVariable("HARDTOKEN_TRAINING_SHOTS"); !dir.isEmpty()) {
        QString why;
        QVERIFY2(TrainingCertificate::write(*saved, QDir(dir).filePath(QStringLiteral("report.pdf")), &why),
            qPrintable(why));
    }
}

void TestTraining::demonstrationPlaysEveryStep_data()
{
    QTest::addColumn<QString>("exercise");
    for (const QString& path : ExerciseLoader::bundled()) {
        QString error;
        const auto e = ExerciseLoader::load(path, &error);
        QTest::newRow(qPrintable(e->id)) << e->id;
    }
}

// 見本 at every step, and nothing else: every bundled exercise can be finished by a trainee alone,
// the console showing each step on its own widgets and handing control back.
void TestTraining::demonstrationPlaysEveryStep()
{
    QFETCH(QString, exercise);
    Console c;
    QString error;
    QVERIFY2(c.window->training()->startExercise(bundledExercise(exercise), kTrainee, &error), qPrintable(error));
    EXPECT_SCREEN(c, "CorporateStatus");
    TrainingSession* s = c.window->training()->trainingSession();
    auto* demo = coach<QPushButton>(c, "demoButton");
    QCOMPARE(c.window->training()->demonstration()->pace(), 450);
    c.window->training()->demonstration()->setPace(30); // the same acts, faster than a person needs
    for (int guard = 0; !s->isFinished() && guard < 2 * s->count(); ++guard) {
        const int before = s->current();
        const int demos = s->result().steps[before].demonstrations;
        QTRY_VERIFY(demo->isEnabled());
        QTest::mouseClick(demo, Qt::LeftButton);
        QVERIFY(c.window->training()->demonstration()->isPlaying());
        QVERIFY(!demo->isEnabled()); // one demonstration at a time
        QCOMPARE(s->result().steps[before].demonstrations, demos + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!c.window->training()->demonstration()->isPlaying(), 20000);
        QTRY_VERIFY(s->isFinished() || s->current() != before);
    }
    QVERIFY(s->isFinished());
    const TrainingResult r = s->result();
    QVERIFY(r.completed);
    QVERIFY2(r.wrongTurns.isEmpty(), qPrintable(r.wrongTurns.isEmpty() ? QString() : s->explain(r.wrongTurns.first())));
    // Every step was shown once (the milestone 利用中止 is reached, not shown).
    QCOMPARE(r.demonstrations(), s->count() - int(s->exercise().steps.count(QStringLiteral("suspended"))));
    // A training store has no desk session: the trainee is the actor of what was done.
    for (const AuditEntry& e : c.f.store->auditLog().entries()) {
        if (e.action == QLatin1String("registration.committed") || e.action == QLatin1String("usage_mode.changed"))
            QCOMPARE(e.actor, QStringLiteral("trainee:") + kTrainee);
    }
    const Exercise::Expectation& expect = s->exercise().expect;
    if (expect.usageMode != UsageMode::Unset)
        QCOMPARE(c.f.service->corporation().value().mode, expect.usageMode);
    if (!expect.serial.isEmpty())
        QCOMPARE(c.f.service->sharedSerial().value(), expect.serial);
    if (expect.entries > 0) {
        int registered = 0;
        for (const UserInfo& u : c.f.service->users().value_or(QList<UserInfo> {}))
            registered += u.currentSerial.startsWith(QLatin1String("000000001")) ? 1 : 0;
        QCOMPARE(registered, expect.entries);
    }
    if (s->exercise().steps.contains(QStringLiteral("unlock")))
        QVERIFY(!c.f.service->isSuspended() && r.suspended);
}

// While 見本 plays, the screen is the console's: a click on キャンセル does nothing; Esc stops it and
// hands the screen back as it is, and the trainee goes on from there.
void TestTraining::demonstrationHoldsTheScreenUntilEsc()
{
    Console c;
    START(c, "register-shared");
    QVERIFY(c.openRegistration("SharedRegistrationInput"));
    Demonstration* demo = c.window->training()->demonstration();
    demo->setPace(3000); // slower than the test: it is still playing when the clicks come
    QTest::mouseClick(coach<QPushButton>(c, "demoButton"), Qt::LeftButton);
    QVERIFY(demo->isPlaying());
    auto* serial = c.find<QLineEdit>("serialEdit");
    QTRY_VERIFY(serial->hasFocus() || QApplication::focusWidget() == serial);
    QTest::mouseClick(c.find<QAbstractButton>("cancelButton"), Qt::LeftButton);
    QTest::keyClicks(serial, QStringLiteral("99"));
    QVERIFY(demo->isPlaying());
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    QVERIFY(!serial->text().contains(QStringLiteral("99")));
    QVERIFY(c.window->training()->trainingSession()->result().wrongTurns.isEmpty());
    QTest::keyClick(serial, Qt::Key_Escape);
    QVERIFY(!demo->isPlaying());
    QTRY_VERIFY(coach<QPushButton>(c, "demoButton")->isEnabled());
    // The screen is the trainee's again.
    QVERIFY(c.enterToken(sample::spareCard1));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    QCOMPARE(c.window->training()->trainingSession()->current(), 3);
}

void TestTraining::stoppingKeepsAnUnfinishedResult()
{
    Console c;
    START(c, "mode-to-shared");
    c.f.clock.advanceSecs(3);
    QVERIFY(c.openUserSelection());
    QTest::mouseClick(coach<QPushButton>(c, "stopButton"), Qt::LeftButton);
    QVERIFY(c.window->training()->trainingSession()->isFinished());
    const auto saved = TrainingResultTable::find(*c.f.store, c.window->training()->savedResultId());
    QVERIFY(saved);
    QVERIFY(!saved->completed);
    QCOMPARE(coach<QLabel>(c, "doneTitle")->text(), QStringLiteral("練習を中断しました"));
    QVERIFY(!coach<QPushButton>(c, "hintButton")->isEnabled());
    QCOMPARE(TrainingResultTable::count(*c.f.store), 1);
    // Another scenario chosen from the menu while an exercise runs stops it the same way.
    START(c, "mode-to-shared");
    QString error;
    QVERIFY(c.window->training()->loadScenario(QStringLiteral(":/scenarios/manual-ch9.json"), &error));
    QVERIFY(c.window->training()->trainingSession()->isFinished());
    QCOMPARE(TrainingResultTable::count(*c.f.store), 2);
}

void TestTraining::classViewAndReports()
{
    Console c;
    QString error;
    for (const QString& trainee : { QStringLiteral("山田"), QStringLiteral("田中") }) {
        QVERIFY(c.window->training()->startExercise(
            bundledExercise(QStringLiteral("mode-to-individual")), trainee, &error));
        c.f.clock.advanceSecs(trainee == QStringLiteral("山田") ? 40 : 20);
        c.window->training()->stopExercise();
    }
    TrainingResultsDialog* dialog = c.window->training()->openTrainingResults();
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog->model()->rowCount(), 2);
    auto* table = dialog->findChild<QTableView*>(QStringLiteral("resultsTable"));
    // Sort by 所要時間 with a click on its header.
    QHeaderView* header = table->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(TrainingResultsModel::TimeColumn) + 5, header->height() / 2));
    QCOMPARE(dialog->model()->index(0, TrainingResultsModel::TraineeColumn).data().toString(), QStringLiteral("田中"));
    QCOMPARE(QAccessible::queryAccessibleInterface(table)->text(QAccessible::Name), QStringLiteral("練習の結果"));
    shoot(dialog, QStringLiteral("results-dialog"));
    QTemporaryDir out;
    QVERIFY(dialog->saveCsv(out.filePath(QStringLiteral("class.csv")), &error));
    QFile csvFile(out.filePath(QStringLiteral("class.csv")));
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray csv = csvFile.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains("山田"));
    const QString pdf = out.filePath(QStringLiteral("tanaka.pdf"));
    QVERIFY2(dialog->saveCertificate(0, pdf, &error), qPrintable(error));
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), { pdf });
    QVERIFY(info.waitForFinished());
    const QString facts = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(facts.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(facts));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    QVERIFY(text.waitForFinished());
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QVERIFY2(words.contains(QStringLiteral("田中")), qPrintable(words));
    QVERIFY(words.contains(QStringLiteral("途中で中断しました")));
    QVERIFY(words.contains(QStringLiteral("20秒")));
    dialog->close();
}

void TestTraining::accessibility()
{
    Console c;
    START(c, "register-shared");
    QVERIFY(c.openUserSelection());
    // The panel's texts are what a screen reader reads: the names equal the visible text.
    auto* step = coach<QLabel>(c, "stepLabel");
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(step);
    QCOMPARE(a->text(QAccessible::Name), QStringLiteral("[利用者情報選択]画面で、利用登録 ボタンを押します。"));
    auto* marks = coach<QLabel>(c, "markLabel");
    QCOMPARE(QAccessible::queryAccessibleInterface(marks)->text(QAccessible::Name), marks->text());
    // Every coach mark is also a sentence in the panel.
    QCOMPARE(marks->text(), QStringLiteral("画面の赤い枠：「利用登録」ボタン"));
    for (const char* name : { "hintButton", "demoButton", "stopButton" }) {
        auto* b = coach<QPushButton>(c, name);
        QAccessibleInterface* button = QAccessible::queryAccessibleInterface(b);
        QCOMPARE(button->role(), QAccessible::PushButton);
        QCOMPARE(button->text(QAccessible::Name), QString(b->text()).remove(QLatin1Char('&')));
    }
    // The overlay is drawing only: hidden from the tree, never focused, no mouse.
    QAccessibleInterface* overlay = QAccessible::queryAccessibleInterface(c.window->training()->coachOverlay());
    QVERIFY(overlay->state().invisible);
    QVERIFY(c.window->training()->coachOverlay()->testAttribute(Qt::WA_TransparentForMouseEvents));
    QCOMPARE(c.window->training()->coachOverlay()->focusPolicy(), Qt::NoFocus);
    // Every control of the panel has a name; the tree as a screen reader walks it, for the notes.
    QVERIFY2(unnamedControls(c.window->training()->coachPanel()).isEmpty(),
        qPrintable(unnamedControls(c.window->training()->coachPanel()).join(QLatin1Char('\n'))));
    if (const QString dir = qEnvironmentVariable("HARDTOKEN_TRAINING_SHOTS"); !dir.isEmpty()) {
        QFile out(QDir(dir).filePath(QStringLiteral("coach-a11y.txt")));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(accessibleTree(c.window->training()->coachPanel()).join(QLatin1Char('\n')).toUtf8() + '\n');
    }
    // The marks do not take the trainee's clicks: the framed button still works through them.
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    QTRY_COMPARE(QAccessible::queryAccessibleInterface(marks)->text(QAccessible::Name),
        QStringLiteral("画面の赤い枠：「シリアル番号」の入力欄、「ワンタイムパスワード」の入力欄、「次へ」ボタン"));
}

void TestTraining::languageSwitchSaysTheStepAgain()
{
    Console c;
    START(c, "register-shared");
    QVERIFY(c.openUserSelection());
    QVERIFY(c.click("changeModeButton")); // a wrong turn in this exercise
    EXPECT_SCREEN(c, "UsageModeConfirm");
    auto* banner = coach<QLabel>(c, "turnBanner");
    QTRY_VERIFY(banner->text().startsWith(QStringLiteral("「変更」は利用形態の設定です。")));
    QVERIFY(coach<QLabel>(c, "wayBackLabel")->isVisible());
    QVERIFY(c.language.set(QStringLiteral("en")));
    QTRY_VERIFY2(
        banner->text().startsWith(QStringLiteral("\"Change\" sets the usage mode")), qPrintable(banner->text()));
    QCOMPARE(coach<QLabel>(c, "stepLabel")->accessibleName(),
        QStringLiteral("On the [User Information Selection] screen, press the Register button."));
    QCOMPARE(coach<QLabel>(c, "exerciseTitle")->text(), QStringLiteral("Register the shared token"));
    QVERIFY(coach<QLabel>(c, "wayBackLabel")->text().startsWith(QStringLiteral("Go back")));
    shoot(c, QStringLiteral("coach-en-wrong-turn"));
}

QTEST_MAIN(TestTraining)
#include "tst_training.moc"
