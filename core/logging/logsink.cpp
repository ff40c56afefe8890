#include "logging/logsink.h"

#include "util/crashreporter.h"

#include <QAtomicPointer>
#include <QMetaObject>

namespace arbor {
namespace {

QAtomicPointer<LogSink> g_sink;

} // namespace

LogSink::LogSink(int capacity, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(1, capacity))
{
    qRegisterMetaType<arbor::LogMessage>();
    qRegisterMetaType<QList<arbor::LogMessage>>();
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(0, intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &LogSink::flush);
}

LogSink::~LogSink()
{
    uninstall();
}

void LogSink::install()
{
    if (m_installed)
        return;
    g_sink.storeRelease(this);
    m_previous = qInstallMessageHandler(&LogSink::handle);
    m_installed = true;
}

void LogSink::uninstall()
{
    if (!m_installed)
        return;
    qInstallMessageHandler(m_previous);
    g_sink.testAndSetOrdered(this, nullptr);
    m_installed = false;
}

void LogSink::handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    LogSink *sink = g_sink.loadAcquire();
    if (!sink)
        return;
    if (sink->m_previous)
        sink->m_previous(type, context, text);
    LogMessage message;
    message.time = QDateTime::currentDateTime();
    message.type = type;
    message.category = QString::fromUtf8(context.category ? context.category : "default");
    message.text = text;
    CrashReporter::rememberLogLine(message.time.toString(Qt::ISODateWithMs) + u' ' + logTypeName(type) + u' '
                                   + message.category + QLatin1String(": ") + text);
    sink->append(std::move(message));
}

void LogSink::append(LogMessage message)
{
    QMutexLocker lock(&m_mutex);
    m_kept.push_back(message);
    while (int(m_kept.size()) > m_capacity)
        m_kept.pop_front();
    m_pending.append(std::move(message));
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    // From any thread: the timer is started on the sink's own thread.
    QMetaObject::invokeMethod(&m_timer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

QList<LogMessage> LogSink::messages() const
{
    QMutexLocker lock(&m_mutex);
    return QList<LogMessage>(m_kept.begin(), m_kept.end());
}

void LogSink::flush()
{
    QList<LogMessage> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        m_flushQueued = false;
    }
    if (!batch.isEmpty())
        Q_EMIT messagesAdded(batch);
}

QString logTypeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return QStringLiteral("debug");
    case QtInfoMsg: return QStringLiteral("info");
    case QtWarningMsg: return QStringLiteral("warning");
    case QtCriticalMsg: return QStringLiteral("critical");
    case QtFatalMsg: return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

} // namespace arbor
