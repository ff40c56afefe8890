#include "engine/chainindexer.h"

#include "engine/storethread.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "util/continuation.h"

#include <QDateTime>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcIndexer, "arbor.indexer")
// Every range fetched and promoted, for profiling a catch-up: off unless asked for
// (QT_LOGGING_RULES="arbor.indexer.timeline.debug=true"); live, it is four lines a block.
Q_LOGGING_CATEGORY(lcTimeline, "arbor.indexer.timeline", QtInfoMsg)

namespace arbor {

ChainIndexer::ChainIndexer(qint64 chainId, StoreThread *writer, QList<EntityDef> entities, IndexerOptions options)
    : m_chainId(chainId)
    , m_writer(writer)
    , m_entities(std::move(entities))
    , m_options(std::move(options))
    , m_fetcher(chainId, FetchLimits{m_options.headerBatchSize, m_options.initialLogSpan, m_options.maxLogSpan})
    , m_guard(chainId, writer, &m_fetcher, m_entities, m_options.reorgWindow, m_options.leaseEpoch, this)
{
    qRegisterMetaType<arbor::ChainStatus>();
    qRegisterMetaType<arbor::ReorgRecord>();
    qRegisterMetaType<std::optional<qint64>>();
    m_status.chainId = chainId;
    m_headTimer.setSingleShot(true);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        m_headPollScheduled = false;
        pollHead();
    });
    m_healthTimer.setInterval(m_options.healthSaveIntervalMs);
    connect(&m_healthTimer, &QTimer::timeout, this, &ChainIndexer::saveHealth);
    m_workTimer.setInterval(m_options.workPollIntervalMs);
    connect(&m_workTimer, &QTimer::timeout, this, &ChainIndexer::checkForWork);
    // In slow start the next range goes as soon as the last one's logs are in, beside its headers.
    m_fetcher.setLogsAnswered([this] {
        if (m_running)
            pump();
    });
}

ChainIndexer::~ChainIndexer() = default;

void ChainIndexer::start()
{
    m_running = true;
    m_clock.start();
    m_progressAtMs = 0;
    // Timers were created on the Engine's thread; this object (and they) now live here.
    m_network = new QNetworkAccessManager(this);
    setPhase(IndexPhase::Starting);
    loadPlan();
    m_healthTimer.start();
    m_workTimer.start();
}

void ChainIndexer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_rollingBack = false;
    ++m_generation;
    m_headTimer.stop();
    m_healthTimer.stop();
    m_workTimer.stop();
    m_fetcher.setPool(nullptr);
    if (m_pool)
        m_pool->settleSent();   // the calls that went out are on the bill saved now
    saveHealth();
    delete m_pool;   // aborts requests in flight without calling back
    m_pool = nullptr;
    setPhase(IndexPhase::Stopped);
}

