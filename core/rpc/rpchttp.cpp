#include "rpc/rpchttp.h"

#include "model/urlsecrets.h"
#include "secrets/secretresolver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <memory>
#include <optional>

namespace arbor::rpchttp {
namespace {

// The context lupdate gives tr() calls in this namespace: the German translations are filed under it.
QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::rpchttp", text);
}

Error networkError(QNetworkReply *reply, const QUrl &url, int timeoutMs)
{
    const QString where = displayUrl(url);
    const QString field = QStringLiteral("rpc");
    const auto cannotReach = [&](const char *code) {
        return Error::unavailable(field, tr("Cannot reach %1: %2. Check the host and port, and that the node is running.")
                                             .arg(where, reply->errorString()))
            .withCode(QLatin1String(code));
    };
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return Error::unavailable(field, tr("%1 did not answer within %2 s. Check that the node is up and not overloaded.")
                                             .arg(where).arg(timeoutMs / 1000.0))
            .withCode(QStringLiteral("timeout"));
    case QNetworkReply::SslHandshakeFailedError:
        return Error::unavailable(field, tr("The TLS handshake with %1 failed: %2. Check the certificate, or use http:// for a local node.")
                                             .arg(where, reply->errorString()))
            .withCode(QStringLiteral("tls"));
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::ProxyConnectionRefusedError:
        return cannotReach("refused");
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyNotFoundError:
        return cannotReach("host_not_found");
    case QNetworkReply::RemoteHostClosedError:
        return cannotReach("closed");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return cannotReach("network");
    default:
        return Error::unavailable(field, tr("Request to %1 failed: %2.").arg(where, reply->errorString()));
    }
}

QString trUrl(const char *text)
{
    return QCoreApplication::translate("arbor::UrlSecrets", text);
}

/// Why the value of `ref` in `url` could not be read, in the words of an RPC URL.
Error unreadable(const QUrl &url, const SecretRef &ref, const Error &error)
{
    const QString where = displayUrl(url);
    const QString placeholder = urlsecrets::placeholderText(ref);
    QString message;
    if (ref.source == SecretRef::Source::Env) {
        message = error.kind == Error::Kind::NotFound
            ? trUrl("%1: the environment variable %2 of %3 is not set in Arbor's environment. Set it before starting "
                    "Arbor, or store the key with `arborctl secret set NAME` and write ${keychain:NAME} in the URL.")
                  .arg(where, ref.name, placeholder)
            : trUrl("%1: the environment variable %2 of %3 is empty. Put the key in it.").arg(where, ref.name, placeholder);
    } else if (error.kind == Error::Kind::NotFound) {
        message = trUrl("%1: the keychain holds no secret named %2 (%3). Store the key with `arborctl secret set %2`.")
                      .arg(where, ref.name, placeholder);
    } else if (error.kind == Error::Kind::Invalid) {
        message = trUrl("%1: the keychain entry %2 (%3) is empty. Store the key with `arborctl secret set %2`.")
                      .arg(where, ref.name, placeholder);
    } else {
        message = trUrl("%1: %2 cannot be read: %3 Unlock or start the keychain, or write ${env:VAR} in the URL and "
                        "set VAR in Arbor's environment.")
                      .arg(where, placeholder, error.message);
    }
    return Error::unavailable(QStringLiteral("rpc"), message);
}

Result<ResolvedUrl> filledIn(const QUrl &url, const QList<SecretRef> &refs, const QHash<QString, QString> &values)
{
    auto resolved = urlsecrets::substitute(url, values);
    if (!resolved)
        return Error::unavailable(QStringLiteral("rpc"), resolved.error().message);
    ResolvedUrl out;
    out.url = *resolved;
    for (const SecretRef &ref : refs)
        out.secrets.append({values.value(ref.toString()), urlsecrets::placeholderText(ref)});
    return out;
}

} // namespace

