#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace hardtoken {

// Bounds how long the desk waits for a PostgreSQL server that stopped answering. libpq's calls
// block until the server replies, and a server that is hung (SIGSTOP, a frozen VM) or a network
// path that silently drops packets never replies: statement_timeout is the server's own clock and
// TCP keepalives only notice a peer that is gone. While a statement runs, this watchdog is armed
// with the connection's socket; when the deadline passes it shuts the socket down, which makes the
// blocked call return at once with "server closed the connection" — the store then reports itself
// unreachable. One thread per store, started at the first arm().
class StatementWatchdog final {
public:
    StatementWatchdog() = default;
    ~StatementWatchdog();
    StatementWatchdog(const StatementWatchdog&) = delete;
    StatementWatchdog& operator=(const StatementWatchdog&) = delete;

    void arm(int socket, std::chrono::milliseconds timeout);
    void disarm();
    // Whether the last armed statement was cut off by the deadline (reset by arm()).
    bool fired() const;

private:
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    bool m_stop = false;
    bool m_armed = false;
    bool m_fired = false;
    int m_socket = -1;
    std::chrono::steady_clock::time_point m_deadline;
};

// Arms a watchdog (when given one) for the scope of one call to the server.
class WatchdogScope final {
public:
    WatchdogScope(StatementWatchdog* dog, int socket, std::chrono::milliseconds timeout)
        : m_dog(socket >= 0 ? dog : nullptr)
    {
        if (m_dog)
            m_dog->arm(socket, timeout);
    }
    ~WatchdogScope()
    {
        if (m_dog)
            m_dog->disarm();
    }
    WatchdogScope(const WatchdogScope&) = delete;
    WatchdogScope& operator=(const WatchdogScope&) = delete;

private:
    StatementWatchdog* m_dog;
};

} // namespace hardtoken
