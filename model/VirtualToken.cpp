#include "VirtualToken.h"

#include "Store.h"
#include "TokenRecord.h"

#include <QSqlQuery>

namespace hardtoken {

namespace {
bool refuseProduction(const Store& store, QString* error)
{
    if (store.isTrainingStore())
        return false;
    if (error)
        *error = VirtualTokens::tr(
            "このデータベースは本番用です。仮想カードトークンはトレーニング用のデータベースでのみ使えます。");
    return true;
}
} // namespace

std::optional<QList<VirtualTokenInfo>> VirtualTokens::list(const Store& store, QString* error)
{
    if (refuseProduction(store, error))
        return std::nullopt;
    QList<VirtualTokenInfo> out;
    QSqlQuery q = store.exec(QStringLiteral("SELECT t.serial, t.kind, t.algorithm, t.digits, t.period, t.next_counter,"
                                            " r.id, u.name FROM tokens t LEFT JOIN registrations r ON r.token_id = t.id"
                                            " LEFT JOIN users u ON u.id = r.user_id"
                                            " WHERE t.status <> 'retired' ORDER BY t.serial"));
    while (q.next()) {
        VirtualTokenInfo info;
        info.serial = q.value(0).toString();
        info.params.kind = otpKindFromName(q.value(1).toString()).value_or(OtpKind::Totp);
        info.params.algorithm = otpAlgorithmFromName(q.value(2).toString()).value_or(OtpAlgorithm::Sha1);
        info.params.digits = q.value(3).toInt();
        info.params.period = q.value(4).toInt();
        info.nextCounter = q.value(5).toULongLong();
        if (!q.value(6).isNull())
            info.holder = q.value(7).isNull() ? QStringLiteral("*") : q.value(7).toString();
        out.append(info);
    }
    return out;
}

std::optional<QString> VirtualTokens::otp(
    const Store& store, const QString& serial, qint64 unixTime, quint64 press, QString* error)
{
    if (refuseProduction(store, error))
        return std::nullopt;
    const auto token = findToken(store, serial);
    if (!token) {
        if (error)
            *error = tr("シリアル番号 %1 のトークンはありません。").arg(serial);
        return std::nullopt;
    }
    const auto secret = store.openSecret(token->sealedSecret, serial);
    if (!secret) {
        if (error)
            *error = tr("トークン情報を読み込めません。");
        return std::nullopt;
    }
    const OtpParameters& p = token->params;
    OtpGenerator generator;
    const QString code = p.kind == OtpKind::Hotp
        ? generator.hotp(*secret, token->state.nextCounter + press, p.digits, p.algorithm)
        : generator.totp(*secret, unixTime, p.period, p.digits, p.algorithm);
    if (code.isEmpty()) {
        if (error)
            *error = tr("ワンタイムパスワードを計算できません。");
        return std::nullopt;
    }
    return code;
}

} // namespace hardtoken