QString ResolvedUrl::redact(QString text) const
{
    // A value this short would garble the message more than it hides.
    constexpr qsizetype MinRedacted = 4;
    for (const auto &[value, placeholder] : secrets) {
        if (value.size() < MinRedacted)
            continue;
        text.replace(value, placeholder);
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(value)), placeholder);
    }
    return text;
}

Error ResolvedUrl::redact(Error error) const
{
    error.message = redact(error.message);
    return error;
}

void resolveUrl(const QUrl &url, QObject *context, std::function<void(Result<ResolvedUrl>)> done)
{
    if (!urlsecrets::hasPlaceholders(url)) {
        done(ResolvedUrl{url, {}});
        return;
    }
    if (const auto found = urlsecrets::find(url.toString(QUrl::FullyEncoded), QStringLiteral("rpc")); !found) {
        done(Error::unavailable(QStringLiteral("rpc"), displayUrl(url) + QLatin1String(": ") + found.error().message));
        return;
    }
    const QList<SecretRef> refs = urlsecrets::references(url);
    SecretResolver *resolver = SecretResolver::forCurrentThread();
    QHash<QString, QString> cached;
    for (const SecretRef &ref : refs) {
        if (const auto value = resolver->cachedValue(ref))
            cached.insert(ref.toString(), *value);
    }
    if (cached.size() == refs.size()) {
        done(filledIn(url, refs, cached));
        return;
    }

    struct Gather
    {
        QHash<QString, QString> values;
        qsizetype missing = 0;
        std::optional<Error> error;
        std::function<void(Result<ResolvedUrl>)> done;
    };
    auto gather = std::make_shared<Gather>();
    gather->missing = refs.size();
    gather->done = std::move(done);
    const QPointer<QObject> guard(context);
    for (const SecretRef &ref : refs) {
        resolver->resolve(ref, [gather, guard, url, refs, ref](Result<QString> value) {
            if (!value && !gather->error)
                gather->error = unreadable(url, ref, value.error());
            else if (value)
                gather->values.insert(ref.toString(), *value);
            if (--gather->missing > 0 || !guard)
                return;
            if (gather->error)
                gather->done(*gather->error);
            else
                gather->done(filledIn(url, refs, gather->values));
        });
    }
}

