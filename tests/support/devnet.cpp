#include "devnet.h"

#include "buildpaths.h"
#include "childprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimer>

#include <algorithm>


using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int StartAttempts = 3;
// The port a killed anvil held is usually free at once; give it this long before moving on.
constexpr int SamePortWaitMs = 10000;
// anvil parses a dump at roughly 20-50 MB/s; a chain of 100,000 transfers dumps to ~300 MB.
constexpr qint64 LoadBytesPerSecond = 10 * 1000 * 1000;

QString anvilProgram()
{
    return Devnet::directory() + u"/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"_s;
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QString tail(const QByteArray &output)
{
    return QString::fromUtf8(output.right(2000)).trimmed();
}

} // namespace

Devnet::Devnet() = default;

Devnet::~Devnet()
{
    stop();
}

QString Devnet::directory()
{
    const QString fromEnvironment = qEnvironmentVariable("ARBOR_DEVNET_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment);
    return BuildPaths::sourceDir() + u"/tests/support/devnet"_s;
}

bool Devnet::requiredByEnvironment()
{
    return qEnvironmentVariableIsSet("CI");
}

QString Devnet::unavailableReason()
{
    QStringList missing;
    const QString dir = directory();
    if (!QFileInfo::exists(dir + u"/devnet.mjs"_s))
        missing << u"no devnet.mjs in %1 (check ARBOR_DEVNET_DIR)"_s.arg(dir);
    if (nodeProgram().isEmpty())
        missing << u"node is not in PATH"_s;
    if (!QFileInfo(anvilProgram()).isExecutable())
        missing << u"anvil is not installed at %1"_s.arg(anvilProgram());
    if (!QFileInfo::exists(dir + u"/node_modules/solc/soljson.js"_s))
        missing << u"solc is not installed in %1/node_modules"_s.arg(dir);
    if (missing.isEmpty())
        return {};
    return u"devnet unavailable: %1. Run tests/run.sh, which installs it with npm ci in %2."_s
        .arg(missing.join(u"; "_s), dir);
}

void Devnet::setExtraArguments(const QStringList &arguments)
{
    m_extraArguments = arguments;
}

bool Devnet::start(QString *error, quint64 chainId)
{
    stop();
    m_stateFile.clear();
    const QString reason = unavailableReason();
    if (!reason.isEmpty()) {
        setError(error, reason);
        return false;
    }
    m_chainId = chainId;
    QString lastError;
    // Another process can take the port between our probe and anvil's bind; try a new one.
    for (int attempt = 0; attempt < StartAttempts; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port == 0) {
            setError(error, u"no free loopback port for anvil"_s);
            return false;
        }
        if (startOnce(port, &lastError, StartTimeoutMs))
            return true;
        if (!lastError.contains(u"in use"_s))
            break;
        stop();
    }
    stop();
    setError(error, lastError);
    return false;
}

bool Devnet::startOnce(quint16 port, QString *error, int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(anvilProgram());
    QStringList arguments{
        u"--host"_s, u"127.0.0.1"_s,
        u"--port"_s, QString::number(port),
        u"--chain-id"_s, QString::number(m_chainId),
        u"--silent"_s,
    };
    // Past its in-memory history (~500 blocks) anvil otherwise spills block states to
    // ~/.foundry/anvil/tmp: gigabytes for a large run, never removed after a kill. anvil
    // rejects this flag next to --prune-history or a second --max-persisted-states.
    const bool historyChosen = std::any_of(m_extraArguments.cbegin(), m_extraArguments.cend(), [](const QString &a) {
        return a.startsWith(u"--max-persisted-states"_s) || a.startsWith(u"--prune-history"_s);
    });
    if (!historyChosen)
        arguments << u"--max-persisted-states"_s << u"0"_s;
    if (!m_stateFile.isEmpty())
        arguments << u"--load-state"_s << m_stateFile;
    m_process->setArguments(arguments + m_extraArguments);
    // Output goes to a file, not a pipe: nobody drains a pipe while a test blocks in
    // waitForFinished() on node, and a chatty anvil (--print-traces) would then stall.
    m_log = std::make_unique<QTemporaryFile>(QDir::tempPath() + u"/arbor-anvil-XXXXXX.log"_s);
    if (!m_log->open()) {
        setError(error, u"cannot create anvil's log file: %1"_s.arg(m_log->errorString()));
        return false;
    }
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_log->fileName());
    dieWithParent(*m_process);
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        setError(error, u"cannot start %1: %2"_s.arg(anvilProgram(), m_process->errorString()));
        return false;
    }
    // anvil holds the log open and so do we; unlinking it now means a crashed test
    // leaves no file behind (POSIX keeps an open, unlinked file readable).
    QFile::remove(m_log->fileName());
    m_rpcUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));

    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            setError(error, u"anvil exited during startup (exit code %1): %2"_s.arg(m_process->exitCode())
                                .arg(logTail()));
            return false;
        }
        QString ignored;
        if (rpc(u"eth_blockNumber"_s, {}, &ignored, 1000))
            return true;
        pause(100);
    }
    setError(error, u"anvil did not answer on %1 within %2 s: %3"_s.arg(m_rpcUrl.toString())
                        .arg(timeoutMs / 1000)
                        .arg(logTail()));
    return false;
}

