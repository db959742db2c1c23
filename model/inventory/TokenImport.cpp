#include "inventory/TokenImport.h"

#include "core/Crypto.h"
#include "core/Csv.h"
#include "core/Validation.h"
#include "store/AuditLog.h"
#include "store/ServerDesk.h"
#include "store/Store.h"
#include "store/TokenTable.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <vector>

namespace hardtoken {

int TokenImportReport::count(TokenOutcome::Kind kind) const
{
    return static_cast<int>(
        std::count_if(outcomes.cbegin(), outcomes.cend(), [kind](const TokenOutcome& o) { return o.kind == kind; }));
}

QStringList TokenImportReport::describe() const
{
    QStringList out;
    if (!format.isEmpty())
        out << TokenImport::tr("形式: %1").arg(format);
    for (const TokenOutcome& o : outcomes) {
        const QString serial = AuditLog::printable(o.serial);
        switch (o.kind) {
        case TokenOutcome::Kind::Imported:
            out << TokenImport::tr("%1 %2: 取り込み").arg(o.where, serial);
            break;
        case TokenOutcome::Kind::Replaced:
            out << TokenImport::tr("%1 %2: 置き換え").arg(o.where, serial);
            break;
        case TokenOutcome::Kind::Unchanged:
            out << TokenImport::tr("%1 %2: 変更なし").arg(o.where, serial);
            break;
        case TokenOutcome::Kind::Refused:
            out << TokenImport::tr("%1 %2: 取り込めません（%3）").arg(o.where, serial, AuditLog::printable(o.reason));
            break;
        }
    }
    if (!fileProblem.isEmpty())
        out << AuditLog::printable(fileProblem);
    out << TokenImport::tr("トークン: 取り込み %1、置き換え %2、変更なし %3、取り込めない %4")
               .arg(count(TokenOutcome::Kind::Imported))
               .arg(count(TokenOutcome::Kind::Replaced))
               .arg(count(TokenOutcome::Kind::Unchanged))
               .arg(count(TokenOutcome::Kind::Refused));
    return out;
}

std::optional<QByteArray> TokenImport::readPreSharedKey(const QString& path, QString* why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = tr("ファイル %1 を開けません: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray text = file.read(4096).simplified().replace(' ', QByteArray());
    const bool hex = !text.isEmpty() && text.size() % 2 == 0
        && std::all_of(text.cbegin(), text.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    const QByteArray key = hex ? QByteArray::fromHex(text) : QByteArray();
    if (key.size() != 16 && key.size() != 24 && key.size() != 32) {
        *why = tr("事前共有鍵のファイルには、16 進数で 16、24 または 32 バイトの鍵を書いてください。");
        return std::nullopt;
    }
    return key;
}

std::optional<QString> TokenImport::mapSerial(const QString& vendorSerial, const QString& prefix, QString* why)
{
    QString s = vendorSerial.trimmed();
    s.remove(QLatin1Char(' '));
    s.remove(QLatin1Char('-'));
    if (!prefix.isEmpty() && s.startsWith(prefix))
        s = s.mid(prefix.size());
    const bool digits
        = s.size() == 10 && std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits) {
        *why = tr("シリアル番号「%1」を半角数字10桁に対応付けられません").arg(AuditLog::printable(vendorSerial));
        return std::nullopt;
    }
    return s;
}

std::optional<QByteArray> TokenImport::fromBase32(const QString& text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    bool padding = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ')
            continue;
        if (u == u'=') {
            padding = true;
            continue;
        }
        if (padding)
            return std::nullopt; // data after the padding
        int value = -1;
        if (u >= u'A' && u <= u'Z')
            value = u - u'A';
        else if (u >= u'a' && u <= u'z')
            value = u - u'a';
        else if (u >= u'2' && u <= u'7')
            value = u - u'2' + 26;
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

namespace {

using Kind = TokenOutcome::Kind;

// ---------------------------------------------------------------------------------------------
// PSKC (RFC 6030), read into a small tree first: the file is bounded in size, DTDs are refused
// before any entity could be declared, and the walk below never has to care about reading.

const QString kPskcNs = QStringLiteral("urn:ietf:params:xml:ns:keyprov:pskc");

struct Node {
    QString ns;
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    std::vector<Node> children;

    const Node* child(QStringView local) const
    {
        for (const Node& c : children) {
            if (c.name == local)
                return &c;
        }
        return nullptr;
    }
    QList<const Node*> all(QStringView local) const
    {
        QList<const Node*> out;
        for (const Node& c : children) {
            if (c.name == local)
                out.append(&c);
        }
        return out;
    }
    const Node* path(std::initializer_list<QStringView> names) const
    {
        const Node* n = this;
        for (QStringView name : names) {
            n = n->child(name);
            if (!n)
                return nullptr;
        }
        return n;
    }
    QString attribute(QStringView local) const { return attributes.value(QString(), local.toString()).toString(); }
};

constexpr int kMaxDepth = 24;
constexpr int kMaxNodes = 64 * TokenImport::MaxTokens;

std::optional<Node> readXml(const QByteArray& bytes, QString* problem)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        *problem = TokenImport::tr("ファイルが UTF-8 として正しくありません。");
        return std::nullopt;
    }
    QXmlStreamReader xml(text);
    Node root;
    std::vector<Node*> stack;
    int nodes = 0;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartDocument:
            if (!xml.documentEncoding().isEmpty()
                && xml.documentEncoding().compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) != 0) {
                *problem = TokenImport::tr("UTF-8 以外の XML には対応していません（%1）。")
                               .arg(AuditLog::printable(xml.documentEncoding().toString()));
                return std::nullopt;
            }
            break;
        case QXmlStreamReader::DTD:
            *problem = TokenImport::tr("DTD（<!DOCTYPE>）を含むファイルは取り込みません。");
            return std::nullopt;
        case QXmlStreamReader::EntityReference:
            *problem = TokenImport::tr("実体参照を含むファイルは取り込みません。");
            return std::nullopt;
        case QXmlStreamReader::StartElement: {
            if (++nodes > kMaxNodes || stack.size() >= kMaxDepth) {
                *problem = TokenImport::tr("XML の要素が多すぎるか、入れ子が深すぎます。");
                return std::nullopt;
            }
            Node* n = nullptr;
            if (stack.empty()) {
                n = &root;
            } else {
                stack.back()->children.emplace_back();
                n = &stack.back()->children.back();
            }
            n->ns = xml.namespaceUri().toString();
            n->name = xml.name().toString();
            n->attributes = xml.attributes();
            stack.push_back(n);
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty() && !xml.isWhitespace())
                stack.back()->text += xml.text();
            break;
        default:
            break;
        }
    }
    if (xml.hasError()) {
        *problem = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
            ? TokenImport::tr("ファイルが途中で終わっています（%1 行目）。").arg(xml.lineNumber())
            : TokenImport::tr("XML として正しくありません（%1 行目: %2）。")
                  .arg(xml.lineNumber())
                  .arg(AuditLog::printable(xml.errorString()));
        return std::nullopt;
    }
    return root;
}

