#include "engine/rangefetcher.h"

#include "engine/fetchedrange.h"
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

/// One range being fetched: logs (split when a node refuses the span) and headers in batches,
/// every header of the range at once, or those of the blocks with logs once the logs are in.
struct RangeFetcher::Fetch
{
    IndexBatch batch;
    HeaderScope scope = HeaderScope::Every;
    bool withLogs = true;
    bool headersAsked = false;              ///< WithLogs, Linked: the headers of the logs' blocks were requested
    bool lastWithLogHeaders = false;        ///< WithLogs: the last block's header goes in the logs' blocks' batch
    bool edgesApart = false;                ///< the last block's header (a linked range's first too) is asked for on its own
    bool logsAfterHeaders = false;          ///< HeadersFirst: the logs wait for the headers asked for before them
    bool logsByHash = false;                ///< ByHash: the logs are asked for by block hash once every header is in
    bool keepLinked = false;                ///< ByHash of a Linked range: finish() keeps its edges' and logs' blocks' headers
    int headersPending = 0;                 ///< header requests sent and not answered
    int endpoint = -1;                      ///< logsAfterHeaders: every request goes to this endpoint (EndpointPool::pickEndpoint())
    std::optional<BlockHeader> first;       ///< edgesApart, Linked: the range's first header
    std::optional<BlockHeader> last;        ///< edgesApart: the range's last header
    std::optional<Address> only;
    QList<qint64> numbers;                  ///< WithLogs, Linked: the blocks whose headers are fetched, ascending
    QList<BlockHeader> headers;             ///< by slot: number - from (Every) or index in numbers (the others)
    QList<bool> haveHeader;
    QList<LogEntry> logs;
    int pending = 0;
    int logsPending = 0;                    ///< eth_getLogs calls sent and not answered (a split range is several)
    quint64 poolEpoch = 0;                  ///< RangeFetcher::m_poolEpoch when counted in logsInFlight(), else 0
    std::optional<Error> error;
    Done done;
    QElapsedTimer timer;

    qint64 numberAt(qsizetype slot) const { return scope == HeaderScope::Every ? batch.from + slot : numbers[slot]; }
};

RangeFetcher::RangeFetcher(qint64 chainId, FetchLimits limits)
    : m_chainId(chainId)
    , m_limits(limits)
    , m_sizer(limits.initialLogSpan, limits.maxLogSpan)
{
}

RangeFetcher::~RangeFetcher() = default;

void RangeFetcher::seedSpan(double logsPerBlock)
{
    if (const qint64 cap = m_pool ? m_pool->logRangeLimit() : 0; cap > 0)
        m_sizer.setMax(std::min(cap, m_limits.maxLogSpan));
    m_sizer.seed(logsPerBlock);
}

void RangeFetcher::setPool(EndpointPool *pool)
{
    m_pool = pool;
    ++m_poolEpoch;
    m_logsInFlight = 0;
}

void RangeFetcher::setContracts(QList<Address> tokens, const QList<RegistryRef> &registries)
{
    m_tokens = std::move(tokens);
    m_registries.clear();
    m_topics = {evmevents::transferTopic()};
    for (const RegistryRef &r : registries) {
        m_registries[r.address] = r.kind;
        m_topics += evmevents::registryTopics(r.kind);
    }
    probeContracts();
}

void RangeFetcher::setTokens(QList<Address> tokens)
{
    m_tokens = std::move(tokens);
    probeContracts();
}

void RangeFetcher::probeContracts()
{
    QList<Address> contracts = m_tokens;
    for (const auto &[address, kind] : m_registries)
        contracts.append(address);
    m_tipBlooms.setContracts(std::move(contracts), m_topics);
}

void RangeFetcher::fetch(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, HeaderScope scope, Done done, FetchOrder order)
{
    start(from, to, mode, std::move(only), scope, std::move(done), true, order);
}

void RangeFetcher::fetchHeaders(qint64 from, qint64 to, Done done, BatchMode mode)
{
    start(from, to, mode, std::nullopt, HeaderScope::Every, std::move(done), false);
}

void RangeFetcher::fetchHeadersAt(QList<qint64> numbers, Done done)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->batch.chainId = m_chainId;
    fetch->batch.from = numbers.isEmpty() ? 0 : numbers.first();
    fetch->batch.to = numbers.isEmpty() ? -1 : numbers.last();
    fetch->batch.headerScope = HeaderScope::WithLogs;
    fetch->scope = HeaderScope::WithLogs;
    fetch->withLogs = false;
    fetch->headersAsked = true;
    fetch->done = std::move(done);
    fetch->timer.start();
    fetch->pending = 1;
    fetch->numbers = std::move(numbers);
    if (!fetch->numbers.isEmpty()) {
        fetch->headers.resize(fetch->numbers.size());
        fetch->haveHeader.fill(false, fetch->numbers.size());
        requestHeaders(fetch, 0, fetch->numbers.size() - 1);
    }
    if (--fetch->pending == 0)
        finish(fetch);
}

