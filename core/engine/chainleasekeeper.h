#pragma once

#include "store/enginestore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace arbor {

class StoreThread;

/**
 * Keeps this engine's per-chain leases (DESIGN.md §10, EngineStore): every heartbeat it runs one
 * EngineStore::heartbeat() on the writer — renew, give up, claim — and says what changed. The
 * IndexingService indexes exactly the chains held(), each under its epoch.
 *
 * An engine whose beats stop reaching the database (connection lost, writer stuck) gives up
 * every chain on its own once its last good beat is older than the lease less one heartbeat:
 * it stops writing before its leases could expire and another engine take them. A beat that
 * finds this engine's row gone (removed as dead while it stalled) joins again.
 *
 * Thread: the Engine's; its jobs run on the writer StoreThread, which must outlive leave().
 */
class ChainLeaseKeeper final : public QObject
{
    Q_OBJECT

public:
    ChainLeaseKeeper(StoreThread *writer, int heartbeatMs, QObject *parent = nullptr);

    /// Who this engine is among the engines (Engine::prepare() may set maxChains to 0 for a
    /// console that only watches); set before start().
    void setIdentity(EngineIdentity identity, QList<qint64> onlyChains);
    const EngineIdentity &identity() const { return m_me; }

    /// The engine has joined (EngineStore::join() in Engine::prepare()): beat from now on.
    void start();
    bool isRunning() const { return m_running; }
    /// A beat now (a chain was added or resumed), unless one is under way.
    void beatNow();
    /// A beat now after a write was refused for its lease: its round emits heldChanged() even
    /// when what is held did not change, so that the indexer that stood down starts again if
    /// the lease is still (or again) this engine's. Not for beatNow()'s callers: IndexingService
    /// asks for a beat whenever it sees a chain held elsewhere, and an answer to each would
    /// have it ask again at once.
    void beatAfterRefusal();
    /// Stops beating and gives every lease back, queued behind the writes in flight.
    void leave();

    /// Chain → epoch, for every chain this engine holds.
    const QHash<qint64, qint64> &held() const { return m_held; }

Q_SIGNALS:
    void heldChanged(const QHash<qint64, qint64> &held);
    void taken(qint64 chainId, qint64 epoch);
    void handedOver(qint64 chainId);
    /// Another engine took the chain (this one stalled past its lease), or this engine gave it
    /// up because its beats stopped reaching the database; `reason` says which.
    void lost(qint64 chainId, const QString &reason);

private:
    void beat();
    void onBeat(Result<LeaseRound> round, qint64 startedMs);
    /// Gives up every chain without the database (its beats fail): see the class comment.
    void dropAll(const QString &reason);

    StoreThread *m_writer;
    EngineIdentity m_me;
    QList<qint64> m_onlyChains;
    QTimer m_timer;
    QElapsedTimer m_clock;                  ///< since start(): when beats began, monotonic
    qint64 m_lastGoodStartMs = -1;          ///< m_clock time the last successful beat was sent
    bool m_running = false;
    bool m_beating = false;
    bool m_again = false;                   ///< beatNow() while a beat was under way
    bool m_announce = false;                ///< beatAfterRefusal(): the next round says what is held, changed or not
    QHash<qint64, qint64> m_held;
};

} // namespace arbor
