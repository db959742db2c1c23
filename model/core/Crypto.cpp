#include "core/Crypto.h"

#include <QList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace hardtoken::crypto {

QString libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed");
    return out;
}

void warmUp()
{
    OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, nullptr);
    // A fetch caches the method in the default library context: later implicit fetches (EVP_aes_256_gcm,
    // HMAC, EVP_sha256) find it there.
    EVP_CIPHER_free(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
    EVP_MAC_free(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    EVP_MD_free(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    unsigned char seeded = 0;
    RAND_bytes(&seeded, 1);
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

namespace {

constexpr int kSaltSize = 16;
constexpr int kDerivedSize = 32;

std::optional<QByteArray> scrypt(const QString& secret, const QByteArray& salt, const KdfParameters& params, int length)
{
    if (params.log2N < 10 || params.log2N > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16)
        return std::nullopt;
    const QByteArray pass = secret.toUtf8();
    QByteArray out(length, Qt::Uninitialized);
    const quint64 n = quint64(1) << params.log2N;
    const quint64 maxMem = 128ull * quint64(params.r) * (n + quint64(params.p) + 2) + (1u << 20);
    if (EVP_PBE_scrypt(pass.constData(), static_cast<size_t>(pass.size()),
            reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<size_t>(salt.size()), n,
            static_cast<quint64>(params.r), static_cast<quint64>(params.p), maxMem,
            reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(length))
        != 1) {
        return std::nullopt;
    }
    return out;
}

struct Decoded {
    KdfParameters params;
    QByteArray salt;
    QByteArray hash;
};

std::optional<Decoded> decode(const QString& encoded)
{
    const QList<QStringView> parts = QStringView(encoded).split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return std::nullopt;
    bool ok1 = false, ok2 = false, ok3 = false;
    Decoded d;
    d.params.log2N = parts[1].toInt(&ok1);
    d.params.r = parts[2].toInt(&ok2);
    d.params.p = parts[3].toInt(&ok3);
    d.salt = QByteArray::fromBase64(parts[4].toLatin1());
    d.hash = QByteArray::fromBase64(parts[5].toLatin1());
    if (!ok1 || !ok2 || !ok3 || d.salt.size() < 8 || d.hash.size() < 16)
        return std::nullopt;
    return d;
}

} // namespace

QString hashSecret(const QString& secret, KdfParameters params)
{
    const QByteArray salt = randomBytes(kSaltSize);
    const auto hash = scrypt(secret, salt, params, kDerivedSize);
    if (!hash)
        return {};
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(params.log2N)
        .arg(params.r)
        .arg(params.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash->toBase64()));
}

bool verifySecret(const QString& secret, const QString& encoded)
{
    const auto d = decode(encoded);
    if (!d)
        return false;
    const auto hash = scrypt(secret, d->salt, d->params, static_cast<int>(d->hash.size()));
    if (!hash)
        return false;
    return constantTimeEquals(*hash, d->hash);
}

std::optional<QByteArray> derivedKeyFor(const QString& secret, const QString& kdf)
{
    // The same reading as a stored hash's, with a placeholder for the hash field.
    const auto d = decode(kdf + QStringLiteral("$") + QString::fromLatin1(QByteArray(kDerivedSize, '\0').toBase64()));
    if (!d)
        return std::nullopt;
    return scrypt(secret, d->salt, d->params, kDerivedSize);
}

std::optional<KdfParameters> parametersOf(const QString& encoded)
{
    const auto d = decode(encoded);
    if (!d)
        return std::nullopt;
    return d->params;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.constData(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()), out,
            &length)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

namespace {
const EVP_MD* messageDigest(Digest digest)
{
    switch (digest) {
    case Digest::Sha1:
        return EVP_sha1();
    case Digest::Sha224:
        return EVP_sha224();
    case Digest::Sha256:
        return EVP_sha256();
    case Digest::Sha384:
        return EVP_sha384();
    case Digest::Sha512:
        return EVP_sha512();
    }
    return nullptr;
}
} // namespace

QByteArray hmac(Digest digest, const QByteArray& key, const QByteArray& message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (key.isEmpty()
        || !HMAC(messageDigest(digest), key.constData(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()), out,
            &length)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

QByteArray pbkdf2(const QByteArray& passphrase, const QByteArray& salt, int iterations, int keyLength, Digest prf)
{
    // Bounds that a vendor's file cannot use to make an import run for hours or allocate freely.
    if (iterations < 1 || iterations > 10'000'000 || keyLength < 1 || keyLength > 64 || salt.size() > 1024)
        return {};
    QByteArray out(keyLength, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(passphrase.constData(), static_cast<int>(passphrase.size()),
            reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<int>(salt.size()), iterations,
            messageDigest(prf), keyLength, reinterpret_cast<unsigned char*>(out.data()))
        != 1) {
        return {};
    }
    return out;
}

std::optional<QByteArray> aesCbcDecrypt(const QByteArray& key, const QByteArray& ivAndCiphertext)
{
    constexpr int block = 16;
    const EVP_CIPHER* cipher = key.size() == 16 ? EVP_aes_128_cbc()
        : key.size() == 24                      ? EVP_aes_192_cbc()
        : key.size() == 32                      ? EVP_aes_256_cbc()
                                                : nullptr;
    const qsizetype cipherSize = ivAndCiphertext.size() - block;
    if (!cipher || cipherSize < block || cipherSize % block != 0)
        return std::nullopt;
    const std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(
        EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    const auto* in = reinterpret_cast<const unsigned char*>(ivAndCiphertext.constData());
    QByteArray out(cipherSize, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int written = 0;
    int final = 0;
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()), in)
            != 1
        || EVP_DecryptUpdate(ctx.get(), o, &written, in + block, static_cast<int>(cipherSize)) != 1
        || EVP_DecryptFinal_ex(ctx.get(), o + written, &final) != 1) {
        OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
        return std::nullopt;
    }
    out.truncate(written + final);
    return out;
}

HmacSha256::HmacSha256(const QByteArray& key)
{
    static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> hmac(
        EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
    if (!hmac || key.isEmpty())
        return;
    m_ctx = EVP_MAC_CTX_new(hmac.get());
    char digest[] = "SHA256";
    OSSL_PARAM params[]
        = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end() };
    if (m_ctx
        && EVP_MAC_init(
               m_ctx, reinterpret_cast<const unsigned char*>(key.constData()), static_cast<size_t>(key.size()), params)
            != 1) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_ctx);
}

QByteArray HmacSha256::mac(const QByteArray& message) const
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    // A NULL key re-initialises HMAC from the pads it already holds.
    if (!m_ctx || EVP_MAC_init(m_ctx, nullptr, 0, nullptr) != 1
        || EVP_MAC_update(
               m_ctx, reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()))
            != 1
        || EVP_MAC_final(m_ctx, out, &length, sizeof out) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

namespace {
constexpr char kVersion[] = "v1";
constexpr int kVersionSize = 2;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
} // namespace

SecretBox::SecretBox(QByteArray key)
    : m_key(std::move(key))
{
}

SecretBox::~SecretBox()
{
    OPENSSL_cleanse(m_key.data(), static_cast<size_t>(m_key.size()));
}

QByteArray SecretBox::seal(const QByteArray& plaintext, const QByteArray& associatedData) const
{
    if (!isValid())
        return {};
    const QByteArray nonce = randomBytes(kNonceSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray ciphertext(plaintext.size(), Qt::Uninitialized);
    QByteArray tag(kTagSize, Qt::Uninitialized);
    int len = 0;
    const auto u = [](const QByteArray& b) { return reinterpret_cast<const unsigned char*>(b.constData()); };
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, u(m_key), u(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(associatedData), static_cast<int>(associatedData.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(ciphertext.data()), &len, u(plaintext),
               static_cast<int>(plaintext.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(ciphertext.data()) + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1) {
        return {};
    }
    return QByteArray(kVersion, kVersionSize) + nonce + ciphertext + tag;
}

std::optional<QByteArray> SecretBox::open(const QByteArray& sealed, const QByteArray& associatedData) const
{
    if (!isValid() || sealed.size() < kVersionSize + kNonceSize + kTagSize
        || !sealed.startsWith(QByteArray(kVersion, kVersionSize))) {
        return std::nullopt;
    }
    const QByteArray nonce = sealed.mid(kVersionSize, kNonceSize);
    const QByteArray ciphertext
        = sealed.mid(kVersionSize + kNonceSize, sealed.size() - kVersionSize - kNonceSize - kTagSize);
    QByteArray tag = sealed.right(kTagSize);
    QByteArray plaintext(ciphertext.size(), Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    const auto u = [](const QByteArray& b) { return reinterpret_cast<const unsigned char*>(b.constData()); };
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u(m_key), u(nonce)) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(associatedData), static_cast<int>(associatedData.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plaintext.data()), &len, u(ciphertext),
               static_cast<int>(ciphertext.size()))
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plaintext.data()) + len, &len) != 1) {
        OPENSSL_cleanse(plaintext.data(), static_cast<size_t>(plaintext.size()));
        return std::nullopt;
    }
    return plaintext;
}

QByteArray SecretBox::deriveKey(const QByteArray& purpose) const
{
    return hmacSha256(m_key, QByteArrayLiteral("hardtoken-console/") + purpose);
}

} // namespace hardtoken::crypto
