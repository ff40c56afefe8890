#include "engine/enginecontext.h"

#include "engine/chainleasekeeper.h"
#include "engine/leasekeeper.h"
#include "net/chaindatafetcher.h"
#include "rpc/endpointprobe.h"
#include "store/chainregistry.h"
#include "util/workerthread.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcEngine, "arbor.engine")

namespace arbor {

EngineContext::EngineContext(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_writer(std::make_unique<StoreThread>(QStringLiteral("arbor-store-writer")))
    , m_reader(std::make_unique<StoreThread>(QStringLiteral("arbor-store-reader")))
    , m_lease(std::make_unique<LeaseKeeper>(LeaseHolder::currentProcess(m_options.app), m_options.heartbeatMs))
    , m_chainLeases(std::make_unique<ChainLeaseKeeper>(m_writer.get(), int(std::max<qint64>(200, m_options.chainLeaseMs / 6))))
{
    m_state.backend = m_options.database.displayName();
    connect(m_lease.get(), &LeaseKeeper::lost, this, [this](const QString &reason) {
        if (!m_shared) {
            markReadOnly(reason);
            return;
        }
        // Another engine coordinates now (this one stalled past the lease): the chores stop
        // here, indexing goes on for the chains this engine still holds.
        qCWarning(lcEngine).noquote() << "no longer the coordinator:" << reason;
        m_lease->standBy(m_writer.get(), m_options.leaseStaleAfterMs);
        Q_EMIT coordinatorChanged(false);
    });
    connect(m_lease.get(), &LeaseKeeper::gained, this, [this] {
        qCInfo(lcEngine) << "this engine coordinates now";
        Q_EMIT coordinatorChanged(true);
    });

    m_networkThread.setObjectName(QStringLiteral("arbor-network"));
    m_network = new QNetworkAccessManager;
    m_probe = new EndpointProbe(m_network, m_network);
    m_probe->setTimeout(m_options.probeTimeoutMs);
    m_fetcher = new ChainDataFetcher(m_network, m_network);
    m_network->moveToThread(&m_networkThread);
    connect(&m_networkThread, &QThread::finished, m_network, &QObject::deleteLater);
    runInBackground(&m_networkThread);
    joinable(&m_networkThread);
    m_networkThread.start();
}

EngineContext::~EngineContext()
{
    m_networkThread.quit();
    join(&m_networkThread);
}

void EngineContext::markStarted()
{
    m_state.started = true;
    Q_EMIT stateChanged(m_state);
}

void EngineContext::markReadOnly(const QString &reason)
{
    m_lease->stop();
    m_chainLeases->leave();
    m_state.readOnly = true;
    m_state.readOnlyReason = reason;
    qCWarning(lcEngine) << "read-only:" << reason;
    Q_EMIT stateChanged(m_state);
}

Status EngineContext::checkWritable() const
{
    if (!m_state.started)
        return notStarted();
    if (m_state.readOnly)
        return Error::refused(QCoreApplication::translate("arbor::Engine", "The console is read-only: %1").arg(m_state.readOnlyReason));
    return {};
}

Error EngineContext::notStarted()
{
    return Error::unavailable(QStringLiteral("database"), QCoreApplication::translate("arbor::Engine", "The engine has not started."));
}

bool EngineContext::holdsLease() const
{
    return m_lease->holds();
}

Status EngineContext::onNetworkThread(std::function<void()> work) const
{
    // The manager is deleted as its thread ends: a command that reaches here after shutdown()
    // (one step of a chain add whose write finished meanwhile) is refused, not posted to it.
    if (m_networkClosed)
        return Error::unavailable(QStringLiteral("engine"), QCoreApplication::translate("arbor::Engine", "The engine is stopping; nothing was sent."));
    QMetaObject::invokeMethod(m_network, std::move(work));
    return {};
}

QFuture<void> EngineContext::closeNetwork()
{
    m_networkClosed = true;
    QFuture<void> finished = whenFinished(&m_networkThread);
    m_networkThread.quit();
    return finished;
}

Result<ChainRecord> EngineContext::resolveChain(Store &store, const ChainRef &chain)
{
    auto found = ChainRegistry(store).findChain(chain);
    if (!found)
        return found.error();
    if (!*found)
        return noSuchChain(chain);
    return **found;
}

Error EngineContext::noSuchChain(const ChainRef &chain)
{
    return Error::notFound(QStringLiteral("chain"), QCoreApplication::translate("arbor::Engine", "No chain named or numbered “%1”. See “arborctl chain list”.")
                                                        .arg(chain.toString()));
}

} // namespace arbor
