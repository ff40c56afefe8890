#pragma once

#include "model/chainstatus.h"
#include "model/balancequeue.h"
#include "store/indexbatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace arbor {

/// Something about a chain an operator should be told about, even with the window hidden.
struct Alert
{
    enum class Kind {
        Stalled,        ///< the chain's indexer stopped making progress (an error, or no new checkpoint)
        RpcDown,        ///< every RPC endpoint of the chain failed
        DeepReorg,      ///< a reorg deeper than the configured threshold was handled
        QueueDelayed,   ///< the balance queue turned DELAYED
        QueueErrors,    ///< the balance queue turned ERRORS
    };

    Kind kind = Kind::Stalled;
    qint64 chainId = 0;
    QDateTime raisedAt;
    QString title;          ///< one line, for a notification's title
    QString text;           ///< what happened and, where there is one, what to do

    /// Alerts about a state (all but DeepReorg) stay active until the state clears.
    bool isCondition() const { return kind != Kind::DeepReorg; }
};

/// Thresholds of the AlertMonitor; the console's settings set them.
struct AlertPolicy
{
    qint64 stallAfterMs = 300000;   ///< behind the head with no new checkpoint for this long: stalled
    qint64 reorgDepth = 3;          ///< reorgs deeper than this are alerts
};

/**
 * Turns the Engine's snapshots (chain statuses, reorgs, queue health) into alerts.
 *
 * Conditions (stalled, all endpoints down, queue DELAYED or ERRORS) raise an alert when they
 * begin and clear it when they end, so an operator is told once, not every tick; deep reorgs
 * are one-off events. Chains are named through setChainNames() (the Engine's chain snapshot).
 *
 * Thread: the thread it lives on (the GUI thread); it does no I/O.
 */
class AlertMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit AlertMonitor(QObject *parent = nullptr);

    void setPolicy(const AlertPolicy &policy) { m_policy = policy; }
    const AlertPolicy &policy() const { return m_policy; }
    void setChainNames(const QHash<qint64, QString> &names) { m_names = names; }

    /// `nowMs` is the time of the snapshot (ms since the epoch), for stall detection.
    void updateChains(const QList<arbor::ChainStatus> &statuses, qint64 nowMs);
    void reorgHandled(const arbor::ReorgRecord &reorg);
    void updateQueues(const QList<arbor::QueueHealth> &health);
    /// A chain that is paused, deleted or no longer indexed here: its conditions end silently.
    void forgetChain(qint64 chainId);

    /// Conditions in force now, oldest first.
    QList<Alert> activeAlerts() const;

Q_SIGNALS:
    void alertRaised(const arbor::Alert &alert);
    void alertCleared(const arbor::Alert &alert);

private:
    struct Progress
    {
        std::optional<qint64> indexed;
        qint64 sinceMs = 0;     ///< when `indexed` last changed
    };

    void setCondition(qint64 chainId, Alert::Kind kind, bool active, const QString &title, const QString &text);
    QString chainName(qint64 chainId) const;

    AlertPolicy m_policy;
    QHash<qint64, QString> m_names;
    QHash<qint64, Progress> m_progress;
    QHash<QPair<qint64, int>, Alert> m_active;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::Alert)
