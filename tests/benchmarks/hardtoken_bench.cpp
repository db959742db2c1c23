// Benchmarks (not tests): each figure is printed next to a baseline measured in the same run, so
// that a slow machine moves both. Run with tests/benchmarks/run, which prints a table.
#include "Clock.h"
#include "Otp.h"
#include "RegistrationService.h"
#include "Scenario.h"
#include "ScreenshotTour.h"
#include "Store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QTemporaryDir>
#include <QTextStream>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <functional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace hardtoken;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

// Best of `rounds` timings of `work`, in nanoseconds per iteration.
double measure(int rounds, int iterations, const std::function<void()>& work)
{
    double best = 1e300;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < iterations; ++i)
            work();
        best = qMin(best, double(t.nsecsElapsed()) / iterations);
    }
    return best;
}

void row(const QString& what, double value, const QString& unit, const QString& baselineName, double baseline)
{
    out() << what << '\t' << QString::number(value, 'f', 3) << '\t' << unit << '\t' << baselineName << '\t'
          << QString::number(baseline, 'f', 3) << '\t' << QString::number(value / baseline, 'f', 2) << Qt::endl;
}

// Peak resident memory of this process so far, in MiB (0 where the platform does not say).
double peakRssMiB()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
#else
    return 0;
#endif
}

// The naive way: fetch the MAC and build a context for every code.
QString naiveHotp(const QByteArray& secret, quint64 counter)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("SHA1"), 0),
        OSSL_PARAM_construct_end() };
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i, counter >>= 8)
        msg[i] = static_cast<unsigned char>(counter & 0xff);
    unsigned char out[64];
    size_t len = 0;
    EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret.constData()), size_t(secret.size()), params);
    EVP_MAC_update(ctx, msg, sizeof msg);
    EVP_MAC_final(ctx, out, &len, sizeof out);
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    const int o = out[len - 1] & 0xf;
    const quint32 bin
        = (quint32(out[o] & 0x7f) << 24) | (quint32(out[o + 1]) << 16) | (quint32(out[o + 2]) << 8) | out[o + 3];
    return QString::number(bin % 1000000);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const double startRss = peakRssMiB();
    out() << "measure\tvalue\tunit\tbaseline\tbaseline value\tratio" << Qt::endl;

    // OTP: one code with the engine (MAC fetched once, context reused) vs fetch-per-call.
    const QByteArray secret = QByteArrayLiteral("12345678901234567890");
    OtpGenerator generator;
    quint64 c = 0;
    const double engine = measure(5, 20000, [&] { generator.hotp(secret, c++); });
    const double naive = measure(5, 20000, [&] { naiveHotp(secret, c++); });
    row(QStringLiteral("HOTP code (engine)"), engine / 1000, QStringLiteral("µs"), QStringLiteral("fetch per call"),
        naive / 1000);
    // A full verification with the default window (TOTP ±1 step: 3 codes).
    OtpVerifier verifier;
    const double verify
        = measure(5, 5000, [&] { verifier.verify(secret, {}, {}, QStringLiteral("000000"), 1693558800); });
    row(QStringLiteral("TOTP verify, ±1 step"), verify / 1000, QStringLiteral("µs"), QStringLiteral("3 × engine code"),
        3 * engine / 1000);

    // Store: loading the 2,000-user scenario vs the same rows inserted bare in one transaction.
    FixedClock clock(1693558800000);
    QString error;
    auto large = ScenarioLoader::load(QStringLiteral(":/scenarios/large-2000.json"), &error);
    if (!large) {
        out() << error << Qt::endl;
        return 1;
    }
    large->kdf.log2N = 10;
    double scenarioMs = 1e300;
    double bareMs = 1e300;
    for (int r = 0; r < 3; ++r) {
        QTemporaryDir dir;
        Store store(clock);
        store.openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
        QElapsedTimer t;
        t.start();
        ScenarioLoader::apply(store, *large, QStringLiteral("bench"), &error);
        scenarioMs = qMin(scenarioMs, t.nsecsElapsed() / 1e6);
        store.execOk(QStringLiteral("CREATE TABLE bare (id INTEGER PRIMARY KEY, name TEXT, serial TEXT, secret BLOB)"));
        t.restart();
        store.transaction([&] {
            for (const auto& u : large->users)
                store.execOk(QStringLiteral("INSERT INTO bare (name) VALUES (?)"), { u.name });
            for (const auto& tok : large->tokens)
                store.execOk(
                    QStringLiteral("INSERT INTO bare (serial, secret) VALUES (?, ?)"), { tok.serial, tok.secret });
            return true;
        });
        bareMs = qMin(bareMs, t.nsecsElapsed() / 1e6);
    }
    row(QStringLiteral("load 2,000-user scenario"), scenarioMs, QStringLiteral("ms"), QStringLiteral("bare inserts"),
        bareMs);

    // The 利用者の選択 data for 2,000 users, as the input screen reads it.
    {
        QTemporaryDir dir;
        Store store(clock);
        store.openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
        ScenarioLoader::apply(store, *large, QStringLiteral("bench"), &error);
        RegistrationService service(store);
        service.selectCorporation();
        const double users = measure(3, 20, [&] { service.users(); });
        const double count = measure(3, 20, [&] { store.exec(QStringLiteral("SELECT COUNT(*) FROM users")).next(); });
        row(QStringLiteral("read 2,000 users with tokens"), users / 1e6, QStringLiteral("ms"),
            QStringLiteral("COUNT(*)"), count / 1e6);
    }

    // The whole screenshot tour (both languages) vs starting one window and grabbing it.
    QElapsedTimer t;
    t.start();
    QLabel label(QStringLiteral("baseline"));
    label.resize(1024, 768);
    label.show();
    label.grab();
    const double baselineMs = t.nsecsElapsed() / 1e6;
    QTemporaryDir tourDir;
    TourOptions options;
    options.outDir = tourDir.path();
    QList<TourShot> shots;
    t.restart();
    if (!ScreenshotTour::run(options, &shots, &error)) {
        out() << error << Qt::endl;
        return 1;
    }
    row(QStringLiteral("screenshot tour (%1 files)").arg(shots.size()), t.nsecsElapsed() / 1e6, QStringLiteral("ms"),
        QStringLiteral("one window shown + grabbed"), baselineMs);
    row(QStringLiteral("peak memory after all of the above"), peakRssMiB(), QStringLiteral("MiB"),
        QStringLiteral("QApplication started"), startRss);
    return 0;
}
