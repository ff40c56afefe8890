#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "model/secretref.h"
#include "triggers/mcpsender.h"
#include "triggers/triggerrecords.h"

#include <QFuture>
#include <QList>

#include <memory>
#include <optional>

namespace arbor {

class IndexingService;
class DeliveryBell;
class TriggerRunner;

/**
 * Triggers and what they fired (DESIGN.md §9): definitions, dry runs over stored events,
 * explicit replays, the delivery log (action results), resends and test deliveries.
 *
 * Handed out by Engine::triggers(). An indexing engine that holds the lease also runs them: a
 * TriggerRunner evaluates a chain's triggers after each of its promotions and its delivery
 * worker sends the outbox. Other engines only read and write definitions; the running engine
 * picks changes up on its next evaluation.
 *
 * Thread: the Engine's; reads on the reader, writes on the writer.
 */
class TriggerService final : public EngineService
{
    Q_OBJECT

public:
    ~TriggerService() override;

    /// Stores a trigger (its chain given by id); it fires for events promoted from now on.
    QFuture<Result<TriggerRecord>> addTrigger(const TriggerDef &def);
    /// Replaces the definition of trigger `def.id`.
    QFuture<Result<TriggerRecord>> updateTrigger(const TriggerDef &def);
    QFuture<Result<TriggerRecord>> setTriggerEnabled(qint64 triggerId, bool enabled);
    /// The trigger goes; its open deliveries are cancelled, its results stay.
    QFuture<Status> deleteTrigger(qint64 triggerId);
    QFuture<Result<QList<TriggerRecord>>> triggers(std::optional<qint64> chainId = std::nullopt);
    QFuture<Result<TriggerRecord>> trigger(qint64 triggerId);
    /// Evaluates a trigger on stored events of [from, to] (default: all) from a fresh state;
    /// returns the matches with the payloads each action would send. Sends and writes nothing.
    QFuture<Result<DryRunResult>> dryRunTrigger(const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to);
    QFuture<Result<DryRunResult>> dryRunTrigger(qint64 triggerId, std::optional<qint64> from, std::optional<qint64> to);
    /// Sends for history, explicitly: a delivery for each match in [from, to] that has none, and
    /// each dead letter among them again; with `actionId`, for that action only.
    QFuture<Result<ReplayResult>> replayTrigger(qint64 triggerId, qint64 from, qint64 to, std::optional<qint64> actionId = std::nullopt);
    /// The first and last indexed blocks of a chain stamped within [fromMs, toMs]: a replay of a
    /// time range.
    QFuture<Result<std::pair<qint64, qint64>>> blocksBetween(qint64 chainId, qint64 fromMs, qint64 toMs);
    /// Every action of every trigger and alert rule (or of one trigger, one rule) with its state,
    /// success rate, last error, next attempt, held and dead deliveries.
    QFuture<Result<QList<ActionHealth>>> actionHealth(std::optional<qint64> triggerId = std::nullopt,
                                                      std::optional<qint64> alertRuleId = std::nullopt);
    /// Enables an action (its held deliveries resume at once, in the order of their events;
    /// returns how many) or disables it (its deliveries are held; returns 0).
    QFuture<Result<qint64>> setActionEnabled(const ActionRef &action, bool enabled);
    /// The deliveries that ended failed, newest first.
    QFuture<Result<QList<DeadLetter>>> deadLetters(const DeadLetterFilter &filter);
    /// Sends the dead letters `filter` picks again, each under its own id, its retry schedule
    /// afresh; returns how many.
    QFuture<Result<qint64>> resendDeadLetters(const DeadLetterFilter &filter);
    /**
     * Rotates the signing secret of REST action `actionId` of trigger (or, with `alertRule`,
     * alert rule) `subjectId`: `next` signs from now on and, for `overlapMs`, the current secret
     * signs beside it (both signatures in `webhook-signature`), so receivers can switch over.
     */
    QFuture<Status> rotateSigningSecret(const ActionRef &action, const SecretRef &next, qint64 overlapMs);
    QFuture<Result<QList<ActionResult>>> triggerResults(const ResultFilter &filter);
    /// The result's delivery is sent again under the same delivery id; returns that id.
    QFuture<Result<QString>> resendResult(qint64 resultId);
    /// A real delivery for one action, marked as a test, of the newest stored event that passes
    /// the trigger's conditions (else the newest event of its registry; TriggerStore::sampleEvent).
    QFuture<Result<TestDelivery>> sendTestDelivery(qint64 triggerId, qint64 actionId);
    /// The event the editor's template preview renders for `def`, saved or not (see sampleEvent).
    QFuture<Result<SampleEvent>> previewEvent(const TriggerDef &def);
    QFuture<Result<QList<DeliveryMinute>>> deliveriesPerMinute(qint64 sinceMs);
    /// An MCP action's connection test: the tools the server at `url` offers (McpSender::listTools),
    /// with the access token `token` names read first; on the network thread.
    QFuture<Result<McpToolList>> listMcpTools(const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs);

Q_SIGNALS:
    /// A trigger was added, changed or deleted here.
    void triggersChanged();
    /// Deliveries were created, cancelled or attempts recorded (the delivery log changed).
    void deliveriesChanged();
    /// An action was enabled or disabled here, or its signing secret rotated.
    void actionsChanged();

private:
    friend class Engine;
    friend class AlertService;

    TriggerService(EngineContext &context, IndexingService &indexing, QObject *parent = nullptr);

    /// The runner, for an indexing engine that holds the lease.
    void start();
    QFuture<void> shutdown();
    /// The coordinator's role went to another engine: the runner stops (its deliveries in
    /// flight are recorded or their claims lapse) and is dropped once it has.
    void retireRunner();
    /// Evaluating and delivering here (start() found an indexing engine with the lease).
    bool running() const { return m_runner != nullptr; }
    /// Rung by the writer job that commits deliveries outside evaluation (a resend, replay,
    /// test or alert): the delivery worker looks now instead of at its next poll.
    const std::shared_ptr<DeliveryBell> &deliveryBell() const { return m_bell; }

    /// What "now" is for the outbox (EngineOptions::delivery.clock).
    qint64 now() const;

    IndexingService &m_indexing;
    const std::shared_ptr<DeliveryBell> m_bell;
    std::unique_ptr<TriggerRunner> m_runner;   ///< from start(), when indexing with the lease
    std::unique_ptr<TriggerRunner> m_retired;  ///< the runner of a coordinator's role lost, until it has shut down
    QFuture<void> m_retiredDone;
};

} // namespace arbor
