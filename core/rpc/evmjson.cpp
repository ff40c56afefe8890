#include "rpc/evmjson.h"

#include "rpc/evmhex.h"
#include "rpc/evmjsonreader.h"

#include <QCoreApplication>

#include <array>
#include <limits>
#include <optional>
#include <string_view>

namespace arbor::evmjson {
namespace {

using evmhex::fixedBytes;

// ---- blocks and logs -------------------------------------------------------------------------

Result<BlockHeader> block(element value, const JsonPath &at, qint64 number)
{
    object obj;
    if (value.get_object().get(obj))
        return expected(at.field(), QT_TR_NOOP("a block object"), value);
    enum : unsigned { Number = 1, BlockHash = 2, Parent = 4, Timestamp = 8, Transactions = 16, GasUsed = 32, All = 63 };
    unsigned seen = 0;
    BlockHeader b;
    for (auto [key, field] : obj) {
        if (key == "number") {
            const Result<qint64> n = readQuantity(field, at, "number");
            if (!n)
                return n.error();
            if (*n != number)
                return Error::invalid(at.field("number"), tr("The node sent block %1 in answer to a request for block %2.").arg(*n).arg(number));
            b.number = *n;
            seen |= Number;
        } else if (key == "hash") {
            const Result<Hash> h = readHash(field, at, "hash");
            if (!h)
                return h.error();
            b.hash = *h;
            seen |= BlockHash;
        } else if (key == "parentHash") {
            const Result<Hash> h = readHash(field, at, "parentHash");
            if (!h)
                return h.error();
            b.parentHash = *h;
            seen |= Parent;
        } else if (key == "timestamp") {
            const Result<qint64> t = readQuantity(field, at, "timestamp");
            if (!t)
                return t.error();
            b.timestamp = *t;
            seen |= Timestamp;
        } else if (key == "gasUsed") {
            const Result<qint64> g = readQuantity(field, at, "gasUsed");
            if (!g)
                return g.error();
            b.gasUsed = *g;
            seen |= GasUsed;
        } else if (key == "logsBloom") {
            // Optional, and never an error: without a bloom of 256 bytes (some chains' nodes send
            // none, or "0x") the block may hold any log (LogsBloom unknown); it costs calls only.
            std::string_view s;
            std::array<unsigned char, LogsBloom::Size> bits;
            if (!field.get_string().get(s) && s.size() == size_t(2 + 2 * LogsBloom::Size) && evmhex::hasPrefix(s)
                && evmhex::decodeHex(s.substr(2), bits.data()))
                b.logsBloom = LogsBloom::fromBytes(QByteArrayView(bits.data(), LogsBloom::Size));
        } else if (key == "transactions") {
            array txs;
            if (field.get_array().get(txs))
                return expected(at.field("transactions"), QT_TR_NOOP("an array"), field);
            b.txCount = arraySize(txs);
            seen |= Transactions;
        }
    }
    if (seen != All) {
        static constexpr std::array<const char *, 6> names = {"number", "hash", "parentHash", "timestamp", "transactions", "gasUsed"};
        for (size_t i = 0; i < names.size(); ++i) {
            if (!(seen & (1u << i)))
                return missing(at.field(names[i]));
        }
    }
    return b;
}

Status log(element value, const JsonPath &at, qint64 from, qint64 to, LogEntry &out)
{
    object obj;
    if (value.get_object().get(obj))
        return expected(at.field(), QT_TR_NOOP("a log object"), value);
    enum : unsigned { Addr = 1, Topics = 2, Data = 4, Number = 8, BlockHash = 16, TxHash = 32, Index = 64, All = 127 };
    unsigned seen = 0;
    for (auto [key, field] : obj) {
        if (key == "address") {
            Result<Address> a = readAddress(field, at, "address");
            if (!a)
                return a.error();
            out.address = *a;
            seen |= Addr;
        } else if (key == "topics") {
            array topics;
            if (field.get_array().get(topics))
                return expected(at.field("topics"), QT_TR_NOOP("an array of topics"), field);
            int n = 0;
            for (element topic : topics) {
                if (n == int(out.topics.size()))
                    return Error::invalid(at.field("topics"), tr("A log has at most 4 topics."));
                std::string_view s;
                std::optional<Hash> h;
                if (!topic.get_string().get(s))
                    h = fixedBytes<Hash>(s);
                if (!h)
                    return expected(at.field("topics") + QLatin1Char('[') + QString::number(n) + QLatin1Char(']'), QT_TR_NOOP("a 32-byte hash (0x and 64 hex digits)"), topic);
                out.topics[size_t(n++)] = *h;
            }
            out.topicCount = n;
            seen |= Topics;
        } else if (key == "data") {
            Result<QByteArray> d = readData(field, at, "data");
            if (!d)
                return d.error();
            out.data = std::move(*d);
            seen |= Data;
        } else if (key == "blockNumber") {
            const Result<qint64> n = readQuantity(field, at, "blockNumber");
            if (!n)
                return n.error();
            if (*n < from || *n > to)
                return Error::invalid(at.field("blockNumber"), tr("The node sent a log of block %1, outside the range %2–%3 asked for.")
                                                                      .arg(*n).arg(from).arg(to));
            out.blockNumber = *n;
            seen |= Number;
        } else if (key == "blockHash") {
            Result<Hash> h = readHash(field, at, "blockHash");
            if (!h)
                return h.error();
            out.blockHash = *h;
            seen |= BlockHash;
        } else if (key == "transactionHash") {
            Result<Hash> h = readHash(field, at, "transactionHash");
            if (!h)
                return h.error();
            out.txHash = *h;
            seen |= TxHash;
        } else if (key == "logIndex") {
            const Result<qint64> i = readQuantity(field, at, "logIndex");
            if (!i)
                return i.error();
            out.logIndex = *i;
            seen |= Index;
        } else if (key == "removed") {
            if (field.get_bool().get(out.removed))
                return expected(at.field("removed"), QT_TR_NOOP("true or false"), field);
        }
    }
    if (seen != All) {
        static constexpr std::array<const char *, 7> names = {"address", "topics", "data", "blockNumber", "blockHash", "transactionHash", "logIndex"};
        for (size_t i = 0; i < names.size(); ++i) {
            if (!(seen & (1u << i)))
                return missing(at.field(names[i]));
        }
    }
    return {};
}

QByteArray quantityText(qint64 n)
{
    Q_ASSERT(n >= 0);
    return "0x" + QByteArray::number(n, 16);
}

/// The batch of eth_getBlockByNumber for `count` blocks, block `numberAt(i)` with id firstId + i.
template<typename NumberAt>
QByteArray blockBatch(qint64 count, qint64 firstId, NumberAt numberAt)
{
    QByteArray out;
    out.reserve(qsizetype(count * 100 + 2));
    out += '[';
    for (qint64 i = 0; i < count; ++i) {
        if (i != 0)
            out += ',';
        out += R"({"jsonrpc":"2.0","id":)" + QByteArray::number(firstId + i)
            + R"(,"method":"eth_getBlockByNumber","params":[")" + quantityText(numberAt(i)) + R"(",false]})";
    }
    out += ']';
    return out;
}

/// Parses the answer to blockBatch(count, firstId, numberAt): the headers in request order.
template<typename NumberAt>
Result<QList<BlockHeader>> parseBlocks(const QByteArray &body, qint64 count, qint64 firstId, NumberAt numberAt)
{
    QList<BlockHeader> blocks(count);
    const Status walked = walkBatch(
        body, count, firstId,
        [&](qint64 slot, element result, const JsonPath &at) -> Status {
            const qint64 number = numberAt(slot);
            if (result.is_null())
                return blockNotServed(number);
            Result<BlockHeader> b = block(result, at, number);
            if (!b)
                return b.error();
            blocks[slot] = std::move(*b);
            return {};
        },
        [](std::optional<qint64>, const Error &error) -> Status { return error; });
    if (!walked)
        return walked.error();
    return blocks;
}

bool ascendingDistinct(const QList<qint64> &numbers)
{
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        if (numbers[i] < 0 || (i > 0 && numbers[i] <= numbers[i - 1]))
            return false;
    }
    return true;
}

} // namespace

