#pragma once

#include "error.h"
#include "model/address.h"
#include "model/endpointstatus.h"
#include "model/evm.h"
#include "model/rpccalls.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace arbor {

/// An ERC-8004 registry contract indexed on a chain.
struct RegistryRef
{
    RegistryKind kind = RegistryKind::Identity;
    Address address;

    friend bool operator==(const RegistryRef &, const RegistryRef &) = default;
};

/// Parses "identity=0x…,reputation=0x…,validation=0x…" (any subset, each kind at most once).
Result<QList<RegistryRef>> parseRegistries(const QString &text, const QString &field);

/**
 * How a token's balances are computed.
 *
 * Transfers: the exact sum of the token's indexed Transfer events, in minus out, kept current
 * by promotion. Right exactly when indexing starts at or before the token's first Transfer,
 * which adding a token checks with eth_getLogs (every node serves logs).
 * BalanceOf: `balanceOf(holder)` by `eth_call`, at the checkpoint on a node that serves
 * historical state, at the newest block otherwise. For tokens with Transfers before the start
 * block, and for tokens whose balances change without Transfer events (rebasing).
 */
enum class BalanceMode { Transfers, BalanceOf };
QString balanceModeName(BalanceMode mode);                    ///< "transfers", "balance_of"
/// Invalid error naming `field` and the accepted values.
Result<BalanceMode> parseBalanceMode(const QString &text, const QString &field = QStringLiteral("mode"));

/**
 * Which blocks a chain's daily statistics count.
 *
 * Events: only the blocks that hold the chain's events have their headers fetched below the
 * reorg window (one eth_getLogs per range and the headers of the blocks with logs), so a sparse
 * chain costs its logs, not its length; daily transfers and active holders are exact, daily
 * blocks, transactions and gas are not counted. Every: one header per block, so those are
 * exact too, at one call per block.
 */
enum class BlockStats { Events, Every };
QString blockStatsName(BlockStats stats);                     ///< "events", "every"
/// Invalid error naming `field` and the accepted values.
Result<BlockStats> parseBlockStats(const QString &text, const QString &field = QStringLiteral("block-stats"));

/// An ERC-20 token as fetched from the chain (eth_call) when it is added.
struct TokenInfo
{
    Address address;
    QString name;
    QString symbol;
    std::optional<int> decimals;
    std::optional<qint64> deployBlock;     ///< empty when the node could not tell (see note)
    QString deployBlockNote;               ///< why deployBlock is empty, for the operator
    /// Set by the token probe (from eth_getLogs before the start block) or the operator; when
    /// unset at registration, Transfers if the chain is indexed from deployBlock, BalanceOf
    /// otherwise. Always set on tokens read back from the database.
    std::optional<BalanceMode> balanceMode;
    /// Why the token got its mode, in the operator's words ("No Transfer before block …").
    QString balanceModeReason;

    friend bool operator==(const TokenInfo &, const TokenInfo &) = default;
};

/// What an operator asks for when adding a chain (`arborctl chain add`, the onboarding wizard).
struct ChainConfig
{
    static constexpr qint64 MaxChainId = 9007199254740991;  // 2^53 - 1: what JSON tooling keeps exact
    static constexpr int MaxConfirmations = 10000;
    static constexpr int MaxNameLength = 64;

    qint64 chainId = 0;
    QString name;
    QList<QUrl> rpcUrls;                 ///< in priority order: the first is preferred
    std::optional<qint64> startBlock;    ///< empty: start at the head seen when the chain is added
    int confirmations = 0;
    int pollIntervalMs = 2000;
    QList<Address> tokens;
    QList<RegistryRef> registries;
    double rpcRateLimit = 0;             ///< requests per second per RPC URL; 0 = unlimited
    BlockStats blockStats = BlockStats::Events;

    /// Checks every field on its own (no network, no database): the first problem found.
    Status validate() const;

    friend bool operator==(const ChainConfig &, const ChainConfig &) = default;

    // Last: the macro leaves the access at private.
    Q_DECLARE_TR_FUNCTIONS(arbor::ChainConfig)
};