void ChainIndexer::loadPlan()
{
    const quint64 generation = m_generation;
    then(m_writer->run([chainId = m_chainId](Store &s) { return IndexStore(s).indexPlan(chainId); }), this, [this, generation](Result<ChainIndexPlan> plan) {
        if (!m_running || generation != m_generation)
            return;
        if (!plan) {
            stall(plan.error());
            QTimer::singleShot(retryDelayMs(), this, [this, generation] {
                if (generation == m_generation)
                    loadPlan();
            });
            return;
        }
        m_plan = std::move(*plan);
        m_rollingBack = false;
        const ChainConfig &config = m_plan.chain.config;
        m_fetcher.setContracts(config.tokens, m_plan.registries);
        m_startBlock = config.startBlock.value_or(0);
        m_checkpoint = m_plan.checkpoint;
        m_checkpointHash = m_plan.checkpointHash;
        m_status.indexed = m_checkpoint;
        // Until this engine hears from the node, when the chain's head was last reported (by an
        // earlier engine too): a console started into an outage shows the lag growing from then,
        // not "—".
        m_recordedHead.reset();
        for (const EndpointRecord &endpoint : std::as_const(m_plan.chain.endpoints)) {
            if (endpoint.lastHeadAt.isValid())
                m_status.headSeenAtMs = std::max(m_status.headSeenAtMs, endpoint.lastHeadAt.toMSecsSinceEpoch());
            if (endpoint.lastHead)
                m_recordedHead = std::max(m_recordedHead.value_or(*endpoint.lastHead), *endpoint.lastHead);
        }
        fetchFromCheckpoint();
        m_ready.clear();
        m_inFlight = 0;
        m_finalizedInFlight = false;
        if (!m_pool) {
            RpcPolicy policy = m_options.rpc;
            m_pool = new EndpointPool(m_network, m_plan.chain.endpoints, policy, this);
            connect(m_pool, &EndpointPool::healthChanged, this, &ChainIndexer::onPoolHealth);
            m_fetcher.setPool(m_pool);
        }
        // The sample taken when the chain was added says how many logs a block holds: the first
        // eth_getLogs go about that wide at once, not from 100 blocks up one call at a time.
        // A span the options fix (ARBOR_INDEX_RANGE_BLOCKS: as wide at first as at most) stays.
        if (m_plan.chain.sampledLogsPerBlock && m_options.initialLogSpan < m_options.maxLogSpan)
            m_fetcher.seedSpan(*m_plan.chain.sampledLogsPerBlock);
        qCInfo(lcIndexer) << "chain" << m_chainId << "starts at block" << m_nextFetch << "with" << m_fetcher.tokens().size() << "tokens and"
                          << m_fetcher.registryCount() << "registries";
        pollHead();
        // The history below the head an endpoint reported before, less the reorg window, goes
        // out beside the first head poll, not one round trip after it.
        pump();
        runSpecialWork();
    });
}

// --- head scan ------------------------------------------------------------------------------

void ChainIndexer::scheduleHeadPoll(int delayMs)
{
    if (m_headPollScheduled || m_headPollInFlight || !m_running)
        return;
    m_headPollScheduled = true;
    m_headTimer.start(delayMs);
}

void ChainIndexer::pollHead()
{
    if (!m_running || !m_pool || m_headPollInFlight || m_rollingBack)
        return;
    m_headPollInFlight = true;
    const quint64 generation = m_generation;
    m_pool->pollHeads([this, generation](Result<qint64> head) {
        m_headPollInFlight = false;
        if (!m_running || m_rollingBack)
            return;
        if (!head) {
            // No endpoint answered: the last head seen stays, and the lag grows from it.
            if (!m_status.headUnknown) {
                m_status.headUnknown = true;
                emitStatus();
            }
            if (generation == m_generation)
                rpcFailed(head.error());
            scheduleHeadPoll(retryDelayMs());
            return;
        }
        m_failures = 0;
        m_head = *head;
        const bool changed = m_status.head != *head || m_status.headUnknown;
        m_status.head = *head;
        m_status.headUnknown = false;
        m_status.headSeenAtMs = QDateTime::currentMSecsSinceEpoch();
        // The head is followed on its own schedule, whatever the range fetches meet (a node
        // that refuses eth_getLogs still reports its head): head and lag stay true.
        scheduleHeadPoll(m_plan.chain.config.pollIntervalMs);
        if (generation != m_generation)
            return;     // the pipeline was restarted meanwhile and polls for itself
        if (m_status.phase == IndexPhase::RpcDown)
            setPhase(IndexPhase::CatchingUp);
        else if (changed)
            emitStatus();
        const qint64 target = *head - m_plan.chain.config.confirmations;
        if (m_checkpoint && target < *m_checkpoint) {
            // A lagging node (or all of them): not an error, just nothing to do yet.
            setPhase(IndexPhase::Live, tr("The endpoints report head %1, below the indexed block %2; waiting for them to catch up.")
                                           .arg(*head).arg(*m_checkpoint));
            scheduleHeadPoll(m_plan.chain.config.pollIntervalMs);
            return;
        }
        if (m_checkpoint && target == *m_checkpoint && m_inFlight == 0 && m_ready.empty() && !m_promoting)
            verifyTip();
        refreshFinalized();
        pump();
    });
}

