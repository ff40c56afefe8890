// Several engines on one PostgreSQL database, end to end: real `arborctl serve --engine-name`
// processes, three anvil devnets (one chain each) with token traffic, and what an operator reads
// with `arborctl engines --json` and `arborctl chain list --json`. Leases are 6 s (a heartbeat a
// second), so a dead engine's chain is free within seconds; every wait below is a deadline, never
// a figure asserted.
//
// The PostgreSQL functions share the devnets, the database and the engines, and run in
// declaration order: three engines share three chains one each; the owner of one is killed with
// SIGKILL and another engine goes on indexing it; a fourth engine joins and takes a share; an
// owner frozen with SIGSTOP past its lease finds, when continued, that it lost the chain and
// stands down; `chain move`, `engines drain` and `engines resume` do what they say; once the
// traffic stops every chain is at its node's head with exactly the node's Transfer logs and the
// generator's balances; engines stopped with SIGTERM hand their chains over and exit 0.
//
// Chain alpha also has the ERC-8004 registries and a trigger whose signed webhook goes to a local
// receiver: every agent registered, before and after alpha's owner is killed, reaches it under
// one webhook-id.
//
// On SQLite one engine serves a file: a second `serve --engine-name` is refused, or serves
// read-only, saying PostgreSQL is the backend for several engines. Its lease, expired while
// nobody took it (a machine asleep: the engine's own clock stood still while the lease's ran
// on), refuses its writes until the next heartbeat renews it, and indexing then goes on.
#include "agentchain.h"
#include "arborctlrun.h"
#include "buildpaths.h"
#include "childprocess.h"
#include "devnet.h"
#include "testdatabase.h"
#include "testmain.h"
#include "webhookreceiver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_engines {

namespace {

const QString Arborctl = BuildPaths::arborctl();
const QString TransferTopic = u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s;
/// Short leases: heartbeat every second, a silent engine's chains free after 6 s.
const QString LeaseSeconds = u"6"_s;
/// The deadline for a takeover, a handover or a catch-up.
constexpr int Deadline = 45000;
/// The engines' heartbeat interval: ownership changes at most once a heartbeat.
constexpr int HeartbeatMs = 1000;

// Ownership is waited for with waitForListing, never QTRY_VERIFY: the macro reads its condition
// again after it held, and ownership moves between reads (a chain an engine over its share hands
// over is held by nobody until the next heartbeat of the engine that takes it). The listing that
// passed is the one a test goes on with.

/// Waits up to `timeoutMs` until `done` holds, asked once a heartbeat: each asking starts
/// arborctl (two processes for ownership()), and asked back to back they kept a core busy.
/// Checkpoints are waited for so too: a second more to see one is nothing beside a takeover.
bool waitForListing(const std::function<bool()> &done, int timeoutMs = Deadline)
{
    return waitForArborctl(done, timeoutMs, HeartbeatMs);
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

qint64 hexNumber(const QJsonValue &v)
{
    return v.toString().mid(2).toLongLong(nullptr, 16);
}

/// One `arborctl serve --engine-name NAME` child and what it printed on stderr.
struct ServeProcess
{
    QString name;
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString log;

    const QString &readLog()
    {
        log += QString::fromUtf8(process->readAllStandardError());
        return log;
    }
    bool running() const { return process->state() == QProcess::Running; }
    void signal(int sig) const { ::kill(pid_t(process->processId()), sig); }
};

/// One devnet with one token, registered as one chain, and every transfer sent on it.
struct ChainUnderTest
{
    std::unique_ptr<Devnet> devnet = std::make_unique<Devnet>();
    QString name;
    qint64 chainId = 0;
    QString token;
    qint64 deployBlock = 0;
    qint64 transfersSent = 0;               ///< Transfer events the generator sent, mints included
    QHash<QString, U256> balances;          ///< holder → balance, all traffic sent
    quint64 nextSeed = 1;
};

/// Who owns what, as `engines --json` and `chain list --json` say at one moment.
struct Ownership
{
    QJsonArray engines;
    QJsonArray chains;

    QJsonObject engine(const QString &name) const
    {
        for (const QJsonValue &e : engines) {
            if (e[u"name"_s].toString() == name)
                return e.toObject();
        }
        return {};
    }
    QJsonObject chain(qint64 chainId) const
    {
        for (const QJsonValue &c : chains) {
            if (c[u"chainId"_s].toInteger() == chainId)
                return c.toObject();
        }
        return {};
    }
    /// chain list's lease.owner; empty when none.
    QString ownerOf(qint64 chainId) const { return chain(chainId)[u"lease"_s][u"owner"_s].toString(); }
    qint64 epochOf(qint64 chainId) const { return chain(chainId)[u"lease"_s][u"epoch"_s].toInteger(-1); }
    /// The chains `engines --json` lists for the engine.
    QList<qint64> chainsOf(const QString &name) const
    {
        QList<qint64> ids;
        for (const QJsonValue &id : engine(name)[u"chains"_s].toArray())
            ids.append(id.toInteger());
        return ids;
    }
    QString text() const { return u"engines: "_s + compact(engines) + u"\nleases: "_s + leases(); }
    QString leases() const
    {
        QStringList out;
        for (const QJsonValue &c : chains)
            out << u"%1=%2"_s.arg(c[u"chainId"_s].toInteger()).arg(compact(c[u"lease"_s]));
        return out.join(u", "_s);
    }
};

} // namespace

class TestEngines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void threeEnginesShareThreeChains();
    void killedOwnersChainIsTakenOver();
    void joiningEngineTakesAShare();
    void frozenOwnerFindsItsLeaseLost();
    void moveDrainAndResume();
    void everyChainExactOnceTrafficStops();
    void webhookDeliveredOnceAcrossTakeover();
    void stoppedEnginesHandOver();

