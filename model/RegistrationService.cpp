#include "RegistrationService.h"

#include "Clock.h"
#include "Crypto.h"
#include "Store.h"
#include "TokenRecord.h"

#include <QLoggingCategory>
#include <QSqlQuery>

namespace hardtoken {

Q_LOGGING_CATEGORY(lcService, "hardtoken.service")

RegistrationService::RegistrationService(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
}

RegistrationService::~RegistrationService() = default;

bool RegistrationService::selectCorporation(const QString& code)
{
    QSqlQuery q = code.isEmpty() ? m_store.exec(QStringLiteral("SELECT id FROM corporations ORDER BY id LIMIT 1"))
                                 : m_store.exec(QStringLiteral("SELECT id FROM corporations WHERE code = ?"), { code });
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    if (id != m_corporationId) {
        clearQueue();
        m_pendingShared.reset();
    }
    m_corporationId = id;
    Q_EMIT corporationChanged();
    return id != 0;
}

CorporationInfo RegistrationService::corporation() const
{
    CorporationInfo c;
    QSqlQuery q
        = m_store.exec(QStringLiteral("SELECT id, code, name, usage_mode, otp_failures, pin_failures, suspended,"
                                      " suspended_at, suspended_reason,"
                                      " (SELECT COUNT(*) FROM registrations r WHERE r.corporation_id = c.id)"
                                      " FROM corporations c WHERE id = ?"),
            { m_corporationId });
    if (!q.next())
        return c;
    c.id = q.value(0).toLongLong();
    c.code = q.value(1).toString();
    c.name = q.value(2).toString();
    c.mode = usageModeFromKey(q.value(3).toString());
    c.otpFailures = q.value(4).toInt();
    c.pinFailures = q.value(5).toInt();
    c.suspended = q.value(6).toInt() != 0;
    c.suspendedAt = q.value(7).toString();
    c.suspendedReason = q.value(8).toString();
    c.registeredTokens = q.value(9).toInt();
    return c;
}

QList<UserInfo> RegistrationService::users() const
{
    QList<UserInfo> out;
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT u.id, u.name, u.display_order, t.serial FROM users u"
                                              " LEFT JOIN registrations r ON r.corporation_id = u.corporation_id"
                                              " AND r.user_id = u.id"
                                              " LEFT JOIN tokens t ON t.id = r.token_id"
                                              " WHERE u.corporation_id = ? ORDER BY u.display_order, u.id"),
        { m_corporationId });
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString() });
    return out;
}

QString RegistrationService::sharedSerial() const
{
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT t.serial FROM registrations r JOIN tokens t ON t.id = r.token_id"
                                              " WHERE r.corporation_id = ? AND r.user_id IS NULL"),
        { m_corporationId });
    return q.next() ? q.value(0).toString() : QString();
}

bool RegistrationService::isSuspended() const
{
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT suspended FROM corporations WHERE id = ?"), { m_corporationId });
    return q.next() && q.value(0).toInt() != 0;
}

Outcome RegistrationService::inputFailure(InputField field, InputError error) const
{
    Outcome o;
    o.error = ServiceError::InvalidInput;
    o.field = field;
    o.inputError = error;
    o.message = Validation::message(field, error);
    return o;
}

Outcome RegistrationService::suspendedOutcome() const
{
    return { ServiceError::Suspended,
        tr("本システムは利用中止状態です。利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会くださ"
           "い。") };
}

