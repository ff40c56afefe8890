#include "alerts/alertmonitor.h"

#include <algorithm>

namespace arbor {

namespace {

// What a chain's indexer reports; these clear when it is no longer indexed here.
const QList<Alert::Kind> IndexingKinds{Alert::Kind::Stalled, Alert::Kind::RpcDown, Alert::Kind::LagBlocks, Alert::Kind::LagSeconds,
                                       Alert::Kind::RpcErrorRate};
const QList<Alert::Kind> AllConditionKinds{Alert::Kind::Stalled,     Alert::Kind::RpcDown,    Alert::Kind::QueueDelayed,
                                           Alert::Kind::QueueErrors, Alert::Kind::LagBlocks,  Alert::Kind::LagSeconds,
                                           Alert::Kind::RpcErrorRate};

int clampToInt(qint64 v)
{
    return int(std::clamp<qint64>(v, 0, 1000000000));
}

} // namespace

AlertMonitor::AlertMonitor(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<arbor::Alert>();
}

QString AlertMonitor::chainName(qint64 chainId) const
{
    const QString name = m_names.value(chainId);
    return name.isEmpty() ? tr("chain %1").arg(chainId) : tr("%1 (chain %2)").arg(name).arg(chainId);
}

void AlertMonitor::updateChains(const QList<ChainStatus> &statuses, qint64 nowMs)
{
    QSet<qint64> seen;
    for (const ChainStatus &status : statuses) {
        if (status.phase == IndexPhase::Stopped || (m_retained && !m_retained->contains(status.chainId)))
            continue;   // not indexed any more: forgotten below
        seen.insert(status.chainId);
        auto known = m_progress.find(status.chainId);
        if (known == m_progress.end() || known->indexed != status.indexed)
            known = m_progress.insert(status.chainId, Progress{status.indexed, nowMs});
        const Progress &progress = *known;

        const QString chain = chainName(status.chainId);
        const bool down = status.phase == IndexPhase::RpcDown;
        setCondition(status.chainId, Alert::Kind::RpcDown, down, tr("All RPC endpoints of %1 are down").arg(chain),
                     status.message.isEmpty()
                         ? tr("Indexing waits and resumes by itself when an endpoint answers again.")
                         : tr("%1 Indexing waits and resumes by itself when an endpoint answers again.").arg(status.message),
                     nowMs);

        const std::optional<qint64> lag = status.lag();
        const bool noProgress = !down && lag && *lag > 0 && nowMs - progress.sinceMs >= m_policy.stallAfterMs;
        const bool stalled = status.phase == IndexPhase::Stalled || noProgress;
        QString text;
        if (status.phase == IndexPhase::Stalled)
            text = status.message.isEmpty() ? tr("The indexer stopped on an error; it retries by itself.") : status.message;
        else if (noProgress)
            text = tr("%n block(s) behind the head and no new block indexed for %1 minutes.", nullptr, int(std::min<qint64>(*lag, 1000000000)))
                       .arg((nowMs - progress.sinceMs) / 60000);
        setCondition(status.chainId, Alert::Kind::Stalled, stalled, tr("%1 has stalled").arg(chain), text, nowMs);
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
        if (!seen.contains(chainId))
            forget(chainId, IndexingKinds);
    }
}

void AlertMonitor::reorgHandled(const ReorgRecord &reorg)
{
    const QDateTime at = reorg.detectedAt.isValid() ? reorg.detectedAt : QDateTime::currentDateTime();
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled || rule.kind != AlertKind::DeepReorg || !rule.appliesTo(reorg.chainId) || double(reorg.depth) < rule.threshold)
            continue;
        if (m_retained && !m_retained->contains(reorg.chainId))
            continue;
        Alert alert;
        alert.kind = Alert::Kind::DeepReorg;
        alert.chainId = reorg.chainId;
        alert.ruleId = rule.id;
        alert.ruleName = rule.name;
        alert.raisedAt = at;
        alert.title = tr("%1: reorg of %n block(s) on %2", nullptr, clampToInt(reorg.depth)).arg(rule.name, chainName(reorg.chainId));
        alert.text = tr("Rolled back to block %1 (the common ancestor) and indexing again from there.").arg(reorg.ancestorBlock);
        alert.silenced = rule.silencedAt(at.toMSecsSinceEpoch());
        decideNotification(alert, at.toMSecsSinceEpoch());
        alert.notify = alert.notify && !alert.silenced;
        Q_EMIT alertRaised(alert);
    }
    if (reorg.depth <= m_policy.reorgDepth)
        return;
    Alert alert;
    alert.kind = Alert::Kind::DeepReorg;
    alert.chainId = reorg.chainId;
    alert.raisedAt = reorg.detectedAt.isValid() ? reorg.detectedAt : QDateTime::currentDateTime();
    alert.title = tr("Reorg of %n block(s) on %1", nullptr, int(std::min<qint64>(reorg.depth, 1000000000))).arg(chainName(reorg.chainId));
    alert.text = tr("Rolled back to block %1 (the common ancestor) and indexing again from there.").arg(reorg.ancestorBlock);
    decideNotification(alert, alert.raisedAt.toMSecsSinceEpoch());
    Q_EMIT alertRaised(alert);
}

