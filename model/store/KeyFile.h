#pragma once

#include <QCoreApplication>
#include <QString>

namespace hardtoken {

class AuditLog;
class Database;

// The data key that seals token secrets and keys every MAC (audit chain, record state, training
// mark). It lives outside the database: in the OS keychain when the store has a KeyVault (read
// first; a key found only in the file is put there), and base64 in a file with owner-only
// permissions, the fallback where no keychain answers and the backup to keep offline; the store
// holds a sealed check value ("key_check" in meta) so that a wrong key is told apart from a
// missing one, and neither is ever replaced by a new key for an existing store.
class KeyFile final {
    Q_DECLARE_TR_FUNCTIONS(KeyFile)
public:
    // Loads the key for `store` (creating it only for a fresh store when the file is missing) and
    // checks it against the store. On failure the store's error says why; nothing was written.
    static bool open(Database& store, const QString& path, bool freshStore);

    // hardtoken-cli rotate-key: a new data key; every token secret sealed again and every MAC
    // (records, training mark, audit chain and head, key check) computed again with it, in ONE
    // transaction. Refused when any record or the audit chain fails verification (it would seal
    // what was tampered with). The new key is written to "<path>.new" before the commit and moved
    // to `path` after it (the old one kept as "<path>.old" for restoring old backups); a console
    // that finds the store sealed with "<path>.new" adopts it, so a crash in between loses nothing.
    // Every other console on the store must be closed. Audited as `actor` in `log`, the store's.
    static bool rotate(Database& store, AuditLog& log, const QString& path, const QString& actor, int* tokens);
    // The store's entry in the keychain ("data-key/<store.id>"); empty before the store has an id.
    static QString vaultId(const Database& store);
};

} // namespace hardtoken
