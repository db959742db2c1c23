// Cross-checks the OTP engine against an independent implementation: oathtool (OATH Toolkit).
#include "core/Otp.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace hardtoken;

class TestOtpOathtool final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thousandRandomCases();

private:
    QString oathtool(const QStringList& args);
    QString m_oathtool;
};

void TestOtpOathtool::initTestCase()
{
    m_oathtool = QStandardPaths::findExecutable(QStringLiteral("oathtool"));
    // scripts/test installs it; a missing oracle is a failure, not a skip.
    QVERIFY2(!m_oathtool.isEmpty(), "oathtool not found (apt-get install oathtool)");
}

QString TestOtpOathtool::oathtool(const QStringList& args)
{
    QProcess p;
    p.start(m_oathtool, args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return QStringLiteral("oathtool failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

void TestOtpOathtool::thousandRandomCases()
{
    QRandomGenerator rng(20230901); // fixed seed: a failure reproduces
    OtpGenerator g;
    for (int i = 0; i < 1000; ++i) {
        QByteArray secret(10 + static_cast<int>(rng.bounded(55)), Qt::Uninitialized);
        for (char& c : secret)
            c = static_cast<char>(rng.bounded(256));
        const int digits = rng.bounded(2) ? 6 : 8;
        const QString hex = QString::fromLatin1(secret.toHex());
        if (i % 4 == 0) {
            const quint64 counter = rng.generate64() % 1000000000000ull;
            const QString mine = g.hotp(secret, counter, digits);
            const QString theirs = oathtool({ QStringLiteral("--hotp"), QStringLiteral("-d"), QString::number(digits),
                QStringLiteral("-c"), QString::number(counter), hex });
            QVERIFY2(mine == theirs, qPrintable(QStringLiteral("HOTP case %1: %2 vs %3").arg(i).arg(mine, theirs)));
        } else {
            const OtpAlgorithm algorithm = static_cast<OtpAlgorithm>(i % 3);
            const int period = rng.bounded(2) ? 30 : 60;
            const qint64 time = static_cast<qint64>(rng.bounded(4000000000u));
            const QString mine = g.totp(secret, time, period, digits, algorithm);
            const QString theirs = oathtool({ QStringLiteral("--totp=") + otpAlgorithmName(algorithm),
                QStringLiteral("-d"), QString::number(digits), QStringLiteral("-s"), QString::number(period),
                QStringLiteral("-N"), QStringLiteral("@%1").arg(time), hex });
            QVERIFY2(mine == theirs, qPrintable(QStringLiteral("TOTP case %1: %2 vs %3").arg(i).arg(mine, theirs)));
        }
    }
}

QTEST_GUILESS_MAIN(TestOtpOathtool)
#include "tst_otp_oathtool.moc"
