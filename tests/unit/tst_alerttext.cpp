// AlertText: an alert rendered from its kind and params, in English or in the reader's language,
// speaking of nodes and blocks; the node's message freed of JSON paths and wrappers.

#include "alerts/alertmonitor.h"
#include "testmain.h"
#include "triggers/alerttext.h"
#include "util/englishplurals.h"

#include <QHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace arbor;

namespace tst_alerttext {

namespace {

/// German for the few texts these tests render, answering exactly the context and source the
/// code asks for: a text asked under another context or source stays English.
class FakeGerman final : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        static const QHash<QString, QString> de{
            {u"arbor::AlertText|No node of %1 answered for %2"_qs, u"Kein Knoten von %1 antwortet seit %2"_qs},
            {u"arbor::AlertText|%1 min"_qs, u"%1 Min."_qs},
            {u"arbor::AlertText|No node of %1 answers"_qs, u"Kein Knoten von %1 antwortet"_qs},
            {u"arbor::AlertText|Indexing waits and resumes by itself when a node answers again."_qs,
             u"Die Indizierung wartet und setzt von selbst fort, sobald ein Knoten wieder antwortet."_qs},
            {u"arbor::evmjson|JSON-RPC error %1 from the node: %2"_qs, u"JSON-RPC-Fehler %1 vom Knoten: %2"_qs},
            {u"arbor::AlertText|connection refused"_qs, u"Verbindung abgelehnt"_qs},
            {u"arbor::AlertText|Last error: %1"_qs, u"Letzter Fehler: %1"_qs},
            {u"arbor::AlertText|the agent's MCP endpoint"_qs, u"der MCP-Endpunkt des Agenten"_qs},
            {u"arbor::AlertText|Telegram refused the message: %1"_qs, u"Telegram hat die Nachricht abgelehnt: %1"_qs},
            {u"arbor::AlertText|the group became a supergroup; set the action's chat id to %1"_qs,
             u"die Gruppe wurde zur Supergruppe; setzen Sie die Chat-ID der Aktion auf %1"_qs},
            {u"arbor::AlertText|The indexer of %1 stopped on an error and retries by itself"_qs,
             u"Der Indexer von %1 wurde durch einen Fehler angehalten und versucht es selbst erneut"_qs},
            {u"arbor::AlertText|database error: %1"_qs, u"Datenbankfehler: %1"_qs},
            {u"arbor::AlertText|the node does not serve block %1 yet"_qs, u"der Knoten liefert Block %1 noch nicht"_qs},
            {u"arbor::AlertText|Last problem: %1"_qs, u"Letztes Problem: %1"_qs},
        };
        return de.value(QLatin1String(context) + u'|' + QLatin1String(source));
    }
    bool isEmpty() const override { return false; }
};

QJsonObject unreachable()
{
    return QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"rpc.example.org"_qs}, {u"error"_qs, u"connection refused"_qs}, {u"answered"_qs, false}};
}

/// Raises as soon as a condition holds; chain 8453 is "Base".
void raiseAtOnce(AlertMonitor &monitor)
{
    AlertPolicy policy;
    policy.raiseAfterMs = 0;
    monitor.setPolicy(policy);
    monitor.setChainNames({{8453, u"Base"_qs}});
}

/// Base with no node answering, 10 blocks behind.
ChainStatus baseDown()
{
    ChainStatus s;
    s.chainId = 8453;
    s.phase = IndexPhase::RpcDown;
    s.head = 100;
    s.indexed = 90;
    return s;
}

} // namespace

