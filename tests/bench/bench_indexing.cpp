// Indexing throughput on one devnet: the fastest plain JSON-RPC pull of the headers and logs
// (the limit), then on a fresh SQLite database and on a fresh PostgreSQL database (when
// ARBOR_TEST_PG_URL is set), each as seconds, ratio to the limit and rate:
//   - `arborctl index --until-block HEAD` alone;
//   - from `index` start to every balance exact, after a default `chain add` (no mode forced)
//     at the tokens' deployment block: the index alone where every balance was exact as it
//     exited (checked before `queue run --until-empty` runs), else the index and that queue run;
//   - the queue's own throughput in holder updates per second, on work that needs it: every
//     token switched to balance_of (eth_call per holder), then back to transfers (a recount).
// Every balance is checked against the traffic generator's as `index` exits, after the drain
// and again at the end (`query top-holders`); a wrong one is printed, never timed away.
//
// The node is the devnet restarted from a state dump (anvil --load-state): it serves blocks and
// logs but no state before its head, like most public endpoints and every pruned node
// (DESIGN.md §12); --live-node keeps the live anvil instead.
//
//   bench_indexing [--tokens 3] [--blocks 2000] [--transfers 100000] [--holders 1000] [--runs 3]
//                  [--live-node] [--hold]
//   bench_indexing --rpc http://127.0.0.1:PORT --token ADDRESS... [--start-block N] [--node-pid PID] [--runs 3]
//   bench_indexing --provider-rate 25 --provider-batch 50 [...]
//   bench_indexing --sparse [--rounds 8] [--empty-between 238] [--latency 40] [--provider-rate 25] [...]
//
// --provider-rate/--provider-batch measure only `arborctl index` through a FaultProxy that
// behaves like a hosted provider (calls per second above which it answers 429 with Retry-After,
// batches above which it answers 400): the time against the least possible at that rate, the
// calls needed (one header per block, one eth_getLogs per 2,000 blocks) divided by the rate.
//
// --sparse measures a chain shaped like a real contract's history (issue 25): --rounds bursts of
// traffic, each --empty-between empty blocks before the next; --transfers, --holders and --blocks
// are then totals split over the rounds (default 8,640 transfers among 480 holders in 32 blocks,
// plus a block of mints per round: about 10,000 Transfer logs in 40 of 1,947 blocks). A default
// `chain add` (block statistics for the blocks with events), `index` and `queue run --until-empty`
// go through a FaultProxy without faults that counts every JSON-RPC call (batch elements one by
// one) and HTTP request, and once more straight to the node. Printed: the calls by method and the
// requests against the raw sparse pull's (eth_getLogs over the range, then the headers of the
// blocks with logs in batches of 100), and the time from `index` start to every balance exact
// against that pull on the same path. With --provider-rate, the same run behind a provider at that
// rate: its time against its admitted calls divided by the rate and against the raw pull's calls
// divided by the rate. With --latency, the counting proxy (not the provider's) holds every request
// that many milliseconds before forwarding it, as a hosted endpoint's round trip does: the proxied
// raw pull and the proxied `index` then each wait for it, call by call.
//
// The node shares this machine's CPU, and so does a local PostgreSQL server: the dense figures
// end with the node's CPU time during the raw pull and during each index (and the server's),
// and the wall time those and arborctl's CPU time leave as the least possible on this
// machine's hardware threads. The node's process is known when this program started it, or
// from --node-pid; the server's from a backend's parent.
//
// Generating the devnet takes most of a minute: --hold keeps it up after the figures (until
// Enter), and --rpc measures a node that is already up, e.g. while profiling arborctl (no
// generator figures there: balances are not checked).
#include "buildpaths.h"
#include "devnet.h"
#include "faultproxy.h"
#include "testdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <simdjson.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace arbor;
using namespace arbor::test;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// ---- CPU time of the node and of the PostgreSQL server ------------------------------------------

/// The node's process id: the devnet this program started, or --node-pid; 0 when unknown.
qint64 nodePid = 0;
/// The PostgreSQL server's postmaster on this machine, when ARBOR_TEST_PG_URL names one here; else 0.
qint64 postmasterPid = 0;

/// A process's /proc/PID/stat fields after the parenthesis that ends its name (which may hold
/// spaces): state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. Empty
/// when there is no such process.
QList<QByteArray> procStat(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() >= 15 ? fields : QList<QByteArray>{};
}

double ticks(qint64 n) { return double(n) / double(::sysconf(_SC_CLK_TCK)); }

/// User + system CPU time the node has used so far (Linux /proc, 10 ms ticks); 0 when unknown.
double nodeCpuSeconds()
{
    const QList<QByteArray> f = nodePid > 0 ? procStat(nodePid) : QList<QByteArray>{};
    return f.isEmpty() ? 0 : ticks(f[11].toLongLong() + f[12].toLongLong());
}

/// CPU time the PostgreSQL server has used so far: the postmaster's, its live backends' and
/// that of the backends it has reaped (a connection's backend ends with the connection). A
/// backend that has ended but is not reaped yet counts nowhere: such a moment is waited out.
double serverCpuSeconds()
{
    for (int attempt = 0; postmasterPid > 0 && attempt < 100; ++attempt) {
        const QList<QByteArray> postmaster = procStat(postmasterPid);
        if (postmaster.isEmpty())
            return 0;
        qint64 sum = postmaster[11].toLongLong() + postmaster[12].toLongLong() + postmaster[13].toLongLong() + postmaster[14].toLongLong();
        bool unreaped = false;
        const QStringList processes = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &name : processes) {
            bool number = false;
            const qint64 pid = name.toLongLong(&number);
            if (!number || pid == postmasterPid)
                continue;
            const QList<QByteArray> f = procStat(pid);
            if (f.isEmpty() || f[1].toLongLong() != postmasterPid)
                continue;
            unreaped = unreaped || f[0] == "Z";
            sum += f[11].toLongLong() + f[12].toLongLong();
        }
        if (!unreaped)
            return ticks(sum);
        QThread::msleep(10);
    }
    return 0;
}

// ---- the limit: a minimal keep-alive JSON-RPC client ------------------------------------------

/// One blocking HTTP/1.1 connection to 127.0.0.1:port, reused for every request.
class Connection
{
public:
    explicit Connection(quint16 port)
        : m_port(port)
    {
    }
    ~Connection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    /// POSTs `body` and fills `answer` (with simdjson's padding after it); false on any error.
    bool post(const std::string &body, std::string &answer, std::string *error)
    {
        if (m_fd < 0 && !connectNow(error))
            return false;
        std::string request = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port)
            + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
        request += body;
        for (size_t sent = 0; sent < request.size();) {
            const ssize_t n = ::send(m_fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return fail(error, "send failed");
            sent += size_t(n);
        }
        // Headers.
        size_t headerEnd;
        while ((headerEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill())
                return fail(error, "connection closed in the headers");
        }
        const std::string headers = m_buffer.substr(0, headerEnd);
        m_buffer.erase(0, headerEnd + 4);
        if (headers.compare(0, 12, "HTTP/1.1 200") != 0)
            return fail(error, "HTTP status: " + headers.substr(0, headers.find('\r')));
        std::string lower = headers;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        answer.clear();
        if (const size_t at = lower.find("content-length:"); at != std::string::npos) {
            const size_t length = std::stoull(lower.substr(at + 15));
            answer.reserve(length + simdjson::SIMDJSON_PADDING);
            while (m_buffer.size() < length) {
                if (!fill())
                    return fail(error, "connection closed in the body");
            }
            answer.assign(m_buffer, 0, length);
            m_buffer.erase(0, length);
        } else if (lower.find("transfer-encoding: chunked") != std::string::npos) {
            for (;;) {
                size_t lineEnd;
                while ((lineEnd = m_buffer.find("\r\n")) == std::string::npos) {
                    if (!fill())
                        return fail(error, "connection closed in a chunk header");
                }
                const size_t size = std::stoull(m_buffer.substr(0, lineEnd), nullptr, 16);
                while (m_buffer.size() < lineEnd + 2 + size + 2) {
                    if (!fill())
                        return fail(error, "connection closed in a chunk");
                }
                answer.append(m_buffer, lineEnd + 2, size);
                m_buffer.erase(0, lineEnd + 2 + size + 2);
                if (size == 0)
                    break;
            }
        } else {
            return fail(error, "an answer without Content-Length or chunks");
        }
        if (answer.capacity() < answer.size() + simdjson::SIMDJSON_PADDING)
            answer.reserve(answer.size() + simdjson::SIMDJSON_PADDING);
        return true;
    }

private:
    bool connectNow(std::string *error)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return fail(error, "socket failed");
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return fail(error, "connect failed");
        return true;
    }

    bool fill()
    {
        char chunk[256 * 1024];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, size_t(n));
        return true;
    }

    bool fail(std::string *error, const std::string &what)
    {
        if (error)
            *error = what;
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
        return false;
    }

    quint16 m_port;
    int m_fd = -1;
    std::string m_buffer;
};

struct PullConfig
{
    int connections = 2;
    qint64 headerBatch = 100;
    qint64 logSpan = 500;
    bool parse = false;
};

struct PullResult
{
    bool ok = false;
    QString error;
    double seconds = 0;
    qint64 bytes = 0;
    qint64 blocks = 0;      ///< headers received (counted only when parsing)
    qint64 logs = 0;
    qint64 calls = 0;       ///< JSON-RPC calls sent, batch elements one by one
    qint64 requests = 0;    ///< HTTP requests sent
    double nodeCpuSeconds = 0;  ///< the node's CPU time while it answered (0: node unknown)
};

std::string hexQuantity(qint64 n)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(n));
    return text;
}

/// `addresses` as a JSON array's inside: "0x..","0x..".
std::string addressList(const QStringList &tokens)
{
    std::string addresses;
    for (const QString &t : tokens)
        addresses += (addresses.empty() ? "\"" : ",\"") + t.toStdString() + '"';
    return addresses;
}

std::string logsCall(qint64 id, qint64 from, qint64 to, const std::string &addresses)
{
    return R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":"eth_getLogs","params":[{"fromBlock":")" + hexQuantity(from)
        + R"(","toBlock":")" + hexQuantity(to) + R"(","address":[)" + addresses
        + R"(],"topics":[["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"]]}]})";
}

