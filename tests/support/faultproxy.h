#pragma once

#include "faultplan.h"

#include <QMap>
#include <QString>
#include <QUrl>

#include <array>
#include <cstddef>
#include <memory>

class QThread;

namespace arbor::test {

/**
 * A fault-injecting HTTP/1.1 reverse proxy on 127.0.0.1 in front of one JSON-RPC endpoint
 * (usually Devnet's anvil), for tests of RPC clients under failure.
 *
 * Every request, whatever its path, goes to the upstream URL with its method and body and
 * the client's end-to-end headers (not Host, Connection, Accept-Encoding and the like). The
 * client gets the upstream's status, Content-Type and body; an upstream that does not answer
 * gives 502. Connections are kept alive (HTTP/1.1 default, or "Connection: keep-alive" for
 * HTTP/1.0) and requests on one connection are answered in order. Request bodies need a
 * Content-Length; chunked bodies get 501.
 *
 * Before any fault is drawn, a request meets the ProviderLimits set with setLimits(), as at a
 * hosted provider: batch size, calls per second (429 with Retry-After), eth_getLogs block
 * range and result count (see ProviderLimits for the exact statuses and messages). By
 * default nothing is limited.
 *
 * Faults follow a FaultPlan. Request n (counted from start() or the last setSeed()) gets
 * FaultPlan::decide(body, seed, n), so the same seed and the same order of
 * requests give the same faults, and a request retried after a fault is drawn anew: with
 * probabilities below 1, a retrying client eventually gets through. Requests the limits
 * refuse are neither drawn nor numbered.
 *
 * Threads: the proxy runs on its own QThread, so the test's thread may block in an event
 * loop or a wait without stalling it. All public functions may be called from any thread
 * except the proxy's; start(), stop() and setDead() block until the proxy thread has acted.
 *
 * \code
 *     FaultProxy proxy(devnet.rpcUrl(), 42);
 *     QVERIFY2(proxy.start(&error), qPrintable(error));
 *     FaultPlan plan;
 *     plan.serverError = 0.2;
 *     plan.onlyMethod = u"eth_getLogs"_s;
 *     proxy.setFaults(plan);
 *     // point the client at proxy.url() ...
 *     QCOMPARE(proxy.counters().fault(FaultProxy::Fault::ServerError), 3u);
 *
 *     ProviderLimits limits; // Infura-like
 *     limits.maxBatch = 100;
 *     limits.requestsPerSecond = 10;
 *     limits.maxLogResults = 10000;
 *     proxy.setLimits(limits);
 *     // ... the client indexes through proxy.url() ...
 *     QVERIFY(proxy.counters().largestBatchAdmitted <= 100);
 * \endcode
 */
class FaultProxy final
{
public:
    using Fault = arbor::test::Fault;

    /// How a dead proxy refuses.
    enum class DeadMode {
        /// Stop listening: connecting fails with "connection refused", as with a stopped node.
        /// The port stays bound meanwhile: no other process asking for a free port gets it.
        Refuse,
        /// Keep listening but reset every connection at once, as with a crashing load balancer.
        Reset,
    };

    /**
     * A snapshot of what the proxy has seen since start() or resetCounters(). A request is
     * counted before its answer (or reset) leaves the proxy, so once a client has its result
     * the counters include it. Faults are counted when drawn, so a delayed request whose
     * client gave up still counts. QNetworkAccessManager resends a request once when its
     * connection is closed before any answer: one client request then shows as two
     * requests and two ConnectionReset faults.
     */
    struct Counters
    {
        quint64 connections = 0;       ///< connections accepted (dead-mode resets excluded)
        quint64 requests = 0;          ///< complete requests read
        quint64 forwarded = 0;         ///< requests sent upstream
        quint64 upstreamAnswered = 0;  ///< forwarded requests the upstream answered (any HTTP status)
        quint64 upstreamFailures = 0;  ///< forwarded requests the upstream did not answer (client got 502)
        quint64 deadResets = 0;        ///< connections reset on arrival in DeadMode::Reset
        quint64 diverted = 0;          ///< requests sent to another node by divertRequests()
        quint64 logsByBlockHash = 0;   ///< eth_getLogs calls naming a blockHash (EIP-234), batch elements each
        std::array<quint64, FaultCount> faults{};

