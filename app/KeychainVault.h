#pragma once

#include "store/KeyVault.h"

namespace hardtoken {

// The OS keychain through QtKeychain: Windows Credential Manager, macOS Keychain, and the Secret
// Service (libsecret) on Linux. Each call waits for the keychain's answer (a few milliseconds; it
// gives up after `timeoutMs`), so that a store opens synchronously as before.
class KeychainVault final : public KeyVault {
public:
    explicit KeychainVault(int timeoutMs = 5000);
    QString name() const override;
    std::optional<QByteArray> read(const QString& id) override;
    bool write(const QString& id, const QByteArray& key) override;

private:
    int m_timeoutMs;
};

} // namespace hardtoken
