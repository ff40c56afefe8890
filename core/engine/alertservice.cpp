#include "engine/alertservice.h"

#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "engine/deliverybell.h"
#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "engine/triggerservice.h"
#include "triggers/alerttext.h"
#include "util/continuation.h"

#include <QDateTime>

namespace arbor {

namespace {

AlertRecord recordOf(const Alert &alert)
{
    AlertRecord r;
    if (alert.ruleId)
        r.ruleId = alert.ruleId;
    r.ruleName = alert.ruleName;
    r.chainId = alert.chainId;
    r.kind = alert.kind;
    r.params = alert.params;
    r.silenced = alert.silenced;
    r.raisedAt = alert.raisedAt.toMSecsSinceEpoch();
    // Stored in English beside the params: what payloads carry and what older readers show.
    r.title = alert.params.isEmpty() ? alert.title : AlertText::title(r, AlertLanguage::English);
    r.text = alert.params.isEmpty() ? alert.text : AlertText::text(r, QDateTime::currentMSecsSinceEpoch(), AlertLanguage::English);
    if (!alert.isCondition())
        r.clearedAt = r.raisedAt;   // an event: never active
    return r;
}

} // namespace

AlertService::AlertService(EngineContext &context, ChainService &chains, IndexingService &indexing, BalanceService &balances,
                           TriggerService &triggers, QObject *parent)
    : EngineService(context, parent)
    , m_indexing(indexing)
    , m_triggers(triggers)
    , m_monitor(this)
{
    // Alerts are recorded where the triggers run: on the coordinator (EngineContext).
    connect(&context, &EngineContext::coordinatorChanged, this, [this](bool coordinates) {
        if (coordinates) {
            beginRecording();
        } else {
            m_recording = false;
            m_continuing = false;
            ++m_recordingEpoch;
        }
    });
    connect(&chains, &ChainService::chainsChanged, this, &AlertService::updateChains);
    const auto updateStatuses = [this](const QList<ChainStatus> &statuses) {
        m_monitor.updateChains(statuses, QDateTime::currentMSecsSinceEpoch());
    };
    connect(&indexing, &IndexingService::chainStatusChanged, this, updateStatuses);
    connect(&balances, &BalanceService::queueHealthChanged, this, [this](const QList<QueueHealth> &health) {
        m_monitor.updateQueues(health, QDateTime::currentMSecsSinceEpoch());
    });
    connect(&indexing, &IndexingService::reorgHandled, this, [this](const ReorgRecord &reorg) { m_monitor.reorgHandled(reorg); });
    connect(&m_monitor, &AlertMonitor::alertRaised, this, [this](const Alert &alert) { record(alert, false); });
    connect(&m_monitor, &AlertMonitor::alertCleared, this, [this](const Alert &alert) { record(alert, true); });

    m_tick.setObjectName(QStringLiteral("alertTick"));
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this, updateStatuses] { updateStatuses(m_indexing.chainStatuses()); });
    m_tick.start();
    m_ruleReload.setObjectName(QStringLiteral("alertRuleReload"));
    m_ruleReload.setInterval(RuleReloadMs);
    connect(&m_ruleReload, &QTimer::timeout, this, &AlertService::reloadRules);
    m_deliveryCheck.setObjectName(QStringLiteral("alertDeliveryCheck"));
    m_deliveryCheck.setSingleShot(true);
    m_deliveryCheck.setInterval(1000);
    connect(&m_deliveryCheck, &QTimer::timeout, this, &AlertService::checkDeliveries);
    const auto soon = [this] {
        if (m_ruleReload.isActive() && !m_deliveryCheck.isActive())
            m_deliveryCheck.start();
    };
    connect(&triggers, &TriggerService::deliveriesChanged, this, soon);
    connect(&triggers, &TriggerService::actionsChanged, this, soon);
}

AlertService::~AlertService() = default;

void AlertService::start()
{
    // One-shot commands raise no alerts; the console and `serve` evaluate the rules.
    if (evaluatesRules()) {
        reloadRules();
        m_ruleReload.start();
    }
    beginRecording();
}

bool AlertService::evaluatesRules() const
{
    const EngineOptions &options = m_context.options();
    return options.schema == EngineOptions::Schema::Migrate && options.snapshotIntervalMs > 0;
}

