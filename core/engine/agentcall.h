#pragma once

#include "error.h"
#include "triggers/actionsecrets.h"
#include "triggers/outgoingdelivery.h"
#include "triggers/triggerrecords.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <variant>

class QNetworkAccessManager;

namespace arbor {

class ChainDataFetcher;
class SecretResolver;
class StoreThread;

/**
 * What an MCP action to "the agent's own endpoint" needs before it is sent, and the checks
 * that keep a delivery from going anywhere chain data points it:
 *
 * - resolveEndpoint: the endpoint is the MCP service of the agent's registration file, as
 *   AgentService resolved it from the agent's current agentURI (never a URL from the event),
 *   and the token is the agent's own (`agents token set`), or none.
 * - verifyFileHash: the feedback file (the event's feedbackURI) is fetched and its keccak-256
 *   must equal the event's feedbackHash.
 * - Every URL that came from chain data passes the outbound guard (OutboundPolicy with the
 *   database's allow-list): its address, after DNS, must be public unless allowed.
 *
 * A check that fails ends the delivery unsent with the reason (AttemptOutcome::Kind::Fail);
 * what may pass later — a registration not fetched yet, a name that does not resolve now, a
 * feedback file server that is down, a secret not readable now — is retried.
 *
 * Thread: the delivery worker's; uses its StoreThread for reads and the sender's network.
 */
class AgentCallPreparer final : public QObject
{
    Q_OBJECT

public:
    AgentCallPreparer(StoreThread *store, QNetworkAccessManager *network, SecretResolver *secrets, QObject *parent = nullptr);
    ~AgentCallPreparer() override;

    /// Whether `action` needs prepare() before it is sent.
    static bool needed(const Action &action);

    /// Where a prepared call goes, and the secrets to send with.
    struct Ready
    {
        QString target;          ///< the agent's MCP endpoint; empty: the action's own URL
        QHostAddress address;    ///< the address the guard checked `target`'s host at; null with no target
        ActionSecrets secrets;
    };
    /// Ready, or the outcome that ends this attempt unsent. `done` runs later on this thread.
    using Prepared = std::variant<Ready, AttemptOutcome>;
    void prepare(const ClaimedDelivery &delivery, ActionSecrets secrets, std::function<void(Prepared)> done);

private:
    struct Call;
    void checkEndpoint(const std::shared_ptr<Call> &call);
    void verifyFile(const std::shared_ptr<Call> &call);
    void readAgentToken(const std::shared_ptr<Call> &call);

    StoreThread *m_store;
    SecretResolver *m_secrets;
    ChainDataFetcher *m_fetcher;
};

} // namespace arbor
