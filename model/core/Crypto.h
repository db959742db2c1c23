#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX, kept out of this header

namespace hardtoken::crypto {

QByteArray randomBytes(int count);
// Loads OpenSSL's configuration and fills its method store with what the store uses first (AES-GCM,
// HMAC, SHA-256) and seeds its random generator: ~1.5 ms a process pays once, which the console
// pays on a thread of its own while its window is built. Thread-safe; calling it is never needed.
void warmUp();
// The OpenSSL library in use, e.g. "OpenSSL 3.0.11 19 Sep 2023" (About).
QString libraryVersion();
// Equal sizes and contents, compared in time that does not depend on where they differ.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// Slow, salted, parameterised hash for the 契約法人確認暗証番号 and help-desk credentials:
// scrypt from OpenSSL. The encoded form carries its parameters so that they can be raised later
// without invalidating stored hashes: "scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>".
struct KdfParameters {
    int log2N = 15; // N = 32768: ~32 MiB and ~0.1 s per check on the reference machine
    int r = 8;
    int p = 1;
};

QString hashSecret(const QString& secret, KdfParameters params = {});
// Constant-time comparison of the derived key; false for malformed encodings.
bool verifySecret(const QString& secret, const QString& encoded);
std::optional<KdfParameters> parametersOf(const QString& encoded);
// The derived key of `secret` under "scrypt$<log2 N>$<r>$<p>$<salt b64>" (a hash's first five
// fields): what a desk proves a credential with to a server that holds SHA-256 of it. nullopt for a
// malformed or out-of-range description.
std::optional<QByteArray> derivedKeyFor(const QString& secret, const QString& kdf);

// HMAC-SHA256, used for the audit log's chain.
QByteArray hmacSha256(const QByteArray& key, const QByteArray& message);

// What the vendors' key containers (PSKC, RFC 6030) use; nothing of ours is protected with these.
enum class Digest { Sha1, Sha224, Sha256, Sha384, Sha512 };
QByteArray hmac(Digest digest, const QByteArray& key, const QByteArray& message);
// PBKDF2 (RFC 8018) for a PSKC passphrase; empty on failure or parameters out of range.
QByteArray pbkdf2(const QByteArray& passphrase, const QByteArray& salt, int iterations, int keyLength, Digest prf);
// AES-CBC with PKCS#7 padding, the IV being the first 16 bytes of `ivAndCiphertext` (XML
// Encryption's layout). The key's size (16, 24 or 32 bytes) selects AES-128/192/256; nullopt when
// the padding or the sizes are wrong.
std::optional<QByteArray> aesCbcDecrypt(const QByteArray& key, const QByteArray& ivAndCiphertext);

// HMAC-SHA256 keyed once (the pads are computed once) for many messages: the audit chain and the
// state MACs of records. One object is used by one thread at a time.
class HmacSha256 final {
public:
    explicit HmacSha256(const QByteArray& key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;
    bool isValid() const { return m_ctx != nullptr; }
    // Empty on failure.
    QByteArray mac(const QByteArray& message) const;

private:
    ::evp_mac_ctx_st* m_ctx = nullptr;
};

// Authenticated encryption of token secrets at rest: AES-256-GCM, a fresh 96-bit nonce per
// message, the associated data (the token's serial) bound into the tag.
// Sealed form: "v1" (2 bytes) | nonce (12) | ciphertext | tag (16).
class SecretBox final {
public:
    static constexpr int KeySize = 32;
    explicit SecretBox(QByteArray key);
    ~SecretBox();
    SecretBox(const SecretBox&) = delete;
    SecretBox& operator=(const SecretBox&) = delete;

    bool isValid() const { return m_key.size() == KeySize; }
    QByteArray seal(const QByteArray& plaintext, const QByteArray& associatedData) const;
    // nullopt when the data was altered, the key is wrong or the format is unknown.
    std::optional<QByteArray> open(const QByteArray& sealed, const QByteArray& associatedData) const;
    // A key derived for another purpose (e.g. the audit MAC), so one key file serves both.
    QByteArray deriveKey(const QByteArray& purpose) const;

private:
    QByteArray m_key;
};

} // namespace hardtoken::crypto
