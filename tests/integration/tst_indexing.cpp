// Indexing end to end: arborctl index/serve/reindex/resync/sync-status/add-token against a real
// devnet, on SQLite and PostgreSQL. What is indexed is checked against what the devnet's traffic
// generators computed themselves, never against what the indexer wrote before.
//
// The test functions share one devnet and one database and run in declaration order: the chain
// is indexed in initTestCase, damaged and repaired (reindex, resync, gap fill), reorganised
// twice, and finally given a fourth token and, while `serve` runs, a fifth. Each function states
// what it expects to find.
#include "devnet.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "model/entitydef.h"
#include "store/agentreputation.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <boost/multiprecision/cpp_int.hpp>

#include <map>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_indexing {

namespace {

using BigInt = boost::multiprecision::cpp_int;

/// `value` / 10^decimals as decimal text: no leading zeros, no trailing fraction zeros, "0" for zero.
QString decimalText(const BigInt &value, int decimals)
{
    const BigInt magnitude = value < 0 ? BigInt(-value) : value;
    QString digits = QString::fromStdString(magnitude.str()).rightJustified(decimals + 1, u'0');
    QString fraction = digits.right(decimals);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    const QString text = digits.left(digits.size() - decimals) + (fraction.isEmpty() ? QString() : u'.' + fraction);
    return value < 0 ? u'-' + text : text;
}

/// A signed decimal integer as the generator writes it ("-170141183460469231731687303715884105728").
BigInt integerOf(const QString &text)
{
    QString digits = text;
    const bool negative = digits.startsWith(u'-');
    digits.remove(u'-');
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);   // Boost reads a leading 0 as octal
    const BigInt magnitude(digits.toStdString());
    return negative ? BigInt(-magnitude) : magnitude;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString describe(const Run &r)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.exitCode).arg(r.out, r.err);
}

Run arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"ARBOR_DB"_s);
    p.setProcessEnvironment(env);
    p.start(BuildPaths::arborctl(), QStringList{u"--db"_s, db.urlString()} + args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = u"arborctl timed out: "_s + QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray hexBytes(const QString &hex)
{
    return QByteArray::fromHex(hex.mid(hex.startsWith(u"0x"_s) ? 2 : 0).toLatin1());
}

QString hexText(const QByteArray &bytes)
{
    return u"0x"_s + QString::fromLatin1(bytes.toHex());
}

U256 decimal(const QString &text)
{
    auto v = u256::fromDecimal(text);
    return v ? *v : U256(0);
}

/// One value as text: NULL, 0x-hex for bytes, otherwise its text.
QString cell(const QVariant &v)
{
    if (v.isNull())
        return u"NULL"_s;
    if (v.typeId() == QMetaType::QByteArray)
        return hexText(v.toByteArray());
    return v.toString();
}

QStringList dump(const QList<SqlRow> &rows)
{
    QStringList out;
    for (const SqlRow &r : rows) {
        QStringList cells;
        for (const QVariant &v : r)
            cells.append(cell(v));
        out.append(cells.join(u" | "_s));
    }
    return out;
}

/// Empty when equal; otherwise the table and the first row that differs.
QString difference(const QMap<QString, QStringList> &actual, const QMap<QString, QStringList> &expected)
{
    QStringList tables = actual.keys() + expected.keys();
    tables.removeDuplicates();
    for (const QString &table : std::as_const(tables)) {
        const QStringList a = actual.value(table), e = expected.value(table);
        for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QString got = a.value(i, u"(no row)"_s), want = e.value(i, u"(no row)"_s);
            if (got != want)
                return u"%1, row %2 of %3 (expected %4 rows):\n  actual:   %5\n  expected: %6"_s.arg(table).arg(i).arg(a.size()).arg(e.size()).arg(got, want);
        }
    }
    return {};
}

#define COMPARE_TABLES(actual, expected)                        \
    do {                                                        \
        const QString tablesDiffer = difference(actual, expected); \
        QVERIFY2(tablesDiffer.isEmpty(), qPrintable(tablesDiffer)); \
    } while (false)

} // namespace

class TestIndexing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void indexesWhatTheGeneratorsSent();
    void reindexRejectsBadInputAndRecordsNothing_data();
    void reindexRejectsBadInputAndRecordsNothing();
    void reindexRestoresDamagedRange();
    void reindexRebuildsAgentState();
    void reindexIsServedByRunningEngine();
    void resyncRebuildsGlobalRows();
    void refillsGapInIndexedRanges();
    void followsReorgAtTheTip();
    void rollsBackDeepReorg();
    void addedTokenIsBackfilledAlone();
    void tokenAddedWhileServingLosesNoTransfers();

private:
    // Table names of the indexed chain.
    QString prod(const QString &entity) const { return ddl::entityTable(m_backend, ddl::TableKind::Production, m_chainId, entity); }
    QString global(const QString &entity) const { return ddl::entityTable(m_backend, ddl::TableKind::Global, 0, entity); }
    QString admin(const QString &name) const { return ddl::adminTable(m_backend, name); }

    qint64 nodeHead();
    /// `arborctl serve` in the background; stopServe() ends it with SIGTERM and checks it exits 0.
    std::unique_ptr<QProcess> startServe();
    void stopServe(QProcess &serve);
    Run index(qint64 untilBlock);
    std::unique_ptr<Store> openStore();
    QList<SqlRow> rows(Store &store, const QString &sql, const QVariantList &params = {});
    std::optional<qint64> checkpoint(Store &store);

    /// Every transfer counted per token (with mints), balances per holder summed from the indexed
    /// rows, all against m_transferCount / m_balances.
    void checkTransfers(Store &store, const QStringList &tokens);
    /// agent_events equals `expected` (generator events) field by field, and the agent tables
    /// (production and global) hold what those events imply.
    void checkAgents(Store &store, const QJsonArray &expected);
    /// block_summaries agree with blocks and token_transfers, and the global rows with production.
    void checkBlockSummaries(Store &store);
    /// blocks hold 0..head once each, chained by parent hash, ending in the node's head block.
    void checkBlocks(Store &store, qint64 head);
    /// `arborctl sync-status --json`: production and global counts agree, lag 0 at `head`.
    void checkSyncStatus(Store &store, qint64 head);
    /// Applies a Devnet::reorg() result to the expected transfers and balances.
    void expectReorg(const QJsonObject &reorg);
    void checkReorg(Store &store, const QJsonObject &reorg, qint64 head);
    /// Every cross-chain table's rows of this chain, without updated_at.
    QMap<QString, QStringList> globalRows(Store &store);

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    Backend m_backend = Backend::Sqlite;
    qint64 m_chainId = 31337;
    QStringList m_tokens;                                   ///< lowercase 0x-hex
    QJsonObject m_registries;
    QStringList m_holders;
    qint64 m_trafficFrom = 0;
    qint64 m_trafficTo = 0;
    QJsonArray m_agentEvents;                               ///< as the generator sent them
    qint64 m_agentsFrom = 0;
    qint64 m_agentsTo = 0;
    Run m_firstIndex;                                       ///< `arborctl index` of initTestCase
    qint64 m_firstIndexHead = 0;
    QHash<QString, qint64> m_transferCount;                 ///< token → Transfer logs incl. mints
    QHash<QString, QHash<QString, U256>> m_balances;        ///< token → holder → balance
};

// --- helpers ------------------------------------------------------------------------------------

qint64 TestIndexing::nodeHead()
{
    QString error;
    auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head) {
        qWarning() << "eth_blockNumber:" << error;
        return -1;
    }
    return head->toString().toLongLong(nullptr, 16);
}

std::unique_ptr<QProcess> TestIndexing::startServe()
{
    auto serve = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"ARBOR_DB"_s);
    serve->setProcessEnvironment(env);
    serve->start(BuildPaths::arborctl(), {u"--db"_s, m_db->urlString(), u"serve"_s});
    if (!serve->waitForStarted())
        qWarning() << "arborctl serve did not start:" << serve->errorString();
    return serve;
}

