#include "Otp.h"

#include "Crypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>

namespace hardtoken {

QString otpKindName(OtpKind kind)
{
    return kind == OtpKind::Hotp ? QStringLiteral("hotp") : QStringLiteral("totp");
}

std::optional<OtpKind> otpKindFromName(const QString& name)
{
    if (name == QLatin1String("hotp"))
        return OtpKind::Hotp;
    if (name == QLatin1String("totp"))
        return OtpKind::Totp;
    return std::nullopt;
}

QString otpAlgorithmName(OtpAlgorithm algorithm)
{
    switch (algorithm) {
    case OtpAlgorithm::Sha1:
        return QStringLiteral("sha1");
    case OtpAlgorithm::Sha256:
        return QStringLiteral("sha256");
    case OtpAlgorithm::Sha512:
        return QStringLiteral("sha512");
    }
    return {};
}

std::optional<OtpAlgorithm> otpAlgorithmFromName(const QString& name)
{
    for (auto a : { OtpAlgorithm::Sha1, OtpAlgorithm::Sha256, OtpAlgorithm::Sha512 }) {
        if (otpAlgorithmName(a) == name)
            return a;
    }
    return std::nullopt;
}

namespace {

// Fetched once per process (thread-safe static initialisation); freed at exit.
EVP_MAC* hmacImplementation()
{
    static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(
        EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
    return mac.get();
}

const char* digestName(OtpAlgorithm algorithm)
{
    switch (algorithm) {
    case OtpAlgorithm::Sha1:
        return "SHA1";
    case OtpAlgorithm::Sha256:
        return "SHA256";
    case OtpAlgorithm::Sha512:
        return "SHA512";
    }
    return "SHA1";
}

constexpr std::array<quint32, 11> kPowersOfTen { 1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
    1000000000u, 0u };

} // namespace

struct OtpGenerator::Private {
    // One context per digest, configured once and re-keyed per call.
    std::array<EVP_MAC_CTX*, 3> contexts {};

    Private()
    {
        for (auto a : { OtpAlgorithm::Sha1, OtpAlgorithm::Sha256, OtpAlgorithm::Sha512 }) {
            EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(hmacImplementation());
            if (ctx) {
                OSSL_PARAM params[] = {
                    OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName(a)), 0),
                    OSSL_PARAM_construct_end(),
                };
                if (EVP_MAC_CTX_set_params(ctx, params) != 1) {
                    EVP_MAC_CTX_free(ctx);
                    ctx = nullptr;
                }
            }
            contexts[static_cast<size_t>(a)] = ctx;
        }
    }
    ~Private()
    {
        for (EVP_MAC_CTX* ctx : contexts)
            EVP_MAC_CTX_free(ctx);
    }
};

OtpGenerator::OtpGenerator()
    : d(std::make_unique<Private>())
{
}

OtpGenerator::~OtpGenerator() = default;

QString OtpGenerator::hotp(const QByteArray& secret, quint64 counter, int digits, OtpAlgorithm algorithm) const
{
    if (secret.isEmpty() || digits < 6 || digits > 9)
        return {};
    EVP_MAC_CTX* ctx = d->contexts[static_cast<size_t>(algorithm)];
    if (!ctx)
        return {};
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xffu);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t macLength = 0;
    if (EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret.constData()),
            static_cast<size_t>(secret.size()), nullptr)
            != 1
        || EVP_MAC_update(ctx, message, sizeof message) != 1 || EVP_MAC_final(ctx, mac, &macLength, sizeof mac) != 1
        || macLength < 20) {
        return {};
    }
    // RFC 4226 §5.3 dynamic truncation.
    const size_t offset = mac[macLength - 1] & 0x0fu;
    const quint32 binary = (quint32(mac[offset] & 0x7fu) << 24) | (quint32(mac[offset + 1]) << 16)
        | (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
    const quint32 code = binary % kPowersOfTen[static_cast<size_t>(digits)];
    return QStringLiteral("%1").arg(code, digits, 10, QLatin1Char('0'));
}

qint64 OtpGenerator::timeStep(qint64 unixTime, int period, qint64 t0)
{
    if (period <= 0 || unixTime < t0)
        return -1;
    return (unixTime - t0) / period;
}

QString OtpGenerator::totp(
    const QByteArray& secret, qint64 unixTime, int period, int digits, OtpAlgorithm algorithm, qint64 t0) const
{
    const qint64 step = timeStep(unixTime, period, t0);
    if (step < 0)
        return {};
    return hotp(secret, static_cast<quint64>(step), digits, algorithm);
}

OtpVerifier::OtpVerifier(OtpWindow window)
    : m_window(window)
{
}

namespace {

bool constantTimeEquals(const QString& a, const QString& b)
{
    return crypto::constantTimeEquals(a.toLatin1(), b.toLatin1());
}

} // namespace

std::optional<OtpMatch> OtpVerifier::verify(const QByteArray& secret, const OtpParameters& params,
    const OtpState& state, const QString& otp, qint64 unixTime) const
{
    if (otp.size() != params.digits)
        return std::nullopt;
    std::optional<OtpMatch> found;
    if (params.kind == OtpKind::Hotp) {
        const quint64 last = state.nextCounter + static_cast<quint64>(qMax(0, m_window.hotpLookAhead));
        // Every candidate is computed and compared, so the time taken does not reveal where it matched.
        for (quint64 c = state.nextCounter; c <= last; ++c) {
            if (constantTimeEquals(m_generator.hotp(secret, c, params.digits, params.algorithm), otp) && !found) {
                OtpMatch m;
                m.position = static_cast<qint64>(c);
                m.drift = static_cast<qint64>(c - state.nextCounter);
                m.nextState = state;
                m.nextState.nextCounter = c + 1;
                found = m;
            }
        }
        return found;
    }
    const qint64 now = OtpGenerator::timeStep(unixTime, params.period);
    if (now < 0)
        return std::nullopt;
    const int skew = qMax(0, m_window.totpSkewSteps);
    const qint64 centre = now + state.driftSteps;
    for (qint64 s = centre - skew; s <= centre + skew; ++s) {
        if (s < 0 || s <= state.lastStep)
            continue; // used or earlier step: replay
        if (constantTimeEquals(m_generator.hotp(secret, static_cast<quint64>(s), params.digits, params.algorithm), otp)
            && !found) {
            OtpMatch m;
            m.position = s;
            m.drift = s - now;
            m.nextState = state;
            m.nextState.lastStep = s;
            m.nextState.driftSteps = s - now;
            found = m;
        }
    }
    return found;
}

} // namespace hardtoken
