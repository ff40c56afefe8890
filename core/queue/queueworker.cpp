#include "queue/queueworker.h"

#include "rpc/rpchttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace arbor {
namespace {

constexpr int RetryAfterErrorMs = 1000;
constexpr int CallsPerRequest = 100;
constexpr qint64 MaxReplyBytes = 16 * 1024 * 1024;

QByteArray balanceOfRequest(const QList<QueueItem> &items, qsizetype from, qsizetype count, qint64 height)
{
    // balanceOf(address): selector 0x70a08231, the holder left-padded to 32 bytes.
    const QByteArray block = "\"0x" + QByteArray::number(height, 16) + '"';
    QByteArray body = "[";
    for (qsizetype i = from; i < from + count; ++i) {
        if (i > from)
            body += ',';
        body += "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) + ",\"method\":\"eth_call\",\"params\":[{\"to\":\""
            + items[i].token.toHex().toLatin1() + "\",\"data\":\"0x70a08231000000000000000000000000"
            + items[i].holder.toHex().toLatin1().mid(2) + "\"}," + block + "]}";
    }
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
    auto configs = m_store->queueConfigs();
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
    }
    if (!m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= m_options.configRefreshMs) {
        if (Status s = refresh(); !s) {
            Q_EMIT workerError(s.error().toString());
            return scheduleTick(RetryAfterErrorMs);
        }
    }
    if (!m_sinceReclaim.isValid() || m_sinceReclaim.elapsed() >= m_options.reclaimAfterMs / 4) {
        auto reclaimed = m_store->reclaimQueueItems(nowMs() - m_options.reclaimAfterMs);
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
            auto b = m_store->queueBacklog(c.chainId);
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
        const qint64 wait = due ? std::clamp<qint64>(*due - nowMs(), 10, 1000) : 100;
        return scheduleTick(int(wait));
    }
    scheduleTick(std::max(idleMs, 10));
}

Result<bool> QueueWorker::processChain(const QueueConfig &config, std::function<void()> done)
{
    // Transfers-mode items: one transaction in the database, no claim round trip.
    auto computed = m_store->processTransferItems(config.chainId, config, m_workerId, m_workerId + u'/' + QString::number(++m_claims));
    if (!computed)
        return computed.error();
    QueueRunStats stats = *computed;

    // balanceOf items are claimed, then read from the chain.
    const QString claimId = m_workerId + u'/' + QString::number(++m_claims);
    const int room = std::max<int>(1, config.batchSize - int(stats.claimed));
    auto items = m_store->claimQueueItems(config.chainId, room, m_workerId, claimId, true);
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

    auto chain = m_store->findChain(ChainRef{config.chainId, QString()});
    QList<QueueItemError> errors;
    if (!chain || !*chain || !(*chain)->checkpointBlock) {
        const QString why = !chain ? chain.error().toString()
                                   : tr("Chain %1 has no indexed block yet to read balances at.").arg(config.chainId);
        for (const QueueItem &item : std::as_const(remote))
            errors.append({item.id, why});
        auto failed = m_store->completeQueueItems(config.chainId, claimId, {}, errors, config);
        if (!failed) {
            m_busy = false;
            return failed.error();
        }
        stats += *failed;
        if (!m_options.recordCompletedIds)
            stats.completedIds.clear();
        Q_EMIT batchDone(stats);
        done();
        return true;
    }
    const qint64 height = *(*chain)->checkpointBlock;
    fetchBalances(**chain, height, remote, [this, config, claimId, stats, done](QList<ComputedBalance> balances, QList<QueueItemError> errors) mutable {
        if (!m_store) {
            done();
            return;
        }
        auto completed = m_store->completeQueueItems(config.chainId, claimId, balances, errors, config);
        if (!completed)
            Q_EMIT workerError(completed.error().toString());
        else
            stats += *completed;
        if (!m_options.recordCompletedIds)
            stats.completedIds.clear();
        Q_EMIT batchDone(stats);
        done();
    });
    return true;
}