void AlertMonitor::updateQueues(const QList<QueueHealth> &health, qint64 nowMs)
{
    for (const QueueHealth &h : health) {
        if (m_retained && !m_retained->contains(h.chainId))
            continue;
        const QString chain = chainName(h.chainId);
        setCondition(h.chainId, Alert::Kind::QueueErrors, h.status == QueueStatus::Errors,
                     tr("Balance queue of %1 has errors").arg(chain),
                     tr("%n failed attempt(s) in the last hour; failed items can be retried on the Balance Queue page.", nullptr,
                        int(std::min<qint64>(h.errorsLastHour, 1000000000))),
                     nowMs);
        setCondition(h.chainId, Alert::Kind::QueueDelayed, h.status == QueueStatus::Delayed,
                     tr("Balance queue of %1 is delayed").arg(chain),
                     tr("The oldest pending item has waited %1 seconds.").arg(h.oldestPendingAgeMs / 1000), nowMs);
        for (const AlertRule &rule : std::as_const(m_rules)) {
            if (!rule.enabled || !rule.appliesTo(h.chainId))
                continue;
            if (rule.kind == AlertKind::QueueErrors)
                setCondition(h.chainId, rule.kind, h.status == QueueStatus::Errors, tr("%1: balance queue of %2 has errors").arg(rule.name, chain),
                             tr("%n failed attempt(s) in the last hour.", nullptr, clampToInt(h.errorsLastHour)), nowMs, &rule);
            else if (rule.kind == AlertKind::QueueDelayed)
                setCondition(h.chainId, rule.kind, h.status == QueueStatus::Delayed || h.status == QueueStatus::Errors,
                             tr("%1: balance queue of %2 is behind").arg(rule.name, chain),
                             tr("The oldest pending item has waited %1 seconds.").arg(h.oldestPendingAgeMs / 1000), nowMs, &rule);
        }
    }
}

void AlertMonitor::forgetChain(qint64 chainId)
{
    m_progress.remove(chainId);
    forget(chainId, AllConditionKinds);
}

void AlertMonitor::retainChains(const QSet<qint64> &chainIds)
{
    m_retained = chainIds;
    QSet<qint64> gone;
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it) {
        if (!chainIds.contains(it.key().chainId))
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
            return false;
        const AlertRule *rule = byId.value(key.ruleId);
        return !rule || !rule->enabled || int(rule->kind) != key.kind || !rule->appliesTo(key.chainId);
    });
}

int AlertMonitor::unacknowledgedCount() const
{
    int n = 0;
    for (const Condition &c : m_conditions)
        n += c.raised && !c.alert.acknowledged;
    return n;
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
    const QString chain = chainName(status.chainId);
    const std::optional<qint64> lag = status.lag();
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.enabled || !rule.appliesTo(status.chainId))
            continue;
        switch (rule.kind) {
        case AlertKind::Stalled: {
            const qint64 limitMs = qint64(rule.threshold * 60000);
            const bool behind = lag && *lag > 0 && status.phase != IndexPhase::RpcDown;
            const bool stalled = behind && stalledForMs >= limitMs;
            setCondition(status.chainId, rule.kind, stalled, tr("%1: %2 has stalled").arg(rule.name, chain),
                         tr("%n block(s) behind the head and no new block indexed for %1 minutes.", nullptr, clampToInt(lag.value_or(0)))
                                 .arg(stalledForMs / 60000)
                             + (status.message.isEmpty() ? QString() : u' ' + status.message),
                         nowMs, &rule);
            break;
        }
        case AlertKind::RpcDown:
            setCondition(status.chainId, rule.kind, status.phase == IndexPhase::RpcDown,
                         tr("%1: all RPC endpoints of %2 are down").arg(rule.name, chain), status.message, nowMs, &rule);
            break;
        case AlertKind::LagBlocks:
            setCondition(status.chainId, rule.kind, lag && double(*lag) >= rule.threshold,
                         tr("%1: %2 is %n block(s) behind", nullptr, clampToInt(lag.value_or(0))).arg(rule.name, chain),
                         tr("Indexed to block %1 of %2; the rule allows %3 blocks.")
                             .arg(status.indexed.value_or(0))
                             .arg(status.head.value_or(0))
                             .arg(qint64(rule.threshold)),
                         nowMs, &rule);
            break;
        case AlertKind::LagSeconds: {
            const std::optional<qint64> seconds = status.lagSeconds(nowMs / 1000);
            setCondition(status.chainId, rule.kind, seconds && double(*seconds) >= rule.threshold,
                         tr("%1: %2 is %n second(s) behind", nullptr, clampToInt(seconds.value_or(0))).arg(rule.name, chain),
                         tr("The newest indexed block is %1 seconds old; the rule allows %2.").arg(seconds.value_or(0)).arg(qint64(rule.threshold)),
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
            setCondition(status.chainId, rule.kind, worst && percent >= rule.threshold,
                         tr("%1: RPC errors on %2").arg(rule.name, chain),
                         worst ? tr("%1 fails %2 % of its recent calls; the rule allows %3 %.")
                                     .arg(worst->url.toString())
                                     .arg(percent, 0, 'f', 1)
                                     .arg(rule.threshold, 0, 'g', 4)
                               : QString(),
                         nowMs, &rule);
            break;
        }
        case AlertKind::DeepReorg:
        case AlertKind::QueueDelayed:
        case AlertKind::QueueErrors:
            break;   // from reorgHandled() and updateQueues()
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

void AlertMonitor::setCondition(qint64 chainId, Alert::Kind kind, bool active, const QString &title, const QString &text, qint64 nowMs,
                                const AlertRule *rule)
{
    const Key key{chainId, int(kind), rule ? rule->id : 0};
    auto it = m_conditions.find(key);
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
    it->alert.title = title;
    it->alert.text = text;
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
