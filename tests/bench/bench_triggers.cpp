// Trigger speed figures (issue 14, "Speed") on SQLite and PostgreSQL. Prints; asserts nothing.
//
//  1. Evaluation through 100 enabled triggers (goal ≥ 100,000 events/s).
//     a. Pure: TriggerEvaluator over --events synthetic ERC-8004 events (88 % NewFeedback with
//        agent ids skewed to 50 popular agents of 500, values −100…100 with 0 or 2 decimals,
//        six tags; the rest responses, revocations, identity and validation events), each
//        event evaluated by every one of the 100 triggers with its own state (see triggerMix():
//        agent, value, tag, file and whitelist conditions, 35 with rate_limit, 26 of those
//        with ema_threshold too). No database, one thread. Figure: events / s (each event
//        through all 100).
//     b. Store, per backend: the same kind of events (--store-events) written by
//        IndexStore::promote() (not timed), then TriggerStore::evaluate(chain, checkpoint)
//        called until caught up with the 100 triggers on the chain (confirmations 0). Timed:
//        the evaluate() calls alone, i.e. reading the events, evaluating, writing outbox rows
//        (REST, and Telegram for one trigger in five, payloads rendered), state, state history
//        and cursors (per trigger per call: a transaction when it fired or its state changed,
//        else one UPDATE of its cursor). Then "live": --live-ranges times,
//        one block of --per-block events promoted and evaluate() right after it (timed alone).
//  2. Delivery, per backend (goal ≥ 1,000 deliveries/s): --deliveries events promoted and
//     evaluated by one trigger with one signed REST action, so the outbox holds that many
//     pending deliveries; then a DeliveryWorker (default DeliveryOptions: 256 in flight, claims
//     of 200) on its own thread, with a writer StoreThread, sends them to a WebhookReceiver
//     (signatures verified; HttpTestServer on its own thread). Timed: from DeliveryWorker::start
//     until attempts are recorded for every delivery and the outbox holds no open one.
//  3. Promotion-to-delivery latency with confirmations 0, per backend (goal p99 < 100 ms): the
//     100 triggers (REST actions to the receiver) and a probe trigger on a chain; a
//     TriggerRunner (its DeliveryWorker on its own thread) on a writer StoreThread, as the
//     Engine runs it. Each sample promotes one block holding one NewFeedback through the writer
//     and, once the promotion's future reports back on the main thread, calls
//     TriggerRunner::evaluate(chainId) as the Engine does on chainPromoted. The latency spans
//     from the moment IndexStore::promote() returned on the writer thread (the event committed)
//     to the moment the receiver's server thread had read the last byte of the probe's webhook
//     request (HttpRequest::receivedAt), both on the steady clock: the hop to the main thread,
//     the evaluation job queued on the writer (every enabled trigger of the chain), the
//     worker's claim on the writer, resolving the signing secret, signing and the HTTP request.
//     Not in it: fetching the block from a node, and the Engine's extra hop through the
//     indexer's thread. After each receipt the bench waits for the attempt to be recorded, then
//     --gap-ms (random 0…gap) before the next sample; the first 10 samples are not counted.
//
//   bench_triggers [--backend sqlite|postgres|both] [--pg URL] [--only 1,2,3] [--events 200000]
//                  [--store-events 20000] [--per-block 10] [--range 100] [--live-ranges 100]
//                  [--deliveries 20000] [--in-flight 256] [--samples 200] [--gap-ms 50]
//                  [--latency-triggers 100] [--timeout 300]
//
// PostgreSQL: --pg URL or ARBOR_TEST_PG_URL (tests/bench/run.sh starts a throwaway server, with
// durability off); each phase uses a fresh database that is dropped afterwards.
#include "testdatabase.h"
#include "webhookreceiver.h"

#include "engine/deliverybell.h"
#include "engine/deliveryworker.h"
#include "engine/storethread.h"
#include "engine/triggerrunner.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "store/triggerstore.h"
#include "triggers/triggerevaluator.h"
#include "triggers/triggerrecords.h"
#include "util/continuation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <vector>

using namespace arbor;
using namespace arbor::test;