std::optional<QByteArray> base64(const QString& text)
{
    const auto r = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return std::nullopt;
    return *r;
}

// The HMAC a URI names: every HMAC of RFC 6931 §2.2 (xmldsig#hmac-sha1, xmldsig-more#hmac-sha224,
// -sha256, -sha384, -sha512).
std::optional<crypto::Digest> digestFromUri(const QString& uri)
{
    if (uri.endsWith(QLatin1String("#hmac-sha1")))
        return crypto::Digest::Sha1;
    if (uri.endsWith(QLatin1String("#hmac-sha224")))
        return crypto::Digest::Sha224;
    if (uri.endsWith(QLatin1String("#hmac-sha256")))
        return crypto::Digest::Sha256;
    if (uri.endsWith(QLatin1String("#hmac-sha384")))
        return crypto::Digest::Sha384;
    if (uri.endsWith(QLatin1String("#hmac-sha512")))
        return crypto::Digest::Sha512;
    return std::nullopt;
}

// An element's Algorithm attribute, or why it cannot be read: said as missing when it is absent
// or empty (a vendor's file that forgot it), not as an algorithm "" not supported.
QString missingAlgorithm(const Node& element)
{
    return TokenImport::tr("%1 に Algorithm 属性がありません。").arg(element.name);
}

// The container's keys, worked out once and only when something in the file is encrypted.
class PskcKeys {
public:
    PskcKeys(const Node& root, const TokenImportOptions& options)
        : m_root(root)
        , m_options(options)
    {
    }

    // The key that decrypts; empty with `problem` set when it cannot be had.
    QByteArray encryptionKey(QString* problem)
    {
        if (m_keyDone) {
            if (m_key.isEmpty())
                *problem = m_keyProblem;
            return m_key;
        }
        m_keyDone = true;
        const Node* ek = m_root.child(u"EncryptionKey");
        const Node* derived = ek ? ek->child(u"DerivedKey") : nullptr;
        if (derived) {
            const Node* method = derived->child(u"KeyDerivationMethod");
            const Node* params = method ? method->child(u"PBKDF2-params") : nullptr;
            if (method && method->attribute(u"Algorithm").isEmpty()) {
                m_keyProblem = missingAlgorithm(*method);
            } else if (!method || !method->attribute(u"Algorithm").endsWith(QLatin1String("#pbkdf2")) || !params) {
                m_keyProblem = TokenImport::tr("鍵の導出方法に対応していません（PBKDF2 のみ）。");
            } else if (m_options.passphrase.isEmpty()) {
                m_passphraseMissing = true;
                m_keyProblem = TokenImport::tr(
                    "このファイルはパスフレーズで暗号化されています。--passphrase-file で指定してください。");
            } else {
                const Node* salt = params->path({ u"Salt", u"Specified" });
                const auto saltBytes = salt ? base64(salt->text) : std::nullopt;
                bool ok = false;
                const Node* iterations = params->child(u"IterationCount");
                const int count = iterations ? iterations->text.trimmed().toInt(&ok) : 0;
                const Node* length = params->child(u"KeyLength");
                const int keyLength = length ? length->text.trimmed().toInt() : 16;
                // No PRF, or one that names no algorithm (<PRF/>, as RFC 6030's Figure 7): the
                // default of RFC 8018, HMAC-SHA1.
                const Node* prf = params->child(u"PRF");
                const QString prfAlgorithm = prf ? prf->attribute(u"Algorithm") : QString();
                const auto digest
                    = prfAlgorithm.isEmpty() ? std::optional(crypto::Digest::Sha1) : digestFromUri(prfAlgorithm);
                if (!saltBytes || !ok || !digest)
                    m_keyProblem
                        = TokenImport::tr("PBKDF2 のパラメーター（Salt、IterationCount、PRF）が正しくありません。");
                else
                    m_key = crypto::pbkdf2(m_options.passphrase, *saltBytes, count, keyLength, *digest);
                if (m_key.isEmpty() && m_keyProblem.isEmpty())
                    m_keyProblem = TokenImport::tr("PBKDF2 のパラメーターが範囲外です。");
            }
        } else if (ek && ek->child(u"X509Data")) {
            m_keyProblem = TokenImport::tr("公開鍵で暗号化されたファイルには対応していません。");
        } else if (m_options.preSharedKey.isEmpty()) {
            m_keyProblem = TokenImport::tr(
                "このファイルは事前共有鍵で暗号化されています。--pskc-key で鍵のファイルを指定してください。");
        } else {
            m_key = m_options.preSharedKey;
        }
        if (m_key.isEmpty())
            *problem = m_keyProblem;
        return m_key;
    }