/// A batch of eth_getBlockByNumber (no transactions) for `numbers`, ids from `*id` on.
std::string headersBatch(qint64 *id, const std::vector<qint64> &numbers)
{
    std::string body = "[";
    for (const qint64 n : numbers) {
        if (body.size() > 1)
            body += ',';
        body += R"({"jsonrpc":"2.0","id":)" + std::to_string((*id)++) + R"(,"method":"eth_getBlockByNumber","params":[")" + hexQuantity(n)
            + R"(",false]})";
    }
    body += ']';
    return body;
}

// Walks what the indexer reads from a block or a log, as string views (no decoding).
qint64 touch(simdjson::dom::element value, std::initializer_list<const char *> fields)
{
    qint64 n = 0;
    for (const char *field : fields) {
        simdjson::dom::element e;
        std::string_view text;
        if (!value.at_key(field).get(e))
            n += e.get_string().get(text) ? 1 : qint64(text.size());
    }
    return n;
}

/// Walks the logs of an eth_getLogs answer; `onLog` gets each. False when it holds no result array.
template <typename OnLog>
bool walkLogs(simdjson::dom::element root, qint64 *touched, OnLog onLog)
{
    simdjson::dom::array items;
    if (root["result"].get_array().get(items))
        return false;
    for (simdjson::dom::element log : items) {
        *touched += touch(log, {"address", "data", "blockNumber", "blockHash", "transactionHash", "logIndex", "removed"});
        simdjson::dom::array topics;
        if (!log["topics"].get_array().get(topics)) {
            for (simdjson::dom::element topic : topics) {
                std::string_view text;
                if (!topic.get_string().get(text))
                    *touched += qint64(text.size());
            }
        }
        onLog(log);
    }
    return true;
}

/// Walks the headers of an eth_getBlockByNumber batch answer; returns how many it held.
qint64 walkHeaders(simdjson::dom::element root, qint64 *touched)
{
    simdjson::dom::array items;
    if (root.get_array().get(items))
        return 0;
    qint64 blocks = 0;
    for (simdjson::dom::element answerItem : items) {
        simdjson::dom::element block;
        simdjson::dom::array txs;
        if (answerItem["result"].get(block) || block["transactions"].get_array().get(txs))
            continue;
        *touched += touch(block, {"number", "hash", "parentHash", "timestamp", "gasUsed"});
        *touched += qint64(txs.size());
        ++blocks;
    }
    return blocks;
}

/**
 * Posts `bodies` over `connections` keep-alive connections, each taking the next body in order,
 * and hands every answer to `onAnswer(index, answer, parser)`, which returns an error or "".
 * Adds the answers' sizes to `bytes`; returns the first error, "" when every body went through.
 */
template <typename OnAnswer>
std::string postAll(quint16 port, const std::vector<std::string> &bodies, int connections, std::atomic<qint64> &bytes, OnAnswer onAnswer)
{
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    std::string firstError;
    std::mutex errorLock;
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&] {
            Connection connection(port);
            simdjson::dom::parser parser;
            std::string answer;
            std::string error;
            for (size_t i; !failed && (i = next.fetch_add(1)) < bodies.size();) {
                if (connection.post(bodies[i], answer, &error)) {
                    bytes += qint64(answer.size());
                    error = onAnswer(i, answer, parser);
                }
                if (!error.empty()) {
                    std::lock_guard lock(errorLock);
                    if (firstError.empty())
                        firstError = error;
                    failed = true;
                    return;
                }
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    return firstError;
}

/// The dense pull: eth_getLogs over blocks 0-head and every header, both in parallel.
PullResult pull(quint16 port, qint64 head, const QStringList &tokens, const PullConfig &config)
{
    std::vector<std::string> bodies;
    std::vector<bool> isLogs;
    const std::string addresses = addressList(tokens);
    // The heavy calls first, so no connection ends with a big one alone.
    qint64 id = 1;
    for (qint64 from = 0; from <= head; from += config.logSpan) {
        bodies.push_back(logsCall(id++, from, std::min(head, from + config.logSpan - 1), addresses));
        isLogs.push_back(true);
    }
    const qint64 logCalls = qint64(bodies.size());
    for (qint64 from = 0; from <= head; from += config.headerBatch) {
        std::vector<qint64> numbers;
        for (qint64 n = from; n <= std::min(head, from + config.headerBatch - 1); ++n)
            numbers.push_back(n);
        bodies.push_back(headersBatch(&id, numbers));
        isLogs.push_back(false);
    }

    std::atomic<qint64> bytes{0}, blocks{0}, logs{0};
    const double nodeBefore = nodeCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    const std::string error = postAll(port, bodies, config.connections, bytes,
                                      [&](size_t i, const std::string &answer, simdjson::dom::parser &parser) -> std::string {
                                          if (!config.parse)
                                              return {};
                                          simdjson::dom::element root;
                                          if (parser.parse(answer.data(), answer.size(), false).get(root))
                                              return "invalid JSON";
                                          qint64 touched = 0;
                                          if (isLogs[i])
                                              walkLogs(root, &touched, [&](simdjson::dom::element) { ++logs; });
                                          else
                                              blocks += walkHeaders(root, &touched);
                                          if (touched == 0)
                                              bytes += 0;   // keeps the walk from being optimised away
                                          return {};
                                      });
    PullResult r;
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.nodeCpuSeconds = nodeCpuSeconds() - nodeBefore;
    r.ok = error.empty();
    r.error = QString::fromStdString(error);
    r.bytes = bytes;
    r.blocks = blocks;
    r.logs = logs;
    r.requests = qint64(bodies.size());
    r.calls = logCalls + head + 1;
    return r;
}

/**
 * The sparse pull, the least a client needs for a chain whose logs are in few blocks: eth_getLogs
 * over blocks from-head in spans of config.logSpan, then the headers of the distinct blocks those
 * logs are in, config.headerBatch to a batch. Always parses: the logs name the headers to fetch.
 */
PullResult pullSparse(quint16 port, qint64 from, qint64 head, const QStringList &tokens, const PullConfig &config)
{
    std::vector<std::string> logBodies;
    const std::string addresses = addressList(tokens);
    qint64 id = 1;
    for (qint64 first = from; first <= head; first += config.logSpan)
        logBodies.push_back(logsCall(id++, first, std::min(head, first + config.logSpan - 1), addresses));

    std::atomic<qint64> bytes{0}, blocks{0}, logs{0};
    std::mutex numbersLock;
    std::vector<qint64> numbers;
    const double nodeBefore = nodeCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    std::string error = postAll(port, logBodies, config.connections, bytes,
                                [&](size_t, const std::string &answer, simdjson::dom::parser &parser) -> std::string {
                                    simdjson::dom::element root;
                                    if (parser.parse(answer.data(), answer.size(), false).get(root))
                                        return "invalid JSON";
                                    std::vector<qint64> mine;
                                    qint64 touched = 0;
                                    const bool ok = walkLogs(root, &touched, [&](simdjson::dom::element log) {
                                        std::string_view text;
                                        qint64 number = -1;
                                        if (!log["blockNumber"].get_string().get(text) && text.size() > 2)
                                            std::from_chars(text.data() + 2, text.data() + text.size(), number, 16);
                                        mine.push_back(number);
                                        ++logs;
                                    });
                                    if (!ok)
                                        return "eth_getLogs answered no result: " + answer.substr(0, 200);
                                    std::lock_guard lock(numbersLock);
                                    numbers.insert(numbers.end(), mine.begin(), mine.end());
                                    return {};
                                });
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::vector<std::string> headerBodies;
    for (size_t at = 0; error.empty() && at < numbers.size(); at += size_t(config.headerBatch)) {
        const auto end = numbers.begin() + qsizetype(std::min(numbers.size(), at + size_t(config.headerBatch)));
        headerBodies.push_back(headersBatch(&id, std::vector<qint64>(numbers.begin() + qsizetype(at), end)));
    }
    if (error.empty()) {
        error = postAll(port, headerBodies, config.connections, bytes,
                        [&](size_t, const std::string &answer, simdjson::dom::parser &parser) -> std::string {
                            simdjson::dom::element root;
                            if (parser.parse(answer.data(), answer.size(), false).get(root))
                                return "invalid JSON";
                            qint64 touched = 0;
                            blocks += walkHeaders(root, &touched);
                            if (touched == 0)
                                bytes += 0;
                            return {};
                        });
    }
    PullResult r;
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.nodeCpuSeconds = nodeCpuSeconds() - nodeBefore;
    r.ok = error.empty();
    r.error = QString::fromStdString(error);
    r.bytes = bytes;
    r.blocks = blocks;
    r.logs = logs;
    r.calls = qint64(logBodies.size() + numbers.size());
    r.requests = qint64(logBodies.size() + headerBodies.size());
    return r;
}

// ---- arborctl ---------------------------------------------------------------------------------

struct CtlRun
{
    bool ok = false;
    QString error;
    QByteArray stdOut;
    double seconds = 0;
    double cpuSeconds = 0;      ///< user + system time of the arborctl process
    double nodeCpuSeconds = 0;  ///< the node's CPU time meanwhile (0: node unknown)
    double serverCpuSeconds = 0;    ///< the local PostgreSQL server's meanwhile (0: none known)
};

double childCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

CtlRun arborctl(const QStringList &args, int timeoutMs = 1800000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ARBOR_DB"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    const double cpuBefore = childCpuSeconds();
    const double nodeBefore = nodeCpuSeconds();
    const double serverBefore = serverCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    p.start(BuildPaths::arborctl(), args);
    CtlRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.error = QStringLiteral("arborctl %1 timed out").arg(args.join(u' '));
        return r;
    }
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.cpuSeconds = childCpuSeconds() - cpuBefore;
    r.nodeCpuSeconds = nodeCpuSeconds() - nodeBefore;
    r.serverCpuSeconds = serverCpuSeconds() - serverBefore;
    r.stdOut = p.readAllStandardOutput();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!r.ok)
        r.error = QStringLiteral("arborctl %1 failed (%2): %3").arg(args.join(u' ')).arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()).trimmed());
    return r;
}

/// One `queue run --until-empty`: its wall time and the holder updates it completed.
struct DrainResult
{
    double seconds = 0;         ///< wall time of the `arborctl queue run` process
    double workSeconds = 0;     ///< what arborctl reports: the processor's own time
    qint64 completed = 0;
    qint64 failed = 0;
};

