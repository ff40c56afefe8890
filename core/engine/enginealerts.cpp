// Engine: alerts. The AlertService's monitor is fed from the engine's own signals; an indexing
// engine with the lease records the alert history and delivers the rules' actions through the
// trigger outbox (enginetriggers.cpp starts that with the TriggerService).

#include "engine/engine.h"

#include "engine/alertservice.h"
#include "engine/futures.h"
#include "engine/storethread.h"
#include "engine/triggerservice.h"
#include "util/continuation.h"

namespace arbor {

using futures::ready;

void Engine::createAlerts()
{
    m_alerts = std::make_unique<AlertService>([this] { return chainStatuses(); }, 1000);
    AlertService *alerts = m_alerts.get();
    connect(this, &Engine::chainsChanged, alerts, &AlertService::updateChains);
    connect(this, &Engine::chainStatusChanged, alerts, &AlertService::updateStatuses);
    connect(this, &Engine::queueHealthChanged, alerts, &AlertService::updateQueues);
    connect(this, &Engine::reorgHandled, alerts, &AlertService::reorgHandled);
    connect(alerts, &AlertService::historyChanged, this, &Engine::alertHistoryChanged);
    m_alertRuleReload.setObjectName(QStringLiteral("alertRuleReload"));
    m_alertRuleReload.setInterval(AlertRuleReloadMs);
    connect(&m_alertRuleReload, &QTimer::timeout, this, &Engine::reloadAlertRules);
}

AlertMonitor *Engine::alertMonitor() const
{
    return m_alerts->monitor();
}

void Engine::reloadAlertRules()
{
    if (!m_reader || m_shuttingDown)
        return;
    then(m_reader->run([](Store &s) { return AlertStore(s).rules(); }), this, [this](Result<QList<AlertRule>> rules) {
        if (!rules) {
            qCWarning(lcEngine) << "could not read the alert rules:" << rules.error().message;
            return;
        }
        if (!m_shuttingDown && *rules != m_alerts->monitor()->rules())
            m_alerts->setRules(*rules);
    });
}

QFuture<Result<QList<AlertRule>>> Engine::alertRules()
{
    return m_reader->run([](Store &s) { return AlertStore(s).rules(); });
}

QFuture<Result<AlertRule>> Engine::afterAlertRuleWrite(QFuture<Result<AlertRule>> written)
{
    return then(written, this, [this](Result<AlertRule> r) {
        if (r) {
            reloadAlertRules();
            Q_EMIT alertRulesChanged();
        }
        return r;
    });
}

QFuture<Result<AlertRule>> Engine::addAlertRule(const AlertRule &rule)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<AlertRule>>(s.error());
    return afterAlertRuleWrite(m_writer->run([rule](Store &s) { return AlertStore(s).addRule(rule); }));
}

QFuture<Result<AlertRule>> Engine::updateAlertRule(const AlertRule &rule)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<AlertRule>>(s.error());
    return afterAlertRuleWrite(m_writer->run([rule](Store &s) { return AlertStore(s).updateRule(rule); }));
}

QFuture<Result<AlertRule>> Engine::setAlertRuleEnabled(qint64 ruleId, bool enabled)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<AlertRule>>(s.error());
    return afterAlertRuleWrite(m_writer->run([ruleId, enabled](Store &s) { return AlertStore(s).setEnabled(ruleId, enabled); }));
}

QFuture<Result<AlertRule>> Engine::silenceAlertRule(qint64 ruleId, qint64 untilMs)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<AlertRule>>(s.error());
    return afterAlertRuleWrite(m_writer->run([ruleId, untilMs](Store &s) { return AlertStore(s).setSilence(ruleId, untilMs); }));
}

QFuture<Status> Engine::deleteAlertRule(qint64 ruleId)
{
    if (Status s = checkWritable(); !s)
        return ready<Status>(s);
    return then(m_writer->run([ruleId](Store &s) { return AlertStore(s).deleteRule(ruleId); }), this, [this](Status s) {
        if (s) {
            reloadAlertRules();
            Q_EMIT alertRulesChanged();
            Q_EMIT deliveriesChanged();
        }
        return s;
    });
}

QFuture<Result<QList<AlertRecord>>> Engine::alertHistory(const AlertHistoryFilter &filter)
{
    return m_reader->run([filter](Store &s) { return AlertStore(s).history(filter); });
}

QFuture<Result<AlertRecord>> Engine::acknowledgeAlert(qint64 alertId, const QString &note)
{
    if (Status s = checkWritable(); !s)
        return ready<Result<AlertRecord>>(s.error());
    return then(m_writer->run([alertId, note](Store &s) { return AlertStore(s).acknowledge(alertId, note); }), this, [this](Result<AlertRecord> r) {
        if (r) {
            // The same alert may be active here: acknowledged on screen too.
            if (r->active())
                m_alerts->monitor()->acknowledge(r->chainId, r->kind, r->ruleId.value_or(0));
            Q_EMIT alertHistoryChanged();
        }
        return r;
    });
}

bool Engine::acknowledgeAlert(const Alert &alert, const QString &note)
{
    if (!m_alerts->monitor()->acknowledge(alert.chainId, alert.kind, alert.ruleId))
        return false;
    if (m_alerts->recording() && checkWritable()) {
        const qint64 chainId = alert.chainId;
        const AlertKind kind = alert.kind;
        const std::optional<qint64> ruleId = alert.ruleId ? std::optional<qint64>(alert.ruleId) : std::nullopt;
        const qint64 raisedAt = alert.raisedAt.toMSecsSinceEpoch();
        then(m_writer->run([=](Store &s) { return AlertStore(s).acknowledgeOpen(chainId, kind, ruleId, raisedAt, note); }), this, [this](Status s) {
            if (!s)
                qCWarning(lcEngine) << "could not record the acknowledgement:" << s.error().message;
            else
                Q_EMIT alertHistoryChanged();
        });
    }
    return true;
}

} // namespace arbor
