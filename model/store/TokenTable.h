#pragma once

#include "core/Otp.h"
#include "store/CorporationInfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace hardtoken {

// A token in the bank's inventory: free, registered to a user or corporation, or withdrawn.
enum class TokenStatus { Available, Registered, Retired };

QString tokenStatusKey(TokenStatus status);
TokenStatus tokenStatusFromKey(const QString& key);

class Database;

// A token as the store holds it: its OTP parameters and state, its sealed secret, and who holds it.
struct TokenRecord {
    qint64 id = 0;
    QString serial;
    OtpParameters params;
    QByteArray sealedSecret;
    OtpState state;
    TokenStatus status = TokenStatus::Available;
    qint64 holderCorporation = 0; // 0: not registered
    qint64 holderUser = 0; // 0 with a holder corporation: the shared token
    QString holderName;
    // False when the OTP state was edited outside the console (state MAC fails): not to be used.
    bool stateIntact = true;
};

// A token for the training room's virtual cards (no secret).
struct TokenListing {
    QString serial;
    OtpParameters params;
    quint64 nextCounter = 0;
    QString holder; // a user's name, "*" for the shared token, empty when not registered
};

// The tokens table's named operations.
class TokenTable final {
public:
    // The only length the screens accept (manual 9.2: ワンタイムパスワード is 6 digits).
    static constexpr int Digits = 6;

    static std::optional<TokenRecord> find(const Database& store, const QString& serial);
    static QList<TokenListing> listing(const Database& store);
    static int count(const Database& store);
    // Whether the store holds any token (without counting them all).
    static bool any(const Database& store);

    enum class Advance { Moved, AlreadyUsed, Failed };
    // Moves the token's OTP state to `next`, but only forward: TOTP's last step or HOTP's counter
    // must be beyond what is stored (compare-and-set). AlreadyUsed when another check committed the
    // same or a later code first. Marks the token registered unless `registered` is false (a spare
    // token checked at the desk stays available).
    static Advance advance(
        Database& store, qint64 id, const QString& serial, OtpKind kind, const OtpState& next, bool registered = true);

    static qint64 insert(Database& store, const QString& serial, const OtpParameters& params,
        const QByteArray& sealedSecret, const OtpState& state, TokenStatus status);
    // A vendor's replacement of a token's secret and parameters (hardtoken-cli import tokens
    // --replace). With `state` the OTP state is replaced too (a token nobody holds); without it the
    // counter, last step and drift stay as they are (a registered token).
    static bool replace(Database& store, qint64 id, const QString& serial, const OtpParameters& params,
        const QByteArray& sealedSecret, const std::optional<OtpState>& state, TokenStatus status);
    static bool removeAll(Database& store);

    static bool sealAll(Database& store);
    // Key rotation: every token's sealed secret (but those the server keeps alone: an empty one),
    // and one written back sealed with the new key.
    struct SealedSecret {
        qint64 id = 0;
        QString serial;
        QByteArray sealed;
    };
    static QList<SealedSecret> sealedSecrets(const Database& store);
    static bool setSealedSecret(Database& store, qint64 id, const QByteArray& sealed);
    static QStringList tampered(const Database& store);

private:
    static QStringList macFields(const QString& serial, const OtpState& s);
};

} // namespace hardtoken
