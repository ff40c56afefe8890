#include "engine/deliverybell.h"

namespace arbor {

void DeliveryBell::ring() const
{
    const QMutexLocker lock(&m_mutex);
    if (m_wake)
        m_wake();
}

void DeliveryBell::setReceiver(std::function<void()> wake)
{
    const QMutexLocker lock(&m_mutex);
    m_wake = std::move(wake);
}

void DeliveryBell::clearReceiver()
{
    const QMutexLocker lock(&m_mutex);
    m_wake = nullptr;
}

} // namespace arbor
