#include "CoachPanel.h"

#include "Accessibility.h"
#include "CoachOverlay.h"
#include "training/TrainingReport.h"
#include "training/TrainingResultTable.h"
#include "ui_CoachPanel.h"

#include <QAccessible>
#include <QEvent>
#include <QScrollArea>

namespace hardtoken {

CoachPanel::CoachPanel(CoachOverlay* overlay, std::function<QWidget*()> page, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CoachPanel>())
    , m_overlay(overlay)
    , m_page(std::move(page))
{
    installAccessibleInterfaces();
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("coachPanel"));
    m_ui->hintLabel->hide();
    m_ui->wayBackLabel->hide();
    m_ui->doneBox->hide();
    connect(m_ui->hintButton, &QPushButton::clicked, this, [this] {
        if (!m_session)
            return;
        m_hintShown = true;
        m_ui->hintLabel->setText(m_session->takeHint());
        m_ui->hintLabel->show();
        announceAlert(m_ui->hintLabel);
    });
    connect(m_ui->demoButton, &QPushButton::clicked, this, &CoachPanel::demonstrationRequested);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &CoachPanel::stopRequested);
    connect(m_ui->certificateButton, &QPushButton::clicked, this, &CoachPanel::certificateRequested);
    connect(m_ui->csvButton, &QPushButton::clicked, this, &CoachPanel::csvRequested);
    connect(m_ui->againButton, &QPushButton::clicked, this, &CoachPanel::anotherRequested);
}

CoachPanel::~CoachPanel() = default;

void CoachPanel::setSession(TrainingSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_turn.reset();
    m_finished.reset();
    m_hintShown = false;
    m_announcedStep = -1;
    m_ui->turnBanner->clearMessage();
    m_ui->hintLabel->hide();
    m_ui->doneBox->hide();
    if (m_session) {
        connect(m_session, &TrainingSession::stepChanged, this, [this] {
            m_hintShown = false;
            m_ui->hintLabel->hide();
            refresh();
        });
        connect(m_session, &TrainingSession::wrongTurnTaken, this, &CoachPanel::showWrongTurn);
    }
    refresh();
}

QList<QWidget*> CoachPanel::targets() const
{
    QList<QWidget*> out;
    QWidget* page = m_page ? m_page() : nullptr;
    if (!m_session || !page || m_session->offTrack())
        return out;
    for (const QString& name : m_session->highlights()) {
        if (auto* w = page->findChild<QWidget*>(name); w && w->isVisibleTo(page))
            out.append(w);
    }
    return out;
}

QString CoachPanel::markSentence() const
{
    QStringList parts;
    for (QWidget* w : targets()) {
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name) : w->objectName();
        switch (a ? a->role() : QAccessible::NoRole) {
        case QAccessible::PushButton:
            parts.append(tr("「%1」ボタン").arg(name));
            break;
        case QAccessible::Link:
            parts.append(tr("「%1」リンク").arg(name));
            break;
        case QAccessible::RadioButton:
            parts.append(tr("「%1」の選択肢").arg(name));
            break;
        case QAccessible::Table:
            parts.append(tr("「%1」の表").arg(name));
            break;
        default:
            parts.append(tr("「%1」の入力欄").arg(name));
            break;
        }
    }
    if (parts.isEmpty())
        return {};
    return tr("画面の赤い枠：%1").arg(parts.join(tr("、")));
}

