#include "engine/engine.h"

#include "engine/alertservice.h"
#include "engine/chainaddition.h"
#include "engine/chaindeletion.h"
#include "engine/databasestatsrecorder.h"
#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "engine/leasekeeper.h"
#include "engine/metricsrecorder.h"
#include "engine/storethread.h"
#include "engine/triggerservice.h"
#include "util/continuation.h"
#include "util/workerthread.h"
#include "model/entitydef.h"
#include "rpc/tokenprobe.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcEngine, "arbor.engine")

namespace arbor {

using futures::cancel;
using futures::fulfil;
using futures::makePromise;
using futures::ready;

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_lease(std::make_unique<LeaseKeeper>(LeaseHolder::currentProcess(m_options.app), m_options.heartbeatMs))
{
    qRegisterMetaType<arbor::ChainRecord>();
    qRegisterMetaType<QList<arbor::ChainRecord>>();
    qRegisterMetaType<arbor::EngineState>();
    m_state.backend = m_options.database.displayName();
    m_recorded = RecordedStatuses(std::max<qint64>(10, m_options.indexer.headerBatchSize));

    m_networkThread.setObjectName(QStringLiteral("arbor-network"));
    m_network = new QNetworkAccessManager;
    m_probe = new EndpointProbe(m_network);
    m_probe->setTimeout(m_options.probeTimeoutMs);
    m_network->moveToThread(&m_networkThread);
    m_probe->moveToThread(&m_networkThread);
    connect(&m_networkThread, &QThread::finished, m_probe, &QObject::deleteLater);
    connect(&m_networkThread, &QThread::finished, m_network, &QObject::deleteLater);
    runInBackground(&m_networkThread);
    m_networkThread.start();

    m_snapshotTimer.setObjectName(QStringLiteral("chainSnapshotTimer"));
    m_queueHealthTimer.setObjectName(QStringLiteral("queueHealthTimer"));
    m_queueMaintenance.setObjectName(QStringLiteral("queueMaintenanceTimer"));
    connect(m_lease.get(), &LeaseKeeper::lost, this, &Engine::setReadOnly);
    m_snapshotTimer.setInterval(std::max(100, m_options.snapshotIntervalMs));
    connect(&m_snapshotTimer, &QTimer::timeout, this, &Engine::refreshSnapshot);
    connect(this, &Engine::chainDeleted, this, [this](qint64 chainId) {
        if (m_indexers)
            m_indexers->forget(chainId);
    });
    createAlerts();
}

QFuture<Status> Engine::start()
{
    auto promise = makePromise<Status>();
    m_writer = std::make_unique<StoreThread>(QStringLiteral("arbor-store-writer"));
    m_reader = std::make_unique<StoreThread>(QStringLiteral("arbor-store-reader"));
    m_indexers = std::make_unique<IndexerSupervisor>(m_writer.get(), m_options.indexer, m_options.statusIntervalMs);
    connect(m_indexers.get(), &IndexerSupervisor::statusesChanged, this, &Engine::chainStatusChanged);
    connect(m_indexers.get(), &IndexerSupervisor::promoted, this, &Engine::chainPromoted);
    connect(m_indexers.get(), &IndexerSupervisor::reorgHandled, this, &Engine::reorgHandled);
    const DatabaseUrl url = m_options.database;
    const EngineOptions options = m_options;
    const LeaseHolder holder = m_lease->holder();

    struct Outcome
    {
        Outcome() = default;
        Outcome(Error e) : status(std::move(e)) {}
        Status status;
        std::optional<LeaseInfo> lease;
        QString leaseConflict;
        QList<qint64> deleting;
        QHash<qint64, QString> deletingNames;
    };

    // Each step gives up once shutdown() has been called: the stores it would use are closing.
    then(m_writer->open(url, m_options.password), this, [=, this](Status opened) {
        if (m_shuttingDown)
            return cancel(promise);
        if (!opened) {
            fulfil(promise, opened);
            return;
        }
        then(m_writer->run([options, holder](Store &store) -> Outcome {
            Outcome out;
            if (options.schema == EngineOptions::Schema::Inspect)
                return out;
            auto migrated = store.migrate();
            if (!migrated) {
                out.status = migrated.error();
                return out;
            }
            if (options.lease != EngineOptions::Lease::None) {
                auto lease = store.acquireLease(holder, options.leaseStaleAfterMs);
                if (lease) {
                    out.lease = *lease;
                } else if (lease.error().kind == Error::Kind::Conflict && options.lease == EngineOptions::Lease::ReadOnlyIfHeld) {
                    out.leaseConflict = lease.error().message;
                    return out;
                } else {
                    out.status = lease.error();
                    return out;
                }
            }
            if (auto changes = store.reconcileEntityTables(evmEntities()); !changes) {
                out.status = changes.error();
                return out;
            }
            if (out.lease) {
                if (Status counted = IndexStore(store).countActiveHoldersOnce(evmEntities()); !counted) {
                    out.status = counted.error();
                    return out;
                }
            }
            auto deleting = ChainRegistry(store).chainsBeingDeleted();
            if (!deleting) {
                out.status = deleting.error();
                return out;
            }
            out.deleting = *deleting;
            if (!deleting->isEmpty()) {
                if (auto all = ChainRegistry(store).chains()) {
                    for (const ChainRecord &c : *all)
                        out.deletingNames.insert(c.config.chainId, c.config.name);
                }
            }
            return out;
        }), this, [=, this](Outcome out) {
            if (m_shuttingDown)
                return cancel(promise);
            if (!out.status) {
                fulfil(promise, out.status);
                return;
            }
            if (!out.leaseConflict.isEmpty())
                setReadOnly(out.leaseConflict);
            if (out.lease) {
                if (!out.lease->tookOverFrom.isEmpty())
                    qCWarning(lcEngine) << "took over the lease of" << out.lease->tookOverFrom << "which is no longer running";
                m_lease->keep(m_writer.get());
            }
            then(m_reader->open(url, options.password), this, [=, this](Status readerOpened) {
                if (m_shuttingDown)
                    return cancel(promise);
                if (!readerOpened) {
                    fulfil(promise, readerOpened);
                    return;
                }
                m_state.started = true;
                Q_EMIT stateChanged(m_state);
                startQueue();
                startTriggers();
                startChartHistory();
                startDatabaseStats();
                startMaintenanceSchedule();
                // One-shot commands raise no alerts; the console and `serve` evaluate the rules.
                if (options.schema == EngineOptions::Schema::Migrate && options.snapshotIntervalMs > 0) {
                    reloadAlertRules();
                    m_alertRuleReload.start();
                }
                if (options.snapshotIntervalMs > 0) {
                    m_snapshotTimer.start();
                    refreshSnapshot();
                }
                if (out.deleting.isEmpty() || m_state.readOnly) {
                    fulfil(promise, Status());
                    return;
                }
                // Finish deletes a crash interrupted before anything else sees the chain.
                auto remaining = std::make_shared<int>(int(out.deleting.size()));
                for (qint64 chainId : out.deleting) {
                    qCInfo(lcEngine) << "finishing the interrupted deletion of chain" << chainId;
                    then(runDeletion(chainId), this, [=, this](Status s) {
                        if (!s)
                            qCWarning(lcEngine) << "could not finish deleting chain" << chainId << ":" << s.error().message;
                        else
                            m_finishedAtStart.insert(chainId, out.deletingNames.value(chainId));
                        if (--*remaining == 0)
                            fulfil(promise, Status());
                    });
                }
            });
        });
    });
    return promise->future();
}

Status Engine::checkWritable() const
{
    if (!m_state.started)
        return Error::unavailable(QStringLiteral("database"), tr("The engine has not started."));
    if (m_state.readOnly)
        return Error::refused(tr("The console is read-only: %1").arg(m_state.readOnlyReason));
    return {};
}

void Engine::setReadOnly(const QString &reason)
{
    // Without waiting: this runs on the GUI thread.
    if (m_indexers)
        m_indexers->stopAll();
    m_lease->stop();
    m_queueMaintenance.stop();
    if (m_queue)
        m_queue->stop();
    m_state.readOnly = true;
    m_state.readOnlyReason = reason;
    qCWarning(lcEngine) << "read-only:" << reason;
    Q_EMIT stateChanged(m_state);
}

QFuture<Result<MigrationStatus>> Engine::migrationStatus()
{
    return m_writer->run([](Store &s) { return s.migrationStatus(); });
}

QFuture<Result<int>> Engine::migrate()
{
    return m_writer->run([](Store &s) { return s.migrate(); });
}

QFuture<Result<QList<ProbeResult>>> Engine::probeEndpoints(const QList<QUrl> &urls, qint64 expectedChainId)
{
    auto promise = makePromise<Result<QList<ProbeResult>>>();
    EndpointProbe *probe = m_probe;
    QMetaObject::invokeMethod(probe, [probe, promise, urls, expectedChainId]() {
        probe->probe(urls, expectedChainId, [promise](QList<ProbeResult> results) {
            fulfil(promise, Result<QList<ProbeResult>>(std::move(results)));
        });
    });
    return promise->future();
}

QFuture<Result<ChainRecord>> Engine::addChain(const ChainConfig &requested)
{
    using R = Result<ChainRecord>;
    if (Status s = checkWritable(); !s)
        return ready<R>(s.error());

    ChainAddition::Services services;
    services.writer = m_writer.get();
    services.probeEndpoints = [this](const QList<QUrl> &urls, qint64 chainId) { return probeEndpoints(urls, chainId); };
    services.probeTokens = [this](const QUrl &url, const QList<Address> &tokens, qint64 head, std::optional<qint64> startBlock) {
        return probeTokens(url, tokens, head, startBlock);
    };
    auto *addition = new ChainAddition(requested, std::move(services), this);
    return then(addition->start(), this, [this](R added) {
        refreshSnapshot();
        return added;
    });
}

QFuture<Status> Engine::setPaused(const ChainRef &chain, bool paused)
{
    if (Status s = checkWritable(); !s)
        return ready(s);
    auto future = m_writer->run([chain, paused](Store &s) -> Status {
        auto found = ChainRegistry(s).findChain(chain);
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("chain"), tr("No chain named or numbered “%1”. See “arborctl chain list”.").arg(chain.toString()));
        return ChainRegistry(s).setChainState((*found)->config.chainId, paused ? ChainState::Paused : ChainState::Active);
    });
    return then(future, this, [this](Status s) {
        refreshSnapshot();
        return s;
    });
}

