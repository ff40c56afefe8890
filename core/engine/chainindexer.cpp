#include "engine/chainindexer.h"

#include "engine/storethread.h"
#include "model/evmevents.h"
#include "rpc/evmjson.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcIndexer, "arbor.indexer")

namespace arbor {

QString indexPhaseName(IndexPhase phase)
{
    switch (phase) {
    case IndexPhase::Starting:
        return QStringLiteral("starting");
    case IndexPhase::CatchingUp:
        return QStringLiteral("catching up");
    case IndexPhase::Live:
        return QStringLiteral("live");
    case IndexPhase::RpcDown:
        return QStringLiteral("rpc down");
    case IndexPhase::Stalled:
        return QStringLiteral("stalled");
    case IndexPhase::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

/// One range being fetched: headers in batches and logs (split when a node refuses the span).
struct ChainIndexer::Fetch
{
    IndexBatch batch;
    bool withHeaders = true;
    std::optional<Address> only;
    QList<BlockHeader> headers;             ///< indexed by number - from
    QList<bool> haveHeader;
    QList<LogEntry> logs;
    int pending = 0;
    std::optional<Error> error;
    FetchDone done;
    QElapsedTimer timer;
};

ChainIndexer::ChainIndexer(qint64 chainId, StoreThread *writer, QList<EntityDef> entities, IndexerOptions options)
    : m_chainId(chainId)
    , m_writer(writer)
    , m_entities(std::move(entities))
    , m_options(std::move(options))
    , m_sizer(m_options.initialLogSpan, m_options.maxLogSpan)
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
}

ChainIndexer::~ChainIndexer() = default;

void ChainIndexer::start()
{
    m_running = true;
    m_clock.start();
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
    ++m_generation;
    m_headTimer.stop();
    m_healthTimer.stop();
    m_workTimer.stop();
    saveHealth();
    delete m_pool;   // aborts requests in flight without calling back
    m_pool = nullptr;
    setPhase(IndexPhase::Stopped);
}

void ChainIndexer::loadPlan()
{
    const quint64 generation = m_generation;
    m_writer->run([chainId = m_chainId](Store &s) { return s.indexPlan(chainId); }).then(this, [this, generation](Result<ChainIndexPlan> plan) {
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
        const ChainConfig &config = m_plan.chain.config;
        m_tokens = config.tokens;
        m_registries.clear();
        m_topics = {evmevents::transferTopic()};
        for (const RegistryRef &r : m_plan.registries) {
            m_registries[r.address] = r.kind;
            m_topics += evmevents::registryTopics(r.kind);
        }
        m_startBlock = config.startBlock.value_or(0);
        m_checkpoint = m_plan.checkpoint;
        m_checkpointHash = m_plan.checkpointHash;
        m_status.indexed = m_checkpoint;
        m_nextFetch = m_checkpoint ? *m_checkpoint + 1 : m_startBlock;
        m_ready.clear();
        m_inFlight = 0;
        if (!m_pool) {
            RpcPolicy policy = m_options.rpc;
            m_pool = new EndpointPool(m_network, m_plan.chain.endpoints, policy, this);
            connect(m_pool, &EndpointPool::healthChanged, this, [this] {
                m_healthDirty = true;
                // While every circuit is open the pool holds requests until one half-opens, so
                // no fetch fails to tell us for as long as the breaker backs off (a minute and
                // more): say so now.
                const QList<EndpointHealth> health = m_pool->health();
                const bool allOpen = !health.isEmpty()
                    && std::all_of(health.begin(), health.end(), [](const EndpointHealth &h) { return h.circuitOpen; });
                if (!allOpen || m_status.phase == IndexPhase::RpcDown || m_status.phase == IndexPhase::Stalled
                    || m_status.phase == IndexPhase::Stopped)
                    return;
                QStringList errors;
                for (const EndpointHealth &h : health)
                    errors.append(h.lastError);
                setPhase(IndexPhase::RpcDown, tr("Every RPC endpoint is failing; retrying by itself. %1").arg(errors.join(u"; ")));
            });
        }
        qCInfo(lcIndexer) << "chain" << m_chainId << "starts at block" << m_nextFetch << "with" << m_tokens.size() << "tokens and"
                          << m_registries.size() << "registries";
        pollHead();
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
    if (!m_running || !m_pool || m_headPollInFlight)
        return;
    m_headPollInFlight = true;
    const quint64 generation = m_generation;
    m_pool->pollHeads([this, generation](Result<qint64> head) {
        m_headPollInFlight = false;
        if (!m_running || generation != m_generation)
            return;
        if (!head) {
            rpcFailed(head.error());
            scheduleHeadPoll(retryDelayMs());
            return;
        }
        m_failures = 0;
        m_head = *head;
        m_status.head = *head;
        if (m_status.phase == IndexPhase::RpcDown)
            setPhase(IndexPhase::CatchingUp);
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
        pump();
    });
}

void ChainIndexer::verifyTip()
{
    // Nothing new to fetch: make sure the block we stopped at is still on the node's chain.
    const qint64 at = *m_checkpoint;
    const quint64 generation = m_generation;
    fetchRange(
        at, at, BatchMode::Head, std::nullopt,
        [this, generation, at](Result<IndexBatch> batch) {
            if (!m_running || generation != m_generation || !batch)
                return;
            if (m_checkpoint == at && batch->headers.first().hash != m_checkpointHash) {
                qCWarning(lcIndexer) << "chain" << m_chainId << ": block" << at << "changed on the node";
                handleReorg(at);
            }
        },
        false);
}

static std::optional<qint64> headTarget(const std::optional<qint64> &head, int confirmations, const std::optional<qint64> &stopAfter)
{
    if (!head)
        return std::nullopt;
    qint64 target = *head - confirmations;
    if (stopAfter)
        target = std::min(target, *stopAfter);
    return target;
}

void ChainIndexer::pump()
{
    if (!m_running || !m_pool)
        return;
    const auto target = headTarget(m_head, m_plan.chain.config.confirmations, m_options.stopAfterBlock);
    if (!target)
        return;
    while (m_inFlight < m_options.maxRangesInFlight && m_nextFetch <= *target)
        startHeadFetch();

    if (m_status.phase != IndexPhase::RpcDown && m_status.phase != IndexPhase::Stalled) {
        const qint64 behind = *target - m_checkpoint.value_or(m_startBlock - 1);
        setPhase(behind > std::max<qint64>(10, m_options.headerBatchSize) ? IndexPhase::CatchingUp : IndexPhase::Live);
    }
    if (m_nextFetch > *target && m_inFlight == 0)
        scheduleHeadPoll(m_plan.chain.config.pollIntervalMs);
}

void ChainIndexer::startHeadFetch()
{
    const auto target = headTarget(m_head, m_plan.chain.config.confirmations, m_options.stopAfterBlock);
    const qint64 from = m_nextFetch;
    const qint64 to = std::min(from + m_sizer.span() - 1, *target);
    m_nextFetch = to + 1;
    ++m_inFlight;
    const quint64 generation = m_generation;
    fetchRange(from, to, BatchMode::Head, std::nullopt, [this, generation, from, to](Result<IndexBatch> batch) {
        if (!m_running || generation != m_generation)
            return;
        --m_inFlight;
        if (!batch) {
            rpcFailed(batch.error());
            // Fetch this range again before anything after it can be promoted.
            QTimer::singleShot(retryDelayMs(), this, [this, generation, from, to] {
                if (!m_running || generation != m_generation)
                    return;
                ++m_inFlight;
                fetchRange(from, to, BatchMode::Head, std::nullopt, [this, generation, from](Result<IndexBatch> again) {
                    if (!m_running || generation != m_generation)
                        return;
                    --m_inFlight;
                    if (!again) {
                        rpcFailed(again.error());
                        // Give up on the pipeline; the next head poll restarts from the checkpoint.
                        ++m_generation;
                        m_inFlight = 0;
                        m_ready.clear();
                        m_promoting = false;
                        m_nextFetch = m_checkpoint ? *m_checkpoint + 1 : m_startBlock;
                        scheduleHeadPoll(retryDelayMs());
                        return;
                    }
                    m_ready.emplace(from, std::move(*again));
                    promoteReady();
                    pump();
                });
            });
            return;
        }
        m_failures = 0;
        if (m_status.phase == IndexPhase::RpcDown)
            setPhase(IndexPhase::CatchingUp);
        m_ready.emplace(from, std::move(*batch));
        promoteReady();
        pump();
    });
}

void ChainIndexer::promoteReady()
{
    if (m_promoting || !m_running)
        return;
    const qint64 expected = m_checkpoint ? *m_checkpoint + 1 : m_startBlock;
    auto it = m_ready.find(expected);
    if (it == m_ready.end())
        return;
    IndexBatch batch = std::move(it->second);
    m_ready.erase(it);
    // Ranges that arrived while the writer was busy go in one promotion: fewer transactions and
    // derived-row recomputations when writing is the bottleneck, while the first range of a
    // catch-up still goes alone. Only ranges whose blocks link up as fetched are joined; a
    // break is left to the promotion's own parent-hash check.
    for (auto next = m_ready.find(batch.to + 1); next != m_ready.end(); next = m_ready.find(batch.to + 1)) {
        IndexBatch &more = next->second;
        if (more.headers.isEmpty() || batch.headers.isEmpty() || more.headers.first().parentHash != batch.headers.last().hash
            || more.to - batch.from + 1 > m_options.maxPromotionBlocks)
            break;
        batch.to = more.to;
        batch.headers.append(std::move(more.headers));
        batch.transfers.append(std::move(more.transfers));
        batch.agentEvents.append(std::move(more.agentEvents));
        batch.fetchMs += more.fetchMs;
        m_ready.erase(next);
    }
    m_promoting = true;
    const quint64 generation = m_generation;
    m_writer->run([batch, entities = m_entities](Store &s) { return s.promote(batch, entities); })
        .then(this, [this, generation, batch](Result<PromoteResult> result) { onPromoted(generation, batch, std::move(result)); });
}

void ChainIndexer::onPromoted(quint64 generation, const IndexBatch &batch, Result<PromoteResult> result)
{
    m_promoting = false;
    if (!m_running || generation != m_generation)
        return;
    if (!result) {
        const Error &e = result.error();
        if (e.kind == Error::Kind::Conflict && e.field == u"parent_hash") {
            handleReorg(batch.from - 1);
        } else if (e.kind == Error::Kind::Conflict && e.field == u"chain") {
            // Paused or being deleted under us: the Engine stops this indexer.
            setPhase(IndexPhase::Stopped, e.message);
        } else if (e.kind == Error::Kind::Conflict) {
            qCWarning(lcIndexer) << "chain" << m_chainId << ":" << e.message << "- reloading";
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
    while (m_rate.size() > 2 && m_rate.back().first - m_rate.front().first > RateWindowMs)
        m_rate.pop_front();
    if (m_rate.size() >= 2 && m_rate.back().first > m_rate.front().first)
        m_status.blocksPerSecond = double(m_rate.back().second - m_rate.front().second) * 1000.0
            / double(m_rate.back().first - m_rate.front().first);
    Q_EMIT promoted(m_chainId, batch.from, batch.to, m_checkpoint);
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
    const qint64 top = std::min(atBlock, *m_checkpoint);
    const qint64 low = std::max(m_startBlock, top - m_options.reorgWindow + 1);
    setPhase(IndexPhase::CatchingUp, tr("Reorganisation detected at block %1; looking for the common ancestor.").arg(atBlock + 1));

    m_writer->run([chainId = m_chainId, low, top](Store &s) { return s.blockHashes(chainId, low, top); })
        .then(this, [this, generation, low, top](Result<QList<std::pair<qint64, Hash>>> stored) {
            if (!m_running || generation != m_generation)
                return;
            if (!stored) {
                stall(stored.error());
                return;
            }
            auto compare = [this, generation, low, top, stored = *stored](Result<IndexBatch> node) {
                if (!m_running || generation != m_generation)
                    return;
                if (!node) {
                    rpcFailed(node.error());
                    QTimer::singleShot(retryDelayMs(), this, [this, generation, top] {
                        if (generation == m_generation)
                            handleReorg(top);
                    });
                    return;
                }
                std::optional<qint64> ancestor;
                Hash oldHash, newHash;
                for (auto it = stored.crbegin(); it != stored.crend(); ++it) {
                    const BlockHeader &h = node->headers.at(it->first - low);
                    if (h.hash == it->second) {
                        ancestor = it->first;
                        break;
                    }
                    oldHash = it->second;
                    newHash = h.hash;
                }
                if (!ancestor) {
                    if (low > m_startBlock) {
                        stall(Error::conflict(QStringLiteral("reorg"),
                                              tr("Chain %1 reorganised deeper than %2 blocks (no common ancestor since block %3). "
                                                 "Reindex the chain from an earlier block, or delete and re-add it.")
                                                  .arg(m_chainId).arg(m_options.reorgWindow).arg(low)));
                        return;
                    }
                    ancestor = m_startBlock - 1;
                }
                ReorgRecord reorg;
                reorg.chainId = m_chainId;
                reorg.detectedAt = QDateTime::currentDateTimeUtc();
                reorg.ancestorBlock = *ancestor;
                reorg.oldHead = *m_checkpoint;
                reorg.depth = *m_checkpoint - *ancestor;
                reorg.oldHash = oldHash;
                reorg.newHash = newHash;
                if (reorg.depth == 0) {
                    // The stored chain is intact: the mismatch was a node serving another fork
                    // for a moment. Fetch again.
                    m_nextFetch = *m_checkpoint + 1;
                    scheduleHeadPoll(retryDelayMs());
                    return;
                }
                m_writer->run([reorg, entities = m_entities](Store &s) { return s.rollBackTo(reorg, entities); })
                    .then(this, [this, generation, reorg](Status rolled) {
                        if (!m_running || generation != m_generation)
                            return;
                        if (!rolled) {
                            stall(rolled.error());
                            return;
                        }
                        qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: reorg of depth %2, rolled back to block %3")
                                                              .arg(m_chainId).arg(reorg.depth).arg(reorg.ancestorBlock);
                        ++m_status.reorgs;
                        Q_EMIT reorgHandled(reorg);
                        // Reload: the checkpoint and its hash now come from the rolled-back tables.
                        ++m_generation;
                        loadPlan();
                    });
            };
            fetchRange(low, top, BatchMode::Head, std::nullopt, compare, false);
        });
}

// --- gap fills, reindex requests, backfills --------------------------------------------------

void ChainIndexer::checkForWork()
{
    if (!m_running || m_specialBusy)
        return;
    const quint64 generation = m_generation;
    m_writer->run([chainId = m_chainId](Store &s) { return s.indexPlan(chainId); }).then(this, [this, generation](Result<ChainIndexPlan> plan) {
        if (!m_running || generation != m_generation || !plan || m_specialBusy)
            return;
        m_plan.reindexRequests = plan->reindexRequests;
        m_plan.backfills = plan->backfills;
        // Gaps are looked for below the checkpoint these ranges were read with, never above.
        m_plan.ranges = plan->ranges;
        m_plan.checkpoint = plan->checkpoint;
        if (plan->chain.config.tokens != m_tokens) {
            // Ranges fetched without the new token are refused by promote() and fetched again.
            m_tokens = plan->chain.config.tokens;
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
    const qint64 span = m_sizer.span();
    if (!m_plan.reindexRequests.isEmpty()) {
        ReindexRequest &r = m_plan.reindexRequests.first();
        const qint64 to = std::min(r.to, r.from + span - 1);
        job = Job{r.from, to, BatchMode::Reindex, std::nullopt, r.id, 0, to == r.to};
    } else if (!m_plan.backfills.isEmpty()) {
        Backfill &b = m_plan.backfills.first();
        const qint64 to = std::min(b.to, b.next + span - 1);
        job = Job{b.next, to, BatchMode::Backfill, b.address, 0, b.id, to == b.to};
    } else if (m_plan.checkpoint) {
        const QList<IndexRange> gaps = findGaps(m_plan.ranges, m_startBlock, *m_plan.checkpoint);
        if (!gaps.isEmpty()) {
            const qint64 to = std::min(gaps.first().to, gaps.first().from + span - 1);
            job = Job{gaps.first().from, to, BatchMode::Gap, std::nullopt, 0, 0, true};
            qCInfo(lcIndexer) << "chain" << m_chainId << ": filling the gap" << gaps.first().from << "-" << gaps.first().to;
        }
    }
    if (!job)
        return;
    m_specialBusy = true;
    const quint64 generation = m_generation;
    fetchRange(job->from, job->to, job->mode, job->only, [this, generation, job = *job](Result<IndexBatch> fetched) {
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
        m_writer->run([batch, entities = m_entities](Store &s) { return s.promote(batch, entities); })
            .then(this, [this, generation, job](Result<PromoteResult> result) {
                m_specialBusy = false;
                if (!m_running || generation != m_generation)
                    return;
                if (!result) {
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
                } else if (job.mode == BatchMode::Backfill) {
                    if (job.last)
                        m_plan.backfills.removeFirst();
                    else
                        m_plan.backfills.first().next = job.to + 1;
                } else {
                    m_plan.ranges.append({job.from, job.to});
                    std::sort(m_plan.ranges.begin(), m_plan.ranges.end(), [](const IndexRange &a, const IndexRange &b) { return a.from < b.from; });
                }
                Q_EMIT promoted(m_chainId, job.from, job.to, m_checkpoint);
                runSpecialWork();
            });
    });
}

// --- fetching -------------------------------------------------------------------------------

void ChainIndexer::fetchRange(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, FetchDone done, bool withLogs)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->batch.chainId = m_chainId;
    fetch->batch.from = from;
    fetch->batch.to = to;
    fetch->batch.mode = mode;
    fetch->batch.contract = only;
    fetch->batch.tokens = m_tokens;
    fetch->only = only;
    fetch->withHeaders = mode != BatchMode::Backfill;
    fetch->done = std::move(done);
    fetch->timer.start();
    fetch->pending = 1;   // held until every request is under way
    if (fetch->withHeaders) {
        fetch->headers.resize(to - from + 1);
        fetch->haveHeader.fill(false, to - from + 1);
        fetchHeaders(fetch, from, to);
    }
    const bool wantLogs = only || !m_tokens.isEmpty() || !m_registries.empty();
    if (withLogs && wantLogs)
        fetchLogs(fetch, from, to);
    if (--fetch->pending == 0)
        finishFetch(fetch);
}

void ChainIndexer::fetchHeaders(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), tr("Indexing has stopped."));
        return;
    }
    // In batches the endpoints accept: a provider's cap is learned from its first refusal.
    const qint64 perBatch = m_pool->batchLimit(m_options.headerBatchSize);
    if (to - from + 1 > perBatch) {
        for (qint64 a = from; a <= to; a += perBatch)
            fetchHeaders(fetch, a, std::min(to, a + perBatch - 1));
        return;
    }
    ++fetch->pending;
    static std::atomic<qint64> ids{1};
    const qint64 firstId = ids.fetch_add(to - from + 1);
    const QByteArray body = evmjson::blockBatchRequest(from, to, firstId);
    m_pool->send(
        body, int(to - from + 1), to,
        [fetch, from, to, firstId](const QByteArray &answer) -> Status {
            auto headers = evmjson::parseBlockBatch(answer, from, to, firstId);
            if (!headers)
                return headers.error();
            for (const BlockHeader &h : *headers) {
                const qint64 i = h.number - fetch->batch.from;
                fetch->headers[i] = h;
                fetch->haveHeader[i] = true;
            }
            return {};
        },
        [this, fetch, from, to](Status status) {
            if (!status && to > from && evmjson::isBatchTooLarge(status.error().message)) {
                qCDebug(lcIndexer) << "chain" << m_chainId << ": batch of" << (to - from + 1) << "headers refused; sending smaller ones";
                const qint64 mid = from + (to - from) / 2;
                fetchHeaders(fetch, from, mid);
                fetchHeaders(fetch, mid + 1, to);
            } else if (!status && !fetch->error) {
                fetch->error = status.error();
            }
            if (--fetch->pending == 0)
                finishFetch(fetch);
        });
}

void ChainIndexer::fetchLogs(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), tr("Indexing has stopped."));
        return;
    }
    ++fetch->pending;
    QList<Address> addresses;
    QList<Hash> topics;
    if (fetch->only) {
        addresses = {*fetch->only};
        const auto kind = m_registries.find(*fetch->only);
        topics = kind != m_registries.end() ? evmevents::registryTopics(kind->second) : QList<Hash>{evmevents::transferTopic()};
    } else {
        addresses = m_tokens;
        for (const auto &[address, kind] : m_registries)
            addresses.append(address);
        topics = m_topics;
    }
    static std::atomic<qint64> ids{1};
    const qint64 id = ids.fetch_add(1) + (qint64(1) << 40);
    auto found = std::make_shared<QList<LogEntry>>();
    m_pool->sendLogs(
        evmjson::logsRequest(from, to, addresses, topics, id), to - from + 1, to,
        [found, from, to, id](const QByteArray &answer) -> Status {
            auto logs = evmjson::parseLogs(answer, from, to, id);
            if (!logs)
                return logs.error();
            *found = std::move(*logs);
            return {};
        },
        [this, fetch, found, from, to](Status status) {
            if (const qint64 cap = m_pool ? m_pool->logRangeLimit() : 0; cap > 0)
                m_sizer.setMax(std::min(cap, m_options.maxLogSpan));
            if (status) {
                m_sizer.succeeded(to - from + 1, found->size());
                fetch->logs.append(std::move(*found));
            } else if (evmjson::isRangeTooLarge(status.error()) && to > from && m_sizer.tooLarge(to - from + 1)) {
                const qint64 mid = from + (to - from) / 2;
                qCDebug(lcIndexer) << "chain" << m_chainId << ": splitting eth_getLogs" << from << "-" << to;
                fetchLogs(fetch, from, mid);
                fetchLogs(fetch, mid + 1, to);
            } else if (!fetch->error) {
                fetch->error = status.error();
            }
            if (--fetch->pending == 0)
                finishFetch(fetch);
        });
}

void ChainIndexer::finishFetch(const std::shared_ptr<Fetch> &fetch)
{
    if (!fetch->done)
        return;
    FetchDone done = std::move(fetch->done);
    fetch->done = nullptr;
    if (fetch->error) {
        done(*fetch->error);
        return;
    }
    IndexBatch &batch = fetch->batch;
    if (fetch->withHeaders) {
        for (qsizetype i = 0; i < fetch->headers.size(); ++i) {
            if (!fetch->haveHeader[i])
                return done(Error::unavailable(QStringLiteral("rpc"), tr("Block %1 was not fetched.").arg(batch.from + i)));
            if (i > 0 && fetch->headers[i].parentHash != fetch->headers[i - 1].hash)
                return done(Error::unavailable(QStringLiteral("chain"),
                                               tr("Block %1 does not build on block %2 as fetched: the chain changed while it was "
                                                  "being read; fetching again.")
                                                   .arg(batch.from + i).arg(batch.from + i - 1)));
        }
        batch.headers = std::move(fetch->headers);
    }
    QList<LogEntry> &logs = fetch->logs;
    const auto inChainOrder = [](const LogEntry &a, const LogEntry &b) {
        return a.blockNumber != b.blockNumber ? a.blockNumber < b.blockNumber : a.logIndex < b.logIndex;
    };
    // Nodes answer in chain order; a split range arrives in pieces.
    if (!std::is_sorted(logs.cbegin(), logs.cend(), inChainOrder))
        std::sort(logs.begin(), logs.end(), inChainOrder);
    for (const LogEntry &log : logs) {
        if (fetch->withHeaders && log.blockHash != batch.headers.at(log.blockNumber - batch.from).hash)
            return done(Error::unavailable(QStringLiteral("chain"),
                                           tr("The logs of block %1 come from another fork than its header; fetching again.").arg(log.blockNumber)));
    }
    decode(logs, batch);
    batch.fetchMs = fetch->timer.elapsed();
    done(std::move(batch));
}

void ChainIndexer::decode(const QList<LogEntry> &logs, IndexBatch &batch)
{
    batch.transfers.reserve(logs.size());
    const Hash transfer = evmevents::transferTopic();
    for (const LogEntry &log : logs) {
        if (log.removed)
            continue;
        if (auto registry = m_registries.find(log.address); registry != m_registries.end()) {
            auto event = evmevents::decodeAgentEvent(log, registry->second);
            if (event) {
                batch.agentEvents.append(std::move(*event));
                continue;
            }
            ++m_status.skippedLogs;
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: skipped log %2 of block %3: %4")
                                                  .arg(m_chainId).arg(log.logIndex).arg(log.blockNumber).arg(event.error().message);
            continue;
        }
        if (log.topicCount > 0 && log.topics[0] == transfer) {
            auto decoded = evmevents::decodeTransfer(log);
            if (decoded) {
                batch.transfers.append(std::move(*decoded));
                continue;
            }
            ++m_status.skippedLogs;
            qCDebug(lcIndexer).noquote() << QStringLiteral("chain %1: skipped log %2 of block %3: %4")
                                                .arg(m_chainId).arg(log.logIndex).arg(log.blockNumber).arg(decoded.error().message);
        }
    }
}

// --- status ---------------------------------------------------------------------------------

void ChainIndexer::setPhase(IndexPhase phase, const QString &message)
{
    if (m_status.phase == phase && m_status.message == message)
        return;
    m_status.phase = phase;
    m_status.message = message;
    emitStatus();
}

void ChainIndexer::rpcFailed(const Error &error)
{
    ++m_failures;
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: %2").arg(m_chainId).arg(error.message);
    if (m_pool && m_pool->allDown())
        setPhase(IndexPhase::RpcDown, tr("Every RPC endpoint is failing; retrying by itself. %1").arg(error.message));
    else
        setPhase(m_status.phase, error.message);
    m_healthDirty = true;
}

void ChainIndexer::stall(const Error &error)
{
    ++m_failures;
    qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1 stalled: %2").arg(m_chainId).arg(error.message);
    setPhase(IndexPhase::Stalled, error.message);
}

int ChainIndexer::retryDelayMs()
{
    const int base = std::min(30000, 250 << std::min(m_failures, 7));
    return base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
}

void ChainIndexer::emitStatus()
{
    Q_EMIT statusChanged(m_status);
}

void ChainIndexer::saveHealth()
{
    // The rate is measured at promotions; with none for a while (at the head of a quiet chain)
    // it is zero, not the last catch-up speed.
    if (m_status.blocksPerSecond > 0 && (m_rate.empty() || m_clock.elapsed() - m_rate.back().first > RateWindowMs)) {
        m_rate.clear();
        m_status.blocksPerSecond = 0;
        emitStatus();
    }
    if (!m_pool || !m_healthDirty)
        return;
    m_healthDirty = false;
    QList<EndpointRecord> records;
    for (const EndpointHealth &h : m_pool->health()) {
        EndpointRecord e;
        e.id = h.id;
        e.url = h.url;
        e.priority = h.priority;
        e.status = h.status;
        if (h.latencyMs > 0)
            e.latencyMs = h.latencyMs;
        e.lastHead = h.lastHead;
        e.lastError = h.lastError;
        if (h.lastErrorAtMs > 0)
            e.lastErrorAt = QDateTime::fromMSecsSinceEpoch(h.lastErrorAtMs);
        e.errorRate = h.errorRate;
        e.requests = h.requests;
        e.failures = h.failures;
        e.maxRequestsPerSecond = h.maxRequestsPerSecond;
        e.limits = h.limits;
        e.servesHistory = h.servesHistory;
        e.historyNote = h.historyNote;
        records.append(e);
    }
    m_status.endpoints = records;
    m_writer->run([records](Store &s) { return s.saveEndpointHealth(records); });
    emitStatus();
}

} // namespace arbor