QNetworkRequest postRequest(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

namespace {
constexpr char ScopeProperty[] = "arborReplyScope";
}

ReplyScope::ReplyScope(QNetworkReply *reply, QObject *owner)
    : QObject(owner)
{
    reply->setProperty(ScopeProperty, QVariant::fromValue(QPointer<QObject>(this)));
    // destroyed() is emitted before the reply lets go of its connections.
    connect(reply, &QObject::destroyed, this, [this] { delete this; });
}

ReplyScope *ReplyScope::forReply(QNetworkReply *reply, QObject *owner)
{
    const auto existing = reply->property(ScopeProperty).value<QPointer<QObject>>();
    if (existing)
        return static_cast<ReplyScope *>(existing.data());
    return new ReplyScope(reply, owner);
}

void ReplyScope::end(QNetworkReply *reply)
{
    delete reply->property(ScopeProperty).value<QPointer<QObject>>().data();
}

std::function<bool()> countWhenSent(QNetworkReply *reply, ReplyScope *scope, std::function<void()> count)
{
    struct State
    {
        bool counted = false;
        std::function<void()> count;
        void once()
        {
            if (!counted) {
                counted = true;
                count();
            }
        }
    };
    auto state = std::make_shared<State>();
    state->count = std::move(count);
    QObject::connect(reply, &QNetworkReply::requestSent, scope, [state] { state->once(); });
    QObject::connect(reply, &QNetworkReply::uploadProgress, scope, [state](qint64 sent, qint64 total) {
        if (total > 0 && sent == total)
            state->once();
    });
    return [state, reply] {
        if (reply->error() != QNetworkReply::OperationCanceledError)
            state->once();
        return state->counted;
    };
}

void limitDuration(QNetworkReply *reply, ReplyScope *scope, int timeoutMs)
{
    QTimer::singleShot(timeoutMs, scope, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
}

void limitResponseSize(QNetworkReply *reply, ReplyScope *scope, qint64 limit)
{
    const auto check = [reply, limit](qint64 bytes) {
        if (bytes > limit && !reply->property("arborOversize").toBool()) {
            reply->setProperty("arborOversize", true);
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, scope, [reply, check] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            check(length.toLongLong());
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, scope, [check](qint64 received, qint64) { check(received); });
}

bool isTransient(const QNetworkReply *reply)
{
    if (reply->property("arborOversize").toBool())
        return false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 408 || status == 500 || status == 502 || status == 503 || status == 504)
        return true;
    switch (reply->error()) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

bool isUnreachable(const QNetworkReply *reply)
{
    if (reply->property("arborOversize").toBool())
        return false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return status == 408 || status == 502 || status == 503 || status == 504;
    return reply->error() != QNetworkReply::NoError;
}

QString displayUrl(const QUrl &url)
{
    return urlsecrets::displayText(url);
}

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(120)).simplified();
    if (body.size() > 120)
        text += QStringLiteral("…");
    return text;
}

Result<QByteArray> replyBody(QNetworkReply *reply, const QUrl &url, int timeoutMs, qint64 limit, const QString &what,
                             const QString &rateLimitAdvice)
{
    const QString field = QStringLiteral("rpc");
    if (reply->property("arborOversize").toBool()) {
        return Error::invalid(field, tr("%1 sent a response larger than %2 to %3.")
                                         .arg(displayUrl(url), QLocale::c().formattedDataSize(limit), what));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray data;
    if (reply->isOpen()) {
        // Read into a buffer with spare room after the body: simdjson parses in place when it
        // finds SIMDJSON_PADDING (64) bytes there, and copies the body (tens of MB for a wide
        // eth_getLogs) otherwise.
        constexpr qsizetype ParserPadding = 64;
        const qint64 available = reply->bytesAvailable();
        data = QByteArray(available + ParserPadding, Qt::Uninitialized);
        data.resize(std::max<qint64>(0, reply->read(data.data(), available)));
        if (reply->bytesAvailable() > 0)
            data += reply->readAll();
    }
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString message = tr("%1 answered HTTP %2 %3").arg(displayUrl(url)).arg(status).arg(reason);
        if (status == 429)
            message += QStringLiteral(" (") + tr("rate limited: %1").arg(rateLimitAdvice) + QStringLiteral(")");
        else if (status == 401 || status == 403)
            message += tr(" (the endpoint requires credentials or an API key)");
        if (!data.isEmpty())
            message += QStringLiteral(": ") + excerpt(data);
        return Error::unavailable(field, message).withCode(QStringLiteral("http_") + QString::number(status));
    }
    if (reply->error() != QNetworkReply::NoError)
        return networkError(reply, url, timeoutMs);
    return data;
}

std::optional<qint64> retryAfterMs(const QNetworkReply *reply, qint64 maxMs)
{
    return retryAfterMs(reply->rawHeader("Retry-After"), maxMs);
}

std::optional<qint64> retryAfterMs(const QByteArray &header, qint64 maxMs)
{
    const QString value = QString::fromLatin1(header).simplified();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return std::clamp<qint64>(seconds * 1000, 0, maxMs);
    // HTTP dates are always GMT, in English; QDateTime's RFC 2822 parser refuses "GMT".
    static const QString formats[] = {QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"),
                                      QStringLiteral("ddd MMM d HH:mm:ss yyyy")};
    for (const QString &format : formats) {
        QDateTime at = QLocale::c().toDateTime(value, format);
        if (!at.isValid())
            continue;
        if (format.contains(QLatin1String("yy HH")) && at.date().year() < 1970)
            at = at.addYears(100);   // RFC 850's two-digit year
        at = QDateTime(at.date(), at.time(), Qt::UTC);
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, maxMs);
    }
    // Some servers send RFC 2822's numeric zone ("+0000") instead.
    if (const QDateTime at = QDateTime::fromString(value, Qt::RFC2822Date); at.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, maxMs);
    return std::nullopt;
}

} // namespace arbor::rpchttp
