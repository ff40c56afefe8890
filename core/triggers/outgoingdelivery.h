#pragma once

#include "triggers/eventpayload.h"
#include "triggers/actionsecrets.h"
#include "triggers/triggerdef.h"

#include <QString>

#include <optional>

namespace arbor {

/**
 * One attempt at one delivery, as the delivery worker hands it to ActionSender: everything
 * needed to send, nothing read from the database or the keychain on the way.
 *
 * The payload was rendered once when the delivery was created, so every attempt sends the
 * same bytes; the secrets were resolved for this attempt (resolveActionSecrets) and
 * live only as long as this value.
 */
struct OutgoingDelivery
{
    QString deliveryId;       ///< "dlv_…": sent as webhook-id, the same on every attempt
    Action action;
    RenderedPayload payload;
    ActionSecrets secrets;
    int attempt = 1;          ///< 1 for the first attempt
    bool isTest = false;      ///< "Send test": REST adds `arbor-test: true`
};

/**
 * What one attempt came to.
 *
 * `kind` says what the outbox does next: Success ends the delivery, Retry schedules another
 * attempt (on the action's RetrySchedule, no earlier than `retryAfterMs` when the server asked
 * for a pause), Fail ends it as failed, Gone holds it and disables the action. Connection
 * errors, timeouts, HTTP 408, 429 and 5xx are Retry; 410 is Gone; redirects, other HTTP 4xx, a
 * refused configuration (a malformed signing secret), Telegram's `ok: false` and an MCP JSON-RPC
 * error or `isError: true` result are Fail. The sender does not know the schedule: the worker
 * turns a Retry past the schedule's last wait into a failure (the delivery is dead).
 *
 * `error` is in the operator's words and `responseExcerpt` holds the first ~500 characters of
 * the answer; neither ever contains a secret (bot tokens, bearer tokens, signing secrets and
 * secret header values are replaced by "[redacted]").
 */
struct AttemptOutcome
{
    /// Gone: the receiver answered 410 Gone, asking senders to stop. The action is disabled and
    /// its deliveries held (never dropped) until an operator enables it again.
    enum class Kind { Success, Retry, Fail, Gone };

    static constexpr int ExcerptChars = 500;

    Kind kind = Kind::Fail;
    int httpStatus = 0;                   ///< the last HTTP status seen; 0 when none arrived
    qint64 durationMs = 0;                ///< from the first byte sent to the answer (MCP: handshake included)
    QString error;                        ///< empty on Success
    /// What went wrong in no language, for alerts each reader words in theirs (AlertText):
    /// "refused", "timeout", "host_not_found", "tls", "closed", "network", "too_large",
    /// "unsupported_url", "http_503", and Telegram's "telegram_rate_limited",
    /// "telegram_token_refused", "telegram_migrated", "telegram_refused"; empty where only
    /// `error` can say it (a tool's own error).
    QString code;
    /// What `code`'s sentence names, in no language of Arbor's: the receiver's own words
    /// (Telegram's description) or a value (the chat id to move to, the pause asked for in
    /// seconds); empty when the code says it all.
    QString detail;
    QString responseExcerpt;
    std::optional<qint64> retryAfterMs;   ///< Retry: the pause the server asked for

    bool succeeded() const { return kind == Kind::Success; }
};

/// "success", "retry", "fail": for logs and tests.
QString attemptKindName(AttemptOutcome::Kind kind);

} // namespace arbor
