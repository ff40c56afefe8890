#pragma once

#include "error.h"
#include "triggers/outgoingdelivery.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace arbor {

/**
 * Sends REST webhook deliveries (ActionSender's part for ActionType::Rest).
 *
 * One request per attempt: the action's method and URL, its literal headers and the resolved
 * secret headers, the rendered body with `Content-Type: application/json` (text bodies:
 * `text/plain; charset=utf-8`) unless the action sets one, `User-Agent: Arbor/<version>`,
 * `webhook-id: <deliveryId>` always, and for a signing secret the Standard Webhooks
 * `webhook-timestamp` and `webhook-signature` (a fresh timestamp per attempt, the same id).
 * Test deliveries carry `arbor-test: true`. Redirects are not followed.
 *
 * Thread: the thread of its QNetworkAccessManager; `done` is called there, always later.
 */
class RestSender final : public QObject
{
    Q_OBJECT

public:
    RestSender(QNetworkAccessManager *network, QObject *parent = nullptr);

    void send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done);

    /**
     * The Standard Webhooks signature "v1,<base64 HMAC-SHA256 over "{id}.{timestamp}.{body}">"
     * with the key `secret` = "whsec_<base64>" decodes to. An Invalid error (naming
     * signingSecret, never showing it) when the prefix is missing or the rest is not base64.
     */
    static Result<QByteArray> signature(const QString &secret, const QString &id, qint64 timestamp, const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
};

} // namespace arbor
