#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace hardtoken {

class Store;

// Keeps a desk's store connected: when the store finds itself unreachable (a server restarted or
// failed over, an idle session closed, a disk that filled), the link tries again with backoff
// (0.25 s, doubling to 8 s) and, once the store answers, opens it again and says so
// (reconnected(): the service then resolves what it left open and the screens read again).
//
// The GUI thread never waits for a server that is away: on PostgreSQL each try is a probe on a
// connection of its own in a worker thread (libpq, bounded by connect_timeout), and only a server
// that answered is reconnected to. A SQLite store is probed where it is (a local file answers at
// once): it must be there and take a write.
class StoreLink final : public QObject {
    Q_OBJECT
public:
    explicit StoreLink(Store& store, QObject* parent = nullptr);
    ~StoreLink() override;

    bool isReachable() const;
    // When a statement last succeeded (the store's clock), 0 before the first.
    qint64 lastContactMSecs() const;
    // Tries made since the store was lost (0 while it is reachable).
    int attempts() const { return m_attempts; }
    // The backoff's first and largest delay (tests shorten them).
    void setBackoff(int firstMs, int maxMs);
    // Tries at once (a person pressing 再接続), without waiting for the backoff.
    void retryNow();

Q_SIGNALS:
    void reachableChanged(bool reachable);
    // The store is back (after reachableChanged(true), once the call that found it has returned).
    void reconnected();

private:
    void storeReachabilityChanged(bool reachable);
    void schedule();
    void attempt();
    void probeAnswered(bool answered);

    Store& m_store;
    QTimer m_timer;
    int m_firstDelayMs = 250;
    int m_maxDelayMs = 8000;
    int m_delayMs = 250;
    int m_attempts = 0;
    bool m_probing = false;
    // Shared with the probe thread, which may outlive this object (it then answers no one).
    std::shared_ptr<QPointer<StoreLink>> m_self;
};

} // namespace hardtoken
