#include "secrets/keychainthread.h"

#include "util/workerthread.h"

#include <QCoreApplication>
#include <QThread>

namespace arbor {
namespace {

// How long the console's exit waits for a keychain call under way (a locked keyring may be
// asking its user); past that the thread is left to the process's end rather than destroyed
// while it runs.
constexpr unsigned long StopWaitMs = 3000;

} // namespace

KeychainThread &KeychainThread::instance()
{
    // Never destroyed: stop() ends the thread with the application; a static destructor running
    // after that must not meet a QThread that is still running.
    static KeychainThread *const keychain = new KeychainThread;
    return *keychain;
}

KeychainThread::KeychainThread()
    : m_thread(new QThread), m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("arbor-keychain"));
    m_context->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    joinable(m_thread);
    m_thread->start();
    qAddPostRoutine(&KeychainThread::stop);
}

void KeychainThread::post(std::function<void()> work)
{
    const QMutexLocker lock(&m_mutex);
    if (m_accepting)
        QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
}

QThread *KeychainThread::thread() const
{
    return m_thread;
}

void KeychainThread::stop()
{
    KeychainThread &keychain = instance();
    {
        const QMutexLocker lock(&keychain.m_mutex);
        if (!keychain.m_accepting)
            return;
        keychain.m_accepting = false;
    }
    QThread *thread = keychain.m_thread;
    thread->quit();
    if (join(thread, QDeadlineTimer(StopWaitMs)))
        delete thread;
}

} // namespace arbor
