#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QPushButton;

namespace hardtoken {

class Clock;
class MessageBanner;
class StoreLink;

// Above every screen while the store cannot be reached: 「データベースに接続できません。再接続して
// います…」 with the last successful contact and that what the screen shows dates from then, and a
// 今すぐ再接続 button. It is an AlertMessage (announced when it appears and when the store is
// back); `staleTarget` (the page stack) carries the property stale="true" meanwhile, which the
// style sheet draws as not current. The screens keep what they show and what was typed; acts that
// need the store are refused by the service with the same words.
class ConnectionBanner final : public QWidget {
    Q_OBJECT
public:
    ConnectionBanner(StoreLink& link, const Clock& clock, QWidget* staleTarget, QWidget* parent = nullptr);

    QString message() const;
    void retranslate();

private:
    void reachableChanged(bool reachable);
    void say(bool reachable);
    void markStale(bool stale);

    StoreLink& m_link;
    const Clock& m_clock;
    QPointer<QWidget> m_staleTarget;
    MessageBanner* m_message = nullptr;
    QPushButton* m_retry = nullptr;
    QTimer m_hide;
    bool m_back = false;
};

} // namespace hardtoken
