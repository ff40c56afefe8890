// Alert rules end to end, as an operator sees them: `arborctl serve` indexes a devnet reached
// through a FaultProxy, with two rpc_down rules for every chain added beforehand, each with a
// signed REST action (secret as env:VAR) to its own WebhookReceiver; one of them is silenced.
//  - The proxy refuses every connection: the rule raises; exactly one signed "raised" webhook
//    for the rule, the chain and the kind; the alert active in `alert list`; `alert results`
//    shows the attempt that succeeded under the webhook-id received; it can be acknowledged.
//  - The silenced rule raised too (its history row says silenced) but sent nothing.
//  - The endpoint is back: once the condition has been over for the rule's forSeconds, the
//    "resolved" webhook follows and both alerts are cleared; the silenced rule sent nothing then either.
//  - Bad rule files are refused with exit code 2 (a name in use: 3), naming the field, and
//    nothing is stored.
// On SQLite and PostgreSQL. The functions run in order on one devnet, database and serve.
#include "agentchain.h"
#include "buildpaths.h"
#include "faultproxy.h"
#include "testmain.h"
#include "webhookreceiver.h"

#include <QDebug>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_alertdelivery {

namespace {

const QString Arborctl = BuildPaths::arborctl();
const QString SecretVariable = u"ARBOR_TEST_ALERT_SECRET"_s;
/// The rules' forSeconds: held this long to raise, over this long to clear.
constexpr int HoldSeconds = 3;

QJsonObject bodyOf(const WebhookReceiver::Received &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString json(const QJsonValue &v)
{
    return QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

} // namespace

class TestAlertDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void raisedWhenTheEndpointFails();
    void silencedRuleRaisesButDeliversNothing();
    void resolvedWhenTheEndpointIsBack();
    void refusesABadRuleFile_data();
    void refusesABadRuleFile();
    void testSendsEachActionAMadeUpAlert();

private:
    ArborctlRun arborctl(const QStringList &args) const;
    /// `args` with `--file F`, F holding `content`.
    ArborctlRun arborctlWithFile(const QStringList &args, const QByteArray &content);
    QJsonObject restAction(const WebhookReceiver &receiver) const;
    /// alert add --json: the stored rule's id, 0 (and the reason in `error`) when refused.
    qint64 addRule(const QJsonObject &rule, QString *error);
    /// The rule's newest row of `alert list --chain ID --json` (empty when there is none).
    QJsonObject alertOf(qint64 ruleId, bool activeOnly = false) const;
    /// alert results --rule ID --json, newest first.
    QJsonArray results(qint64 ruleId) const;
    QString serveLog(qsizetype tail = 6000);

    Devnet m_devnet;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_files;
    int m_fileCounter = 0;
    QProcess m_serve;
    QString m_serveLog;
    qint64 m_chainId = 0;

    const QString m_secret = WebhookReceiver::makeSecret();
    WebhookReceiver m_hook{m_secret};    ///< the rule "endpoint down"
    WebhookReceiver m_quiet{m_secret};   ///< the silenced rule "endpoint down, silenced"
    qint64 m_rule = 0;
    qint64 m_silencedRule = 0;
    QByteArray m_raisedId;               ///< webhook-id of the "raised" delivery
    qint64 m_alertId = 0;                ///< its row in the alert history
    qint64 m_silencedAlertId = 0;        ///< the silenced rule's row
};

void TestAlertDelivery::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QVERIFY(m_files.isValid());
    QString error;
    for (WebhookReceiver *r : {&m_hook, &m_quiet})
        QVERIFY2(r->start(&error), qPrintable(error));
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x20"_s}, &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_devnet.rpcUrl(), 7);
    QVERIFY2(m_proxy->start(&error), qPrintable(error));

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    const ArborctlRun added = arborctl({u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId), u"--rpc"_s,
                                        m_proxy->url().toString(), u"--start-block"_s, u"0"_s, u"--confirmations"_s, u"0"_s,
                                        u"--poll-interval"_s, u"200"_s});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));

    // Both rules before serve starts: it reads them at start.
    const QJsonObject rule{{u"name"_s, u"endpoint down"_s}, {u"chain"_s, u"all"_s}, {u"kind"_s, u"rpc_down"_s}, {u"forSeconds"_s, HoldSeconds},
                           {u"sendResolved"_s, true}, {u"actions"_s, QJsonArray{restAction(m_hook)}}};
    m_rule = addRule(rule, &error);
    QVERIFY2(m_rule > 0, qPrintable(error));
    QJsonObject silenced = rule;
    silenced.insert(u"name"_s, u"endpoint down, silenced"_s);
    silenced.insert(u"actions"_s, QJsonArray{restAction(m_quiet)});
    m_silencedRule = addRule(silenced, &error);
    QVERIFY2(m_silencedRule > 0, qPrintable(error));
    const ArborctlRun silence = arborctl({u"alert"_s, u"silence"_s, u"endpoint down, silenced"_s, u"--for"_s, u"1h"_s});
    QVERIFY2(silence.exitCode == 0, qPrintable(describe(silence)));
    const ArborctlRun shown = arborctl({u"alert"_s, u"show"_s, QString::number(m_silencedRule)});
    QVERIFY2(shown.exitCode == 0 && shown.object().value(u"silenced"_s).toBool(), qPrintable(describe(shown)));

    QProcessEnvironment environment;
    environment.insert(SecretVariable, m_secret);
    startArborctl(m_serve, Arborctl, *m_db, {u"serve"_s}, environment);
    QVERIFY2(m_serve.waitForStarted(), qPrintable(m_serve.errorString()));
    // Indexing through the proxy before anything fails.
    const QString live = u"arborctl: chain %1: live"_s.arg(m_chainId);
    QVERIFY2(waitFor([&] { return serveLog().contains(live) || m_serve.state() != QProcess::Running; }, 60000, 100)
                 && m_serve.state() == QProcess::Running,
             qPrintable(serveLog()));
}

