#pragma once

#include "store/AuditAction.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace hardtoken {

class Store;
struct Outcome;
struct StaffCredential;

namespace cli {

QTextStream& out();
QTextStream& err();

// Secrets come from standard input, one per line in the order the command's help states, or, on a
// terminal, from a prompt that does not echo what is typed. Never from the command line.
class SecretReader final {
public:
    QString next(const QString& prompt);
    // 「担当者 LOGIN のパスワード: 」
    QString staffPassword(const QString& login);
    // The staff member's login (from --staff) with the password read as above.
    StaffCredential staffCredential(const QString& login);
};

// A staff member's sign-in for an act on a production store (the credential: the next secret).
// The audit actor, or nullopt with the reason printed.
std::optional<QString> signInStaff(Store& store, const QString& login, SecretReader& secrets, StaffPurpose purpose);

// The act's outcome: `done` on standard output (exit 0), or why not on standard error (exit 1).
int verdict(const Outcome& o, const QString& done);
// A message on standard error; exit 1.
int fail(const QString& message);

} // namespace cli
} // namespace hardtoken
