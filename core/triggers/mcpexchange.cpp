#include "triggers/mcpexchange.h"

#include "rpc/rpchttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <memory>

namespace arbor {
namespace {

bool isResponseTo(const QJsonObject &message, const QJsonValue &id)
{
    if (!message.contains(QLatin1String("result")) && !message.contains(QLatin1String("error")))
        return false;   // a request or notification from the server, not an answer
    const QJsonValue answered = message.value(QLatin1String("id"));
    return answered == id || (answered.isNull() && message.contains(QLatin1String("error")));
}

struct Exchange
{
    QPointer<QNetworkReply> reply;
    QJsonValue id;
    bool isEventStream = false;
    bool sawHeaders = false;
    SseReader reader;
    McpAnswer answer;
    std::function<void(McpAnswer)> done;

    bool findInEvents(const QList<QByteArray> &events)
    {
        for (const QByteArray &data : events) {
            if (std::optional<QJsonObject> response = jsonRpcResponse(data, id)) {
                answer.response = std::move(response);
                return true;
            }
        }
        return false;
    }
};

} // namespace

QList<QByteArray> SseReader::feed(const QByteArray &bytes)
{
    QList<QByteArray> events;
    m_line.append(bytes);
    qsizetype start = 0;
    for (qsizetype end = m_line.indexOf('\n'); end >= 0; end = m_line.indexOf('\n', start)) {
        QByteArrayView line(m_line.constData() + start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (m_hasData)
                events.append(std::exchange(m_data, {}));
            m_hasData = false;
            continue;
        }
        if (!line.startsWith("data:"))
            continue;
        QByteArrayView value = line.sliced(5);
        if (value.startsWith(' '))
            value = value.sliced(1);
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    }
    m_line.remove(0, start);
    return events;
}

QList<QByteArray> SseReader::finish()
{
    QList<QByteArray> events = feed(QByteArrayLiteral("\n\n"));
    m_line.clear();
    return events;
}

std::optional<QJsonObject> jsonRpcResponse(const QByteArray &json, const QJsonValue &id)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject()) {
        if (isResponseTo(document.object(), id))
            return document.object();
        return std::nullopt;
    }
    for (const QJsonValue message : document.array()) {
        if (message.isObject() && isResponseTo(message.toObject(), id))
            return message.toObject();
    }
    return std::nullopt;
}

void postMcpMessage(QNetworkAccessManager *network, QObject *context, const QNetworkRequest &request,
                    const QJsonObject &message, int timeoutMs, const QString &where, const Redactor &redactor,
                    std::function<void(McpAnswer)> done)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->id = message.value(QLatin1String("id"));
    exchange->done = std::move(done);
    QNetworkReply *reply = network->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    exchange->reply = reply;
    auto *scope = rpchttp::ReplyScope::forReply(reply, context);
    actionhttp::watch(reply, scope, timeoutMs);

    const auto complete = [exchange] {
        QNetworkReply *reply = exchange->reply.data();
        if (!reply)
            return;
        exchange->reply.clear();
        rpchttp::ReplyScope::end(reply);
        if (reply->isRunning())
            reply->abort();   // the answer is in; whatever else the stream carries is not wanted
        reply->deleteLater();
        exchange->done(std::move(exchange->answer));
    };

    QObject::connect(reply, &QNetworkReply::readyRead, scope, [exchange, complete] {
        QNetworkReply *reply = exchange->reply.data();
        if (!reply)
            return;
        if (!exchange->sawHeaders) {
            exchange->sawHeaders = true;
            exchange->isEventStream = reply->header(QNetworkRequest::ContentTypeHeader).toString()
                                          .startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive);
        }
        if (!exchange->isEventStream || exchange->id.isUndefined())
            return;   // a JSON answer is read whole when the reply finishes
        const QByteArray bytes = reply->readAll();
        exchange->answer.body.append(bytes);
        if (exchange->findInEvents(exchange->reader.feed(bytes))) {
            exchange->answer.httpStatus = actionhttp::httpStatus(reply);
            exchange->answer.sessionId = reply->rawHeader("Mcp-Session-Id");
            complete();
        }
    });

    QObject::connect(reply, &QNetworkReply::finished, scope, [exchange, complete, where, timeoutMs, redactor] {
        QNetworkReply *reply = exchange->reply.data();
        if (!reply)
            return;
        McpAnswer &answer = exchange->answer;
        answer.httpStatus = actionhttp::httpStatus(reply);
        answer.sessionId = reply->rawHeader("Mcp-Session-Id");
        // A reply the timeout aborted is closed: reading it only logs a warning.
        const QByteArray rest = reply->isOpen() ? reply->readAll() : QByteArray();
        answer.body.append(rest);
        if (answer.httpStatus == 0) {
            answer.failure = actionhttp::transportFailure(reply, where, timeoutMs, redactor);
            complete();
            return;
        }
        if (!exchange->id.isUndefined()) {
            const bool eventStream = reply->header(QNetworkRequest::ContentTypeHeader).toString()
                                         .startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive);
            if (eventStream) {
                SseReader &reader = exchange->reader;
                if (!exchange->findInEvents(reader.feed(exchange->isEventStream ? rest : answer.body)))
                    exchange->findInEvents(reader.finish());
            } else {
                answer.response = jsonRpcResponse(answer.body, exchange->id);
            }
        }
        if (actionhttp::kindForStatus(answer.httpStatus) != AttemptOutcome::Kind::Success)
            answer.failure = actionhttp::statusFailure(reply, where, answer.body, redactor);
        else if (actionhttp::oversized(reply))
            answer.failure = actionhttp::transportFailure(reply, where, timeoutMs, redactor);
        complete();
    });
}

} // namespace arbor
