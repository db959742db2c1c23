// The vendor's token inventory into a store: PSKC (RFC 6030) plain, pre-shared key and PBKDF2, with
// containers made here with known secrets (OpenSSL called directly, not through the console's
// code) and, where python3-pskc is installed, by an independent writer; the plain CSV; the serial
// rule; re-import and --replace; hostile files; "all or nothing".
#include "TestSupport.h"

#include "core/Crypto.h"
#include "inventory/TokenImport.h"
#include "store/TokenTable.h"

#include <QProcess>
#include <QStandardPaths>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace hardtoken;
using namespace hardtoken::test;

namespace {

const QByteArray kSecret = QByteArrayLiteral("12345678901234567890"); // RFC 4226 Appendix D
const QByteArray kSecret2 = QByteArrayLiteral("vendor-secret-number-two");

// ---- An independent PSKC writer (OpenSSL directly) --------------------------------------------

QByteArray cbcEncrypt(const QByteArray& key, const QByteArray& plain)
{
    const QByteArray iv = crypto::randomBytes(16);
    QByteArray out(plain.size() + 32, Qt::Uninitialized);
    int n = 0;
    int f = 0;
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(ctx, key.size() == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc(), nullptr,
        reinterpret_cast<const unsigned char*>(key.constData()),
        reinterpret_cast<const unsigned char*>(iv.constData()));
    EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &n,
        reinterpret_cast<const unsigned char*>(plain.constData()), static_cast<int>(plain.size()));
    EVP_EncryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + n, &f);
    EVP_CIPHER_CTX_free(ctx);
    out.truncate(n + f);
    return iv + out;
}

struct PskcKey {
    PskcKey(QString s, QString a = QStringLiteral("hotp"), QByteArray k = kSecret, int d = 6,
        QString c = QStringLiteral("0"), QString extra = {})
        : serial(std::move(s))
        , algorithm(std::move(a))
        , secret(std::move(k))
        , digits(d)
        , counter(std::move(c))
        , extraData(std::move(extra))
    {
    }
    QString serial;
    QString algorithm; // "hotp" or "totp"
    QByteArray secret;
    int digits;
    QString counter;
    QString extraData; // more Data children (TimeInterval, Time, TimeDrift)
};

enum class Protection { Plain, PreShared, Pbkdf2 };

struct PskcWriter {
    Protection protection = Protection::Plain;
    QByteArray key = QByteArray::fromHex("12345678901234567890123456789012");
    QByteArray macKey = crypto::randomBytes(20);
    QByteArray salt = crypto::randomBytes(16);
    QByteArray passphrase = QByteArrayLiteral("qwerty");
    int iterations = 1000;
    QString prf {}; // an element after KeyLength (RFC 6030's Figure 7: <PRF/>)
    // The MAC method (RFC 6931's URIs) and the digest the ValueMACs are made with.
    QString macUri = QStringLiteral("http://www.w3.org/2000/09/xmldsig#hmac-sha1");
    crypto::Digest macDigest = crypto::Digest::Sha1;

    QByteArray encryptionKey() const
    {
        if (protection != Protection::Pbkdf2)
            return key;
        QByteArray out(16, Qt::Uninitialized);
        PKCS5_PBKDF2_HMAC(passphrase.constData(), static_cast<int>(passphrase.size()),
            reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<int>(salt.size()), iterations,
            EVP_sha1(), 16, reinterpret_cast<unsigned char*>(out.data()));
        return out;
    }

