#include "faultplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

// splitmix64: a tiny generator whose state is one word, so each request can have its own,
// seeded from (seed, request number), independent of what earlier requests drew.
class RequestRandom
{
public:
    RequestRandom(quint64 seed, quint64 request)
        : m_state(seed ^ (request * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL))
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    int between(int low, int high)
    {
        if (high <= low)
            return low;
        return low + int(next() % quint64(high - low + 1));
    }

private:
    quint64 m_state;
};

double clamp01(double p)
{
    return std::clamp(p, 0.0, 1.0);
}

QStringList calledMethods(const QJsonDocument &document)
{
    QStringList methods;
    if (document.isObject())
        methods << document.object().value(u"method"_s).toString();
    for (const QJsonValue call : document.array())
        methods << call[u"method"_s].toString();
    return methods;
}

bool callsMethod(const QByteArray &body, const QString &method)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return body.contains(QByteArray('"' + method.toUtf8() + '"'));
    return calledMethods(document).contains(method);
}

// A JSON text for one value; QJsonDocument only writes objects and arrays.
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// By hand: the members in the order ProviderLimits documents (QJsonObject sorts them).
QByteArray nullIdErrorBody(int code, const QString &message)
{
    return R"({"jsonrpc":"2.0","id":null,"error":{"code":)" + QByteArray::number(code) + R"(,"message":)"
        + jsonText(message) + "}}";
}

QJsonObject errorAnswer(const QJsonValue &id, int code, const QString &message)
{
    return QJsonObject{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"id"_s, id},
        {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}},
    };
}

// A hex quantity ("0x1f"); tags and anything else are not a number here.
std::optional<quint64> hexQuantity(const QJsonValue &value)
{
    const QString text = value.toString();
    if (!text.startsWith(u"0x"_s, Qt::CaseInsensitive) || text.size() < 3)
        return std::nullopt;
    bool ok = false;
    const quint64 number = QStringView(text).mid(2).toULongLong(&ok, 16);
    return ok ? std::optional<quint64>(number) : std::nullopt;
}

QString upperHex(quint64 number)
{
    return u"0x"_s + QString::number(number, 16).toUpper();
}

} // namespace

QString faultName(Fault kind)
{
    switch (kind) {
    case Fault::Delay: return u"delay"_s;
    case Fault::ServerError: return u"server error"_s;
    case Fault::TooManyRequests: return u"too many requests"_s;
    case Fault::RpcError: return u"JSON-RPC error"_s;
    case Fault::MalformedJson: return u"malformed JSON"_s;
    case Fault::TruncatedJson: return u"truncated JSON"_s;
    case Fault::ConnectionReset: return u"connection reset"_s;
    case Fault::SlowDrip: return u"slow drip"_s;
    }
    return {};
}

FaultDecision FaultPlan::decide(const QByteArray &requestBody, quint64 seed, quint64 requestNumber) const
{
    if (!onlyMethod.isEmpty() && !callsMethod(requestBody, onlyMethod))
        return {};

    // A fixed number of draws per request, so one parameter's value never shifts another's.
    RequestRandom random(seed, requestNumber);
    const double delayDraw = random.uniform();
    const int delayDrawMs = random.between(std::max(0, delayMinMs), std::max(0, delayMaxMs));
    const double answerDraw = random.uniform();
    const quint64 statusDraw = random.next();

    FaultDecision decision;
    if (delayDraw < clamp01(delay))
        decision.delayMs = delayDrawMs;

    const std::pair<double, Fault> kinds[] = {
        {clamp01(serverError), Fault::ServerError},
        {clamp01(tooManyRequests), Fault::TooManyRequests},
        {clamp01(rpcError), Fault::RpcError},
        {clamp01(malformedJson), Fault::MalformedJson},
        {clamp01(truncatedJson), Fault::TruncatedJson},
        {clamp01(connectionReset), Fault::ConnectionReset},
        {clamp01(slowDrip), Fault::SlowDrip},
    };
    double total = 0;
    for (const auto &kind : kinds)
        total += kind.first;
    const double scale = total > 1.0 ? 1.0 / total : 1.0;
    double cumulative = 0;
    for (const auto &[probability, kind] : kinds) {
        if (probability <= 0)
            continue;
        cumulative += probability * scale;
        if (answerDraw < cumulative) {
            decision.answer = kind;
            break;
        }
    }
    if (decision.answer == Fault::ServerError) {
        const QList<int> statuses = serverErrorStatuses.isEmpty() ? QList<int>{500} : serverErrorStatuses;
        decision.status = statuses.at(qsizetype(statusDraw % quint64(statuses.size())));
    }
    return decision;
}

