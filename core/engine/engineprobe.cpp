// Engine: Probe now — every RPC endpoint of a chain asked for its head at once.

#include "engine/engine.h"

#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "engine/storethread.h"
#include "rpc/endpointpool.h"
#include "store/chainregistry.h"
#include "util/continuation.h"

#include <QNetworkAccessManager>

namespace arbor {

using futures::fulfil;
using futures::makePromise;
using futures::ready;

QFuture<Result<QList<EndpointRecord>>> Engine::probeNow(const ChainRef &chain)
{
    using R = Result<QList<EndpointRecord>>;
    if (!m_state.started)
        return ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    auto promise = makePromise<R>();
    then(m_reader->run([chain](Store &s) { return ChainRegistry(s).findChain(chain); }), this, [this, chain, promise](Result<std::optional<ChainRecord>> found) {
            if (!found) {
                fulfil(promise, R(found.error()));
                return;
            }
            if (!*found) {
                fulfil(promise, R(Error::notFound(QStringLiteral("chain"), tr("No chain named or numbered “%1”. See “arborctl chain list”.")
                                                                            .arg(chain.toString()))));
                return;
            }
            const ChainRecord record = **found;
            const auto deliver = [promise](QList<EndpointRecord> endpoints) { fulfil(promise, R(std::move(endpoints))); };
            if (m_indexers && m_indexers->probeNow(record.config.chainId, deliver))
                return;
            // Not indexed here: a pool of its own on the network thread, asked once and dropped.
            QNetworkAccessManager *network = m_network;
            const RpcPolicy policy = m_options.indexer.rpc;
            QMetaObject::invokeMethod(network, [network, policy, record, deliver] {
                auto *pool = new EndpointPool(network, record.endpoints, policy);
                pool->probeNow([pool, record, deliver](const QList<EndpointHealth> &health) {
                    QList<EndpointRecord> out;
                    for (const EndpointHealth &h : health) {
                        EndpointRecord e = h.record();
                        for (const EndpointRecord &stored : record.endpoints) {
                            if (stored.id == e.id)
                                e.clientVersion = stored.clientVersion;
                        }
                        out.append(e);
                    }
                    pool->deleteLater();
                    deliver(out);
                });
            });
        });
    return promise->future();
}

} // namespace arbor
