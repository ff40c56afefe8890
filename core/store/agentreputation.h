#pragma once

#include "error.h"

#include <QList>
#include <QString>

#include <optional>

namespace arbor {

class Store;

/**
 * The feedback of one tag (NewFeedback's tag1) that has not been revoked.
 *
 * `average` is their mean value (each value scaled by its valueDecimals), rounded half away from
 * zero to six more decimals than the most precise of them has, trailing zeros dropped: "4.25",
 * "90", "-0.333333". `sum` is their exact total, scaled the same way.
 */
struct TagAverage
{
    QString tag;
    qint64 count = 0;
    QString average;    ///< exact decimal text, e.g. "4.25"
    QString sum;        ///< exact decimal text of the scaled values' total
};

/// One NewFeedback: the agent's latest by (block, log index).
struct FeedbackSummary
{
    QString client;             ///< clientAddress, checksummed (EIP-55)
    QString value;              ///< scaled decimal text: value / 10^valueDecimals, normalised ("-0.5", "42")
    QString tag1, tag2;
    qint64 blockNumber = 0;
    QString txHash;             ///< 0x and 64 lowercase hex digits
    bool revoked = false;       ///< a FeedbackRevoked of it has been indexed since
    QString feedbackUri;
    QString registry;           ///< the reputation registry, checksummed
    qint64 logIndex = 0;
    qint64 feedbackIndex = 0;
    QString rawValue;           ///< the int128 value as the event carries it ("-1234")
    int valueDecimals = 0;
};

/// What the Agents page shows of one agent's reputation on one chain.
struct AgentReputation
{
    qint64 feedbackCount = 0;   ///< every NewFeedback, revoked ones included
    qint64 revokedCount = 0;    ///< FeedbackRevoked events
    QList<TagAverage> tags;     ///< most feedback first, then by tag
    std::optional<FeedbackSummary> latest;
    qint64 lastBlock = 0;       ///< the block of the agent's latest reputation event
};

/**
 * Reputation of agent `agentId` (decimal text) on chain `chainId`, from the reputation
 * registries of that chain (summed over them if several; usually one). Empty AgentReputation
 * when none.
 *
 * "The registries of the chain" are those the agent has feedback indexed from: the chain's
 * reputation registry and any it had before, whose rows stay. The latest feedback is the newest
 * over all of them.
 *
 * Reads the summaries promotion keeps (agent_reputation, agent_reputation_tags): a few rows,
 * however long the agent's history. Invalid error (field "agentId") for an id that is not a
 * uint256 in decimal; NotFound ("chain") for a chain without tables.
 *
 * Thread: that of `store`.
 */
Result<AgentReputation> readAgentReputation(Store &store, qint64 chainId, const QString &agentId);

} // namespace arbor