void RangeFetcher::start(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, HeaderScope scope, Done done, bool withLogs,
                         FetchOrder order)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->batch.chainId = m_chainId;
    fetch->batch.from = from;
    fetch->batch.to = to;
    fetch->batch.mode = mode;
    fetch->batch.contract = only;
    fetch->batch.tokens = m_tokens;
    fetch->batch.headerScope = scope;
    QList<Address> registries;
    for (const auto &[address, kind] : m_registries)
        registries.append(address);
    fetch->batch.registries = registries;
    fetch->only = only;
    fetch->scope = scope;
    fetch->withLogs = withLogs && (only || !m_tokens.isEmpty() || !m_registries.empty());
    fetch->done = std::move(done);
    fetch->timer.start();
    fetch->pending = 1;   // held until every request is under way
    if (order == FetchOrder::ByHash && fetch->withLogs && mode == BatchMode::Head && !only
        && (scope == HeaderScope::Every || scope == HeaderScope::Linked)) {
        // At the tip: every header, then the logs by the hashes of the blocks that may hold them.
        fetch->logsByHash = true;
        fetch->keepLinked = scope == HeaderScope::Linked;
        fetch->scope = HeaderScope::Every;
        fetch->headers.resize(to - from + 1);
        fetch->haveHeader.fill(false, to - from + 1);
        requestHeaders(fetch, 0, to - from);
        if (fetch->logsByHash && fetch->headersPending == 0 && !fetch->error)
            requestLogsByHash(fetch);   // no header request went out (the fetcher has no pool)
        if (--fetch->pending == 0)
            finish(fetch);
        return;
    }
    // Inside the reorg window the headers come first (see fetch()); without headers to wait
    // for (a backfill, a scope without edges), the logs go at once.
    fetch->logsAfterHeaders = order != FetchOrder::LogsFirst && fetch->withLogs && mode != BatchMode::Backfill
        && (scope == HeaderScope::Every || scope == HeaderScope::Linked);
    // On one node: another endpoint may be on another fork, or may reorganise at another time.
    if (fetch->logsAfterHeaders && m_pool)
        fetch->endpoint = m_pool->pickEndpoint(to);
    // Else the logs first: the longest answers, and where the endpoints cap the requests in
    // flight they are sent before the headers of the ranges besides.
    if (fetch->withLogs && !fetch->logsAfterHeaders)
        sendLogs(fetch);
    if (scope == HeaderScope::Every) {
        fetch->headers.resize(to - from + 1);
        fetch->haveHeader.fill(false, to - from + 1);
        requestHeaders(fetch, 0, to - from);
    } else if ((scope == HeaderScope::WithLogs || scope == HeaderScope::Linked) && mode != BatchMode::Backfill) {
        // The last block's header (and a linked range's first) is needed whatever the logs hold.
        // Below the reorg window it goes in the batch of the logs' blocks' headers: one request
        // per range fewer, and the ranges of a catch-up in flight together are not held back
        // by the endpoint's cap on requests in flight. A range following the head asks for it
        // beside its logs: without logs, one round trip.
        if (scope == HeaderScope::WithLogs && fetch->withLogs) {
            fetch->lastWithLogHeaders = true;
        } else {
            fetch->edgesApart = true;
            requestEdgeHeaders(fetch);
        }
    }
    if (fetch->logsAfterHeaders && fetch->headersPending == 0 && !fetch->error)
        sendLogs(fetch);   // no header request went out (the fetcher has no pool)
    if (--fetch->pending == 0)
        finish(fetch);
}

void RangeFetcher::sendLogs(const std::shared_ptr<Fetch> &fetch)
{
    fetch->logsAfterHeaders = false;
    requestLogs(fetch, fetch->batch.from, fetch->batch.to);
    if (fetch->logsPending > 0) {
        fetch->poolEpoch = m_poolEpoch;
        ++m_logsInFlight;
    }
}

void RangeFetcher::headersAnswered(const std::shared_ptr<Fetch> &fetch)
{
    if (--fetch->headersPending == 0 && fetch->logsAfterHeaders) {
        if (fetch->error)
            fetch->logsAfterHeaders = false;   // the range is fetched again whole
        else
            sendLogs(fetch);
    }
    if (fetch->headersPending == 0 && fetch->logsByHash) {
        if (fetch->error)
            fetch->logsByHash = false;
        else
            requestLogsByHash(fetch);
    }
    if (--fetch->pending == 0)
        finish(fetch);
}