    // The MAC key (MACMethod/MACKey, itself encrypted) and its digest.
    std::optional<std::pair<QByteArray, crypto::Digest>> macKey(QString* problem)
    {
        if (m_macDone) {
            if (!m_mac)
                *problem = m_macProblem;
            return m_mac;
        }
        m_macDone = true;
        const Node* method = m_root.child(u"MACMethod");
        const auto digest = method ? digestFromUri(method->attribute(u"Algorithm")) : std::nullopt;
        const Node* cipher = method ? method->path({ u"MACKey", u"CipherData", u"CipherValue" }) : nullptr;
        if (!method || !cipher) {
            m_macProblem = TokenImport::tr("暗号化された値があるのに MAC（MACMethod/MACKey）がありません。");
        } else if (method->attribute(u"Algorithm").isEmpty()) {
            m_macProblem = missingAlgorithm(*method);
        } else if (!digest) {
            m_macProblem = TokenImport::tr("MAC の方式 %1 には対応していません（HMAC-SHA1/224/256/384/512）。")
                               .arg(AuditLog::printable(method->attribute(u"Algorithm")));
        } else {
            const QByteArray key = encryptionKey(&m_macProblem);
            const auto sealed = base64(cipher->text);
            const auto plain = key.isEmpty() || !sealed ? std::nullopt : crypto::aesCbcDecrypt(key, *sealed);
            if (!key.isEmpty() && !plain)
                m_macProblem = TokenImport::tr("MAC の鍵を復号できません。鍵またはパスフレーズが違うか、"
                                               "ファイルが改ざんされています。");
            else if (plain)
                m_mac = std::make_pair(*plain, *digest);
        }
        if (!m_mac)
            *problem = m_macProblem;
        return m_mac;
    }

    bool passphraseMissing() const { return m_passphraseMissing; }

private:
    const Node& m_root;
    bool m_passphraseMissing = false;
    const TokenImportOptions& m_options;
    bool m_keyDone = false;
    QByteArray m_key;
    QString m_keyProblem;
    bool m_macDone = false;
    std::optional<std::pair<QByteArray, crypto::Digest>> m_mac;
    QString m_macProblem;
};

