#include "webhookreceiver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace arbor::test {

QByteArray WebhookReceiver::Received::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

WebhookReceiver::WebhookReceiver(const QString &secret)
    : m_secret(secret), m_server([this](const HttpRequest &request) { return handle(request); })
{
}

WebhookReceiver::~WebhookReceiver()
{
    m_server.stop();   // before the members the handler reads go away
}

QString WebhookReceiver::makeSecret()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    return u"whsec_"_s + QString::fromLatin1(key.toBase64());
}

bool WebhookReceiver::verify(const QString &secret, const QByteArray &id, const QByteArray &timestamp,
                             const QByteArray &body, const QByteArray &signatureHeader, QString *why, int toleranceSeconds)
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!secret.startsWith("whsec_"_L1))
        return fail(u"the receiver's secret has no whsec_ prefix"_s);
    const auto key = QByteArray::fromBase64Encoding(secret.mid(6).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!key)
        return fail(u"the receiver's secret is not base64"_s);
    if (id.isEmpty() || timestamp.isEmpty() || signatureHeader.isEmpty())
        return fail(u"webhook-id, webhook-timestamp or webhook-signature missing"_s);
    bool ok = false;
    const qint64 sentAt = timestamp.toLongLong(&ok);
    if (!ok)
        return fail(u"webhook-timestamp is not unix seconds"_s);
    if (std::abs(QDateTime::currentSecsSinceEpoch() - sentAt) > toleranceSeconds)
        return fail(u"webhook-timestamp is more than %1 s away from now"_s.arg(toleranceSeconds));
    const QByteArray expected =
        QMessageAuthenticationCode::hash(id + '.' + timestamp + '.' + body, key.decoded, QCryptographicHash::Sha256).toBase64();
    // The header may carry several space-separated signatures (key rotation); one must match.
    for (const QByteArray &entry : signatureHeader.split(' ')) {
        if (entry.startsWith("v1,") && entry.mid(3) == expected)
            return true;
    }
    return fail(u"no v1 signature matches"_s);
}

bool WebhookReceiver::start(QString *error)
{
    return m_server.start(error);
}

void WebhookReceiver::stop()
{
    m_server.stop();
}

QUrl WebhookReceiver::url() const
{
    return m_server.url(u"/hook"_s);
}

QString WebhookReceiver::secret() const
{
    return m_secret;
}

HttpTestServer &WebhookReceiver::server()
{
    return m_server;
}

void WebhookReceiver::setFailFirst(int attempts, int status, std::optional<int> retryAfterSeconds)
{
    const QMutexLocker locker(&m_mutex);
    m_failFirst = attempts;
    m_failStatus = status;
    m_retryAfterSeconds = retryAfterSeconds;
}

void WebhookReceiver::setRefuse(std::function<bool(const Received &)> predicate, int status)
{
    const QMutexLocker locker(&m_mutex);
    m_refuse = std::move(predicate);
    m_refuseStatus = status;
}

void WebhookReceiver::setDelayMs(int delayMs)
{
    const QMutexLocker locker(&m_mutex);
    m_delayMs = delayMs;
}

void WebhookReceiver::setRequireSignature(bool require)
{
    const QMutexLocker locker(&m_mutex);
    m_requireSignature = require;
}

HttpResponse WebhookReceiver::handle(const HttpRequest &request)
{
    Received received;
    received.method = request.method;
    received.path = request.path();
    received.id = request.header("webhook-id");
    received.timestamp = request.header("webhook-timestamp");
    received.signature = request.header("webhook-signature");
    received.body = request.body;
    received.headers = request.headers;
    received.receivedAt = request.receivedAt;
    if (!m_secret.isEmpty())
        received.verified = verify(m_secret, received.id, received.timestamp, received.body, received.signature,
                                   &received.verifyError);

    const QMutexLocker locker(&m_mutex);
    received.attempt = ++m_attempts[received.id];
    HttpResponse response = HttpResponse::json(200, QJsonObject{{u"received"_s, QString::fromUtf8(received.id)}});
    if (!m_secret.isEmpty() && m_requireSignature && !received.verified) {
        response = HttpResponse::json(401, QJsonObject{{u"error"_s, QString(u"invalid signature: "_s + received.verifyError)}});
    } else if (m_refuse && m_refuse(received)) {
        response = HttpResponse::json(m_refuseStatus, QJsonObject{{u"error"_s, u"refused by the test"_s}});
    } else if (received.attempt <= m_failFirst) {
        response = HttpResponse::json(m_failStatus, QJsonObject{{u"error"_s, u"failing on purpose"_s}});
        if (m_retryAfterSeconds)
            response.headers.append({"Retry-After", QByteArray::number(*m_retryAfterSeconds)});
    } else if (!m_acceptedSet.contains(received.id)) {
        m_acceptedSet.insert(received.id);
        m_accepted.append(received.id);
    }
    received.answeredStatus = response.status;
    response.delayMs = m_delayMs;
    m_received.append(std::move(received));
    return response;
}

QList<WebhookReceiver::Received> WebhookReceiver::received() const
{
    const QMutexLocker locker(&m_mutex);
    return m_received;
}

QList<WebhookReceiver::Received> WebhookReceiver::receivedFor(const QByteArray &id) const
{
    const QMutexLocker locker(&m_mutex);
    QList<Received> matching;
    for (const Received &received : m_received) {
        if (received.id == id)
            matching.append(received);
    }
    return matching;
}

QList<QByteArray> WebhookReceiver::acceptedIds() const
{
    const QMutexLocker locker(&m_mutex);
    return m_accepted;
}

int WebhookReceiver::count() const
{
    const QMutexLocker locker(&m_mutex);
    return int(m_received.size());
}

void WebhookReceiver::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_received.clear();
    m_attempts.clear();
    m_accepted.clear();
    m_acceptedSet.clear();
}

} // namespace arbor::test
