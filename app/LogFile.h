#pragma once

#include <QString>

namespace hardtoken {

// The console's log: warnings and errors (and Qt's own) to a file in the application data folder,
// rotated at 1 MiB with three old files kept, as well as to standard error. A Windows GUI program
// has no console, so without it a warning would be seen by no one; About shows the path. Nothing
// secret is ever logged (PINs, passwords and token secrets never reach a message).
class LogFile final {
public:
    static constexpr qint64 MaxBytes = 1024 * 1024;
    static constexpr int KeptFiles = 3;

    // Installs the message handler; `dir` empty = <AppDataLocation>/logs.
    static void install(const QString& dir = {});
    static QString path(); // empty before install()
};

} // namespace hardtoken
