#pragma once

#include "httptestserver.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>

namespace arbor::soak {

/**
 * A webhook receiver that keeps a compact ledger of what reached it, for a test that runs for
 * hours: per webhook-id the delivery it carries, its attempts, refusals and acceptances — never
 * the bodies, so the ledger's memory stays small next to the console's.
 *
 * Every request's Standard Webhooks signature is checked with the receivers' verifier
 * (WebhookReceiver::verify): a request that does not verify is answered 401 and counted. While
 * setFailing(true) every request is answered 503 (a receiver having an outage); the console must
 * retry under the same webhook-id. Otherwise 200.
 *
 * What a delivery is comes from its default body: a trigger's "t<trigger>|<chain>|<tx>:<log>",
 * an alert rule's "a<rule>|<chain>|<alert id>|<raised or resolved>".
 *
 * Threads: the server runs on its own thread; every other function may be called from any.
 */
class DeliveryLedger final
{
public:
    struct Check
    {
        int expected = 0;
        int exactlyOnce = 0;             ///< expected deliveries accepted once, under one webhook-id
        QStringList missing;             ///< expected, never accepted
        QStringList duplicated;          ///< accepted more than once, or sent under several webhook-ids
        QStringList unexpected;          ///< accepted, but nothing the generator sent
        int retriedAfterRefusal = 0;     ///< refused with 503 and later accepted under the same id
    };

    struct Counts
    {
        int requests = 0;
        int refused = 0;                 ///< 503 while failing
        int badSignatures = 0;
        int unreadable = 0;              ///< a body that is no delivery of a trigger or an alert rule
        int webhookIds = 0;
        QStringList signatureErrors;     ///< the first few
    };

    explicit DeliveryLedger(const QString &secret);
    ~DeliveryLedger();

    bool start(QString *error);
    void stop();
    QUrl url() const;
    QString secret() const { return m_secret; }
    void setFailing(bool failing) { m_failing = failing; }

    /// The expected trigger deliveries against what was accepted: `expected` holds the keys.
    Check checkTriggers(const QSet<QString> &expected) const;
    /// Alert rule deliveries accepted for `chainId` in `state` ("raised", "resolved"), each
    /// key once; duplicates and deliveries under several ids go to `duplicated`.
    Check checkAlerts(qint64 chainId, const QString &state, int expected) const;
    /// Keys accepted so far (every kind).
    int acceptedKeys() const;
    Counts counts() const;

private:
    struct Delivery
    {
        QString key;
        int attempts = 0;
        int refused = 0;
        int accepted = 0;
    };

    arbor::test::HttpResponse handle(const arbor::test::HttpRequest &request);
    static QString keyOf(const QByteArray &body);

    const QString m_secret;
    std::atomic<bool> m_failing = false;
    mutable QMutex m_mutex;
    QHash<QByteArray, Delivery> m_byId;
    QHash<QString, QList<QByteArray>> m_idsByKey;
    Counts m_counts;
    arbor::test::HttpTestServer m_server;
};

} // namespace arbor::soak