    void sqliteServesOneEngine();
    void expiredLeaseIsRenewedAndIndexingGoesOn();

private:
    bool requirePostgres();
    /// Starts `devnet`, deploys one token on it and adds it to `db` as one chain, followed at
    /// its head (no confirmations, a head poll every 200 ms), as an operator would.
    void addOneTokenChain(Devnet &devnet, const TestDatabase &db);
    /// Sends traffic on chain `i` and keeps count of it.
    void sendTraffic(int i, int transfers, int holders, int blocks);
    void sendTrafficEverywhere();
    /// Registers `agents` agents on chain alpha's registries; their Registered events are expected at the receiver.
    void registerAgents(int agents);
    QProcessEnvironment secrets() const;
    qint64 nodeHead(int i);
    qint64 checkpoint(qint64 chainId);
    ServeProcess &startEngine(const QString &name);
    ServeProcess *engine(const QString &name);
    Ownership ownership();
    /// Empty when every chain is owned by exactly one engine of `alive`, alive in `engines
    /// --json`, and chain list's lease says the same; otherwise the first thing that is not so.
    QString ownershipProblem(const Ownership &o, const QStringList &alive) const;
    /// ownershipProblem(), and each engine of `alive` holding exactly one chain.
    QString balanceProblem(const Ownership &o, const QStringList &alive) const;
    QStringList runningNames() const;

    std::unique_ptr<TestDatabase> m_db;
    QList<std::shared_ptr<ChainUnderTest>> m_chains;
    std::vector<std::unique_ptr<ServeProcess>> m_engines;
    bool m_setUp = false;
    const QString m_secret = WebhookReceiver::makeSecret();
    WebhookReceiver m_receiver{m_secret};
    QJsonObject m_registries;
    quint64 m_agentSeed = 700;
    QStringList m_registered;   ///< "txHash:logIndex" of every Registered event sent on alpha
    QTemporaryDir m_files;
};

bool TestEngines::requirePostgres()
{
    if (TestDatabase::backend() != Backend::Postgres) {
        QTest::qSkip("several engines need PostgreSQL: engines_postgres runs this", __FILE__, __LINE__);
        return false;
    }
    if (m_setUp)
        return true;
    if (!Devnet::unavailableReason().isEmpty()) {
        if (Devnet::requiredByEnvironment())
            QTest::qFail(qPrintable(Devnet::unavailableReason()), __FILE__, __LINE__);
        else
            QTest::qSkip(qPrintable(Devnet::unavailableReason()), __FILE__, __LINE__);
        return false;
    }
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid()) {
        QTest::qFail(qPrintable(m_db->error()), __FILE__, __LINE__);
        return false;
    }
    QString error;
    if (!m_receiver.start(&error)) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    const QStringList names{u"alpha"_s, u"beta"_s, u"gamma"_s};
    for (int i = 0; i < 3; ++i) {
        auto chain = std::make_shared<ChainUnderTest>();
        chain->name = names[i];
        if (!chain->devnet->start(&error, quint64(31401 + i))) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return false;
        }
        chain->chainId = qint64(chain->devnet->chainId());
        const auto deployed = chain->devnet->deployTokens(1, &error);
        if (!deployed) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return false;
        }
        const QJsonObject token = deployed->value(u"tokens"_s).toArray().first().toObject();
        chain->token = token[u"address"_s].toString();
        chain->deployBlock = token[u"deployBlock"_s].toInteger();
        m_chains.append(chain);
        sendTraffic(i, 120, 12, 12);
        if (QTest::currentTestFailed())
            return false;
        QStringList add{u"chain"_s, u"add"_s, u"--name"_s, chain->name, u"--chain-id"_s, QString::number(chain->chainId),
                        u"--rpc"_s, chain->devnet->rpcUrl().toString(), u"--start-block"_s, QString::number(chain->deployBlock),
                        u"--confirmations"_s, u"0"_s, u"--poll-interval"_s, u"200"_s, u"--token"_s, chain->token};
        if (i == 0) {
            const auto registries = chain->devnet->deployRegistries(&error);
            if (!registries) {
                QTest::qFail(qPrintable(error), __FILE__, __LINE__);
                return false;
            }
            m_registries = *registries;
            add << u"--erc8004"_s
                << u"identity=%1,reputation=%2,validation=%3"_s.arg(m_registries[u"identity"_s].toString(), m_registries[u"reputation"_s].toString(),
                                                                     m_registries[u"validation"_s].toString());
        }
        const ArborctlRun added = runArborctl(Arborctl, *m_db, add);
        if (added.exitCode != 0) {
            QTest::qFail(qPrintable(u"chain add: "_s + describe(added)), __FILE__, __LINE__);
            return false;
        }
    }
    // Every agent registered on alpha from now on: a signed webhook to the receiver.
    const QJsonObject trigger{
        {u"name"_s, u"registrations"_s},
        {u"chain"_s, m_chains[0]->chainId},
        {u"registry"_s, u"identity"_s},
        {u"conditions"_s, QJsonArray{condition(u"event_type_equals"_s, {{u"event"_s, u"Registered"_s}})}},
        {u"actions"_s, QJsonArray{QJsonObject{{u"type"_s, u"rest"_s}, {u"url"_s, m_receiver.url().toString()},
                                              {u"signingSecret"_s, u"env:ARBOR_TEST_HOOK_SECRET"_s}, {u"timeoutMs"_s, 10000},
                                              {u"maxRetries"_s, 20}}}}};
    QFile file(m_files.filePath(u"trigger.json"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(trigger).toJson()) < 0) {
        QTest::qFail("cannot write the trigger file", __FILE__, __LINE__);
        return false;
    }
    file.close();
    const ArborctlRun added = runArborctl(Arborctl, *m_db, {u"trigger"_s, u"add"_s, u"--file"_s, file.fileName(), u"--json"_s}, 60000, secrets());
    if (added.exitCode != 0) {
        QTest::qFail(qPrintable(u"trigger add: "_s + describe(added)), __FILE__, __LINE__);
        return false;
    }
    m_setUp = true;
    return true;
}

