#include "telegramstandin.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

HttpResponse refusal(int status, const QString &description, const QJsonObject &parameters = {})
{
    QJsonObject body{{u"ok"_s, false}, {u"error_code"_s, status}, {u"description"_s, description}};
    if (!parameters.isEmpty())
        body.insert(u"parameters"_s, parameters);
    return HttpResponse::json(status, body);
}

} // namespace

TelegramStandIn::TelegramStandIn(const QString &token)
    : m_token(token), m_server([this](const HttpRequest &request) { return handle(request); })
{
}

TelegramStandIn::~TelegramStandIn()
{
    m_server.stop();
}

bool TelegramStandIn::start(QString *error)
{
    return m_server.start(error);
}

void TelegramStandIn::stop()
{
    m_server.stop();
}

QString TelegramStandIn::apiBaseUrl() const
{
    return m_server.url(QString()).toString();
}

QString TelegramStandIn::token() const
{
    return m_token;
}

HttpTestServer &TelegramStandIn::server()
{
    return m_server;
}

void TelegramStandIn::setRateLimitOnce(int retryAfterSeconds, const QString &chatId)
{
    const QMutexLocker locker(&m_mutex);
    m_rateLimitOnce = retryAfterSeconds;
    m_rateLimitChat = chatId;
}

void TelegramStandIn::setEnforceChatInterval(bool enforce)
{
    const QMutexLocker locker(&m_mutex);
    m_enforceInterval = enforce;
}

HttpResponse TelegramStandIn::handle(const HttpRequest &request)
{
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path()));
    const QMutexLocker locker(&m_mutex);
    m_targets.append(request.target);
    if (!path.startsWith("/bot"_L1))
        return refusal(404, u"Not Found"_s);
    const qsizetype slash = path.indexOf(u'/', 4);
    const QString token = path.mid(4, slash < 0 ? -1 : slash - 4);
    const QString method = slash < 0 ? QString() : path.mid(slash + 1);
    if (token != m_token) {
        ++m_unauthorized;
        return refusal(401, u"Unauthorized"_s);
    }
    if (method != "sendMessage"_L1)
        return refusal(404, u"Not Found"_s);
    if (request.method != "POST")
        return refusal(405, u"Method Not Allowed"_s);

    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    Message message;
    const QJsonValue chat = body.value(u"chat_id"_s);
    message.chatId = chat.isDouble() ? QString::number(chat.toInteger()) : chat.toString();
    message.text = body.value(u"text"_s).toString();
    message.parseMode = body.value(u"parse_mode"_s).toString();
    message.disableWebPagePreview = body.value(u"disable_web_page_preview"_s).toBool();
    message.receivedAt = request.receivedAt;

    HttpResponse response;
    if (message.chatId.isEmpty()) {
        response = refusal(400, u"Bad Request: chat_id is empty"_s);
    } else if (message.text.isEmpty()) {
        response = refusal(400, u"Bad Request: message text is empty"_s);
    } else if (message.text.size() > 4096) {
        response = refusal(400, u"Bad Request: message is too long"_s);
    } else if (m_rateLimitOnce && (m_rateLimitChat.isEmpty() || m_rateLimitChat == message.chatId)) {
        const int seconds = *std::exchange(m_rateLimitOnce, std::nullopt);
        response = refusal(429, u"Too Many Requests: retry after %1"_s.arg(seconds), {{u"retry_after"_s, seconds}});
    } else if (m_enforceInterval && m_lastAccepted.contains(message.chatId)
               && message.receivedAt - m_lastAccepted.value(message.chatId) < std::chrono::seconds(1)) {
        response = refusal(429, u"Too Many Requests: retry after 1"_s, {{u"retry_after"_s, 1}});
    } else {
        message.messageId = m_nextMessageId++;
        m_lastAccepted.insert(message.chatId, message.receivedAt);
        const QJsonObject result{
            {u"message_id"_s, message.messageId},
            {u"date"_s, QDateTime::currentSecsSinceEpoch()},
            {u"chat"_s, QJsonObject{{u"id"_s, chat}}},
            {u"text"_s, message.text},
        };
        response = HttpResponse::json(200, QJsonObject{{u"ok"_s, true}, {u"result"_s, result}});
    }
    message.answeredStatus = response.status;
    m_messages.append(std::move(message));
    return response;
}

QList<TelegramStandIn::Message> TelegramStandIn::messages(const QString &chatId) const
{
    const QMutexLocker locker(&m_mutex);
    QList<Message> matching;
    for (const Message &message : m_messages) {
        if (chatId.isEmpty() || message.chatId == chatId)
            matching.append(message);
    }
    return matching;
}

QList<TelegramStandIn::Message> TelegramStandIn::accepted(const QString &chatId) const
{
    QList<Message> matching = messages(chatId);
    matching.removeIf([](const Message &message) { return message.answeredStatus != 200; });
    return matching;
}

int TelegramStandIn::unauthorized() const
{
    const QMutexLocker locker(&m_mutex);
    return m_unauthorized;
}

QList<QByteArray> TelegramStandIn::targets() const
{
    const QMutexLocker locker(&m_mutex);
    return m_targets;
}

void TelegramStandIn::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_messages.clear();
    m_targets.clear();
    m_lastAccepted.clear();
    m_unauthorized = 0;
}

} // namespace arbor::test
