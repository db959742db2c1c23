#include "store/LibPq.h"

#include <QCoreApplication>
#include <QLibrary>

#include <algorithm>

namespace hardtoken::libpq {

namespace {

struct Functions {
    decltype(&PQconninfoParse) conninfoParse = nullptr;
    decltype(&PQconninfoFree) conninfoFree = nullptr;
    decltype(&PQfreemem) freemem = nullptr;
    decltype(&PQconnectdb) connectdb = nullptr;
    decltype(&PQstatus) status = nullptr;
    decltype(&PQsocket) socket = nullptr;
    decltype(&PQexec) exec = nullptr;
    decltype(&PQresultStatus) resultStatus = nullptr;
    decltype(&PQclear) clear = nullptr;
    decltype(&PQfinish) finish = nullptr;
    QString why;
};

template <typename F> bool resolve(QLibrary& library, const char* name, F* into, QString* why)
{
    *into = reinterpret_cast<F>(library.resolve(name));
    if (!*into && why->isEmpty())
        *why = QCoreApplication::translate("hardtoken::libpq", "libpq に %1 がありません。").arg(QLatin1String(name));
    return *into != nullptr;
}

Functions load()
{
    Functions f;
    // libpq.so.5 (Linux), libpq.5.dylib (macOS), libpq.dll (Windows: no version in the name).
#ifdef Q_OS_WIN
    QLibrary library(QStringLiteral("libpq"));
#else
    QLibrary library(QStringLiteral("pq"), 5);
#endif
    if (!library.load()) {
        f.why = QCoreApplication::translate(
            "hardtoken::libpq", "PostgreSQL のクライアントライブラリ（libpq）を読み込めません: %1")
                    .arg(library.errorString());
        return f;
    }
    // Kept loaded for the life of the process (QLibrary's destructor does not unload it).
    // Every name is resolved (no short circuit), so the first missing one is the one reported.
    const bool found[] = {
        resolve(library, "PQconninfoParse", &f.conninfoParse, &f.why),
        resolve(library, "PQconninfoFree", &f.conninfoFree, &f.why),
        resolve(library, "PQfreemem", &f.freemem, &f.why),
        resolve(library, "PQconnectdb", &f.connectdb, &f.why),
        resolve(library, "PQstatus", &f.status, &f.why),
        resolve(library, "PQsocket", &f.socket, &f.why),
        resolve(library, "PQexec", &f.exec, &f.why),
        resolve(library, "PQresultStatus", &f.resultStatus, &f.why),
        resolve(library, "PQclear", &f.clear, &f.why),
        resolve(library, "PQfinish", &f.finish, &f.why),
    };
    const bool all = std::ranges::all_of(found, [](bool b) { return b; });
    if (!all)
        f = Functions { .why = f.why };
    return f;
}

// Loaded once, on first use, from whichever thread asks first (StoreLink probes from a worker).
const Functions& functions()
{
    static const Functions f = load();
    return f;
}

} // namespace

bool available()
{
    return functions().finish != nullptr;
}

QString why()
{
    return functions().why;
}

PQconninfoOption* conninfoParse(const char* conninfo, char** errmsg)
{
    if (errmsg)
        *errmsg = nullptr;
    return available() ? functions().conninfoParse(conninfo, errmsg) : nullptr;
}

void conninfoFree(PQconninfoOption* options)
{
    if (available() && options)
        functions().conninfoFree(options);
}

void freemem(void* ptr)
{
    if (available() && ptr)
        functions().freemem(ptr);
}

PGconn* connectdb(const char* conninfo)
{
    return available() ? functions().connectdb(conninfo) : nullptr;
}

ConnStatusType status(const PGconn* conn)
{
    return available() && conn ? functions().status(conn) : CONNECTION_BAD;
}

int socket(const PGconn* conn)
{
    return available() && conn ? functions().socket(conn) : -1;
}

PGresult* exec(PGconn* conn, const char* query)
{
    return available() && conn ? functions().exec(conn, query) : nullptr;
}

ExecStatusType resultStatus(const PGresult* res)
{
    return available() && res ? functions().resultStatus(res) : PGRES_FATAL_ERROR;
}

void clear(PGresult* res)
{
    if (available() && res)
        functions().clear(res);
}

void finish(PGconn* conn)
{
    if (available() && conn)
        functions().finish(conn);
}

} // namespace hardtoken::libpq
