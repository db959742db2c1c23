#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hardtoken {

// Where the data key is kept besides its file: the OS keychain (app/KeychainVault.h: Windows
// Credential Manager, macOS Keychain, the Secret Service on Linux) or, in tests, memory. The
// model knows only this interface, so it needs neither D-Bus nor a platform API.
class KeyVault {
public:
    virtual ~KeyVault() = default;
    virtual QString name() const = 0;
    // nullopt when the entry is missing or no keychain answered.
    virtual std::optional<QByteArray> read(const QString& id) = 0;
    virtual bool write(const QString& id, const QByteArray& key) = 0;
};

} // namespace hardtoken
