#include "engine/chainleasekeeper.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "util/continuation.h"

#include <QCoreApplication>

namespace arbor {
namespace {

struct LeaseText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::ChainLeaseKeeper)
};

} // namespace

ChainLeaseKeeper::ChainLeaseKeeper(StoreThread *writer, int heartbeatMs, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{
    m_timer.setObjectName(QStringLiteral("chainLeaseHeartbeat"));
    m_timer.setInterval(heartbeatMs);
    connect(&m_timer, &QTimer::timeout, this, &ChainLeaseKeeper::beat);
}

void ChainLeaseKeeper::setIdentity(EngineIdentity identity, QList<qint64> onlyChains)
{
    m_me = std::move(identity);
    m_onlyChains = std::move(onlyChains);
}

void ChainLeaseKeeper::start()
{
    m_running = true;
    m_clock.start();
    m_lastGoodStartMs = 0;
    m_timer.start();
    beat();
}

void ChainLeaseKeeper::beatAfterRefusal()
{
    if (!m_running)
        return;
    m_announce = true;
    beatNow();
}

void ChainLeaseKeeper::beatNow()
{
    if (!m_running)
        return;
    if (m_beating) {
        m_again = true;
        return;
    }
    beat();
}

void ChainLeaseKeeper::leave()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    const QList<qint64> chains = std::exchange(m_held, {}).keys();
    // Queued behind the writes in flight: the leases go once this engine's last batch is in.
    m_writer->run([token = m_me.token](Store &s) { return EngineStore(s).leave(token); });
    // Said, not acted on: the indexers have stopped already (a shutdown).
    for (qint64 chainId : chains)
        Q_EMIT handedOver(chainId);
}

void ChainLeaseKeeper::beat()
{
    if (!m_running)
        return;
    // The last good beat is too old: another engine may take these chains at any moment. Judged
    // also while a beat hangs (a database that stopped answering).
    const qint64 sinceGood = m_clock.elapsed() - m_lastGoodStartMs;
    if (!m_held.isEmpty() && sinceGood > m_me.leaseMs - m_timer.interval())
        dropAll(LeaseText::tr("no heartbeat reached the database for %n s; indexing stopped before the lease could expire", nullptr, int(sinceGood / 1000)));
    if (m_beating)
        return;
    m_beating = true;
    m_again = false;
    const qint64 startedMs = m_clock.elapsed();
    then(m_writer->run([me = m_me, previous = m_held, only = m_onlyChains](Store &s) -> Result<LeaseRound> {
             auto round = EngineStore(s).heartbeat(me, previous, only);
             if (!round && round.error().kind == Error::Kind::Conflict && round.error().field == u"engine") {
                 // Removed while this engine stalled (it was dead to the others): join again.
                 if (Status joined = EngineStore(s).join(me); !joined)
                     return joined.error();
                 return EngineStore(s).heartbeat(me, previous, only);
             }
             return round;
         }),
         this, [this, startedMs](Result<LeaseRound> round) { onBeat(std::move(round), startedMs); });
}

void ChainLeaseKeeper::onBeat(Result<LeaseRound> round, qint64 startedMs)
{
    m_beating = false;
    if (!m_running)
        return;
    if (!round) {
        qCWarning(lcEngine) << "chain lease heartbeat failed:" << round.error().toString();
        return;
    }
    m_lastGoodStartMs = startedMs;
    const bool changed = round->held != m_held;
    m_held = round->held;
    for (qint64 chainId : std::as_const(round->lost)) {
        qCWarning(lcEngine) << "lost the lease on chain" << chainId << "to another engine";
        Q_EMIT lost(chainId, LeaseText::tr("another engine holds the chain now"));
    }
    for (qint64 chainId : std::as_const(round->handedOver)) {
        qCInfo(lcEngine) << "handed chain" << chainId << "over";
        Q_EMIT handedOver(chainId);
    }
    for (qint64 chainId : std::as_const(round->taken)) {
        qCInfo(lcEngine) << "took the lease on chain" << chainId << "epoch" << m_held.value(chainId);
        Q_EMIT taken(chainId, m_held.value(chainId));
    }
    if (changed || std::exchange(m_announce, false))
        Q_EMIT heldChanged(m_held);
    if (m_again)
        beat();
}

void ChainLeaseKeeper::dropAll(const QString &reason)
{
    const QList<qint64> chains = m_held.keys();
    m_held.clear();
    for (qint64 chainId : chains) {
        qCWarning(lcEngine).noquote() << "chain" << chainId << ":" << reason;
        Q_EMIT lost(chainId, reason);
    }
    Q_EMIT heldChanged(m_held);
}

} // namespace arbor
