#pragma once

#include "store/AuditAction.h"

#include "desk/Outcome.h"
#include "store/AuditExport.h"
#include "store/ServerDesk.h"
#include "store/StaffTable.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace hardtoken {

class Store;
struct StoreSettings;

// Who is acting at the desk: a staff login and its credential, checked for every act.
struct StaffCredential {
    QString login;
    QString credential;
};

// カードの確認: what the desk tells the customer about the card in their hand.
struct CardCheck {
    QString serial;
    bool works = false;
    QString holder; // "0000012345 株式会社… / 山田 太郎", "… / 全ての利用者", or empty for a spare token
    int remaining = -1; // wrong codes left before checks of this card are locked (when it did not work)
};

// The 管理 menu's acts and their hardtoken-cli twins. Each one signs the staff member in for that
// act (StaffSignIn: counted, locked after repeated failures, audited when denied), needs a reason,
// and commits the change and its audit entry (with the reason) in one transaction.
class StaffDesk final {
    Q_DECLARE_TR_FUNCTIONS(StaffDesk)
public:
    static constexpr int MaxReason = 200;

    explicit StaffDesk(Store& store);

    // 契約法人確認暗証番号の設定: the customer types the new PIN twice (the staff member never sees
    // it); the old PIN stops working at once.
    Outcome setPin(qint64 corporationId, const StaffCredential& staff, const QString& reason, const QString& pin,
        const QString& repeat);
    // 誤入力回数のリセット: both failure counters to 0 (利用中止 stays: lifting it is unlock()).
    Outcome resetCounters(qint64 corporationId, const StaffCredential& staff, const QString& reason);
    // 利用中止の解除 (also resets the counters).
    Outcome unlock(qint64 corporationId, const StaffCredential& staff, const QString& reason);
    // 管理者 only: another staff account, its password typed twice by the new staff member.
    Outcome addStaff(const StaffCredential& admin, const QString& reason, const StaffTable::Account& account,
        const QString& credential, const QString& repeat);
    // The first 管理者 of a store with no staff yet (hardtoken-cli init): the rules of addStaff for the
    // login, the name and the password (typed twice, compared in constant time); refused once any
    // staff account exists. Audited as `actor`.
    Outcome addFirstAdministrator(
        const StaffTable::Account& account, const QString& credential, const QString& repeat, const QString& actor);
    // 管理者 only: a disabled login signs in no more (its history stays); enabling reverses it.
    Outcome setStaffDisabled(const StaffCredential& admin, const QString& reason, const QString& login, bool disabled);
    // A login locked by wrong sign-ins (or a card, card:SERIAL, locked by wrong codes) usable again:
    // by ANOTHER administrator, signed in, with a reason (audited with that administrator's name).
    // When no other administrator is left, a login's lock lapses by itself after
    // StoreSettings::staffLockLapseMinutes (audited).
    Outcome resetStaffLock(const StaffCredential& admin, const QString& reason, const QString& login);

    // カードの確認: the code the card shows now, for a registered or a spare token. A right code is
    // consumed (it cannot be used again, here or at 次へ); wrong codes are counted per card and lock
    // its checks at the staff failure limit (lifted with `staff reset card:<serial>`). Audited.
    Outcome checkCard(const StaffCredential& staff, const QString& serial, const QString& code, CardCheck* result);
    // HOTP cards that ran ahead of the look-ahead window (RFC 4226 §7.4): two consecutive codes
    // found within ResyncWindow counters move the token's counter past them.
    static constexpr int ResyncWindow = 1000;
    Outcome resyncCard(const StaffCredential& staff, const QString& reason, const QString& serial, const QString& first,
        const QString& second);

    // A sign-in for an act that is not one of the above (an import): the audit actor on success.
    Outcome signIn(const StaffCredential& staff, StaffPurpose purpose, QString* actor);

    // The audit log for an auditor (see AuditExport::write), by a signed-in staff member.
    Outcome exportAudit(
        const StaffCredential& staff, const AuditFilter& filter, const QString& path, AuditExport::Result* result);

private:
    bool cardCheck(const StoreSettings& settings, const QString& actor, const QString& serial, const QString& code,
        CardCheck* result, Outcome* outcome);
    // A new account's login, name and password (twice): InvalidInput or Mismatch, or ok.
    static Outcome checkNewAccount(
        const StaffTable::Account& account, const QString& credential, const QString& repeat);
    // Inside a write transaction: the account and its audit entry.
    bool insertAccount(
        const StaffTable::Account& account, const QString& hash, const QString& actor, const QString& details);
    Outcome act(const StaffCredential& staff, qint64 corporationId, StaffPurpose purpose, const QString& reason,
        bool adminOnly, const std::function<bool(const QString& actor, const QString& details)>& action,
        const QString& failure);

    // A reason the 管理 acts refuse (empty, too long, a control character), for every act.
    static std::optional<Outcome> refusedReason(const QString& reason);
    // At a desk with no key (StaffDeskOnServer.cpp): the same acts through the server's functions,
    // in the desk's session (`staff.credential` is its token), their answers in the same words.
    Outcome onServer(ServerDesk::StaffAct answer, const QString& nothingToDo, const QString& failure) const;
    Outcome setPinOnServer(
        qint64 corporationId, const StaffCredential& staff, const QString& reason, const QString& pin);
    Outcome resetCountersOnServer(qint64 corporationId, const StaffCredential& staff, const QString& reason);
    Outcome unlockOnServer(qint64 corporationId, const StaffCredential& staff, const QString& reason);
    Outcome checkCardOnServer(
        const StaffCredential& staff, const QString& serial, const QString& code, CardCheck* result);
    // 担当者の管理 (an administrator's acts): `refusal` says the act's own refusals (ok() for the rest).
    Outcome asAdministratorOnServer(const StaffCredential& admin, const QString& reason,
        const std::function<ServerDesk::StaffAct(ServerDesk&, const QString& session)>& act,
        const std::function<Outcome(ServerDesk::StaffAct)>& refusal, const QString& failure);
    Outcome exportAuditOnServer(
        const StaffCredential& staff, const AuditFilter& filter, const QString& path, AuditExport::Result* result);

    Store& m_store;
};

} // namespace hardtoken