void TestIndexing::stopServe(QProcess &serve)
{
    QVERIFY2(serve.state() == QProcess::Running, qPrintable(QString::fromUtf8(serve.readAllStandardError())));
    serve.terminate();
    QVERIFY(serve.waitForFinished(30000));
    const QString log = QString::fromUtf8(serve.readAllStandardError());
    QVERIFY2(serve.exitStatus() == QProcess::NormalExit && serve.exitCode() == 0, qPrintable(log));
    QVERIFY2(log.contains(u"stopping"_s), qPrintable(log));
    auto store = openStore();
    QCOMPARE(*store->rowCount(admin(u"lease"_s)), 0);
}

Run TestIndexing::index(qint64 untilBlock)
{
    return arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(untilBlock),
                            u"--json"_s});
}

std::unique_ptr<Store> TestIndexing::openStore()
{
    return m_db->open(false);
}

QList<SqlRow> TestIndexing::rows(Store &store, const QString &sql, const QVariantList &params)
{
    auto result = store.query(sql, params);
    if (!result) {
        qWarning().noquote() << "query failed:" << result.error().toString() << "\n" << sql;
        return {};
    }
    return *result;
}

std::optional<qint64> TestIndexing::checkpoint(Store &store)
{
    const auto r = rows(store, u"SELECT block_number FROM "_s + admin(u"checkpoints"_s) + u" WHERE chain_id = ?"_s, {m_chainId});
    if (r.isEmpty())
        return std::nullopt;
    return r.first().first().toLongLong();
}

void TestIndexing::checkTransfers(Store &store, const QStringList &tokens)
{
    const QByteArray zero(20, '\0');
    for (const QString &token : tokens) {
        const QList<SqlRow> all = rows(store, u"SELECT from_address, to_address, value FROM "_s + prod(u"token_transfers"_s)
                                                  + u" WHERE token = ?"_s,
                                       {hexBytes(token)});
        QVERIFY2(all.size() == m_transferCount.value(token),
                 qPrintable(u"token %1: %2 transfers indexed, the generator sent %3"_s.arg(token).arg(all.size()).arg(m_transferCount.value(token))));

        std::map<QByteArray, std::pair<U256, U256>> flows;   // holder → (in, out)
        for (const SqlRow &r : all) {
            auto value = store.u256FromValue(r[2], u"value"_s);
            QVERIFY2(value, qPrintable(value ? QString() : value.error().toString()));
            if (r[0].toByteArray() != zero)
                flows[r[0].toByteArray()].second += *value;
            if (r[1].toByteArray() != zero)
                flows[r[1].toByteArray()].first += *value;
        }
        const QHash<QString, U256> &expected = m_balances.value(token);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto f = flows.find(hexBytes(it.key()));
            const U256 in = f == flows.end() ? U256(0) : f->second.first;
            const U256 out = f == flows.end() ? U256(0) : f->second.second;
            QVERIFY2(in >= out, qPrintable(u"token %1 holder %2 sent more than it received"_s.arg(token, it.key())));
            QVERIFY2(in - out == it.value(), qPrintable(u"token %1 holder %2: indexed balance %3, expected %4"_s
                                                            .arg(token, it.key(), u256::toDecimal(in - out), u256::toDecimal(it.value()))));
        }
        // Nobody the generator does not know of holds anything.
        for (const auto &[holder, f] : flows) {
            if (!expected.contains(hexText(holder)))
                QVERIFY2(f.first == f.second, qPrintable(u"token %1: unexpected holder %2"_s.arg(token, hexText(holder))));
        }
    }
}

