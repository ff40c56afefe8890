#include "rpc/jsonrpcclient.h"

#include "model/u256.h"
#include "rpc/rpchttp.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcRpc, "arbor.rpc")

namespace arbor {

using rpchttp::excerpt;

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
    QNetworkReply *reply = m_network->post(rpchttp::postRequest(m_url, m_timeoutMs),
                                           QJsonDocument(body).toJson(QJsonDocument::Compact));
    rpchttp::limitResponseSize(reply, m_maxResponseBytes);
    rpchttp::limitDuration(reply, m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [reply, id, url = m_url, timeoutMs = m_timeoutMs, limit = m_maxResponseBytes, method, done = std::move(done)]() {
        reply->deleteLater();
        auto data = rpchttp::replyBody(reply, url, timeoutMs, limit, method, tr("lower the request rate or add another endpoint"));
        if (!data) {
            done(data.error());
            return;
        }
        done(parseResponse(*data, id, url));
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
