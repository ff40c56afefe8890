// Retention policies on SQLite and PostgreSQL: with the store's clock fixed, rows just younger
// than, exactly as old as, and just older than each policy's days — only the last go, in
// batches, and nothing a policy never deletes (pending queue items, open deliveries, active
// alerts, unfinished runs, transfers of transfers-mode tokens) is touched. Setting a policy is
// validated; the Engine runs retention batch by batch, records it, and refuses on a read-only
// console; the lease holder runs it and maintenance on its schedule; `arborctl db retention`.
#include "arborctlrun.h"
#include "testdatabase.h"
#include "testresults.h"

#include "buildpaths.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/retention.h"
#include "testmain.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace arbor;
using namespace arbor::test;

namespace tst_retention {

namespace {

constexpr qint64 Now = 1700000000000;          // a whole second: block times are in seconds
constexpr qint64 Day = RetentionStore::DayMs;
constexpr qint64 ChainId = 31337;
constexpr qint64 UncountedChainId = 31338;     // its daily statistics not yet counted from raw rows

const Address TransfersToken = *Address::fromHex(QStringLiteral("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
const Address BalanceOfToken = *Address::fromHex(QStringLiteral("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"));

QString arborctl()
{
    return BuildPaths::arborctl();
}

QByteArray bytes(int size, int seed)
{
    return QByteArray(size, char(seed));
}

qint64 count(Store &store, const QString &table, const QString &where = QString(), const QVariantList &params = {})
{
    auto n = store.rowCount(table, where, params);
    return n ? *n : -1;
}

Status insertDelivery(Store &s, const QString &id, const char *status, qint64 createdAt, std::optional<qint64> finishedAt)
{
    return s.exec(QLatin1String("INSERT INTO ") + s.admin("trigger_deliveries")
                      + QLatin1String(" (id, trigger_id, action_id, action_type, priority, chain_id, block_number, log_index, tx_hash, event, payload, status, "
                                      "next_attempt_at, created_at, updated_at, finished_at) VALUES (?, 1, 1, 'rest', 5, ?, 1, 0, ?, '{}', ?, ?, ?, ?, ?, ?)"),
                  {id, ChainId, bytes(32, 2), QByteArray("{}"), QString::fromLatin1(status), createdAt, createdAt, createdAt,
                   finishedAt ? QVariant(*finishedAt) : QVariant()});
}

Status insertQueueItem(Store &s, int holder, const char *status, qint64 createdAt, std::optional<qint64> processedAt)
{
    return s.exec(QLatin1String("INSERT INTO ") + s.admin("balance_update_queue")
                      + QLatin1String(" (chain_id, token, holder, update_type, status, created_at, next_attempt_at, processed_at) VALUES (?, ?, ?, 'transfer', ?, ?, ?, ?)"),
                  {ChainId, TransfersToken.toBytes(), bytes(20, holder), QString::fromLatin1(status), createdAt, createdAt,
                   processedAt ? QVariant(*processedAt) : QVariant()});
}

Status insertAlert(Store &s, qint64 raisedAt, std::optional<qint64> clearedAt)
{
    return s.exec(QLatin1String("INSERT INTO ") + s.admin("alert_history")
                      + QLatin1String(" (chain_id, kind, title, text, raised_at, cleared_at) VALUES (?, 'lag', 'Lag', 'behind', ?, ?)"),
                  {ChainId, raisedAt, clearedAt ? QVariant(*clearedAt) : QVariant()});
}

Status insertRun(Store &s, qint64 startedAt, std::optional<qint64> finishedAt)
{
    return s.exec(QLatin1String("INSERT INTO ") + s.admin("maintenance_runs") + QLatin1String(" (kind, requested_by, started_at, finished_at) VALUES ('maintenance', 'schedule', ?, ?)"),
                  {startedAt, finishedAt ? QVariant(*finishedAt) : QVariant()});
}

/// One table of one policy: how to add a row at a moment, and the column that moment is kept in.
struct Probe
{
    QString policy;
    const char *table;
    const char *timeColumn;
    std::function<Status(Store &, qint64 at, int n)> insert;
};

QList<Probe> probes()
{
    const auto result = [](Store &s, qint64 at, int n) {
        return s.exec(QLatin1String("INSERT INTO ") + s.admin("action_results")
                          + QLatin1String(" (delivery_id, trigger_id, action_id, action_type, chain_id, block_number, tx_hash, log_index, status, attempt, at) "
                                          "VALUES (?, 1, 1, 'rest', ?, 1, ?, ?, 'success', 1, ?)"),
                      {QStringLiteral("d%1").arg(n), ChainId, bytes(32, 1), n, at});
    };
    return {
        {QStringLiteral("action_results"), "action_results", "at", result},
        {QStringLiteral("action_results"), "trigger_deliveries", "finished_at",
         [](Store &s, qint64 at, int n) { return insertDelivery(s, QStringLiteral("done%1").arg(n), n % 2 ? "success" : "failed", at, at); }},
        {QStringLiteral("queue_completed"), "balance_update_queue", "processed_at",
         [](Store &s, qint64 at, int n) { return insertQueueItem(s, n, "completed", at, at); }},
        {QStringLiteral("chart_samples"), "metric_samples", "sampled_at",
         [](Store &s, qint64 at, int) {
             return s.exec(QLatin1String("INSERT INTO ") + s.admin("metric_samples") + QLatin1String(" (chain_id, sampled_at, lag_blocks) VALUES (?, ?, 1)"), {ChainId, at});
         }},
        {QStringLiteral("chart_samples"), "endpoint_samples", "sampled_at",
         [](Store &s, qint64 at, int) {
             return s.exec(QLatin1String("INSERT INTO ") + s.admin("endpoint_samples") + QLatin1String(" (chain_id, url, sampled_at, latency_ms) VALUES (?, 'http://x/', ?, 2)"),
                           {ChainId, at});
         }},
        {QStringLiteral("queue_health"), "queue_health", "sampled_at",
         [](Store &s, qint64 at, int) {
             return s.exec(QLatin1String("INSERT INTO ") + s.admin("queue_health")
                               + QLatin1String(" (chain_id, sampled_at, pending, processing, failed, completed_hour, completed_minute, errors_hour, "
                                               "avg_processing_ms, oldest_pending_ms, status) VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 'HEALTHY')"),
                           {ChainId, at});
         }},
        {QStringLiteral("alert_history"), "alert_history", "cleared_at", [](Store &s, qint64 at, int) { return insertAlert(s, at - Day, at); }},
        {QStringLiteral("maintenance_log"), "maintenance_runs", "started_at", [](Store &s, qint64 at, int) { return insertRun(s, at, at + 1000); }},
        {QStringLiteral("size_samples"), "database_size_samples", "sampled_at",
         [](Store &s, qint64 at, int) {
             return s.exec(QLatin1String("INSERT INTO ") + s.admin("database_size_samples") + QLatin1String(" (sampled_at, scope, chain_id, bytes, rows) VALUES (?, 'admin', 0, 1, 1)"),
                           {at});
         }},
    };
}

/// A chain with a transfers-mode and a balanceOf token, and blocks 100, 101, 102 at `times`
/// (seconds), each with a transfer of both tokens and an agent event.
Status addChainWithEvents(Store &s, qint64 chainId, const QList<qint64> &times)
{
    ChainConfig config = sampleChain(chainId, QStringLiteral("chain%1").arg(chainId));
    config.tokens = {TransfersToken, BalanceOfToken};
    if (Status st = ChainRegistry(s).registerChain(config, sampleEndpoints(config), evmEntities()); !st)
        return st;
    if (Status st = s.exec(QLatin1String("UPDATE ") + s.admin("tokens")
                               + QLatin1String(" SET balance_mode = CASE WHEN address = ? THEN 'balance_of' ELSE 'transfers' END WHERE chain_id = ?"),
                           {BalanceOfToken.toBytes(), chainId});
        !st)
        return st;
    for (int i = 0; i < times.size(); ++i) {
        const qint64 block = 100 + i;
        if (Status st = s.exec(QLatin1String("INSERT INTO ") + s.chainTable(chainId, QStringLiteral("blocks"))
                                   + QLatin1String(" (number, hash, parent_hash, timestamp, tx_count, gas_used) VALUES (?, ?, ?, ?, 1, 21000)"),
                               {block, bytes(32, 10 + i), bytes(32, 9 + i), times[i]});
            !st)
            return st;
        for (const Address &token : {TransfersToken, BalanceOfToken}) {
            if (Status st = s.exec(QLatin1String("INSERT INTO ") + s.chainTable(chainId, QStringLiteral("token_transfers"))
                                       + QLatin1String(" (block_number, log_index, tx_hash, token, from_address, to_address, value) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                   {block, token == TransfersToken ? 0 : 1, bytes(32, 20 + i), token.toBytes(), bytes(20, 1), bytes(20, 2), s.u256Value(U256(5))});
                !st)
                return st;
        }
        if (Status st = s.exec(QLatin1String("INSERT INTO ") + s.chainTable(chainId, QStringLiteral("agent_events"))
                                   + QLatin1String(" (block_number, log_index, tx_hash, registry, registry_kind, event, agent_id) VALUES (?, 2, ?, ?, 'identity', 'Registered', ?)"),
                               {block, bytes(32, 30 + i), bytes(20, 3), s.u256Value(U256(7))});
            !st)
            return st;
    }
    return {};
}

std::unique_ptr<Engine> startEngine(const TestDatabase &db, EngineOptions::Lease lease, bool indexing = false, int retentionMs = 0, qint64 maintenanceMs = 0)
{
    EngineOptions o;
    o.database = db.url();
    o.app = QStringLiteral("arbor");
    o.lease = lease;
    o.snapshotIntervalMs = 0;
    o.indexing = indexing;
    o.retentionIntervalMs = retentionMs;
    o.maintenanceIntervalMs = maintenanceMs;
    auto engine = std::make_unique<Engine>(o);
    Status started = waitFor(engine->start());
    if (!started)
        qWarning() << "engine did not start:" << started.error().toString();
    return engine;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void policiesAndTheirValidation();
    void removesExactlyWhatIsPastItsAge();
    void rawEventsKeepWhatBalancesAndStatisticsNeed();
    void deletesInBatches();
    void engineAppliesRecordsAndRefusesReadOnly();
    void leaseHolderRunsTheSchedule();
    void arborctlRetention();
};

void TestRetention::policiesAndTheirValidation()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    RetentionStore retention(*store);
    auto settings = retention.settings();
    QVERIFY2(settings, why(settings).constData());
    QStringList names;
    for (const RetentionSetting &s : *settings) {
        names.append(s.policy.name);
        QVERIFY(s.isDefault);
        QCOMPARE(s.days, s.policy.defaultDays);
        QVERIFY(!s.policy.covers.isEmpty());
    }
    QCOMPARE(names, (QStringList{u"action_results"_qs, u"queue_completed"_qs, u"chart_samples"_qs, u"queue_health"_qs, u"alert_history"_qs,
                                 u"maintenance_log"_qs, u"size_samples"_qs, u"raw_events"_qs}));
    QCOMPARE(settings->at(0).days, std::optional<int>(90));
    QCOMPARE(settings->at(1).days, std::optional<int>(7));
    QCOMPARE(settings->at(7).days, std::optional<int>());

    // Refusals name the policy and the fix, and write nothing.
    auto zero = retention.setDays(u"action_results"_qs, 0);
    QVERIFY(!zero);
    QCOMPARE(zero.error().kind, Error::Kind::Invalid);
    QVERIFY2(zero.error().message.contains(u"action_results"_qs) && zero.error().message.contains(u"or never"_qs), qPrintable(zero.error().message));
    auto keptForever = retention.setDays(u"queue_completed"_qs, std::nullopt);
    QVERIFY(!keptForever);
    QVERIFY2(keptForever.error().message.contains(u"queue_completed"_qs) && keptForever.error().message.contains(u"at least 1"_qs), qPrintable(keptForever.error().message));
    auto unknown = retention.setDays(u"nosuch"_qs, 5);
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message.contains(u"raw_events"_qs), qPrintable(unknown.error().message));
    QVERIFY(!retention.setDays(u"maintenance_log"_qs, 6));   // its minimum is 7
    QCOMPARE(count(*store, store->admin("retention_policies")), 0);

    auto set = retention.setDays(u"action_results"_qs, 30);
    QVERIFY2(set, why(set).constData());
    QVERIFY(retention.setDays(u"raw_events"_qs, 400));
    QVERIFY(retention.setDays(u"alert_history"_qs, std::nullopt));
    QVERIFY(retention.setDays(u"raw_events"_qs, 60));   // set again: replaced
    settings = retention.settings();
    QVERIFY(settings);
    QCOMPARE(settings->at(0).days, std::optional<int>(30));
    QVERIFY(!settings->at(0).isDefault);
    QCOMPARE(settings->at(4).days, std::optional<int>());
    QVERIFY(!settings->at(4).isDefault);
    QCOMPARE(settings->at(7).days, std::optional<int>(60));
    QVERIFY(settings->at(1).isDefault);
    QCOMPARE(count(*store, store->admin("retention_policies")), 3);
}

void TestRetention::removesExactlyWhatIsPastItsAge()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    store->setClock([] { return Now; });
    RetentionStore retention(*store);
    QVERIFY(retention.setDays(u"alert_history"_qs, 180));
    QVERIFY(retention.setDays(u"chart_samples"_qs, 3));   // a setting, not only defaults

    auto settings = retention.settings();
    QVERIFY(settings);
    QHash<QString, int> days;
    for (const RetentionSetting &s : *settings)
        days.insert(s.policy.name, s.days.value_or(-1));

    // Each table: one row just younger than its policy's days, one exactly that old, one older.
    int n = 0;
    for (const Probe &p : probes()) {
        const qint64 cutoff = Now - days.value(p.policy) * Day;
        for (qint64 at : {cutoff + 1, cutoff, cutoff - 1})
            QVERIFY2(p.insert(*store, at, ++n), p.table);
    }
    // What no policy deletes, however old.
    const qint64 ancient = Now - 1000 * Day;
    QVERIFY(insertQueueItem(*store, 201, "pending", ancient, std::nullopt));
    QVERIFY(insertQueueItem(*store, 202, "processing", ancient, std::nullopt));
    QVERIFY(insertQueueItem(*store, 203, "failed", ancient, ancient));
    QVERIFY(insertDelivery(*store, u"open1"_qs, "pending", ancient, std::nullopt));
    QVERIFY(insertDelivery(*store, u"open2"_qs, "retrying", ancient, std::nullopt));
    QVERIFY(insertAlert(*store, ancient, std::nullopt));
    QVERIFY(insertRun(*store, ancient, std::nullopt));

    auto applied = retention.apply();
    QVERIFY2(applied, why(applied).constData());
    QHash<QString, qint64> deleted;
    for (const auto &[policy, rows] : *applied)
        deleted.insert(policy, rows);
    QCOMPARE(deleted.value(u"action_results"_qs), 2);   // a result and a delivery
    QCOMPARE(deleted.value(u"queue_completed"_qs), 1);
    QCOMPARE(deleted.value(u"chart_samples"_qs), 2);
    QCOMPARE(deleted.value(u"queue_health"_qs), 1);
    QCOMPARE(deleted.value(u"alert_history"_qs), 1);
    QCOMPARE(deleted.value(u"maintenance_log"_qs), 1);
    QCOMPARE(deleted.value(u"size_samples"_qs), 1);
    QCOMPARE(deleted.value(u"raw_events"_qs), 0);

    for (const Probe &p : probes()) {
        const QString table = store->admin(p.table);
        const QString column = QString::fromLatin1(p.timeColumn);
        const qint64 cutoff = Now - days.value(p.policy) * Day;
        QCOMPARE(count(*store, table, column + QLatin1String(" = ?"), {cutoff + 1}), 1);
        QCOMPARE(count(*store, table, column + QLatin1String(" = ?"), {cutoff}), 1);
        QVERIFY2(count(*store, table, column + QLatin1String(" = ?"), {cutoff - 1}) == 0, p.table);
    }
    QCOMPARE(count(*store, store->admin("balance_update_queue"), u"status <> 'completed'"_qs), 3);
    QCOMPARE(count(*store, store->admin("trigger_deliveries"), u"status IN ('pending', 'retrying')"_qs), 2);
    QCOMPARE(count(*store, store->admin("alert_history"), u"cleared_at IS NULL"_qs), 1);
    QCOMPARE(count(*store, store->admin("maintenance_runs"), u"finished_at IS NULL"_qs), 1);

    // Nothing is past its age any more; a millisecond later the rows that were exactly as old go.
    applied = retention.apply();
    QVERIFY(applied);
    for (const auto &[policy, rows] : *applied)
        QCOMPARE(rows, 0);
    store->setClock([] { return Now + 1; });
    applied = retention.apply();
    QVERIFY(applied);
    QCOMPARE(applied->at(0).second, 2);
}

void TestRetention::rawEventsKeepWhatBalancesAndStatisticsNeed()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    store->setClock([] { return Now; });
    const qint64 cutoff = (Now - 30 * Day) / 1000;
    QVERIFY2(addChainWithEvents(*store, ChainId, {cutoff - 1, cutoff, cutoff + 1}), "chain");
    QVERIFY2(addChainWithEvents(*store, UncountedChainId, {cutoff - 100, cutoff - 50, cutoff + 1}), "uncounted chain");
    // A registered chain counts its days as it promotes them (aggregate_state); one from before
    // the daily statistics has no row until they are counted from its raw rows.
    QCOMPARE(count(*store, store->admin("aggregate_state"), u"chain_id = ?"_qs, {ChainId}), 1);
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + store->admin("aggregate_state") + QLatin1String(" WHERE chain_id = ?"), {UncountedChainId}));
    const auto rows = [&](qint64 chain, const char *entity, const QString &where = u"1 = 1"_qs, const QVariantList &params = {}) {
        return count(*store, store->chainTable(chain, QString::fromLatin1(entity)), where, params);
    };