void RangeFetcher::requestEdgeHeaders(const std::shared_ptr<Fetch> &fetch)
{
    const qint64 from = fetch->batch.from, to = fetch->batch.to;
    if (fetch->scope == HeaderScope::Linked && from < to)
        requestEdgeHeaders(fetch, {from, to});
    else
        requestEdgeHeaders(fetch, {to});
}

void RangeFetcher::requestEdgeHeaders(const std::shared_ptr<Fetch> &fetch, const QList<qint64> &numbers)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    // Both in one request, unless the endpoints take one call per batch.
    if (numbers.size() > 1 && m_pool->batchLimit(int(numbers.size())) < numbers.size()) {
        for (qint64 n : numbers)
            requestEdgeHeaders(fetch, {n});
        return;
    }
    ++fetch->pending;
    ++fetch->headersPending;
    static std::atomic<qint64> ids{1};
    const qint64 id = ids.fetch_add(numbers.size()) + (qint64(1) << 42);
    m_pool->send(
        evmjson::blockBatchRequest(numbers, id), int(numbers.size()), numbers.last(),
        [fetch, numbers, id](const QByteArray &answer) -> Status {
            auto headers = evmjson::parseBlockBatch(answer, numbers, id);
            if (!headers)
                return headers.error();
            for (const BlockHeader &h : std::as_const(*headers)) {
                if (h.number == fetch->batch.to)
                    fetch->last = h;
                else
                    fetch->first = h;
            }
            return {};
        },
        [this, fetch, numbers](Status status) {
            if (!status && numbers.size() > 1 && evmjson::isBatchTooLarge(status.error().message)) {
                for (qint64 n : numbers)
                    requestEdgeHeaders(fetch, {n});
            } else if (!status && !fetch->error) {
                fetch->error = status.error();
            }
            headersAnswered(fetch);
        },
        fetch->endpoint);
}

void RangeFetcher::requestLogHeaders(const std::shared_ptr<Fetch> &fetch)
{
    // Logs first: the headers of the blocks that hold them, in as few batches as the endpoints
    // accept, with the last block's where it was left for them; else the first and last
    // blocks' are fetched on their own (requestEdgeHeaders()).
    fetch->headersAsked = true;
    QList<qint64> &numbers = fetch->numbers;
    numbers.reserve(fetch->logs.size() + 1);
    const qint64 from = fetch->batch.from, to = fetch->batch.to;
    const bool linked = fetch->scope == HeaderScope::Linked && from < to;
    for (const LogEntry &log : std::as_const(fetch->logs)) {
        const bool edge = fetch->edgesApart && (log.blockNumber == to || (linked && log.blockNumber == from));
        if ((numbers.isEmpty() || numbers.last() != log.blockNumber) && !edge)
            numbers.append(log.blockNumber);
    }
    // The logs are in chain order and within the range: the last block comes last.
    if (fetch->lastWithLogHeaders && (numbers.isEmpty() || numbers.last() != fetch->batch.to))
        numbers.append(fetch->batch.to);
    if (numbers.isEmpty())
        return;
    fetch->headers.resize(numbers.size());
    fetch->haveHeader.fill(false, numbers.size());
    requestHeaders(fetch, 0, numbers.size() - 1);
}

