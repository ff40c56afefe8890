#pragma once

// evmjson's reading of JSON-RPC answers (simdjson): the envelope, a batch's answers, node
// errors, and the typed fields every EVM body is made of, each failure an Error naming the JSON
// path of the field. Internal to core/rpc/evmjson*.cpp; no other part of Arbor sees simdjson.

#include "error.h"
#include "model/address.h"
#include "model/hash.h"

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <optional>
#include <string_view>
#include <vector>

namespace arbor::evmjson {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

/// In evmjson's translation context, "arbor::evmjson": the one lupdate gives tr() calls in this
/// namespace (so the reader is in it too, not in one of its own).
QString tr(const char *text);

/// Where a value sits in the answer, e.g. "result[3].blockHash" or "[3].result.hash"; rendered
/// only when an error needs it, so the success path builds no strings.
struct JsonPath
{
    const char *head = "";
    qsizetype index = -1;
    const char *tail = "";

    QString field(const char *name = "") const;
};

/// "Expected `what` (translated), got …" for the value at `field`.
Error expected(const QString &field, const char *what, element value);
/// The answer lacks the field.
Error missing(const QString &field);

Result<qint64> readQuantity(element value, const JsonPath &at, const char *name);
Result<Hash> readHash(element value, const JsonPath &at, const char *name);
Result<Address> readAddress(element value, const JsonPath &at, const char *name);
Result<QByteArray> readData(element value, const JsonPath &at, const char *name);

/// The number of elements (dom::array::size() saturates at 0xFFFFFF).
qsizetype arraySize(array a);

/// The body parsed by this thread's parser: valid until the thread parses the next body.
Result<element> parseJson(const QByteArray &body);

struct Response
{
    qint64 id = 0;
    element result;
};

/// The id and result of one response object, after its error (Refused) and shape (Invalid).
Result<Response> response(element value, const JsonPath &at);
/// The result of the answer to the single call `id`.
Result<element> singleResult(const QByteArray &body, qint64 id);

/// The slot of a batch's answer, read from its id alone: for a node's error to one call, which
/// response() reports without the id. None when the id is not one of the batch's.
std::optional<qint64> answerSlot(element answer, qint64 count, qint64 firstId);

/// Walks the answer to a batch of `count` calls with ids firstId to firstId + count - 1: an
/// array of `count` responses, each answering a different call of the batch, in any order.
/// Calls `onResult(slot, result, resultPath)` for each answer in the order the node sent them,
/// and returns `onRefused(slot, error)` for the first answer that is a node's error (the slot of
/// the call it answers, if its id says). Either may end the walk with an error.
template<typename OnResult, typename OnRefused>
Status walkBatch(const QByteArray &body, qint64 count, qint64 firstId, OnResult &&onResult, OnRefused &&onRefused)
{
    const Result<element> root = parseJson(body);
    if (!root)
        return root.error();
    array answers;
    if (root->get_array().get(answers)) {
        // A node that rejects the whole batch answers with one error object.
        const Result<Response> single = response(*root, JsonPath{});
        if (!single)
            return single.error();
        return expected(QStringLiteral("response"), QT_TR_NOOP("an array of answers to the batch"), *root);
    }
    const qsizetype size = arraySize(answers);
    if (size != count)
        return Error::invalid(QStringLiteral("response"), tr("The node answered %1 of the %2 calls of the batch.").arg(size).arg(count));

    std::vector<bool> answered(size_t(count), false);
    qsizetype index = 0;
    for (element answer : answers) {
        const JsonPath at{"", index++, ""};
        const Result<Response> r = response(answer, at);
        if (!r) {
            if (r.error().kind == Error::Kind::Refused)
                return onRefused(answerSlot(answer, count, firstId), r.error());
            return r.error();
        }
        const qint64 slot = r->id - firstId;
        if (r->id < firstId || slot >= count || answered[size_t(slot)])
            return Error::invalid(at.field("id"), r->id >= firstId && slot < count
                                                          ? tr("The node answered call %1 twice.").arg(r->id)
                                                          : tr("The node answered call %1, which the batch did not contain.").arg(r->id));
        answered[size_t(slot)] = true;
        if (Status s = onResult(slot, r->result, JsonPath{"", at.index, "result"}); !s)
            return s;
    }
    return {};
}

} // namespace arbor::evmjson
