#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QProcess;
class QTemporaryDir;
class QTemporaryFile;

namespace arbor::test {

/**
 * A local EVM node (anvil) for integration tests, plus the generators in
 * tests/support/devnet/devnet.mjs: TestToken contracts with transfers whose balances it
 * computes itself, ERC-8004 agent registries with the events it sent, and reorgs.
 *
 * Everything here blocks the calling thread (local event loops, waitFor* calls); use it
 * from the test's main thread only. The node runs until stop() or destruction, and on
 * Linux also dies with the test process, so a crashed or timed-out test leaves no anvil.
 *
 * Typical use:
 * \code
 *     ARBOR_REQUIRE_DEVNET();
 *     Devnet devnet;
 *     QString error;
 *     QVERIFY2(devnet.start(&error), qPrintable(error));
 *     const auto deployed = devnet.deployTokens(3, &error);
 *     QVERIFY2(deployed, qPrintable(error));
 * \endcode
 *
 * The devnet directory is tests/support/devnet of the source tree, overridden by the
 * ARBOR_DEVNET_DIR environment variable. node is taken from PATH.
 */
class Devnet final
{
public:
    Devnet();
    ~Devnet();
    Devnet(const Devnet &) = delete;
    Devnet &operator=(const Devnet &) = delete;

    /// Empty when node, anvil and solc are installed; otherwise what is missing and how to fix it.
    static QString unavailableReason();
    /// True when the CI environment variable is set: a missing devnet must then fail a test.
    static bool requiredByEnvironment();
    /// Absolute path of tests/support/devnet.
    static QString directory();

    /// Extra anvil arguments for the next start(), e.g. {u"--block-time"_s, u"1"_s}.
    void setExtraArguments(const QStringList &arguments);

    /**
     * Starts anvil on a free loopback port and waits until it answers JSON-RPC (at most ~20 s).
     * anvil keeps the state of about the last 500 blocks only (--max-persisted-states 0), so
     * eth_call at older blocks fails; pass --prune-history N as an extra argument for more.
     */
    bool start(QString *error, quint64 chainId = 31337);
    /// Kills anvil and waits for it; safe to call when not running.
    void stop();
    bool isRunning() const;
    /// anvil's process id while it runs (it changes with restartFromStateDump()), else 0.
    qint64 processId() const;

    /**
     * Turns the running node into "a node started from a state dump", the kind operators meet
     * as public RPC endpoints and pruned full nodes: dumps anvil's state (anvil_dumpState,
     * written by `devnet.mjs dump-state` as the plain JSON --load-state reads), kills anvil and
     * starts it again with `--load-state FILE` and the same chain id and extra arguments, on
     * the same port when it is free again within a few seconds (rpcUrl() tells; it changes
     * only when another process took the port meanwhile).
     *
     * The new node has the same head, block hashes, transactions, receipts and logs, and
     * state at the head (eth_call, eth_getBalance, eth_getCode at "latest" answer as before),
     * but no state at any block before the loaded head: such calls fail with anvil's
     * "BlockOutOfRangeError: block height is N but requested was M". Blocks mined after the
     * restart get state as usual (about the last 500, see start()), so traffic, evm_mine and
     * readBalances() work on it; reorg() deeper than the restart does not. Checked on anvil
     * 1.7.1 (tst_devnet's restartedNodeHasLogsButNoOldState).
     *
     * Blocks for as long as the dump, the load and startup take (seconds for a chain of
     * 100,000 transfers). The dump file lives until stop(). On failure the devnet is stopped.
     */
    bool restartFromStateDump(QString *error);
    /**
     * Starts this devnet as a second node of \a primary's chain, as a provider runs several
     * behind one URL: anvil on a free port, loaded from a dump of the primary's state (same
     * blocks, same hashes, no history of state, like restartFromStateDump()). From then on the
     * two mine apart: blocks made on one only are another fork to the other.
     */
    bool startReplicaOf(Devnet &primary, QString *error);
    /// True when the running node was started from a state dump by restartFromStateDump().
    bool isFromStateDump() const;