    // Never by default.
    auto applied = RetentionStore(*store).apply();
    QVERIFY(applied);
    QCOMPARE(applied->last(), (std::pair<QString, qint64>{u"raw_events"_qs, 0}));
    QCOMPARE(rows(ChainId, "agent_events"), 3);

    QVERIFY(RetentionStore(*store).setDays(u"raw_events"_qs, 30));
    applied = RetentionStore(*store).apply();
    QVERIFY2(applied, why(applied).constData());
    QCOMPARE(applied->last().second, 2);   // block 100's event and its balanceOf token's transfer
    QCOMPARE(rows(ChainId, "agent_events", u"block_number = 100"_qs), 0);
    QCOMPARE(rows(ChainId, "agent_events"), 2);
    QCOMPARE(rows(ChainId, "token_transfers", u"token = ?"_qs, {BalanceOfToken.toBytes()}), 2);
    // A transfers-mode token's balances are sums of all its transfers: every one is kept.
    QCOMPARE(rows(ChainId, "token_transfers", u"token = ?"_qs, {TransfersToken.toBytes()}), 3);
    QCOMPARE(rows(ChainId, "blocks"), 3);
    // The chain whose daily statistics were never counted from its raw rows keeps them all.
    QCOMPARE(rows(UncountedChainId, "agent_events"), 3);
    QCOMPARE(rows(UncountedChainId, "token_transfers"), 6);
    auto targets = RetentionStore(*store).targets();
    QVERIFY(targets);
    bool explained = false;
    for (const RetentionTarget &t : *targets)
        explained = explained || (t.table.isEmpty() && t.note.contains(QString::number(UncountedChainId)));
    QVERIFY(explained);
}

