#pragma once

#include "error.h"
#include "store/store.h"
#include "triggers/triggerrecords.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/**
 * The actions of triggers and alert rules as an operator runs them (DESIGN.md §9): how each
 * action's receiver is doing (action_health), the held deliveries of a disabled action, the dead
 * letters (deliveries that ended failed), and the rotation of a signing secret.
 *
 * A cheap view over a Store, like TriggerStore. TriggerStore::recordAttempts() calls observe()
 * inside the transaction that records the attempts, so an action's state always matches its
 * results.
 *
 * Invariants:
 * - An action is Disabled from a 410 Gone (or an operator's disable()) until enable(); while it
 *   is, every open delivery of it is held (held = 1, never claimed) and new ones are created
 *   held. enable() releases them, due at once, in the order their events happened.
 * - An action is Failing once its current streak of failed attempts (no success in between) is
 *   older than its failingAfter; the next success makes it Ok again.
 * - Nothing here deletes a delivery: resending a dead letter puts it back in the outbox under
 *   its own id, its retry schedule starting afresh.
 *
 * Thread: the thread of the Store it wraps.
 */
class ActionStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::ActionStore)

public:
    explicit ActionStore(Store &store)
        : m_store(store)
    {
    }

    /// Takes in one recorded attempt of `action`: success, failure, or a 410 (outcome Hold),
    /// which disables the action. Joins the caller's transaction.
    Status observe(const ActionRef &action, const DeliveryAttempt &attempt);
    /// observe() of each of `attempts`, all of `action`, in the order they ended; a run of
    /// successes is taken in by one statement. Joins the caller's transaction.
    Status observe(const ActionRef &action, const QList<DeliveryAttempt> &attempts);
    /// Disables `action` at `atMs` for `reason` and holds its open deliveries.
    Status disable(const ActionRef &action, const QString &reason, qint64 atMs);
    /// Enables `action` again; its held deliveries are due at `atMs`. Returns how many resumed.
    Result<qint64> enable(const ActionRef &action, qint64 atMs);
    /// Whether `action` is disabled now.
    Result<bool> isDisabled(const ActionRef &action);
    /// SQL for the `held` value of the trigger_deliveries row `alias`: 1 while its action is
    /// disabled (a test delivery never), else 0 — for statements that open a delivery.
    static QString heldWhenDisabled(const Store &store, const QString &alias);

    /// Every action of every trigger and alert rule (or of one trigger, one rule) with its
    /// state and counts; `nowMs` bounds the success rate's 24 hours.
    Result<QList<ActionHealth>> actions(qint64 nowMs, std::optional<qint64> triggerId = std::nullopt,
                                        std::optional<qint64> alertRuleId = std::nullopt);

    /// The dead letters, newest first.
    Result<QList<DeadLetter>> deadLetters(const DeadLetterFilter &filter);
    /// Puts the dead letters `filter` picks back in the outbox, due at `atMs` (held instead when
    /// their action is disabled), each under its own id with its schedule afresh. Returns how many.
    Result<qint64> resendDead(const DeadLetterFilter &filter, qint64 atMs);

    /// The stored definition of `action` (id set). NotFound when there is none.
    Result<Action> action(const ActionRef &action);
    /// REST action `action` signs with `next` from now on and with its current secret beside it
    /// until `untilMs`. Invalid for an action that is not REST or not signed yet.
    Status rotateSigningSecret(const ActionRef &action, const SecretRef &next, qint64 untilMs);

private:
    /// A run of successes of `action`, the first at `firstAt`, the last at `lastAt`.
    Status succeeded(const ActionRef &action, qint64 firstAt, qint64 lastAt);
    QString deadWhere(const DeadLetterFilter &filter, QVariantList &params) const;

    Store &m_store;
};

} // namespace arbor