QFuture<Status> Engine::deleteChain(const ChainRef &chain)
{
    if (Status s = checkWritable(); !s)
        return ready(s);
    auto promise = makePromise<Status>();
    then(m_writer->run([chain](Store &s) { return ChainRegistry(s).findChain(chain); }), this, [=, this](Result<std::optional<ChainRecord>> found) {
        if (!found) {
            fulfil(promise, Status(found.error()));
            return;
        }
        if (!*found) {
            // "Delete it again" after a crash: start() has just finished that very delete.
            for (auto it = m_finishedAtStart.constBegin(); it != m_finishedAtStart.constEnd(); ++it) {
                if ((chain.id && *chain.id == it.key()) || (!chain.id && chain.name == it.value())) {
                    fulfil(promise, Status());
                    return;
                }
            }
            fulfil(promise, Status(Error::notFound(QStringLiteral("chain"),
                                                   tr("No chain named or numbered “%1”. See “arborctl chain list”.").arg(chain.toString()))));
            return;
        }
        then(runDeletion((*found)->config.chainId), this, [promise](Status s) { fulfil(promise, s); });
    });
    return promise->future();
}

QFuture<Status> Engine::runDeletion(qint64 chainId)
{
    ChainDeletion::Services services;
    services.writer = m_writer.get();
    services.stopIndexing = [this](qint64 id) {
        m_deleting.insert(id);   // no new work starts for a chain being deleted
        m_indexers->stop(id);
    };
    services.clearCaches = [this](qint64 id) {
        if (m_snapshot.removeIf([id](const ChainRecord &c) { return c.config.chainId == id; }) > 0)
            Q_EMIT chainsChanged(m_snapshot);
    };
    services.afterStep = m_options.deletionStepHook;
    auto *deletion = new ChainDeletion(chainId, std::move(services), this);
    connect(deletion, &ChainDeletion::progress, this, &Engine::deletionProgress);
    connect(deletion, &ChainDeletion::deleted, this, [this](qint64 id) {
        m_deleting.remove(id);
        Q_EMIT chainDeleted(id);
    });
    return then(deletion->start(), this, [this](Status s) {
        refreshSnapshot();
        return s;
    });
}