void RangeFetcher::requestHeaders(const std::shared_ptr<Fetch> &fetch, qsizetype first, qsizetype last)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    // In batches the endpoints accept: a provider's cap is learned from its first refusal.
    const qsizetype perBatch = m_pool->batchLimit(m_limits.headerBatchSize);
    if (last - first + 1 > perBatch) {
        for (qsizetype a = first; a <= last; a += perBatch)
            requestHeaders(fetch, a, std::min(last, a + perBatch - 1));
        return;
    }
    ++fetch->pending;
    ++fetch->headersPending;
    static std::atomic<qint64> ids{1};
    const qint64 count = last - first + 1;
    const qint64 firstId = ids.fetch_add(count);
    const bool contiguous = fetch->scope == HeaderScope::Every;
    const qint64 from = fetch->numberAt(first);
    const qint64 to = fetch->numberAt(last);
    const QList<qint64> numbers = contiguous ? QList<qint64>() : fetch->numbers.mid(first, count);
    const QByteArray body = contiguous ? evmjson::blockBatchRequest(from, to, firstId) : evmjson::blockBatchRequest(numbers, firstId);
    m_pool->send(
        body, int(count), to,
        [fetch, first, from, to, numbers, firstId](const QByteArray &answer) -> Status {
            auto headers = numbers.isEmpty() ? evmjson::parseBlockBatch(answer, from, to, firstId) : evmjson::parseBlockBatch(answer, numbers, firstId);
            if (!headers)
                return headers.error();
            for (qsizetype i = 0; i < headers->size(); ++i) {
                fetch->headers[first + i] = (*headers)[i];
                fetch->haveHeader[first + i] = true;
            }
            return {};
        },
        [this, fetch, first, last](Status status) {
            if (!status && last > first && evmjson::isBatchTooLarge(status.error().message)) {
                qCDebug(lcIndexer) << "chain" << m_chainId << ": batch of" << (last - first + 1) << "headers refused; sending smaller ones";
                const qsizetype mid = first + (last - first) / 2;
                requestHeaders(fetch, first, mid);
                requestHeaders(fetch, mid + 1, last);
            } else if (!status && !fetch->error) {
                fetch->error = status.error();
            }
            headersAnswered(fetch);
        },
        fetch->endpoint);
}

void RangeFetcher::requestLogs(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    ++fetch->pending;
    ++fetch->logsPending;
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
                // A range not split is one call: its logs are taken whole, not moved one by one
                // into a new list (appending allocates even to an empty one).
                if (fetch->logs.isEmpty())
                    fetch->logs = std::move(*found);
                else
                    fetch->logs.append(std::move(*found));
            } else if (evmjson::isRangeTooLarge(status.error()) && to > from && m_sizer.tooLarge(to - from + 1)) {
                const qint64 mid = from + (to - from) / 2;
                qCDebug(lcIndexer) << "chain" << m_chainId << ": splitting eth_getLogs" << from << "-" << to;
                requestLogs(fetch, from, mid);
                requestLogs(fetch, mid + 1, to);
            } else if (!fetch->error) {
                fetch->error = status.error();
            }
            const bool logsIn = --fetch->logsPending == 0;
            // The headers of the logs' blocks go out as soon as the logs are in, not after the
            // edge headers asked for beside them.
            if (logsIn && !fetch->error && (fetch->scope == HeaderScope::WithLogs || fetch->scope == HeaderScope::Linked) && !fetch->headersAsked) {
                fetchedrange::sortInChainOrder(fetch->logs);
                requestLogHeaders(fetch);
            }
            if (--fetch->pending == 0)
                finish(fetch);
            if (logsIn)
                logsAnswered(fetch);
        },
        fetch->endpoint);
}

void RangeFetcher::requestLogsByHash(const std::shared_ptr<Fetch> &fetch)
{
    fetch->logsByHash = false;
    for (qsizetype i = 0; i < fetch->headers.size(); ++i) {
        // A header missing or not linked fails the range in finish(): no logs are asked for it.
        if (!fetch->haveHeader[i] || (i > 0 && fetch->headers[i].parentHash != fetch->headers[i - 1].hash))
            return;
    }
    m_tipBlooms.noteHeaders(fetch->headers);
    QList<qsizetype> chosen;
    for (qsizetype i = 0; i < fetch->headers.size(); ++i) {
        if (m_tipBlooms.mayHoldLogs(fetch->headers[i].logsBloom))
            chosen.append(i);
    }
    const qsizetype perBatch = m_pool ? m_pool->batchLimit(m_limits.headerBatchSize) : 1;
    for (qsizetype a = 0; a < chosen.size(); a += perBatch)
        requestLogsByHash(fetch, chosen.mid(a, perBatch));
}

void RangeFetcher::requestLogsByHash(const std::shared_ptr<Fetch> &fetch, const QList<qsizetype> &chosen)
{
    if (!m_pool) {
        fetch->error = Error::unavailable(QStringLiteral("rpc"), stoppedMessage());
        return;
    }
    ++fetch->pending;
    QList<Hash> hashes;
    QList<qint64> numbers;
    for (qsizetype slot : chosen) {
        hashes.append(fetch->headers[slot].hash);
        numbers.append(fetch->headers[slot].number);
    }
    static std::atomic<qint64> ids{1};
    const qint64 firstId = ids.fetch_add(hashes.size()) + (qint64(1) << 43);
    auto found = std::make_shared<QList<LogEntry>>();
    m_pool->send(
        evmjson::logsByHashRequest(hashes, m_tipBlooms.contracts(), m_topics, firstId), int(hashes.size()), numbers.last(),
        [found, hashes, numbers, firstId](const QByteArray &answer) -> Status {
            auto logs = evmjson::parseLogsByHash(answer, hashes, numbers, firstId);
            if (!logs)
                return logs.error();
            *found = std::move(*logs);
            return {};
        },
        [this, fetch, found, chosen](Status status) {
            if (status) {
                fetch->logs.append(std::move(*found));
            } else if (chosen.size() > 1 && evmjson::isBatchTooLarge(status.error().message)) {
                const qsizetype half = chosen.size() / 2;
                requestLogsByHash(fetch, chosen.mid(0, half));
                requestLogsByHash(fetch, chosen.mid(half));
            } else if (!fetch->error) {
                fetch->error = status.error();
            }
            if (--fetch->pending == 0)
                finish(fetch);
        },
        fetch->endpoint);
}

