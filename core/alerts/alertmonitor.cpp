#include "alerts/alertmonitor.h"

#include "rpc/rpchttp.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace arbor {

namespace {

// What a chain's indexer reports; these clear when it is no longer indexed here.
const QList<Alert::Kind> IndexingKinds{Alert::Kind::Stalled, Alert::Kind::RpcDown, Alert::Kind::LagBlocks, Alert::Kind::LagSeconds,
                                       Alert::Kind::RpcErrorRate};
const QList<Alert::Kind> AllConditionKinds{Alert::Kind::Stalled,      Alert::Kind::RpcDown,         Alert::Kind::QueueDelayed,
                                           Alert::Kind::QueueErrors,  Alert::Kind::LagBlocks,       Alert::Kind::LagSeconds,
                                           Alert::Kind::RpcErrorRate, Alert::Kind::DeliveryFailing, Alert::Kind::DeliveryDisabled};

/// Where an action sends, as an alert names it: the URL's host, or "Telegram". An MCP action
/// that calls the agent's own endpoint has no fixed host: `agentEndpoint`, which AlertText words
/// in each reader's language.
void addReceiver(QJsonObject &params, const Action &action)
{
    if (action.type == ActionType::Telegram) {
        params.insert(QStringLiteral("receiver"), QStringLiteral("Telegram"));
        return;
    }
    if (action.type == ActionType::Mcp && action.resolveEndpoint) {
        params.insert(QStringLiteral("agentEndpoint"), true);
        return;
    }
    const QUrl url(action.url);
    params.insert(QStringLiteral("receiver"),
                  url.host().isEmpty() ? action.url : url.host() + (url.port() > 0 ? QLatin1Char(':') + QString::number(url.port()) : QString()));
}

/// The parameters of a chain's delivery condition: the action in that state longest, and how
/// many others are in it too. A failing action's last error goes in as its code (`network`:
/// "refused", "http_503", "telegram_refused", ...) where the attempt had one, with what the
/// code's sentence names as `detail` (Telegram's own description, a chat id), so each reader
/// gets it in their language; in words only where nothing else says it (a tool's own error).
QJsonObject deliveryParams(const QList<const ActionHealth *> &actions, qint64 nowMs)
{
    const ActionHealth *first = actions.first();
    for (const ActionHealth *a : actions) {
        if (a->stateSince < first->stateSince)
            first = a;
    }
    const qint64 since = first->failingSince > 0 ? first->failingSince : first->stateSince;
    QJsonObject params{{QStringLiteral("subject"), first->subjectName},
                       {QStringLiteral("failingSeconds"), std::max<qint64>(0, nowMs - since) / 1000},
                       {QStringLiteral("held"), first->held},
                       {QStringLiteral("others"), qint64(actions.size() - 1)}};
    addReceiver(params, first->action);
    if (first->state == ActionState::Disabled) {
        params.insert(QStringLiteral("error"), AlertText::nodeMessage(first->stateReason));
    } else if (!first->lastErrorCode.isEmpty()) {
        params.insert(QStringLiteral("network"), first->lastErrorCode);
        if (!first->lastErrorDetail.isEmpty())
            params.insert(QStringLiteral("detail"), first->lastErrorDetail);
    } else {
        params.insert(QStringLiteral("error"), AlertText::nodeMessage(first->lastError));
    }
    return params;
}

/// Why a chain's nodes fail, from the endpoint that failed last (else the indexer's message):
/// its host and what it or the network said, and whether it answered at all. What the network
/// said is a token ("network": "refused") where the request's error had one: this process's
/// words for it are in its language, and the alert is read in others.
QJsonObject nodeProblem(const ChainStatus &status)
{
    const EndpointRecord *last = nullptr;
    for (const EndpointRecord &e : status.endpoints) {
        if (!e.lastError.isEmpty() && (!last || e.lastErrorAt > last->lastErrorAt))
            last = &e;
    }
    bool answered = false;
    const QString error = last ? AlertText::nodeMessage(last->lastError, rpchttp::displayUrl(last->url), &answered)
                               : AlertText::nodeMessage(status.message, QString(), &answered);
    // The endpoint's measured status, where the pool has one, decides; the message's words only otherwise.
    if (last && last->status == EndpointStatus::AnsweringWithErrors)
        answered = true;
    else if (last && last->status == EndpointStatus::Unreachable)
        answered = false;
    QJsonObject params{{QStringLiteral("answered"), answered}};
    if (last && !last->url.host().isEmpty())
        params.insert(QStringLiteral("host"), last->url.host());
    if (!answered && last && !last->lastErrorCode.isEmpty())
        params.insert(QStringLiteral("network"), last->lastErrorCode);
    else if (!error.isEmpty())
        params.insert(QStringLiteral("error"), error);
    return params;
}

/// A stall: how far behind (where known) and for how long, or the indexer's reason when it
/// stopped on an error. A stall for want of progress alone says it in numbers, which each
/// reader's language words, with the last problem before it as it was said.
QJsonObject stallOf(const ChainStatus &status, qint64 stalledForMs)
{
    QJsonObject params{{QStringLiteral("stalledSeconds"), stalledForMs / 1000}};
    if (const std::optional<qint64> lag = status.lag())
        params.insert(QStringLiteral("blocks"), *lag);
    if (status.phase != IndexPhase::Stalled)
        return params;
    const QString said = AlertText::nodeMessage(status.noProgress ? status.lastProblem : status.message);
    if (!said.isEmpty())
        params.insert(status.noProgress ? QStringLiteral("lastProblem") : QStringLiteral("error"), said);
    // The same as a code, which each reader's language words; the words above stay for a
    // reader whose version does not know the code.
    if (const QString code = status.noProgress ? status.lastProblemCode : status.messageCode; !said.isEmpty() && !code.isEmpty()) {
        params.insert(QStringLiteral("problem"), code);
        params.insert(QStringLiteral("problemArgs"), QJsonArray::fromStringList(status.noProgress ? status.lastProblemArgs : status.messageArgs));
    }
    return params;
}

} // namespace

