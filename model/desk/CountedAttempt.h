#pragma once

#include "store/AttemptTable.h"
#include "store/Store.h"

#include <QString>

#include <functional>
#include <optional>

namespace hardtoken {

// The lockout protocol, once, for every secret that is counted towards a lock: the corporation's
// 契約法人確認暗証番号 and its serial/OTP entries (利用中止), a staff login's credential (the login
// locked) and a card checked at the desk (the card locked).
//
// A slow check (a PIN, a staff credential: scrypt) is counted BEFORE it is evaluated, so that a
// desktop killed while scrypt runs cannot guess for free:
// 1. reserve(): under the lock of the scope's sealed row, attempts of desktops that died before
//    settling them leave the count, the caller may refuse the attempt (suspended, locked, every
//    remaining attempt in flight elsewhere), and otherwise the attempt is counted as in flight.
// 2. The caller evaluates, outside any lock.
// 3. settleWrong(): it stays counted, and the limit is applied in the same transaction; or
//    settleRight(): the settled failures are forgiven and the act the secret authorises commits in
//    the same transaction as the settlement; or withdraw(): the act failed after all, and the
//    attempt counts for nothing.
// A quick check (an OTP: one HMAC) is evaluated inside the transaction that counts it, with the
// scope's row locked by the caller, so it needs no attempt in flight: countWrong() or forgive().
//
// Whichever way a failure is counted, the same tail follows it: the failure audited, and at the
// scope's limit the lock applied (利用中止, the login or the card locked) and audited — here only.
//
// `Row` is the record that keeps the scope's counters (CorporationState, SigninState).
template <typename Row> class CountedAttempt final {
public:
    struct Scope {
        QString name; // AttemptTable's scope (attempts in flight)
        std::function<std::optional<Row>()> lock; // the row, locked for the transaction
        std::function<bool(const Row&)> write;
        // The settled failures and the attempts in flight; only scopes whose checks are slow
        // (reserve()) keep attempts in flight.
        std::function<AttemptTable::Counters(Row&)> counters;
        std::function<int&(Row&)> failures;
        // The limit and what reaching it does.
        int limit = 0;
        std::function<bool(const Row&)> isLocked;
        std::function<void(Row&)> lockNow;
        std::function<bool(const Row&)> auditWrong; // each failure counted
        std::function<bool(const Row&)> auditLocked; // the lock applied
        // When abandoned attempts were released (their number): e.g. audited. Optional.
        std::function<bool(int released)> released = {};
        // Run first under the lock at reserve(): a lock that has lapsed lifted (and audited).
        // False when the store refused. Optional.
        std::function<bool(Row&)> lapse = {};
    };
    // Asked under the lock: true refuses the attempt (nothing is counted; the row is written back).
    using Refusal = std::function<bool(Row&)>;
    // Run under the lock after a step, in its transaction; false rolls it back.
    using Then = std::function<bool(Row&)>;

    CountedAttempt(Store& store, Scope scope)
        : m_store(store)
        , m_scope(std::move(scope))
    {
    }

    // 1. False when the store failed (nothing was counted, or the COMMIT's fate is unknown: then
    // the attempt is held by a session that is gone and is released as abandoned). counted() says
    // whether the attempt was made or refused.
    // `onRefused` runs in the same transaction when the attempt is refused (e.g. the refusal audited).
    bool reserve(const Refusal& refuse, const Then& onRefused = {})
    {
        return m_store.transaction([&] {
            auto row = m_scope.lock();
            int released = 0;
            if (!row || !AttemptTable::releaseAbandoned(m_store, m_scope.name, m_scope.counters(*row), &released))
                return false;
            if (released > 0 && m_scope.released && !m_scope.released(released))
                return false;
            if (m_scope.lapse && !m_scope.lapse(*row))
                return false;
            if (refuse && refuse(*row))
                return m_scope.write(*row) && (!onRefused || onRefused(*row));
            if (!AttemptTable::reserve(m_store, m_scope.name, m_scope.counters(*row), &m_key))
                return false;
            m_row = *row;
            return m_scope.write(*row);
        });
    }
    bool counted() const { return !m_key.isEmpty(); }
    // The row as the last step left it (after reserve(): with this attempt counted).
    const Row& row() const { return m_row; }
    const QString& key() const { return m_key; }

    // 3a. The attempt was wrong: it stays counted and the limit is applied; `then` (optional)
    // reads the row afterwards, in the same transaction (lockedNow() says whether this attempt
    // locked the scope).
    bool settleWrong(const Then& then = {})
    {
        return m_store.transaction([&] {
            auto row = m_scope.lock();
            if (!row || !AttemptTable::settleWrong(m_store, m_key, m_scope.counters(*row)))
                return false;
            if (!atLimit(*row) || (then && !then(*row)))
                return false;
            m_row = *row;
            return m_scope.write(*row);
        });
    }

    // A quick check found wrong, in the caller's transaction, `row` locked by it (Scope::lock):
    // counted, the limit applied, the row written.
    bool countWrong(Row& row)
    {
        m_scope.failures(row) += 1;
        m_row = row;
        return atLimit(row) && m_scope.write(row);
    }
    // A quick check found right: the failures counted so far are forgiven.
    bool forgive(Row& row)
    {
        m_scope.failures(row) = 0;
        m_row = row;
        return m_scope.write(row);
    }
    // Whether the last failure counted is the one that reached the limit.
    bool lockedNow() const { return m_lockedNow; }

    // 3b. The attempt was right: `act` commits with the settlement. `refuse` is asked again under the
    // lock (suspended by another desktop meanwhile): then the attempt is withdrawn and the act not
    // run. `act` may change the row (a new 利用形態): the row is written after it, so an act must
    // not write the scope's row itself. `mark`: Store::transaction()'s commit mark.
    bool settleRight(const Then& act, const Refusal& refuse = {}, const QString& mark = {})
    {
        return m_store.transaction(
            [&] {
                auto row = m_scope.lock();
                if (!row)
                    return false;
                if (refuse && refuse(*row))
                    return AttemptTable::withdraw(m_store, m_key, m_scope.counters(*row)) && m_scope.write(*row);
                return AttemptTable::settleRight(m_store, m_key, m_scope.counters(*row)) && act(*row)
                    && m_scope.write(*row);
            },
            mark);
    }

    // The act the attempt authorised did not happen: the attempt counts for nothing.
    bool withdraw()
    {
        return m_store.transaction([&] {
            auto row = m_scope.lock();
            return row && AttemptTable::withdraw(m_store, m_key, m_scope.counters(*row)) && m_scope.write(*row);
        });
    }

private:
    bool atLimit(Row& row)
    {
        m_lockedNow = !m_scope.isLocked(row) && m_scope.failures(row) >= m_scope.limit;
        if (m_lockedNow)
            m_scope.lockNow(row);
        return m_scope.auditWrong(row) && (!m_lockedNow || m_scope.auditLocked(row));
    }

    Store& m_store;
    Scope m_scope;
    QString m_key;
    Row m_row {};
    bool m_lockedNow = false;
};

} // namespace hardtoken
