#pragma once

#include "error.h"
#include "model/chainconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace arbor {

/// How many blocks of a sample of a chain's range hold an event Arbor indexes.
struct EventDensity
{
    qint64 sampledBlocks = 0;       ///< blocks whose logs were read
    qint64 blocksWithEvents = 0;    ///< of those, the blocks with at least one event
    int calls = 0;                  ///< eth_getLogs calls the sample took
    qint64 logs = 0;                ///< the events found in the blocks sampled

    /// The blocks with events to expect in a range of `blocks` at the sampled share: exact when
    /// the sample covered the range, at least one when the sample found any.
    qint64 expectedIn(qint64 blocks) const;
    /// Events per block over the sample (0 without one): how wide an eth_getLogs may start
    /// (LogRangeSizer::seed()).
    double logsPerBlock() const { return sampledBlocks > 0 ? double(logs) / double(sampledBlocks) : 0.0; }
};

/**
 * Estimates how many blocks of [from, to] hold events of a chain's contracts, before the chain
 * is indexed: what a chain counting blocks with events pays one header for (CallEstimate).
 *
 * Reads the logs Arbor would index (Transfers of the tokens, the registries' ERC-8004 events)
 * over up to three windows of EventDensityProbe::Window blocks: at the start, the middle and the
 * end of the range, or the whole range when it is that short. A window the node refuses as too
 * large (or as holding too many logs) is asked for again at half the size, and the windows after
 * it at the size answered, a few times at most: a handful of eth_getLogs calls, whatever the range.
 *
 * Thread: lives on the thread of its QNetworkAccessManager; `done` runs there, once.
 */
class EventDensityProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 Window = 2000;
    static constexpr int Samples = 3;

    explicit EventDensityProbe(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    void sample(const QUrl &rpc, const QList<Address> &tokens, const QList<RegistryRef> &registries, qint64 from, qint64 to,
                std::function<void(Result<EventDensity>)> done);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
};

} // namespace arbor