        // ProviderLimits. The calls a client sent add up to callsAdmitted + rangeRefused +
        // the calls of the requests counted in batchRefused and rateLimited.
        quint64 batchRefused = 0;    ///< requests answered 400 for maxBatch
        quint64 rateLimited = 0;     ///< requests answered 429 for requestsPerSecond
        quint64 rangeRefused = 0;    ///< eth_getLogs calls (batch elements each) refused for maxLogRange
        quint64 resultsRefused = 0;  ///< eth_getLogs calls (batch elements each) refused for maxLogResults
        /// Calls (batch elements each) that passed maxBatch, requestsPerSecond and maxLogRange
        /// and went on to the FaultPlan draw, those later refused for maxLogResults included.
        quint64 callsAdmitted = 0;
        /// The most calls admitted from one request: 1 for a single call, the batch size for
        /// a batch (less its range-refused calls); 0 before any admission.
        quint64 largestBatchAdmitted = 0;
        /// The longest request body read, in bytes (refused and faulted requests included).
        quint64 largestBody = 0;
        /// Every call received, by the "method" it names, each element of a batch apart, whatever
        /// became of it (refused, rate limited, faulted or forwarded): what a provider bills. A
        /// body that is not JSON counts as one call of "(not json)", an element without a method
        /// as one of "(no method)".
        QMap<QString, quint64> callsByMethod;
        /// Of those, the calls of requests given an answer fault (every kind but Delay), by method.
        QMap<QString, quint64> faultedCallsByMethod;

        quint64 fault(Fault kind) const { return faults[std::size_t(kind)]; }
        /// Requests given an answer fault (every kind but Delay).
        quint64 answerFaults() const;
    };

    /// A proxy for \a upstream (e.g. Devnet::rpcUrl()); nothing runs before start().
    explicit FaultProxy(const QUrl &upstream, quint64 seed = 1);
    /// Stops the proxy and its thread.
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    /// Starts the thread and listens on a free loopback port. Restarts if already running.
    bool start(QString *error);
    /// Closes every connection, aborts upstream requests and ends the thread; safe when stopped.
    void stop();
    bool isRunning() const;

    /// http://127.0.0.1:port/ while running; empty otherwise.
    QUrl url() const;
    quint16 port() const;
    QUrl upstream() const;

    /// Takes effect for requests read from now on (a request already drawn keeps its fault).
    void setFaults(const FaultPlan &plan);
    FaultPlan faults() const;
    /// Same as setFaults(FaultPlan::passthrough()).
    void setPassthrough();

    /**
     * Takes effect for requests read from now on. Also refills the requestsPerSecond bucket
     * (start() does too), so a test begins with a provider that has seen nothing.
     */
    void setLimits(const ProviderLimits &limits);
    ProviderLimits limits() const;

    /// Sets the seed and restarts the request numbering the draws use.
    void setSeed(quint64 seed);
    quint64 seed() const;

    /**
     * Dead: open connections are reset and new ones refused as \a mode says. Alive again:
     * listens on the same port. Returns false only when that port was taken meanwhile
     * (the proxy then stays dead) or the proxy is not running.
     */
    bool setDead(bool dead, DeadMode mode = DeadMode::Refuse);
    bool isDead() const;

    /**
     * Requests whose body contains every one of \a markers are counted and drawn as any other,
     * then held after their delay, unanswered and not forwarded, until releaseHeld() (a test
     * makes the node change meanwhile); empty: none is held.
     */
    void holdRequests(QList<QByteArray> markers);
    /// Holds no more, and sends the requests held so far on as their draws said.
    void releaseHeld();
    /// Requests held and not yet released (nor closed by their client).
    int heldRequests() const;
    /**
     * The next \a count requests whose body contains every one of \a markers are forwarded to
     * \a to instead of the upstream, as a provider's load balancer sends some requests of one
     * URL to another node (which may be behind, or on another fork at the tip). Counted and
     * drawn as any other request.
     */
    void divertRequests(QList<QByteArray> markers, const QUrl &to, int count);

    Counters counters() const;
    void resetCounters();

private:
    struct Shared;
    class Server;
    class Connection;

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
    Server *m_server = nullptr; // lives on m_thread, deleted by stop()
};

} // namespace arbor::test