class TestAlertText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersEveryKindInEnglish_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<qint64>("heldMs");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("text");
        QTest::newRow("no node answers") << int(AlertKind::RpcDown) << unreachable() << qint64(180000) << u"No node of Base answers"_qs
                                         << u"No node of Base answered for 3 min (rpc.example.org: connection refused). "
                                            "Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("the node answers with errors")
            << int(AlertKind::RpcDown)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"rpc.example.org"_qs}, {u"error"_qs, u"header not found"_qs}, {u"answered"_qs, true}}
            << qint64(50000) << u"Base: the node answers with errors"_qs
            << u"Base: the node answers with errors (rpc.example.org: header not found). Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("no node answers, the network's token")
            << int(AlertKind::RpcDown)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"rpc.example.org"_qs}, {u"network"_qs, u"timeout"_qs}, {u"answered"_qs, false}}
            << qint64(180000) << u"No node of Base answers"_qs
            << u"No node of Base answered for 3 min (rpc.example.org: no answer in time). "
               "Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("a gateway's HTTP status") << int(AlertKind::RpcDown)
                                                 << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"rpc.example.org"_qs}, {u"network"_qs, u"http_503"_qs}}
                                                 << qint64(60000) << u"No node of Base answers"_qs
                                                 << u"No node of Base answered for 60 s (rpc.example.org: HTTP status 503). "
                                                    "Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("a token of a later version") << int(AlertKind::RpcDown)
                                                    << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"rpc.example.org"_qs}, {u"network"_qs, u"quic_lost"_qs}}
                                                    << qint64(60000) << u"No node of Base answers"_qs
                                                    << u"No node of Base answered for 60 s (rpc.example.org). "
                                                       "Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("unnamed chain, nothing said") << int(AlertKind::RpcDown) << QJsonObject{} << qint64(45000) << u"No node of chain 8453 answers"_qs
                                                     << u"No node of chain 8453 answered for 45 s. Indexing waits and resumes by itself when a node answers again."_qs;
        QTest::newRow("stalled") << int(AlertKind::Stalled) << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"blocks"_qs, 1}, {u"stalledSeconds"_qs, 600}}
                                 << qint64(0) << u"Base has stalled"_qs << u"Base is 1 block behind the head and indexed no new block for 10 min."_qs;
        QTest::newRow("stalled before its first block, with the last problem")
            << int(AlertKind::Stalled)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"stalledSeconds"_qs, 120}, {u"lastProblem"_qs, u"header not found"_qs}} << qint64(0)
            << u"Base has stalled"_qs << u"Base has indexed no new block for 2 min. Last problem: header not found"_qs;
        // A stall's problem as a code: the raiser's words (German here) give way to the reader's.
        const auto stalledOn = [](const char *code, const QStringList &args) {
            return QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"error"_qs, u"(in der Sprache der Konsole, die den Alarm auslöste)"_qs}, {u"problem"_qs, QLatin1String(code)},
                               {u"problemArgs"_qs, QJsonArray::fromStringList(args)}};
        };
        const QString onAnError = u"The indexer of Base stopped on an error and retries by itself (%1)"_qs;
        QTest::newRow("stalled on a reorg deeper than the window")
            << int(AlertKind::Stalled) << stalledOn("reorg_too_deep", {u"64"_qs, u"1200"_qs}) << qint64(0) << u"Base has stalled"_qs
            << onAnError.arg(u"the chain reorganised deeper than 64 blocks, with no common ancestor since block 1200: "
                             "reindex it from an earlier block, or delete and re-add it"_qs);
        QTest::newRow("stalled on a database error") << int(AlertKind::Stalled) << stalledOn("database", {u"database or disk is full"_qs}) << qint64(0)
                                                     << u"Base has stalled"_qs << onAnError.arg(u"database error: database or disk is full"_qs);
        QTest::newRow("stalled on a locked database")
            << int(AlertKind::Stalled) << stalledOn("database_locked", {u"database is locked"_qs}) << qint64(0) << u"Base has stalled"_qs
            << onAnError.arg(u"the database is locked by another process: database is locked"_qs);
        QTest::newRow("stalled on a lost connection")
            << int(AlertKind::Stalled) << stalledOn("database_connection_lost", {u"server closed the connection unexpectedly"_qs}) << qint64(0)
            << u"Base has stalled"_qs << onAnError.arg(u"lost the connection to PostgreSQL: server closed the connection unexpectedly"_qs);
        QTest::newRow("stalled on a block not fetched") << int(AlertKind::Stalled) << stalledOn("block_not_fetched", {u"77"_qs}) << qint64(0)
                                                        << u"Base has stalled"_qs << onAnError.arg(u"block 77 was not fetched"_qs);
        QTest::newRow("stalled on a header that does not link")
            << int(AlertKind::Stalled) << stalledOn("block_not_linked", {u"78"_qs, u"77"_qs}) << qint64(0) << u"Base has stalled"_qs
            << onAnError.arg(u"block 78 does not build on block 77 as fetched: the chain changed while it was read"_qs);
        QTest::newRow("stalled on logs of another fork") << int(AlertKind::Stalled) << stalledOn("logs_from_other_fork", {u"79"_qs}) << qint64(0)
                                                         << u"Base has stalled"_qs << onAnError.arg(u"the logs of block 79 come from another fork than its header"_qs);
        QTest::newRow("stalled on a node that lacks a block") << int(AlertKind::Stalled) << stalledOn("block_not_served", {u"80"_qs}) << qint64(0)
                                                              << u"Base has stalled"_qs << onAnError.arg(u"the node does not serve block 80 yet"_qs);
        QTest::newRow("reorg") << int(AlertKind::DeepReorg) << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"depth"_qs, 5}, {u"ancestor"_qs, 1200}} << qint64(0)
                               << u"Reorg of 5 blocks on Base"_qs << u"Rolled back to block 1200 (the common ancestor) and indexing again from there."_qs;
        QTest::newRow("lag in blocks") << int(AlertKind::LagBlocks)
                                       << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"blocks"_qs, 250}, {u"indexed"_qs, 750}, {u"head"_qs, 1000}, {u"threshold"_qs, 100}}
                                       << qint64(0) << u"Base is 250 blocks behind"_qs << u"Indexed to block 750 of 1000; the rule allows 100 blocks."_qs;
        QTest::newRow("error rate") << int(AlertKind::RpcErrorRate)
                                    << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"host"_qs, u"b.example"_qs}, {u"percent"_qs, 37.5}, {u"threshold"_qs, 25}}
                                    << qint64(0) << u"Nodes of Base fail calls"_qs << u"The node b.example fails 37.5 % of its recent calls; the rule allows 25 %."_qs;
        QTest::newRow("queue errors") << int(AlertKind::QueueErrors) << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"errors"_qs, 7}} << qint64(0)
                                      << u"Balance queue of Base has errors"_qs
                                      << u"7 failed attempts in the last hour; failed items can be retried on the Balance Queue page."_qs;
        QTest::newRow("deliveries failing")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops hook"_qs}, {u"receiver"_qs, u"hooks.example"_qs},
                           {u"error"_qs, u"hooks.example answered HTTP 503."_qs}, {u"failingSeconds"_qs, 5400}, {u"others"_qs, 1}}
            << qint64(0) << u"Deliveries of “ops hook” to hooks.example fail"_qs
            << u"hooks.example has accepted no delivery for 90 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: hooks.example answered HTTP 503. Other actions of Base in the same state: 1."_qs;
        QTest::newRow("deliveries failing, the network's token")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops hook"_qs}, {u"receiver"_qs, u"hooks.example"_qs},
                           {u"network"_qs, u"http_503"_qs}, {u"failingSeconds"_qs, 5400}, {u"others"_qs, 0}}
            << qint64(0) << u"Deliveries of “ops hook” to hooks.example fail"_qs
            << u"hooks.example has accepted no delivery for 90 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: HTTP status 503."_qs;
        QTest::newRow("deliveries to the agent's own endpoint failing")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ask agent"_qs}, {u"agentEndpoint"_qs, true},
                           {u"network"_qs, u"refused"_qs}, {u"failingSeconds"_qs, 600}}
            << qint64(0) << u"Deliveries of “ask agent” to the agent's MCP endpoint fail"_qs
            << u"The agent's MCP endpoint has accepted no delivery for 10 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: connection refused."_qs;
        QTest::newRow("deliveries failing, Telegram's own words")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops chat"_qs}, {u"receiver"_qs, u"Telegram"_qs},
                           {u"network"_qs, u"telegram_refused"_qs}, {u"detail"_qs, u"Bad Request: chat not found"_qs}, {u"failingSeconds"_qs, 600}}
            << qint64(0) << u"Deliveries of “ops chat” to Telegram fail"_qs
            << u"Telegram has accepted no delivery for 10 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: Telegram refused the message: Bad Request: chat not found."_qs;
        QTest::newRow("deliveries failing, Telegram asks for a pause")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops chat"_qs}, {u"receiver"_qs, u"Telegram"_qs},
                           {u"network"_qs, u"telegram_rate_limited"_qs}, {u"detail"_qs, u"30"_qs}, {u"failingSeconds"_qs, 600}}
            << qint64(0) << u"Deliveries of “ops chat” to Telegram fail"_qs
            << u"Telegram has accepted no delivery for 10 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: Telegram is rate limiting the bot and asks for a pause of 30 s."_qs;
        QTest::newRow("deliveries failing, a status and what the server said")
            << int(AlertKind::DeliveryFailing)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops chat"_qs}, {u"receiver"_qs, u"Telegram"_qs},
                           {u"network"_qs, u"http_502"_qs}, {u"detail"_qs, u"Bad Gateway"_qs}, {u"failingSeconds"_qs, 600}}
            << qint64(0) << u"Deliveries of “ops chat” to Telegram fail"_qs
            << u"Telegram has accepted no delivery for 10 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
               "Last error: HTTP status 502: Bad Gateway."_qs;
        QTest::newRow("deliveries held")
            << int(AlertKind::DeliveryDisabled)
            << QJsonObject{{u"chain"_qs, u"Base"_qs}, {u"subject"_qs, u"ops hook"_qs}, {u"receiver"_qs, u"hooks.example"_qs}, {u"held"_qs, 12}}
            << qint64(0) << u"Deliveries of “ops hook” to hooks.example are held"_qs
            << u"hooks.example asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries are held (12 now), "
               "not dropped. Enable the action on the Triggers page once the receiver takes deliveries again."_qs;
    }

    void englishPluralsWithoutACatalogue()
    {
        // arborctl and serve speak English without a catalogue: "(s)" follows the number.
        EnglishPlurals plurals;
        QVERIFY(QCoreApplication::installTranslator(&plurals));
        QCOMPARE(QCoreApplication::translate("arbor::Anything", "%n attempt(s) in the last hour", nullptr, 1), u"1 attempt in the last hour"_qs);
        QCOMPARE(QCoreApplication::translate("arbor::Anything", "%n attempt(s) in the last hour", nullptr, 3), u"3 attempts in the last hour"_qs);
        QCOMPARE(QCoreApplication::translate("arbor::Anything", "%n attempt(s) in the last hour", nullptr, 0), u"0 attempts in the last hour"_qs);
        QCOMPARE(QCoreApplication::translate("arbor::Anything", "an http(s) URL"), u"an http(s) URL"_qs);   // no number: as written
        QCoreApplication::removeTranslator(&plurals);
    }

    void rendersEveryKindInEnglish()
    {
        QFETCH(int, kind);
        QFETCH(QJsonObject, params);
        QFETCH(qint64, heldMs);
        QFETCH(QString, title);
        QFETCH(QString, text);
        QCOMPARE(AlertText::title(AlertKind(kind), 8453, params, QString(), AlertLanguage::English), title);
        QCOMPARE(AlertText::text(AlertKind(kind), 8453, params, heldMs, AlertLanguage::English), text);
        QCOMPARE(AlertText::title(AlertKind(kind), 8453, params, u"Ops"_qs, AlertLanguage::English), u"Ops: "_qs + title);
    }

    void theNodesMessageWithoutJsonPaths_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("shownUrl");
        QTest::addColumn<QString>("said");
        QTest::addColumn<bool>("answered");
        QTest::newRow("an endpoint's last error") << u"https://rpc.example.org/: [0].error: JSON-RPC error -32000 from the node: header not found"_qs
                                                  << u"https://rpc.example.org/"_qs << u"header not found"_qs << true;
        QTest::newRow("the pool's summary")
            << u"No RPC endpoint answered after 4 attempts: https://rpc.example.org/v1: [0].error: JSON-RPC error -32000 from the node: header not found; "
               "https://b.example/: not tried"_qs
            << QString() << u"header not found"_qs << true;
        QTest::newRow("no code") << u"error: Error from the node: execution reverted"_qs << QString() << u"execution reverted"_qs << true;
        QTest::newRow("no answer") << u"http://127.0.0.1:8545: Connection refused"_qs << u"http://127.0.0.1:8545"_qs << u"Connection refused"_qs << false;
        QTest::newRow("a malformed answer") << u"result[3].hash: Expected a 32-byte hash, got “0x12”."_qs << QString()
                                            << u"Expected a 32-byte hash, got “0x12”."_qs << false;
        QTest::newRow("plain") << u"connection refused"_qs << QString() << u"connection refused"_qs << false;
    }

    void theNodesMessageWithoutJsonPaths()
    {
        QFETCH(QString, message);
        QFETCH(QString, shownUrl);
        QFETCH(QString, said);
        QFETCH(bool, answered);
        bool nodeAnswered = !answered;
        QCOMPARE(AlertText::nodeMessage(message, shownUrl, &nodeAnswered), said);
        QCOMPARE(nodeAnswered, answered);
    }

    void rendersInTheReadersLanguageAndEnglishOnRequest()
    {
        FakeGerman german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString reader = AlertText::text(AlertKind::RpcDown, 8453, unreachable(), 180000);
        const QString english = AlertText::text(AlertKind::RpcDown, 8453, unreachable(), 180000, AlertLanguage::English);
        const QString readerTitle = AlertText::title(AlertKind::RpcDown, 8453, unreachable(), QString());
        QJsonObject refused = unreachable();
        refused.remove(u"error"_qs);
        refused.insert(u"network"_qs, u"refused"_qs);
        const QString readerRefused = AlertText::text(AlertKind::RpcDown, 8453, refused, 180000);
        const QString englishRefused = AlertText::text(AlertKind::RpcDown, 8453, refused, 180000, AlertLanguage::English);
        // The text, as a German console's node pool words it: still the node's words alone.
        bool answered = false;
        const QString node = AlertText::nodeMessage(u"https://rpc.example.org/: [0].error: JSON-RPC-Fehler -32000 vom Knoten: header not found"_qs,
                                                    u"https://rpc.example.org/"_qs, &answered);
        QCoreApplication::removeTranslator(&german);

        QCOMPARE(reader, u"Kein Knoten von Base antwortet seit 3 Min. (rpc.example.org: connection refused). "
                         "Die Indizierung wartet und setzt von selbst fort, sobald ein Knoten wieder antwortet."_qs);
        QCOMPARE(readerTitle, u"Kein Knoten von Base antwortet"_qs);
        QCOMPARE(english, u"No node of Base answered for 3 min (rpc.example.org: connection refused). "
                          "Indexing waits and resumes by itself when a node answers again."_qs);
        QCOMPARE(node, u"header not found"_qs);
        QVERIFY(answered);
        // What the network said, as a token: each reader's words.
        QVERIFY2(readerRefused.startsWith(u"Kein Knoten von Base antwortet seit 3 Min. (rpc.example.org: Verbindung abgelehnt)."_qs), qPrintable(readerRefused));
        QVERIFY2(englishRefused.startsWith(u"No node of Base answered for 3 min (rpc.example.org: connection refused)."_qs), qPrintable(englishRefused));
    }

    // A German console's pool words a refused connection in German; the alert keeps the token,
    // so its stored English text and a webhook's params carry no German.
    void aNetworkFailureIsKeptAsATokenNotInTheRaisersLanguage()
    {
        AlertMonitor monitor;
        raiseAtOnce(monitor);
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ChainStatus s = baseDown();
        EndpointRecord e;
        e.url = QUrl(u"https://rpc.example.org/"_qs);
        e.status = EndpointStatus::Unreachable;
        e.lastError = u"Kann https://rpc.example.org/ nicht erreichen: Verbindung verweigert. Prüfen Sie Host und Port."_qs;
        e.lastErrorCode = u"refused"_qs;
        e.lastErrorAt = QDateTime::fromMSecsSinceEpoch(1000);
        s.endpoints = {e};
        monitor.updateChains({s}, 1000);
        QCOMPARE(raised.size(), 1);
        const Alert alert = raised.first().at(0).value<Alert>();
        QCOMPARE(alert.params.value(u"network"_qs).toString(), u"refused"_qs);
        QVERIFY2(!alert.params.contains(u"error"_qs), qPrintable(alert.params.value(u"error"_qs).toString()));
        const QString english = AlertText::text(alert.kind, alert.chainId, alert.params, 0, AlertLanguage::English);
        QVERIFY2(english.contains(u"rpc.example.org: connection refused"_qs), qPrintable(english));

        // Without a token (a process that gave none), the message is what there is.
        e.lastErrorCode.clear();
        s.endpoints = {e};
        s.chainId = 10;
        monitor.updateChains({s}, 2000);
        QCOMPARE(raised.size(), 2);
        QVERIFY2(raised.last().at(0).value<Alert>().params.value(u"error"_qs).toString().contains(u"Verbindung verweigert"_qs),
                 qPrintable(raised.last().at(0).value<Alert>().params.value(u"error"_qs).toString()));
    }

    // The same for a failing delivery: the attempt's code goes into the params, and the agent's
    // own endpoint is named by each reader, not by the German console that raised the alert.
    void aDeliveryFailureIsKeptAsATokenNotInTheRaisersLanguage()
    {
        AlertMonitor monitor;
        raiseAtOnce(monitor);
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ActionHealth hook;
        hook.chainId = 8453;
        hook.actionId = 1;
        hook.subjectName = u"ops hook"_qs;
        hook.action.type = ActionType::Rest;
        hook.action.url = u"http://127.0.0.1:9/hook"_qs;
        hook.state = ActionState::Failing;
        hook.stateSince = hook.failingSince = 1000;
        hook.lastError = u"http://127.0.0.1:9/hook hat die Verbindung abgelehnt. Prüfen Sie, ob der Empfänger läuft."_qs;
        hook.lastErrorCode = u"refused"_qs;
        ActionHealth agent = hook;
        agent.chainId = 10;
        agent.actionId = 2;
        agent.subjectName = u"ask agent"_qs;
        agent.action.type = ActionType::Mcp;
        agent.action.url.clear();
        agent.action.resolveEndpoint = true;
        agent.lastErrorCode = u"http_502"_qs;
        monitor.updateDeliveries({hook, agent}, 601000);
        QCOMPARE(raised.size(), 2);
        QHash<qint64, Alert> byChain;
        for (const QList<QVariant> &r : raised)
            byChain.insert(r.at(0).value<Alert>().chainId, r.at(0).value<Alert>());
        const Alert refused = byChain.value(8453);
        QCOMPARE(refused.kind, AlertKind::DeliveryFailing);
        QCOMPARE(refused.params.value(u"network"_qs).toString(), u"refused"_qs);
        QCOMPARE(refused.params.value(u"receiver"_qs).toString(), u"127.0.0.1:9"_qs);
        QVERIFY2(!refused.params.contains(u"error"_qs), qPrintable(refused.params.value(u"error"_qs).toString()));
        const Alert gateway = byChain.value(10);
        QCOMPARE(gateway.params.value(u"network"_qs).toString(), u"http_502"_qs);
        QVERIFY(gateway.params.value(u"agentEndpoint"_qs).toBool());
        QVERIFY(!gateway.params.contains(u"receiver"_qs));

        QCOMPARE(AlertText::text(refused.kind, refused.chainId, refused.params, 0, AlertLanguage::English),
                 u"127.0.0.1:9 has accepted no delivery for 10 min. Arbor keeps retrying on the action's schedule; nothing is lost. "
                 "Last error: connection refused."_qs);
        FakeGerman german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString readerText = AlertText::text(refused.kind, refused.chainId, refused.params, 0);
        const QString readerTitle = AlertText::title(gateway.kind, gateway.chainId, gateway.params, QString());
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(readerText.endsWith(u"Letzter Fehler: Verbindung abgelehnt."_qs), qPrintable(readerText));
        QVERIFY2(readerTitle.contains(u"der MCP-Endpunkt des Agenten"_qs), qPrintable(readerTitle));
        QCOMPARE(AlertText::title(gateway.kind, gateway.chainId, gateway.params, QString(), AlertLanguage::English),
                 u"Deliveries of “ask agent” to the agent's MCP endpoint fail"_qs);

        // An error only words can say (a tool's own answer) is kept as it was said.
        hook.lastErrorCode.clear();
        hook.chainId = 11;
        monitor.updateDeliveries({hook}, 602000);
        QCOMPARE(raised.size(), 3);
        QVERIFY(raised.last().at(0).value<Alert>().params.value(u"error"_qs).toString().contains(u"Verbindung abgelehnt"_qs));
    }

    // Telegram's refusal, raised by a German console: the code and Telegram's own description go
    // into the params, and each reader gets Arbor's part of the sentence in their language.
    void aTelegramRefusalKeepsTelegramsWordsInEachReadersSentence()
    {
        AlertMonitor monitor;
        raiseAtOnce(monitor);
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ActionHealth chat;
        chat.chainId = 8453;
        chat.actionId = 1;
        chat.subjectName = u"ops chat"_qs;
        chat.action.type = ActionType::Telegram;
        chat.action.chatId = u"-100123"_qs;
        chat.state = ActionState::Failing;
        chat.stateSince = chat.failingSince = 1000;
        chat.lastError = u"Die Gruppe wurde zur Supergruppe; setzen Sie die Chat-ID der Aktion auf -1009."_qs;
        chat.lastErrorCode = u"telegram_migrated"_qs;
        chat.lastErrorDetail = u"-1009"_qs;
        ActionHealth refused = chat;
        refused.chainId = 10;
        refused.lastError = u"Telegram hat die Nachricht abgelehnt: Bad Request: chat not found"_qs;
        refused.lastErrorCode = u"telegram_refused"_qs;
        refused.lastErrorDetail = u"Bad Request: chat not found"_qs;
        monitor.updateDeliveries({chat, refused}, 601000);
        QCOMPARE(raised.size(), 2);
        QHash<qint64, Alert> byChain;
        for (const QList<QVariant> &r : raised)
            byChain.insert(r.at(0).value<Alert>().chainId, r.at(0).value<Alert>());
        const Alert migrated = byChain.value(8453);
        QCOMPARE(migrated.params.value(u"network"_qs).toString(), u"telegram_migrated"_qs);
        QCOMPARE(migrated.params.value(u"detail"_qs).toString(), u"-1009"_qs);
        QVERIFY2(!migrated.params.contains(u"error"_qs), qPrintable(migrated.params.value(u"error"_qs).toString()));
        const Alert notFound = byChain.value(10);
        QCOMPARE(notFound.params.value(u"detail"_qs).toString(), u"Bad Request: chat not found"_qs);

        const QString english = AlertText::text(migrated.kind, migrated.chainId, migrated.params, 0, AlertLanguage::English);
        QVERIFY2(english.endsWith(u"Last error: the group became a supergroup; set the action's chat id to -1009."_qs), qPrintable(english));
        QVERIFY2(!english.contains(u"Supergruppe"_qs), qPrintable(english));
        FakeGerman german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString readerMigrated = AlertText::text(migrated.kind, migrated.chainId, migrated.params, 0);
        const QString readerRefused = AlertText::text(notFound.kind, notFound.chainId, notFound.params, 0);
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(readerMigrated.endsWith(u"Letzter Fehler: die Gruppe wurde zur Supergruppe; setzen Sie die Chat-ID der Aktion auf -1009."_qs),
                 qPrintable(readerMigrated));
        QVERIFY2(readerRefused.endsWith(u"Letzter Fehler: Telegram hat die Nachricht abgelehnt: Bad Request: chat not found."_qs), qPrintable(readerRefused));
        QCOMPARE(AlertText::text(notFound.kind, notFound.chainId, notFound.params, 0, AlertLanguage::English).section(u"Last error: "_qs, 1),
                 u"Telegram refused the message: Bad Request: chat not found."_qs);
    }

    // A stall raised by a German console, on an error of Arbor's own (a database error) or for
    // want of progress after one (a node that does not serve the next block yet): the params
    // carry the code and what it names, so each reader words it; the raiser's sentence stays for
    // a reader whose version does not know the code.
    void aStallsProblemIsKeptAsACodeNotInTheRaisersLanguage()
    {
        AlertMonitor monitor;
        raiseAtOnce(monitor);
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ChainStatus s = baseDown();
        s.phase = IndexPhase::Stalled;
        s.message = u"SQLite-Fehler: disk I/O error"_qs;
        s.messageCode = u"database"_qs;
        s.messageArgs = {u"disk I/O error"_qs};
        monitor.updateChains({s}, 1000);
        QCOMPARE(raised.size(), 1);
        const Alert onError = raised.first().at(0).value<Alert>();
        QCOMPARE(onError.kind, AlertKind::Stalled);
        QCOMPARE(onError.params.value(u"problem"_qs).toString(), u"database"_qs);
        QCOMPARE(onError.params.value(u"problemArgs"_qs).toArray(), QJsonArray{u"disk I/O error"_qs});
        QCOMPARE(AlertText::text(onError.kind, onError.chainId, onError.params, 0, AlertLanguage::English),
                 u"The indexer of Base stopped on an error and retries by itself (database error: disk I/O error)"_qs);
        {
            FakeGerman german;
            QCoreApplication::installTranslator(&german);
            const QString reader = AlertText::text(onError.kind, onError.chainId, onError.params, 0, AlertLanguage::Reader);
            QCoreApplication::removeTranslator(&german);
            QCOMPARE(reader, u"Der Indexer von Base wurde durch einen Fehler angehalten und versucht es selbst erneut (Datenbankfehler: disk I/O error)"_qs);
        }

        // Stalled for want of progress, the last problem said by the German pool before it.
        ChainStatus behind = baseDown();
        behind.chainId = 10;
        behind.phase = IndexPhase::Stalled;
        behind.noProgress = true;
        behind.message = u"Seit 130 s kein Block indiziert, 10 Blöcke hinter dem letzten Block."_qs;
        behind.lastProblem = u"http://node.example:8545: Der Knoten liefert Block 91 noch nicht: Er liegt hinter dem letzten Block der Chain zurück."_qs;
        behind.lastProblemCode = u"block_not_served"_qs;
        behind.lastProblemArgs = {u"91"_qs};
        monitor.updateChains({s, behind}, 2000);
        QCOMPARE(raised.size(), 2);
        const Alert stuck = raised.last().at(0).value<Alert>();
        QCOMPARE(stuck.params.value(u"problem"_qs).toString(), u"block_not_served"_qs);
        const QString english = AlertText::text(stuck.kind, stuck.chainId, stuck.params, 0, AlertLanguage::English);
        QVERIFY2(english.endsWith(u"Last problem: the node does not serve block 91 yet"_qs), qPrintable(english));
        QVERIFY2(!english.contains(u"Knoten"_qs), qPrintable(english));
        {
            FakeGerman german;
            QCoreApplication::installTranslator(&german);
            const QString reader = AlertText::text(stuck.kind, stuck.chainId, stuck.params, 0, AlertLanguage::Reader);
            QCoreApplication::removeTranslator(&german);
            QVERIFY2(reader.endsWith(u"Letztes Problem: der Knoten liefert Block 91 noch nicht"_qs), qPrintable(reader));
        }

        // A code this version does not know: the raiser's words, as before codes.
        QJsonObject later = onError.params;
        later.insert(u"problem"_qs, u"disk_gone"_qs);
        const QString unknown = AlertText::text(onError.kind, onError.chainId, later, 0, AlertLanguage::English);
        QVERIFY2(unknown.endsWith(u"(SQLite-Fehler: disk I/O error)"_qs), qPrintable(unknown));
    }

    void aStoredRowRendersFromParamsOrShowsItsOldText()
    {
        AlertRecord row;
        row.chainId = 8453;
        row.kind = AlertKind::RpcDown;
        row.raisedAt = 1'000'000;
        row.clearedAt = 1'000'000 + 240000;
        row.params = unreachable();
        row.title = u"stored"_qs;
        // Cleared: how long it held, all told.
        QCOMPARE(AlertText::text(row, 9'999'999'999, AlertLanguage::English).left(35), u"No node of Base answered for 4 min "_qs);
        QCOMPARE(AlertText::title(row, AlertLanguage::English), u"No node of Base answers"_qs);
        row.params = {};
        row.text = u"Alle RPC-Endpunkte sind ausgefallen."_qs;
        QCOMPARE(AlertText::title(row, AlertLanguage::English), u"stored"_qs);
        QCOMPARE(AlertText::text(row, 0, AlertLanguage::English), row.text);
    }

    // The monitor hands the node's error to the alert as a parameter: no JSON path in any text,
    // and a node that answered is not called down.
    void anOutageAlertSpeaksOfNodes()
    {
        AlertMonitor monitor;
        raiseAtOnce(monitor);
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ChainStatus s = baseDown();
        s.message = u"No RPC endpoint answered after 4 attempts: https://rpc.example.org/: [0].error: JSON-RPC error -32000 from the node: header not found"_qs;
        EndpointRecord e;
        e.url = QUrl(u"https://rpc.example.org/"_qs);
        e.lastError = u"https://rpc.example.org/: [0].error: JSON-RPC error -32000 from the node: header not found"_qs;
        e.lastErrorAt = QDateTime::fromMSecsSinceEpoch(1000);
        s.endpoints = {e};
        monitor.updateChains({s}, 1000);
        QCOMPARE(raised.size(), 1);
        const Alert alert = raised.first().at(0).value<Alert>();
        QCOMPARE(alert.params.value(u"error"_qs).toString(), u"header not found"_qs);
        QCOMPARE(alert.params.value(u"host"_qs).toString(), u"rpc.example.org"_qs);
        QVERIFY(alert.params.value(u"answered"_qs).toBool());
        QCOMPARE(alert.title, u"Base: the node answers with errors"_qs);
        for (const QString &text : {alert.title, alert.text, AlertText::text(alert.kind, alert.chainId, alert.params, 0, AlertLanguage::English)}) {
            QVERIFY2(!text.contains(u"[0]"_qs) && !text.contains(u".error"_qs) && !text.contains(u"JSON-RPC"_qs), qPrintable(text));
            QVERIFY2(!text.contains(u"down"_qs), qPrintable(text));
        }
    }
};

} // namespace tst_alerttext

ARBOR_GUILESS_TEST_MAIN(alerttext, tst_alerttext::TestAlertText)
#include "tst_alerttext.moc"