QByteArray ProviderLimits::rateLimitedBody() const
{
    return nullIdErrorBody(429, u"Too Many Requests: at most %1 requests per second"_s.arg(requestsPerSecond));
}

CallRateBucket::CallRateBucket(double callsPerSecond, qint64 nowMs)
    : m_rate(std::max(0.0, callsPerSecond)), m_capacity(std::max(1.0, m_rate)), m_tokens(m_capacity), m_lastMs(nowMs)
{
}

double CallRateBucket::tokens(qint64 nowMs) const
{
    if (m_rate <= 0)
        return m_capacity;
    const double elapsed = double(std::max<qint64>(0, nowMs - m_lastMs)) / 1000.0;
    return std::min(m_capacity, m_tokens + elapsed * m_rate);
}

int CallRateBucket::take(quint64 calls, qint64 nowMs)
{
    if (m_rate <= 0)
        return 0;
    // A refusal leaves the state alone, so refusals never add rounding errors.
    const double held = tokens(nowMs);
    if (held > 0) {
        m_tokens = held - double(calls);
        m_lastMs = std::max(m_lastMs, nowMs);
        return 0;
    }
    // floor + 1, not ceil: after a whole number of seconds the bucket would hold exactly 0,
    // which does not admit.
    return std::max(1, int(std::floor(-held / m_rate)) + 1);
}

LimitedRequest::LimitedRequest(const QByteArray &body, const ProviderLimits &limits)
    : m_limits(limits), m_body(body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return;
    m_isJson = true;
    m_isBatch = document.isArray();
    QJsonArray calls;
    if (m_isBatch) {
        m_batch = document.array();
        calls = m_batch;
        m_callCount = quint64(calls.size());
    } else {
        calls.append(document.object());
    }
    for (const QJsonValue value : std::as_const(calls)) {
        const QJsonObject object = value.toObject();
        Call call;
        call.id = object.contains(u"id"_s) ? object.value(u"id"_s) : QJsonValue();
        call.isLogs = object.value(u"method"_s).toString() == u"eth_getLogs"_s;
        if (call.isLogs) {
            const QJsonObject filter = object.value(u"params"_s)[0].toObject();
            const std::optional<quint64> from = hexQuantity(filter.value(u"fromBlock"_s));
            const std::optional<quint64> to = hexQuantity(filter.value(u"toBlock"_s));
            call.fromBlock = filter.value(u"fromBlock"_s).toString() == u"earliest"_s ? 0 : from;
            if (m_limits.maxLogRange > 0 && from && to && *to >= *from && *to - *from + 1 > m_limits.maxLogRange) {
                call.rangeRefused = true;
                ++m_rangeRefused;
            }
        }
        m_calls.append(call);
    }
}

QByteArray LimitedRequest::batchRefusalBody() const
{
    if (!m_isBatch || m_limits.maxBatch <= 0 || m_callCount <= quint64(m_limits.maxBatch))
        return {};
    return nullIdErrorBody(-32600, u"batch size too large: %1 calls, at most %2"_s.arg(m_callCount).arg(m_limits.maxBatch));
}

bool LimitedRequest::isAnsweredHere() const
{
    return m_rangeRefused > 0 && m_rangeRefused == quint64(m_calls.size());
}

QByteArray LimitedRequest::upstreamBody() const
{
    if (m_rangeRefused == 0 || !m_isBatch)
        return m_body;
    QJsonArray admitted;
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (!m_calls.at(i).rangeRefused)
            admitted.append(m_batch.at(i));
    }
    return QJsonDocument(admitted).toJson(QJsonDocument::Compact);
}

