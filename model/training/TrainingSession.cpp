#include "training/TrainingSession.h"

#include "core/Clock.h"
#include "inventory/VirtualTokens.h"
#include "store/Store.h"

#include <QMetaEnum>

namespace hardtoken {

using Screen = RegistrationFlow::Screen;
using Action = RegistrationFlow::Action;
using Kind = TrainingWrongTurn::Kind;

namespace {

const QString kSuspended = QStringLiteral("suspended");
const QString kUnlock = QStringLiteral("unlock");

// How far back a code typed counts as one the card showed before (and has since replaced).
constexpr int ExpiredLookBackSteps = 20;

} // namespace

int TrainingResult::hints() const
{
    int n = 0;
    for (const TrainingStepRecord& s : steps)
        n += s.hints;
    return n;
}

int TrainingResult::demonstrations() const
{
    int n = 0;
    for (const TrainingStepRecord& s : steps)
        n += s.demonstrations;
    return n;
}

TrainingSession::TrainingSession(
    Exercise exercise, RegistrationFlow& flow, const Clock& clock, QString trainee, QObject* parent)
    : QObject(parent)
    , m_exercise(std::move(exercise))
    , m_flow(flow)
    , m_clock(clock)
    , m_trainee(std::move(trainee))
    , m_table(ManualSteps::steps())
{
    m_result.trainee = m_trainee;
    m_result.exerciseId = m_exercise.id;
    for (const QString& id : std::as_const(m_exercise.steps))
        m_result.steps.append(TrainingStepRecord { id });
    connect(&m_flow, &RegistrationFlow::screenChanged, this, &TrainingSession::onScreen);
    connect(&m_flow, &RegistrationFlow::acted, this, &TrainingSession::onActed);
    connect(&m_flow, &RegistrationFlow::tokenChecked, this, &TrainingSession::onTokenChecked);
    connect(&m_flow, &RegistrationFlow::procedureCompleted, this, &TrainingSession::onCompleted);
    connect(&m_flow, &RegistrationFlow::suspensionLifted, this, &TrainingSession::onUnlocked);
}

TrainingSession::~TrainingSession() = default;

void TrainingSession::start()
{
    m_started = true;
    m_startMSecs = m_clock.nowMSecs();
    m_stepStartMSecs = m_startMSecs;
    m_result.startedAtMSecs = m_startMSecs;
    m_current = 0;
    m_queued = int(m_flow.service().queue().size());
    noteCounters();
    Q_EMIT stepChanged(m_current);
}

qint64 TrainingSession::elapsed() const
{
    return m_clock.nowMSecs() - m_startMSecs;
}

std::optional<ManualStep> TrainingSession::manualStep(int index) const
{
    if (index < 0 || index >= count())
        return std::nullopt;
    for (const ManualStep& s : m_table) {
        if (s.id == m_exercise.steps[index])
            return s;
    }
    return std::nullopt;
}

bool TrainingSession::isMilestone(int index) const
{
    return index >= 0 && index < count() && m_exercise.steps[index] == kSuspended;
}

Screen TrainingSession::screenOf(int index) const
{
    if (const auto step = manualStep(index))
        return step->screen;
    return Screen::Suspended; // suspended, unlock: the 利用中止 notice
}

QString TrainingSession::deskSentence(const QString& stepId)
{
    if (stepId == kSuspended)
        return tr("シリアル番号またはワンタイムパスワードを一定回数以上誤って入力すると、本システムは利用中止状態になり"
                  "ます。");
    if (stepId == kUnlock)
        return tr(
            "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。ヘルプデスクの担当者"
            "が、[利用中止のお知らせ]画面で担当者IDとパスワードを入力して、**利用中止状態を解除** ボタンを押します。");
    return {};
}

QString TrainingSession::sentence(int index) const
{
    if (index < 0 || index >= count())
        return {};
    // Read again, not from the table kept at the start: the language may have changed since.
    const ManualStep step = ManualSteps::step(m_exercise.steps[index]);
    return step.id.isEmpty() ? deskSentence(m_exercise.steps[index]) : step.text;
}

QList<ManualAct> TrainingSession::acts() const
{
    if (m_finished)
        return {};
    const QString id = m_exercise.steps.value(m_current);
    if (id == kUnlock || id == kSuspended) {
        return { { ManualAct::Kind::Type, QStringLiteral("staffLoginEdit"), ManualInput::StaffLogin },
            { ManualAct::Kind::Type, QStringLiteral("staffCredentialEdit"), ManualInput::StaffCredential },
            { ManualAct::Kind::Click, QStringLiteral("unlockButton") } };
    }
    const auto step = manualStep(m_current);
    if (!step)
        return {};
    // 9.2.2 step 4 before another user (the exercise goes back to step 3): 追加, what the manual's ●
    // note says, not the PIN and OK.
    const auto next = manualStep(m_current + 1);
    if (!step->another.isEmpty() && next && next->section == step->section && next->number < step->number)
        return step->another;
    QList<ManualAct> acts = step->acts;
    // 9.1 step 3: the mode the exercise asks for.
    for (ManualAct& act : acts) {
        if (act.input == ManualInput::Mode && m_exercise.expect.usageMode != UsageMode::Unset)
            act.widget = ManualSteps::modeRadio(m_exercise.expect.usageMode);
    }
    return acts;
}

QStringList TrainingSession::highlights() const
{
    QStringList names;
    for (const ManualAct& act : acts())
        names.append(act.widget);
    return names;
}

bool TrainingSession::offTrack() const
{
    return !m_finished && m_started && m_flow.screen() != screenOf(m_current);
}

QString TrainingSession::wayBack() const
{
    if (!offTrack())
        return {};
    switch (screenOf(m_current)) {
    case Screen::CorporateStatus:
        return tr("パンくずの「トップ」で[契約法人ステータス]画面に戻ってください。");
    case Screen::UserInfoSelection:
        return tr("「キャンセル」で[利用者情報選択]画面に戻ってください。");
    default:
        return tr("[利用者情報選択]画面から手順をやり直してください。");
    }
}

QString TrainingSession::takeHint()
{
    if (m_finished)
        return {};
    ++m_result.steps[m_current].hints;
    return hintText();
}

QString TrainingSession::hintText() const
{
    if (m_finished)
        return {};
    if (m_current + 1 >= count())
        return tr("これが最後の手順です: %1").arg(ManualSteps::plain(sentence(m_current)));
    return tr("次の手順: %1").arg(ManualSteps::plain(sentence(m_current + 1)));
}

void TrainingSession::noteDemonstration()
{
    if (!m_finished)
        ++m_result.steps[m_current].demonstrations;
}

void TrainingSession::moveTo(int index)
{
    const qint64 now = m_clock.nowMSecs();
    m_result.steps[m_current].msecs += now - m_stepStartMSecs;
    m_stepStartMSecs = now;
    m_current = index;
    Q_EMIT stepChanged(m_current);
}

void TrainingSession::complete(int index)
{
    m_result.steps[index].done = true;
    if (index + 1 >= count()) {
        finish(true);
        return;
    }
    moveTo(index + 1);
    if (isMilestone(m_current) && m_flow.screen() == Screen::Suspended)
        complete(m_current);
}

void TrainingSession::finish(bool completed)
{
    if (m_finished)
        return;
    const qint64 now = m_clock.nowMSecs();
    m_result.steps[m_current].msecs += now - m_stepStartMSecs;
    m_result.totalMSecs = now - m_startMSecs;
    m_result.completed = completed;
    m_result.exerciseTitle = m_exercise.title;
    m_finished = true;
    Q_EMIT finished(completed);
}

void TrainingSession::abandon()
{
    if (m_started)
        finish(false);
}

void TrainingSession::onScreen(Screen screen)
{
    if (!m_started || m_finished)
        return;
    const int next = m_current + 1;
    if (next < count() && screenOf(next) == screen && screenOf(m_current) != screen) {
        complete(m_current);
        return;
    }
    // 追加 on 9.2.2 step 4: the next input is step 3 again, expected or not (an entry deleted and
    // entered again takes one more round).
    if (screen == screenOf(m_current))
        return;
    if (m_exercise.steps[m_current] == kUnlock && !m_flow.service().isSuspended()) {
        onUnlocked();
        return;
    }
    for (int j = m_current - 1; j >= 0; --j) {
        if (screenOf(j) == screen && !isMilestone(j)) {
            moveTo(j);
            return;
        }
    }
    if (screen == Screen::Suspended && !m_exercise.steps.contains(kSuspended)) {
        TrainingWrongTurn turn;
        turn.kind = Kind::UnexpectedSuspension;
        record(turn);
    }
}

QList<Action> TrainingSession::accepted(int index) const
{
    switch (screenOf(index)) {
    case Screen::CorporateStatus:
        return { Action::OpenUserRegistration };
    case Screen::UserInfoSelection:
        return { index + 1 < count() && screenOf(index + 1) == Screen::UsageModeConfirm ? Action::ChangeMode
                                                                                        : Action::StartRegistration };
    case Screen::UsageModeConfirm:
        return { Action::ConfirmUsageMode };
    case Screen::SharedRegistrationInput:
        return { Action::Next };
    case Screen::SharedRegistrationConfirm:
        return { Action::ConfirmRegistration };
    case Screen::IndividualRegistrationInput:
        return { Action::Next, Action::InputComplete };
    case Screen::IndividualRegistrationConfirm:
        return { Action::Add, Action::Remove, Action::ConfirmRegistration };
    case Screen::Suspended:
        return { Action::Unlock };
    }
    return {};
}

void TrainingSession::onTokenChecked(const QString& serial, const QString& otp, const Outcome& outcome)
{
    m_tokenRefusal.reset();
    m_tokenSerial = serial;
    if (outcome.error != ServiceError::WrongSerialOrOtp)
        return;
    // Told apart with the training store's virtual cards: a serial no card has, a code the card
    // showed before, or a code it never showed.
    const Store& store = m_flow.service().store();
    QString error;
    const auto cards = VirtualTokens::list(store, &error);
    const VirtualTokenInfo* card = nullptr;
    if (cards) {
        for (const VirtualTokenInfo& c : *cards) {
            if (c.serial == serial)
                card = &c;
        }
    }
    if (!card) {
        m_tokenRefusal = Kind::SerialTypo;
        return;
    }
    m_tokenRefusal = Kind::WrongCode;
    if (card->params.kind != OtpKind::Totp)
        return;
    const qint64 now = m_clock.nowSecs();
    for (int back = 1; back <= ExpiredLookBackSteps; ++back) {
        const auto shown = VirtualTokens::otp(store, serial, now - qint64(back) * card->params.period, 0, &error);
        if (shown && *shown == otp) {
            m_tokenRefusal = Kind::ExpiredCode;
            return;
        }
    }
}

void TrainingSession::onActed(Action action, const Outcome& outcome)
{
    if (!m_started || m_finished)
        return;
    if (action == Action::Next || action == Action::Remove || action == Action::Add)
        m_queued = int(m_flow.service().queue().size());
    TrainingWrongTurn turn;
    turn.action = action;
    turn.remainingAttempts = outcome.remainingAttempts;
    if (!outcome.ok()) {
        noteCounters();
        // Failures that are the store's or another desktop's, not the trainee's.
        switch (outcome.error) {
        case ServiceError::TryAgain:
        case ServiceError::StoreFailure:
        case ServiceError::Tampered:
        case ServiceError::CodeAlreadyUsed:
            return;
        default:
            break;
        }
        // An exercise that practises 利用中止 asks for these very mistakes.
        const bool practisingSuspension = m_current + 1 < count() && isMilestone(m_current + 1);
        if (practisingSuspension
            && (outcome.error == ServiceError::WrongSerialOrOtp || outcome.error == ServiceError::WrongPin
                || outcome.error == ServiceError::Suspended))
            return;
        switch (outcome.error) {
        case ServiceError::WrongSerialOrOtp:
            turn.kind = m_tokenRefusal.value_or(Kind::WrongCode);
            turn.detail = turn.kind == Kind::SerialTypo ? m_tokenSerial : QString();
            break;
        case ServiceError::WrongPin:
            turn.kind = Kind::WrongPin;
            break;
        case ServiceError::NoUserChosen:
            turn.kind = Kind::NoUserChosen;
            break;
        case ServiceError::Suspended:
            if (m_exercise.steps.contains(kSuspended))
                return;
            turn.kind = Kind::UnexpectedSuspension;
            break;
        default:
            turn.kind = Kind::InvalidInput;
            turn.detail = outcome.message;
            turn.field = outcome.field;
            break;
        }
        record(turn);
        return;
    }
    if (action == Action::Next && m_current + 1 < count() && isMilestone(m_current + 1)) {
        turn.kind = Kind::RightInsteadOfWrong;
        record(turn);
        return;
    }
    if (accepted(m_current).contains(action) || (action == Action::Unlock && m_exercise.steps.contains(kUnlock)))
        return;
    turn.kind = Kind::WrongButton;
    record(turn);
}

bool TrainingSession::goalMet(QString* detail) const
{
    const Exercise::Expectation& e = m_exercise.expect;
    const RegistrationService& service = m_flow.service();
    const auto corporation = service.corporation();
    if (!corporation)
        return false;
    if (e.usageMode != UsageMode::Unset && corporation->mode != e.usageMode)
        return false;
    if (!e.serial.isEmpty() && service.sharedSerial() != e.serial)
        return false;
    if (e.entries > 0 && m_queued < e.entries) {
        *detail = QString::number(m_queued);
        return false;
    }
    return true;
}

void TrainingSession::onCompleted()
{
    if (!m_started || m_finished)
        return;
    const bool last = m_current + 1 >= count();
    QString detail;
    if (m_exercise.expect.any() ? goalMet(&detail) : last) {
        for (int i = m_current; i < count(); ++i)
            m_result.steps[i].done = i == m_current || m_result.steps[i].done;
        finish(true);
        return;
    }
    TrainingWrongTurn turn;
    turn.kind = Kind::GoalNotMet;
    turn.action = m_flow.screen() == Screen::UsageModeConfirm ? Action::ConfirmUsageMode : Action::ConfirmRegistration;
    turn.detail = detail;
    record(turn);
}

void TrainingSession::onUnlocked()
{
    if (!m_started || m_finished)
        return;
    if (m_exercise.steps.value(m_current) == kUnlock)
        complete(m_current);
}

void TrainingSession::noteCounters()
{
    const auto read = m_flow.service().corporation();
    if (!read)
        return;
    const CorporationInfo& c = *read;
    m_result.otpFailuresReached = qMax(m_result.otpFailuresReached, c.otpFailures);
    m_result.pinFailuresReached = qMax(m_result.pinFailuresReached, c.pinFailures);
    m_result.suspended = m_result.suspended || c.suspended;
}

void TrainingSession::record(TrainingWrongTurn turn)
{
    turn.step = m_current;
    turn.stepId = m_exercise.steps.value(m_current);
    turn.atMSecs = elapsed();
    ++m_result.steps[m_current].wrongTurns;
    m_result.wrongTurns.append(turn);
    noteCounters();
    Q_EMIT wrongTurnTaken(turn);
}

std::optional<TrainingWrongTurn> TrainingSession::lastWrongTurn() const
{
    if (m_result.wrongTurns.isEmpty())
        return std::nullopt;
    return m_result.wrongTurns.last();
}

TrainingResult TrainingSession::result() const
{
    TrainingResult r = m_result;
    if (!m_finished) {
        const qint64 now = m_clock.nowMSecs();
        r.steps[m_current].msecs += now - m_stepStartMSecs;
        r.totalMSecs = now - m_startMSecs;
        r.exerciseTitle = m_exercise.title;
    }
    return r;
}

std::optional<ManualBox> TrainingSession::box(const QString& stepId, ManualBox::Kind kind)
{
    // Read in the language of the moment: a section's boxes (9.1) or a step's (9.2.2-3).
    for (const ManualSection& section : ManualSteps::sections()) {
        QList<ManualBox> boxes;
        if (stepId == section.id)
            boxes = section.boxes;
        for (const ManualStep& step : section.steps) {
            if (step.id == stepId)
                boxes = step.boxes;
        }
        for (const ManualBox& b : std::as_const(boxes)) {
            if (b.kind == kind)
                return b;
        }
    }
    return std::nullopt;
}

QString TrainingSession::actionName(Action action)
{
    switch (action) {
    case Action::OpenUserRegistration:
        return tr("[利用者情報登録/変更]リンク");
    case Action::GoToTop:
        return tr("「トップ」");
    case Action::ChangeMode:
        return tr("「変更」");
    case Action::StartRegistration:
        return tr("「利用登録」");
    case Action::Next:
        return tr("「次へ」");
    case Action::ConfirmUsageMode:
    case Action::ConfirmRegistration:
        return tr("「OK」");
    case Action::Add:
        return tr("「追加」");
    case Action::InputComplete:
        return tr("「入力完了」");
    case Action::Remove:
        return tr("「削除」");
    case Action::Cancel:
        return tr("「キャンセル」");
    case Action::Unlock:
        return tr("「利用中止状態を解除」");
    }
    return {};
}

QString TrainingSession::whatWasDone(const TrainingWrongTurn& turn)
{
    switch (turn.kind) {
    case Kind::WrongButton:
        return tr("%1 を押した").arg(actionName(turn.action));
    case Kind::SerialTypo:
        return tr("どのカードにもないシリアル番号 %1 を入力した").arg(turn.detail);
    case Kind::ExpiredCode:
        return tr("表示が切り替わったあとの古いワンタイムパスワードを入力した");
    case Kind::WrongCode:
        return tr("カードの表示と違うワンタイムパスワードを入力した");
    case Kind::WrongPin:
        return tr("誤った契約法人確認暗証番号を入力した");
    case Kind::InvalidInput:
        return tr("入力規則に合わない値で %1 を押した").arg(actionName(turn.action));
    case Kind::NoUserChosen:
        return tr("利用者を選ばずに「次へ」を押した");
    case Kind::GoalNotMet:
        return turn.detail.isEmpty() ? tr("練習の目標と違う内容で「OK」を押した")
                                     : tr("利用登録情報の一覧が %1 件のまま「OK」を押した").arg(turn.detail);
    case Kind::UnexpectedSuspension:
        return tr("誤入力が続き、利用中止状態になった");
    case Kind::RightInsteadOfWrong:
        return tr("正しいワンタイムパスワードを入力した（この練習では誤りを入力する）");
    }
    return {};
}

QString TrainingSession::explain(const TrainingWrongTurn& turn) const
{
    // One sentence: what happened, then the manual's own ⚠️ or メモ in 「」.
    const auto quote = [](const QString& stepId, ManualBox::Kind kind, int line) -> QString {
        const std::optional<ManualBox> b = box(stepId, kind);
        return b && line < b->lines.size() ? tr("%1「%2」").arg(b->title(), b->lines[line]) : QString();
    };
    const QString tokenStep = m_exercise.steps.value(turn.step).startsWith(QLatin1String("9.2.1"))
        ? QStringLiteral("9.2.1-3")
        : QStringLiteral("9.2.2-3");
    const QString remaining = turn.remainingAttempts > 0
        ? tr("（あと %1 回誤ると利用中止状態になります）").arg(turn.remainingAttempts)
        : QString();
    switch (turn.kind) {
    case Kind::SerialTypo:
        return tr("シリアル番号 %1 のカードはありません。カード裏面のシリアル番号を確かめてください%2 — %3")
            .arg(turn.detail, remaining, quote(tokenStep, ManualBox::Kind::Caution, 1));
    case Kind::ExpiredCode:
        return tr("入力したワンタイムパスワードは、カードの表示が切り替わる前のものです%1 — %2")
            .arg(remaining, quote(tokenStep, ManualBox::Kind::Caution, 0));
    case Kind::WrongCode:
        return tr("ワンタイムパスワードがカードの表示と違います%1 — %2")
            .arg(remaining, quote(tokenStep, ManualBox::Kind::Caution, 1));
    case Kind::WrongPin:
        return tr("契約法人確認暗証番号が違います%1 — 手順「%2」")
            .arg(remaining, ManualSteps::plain(sentence(turn.step)));
    case Kind::InvalidInput:
        // The rule's own message (the manual's words); for the code, the メモ on how to get one.
        if (turn.field == InputField::Otp)
            return tr("%1 — %2").arg(turn.detail, quote(tokenStep, ManualBox::Kind::Memo, 0));
        return turn.detail;
    case Kind::NoUserChosen:
        return tr("利用者が選ばれていません — 手順「%1」").arg(ManualSteps::plain(sentence(turn.step)));
    case Kind::UnexpectedSuspension:
        return tr("誤入力が続いたため、本システムは利用中止状態になりました — %1")
            .arg(quote(tokenStep, ManualBox::Kind::Caution, 1));
    case Kind::RightInsteadOfWrong:
        return tr(
            "正しいワンタイムパスワードで一覧に入りました。この練習では、わざと誤ったワンタイムパスワードを入力して"
            "利用中止状態にします — %1")
            .arg(quote(tokenStep, ManualBox::Kind::Caution, 1));
    case Kind::GoalNotMet: {
        const QString goal = m_exercise.goalIn(currentLanguageCode());
        if (turn.detail.isEmpty())
            return tr("OK は通りましたが、練習の目標「%1」とは違う内容です — %2")
                .arg(goal, quote(QStringLiteral("9.1"), ManualBox::Kind::Caution, 1));
        const ManualNote add = ManualSteps::step(QStringLiteral("9.2.2-4")).notes.value(0);
        return tr("利用登録情報の一覧が %1 件のまま OK を押しました。目標「%2」まで、%3「%4」")
            .arg(turn.detail, goal, add.lead, ManualSteps::plain(add.text));
    }
    case Kind::WrongButton:
        break;
    }
    switch (turn.action) {
    case Action::Cancel:
        return tr("「キャンセル」を押したので、入力した内容は登録されずに前の画面に戻りました。手順「%1」")
            .arg(ManualSteps::plain(sentence(turn.step)));
    case Action::ChangeMode:
        return tr("「変更」は利用形態の設定です。この練習では使いません — %1")
            .arg(quote(QStringLiteral("9.1"), ManualBox::Kind::Caution, 1));
    case Action::ConfirmUsageMode:
        return tr("利用形態を設定しました。この練習では使いません — %1")
            .arg(quote(QStringLiteral("9.1"), ManualBox::Kind::Caution, 1));
    default:
        return tr("%1 はこの手順の操作ではありません。手順「%2」")
            .arg(actionName(turn.action), ManualSteps::plain(sentence(turn.step)));
    }
}

} // namespace hardtoken
