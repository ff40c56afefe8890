#pragma once

#include "error.h"
#include "model/chainedit.h"
#include "rpc/endpointprobe.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace arbor {

class StoreThread;

/**
 * Editing one registered chain, as one operation in three steps: read the chain and check the
 * edit against it (ChainEdit::apply(): the checks adding a chain makes, and the edit's own);
 * probe the URLs it adds as adding a chain does (eth_chainId must be the chain's; every request
 * through the URL's EndpointLimiter at the chain's rate, or the edit's); write the edit in one
 * writer job (ChainRegistry::editChain(), which checks it again in its transaction) and read
 * the chain back.
 *
 * Invariant: nothing is written unless every check passes; the first failure ends the
 * operation with a message that says nothing was changed. The operation deletes itself when
 * it is done.
 *
 * Thread: the Engine's; the database steps run on the writer thread, the probes wherever the
 * Services run them (the Engine's network thread).
 */
class ChainEdition final : public QObject
{
    Q_OBJECT

public:
    /// What editing a chain needs from the engine that runs it.
    struct Services
    {
        StoreThread *writer = nullptr;
        std::function<QFuture<Result<QList<ProbeResult>>>(const QList<QUrl> &urls, qint64 expectedChainId)> probeEndpoints;
    };

    ChainEdition(ChainRef chain, ChainEdit edit, Services services, QObject *parent = nullptr);

    /// Runs the steps; the future holds the chain as stored afterwards.
    QFuture<Result<ChainRecord>> start();

private:
    void check();
    void probeEndpoints();
    void write();
    void finish(Result<ChainRecord> result);

    const ChainRef m_chain;
    const ChainEdit m_edit;
    const Services m_services;
    ChainRecord m_before;                  ///< as read by check()
    ChainConfig m_after;                   ///< the edit applied to m_before
    QList<EndpointRecord> m_added;         ///< the added URLs, probed and answering
    std::shared_ptr<QPromise<Result<ChainRecord>>> m_promise;
};

} // namespace arbor
