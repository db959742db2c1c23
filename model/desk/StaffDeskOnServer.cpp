// The 管理 menu's acts at a desk with no key (Store::openDesk): done by the server's functions
// (store/sql/staff_acts.sql, card_acts.sql) within the desk's session — the StaffCredential the
// session gives carries the server's session token — and their answers said in the words the
// console's own rules use.
#include "desk/StaffDesk.h"

#include "core/Validation.h"
#include "desk/StaffSignIn.h"
#include "store/AuditLog.h"
#include "store/ServerDesk.h"
#include "store/Store.h"

namespace hardtoken {

std::optional<Outcome> StaffDesk::refusedReason(const QString& reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > MaxReason || Validation::firstControl(why) >= 0)
        return Outcome { ServiceError::ReasonMissing, tr("理由を入力してください（%1 文字まで）。").arg(MaxReason) };
    return std::nullopt;
}

Outcome StaffDesk::onServer(ServerDesk::StaffAct answer, const QString& nothingToDo, const QString& failure) const
{
    switch (answer) {
    case ServerDesk::StaffAct::Done:
        return {};
    case ServerDesk::StaffAct::NotSuspended:
    case ServerDesk::StaffAct::NothingToReset:
        return { ServiceError::NotSuspended, nothingToDo };
    case ServerDesk::StaffAct::NotAdministrator:
        return { ServiceError::NotAdministrator, tr("この操作は管理者だけが行えます。") };
    case ServerDesk::StaffAct::NoSession:
        return { ServiceError::WrongStaffCredential,
            tr("担当者のサインインが終わっています。サインインし直してください。") };
    case ServerDesk::StaffAct::Invalid:
        return { ServiceError::ReasonMissing, tr("理由を入力してください（%1 文字まで）。").arg(MaxReason) };
    case ServerDesk::StaffAct::Tampered:
        return { ServiceError::Tampered,
            tr("契約法人の誤入力回数または利用中止の記録が、コンソールの外で変更されています。"
               "お問い合わせ先までご照会ください。") };
    case ServerDesk::StaffAct::OwnLogin:
    case ServerDesk::StaffAct::NotFound:
    case ServerDesk::StaffAct::Exists:
    case ServerDesk::StaffAct::Refused:
    case ServerDesk::StaffAct::Failed:
        break;
    }
    if (m_store.errorCode() == StoreErrorCode::Unreachable)
        return { ServiceError::Unreachable, Store::unreachableMessage() };
    return { ServiceError::StoreFailure, failure };
}

Outcome StaffDesk::setPinOnServer(
    qint64 corporationId, const StaffCredential& staff, const QString& reason, const QString& pin)
{
    if (auto refused = refusedReason(reason))
        return *refused;
    ServerDesk& server = *m_store.serverDesk();
    return onServer(server.setPin(staff.credential, corporationId, reason, pin), {},
        tr("処理中にエラーが発生したため、契約法人確認暗証番号は設定されませんでした。"));
}

Outcome StaffDesk::resetCountersOnServer(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    if (auto refused = refusedReason(reason))
        return *refused;
    ServerDesk& server = *m_store.serverDesk();
    return onServer(server.resetCounters(staff.credential, corporationId, reason),
        tr("リセットする誤入力回数はありません（他の端末で確認中の契約法人確認暗証番号は、確認が終わると数えられま"
           "す）。"),
        tr("処理中にエラーが発生したため、誤入力回数はリセットされませんでした。"));
}

