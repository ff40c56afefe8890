#pragma once

#include "arborctlrun.h"
#include "devnet.h"
#include "testdatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace arbor::test {

/// "txHash:logIndex": one event, as the traffic generator reports it or a delivery carries it.
QString eventKey(const QJsonObject &event);
/// The keys of `events` that `match` picks, in order.
QStringList eventKeys(const QJsonArray &events, const std::function<bool(const QJsonObject &)> &match);

/// A trigger file's condition: {"type": type, fields…}.
QJsonObject condition(const QString &type, const QJsonObject &fields = {});
QStringList sorted(QStringList list);

/// The first difference between an event as a delivery's default body carries it and as the
/// generator sent it (every parameter by its spec name, the position, the registry), or nothing.
QString eventMismatch(const QJsonObject &delivered, const QJsonObject &generated, qint64 chainId);

/// NewFeedback's value (a signed decimal integer) divided by 10^decimals as exact decimal text,
/// normalised: no leading zeros, no trailing fraction zeros, "0" for zero ("-0.5", "42").
QString scaledValue(const QString &integer, int decimals);
/// -1, 0 or 1: `a` compared with `b`, two decimal texts, exactly.
int compareDecimals(const QString &a, const QString &b);
/// Telegram MarkdownV2 escaping as the Bot API documents it: a backslash before each of
/// _*[]()~`>#+-=|{}.! and before a backslash.
QString markdownV2(const QString &text);

/// Polls `condition` every `intervalMs` (running the event loop) until it holds or `timeoutMs` passed.
bool waitFor(const std::function<bool()> &condition, int timeoutMs, int intervalMs = 250);

/**
 * A devnet with the ERC-8004 registries, registered with arborctl as chain "devnet" (its start
 * block at the registries' deployment, confirmations 0, heads polled every 200 ms) in a fresh
 * database of the backend under test, and `arborctl serve` on it when started.
 *
 * The trigger tests drive everything through arborctl as an operator would: trigger files
 * written to a temporary folder, `trigger show|results|dry-run --json` read back. Blocks the
 * calling thread (the test's main thread).
 */
class AgentChain final
{
public:
    AgentChain();
    ~AgentChain();

    /// Starts anvil, deploys the registries (and with `tokens` > 0 that many TestTokens with a
    /// few transfers among `holders()`, for devnet.mjs reorg) and adds the chain.
    bool start(QString *error, int tokens = 0);

    Devnet &devnet() { return m_devnet; }
    const TestDatabase &database() const { return *m_db; }
    qint64 chainId() const { return m_chainId; }
    QStringList tokens() const { return m_tokens; }
    QStringList holders() const { return m_holders; }
    /// The node's head.
    qint64 head();
    /// Block timestamps from the node, for rate-limit windows (cached).
    qint64 blockTimestamp(qint64 block);

    /// devnet.mjs agents: {"fromBlock", "toBlock", "events": [...]}, as the generator sent them.
    std::optional<QJsonObject> traffic(int agents, int events, quint64 seed, QString *error);
    /// devnet.mjs agent-script: the exact actions of `script` (Devnet::runAgentScript).
    std::optional<QJsonObject> script(const QJsonArray &script, QString *error);

    ArborctlRun arborctl(const QStringList &args) const;
    /// `args` with `--file F`, F holding `trigger` as JSON.
    ArborctlRun arborctlWithFile(const QStringList &args, const QJsonObject &trigger) const;
    /// trigger add --json: the stored trigger, or an empty object with the reason in `error`.
    QJsonObject addTrigger(const QJsonObject &trigger, QString *error) const;
    /// trigger show ID --json (empty when that fails).
    QJsonObject trigger(qint64 id) const;
    /// trigger results --trigger ID --json, oldest first.
    QJsonArray results(qint64 triggerId) const;
    /// trigger dry-run ID --json: its "matches" (empty with a warning when it fails).
    QJsonArray dryRun(qint64 triggerId) const;
    /// Waits until every trigger in `ids` has evaluated through `block` (trigger show's cursorBlock).
    bool waitForCursors(const QList<qint64> &ids, qint64 block, int timeoutMs = 60000) const;

    /// The environment `arborctl serve` runs in (secrets as env: references).
    void setServeEnvironment(const QProcessEnvironment &environment) { m_serveEnvironment = environment; }
    bool startServe(QString *error);
    /// SIGTERM, then waits for a clean exit (code 0).
    bool stopServe(QString *error);
    /// SIGKILL: no clean shutdown.
    void killServe();
    bool serveRunning() const;
    /// What serve printed on stderr so far: the last `tail` characters.
    QString serveLog(qsizetype tail = 6000);

private:
    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QTemporaryDir> m_files;
    QProcess m_serve;
    QProcessEnvironment m_serveEnvironment;
    QString m_serveLog;
    QHash<qint64, qint64> m_timestamps;
    QJsonObject m_registries;
    QStringList m_tokens;
    QStringList m_holders;
    qint64 m_chainId = 0;
    mutable int m_fileCounter = 0;
};

} // namespace arbor::test