void TestRetention::deletesInBatches()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    store->setClock([] { return Now; });
    const Probe results = probes().first();
    QVERIFY(store->transaction([&]() -> Status {
        for (int i = 0; i < 250; ++i) {
            if (Status s = results.insert(*store, Now - 100 * Day - i, i); !s)
                return s;
        }
        return results.insert(*store, Now - Day, 999);
    }));
    auto targets = RetentionStore(*store).targets();
    QVERIFY(targets);
    QCOMPARE(targets->first().table, store->admin("action_results"));
    QList<qint64> batches;
    for (;;) {
        auto n = RetentionStore(*store).deleteBatch(targets->first(), 100);
        QVERIFY2(n, why(n).constData());
        batches.append(*n);
        if (*n < 100)
            break;
    }
    QCOMPARE(batches, (QList<qint64>{100, 100, 50}));
    QCOMPARE(count(*store, store->admin("action_results")), 1);
}

void TestRetention::engineAppliesRecordsAndRefusesReadOnly()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        const Probe results = probes().first();
        QVERIFY(store->transaction([&]() -> Status {
            // More than one batch of results past their age.
            for (int i = 0; i < RetentionStore::DefaultBatch + 10; ++i) {
                if (Status s = results.insert(*store, nowMs() - 91 * Day - i, i); !s)
                    return s;
            }
            return insertQueueItem(*store, 1, "completed", nowMs() - 8 * Day, nowMs() - 8 * Day);
        }));
    }
    auto engine = startEngine(db, EngineOptions::Lease::Required);
    QVERIFY(engine->state().started);
    DatabaseService *database = engine->database();
    QSignalSpy changed(database, &DatabaseService::maintenanceRunsChanged);

    auto refused = waitFor(database->setRetentionPolicy(u"queue_completed"_qs, std::nullopt));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    auto set = waitFor(database->setRetentionPolicy(u"queue_health"_qs, 2));
    QVERIFY2(set, why(set).constData());
    auto policies = waitFor(database->retentionPolicies());
    QVERIFY(policies);
    QCOMPARE(policies->at(3).days, std::optional<int>(2));

    auto first = database->applyRetention();
    auto joined = database->applyRetention();   // the run under way, not a second one
    auto run = waitFor(first);
    QVERIFY2(run, why(run).constData());
    QCOMPARE(waitFor(joined)->id, run->id);
    QCOMPARE(run->kind, u"retention"_qs);
    QCOMPARE(run->requestedBy, u"operator"_qs);
    QCOMPARE(run->ok, std::optional<bool>(true));
    QCOMPARE(run->deletedByPolicy().value(u"action_results"_qs), RetentionStore::DefaultBatch + 10);
    QCOMPARE(run->deletedByPolicy().value(u"queue_completed"_qs), 1);
    bool batchesNamed = false, keptNamed = false;
    for (const MaintenanceStep &s : run->steps) {
        batchesNamed = batchesNamed || (s.target.endsWith(u"action_results"_qs) && s.detail.startsWith(u"2 batch"_qs));
        keptNamed = keptNamed || (s.policy == u"raw_events"_qs && s.step == u"keep"_qs);
    }
    QVERIFY(batchesNamed);
    QVERIFY(keptNamed);
    QTRY_VERIFY(changed.size() >= 2);

    auto runs = waitFor(database->maintenanceRuns(10));
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().id, run->id);
    QVERIFY(runs->first().finishedAt);
    QCOMPARE(runs->first().deletedByPolicy(), run->deletedByPolicy());

    // A console that finds the lease held is read-only: it lists, and refuses to change.
    auto viewer = startEngine(db, EngineOptions::Lease::ReadOnlyIfHeld);
    QVERIFY(viewer->isReadOnly());
    DatabaseService *viewerDatabase = viewer->database();
    QVERIFY(waitFor(viewerDatabase->retentionPolicies()));
    QVERIFY(waitFor(viewerDatabase->maintenanceRuns(5)));
    auto viewerRun = waitFor(viewerDatabase->applyRetention());
    QVERIFY(!viewerRun);
    QCOMPARE(viewerRun.error().kind, Error::Kind::Refused);
    QCOMPARE(waitFor(viewerDatabase->runMaintenance(false)).error().kind, Error::Kind::Refused);
    QCOMPARE(waitFor(viewerDatabase->setRetentionPolicy(u"action_results"_qs, 10)).error().kind, Error::Kind::Refused);
}