    QString write(const QList<PskcKey>& keys) const
    {
        const QString aes = QStringLiteral("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
        QString head;
        if (protection == Protection::PreShared) {
            head = QStringLiteral("<EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>");
        } else if (protection == Protection::Pbkdf2) {
            head = QStringLiteral(
                "<EncryptionKey><xenc11:DerivedKey><xenc11:KeyDerivationMethod "
                "Algorithm=\"http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2\">"
                "<pkcs5:PBKDF2-params><Salt><Specified>%1</Specified></Salt><IterationCount>%2</IterationCount>"
                "<KeyLength>16</KeyLength>%3</pkcs5:PBKDF2-params></xenc11:KeyDerivationMethod>"
                "<xenc11:MasterKeyName>My Password 1</xenc11:MasterKeyName></xenc11:DerivedKey></EncryptionKey>")
                       .arg(QString::fromLatin1(salt.toBase64()))
                       .arg(iterations)
                       .arg(prf);
        }
        if (protection != Protection::Plain) {
            head += QStringLiteral("<MACMethod Algorithm=\"%3\"><MACKey>"
                                   "<xenc:EncryptionMethod Algorithm=\"%1\"/><xenc:CipherData><xenc:CipherValue>%2"
                                   "</xenc:CipherValue></xenc:CipherData></MACKey></MACMethod>")
                        .arg(aes, QString::fromLatin1(cbcEncrypt(encryptionKey(), macKey).toBase64()), macUri);
        }
        QString packages;
        for (const PskcKey& k : keys) {
            QString secret;
            if (protection == Protection::Plain) {
                secret = QStringLiteral("<PlainValue>%1</PlainValue>").arg(QString::fromLatin1(k.secret.toBase64()));
            } else {
                const QByteArray sealed = cbcEncrypt(encryptionKey(), k.secret);
                secret = QStringLiteral("<EncryptedValue><xenc:EncryptionMethod Algorithm=\"%1\"/><xenc:CipherData>"
                                        "<xenc:CipherValue>%2</xenc:CipherValue></xenc:CipherData></EncryptedValue>"
                                        "<ValueMAC>%3</ValueMAC>")
                             .arg(aes, QString::fromLatin1(sealed.toBase64()),
                                 QString::fromLatin1(crypto::hmac(macDigest, macKey, sealed).toBase64()));
            }
            packages += QStringLiteral(
                "<KeyPackage><DeviceInfo><Manufacturer>Manufacturer</Manufacturer><SerialNo>%1</SerialNo></DeviceInfo>"
                "<Key Id=\"%1\" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:%2\"><Issuer>Issuer</Issuer>"
                "<AlgorithmParameters><ResponseFormat Length=\"%3\" Encoding=\"DECIMAL\"/></AlgorithmParameters>"
                "<Data><Secret>%4</Secret><Counter><PlainValue>%5</PlainValue></Counter>%6</Data></Key></KeyPackage>")
                            .arg(k.serial, k.algorithm)
                            .arg(k.digits)
                            .arg(secret, k.counter, k.extraData);
        }
        return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\""
                              " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                              " xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\""
                              " xmlns:xenc11=\"http://www.w3.org/2009/xmlenc11#\""
                              " xmlns:pkcs5=\"http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#\">\n")
            + head + packages + QStringLiteral("</KeyContainer>\n");
    }
};

QString totpData(int interval = 30, int time = 0, int drift = 0)
{
    return QStringLiteral("<TimeInterval><PlainValue>%1</PlainValue></TimeInterval><Time><PlainValue>%2</PlainValue>"
                          "</Time><TimeDrift><PlainValue>%3</PlainValue></TimeDrift>")
        .arg(interval)
        .arg(time)
        .arg(drift);
}

// ---- A store and what it holds -----------------------------------------------------------------

struct Inventory {
    EmptyStore empty;
    Store& store = empty.store;

    TokenImportReport import(const QByteArray& bytes, const TokenImportOptions& options = {}, bool replace = false,
        bool check = false, bool* ok = nullptr)
    {
        TokenImportReport report;
        const QList<TokenLine> lines = TokenImport::parse(bytes, options, &report);
        const bool done = TokenImport::apply(store, lines, replace, check, QStringLiteral("test"), &report);
        if (ok)
            *ok = done;
        return report;
    }
    int tokens() const { return TokenTable::listing(store).size(); }
    QByteArray secretOf(const QString& serial) const
    {
        const auto t = TokenTable::find(store, serial);
        return t ? store.openSecret(t->sealedSecret, serial).value_or(QByteArray()) : QByteArray();
    }
};

QString oathtool(const QStringList& args)
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("oathtool"));
    if (exe.isEmpty())
        return QStringLiteral("oathtool not found");
    QProcess p;
    p.start(exe, args);
    p.waitForFinished(10000);
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

QString reasons(const TokenImportReport& r)
{
    QStringList out { r.fileProblem };
    for (const TokenOutcome& o : r.outcomes)
        out << o.where + QLatin1Char(' ') + o.reason;
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestTokenImport final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pskcGivesTheVendorsCodes_data();
    void pskcGivesTheVendorsCodes();
    void aTamperedContainerIsRefusedWhole_data();
    void aTamperedContainerIsRefusedWhole();
    void aWrongKeyOrMissingPassphraseIsSaidSo();
    void pythonPskcContainersAreRead();
    void rfc6030Figure7WithAnEmptyPrf();
    void everyHmacOfRfc6931AsTheMac_data();
    void everyHmacOfRfc6931AsTheMac();
    void aMissingAlgorithmIsNamedAsMissing();
    void aCounterTokensTimeIntervalIsIgnored();
    void linesThatBreakTheRulesAreRefusedWithTheReason_data();
    void linesThatBreakTheRulesAreRefusedWithTheReason();
    void serialRuleMapsOrRefuses_data();
    void serialRuleMapsOrRefuses();
    void csvHexAndBase32();
    void reimportIsUnchangedOrRefusedUnlessReplace();
    void replaceKeepsARegisteredTokensState();
    void checkWritesNothing();
    void hostileFilesChangeNothing_data();
    void hostileFilesChangeNothing();
};

void TestTokenImport::pskcGivesTheVendorsCodes_data()
{
    QTest::addColumn<int>("protection");
    QTest::newRow("plain") << int(Protection::Plain);
    QTest::newRow("pre-shared AES-128-CBC key") << int(Protection::PreShared);
    QTest::newRow("PBKDF2 passphrase") << int(Protection::Pbkdf2);
}

