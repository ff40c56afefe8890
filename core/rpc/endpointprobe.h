#pragma once

#include "error.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace arbor {

/// What probing one RPC URL found.
struct ProbeResult
{
    QUrl url;
    std::optional<Error> error;     ///< unset when the endpoint answered every call
    qint64 chainId = 0;
    qint64 head = 0;
    QString clientVersion;          ///< empty when the node does not implement web3_clientVersion
    double latencyMs = 0;           ///< round trip of eth_blockNumber
    /// Whether the node serves state at old blocks (eth_getBalance at block 1); unset when the
    /// chain is too young to tell or the call did not get an answer either way.
    std::optional<bool> servesHistory;
    QString historyNote;            ///< the node's refusal when it does not

    bool ok() const { return !error.has_value(); }
};

/**
 * Probes RPC endpoints before a chain is registered: eth_chainId, eth_blockNumber,
 * web3_clientVersion and whether it serves historical state on every URL at once, and the
 * chain id checked against the expected one.
 *
 * Thread: lives on the network thread with its QNetworkAccessManager; `done` runs there.
 */
class EndpointProbe final : public QObject
{
    Q_OBJECT

public:
    explicit EndpointProbe(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// `expectedChainId` 0 skips the chain-id check (the wizard asks the node first).
    void probe(const QList<QUrl> &urls, qint64 expectedChainId, std::function<void(QList<ProbeResult>)> done);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
};

} // namespace arbor
