#pragma once

#include "desk/Outcome.h"
#include "desk/QueuedRegistration.h"
#include "store/CorporationInfo.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"

#include <QObject>

#include <functional>

#include <optional>

namespace hardtoken {

class ServerDesk;
class Store;
struct StoreSettings;
struct CorporationState;
struct TokenRecord;
template <typename Row> class CountedAttempt;

// The registration rules of manual chapter 9, over the store. It owns the 利用登録情報の一覧 (the
// individual queue) and the pending shared registration; everything else is read from the store at
// each call, so that several desktops sharing one database see each other's failures and lockouts.
class RegistrationService final : public QObject {
    Q_OBJECT
public:
    explicit RegistrationService(Store& store, QObject* parent = nullptr);
    ~RegistrationService() override;

    Store& store() const { return m_store; }

    // Chooses the corporation the console works for (the first one when `code` is empty).
    // False when there is no such corporation, or when the store did not answer (then nothing changes).
    bool selectCorporation(const QString& code = {});
    // The current corporation read again (its users, tokens and counters changed behind the service).
    bool reselectCorporation();
    qint64 corporationId() const { return m_corporationId; }
    // Reads. nullopt when the store could not be read (unreachable, or it refused): never an empty
    // list, a blank corporation or "no token" standing in for "the store did not answer".
    std::optional<CorporationInfo> corporation() const;
    // The same without registeredTokens (-1): the corporation's state and mode, for the checks made
    // on every step, which need not count a large corporation's registrations.
    std::optional<CorporationInfo> corporationState() const;
    std::optional<QList<UserInfo>> users() const;
    // The token registered for all users (shared mode), empty when there is none.
    std::optional<QString> sharedSerial() const;
    // False also when the store cannot tell: every act asks the store again anyway.
    bool isSuspended() const;

    // 9.1: 利用形態 with the 契約法人確認暗証番号. A changed mode cancels every registration of the
    // corporation in the same transaction (manual 9.1 ⚠️).
    Outcome changeUsageMode(UsageMode mode, const QString& pin);

    // 9.2.1 step 3 (次へ): checks serial + OTP and keeps them pending for the confirm screen.
    Outcome checkSharedToken(const QString& serial, const QString& otp);
    std::optional<QueuedRegistration> pendingShared() const { return m_pendingShared; }
    // 9.2.1 step 4 (OK).
    Outcome commitShared(const QString& pin);

    // 9.2.2 step 3 (次へ): checks serial + OTP for the chosen user and adds the entry to the list,
    // replacing that user's queued entry if there is one (追加・変更).
    Outcome enqueue(qint64 userId, const QString& serial, const QString& otp);
    // 9.2.2 削除: removes the users' entries.
    void removeFromQueue(const QList<qint64>& userIds);
    const QList<QueuedRegistration>& queue() const { return m_queue; }
    int queueIndexOfUser(qint64 userId) const;
    // 9.2.2 step 4 (OK): commits the whole list in ONE transaction.
    Outcome commitQueue(const QString& pin);

    // キャンセル: forgets the list and the pending shared token; nothing was saved.
    void discardPending();

    // Help desk: lifts 利用中止 with the staff member's own credential (audited either way).
    Outcome unlock(const QString& staffLogin, const QString& staffCredential);

    QString actor() const { return m_actor; }
    void setActor(const QString& actor) { m_actor = actor; }

    // On a desk with no key (Store::openDesk): every act goes to the server's functions, in the
    // session of the staff member signed in at the desk (DeskSession sets it; empty when none).
    ServerDesk* server() const;
    void setServerSession(const QString& session) { m_serverSession = session; }

