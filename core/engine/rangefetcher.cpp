#include "engine/rangefetcher.h"

#include "model/evmevents.h"
#include "rpc/endpointpool.h"
#include "rpc/evmjson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <atomic>

Q_DECLARE_LOGGING_CATEGORY(lcIndexer)

namespace arbor {

// Messages keep the context they were translated under when the indexer fetched ranges itself.

static QString stoppedMessage()
{
    return QCoreApplication::translate("arbor::ChainIndexer", "Indexing has stopped.");
}

/// One range being fetched: headers in batches and logs (split when a node refuses the span).
struct RangeFetcher::Fetch
{
    IndexBatch batch;
    bool withHeaders = true;
    std::optional<Address> only;
    QList<BlockHeader> headers;             ///< indexed by number - from
    QList<bool> haveHeader;
    QList<LogEntry> logs;
    int pending = 0;
    std::optional<Error> error;
    Done done;
    QElapsedTimer timer;
};

RangeFetcher::RangeFetcher(qint64 chainId, FetchLimits limits)
    : m_chainId(chainId)
    , m_limits(limits)
    , m_sizer(limits.initialLogSpan, limits.maxLogSpan)
{
}

RangeFetcher::~RangeFetcher() = default;

void RangeFetcher::setContracts(QList<Address> tokens, const QList<RegistryRef> &registries)
{
    m_tokens = std::move(tokens);
    m_registries.clear();
    m_topics = {evmevents::transferTopic()};
    for (const RegistryRef &r : registries) {
        m_registries[r.address] = r.kind;
        m_topics += evmevents::registryTopics(r.kind);
    }
}

void RangeFetcher::fetch(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, Done done)
{
    start(from, to, mode, std::move(only), std::move(done), true);
}

void RangeFetcher::fetchHeaders(qint64 from, qint64 to, Done done)
{
    start(from, to, BatchMode::Head, std::nullopt, std::move(done), false);
}

void RangeFetcher::start(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, Done done, bool withLogs)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->batch.chainId = m_chainId;
    fetch->batch.from = from;
    fetch->batch.to = to;
    fetch->batch.mode = mode;
    fetch->batch.contract = only;
    fetch->batch.tokens = m_tokens;
    QList<Address> registries;
    for (const auto &[address, kind] : m_registries)
        registries.append(address);
    fetch->batch.registries = registries;
    fetch->only = only;
    fetch->withHeaders = mode != BatchMode::Backfill;
    fetch->done = std::move(done);
    fetch->timer.start();
    fetch->pending = 1;   // held until every request is under way
    if (fetch->withHeaders) {
        fetch->headers.resize(to - from + 1);
        fetch->haveHeader.fill(false, to - from + 1);
        requestHeaders(fetch, from, to);
    }
    const bool wantLogs = only || !m_tokens.isEmpty() || !m_registries.empty();
    if (withLogs && wantLogs)
        requestLogs(fetch, from, to);
    if (--fetch->pending == 0)
        finish(fetch);
}

void RangeFetcher::requestHeaders(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    // In batches the endpoints accept: a provider's cap is learned from its first refusal.
    const qint64 perBatch = m_pool->batchLimit(m_limits.headerBatchSize);
    if (to - from + 1 > perBatch) {
        for (qint64 a = from; a <= to; a += perBatch)
            requestHeaders(fetch, a, std::min(to, a + perBatch - 1));
        return;
    }
    ++fetch->pending;
    static std::atomic<qint64> ids{1};
    const qint64 firstId = ids.fetch_add(to - from + 1);
    const QByteArray body = evmjson::blockBatchRequest(from, to, firstId);
    m_pool->send(
        body, int(to - from + 1), to,
        [fetch, from, to, firstId](const QByteArray &answer) -> Status {
            auto headers = evmjson::parseBlockBatch(answer, from, to, firstId);
            if (!headers)
                return headers.error();
            for (const BlockHeader &h : *headers) {
                const qint64 i = h.number - fetch->batch.from;
                fetch->headers[i] = h;
                fetch->haveHeader[i] = true;
            }
            return {};
        },
        [this, fetch, from, to](Status status) {
            if (!status && to > from && evmjson::isBatchTooLarge(status.error().message)) {
                qCDebug(lcIndexer) << "chain" << m_chainId << ": batch of" << (to - from + 1) << "headers refused; sending smaller ones";
                const qint64 mid = from + (to - from) / 2;
                requestHeaders(fetch, from, mid);
                requestHeaders(fetch, mid + 1, to);
            } else if (!status && !fetch->error) {
                fetch->error = status.error();
            }
            if (--fetch->pending == 0)
                finish(fetch);
        });
}

