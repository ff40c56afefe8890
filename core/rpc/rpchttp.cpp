#include "rpc/rpchttp.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QVariant>

#include <algorithm>

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
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return Error::unavailable(field, tr("%1 did not answer within %2 s. Check that the node is up and not overloaded.")
                                             .arg(where).arg(timeoutMs / 1000.0));
    case QNetworkReply::SslHandshakeFailedError:
        return Error::unavailable(field, tr("The TLS handshake with %1 failed: %2. Check the certificate, or use http:// for a local node.")
                                             .arg(where, reply->errorString()));
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return Error::unavailable(field, tr("Cannot reach %1: %2. Check the host and port, and that the node is running.")
                                             .arg(where, reply->errorString()));
    default:
        return Error::unavailable(field, tr("Request to %1 failed: %2.").arg(where, reply->errorString()));
    }
}

} // namespace

QNetworkRequest postRequest(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

void limitDuration(QNetworkReply *reply, int timeoutMs)
{
    QTimer::singleShot(timeoutMs, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
}

void limitResponseSize(QNetworkReply *reply, qint64 limit)
{
    const auto check = [reply, limit](qint64 bytes) {
        if (bytes > limit && !reply->property("arborOversize").toBool()) {
            reply->setProperty("arborOversize", true);
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, check] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            check(length.toLongLong());
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [check](qint64 received, qint64) { check(received); });
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

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
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
        return Error::unavailable(field, message);
    }
    if (reply->error() != QNetworkReply::NoError)
        return networkError(reply, url, timeoutMs);
    return data;
}

} // namespace arbor::rpchttp
