#pragma once

#include "training/TrainingSession.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class CoachPanel;
}

namespace hardtoken {

class CoachOverlay;

// The guided training's coach (in a dock beside the screens): the exercise's goal, the current
// step's sentence from the manual, the coach marks said as a sentence, the way back when the
// trainee is off the track, the last wrong turn explained with the manual's ⚠️/メモ, and ヒント,
// 見本, 練習をやめる. At the end, the summary and the reports. Its texts are announced to screen
// readers as they change (the step, the wrong turn); the marks it frames on the screen are drawn
// by a CoachOverlay it drives.
class CoachPanel final : public QWidget {
    Q_OBJECT
public:
    // `page`: the screen shown now, where the step's controls are looked up by objectName.
    CoachPanel(CoachOverlay* overlay, std::function<QWidget*()> page, QWidget* parent = nullptr);
    ~CoachPanel() override;

    // Follows `session` (not owned; nullptr: no exercise).
    void setSession(TrainingSession* session);
    TrainingSession* session() const { return m_session; }
    // Reads the session and the screen again: the step, the marks, the way back.
    void refresh();
    // The exercise is over: the summary, and whether the result was saved (`error`: why not).
    void showFinished(const TrainingResult& result, bool saved, const QString& error);
    // The coach marks as the panel says them: 「画面の赤い枠：「次へ」ボタン」.
    QString markSentence() const;
    void setDemonstrating(bool on);

Q_SIGNALS:
    void demonstrationRequested();
    void stopRequested();
    void certificateRequested();
    void csvRequested();
    void anotherRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showWrongTurn(const TrainingWrongTurn& turn);
    void retranslate();
    QList<QWidget*> targets() const;

    std::unique_ptr<Ui::CoachPanel> m_ui;
    CoachOverlay* m_overlay = nullptr;
    std::function<QWidget*()> m_page;
    QPointer<TrainingSession> m_session;
    std::optional<TrainingWrongTurn> m_turn;
    bool m_hintShown = false;
    std::optional<TrainingResult> m_finished;
    bool m_saved = false;
    QString m_saveError;
    int m_announcedStep = -1;
    int m_scrolledStep = -1;
    QPointer<QWidget> m_scrolledPage;
};

} // namespace hardtoken
