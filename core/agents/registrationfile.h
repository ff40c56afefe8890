#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace arbor {

/**
 * An ERC-8004 agent registration file (type "https://eips.ethereum.org/EIPS/eip-8004#registration-v1"):
 * the JSON document an agent's agentURI names, read as plain values.
 *
 * Everything in it comes from chain data: it is shown and compared, never executed, and an
 * endpoint it names is fetched only through ChainDataFetcher (net/chaindatafetcher.h), which
 * applies the operator's OutboundPolicy.
 *
 * Thread: plain values and pure functions; any thread.
 */

/// One entry of "services" (or the older "endpoints"): {"name": "MCP", "endpoint": "https://…", "version": "2025-06-18"}.
struct AgentServiceEntry
{
    QString name;       ///< the protocol: "MCP", "A2A", "web", "ENS", "DID", "email", or the agent's own
    QString endpoint;   ///< a URL, or an ENS name, DID or address; empty when the file gave none
    QString version;    ///< empty when the file gave none

    friend bool operator==(const AgentServiceEntry &, const AgentServiceEntry &) = default;
};

/// What a registration file says about an agent.
struct AgentRegistration
{
    QString type;          ///< as given; not required to be registration-v1
    QString name;
    QString description;
    QString image;         ///< a URL (or data: URI) as given
    QList<AgentServiceEntry> services;   ///< "services", or the older "endpoints" (same shape)
    std::optional<bool> active;          ///< empty when the file does not say
    QJsonArray registrations;            ///< as given: [{"agentId": 22, "agentRegistry": "eip155:1:0x…"}]
    QStringList supportedTrust;          ///< "reputation", "crypto-economic", "tee-attestation", ...

    /// The first service named "MCP" (any case) with a non-empty endpoint, if any.
    std::optional<AgentServiceEntry> mcpService() const;

    friend bool operator==(const AgentRegistration &, const AgentRegistration &) = default;
};

/// How much of a registration file is kept: longer texts are cut (with "…"), longer URIs dropped
/// (a cut URI would name something else), services past the count ignored.
namespace registrationlimits {
constexpr qsizetype TypeChars = 200;
constexpr qsizetype NameChars = 200;
constexpr qsizetype DescriptionChars = 4000;
constexpr qsizetype ServiceNameChars = 100;
constexpr qsizetype VersionChars = 100;
constexpr qsizetype TrustChars = 100;
constexpr qsizetype EndpointChars = 2048;
constexpr qsizetype ImageChars = 256 * 1024;   ///< a data: image may be large
constexpr qsizetype Services = 64;
constexpr qsizetype TrustModels = 32;
} // namespace registrationlimits

/**
 * Reads a registration file.
 *
 * An error when `json` is not valid JSON or not an object (no field), or when a field has the
 * wrong type: a text that is not a text, "services" not a list, an entry not an object, "active"
 * not true/false, "supportedTrust" not a list of texts; the error names the field as
 * "services[1].endpoint" (the older files' "endpoints[1].endpoint"). Missing fields and null are
 * tolerated, unknown fields ignored; texts and URIs past registrationlimits are cut or dropped.
 */
Result<AgentRegistration> parseRegistrationFile(const QByteArray &json);

/**
 * The registration as a registration file: {"type", "name", "description", "image",
 * "services": [{"name", "endpoint", "version"}], "active" (left out when unknown),
 * "registrations", "supportedTrust"}. parseRegistrationFile() reads it back to an equal value.
 */
QJsonObject registrationToJson(const AgentRegistration &registration);

} // namespace arbor
