#include "core/Otp.h"

#include <QTest>

using namespace hardtoken;

Q_DECLARE_METATYPE(hardtoken::OtpAlgorithm)

namespace {
const QByteArray kRfc4226Secret = QByteArrayLiteral("12345678901234567890");
const QByteArray kSha256Secret = QByteArrayLiteral("12345678901234567890123456789012");
const QByteArray kSha512Secret = QByteArrayLiteral("1234567890123456789012345678901234567890123456789012345678901234");
} // namespace

class TestOtp final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc4226AppendixD();
    void rfc6238AppendixB_data();
    void rfc6238AppendixB();
    void sixtySecondSteps();
    void badInputGivesNoCode();
    void hotpLookAheadWindow();
    void hotpReplayRefused();
    void totpSkewAndReplay();
    void totpDriftIsRecordedAndFollowed();
    void wrongLengthOrDigitsRefused();
};

void TestOtp::rfc4226AppendixD()
{
    const QStringList expected = QStringLiteral("755224 287082 359152 969429 338314 254676 287922 162583 399871 520489")
                                     .split(QLatin1Char(' '));
    OtpGenerator g;
    for (int counter = 0; counter < expected.size(); ++counter)
        QCOMPARE(g.hotp(kRfc4226Secret, static_cast<quint64>(counter)), expected[counter]);
}

void TestOtp::rfc6238AppendixB_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<OtpAlgorithm>("algorithm");
    QTest::addColumn<QString>("code");
    const struct {
        qint64 time;
        const char* sha1;
        const char* sha256;
        const char* sha512;
    } rows[] = {
        { 59, "94287082", "46119246", "90693936" },
        { 1111111109, "07081804", "68084774", "25091201" },
        { 1111111111, "14050471", "67062674", "99943326" },
        { 1234567890, "89005924", "91819424", "93441116" },
        { 2000000000, "69279037", "90698825", "38618901" },
        { 20000000000, "65353130", "77737706", "47863826" },
    };
    for (const auto& r : rows) {
        QTest::addRow("%lld SHA1", r.time) << r.time << OtpAlgorithm::Sha1 << QString::fromLatin1(r.sha1);
        QTest::addRow("%lld SHA256", r.time) << r.time << OtpAlgorithm::Sha256 << QString::fromLatin1(r.sha256);
        QTest::addRow("%lld SHA512", r.time) << r.time << OtpAlgorithm::Sha512 << QString::fromLatin1(r.sha512);
    }
}

void TestOtp::rfc6238AppendixB()
{
    QFETCH(qint64, time);
    QFETCH(OtpAlgorithm, algorithm);
    QFETCH(QString, code);
    const QByteArray secret = algorithm == OtpAlgorithm::Sha1 ? kRfc4226Secret
        : algorithm == OtpAlgorithm::Sha256                   ? kSha256Secret
                                                              : kSha512Secret;
    OtpGenerator g;
    QCOMPARE(g.totp(secret, time, 30, 8, algorithm), code);
    // And the verifier accepts it at that moment.
    OtpVerifier v;
    const auto match = v.verify(secret, { OtpKind::Totp, algorithm, 8, 30 }, {}, code, time);
    QVERIFY(match);
    QCOMPARE(match->position, time / 30);
}

void TestOtp::sixtySecondSteps()
{
    OtpGenerator g;
    // With a 60 s step, t=59 and t=0 are the same step; t=60 the next.
    QCOMPARE(g.totp(kRfc4226Secret, 59, 60), g.hotp(kRfc4226Secret, 0));
    QCOMPARE(g.totp(kRfc4226Secret, 60, 60), g.hotp(kRfc4226Secret, 1));
    QCOMPARE(OtpGenerator::timeStep(119, 60), 1);
}

void TestOtp::badInputGivesNoCode()
{
    OtpGenerator g;
    QVERIFY(g.hotp({}, 0).isEmpty());
    QVERIFY(g.hotp(kRfc4226Secret, 0, 5).isEmpty());
    QVERIFY(g.hotp(kRfc4226Secret, 0, 10).isEmpty());
    QVERIFY(g.totp(kRfc4226Secret, -1).isEmpty());
}

void TestOtp::hotpLookAheadWindow()
{
    OtpVerifier v({ 10, 1 });
    const OtpParameters hotp { OtpKind::Hotp, OtpAlgorithm::Sha1, 6, 30 };
    OtpState state;
    state.nextCounter = 2;
    // counter 2 + 10 = 12 is the last one inside the window; RFC 4226 vectors stop at 9, so use the generator.
    OtpGenerator g;
    const auto at12 = v.verify(kRfc4226Secret, hotp, state, g.hotp(kRfc4226Secret, 12), 0);
    QVERIFY(at12);
    QCOMPARE(at12->position, 12);
    QCOMPARE(at12->drift, 10);
    QCOMPARE(at12->nextState.nextCounter, 13u);
    QVERIFY(!v.verify(kRfc4226Secret, hotp, state, g.hotp(kRfc4226Secret, 13), 0));
}

