#pragma once

#include "store/store.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <atomic>
#include <exception>
#include <memory>
#include <type_traits>

namespace arbor {

/**
 * A thread that owns one Store connection and runs jobs on it in order.
 *
 * All writes of an engine go through one StoreThread (the writer); reads for snapshots go
 * through another, so a long write never delays the console's view. Jobs are posted with
 * run(); their results come back as QFutures, whose continuations the caller attaches to its
 * own thread with QFuture::then(context, …).
 *
 * A job that throws fails alone: its future holds an Internal Error naming what was thrown (its
 * transaction rolled back by Store::transaction), and the next job runs as usual.
 *
 * Thread: created, used and destroyed by its owner's thread; the Store lives on the worker.
 * run() may also be called from threads the owner joins before close() or destruction.
 */
class StoreThread final : public QObject
{
    Q_OBJECT

public:
    explicit StoreThread(QString name, QObject *parent = nullptr);
    /// Finishes queued jobs, closes the Store on its thread, then stops the thread; after
    /// close() has resolved, only joins the thread that has already finished.
    ~StoreThread() override;

    /// Opens the Store on the worker thread.
    QFuture<Status> open(const DatabaseUrl &url, const QString &password);
    bool isOpen() const { return m_open.load(); }
    /**
     * What the destructor does, without blocking the caller: the jobs queued so far run, the
     * Store closes on its thread and the thread ends; the future resolves when it has. Jobs
     * run() after this fail at once as "not open". Calling it again returns the same future.
     */
    QFuture<void> close();

    template<typename F>
    auto run(F job) -> QFuture<std::invoke_result_t<F, Store &>>
    {
        using T = std::invoke_result_t<F, Store &>;
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        if (m_closing.load()) {
            promise->addResult(T(Error::unavailable(QStringLiteral("database"), notOpenMessage())));
            promise->finish();
            return future;
        }
        QMetaObject::invokeMethod(m_worker, [this, promise, job = std::move(job)]() mutable {
            if (!m_store) {
                promise->addResult(T(Error::unavailable(QStringLiteral("database"), notOpenMessage())));
            } else {
                // A job that throws (a library's exception the store did not convert) fails
                // alone, as an Error the operator sees; the thread and the other jobs go on.
                try {
                    promise->addResult(job(*m_store));
                } catch (const std::exception &e) {
                    promise->addResult(T(jobFailed(e.what())));
                } catch (...) {
                    promise->addResult(T(jobFailed(nullptr)));
                }
            }
            promise->finish();
        });
        return future;
    }

private:
    static QString notOpenMessage();
    /// Logs what a job threw (Store::transaction has rolled back); the Error its future holds.
    static Error jobFailed(const char *what);

    QThread m_thread;
    QObject *m_worker = nullptr;       ///< lives on m_thread; jobs are posted to it
    std::unique_ptr<Store> m_store;    ///< touched only on m_thread
    std::atomic<bool> m_open{false};
    std::atomic<bool> m_closing{false};   ///< close() was called; m_worker goes with the thread
    QFuture<void> m_closed;
};

} // namespace arbor
