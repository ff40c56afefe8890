#include "engine/triggerrunner.h"

#include "engine/deliverybell.h"
#include "engine/futures.h"
#include "engine/storethread.h"
#include "store/chainregistry.h"
#include "util/continuation.h"
#include "util/workerthread.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPromise>

Q_LOGGING_CATEGORY(lcTriggers, "arbor.triggers")

namespace arbor {

TriggerRunner::TriggerRunner(StoreThread *writer, QString holder, HeadOf headOf, std::shared_ptr<DeliveryBell> bell,
                             DeliveryOptions options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_headOf(std::move(headOf))
    , m_bell(std::move(bell))
    , m_holder(std::move(holder))
    , m_options(std::move(options))
{
    m_deliveryThread.setObjectName(QStringLiteral("arbor-delivery"));
    joinable(&m_deliveryThread);
    m_mailbox = new QObject;
    m_mailbox->moveToThread(&m_deliveryThread);
    // On the delivery thread, before it finishes and deletes the worker: no call finds it again.
    connect(&m_deliveryThread, &GuardedThread::failed, m_mailbox, [this] { m_worker = nullptr; }, Qt::DirectConnection);
    connect(&m_deliveryThread, &GuardedThread::failed, this, &TriggerRunner::workerFailed);
    m_sweep.setInterval(SweepMs);
    connect(&m_sweep, &QTimer::timeout, this, &TriggerRunner::sweep);
    // Rung on the writer's thread: posted to the mailbox, which lives until the destructor has
    // taken the receiver back. A wake-up that finds no worker (stopped, or restarting) is lost;
    // the next worker claims what is due when it starts.
    m_bell->setReceiver([this] {
        QMetaObject::invokeMethod(m_mailbox, [this] {
            if (m_worker)
                m_worker->poke();
        });
    });
}

TriggerRunner::~TriggerRunner()
{
    m_bell->clearReceiver();   // no ring reaches the mailbox deleted below
    m_sweep.stop();
    if (m_deliveryThread.isRunning()) {
        // Not shut down first (arborctl, tests): the worker's thread is ended here. Its attempts
        // in flight are abandoned; their claims lapse and they are sent again.
        m_deliveryThread.quit();
    }
    join(&m_deliveryThread);
    // The thread has ended (or never ran): its objects are deleted here.
    delete m_mailbox;
}

void TriggerRunner::start()
{
    startWorker(DeliveryWorker::Start::Fresh);
    m_sweep.start();
    sweep();
}

void TriggerRunner::startWorker(DeliveryWorker::Start how)
{
    auto *worker = new DeliveryWorker(m_writer, m_holder, m_options);
    worker->moveToThread(&m_deliveryThread);
    connect(&m_deliveryThread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &DeliveryWorker::attemptsRecorded, this, &TriggerRunner::deliveriesChanged);
    m_workerStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_deliveryThread.start();
    QMetaObject::invokeMethod(m_mailbox, [this, worker, how] {
        m_worker = worker;
        worker->start(how);
    });
}

void TriggerRunner::workerFailed(const QString &what)
{
    if (m_stopped)
        return;
    const qint64 delayMs = m_backoff.failed(m_workerStartedMs, QDateTime::currentMSecsSinceEpoch());
    qCCritical(lcTriggers).noquote()
        << QStringLiteral("The delivery worker stopped on an internal error (%1). Deliveries wait in the outbox; "
                          "a new worker starts in %2 ms (failure %3 in a row).")
               .arg(what, QString::number(delayMs), QString::number(m_backoff.failures()));
    QTimer::singleShot(delayMs, this, &TriggerRunner::restartWorker);
}

void TriggerRunner::restartWorker()
{
    if (m_stopped)
        return;
    // It threw a second or more ago: the thread has ended (its old worker deleted there), and
    // this returns at once. Only then may a new worker be tied to the thread's finished().
    join(&m_deliveryThread);
    startWorker(DeliveryWorker::Start::Restarted);
}

QFuture<void> TriggerRunner::shutdown()
{
    if (m_shutdown)
        return *m_shutdown;
    m_stopped = true;
    m_sweep.stop();
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    m_shutdown = promise->future();
    // Connected before looking: a thread that ends by itself in between is not missed.
    connect(&m_deliveryThread, &QThread::finished, this, [promise] {
        if (!promise->future().isFinished())
            promise->finish();
    });
    if (!m_deliveryThread.isRunning() || m_deliveryThread.isFinished()) {
        promise->finish();
        return *m_shutdown;
    }
    QThread *thread = &m_deliveryThread;
    QMetaObject::invokeMethod(m_mailbox, [this, thread] {
        if (m_worker)
            m_worker->stop([thread] { thread->quit(); });
        else
            thread->quit();
    });
    return *m_shutdown;
}

void TriggerRunner::evaluate(qint64 chainId)
{
    if (m_stopped)
        return;
    if (m_evaluating.contains(chainId)) {
        m_again.insert(chainId);
        return;
    }
    runEvaluation(chainId);
}

void TriggerRunner::runEvaluation(qint64 chainId)
{
    m_evaluating.insert(chainId);
    const std::optional<qint64> head = m_headOf ? m_headOf(chainId) : std::nullopt;
    then(m_writer
        ->run([chainId, head, bell = m_bell](Store &store) -> Result<EvaluationRun> {
            qint64 bound = 0;
            if (head) {
                bound = *head;
            } else {
                // The node's head is not known here: the checkpoint is the chain's
                // confirmations deep, so checkpoint + confirmations stands for it.
                auto chains = ChainRegistry(store).chains();
                if (!chains)
                    return chains.error();
                for (const ChainRecord &chain : std::as_const(*chains)) {
                    if (chain.config.chainId == chainId)
                        bound = chain.checkpointBlock.value_or(0) + chain.config.confirmations;
                }
            }
            auto run = TriggerStore(store).evaluate(chainId, bound);
            if (run && run->deliveries > 0)
                bell->ring();   // committed: the worker claims them now
            return run;
        }), this, [this, chainId](Result<EvaluationRun> run) {
            m_evaluating.remove(chainId);
            if (m_stopped)
                return;
            bool again = m_again.remove(chainId);
            if (!run) {
                qCWarning(lcTriggers) << "Evaluating the triggers of chain" << chainId << "failed:" << run.error().toString();
            } else {
                if (run->deliveries > 0)
                    Q_EMIT deliveriesChanged();
                again = again || !run->caughtUp;
            }
            if (again)
                evaluate(chainId);
        });
}

void TriggerRunner::sweep()
{
    if (m_stopped)
        return;
    then(m_writer->run([](Store &store) { return TriggerStore(store).triggers(); }), this, [this](Result<QList<TriggerRecord>> triggers) {
            if (!triggers || m_stopped)
                return;
            QSet<qint64> chains;
            for (const TriggerRecord &t : std::as_const(*triggers)) {
                if (t.def.enabled)
                    chains.insert(t.def.chainId);
            }
            for (qint64 chainId : std::as_const(chains))
                evaluate(chainId);
        });
}

} // namespace arbor