AlertMonitor::AlertMonitor(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<arbor::Alert>();
}

QJsonObject AlertMonitor::withChain(qint64 chainId, QJsonObject params) const
{
    const QString name = m_names.value(chainId);
    if (!name.isEmpty())
        params.insert(QStringLiteral("chain"), name);
    return params;
}

bool AlertMonitor::coveredByRule(qint64 chainId, AlertKind kind) const
{
    return std::any_of(m_rules.cbegin(), m_rules.cend(),
                       [&](const AlertRule &rule) { return rule.enabled && rule.kind == kind && rule.appliesTo(chainId); });
}

void AlertMonitor::holdChain(qint64 chainId)
{
    m_held.insert(chainId);
    forget(chainId, IndexingKinds);
}

void AlertMonitor::releaseChain(qint64 chainId)
{
    m_held.remove(chainId);
}

void AlertMonitor::updateChains(const QList<ChainStatus> &statuses, qint64 nowMs)
{
    QSet<qint64> seen;
    QSet<qint64> reported;
    for (const ChainStatus &status : statuses) {
        reported.insert(status.chainId);
        m_reportDue.remove(status.chainId);
        if (status.phase == IndexPhase::Stopped || m_held.contains(status.chainId)
            || (m_retained && !m_retained->contains(status.chainId)))
            continue;   // not indexed any more, or held: forgotten below
        seen.insert(status.chainId);
        // Starting: nothing is known yet about its node or progress, so nothing raises or
        // clears; an alert continued from before a restart stays until the chain says more.
        if (status.phase == IndexPhase::Starting)
            continue;
        auto known = m_progress.find(status.chainId);
        if (known == m_progress.end() || known->indexed != status.indexed)
            known = m_progress.insert(status.chainId, Progress{status.indexed, nowMs});
        const Progress &progress = *known;

        const bool down = status.phase == IndexPhase::RpcDown;
        setCondition(status.chainId, Alert::Kind::RpcDown, down, down ? nodeProblem(status) : QJsonObject(), nowMs);

        const std::optional<qint64> lag = status.lag();
        const bool noProgress = !down && lag && *lag > 0 && nowMs - progress.sinceMs >= m_policy.stallAfterMs;
        const bool stalled = status.phase == IndexPhase::Stalled || noProgress;
        setCondition(status.chainId, Alert::Kind::Stalled, stalled, stallOf(status, nowMs - progress.sinceMs), nowMs);
        evaluateRules(status, nowMs - progress.sinceMs, nowMs);
    }
    // Chains no longer reported, or stopped, are not indexed here any more (paused, deleted,
    // read-only): what was said about their indexing no longer holds.
    QSet<qint64> known(m_progress.keyBegin(), m_progress.keyEnd());
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it) {
        if (IndexingKinds.contains(Alert::Kind(it.key().kind)))
            known.insert(it.key().chainId);
    }
    for (qint64 chainId : std::as_const(known)) {
        if (seen.contains(chainId))
            continue;
        // Not reported at all since its alert was continued: its indexer may not have started
        // yet (the lease is taken first); stopped, held or paused says more, and so does time.
        const auto due = m_reportDue.constFind(chainId);
        if (!reported.contains(chainId) && due != m_reportDue.cend() && nowMs < *due)
            continue;
        m_reportDue.remove(chainId);
        forget(chainId, IndexingKinds);
    }
}

