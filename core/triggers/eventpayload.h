#pragma once

#include "error.h"
#include "model/evm.h"
#include "model/hash.h"
#include "triggers/triggerdef.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace arbor {

/// An indexed ERC-8004 event with what a trigger needs around it.
struct TriggerEvent
{
    qint64 chainId = 0;
    Hash blockHash;
    qint64 blockTimestamp = 0;   ///< unix seconds, from the block (rate-limit windows use it)
    AgentEvent event;

    friend bool operator==(const TriggerEvent &, const TriggerEvent &) = default;
};

/**
 * The event as JSON by the spec's parameter names: "chainId", "blockNumber", "blockHash",
 * "txHash", "logIndex", "blockTimestamp", "registry" (address), "registryKind", "type"
 * (event name), "agentId", then the event's own fields (clientAddress, feedbackIndex, value,
 * valueDecimals, tag1, tag2, endpoint, feedbackURI, feedbackHash, validatorAddress,
 * requestHash, response, responseURI, responseHash, requestURI, owner, agentURI, newURI,
 * updatedBy, responder, metadataKey, metadataValue, tag). Integers that can be wider than 53
 * bits (agentId, value, feedbackIndex) are decimal strings; addresses and hashes lowercase hex.
 */
QJsonObject eventToJson(const TriggerEvent &event);
/// The field names an event of `kind` can carry (for template checking), without "event.":
/// the common ones (chainId … agentId) and those of the registry's events.
QStringList eventFieldNames(RegistryKind kind);

/// The template context and default body: {"deliveryId", "trigger": {"id", "name",
/// "description", "chainId", "registry"}, "action": {"id", "type"}, "chain": {"id", "name"},
/// "event": eventJson}. `chainName` empty: the trigger's chainName.
QJsonObject payloadContext(const QString &deliveryId, const TriggerDef &trigger, const Action &action,
                           const QJsonObject &eventJson, const QString &chainName = QString());

/**
 * What an action sends for one event, rendered once when the delivery is created and stored
 * with it, so every attempt sends the same bytes.
 *
 * rest: the body (default: the context as compact JSON; a text body rendered as text; a JSON
 * body with its string leaves rendered); telegram: the message text (the action's template, or
 * a one-line summary of the event when it has none; values escaped for the parse mode, cut to
 * 4,096 characters with "…"); mcp: the tools/call arguments as compact JSON. Headers are not
 * rendered here, nor is an MCP action's "agent's own endpoint": that is looked up from the
 * agent's registration when the delivery is sent, never taken from event data.
 */
struct RenderedPayload
{
    QByteArray body;
    QString target;   ///< mcp with resolveEndpoint, when sent: the agent's endpoint; empty otherwise
    /// With `target`: the address its host resolved to when the outbound guard checked it. An
    /// http request goes there, not wherever the name resolves to by the time it is sent.
    QHostAddress targetAddress;
};
Result<RenderedPayload> renderPayload(const Action &action, const QJsonObject &context);

/// Stable delivery id for (trigger, action, event): "dlv_" and 32 hex digits of a SHA-256 over
/// them, so a re-evaluation after a crash produces the same id, never a new one.
QString deliveryIdFor(qint64 triggerId, qint64 actionId, qint64 chainId, const Hash &txHash, qint64 logIndex);

} // namespace arbor
