#include "rpc/jsonrpcclient.h"

#include "model/u256.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

Q_LOGGING_CATEGORY(lcRpc, "arbor.rpc")

namespace arbor {
namespace {

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(120)).simplified();
    if (body.size() > 120)
        text += QStringLiteral("…");
    return text;
}

Error networkError(QNetworkReply *reply, const QUrl &url, int timeoutMs)
{
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo);
    const QString field = QStringLiteral("rpc");
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return Error::unavailable(field, JsonRpcClient::tr("%1 did not answer within %2 s. Check that the node is up and not overloaded.")
                                             .arg(where).arg(timeoutMs / 1000.0));
    case QNetworkReply::SslHandshakeFailedError:
        return Error::unavailable(field, JsonRpcClient::tr("The TLS handshake with %1 failed: %2. Check the certificate, or use http:// for a local node.")
                                             .arg(where, reply->errorString()));
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return Error::unavailable(field, JsonRpcClient::tr("Cannot reach %1: %2. Check the host and port, and that the node is running.")
                                             .arg(where, reply->errorString()));
    default:
        return Error::unavailable(field, JsonRpcClient::tr("Request to %1 failed: %2.").arg(where, reply->errorString()));
    }
}

} // namespace

JsonRpcClient::JsonRpcClient(QNetworkAccessManager *network, QUrl url, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
{
}

void JsonRpcClient::call(const QString &method, const QJsonArray &params, Callback done)
{
    const qint64 id = m_nextId++;
    const QJsonObject body{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), id},
        {QStringLiteral("method"), method},
        {QStringLiteral("params"), params},
    };
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const qint64 limit = m_maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, limit](qint64 received, qint64) {
        if (received > limit) {
            reply->setProperty("arborOversize", true);
            reply->abort();
        }
    });
    const QUrl url = m_url;
    const int timeoutMs = m_timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [reply, id, url, timeoutMs, limit, method, done = std::move(done)]() {
        reply->deleteLater();
        if (reply->property("arborOversize").toBool()) {
            done(Error::invalid(QStringLiteral("rpc"), tr("%1 sent a response larger than %2 to %3.")
                                                           .arg(url.toDisplayString(), QLocale::c().formattedDataSize(limit), method)));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status >= 400) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            QString message = tr("%1 answered HTTP %2 %3").arg(url.toDisplayString()).arg(status).arg(reason);
            if (status == 429)
                message += tr(" (rate limited: lower the request rate or add another endpoint)");
            else if (status == 401 || status == 403)
                message += tr(" (the endpoint requires credentials or an API key)");
            if (!data.isEmpty())
                message += QStringLiteral(": ") + excerpt(data);
            done(Error::unavailable(QStringLiteral("rpc"), message));
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            done(networkError(reply, url, timeoutMs));
            return;
        }
        done(parseResponse(data, id, url));
    });
}

Result<QJsonValue> JsonRpcClient::parseResponse(const QByteArray &body, qint64 id, const QUrl &url)
{
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo);
    const QString field = QStringLiteral("rpc");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (body.trimmed().isEmpty())
            return Error::invalid(field, tr("%1 sent an empty response. Is this a JSON-RPC endpoint?").arg(where));
        return Error::invalid(field, tr("%1 did not answer with JSON (%2 at offset %3): “%4”. Is this a JSON-RPC endpoint?")
                                         .arg(where, parseError.errorString()).arg(parseError.offset).arg(excerpt(body)));
    }
    if (!doc.isObject())
        return Error::invalid(field, tr("%1 sent JSON that is not a JSON-RPC response object: “%2”.").arg(where, excerpt(body)));
    const QJsonObject obj = doc.object();
    if (obj.value(QLatin1String("jsonrpc")).toString() != u"2.0")
        return Error::invalid(field, tr("%1 sent a response without \"jsonrpc\": \"2.0\": “%2”.").arg(where, excerpt(body)));
    const QJsonValue error = obj.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull()) {
        const QJsonObject e = error.toObject();
        const int code = e.value(QLatin1String("code")).toInt();
        const QString message = e.value(QLatin1String("message")).toString().left(500);
        return Error::unavailable(field, tr("%1 returned JSON-RPC error %2: %3").arg(where).arg(code).arg(message));
    }
    const QJsonValue idValue = obj.value(QLatin1String("id"));
    if (idValue.toInteger(-1) != id)
        return Error::invalid(field, tr("%1 answered a different request (id %2, expected %3).")
                                         .arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{idValue}).toJson(QJsonDocument::Compact)))
                                         .arg(id));
    if (!obj.contains(QLatin1String("result")))
        return Error::invalid(field, tr("%1 sent a response with neither a result nor an error.").arg(where));
    return obj.value(QLatin1String("result"));
}

Result<qint64> quantityToInt64(const QJsonValue &value, const QString &field)
{
    if (!value.isString())
        return Error::invalid(field, QCoreApplication::translate("arbor::JsonRpcClient", "Expected a hex quantity string, got %1.")
                                         .arg(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).left(80)));
    auto v = u256::fromHexQuantity(value.toString(), field);
    if (!v)
        return v.error();
    if (*v > U256(std::numeric_limits<qint64>::max()))
        return Error::invalid(field, QCoreApplication::translate("arbor::JsonRpcClient", "The quantity %1 is out of range.").arg(value.toString().left(80)));
    return static_cast<qint64>(*v);
}

} // namespace arbor