Outcome RegistrationService::recordFailure(bool pin)
{
    const StoreSettings settings = m_store.settings();
    const int limit = pin ? settings.pinFailureLimit : settings.otpFailureLimit;
    const QString column = pin ? QStringLiteral("pin_failures") : QStringLiteral("otp_failures");
    int failures = 0;
    bool nowSuspended = false;
    // Persisted at once, in its own transaction: neither キャンセル nor a restart undoes it (RFC 4226 §7.3).
    const bool ok = m_store.transaction([&] {
        if (!m_store.execOk(
                QStringLiteral("UPDATE corporations SET %1 = %1 + 1 WHERE id = ?").arg(column), { m_corporationId }))
            return false;
        QSqlQuery q = m_store.exec(
            QStringLiteral("SELECT %1, suspended FROM corporations WHERE id = ?").arg(column), { m_corporationId });
        if (!q.next())
            return false;
        failures = q.value(0).toInt();
        const bool wasSuspended = q.value(1).toInt() != 0;
        if (!m_store.audit(m_actor, pin ? QStringLiteral("pin.failure") : QStringLiteral("token.failure"),
                m_corporationId, QStringLiteral("count=%1 limit=%2").arg(failures).arg(limit)))
            return false;
        if (failures >= limit && !wasSuspended) {
            nowSuspended = true;
            return m_store.execOk(QStringLiteral("UPDATE corporations SET suspended = 1, suspended_at = ?,"
                                                 " suspended_reason = ? WHERE id = ?"),
                       { m_store.nowText(), pin ? QStringLiteral("pin") : QStringLiteral("otp"), m_corporationId })
                && m_store.audit(m_actor, QStringLiteral("corporation.suspended"), m_corporationId,
                    QStringLiteral("reason=%1").arg(pin ? QStringLiteral("pin") : QStringLiteral("otp")));
        }
        return true;
    });
    if (!ok) {
        qCCritical(lcService) << "could not record a failed attempt";
        return { ServiceError::StoreFailure, tr("処理中にエラーが発生しました。もう一度お試しください。") };
    }
    Q_EMIT corporationChanged();
    if (nowSuspended || failures >= limit) {
        discardPending();
        if (nowSuspended)
            Q_EMIT suspended();
        Outcome o;
        o.error = ServiceError::Suspended;
        o.remainingAttempts = 0;
        o.message = pin
            ? tr("契約法人確認暗証番号を一定回数以上誤って入力したため、本システムは利用中止状態になりました。"
                 "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。")
            : tr("シリアル番号またはワンタイムパスワードを一定回数以上誤って入力したため、本システムは利用中止状態にな"
                 "りました。"
                 "利用中止状態を解除するには、本システムに関するお問い合わせ先までご照会ください。");
        return o;
    }
    Outcome o;
    o.error = pin ? ServiceError::WrongPin : ServiceError::WrongSerialOrOtp;
    o.remainingAttempts = limit - failures;
    o.message = pin
        ? tr("契約法人確認暗証番号が正しくありません。あと%n回誤って入力すると、本システムは利用中止状態になります。",
            nullptr, o.remainingAttempts)
        : tr("シリアル番号またはワンタイムパスワードが正しくありません。あと%n回誤って入力すると、"
             "本システムは利用中止状態になります。",
            nullptr, o.remainingAttempts);
    return o;
}

Outcome RegistrationService::verifyPin(const QString& pin)
{
    const InputCheck check = Validation::checkPin(pin);
    if (!check.ok())
        return inputFailure(InputField::Pin, check.error);
    QSqlQuery q = m_store.exec(QStringLiteral("SELECT pin_hash FROM corporations WHERE id = ?"), { m_corporationId });
    if (!q.next())
        return { ServiceError::StoreFailure, tr("契約法人が見つかりません。") };
    if (!crypto::verifySecret(pin, q.value(0).toString()))
        return recordFailure(true);
    return {};
}

Outcome RegistrationService::checkToken(
    const QString& serialInput, const QString& otpInput, qint64 forUserId, QueuedRegistration* out)
{
    if (isSuspended())
        return suspendedOutcome();
    const bool normalise = m_store.settings().normaliseFullWidth;
    const InputCheck serial = Validation::checkSerial(serialInput, normalise);
    if (!serial.ok())
        return inputFailure(InputField::Serial, serial.error);
    const InputCheck otp = Validation::checkOtp(otpInput, normalise);
    if (!otp.ok())
        return inputFailure(InputField::Otp, otp.error);

    const auto token = findToken(m_store, serial.value);
    // Unknown, retired, or another corporation's token: to the person at the keyboard these are all
    // the same wrong entry, and all count.
    if (!token || token->status == QLatin1String("retired")
        || (token->holderCorporation != 0 && token->holderCorporation != m_corporationId)) {
        return recordFailure(false);
    }
    if (forUserId != 0) {
        for (const QueuedRegistration& q : std::as_const(m_queue)) {
            if (q.serial == serial.value && q.userId != forUserId) {
                return { ServiceError::SerialQueuedForOther,
                    tr("シリアル番号 %1 は、利用登録情報の一覧で%2さんに指定されています。")
                        .arg(Validation::formatSerial(serial.value), q.userName) };
            }
        }
        if (token->holderCorporation == m_corporationId && token->holderUser != forUserId) {
            const QString holder = token->holderUser ? token->holderName : tr("全ての利用者");
            return { ServiceError::SerialHeldByOther,
                tr("シリアル番号 %1 のトークンは、%2が利用登録しています。")
                    .arg(Validation::formatSerial(serial.value), holder) };
        }
    }
    const auto secret = m_store.openSecret(token->sealedSecret, token->serial);
    if (!secret) {
        qCCritical(lcService) << "token secret could not be opened (wrong key or altered row), token id" << token->id;
        return { ServiceError::StoreFailure, tr("トークン情報を読み込めません。お問い合わせ先までご照会ください。") };
    }
    const StoreSettings settings = m_store.settings();
    const OtpVerifier verifier({ settings.hotpLookAhead, settings.totpSkewSteps });
    const auto match = verifier.verify(*secret, token->params, token->state, otp.value, m_store.clock().nowSecs());
    if (!match)
        return recordFailure(false);
    out->tokenId = token->id;
    out->serial = token->serial;
    out->nextState = match->nextState;
    return {};
}

