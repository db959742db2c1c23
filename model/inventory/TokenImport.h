#pragma once

#include "core/Otp.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hardtoken {

class ServerDesk;
class Store;

// The vendor's token inventory: PSKC key containers (RFC 6030) or a plain CSV.
//
// The serial rule (the console's serial is the 10 half-width digits printed on the card):
// the vendor's serial (PSKC DeviceInfo/SerialNo, or the CSV's serial column) has its spaces and
// hyphens removed and, when given, one leading `serialPrefix` (e.g. "FT"); what remains must be
// exactly 10 ASCII digits. Anything else is refused with the reason, never padded or guessed.
struct TokenImportOptions {
    QByteArray preSharedKey; // PSKC pre-shared key (raw bytes: 16, 24 or 32)
    QByteArray passphrase; // PSKC PBKDF2 passphrase (UTF-8)
    QString serialPrefix;
};

struct TokenLine {
    QString where; // "KeyPackage 3" or "5 行目": how the report names it
    QString vendorSerial;
    QString serial; // mapped: 10 digits
    OtpParameters params;
    QByteArray secret;
    OtpState state;
};

struct TokenOutcome {
    enum class Kind { Imported, Replaced, Unchanged, Refused };
    Kind kind = Kind::Refused;
    QString where;
    QString serial; // as mapped, or the vendor's when it could not be mapped
    QString reason; // Refused only
};

struct TokenImportReport {
    QString format; // "PSKC (…)" or "CSV (UTF-8)"
    QList<TokenOutcome> outcomes;
    QString fileProblem; // the whole file was refused (XML, MAC, key, encoding): why
    bool needsPassphrase = false; // a PBKDF2 container read without a passphrase
    bool written = false;

    int count(TokenOutcome::Kind kind) const;
    // The report for a person: the format, a line per token, the file's problem, the counts.
    QStringList describe() const;
    bool refusedAny() const { return !fileProblem.isEmpty() || count(TokenOutcome::Kind::Refused) > 0; }
};

class TokenImport final {
    Q_DECLARE_TR_FUNCTIONS(TokenImport)
public:
    static constexpr qsizetype MaxFileBytes = 16 * 1024 * 1024;
    static constexpr int MaxTokens = 200'000;

    // PSKC when the file starts with '<' (after a BOM and white space), CSV otherwise. Lines that
    // break the rules are reported as Refused; a file that cannot be trusted as a whole (XML not
    // well formed, a DTD, a bad MAC, a wrong key) gets fileProblem and no lines.
    static QList<TokenLine> parse(
        const QByteArray& bytes, const TokenImportOptions& options, TokenImportReport* report);

    // Applies the inventory in ONE transaction, all or nothing: nothing is written when the report
    // has a refusal, when `check` is set, or when the store refuses. A serial the store knows with
    // the same secret and parameters is Unchanged; with others it is Refused unless `replace`, and
    // a replacement never touches the counter, last step or drift of a registered token.
    static bool apply(Store& store, QList<TokenLine> lines, bool replace, bool check, const QString& actor,
        TokenImportReport* report);

    // The same on a store ruled by the server, from a desk that holds no key: the lines go to the
    // server once (ServerDesk::importTokens), which keeps each seed under its own key and decides
    // as apply() does, within the administrator's session `session`, with `reason` audited. Nothing
    // is sent when the report already has a refusal. The secrets are wiped here either way.
    static bool applyThroughServer(ServerDesk& server, const QString& session, QList<TokenLine> lines, bool replace,
        const QString& reason, TokenImportReport* report);

    // A PSKC pre-shared key file: the key in hex (white space ignored), 16, 24 or 32 bytes.
    // nullopt with `why` set when the file cannot be read or does not hold such a key.
    static std::optional<QByteArray> readPreSharedKey(const QString& path, QString* why);

    static std::optional<QString> mapSerial(const QString& vendorSerial, const QString& prefix, QString* why);
    // RFC 4648 base32 (upper or lower case, '=' padding and spaces allowed); nullopt when invalid.
    static std::optional<QByteArray> fromBase32(const QString& text);
};

} // namespace hardtoken
