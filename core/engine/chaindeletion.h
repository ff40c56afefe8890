#pragma once

#include "error.h"
#include "engine/engineoptions.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace arbor {

class StoreThread;

/**
 * The journaled delete of one chain (DESIGN.md §7): stop indexing, mark deleted, remove global
 * rows, clear caches, delete admin tracking rows, drop the chain's tables, then forget the chain
 * and its journal. Each step is recorded in chain_deletions before and after it runs and is
 * idempotent, so a delete interrupted at any point is finished by running it again — which
 * Engine::start() does for every chain left in the journal.
 *
 * It touches nothing of the Engine's but the Services it is given. It deletes itself when done.
 *
 * Thread: the Engine's; database steps run on the writer thread.
 */
class ChainDeletion final : public QObject
{
    Q_OBJECT

public:
    /// What a delete needs from the engine that runs it.
    struct Services
    {
        StoreThread *writer = nullptr;
        /// Step 1: no new work starts for the chain and its indexer is told to stop.
        std::function<void(qint64 chainId)> stopIndexing;
        /// Step 4: the chain leaves every in-memory cache (the chain snapshot).
        std::function<void(qint64 chainId)> clearCaches;
        DeletionStepHook afterStep;   ///< optional
    };

    ChainDeletion(qint64 chainId, Services services, QObject *parent = nullptr);

    struct Step
    {
        QString name;
        std::function<QFuture<Status>()> run;
    };

    QFuture<Status> start();
    static QStringList stepNames();

Q_SIGNALS:
    /// Step `step` (1-based) named `name` started (`done` false) or completed (`done` true).
    void progress(qint64 chainId, int step, const QString &name, bool done);
    /// Every step is done and the chain is forgotten; emitted before start()'s future finishes.
    void deleted(qint64 chainId);

private:
    void runStep(int index);
    void finish(Status status);

    const qint64 m_chainId;
    const Services m_services;
    QList<Step> m_steps;
    std::shared_ptr<QPromise<Status>> m_promise;
};

} // namespace arbor