void RangeFetcher::requestLogs(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    ++fetch->pending;
    QList<Address> addresses;
    QList<Hash> topics;
    if (fetch->only) {
        addresses = {*fetch->only};
        const auto kind = m_registries.find(*fetch->only);
        topics = kind != m_registries.end() ? evmevents::registryTopics(kind->second) : QList<Hash>{evmevents::transferTopic()};
    } else {
        addresses = m_tokens;
        for (const auto &[address, kind] : m_registries)
            addresses.append(address);
        topics = m_topics;
    }
    static std::atomic<qint64> ids{1};
    const qint64 id = ids.fetch_add(1) + (qint64(1) << 40);
    auto found = std::make_shared<QList<LogEntry>>();
    m_pool->sendLogs(
        evmjson::logsRequest(from, to, addresses, topics, id), to - from + 1, to,
        [found, from, to, id](const QByteArray &answer) -> Status {
            auto logs = evmjson::parseLogs(answer, from, to, id);
            if (!logs)
                return logs.error();
            *found = std::move(*logs);
            return {};
        },
        [this, fetch, found, from, to](Status status) {
            if (const qint64 cap = m_pool ? m_pool->logRangeLimit() : 0; cap > 0)
                m_sizer.setMax(std::min(cap, m_limits.maxLogSpan));
            if (status) {
                m_sizer.succeeded(to - from + 1, found->size());
                fetch->logs.append(std::move(*found));
            } else if (evmjson::isRangeTooLarge(status.error()) && to > from && m_sizer.tooLarge(to - from + 1)) {
                const qint64 mid = from + (to - from) / 2;
                qCDebug(lcIndexer) << "chain" << m_chainId << ": splitting eth_getLogs" << from << "-" << to;
                requestLogs(fetch, from, mid);
                requestLogs(fetch, mid + 1, to);
            } else if (!fetch->error) {
                fetch->error = status.error();
            }
            if (--fetch->pending == 0)
                finish(fetch);
        });
}

void RangeFetcher::finish(const std::shared_ptr<Fetch> &fetch)
{
    if (!fetch->done)
        return;
    Done done = std::move(fetch->done);
    fetch->done = nullptr;
    if (fetch->error) {
        done(*fetch->error);
        return;
    }
    IndexBatch &batch = fetch->batch;
    if (fetch->withHeaders) {
        for (qsizetype i = 0; i < fetch->headers.size(); ++i) {
            if (!fetch->haveHeader[i])
                return done(Error::unavailable(QStringLiteral("rpc"), QCoreApplication::translate("arbor::ChainIndexer", "Block %1 was not fetched.")
                                                                          .arg(batch.from + i)));
            if (i > 0 && fetch->headers[i].parentHash != fetch->headers[i - 1].hash)
                return done(Error::unavailable(QStringLiteral("chain"),
                                               QCoreApplication::translate("arbor::ChainIndexer",
                                                                           "Block %1 does not build on block %2 as fetched: the chain "
                                                                           "changed while it was being read; fetching again.")
                                                   .arg(batch.from + i).arg(batch.from + i - 1)));
        }
        batch.headers = std::move(fetch->headers);
    }
    QList<LogEntry> &logs = fetch->logs;
    const auto inChainOrder = [](const LogEntry &a, const LogEntry &b) {
        return a.blockNumber != b.blockNumber ? a.blockNumber < b.blockNumber : a.logIndex < b.logIndex;
    };
    // Nodes answer in chain order; a split range arrives in pieces.
    if (!std::is_sorted(logs.cbegin(), logs.cend(), inChainOrder))
        std::sort(logs.begin(), logs.end(), inChainOrder);
    for (const LogEntry &log : logs) {
        if (fetch->withHeaders && log.blockHash != batch.headers.at(log.blockNumber - batch.from).hash)
            return done(Error::unavailable(QStringLiteral("chain"),
                                           QCoreApplication::translate("arbor::ChainIndexer",
                                                                       "The logs of block %1 come from another fork than its header; fetching again.")
                                               .arg(log.blockNumber)));
    }
    decode(logs, batch);
    batch.fetchMs = fetch->timer.elapsed();
    done(std::move(batch));
}

void RangeFetcher::decode(const QList<LogEntry> &logs, IndexBatch &batch)
{
    batch.transfers.reserve(logs.size());
    const Hash transfer = evmevents::transferTopic();
    for (const LogEntry &log : logs) {
        if (log.removed)
            continue;
        if (auto registry = m_registries.find(log.address); registry != m_registries.end()) {
            auto event = evmevents::decodeAgentEvent(log, registry->second);
            if (event) {
                batch.agentEvents.append(std::move(*event));
                continue;
            }
            ++m_skippedLogs;
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: skipped log %2 of block %3: %4")
                                                  .arg(m_chainId).arg(log.logIndex).arg(log.blockNumber).arg(event.error().message);
            continue;
        }
        if (log.topicCount > 0 && log.topics[0] == transfer) {
            auto decoded = evmevents::decodeTransfer(log);
            if (decoded) {
                batch.transfers.append(std::move(*decoded));
                continue;
            }
            ++m_skippedLogs;
            qCDebug(lcIndexer).noquote() << QStringLiteral("chain %1: skipped log %2 of block %3: %4")
                                                .arg(m_chainId).arg(log.logIndex).arg(log.blockNumber).arg(decoded.error().message);
        }
    }
}

} // namespace arbor