void TestTokenImport::pskcGivesTheVendorsCodes()
{
    QFETCH(int, protection);
    PskcWriter writer;
    writer.protection = Protection(protection);
    const QString xml
        = writer.write({ { QStringLiteral("0123456789"), QStringLiteral("hotp"), kSecret, 6, QStringLiteral("5"), {} },
            { QStringLiteral("1123456789"), QStringLiteral("totp"), kSecret2, 6, QStringLiteral("0"),
                totpData(60, 0, 1) } });
    TokenImportOptions options;
    options.preSharedKey = writer.key;
    options.passphrase = writer.passphrase;
    Inventory inv;
    bool ok = false;
    const TokenImportReport report = inv.import(xml.toUtf8(), options, false, false, &ok);
    QVERIFY2(ok, qPrintable(reasons(report)));
    QVERIFY(report.written);
    QCOMPARE(report.count(TokenOutcome::Kind::Imported), 2);
    QCOMPARE(inv.tokens(), 2);

    // What the store holds gives the codes the vendor's card shows (oathtool as the card).
    const auto hotp = TokenTable::find(inv.store, QStringLiteral("0123456789"));
    QVERIFY(hotp);
    QCOMPARE(hotp->params.kind, OtpKind::Hotp);
    QCOMPARE(hotp->state.nextCounter, 5u);
    QCOMPARE(hotp->status, TokenStatus::Available);
    const QByteArray secret = inv.secretOf(QStringLiteral("0123456789"));
    QCOMPARE(secret, kSecret);
    OtpGenerator gen;
    QCOMPARE(gen.hotp(secret, 5), QStringLiteral("254676")); // RFC 4226 Appendix D, count 5
    QCOMPARE(gen.hotp(secret, 5),
        oathtool({ QStringLiteral("--hotp"), QStringLiteral("-c"), QStringLiteral("5"),
            QString::fromLatin1(kSecret.toHex()) }));
    const auto totp = TokenTable::find(inv.store, QStringLiteral("1123456789"));
    QVERIFY(totp);
    QCOMPARE(totp->params.kind, OtpKind::Totp);
    QCOMPARE(totp->params.period, 60);
    QCOMPARE(totp->state.driftSteps, 1);
    QVERIFY(totp->stateIntact);
    QCOMPARE(gen.totp(inv.secretOf(QStringLiteral("1123456789")), 1700000000, 60),
        oathtool({ QStringLiteral("--totp"), QStringLiteral("-s"), QStringLiteral("60"), QStringLiteral("-N"),
            QStringLiteral("@1700000000"), QString::fromLatin1(kSecret2.toHex()) }));
    // The secret is sealed at rest: the row never holds it in clear.
    QVERIFY(!hotp->sealedSecret.contains(kSecret));
    // Audited per token and for the file, without the secret.
    const QList<AuditEntry> audit = inv.store.auditLog().entries();
    QCOMPARE(std::count_if(audit.cbegin(), audit.cend(),
                 [](const AuditEntry& e) { return e.action == QLatin1String("token.imported"); }),
        2);
    for (const AuditEntry& e : audit)
        QVERIFY(!e.details.contains(QString::fromLatin1(kSecret)));
}

void TestTokenImport::aTamperedContainerIsRefusedWhole_data()
{
    QTest::addColumn<int>("protection");
    QTest::addColumn<QString>("element"); // whose text gets one flipped byte
    QTest::newRow("pre-shared: CipherValue") << int(Protection::PreShared) << QStringLiteral("xenc:CipherValue");
    QTest::newRow("pre-shared: ValueMAC") << int(Protection::PreShared) << QStringLiteral("ValueMAC");
    QTest::newRow("PBKDF2: CipherValue") << int(Protection::Pbkdf2) << QStringLiteral("xenc:CipherValue");
    QTest::newRow("PBKDF2: ValueMAC") << int(Protection::Pbkdf2) << QStringLiteral("ValueMAC");
}

