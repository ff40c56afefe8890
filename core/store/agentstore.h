#pragma once

#include "error.h"
#include "model/address.h"
#include "model/hash.h"
#include "model/secretref.h"
#include "model/u256.h"
#include "store/agentreputation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace arbor {

class Store;

/// What Arbor last learned from an agent's agentURI.
struct AgentRegistrationState
{
    QString uri;                              ///< the agentURI that fetch was for
    std::optional<QJsonObject> registration;  ///< registrationToJson() of the last good file
    QString error;                            ///< why the last fetch failed; empty after a success
    qint64 fetchedAt = 0;                     ///< when the last fetch ended, unix ms
    qint64 nextFetchAt = 0;                   ///< when it is fetched again, unix ms (0: as soon as possible)
    int failures = 0;                         ///< fetches failed in a row
};

/// One ERC-8004 agent of a chain's identity registry, as the Agents page and `agents list` show it.
struct AgentRecord
{
    qint64 chainId = 0;
    Address registry;                         ///< the identity registry
    U256 agentId;
    std::optional<Address> owner;
    QString uri;                              ///< the agentURI now (Registered, URIUpdated)
    qint64 registeredBlock = 0;
    qint64 lastBlock = 0;
    std::optional<AgentRegistrationState> resolved;   ///< nothing: not fetched yet
    std::optional<SecretRef> mcpToken;        ///< what an MCP action to this agent sends
    AgentReputation reputation;

    /// The registration resolved for the agentURI the agent has now (not an older one's).
    bool resolvedCurrent() const { return resolved && resolved->uri == uri; }
};

/// A validation request of the agent and the validator's response, when there is one.
struct ValidationRecord
{
    Address validator;
    Hash requestHash;
    QString requestUri;
    qint64 requestBlock = 0;
    std::optional<int> response;              ///< 0…100; nothing while pending
    QString responseUri;
    QString tag;
    qint64 responseBlock = 0;
};

/// `agents show`: the agent, its validations and the registration file as fetched.
struct AgentDetail
{
    AgentRecord agent;
    QList<ValidationRecord> validations;
    QByteArray rawRegistration;               ///< the bytes last fetched successfully; empty when none
};

/// An agent whose registration file is due: never fetched, its agentURI changed, or its time came.
struct RegistrationDue
{
    qint64 chainId = 0;
    Address registry;
    U256 agentId;
    QString uri;
    int failures = 0;                         ///< of the row being replaced; 0 for a new URI
};

/// The outcome of one fetch, to record.
struct RegistrationFetch
{
    RegistrationDue due;
    qint64 at = 0;
    std::optional<QJsonObject> registration;  ///< set on success
    QByteArray raw;                           ///< on success
    QString error;                            ///< on failure
    qint64 nextFetchAt = 0;
};

/// Where an MCP action calling "the agent's own endpoint" sends, from the store's point of view.
struct AgentMcpLookup
{
    enum class State {
        Found,            ///< `endpoint` is the MCP service of the agent's current registration
        NoAgent,          ///< the chain's identity registry has no such agent (or the chain none)
        NotResolved,      ///< the current agentURI has not been fetched yet
        ResolveFailed,    ///< it was fetched and failed (`detail` says why)
        NoMcpService,     ///< the registration names no MCP service
    };
    State state = State::NoAgent;
    QString endpoint;
    QString version;
    QString detail;
    std::optional<SecretRef> token;           ///< the agent's own token, when one is set
    QStringList allowedHosts;                 ///< the outbound allow-list, read in the same go
};

/**
 * The agents of each chain as operators see them — identities joined with the registration file
 * of their agentURI, reputation, validations, per-agent MCP tokens — and the outbound allow-list
 * that every request from chain data passes. A view over Store: create one where needed, on a
 * store thread.
 */
class AgentStore
{
public:
    explicit AgentStore(Store &store) : m_store(store) {}

    /// Every agent of the chain's identity registry, by agent id.
    Result<QList<AgentRecord>> agents(qint64 chainId);
    /// One agent with its validations; nothing when the chain's identity registry has no such agent.
    Result<std::optional<AgentDetail>> agent(qint64 chainId, const U256 &agentId);

    /// Up to `limit` agents (of active chains) whose registration is due at `now`: new agents,
    /// changed agentURIs first, then the oldest due. Agents without an agentURI are skipped.
    Result<QList<RegistrationDue>> dueRegistrations(qint64 now, int limit);
    /// Records a fetch. A failure keeps the last good registration of the same URI.
    Status recordRegistration(const RegistrationFetch &fetch);
    /// Makes the chain's registrations (or one agent's) due now; the number made due.
    Result<qint64> refreshRegistrations(qint64 chainId, const std::optional<U256> &agentId);
    /// When the next registration falls due (nothing when none is waiting).
    Result<std::optional<qint64>> nextRegistrationDue();

    /// Sets or (nothing) clears the agent's MCP token reference. NotFound when no such agent.
    Status setMcpToken(qint64 chainId, const U256 &agentId, const std::optional<SecretRef> &token);
    /// Where an MCP call to the agent goes and with which token.
    Result<AgentMcpLookup> mcpTarget(qint64 chainId, const U256 &agentId);

    /// Hosts allowed although private or loopback, sorted.
    Result<QStringList> outboundHosts();
    /// Adds `host` (normalised); false when it was already allowed.
    Result<bool> allowOutbound(const QString &host);
    /// Removes `host`; false when it was not allowed.
    Result<bool> denyOutbound(const QString &host);
    /// The gateway ipfs:// URIs are fetched through ("https://ipfs.io/ipfs/"); empty when none is set.
    Result<QString> ipfsGateway();
    /// Sets it; empty clears it.
    Status setIpfsGateway(const QString &url);

private:
    Result<std::optional<Address>> identityRegistry(qint64 chainId);
    Result<QList<AgentRecord>> readAgents(qint64 chainId, const std::optional<U256> &agentId);

    Store &m_store;
};

/// The first service named "MCP" in a registration (registrationToJson() form), or nothing.
std::optional<std::pair<QString, QString>> mcpServiceOf(const QJsonObject &registration);

} // namespace arbor
