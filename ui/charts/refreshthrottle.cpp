#include "charts/refreshthrottle.h"

#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace arbor::ui {

RefreshThrottle::RefreshThrottle(QWidget *panel, std::function<bool()> read, int minIntervalMs, int periodMs)
    : QObject(panel), m_panel(panel), m_read(std::move(read)), m_minIntervalMs(minIntervalMs)
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, &RefreshThrottle::read);
    m_period.setInterval(periodMs);
    connect(&m_period, &QTimer::timeout, this, &RefreshThrottle::changed);
    panel->installEventFilter(this);
}

void RefreshThrottle::changed()
{
    m_pending = true;
    schedule(false);
}

void RefreshThrottle::now()
{
    m_pending = true;
    m_urgent = true;
    schedule(true);
}

void RefreshThrottle::finished()
{
    m_reading = false;
    if (m_pending)
        schedule(m_urgent);
}

void RefreshThrottle::schedule(bool urgent)
{
    if (m_reading || !m_panel->isVisible())
        return;
    const qint64 wait = urgent || !m_sinceRead.isValid() ? 0 : std::max<qint64>(0, m_minIntervalMs - m_sinceRead.elapsed());
    if (wait == 0) {
        m_delay.stop();
        read();
    } else if (!m_delay.isActive()) {
        m_delay.start(int(wait));
    }
}

void RefreshThrottle::read()
{
    if (m_reading || !m_pending || !m_panel->isVisible())
        return;
    if (!m_read())
        return;
    m_reading = true;
    m_pending = false;
    m_urgent = false;
    m_sinceRead.start();
}

bool RefreshThrottle::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel) {
        if (event->type() == QEvent::Show) {
            m_period.start();
            // Shown again: what changed meanwhile at once; the first show always reads.
            if (m_pending)
                schedule(true);
        } else if (event->type() == QEvent::Hide) {
            m_period.stop();
            m_delay.stop();
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace arbor::ui
