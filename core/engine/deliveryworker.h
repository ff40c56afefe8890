#pragma once

#include "store/triggerstore.h"
#include "triggers/outgoingdelivery.h"
#include "triggers/triggerrecords.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <random>

namespace arbor {

class ActionSender;
class AgentCallPreparer;
class SecretResolver;
class StoreThread;

/**
 * Sends the trigger outbox (DESIGN.md §9): claims due deliveries through the writer, resolves
 * their secrets, sends each attempt with the action's sender and records every attempt.
 *
 * At least once, never under a new id: a claimed delivery that is not recorded (a crash, an
 * attempt still open when a stop stopped waiting) is claimed again when its claim lapses, with
 * the same delivery id. A Retry outcome is due again on the action's RetrySchedule (by default
 * about three days of waits, each ±10 %, never before the server's Retry-After); once the
 * schedule is spent the delivery fails and is dead. A receiver answering 410 Gone holds the
 * delivery and disables the action (TriggerStore::recordAttempts()). Times come from
 * DeliveryOptions::clock.
 * Attempts are recorded in batches (one transaction per batch), and up to `maxInFlight`
 * attempts run at once; lower-priority actions of one event are claimed first.
 *
 * Thread: lives on its own thread (moved there by its owner); every slot runs there. The
 * StoreThread must outlive it.
 */
class DeliveryWorker final : public QObject
{
    Q_OBJECT

public:
    DeliveryWorker(StoreThread *writer, QString holder, DeliveryOptions options, QObject *parent = nullptr);
    ~DeliveryWorker() override;

    /// How start() finds the outbox: see there.
    enum class Start { Fresh, Restarted };

public Q_SLOTS:
    /// Releases the claims of engines that are no longer live (and from then on every
    /// DeliveryOptions::orphanReleaseMs) and starts sending. `Restarted`: this holder's worker
    /// before this one ended (it threw, and its thread was joined), so this holder's own claims
    /// are released too; no other worker of the holder sends them.
    void start(Start how = Start::Fresh);
    /// New deliveries may be due (evaluation created some, an operator resent one).
    void poke();
    /// Stops claiming, lets the attempts in flight finish for up to DeliveryOptions::stopDrainMs
    /// and records them: a receiver that accepted a delivery is not sent it again after a
    /// database switch or a quit. Attempts still open then are abandoned (their claims lapse
    /// and they are sent again, same id). `done` is called on this thread.
    void stop(std::function<void()> done);

Q_SIGNALS:
    /// Attempts were recorded (for the console's delivery log and charts).
    void attemptsRecorded(int count);

private:
    void pump();
    void releaseOrphans();
    void onClaimed(Result<QList<ClaimedDelivery>> claimed, quint64 stallsBefore);
    void send(const ClaimedDelivery &delivery, ActionSecrets secrets, const QString &target, const QHostAddress &targetAddress = QHostAddress());
    void finish(const ClaimedDelivery &delivery, const AttemptOutcome &outcome);
    /// Whether this thread stalled past DeliveryOptions::staleClaimMs since `delivery` was claimed.
    bool stalledSinceClaim(const ClaimedDelivery &delivery);
    /// Such a delivery is not sent: its claim is given up.
    void abandonStale(const ClaimedDelivery &delivery, const QString &why);
    void flush();
    void scheduleWake();
    qint64 now() const { return m_clock->nowMs(); }

    StoreThread *m_writer;
    QString m_holder;
    DeliveryOptions m_options;
    std::shared_ptr<const WallClock> m_clock;
    SecretResolver *m_secrets = nullptr;
    ActionSender *m_sender = nullptr;
    AgentCallPreparer *m_agentCalls = nullptr;   ///< MCP to "the agent's own endpoint": checks before sending
    QTimer m_flushTimer;
    QTimer m_wakeTimer;
    QTimer m_orphanTimer;
    std::mt19937 m_random;

    static constexpr int EmptyClaimPauseMs = 200;
    static constexpr int RecordRetryMs = 1000;   ///< a batch the database did not take is tried again after this
    static constexpr qint64 ClaimLeaseMs = 15 * 60 * 1000;

    bool m_running = false;
    bool m_lastClaimEmpty = false;
    bool m_claiming = false;     ///< a claim is in flight
    bool m_pokedWhileClaiming = false;
    bool m_flushing = false;
    int m_inFlight = 0;
    QSet<QString> m_sending;      ///< delivery ids with an attempt under way
    QHash<QString, quint64> m_claimedAfter;   ///< for each of them, m_stalls when its claim was asked for
    /// Ticks every second: a tick that comes late by more than staleClaimMs (or none at all by
    /// then) means this thread stalled, and what it had claimed before may be another's now.
    QTimer m_stallWatch;
    QElapsedTimer m_lastTick;                 ///< monotonic: runs on while the process is stopped
    quint64 m_stalls = 0;
    QList<DeliveryAttempt> m_finished;
    std::function<void()> m_stopped;
    bool m_drainOver = false;                 ///< stop(): the attempts still in flight are abandoned
};

} // namespace arbor
