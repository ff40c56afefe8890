#include "rpc/jsonrpcclient.h"

#include "model/u256.h"
#include "rpc/endpointlimiter.h"
#include "rpc/evmjson.h"
#include "rpc/rpchttp.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

Q_LOGGING_CATEGORY(lcRpc, "arbor.rpc")

namespace arbor {

using rpchttp::excerpt;

namespace {

/// The message of a single call's JSON-RPC error answer, if the body is one.
QString errorMessage(const QByteArray &body)
{
    if (!body.contains("\"error\""))
        return {};
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    return error.value(QLatin1String("message")).toString();
}

} // namespace

struct JsonRpcClient::Post
{
    QByteArray body;
    int weight = 1;
    QString what;               ///< how error messages name the request
    BodyCallback done;
    int attempts = 0;
    int rateLimited = 0;
    RpcCalls calls;             ///< the calls of `body`, read when first sent (when counted)
};

JsonRpcClient::JsonRpcClient(QNetworkAccessManager *network, QUrl url, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_limiter(EndpointLimiter::forUrl(m_url))
{
}

void JsonRpcClient::call(const QString &method, const QJsonArray &params, Callback done)
{
    const qint64 id = m_nextId++;
    const QJsonObject body{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), id},
        {QStringLiteral("method"), method},
        {QStringLiteral("params"), params},
    };
    post(QJsonDocument(body).toJson(QJsonDocument::Compact), 1, method,
         [id, url = m_url, method, counts = m_calls, done = std::move(done)](Result<QByteArray> data) {
        if (!data) {
            done(data.error());
            return;
        }
        Result<QJsonValue> value = parseResponse(*data, id, url);
        if (!value && counts) {
            RpcCalls failed;
            failed.byMethod[method].calls = 1;
            counts->addFailures(failed);
        }
        done(std::move(value));
    });
}

void JsonRpcClient::post(const QByteArray &body, int weight, BodyCallback done)
{
    post(body, weight, weight == 1 ? tr("a call") : tr("a batch of %1 calls").arg(weight), std::move(done));
}

void JsonRpcClient::post(const QByteArray &body, int weight, const QString &what, BodyCallback done)
{
    auto post = std::make_shared<Post>();
    post->body = body;
    post->weight = std::max(1, weight);
    post->what = what;
    post->done = std::move(done);
    send(std::move(post));
}

void JsonRpcClient::send(std::shared_ptr<Post> post)
{
    if (const qint64 wait = m_limiter->waitMs(post->weight); wait > 0) {
        QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, post] { send(post); });
        return;
    }
    m_limiter->take(post->weight);
    ++post->attempts;
    const auto sentAt = m_limiter->now();
    rpchttp::resolveUrl(m_url, this, [this, post, sentAt](Result<rpchttp::ResolvedUrl> target) {
        if (!target) {
            post->done(target.error());
            return;
        }
        transmit(post, *target, sentAt);
    });
}

