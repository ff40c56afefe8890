#pragma once

#include "devnet/democontracts.h"
#include "devnet/demotraffic.h"
#include "error.h"
#include "model/address.h"
#include "model/chainconfig.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QProcess;

Q_DECLARE_LOGGING_CATEGORY(lcDevnet)

namespace arbor {

class JsonRpcClient;

/**
 * "Try a local devnet": a local EVM node (Foundry's anvil, found on PATH) with demo contracts
 * and live traffic, so a newcomer sees indexing at work within a minute.
 *
 * start() picks a free loopback port, starts anvil (chain id 31337) as a child process, waits
 * until it answers eth_chainId, deploys from anvil's first unlocked account two ERC-20 demo
 * tokens (Demo Dollar, DUSD, 6 decimals; Demo Token, DEMO, 18 decimals) and the ERC-8004
 * Identity, Reputation and Validation registries, mints to the demo holders (anvil's unlocked
 * accounts) and registers a few agents. It then switches the node to a block a second and
 * emits ready() with a ChainConfig for ChainService::addChain(). From then on DemoTraffic keeps
 * sending token transfers among the holders and, now and then, ERC-8004 events (new agents,
 * feedback, validation requests and responses).
 *
 * Every step is asynchronous (signals, timers, JSON-RPC callbacks): nothing here blocks the
 * calling thread, except stop(), which waits up to 3 s for the node to write its state and exit.
 * progress() reports each step; failed() reports the first failure (anvil missing or exited,
 * with the tail of its output; the node not answering; a reverted deployment) and leaves the
 * node stopped, so start() may be called again.
 *
 * With a state directory (setStateDirectory()) the node keeps its chain in a file there (anvil
 * --state, one file per port): written when stop() ends the node, and every 10 minutes in case
 * the console crashes. resume()
 * starts that node again on its old URL from the file, with its blocks and hashes as they were,
 * so a console that indexed it goes on where it stopped; the demo traffic resumes. A state file
 * grows by about 4 KB a block (a block a second while the devnet runs).
 *
 * anvil is a child process: stop() and the destructor end it (SIGTERM, so it writes its state;
 * killed after 3 s), and on Linux it also dies with the console (parent-death signal), so it
 * never outlives the process that started it.
 *
 * Thread: lives on one thread, which needs an event loop, and emits its signals there. The
 * console keeps it off the GUI thread, on the worker of a ui::DevnetService; on Linux the node
 * dies with the thread that started it.
 */
class LocalDevnet final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 ChainId = 31337;

    enum class State { Stopped, Starting, Running, Failed };

    explicit LocalDevnet(QObject *parent = nullptr);
    ~LocalDevnet() override;

    /// Absolute path of anvil on PATH, empty when it is not installed.
    static QString anvilProgram();
    /// Empty when anvil is installed; otherwise what is missing and how to install it.
    static QString unavailableReason();

    /**
     * Where the node keeps its state (see the class comment); empty, the default, keeps none.
     * Set before start() or resume().
     */
    void setStateDirectory(const QString &directory);
    /// The state file, under `directory`, of the node that serves `rpcUrl`.
    static QString stateFileFor(const QString &directory, const QUrl &rpcUrl);

    /// Starts a new node and deploys the demo; no-op while starting or running. A state file
    /// left on the port it picks is deleted first: a new devnet is a new chain.
    void start();
    /**
     * Starts the node of an earlier run again, from its state file, on the URL `config` names
     * (its first RPC URL), and resumes the demo traffic on the tokens and ERC-8004 registries
     * `config` lists; emits resumed(). failed() when there is no state file, the port is taken
     * (a Conflict error),
     * the node on it is not the devnet, or its saved chain ends before `indexedBlock` (what a
     * console indexed of it: the node stopped without saving its last blocks, and a chain that
     * went on from there would be another one). No-op while starting or running.
     */
    void resume(const arbor::ChainConfig &config, std::optional<qint64> indexedBlock = std::nullopt);
    /// Stops traffic and kills the node; safe to call in any state. Emits no signal.
    void stop();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    /// The node's JSON-RPC URL (valid from start() on).
    QUrl rpcUrl() const { return m_rpcUrl; }
    /// The anvil process id while it runs, else 0.
    qint64 nodeProcessId() const;
    /// What ready() carried; empty before.
    ChainConfig chainConfig() const { return m_config; }
    /// The accounts that receive the demo tokens and send the traffic.
    QList<Address> holders() const { return m_demo.holders; }
    /// Transactions the traffic generator has sent since ready().
    qint64 trafficSent() const { return m_traffic->sent(); }
    /// Time between two generated transactions; default 400 ms.
    void setTrafficInterval(int ms);

Q_SIGNALS:
    /// A step of start(), for the operator: "Starting anvil…", "Deploying the demo tokens…".
    void progress(const QString &step);
    /// The node runs, the demo is deployed and traffic flows: add \a config as a chain.
    void ready(const arbor::ChainConfig &config);
    /// resume() is done: the node serves its old chain again and traffic flows.
    void resumed(const arbor::ChainConfig &config);
    /// start() or resume() failed, or the node exited while running; the node is stopped.
    void failed(const arbor::Error &error);

private:
    using ReceiptCallback = std::function<void(const QJsonObject &receipt)>;

    /// start()'s and resume()'s first steps: false (having failed, when anvil is missing) when
    /// no run may begin; the node of an earlier run is stopped.
    bool beginRun();
    /// Starts anvil on `port` (0: a free one, retried when another process takes it first).
    void launch(quint16 port);
    void pollChainId();
    /// The node's unlocked accounts as the holders of a new, empty demo (at least two), then `next`.
    void readAccounts(std::function<void()> next);
    void deployDemo();
    /// resume()'s steps once the node answers: accounts, token decimals, the registered agents.
    void reconnectDemo();
    void checkSavedHead();
    void readTokenDecimals(qsizetype next);
    void readRegisteredAgents();
    void resumeTraffic();
    void deployTokens();
    void deployRegistries();
    void mintDemoTokens();
    void registerDemoAgents();
    void deploy(const QString &contract, const QByteArray &constructorArguments, const QString &what,
                std::function<void(const Address &)> next);
    void transact(const Address &from, const Address &to, const QByteArray &data, qint64 gas, const QString &what,
                  ReceiptCallback next);
    void transactAll(const QList<QJsonObject> &transactions, const QString &what, std::function<void()> next);
    void waitForReceipt(const QString &hash, const QString &what, int attempt, ReceiptCallback next);
    void finishSetup();
    /// Interval mining on, the traffic started; then state Running.
    void run(std::function<void()> then);
    void fail(const Error &error);
    void onProcessFinished();
    QString outputTail() const;
    bool alive(quint64 generation) const { return generation == m_generation && m_state == State::Starting; }

    QString m_program;
    QString m_stateDirectory;
    bool m_resuming = false;       ///< the run is resume()'s, not start()'s
    std::optional<qint64> m_indexedBlock;   ///< resume(): the block the saved chain must reach
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager *m_network = nullptr;
    JsonRpcClient *m_client = nullptr;
    DemoTraffic *m_traffic = nullptr;
    QUrl m_rpcUrl;
    State m_state = State::Stopped;
    quint64 m_generation = 0;      ///< bumped by stop(): callbacks of an earlier run do nothing
    int m_launchAttempts = 0;
    QElapsedTimer m_startClock;
    QByteArray m_output;           ///< the tail of anvil's output, for error messages

    QMap<QString, devnet::ContractArtifact> m_artifacts;
    Address m_deployer;
    DemoChain m_demo;
    ChainConfig m_config;
};

} // namespace arbor
