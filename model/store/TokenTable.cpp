#include "store/TokenTable.h"

#include "store/Database.h"

namespace hardtoken {

namespace {
const QByteArray kPurpose = QByteArrayLiteral("token");

// kind, algorithm, digits, period: four columns from `first` on.
OtpParameters paramsFrom(const Database::Query& q, int first)
{
    OtpParameters p;
    p.kind = otpKindFromName(q.value(first).toString()).value_or(OtpKind::Totp);
    p.algorithm = otpAlgorithmFromName(q.value(first + 1).toString()).value_or(OtpAlgorithm::Sha1);
    p.digits = q.value(first + 2).toInt();
    p.period = q.value(first + 3).toInt();
    return p;
}
} // namespace

QStringList TokenTable::macFields(const QString& serial, const OtpState& s)
{
    return { serial, QString::number(s.nextCounter), QString::number(s.lastStep), QString::number(s.driftSteps) };
}

std::optional<TokenRecord> TokenTable::find(const Database& store, const QString& serial)
{
    Database::Query q
        = store.query(QStringLiteral("SELECT t.id, t.serial, t.kind, t.algorithm, t.digits, t.period, t.secret,"
                                     " t.next_counter, t.last_step, t.drift, t.status, t.state_mac,"
                                     " r.corporation_id, r.user_id, u.name"
                                     " FROM tokens t LEFT JOIN registrations r ON r.token_id = t.id"
                                     " LEFT JOIN users u ON u.id = r.user_id WHERE t.serial = ?"),
            { serial });
    if (!q.next())
        return std::nullopt;
    TokenRecord t;
    t.id = q.value(0).toLongLong();
    t.serial = q.value(1).toString();
    t.params = paramsFrom(q, 2);
    t.sealedSecret = q.value(6).toByteArray();
    t.state.nextCounter = q.value(7).toULongLong();
    t.state.lastStep = q.value(8).toLongLong();
    t.state.driftSteps = q.value(9).toLongLong();
    t.status = tokenStatusFromKey(q.value(10).toString());
    t.stateIntact = store.stateMacMatches(kPurpose, macFields(t.serial, t.state), q.value(11).toString());
    t.holderCorporation = q.value(12).toLongLong();
    t.holderUser = q.value(13).toLongLong();
    t.holderName = q.value(14).toString();
    return t;
}

QList<TokenListing> TokenTable::listing(const Database& store)
{
    QList<TokenListing> out;
    Database::Query q
        = store.query(QStringLiteral("SELECT t.serial, t.kind, t.algorithm, t.digits, t.period, t.next_counter,"
                                     " r.id, u.name FROM tokens t LEFT JOIN registrations r ON r.token_id = t.id"
                                     " LEFT JOIN users u ON u.id = r.user_id"
                                     " WHERE t.status <> ? ORDER BY t.serial"),
            { tokenStatusKey(TokenStatus::Retired) });
    while (q.next()) {
        TokenListing info;
        info.serial = q.value(0).toString();
        info.params = paramsFrom(q, 1);
        info.nextCounter = q.value(5).toULongLong();
        if (!q.value(6).isNull())
            info.holder = q.value(7).isNull() ? QStringLiteral("*") : q.value(7).toString();
        out.append(info);
    }
    return out;
}

int TokenTable::count(const Database& store)
{
    Database::Query q = store.query(QStringLiteral("SELECT COUNT(*) FROM tokens"));
    return q.next() ? q.value(0).toInt() : 0;
}

bool TokenTable::any(const Database& store)
{
    Database::Query q = store.query(QStringLiteral("SELECT EXISTS (SELECT 1 FROM tokens)"));
    return q.next() && q.value(0).toBool();
}

TokenTable::Advance TokenTable::advance(
    Database& store, qint64 id, const QString& serial, OtpKind kind, const OtpState& next, bool registered)
{
    const bool hotp = kind == OtpKind::Hotp;
    const QString guard = hotp ? QStringLiteral("next_counter < ?") : QStringLiteral("last_step < ?");
    const QVariant position
        = hotp ? QVariant::fromValue(static_cast<qint64>(next.nextCounter)) : QVariant::fromValue(next.lastStep);
    Database::Query q = store.query(QStringLiteral("UPDATE tokens SET next_counter = ?, last_step = ?, drift = ?,"
                                                   " status = ?, state_mac = ? WHERE id = ? AND ")
            + guard,
        { QVariant::fromValue(static_cast<qint64>(next.nextCounter)), next.lastStep, next.driftSteps,
            tokenStatusKey(registered ? TokenStatus::Registered : TokenStatus::Available),
            store.stateMac(kPurpose, macFields(serial, next)), id, position });
    if (!q.ok())
        return Advance::Failed;
    return q.rowsAffected() == 1 ? Advance::Moved : Advance::AlreadyUsed;
}

qint64 TokenTable::insert(Database& store, const QString& serial, const OtpParameters& params,
    const QByteArray& sealedSecret, const OtpState& state, TokenStatus status)
{
    return store.insert(QStringLiteral("INSERT INTO tokens (serial, kind, algorithm, digits, period, secret,"
                                       " next_counter, last_step, drift, status, state_mac)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { serial, otpKindName(params.kind), otpAlgorithmName(params.algorithm), params.digits, params.period,
            sealedSecret, QVariant::fromValue(static_cast<qint64>(state.nextCounter)), state.lastStep, state.driftSteps,
            tokenStatusKey(status), store.stateMac(kPurpose, macFields(serial, state)) });
}

bool TokenTable::replace(Database& store, qint64 id, const QString& serial, const OtpParameters& params,
    const QByteArray& sealedSecret, const std::optional<OtpState>& state, TokenStatus status)
{
    const QVariantList common { otpKindName(params.kind), otpAlgorithmName(params.algorithm), params.digits,
        params.period, sealedSecret, tokenStatusKey(status) };
    if (!state) {
        Database::Query q = store.query(QStringLiteral("UPDATE tokens SET kind = ?, algorithm = ?, digits = ?,"
                                                       " period = ?, secret = ?, status = ? WHERE id = ?"),
            common + QVariantList { id });
        return q.ok() && q.rowsAffected() == 1;
    }
    Database::Query q
        = store.query(QStringLiteral("UPDATE tokens SET kind = ?, algorithm = ?, digits = ?, period = ?,"
                                     " secret = ?, status = ?, next_counter = ?, last_step = ?, drift = ?,"
                                     " state_mac = ? WHERE id = ?"),
            common
                + QVariantList { QVariant::fromValue(static_cast<qint64>(state->nextCounter)), state->lastStep,
                    state->driftSteps, store.stateMac(kPurpose, macFields(serial, *state)), id });
    return q.ok() && q.rowsAffected() == 1;
}

bool TokenTable::removeAll(Database& store)
{
    return store.run(QStringLiteral("DELETE FROM tokens"), {});
}

bool TokenTable::sealAll(Database& store)
{
    struct Row {
        qint64 id;
        QString serial;
        OtpState state;
    };
    QList<Row> rows;
    {
        Database::Query q
            = store.query(QStringLiteral("SELECT id, serial, next_counter, last_step, drift FROM tokens"));
        while (q.next()) {
            rows.append({ q.value(0).toLongLong(), q.value(1).toString(),
                { q.value(2).toULongLong(), q.value(3).toLongLong(), q.value(4).toLongLong() } });
        }
    }
    for (const Row& r : std::as_const(rows)) {
        if (!store.run(QStringLiteral("UPDATE tokens SET state_mac = ? WHERE id = ?"),
                { store.stateMac(kPurpose, macFields(r.serial, r.state)), r.id }))
            return false;
    }
    return true;
}

QList<TokenTable::SealedSecret> TokenTable::sealedSecrets(const Database& store)
{
    QList<SealedSecret> out;
    // A token imported through the server (store/sql/imports.sql) has no secret sealed here: its seed
    // is the server's alone.
    Database::Query q
        = store.query(QStringLiteral("SELECT id, serial, secret FROM tokens WHERE length(secret) > 0 ORDER BY id"));
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray() });
    return out;
}

