#include "model/rpccalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace arbor {
namespace {

void countCall(RpcCalls &out, const QJsonValue &call)
{
    const QJsonValue method = call.toObject().value(QLatin1String("method"));
    const QString name = method.isString() && !method.toString().isEmpty() ? method.toString().left(64) : RpcCalls::unknownMethod();
    ++out.byMethod[name].calls;
}

} // namespace

RpcCalls RpcCalls::inRequest(const QByteArray &body)
{
    RpcCalls out;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray()) {
        const QJsonArray batch = doc.array();
        for (const QJsonValue &call : batch)
            countCall(out, call);
        if (batch.isEmpty())
            ++out.byMethod[unknownMethod()].calls;   // an empty batch is still a request
    } else if (doc.isObject()) {
        countCall(out, doc.object());
    } else {
        ++out.byMethod[unknownMethod()].calls;
    }
    return out;
}

qint64 RpcCalls::total() const
{
    qint64 n = 0;
    for (const MethodCalls &m : byMethod)
        n += m.calls;
    return n;
}

qint64 RpcCalls::totalFailed() const
{
    qint64 n = 0;
    for (const MethodCalls &m : byMethod)
        n += m.failed;
    return n;
}

void RpcCalls::add(const RpcCalls &other)
{
    for (auto it = other.byMethod.cbegin(); it != other.byMethod.cend(); ++it) {
        MethodCalls &m = byMethod[it.key()];
        m.calls += it->calls;
        m.failed += it->failed;
    }
}

void RpcCalls::addFailures(const RpcCalls &sent)
{
    for (auto it = sent.byMethod.cbegin(); it != sent.byMethod.cend(); ++it)
        byMethod[it.key()].failed += it->calls;
}

std::optional<qint64> RpcPrices::units(const QString &method, qint64 calls) const
{
    const auto it = unitsPerCall.constFind(method);
    if (it == unitsPerCall.cend())
        return std::nullopt;
    return calls * *it;
}

std::optional<qint64> RpcPrices::units(const RpcCalls &calls) const
{
    std::optional<qint64> sum;
    for (auto it = calls.byMethod.cbegin(); it != calls.byMethod.cend(); ++it) {
        if (const auto u = units(it.key(), it->calls))
            sum = sum.value_or(0) + *u;
    }
    return sum;
}

QString RpcPrices::toJson() const
{
    if (unitsPerCall.isEmpty())
        return {};
    QJsonObject o;
    for (auto it = unitsPerCall.cbegin(); it != unitsPerCall.cend(); ++it)
        o.insert(it.key(), *it);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<RpcPrices> RpcPrices::fromJson(const QString &text, const QString &field)
{
    RpcPrices prices;
    if (text.trimmed().isEmpty())
        return prices;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::invalid(field, tr("The prices per call are not a JSON object of method names and units: “%1”.").arg(text.left(120)));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (Status name = checkRpcMethodName(it.key(), field); !name)
            return name.error();
        const double units = it.value().toDouble(-1);
        if (!it.value().isDouble() || units < 0 || units > double(MaxUnits) || units != double(qint64(units)))
            return Error::invalid(field, tr("The price of %1 is not a whole number of units from 0 to %2.").arg(it.key()).arg(MaxUnits));
        prices.unitsPerCall.insert(it.key(), qint64(units));
    }
    return prices;
}

Status checkRpcMethodName(const QString &method, const QString &field)
{
    bool ok = !method.isEmpty() && method.size() <= 64 && method.front().isLetter() && method.front().unicode() < 128;
    for (QChar c : method)
        ok = ok && c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_');
    if (ok)
        return {};
    return Error::invalid(field, RpcPrices::tr("“%1” is not a JSON-RPC method name such as eth_getLogs.").arg(method.left(80)));
}

} // namespace arbor
