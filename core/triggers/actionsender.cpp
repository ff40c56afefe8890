#include "triggers/actionsender.h"

#include "triggers/mcpsender.h"
#include "triggers/restsender.h"
#include "triggers/telegramsender.h"

#include <QNetworkAccessManager>
#include <QPointer>

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

void ActionSender::send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done)
{
    ++m_inFlight;
    auto finished = [self = QPointer<ActionSender>(this), id = delivery.deliveryId, attempt = delivery.attempt,
                     done = std::move(done)](AttemptOutcome outcome) {
        if (self) {
            --self->m_inFlight;
            qCDebug(lcActions).noquote() << id << "attempt" << attempt << attemptKindName(outcome.kind)
                                         << "HTTP" << outcome.httpStatus << outcome.durationMs << "ms";
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