void TestEngines::cleanupTestCase()
{
    for (auto &e : m_engines) {
        if (e->running()) {
            e->signal(SIGCONT);
            e->process->kill();
            e->process->waitForFinished(10000);
        }
    }
}

void TestEngines::sendTraffic(int i, int transfers, int holders, int blocks)
{
    ChainUnderTest &chain = *m_chains[i];
    QString error;
    const auto traffic = chain.devnet->generateTraffic({chain.token}, transfers, holders, blocks, chain.nextSeed++ * 1000 + quint64(i), &error);
    QVERIFY2(traffic, qPrintable(error));
    chain.transfersSent += traffic->value(u"transfers"_s).toObject().value(chain.token).toInteger();
    const QJsonObject held = traffic->value(u"balances"_s).toObject().value(chain.token).toObject();
    for (auto it = held.begin(); it != held.end(); ++it)
        chain.balances[it.key()] = decimal(it.value().toString());
}

void TestEngines::sendTrafficEverywhere()
{
    for (int i = 0; i < m_chains.size() && !QTest::currentTestFailed(); ++i)
        sendTraffic(i, 30, 5, 5);
}

void TestEngines::registerAgents(int agents)
{
    QString error;
    const auto sent = m_chains[0]->devnet->generateAgentTraffic(m_registries, agents, 0, ++m_agentSeed, &error);
    QVERIFY2(sent, qPrintable(error));
    const QStringList registered = eventKeys(sent->value(u"events"_s).toArray(),
                                             [](const QJsonObject &e) { return e[u"event"_s].toString() == u"Registered"; });
    QCOMPARE(registered.size(), agents);
    m_registered << registered;
}

QProcessEnvironment TestEngines::secrets() const
{
    QProcessEnvironment env;
    env.insert(u"ARBOR_TEST_HOOK_SECRET"_s, m_secret);
    return env;
}

qint64 TestEngines::nodeHead(int i)
{
    QString error;
    const auto head = m_chains[i]->devnet->rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head)
        qWarning().noquote() << "eth_blockNumber:" << error;
    return head ? hexNumber(*head) : -1;
}

qint64 TestEngines::checkpoint(qint64 chainId)
{
    return chainRow(Arborctl, *m_db, chainId).value(u"checkpointBlock"_s).toInteger(-1);
}

ServeProcess &TestEngines::startEngine(const QString &name)
{
    auto e = std::make_unique<ServeProcess>();
    e->name = name;
    dieWithParent(*e->process);
    startArborctl(*e->process, Arborctl, *m_db, {u"serve"_s, u"--engine-name"_s, name, u"--lease-seconds"_s, LeaseSeconds}, secrets());
    m_engines.push_back(std::move(e));
    return *m_engines.back();
}

ServeProcess *TestEngines::engine(const QString &name)
{
    for (auto &e : m_engines) {
        if (e->name == name && e->running())
            return e.get();
    }
    return nullptr;
}

QStringList TestEngines::runningNames() const
{
    QStringList names;
    for (const auto &e : m_engines) {
        if (e->running())
            names << e->name;
    }
    return names;
}

Ownership TestEngines::ownership()
{
    Ownership o;
    const ArborctlRun engines = runArborctl(Arborctl, *m_db, {u"engines"_s, u"--json"_s});
    if (engines.exitCode != 0)
        qWarning().noquote() << "engines --json:" << describe(engines);
    o.engines = engines.array();
    const ArborctlRun chains = runArborctl(Arborctl, *m_db, {u"chain"_s, u"list"_s, u"--json"_s});
    if (chains.exitCode != 0)
        qWarning().noquote() << "chain list --json:" << describe(chains);
    o.chains = chains.array();
    return o;
}

QString TestEngines::ownershipProblem(const Ownership &o, const QStringList &alive) const
{
    if (o.engines.isEmpty() || o.chains.isEmpty())
        return u"no answer from engines --json or chain list --json"_s;
    for (const auto &chain : m_chains) {
        QStringList holders;
        for (const QJsonValue &e : o.engines) {
            if (o.chainsOf(e[u"name"_s].toString()).contains(chain->chainId))
                holders << e[u"name"_s].toString();
        }
        if (holders.size() != 1)
            return u"chain %1 is held by %2 engines (%3)"_s.arg(chain->name).arg(holders.size()).arg(holders.join(u", "_s));
        if (!alive.contains(holders.first()) || !o.engine(holders.first())[u"alive"_s].toBool())
            return u"chain %1 is held by %2, which is not one of the live engines %3"_s.arg(chain->name, holders.first(), alive.join(u", "_s));
        if (o.ownerOf(chain->chainId) != holders.first())
            return u"chain %1: engines --json says %2 holds it, chain list says %3"_s.arg(chain->name, holders.first(), o.ownerOf(chain->chainId));
    }
    return {};
}

