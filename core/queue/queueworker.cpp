#include "queue/queueworker.h"

#include "model/hex.h"
#include "rpc/endpointlimiter.h"
#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"
#include "store/chainregistry.h"
#include "store/queuestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <QSet>

#include <algorithm>
#include <array>

namespace arbor {
namespace {

constexpr int RetryAfterErrorMs = 1000;
constexpr int CallsPerRequest = 100;
constexpr qint64 MaxReplyBytes = 16 * 1024 * 1024;
/// Qt's HTTP/1.1 client writes a request's body in pieces of 16 KiB and leaves Nagle's algorithm
/// on: the last piece of a longer body waits until the server acknowledges the first, which a
/// server delaying its ACKs does after 40 ms (over a network, a round trip). So a balanceOf
/// request stays within one piece: against a local anvil, 3,000 balances took 1.5 s in requests
/// of 100 calls (20 KB each), 0.27 s in requests of 79.
constexpr qsizetype MaxRequestBytes = 16 * 1024;

/// Up to `count` balanceOf calls from `from`, as many as fit in MaxRequestBytes (at least one);
/// how many went in is returned in `taken`.
QByteArray balanceOfRequest(const QList<QueueItem> &items, qsizetype from, qsizetype count, qint64 height, qsizetype *taken)
{
    // balanceOf(address): selector 0x70a08231, the holder left-padded to 32 bytes.
    const QByteArray block = "\"0x" + QByteArray::number(height, 16) + '"';
    QByteArray body = "[";
    body.reserve(MaxRequestBytes);
    qsizetype i = from;
    for (; i < from + count; ++i) {
        const QByteArray call = "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) + ",\"method\":\"eth_call\",\"params\":[{\"to\":\""
            + items[i].token.toHex().toLatin1() + "\",\"data\":\"0x70a08231000000000000000000000000"
            + items[i].holder.toHex().toLatin1().mid(2) + "\"}," + block + "]}";
        if (i > from && body.size() + 1 + call.size() + 1 > MaxRequestBytes)
            break;
        if (i > from)
            body += ',';
        body += call;
    }
    *taken = i - from;
    return body + ']';
}

} // namespace

QueueWorker::QueueWorker(DatabaseUrl url, QString password, QueueOptions options, QString workerId)
    : m_url(std::move(url))
    , m_password(std::move(password))
    , m_options(options)
    , m_workerId(std::move(workerId))
{
    m_timer.setSingleShot(true);
    m_timer.setParent(this);
    connect(&m_timer, &QTimer::timeout, this, &QueueWorker::tick);
}

QueueWorker::~QueueWorker() = default;

void QueueWorker::start()
{
    m_network = new QNetworkAccessManager(this);
    scheduleTick(0);
}

void QueueWorker::stop()
{
    m_stopping = true;
    if (!m_busy)
        finishStop();
}

void QueueWorker::halt()
{
    m_stopping = true;
    finishStop();
}

void QueueWorker::finishStop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timer.stop();
    m_store.reset();
    Q_EMIT stopped();
}

void QueueWorker::scheduleTick(int ms)
{
    if (m_stopping) {
        finishStop();
        return;
    }
    m_timer.start(std::max(0, ms));
}

Status QueueWorker::refresh()
{
    auto configs = QueueStore(*m_store).queueConfigs();
    if (!configs)
        return configs.error();
    m_configs = *configs;
    m_sinceRefresh.start();
    return {};
}

