#include "triggers/actionhttp.h"

#include "rpc/rpchttp.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QVariant>

#include <algorithm>

namespace arbor {
namespace {

const char TimedOutProperty[] = "arborTimedOut";
const char OversizedProperty[] = "arborOversized";
const QByteArray Redacted = QByteArrayLiteral("[redacted]");

// A day is the longest pause a server can ask for; beyond that the header is nonsense.
constexpr qint64 MaxRetryAfterMs = 24LL * 3600 * 1000;

const QRegularExpression &telegramTokenInPath()
{
    static const QRegularExpression pattern(QStringLiteral("/bot\\d+:[A-Za-z0-9_-]+"));
    return pattern;
}

} // namespace

Redactor::Redactor(const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        const QByteArray utf8 = secret.toUtf8();
        m_secrets.append(utf8);
        const QByteArray encoded = QUrl::toPercentEncoding(secret);
        if (encoded != utf8)
            m_secrets.append(encoded);
    }
    // Longest first, so a secret that contains another is removed whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
}

QByteArray Redactor::apply(QByteArray bytes) const
{
    for (const QByteArray &secret : m_secrets)
        bytes.replace(secret, Redacted);
    return bytes;
}

QString Redactor::apply(QString text) const
{
    for (const QByteArray &secret : m_secrets)
        text.replace(QString::fromUtf8(secret), QString::fromLatin1(Redacted));
    text.replace(telegramTokenInPath(), QStringLiteral("/bot[redacted]"));
    return text;
}