QString TestEngines::balanceProblem(const Ownership &o, const QStringList &alive) const
{
    if (const QString problem = ownershipProblem(o, alive); !problem.isEmpty())
        return problem;
    for (const QString &name : alive) {
        if (o.chainsOf(name).size() != 1)
            return u"engine %1 holds %2 chains"_s.arg(name).arg(o.chainsOf(name).size());
    }
    return {};
}

void TestEngines::threeEnginesShareThreeChains()
{
    if (!requirePostgres())
        return;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        QVERIFY2(startEngine(name).process->waitForStarted(), qPrintable(m_engines.back()->process->errorString()));
    const QStringList alive{u"a"_s, u"b"_s, u"c"_s};
    Ownership o;
    QString problem = u"not read yet"_s;
    QVERIFY2(waitForListing([&] { return (problem = balanceProblem(o = ownership(), alive)).isEmpty() || runningNames().size() < 3; }, Deadline),
             qPrintable(problem + u"\n"_s + o.text()));
    for (const QString &name : alive) {
        QVERIFY2(engine(name), qPrintable(u"engine %1 exited:\n"_s.arg(name) + m_engines[alive.indexOf(name)]->readLog()));
        const QJsonObject row = o.engine(name);
        QVERIFY2(!row[u"draining"_s].toBool() && row[u"pid"_s].toInteger() == engine(name)->process->processId(), qPrintable(compact(row)));
    }
    // Each owner says so on stderr (once its claim is back from the database, which the
    // listing may have read first) and indexes what it owns: traffic sent now is indexed.
    for (const auto &chain : std::as_const(m_chains)) {
        const QString owner = o.ownerOf(chain->chainId);
        const QRegularExpression taken(u"chain (%1|%2): lease taken \\(epoch \\d+\\)"_s.arg(chain->chainId).arg(chain->name));
        QTRY_VERIFY2_WITH_TIMEOUT(taken.match(engine(owner)->readLog()).hasMatch(), qPrintable(engine(owner)->log.right(3000)), 10000);
    }
    sendTrafficEverywhere();
    registerAgents(2);
    for (int i = 0; i < m_chains.size(); ++i) {
        const qint64 head = nodeHead(i);
        QVERIFY2(waitForListing([&] { return checkpoint(m_chains[i]->chainId) >= head; }),
                 qPrintable(compact(chainRow(Arborctl, *m_db, m_chains[i]->chainId))));
    }

    // Each engine beats once a heartbeat, though it sees two chains held by others at each
    // beat (and asks for a beat when it does): three engines, about 3 beats a second, each
    // updating its engines row. Counted by the server over 4 s.
    auto store = m_db->open(false);
    QVERIFY(store);
    const auto beats = [&]() -> qint64 {
        const auto rows = store->query(u"SELECT n_tup_upd FROM pg_stat_user_tables WHERE schemaname = 'arbor' AND relname = 'engines'"_s);
        return rows && rows->size() == 1 ? rows->first()[0].toLongLong() : -1;
    };
    const qint64 before = beats();
    QTest::qWait(4000);
    const qint64 after = beats();
    qInfo("the engines row was updated %lld times in 4 s", after - before);
    QVERIFY2(before >= 0 && after - before <= 3 * 4 * 3, qPrintable(u"%1 heartbeats in 4 s"_s.arg(after - before)));
}

void TestEngines::killedOwnersChainIsTakenOver()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    const ChainUnderTest &alpha = *m_chains[0];
    Ownership before = ownership();
    const QString victim = before.ownerOf(alpha.chainId);
    QVERIFY2(engine(victim), qPrintable(before.text()));
    const QList<qint64> victimChains = before.chainsOf(victim);
    QVERIFY2(!victimChains.isEmpty(), qPrintable(before.text()));

    const qint64 headAtKill = nodeHead(0);
    ServeProcess *killed = engine(victim);
    killed->process->kill();   // SIGKILL: no release, no goodbye
    QVERIFY(killed->process->waitForFinished(10000));
    // The chain's node goes on: traffic and registrations after the kill.
    sendTraffic(0, 40, 6, 8);
    registerAgents(3);
    QVERIFY(nodeHead(0) > headAtKill);

    QStringList alive = runningNames();
    QVERIFY(!alive.contains(victim));
    Ownership o;
    QString problem = u"not read yet"_s;
    auto takenOver = [&] {
        o = ownership();
        problem = ownershipProblem(o, alive);
        for (qint64 id : victimChains) {
            if (problem.isEmpty() && o.ownerOf(id) == victim)
                problem = u"chain %1 still owned by the killed engine %2"_s.arg(id).arg(victim);
        }
        return problem.isEmpty();
    };
    QVERIFY2(waitForListing(takenOver, Deadline), qPrintable(problem + u"\n"_s + o.text()));
    QVERIFY2(o.chainsOf(victim).isEmpty(), qPrintable(o.text()));
    const QString heir = o.ownerOf(alpha.chainId);
    qInfo("chain alpha: %s killed at node head %lld, now owned by %s (epoch %lld, was %lld)", qPrintable(victim), headAtKill,
          qPrintable(heir), o.epochOf(alpha.chainId), before.epochOf(alpha.chainId));
    QVERIFY2(o.epochOf(alpha.chainId) > before.epochOf(alpha.chainId), qPrintable(o.text()));

    // Indexing goes on past the head the node had when the owner died.
    QJsonObject row;
    QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, *m_db, alpha.chainId))[u"checkpointBlock"_s].toInteger(-1) > headAtKill; }),
             qPrintable(compact(row)));
    // The operator sees the killed engine as dead (or no longer listed).
    QVERIFY2(waitForListing([&] { return (o = ownership()).engine(victim).isEmpty() || !o.engine(victim)[u"alive"_s].toBool(true); }, Deadline),
             qPrintable(o.text()));
}