QByteArray blockBatchRequest(qint64 from, qint64 to, qint64 firstId)
{
    return blockBatch(to - from + 1, firstId, [from](qint64 i) { return from + i; });
}

Result<QList<BlockHeader>> parseBlockBatch(const QByteArray &body, qint64 from, qint64 to, qint64 firstId)
{
    if (from < 0 || to < from || firstId < 0 || firstId > std::numeric_limits<qint64>::max() - (to - from))
        return Error::invalid(QStringLiteral("range"), tr("The block range %1–%2 with first id %3 is not a valid batch.").arg(from).arg(to).arg(firstId));
    return parseBlocks(body, to - from + 1, firstId, [from](qint64 i) { return from + i; });
}

QByteArray blockBatchRequest(const QList<qint64> &numbers, qint64 firstId)
{
    Q_ASSERT(ascendingDistinct(numbers));
    return blockBatch(numbers.size(), firstId, [&numbers](qint64 i) { return numbers[i]; });
}

Result<QList<BlockHeader>> parseBlockBatch(const QByteArray &body, const QList<qint64> &numbers, qint64 firstId)
{
    if (numbers.isEmpty() || !ascendingDistinct(numbers) || firstId < 0 || firstId > std::numeric_limits<qint64>::max() - numbers.size())
        return Error::invalid(QStringLiteral("range"), tr("The blocks from %1 with first id %2 are not a valid batch.")
                                                           .arg(numbers.isEmpty() ? 0 : numbers.first()).arg(firstId));
    return parseBlocks(body, numbers.size(), firstId, [&numbers](qint64 i) { return numbers[i]; });
}

