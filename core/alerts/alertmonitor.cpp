#include "alerts/alertmonitor.h"

#include <algorithm>

namespace arbor {

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
                         : tr("%1 Indexing waits and resumes by itself when an endpoint answers again.").arg(status.message));

        const std::optional<qint64> lag = status.lag();
        const bool noProgress = !down && status.phase != IndexPhase::Stopped && lag && *lag > 0
            && nowMs - progress.sinceMs >= m_policy.stallAfterMs;
        const bool stalled = status.phase == IndexPhase::Stalled || noProgress;
        QString text;
        if (status.phase == IndexPhase::Stalled)
            text = status.message.isEmpty() ? tr("The indexer stopped on an error; it retries by itself.") : status.message;
        else if (noProgress)
            text = tr("%n block(s) behind the head and no new block indexed for %1 minutes.", nullptr, int(std::min<qint64>(*lag, 1000000000)))
                       .arg((nowMs - progress.sinceMs) / 60000);
        setCondition(status.chainId, Alert::Kind::Stalled, stalled, tr("%1 has stalled").arg(chain), text);
    }
    // Chains no longer reported are not indexed here any more (paused, deleted, read-only).
    const QList<qint64> known = m_progress.keys();
    for (qint64 chainId : known) {
        if (!seen.contains(chainId)) {
            m_progress.remove(chainId);
            for (Alert::Kind kind : {Alert::Kind::Stalled, Alert::Kind::RpcDown})
                m_active.remove({chainId, int(kind)});
        }
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
    Q_EMIT alertRaised(alert);
}

void AlertMonitor::updateQueues(const QList<QueueHealth> &health)
{
    for (const QueueHealth &h : health) {
        const QString chain = chainName(h.chainId);
        setCondition(h.chainId, Alert::Kind::QueueErrors, h.status == QueueStatus::Errors,
                     tr("Balance queue of %1 has errors").arg(chain),
                     tr("%n failed attempt(s) in the last hour; failed items can be retried on the Balance Queue page.", nullptr,
                        int(std::min<qint64>(h.errorsLastHour, 1000000000))));
        setCondition(h.chainId, Alert::Kind::QueueDelayed, h.status == QueueStatus::Delayed,
                     tr("Balance queue of %1 is delayed").arg(chain),
                     tr("The oldest pending item has waited %1 seconds.").arg(h.oldestPendingAgeMs / 1000));
    }
}

void AlertMonitor::forgetChain(qint64 chainId)
{
    m_progress.remove(chainId);
    for (auto it = m_active.begin(); it != m_active.end();) {
        if (it.key().first == chainId)
            it = m_active.erase(it);
        else
            ++it;
    }
}

QList<Alert> AlertMonitor::activeAlerts() const
{
    QList<Alert> alerts = m_active.values();
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) { return a.raisedAt < b.raisedAt; });
    return alerts;
}

void AlertMonitor::setCondition(qint64 chainId, Alert::Kind kind, bool active, const QString &title, const QString &text)
{
    const QPair<qint64, int> key{chainId, int(kind)};
    const auto it = m_active.constFind(key);
    if (active == (it != m_active.cend()))
        return;
    if (!active) {
        const Alert cleared = *it;
        m_active.erase(it);
        Q_EMIT alertCleared(cleared);
        return;
    }
    Alert alert;
    alert.kind = kind;
    alert.chainId = chainId;
    alert.raisedAt = QDateTime::currentDateTime();
    alert.title = title;
    alert.text = text;
    m_active.insert(key, alert);
    Q_EMIT alertRaised(alert);
}

} // namespace arbor