void TestIndexing::checkAgents(Store &store, const QJsonArray &expected)
{
    const QStringList columns{u"block_number"_s, u"log_index"_s, u"tx_hash"_s, u"registry"_s, u"registry_kind"_s, u"event"_s,
                              u"agent_id"_s, u"actor"_s, u"counterparty"_s, u"feedback_index"_s, u"value"_s,
                              u"value_decimals"_s, u"tag1"_s, u"tag2"_s, u"uri"_s, u"data_hash"_s, u"metadata_key"_s,
                              u"metadata_value"_s, u"response"_s, u"endpoint"_s, u"request_hash"_s};
    const QList<SqlRow> indexed = rows(store, u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + prod(u"agent_events"_s)
                                                  + u" ORDER BY block_number, log_index"_s);
    QCOMPARE(indexed.size(), expected.size());

    // The generator's event as the row should hold it; fields an event does not have are NULL.
    auto expectedRow = [&](const QJsonObject &e) {
        QMap<QString, QString> v;
        for (const QString &c : columns)
            v[c] = u"NULL"_s;
        auto text = [&](const char *column, const char *field) { v[QLatin1String(column)] = e.value(QLatin1String(field)).toString(); };
        auto number = [&](const char *column, const char *field) {
            const QJsonValue x = e.value(QLatin1String(field));
            v[QLatin1String(column)] = x.isString() ? x.toString() : QString::number(x.toInteger());
        };
        number("block_number", "blockNumber");
        number("log_index", "logIndex");
        text("tx_hash", "txHash");
        text("registry", "registry");
        text("registry_kind", "kind");
        text("event", "event");
        text("agent_id", "agentId");
        const QString event = e.value(u"event"_s).toString();
        if (event == u"Registered") {
            text("actor", "owner");
            text("uri", "agentURI");
        } else if (event == u"MetadataSet") {
            text("metadata_key", "metadataKey");
            text("metadata_value", "metadataValue");
        } else if (event == u"URIUpdated") {
            text("actor", "updatedBy");
            text("uri", "newURI");
        } else if (event == u"NewFeedback") {
            text("actor", "clientAddress");
            number("feedback_index", "feedbackIndex");
            text("value", "value");
            number("value_decimals", "valueDecimals");
            text("tag1", "tag1");
            text("tag2", "tag2");
            text("endpoint", "endpoint");
            text("uri", "feedbackURI");
            text("data_hash", "feedbackHash");
        } else if (event == u"FeedbackRevoked") {
            text("actor", "clientAddress");
            number("feedback_index", "feedbackIndex");
        } else if (event == u"ResponseAppended") {
            text("actor", "clientAddress");
            text("counterparty", "responder");
            number("feedback_index", "feedbackIndex");
            text("uri", "responseURI");
            text("data_hash", "responseHash");
        } else if (event == u"ValidationRequest") {
            text("actor", "validatorAddress");
            text("uri", "requestURI");
            text("request_hash", "requestHash");
        } else if (event == u"ValidationResponse") {
            text("actor", "validatorAddress");
            text("request_hash", "requestHash");
            number("response", "response");
            text("uri", "responseURI");
            text("data_hash", "responseHash");
            text("tag1", "tag");
        } else {
            v[u"event"_s] = u"unknown generated event "_s + event;
        }
        return v;
    };

    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QMap<QString, QString> want = expectedRow(expected[i].toObject());
        const SqlRow &row = indexed[i];
        for (qsizetype c = 0; c < columns.size(); ++c) {
            QString got = cell(row[c]);
            if (columns[c] == u"agent_id") {
                auto id = store.u256FromValue(row[c], u"agent_id"_s);
                got = id ? u256::toDecimal(*id) : id.error().toString();
            }
            const QString &name = columns[c];
            QVERIFY2(got == want.value(name), qPrintable(u"event %1 (%2 in block %3): %4 is “%5”, the generator sent “%6”"_s
                                                             .arg(i)
                                                             .arg(want.value(u"event"_s), want.value(u"block_number"_s), name, got,
                                                                  want.value(name))));
        }
    }

    // What the events imply: an identity per registered agent (owner, latest URI, first and
    // latest block of its identity events) and feedback counts per agent.
    QStringList identities, reputation;
    {
        struct Identity { QString owner, uri; qint64 registered = -1, last = 0; };
        struct Reputation { qint64 feedback = 0, revoked = 0, last = 0; };
        std::map<std::pair<QString, QString>, Identity> ids;
        std::map<std::pair<QString, QString>, Reputation> reps;
        for (const QJsonValue &x : expected) {
            const QJsonObject e = x.toObject();
            const auto key = std::make_pair(e.value(u"registry"_s).toString(), e.value(u"agentId"_s).toString());
            const QString event = e.value(u"event"_s).toString();
            const qint64 block = e.value(u"blockNumber"_s).toInteger();
            const QString kind = e.value(u"kind"_s).toString();
            if (kind == u"identity") {
                Identity &id = ids[key];
                if (event == u"Registered") {
                    id.owner = e.value(u"owner"_s).toString();
                    id.uri = e.value(u"agentURI"_s).toString();
                    if (id.registered < 0)
                        id.registered = block;
                } else if (event == u"URIUpdated") {
                    id.uri = e.value(u"newURI"_s).toString();
                }
                id.last = std::max(id.last, block);
            } else if (kind == u"reputation") {
                Reputation &r = reps[key];
                r.feedback += event == u"NewFeedback";
                r.revoked += event == u"FeedbackRevoked";
                r.last = std::max(r.last, block);
            }
        }
        for (const auto &[key, id] : ids)
            identities.append(QStringList{key.first, key.second, id.owner, id.uri, QString::number(id.registered), QString::number(id.last)}
                                  .join(u" | "_s));
        for (const auto &[key, r] : reps)
            reputation.append(QStringList{key.first, key.second, QString::number(r.feedback), QString::number(r.revoked), QString::number(r.last)}
                                  .join(u" | "_s));
    }
    identities.sort();
    reputation.sort();
    QVERIFY2(!identities.isEmpty() && !reputation.isEmpty(), "the generator should have registered agents and given feedback");

    auto read = [&](const QString &table, const QString &columnList, bool isGlobal) {
        QStringList out;
        const QString sql = u"SELECT "_s + columnList + u" FROM "_s + table + (isGlobal ? u" WHERE chain_id = ?"_s : QString());
        for (SqlRow r : rows(store, sql, isGlobal ? QVariantList{m_chainId} : QVariantList{})) {
            auto id = store.u256FromValue(r[1], u"agent_id"_s);
            r[1] = id ? u256::toDecimal(*id) : id.error().toString();
            out.append(dump({r}).first());
        }
        out.sort();
        return out;
    };
    const QString identityColumns = u"registry, agent_id, owner, uri, registered_block, last_block"_s;
    const QString reputationColumns = u"registry, agent_id, feedback_count, revoked_count, last_block"_s;
    QCOMPARE(read(prod(u"agent_identities"_s), identityColumns, false), identities);
    QCOMPARE(read(global(u"agent_identities"_s), identityColumns, true), identities);
    QCOMPARE(read(prod(u"agent_reputation"_s), reputationColumns, false), reputation);
    QCOMPARE(read(global(u"agent_reputation"_s), reputationColumns, true), reputation);

    // What the Agents page reads of each agent given feedback: counts, the feedback not revoked
    // per tag (count, exact total, mean to within half a unit of its last decimal, six beyond the
    // most precise value's) and the latest feedback, all from the generator's events.
    struct Page
    {
        qint64 feedback = 0, revoked = 0, last = 0;
        std::map<QString, std::pair<qint64, std::map<int, BigInt>>> tags;   ///< tag → count, decimals → sum
        QJsonObject latest;
    };
    std::map<QString, Page> pages;
    QSet<QString> revokedKeys;
    auto feedbackKey = [](const QJsonObject &e) -> QString {
        return e.value(u"agentId"_s).toString() + u'/' + e.value(u"clientAddress"_s).toString().toLower() + u'/'
            + e.value(u"feedbackIndex"_s).toString();
    };
    for (const QJsonValue &x : expected) {
        if (x.toObject().value(u"event"_s).toString() == u"FeedbackRevoked")
            revokedKeys.insert(feedbackKey(x.toObject()));
    }
    QVERIFY2(!revokedKeys.isEmpty(), "the generator should have revoked feedback");
    for (const QJsonValue &x : expected) {
        const QJsonObject e = x.toObject();
        if (e.value(u"kind"_s).toString() != u"reputation")
            continue;
        Page &p = pages[e.value(u"agentId"_s).toString()];
        const QString event = e.value(u"event"_s).toString();
        p.last = std::max(p.last, e.value(u"blockNumber"_s).toInteger());
        p.revoked += event == u"FeedbackRevoked";
        if (event != u"NewFeedback")
            continue;
        ++p.feedback;
        p.latest = e;   // events are in chain order
        if (!revokedKeys.contains(feedbackKey(e))) {
            auto &[count, sums] = p.tags[e.value(u"tag1"_s).toString()];
            ++count;
            sums[int(e.value(u"valueDecimals"_s).toString().toInt())] += integerOf(e.value(u"value"_s).toString());
        }
    }
    for (const auto &[agent, p] : pages) {
        auto page = readAgentReputation(store, m_chainId, agent);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        const QString what = u"agent "_s + agent;
        QVERIFY2(page->feedbackCount == p.feedback && page->revokedCount == p.revoked && page->lastBlock == p.last, qPrintable(what));
        QVERIFY2(page->tags.size() == qsizetype(p.tags.size()), qPrintable(what));
        for (const TagAverage &t : page->tags) {
            const auto it = p.tags.find(t.tag);
            QVERIFY2(it != p.tags.end(), qPrintable(what + u": tag “"_s + t.tag + u'”'));
            const auto &[count, sums] = it->second;
            const int scale = sums.rbegin()->first;
            BigInt total = 0;
            for (const auto &[decimals, sum] : sums)
                total += sum * boost::multiprecision::pow(BigInt(10), unsigned(scale - decimals));
            QCOMPARE(t.count, count);
            QCOMPARE(t.sum, decimalText(total, scale));
            const qsizetype dot = t.average.indexOf(u'.');
            const int places = dot < 0 ? 0 : int(t.average.size() - dot - 1);
            QVERIFY2(places <= scale + 6, qPrintable(t.average));
            const BigInt shown = integerOf(QString(t.average).remove(u'.')) * boost::multiprecision::pow(BigInt(10), unsigned(scale + 6 - places));
            BigInt error = shown * count - total * 1'000'000;
            if (error < 0)
                error = -error;
            QVERIFY2(2 * error <= count, qPrintable(u"%1, tag “%2”: average %3 of %4 values summing to %5"_s.arg(what, t.tag, t.average).arg(count).arg(t.sum)));
        }
        QVERIFY2(page->latest, qPrintable(what));
        const FeedbackSummary &l = *page->latest;
        QCOMPARE(l.client.toLower(), p.latest.value(u"clientAddress"_s).toString());
        QCOMPARE(l.feedbackIndex, p.latest.value(u"feedbackIndex"_s).toString().toLongLong());
        QCOMPARE(l.value, decimalText(integerOf(p.latest.value(u"value"_s).toString()), p.latest.value(u"valueDecimals"_s).toString().toInt()));
        QCOMPARE(l.tag1, p.latest.value(u"tag1"_s).toString());
        QCOMPARE(l.tag2, p.latest.value(u"tag2"_s).toString());
        QCOMPARE(l.blockNumber, p.latest.value(u"blockNumber"_s).toInteger());
        QCOMPARE(l.txHash, p.latest.value(u"txHash"_s).toString());
        QCOMPARE(l.feedbackUri, p.latest.value(u"feedbackURI"_s).toString());
        QCOMPARE(l.revoked, revokedKeys.contains(feedbackKey(p.latest)));
    }
}

