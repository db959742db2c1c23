#pragma once

#include <atomic>
#include <latch>
#include <thread>

namespace hardtoken {

// What the first screen needs and another core can ready while main() builds the window: OpenSSL,
// Qt's SQLite driver with SQLite itself, and the font database. Nothing here is required — each is
// what the first use would do anyway, done earlier and elsewhere (~7 ms of a 35 ms start on Linux).
//
//   StartupWarmUp warmUp;          // before QApplication: OpenSSL starts at once
//   QApplication app(argc, argv);
//   warmUp.applicationReady();     // the driver and the fonts need the application
//
// The threads are joined by applicationReady()'s guard: declared after the QApplication, it is
// destroyed (and waits for them) before the application is.
class StartupWarmUp final {
public:
    StartupWarmUp();

    class Guard final {
    public:
        explicit Guard(StartupWarmUp& warmUp)
            : m_warmUp(warmUp)
        {
        }
        ~Guard() { m_warmUp.join(); }
        Guard(const Guard&) = delete;
        Guard& operator=(const Guard&) = delete;

    private:
        StartupWarmUp& m_warmUp;
    };

    [[nodiscard]] Guard applicationReady();
    // Never made ready (main() returned before its QApplication): OpenSSL's thread ends without
    // the driver.
    ~StartupWarmUp();
    StartupWarmUp(const StartupWarmUp&) = delete;
    StartupWarmUp& operator=(const StartupWarmUp&) = delete;

private:
    void join();

    std::atomic<bool> m_ready { false };
    std::latch m_application { 1 };
    std::jthread m_cryptoThenSqlite;
    std::jthread m_fonts;
};

} // namespace hardtoken
