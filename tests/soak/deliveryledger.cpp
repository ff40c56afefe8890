#include "deliveryledger.h"

#include "webhookreceiver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace arbor::soak {

DeliveryLedger::DeliveryLedger(const QString &secret)
    : m_secret(secret)
    , m_server([this](const arbor::test::HttpRequest &request) { return handle(request); })
{
}

DeliveryLedger::~DeliveryLedger()
{
    m_server.stop();   // before the ledger the handler writes goes away
}

bool DeliveryLedger::start(QString *error)
{
    return m_server.start(error);
}

void DeliveryLedger::stop()
{
    m_server.stop();
}

QUrl DeliveryLedger::url() const
{
    return m_server.url(u"/hook"_s);
}

QString DeliveryLedger::keyOf(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonObject event = json.value(u"event"_s).toObject();
    const QJsonObject chain = json.value(u"chain"_s).toObject();
    if (!event.isEmpty()) {
        return u"t%1|%2|%3:%4"_s.arg(json.value(u"trigger"_s)[u"id"_s].toInteger())
            .arg(chain.value(u"id"_s).toInteger())
            .arg(event.value(u"txHash"_s).toString().toLower())
            .arg(event.value(u"logIndex"_s).toInteger());
    }
    const QJsonObject alert = json.value(u"alert"_s).toObject();
    if (!alert.isEmpty()) {
        return u"a%1|%2|%3|%4"_s.arg(json.value(u"rule"_s)[u"id"_s].toInteger())
            .arg(alert.value(u"chainId"_s).toInteger())
            .arg(alert.value(u"id"_s).toInteger())
            .arg(alert.value(u"state"_s).toString());
    }
    return {};
}

arbor::test::HttpResponse DeliveryLedger::handle(const arbor::test::HttpRequest &request)
{
    const QByteArray id = request.header("webhook-id");
    QString why;
    const bool verified = arbor::test::WebhookReceiver::verify(m_secret, id, request.header("webhook-timestamp"), request.body,
                                                               request.header("webhook-signature"), &why);
    const QString key = keyOf(request.body);

    const QMutexLocker locker(&m_mutex);
    ++m_counts.requests;
    if (!verified) {
        ++m_counts.badSignatures;
        if (m_counts.signatureErrors.size() < 5)
            m_counts.signatureErrors.append(QString::fromLatin1(id) + u": "_s + why);
        return arbor::test::HttpResponse::json(401, QJsonObject{{u"error"_s, why}});
    }
    if (key.isEmpty()) {
        ++m_counts.unreadable;
        return arbor::test::HttpResponse::json(400, QJsonObject{{u"error"_s, u"not a delivery"_s}});
    }
    Delivery &delivery = m_byId[id];
    if (delivery.attempts == 0) {
        delivery.key = key;
        m_idsByKey[key].append(id);
        ++m_counts.webhookIds;
    }
    ++delivery.attempts;
    if (m_failing) {
        ++delivery.refused;
        ++m_counts.refused;
        return arbor::test::HttpResponse::json(503, QJsonObject{{u"error"_s, u"receiver outage (soak test)"_s}});
    }
    ++delivery.accepted;
    return arbor::test::HttpResponse::json(200, QJsonObject{{u"received"_s, QString::fromLatin1(id)}});
}

DeliveryLedger::Check DeliveryLedger::checkTriggers(const QSet<QString> &expected) const
{
    const QMutexLocker locker(&m_mutex);
    Check check;
    check.expected = int(expected.size());
    for (const QString &key : expected) {
        int accepted = 0;
        int acceptedIds = 0;
        bool retried = false;
        for (const QByteArray &id : m_idsByKey.value(key)) {
            const Delivery &d = m_byId[id];
            accepted += d.accepted;
            acceptedIds += d.accepted > 0 ? 1 : 0;
            retried = retried || (d.refused > 0 && d.accepted > 0);
        }
        // A retry is the same delivery: under the id of its first attempt, however it was answered.
        const qsizetype ids = m_idsByKey.value(key).size();
        if (accepted == 0)
            check.missing.append(key);
        else if (accepted > 1 || ids > 1)
            check.duplicated.append(u"%1 (accepted %2 times; %3 webhook-ids, %4 accepted)"_s.arg(key).arg(accepted).arg(ids).arg(acceptedIds));
        else
            ++check.exactlyOnce;
        if (retried && accepted == 1)
            ++check.retriedAfterRefusal;
    }
    for (auto it = m_idsByKey.cbegin(); it != m_idsByKey.cend(); ++it) {
        if (!it.key().startsWith(u't') || expected.contains(it.key()))
            continue;
        for (const QByteArray &id : it.value()) {
            if (m_byId[id].accepted > 0) {
                check.unexpected.append(it.key());
                break;
            }
        }
    }
    return check;
}

DeliveryLedger::Check DeliveryLedger::checkAlerts(qint64 chainId, const QString &state, int expected) const
{
    const QMutexLocker locker(&m_mutex);
    Check check;
    check.expected = expected;
    const QString chain = u"|%1|"_s.arg(chainId);
    const QString suffix = u"|"_s + state;
    for (auto it = m_idsByKey.cbegin(); it != m_idsByKey.cend(); ++it) {
        if (!it.key().startsWith(u'a') || !it.key().contains(chain) || !it.key().endsWith(suffix))
            continue;
        int accepted = 0;
        int acceptedIds = 0;
        for (const QByteArray &id : it.value()) {
            accepted += m_byId[id].accepted;
            acceptedIds += m_byId[id].accepted > 0 ? 1 : 0;
            if (m_byId[id].refused > 0 && m_byId[id].accepted > 0)
                ++check.retriedAfterRefusal;
        }
        if (accepted == 1 && it.value().size() == 1)
            ++check.exactlyOnce;
        else if (accepted > 1 || it.value().size() > 1)
            check.duplicated.append(u"%1 (accepted %2 times under %3 ids)"_s.arg(it.key()).arg(accepted).arg(acceptedIds));
    }
    return check;
}

int DeliveryLedger::acceptedKeys() const
{
    const QMutexLocker locker(&m_mutex);
    int n = 0;
    for (auto it = m_idsByKey.cbegin(); it != m_idsByKey.cend(); ++it) {
        for (const QByteArray &id : it.value()) {
            if (m_byId[id].accepted > 0) {
                ++n;
                break;
            }
        }
    }
    return n;
}

DeliveryLedger::Counts DeliveryLedger::counts() const
{
    const QMutexLocker locker(&m_mutex);
    return m_counts;
}

} // namespace arbor::soak
