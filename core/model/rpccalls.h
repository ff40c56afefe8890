#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <optional>

namespace arbor {

/**
 * The JSON-RPC calls of one method sent to one endpoint. Hosted providers bill and rate-limit per
 * call: every element of a batch is a call, and a call sent again (a retry, a 429 waited out) is
 * a call again.
 */
struct MethodCalls
{
    qint64 calls = 0;
    /// Of those, the calls whose request came to nothing Arbor could use: no answer, an HTTP error
    /// (429 included), a JSON-RPC error or a malformed answer. Every call of a failed batch counts.
    qint64 failed = 0;

    friend bool operator==(const MethodCalls &, const MethodCalls &) = default;
};

/**
 * JSON-RPC calls by method name ("eth_getLogs"), as counted on the way out (EndpointPool) and kept
 * per chain, endpoint and method in rpc_call_counts. A plain value; thread: any.
 */
struct RpcCalls
{
    /// The method name of a call Arbor could not read one from (a body that is not JSON-RPC).
    static QString unknownMethod() { return QStringLiteral("(unknown)"); }

    QMap<QString, MethodCalls> byMethod;   ///< ordered by method name

    /**
     * The calls of one request body as it goes out: a single call, or a batch counted element by
     * element, each under the "method" it names. A body that is not JSON, or an element without a
     * method, counts as one call of unknownMethod(): it was sent, and billed, all the same.
     */
    static RpcCalls inRequest(const QByteArray &body);

    bool isEmpty() const { return byMethod.isEmpty(); }
    qint64 total() const;
    qint64 totalFailed() const;
    void add(const RpcCalls &other);
    /// Every call of `sent` (counted with add() when it went out) failed: added to `failed` only.
    void addFailures(const RpcCalls &sent);

    friend bool operator==(const RpcCalls &, const RpcCalls &) = default;
};

/**
 * What a provider charges per call, by method, in its own unit (Alchemy's compute units,
 * Infura's credits): set by the operator per endpoint (`arborctl chain set-rpc-price`) and kept
 * on its rpc_endpoints row as JSON, {"eth_getLogs":75,"eth_blockNumber":10}.
 */
struct RpcPrices
{
    static constexpr qint64 MaxUnits = 1000000000;   ///< per call: far above any provider's price

    QMap<QString, qint64> unitsPerCall;

    bool isEmpty() const { return unitsPerCall.isEmpty(); }
    /// calls × price of the method; empty when the method has no price.
    std::optional<qint64> units(const QString &method, qint64 calls) const;
    /// The sum of calls × price over the methods that have one; empty when none of `calls` has.
    std::optional<qint64> units(const RpcCalls &calls) const;

    /// Compact JSON, {"eth_getLogs":75}; empty when there is no price (stored as NULL).
    QString toJson() const;
    /// Reads toJson()'s text (empty: no price). Invalid error naming `field` for anything else.
    static Result<RpcPrices> fromJson(const QString &text, const QString &field);

    friend bool operator==(const RpcPrices &, const RpcPrices &) = default;

    Q_DECLARE_TR_FUNCTIONS(arbor::RpcPrices)
};

/// Whether `method` is a JSON-RPC method name as providers price them: 1–64 letters, digits and
/// underscores, starting with a letter ("eth_getLogs"). Invalid error naming `field` otherwise.
Status checkRpcMethodName(const QString &method, const QString &field);

} // namespace arbor