/// Parses an RPC URL as typed by an operator: http(s) only, host required, no embedded
/// credentials (those would end up in the database). An API key in the path or query may be
/// written as `${keychain:NAME}` or `${env:VAR}` (model/urlsecrets.h): the placeholders are
/// checked (syntax, names, only after the host) and the URL kept with them.
Result<QUrl> parseRpcUrl(const QString &text, const QString &field);

/// Parses a chain name or numeric id as typed on a command line.
struct ChainRef
{
    std::optional<qint64> id;
    QString name;
    static ChainRef parse(const QString &text);
    QString toString() const { return id ? QString::number(*id) : name; }
};

enum class ChainState {
    Active,
    Paused,
    Deleting,
};
QString chainStateName(ChainState state);

/// The health of one RPC endpoint as last recorded.
/// What Arbor has learned one endpoint accepts, kept on its rpc_endpoints row. 0 = not learned.
struct EndpointLimits
{
    double learnedRate = 0;         ///< calls per second learned from its 429s (unless the operator set one)
    int maxBatch = 0;               ///< calls per JSON-RPC batch it accepts, learned from a refusal
    qint64 logRangeLimit = 0;       ///< blocks per eth_getLogs it accepts, as its refusal stated
    qint64 logResultLimit = 0;      ///< logs per eth_getLogs answer it returns, as its refusal stated

    friend bool operator==(const EndpointLimits &, const EndpointLimits &) = default;
};

struct EndpointRecord
{
    qint64 id = 0;
    QUrl url;
    int priority = 0;
    EndpointStatus status = EndpointStatus::Unknown;
    std::optional<double> latencyMs;
    std::optional<qint64> lastHead;
    QDateTime lastHeadAt;    ///< when it last reported its head (invalid: never)
    QString lastError;
    /// lastError as a token ("refused", "timeout": Error::code) where it had one; this process's
    /// own measurement only (not stored: empty when read from the database).
    QString lastErrorCode;
    QString clientVersion;
    /// Whether the node serves state at old blocks (an archive node): detected once per
    /// endpoint. Unset until detected. Without it, balanceOf is read at the newest block.
    std::optional<bool> servesHistory;
    QString historyNote;               ///< what the detection saw, e.g. the node's refusal
    double maxRequestsPerSecond = 0;   ///< the operator's rate limit; 0 = none (learned from 429s instead)
    EndpointLimits limits;             ///< what it was learned to accept
    double errorRate = 0;              ///< recent failures, 0…1
    qint64 requests = 0;
    qint64 failures = 0;
    QDateTime lastErrorAt;
    RpcCalls calls;                    ///< JSON-RPC calls by method, every process's (rpc_call_counts)
    RpcPrices prices;                  ///< the operator's price per call by method; empty: none

    friend bool operator==(const EndpointRecord &, const EndpointRecord &) = default;
};

/// The headers of a chain's indexed history being fetched after its block statistics were set
/// to "every" (a backfill of kind 'headers').
struct HeaderBackfill
{
    qint64 from = 0;
    qint64 to = 0;
    qint64 next = 0;                        ///< first block whose headers are still to come

    double progress() const { return to >= from ? double(next - from) / double(to - from + 1) : 1.0; }
    friend bool operator==(const HeaderBackfill &, const HeaderBackfill &) = default;
};

/// A registered chain as stored: configuration plus state.
struct ChainRecord
{
    ChainConfig config;
    ChainState state = ChainState::Active;
    QDateTime createdAt;
    QList<EndpointRecord> endpoints;
    std::optional<qint64> checkpointBlock;
    QList<TokenInfo> tokens;                ///< metadata of config.tokens, same order
    std::optional<HeaderBackfill> headerBackfill;
    /// Events per block in the sample of its range taken when the chain was added (the wizard's
    /// review, `arborctl chain add`): how wide the indexer's first eth_getLogs go. Empty: never sampled.
    std::optional<double> sampledLogsPerBlock;
    /// On a database several engines share: the engine whose chain lease is live now (empty
    /// when none is, and on a database one engine serves).
    QString indexedBy;

    friend bool operator==(const ChainRecord &, const ChainRecord &) = default;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::ChainRecord)
