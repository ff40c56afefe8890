#pragma once

#include "error.h"
#include "model/address.h"
#include "model/evm.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace arbor::evmjson {

/**
 * Building and parsing the JSON-RPC bodies the indexer exchanges with EVM nodes, on the hot path
 * (simdjson; no QJsonDocument).
 *
 * Every parse function validates what it reads: ids, sizes of hashes and addresses, quantities
 * in range. A body that is not what was asked for (malformed JSON, truncated, wrong id, missing
 * fields) is an Error of kind Invalid whose field names the JSON path ("result[3].hash"); the
 * EndpointPool counts it against the endpoint and tries another. An error object from the node
 * is an Error of kind Refused, without a field, whose message carries the node's code and text.
 *
 * Thread: pure functions, any thread. Each thread that parses keeps one simdjson parser whose
 * buffers are sized for the largest body it has parsed and reused, so the hot path does not
 * allocate them per call; that memory is held until the thread ends.
 */

/// A JSON-RPC batch of eth_getBlockByNumber(n, false) for n in [from, to], ids firstId….
QByteArray blockBatchRequest(qint64 from, qint64 to, qint64 firstId);
/// Parses the batch answer to blockBatchRequest (answers may come in any order). A null result
/// ("block not found": the node is behind) is blockNotServed() for the first such block.
Result<QList<BlockHeader>> parseBlockBatch(const QByteArray &body, qint64 from, qint64 to, qint64 firstId);
/// The same for the blocks `numbers` (ascending, distinct; the blocks that hold logs of a range).
QByteArray blockBatchRequest(const QList<qint64> &numbers, qint64 firstId);
/// Parses the answer to blockBatchRequest(numbers, firstId): the headers in the order of `numbers`.
Result<QList<BlockHeader>> parseBlockBatch(const QByteArray &body, const QList<qint64> &numbers, qint64 firstId);
/// eth_getBlockByNumber("finalized", false): the newest block the chain will not reorganise.
QByteArray finalizedBlockRequest(qint64 id);
/// The number of the finalized block; empty when the node has none yet (a null result). A node
/// that does not know the tag answers with an error (kind Refused).
Result<std::optional<qint64>> parseFinalizedBlock(const QByteArray &body, qint64 id);
/// The error for a block a node that answered does not serve yet (eth_getBlockByNumber gave
/// null: the node is behind the head it or another endpoint reported, or still importing the
/// block): Unavailable, field "eth_getBlockByNumber", a message naming the block.
Error blockNotServed(qint64 number);
/// Whether `error` is blockNotServed(): the endpoint is reachable and behind, not down.
bool isBlockNotServed(const Error &error);

/**
 * eth_getLogs over [from, to] for logs emitted by `addresses` whose topic0 is one of `topic0s`
 * (an empty list means any address / any topic).
 */
QByteArray logsRequest(qint64 from, qint64 to, const QList<Address> &addresses, const QList<Hash> &topic0s, qint64 id);
/// Parses the answer to logsRequest. Logs outside [from, to] are an Invalid error.
Result<QList<LogEntry>> parseLogs(const QByteArray &body, qint64 from, qint64 to, qint64 id);
/**
 * A JSON-RPC batch of eth_getLogs by block hash (EIP-234), one call per block of `hashes`
 * (ids firstId…), each with the filter of logsRequest(). The logs come from that block or
 * from none: a node on another fork does not know the hash.
 */
QByteArray logsByHashRequest(const QList<Hash> &hashes, const QList<Address> &addresses, const QList<Hash> &topic0s, qint64 firstId);
/// Parses the answer to logsByHashRequest: the logs of every block, in the order of `hashes`
/// (`numbers` their blocks' numbers). A log naming another block is an Invalid error; a node
/// that does not know a hash ("unknown block") gives blockNotServed() for that block.
Result<QList<LogEntry>> parseLogsByHash(const QByteArray &body, const QList<Hash> &hashes, const QList<qint64> &numbers, qint64 firstId);

/// A single call with `params` given as JSON text, e.g. call("eth_blockNumber", "[]", 1).
QByteArray callRequest(const char *method, const QByteArray &paramsJson, qint64 id);
/// The result of a single call that must be a quantity ("0x1b4") fitting a non-negative int64.
Result<qint64> parseQuantity(const QByteArray &body, qint64 id);
/// The result of a single call that must be a hex data string ("0x…"), e.g. eth_call, eth_getCode.
Result<QByteArray> parseData(const QByteArray &body, qint64 id);

/// Whether a node's error to a call naming a block by its hash says it does not know the block
/// ("unknown block": geth, anvil, reth; "block not found", "header not found" and the like).
/// JSON-RPC's "Method not found" (-32601) is a node without the method, not one behind: false.
bool isUnknownBlock(const Error &error);
/// Whether a node error says the log query was too large (too many results, response too big,
/// block range too wide): the caller should split the range rather than fail over.
bool isRangeTooLarge(const Error &error);
/// Whether a node's error message says it keeps no state at the block asked for (a pruned or
/// full node, one started from a state dump, most public endpoints).
bool isMissingState(const QString &message);
/// Whether an error message says a JSON-RPC batch had more calls than the endpoint accepts.
bool isBatchTooLarge(const QString &message);
/// Whether a node error (a JSON-RPC error object, not HTTP 429) says the caller is sending too
/// fast: "rate limit", "too many requests", "request rate exceeded" and the like.
bool isRateLimited(const QString &message);
/// The most blocks an eth_getLogs refusal says the endpoint serves ("maximum block range: 500",
/// "up to a 2K block range"); unset when it names no number.
std::optional<qint64> statedLogRangeLimit(const QString &message);
/// The most logs an eth_getLogs refusal says the endpoint returns ("more than 10000 results").
std::optional<qint64> statedLogResultLimit(const QString &message);

} // namespace arbor::evmjson