// A Data child's value: PlainValue, or EncryptedValue checked against its ValueMAC and decrypted.
// nullopt with `problem` set for a file-level failure; nullopt with no problem when absent.
std::optional<QByteArray> dataValue(
    const Node* value, bool binary, PskcKeys& keys, const QString& where, QString* problem)
{
    if (!value)
        return std::nullopt;
    if (const Node* plain = value->child(u"PlainValue")) {
        if (!binary)
            return plain->text.trimmed().toLatin1();
        const auto bytes = base64(plain->text);
        if (!bytes)
            *problem = TokenImport::tr("%1: %2 の PlainValue が base64 ではありません。").arg(where, value->name);
        return bytes;
    }
    const Node* encrypted = value->child(u"EncryptedValue");
    if (!encrypted) {
        *problem = TokenImport::tr("%1: %2 に値がありません。").arg(where, value->name);
        return std::nullopt;
    }
    const Node* method = encrypted->child(u"EncryptionMethod");
    const QString algorithm = method ? method->attribute(u"Algorithm") : QString();
    if (algorithm.isEmpty()) {
        *problem = QStringLiteral("%1: ").arg(where)
            + (method ? missingAlgorithm(*method)
                      : TokenImport::tr("%1 に EncryptionMethod がありません。").arg(value->name));
        return std::nullopt;
    }
    if (!algorithm.endsWith(QLatin1String("#aes128-cbc")) && !algorithm.endsWith(QLatin1String("#aes192-cbc"))
        && !algorithm.endsWith(QLatin1String("#aes256-cbc"))) {
        *problem = TokenImport::tr("%1: 暗号方式 %2 には対応していません（AES-CBC のみ）。")
                       .arg(where, AuditLog::printable(algorithm));
        return std::nullopt;
    }
    const Node* cipher = encrypted->path({ u"CipherData", u"CipherValue" });
    const auto sealed = cipher ? base64(cipher->text) : std::nullopt;
    if (!sealed) {
        *problem = TokenImport::tr("%1: %2 の CipherValue が base64 ではありません。").arg(where, value->name);
        return std::nullopt;
    }
    // Integrity first: the MAC over IV‖ciphertext, before anything is decrypted (RFC 6030 §6.1.1).
    const auto mac = keys.macKey(problem);
    if (!mac)
        return std::nullopt;
    const Node* valueMac = value->child(u"ValueMAC");
    const auto expected = valueMac ? base64(valueMac->text) : std::nullopt;
    if (!expected) {
        *problem = TokenImport::tr("%1: %2 に ValueMAC がありません。").arg(where, value->name);
        return std::nullopt;
    }
    if (!crypto::constantTimeEquals(crypto::hmac(mac->second, mac->first, *sealed), *expected)) {
        *problem = TokenImport::tr("%1: %2 の MAC が一致しません。ファイルが改ざんされているか、"
                                   "鍵またはパスフレーズが違います。")
                       .arg(where, value->name);
        return std::nullopt;
    }
    const QByteArray key = keys.encryptionKey(problem);
    if (key.isEmpty())
        return std::nullopt;
    auto plain = crypto::aesCbcDecrypt(key, *sealed);
    if (!plain) {
        *problem = TokenImport::tr("%1: %2 を復号できません。").arg(where, value->name);
        return std::nullopt;
    }
    if (binary)
        return plain;
    // An encrypted integer is its big-endian bytes (RFC 6030 §6.1).
    if (plain->size() > 8) {
        *problem = TokenImport::tr("%1: %2 の値が大きすぎます。").arg(where, value->name);
        return std::nullopt;
    }
    quint64 n = 0;
    for (const char c : std::as_const(*plain))
        n = (n << 8) | static_cast<quint8>(c);
    return QByteArray::number(n);
}

// One KeyPackage; refusals of the line go to `why`, file-level failures to `problem`.
// The key's algorithm (HOTP or TOTP) and its hash (Suite); false with `why` when either is not
// supported.
bool readAlgorithm(const Node& key, OtpParameters& params, QString* why)
{
    const QString algorithm = key.attribute(u"Algorithm");
    const QString base = kPskcNs;
    if (algorithm.isEmpty()) {
        *why = missingAlgorithm(key);
        return false;
    }
    if (algorithm == base + QLatin1String(":hotp") || algorithm == base + QLatin1String("#hotp")) {
        params.kind = OtpKind::Hotp;
    } else if (algorithm == base + QLatin1String(":totp") || algorithm == base + QLatin1String("#totp")) {
        params.kind = OtpKind::Totp;
    } else {
        *why = TokenImport::tr("アルゴリズム %1 には対応していません（HOTP と TOTP のみ）")
                   .arg(AuditLog::printable(algorithm));
        return false;
    }
    const Node* suite = key.path({ u"AlgorithmParameters", u"Suite" });
    if (suite) {
        const QString s = suite->text.trimmed().toUpper();
        if (s == QLatin1String("HMAC-SHA256"))
            params.algorithm = OtpAlgorithm::Sha256;
        else if (s == QLatin1String("HMAC-SHA512"))
            params.algorithm = OtpAlgorithm::Sha512;
        else if (s != QLatin1String("HMAC-SHA1"))
            *why = TokenImport::tr("Suite %1 には対応していません").arg(AuditLog::printable(s));
    }
    return why->isEmpty();
}

