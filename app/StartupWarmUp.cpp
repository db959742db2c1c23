#include "StartupWarmUp.h"

#include "core/Crypto.h"

#include <QFontDatabase>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace hardtoken {

namespace {

// Qt's SQLite plugin (and libsqlite3) loaded, and SQLite initialised by a first statement on a
// database in memory: the store's open then finds the driver loaded and SQLite's functions bound.
void readySqlite()
{
    const QString name = QStringLiteral("hardtoken-warm-up");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open())
            QSqlQuery(QStringLiteral("SELECT 1"), db).next();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

StartupWarmUp::StartupWarmUp()
    : m_cryptoThenSqlite([this] {
        // OpenSSL needs no application: it starts while QApplication is being made.
        crypto::warmUp();
        m_application.wait();
        if (m_ready)
            readySqlite();
    })
{
}

StartupWarmUp::~StartupWarmUp()
{
    if (!m_ready)
        m_application.count_down();
    join();
}

StartupWarmUp::Guard StartupWarmUp::applicationReady()
{
    // fontconfig's configuration and caches (~6 ms on Linux), read for Qt's font database, which is
    // thread-safe: the first text laid out on the main thread finds them read.
    m_fonts = std::jthread([] { QFontDatabase::families(); });
    m_ready = true;
    m_application.count_down();
    return Guard(*this);
}

void StartupWarmUp::join()
{
    for (std::jthread* thread : { &m_cryptoThenSqlite, &m_fonts }) {
        if (thread->joinable())
            thread->join();
    }
}

} // namespace hardtoken
