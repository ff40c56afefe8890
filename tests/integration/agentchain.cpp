#include "agentchain.h"
#include "buildpaths.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace arbor::test {
namespace {

const QString Arborctl = BuildPaths::arborctl();

qint64 hexNumber(const QJsonValue &v)
{
    return v.toString().mid(2).toLongLong(nullptr, 16);
}

/// Sign and the digits of an integer scaled by 10^fractionDigits, for comparing decimals.
struct Scaled
{
    bool negative = false;
    QString integer;
    QString fraction;
};

Scaled split(const QString &text)
{
    Scaled s;
    QString t = text;
    if (t.startsWith(u'-') || t.startsWith(u'+')) {
        s.negative = t.startsWith(u'-');
        t.remove(0, 1);
    }
    const qsizetype dot = t.indexOf(u'.');
    s.integer = dot < 0 ? t : t.left(dot);
    s.fraction = dot < 0 ? QString() : t.mid(dot + 1);
    while (s.integer.size() > 1 && s.integer.startsWith(u'0'))
        s.integer.remove(0, 1);
    while (s.fraction.endsWith(u'0'))
        s.fraction.chop(1);
    if (s.integer == u"0" && s.fraction.isEmpty())
        s.negative = false;
    return s;
}

} // namespace

QString eventKey(const QJsonObject &event)
{
    return event.value(u"txHash"_s).toString().toLower() + u':' + QString::number(event.value(u"logIndex"_s).toInteger());
}

QStringList eventKeys(const QJsonArray &events, const std::function<bool(const QJsonObject &)> &match)
{
    QStringList keys;
    for (const QJsonValue &e : events) {
        if (match(e.toObject()))
            keys.append(eventKey(e.toObject()));
    }
    return keys;
}

QJsonObject condition(const QString &type, const QJsonObject &fields)
{
    QJsonObject c = fields;
    c.insert(u"type"_s, type);
    return c;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString eventMismatch(const QJsonObject &delivered, const QJsonObject &generated, qint64 chainId)
{
    // The generator's names for what the body calls registry, registryKind and type; indexed
    // strings are topics (keccak-256), which the body leaves out.
    const QHash<QString, QString> renamed{{u"kind"_s, u"registryKind"_s}, {u"event"_s, u"type"_s}};
    QJsonObject want = generated;
    want.remove(u"indexedTag1"_s);
    want.remove(u"indexedMetadataKey"_s);
    want.insert(u"chainId"_s, chainId);
    for (auto it = want.begin(); it != want.end(); ++it) {
        const QString name = renamed.value(it.key(), it.key());
        const QJsonValue got = delivered.value(name);
        // Integers: numbers where they fit in 53 bits (block, log index, decimals, response), else
        // decimal strings; addresses and hashes lowercase.
        const QString gotText = got.isDouble() ? QString::number(got.toInteger()) : got.toString();
        const QString wantText = it->isDouble() ? QString::number(it->toInteger()) : it->toString();
        if (got.isUndefined() || gotText != wantText)
            return u"%1 is %2, sent %3"_s.arg(name, got.isUndefined() ? u"missing"_s : QString::fromUtf8(QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact)),
                                               wantText);
    }
    const QString blockHash = delivered.value(u"blockHash"_s).toString();
    if (blockHash.size() != 66 || blockHash != blockHash.toLower())
        return u"blockHash is “%1”"_s.arg(blockHash);
    return {};
}

QString scaledValue(const QString &integer, int decimals)
{
    QString digits = integer;
    const bool negative = digits.startsWith(u'-');
    if (negative)
        digits.remove(0, 1);
    if (decimals > 0) {
        digits = digits.rightJustified(decimals + 1, u'0');
        digits.insert(digits.size() - decimals, u'.');
    }
    const Scaled s = split((negative ? u"-"_s : QString()) + digits);
    return (s.negative ? u"-"_s : QString()) + s.integer + (s.fraction.isEmpty() ? QString() : u'.' + s.fraction);
}