namespace {

using SteadyClock = std::chrono::steady_clock;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Options
{
    qint64 events = 200000;          ///< 1a
    qint64 storeEvents = 20000;      ///< 1b
    int perBlock = 10;               ///< 1b: events per block
    int rangeBlocks = 100;           ///< 1b: blocks per promotion
    int liveRanges = 100;            ///< 1b live: promotions of one block, each evaluated
    qint64 deliveries = 20000;       ///< 2
    int inFlight = 256;              ///< 2: DeliveryOptions::maxInFlight
    int samples = 200;               ///< 3
    int gapMs = 50;                  ///< 3: at most this long between samples
    int latencyTriggers = 100;       ///< 3: triggers besides the probe
    int timeoutSeconds = 300;
    QList<int> phases{1, 2, 3};
};

constexpr qint64 ChainId = 8004;
constexpr int Warmup = 10;   // 3: samples not counted
const char *const SecretVariable = "ARBOR_BENCH_WHSEC";
const char *const BotVariable = "ARBOR_BENCH_TELEGRAM";

// ---- synthetic events ------------------------------------------------------------------------

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

Address numberedAddress(char prefix, quint64 n)
{
    QByteArray bytes(Address::Size, '\0');
    bytes[0] = prefix;
    for (int i = 0; i < 8; ++i)
        bytes[Address::Size - 1 - i] = char((n >> (8 * i)) & 0xff);
    return *Address::fromBytes(bytes);
}

Hash numberedHash(char kind, qint64 n, qint64 salt = 0)
{
    QByteArray bytes(Hash::Size, '\0');
    bytes[0] = kind;
    for (int i = 0; i < 8; ++i) {
        bytes[8 - i] = char((quint64(salt) >> (8 * i)) & 0xff);
        bytes[Hash::Size - 1 - i] = char((quint64(n) >> (8 * i)) & 0xff);
    }
    return *Hash::fromBytes(bytes);
}

Address registryOf(RegistryKind kind) { return numberedAddress('\x80', 1 + quint64(kind)); }
Address validator(int i) { return numberedAddress('\x44', quint64(i)); }
qint64 blockTimestamp(qint64 block) { return 1700000000 + block * 12; }

const QStringList &tags()
{
    static const QStringList list{QStringLiteral("uptime"),   QStringLiteral("latency"), QStringLiteral("accuracy"),
                                  QStringLiteral("reachability"), QStringLiteral("quality"), QStringLiteral("successRate")};
    return list;
}

/// Agents 1…50 get half the events, 51…500 the other half.
qint64 agentFor(quint64 r)
{
    return (r & 1) ? 1 + qint64((r >> 1) % 50) : 1 + qint64((r >> 1) % 500);
}

/// Event k of the synthetic chain, as indexing decodes it.
AgentEvent syntheticEvent(qint64 k, qint64 block, qint64 logIndex)
{
    const quint64 r = mix(quint64(k));
    const quint64 s = mix(~quint64(k));
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = logIndex;
    e.txHash = numberedHash('\x02', k);
    e.agentId = U256(quint64(agentFor(s)));
    const int kind = int(r % 100);
    if (kind < 88) {
        e.kind = RegistryKind::Reputation;
        e.event = QStringLiteral("NewFeedback");
        e.actor = numberedAddress('\x22', (r >> 8) % 5000);
        e.feedbackIndex = k;
        // Mostly positive; 30 % with two decimals.
        const qint64 magnitude = qint64((r >> 20) % 101);
        qint64 value = ((r >> 28) % 100) < 80 ? magnitude : -magnitude;
        qint64 decimals = 0;
        if ((r >> 35) % 10 < 3) {
            value = value * 100 + (value < 0 ? -1 : 1) * qint64((r >> 40) % 100);
            decimals = 2;
        }
        e.value = QString::number(value);
        e.valueDecimals = decimals;
        e.tag1 = tags()[int((r >> 47) % quint64(tags().size()))];
        e.tag2 = (r >> 51) % 2 ? QStringLiteral("v2") : QStringLiteral("");   // the decoder's "" when absent
        e.endpoint = QStringLiteral("https://agent-%1.example/mcp").arg(agentFor(s));
        e.uri = (r >> 52) % 10 < 6 ? QStringLiteral("ipfs://bafybeib%1").arg(k) : QStringLiteral("");
        e.dataHash = numberedHash('\x05', k);
    } else if (kind < 93) {
        e.kind = RegistryKind::Reputation;
        e.event = QStringLiteral("ResponseAppended");
        e.actor = numberedAddress('\x22', (r >> 8) % 5000);
        e.counterparty = numberedAddress('\x23', (r >> 20) % 100);
        e.feedbackIndex = k / 2;
        e.uri = QStringLiteral("https://responses.example/%1").arg(k);
        e.dataHash = numberedHash('\x06', k);
    } else if (kind < 95) {
        e.kind = RegistryKind::Reputation;
        e.event = QStringLiteral("FeedbackRevoked");
        e.actor = numberedAddress('\x22', (r >> 8) % 5000);
        e.feedbackIndex = k / 3;
    } else if (kind < 97) {
        e.kind = RegistryKind::Identity;
        e.event = kind == 95 ? QStringLiteral("Registered") : QStringLiteral("URIUpdated");
        e.actor = numberedAddress('\x24', (r >> 8) % 500);
        e.uri = QStringLiteral("https://agents.example/%1.json").arg(agentFor(s));
    } else {
        e.kind = RegistryKind::Validation;
        e.event = kind == 97 ? QStringLiteral("ValidationRequest") : QStringLiteral("ValidationResponse");
        e.actor = validator(int((r >> 8) % 8));
        e.requestHash = numberedHash('\x07', k / 2);
        e.uri = QStringLiteral("https://validation.example/%1").arg(k);
        if (kind != 97) {
            e.response = qint64((r >> 20) % 101);
            e.dataHash = numberedHash('\x08', k);
            e.tag1 = QStringLiteral("tee");
        }
    }
    e.registry = registryOf(e.kind);
    return e;
}

// ---- triggers ---------------------------------------------------------------------------------

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject eventIs(const char *name) { return {{s("type"), s("event_type_equals")}, {s("event"), s(name)}}; }
QJsonObject agentIs(qint64 id) { return {{s("type"), s("agent_id_equals")}, {s("agentId"), QString::number(id)}}; }
QJsonObject valueIs(const char *op, const char *value)
{
    return {{s("type"), s("value_threshold")}, {s("operator"), s(op)}, {s("value"), s(value)}};
}
QJsonObject tagIs(const QString &tag) { return {{s("type"), s("tag_equals")}, {s("tag"), tag}}; }
QJsonObject fileUri() { return {{s("type"), s("file_uri_exists")}}; }
QJsonObject emaAlpha(const char *alpha, const char *op, const char *value, int minSamples)
{
    return {{s("type"), s("ema_threshold")}, {s("alpha"), s(alpha)}, {s("operator"), s(op)}, {s("value"), s(value)}, {s("minSamples"), minSamples}};
}
QJsonObject emaWindow(int window, const char *op, const char *value, int minSamples)
{
    return {{s("type"), s("ema_threshold")}, {s("window"), window}, {s("operator"), s(op)}, {s("value"), s(value)}, {s("minSamples"), minSamples}};
}
QJsonObject rateLimit(int max, const char *window, bool resetOnFire = false)
{
    QJsonObject o{{s("type"), s("rate_limit")}, {s("max"), max}, {s("window"), s(window)}};
    if (resetOnFire)
        o.insert(s("resetOnFire"), true);
    return o;
}
QJsonObject whitelist(std::initializer_list<int> validators)
{
    QJsonArray list;
    for (int v : validators)
        list.append(validator(v).toHex());
    return {{s("type"), s("validator_whitelist")}, {s("validators"), list}};
}

/// Where the mix's actions go.
struct ActionTarget
{
    QString url = QStringLiteral("http://127.0.0.1:9/hook");
    bool telegram = true;     ///< one trigger in five also sends a Telegram message
    QString telegramBase = QStringLiteral("http://127.0.0.1:9");
};

QJsonArray actionsFor(int i, const ActionTarget &target)
{
    QJsonArray actions{QJsonObject{{s("type"), s("rest")}, {s("priority"), 1}, {s("url"), target.url},
                                   {s("signingSecret"), QString(s("env:") + s(SecretVariable))}, {s("timeoutMs"), 5000}, {s("maxRetries"), 6}}};
    if (target.telegram && i % 5 == 0)
        actions.append(QJsonObject{{s("type"), s("telegram")}, {s("priority"), 2}, {s("botToken"), QString(s("env:") + s(BotVariable))},
                                   {s("chatId"), s("-100123")}, {s("apiBaseUrl"), target.telegramBase},
                                   {s("text"), s("Agent {{event.agentId}}: {{event.type}} ({{trigger.name}})")}});
    return actions;
}

/**
 * 100 triggers an operator of a busy registry might keep (fewer when `count` is smaller):
 *  30 negative feedback for one agent (event, agent, value < 0)
 *  15 EMA of one agent's feedback below 20 (alpha 0.2, 5 samples), at most 3 an hour
 *  10 a tag's feedback at or below −50
 *   8 EMA of a tag's feedback below 10 (window 50, 20 samples), 2 then quiet for an hour
 *   5 feedback volume of one agent: every feedback, at most 20 an hour
 *   5 top feedback with a file (file_uri_exists, value ≥ 95)
 *   5 responses to one agent's feedback
 *   4 revocations, at most 5 an hour
 *   3 EMA of all feedback below −5 (alpha 0.05, 20 samples), once a day
 *   7 identity: an agent registered or its URI updated
 *   8 validation: responses of whitelisted validators, requests for one agent
 * rate_limit: 35 triggers, ema_threshold: 26 (each with a rate_limit too).
 */
QList<TriggerDef> triggerMix(qint64 chainId, const ActionTarget &target, int count = 100)
{
    QList<TriggerDef> defs;
    auto add = [&](const QString &name, const char *registry, const QJsonArray &conditions) {
        if (defs.size() >= count)
            return;
        const int i = int(defs.size());
        const QJsonObject json{{s("name"), QStringLiteral("%1 %2").arg(i, 3, 10, QLatin1Char('0')).arg(name)},
                               {s("chain"), double(chainId)},
                               {s("registry"), s(registry)},
                               {s("conditions"), conditions},
                               {s("actions"), actionsFor(i, target)}};
        auto def = parseTrigger(json);
        if (!def)
            qFatal("bench trigger %d: %s", i, qPrintable(def.error().toString()));
        defs.append(*def);
    };
    const char *const NewFeedback = "NewFeedback";
    for (int i = 0; i < 30; ++i)
        add(QStringLiteral("negative feedback for agent %1").arg(1 + i), "reputation", {eventIs(NewFeedback), agentIs(1 + i), valueIs("<", "0")});
    for (int i = 0; i < 15; ++i)
        add(QStringLiteral("EMA of agent %1 below 20").arg(1 + 3 * i), "reputation",
            {eventIs(NewFeedback), agentIs(1 + 3 * i), emaAlpha("0.2", "<", "20", 5), rateLimit(3, "1h")});
    for (int i = 0; i < 10; ++i)
        add(QStringLiteral("%1 at or below -50").arg(tags()[i % tags().size()]), "reputation",
            {eventIs(NewFeedback), tagIs(tags()[i % tags().size()]), valueIs("<=", i < 6 ? "-50" : "-90")});
    for (int i = 0; i < 8; ++i)
        add(QStringLiteral("EMA of %1 below 10").arg(tags()[i % tags().size()]), "reputation",
            {eventIs(NewFeedback), tagIs(tags()[i % tags().size()]), emaWindow(50, "<", i < 6 ? "10" : "5", 20), rateLimit(2, "1h", true)});
    for (int i = 0; i < 5; ++i)
        add(QStringLiteral("feedback volume of agent %1").arg(2 + 5 * i), "reputation", {eventIs(NewFeedback), agentIs(2 + 5 * i), rateLimit(20, "1h")});
    for (int i = 0; i < 5; ++i)
        add(QStringLiteral("top feedback with a file %1").arg(i), "reputation", {eventIs(NewFeedback), fileUri(), valueIs(">=", i == 0 ? "95" : "99.5")});
    for (int i = 0; i < 5; ++i)
        add(QStringLiteral("responses to agent %1").arg(4 + i), "reputation", {eventIs("ResponseAppended"), agentIs(4 + i)});
    for (int i = 0; i < 4; ++i)
        add(QStringLiteral("revocations %1").arg(i), "reputation", {eventIs("FeedbackRevoked"), rateLimit(5, "1h")});
    for (int i = 0; i < 3; ++i)
        add(QStringLiteral("EMA of all feedback below -5 (%1)").arg(i), "reputation", {eventIs(NewFeedback), emaAlpha("0.05", "<", "-5", 20), rateLimit(1, "1d")});
    for (int i = 0; i < 7; ++i)
        add(QStringLiteral("agent %1 identity").arg(10 + i), "identity", {eventIs(i % 2 ? "URIUpdated" : "Registered"), agentIs(10 + i), fileUri()});
    for (int i = 0; i < 8; ++i) {
        if (i < 5)
            add(QStringLiteral("whitelisted validators %1").arg(i), "validation", {eventIs("ValidationResponse"), whitelist({i, i + 1, i + 2})});
        else
            add(QStringLiteral("validation requests for agent %1").arg(i), "validation", {eventIs("ValidationRequest"), agentIs(i)});
    }
    return defs;
}

/// The probe of phase 3: every NewFeedback tagged "probe", one signed webhook.
TriggerDef probeTrigger(qint64 chainId, const QString &url)
{
    const QJsonObject json{{s("name"), s("latency probe")},
                           {s("chain"), double(chainId)},
                           {s("registry"), s("reputation")},
                           {s("conditions"), QJsonArray{eventIs("NewFeedback"), tagIs(s("probe"))}},
                           {s("actions"), actionsFor(1, ActionTarget{url, false, {}})}};
    auto def = parseTrigger(json);
    if (!def)
        qFatal("probe trigger: %s", qPrintable(def.error().toString()));
    return *def;
}

/// Phase 2: every NewFeedback, one signed webhook.
TriggerDef everyFeedback(qint64 chainId, const QString &url)
{
    const QJsonObject json{{s("name"), s("every feedback")},
                           {s("chain"), double(chainId)},
                           {s("registry"), s("reputation")},
                           {s("conditions"), QJsonArray{eventIs("NewFeedback")}},
                           {s("actions"), actionsFor(1, ActionTarget{url, false, {}})}};
    auto def = parseTrigger(json);
    if (!def)
        qFatal("trigger: %s", qPrintable(def.error().toString()));
    return *def;
}

// ---- helpers ----------------------------------------------------------------------------------

QString num(double v, int decimals = 0) { return QString::number(v, 'f', decimals); }

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine().split(' ').value(0)) : QStringLiteral("?");
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

