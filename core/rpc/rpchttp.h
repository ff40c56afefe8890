#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

namespace arbor::rpchttp {

/**
 * The HTTP side of a JSON-RPC call, shared by JsonRpcClient and EndpointPool: how a request is
 * built, how a reply is bounded, and how each way it can fail reads to an operator.
 *
 * Thread: pure functions; a reply is handled on its QNetworkAccessManager's thread.
 */

/// A JSON-RPC POST to `url`: JSON content type, `timeoutMs` without any byte received aborts
/// it, redirects only to an equally safe scheme.
QNetworkRequest postRequest(const QUrl &url, int timeoutMs);

/// Aborts `reply` when it has not finished within `timeoutMs`, even while bytes still trickle
/// in (the request's own timeout only catches silence); replyBody() then reports the timeout.
void limitDuration(QNetworkReply *reply, int timeoutMs);

/// Aborts `reply` as soon as its announced length or the bytes received pass `limit`;
/// replyBody() then reports the oversized response.
void limitResponseSize(QNetworkReply *reply, qint64 limit);

/// Whether a finished `reply` failed in a way a second try may not: HTTP 500/502/503/504/408 or
/// a connection closed under it. Not a timeout, a refused connection or an HTTP 4xx.
bool isTransient(const QNetworkReply *reply);

/// How error messages show an endpoint: its URL without user name or password.
QString displayUrl(const QUrl &url);

/// The start of a body as error messages quote it: 120 bytes, whitespace simplified.
QString excerpt(const QByteArray &body);

/**
 * The body of a finished `reply`, or an Error naming the endpoint and what happened: the
 * response passed `limit` (Invalid; `what` names the request), HTTP error status (Unavailable,
 * with advice for 401/403 and `rateLimitAdvice` after 429), or a network failure (Unavailable:
 * unreachable, TLS, no answer within `timeoutMs`). Never reads a reply that was aborted.
 * The body has at least 64 bytes of spare capacity, so evmjson parses it without a copy.
 */
Result<QByteArray> replyBody(QNetworkReply *reply, const QUrl &url, int timeoutMs, qint64 limit, const QString &what,
                             const QString &rateLimitAdvice);

} // namespace arbor::rpchttp
