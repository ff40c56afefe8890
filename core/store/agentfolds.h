#pragma once

// The folds of the ERC-8004 agent summaries (IndexStore, indexstoreagents.cpp): an agent's
// events, in (block, log index) order, folded onto its stored identity and reputation. No SQL
// here; the store reads the rows they load and writes the rows they give.

#include "model/evm.h"
#include "model/feedbacksum.h"
#include "store/store.h"

#include <QHash>
#include <QSet>

#include <map>
#include <optional>
#include <utility>

namespace arbor::agentfold {

inline const QString NewFeedback = QStringLiteral("NewFeedback");
inline const QString FeedbackRevoked = QStringLiteral("FeedbackRevoked");

/// One agent event as the fold reads it, from a batch or from agent_events; values as bound and stored.
struct Fact
{
    QString kind;
    QString event;
    qint64 block = 0;
    qint64 log = 0;
    QVariant actor;
    QVariant uri;
    QVariant txHash;
    std::optional<qint64> feedbackIndex;
    QString value;
    qint64 decimals = 0;
    QVariant tag1;
    QVariant tag2;
};

/// The agent_events columns factOf(SqlRow) reads, in order.
inline const char *const FactColumns = "registry_kind, event, block_number, log_index, actor, uri, tx_hash, feedback_index, value, value_decimals, tag1, tag2";

/// An event as read back from agent_events, `r` holding FactColumns.
Fact factOf(const SqlRow &r);
/// An event of the batch being promoted.
Fact factOf(const AgentEvent &e);

/// (client, feedback index): one feedback of an agent.
using FeedbackKey = std::pair<QByteArray, qint64>;
/// (tag1, valueDecimals): one row of agent_reputation_tags.
using TagKey = std::pair<QString, qint64>;

/// What folded events change in one tag's row.
struct TagChange
{
    qint64 count = 0;
    FeedbackSum sum;
    qint64 lastBlock = 0;
};

/// A feedback given: what its revocation takes off its tag.
struct GivenFeedback
{
    TagKey tag;
    FeedbackSum value;
    bool revoked = false;
};

/// The agent's latest NewFeedback by (block, log index), and whether it was revoked since.
struct LatestFeedback
{
    QVariant client;
    qint64 index = 0;
    QString value;
    qint64 decimals = 0;
    QVariant tag1, tag2;
    qint64 block = 0, log = 0;
    QVariant txHash, uri;
    bool revoked = false;
};

/// The agent_reputation columns after the key, in order: what ReputationFold reads and writes.
inline const char *const ReputationColumns = "feedback_count, revoked_count, last_block, latest_client, latest_feedback_index, latest_value, "
                                             "latest_value_decimals, latest_tag1, latest_tag2, latest_block, latest_log_index, latest_tx_hash, latest_uri, "
                                             "latest_revoked";

/// An agent's reputation and what a run of its reputation events changes in it.
class ReputationFold
{
public:
    qint64 feedback = 0;
    qint64 revoked = 0;
    qint64 lastBlock = 0;
    std::optional<LatestFeedback> latest;
    /// What the folded events add to each tag (onto the stored rows, or onto nothing from scratch).
    std::map<TagKey, TagChange> tags;

    /// Feedback given before the events folded here, that they may revoke.
    void setEarlier(const QHash<FeedbackKey, GivenFeedback> *earlier) { m_earlier = earlier; }

    /// The stored summary, `r` holding ReputationColumns.
    void load(const SqlRow &r);
    /// The summary as ReputationColumns.
    SqlRow row() const;
    /// Folds in the agent's next event; an error for a feedback event without an index or an
    /// integer value.
    Status apply(const Fact &f);

private:
    void change(const TagKey &tag, int sign, const FeedbackSum &value, qint64 block);

    const QHash<FeedbackKey, GivenFeedback> *m_earlier = nullptr;
    QHash<FeedbackKey, GivenFeedback> m_given;
    QSet<FeedbackKey> m_revoked;
};

/// An agent's identity: owner and URI by its latest Registered / URIUpdated, the block of its
/// first Registered (or of its first event, indexed after it registered).
struct IdentityFold
{
    QVariant owner, uri;
    std::optional<qint64> registeredBlock;
    std::optional<qint64> firstBlock;
    qint64 lastBlock = 0;

    /// The stored row: owner, uri, registered_block, last_block.
    void load(const SqlRow &r);
    /// Folds in the agent's next event.
    void apply(const Fact &f);
};

} // namespace arbor::agentfold
