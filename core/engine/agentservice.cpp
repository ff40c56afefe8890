#include "engine/agentservice.h"

#include "agents/registrationfile.h"
#include "engine/enginecontext.h"
#include "engine/enginelog.h"
#include "net/chaindatafetcher.h"
#include "net/outboundguard.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

#include <algorithm>

namespace arbor {

using futures::fulfil;
using futures::makePromise;
using futures::ready;

namespace {

// Registration files fetched at once; each host is paced by the fetcher besides.
constexpr int MaxResolving = 4;
constexpr qint64 FirstBackoffMs = 5 * 60 * 1000;

qint64 wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Messages in the translation context "arbor::AgentService".
struct AgentText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::AgentService)
};

Error noSuchAgent(const ChainRecord &chain, const U256 &agentId)
{
    return Error::notFound(QStringLiteral("agent"), AgentText::tr("Chain “%1” has no agent %2 in its identity registry. See “arborctl agents list --chain %1”.")
                                                        .arg(chain.config.name, u256::toDecimal(agentId)));
}

} // namespace

qint64 registrationBackoffMs(int failures, qint64 refreshMs)
{
    const int doublings = std::clamp(failures - 1, 0, 20);
    return std::min(refreshMs, FirstBackoffMs << doublings);
}

AgentService::AgentService(EngineContext &context, QObject *parent)
    : EngineService(context, parent)
{
    // Resolving registration files is a once-only chore: it follows the coordinator's role.
    connect(&context, &EngineContext::coordinatorChanged, this, [this](bool coordinates) {
        if (coordinates)
            start();
        else
            stop();
    });
    qRegisterMetaType<qint64>("qint64");
    m_resolveTimer.setObjectName(QStringLiteral("registrationTimer"));
    connect(&m_resolveTimer, &QTimer::timeout, this, &AgentService::resolveDue);
    connect(&context, &EngineContext::stateChanged, this, [this](const EngineState &state) {
        if (state.readOnly)
            stop();
    });
}

AgentService::~AgentService()
{
    m_resolveTimer.stop();
}

void AgentService::start()
{
    if (!m_context.options().indexing || m_context.readOnly() || !m_context.holdsLease() || m_context.options().registrationPollMs <= 0)
        return;
    m_resolveTimer.start(m_context.options().registrationPollMs);
    resolveDue();
}

void AgentService::stop()
{
    m_resolveTimer.stop();
}

void AgentService::resolveDue()
{
    if (!m_context.active() || m_resolving || m_inFlight > 0)
        return;
    m_resolving = true;
    struct Due
    {
        QList<RegistrationDue> due;
        QStringList hosts;
        QString gateway;
    };
    then(m_context.reader()->run([](Store &store) -> Result<Due> {
             AgentStore agents(store);
             auto due = agents.dueRegistrations(wallClockMs(), MaxResolving);
             if (!due)
                 return due.error();
             auto hosts = agents.outboundHosts();
             if (!hosts)
                 return hosts.error();
             auto gateway = agents.ipfsGateway();
             if (!gateway)
                 return gateway.error();
             return Due{*due, *hosts, *gateway};
         }),
         this, [this](const Result<Due> &found) {
             m_resolving = false;
             if (!m_context.active())
                 return;
             if (!found) {
                 qCWarning(lcEngine) << "Could not look for registration files to fetch:" << found.error().toString();
                 return;
             }
             for (const RegistrationDue &due : found->due)
                 resolveOne(due, found->hosts, found->gateway);
         });
}

void AgentService::resolveOne(const RegistrationDue &due, const QStringList &allowedHosts, const QString &gateway)
{
    ++m_inFlight;
    auto promise = makePromise<RegistrationFetch>();
    ChainDataFetcher *fetcher = m_context.fetcher();
    const qint64 refreshMs = m_context.options().registrationRefreshMs;
    const Status posted = m_context.onNetworkThread([fetcher, due, policy = OutboundPolicy(allowedHosts), gateway, refreshMs, promise] {
        fetcher->setPolicy(policy);
        fetcher->setIpfsGateway(gateway);
        fetcher->fetch(due.uri, QStringLiteral("agentURI"), [due, refreshMs, promise](Result<FetchedDocument> document) {
            RegistrationFetch out;
            out.due = due;
            out.at = wallClockMs();
            if (document) {
                auto registration = parseRegistrationFile(document->body);
                if (registration) {
                    out.registration = registrationToJson(*registration);
                    out.raw = document->body;
                } else {
                    out.error = AgentText::tr("The registration file is not valid: %1").arg(registration.error().toString());
                }
            } else {
                out.error = document.error().toString();
            }
            out.nextFetchAt = out.at + (out.registration ? refreshMs : registrationBackoffMs(due.failures + 1, refreshMs));
            fulfil(promise, std::move(out));
        });
    });
    if (!posted) {
        --m_inFlight;   // the engine stops: the registration is fetched by the next one
        return;
    }
    then(promise->future(), this, [this](const RegistrationFetch &fetched) {
        if (!fetched.error.isEmpty())
            qCInfo(lcEngine).noquote() << "agent" << u256::toDecimal(fetched.due.agentId) << "of chain" << fetched.due.chainId
                                      << "registration not resolved:" << fetched.error;
        then(m_context.write([fetched](Store &store) { return AgentStore(store).recordRegistration(fetched); }), this,
             [this, chainId = fetched.due.chainId](Status recorded) {
                 if (!recorded)
                     qCWarning(lcEngine) << "Could not record a registration file:" << recorded.error().toString();
                 else
                     Q_EMIT agentsChanged(chainId);
                 resolvedOne();
             });
    });
}