void TestEngines::joiningEngineTakesAShare()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    ServeProcess &d = startEngine(u"d"_s);
    QVERIFY2(d.process->waitForStarted(), qPrintable(d.process->errorString()));
    const QStringList alive = runningNames();
    QCOMPARE(alive.size(), 3);
    Ownership o;
    QString problem = u"not read yet"_s;
    QVERIFY2(waitForListing([&] { return (problem = balanceProblem(o = ownership(), alive)).isEmpty() || !d.running(); }, Deadline),
             qPrintable(problem + u"\n"_s + o.text()));
    QVERIFY2(d.running(), qPrintable(d.readLog()));
    QCOMPARE(o.chainsOf(u"d"_s).size(), 1);
}

void TestEngines::frozenOwnerFindsItsLeaseLost()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    const ChainUnderTest &beta = *m_chains[1];
    const Ownership before = ownership();
    const QString frozenName = before.ownerOf(beta.chainId);
    ServeProcess *frozen = engine(frozenName);
    QVERIFY2(frozen, qPrintable(before.text()));
    const qint64 epochBefore = before.epochOf(beta.chainId);
    const QList<qint64> frozenChains = before.chainsOf(frozenName);
    frozen->readLog();
    const qsizetype logBefore = frozen->log.size();

    frozen->signal(SIGSTOP);
    auto thaw = qScopeGuard([frozen] { frozen->signal(SIGCONT); });
    sendTraffic(1, 40, 6, 8);
    QStringList others = runningNames();
    others.removeAll(frozenName);
    Ownership o;
    QString problem = u"not read yet"_s;
    auto takenOver = [&] {
        o = ownership();
        problem = ownershipProblem(o, others);
        if (problem.isEmpty() && o.epochOf(beta.chainId) <= epochBefore)
            problem = u"chain beta's epoch is %1, as before the freeze"_s.arg(o.epochOf(beta.chainId));
        return problem.isEmpty();
    };
    QVERIFY2(waitForListing(takenOver, Deadline), qPrintable(problem + u"\n"_s + o.text()));
    const QString heir = o.ownerOf(beta.chainId);
    const qint64 epochTaken = o.epochOf(beta.chainId);
    const qint64 head = nodeHead(1);
    QJsonObject row;
    QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, *m_db, beta.chainId))[u"checkpointBlock"_s].toInteger(-1) >= head; }),
             qPrintable(compact(row)));

    // Continued, the frozen engine finds the lease gone and does not write on with its old epoch.
    thaw.dismiss();
    frozen->signal(SIGCONT);
    const QRegularExpression lost(u"chain (%1|%2): lease lost"_s.arg(beta.chainId).arg(beta.name));
    QTRY_VERIFY2_WITH_TIMEOUT(lost.match(frozen->readLog().mid(logBefore)).hasMatch() || !frozen->running(),
                              qPrintable(frozen->log.mid(logBefore).right(4000)), Deadline);
    QVERIFY2(lost.match(frozen->log.mid(logBefore)).hasMatch(), qPrintable(frozen->log.mid(logBefore).right(4000)));
    qInfo("chain beta: %s frozen at epoch %lld, taken by %s at epoch %lld; %s", qPrintable(frozenName), epochBefore, qPrintable(heir),
          epochTaken, frozen->running() ? "the thawed engine runs on" : "the thawed engine exited");
    o = ownership();
    QVERIFY2(o.epochOf(beta.chainId) >= epochTaken, qPrintable(o.text()));
    // Should it own beta again, it took it with a new epoch, not the one it was frozen with.
    QVERIFY2(o.ownerOf(beta.chainId) != frozenName || o.epochOf(beta.chainId) > epochTaken, qPrintable(o.text()));
    for (qint64 id : frozenChains)
        QVERIFY2(o.ownerOf(id) != frozenName || o.epochOf(id) > before.epochOf(id), qPrintable(o.text()));
}

