#include "store/StatementWatchdog.h"

#if defined(_WIN32)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace hardtoken {

StatementWatchdog::~StatementWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void StatementWatchdog::arm(int socket, std::chrono::milliseconds timeout)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        m_socket = socket;
        m_deadline = std::chrono::steady_clock::now() + timeout;
        m_armed = true;
        m_fired = false;
    }
    m_wake.notify_all();
}

void StatementWatchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
}

bool StatementWatchdog::fired() const
{
    std::lock_guard lock(m_mutex);
    return m_fired;
}

void StatementWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (!m_armed) {
            m_wake.wait(lock);
            continue;
        }
        const auto deadline = m_deadline;
        if (m_wake.wait_until(lock, deadline) != std::cv_status::timeout)
            continue; // disarmed, re-armed or stopping: look again
        if (m_armed && m_deadline == deadline) {
            // The call is still blocked past its deadline: cut the connection under it. The socket
            // stays open (libpq closes it), so its number cannot be reused meanwhile.
#if defined(_WIN32)
            ::shutdown(static_cast<SOCKET>(m_socket), SD_BOTH);
#else
            ::shutdown(m_socket, SHUT_RDWR);
#endif
            m_fired = true;
            m_armed = false;
        }
    }
}

} // namespace hardtoken
