#include "store/ServerBoundary.h"

#include "store/Database.h"
#include "store/TokenTable.h"

#include <QFile>
#include <QRegularExpression>

namespace hardtoken {

QList<ServerBoundary::Columns> ServerBoundary::deskReadable()
{
    return {
        { QStringLiteral("corporations"),
            { QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("usage_mode"),
                QStringLiteral("otp_failures"), QStringLiteral("pin_failures"), QStringLiteral("pin_in_flight"),
                QStringLiteral("suspended"), QStringLiteral("suspended_at"), QStringLiteral("suspended_reason") } },
        { QStringLiteral("users"),
            { QStringLiteral("id"), QStringLiteral("corporation_id"), QStringLiteral("name"),
                QStringLiteral("display_order"), QStringLiteral("bank_id") } },
        { QStringLiteral("tokens"),
            { QStringLiteral("id"), QStringLiteral("serial"), QStringLiteral("kind"), QStringLiteral("algorithm"),
                QStringLiteral("digits"), QStringLiteral("period"), QStringLiteral("next_counter"),
                QStringLiteral("last_step"), QStringLiteral("drift"), QStringLiteral("status") } },
        { QStringLiteral("registrations"),
            { QStringLiteral("id"), QStringLiteral("corporation_id"), QStringLiteral("user_id"),
                QStringLiteral("token_id"), QStringLiteral("since") } },
        { QStringLiteral("staff"),
            { QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("role"),
                QStringLiteral("disabled") } },
        { QStringLiteral("audit_log"),
            { QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"),
                QStringLiteral("corporation_id"), QStringLiteral("details") } },
        // The schema's version, so that a desk refuses a store newer than itself.
        { QStringLiteral("schema_version"), { QStringLiteral("version") } },
        { QStringLiteral("signin_attempts"),
            { QStringLiteral("login"), QStringLiteral("failures"), QStringLiteral("in_flight"),
                QStringLiteral("locked_at") } },
    };
}

QStringList ServerBoundary::tables()
{
    return { QStringLiteral("meta"), QStringLiteral("corporations"), QStringLiteral("users"), QStringLiteral("tokens"),
        QStringLiteral("registrations"), QStringLiteral("staff"), QStringLiteral("audit_log"),
        QStringLiteral("signin_attempts"), QStringLiteral("training_results"), QStringLiteral("attempts_in_flight"),
        QStringLiteral("commit_marks"), QStringLiteral("schema_version"), QStringLiteral("server_keys"),
        QStringLiteral("server_credentials"), QStringLiteral("desk_sessions"), QStringLiteral("server_seeds"),
        QStringLiteral("token_checks"), QStringLiteral("server_requests") };
}

QStringList ServerBoundary::deskFunctions()
{
    return { QStringLiteral("hardtoken_hotp(bytea, bigint, integer, text)"),
        QStringLiteral("hardtoken_totp(bytea, bigint, integer, integer, text)"), QStringLiteral("hardtoken_store_id()"),
        QStringLiteral("hardtoken_configuration()"), QStringLiteral("hardtoken_corporation(bigint)"),
        QStringLiteral("hardtoken_verify_audit()"), QStringLiteral("hardtoken_note_export(text, text, integer, text)"),
        QStringLiteral("hardtoken_staff_kdf(text)"), QStringLiteral("hardtoken_pin_kdf(bigint)"),
        QStringLiteral("hardtoken_sign_out(text, text)"),
        // The acts, each with its request id first (store/sql/requests.sql: answered once).
        QStringLiteral("hardtoken_sign_in(text, text, bytea, text)"),
        QStringLiteral("hardtoken_check_token(text, text, bigint, text, text, text, bigint)"),
        QStringLiteral("hardtoken_set_usage_mode(text, text, bigint, text, bytea)"),
        QStringLiteral("hardtoken_register(text, text, bigint, bytea, text, bigint[], bigint[])"),
        QStringLiteral("hardtoken_unlock(text, text, bigint, text)"),
        QStringLiteral("hardtoken_reset_counters(text, text, bigint, text)"),
        QStringLiteral("hardtoken_set_pin(text, text, bigint, text, text)"),
        QStringLiteral("hardtoken_reset_staff_lock(text, text, text, text)"),
        QStringLiteral("hardtoken_add_staff(text, text, text, text, text, text, text)"),
        QStringLiteral("hardtoken_set_staff_disabled(text, text, text, boolean, text)"),
        QStringLiteral("hardtoken_import_tokens(text, text, jsonb, boolean, text, text)"),
        QStringLiteral("hardtoken_import_roster(text, text, jsonb, boolean, text)"),
        QStringLiteral("hardtoken_check_card(text, text, text, text)"),
        QStringLiteral("hardtoken_resync_card(text, text, text, text, text, text)") };
}

QList<QByteArray> ServerBoundary::serverKeyPurposes()
{
    return { QByteArrayLiteral("audit-chain"), QByteArrayLiteral("state/audit-head"), QByteArrayLiteral("state/signin"),
        QByteArrayLiteral("state/corporation"), QByteArrayLiteral("state/token") };
}

bool ServerBoundary::validRole(const QString& role)
{
    static const QRegularExpression name(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return name.match(role).hasMatch() && !role.startsWith(QLatin1String("pg_"));
}

namespace {

// RFC 4226 in the server: HMAC (pgcrypto) of the big-endian counter, dynamic truncation, the
// low `digits` decimal digits. The secret comes in as an argument: the function keeps nothing.
const char kHotp[]
    = R"(CREATE OR REPLACE FUNCTION hardtoken_hotp(secret bytea, counter bigint, digits integer, algorithm text)
RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog AS $fn$
DECLARE
    mac bytea;
    o integer;
    bin bigint;
BEGIN
    IF algorithm NOT IN ('sha1', 'sha256', 'sha512') OR digits NOT BETWEEN 6 AND 8 THEN
        RAISE EXCEPTION 'hardtoken_hotp: unsupported % / % digits', algorithm, digits;
    END IF;
    mac := public.hmac(int8send(counter), secret, algorithm);
    o := get_byte(mac, length(mac) - 1) & 15;
    bin := ((get_byte(mac, o) & 127)::bigint << 24) | (get_byte(mac, o + 1)::bigint << 16)
        | (get_byte(mac, o + 2)::bigint << 8) | get_byte(mac, o + 3)::bigint;
    RETURN lpad((bin % (10::bigint ^ digits)::bigint)::text, digits, '0');
END
$fn$)";

// RFC 6238: the HOTP of the time step.
const char kTotp[]
    = R"(CREATE OR REPLACE FUNCTION hardtoken_totp(secret bytea, at_seconds bigint, period integer, digits integer, algorithm text)
RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog AS $fn$
    SELECT public.hardtoken_hotp(secret, floor(at_seconds::numeric / period)::bigint, digits, algorithm)
$fn$)";

} // namespace

