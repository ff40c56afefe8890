// ERC-8004 agents as an operator meets them, end to end through arborctl and `arborctl serve` on a
// devnet, on SQLite and PostgreSQL:
//
// - registration files: a local HTTP server serves a valid file, a legacy one ("endpoints"), a
//   404, invalid JSON and an oversized file; `data:` and an `ipfs://` URI with no gateway set.
//   Each agent shows its registration or its error in `agents list --json`; a URIUpdated shows the
//   new file. Before the operator allows 127.0.0.1, the loopback files are refused and the server
//   gets no request at all.
// - MCP to the agent's own endpoint: a trigger with resolveEndpoint and verifyFileHash calls the
//   MCP server the agent's registration names (one built on the official MCP TypeScript SDK), with
//   the agent's token, for exactly the feedback
//   whose file hashes to its feedbackHash; a feedback naming another endpoint (a trap server)
//   causes no request there; mismatches are recorded as not sent.
#include "agentchain.h"
#include "httptestserver.h"
#include "sdkmcpserver.h"
#include "model/keccak.h"
#include "testmain.h"

#include <QJsonDocument>
#include <QMutex>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_agents {

namespace {

QJsonObject registration(const QString &name, const QString &mcpEndpoint, const QString &servicesKey = u"services"_s)
{
    return {{u"type"_s, u"https://eips.ethereum.org/EIPS/eip-8004#registration-v1"_s},
            {u"name"_s, name},
            {u"description"_s, u"An agent for Arbor's tests"_s},
            {u"image"_s, u"https://example.org/agent.png"_s},
            {servicesKey, QJsonArray{QJsonObject{{u"name"_s, u"MCP"_s}, {u"endpoint"_s, mcpEndpoint}, {u"version"_s, u"2025-06-18"_s}},
                                     QJsonObject{{u"name"_s, u"A2A"_s}, {u"endpoint"_s, u"https://a2a.example.org/agent"_s},
                                                 {u"version"_s, u"0.3.0"_s}}}},
            {u"active"_s, true},
            {u"supportedTrust"_s, QJsonArray{u"reputation"_s}}};
}

QString hashHex(const QByteArray &bytes)
{
    return u"0x"_s + QString::fromLatin1(keccak256(bytes).toHex());
}

} // namespace

class TestAgents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void outboundListIsEditedAndChecked();
    void registrationFilesResolvedSafely();
    void mcpCallsOnlyTheRegisteredEndpointWithVerifiedFiles();

private:
    /// agents list --json, by agentId.
    QHash<QString, QJsonObject> agents() const;
    /// Waits until `done` holds for the agent list; the last list in `last`.
    bool waitForAgents(const std::function<bool(const QHash<QString, QJsonObject> &)> &done, QHash<QString, QJsonObject> *last,
                       int timeoutMs = 60000) const;
    QStringList register_(const QStringList &uris);

    AgentChain m_chain;
    std::unique_ptr<SdkMcpServer> m_mcp;   ///< the agent's own MCP server; its token required
    mutable QMutex m_filesMutex;
    QHash<QByteArray, HttpResponse> m_files;   ///< path → answer
    HttpTestServer m_fileServer{[this](const HttpRequest &request) {
        QMutexLocker lock(&m_filesMutex);
        return m_files.value(request.path(), HttpResponse::text(404, "not here"));
    }};
    HttpTestServer m_trap{[](const HttpRequest &) { return HttpResponse::text(200, "trapped"); }};
};

void TestAgents::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    ARBOR_REQUIRE_SDK_MCP_SERVER();
    QString error;
    SdkMcpServer::Options options;
    options.requiredToken = u"agent-token-7"_s;
    m_mcp = std::make_unique<SdkMcpServer>(options);
    QVERIFY2(m_mcp->start(&error), qPrintable(error));
    QVERIFY2(m_fileServer.start(&error), qPrintable(error));
    QVERIFY2(m_trap.start(&error), qPrintable(error));
    QVERIFY2(m_chain.start(&error), qPrintable(error));
    QProcessEnvironment environment;
    environment.insert(u"ARBOR_TEST_AGENT_TOKEN"_s, u"agent-token-7"_s);
    m_chain.setServeEnvironment(environment);
    QVERIFY2(m_chain.startServe(&error), qPrintable(error));
}

void TestAgents::cleanupTestCase()
{
    QString error;
    if (m_chain.serveRunning())
        QVERIFY2(m_chain.stopServe(&error), qPrintable(error));
    if (m_mcp)
        m_mcp->stop();
}

