#pragma once

#include "Clock.h"
#include "RegistrationService.h"
#include "Scenario.h"
#include "Store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace hardtoken::test {

// 2023-09-01 09:00:00 UTC: the month of the manual's edition; any fixed instant will do.
inline constexpr qint64 kManualEpoch = 1693558800;

inline QString sourcePath(const QString& relative)
{
    return QStringLiteral(HARDTOKEN_SOURCE_DIR "/") + relative;
}

inline Scenario manualScenario(int log2N = 10)
{
    QString error;
    auto s = ScenarioLoader::load(sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json")), &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    s->kdf.log2N = log2N; // fast hashing in tests; production parameters are tested in tst_crypto
    return *s;
}

// A store in a temporary folder, loaded with a scenario, and a service over it.
struct Fixture {
    QTemporaryDir dir;
    FixedClock clock { kManualEpoch * 1000 };
    std::unique_ptr<Store> store;
    std::unique_ptr<RegistrationService> service;

    explicit Fixture(const Scenario& scenario = manualScenario())
    {
        open();
        QString error;
        if (!ScenarioLoader::apply(
                *store, scenario, sourcePath(QStringLiteral("resources/scenarios/manual-ch9.json")), &error))
            qFatal("%s", qPrintable(error));
        service->selectCorporation();
    }

    QString dbPath() const { return dir.filePath(QStringLiteral("store.sqlite")); }

    void open()
    {
        service.reset();
        store = std::make_unique<Store>(clock);
        if (!store->openSqlite(dbPath()))
            qFatal("%s", qPrintable(store->errorMessage()));
        service = std::make_unique<RegistrationService>(*store);
        service->selectCorporation();
    }

    // Closes and reopens the store, as a restart of the console would.
    void restart()
    {
        service.reset();
        store.reset();
        open();
    }

    // What the virtual card shows now for a token of the scenario.
    QString otpFor(const QString& serial, qint64 atSecs = -1) const
    {
        const Scenario s = manualScenario();
        for (const auto& t : s.tokens) {
            if (t.serial != serial)
                continue;
            OtpGenerator g;
            if (t.params.kind == OtpKind::Hotp)
                return g.hotp(t.secret, t.counter, t.params.digits, t.params.algorithm);
            return g.totp(
                t.secret, atSecs >= 0 ? atSecs : clock.nowSecs(), t.params.period, t.params.digits, t.params.algorithm);
        }
        return {};
    }

    qint64 userId(const QString& name) const
    {
        for (const UserInfo& u : service->users()) {
            if (u.name == name)
                return u.id;
        }
        return 0;
    }

    // 次へ for `user` with `serial` and the code that token's card shows now.
    Outcome enqueue(const QString& user, const QString& serial) const
    {
        return service->enqueue(userId(user), serial, otpFor(serial));
    }

    QString serialOf(const QString& name) const
    {
        for (const UserInfo& u : service->users()) {
            if (u.name == name)
                return u.currentSerial;
        }
        return {};
    }

    // A wrong OTP that is certainly not accepted now (differs from every code in the window).
    QString wrongOtpFor(const QString& serial) const
    {
        QString candidate = QStringLiteral("000000");
        for (int i = 0; i < 1000000; i += 111111) {
            candidate = QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0'));
            bool clash = false;
            for (int d = -2; d <= 2; ++d)
                clash = clash || otpFor(serial, clock.nowSecs() + d * 30) == candidate;
            if (!clash)
                break;
        }
        return candidate;
    }
};

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace hardtoken::test
