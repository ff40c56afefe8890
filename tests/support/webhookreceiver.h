#pragma once

#include "httptestserver.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

namespace arbor::test {

/**
 * A webhook receiver as a careful operator runs one: it checks Standard Webhooks signatures
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 over
 * "{id}.{timestamp}.{body}">`, the key being the base64 after "whsec_"), refuses what does not
 * verify, and records every request it gets.
 *
 * It can misbehave on purpose: fail the first K attempts of each webhook-id (503, or 429 with
 * Retry-After), refuse chosen deliveries with a 4xx, or answer slowly. Any path is accepted.
 *
 * Threads: as HttpTestServer; the recording functions may be called from any thread.
 *
 * \code
 *     WebhookReceiver receiver(WebhookReceiver::makeSecret());
 *     QVERIFY2(receiver.start(&error), qPrintable(error));
 *     receiver.setFailFirst(2, 503);
 *     // point a REST action at receiver.url(), signing secret receiver.secret() ...
 *     QTRY_COMPARE(receiver.acceptedIds().size(), 1);
 *     QVERIFY(receiver.received().constFirst().verified);
 * \endcode
 */
class WebhookReceiver final
{
public:
    struct Received
    {
        QByteArray method;
        QByteArray path;
        QByteArray id;          ///< webhook-id
        QByteArray timestamp;   ///< webhook-timestamp
        QByteArray signature;   ///< webhook-signature
        QByteArray body;
        HttpHeaders headers;
        bool verified = false;  ///< the signature matched the secret and the timestamp is recent
        QString verifyError;    ///< why not, when it did not
        int attempt = 1;        ///< the how-manieth request with this webhook-id
        int answeredStatus = 0;
        std::chrono::steady_clock::time_point receivedAt;

        QByteArray header(QByteArrayView name) const;
    };

    /// `secret` "whsec_<base64>": signatures are checked and unverified requests refused with
    /// 401. Empty: nothing is checked and `verified` stays false.
    explicit WebhookReceiver(const QString &secret = {});
    ~WebhookReceiver();

    /// A fresh "whsec_" secret of 32 random bytes.
    static QString makeSecret();
    /// The verification itself, for tests of the signing side.
    static bool verify(const QString &secret, const QByteArray &id, const QByteArray &timestamp, const QByteArray &body,
                       const QByteArray &signatureHeader, QString *why = nullptr, int toleranceSeconds = 300);

    bool start(QString *error = nullptr);
    void stop();
    /// http://127.0.0.1:port/hook
    QUrl url() const;
    QString secret() const;
    HttpTestServer &server();

    /// The first `attempts` requests of each webhook-id are answered `status` (with
    /// `Retry-After: retryAfterSeconds` when set); later ones are accepted.
    void setFailFirst(int attempts, int status = 503, std::optional<int> retryAfterSeconds = std::nullopt);
    /// Requests the predicate picks (called on the server thread) are answered `status`.
    void setRefuse(std::function<bool(const Received &)> predicate, int status = 400);
    /// Every answer waits this long (a slow receiver).
    void setDelayMs(int delayMs);
    /// With a secret: refuse unverified requests with 401 (default) or accept them anyway.
    void setRequireSignature(bool require);

    QList<Received> received() const;
    QList<Received> receivedFor(const QByteArray &id) const;
    /// webhook-ids answered 2xx, in the order first accepted.
    QList<QByteArray> acceptedIds() const;
    int count() const;
    void clear();

private:
    HttpResponse handle(const HttpRequest &request);

    const QString m_secret;
    mutable QMutex m_mutex;
    QList<Received> m_received;
    QHash<QByteArray, int> m_attempts;
    QList<QByteArray> m_accepted;
    QSet<QByteArray> m_acceptedSet;
    int m_failFirst = 0;
    int m_failStatus = 503;
    std::optional<int> m_retryAfterSeconds;
    std::function<bool(const Received &)> m_refuse;
    int m_refuseStatus = 400;
    int m_delayMs = 0;
    bool m_requireSignature = true;
    HttpTestServer m_server;
};

} // namespace arbor::test
