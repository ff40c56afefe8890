#include "engine/deliveryworker.h"

#include "engine/agentcall.h"
#include "engine/storethread.h"
#include "triggers/actionsecrets.h"
#include "triggers/actionsender.h"
#include "util/continuation.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcDelivery, "arbor.triggers.delivery")

namespace arbor {

DeliveryWorker::DeliveryWorker(StoreThread *writer, QString holder, DeliveryOptions options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_holder(std::move(holder))
    , m_options(options)
    , m_clock(options.clock ? options.clock : WallClock::system())
    , m_flushTimer(this)   // children, so moveToThread() takes them along
    , m_wakeTimer(this)
    , m_orphanTimer(this)
    , m_random(std::random_device{}())
    , m_stallWatch(this)
{
    m_stallWatch.setInterval(1000);
    connect(&m_stallWatch, &QTimer::timeout, this, [this] {
        if (m_lastTick.elapsed() > m_options.staleClaimMs) {
            ++m_stalls;
            qCWarning(lcDelivery) << "this engine stalled for" << m_lastTick.elapsed() / 1000 << "s (stopped, suspended or starved):"
                                  << "deliveries claimed before it are not sent";
        }
        m_lastTick.start();
    });
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeliveryWorker::flush);
    m_wakeTimer.setSingleShot(true);
    connect(&m_wakeTimer, &QTimer::timeout, this, &DeliveryWorker::pump);
    m_orphanTimer.setInterval(m_options.orphanReleaseMs);
    connect(&m_orphanTimer, &QTimer::timeout, this, &DeliveryWorker::releaseOrphans);
}

DeliveryWorker::~DeliveryWorker() = default;

void DeliveryWorker::start(Start how)
{
    // Made here, on the worker's thread, so they live where they are used.
    m_secrets = new SecretResolver(this);
    m_sender = new ActionSender(this);
    m_agentCalls = new AgentCallPreparer(m_writer, m_sender->network(), m_secrets, this);
    m_running = true;
    m_lastTick.start();
    m_stallWatch.start();
    m_orphanTimer.start();
    // Claims left by an engine that is no longer live (one that crashed mid-send) are released
    // at once, not when they lapse; a live engine's stay its own, unless they are this worker's
    // holder's, left by the worker before it.
    then(m_writer->run([holder = how == Start::Restarted ? m_holder : QString()](Store &store) -> Result<qint64> {
             auto orphans = TriggerStore(store).releaseClaims(QString());
             if (!orphans || holder.isEmpty())
                 return orphans;
             auto own = TriggerStore(store).releaseClaims(holder);
             return own ? Result<qint64>(*orphans + *own) : own;
         }),
         this, [this](Result<qint64> released) {
             if (!released)
                 qCWarning(lcDelivery) << "Could not release old claims:" << released.error().toString();
             pump();
         });
}

void DeliveryWorker::releaseOrphans()
{
    if (!m_running)
        return;
    then(m_writer->run([](Store &store) { return TriggerStore(store).releaseClaims(QString()); }), this, [this](Result<qint64> released) {
        if (!released) {
            qCWarning(lcDelivery) << "Could not release the claims of engines that stopped:" << released.error().toString();
            return;
        }
        if (*released > 0) {
            qCInfo(lcDelivery) << "released" << *released << "claim(s) of engines that are no longer live";
            poke();
        }
    });
}

void DeliveryWorker::poke()
{
    if (!m_running)
        return;
    if (m_claiming) {
        m_pokedWhileClaiming = true;
        return;
    }
    pump();
}

void DeliveryWorker::stop(std::function<void()> done)
{
    m_running = false;
    m_wakeTimer.stop();
    m_orphanTimer.stop();
    m_stallWatch.stop();
    m_stopped = std::move(done);
    if (m_inFlight > 0) {
        qCInfo(lcDelivery) << "Stopping: waiting up to" << m_options.stopDrainMs << "ms for" << m_inFlight << "attempts in flight";
        QTimer::singleShot(m_options.stopDrainMs, this, [this] {
            if (m_inFlight > 0)
                qCWarning(lcDelivery) << m_inFlight << "attempts still in flight are abandoned; they are sent again, same ids, when their claims lapse";
            m_drainOver = true;
            flush();
        });
    }
    flush();
}

void DeliveryWorker::pump()
{
    if (!m_running || m_claiming)
        return;
    const int room = std::min(m_options.claimBatch, m_options.maxInFlight - m_inFlight);
    if (room <= 0)
        return;   // finish() pumps again as attempts end
    m_claiming = true;
    m_pokedWhileClaiming = false;
    // A claim lasts past the longest an attempt can take here (a timeout of at most 2 min,
    // behind a Telegram chat's queue of at most maxInFlight messages a second apart).
    const qint64 leaseMs = ClaimLeaseMs;
    // A stall counts from the moment the claim is asked for: the claim may be committed at once
    // while this thread stalls before it hears so.
    then(m_writer->run([holder = m_holder, room, leaseMs, clock = m_clock](Store &store) {
                    return TriggerStore(store).claimDue(holder, clock->nowMs(), room, leaseMs);
                }), this, [this, stallsBefore = m_stalls](Result<QList<ClaimedDelivery>> claimed) { onClaimed(std::move(claimed), stallsBefore); });
}

void DeliveryWorker::onClaimed(Result<QList<ClaimedDelivery>> claimed, quint64 stallsBefore)
{
    m_claiming = false;
    if (!claimed) {
        qCWarning(lcDelivery) << "Could not claim deliveries:" << claimed.error().toString();
        scheduleWake();
        return;
    }
    const int count = int(claimed->size());
    m_lastClaimEmpty = count == 0;
    if (!m_running) {
        // Claimed while stopping: not sent now (the next worker of this holder releases the
        // claims at its start, another engine takes them when they lapse).
        flush();
        return;
    }
    for (const ClaimedDelivery &delivery : std::as_const(*claimed)) {
        // Never two attempts of one delivery at once, even if its claim lapsed meanwhile.
        if (m_sending.contains(delivery.id))
            continue;
        m_sending.insert(delivery.id);
        m_claimedAfter.insert(delivery.id, stallsBefore);
        ++m_inFlight;
        resolveActionSecrets(*m_secrets, delivery.action, now(), [this, delivery](Result<ActionSecrets> secrets) {
            if (!secrets) {
                // A secret that cannot be read now may be readable later (a locked keychain,
                // a file not yet mounted): retried like a failed connection.
                AttemptOutcome outcome;
                outcome.kind = AttemptOutcome::Kind::Retry;
                outcome.error = secrets.error().toString();
                finish(delivery, outcome);
                return;
            }
            if (!AgentCallPreparer::needed(delivery.action)) {
                send(delivery, std::move(*secrets), QString());
                return;
            }
            m_agentCalls->prepare(delivery, std::move(*secrets), [this, delivery](AgentCallPreparer::Prepared prepared) {
                if (auto *outcome = std::get_if<AttemptOutcome>(&prepared)) {
                    finish(delivery, *outcome);
                    return;
                }
                auto &ready = std::get<AgentCallPreparer::Ready>(prepared);
                send(delivery, std::move(ready.secrets), ready.target, ready.address);
            });
        });
    }
    if (!m_running)
        return;
    if (m_pokedWhileClaiming || count >= m_options.claimBatch)
        pump();
    else
        scheduleWake();
}

void DeliveryWorker::send(const ClaimedDelivery &delivery, ActionSecrets secrets, const QString &target, const QHostAddress &targetAddress)
{
    if (stalledSinceClaim(delivery)) {
        abandonStale(delivery, QStringLiteral("this engine stalled for more than %1 s after claiming it").arg(m_options.staleClaimMs / 1000.0));
        return;
    }
    // The monotonic clock stands still while the machine sleeps; the claim lapses by the wall
    // clock, and another engine may have claimed the delivery meanwhile. Not sent when the claim
    // lapses before this attempt could time out.
    if (now() + delivery.action.timeoutMs >= delivery.claimedUntil) {
        abandonStale(delivery, QStringLiteral("its claim lapses before the attempt could end (the machine slept, or the engine was held up)"));
        return;
    }
    OutgoingDelivery out;
    out.deliveryId = delivery.id;
    out.action = delivery.action;
    out.payload.body = delivery.payload;
    // Never the target stored with the delivery: before the agent's endpoint came from its
    // registration, it was taken from the event, and such deliveries may still be pending.
    out.payload.target = target;
    out.payload.targetAddress = targetAddress;
    out.secrets = std::move(secrets);
    out.attempt = delivery.attempts + 1;
    out.isTest = delivery.isTest;
    m_sender->send(out, [this, delivery](AttemptOutcome outcome) { finish(delivery, outcome); });
}

bool DeliveryWorker::stalledSinceClaim(const ClaimedDelivery &delivery)
{
    // The tick that would say so may still be queued behind this call.
    if (m_lastTick.isValid() && m_lastTick.elapsed() > m_options.staleClaimMs) {
        ++m_stalls;
        m_lastTick.start();
    }
    return m_claimedAfter.value(delivery.id, m_stalls) != m_stalls;
}

void DeliveryWorker::abandonStale(const ClaimedDelivery &delivery, const QString &why)
{
    qCWarning(lcDelivery).noquote() << QStringLiteral("delivery %1 not sent: %2, so another engine may be sending it; the claim is given "
                                                      "up and the delivery sent again under the same id")
                                           .arg(delivery.id, why);
    --m_inFlight;
    m_sending.remove(delivery.id);
    m_claimedAfter.remove(delivery.id);
    then(m_writer->run([holder = m_holder, id = delivery.id](Store &store) { return TriggerStore(store).releaseClaims(holder, {id}); }), this,
         [this](Result<qint64> released) {
             if (!released)
                 qCWarning(lcDelivery) << "Could not give up a stale claim (it lapses by itself):" << released.error().toString();
             if (m_running && !m_claiming)
                 pump();
             else
                 flush();   // a stop waiting on the attempts in flight sees this one end
         });
}

void DeliveryWorker::finish(const ClaimedDelivery &delivery, const AttemptOutcome &outcome)
{
    --m_inFlight;
    m_sending.remove(delivery.id);
    m_claimedAfter.remove(delivery.id);
    DeliveryAttempt attempt;
    attempt.deliveryId = delivery.id;
    attempt.holder = m_holder;
    if (outcome.httpStatus > 0)
        attempt.httpStatus = outcome.httpStatus;
    attempt.durationMs = outcome.durationMs;
    attempt.error = outcome.error;
    attempt.errorCode = outcome.code;
    attempt.errorDetail = outcome.detail;
    attempt.responseExcerpt = outcome.responseExcerpt;
    attempt.at = now();
    attempt.failingAfterMs = delivery.action.failingAfterMs;
    const int attemptNumber = delivery.attempts + 1;
    switch (outcome.kind) {
    case AttemptOutcome::Kind::Success:
        attempt.outcome = DeliveryAttempt::Outcome::Success;
        break;
    case AttemptOutcome::Kind::Fail:
        attempt.outcome = DeliveryAttempt::Outcome::Fail;
        break;
    case AttemptOutcome::Kind::Gone:
        attempt.outcome = DeliveryAttempt::Outcome::Hold;
        break;
    case AttemptOutcome::Kind::Retry: {
        const double jitter = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
        const RetrySchedule &schedule = delivery.action.retry;
        const auto next = schedule.nextAttemptAt(attemptNumber - delivery.scheduleFrom, attempt.at, jitter, outcome.retryAfterMs);
        if (!next) {
            attempt.outcome = DeliveryAttempt::Outcome::Fail;
            attempt.error = tr("%1 — not delivered after %n attempt(s): the retry schedule (%2) is spent. Resend it when the receiver is back.",
                               nullptr, attemptNumber - delivery.scheduleFrom)
                                .arg(outcome.error, schedule.describe());
        } else {
            attempt.outcome = DeliveryAttempt::Outcome::Retry;
            attempt.nextAttemptAt = *next;
        }
        break;
    }
    }
    m_finished.append(attempt);
    if (m_finished.size() >= m_options.flushBatch || !m_running)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (m_running && !m_claiming)
        pump();
}

void DeliveryWorker::flush()
{
    if (m_flushing || m_finished.isEmpty()) {
        if (!m_running && !m_flushing && m_finished.isEmpty() && m_stopped && (m_inFlight == 0 || m_drainOver))
            std::exchange(m_stopped, {})();
        return;
    }
    m_flushing = true;
    const QList<DeliveryAttempt> batch = std::exchange(m_finished, {});
    then(m_writer->run([batch](Store &store) { return TriggerStore(store).recordAttempts(batch); }), this, [this, batch](Status recorded) {
            m_flushing = false;
            if (!recorded && m_running) {
                // Kept and recorded a moment later (a deadlock, a connection reset): dropped, the
                // claims would lapse and the deliveries be sent again, same ids, to receivers
                // that answered them (a Telegram chat or an MCP tool cannot tell).
                qCWarning(lcDelivery) << "Could not record" << batch.size() << "attempts; trying again in" << RecordRetryMs << "ms:"
                                      << recorded.error().toString();
                m_finished = batch + m_finished;
                QTimer::singleShot(RecordRetryMs, this, &DeliveryWorker::flush);
                return;
            }
            if (!recorded) {
                // Stopping: the claims lapse and the deliveries are sent again, same ids.
                qCWarning(lcDelivery) << "Could not record" << batch.size() << "attempts:" << recorded.error().toString();
            } else {
                Q_EMIT attemptsRecorded(int(batch.size()));
            }
            if (!m_finished.isEmpty() || (!m_running && m_stopped))
                flush();
            // A retry due soon needs a wake-up even when nothing else arrives.
            if (m_running && !m_claiming)
                scheduleWake();
        });
}

void DeliveryWorker::scheduleWake()
{
    if (!m_running)
        return;
    then(m_writer->run([](Store &store) { return TriggerStore(store).nextDueAt(); }), this, [this](Result<std::optional<qint64>> next) {
            if (!m_running)
                return;
            qint64 wait = m_options.idlePollMs;
            if (next && *next)
                wait = std::clamp<qint64>(**next - now(), 0, m_options.idlePollMs);
            // Due but claimed (in flight here or elsewhere): look again a little later, not at once.
            if (m_lastClaimEmpty)
                wait = std::max<qint64>(wait, EmptyClaimPauseMs);
            if (!m_wakeTimer.isActive() || m_wakeTimer.remainingTime() > wait)
                m_wakeTimer.start(int(wait));
        });
}

} // namespace arbor
