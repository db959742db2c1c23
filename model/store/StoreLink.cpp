#include "store/StoreLink.h"

#include "store/Store.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

#include "store/LibPq.h"

namespace hardtoken {

namespace {
Q_LOGGING_CATEGORY(lcLink, "hardtoken.storelink")

// Whether the server named by `conninfo` answers a query now (libpq's connect_timeout bounds it).
bool serverAnswers(const QByteArray& conninfo)
{
    PGconn* conn = libpq::connectdb(conninfo.constData());
    bool ok = libpq::status(conn) == CONNECTION_OK;
    if (ok) {
        PGresult* r = libpq::exec(conn, "SELECT 1");
        ok = libpq::resultStatus(r) == PGRES_TUPLES_OK;
        libpq::clear(r);
    }
    libpq::finish(conn);
    return ok;
}
} // namespace

StoreLink::StoreLink(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_self(std::make_shared<QPointer<StoreLink>>(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StoreLink::attempt);
    m_store.setReachabilityListener([this](bool reachable) { storeReachabilityChanged(reachable); });
}

StoreLink::~StoreLink()
{
    *m_self = nullptr;
    m_store.setReachabilityListener({});
}

bool StoreLink::isReachable() const
{
    return m_store.isReachable();
}

qint64 StoreLink::lastContactMSecs() const
{
    return m_store.lastContactMSecs();
}

void StoreLink::setBackoff(int firstMs, int maxMs)
{
    m_firstDelayMs = firstMs;
    m_maxDelayMs = maxMs;
    m_delayMs = firstMs;
}

void StoreLink::retryNow()
{
    if (m_store.isReachable() || m_probing)
        return;
    m_timer.stop();
    attempt();
}

void StoreLink::storeReachabilityChanged(bool reachable)
{
    Q_EMIT reachableChanged(reachable);
    if (reachable) {
        m_timer.stop();
        m_attempts = 0;
        m_delayMs = m_firstDelayMs;
        // Also when a statement reconnected by itself. Told after the call that found the store
        // back has returned, never in the middle of it.
        QMetaObject::invokeMethod(this, &StoreLink::reconnected, Qt::QueuedConnection);
        return;
    }
    schedule();
}

void StoreLink::schedule()
{
    if (m_timer.isActive() || m_probing)
        return;
    m_timer.start(m_delayMs);
    m_delayMs = qMin(m_delayMs * 2, m_maxDelayMs);
}

void StoreLink::attempt()
{
    if (m_store.isReachable())
        return;
    ++m_attempts;
    if (!m_store.isPostgres()) {
        probeAnswered(true);
        return;
    }
    m_probing = true;
    const QByteArray conninfo = m_store.postgresConnection().toUtf8();
    const std::shared_ptr<QPointer<StoreLink>> self = m_self;
    QThread* probe = QThread::create([conninfo, self] {
        const bool answered = serverAnswers(conninfo);
        // Back on the link's thread; nobody is told when the link is gone.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, answered] {
                if (StoreLink* link = *self)
                    link->probeAnswered(answered);
            },
            Qt::QueuedConnection);
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

void StoreLink::probeAnswered(bool answered)
{
    m_probing = false;
    if (m_store.isReachable())
        return;
    // A SQLite file must be there and take a write (a disk that filled, a file system that went
    // read-only); a PostgreSQL server answered the probe. Then the store opens its connection
    // again, which announces it through the listener.
    const bool ready = answered && (m_store.isPostgres() || m_store.probeWrite());
    if (ready && m_store.reconnect()) {
        qCInfo(lcLink) << "store reachable again after" << m_attempts << "tries";
        return;
    }
    schedule();
}

} // namespace hardtoken
