#include "metrics/chainmetrics.h"

#include "model/chainstatus.h"

#include <QSet>

#include <algorithm>

namespace arbor {

ChainMetrics::ChainMetrics(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

void ChainMetrics::add(TimeSeries &series, qint64 nowMs, double value)
{
    const auto last = series.last();
    if (last && last->ms / 1000 >= nowMs / 1000)
        return;
    series.append(nowMs, value);
}

void ChainMetrics::record(const ChainStatus &status, qint64 nowMs)
{
    auto it = m_chains.find(status.chainId);
    if (it == m_chains.end())
        it = m_chains.insert(status.chainId, Chain(m_capacity));
    Chain &chain = *it;

    // While no endpoint answers, nothing is measured: the charts show the outage as a gap.
    if (const auto lag = status.lag())
        add(chain.lagBlocks, nowMs, double(*lag));
    if (const auto lagSecs = status.lagSeconds(nowMs / 1000); lagSecs && !status.headUnknown)
        add(chain.lagSeconds, nowMs, double(*lagSecs));
    if (status.indexed) {
        // A checkpoint that went back (a reorg, a reindex from an earlier block) starts the
        // measurement afresh rather than counting as negative progress.
        if (!chain.checkpoints.empty() && (*status.indexed < chain.checkpoints.back().block || nowMs < chain.checkpoints.back().ms))
            chain.checkpoints.clear();
        if (chain.checkpoints.empty() || chain.checkpoints.back().ms < nowMs)
            chain.checkpoints.push_back({nowMs, *status.indexed});
        seriesmath::trimRateSamples(chain.checkpoints, RateWindowMs);
        chain.rate = seriesmath::promotionRate(chain.checkpoints, RateWindowMs);
        if (chain.rate)
            add(chain.blocksPerSecond, nowMs, *chain.rate);
    }

    QSet<QString> seen;
    for (const EndpointRecord &e : status.endpoints) {
        const QString url = e.url.toString(QUrl::RemoveUserInfo);   // never a password in a legend or a file
        seen.insert(url);
        if (!e.latencyMs || e.status == EndpointStatus::Unreachable)
            continue;
        auto series = chain.endpoints.find(url);
        if (series == chain.endpoints.end())
            series = chain.endpoints.insert(url, TimeSeries(m_capacity));
        add(*series, nowMs, *e.latencyMs);
    }
    for (auto e = chain.endpoints.begin(); e != chain.endpoints.end();) {
        if (seen.contains(e.key()))
            ++e;
        else
            e = chain.endpoints.erase(e);
    }
}

std::optional<double> ChainMetrics::rate(qint64 chainId) const
{
    const auto it = m_chains.constFind(chainId);
    return it == m_chains.constEnd() ? std::nullopt : it->rate;
}

void ChainMetrics::remove(qint64 chainId)
{
    m_chains.remove(chainId);
}

ChainSeries ChainMetrics::series(qint64 chainId, qint64 sinceMs) const
{
    ChainSeries out;
    out.chainId = chainId;
    const auto it = m_chains.constFind(chainId);
    if (it == m_chains.constEnd())
        return out;
    out.lagBlocks = it->lagBlocks.points(sinceMs);
    out.lagSeconds = it->lagSeconds.points(sinceMs);
    out.blocksPerSecond = it->blocksPerSecond.points(sinceMs);
    for (auto e = it->endpoints.constBegin(); e != it->endpoints.constEnd(); ++e)
        out.endpointLatencyMs.insert(e.key(), e->points(sinceMs));
    return out;
}

} // namespace arbor