void RangeFetcher::logsAnswered(const std::shared_ptr<Fetch> &fetch)
{
    if (fetch->poolEpoch == 0 || fetch->poolEpoch != m_poolEpoch)
        return;
    fetch->poolEpoch = 0;
    --m_logsInFlight;
    if (m_logsAnswered)
        m_logsAnswered();
}

void RangeFetcher::finish(const std::shared_ptr<Fetch> &fetch)
{
    if (!fetch->done)
        return;
    QList<LogEntry> &logs = fetch->logs;
    if (!fetch->error && (fetch->scope == HeaderScope::WithLogs || fetch->scope == HeaderScope::Linked) && !fetch->headersAsked) {
        fetchedrange::sortInChainOrder(logs);
        fetch->pending = 1;
        requestLogHeaders(fetch);
        if (--fetch->pending != 0)
            return;
    }
    Done done = std::move(fetch->done);
    fetch->done = nullptr;
    if (fetch->error) {
        done(*fetch->error);
        return;
    }
    IndexBatch &batch = fetch->batch;
    for (qsizetype i = 0; i < fetch->headers.size(); ++i) {
        if (!fetch->haveHeader[i])
            return done(Error::unavailable(QStringLiteral("rpc"), QCoreApplication::translate("arbor::ChainIndexer", "Block %1 was not fetched.")
                                                                      .arg(fetch->numberAt(i)))
                            .withCode(QStringLiteral("block_not_fetched"), {QString::number(fetch->numberAt(i))}));
        if (fetch->scope == HeaderScope::Every && i > 0 && fetch->headers[i].parentHash != fetch->headers[i - 1].hash)
            return done(Error::unavailable(QStringLiteral("chain"),
                                           QCoreApplication::translate("arbor::ChainIndexer",
                                                                       "Block %1 does not build on block %2 as fetched: the chain "
                                                                       "changed while it was being read; fetching again.")
                                               .arg(batch.from + i).arg(batch.from + i - 1))
                            .withCode(QStringLiteral("block_not_linked"), {QString::number(batch.from + i), QString::number(batch.from + i - 1)}));
    }
    batch.headers = std::move(fetch->headers);
    if (fetch->first)
        batch.headers.prepend(*fetch->first);
    if (fetch->last)
        batch.headers.append(*fetch->last);
    fetchedrange::sortInChainOrder(logs);
    // Read by hash, a Linked range keeps what it keeps read the other ways: its edges and the
    // blocks of its logs (whose hashes are checked below).
    if (fetch->keepLinked)
        fetchedrange::keepEdgesAndLogBlocks(batch.headers, logs);
    if (fetch->scope != HeaderScope::None) {
        // Every log came from the block whose header was fetched (not from another fork).
        if (const std::optional<qint64> block = fetchedrange::firstLogWithoutItsHeader(batch.headers, logs))
            return done(Error::unavailable(QStringLiteral("chain"),
                                           QCoreApplication::translate("arbor::ChainIndexer",
                                                                       "The logs of block %1 come from another fork than its header; fetching again.")
                                               .arg(*block))
                            .withCode(QStringLiteral("logs_from_other_fork"), {QString::number(*block)}));
        if (const std::optional<qint64> leftOut = m_tipBlooms.weigh(batch.headers, logs))
            qCWarning(lcIndexer).noquote() << QStringLiteral("chain %1: the logsBloom of block %2 leaves out a log the block holds; "
                                                             "the newest blocks' logs are asked for block by block")
                                                  .arg(m_chainId).arg(*leftOut);
    }
    m_tipBlooms.noteHeaders(batch.headers);
    m_skippedLogs += fetchedrange::decodeLogs(logs, m_registries, batch, m_chainId);
    batch.fetchMs = fetch->timer.elapsed();
    done(std::move(batch));
}

} // namespace arbor