QString msLine(std::vector<double> ms, int decimals = 1)
{
    std::sort(ms.begin(), ms.end());
    return QStringLiteral("p50 %1 ms  p95 %2 ms  p99 %3 ms  max %4 ms")
        .arg(num(percentile(ms, 0.50), decimals), num(percentile(ms, 0.95), decimals), num(percentile(ms, 0.99), decimals),
             num(ms.empty() ? 0 : ms.back(), decimals));
}

double msBetween(SteadyClock::time_point a, SteadyClock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

/// Runs the event loop until `done` holds (checked every `pollMs`) or `timeoutMs` passes;
/// returns whether it held.
bool waitFor(const std::function<bool()> &done, int timeoutMs, int pollMs = 1)
{
    bool held = done();
    if (held)
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(pollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        held = done();
        if (held)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return held;
}

/// Runs the event loop for `ms`.
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template<typename T>
T await(QFuture<T> future)
{
    QEventLoop loop;
    std::optional<T> value;
    then(future, &loop, [&](T v) {
        value = std::move(v);
        loop.quit();
    });
    if (!value)
        loop.exec();
    return std::move(*value);
}

void awaitVoid(QFuture<void> future)
{
    if (future.isFinished())
        return;
    QEventLoop loop;
    then(future, &loop, [&] { loop.quit(); });
    loop.exec();
}

/// A chain for triggers: no tokens, nothing to fetch, confirmations 0.
Status registerTriggerChain(Store &store, qint64 chainId)
{
    ChainConfig config = sampleChain(chainId, QStringLiteral("bench-triggers"));
    config.startBlock = 0;
    config.confirmations = 0;
    config.tokens.clear();
    if (Status st = ChainRegistry(store).registerChain(config, {}, evmEntities()); !st)
        return st;
    if (auto r = store.reconcileEntityTables(evmEntities()); !r)
        return r.error();
    return {};
}

Result<QList<TriggerRecord>> addTriggers(Store &store, const QList<TriggerDef> &defs)
{
    QList<TriggerRecord> added;
    for (const TriggerDef &def : defs) {
        auto r = TriggerStore(store).addTrigger(def);
        if (!r)
            return Error::internal(QStringLiteral("add trigger %1: %2").arg(def.name, r.error().toString()));
        added.append(*r);
    }
    return added;
}

/// Blocks of the synthetic chain, one after the other.
class BlockMaker
{
public:
    /// Blocks [next, to] holding `events` (whose block numbers lie in that range).
    IndexBatch batch(qint64 to, QList<AgentEvent> events)
    {
        IndexBatch b;
        b.chainId = ChainId;
        b.from = m_next;
        b.to = to;
        for (qint64 n = m_next; n <= to; ++n) {
            const BlockHeader h{n, numberedHash('\x01', n), m_tip, blockTimestamp(n), 1, 21000};
            m_tip = h.hash;
            b.headers.append(h);
        }
        b.agentEvents = std::move(events);
        m_next = to + 1;
        return b;
    }
    qint64 next() const { return m_next; }

private:
    qint64 m_next = 0;
    Hash m_tip;
};

/// Promotes `count` synthetic events (event k = `first` + i), `perBlock` a block, `rangeBlocks`
/// blocks a batch; returns the seconds promote() took.
Result<double> promoteEvents(Store &store, BlockMaker &blocks, qint64 first, qint64 count, int perBlock, int rangeBlocks,
                             const std::function<AgentEvent(qint64 k, qint64 block, qint64 logIndex)> &make = syntheticEvent)
{
    double seconds = 0;
    for (qint64 done = 0; done < count;) {
        const qint64 from = blocks.next();
        QList<AgentEvent> events;
        qint64 block = from;
        for (; block < from + rangeBlocks && done < count; ++block) {
            for (int i = 0; i < perBlock && done < count; ++i, ++done)
                events.append(make(first + done, block, i));
        }
        const IndexBatch batch = blocks.batch(block - 1, std::move(events));
        QElapsedTimer t;
        t.start();
        auto r = IndexStore(store).promote(batch, evmEntities());
        seconds += double(t.nsecsElapsed()) / 1e9;
        if (!r)
            return Error::internal(QStringLiteral("promote [%1, %2]: %3").arg(batch.from).arg(batch.to).arg(r.error().toString()));
    }
    return seconds;
}

struct EvaluateTotals
{
    qint64 calls = 0;
    qint64 events = 0;
    qint64 deliveries = 0;
    double seconds = 0;
    std::vector<double> callMs;
};

/// TriggerStore::evaluate() until caught up with the checkpoint.
Status evaluateUntilCaughtUp(Store &store, qint64 head, EvaluateTotals &totals)
{
    for (;;) {
        QElapsedTimer t;
        t.start();
        auto run = TriggerStore(store).evaluate(ChainId, head);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!run)
            return run.error();
        totals.seconds += ms / 1000;
        totals.callMs.push_back(ms);
        ++totals.calls;
        totals.events += run->events;
        totals.deliveries += run->deliveries;
        if (run->caughtUp)
            return {};
    }
}

std::unique_ptr<Store> openFresh(TestDatabase &db)
{
    auto store = db.isValid() ? db.open() : nullptr;
    if (!store)
        out() << "   cannot prepare the database: " << db.error() << Qt::endl;
    return store;
}

// ---- 1a. pure evaluation ----------------------------------------------------------------------

void phasePureEvaluation(const Options &o)
{
    const QList<TriggerDef> defs = triggerMix(ChainId, ActionTarget());
    std::vector<TriggerEvaluator> evaluators;
    for (const TriggerDef &d : defs)
        evaluators.emplace_back(d);
    std::vector<TriggerEvent> events;
    events.reserve(size_t(o.events));
    for (qint64 k = 0; k < o.events; ++k) {
        const qint64 block = k / 10;
        TriggerEvent t;
        t.chainId = ChainId;
        t.blockHash = numberedHash('\x01', block);
        t.blockTimestamp = blockTimestamp(block);
        t.event = syntheticEvent(k, block, k % 10);
        events.push_back(std::move(t));
    }
    out() << "1a. pure evaluation: " << events.size() << " synthetic events through " << evaluators.size()
          << " enabled triggers (TriggerEvaluator, one thread, no database)" << Qt::endl;

    auto run = [&](size_t count, std::vector<QJsonArray> &states, qint64 *fires) {
        for (size_t i = 0; i < count; ++i) {
            for (size_t t = 0; t < evaluators.size(); ++t) {
                if (evaluators[t].evaluate(events[i], states[t]))
                    ++*fires;
            }
        }
    };
    {
        std::vector<QJsonArray> warm(evaluators.size());
        qint64 ignored = 0;
        run(std::min<size_t>(events.size(), 20000), warm, &ignored);
    }
    std::vector<QJsonArray> states(evaluators.size());
    qint64 fires = 0;
    QElapsedTimer t;
    t.start();
    run(events.size(), states, &fires);
    const double seconds = double(t.nsecsElapsed()) / 1e9;

    // What the stateless pre-filter alone costs, and how many (event, trigger) pairs reach the
    // stateful part.
    qint64 passing = 0;
    t.restart();
    for (const TriggerEvent &e : events) {
        for (const TriggerEvaluator &ev : evaluators)
            passing += ev.matchesStateless(e) ? 1 : 0;
    }
    const double statelessSeconds = double(t.nsecsElapsed()) / 1e9;

    const double evaluations = double(events.size()) * double(evaluators.size());
    out() << "   " << events.size() << " events in " << num(seconds, 3) << " s: " << num(double(events.size()) / seconds)
          << " events/s through all " << evaluators.size() << " triggers (" << num(evaluations / seconds / 1e6, 2)
          << " M trigger evaluations/s; " << fires << " firings)  [goal ≥ 100,000 events/s]" << Qt::endl;
    out() << "   stateless conditions alone: " << num(statelessSeconds, 3) << " s (" << num(double(events.size()) / statelessSeconds)
          << " events/s); " << passing << " (event, trigger) pairs passed them (" << num(100.0 * double(passing) / evaluations, 1)
          << " %) and went on to state" << Qt::endl;
}

// ---- 1b. evaluation in the store --------------------------------------------------------------

bool phaseStoreEvaluation(const Options &o)
{
    out() << "1b. TriggerStore::evaluate: " << o.storeEvents << " events promoted (" << o.perBlock << " a block), 100 triggers on the chain"
          << Qt::endl;
    TestDatabase db;
    auto store = openFresh(db);
    if (!store)
        return false;
    if (Status st = registerTriggerChain(*store, ChainId); !st) {
        out() << "   register: " << st.error().toString() << Qt::endl;
        return false;
    }
    auto added = addTriggers(*store, triggerMix(ChainId, ActionTarget()));
    if (!added) {
        out() << "   " << added.error().toString() << Qt::endl;
        return false;
    }
    BlockMaker blocks;
    auto promoted = promoteEvents(*store, blocks, 0, o.storeEvents, o.perBlock, o.rangeBlocks);
    if (!promoted) {
        out() << "   " << promoted.error().toString() << Qt::endl;
        return false;
    }
    out() << "   promotion (not counted): " << num(*promoted, 2) << " s, " << num(double(o.storeEvents) / *promoted) << " events/s" << Qt::endl;

    EvaluateTotals catchUp;
    if (Status st = evaluateUntilCaughtUp(*store, blocks.next() - 1, catchUp); !st) {
        out() << "   evaluate: " << st.error().toString() << Qt::endl;
        return false;
    }
    out() << "   catch-up: " << catchUp.events << " events in " << catchUp.calls << " evaluate() calls, " << num(catchUp.seconds, 2) << " s: "
          << num(double(catchUp.events) / catchUp.seconds) << " events/s through 100 triggers, " << catchUp.deliveries << " outbox rows ("
          << num(double(catchUp.deliveries) / catchUp.seconds) << "/s)  [goal ≥ 100,000 events/s]" << Qt::endl;

    // Live: a block at a time, evaluated right after its promotion (as the engine does).
    EvaluateTotals live;
    for (int i = 0; i < o.liveRanges; ++i) {
        if (auto p = promoteEvents(*store, blocks, o.storeEvents + qint64(i) * o.perBlock, o.perBlock, o.perBlock, 1); !p) {
            out() << "   " << p.error().toString() << Qt::endl;
            return false;
        }
        if (Status st = evaluateUntilCaughtUp(*store, blocks.next() - 1, live); !st) {
            out() << "   evaluate: " << st.error().toString() << Qt::endl;
            return false;
        }
    }
    out() << "   live: " << o.liveRanges << " blocks of " << o.perBlock << " events, evaluate() after each: " << live.events << " events, "
          << live.deliveries << " outbox rows, " << num(double(live.events) / live.seconds) << " events/s; per call " << msLine(live.callMs)
          << Qt::endl;
    return true;
}

// ---- 2. delivery ------------------------------------------------------------------------------

bool phaseDelivery(const Options &o)
{
    out() << "2. delivery: " << o.deliveries << " pending REST deliveries sent by a DeliveryWorker (" << o.inFlight
          << " in flight) to a local WebhookReceiver that verifies signatures" << Qt::endl;
    WebhookReceiver receiver(WebhookReceiver::makeSecret());
    QString error;
    if (!receiver.start(&error)) {
        out() << "   receiver: " << error << Qt::endl;
        return false;
    }
    qputenv(SecretVariable, receiver.secret().toUtf8());

    TestDatabase db;
    auto store = openFresh(db);
    if (!store)
        return false;
    if (Status st = registerTriggerChain(*store, ChainId); !st) {
        out() << "   register: " << st.error().toString() << Qt::endl;
        return false;
    }
    if (auto added = addTriggers(*store, {everyFeedback(ChainId, receiver.url().toString())}); !added) {
        out() << "   " << added.error().toString() << Qt::endl;
        return false;
    }
    BlockMaker blocks;
    auto feedbackOnly = [](qint64 k, qint64 block, qint64 logIndex) {
        AgentEvent e;
        for (qint64 j = k;; j += 1000003) {   // the k-th NewFeedback-looking synthetic event
            e = syntheticEvent(j, block, logIndex);
            if (e.event == u"NewFeedback")
                break;
        }
        e.txHash = numberedHash('\x02', k);
        e.feedbackIndex = k;
        return e;
    };
    if (auto p = promoteEvents(*store, blocks, 0, o.deliveries, 100, 100, feedbackOnly); !p) {
        out() << "   " << p.error().toString() << Qt::endl;
        return false;
    }
    EvaluateTotals filled;
    if (Status st = evaluateUntilCaughtUp(*store, blocks.next() - 1, filled); !st) {
        out() << "   evaluate: " << st.error().toString() << Qt::endl;
        return false;
    }
    out() << "   outbox filled by evaluate(): " << filled.deliveries << " deliveries in " << num(filled.seconds, 2) << " s ("
          << num(double(filled.deliveries) / filled.seconds) << " outbox rows/s)" << Qt::endl;
    store.reset();

    StoreThread writer(QStringLiteral("bench-writer"));
    if (Status st = await(writer.open(db.url(), QString())); !st) {
        out() << "   writer: " << st.error().toString() << Qt::endl;
        return false;
    }
    DeliveryOptions options;
    options.maxInFlight = o.inFlight;
    QThread thread;
    thread.setObjectName(QStringLiteral("bench-delivery"));
    auto *worker = new DeliveryWorker(&writer, QStringLiteral("bench"), options);
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);

    QEventLoop loop;
    qint64 recorded = 0;
    int flushes = 0;
    bool checking = false;
    bool done = false;
    double doneAt = 0;
    DeliveryCounts finalCounts;
    QElapsedTimer clock;
    auto check = [&](double at) {
        checking = true;
        then(writer.run([](Store &st) { return TriggerStore(st).deliveryCounts(); }), &loop, [&, at](Result<DeliveryCounts> counts) {
            checking = false;
            if (counts && counts->pending + counts->retrying == 0) {
                finalCounts = *counts;
                done = true;
                doneAt = at;
                loop.quit();
            }
        });
    };
    QObject::connect(worker, &DeliveryWorker::attemptsRecorded, &loop, [&](int count) {
        recorded += count;
        ++flushes;
        if (recorded >= o.deliveries && !checking && !done)
            check(double(clock.nsecsElapsed()) / 1e9);
    });
    QTimer::singleShot(o.timeoutSeconds * 1000, &loop, &QEventLoop::quit);
    thread.start();
    clock.start();
    QMetaObject::invokeMethod(worker, [worker] { worker->start(); });
    loop.exec();
    const double elapsed = done ? doneAt : double(clock.nsecsElapsed()) / 1e9;

    QMetaObject::invokeMethod(worker, [worker, &thread] { worker->stop([&thread] { thread.quit(); }); });
    thread.wait();

    const QList<WebhookReceiver::Received> received = receiver.received();
    const qint64 verified = std::count_if(received.begin(), received.end(), [](const WebhookReceiver::Received &r) { return r.verified; });
    if (!done)
        out() << "   NOT DONE after the " << o.timeoutSeconds << " s timeout: " << recorded << " attempts recorded" << Qt::endl;
    else
        out() << "   " << finalCounts.success << " delivered (" << finalCounts.failed << " failed) in " << num(elapsed, 2) << " s: "
              << num(double(finalCounts.success) / elapsed) << " deliveries/s  [goal ≥ 1,000/s]" << Qt::endl;
    out() << "   " << recorded << " attempts recorded in " << flushes << " transactions; receiver: " << received.size() << " requests ("
          << verified << " verified), " << receiver.acceptedIds().size() << " distinct ids, " << receiver.server().connections()
          << " connections" << Qt::endl;
    receiver.stop();
    return done;
}