void TestIndexing::checkBlockSummaries(Store &store)
{
    const QString columns = u"day, first_block, last_block, block_count, tx_count, transfer_count, gas_used"_s;
    const QList<SqlRow> production = rows(store, u"SELECT "_s + columns + u" FROM "_s + prod(u"block_summaries"_s) + u" ORDER BY day"_s);
    QVERIFY2(!production.isEmpty(), "no block summaries");
    qint64 blocks = 0, transfers = 0;
    for (const SqlRow &r : production) {
        const qint64 first = r[1].toLongLong(), last = r[2].toLongLong();
        const SqlRow actual = rows(store, u"SELECT COUNT(*), COALESCE(SUM(tx_count), 0), COALESCE(SUM(gas_used), 0) FROM "_s + prod(u"blocks"_s)
                                              + u" WHERE number BETWEEN ? AND ?"_s,
                                   {first, last})
                                  .value(0);
        const qint64 transfersOfDay = *store.rowCount(prod(u"token_transfers"_s), u"block_number BETWEEN ? AND ?"_s, {first, last});
        QCOMPARE(r[3].toLongLong(), actual.value(0).toLongLong());
        QCOMPARE(r[4].toLongLong(), actual.value(1).toLongLong());
        QCOMPARE(r[6].toLongLong(), actual.value(2).toLongLong());
        QVERIFY2(r[5].toLongLong() == transfersOfDay, qPrintable(u"day %1 counts %2 transfers, blocks %3-%4 hold %5"_s
                                                                     .arg(r[0].toLongLong()).arg(r[5].toLongLong()).arg(first).arg(last).arg(transfersOfDay)));
        blocks += r[3].toLongLong();
        transfers += r[5].toLongLong();
    }
    QCOMPARE(blocks, *store.rowCount(prod(u"blocks"_s)));
    QCOMPARE(transfers, *store.rowCount(prod(u"token_transfers"_s)));
    const QList<SqlRow> globalRows = rows(store, u"SELECT "_s + columns + u" FROM "_s + global(u"block_summaries"_s)
                                                     + u" WHERE chain_id = ? ORDER BY day"_s,
                                          {m_chainId});
    QCOMPARE(dump(globalRows), dump(production));
}

void TestIndexing::checkBlocks(Store &store, qint64 head)
{
    const QList<SqlRow> blocks = rows(store, u"SELECT number, hash, parent_hash FROM "_s + prod(u"blocks"_s) + u" ORDER BY number"_s);
    QCOMPARE(blocks.size(), head + 1);
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QCOMPARE(blocks[i][0].toLongLong(), qint64(i));
        if (i > 0)
            QVERIFY2(blocks[i][2] == blocks[i - 1][1], qPrintable(u"block %1 does not build on block %2"_s.arg(i).arg(i - 1)));
    }
    QString error;
    auto tip = m_devnet.rpc(u"eth_getBlockByNumber"_s, QJsonArray{QString(u"0x"_s + QString::number(head, 16)), false}, &error);
    QVERIFY2(tip, qPrintable(error));
    QCOMPARE(cell(blocks.last()[1]), tip->toObject().value(u"hash"_s).toString());
}

void TestIndexing::checkSyncStatus(Store &store, qint64 head)
{
    const Run r = arborctl(*m_db, {u"sync-status"_s, u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonArray status = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QSet<QString> seen;
    for (const QJsonValue &x : status) {
        const QJsonObject row = x.toObject();
        if (row.value(u"chainId"_s).toInteger() != m_chainId)
            continue;
        const QString table = row.value(u"table"_s).toString();
        const EntityDef *entity = findEvmEntity(table);
        QVERIFY2(entity, qPrintable(table));
        seen.insert(table);
        QCOMPARE(row.value(u"productionRows"_s).toInteger(), *store.rowCount(prod(table)));
        QCOMPARE(row.value(u"checkpoint"_s).toInteger(), head);
        QCOMPARE(row.value(u"head"_s).toInteger(), head);
        QVERIFY2(row.value(u"lag"_s).isDouble() && row.value(u"lag"_s).toInteger() == 0, qPrintable(r.out));
        if (entity->crossChain) {
            QCOMPARE(row.value(u"globalRows"_s).toInteger(), row.value(u"productionRows"_s).toInteger());
            QCOMPARE(row.value(u"globalRows"_s).toInteger(), *store.rowCount(global(table), u"chain_id = ?"_s, {m_chainId}));
        } else {
            QVERIFY2(row.value(u"globalRows"_s).isNull(), qPrintable(table));
        }
    }
    QCOMPARE(seen.size(), evmEntities().size());
}

void TestIndexing::expectReorg(const QJsonObject &reorg)
{
    for (const QJsonValue &t : reorg.value(u"removedTransfers"_s).toArray())
        --m_transferCount[t.toObject().value(u"token"_s).toString()];
    for (const QJsonValue &t : reorg.value(u"addedTransfers"_s).toArray())
        ++m_transferCount[t.toObject().value(u"token"_s).toString()];
    const QJsonObject balances = reorg.value(u"balances"_s).toObject();
    for (auto token = balances.begin(); token != balances.end(); ++token) {
        const QJsonObject holders = token.value().toObject();
        for (auto h = holders.begin(); h != holders.end(); ++h)
            m_balances[token.key()][h.key()] = decimal(h.value().toString());
    }
}

void TestIndexing::checkReorg(Store &store, const QJsonObject &reorg, qint64 head)
{
    const qint64 depth = reorg.value(u"depth"_s).toInteger();
    const qint64 ancestor = reorg.value(u"commonAncestor"_s).toInteger();
    const QString first = QString::number(ancestor + 1);

    // The reorg log names the depth, the common ancestor and both hashes of the first replaced block.
    const QList<SqlRow> log = rows(store, u"SELECT depth, ancestor_block, old_head, old_hash, new_hash FROM "_s + admin(u"reorgs"_s)
                                              + u" WHERE chain_id = ? ORDER BY id DESC"_s,
                                   {m_chainId});
    QVERIFY2(!log.isEmpty(), "no reorg recorded");
    QCOMPARE(log.first()[0].toLongLong(), depth);
    QCOMPARE(log.first()[1].toLongLong(), ancestor);
    QCOMPARE(cell(log.first()[3]), reorg.value(u"oldHashes"_s).toObject().value(first).toString());
    QCOMPARE(cell(log.first()[4]), reorg.value(u"newHashes"_s).toObject().value(first).toString());

    // The blocks are the new fork's.
    const QJsonObject newHashes = reorg.value(u"newHashes"_s).toObject();
    for (auto it = newHashes.begin(); it != newHashes.end(); ++it) {
        const auto stored = rows(store, u"SELECT hash FROM "_s + prod(u"blocks"_s) + u" WHERE number = ?"_s, {it.key().toLongLong()});
        QVERIFY2(stored.size() == 1, qPrintable(u"block %1 missing"_s.arg(it.key())));
        QCOMPARE(cell(stored.first()[0]), it.value().toString());
    }
    checkBlocks(store, head);
    if (QTest::currentTestFailed())
        return;

    // Orphaned transfers are gone, the new ones are there as sent.
    const QJsonArray removed = reorg.value(u"removedTransfers"_s).toArray();
    QVERIFY2(!removed.isEmpty(), "the reorg replaced no transfers; it tests nothing");
    for (const QJsonValue &x : removed) {
        const QJsonObject t = x.toObject();
        QCOMPARE(*store.rowCount(prod(u"token_transfers"_s), u"tx_hash = ?"_s, {hexBytes(t.value(u"txHash"_s).toString())}), 0);
    }
    const QJsonArray added = reorg.value(u"addedTransfers"_s).toArray();
    QVERIFY(!added.isEmpty());
    for (const QJsonValue &x : added) {
        const QJsonObject t = x.toObject();
        const QList<SqlRow> found = rows(store, u"SELECT block_number, log_index, token, from_address, to_address, value FROM "_s
                                                    + prod(u"token_transfers"_s) + u" WHERE tx_hash = ?"_s,
                                         {hexBytes(t.value(u"txHash"_s).toString())});
        QVERIFY2(found.size() == 1, qPrintable(u"added transfer %1 indexed %2 times"_s.arg(t.value(u"txHash"_s).toString()).arg(found.size())));
        const SqlRow &r = found.first();
        QCOMPARE(r[0].toLongLong(), t.value(u"blockNumber"_s).toInteger());
        QCOMPARE(r[1].toLongLong(), t.value(u"logIndex"_s).toInteger());
        QCOMPARE(cell(r[2]), t.value(u"token"_s).toString());
        QCOMPARE(cell(r[3]), t.value(u"from"_s).toString());
        QCOMPARE(cell(r[4]), t.value(u"to"_s).toString());
        QCOMPARE(u256::toDecimal(*store.u256FromValue(r[5], u"value"_s)), t.value(u"value"_s).toString());
    }
    checkTransfers(store, m_tokens);
    if (QTest::currentTestFailed())
        return;
    checkBlockSummaries(store);
}

QMap<QString, QStringList> TestIndexing::globalRows(Store &store)
{
    QMap<QString, QStringList> out;
    for (const EntityDef &e : evmEntities()) {
        if (!e.crossChain)
            continue;
        QStringList columns;
        for (const ColumnDef &c : e.globalColumns())
            columns.append(c.globalName());
        QStringList keys;
        for (const QString &k : e.key)
            keys.append(e.column(k)->globalName());
        out.insert(e.name, dump(rows(store, u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + global(e.name)
                                                + u" WHERE chain_id = ? ORDER BY "_s + keys.join(u", "_s),
                                            {m_chainId})));
    }
    return out;
}

// --- set-up -------------------------------------------------------------------------------------

void TestIndexing::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());

    const auto deployed = m_devnet.deployTokens(3, &error);
    QVERIFY2(deployed, qPrintable(error));
    for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray())
        m_tokens.append(t.toObject().value(u"address"_s).toString());
    QCOMPARE(m_tokens.size(), 3);

    // Agents first, token traffic last: the reorgs below replace token traffic at the tip.
    const auto registries = m_devnet.deployRegistries(&error);
    QVERIFY2(registries, qPrintable(error));
    m_registries = *registries;
    const auto agents = m_devnet.generateAgentTraffic(m_registries, 10, 60, 7, &error);
    QVERIFY2(agents, qPrintable(error));
    m_agentEvents = agents->value(u"events"_s).toArray();
    m_agentsFrom = agents->value(u"fromBlock"_s).toInteger();
    m_agentsTo = agents->value(u"toBlock"_s).toInteger();
    QCOMPARE(m_agentEvents.size(), 70);

    const auto traffic = m_devnet.generateTraffic(m_tokens, 5000, 200, 100, 42, &error);
    QVERIFY2(traffic, qPrintable(error));
    m_trafficFrom = traffic->value(u"fromBlock"_s).toInteger();
    m_trafficTo = traffic->value(u"toBlock"_s).toInteger();
    for (const QJsonValue &h : traffic->value(u"holders"_s).toArray())
        m_holders.append(h.toString());
    const QJsonObject counts = traffic->value(u"transfers"_s).toObject();
    const QJsonObject balances = traffic->value(u"balances"_s).toObject();
    for (const QString &token : std::as_const(m_tokens)) {
        m_transferCount[token] = counts.value(token).toInteger();
        const QJsonObject held = balances.value(token).toObject();
        for (auto it = held.begin(); it != held.end(); ++it)
            m_balances[token][it.key()] = decimal(it.value().toString());
    }
    qInfo() << "devnet ready in" << timer.elapsed() << "ms; traffic in blocks" << m_trafficFrom << "-" << m_trafficTo;

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_backend = m_db->url().backend;
    // Every block's header and the daily block statistics are checked here: the chain counts
    // every block (tst_sparsechain covers the default, headers of blocks with events only).
    QStringList add{u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId), u"--rpc"_s,
                    m_devnet.rpcUrl().toString(), u"--start-block"_s, u"0"_s, u"--json"_s, u"--block-stats"_s, u"every"_s,
                    u"--erc8004"_s, u"identity=%1,reputation=%2,validation=%3"_s.arg(m_registries.value(u"identity"_s).toString(),
                                                                                     m_registries.value(u"reputation"_s).toString(),
                                                                                     m_registries.value(u"validation"_s).toString())};
    for (const QString &token : std::as_const(m_tokens))
        add << u"--token"_s << token;
    const Run added = arborctl(*m_db, add);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));

    // Indexed here so that every test function can also run on its own.
    m_firstIndexHead = nodeHead();
    QVERIFY(m_firstIndexHead >= m_trafficTo);
    timer.restart();
    m_firstIndex = index(m_firstIndexHead);
    QVERIFY2(m_firstIndex.exitCode == 0, qPrintable(describe(m_firstIndex)));
    qInfo() << "indexed" << m_firstIndexHead + 1 << "blocks in" << timer.elapsed() << "ms";
}