    // After the store came back (StoreLink::reconnected): resolves an act whose COMMIT lost its
    // answer (commitResolved()), settles attempts that could not be settled, and reads the
    // corporation again (corporationSelected(), corporationChanged()).
    void resume();
    bool hasUnknownOutcome() const { return m_unknownCommit.has_value(); }
    // Asks the store whether the act answered OutcomeUnknown went through: its answer (also
    // emitted as commitResolved()), or nullopt while the store cannot tell (or nothing is open).
    // Until it is known, every act is refused with OutcomeUnknown: nothing is done twice.
    std::optional<Outcome> resolveUnknownOutcome();

Q_SIGNALS:
    void corporationChanged(); // mode, registrations, counters or suspension changed
    // selectCorporation(): a corporation was chosen or read again (its users may have changed:
    // a roster import). Followed by corporationChanged().
    void corporationSelected();
    // A PIN-confirmed act went through (registrations committed, usage mode changed): the users'
    // tokens changed. Followed by corporationChanged().
    void registrationsChanged();
    void suspended(); // the corporation has just entered 利用中止
    // An act answered OutcomeUnknown has been resolved: ok() when it had gone through (the queue or
    // pending token is then cleared as after OK), else why nothing was saved (the list is kept).
    void commitResolved(const Outcome& outcome);
    void queueAboutToInsert(int row);
    void queueInserted(int row);
    void queueRowChanged(int row);
    void queueAboutToRemove(int row);
    void queueRemoved(int row);
    void queueAboutToReset();
    void queueReset();

private:
    // The PIN-confirmed acts; afterCommit() does what each does once it is known to have committed.
    enum class Act { UsageMode, Shared, Queue };
    // The answers the manual words, for the console's rules and the server's alike.
    static Outcome wrongEntry(bool pin, int remaining);
    static Outcome suspendedByFailures(bool pin);
    static Outcome modeNotSet();
    static Outcome wrongMode();
    static Outcome noUserChosen();
    static Outcome codeAlreadyUsed(const QString& user);
    // The same acts through the server (RegistrationServiceOnServer.cpp).
    Outcome checkTokenOnServer(
        const QString& serial, const QString& otp, UsageMode mode, qint64 forUserId, QueuedRegistration* out);
    Outcome pinActOnServer(Act act, const QString& pin, UsageMode mode);
    Outcome sessionEnded() const;
    Outcome inputFailure(InputField field, InputError error) const;
    Outcome suspendedOutcome() const;
    // The outcome when a transaction did not happen: busy (try again), tampered, or `otherwise`.
    Outcome storeOutcome(const QString& otherwise) const;
    Outcome checkToken(
        const QString& serial, const QString& otp, UsageMode mode, qint64 forUserId, QueuedRegistration* out);
    Outcome entryRefusal(const CorporationState& corp, const StoreSettings& settings, UsageMode mode, qint64 forUserId,
        QueuedRegistration* out) const;
    Outcome holderRefusal(const TokenRecord& token, qint64 forUserId) const;
    // The user chosen in 利用者の選択, filled in the entry; noUserChosen() when there is none.
    Outcome chosenUser(qint64 userId, QueuedRegistration* out) const;
    // Checks the PIN and, when right, runs `action` in ONE transaction with the corporation locked
    // and its counters settled: the lockout protocol of CountedAttempt (the attempt is counted
    // BEFORE the PIN is evaluated).
    Outcome withPin(Act act, const QString& pin, const std::function<bool(CorporationState&, Outcome*)>& action,
        const QString& failureMessage);
    Outcome wrongPin(CountedAttempt<CorporationState>& attempt, const StoreSettings& settings);
    // Writes the entries' registrations and OTP states (inside the caller's transaction).
    bool writeRegistrations(const QList<QueuedRegistration>& entries, Outcome* refusal);
    // When a commit failed: the token some entry lost to another holder meanwhile, else `otherwise`.
    Outcome holderConflict(const QList<QueuedRegistration>& entries, const Outcome& otherwise) const;
    void afterFailure(const Outcome& o);
    void clearQueue();
    void afterCommit(Act act);
    Outcome unreachableOutcome() const;
    // Before an act: the open OutcomeUnknown resolved first (its answer is this act's answer), or
    // the act refused while it cannot be; nullopt when nothing is open.
    std::optional<Outcome> settleUnknownFirst();

    Store& m_store;
    qint64 m_corporationId = 0;
    QString m_actor = QStringLiteral("administrator");
    QList<QueuedRegistration> m_queue;
    std::optional<QueuedRegistration> m_pendingShared;
    // An act whose COMMIT lost its answer: its commit mark, until resume() finds out.
    struct UnknownCommit {
        QString mark;
        Act act;
    };
    std::optional<UnknownCommit> m_unknownCommit;
    // PIN attempts this desktop could not settle or withdraw while the store was away.
    QStringList m_unsettledAttempts;
    // A desk with no key: the desk session's token (the server's functions are the store's).
    QString m_serverSession;
};

} // namespace hardtoken