bool ServerBoundary::init(Database& store, const QString& deskRole)
{
    if (!store.isPostgres())
        return store.fail(StoreErrorCode::Sql, tr("サーバーの権限は PostgreSQL のデータベースにだけ設定できます。"));
    if (!validRole(deskRole)) {
        return store.fail(
            StoreErrorCode::Sql, tr("ロール名 %1 は使えません（半角英小文字・数字・_、63 文字まで）。").arg(deskRole));
    }
    const QString role = QStringLiteral("\"%1\"").arg(deskRole);
    return store.transaction([&] {
        bool exists = false;
        {
            Database::Query q
                = store.query(QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"), { deskRole });
            if (!q.next())
                return false;
            exists = q.value(0).toInt() > 0;
        }
        // (A role name cannot be a bound parameter: it is checked by validRole() and quoted.)
        if (!exists && !store.execDirect(QStringLiteral("CREATE ROLE %1 LOGIN NOINHERIT").arg(role)))
            return false;
        if (!store.execDirect(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public"))
            || !store.execDirect(QString::fromUtf8(kHotp)) || !store.execDirect(QString::fromUtf8(kTotp)))
            return false;
        for (const char* name : { ":/server/desk_session.sql", ":/server/token_check.sql", ":/server/desk_reads.sql",
                 ":/server/pin_acts.sql", ":/server/staff_acts.sql", ":/server/card_acts.sql", ":/server/imports.sql",
                 ":/server/requests.sql" }) {
            QFile script(QString::fromLatin1(name));
            if (!script.open(QIODevice::ReadOnly))
                return store.fail(StoreErrorCode::Sql, tr("サーバーの関数の定義を読み込めません。"));
            if (!store.execDirect(QString::fromUtf8(script.readAll())))
                return false;
        }
        // The keys the server writes the console's MACs with: derived from the data key, one per
        // purpose (never the data key, which also opens the token secrets sealed on the desks).
        for (const QByteArray& purpose : serverKeyPurposes()) {
            const QByteArray key = store.derivedKey(purpose);
            if (key.isEmpty())
                return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵が読み込まれていません。"));
            if (!store.run(QStringLiteral("INSERT INTO server_keys (purpose, key) VALUES (?, ?) ON CONFLICT (purpose)"
                                          " DO UPDATE SET key = EXCLUDED.key"),
                    { QString::fromLatin1(purpose), key }))
                return false;
        }
        // Every token's seed, opened with the data key here and kept under the server's key there.
        for (const TokenTable::SealedSecret& t : TokenTable::sealedSecrets(store)) {
            auto seed = store.openSecret(t.sealed, t.serial);
            if (!seed)
                return store.fail(StoreErrorCode::Tampered, tr("トークン %1 の秘密鍵を開けません。").arg(t.serial));
            const bool kept = store.run(QStringLiteral("SELECT hardtoken_keep_seed(?, ?)"), { t.id, *seed });
            seed->fill('\0');
            if (!kept)
                return false;
        }
        QStringList sql {
            // Nobody but the owner creates objects where the functions look.
            QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
            QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role),
            QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"),
            QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(role),
            QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC"),
            QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1").arg(role),
            // Functions run for the desk only where granted: the helpers (the MACs, the audit
            // append) are the owner's, called from inside the granted ones.
            QStringLiteral("DO $revoke$ DECLARE f regprocedure; BEGIN"
                           " FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n"
                           " ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname LIKE 'hardtoken\\_%%'"
                           " LOOP EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, %1', f); END LOOP; END"
                           " $revoke$")
                .arg(role),
        };
        for (const QString& function : deskFunctions())
            sql.append(QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO %2").arg(function, role));
        for (const Columns& c : deskReadable())
            sql.append(QStringLiteral("GRANT SELECT (%1) ON %2 TO %3")
                           .arg(c.columns.join(QStringLiteral(", ")), c.table, role));
        for (const QString& statement : std::as_const(sql)) {
            if (!store.execDirect(statement))
                return false;
        }
        return true;
    });
}

QList<ServerBoundary::Privileges> ServerBoundary::privileges(Database& store, const QString& role)
{
    QList<Privileges> out;
    if (!validRole(role))
        return out;
    for (const QString& table : tables()) {
        Privileges p;
        p.table = table;
        const auto has = [&](const char* privilege) {
            Database::Query q = store.query(
                QStringLiteral("SELECT has_table_privilege(?, ?, ?)"), { role, table, QString::fromLatin1(privilege) });
            return q.next() && q.value(0).toBool();
        };
        if (has("SELECT")) {
            p.selectColumns = { QStringLiteral("*") };
        } else {
            Database::Query q = store.query(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                                           " WHERE table_schema = current_schema() AND table_name = ?"
                                                           " ORDER BY ordinal_position"),
                { table });
            QStringList columns;
            while (q.next())
                columns.append(q.value(0).toString());
            for (const QString& column : std::as_const(columns)) {
                Database::Query c = store.query(
                    QStringLiteral("SELECT has_column_privilege(?, ?, ?, 'SELECT')"), { role, table, column });
                if (c.next() && c.value(0).toBool())
                    p.selectColumns.append(column);
            }
        }
        p.insert = has("INSERT");
        p.update = has("UPDATE");
        p.del = has("DELETE");
        p.truncate = has("TRUNCATE");
        out.append(p);
    }
    return out;
}

QString ServerBoundary::privilegeTable(const QString& role, const QList<Privileges>& rows)
{
    const auto yes = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("-"); };
    QString text = QStringLiteral("| role | table | SELECT | INSERT | UPDATE | DELETE | TRUNCATE |\n"
                                  "|---|---|---|---|---|---|---|\n");
    for (const Privileges& p : rows) {
        text += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                    .arg(role, p.table,
                        p.selectColumns.isEmpty() ? QStringLiteral("-") : p.selectColumns.join(QStringLiteral(", ")),
                        yes(p.insert), yes(p.update), yes(p.del), yes(p.truncate));
    }
    return text;
}

} // namespace hardtoken