void ChainIndexer::verifyTip()
{
    // Nothing new to fetch: make sure the block we stopped at is still on the node's chain.
    const qint64 at = *m_checkpoint;
    const quint64 generation = m_generation;
    m_guard.checkTip(at, m_checkpointHash, [this, generation, at](Result<bool> intact) {
        if (!m_running || generation != m_generation || !intact)
            return;
        if (m_checkpoint == at && !*intact) {
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: block %2 changed on the node").arg(m_chainId).arg(at);
            handleReorg(at);
        }
    });
}

std::optional<qint64> ChainIndexer::fetchTarget() const
{
    // Before the node has answered, only what was final at the head recorded before: the chain
    // grows, so it still is. A node that is behind it now refuses those blocks like any other.
    const std::optional<qint64> head = m_head ? m_head : m_recordedHead;
    if (!head)
        return std::nullopt;
    qint64 target = *head - m_plan.chain.config.confirmations - (m_head ? 0 : m_options.reorgWindow);
    if (m_options.stopAfterBlock)
        target = std::min(target, *m_options.stopAfterBlock);
    return target;
}

void ChainIndexer::pump()
{
    if (!m_running || !m_pool)
        return;
    const auto target = fetchTarget();
    if (!target)
        return;
    if (const qint64 wait = m_fetchResumeAtMs - m_clock.elapsed(); wait > 0) {
        const quint64 generation = m_generation;
        QTimer::singleShot(int(wait), this, [this, generation] {
            if (generation == m_generation)
                pump();
        });
    } else {
        // Below the reorg window, while the log span is still growing from its start, one
        // eth_getLogs at a time: sparse history is read in a few wide calls, not in as many
        // narrow ones as fit in flight before the first answer (slow start). A range that waits
        // only for the headers of its logs' blocks does not hold the next one back.
        const auto mayStart = [this] {
            const bool slowStart = m_fetcher.spanGrowing() && scopeFor(BatchMode::Head, m_nextFetch) == HeaderScope::WithLogs;
            return m_inFlight < m_options.maxRangesInFlight && (!slowStart || m_fetcher.logsInFlight() == 0);
        };
        while (mayStart() && m_nextFetch <= *target)
            startHeadFetch();
    }

    if (m_head && m_status.phase != IndexPhase::RpcDown && m_status.phase != IndexPhase::Stalled) {
        const qint64 behind = *target - m_checkpoint.value_or(m_startBlock - 1);
        const IndexPhase phase = behind > std::max<qint64>(10, m_options.headerBatchSize) ? IndexPhase::CatchingUp : IndexPhase::Live;
        // The last problem stays said while the phase stays: head polls pump often, and a stall names it.
        setPhase(phase, phase == m_status.phase ? m_status.message : QString());
    }
    if (m_nextFetch > *target && m_inFlight == 0)
        scheduleHeadPoll(m_plan.chain.config.pollIntervalMs);
}

void ChainIndexer::checkProgress()
{
    // A chain that is behind and promotes nothing is stalled, whatever keeps it (a node that
    // does not serve the next block, an error that repeats), and says so with the last problem.
    const qint64 now = m_clock.elapsed();
    const auto target = fetchTarget();
    const qint64 behind = target ? *target - m_checkpoint.value_or(m_startBlock - 1) : 0;
    if (!m_running || m_status.phase == IndexPhase::Stalled)
        return;   // a promotion ends the stall
    if ((m_status.phase != IndexPhase::CatchingUp && m_status.phase != IndexPhase::Live) || behind <= 0)
        m_progressAtMs = now;
    if (now - m_progressAtMs < m_options.stallAfterMs)
        return;
    QString why = tr("No block indexed for %1 s while %n block(s) behind the head.", nullptr, int(std::min<qint64>(behind, 1000000000)))
                      .arg((now - m_progressAtMs) / 1000);
    if (!m_status.message.isEmpty())
        why += QLatin1Char(' ') + tr("Last problem: %1").arg(m_status.message);
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1 stalled: %2").arg(m_chainId).arg(why);
    m_status.lastProblem = m_status.message;
    m_status.lastProblemCode = m_status.messageCode;
    m_status.lastProblemArgs = m_status.messageArgs;
    setPhase(IndexPhase::Stalled, why, true);
}