TokenLine keyPackage(const Node& package, const QString& where, PskcKeys& keys, const TokenImportOptions& options,
    QString* why, QString* problem)
{
    TokenLine line;
    line.where = where;
    const Node* serial = package.path({ u"DeviceInfo", u"SerialNo" });
    line.vendorSerial = serial ? serial->text.trimmed() : QString();
    const QList<const Node*> keyNodes = package.all(u"Key");
    if (keyNodes.size() != 1) {
        *why = TokenImport::tr("KeyPackage には Key が 1 つ必要です（%1 個）").arg(keyNodes.size());
        return line;
    }
    const Node& key = *keyNodes.first();
    // Every value is read (and every MAC checked) before the line is judged, so that a tampered
    // value in a line that would be refused anyway still refuses the whole file.
    const Node* data = key.child(u"Data");
    const QString dataWhere = where + QLatin1Char(' ') + line.vendorSerial;
    const auto secret = data ? dataValue(data->child(u"Secret"), true, keys, dataWhere, problem) : std::nullopt;
    const auto counter = data ? dataValue(data->child(u"Counter"), false, keys, dataWhere, problem) : std::nullopt;
    const auto interval
        = data ? dataValue(data->child(u"TimeInterval"), false, keys, dataWhere, problem) : std::nullopt;
    const auto time = data ? dataValue(data->child(u"Time"), false, keys, dataWhere, problem) : std::nullopt;
    const auto drift = data ? dataValue(data->child(u"TimeDrift"), false, keys, dataWhere, problem) : std::nullopt;
    if (!problem->isEmpty())
        return line;

    if (!readAlgorithm(key, line.params, why))
        return line;
    const Node* format = key.path({ u"AlgorithmParameters", u"ResponseFormat" });
    bool ok = false;
    line.params.digits = format ? format->attribute(u"Length").toInt(&ok) : 0;
    const QString encoding = format ? format->attribute(u"Encoding") : QString();
    const auto uint64 = [](const std::optional<QByteArray>& v, quint64 fallback, bool* good) -> quint64 {
        if (!v)
            return fallback;
        return v->toULongLong(good);
    };
    bool counterOk = true;
    bool intervalOk = true;
    bool timeOk = true;
    bool driftOk = true;
    line.state.nextCounter = uint64(counter, 0, &counterOk);
    const quint64 period = uint64(interval, 30, &intervalOk);
    const quint64 t0 = uint64(time, 0, &timeOk);
    line.state.driftSteps = drift ? drift->toLongLong(&driftOk) : 0;
    if (!ok) {
        *why = TokenImport::tr("ResponseFormat の Length がありません");
    } else if (!encoding.isEmpty() && encoding != QLatin1String("DECIMAL")) {
        *why = TokenImport::tr("数字以外の表示（Encoding=%1）には対応していません").arg(AuditLog::printable(encoding));
    } else if (line.params.digits != TokenTable::Digits) {
        *why = TokenImport::tr("%1 桁のトークンです。画面で入力できるのは 6 桁のワンタイムパスワードだけです")
                   .arg(line.params.digits);
    } else if (!secret || secret->isEmpty()) {
        *why = TokenImport::tr("Secret がありません");
    } else if (secret->size() > 128) {
        *why = TokenImport::tr("Secret が長すぎます（128 バイトまで）");
    } else if (!counterOk || !intervalOk || !timeOk || !driftOk) {
        *why = TokenImport::tr("Counter、TimeInterval、Time、TimeDrift のいずれかが整数ではありません");
    } else if (line.state.nextCounter > quint64(std::numeric_limits<qint64>::max())) {
        *why = TokenImport::tr("Counter が大きすぎます");
    } else if (line.params.kind == OtpKind::Totp && period != 30 && period != 60) {
        *why = TokenImport::tr("TimeInterval は 30 か 60 秒です（%1）").arg(period);
    } else if (line.params.kind == OtpKind::Totp && t0 != 0) {
        *why = TokenImport::tr("Time（T0）が 0 以外のトークンには対応していません");
    } else if (line.params.kind == OtpKind::Totp && std::abs(line.state.driftSteps) > OtpWindow {}.totpMaxDriftSteps) {
        *why = TokenImport::tr("TimeDrift は ±%1 ステップまでです（%2）")
                   .arg(OtpWindow {}.totpMaxDriftSteps)
                   .arg(line.state.driftSteps);
    } else if (const auto mapped = TokenImport::mapSerial(line.vendorSerial, options.serialPrefix, why)) {
        line.serial = *mapped;
        line.secret = *secret;
        // A counter-based token has no time step: a TimeInterval in its Data says nothing the
        // console uses, so the stored period stays the default instead of carrying e.g. 29.
        if (line.params.kind == OtpKind::Totp) {
            line.params.period = static_cast<int>(period);
            line.state.nextCounter = 0;
        } else {
            line.state.driftSteps = 0;
        }
    }
    return line;
}

QList<TokenLine> parsePskc(
    const QByteArray& bytes, const TokenImportOptions& options, TokenImportReport* report, QList<QString>* whys)
{
    const auto root = readXml(bytes, &report->fileProblem);
    if (!root)
        return {};
    if (root->ns != kPskcNs || root->name != QLatin1String("KeyContainer")) {
        report->fileProblem
            = TokenImport::tr("PSKC のファイルではありません（ルート要素が %1 の KeyContainer ではありません）。")
                  .arg(kPskcNs);
        return {};
    }
    if (root->attribute(u"Version") != QLatin1String("1.0")) {
        report->fileProblem = TokenImport::tr("PSKC の版 %1 には対応していません（1.0 のみ）。")
                                  .arg(AuditLog::printable(root->attribute(u"Version")));
        return {};
    }
    const QList<const Node*> packages = root->all(u"KeyPackage");
    if (packages.size() > TokenImport::MaxTokens) {
        report->fileProblem = TokenImport::tr("トークンが多すぎます（%1 個まで）。").arg(TokenImport::MaxTokens);
        return {};
    }
    PskcKeys keys(*root, options);
    report->format = root->child(u"EncryptionKey")
        ? (root->path({ u"EncryptionKey", u"DerivedKey" }) ? QStringLiteral("PSKC (PBKDF2)")
                                                           : QStringLiteral("PSKC (pre-shared key)"))
        : QStringLiteral("PSKC");
    QList<TokenLine> lines;
    for (qsizetype i = 0; i < packages.size(); ++i) {
        QString why;
        TokenLine line = keyPackage(
            *packages[i], QStringLiteral("KeyPackage %1").arg(i + 1), keys, options, &why, &report->fileProblem);
        if (!report->fileProblem.isEmpty()) {
            report->needsPassphrase = keys.passphraseMissing();
            return {}; // one bad MAC (or key) refuses the whole file
        }
        lines.append(line);
        whys->append(why);
    }
    if (packages.isEmpty())
        report->fileProblem = TokenImport::tr("ファイルにトークン（KeyPackage）がありません。");
    return lines;
}

