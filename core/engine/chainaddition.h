#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "rpc/endpointprobe.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>
#include <optional>

namespace arbor {

class StoreThread;

/**
 * Adding one chain (DESIGN.md §7), as one operation in four steps: check that the chain is new;
 * probe every RPC URL (the chain id must match on all; the probes already keep to the rate the
 * operator set); probe the tokens, from the start block, through the first URL; register the
 * chain with its endpoints, tokens and tables in one writer job and read it back.
 *
 * Invariant: nothing is written unless every check passes; the first failure ends the operation
 * with a message that says nothing was added. The operation deletes itself when it is done.
 *
 * Thread: the Engine's; the database steps run on the writer thread, the probes wherever the
 * Services run them (the Engine's network thread).
 */
class ChainAddition final : public QObject
{
    Q_OBJECT

public:
    /// What adding a chain needs from the engine that runs it.
    struct Services
    {
        StoreThread *writer = nullptr;
        std::function<QFuture<Result<QList<ProbeResult>>>(const QList<QUrl> &urls, qint64 expectedChainId)> probeEndpoints;
        std::function<QFuture<Result<QList<TokenInfo>>>(const QUrl &url, const QList<Address> &tokens, qint64 head,
                                                        std::optional<qint64> startBlock)> probeTokens;
    };

    ChainAddition(ChainConfig requested, Services services, QObject *parent = nullptr);

    /// Events per block a sample of the range found (the wizard samples before the add): kept
    /// with the registration, so that the indexer starting on it sizes its first eth_getLogs by it.
    void setSampledLogsPerBlock(std::optional<double> logsPerBlock) { m_sampledLogsPerBlock = logsPerBlock; }
    /// Validates the configuration and runs the steps; the future holds the registered chain.
    QFuture<Result<ChainRecord>> start();

private:
    void checkIsNew();
    void probeEndpoints();
    void probeTokens();
    void registerChain(const QList<TokenInfo> &tokens);
    void finish(Result<ChainRecord> result);

    ChainConfig m_config;                  ///< as requested; the start block is settled by probeEndpoints()
    const Services m_services;
    QList<EndpointRecord> m_endpoints;     ///< every URL, probed and answering, in the operator's order
    qint64 m_lowestHead = 0;               ///< the head every endpoint can serve
    std::optional<double> m_sampledLogsPerBlock;
    std::shared_ptr<QPromise<Result<ChainRecord>>> m_promise;
};

} // namespace arbor
