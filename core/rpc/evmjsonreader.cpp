#include "rpc/evmjsonreader.h"

#include "rpc/evmhex.h"

#include <QCoreApplication>

#include <algorithm>
#include <type_traits>

namespace arbor::evmjson {

using evmhex::data;
using evmhex::fixedBytes;
using evmhex::quantity;

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::evmjson", text);
}

namespace {

QString excerpt(std::string_view text, size_t max = 80)
{
    QString out = QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), max)));
    if (text.size() > max)
        out += QStringLiteral("…");
    return out;
}

QString excerpt(element value)
{
    std::string_view s;
    if (!value.get_string().get(s))
        return excerpt(s);
    return excerpt(simdjson::minify(value));
}

simdjson::dom::parser &threadParser()
{
    // Reused: its buffers, sized for the largest body seen, are allocated once per thread.
    thread_local simdjson::dom::parser parser;
    return parser;
}

Error nodeError(element error)
{
    int64_t code = 0;
    bool hasCode = false;
    QString text;
    object obj;
    std::string_view s;
    if (!error.get_object().get(obj)) {
        for (auto [key, value] : obj) {
            if (key == "code")
                hasCode = !value.get_int64().get(code);
            else if (key == "message" && !value.get_string().get(s))
                text = excerpt(s, 500);
        }
    } else if (!error.get_string().get(s)) {
        text = excerpt(s, 500);
    } else {
        text = excerpt(error);
    }
    const QString message = hasCode ? tr("JSON-RPC error %1 from the node: %2").arg(qint64(code)).arg(text)
                                    : tr("Error from the node: %1").arg(text);
    // No field: where the error sat in the answer ("[0].error") is no part of what the node said,
    // and Error::toString() would put that JSON path in front of every message an operator reads.
    return Error{Error::Kind::Refused, QString(), message};
}

} // namespace

// ---- errors with JSON paths ------------------------------------------------------------------

QString JsonPath::field(const char *name) const
{
    QString p = QLatin1String(head);
    if (index >= 0)
        p += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    for (const char *part : {tail, name}) {
        if (*part)
            p += (p.isEmpty() ? QString() : QStringLiteral(".")) + QLatin1String(part);
    }
    return p.isEmpty() ? QStringLiteral("response") : p;
}

Error expected(const QString &field, const char *what, element value)
{
    return Error::invalid(field, tr("Expected %1, got “%2”.").arg(tr(what), excerpt(value)));
}

Error missing(const QString &field)
{
    return Error::invalid(field, tr("The node's answer lacks this field."));
}

namespace {

/// `value` as a JSON string that `decode` reads (nullopt when malformed), else an error naming the
/// field and `what` it should have been.
template <typename Decode>
auto readHexString(element value, const JsonPath &at, const char *name, const char *what, Decode decode)
    -> Result<typename std::invoke_result_t<Decode, std::string_view>::value_type>
{
    std::string_view s;
    if (!value.get_string().get(s)) {
        if (auto decoded = decode(s))
            return std::move(*decoded);
    }
    return expected(at.field(name), what, value);
}

} // namespace

Result<qint64> readQuantity(element value, const JsonPath &at, const char *name)
{
    return readHexString(value, at, name, QT_TR_NOOP("a quantity (0x and up to 16 hex digits, below 2^63)"),
                         [](std::string_view s) { return quantity(s); });
}

Result<Hash> readHash(element value, const JsonPath &at, const char *name)
{
    return readHexString(value, at, name, QT_TR_NOOP("a 32-byte hash (0x and 64 hex digits)"),
                         [](std::string_view s) { return fixedBytes<Hash>(s); });
}

Result<Address> readAddress(element value, const JsonPath &at, const char *name)
{
    return readHexString(value, at, name, QT_TR_NOOP("a 20-byte address (0x and 40 hex digits)"),
                         [](std::string_view s) { return fixedBytes<Address>(s); });
}

Result<QByteArray> readData(element value, const JsonPath &at, const char *name)
{
    return readHexString(value, at, name, QT_TR_NOOP("hex data (0x and an even number of hex digits)"),
                         [](std::string_view s) { return data(s); });
}

// dom::array::size() saturates at 0xFFFFFF.
qsizetype arraySize(array a)
{
    const size_t n = a.size();
    if (n < 0xFFFFFF)
        return qsizetype(n);
    qsizetype count = 0;
    for ([[maybe_unused]] element e : a)
        ++count;
    return count;
}

// ---- the JSON-RPC envelope -------------------------------------------------------------------

Result<element> parseJson(const QByteArray &body)
{
    // QByteArray owns spare capacity more often than not; without the padding simdjson copies.
    const bool padded = body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    element root;
    const auto error = threadParser().parse(body.constData(), size_t(body.size()), !padded).get(root);
    if (error == simdjson::MEMALLOC)
        return Error::internal(tr("Out of memory parsing a node's answer of %1 bytes.").arg(body.size()));
    if (error) {
        const QString what = body.trimmed().isEmpty() ? tr("The node sent an empty answer.")
                                                      : tr("The node's answer is not valid JSON (%1): “%2”.")
                                                            .arg(QLatin1String(simdjson::error_message(error)), excerpt(std::string_view(body.constData(), size_t(body.size()))));
        return Error::invalid(QStringLiteral("response"), what);
    }
    return root;
}

// The id and result of one response object, after its error (Refused) and shape (Invalid).
Result<Response> response(element value, const JsonPath &at)
{
    object obj;
    if (value.get_object().get(obj))
        return expected(at.field(), QT_TR_NOOP("a JSON-RPC response object"), value);
    // The error first: a node that could not parse the request answers with "id": null.
    std::optional<element> id, result, version;
    for (auto [key, field] : obj) {
        if (key == "result")
            result = field;
        else if (key == "id")
            id = field;
        else if (key == "jsonrpc")
            version = field;
        else if (key == "error" && !field.is_null())
            return nodeError(field);
    }
    std::string_view versionText;
    if (!version)
        return missing(at.field("jsonrpc"));
    if (version->get_string().get(versionText) || versionText != "2.0")
        return expected(at.field("jsonrpc"), QT_TR_NOOP("\"2.0\""), *version);
    int64_t idValue = 0;
    if (!id)
        return missing(at.field("id"));
    if (id->get_int64().get(idValue))
        return expected(at.field("id"), QT_TR_NOOP("a numeric id"), *id);
    if (!result)
        return missing(at.field("result"));
    return Response{idValue, *result};
}

Result<element> singleResult(const QByteArray &body, qint64 id)
{
    const Result<element> root = parseJson(body);
    if (!root)
        return root.error();
    const Result<Response> r = response(*root, JsonPath{});
    if (!r)
        return r.error();
    if (r->id != id)
        return Error::invalid(QStringLiteral("id"), tr("The node answered request %1, not %2.").arg(r->id).arg(id));
    return r->result;
}

std::optional<qint64> answerSlot(element answer, qint64 count, qint64 firstId)
{
    object obj;
    if (answer.get_object().get(obj))
        return std::nullopt;
    int64_t id = -1;
    for (auto [key, field] : obj) {
        if (key == "id" && !field.get_int64().get(id) && id >= firstId && id - firstId < count)
            return id - firstId;
    }
    return std::nullopt;
}

} // namespace arbor::evmjson
