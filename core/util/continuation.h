#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QThread>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace arbor {

namespace detail {

template<typename T, typename F>
auto continuationResult()
{
    if constexpr (std::is_invocable_v<F, QFuture<T>>)
        return std::type_identity<std::invoke_result_t<F, QFuture<T>>>{};
    else if constexpr (std::is_void_v<T>)
        return std::type_identity<std::invoke_result_t<F>>{};
    else
        return std::type_identity<std::invoke_result_t<F, T>>{};
}

template<typename T, typename F>
using ContinuationResult = typename decltype(continuationResult<T, F>())::type;

} // namespace detail

/**
 * Runs `f` on `context`'s thread once `future` has finished, and returns a future of what `f`
 * returns: the replacement for QFuture::then(context, f), which Arbor does not use.
 *
 * `f` takes the future's result (nothing for QFuture<void>), or the finished QFuture itself.
 * It does not run when `context` is destroyed first, nor when `future` was canceled without a
 * result; the returned future is then canceled. An exception `f` throws is stored in the
 * returned future, as QFuture::then does.
 *
 * Why not then(): Arbor's futures are finished on store and worker threads while the GUI attaches
 * continuations to them, and Qt 6.4's continuation machinery is not safe for that. Its
 * QFutureInterfaceBase::setContinuation runs a continuation at once when the future has just
 * finished, and then stores it as well (so Debian's 6.4.2 build reads); the finishing thread, not yet at
 * its runContinuation(), can then run it a second time, on a promise the first run moved from. A
 * console crashed in a soak in just that place (QFutureInterfaceBase::reportStarted, in a
 * continuation on the GUI thread). then(context) also reads `context` on the finishing thread.
 * A QFutureWatcher owned by `context` has neither problem: Qt posts its finished signal to it
 * under the future's lock, once, and it cannot outlive `context`.
 *
 * Call on `context`'s thread.
 */
template<typename T, typename F>
auto then(const QFuture<T> &future, QObject *context, F &&f) -> QFuture<detail::ContinuationResult<T, F>>
{
    using R = detail::ContinuationResult<T, F>;
    Q_ASSERT(context && context->thread() == QThread::currentThread());
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> result = promise->future();

    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, promise, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if constexpr (!std::is_invocable_v<F, QFuture<T>>) {
            bool hasResult = true;
            if constexpr (!std::is_void_v<T>)
                hasResult = done.resultCount() > 0;
            if (done.isCanceled() && (std::is_void_v<T> || !hasResult)) {
                promise->future().cancel();
                promise->finish();
                return;
            }
        }
        try {
            if constexpr (std::is_invocable_v<F, QFuture<T>>) {
                if constexpr (std::is_void_v<R>)
                    f(done);
                else
                    promise->addResult(f(done));
            } else if constexpr (std::is_void_v<T>) {
                if constexpr (std::is_void_v<R>)
                    f();
                else
                    promise->addResult(f());
            } else {
                if constexpr (std::is_void_v<R>)
                    f(done.result());
                else
                    promise->addResult(f(done.result()));
            }
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    });
    watcher->setFuture(future);
    return result;
}

} // namespace arbor