void Devnet::killNode()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    m_log.reset();
    m_rpcUrl.clear();
}

void Devnet::stop()
{
    killNode();
    m_stateFile.clear();
    m_stateDir.reset();
}

bool Devnet::restartFromStateDump(QString *error)
{
    if (!isRunning()) {
        setError(error, u"the devnet is not running; call start() first"_s);
        return false;
    }
    std::optional<StateDump> dump = dumpState(error);
    if (!dump)
        return false;
    const quint16 port = quint16(m_rpcUrl.port());

    killNode();
    m_stateDir = std::move(dump->dir);
    m_stateFile = dump->file;
    const int timeoutMs = dump->loadTimeoutMs;
    QString lastError;
    bool started = false;
    // The same URL first, so a chain registered with it keeps working; anvil binds with
    // SO_REUSEADDR, so the port is normally free as soon as the old process is gone.
    const QDeadlineTimer samePort(SamePortWaitMs);
    while (!started) {
        started = startOnce(port, &lastError, timeoutMs);
        if (started || !lastError.contains(u"in use"_s) || samePort.hasExpired())
            break;
        killNode();
        pause(200);
    }
    for (int attempt = 0; !started && lastError.contains(u"in use"_s) && attempt < StartAttempts; ++attempt) {
        killNode();
        const quint16 other = freeLoopbackPort();
        if (other != 0)
            started = startOnce(other, &lastError, timeoutMs);
    }
    if (!started) {
        stop();
        setError(error, u"anvil did not start again from its state dump (%1 bytes): %2"_s.arg(dump->bytes).arg(lastError));
        return false;
    }
    return loadedHeadIs(dump->head, u"anvil started from the dump"_s, error);
}

bool Devnet::startReplicaOf(Devnet &primary, QString *error)
{
    stop();
    if (!primary.isRunning()) {
        setError(error, u"the primary devnet is not running"_s);
        return false;
    }
    std::optional<StateDump> dump = primary.dumpState(error);
    if (!dump)
        return false;
    m_chainId = primary.m_chainId;
    m_stateDir = std::move(dump->dir);
    m_stateFile = dump->file;
    const int timeoutMs = dump->loadTimeoutMs;
    QString lastError;
    bool started = false;
    for (int attempt = 0; !started && attempt < StartAttempts; ++attempt) {
        const quint16 port = freeLoopbackPort();
        started = port != 0 && startOnce(port, &lastError, timeoutMs);
        if (!started && !lastError.contains(u"in use"_s))
            break;
    }
    if (!started) {
        stop();
        setError(error, u"anvil did not start from the primary's state dump (%1 bytes): %2"_s.arg(dump->bytes).arg(lastError));
        return false;
    }
    return loadedHeadIs(dump->head, u"the replica started from the dump"_s, error);
}

