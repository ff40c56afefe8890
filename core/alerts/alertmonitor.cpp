#include "alerts/alertmonitor.h"

#include <algorithm>

namespace arbor {

namespace {

const QList<Alert::Kind> IndexingKinds{Alert::Kind::Stalled, Alert::Kind::RpcDown};
const QList<Alert::Kind> AllConditionKinds{Alert::Kind::Stalled, Alert::Kind::RpcDown, Alert::Kind::QueueDelayed,
                                           Alert::Kind::QueueErrors};

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
    }
    // Chains no longer reported, or stopped, are not indexed here any more (paused, deleted,
    // read-only): what was said about their indexing no longer holds.
    QSet<qint64> known(m_progress.keyBegin(), m_progress.keyEnd());
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it) {
        if (it.key().second == int(Alert::Kind::Stalled) || it.key().second == int(Alert::Kind::RpcDown))
            known.insert(it.key().first);
    }
    for (qint64 chainId : std::as_const(known)) {
        if (!seen.contains(chainId))
            forget(chainId, IndexingKinds);
    }
}

void AlertMonitor::reorgHandled(const ReorgRecord &reorg)
{
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
        if (!chainIds.contains(it.key().first))
            gone.insert(it.key().first);
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
    QList<Alert> cleared;
    for (Alert::Kind kind : kinds) {
        const auto it = m_conditions.constFind({chainId, int(kind)});
        if (it == m_conditions.cend())
            continue;
        if (it->raised)
            cleared.append(it->alert);
        m_conditions.erase(it);
    }
    // Signalled once the monitor's state is final, so a slot reading activeAlerts() agrees.
    for (const Alert &alert : std::as_const(cleared))
        Q_EMIT alertCleared(alert);
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
    Notified &last = m_notified[{alert.chainId, int(alert.kind)}];
    if (last.occurrences > 0 && nowMs - last.atMs < m_policy.notifyCooldownMs) {
        alert.notify = false;
        alert.occurrence = ++last.occurrences;
        return;
    }
    last = Notified{nowMs, 1};
    alert.notify = true;
    alert.occurrence = 1;
}

void AlertMonitor::setCondition(qint64 chainId, Alert::Kind kind, bool active, const QString &title, const QString &text, qint64 nowMs)
{
    const Key key{chainId, int(kind)};
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
        if (nowMs - *it->overSinceMs < m_policy.clearAfterMs)
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
    }
    it->overSinceMs.reset();
    it->alert.title = title;
    it->alert.text = text;
    if (it->raised || nowMs - it->holdingSinceMs < m_policy.raiseAfterMs)
        return;
    it->raised = true;
    it->alert.raisedAt = QDateTime::fromMSecsSinceEpoch(it->holdingSinceMs);
    decideNotification(it->alert, nowMs);
    const Alert raised = it->alert;
    Q_EMIT alertRaised(raised);
}

} // namespace arbor
