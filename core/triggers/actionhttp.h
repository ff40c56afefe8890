#pragma once

#include "triggers/outgoingdelivery.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace arbor {
namespace rpchttp {
class ReplyScope;
}

/// The translation context of every text the action senders produce.
class ActionText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::ActionSender)
};

/**
 * Removes secrets from what a server or Qt says before it reaches an AttemptOutcome: each
 * secret, and its percent-encoded form (a bot token in a URL), becomes "[redacted]", and so
 * does anything after "/bot" in a URL path (a Telegram token Arbor does not know of).
 */
class Redactor
{
public:
    Redactor() = default;
    explicit Redactor(const QStringList &secrets);

    QString apply(QString text) const;
    QByteArray apply(QByteArray bytes) const;

private:
    QList<QByteArray> m_secrets;
};

namespace actionhttp {

/// Answers larger than this are cut off (4 MiB): a delivery needs a status and an excerpt.
constexpr qint64 MaxResponseBytes = 4 * 1024 * 1024;

/// "Arbor/0.1.0".
QByteArray userAgent();

/// What errors call an endpoint: scheme, host, port and path, without user info or query.
QString displayUrl(const QUrl &url);
/// An http:// or https:// URL with a host.
bool isHttpUrl(const QUrl &url);

/// Sets the User-Agent, `timeoutMs` of silence as the transfer timeout, and no redirects
/// (a delivery is not re-sent to wherever a server points).
void prepare(QNetworkRequest &request, int timeoutMs);
/// Aborts `reply` after `timeoutMs` in all, or once it passes MaxResponseBytes; timedOut()
/// and oversized() then tell which. The checks are connected to `scope`.
void watch(QNetworkReply *reply, rpchttp::ReplyScope *scope, int timeoutMs);
bool timedOut(const QNetworkReply *reply);
bool oversized(const QNetworkReply *reply);

/// The HTTP status of a finished reply; 0 when none arrived.
int httpStatus(const QNetworkReply *reply);
/// Retry-After as milliseconds: delta seconds or an HTTP date; nothing when absent or unreadable.
std::optional<qint64> retryAfterMs(const QNetworkReply *reply);

/// The first AttemptOutcome::ExcerptChars characters of `body`, secrets redacted first.
QString excerpt(const QByteArray &body, const Redactor &redactor);

/// Retry for 408, 429 and 5xx; Fail for the rest of 3xx and 4xx; Success for 2xx.
AttemptOutcome::Kind kindForStatus(int status);

/// A reply without an HTTP status: refused, unreachable, timed out, TLS, reset. Retry, except
/// for a URL Qt cannot send to at all (Fail). `where` names the endpoint in the error.
AttemptOutcome transportFailure(const QNetworkReply *reply, const QString &where, int timeoutMs,
                                const Redactor &redactor);

/// A non-2xx HTTP status: Retry or Fail by kindForStatus(), with Retry-After, an error naming
/// `where` and the status, and an excerpt of `body`.
AttemptOutcome statusFailure(const QNetworkReply *reply, const QString &where, const QByteArray &body,
                             const Redactor &redactor);

} // namespace actionhttp
} // namespace arbor
