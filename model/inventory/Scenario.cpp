#include "inventory/Scenario.h"
#include "core/FieldReader.h"

#include "core/Validation.h"
#include "store/CorporationInfo.h"
#include "store/CorporationTable.h"
#include "store/RegistrationTable.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"
#include "store/UsageMode.h"
#include "store/UserTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace hardtoken {

void ScenarioLoader::readCorporation(FieldReader& r, const QJsonObject& root, Scenario& s)
{
    const QJsonObject corp = root.value(QLatin1String("corporation")).toObject();
    if (!root.value(QLatin1String("corporation")).isObject())
        r.fail(QStringLiteral("corporation"), tr("オブジェクトが必要です"));
    s.corporationCode = r.string(corp, QStringLiteral("corporation"), "code");
    s.corporationName = r.string(corp, QStringLiteral("corporation"), "name");
    const QString mode = r.string(corp, QStringLiteral("corporation"), "usageMode", false);
    s.mode = usageModeFromKey(mode);
    if (!mode.isEmpty() && usageModeKey(s.mode) != mode)
        r.fail(QStringLiteral("corporation.usageMode"), tr("unset、shared、individual のいずれかが必要です"));
    s.pin = r.string(corp, QStringLiteral("corporation"), "pin");
    if (r.error.isEmpty() && !Validation::checkPin(s.pin).ok())
        r.fail(
            QStringLiteral("corporation.pin"), Validation::message(InputField::Pin, Validation::checkPin(s.pin).error));
    s.otpFailures = r.integer(corp, QStringLiteral("corporation"), "otpFailures", 0, 0, 100);
    s.pinFailures = r.integer(corp, QStringLiteral("corporation"), "pinFailures", 0, 0, 100);
    s.suspended = r.boolean(corp, QStringLiteral("corporation"), "suspended", false);
}

void ScenarioLoader::readSettings(FieldReader& r, const QJsonObject& root, Scenario& s)
{
    const QJsonObject settings = r.object(root, "settings");
    s.settings.otpFailureLimit = r.integer(settings, QStringLiteral("settings"), "otpFailureLimit", 5, 1, 100);
    s.settings.pinFailureLimit = r.integer(settings, QStringLiteral("settings"), "pinFailureLimit", 5, 1, 100);
    s.settings.hotpLookAhead = r.integer(settings, QStringLiteral("settings"), "hotpLookAhead", 10, 0, 100);
    s.settings.totpSkewSteps = r.integer(settings, QStringLiteral("settings"), "totpSkewSteps", 1, 0, 10);
    s.settings.totpMaxDriftSteps = r.integer(settings, QStringLiteral("settings"), "totpMaxDriftSteps", 2, 0, 10);
    s.settings.staffFailureLimit = r.integer(settings, QStringLiteral("settings"), "staffFailureLimit", 5, 1, 100);
    s.settings.deskIdleMinutes = r.integer(settings, QStringLiteral("settings"), "deskIdleMinutes", 10, 1, 24 * 60);
    s.settings.staffLockLapseMinutes
        = r.integer(settings, QStringLiteral("settings"), "staffLockLapseMinutes", 60, 0, 7 * 24 * 60);
    s.settings.normaliseFullWidth = r.boolean(settings, QStringLiteral("settings"), "normaliseFullWidth", false);
    s.kdf.log2N = r.integer(settings, QStringLiteral("settings"), "kdfLog2N", s.kdf.log2N, 10, 20);
}

// The users, in order; their names (unique).
QSet<QString> ScenarioLoader::readUsers(FieldReader& r, const QJsonObject& root, Scenario& s)
{
    QSet<QString> names;
    const QJsonArray users = r.objects(root, "users");
    for (int i = 0; i < users.size(); ++i) {
        const QString path = QStringLiteral("users[%1]").arg(i);
        Scenario::User u;
        u.name = r.string(users[i].toObject(), path, "name");
        if (r.error.isEmpty() && names.contains(u.name))
            r.fail(path + QStringLiteral(".name"), tr("利用者名「%1」が重複しています").arg(u.name));
        names.insert(u.name);
        s.users.append(u);
    }
    return names;
}

