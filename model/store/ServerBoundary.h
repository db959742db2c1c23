#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace hardtoken {

class Database;

// A shared PostgreSQL store as the trust boundary: the schema belongs to a role no desktop uses
// (the owner), and the desks connect with a role of their own that may read only what a desk
// shows — no token secret, PIN hash, staff credential hash, MAC, seal or key check — and may
// write nothing itself: it changes state only through the SECURITY DEFINER functions granted to
// it (store/sql/desk_session.sql: the desk session's sign-in and sign-out, counted, locked and
// audited as the console does it). The server writes the console's own MACs (audit chain and
// head, sign-in counters) with keys derived from the data key for those purposes, so each side
// verifies the other's rows. The one-time passwords are computed by the server (pgcrypto's hmac:
// hardtoken_hotp, hardtoken_totp).
// The embedded SQLite store keeps the design it has: one desktop, one user, one file.
class ServerBoundary final {
    Q_DECLARE_TR_FUNCTIONS(ServerBoundary)
public:
    struct Columns {
        QString table;
        QStringList columns;
    };
    // What a desk may read, table by table. Everything else — every other table (meta, with the key
    // check and the settings; attempts_in_flight; commit_marks; schema_version) and every other
    // column — it may not.
    static QList<Columns> deskReadable();
    // The tables a desk never writes (all of the store's, and the server's own).
    static QStringList tables();
    // The functions the desk role may run.
    static QStringList deskFunctions();
    // The purposes whose derived keys the server holds (server_keys).
    static QList<QByteArray> serverKeyPurposes();

    // On a PostgreSQL store opened as its owner (with the data key): pgcrypto, the OTP functions
    // and the server's functions and tables, the server's keys, the desk role (created when
    // missing, LOGIN, no password: the bank's administrator sets how it signs in), every
    // privilege of PUBLIC and of the desk role on the store's tables and functions revoked, then
    // the readable columns and the desk's functions granted. Run again after each migration and
    // after rotate-key (the server's keys are derived from the data key). False with
    // errorMessage() set.
    static bool init(Database& store, const QString& deskRole);
    // A role name this command accepts: lower-case letters, digits, '_' (it is written into SQL).
    static bool validRole(const QString& role);

    // What the server says `role` may do on each table: SELECT (all, the columns, or none),
    // INSERT, UPDATE, DELETE, TRUNCATE — from has_table_privilege/has_column_privilege.
    struct Privileges {
        QString table;
        QStringList selectColumns; // the columns it may SELECT ("*" for all)
        bool insert = false;
        bool update = false;
        bool del = false;
        bool truncate = false;
    };
    static QList<Privileges> privileges(Database& store, const QString& role);
    // The same as a table for people (role × table × privilege).
    static QString privilegeTable(const QString& role, const QList<Privileges>& rows);
};

} // namespace hardtoken
