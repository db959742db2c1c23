// The 管理 menu's acts (a staff credential first on standard input, then what the act needs), the
// staff accounts, and the cards a help desk checks.
#include "Command.h"
#include "Terminal.h"
#include "core/Validation.h"
#include "desk/StaffDesk.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/Store.h"

#include <QCoreApplication>

namespace hardtoken::cli {

namespace {

// The corporation a desk act is for: --corporation CODE, or the only one in the store; 0 (said on
// standard error) when there is none.
qint64 corporationFor(const Invocation& call)
{
    const Store& store = call.store();
    const QString code = call.value(QStringLiteral("corporation"));
    if (!code.isEmpty()) {
        const qint64 id = CorporationTable::idByCode(store, code);
        if (!id)
            err() << QCoreApplication::translate("cli", "契約法人コード %1 の契約法人は登録されていません。")
                         .arg(AuditLog::printable(code))
                  << Qt::endl;
        return id;
    }
    if (CorporationTable::countUpTo(store, 2) == 1)
        return CorporationTable::firstId(store);
    err() << QCoreApplication::translate("cli", "--corporation で契約法人コードを指定してください。") << Qt::endl;
    return 0;
}

// An act on one corporation by a signed-in staff member.
int corporationAct(Invocation& call,
    const std::function<Outcome(StaffDesk&, qint64, const StaffCredential&, const QString&, SecretReader&)>& act,
    const char* done)
{
    const qint64 corporation = corporationFor(call);
    if (!corporation)
        return 1;
    SecretReader secrets;
    const StaffCredential staff = secrets.staffCredential(call.value(QStringLiteral("staff")));
    StaffDesk desk(call.store());
    return verdict(act(desk, corporation, staff, call.value(QStringLiteral("reason")), secrets),
        QCoreApplication::translate("cli", done));
}

int setPin(Invocation& call)
{
    return corporationAct(
        call,
        [](StaffDesk& desk, qint64 corporation, const StaffCredential& staff, const QString& reason,
            SecretReader& secrets) {
            const QString pin = secrets.next(QCoreApplication::translate("cli", "新しい契約法人確認暗証番号: "));
            const QString repeat
                = secrets.next(QCoreApplication::translate("cli", "新しい契約法人確認暗証番号（確認）: "));
            return desk.setPin(corporation, staff, reason, pin, repeat);
        },
        QT_TRANSLATE_NOOP("cli", "契約法人確認暗証番号を設定しました。"));
}

int resetCounters(Invocation& call)
{
    return corporationAct(
        call,
        [](StaffDesk& desk, qint64 corporation, const StaffCredential& staff, const QString& reason, SecretReader&) {
            return desk.resetCounters(corporation, staff, reason);
        },
        QT_TRANSLATE_NOOP("cli", "誤入力回数をリセットしました。"));
}

int unlock(Invocation& call)
{
    return corporationAct(
        call,
        [](StaffDesk& desk, qint64 corporation, const StaffCredential& staff, const QString& reason, SecretReader&) {
            return desk.unlock(corporation, staff, reason);
        },
        QT_TRANSLATE_NOOP("cli", "利用中止状態を解除しました。"));
}

int addStaff(Invocation& call)
{
    const QString role = call.value(QStringLiteral("role"));
    if (!role.isEmpty() && role != QLatin1String("staff") && role != QLatin1String("admin"))
        return call.usage(QStringLiteral("--role %1").arg(AuditLog::printable(role)));
    SecretReader secrets;
    const StaffCredential admin = secrets.staffCredential(call.value(QStringLiteral("staff")));
    const QString target = call.operands().value(0);
    const QString credential = secrets.next(QCoreApplication::translate("cli", "新しい担当者のパスワード: "));
    const QString repeat = secrets.next(QCoreApplication::translate("cli", "新しい担当者のパスワード（確認）: "));
    const StaffTable::Account account { target, call.value(QStringLiteral("name")),
        role == QLatin1String("admin") ? StaffTable::Role::Admin : StaffTable::Role::Staff, false };
    return verdict(
        StaffDesk(call.store()).addStaff(admin, call.value(QStringLiteral("reason")), account, credential, repeat),
        QCoreApplication::translate("cli", "担当者 %1 を登録しました。").arg(AuditLog::printable(target)));
}

int setStaffDisabled(Invocation& call, bool disabled)
{
    SecretReader secrets;
    const StaffCredential admin = secrets.staffCredential(call.value(QStringLiteral("staff")));
    const QString target = call.operands().value(0);
    const Outcome o
        = StaffDesk(call.store()).setStaffDisabled(admin, call.value(QStringLiteral("reason")), target, disabled);
    return verdict(o,
        (disabled ? QCoreApplication::translate("cli", "担当者ID %1 を利用停止にしました。")
                  : QCoreApplication::translate("cli", "担当者ID %1 を再び利用できるようにしました。"))
            .arg(AuditLog::printable(target)));
}

int resetStaffLock(Invocation& call)
{
    SecretReader secrets;
    const StaffCredential admin = secrets.staffCredential(call.value(QStringLiteral("staff")));
    const QString login = call.operands().value(0);
    return verdict(StaffDesk(call.store()).resetStaffLock(admin, call.value(QStringLiteral("reason")), login),
        QCoreApplication::translate("cli", "担当者ID %1 を再び利用できるようにしました。")
            .arg(AuditLog::printable(login)));
}

int checkCard(Invocation& call)
{
    SecretReader secrets;
    const StaffCredential staff = secrets.staffCredential(call.value(QStringLiteral("staff")));
    const QString code = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード: "));
    CardCheck check;
    const Outcome o = StaffDesk(call.store()).checkCard(staff, call.value(QStringLiteral("serial")), code, &check);
    if (!o.ok())
        return fail(o.message);
    const QString holder = check.holder.isEmpty() ? QCoreApplication::translate("cli", "予備（利用登録なし）")
                                                  : AuditLog::printable(check.holder);
    if (check.works) {
        out() << QCoreApplication::translate("cli", "カード %1 は正常です（%2）。")
                     .arg(Validation::formatSerial(check.serial), holder)
              << Qt::endl;
        return 0;
    }
    return fail(QCoreApplication::translate("cli",
        "カード %1 のワンタイムパスワードが一致しません（%2）。あと %3 "
        "回誤ると、このカードは確認できなくなります。")
                    .arg(Validation::formatSerial(check.serial), holder)
                    .arg(check.remaining));
}

int resyncCard(Invocation& call)
{
    SecretReader secrets;
    const StaffCredential staff = secrets.staffCredential(call.value(QStringLiteral("staff")));
    const QString first = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード（1 つ目）: "));
    const QString second = secrets.next(QCoreApplication::translate("cli", "カードのワンタイムパスワード（2 つ目）: "));
    const Outcome o = StaffDesk(call.store())
                          .resyncCard(staff, call.value(QStringLiteral("reason")), call.value(QStringLiteral("serial")),
                              first, second);
    return verdict(o, QCoreApplication::translate("cli", "カードを同期しました。"));
}

} // namespace

QList<Command> deskCommands()
{
    using Use = Command::StoreUse;
    return {
        { words("unlock"), {}, words("corporation staff reason"), words("staff reason"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli", "利用中止を解除します。標準入力: 担当者のパスワード。"), unlock },
        { words("pin set"), {}, words("corporation staff reason"), words("staff reason"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP(
                "cli", "契約法人確認暗証番号を設定します。標準入力: 担当者のパスワード、新しい暗証番号を 2 回。"),
            setPin },
        { words("counters reset"), {}, words("corporation staff reason"), words("staff reason"), Use::Writes, false,
            false, QT_TRANSLATE_NOOP("cli", "誤入力回数をリセットします。標準入力: 担当者のパスワード。"),
            resetCounters },
        { words("staff add"), words("LOGIN"), words("name role staff reason"), words("staff reason"), Use::Writes,
            false, false,
            QT_TRANSLATE_NOOP(
                "cli", "担当者を登録します（管理者のみ）。標準入力: 管理者のパスワード、新しいパスワードを 2 回。"),
            addStaff },
        { words("staff disable"), words("LOGIN"), words("staff reason"), words("staff reason"), Use::Writes, false,
            false, QT_TRANSLATE_NOOP("cli", "担当者IDを利用停止にします（管理者のみ）。標準入力: 管理者のパスワード。"),
            [](Invocation& call) { return setStaffDisabled(call, true); } },
        { words("staff enable"), words("LOGIN"), words("staff reason"), words("staff reason"), Use::Writes, false,
            false,
            QT_TRANSLATE_NOOP("cli", "利用停止の担当者IDを戻します（管理者のみ）。標準入力: 管理者のパスワード。"),
            [](Invocation& call) { return setStaffDisabled(call, false); } },
        { words("staff reset"), words("LOGIN"), words("staff reason"), words("staff reason"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP("cli",
                "誤入力で利用できなくなった担当者ID（またはカード card:SERIAL）を再び利用できるようにします（他の管理者"
                "のみ）。標準入力: 管理者のパスワード。"),
            resetStaffLock },
        { words("token check"), {}, words("serial staff"), words("serial staff"), Use::Writes, false, false,
            QT_TRANSLATE_NOOP(
                "cli", "カードの確認。標準入力: 担当者のパスワード、カードに表示中のワンタイムパスワード。"),
            checkCard },
        { words("token resync"), {}, words("serial staff reason"), words("serial staff reason"), Use::Writes, false,
            false,
            QT_TRANSLATE_NOOP(
                "cli", "先に進みすぎた HOTP カードの同期。標準入力: パスワード、続けて表示された 2 つのコード。"),
            resyncCard },
    };
}

} // namespace hardtoken::cli