std::optional<Devnet::StateDump> Devnet::dumpState(QString *error)
{
    StateDump dump;
    dump.dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/arbor-anvil-state-XXXXXX"_s);
    if (!dump.dir->isValid()) {
        setError(error, u"cannot create a folder for the state dump: %1"_s.arg(dump.dir->errorString()));
        return std::nullopt;
    }
    dump.file = dump.dir->filePath(u"state.json"_s);
    const auto dumped = runScript(u"dump-state"_s, {u"--out"_s, dump.file}, {}, 600000, error);
    if (!dumped)
        return std::nullopt;
    dump.head = dumped->value(u"head"_s).toInteger(-1);
    dump.bytes = dumped->value(u"bytes"_s).toInteger();
    dump.loadTimeoutMs = StartTimeoutMs + int(std::min<qint64>(dump.bytes * 1000 / LoadBytesPerSecond, 600000));
    return dump;
}

bool Devnet::loadedHeadIs(qint64 head, const QString &what, QString *error)
{
    QString headError;
    const auto newHead = rpc(u"eth_blockNumber"_s, {}, &headError);
    const qint64 loaded = newHead ? newHead->toString().toLongLong(nullptr, 16) : -1;
    if (loaded == head)
        return true;
    stop();
    setError(error, u"%1 of block %2 is at block %3 %4"_s.arg(what).arg(head).arg(loaded).arg(headError));
    return false;
}

bool Devnet::isFromStateDump() const
{
    return isRunning() && !m_stateFile.isEmpty();
}

QString Devnet::logTail() const
{
    if (!m_log)
        return {};
    m_log->seek(0);
    return tail(m_log->readAll());
}

bool Devnet::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 Devnet::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

QUrl Devnet::rpcUrl() const
{
    return m_rpcUrl;
}

quint64 Devnet::chainId() const
{
    return m_chainId;
}

std::optional<QJsonObject> Devnet::deployTokens(int n, QString *error)
{
    return runScript(u"deploy"_s, {u"--tokens"_s, QString::number(n)}, {}, 120000, error);
}

std::optional<QJsonObject> Devnet::generateTraffic(const QStringList &tokens, int transfers, int holders,
                                                   int blocks, quint64 seed, QString *error)
{
    // anvil mines a block in ~5-20 ms and takes a transfer in well under 1 ms; allow plenty.
    const int timeoutMs = 60000 + transfers * 3 + blocks * 100;
    return runScript(u"traffic"_s,
                     {u"--tokens"_s, tokens.join(u','),
                      u"--transfers"_s, QString::number(transfers),
                      u"--holders"_s, QString::number(holders),
                      u"--blocks"_s, QString::number(blocks),
                      u"--seed"_s, QString::number(seed)},
                     {}, timeoutMs, error);
}

std::optional<QJsonObject> Devnet::readBalances(const QStringList &tokens, const QStringList &holders,
                                                QString *error)
{
    // Holders go through stdin: a thousand of them exceed Linux's limit on one argument.
    return runScript(u"balances"_s, {u"--tokens"_s, tokens.join(u','), u"--holders"_s, u"-"_s},
                     holders.join(u',').toUtf8(), 120000, error);
}

std::optional<QJsonObject> Devnet::deployRegistries(QString *error)
{
    // The first run compiles the registries with solc-js (viaIR), a few seconds.
    return runScript(u"registries"_s, {}, {}, 120000, error);
}

std::optional<QJsonObject> Devnet::generateAgentTraffic(const QJsonObject &registries, int agents, int events,
                                                        quint64 seed, QString *error)
{
    const int timeoutMs = 60000 + (agents + events) * 20;
    return runScript(u"agents"_s,
                     {u"--identity"_s, registries[u"identity"_s].toString(),
                      u"--reputation"_s, registries[u"reputation"_s].toString(),
                      u"--validation"_s, registries[u"validation"_s].toString(),
                      u"--agents"_s, QString::number(agents),
                      u"--events"_s, QString::number(events),
                      u"--seed"_s, QString::number(seed)},
                     {}, timeoutMs, error);
}