void TestTokenImport::aTamperedContainerIsRefusedWhole()
{
    QFETCH(int, protection);
    QFETCH(QString, element);
    PskcWriter writer;
    writer.protection = Protection(protection);
    QString xml = writer.write(
        { { QStringLiteral("0123456789") }, { QStringLiteral("0123456790") }, { QStringLiteral("0123456791") } });
    // One byte of the LAST package's value: the two good packages before it are not imported either.
    const QString open = QLatin1Char('<') + element + QLatin1Char('>');
    const qsizetype at = xml.lastIndexOf(open);
    QVERIFY(at > 0);
    QByteArray value = QByteArray::fromBase64(
        xml.mid(at + open.size(), xml.indexOf(QLatin1Char('<'), at + 1) - at - open.size()).toLatin1());
    value[value.size() / 2] = static_cast<char>(value[value.size() / 2] ^ 0x01);
    const qsizetype end = xml.indexOf(QLatin1Char('<'), at + 1);
    xml.replace(at + open.size(), end - at - open.size(), QString::fromLatin1(value.toBase64()));

    TokenImportOptions options;
    options.preSharedKey = writer.key;
    options.passphrase = writer.passphrase;
    Inventory inv;
    bool ok = true;
    const TokenImportReport report = inv.import(xml.toUtf8(), options, false, false, &ok);
    QVERIFY(!ok);
    QVERIFY(!report.written);
    QVERIFY2(report.fileProblem.contains(QStringLiteral("KeyPackage 3")), qPrintable(report.fileProblem));
    QVERIFY2(report.fileProblem.contains(QStringLiteral("MAC")), qPrintable(report.fileProblem));
    QCOMPARE(inv.tokens(), 0);
}

void TestTokenImport::aWrongKeyOrMissingPassphraseIsSaidSo()
{
    PskcWriter writer;
    writer.protection = Protection::PreShared;
    const QByteArray xml = writer.write({ { QStringLiteral("0123456789") } }).toUtf8();
    Inventory inv;
    TokenImportReport none = inv.import(xml);
    QVERIFY2(none.fileProblem.contains(QStringLiteral("--pskc-key")), qPrintable(none.fileProblem));
    TokenImportOptions wrong;
    wrong.preSharedKey = QByteArray(16, 'k');
    const TokenImportReport bad = inv.import(xml, wrong);
    // Either the MAC key does not decrypt (its padding is wrong), or — about one time in 256 with a
    // random key — it decrypts to garbage and the first MAC does not match: both say why.
    QVERIFY2(bad.fileProblem.contains(QStringLiteral("鍵またはパスフレーズが違")), qPrintable(bad.fileProblem));

    writer.protection = Protection::Pbkdf2;
    const QByteArray derived = writer.write({ { QStringLiteral("0123456789") } }).toUtf8();
    const TokenImportReport needs = inv.import(derived);
    QVERIFY(needs.needsPassphrase);
    QVERIFY2(needs.fileProblem.contains(QStringLiteral("--passphrase-file")), qPrintable(needs.fileProblem));
    TokenImportOptions typo;
    typo.passphrase = "qwertz";
    const TokenImportReport mistyped = inv.import(derived, typo);
    QVERIFY(!mistyped.needsPassphrase);
    QVERIFY(!mistyped.fileProblem.isEmpty());
    QCOMPARE(inv.tokens(), 0);
}

void TestTokenImport::rfc6030Figure7WithAnEmptyPrf()
{
    // RFC 6030 §6.2, Figure 7: PBKDF2 with the RFC's salt, 1,000 iterations, a 16-byte key, the
    // passphrase "qwerty" and an empty <PRF/> — the default of RFC 8018, HMAC-SHA1.
    PskcWriter writer;
    writer.protection = Protection::Pbkdf2;
    writer.salt = QByteArray::fromBase64("Ej7/PEpyEpw=");
    writer.iterations = 1000;
    writer.passphrase = "qwerty";
    writer.macKey = QByteArray::fromHex("1122334455667788990011223344556677889900");
    writer.prf = QStringLiteral("<PRF/>");
    const QByteArray xml = writer
                               .write({ { QStringLiteral("0987654321"), QStringLiteral("hotp"),
                                   QByteArrayLiteral("12345678901234567890") } })
                               .toUtf8();
    TokenImportOptions options;
    options.passphrase = "qwerty";
    Inventory inv;
    const TokenImportReport r = inv.import(xml, options);
    QVERIFY2(r.fileProblem.isEmpty(), qPrintable(reasons(r)));
    QCOMPARE(inv.secretOf(QStringLiteral("0987654321")), QByteArrayLiteral("12345678901234567890"));
    // A PRF that names HMAC-SHA1 is the same; one that names another HMAC derives another key.
    writer.prf = QStringLiteral("<PRF Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\"/>");
    Inventory again;
    QVERIFY2(again.import(writer.write({ { QStringLiteral("0987654321") } }).toUtf8(), options).fileProblem.isEmpty(),
        "PRF hmac-sha1");
    writer.prf = QStringLiteral("<PRF Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#hmac-sha256\"/>");
    Inventory other;
    QVERIFY(!other.import(writer.write({ { QStringLiteral("0987654321") } }).toUtf8(), options).fileProblem.isEmpty());
}

