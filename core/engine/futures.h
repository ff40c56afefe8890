#pragma once

// Small helpers for the QFutures Engine returns. Private to core/engine.

#include <QFuture>
#include <QPromise>

#include <memory>

namespace arbor::futures {

/// A future that already holds `value`.
template<typename T>
QFuture<T> ready(T value)
{
    QPromise<T> p;
    p.start();
    p.addResult(std::move(value));
    p.finish();
    return p.future();
}

/// A void future that has already finished.
inline QFuture<void> finished()
{
    QPromise<void> p;
    p.start();
    p.finish();
    return p.future();
}

template<typename T>
using SharedPromise = std::shared_ptr<QPromise<T>>;

template<typename T>
SharedPromise<T> makePromise()
{
    auto p = std::make_shared<QPromise<T>>();
    p->start();
    return p;
}

template<typename T>
void fulfil(const SharedPromise<T> &p, T value)
{
    p->addResult(std::move(value));
    p->finish();
}

/// Ends `p` without a result: its future is canceled, and continuations attached with then() do not run.
template<typename T>
void cancel(const SharedPromise<T> &p)
{
    p->future().cancel();
    p->finish();
}

} // namespace arbor::futures