void AgentService::resolvedOne()
{
    if (--m_inFlight == 0 && m_resolveTimer.isActive())
        resolveDue();   // more may be due: a chain with many agents is worked through without waiting
}

QFuture<Result<QList<AgentRecord>>> AgentService::agents(const ChainRef &chain)
{
    using R = Result<QList<AgentRecord>>;
    return m_context.read([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return AgentStore(s).agents(c->config.chainId);
    });
}

QFuture<Result<AgentDetail>> AgentService::agent(const ChainRef &chain, const U256 &agentId)
{
    using R = Result<AgentDetail>;
    return m_context.read([chain, agentId](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        auto found = AgentStore(s).agent(c->config.chainId, agentId);
        if (!found)
            return found.error();
        if (!*found)
            return noSuchAgent(*c, agentId);
        return std::move(**found);
    });
}

QFuture<Result<AgentRecord>> AgentService::setMcpToken(const ChainRef &chain, const U256 &agentId, const std::optional<SecretRef> &token)
{
    using R = Result<AgentRecord>;
    auto future = m_context.write([chain, agentId, token](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        AgentStore agents(s);
        auto found = agents.agent(c->config.chainId, agentId);
        if (!found)
            return found.error();
        if (!*found)
            return noSuchAgent(*c, agentId);
        if (Status set = agents.setMcpToken(c->config.chainId, agentId, token); !set)
            return set.error();
        auto changed = agents.agent(c->config.chainId, agentId);
        if (!changed)
            return changed.error();
        return (**changed).agent;
    });
    return then(future, this, [this](R record) {
        if (record)
            Q_EMIT agentsChanged(record->chainId);
        return record;
    });
}

QFuture<Result<qint64>> AgentService::refreshRegistrations(const ChainRef &chain, const std::optional<U256> &agentId)
{
    using R = Result<qint64>;
    auto future = m_context.write([chain, agentId](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        if (agentId) {
            auto found = AgentStore(s).agent(c->config.chainId, *agentId);
            if (!found)
                return found.error();
            if (!*found)
                return noSuchAgent(*c, *agentId);
        }
        return AgentStore(s).refreshRegistrations(c->config.chainId, agentId);
    });
    return then(future, this, [this](R due) {
        if (due && m_resolveTimer.isActive())
            resolveDue();
        return due;
    });
}

QFuture<Result<QStringList>> AgentService::outboundHosts()
{
    return m_context.read([](Store &s) { return AgentStore(s).outboundHosts(); });
}

QFuture<Result<bool>> AgentService::allowOutbound(const QString &host)
{
    auto normalized = normalizeOutboundHost(host, QStringLiteral("host"));
    if (!normalized)
        return ready(Result<bool>(normalized.error()));
    auto future = m_context.write([host = *normalized](Store &s) { return AgentStore(s).allowOutbound(host); });
    return then(future, this, [this](Result<bool> added) {
        if (added && *added)
            Q_EMIT outboundHostsChanged();
        return added;
    });
}

QFuture<Result<bool>> AgentService::denyOutbound(const QString &host)
{
    auto normalized = normalizeOutboundHost(host, QStringLiteral("host"));
    if (!normalized)
        return ready(Result<bool>(normalized.error()));
    auto future = m_context.write([host = *normalized](Store &s) { return AgentStore(s).denyOutbound(host); });
    return then(future, this, [this](Result<bool> removed) {
        if (removed && *removed)
            Q_EMIT outboundHostsChanged();
        return removed;
    });
}

QFuture<Result<QString>> AgentService::ipfsGateway()
{
    return m_context.read([](Store &s) { return AgentStore(s).ipfsGateway(); });
}

QFuture<Result<QString>> AgentService::setIpfsGateway(const QString &text)
{
    using R = Result<QString>;
    QString url = text.trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https") || parsed.host().isEmpty())
            return ready(R(Error::invalid(QStringLiteral("gateway"), AgentText::tr("“%1” is not an http(s) URL. Give the gateway's base, e.g. "
                                                                         "https://ipfs.io/ipfs/ (the CID and path are appended).")
                                                                          .arg(text))));
        if (!url.endsWith(u'/'))
            url += u'/';
        if (!url.endsWith(QLatin1String("/ipfs/")))
            url += QLatin1String("ipfs/");
    }
    return m_context.write([url](Store &s) -> R {
        if (Status set = AgentStore(s).setIpfsGateway(url); !set)
            return set.error();
        return url;
    });
}

} // namespace arbor
