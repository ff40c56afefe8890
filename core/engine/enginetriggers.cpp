// Engine: triggers and actions (DESIGN.md §9): definitions, dry runs, replays, results, and the
// TriggerService that evaluates after each promotion and sends the outbox.

#include "engine/engine.h"

#include "engine/alertservice.h"
#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "engine/leasekeeper.h"
#include "engine/storethread.h"
#include "engine/triggerservice.h"
#include "store/triggerstore.h"
#include "util/continuation.h"

namespace arbor {

using futures::ready;

void Engine::startTriggers()
{
    // Only an indexing engine that holds the lease evaluates and delivers: one-shot commands
    // and read-only consoles leave it to the engine that does.
    if (!m_options.indexing || m_state.readOnly || m_triggers)
        return;
    TriggerService::HeadOf headOf = [this](qint64 chainId) -> std::optional<qint64> {
        for (const ChainStatus &status : chainStatuses()) {
            if (status.chainId == chainId)
                return status.head;
        }
        return std::nullopt;
    };
    m_triggers = std::make_unique<TriggerService>(m_writer.get(), m_lease->holder().token, headOf, m_options.delivery);
    connect(m_triggers.get(), &TriggerService::deliveriesChanged, this, &Engine::deliveriesChanged);
    connect(this, &Engine::chainPromoted, m_triggers.get(),
            [this](qint64 chainId, qint64, qint64, std::optional<qint64>) { m_triggers->evaluate(chainId); });
    m_triggers->start();
    m_alerts->startRecording(m_writer.get(), [this] {
        if (m_triggers)
            m_triggers->wakeDelivery();
        Q_EMIT deliveriesChanged();
    });
}

void Engine::afterTriggerWrite()
{
    Q_EMIT triggersChanged();
    if (m_triggers)
        m_triggers->wakeDelivery();
}

QFuture<Result<TriggerRecord>> Engine::addTrigger(const TriggerDef &def)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<TriggerRecord>>(s.error());
    return then(m_writer->run([def](Store &s) { return TriggerStore(s).addTrigger(def); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                afterTriggerWrite();
            return r;
        });
}

QFuture<Result<TriggerRecord>> Engine::updateTrigger(const TriggerDef &def)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<TriggerRecord>>(s.error());
    return then(m_writer->run([def](Store &s) { return TriggerStore(s).updateTrigger(def); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                afterTriggerWrite();
            return r;
        });
}

QFuture<Result<TriggerRecord>> Engine::setTriggerEnabled(qint64 triggerId, bool enabled)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<TriggerRecord>>(s.error());
    return then(m_writer->run([triggerId, enabled](Store &s) { return TriggerStore(s).setEnabled(triggerId, enabled); }), this, [this](Result<TriggerRecord> r) {
            if (r)
                afterTriggerWrite();
            return r;
        });
}

QFuture<Status> Engine::deleteTrigger(qint64 triggerId)
{
    if (Status s = checkWritable(); !s)
        return ready<Status>(s);
    return then(m_writer->run([triggerId](Store &s) { return TriggerStore(s).deleteTrigger(triggerId); }), this, [this](Status s) {
        if (s)
            afterTriggerWrite();
        return s;
    });
}

QFuture<Result<QList<TriggerRecord>>> Engine::triggers(std::optional<qint64> chainId)
{
    return m_reader->run([chainId](Store &s) { return TriggerStore(s).triggers(chainId); });
}

QFuture<Result<TriggerRecord>> Engine::trigger(qint64 triggerId)
{
    return m_reader->run([triggerId](Store &s) { return TriggerStore(s).trigger(triggerId); });
}

namespace {

Result<DryRunResult> dryRun(Store &s, const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to)
{
    return TriggerStore(s).dryRun(def, from.value_or(0), to.value_or(std::numeric_limits<qint64>::max()));
}

} // namespace

QFuture<Result<DryRunResult>> Engine::dryRunTrigger(const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to)
{
    return m_reader->run([def, from, to](Store &s) { return dryRun(s, def, from, to); });
}

QFuture<Result<DryRunResult>> Engine::dryRunTrigger(qint64 triggerId, std::optional<qint64> from, std::optional<qint64> to)
{
    return m_reader->run([triggerId, from, to](Store &s) -> Result<DryRunResult> {
        auto stored = TriggerStore(s).trigger(triggerId);
        if (!stored)
            return stored.error();
        return dryRun(s, stored->def, from, to);
    });
}

QFuture<Result<ReplayResult>> Engine::replayTrigger(qint64 triggerId, qint64 from, qint64 to)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<ReplayResult>>(s.error());
    return then(m_writer->run([triggerId, from, to](Store &s) { return TriggerStore(s).replay(triggerId, from, to); }), this, [this](Result<ReplayResult> r) {
            if (r && r->created > 0)
                afterTriggerWrite();
            return r;
        });
}

QFuture<Result<QList<ActionResult>>> Engine::triggerResults(const ResultFilter &filter)
{
    return m_reader->run([filter](Store &s) { return TriggerStore(s).results(filter); });
}

QFuture<Result<QString>> Engine::resendResult(qint64 resultId)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<QString>>(s.error());
    return then(m_writer->run([resultId](Store &s) { return TriggerStore(s).resend(resultId); }), this, [this](Result<QString> r) {
        if (r)
            afterTriggerWrite();
        return r;
    });
}

QFuture<Result<QString>> Engine::sendTestDelivery(qint64 triggerId, qint64 actionId)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<QString>>(s.error());
    return then(m_writer
        ->run([triggerId, actionId](Store &s) -> Result<QString> {
            TriggerStore triggers(s);
            auto stored = triggers.trigger(triggerId);
            if (!stored)
                return stored.error();
            // The newest stored event of the trigger's registry: a test sends what a real
            // delivery would, from a real event.
            auto latest = triggers.latestEvent(stored->def.chainId, stored->def.registry);
            if (!latest)
                return latest.error();
            if (!*latest) {
                return Error::notFound(QStringLiteral("event"),
                                       tr("The chain has no %1 event indexed yet to send a test with.")
                                           .arg(registryKindName(stored->def.registry)));
            }
            return triggers.createTestDelivery(triggerId, actionId, **latest);
        }), this, [this](Result<QString> r) {
            if (r)
                afterTriggerWrite();
            return r;
        });
}

QFuture<Result<std::optional<TriggerEvent>>> Engine::latestTriggerEvent(qint64 chainId, RegistryKind registry)
{
    return m_reader->run([chainId, registry](Store &s) { return TriggerStore(s).latestEvent(chainId, registry); });
}

QFuture<Result<QList<DeliveryMinute>>> Engine::deliveriesPerMinute(qint64 sinceMs)
{
    return m_reader->run([sinceMs](Store &s) { return TriggerStore(s).deliveriesPerMinute(sinceMs); });
}

} // namespace arbor
