#include "engine/triggerservice.h"

#include "util/workerthread.h"

#include "engine/deliverybell.h"
#include "engine/enginecontext.h"
#include "engine/futures.h"
#include "engine/indexingservice.h"
#include "engine/leasekeeper.h"
#include "engine/triggerrunner.h"
#include "secrets/secretresolver.h"

#include <QNetworkAccessManager>
#include "store/actionstore.h"
#include "store/triggerstore.h"
#include "util/continuation.h"

#include <limits>

namespace arbor {

TriggerService::TriggerService(EngineContext &context, IndexingService &indexing, QObject *parent)
    : EngineService(context, parent)
    , m_indexing(indexing)
    , m_bell(std::make_shared<DeliveryBell>())
{
    // Evaluation and delivery are once-only chores: they follow the coordinator's role.
    connect(&context, &EngineContext::coordinatorChanged, this, [this](bool coordinates) {
        if (coordinates)
            start();
        else
            retireRunner();
    });
}

void TriggerService::retireRunner()
{
    if (!m_runner)
        return;
    m_retired = std::move(m_runner);
    m_retiredDone = m_retired->shutdown();
    then(m_retiredDone, this, [this] { m_retired.reset(); });
}

TriggerService::~TriggerService() = default;

void TriggerService::start()
{
    // Only an indexing engine that holds the lease evaluates and delivers: one-shot commands
    // and read-only consoles leave it to the engine that does.
    if (!m_context.options().indexing || m_context.readOnly() || !m_context.holdsLease() || m_runner)
        return;
    TriggerRunner::HeadOf headOf = [this](qint64 chainId) -> std::optional<qint64> {
        for (const ChainStatus &status : m_indexing.chainStatuses()) {
            if (status.chainId == chainId)
                return status.head;
        }
        return std::nullopt;
    };
    // Another engine releases this one's claims once it looks dead (no heartbeat for a chain
    // lease) and takes the coordinator's role once the database lease is stale: an attempt
    // claimed before a stall that long is not sent after it.
    DeliveryOptions delivery = m_context.options().delivery;
    if (m_context.shared()) {
        const qint64 deadAfterMs = std::min(m_context.options().chainLeaseMs, m_context.options().leaseStaleAfterMs);
        delivery.staleClaimMs = std::min(delivery.staleClaimMs, deadAfterMs / 2);
    }
    m_runner = std::make_unique<TriggerRunner>(m_context.writer(), m_context.lease()->holder().token, headOf, m_bell, delivery);
    connect(m_runner.get(), &TriggerRunner::deliveriesChanged, this, &TriggerService::deliveriesChanged);
    connect(&m_indexing, &IndexingService::chainPromoted, m_runner.get(),
            [this](qint64 chainId, qint64, qint64, std::optional<qint64>) { m_runner->evaluate(chainId); });
    m_runner->start();
}

QFuture<void> TriggerService::shutdown()
{
    QList<QFuture<void>> runners{m_runner ? m_runner->shutdown() : futures::finished()};
    if (m_retired)
        runners.append(m_retiredDone);
    return whenAll(runners, this);
}

QFuture<Result<TriggerRecord>> TriggerService::addTrigger(const TriggerDef &def)
{
    return then(m_context.write([def](Store &s) { return TriggerStore(s).addTrigger(def); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                Q_EMIT triggersChanged();
            return r;
        });
}

QFuture<Result<TriggerRecord>> TriggerService::updateTrigger(const TriggerDef &def)
{
    return then(m_context.write([def](Store &s) { return TriggerStore(s).updateTrigger(def); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                Q_EMIT triggersChanged();
            return r;
        });
}

QFuture<Result<TriggerRecord>> TriggerService::setTriggerEnabled(qint64 triggerId, bool enabled)
{
    return then(m_context.write([triggerId, enabled](Store &s) { return TriggerStore(s).setEnabled(triggerId, enabled); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                Q_EMIT triggersChanged();
            return r;
        });
}

QFuture<Status> TriggerService::deleteTrigger(qint64 triggerId)
{
    return then(m_context.write([triggerId](Store &s) { return TriggerStore(s).deleteTrigger(triggerId); }), this, [this](Status s) {
        if (s) {
            Q_EMIT triggersChanged();
            Q_EMIT deliveriesChanged();   // its open deliveries were cancelled
        }
        return s;
    });
}

QFuture<Result<QList<TriggerRecord>>> TriggerService::triggers(std::optional<qint64> chainId)
{
    return m_context.read([chainId](Store &s) { return TriggerStore(s).triggers(chainId); });
}

QFuture<Result<TriggerRecord>> TriggerService::trigger(qint64 triggerId)
{
    return m_context.read([triggerId](Store &s) { return TriggerStore(s).trigger(triggerId); });
}

namespace {

Result<DryRunResult> dryRun(Store &s, const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to)
{
    return TriggerStore(s).dryRun(def, from.value_or(0), to.value_or(std::numeric_limits<qint64>::max()));
}

} // namespace

QFuture<Result<DryRunResult>> TriggerService::dryRunTrigger(const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to)
{
    return m_context.read([def, from, to](Store &s) { return dryRun(s, def, from, to); });
}

QFuture<Result<DryRunResult>> TriggerService::dryRunTrigger(qint64 triggerId, std::optional<qint64> from, std::optional<qint64> to)
{
    return m_context.read([triggerId, from, to](Store &s) -> Result<DryRunResult> {
        auto stored = TriggerStore(s).trigger(triggerId);
        if (!stored)
            return stored.error();
        return dryRun(s, stored->def, from, to);
    });
}

QFuture<Result<ReplayResult>> TriggerService::replayTrigger(qint64 triggerId, qint64 from, qint64 to, std::optional<qint64> actionId)
{
    return then(m_context.write([triggerId, from, to, actionId, bell = m_bell](Store &s) {
                    auto r = TriggerStore(s).replay(triggerId, from, to, actionId);
                    if (r && r->created > 0)
                        bell->ring();
                    return r;
                }), this, [this](Result<ReplayResult> r) {
            if (r && r->created > 0)
                Q_EMIT deliveriesChanged();
            return r;
        });
}

QFuture<Result<std::pair<qint64, qint64>>> TriggerService::blocksBetween(qint64 chainId, qint64 fromMs, qint64 toMs)
{
    return m_context.read([chainId, fromMs, toMs](Store &s) { return TriggerStore(s).blocksBetween(chainId, fromMs, toMs); });
}

qint64 TriggerService::now() const
{
    const auto &clock = m_context.options().delivery.clock;
    return (clock ? clock : WallClock::system())->nowMs();
}

QFuture<Result<QList<ActionHealth>>> TriggerService::actionHealth(std::optional<qint64> triggerId, std::optional<qint64> alertRuleId)
{
    return m_context.read([now = now(), triggerId, alertRuleId](Store &s) { return ActionStore(s).actions(now, triggerId, alertRuleId); });
}

QFuture<Result<qint64>> TriggerService::setActionEnabled(const ActionRef &action, bool enabled)
{
    return then(m_context.write([action, enabled, now = now(), bell = m_bell](Store &s) -> Result<qint64> {
                    ActionStore actions(s);
                    if (auto exists = actions.action(action); !exists)
                        return exists.error();
                    if (!enabled) {
                        if (Status d = actions.disable(action, tr("disabled by an operator"), now); !d)
                            return d.error();
                        return qint64(0);
                    }
                    auto resumed = actions.enable(action, now);
                    if (resumed && *resumed > 0)
                        bell->ring();
                    return resumed;
                }), this, [this](Result<qint64> r) {
        if (r) {
            Q_EMIT actionsChanged();
            Q_EMIT deliveriesChanged();
        }
        return r;
    });
}

QFuture<Result<QList<DeadLetter>>> TriggerService::deadLetters(const DeadLetterFilter &filter)
{
    return m_context.read([filter](Store &s) { return ActionStore(s).deadLetters(filter); });
}

QFuture<Result<qint64>> TriggerService::resendDeadLetters(const DeadLetterFilter &filter)
{
    return then(m_context.write([filter, now = now(), bell = m_bell](Store &s) {
                    auto r = ActionStore(s).resendDead(filter, now);
                    if (r && *r > 0)
                        bell->ring();
                    return r;
                }), this, [this](Result<qint64> r) {
        if (r && *r > 0)
            Q_EMIT deliveriesChanged();
        return r;
    });
}

QFuture<Status> TriggerService::rotateSigningSecret(const ActionRef &action, const SecretRef &next, qint64 overlapMs)
{
    if (overlapMs < 0)
        return futures::ready(Status(Error::invalid(QStringLiteral("overlap"), tr("An overlap cannot be negative."))));
    return then(m_context.write([action, next, until = now() + overlapMs](Store &s) { return ActionStore(s).rotateSigningSecret(action, next, until); }),
                this, [this](Status r) {
                    if (r) {
                        Q_EMIT actionsChanged();
                        Q_EMIT triggersChanged();
                    }
                    return r;
                });
}

QFuture<Result<QList<ActionResult>>> TriggerService::triggerResults(const ResultFilter &filter)
{
    return m_context.read([filter](Store &s) { return TriggerStore(s).results(filter); });
}

QFuture<Result<QString>> TriggerService::resendResult(qint64 resultId)
{
    return then(m_context.write([resultId, bell = m_bell](Store &s) {
                    auto r = TriggerStore(s).resend(resultId);
                    if (r)
                        bell->ring();
                    return r;
                }), this, [this](Result<QString> r) {
        if (r)
            Q_EMIT deliveriesChanged();
        return r;
    });
}

QFuture<Result<TestDelivery>> TriggerService::sendTestDelivery(qint64 triggerId, qint64 actionId)
{
    return then(m_context
        .write([triggerId, actionId, bell = m_bell](Store &s) -> Result<TestDelivery> {
            TriggerStore triggers(s);
            auto stored = triggers.trigger(triggerId);
            if (!stored)
                return stored.error();
            // A test sends what a real delivery would, from a real event: the newest one the
            // trigger's conditions let through, so its templates see the values it fires on.
            auto sample = triggers.sampleEvent(stored->def);
            if (!sample)
                return sample.error();
            if (!sample->event) {
                return Error::notFound(QStringLiteral("event"),
                                       tr("The chain has no %1 event indexed yet to send a test with.")
                                           .arg(registryKindName(stored->def.registry)));
            }
            auto created = triggers.createTestDelivery(triggerId, actionId, *sample->event);
            if (!created)
                return created.error();
            bell->ring();
            return TestDelivery{*created, *sample};
        }), this, [this](Result<TestDelivery> r) {
            if (r)
                Q_EMIT deliveriesChanged();
            return r;
        });
}

QFuture<Result<SampleEvent>> TriggerService::previewEvent(const TriggerDef &def)
{
    return m_context.read([def](Store &s) { return TriggerStore(s).sampleEvent(def); });
}

QFuture<Result<QList<DeliveryMinute>>> TriggerService::deliveriesPerMinute(qint64 sinceMs)
{
    return m_context.read([sinceMs](Store &s) { return TriggerStore(s).deliveriesPerMinute(sinceMs); });
}

QFuture<Result<McpToolList>> TriggerService::listMcpTools(const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs)
{
    auto promise = futures::makePromise<Result<McpToolList>>();
    QNetworkAccessManager *network = m_context.network();
    const Status posted = m_context.onNetworkThread([=] {
        // On the network thread: its resolver reads the token, a sender of its own asks.
        auto ask = [=](const QString &secret) {
            auto *sender = new McpSender(network, network);
            sender->listTools(url, secret, timeoutMs, [promise, sender](Result<McpToolList> listed) {
                futures::fulfil(promise, std::move(listed));
                sender->deleteLater();
            });
        };
        if (!token) {
            ask(QString());
            return;
        }
        SecretResolver::forCurrentThread()->resolve(*token, [promise, ask](Result<QString> secret) {
            if (!secret) {
                futures::fulfil(promise, Result<McpToolList>(secret.error()));
                return;
            }
            ask(*secret);
        });
    });
    if (!posted)
        futures::fulfil(promise, Result<McpToolList>(posted.error()));
    return promise->future();
}

} // namespace arbor
