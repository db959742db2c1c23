#include "TokenRecord.h"

#include "Store.h"

#include <QSqlQuery>

namespace hardtoken {

std::optional<TokenRecord> findToken(const Store& store, const QString& serial)
{
    QSqlQuery q = store.exec(QStringLiteral("SELECT t.id, t.serial, t.kind, t.algorithm, t.digits, t.period, t.secret,"
                                            " t.next_counter, t.last_step, t.drift, t.status,"
                                            " r.corporation_id, r.user_id, u.name"
                                            " FROM tokens t LEFT JOIN registrations r ON r.token_id = t.id"
                                            " LEFT JOIN users u ON u.id = r.user_id WHERE t.serial = ?"),
        { serial });
    if (!q.next())
        return std::nullopt;
    TokenRecord t;
    t.id = q.value(0).toLongLong();
    t.serial = q.value(1).toString();
    t.params.kind = otpKindFromName(q.value(2).toString()).value_or(OtpKind::Totp);
    t.params.algorithm = otpAlgorithmFromName(q.value(3).toString()).value_or(OtpAlgorithm::Sha1);
    t.params.digits = q.value(4).toInt();
    t.params.period = q.value(5).toInt();
    t.sealedSecret = q.value(6).toByteArray();
    t.state.nextCounter = q.value(7).toULongLong();
    t.state.lastStep = q.value(8).toLongLong();
    t.state.driftSteps = q.value(9).toLongLong();
    t.status = q.value(10).toString();
    t.holderCorporation = q.value(11).toLongLong();
    t.holderUser = q.value(12).toLongLong();
    t.holderName = q.value(13).toString();
    return t;
}

} // namespace hardtoken