QFuture<Result<QList<ChainRecord>>> Engine::chains()
{
    if (!m_state.started)
        return ready<Result<QList<ChainRecord>>>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([](Store &s) { return ChainRegistry(s).chains(); });
}

void Engine::refreshSnapshot()
{
    if (!m_state.started || m_snapshotInFlight || m_shuttingDown)
        return;
    m_snapshotInFlight = true;
    then(chains(), this, [this](Result<QList<ChainRecord>> result) {
        m_snapshotInFlight = false;
        if (!result) {
            qCWarning(lcEngine) << "cannot read the chain list:" << result.error().message;
            return;
        }
        QList<ChainRecord> fresh = std::move(*result);
        // A chain whose delete is running shows as deleting even before step 2 lands.
        for (ChainRecord &c : fresh) {
            if (m_deleting.contains(c.config.chainId))
                c.state = ChainState::Deleting;
        }
        recordStatuses(fresh);
        if (fresh == m_snapshot)
            return;
        // A chain gone from the registry (deleted here or by another process) leaves no series
        // behind for a new chain of the same id.
        for (const ChainRecord &old : std::as_const(m_snapshot)) {
            const qint64 id = old.config.chainId;
            if (m_indexers && std::none_of(fresh.begin(), fresh.end(), [id](const ChainRecord &c) { return c.config.chainId == id; }))
                m_indexers->forget(id);
        }
        m_snapshot = std::move(fresh);
        Q_EMIT chainsChanged(m_snapshot);
        syncIndexers();
    });
}

