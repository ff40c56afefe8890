#include "triggers/telegramsender.h"

#include "rpc/rpchttp.h"
#include "triggers/actionhttp.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace arbor {
namespace {

QJsonValue chatIdValue(const QString &chatId)
{
    bool ok = false;
    const qint64 numeric = chatId.toLongLong(&ok);
    // Telegram ids have at most 52 significant bits: a JSON number holds them exactly.
    if (ok && std::abs(numeric) < (1LL << 53))
        return QJsonValue(numeric);
    return QJsonValue(chatId);
}

QString apiDisplay(const QString &apiBaseUrl)
{
    return ActionText::tr("the Telegram Bot API at %1").arg(actionhttp::displayUrl(QUrl(apiBaseUrl)));
}

/// Reads what the Bot API answered: {"ok": bool, "description", "parameters": {"retry_after",
/// "migrate_to_chat_id"}}.
AttemptOutcome telegramOutcome(QNetworkReply *reply, const QString &where, int timeoutMs, const Redactor &redactor)
{
    const int status = actionhttp::httpStatus(reply);
    if (status == 0)
        return actionhttp::transportFailure(reply, where, timeoutMs, redactor);
    const QByteArray body = reply->readAll();
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QJsonObject parameters = answer.value(QLatin1String("parameters")).toObject();
    const QString description = redactor.apply(answer.value(QLatin1String("description")).toString());

    AttemptOutcome outcome;
    outcome.httpStatus = status;
    outcome.responseExcerpt = actionhttp::excerpt(body, redactor);
    if (status >= 200 && status < 300 && answer.value(QLatin1String("ok")).toBool()) {
        outcome.kind = AttemptOutcome::Kind::Success;
        return outcome;
    }
    // Each failure gets a code (and what its sentence names) beside the words: an alert about
    // it is worded in its reader's language, not in this engine's.
    const QString httpCode = QStringLiteral("http_%1").arg(status);
    if (status == 429 || parameters.contains(QLatin1String("retry_after"))) {
        outcome.kind = AttemptOutcome::Kind::Retry;
        const int seconds = parameters.value(QLatin1String("retry_after")).toInt(-1);
        outcome.retryAfterMs = seconds >= 0 ? std::optional<qint64>(seconds * 1000LL) : actionhttp::retryAfterMs(reply);
        outcome.error = outcome.retryAfterMs
                            ? ActionText::tr("Telegram is rate limiting this bot and asks for a pause of %1 s.")
                                  .arg(*outcome.retryAfterMs / 1000.0)
                            : ActionText::tr("Telegram is rate limiting this bot.");
        outcome.code = QStringLiteral("telegram_rate_limited");
        if (outcome.retryAfterMs)
            outcome.detail = QString::number(*outcome.retryAfterMs / 1000.0);
        return outcome;
    }
    if (status >= 500 || status == 408) {
        outcome.kind = AttemptOutcome::Kind::Retry;
        outcome.error = ActionText::tr("%1 answered HTTP %2: %3").arg(where).arg(status).arg(description);
        outcome.code = httpCode;
        outcome.detail = description;
        return outcome;
    }
    outcome.kind = AttemptOutcome::Kind::Fail;
    if (status == 401) {
        outcome.error = ActionText::tr("Telegram refused the bot token (401 Unauthorized). Check the secret botToken refers "
                                       "to; it is the token @BotFather gave.");
        outcome.code = QStringLiteral("telegram_token_refused");
    } else if (status == 404) {
        outcome.error = ActionText::tr("%1 answered 404 Not Found. Check the API base URL and the bot token.").arg(where);
        outcome.code = httpCode;
    } else if (const QJsonValue migrated = parameters.value(QLatin1String("migrate_to_chat_id")); !migrated.isUndefined()) {
        outcome.error = ActionText::tr("The group became a supergroup; set the action's chat id to %1.")
                            .arg(QString::number(migrated.toInteger()));
        outcome.code = QStringLiteral("telegram_migrated");
        outcome.detail = QString::number(migrated.toInteger());
    } else if (!description.isEmpty()) {
        outcome.error = ActionText::tr("Telegram refused the message: %1").arg(description);
        outcome.code = QStringLiteral("telegram_refused");
        outcome.detail = description;
    } else {
        outcome.error = ActionText::tr("%1 answered HTTP %2 without ok: true.").arg(where).arg(status);
        outcome.code = httpCode;
    }
    return outcome;
}

} // namespace