QJsonObject LimitedRequest::resultsChecked(const QJsonObject &answer, const Call &call, quint64 *resultsRefused) const
{
    const qsizetype cap = m_limits.maxLogResults;
    const QJsonArray logs = answer.value(u"result"_s).toArray();
    if (!call.isLogs || cap <= 0 || logs.size() <= cap)
        return answer;
    QList<quint64> blocks;
    for (const QJsonValue log : logs)
        blocks.append(hexQuantity(log[u"blockNumber"_s]).value_or(0));
    std::sort(blocks.begin(), blocks.end());
    const quint64 from = call.fromBlock.value_or(blocks.first());
    const quint64 to = std::max(from, blocks.at(cap) == 0 ? 0 : blocks.at(cap) - 1);
    if (resultsRefused)
        ++*resultsRefused;
    return errorAnswer(answer.value(u"id"_s), -32005,
                       u"query returned more than %1 results. Try with this block range [%2, %3]."_s.arg(cap).arg(
                           upperHex(from), upperHex(to)));
}

QByteArray LimitedRequest::answer(const QByteArray &upstreamAnswer, quint64 *resultsRefused) const
{
    const bool checksResults = m_limits.maxLogResults > 0
        && std::any_of(m_calls.cbegin(), m_calls.cend(), [](const Call &call) { return call.isLogs; });
    if (!m_isJson || (m_rangeRefused == 0 && !checksResults))
        return upstreamAnswer;
    const auto rangeError = [this](const Call &call) {
        return errorAnswer(call.id, -32600, u"exceed maximum block range: %1"_s.arg(m_limits.maxLogRange));
    };

    if (!m_isBatch) {
        if (m_calls.first().rangeRefused)
            return QJsonDocument(rangeError(m_calls.first())).toJson(QJsonDocument::Compact);
        const QJsonDocument upstream = QJsonDocument::fromJson(upstreamAnswer);
        if (!upstream.isObject())
            return upstreamAnswer;
        quint64 refused = 0;
        const QJsonObject checked = resultsChecked(upstream.object(), m_calls.first(), &refused);
        if (resultsRefused)
            *resultsRefused += refused;
        return refused ? QJsonDocument(checked).toJson(QJsonDocument::Compact) : upstreamAnswer;
    }

    QJsonArray upstream;
    if (!isAnsweredHere()) {
        const QJsonDocument document = QJsonDocument::fromJson(upstreamAnswer);
        if (!document.isArray())
            return upstreamAnswer;
        upstream = document.array();
    }
    // Answers go back in the order of the calls, matched by id: JSON-RPC lets the upstream
    // answer a batch in any order. One it answered that matches no call comes last.
    QList<std::optional<QJsonObject>> placed(m_calls.size());
    QList<bool> taken(m_calls.size(), false);
    QJsonArray unmatched;
    quint64 refused = 0;
    for (const QJsonValue value : std::as_const(upstream)) {
        const QJsonObject answer = value.toObject();
        qsizetype match = -1;
        for (qsizetype i = 0; i < m_calls.size() && match < 0; ++i) {
            if (!m_calls.at(i).rangeRefused && !taken.at(i) && m_calls.at(i).id == answer.value(u"id"_s))
                match = i;
        }
        if (match < 0) {
            unmatched.append(value);
            continue;
        }
        taken[match] = true;
        placed[match] = resultsChecked(answer, m_calls.at(match), &refused);
    }
    if (m_rangeRefused == 0 && refused == 0)
        return upstreamAnswer;
    if (resultsRefused)
        *resultsRefused += refused;
    QJsonArray answers;
    for (qsizetype i = 0; i < m_calls.size(); ++i) {
        if (m_calls.at(i).rangeRefused)
            answers.append(rangeError(m_calls.at(i)));
        else if (placed.at(i))
            answers.append(*placed.at(i));
    }
    for (const QJsonValue value : std::as_const(unmatched))
        answers.append(value);
    return QJsonDocument(answers).toJson(QJsonDocument::Compact);
}

} // namespace arbor::test
