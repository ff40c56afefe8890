#pragma once

#include "triggers/alertrule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace arbor {

/// Which language an alert is rendered in.
enum class AlertLanguage {
    Reader,    ///< the translators installed in this process (the console's language)
    English,   ///< the source texts, whatever is installed: the stored fallback, payloads, arborctl
};

/**
 * What an alert says, rendered when it is shown from its kind and parameters, so every reader
 * gets it in their language and a stored alert never freezes the language of the console that
 * raised it. It speaks of nodes and blocks, never of JSON paths.
 *
 * Parameters (a JSON object; keys a kind does not use are ignored, missing ones are left out):
 * - every kind: "chain" (the chain's name; "chain N" without one).
 * - rpc_down: "host" (the endpoint that failed last), "error" (what that node or the network
 *   said, without JSON paths), "answered" (true when the node answered with an error: it is
 *   not down, it answers with errors).
 * - stalled: "blocks" (behind the head), "stalledSeconds" (no new block for), "error" (the
 *   indexer's own reason, when it stopped on an error).
 * - deep_reorg: "depth", "ancestor" (the block it rolled back to).
 * - queue_errors: "errors" (failed attempts in the last hour); queue_delayed: "waitSeconds".
 * - lag_blocks: "blocks", "indexed", "head", "threshold"; lag_seconds: "seconds", "threshold".
 * - rpc_error_rate: "host", "percent", "threshold".
 * - delivery_failing, delivery_disabled: "subject" (the trigger's or rule's name), "receiver"
 *   (where its action sends), "error" (the last attempt's), "failingSeconds", "held" (deliveries
 *   held), "others" (further actions of the chain in the same state).
 *
 * `heldMs` is how long the condition has held when it is rendered (rpc_down says "for 3 min").
 * Thread: any (pure).
 */
class AlertText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::AlertText)

public:
    /// One line: "No node of Base answers"; a rule's alert starts with the rule's name.
    static QString title(AlertKind kind, qint64 chainId, const QJsonObject &params, const QString &ruleName,
                         AlertLanguage language = AlertLanguage::Reader);
    /// What happened and, where there is one, what to do.
    static QString text(AlertKind kind, qint64 chainId, const QJsonObject &params, qint64 heldMs,
                        AlertLanguage language = AlertLanguage::Reader);

    /// A stored alert's title: rendered from its params, or the text stored with rows written
    /// before alerts had params.
    static QString title(const AlertRecord &alert, AlertLanguage language = AlertLanguage::Reader);
    /// A stored alert's text; the time it held runs to its clearing, or to `nowMs` while active.
    static QString text(const AlertRecord &alert, qint64 nowMs, AlertLanguage language = AlertLanguage::Reader);

    /// "45 s", "3 min", "2 h".
    static QString duration(qint64 ms, AlertLanguage language = AlertLanguage::Reader);

    /**
     * A node's or the network's error as an alert quotes it: JSON-path prefixes ("[0].error: ",
     * "result[3].hash: ") removed, the endpoint's own prefix (`shownUrl` and ": ") removed, and the wrapper
     * around a node's JSON-RPC error ("JSON-RPC error -32000 from the node: …", in English or
     * in the language of this process) unwrapped. `answered` is set when the message is an
     * answer from the node (an error object) rather than no answer.
     */
    static QString nodeMessage(const QString &message, const QString &shownUrl = QString(), bool *answered = nullptr);
};

} // namespace arbor
