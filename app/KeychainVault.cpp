#include "KeychainVault.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace hardtoken {

namespace {
Q_LOGGING_CATEGORY(lcKeychain, "hardtoken.keychain")
const QString kService = QStringLiteral("hardtoken-console");

// Runs a QtKeychain job to its end (or the timeout) and says whether it succeeded.
bool finish(QKeychain::Job& job, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    job.start();
    if (!done)
        loop.exec();
    if (!done) {
        qCWarning(lcKeychain) << "the keychain did not answer in" << timeoutMs << "ms";
        return false;
    }
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        qCInfo(lcKeychain) << "keychain:" << job.errorString();
    return job.error() == QKeychain::NoError;
}
} // namespace

KeychainVault::KeychainVault(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
}

QString KeychainVault::name() const
{
#if defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#else
    return QStringLiteral("Secret Service");
#endif
}

std::optional<QByteArray> KeychainVault::read(const QString& id)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(id);
    if (!finish(job, m_timeoutMs))
        return std::nullopt;
    return job.binaryData();
}

bool KeychainVault::write(const QString& id, const QByteArray& key)
{
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(id);
    job.setBinaryData(key);
    return finish(job, m_timeoutMs);
}

} // namespace hardtoken