void QueueWorker::tick()
{
    if (m_stopping)
        return finishStop();
    if (!m_store) {
        auto opened = Store::open(m_url, m_password);
        if (!opened) {
            Q_EMIT workerError(opened.error().toString());
            return scheduleTick(RetryAfterErrorMs);
        }
        m_store = std::move(*opened);
        if (m_options.untilEmpty) {
            // A run to the end gives items held back for a token problem one more try now.
            if (auto released = QueueStore(*m_store).releaseHeldBackItems(); !released)
                Q_EMIT workerError(released.error().toString());
        }
    }
    if (!m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= m_options.configRefreshMs) {
        if (Status s = refresh(); !s) {
            Q_EMIT workerError(s.error().toString());
            return scheduleTick(RetryAfterErrorMs);
        }
    }
    if (!m_sinceReclaim.isValid() || m_sinceReclaim.elapsed() >= m_options.reclaimAfterMs / 4) {
        auto reclaimed = QueueStore(*m_store).reclaimQueueItems(m_store->now() - m_options.reclaimAfterMs);
        if (!reclaimed) {
            Q_EMIT workerError(reclaimed.error().toString());
            return scheduleTick(RetryAfterErrorMs);
        }
        m_sinceReclaim.start();
        if (*reclaimed > 0) {
            qCInfo(lcQueue) << "took back" << *reclaimed << "items of stopped workers";
            QueueRunStats stats;
            stats.reclaimed = *reclaimed;
            Q_EMIT batchDone(stats);
        }
    }

    QList<QueueConfig> enabled;
    for (const QueueConfig &c : std::as_const(m_configs)) {
        if (c.enabled)
            enabled.append(c);
    }
    int idleMs = 1000;
    for (qsizetype i = 0; i < enabled.size(); ++i) {
        const QueueConfig &config = enabled.at((m_nextChain + i) % enabled.size());
        idleMs = std::min(idleMs, config.intervalMs);
        auto claimed = processChain(config, [this] {
            m_busy = false;
            scheduleTick(0);
        });
        if (!claimed) {
            Q_EMIT workerError(claimed.error().toString());
            m_busy = false;
            return scheduleTick(RetryAfterErrorMs);
        }
        if (*claimed) {
            m_nextChain = (m_nextChain + i + 1) % enabled.size();
            return;   // the batch's completion schedules the next tick
        }
    }

    // Nothing to claim right now.
    if (m_options.untilEmpty) {
        qint64 backlog = 0;
        std::optional<qint64> due;
        for (const QueueConfig &c : std::as_const(enabled)) {
            auto b = QueueStore(*m_store).queueBacklog(c.chainId);
            if (!b) {
                Q_EMIT workerError(b.error().toString());
                return scheduleTick(RetryAfterErrorMs);
            }
            backlog += b->first;
            if (b->second)
                due = due ? std::min(*due, *b->second) : *b->second;
        }
        if (backlog == 0) {
            m_stopping = true;
            return finishStop();
        }
        // Items in backoff, or held by another worker: look again when the first is due.
        const qint64 wait = due ? std::clamp<qint64>(*due - m_store->now(), 10, 1000) : 100;
        return scheduleTick(int(wait));
    }
    scheduleTick(std::max(idleMs, 10));
}

Result<bool> QueueWorker::processChain(const QueueConfig &config, std::function<void()> done)
{
    // Transfers-mode items: one transaction in the database, no claim round trip.
    auto computed = QueueStore(*m_store).processTransferItems(config.chainId, config, m_workerId, m_workerId + u'/' + QString::number(++m_claims));
    if (!computed)
        return computed.error();
    QueueRunStats stats = *computed;

    // balanceOf items are claimed, then read from the chain.
    const QString claimId = m_workerId + u'/' + QString::number(++m_claims);
    const int room = std::max<int>(1, config.batchSize - int(stats.claimed));
    auto items = QueueStore(*m_store).claimQueueItems(config.chainId, room, m_workerId, claimId, true);
    if (!items)
        return items.error();
    if (stats.claimed == 0 && items->isEmpty())
        return false;
    m_busy = true;
    stats.claimed += items->size();
    const QList<QueueItem> remote = *items;
    if (remote.isEmpty()) {
        if (!m_options.recordCompletedIds)
            stats.completedIds.clear();
        Q_EMIT batchDone(stats);
        done();
        return true;
    }

    auto chain = ChainRegistry(*m_store).findChain(ChainRef{config.chainId, QString()});
    if (!chain || !*chain) {
        // The claim goes back as an ordinary failure (retried later), not left "processing".
        const QString why = !chain ? chain.error().toString() : tr("Chain %1 is gone.").arg(config.chainId);
        QList<QueueItemError> errors;
        for (const QueueItem &item : remote)
            errors.append({item.id, why, QString(), QString()});
        auto failed = QueueStore(*m_store).completeQueueItems(config.chainId, claimId, {}, errors, config);
        m_busy = false;
        if (!failed)
            return failed.error();
        stats += *failed;
        if (!m_options.recordCompletedIds)
            stats.completedIds.clear();
        Q_EMIT batchDone(stats);
        done();
        return true;
    }
    fetchBalances(**chain, remote, [this, config, claimId, stats, remote, done, record = **chain](QList<ComputedBalance> balances,
                                                                                                 QList<QueueItemError> errors) mutable {
        if (!m_store) {
            done();
            return;
        }
        saveCalls(record);
        // A failure every item of a token shares in this batch is the token's (or the node's):
        // said once for the token, its items held back without using up retries.
        QHash<QByteArray, QList<qint64>> itemsOf;
        for (const QueueItem &item : std::as_const(remote))
            itemsOf[item.token.toBytes()].append(item.id);
        QHash<qint64, const QueueItemError *> errorOf;
        for (const QueueItemError &e : std::as_const(errors))
            errorOf.insert(e.id, &e);
        QSet<qint64> heldBack;
        for (auto it = itemsOf.cbegin(); it != itemsOf.cend(); ++it) {
            const QList<qint64> &ids = it.value();
            const QueueItemError *first = errorOf.value(ids.first());
            if (ids.size() < 2 || !first || first->cause.isEmpty())
                continue;
            const bool alike = std::all_of(ids.begin(), ids.end(), [&](qint64 id) {
                const QueueItemError *e = errorOf.value(id);
                return e && e->cause == first->cause;
            });
            if (!alike)
                continue;
            const Address token = *Address::fromBytes(it.key());
            if (Status s = QueueStore(*m_store).holdBackTokenItems(config.chainId, claimId, token, first->cause, first->fix, ids, config); !s) {
                Q_EMIT workerError(s.error().toString());
                continue;
            }
            qCWarning(lcQueue) << "chain" << config.chainId << "token" << token.toChecksumHex() << ":" << first->cause;
            for (qint64 id : ids)
                heldBack.insert(id);
        }
        errors.removeIf([&](const QueueItemError &e) { return heldBack.contains(e.id); });
        auto completed = QueueStore(*m_store).completeQueueItems(config.chainId, claimId, balances, errors, config);
        if (!completed)
            Q_EMIT workerError(completed.error().toString());
        else
            stats += *completed;
        stats.heldBack += heldBack.size();
        if (!m_options.recordCompletedIds)
            stats.completedIds.clear();
        Q_EMIT batchDone(stats);
        done();
    });
    return true;
}

