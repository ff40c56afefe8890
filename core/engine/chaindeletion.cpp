#include "engine/chaindeletion.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "metrics/metricsstore.h"
#include "store/chainregistry.h"
#include "model/entitydef.h"
#include "util/continuation.h"

#include <QCoreApplication>

namespace arbor {
namespace {

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

ChainDeletion::ChainDeletion(qint64 chainId, Services services, QObject *parent)
    : QObject(parent)
    , m_chainId(chainId)
    , m_services(std::move(services))
{
    const QStringList names = stepNames();
    QStringList journalNames;
    for (const char *name : StepNames)
        journalNames.append(QString::fromLatin1(name));
    StoreThread *writer = m_services.writer;

    // Journal the step, do it, journal it done: one writer job, so "started" without "done"
    // means exactly that the process died inside the step.
    auto journaled = [writer, chainId](int step, QString name, std::function<Status(Store &)> work) {
        return [writer, chainId, step, name, work]() {
            return writer->run([chainId, step, name, work](Store &store) -> Status {
                if (Status s = ChainRegistry(store).recordDeletionStep(chainId, step, name, false); !s)
                    return s;
                if (Status s = work(store); !s)
                    return s;
                return ChainRegistry(store).recordDeletionStep(chainId, step, name, true);
            });
        };
    };
    auto inMemory = [journaled](int step, QString name, std::function<void()> work) {
        return [journaled, step, name, work]() {
            work();
            return journaled(step, name, [](Store &) { return Status(); })();
        };
    };

    m_steps = {
        // The indexer is told to stop now, not at the next snapshot (which, the chain gone from
        // it, might never differ again).
        {names[0], inMemory(1, journalNames[0], [stop = m_services.stopIndexing, chainId]() { stop(chainId); })},
        {names[1], journaled(2, journalNames[1], [chainId](Store &s) { return ChainRegistry(s).markChainDeleting(chainId); })},
        {names[2], journaled(3, journalNames[2], [chainId](Store &s) { return ChainRegistry(s).removeGlobalRows(chainId, evmEntities()); })},
        {names[3], inMemory(4, journalNames[3], [clear = m_services.clearCaches, chainId]() { clear(chainId); })},
        {names[4], journaled(5, journalNames[4], [chainId](Store &s) {
             return s.transaction([&]() -> Status {
                 if (Status st = ChainRegistry(s).deleteTrackingRows(chainId); !st)
                     return st;
                 return MetricsStore(s).removeChain(chainId);   // the chart history
             });
         })},
        {names[5], journaled(6, journalNames[5], [chainId](Store &s) { return ChainRegistry(s).dropChainTables(chainId); })},
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
        then(m_services.writer->run([chainId](Store &s) { return ChainRegistry(s).forgetChain(chainId); }), this, [this](Status s) { finish(s); });
        return;
    }
    const Step &step = m_steps[index];
    Q_EMIT progress(m_chainId, index + 1, step.name, false);
    then(step.run(), this, [this, index](Status s) {
        if (!s) {
            finish(Error{s.error().kind, s.error().field,
                         tr("Deleting chain %1 stopped at step %2 (%3): %4. Run the delete again to finish it.")
                             .arg(m_chainId).arg(index + 1).arg(m_steps[index].name, s.error().message)});
            return;
        }
        Q_EMIT progress(m_chainId, index + 1, m_steps[index].name, true);
        if (m_services.afterStep) {
            if (Status observed = m_services.afterStep(m_chainId, index + 1); !observed) {
                finish(observed);
                return;
            }
        }
        runStep(index + 1);
    });
}

void ChainDeletion::finish(Status status)
{
    if (status) {
        qCInfo(lcEngine) << "chain" << m_chainId << "deleted";
        Q_EMIT deleted(m_chainId);
    }
    m_promise->addResult(status);
    m_promise->finish();
    deleteLater();
}

} // namespace arbor
