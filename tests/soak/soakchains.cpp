#include "soakchains.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace arbor::soak {

bool SoakChain::start(qint64 id, quint64 seed, QString *error)
{
    devnet = std::make_unique<arbor::test::Devnet>();
    if (!devnet->start(error, quint64(id)))
        return false;
    chainId = id;
    const auto deployed = devnet->deployRegistries(error);
    if (!deployed)
        return false;
    registries = *deployed;
    proxy = std::make_unique<arbor::test::FaultProxy>(devnet->rpcUrl(), seed);
    return proxy->start(error);
}

namespace {

/// On the generator's thread: one devnet.mjs run at a time, chains in turn.
class TrafficWorker final : public QObject
{
    Q_OBJECT

public:
    TrafficWorker(QList<TrafficGenerator::Target> targets, int intervalMs, int events)
        : m_targets(std::move(targets)), m_events(events), m_timer(new QTimer(this))
    {
        m_timer->setInterval(intervalMs);
        connect(m_timer, &QTimer::timeout, this, &TrafficWorker::batch);
    }

    void begin() { m_timer->start(); }
    void end() { m_timer->stop(); }

Q_SIGNALS:
    void generated(qint64 chainId, const QJsonArray &events);
    void failed(qint64 chainId, const QString &error);

private:
    void batch()
    {
        const TrafficGenerator::Target &target = m_targets.at(m_next++ % m_targets.size());
        const QJsonObject &r = target.registries;
        QProcess node;
        node.setProgram(u"node"_s);
        node.setWorkingDirectory(arbor::test::Devnet::directory());
        node.setArguments({arbor::test::Devnet::directory() + u"/devnet.mjs"_s, u"agents"_s, u"--rpc"_s, target.rpcUrl,
                           u"--identity"_s, r[u"identity"_s].toString(), u"--reputation"_s, r[u"reputation"_s].toString(),
                           u"--validation"_s, r[u"validation"_s].toString(), u"--agents"_s, u"1"_s, u"--events"_s,
                           QString::number(m_events), u"--seed"_s, QString::number(1000 + m_next)});
        node.start();
        if (!node.waitForFinished(120000)) {
            node.kill();
            node.waitForFinished(5000);
            Q_EMIT failed(target.chainId, u"devnet.mjs agents did not finish within 120 s"_s);
            return;
        }
        const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        if (node.exitCode() != 0 || !out.contains(u"events"_s)) {
            Q_EMIT failed(target.chainId, QString::fromUtf8(node.readAllStandardError().right(2000)));
            return;
        }
        Q_EMIT generated(target.chainId, out.value(u"events"_s).toArray());
    }

    QList<TrafficGenerator::Target> m_targets;
    int m_events;
    int m_next = 0;
    QTimer *m_timer;   // a child: it moves to the generator's thread with the worker
};

} // namespace

TrafficGenerator::TrafficGenerator(QList<Target> targets, int intervalMs, int eventsPerBatch, QObject *parent)
    : QObject(parent)
{
    auto *worker = new TrafficWorker(std::move(targets), intervalMs, eventsPerBatch);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &TrafficWorker::generated, this, &TrafficGenerator::onGenerated);
    connect(worker, &TrafficWorker::failed, this, &TrafficGenerator::onFailed);
    m_worker = worker;
    m_thread.setObjectName(u"soak-traffic"_s);
    m_thread.start();
}

TrafficGenerator::~TrafficGenerator()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void TrafficGenerator::start()
{
    QMetaObject::invokeMethod(static_cast<TrafficWorker *>(m_worker), &TrafficWorker::begin);
}

void TrafficGenerator::stop()
{
    // Blocking: the batch under way finishes first, so every event sent is reported.
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(static_cast<TrafficWorker *>(m_worker), &TrafficWorker::end, Qt::BlockingQueuedConnection);
}

void TrafficGenerator::onFailed(qint64 chainId, const QString &error)
{
    ++m_failures;
    m_lastError = u"chain %1: %2"_s.arg(chainId).arg(error);
}

} // namespace arbor::soak

#include "soakchains.moc"
