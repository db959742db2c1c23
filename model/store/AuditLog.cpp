#include "store/AuditLog.h"

#include "core/Crypto.h"
#include "core/Validation.h"

#include <QDateTime>
#include <QTimeZone>

namespace hardtoken {

namespace {

const QString kHead = QStringLiteral("audit.head");

QByteArray entryMessage(const QString& previousMac, const AuditEntry& e)
{
    QByteArray m;
    for (const QString& part :
        { previousMac, QString::number(e.id), e.at, e.actor, e.action, QString::number(e.corporationId), e.details }) {
        const QByteArray utf8 = part.toUtf8();
        m += QByteArray::number(utf8.size()) + ':' + utf8 + ';';
    }
    return m;
}

} // namespace

AuditLog::AuditLog(Database& store)
    : m_store(store)
{
}

QByteArray AuditLog::chainMac(const QByteArray& message) const
{
    const crypto::HmacSha256* mac = m_store.keyedMac("audit-chain");
    return mac ? mac->mac(message) : QByteArray();
}

QString AuditLog::headMac(qint64 lastId, const QString& lastMac) const
{
    return m_store.stateMac("audit-head", { QString::number(lastId), lastMac });
}

QString AuditLog::bounded(const QString& text, int max)
{
    if (text.size() <= max)
        return text;
    return text.left(max) + QStringLiteral("…[+%1]").arg(text.size() - max);
}

QString AuditLog::printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (Validation::isControl(c))
            out += QStringLiteral("\\x{%1}").arg(c.unicode(), 0, 16);
        else
            out += c;
    }
    return out;
}

bool AuditLog::loadHead()
{
    if (m_haveHead)
        return true;
    // The chain needs one writer at a time. SQLite's BEGIN IMMEDIATE already gives that; on
    // PostgreSQL the transaction takes the table lock (released at commit).
    if (m_store.isPostgres() && !m_store.execDirect(QStringLiteral("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")))
        return false;
    Database::Query last = m_store.query(QStringLiteral("SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last.ok())
        return false;
    m_lastId = 0;
    m_lastMac.clear();
    if (last.next()) {
        m_lastId = last.value(0).toLongLong();
        m_lastMac = last.value(1).toString();
    }
    m_haveHead = true;
    return true;
}

bool AuditLog::append(const QString& actor, const QString& action, qint64 corporationId, const QString& details)
{
    return appendMany({ AuditEntry { 0, {}, actor, action, corporationId, details } });
}

bool AuditLog::appendMany(const QList<AuditEntry>& entries)
{
    Q_ASSERT(m_store.inTransaction());
    if (!loadHead())
        return false;
    constexpr qsizetype Chunk = 100;
    const QString at = m_store.nowText();
    qsizetype first = 0;
    while (first < entries.size()) {
        // A run of entries with the same actor, action and corporation: those are bound once.
        const AuditEntry& head = entries[first];
        qsizetype end = first + 1;
        while (end < entries.size() && end - first < Chunk && entries[end].actor == head.actor
            && entries[end].action == head.action && entries[end].corporationId == head.corporationId)
            ++end;
        AuditEntry e;
        e.at = at;
        e.actor = bounded(head.actor, MaxActor);
        e.action = bounded(head.action, MaxAction);
        e.corporationId = head.corporationId;
        QVariantList values { e.at, e.actor, e.action,
            e.corporationId ? QVariant(e.corporationId) : QVariant(QMetaType::fromType<qint64>()) };
        values.reserve(4 + (end - first) * 3);
        qint64 lastId = m_lastId;
        QString lastMac = m_lastMac;
        QString rows;
        for (qsizetype i = first; i < end; ++i) {
            e.id = lastId + 1;
            e.details
                = entries[i].details.isNull() ? QString(QLatin1String("")) : bounded(entries[i].details, MaxDetails);
            const QString mac = QString::fromLatin1(chainMac(entryMessage(lastMac, e)).toHex());
            values << e.id << e.details << mac;
            rows += i == first ? QStringLiteral("(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT))")
                               : QStringLiteral(", (CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT))");
            lastId = e.id;
            lastMac = mac;
        }
        if (!m_store.run(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, corporation_id, details, mac)"
                                        " SELECT v.column1, c.at, c.actor, c.action, c.corporation_id, v.column2,"
                                        " v.column3 FROM (SELECT CAST(? AS TEXT) AS at, CAST(? AS TEXT) AS actor,"
                                        " CAST(? AS TEXT) AS action, CAST(? AS BIGINT) AS corporation_id) AS c,"
                                        " (VALUES ")
                    + rows + QStringLiteral(") AS v ORDER BY v.column1"),
                values))
            return false;
        m_lastId = lastId;
        m_lastMac = lastMac;
        m_dirty = true;
        first = end;
    }
    return true;
}