Outcome RegistrationService::changeUsageMode(UsageMode mode, const QString& pin)
{
    if (isSuspended())
        return suspendedOutcome();
    if (mode == UsageMode::Unset)
        return { ServiceError::ModeNotSet, tr("カード型ハードトークンの利用形態を選択してください。") };
    const Outcome pinOutcome = verifyPin(pin);
    if (!pinOutcome.ok())
        return pinOutcome;
    const CorporationInfo before = corporation();
    const bool changed = before.mode != mode;
    const bool ok = m_store.transaction([&] {
        if (changed) {
            // 利用形態を変更した場合、カード型ハードトークンの利用登録は解除されます。
            if (!m_store.execOk(QStringLiteral("UPDATE tokens SET status = 'available' WHERE id IN"
                                               " (SELECT token_id FROM registrations WHERE corporation_id = ?)"),
                    { m_corporationId })
                || !m_store.execOk(
                    QStringLiteral("DELETE FROM registrations WHERE corporation_id = ?"), { m_corporationId })
                || !m_store.execOk(QStringLiteral("UPDATE corporations SET usage_mode = ? WHERE id = ?"),
                    { usageModeKey(mode), m_corporationId })) {
                return false;
            }
        }
        return m_store.execOk(
                   QStringLiteral("UPDATE corporations SET pin_failures = 0 WHERE id = ?"), { m_corporationId })
            && m_store.audit(m_actor,
                changed ? QStringLiteral("usage_mode.changed") : QStringLiteral("usage_mode.confirmed"),
                m_corporationId,
                QStringLiteral("from=%1 to=%2 registrations_cancelled=%3")
                    .arg(usageModeKey(before.mode), usageModeKey(mode))
                    .arg(changed ? before.registeredTokens : 0));
    });
    if (!ok)
        return { ServiceError::StoreFailure, tr("処理中にエラーが発生したため、利用形態は変更されませんでした。") };
    discardPending();
    Q_EMIT corporationChanged();
    return {};
}

Outcome RegistrationService::checkSharedToken(const QString& serial, const QString& otp)
{
    const CorporationInfo corp = corporation();
    if (corp.suspended)
        return suspendedOutcome();
    if (corp.mode == UsageMode::Unset)
        return { ServiceError::ModeNotSet, tr("カード型ハードトークンの利用形態を設定してください。") };
    if (corp.mode != UsageMode::Shared)
        return { ServiceError::WrongMode, tr("現在の利用形態では、この操作はできません。") };
    QueuedRegistration entry;
    const Outcome o = checkToken(serial, otp, 0, &entry);
    if (!o.ok())
        return o;
    m_pendingShared = entry;
    return {};
}

