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

private:
    void renew();

    const LeaseHolder m_holder;
    StoreThread *m_writer = nullptr;
    QTimer m_heartbeat;
    bool m_holds = false;
};

} // namespace arbor