bool TokenTable::setSealedSecret(Database& store, qint64 id, const QByteArray& sealed)
{
    Database::Query q = store.query(QStringLiteral("UPDATE tokens SET secret = ? WHERE id = ?"), { sealed, id });
    return q.ok() && q.rowsAffected() == 1;
}

QStringList TokenTable::tampered(const Database& store)
{
    QStringList out;
    Database::Query q
        = store.query(QStringLiteral("SELECT id, serial, next_counter, last_step, drift, state_mac FROM tokens"));
    while (q.next()) {
        const OtpState s { q.value(2).toULongLong(), q.value(3).toLongLong(), q.value(4).toLongLong() };
        if (!store.stateMacMatches(kPurpose, macFields(q.value(1).toString(), s), q.value(5).toString()))
            out.append(q.value(1).toString());
    }
    return out;
}

QString tokenStatusKey(TokenStatus status)
{
    switch (status) {
    case TokenStatus::Registered:
        return QStringLiteral("registered");
    case TokenStatus::Retired:
        return QStringLiteral("retired");
    case TokenStatus::Available:
        break;
    }
    return QStringLiteral("available");
}

TokenStatus tokenStatusFromKey(const QString& key)
{
    if (key == QLatin1String("registered"))
        return TokenStatus::Registered;
    if (key == QLatin1String("retired"))
        return TokenStatus::Retired;
    return TokenStatus::Available;
}

} // namespace hardtoken