void AlertMonitor::reorgHandled(const ReorgRecord &reorg)
{
    if (m_retained && !m_retained->contains(reorg.chainId))
        return;
    const QDateTime at = reorg.detectedAt.isValid() ? reorg.detectedAt : QDateTime::currentDateTime();
    const QJsonObject params{{QStringLiteral("depth"), reorg.depth}, {QStringLiteral("ancestor"), reorg.ancestorBlock}};
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (rule.enabled && rule.kind == AlertKind::DeepReorg && rule.appliesTo(reorg.chainId) && double(reorg.depth) >= rule.threshold)
            raiseEvent(reorg.chainId, AlertKind::DeepReorg, params, at, &rule);
    }
    if (reorg.depth > m_policy.reorgDepth && !coveredByRule(reorg.chainId, AlertKind::DeepReorg))
        raiseEvent(reorg.chainId, AlertKind::DeepReorg, params, at);
}

void AlertMonitor::raiseEvent(qint64 chainId, Alert::Kind kind, QJsonObject params, const QDateTime &at, const AlertRule *rule)
{
    Alert alert;
    alert.kind = kind;
    alert.chainId = chainId;
    alert.raisedAt = at;
    alert.params = withChain(chainId, std::move(params));
    if (rule) {
        alert.ruleId = rule->id;
        alert.ruleName = rule->name;
        alert.silenced = rule->silencedAt(at.toMSecsSinceEpoch());
    }
    alert.title = AlertText::title(kind, chainId, alert.params, alert.ruleName);
    alert.text = AlertText::text(kind, chainId, alert.params, 0);
    decideNotification(alert, at.toMSecsSinceEpoch());
    alert.notify = alert.notify && !alert.silenced;
    Q_EMIT alertRaised(alert);
}

void AlertMonitor::updateQueues(const QList<QueueHealth> &health, qint64 nowMs)
{
    for (const QueueHealth &h : health) {
        if (m_retained && !m_retained->contains(h.chainId))
            continue;
        const QJsonObject errors{{QStringLiteral("errors"), h.errorsLastHour}};
        const QJsonObject delayed{{QStringLiteral("waitSeconds"), h.oldestPendingAgeMs / 1000}};
        setCondition(h.chainId, Alert::Kind::QueueErrors, h.status == QueueStatus::Errors, errors, nowMs);
        setCondition(h.chainId, Alert::Kind::QueueDelayed, h.status == QueueStatus::Delayed, delayed, nowMs);
        for (const AlertRule &rule : std::as_const(m_rules)) {
            if (!rule.enabled || !rule.appliesTo(h.chainId))
                continue;
            if (rule.kind == AlertKind::QueueErrors)
                setCondition(h.chainId, rule.kind, h.status == QueueStatus::Errors, errors, nowMs, &rule);
            else if (rule.kind == AlertKind::QueueDelayed)
                setCondition(h.chainId, rule.kind, h.status == QueueStatus::Delayed || h.status == QueueStatus::Errors, delayed, nowMs, &rule);
        }
    }
}

