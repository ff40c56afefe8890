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
 * attempt (after `retryAfterMs` when the server asked for a pause, otherwise after the
 * worker's backoff), Fail ends it as failed. Connection errors, timeouts, HTTP 429 and 5xx are
 * Retry; other HTTP 4xx, a refused configuration (a malformed signing secret), Telegram's
 * `ok: false` and an MCP JSON-RPC error or `isError: true` result are Fail. The sender does
 * not know the retry budget: the worker turns a Retry past `action.maxRetries` into a failure.
 *
 * `error` is in the operator's words and `responseExcerpt` holds the first ~500 characters of
 * the answer; neither ever contains a secret (bot tokens, bearer tokens, signing secrets and
 * secret header values are replaced by "[redacted]").
 */
struct AttemptOutcome
{
    enum class Kind { Success, Retry, Fail };

    static constexpr int ExcerptChars = 500;

    Kind kind = Kind::Fail;
    int httpStatus = 0;                   ///< the last HTTP status seen; 0 when none arrived
    qint64 durationMs = 0;                ///< from the first byte sent to the answer (MCP: handshake included)
    QString error;                        ///< empty on Success
    QString responseExcerpt;
    std::optional<qint64> retryAfterMs;   ///< Retry: the pause the server asked for

    bool succeeded() const { return kind == Kind::Success; }
};

/// "success", "retry", "fail": for logs and tests.
QString attemptKindName(AttemptOutcome::Kind kind);

} // namespace arbor
