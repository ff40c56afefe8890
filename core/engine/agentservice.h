#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "model/chainconfig.h"
#include "store/agentstore.h"

#include <QFuture>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace arbor {

/**
 * ERC-8004 agents as operators see them (DESIGN.md §9): each chain's agents with the
 * registration file of their agentURI, reputation and validations; the per-agent MCP tokens;
 * and the outbound allow-list and IPFS gateway that every request made from chain data goes by.
 *
 * Handed out by Engine::agents(). An indexing engine that holds the lease resolves
 * registration files: new agents and changed agentURIs at once, the others again every
 * EngineOptions::registrationRefreshMs, failures after a backoff (5 minutes, doubling, at most
 * the refresh interval). Files are fetched on the network thread through the engine's
 * ChainDataFetcher (timeouts, a size cap, a pace per host, no private addresses unless allowed),
 * a few at a time.
 *
 * Thread: the Engine's; reads on the reader, writes on the writer, fetches on the network thread.
 */
class AgentService final : public EngineService
{
    Q_OBJECT

public:
    ~AgentService() override;

    /// Every agent of the chain's identity registry, by agent id.
    QFuture<Result<QList<AgentRecord>>> agents(const ChainRef &chain);
    /// One agent; NotFound naming "agent" when the chain has no such agent.
    QFuture<Result<AgentDetail>> agent(const ChainRef &chain, const U256 &agentId);
    /// Sets (or, with nothing, clears) the token MCP actions send to this agent's own endpoint.
    QFuture<Result<AgentRecord>> setMcpToken(const ChainRef &chain, const U256 &agentId, const std::optional<SecretRef> &token);
    /// Fetches the chain's registration files (or one agent's) again now; how many were due.
    QFuture<Result<qint64>> refreshRegistrations(const ChainRef &chain, const std::optional<U256> &agentId);

    QFuture<Result<QStringList>> outboundHosts();
    /// Allows `host` (a name or an address, as "outbound allow" takes it); false when it was already.
    QFuture<Result<bool>> allowOutbound(const QString &host);
    /// Removes `host` from the list; false when it was not on it.
    QFuture<Result<bool>> denyOutbound(const QString &host);
    QFuture<Result<QString>> ipfsGateway();
    /// Sets the IPFS gateway (an http(s) URL, "…/ipfs/" appended when missing); empty clears it.
    QFuture<Result<QString>> setIpfsGateway(const QString &url);

Q_SIGNALS:
    /// Agents of the chain changed: a registration file was fetched, a token set.
    void agentsChanged(qint64 chainId);
    void outboundHostsChanged();

private:
    friend class Engine;

    explicit AgentService(EngineContext &context, QObject *parent = nullptr);

    /// Resolves registrations when this engine indexes and holds the lease.
    void start();
    void stop();
    void resolveDue();
    void resolveOne(const RegistrationDue &due, const QStringList &allowedHosts, const QString &gateway);
    void resolvedOne();

    QTimer m_resolveTimer;
    bool m_resolving = false;
    int m_inFlight = 0;
};

/// How long after `failures` failed fetches in a row the next one is due, in ms: 5 minutes,
/// doubling, at most `refreshMs`.
qint64 registrationBackoffMs(int failures, qint64 refreshMs);

} // namespace arbor
