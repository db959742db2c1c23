#include "inventory/VirtualTokens.h"

#include "store/Store.h"
#include "store/TokenTable.h"

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
    return TokenTable::listing(store);
}

std::optional<QString> VirtualTokens::otp(
    const Store& store, const QString& serial, qint64 unixTime, quint64 press, QString* error)
{
    if (refuseProduction(store, error))
        return std::nullopt;
    const auto token = TokenTable::find(store, serial);
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
