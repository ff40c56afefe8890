#include "engine/tipblooms.h"

#include <algorithm>

namespace arbor {

void TipBlooms::setContracts(QList<Address> contracts, QList<Hash> topics)
{
    m_contracts = std::move(contracts);
    m_topics = std::move(topics);
    m_contractProbes.clear();
    for (const Address &address : std::as_const(m_contracts))
        m_contractProbes.append(LogsBloom::probe(address));
    m_topicProbes.clear();
    for (const Hash &topic : std::as_const(m_topics))
        m_topicProbes.append(LogsBloom::probe(topic));
}

bool TipBlooms::mayHoldLogs(const LogsBloom &bloom) const
{
    const bool believed = m_trust == Trust::Proven || (m_trust == Trust::Unproven && (m_filled || !bloom.isEmpty()));
    return !believed || bloom.mayHoldLogs(m_contractProbes, m_topicProbes);
}

void TipBlooms::noteHeaders(const QList<BlockHeader> &headers)
{
    if (!m_filled)
        m_filled = std::any_of(headers.cbegin(), headers.cend(), [](const BlockHeader &h) { return h.logsBloom.isKnown() && !h.logsBloom.isEmpty(); });
}

std::optional<qint64> TipBlooms::weigh(const QList<BlockHeader> &headers, const QList<LogEntry> &logs)
{
    if (m_trust == Trust::Broken)
        return std::nullopt;
    const auto probeOf = [](const auto &items, const QList<LogsBloom::Probe> &probes, const auto &item) -> const LogsBloom::Probe * {
        const qsizetype i = items.indexOf(item);
        return i >= 0 && i < probes.size() ? &probes[i] : nullptr;
    };
    qsizetype h = 0;
    qint64 weighed = -1;
    for (const LogEntry &log : logs) {
        if (log.blockNumber == weighed || log.removed || log.topicCount == 0)
            continue;   // one log a block is evidence enough
        while (h < headers.size() && headers[h].number < log.blockNumber)
            ++h;
        if (h == headers.size())
            return std::nullopt;
        const LogsBloom &bloom = headers[h].logsBloom;
        const LogsBloom::Probe *contract = probeOf(m_contracts, m_contractProbes, log.address);
        const LogsBloom::Probe *topic = probeOf(m_topics, m_topicProbes, log.topics[0]);
        if (headers[h].number != log.blockNumber || !bloom.isKnown() || !contract || !topic)
            continue;
        weighed = log.blockNumber;
        if (bloom.mayContain(*contract) && bloom.mayContain(*topic)) {
            m_trust = Trust::Proven;
            continue;
        }
        m_trust = Trust::Broken;
        return log.blockNumber;
    }
    return std::nullopt;
}

} // namespace arbor