std::shared_ptr<RpcCalls> QueueWorker::callsOf(qint64 endpointId)
{
    std::shared_ptr<RpcCalls> &calls = m_calls[endpointId];
    if (!calls)
        calls = std::make_shared<RpcCalls>();
    return calls;
}

void QueueWorker::saveCalls(const ChainRecord &chain)
{
    QHash<qint64, RpcCalls> calls;
    for (const EndpointRecord &e : chain.endpoints) {
        if (const auto counted = m_calls.value(e.id); counted && !counted->isEmpty())
            calls.insert(e.id, std::exchange(*counted, {}));
    }
    if (calls.isEmpty())
        return;
    if (Status s = ChainRegistry(*m_store).addCalls(chain.config.chainId, calls); !s) {
        Q_EMIT workerError(s.error().toString());
        for (auto it = calls.cbegin(); it != calls.cend(); ++it)
            callsOf(it.key())->add(*it);   // with the next batch
    }
}

void QueueWorker::call(const QUrl &url, qint64 endpointId, const QString &method, const QJsonArray &params, JsonRpcClient::Callback done)
{
    auto *client = new JsonRpcClient(m_network, url, this);
    client->countCallsIn(callsOf(endpointId));
    client->setTimeout(m_options.rpcTimeoutMs);
    client->call(method, params, [client, done = std::move(done)](Result<QJsonValue> r) {
        client->deleteLater();
        done(std::move(r));
    });
}

