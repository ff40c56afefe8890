#include "widgets/refreshthrottle.h"

#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace arbor::ui {

RefreshThrottle::RefreshThrottle(QWidget *widget, std::function<bool()> read, int minIntervalMs, int periodMs)
    : QObject(widget), m_widget(widget), m_read(std::move(read)), m_minIntervalMs(minIntervalMs), m_periodMs(std::max(0, periodMs))
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, &RefreshThrottle::read);
    m_period.setInterval(m_periodMs);
    connect(&m_period, &QTimer::timeout, this, [this] {
        // A read under way is as fresh as the period asks for.
        if (!m_reading)
            changed();
    });
    widget->installEventFilter(this);
    if (isActive()) {
        // Already shown: the first read once the widget's constructor is done.
        if (m_periodMs > 0)
            m_period.start();
        m_delay.start(0);
    }
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

void RefreshThrottle::setPeriodMs(int periodMs)
{
    periodMs = std::max(0, periodMs);
    if (periodMs == m_periodMs)
        return;
    m_periodMs = periodMs;
    if (periodMs == 0) {
        m_period.stop();
        return;
    }
    m_period.setInterval(periodMs);
    if (isActive() && !m_period.isActive())
        m_period.start();
}

void RefreshThrottle::setReadWhileHidden(bool on)
{
    if (on == m_readWhileHidden)
        return;
    m_readWhileHidden = on;
    if (isActive()) {
        if (m_periodMs > 0 && !m_period.isActive())
            m_period.start();
        if (m_pending)
            schedule(m_urgent);
    } else {
        m_period.stop();
        m_delay.stop();
    }
}

bool RefreshThrottle::isActive() const
{
    return m_readWhileHidden || m_widget->isVisible();
}

void RefreshThrottle::schedule(bool urgent)
{
    if (m_reading || !isActive())
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
    if (m_reading || !m_pending || !isActive())
        return;
    const bool urgent = m_urgent;
    const QElapsedTimer before = m_sinceRead;
    // Marked first: a read whose answer is there at once may call finished() from m_read.
    m_reading = true;
    m_pending = false;
    m_urgent = false;
    m_sinceRead.start();
    if (!m_read()) {
        m_reading = false;
        m_pending = true;
        m_urgent = urgent;
        m_sinceRead = before;
    }
}

bool RefreshThrottle::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget) {
        if (event->type() == QEvent::Show) {
            if (m_periodMs > 0 && !m_period.isActive())
                m_period.start();
            // Shown again: what changed meanwhile, or what a period would have read meanwhile, at
            // once; the first show always reads.
            if (m_periodMs > 0 && m_sinceRead.isValid() && m_sinceRead.hasExpired(m_periodMs))
                m_pending = true;
            if (m_pending)
                schedule(true);
        } else if (event->type() == QEvent::Hide && !m_readWhileHidden) {
            m_period.stop();
            m_delay.stop();
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace arbor::ui
