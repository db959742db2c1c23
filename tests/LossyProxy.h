#pragma once
// A PostgreSQL connection's path with a fault of its own: a proxy on a Unix socket of the test's
// (libpq's host=<dir>, the same port) that passes every byte both ways, until it is told to lose an
// answer. Then the next answer whose first row starts with the given value is read in full from the
// server — up to ReadyForQuery, so the statement's transaction is over and committed — and never
// reaches the desk: the proxy closes both ends instead, as a network that fails at that moment
// would. The desk sees its connection broken under a statement the server has already done.
#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace hardtoken::test {

class LossyProxy {
public:
    // `upstreamHost`: libpq's host of the real server (a socket folder, or a host name), `port` its port.
    LossyProxy(const QString& upstreamHost, int port)
        : m_upstreamHost(upstreamHost)
        , m_port(port)
    {
    }
    ~LossyProxy()
    {
        m_stop = true;
        if (m_acceptor.joinable())
            m_acceptor.join();
        std::vector<std::thread> connections;
        {
            std::lock_guard lock(m_mutex);
            connections.swap(m_connections);
        }
        for (std::thread& t : connections)
            t.join();
        if (m_listener >= 0)
            ::close(m_listener);
    }
    Q_DISABLE_COPY_MOVE(LossyProxy)

    bool start()
    {
        if (!m_dir.isValid())
            return false;
        const QByteArray path = socketPath(m_dir.path(), m_port);
        m_listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        if (m_listener < 0 || path.size() >= int(sizeof address.sun_path))
            return false;
        memcpy(address.sun_path, path.constData(), path.size());
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
            || ::listen(m_listener, 16) != 0)
            return false;
        m_acceptor = std::thread([this] { acceptLoop(); });
        return true;
    }
    // libpq's host for the desk: the proxy's socket folder.
    QString host() const { return m_dir.path(); }
    // The next answer whose first row's first value is `firstValue` is lost.
    void loseAnswer(const QByteArray& firstValue)
    {
        std::lock_guard lock(m_mutex);
        m_armed = firstValue;
    }
    int lost() const { return m_lost; }

private:
    static QByteArray socketPath(const QString& dir, int port)
    {
        return (dir + QStringLiteral("/.s.PGSQL.%1").arg(port)).toLocal8Bit();
    }

    int connectUpstream() const
    {
        if (m_upstreamHost.startsWith(QLatin1Char('/'))) {
            const QByteArray path = socketPath(m_upstreamHost, m_port);
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un address {};
            address.sun_family = AF_UNIX;
            memcpy(address.sun_path, path.constData(), qMin<qsizetype>(path.size(), sizeof address.sun_path - 1));
            if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
                return fd;
            if (fd >= 0)
                ::close(fd);
            return -1;
        }
        addrinfo hints {};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (::getaddrinfo(
                m_upstreamHost.toLocal8Bit().constData(), QByteArray::number(m_port).constData(), &hints, &found)
            != 0)
            return -1;
        int fd = -1;
        for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
            fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (fd >= 0 && ::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
                ::close(fd);
                fd = -1;
            }
        }
        ::freeaddrinfo(found);
        return fd;
    }

    void acceptLoop()
    {
        while (!m_stop) {
            pollfd p { m_listener, POLLIN, 0 };
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0)
                continue;
            const int server = connectUpstream();
            if (server < 0) {
                ::close(client);
                continue;
            }
            std::lock_guard lock(m_mutex);
            m_connections.emplace_back([this, client, server] { pump(client, server); });
        }
    }

    static bool sendAll(int fd, const char* data, qsizetype size)
    {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= n;
        }
        return true;
    }

    // The server's messages held back while armed: complete ones are looked at (a DataRow's first
    // value; ReadyForQuery ends the answer). True when `held` ends an answer to lose.
    bool answerToLose(const QByteArray& held, const QByteArray& value, bool* complete) const
    {
        bool lose = false;
        qsizetype at = 0;
        *complete = false;
        while (held.size() - at >= 5) {
            const char type = held.at(at);
            const quint32 length = (quint32(quint8(held.at(at + 1))) << 24) | (quint32(quint8(held.at(at + 2))) << 16)
                | (quint32(quint8(held.at(at + 3))) << 8) | quint32(quint8(held.at(at + 4)));
            if (held.size() - at < 1 + qsizetype(length))
                break;
            if (type == 'D' && length >= 10) {
                const qint32 first
                    = qint32((quint32(quint8(held.at(at + 7))) << 24) | (quint32(quint8(held.at(at + 8))) << 16)
                        | (quint32(quint8(held.at(at + 9))) << 8) | quint32(quint8(held.at(at + 10))));
                if (first >= 0 && held.mid(at + 11, first) == value)
                    lose = true;
            }
            at += 1 + length;
            if (type == 'Z') {
                *complete = true;
                break;
            }
        }
        return lose;
    }

    void pump(int client, int server)
    {
        QByteArray held;
        char buffer[16384];
        while (!m_stop) {
            pollfd p[2] = { { client, POLLIN, 0 }, { server, POLLIN, 0 } };
            if (::poll(p, 2, 50) <= 0)
                continue;
            if (p[0].revents) {
                const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
                if (n <= 0 || !sendAll(server, buffer, n))
                    break;
            }
            if (p[1].revents) {
                const ssize_t n = ::recv(server, buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                QByteArray armed;
                {
                    std::lock_guard lock(m_mutex);
                    armed = m_armed;
                }
                if (armed.isEmpty()) {
                    if (!sendAll(client, buffer, n))
                        break;
                    continue;
                }
                held.append(buffer, n);
                bool complete = false;
                if (answerToLose(held, armed, &complete)) {
                    if (complete) {
                        std::lock_guard lock(m_mutex);
                        m_armed.clear();
                        ++m_lost;
                        break; // both ends closed: the answer is gone
                    }
                    continue;
                }
                if (complete) {
                    if (!sendAll(client, held.constData(), held.size()))
                        break;
                    held.clear();
                }
            }
        }
        ::close(client);
        ::close(server);
    }

    QString m_upstreamHost;
    int m_port;
    QTemporaryDir m_dir;
    int m_listener = -1;
    std::atomic_bool m_stop { false };
    std::atomic_int m_lost { 0 };
    std::mutex m_mutex;
    QByteArray m_armed;
    std::thread m_acceptor;
    std::vector<std::thread> m_connections;
};

} // namespace hardtoken::test