QHash<QString, QJsonObject> TestAgents::agents() const
{
    const ArborctlRun run = m_chain.arborctl({u"agents"_s, u"list"_s, u"--chain"_s, u"devnet"_s, u"--json"_s});
    QHash<QString, QJsonObject> out;
    if (run.exitCode != 0) {
        qWarning().noquote() << describe(run);
        return out;
    }
    for (const QJsonValue &v : run.object().value(u"agents"_s).toArray())
        out.insert(v[u"agentId"_s].toString(), v.toObject());
    return out;
}

bool TestAgents::waitForAgents(const std::function<bool(const QHash<QString, QJsonObject> &)> &done, QHash<QString, QJsonObject> *last,
                               int timeoutMs) const
{
    return waitFor([&] {
        *last = agents();
        return done(*last);
    }, timeoutMs, 500);
}

QStringList TestAgents::register_(const QStringList &uris)
{
    QJsonArray script;
    for (const QString &uri : uris)
        script.append(QJsonObject{{u"register"_s, QJsonObject{{u"uri"_s, uri}}}});
    QString error;
    const auto done = m_chain.script(script, &error);
    [&] { QVERIFY2(done, qPrintable(error)); }();
    QStringList ids;
    if (done) {
        for (const QJsonValue &r : done->value(u"results"_s).toArray())
            ids.append(r[u"agentId"_s].toString());
    }
    return ids;
}

