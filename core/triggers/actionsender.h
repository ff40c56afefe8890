#pragma once

#include "triggers/outgoingdelivery.h"

#include <QLoggingCategory>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcActions)

namespace arbor {

class McpSender;
class RestSender;
class TelegramSender;

/**
 * Sends one attempt of a delivery over HTTP and says what came of it (AttemptOutcome):
 * REST webhooks signed in the Standard Webhooks form (RestSender), Telegram Bot API messages
 * paced to one per second per chat (TelegramSender), MCP `tools/call` over Streamable HTTP in
 * the stateless revision or the 2025 handshake (McpSender).
 *
 * The sender does not retry, wait out a backoff or touch the outbox: the delivery worker
 * records the outcome and schedules the next attempt. It never logs a secret; it logs each
 * outcome's kind, status and duration (arbor.triggers, debug) by delivery id.
 *
 * Thread: lives on one thread with an event loop (the delivery worker's), owns its
 * QNetworkAccessManager there, and is used only there; `done` is called on that thread,
 * always after send() has returned. Many sends may be in flight at once. Sends still in flight
 * when the sender is destroyed are dropped without a callback: their deliveries stay pending
 * in the outbox and are sent again after a restart.
 */
class ActionSender final : public QObject
{
    Q_OBJECT

public:
    explicit ActionSender(QObject *parent = nullptr);
    ~ActionSender() override;

    void send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done);

    /// Sends whose `done` has not been called yet (Telegram messages waiting for their slot
    /// included): what the worker compares with its limit of deliveries in flight.
    int inFlight() const;

    /// The network access the senders share (its proxy and TLS settings apply to all).
    QNetworkAccessManager *network() const;

private:
    QNetworkAccessManager *m_network;
    RestSender *m_rest;
    TelegramSender *m_telegram;
    McpSender *m_mcp;
    int m_inFlight = 0;
};

} // namespace arbor