void AuditLog::transactionBegun()
{
    m_haveHead = false;
    m_dirty = false;
}

bool AuditLog::beforeCommit()
{
    if (!m_dirty)
        return true;
    m_dirty = false;
    return m_store.setMetaValue(
        kHead, QStringLiteral("%1:%2:%3").arg(m_lastId).arg(m_lastMac, headMac(m_lastId, m_lastMac)));
}

void AuditLog::transactionRolledBack()
{
    m_haveHead = false;
    m_dirty = false;
}

bool AuditLog::rechain()
{
    Q_ASSERT(m_store.inTransaction());
    if (!loadHead())
        return false;
    // A shared store ruled by the server keeps its log append-only with a trigger (ServerBoundary);
    // this transaction, and only it, re-chains (the setting ends with it). Elsewhere it is unused.
    if (m_store.isPostgres() && !m_store.execDirect(QStringLiteral("SET LOCAL hardtoken.rechain = 'on'")))
        return false;
    const QList<AuditEntry> all = entries();
    QString previous;
    for (const AuditEntry& e : all) {
        const QString mac = QString::fromLatin1(chainMac(entryMessage(previous, e)).toHex());
        if (mac.isEmpty() || !m_store.run(QStringLiteral("UPDATE audit_log SET mac = ? WHERE id = ?"), { mac, e.id }))
            return false;
        previous = mac;
    }
    m_lastId = all.isEmpty() ? 0 : all.last().id;
    m_lastMac = previous;
    m_dirty = true;
    return true;
}

bool AuditLog::initialise()
{
    if (!loadHead())
        return false;
    m_dirty = true;
    return true;
}

QList<AuditEntry> AuditLog::entries(qint64 corporationId) const
{
    QList<AuditEntry> out;
    Database::Query q = corporationId
        ? m_store.query(QStringLiteral("SELECT id, at, actor, action, corporation_id, details FROM audit_log"
                                       " WHERE corporation_id = ? ORDER BY id"),
            { corporationId })
        : m_store.query(
            QStringLiteral("SELECT id, at, actor, action, corporation_id, details FROM audit_log ORDER BY id"));
    while (q.next()) {
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toString() });
    }
    return out;
}

QList<AuditRow> AuditLog::search(const AuditFilter& filter) const
{
    QString sql = QStringLiteral("SELECT a.id, a.at, a.actor, a.action, a.corporation_id, a.details, c.code, c.name"
                                 " FROM audit_log a LEFT JOIN corporations c ON c.id = a.corporation_id WHERE 1 = 1");
    QVariantList values;
    const QString contains
        = m_store.isPostgres() ? QStringLiteral("strpos(a.details, ?) > 0") : QStringLiteral("instr(a.details, ?) > 0");
    if (!filter.corporationCode.isEmpty()) {
        sql += QStringLiteral(" AND c.code = ?");
        values << filter.corporationCode;
    }
    if (!filter.user.isEmpty()) {
        sql += QStringLiteral(" AND ") + contains;
        values << filter.user;
    }
    if (!filter.serial.isEmpty()) {
        // Written as typed by some entries and in the card's grouping by others.
        const QString digits = Validation::checkSerial(filter.serial).ok()
            ? Validation::checkSerial(filter.serial).value
            : filter.serial;
        sql += QStringLiteral(" AND (") + contains + QStringLiteral(" OR ") + contains + QStringLiteral(")");
        values << QString(QStringLiteral("serial=") + digits)
               << QString(QStringLiteral("serial=") + Validation::formatSerial(digits));
    }
    if (filter.action.endsWith(QLatin1Char('.'))) {
        sql += QStringLiteral(" AND substr(a.action, 1, ?) = ?");
        values << filter.action.size() << filter.action;
    } else if (!filter.action.isEmpty()) {
        sql += QStringLiteral(" AND a.action = ?");
        values << filter.action;
    }
    if (!filter.actor.isEmpty()) {
        sql += QStringLiteral(" AND (a.actor = ? OR a.actor = ?)");
        values << filter.actor << QString(QStringLiteral("staff:") + filter.actor);
    }
    // The days are the desk's; the log is in UTC, as ISO text that sorts as time does.
    const auto bound = [](QDate day) {
        return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone())
            .toTimeZone(QTimeZone::utc())
            .toString(Qt::ISODateWithMs);
    };
    if (filter.from.isValid()) {
        sql += QStringLiteral(" AND a.at >= ?");
        values << bound(filter.from);
    }
    if (filter.to.isValid()) {
        sql += QStringLiteral(" AND a.at < ?");
        values << bound(filter.to.addDays(1));
    }
    sql += QStringLiteral(" ORDER BY a.id DESC");
    QList<AuditRow> out;
    Database::Query q = m_store.query(sql, values);
    while (q.next()) {
        out.append({ { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toLongLong(), q.value(5).toString() },
            q.value(6).toString(), q.value(7).toString() });
    }
    return out;
}

