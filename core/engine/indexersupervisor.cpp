#include "engine/indexersupervisor.h"

#include "engine/enginelog.h"
#include "util/workerthread.h"
#include "model/entitydef.h"

#include <QDateTime>

namespace arbor {

IndexerSupervisor::IndexerSupervisor(StoreThread *writer, IndexerOptions options, int statusIntervalMs, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_options(std::move(options))
{
    m_statusTimer.setObjectName(QStringLiteral("chainStatusTimer"));
    m_statusTimer.setInterval(std::max(50, statusIntervalMs));
    connect(&m_statusTimer, &QTimer::timeout, this, &IndexerSupervisor::tick);
}

IndexerSupervisor::~IndexerSupervisor()
{
    m_statusTimer.stop();
    stopAll();
    // m_reaper's destructor, which runs next, joins every thread stopAll() handed it.
}

void IndexerSupervisor::tick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (ChainStatus &status : m_statuses) {
        m_metrics.record(status, now);
        // One definition of blocks/s everywhere (tables, alerts, exports): the chart's.
        const double rate = m_metrics.rate(status.chainId).value_or(0);
        if (rate != status.blocksPerSecond) {
            status.blocksPerSecond = rate;
            m_statusDirty = true;
        }
    }
    if (!m_statusDirty)
        return;
    m_statusDirty = false;
    Q_EMIT statusesChanged(m_statuses.values());
}

QFuture<void> IndexerSupervisor::shutdown()
{
    m_shutDown = true;
    m_statusTimer.stop();
    stopAll();
    return m_reaper.finish();
}

void IndexerSupervisor::sync(const QHash<qint64, qint64> &wanted)
{
    // A chain no longer wanted, or held under another epoch now (lost and taken again), stops;
    // the latter starts afresh below, from the checkpoint, writing under its new epoch.
    for (qint64 id : m_indexers.keys()) {
        if (!wanted.contains(id) || wanted.value(id) != m_epochs.value(id))
            stop(id);
    }
    // A chain paused or deleted while its failed indexer waits to start again stays stopped.
    for (qint64 id : m_restarting.values()) {
        if (!wanted.contains(id) || wanted.value(id) != m_epochs.value(id))
            stop(id);
    }
    if (m_shutDown)
        return;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (!m_indexers.contains(it.key()) && !m_restarting.contains(it.key())) {
            m_epochs.insert(it.key(), it.value());
            start(it.key());
        }
    }
}

void IndexerSupervisor::start(qint64 chainId)
{
    Indexer slot;
    auto *thread = new GuardedThread;
    slot.thread = thread;
    slot.thread->setObjectName(QStringLiteral("arbor-chain-%1").arg(chainId));
    IndexerOptions options = m_options;
    options.leaseEpoch = m_epochs.value(chainId);
    slot.indexer = new ChainIndexer(chainId, m_writer, evmEntities(), options);
    slot.startedMs = QDateTime::currentMSecsSinceEpoch();
    slot.indexer->moveToThread(slot.thread);
    connect(slot.thread, &QThread::started, slot.indexer, &ChainIndexer::start);
    connect(slot.thread, &QThread::finished, slot.indexer, &QObject::deleteLater);
    // An indexer started afresh for the same chain (endpoints edited) may still report while it
    // stops: only the chain's current indexer is heard.
    ChainIndexer *indexer = slot.indexer;
    connect(thread, &GuardedThread::failed, this, [this, chainId, indexer](const QString &what) {
        indexerFailed(chainId, indexer, what);
    });
    connect(slot.indexer, &ChainIndexer::statusChanged, this, [this, indexer](const ChainStatus &status) {
        if (m_indexers.value(status.chainId).indexer != indexer)
            return;
        m_statuses.insert(status.chainId, status);
        m_statusDirty = true;
    });
    connect(slot.indexer, &ChainIndexer::promoted, this, &IndexerSupervisor::promoted);
    connect(slot.indexer, &ChainIndexer::reorgHandled, this, &IndexerSupervisor::reorgHandled);
    connect(slot.indexer, &ChainIndexer::leaseLost, this, [this, indexer](qint64 id, const QString &reason) {
        if (m_indexers.value(id).indexer != indexer)
            return;
        // It has stood down. Its slot goes too, so that the chain starts afresh from its
        // checkpoint should the next heartbeat find the lease this engine's still: one that
        // expired while nobody took it (the machine slept) is renewed under the same epoch.
        stop(id);
        Q_EMIT leaseLost(id, reason);
    });
    connect(slot.indexer, &ChainIndexer::endpointsChanged, this, [this, indexer](qint64 id) {
        if (m_indexers.value(id).indexer != indexer)
            return;
        // The pool is built from the endpoints: a new indexer on them, from the checkpoint,
        // under the same lease.
        const qint64 epoch = m_epochs.value(id);
        stop(id);
        if (!m_shutDown) {
            m_epochs.insert(id, epoch);
            start(id);
        }
    });
    m_indexers.insert(chainId, slot);
    ChainStatus starting;
    starting.chainId = chainId;
    m_statuses.insert(chainId, starting);
    if (!m_statusTimer.isActive())
        m_statusTimer.start();
    qCInfo(lcEngine) << "indexing chain" << chainId;
    runInBackground(slot.thread);
    joinable(slot.thread);   // joined by m_reaper
    slot.thread->start();
}

