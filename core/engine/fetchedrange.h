#pragma once

#include "model/address.h"
#include "model/chainconfig.h"
#include "model/evm.h"

#include <QList>

#include <map>
#include <optional>

namespace arbor {

struct IndexBatch;

/**
 * What RangeFetcher does with a range once its answers are in, before the range is indexed: the
 * logs in chain order, the headers it keeps, the check that every log came from the block whose
 * header was fetched, and the logs decoded into the batch's events.
 *
 * Thread: pure functions, any thread.
 */
namespace fetchedrange {

/// Sorts `logs` by block, then log index: nodes answer in chain order, but a split range's pieces
/// arrive as they come.
void sortInChainOrder(QList<LogEntry> &logs);

/// Of a range's headers (ascending), keeps its first, its last and those of the blocks that hold
/// one of `logs` (in chain order).
void keepEdgesAndLogBlocks(QList<BlockHeader> &headers, const QList<LogEntry> &logs);

/// The block of the first of `logs` (in chain order) with no header among `headers` (ascending)
/// of its number and hash: a log of another fork than the header fetched. Nullopt when every log
/// has its block's header.
std::optional<qint64> firstLogWithoutItsHeader(const QList<BlockHeader> &headers, const QList<LogEntry> &logs);

/// Decodes `logs` into `batch`'s transfers and ERC-8004 events: a log of one of `registries` by
/// that registry's kind, any other Transfer as an ERC-20 transfer, the rest ignored. Removed logs
/// are left out. Returns how many could not be decoded; each is logged, naming `chainId`.
qint64 decodeLogs(const QList<LogEntry> &logs, const std::map<Address, RegistryKind> &registries, IndexBatch &batch,
                  qint64 chainId);

} // namespace fetchedrange
} // namespace arbor
