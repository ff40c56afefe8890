// Throughput of the indexer's hot path: parsing an eth_getLogs answer of 100,000 logs (~60 MB)
// and decoding its ERC-20 Transfers; a 100-block eth_getBlockByNumber batch for scale.
// Google Benchmark reports bytes/s and items/s (logs/s).   bench_evmjson [--benchmark_* options]
#include "model/evmevents.h"
#include "rpc/evmjson.h"

#include <benchmark/benchmark.h>

using namespace arbor;

namespace {

constexpr int LogCount = 100000;
constexpr qint64 FromBlock = 19000000;

QByteArray hexWord(quint64 seed)
{
    QByteArray w(32, '\0');
    for (int i = 0; i < 8; ++i)
        w[31 - i] = char(seed >> (8 * i));
    w[0] = char(seed * 31);
    return w.toHex();
}

// An answer shaped like a mainnet node's: Transfer logs with three topics and one data word.
QByteArray logsBody()
{
    QByteArray body;
    body.reserve(LogCount * 620);
    body += R"({"jsonrpc":"2.0","id":1,"result":[)";
    for (int i = 0; i < LogCount; ++i) {
        const qint64 block = FromBlock + i / 200;
        if (i)
            body += ',';
        body += R"({"address":"0x)" + hexWord(i % 500).right(40) + R"(","topics":["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef","0x)"
            + QByteArray(24, '0') + hexWord(i * 7).right(40) + R"(","0x)" + QByteArray(24, '0') + hexWord(i * 13).right(40) + R"("],"data":"0x)"
            + hexWord(quint64(i) * 1000000007ull) + R"(","blockNumber":"0x)" + QByteArray::number(block, 16) + R"(","transactionHash":"0x)"
            + hexWord(i / 3) + R"(","transactionIndex":"0x)" + QByteArray::number(i % 200 / 3, 16) + R"(","blockHash":"0x)" + hexWord(block)
            + R"(","logIndex":"0x)" + QByteArray::number(i % 200, 16) + R"(","removed":false})";
    }
    body += "]}";
    return body;
}

const QByteArray &sharedLogsBody()
{
    static const QByteArray body = logsBody();
    return body;
}

void parseLogs(benchmark::State &state, QByteArray body)
{
    for (auto _ : state) {
        auto logs = evmjson::parseLogs(body, FromBlock, FromBlock + LogCount, 1);
        if (!logs || logs->size() != LogCount)
            state.SkipWithError("parseLogs failed");
        benchmark::DoNotOptimize(logs);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
    state.SetItemsProcessed(state.iterations() * LogCount);
    state.counters["MB"] = double(body.size()) / 1e6;
}

// A body with spare capacity is parsed in place; one of exactly its size is copied first.
void BM_ParseLogs(benchmark::State &state)
{
    QByteArray body = sharedLogsBody();
    body.reserve(body.size() + 64);
    parseLogs(state, body);
}

void BM_ParseLogsExactSize(benchmark::State &state)
{
    parseLogs(state, QByteArray(sharedLogsBody().constData(), sharedLogsBody().size()));
}

void BM_DecodeTransfers(benchmark::State &state)
{
    const auto logs = evmjson::parseLogs(sharedLogsBody(), FromBlock, FromBlock + LogCount, 1);
    for (auto _ : state) {
        for (const LogEntry &log : *logs) {
            auto transfer = evmevents::decodeTransfer(log);
            benchmark::DoNotOptimize(transfer);
        }
    }
    state.SetItemsProcessed(state.iterations() * logs->size());
}

void BM_ParseBlockBatch(benchmark::State &state)
{
    constexpr int Blocks = 100;
    QByteArray body = "[";
    for (int i = 0; i < Blocks; ++i) {
        const qint64 n = FromBlock + i;
        QByteArray txs;
        for (int t = 0; t < 150; ++t)
            txs += (t ? ",\"0x" : "\"0x") + hexWord(n * 1000 + t) + '"';
        body += (i ? "," : "") + (R"({"jsonrpc":"2.0","id":)" + QByteArray::number(i + 1) + R"(,"result":{"number":"0x)" + QByteArray::number(n, 16)
                                  + R"(","hash":"0x)" + hexWord(n) + R"(","parentHash":"0x)" + hexWord(n - 1) + R"(","timestamp":"0x)"
                                  + QByteArray::number(1700000000 + 12 * i, 16) + R"(","gasUsed":"0x1c9c380","transactions":[)" + txs + "]}}");
    }
    body += ']';
    for (auto _ : state) {
        auto blocks = evmjson::parseBlockBatch(body, FromBlock, FromBlock + Blocks - 1, 1);
        if (!blocks || blocks->size() != Blocks || blocks->back().txCount != 150)
            state.SkipWithError("parseBlockBatch failed");
        benchmark::DoNotOptimize(blocks);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
    state.SetItemsProcessed(state.iterations() * Blocks);
}

} // namespace

BENCHMARK(BM_ParseLogs)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseLogsExactSize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeTransfers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseBlockBatch)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