// ---- 3. latency -------------------------------------------------------------------------------

bool phaseLatency(const Options &o)
{
    out() << "3. promotion-to-delivery latency, confirmations 0: " << o.samples << " samples (+" << Warmup << " warm-up), one NewFeedback a block, "
          << o.latencyTriggers << " triggers + the probe, TriggerRunner on a writer StoreThread" << Qt::endl;
    WebhookReceiver receiver(WebhookReceiver::makeSecret());
    QString error;
    if (!receiver.start(&error)) {
        out() << "   receiver: " << error << Qt::endl;
        return false;
    }
    qputenv(SecretVariable, receiver.secret().toUtf8());

    TestDatabase db;
    auto store = openFresh(db);
    if (!store)
        return false;
    if (Status st = registerTriggerChain(*store, ChainId); !st) {
        out() << "   register: " << st.error().toString() << Qt::endl;
        return false;
    }
    // Some history first, so that the tables are not empty (promoted before the triggers were
    // added, so never evaluated): 2,000 events in 200 blocks.
    BlockMaker blocks;
    if (auto p = promoteEvents(*store, blocks, 0, 2000, 10, 100); !p) {
        out() << "   " << p.error().toString() << Qt::endl;
        return false;
    }
    ActionTarget target{receiver.url().toString(), false, {}};
    QList<TriggerDef> defs = triggerMix(ChainId, target, o.latencyTriggers);
    defs.prepend(probeTrigger(ChainId, receiver.url().toString()));
    auto added = addTriggers(*store, defs);
    if (!added) {
        out() << "   " << added.error().toString() << Qt::endl;
        return false;
    }
    const qint64 probeId = added->first().def.id;
    const qint64 probeActionId = added->first().def.actions.first().id;
    store.reset();

    StoreThread writer(QStringLiteral("bench-writer"));
    if (Status st = await(writer.open(db.url(), QString())); !st) {
        out() << "   writer: " << st.error().toString() << Qt::endl;
        return false;
    }
    qint64 head = blocks.next() - 1;
    // What rings the delivery worker from the writer's jobs, as TriggerService keeps one.
    auto bell = std::make_shared<DeliveryBell>();
    TriggerRunner service(&writer, QStringLiteral("bench"), [&head](qint64) { return std::optional<qint64>(head); }, bell);
    int changes = 0;
    std::optional<SteadyClock::time_point> evaluatedAt;
    bool awaitingEvaluation = false;
    QObject::connect(&service, &TriggerRunner::deliveriesChanged, &service, [&] {
        ++changes;
        if (awaitingEvaluation) {
            evaluatedAt = SteadyClock::now();
            awaitingEvaluation = false;
        }
    });
    service.start();

    std::vector<double> total, toMain, toEvaluated, toReceived;
    qint64 otherRequests = 0, missed = 0;
    qsizetype seen = receiver.count();
    std::mt19937 rng(11);
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < Warmup + o.samples; ++i) {
        const qint64 block = blocks.next();
        AgentEvent e = syntheticEvent(1000000 + i, block, 0);
        for (qint64 j = 1; e.event != u"NewFeedback"; ++j)
            e = syntheticEvent(1000000 + i + j * 7919, block, 0);
        e.txHash = numberedHash('\x09', i);
        e.tag1 = QStringLiteral("probe");
        const QString expectedId = deliveryIdFor(probeId, probeActionId, ChainId, e.txHash, e.logIndex);
        const IndexBatch batch = blocks.batch(block, {e});

        // Shared with the continuation, which may outlive a sample that timed out.
        struct Sample
        {
            SteadyClock::time_point committed;   ///< written on the writer thread before the future resolves
            std::optional<SteadyClock::time_point> onMain;
            QString promoteError;
        };
        auto sample = std::make_shared<Sample>();
        evaluatedAt.reset();
        then(writer.run([batch, sample](Store &st) {
                  auto r = IndexStore(st).promote(batch, evmEntities());
                  sample->committed = SteadyClock::now();
                  return r;
              }), &service, [&head, &awaitingEvaluation, &service, sample, block](Result<PromoteResult> r) {
                sample->onMain = SteadyClock::now();
                if (!r) {
                    sample->promoteError = r.error().toString();
                    return;
                }
                head = block;
                awaitingEvaluation = true;
                service.evaluate(ChainId);   // what Engine does on chainPromoted
            });
        std::optional<SteadyClock::time_point> receivedAt;
        const bool arrived = waitFor(
            [&] {
                if (!sample->promoteError.isEmpty())
                    return true;
                if (receiver.count() <= seen)
                    return false;
                const QList<WebhookReceiver::Received> all = receiver.received();
                for (qsizetype k = seen; k < all.size(); ++k) {
                    if (all[k].id == expectedId.toLatin1())
                        receivedAt = all[k].receivedAt;
                    else
                        ++otherRequests;
                }
                seen = all.size();
                return receivedAt.has_value();
            },
            10000);
        if (!sample->promoteError.isEmpty()) {
            out() << "   promote: " << sample->promoteError << Qt::endl;
            return false;
        }
        if (!arrived) {
            ++missed;
            continue;
        }
        // The attempt recorded (deliveriesChanged after the receipt), then a pause.
        const int before = changes;
        waitFor([&] { return changes > before; }, 1000);
        const int gap = o.gapMs > 0 ? int(rng() % quint32(o.gapMs + 1)) : 0;
        if (gap > 0)
            pause(gap);
        if (i < Warmup)
            continue;
        total.push_back(msBetween(sample->committed, *receivedAt));
        if (sample->onMain)
            toMain.push_back(msBetween(sample->committed, *sample->onMain));
        if (sample->onMain && evaluatedAt && *evaluatedAt <= *receivedAt) {
            toEvaluated.push_back(msBetween(*sample->onMain, *evaluatedAt));
            toReceived.push_back(msBetween(*evaluatedAt, *receivedAt));
        }
    }
    awaitVoid(service.shutdown());

    out() << "   commit → webhook received: " << msLine(total) << "  (" << total.size() << " samples)  [goal p99 < 100 ms]" << Qt::endl;
    out() << "     commit → main thread " << msLine(toMain, 2) << Qt::endl;
    out() << "     main thread → evaluation done (TriggerRunner, " << (o.latencyTriggers + 1) << " triggers) " << msLine(toEvaluated) << Qt::endl;
    out() << "     evaluation done → received (worker claim, secret, HTTP) " << msLine(toReceived) << Qt::endl;
    out() << "   " << otherRequests << " other deliveries of the mix received meanwhile; " << missed << " probes not received within 10 s; "
          << num(double(wall.nsecsElapsed()) / 1e9, 1) << " s" << Qt::endl;
    receiver.stop();
    return missed == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Every attempt is logged at debug level; QT_LOGGING_RULES may still turn it on.
    QLoggingCategory::setFilterRules(QStringLiteral("arbor.*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trigger evaluation throughput, delivery throughput and promotion-to-delivery latency."));
    parser.addHelpOption();
    auto option = [&](const char *name, const char *help, const char *value, const char *fallback) {
        QCommandLineOption opt(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value), QString::fromLatin1(fallback));
        parser.addOption(opt);
        return opt;
    };
    const auto backendOpt = option("backend", "sqlite, postgres or both (postgres needs --pg or ARBOR_TEST_PG_URL).", "NAME", "both");
    const auto pgOpt = option("pg", "PostgreSQL server URL (default: ARBOR_TEST_PG_URL).", "URL", "");
    const auto onlyOpt = option("only", "Phases to run, e.g. 1,3.", "LIST", "1,2,3");
    const auto eventsOpt = option("events", "1a: synthetic events evaluated in memory.", "N", "200000");
    const auto storeEventsOpt = option("store-events", "1b: events promoted and evaluated in the store.", "N", "20000");
    const auto perBlockOpt = option("per-block", "1b: events per block.", "N", "10");
    const auto rangeOpt = option("range", "1b: blocks per promotion.", "N", "100");
    const auto liveOpt = option("live-ranges", "1b: single blocks promoted and evaluated one by one.", "N", "100");
    const auto deliveriesOpt = option("deliveries", "2: deliveries in the outbox.", "N", "20000");
    const auto inFlightOpt = option("in-flight", "2: the delivery worker's maxInFlight.", "N", "256");
    const auto samplesOpt = option("samples", "3: latency samples.", "N", "200");
    const auto gapOpt = option("gap-ms", "3: at most this long between samples (random).", "MS", "50");
    const auto latencyTriggersOpt = option("latency-triggers", "3: triggers of the mix besides the probe.", "N", "100");
    const auto timeoutOpt = option("timeout", "2: seconds before the delivery run is given up.", "S", "300");
    parser.process(app);

    Options o;
    o.events = std::max(1LL, parser.value(eventsOpt).toLongLong());
    o.storeEvents = std::max(1LL, parser.value(storeEventsOpt).toLongLong());
    o.perBlock = std::max(1, parser.value(perBlockOpt).toInt());
    o.rangeBlocks = std::max(1, parser.value(rangeOpt).toInt());
    o.liveRanges = std::max(0, parser.value(liveOpt).toInt());
    o.deliveries = std::max(1LL, parser.value(deliveriesOpt).toLongLong());
    o.inFlight = std::max(1, parser.value(inFlightOpt).toInt());
    o.samples = std::max(1, parser.value(samplesOpt).toInt());
    o.gapMs = std::max(0, parser.value(gapOpt).toInt());
    o.latencyTriggers = std::clamp(parser.value(latencyTriggersOpt).toInt(), 0, 100);
    o.timeoutSeconds = std::max(1, parser.value(timeoutOpt).toInt());
    o.phases.clear();
    for (const QString &p : parser.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.phases.append(p.trimmed().toInt());

    if (parser.isSet(pgOpt))
        qputenv("ARBOR_TEST_PG_URL", parser.value(pgOpt).toUtf8());
    const QString backend = parser.value(backendOpt);
    QList<QByteArray> backends;
    if (backend == u"sqlite" || backend == u"both")
        backends.append("sqlite");
    if (backend == u"postgres" || backend == u"both") {
        if (!qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL"))
            backends.append("postgres");
        else if (backend == u"postgres") {
            out() << "postgres: needs --pg URL or ARBOR_TEST_PG_URL" << Qt::endl;
            return 2;
        }
    }
    if (backends.isEmpty()) {
        out() << "--backend: sqlite, postgres or both" << Qt::endl;
        return 2;
    }
    // The Telegram actions of 1b are never sent; the reference only has to resolve.
    qputenv(BotVariable, "123456:bench-token-never-sent");

    bool ok = true;
    QElapsedTimer total;
    total.start();
    if (o.phases.contains(1)) {
        out() << "== no database  (load average " << loadAverage() << " on " << QThread::idealThreadCount() << " cores)" << Qt::endl;
        phasePureEvaluation(o);
    }
    for (const QByteArray &b : backends) {
        qputenv("ARBOR_TEST_BACKEND", b);
        out() << "== " << b << "  (load average " << loadAverage() << " on " << QThread::idealThreadCount() << " cores)" << Qt::endl;
        QElapsedTimer t;
        t.start();
        if (o.phases.contains(1))
            ok = phaseStoreEvaluation(o) && ok;
        if (o.phases.contains(2))
            ok = phaseDelivery(o) && ok;
        if (o.phases.contains(3))
            ok = phaseLatency(o) && ok;
        out() << "   (" << b << ": " << num(double(t.nsecsElapsed()) / 1e9, 1) << " s; load average now " << loadAverage() << ")" << Qt::endl;
    }
    if (backend == u"both" && backends.size() == 1)
        out() << "postgres: skipped (set --pg or ARBOR_TEST_PG_URL, or use tests/bench/run.sh)" << Qt::endl;
    out() << "total " << num(double(total.nsecsElapsed()) / 1e9, 1) << " s" << Qt::endl;
    return ok ? 0 : 1;
}