// --- indexers ---------------------------------------------------------------------------------

void Engine::syncIndexers()
{
    QSet<qint64> wanted;
    if (m_options.indexing && m_state.started && !m_state.readOnly && !m_shuttingDown) {
        for (const ChainRecord &c : std::as_const(m_snapshot)) {
            const qint64 id = c.config.chainId;
            if (c.state == ChainState::Active && !m_deleting.contains(id)
                && (m_options.onlyChains.isEmpty() || m_options.onlyChains.contains(id)))
                wanted.insert(id);
        }
    }
    m_indexers->sync(wanted);
}

QList<ChainStatus> Engine::chainStatuses() const
{
    return m_indexers ? m_indexers->statuses() : QList<ChainStatus>();
}

ChainSeries Engine::chainSeries(qint64 chainId, qint64 sinceMs) const
{
    return m_indexers ? m_indexers->series(chainId, sinceMs) : ChainSeries();
}

Result<ChainRecord> Engine::resolveChain(Store &store, const ChainRef &chain) const
{
    auto found = ChainRegistry(store).findChain(chain);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("chain"), tr("No chain named or numbered “%1”. See “arborctl chain list”.").arg(chain.toString()));
    return **found;
}

// --- reindex, resync, tokens --------------------------------------------------------------------

QFuture<Result<ReindexRequest>> Engine::requestReindex(const ChainRef &chain, qint64 from, qint64 to, const QString &reason)
{
    using R = Result<ReindexRequest>;
    if (Status s = checkWritable(); !s)
        return ready<R>(s.error());
    const QString by = m_lease->holder().describe();
    return then(m_writer->run([this, chain, from, to, reason, by](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        if (c->state != ChainState::Active)
            return Error::conflict(QStringLiteral("chain"), tr("Chain %1 is %2; resume it before reindexing.").arg(c->config.name, chainStateName(c->state)));
        return IndexStore(s).requestReindex(c->config.chainId, from, to, reason, by);
    }), this, [this](R request) {
        if (request)
            m_indexers->checkForWork(request->chainId);
        return request;
    });
}

QFuture<Result<QList<ReindexRequest>>> Engine::reindexRequests(const ChainRef &chain)
{
    using R = Result<QList<ReindexRequest>>;
    return m_reader->run([this, chain](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).reindexRequests(c->config.chainId);
    });
}

QFuture<Status> Engine::resync(const ChainRef &chain, const QString &table)
{
    if (Status s = checkWritable(); !s)
        return ready(s);
    return m_writer->run([this, chain, table](Store &s) -> Status {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).resyncGlobal(c->config.chainId, evmEntities(), table);
    });
}

QFuture<Result<QList<SyncStatusRow>>> Engine::syncStatus()
{
    return m_reader->run([](Store &s) { return ChainRegistry(s).syncStatus(evmEntities()); });
}

QFuture<Result<QList<ReorgRecord>>> Engine::reorgs(const ChainRef &chain)
{
    using R = Result<QList<ReorgRecord>>;
    return m_reader->run([this, chain](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).reorgs(c->config.chainId);
    });
}

