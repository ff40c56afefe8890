#include "faultplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
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

} // namespace arbor::test
