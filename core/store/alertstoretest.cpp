// AlertStore: test deliveries of an alert rule — what its actions would send when it is raised,
// from an alert made up from the rule (its kind, threshold and chain), sent as a test.

#include "store/alertstore.h"

#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"
#include "triggers/alerttext.h"
#include "triggers/eventpayload.h"

#include <QUuid>

#include <cmath>

namespace arbor {

using namespace triggerrows;

namespace {

/// Values a real alert of `rule` would carry, just past its threshold.
QJsonObject sampleParams(const AlertRule &rule, const QString &chainName)
{
    QJsonObject p{{QStringLiteral("chain"), chainName}};
    const double past = std::ceil(rule.threshold) + 1;
    switch (rule.kind) {
    case AlertKind::LagBlocks:
        p.insert(QStringLiteral("blocks"), past);
        p.insert(QStringLiteral("head"), 1000 + past);
        p.insert(QStringLiteral("indexed"), 1000);
        p.insert(QStringLiteral("threshold"), rule.threshold);
        break;
    case AlertKind::LagSeconds:
        p.insert(QStringLiteral("seconds"), past);
        p.insert(QStringLiteral("threshold"), rule.threshold);
        break;
    case AlertKind::RpcErrorRate:
        p.insert(QStringLiteral("host"), QStringLiteral("rpc.example"));
        p.insert(QStringLiteral("percent"), std::min(100.0, past));
        p.insert(QStringLiteral("threshold"), rule.threshold);
        break;
    case AlertKind::RpcDown:
        p.insert(QStringLiteral("host"), QStringLiteral("rpc.example"));
        p.insert(QStringLiteral("error"), QStringLiteral("Connection refused"));
        break;
    case AlertKind::Stalled:
        p.insert(QStringLiteral("blocks"), 12);
        p.insert(QStringLiteral("stalledSeconds"), qint64(std::ceil(rule.threshold * 60)) + 60);   // the threshold is in minutes
        break;
    case AlertKind::DeepReorg:
        p.insert(QStringLiteral("depth"), std::max(past, 2.0));
        p.insert(QStringLiteral("ancestor"), 1000);
        break;
    case AlertKind::QueueErrors:
        p.insert(QStringLiteral("errors"), 3);
        break;
    case AlertKind::QueueDelayed:
        p.insert(QStringLiteral("waitSeconds"), 600);
        break;
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        p.insert(QStringLiteral("subject"), rule.name);
        p.insert(QStringLiteral("receiver"), QStringLiteral("https://receiver.example/hook"));
        p.insert(QStringLiteral("error"), QStringLiteral("HTTP 503"));
        p.insert(QStringLiteral("failingSeconds"), 900);
        break;
    }
    return p;
}

} // namespace

Result<QList<AlertTestDelivery>> AlertStore::createTestDeliveries(qint64 ruleId)
{
    QList<AlertTestDelivery> created;
    const Status s = m_store.transaction([&]() -> Status {
        auto found = rule(ruleId);
        if (!found)
            return found.error();
        const AlertRule &r = *found;
        if (r.actions.isEmpty())
            return Error::invalid(QStringLiteral("actions"), tr("Alert rule “%1” has no action to test; add one in its editor first.").arg(r.name));
        // The rule's chain, or the first registered one for a rule of every chain.
        auto chain = r.chainId ? m_store.query(QLatin1String("SELECT chain_id, name FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"),
                                               {*r.chainId})
                               : m_store.query(QLatin1String("SELECT chain_id, name FROM ") + m_store.admin("chains")
                                               + QLatin1String(" WHERE state <> 'deleting' ORDER BY chain_id LIMIT 1"));
        if (!chain)
            return chain.error();
        if (chain->isEmpty())
            return Error::notFound(QStringLiteral("chain"), tr("No chain is registered to make a test alert for; add a chain first."));
        AlertRecord alert;
        alert.ruleId = r.id;
        alert.ruleName = r.name;
        alert.chainId = chain->first()[0].toLongLong();
        alert.kind = r.kind;
        alert.params = sampleParams(r, chain->first()[1].toString());
        alert.raisedAt = m_store.now() - qint64(r.forSeconds) * 1000;
        alert.title = AlertText::title(alert.kind, alert.chainId, alert.params, r.name, AlertLanguage::English);
        alert.text = AlertText::text(alert.kind, alert.chainId, alert.params, qint64(r.forSeconds) * 1000, AlertLanguage::English);
        DeliveryOutbox outbox(m_store);
        for (Action action : r.actions) {
            OutboxDelivery d;
            d.id = QLatin1String("test_") + QUuid::createUuid().toString(QUuid::Id128);
            if (action.type == ActionType::Telegram && action.text.isEmpty())
                action.text = defaultTelegramText(false);
            QJsonObject context = payloadContext(d.id, alert, false, r, action, chain->first()[1].toString());
            // Receivers can tell it from a real alert.
            QJsonObject a = context.value(QLatin1String("alert")).toObject();
            a.insert(QStringLiteral("test"), true);
            context.insert(QStringLiteral("alert"), a);
            d.subject = DeliverySubject::alertRule(r.id);
            d.actionId = action.id;
            d.actionType = action.type;
            d.priority = action.priority;
            d.chainId = alert.chainId;
            d.event = jsonText(a);
            d.rendered = renderPayload(action, context);
            d.isTest = true;
            auto written = outbox.add(d);
            if (!written)
                return written.error();
            created.append({d.id, action.id, action.type, alert.title});
        }
        return {};
    });
    if (!s)
        return s.error();
    return created;
}

} // namespace arbor