    QUrl rpcUrl() const;
    quint64 chainId() const;

    /**
     * Deploys \a n TestToken contracts (decimals 18, 6, 8, 18, ...) from anvil's first account.
     * Returns {"chainId", "tokens": [{"address", "name", "symbol", "decimals", "deployBlock",
     * "deployer"}]} with lowercase addresses.
     */
    std::optional<QJsonObject> deployTokens(int n, QString *error);

    /**
     * Mints every token to \a holders generated addresses, then sends \a transfers transfers
     * among them spread over about \a blocks blocks; the same seed gives the same traffic.
     * Returns {"fromBlock", "toBlock", "transfers": {token: Transfer events incl. mints},
     * "mints": {token: n}, "minted": {token: decimal}, "balances": {token: {holder: decimal}},
     * "holders": [...]}, computed by the generator without reading the chain back.
     * fromBlock is the first mint block; the transfers follow in \a blocks blocks (more only
     * if a block's gas limit forces it). Holders send through anvil's auto-impersonation,
     * which stays on; automine is restored. Holders must not already hold the tokens: use
     * a different seed for a second run on the same tokens. Fails if any transaction reverts
     * or does not land in the block it was sent for.
     */
    std::optional<QJsonObject> generateTraffic(const QStringList &tokens, int transfers, int holders,
                                               int blocks, quint64 seed, QString *error);

    /**
     * Reads balanceOf and totalSupply from the chain at the latest block:
     * {"block", "totalSupply": {token: decimal}, "balances": {token: {holder: decimal}}}.
     */
    std::optional<QJsonObject> readBalances(const QStringList &tokens, const QStringList &holders,
                                            QString *error);

    /**
     * Deploys the minimal ERC-8004 registries of tests/support/devnet/contracts from anvil's
     * first account: IdentityRegistry, then ReputationRegistry and ValidationRegistry bound
     * to it, one block each. Returns {"identity", "reputation", "validation", "deployBlock"}:
     * lowercase addresses and the block of the first (Identity) deployment.
     */
    std::optional<QJsonObject> deployRegistries(QString *error);

    /**
     * Registers \a agents agents on \a registries (as deployRegistries() returns them) and
     * sends \a events further ERC-8004 events among them, interleaved, in blocks of 1..8
     * transactions from six senders derived from \a seed; the same seed on fresh registries
     * gives the same events. With \a events >= 7 every event kind occurs; values cover both
     * int128 extremes, valueDecimals 0 and 18, empty, non-ASCII and over-32-byte strings, and
     * empty and non-empty metadata. Agent ids continue from the registry's last one.
     *
     * Returns {"fromBlock", "toBlock", "events": [...]}, agents + events entries in chain
     * order, each as the generator sent it (not read back from logs) with its position from
     * the receipt: {"registry", "kind": "identity"|"reputation"|"validation", "event",
     * "blockNumber", "logIndex", "txHash", "agentId", then the event's parameters by their
     * names in the ERC-8004 signature}. Integers are decimal strings (int128 values signed),
     * bytes and bytes32 0x-hex, addresses lowercase; an indexed string parameter
     * (indexedMetadataKey, indexedTag1) holds its topic, keccak-256 of the string. Fails if
     * any transaction reverts or lands outside the block it was sent for.
     */
    std::optional<QJsonObject> generateAgentTraffic(const QJsonObject &registries, int agents, int events, quint64 seed,
                                                    QString *error);