namespace actionhttp {

QByteArray userAgent()
{
    return QByteArrayLiteral("Arbor/" ARBOR_VERSION);
}

QString displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool isHttpUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

void prepare(QNetworkRequest &request, int timeoutMs)
{
    request.setRawHeader("User-Agent", userAgent());
    request.setTransferTimeout(std::max(1, timeoutMs));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
}

void watch(QNetworkReply *reply, rpchttp::ReplyScope *scope, int timeoutMs)
{
    QTimer::singleShot(std::max(1, timeoutMs), scope, [reply] {
        if (reply->isRunning()) {
            reply->setProperty(TimedOutProperty, true);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, scope, [reply](qint64 received, qint64) {
        if (received > MaxResponseBytes && !reply->property(OversizedProperty).toBool()) {
            reply->setProperty(OversizedProperty, true);
            reply->abort();
        }
    });
}

bool timedOut(const QNetworkReply *reply)
{
    if (reply->property(TimedOutProperty).toBool())
        return true;
    // The transfer timeout aborts the reply itself (OperationCanceledError in Qt 6.4).
    return !oversized(reply)
           && (reply->error() == QNetworkReply::TimeoutError || reply->error() == QNetworkReply::OperationCanceledError);
}

bool oversized(const QNetworkReply *reply)
{
    return reply->property(OversizedProperty).toBool();
}

int httpStatus(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

std::optional<qint64> retryAfterMs(const QNetworkReply *reply)
{
    return rpchttp::retryAfterMs(reply, MaxRetryAfterMs);
}

QString excerpt(const QByteArray &body, const Redactor &redactor)
{
    QString text = redactor.apply(QString::fromUtf8(redactor.apply(body)));
    if (text.size() > AttemptOutcome::ExcerptChars) {
        text.truncate(AttemptOutcome::ExcerptChars);
        text.append(QChar(0x2026));
    }
    return text;
}

AttemptOutcome::Kind kindForStatus(int status)
{
    if (status >= 200 && status < 300)
        return AttemptOutcome::Kind::Success;
    if (status == 408 || status == 429 || status >= 500)
        return AttemptOutcome::Kind::Retry;
    if (status == 410)
        return AttemptOutcome::Kind::Gone;
    return AttemptOutcome::Kind::Fail;
}

AttemptOutcome transportFailure(const QNetworkReply *reply, const QString &where, int timeoutMs, const Redactor &redactor)
{
    AttemptOutcome outcome;
    outcome.kind = AttemptOutcome::Kind::Retry;
    const QString reason = redactor.apply(reply->errorString());
    if (oversized(reply)) {
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.code = QStringLiteral("too_large");
        outcome.error = ActionText::tr("%1 sent an answer larger than %2 MiB; Arbor stopped reading it.")
                            .arg(where).arg(MaxResponseBytes / (1024 * 1024));
        return outcome;
    }
    if (timedOut(reply)) {
        outcome.code = QStringLiteral("timeout");
        outcome.error = ActionText::tr("%1 did not answer within %2 s. If the receiver is slow, raise the action's timeout.").arg(where).arg(timeoutMs / 1000.0);
        return outcome;
    }
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        outcome.code = QStringLiteral("refused");
        outcome.error = ActionText::tr("%1 refused the connection. Check that the receiver is running.").arg(where);
        break;
    case QNetworkReply::HostNotFoundError:
        outcome.code = QStringLiteral("host_not_found");
        outcome.error = ActionText::tr("The host of %1 was not found. Check the URL and DNS.").arg(where);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        outcome.code = QStringLiteral("tls");
        outcome.error = ActionText::tr("The TLS handshake with %1 failed: %2. Check the certificate.")
                            .arg(where, reason);
        break;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.code = QStringLiteral("unsupported_url");
        outcome.error = ActionText::tr("Arbor cannot send to %1: %2. Check the URL.").arg(where, reason);
        break;
    case QNetworkReply::RemoteHostClosedError:
        outcome.code = QStringLiteral("closed");
        outcome.error = ActionText::tr("Sending to %1 failed: %2.").arg(where, reason);
        break;
    default:
        outcome.code = QStringLiteral("network");
        outcome.error = ActionText::tr("Sending to %1 failed: %2.").arg(where, reason);
        break;
    }
    return outcome;
}

AttemptOutcome statusFailure(const QNetworkReply *reply, const QString &where, const QByteArray &body,
                             const Redactor &redactor)
{
    AttemptOutcome outcome;
    const int status = httpStatus(reply);
    outcome.httpStatus = status;
    outcome.code = QStringLiteral("http_%1").arg(status);
    outcome.kind = kindForStatus(status);
    outcome.responseExcerpt = excerpt(body, redactor);
    const QString phrase = redactor.apply(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    const QString statusText = phrase.isEmpty() ? QString::number(status) : QString::number(status) + QLatin1Char(' ') + phrase;
    if (status == 429) {
        outcome.retryAfterMs = retryAfterMs(reply);
        outcome.error = outcome.retryAfterMs
                            ? ActionText::tr("%1 is rate limiting (HTTP %2) and asks for a pause of %3 s.")
                                  .arg(where, statusText).arg(*outcome.retryAfterMs / 1000.0)
                            : ActionText::tr("%1 is rate limiting (HTTP %2).").arg(where, statusText);
    } else if (outcome.kind == AttemptOutcome::Kind::Retry) {
        outcome.retryAfterMs = retryAfterMs(reply);
        outcome.error = ActionText::tr("%1 answered HTTP %2.").arg(where, statusText);
    } else if (outcome.kind == AttemptOutcome::Kind::Gone) {
        outcome.error = ActionText::tr("%1 answered HTTP %2: the receiver asks not to be sent anything more. The action is "
                                       "disabled and its deliveries are held until you enable it again.").arg(where, statusText);
    } else if (status >= 300 && status < 400) {
        const QString location = redactor.apply(QString::fromUtf8(reply->rawHeader("Location")));
        outcome.error = ActionText::tr("%1 redirects to %2 (HTTP %3). Deliveries do not follow redirects; "
                                       "point the action at the final URL.").arg(where, location, statusText);
    } else if (status == 401 || status == 403) {
        outcome.error = ActionText::tr("%1 refused the credentials (HTTP %2). Check the secret the action refers to.")
                            .arg(where, statusText);
    } else if (status == 404) {
        outcome.error = ActionText::tr("%1 answered HTTP %2. Check the URL.").arg(where, statusText);
    } else {
        outcome.error = ActionText::tr("%1 refused the delivery (HTTP %2).").arg(where, statusText);
    }
    return outcome;
}

} // namespace actionhttp
} // namespace arbor