// --- 1. end to end ------------------------------------------------------------------------------

void TestIndexing::indexesWhatTheGeneratorsSent()
{
    const qint64 head = m_firstIndexHead;
    QCOMPARE(nodeHead(), head);
    const QJsonObject summary = QJsonDocument::fromJson(m_firstIndex.out.toUtf8()).object();
    QCOMPARE(summary.value(u"untilBlock"_s).toInteger(), head);

    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(checkpoint(*store), std::optional<qint64>(head));
    qint64 total = 0;
    for (const QString &token : std::as_const(m_tokens))
        total += m_transferCount.value(token);
    // The summary gives the rows this first index wrote, of the indexed chain's tables only.
    int transferTables = 0;
    for (const QJsonValue &t : summary.value(u"tables"_s).toArray()) {
        QCOMPARE(t.toObject().value(u"chainId"_s).toInteger(), m_chainId);
        if (t.toObject().value(u"table"_s).toString() == u"token_transfers") {
            QCOMPARE(t.toObject().value(u"rowsWritten"_s).toInteger(), total);
            ++transferTables;
        }
    }
    QCOMPARE(transferTables, 1);

    checkBlocks(*store, head);
    if (QTest::currentTestFailed())
        return;
    checkTransfers(*store, m_tokens);
    if (QTest::currentTestFailed())
        return;
    // Mints are transfers from the zero address, one per holder and token.
    for (const QString &token : std::as_const(m_tokens)) {
        QCOMPARE(*store->rowCount(prod(u"token_transfers"_s), u"token = ? AND from_address = ?"_s, {hexBytes(token), QByteArray(20, '\0')}),
                 qint64(m_holders.size()));
    }
    checkAgents(*store, m_agentEvents);
    if (QTest::currentTestFailed())
        return;
    checkBlockSummaries(*store);
    if (QTest::currentTestFailed())
        return;
    checkSyncStatus(*store, head);
}

// --- 3. reindex ---------------------------------------------------------------------------------

void TestIndexing::reindexRejectsBadInputAndRecordsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");

    const QString chain = QString::number(m_chainId);
    const qint64 head = nodeHead();
    auto reindex = [&](QStringList more) { return QStringList{u"reindex"_s, u"--chain"_s, chain} + more; };
    QTest::newRow("to below from") << reindex({u"--from"_s, u"50"_s, u"--to"_s, u"40"_s, u"--reason"_s, u"test"_s}) << u"--to"_s;
    QTest::newRow("beyond the checkpoint")
        << reindex({u"--from"_s, u"10"_s, u"--to"_s, QString::number(head + 1000), u"--reason"_s, u"test"_s}) << u"--to"_s;
    QTest::newRow("missing reason") << reindex({u"--from"_s, u"10"_s, u"--to"_s, u"20"_s}) << u"--reason"_s;
    QTest::newRow("blank reason") << reindex({u"--from"_s, u"10"_s, u"--to"_s, u"20"_s, u"--reason"_s, u"  "_s}) << u"--reason"_s;
    QTest::newRow("missing from") << reindex({u"--to"_s, u"20"_s, u"--reason"_s, u"test"_s}) << u"--from"_s;
    QTest::newRow("negative from") << reindex({u"--from"_s, u"-5"_s, u"--to"_s, u"20"_s, u"--reason"_s, u"test"_s}) << u"--from"_s;
    QTest::newRow("unknown chain")
        << QStringList{u"reindex"_s, u"--chain"_s, u"999"_s, u"--from"_s, u"1"_s, u"--to"_s, u"2"_s, u"--reason"_s, u"test"_s} << u"chain"_s;
}

