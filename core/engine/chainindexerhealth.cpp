// ChainIndexer: its endpoints' health — saved and shown, an outage noticed and left at once
// when an endpoint answers again, and Probe now — and the status it reports (phase, failures,
// stalls).

#include "engine/chainindexer.h"

#include <algorithm>

#include "engine/storethread.h"
#include "store/chainregistry.h"
#include "util/continuation.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <utility>

namespace arbor {
namespace {

/// The calls `pool` sent since the last save, added to the chain's counts on the writer; given
/// back to the pool when the write fails, to go with the next save.
void saveCalls(qint64 chainId, EndpointPool *pool, StoreThread *writer)
{
    QHash<qint64, RpcCalls> calls = pool->takeCalls();
    if (calls.isEmpty())
        return;
    then(writer->run([chainId, calls](Store &s) { return ChainRegistry(s).addCalls(chainId, calls); }), pool, [pool, calls](Status saved) {
        if (!saved)
            pool->restoreCalls(calls);
    });
}

} // namespace

void ChainIndexer::onPoolHealth()
{
    m_healthDirty = true;
    // Down once every circuit is open (repeated failures), not on one failed request: a lone
    // endpoint's occasional 503 must neither show "rpc down" nor restart the ranges under way.
    const bool down = m_pool->allCircuitsOpen();
    const bool wasDown = std::exchange(m_poolDown, down);
    if (wasDown && !down) {
        // Only an outage the chain noticed restarts the pipeline: a single failed request on a
        // lone endpoint (its last outcome "unreachable" for a moment) must not drop the ranges
        // under way.
        if (m_status.headUnknown || m_status.phase == IndexPhase::RpcDown)
            resumeAfterOutage();
        return;
    }
    // Every endpoint unreachable: say so now rather than when the next fetch fails.
    if (!down || m_status.phase == IndexPhase::RpcDown || m_status.phase == IndexPhase::Stalled || m_status.phase == IndexPhase::Stopped)
        return;
    QStringList errors;
    for (const EndpointHealth &h : m_pool->health())
        errors.append(h.lastError);
    setPhase(IndexPhase::RpcDown, tr("Every RPC endpoint is failing; retrying by itself. %1").arg(errors.join(u"; ")));
}

void ChainIndexer::resumeAfterOutage()
{
    if (!m_running || m_rollingBack)
        return;
    qCInfo(lcIndexer) << "chain" << m_chainId << "has an RPC endpoint answering again";
    m_failures = 0;
    m_fetchResumeAtMs = 0;
    // Ranges waiting out a retry after the outage start again from the checkpoint now, unless a
    // promotion is under way (its result moves the pipeline on by itself).
    if (!m_promoting && m_inFlight > 0) {
        ++m_generation;
        m_inFlight = 0;
        m_ready.clear();
        fetchFromCheckpoint();
        m_headPollInFlight = false;
    }
    if (m_headPollScheduled) {
        m_headTimer.stop();
        m_headPollScheduled = false;
    }
    pollHead();
}

void ChainIndexer::probeNow(std::function<void(QList<EndpointRecord>)> done)
{
    if (!m_running || !m_pool) {
        done(m_status.endpoints);
        return;
    }
    const quint64 generation = m_generation;
    m_pool->probeNow([this, generation, done = std::move(done)](const QList<EndpointHealth> &) {
        takeEndpointHealth();
        emitStatus();
        done(m_status.endpoints);
        if (!m_running || generation != m_generation || m_pool->allDown())
            return;
        if (m_status.headUnknown || m_status.phase == IndexPhase::RpcDown)
            resumeAfterOutage();
        else
            pollHead();
    });
}

void ChainIndexer::saveHealth()
{
    checkProgress();
    // The rate is measured at promotions; with none for a while (at the head of a quiet chain)
    // it is zero, not the last catch-up speed.
    if (m_status.blocksPerSecond > 0 && (m_rate.empty() || m_clock.elapsed() - m_rate.back().first > RateWindowMs)) {
        m_rate.clear();
        m_status.blocksPerSecond = 0;
        emitStatus();
    }
    if (!m_pool)
        return;
    saveCalls(m_chainId, m_pool, m_writer);
    if (!m_healthDirty)
        return;
    m_healthDirty = false;
    takeEndpointHealth();
    m_writer->run([records = m_status.endpoints](Store &s) { return ChainRegistry(s).saveEndpointHealth(records); });
    emitStatus();
}

void ChainIndexer::takeEndpointHealth()
{
    QList<EndpointRecord> records;
    for (const EndpointHealth &h : m_pool->health())
        records.append(h.record());
    m_status.endpoints = records;
}

// --- status ---------------------------------------------------------------------------------

void ChainIndexer::setPhase(IndexPhase phase, const QString &message, bool noProgress)
{
    // Words of Arbor's own (numbers worded here) carry no code; the same words again keep theirs.
    const bool same = m_status.message == message;
    showPhase(phase, message, same ? m_status.messageCode : QString(), same ? m_status.messageArgs : QStringList(), noProgress);
}

void ChainIndexer::setPhase(IndexPhase phase, const Error &error)
{
    showPhase(phase, error.message, error.code, error.codeArgs, false);
}

void ChainIndexer::showPhase(IndexPhase phase, const QString &message, const QString &code, const QStringList &args, bool noProgress)
{
    noProgress = noProgress && phase == IndexPhase::Stalled;
    if (m_status.phase == phase && m_status.message == message && m_status.noProgress == noProgress && m_status.messageCode == code
        && m_status.messageArgs == args)
        return;
    m_status.phase = phase;
    m_status.message = message;
    m_status.messageCode = code;
    m_status.messageArgs = args;
    m_status.noProgress = noProgress;
    if (!noProgress) {
        m_status.lastProblem.clear();
        m_status.lastProblemCode.clear();
        m_status.lastProblemArgs.clear();
    }
    emitStatus();
}

void ChainIndexer::rpcFailed(const Error &error, bool sayWhy)
{
    ++m_failures;
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: %2").arg(m_chainId).arg(error.message);
    // Down once every circuit is open, as onPoolHealth() says too: a lone endpoint's single 503
    // on the head poll is not an outage.
    if (m_pool && m_pool->allCircuitsOpen())
        setPhase(IndexPhase::RpcDown, tr("Every RPC endpoint is failing; retrying by itself. %1").arg(error.message));
    else if (sayWhy && m_status.phase != IndexPhase::Stalled)   // a stall keeps saying why
        setPhase(m_status.phase, error);
    m_healthDirty = true;
}

void ChainIndexer::standDown(const Error &error)
{
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: lease lost - %2").arg(m_chainId).arg(error.message);
    setPhase(IndexPhase::Stopped, error.message);
    stop();
    Q_EMIT leaseLost(m_chainId, error.message);
}

void ChainIndexer::stall(const Error &error)
{
    ++m_failures;
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1 stalled: %2").arg(m_chainId).arg(error.message);
    setPhase(IndexPhase::Stalled, error);
}

int ChainIndexer::retryDelayMs()
{
    const int base = std::min(30000, 250 << std::min(m_failures, 7));
    return base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
}

void ChainIndexer::emitStatus()
{
    m_status.skippedLogs = m_fetcher.skippedLogs();
    Q_EMIT statusChanged(m_status);
}

} // namespace arbor