AuditVerification AuditLog::verifyOnServer() const
{
    Database::Query q
        = m_store.query(QStringLiteral("SELECT kind, entries, at_id, head_id FROM hardtoken_verify_audit()"));
    if (!q.next())
        return { false, 0, -1, m_store.errorMessage() };
    const QString kind = q.value(0).toString();
    const qint64 entries = q.value(1).toLongLong();
    const qint64 at = q.value(2).toLongLong();
    if (kind.isEmpty())
        return { true, entries, -1, {} };
    const QString problem = kind == QLatin1String("deleted") ? tr("監査ログ %1 番が削除されています。").arg(at)
        : kind == QLatin1String("altered") ? tr("監査ログ %1 番が改ざんされています。").arg(at)
        : kind == QLatin1String("no_head") ? tr("監査ログの末尾の記録（アンカー）がありません。")
        : kind == QLatin1String("head_altered")
        ? tr("監査ログの末尾の記録（アンカー）が改ざんされています。")
        : tr("監査ログは %1 件あるはずですが、%2 件しかありません。末尾が削除されています。")
              .arg(q.value(3).toLongLong())
              .arg(entries);
    return { false, entries, at, problem };
}

AuditVerification AuditLog::verify() const
{
    // A desk with no key asks the server, which holds the chain's key (store/sql/desk_reads.sql).
    if (m_store.isDesk())
        return verifyOnServer();
    AuditVerification v;
    QString previousMac;
    qint64 expectedId = 1;
    {
        Database::Query q = m_store.query(
            QStringLiteral("SELECT id, at, actor, action, corporation_id, details, mac FROM audit_log ORDER BY id"));
        while (q.next()) {
            const AuditEntry e { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString() };
            const QString mac = q.value(6).toString();
            const QByteArray expected = chainMac(entryMessage(previousMac, e)).toHex();
            if (e.id != expectedId) {
                return { false, v.entries, expectedId, tr("監査ログ %1 番が削除されています。").arg(expectedId) };
            }
            if (!crypto::constantTimeEquals(expected, mac.toLatin1()))
                return { false, v.entries, e.id, tr("監査ログ %1 番が改ざんされています。").arg(e.id) };
            previousMac = mac;
            ++expectedId;
            ++v.entries;
        }
    }
    const QString head = m_store.metaValue(kHead);
    const QStringList parts = head.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return { false, v.entries, expectedId, tr("監査ログの末尾の記録（アンカー）がありません。") };
    bool ok = false;
    const qint64 headId = parts[0].toLongLong(&ok);
    if (!ok || !m_store.stateMacMatches("audit-head", { parts[0], parts[1] }, parts[2]))
        return { false, v.entries, expectedId, tr("監査ログの末尾の記録（アンカー）が改ざんされています。") };
    if (headId != expectedId - 1 || parts[1] != previousMac) {
        return { false, v.entries, qMin(headId, expectedId - 1) + 1,
            tr("監査ログは %1 件あるはずですが、%2 件しかありません。末尾が削除されています。")
                .arg(headId)
                .arg(v.entries) };
    }
    return v;
}

} // namespace hardtoken