void TestAgents::outboundListIsEditedAndChecked()
{
    // What the operator types is checked and normalised; a URL with a path is not a host.
    const ArborctlRun path = m_chain.arborctl({u"outbound"_s, u"allow"_s, u"http://127.0.0.1/x"_s});
    QCOMPARE(path.exitCode, 2);
    QVERIFY2(path.err.contains(u"HOST"_s), qPrintable(describe(path)));

    const ArborctlRun added = m_chain.arborctl({u"outbound"_s, u"allow"_s, u"Files.Example.ORG"_s});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    const ArborctlRun twice = m_chain.arborctl({u"outbound"_s, u"allow"_s, u"files.example.org"_s});
    QVERIFY2(twice.exitCode == 0 && twice.out.contains(u"already"_s), qPrintable(describe(twice)));
    ArborctlRun list = m_chain.arborctl({u"outbound"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.object().value(u"allowedHosts"_s).toArray(), QJsonArray{u"files.example.org"_s});
    QCOMPARE(list.object().value(u"ipfsGateway"_s), QJsonValue(QJsonValue::Null));

    const ArborctlRun denied = m_chain.arborctl({u"outbound"_s, u"deny"_s, u"files.example.org"_s});
    QVERIFY2(denied.exitCode == 0, qPrintable(describe(denied)));
    list = m_chain.arborctl({u"outbound"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.object().value(u"allowedHosts"_s).toArray(), QJsonArray());

    const ArborctlRun gateway = m_chain.arborctl({u"outbound"_s, u"gateway"_s, u"ftp://gateway.example"_s});
    QCOMPARE(gateway.exitCode, 2);
    QVERIFY2(gateway.err.contains(u"URL"_s), qPrintable(describe(gateway)));
}

void TestAgents::registrationFilesResolvedSafely()
{
    const QByteArray valid = QJsonDocument(registration(u"Valid Agent"_s, m_mcp->url().toString())).toJson();
    const QByteArray legacy = QJsonDocument(registration(u"Legacy Agent"_s, u"https://mcp.example.org/legacy"_s, u"endpoints"_s)).toJson();
    const QByteArray onChain = QJsonDocument(registration(u"On-chain Agent"_s, u"https://mcp.example.org/onchain"_s)).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&m_filesMutex);
        m_files.insert("/valid.json", HttpResponse::text(200, valid));
        m_files.insert("/legacy.json", HttpResponse::text(200, legacy));
        m_files.insert("/invalid.json", HttpResponse::text(200, "{\"name\": \"half"));
        m_files.insert("/huge.json", HttpResponse::text(200, QByteArray(3 * 1024 * 1024, ' ') + valid));
        m_files.insert("/v2.json", HttpResponse::text(200, QJsonDocument(registration(u"Renamed Agent"_s, m_mcp->url().toString())).toJson()));
    }
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_fileServer.port());
    const QStringList ids = register_({base + u"/valid.json"_s, base + u"/legacy.json"_s, base + u"/missing.json"_s, base + u"/invalid.json"_s,
                                       base + u"/huge.json"_s, u"data:application/json;base64,"_s + QString::fromLatin1(onChain.toBase64()),
                                       u"ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy/agent.json"_s});
    QCOMPARE(ids.size(), 7);
    const QString validId = ids[0], legacyId = ids[1], missingId = ids[2], invalidId = ids[3], hugeId = ids[4], dataId = ids[5], ipfsId = ids[6];

    // Not allowed yet: every loopback file is refused, and the server never hears of it.
    QHash<QString, QJsonObject> list;
    const bool refused = waitForAgents([&](const QHash<QString, QJsonObject> &l) {
        for (const QString &id : ids) {
            if (l.value(id).value(u"resolvePending"_s).toBool(true))
                return false;
        }
        return true;
    }, &list);
    QVERIFY2(refused, qPrintable(m_chain.serveLog()));
    for (const QString &id : {validId, legacyId, missingId, invalidId, hugeId}) {
        const QJsonObject a = list.value(id);
        QCOMPARE(a.value(u"registration"_s), QJsonValue(QJsonValue::Null));
        const QString error = a.value(u"resolveError"_s).toString();
        QVERIFY2(error.contains(u"arborctl outbound allow 127.0.0.1"_s), qPrintable(id + u": "_s + error));
    }
    QCOMPARE(m_fileServer.requests(), quint64(0));
    // A data: URI needs no request; an ipfs:// one needs a gateway, which is not set.
    QCOMPARE(list.value(dataId).value(u"registration"_s)[u"name"_s].toString(), u"On-chain Agent"_s);
    QCOMPARE(list.value(dataId).value(u"resolveError"_s), QJsonValue(QJsonValue::Null));
    QVERIFY2(list.value(ipfsId).value(u"resolveError"_s).toString().contains(u"gateway"_s, Qt::CaseInsensitive),
             qPrintable(list.value(ipfsId).value(u"resolveError"_s).toString()));
    QCOMPARE(list.value(validId).value(u"owner"_s).toString().toLower(), u"0x"_s + u"0a"_s.repeated(20));

    // The operator allows the local server and asks for the files again.
    QVERIFY2(m_chain.arborctl({u"outbound"_s, u"allow"_s, u"127.0.0.1"_s}).exitCode == 0, "outbound allow");
    const ArborctlRun refresh = m_chain.arborctl({u"agents"_s, u"refresh"_s, u"--chain"_s, u"devnet"_s});
    QVERIFY2(refresh.exitCode == 0, qPrintable(describe(refresh)));
    const bool resolved = waitForAgents([&](const QHash<QString, QJsonObject> &l) {
        return !l.value(validId).value(u"registration"_s).isNull() && !l.value(legacyId).value(u"registration"_s).isNull()
            && !l.value(missingId).value(u"resolveError"_s).toString().contains(u"outbound"_s)
            && !l.value(invalidId).value(u"resolveError"_s).toString().contains(u"outbound"_s)
            && !l.value(hugeId).value(u"resolveError"_s).toString().contains(u"outbound"_s)
            && !l.value(hugeId).value(u"resolveError"_s).isNull();
    }, &list);
    QVERIFY2(resolved, qPrintable(QString::fromUtf8(QJsonDocument(list.value(hugeId)).toJson()) + m_chain.serveLog()));

    const QJsonObject v = list.value(validId).value(u"registration"_s).toObject();
    QCOMPARE(v.value(u"name"_s).toString(), u"Valid Agent"_s);
    QCOMPARE(v.value(u"services"_s)[0][u"name"_s].toString(), u"MCP"_s);
    QCOMPARE(v.value(u"services"_s)[0][u"endpoint"_s].toString(), m_mcp->url().toString());
    QCOMPARE(v.value(u"services"_s)[1][u"version"_s].toString(), u"0.3.0"_s);
    QCOMPARE(v.value(u"active"_s), QJsonValue(true));
    // An older file's "endpoints" read as services.
    const QJsonObject l = list.value(legacyId).value(u"registration"_s).toObject();
    QCOMPARE(l.value(u"name"_s).toString(), u"Legacy Agent"_s);
    QCOMPARE(l.value(u"services"_s)[0][u"endpoint"_s].toString(), u"https://mcp.example.org/legacy"_s);

    QVERIFY2(list.value(missingId).value(u"resolveError"_s).toString().contains(u"404"_s),
             qPrintable(list.value(missingId).value(u"resolveError"_s).toString()));
    QCOMPARE(list.value(missingId).value(u"registration"_s), QJsonValue(QJsonValue::Null));
    QVERIFY(!list.value(invalidId).value(u"resolveError"_s).toString().isEmpty());
    QCOMPARE(list.value(invalidId).value(u"registration"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(list.value(hugeId).value(u"registration"_s), QJsonValue(QJsonValue::Null));

    // `agents show` gives the same agent, its raw file on demand.
    const ArborctlRun show = m_chain.arborctl({u"agents"_s, u"show"_s, u"--chain"_s, u"devnet"_s, u"--agent"_s, validId, u"--json"_s});
    QVERIFY2(show.exitCode == 0, qPrintable(describe(show)));
    QCOMPARE(show.object().value(u"registration"_s).toObject(), v);
    const ArborctlRun raw = m_chain.arborctl({u"agents"_s, u"show"_s, u"--chain"_s, u"devnet"_s, u"--agent"_s, validId, u"--raw"_s});
    QVERIFY2(raw.exitCode == 0, qPrintable(describe(raw)));
    QCOMPARE(QJsonDocument::fromJson(raw.out.toUtf8()), QJsonDocument::fromJson(valid));
    const ArborctlRun nobody = m_chain.arborctl({u"agents"_s, u"show"_s, u"--chain"_s, u"devnet"_s, u"--agent"_s, u"999999"_s});
    QCOMPARE(nobody.exitCode, 2);
    QVERIFY2(nobody.err.contains(u"--agent"_s), qPrintable(describe(nobody)));

    // URIUpdated: the new file is fetched and shown.
    QString error;
    QVERIFY2(m_chain.script(QJsonArray{QJsonObject{{u"setURI"_s, QJsonObject{{u"agentId"_s, validId}, {u"uri"_s, QString(base + u"/v2.json"_s)}}}}}, &error),
             qPrintable(error));
    const bool updated = waitForAgents([&](const QHash<QString, QJsonObject> &l) {
        return l.value(validId).value(u"registration"_s)[u"name"_s].toString() == u"Renamed Agent"_s;
    }, &list);
    QVERIFY2(updated, qPrintable(QString::fromUtf8(QJsonDocument(list.value(validId)).toJson())));
    QCOMPARE(list.value(validId).value(u"uri"_s).toString(), base + u"/v2.json"_s);
}

void TestAgents::mcpCallsOnlyTheRegisteredEndpointWithVerifiedFiles()
{
    // The previous function allowed 127.0.0.1; this one needs it too.
    QVERIFY(m_chain.arborctl({u"outbound"_s, u"allow"_s, u"127.0.0.1"_s}).exitCode == 0);
    const QByteArray file1 = R"({"score": 90, "note": "fast"})";
    const QByteArray file2 = R"({"score": 10, "note": "slow"})";
    const QByteArray other = R"({"score": 99, "note": "not the file that was rated"})";
    {
        QMutexLocker lock(&m_filesMutex);
        m_files.insert("/agent.json", HttpResponse::text(200, QJsonDocument(registration(u"Callable"_s, m_mcp->url().toString())).toJson()));
        m_files.insert("/feedback1.json", HttpResponse::text(200, file1));
        m_files.insert("/feedback2.json", HttpResponse::text(200, file2));
        m_files.insert("/feedback3.json", HttpResponse::text(200, other));
    }
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_fileServer.port());
    const QStringList ids = register_({base + u"/agent.json"_s});
    QCOMPARE(ids.size(), 1);
    const QString agent = ids.first();
    QHash<QString, QJsonObject> list;
    QVERIFY2(waitForAgents([&](const QHash<QString, QJsonObject> &l) { return l.contains(agent); }, &list), qPrintable(m_chain.serveLog()));
    // The agent's own token, as a reference; serve reads it from its environment.
    const ArborctlRun token = m_chain.arborctl({u"agents"_s, u"token"_s, u"set"_s, u"--chain"_s, u"devnet"_s, u"--agent"_s, agent,
                                                u"env:ARBOR_TEST_AGENT_TOKEN"_s});
    QVERIFY2(token.exitCode == 0, qPrintable(describe(token)));
    QVERIFY2(waitForAgents([&](const QHash<QString, QJsonObject> &l) { return !l.value(agent).value(u"registration"_s).isNull(); }, &list),
             qPrintable(m_chain.serveLog()));
    QCOMPARE(list.value(agent).value(u"mcpToken"_s).toString(), u"env:ARBOR_TEST_AGENT_TOKEN"_s);

    // An action token beside resolveEndpoint would go to every agent's server: refused.
    QString error;
    const QJsonObject mcpAction{{u"type"_s, u"mcp"_s}, {u"resolveEndpoint"_s, true}, {u"verifyFileHash"_s, true},
                                {u"tool"_s, u"agent.receiveFeedback"_s}, {u"maxRetries"_s, 3},
                                {u"arguments"_s, QJsonObject{{u"agentId"_s, u"{{event.agentId}}"_s}, {u"file"_s, u"{{event.feedbackURI}}"_s}}}};
    QJsonObject withToken = mcpAction;
    withToken.insert(u"token"_s, u"env:ARBOR_TEST_AGENT_TOKEN"_s);
    const QJsonObject trigger{{u"name"_s, u"agent mcp"_s}, {u"chain"_s, m_chain.chainId()}, {u"registry"_s, u"reputation"_s},
                              {u"conditions"_s, QJsonArray{condition(u"event_type_equals"_s, {{u"event"_s, u"NewFeedback"_s}})}},
                              {u"actions"_s, QJsonArray{withToken}}};
    QVERIFY(m_chain.addTrigger(trigger, &error).isEmpty());
    QVERIFY2(error.contains(u"token"_s), qPrintable(error));
    QJsonObject good = trigger;
    good.insert(u"actions"_s, QJsonArray{mcpAction});
    const QJsonObject stored = m_chain.addTrigger(good, &error);
    QVERIFY2(!stored.isEmpty(), qPrintable(error));
    const qint64 triggerId = stored.value(u"id"_s).toInteger();

    // Feedback 1 and 3 carry their files' hashes, 2 a hash of another file; 1 also names the trap
    // as its endpoint, which must not matter.
    const QString trap = m_trap.url(u"/mcp"_s).toString();
    auto feedback = [&](const QString &file, const QString &hash, const QString &endpoint) {
        return QJsonObject{{u"feedback"_s, QJsonObject{{u"agentId"_s, agent}, {u"value"_s, u"90"_s}, {u"decimals"_s, 0}, {u"tag1"_s, u"quality"_s},
                                                       {u"endpoint"_s, endpoint}, {u"feedbackURI"_s, QString(base + file)}, {u"feedbackHash"_s, hash}}}};
    };
    const auto sent = m_chain.script(QJsonArray{feedback(u"/feedback1.json"_s, hashHex(file1), trap), feedback(u"/feedback2.json"_s, hashHex(other), trap),
                                      feedback(u"/feedback3.json"_s, hashHex(other), QString())},
                                     &error);
    QVERIFY2(sent, qPrintable(error));
    const QJsonArray results = sent->value(u"results"_s).toArray();

    QHash<QString, QString> statusByTx;
    QHash<QString, QString> errorByTx;
    const bool settled = waitFor([&] {
        statusByTx.clear();
        errorByTx.clear();
        for (const QJsonValue &r : m_chain.results(triggerId)) {
            const QString tx = r[u"event"_s][u"txHash"_s].toString();
            statusByTx.insert(tx, r[u"status"_s].toString());
            errorByTx.insert(tx, r[u"error"_s].toString());
        }
        return statusByTx.size() == 3 && !statusByTx.values().contains(u"retrying"_s) && !statusByTx.values().contains(u"pending"_s);
    }, 60000);
    QStringList rows;
    for (const QJsonValue &r : m_chain.results(triggerId))
        rows << r[u"event"_s][u"txHash"_s].toString().left(10) + u' ' + r[u"status"_s].toString() + u' ' + r[u"error"_s].toString();
    QVERIFY2(settled, qPrintable(rows.join(u'\n') + u'\n' + m_chain.serveLog()));

    const QString tx1 = results[0][u"txHash"_s].toString(), tx2 = results[1][u"txHash"_s].toString(), tx3 = results[2][u"txHash"_s].toString();
    QCOMPARE(statusByTx.value(tx1), u"success"_s);
    QCOMPARE(statusByTx.value(tx2), u"failed"_s);
    QCOMPARE(statusByTx.value(tx3), u"success"_s);
    QVERIFY2(errorByTx.value(tx2).contains(u"keccak-256"_s) && errorByTx.value(tx2).startsWith(u"Not sent"_s), qPrintable(errorByTx.value(tx2)));

    // Exactly the verified feedback reached the agent's own server, with its token; nothing the trap.
    const QList<SdkMcpCall> calls = m_mcp->calls();
    QStringList files;
    for (const SdkMcpCall &c : calls) {
        QCOMPARE(c.tool, u"agent.receiveFeedback"_s);
        QCOMPARE(c.authorization, QByteArray("Bearer agent-token-7"));
        QCOMPARE(c.arguments.value(u"agentId"_s).toString(), agent);
        files << c.arguments.value(u"file"_s).toString();
    }
    QCOMPARE(sorted(files), sorted({base + u"/feedback1.json"_s, base + u"/feedback3.json"_s}));
    QCOMPARE(m_trap.requests(), quint64(0));
}

} // namespace tst_agents

ARBOR_GUILESS_TEST_MAIN(agents, tst_agents::TestAgents)
#include "tst_agents.moc"
