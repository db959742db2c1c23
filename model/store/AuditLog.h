#pragma once

#include "store/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace hardtoken {

struct AuditEntry {
    qint64 id = 0;
    QString at;
    QString actor;
    QString action;
    qint64 corporationId = 0;
    QString details;
};

struct AuditVerification {
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadId = -1; // the first entry that fails, or where entries are missing
    QString problem; // in words, for the help desk
};

// What an auditor narrows the log to. Empty fields do not filter; dates are days in the desk's
// time zone, both included.
struct AuditFilter {
    QString corporationCode; // exact
    QString user; // part of a user's name or 利用者ID in the details
    QString serial; // a token's serial in the details
    QString action; // exact ("corporation.unlocked") or a prefix ending in '.' ("token.")
    QString actor; // exact ("staff:admin", "cli") or a staff login ("admin")
    QDate from;
    QDate to;
};

struct AuditRow {
    AuditEntry entry;
    QString corporationCode;
    QString corporationName;
};

// The audit log: an append-only chain in which each entry's MAC covers the previous entry's MAC,
// anchored by a MAC'd head (the last id and MAC) kept in meta and written in the same transaction,
// so that an edited, removed, reordered or truncated log — even an emptied one — is detected.
// Fields are bounded in size (a login of 120 kB is kept as its first characters and a mark).
class AuditLog final : public TransactionHooks {
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    static constexpr int MaxActor = 64;
    static constexpr int MaxAction = 64;
    static constexpr int MaxDetails = 1024;

    explicit AuditLog(Database& store);

    // Inside Database::transaction().
    bool append(const QString& actor, const QString& action, qint64 corporationId, const QString& details);
    // Several entries at once (one statement per hundred), chained in order: a commit of a long
    // list audits every registration without a statement each.
    bool appendMany(const QList<AuditEntry>& entries);
    QList<AuditEntry> entries(qint64 corporationId = 0) const;
    // The entries matching the filter (see AuditSearch.h), newest first, with their corporation.
    QList<AuditRow> search(const AuditFilter& filter) const;
    AuditVerification verify() const;
    // verify() at a desk with no key: the server verifies the chain and says where it breaks.
    AuditVerification verifyOnServer() const;
    // Key rotation, inside the transaction that swapped the key: every entry's MAC computed again
    // in order with the new key, and the head with it. Verify first: this seals what it finds.
    bool rechain();

    // `text` cut to `max` characters, marking what was cut.
    static QString bounded(const QString& text, int max);
    // One line for a listing: control characters and backslashes escaped (\n, \t, \x1b, \\), so
    // that no field can forge a line or move the terminal's cursor.
    static QString printable(const QString& text);

    // The head for the present last entry (a new store, an upgrade).
    bool initialise();
    // The transaction's bracket: the head is read once per transaction and written before COMMIT.
    void transactionBegun() override;
    bool beforeCommit() override;
    void transactionRolledBack() override;

private:
    QByteArray chainMac(const QByteArray& message) const;
    QString headMac(qint64 lastId, const QString& lastMac) const;
    bool loadHead();

    Database& m_store;
    bool m_haveHead = false;
    bool m_dirty = false;
    qint64 m_lastId = 0;
    QString m_lastMac;
};

} // namespace hardtoken