std::optional<QJsonObject> Devnet::runAgentScript(const QJsonObject &registries, const QJsonArray &script, QString *error)
{
    return runScript(u"agent-script"_s,
                     {u"--identity"_s, registries[u"identity"_s].toString(),
                      u"--reputation"_s, registries[u"reputation"_s].toString(),
                      u"--validation"_s, registries[u"validation"_s].toString(),
                      u"--script"_s, u"-"_s},
                     QJsonDocument(script).toJson(QJsonDocument::Compact), 60000 + int(script.size()) * 500, error);
}

std::optional<QJsonObject> Devnet::reorg(int depth, const QStringList &tokens, int transfers, const QStringList &holders,
                                         quint64 seed, QString *error, int newBlocks)
{
    QStringList arguments{u"--depth"_s, QString::number(depth),
                          u"--tokens"_s, tokens.join(u','),
                          u"--transfers"_s, QString::number(transfers),
                          u"--seed"_s, QString::number(seed)};
    if (newBlocks > 0)
        arguments << u"--blocks"_s << QString::number(newBlocks);
    QByteArray input;
    if (!holders.isEmpty()) {
        arguments << u"--holders"_s << u"-"_s;
        input = holders.join(u',').toUtf8();
    }
    return runScript(u"reorg"_s, arguments, input, 60000 + transfers * 10, error);
}

std::optional<QJsonObject> Devnet::runScript(const QString &command, const QStringList &arguments,
                                             const QByteArray &input, int timeoutMs, QString *error)
{
    if (!isRunning()) {
        setError(error, u"the devnet is not running; call start() first"_s);
        return std::nullopt;
    }
    QProcess node;
    node.setProgram(nodeProgram());
    node.setArguments(QStringList{directory() + u"/devnet.mjs"_s, command, u"--rpc"_s, m_rpcUrl.toString()}
                      + arguments);
    node.setWorkingDirectory(directory());
    dieWithParent(node);
    node.start();
    if (!node.waitForStarted(10000)) {
        setError(error, u"cannot start node: %1"_s.arg(node.errorString()));
        return std::nullopt;
    }
    node.write(input);
    node.closeWriteChannel();
    if (!node.waitForFinished(timeoutMs)) {
        node.kill();
        node.waitForFinished(5000);
        setError(error, u"devnet.mjs %1 did not finish within %2 s: %3"_s.arg(command).arg(timeoutMs / 1000)
                            .arg(tail(node.readAllStandardError())));
        return std::nullopt;
    }
    const QByteArray output = node.readAllStandardOutput();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        setError(error, u"devnet.mjs %1 failed (exit code %2): %3"_s.arg(command).arg(node.exitCode())
                            .arg(tail(node.readAllStandardError())));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(error, u"devnet.mjs %1 printed no JSON object (%2): %3"_s.arg(command, parseError.errorString(),
                                                                            tail(output)));
        return std::nullopt;
    }
    return document.object();
}

std::optional<QJsonValue> Devnet::rpc(const QString &method, const QJsonArray &params, QString *error,
                                      int timeoutMs)
{
    if (m_rpcUrl.isEmpty()) {
        setError(error, u"the devnet is not running; call start() first"_s);
        return std::nullopt;
    }
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        // A proxy from http_proxy must never sit between a test and its loopback node.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    QNetworkRequest request(m_rpcUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(timeoutMs);
    const QJsonObject body{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"id"_s, m_nextRpcId++},
        {u"method"_s, method},
        {u"params"_s, params},
    };
    std::unique_ptr<QNetworkReply> reply(m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const QByteArray payload = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && payload.isEmpty()) {
        setError(error, u"%1 to %2 failed: %3"_s.arg(method, m_rpcUrl.toString(), reply->errorString()));
        return std::nullopt;
    }
    const QJsonObject response = QJsonDocument::fromJson(payload).object();
    if (const QJsonValue rpcError = response.value(u"error"_s); rpcError.isObject()) {
        setError(error, u"%1 failed: %2 (code %3)"_s.arg(method, rpcError[u"message"_s].toString())
                            .arg(rpcError[u"code"_s].toInteger()));
        return std::nullopt;
    }
    if (!response.contains(u"result"_s)) {
        setError(error, u"%1: malformed response: %2"_s.arg(method, tail(payload)));
        return std::nullopt;
    }
    return response.value(u"result"_s);
}

} // namespace arbor::test
