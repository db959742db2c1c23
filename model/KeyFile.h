#pragma once

#include <QCoreApplication>
#include <QString>

namespace hardtoken {

class Store;

// The data key that seals token secrets and keys every MAC (audit chain, record state, training
// mark). It lives outside the database, base64 in a file with owner-only permissions; the store
// holds a sealed check value ("key_check" in meta) so that a wrong key is told apart from a
// missing one, and neither is ever replaced by a new key for an existing store.
class KeyFile final {
    Q_DECLARE_TR_FUNCTIONS(KeyFile)
public:
    // Loads the key for `store` (creating it only for a fresh store when the file is missing) and
    // checks it against the store. On failure the store's error says why; nothing was written.
    static bool open(Store& store, const QString& path, bool freshStore);
};

} // namespace hardtoken
