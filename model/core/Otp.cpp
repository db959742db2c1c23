#include "core/Otp.h"

#include "core/Crypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
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
    // The context keyed by setKey(), reused for every codeAt() (HMAC with a NULL key re-initialises
    // from the pads it already holds).
    EVP_MAC_CTX* keyed = nullptr;

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

    static std::optional<quint32> truncate(const unsigned char* mac, size_t macLength, int digits)
    {
        if (macLength < 20 || digits < 6 || digits > 9)
            return std::nullopt;
        // RFC 4226 §5.3 dynamic truncation.
        const size_t offset = mac[macLength - 1] & 0x0fu;
        const quint32 binary = (quint32(mac[offset] & 0x7fu) << 24) | (quint32(mac[offset + 1]) << 16)
            | (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
        return binary % kPowersOfTen[static_cast<size_t>(digits)];
    }

    static void counterBytes(quint64 counter, unsigned char* message)
    {
        for (int i = 7; i >= 0; --i) {
            message[i] = static_cast<unsigned char>(counter & 0xffu);
            counter >>= 8;
        }
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
    Private::counterBytes(counter, message);
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t macLength = 0;
    if (EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret.constData()),
            static_cast<size_t>(secret.size()), nullptr)
            != 1
        || EVP_MAC_update(ctx, message, sizeof message) != 1 || EVP_MAC_final(ctx, mac, &macLength, sizeof mac) != 1) {
        return {};
    }
    const auto code = Private::truncate(mac, macLength, digits);
    return code ? QStringLiteral("%1").arg(*code, digits, 10, QLatin1Char('0')) : QString();
}

bool OtpGenerator::setKey(const QByteArray& secret, OtpAlgorithm algorithm)
{
    d->keyed = nullptr;
    EVP_MAC_CTX* ctx = d->contexts[static_cast<size_t>(algorithm)];
    if (!ctx || secret.isEmpty()
        || EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret.constData()),
               static_cast<size_t>(secret.size()), nullptr)
            != 1)
        return false;
    d->keyed = ctx;
    return true;
}

std::optional<quint32> OtpGenerator::codeAt(quint64 counter, int digits) const
{
    EVP_MAC_CTX* ctx = d->keyed;
    if (!ctx)
        return std::nullopt;
    unsigned char message[8];
    Private::counterBytes(counter, message);
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t macLength = 0;
    if (EVP_MAC_init(ctx, nullptr, 0, nullptr) != 1 || EVP_MAC_update(ctx, message, sizeof message) != 1
        || EVP_MAC_final(ctx, mac, &macLength, sizeof mac) != 1)
        return std::nullopt;
    return Private::truncate(mac, macLength, digits);
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

// 0xffffffff when a == b, else 0, without a branch on the values.
quint32 equalMask(quint32 a, quint32 b)
{
    const quint32 diff = a ^ b;
    return static_cast<quint32>((static_cast<quint64>(diff) - 1u) >> 32);
}

// The entered code as an integer: exactly `digits` ASCII digits, else nullopt.
std::optional<quint32> parseCode(const QString& otp, int digits)
{
    if (otp.size() != digits)
        return std::nullopt;
    quint32 value = 0;
    for (const QChar c : otp) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10u + static_cast<quint32>(c.unicode() - u'0');
    }
    return value;
}

} // namespace

std::optional<OtpMatch> OtpVerifier::verify(const QByteArray& secret, const OtpParameters& params,
    const OtpState& state, const QString& otp, qint64 unixTime) const
{
    const auto entered = parseCode(otp, params.digits);
    if (!entered || !m_generator.setKey(secret, params.algorithm))
        return std::nullopt;
    // Every candidate is computed and compared; the first match is selected with masks.
    quint32 found = 0;
    quint64 position = 0;
    bool failed = false;
    const auto consider = [&](quint64 candidate) {
        const auto code = m_generator.codeAt(candidate, params.digits);
        failed = failed || !code;
        const quint32 take = equalMask(code.value_or(~0u), *entered) & ~found;
        const quint64 take64 = static_cast<quint64>(-static_cast<qint64>(take & 1u));
        position = (position & ~take64) | (candidate & take64);
        found |= take;
    };
    if (params.kind == OtpKind::Hotp) {
        const quint64 last = state.nextCounter + static_cast<quint64>(qMax(0, m_window.hotpLookAhead));
        for (quint64 c = state.nextCounter; c <= last; ++c)
            consider(c);
        if (failed || !found)
            return std::nullopt;
        OtpMatch m;
        m.position = static_cast<qint64>(position);
        m.drift = static_cast<qint64>(position - state.nextCounter);
        m.nextState = state;
        m.nextState.nextCounter = position + 1;
        return m;
    }
    const qint64 now = OtpGenerator::timeStep(unixTime, params.period);
    if (now < 0)
        return std::nullopt;
    const int skew = qMax(0, m_window.totpSkewSteps);
    const qint64 maxDrift = qMax(0, m_window.totpMaxDriftSteps);
    // Centred on the recorded drift (itself never beyond the bound), and never beyond the bound.
    const qint64 centre = now + qBound(-maxDrift, state.driftSteps, maxDrift);
    const qint64 first = std::max({ centre - skew, now - maxDrift, state.lastStep + 1, qint64(0) });
    const qint64 last = qMin(centre + skew, now + maxDrift);
    for (qint64 s = first; s <= last; ++s)
        consider(static_cast<quint64>(s));
    if (failed || !found)
        return std::nullopt;
    OtpMatch m;
    m.position = static_cast<qint64>(position);
    m.drift = m.position - now;
    m.nextState = state;
    m.nextState.lastStep = m.position;
    m.nextState.driftSteps = m.drift;
    return m;
}

} // namespace hardtoken
