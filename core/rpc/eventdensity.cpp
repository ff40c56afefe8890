#include "rpc/eventdensity.h"

#include "model/evmevents.h"
#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <memory>

namespace arbor {

qint64 EventDensity::expectedIn(qint64 blocks) const
{
    if (sampledBlocks <= 0 || blocks <= 0)
        return 0;
    if (sampledBlocks >= blocks)
        return blocksWithEvents;
    const double share = double(blocksWithEvents) / double(sampledBlocks);
    const auto expected = qint64(std::llround(share * double(blocks)));
    return blocksWithEvents > 0 ? std::max<qint64>(1, expected) : 0;
}

namespace {

/// Halvings of the window the node refuses before the sample gives up (the windows after a
/// refusal are read at the size that was answered).
constexpr int MaxHalvings = 6;

struct Sampling
{
    JsonRpcClient *client = nullptr;
    QList<Address> addresses;
    QList<Hash> topics;
    QList<std::pair<qint64, qint64>> windows;   ///< still to read, in order
    int halvings = 0;
    qint64 cap = EventDensityProbe::Window;     ///< the widest window the node answered or may answer
    EventDensity density;
    std::function<void(Result<EventDensity>)> done;
};

/// The windows read for [from, to]: the whole range in pieces when it is short, else one at the
/// start, one in the middle and one at the end.
QList<std::pair<qint64, qint64>> windowsOf(qint64 from, qint64 to)
{
    const qint64 length = to - from + 1;
    const qint64 w = EventDensityProbe::Window;
    QList<std::pair<qint64, qint64>> out;
    if (length <= w * EventDensityProbe::Samples) {
        for (qint64 a = from; a <= to; a += w)
            out.append({a, std::min(to, a + w - 1)});
        return out;
    }
    const qint64 middle = from + (length - w) / 2;
    out = {{from, from + w - 1}, {middle, middle + w - 1}, {to - w + 1, to}};
    return out;
}

bool refusedAsTooLarge(const Error &e)
{
    return evmjson::isRangeTooLarge(Error{Error::Kind::Refused, e.field, e.message});
}

void next(const std::shared_ptr<Sampling> &s)
{
    if (s->windows.isEmpty()) {
        s->client->deleteLater();
        auto done = std::move(s->done);
        done(s->density);
        return;
    }
    auto &window = s->windows.first();
    window.second = std::min(window.second, window.first + s->cap - 1);
    const qint64 from = window.first, to = window.second;
    const qint64 id = 1;
    s->client->post(evmjson::logsRequest(from, to, s->addresses, s->topics, id), 1, [s, from, to, id](Result<QByteArray> body) {
        ++s->density.calls;
        Result<QList<LogEntry>> logs = body ? evmjson::parseLogs(*body, from, to, id) : Result<QList<LogEntry>>(body.error());
        if (!logs && refusedAsTooLarge(logs.error()) && to > from && s->halvings < MaxHalvings) {
            // Read half the window instead: the share of blocks with events is what is sampled.
            ++s->halvings;
            s->cap = std::max<qint64>(1, (to - from + 1) / 2);
            return next(s);
        }
        if (!logs) {
            s->client->deleteLater();
            auto done = std::move(s->done);
            done(Error{logs.error().kind, logs.error().field,
                       QCoreApplication::translate("arbor::EventDensityProbe", "Could not read the events of blocks %1–%2: %3")
                           .arg(from).arg(to).arg(logs.error().message)});
            return;
        }
        QSet<qint64> blocks;
        for (const LogEntry &log : std::as_const(*logs)) {
            if (!log.removed) {
                blocks.insert(log.blockNumber);
                ++s->density.logs;
            }
        }
        s->density.sampledBlocks += to - from + 1;
        s->density.blocksWithEvents += blocks.size();
        s->windows.removeFirst();
        next(s);
    });
}

} // namespace

EventDensityProbe::EventDensityProbe(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void EventDensityProbe::sample(const QUrl &rpc, const QList<Address> &tokens, const QList<RegistryRef> &registries, qint64 from,
                               qint64 to, std::function<void(Result<EventDensity>)> done)
{
    auto s = std::make_shared<Sampling>();
    s->done = std::move(done);
    if (from > to || (tokens.isEmpty() && registries.isEmpty())) {
        auto finish = std::move(s->done);
        finish(EventDensity{});
        return;
    }
    s->client = new JsonRpcClient(m_network, rpc, this);
    s->client->setTimeout(m_timeoutMs);
    // What the indexer asks for (RangeFetcher): the tokens' Transfers, the registries' events.
    s->addresses = tokens;
    if (!tokens.isEmpty())
        s->topics.append(evmevents::transferTopic());
    for (const RegistryRef &r : registries) {
        s->addresses.append(r.address);
        s->topics += evmevents::registryTopics(r.kind);
    }
    s->windows = windowsOf(std::max<qint64>(0, from), to);
    next(s);
}

} // namespace arbor