void TestRetention::leaseHolderRunsTheSchedule()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto engine = startEngine(db, EngineOptions::Lease::Required, true, 300, 400);
    QVERIFY(engine->state().started);
    QList<MaintenanceRun> runs;
    const auto scheduled = [&](const char *kind) {
        for (const MaintenanceRun &r : runs) {
            if (r.kind == QLatin1String(kind) && r.requestedBy == u"schedule"_qs && r.finishedAt && r.ok.value_or(false))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT((runs = waitFor(engine->database()->maintenanceRuns(50)).value_or(QList<MaintenanceRun>()), scheduled("retention") && scheduled("maintenance")), 20000);
    // Maintenance is due an interval (here 400 ms, a day by default) after the last run started:
    // checked more often, it does not start again before that, however slow the machine.
    QList<qint64> starts;
    const auto scheduledStarts = [&] {
        starts.clear();
        for (const MaintenanceRun &r : waitFor(engine->database()->maintenanceRuns(200)).value_or(QList<MaintenanceRun>())) {
            if (r.kind == u"maintenance"_qs && r.requestedBy == u"schedule"_qs)
                starts << r.startedAt;
        }
        std::sort(starts.begin(), starts.end());
        return starts.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(scheduledStarts() >= 3, 20000);
    for (qsizetype i = 1; i < starts.size(); ++i)
        QVERIFY2(starts[i] - starts[i - 1] >= 400, qPrintable(u"run %1 started %2 ms after the one before"_qs.arg(i).arg(starts[i] - starts[i - 1])));
}

void TestRetention::arborctlRetention()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        QVERIFY(probes().first().insert(*store, nowMs() - 100 * Day, 1));
        QVERIFY(probes().first().insert(*store, nowMs() - 10 * Day, 2));
    }
    ArborctlRun list = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs});
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QVERIFY2(list.out.contains(u"action_results"_qs) && list.out.contains(u"90"_qs) && list.out.contains(u"raw_events"_qs) && list.out.contains(u"never"_qs),
             qPrintable(list.out));

    ArborctlRun bad = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--set"_qs, u"action_results=0"_qs, u"--set"_qs, u"queue_health=3"_qs});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(u"--set"_qs) && bad.err.contains(u"action_results"_qs), qPrintable(bad.err));
    ArborctlRun malformed = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--set"_qs, u"action_results"_qs});
    QCOMPARE(malformed.exitCode, 2);
    QVERIFY2(malformed.err.contains(u"NAME=DAYS"_qs), qPrintable(malformed.err));
    ArborctlRun unknown = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--set"_qs, u"results=3"_qs});
    QCOMPARE(unknown.exitCode, 2);
    // Nothing half-written: queue_health (valid) was not set with the invalid one.
    ArborctlRun json = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--json"_qs});
    QCOMPARE(json.exitCode, 0);
    for (const QJsonValue &v : json.array()) {
        const QJsonObject o = v.toObject();
        QVERIFY2(o.value(u"default"_qs).toBool(), qPrintable(o.value(u"name"_qs).toString()));
    }

    ArborctlRun applied = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--set"_qs, u"action_results=30"_qs, u"--set"_qs, u"raw_events=never"_qs,
                                                       u"--apply"_qs, u"--json"_qs});
    QVERIFY2(applied.exitCode == 0, qPrintable(describe(applied)));
    const QJsonObject out = applied.object();
    bool sawResults = false;
    for (const QJsonValue &p : out.value(u"policies"_qs).toArray()) {
        const QJsonObject o = p.toObject();
        if (o.value(u"name"_qs).toString() == u"action_results"_qs) {
            QCOMPARE(o.value(u"days"_qs).toInt(), 30);
            QVERIFY(!o.value(u"default"_qs).toBool());
            sawResults = true;
        }
    }
    QVERIFY2(sawResults, qPrintable(applied.out));
    const QJsonObject run = out.value(u"run"_qs).toObject();
    QCOMPARE(run.value(u"kind"_qs).toString(), u"retention"_qs);
    QCOMPARE(run.value(u"ok"_qs).toBool(), true);
    QCOMPARE(run.value(u"deleted"_qs).toObject().value(u"action_results"_qs).toInt(), 1);

    ArborctlRun text = runArborctl(arborctl(), db, {u"db"_qs, u"retention"_qs, u"--apply"_qs});
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    QVERIFY2(text.out.contains(u"Deleted 0 rows"_qs), qPrintable(text.out));
}

} // namespace tst_retention

ARBOR_GUILESS_TEST_MAIN(retention, tst_retention::TestRetention)
#include "tst_retention.moc"
