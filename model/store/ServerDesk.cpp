#include "store/ServerDesk.h"

#include "core/Crypto.h"
#include "core/Validation.h"
#include "store/Database.h"

#include <QHash>

namespace hardtoken {

namespace {

// Acts kept to be asked again with their request id (ServerDesk::ask).
constexpr int kUnansweredKept = 16;

} // namespace

ServerDesk::ServerDesk(Database& store)
    : m_store(store)
    , m_sessionKey(crypto::randomBytes(32))
{
}

QByteArray ServerDesk::actOf(const QString& sql, const QVariantList& values) const
{
    // Length-prefixed fields under the desk's own key: the proof among the values is not kept as
    // anything a reader of the desk's memory could test a guess against without that key too.
    QByteArray message = sql.toUtf8();
    for (const QVariant& v : values) {
        const QByteArray bytes = v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
        message += ';' + QByteArray::number(bytes.size()) + ':' + bytes;
    }
    const QByteArray act = crypto::hmacSha256(m_sessionKey, message);
    message.fill('\0');
    return act;
}

QString ServerDesk::requestFor(const QByteArray& act)
{
    for (qsizetype i = 0; i < m_unanswered.size(); ++i) {
        if (m_unanswered[i].first == act)
            return m_unanswered.takeAt(i).second;
    }
    // 128 random bits.
    return QString::fromLatin1(crypto::randomBytes(16).toHex());
}

template <typename Read> auto ServerDesk::ask(const QString& sql, const QVariantList& values, Read read)
{
    const QByteArray act = actOf(sql, values);
    const QString request = requestFor(act);
    Database::Query q = m_store.query(sql, QVariantList { request } + values);
    keepIfUnanswered(act, request, q.ok());
    return read(q);
}

void ServerDesk::keepIfUnanswered(const QByteArray& act, const QString& request, bool answered)
{
    if (answered || m_store.errorCode() != StoreErrorCode::Unreachable)
        return;
    m_unanswered.append({ act, request });
    if (m_unanswered.size() > kUnansweredKept)
        m_unanswered.removeFirst();
}

std::optional<QVariant> ServerDesk::proofOf(const QString& kdfSql, const QVariant& subject, const QString& secret)
{
    QString kdf;
    {
        Database::Query q = m_store.query(kdfSql, { subject });
        if (!q.next())
            return std::nullopt;
        kdf = q.value(0).toString();
    }
    const auto key = crypto::derivedKeyFor(secret, kdf);
    return key ? QVariant(*key) : QVariant(QMetaType::fromType<QByteArray>());
}

namespace {

ServerDesk::PinActResult pinActFrom(Database::Query& q)
{
    static const QHash<QString, ServerDesk::PinAct> outcomes { { QStringLiteral("ok"), ServerDesk::PinAct::Done },
        { QStringLiteral("wrong"), ServerDesk::PinAct::WrongPin },
        { QStringLiteral("suspended_now"), ServerDesk::PinAct::SuspendedNow },
        { QStringLiteral("suspended"), ServerDesk::PinAct::Suspended },
        { QStringLiteral("try_again"), ServerDesk::PinAct::TryAgain },
        { QStringLiteral("pin_not_set"), ServerDesk::PinAct::PinNotSet },
        { QStringLiteral("no_session"), ServerDesk::PinAct::NoSession },
        { QStringLiteral("invalid"), ServerDesk::PinAct::Invalid },
        { QStringLiteral("wrong_mode"), ServerDesk::PinAct::WrongMode },
        { QStringLiteral("not_checked"), ServerDesk::PinAct::NotChecked },
        { QStringLiteral("already_used"), ServerDesk::PinAct::AlreadyUsed },
        { QStringLiteral("held_by_other"), ServerDesk::PinAct::HeldByOther },
        { QStringLiteral("tampered"), ServerDesk::PinAct::Tampered } };
    ServerDesk::PinActResult result;
    if (!q.next())
        return result;
    result.outcome = outcomes.value(q.value(0).toString(), ServerDesk::PinAct::Failed);
    result.remaining = q.value(1).toInt();
    return result;
}

// A bigint[] as PostgreSQL reads it ({1,2,NULL}); 0 is NULL (the shared token's "no user").
QString bigintArray(const QList<qint64>& values)
{
    QStringList parts;
    for (qint64 v : values)
        parts << (v ? QString::number(v) : QStringLiteral("NULL"));
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

ServerDesk::PinActResult ServerDesk::setUsageMode(
    const QString& session, qint64 corporationId, const QString& mode, const QString& pin)
{
    const auto proof = proofOf(QStringLiteral("SELECT hardtoken_pin_kdf(?)"), corporationId, pin);
    if (!proof)
        return {};
    return ask(QStringLiteral("SELECT outcome, remaining, cancelled FROM hardtoken_set_usage_mode(?, ?, ?, ?, ?)"),
        { session, corporationId, mode, *proof }, [](Database::Query& q) {
            PinActResult result = pinActFrom(q);
            result.cancelled = q.ok() ? q.value(2).toInt() : 0;
            return result;
        });
}

ServerDesk::PinActResult ServerDesk::registerTokens(const QString& session, qint64 corporationId, const QString& pin,
    const QString& mode, const QList<QPair<qint64, qint64>>& entries)
{
    const auto proof = proofOf(QStringLiteral("SELECT hardtoken_pin_kdf(?)"), corporationId, pin);
    if (!proof)
        return {};
    QList<qint64> users;
    QList<qint64> tokens;
    for (const auto& [user, token] : entries) {
        users << user;
        tokens << token;
    }
    return ask(QStringLiteral("SELECT outcome, remaining, detail FROM hardtoken_register(?, ?, ?, ?, ?,"
                              " CAST(? AS bigint[]), CAST(? AS bigint[]))"),
        { session, corporationId, *proof, mode, bigintArray(users), bigintArray(tokens) }, [](Database::Query& q) {
            PinActResult result = pinActFrom(q);
            result.detail = q.ok() ? q.value(2).toString() : QString();
            return result;
        });
}

namespace {

ServerDesk::StaffAct staffActOf(const QString& outcome)
{
    using StaffAct = ServerDesk::StaffAct;
    static const QHash<QString, StaffAct> outcomes { { QStringLiteral("ok"), StaffAct::Done },
        { QStringLiteral("not_suspended"), StaffAct::NotSuspended },
        { QStringLiteral("nothing_to_reset"), StaffAct::NothingToReset },
        { QStringLiteral("not_administrator"), StaffAct::NotAdministrator },
        { QStringLiteral("own_login"), StaffAct::OwnLogin }, { QStringLiteral("not_found"), StaffAct::NotFound },
        { QStringLiteral("exists"), StaffAct::Exists }, { QStringLiteral("tampered"), StaffAct::Tampered },
        { QStringLiteral("no_session"), StaffAct::NoSession }, { QStringLiteral("invalid"), StaffAct::Invalid },
        { QStringLiteral("refused"), StaffAct::Refused } };
    return outcomes.value(outcome, StaffAct::Failed);
}

} // namespace

ServerDesk::RosterImportAnswer ServerDesk::importRoster(
    const QString& session, const QByteArray& roster, bool prune, const QString& reason)
{
    return ask(QStringLiteral("SELECT outcome, corporations_added, corporations_updated, users_added, users_updated,"
                              " unchanged, removed, detail FROM hardtoken_import_roster(?, ?, CAST(? AS jsonb), ?, ?)"),
        { session, QString::fromUtf8(roster), prune, reason }, [](Database::Query& q) {
            RosterImportAnswer answer;
            if (!q.next())
                return answer;
            answer.outcome = staffActOf(q.value(0).toString());
            answer.corporationsAdded = q.value(1).toInt();
            answer.corporationsUpdated = q.value(2).toInt();
            answer.usersAdded = q.value(3).toInt();
            answer.usersUpdated = q.value(4).toInt();
            answer.unchanged = q.value(5).toInt();
            answer.removed = q.value(6).toInt();
            answer.detail = q.value(7).toString();
            return answer;
        });
}

namespace {

ServerDesk::Card cardOf(const QString& outcome)
{
    using Card = ServerDesk::Card;
    static const QHash<QString, Card> outcomes { { QStringLiteral("works"), Card::Works },
        { QStringLiteral("ok"), Card::Works }, { QStringLiteral("wrong"), Card::Wrong },
        { QStringLiteral("locked_now"), Card::LockedNow }, { QStringLiteral("locked"), Card::Locked },
        { QStringLiteral("used"), Card::Used }, { QStringLiteral("not_found"), Card::NotFound },
        { QStringLiteral("not_hotp"), Card::NotHotp }, { QStringLiteral("no_match"), Card::NoMatch },
        { QStringLiteral("invalid"), Card::Invalid }, { QStringLiteral("no_session"), Card::NoSession },
        { QStringLiteral("tampered"), Card::Tampered }, { QStringLiteral("unavailable"), Card::Unavailable } };
    return outcomes.value(outcome, Card::Failed);
}

} // namespace

ServerDesk::CardAnswer ServerDesk::checkCard(const QString& session, const QString& serial, const QString& otp)
{
    return ask(QStringLiteral("SELECT outcome, remaining, holder_code, holder_name, holder_user, drift"
                              " FROM hardtoken_check_card(?, ?, ?, ?)"),
        { session, serial, otp }, [](Database::Query& q) {
            CardAnswer answer;
            if (!q.next())
                return answer;
            answer.outcome = cardOf(q.value(0).toString());
            answer.remaining = q.value(1).toInt();
            answer.holderCode = q.value(2).toString();
            answer.holderName = q.value(3).toString();
            answer.holderUser = q.value(4).toString();
            answer.drift = q.value(5).toLongLong();
            return answer;
        });
}

ServerDesk::CardAnswer ServerDesk::resyncCard(
    const QString& session, const QString& serial, const QString& first, const QString& second, const QString& reason)
{
    return ask(QStringLiteral("SELECT outcome, moved_from, moved_to FROM hardtoken_resync_card(?, ?, ?, ?, ?, ?)"),
        { session, serial, first, second, reason }, [](Database::Query& q) {
            CardAnswer answer;
            if (!q.next())
                return answer;
            answer.outcome = cardOf(q.value(0).toString());
            answer.movedFrom = q.value(1).toLongLong();
            answer.movedTo = q.value(2).toLongLong();
            return answer;
        });
}

ServerDesk::StaffAct ServerDesk::staffAct(const QString& sql, const QVariantList& values)
{
    return ask(sql, values,
        [](Database::Query& q) { return q.next() ? staffActOf(q.value(0).toString()) : StaffAct::Failed; });
}

ServerDesk::StaffAct ServerDesk::noteExport(const QString& session, int rows, const QString& sha256)
{
    return staffAct(QStringLiteral("SELECT outcome FROM hardtoken_note_export(?, ?, ?, ?)"), { session, rows, sha256 });
}

ServerDesk::TokenImportAnswer ServerDesk::importTokens(
    const QString& session, const QByteArray& tokens, bool replace, const QString& format, const QString& reason)
{
    return ask(QStringLiteral("SELECT outcome, imported, replaced, unchanged, detail"
                              " FROM hardtoken_import_tokens(?, ?, CAST(? AS jsonb), ?, ?, ?)"),
        { session, QString::fromUtf8(tokens), replace, format, reason }, [](Database::Query& q) {
            TokenImportAnswer answer;
            if (!q.next())
                return answer;
            answer.outcome = staffActOf(q.value(0).toString());
            answer.imported = q.value(1).toInt();
            answer.replaced = q.value(2).toInt();
            answer.unchanged = q.value(3).toInt();
            answer.detail = q.value(4).toString();
            return answer;
        });
}

ServerDesk::StaffAct ServerDesk::unlock(const QString& session, qint64 corporationId, const QString& reason)
{
    return staffAct(
        QStringLiteral("SELECT outcome FROM hardtoken_unlock(?, ?, ?, ?)"), { session, corporationId, reason });
}

ServerDesk::StaffAct ServerDesk::resetCounters(const QString& session, qint64 corporationId, const QString& reason)
{
    return staffAct(
        QStringLiteral("SELECT outcome FROM hardtoken_reset_counters(?, ?, ?, ?)"), { session, corporationId, reason });
}

ServerDesk::StaffAct ServerDesk::setPin(
    const QString& session, qint64 corporationId, const QString& reason, const QString& pin)
{
    if (!Validation::checkPin(pin).ok())
        return StaffAct::Invalid;
    const QString hash = crypto::hashSecret(pin);
    if (hash.isEmpty())
        return StaffAct::Failed;
    return staffAct(QStringLiteral("SELECT outcome FROM hardtoken_set_pin(?, ?, ?, ?, ?)"),
        { session, corporationId, reason, hash });
}

ServerDesk::StaffAct ServerDesk::resetStaffLock(const QString& session, const QString& login, const QString& reason)
{
    return staffAct(
        QStringLiteral("SELECT outcome FROM hardtoken_reset_staff_lock(?, ?, ?, ?)"), { session, login, reason });
}

ServerDesk::StaffAct ServerDesk::addStaff(const QString& session, const QString& login, const QString& name,
    bool administrator, const QString& credential, const QString& repeat, const QString& reason)
{
    if (!Validation::acceptableStaffCredential(credential)
        || !crypto::constantTimeEquals(credential.toUtf8(), repeat.toUtf8()))
        return StaffAct::Invalid;
    const QString hash = crypto::hashSecret(credential);
    if (hash.isEmpty())
        return StaffAct::Failed;
    return staffAct(QStringLiteral("SELECT outcome FROM hardtoken_add_staff(?, ?, ?, ?, ?, ?, ?)"),
        { session, login, name, administrator ? QStringLiteral("admin") : QStringLiteral("staff"), hash, reason });
}

ServerDesk::StaffAct ServerDesk::setStaffDisabled(
    const QString& session, const QString& login, bool disabled, const QString& reason)
{
    return staffAct(QStringLiteral("SELECT outcome FROM hardtoken_set_staff_disabled(?, ?, ?, ?, ?)"),
        { session, login, disabled, reason });
}

ServerDesk::SignIn ServerDesk::signIn(const QString& login, const QString& password)
{
    SignIn result;
    const auto proof = proofOf(QStringLiteral("SELECT hardtoken_staff_kdf(?)"), login, password);
    if (!proof)
        return result;
    // The session's token is the desk's (the server keeps its SHA-256 only), one per request: the
    // sign-in asked again goes with the same token.
    const QString sql = QStringLiteral("SELECT outcome, remaining FROM hardtoken_sign_in(?, ?, ?, ?)");
    const QByteArray act = actOf(sql, { login, *proof });
    const QString request = requestFor(act);
    const QString session = QString::fromLatin1(crypto::hmacSha256(m_sessionKey, request.toLatin1()).toHex());
    Database::Query q = m_store.query(sql, { request, login, *proof, session });
    keepIfUnanswered(act, request, q.ok());
    if (!q.next())
        return result;
    const QString outcome = q.value(0).toString();
    result.outcome = outcome == QLatin1String("signed_in") ? Outcome::SignedIn
        : outcome == QLatin1String("denied")               ? Outcome::Denied
        : outcome == QLatin1String("locked")               ? Outcome::Locked
        : outcome == QLatin1String("tampered")             ? Outcome::Tampered
                                                           : Outcome::Failed;
    if (result.outcome == Outcome::SignedIn)
        result.session = session;
    result.remaining = q.value(1).toInt();
    return result;
}

bool ServerDesk::signOut(const QString& session, const QString& reason)
{
    Database::Query q = m_store.query(QStringLiteral("SELECT hardtoken_sign_out(?, ?)"), { session, reason });
    return q.next() && q.value(0).toBool();
}

ServerDesk::TokenCheck ServerDesk::checkToken(const QString& session, qint64 corporationId, const QString& serial,
    const QString& otp, const QString& mode, qint64 userId)
{
    static const QHash<QString, Check> outcomes { { QStringLiteral("ok"), Check::Right },
        { QStringLiteral("wrong"), Check::Wrong }, { QStringLiteral("suspended_now"), Check::SuspendedNow },
        { QStringLiteral("suspended"), Check::Suspended }, { QStringLiteral("mode_not_set"), Check::ModeNotSet },
        { QStringLiteral("wrong_mode"), Check::WrongMode }, { QStringLiteral("no_user"), Check::NoUser },
        { QStringLiteral("held_by_other"), Check::HeldByOther }, { QStringLiteral("invalid"), Check::Invalid },
        { QStringLiteral("no_session"), Check::NoSession }, { QStringLiteral("tampered"), Check::Tampered },
        { QStringLiteral("unavailable"), Check::Unavailable } };
    return ask(QStringLiteral("SELECT outcome, token_id, remaining FROM hardtoken_check_token(?, ?, ?, ?, ?, ?, ?)"),
        { session, corporationId, serial, otp, mode,
            userId ? QVariant(userId) : QVariant(QMetaType::fromType<qint64>()) },
        [](Database::Query& q) {
            TokenCheck result;
            if (!q.next())
                return result;
            result.outcome = outcomes.value(q.value(0).toString(), Check::Failed);
            result.tokenId = q.value(1).toLongLong();
            result.remaining = q.value(2).toInt();
            return result;
        });
}

} // namespace hardtoken
