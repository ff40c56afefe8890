// fuzz_evmjson: bytes → the JSON-RPC body parsers (logs, block batch, quantity, data).
//
// The block batch asks for blocks 10-12 with ids 1-3 and logs for blocks 0-1000 with id 1, as
// the seed corpus does. Odd-sized inputs get spare capacity, so simdjson parses them in place
// instead of through its padded copy: both paths are fuzzed.
#include "rpc/evmjson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace arbor;

namespace {

void check(const Error &error)
{
    // Whatever a node sends, parsing ends in one of these kinds; never Internal (a bug).
    if (error.kind != Error::Kind::Invalid && error.kind != Error::Kind::Refused && error.kind != Error::Kind::Unavailable)
        std::abort();
    (void)evmjson::isRangeTooLarge(error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size % 2 == 1)
        body.reserve(qsizetype(size) + 64);

    if (const auto logs = evmjson::parseLogs(body, 0, 1000, 1); logs.ok()) {
        for (const LogEntry &log : *logs) {
            if (log.blockNumber < 0 || log.blockNumber > 1000 || log.topicCount < 0 || log.topicCount > 4 || log.logIndex < 0)
                std::abort();
        }
    } else {
        check(logs.error());
    }
    if (const auto blocks = evmjson::parseBlockBatch(body, 10, 12, 1); blocks.ok()) {
        if (blocks->size() != 3)
            std::abort();
        for (qsizetype i = 0; i < blocks->size(); ++i) {
            if (blocks->at(i).number != 10 + i)
                std::abort();
        }
    } else {
        check(blocks.error());
    }
    if (const auto q = evmjson::parseQuantity(body, 1); q.ok()) {
        if (*q < 0)
            std::abort();
    } else {
        check(q.error());
    }
    if (const auto d = evmjson::parseData(body, 1); !d.ok())
        check(d.error());
    return 0;
}