void JsonRpcClient::transmit(std::shared_ptr<Post> post, const rpchttp::ResolvedUrl &target, RpcClock::TimePoint sentAt)
{
    QNetworkReply *reply = m_network->post(rpchttp::postRequest(target.url, m_timeoutMs), post->body);
    auto *scope = rpchttp::ReplyScope::forReply(reply, this);
    const auto counted = rpchttp::countWhenSent(reply, scope, [this, post] {
        if (!m_calls)
            return;
        if (post->calls.isEmpty())
            post->calls = RpcCalls::inRequest(post->body);
        m_calls->add(post->calls);
    });
    rpchttp::limitResponseSize(reply, scope, m_maxResponseBytes);
    rpchttp::limitDuration(reply, scope, m_timeoutMs);
    connect(reply, &QNetworkReply::finished, scope, [this, reply, post, sentAt, target, counted]() {
        reply->deleteLater();
        const bool sent = counted();
        auto data = rpchttp::replyBody(reply, m_url, m_timeoutMs, m_maxResponseBytes, post->what, tr("waiting as it asks"));
        if (!data)
            data = target.redact(data.error());
        const bool tooMany = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 429
            || (data && post->weight == 1 && evmjson::isRateLimited(errorMessage(*data)));
        const bool refusedBatch = !tooMany && data && post->weight > 1 && !data->trimmed().startsWith('[')
            && evmjson::isBatchTooLarge(rpchttp::excerpt(*data));
        if (m_calls && sent && (tooMany || !data || refusedBatch))
            m_calls->addFailures(post->calls);
        if (tooMany) {
            m_limiter->rateLimited(EndpointLimiter::retryAfterMs(reply), sentAt);
            if (++post->rateLimited <= m_rateLimitedRetries) {
                --post->attempts;
                send(post);
                return;
            }
            const QString last = data ? errorMessage(*data) : data.error().message;
            post->done(Error::unavailable(QStringLiteral("rpc"), tr("%1 answered %2 requests in a row with “too many requests” (last: %3); "
                                                                    "it allows fewer requests than Arbor needs. Add another endpoint or "
                                                                    "raise the plan's limit.")
                                                                     .arg(rpchttp::displayUrl(m_url))
                                                                     .arg(post->rateLimited)
                                                                     .arg(last)));
            return;
        }
        const QString refusal = data ? (post->weight > 1 && !data->trimmed().startsWith('[') ? rpchttp::excerpt(*data) : QString())
                                     : data.error().message;
        if (post->weight > 1 && !refusal.isEmpty() && evmjson::isBatchTooLarge(refusal)) {
            m_limiter->batchRefused(post->weight);
            post->done(Error::refused(tr("%1 refused a batch of %2 calls (batch size too large): %3")
                                          .arg(rpchttp::displayUrl(m_url))
                                          .arg(post->weight)
                                          .arg(refusal)));
            return;
        }
        if (!data) {
            if (rpchttp::isTransient(reply) && post->attempts < m_attempts) {
                const int base = 250 << std::min(post->attempts - 1, 6);
                const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
                qCDebug(lcRpc).noquote() << "retrying in" << delay << "ms:" << data.error().message;
                QTimer::singleShot(delay, this, [this, post] { send(post); });
                return;
            }
            post->done(data.error());
            return;
        }
        m_limiter->answered(post->weight);
        if (post->weight > 1)
            m_limiter->batchAccepted(post->weight);
        post->done(std::move(*data));
    });
}

Result<QJsonValue> JsonRpcClient::parseResponse(const QByteArray &body, qint64 id, const QUrl &url)
{
    const QString where = rpchttp::displayUrl(url);
    const QString field = QStringLiteral("rpc");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (body.trimmed().isEmpty())
            return Error::invalid(field, tr("%1 sent an empty response. Is this a JSON-RPC endpoint?").arg(where));
        return Error::invalid(field, tr("%1 did not answer with JSON (%2 at offset %3): “%4”. Is this a JSON-RPC endpoint?")
                                         .arg(where, parseError.errorString()).arg(parseError.offset).arg(excerpt(body)));
    }
    if (!doc.isObject())
        return Error::invalid(field, tr("%1 sent JSON that is not a JSON-RPC response object: “%2”.").arg(where, excerpt(body)));
    const QJsonObject obj = doc.object();
    if (obj.value(QLatin1String("jsonrpc")).toString() != u"2.0")
        return Error::invalid(field, tr("%1 sent a response without \"jsonrpc\": \"2.0\": “%2”.").arg(where, excerpt(body)));
    const QJsonValue error = obj.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull()) {
        const QJsonObject e = error.toObject();
        const int code = e.value(QLatin1String("code")).toInt();
        const QString message = e.value(QLatin1String("message")).toString().left(500);
        return Error::unavailable(field, tr("%1 returned JSON-RPC error %2: %3").arg(where).arg(code).arg(message));
    }
    const QJsonValue idValue = obj.value(QLatin1String("id"));
    if (idValue.toInteger(-1) != id)
        return Error::invalid(field, tr("%1 answered a different request (id %2, expected %3).")
                                         .arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{idValue}).toJson(QJsonDocument::Compact)))
                                         .arg(id));
    if (!obj.contains(QLatin1String("result")))
        return Error::invalid(field, tr("%1 sent a response with neither a result nor an error.").arg(where));
    return obj.value(QLatin1String("result"));
}

Result<qint64> quantityToInt64(const QJsonValue &value, const QString &field)
{
    if (!value.isString())
        return Error::invalid(field, QCoreApplication::translate("arbor::JsonRpcClient", "Expected a hex quantity string, got %1.")
                                         .arg(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).left(80)));
    auto v = u256::fromHexQuantity(value.toString(), field);
    if (!v)
        return v.error();
    const std::optional<qint64> n = v->toInt64();
    if (!n)
        return Error::invalid(field, QCoreApplication::translate("arbor::JsonRpcClient", "The quantity %1 is out of range.").arg(value.toString().left(80)));
    return *n;
}

QString int64ToQuantity(qint64 n)
{
    return QStringLiteral("0x") + QString::number(n, 16);
}

} // namespace arbor
