#include "store/CorporationTable.h"

#include "store/Database.h"

#include <QCoreApplication>

#include <algorithm>

namespace hardtoken {

namespace {

const QByteArray kPurpose = QByteArrayLiteral("corporation");
const QString kStateColumns = QStringLiteral(
    "id, usage_mode, otp_failures, pin_failures, pin_in_flight, suspended, suspended_at, suspended_reason, state_mac");

CorporationState stateFrom(const Database::Query& q, int first, QString* mac)
{
    CorporationState s;
    s.id = q.value(first).toLongLong();
    s.mode = usageModeFromKey(q.value(first + 1).toString());
    s.otpFailures = q.value(first + 2).toInt();
    s.pinFailures = q.value(first + 3).toInt();
    s.pinInFlight = q.value(first + 4).toInt();
    s.suspended = q.value(first + 5).toInt() != 0;
    s.suspendedAt = q.value(first + 6).toString();
    s.reason = suspensionReasonFromKey(q.value(first + 7).toString());
    *mac = q.value(first + 8).toString();
    return s;
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

QStringList CorporationTable::macFields(const CorporationState& s)
{
    return { QString::number(s.id), usageModeKey(s.mode), QString::number(s.otpFailures),
        QString::number(s.pinFailures), QString::number(s.pinInFlight),
        s.suspended ? QStringLiteral("1") : QStringLiteral("0"), s.suspendedAt, suspensionReasonKey(s.reason) };
}

qint64 CorporationTable::idByCode(const Database& store, const QString& code)
{
    Database::Query q = store.query(QStringLiteral("SELECT id FROM corporations WHERE code = ?"), { code });
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 CorporationTable::firstId(const Database& store)
{
    Database::Query q = store.query(QStringLiteral("SELECT id FROM corporations ORDER BY id LIMIT 1"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

namespace {
// Corporation c's registrations: SQLite keeps the count as they are written (schema 10, triggers);
// PostgreSQL counts them (an index-only scan on the server).
QString registeredCount(const Database& store)
{
    return store.isPostgres()
        ? QStringLiteral("(SELECT COUNT(*) FROM registrations r WHERE r.corporation_id = c.id)")
        : QStringLiteral("COALESCE((SELECT n.registered FROM registration_counts n WHERE n.corporation_id = c.id), 0)");
}
} // namespace

int CorporationTable::count(const Database& store)
{
    Database::Query q = store.query(QStringLiteral("SELECT COUNT(*) FROM corporations"));
    return q.next() ? q.value(0).toInt() : 0;
}

QList<CorporationHit> CorporationTable::search(const Database& store, const QString& text, int limit)
{
    const QString columns = QStringLiteral("SELECT c.id, c.code, c.name, c.suspended,"
                                           " (SELECT COUNT(*) FROM users u WHERE u.corporation_id = c.id),"
                                           " ")
        + registeredCount(store) + QStringLiteral(" FROM corporations c ");
    QList<CorporationHit> out;
    const auto read = [&out](Database::Query& q) {
        while (q.next()) {
            out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(4).toInt(),
                q.value(5).toInt(), q.value(3).toBool() });
        }
    };
    if (text.isEmpty()) {
        Database::Query q = store.query(columns + QStringLiteral("ORDER BY c.code LIMIT ?"), { limit });
        read(q);
        return out;
    }
    {
        Database::Query q = store.query(columns + QStringLiteral("WHERE c.code = ?"), { text });
        read(q);
    }
    // Digits only: a 契約法人コード being typed. It is matched whole (above), and its prefixes are
    // not looked for in names, which would scan every corporation at every digit.
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return out;
    // The text as typed. SQLite: instr, no pattern. PostgreSQL: LIKE with the pattern characters
    // escaped, which the trigram index (schema 7) answers without reading every name.
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    const QString contains
        = store.isPostgres() ? QStringLiteral("c.name LIKE ? ESCAPE '\\'") : QStringLiteral("instr(c.name, ?) > 0");
    const QString needle = store.isPostgres() ? QString(QLatin1Char('%') + pattern + QLatin1Char('%')) : text;
    Database::Query q = store.query(
        columns + QStringLiteral("WHERE ") + contains + QStringLiteral(" AND c.code <> ? ORDER BY c.code LIMIT ?"),
        { needle, text, limit - static_cast<int>(out.size()) });
    read(q);
    return out;
}

int CorporationTable::countUpTo(const Database& store, int limit)
{
    Database::Query q
        = store.query(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM corporations LIMIT ?) AS c"), { limit });
    return q.next() ? q.value(0).toInt() : 0;
}

std::optional<CorporationInfo> CorporationTable::info(const Database& store, qint64 id, TokenCount tokens)
{
    const QString count = tokens == TokenCount::Skipped ? QStringLiteral("-1") : registeredCount(store);
    // A desk with no key asks the server, which checks the MAC for it (store/sql/desk_reads.sql).
    Database::Query q = store.isDesk()
        ? store.query(QStringLiteral("SELECT * FROM hardtoken_corporation(?)"), { id })
        : store.query(QStringLiteral("SELECT code, name, ") + kStateColumns + QStringLiteral(", ") + count
                + QStringLiteral(" FROM corporations c WHERE id = ?"),
            { id });
    if (!q.next())
        return std::nullopt;
    QString mac;
    const CorporationState s = stateFrom(q, 2, &mac);
    CorporationInfo c;
    c.id = s.id;
    c.code = q.value(0).toString();
    c.name = q.value(1).toString();
    c.mode = s.mode;
    c.otpFailures = s.otpFailures;
    c.pinFailures = s.pinFailures;
    c.suspended = s.suspended;
    c.suspendedAt = s.suspendedAt;
    c.suspendedReason = s.reason;
    c.registeredTokens = q.value(11).toInt();
    c.stateIntact = store.isDesk() ? q.value(10).toBool() : store.stateMacMatches(kPurpose, macFields(s), mac);
    return c;
}

QString CorporationTable::pinHash(const Database& store, qint64 id)
{
    Database::Query q = store.query(QStringLiteral("SELECT pin_hash FROM corporations WHERE id = ?"), { id });
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<CorporationState> CorporationTable::lock(Database& store, qint64 id)
{
    Q_ASSERT(store.inTransaction());
    Database::Query q
        = store.query(QStringLiteral("SELECT ") + kStateColumns + QStringLiteral(" FROM corporations WHERE id = ?")
                + (store.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()),
            { id });
    if (!q.next())
        return std::nullopt;
    QString mac;
    const CorporationState s = stateFrom(q, 0, &mac);
    if (!store.stateMacMatches(kPurpose, macFields(s), mac)) {
        store.fail(StoreErrorCode::Tampered,
            QCoreApplication::translate("CorporationTable",
                "契約法人の誤入力回数または利用中止の記録が、コンソールの外で変更されています。"
                "お問い合わせ先までご照会ください。"));
        return std::nullopt;
    }
    return s;
}

bool CorporationTable::write(Database& store, const CorporationState& s)
{
    Database::Query q
        = store.query(QStringLiteral("UPDATE corporations SET usage_mode = ?, otp_failures = ?, pin_failures = ?,"
                                     " pin_in_flight = ?, suspended = ?, suspended_at = ?, suspended_reason = ?,"
                                     " state_mac = ? WHERE id = ?"),
            { usageModeKey(s.mode), s.otpFailures, s.pinFailures, s.pinInFlight, s.suspended ? 1 : 0,
                textOrNull(s.suspendedAt), textOrNull(suspensionReasonKey(s.reason)),
                store.stateMac(kPurpose, macFields(s)), s.id });
    return q.ok() && q.rowsAffected() == 1;
}

qint64 CorporationTable::insert(
    Database& store, const QString& code, const QString& name, const QString& pinHash, const CorporationState& state)
{
    // An empty (not NULL) hash: the PIN has not been set yet, and nothing verifies against it.
    const qint64 id = store.insert(QStringLiteral("INSERT INTO corporations (code, name, pin_hash) VALUES (?, ?, ?)"),
        { code, name, pinHash.isNull() ? QString(QLatin1String("")) : pinHash });
    if (id == 0)
        return 0;
    CorporationState s = state;
    s.id = id;
    return write(store, s) ? id : 0;
}

bool CorporationTable::rename(Database& store, qint64 id, const QString& name)
{
    return store.run(QStringLiteral("UPDATE corporations SET name = ? WHERE id = ?"), { name, id });
}

bool CorporationTable::setPinHash(Database& store, qint64 id, const QString& pinHash)
{
    Database::Query q
        = store.query(QStringLiteral("UPDATE corporations SET pin_hash = ? WHERE id = ?"), { pinHash, id });
    return q.ok() && q.rowsAffected() == 1;
}

bool CorporationTable::removeAll(Database& store)
{
    return store.run(QStringLiteral("DELETE FROM corporations"), {});
}

bool CorporationTable::sealAll(Database& store)
{
    QList<CorporationState> rows;
    {
        Database::Query q
            = store.query(QStringLiteral("SELECT ") + kStateColumns + QStringLiteral(" FROM corporations"));
        QString mac;
        while (q.next())
            rows.append(stateFrom(q, 0, &mac));
    }
    for (const CorporationState& s : std::as_const(rows)) {
        if (!write(store, s))
            return false;
    }
    return true;
}

bool CorporationTable::releaseLegacyInFlight(Database& store)
{
    QList<CorporationState> rows;
    {
        Database::Query q = store.query(
            QStringLiteral("SELECT ") + kStateColumns + QStringLiteral(" FROM corporations WHERE pin_in_flight > 0"));
        while (q.next()) {
            QString mac;
            const CorporationState s = stateFrom(q, 0, &mac);
            if (store.stateMacMatches(kPurpose, macFields(s), mac))
                rows.append(s);
        }
    }
    for (CorporationState s : std::as_const(rows)) {
        s.pinFailures = qMax(0, s.pinFailures - s.pinInFlight);
        s.pinInFlight = 0;
        if (!write(store, s))
            return false;
    }
    return true;
}

QStringList CorporationTable::tampered(const Database& store)
{
    QStringList out;
    Database::Query q
        = store.query(QStringLiteral("SELECT ") + kStateColumns + QStringLiteral(", code FROM corporations"));
    while (q.next()) {
        QString mac;
        const CorporationState s = stateFrom(q, 0, &mac);
        if (!store.stateMacMatches(kPurpose, macFields(s), mac))
            out.append(q.value(9).toString());
    }
    return out;
}

} // namespace hardtoken