void TestEngines::moveDrainAndResume()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    const ChainUnderTest &gamma = *m_chains[2];
    const QStringList alive = runningNames();
    QVERIFY2(alive.size() >= 2, qPrintable(alive.join(u", "_s)));
    Ownership o;
    QString problem = u"not read yet"_s;
    // Every live process listed as a live engine too: one that was frozen before (the test
    // above) registers again with its next heartbeat, and a move is refused to an engine the
    // database does not list.
    auto settled = [&] {
        problem = ownershipProblem(o = ownership(), alive);
        for (const QString &name : alive) {
            if (problem.isEmpty() && !o.engine(name)[u"alive"_s].toBool())
                problem = u"engine %1 runs but is not listed as a live engine"_s.arg(name);
        }
        return problem.isEmpty();
    };
    QVERIFY2(waitForListing(settled, Deadline), qPrintable(problem + u"\n"_s + o.text()));

    // chain move: gamma to an engine that does not own it.
    QString target;
    for (const QString &name : alive) {
        if (name != o.ownerOf(gamma.chainId))
            target = name;
    }
    const qint64 epochBefore = o.epochOf(gamma.chainId);
    ArborctlRun r = runArborctl(Arborctl, *m_db, {u"chain"_s, u"move"_s, gamma.name, u"--to"_s, target});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(waitForListing(
                 [&] {
                     o = ownership();
                     return o.ownerOf(gamma.chainId) == target && o.engine(target)[u"chains"_s].toArray().contains(gamma.chainId);
                 },
                 Deadline),
             qPrintable(o.text()));
    QVERIFY2(o.epochOf(gamma.chainId) > epochBefore, qPrintable(o.text()));
    QVERIFY2(o.chain(gamma.chainId)[u"lease"_s][u"assignedTo"_s].toString() == target, qPrintable(o.text()));
    // The target, over its share now, hands another chain over; within a heartbeat or two every
    // chain is held again, and gamma stays where it was sent.
    QVERIFY2(waitForListing([&] { return (problem = ownershipProblem(o = ownership(), alive)).isEmpty(); }, Deadline),
             qPrintable(problem + u"\n"_s + o.text()));
    QCOMPARE(o.ownerOf(gamma.chainId), target);
    sendTraffic(2, 20, 4, 4);
    const qint64 gammaHead = nodeHead(2);
    QJsonObject row;
    QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, *m_db, gamma.chainId))[u"checkpointBlock"_s].toInteger(-1) >= gammaHead; }),
             qPrintable(compact(row)));

    // engines drain: the target gives up everything, the others hold every chain.
    r = runArborctl(Arborctl, *m_db, {u"engines"_s, u"drain"_s, target});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QStringList others = alive;
    others.removeAll(target);
    auto drained = [&] {
        o = ownership();
        problem = ownershipProblem(o, others);
        if (problem.isEmpty() && !o.engine(target)[u"draining"_s].toBool())
            problem = u"engine %1 is not shown draining"_s.arg(target);
        return problem.isEmpty();
    };
    QVERIFY2(waitForListing(drained, Deadline), qPrintable(problem + u"\n"_s + o.text()));
    QVERIFY2(o.chainsOf(target).isEmpty(), qPrintable(o.text()));
    QVERIFY2(engine(target), qPrintable(u"engine %1 exited when drained"_s.arg(target)));
    // It stays so: a few heartbeats later it still claims nothing.
    QTest::qWait(3000);
    QVERIFY2(drained(), qPrintable(problem + u"\n"_s + o.text()));
    sendTrafficEverywhere();

    // engines resume: it claims again.
    r = runArborctl(Arborctl, *m_db, {u"engines"_s, u"resume"_s, target});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(waitForListing([&] { return !(o = ownership()).chainsOf(target).isEmpty() && !o.engine(target)[u"draining"_s].toBool(true); },
                            Deadline),
             qPrintable(o.text()));
    // Gamma, assigned to it, comes back to it; every chain is held once the handovers settle.
    QVERIFY2(waitForListing([&] { return (problem = ownershipProblem(o = ownership(), alive)).isEmpty() && o.ownerOf(gamma.chainId) == target; },
                            Deadline),
             qPrintable(problem + u"\n"_s + o.text()));
}

void TestEngines::everyChainExactOnceTrafficStops()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    // The traffic has stopped: every chain reaches its node's head.
    for (int i = 0; i < m_chains.size(); ++i) {
        const ChainUnderTest &chain = *m_chains[i];
        const qint64 head = nodeHead(i);
        QJsonObject row;
        QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, *m_db, chain.chainId))[u"checkpointBlock"_s].toInteger(-1) == head; }),
                 qPrintable(compact(row)));
    }
    const ArborctlRun status = runArborctl(Arborctl, *m_db, {u"sync-status"_s, u"--json"_s});
    QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
    for (int i = 0; i < m_chains.size(); ++i) {
        const ChainUnderTest &chain = *m_chains[i];
        QString error;
        const auto logs = chain.devnet->rpc(u"eth_getLogs"_s,
                                            {QJsonObject{{u"fromBlock"_s, u"0x0"_s},
                                                         {u"toBlock"_s, u"latest"_s},
                                                         {u"address"_s, chain.token},
                                                         {u"topics"_s, QJsonArray{TransferTopic}}}},
                                            &error);
        QVERIFY2(logs, qPrintable(error));
        const qint64 nodeTransfers = logs->toArray().size();
        QCOMPARE(nodeTransfers, chain.transfersSent);
        qint64 indexed = -1;
        for (const QJsonValue &row : status.array()) {
            if (row[u"chainId"_s].toInteger() == chain.chainId && row[u"table"_s].toString() == u"token_transfers")
                indexed = row[u"productionRows"_s].toInteger(-1);
        }
        qInfo("chain %s: %lld transfers on the node, %lld indexed", qPrintable(chain.name), nodeTransfers, indexed);
        QVERIFY2(indexed == nodeTransfers, qPrintable(u"chain %1: %2 transfers indexed, the node has %3\n%4"_s.arg(chain.name).arg(indexed)
                                                          .arg(nodeTransfers).arg(status.out.left(3000))));
        const qint64 head = nodeHead(i);
        QString mismatch = u"not read yet"_s;
        QVERIFY2(waitForListing([&] {
                     mismatch = topHoldersMismatch(Arborctl, *m_db, chain.chainId, chain.token, chain.balances, chain.deployBlock, head);
                     return mismatch.isEmpty();
                 }),
                 qPrintable(u"chain %1: %2"_s.arg(chain.name, mismatch)));
    }
}