void TestAlertDelivery::cleanupTestCase()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.terminate();
    const bool stopped = m_serve.waitForFinished(30000);
    if (!stopped) {
        m_serve.kill();
        m_serve.waitForFinished();
    }
    QVERIFY2(stopped && m_serve.exitStatus() == QProcess::NormalExit && m_serve.exitCode() == 0, qPrintable(serveLog()));
}

ArborctlRun TestAlertDelivery::arborctl(const QStringList &args) const
{
    return runArborctl(Arborctl, *m_db, args, 60000);
}

ArborctlRun TestAlertDelivery::arborctlWithFile(const QStringList &args, const QByteArray &content)
{
    const QString path = m_files.filePath(u"rule-%1.json"_s.arg(++m_fileCounter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return ArborctlRun{-1, {}, u"cannot write "_s + path};
    file.close();
    return arborctl(args + QStringList{u"--file"_s, path});
}

QJsonObject TestAlertDelivery::restAction(const WebhookReceiver &receiver) const
{
    return {{u"type"_s, u"rest"_s}, {u"url"_s, receiver.url().toString()}, {u"signingSecret"_s, QString(u"env:"_s + SecretVariable)},
            {u"timeoutMs"_s, 10000}};
}

qint64 TestAlertDelivery::addRule(const QJsonObject &rule, QString *error)
{
    const ArborctlRun r = arborctlWithFile({u"alert"_s, u"add"_s, u"--json"_s}, QJsonDocument(rule).toJson());
    const qint64 id = r.object().value(u"id"_s).toInteger();
    if (r.exitCode != 0 || id <= 0) {
        *error = u"alert add “%1”: "_s.arg(rule.value(u"name"_s).toString()) + describe(r);
        return 0;
    }
    return id;
}

QJsonObject TestAlertDelivery::alertOf(qint64 ruleId, bool activeOnly) const
{
    QStringList args{u"alert"_s, u"list"_s, u"--chain"_s, QString::number(m_chainId), u"--limit"_s, u"1000"_s, u"--json"_s};
    if (activeOnly)
        args << u"--active"_s;
    const ArborctlRun r = arborctl(args);
    if (r.exitCode != 0)
        qWarning().noquote() << "alert list:" << describe(r);
    for (const QJsonValue &a : r.object().value(u"alerts"_s).toArray()) {   // newest first
        if (a[u"rule"_s][u"id"_s].toInteger() == ruleId)
            return a.toObject();
    }
    return {};
}

QJsonArray TestAlertDelivery::results(qint64 ruleId) const
{
    const ArborctlRun r = arborctl({u"alert"_s, u"results"_s, u"--rule"_s, QString::number(ruleId), u"--limit"_s, u"1000"_s, u"--json"_s});
    if (r.exitCode != 0)
        qWarning().noquote() << "alert results:" << describe(r);
    return r.object().value(u"results"_s).toArray();
}

QString TestAlertDelivery::serveLog(qsizetype tail)
{
    m_serveLog += QString::fromUtf8(m_serve.readAllStandardError());
    return m_serveLog.right(tail);
}

void TestAlertDelivery::raisedWhenTheEndpointFails()
{
    QVERIFY(m_serve.state() == QProcess::Running);
    QVERIFY(m_proxy->setDead(true));
    QVERIFY2(waitFor([&] { return !m_hook.acceptedIds().isEmpty(); }, 30000, 100), qPrintable(serveLog()));
    QVERIFY2(serveLog().contains(u"arborctl: chain %1: rpc down"_s.arg(m_chainId)), qPrintable(serveLog()));

    // One signed "raised" webhook for the rule, the chain and the kind.
    const QList<WebhookReceiver::Received> received = m_hook.received();
    QCOMPARE(received.size(), 1);
    const WebhookReceiver::Received &hook = received.first();
    QVERIFY2(hook.verified, qPrintable(hook.verifyError));
    QCOMPARE(hook.answeredStatus, 200);
    m_raisedId = hook.id;
    const QJsonObject body = bodyOf(hook);
    QCOMPARE(body.value(u"deliveryId"_s).toString().toLatin1(), m_raisedId);
    const QJsonObject alert = body.value(u"alert"_s).toObject();
    QCOMPARE(alert.value(u"state"_s).toString(), u"raised"_s);
    QCOMPARE(alert.value(u"kind"_s).toString(), u"rpc_down"_s);
    QCOMPARE(alert.value(u"chainId"_s).toInteger(), m_chainId);
    QCOMPARE(alert.value(u"silenced"_s).toBool(true), false);
    QVERIFY2(!alert.contains(u"clearedAt"_s), qPrintable(json(alert)));
    QVERIFY2(alert.value(u"title"_s).toString().startsWith(u"endpoint down: "_s), qPrintable(json(alert)));
    QCOMPARE(body[u"rule"_s][u"id"_s].toInteger(), m_rule);
    QCOMPARE(body[u"rule"_s][u"name"_s].toString(), u"endpoint down"_s);
    QCOMPARE(body[u"rule"_s][u"kind"_s].toString(), u"rpc_down"_s);
    QCOMPARE(body[u"chain"_s][u"id"_s].toInteger(), m_chainId);
    QCOMPARE(body[u"chain"_s][u"name"_s].toString(), u"devnet"_s);
    QCOMPARE(body[u"action"_s][u"type"_s].toString(), u"rest"_s);
    m_alertId = alert.value(u"id"_s).toInteger();

    // `alert list`: the same alert, active, not silenced.
    const QJsonObject listed = alertOf(m_rule, true);
    QVERIFY2(!listed.isEmpty(), "alert list --active does not show the rule's alert");
    QCOMPARE(listed.value(u"id"_s).toInteger(), m_alertId);
    QCOMPARE(listed.value(u"active"_s).toBool(), true);
    QCOMPARE(listed.value(u"silenced"_s).toBool(true), false);
    QCOMPARE(listed.value(u"kind"_s).toString(), u"rpc_down"_s);
    QCOMPARE(listed.value(u"chainId"_s).toInteger(), m_chainId);
    QCOMPARE(listed[u"rule"_s][u"name"_s].toString(), u"endpoint down"_s);
    QCOMPARE(listed.value(u"title"_s).toString(), alert.value(u"title"_s).toString());
    QVERIFY2(listed.value(u"clearedAt"_s).isNull(), qPrintable(json(listed)));

    // Told of nodes, from the stored kind and params: the chain, and the node's error without
    // JSON paths; the rule's alert is the only one (the built-in one is subsumed).
    const QJsonObject params = listed.value(u"params"_s).toObject();
    QCOMPARE(params.value(u"chain"_s).toString(), u"devnet"_s);
    QVERIFY2(params.contains(u"answered"_s), qPrintable(json(listed)));
    QCOMPARE(alert.value(u"params"_s).toObject(), params);
    QCOMPARE(listed.value(u"title"_s).toString(), u"endpoint down: No node of devnet answers"_s);
    QVERIFY2(listed.value(u"text"_s).toString().startsWith(u"No node of devnet answered for "_s), qPrintable(json(listed)));
    for (const QString &said : {listed.value(u"title"_s).toString(), listed.value(u"text"_s).toString(), alert.value(u"text"_s).toString()})
        QVERIFY2(!said.contains(u"[0]"_s) && !said.contains(u".error:"_s), qPrintable(said));
    {
        const ArborctlRun all = arborctl({u"alert"_s, u"list"_s, u"--chain"_s, QString::number(m_chainId), u"--active"_s, u"--json"_s});
        int rpcDown = 0;
        for (const QJsonValue &a : all.object().value(u"alerts"_s).toArray())
            rpcDown += a[u"kind"_s].toString() == u"rpc_down"_s && a[u"rule"_s].isNull();
        QCOMPARE(rpcDown, 0);
    }

    // Rendered when listed, in English whatever the reader's locale says and whatever language
    // the stored text is in (as a German console would have written it).
    {
        auto store = m_db->open(false);
        QVERIFY(store);
        QVERIFY(store->exec(u"UPDATE "_s + store->admin("alert_history") + u" SET title = ?, text = ? WHERE id = ?"_s,
                            {u"Alle RPC-Endpunkte von devnet sind ausgefallen"_s, u"JSON-RPC-Fehler vom Knoten"_s, m_alertId}));
    }
    QProcessEnvironment german;
    for (const char *variable : {"LANG", "LC_ALL", "LC_MESSAGES"})
        german.insert(QLatin1String(variable), u"de_DE.UTF-8"_s);
    german.insert(u"LANGUAGE"_s, u"de"_s);
    const ArborctlRun table = runArborctl(Arborctl, *m_db, {u"alert"_s, u"list"_s, u"--chain"_s, QString::number(m_chainId), u"--active"_s}, 60000, german);
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    QVERIFY2(table.out.contains(u"endpoint down: No node of devnet answers"_s), qPrintable(table.out));
    QVERIFY2(!table.out.contains(u"Alle"_s) && !table.out.contains(u"Knoten"_s), qPrintable(table.out));

    // `alert results`: the attempt that succeeded, under the webhook-id the receiver got.
    QJsonArray rows;
    QVERIFY2(waitFor([&] { return !(rows = results(m_rule)).isEmpty(); }, 15000, 300), qPrintable(serveLog()));
    QCOMPARE(rows.size(), 1);
    const QJsonObject result = rows.first().toObject();
    QCOMPARE(result.value(u"deliveryId"_s).toString().toLatin1(), m_raisedId);
    QCOMPARE(result.value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(result.value(u"attempt"_s).toInteger(), 1);
    QCOMPARE(result.value(u"httpStatus"_s).toInteger(), 200);
    QCOMPARE(result.value(u"chainId"_s).toInteger(), m_chainId);
    QCOMPARE(result[u"rule"_s][u"id"_s].toInteger(), m_rule);
    QCOMPARE(result[u"rule"_s][u"name"_s].toString(), u"endpoint down"_s);
    QCOMPARE(result[u"action"_s][u"type"_s].toString(), u"rest"_s);
    QCOMPARE(result[u"action"_s][u"id"_s].toInteger(), body[u"action"_s][u"id"_s].toInteger());

    // The operator acknowledges it: still active, the note kept.
    const ArborctlRun ack = arborctl({u"alert"_s, u"ack"_s, QString::number(m_alertId), u"--note"_s, u"looking at the node"_s});
    QVERIFY2(ack.exitCode == 0, qPrintable(describe(ack)));
    const QJsonObject acknowledged = alertOf(m_rule);
    QCOMPARE(acknowledged.value(u"id"_s).toInteger(), m_alertId);
    QCOMPARE(acknowledged.value(u"active"_s).toBool(), true);
    QVERIFY2(!acknowledged.value(u"acknowledgedAt"_s).isNull(), qPrintable(json(acknowledged)));
    QCOMPARE(acknowledged.value(u"acknowledgedNote"_s).toString(), u"looking at the node"_s);

    // Still down, still one alert: nothing raised or sent again meanwhile.
    QVERIFY(m_proxy->isDead());
    QCOMPARE(m_hook.count(), 1);
}

void TestAlertDelivery::silencedRuleRaisesButDeliversNothing()
{
    QVERIFY2(!m_raisedId.isEmpty(), "nothing was raised");
    // Raised in the same evaluation as the other rule: in the history, active and silenced.
    QJsonObject listed;
    QVERIFY2(waitFor([&] { return !(listed = alertOf(m_silencedRule, true)).isEmpty(); }, 15000, 300), qPrintable(serveLog()));
    QCOMPARE(listed.value(u"silenced"_s).toBool(), true);
    QCOMPARE(listed.value(u"active"_s).toBool(), true);
    QCOMPARE(listed.value(u"kind"_s).toString(), u"rpc_down"_s);
    QCOMPARE(listed.value(u"chainId"_s).toInteger(), m_chainId);
    QCOMPARE(listed[u"rule"_s][u"name"_s].toString(), u"endpoint down, silenced"_s);
    QVERIFY(listed.value(u"id"_s).toInteger() != m_alertId);
    m_silencedAlertId = listed.value(u"id"_s).toInteger();

    // …and delivered nothing: no request, no attempt. The other rule's delivery went out meanwhile,
    // so this one is not merely late.
    QCOMPARE(m_quiet.count(), 0);
    QCOMPARE(results(m_silencedRule).size(), 0);
    QVERIFY(m_proxy->isDead());
}

void TestAlertDelivery::resolvedWhenTheEndpointIsBack()
{
    QVERIFY2(!m_raisedId.isEmpty(), "nothing was raised");
    QVERIFY(m_proxy->setDead(false));
    // Indexing resumes once the circuit breaker lets a request through; the alert clears HoldSeconds later.
    QVERIFY2(waitFor([&] { return m_hook.acceptedIds().size() >= 2; }, 60000, 100), qPrintable(serveLog()));
    const QString log = serveLog(100000);
    const qsizetype down = log.lastIndexOf(u"arborctl: chain %1: rpc down"_s.arg(m_chainId));
    QVERIFY2(down >= 0 && log.indexOf(u"arborctl: chain %1: "_s.arg(m_chainId), down + 1) > down, qPrintable(serveLog()));

    const QList<WebhookReceiver::Received> received = m_hook.received();
    QCOMPARE(received.size(), 2);   // nothing raised again, nothing sent twice
    QCOMPARE(received.first().id, m_raisedId);
    const WebhookReceiver::Received &hook = received.last();
    QVERIFY2(hook.verified, qPrintable(hook.verifyError));
    QCOMPARE(hook.answeredStatus, 200);
    QVERIFY(hook.id != m_raisedId);
    const QJsonObject body = bodyOf(hook);
    QCOMPARE(body.value(u"deliveryId"_s).toString().toLatin1(), hook.id);
    const QJsonObject alert = body.value(u"alert"_s).toObject();
    QCOMPARE(alert.value(u"state"_s).toString(), u"resolved"_s);
    QCOMPARE(alert.value(u"id"_s).toInteger(), m_alertId);
    QCOMPARE(alert.value(u"kind"_s).toString(), u"rpc_down"_s);
    QCOMPARE(alert.value(u"chainId"_s).toInteger(), m_chainId);
    QVERIFY2(!alert.value(u"clearedAt"_s).toString().isEmpty(), qPrintable(json(alert)));
    QCOMPARE(body[u"rule"_s][u"id"_s].toInteger(), m_rule);
    QCOMPARE(body[u"chain"_s][u"id"_s].toInteger(), m_chainId);

    // `alert list`: cleared, no longer among the active ones; the acknowledgement kept.
    const QJsonObject listed = alertOf(m_rule);
    QCOMPARE(listed.value(u"id"_s).toInteger(), m_alertId);
    QCOMPARE(listed.value(u"active"_s).toBool(true), false);
    QVERIFY2(!listed.value(u"clearedAt"_s).isNull(), qPrintable(json(listed)));
    QCOMPARE(listed.value(u"acknowledgedNote"_s).toString(), u"looking at the node"_s);
    QVERIFY2(alertOf(m_rule, true).isEmpty(), qPrintable(json(alertOf(m_rule, true))));

    // `alert results`: both deliveries succeeded, each at the first attempt.
    QJsonArray rows;
    QVERIFY2(waitFor([&] { return (rows = results(m_rule)).size() >= 2; }, 15000, 300), qPrintable(json(rows)));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0][u"deliveryId"_s].toString().toLatin1(), hook.id);   // newest first
    QCOMPARE(rows[0][u"status"_s].toString(), u"success"_s);
    QCOMPARE(rows[0][u"attempt"_s].toInteger(), 1);
    QCOMPARE(rows[1][u"deliveryId"_s].toString().toLatin1(), m_raisedId);

    // The silenced rule's alert cleared with it, and no "resolved" went out for it either.
    QJsonObject silenced;
    QVERIFY2(waitFor([&] { return !(silenced = alertOf(m_silencedRule)).isEmpty() && !silenced.value(u"active"_s).toBool(true); }, 15000, 300),
             qPrintable(json(silenced)));
    QCOMPARE(silenced.value(u"id"_s).toInteger(), m_silencedAlertId);
    QCOMPARE(silenced.value(u"silenced"_s).toBool(), true);
    QCOMPARE(m_quiet.count(), 0);
    QCOMPARE(results(m_silencedRule).size(), 0);
    const ArborctlRun all = arborctl({u"alert"_s, u"results"_s, u"--limit"_s, u"1000"_s, u"--json"_s});
    QVERIFY2(all.exitCode == 0, qPrintable(describe(all)));
    QCOMPARE(all.object().value(u"results"_s).toArray().size(), 2);
    // `trigger results` is the triggers' log: the rule's deliveries are not listed as a trigger's.
    const ArborctlRun ofTriggers = arborctl({u"trigger"_s, u"results"_s, u"--limit"_s, u"1000"_s, u"--json"_s});
    QVERIFY2(ofTriggers.exitCode == 0, qPrintable(describe(ofTriggers)));
    QCOMPARE(ofTriggers.object().value(u"results"_s).toArray().size(), 0);
}

void TestAlertDelivery::refusesABadRuleFile_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("exitCode");   // 2: bad input; 3: in conflict with what is stored

    const QJsonObject good{{u"name"_s, u"lagging"_s},   {u"chain"_s, u"all"_s}, {u"kind"_s, u"lag_blocks"_s}, {u"threshold"_s, 10},
                           {u"forSeconds"_s, 5}, {u"actions"_s, QJsonArray{restAction(m_hook)}}};
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return QJsonDocument(o).toJson();
    };
    auto action = [&](const QString &key, const QJsonValue &value) {
        QJsonObject a = restAction(m_hook);
        if (value.isUndefined())
            a.remove(key);
        else
            a.insert(key, value);
        return QJsonArray{a};
    };

    QTest::newRow("no threshold") << with(u"threshold"_s, QJsonValue::Undefined) << u"threshold"_s << 2;
    QTest::newRow("threshold not whole") << with(u"threshold"_s, 2.5) << u"threshold"_s << 2;
    QTest::newRow("unknown kind") << with(u"kind"_s, u"rpc_slow"_s) << u"kind"_s << 2;
    QTest::newRow("chain by name") << with(u"chain"_s, u"devnet"_s) << u"chain"_s << 2;
    QTest::newRow("unknown chain") << with(u"chain"_s, 999999) << u"chain"_s << 2;
    QTest::newRow("negative hold") << with(u"forSeconds"_s, -5) << u"forSeconds"_s << 2;
    QTest::newRow("no name") << with(u"name"_s, QJsonValue::Undefined) << u"name"_s << 2;
    QTest::newRow("name taken") << with(u"name"_s, u"endpoint down"_s) << u"name"_s << 3;
    QTest::newRow("unknown field") << with(u"forMinutes"_s, 5) << u"forMinutes"_s << 2;
    QTest::newRow("literal signing secret") << with(u"actions"_s, action(u"signingSecret"_s, m_secret)) << u"actions[0].signingSecret"_s << 2;
    QTest::newRow("action without url") << with(u"actions"_s, action(u"url"_s, QJsonValue::Undefined)) << u"actions[0].url"_s << 2;
    QTest::newRow("event in a template") << with(u"actions"_s, action(u"body"_s, u"tx {{event.txHash}}"_s)) << u"actions[0]"_s << 2;
    QTest::newRow("not JSON") << QByteArray("{\"name\": \"lagging\",") << u"--file"_s << 2;
}

