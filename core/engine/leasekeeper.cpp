#include "engine/leasekeeper.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "util/continuation.h"

namespace arbor {

LeaseKeeper::LeaseKeeper(LeaseHolder holder, int heartbeatMs, QObject *parent)
    : QObject(parent)
    , m_holder(std::move(holder))
{
    m_heartbeat.setObjectName(QStringLiteral("leaseHeartbeat"));
    m_heartbeat.setInterval(heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_standingBy)
            tryTake();
        else
            renew();
    });
}

void LeaseKeeper::keep(StoreThread *writer)
{
    m_writer = writer;
    m_holds = true;
    m_standingBy = false;
    m_heartbeat.start();
}

void LeaseKeeper::standBy(StoreThread *writer, qint64 staleAfterMs)
{
    m_writer = writer;
    m_holds = false;
    m_standingBy = true;
    m_staleAfterMs = staleAfterMs;
    m_heartbeat.start();
}

void LeaseKeeper::stop()
{
    m_heartbeat.stop();
    m_holds = false;
    m_standingBy = false;
}

void LeaseKeeper::tryTake()
{
    if (m_trying)
        return;
    m_trying = true;
    then(m_writer->run([holder = m_holder, stale = m_staleAfterMs](Store &s) { return s.acquireLease(holder, stale); }), this, [this](Result<LeaseInfo> taken) {
        m_trying = false;
        if (!m_standingBy || !m_heartbeat.isActive()) {
            if (taken)   // stopped meanwhile: give it straight back
                m_writer->run([holder = m_holder](Store &s) { return s.releaseLease(holder); });
            return;
        }
        if (!taken) {
            if (taken.error().kind != Error::Kind::Conflict)
                qCWarning(lcEngine) << "could not take the coordinator lease:" << taken.error().message;
            return;
        }
        if (!taken->tookOverFrom.isEmpty())
            qCWarning(lcEngine) << "took over the coordinator lease from" << taken->tookOverFrom;
        m_standingBy = false;
        m_holds = true;
        Q_EMIT gained();
    });
}

void LeaseKeeper::release()
{
    m_heartbeat.stop();
    m_standingBy = false;
    if (!m_writer || !m_holds)
        return;
    m_holds = false;
    m_writer->run([holder = m_holder](Store &s) { return s.releaseLease(holder); });
}

void LeaseKeeper::release(StoreThread *writer)
{
    m_heartbeat.stop();
    m_holds = false;
    writer->run([holder = m_holder](Store &s) { return s.releaseLease(holder); });
}

void LeaseKeeper::renew()
{
    then(m_writer->run([holder = m_holder](Store &s) { return s.renewLease(holder); }), this, [this](Status s) {
        if (s || !m_heartbeat.isActive())
            return;
        if (s.error().kind == Error::Kind::Conflict) {
            stop();
            Q_EMIT lost(s.error().message);
        } else {
            qCWarning(lcEngine) << "lease heartbeat failed:" << s.error().message;
        }
    });
}

} // namespace arbor
