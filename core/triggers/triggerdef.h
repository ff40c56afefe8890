#pragma once

#include "error.h"
#include "model/address.h"
#include "model/evm.h"
#include "model/secretref.h"
#include "model/u256.h"
#include "triggers/retryschedule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace arbor {

/**
 * A trigger as the operator defines it (DESIGN.md §9): it belongs to one chain and one ERC-8004
 * registry, holds conditions that must all hold for an event, and actions run in priority order
 * (lower first) when they do.
 *
 * The JSON form is what `arborctl trigger add --file` reads and what the console's editor
 * saves; parseTrigger() checks all of it and names the field of the first problem
 * ("conditions[2].operator", "actions[0].signingSecret"). Templates are checked when the
 * trigger is parsed, secrets must be references (SecretRef), and nothing is resolved here:
 * parsing is pure.
 */

/// Comparison of value_threshold and ema_threshold.
enum class CompareOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };
QString compareOpText(CompareOp op);                                  ///< "<", "<=", …
std::optional<CompareOp> compareOpFromText(QStringView text);

enum class ConditionType {
    EventTypeEquals,     ///< `event`: one of the registry's event names
    AgentIdEquals,       ///< `agentId`: decimal uint256
    ValueThreshold,      ///< NewFeedback value / 10^valueDecimals `operator` `value` (exact)
    TagEquals,           ///< `tag` equals tag1 or tag2
    ValidatorWhitelist,  ///< `validators`: the event's validatorAddress is one of them
    FileUriExists,       ///< the event carries a non-empty feedback, response, request or agent URI
    EmaThreshold,        ///< stateful: EMA of matching values `operator` `value`, after `minSamples`
    RateLimit,           ///< stateful: at most `max` firings per `window`
};
QString conditionTypeName(ConditionType type);                        ///< "event_type_equals", …
std::optional<ConditionType> conditionTypeFromName(QStringView name);
bool isStateful(ConditionType type);

struct Condition
{
    ConditionType type = ConditionType::EventTypeEquals;
    QString event;                   ///< EventTypeEquals
    U256 agentId;                    ///< AgentIdEquals
    CompareOp op = CompareOp::Less;  ///< ValueThreshold, EmaThreshold
    QString value;                   ///< ValueThreshold, EmaThreshold: a decimal as written ("-1.5")
    QString tag;                     ///< TagEquals
    QList<Address> validators;       ///< ValidatorWhitelist
    QString alpha;                   ///< EmaThreshold: smoothing factor in (0, 1] as written, or empty
    int window = 0;                  ///< EmaThreshold: N samples (alpha = 2/(N+1)) when alpha is empty
    int minSamples = 1;              ///< EmaThreshold: no match before this many values
    int max = 0;                     ///< RateLimit: firings allowed per window (≥ 1)
    qint64 windowSeconds = 0;        ///< RateLimit: "30s", "15m", "1h", "1d" or seconds
    /// RateLimit: false (default) counts firings in a sliding window; true mutes after `max`
    /// firings until `window` has passed with no firing, then starts counting afresh.
    bool resetOnFire = false;

    /// EmaThreshold: the alpha in effect (`alpha`, or 2/(window+1)).
    double smoothing() const;

    friend bool operator==(const Condition &, const Condition &) = default;
};

enum class ActionType { Rest, Telegram, Mcp };
QString actionTypeName(ActionType type);                              ///< "rest", "telegram", "mcp"
std::optional<ActionType> actionTypeFromName(QStringView name);

/// One HTTP header of a REST action: a literal value, or a secret reference for values that
/// authenticate (Authorization, X-Api-Key, …; a literal there is refused).
struct HeaderSpec
{
    QString name;
    QString value;                   ///< literal, sent as written (no templates)
    std::optional<SecretRef> secret; ///< set instead of value for secret headers

    friend bool operator==(const HeaderSpec &, const HeaderSpec &) = default;
};

struct Action
{
    static constexpr int DefaultTimeoutMs = 15000;
    static constexpr qint64 DefaultFailingAfterMs = 3600 * 1000;
    static constexpr int MaxTelegramText = 4096;

