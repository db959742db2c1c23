#pragma once

#include <QtGlobal>

#include <atomic>

namespace hardtoken {

// Time source for everything that depends on "now": OTP verification, audit stamps, the virtual
// card's display. Injected so that tests, the screenshot tour and training runs can fix it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMSecs() const = 0;
    qint64 nowSecs() const { return nowMSecs() / 1000; }
};

class SystemClock final : public Clock {
public:
    qint64 nowMSecs() const override;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(qint64 msecs = 0)
        : m_msecs(msecs)
    {
    }
    qint64 nowMSecs() const override { return m_msecs.load(); }
    void setMSecs(qint64 msecs) { m_msecs.store(msecs); }
    void setSecs(qint64 secs) { m_msecs.store(secs * 1000); }
    void advanceSecs(qint64 secs) { m_msecs.fetch_add(secs * 1000); }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace hardtoken
