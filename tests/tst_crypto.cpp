#include "core/Crypto.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace hardtoken;
using namespace hardtoken::crypto;

class TestCrypto final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pinHashRoundTrip();
    void productionParametersAreStoredWithTheHash();
    void sameSecretTwoSalts();
    void malformedHashesNeverVerify_data();
    void malformedHashesNeverVerify();
    void secretBoxRoundTrip();
    void secretBoxDetectsTampering();
    void secretBoxWrongKeyOrSerial();
    void derivedKeysDiffer();
    void warmingUpBesideTheFirstUse();
};

void TestCrypto::pinHashRoundTrip()
{
    const QString h = hashSecret(QStringLiteral("train1234"), { 10, 8, 1 });
    QVERIFY(h.startsWith(QStringLiteral("scrypt$10$8$1$")));
    QVERIFY(!h.contains(QStringLiteral("train1234")));
    QVERIFY(verifySecret(QStringLiteral("train1234"), h));
    QVERIFY(!verifySecret(QStringLiteral("train1235"), h));
    QVERIFY(!verifySecret(QStringLiteral("Train1234"), h));
    QVERIFY(!verifySecret(QString(), h));
}

void TestCrypto::productionParametersAreStoredWithTheHash()
{
    const QString h = hashSecret(QStringLiteral("abcd1234"));
    const auto p = parametersOf(h);
    QVERIFY(p);
    QCOMPARE(p->log2N, 15);
    QCOMPARE(p->r, 8);
    QCOMPARE(p->p, 1);
    QVERIFY(verifySecret(QStringLiteral("abcd1234"), h));
}

void TestCrypto::sameSecretTwoSalts()
{
    const QString a = hashSecret(QStringLiteral("abcd"), { 10, 8, 1 });
    const QString b = hashSecret(QStringLiteral("abcd"), { 10, 8, 1 });
    QVERIFY(a != b);
    QVERIFY(verifySecret(QStringLiteral("abcd"), a) && verifySecret(QStringLiteral("abcd"), b));
}

void TestCrypto::malformedHashesNeverVerify_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("abcd");
    QTest::newRow("other scheme") << QStringLiteral(
        "pbkdf2$1$1$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    QTest::newRow("absurd cost") << QStringLiteral(
        "scrypt$40$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    QTest::newRow("short salt") << QStringLiteral("scrypt$10$8$1$AA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
}

void TestCrypto::malformedHashesNeverVerify()
{
    QFETCH(QString, encoded);
    QVERIFY(!verifySecret(QStringLiteral("abcd"), encoded));
}

void TestCrypto::secretBoxRoundTrip()
{
    SecretBox box(randomBytes(SecretBox::KeySize));
    QVERIFY(box.isValid());
    const QByteArray secret = QByteArrayLiteral("12345678901234567890");
    const QByteArray sealed = box.seal(secret, "0000000011");
    QVERIFY(!sealed.contains(secret));
    QCOMPARE(sealed.size(), 2 + 12 + secret.size() + 16);
    QCOMPARE(box.open(sealed, "0000000011").value_or(QByteArray()), secret);
    // A fresh nonce each time: the same secret never seals to the same bytes.
    QVERIFY(box.seal(secret, "0000000011") != sealed);
}

void TestCrypto::secretBoxDetectsTampering()
{
    SecretBox box(randomBytes(SecretBox::KeySize));
    const QByteArray sealed = box.seal("secret-secret", "0000000011");
    for (int i = 0; i < sealed.size(); ++i) {
        QByteArray altered = sealed;
        altered[i] = static_cast<char>(altered[i] ^ 0x01);
        QVERIFY2(!box.open(altered, "0000000011"), qPrintable(QStringLiteral("byte %1").arg(i)));
    }
    QVERIFY(!box.open(sealed.left(sealed.size() - 1), "0000000011"));
    QVERIFY(!box.open(QByteArray(), "0000000011"));
}

void TestCrypto::secretBoxWrongKeyOrSerial()
{
    SecretBox box(randomBytes(SecretBox::KeySize));
    SecretBox other(randomBytes(SecretBox::KeySize));
    const QByteArray sealed = box.seal("secret-secret", "0000000011");
    QVERIFY(!other.open(sealed, "0000000011"));
    // A sealed secret copied onto another token's row does not open there.
    QVERIFY(!box.open(sealed, "0000000012"));
    QVERIFY(!SecretBox(QByteArray(5, 'x')).isValid());
}

void TestCrypto::derivedKeysDiffer()
{
    SecretBox box(randomBytes(SecretBox::KeySize));
    QCOMPARE(box.deriveKey("a").size(), 32);
    QVERIFY(box.deriveKey("a") != box.deriveKey("b"));
    QCOMPARE(box.deriveKey("a"), box.deriveKey("a"));
}

// The console readies OpenSSL on a thread of its own while the store is opened on the main one:
// the first seal, open and HMAC of the process run while the warm-up fetches the same methods (run
// alone, `tst_crypto warmingUpBesideTheFirstUse`, its first round starts on a cold OpenSSL).
void TestCrypto::warmingUpBesideTheFirstUse()
{
    for (int round = 0; round < 4; ++round) {
        std::thread warm(&warmUp);
        SecretBox box(randomBytes(SecretBox::KeySize));
        const QByteArray sealed = box.seal("secret-secret", "0000000011");
        // RFC 4231 test case 2.
        const QByteArray mac = hmacSha256("Jefe", "what do ya want for nothing?");
        warm.join();
        QCOMPARE(box.open(sealed, "0000000011").value_or(QByteArray()), QByteArray("secret-secret"));
        QCOMPARE(mac.toHex(), QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }
    warmUp(); // and again, on a process that has every method: nothing to do, nothing breaks
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
