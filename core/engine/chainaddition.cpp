#include "engine/chainaddition.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "store/chainregistry.h"
#include "model/entitydef.h"
#include "rpc/endpointlimiter.h"
#include "util/continuation.h"

#include <QCoreApplication>

#include <algorithm>

namespace arbor {

// The messages keep the context they have always had, "arbor::Engine", and so their translations.

ChainAddition::ChainAddition(ChainConfig requested, Services services, QObject *parent)
    : QObject(parent)
    , m_config(std::move(requested))
    , m_services(std::move(services))
{
}

QFuture<Result<ChainRecord>> ChainAddition::start()
{
    m_promise = std::make_shared<QPromise<Result<ChainRecord>>>();
    m_promise->start();
    QFuture<Result<ChainRecord>> future = m_promise->future();
    if (Status s = m_config.validate(); !s)
        finish(s.error());
    else
        checkIsNew();
    return future;
}

void ChainAddition::checkIsNew()
{
    then(m_services.writer->run([config = m_config](Store &s) { return ChainRegistry(s).checkChainIsNew(config); }), this, [this](Status isNew) {
        if (!isNew) {
            finish(isNew.error());
            return;
        }
        probeEndpoints();
    });
}

void ChainAddition::probeEndpoints()
{
    // Every request to these URLs, the probes' included, keeps to the rate the operator set.
    for (const QUrl &url : std::as_const(m_config.rpcUrls))
        EndpointLimiter::forUrl(url)->setOperatorRate(m_config.rpcRateLimit);
    then(m_services.probeEndpoints(m_config.rpcUrls, m_config.chainId), this, [this](Result<QList<ProbeResult>> probed) {
        if (!probed) {
            finish(probed.error());
            return;
        }
        QStringList failures;
        std::optional<qint64> lowestHead;
        for (const ProbeResult &p : std::as_const(*probed)) {
            if (!p.ok()) {
                failures.append(p.error->message);
                continue;
            }
            EndpointRecord e;
            e.url = p.url;
            e.priority = int(m_endpoints.size());
            e.maxRequestsPerSecond = m_config.rpcRateLimit;
            e.status = EndpointStatus::Ok;
            e.latencyMs = p.latencyMs;
            e.lastHead = p.head;
            e.clientVersion = p.clientVersion;
            e.servesHistory = p.servesHistory;
            e.historyNote = p.historyNote;
            e.limits = EndpointLimiter::forUrl(p.url)->limits();
            m_endpoints.append(e);
            lowestHead = lowestHead ? std::min(*lowestHead, p.head) : p.head;
        }
        if (!failures.isEmpty()) {
            const bool wrongChain = std::any_of(probed->begin(), probed->end(), [](const ProbeResult &p) {
                return p.error && p.error->field == u"chain id";
            });
            const QString message = QCoreApplication::translate("arbor::Engine", "Nothing was added. %1").arg(failures.join(u' '));
            finish(wrongChain ? Error::invalid(QStringLiteral("chain id"), message) : Error::unavailable(QStringLiteral("rpc"), message));
            return;
        }
        m_lowestHead = *lowestHead;
        if (!m_config.startBlock)
            m_config.startBlock = m_lowestHead;   // "latest": the head every endpoint can serve
        if (*m_config.startBlock > m_lowestHead) {
            finish(Error::invalid(QStringLiteral("start block"),
                                  QCoreApplication::translate("arbor::Engine", "Start block %1 is beyond the chain's head (%2). Nothing was added.")
                                      .arg(*m_config.startBlock).arg(m_lowestHead)));
            return;
        }
        probeTokens();
    });
}

void ChainAddition::probeTokens()
{
    then(m_services.probeTokens(m_config.rpcUrls.first(), m_config.tokens, m_lowestHead, m_config.startBlock), this, [this](Result<QList<TokenInfo>> tokens) {
            if (!tokens) {
                Error e = tokens.error();
                e.message = QCoreApplication::translate("arbor::Engine", "Nothing was added. %1").arg(e.message);
                finish(e);
                return;
            }
            registerChain(*tokens);
        });
}

void ChainAddition::registerChain(const QList<TokenInfo> &tokens)
{
    using R = Result<ChainRecord>;
    // The token probes may have met the endpoint's rate limit too: the rows keep all it learned.
    for (EndpointRecord &e : m_endpoints)
        e.limits = EndpointLimiter::forUrl(e.url)->limits();
    then(m_services.writer->run([config = m_config, endpoints = m_endpoints, tokens, sample = m_sampledLogsPerBlock](Store &s) -> R {
        Status registered = s.transaction([&]() -> Status {
            if (Status r = ChainRegistry(s).registerChain(config, endpoints, evmEntities(), tokens); !r)
                return r;
            return sample ? ChainRegistry(s).setEventSample(config.chainId, *sample) : Status{};
        });
        if (!registered)
            return registered.error();
        auto found = ChainRegistry(s).findChain(ChainRef{config.chainId, {}});
        if (!found)
            return found.error();
        if (!*found)
            return Error::internal(QCoreApplication::translate("arbor::Engine", "The chain was registered but cannot be read back."));
        return **found;
    }), this, [this](R added) {
        if (added)
            qCInfo(lcEngine) << "added chain" << added->config.chainId << added->config.name;
        finish(std::move(added));
    });
}

void ChainAddition::finish(Result<ChainRecord> result)
{
    m_promise->addResult(std::move(result));
    m_promise->finish();
    deleteLater();
}

} // namespace arbor
