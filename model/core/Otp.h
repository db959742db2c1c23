#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace hardtoken {

enum class OtpKind { Hotp, Totp };
enum class OtpAlgorithm { Sha1, Sha256, Sha512 };

QString otpKindName(OtpKind kind);
std::optional<OtpKind> otpKindFromName(const QString& name);
QString otpAlgorithmName(OtpAlgorithm algorithm);
std::optional<OtpAlgorithm> otpAlgorithmFromName(const QString& name);

// HOTP (RFC 4226) and TOTP (RFC 6238) over OpenSSL's EVP_MAC. The MAC implementation is fetched
// once per process; each generator keeps its own contexts and reuses them, so one generator should
// be used by one thread at a time. No OpenSSL type appears in this header.
class OtpGenerator final {
public:
    OtpGenerator();
    ~OtpGenerator();
    OtpGenerator(const OtpGenerator&) = delete;
    OtpGenerator& operator=(const OtpGenerator&) = delete;

    // Returns an empty string when the MAC cannot be computed (empty secret, bad digit count).
    QString hotp(
        const QByteArray& secret, quint64 counter, int digits = 6, OtpAlgorithm algorithm = OtpAlgorithm::Sha1) const;
    static qint64 timeStep(qint64 unixTime, int period = 30, qint64 t0 = 0);
    QString totp(const QByteArray& secret, qint64 unixTime, int period = 30, int digits = 6,
        OtpAlgorithm algorithm = OtpAlgorithm::Sha1, qint64 t0 = 0) const;

    // Keys the generator once for a run of codes of one secret (the HMAC's inner and outer pads
    // are computed once); codeAt() then costs two hash compressions per counter. False when the
    // secret is empty or the MAC cannot be set up.
    bool setKey(const QByteArray& secret, OtpAlgorithm algorithm);
    // The truncated code (RFC 4226 §5.3) for `counter` under the key set by setKey(), as an
    // integer below 10^digits; nullopt on failure.
    std::optional<quint32> codeAt(quint64 counter, int digits) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

struct OtpParameters {
    OtpKind kind = OtpKind::Totp;
    OtpAlgorithm algorithm = OtpAlgorithm::Sha1;
    int digits = 6;
    int period = 30;
};

// Where a token stands: HOTP's next expected counter, TOTP's last accepted step (none yet: -1).
struct OtpState {
    quint64 nextCounter = 0;
    qint64 lastStep = -1;
    // TOTP: the token clock's recorded offset in steps (RFC 6238 §6); the window is centred on it.
    qint64 driftSteps = 0;
};

struct OtpMatch {
    // HOTP: the counter that matched; TOTP: the time step that matched.
    qint64 position = 0;
    // TOTP: matched step minus the verifier's current step (RFC 6238 §6); HOTP: how far ahead it matched.
    qint64 drift = 0;
    // The state the token moves to when this match is committed.
    OtpState nextState;
};

struct OtpWindow {
    int hotpLookAhead = 10; // RFC 4226 §7.4: keep it small
    int totpSkewSteps = 1; // RFC 6238 §5.2: at most one step of delay by default
    // RFC 6238 §6: a code more than this many steps from the verifier's clock is refused, so the
    // recorded drift (and with it the window) can never walk away one registration at a time.
    int totpMaxDriftSteps = 2;
};

// Checks an entered OTP against a token without changing anything: the caller decides whether
// and when to persist OtpMatch::nextState. Positions at or before the state are never accepted
// (replay, RFC 6238 §5.2). The HMAC is keyed once per verification; every candidate in the window
// is computed and compared as an integer without a data-dependent branch, so the time taken does
// not tell where (or whether) the code matched.
class OtpVerifier final {
public:
    explicit OtpVerifier(OtpWindow window = {});
    std::optional<OtpMatch> verify(const QByteArray& secret, const OtpParameters& params, const OtpState& state,
        const QString& otp, qint64 unixTime) const;
    const OtpWindow& window() const { return m_window; }

private:
    OtpWindow m_window;
    mutable OtpGenerator m_generator;
};

} // namespace hardtoken
