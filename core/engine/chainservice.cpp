#include "engine/chainservice.h"

#include "engine/chainaddition.h"
#include "engine/chaindeletion.h"
#include "engine/chainedition.h"
#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "engine/tokenaddition.h"
#include "engine/futures.h"
#include "model/chainedit.h"
#include "model/urlsecrets.h"
#include "rpc/endpointpool.h"
#include "rpc/eventdensity.h"
#include "rpc/tokenprobe.h"
#include "store/chainregistry.h"
#include "store/enginestore.h"
#include "util/continuation.h"
#include "util/workerthread.h"

#include <QNetworkAccessManager>

namespace arbor {

using futures::fulfil;
using futures::makePromise;
using futures::ready;

ChainService::ChainService(EngineContext &context, IndexingService &indexing, QObject *parent)
    : EngineService(context, parent)
    , m_indexing(indexing)
    , m_recorded(std::max<qint64>(10, context.options().indexer.headerBatchSize))
{
    qRegisterMetaType<arbor::ChainRecord>();
    qRegisterMetaType<QList<arbor::ChainRecord>>();
    m_snapshotTimer.setObjectName(QStringLiteral("chainSnapshotTimer"));
    m_snapshotTimer.setInterval(std::max(100, context.options().snapshotIntervalMs));
    connect(&m_snapshotTimer, &QTimer::timeout, this, &ChainService::refreshSnapshot);
    connect(this, &ChainService::chainDeleted, this, [this](qint64 chainId) { m_indexing.forget(chainId); });
}

ChainService::~ChainService() = default;

void ChainService::start()
{
    if (m_context.options().snapshotIntervalMs <= 0)
        return;
    m_snapshotTimer.start();
    refreshSnapshot();
}

void ChainService::stop()
{
    m_snapshotTimer.stop();
}

QFuture<Result<QList<ProbeResult>>> ChainService::probeEndpoints(const QList<QUrl> &urls, qint64 expectedChainId)
{
    auto promise = makePromise<Result<QList<ProbeResult>>>();
    EndpointProbe *probe = m_context.probe();
    const Status posted = m_context.onNetworkThread([probe, promise, urls, expectedChainId]() {
        probe->probe(urls, expectedChainId, [promise](QList<ProbeResult> results) {
            fulfil(promise, Result<QList<ProbeResult>>(std::move(results)));
        });
    });
    if (!posted)
        fulfil(promise, Result<QList<ProbeResult>>(posted.error()));
    return promise->future();
}

QFuture<Result<QList<TokenInfo>>> ChainService::probeTokens(const QUrl &url, const QList<Address> &tokens, qint64 head,
                                                            std::optional<qint64> startBlock)
{
    using R = Result<QList<TokenInfo>>;
    if (tokens.isEmpty())
        return ready(R(QList<TokenInfo>()));
    auto promise = makePromise<R>();
    QNetworkAccessManager *network = m_context.network();
    const int timeoutMs = m_context.options().probeTimeoutMs;
    const Status posted = m_context.onNetworkThread([=] {
        // On the network thread: the tokens one after another, stopping at the first error.
        auto *probe = new TokenProbe(network, network);
        probe->setTimeout(timeoutMs);
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
    if (!posted)
        fulfil(promise, R(posted.error()));
    return promise->future();
}

QFuture<Result<EventDensity>> ChainService::sampleEvents(const QUrl &url, const QList<Address> &tokens, const QList<RegistryRef> &registries,
                                                         qint64 from, qint64 to)
{
    auto promise = makePromise<Result<EventDensity>>();
    QNetworkAccessManager *network = m_context.network();
    const int timeoutMs = m_context.options().probeTimeoutMs;
    const Status posted = m_context.onNetworkThread([=] {
        auto *probe = new EventDensityProbe(network, network);
        probe->setTimeout(timeoutMs);
        probe->sample(url, tokens, registries, from, to, [promise, probe](Result<EventDensity> density) {
            probe->deleteLater();
            fulfil(promise, std::move(density));
        });
    });
    if (!posted)
        fulfil(promise, Result<EventDensity>(posted.error()));
    return promise->future();
}

QFuture<Status> ChainService::recordEventSample(const ChainRef &chain, const EventDensity &sample)
{
    if (sample.sampledBlocks <= 0)
        return futures::ready(Status{});
    if (Status s = m_context.checkWritable(); !s)
        return futures::ready(s);
    return m_context.write([chain, logsPerBlock = sample.logsPerBlock()](Store &s) -> Status {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return ChainRegistry(s).setEventSample(c->config.chainId, logsPerBlock);
    });
}

QFuture<Result<ChainRecord>> ChainService::addChain(const ChainConfig &requested, std::optional<double> sampledLogsPerBlock)
{
    using R = Result<ChainRecord>;
    if (Status s = m_context.checkWritable(); !s)
        return ready<R>(s.error());
    ChainAddition::Services services;
    services.writer = m_context.writer();
    services.probeEndpoints = [this](const QList<QUrl> &urls, qint64 chainId) { return probeEndpoints(urls, chainId); };
    services.probeTokens = [this](const QUrl &url, const QList<Address> &tokens, qint64 head, std::optional<qint64> startBlock) {
        return probeTokens(url, tokens, head, startBlock);
    };
    auto *addition = new ChainAddition(requested, std::move(services), this);
    addition->setSampledLogsPerBlock(sampledLogsPerBlock);
    return then(addition->start(), this, [this](R added) {
        refreshSnapshot();
        return added;
    });
}

QFuture<Result<ChainRecord>> ChainService::editChain(const ChainRef &chain, const ChainEdit &edit)
{
    using R = Result<ChainRecord>;
    if (Status s = m_context.checkWritable(); !s)
        return ready<R>(s.error());
    ChainEdition::Services services;
    services.writer = m_context.writer();
    services.probeEndpoints = [this](const QList<QUrl> &urls, qint64 chainId) { return probeEndpoints(urls, chainId); };
    auto *edition = new ChainEdition(chain, edit, std::move(services), this);
    return then(edition->start(), this, [this](R edited) {
        if (edited) {
            m_indexing.checkForWork(edited->config.chainId);
            refreshSnapshot();
        }
        return edited;
    });
}

QFuture<Result<TokenInfo>> ChainService::addToken(const ChainRef &chain, const Address &token)
{
    using R = Result<TokenInfo>;
    if (Status s = m_context.checkWritable(); !s)
        return ready<R>(s.error());
    auto *addition = new TokenAddition(m_context, chain, token, this);
    return then(addition->start(), this, [this](Result<TokenAddition::Added> added) -> R {
        if (!added)
            return added.error();
        // The head scan picks the token up from its next range; the backfill covers the past.
        m_indexing.checkForWork(added->chainId);
        refreshSnapshot();
        return added->token;
    });
}

QFuture<Status> ChainService::setPaused(const ChainRef &chain, bool paused)
{
    auto written = m_context.write([chain, paused](Store &s) -> Status {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return ChainRegistry(s).setChainState(c->config.chainId, paused ? ChainState::Paused : ChainState::Active);
    });
    return then(written, this, [this](Status s) {
        refreshSnapshot();
        return s;
    });
}

QFuture<Result<ChainRecord>> ChainService::setRpcPrice(const ChainRef &chain, const QUrl &endpoint, const QString &method,
                                                       std::optional<qint64> units)
{
    using R = Result<ChainRecord>;
    if (Status name = checkRpcMethodName(method, QStringLiteral("method")); !name)
        return futures::ready(R(name.error()));
    if (units && (*units < 0 || *units > RpcPrices::MaxUnits))
        return futures::ready(R(Error::invalid(QStringLiteral("units"), tr("A price is a whole number of units per call from 0 to %1.")
                                                                            .arg(RpcPrices::MaxUnits))));
    auto written = m_context.write([chain, endpoint, method, units](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        const QString key = rpcUrlKey(endpoint);
        const auto e = std::find_if(c->endpoints.cbegin(), c->endpoints.cend(), [&](const EndpointRecord &e) { return rpcUrlKey(e.url) == key; });
        if (e == c->endpoints.cend()) {
            QStringList urls;
            for (const EndpointRecord &other : std::as_const(c->endpoints))
                urls.append(urlsecrets::displayText(other.url));
            return Error::notFound(QStringLiteral("endpoint"), tr("Chain %1 has no RPC endpoint %2; its endpoints are: %3.")
                                                                   .arg(c->config.name, urlsecrets::displayText(endpoint), urls.join(u", ")));
        }
        RpcPrices prices = e->prices;
        if (units)
            prices.unitsPerCall.insert(method, *units);
        else
            prices.unitsPerCall.remove(method);
        if (Status saved = ChainRegistry(s).setEndpointPrices(e->id, prices); !saved)
            return saved.error();
        return EngineContext::resolveChain(s, chain);
    });
    return then(written, this, [this](R r) {
        refreshSnapshot();
        return r;
    });
}

QFuture<Status> ChainService::deleteChain(const ChainRef &chain)
{
    auto found = m_context.write([chain](Store &s) { return ChainRegistry(s).findChain(chain); });
    auto promise = makePromise<Status>();
    then(found, this, [=, this](Result<std::optional<ChainRecord>> found) {
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
            fulfil(promise, Status(EngineContext::noSuchChain(chain)));
            return;
        }
        then(runDeletion((*found)->config.chainId), this, [promise](Status s) { fulfil(promise, s); });
    });
    return promise->future();
}

QFuture<void> ChainService::finishDeletions(const QList<qint64> &chainIds, const QHash<qint64, QString> &names)
{
    QList<QFuture<void>> deletions;
    for (qint64 chainId : chainIds) {
        qCInfo(lcEngine) << "finishing the interrupted deletion of chain" << chainId;
        deletions.append(then(runDeletion(chainId), this, [this, chainId, name = names.value(chainId)](Status s) {
            if (!s)
                qCWarning(lcEngine) << "could not finish deleting chain" << chainId << ":" << s.error().message;
            else
                m_finishedAtStart.insert(chainId, name);
        }));
    }
    return whenAll(deletions, this);
}

QFuture<Status> ChainService::runDeletion(qint64 chainId)
{
    ChainDeletion::Services services;
    services.writer = m_context.writer();
    services.stopIndexing = [this](qint64 id) {
        m_deleting.insert(id);   // no new work starts for a chain being deleted
        m_indexing.stopChain(id);
    };
    services.clearCaches = [this](qint64 id) {
        if (m_snapshot.removeIf([id](const ChainRecord &c) { return c.config.chainId == id; }) > 0)
            Q_EMIT chainsChanged(m_snapshot);
    };
    services.afterStep = m_context.options().deletionStepHook;
    auto *deletion = new ChainDeletion(chainId, std::move(services), this);
    connect(deletion, &ChainDeletion::progress, this, &ChainService::deletionProgress);
    connect(deletion, &ChainDeletion::deleted, this, [this](qint64 id) {
        m_deleting.remove(id);
        Q_EMIT chainDeleted(id);
    });
    return then(deletion->start(), this, [this](Status s) {
        refreshSnapshot();
        return s;
    });
}

QFuture<Result<QList<ChainRecord>>> ChainService::list()
{
    const bool shared = m_context.shared();
    return m_context.read([shared](Store &s) -> Result<QList<ChainRecord>> {
        auto chains = ChainRegistry(s).chains();
        if (!chains || !shared)
            return chains;
        // Who indexes each chain; a failed read leaves the column empty, the list stands.
        if (auto leases = EngineStore(s).leases()) {
            for (ChainRecord &c : *chains) {
                const auto lease = std::find_if(leases->cbegin(), leases->cend(), [&c](const ChainLease &l) { return l.chainId == c.config.chainId; });
                if (lease != leases->cend() && lease->live)
                    c.indexedBy = lease->owner;
            }
        }
        return chains;
    });
}

void ChainService::refreshSnapshot()
{
    if (!m_context.started() || m_snapshotInFlight || m_context.shuttingDown())
        return;
    m_snapshotInFlight = true;
    then(list(), this, [this](Result<QList<ChainRecord>> result) {
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
            if (std::none_of(fresh.begin(), fresh.end(), [id](const ChainRecord &c) { return c.config.chainId == id; }))
                m_indexing.forget(id);
        }
        m_snapshot = std::move(fresh);
        Q_EMIT chainsChanged(m_snapshot);
    });
}

QFuture<Result<QList<EndpointRecord>>> ChainService::probeNow(const ChainRef &chain)
{
    using R = Result<QList<EndpointRecord>>;
    auto promise = makePromise<R>();
    then(m_context.read([chain](Store &s) { return EngineContext::resolveChain(s, chain); }), this, [this, promise](Result<ChainRecord> found) {
        if (!found) {
            fulfil(promise, R(found.error()));
            return;
        }
        const ChainRecord record = *found;
        const auto deliver = [promise](QList<EndpointRecord> endpoints) { fulfil(promise, R(std::move(endpoints))); };
        if (m_indexing.probeNow(record.config.chainId, deliver))
            return;
        // Not indexed here: a pool of its own on the network thread, asked once and dropped.
        QNetworkAccessManager *network = m_context.network();
        const RpcPolicy policy = m_context.options().indexer.rpc;
        EngineContext *context = &m_context;
        const Status posted = m_context.onNetworkThread([context, network, policy, record, deliver] {
            auto *pool = new EndpointPool(network, record.endpoints, policy, network);
            pool->probeNow([context, pool, record, deliver](const QList<EndpointHealth> &health) {
                // The probes are calls on the bill too. Posted to the context, not to this
                // service: the engine destroys its services first, and the context joins the
                // network thread before it goes (a post still queued then is dropped with it).
                QMetaObject::invokeMethod(context, [context, chainId = record.config.chainId, calls = pool->takeCalls()] {
                    context->write([chainId, calls](Store &s) { return ChainRegistry(s).addCalls(chainId, calls); });
                }, Qt::QueuedConnection);
                QList<EndpointRecord> out;
                for (const EndpointHealth &h : health) {
                    EndpointRecord e = h.record();
                    for (const EndpointRecord &stored : record.endpoints) {
                        if (stored.id == e.id)
                            e.clientVersion = stored.clientVersion;
                    }
                    out.append(e);
                }
                pool->deleteLater();
                deliver(out);
            });
        });
        if (!posted)
            fulfil(promise, R(posted.error()));
    });
    return promise->future();
}

} // namespace arbor
