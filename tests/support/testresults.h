#pragma once

// What every Engine-level test needs: the error of a failed Result for QVERIFY2, and the value of
// an Engine future, waited for while the event loop runs (results arrive as continuations).

#include <QByteArray>
#include <QFuture>
#include <QTest>

namespace arbor::test {

/// The error of a failed Result (or Status), for QVERIFY2; empty when it succeeded.
template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

/// Runs the event loop until `future` finishes and returns its result; a future that does not
/// finish within `timeoutMs` ends the test program (it would hang otherwise).
template<typename T>
T waitFor(QFuture<T> future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        qFatal("an engine future did not finish");
    return future.result();
}

} // namespace arbor::test
