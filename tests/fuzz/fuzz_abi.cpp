// fuzz_abi: bytes → a LogEntry → decodeTransfer and decodeAgentEvent for every registry.
//
// Input layout: byte 0 = topic count (mod 6, so counts past the 4 a log can hold occur too);
// byte 1 < 9 picks topic0 among the known events (0 Transfer, 1… the registry events), any
// other value takes topic0 from the input; then 32 bytes per remaining topic; the rest is data.
#include "model/evmevents.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace arbor;

namespace {

const QList<Hash> &knownTopics()
{
    static const QList<Hash> topics = [] {
        QList<Hash> t{evmevents::transferTopic()};
        for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation})
            t += evmevents::registryTopics(kind);
        return t;
    }();
    return topics;
}

Hash takeWord(const uint8_t *&p, const uint8_t *end)
{
    uint8_t word[32] = {};
    for (size_t i = 0; i < 32 && p < end; ++i)
        word[i] = *p++;
    return *Hash::fromBytes(QByteArrayView(word, 32));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t *p = data + 2;
    const uint8_t *end = data + size;

    LogEntry log;
    log.blockNumber = 1;
    log.logIndex = 2;
    log.topicCount = data[0] % 6;
    const int stored = std::min(log.topicCount, 4);
    int first = 0;
    if (data[1] < knownTopics().size() && stored > 0) {
        log.topics[0] = knownTopics()[data[1]];
        first = 1;
    }
    for (int i = first; i < stored; ++i)
        log.topics[size_t(i)] = takeWord(p, end);
    log.data = QByteArray(reinterpret_cast<const char *>(p), end - p);

    if (const Result<TokenTransfer> t = evmevents::decodeTransfer(log); t.ok()) {
        if (log.topicCount != 3 || log.data.size() != 32)
            std::abort();
    }
    for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation}) {
        const Result<AgentEvent> e = evmevents::decodeAgentEvent(log, kind);
        if (e.ok() && (e->kind != kind || log.data.size() % 32 != 0 || (e->feedbackIndex && *e->feedbackIndex < 0)))
            std::abort();
        if (!e.ok() && e.error().kind != Error::Kind::Invalid)
            std::abort();
    }
    return 0;
}
