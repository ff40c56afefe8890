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
    connect(&m_heartbeat, &QTimer::timeout, this, &LeaseKeeper::renew);
}

void LeaseKeeper::keep(StoreThread *writer)
{
    m_writer = writer;
    m_holds = true;
    m_heartbeat.start();
}

void LeaseKeeper::stop()
{
    m_heartbeat.stop();
    m_holds = false;
}

void LeaseKeeper::release()
{
    m_heartbeat.stop();
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