Outcome StaffDesk::unlockOnServer(qint64 corporationId, const StaffCredential& staff, const QString& reason)
{
    if (auto refused = refusedReason(reason))
        return *refused;
    ServerDesk& server = *m_store.serverDesk();
    return onServer(server.unlock(staff.credential, corporationId, reason), tr("利用中止状態ではありません。"),
        tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。"));
}

Outcome StaffDesk::checkCardOnServer(
    const StaffCredential& staff, const QString& serial, const QString& code, CardCheck* result)
{
    ServerDesk& server = *m_store.serverDesk();
    const ServerDesk::CardAnswer a = server.checkCard(staff.credential, serial, code);
    if (!a.holderCode.isEmpty()) {
        result->holder = a.holderCode + QLatin1Char(' ') + a.holderName + QStringLiteral(" / ")
            + (a.holderUser.isEmpty() ? tr("全ての利用者") : a.holderUser);
    }
    const QString usedMessage
        = tr("このワンタイムパスワードは使用済みです。カードに次のワンタイムパスワードが表示されてから、"
             "もう一度入力してください。");
    switch (a.outcome) {
    case ServerDesk::Card::Works:
        result->works = true;
        return {};
    case ServerDesk::Card::Wrong:
    case ServerDesk::Card::LockedNow:
        result->remaining = a.remaining;
        return {};
    case ServerDesk::Card::Locked:
        return { ServiceError::Suspended,
            tr("このカードは誤ったワンタイムパスワードが続いたため、確認できません。管理者に解除を依頼してください"
               "。") };
    case ServerDesk::Card::Used:
        return { ServiceError::CodeAlreadyUsed, usedMessage };
    case ServerDesk::Card::NotFound:
        return { ServiceError::NotFound,
            tr("シリアル番号 %1 のトークンは登録されていません。").arg(Validation::formatSerial(serial)) };
    case ServerDesk::Card::NoSession:
        return { ServiceError::WrongStaffCredential,
            tr("担当者のサインインが終わっています。サインインし直してください。") };
    case ServerDesk::Card::Tampered:
        return { ServiceError::Tampered,
            tr("トークン %1 の記録が、コンソールの外で変更されています。").arg(Validation::formatSerial(serial)) };
    case ServerDesk::Card::Unavailable:
    case ServerDesk::Card::Invalid:
    case ServerDesk::Card::NotHotp:
    case ServerDesk::Card::NoMatch:
    case ServerDesk::Card::Failed:
        break;
    }
    if (m_store.errorCode() == StoreErrorCode::Unreachable)
        return { ServiceError::Unreachable, Store::unreachableMessage() };
    return { ServiceError::StoreFailure, tr("処理中にエラーが発生したため、カードを確認できませんでした。") };
}

Outcome StaffDesk::asAdministratorOnServer(const StaffCredential& admin, const QString& reason,
    const std::function<ServerDesk::StaffAct(ServerDesk&, const QString& session)>& act,
    const std::function<Outcome(ServerDesk::StaffAct)>& refusal, const QString& failure)
{
    if (auto refused = refusedReason(reason))
        return *refused;
    // An administrator's act asks for an administrator's own password, as on the console's rules:
    // signed in on the server (counted and locked there) for this act only, then signed out.
    ServerDesk& server = *m_store.serverDesk();
    const ServerDesk::SignIn in = server.signIn(admin.login, admin.credential);
    if (in.outcome == ServerDesk::Outcome::Denied || in.outcome == ServerDesk::Outcome::Locked)
        return { ServiceError::WrongStaffCredential, StaffSignIn::deniedMessage() };
    if (in.outcome != ServerDesk::Outcome::SignedIn)
        return onServer(ServerDesk::StaffAct::Failed, {}, failure);
    const ServerDesk::StaffAct answer = act(server, in.session);
    server.signOut(in.session, QStringLiteral("closed"));
    const Outcome special = refusal(answer);
    return special.ok() ? onServer(answer, {}, failure) : special;
}

Outcome StaffDesk::exportAuditOnServer(
    const StaffCredential& staff, const AuditFilter& filter, const QString& path, AuditExport::Result* result)
{
    // The chain verified by the server, the file written here, the export recorded by the server.
    *result = AuditExport::writeFile(m_store, filter, path);
    if (!result->ok)
        return { ServiceError::StoreFailure, result->message };
    ServerDesk& server = *m_store.serverDesk();
    const Outcome noted = onServer(server.noteExport(staff.credential, result->rows, result->sha256), {},
        tr("監査ログは書き出しましたが、書き出しの記録を残せませんでした。"));
    if (!noted.ok()) {
        result->ok = false;
        result->message = noted.message;
    }
    return noted;
}

} // namespace hardtoken
