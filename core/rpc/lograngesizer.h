#pragma once

#include <QtGlobal>

namespace arbor {

/**
 * The block span of eth_getLogs calls: halves when a node says the range is too large, grows
 * back (doubling) after calls that returned comfortably few logs, within [1, max].
 *
 * Only a call over the whole current span counts towards growing (a short call at the chain head
 * says little). After a refusal the span grows again only after a few comfortable calls, twice
 * as many after each further refusal: a provider with a fixed block-range cap would otherwise
 * refuse every other call.
 */
class LogRangeSizer
{
public:
    explicit LogRangeSizer(qint64 initial = 2000, qint64 max = 10000, qint64 comfortableLogs = 5000);
    qint64 span() const { return m_span; }
    /// A new most, e.g. the range cap an endpoint stated; the span shrinks to it at once.
    void setMax(qint64 max);
    /// A call over `blocks` blocks returned `logs` logs.
    void succeeded(qint64 blocks, qint64 logs);
    /// The node refused a call over `blocks` blocks as too large; false when it cannot shrink.
    bool tooLarge(qint64 blocks);
    /**
     * True while the span has only grown so far: no answer was too large or held more than the
     * comfortable number of logs, and the span is below its most. A caller may fetch one range
     * at a time then ("slow start"), so that sparse history is read in a few wide calls rather
     * than many narrow ones sent before the first answer came back.
     */
    bool growing() const { return m_growing && m_span < m_max; }
    /// The widest span seed() starts from: the window a sample reads (EventDensityProbe::Window).
    /// An endpoint was never seen to answer wider; a quiet chain grows from there as answers come.
    static constexpr qint64 MaxSeed = 2000;
    /**
     * Starts from a sample of the range instead (`logsPerBlock`: the logs a chain's contracts
     * emitted per block where it was sampled, EventDensity::logsPerBlock()): the span whose
     * answers should hold about half the comfortable number of logs, within [1, min(max, MaxSeed)],
     * and no slow start, since the density it was for is known. Ignored once an answer or a
     * refusal was counted, and for a sample without logs (it says nothing about an answer's size).
     */
    void seed(double logsPerBlock);

private:
    qint64 m_span;
    qint64 m_max;
    qint64 m_comfortableLogs;
    int m_cooldown = 0;         ///< comfortable calls still needed before the span may grow
    int m_nextCooldown = 2;     ///< the cooldown the next refusal sets
    bool m_growing = true;      ///< every answer so far let the span grow
    bool m_answered = false;    ///< succeeded() or tooLarge() was called
};

} // namespace arbor
