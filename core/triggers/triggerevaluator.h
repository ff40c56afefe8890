#pragma once

#include "triggers/eventpayload.h"
#include "triggers/triggerdef.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace arbor {

/**
 * Decides whether a trigger fires for an event, advancing its stateful conditions.
 *
 * An event of another registry, or of another chain (when the trigger's chainId is set), never
 * matches. Order: every stateless condition first; when one fails the trigger does not fire and no
 * state changes. Then each ema_threshold takes the event's value (NewFeedback value scaled by
 * valueDecimals) into its average and compares (no match before minSamples values; an event
 * without a value does not match and leaves the average alone). Last, rate_limit: when every
 * other condition holds it counts the firing if the budget allows, else the trigger is muted
 * (with several rate limits a firing counts in each only when all of them allow it).
 * Rate windows run on the block's timestamp, so a replay or dry run decides as live did.
 *
 * State is JSON, one object per condition index (stateless ones hold {}), stored with the
 * trigger's cursor in the same transaction. An empty array is the initial state. The shapes:
 * ema_threshold {"ema": number, "samples": n}; rate_limit {"firings": [unix seconds…]} (those
 * within the window), or with resetOnFire {"count": n, "last": unix seconds of the last firing}.
 *
 * Pure and cheap: no I/O, safe on any thread.
 */
class TriggerEvaluator
{
public:
    explicit TriggerEvaluator(const TriggerDef &trigger);

    /// True when the trigger fires; `state` is advanced in place.
    bool evaluate(const TriggerEvent &event, QJsonArray &state) const;
    /// The stateless conditions alone (cheap pre-filter; no state involved).
    bool matchesStateless(const TriggerEvent &event) const;

private:
    TriggerDef m_trigger;
    // Parsed once: thresholds, whitelist, smoothing.
    struct Prepared;
    std::shared_ptr<const Prepared> m_prepared;
};

} // namespace arbor
