#include "triggers/actionsender.h"

#include "triggers/mcpsender.h"
#include "triggers/restsender.h"
#include "triggers/telegramsender.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcActions, "arbor.triggers")

namespace arbor {

QString attemptKindName(AttemptOutcome::Kind kind)
{
    switch (kind) {
    case AttemptOutcome::Kind::Success: return QStringLiteral("success");
    case AttemptOutcome::Kind::Retry: return QStringLiteral("retry");
    case AttemptOutcome::Kind::Fail: return QStringLiteral("fail");
    case AttemptOutcome::Kind::Gone: return QStringLiteral("gone");
    }
    return {};
}

ActionSender::ActionSender(QObject *parent)
    : QObject(parent),
      m_network(new QNetworkAccessManager(this)),
      m_rest(new RestSender(m_network, this)),
      m_telegram(new TelegramSender(m_network, this)),
      m_mcp(new McpSender(m_network, this))
{
}

ActionSender::~ActionSender()
{
    // The senders go first: replies the network access manager aborts as it goes must find
    // nobody left to call back.
    delete m_mcp;
    delete m_telegram;
    delete m_rest;
    delete m_network;
}

int ActionSender::inFlight() const
{
    return m_inFlight;
}

QNetworkAccessManager *ActionSender::network() const
{
    return m_network;
}

QString ActionSender::receiverOf(const OutgoingDelivery &delivery)
{
    QUrl url;
    switch (delivery.action.type) {
    case ActionType::Rest:
        url = QUrl(delivery.action.url);
        break;
    case ActionType::Mcp:
        url = QUrl(delivery.payload.target.isEmpty() ? delivery.action.url : delivery.payload.target);
        break;
    case ActionType::Telegram:
        return {};
    }
    if (!url.isValid() || url.host().isEmpty())
        return {};   // the sender refuses it at once
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return url.scheme() + QLatin1String("://") + url.host(QUrl::FullyEncoded) + QLatin1Char(':') + QString::number(port);
}

void ActionSender::send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done)
{
    ++m_inFlight;
    const QString receiver = receiverOf(delivery);
    if (!receiver.isEmpty() && m_sending.value(receiver) >= MaxPerHost) {
        m_waiting[receiver].enqueue(Waiting{delivery, std::move(done)});
        return;
    }
    start(delivery, std::move(done), receiver);
}

void ActionSender::receiverFreed(const QString &receiver)
{
    if (--m_sending[receiver] <= 0)
        m_sending.remove(receiver);
    const auto waiting = m_waiting.find(receiver);
    if (waiting == m_waiting.end())
        return;
    Waiting next = waiting->dequeue();
    if (waiting->isEmpty())
        m_waiting.erase(waiting);
    start(next.delivery, std::move(next.done), receiver);
}

void ActionSender::start(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done, const QString &receiver)
{
    if (!receiver.isEmpty())
        ++m_sending[receiver];
    auto finished = [self = QPointer<ActionSender>(this), id = delivery.deliveryId, attempt = delivery.attempt, receiver,
                     done = std::move(done)](AttemptOutcome outcome) {
        if (self) {
            --self->m_inFlight;
            qCDebug(lcActions).noquote() << id << "attempt" << attempt << attemptKindName(outcome.kind)
                                         << "HTTP" << outcome.httpStatus << outcome.durationMs << "ms";
            if (!receiver.isEmpty())
                self->receiverFreed(receiver);
        }
        done(std::move(outcome));
    };
    switch (delivery.action.type) {
    case ActionType::Rest:
        m_rest->send(delivery, std::move(finished));
        return;
    case ActionType::Telegram:
        m_telegram->send(delivery, std::move(finished));
        return;
    case ActionType::Mcp:
        m_mcp->send(delivery, std::move(finished));
        return;
    }
}

} // namespace arbor
