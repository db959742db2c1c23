#include "Terminal.h"

#include "desk/StaffDesk.h"
#include "store/AuditLog.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace hardtoken::cli {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

QString SecretReader::next(const QString& prompt)
{
    static QTextStream in(stdin);
#ifdef Q_OS_WIN
    HANDLE handle = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool terminal = GetConsoleMode(handle, &mode) != 0;
    if (terminal) {
        err() << prompt << Qt::flush;
        SetConsoleMode(handle, mode & ~DWORD(ENABLE_ECHO_INPUT));
    }
    const QString line = in.readLine();
    if (terminal) {
        SetConsoleMode(handle, mode);
        err() << Qt::endl;
    }
#else
    termios saved {};
    const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        err() << prompt << Qt::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
#endif
    return line;
}

QString SecretReader::staffPassword(const QString& login)
{
    return next(QCoreApplication::translate("cli", "担当者 %1 のパスワード: ").arg(AuditLog::printable(login)));
}

StaffCredential SecretReader::staffCredential(const QString& login)
{
    return { login, staffPassword(login) };
}

std::optional<QString> signInStaff(Store& store, const QString& login, SecretReader& secrets, StaffPurpose purpose)
{
    const QString credential = secrets.staffPassword(login);
    QString actor;
    const Outcome o = StaffDesk(store).signIn({ login, credential }, purpose, &actor);
    if (!o.ok()) {
        err() << o.message << Qt::endl;
        return std::nullopt;
    }
    return actor;
}

int verdict(const Outcome& o, const QString& done)
{
    if (!o.ok())
        return fail(o.message);
    out() << done << Qt::endl;
    return 0;
}

int fail(const QString& message)
{
    err() << message << Qt::endl;
    return 1;
}

} // namespace hardtoken::cli