struct IndexResult
{
    bool ok = false;
    QString error;
    double seconds = 0;         ///< wall time of the `arborctl index` process
    double engineSeconds = 0;   ///< what arborctl reports: engine start to the last promotion
    double cpuSeconds = 0;      ///< CPU time of arborctl (not of the node or the PostgreSQL server)
    double nodeCpuSeconds = 0;  ///< the node's CPU time while arborctl indexed
    double serverCpuSeconds = 0;    ///< the local PostgreSQL server's meanwhile
    qint64 blocks = 0;
    qint64 transfers = 0;
    qint64 allRows = 0;
    DrainResult drain;          ///< right after the index: what promotion left to the queue
    DrainResult balanceOf;      ///< every token switched to balance_of
    DrainResult recount;        ///< and back to transfers
    QString modes;              ///< each token's mode and reason, the endpoint's state history
    QString checked;            ///< the balance checks' verdict
    /// Every balance exact as `index` exited, checked before the queue ran (kept: in every round).
    bool exactAfterIndex = false;

    /// From `index` start to every balance exact: the index alone where it left them exact.
    double exactSeconds() const { return exactAfterIndex ? seconds : seconds + drain.seconds; }
    double exactBest = 0;       ///< the best round's exactSeconds()
};

/// `chain add` of `tokens` from `startBlock` on the database `onDb` names, with `extra` options.
QStringList chainAdd(const QStringList &onDb, const QString &name, qint64 chainId, const QUrl &rpc, qint64 startBlock, const QStringList &tokens,
                     const QStringList &extra = {})
{
    QStringList add = onDb
        + QStringList{QStringLiteral("chain"), QStringLiteral("add"), QStringLiteral("--name"), name, QStringLiteral("--chain-id"),
                      QString::number(chainId), QStringLiteral("--rpc"), rpc.toString(), QStringLiteral("--start-block"), QString::number(startBlock)}
        + extra;
    for (const QString &t : tokens)
        add << QStringLiteral("--token") << t;
    return add;
}

/// The first chain of `chain list --json` on the database `onDb` names; empty on failure.
QJsonObject firstChain(const QStringList &onDb)
{
    const CtlRun list = arborctl(onDb + QStringList{QStringLiteral("chain"), QStringLiteral("list"), QStringLiteral("--json")}, 120000);
    return QJsonDocument::fromJson(list.stdOut).array().first().toObject();
}