    /**
     * The exact ERC-8004 actions of \a script, one transaction and block each, in order
     * (devnet.mjs agent-script): {"register": {"uri"}}, {"setURI": {"agentId", "uri"}},
     * {"feedback": {"agentId", "value", "decimals", "tag1", "tag2", "endpoint", "feedbackURI",
     * "feedbackHash"}}. Returns {"results": [{"action", "agentId", "txHash", "blockNumber",
     * "feedbackIndex" (feedback)}]}; agents are owned by one account, feedback comes from another.
     */
    std::optional<QJsonObject> runAgentScript(const QJsonObject &registries, const QJsonArray &script, QString *error);

    /**
     * Reorganises the chain with anvil_reorg: the last \a depth blocks are replaced by new
     * ones holding \a transfers different transfers of \a tokens among \a holders (empty:
     * every recipient of a Transfer up to the common ancestor). A sender needs the token and
     * ETH for gas at the common ancestor, as holders of an earlier generateTraffic() have.
     * \a newBlocks (0: \a depth) new blocks are made; those past \a depth are mined on top,
     * so the head moves by newBlocks - depth. The first new block always has a transfer.
     *
     * Returns {"depth", "commonAncestor", "fromBlock", "toBlock", "oldHashes": {number: hash}
     * of the replaced blocks, "newHashes": {number: hash} of all new blocks,
     * "removedTransfers": the tokens' Transfer logs of the replaced blocks,
     * "addedTransfers": the transfers sent, "balances": {token: {holder: decimal}}}, with a
     * transfer as {"token", "from", "to", "value", "blockNumber", "logIndex", "txHash"}. The
     * balances are computed: balanceOf at the common ancestor plus the added transfers.
     * Fails unless every replaced height got a new hash, every replaced transaction is gone
     * and every added transfer succeeded in its block.
     */
    std::optional<QJsonObject> reorg(int depth, const QStringList &tokens, int transfers, const QStringList &holders,
                                     quint64 seed, QString *error, int newBlocks = 0);

    /// One JSON-RPC call to the node, e.g. rpc(u"evm_mine"_s, {}, &error). Returns "result".
    std::optional<QJsonValue> rpc(const QString &method, const QJsonArray &params, QString *error,
                                  int timeoutMs = 30000);

private:
    /// A dump of this node's state, in a folder of its own, and how long a node takes to load it.
    struct StateDump
    {
        std::unique_ptr<QTemporaryDir> dir;
        QString file;
        qint64 head = -1;
        qint64 bytes = 0;
        int loadTimeoutMs = 0;
    };
    std::optional<StateDump> dumpState(QString *error);
    bool startOnce(quint16 port, QString *error, int timeoutMs);
    void killNode();
    /// After a start from a dump of block `head`: true when the node is there, else it is
    /// stopped and `error` says "`what` of block N is at block M".
    bool loadedHeadIs(qint64 head, const QString &what, QString *error);
    QString logTail() const;
    std::optional<QJsonObject> runScript(const QString &command, const QStringList &arguments,
                                         const QByteArray &input, int timeoutMs, QString *error);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryFile> m_log;
    std::unique_ptr<QTemporaryDir> m_stateDir;              ///< holds the dump the node loaded
    QString m_stateFile;                                    ///< --load-state FILE, when set
    std::unique_ptr<QNetworkAccessManager> m_network;
    QStringList m_extraArguments;
    QUrl m_rpcUrl;
    quint64 m_chainId = 0;
    int m_nextRpcId = 1;
};

} // namespace arbor::test

/// Skips the current Qt Test function when the devnet is not installed, or fails it
/// under CI, where a missing devnet is a broken setup. Needs <QTest>.
#define ARBOR_REQUIRE_DEVNET()                                                              \
    do {                                                                                    \
        const QString arborDevnetReason = ::arbor::test::Devnet::unavailableReason();       \
        if (!arborDevnetReason.isEmpty()) {                                                 \
            if (::arbor::test::Devnet::requiredByEnvironment())                             \
                QFAIL(qPrintable(arborDevnetReason));                                       \
            QSKIP(qPrintable(arborDevnetReason));                                           \
        }                                                                                   \
    } while (false)