TelegramSender::TelegramSender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_clock.start();
}

TelegramSender::~TelegramSender() = default;

int TelegramSender::queued() const
{
    int count = 0;
    for (const Chat &chat : m_chats)
        count += int(chat.waiting.size()) + (chat.busy ? 1 : 0);
    return count;
}

void TelegramSender::send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done)
{
    const Action &action = delivery.action;
    QString error;
    if (delivery.secrets.botToken.isEmpty())
        error = ActionText::tr("The Telegram action has no bot token; set botToken to a secret reference.");
    else if (action.chatId.trimmed().isEmpty())
        error = ActionText::tr("The Telegram action has no chat id.");
    else if (!actionhttp::isHttpUrl(QUrl(action.apiBaseUrl)))
        error = ActionText::tr("The Telegram API base URL \"%1\" is not an http:// or https:// URL.").arg(action.apiBaseUrl);
    if (!error.isEmpty()) {
        AttemptOutcome outcome;
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.error = error;
        QMetaObject::invokeMethod(this, [done = std::move(done), outcome] { done(outcome); }, Qt::QueuedConnection);
        return;
    }
    // The limit is Telegram's per bot and chat; the key holds a digest, not the token.
    const QByteArray bot = QCryptographicHash::hash(delivery.secrets.botToken.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    const QString key = action.apiBaseUrl + QLatin1Char('\n') + QString::fromLatin1(bot) + QLatin1Char('\n') + action.chatId.trimmed();
    m_chats[key].waiting.push_back(Pending{delivery, std::move(done)});
    pump(key);
}

void TelegramSender::pump(const QString &key)
{
    const auto it = m_chats.find(key);
    if (it == m_chats.end() || it->busy || it->scheduled)
        return;
    const qint64 now = m_clock.elapsed();
    if (it->waiting.empty() && now >= it->nextSlotMs) {
        m_chats.erase(it);   // nothing waits and the chat's pause is over: forget it
        return;
    }
    if (now < it->nextSlotMs) {
        it->scheduled = true;
        QTimer::singleShot(int(it->nextSlotMs - now), Qt::PreciseTimer, this, [this, key] {
            if (const auto chat = m_chats.find(key); chat != m_chats.end())
                chat->scheduled = false;
            pump(key);
        });
        return;
    }
    it->busy = true;
    Pending pending = std::move(it->waiting.front());
    it->waiting.pop_front();
    post(key, std::move(pending));
}

void TelegramSender::answered(const QString &key, qint64 pauseMs)
{
    const auto it = m_chats.find(key);
    if (it == m_chats.end())
        return;
    it->busy = false;
    it->nextSlotMs = m_clock.elapsed() + std::max<qint64>(ChatIntervalMs, pauseMs);
}

void TelegramSender::post(const QString &key, Pending pending)
{
    const OutgoingDelivery &delivery = pending.delivery;
    const Action &action = delivery.action;
    QString base = action.apiBaseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QLatin1String("/bot") + delivery.secrets.botToken + QLatin1String("/sendMessage"));

    QJsonObject message{
        {QStringLiteral("chat_id"), chatIdValue(action.chatId.trimmed())},
        {QStringLiteral("text"), QString::fromUtf8(delivery.payload.body)},
        {QStringLiteral("disable_web_page_preview"), true},
    };
    if (!action.parseMode.isEmpty())
        message.insert(QStringLiteral("parse_mode"), action.parseMode);

    QNetworkRequest request(url);
    actionhttp::prepare(request, action.timeoutMs);
    request.setRawHeader("Content-Type", "application/json");
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network->post(request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    auto *scope = rpchttp::ReplyScope::forReply(reply, this);
    actionhttp::watch(reply, scope, action.timeoutMs);
    connect(reply, &QNetworkReply::finished, scope,
            [this, key, reply, clock, where = apiDisplay(action.apiBaseUrl), timeoutMs = action.timeoutMs,
             redactor = Redactor(delivery.secrets.values()), done = std::move(pending.done)] {
        reply->deleteLater();
        AttemptOutcome outcome = telegramOutcome(reply, where, timeoutMs, redactor);
        outcome.durationMs = clock.elapsed();
        answered(key, outcome.retryAfterMs.value_or(0));
        const QPointer<TelegramSender> self(this);
        done(outcome);
        if (self)
            pump(key);
    });
}

} // namespace arbor
