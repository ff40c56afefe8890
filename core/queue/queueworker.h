#pragma once

#include "queue/queueprocessor.h"
#include "rpc/jsonrpcclient.h"
#include "model/chainconfig.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace arbor {

/**
 * One balance-queue worker: a QObject on its own thread with its own Store connection.
 *
 * It claims a batch per enabled chain in turn, computes Transfers-mode balances in the
 * database (one transaction) and BalanceOf-mode balances by batched `eth_call`s, then
 * completes the batch. Full batches are followed at once; an empty pass waits for the
 * chains' interval. It also takes back items of crashed workers.
 *
 * Thread: constructed on the owner's thread, moved to the worker thread; every slot runs there.
 */
class QueueWorker final : public QObject
{
    Q_OBJECT

public:
    QueueWorker(DatabaseUrl url, QString password, QueueOptions options, QString workerId);
    ~QueueWorker() override;

    void start();
    /// Finishes the batch in hand, then emits stopped().
    void stop();
    /// Stops now: balanceOf calls in flight are abandoned and their items taken back later.
    /// The Store closes here, on the worker's thread.
    void halt();

Q_SIGNALS:
    void batchDone(const arbor::QueueRunStats &stats);
    void workerError(const QString &message);
    void stopped();

private:
    void tick();
    void scheduleTick(int ms);
    Status refresh();
    /// Claims and processes one batch of `config`'s chain; false when nothing was claimed.
    /// Calls `done` when the batch is complete (at once, or after its balanceOf calls).
    Result<bool> processChain(const QueueConfig &config, std::function<void()> done);
    using BalancesDone = std::function<void(QList<ComputedBalance>, QList<QueueItemError>)>;
    /// balanceOf for `items` through the chain's endpoints: at the checkpoint, or where the node
    /// keeps no state there, at its newest block `confirmations` deep.
    void fetchBalances(const ChainRecord &chain, QList<QueueItem> items, BalancesDone done);
    void call(const QUrl &url, qint64 endpointId, const QString &method, const QJsonArray &params, JsonRpcClient::Callback done);
    /// Where the calls sent to the endpoint are counted until saveCalls() adds them to its chain's.
    std::shared_ptr<RpcCalls> callsOf(qint64 endpointId);
    /// Adds the calls sent to the chain's endpoints since the last save to rpc_call_counts.
    void saveCalls(const ChainRecord &chain);
    void finishStop();

    DatabaseUrl m_url;
    QString m_password;
    QueueOptions m_options;
    QString m_workerId;
    std::unique_ptr<Store> m_store;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_timer;
    QList<QueueConfig> m_configs;
    QHash<qint64, ChainRecord> m_chains;
    QHash<qint64, std::shared_ptr<RpcCalls>> m_calls;   ///< by rpc_endpoints.id, not saved yet
    QElapsedTimer m_sinceRefresh;
    QElapsedTimer m_sinceReclaim;
    qsizetype m_nextChain = 0;
    quint64 m_claims = 0;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace arbor
