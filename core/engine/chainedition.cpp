#include "engine/chainedition.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "rpc/endpointlimiter.h"
#include "store/chainregistry.h"
#include "util/continuation.h"

#include <QCoreApplication>

#include <algorithm>

namespace arbor {

// The messages share the context of adding a chain, "arbor::Engine".

ChainEdition::ChainEdition(ChainRef chain, ChainEdit edit, Services services, QObject *parent)
    : QObject(parent)
    , m_chain(std::move(chain))
    , m_edit(std::move(edit))
    , m_services(std::move(services))
{
}

QFuture<Result<ChainRecord>> ChainEdition::start()
{
    m_promise = std::make_shared<QPromise<Result<ChainRecord>>>();
    m_promise->start();
    QFuture<Result<ChainRecord>> future = m_promise->future();
    check();
    return future;
}

void ChainEdition::check()
{
    struct Checked
    {
        Checked() = default;
        Checked(Error e) : error(std::move(e)) {}
        std::optional<Error> error;
        ChainRecord before;
        ChainConfig after;
    };
    then(m_services.writer->run([chain = m_chain, edit = m_edit](Store &s) -> Checked {
        auto found = ChainRegistry(s).findChain(chain);
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("chain"), QCoreApplication::translate("arbor::Engine", "No chain named or numbered “%1”. See “arborctl chain list”.")
                                                                .arg(chain.toString()));
        auto after = edit.apply(**found);
        if (!after)
            return after.error();
        if (edit.name) {
            if (Status free = ChainRegistry(s).checkNameIsFree(after->name, (*found)->config.chainId); !free)
                return free.error();
        }
        Checked out;
        out.before = **found;
        out.after = *after;
        return out;
    }), this, [this](Checked checked) {
        if (checked.error) {
            Error e = *checked.error;
            e.message = QCoreApplication::translate("arbor::Engine", "Nothing was changed. %1").arg(e.message);
            finish(e);
            return;
        }
        m_before = checked.before;
        m_after = checked.after;
        if (m_edit.addRpcUrls.isEmpty())
            write();
        else
            probeEndpoints();
    });
}

void ChainEdition::probeEndpoints()
{
    // As at add: every request to the new URLs, the probes' included, keeps to the chain's rate.
    for (const QUrl &url : m_edit.addRpcUrls)
        EndpointLimiter::forUrl(url)->setOperatorRate(m_after.rpcRateLimit);
    then(m_services.probeEndpoints(m_edit.addRpcUrls, m_before.config.chainId), this, [this](Result<QList<ProbeResult>> probed) {
        if (!probed) {
            finish(probed.error());
            return;
        }
        QStringList failures;
        for (const ProbeResult &p : std::as_const(*probed)) {
            if (!p.ok()) {
                failures.append(p.error->message);
                continue;
            }
            EndpointRecord e;
            e.url = p.url;
            e.maxRequestsPerSecond = m_after.rpcRateLimit;
            e.status = EndpointStatus::Ok;
            e.latencyMs = p.latencyMs;
            e.lastHead = p.head;
            e.clientVersion = p.clientVersion;
            e.servesHistory = p.servesHistory;
            e.historyNote = p.historyNote;
            e.limits = EndpointLimiter::forUrl(p.url)->limits();
            m_added.append(e);
        }
        if (!failures.isEmpty()) {
            const bool wrongChain = std::any_of(probed->begin(), probed->end(), [](const ProbeResult &p) {
                return p.error && p.error->field == u"chain id";
            });
            const QString message = QCoreApplication::translate("arbor::Engine", "Nothing was changed. %1").arg(failures.join(u' '));
            finish(wrongChain ? Error::invalid(QStringLiteral("add rpc"), message) : Error::unavailable(QStringLiteral("add rpc"), message));
            return;
        }
        write();
    });
}

void ChainEdition::write()
{
    using R = Result<ChainRecord>;
    const qint64 chainId = m_before.config.chainId;
    then(m_services.writer->run([chainId, edit = m_edit, added = m_added](Store &s) -> R {
        if (Status written = ChainRegistry(s).editChain(chainId, edit, added); !written)
            return written.error();
        auto found = ChainRegistry(s).findChain(ChainRef{chainId, {}});
        if (!found)
            return found.error();
        if (!*found)
            return Error::internal(QCoreApplication::translate("arbor::Engine", "The chain was edited but cannot be read back."));
        return **found;
    }), this, [this](R edited) {
        if (!edited) {
            Error e = edited.error();
            e.message = QCoreApplication::translate("arbor::Engine", "Nothing was changed. %1").arg(e.message);
            finish(e);
            return;
        }
        if (m_edit.rpcRateLimit) {
            for (const QUrl &url : std::as_const(edited->config.rpcUrls))
                EndpointLimiter::forUrl(url)->setOperatorRate(*m_edit.rpcRateLimit);
        }
        qCInfo(lcEngine) << "edited chain" << edited->config.chainId << edited->config.name;
        finish(std::move(edited));
    });
}

void ChainEdition::finish(Result<ChainRecord> result)
{
    m_promise->addResult(std::move(result));
    m_promise->finish();
    deleteLater();
}

} // namespace arbor
