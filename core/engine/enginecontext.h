#pragma once

#include "engine/enginelog.h"
#include "engine/engineoptions.h"
#include "engine/futures.h"
#include "engine/storethread.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <type_traits>

class QNetworkAccessManager;

namespace arbor {

class ChainDataFetcher;
class ChainLeaseKeeper;
class EndpointProbe;
class LeaseKeeper;
struct ChainRecord;
struct ChainRef;

/**
 * What the services of one Engine share: its options and state, the writer and reader
 * StoreThreads, the network thread with its QNetworkAccessManager and EndpointProbe, the lease,
 * and the write gate every command passes (started, not read-only).
 *
 * Internal to core/engine: the Engine owns it and hands it to each service it creates; the
 * console and arborctl never see it.
 *
 * Thread: the Engine's. The stores and the network objects live on their own threads (see
 * ARCHITECTURE.md, "Threads: who owns what"); jobs reach them through read(), write() and
 * onNetworkThread().
 */
class EngineContext final : public QObject
{
    Q_OBJECT

public:
    explicit EngineContext(EngineOptions options, QObject *parent = nullptr);
    /// Joins the network thread; the stores close in their own destructors.
    ~EngineContext() override;

    const EngineOptions &options() const { return m_options; }
    const EngineState &state() const { return m_state; }
    bool started() const { return m_state.started; }
    bool readOnly() const { return m_state.readOnly; }
    /// shutdown() was called: nothing new starts.
    bool shuttingDown() const { return m_shuttingDown; }
    /// Writable and not shutting down: what the schedules of an engine check before they act.
    bool active() const { return m_state.started && !m_state.readOnly && !m_shuttingDown; }

    void markStarted();
    void markReadOnly(const QString &reason);
    void markShuttingDown() { m_shuttingDown = true; }

    /// Empty when commands may write; the error they return otherwise.
    Status checkWritable() const;
    /// The error of a command that needs a started engine.
    static Error notStarted();

    StoreThread *writer() const { return m_writer.get(); }
    StoreThread *reader() const { return m_reader.get(); }
    LeaseKeeper *lease() const { return m_lease.get(); }
    /// This engine runs the once-only chores: it holds the database lease (on PostgreSQL with
    /// several engines, the coordinator's; see LeaseKeeper).
    bool holdsLease() const;
    /// Per-chain leases: which chains this engine indexes (an indexing engine that joined).
    ChainLeaseKeeper *chainLeases() const { return m_chainLeases.get(); }
    /// Several engines may share the database (PostgreSQL): losing the database lease makes
    /// this engine stand by for the coordinator's role instead of read-only.
    void setShared(bool shared) { m_shared = shared; }
    bool shared() const { return m_shared; }
    /// Lives on the network thread: use it there only (onNetworkThread()).
    QNetworkAccessManager *network() const { return m_network; }
    /// Lives on the network thread.
    EndpointProbe *probe() const { return m_probe; }
    /// Fetches documents named by chain data (registration files); lives on the network thread.
    ChainDataFetcher *fetcher() const { return m_fetcher; }
    /// Runs `work` on the network thread, later. Refused once closeNetwork() was called (the
    /// engine stops): nothing runs then, and the caller answers with the error.
    Status onNetworkThread(std::function<void()> work) const;
    /// Ends the network thread; resolves once it has. The manager, the probe and the fetcher go
    /// with it.
    QFuture<void> closeNetwork();

    /// A read job on the reader; fails with notStarted() before start().
    template<typename F>
    auto read(F job) -> QFuture<std::invoke_result_t<F, Store &>>
    {
        using T = std::invoke_result_t<F, Store &>;
        if (!m_state.started)
            return futures::ready<T>(T(notStarted()));
        return m_reader->run(std::move(job));
    }

    /// A write job on the writer, once checkWritable() passes; its error otherwise.
    template<typename F>
    auto write(F job) -> QFuture<std::invoke_result_t<F, Store &>>
    {
        using T = std::invoke_result_t<F, Store &>;
        if (Status s = checkWritable(); !s)
            return futures::ready<T>(T(s.error()));
        return m_writer->run(std::move(job));
    }

    /// The chain `chain` names, or NotFound naming it and where to look. On a store thread.
    static Result<ChainRecord> resolveChain(Store &store, const ChainRef &chain);
    /// The NotFound error for a chain reference that names no chain.
    static Error noSuchChain(const ChainRef &chain);

Q_SIGNALS:
    void stateChanged(const arbor::EngineState &state);
    /// This engine took up (true) or gave up (false) the once-only chores (holdsLease()).
    void coordinatorChanged(bool coordinates);

private:
    EngineOptions m_options;
    EngineState m_state;
    bool m_shuttingDown = false;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader;
    std::unique_ptr<LeaseKeeper> m_lease;
    std::unique_ptr<ChainLeaseKeeper> m_chainLeases;
    bool m_shared = false;
    QThread m_networkThread;
    QNetworkAccessManager *m_network = nullptr;   ///< lives on m_networkThread
    bool m_networkClosed = false;                 ///< closeNetwork() was called: nothing more is posted
    EndpointProbe *m_probe = nullptr;              ///< lives on m_networkThread
    ChainDataFetcher *m_fetcher = nullptr;         ///< lives on m_networkThread
};

} // namespace arbor
