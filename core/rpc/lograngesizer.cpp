#include "rpc/lograngesizer.h"

#include <algorithm>
#include <cmath>

namespace arbor {

LogRangeSizer::LogRangeSizer(qint64 initial, qint64 max, qint64 comfortableLogs)
    : m_span(std::clamp<qint64>(initial, 1, std::max<qint64>(1, max)))
    , m_max(std::max<qint64>(1, max))
    , m_comfortableLogs(std::max<qint64>(0, comfortableLogs))
{
}

void LogRangeSizer::seed(double logsPerBlock)
{
    if (m_answered || !(logsPerBlock > 0))
        return;
    const qint64 most = std::min(m_max, MaxSeed);
    // Half the comfortable answer: a sample's average hides busier stretches, and narrower
    // ranges in flight together come back sooner; the answers that stay comfortable grow the span.
    const double blocks = double(std::max<qint64>(1, m_comfortableLogs / 2)) / logsPerBlock;
    m_span = blocks >= double(most) ? most : std::clamp<qint64>(qint64(std::ceil(blocks)), 1, most);
    m_growing = false;
}

void LogRangeSizer::succeeded(qint64 blocks, qint64 logs)
{
    m_answered = true;
    if (logs > m_comfortableLogs)
        m_growing = false;
    if (blocks < m_span || logs > m_comfortableLogs)
        return;
    if (m_cooldown > 0) {
        --m_cooldown;
        return;
    }
    m_span = std::min(m_max, m_span * 2);
}

void LogRangeSizer::setMax(qint64 max)
{
    m_max = std::max<qint64>(1, max);
    m_span = std::min(m_span, m_max);
}

bool LogRangeSizer::tooLarge(qint64 blocks)
{
    m_answered = true;
    if (blocks <= 1)
        return false;
    const qint64 before = m_span;
    m_growing = false;
    m_span = std::max<qint64>(1, std::min(m_span, blocks / 2));
    if (m_span < before) {
        m_cooldown = m_nextCooldown;
        m_nextCooldown = std::min(m_nextCooldown * 2, 256);
    }
    return true;
}

} // namespace arbor