// One token's fields (its holder and uniqueness are the caller's).
Scenario::Token ScenarioLoader::readToken(FieldReader& r, const QJsonObject& t, const QString& path)
{
    Scenario::Token token;
    token.serial = r.string(t, path, "serial");
    if (r.error.isEmpty() && !Validation::checkSerial(token.serial).ok())
        r.fail(path + QStringLiteral(".serial"),
            Validation::message(InputField::Serial, Validation::checkSerial(token.serial).error));
    const QString kind = r.string(t, path, "kind", false);
    token.params.kind = kind.isEmpty() ? OtpKind::Totp : otpKindFromName(kind).value_or(OtpKind::Totp);
    if (!kind.isEmpty() && !otpKindFromName(kind))
        r.fail(path + QStringLiteral(".kind"), tr("hotp か totp が必要です"));
    const QString algorithm = r.string(t, path, "algorithm", false);
    token.params.algorithm
        = otpAlgorithmFromName(algorithm.isEmpty() ? QStringLiteral("sha1") : algorithm).value_or(OtpAlgorithm::Sha1);
    if (!algorithm.isEmpty() && !otpAlgorithmFromName(algorithm))
        r.fail(path + QStringLiteral(".algorithm"), tr("sha1、sha256、sha512 のいずれかが必要です"));
    token.params.digits = r.integer(t, path, "digits", TokenTable::Digits, 1, 100);
    if (r.error.isEmpty() && token.params.digits != TokenTable::Digits)
        r.fail(path + QStringLiteral(".digits"),
            tr("画面で入力できるワンタイムパスワードは %1 桁だけのため、%2 桁のトークンは登録できません")
                .arg(TokenTable::Digits)
                .arg(token.params.digits));
    token.params.period = r.integer(t, path, "period", 30, 30, 60);
    if (r.error.isEmpty() && token.params.period != 30 && token.params.period != 60)
        r.fail(path + QStringLiteral(".period"), tr("30 か 60 が必要です"));
    token.counter = static_cast<quint64>(r.integer(t, path, "counter", 0, 0, 1000000000));
    const QString hex = r.string(t, path, "secretHex", false);
    const QString ascii = r.string(t, path, "secretAscii", false);
    token.secret = hex.isEmpty() ? ascii.toUtf8() : QByteArray::fromHex(hex.toLatin1());
    if (r.error.isEmpty()
        && (token.secret.size() < 10 || (!hex.isEmpty() && token.secret.toHex() != hex.toLower().toLatin1())))
        r.fail(path + QStringLiteral(".secretHex"), tr("10 バイト以上の秘密鍵（16進数または ASCII）が必要です"));
    return token;
}

std::optional<Scenario> ScenarioLoader::parse(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        *error = tr("シナリオファイルの %1 行 %2 桁目に誤りがあります: %3")
                     .arg(line)
                     .arg(column)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("シナリオファイルの最上位は JSON オブジェクトでなければなりません。");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    FieldReader r(tr("シナリオの項目 %1 が正しくありません: %2"));
    Scenario s;
    const int format = r.integer(root, QStringLiteral("$"), "format", -1, 1, 1000);
    if (r.error.isEmpty() && format != Format)
        r.fail(QStringLiteral("format"), tr("このコンソールが読めるのは形式 %1 です").arg(Format));
    s.id = r.string(root, QStringLiteral("$"), "id");
    s.title = r.string(root, QStringLiteral("$"), "title", false);
    const QJsonObject titles = r.object(root, "titles");
    for (auto it = titles.constBegin(); it != titles.constEnd(); ++it) {
        if (!it.value().isString())
            r.fail(QStringLiteral("titles.") + it.key(), tr("文字列が必要です"));
        else
            s.titles.insert(it.key(), it.value().toString());
    }

    readCorporation(r, root, s);

    readSettings(r, root, s);

    const QSet<QString> names = readUsers(r, root, s);

    QSet<QString> serials;
    bool sharedHeld = false;
    QSet<QString> holders;
    const QJsonArray tokens = r.objects(root, "tokens");
    for (int i = 0; i < tokens.size(); ++i) {
        const QString path = QStringLiteral("tokens[%1]").arg(i);
        const QJsonObject t = tokens[i].toObject();
        Scenario::Token token = readToken(r, t, path);
        if (r.error.isEmpty() && serials.contains(token.serial))
            r.fail(path + QStringLiteral(".serial"), tr("シリアル番号 %1 が重複しています").arg(token.serial));
        serials.insert(token.serial);
        token.holder = r.string(t, path, "holder", false);
        if (r.error.isEmpty() && !token.holder.isEmpty()) {
            if (token.holder == QLatin1String("*")) {
                if (sharedHeld)
                    r.fail(path + QStringLiteral(".holder"), tr("共有トークンは 1 つだけです"));
                sharedHeld = true;
            } else if (!names.contains(token.holder)) {
                r.fail(path + QStringLiteral(".holder"), tr("利用者「%1」は users にありません").arg(token.holder));
            } else if (holders.contains(token.holder)) {
                r.fail(path + QStringLiteral(".holder"),
                    tr("利用者「%1」はすでにトークンを持っています").arg(token.holder));
            }
            holders.insert(token.holder);
        }
        s.tokens.append(token);
    }
    if (r.error.isEmpty() && sharedHeld && s.mode != UsageMode::Shared)
        r.fail(QStringLiteral("corporation.usageMode"), tr("共有トークンがあるときは shared が必要です"));
    if (r.error.isEmpty() && !holders.isEmpty() && !sharedHeld && s.mode != UsageMode::Individual)
        r.fail(QStringLiteral("corporation.usageMode"), tr("利用者がトークンを持つときは individual が必要です"));

    const QJsonArray staff = r.objects(root, "staff");
    for (int i = 0; i < staff.size(); ++i) {
        const QString path = QStringLiteral("staff[%1]").arg(i);
        const QJsonObject o = staff[i].toObject();
        s.staff.append({ r.string(o, path, "login"), r.string(o, path, "name"), r.string(o, path, "credential") });
        if (r.error.isEmpty() && s.staff.last().login.size() > StaffTable::MaxLogin)
            r.fail(path + QStringLiteral(".login"), tr("%1 文字以内が必要です").arg(StaffTable::MaxLogin));
    }
    if (!r.error.isEmpty()) {
        *error = r.error;
        return std::nullopt;
    }
    return s;
}