bool RegistrationService::writeRegistration(const QueuedRegistration& e)
{
    const QVariant user = e.userId ? QVariant(e.userId) : QVariant(QMetaType::fromType<qint64>());
    // Release what the user (or, shared, the corporation) holds now, and any stale hold of the token.
    const QString release = e.userId
        ? QStringLiteral("SELECT token_id FROM registrations WHERE corporation_id = ? AND user_id = ?")
        : QStringLiteral("SELECT token_id FROM registrations WHERE corporation_id = ? AND user_id IS NULL");
    QSqlQuery held
        = e.userId ? m_store.exec(release, { m_corporationId, e.userId }) : m_store.exec(release, { m_corporationId });
    QList<qint64> released;
    while (held.next())
        released.append(held.value(0).toLongLong());
    for (qint64 tokenId : std::as_const(released)) {
        if (!m_store.execOk(QStringLiteral("DELETE FROM registrations WHERE token_id = ?"), { tokenId })
            || !m_store.execOk(QStringLiteral("UPDATE tokens SET status = 'available' WHERE id = ?"), { tokenId })) {
            return false;
        }
    }
    const QString details = QStringLiteral("user=%1 serial=%2 released=%3")
                                .arg(e.userId ? e.userName : QStringLiteral("*"), Validation::formatSerial(e.serial))
                                .arg(released.size());
    return m_store.execOk(QStringLiteral("INSERT INTO registrations (corporation_id, user_id, token_id, since)"
                                         " VALUES (?, ?, ?, ?)"),
               { m_corporationId, user, e.tokenId, m_store.nowText() })
        && m_store.execOk(QStringLiteral("UPDATE tokens SET status = 'registered', next_counter = ?, last_step = ?,"
                                         " drift = ? WHERE id = ?"),
            { QVariant::fromValue(static_cast<qint64>(e.nextState.nextCounter)), e.nextState.lastStep,
                e.nextState.driftSteps, e.tokenId })
        && m_store.audit(m_actor, QStringLiteral("token.registered"), m_corporationId, details);
}

Outcome RegistrationService::commitShared(const QString& pin)
{
    if (isSuspended())
        return suspendedOutcome();
    if (!m_pendingShared)
        return { ServiceError::NothingPending, tr("利用登録するトークンが入力されていません。") };
    const Outcome pinOutcome = verifyPin(pin);
    if (!pinOutcome.ok())
        return pinOutcome;
    const QueuedRegistration entry = *m_pendingShared;
    const bool ok = m_store.transaction([&] {
        // The token may have been taken by another desktop since 次へ.
        const auto token = findToken(m_store, entry.serial);
        if (!token || (token->holderCorporation != 0 && token->holderCorporation != m_corporationId)
            || (token->holderCorporation == m_corporationId && token->holderUser != 0))
            return false;
        return writeRegistration(entry)
            && m_store.execOk(QStringLiteral("UPDATE corporations SET otp_failures = 0, pin_failures = 0 WHERE id = ?"),
                { m_corporationId });
    });
    if (!ok) {
        return { ServiceError::StoreFailure,
            tr("登録処理中にエラーが発生したため、利用登録は行われませんでした。入力内容はそのまま残っています。") };
    }
    m_pendingShared.reset();
    Q_EMIT corporationChanged();
    return {};
}

int RegistrationService::queueIndexOfUser(qint64 userId) const
{
    for (int i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].userId == userId)
            return i;
    }
    return -1;
}

Outcome RegistrationService::enqueue(qint64 userId, const QString& serial, const QString& otp)
{
    const CorporationInfo corp = corporation();
    if (corp.suspended)
        return suspendedOutcome();
    if (corp.mode == UsageMode::Unset)
        return { ServiceError::ModeNotSet, tr("カード型ハードトークンの利用形態を設定してください。") };
    if (corp.mode != UsageMode::Individual)
        return { ServiceError::WrongMode, tr("現在の利用形態では、この操作はできません。") };
    std::optional<UserInfo> user;
    for (const UserInfo& u : users()) {
        if (u.id == userId)
            user = u;
    }
    if (!user)
        return { ServiceError::NoUserChosen, tr("利用者を選択してください。") };
    QueuedRegistration entry;
    const Outcome o = checkToken(serial, otp, userId, &entry);
    if (!o.ok())
        return o;
    entry.userId = user->id;
    entry.userName = user->name;
    entry.displayOrder = user->displayOrder;
    const int existing = queueIndexOfUser(userId);
    if (existing >= 0) {
        m_queue[existing] = entry;
        Q_EMIT queueRowChanged(existing);
        return {};
    }
    // The list keeps the users' order (the manual lists 鈴木, 田中, 山田 whatever order they were added in).
    int row = 0;
    while (row < m_queue.size()
        && (m_queue[row].displayOrder < entry.displayOrder
            || (m_queue[row].displayOrder == entry.displayOrder && m_queue[row].userId < entry.userId))) {
        ++row;
    }
    Q_EMIT queueAboutToInsert(row);
    m_queue.insert(row, entry);
    Q_EMIT queueInserted(row);
    return {};
}