void AlertMonitor::updateDeliveries(const QList<ActionHealth> &actions, qint64 nowMs)
{
    QHash<qint64, QList<const ActionHealth *>> failing;
    QHash<qint64, QList<const ActionHealth *>> disabled;
    for (const ActionHealth &a : actions) {
        if (a.state == ActionState::Failing)
            failing[a.chainId].append(&a);
        else if (a.state == ActionState::Disabled)
            disabled[a.chainId].append(&a);
    }
    QSet<qint64> chains = m_deliveryChains;
    for (auto it = failing.cbegin(); it != failing.cend(); ++it)
        chains.insert(it.key());
    for (auto it = disabled.cbegin(); it != disabled.cend(); ++it)
        chains.insert(it.key());
    m_deliveryChains.clear();
    for (const qint64 chainId : std::as_const(chains)) {
        const bool isFailing = failing.contains(chainId);
        const bool isDisabled = disabled.contains(chainId);
        const QJsonObject failingParams = isFailing ? withChain(chainId, deliveryParams(failing.value(chainId), nowMs)) : QJsonObject();
        const QJsonObject disabledParams = isDisabled ? withChain(chainId, deliveryParams(disabled.value(chainId), nowMs)) : QJsonObject();
        setCondition(chainId, Alert::Kind::DeliveryFailing, isFailing, failingParams, nowMs);
        setCondition(chainId, Alert::Kind::DeliveryDisabled, isDisabled, disabledParams, nowMs);
        for (const AlertRule &rule : std::as_const(m_rules)) {
            if (!rule.enabled || !rule.appliesTo(chainId))
                continue;
            if (rule.kind == AlertKind::DeliveryFailing)
                setCondition(chainId, rule.kind, isFailing, failingParams, nowMs, &rule);
            else if (rule.kind == AlertKind::DeliveryDisabled)
                setCondition(chainId, rule.kind, isDisabled, disabledParams, nowMs, &rule);
        }
        if (isFailing || isDisabled)
            m_deliveryChains.insert(chainId);
    }
}

void AlertMonitor::forgetChain(qint64 chainId)
{
    m_progress.remove(chainId);
    m_reportDue.remove(chainId);
    forget(chainId, AllConditionKinds);
}

void AlertMonitor::retainChains(const QSet<qint64> &chainIds)
{
    m_retained = chainIds;
    QSet<qint64> gone;
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it) {
        // Chain 0: the deliveries of alert rules over every chain, not a chain of the registry.
        if (it.key().chainId != 0 && !chainIds.contains(it.key().chainId))
            gone.insert(it.key().chainId);
    }
    for (auto it = m_progress.cbegin(); it != m_progress.cend(); ++it) {
        if (!chainIds.contains(it.key()))
            gone.insert(it.key());
    }
    for (qint64 chainId : std::as_const(gone))
        forgetChain(chainId);
}

void AlertMonitor::forget(qint64 chainId, const QList<Alert::Kind> &kinds)
{
    if (kinds.contains(Alert::Kind::Stalled))
        m_progress.remove(chainId);
    dropConditions([&](const Key &key) { return key.chainId == chainId && kinds.contains(Alert::Kind(key.kind)); });
}

void AlertMonitor::dropConditions(const std::function<bool(const Key &)> &drop)
{
    QList<Alert> cleared;
    for (auto it = m_conditions.begin(); it != m_conditions.end();) {
        if (!drop(it.key())) {
            ++it;
            continue;
        }
        if (it->raised)
            cleared.append(it->alert);
        it = m_conditions.erase(it);
    }
    // Signalled once the monitor's state is final, so a slot reading activeAlerts() agrees.
    std::sort(cleared.begin(), cleared.end(), [](const Alert &a, const Alert &b) { return a.raisedAt < b.raisedAt; });
    for (const Alert &alert : std::as_const(cleared))
        Q_EMIT alertCleared(alert);
}

void AlertMonitor::setRules(const QList<AlertRule> &rules)
{
    m_rules = rules;
    QHash<qint64, const AlertRule *> byId;
    for (const AlertRule &rule : std::as_const(m_rules))
        byId.insert(rule.id, &rule);
    dropConditions([&](const Key &key) {
        if (key.ruleId == 0)
            return coveredByRule(key.chainId, AlertKind(key.kind));   // the rule's alert is the one now
        const AlertRule *rule = byId.value(key.ruleId);
        return !rule || !rule->enabled || int(rule->kind) != key.kind || !rule->appliesTo(key.chainId);
    });
}

AlertCounts countAlerts(const QList<Alert> &active)
{
    AlertCounts counts;
    for (const Alert &alert : active) {
        ++counts.active;
        counts.acknowledged += alert.acknowledged;
    }
    return counts;
}

AlertCounts AlertMonitor::counts() const
{
    return countAlerts(activeAlerts());
}

bool AlertMonitor::acknowledge(qint64 chainId, AlertKind kind, qint64 ruleId)
{
    const auto it = m_conditions.find({chainId, int(kind), ruleId});
    if (it == m_conditions.end() || !it->raised)
        return false;
    if (!it->alert.acknowledged) {
        it->alert.acknowledged = true;
        const Alert acknowledged = it->alert;
        Q_EMIT alertAcknowledged(acknowledged);
    }
    return true;
}

