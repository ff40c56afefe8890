#pragma once

#include "httptestserver.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <chrono>
#include <optional>

namespace arbor::test {

/**
 * The part of the Telegram Bot API Arbor uses, on 127.0.0.1: `POST /bot<token>/sendMessage`
 * with a JSON body {chat_id, text, parse_mode, disable_web_page_preview}, answered as the real
 * API does: {"ok": true, "result": {message}} or {"ok": false, "error_code", "description",
 * "parameters": {"retry_after"}}.
 *
 * A wrong token gets 401 Unauthorized, another method 404, an empty chat or text and a text
 * over 4,096 characters 400. It can answer 429 with `parameters.retry_after` once (setRateLimitOnce),
 * and can enforce Telegram's one message per second per chat (setEnforceChatInterval).
 * Every sendMessage is recorded with its arrival time.
 *
 * Threads: as HttpTestServer; the recording functions may be called from any thread.
 */
class TelegramStandIn final
{
public:
    struct Message
    {
        QString chatId;               ///< as sent; a number is recorded as its decimal text
        QString text;
        QString parseMode;
        bool disableWebPagePreview = false;
        int answeredStatus = 0;
        qint64 messageId = 0;         ///< given to accepted messages, from 1
        std::chrono::steady_clock::time_point receivedAt;
    };

    explicit TelegramStandIn(const QString &token);
    ~TelegramStandIn();

    bool start(QString *error = nullptr);
    void stop();
    /// "http://127.0.0.1:port": what an action's apiBaseUrl is set to.
    QString apiBaseUrl() const;
    QString token() const;
    HttpTestServer &server();

    /// The next sendMessage (to `chatId`, or to any chat when empty) gets 429 with
    /// parameters.retry_after = `retryAfterSeconds`; the ones after it are served.
    void setRateLimitOnce(int retryAfterSeconds, const QString &chatId = {});
    /// Answer a message that comes less than a second after the last accepted one in its
    /// chat with 429 and retry_after 1, as Telegram may.
    void setEnforceChatInterval(bool enforce);

    /// Every sendMessage with the right token, refused ones included (answeredStatus).
    QList<Message> messages(const QString &chatId = {}) const;
    /// Only those answered ok, in arrival order.
    QList<Message> accepted(const QString &chatId = {}) const;
    /// Requests whose token was wrong.
    int unauthorized() const;
    /// Request targets as received, to check what a client put in the URL.
    QList<QByteArray> targets() const;
    void clear();

private:
    HttpResponse handle(const HttpRequest &request);

    const QString m_token;
    mutable QMutex m_mutex;
    QList<Message> m_messages;
    QList<QByteArray> m_targets;
    QHash<QString, std::chrono::steady_clock::time_point> m_lastAccepted;
    std::optional<int> m_rateLimitOnce;
    QString m_rateLimitChat;
    bool m_enforceInterval = false;
    int m_unauthorized = 0;
    qint64 m_nextMessageId = 1;
    HttpTestServer m_server;
};

} // namespace arbor::test