QByteArray finalizedBlockRequest(qint64 id)
{
    return R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":"eth_getBlockByNumber","params":["finalized",false]})";
}

Result<std::optional<qint64>> parseFinalizedBlock(const QByteArray &body, qint64 id)
{
    const Result<element> result = singleResult(body, id);
    if (!result)
        return result.error();
    if (result->is_null())
        return std::optional<qint64>();
    object obj;
    if (result->get_object().get(obj))
        return expected(QStringLiteral("result"), QT_TR_NOOP("a block object"), *result);
    for (auto [key, field] : obj) {
        if (key == "number") {
            const Result<qint64> n = readQuantity(field, JsonPath{"result", -1, ""}, "number");
            if (!n)
                return n.error();
            return std::optional<qint64>(*n);
        }
    }
    return missing(QStringLiteral("result.number"));
}

namespace {

/// The address and topic members of an eth_getLogs filter, appended to `filter`.
void appendLogFilter(QByteArray &filter, const QList<Address> &addresses, const QList<Hash> &topic0s)
{
    if (!addresses.isEmpty()) {
        filter += R"(,"address":[)";
        for (qsizetype i = 0; i < addresses.size(); ++i)
            filter += (i ? ",\"" : "\"") + addresses[i].toHex().toLatin1() + '"';
        filter += ']';
    }
    if (!topic0s.isEmpty()) {
        filter += R"(,"topics":[[)";
        for (qsizetype i = 0; i < topic0s.size(); ++i)
            filter += (i ? ",\"" : "\"") + topic0s[i].toHex().toLatin1() + '"';
        filter += "]]";
    }
}

} // namespace

QByteArray logsRequest(qint64 from, qint64 to, const QList<Address> &addresses, const QList<Hash> &topic0s, qint64 id)
{
    QByteArray filter = R"({"fromBlock":")" + quantityText(from) + R"(","toBlock":")" + quantityText(to) + '"';
    appendLogFilter(filter, addresses, topic0s);
    filter += '}';
    return callRequest("eth_getLogs", '[' + filter + ']', id);
}