    qint64 id = 0;                   ///< 0 until stored
    ActionType type = ActionType::Rest;
    int priority = 1;                ///< lower runs first
    int timeoutMs = DefaultTimeoutMs;
    /// When a failed attempt is tried again, and when the delivery is dead ("retry"; the
    /// Standard Webhooks schedule of about three days unless the file says otherwise).
    RetrySchedule retry;
    /// The action is marked failing, and alerts once, when it has delivered nothing for this
    /// long while its attempts fail ("failingAfter", 1 min to 7 d).
    qint64 failingAfterMs = DefaultFailingAfterMs;

    // rest
    QString method = QStringLiteral("POST");
    QString url;
    QList<HeaderSpec> headers;
    /// The body: empty for the default JSON body (defaultPayload()); a JSON value whose string
    /// leaves are templates (a leaf that is exactly one "{{…}}" keeps the value's JSON type);
    /// or, with `bodyIsText`, a text template.
    QJsonValue body;
    bool bodyIsText = false;
    std::optional<SecretRef> signingSecret;  ///< "whsec_<base64>" once resolved
    /// A rotation's overlap: until `previousSecretUntilMs` (unix ms) every request also carries
    /// the signature made with this earlier secret, so a receiver still holding it verifies
    /// (`webhook-signature` lists both, space-separated); afterwards only `signingSecret` signs.
    std::optional<SecretRef> previousSigningSecret;
    qint64 previousSecretUntilMs = 0;

    // telegram
    std::optional<SecretRef> botToken;
    QString chatId;
    QString text;                    ///< template; empty: a default summary of the event
    QString parseMode;               ///< "", "MarkdownV2", "HTML"
    QString apiBaseUrl = QStringLiteral("https://api.telegram.org");

    // mcp
    /// Call the MCP service the agent's registration file names (its agentURI, resolved by
    /// AgentService) instead of `url`, with the agent's own token (`agents token set`); never a
    /// URL taken from event data.
    bool resolveEndpoint = false;
    /// Act only on feedback whose file (feedbackURI) hashes, keccak-256, to the event's
    /// feedbackHash; otherwise the delivery is not sent and its result says why.
    bool verifyFileHash = false;
    QString tool;
    QJsonObject arguments;           ///< string leaves are templates, as in `body`
    std::optional<SecretRef> token;  ///< sent as "Authorization: Bearer …" (not with resolveEndpoint)

    friend bool operator==(const Action &, const Action &) = default;
};

struct TriggerDef
{
    static constexpr int MaxNameLength = 120;

    qint64 id = 0;                   ///< 0 until stored
    QString name;
    QString description;
    qint64 chainId = 0;
    /// What the file said for "chain" when it was a name (the caller resolves it to chainId);
    /// on a stored trigger, the chain's name. Written to JSON only while chainId is unset.
    QString chainName;
    RegistryKind registry = RegistryKind::Reputation;
    bool enabled = true;
    std::optional<int> confirmations;    ///< empty: the chain's
    QList<Condition> conditions;
    QList<Action> actions;               ///< kept sorted by priority (stable)
    qint64 createdAt = 0;                ///< unix ms
    qint64 updatedAt = 0;

    friend bool operator==(const TriggerDef &, const TriggerDef &) = default;
};

/// Parses and validates a trigger file (the editor's JSON). Unknown keys are refused, so a typo
/// does not silently do nothing. Nothing is resolved: `chain` given as a name lands in chainName.
Result<TriggerDef> parseTrigger(const QJsonObject &json);
/// The same JSON, round-trippable through parseTrigger() (ids included when set).
QJsonObject triggerToJson(const TriggerDef &trigger);
/// One condition or action alone (the rows of trigger_conditions / trigger_actions hold these).
Result<Condition> parseCondition(const QJsonObject &json, const QString &field);
QJsonObject conditionToJson(const Condition &condition);
Result<Action> parseAction(const QJsonObject &json, const QString &field);
/// The "actions" array of a trigger or alert rule file (fields "actions[i]…"), sorted by
/// priority (stable).
Result<QList<Action>> parseActions(const QJsonArray &actions);
QJsonObject actionToJson(const Action &action);

/// The event names of a registry ("NewFeedback", …), for checking event_type_equals.
QStringList registryEventNames(RegistryKind kind);

} // namespace arbor
