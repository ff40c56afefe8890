#pragma once

#include "model/evm.h"
#include "model/logsbloom.h"

#include <QList>

#include <optional>

namespace arbor {

/**
 * Which of the newest blocks may hold a chain's logs, from their logsBloom, and whether the
 * chain's blooms can be believed at all: RangeFetcher reads the tip by block hash and asks for
 * the logs of those blocks only (FetchOrder::ByHash).
 *
 * A bloom with bits set is believed from the start: geth and its forks answer eth_getLogs from
 * the blooms, so a chain whose blooms were wrong could not serve its own logs. An empty one is
 * believed once the node was seen to fill blooms in (a header with bits set in its bloom) or a
 * bloom was seen to name its block's logs: some chains' nodes send zeros for every block, and a
 * node that fills in some does not leave out the rest. Once a bloom left out a log of its own
 * block, no bloom is believed again, and every block is asked.
 */
class TipBlooms
{
public:
    /// The contracts (tokens, then registries) and the event topics of the chain's logs.
    void setContracts(QList<Address> contracts, QList<Hash> topics);
    const QList<Address> &contracts() const { return m_contracts; }

    /// Whether the logs of the block whose header carries `bloom` must be asked for.
    bool mayHoldLogs(const LogsBloom &bloom) const;
    /// Headers as the node sent them: one with bits set in its bloom shows it fills them in.
    void noteHeaders(const QList<BlockHeader> &headers);
    /**
     * Checks the blooms of the blocks of `logs` (in chain order, from the blocks of `headers`,
     * ascending) against those logs, one log per block: trusted once one names its log. Returns
     * the block whose bloom left its log out, the moment the blooms turn untrusted for good.
     */
    std::optional<qint64> weigh(const QList<BlockHeader> &headers, const QList<LogEntry> &logs);

    /// Whether a bloom was seen to name its block's logs, and none seen to leave one out.
    bool trusted() const { return m_trust == Trust::Proven; }

private:
    enum class Trust { Unproven, Proven, Broken };

    QList<Address> m_contracts;
    QList<Hash> m_topics;
    QList<LogsBloom::Probe> m_contractProbes;   ///< the bits each of m_contracts sets in a bloom
    QList<LogsBloom::Probe> m_topicProbes;      ///< the bits each of m_topics sets
    Trust m_trust = Trust::Unproven;
    bool m_filled = false;                      ///< a header with bits set in its bloom was seen
};

} // namespace arbor