// ---------------------------------------------------------------------------------------------
// The plain CSV: serial, secret_hex or secret_base32, type, digits, period (TOTP) or counter
// (HOTP); optional algorithm (sha1, sha256, sha512).

// A CSV line's secret: hexadecimal (secret_hex) or base32 (secret_base32); nullopt when it is not.
std::optional<QByteArray> csvSecret(const QString& text, bool hex)
{
    if (!hex)
        return TokenImport::fromBase32(text);
    const bool valid = !text.isEmpty() && text.size() % 2 == 0 && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c.toLower() >= u'a' && c.toLower() <= u'f');
    });
    return valid ? std::optional<QByteArray>(QByteArray::fromHex(text.toLatin1())) : std::nullopt;
}

QList<TokenLine> parseCsv(
    const QByteArray& bytes, const TokenImportOptions& options, TokenImportReport* report, QList<QString>* whys)
{
    QString used;
    const QString text = csv::decode(bytes, QStringLiteral("utf-8"), &used, &report->fileProblem);
    if (!report->fileProblem.isEmpty())
        return {};
    report->format = QStringLiteral("CSV (%1)").arg(used);
    const QList<csv::Record> records = csv::records(text, &report->fileProblem);
    if (!report->fileProblem.isEmpty())
        return {};
    if (records.size() < 2) {
        report->fileProblem = TokenImport::tr("ファイルにトークンがありません。");
        return {};
    }
    if (records.size() - 1 > TokenImport::MaxTokens) {
        report->fileProblem = TokenImport::tr("トークンが多すぎます（%1 個まで）。").arg(TokenImport::MaxTokens);
        return {};
    }
    QStringList header;
    for (const QString& h : records.first().fields)
        header.append(h.trimmed().toLower());
    const qsizetype hex = header.indexOf(QStringLiteral("secret_hex"));
    const qsizetype b32 = header.indexOf(QStringLiteral("secret_base32"));
    for (const char* name : { "serial", "type", "digits" }) {
        if (!header.contains(QLatin1String(name))) {
            report->fileProblem = TokenImport::tr("1 行目（見出し）に列「%1」がありません。").arg(QLatin1String(name));
            return {};
        }
    }
    if ((hex < 0) == (b32 < 0)) {
        report->fileProblem
            = TokenImport::tr("1 行目（見出し）には secret_hex と secret_base32 のどちらか一方が必要です。");
        return {};
    }
    const auto column = [&](const csv::Record& r, const char* name) {
        const qsizetype at = header.indexOf(QLatin1String(name));
        return at < 0 ? QString() : r.fields.value(at).trimmed();
    };
    QList<TokenLine> lines;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const csv::Record& r = records[i];
        TokenLine line;
        line.where = TokenImport::tr("%1 行目").arg(r.line);
        line.vendorSerial = column(r, "serial");
        QString why;
        const std::optional<QByteArray> secret = csvSecret(r.fields.value(hex >= 0 ? hex : b32).trimmed(), hex >= 0);
        const QString type = column(r, "type").toLower();
        const QString algorithm = column(r, "algorithm").toLower();
        bool digitsOk = false;
        bool periodOk = true;
        bool counterOk = true;
        line.params.digits = column(r, "digits").toInt(&digitsOk);
        const QString periodText = column(r, "period");
        const QString counterText = column(r, "counter");
        const int period = periodText.isEmpty() ? 30 : periodText.toInt(&periodOk);
        line.state.nextCounter = counterText.isEmpty() ? 0 : counterText.toULongLong(&counterOk);
        if (r.fields.size() != header.size()) {
            why = TokenImport::tr("列の数が見出しと違います（%1 列、見出しは %2 列）")
                      .arg(r.fields.size())
                      .arg(header.size());
        } else if (!otpKindFromName(type)) {
            why = TokenImport::tr("type は totp か hotp です");
        } else if (!algorithm.isEmpty() && !otpAlgorithmFromName(algorithm)) {
            why = TokenImport::tr("algorithm は sha1、sha256、sha512 のいずれかです");
        } else if (!digitsOk || line.params.digits != TokenTable::Digits) {
            why = TokenImport::tr("%1 桁のトークンです。画面で入力できるのは 6 桁のワンタイムパスワードだけです")
                      .arg(column(r, "digits"));
        } else if (!secret || secret->isEmpty()) {
            why = hex >= 0 ? TokenImport::tr("secret_hex が 16 進数ではありません")
                           : TokenImport::tr("secret_base32 が base32 ではありません");
        } else if (secret->size() > 128) {
            why = TokenImport::tr("Secret が長すぎます（128 バイトまで）");
        } else if (!periodOk || (period != 30 && period != 60)) {
            why = TokenImport::tr("period は 30 か 60 秒です");
        } else if (!counterOk || line.state.nextCounter > quint64(std::numeric_limits<qint64>::max())) {
            why = TokenImport::tr("counter は 0 以上の整数です");
        } else if (const auto mapped = TokenImport::mapSerial(line.vendorSerial, options.serialPrefix, &why)) {
            line.serial = *mapped;
            line.params.kind = *otpKindFromName(type);
            line.params.algorithm = algorithm.isEmpty() ? OtpAlgorithm::Sha1 : *otpAlgorithmFromName(algorithm);
            line.params.period = period;
            line.secret = *secret;
            if (line.params.kind == OtpKind::Totp)
                line.state.nextCounter = 0;
        }
        lines.append(line);
        whys->append(why);
    }
    return lines;
}