QByteArray logsByHashRequest(const QList<Hash> &hashes, const QList<Address> &addresses, const QList<Hash> &topic0s, qint64 firstId)
{
    QByteArray tail;
    appendLogFilter(tail, addresses, topic0s);
    tail += "}]";
    QByteArray out = "[";
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        if (i != 0)
            out += ',';
        out += callRequest("eth_getLogs", R"([{"blockHash":")" + hashes[i].toHex().toLatin1() + '"' + tail, firstId + i);
    }
    out += ']';
    return out;
}

Result<QList<LogEntry>> parseLogsByHash(const QByteArray &body, const QList<Hash> &hashes, const QList<qint64> &numbers, qint64 firstId)
{
    const qint64 count = hashes.size();
    if (count == 0 || numbers.size() != count || firstId < 0 || firstId > std::numeric_limits<qint64>::max() - count)
        return Error::invalid(QStringLiteral("range"), tr("The blocks from %1 with first id %2 are not a valid batch.")
                                                           .arg(numbers.isEmpty() ? 0 : numbers.first()).arg(firstId));
    std::vector<QList<LogEntry>> bySlot(static_cast<size_t>(count));
    qsizetype total = 0;
    const Status walked = walkBatch(
        body, count, firstId,
        [&](qint64 slot, element result, const JsonPath &at) -> Status {
            array items;
            if (result.get_array().get(items))
                return expected(at.field(), QT_TR_NOOP("an array of logs"), result);
            QList<LogEntry> &logs = bySlot[size_t(slot)];
            logs.reserve(arraySize(items));
            qsizetype i = 0;
            for (element item : items) {
                LogEntry &entry = logs.emplace_back();
                const JsonPath logAt{"result", i++, ""};
                if (Status st = log(item, logAt, numbers[slot], numbers[slot], entry); !st)
                    return st.error();
                if (entry.blockHash != hashes[slot])
                    return Error::invalid(logAt.field("blockHash"), tr("The node answered the logs of block %1 (%2) with a log of block %3.")
                                                                        .arg(numbers[slot]).arg(hashes[slot].toHex(), entry.blockHash.toHex()));
            }
            total += logs.size();
            return {};
        },
        [&](std::optional<qint64> slot, const Error &error) -> Status {
            // The node does not know the block: it is behind, or on another fork than the node
            // that sent the header (one URL, several nodes behind a load balancer).
            if (slot && isUnknownBlock(error))
                return blockNotServed(numbers[*slot]);
            return error;
        });
    if (!walked)
        return walked.error();
    QList<LogEntry> out;
    out.reserve(total);
    for (QList<LogEntry> &logs : bySlot)
        out.append(std::move(logs));
    return out;
}

Result<QList<LogEntry>> parseLogs(const QByteArray &body, qint64 from, qint64 to, qint64 id)
{
    const Result<element> result = singleResult(body, id);
    if (!result)
        return result.error();
    array items;
    if (result->get_array().get(items))
        return expected(QStringLiteral("result"), QT_TR_NOOP("an array of logs"), *result);
    QList<LogEntry> logs;
    logs.reserve(arraySize(items));
    qsizetype index = 0;
    for (element item : items) {
        LogEntry &entry = logs.emplace_back();
        if (Status s = log(item, JsonPath{"result", index, ""}, from, to, entry); !s)
            return s.error();
        ++index;
    }
    return logs;
}

QByteArray callRequest(const char *method, const QByteArray &paramsJson, qint64 id)
{
    QByteArray name;
    for (const char *c = method; *c; ++c) {
        if (*c == '"' || *c == '\\')
            name += '\\';
        name += *c;
    }
    return R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":")" + name + R"(","params":)"
        + (paramsJson.isEmpty() ? QByteArray("[]") : paramsJson) + '}';
}

Result<qint64> parseQuantity(const QByteArray &body, qint64 id)
{
    const Result<element> result = singleResult(body, id);
    if (!result)
        return result.error();
    return readQuantity(*result, JsonPath{}, "result");
}

Result<QByteArray> parseData(const QByteArray &body, qint64 id)
{
    const Result<element> result = singleResult(body, id);
    if (!result)
        return result.error();
    return readData(*result, JsonPath{}, "result");
}

} // namespace arbor::evmjson