QByteArray ScenarioLoader::generate(int users)
{
    static const char* const families[]
        = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
              "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川",
              "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木",
              "坂本", "斉藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦" };
    static const char* const givens[]
        = { "太郎", "花子", "一郎", "次郎", "三郎", "洋子", "恵子", "健", "誠", "翔", "大輔", "直樹", "美咲", "陽子",
              "裕子", "拓也", "健太", "真由美", "由美", "浩", "明美", "修", "智子", "剛", "さくら", "蓮", "結衣",
              "陽向", "葵", "悠真", "美穂", "和也", "恵美", "達也", "愛", "亮", "舞", "隆", "優子", "翼" };
    constexpr int familyCount = int(std::size(families));
    constexpr int givenCount = int(std::size(givens));
    users = qBound(1, users, MaxGeneratedUsers);
    QJsonArray userArray;
    QJsonArray tokenArray;
    const auto token = [](qint64 serial, const QString& holder) {
        QJsonObject t { { QStringLiteral("serial"), QString::number(serial) },
            { QStringLiteral("kind"), QStringLiteral("totp") }, { QStringLiteral("period"), 30 },
            { QStringLiteral("secretAscii"), QStringLiteral("training-seed-%1").arg(serial) } };
        if (!holder.isEmpty())
            t.insert(QStringLiteral("holder"), holder);
        return t;
    };
    for (int i = 0; i < users; ++i) {
        // Every family name with every given name, then the same again numbered: distinct names.
        const int combination = i % (familyCount * givenCount);
        const int round = i / (familyCount * givenCount);
        QString name = QString::fromUtf8(families[combination % familyCount]) + QLatin1Char(' ')
            + QString::fromUtf8(givens[combination / familyCount]);
        if (round > 0)
            name += QStringLiteral(" %1").arg(round + 1);
        userArray.append(QJsonObject { { QStringLiteral("name"), name } });
        tokenArray.append(token(2000000000LL + i, i % 4 != 0 ? name : QString()));
    }
    for (int i = 0; i < users / 20; ++i)
        tokenArray.append(token(2100000000LL + i, {}));
    const QJsonObject root {
        { QStringLiteral("format"), Format },
        { QStringLiteral("id"), QStringLiteral("generated-%1").arg(users) },
        // The title is data (Japanese, with its English beside it), not this program's language.
        { QStringLiteral("title"),
            QStringLiteral("大規模法人（利用者%1名、生成）").arg(QLocale(QLocale::Japanese).toString(users)) },
        { QStringLiteral("titles"),
            QJsonObject { { QStringLiteral("en"),
                QStringLiteral("Large corporation (%1 users, generated)")
                    .arg(QLocale(QLocale::English).toString(users)) } } },
        { QStringLiteral("corporation"),
            QJsonObject { { QStringLiteral("code"), QStringLiteral("0000099999") },
                { QStringLiteral("name"), QStringLiteral("株式会社全国大規模商事") },
                { QStringLiteral("usageMode"), QStringLiteral("individual") },
                { QStringLiteral("pin"), QStringLiteral("train1234") } } },
        { QStringLiteral("users"), userArray },
        { QStringLiteral("tokens"), tokenArray },
        { QStringLiteral("staff"),
            QJsonArray { QJsonObject { { QStringLiteral("login"), QStringLiteral("helpdesk") },
                { QStringLiteral("name"), QStringLiteral("ヘルプデスク 担当") },
                { QStringLiteral("credential"), QStringLiteral("Helpdesk2023") } } } },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Scenario> ScenarioLoader::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("シナリオファイル %1 を開けません: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto scenario = parse(file.readAll(), error);
    if (!scenario)
        *error = path + QStringLiteral(": ") + *error;
    return scenario;
}

bool ScenarioLoader::apply(Store& store, const Scenario& s, const QString& source, QString* error)
{
    if (!store.isTrainingStore() && CorporationTable::count(store) > 0) {
        if (error)
            *error = tr("このデータベースは本番用です。本番用のデータベースにはシナリオを読み込めません。");
        return false;
    }
    // Hash and seal before the transaction: scrypt is slow and the write lock should be short. A
    // secret this store hashed before (the same scenario reset again) is not hashed again.
    const QString kdf = QStringLiteral("%1/%2/%3").arg(s.kdf.log2N).arg(s.kdf.r).arg(s.kdf.p);
    QList<std::pair<QString, QString>> hashed; // secret → hash, kept in the store with the scenario
    const auto hashOf = [&](const QString& secret) {
        QString hash = store.scenarioSecretHash(secret, kdf);
        if (hash.isEmpty()) {
            hash = crypto::hashSecret(secret, s.kdf);
            hashed.append({ secret, hash });
        }
        return hash;
    };
    const QString pinHash = hashOf(s.pin);
    QList<QString> staffHashes;
    for (const Scenario::Staff& st : s.staff)
        staffHashes.append(hashOf(st.credential));
    QList<QByteArray> sealed;
    for (const Scenario::Token& t : s.tokens) {
        sealed.append(store.sealSecret(t.secret, t.serial));
        if (sealed.last().isEmpty()) {
            if (error)
                *error = tr("トークンの秘密鍵を暗号化できません。");
            return false;
        }
    }
    const QString now = store.nowText();

    const bool ok = store.transaction([&] {
        if (!RegistrationTable::removeAll(store) || !UserTable::removeAll(store) || !TokenTable::removeAll(store)
            || !StaffTable::removeAll(store) || !CorporationTable::removeAll(store))
            return false;
        CorporationState state;
        state.mode = s.mode;
        state.otpFailures = s.otpFailures;
        state.pinFailures = s.pinFailures;
        if (s.suspended) {
            state.suspended = true;
            state.suspendedAt = now;
            state.reason = SuspensionReason::Otp;
        }
        const qint64 corporationId
            = CorporationTable::insert(store, s.corporationCode, s.corporationName, pinHash, state);
        if (corporationId == 0)
            return false;
        QHash<QString, qint64> userIds;
        for (int i = 0; i < s.users.size(); ++i) {
            const qint64 id = UserTable::insert(store, corporationId, s.users[i].name, i + 1);
            if (id == 0)
                return false;
            userIds.insert(s.users[i].name, id);
        }
        for (int i = 0; i < s.tokens.size(); ++i) {
            const Scenario::Token& t = s.tokens[i];
            const qint64 tokenId = TokenTable::insert(store, t.serial, t.params, sealed[i],
                OtpState { t.counter, -1, 0 }, t.holder.isEmpty() ? TokenStatus::Available : TokenStatus::Registered);
            if (tokenId == 0)
                return false;
            if (!t.holder.isEmpty()
                && !RegistrationTable::add(
                    store, corporationId, t.holder == QLatin1String("*") ? 0 : userIds.value(t.holder), tokenId))
                return false;
        }
        for (int i = 0; i < s.staff.size(); ++i) {
            if (!StaffTable::insert(store, s.staff[i].login, s.staff[i].name, staffHashes[i]))
                return false;
        }
        for (const auto& [secret, hash] : std::as_const(hashed)) {
            if (!store.keepScenarioSecretHash(secret, kdf, hash))
                return false;
        }
        return store.saveSettings(s.settings) && store.markTraining(source, s.id)
            && store.audit(QStringLiteral("trainer"), AuditAction::ScenarioLoaded, corporationId,
                QStringLiteral("id=%1 source=%2").arg(s.id, source));
    });
    if (!ok && error) {
        *error = store.errorCode() == StoreErrorCode::Locked
            ? Store::lockedMessage()
            : tr("シナリオをデータベースに書き込めませんでした。データベースは変更されていません。");
    }
    return ok;
}

bool ScenarioLoader::reset(Store& store, QString* error)
{
    const QString source = store.scenarioSource();
    if (source.isEmpty()) {
        *error = tr("このデータベースはトレーニング用ではないため、リセットできません。");
        return false;
    }
    const auto scenario = load(source, error);
    return scenario && apply(store, *scenario, source, error);
}

} // namespace hardtoken