QString paramsText(const OtpParameters& p)
{
    return QStringLiteral("%1/%2/%3/%4")
        .arg(otpKindName(p.kind), otpAlgorithmName(p.algorithm))
        .arg(p.digits)
        .arg(p.period);
}

} // namespace

QList<TokenLine> TokenImport::parse(
    const QByteArray& bytes, const TokenImportOptions& options, TokenImportReport* report)
{
    if (bytes.size() > MaxFileBytes) {
        report->fileProblem = tr("ファイルが大きすぎます（%1 MB まで）。").arg(MaxFileBytes / 1024 / 1024);
        return {};
    }
    QByteArray head = bytes.left(64);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    const bool xml = head.trimmed().startsWith('<');
    QList<QString> whys;
    QList<TokenLine> parsed = xml ? parsePskc(bytes, options, report, &whys) : parseCsv(bytes, options, report, &whys);
    if (!report->fileProblem.isEmpty())
        return {};
    // The accepted lines; a serial twice in the file refuses both.
    QHash<QString, int> seen;
    for (const TokenLine& l : std::as_const(parsed)) {
        if (!l.serial.isEmpty())
            ++seen[l.serial];
    }
    QList<TokenLine> out;
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        TokenLine& l = parsed[i];
        QString why = whys[i];
        if (why.isEmpty() && seen.value(l.serial) > 1)
            why = tr("シリアル番号 %1 がファイルに 2 回以上あります").arg(l.serial);
        if (!why.isEmpty()) {
            report->outcomes.append({ Kind::Refused, l.where, l.serial.isEmpty() ? l.vendorSerial : l.serial, why });
            l.secret.fill('\0');
            continue;
        }
        out.append(l);
    }
    return out;
}

bool TokenImport::apply(
    Store& store, QList<TokenLine> lines, bool replace, bool check, const QString& actor, TokenImportReport* report)
{
    const QList<TokenOutcome> refusedInParse = report->outcomes;
    QList<TokenOutcome> outcomes;
    QList<AuditEntry> audit;
    bool completed = false;
    const bool clean = !report->refusedAny();
    const bool done = !lines.isEmpty() && store.transaction([&] {
        outcomes.clear();
        audit.clear();
        for (const TokenLine& l : std::as_const(lines)) {
            const auto existing = TokenTable::find(store, l.serial);
            const QByteArray sealed = store.sealSecret(l.secret, l.serial);
            if (sealed.isEmpty())
                return false;
            if (!existing) {
                if (!TokenTable::insert(store, l.serial, l.params, sealed, l.state, TokenStatus::Available))
                    return false;
                outcomes.append({ Kind::Imported, l.where, l.serial, {} });
                audit.append({ 0, {}, actor, auditKey(AuditAction::TokenImported), 0,
                    QStringLiteral("serial=%1 params=%2").arg(l.serial, paramsText(l.params)) });
                continue;
            }
            const auto current = store.openSecret(existing->sealedSecret, l.serial);
            const bool registered = existing->holderCorporation != 0 || existing->status == TokenStatus::Registered;
            const bool same = current && crypto::constantTimeEquals(*current, l.secret)
                && existing->params.kind == l.params.kind && existing->params.algorithm == l.params.algorithm
                && existing->params.digits == l.params.digits && existing->params.period == l.params.period;
            QString why;
            if (same && existing->status != TokenStatus::Retired) {
                outcomes.append({ Kind::Unchanged, l.where, l.serial, {} });
                continue;
            }
            if (!replace)
                why = tr("シリアル番号 %1 は登録済みです（置き換えるには --replace）").arg(l.serial);
            else if (!existing->stateIntact)
                why = tr("シリアル番号 %1 の記録が改ざんされているため、置き換えられません").arg(l.serial);
            else if (registered && existing->params.kind != l.params.kind)
                why = tr("利用登録済みのトークン %1 の種類（HOTP/TOTP）は変えられません").arg(l.serial);
            if (!why.isEmpty()) {
                outcomes.append({ Kind::Refused, l.where, l.serial, why });
                continue;
            }
            // A registered token keeps where it stands; a spare one starts from the vendor's state.
            const std::optional<OtpState> state = registered ? std::nullopt : std::optional<OtpState>(l.state);
            if (!TokenTable::replace(store, existing->id, l.serial, l.params, sealed, state,
                    registered ? TokenStatus::Registered : TokenStatus::Available))
                return false;
            outcomes.append({ Kind::Replaced, l.where, l.serial, {} });
            audit.append({ 0, {}, actor, auditKey(AuditAction::TokenReplaced), existing->holderCorporation,
                QStringLiteral("serial=%1 params=%2 state=%3")
                    .arg(l.serial, paramsText(l.params),
                        registered ? QStringLiteral("kept") : QStringLiteral("from-file")) });
        }
        completed = true;
        const bool refusedHere = std::any_of(
            outcomes.cbegin(), outcomes.cend(), [](const TokenOutcome& o) { return o.kind == Kind::Refused; });
        if (check || !clean || refusedHere)
            return false; // rolled back: nothing is written
        const auto count = [&](Kind k) {
            return std::count_if(
                outcomes.cbegin(), outcomes.cend(), [k](const TokenOutcome& o) { return o.kind == k; });
        };
        audit.append({ 0, {}, actor, auditKey(AuditAction::TokensImported), 0,
            QStringLiteral("format=%1 imported=%2 replaced=%3 unchanged=%4")
                .arg(report->format)
                .arg(count(Kind::Imported))
                .arg(count(Kind::Replaced))
                .arg(count(Kind::Unchanged)) });
        return store.auditLog().appendMany(audit);
    });
    for (TokenLine& l : lines)
        l.secret.fill('\0');
    report->outcomes = refusedInParse + outcomes;
    report->written = done;
    if (!completed && !lines.isEmpty())
        report->fileProblem = store.errorCode() == StoreErrorCode::Locked
            ? Store::lockedMessage()
            : tr("トークンをデータベースに書き込めませんでした。データベースは変更されていません。");
    return done || (completed && check && !report->refusedAny());
}