void ChainIndexer::fetchFromCheckpoint()
{
    m_nextFetch = m_checkpoint ? *m_checkpoint + 1 : m_startBlock;
    m_linkNext = m_checkpoint.has_value();
}

void ChainIndexer::startHeadFetch()
{
    const auto target = fetchTarget();
    const qint64 from = m_nextFetch;
    const qint64 boundary = finalBoundary();
    const HeaderScope natural = scopeFor(BatchMode::Head, from);
    // Below the window a range is not linked to the block before it, which is final. Unless
    // that block was read inside the window (the range before, or the checkpoint of an earlier
    // run) and the window has moved past it since: the chain may have replaced it meanwhile.
    // The range after this one follows a final block again.
    const HeaderScope scope = natural == HeaderScope::WithLogs && m_linkNext ? HeaderScope::Linked : natural;
    m_linkNext = natural != HeaderScope::WithLogs;
    qint64 to = std::min(from + rangeSpan(scope) - 1, *target);
    if (scope == HeaderScope::WithLogs)
        to = std::min(to, boundary);   // the reorg window starts with every header
    if (const qint64 tip = tipStart(); from < tip && to >= tip)
        to = tip - 1;   // the newest blocks are read by hash, in a range of their own
    m_nextFetch = to + 1;
    fetchHeadRange(from, to, scope, false);
}

void ChainIndexer::fetchHeadRange(qint64 from, qint64 to, HeaderScope scope, bool again)
{
    ++m_inFlight;
    const quint64 generation = m_generation;
    qCDebug(lcTimeline).noquote() << QStringLiteral("chain %1: fetching blocks %2-%3 (%4 range(s) in flight)").arg(m_chainId).arg(from).arg(to).arg(m_inFlight);
    m_fetcher.fetch(from, to, BatchMode::Head, std::nullopt, scope, [this, generation, from, to, scope, again](Result<IndexBatch> batch) {
        if (!m_running || generation != m_generation)
            return;
        --m_inFlight;
        if (batch)
            qCDebug(lcTimeline).noquote() << QStringLiteral("chain %1: blocks %2-%3 fetched: %4 header(s), %5 transfer(s)")
                                                .arg(m_chainId).arg(from).arg(to).arg(batch->headers.size()).arg(batch->transfers.size());
        // Only the range promoted next says why the chain waits (later ones may fail for their own blocks).
        const bool next = from == (m_checkpoint ? *m_checkpoint + 1 : m_startBlock);
        if (!batch && !again) {
            rpcFailed(batch.error(), next);
            promoteReady();   // what was ready waits for no more ranges after a failure
            // Fetch this range again before anything after it can be promoted.
            QTimer::singleShot(retryDelayMs(), this, [this, generation, from, to, scope] {
                if (m_running && generation == m_generation)
                    fetchHeadRange(from, to, scope, true);
            });
            return;
        }
        if (!batch) {
            rpcFailed(batch.error(), next);
            // Give up on the pipeline; the next head poll restarts from the checkpoint.
            ++m_generation;
            m_inFlight = 0;
            m_ready.clear();
            m_promoting = false;
            m_headPollInFlight = false;
            fetchFromCheckpoint();
            m_fetchResumeAtMs = m_clock.elapsed() + retryDelayMs();
            scheduleHeadPoll(m_plan.chain.config.pollIntervalMs);
            return;
        }
        if (!again) {
            m_failures = 0;
            if (m_status.phase == IndexPhase::RpcDown)
                setPhase(IndexPhase::CatchingUp);
        }
        m_ready.emplace(from, std::move(*batch));
        // Fetches first: the promotion then knows what is in flight to wait for.
        pump();
        promoteReady();
    }, orderFor(from, to));
}

