#pragma once

#include "model/address.h"
#include "model/hash.h"
#include "model/logsbloom.h"
#include "model/u256.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace arbor {

/// A block header as Arbor stores it (the `blocks` entity).
struct BlockHeader
{
    qint64 number = 0;
    Hash hash;
    Hash parentHash;
    qint64 timestamp = 0;   ///< unix seconds
    qint64 txCount = 0;
    qint64 gasUsed = 0;
    /// As the node sent it; not stored (a header read back from the database has none). With a
    /// default initialiser, so that braced headers of the six stored fields need not name it.
    LogsBloom logsBloom = {};

    /// The stored fields: a header as fetched equals the one read back.
    friend bool operator==(const BlockHeader &a, const BlockHeader &b)
    {
        return a.number == b.number && a.hash == b.hash && a.parentHash == b.parentHash && a.timestamp == b.timestamp
            && a.txCount == b.txCount && a.gasUsed == b.gasUsed;
    }
};

/// One log as `eth_getLogs` returns it, validated (sizes checked, quantities in range).
struct LogEntry
{
    qint64 blockNumber = 0;
    Hash blockHash;
    qint64 logIndex = 0;
    Hash txHash;
    Address address;
    std::array<Hash, 4> topics{};
    int topicCount = 0;
    QByteArray data;
    bool removed = false;

    friend bool operator==(const LogEntry &, const LogEntry &) = default;
};

/// A decoded ERC-20 Transfer (the `token_transfers` entity).
struct TokenTransfer
{
    qint64 blockNumber = 0;
    qint64 logIndex = 0;
    Hash txHash;
    Address token;
    Address from;
    Address to;
    U256 value;

    friend bool operator==(const TokenTransfer &, const TokenTransfer &) = default;
};

/// The three ERC-8004 registries.
enum class RegistryKind {
    Identity,
    Reputation,
    Validation,
};
QString registryKindName(RegistryKind kind);                    ///< "identity", "reputation", "validation"
std::optional<RegistryKind> registryKindFromName(QStringView name);

/**
 * A decoded ERC-8004 registry event (the `agent_events` entity). Which optional fields are set
 * depends on `event`; the mapping from each event's parameters is documented in evmevents.h.
 */
struct AgentEvent
{
    qint64 blockNumber = 0;
    qint64 logIndex = 0;
    Hash txHash;
    Address registry;
    RegistryKind kind = RegistryKind::Identity;
    QString event;                          ///< "Registered", "NewFeedback", …
    U256 agentId;
    std::optional<Address> actor;           ///< owner / updatedBy / clientAddress / validatorAddress
    std::optional<Address> counterparty;    ///< responder
    std::optional<qint64> feedbackIndex;    ///< uint64 stored as signed 64-bit: values ≥ 2^63 are rejected
    std::optional<QString> value;           ///< int128 as a decimal string with sign
    std::optional<qint64> valueDecimals;
    std::optional<QString> tag1;
    std::optional<QString> tag2;
    std::optional<QString> uri;             ///< agentURI / newURI / feedbackURI / responseURI / requestURI
    std::optional<Hash> dataHash;           ///< feedbackHash / responseHash
    std::optional<Hash> requestHash;        ///< ValidationRequest / ValidationResponse requestHash
    std::optional<QString> metadataKey;
    std::optional<QByteArray> metadataValue;
    std::optional<qint64> response;         ///< ValidationResponse.response (uint8)
    std::optional<QString> endpoint;

    friend bool operator==(const AgentEvent &, const AgentEvent &) = default;
};

} // namespace arbor