void AlertService::beginRecording()
{
    if (!m_triggers.running() || m_recording || m_continuing)
        return;
    if (!evaluatesRules()) {
        m_recording = true;
        recordUnrecorded();
        return;
    }
    // A restart during an outage is the same outage: the alert an earlier engine raised (and
    // delivered) goes on, and its "resolved" follows when it is over; not a second "raised"
    // and no "resolved" ever for the first.
    struct Open
    {
        QList<AlertRule> rules;
        QList<AlertRecord> alerts;
    };
    m_continuing = true;
    const quint64 epoch = ++m_recordingEpoch;
    then(m_context.read([](Store &s) -> Result<Open> {
        AlertStore alerts(s);
        auto rules = alerts.rules();
        if (!rules)
            return rules.error();
        AlertHistoryFilter filter;
        filter.activeOnly = true;
        filter.limit = 10000;
        auto open = alerts.history(filter);
        if (!open)
            return open.error();
        return Open{*rules, *open};
    }), this, [this, epoch](Result<Open> open) {
        if (epoch != m_recordingEpoch || m_context.shuttingDown())
            return;
        m_continuing = false;
        m_recording = true;
        if (!open) {
            qCWarning(lcEngine) << "could not read the alerts an earlier engine left open:" << open.error().message;
            recordUnrecorded();
            return;
        }
        if (open->rules != m_monitor.rules())
            m_monitor.setRules(open->rules);
        // Recording already: what continueRecorded() clears at once is recorded as resolved.
        const QList<qint64> continued = m_monitor.continueRecorded(open->alerts, QDateTime::currentMSecsSinceEpoch());
        QList<qint64> leftOver;
        for (const AlertRecord &alert : std::as_const(open->alerts)) {
            if (!continued.contains(alert.id))
                leftOver.append(alert.id);
        }
        if (!leftOver.isEmpty()) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            then(m_context.writer()->run([now, leftOver](Store &s) { return AlertStore(s).closeOpen(now, leftOver); }), this,
                 [](Result<qint64> closed) {
                     if (!closed)
                         qCWarning(lcEngine) << "could not close the alerts an earlier engine left open:" << closed.error().message;
                 });
        }
        recordUnrecorded();
    });
}

void AlertService::recordUnrecorded()
{
    for (const Alert &alert : m_monitor.activeAlerts()) {
        if (!alert.carriedOver)
            record(alert, false);
    }
}

void AlertService::stopRecording()
{
    m_ruleReload.stop();
    m_recording = false;
    m_continuing = false;
    ++m_recordingEpoch;
}

void AlertService::updateChains(const QList<ChainRecord> &chains)
{
    QHash<qint64, QString> names;
    QSet<qint64> active;
    for (const ChainRecord &c : chains) {
        names.insert(c.config.chainId, c.config.name);
        if (c.state == ChainState::Active)
            active.insert(c.config.chainId);
    }
    m_monitor.setChainNames(names);
    // Paused, deleting or deleted: their alerts clear.
    m_monitor.retainChains(active);
}

void AlertService::reloadRules()
{
    if (!m_context.started() || m_context.shuttingDown())
        return;
    then(m_context.read([](Store &s) { return AlertStore(s).rules(); }), this, [this](Result<QList<AlertRule>> rules) {
        if (!rules) {
            qCWarning(lcEngine) << "could not read the alert rules:" << rules.error().message;
            return;
        }
        if (!m_context.shuttingDown() && *rules != m_monitor.rules())
            m_monitor.setRules(*rules);
    });
    checkDeliveries();
}

void AlertService::checkDeliveries()
{
    if (!m_context.started() || m_context.shuttingDown())
        return;
    then(m_triggers.actionHealth(), this, [this](Result<QList<ActionHealth>> actions) {
        if (!actions) {
            qCWarning(lcEngine) << "could not read how the actions deliver:" << actions.error().message;
            return;
        }
        if (!m_context.shuttingDown())
            m_monitor.updateDeliveries(*actions, QDateTime::currentMSecsSinceEpoch());
    });
}

QFuture<Result<QList<AlertRule>>> AlertService::alertRules()
{
    return m_context.read([](Store &s) { return AlertStore(s).rules(); });
}

QFuture<Result<AlertRule>> AlertService::afterRuleWrite(QFuture<Result<AlertRule>> written)
{
    return then(written, this, [this](Result<AlertRule> r) {
        if (r) {
            reloadRules();
            Q_EMIT alertRulesChanged();
        }
        return r;
    });
}

QFuture<Result<AlertRule>> AlertService::addAlertRule(const AlertRule &rule)
{
    return afterRuleWrite(m_context.write([rule](Store &s) { return AlertStore(s).addRule(rule); }));
}

QFuture<Result<AlertRule>> AlertService::updateAlertRule(const AlertRule &rule)
{
    return afterRuleWrite(m_context.write([rule](Store &s) { return AlertStore(s).updateRule(rule); }));
}

QFuture<Result<AlertRule>> AlertService::setAlertRuleEnabled(qint64 ruleId, bool enabled)
{
    return afterRuleWrite(m_context.write([ruleId, enabled](Store &s) { return AlertStore(s).setEnabled(ruleId, enabled); }));
}

