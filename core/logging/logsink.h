#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>

namespace arbor {

/// One message logged through a QLoggingCategory, as the console's log panel shows it.
struct LogMessage
{
    QDateTime time;
    QtMsgType type = QtInfoMsg;
    QString category;           ///< "arbor.rpc", "arbor.store", …
    QString text;
};

/**
 * Collects what Arbor logs (every thread, every category) for the console's log panel.
 *
 * install() puts the sink in front of Qt's message handler: each message is still passed on to
 * the previous handler (stderr, the journal) and is also kept here, at most `capacity` of them,
 * oldest dropped first. Debug messages are kept only for categories that have debug enabled,
 * as Qt itself decides, so the panel shows what the rules let through.
 *
 * Messages may come from any thread; the sink hands them on in batches, as messagesAdded on
 * the thread the sink lives on, at most every `intervalMs`: a chatty category cannot flood
 * the GUI thread with one signal per line.
 *
 * One sink is installed at a time; the destructor uninstalls it.
 */
class LogSink final : public QObject
{
    Q_OBJECT

public:
    explicit LogSink(int capacity = 5000, int intervalMs = 250, QObject *parent = nullptr);
    ~LogSink() override;

    /// Starts receiving messages (replaces a sink installed before).
    void install();
    void uninstall();

    /// What is kept now, oldest first.
    QList<LogMessage> messages() const;
    int capacity() const { return m_capacity; }

    /// Records a message as the handler does (tests, and messages that bypass qDebug).
    void append(LogMessage message);

Q_SIGNALS:
    /// New messages since the last signal, oldest first.
    void messagesAdded(const QList<arbor::LogMessage> &messages);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text);
    void flush();

    const int m_capacity;
    mutable QMutex m_mutex;
    std::deque<LogMessage> m_kept;
    QList<LogMessage> m_pending;
    bool m_flushQueued = false;
    QTimer m_timer;
    QtMessageHandler m_previous = nullptr;
    bool m_installed = false;
};

/// "debug", "info", "warning", "critical", "fatal".
QString logTypeName(QtMsgType type);

} // namespace arbor

Q_DECLARE_METATYPE(arbor::LogMessage)