void TestEngines::webhookDeliveredOnceAcrossTakeover()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    // One webhook-id per event, each accepted; a retry of an attempt the killed engine had in
    // flight comes under the same id (the receiver's duplicate to drop), never under a new one.
    auto deliveredEvents = [this] {
        QHash<QString, QSet<QByteArray>> idsOf;   // event → webhook-ids accepted for it
        for (const WebhookReceiver::Received &r : m_receiver.received()) {
            if (r.answeredStatus / 100 == 2)
                idsOf[eventKey(QJsonDocument::fromJson(r.body)[u"event"_s].toObject())].insert(r.id);
        }
        return idsOf;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(deliveredEvents().size() >= m_registered.size(),
                              qPrintable(u"%1 of %2 registrations delivered"_s.arg(deliveredEvents().size()).arg(m_registered.size())), Deadline);
    const QHash<QString, QSet<QByteArray>> idsOf = deliveredEvents();
    QCOMPARE(sorted(idsOf.keys()), sorted(m_registered));
    for (auto it = idsOf.begin(); it != idsOf.end(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(u"event %1 delivered under %2 webhook-ids"_s.arg(it.key()).arg(it.value().size())));
    for (const WebhookReceiver::Received &r : m_receiver.received())
        QVERIFY2(r.verified, qPrintable(r.verifyError));
    qInfo("%lld registrations, %lld webhook-ids accepted, %lld requests received", qint64(m_registered.size()),
          qint64(m_receiver.acceptedIds().size()), qint64(m_receiver.count()));
    QCOMPARE(m_receiver.acceptedIds().size(), m_registered.size());
}

void TestEngines::stoppedEnginesHandOver()
{
    if (!requirePostgres())
        return;
    QVERIFY(!QTest::currentTestFailed());
    Ownership o = ownership();
    QStringList alive = runningNames();
    // The engine with the most chains stops first; its chains go to the others.
    QString first = alive.first();
    for (const QString &name : alive) {
        if (o.chainsOf(name).size() > o.chainsOf(first).size())
            first = name;
    }
    const QList<qint64> itsChains = o.chainsOf(first);
    QVERIFY2(!itsChains.isEmpty(), qPrintable(o.text()));
    ServeProcess *stopping = engine(first);
    stopping->process->terminate();
    QVERIFY(stopping->process->waitForFinished(30000));
    const QString log = stopping->readLog();
    QVERIFY2(stopping->process->exitStatus() == QProcess::NormalExit && stopping->process->exitCode() == 0, qPrintable(log.right(4000)));
    for (qint64 id : itsChains) {
        const QString name = std::find_if(m_chains.begin(), m_chains.end(), [id](const auto &c) { return c->chainId == id; })->get()->name;
        QVERIFY2(QRegularExpression(u"chain (%1|%2): handed over"_s.arg(id).arg(name)).match(log).hasMatch(), qPrintable(log.right(4000)));
    }
    alive.removeAll(first);
    QString problem = u"not read yet"_s;
    QVERIFY2(waitForListing([&] { return (problem = ownershipProblem(o = ownership(), alive)).isEmpty(); }, Deadline),
             qPrintable(problem + u"\n"_s + o.text()));

    for (const QString &name : alive) {
        ServeProcess *e = engine(name);
        e->process->terminate();
        QVERIFY(e->process->waitForFinished(30000));
        QVERIFY2(e->process->exitStatus() == QProcess::NormalExit && e->process->exitCode() == 0, qPrintable(e->readLog().right(4000)));
    }
}

void TestEngines::addOneTokenChain(Devnet &devnet, const TestDatabase &db)
{
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const auto deployed = devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QJsonObject token = deployed->value(u"tokens"_s).toArray().first().toObject();
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const ArborctlRun added = runArborctl(Arborctl, db,
                                          {u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(devnet.chainId()), u"--rpc"_s,
                                           devnet.rpcUrl().toString(), u"--start-block"_s, QString::number(token[u"deployBlock"_s].toInteger()),
                                           u"--confirmations"_s, u"0"_s, u"--poll-interval"_s, u"200"_s, u"--token"_s, token[u"address"_s].toString()});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
}

void TestEngines::sqliteServesOneEngine()
{
    if (TestDatabase::backend() != Backend::Sqlite)
        QSKIP("the SQLite case runs in engines_sqlite");
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    TestDatabase db;
    addOneTokenChain(devnet, db);
    if (QTest::currentTestFailed())
        return;
    const qint64 chainId = qint64(devnet.chainId());

    ServeProcess first;
    first.name = u"a"_s;
    dieWithParent(*first.process);
    startArborctl(*first.process, Arborctl, db, {u"serve"_s});
    QVERIFY2(first.process->waitForStarted(), qPrintable(first.process->errorString()));
    auto stopFirst = qScopeGuard([&] {
        if (first.running()) {
            first.process->kill();
            first.process->waitForFinished();
        }
    });
    QTRY_VERIFY2_WITH_TIMEOUT(first.readLog().contains(u"arborctl: serving"_s) || !first.running(), qPrintable(first.log), 30000);
    QVERIFY2(first.running(), qPrintable(first.log));

    ServeProcess second;
    second.name = u"b"_s;
    dieWithParent(*second.process);
    startArborctl(*second.process, Arborctl, db, {u"serve"_s, u"--engine-name"_s, u"b"_s});
    QVERIFY2(second.process->waitForStarted(), qPrintable(second.process->errorString()));
    auto stopSecond = qScopeGuard([&] {
        if (second.running()) {
            second.process->kill();
            second.process->waitForFinished();
        }
    });
    // Refused (it exits) or read-only (it says so and serves on): either way it names PostgreSQL.
    QTRY_VERIFY2_WITH_TIMEOUT(second.readLog().contains(u"PostgreSQL"_s) || !second.running(), qPrintable(second.log), 30000);
    // A refusal is an error on its way out (slow under ThreadSanitizer): let it finish exiting.
    if (second.readLog().contains(u"error:"_s))
        second.process->waitForFinished(30000);
    second.readLog();
    qInfo().noquote() << "the second engine on SQLite" << (second.running() ? u"serves on and says:"_s : u"exited %1 and says:"_s.arg(second.process->exitCode()))
                      << second.log.trimmed().right(600);
    QVERIFY2(second.log.contains(u"PostgreSQL"_s), qPrintable(second.log));
    if (!second.running())
        QVERIFY2(second.process->exitStatus() == QProcess::NormalExit && second.process->exitCode() != 0, qPrintable(second.log));

    // The first engine keeps the chain and goes on indexing it.
    for (int i = 0; i < 3; ++i)
        QVERIFY2(devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    const auto head = devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(head, qPrintable(error));
    QJsonObject row;
    QVERIFY2(waitForListing([&] {
                                return (row = chainRow(Arborctl, db, chainId))[u"checkpointBlock"_s].toInteger(-1) == hexNumber(*head);
                            }),
             qPrintable(compact(row)));
    QVERIFY2(first.running() && !first.readLog().contains(u"lease lost"_s), qPrintable(first.log));
    if (second.running()) {
        second.process->terminate();
        QVERIFY(second.process->waitForFinished(30000));
        QCOMPARE(second.process->exitCode(), 0);
    }
    first.process->terminate();
    QVERIFY(first.process->waitForFinished(30000));
    QVERIFY2(first.process->exitCode() == 0, qPrintable(first.readLog()));
}

void TestEngines::expiredLeaseIsRenewedAndIndexingGoesOn()
{
    if (TestDatabase::backend() != Backend::Sqlite)
        QSKIP("the SQLite case runs in engines_sqlite");
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    TestDatabase db;
    addOneTokenChain(devnet, db);
    if (QTest::currentTestFailed())
        return;
    const qint64 chainId = qint64(devnet.chainId());
    const auto head = [&] {
        const auto answer = devnet.rpc(u"eth_blockNumber"_s, {}, &error);
        return answer ? hexNumber(*answer) : -1;
    };
    const auto mine = [&](int blocks) {
        for (int i = 0; i < blocks; ++i) {
            if (!devnet.rpc(u"evm_mine"_s, {}, &error))
                return false;
        }
        return true;
    };

    ServeProcess serve;
    dieWithParent(*serve.process);
    startArborctl(*serve.process, Arborctl, db, {u"serve"_s, u"--lease-seconds"_s, LeaseSeconds});
    QVERIFY2(serve.process->waitForStarted(), qPrintable(serve.process->errorString()));
    auto stop = qScopeGuard([&] {
        if (serve.running()) {
            serve.process->kill();
            serve.process->waitForFinished();
        }
    });
    QJsonObject row;
    QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, db, chainId))[u"checkpointBlock"_s].toInteger(-1) == head(); }),
             qPrintable(compact(row) + serve.readLog()));
    const qint64 epoch = row[u"lease"_s][u"epoch"_s].toInteger(-1);
    QVERIFY2(epoch > 0, qPrintable(compact(row)));

    // The lease expires and every renewal is undone, as if each heartbeat came too late: the
    // next promotion is refused and the indexer stands down.
    auto store = db.open(false);
    QVERIFY(store);
    QVERIFY2(store->exec(u"CREATE TRIGGER test_lease_expires AFTER UPDATE ON arbor_chain_leases BEGIN "
                         "UPDATE arbor_chain_leases SET expires_at = 0 WHERE chain_id = NEW.chain_id; END"_s),
             "cannot create the trigger");
    QVERIFY2(store->exec(u"UPDATE arbor_chain_leases SET expires_at = 0"_s), "cannot expire the lease");
    QVERIFY2(mine(3), qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(serve.readLog().contains(u"lease lost"_s) || !serve.running(), qPrintable(serve.log), Deadline);
    QVERIFY2(serve.running(), qPrintable(serve.log));

    // Heartbeats reach the lease again: renewed under the same epoch, and indexing goes on.
    QVERIFY2(store->exec(u"DROP TRIGGER test_lease_expires"_s), "cannot drop the trigger");
    QVERIFY2(mine(3), qPrintable(error));
    QVERIFY2(waitForListing([&] { return (row = chainRow(Arborctl, db, chainId))[u"checkpointBlock"_s].toInteger(-1) == head(); }),
             qPrintable(compact(row) + u"\n"_s + serve.readLog().right(3000)));
    QCOMPARE(row[u"lease"_s][u"epoch"_s].toInteger(-1), epoch);
    QVERIFY2(serve.running(), qPrintable(serve.log));
    serve.process->terminate();
    QVERIFY(serve.process->waitForFinished(30000));
    QVERIFY2(serve.process->exitCode() == 0, qPrintable(serve.readLog()));
}

} // namespace tst_engines

ARBOR_GUILESS_TEST_MAIN(engines, tst_engines::TestEngines)
#include "tst_engines.moc"
