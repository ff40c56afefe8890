#include "sdkmcpserver.h"

#include "buildpaths.h"
#include "childprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <utility>


using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

constexpr int SdkStartTimeoutMs = 20000;
constexpr int SdkStopTimeoutMs = 5000;

} // namespace

SdkMcpServer::SdkMcpServer(Options options)
    : m_options(std::move(options))
{
}

SdkMcpServer::~SdkMcpServer()
{
    stop();
}

QString SdkMcpServer::directory()
{
    const QString fromEnvironment = qEnvironmentVariable("ARBOR_MCP_SDK_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment);
    return BuildPaths::sourceDir() + u"/tests/support/mcp-sdk"_s;
}

bool SdkMcpServer::requiredByEnvironment()
{
    return qEnvironmentVariableIsSet("CI");
}

bool SdkMcpServer::available(QString *why)
{
    QStringList missing;
    const QString dir = directory();
    if (!QFileInfo::exists(dir + u"/server.mjs"_s))
        missing << u"no server.mjs in %1 (check ARBOR_MCP_SDK_DIR)"_s.arg(dir);
    if (nodeProgram().isEmpty())
        missing << u"node is not in PATH"_s;
    for (const QString &package : {u"@modelcontextprotocol/sdk"_s, u"zod"_s}) {
        if (!QFileInfo::exists(dir + u"/node_modules/"_s + package + u"/package.json"_s))
            missing << u"%1 is not installed in %2/node_modules"_s.arg(package, dir);
    }
    if (missing.isEmpty())
        return true;
    setError(why, u"the MCP SDK server is unavailable: %1. Run tests/run.sh, which installs it with npm ci in %2."_s
                      .arg(missing.join(u"; "_s), dir));
    return false;
}

bool SdkMcpServer::start(QString *error)
{
    stop();
    QString why;
    if (!available(&why)) {
        setError(error, why);
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/arbor-sdk-mcp-XXXXXX"_s);
    if (!m_dir->isValid()) {
        setError(error, u"cannot create a folder for the MCP SDK server's log: %1"_s.arg(m_dir->errorString()));
        return false;
    }
    QStringList arguments{directory() + u"/server.mjs"_s, u"0"_s, u"--log"_s, m_dir->filePath(u"calls.jsonl"_s)};
    if (m_options.stateless)
        arguments << u"--stateless"_s;
    if (!m_options.requiredToken.isEmpty())
        arguments << u"--require-token"_s << m_options.requiredToken;

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(nodeProgram());
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(directory());
    // stderr to a file: nobody drains a pipe while the test waits on the client.
    m_process->setStandardErrorFile(m_dir->filePath(u"stderr.log"_s));
    dieWithParent(*m_process);
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        setError(error, u"cannot start %1: %2"_s.arg(nodeProgram(), m_process->errorString()));
        stop();
        return false;
    }

    // The first stdout line: "listening http://127.0.0.1:PORT/mcp".
    const QDeadlineTimer deadline(SdkStartTimeoutMs);
    QByteArray output;
    while (!output.contains('\n')) {
        if (deadline.hasExpired() || m_process->state() == QProcess::NotRunning) {
            const QString what = m_process->state() == QProcess::NotRunning
                                     ? u"exited during startup (exit code %1)"_s.arg(m_process->exitCode())
                                     : u"printed no URL within %1 s"_s.arg(SdkStartTimeoutMs / 1000);
            setError(error, u"the MCP SDK server %1: %2 %3"_s.arg(what, QString::fromUtf8(output).trimmed(), errorOutput()));
            stop();
            return false;
        }
        m_process->waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200))));
        output.append(m_process->readAllStandardOutput());
    }
    const QByteArray line = output.left(output.indexOf('\n')).trimmed();
    const QUrl url(QString::fromUtf8(line.mid(line.indexOf(' ') + 1)));
    if (!line.startsWith("listening ") || !url.isValid() || url.port() <= 0) {
        setError(error, u"the MCP SDK server printed \"%1\" instead of its URL"_s.arg(QString::fromUtf8(line)));
        stop();
        return false;
    }
    m_url = url;
    return true;
}

void SdkMcpServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();   // SIGTERM: the server closes its sessions and exits 0
            if (!m_process->waitForFinished(SdkStopTimeoutMs)) {
                m_process->kill();
                m_process->waitForFinished(SdkStopTimeoutMs);
            }
        }
        m_process.reset();
    }
    m_url.clear();
}

bool SdkMcpServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl SdkMcpServer::url() const
{
    return m_url;
}

QList<SdkMcpCall> SdkMcpServer::calls() const
{
    QList<SdkMcpCall> calls;
    if (!m_dir)
        return calls;
    QFile log(m_dir->filePath(u"calls.jsonl"_s));
    if (!log.open(QIODevice::ReadOnly))
        return calls;   // no call yet: the server creates it with the first
    while (!log.atEnd()) {
        const QJsonObject entry = QJsonDocument::fromJson(log.readLine()).object();
        if (entry.isEmpty())
            continue;
        SdkMcpCall call;
        call.tool = entry.value(u"tool"_s).toString();
        call.arguments = entry.value(u"arguments"_s).toObject();
        call.authorization = entry.value(u"authorization"_s).toString().toUtf8();
        call.path = entry.value(u"path"_s).toString();
        call.sessionId = entry.value(u"sessionId"_s).toString().toUtf8();
        call.protocolVersion = entry.value(u"protocolVersion"_s).toString();
        calls.append(call);
    }
    return calls;
}

QString SdkMcpServer::errorOutput() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(u"stderr.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    if (size > 4000)
        file.seek(size - 4000);
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace arbor::test
