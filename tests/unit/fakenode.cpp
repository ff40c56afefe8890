#include "fakenode.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arbor {
namespace {

using Mode = FakeNode::Mode;

const QList<std::pair<Mode, QByteArray>> &modePaths()
{
    static const QList<std::pair<Mode, QByteArray>> paths = {
        {Mode::Ok, "/ok"},
        {Mode::Http500, "/http500"},
        {Mode::Http429, "/http429"},
        {Mode::Garbage, "/garbage"},
        {Mode::BadResult, "/bad-result"},
        {Mode::RangeTooLarge, "/range-too-large"},
        {Mode::WrongId, "/wrong-id"},
        {Mode::Large, "/large"},
        {Mode::Close, "/close"},
        {Mode::Silent, "/silent"},
        {Mode::Busy, "/busy"},
        {Mode::Flaky, "/flaky"},
    };
    return paths;
}

QJsonObject resultObject(const QJsonValue &id, const QJsonValue &value)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, value}};
}

QJsonObject errorObject(const QJsonValue &id, int code, const QString &message)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

FakeNode::FakeNode(QString result, QObject *parent)
    : QObject(parent)
    , result(std::move(result))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeNode::accept);
    m_started.start();
}

bool FakeNode::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeNode::url(std::optional<Mode> pathMode) const
{
    QByteArray path = "/";
    for (const auto &[mode, modePath] : modePaths()) {
        if (pathMode == mode)
            path = modePath;
    }
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(QString::fromLatin1(path)));
}

void FakeNode::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++connections;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeNode::read(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QByteArray path = lines.first().trimmed().split(' ').value(1);
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            break;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);

        ++requests;
        arrivalsMs.append(clock ? clock() : m_started.elapsed());
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonArray calls = document.isArray() ? document.array() : QJsonArray{document.object()};
        for (const QJsonValue &call : calls)
            methods.append(call.toObject().value(u"method"_s).toString());
        maxConcurrent = std::max(maxConcurrent, ++concurrent);
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delayMs, this, [this, guard, path, body] {
            --concurrent;
            if (guard)
                respond(guard, path, body);
        });
    }
    socket->setProperty("buffer", buffer);
}

void FakeNode::send(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType,
                    const QByteArray &body, const QByteArray &extraHeader)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeader;
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    socket->write(head + body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

void FakeNode::respond(QTcpSocket *socket, const QByteArray &path, const QByteArray &body)
{
    Mode how = mode;
    if (path != "/") {
        const auto named = std::find_if(modePaths().begin(), modePaths().end(), [&path](const auto &entry) { return entry.second == path; });
        if (named == modePaths().end()) {
            send(socket, 404, "Not Found", "text/plain", "no such path");
            return;
        }
        how = named->first;
    }
    if ((how == Mode::Busy && busy <= 0) || (how == Mode::Flaky && flaky <= 0))
        how = Mode::Ok;

    switch (how) {
    case Mode::Http500:
        send(socket, 500, "Internal Server Error", "text/plain", "upstream exploded");
        return;
    case Mode::Http429:
        send(socket, 429, "Too Many Requests", "text/plain", "slow down");
        return;
    case Mode::Busy:
        --busy;
        send(socket, 429, "Too Many Requests", "text/plain", "slow down", "Retry-After: 1\r\n");
        return;
    case Mode::Flaky:
        --flaky;
        send(socket, 503, "Service Unavailable", "text/plain", "try again");
        return;
    case Mode::Garbage:
        send(socket, 200, "OK", "text/html", "<html><head><title>Welcome to nginx!</title></head><body></body></html>");
        return;
    case Mode::Close:
        socket->abort();
        return;
    case Mode::Silent:
        return;
    default:
        break;
    }

    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        send(socket, 200, "OK", "application/json", compact(answerCall(how, document.object())));
        return;
    }
    const QJsonArray calls = document.array();
    if (batchCap > 0 && calls.size() > batchCap) {
        ++refusedBatches;
        send(socket, 400, "Bad Request", "application/json",
             compact(errorObject(QJsonValue::Null, -32600, u"batch size too large"_s)));
        return;
    }
    largestBatch = std::max(largestBatch, int(calls.size()));
    QJsonArray answered;
    for (const QJsonValue &call : calls)
        answered.append(answerCall(how, call));
    send(socket, 200, "OK", "application/json", compact(answered));
}

QJsonValue FakeNode::answerCall(Mode how, const QJsonValue &call) const
{
    const QJsonObject request = call.toObject();
    const QJsonValue id = request.value(u"id"_s);
    switch (how) {
    case Mode::BadResult:
        return resultObject(id, u"bad"_s);
    case Mode::RangeTooLarge:
        return errorObject(id, -32005, rangeMessage);
    case Mode::WrongId:
        return resultObject(id.toInteger() + 100, u"0x1"_s);
    case Mode::Large:
        return resultObject(id, QString(64 * 1024, u'a'));
    default:
        break;
    }
    const QString method = request.value(u"method"_s).toString();
    if (const auto it = answers.constFind(method); it != answers.constEnd()) {
        const Answer answer = (*it)(request.value(u"params"_s).toArray());
        return answer.errorCode != 0 ? errorObject(id, answer.errorCode, answer.errorMessage) : resultObject(id, answer.result);
    }
    if (method == u"eth_blockNumber")
        return resultObject(id, QString(u"0x"_s + QString::number(head, 16)));
    if (!result.isEmpty())
        return resultObject(id, result);
    return errorObject(id, -32601, u"the method %1 does not exist/is not available"_s.arg(method));
}

} // namespace arbor