void ChainIndexer::promoteReady()
{
    if (m_promoting || !m_running)
        return;
    std::optional<IndexBatch> next = nextPromotion();
    if (!next)
        return;
    IndexBatch batch = std::move(*next);
    batch.leaseEpoch = m_options.leaseEpoch;
    m_promoting = true;
    qCDebug(lcTimeline).noquote() << QStringLiteral("chain %1: promoting blocks %2-%3").arg(m_chainId).arg(batch.from).arg(batch.to);
    const quint64 generation = m_generation;
    then(m_writer->run([batch, entities = m_entities](Store &s) { return IndexStore(s).promote(batch, entities); }), this, [this, generation, batch](Result<PromoteResult> result) { onPromoted(generation, batch, std::move(result)); });
}

void ChainIndexer::onPromoted(quint64 generation, const IndexBatch &batch, Result<PromoteResult> result)
{
    m_promoting = false;
    qCDebug(lcTimeline).noquote() << QStringLiteral("chain %1: blocks %2-%3 %4").arg(m_chainId).arg(batch.from).arg(batch.to).arg(result ? QStringLiteral("promoted") : QStringLiteral("not promoted"));
    if (!m_running || generation != m_generation)
        return;
    if (!result) {
        const Error &e = result.error();
        const std::optional<PromoteRefusal> refusal = promoteRefusal(e);
        if (refusal == PromoteRefusal::Fork) {
            handleReorg(batch.from - 1);
        } else if (refusal == PromoteRefusal::ChainInactive) {
            // Paused or being deleted under us: the Engine stops this indexer.
            setPhase(IndexPhase::Stopped, e.message);
        } else if (refusal == PromoteRefusal::LeaseLost) {
            standDown(e);
        } else if (refusal || e.kind == Error::Kind::Conflict) {
            // Refused as planned on stale state (a token added, the checkpoint moved), or another
            // writer's conflict: plan again from the tables.
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: %2 - reloading").arg(m_chainId).arg(e.message);
            ++m_generation;
            loadPlan();
        } else {
            stall(e);
            m_ready.emplace(batch.from, batch);
            QTimer::singleShot(retryDelayMs(), this, [this, generation] {
                if (generation == m_generation)
                    promoteReady();
            });
        }
        return;
    }
    if (m_status.phase == IndexPhase::Stalled)
        setPhase(IndexPhase::CatchingUp);
    m_checkpoint = result->checkpoint;
    m_checkpointHash = result->checkpointHash;
    m_status.indexed = m_checkpoint;
    if (!batch.headers.isEmpty() && m_checkpoint && batch.headers.constLast().number == *m_checkpoint)
        m_status.indexedTime = batch.headers.constLast().timestamp;
    m_rate.emplace_back(m_clock.elapsed(), *m_checkpoint);
    m_progressAtMs = m_clock.elapsed();
    while (m_rate.size() > 2 && m_rate.back().first - m_rate.front().first > RateWindowMs)
        m_rate.pop_front();
    if (m_rate.size() >= 2 && m_rate.back().first > m_rate.front().first)
        m_status.blocksPerSecond = double(m_rate.back().second - m_rate.front().second) * 1000.0
            / double(m_rate.back().first - m_rate.front().first);
    Q_EMIT promoted(m_chainId, batch.from, batch.to, m_checkpoint, result->tableRows);
    emitStatus();
    promoteReady();
    pump();
}

// --- reorgs ---------------------------------------------------------------------------------