void AlertMonitor::evaluateRules(const ChainStatus &status, qint64 stalledForMs, qint64 nowMs)
{
    const std::optional<qint64> lag = status.lag();
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled || !rule.appliesTo(status.chainId))
            continue;
        switch (rule.kind) {
        case AlertKind::Stalled: {
            // The indexer's own verdict counts too: the rule stands in for the built-in alert.
            const bool behind = lag && *lag > 0 && status.phase != IndexPhase::RpcDown;
            const bool stalled = (behind && stalledForMs >= qint64(rule.threshold * 60000)) || status.phase == IndexPhase::Stalled;
            setCondition(status.chainId, rule.kind, stalled, stallOf(status, stalledForMs), nowMs, &rule);
            break;
        }
        case AlertKind::RpcDown: {
            const bool down = status.phase == IndexPhase::RpcDown;
            setCondition(status.chainId, rule.kind, down, down ? nodeProblem(status) : QJsonObject(), nowMs, &rule);
            break;
        }
        case AlertKind::LagBlocks:
            setCondition(status.chainId, rule.kind, lag && double(*lag) >= rule.threshold,
                         QJsonObject{{QStringLiteral("blocks"), lag.value_or(0)},
                                     {QStringLiteral("indexed"), status.indexed.value_or(0)},
                                     {QStringLiteral("head"), status.head.value_or(0)},
                                     {QStringLiteral("threshold"), qint64(rule.threshold)}},
                         nowMs, &rule);
            break;
        case AlertKind::LagSeconds: {
            const std::optional<qint64> seconds = status.lagSeconds(nowMs / 1000);
            setCondition(status.chainId, rule.kind, seconds && double(*seconds) >= rule.threshold,
                         QJsonObject{{QStringLiteral("seconds"), seconds.value_or(0)}, {QStringLiteral("threshold"), qint64(rule.threshold)}},
                         nowMs, &rule);
            break;
        }
        case AlertKind::RpcErrorRate: {
            const EndpointRecord *worst = nullptr;
            for (const EndpointRecord &e : status.endpoints) {
                if (e.requests > 0 && (!worst || e.errorRate > worst->errorRate))
                    worst = &e;
            }
            const double percent = worst ? worst->errorRate * 100.0 : 0.0;
            QJsonObject params{{QStringLiteral("percent"), std::round(percent * 10) / 10}, {QStringLiteral("threshold"), rule.threshold}};
            if (worst)
                params.insert(QStringLiteral("host"), worst->url.host().isEmpty() ? rpchttp::displayUrl(worst->url) : worst->url.host());
            setCondition(status.chainId, rule.kind, worst && percent >= rule.threshold, params, nowMs, &rule);
            break;
        }
        case AlertKind::DeepReorg:
        case AlertKind::QueueDelayed:
        case AlertKind::QueueErrors:
        case AlertKind::DeliveryFailing:
        case AlertKind::DeliveryDisabled:
            break;   // from reorgHandled(), updateQueues() and updateDeliveries()
        }
    }
}

QList<Alert> AlertMonitor::activeAlerts() const
{
    QList<Alert> alerts;
    for (const Condition &c : m_conditions) {
        if (c.raised)
            alerts.append(c.alert);
    }
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) { return a.raisedAt < b.raisedAt; });
    return alerts;
}