void TestAlertDelivery::refusesABadRuleFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, field);
    QFETCH(int, exitCode);
    const ArborctlRun before = arborctl({u"alert"_s, u"rules"_s, u"--json"_s});
    QVERIFY2(before.exitCode == 0, qPrintable(describe(before)));
    QCOMPARE(before.object().value(u"rules"_s).toArray().size(), 2);

    const ArborctlRun refused = arborctlWithFile({u"alert"_s, u"add"_s, u"--json"_s}, file);
    QVERIFY2(refused.exitCode == exitCode, qPrintable(describe(refused)));
    QVERIFY2(refused.err.contains(u": "_s + field + u": "_s), qPrintable(refused.err));
    QVERIFY2(refused.out.isEmpty(), qPrintable(refused.out));

    const ArborctlRun after = arborctl({u"alert"_s, u"rules"_s, u"--json"_s});
    QVERIFY2(after.exitCode == 0, qPrintable(describe(after)));
    QCOMPARE(after.out, before.out);
}


void TestAlertDelivery::testSendsEachActionAMadeUpAlert()
{
    QVERIFY(m_serve.state() == QProcess::Running);
    const QJsonObject newestBefore = alertOf(m_rule);
    const qsizetype before = m_hook.received().size();

    // Queued by a one-shot arborctl; the running serve sends it, signed, like a real alert.
    const ArborctlRun sent = arborctl({u"alert"_s, u"test"_s, u"endpoint down"_s, u"--json"_s});
    QVERIFY2(sent.exitCode == 0, qPrintable(describe(sent)));
    const QJsonArray deliveries = QJsonDocument::fromJson(sent.out.toUtf8()).array();
    QCOMPARE(deliveries.size(), 1);
    const QString id = deliveries.first()[u"deliveryId"_s].toString();
    QVERIFY2(id.startsWith(u"test_"_s), qPrintable(sent.out));
    QVERIFY2(waitFor([&] { return m_hook.received().size() > before; }, 30000, 100), qPrintable(serveLog()));
    const WebhookReceiver::Received hook = m_hook.received().last();
    QCOMPARE(hook.id, id.toLatin1());
    QVERIFY2(hook.verified, qPrintable(hook.verifyError));
    const QJsonObject body = bodyOf(hook);
    const QJsonObject alert = body.value(u"alert"_s).toObject();
    QCOMPARE(alert.value(u"test"_s).toBool(), true);
    QCOMPARE(alert.value(u"state"_s).toString(), u"raised"_s);
    QCOMPARE(alert.value(u"kind"_s).toString(), u"rpc_down"_s);
    QVERIFY2(alert.value(u"title"_s).toString().startsWith(u"endpoint down: "_s), qPrintable(json(alert)));
    QCOMPARE(body[u"rule"_s][u"name"_s].toString(), u"endpoint down"_s);
    QCOMPARE(body[u"chain"_s][u"id"_s].toInteger(), m_chainId);
    // A test is no alert: the history's newest row for the rule is the one it had.
    QCOMPARE(alertOf(m_rule).value(u"id"_s).toInteger(), newestBefore.value(u"id"_s).toInteger());

    // The silenced rule's actions get their test too: the operator asked for it.
    const qsizetype quietBefore = m_quiet.received().size();
    const ArborctlRun quiet = arborctl({u"alert"_s, u"test"_s, QString::number(m_silencedRule)});
    QVERIFY2(quiet.exitCode == 0, qPrintable(describe(quiet)));
    QVERIFY2(quiet.out.contains(u"for 1 action"_s), qPrintable(quiet.out));
    QVERIFY2(waitFor([&] { return m_quiet.received().size() > quietBefore; }, 30000, 100), qPrintable(serveLog()));

    // A rule without actions: said, with the fix.
    QString error;
    const qint64 bare = addRule({{u"name"_s, u"no actions"_s}, {u"chain"_s, u"all"_s}, {u"kind"_s, u"rpc_down"_s}, {u"actions"_s, QJsonArray()}}, &error);
    QVERIFY2(bare > 0, qPrintable(error));
    const ArborctlRun refused = arborctl({u"alert"_s, u"test"_s, u"no actions"_s});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"no action to test"_s), qPrintable(describe(refused)));
}

} // namespace tst_alertdelivery

ARBOR_GUILESS_TEST_MAIN(alertdelivery, tst_alertdelivery::TestAlertDelivery)
#include "tst_alertdelivery.moc"