QFuture<Result<QList<TokenInfo>>> Engine::probeTokens(const QUrl &url, const QList<Address> &tokens, qint64 head,
                                                      std::optional<qint64> startBlock)
{
    using R = Result<QList<TokenInfo>>;
    auto promise = makePromise<R>();
    if (tokens.isEmpty()) {
        fulfil(promise, R(QList<TokenInfo>()));
        return promise->future();
    }
    QMetaObject::invokeMethod(m_probe, [=, this] {
        // On the network thread: probe the tokens one after another, stop at the first error.
        auto *probe = new TokenProbe(m_network);
        probe->setTimeout(m_options.probeTimeoutMs);
        auto found = std::make_shared<QList<TokenInfo>>();
        auto next = std::make_shared<std::function<void()>>();
        *next = [=]() {
            if (found->size() == tokens.size()) {
                probe->deleteLater();
                const auto keepAlive = std::move(*next);   // this closure ends the cycle it is part of
                fulfil(promise, R(*found));
                return;
            }
            probe->probe(url, tokens.at(found->size()), head, startBlock, [=](Result<TokenInfo> info) {
                if (!info) {
                    probe->deleteLater();
                    *next = nullptr;
                    fulfil(promise, R(info.error()));
                    return;
                }
                found->append(*info);
                (*next)();
            });
        };
        (*next)();
    });
    return promise->future();
}

QFuture<Result<int>> Engine::pendingBackfills(const ChainRef &chain)
{
    using R = Result<int>;
    return m_reader->run([this, chain](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        auto plan = IndexStore(s).indexPlan(c->config.chainId);
        if (!plan)
            return plan.error();
        return int(plan->backfills.size());
    });
}

QFuture<Result<QList<IndexRange>>> Engine::indexRanges(const ChainRef &chain)
{
    using R = Result<QList<IndexRange>>;
    return m_reader->run([this, chain](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).indexRanges(c->config.chainId);
    });
}

QFuture<Result<TokenInfo>> Engine::addToken(const ChainRef &chain, const Address &token)
{
    using R = Result<TokenInfo>;
    if (Status s = checkWritable(); !s)
        return ready<R>(s.error());
    if (token.isZero())
        return ready<R>(Error::invalid(QStringLiteral("token"), tr("The zero address is not a token contract.")));
    auto promise = makePromise<R>();
    then(m_writer->run([this, chain](Store &s) { return resolveChain(s, chain); }), this, [=, this](Result<ChainRecord> c) {
        if (!c) {
            fulfil(promise, R(c.error()));
            return;
        }
        const ChainRecord record = *c;
        for (const Address &t : record.config.tokens) {
            if (t == token) {
                fulfil(promise, R(Error::conflict(QStringLiteral("token"), tr("Chain %1 already indexes the token %2.")
                                                                               .arg(record.config.name, token.toChecksumHex()))));
                return;
            }
        }
        then(probeEndpoints({record.config.rpcUrls.first()}, record.config.chainId), this, [=, this](Result<QList<ProbeResult>> probed) {
            if (!probed || probed->isEmpty() || !probed->first().ok()) {
                fulfil(promise, R(!probed ? probed.error() : probed->isEmpty() ? Error::unavailable(QStringLiteral("rpc"), tr("No endpoint answered."))
                                                                               : *probed->first().error));
                return;
            }
            const qint64 head = probed->first().head;
            const QUrl url = record.config.rpcUrls.first();
            QMetaObject::invokeMethod(m_probe, [=, this] {
                auto *probe = new TokenProbe(m_network);
                probe->setTimeout(m_options.probeTimeoutMs);
                probe->probe(url, token, head, record.config.startBlock.value_or(0), [=, this](Result<TokenInfo> info) {
                    probe->deleteLater();
                    QMetaObject::invokeMethod(this, [=, this] {
                        if (!info) {
                            fulfil(promise, R(info.error()));
                            return;
                        }
                        const TokenInfo t = *info;
                        const qint64 start = record.config.startBlock.value_or(0);
                        const qint64 from = std::max(start, t.deployBlock.value_or(start));
                        then(m_writer->run([chainId = record.config.chainId, t, from](Store &s) { return IndexStore(s).addToken(chainId, t, from); }), this, [=, this](Result<Backfill> added) {
                                if (!added) {
                                    fulfil(promise, R(added.error()));
                                    return;
                                }
                                // The head scan picks the token up from its next range; the backfill covers the past.
                                m_indexers->checkForWork(record.config.chainId);
                                refreshSnapshot();
                                fulfil(promise, R(t));
                            });
                    });
                });
            });
        });
    });
    return promise->future();
}

} // namespace arbor