int compareDecimals(const QString &a, const QString &b)
{
    const Scaled x = split(a);
    const Scaled y = split(b);
    if (x.negative != y.negative)
        return x.negative ? -1 : 1;
    const qsizetype places = std::max(x.fraction.size(), y.fraction.size());
    const QString mx = x.integer + x.fraction.leftJustified(places, u'0');
    const QString my = y.integer + y.fraction.leftJustified(places, u'0');
    int magnitude = mx.size() != my.size() ? (mx.size() < my.size() ? -1 : 1) : mx.compare(my);
    magnitude = magnitude < 0 ? -1 : magnitude > 0 ? 1 : 0;
    return x.negative ? -magnitude : magnitude;
}

QString markdownV2(const QString &text)
{
    const QString special = u"_*[]()~`>#+-=|{}.!\\"_s;
    QString out;
    for (QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs, int intervalMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(intervalMs);
    }
    return true;
}

AgentChain::AgentChain() = default;

AgentChain::~AgentChain()
{
    if (m_serve.state() != QProcess::NotRunning) {
        m_serve.kill();
        m_serve.waitForFinished();
    }
}

bool AgentChain::start(QString *error, int tokens)
{
    m_db = std::make_unique<TestDatabase>();
    m_files = std::make_unique<QTemporaryDir>();
    if (!m_db->isValid()) {
        *error = m_db->error();
        return false;
    }
    if (!m_devnet.start(error))
        return false;
    m_chainId = qint64(m_devnet.chainId());
    if (tokens > 0) {
        const auto deployed = m_devnet.deployTokens(tokens, error);
        if (!deployed)
            return false;
        for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray())
            m_tokens.append(t[u"address"_s].toString());
        const auto transfers = m_devnet.generateTraffic(m_tokens, 12, 4, 2, 1, error);
        if (!transfers)
            return false;
        for (const QJsonValue &h : transfers->value(u"holders"_s).toArray())
            m_holders.append(h.toString());
    }
    const auto registries = m_devnet.deployRegistries(error);
    if (!registries)
        return false;
    m_registries = *registries;
    const ArborctlRun added = arborctl(
        {u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId), u"--rpc"_s,
         m_devnet.rpcUrl().toString(), u"--start-block"_s, QString::number(registries->value(u"deployBlock"_s).toInteger()),
         u"--confirmations"_s, u"0"_s, u"--poll-interval"_s, u"200"_s, u"--erc8004"_s,
         u"identity=%1,reputation=%2,validation=%3"_s.arg(registries->value(u"identity"_s).toString(),
                                                           registries->value(u"reputation"_s).toString(),
                                                           registries->value(u"validation"_s).toString())});
    if (added.exitCode != 0) {
        *error = u"chain add: "_s + describe(added);
        return false;
    }
    return true;
}

qint64 AgentChain::head()
{
    QString error;
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head)
        qWarning().noquote() << "eth_blockNumber:" << error;
    return head ? hexNumber(*head) : -1;
}

qint64 AgentChain::blockTimestamp(qint64 block)
{
    if (const auto it = m_timestamps.constFind(block); it != m_timestamps.cend())
        return *it;
    QString error;
    const auto b = m_devnet.rpc(u"eth_getBlockByNumber"_s, QJsonArray{QString(u"0x"_s + QString::number(block, 16)), false}, &error);
    if (!b) {
        qWarning().noquote() << "eth_getBlockByNumber" << block << error;
        return -1;
    }
    const qint64 at = hexNumber(b->toObject().value(u"timestamp"_s));
    m_timestamps.insert(block, at);
    return at;
}

std::optional<QJsonObject> AgentChain::traffic(int agents, int events, quint64 seed, QString *error)
{
    return m_devnet.generateAgentTraffic(m_registries, agents, events, seed, error);
}

std::optional<QJsonObject> AgentChain::script(const QJsonArray &script, QString *error)
{
    return m_devnet.runAgentScript(m_registries, script, error);
}

ArborctlRun AgentChain::arborctl(const QStringList &args) const
{
    return runArborctl(Arborctl, *m_db, args, 60000);
}

