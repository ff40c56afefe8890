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
class QTemporaryFile;

namespace arbor::test {

/**
 * A local EVM node (anvil) for integration tests, plus the traffic generator in
 * tests/support/devnet/devnet.mjs that deploys TestToken contracts and sends transfers
 * while computing the expected balances itself.
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
 * The devnet directory is the ARBOR_DEVNET_DIR compile definition, overridden by the
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

    /// One JSON-RPC call to the node, e.g. rpc(u"evm_mine"_s, {}, &error). Returns "result".
    std::optional<QJsonValue> rpc(const QString &method, const QJsonArray &params, QString *error,
                                  int timeoutMs = 30000);

private:
    bool startOnce(quint16 port, QString *error);
    QString logTail() const;
    std::optional<QJsonObject> runScript(const QString &command, const QStringList &arguments,
                                         const QByteArray &input, int timeoutMs, QString *error);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryFile> m_log;
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