void TestIndexing::reindexRejectsBadInputAndRecordsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    auto store = openStore();
    QVERIFY(store);
    const qint64 requests = *store->rowCount(admin(u"reindex_requests"_s));
    const qint64 transfers = *store->rowCount(prod(u"token_transfers"_s));

    const Run r = arborctl(*m_db, args);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(u"error: "_s + field + u':'), qPrintable(describe(r)));

    QCOMPARE(*store->rowCount(admin(u"reindex_requests"_s)), requests);
    QCOMPARE(*store->rowCount(prod(u"token_transfers"_s)), transfers);
    QCOMPARE(*store->rowCount(admin(u"lease"_s)), 0);
}

void TestIndexing::reindexRestoresDamagedRange()
{
    auto store = openStore();
    QVERIFY(store);
    const QString transfers = prod(u"token_transfers"_s);
    const QString all = u"SELECT block_number, log_index, tx_hash, token, from_address, to_address, value FROM "_s + transfers
        + u" ORDER BY block_number, log_index"_s;
    const QStringList before = dump(rows(*store, all));
    const QMap<QString, QStringList> globalBefore = globalRows(*store);
    const auto progressBefore = dump(rows(*store, u"SELECT from_block, to_block FROM "_s + admin(u"index_progress"_s)
                                                      + u" WHERE chain_id = ? ORDER BY from_block"_s,
                                           {m_chainId}));

    // Damage: every other transfer of 21 blocks in the middle of the traffic disappears.
    const qint64 from = m_trafficFrom + 20, to = from + 20;
    const qint64 inRange = *store->rowCount(transfers, u"block_number BETWEEN ? AND ?"_s, {from, to});
    QVERIFY(inRange > 40);
    QVERIFY(store->exec(u"DELETE FROM "_s + transfers + u" WHERE block_number BETWEEN ? AND ? AND log_index % 2 = 0"_s, {from, to}));
    QVERIFY(*store->rowCount(transfers, u"block_number BETWEEN ? AND ?"_s, {from, to}) < inRange);

    const Run r = arborctl(*m_db, {u"reindex"_s, u"--chain"_s, QString::number(m_chainId), u"--from"_s, QString::number(from),
                                   u"--to"_s, QString::number(to), u"--reason"_s, u"test"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

    QCOMPARE(dump(rows(*store, all)), before);
    COMPARE_TABLES(globalRows(*store), globalBefore);
    QCOMPARE(dump(rows(*store, u"SELECT from_block, to_block FROM "_s + admin(u"index_progress"_s)
                                   + u" WHERE chain_id = ? ORDER BY from_block"_s,
                       {m_chainId})),
             progressBefore);
    const QList<SqlRow> audit = rows(*store, u"SELECT from_block, to_block, reason, status, requested_by, finished_at, error FROM "_s
                                                 + admin(u"reindex_requests"_s) + u" WHERE chain_id = ? ORDER BY id"_s,
                                      {m_chainId});
    QCOMPARE(audit.size(), 1);
    const SqlRow &request = audit.first();
    QCOMPARE(request[0].toLongLong(), from);
    QCOMPARE(request[1].toLongLong(), to);
    QCOMPARE(request[2].toString(), u"test"_s);
    QCOMPARE(request[3].toString(), u"done"_s);
    QVERIFY(!request[4].toString().isEmpty());
    QVERIFY(!request[5].isNull());
    QVERIFY2(request[6].isNull() || request[6].toString().isEmpty(), qPrintable(cell(request[6])));
    checkBlockSummaries(*store);
}

void TestIndexing::reindexRebuildsAgentState()
{
    // Agent events lost and agent state edited: a reindex of the agents' blocks brings back the
    // events and recomputes what they imply, in production and globally.
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->exec(u"DELETE FROM "_s + prod(u"agent_events"_s) + u" WHERE log_index % 2 = 1"_s));
    QVERIFY(*store->rowCount(prod(u"agent_events"_s)) < m_agentEvents.size());
    QVERIFY(store->exec(u"UPDATE "_s + prod(u"agent_reputation"_s) + u" SET feedback_count = feedback_count + 100"_s));
    QVERIFY(store->exec(u"UPDATE "_s + global(u"agent_identities"_s) + u" SET uri = 'edited' WHERE chain_id = ?"_s, {m_chainId}));

    const Run r = arborctl(*m_db, {u"reindex"_s, u"--chain"_s, QString::number(m_chainId), u"--from"_s, QString::number(m_agentsFrom),
                                   u"--to"_s, QString::number(m_agentsTo), u"--reason"_s, u"agent events lost"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    checkAgents(*store, m_agentEvents);
    if (QTest::currentTestFailed())
        return;
    checkBlockSummaries(*store);
    const QList<SqlRow> audit = rows(*store, u"SELECT reason, status FROM "_s + admin(u"reindex_requests"_s)
                                                 + u" WHERE chain_id = ? ORDER BY id DESC"_s,
                                      {m_chainId});
    QVERIFY(!audit.isEmpty());
    QCOMPARE(dump({audit.first()}), QStringList{u"agent events lost | done"_s});
}

void TestIndexing::reindexIsServedByRunningEngine()
{
    // With `arborctl serve` holding the database, `reindex` records the request and says it is
    // queued; the running engine serves it.
    auto store = openStore();
    QVERIFY(store);
    const QString transfers = prod(u"token_transfers"_s);
    const QString all = u"SELECT block_number, log_index, tx_hash, token, from_address, to_address, value FROM "_s + transfers
        + u" ORDER BY block_number, log_index"_s;
    const QStringList before = dump(rows(*store, all));
    const qint64 from = m_trafficFrom + 60, to = from + 5;
    QVERIFY(store->exec(u"DELETE FROM "_s + transfers + u" WHERE block_number BETWEEN ? AND ?"_s, {from, to}));
    QVERIFY(dump(rows(*store, all)) != before);

    const auto serve = startServe();
    auto leaseHeld = [&] { return *store->rowCount(admin(u"lease"_s)) == 1; };
    QTRY_VERIFY_WITH_TIMEOUT(leaseHeld(), 20000);
    const Run r = arborctl(*m_db, {u"reindex"_s, u"--chain"_s, QString::number(m_chainId), u"--from"_s, QString::number(from),
                                   u"--to"_s, QString::number(to), u"--reason"_s, u"served"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"queued"_s), qPrintable(describe(r)));
    auto status = [&] {
        const auto last = rows(*store, u"SELECT status FROM "_s + admin(u"reindex_requests"_s) + u" WHERE chain_id = ? ORDER BY id DESC"_s,
                               {m_chainId});
        return last.isEmpty() ? QString() : last.first()[0].toString();
    };
    const bool served = QTest::qWaitFor([&] { return status() == u"done"; }, 30000);
    stopServe(*serve);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(served, qPrintable(u"the request is still %1"_s.arg(status())));
    QCOMPARE(dump(rows(*store, all)), before);
    checkBlockSummaries(*store);
}

// --- 4. resync ----------------------------------------------------------------------------------

void TestIndexing::resyncRebuildsGlobalRows()
{
    auto store = openStore();
    QVERIFY(store);
    const QMap<QString, QStringList> before = globalRows(*store);
    QVERIFY(!before.value(u"block_summaries"_s).isEmpty());
    QVERIFY(!before.value(u"agent_identities"_s).isEmpty());
    QVERIFY(!before.value(u"agent_reputation"_s).isEmpty());

    for (const EntityDef &e : evmEntities()) {
        if (e.crossChain)
            QVERIFY(store->exec(u"DELETE FROM "_s + global(e.name) + u" WHERE chain_id = ?"_s, {m_chainId}));
    }
    // An operator sees the damage in sync-status.
    Run r = arborctl(*m_db, {u"sync-status"_s, u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    for (const QJsonValue &x : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        if (x.toObject().value(u"table"_s).toString() == u"block_summaries")
            QCOMPARE(x.toObject().value(u"globalRows"_s).toInteger(), 0);
    }

    r = arborctl(*m_db, {u"resync"_s, u"--chain"_s, QString::number(m_chainId)});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    COMPARE_TABLES(globalRows(*store), before);
    checkBlockSummaries(*store);
    if (QTest::currentTestFailed())
        return;
    checkAgents(*store, m_agentEvents);
    if (QTest::currentTestFailed())
        return;

    // One table only: the others are left alone.
    QVERIFY(store->exec(u"DELETE FROM "_s + global(u"agent_reputation"_s) + u" WHERE chain_id = ?"_s, {m_chainId}));
    QVERIFY(store->exec(u"DELETE FROM "_s + global(u"agent_identities"_s) + u" WHERE chain_id = ?"_s, {m_chainId}));
    r = arborctl(*m_db, {u"resync"_s, u"--chain"_s, QString::number(m_chainId), u"--table"_s, u"agent_reputation"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QMap<QString, QStringList> expected = before;
    expected[u"agent_identities"_s] = QStringList();
    COMPARE_TABLES(globalRows(*store), expected);

    r = arborctl(*m_db, {u"resync"_s, u"--chain"_s, QString::number(m_chainId), u"--table"_s, u"nonsense"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"error: --table:"_s), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(u"agent_identities"_s), qPrintable(describe(r)));   // names the choices
    COMPARE_TABLES(globalRows(*store), expected);

    r = arborctl(*m_db, {u"resync"_s, u"--chain"_s, QString::number(m_chainId), u"--table"_s, u"agent_identities"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    COMPARE_TABLES(globalRows(*store), before);
    checkSyncStatus(*store, *checkpoint(*store));
}

// --- 6. gap fill --------------------------------------------------------------------------------

void TestIndexing::refillsGapInIndexedRanges()
{
    auto store = openStore();
    QVERIFY(store);
    const qint64 head = *checkpoint(*store);
    const QString progress = admin(u"index_progress"_s);
    const QStringList entities{u"blocks"_s, u"token_transfers"_s, u"agent_events"_s, u"block_summaries"_s};
    auto snapshot = [&] {
        QMap<QString, QStringList> s;
        for (const QString &e : entities)
            s.insert(e, dump(rows(*store, u"SELECT * FROM "_s + prod(e) + u" ORDER BY 1, 2"_s)));
        s.insert(u"ranges"_s, dump(rows(*store, u"SELECT from_block, to_block FROM "_s + progress + u" WHERE chain_id = ? ORDER BY from_block"_s,
                                         {m_chainId})));
        return s;
    };
    const QMap<QString, QStringList> before = snapshot();
    const QMap<QString, QStringList> globalBefore = globalRows(*store);
    QCOMPARE(before.value(u"ranges"_s), QStringList{u"0 | %1"_s.arg(head)});

    // A hole in the middle: the range and every row in it are gone, as if never indexed.
    const qint64 gapFrom = m_trafficFrom + 40, gapTo = gapFrom + 14;
    QVERIFY(store->transaction([&]() -> Status {
        if (Status s = store->exec(u"UPDATE "_s + progress + u" SET to_block = ? WHERE chain_id = ?"_s, {gapFrom - 1, m_chainId}); !s)
            return s;
        if (Status s = store->exec(u"INSERT INTO "_s + progress + u" (chain_id, from_block, to_block, row_count, duration_ms, indexed_at) "
                                                                  "VALUES (?, ?, ?, 0, 0, 0)"_s,
                                   {m_chainId, gapTo + 1, head});
            !s)
            return s;
        for (const QString &e : {u"blocks"_s, u"token_transfers"_s, u"agent_events"_s}) {
            const QString column = e == u"blocks" ? u"number"_s : u"block_number"_s;
            if (Status s = store->exec(u"DELETE FROM "_s + prod(e) + u" WHERE "_s + column + u" BETWEEN ? AND ?"_s, {gapFrom, gapTo}); !s)
                return s;
        }
        return {};
    }));
    QCOMPARE(*store->rowCount(prod(u"blocks"_s)), head + 1 - (gapTo - gapFrom + 1));

    const Run r = index(head);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    COMPARE_TABLES(snapshot(), before);
    COMPARE_TABLES(globalRows(*store), globalBefore);
    checkTransfers(*store, m_tokens);
}

// --- 2. reorgs ----------------------------------------------------------------------------------

void TestIndexing::followsReorgAtTheTip()
{
    // Same height, new tip: `serve` notices on its next head poll that the block it stopped at
    // changed, rolls back one block and indexes the new one.
    auto store = openStore();
    QVERIFY(store);
    const qint64 head = nodeHead();
    QCOMPARE(checkpoint(*store), std::optional<qint64>(head));
    QString error;
    const auto reorg = m_devnet.reorg(1, m_tokens, 6, m_holders, 101, &error);
    QVERIFY2(reorg, qPrintable(error));
    QCOMPARE(nodeHead(), head);
    expectReorg(*reorg);
    const QString newTip = reorg->value(u"newHashes"_s).toObject().value(QString::number(head)).toString();

    const auto serve = startServe();
    auto tipHash = [&]() {
        const auto r = rows(*store, u"SELECT block_hash FROM "_s + admin(u"checkpoints"_s) + u" WHERE chain_id = ?"_s, {m_chainId});
        return r.isEmpty() ? QString() : cell(r.first()[0]);
    };
    const bool followed = QTest::qWaitFor([&] { return tipHash() == newTip; }, 60000);
    stopServe(*serve);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(followed, qPrintable(u"the checkpoint is still at %1, the new tip is %2"_s.arg(tipHash(), newTip)));

    QCOMPARE(*store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId}), 1);
    checkReorg(*store, *reorg, head);
    if (QTest::currentTestFailed())
        return;
    checkAgents(*store, m_agentEvents);
    if (QTest::currentTestFailed())
        return;
    checkSyncStatus(*store, head);
}

void TestIndexing::rollsBackDeepReorg()
{
    // A few agent events at the tip, indexed, then 30 blocks replaced by 32 new ones: the agent
    // events and the transfers of the old fork go, with everything derived from them.
    QString error;
    const auto extra = m_devnet.generateAgentTraffic(m_registries, 2, 7, 8, &error);
    QVERIFY2(extra, qPrintable(error));
    QJsonArray withExtra = m_agentEvents;
    for (const QJsonValue &e : extra->value(u"events"_s).toArray())
        withExtra.append(e);
    qint64 head = nodeHead();
    Run r = index(head);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    // The summary gives what this run wrote: the new events, not the table's total.
    qint64 eventsWritten = 0;
    for (const QJsonValue &t : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"tables"_s).toArray()) {
        if (t.toObject().value(u"table"_s).toString() == u"agent_events")
            eventsWritten = t.toObject().value(u"rowsWritten"_s).toInteger();
    }
    QCOMPARE(eventsWritten, qint64(extra->value(u"events"_s).toArray().size()));
    QVERIFY(extra->value(u"events"_s).toArray().size() < m_agentEvents.size());
    auto store = openStore();
    QVERIFY(store);
    checkAgents(*store, withExtra);
    if (QTest::currentTestFailed())
        return;

    const auto reorg = m_devnet.reorg(30, m_tokens, 40, m_holders, 202, &error, 32);
    QVERIFY2(reorg, qPrintable(error));
    QVERIFY(reorg->value(u"commonAncestor"_s).toInteger() < extra->value(u"fromBlock"_s).toInteger());
    expectReorg(*reorg);
    const qint64 newHead = nodeHead();
    QCOMPARE(newHead, head + 2);

    r = index(newHead);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(checkpoint(*store), std::optional<qint64>(newHead));
    QCOMPARE(*store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId}), 2);
    checkReorg(*store, *reorg, newHead);
    if (QTest::currentTestFailed())
        return;
    checkAgents(*store, m_agentEvents);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dump(rows(*store, u"SELECT from_block, to_block FROM "_s + admin(u"index_progress"_s) + u" WHERE chain_id = ?"_s, {m_chainId})),
             QStringList{u"0 | %1"_s.arg(newHead)});
    checkSyncStatus(*store, newHead);
}

// --- 5. a token added to a live chain -------------------------------------------------------------

void TestIndexing::addedTokenIsBackfilledAlone()
{
    QString error;
    const auto deployed = m_devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QJsonObject token = deployed->value(u"tokens"_s).toArray().first().toObject();
    const QString fourth = token.value(u"address"_s).toString();
    const auto traffic = m_devnet.generateTraffic({fourth}, 300, 20, 10, 99, &error);
    QVERIFY2(traffic, qPrintable(error));
    m_transferCount[fourth] = traffic->value(u"transfers"_s).toObject().value(fourth).toInteger();
    const QJsonObject held = traffic->value(u"balances"_s).toObject().value(fourth).toObject();
    for (auto it = held.begin(); it != held.end(); ++it)
        m_balances[fourth][it.key()] = decimal(it.value().toString());

    // The chain moves on past the new token's history before anyone tracks it.
    const qint64 head = nodeHead();
    Run r = index(head);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(*store->rowCount(prod(u"token_transfers"_s), u"token = ?"_s, {hexBytes(fourth)}), 0);

    const QString others = u"SELECT block_number, log_index, tx_hash, token, from_address, to_address, value FROM "_s
        + prod(u"token_transfers"_s) + u" WHERE token <> ? ORDER BY block_number, log_index"_s;
    const QStringList othersBefore = dump(rows(*store, others, {hexBytes(fourth)}));
    const QString blocks = u"SELECT number, hash, parent_hash, timestamp, tx_count, gas_used FROM "_s + prod(u"blocks"_s) + u" ORDER BY number"_s;
    const QStringList blocksBefore = dump(rows(*store, blocks));
    const QString ranges = u"SELECT from_block, to_block FROM "_s + admin(u"index_progress"_s) + u" WHERE chain_id = ? ORDER BY from_block"_s;
    const QStringList rangesBefore = dump(rows(*store, ranges, {m_chainId}));
    const QStringList agentsBefore = dump(rows(*store, u"SELECT * FROM "_s + prod(u"agent_events"_s) + u" ORDER BY block_number, log_index"_s));
    const qint64 requestsBefore = *store->rowCount(admin(u"reindex_requests"_s));

    r = arborctl(*m_db, {u"chain"_s, u"add-token"_s, u"--chain"_s, QString::number(m_chainId), fourth});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"deployed at block %1"_s.arg(token.value(u"deployBlock"_s).toInteger())), qPrintable(describe(r)));

    const QList<SqlRow> backfills = rows(*store, u"SELECT address, from_block, to_block, next_block, status FROM "_s + admin(u"backfills"_s)
                                                     + u" WHERE chain_id = ?"_s,
                                          {m_chainId});
    QCOMPARE(backfills.size(), 1);
    QCOMPARE(cell(backfills.first()[0]), fourth);
    QCOMPARE(backfills.first()[1].toLongLong(), token.value(u"deployBlock"_s).toInteger());
    QCOMPARE(backfills.first()[2].toLongLong(), head);
    QCOMPARE(backfills.first()[3].toLongLong(), head + 1);
    QCOMPARE(backfills.first()[4].toString(), u"done"_s);

    checkTransfers(*store, QStringList(m_tokens) << fourth);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dump(rows(*store, others, {hexBytes(fourth)})), othersBefore);
    QCOMPARE(dump(rows(*store, blocks)), blocksBefore);
    QCOMPARE(dump(rows(*store, ranges, {m_chainId})), rangesBefore);
    QCOMPARE(dump(rows(*store, u"SELECT * FROM "_s + prod(u"agent_events"_s) + u" ORDER BY block_number, log_index"_s)), agentsBefore);
    QCOMPARE(*store->rowCount(admin(u"reindex_requests"_s)), requestsBefore);
    QCOMPARE(checkpoint(*store), std::optional<qint64>(head));
    checkBlockSummaries(*store);
    if (QTest::currentTestFailed())
        return;

    // Adding it again is refused and records nothing.
    r = arborctl(*m_db, {u"chain"_s, u"add-token"_s, u"--chain"_s, QString::number(m_chainId), fourth});
    QVERIFY2(r.exitCode == 3, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(u"already"_s), qPrintable(describe(r)));
    QCOMPARE(*store->rowCount(admin(u"backfills"_s)), 1);

    // The token is now followed at the head too.
    const auto more = m_devnet.generateTraffic({fourth}, 30, 5, 3, 100, &error);
    QVERIFY2(more, qPrintable(error));
    m_transferCount[fourth] += more->value(u"transfers"_s).toObject().value(fourth).toInteger();
    const QJsonObject moreHeld = more->value(u"balances"_s).toObject().value(fourth).toObject();
    for (auto it = moreHeld.begin(); it != moreHeld.end(); ++it)
        m_balances[fourth][it.key()] = decimal(it.value().toString());
    r = index(nodeHead());
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    checkTransfers(*store, QStringList(m_tokens) << fourth);
}

