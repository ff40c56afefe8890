#pragma once

#include "store/store.h"

#include <QObject>
#include <QTimer>

namespace arbor {

class StoreThread;

/**
 * Keeps this engine's hold on the one-engine lease (DESIGN.md §10): renews it every heartbeat on
 * the writer thread while the engine writes, and releases it when the engine stops.
 *
 * Invariants: holds() is true from keep() until stop() or release(). A renewal refused because
 * another engine holds the lease emits lost() once and stops renewing; any other failure (a
 * database hiccup) is logged and retried at the next beat.
 *
 * On PostgreSQL several engines share a database: there the lease is the coordinator's, the one
 * engine that runs the once-only chores (retention, maintenance, size samples, trigger
 * evaluation, alert records). An engine without it stands by (standBy()): every beat it tries
 * to take the lease, which succeeds once the holder's heartbeat is older than the stale time
 * by the database's clock (or its session is gone), and then emits gained().
 *
 * Thread: the Engine's; renewals and the release run on the writer StoreThread, which must
 * outlive the keeper's last release().
 */
class LeaseKeeper final : public QObject
{
    Q_OBJECT

public:
    LeaseKeeper(LeaseHolder holder, int heartbeatMs, QObject *parent = nullptr);

    /// Who this engine is in the lease table.
    const LeaseHolder &holder() const { return m_holder; }
    bool holds() const { return m_holds; }

    /// The lease was taken through `writer`: renew it from now on.
    void keep(StoreThread *writer);
    /// Another engine holds the lease: try to take it through `writer` every beat; gained()
    /// once it is taken (and renewed from then on, as after keep()).
    void standBy(StoreThread *writer, qint64 staleAfterMs);
    bool standingBy() const { return m_standingBy; }
    /// Stops renewing (the engine has become read-only); the lease lapses by itself.
    void stop();
    /// Gives the lease back, queued behind any write in flight on the writer.
    void release();
    /// Gives back what this holder may have taken through `writer` before keep() (the engine
    /// stops while start() is still taking the lease), queued like release(); removes nothing
    /// when it took nothing: only this holder's row goes.
    void release(StoreThread *writer);

Q_SIGNALS:
    /// Another engine holds the lease now; `reason` names it.
    void lost(const QString &reason);
    /// Taken while standing by: this engine coordinates now.
    void gained();

private:
    void renew();
    void tryTake();

    const LeaseHolder m_holder;
    StoreThread *m_writer = nullptr;
    QTimer m_heartbeat;
    bool m_holds = false;
    bool m_standingBy = false;
    bool m_trying = false;
    qint64 m_staleAfterMs = 0;
};

} // namespace arbor
