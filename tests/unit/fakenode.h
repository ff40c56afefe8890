#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

namespace arbor {

/**
 * A JSON-RPC node over HTTP/1.1 on 127.0.0.1 for the RPC unit tests (the pool, the client and
 * the range fetcher), scripted through its public fields.
 *
 * How a request is answered is its Mode: `mode` for the root path, or the mode a path names
 * (url(Mode::Http500) ends in "/http500"), so that one node stands for several endpoints, each
 * with a URL (and so a rate limiter) of its own. In Mode::Ok every call, and every call of a
 * batch, is answered from `answers`; eth_blockNumber answers `head` unless `answers` has it; a
 * method without an answer gets `result` when that is set, else the JSON-RPC error "method does
 * not exist". A batch of more than `batchCap` calls is refused with HTTP 400 "batch size too
 * large", as providers do.
 *
 * Answers leave after `delayMs` (on the next turn of the event loop for 0). Connections are
 * kept alive unless `keepAlive` is false.
 */
class FakeNode final : public QObject
{
public:
    enum class Mode {
        Ok,
        Http500,        ///< 500 "upstream exploded"
        Http429,        ///< 429 "slow down"
        Garbage,        ///< 200 with an HTML page
        BadResult,      ///< a well-formed answer whose result is "bad"
        RangeTooLarge,  ///< the JSON-RPC error -32005 `rangeMessage`
        WrongId,        ///< a well-formed answer to another request
        Large,          ///< a 64 KiB result
        Close,          ///< closes the connection without answering
        Silent,         ///< never answers
        Busy,           ///< 429 with Retry-After: 1 while `busy` counts down, then as Ok
        Flaky,          ///< 503 "try again" while `flaky` counts down, then as Ok
    };

    /// What one call answers: a result, or a JSON-RPC error.
    struct Answer
    {
        explicit Answer(QJsonValue result = {})
            : result(std::move(result))
        {
        }
        static Answer error(int code, QString message)
        {
            Answer answer;
            answer.errorCode = code;
            answer.errorMessage = std::move(message);
            return answer;
        }

        QJsonValue result;
        int errorCode = 0;              ///< not 0: the answer is this error
        QString errorMessage;
    };
    using Method = std::function<Answer(const QJsonArray &params)>;

    explicit FakeNode(QString result = {}, QObject *parent = nullptr);

    bool listen();
    /// The node's URL; with `mode`, the path answered in that mode whatever `mode` says.
    QUrl url(std::optional<Mode> pathMode = std::nullopt) const;

    // How it answers.
    Mode mode = Mode::Ok;
    QHash<QString, Method> answers;     ///< by method name
    QString result;                     ///< what a method without an answer gets; empty: an error
    qint64 head = 100;
    int busy = 0;
    int flaky = 0;
    int batchCap = 0;                   ///< 0: any batch
    QString rangeMessage = QStringLiteral("query returned more than 10000 results");
    int delayMs = 0;
    bool keepAlive = true;
    std::function<qint64()> clock;      ///< stamps arrivalsMs; by default ms since the node was made

    // What it saw.
    int requests = 0;
    QStringList methods;                ///< of every call received, in order (a batch's one by one)
    QList<qint64> arrivalsMs;
    int connections = 0;
    int concurrent = 0;
    int maxConcurrent = 0;
    int largestBatch = 0;               ///< the largest batch answered
    int refusedBatches = 0;

private:
    void accept();
    void read(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &path, const QByteArray &body);
    QJsonValue answerCall(Mode mode, const QJsonValue &call) const;
    void send(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType,
              const QByteArray &body, const QByteArray &extraHeader = {});

    QTcpServer m_server;
    QElapsedTimer m_started;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::FakeNode::Mode)
