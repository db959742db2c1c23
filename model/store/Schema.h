#pragma once

#include <QCoreApplication>

namespace hardtoken {

class AuditLog;
class Database;

// The store's tables, versioned by ordered migrations that each run in one transaction. Statements
// are written once for both engines: {PK}, {BLOB} and {BIGINT} are replaced per dialect, and a
// statement that starts with "sqlite:" or "pg:" runs on that engine only.
class Schema final {
    Q_DECLARE_TR_FUNCTIONS(Schema)
public:
    // Applies the migrations the store lacks. Migrations that seal existing rows (state MACs) need
    // the data key, so for an existing store the key is loaded first.
    // `audit` is the store's log, which an upgrade anchors.
    static bool migrate(Database& store, AuditLog& audit);
    // Migration 3: before it the training mark was one unprotected row; what the store says at the
    // upgrade is sealed, as for the counters (a production store has no mark and stays production).
    static bool sealLegacyTrainingMark(Database& store);
};

} // namespace hardtoken
