#include "triggers/restsender.h"

#include "rpc/rpchttp.h"
#include "triggers/actionhttp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace arbor {
namespace {

const QLatin1String SecretPrefix("whsec_");

bool hasHeader(const QNetworkRequest &request, const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    const QList<QByteArray> present = request.rawHeaderList();
    return std::any_of(present.cbegin(), present.cend(), [&](const QByteArray &h) { return h.toLower() == lower; });
}

} // namespace

RestSender::RestSender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
}

Result<QByteArray> RestSender::signature(const QString &secret, const QString &id, qint64 timestamp, const QByteArray &body)
{
    const QString field = QStringLiteral("signingSecret");
    if (!secret.startsWith(SecretPrefix)) {
        return Error::invalid(field, ActionText::tr("The signing secret does not start with \"whsec_\". Standard Webhooks "
                                                    "secrets are \"whsec_\" followed by base64; store one in that form."));
    }
    const auto key = QByteArray::fromBase64Encoding(secret.mid(SecretPrefix.size()).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.isEmpty()) {
        return Error::invalid(field, ActionText::tr("The signing secret is not \"whsec_\" followed by base64. "
                                                    "Store it exactly as the receiver shows it."));
    }
    const QByteArray content = id.toUtf8() + '.' + QByteArray::number(timestamp) + '.' + body;
    const QByteArray mac = QMessageAuthenticationCode::hash(content, key.decoded, QCryptographicHash::Sha256);
    return QByteArray(QByteArrayLiteral("v1,") + mac.toBase64());
}

void RestSender::send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done)
{
    const Action &action = delivery.action;
    const QUrl url(action.url);
    const QString where = actionhttp::displayUrl(url);
    const auto failNow = [this, &done](QString error) {
        AttemptOutcome outcome;
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.error = std::move(error);
        QMetaObject::invokeMethod(this, [done = std::move(done), outcome] { done(outcome); }, Qt::QueuedConnection);
    };
    if (!actionhttp::isHttpUrl(url)) {
        failNow(ActionText::tr("The webhook URL \"%1\" is not an http:// or https:// URL.").arg(where));
        return;
    }

    QNetworkRequest request(url);
    actionhttp::prepare(request, action.timeoutMs);
    for (const HeaderSpec &header : action.headers) {
        if (!header.secret)
            request.setRawHeader(header.name.toLatin1(), header.value.toUtf8());
    }
    for (const auto &[name, value] : delivery.secrets.headers)
        request.setRawHeader(name.toLatin1(), value.toUtf8());
    if (!hasHeader(request, "Content-Type")) {
        request.setRawHeader("Content-Type", action.bodyIsText ? QByteArrayLiteral("text/plain; charset=utf-8")
                                                               : QByteArrayLiteral("application/json"));
    }

    const QByteArray method = action.method.trimmed().toUpper().toLatin1();
    const QByteArray body = (method == "GET" || method == "HEAD") ? QByteArray() : delivery.payload.body;
    request.setRawHeader("webhook-id", delivery.deliveryId.toUtf8());
    if (!delivery.secrets.signingSecret.isEmpty()) {
        const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
        Result<QByteArray> signature = RestSender::signature(delivery.secrets.signingSecret, delivery.deliveryId, timestamp, body);
        if (!signature) {
            failNow(signature.error().toString());
            return;
        }
        // During a rotation's overlap the earlier secret signs too: Standard Webhooks receivers
        // accept any of the space-separated signatures, whichever secret they hold.
        if (!delivery.secrets.previousSigningSecret.isEmpty()) {
            const Result<QByteArray> previous = RestSender::signature(delivery.secrets.previousSigningSecret, delivery.deliveryId, timestamp, body);
            if (!previous) {
                Error e = previous.error();
                e.field = QStringLiteral("previousSigningSecret");
                failNow(e.toString());
                return;
            }
            *signature += ' ' + *previous;
        }
        request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        request.setRawHeader("webhook-signature", *signature);
    }
    if (delivery.isTest)
        request.setRawHeader("arbor-test", "true");

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network->sendCustomRequest(request, method.isEmpty() ? QByteArrayLiteral("POST") : method, body);
    auto *scope = rpchttp::ReplyScope::forReply(reply, this);
    actionhttp::watch(reply, scope, action.timeoutMs);
    connect(reply, &QNetworkReply::finished, scope,
            [reply, clock, where, timeoutMs = action.timeoutMs, redactor = Redactor(delivery.secrets.values()),
             done = std::move(done)] {
        reply->deleteLater();
        const int status = actionhttp::httpStatus(reply);
        AttemptOutcome outcome;
        if (status == 0) {
            outcome = actionhttp::transportFailure(reply, where, timeoutMs, redactor);
        } else if (actionhttp::kindForStatus(status) == AttemptOutcome::Kind::Success) {
            // An answer cut off for its size still carries the status that matters.
            outcome.kind = AttemptOutcome::Kind::Success;
            outcome.httpStatus = status;
            outcome.responseExcerpt = actionhttp::excerpt(reply->readAll(), redactor);
        } else {
            outcome = actionhttp::statusFailure(reply, where, reply->readAll(), redactor);
        }
        outcome.durationMs = clock.elapsed();
        done(outcome);
    });
}

} // namespace arbor