QFuture<Result<AlertRule>> AlertService::silenceAlertRule(qint64 ruleId, qint64 untilMs)
{
    return afterRuleWrite(m_context.write([ruleId, untilMs](Store &s) { return AlertStore(s).setSilence(ruleId, untilMs); }));
}

QFuture<Status> AlertService::deleteAlertRule(qint64 ruleId)
{
    return then(m_context.write([ruleId](Store &s) { return AlertStore(s).deleteRule(ruleId); }), this, [this](Status s) {
        if (s) {
            reloadRules();
            Q_EMIT alertRulesChanged();
            Q_EMIT m_triggers.deliveriesChanged();
        }
        return s;
    });
}

QFuture<Result<QList<AlertTestDelivery>>> AlertService::sendTestDeliveries(qint64 ruleId)
{
    const std::shared_ptr<DeliveryBell> &bell = m_triggers.deliveryBell();
    return then(m_context.write([ruleId, bell](Store &s) -> Result<QList<AlertTestDelivery>> {
                    auto created = AlertStore(s).createTestDeliveries(ruleId);
                    if (created)
                        bell->ring();   // committed: the worker sends them without waiting for this thread
                    return created;
                }),
                this, [this](Result<QList<AlertTestDelivery>> created) {
                    if (created)
                        Q_EMIT m_triggers.deliveriesChanged();
                    return created;
                });
}

QFuture<Result<McpToolList>> AlertService::listMcpTools(const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs)
{
    return m_triggers.listMcpTools(url, token, timeoutMs);
}

QFuture<Result<QList<AlertRecord>>> AlertService::alertHistory(const AlertHistoryFilter &filter)
{
    return m_context.read([filter](Store &s) { return AlertStore(s).history(filter); });
}

QFuture<Result<AlertRecord>> AlertService::acknowledgeAlert(qint64 alertId, const QString &note)
{
    return then(m_context.write([alertId, note](Store &s) { return AlertStore(s).acknowledge(alertId, note); }), this, [this](Result<AlertRecord> r) {
        if (r) {
            // The same alert may be active here: acknowledged on screen too.
            if (r->active())
                m_monitor.acknowledge(r->chainId, r->kind, r->ruleId.value_or(0));
            Q_EMIT alertHistoryChanged();
        }
        return r;
    });
}

bool AlertService::acknowledgeAlert(const Alert &alert, const QString &note)
{
    if (!m_monitor.acknowledge(alert.chainId, alert.kind, alert.ruleId))
        return false;
    if (m_recording && m_context.checkWritable()) {
        const qint64 chainId = alert.chainId;
        const AlertKind kind = alert.kind;
        const std::optional<qint64> ruleId = alert.ruleId ? std::optional<qint64>(alert.ruleId) : std::nullopt;
        const qint64 raisedAt = alert.raisedAt.toMSecsSinceEpoch();
        then(m_context.writer()->run([=](Store &s) { return AlertStore(s).acknowledgeOpen(chainId, kind, ruleId, raisedAt, note); }), this, [this](Status s) {
            if (!s)
                qCWarning(lcEngine) << "could not record the acknowledgement:" << s.error().message;
            else
                Q_EMIT alertHistoryChanged();
        });
    }
    return true;
}

void AlertService::record(const Alert &alert, bool cleared)
{
    // While the open alerts are being read (beginRecording), a condition waits: it is recorded
    // from activeAlerts() once the monitor has taken them over. An event (a deep reorg) is never
    // open, so nothing read can change it: it is recorded now, and its deliveries leave without
    // waiting for that read's answer on this thread.
    const bool eventNow = m_continuing && !cleared && !alert.isCondition();
    if ((!m_recording && !eventNow) || (alert.carriedOver && !cleared))
        return;
    const AlertRecord rec = recordOf(alert);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto done = [this](const Result<int> &created) {
        if (!created) {
            qCWarning(lcEngine) << "could not record an alert:" << created.error().message;
            return;
        }
        Q_EMIT alertHistoryChanged();
        if (*created > 0)
            Q_EMIT m_triggers.deliveriesChanged();
    };
    // The rules' deliveries are committed by the writer's job, which wakes the delivery worker
    // itself: they leave without waiting for this thread.
    const std::shared_ptr<DeliveryBell> &bell = m_triggers.deliveryBell();
    if (cleared) {
        then(m_context.writer()->run([rec, now, bell](Store &s) {
            auto created = AlertStore(s).recordCleared(rec, now);
            if (created && *created > 0)
                bell->ring();
            return created;
        }), this, done);
        return;
    }
    then(m_context.writer()->run([rec, bell](Store &s) -> Result<int> {
        auto r = AlertStore(s).recordRaised(rec);
        if (!r)
            return r.error();
        if (r->second > 0)
            bell->ring();
        return r->second;
    }), this, done);
}

} // namespace arbor
