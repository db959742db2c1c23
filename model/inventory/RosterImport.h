#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hardtoken {

class ServerDesk;
class Store;

// The bank's roster: corporations and their users as CSV (a header row naming at least
// 契約法人コード, 契約法人名, 利用者ID, 利用者名, 表示順, in any order), UTF-8 with or without BOM or
// Shift_JIS/CP932 as Excel on Japanese Windows writes it. 利用者ID is the bank's stable key: a
// re-import updates names and order, adds new users and reports the users missing from the file,
// removing them (and releasing their registrations) only when asked to prune.
struct RosterLine {
    int line = 0; // in the file, 1-based, the header being line 1
    QString corporationCode;
    QString corporationName;
    QString userId;
    QString userName;
    int displayOrder = 0;
};

struct RosterReport {
    QString encoding; // what the file was read as
    int corporationsAdded = 0;
    int corporationsUpdated = 0;
    int usersAdded = 0;
    int usersUpdated = 0;
    int unchanged = 0;
    int removed = 0;
    QStringList refused; // "line N: reason", one per refused line
    QStringList missing; // users in the store but not in the file: "code / 利用者ID 名前"
    bool written = false;
    // The report for a person: counts, missing users, refused lines (printable, one per line).
    QStringList describe() const;
};

class RosterImport final {
    Q_DECLARE_TR_FUNCTIONS(RosterImport)
public:
    static constexpr qsizetype MaxFileBytes = 64 * 1024 * 1024;

    // `encoding`: empty to detect (a UTF-8 BOM, else strict UTF-8, else CP932), or a name
    // ("utf-8", "shift_jis", "cp932"). Lines that break the rules are reported in report->refused.
    static QList<RosterLine> parse(const QByteArray& bytes, const QString& encoding, RosterReport* report);

    // Writes the roster in ONE transaction, all or nothing: nothing is written when any line was
    // refused, when `check` is set, or when the store refuses (report->written says which).
    static bool apply(Store& store, const QList<RosterLine>& lines, bool prune, bool check, const QString& actor,
        RosterReport* report);

    // The same on a store ruled by the server, from a desk with no key (ServerDesk::importRoster),
    // within the administrator's session `session`, `reason` audited. Nothing is sent when the file
    // had refused lines. (There is no --check on the server: the file is checked here first.)
    static bool applyThroughServer(ServerDesk& server, const QString& session, const QList<RosterLine>& lines,
        bool prune, const QString& reason, RosterReport* report);
};

} // namespace hardtoken
