#pragma once

#include <QString>

#include <libpq-fe.h>

namespace hardtoken::libpq {

// libpq, loaded when a PostgreSQL store is first used rather than linked: the console on the
// embedded SQLite store (a branch PC, a trainee's laptop) never maps it, and libpq's own
// dependencies (Kerberos, LDAP, GnuTLS, SASL) cost a quarter of the console's start-up. Qt's
// PostgreSQL driver loads the same library for the connection itself, so nothing is loaded twice.
// The functions are libpq's own, with its names and meaning; each returns its "nothing" (nullptr,
// CONNECTION_BAD, -1…) when the library cannot be loaded, which available() tells and why().
bool available();
QString why();

PQconninfoOption* conninfoParse(const char* conninfo, char** errmsg);
void conninfoFree(PQconninfoOption* options);
void freemem(void* ptr);
PGconn* connectdb(const char* conninfo);
ConnStatusType status(const PGconn* conn);
int socket(const PGconn* conn);
PGresult* exec(PGconn* conn, const char* query);
ExecStatusType resultStatus(const PGresult* res);
void clear(PGresult* res);
void finish(PGconn* conn);

} // namespace hardtoken::libpq
