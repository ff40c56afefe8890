// Engine: stopping, without blocking (shutdown()) or blocking (the destructor).

#include "engine/engine.h"

#include "engine/alertservice.h"
#include "engine/databasestatsrecorder.h"
#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "engine/leasekeeper.h"
#include "engine/metricspublisher.h"
#include "engine/metricsrecorder.h"
#include "engine/storethread.h"
#include "engine/triggerservice.h"
#include "util/continuation.h"
#include "util/workerthread.h"

namespace arbor {

Engine::~Engine()
{
    m_alertRuleReload.stop();
    m_alerts->stopRecording();
    // After shutdown() has resolved, every step below finds its threads ended and returns at once.
    m_metrics.reset();
    m_snapshotTimer.stop();
    m_queueHealthTimer.stop();
    m_queueMaintenance.stop();
    m_chartHistory.reset();
    m_queue.reset();
    // Its delivery worker records attempts through the writer.
    m_triggers.reset();
    // Indexers first, their threads joined: they post promotions to the writer, which must still be there.
    m_indexers.reset();
    // The statement timings of this session, written while the lease is still ours.
    if (m_databaseStats && !m_shuttingDown)
        m_databaseStats->flushNow();
    m_databaseStats.reset();
    // Queued behind any write in flight; ~StoreThread waits for it.
    m_lease->release();
    m_writer.reset();
    m_reader.reset();
    m_networkThread.quit();
    m_networkThread.wait();
}

QFuture<void> Engine::shutdown()
{
    if (m_shuttingDown)
        return m_shutdown;
    m_shuttingDown = true;
    m_snapshotTimer.stop();
    m_alertRuleReload.stop();
    // Raises and clears from here on (chains forgotten as indexers stop) are not recorded.
    m_alerts->stopRecording();
    if (m_chartHistory)
        m_chartHistory->stop();
    if (m_databaseStats)
        m_databaseStats->stop();
    m_queueHealthTimer.stop();
    m_queueMaintenance.stop();

    QList<QFuture<void>> workers;
    if (m_queue)
        workers.append(m_queue->shutdown());
    if (m_indexers)
        workers.append(m_indexers->shutdown());
    if (m_triggers)
        workers.append(m_triggers->shutdown());

    QList<QFuture<void>> threads = workers;
    if (m_metrics)
        threads.append(m_metrics->shutdown());
    // Nothing on the reader or the network thread writes or holds the lease: they end now.
    if (m_reader)
        threads.append(m_reader->close());
    threads.append(whenFinished(&m_networkThread));
    m_networkThread.quit();

    // The writer last: stopping indexers and the delivery worker still post to it (endpoint
    // health, attempts), and the lease is ours until the last of their writes and the workers' is done.
    auto writerClosed = futures::makePromise<void>();
    threads.append(writerClosed->future());
    then(whenAll(workers, this), this, [this, writerClosed] {
        if (!m_writer) {
            writerClosed->finish();
            return;
        }
        if (m_databaseStats && m_lease->holds())
            m_databaseStats->flushNow();
        if (m_lease->holds())
            m_lease->release();
        else if (!m_state.started && !m_state.readOnly && m_options.lease != EngineOptions::Lease::None)
            m_lease->release(m_writer.get());   // start() may have taken it a moment ago
        then(m_writer->close(), this, [writerClosed] { writerClosed->finish(); });
    });
    m_shutdown = whenAll(threads, this);
    return m_shutdown;
}

} // namespace arbor