void TestTokenImport::everyHmacOfRfc6931AsTheMac_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<int>("digest");
    QTest::newRow("HMAC-SHA1") << QStringLiteral("http://www.w3.org/2000/09/xmldsig#hmac-sha1")
                               << int(crypto::Digest::Sha1);
    QTest::newRow("HMAC-SHA224") << QStringLiteral("http://www.w3.org/2001/04/xmldsig-more#hmac-sha224")
                                 << int(crypto::Digest::Sha224);
    QTest::newRow("HMAC-SHA256") << QStringLiteral("http://www.w3.org/2001/04/xmldsig-more#hmac-sha256")
                                 << int(crypto::Digest::Sha256);
    QTest::newRow("HMAC-SHA384") << QStringLiteral("http://www.w3.org/2001/04/xmldsig-more#hmac-sha384")
                                 << int(crypto::Digest::Sha384);
    QTest::newRow("HMAC-SHA512") << QStringLiteral("http://www.w3.org/2001/04/xmldsig-more#hmac-sha512")
                                 << int(crypto::Digest::Sha512);
}

void TestTokenImport::everyHmacOfRfc6931AsTheMac()
{
    QFETCH(QString, uri);
    QFETCH(int, digest);
    PskcWriter writer;
    writer.protection = Protection::PreShared;
    writer.macUri = uri;
    writer.macDigest = crypto::Digest(digest);
    TokenImportOptions options;
    options.preSharedKey = writer.key;
    Inventory inv;
    const TokenImportReport r = inv.import(writer.write({ { QStringLiteral("0123456789") } }).toUtf8(), options);
    QVERIFY2(r.fileProblem.isEmpty(), qPrintable(reasons(r)));
    QCOMPARE(inv.secretOf(QStringLiteral("0123456789")), kSecret);
    // The same MAC checked with another digest is a tampered container: refused whole.
    writer.macDigest = crypto::Digest(digest == int(crypto::Digest::Sha1) ? int(crypto::Digest::Sha256) : 0);
    Inventory tampered;
    QVERIFY(
        !tampered.import(writer.write({ { QStringLiteral("0123456789") } }).toUtf8(), options).fileProblem.isEmpty());
    QCOMPARE(tampered.tokens(), 0);
}

void TestTokenImport::aMissingAlgorithmIsNamedAsMissing()
{
    PskcWriter writer;
    writer.protection = Protection::PreShared;
    TokenImportOptions options;
    options.preSharedKey = writer.key;
    const QString xml = writer.write({ { QStringLiteral("0123456789") } });
    const auto without = [&](const QString& attribute) {
        QString edited = xml;
        edited.replace(attribute, QString());
        Inventory inv;
        return reasons(inv.import(edited.toUtf8(), options));
    };
    // The key's algorithm, the value's cipher, the MAC's method: each said as missing, by name.
    const QString key = without(QStringLiteral(" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:hotp\""));
    QVERIFY2(key.contains(QStringLiteral("Key に Algorithm 属性がありません")), qPrintable(key));
    QString cipherless = xml;
    const QString aes
        = QStringLiteral("<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/>");
    cipherless.replace(cipherless.lastIndexOf(aes), aes.size(), QStringLiteral("<xenc:EncryptionMethod/>"));
    Inventory inv;
    const QString cipher = reasons(inv.import(cipherless.toUtf8(), options));
    QVERIFY2(cipher.contains(QStringLiteral("EncryptionMethod に Algorithm 属性がありません")), qPrintable(cipher));
    const QString mac = without(QStringLiteral(" Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\""));
    QVERIFY2(mac.contains(QStringLiteral("MACMethod に Algorithm 属性がありません")), qPrintable(mac));
    for (const QString& said : { key, cipher, mac })
        QVERIFY2(!said.contains(QStringLiteral("\"\"")), qPrintable(said)); // never 「"" には対応していません」
}

