#pragma once

#include "error.h"

#include <QList>
#include <QString>

#include <optional>

namespace arbor {

class Store;

/// The average value of one tag over the feedback not revoked.
struct TagAverage
{
    QString tag;
    qint64 count = 0;
    QString average;   ///< exact decimal text, e.g. "4.25"
};

/// The newest feedback an agent received.
struct FeedbackSummary
{
    QString client;
    QString value;     ///< scaled decimal text
    QString tag1, tag2;
    qint64 blockNumber = 0;
    QString txHash;
    bool revoked = false;
    QString feedbackUri;
};

/// An agent's reputation on one chain, from its reputation registries.
struct AgentReputation
{
    qint64 feedbackCount = 0;   ///< every NewFeedback, revoked ones included
    qint64 revokedCount = 0;    ///< FeedbackRevoked events
    QList<TagAverage> tags;
    std::optional<FeedbackSummary> latest;
    qint64 lastBlock = 0;
};

/// Reputation of agent `agentId` (decimal text) on chain `chainId`, from the reputation
/// registries of that chain; empty when none. On a store thread.
Result<AgentReputation> readAgentReputation(Store &store, qint64 chainId, const QString &agentId);

} // namespace arbor