QList<qint64> AlertMonitor::continueRecorded(const QList<AlertRecord> &open, qint64 nowMs)
{
    QList<qint64> continued;
    QList<Alert> raised;
    QSet<Key> taken;
    QList<AlertRecord> oldestFirst = open;
    std::sort(oldestFirst.begin(), oldestFirst.end(), [](const AlertRecord &a, const AlertRecord &b) { return a.raisedAt < b.raisedAt; });
    for (const AlertRecord &record : std::as_const(oldestFirst)) {
        if (!record.active() || record.kind == AlertKind::DeepReorg)
            continue;
        const Key key{record.chainId, int(record.kind), record.ruleId.value_or(0)};
        if (taken.contains(key))
            continue;   // a condition has one open row; a second one is an earlier engine's leftover
        taken.insert(key);
        auto it = m_conditions.find(key);
        if (it == m_conditions.end()) {
            it = m_conditions.insert(key, Condition{});
            it->alert.kind = record.kind;
            it->alert.chainId = record.chainId;
            it->alert.ruleId = key.ruleId;
            it->alert.ruleName = record.ruleName;
            it->alert.params = record.params;
            it->alert.title = record.params.isEmpty() ? record.title : AlertText::title(record);
            it->alert.text = record.params.isEmpty() ? record.text
                                                     : AlertText::text(record.kind, record.chainId, record.params, nowMs - record.raisedAt);
            it->alert.silenced = record.silenced;
        }
        const bool wasRaised = it->raised;
        it->raised = true;
        it->holdingSinceMs = record.raisedAt;
        it->alert.raisedAt = QDateTime::fromMSecsSinceEpoch(record.raisedAt);
        it->alert.acknowledged = it->alert.acknowledged || record.acknowledgedAt.has_value();
        it->alert.carriedOver = true;
        it->alert.notify = false;   // notified when it was raised
        m_notified.insert(key, Notified{record.raisedAt, 1});
        if (record.kind == AlertKind::DeliveryFailing || record.kind == AlertKind::DeliveryDisabled)
            m_deliveryChains.insert(record.chainId);
        if (IndexingKinds.contains(record.kind) && !m_progress.contains(record.chainId))
            m_reportDue.insert(record.chainId, nowMs + ContinuedReportGraceMs);
        continued.append(record.id);
        if (!wasRaised)
            raised.append(it->alert);
    }
    for (const Alert &alert : std::as_const(raised))
        Q_EMIT alertRaised(alert);
    // What would have cleared it in the earlier engine clears it here, now.
    setRules(QList<AlertRule>(m_rules));
    if (m_retained)
        retainChains(QSet<qint64>(*m_retained));
    for (const qint64 chainId : QSet<qint64>(m_held))
        forget(chainId, IndexingKinds);
    return continued;
}

void AlertMonitor::decideNotification(Alert &alert, qint64 nowMs)
{
    Notified &last = m_notified[{alert.chainId, int(alert.kind), alert.ruleId}];
    if (last.occurrences > 0 && nowMs - last.atMs < m_policy.notifyCooldownMs) {
        alert.notify = false;
        alert.occurrence = ++last.occurrences;
        return;
    }
    last = Notified{nowMs, 1};
    alert.notify = true;
    alert.occurrence = 1;
}

void AlertMonitor::setCondition(qint64 chainId, Alert::Kind kind, bool active, QJsonObject params, qint64 nowMs, const AlertRule *rule)
{
    const Key key{chainId, int(kind), rule ? rule->id : 0};
    auto it = m_conditions.find(key);
    if (!rule && coveredByRule(chainId, kind)) {
        // One alert per condition: the rule's. (setRules() cleared a built-in one raised before.)
        if (it != m_conditions.end())
            dropConditions([&key](const Key &k) { return k == key; });
        return;
    }
    if (!active) {
        if (it == m_conditions.end())
            return;
        if (!it->raised) {
            m_conditions.erase(it);   // over before it was raised: a blip
            return;
        }
        if (!it->overSinceMs)
            it->overSinceMs = nowMs;
        // A rule's hold time works both ways: held that long to raise, over that long to clear.
        const qint64 clearAfterMs = rule ? qint64(rule->forSeconds) * 1000 : m_policy.clearAfterMs;
        if (nowMs - *it->overSinceMs < clearAfterMs)
            return;
        const Alert cleared = it->alert;
        m_conditions.erase(it);
        Q_EMIT alertCleared(cleared);
        return;
    }
    if (it == m_conditions.end()) {
        it = m_conditions.insert(key, Condition{});
        it->holdingSinceMs = nowMs;
        it->alert.kind = kind;
        it->alert.chainId = chainId;
        if (rule) {
            it->alert.ruleId = rule->id;
            it->alert.ruleName = rule->name;
        }
    }
    it->overSinceMs.reset();
    it->alert.params = withChain(chainId, std::move(params));
    it->alert.title = AlertText::title(kind, chainId, it->alert.params, it->alert.ruleName);
    it->alert.text = AlertText::text(kind, chainId, it->alert.params, nowMs - it->holdingSinceMs);
    const qint64 raiseAfterMs = rule ? qint64(rule->forSeconds) * 1000 : m_policy.raiseAfterMs;
    if (it->raised || nowMs - it->holdingSinceMs < raiseAfterMs)
        return;
    it->raised = true;
    it->alert.raisedAt = QDateTime::fromMSecsSinceEpoch(it->holdingSinceMs);
    it->alert.silenced = rule && rule->silencedAt(nowMs);
    decideNotification(it->alert, nowMs);
    it->alert.notify = it->alert.notify && !it->alert.silenced;
    const Alert raised = it->alert;
    Q_EMIT alertRaised(raised);
}

} // namespace arbor