/// Each token's balance mode and reason, and whether the endpoint serves history, as `chain list` shows them.
QString chainSetup(const QJsonObject &chain)
{
    QStringList modes;
    for (const QJsonValue &t : chain.value(QLatin1String("tokenInfo")).toArray())
        modes << QStringLiteral("%1 %2 (%3)").arg(t.toObject().value(QLatin1String("symbol")).toString(),
                                                 t.toObject().value(QLatin1String("balanceMode")).toString(),
                                                 t.toObject().value(QLatin1String("balanceModeReason")).toString());
    const QJsonObject endpoint = chain.value(QLatin1String("endpoints")).toArray().first().toObject();
    const QJsonValue serves = endpoint.value(QLatin1String("servesHistory"));
    modes << QStringLiteral("servesHistory %1").arg(serves.isBool() ? (serves.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : QStringLiteral("null"));
    return modes.join(QStringLiteral("; "));
}

/// Every balance of `tokens` as `query top-holders` lists it, against the generator's
/// {token: {holder: decimal}}: empty when all are exact, else the count and the first wrong one.
QString wrongBalances(const TestDatabase &db, qint64 chainId, const QStringList &tokens, const QJsonObject &expected, qint64 *checked)
{
    qint64 wrong = 0;
    QString first;
    for (const QString &token : tokens) {
        const CtlRun top = arborctl({QStringLiteral("--db"), db.urlString(), QStringLiteral("query"), QStringLiteral("top-holders"),
                                     QStringLiteral("--chain"), QString::number(chainId), QStringLiteral("--token"), token,
                                     QStringLiteral("--limit"), QStringLiteral("10000"), QStringLiteral("--json")},
                                    120000);
        if (!top.ok)
            return top.error;
        QHash<QString, QString> listed;
        for (const QJsonValue &v : QJsonDocument::fromJson(top.stdOut).object().value(QLatin1String("holders")).toArray())
            listed.insert(v.toObject().value(QLatin1String("holder")).toString(), v.toObject().value(QLatin1String("balance")).toString());
        const QJsonObject want = expected.value(token).toObject();
        for (auto it = want.begin(); it != want.end(); ++it) {
            ++*checked;
            const QString shown = listed.take(it.key());
            const QString truth = it.value().toString();
            if (shown != truth && !(shown.isEmpty() && truth == u"0")) {
                if (wrong++ == 0)
                    first = QStringLiteral("%1 of %2: %3, expected %4").arg(it.key(), token, shown.isEmpty() ? QStringLiteral("none") : shown, truth);
            }
        }
        for (auto it = listed.begin(); it != listed.end(); ++it) {
            if (wrong++ == 0)
                first = QStringLiteral("%1 of %2 is listed (%3) but never held it").arg(it.key(), token, it.value());
        }
    }
    return wrong == 0 ? QString() : QStringLiteral("%1 WRONG, first: %2").arg(wrong).arg(first);
}

/**
 * The balances as `index` exited, before any queue run: sets `*exact` when every one is the
 * generator's `expected`. Empty when nothing is expected (--rpc); not WRONG when some are not
 * exact yet, since the queue run after it may be what completes them.
 */
QString checkAfterIndex(const TestDatabase &db, qint64 chainId, const QStringList &tokens, const QJsonObject &expected, bool *exact)
{
    *exact = false;
    if (expected.isEmpty())
        return {};
    qint64 checked = 0;
    *exact = wrongBalances(db, chainId, tokens, expected, &checked).isEmpty();
    return *exact ? QStringLiteral("%1 balances exact").arg(checked) : QStringLiteral("not every balance exact yet");
}

/// What a "to exact balances" row timed: the index alone where every round's balances were
/// exact as it exited (checked before the queue ran), else the index and the queue run after it.
QString exactNote(bool exactAfterIndex)
{
    return exactAfterIndex ? QStringLiteral("from `index` start to every balance exact: exact as `index` exited in every round (checked before the queue ran)")
                           : QStringLiteral("from `index` start to every balance exact (index, then queue run --until-empty)");
}

std::optional<DrainResult> drain(const TestDatabase &db, QString *error)
{
    const CtlRun run = arborctl({QStringLiteral("--db"), db.urlString(), QStringLiteral("queue"), QStringLiteral("run"),
                                 QStringLiteral("--until-empty"), QStringLiteral("--json")});
    if (!run.ok) {
        *error = run.error;
        return std::nullopt;
    }
    const QJsonObject totals = QJsonDocument::fromJson(run.stdOut).object();
    return DrainResult{run.seconds, totals.value(QLatin1String("seconds")).toDouble(), totals.value(QLatin1String("completed")).toInteger(),
                       totals.value(QLatin1String("failed")).toInteger()};
}

/**
 * A default `chain add` at `startBlock` on a fresh `backend` database, then the timed index and
 * drain, the balance checks, and the two mode switches with their drains. `expected` (the
 * generator's balances) may be empty: nothing is checked then.
 */
IndexResult indexOn(const QByteArray &backend, const QUrl &rpc, qint64 chainId, const QStringList &tokens, qint64 startBlock, qint64 head,
                    const QJsonObject &expected)
{
    IndexResult r;
    qputenv("ARBOR_TEST_BACKEND", backend);
    TestDatabase db;
    if (!db.isValid()) {
        r.error = db.error();
        return r;
    }
    const QStringList onDb{QStringLiteral("--db"), db.urlString()};
    const QStringList add = chainAdd(onDb, QStringLiteral("devnet"), chainId, rpc, startBlock, tokens, {QStringLiteral("--confirmations"), QStringLiteral("0")});
    if (const CtlRun added = arborctl(add, 120000); !added.ok) {
        r.error = added.error;
        return r;
    }
    r.modes = chainSetup(firstChain(onDb));

    const CtlRun run = arborctl(onDb + QStringList{QStringLiteral("index"), QStringLiteral("--until-block"), QString::number(head), QStringLiteral("--json")});
    if (!run.ok) {
        r.error = run.error;
        return r;
    }
    const QString afterIndex = checkAfterIndex(db, chainId, tokens, expected, &r.exactAfterIndex);
    const auto drained = drain(db, &r.error);
    if (!drained)
        return r;
    r.drain = *drained;
    const QJsonObject summary = QJsonDocument::fromJson(run.stdOut).object();
    r.seconds = run.seconds;
    r.cpuSeconds = run.cpuSeconds;
    r.nodeCpuSeconds = run.nodeCpuSeconds;
    r.serverCpuSeconds = run.serverCpuSeconds;
    r.engineSeconds = summary.value(QLatin1String("seconds")).toDouble();
    for (const QJsonValue &v : summary.value(QLatin1String("tables")).toArray()) {
        const QJsonObject t = v.toObject();
        const qint64 rows = t.value(QLatin1String("rowsWritten")).toInteger();
        const QString table = t.value(QLatin1String("table")).toString();
        if (table == u"blocks")
            r.blocks = rows;
        else if (table == u"token_transfers")
            r.transfers = rows;
        r.allRows += rows;
    }

    QStringList verdicts;
    qint64 checked = 0;
    const auto check = [&](const QString &when) {
        if (expected.isEmpty())
            return;
        checked = 0;
        const QString wrong = wrongBalances(db, chainId, tokens, expected, &checked);
        verdicts << QStringLiteral("%1: %2").arg(when, wrong.isEmpty() ? QStringLiteral("%1 balances exact").arg(checked) : wrong);
    };
    if (!afterIndex.isEmpty())
        verdicts << QStringLiteral("after index: %1").arg(afterIndex);
    check(QStringLiteral("after index + drain"));

    // Work the queue exists for: every holder read from the node, then recounted from transfers.
    for (const auto &[mode, into] : {std::pair(QStringLiteral("balance_of"), &r.balanceOf), std::pair(QStringLiteral("transfers"), &r.recount)}) {
        for (const QString &t : tokens) {
            const CtlRun set = arborctl(onDb + QStringList{QStringLiteral("chain"), QStringLiteral("set-balance-mode"), QStringLiteral("--chain"),
                                                           QString::number(chainId), QStringLiteral("--token"), t, QStringLiteral("--mode"), mode},
                                        120000);
            if (!set.ok) {
                r.error = set.error;
                return r;
            }
        }
        const auto switched = drain(db, &r.error);
        if (!switched)
            return r;
        *into = *switched;
        check(QStringLiteral("after %1").arg(mode));
    }
    r.checked = expected.isEmpty() ? QStringLiteral("not checked (no generator figures with --rpc)") : verdicts.join(QStringLiteral("; "));
    r.ok = true;
    return r;
}

/// The quantity a single call answers, e.g. eth_blockNumber; -1 on failure.
qint64 callQuantity(quint16 port, const char *method)
{
    Connection connection(port);
    std::string answer;
    if (!connection.post(std::string(R"({"jsonrpc":"2.0","id":1,"method":")") + method + R"(","params":[]})", answer, nullptr))
        return -1;
    simdjson::dom::parser parser;
    std::string_view text;
    if (parser.parse(answer).at_key("result").get_string().get(text))
        return -1;
    return QByteArray(text.data(), qsizetype(text.size())).toLongLong(nullptr, 16);
}

// ---- figures ----------------------------------------------------------------------------------

QString seconds(double s)
{
    return QString::number(s, 'f', 2) + QStringLiteral(" s");
}

QString perSecond(double n, double s, const QString &unit = QStringLiteral("rows/s"))
{
    return s > 0 && n > 0 ? QString::number(qint64(n / s)) + u' ' + unit : QStringLiteral("-");
}

/// One index's CPU time and wall time, for printCpuFloor().
struct CpuFigures
{
    double seconds = 0, arborctl = 0, node = 0, server = 0;

    template<typename Run>
    static CpuFigures of(const Run &r)
    {
        return {r.seconds, r.cpuSeconds, r.nodeCpuSeconds, r.serverCpuSeconds};
    }
};

/**
 * The node runs on this machine too (and a local PostgreSQL server): an index takes no less
 * wall time than its CPU time, the node's and the server's spread over every hardware thread,
 * where the raw pull's CPU time is the node's alone. Prints those floors against the raw pull
 * `raw` and each backend's best index (`figures`); nothing when the node's process is unknown.
 */
void printCpuFloor(const PullResult &raw, const std::function<CpuFigures(const QByteArray &)> &figures, const QList<QByteArray> &backends)
{
    if (nodePid <= 0)
        return;
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    out() << Qt::endl << "CPU time on this machine's " << threads << " hardware threads, which the node shares (best rounds):" << Qt::endl
          << "  raw pull: the node " << seconds(raw.nodeCpuSeconds) << " in " << seconds(raw.seconds) << " ("
          << QString::number(raw.nodeCpuSeconds / raw.seconds, 'f', 1) << " threads busy)" << Qt::endl;
    for (const QByteArray &backend : backends) {
        const CpuFigures r = figures(backend);
        const bool server = backend == "postgres" && postmasterPid > 0;
        const double cpu = r.node + r.arborctl + (server ? r.server : 0);
        const double floor = cpu / threads;
        out() << "  " << backend << " index: the node " << seconds(r.node) << " + arborctl " << seconds(r.arborctl)
              << (server ? QStringLiteral(" + the PostgreSQL server %1").arg(seconds(r.server)) : QString()) << " = " << seconds(cpu)
              << ", so at least " << seconds(floor) << " of wall time (" << QString::number(floor / raw.seconds, 'f', 2) << "x the raw pull); it took "
              << seconds(r.seconds) << " (" << QString::number(r.seconds / floor, 'f', 2) << "x that floor)"
              << (backend == "postgres" && !server ? " - the PostgreSQL server is not on this machine or not found: its CPU not counted" : "")
              << Qt::endl;
    }
}

} // namespace

/// `arborctl index` through a provider-like proxy in front of `rpc`: the figures of one run.
struct ProviderResult
{
    bool ok = false;
    QString error;
    double seconds = 0;
    qint64 transfers = 0;
    FaultProxy::Counters counters;
    QJsonObject endpoint;       ///< the endpoint as `chain list --json` shows it afterwards
};

ProviderResult indexThroughProvider(const QByteArray &backend, const QUrl &rpc, qint64 chainId, const QStringList &tokens, qint64 startBlock,
                                    qint64 head, const ProviderLimits &limits)
{
    ProviderResult r;
    FaultProxy proxy(rpc, 7);
    QString error;
    if (!proxy.start(&error)) {
        r.error = error;
        return r;
    }
    proxy.setLimits(limits);
    qputenv("ARBOR_TEST_BACKEND", backend);
    TestDatabase db;
    if (!db.isValid()) {
        r.error = db.error();
        return r;
    }
    const QStringList onDb{QStringLiteral("--db"), db.urlString()};
    const QStringList add = chainAdd(onDb, QStringLiteral("hosted"), chainId, proxy.url(), startBlock, tokens,
                                     {QStringLiteral("--confirmations"), QStringLiteral("0")});
    if (const CtlRun added = arborctl(add, 600000); !added.ok) {
        r.error = added.error;
        return r;
    }
    QThread::sleep(1);      // the bucket refills after the probes
    proxy.resetCounters();
    const CtlRun run = arborctl(onDb + QStringList{QStringLiteral("index"), QStringLiteral("--until-block"), QString::number(head), QStringLiteral("--json")});
    r.counters = proxy.counters();
    if (!run.ok) {
        r.error = run.error;
        return r;
    }
    r.seconds = run.seconds;
    for (const QJsonValue &v : QJsonDocument::fromJson(run.stdOut).object().value(QLatin1String("tables")).toArray()) {
        if (v.toObject().value(QLatin1String("table")).toString() == u"token_transfers")
            r.transfers = v.toObject().value(QLatin1String("rowsWritten")).toInteger();
    }
    r.endpoint = firstChain(onDb).value(QLatin1String("endpoints")).toArray().first().toObject();
    r.ok = true;
    return r;
}

// ---- the sparse chain -------------------------------------------------------------------------

namespace {

/// tst_sparsechain's shape: rounds of traffic, each followed by empty blocks.
struct SparseShape
{
    int rounds = 8;
    int emptyBetween = 238;
    int transfers = 1080;   ///< per round
    int holders = 60;       ///< per round, new ones each round
    int blocks = 4;         ///< of transfers per round; the round's mints come in the block(s) before
};

/**
 * Generates `shape` on `devnet`: adds each round's Transfer logs (mints included) to `*transfers`
 * and its holders' balances to `*balances` ({token: {holder: decimal}}). Each round's seed gives
 * new holders, so the balances of earlier rounds stay as they were.
 */
bool generateSparseTraffic(Devnet &devnet, const QStringList &tokens, const SparseShape &shape, qint64 *transfers, QJsonObject *balances,
                           QString *error)
{
    for (int round = 0; round < shape.rounds; ++round) {
        const auto traffic = devnet.generateTraffic(tokens, shape.transfers, shape.holders, shape.blocks, quint64(round) + 1, error);
        if (!traffic)
            return false;
        const QJsonObject byToken = traffic->value(QLatin1String("transfers")).toObject();
        for (auto it = byToken.begin(); it != byToken.end(); ++it)
            *transfers += it.value().toInteger();
        const QJsonObject roundBalances = traffic->value(QLatin1String("balances")).toObject();
        for (auto token = roundBalances.begin(); token != roundBalances.end(); ++token) {
            QJsonObject merged = balances->value(token.key()).toObject();
            const QJsonObject holders = token.value().toObject();
            for (auto it = holders.begin(); it != holders.end(); ++it)
                merged.insert(it.key(), it.value());
            balances->insert(token.key(), merged);
        }
        if (shape.emptyBetween > 0
            && !devnet.rpc(QStringLiteral("anvil_mine"), QJsonArray{QString(QStringLiteral("0x") + QString::number(shape.emptyBetween, 16))}, error))
            return false;
    }
    return true;
}

/// What a counting FaultProxy saw of one phase.
struct Calls
{
    QMap<QString, quint64> byMethod;   ///< every JSON-RPC call received, batch elements one by one
    quint64 requests = 0;              ///< HTTP requests
    quint64 admitted = 0;              ///< calls past the provider's limits (all of them without limits)
    quint64 rateLimited = 0;           ///< requests answered 429
    quint64 batchRefused = 0;          ///< requests answered 400 for their batch size

    static Calls of(const FaultProxy::Counters &c)
    {
        return {c.callsByMethod, c.requests, c.callsAdmitted, c.rateLimited, c.batchRefused};
    }
    quint64 total() const
    {
        quint64 n = 0;
        for (const quint64 calls : byMethod)
            n += calls;
        return n;
    }
    QString methods() const
    {
        QStringList parts;
        for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
    }
    Calls operator+(const Calls &o) const
    {
        Calls sum = *this;
        for (auto it = o.byMethod.cbegin(); it != o.byMethod.cend(); ++it)
            sum.byMethod[it.key()] += it.value();
        sum.requests += o.requests;
        sum.admitted += o.admitted;
        sum.rateLimited += o.rateLimited;
        sum.batchRefused += o.batchRefused;
        return sum;
    }
};

/// One default `chain add`, then `index` and `queue run --until-empty`, on a fresh database.
struct SparseRun
{
    bool ok = false;
    QString error;
    double seconds = 0;         ///< wall time of the `arborctl index` process
    double engineSeconds = 0;   ///< what arborctl reports: engine start to the last promotion
    double cpuSeconds = 0;      ///< CPU time of arborctl index
    double nodeCpuSeconds = 0;  ///< the node's CPU time while arborctl indexed
    double serverCpuSeconds = 0;    ///< the local PostgreSQL server's meanwhile
    DrainResult drain;
    qint64 headers = 0;         ///< rows of the blocks table
    qint64 transfers = 0;
    QString blockStats;         ///< the block statistics the default add chose
    QString modes;
    qint64 arborCalls = -1;     ///< the calls Arbor counted itself (chain list --json callsTotal)
    QString checked;
    Calls add, index, queue;    ///< counted by the proxy; nothing when straight to the node
    double exactBest = 0;       ///< the best round's exactSeconds()
    /// Straight to the node: the wall time of a second `index` to the same head, with nothing
    /// left to fetch (process start, database open and close: no call to the node); -1 when not measured.
    double idleSeconds = -1;
    /// Every balance exact as `index` exited, checked before the queue ran (kept: in every round).
    bool exactAfterIndex = false;

    /// From `index` start to every balance exact: the index alone where it left them exact.
    double exactSeconds() const { return exactAfterIndex ? seconds : seconds + drain.seconds; }
};

/**
 * A default `chain add` of `tokens` at `startBlock` on a fresh `backend` database, then the timed
 * `index --until-block head` and drain, and the balance check. With `through`, arborctl reaches
 * the node through a new FaultProxy with those limits (ProviderLimits::none(): counting only)
 * and `latency`'s delay, whose counts each phase keeps, its bucket full again after the add;
 * without, straight.
 */
SparseRun sparseIndexOn(const QByteArray &backend, const QUrl &rpc, const std::optional<ProviderLimits> &through, const FaultPlan &latency,
                        qint64 chainId, const QStringList &tokens, qint64 startBlock, qint64 head, const QJsonObject &expected)
{
    SparseRun r;
    std::unique_ptr<FaultProxy> proxy;
    if (through) {
        proxy = std::make_unique<FaultProxy>(rpc, 7);
        if (!proxy->start(&r.error))
            return r;
        proxy->setLimits(*through);
        proxy->setFaults(latency);
    }
    qputenv("ARBOR_TEST_BACKEND", backend);
    TestDatabase db;
    if (!db.isValid()) {
        r.error = db.error();
        return r;
    }
    const QStringList onDb{QStringLiteral("--db"), db.urlString()};
    if (const CtlRun added = arborctl(chainAdd(onDb, QStringLiteral("sparse"), chainId, proxy ? proxy->url() : rpc, startBlock, tokens), 600000);
        !added.ok) {
        r.error = added.error;
        return r;
    }
    if (proxy) {
        r.add = Calls::of(proxy->counters());
        proxy->setLimits(*through);
        proxy->resetCounters();
    }
    const CtlRun run = arborctl(onDb + QStringList{QStringLiteral("index"), QStringLiteral("--until-block"), QString::number(head), QStringLiteral("--json")});
    if (proxy) {
        r.index = Calls::of(proxy->counters());
        proxy->resetCounters();
    }
    if (!run.ok) {
        r.error = run.error;
        return r;
    }
    const QString afterIndex = checkAfterIndex(db, chainId, tokens, expected, &r.exactAfterIndex);
    const auto drained = drain(db, &r.error);
    if (proxy)
        r.queue = Calls::of(proxy->counters());
    if (!drained)
        return r;
    r.drain = *drained;
    if (!proxy) {
        const CtlRun idle = arborctl(onDb + QStringList{QStringLiteral("index"), QStringLiteral("--until-block"), QString::number(head), QStringLiteral("--json")});
        if (!idle.ok) {
            r.error = idle.error;
            return r;
        }
        r.idleSeconds = idle.seconds;
    }
    const QJsonObject summary = QJsonDocument::fromJson(run.stdOut).object();
    r.seconds = run.seconds;
    r.cpuSeconds = run.cpuSeconds;
    r.nodeCpuSeconds = run.nodeCpuSeconds;
    r.serverCpuSeconds = run.serverCpuSeconds;
    r.engineSeconds = summary.value(QLatin1String("seconds")).toDouble();
    for (const QJsonValue &v : summary.value(QLatin1String("tables")).toArray()) {
        const QString table = v.toObject().value(QLatin1String("table")).toString();
        if (table == u"blocks")
            r.headers = v.toObject().value(QLatin1String("rowsWritten")).toInteger();
        else if (table == u"token_transfers")
            r.transfers = v.toObject().value(QLatin1String("rowsWritten")).toInteger();
    }
    const QJsonObject chain = firstChain(onDb);
    r.blockStats = chain.value(QLatin1String("blockStats")).toObject().value(QLatin1String("mode")).toString();
    r.modes = chainSetup(chain);
    r.arborCalls = chain.value(QLatin1String("endpoints")).toArray().first().toObject().value(QLatin1String("callsTotal")).toInteger(-1);
    if (expected.isEmpty()) {
        r.checked = QStringLiteral("not checked (no generator figures with --rpc)");
    } else {
        qint64 checked = 0;
        const QString wrong = wrongBalances(db, chainId, tokens, expected, &checked);
        r.checked = QStringLiteral("after index: %1; after index + drain: %2")
                        .arg(afterIndex, wrong.isEmpty() ? QStringLiteral("%1 balances exact").arg(checked) : wrong);
    }
    r.ok = true;
    return r;
}

/// The --sparse figures: calls and requests against the raw pull's, times, and the provider run.
int runSparse(const QUrl &rpc, qint64 chainId, const QStringList &tokens, qint64 startBlock, qint64 head, qint64 expectedTransfers,
              const QJsonObject &expected, const QList<QByteArray> &backends, int runs, const std::optional<ProviderLimits> &provider,
              int latencyMs)
{
    // Every request through a proxy held as long, whatever it asks: a round trip's worth.
    FaultPlan latency;
    latency.delay = latencyMs > 0 ? 1.0 : 0.0;
    latency.delayMinMs = latency.delayMaxMs = latencyMs;
    const QString proxiedPath = latencyMs > 0 ? QStringLiteral("through the counting proxy, each request held %1 ms").arg(latencyMs)
                                              : QStringLiteral("through the counting proxy");
    const quint16 port = quint16(rpc.port());
    // One eth_getLogs for the whole range, down to spans of 250 blocks (about ponder's eight calls).
    const QList<PullConfig> shapes = {{1, 100, 2000, true}, {2, 100, 500, true}, {4, 100, 250, true}};
    FaultProxy counting(rpc, 7);
    QString error;
    if (!counting.start(&error)) {
        out() << "bench_indexing: " << error << Qt::endl;
        return 1;
    }
    counting.setFaults(latency);
    (void)pullSparse(port, startBlock, head, tokens, shapes[0]);   // warm-up: the node's first answers are slower

    struct PullFigures
    {
        PullResult direct, proxied;
        Calls counted;      ///< the proxied pull's, as the proxy saw them
    };
    QList<PullFigures> pulls(shapes.size());
    QMap<QByteArray, SparseRun> straight, counted;
    qint64 logBlocks = -1;
    for (int run = 0; run < runs; ++run) {
        QString line = QStringLiteral("round %1:").arg(run + 1);
        for (qsizetype i = 0; i < shapes.size(); ++i) {
            const PullResult direct = pullSparse(port, startBlock, head, tokens, shapes[i]);
            counting.resetCounters();
            const PullResult proxied = pullSparse(counting.port(), startBlock, head, tokens, shapes[i]);
            const Calls calls = Calls::of(counting.counters());
            if (qint64(calls.total()) != proxied.calls || qint64(calls.requests) != proxied.requests)
                out() << "warning: the raw pull sent " << proxied.calls << " calls in " << proxied.requests << " requests, the proxy counted "
                      << calls.total() << " in " << calls.requests << Qt::endl;
            for (const PullResult *r : {&direct, &proxied}) {
                if (!r->ok) {
                    out() << "raw pull failed: " << r->error << Qt::endl;
                    return 1;
                }
                if (logBlocks < 0)
                    logBlocks = r->blocks;
                if ((expectedTransfers >= 0 && r->logs != expectedTransfers) || r->blocks != logBlocks)
                    out() << "warning: a raw pull saw " << r->logs << " logs in " << r->blocks << " blocks" << Qt::endl;
            }
            PullFigures &keep = pulls[i];
            if (run == 0) {
                keep = {direct, proxied, calls};
            } else {
                if (direct.seconds < keep.direct.seconds)
                    keep.direct = direct;
                if (proxied.seconds < keep.proxied.seconds)
                    keep.proxied = proxied;
            }
            line += QStringLiteral(" raw/%1c/%2 %3, proxied %4").arg(shapes[i].connections).arg(shapes[i].logSpan).arg(seconds(direct.seconds),
                                                                                                          seconds(proxied.seconds));
        }
        if (expectedTransfers < 0)
            expectedTransfers = pulls[0].direct.logs;
        for (const QByteArray &backend : backends) {
            for (const bool viaProxy : {false, true}) {
                const SparseRun r = sparseIndexOn(backend, rpc, viaProxy ? std::optional(ProviderLimits::none()) : std::nullopt, latency, chainId,
                                                  tokens, startBlock, head, expected);
                const QString path = viaProxy ? proxiedPath : QStringLiteral("straight to the node");
                if (!r.ok) {
                    out() << "arborctl on " << backend << ", " << path << ": " << r.error << Qt::endl;
                    return 1;
                }
                if (r.transfers != expectedTransfers)
                    out() << "warning: " << backend << " indexed " << r.transfers << " transfers" << Qt::endl;
                if (r.checked.contains(QLatin1String("WRONG")) || r.drain.failed > 0)
                    out() << "WRONG: " << backend << ", " << path << ": " << r.checked << "; failed items: " << r.drain.failed << Qt::endl;
                if (run == 0)
                    out() << backend << ", " << path << ": block statistics " << r.blockStats << "; " << r.modes << "; " << r.checked << Qt::endl;
                SparseRun &keep = (viaProxy ? counted : straight)[backend];
                if (!keep.ok) {
                    keep = r;
                    keep.exactBest = r.exactSeconds();
                } else {
                    if (r.seconds < keep.seconds) {
                        keep.seconds = r.seconds;
                        keep.engineSeconds = r.engineSeconds;
                        keep.cpuSeconds = r.cpuSeconds;
                        keep.nodeCpuSeconds = r.nodeCpuSeconds;
                        keep.serverCpuSeconds = r.serverCpuSeconds;
                    }
                    if (r.drain.seconds < keep.drain.seconds)
                        keep.drain = r.drain;
                    if (r.idleSeconds >= 0 && (keep.idleSeconds < 0 || r.idleSeconds < keep.idleSeconds))
                        keep.idleSeconds = r.idleSeconds;
                    keep.exactBest = std::min(keep.exactBest, r.exactSeconds());
                    keep.exactAfterIndex = keep.exactAfterIndex && r.exactAfterIndex;
                }
                line += QStringLiteral(" %1%2 %3 +drain %4").arg(QString::fromLatin1(backend), viaProxy ? QStringLiteral("/proxied") : QString(),
                                                                   seconds(r.seconds), seconds(r.drain.seconds));
            }
        }
        out() << line << Qt::endl;
    }

    const qint64 length = head - startBlock + 1;
    out() << Qt::endl << "blocks " << startBlock << "-" << head << ": " << length << " blocks, " << expectedTransfers << " Transfer logs in " << logBlocks
          << " of them (" << QString::number(100.0 * double(logBlocks) / double(length), 'f', 1) << "%); best of " << runs
          << " round(s) on a machine with " << std::thread::hardware_concurrency() << " hardware threads" << Qt::endl;

    // Calls: the raw pull's fewest is the minimum the issue names.
    qsizetype least = 0;
    for (qsizetype i = 1; i < pulls.size(); ++i) {
        if (pulls[i].counted.total() < pulls[least].counted.total())
            least = i;
    }
    const Calls &minimum = pulls[least].counted;
    out() << Qt::endl << "JSON-RPC calls (batch elements one by one) and HTTP requests, as a FaultProxy without faults counted them:" << Qt::endl;
    auto callRow = [](const QString &name, const Calls &c, const QString &note) {
        out() << name.leftJustified(52) << QString::number(c.total()).rightJustified(7) << QString::number(c.requests).rightJustified(10) << "  "
              << c.methods() << note << Qt::endl;
    };
    out() << QString().leftJustified(52) << QStringLiteral("calls").rightJustified(7) << QStringLiteral("requests").rightJustified(10) << "  by method"
          << Qt::endl;
    for (qsizetype i = 0; i < pulls.size(); ++i)
        callRow(QStringLiteral("raw pull, eth_getLogs of %1 blocks, %2 headers/batch").arg(shapes[i].logSpan).arg(shapes[i].headerBatch),
                pulls[i].counted, i == least ? QStringLiteral("  <- the raw minimum") : QString());
    auto times = [&](const Calls &c) {
        return QStringLiteral("  (%1x the raw minimum's calls, %2x its requests)")
            .arg(double(c.total()) / double(minimum.total()), 0, 'f', 2)
            .arg(double(c.requests) / double(minimum.requests), 0, 'f', 2);
    };
    for (const QByteArray &backend : backends) {
        const SparseRun &r = counted[backend];
        const QString name = QString::fromLatin1(backend);
        callRow(name + QStringLiteral(": chain add (default)"), r.add, QString());
        callRow(name + QStringLiteral(": index --until-block %1").arg(head), r.index, QStringLiteral("; %1 headers stored").arg(r.headers));
        callRow(name + QStringLiteral(": queue run --until-empty"), r.queue, QString());
        callRow(name + QStringLiteral(": index + queue"), r.index + r.queue, times(r.index + r.queue));
        callRow(name + QStringLiteral(": chain add + index + queue"), r.add + r.index + r.queue,
                QStringLiteral("  (Arbor counted %1 itself: chain list --json callsTotal)").arg(r.arborCalls));
    }
    // The issue's figures for ponder 1.0 on its chain (1,952 blocks, 10,000 transfers in 40 blocks).
    constexpr quint64 PonderCalls = 59, PonderRequests = 59;
    out() << "ponder 1.0: 59 calls (50 eth_getBlockByNumber, 8 eth_getLogs, 1 eth_chainId), 59 HTTP requests: issue 25's figure for its chain "
             "of 1,952 blocks, NOT measured here (ponder is not installed)"
          << Qt::endl;
    for (const QByteArray &backend : backends) {
        const SparseRun &r = counted[backend];
        const Calls all = r.add + r.index + r.queue;
        const Calls work = r.index + r.queue;
        out() << "  " << backend << " against that figure: index + queue " << QString::number(double(work.total()) / PonderCalls, 'f', 2)
              << "x its calls, " << QString::number(double(work.requests) / PonderRequests, 'f', 2) << "x its requests; chain add + index + queue "
              << QString::number(double(all.total()) / PonderCalls, 'f', 2) << "x, " << QString::number(double(all.requests) / PonderRequests, 'f', 2)
              << "x" << Qt::endl;
    }

    // Times: each against the raw pull on the same path.
    PullResult rawDirect = pulls[0].direct, rawProxied = pulls[0].proxied;
    PullConfig directShape = shapes[0], proxiedShape = shapes[0];
    for (qsizetype i = 1; i < pulls.size(); ++i) {
        if (pulls[i].direct.seconds < rawDirect.seconds) {
            rawDirect = pulls[i].direct;
            directShape = shapes[i];
        }
        if (pulls[i].proxied.seconds < rawProxied.seconds) {
            rawProxied = pulls[i].proxied;
            proxiedShape = shapes[i];
        }
    }
    out() << Qt::endl << QString().leftJustified(44) << QStringLiteral("time").rightJustified(8) << QStringLiteral("vs raw").rightJustified(8)
          << QStringLiteral("rate").rightJustified(22) << Qt::endl;
    auto row = [&](const QString &name, double s, double limit, double n, const QString &note, const QString &unit) {
        out() << name.leftJustified(44) << seconds(s).rightJustified(8) << QStringLiteral("%1x").arg(s / limit, 0, 'f', 2).rightJustified(8)
              << perSecond(n, s, unit).rightJustified(22) << "  " << note << Qt::endl;
    };
    const QString logsUnit = QStringLiteral("transfers/s");
    auto shapeNote = [](const PullResult &r, const PullConfig &shape) {
        return QStringLiteral("%1 MB; %2 connection(s), eth_getLogs of %3 blocks, then %4 headers in batches of %5")
            .arg(double(r.bytes) / 1e6, 0, 'f', 1).arg(shape.connections).arg(shape.logSpan).arg(r.blocks).arg(shape.headerBatch);
    };
    row(QStringLiteral("raw sparse pull + simdjson, straight"), rawDirect.seconds, rawDirect.seconds, double(expectedTransfers),
        shapeNote(rawDirect, directShape), logsUnit);
    row(QStringLiteral("raw sparse pull + simdjson, proxied"), rawProxied.seconds, rawProxied.seconds, double(expectedTransfers),
        shapeNote(rawProxied, proxiedShape) + QStringLiteral("; ") + proxiedPath, logsUnit);
    for (const QByteArray &backend : backends) {
        const QString name = QString::fromLatin1(backend);
        for (const bool viaProxy : {false, true}) {
            const SparseRun &r = (viaProxy ? counted : straight)[backend];
            const double limit = viaProxy ? rawProxied.seconds : rawDirect.seconds;
            const QString path = viaProxy ? QStringLiteral(", proxied") : QStringLiteral(", straight");
            row(name + QStringLiteral(": to exact balances") + path, r.exactBest, limit, double(r.transfers), exactNote(r.exactAfterIndex), logsUnit);
            row(name + QStringLiteral(": index") + path, r.seconds, limit, double(r.transfers),
                QStringLiteral("process wall time (engine %1, arborctl cpu %2); %3 headers stored")
                    .arg(seconds(r.engineSeconds), seconds(r.cpuSeconds)).arg(r.headers),
                logsUnit);
            if (r.idleSeconds >= 0)
                row(name + QStringLiteral(": index, nothing left") + path, r.idleSeconds, limit, 0,
                    QStringLiteral("a second `index` to the same head: process start, database open and close, no call to the node"), logsUnit);
            row(name + QStringLiteral(": queue after index") + path, r.drain.seconds, limit, double(r.drain.completed),
                QStringLiteral("%1 holder updates left by promotion (processor %2)").arg(r.drain.completed).arg(seconds(r.drain.workSeconds)),
                QStringLiteral("updates/s"));
        }
    }
    out() << "(\"vs raw\": against the raw pull on the same path, straight to the node or " << proxiedPath << ")" << Qt::endl;
    if (backends.size() == 1)
        out() << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)" << Qt::endl;
    printCpuFloor(rawDirect, [&](const QByteArray &backend) { return CpuFigures::of(straight[backend]); }, backends);
    // What a process costs besides fetching and writing is paid once per `index`, however small
    // the chain: on one this small it bounds the time ratio from below.
    out() << Qt::endl << "Paid by every `index` process besides fetching and writing (best rounds):" << Qt::endl;
    for (const QByteArray &backend : backends) {
        const SparseRun &r = straight[backend];
        if (r.idleSeconds < 0)
            continue;
        const double least = rawDirect.seconds + r.idleSeconds;
        out() << "  " << backend << ": the raw pull + an `index` with nothing to fetch = " << seconds(least) << " ("
              << QString::number(least / rawDirect.seconds, 'f', 2) << "x the raw pull), before a transfer is decoded or written" << Qt::endl;
    }

    if (!provider)
        return 0;
    const double rate = provider->requestsPerSecond;
    out() << Qt::endl << "provider: " << rate << " calls/s (429 with Retry-After above it), batches of at most " << provider->maxBatch
          << "; the raw minimum's " << minimum.total() << " calls take at least " << seconds(double(minimum.total()) / rate) << Qt::endl;
    for (int run = 0; run < runs; ++run) {
        for (const QByteArray &backend : backends) {
            // At the provider's rate alone: its least possible time is the calls over the rate.
            const SparseRun r = sparseIndexOn(backend, rpc, provider, FaultPlan(), chainId, tokens, startBlock, head, expected);
            if (!r.ok) {
                out() << backend << " behind the provider: " << r.error << Qt::endl;
                return 1;
            }
            const Calls work = r.index + r.queue;
            const double leastOwn = double(work.admitted) / rate;
            const double leastRaw = double(minimum.total()) / rate;
            out() << backend << " round " << run + 1 << ": to exact balances " << seconds(r.exactSeconds()) << " = "
                  << QString::number(r.exactSeconds() / leastOwn, 'f', 2) << "x the least possible for its " << work.admitted << " admitted calls ("
                  << seconds(leastOwn) << "), " << QString::number(r.exactSeconds() / leastRaw, 'f', 2) << "x the raw minimum's " << minimum.total()
                  << " calls / " << rate << " (" << seconds(leastRaw) << "); index alone " << seconds(r.seconds) << " = "
                  << QString::number(r.seconds / (double(r.index.admitted) / rate), 'f', 2) << "x its " << r.index.admitted << " admitted calls / "
                  << rate << Qt::endl
                  << "  proxy, index + queue: " << work.total() << " calls received (" << work.methods() << "), " << work.requests << " requests, "
                  << work.rateLimited << " answered 429, " << work.batchRefused << " batches refused; chain add before: " << r.add.total()
                  << " calls, " << r.add.requests << " requests; " << r.transfers << " transfers"
                  << (r.transfers != expectedTransfers ? QStringLiteral(" (WRONG: expected %1)").arg(expectedTransfers) : QString()) << "; "
                  << r.checked << Qt::endl;
        }
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Indexing throughput against a devnet: raw JSON-RPC pull, arborctl on SQLite and PostgreSQL."));
    parser.addHelpOption();
    const QCommandLineOption tokensOption(QStringLiteral("tokens"), QStringLiteral("Tokens to deploy."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption blocksOption(QStringLiteral("blocks"), QStringLiteral("Blocks of traffic."), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption transfersOption(QStringLiteral("transfers"), QStringLiteral("Transfers."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption holdersOption(QStringLiteral("holders"), QStringLiteral("Holders."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Rounds of measurements; the best of each is reported."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption holdOption(QStringLiteral("hold"), QStringLiteral("Keep the devnet up afterwards, until Enter."));
    const QCommandLineOption rpcOption(QStringLiteral("rpc"), QStringLiteral("Measure a node already running on http://127.0.0.1:PORT instead."),
                                       QStringLiteral("URL"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), QStringLiteral("With --rpc: a token to index (repeatable)."), QStringLiteral("ADDRESS"));
    const QCommandLineOption startOption(QStringLiteral("start-block"), QStringLiteral("With --rpc: the chain's start block (default 0)."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption nodePidOption(QStringLiteral("node-pid"), QStringLiteral("With --rpc: the node's process, whose CPU time is then shown."),
                                           QStringLiteral("PID"));
    const QCommandLineOption liveOption(QStringLiteral("live-node"), QStringLiteral("Measure the live anvil, not one restarted from a state dump."));
    const QCommandLineOption providerRateOption(QStringLiteral("provider-rate"),
                                                QStringLiteral("Only measure `index` through a provider-like proxy allowing N calls/s."), QStringLiteral("N"));
    const QCommandLineOption providerBatchOption(QStringLiteral("provider-batch"), QStringLiteral("With --provider-rate: the largest batch it accepts."),
                                                 QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption sparseOption(QStringLiteral("sparse"),
                                          QStringLiteral("A sparse chain (issue 25): rounds of traffic separated by empty blocks; calls counted by method."));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("With --sparse: rounds of traffic."), QStringLiteral("N"),
                                          QStringLiteral("8"));
    const QCommandLineOption emptyOption(QStringLiteral("empty-between"), QStringLiteral("With --sparse: empty blocks after each round."),
                                         QStringLiteral("M"), QStringLiteral("238"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("With --sparse: the counting proxy holds each request MS ms, as a hosted endpoint's round trip."),
                                           QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({tokensOption, blocksOption, transfersOption, holdersOption, runsOption, holdOption, rpcOption, tokenOption, startOption, nodePidOption,
                       liveOption, providerRateOption, providerBatchOption, sparseOption, roundsOption, emptyOption, latencyOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const bool sparse = parser.isSet(sparseOption);
    // --sparse: --transfers, --holders and --blocks are totals split over the rounds, with defaults of their own.
    const auto total = [&](const QCommandLineOption &option, int sparseDefault) {
        return sparse && !parser.isSet(option) ? sparseDefault : parser.value(option).toInt();
    };
    SparseShape shape;
    shape.rounds = std::max(1, parser.value(roundsOption).toInt());
    shape.emptyBetween = std::max(0, parser.value(emptyOption).toInt());
    shape.transfers = std::max(0, total(transfersOption, 8640)) / shape.rounds;
    shape.holders = std::max(2, total(holdersOption, 480) / shape.rounds);
    shape.blocks = std::max(1, total(blocksOption, 32) / shape.rounds);

    Devnet devnet;
    QUrl rpc;
    QStringList tokens;
    qint64 expectedTransfers = -1;
    qint64 startBlock = 0;
    QJsonObject expectedBalances;
    QString node = QStringLiteral("a node already running");
    if (parser.isSet(rpcOption)) {
        rpc = QUrl(parser.value(rpcOption));
        tokens = parser.values(tokenOption);
        for (QString &t : tokens)
            t = t.toLower();
        startBlock = std::max<qint64>(0, parser.value(startOption).toLongLong());
        nodePid = parser.value(nodePidOption).toLongLong();
    } else {
        const int tokenCount = std::max(1, parser.value(tokensOption).toInt());
        if (const QString reason = Devnet::unavailableReason(); !reason.isEmpty()) {
            out() << "bench_indexing: " << reason << Qt::endl;
            return 1;
        }
        QString error;
        QElapsedTimer generation;
        generation.start();
        if (!devnet.start(&error)) {
            out() << "bench_indexing: " << error << Qt::endl;
            return 1;
        }
        const auto deployed = devnet.deployTokens(tokenCount, &error);
        if (!deployed) {
            out() << "bench_indexing: " << error << Qt::endl;
            return 1;
        }
        startBlock = std::numeric_limits<qint64>::max();
        for (const QJsonValue &t : deployed->value(QLatin1String("tokens")).toArray()) {
            tokens.append(t.toObject().value(QLatin1String("address")).toString());
            startBlock = std::min(startBlock, t.toObject().value(QLatin1String("deployBlock")).toInteger());
        }
        expectedTransfers = 0;
        if (sparse) {
            if (!generateSparseTraffic(devnet, tokens, shape, &expectedTransfers, &expectedBalances, &error)) {
                out() << "bench_indexing: " << error << Qt::endl;
                return 1;
            }
        } else {
            const auto traffic = devnet.generateTraffic(tokens, std::max(0, parser.value(transfersOption).toInt()),
                                                        std::max(2, parser.value(holdersOption).toInt()),
                                                        std::max(1, parser.value(blocksOption).toInt()), 1, &error);
            if (!traffic) {
                out() << "bench_indexing: " << error << Qt::endl;
                return 1;
            }
            const QJsonObject byToken = traffic->value(QLatin1String("transfers")).toObject();
            for (auto it = byToken.begin(); it != byToken.end(); ++it)
                expectedTransfers += it.value().isArray() ? it.value().toArray().size() : it.value().toInteger();
            expectedBalances = traffic->value(QLatin1String("balances")).toObject();
        }
        node = QStringLiteral("the live anvil (state of about its last 500 blocks)");
        if (!parser.isSet(liveOption)) {
            QElapsedTimer restart;
            restart.start();
            if (!devnet.restartFromStateDump(&error)) {
                out() << "bench_indexing: " << error << Qt::endl;
                return 1;
            }
            node = QStringLiteral("anvil restarted from a state dump, no state before its head (restarted in %1)").arg(seconds(double(restart.elapsed()) / 1000));
        }
        rpc = devnet.rpcUrl();
        nodePid = devnet.processId();
        if (sparse)
            out() << "sparse devnet: " << tokenCount << " tokens; " << shape.rounds << " rounds of " << shape.transfers << " transfers among "
                  << shape.holders << " new holders in " << shape.blocks << " blocks after their mints, then " << shape.emptyBetween
                  << " empty blocks (generated in " << seconds(double(generation.elapsed()) / 1000) << ")" << Qt::endl;
        else
            out() << "devnet: " << tokenCount << " tokens, " << parser.value(holdersOption) << " holders, " << parser.value(transfersOption)
                  << " transfers over " << parser.value(blocksOption) << " blocks (generated in " << seconds(double(generation.elapsed()) / 1000)
                  << ")" << Qt::endl;
    }
    out() << "node: " << node << "; chains added at block " << startBlock
          << (sparse ? ", by a default `chain add` (no option but the tokens and start block)" : ", no balance mode forced") << Qt::endl;
    const quint16 port = quint16(rpc.port());
    const qint64 head = callQuantity(port, "eth_blockNumber");
    const qint64 chainId = callQuantity(port, "eth_chainId");
    if (rpc.host() != u"127.0.0.1" || head < 0 || chainId < 0) {
        out() << "bench_indexing: no node answers at " << rpc.toString() << " (only http://127.0.0.1:PORT)" << Qt::endl;
        return 1;
    }

    QList<QByteArray> backends{"sqlite"};
    if (!qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL")) {
        backends.append("postgres");
        // A server on this machine shares its CPU too: its postmaster is a backend's parent
        // (a process here named postgres, when the server is here at all).
        qputenv("ARBOR_TEST_BACKEND", "postgres");
        const TestDatabase db;
        if (const std::unique_ptr<Store> store = db.isValid() ? db.open(false) : nullptr) {
            const auto backend = store->query(QStringLiteral("SELECT pg_backend_pid()"));
            const qint64 pid = backend && !backend->isEmpty() ? backend->first().value(0).toLongLong() : 0;
            const QList<QByteArray> f = pid > 0 ? procStat(pid) : QList<QByteArray>{};
            QFile name(QStringLiteral("/proc/%1/comm").arg(pid));
            if (!f.isEmpty() && name.open(QIODevice::ReadOnly) && name.readAll().trimmed() == "postgres")
                postmasterPid = f[1].toLongLong();
        }
    }
    const auto holdDevnet = [&] {
        if (!parser.isSet(holdOption) || !devnet.isRunning())
            return;
        out() << Qt::endl << "devnet held at " << rpc.toString() << "; measure again with:" << Qt::endl << "  bench_indexing --rpc " << rpc.toString();
        if (sparse)
            out() << " --sparse --start-block " << startBlock;
        for (const QString &t : tokens)
            out() << " --token " << t;
        out() << Qt::endl << "Enter stops it." << Qt::endl;
        QTextStream(stdin).readLine();
    };

    if (sparse) {
        std::optional<ProviderLimits> provider;
        if (parser.isSet(providerRateOption)) {
            provider = ProviderLimits{};
            provider->requestsPerSecond = std::max(0.1, parser.value(providerRateOption).toDouble());
            provider->maxBatch = std::max(1, parser.value(providerBatchOption).toInt());
        }
        const int status = runSparse(rpc, chainId, tokens, startBlock, head, expectedTransfers, expectedBalances, backends, runs, provider,
                                     std::max(0, parser.value(latencyOption).toInt()));
        if (status == 0)
            holdDevnet();
        return status;
    }

    if (parser.isSet(providerRateOption)) {
        ProviderLimits limits;
        limits.requestsPerSecond = std::max(0.1, parser.value(providerRateOption).toDouble());
        limits.maxBatch = std::max(1, parser.value(providerBatchOption).toInt());
        const qint64 blocks = head + 1 - startBlock;
        const qint64 needed = blocks + (blocks + 1999) / 2000;
        const double least = double(needed) / limits.requestsPerSecond;
        out() << "provider: " << limits.requestsPerSecond << " calls/s (429 with Retry-After above it), batches of at most " << limits.maxBatch
              << "; " << needed << " calls needed (" << blocks << " headers, " << (blocks + 1999) / 2000 << " eth_getLogs): least possible "
              << seconds(least) << Qt::endl;
        for (int run = 0; run < runs; ++run) {
            for (const QByteArray &backend : backends) {
                const ProviderResult r = indexThroughProvider(backend, rpc, chainId, tokens, startBlock, head, limits);
                if (!r.ok) {
                    out() << backend << ": " << r.error << Qt::endl;
                    return 1;
                }
                const FaultProxy::Counters &c = r.counters;
                out() << backend << " round " << run + 1 << ": index " << seconds(r.seconds) << " = "
                      << QString::number(r.seconds / least, 'f', 2) << "x the least possible; " << r.transfers << " transfers"
                      << (expectedTransfers >= 0 && r.transfers != expectedTransfers ? QStringLiteral(" (WRONG: expected %1)").arg(expectedTransfers) : QString())
                      << "; proxy: " << c.requests << " requests, " << c.callsAdmitted << " calls admitted ("
                      << QString::number(double(c.callsAdmitted) / r.seconds, 'f', 1) << "/s), " << c.rateLimited << " answered 429, "
                      << c.batchRefused << " batches refused, largest batch " << c.largestBatchAdmitted << "; endpoint row: status "
                      << r.endpoint.value(QLatin1String("status")).toString() << ", learned "
                      << r.endpoint.value(QLatin1String("learnedRequestsPerSecond")).toDouble() << " calls/s, batch "
                      << r.endpoint.value(QLatin1String("maxBatch")).toInteger() << Qt::endl;
            }
        }
        return 0;
    }

    const QList<PullConfig> shapes = {{1, 100, 500}, {2, 100, 500}, {4, 100, 250}, {8, 100, 250}};
    (void)pull(port, head, tokens, shapes[0]);   // warm-up: the node's first answers are slower

    // Rounds interleave every figure, so a busy moment on a shared machine hits all of them.
    PullResult best, bestParsed;
    PullConfig bestShape, bestParsedShape;
    QMap<QByteArray, IndexResult> bestIndex;
    for (int run = 0; run < runs; ++run) {
        QString line = QStringLiteral("round %1:").arg(run + 1);
        for (PullConfig shape : shapes) {
            for (bool parse : {false, true}) {
                shape.parse = parse;
                const PullResult r = pull(port, head, tokens, shape);
                if (!r.ok) {
                    out() << "raw pull failed: " << r.error << Qt::endl;
                    return 1;
                }
                if (parse && expectedTransfers < 0)
                    expectedTransfers = r.logs;
                if (parse && (r.logs != expectedTransfers || r.blocks != head + 1))
                    out() << "warning: the raw pull saw " << r.blocks << " blocks and " << r.logs << " logs" << Qt::endl;
                PullResult &keep = parse ? bestParsed : best;
                if (!keep.ok || r.seconds < keep.seconds) {
                    keep = r;
                    (parse ? bestParsedShape : bestShape) = shape;
                }
                line += QStringLiteral(" raw%1/%2c %3").arg(parse ? QStringLiteral("+parse") : QString()).arg(shape.connections).arg(seconds(r.seconds));
            }
        }
        for (const QByteArray &backend : backends) {
            const IndexResult r = indexOn(backend, rpc, chainId, tokens, startBlock, head, expectedBalances);
            if (!r.ok) {
                out() << "arborctl on " << backend << ": " << r.error << Qt::endl;
                return 1;
            }
            // Headers: one per block with block statistics "every", else those of the blocks with logs and of the reorg window.
            if (r.transfers != expectedTransfers)
                out() << "warning: " << backend << " indexed " << r.transfers << " transfers (" << r.blocks << " headers)" << Qt::endl;
            if (r.checked.contains(QLatin1String("WRONG")) || r.drain.failed + r.balanceOf.failed + r.recount.failed > 0)
                out() << "WRONG: " << backend << ": " << r.checked << "; failed items: " << r.drain.failed << " after index, "
                      << r.balanceOf.failed << " balance_of, " << r.recount.failed << " recount" << Qt::endl;
            if (run == 0)
                out() << backend << " modes: " << r.modes << Qt::endl << backend << " balances: " << r.checked << Qt::endl;
            IndexResult &keep = bestIndex[backend];
            if (!keep.ok) {
                keep = r;
                keep.exactBest = r.exactSeconds();
            } else {
                // Each figure's best round on its own.
                if (r.seconds < keep.seconds) {
                    keep.seconds = r.seconds;
                    keep.engineSeconds = r.engineSeconds;
                    keep.cpuSeconds = r.cpuSeconds;
                    keep.nodeCpuSeconds = r.nodeCpuSeconds;
                    keep.serverCpuSeconds = r.serverCpuSeconds;
                }
                for (const auto &[mine, kept] : {std::pair(&r.drain, &keep.drain), std::pair(&r.balanceOf, &keep.balanceOf),
                                                 std::pair(&r.recount, &keep.recount)}) {
                    if (mine->seconds < kept->seconds)
                        *kept = *mine;
                }
                keep.exactBest = std::min(keep.exactBest, r.exactSeconds());
                keep.exactAfterIndex = keep.exactAfterIndex && r.exactAfterIndex;
            }
            const QString server = backend == "postgres" && postmasterPid > 0 ? QStringLiteral(", server %1").arg(seconds(r.serverCpuSeconds)) : QString();
            line += QStringLiteral(" %1 %2 (cpu %3, node %4%5) +drain %6")
                        .arg(QString::fromLatin1(backend), seconds(r.seconds), seconds(r.cpuSeconds), seconds(r.nodeCpuSeconds), server, seconds(r.drain.seconds));
        }
        out() << line << Qt::endl;
    }

    const double rows = double(head + 1 + expectedTransfers);
    const double limit = best.seconds;
    out() << Qt::endl << "blocks 0-" << head << ", " << expectedTransfers << " Transfer logs; best of " << runs << " round(s) on a machine with "
          << std::thread::hardware_concurrency() << " hardware threads" << Qt::endl;
    auto row = [&](const QString &name, double s, double rowCount, const QString &note, const QString &unit = QStringLiteral("rows/s")) {
        out() << name.leftJustified(32) << seconds(s).rightJustified(8) << QStringLiteral("%1x").arg(s / limit, 0, 'f', 2).rightJustified(8)
              << perSecond(rowCount, s, unit).rightJustified(20) << "  " << note << Qt::endl;
    };
    out() << QString().leftJustified(32) << QStringLiteral("time").rightJustified(8) << QStringLiteral("vs raw").rightJustified(8)
          << QStringLiteral("rate").rightJustified(20) << Qt::endl;
    row(QStringLiteral("raw pull"), best.seconds, rows,
        QStringLiteral("%1 MB; %2 connection(s), %3 headers/batch, %4 blocks/eth_getLogs")
            .arg(double(best.bytes) / 1e6, 0, 'f', 1).arg(bestShape.connections).arg(bestShape.headerBatch).arg(bestShape.logSpan));
    row(QStringLiteral("raw pull + simdjson"), bestParsed.seconds, rows,
        QStringLiteral("%1 connection(s), %2 headers/batch, %3 blocks/eth_getLogs")
            .arg(bestParsedShape.connections).arg(bestParsedShape.headerBatch).arg(bestParsedShape.logSpan));
    for (const QByteArray &backend : backends) {
        const IndexResult &r = bestIndex[backend];
        const QString name = QString::fromLatin1(backend);
        row(name + QStringLiteral(": to exact balances"), r.exactBest, double(r.blocks + r.transfers), exactNote(r.exactAfterIndex));
        row(name + QStringLiteral(": index"), r.seconds, double(r.blocks + r.transfers),
            QStringLiteral("process wall time (engine %1, arborctl cpu %2); %3 rows written, %4 of them headers")
                .arg(seconds(r.engineSeconds), seconds(r.cpuSeconds)).arg(r.allRows).arg(r.blocks));
        row(name + QStringLiteral(": queue after index"), r.drain.seconds, double(r.drain.completed),
            QStringLiteral("%1 holder updates left by promotion (processor %2)").arg(r.drain.completed).arg(seconds(r.drain.workSeconds)),
            QStringLiteral("updates/s"));
        row(name + QStringLiteral(": queue, balance_of"), r.balanceOf.seconds, double(r.balanceOf.completed),
            QStringLiteral("%1 holder updates after switching every token to balance_of; %2/s of the processor's own time %3")
                .arg(r.balanceOf.completed).arg(perSecond(double(r.balanceOf.completed), r.balanceOf.workSeconds, QStringLiteral("updates")))
                .arg(seconds(r.balanceOf.workSeconds)),
            QStringLiteral("updates/s"));
        row(name + QStringLiteral(": queue, recount"), r.recount.seconds, double(r.recount.completed),
            QStringLiteral("%1 holder updates after switching back to transfers; %2/s of the processor's own time %3")
                .arg(r.recount.completed).arg(perSecond(double(r.recount.completed), r.recount.workSeconds, QStringLiteral("updates")))
                .arg(seconds(r.recount.workSeconds)),
            QStringLiteral("updates/s"));
    }
    out() << "(queue rows: process wall time, including arborctl's start; \"vs raw\" of those is for scale only)" << Qt::endl;
    if (backends.size() == 1)
        out() << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)" << Qt::endl;

    printCpuFloor(best, [&](const QByteArray &backend) { return CpuFigures::of(bestIndex[backend]); }, backends);

    holdDevnet();
    return 0;
}