void CoachPanel::refresh()
{
    const bool active = m_session && !m_session->isFinished();
    for (QWidget* w : { static_cast<QWidget*>(m_ui->hintButton), static_cast<QWidget*>(m_ui->demoButton),
             static_cast<QWidget*>(m_ui->stopButton) })
        w->setVisible(!m_session || active);
    m_ui->hintButton->setEnabled(active);
    m_ui->demoButton->setEnabled(active && !m_session->offTrack());
    m_ui->stopButton->setEnabled(active);
    if (!m_session) {
        m_overlay->setTargets({});
        return;
    }
    const Exercise& e = m_session->exercise();
    const QString language = currentLanguageCode();
    m_ui->exerciseTitle->setText(e.titleIn(language));
    m_ui->goalLabel->setText(tr("目標：%1").arg(e.goalIn(language)));
    if (m_session->isFinished()) {
        m_ui->progressLabel->setText(tr("全 %1 手順").arg(m_session->count()));
        m_ui->stepLabel->clear();
        m_ui->markLabel->hide();
        m_ui->wayBackLabel->hide();
        m_overlay->setTargets({});
        return;
    }
    const int step = m_session->current();
    m_ui->progressLabel->setText(tr("手順 %1 / %2").arg(step + 1).arg(m_session->count()));
    m_ui->stepLabel->setText(ManualSteps::toHtml(m_session->sentence(step)));
    m_ui->stepLabel->setAccessibleName(ManualSteps::plain(m_session->sentence(step)));
    const QList<QWidget*> shown = targets();
    m_overlay->setTargets(shown);
    // A new step or a new screen: its first control is scrolled into view (the trainee's own
    // scrolling is left alone otherwise).
    QWidget* page = m_page ? m_page() : nullptr;
    if (!shown.isEmpty() && (step != m_scrolledStep || page != m_scrolledPage)) {
        m_scrolledStep = step;
        m_scrolledPage = page;
        for (QWidget* w = shown.first()->parentWidget(); w; w = w->parentWidget()) {
            if (auto* area = qobject_cast<QScrollArea*>(w)) {
                area->ensureWidgetVisible(shown.first(), 16, 48);
                break;
            }
        }
    }
    const QString marks = markSentence();
    m_ui->markLabel->setText(marks);
    m_ui->markLabel->setVisible(!marks.isEmpty());
    const QString back = m_session->wayBack();
    m_ui->wayBackLabel->setText(back);
    m_ui->wayBackLabel->setVisible(!back.isEmpty());
    if (m_announcedStep != step) {
        m_announcedStep = step;
        announceAlert(m_ui->stepLabel);
    }
}

void CoachPanel::showWrongTurn(const TrainingWrongTurn& turn)
{
    m_turn = turn;
    m_ui->turnBanner->showMessage(m_session ? m_session->explain(turn) : QString(), MessageBanner::Kind::Error);
    refresh();
}

void CoachPanel::showFinished(const TrainingResult& result, bool saved, const QString& error)
{
    m_finished = result;
    m_saved = saved;
    m_saveError = error;
    m_turn.reset();
    m_hintShown = false;
    m_ui->turnBanner->clearMessage();
    m_ui->hintLabel->hide();
    retranslate();
    m_ui->doneBox->show();
    m_ui->certificateButton->setEnabled(saved);
    m_ui->csvButton->setEnabled(saved);
    refresh();
    announceAlert(m_ui->summaryLabel);
}

void CoachPanel::setDemonstrating(bool on)
{
    m_ui->hintButton->setEnabled(!on);
    m_ui->demoButton->setEnabled(!on);
    m_ui->demoButton->setText(on ? tr("見本を再生中…（Esc で止めます）") : tr("見本(&D)"));
    if (!on)
        refresh();
}

void CoachPanel::retranslate()
{
    if (m_finished) {
        const TrainingResult& r = *m_finished;
        m_ui->doneTitle->setText(r.completed ? tr("練習を完了しました") : tr("練習を中断しました"));
        m_ui->summaryLabel->setText(
            tr("所要時間 %1、ヒント %2 回、見本 %3 回、誤操作 %4 回、達した誤入力回数 %5（暗証番号 %6）。%7")
                .arg(TrainingReport::duration(r.totalMSecs))
                .arg(r.hints())
                .arg(r.demonstrations())
                .arg(r.wrongTurns.size())
                .arg(r.otpFailuresReached)
                .arg(r.pinFailuresReached)
                .arg(m_saved ? tr("結果は「%1」さんの記録として保存しました。").arg(r.trainee)
                             : tr("結果を保存できませんでした: %1").arg(m_saveError)));
        m_ui->summaryLabel->setAccessibleName(m_ui->doneTitle->text() + QLatin1Char(' ') + m_ui->summaryLabel->text());
        // Each step's time, hints and demonstrations, then each wrong turn with what was done.
        QStringList lines;
        for (const TrainingStepRecord& s : r.steps) {
            lines << tr("%1　%2（ヒント %3、見本 %4、誤操作 %5）")
                         .arg(TrainingReport::stepName(s.stepId), TrainingReport::duration(s.msecs))
                         .arg(s.hints)
                         .arg(s.demonstrations)
                         .arg(s.wrongTurns);
        }
        for (const TrainingWrongTurn& t : r.wrongTurns)
            lines << tr("・%1（%2）").arg(TrainingSession::whatWasDone(t), TrainingReport::stepName(t.stepId));
        m_ui->stepsLabel->setText(lines.join(QLatin1Char('\n')));
    }
    if (m_turn && m_session)
        m_ui->turnBanner->showMessage(m_session->explain(*m_turn), MessageBanner::Kind::Error);
    if (m_hintShown && m_session) {
        // The hint said again in the new language, without counting another.
        m_ui->hintLabel->setText(m_session->hintText());
    }
}

void CoachPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        m_announcedStep = m_session ? m_session->current() : -1; // said again, not announced again
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace hardtoken