void QueueWorker::fetchBalances(const ChainRecord &chain, qint64 height, QList<QueueItem> items, BalancesDone done)
{
    // Endpoints the indexer found working first, then the rest by priority.
    QList<QUrl> urls;
    for (const EndpointRecord &e : chain.endpoints) {
        if (e.status != u"down")
            urls.append(e.url);
    }
    for (const EndpointRecord &e : chain.endpoints) {
        if (!urls.contains(e.url))
            urls.append(e.url);
    }
    if (urls.isEmpty())
        urls = chain.config.rpcUrls;

    struct Job
    {
        QList<QueueItem> items;
        QList<QUrl> urls;
        qint64 height = 0;
        qsizetype next = 0;
        QList<ComputedBalance> balances;
        QList<QueueItemError> errors;
        BalancesDone done;
    };
    auto job = std::make_shared<Job>();
    job->items = std::move(items);
    job->urls = urls;
    job->height = height;
    job->done = std::move(done);

    // One JSON-RPC batch of up to CallsPerRequest calls at a time; an endpoint that fails the
    // whole request is passed over for the next one.
    auto sendChunk = std::make_shared<std::function<void(int)>>();
    *sendChunk = [this, job, sendChunk](int urlIndex) {
        if (job->next >= job->items.size()) {
            // Breaking the cycle destroys this lambda and its captures: keep what is needed.
            const std::shared_ptr<Job> finished = job;
            auto done = std::move(finished->done);
            *sendChunk = nullptr;
            done(finished->balances, finished->errors);
            return;
        }
        const qsizetype count = std::min<qsizetype>(CallsPerRequest, job->items.size() - job->next);
        if (urlIndex >= job->urls.size()) {
            const QString why = job->urls.isEmpty() ? tr("The chain has no RPC endpoint.")
                                                    : tr("No RPC endpoint of the chain answered balanceOf; retried later.");
            for (qsizetype i = job->next; i < job->next + count; ++i)
                job->errors.append({job->items[i].id, why});
            job->next += count;
            (*sendChunk)(0);
            return;
        }
        const QUrl url = job->urls[urlIndex];
        const int timeoutMs = m_options.rpcTimeoutMs;
        QNetworkReply *reply = m_network->post(rpchttp::postRequest(url, timeoutMs), balanceOfRequest(job->items, job->next, count, job->height));
        rpchttp::limitDuration(reply, timeoutMs);
        rpchttp::limitResponseSize(reply, MaxReplyBytes);
        connect(reply, &QNetworkReply::finished, this, [this, reply, url, urlIndex, count, timeoutMs, job, sendChunk] {
            reply->deleteLater();
            if (!*sendChunk)
                return;
            auto body = rpchttp::replyBody(reply, url, timeoutMs, MaxReplyBytes, QStringLiteral("eth_call"), QString());
            QJsonParseError parseError;
            const QJsonDocument doc = body ? QJsonDocument::fromJson(*body, &parseError) : QJsonDocument();
            if (!body || !doc.isArray()) {
                qCWarning(lcQueue) << "balanceOf batch failed on" << rpchttp::displayUrl(url) << ":"
                                   << (body ? parseError.errorString() : body.error().toString());
                (*sendChunk)(urlIndex + 1);
                return;
            }
            QHash<qint64, QJsonObject> answers;
            for (const QJsonValue &v : doc.array())
                answers.insert(v.toObject().value(QLatin1String("id")).toInteger(-1), v.toObject());
            for (qsizetype i = job->next; i < job->next + count; ++i) {
                const QueueItem &item = job->items[i];
                const QJsonObject answer = answers.value(i);
                const QString result = answer.value(QLatin1String("result")).toString();
                const QByteArray data = QByteArray::fromHex(result.mid(2).toLatin1());
                if (answer.isEmpty() || answer.contains(QLatin1String("error")) || !result.startsWith(QLatin1String("0x"))
                    || data.size() != 32) {
                    const QString message = answer.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
                    job->errors.append({item.id, tr("balanceOf(%1) on %2 at block %3 gave no uint256: %4")
                                                     .arg(item.holder.toChecksumHex(), item.token.toChecksumHex())
                                                     .arg(job->height)
                                                     .arg(message.isEmpty() ? rpchttp::excerpt(QJsonDocument(answer).toJson(QJsonDocument::Compact))
                                                                            : message)});
                    continue;
                }
                auto value = u256::fromBigEndian(data);
                job->balances.append({item.id, value.value_or(U256(0)), job->height});
            }
            job->next += count;
            (*sendChunk)(0);
        });
    };
    (*sendChunk)(0);
}

} // namespace arbor
