// Engine: editing a registered chain (ChainEdition), and the indexer taking the edit up.

#include "engine/engine.h"

#include "engine/chainedition.h"
#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "util/continuation.h"

namespace arbor {

using futures::ready;

QFuture<Result<ChainRecord>> Engine::editChain(const ChainRef &chain, const ChainEdit &edit)
{
    using R = Result<ChainRecord>;
    if (Status s = checkWritable(); !s)
        return ready<R>(s.error());
    ChainEdition::Services services;
    services.writer = m_writer.get();
    services.probeEndpoints = [this](const QList<QUrl> &urls, qint64 chainId) { return probeEndpoints(urls, chainId); };
    auto *edition = new ChainEdition(chain, edit, std::move(services), this);
    return then(edition->start(), this, [this](R edited) {
        if (edited) {
            m_indexers->checkForWork(edited->config.chainId);
            refreshSnapshot();
        }
        return edited;
    });
}

} // namespace arbor