void QueueWorker::fetchBalances(const ChainRecord &chain, QList<QueueItem> items, BalancesDone done)
{
    // Endpoints the indexer found working first, then the rest by priority.
    struct Source
    {
        QUrl url;
        qint64 endpointId = 0;
        std::optional<bool> history;
        std::optional<qint64> newest;       ///< the node's head, once asked
        bool noStateAtCheckpoint = false;   ///< this batch reads at the newest block instead
        QString missingState;               ///< what the node said about the checkpoint
    };
    QList<Source> sources;
    for (const EndpointRecord &e : chain.endpoints) {
        // The limits the indexer (perhaps in another process) keeps on the row apply here too.
        const auto limiter = EndpointLimiter::forUrl(e.url);
        limiter->setOperatorRate(e.maxRequestsPerSecond);
        limiter->seed(e.limits);
    }
    for (const EndpointRecord &e : chain.endpoints) {
        if (e.status != EndpointStatus::Unreachable)
            sources.append({e.url, e.id, e.servesHistory, std::nullopt, false, QString()});
    }
    for (const EndpointRecord &e : chain.endpoints) {
        if (e.status == EndpointStatus::Unreachable)
            sources.append({e.url, e.id, e.servesHistory, std::nullopt, false, QString()});
    }

    struct Job
    {
        QList<QueueItem> items;
        QList<Source> sources;
        std::optional<qint64> checkpoint;
        int confirmations = 0;
        qsizetype next = 0;
        QList<ComputedBalance> balances;
        QList<QueueItemError> errors;
        BalancesDone done;
    };
    auto job = std::make_shared<Job>();
    job->items = std::move(items);
    job->sources = sources;
    job->checkpoint = chain.checkpointBlock;
    job->confirmations = chain.config.confirmations;
    job->done = std::move(done);

    // One JSON-RPC batch of up to CallsPerRequest calls at a time; an endpoint that fails the
    // whole request is passed over for the next one. A batch reads at the checkpoint, the
    // height the indexed transfers are at. A node without the state there (no archive) is read
    // at its newest block `confirmations` deep instead, recorded as the balances' height; a
    // node whose head is below the checkpoint is behind, and the next endpoint is asked.
    auto sendChunk = std::make_shared<std::function<void(int)>>();
    *sendChunk = [this, job, sendChunk, chainId = chain.config.chainId](int sourceIndex) {
        if (job->next >= job->items.size()) {
            // Breaking the cycle destroys this lambda and its captures: keep what is needed.
            const std::shared_ptr<Job> finished = job;
            auto done = std::move(finished->done);
            *sendChunk = nullptr;
            done(finished->balances, finished->errors);
            return;
        }
        const qsizetype count = std::min<qsizetype>(CallsPerRequest, job->items.size() - job->next);
        if (sourceIndex >= job->sources.size()) {
            // Not the token's failure: no cause, so it is retried item by item, never held back.
            const QString why = job->sources.isEmpty() ? tr("The chain has no RPC endpoint.")
                                                       : tr("No RPC endpoint of the chain answered balanceOf at or above the indexed block; "
                                                            "retried later.");
            for (qsizetype i = job->next; i < job->next + count; ++i)
                job->errors.append({job->items[i].id, why, QString(), QString()});
            job->next += count;
            (*sendChunk)(0);
            return;
        }
        Source &source = job->sources[sourceIndex];
        if (!source.history) {
            // Detected once per endpoint and kept on its row, for the operator.
            call(source.url, source.endpointId, QStringLiteral("eth_getBalance"), QJsonArray{QStringLiteral("0x0000000000000000000000000000000000000000"), QStringLiteral("0x1")},
                 [this, job, sendChunk, sourceIndex](Result<QJsonValue> r) {
                     if (!*sendChunk)
                         return;
                     Source &source = job->sources[sourceIndex];
                     if (r || evmjson::isMissingState(r.error().message)) {
                         source.history = bool(r);
                         if (m_store) {
                             if (Status s = ChainRegistry(*m_store).setEndpointHistory(source.endpointId, bool(r), r ? QString() : r.error().message); !s)
                                 Q_EMIT workerError(s.error().toString());
                         }
                     } else {
                         source.history = std::nullopt;   // no answer either way: asked again next batch
                         source.newest.reset();
                         (*sendChunk)(sourceIndex + 1);
                         return;
                     }
                     (*sendChunk)(sourceIndex);
                 });
            return;
        }
        const bool atCheckpoint = job->checkpoint && !source.noStateAtCheckpoint;
        if (!atCheckpoint && !source.newest) {
            call(source.url, source.endpointId, QStringLiteral("eth_blockNumber"), {}, [this, job, sendChunk, sourceIndex](Result<QJsonValue> r) {
                if (!*sendChunk)
                    return;
                Source &source = job->sources[sourceIndex];
                auto head = r ? quantityToInt64(*r, QStringLiteral("eth_blockNumber")) : Result<qint64>(r.error());
                if (!head) {
                    qCWarning(lcQueue) << "eth_blockNumber failed on" << rpchttp::displayUrl(source.url) << ":" << head.error().toString();
                    (*sendChunk)(sourceIndex + 1);
                    return;
                }
                source.newest = *head;
                if (!source.missingState.isEmpty() && job->checkpoint && *head >= *job->checkpoint && source.history != false) {
                    // It has the checkpoint's block but not its state: it keeps no history.
                    source.history = false;
                    if (m_store) {
                        if (Status s = ChainRegistry(*m_store).setEndpointHistory(source.endpointId, false, source.missingState); !s)
                            Q_EMIT workerError(s.error().toString());
                    }
                }
                (*sendChunk)(sourceIndex);
            });
            return;
        }
        qint64 height = 0;
        if (atCheckpoint) {
            height = *job->checkpoint;
        } else {
            height = std::max<qint64>(0, *source.newest - job->confirmations);
            if (job->checkpoint && height < *job->checkpoint) {
                qCInfo(lcQueue) << rpchttp::displayUrl(source.url) << "is at block" << *source.newest << ", behind the indexed block"
                                << *job->checkpoint;
                (*sendChunk)(sourceIndex + 1);
                return;
            }
        }
        const QUrl url = source.url;
        auto *client = new JsonRpcClient(m_network, url, this);
        client->countCallsIn(callsOf(source.endpointId));
        client->setTimeout(m_options.rpcTimeoutMs);
        client->setMaxResponseBytes(MaxReplyBytes);
        qsizetype batch = 0;
        const QByteArray request = balanceOfRequest(job->items, job->next, client->limiter().batchLimit(int(count)), height, &batch);
        client->post(request, int(batch),
                     [client, url, sourceIndex, count = batch, height, atCheckpoint, job, sendChunk, chainId](Result<QByteArray> body) {
            client->deleteLater();
            if (!*sendChunk)
                return;
            if (!body && evmjson::isBatchTooLarge(body.error().message)) {
                (*sendChunk)(sourceIndex);      // again, in the batch size it accepts
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument doc = body ? QJsonDocument::fromJson(*body, &parseError) : QJsonDocument();
            if (!body || !doc.isArray()) {
                qCWarning(lcQueue) << "balanceOf batch failed on" << rpchttp::displayUrl(url) << ":"
                                   << (body ? parseError.errorString() : body.error().toString());
                (*sendChunk)(sourceIndex + 1);
                return;
            }
            QHash<qint64, QJsonObject> answers;
            for (const QJsonValue &v : doc.array())
                answers.insert(v.toObject().value(QLatin1String("id")).toInteger(-1), v.toObject());
            QList<ComputedBalance> balances;
            QList<QueueItemError> errors;
            QString missingState;
            for (qsizetype i = job->next; i < job->next + count; ++i) {
                const QueueItem &item = job->items[i];
                const QJsonObject answer = answers.value(i);
                const QString result = answer.value(QLatin1String("result")).toString();
                const QByteArray data = hex::decode(result, QStringLiteral("balanceOf"), 32).value_or(QByteArray());
                if (answer.isEmpty() || answer.contains(QLatin1String("error")) || !result.startsWith(QLatin1String("0x"))
                    || data.size() != 32) {
                    const QString message = answer.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
                    const QString cause = message.isEmpty() ? rpchttp::excerpt(QJsonDocument(answer).toJson(QJsonDocument::Compact)) : message;
                    if (!message.isEmpty() && evmjson::isMissingState(message))
                        missingState = message;
                    errors.append({item.id,
                                   tr("balanceOf(%1) on %2 at block %3 gave no uint256: %4")
                                       .arg(item.holder.toChecksumHex(), item.token.toChecksumHex())
                                       .arg(height)
                                       .arg(cause),
                                   cause,
                                   tr("Check that %1 is an ERC-20 token with balanceOf(address) on chain %2; if it is not, "
                                      "remove it, or switch it to transfers mode when the chain is indexed from its deployment.")
                                       .arg(item.token.toChecksumHex())
                                       .arg(chainId)});
                    continue;
                }
                auto value = u256::fromBigEndian(data);
                balances.append({item.id, value.value_or(U256(0)), height});
            }
            if (!missingState.isEmpty()) {
                // A node capability, not the items' failure: read this chunk again elsewhere
                // (at the checkpoint: at the node's newest block; at its newest: the next node).
                Source &source = job->sources[sourceIndex];
                if (atCheckpoint) {
                    qCInfo(lcQueue) << rpchttp::displayUrl(url) << "serves no state at block" << height << "(" << missingState
                                    << "); reading balanceOf at its newest block";
                    source.noStateAtCheckpoint = true;
                    source.missingState = missingState;
                    (*sendChunk)(sourceIndex);
                } else {
                    (*sendChunk)(sourceIndex + 1);
                }
                return;
            }
            job->balances += balances;
            job->errors += errors;
            job->next += count;
            (*sendChunk)(0);
        });
    };
    (*sendChunk)(0);
}

} // namespace arbor