void ChainIndexer::handleReorg(qint64 atBlock)
{
    // Drop everything fetched on the old fork; find where the forks meet.
    ++m_generation;
    m_ready.clear();
    m_inFlight = 0;
    m_headTimer.stop();
    m_headPollScheduled = false;
    const quint64 generation = m_generation;
    if (!m_checkpoint) {
        loadPlan();
        return;
    }
    setPhase(IndexPhase::CatchingUp, tr("Reorganisation detected at block %1; looking for the common ancestor.").arg(atBlock + 1));
    const qint64 top = std::min(atBlock, *m_checkpoint);
    m_rollingBack = true;
    m_guard.rollBackToAncestor(atBlock, *m_checkpoint, m_startBlock, [this, generation, top](ReorgOutcome outcome) {
        if (!m_running || generation != m_generation)
            return;
        m_rollingBack = false;
        switch (outcome.kind) {
        case ReorgOutcome::Kind::StoreFailed:
            if (promoteRefusal(outcome.error) == PromoteRefusal::LeaseLost) {
                standDown(outcome.error);
                return;
            }
            // A database that failed for a moment (a deadlock, a connection reset, a full
            // disk freed since): said, and the search for the ancestor made again.
            stall(outcome.error);
            QTimer::singleShot(retryDelayMs(), this, [this, generation, top] {
                if (m_running && generation == m_generation)
                    handleReorg(top);
            });
            return;
        case ReorgOutcome::Kind::TooDeep:
            stall(outcome.error);
            return;
        case ReorgOutcome::Kind::NodeFailed:
            rpcFailed(outcome.error);
            QTimer::singleShot(retryDelayMs(), this, [this, generation, top] {
                if (generation == m_generation)
                    handleReorg(top);
            });
            return;
        case ReorgOutcome::Kind::Intact:
            // The mismatch was a node serving another fork for a moment. Fetch again.
            fetchFromCheckpoint();
            scheduleHeadPoll(retryDelayMs());
            return;
        case ReorgOutcome::Kind::RolledBack:
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: reorg of depth %2, rolled back to block %3")
                                                  .arg(m_chainId).arg(outcome.reorg.depth).arg(outcome.reorg.ancestorBlock);
            ++m_status.reorgs;
            Q_EMIT reorgHandled(outcome.reorg);
            // Reload: the checkpoint and its hash now come from the rolled-back tables.
            ++m_generation;
            loadPlan();
            return;
        }
    });
}

// --- gap fills, reindex requests, backfills --------------------------------------------------

void ChainIndexer::checkForWork()
{
    if (!m_running)
        return;
    const quint64 generation = m_generation;
    then(m_writer->run([chainId = m_chainId](Store &s) { return IndexStore(s).indexPlan(chainId); }), this, [this, generation](Result<ChainIndexPlan> plan) {
        if (!m_running || generation != m_generation || !plan)
            return;
        // Edits are taken up even while a backfill or reindex runs; new work waits for it.
        if (!takeUpEdits(*plan) || m_specialBusy)
            return;
        m_plan.reindexRequests = plan->reindexRequests;
        m_plan.backfills = plan->backfills;
        // Gaps are looked for below the checkpoint these ranges were read with, never above.
        m_plan.ranges = plan->ranges;
        m_plan.checkpoint = plan->checkpoint;
        if (plan->chain.config.tokens != m_fetcher.tokens()) {
            // Ranges fetched without the new token are refused by promote() and fetched again.
            m_fetcher.setTokens(plan->chain.config.tokens);
            m_plan.chain = plan->chain;
        }
        runSpecialWork();
    });
}