void RegistrationService::removeFromQueue(const QList<qint64>& userIds)
{
    for (qint64 userId : userIds) {
        const int row = queueIndexOfUser(userId);
        if (row < 0)
            continue;
        Q_EMIT queueAboutToRemove(row);
        m_queue.removeAt(row);
        Q_EMIT queueRemoved(row);
    }
}

void RegistrationService::clearQueue()
{
    if (m_queue.isEmpty())
        return;
    Q_EMIT queueAboutToReset();
    m_queue.clear();
    Q_EMIT queueReset();
}

void RegistrationService::discardPending()
{
    clearQueue();
    m_pendingShared.reset();
}

Outcome RegistrationService::commitQueue(const QString& pin)
{
    if (isSuspended())
        return suspendedOutcome();
    if (m_queue.isEmpty())
        return { ServiceError::EmptyQueue,
            tr("利用登録情報がありません。「追加」ボタンを押して、利用登録情報を追加してください。") };
    const Outcome pinOutcome = verifyPin(pin);
    if (!pinOutcome.ok())
        return pinOutcome;
    QString conflict;
    const bool ok = m_store.transaction([&] {
        for (const QueuedRegistration& e : std::as_const(m_queue)) {
            const auto token = findToken(m_store, e.serial);
            if (!token)
                return false;
            // Taken by someone else since 次へ (another desktop on a shared store).
            if (token->holderCorporation != 0
                && (token->holderCorporation != m_corporationId || token->holderUser != e.userId)) {
                conflict = token->holderUser ? token->holderName : tr("他の利用者");
                return false;
            }
        }
        for (const QueuedRegistration& e : std::as_const(m_queue)) {
            if (!writeRegistration(e))
                return false;
        }
        return m_store.execOk(QStringLiteral("UPDATE corporations SET otp_failures = 0, pin_failures = 0 WHERE id = ?"),
                   { m_corporationId })
            && m_store.audit(m_actor, QStringLiteral("registration.committed"), m_corporationId,
                QStringLiteral("entries=%1").arg(m_queue.size()));
    });
    if (!ok) {
        Outcome o;
        o.error = ServiceError::StoreFailure;
        o.message = conflict.isEmpty()
            ? tr("登録処理中にエラーが発生したため、利用登録は行われませんでした。利用登録情報の一覧はそのまま残ってい"
                 "ます。")
            : tr("一覧のトークンが、その間に%1に利用登録されました。利用登録は行われませんでした。").arg(conflict);
        return o;
    }
    clearQueue();
    Q_EMIT corporationChanged();
    return {};
}

Outcome RegistrationService::unlock(const QString& staffLogin, const QString& staffCredential)
{
    QSqlQuery q
        = m_store.exec(QStringLiteral("SELECT credential_hash, name FROM staff WHERE login = ?"), { staffLogin });
    const bool known = q.next();
    // Verify even for an unknown login, so that the time taken does not tell which logins exist.
    static const QString unknownLoginHash = crypto::hashSecret(QStringLiteral("unknown login"));
    const QString hash = known ? q.value(0).toString() : unknownLoginHash;
    const bool valid = crypto::verifySecret(staffCredential, hash) && known;
    if (!valid) {
        // In a transaction like every other write, so that two desktops never race for the next audit id.
        m_store.transaction([&] {
            return m_store.audit(
                QStringLiteral("staff:%1").arg(staffLogin), QStringLiteral("unlock.denied"), m_corporationId, {});
        });
        return { ServiceError::WrongStaffCredential, tr("担当者IDまたはパスワードが正しくありません。") };
    }
    if (!isSuspended() && corporation().otpFailures == 0 && corporation().pinFailures == 0)
        return { ServiceError::NotSuspended, tr("利用中止状態ではありません。") };
    const bool ok = m_store.transaction([&] {
        return m_store.execOk(
                   QStringLiteral("UPDATE corporations SET suspended = 0, suspended_at = NULL,"
                                  " suspended_reason = NULL, otp_failures = 0, pin_failures = 0 WHERE id = ?"),
                   { m_corporationId })
            && m_store.audit(QStringLiteral("staff:%1").arg(staffLogin), QStringLiteral("corporation.unlocked"),
                m_corporationId, {});
    });
    if (!ok)
        return { ServiceError::StoreFailure, tr("処理中にエラーが発生したため、利用中止状態は解除されませんでした。") };
    Q_EMIT corporationChanged();
    return {};
}

} // namespace hardtoken
