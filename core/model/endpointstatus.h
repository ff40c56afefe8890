#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace arbor {

/**
 * How one RPC endpoint is doing: the one vocabulary of the chain table, the chain page's
 * endpoint rows, alert texts, arborctl (text and --json) and the rpc_endpoints.status column.
 *
 * - Unknown: nothing was asked of it yet.
 * - Ok: it answers.
 * - RateLimited: it answers, but asked Arbor to slow down lately (HTTP 429 or a node's "rate
 *   limited"): Arbor keeps to its rate; not a failure.
 * - AnsweringWithErrors: it answers, with errors (a JSON-RPC error such as -32000 "header not
 *   found", an HTTP 4xx or 500, a malformed or oversized body). A node that answers is never
 *   Unreachable.
 * - Unreachable: its last request never got an answer from the node (connection refused or
 *   reset, timeout, TLS failure, HTTP 502/503/504 from a gateway in front of it), or its circuit
 *   is open after repeated such failures; a cheap probe tries it again every few seconds.
 */
enum class EndpointStatus {
    Unknown,
    Ok,
    RateLimited,
    AnsweringWithErrors,
    Unreachable,
};

/// The stable machine token: "unknown", "ok", "rate_limited", "answering_with_errors",
/// "unreachable". Stored in rpc_endpoints.status and printed by `arborctl … --json`.
QString endpointStatusToken(EndpointStatus status);
/// The status a token names; the words of earlier versions are read too ("down" → Unreachable,
/// "degraded" → AnsweringWithErrors, "rate limited" → RateLimited). Empty for anything else.
std::optional<EndpointStatus> endpointStatusFromToken(QStringView token);
/// The status in the reader's language: "ok", "rate limited", "answering with errors",
/// "unreachable", "unknown" (translation context "arbor::EndpointStatus").
QString endpointStatusText(EndpointStatus status);
/// Whether the endpoint is doing its work: Ok, or RateLimited (Arbor keeps to its quota).
inline bool endpointWorking(EndpointStatus status)
{
    return status == EndpointStatus::Ok || status == EndpointStatus::RateLimited;
}

} // namespace arbor

Q_DECLARE_METATYPE(arbor::EndpointStatus)
