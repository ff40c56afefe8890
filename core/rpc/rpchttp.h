#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>
#include <utility>

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

/**
 * The receiver for every connection to one reply's signals, on the reply's thread.
 *
 * Qt frees a connection's functor on the thread that last lets go of the sender's connection
 * list. For a reply that can be Qt's HTTP thread, tearing down its half of the request while the
 * reply's own thread destroys the reply, so the functors (and what they captured) would be read
 * on one thread and freed on another. Connected to a scope instead, they are freed by the scope's
 * destructor, here: the scope is destroyed as the reply's destruction begins, with `owner`
 * (whose members the functors may use), or by end(), whichever comes first. A reply has at most
 * one scope; forReply() creates it.
 */
class ReplyScope : public QObject
{
public:
    /// The scope of `reply`, created as a child of `owner` on first use.
    static ReplyScope *forReply(QNetworkReply *reply, QObject *owner);
    /// Disconnects everything connected to `reply`'s scope, on this thread, before the reply is
    /// aborted or handed to deleteLater() by an owner going away.
    static void end(QNetworkReply *reply);

private:
    ReplyScope(QNetworkReply *reply, QObject *owner);
};

/**
 * Counts a request's calls as a provider bills them: `count` runs once, when the request has
 * gone out (Qt reports it sent, or its whole body uploaded), or when the reply finishes with an
 * answer or an error other than Arbor's own abort. A request given up before it was sent (a
 * process exiting with it queued, a timeout while connecting) is never counted. The finished
 * handler calls the returned function first; it says whether the request was counted.
 */
std::function<bool()> countWhenSent(QNetworkReply *reply, ReplyScope *scope, std::function<void()> count);

/// Aborts `reply` when it has not finished within `timeoutMs`, even while bytes still trickle
/// in (the request's own timeout only catches silence); replyBody() then reports the timeout.
void limitDuration(QNetworkReply *reply, ReplyScope *scope, int timeoutMs);

/// Aborts `reply` as soon as its announced length or the bytes received pass `limit`;
/// replyBody() then reports the oversized response.
void limitResponseSize(QNetworkReply *reply, ReplyScope *scope, qint64 limit);

/// Whether a finished `reply` failed in a way a second try may not: HTTP 500/502/503/504/408 or
/// a connection closed under it. Not a timeout, a refused connection or an HTTP 4xx.
bool isTransient(const QNetworkReply *reply);

/// Whether a finished, failed `reply` never got an answer from the node: no HTTP answer at all
/// (refused, reset, timeout, TLS), or HTTP 408/502/503/504 from a gateway in front of it. An
/// oversized body or any other HTTP error is an answer.
bool isUnreachable(const QNetworkReply *reply);

/// How error messages and logs show an endpoint: its URL without user name or password, a
/// `${keychain:NAME}` or `${env:VAR}` placeholder as written (never its value).
QString displayUrl(const QUrl &url);

/**
 * The pause a reply's Retry-After header asks for, in ms from now, clamped to [0, `maxMs`]:
 * delay-seconds, or an HTTP date (RFC 9110: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", and the
 * obsolete RFC 850 and asctime forms). Empty when there is no header or it is neither.
 */
std::optional<qint64> retryAfterMs(const QNetworkReply *reply, qint64 maxMs);
/// The same for a header's value.
std::optional<qint64> retryAfterMs(const QByteArray &value, qint64 maxMs);

/// An RPC URL ready for one request: its placeholders filled in.
struct ResolvedUrl
{
    QUrl url;   ///< for the request only: never shown, logged or stored
    QList<std::pair<QString, QString>> secrets;   ///< each value filled in, and its placeholder

    /// `text` with every value filled in (as written or percent-encoded) put back as its
    /// placeholder: for messages built from a reply, which may quote the URL it was sent to.
    QString redact(QString text) const;
    Error redact(Error error) const;
};

/**
 * Fills in the `${keychain:NAME}` and `${env:VAR}` placeholders of `url` (model/urlsecrets.h)
 * through the calling thread's SecretResolver, for a request about to be sent.
 *
 * `done` runs on the calling thread: at once when `url` has no placeholder or every value is
 * cached, later otherwise, and never once `context` is destroyed. A value that cannot be read
 * is an Unavailable error (field "rpc") naming the endpoint as displayed, the placeholder and
 * the fix (`arborctl secret set NAME`, the variable to set), never a value.
 */
void resolveUrl(const QUrl &url, QObject *context, std::function<void(Result<ResolvedUrl>)> done);

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
