#pragma once

#include "devnet/localdevnet.h"

#include <QObject>
#include <QThread>

namespace arbor::ui {

/**
 * The local devnet ("Try a local devnet") on a worker thread of its own: the anvil process,
 * its JSON-RPC client and the traffic generator never run on the GUI thread.
 *
 * start(), resume() and stop() are posted to the LocalDevnet on the worker; its progress(), ready() and
 * failed() come back as this service's signals, on the thread the service lives on (queued).
 * state() and nodeProcessId() mirror what those signals said, so the page can read them
 * without crossing threads. Signals of a run that stop() or a later start() ended are dropped.
 *
 * The destructor stops the node (it is killed, and dies with the worker thread at the latest)
 * and ends the worker thread.
 *
 * Thread: lives on the thread that created it (the GUI thread); the LocalDevnet lives on the
 * service's worker.
 */
class DevnetService final : public QObject
{
    Q_OBJECT

public:
    explicit DevnetService(QObject *parent = nullptr);
    ~DevnetService() override;

    /// Starts a new node and deploys the demo (LocalDevnet::start()); no-op while starting or running.
    void start();
    /// Starts the devnet of an earlier session again from its saved state (LocalDevnet::resume());
    /// no-op while starting or running.
    void resume(const arbor::ChainConfig &config, std::optional<qint64> indexedBlock = std::nullopt);
    /// Stops traffic and kills the node; emits nothing. Safe in any state.
    void stop();

    /// Whether `config` is the chain of a local devnet a console started (in this session or an
    /// earlier one): its RPC URLs are ones a DevnetService recorded in the settings at ready().
    static bool isLocalDevnetChain(const arbor::ChainConfig &config);
    /// Whether a DevnetService of this process runs the node of `config` now.
    static bool isRunningHere(const arbor::ChainConfig &config);
    /// Where the devnets keep their state: "devnet" in the application's data folder.
    static QString stateDirectory();
    /// Whether the devnet of `config` left a state file resume() can start from.
    static bool hasSavedState(const arbor::ChainConfig &config);
    /// Deletes the state file of the devnet of `config` (its chain was deleted).
    static void forgetSavedState(const arbor::ChainConfig &config);

    arbor::LocalDevnet::State state() const { return m_state; }
    bool isRunning() const { return m_state == arbor::LocalDevnet::State::Running; }
    /// The anvil process id from ready() on while it runs, else 0.
    qint64 nodeProcessId() const { return m_nodeProcessId; }

Q_SIGNALS:
    /// A step of start(), for the operator: "Starting anvil…", "Deploying the demo tokens…".
    void progress(const QString &step);
    /// The node runs, the demo is deployed and traffic flows: add \a config as a chain.
    void ready(const arbor::ChainConfig &config);
    /// resume() is done: the node serves the chain of \a config again.
    void resumed(const arbor::ChainConfig &config);
    /// start() failed, or the node exited while running; the node is stopped.
    void failed(const arbor::Error &error);

private:
    /// Runs `step` on the GUI side if `run` is still the current one.
    template<typename F>
    void report(quint64 run, F step);

    QThread m_thread;
    QObject *m_worker = nullptr;              ///< lives on m_thread: start, stop and the end are posted to it
    arbor::LocalDevnet *m_devnet = nullptr;   ///< lives on m_thread
    quint64 m_workerRun = 0;                  ///< the run the worker serves; touched only on m_thread
    quint64 m_run = 0;                        ///< the run the GUI side waits for
    /// Sets m_state; keeps the running URLs isRunningHere() reads.
    void setState(arbor::LocalDevnet::State state, const QUrl &url = QUrl());

    arbor::LocalDevnet::State m_state = arbor::LocalDevnet::State::Stopped;
    QUrl m_url;                               ///< the node's URL while it runs
    qint64 m_nodeProcessId = 0;
};

} // namespace arbor::ui
