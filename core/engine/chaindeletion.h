#pragma once

#include "error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace arbor {

class Engine;

/**
 * The journaled delete of one chain (DESIGN.md §7): stop indexing, mark deleted, remove global
 * rows, clear caches, delete admin tracking rows, drop the chain's tables, then forget the chain
 * and its journal. Each step is recorded in chain_deletions before and after it runs and is
 * idempotent, so a delete interrupted at any point is finished by running it again — which
 * Engine::start() does for every chain left in the journal.
 *
 * Thread: the Engine's; database steps run on the engine's writer thread.
 */
class ChainDeletion final : public QObject
{
    Q_OBJECT

public:
    ChainDeletion(Engine *engine, qint64 chainId);

    struct Step
    {
        QString name;
        std::function<QFuture<Status>()> run;
    };

    QFuture<Status> start();
    static QStringList stepNames();

private:
    void runStep(int index);
    void finish(Status status);

    Engine *m_engine;
    qint64 m_chainId;
    QList<Step> m_steps;
    std::shared_ptr<QPromise<Status>> m_promise;
};

} // namespace arbor