ArborctlRun AgentChain::arborctlWithFile(const QStringList &args, const QJsonObject &trigger) const
{
    const QString path = m_files->filePath(u"trigger-%1.json"_s.arg(++m_fileCounter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(trigger).toJson()) < 0)
        return ArborctlRun{-1, {}, u"cannot write "_s + path};
    file.close();
    return arborctl(args + QStringList{u"--file"_s, path});
}

QJsonObject AgentChain::addTrigger(const QJsonObject &trigger, QString *error) const
{
    const ArborctlRun r = arborctlWithFile({u"trigger"_s, u"add"_s, u"--json"_s}, trigger);
    if (r.exitCode != 0 || r.object().value(u"id"_s).toInteger() <= 0) {
        *error = u"trigger add “%1”: "_s.arg(trigger.value(u"name"_s).toString()) + describe(r);
        return {};
    }
    return r.object();
}

QJsonObject AgentChain::trigger(qint64 id) const
{
    const ArborctlRun r = arborctl({u"trigger"_s, u"show"_s, QString::number(id), u"--json"_s});
    if (r.exitCode != 0)
        qWarning().noquote() << "trigger show" << id << describe(r);
    return r.object();
}

QJsonArray AgentChain::results(qint64 triggerId) const
{
    const ArborctlRun r = arborctl({u"trigger"_s, u"results"_s, u"--trigger"_s, QString::number(triggerId), u"--limit"_s,
                                    u"10000"_s, u"--json"_s});
    if (r.exitCode != 0)
        qWarning().noquote() << "trigger results" << triggerId << describe(r);
    QJsonArray oldestFirst;
    const QJsonArray newestFirst = r.object().value(u"results"_s).toArray();
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i)
        oldestFirst.append(newestFirst[i]);
    return oldestFirst;
}

QJsonArray AgentChain::dryRun(qint64 triggerId) const
{
    const ArborctlRun r = arborctl({u"trigger"_s, u"dry-run"_s, QString::number(triggerId), u"--json"_s});
    if (r.exitCode != 0 || !r.object().contains(u"matches"_s))
        qWarning().noquote() << "trigger dry-run" << triggerId << describe(r);
    return r.object().value(u"matches"_s).toArray();
}

bool AgentChain::waitForCursors(const QList<qint64> &ids, qint64 block, int timeoutMs) const
{
    return waitFor(
        [&] {
            for (qint64 id : ids) {
                if (trigger(id).value(u"cursorBlock"_s).toInteger(-1) < block)
                    return false;
            }
            return true;
        },
        timeoutMs, 300);
}

bool AgentChain::startServe(QString *error)
{
    m_serve.setProcessEnvironment(arborctlEnvironment(m_serveEnvironment));
    m_serve.start(Arborctl, {u"--db"_s, m_db->urlString(), u"serve"_s});
    if (!m_serve.waitForStarted()) {
        *error = u"arborctl serve did not start: "_s + m_serve.errorString();
        return false;
    }
    if (!waitFor([this] { return serveLog().contains(u"arborctl: serving"_s) || !serveRunning(); }, 30000, 50) || !serveRunning()) {
        *error = u"arborctl serve did not come up:\n"_s + serveLog();
        return false;
    }
    return true;
}

bool AgentChain::stopServe(QString *error)
{
    m_serve.terminate();
    if (!m_serve.waitForFinished(30000) || m_serve.exitStatus() != QProcess::NormalExit || m_serve.exitCode() != 0) {
        *error = u"arborctl serve did not stop cleanly on SIGTERM (exit %1):\n"_s.arg(m_serve.exitCode()) + serveLog();
        return false;
    }
    return true;
}

void AgentChain::killServe()
{
    m_serve.kill();
    m_serve.waitForFinished(10000);
}

bool AgentChain::serveRunning() const
{
    return m_serve.state() == QProcess::Running;
}

QString AgentChain::serveLog(qsizetype tail)
{
    m_serveLog += QString::fromUtf8(m_serve.readAllStandardError());
    return m_serveLog.right(tail);
}

} // namespace arbor::test