void IndexerSupervisor::stop(qint64 chainId)
{
    m_restarting.remove(chainId);
    m_epochs.remove(chainId);
    const Indexer slot = m_indexers.take(chainId);
    m_statuses.remove(chainId);
    m_statusDirty = true;
    if (!slot.thread)
        return;
    // One queued job, so the indexer stops before its event loop ends (QThread::quit() from here
    // would end it with the stop still queued).
    QMetaObject::invokeMethod(slot.indexer, [indexer = slot.indexer] {
        indexer->stop();
        QThread::currentThread()->quit();
    });
    m_reaper.reap(slot.thread);
    qCInfo(lcEngine) << "stopped indexing chain" << chainId;
}

void IndexerSupervisor::stopAll()
{
    for (qint64 id : m_indexers.keys())
        stop(id);
    for (qint64 id : m_restarting.values())
        stop(id);
}

void IndexerSupervisor::indexerFailed(qint64 chainId, const ChainIndexer *indexer, const QString &what)
{
    const auto it = m_indexers.constFind(chainId);
    if (it == m_indexers.cend() || it->indexer != indexer)
        return;   // stopped meanwhile, or an indexer replaced before it failed
    const Indexer slot = m_indexers.take(chainId);
    // Its event loop has ended: the thread finishes by itself and is joined off this thread.
    m_reaper.reap(slot.thread);
    const qint64 delayMs = m_backoffs[chainId].failed(slot.startedMs, QDateTime::currentMSecsSinceEpoch());
    ChainStatus status = m_statuses.value(chainId);
    status.chainId = chainId;
    status.phase = IndexPhase::Stalled;
    status.noProgress = false;
    status.lastProblem.clear();
    status.message = tr("Indexing stopped on an internal error (%1). It starts again from the checkpoint in %n s.",
                        nullptr, int((delayMs + 999) / 1000))
                         .arg(what);
    m_statuses.insert(chainId, status);
    m_statusDirty = true;
    m_restarting.insert(chainId);
    qCCritical(lcEngine).noquote() << "the indexer of chain" << chainId << "failed (" << what << "); restart"
                                   << m_backoffs[chainId].failures() << "in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, [this, chainId] {
        if (!m_restarting.remove(chainId) || m_shutDown)
            return;
        start(chainId);
    });
}

bool IndexerSupervisor::probeNow(qint64 chainId, std::function<void(QList<EndpointRecord>)> done)
{
    const auto it = m_indexers.constFind(chainId);
    if (it == m_indexers.constEnd())
        return false;
    QMetaObject::invokeMethod(it->indexer, [indexer = it->indexer, done = std::move(done)]() mutable { indexer->probeNow(std::move(done)); });
    return true;
}

void IndexerSupervisor::checkForWork(qint64 chainId)
{
    if (const auto it = m_indexers.constFind(chainId); it != m_indexers.constEnd())
        QMetaObject::invokeMethod(it->indexer, &ChainIndexer::checkForWork);
}

} // namespace arbor