void TestIndexing::tokenAddedWhileServingLosesNoTransfers()
{
    // `serve` follows the head while an operator adds a token from another shell and the token
    // is used right away: the backfill covers what was indexed before, the head scan the rest.
    QString error;
    const auto deployed = m_devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QString fifth = deployed->value(u"tokens"_s).toArray().first().toObject().value(u"address"_s).toString();
    const auto serve = startServe();
    auto store = openStore();
    QVERIFY(store);
    auto caughtUp = [&] { return checkpoint(*store) == std::optional<qint64>(nodeHead()); };
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 20000);

    const Run r = arborctl(*m_db, {u"chain"_s, u"add-token"_s, u"--chain"_s, QString::number(m_chainId), fifth});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"queued"_s), qPrintable(describe(r)));
    const auto traffic = m_devnet.generateTraffic({fifth}, 60, 6, 6, 555, &error);
    QVERIFY2(traffic, qPrintable(error));
    m_transferCount[fifth] = traffic->value(u"transfers"_s).toObject().value(fifth).toInteger();
    const QJsonObject held = traffic->value(u"balances"_s).toObject().value(fifth).toObject();
    for (auto it = held.begin(); it != held.end(); ++it)
        m_balances[fifth][it.key()] = decimal(it.value().toString());

    const qint64 head = nodeHead();
    auto indexed = [&] { return *store->rowCount(prod(u"token_transfers"_s), u"token = ?"_s, {hexBytes(fifth)}); };
    const bool complete = QTest::qWaitFor([&] { return caughtUp() && indexed() == m_transferCount.value(fifth); }, 30000);
    stopServe(*serve);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(complete, qPrintable(u"%1 of the token's %2 transfers indexed; checkpoint %3, head %4"_s.arg(indexed())
                                      .arg(m_transferCount.value(fifth)).arg(checkpoint(*store).value_or(-1)).arg(nodeHead())));
    QCOMPARE(checkpoint(*store), std::optional<qint64>(head));
    checkTransfers(*store, QStringList(m_tokens) << fifth);
}

} // namespace tst_indexing

ARBOR_GUILESS_TEST_MAIN(indexing, tst_indexing::TestIndexing)
#include "tst_indexing.moc"
