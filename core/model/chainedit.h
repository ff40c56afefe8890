#pragma once

#include "error.h"
#include "model/chainconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace arbor {

/**
 * What an operator changes on a registered chain (`arborctl chain edit`, the console's Edit
 * Chain dialog). Every member left empty keeps what the chain has.
 *
 * apply() checks the edit against the chain as stored, without network or database: the new
 * configuration must pass ChainConfig::validate() as at add, a removed URL must be one of the
 * chain's, an added URL or registry must be new, and at least one URL must remain. Errors name
 * the field as the operator typed it: "name", "add rpc", "remove rpc", "prefer rpc", "poll interval",
 * "confirmations", "rpc rate", "add registry".
 *
 * New URLs must also answer eth_chainId with the chain's id: ChainService::editChain() probes them
 * before anything is written.
 */
struct ChainEdit
{
    static constexpr double MaxRpcRate = 100000;

    std::optional<QString> name;
    QList<QUrl> addRpcUrls;                ///< appended after the chain's URLs, in this order
    QList<QUrl> removeRpcUrls;
    /// URLs of the chain (after the adds and removals) to put first, in this order; the others
    /// keep their order after them. The first URL is the one the indexer prefers.
    QList<QUrl> rpcUrlOrder;
    std::optional<int> pollIntervalMs;
    std::optional<int> confirmations;
    std::optional<double> rpcRateLimit;    ///< requests per second per URL, on every URL; 0 = unlimited
    QList<RegistryRef> addRegistries;      ///< indexed from the chain's start block (backfilled)
    /// Which blocks the daily statistics count; "every" on a chain indexed with "events" fetches
    /// the missing headers of its indexed history as a backfill (BatchMode::Headers).
    std::optional<BlockStats> blockStats;

    bool isEmpty() const;
    /// The chain's configuration after this edit (rpcRateLimit: the rate its URLs get), or the
    /// first problem found.
    Result<ChainConfig> apply(const ChainRecord &chain) const;
    /// True when the edit changes what the chain's RPC pool is made of (URLs or their rate).
    bool changesEndpoints() const { return !addRpcUrls.isEmpty() || !removeRpcUrls.isEmpty() || !rpcUrlOrder.isEmpty() || rpcRateLimit.has_value(); }

    friend bool operator==(const ChainEdit &, const ChainEdit &) = default;

    // Last: the macro leaves the access at private.
    Q_DECLARE_TR_FUNCTIONS(arbor::ChainEdit)
};

/// The form URLs are compared in: path segments normalised, no trailing slash, an empty path for "/".
QString rpcUrlKey(const QUrl &url);

/// The operator's rate on a registered chain's URLs (the first endpoint's; 0 = unlimited).
double chainRpcRate(const ChainRecord &chain);

} // namespace arbor