void TestTokenImport::pythonPskcContainersAreRead()
{
    // python3-pskc (Debian) is a second, independent writer of all three kinds.
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"), { QStringLiteral("-c"), QStringLiteral("import pskc") });
    HARDTOKEN_REQUIRE(probe.waitForFinished(20000) && probe.exitCode() == 0,
        "python3-pskc is not installed (scripts/test installs it)");
    QTemporaryDir dir;
    const QString script = QStringLiteral(R"(
import pskc, binascii, sys
out = sys.argv[1]
for name, how in (('plain', None), ('psk', 'psk'), ('pbkdf2', 'pbkdf2')):
    p = pskc.PSKC()
    p.add_key(id='1', serial='FT-01234-56789', secret=b'12345678901234567890',
              algorithm='urn:ietf:params:xml:ns:keyprov:pskc:hotp', response_length=6, counter=7)
    p.add_key(id='2', serial='FT-01234-56790', secret=b'vendor-secret-number-two',
              algorithm='urn:ietf:params:xml:ns:keyprov:pskc#totp', response_length=6, time_interval=30)
    if how == 'psk':
        p.encryption.setup_preshared_key(key=binascii.unhexlify('00112233445566778899aabbccddeeff'))
    elif how == 'pbkdf2':
        p.encryption.setup_pbkdf2('correct horse', iterations=2000)
    p.write(out + '/' + name + '.pskcxml')
)");
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"), { QStringLiteral("-c"), script, dir.path() });
    QVERIFY(py.waitForFinished(60000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    for (const char* name : { "plain", "psk", "pbkdf2" }) {
        QFile f(dir.filePath(QLatin1String(name) + QStringLiteral(".pskcxml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        TokenImportOptions options;
        options.serialPrefix = QStringLiteral("FT");
        options.preSharedKey = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        options.passphrase = "correct horse";
        Inventory inv;
        bool ok = false;
        const TokenImportReport report = inv.import(f.readAll(), options, false, false, &ok);
        QVERIFY2(ok, qPrintable(QLatin1String(name) + QLatin1Char(' ') + reasons(report)));
        QCOMPARE(inv.secretOf(QStringLiteral("0123456789")), kSecret);
        QCOMPARE(inv.secretOf(QStringLiteral("0123456790")), kSecret2);
        QCOMPARE(TokenTable::find(inv.store, QStringLiteral("0123456789"))->state.nextCounter, 7u);
        QCOMPARE(TokenTable::find(inv.store, QStringLiteral("0123456790"))->params.kind, OtpKind::Totp);
    }
}

// Found by fuzz_tokenimport: an HOTP key whose Data also carries a TimeInterval (29) used to be
// stored with period 29, a value no screen or generator accepts. A counter-based card has no time
// step, so the interval is ignored and the default kept; the TOTP rule (30 or 60) is unchanged.
void TestTokenImport::aCounterTokensTimeIntervalIsIgnored()
{
    PskcWriter writer;
    const QString xml = writer.write(
        { { QStringLiteral("0123456789"), QStringLiteral("hotp"), kSecret, 6, QStringLiteral("3"), totpData(29) } });
    Inventory inv;
    bool ok = false;
    const TokenImportReport report = inv.import(xml.toUtf8(), {}, false, false, &ok);
    QVERIFY2(ok, qPrintable(reasons(report)));
    const auto hotp = TokenTable::find(inv.store, QStringLiteral("0123456789"));
    QVERIFY(hotp);
    QCOMPARE(hotp->params.kind, OtpKind::Hotp);
    QCOMPARE(hotp->params.period, 30);
    QCOMPARE(hotp->state.nextCounter, 3u);
    QCOMPARE(hotp->state.driftSteps, 0);
}

void TestTokenImport::linesThatBreakTheRulesAreRefusedWithTheReason_data()
{
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("reason");
    QTest::newRow("8 digits") << 8 << QStringLiteral("hotp") << QString() << QStringLiteral("8 桁のトークンです");
    QTest::newRow("OCRA") << 6 << QStringLiteral("ocra") << QString() << QStringLiteral("アルゴリズム");
    QTest::newRow("TimeInterval 45") << 6 << QStringLiteral("totp") << totpData(45) << QStringLiteral("TimeInterval");
    QTest::newRow("T0 not zero") << 6 << QStringLiteral("totp") << totpData(30, 100) << QStringLiteral("Time（T0）");
    QTest::newRow("drift 5 steps") << 6 << QStringLiteral("totp") << totpData(30, 0, 5) << QStringLiteral("TimeDrift");
}

void TestTokenImport::linesThatBreakTheRulesAreRefusedWithTheReason()
{
    QFETCH(int, digits);
    QFETCH(QString, algorithm);
    QFETCH(QString, data);
    QFETCH(QString, reason);
    PskcWriter writer;
    PskcKey good { QStringLiteral("0123456789") };
    PskcKey bad { QStringLiteral("0123456790"), algorithm, kSecret2, digits, QStringLiteral("0"), data };
    Inventory inv;
    bool ok = true;
    const TokenImportReport report = inv.import(writer.write({ good, bad }).toUtf8(), {}, false, false, &ok);
    QVERIFY(!ok);
    QCOMPARE(report.count(TokenOutcome::Kind::Refused), 1);
    const TokenOutcome refused = report.outcomes.first();
    QCOMPARE(refused.where, QStringLiteral("KeyPackage 2"));
    QVERIFY2(refused.reason.contains(reason), qPrintable(refused.reason));
    QCOMPARE(inv.tokens(), 0); // the good one is not written either: all or nothing
}

void TestTokenImport::serialRuleMapsOrRefuses_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("mapped"); // empty: refused
    QTest::newRow("10 digits") << QStringLiteral("0123456789") << QString() << QStringLiteral("0123456789");
    QTest::newRow("hyphens and spaces") << QStringLiteral(" 0123-456 789") << QString() << QStringLiteral("0123456789");
    QTest::newRow("prefix removed") << QStringLiteral("FT0123456789") << QStringLiteral("FT")
                                    << QStringLiteral("0123456789");
    QTest::newRow("prefix not given") << QStringLiteral("FT0123456789") << QString() << QString();
    QTest::newRow("9 digits: never padded") << QStringLiteral("123456789") << QString() << QString();
    QTest::newRow("11 digits") << QStringLiteral("01234567890") << QString() << QString();
    QTest::newRow("full-width digits") << QStringLiteral("０１２３４５６７８９") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestTokenImport::serialRuleMapsOrRefuses()
{
    QFETCH(QString, vendor);
    QFETCH(QString, prefix);
    QFETCH(QString, mapped);
    QString why;
    const auto result = TokenImport::mapSerial(vendor, prefix, &why);
    QCOMPARE(result.value_or(QString()), mapped);
    QCOMPARE(why.isEmpty(), !mapped.isEmpty());
}

void TestTokenImport::csvHexAndBase32()
{
    Inventory inv;
    // RFC 4648 base32 of "12345678901234567890" is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.
    const QByteArray hexFile
        = QByteArrayLiteral("serial,secret_hex,type,digits,period,counter\n"
                            "0123456789,3132333435363738393031323334353637383930,hotp,6,,3\n"
                            "0123-456790,76656e646f722d7365637265742d6e756d6265722d74776f,totp,6,60,\n");
    bool ok = false;
    TokenImportReport report = inv.import(hexFile, {}, false, false, &ok);
    QVERIFY2(ok, qPrintable(reasons(report)));
    QCOMPARE(report.count(TokenOutcome::Kind::Imported), 2);
    QCOMPARE(inv.secretOf(QStringLiteral("0123456789")), kSecret);
    QCOMPARE(TokenTable::find(inv.store, QStringLiteral("0123456789"))->state.nextCounter, 3u);
    QCOMPARE(TokenTable::find(inv.store, QStringLiteral("0123456790"))->params.period, 60);

    const QByteArray b32File = QByteArrayLiteral("serial,secret_base32,type,digits,period\n"
                                                 "2123456789,gezd gnbv gy3t qojq gezd gnbv gy3t qojq,totp,6,30\n");
    report = inv.import(b32File, {}, false, false, &ok);
    QVERIFY2(ok, qPrintable(reasons(report)));
    QCOMPARE(inv.secretOf(QStringLiteral("2123456789")), kSecret);

    // Refused lines, each with its line number and reason; nothing of the file is written.
    const QByteArray badFile = QByteArrayLiteral("serial,secret_hex,type,digits,period,counter\n"
                                                 "3123456789,3132,totp,6,30,\n"
                                                 "3123456790,zz,totp,6,30,\n"
                                                 "3123456791,3132,totp,8,30,\n"
                                                 "3123456792,3132,sms,6,30,\n"
                                                 "3123456793,3132,totp,6,45,\n"
                                                 "12345,3132,totp,6,30,\n"
                                                 "3123456789,3132,totp,6,30,\n");
    report = inv.import(badFile, {}, false, false, &ok);
    QVERIFY(!ok);
    QCOMPARE(report.count(TokenOutcome::Kind::Refused), 7); // the duplicate refuses both lines
    const QString all = reasons(report);
    for (const char* expected : { "3 行目 secret_hex が 16 進数ではありません", "4 行目 8 桁", "5 行目 type",
             "6 行目 period", "7 行目 シリアル番号「12345」", "2 回以上" })
        QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
    QCOMPARE(inv.tokens(), 3);

    QVERIFY(!TokenImport::fromBase32(QStringLiteral("GEZ1")));
    QVERIFY(!TokenImport::fromBase32(QStringLiteral("GE==ZD")));
}

void TestTokenImport::reimportIsUnchangedOrRefusedUnlessReplace()
{
    Inventory inv;
    PskcWriter writer;
    const QByteArray first = writer.write({ { QStringLiteral("0123456789") } }).toUtf8();
    bool ok = false;
    inv.import(first, {}, false, false, &ok);
    QVERIFY(ok);
    TokenImportReport again = inv.import(first, {}, false, false, &ok);
    QVERIFY(ok);
    QCOMPARE(again.count(TokenOutcome::Kind::Unchanged), 1);

    const QByteArray changed
        = writer.write({ { QStringLiteral("0123456789"), QStringLiteral("hotp"), kSecret2 } }).toUtf8();
    TokenImportReport refused = inv.import(changed, {}, false, false, &ok);
    QVERIFY(!ok);
    QVERIFY2(refused.outcomes.value(0).reason.contains(QStringLiteral("--replace")), qPrintable(reasons(refused)));
    QCOMPARE(inv.secretOf(QStringLiteral("0123456789")), kSecret);

    TokenImportReport replaced = inv.import(changed, {}, true, false, &ok);
    QVERIFY2(ok, qPrintable(reasons(replaced)));
    QCOMPARE(replaced.count(TokenOutcome::Kind::Replaced), 1);
    QCOMPARE(inv.secretOf(QStringLiteral("0123456789")), kSecret2);
}

void TestTokenImport::replaceKeepsARegisteredTokensState()
{
    // The manual's scenario: 0000000001 is 山田 太郎's. Its last step moves on as he signs in.
    Fixture fx;
    auto token = TokenTable::find(*fx.store, QStringLiteral("0000000001"));
    QVERIFY(token && token->holderUser != 0);
    OtpState moved = token->state;
    moved.lastStep = 56'666'666;
    moved.driftSteps = 1;
    QCOMPARE(
        TokenTable::advance(*fx.store, token->id, token->serial, OtpKind::Totp, moved), TokenTable::Advance::Moved);

    const QByteArray header = "serial,secret_hex,type,digits,period\n";
    const QByteArray totp = "0000000001,3132333435363738393031323334353637383930,totp,6,30\n";
    const QByteArray hotp = "0000000001,3132333435363738393031323334353637383930,hotp,6,30\n";
    const auto apply = [&](const QByteArray& file, TokenImportReport* report) {
        return TokenImport::apply(
            *fx.store, TokenImport::parse(file, {}, report), true, false, QStringLiteral("t"), report);
    };
    // A registered token keeps its kind, even with --replace.
    TokenImportReport kind;
    QVERIFY(!apply(header + hotp, &kind));
    QVERIFY2(reasons(kind).contains(QStringLiteral("種類")), qPrintable(reasons(kind)));

    TokenImportReport replace;
    QVERIFY2(apply(header + totp, &replace), qPrintable(reasons(replace)));
    const auto after = TokenTable::find(*fx.store, QStringLiteral("0000000001"));
    QVERIFY(after);
    QCOMPARE(after->state.lastStep, 56'666'666);
    QCOMPARE(after->state.driftSteps, 1);
    QCOMPARE(after->status, TokenStatus::Registered);
    QCOMPARE(after->holderUser, token->holderUser);
    QVERIFY(after->stateIntact);
    QCOMPARE(fx.store->openSecret(after->sealedSecret, after->serial).value_or(QByteArray()), kSecret);
    const QList<AuditEntry> audit = fx.store->auditLog().entries();
    QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [](const AuditEntry& e) {
        return e.action == QLatin1String("token.replaced") && e.details.contains(QLatin1String("state=kept"));
    }));
}

void TestTokenImport::checkWritesNothing()
{
    Inventory inv;
    PskcWriter writer;
    bool ok = false;
    const TokenImportReport report
        = inv.import(writer.write({ { QStringLiteral("0123456789") } }).toUtf8(), {}, false, true, &ok);
    QVERIFY(ok);
    QVERIFY(!report.written);
    QCOMPARE(report.count(TokenOutcome::Kind::Imported), 1);
    QCOMPARE(inv.tokens(), 0);
    QVERIFY(inv.store.auditLog().entries().isEmpty());
}

void TestTokenImport::hostileFilesChangeNothing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = PskcWriter().write({ { QStringLiteral("0123456789") } }).toUtf8();
    QTest::newRow("billion laughs") << QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]><KeyContainer Version=\"1.0\" "
        "xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">&lol3;</KeyContainer>")
                                    << QStringLiteral("DTD");
    QTest::newRow("external entity") << QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">&x;</KeyContainer>")
                                     << QStringLiteral("DTD");
    QTest::newRow("undeclared entity") << QByteArrayLiteral(
        "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">&x;</KeyContainer>")
                                       << QStringLiteral("XML");
    QByteArray huge = good;
    huge.append(QByteArray(101 * 1024 * 1024, ' '));
    QTest::newRow("101 MB") << huge << QStringLiteral("大きすぎます");
    QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("途中で終わっています");
    QByteArray wrongNs = good;
    wrongNs.replace("urn:ietf:params:xml:ns:keyprov:pskc\"", "urn:ietf:params:xml:ns:keyprov:pskc:1.0\"");
    QTest::newRow("wrong namespace") << wrongNs << QStringLiteral("PSKC のファイルではありません");
    QByteArray invalidUtf8 = good;
    invalidUtf8.replace("Manufacturer</Manufacturer>", "Manu\xff\xfe</Manufacturer>");
    QTest::newRow("invalid UTF-8") << invalidUtf8 << QStringLiteral("UTF-8");
    QByteArray deep = "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">";
    for (int i = 0; i < 100; ++i)
        deep += "<a>";
    QTest::newRow("deep nesting") << deep << QStringLiteral("入れ子");
    QTest::newRow("no packages") << QByteArrayLiteral(
        "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>")
                                 << QStringLiteral("KeyPackage");
    QTest::newRow("CSV without the secret column")
        << QByteArrayLiteral("serial,type,digits\n0123456789,totp,6\n") << QStringLiteral("secret_hex");
}

void TestTokenImport::hostileFilesChangeNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    Inventory inv;
    bool ok = true;
    const TokenImportReport report = inv.import(bytes, {}, false, false, &ok);
    QVERIFY(!ok);
    QVERIFY2(report.fileProblem.contains(message), qPrintable(report.fileProblem));
    QCOMPARE(inv.tokens(), 0);
    QVERIFY(inv.store.auditLog().entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestTokenImport)
#include "tst_tokenimport.moc"
