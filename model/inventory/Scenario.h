#pragma once

#include "core/Crypto.h"
#include "core/Otp.h"
#include "store/Store.h"
#include "store/UsageMode.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace hardtoken {

class FieldReader;

// A training scenario (JSON, format 1; see README "Scenario files"): one corporation, its users,
// the bank's token inventory with known seeds, help-desk staff, and the starting counters.
struct Scenario {
    struct User {
        QString name;
    };
    struct Token {
        QString serial;
        OtpParameters params;
        QByteArray secret;
        quint64 counter = 0;
        QString holder; // a user's name, "*" for the shared token, empty when not registered
    };
    struct Staff {
        QString login;
        QString name;
        QString credential;
    };

    QString id;
    QString title; // Japanese, the source language
    QHash<QString, QString> titles; // "titles": {"en": "…"}: the title in other languages
    // The title in `language` ("ja", "en"), the Japanese title where there is none.
    QString titleIn(const QString& language) const { return titles.value(language, title); }
    QString corporationCode;
    QString corporationName;
    UsageMode mode = UsageMode::Unset;
    QString pin;
    QList<User> users;
    QList<Token> tokens;
    QList<Staff> staff;
    int otpFailures = 0;
    int pinFailures = 0;
    bool suspended = false;
    StoreSettings settings;
    crypto::KdfParameters kdf;
};

class ScenarioLoader final {
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)
public:
    static constexpr int Format = 1;
    static constexpr auto DefaultScenario = ":/scenarios/manual-ch9.json";

    // `error` names the line (syntax) or the field (content) at fault.
    static std::optional<Scenario> parse(const QByteArray& json, QString* error);
    static std::optional<Scenario> load(const QString& path, QString* error);

    // Replaces the store's corporations, users, tokens and staff with the scenario in ONE
    // transaction (the audit log is kept and records the load), marks the store as a training
    // store and remembers `source` for reset.
    static bool apply(Store& store, const Scenario& scenario, const QString& source, QString* error);
    // Loads the scenario the store was last loaded from again.
    static bool reset(Store& store, QString* error);

    // A training scenario of a large corporation (format 1 JSON), the same for the same `users`:
    // individual mode, `users` people with distinct Japanese names, a card for each (three in four
    // already registered to their holder, as at a bank) and one in twenty spare, a help-desk
    // account. For load tests and for practising the filter at branch size (50,000 users).
    static constexpr int MaxGeneratedUsers = 200000;
    static QByteArray generate(int users);

private:
    // parse()'s parts: each reads its fields into the scenario, the first fault kept in `r`.
    static void readCorporation(FieldReader& r, const QJsonObject& root, Scenario& s);
    static void readSettings(FieldReader& r, const QJsonObject& root, Scenario& s);
    static QSet<QString> readUsers(FieldReader& r, const QJsonObject& root, Scenario& s);
    static Scenario::Token readToken(FieldReader& r, const QJsonObject& t, const QString& path);
};

} // namespace hardtoken
