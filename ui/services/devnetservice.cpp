#include "services/devnetservice.h"

#include "util/workerthread.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>

namespace arbor::ui {

namespace {

const QString UrlsKey = QStringLiteral("localDevnet/rpcUrls");

// The URLs of the devnets this user's consoles started; the newest few are enough.
void rememberUrls(const QList<QUrl> &urls)
{
    QSettings settings;
    QStringList known = settings.value(UrlsKey).toStringList();
    for (const QUrl &url : urls) {
        known.removeAll(url.toString());
        known.append(url.toString());
    }
    while (known.size() > 20)
        QFile::remove(LocalDevnet::stateFileFor(DevnetService::stateDirectory(), QUrl(known.takeFirst())));
    settings.setValue(UrlsKey, known);
}

// The URLs of the nodes DevnetServices of this process run; GUI thread only.
QSet<QUrl> &runningHere()
{
    static QSet<QUrl> urls;
    return urls;
}

} // namespace

bool DevnetService::isRunningHere(const ChainConfig &config)
{
    return !config.rpcUrls.isEmpty() && runningHere().contains(config.rpcUrls.first());
}

void DevnetService::setState(LocalDevnet::State state, const QUrl &url)
{
    runningHere().remove(m_url);
    m_state = state;
    m_url = state == LocalDevnet::State::Running ? url : QUrl();
    if (!m_url.isEmpty())
        runningHere().insert(m_url);
}

bool DevnetService::isLocalDevnetChain(const ChainConfig &config)
{
    if (config.chainId != LocalDevnet::ChainId || config.rpcUrls.isEmpty())
        return false;
    const QStringList known = QSettings().value(UrlsKey).toStringList();
    for (const QUrl &url : config.rpcUrls) {
        if (!known.contains(url.toString()))
            return false;
    }
    return true;
}

QString DevnetService::stateDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("devnet"));
}

bool DevnetService::hasSavedState(const ChainConfig &config)
{
    return isLocalDevnetChain(config) && QFile::exists(LocalDevnet::stateFileFor(stateDirectory(), config.rpcUrls.first()));
}

void DevnetService::forgetSavedState(const ChainConfig &config)
{
    if (isLocalDevnetChain(config))
        QFile::remove(LocalDevnet::stateFileFor(stateDirectory(), config.rpcUrls.first()));
}

template<typename F>
void DevnetService::report(quint64 run, F step)
{
    QMetaObject::invokeMethod(this, [this, run, step = std::move(step)] {
        if (run == m_run)
            step();
    }, Qt::QueuedConnection);
}

DevnetService::DevnetService(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("arbor-devnet"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_devnet = new LocalDevnet;
    m_devnet->setStateDirectory(stateDirectory());
    m_devnet->moveToThread(&m_thread);

    // Direct: these run on the worker, where the devnet emits, and post the outcome back.
    connect(m_devnet, &LocalDevnet::progress, m_devnet, [this](const QString &step) {
        report(m_workerRun, [this, step] { Q_EMIT progress(step); });
    }, Qt::DirectConnection);
    connect(m_devnet, &LocalDevnet::ready, m_devnet, [this](const ChainConfig &config) {
        const qint64 pid = m_devnet->nodeProcessId();
        report(m_workerRun, [this, config, pid] {
            rememberUrls(config.rpcUrls);
            setState(LocalDevnet::State::Running, config.rpcUrls.value(0));
            m_nodeProcessId = pid;
            Q_EMIT ready(config);
        });
    }, Qt::DirectConnection);
    connect(m_devnet, &LocalDevnet::resumed, m_devnet, [this](const ChainConfig &config) {
        const qint64 pid = m_devnet->nodeProcessId();
        report(m_workerRun, [this, config, pid] {
            setState(LocalDevnet::State::Running, config.rpcUrls.value(0));
            m_nodeProcessId = pid;
            Q_EMIT resumed(config);
        });
    }, Qt::DirectConnection);
    connect(m_devnet, &LocalDevnet::failed, m_devnet, [this](const Error &error) {
        report(m_workerRun, [this, error] {
            setState(LocalDevnet::State::Failed);
            m_nodeProcessId = 0;
            Q_EMIT failed(error);
        });
    }, Qt::DirectConnection);
    joinable(&m_thread);
    m_thread.start();
}

DevnetService::~DevnetService()
{
    setState(LocalDevnet::State::Stopped);
    // The node is killed on the thread that started it; then the thread ends.
    QMetaObject::invokeMethod(m_worker, [this] {
        delete m_devnet;
        m_devnet = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    join(&m_thread);
}

void DevnetService::start()
{
    if (m_state == LocalDevnet::State::Starting || m_state == LocalDevnet::State::Running)
        return;
    const quint64 run = ++m_run;
    setState(LocalDevnet::State::Starting);
    m_nodeProcessId = 0;
    QMetaObject::invokeMethod(m_worker, [this, run] {
        m_workerRun = run;
        m_devnet->start();
    });
}

void DevnetService::resume(const ChainConfig &config, std::optional<qint64> indexedBlock)
{
    if (m_state == LocalDevnet::State::Starting || m_state == LocalDevnet::State::Running)
        return;
    const quint64 run = ++m_run;
    setState(LocalDevnet::State::Starting);
    m_nodeProcessId = 0;
    QMetaObject::invokeMethod(m_worker, [this, run, config, indexedBlock] {
        m_workerRun = run;
        m_devnet->resume(config, indexedBlock);
    });
}

void DevnetService::stop()
{
    const quint64 run = ++m_run;
    setState(LocalDevnet::State::Stopped);
    m_nodeProcessId = 0;
    QMetaObject::invokeMethod(m_worker, [this, run] {
        m_workerRun = run;
        m_devnet->stop();
    });
}

} // namespace arbor::ui
