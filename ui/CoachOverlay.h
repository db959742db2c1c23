#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

namespace hardtoken {

// The guided training's coach marks: the manual's red frames (the screenshot tour's, live) drawn
// over the controls the current step says to use. A transparent layer over the whole window that
// takes no mouse, key or focus, follows its targets as they move, resize, scroll or hide, and is
// kept off the accessibility tree (the coach panel says every mark in a sentence instead).
class CoachOverlay final : public QWidget {
    Q_OBJECT
public:
    explicit CoachOverlay(QWidget* window);

    // The widgets to frame (empty: none). Hidden ones are skipped until they show.
    void setTargets(const QList<QWidget*>& targets);
    QList<QWidget*> targets() const;
    // Where each shown mark is drawn, in the overlay's (= the window's) coordinates, for tests.
    QList<QRectF> markRects() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void watch(QWidget* target);
    void follow();
    // The part of the window a target can be seen in: its scroll area's viewport, else the window.
    QRect visibleArea(QWidget* target) const;

    QList<QPointer<QWidget>> m_targets;
    QList<QPointer<QObject>> m_watched;
};

} // namespace hardtoken