namespace {

// The file's tokens as the server takes them (store/sql/imports.sql).
QByteArray serverTokens(const QList<TokenLine>& lines)
{
    QJsonArray tokens;
    for (const TokenLine& l : lines) {
        tokens.append(QJsonObject { { QStringLiteral("serial"), l.serial },
            { QStringLiteral("kind"), otpKindName(l.params.kind) },
            { QStringLiteral("algorithm"), otpAlgorithmName(l.params.algorithm) },
            { QStringLiteral("digits"), l.params.digits }, { QStringLiteral("period"), l.params.period },
            // 64-bit values as text: a JSON number holds 53 bits.
            { QStringLiteral("counter"), QString::number(l.state.nextCounter) },
            { QStringLiteral("last_step"), QString::number(l.state.lastStep) },
            { QStringLiteral("drift"), QString::number(l.state.driftSteps) },
            { QStringLiteral("seed"), QString::fromLatin1(l.secret.toHex()) } });
    }
    return QJsonDocument(tokens).toJson(QJsonDocument::Compact);
}

} // namespace

bool TokenImport::applyThroughServer(ServerDesk& server, const QString& session, QList<TokenLine> lines, bool replace,
    const QString& reason, TokenImportReport* report)
{
    const auto wipe = [&] {
        for (TokenLine& l : lines)
            l.secret.fill('\0');
    };
    report->written = false;
    if (lines.isEmpty() || report->refusedAny()) {
        wipe();
        return false;
    }
    QByteArray tokens = serverTokens(lines);
    const ServerDesk::TokenImportAnswer answer = server.importTokens(session, tokens, replace,
        report->format.startsWith(QLatin1String("PSKC")) ? QStringLiteral("pskc") : QStringLiteral("csv"), reason);
    tokens.fill('\0');
    wipe();
    switch (answer.outcome) {
    case ServerDesk::StaffAct::Done:
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QChar k = i < answer.detail.size() ? answer.detail.at(i) : QChar();
            report->outcomes.append({ k == QLatin1Char('i') ? Kind::Imported
                    : k == QLatin1Char('r')                 ? Kind::Replaced
                                                            : Kind::Unchanged,
                lines[i].where, lines[i].serial, {} });
        }
        report->written = true;
        return true;
    case ServerDesk::StaffAct::Refused:
        for (const QString& line : answer.detail.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const TokenLine& l = lines.value(line.section(QLatin1Char(' '), 0, 0).toInt() - 1);
            const QString why = line.section(QLatin1Char(' '), 1);
            report->outcomes.append({ Kind::Refused, l.where, l.serial,
                why == QLatin1String("exists")
                    ? tr("シリアル番号 %1 は登録済みです（置き換えるには --replace）").arg(l.serial)
                    : why == QLatin1String("tampered")
                    ? tr("シリアル番号 %1 の記録が改ざんされているため、置き換えられません").arg(l.serial)
                    : why == QLatin1String("registered-kind")
                    ? tr("利用登録済みのトークン %1 の種類（HOTP/TOTP）は変えられません").arg(l.serial)
                    : tr("サーバーがこのトークンの値を受け付けませんでした") });
        }
        return false;
    case ServerDesk::StaffAct::NotAdministrator:
        report->fileProblem = tr("トークンの取り込みは管理者だけが行えます。");
        return false;
    case ServerDesk::StaffAct::NoSession:
        report->fileProblem = tr("担当者のサインインが終わっています。サインインし直してください。");
        return false;
    case ServerDesk::StaffAct::Invalid:
        report->fileProblem = tr("理由を入力してください（200 文字まで）。");
        return false;
    default:
        report->fileProblem = tr("トークンをデータベースに書き込めませんでした。データベースは変更されていません。");
        return false;
    }
}

} // namespace hardtoken
