#include "engine/chaindeletion.h"

#include "engine/engine.h"
#include "engine/storethread.h"
#include "model/entitydef.h"

#include <QCoreApplication>

#include <cstdlib>

namespace arbor {
namespace {

// ARBOR_FAULT_DELETE_STEP=N makes the process die right after step N, as a crash would: the
// crash-recovery tests use it to interrupt a delete at every step in turn.
int crashAfterStep()
{
    static const int step = qEnvironmentVariableIntValue("ARBOR_FAULT_DELETE_STEP");
    return step;
}

// The journal keeps these English names whatever the console's language; people see tr() of them.
constexpr const char *StepNames[] = {
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "stop indexing"),
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "mark deleted"),
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "remove global rows"),
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "clear caches"),
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "delete admin tracking rows"),
    QT_TRANSLATE_NOOP("arbor::ChainDeletion", "drop chain tables"),
};

} // namespace

QStringList ChainDeletion::stepNames()
{
    QStringList names;
    for (const char *name : StepNames)
        names.append(tr(name));
    return names;
}

ChainDeletion::ChainDeletion(Engine *engine, qint64 chainId)
    : QObject(engine)
    , m_engine(engine)
    , m_chainId(chainId)
{
    const QStringList names = stepNames();
    QStringList journalNames;
    for (const char *name : StepNames)
        journalNames.append(QString::fromLatin1(name));
    StoreThread *writer = engine->m_writer.get();

    // Journal the step, do it, journal it done: one writer job, so "started" without "done"
    // means exactly that the process died inside the step.
    auto journaled = [writer, chainId](int step, QString name, std::function<Status(Store &)> work) {
        return [writer, chainId, step, name, work]() {
            return writer->run([chainId, step, name, work](Store &store) -> Status {
                if (Status s = store.recordDeletionStep(chainId, step, name, false); !s)
                    return s;
                if (Status s = work(store); !s)
                    return s;
                return store.recordDeletionStep(chainId, step, name, true);
            });
        };
    };
    auto inMemory = [engine, journaled](int step, QString name, std::function<void()> work) {
        return [engine, journaled, step, name, work]() {
            work();
            return journaled(step, name, [](Store &) { return Status(); })();
        };
    };

    m_steps = {
        {names[0], inMemory(1, journalNames[0], [engine, chainId]() {
             // No new work starts for a chain being deleted; its indexer is told to stop now, not
             // at the next snapshot (which, the chain gone from it, might never differ again).
             engine->m_deleting.insert(chainId);
             if (engine->m_indexers.contains(chainId))
                 engine->stopIndexer(chainId);
         })},
        {names[1], journaled(2, journalNames[1], [chainId](Store &s) { return s.markChainDeleting(chainId); })},
        {names[2], journaled(3, journalNames[2], [chainId](Store &s) { return s.removeGlobalRows(chainId, evmEntities()); })},
        {names[3], inMemory(4, journalNames[3], [engine, chainId]() {
             const auto before = engine->m_snapshot.size();
             engine->m_snapshot.removeIf([chainId](const ChainRecord &c) { return c.config.chainId == chainId; });
             if (engine->m_snapshot.size() != before)
                 Q_EMIT engine->chainsChanged(engine->m_snapshot);
         })},
        {names[4], journaled(5, journalNames[4], [chainId](Store &s) { return s.deleteTrackingRows(chainId); })},
        {names[5], journaled(6, journalNames[5], [chainId](Store &s) { return s.dropChainTables(chainId); })},
    };
}

QFuture<Status> ChainDeletion::start()
{
    m_promise = std::make_shared<QPromise<Status>>();
    m_promise->start();
    runStep(0);
    return m_promise->future();
}

void ChainDeletion::runStep(int index)
{
    if (index == m_steps.size()) {
        const qint64 chainId = m_chainId;
        m_engine->m_writer->run([chainId](Store &s) { return s.forgetChain(chainId); })
            .then(this, [this](Status s) { finish(s); });
        return;
    }
    const Step &step = m_steps[index];
    Q_EMIT m_engine->deletionProgress(m_chainId, index + 1, step.name, false);
    step.run().then(this, [this, index](Status s) {
        if (!s) {
            finish(Error{s.error().kind, s.error().field,
                         tr("Deleting chain %1 stopped at step %2 (%3): %4. Run the delete again to finish it.")
                             .arg(m_chainId).arg(index + 1).arg(m_steps[index].name, s.error().message)});
            return;
        }
        Q_EMIT m_engine->deletionProgress(m_chainId, index + 1, m_steps[index].name, true);
        if (crashAfterStep() == index + 1)
            std::_Exit(70);
        if (m_engine->m_deletionFaultStep == index + 1) {
            finish(Error::internal(tr("Simulated crash after deletion step %1.").arg(index + 1)));
            return;
        }
        runStep(index + 1);
    });
}

void ChainDeletion::finish(Status status)
{
    if (status) {
        m_engine->m_deleting.remove(m_chainId);
        qCInfo(lcEngine) << "chain" << m_chainId << "deleted";
        Q_EMIT m_engine->chainDeleted(m_chainId);
    }
    m_promise->addResult(status);
    m_promise->finish();
    deleteLater();
}

} // namespace arbor
