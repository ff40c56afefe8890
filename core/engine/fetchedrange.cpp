#include "engine/fetchedrange.h"

#include "model/evmevents.h"
#include "store/indexbatch.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcIndexer)

namespace arbor::fetchedrange {

void sortInChainOrder(QList<LogEntry> &logs)
{
    const auto inChainOrder = [](const LogEntry &a, const LogEntry &b) {
        return a.blockNumber != b.blockNumber ? a.blockNumber < b.blockNumber : a.logIndex < b.logIndex;
    };
    if (!std::is_sorted(logs.cbegin(), logs.cend(), inChainOrder))
        std::sort(logs.begin(), logs.end(), inChainOrder);
}

void keepEdgesAndLogBlocks(QList<BlockHeader> &headers, const QList<LogEntry> &logs)
{
    QList<BlockHeader> kept;
    qsizetype l = 0;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        while (l < logs.size() && logs[l].blockNumber < headers[i].number)
            ++l;
        const bool withLogs = l < logs.size() && logs[l].blockNumber == headers[i].number;
        if (i == 0 || i == headers.size() - 1 || withLogs)
            kept.append(std::move(headers[i]));
    }
    headers = std::move(kept);
}

std::optional<qint64> firstLogWithoutItsHeader(const QList<BlockHeader> &headers, const QList<LogEntry> &logs)
{
    qsizetype h = 0;
    for (const LogEntry &log : logs) {
        while (h < headers.size() && headers[h].number < log.blockNumber)
            ++h;
        if (h == headers.size() || headers[h].number != log.blockNumber || headers[h].hash != log.blockHash)
            return log.blockNumber;
    }
    return std::nullopt;
}

namespace {

/// What the indexer logs of a log it skipped: the chain, the log, and why it could not be decoded.
QString skippedLog(qint64 chainId, const LogEntry &log, const Error &error)
{
    return QStringLiteral("chain %1: skipped log %2 of block %3: %4").arg(chainId).arg(log.logIndex).arg(log.blockNumber).arg(error.message);
}

} // namespace

qint64 decodeLogs(const QList<LogEntry> &logs, const std::map<Address, RegistryKind> &registries, IndexBatch &batch,
                  qint64 chainId)
{
    qint64 skipped = 0;
    batch.transfers.reserve(batch.transfers.size() + logs.size());
    const Hash transfer = evmevents::transferTopic();
    for (const LogEntry &log : logs) {
        if (log.removed)
            continue;
        if (auto registry = registries.find(log.address); registry != registries.end()) {
            auto event = evmevents::decodeAgentEvent(log, registry->second);
            if (event) {
                batch.agentEvents.append(std::move(*event));
                continue;
            }
            // A registry's log of one of the topics asked for that does not decode: worth a warning.
            ++skipped;
            qCWarning(lcIndexer).noquote() << skippedLog(chainId, log, event.error());
            continue;
        }
        if (log.topicCount > 0 && log.topics[0] == transfer) {
            auto decoded = evmevents::decodeTransfer(log);
            if (decoded) {
                batch.transfers.append(std::move(*decoded));
                continue;
            }
            // A Transfer that is no ERC-20 one (an ERC-721 token's, say): common, so only a debug line.
            ++skipped;
            qCDebug(lcIndexer).noquote() << skippedLog(chainId, log, decoded.error());
        }
    }
    return skipped;
}

} // namespace arbor::fetchedrange
