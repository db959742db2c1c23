#include "StoreSetup.h"

#include "DesktopSettings.h"

#include "KeychainVault.h"
#include "inventory/Scenario.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QSettings>

namespace hardtoken {

namespace {
const QString kDatabase = QStringLiteral("database");
const QString kKeyFile = QStringLiteral("key-file");
const QString kPostgres = QStringLiteral("postgres");
const QString kDesk = QStringLiteral("desk");
const QString kScenario = QStringLiteral("scenario");
const QString kTraining = QStringLiteral("training");
const QString kKeychain = QStringLiteral("keychain");
const QString kNoKeychain = QStringLiteral("no-keychain");
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
constexpr bool kKeychainByDefault = true;
#else
constexpr bool kKeychainByDefault = false;
#endif
} // namespace

void StoreOptions::addTo(QCommandLineParser& parser)
{
    parser.addOption({ kDatabase,
        QCoreApplication::translate("StoreOptions", "SQLite のデータベースファイル（既定: %1）。")
            .arg(Store::defaultDatabasePath()),
        QStringLiteral("path") });
    parser.addOption({ kPostgres,
        QCoreApplication::translate("StoreOptions",
            "複数の端末で共有する PostgreSQL のデータベース。例: \"host=db port=5432 dbname=hardtoken "
            "user=console\"（パスワードは PGPASSWORD）。--key-file が必要です。"),
        QStringLiteral("connection") });
    parser.addOption(
        { kKeyFile, QCoreApplication::translate("StoreOptions", "暗号鍵ファイル（既定: データベースのパス + .key）。"),
            QStringLiteral("path") });
    parser.addOption({ kDesk,
        QCoreApplication::translate("StoreOptions",
            "--postgres のデータベースに、サーバーが管理する端末として接続します（hardtoken-cli server init 済み。"
            "端末用ロールの接続、暗号鍵ファイルなし）。") });
    parser.addOption({ kScenario,
        QCoreApplication::translate(
            "StoreOptions", "起動の前に、トレーニング用のシナリオ（JSON）をデータベースに読み込みます。"),
        QStringLiteral("file") });
    parser.addOption({ kKeychain,
        QCoreApplication::translate("StoreOptions",
            "暗号鍵を OS のキーチェーンに保管します（Windows と macOS では既定。鍵ファイルは予備として残ります）。") });
    parser.addOption({ kNoKeychain,
        QCoreApplication::translate("StoreOptions", "キーチェーンを使わず、暗号鍵ファイルだけを使います。") });
    parser.addOption({ kTraining,
        QCoreApplication::translate(
            "StoreOptions", "マニュアルのトレーニング用シナリオで起動します（--scenario %1 と同じ）。")
            .arg(QLatin1String(ScenarioLoader::DefaultScenario)) });
}

StoreOptions StoreOptions::from(const QCommandLineParser& parser)
{
    StoreOptions o;
    // --database, else the "database" setting (e.g. a shared folder chosen by IT), else AppData.
    const QString configured = QSettings().value(desktop::databaseKey()).toString();
    o.database = parser.isSet(kDatabase) ? parser.value(kDatabase)
        : configured.isEmpty()           ? Store::defaultDatabasePath()
                                         : configured;
    // --postgres wins over everything; an explicit --database wins over a configured shared store.
    o.postgres = parser.isSet(kPostgres) ? parser.value(kPostgres)
        : parser.isSet(kDatabase)        ? QString()
                                         : QSettings().value(desktop::postgresKey()).toString();
    o.keyFile = parser.value(kKeyFile);
    o.desk = parser.isSet(kDesk);
    o.scenario = parser.value(kScenario);
    o.keychain = parser.isSet(kNoKeychain) ? false : (parser.isSet(kKeychain) || kKeychainByDefault);
    if (o.scenario.isEmpty() && parser.isSet(kTraining))
        o.scenario = QLatin1String(ScenarioLoader::DefaultScenario);
    return o;
}

bool StoreOptions::open(Store& store, QString* error) const
{
    static KeychainVault vault;
    store.setKeyVault(keychain ? &vault : nullptr);
    if (desk && (postgres.isEmpty() || !keyFile.isEmpty() || !scenario.isEmpty())) {
        *error = QCoreApplication::translate("StoreOptions",
            "--desk には --postgres（端末用ロールの接続）が必要です。--key-file、--scenario とは使えません。");
        return false;
    }
    const bool opened = desk ? store.openDesk(postgres)
        : postgres.isEmpty() ? store.openSqlite(database, keyFile)
                             : store.openPostgres(postgres, keyFile);
    if (!opened) {
        *error = store.errorMessage();
        return false;
    }
    if (scenario.isEmpty())
        return true;
    const auto loaded = ScenarioLoader::load(scenario, error);
    return loaded && ScenarioLoader::apply(store, *loaded, scenario, error);
}

} // namespace hardtoken
