#include "triggers/triggerevaluator.h"

#include "triggers/decimal.h"

#include <algorithm>
#include <vector>

namespace arbor {

struct TriggerEvaluator::Prepared
{
    struct Item
    {
        std::optional<Decimal> threshold;   ///< value_threshold, ema_threshold
        double thresholdDouble = 0;         ///< ema_threshold
        double alpha = 1;                   ///< ema_threshold
        std::vector<Address> validators;    ///< sorted
    };
    std::vector<Item> items;   ///< one per condition
    bool hasEma = false;
};

namespace {

bool holds(CompareOp op, int cmp)
{
    switch (op) {
    case CompareOp::Less:
        return cmp < 0;
    case CompareOp::LessEqual:
        return cmp <= 0;
    case CompareOp::Greater:
        return cmp > 0;
    case CompareOp::GreaterEqual:
        return cmp >= 0;
    case CompareOp::Equal:
        return cmp == 0;
    case CompareOp::NotEqual:
        return cmp != 0;
    }
    return false;
}

// NewFeedback's value scaled by valueDecimals; nothing for events without a value.
std::optional<Decimal> eventValue(const AgentEvent &e)
{
    if (!e.value)
        return std::nullopt;
    auto d = Decimal::scaled(*e.value, int(e.valueDecimals.value_or(0)), QString());
    return d ? std::optional<Decimal>(*d) : std::nullopt;
}

struct RateDecision
{
    bool allowed = false;
    QJsonObject next;   ///< the state to keep when the trigger fires
};

RateDecision rateLimit(const Condition &c, const QJsonObject &state, qint64 now)
{
    RateDecision d;
    if (c.resetOnFire) {
        qint64 count = state.value(QLatin1String("count")).toInteger(0);
        qint64 last = state.value(QLatin1String("last")).toInteger(0);
        if (count > 0 && now - last >= c.windowSeconds)
            count = 0;
        d.allowed = count < c.max;
        d.next = QJsonObject{{QStringLiteral("count"), double(count + 1)}, {QStringLiteral("last"), double(now)}};
        return d;
    }
    QJsonArray kept;
    for (const QJsonValue &f : state.value(QLatin1String("firings")).toArray()) {
        if (now - f.toInteger() < c.windowSeconds)
            kept.append(f);
    }
    d.allowed = kept.size() < c.max;
    kept.append(double(now));
    d.next = QJsonObject{{QStringLiteral("firings"), kept}};
    return d;
}

} // namespace

TriggerEvaluator::TriggerEvaluator(const TriggerDef &trigger)
    : m_trigger(trigger)
{
    auto prepared = std::make_shared<Prepared>();
    for (const Condition &c : m_trigger.conditions) {
        Prepared::Item item;
        if (c.type == ConditionType::ValueThreshold || c.type == ConditionType::EmaThreshold) {
            if (auto d = Decimal::parse(c.value, QString()))
                item.threshold = *d;
            item.thresholdDouble = item.threshold ? item.threshold->toDouble() : 0;
        }
        if (c.type == ConditionType::EmaThreshold) {
            item.alpha = c.smoothing();
            prepared->hasEma = true;
        }
        if (c.type == ConditionType::ValidatorWhitelist) {
            item.validators.assign(c.validators.begin(), c.validators.end());
            std::sort(item.validators.begin(), item.validators.end());
        }
        prepared->items.push_back(std::move(item));
    }
    m_prepared = std::move(prepared);
}

bool TriggerEvaluator::matchesStateless(const TriggerEvent &event) const
{
    const AgentEvent &e = event.event;
    if (e.kind != m_trigger.registry || (m_trigger.chainId != 0 && event.chainId != m_trigger.chainId))
        return false;
    for (qsizetype i = 0; i < m_trigger.conditions.size(); ++i) {
        const Condition &c = m_trigger.conditions[i];
        const Prepared::Item &item = m_prepared->items[size_t(i)];
        bool match = true;
        switch (c.type) {
        case ConditionType::EventTypeEquals:
            match = e.event == c.event;
            break;
        case ConditionType::AgentIdEquals:
            match = e.agentId == c.agentId;
            break;
        case ConditionType::ValueThreshold: {
            const auto value = eventValue(e);
            match = value && item.threshold && holds(c.op, Decimal::compare(*value, *item.threshold));
            break;
        }
        case ConditionType::TagEquals:
            match = (e.tag1 && *e.tag1 == c.tag) || (e.tag2 && *e.tag2 == c.tag);
            break;
        case ConditionType::ValidatorWhitelist:
            match = e.kind == RegistryKind::Validation && e.actor
                && std::binary_search(item.validators.begin(), item.validators.end(), *e.actor);
            break;
        case ConditionType::FileUriExists:
            match = e.uri && !e.uri->isEmpty();
            break;
        case ConditionType::EmaThreshold:
        case ConditionType::RateLimit:
            break;
        }
        if (!match)
            return false;
    }
    return true;
}

bool TriggerEvaluator::evaluate(const TriggerEvent &event, QJsonArray &state) const
{
    if (!matchesStateless(event))
        return false;

    const qsizetype n = m_trigger.conditions.size();
    QJsonArray next;
    for (qsizetype i = 0; i < n; ++i)
        next.append(i < state.size() && state[i].isObject() ? state[i] : QJsonValue(QJsonObject()));

    bool fires = true;
    const std::optional<Decimal> value = m_prepared->hasEma ? eventValue(event.event) : std::nullopt;
    for (qsizetype i = 0; i < n; ++i) {
        const Condition &c = m_trigger.conditions[i];
        if (c.type != ConditionType::EmaThreshold)
            continue;
        if (!value) {
            fires = false;
            continue;
        }
        const Prepared::Item &item = m_prepared->items[size_t(i)];
        const QJsonObject s = next[i].toObject();
        const qint64 samples = s.value(QLatin1String("samples")).toInteger(0);
        const double v = value->toDouble();
        const double ema = samples == 0 ? v : item.alpha * v + (1 - item.alpha) * s.value(QLatin1String("ema")).toDouble();
        next[i] = QJsonObject{{QStringLiteral("ema"), ema}, {QStringLiteral("samples"), double(samples + 1)}};
        const int cmp = ema < item.thresholdDouble ? -1 : ema > item.thresholdDouble ? 1 : 0;
        if (samples + 1 < c.minSamples || !item.threshold || !holds(c.op, cmp))
            fires = false;
    }

    // A firing counts against every rate limit only when all of them allow it.
    if (fires) {
        QList<std::pair<qsizetype, QJsonObject>> rateStates;
        for (qsizetype i = 0; i < n && fires; ++i) {
            const Condition &c = m_trigger.conditions[i];
            if (c.type != ConditionType::RateLimit)
                continue;
            RateDecision d = rateLimit(c, next[i].toObject(), event.blockTimestamp);
            fires = d.allowed;
            rateStates.append({i, std::move(d.next)});
        }
        if (fires) {
            for (const auto &[i, s] : std::as_const(rateStates))
                next[i] = s;
        }
    }

    state = next;
    return fires;
}

} // namespace arbor