void TestOtp::hotpReplayRefused()
{
    OtpVerifier v;
    const OtpParameters hotp { OtpKind::Hotp, OtpAlgorithm::Sha1, 6, 30 };
    const auto first = v.verify(kRfc4226Secret, hotp, {}, QStringLiteral("287082"), 0); // counter 1
    QVERIFY(first);
    QCOMPARE(first->nextState.nextCounter, 2u);
    QVERIFY(!v.verify(kRfc4226Secret, hotp, first->nextState, QStringLiteral("287082"), 0)); // same
    QVERIFY(!v.verify(kRfc4226Secret, hotp, first->nextState, QStringLiteral("755224"), 0)); // earlier
    QVERIFY(v.verify(kRfc4226Secret, hotp, first->nextState, QStringLiteral("359152"), 0)); // later
}

void TestOtp::totpSkewAndReplay()
{
    OtpVerifier v({ 10, 1 });
    OtpGenerator g;
    const OtpParameters totp { OtpKind::Totp, OtpAlgorithm::Sha1, 6, 30 };
    const qint64 now = 1693558800;
    const qint64 step = now / 30;
    const QString previous = g.hotp(kRfc4226Secret, static_cast<quint64>(step - 1));
    const QString twoBack = g.hotp(kRfc4226Secret, static_cast<quint64>(step - 2));
    const QString next = g.hotp(kRfc4226Secret, static_cast<quint64>(step + 1));
    QVERIFY(v.verify(kRfc4226Secret, totp, {}, previous, now)); // one step of delay
    QVERIFY(v.verify(kRfc4226Secret, totp, {}, next, now));
    QVERIFY(!v.verify(kRfc4226Secret, totp, {}, twoBack, now));
    const auto m = v.verify(kRfc4226Secret, totp, {}, g.totp(kRfc4226Secret, now), now);
    QVERIFY(m);
    QCOMPARE(m->nextState.lastStep, step);
    // The same OTP again, or the previous step's, is a replay (RFC 6238 §5.2).
    QVERIFY(!v.verify(kRfc4226Secret, totp, m->nextState, g.totp(kRfc4226Secret, now), now + 5));
    QVERIFY(!v.verify(kRfc4226Secret, totp, m->nextState, previous, now));
    QVERIFY(v.verify(kRfc4226Secret, totp, m->nextState, g.totp(kRfc4226Secret, now + 30), now + 30));
    // No skew allowed: only the current step.
    OtpVerifier strict({ 10, 0 });
    QVERIFY(!strict.verify(kRfc4226Secret, totp, {}, previous, now));
}

void TestOtp::totpDriftIsRecordedAndFollowed()
{
    OtpVerifier v({ 10, 1 });
    OtpGenerator g;
    const OtpParameters totp { OtpKind::Totp, OtpAlgorithm::Sha1, 6, 30 };
    const qint64 now = 1693558800;
    // The card's clock runs one step behind.
    const auto m = v.verify(kRfc4226Secret, totp, {}, g.totp(kRfc4226Secret, now - 30), now);
    QVERIFY(m);
    QCOMPARE(m->drift, -1);
    QCOMPARE(m->nextState.driftSteps, -1);
    // Later the card is two steps behind: accepted, because the window follows the recorded drift.
    const qint64 later = now + 3000;
    const QString lagging = g.totp(kRfc4226Secret, later - 60);
    QVERIFY(!v.verify(kRfc4226Secret, totp, {}, lagging, later));
    const auto m2 = v.verify(kRfc4226Secret, totp, m->nextState, lagging, later);
    QVERIFY(m2);
    QCOMPARE(m2->nextState.driftSteps, -2);
}

void TestOtp::wrongLengthOrDigitsRefused()
{
    OtpVerifier v;
    const OtpParameters hotp { OtpKind::Hotp, OtpAlgorithm::Sha1, 6, 30 };
    QVERIFY(!v.verify(kRfc4226Secret, hotp, {}, QStringLiteral("75522"), 0));
    QVERIFY(!v.verify(kRfc4226Secret, hotp, {}, QStringLiteral("7552240"), 0));
    QVERIFY(!v.verify(kRfc4226Secret, hotp, {}, QString(), 0));
    QVERIFY(!v.verify(kRfc4226Secret, hotp, {}, QStringLiteral("７５５２２４"), 0));
}

QTEST_GUILESS_MAIN(TestOtp)
#include "tst_otp.moc"