void ChainIndexer::runSpecialWork()
{
    if (!m_running || m_specialBusy)
        return;
    struct Job
    {
        qint64 from, to;
        BatchMode mode;
        std::optional<Address> only;
        qint64 requestId = 0;
        qint64 backfillId = 0;
        bool last = false;
    };
    std::optional<Job> job;
    // A range below the reorg window spans what the logs allow; one with every header at most
    // maxPromotionBlocks, and ends where the window starts.
    const auto end = [this](BatchMode mode, qint64 from, qint64 last) {
        const qint64 to = std::min(last, from + rangeSpan(scopeFor(mode, from)) - 1);
        const qint64 boundary = finalBoundary();
        return from <= boundary && scopeFor(mode, from) == HeaderScope::WithLogs ? std::min(to, boundary) : to;
    };
    if (!m_plan.reindexRequests.isEmpty()) {
        ReindexRequest &r = m_plan.reindexRequests.first();
        const qint64 to = end(BatchMode::Reindex, r.from, r.to);
        job = Job{r.from, to, BatchMode::Reindex, std::nullopt, r.id, 0, to == r.to};
    } else if (!m_plan.backfills.isEmpty()) {
        Backfill &b = m_plan.backfills.first();
        const BatchMode mode = b.contractKind == u"headers" ? BatchMode::Headers : BatchMode::Backfill;
        const qint64 to = mode == BatchMode::Headers ? std::min(b.to, b.next + m_options.maxPromotionBlocks - 1)
                                                     : std::min(b.to, b.next + m_fetcher.span() - 1);
        job = Job{b.next, to, mode, mode == BatchMode::Backfill ? std::optional<Address>(b.address) : std::nullopt, 0, b.id, to == b.to};
    } else if (m_plan.checkpoint) {
        const QList<IndexRange> gaps = findGaps(m_plan.ranges, m_startBlock, *m_plan.checkpoint);
        if (!gaps.isEmpty()) {
            const qint64 to = end(BatchMode::Gap, gaps.first().from, gaps.first().to);
            job = Job{gaps.first().from, to, BatchMode::Gap, std::nullopt, 0, 0, true};
            qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: filling the gap %2-%3").arg(m_chainId).arg(gaps.first().from).arg(gaps.first().to);
        }
    }
    if (!job)
        return;
    m_specialBusy = true;
    const quint64 generation = m_generation;
    auto fetched = [this, generation, job = *job](Result<IndexBatch> fetched) {
        if (!m_running || generation != m_generation) {
            m_specialBusy = false;
            return;
        }
        if (!fetched) {
            m_specialBusy = false;
            rpcFailed(fetched.error());
            QTimer::singleShot(retryDelayMs(), this, &ChainIndexer::runSpecialWork);
            return;
        }
        IndexBatch batch = std::move(*fetched);
        batch.reindexRequestId = job.requestId;
        batch.backfillId = job.backfillId;
        batch.lastOfRequest = job.last;
        batch.leaseEpoch = m_options.leaseEpoch;
        then(m_writer->run([batch, entities = m_entities](Store &s) { return IndexStore(s).promote(batch, entities); }), this, [this, generation, job](Result<PromoteResult> result) {
                m_specialBusy = false;
                if (!m_running || generation != m_generation)
                    return;
                if (!result) {
                    if (promoteRefusal(result.error()) == PromoteRefusal::LeaseLost) {
                        standDown(result.error());
                        return;
                    }
                    stall(result.error());
                    QTimer::singleShot(retryDelayMs(), this, &ChainIndexer::checkForWork);
                    return;
                }
                // Advance the in-memory plan; the database holds the same state.
                if (job.mode == BatchMode::Reindex) {
                    if (job.last)
                        m_plan.reindexRequests.removeFirst();
                    else
                        m_plan.reindexRequests.first().from = job.to + 1;
                } else if (job.mode == BatchMode::Backfill || job.mode == BatchMode::Headers) {
                    if (job.last)
                        m_plan.backfills.removeFirst();
                    else
                        m_plan.backfills.first().next = job.to + 1;
                } else {
                    m_plan.ranges.append({job.from, job.to});
                    std::sort(m_plan.ranges.begin(), m_plan.ranges.end(), [](const IndexRange &a, const IndexRange &b) { return a.from < b.from; });
                }
                Q_EMIT promoted(m_chainId, job.from, job.to, m_checkpoint, result->tableRows);
                runSpecialWork();
            });
    };
    if (job->mode == BatchMode::Headers)
        m_fetcher.fetchHeaders(job->from, job->to, std::move(fetched), BatchMode::Headers);
    else
        m_fetcher.fetch(job->from, job->to, job->mode, job->only, scopeFor(job->mode, job->to), std::move(fetched),
                        job->to > windowBoundary() ? FetchOrder::HeadersFirst : FetchOrder::LogsFirst);
}

} // namespace arbor
