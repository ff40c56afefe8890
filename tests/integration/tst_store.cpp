// The storage suite: one set of tests, run against SQLite and PostgreSQL (ARBOR_TEST_BACKEND).
#include "testdatabase.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/triggerstore.h"

#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSemaphore>
#include <QScopeGuard>
#include <QThread>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void migratesFreshDatabase();
    void refusesEditedMigration();
    void refusesNewerDatabase();
    void upgradeNamesAlertDeliveriesByTheirRule();
    void crossChainTablesLeaveRoomForUpdates();
    void registersChainWithTables();
    void refusesDuplicateChainAndWritesNothing();
    void pausesAndResumes();
    void addsNewEntityColumnsOnStartup();
    void startsBesideAnOpenPromotion();
    void storesUint256Exactly();
    void databaseErrorsKeepTheServersWordsBesideArbors();
    void bulkInsertKeepsEveryValueExact();
    void typedBulkInsertStoresWhatVariantRowsWould();
    void sqliteLogIsCheckpointedBesideTheWriter();
    void deletionStepsLeaveNothing();
    void leaseConflictNamesHolder();
    void leaseOfDeadOrSilentHolderIsTakenOver();
    void leaseHolderConnectedAgainKeepsItsLease();
    void postgresConnectionsNameTheirProcessAndThread();
    void postgresPreparesWhatRunsAgain();
    void postgresCopiesInBinaryWhatTextWouldStore();
    void statementsOnTheForbiddenThreadAreCountedAndNamed();
};

static qint64 migrationRows(Store &store)
{
    return *store.rowCount(ddl::adminTable(store.backend(), QStringLiteral("schema_migrations")));
}

/// Leaves the database as a binary that knew the migrations up to `version` would have.
static Status migrateThrough(Store &store, int version)
{
    if (auto status = store.migrationStatus(); !status)
        return status.error();
    for (const Migration &m : migrations(store.backend())) {
        if (m.version > version)
            break;
        Status s = store.transaction([&]() -> Status {
            for (const QString &statement : m.sql.split(QLatin1String(";\n"), Qt::SkipEmptyParts)) {
                if (Status e = store.exec(statement); !e)
                    return e;
            }
            return store.exec(QLatin1String("INSERT INTO ") + store.admin("schema_migrations")
                                  + QLatin1String(" (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"),
                              {m.version, m.name, m.checksum(), 0});
        });
        if (!s)
            return s;
    }
    return {};
}

void TestStore::migratesFreshDatabase()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open(false);
    QVERIFY(store);

    auto before = store->migrationStatus();
    QVERIFY(before);
    QCOMPARE(before->databaseVersion, 0);
    QVERIFY(before->pendingCount() > 0);

    auto applied = store->migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
    QCOMPARE(*applied, before->pendingCount());

    auto after = store->migrationStatus();
    QVERIFY(after);
    QVERIFY(after->ok());
    QCOMPARE(after->pendingCount(), 0);
    QCOMPARE(after->databaseVersion, after->binaryVersion);

    // Running again changes nothing.
    auto again = store->migrate();
    QVERIFY(again);
    QCOMPARE(*again, 0);

    for (const char *table : {"chains", "rpc_endpoints", "index_progress", "index_summary", "reindex_requests",
                              "chain_deletions", "checkpoints", "lease"}) {
        auto n = store->rowCount(ddl::adminTable(store->backend(), QString::fromLatin1(table)));
        QVERIFY2(n, table);
        QCOMPARE(*n, 0);
    }
}

void TestStore::refusesEditedMigration()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const QString table = ddl::adminTable(store->backend(), QStringLiteral("schema_migrations"));
    QVERIFY(store->exec(QLatin1String("UPDATE ") + table + QLatin1String(" SET checksum = 'edited' WHERE version = 1")));
    const qint64 rowsBefore = migrationRows(*store);

    auto status = store->migrationStatus();
    QVERIFY(status);
    QVERIFY(!status->ok());
    QVERIFY(status->migrations.first().problem.contains(QLatin1String("edited")));

    auto applied = store->migrate();
    QVERIFY(!applied);
    QCOMPARE(applied.error().kind, Error::Kind::Refused);
    QVERIFY2(applied.error().message.contains(QLatin1String("Nothing was changed")), qPrintable(applied.error().message));
    QCOMPARE(migrationRows(*store), rowsBefore);
    auto rows = store->query(QLatin1String("SELECT checksum FROM ") + table + QLatin1String(" WHERE version = 1"));
    QCOMPARE(rows->first().first().toString(), QStringLiteral("edited"));
}

void TestStore::refusesNewerDatabase()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const QString table = ddl::adminTable(store->backend(), QStringLiteral("schema_migrations"));
    QVERIFY(store->exec(QLatin1String("INSERT INTO ") + table + QLatin1String(" (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 0)")));

    auto applied = store->migrate();
    QVERIFY(!applied);
    QCOMPARE(applied.error().kind, Error::Kind::Refused);
    QVERIFY2(applied.error().message.contains(QLatin1String("newer")), qPrintable(applied.error().message));
    auto status = store->migrationStatus();
    QCOMPARE(status->databaseVersion, 999);
    QCOMPARE(migrationRows(*store), int(migrations(store->backend()).size()) + 1);  // untouched: ours plus the future one
}

void TestStore::upgradeNamesAlertDeliveriesByTheirRule()
{
    // A database of migration 11: alert rule 1's delivery and result name the rule in
    // trigger_id, beside a trigger's delivery and result with the same number 1.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open(false);
    QVERIFY(store);
    const Status old = migrateThrough(*store, 11);
    QVERIFY2(old, qPrintable(old ? QString() : old.error().toString()));
    auto rule = store->query(QLatin1String("INSERT INTO ") + store->admin("alert_rules")
                                 + QLatin1String(" (name, chain_id, kind, threshold, for_seconds, enabled, send_resolved, silenced_until, created_at, updated_at) "
                                                 "VALUES ('Lag', NULL, 'lag_blocks', 100, 0, ?, ?, 0, 1, 1) RETURNING id"),
                             {true, true});
    QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().toString()));
    const qint64 ruleId = rule->first()[0].toLongLong();
    auto action = store->query(QLatin1String("INSERT INTO ") + store->admin("alert_rule_actions")
                                   + QLatin1String(" (rule_id, position, action_type, priority, config) VALUES (?, 0, 'rest', 1, ?) RETURNING id"),
                               {ruleId, QStringLiteral("{\"type\":\"rest\",\"url\":\"http://127.0.0.1:9/hook\",\"priority\":1}")});
    QVERIFY2(action, qPrintable(action ? QString() : action.error().toString()));
    const qint64 actionId = action->first()[0].toLongLong();
    const QByteArray noTx(32, '\0');
    const QByteArray tx(32, '\x07');
    const QString deliveries = store->admin("trigger_deliveries");
    const QString insertDelivery = QLatin1String("INSERT INTO ") + deliveries
        + QLatin1String(" (id, source, trigger_id, action_id, action_type, priority, chain_id, block_number, log_index, tx_hash, event, payload, status, "
                        "attempts, next_attempt_at, is_test, replay, created_at, updated_at) VALUES (?, ?, ?, ?, 'rest', 1, 7, ?, 0, ?, ?, ?, ?, ?, 1000, ?, ?, 1000, 1000)");
    QVERIFY(store->exec(insertDelivery, {QStringLiteral("alr_old"), QStringLiteral("alert"), ruleId, actionId, 0, noTx,
                                         QStringLiteral("{\"title\":\"Lag\"}"), QByteArray("raised"), QStringLiteral("retrying"), 1, false, false}));
    QVERIFY(store->exec(insertDelivery, {QStringLiteral("dlv_old"), QStringLiteral("trigger"), ruleId, actionId, 5, tx, QStringLiteral("{}"),
                                         QByteArray("event"), QStringLiteral("success"), 1, false, false}));
    const QString results = store->admin("action_results");
    const QString insertResult = QLatin1String("INSERT INTO ") + results
        + QLatin1String(" (delivery_id, source, trigger_id, action_id, action_type, chain_id, block_number, tx_hash, log_index, status, attempt, "
                        "http_status, is_test, at) VALUES (?, ?, ?, ?, 'rest', 7, ?, ?, 0, ?, 1, ?, ?, ?) RETURNING id");
    QVERIFY(store->query(insertResult, {QStringLiteral("alr_old"), QStringLiteral("alert"), ruleId, actionId, 0, noTx, QStringLiteral("retrying"), 503,
                                        false, 900}));
    QVERIFY(store->query(insertResult, {QStringLiteral("dlv_old"), QStringLiteral("trigger"), ruleId, actionId, 5, tx, QStringLiteral("success"), 200,
                                        false, 950}));
    // The newest result went (retention): its id is not handed out again after the upgrade.
    auto gone = store->query(insertResult, {QStringLiteral("dlv_gone"), QStringLiteral("trigger"), ruleId, actionId, 5, tx, QStringLiteral("success"),
                                            200, false, 990});
    QVERIFY(gone);
    const qint64 goneId = gone->first()[0].toLongLong();
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + results + QLatin1String(" WHERE id = ?"), {goneId}));

    auto applied = store->migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
    QCOMPARE(*applied, int(migrations(store->backend()).size()) - 11);
    QVERIFY(store->migrationStatus()->ok());

    // Every row is there, each naming its subject in the column for it, the rest as it was.
    QCOMPARE(*store->rowCount(deliveries), 2);
    QCOMPARE(*store->rowCount(results), 2);
    QCOMPARE(*store->rowCount(deliveries, QStringLiteral("id = 'alr_old' AND alert_rule_id = ? AND trigger_id IS NULL"), {ruleId}), 1);
    QCOMPARE(*store->rowCount(deliveries, QStringLiteral("id = 'dlv_old' AND trigger_id = ? AND alert_rule_id IS NULL"), {ruleId}), 1);
    QCOMPARE(*store->rowCount(results, QStringLiteral("delivery_id = 'alr_old' AND alert_rule_id = ? AND trigger_id IS NULL"), {ruleId}), 1);
    QCOMPARE(*store->rowCount(results, QStringLiteral("delivery_id = 'dlv_old' AND trigger_id = ? AND alert_rule_id IS NULL"), {ruleId}), 1);
    auto kept = store->query(QLatin1String("SELECT payload, status, attempts, next_attempt_at, tx_hash, created_at FROM ") + deliveries
                             + QLatin1String(" WHERE id = 'alr_old'"));
    QVERIFY(kept);
    QCOMPARE(kept->first()[0].toByteArray(), QByteArray("raised"));
    QCOMPARE(kept->first()[1].toString(), QStringLiteral("retrying"));
    QCOMPARE(kept->first()[2].toInt(), 1);
    QCOMPARE(kept->first()[3].toLongLong(), 1000);
    QCOMPARE(kept->first()[4].toByteArray(), noTx);
    QCOMPARE(kept->first()[5].toLongLong(), 1000);

    // Read back, the alert's result and delivery are its rule's, named; the trigger's are not.
    TriggerStore triggers(*store);
    ResultFilter ofRule;
    ofRule.alertRuleId = ruleId;
    auto log = triggers.results(ofRule);
    QVERIFY2(log, qPrintable(log ? QString() : log.error().toString()));
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->first().deliveryId, QStringLiteral("alr_old"));
    QCOMPARE(log->first().source, DeliverySource::Alert);
    QCOMPARE(log->first().subjectName, QStringLiteral("Lag"));
    QCOMPARE(log->first().httpStatus, std::optional<int>(503));
    ResultFilter ofTrigger;
    ofTrigger.triggerId = ruleId;
    auto triggerLog = triggers.results(ofTrigger);
    QCOMPARE(triggerLog->size(), 1);
    QCOMPARE(triggerLog->first().deliveryId, QStringLiteral("dlv_old"));
    auto claimed = triggers.claimDue(QStringLiteral("w"), 2000, 10, 30000);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().toString()));
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().id, QStringLiteral("alr_old"));
    QCOMPARE(claimed->first().source, DeliverySource::Alert);
    QCOMPARE(claimed->first().subjectName, QStringLiteral("Lag"));
    QCOMPARE(claimed->first().action.id, actionId);

    // Its next attempt is recorded as the rule's, under a result id never used before.
    DeliveryAttempt attempt;
    attempt.deliveryId = QStringLiteral("alr_old");
    attempt.holder = QStringLiteral("w");
    attempt.httpStatus = 200;
    attempt.at = 2100;
    QVERIFY(triggers.recordAttempts({attempt}));
    auto latest = triggers.results(ofRule);
    QCOMPARE(latest->size(), 2);
    QCOMPARE(latest->first().status, DeliveryStatus::Success);
    QCOMPARE(latest->first().attempt, 2);
    QVERIFY2(latest->first().id > goneId, qPrintable(QString::number(latest->first().id)));
}

/// PostgreSQL: the fill factor of each cross-chain table, "" where it has the default.
static QMap<QString, QString> globalFillFactors(Store &store)
{
    QMap<QString, QString> out;
    auto rows = store.query(QStringLiteral("SELECT c.relname, COALESCE(array_to_string(c.reloptions, ','), '') FROM pg_class c "
                                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'arbor_global' AND c.relkind = 'r'"));
    if (rows) {
        for (const SqlRow &r : std::as_const(*rows))
            out.insert(r[0].toString(), r[1].toString());
    }
    return out;
}

void TestStore::crossChainTablesLeaveRoomForUpdates()
{
    if (TestDatabase::backend() != Backend::Postgres)
        QSKIP("A PostgreSQL storage parameter: SQLite has no fill factor.");
    const QString room = QStringLiteral("fillfactor=%1").arg(ddl::GlobalFillFactor);
    QStringList crossChain;
    for (const EntityDef &e : evmEntities()) {
        if (e.crossChain)
            crossChain.append(e.name);
    }
    crossChain.sort();

    // A new database makes its cross-chain tables with room on each page.
    {
        TestDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        auto store = db.open();
        QVERIFY(store);
        QVERIFY(store->reconcileEntityTables(evmEntities()));
        const QMap<QString, QString> factors = globalFillFactors(*store);
        QCOMPARE(factors.keys(), crossChain);
        for (auto it = factors.begin(); it != factors.end(); ++it)
            QVERIFY2(it.value() == room, qPrintable(it.key() + u": " + it.value()));
    }

    // One made before migration 20 (tables packed full) gets it from the migration.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open(false);
    QVERIFY(store);
    const Status old = migrateThrough(*store, 19);
    QVERIFY2(old, qPrintable(old ? QString() : old.error().toString()));
    QVERIFY(store->reconcileEntityTables(evmEntities()));
    for (const QString &table : std::as_const(crossChain))
        QVERIFY(store->exec(QLatin1String("ALTER TABLE arbor_global.") + table + QLatin1String(" RESET (fillfactor)")));
    QCOMPARE(globalFillFactors(*store).value(QStringLiteral("token_balances")), QString());

    auto applied = store->migrate();
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
    QCOMPARE(*applied, int(migrations(store->backend()).size()) - 19);
    const QMap<QString, QString> factors = globalFillFactors(*store);
    QCOMPARE(factors.keys(), crossChain);
    for (auto it = factors.begin(); it != factors.end(); ++it)
        QVERIFY2(it.value() == room, qPrintable(it.key() + u": " + it.value()));
}

void TestStore::registersChainWithTables()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    QVERIFY(store->reconcileEntityTables(evmEntities()));

    const ChainConfig config = sampleChain(10, QStringLiteral("optimism"));
    Status s = ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities());
    QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));

    auto tables = store->chainTables(10);
    QVERIFY(tables);
    QCOMPARE(tables->size(), evmEntities().size() * 2);
    for (const EntityDef &e : evmEntities()) {
        QVERIFY(tables->contains(ddl::entityTable(store->backend(), ddl::TableKind::Production, 10, e.name)));
        QVERIFY(tables->contains(ddl::entityTable(store->backend(), ddl::TableKind::Staging, 10, e.name)));
    }

    auto found = ChainRegistry(*store).findChain(ChainRef::parse(QStringLiteral("optimism")));
    QVERIFY(found && *found);
    const ChainRecord &c = **found;
    QCOMPARE(c.config.chainId, 10);
    QCOMPARE(c.state, ChainState::Active);
    QCOMPARE(c.config.startBlock, std::optional<qint64>(100));
    QCOMPARE(c.config.confirmations, 3);
    QCOMPARE(c.endpoints.size(), 2);
    QCOMPARE(c.endpoints[0].url, config.rpcUrls[0]);
    QCOMPARE(c.endpoints[0].clientVersion, QStringLiteral("test/1.0"));
    QCOMPARE(c.endpoints[1].priority, 1);
    QCOMPARE(c.config.tokens, config.tokens);

    auto byId = ChainRegistry(*store).findChain(ChainRef::parse(QStringLiteral("10")));
    QVERIFY(byId && *byId);
    auto missing = ChainRegistry(*store).findChain(ChainRef::parse(QStringLiteral("nope")));
    QVERIFY(missing && !*missing);
}

void TestStore::refusesDuplicateChainAndWritesNothing()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const ChainConfig first = sampleChain(1, QStringLiteral("mainnet"));
    QVERIFY(ChainRegistry(*store).registerChain(first, sampleEndpoints(first), evmEntities()));

    ChainConfig sameId = sampleChain(1, QStringLiteral("other"));
    Status s = ChainRegistry(*store).registerChain(sameId, sampleEndpoints(sameId), evmEntities());
    QVERIFY(!s);
    QCOMPARE(s.error().kind, Error::Kind::Conflict);
    QCOMPARE(s.error().field, QStringLiteral("chain id"));

    ChainConfig sameName = sampleChain(2, QStringLiteral("mainnet"));
    s = ChainRegistry(*store).registerChain(sameName, sampleEndpoints(sameName), evmEntities());
    QVERIFY(!s);
    QCOMPARE(s.error().field, QStringLiteral("name"));
    QVERIFY(s.error().message.contains(QLatin1String("mainnet")));

    QCOMPARE(chainFootprint(*store, 2), QStringList());
    auto all = ChainRegistry(*store).chains();
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().endpoints.size(), 2);
}

void TestStore::pausesAndResumes()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const ChainConfig config = sampleChain(5, QStringLiteral("goerli"));
    QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));

    QVERIFY(ChainRegistry(*store).setChainState(5, ChainState::Paused));
    QCOMPARE((*ChainRegistry(*store).findChain(ChainRef::parse(QStringLiteral("5"))))->state, ChainState::Paused);
    QVERIFY(ChainRegistry(*store).setChainState(5, ChainState::Active));
    QCOMPARE((*ChainRegistry(*store).findChain(ChainRef::parse(QStringLiteral("5"))))->state, ChainState::Active);

    Status missing = ChainRegistry(*store).setChainState(6, ChainState::Paused);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);

    QVERIFY(ChainRegistry(*store).markChainDeleting(5));
    Status s = ChainRegistry(*store).setChainState(5, ChainState::Active);
    QVERIFY(!s);
    QVERIFY(s.error().message.contains(QLatin1String("being deleted")));
}

void TestStore::addsNewEntityColumnsOnStartup()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    QVERIFY(store->reconcileEntityTables(evmEntities()));
    for (qint64 id : {1, 2}) {
        const ChainConfig config = sampleChain(id, QStringLiteral("chain-%1").arg(id));
        QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
    }
    const QString blocks1 = ddl::entityTable(store->backend(), ddl::TableKind::Production, 1, QStringLiteral("blocks"));
    const QString globalBalances = ddl::entityTable(store->backend(), ddl::TableKind::Global, 0, QStringLiteral("token_balances"));
    const QByteArray hash(32, '\x11');
    QVERIFY(store->exec(QLatin1String("INSERT INTO ") + blocks1 + QLatin1String(" (number, hash, parent_hash, timestamp, tx_count, gas_used) VALUES (?, ?, ?, ?, ?, ?)"),
                        {7, hash, hash, 1700000000, 2, 21000}));
    const QByteArray addr(20, '\x22');
    QVERIFY(store->exec(QLatin1String("INSERT INTO ") + globalBalances
                            + QLatin1String(" (chain_id, token, holder, balance, last_block, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                        {1, addr, addr, store->u256Value(U256(5)), 7, nowMs()}));

    // A new release declares two more columns: one on a per-chain entity, one on a global one.
    QList<EntityDef> next = evmEntities();
    for (EntityDef &e : next) {
        if (e.name == u"blocks") {
            ColumnDef miner;
            miner.name = QStringLiteral("miner");
            miner.type = ColumnType::Address;
            e.columns.append(miner);
            ColumnDef baseFee;
            baseFee.name = QStringLiteral("base_fee");
            baseFee.type = ColumnType::U256;
            baseFee.nullable = true;
            e.columns.append(baseFee);
        }
        if (e.name == u"token_balances") {
            ColumnDef symbol;
            symbol.name = QStringLiteral("token_symbol");
            symbol.type = ColumnType::Text;
            symbol.crossChainRename = QStringLiteral("symbol");
            e.columns.append(symbol);
        }
    }
    auto changes = store->reconcileEntityTables(next);
    QVERIFY2(changes, qPrintable(changes ? QString() : changes.error().toString()));
    // miner + base_fee on 2 chains x (production + staging), token_symbol on 2 x 2 and once globally.
    QCOMPARE(changes->size(), 2 * 2 * 2 + 2 * 2 + 1);

    for (qint64 id : {1, 2}) {
        for (auto kind : {ddl::TableKind::Production, ddl::TableKind::Staging}) {
            auto columns = store->tableColumns(ddl::entityTable(store->backend(), kind, id, QStringLiteral("blocks")));
            QVERIFY(columns->contains(QStringLiteral("miner")));
            QVERIFY(columns->contains(QStringLiteral("base_fee")));
        }
    }
    auto global = store->tableColumns(globalBalances);
    QVERIFY(global->contains(QStringLiteral("symbol")));
    QVERIFY(!global->contains(QStringLiteral("token_symbol")));

    // Existing rows got the defaults; nothing was dropped.
    auto row = store->query(QLatin1String("SELECT number, miner, base_fee FROM ") + blocks1);
    QCOMPARE(row->size(), 1);
    QCOMPARE(row->first()[0].toLongLong(), 7);
    QCOMPARE(row->first()[1].toByteArray(), QByteArray(20, '\0'));
    QVERIFY(row->first()[2].isNull());
    QCOMPARE(*store->rowCount(globalBalances), 1);

    // Start-up again: nothing left to add.
    auto again = store->reconcileEntityTables(next);
    QVERIFY(again);
    QVERIFY(again->isEmpty());
}

void TestStore::storesUint256Exactly()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const ChainConfig config = sampleChain(3, QStringLiteral("c"));
    QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
    const QString table = ddl::entityTable(store->backend(), ddl::TableKind::Production, 3, QStringLiteral("token_balances"));

    const U256 max = std::numeric_limits<U256>::max();
    const QList<U256> values = {U256(0), U256(1), U256(255), U256(256), (U256(1) << 128) + 7, max - 1, max,
                                U256(std::numeric_limits<quint64>::max())};
    for (qsizetype i = 0; i < values.size(); ++i) {
        QByteArray holder(20, '\0');
        holder[19] = char(i + 1);
        QVERIFY(store->exec(QLatin1String("INSERT INTO ") + table + QLatin1String(" (token, holder, balance, last_block, computed_at) VALUES (?, ?, ?, ?, ?)"),
                            {QByteArray(20, '\x01'), holder, store->u256Value(values[i]), 1, 0}));
    }
    auto rows = store->query(QLatin1String("SELECT balance FROM ") + table + QLatin1String(" ORDER BY balance"));
    QVERIFY(rows);
    QList<U256> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(rows->size(), sorted.size());
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        auto v = store->u256FromValue(rows->at(i).first(), QStringLiteral("balance"));
        QVERIFY(v);
        QCOMPARE(u256::toDecimal(*v), u256::toDecimal(sorted[i]));
    }
}

// A stall on a database error is worded by each alert reader: the error carries a code and the
// server's own words, apart from Arbor's sentence in this process's language.
void TestStore::databaseErrorsKeepTheServersWordsBesideArbors()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    auto rows = store->query(QStringLiteral("SELECT holder FROM arbor_no_such_table"));
    QVERIFY(!rows);
    const Error &e = rows.error();
    QCOMPARE(e.code, QStringLiteral("database"));
    QCOMPARE(e.codeArgs.size(), 1);
    const QString said = e.codeArgs.first();
    QVERIFY2(said.contains(QLatin1String("arbor_no_such_table")), qPrintable(said));
    QVERIFY2(e.message.contains(said) && e.message != said, qPrintable(e.message));   // Arbor's sentence around the server's words
}

void TestStore::startsBesideAnOpenPromotion()
{
    // PostgreSQL takes CREATE INDEX's lock on the table before it looks at IF NOT EXISTS. An
    // engine starting (or an arborctl command opening the database) while another engine
    // promotes must not ask for what exists, or it waits behind that promotion, and with several
    // tables in one transaction it can deadlock with it.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Postgres)
        QSKIP("SQLite has one writer at a time: no engine starts beside another's promotion");
    {
        auto store = db.open();
        QVERIFY(store);
        const ChainConfig config = sampleChain(10, QStringLiteral("optimism"));
        QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
    }

    // What a promotion holds on every table it writes, until it commits.
    QSemaphore locked, release;
    QString holderError;   // written before `locked` is released, read after
    QThread *holder = QThread::create([&] {
        bool holding = false;
        const auto hold = [&]() -> Status {
            auto other = db.open(false);
            if (!other)
                return Error::internal(QStringLiteral("cannot open a second session"));
            return other->transaction([&]() -> Status {
                for (const EntityDef &e : evmEntities()) {
                    const QString table = ddl::entityTable(Backend::Postgres, ddl::TableKind::Production, 10, e.name);
                    if (Status s = other->exec(QLatin1String("LOCK TABLE ") + table + QLatin1String(" IN ROW EXCLUSIVE MODE")); !s)
                        return s;
                }
                holding = true;
                locked.release();
                release.acquire();
                return {};
            });
        };
        const Status held = hold();
        if (!holding) {
            holderError = held ? QStringLiteral("nothing was locked") : held.error().toString();
            locked.release();
        }
    });
    holder->start();
    const auto finish = qScopeGuard([&] {
        release.release();
        holder->wait();
        delete holder;
    });
    locked.acquire();
    QVERIFY2(holderError.isEmpty(), qPrintable(holderError));

    auto starting = db.open(false);
    QVERIFY(starting);
    QVERIFY(starting->exec(QStringLiteral("SET lock_timeout = '3s'")));
    const Result<QStringList> changes = starting->reconcileEntityTables(evmEntities());
    QVERIFY2(changes, qPrintable(changes ? QString() : changes.error().toString()));
    QVERIFY2(changes->isEmpty(), qPrintable(changes->join(u", ")));
}

void TestStore::sqliteLogIsCheckpointedBesideTheWriter()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Sqlite)
        QSKIP("SQLite's write-ahead log");
    const QString path = db.url().path;
    {
        auto store = db.open();
        QVERIFY(store);
        QVERIFY((*store).exec(QStringLiteral("CREATE TABLE log_test (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")));
        const qint64 before = QFileInfo(path).size();
        // About 12 MB in one commit: past where a background checkpoint is asked for (8 MB),
        // below where the writer would checkpoint itself (40 MB).
        const int rowsPerCommit = 3000;
        QList<SqlRow> rows;
        for (int i = 0; i < rowsPerCommit; ++i)
            rows.append({i, QByteArray(4000, char('a' + i % 26))});
        Status written = store->transaction([&] { return store->bulkInsert(QStringLiteral("log_test"), {QStringLiteral("id"), QStringLiteral("payload")}, rows); });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
        QVERIFY(QFileInfo(path + QLatin1String("-wal")).size() > 12'000'000);

        // Nothing more is written, and the store stays open: only a checkpoint moves the pages
        // from the log into the database file.
        QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(path).size() >= before + 12'000'000,
                                  qPrintable(QStringLiteral("the database file is %1 bytes").arg(QFileInfo(path).size())), 20000);
        auto count = store->query(QStringLiteral("SELECT COUNT(*), SUM(LENGTH(payload)) FROM log_test"));
        QVERIFY(count);
        QCOMPARE(count->first()[0].toLongLong(), qint64(rowsPerCommit));
        QCOMPARE(count->first()[1].toLongLong(), qint64(rowsPerCommit) * 4000);
    }
    // Closed: its close was the last, so nothing is left in a log.
    QVERIFY(!QFileInfo::exists(path + QLatin1String("-wal")));
    auto again = db.open();
    QVERIFY(again);
    auto count = again->query(QStringLiteral("SELECT COUNT(*) FROM log_test WHERE LENGTH(payload) = 4000"));
    QVERIFY(count);
    QCOMPARE(count->first()[0].toLongLong(), qint64(3000));
}

void TestStore::bulkInsertKeepsEveryValueExact()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const ChainConfig config = sampleChain(4, QStringLiteral("bulk"));
    QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));

    // Values that break naive COPY or CSV writers: tabs, newlines, backslashes, "\N", NUL bytes,
    // empty versus NULL, non-ASCII text, the largest uint256.
    const QStringList texts = {QStringLiteral("plain"), QStringLiteral("tab\there"), QStringLiteral("line\nbreak\r\n"),
                               QStringLiteral("back\\slash \\N"), QStringLiteral("\\N"), QString(), QStringLiteral("ünïcødé ✓ 漢字"),
                               QStringLiteral("ipfs://bafy/agent.json")};
    const QList<QByteArray> blobs = {QByteArray("\x00\x09\x0a\x5c\xff", 5), QByteArray(), QByteArray(300, '\x5c')};
    const QStringList columns = {QStringLiteral("block_number"), QStringLiteral("log_index"), QStringLiteral("tx_hash"), QStringLiteral("registry"),
                                 QStringLiteral("registry_kind"), QStringLiteral("event"), QStringLiteral("agent_id"), QStringLiteral("actor"),
                                 QStringLiteral("tag1"), QStringLiteral("metadata_value"), QStringLiteral("value_decimals")};
    const int count = 3000;
    const U256 max = std::numeric_limits<U256>::max();
    QList<SqlRow> rows;
    for (int i = 0; i < count; ++i) {
        QByteArray hash(32, char(i % 251));
        const QString text = texts[i % texts.size()];
        rows.append({qint64(i / 10), qint64(i % 10), hash, QByteArray(20, '\x07'), QStringLiteral("reputation"), QStringLiteral("NewFeedback"),
                     store->u256Value(i % 2 ? max - U256(i) : U256(i)), i % 3 ? QVariant(QByteArray(20, char(i % 256))) : QVariant(),
                     i % 7 == 5 ? QVariant() : QVariant(text), i % 4 ? QVariant(blobs[i % blobs.size()]) : QVariant(), qint64(i % 19)});
    }
    const QString table = ddl::entityTable(store->backend(), ddl::TableKind::Staging, 4, QStringLiteral("agent_events"));
    Status s = store->bulkInsert(table, columns, rows);
    QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));

    auto read = store->query(QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM ") + table
                             + QLatin1String(" ORDER BY block_number, log_index"));
    QVERIFY(read);
    QCOMPARE(read->size(), count);
    for (int i = 0; i < count; ++i) {
        const SqlRow &got = read->at(i);
        const SqlRow &want = rows[i];
        QCOMPARE(got[0].toLongLong(), want[0].toLongLong());
        QCOMPARE(got[2].toByteArray(), want[2].toByteArray());
        QCOMPARE(got[5].toString(), QStringLiteral("NewFeedback"));
        QCOMPARE(u256::toDecimal(*store->u256FromValue(got[6], QStringLiteral("agent_id"))),
                 u256::toDecimal(*store->u256FromValue(want[6], QStringLiteral("agent_id"))));
        QCOMPARE(got[7].isNull(), want[7].isNull());
        QCOMPARE(got[7].toByteArray(), want[7].toByteArray());
        QCOMPARE(got[8].isNull(), want[8].isNull());
        QCOMPARE(got[8].toString(), want[8].toString());
        QCOMPARE(got[9].isNull(), want[9].isNull());
        QCOMPARE(got[9].toByteArray(), want[9].toByteArray());
        QCOMPARE(got[10].toLongLong(), want[10].toLongLong());
    }

    // A failing bulk insert inside a transaction leaves nothing behind.
    QList<SqlRow> bad = rows.mid(0, 10);
    bad[9][1] = QVariant();  // log_index is NOT NULL
    const qint64 before = *store->rowCount(table);
    Status failed = store->transaction([&]() -> Status {
        if (Status e = store->exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE block_number = 0")); !e)
            return e;
        return store->bulkInsert(table, columns, bad);
    });
    QVERIFY(!failed);
    QCOMPARE(*store->rowCount(table), before);
}

void TestStore::typedBulkInsertStoresWhatVariantRowsWould()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const ChainConfig config = sampleChain(5, QStringLiteral("typed"));
    QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
    const EntityDef &transfers = requireEntity(evmEntities(), "token_transfers");
    const QStringList columns = ddl::columnNames(ddl::TableKind::Production, transfers);
    QCOMPARE(columns.size(), 7);
    const QString typedTable = ddl::entityTable(store->backend(), ddl::TableKind::Production, 5, transfers.name);
    const QString variantTable = ddl::entityTable(store->backend(), ddl::TableKind::Staging, 5, transfers.name);

    // Every base-10000 and base-10^19 boundary a numeric's digits and the decimal conversion
    // have, both ends of uint256, and enough rows for several INSERTs and COPY chunks.
    const U256 max = std::numeric_limits<U256>::max();
    const QList<U256> edges = {U256(0), U256(1), U256(9999), U256(10000), U256(10001), U256(99'999'999), U256(100'000'000),
                               U256(9'999'999'999'999'999'999ULL), U256(10'000'000'000'000'000'000ULL), U256(std::numeric_limits<quint64>::max()),
                               U256(std::numeric_limits<quint64>::max()) + U256(1), max, max - U256(1), *u256::fromDecimal(u"1000000000000000000000000000000000000000")};
    struct Row
    {
        qint64 block, index;
        QByteArray hash, token, from, to;
        U256 value;
    };
    QList<Row> rows;
    const int count = 10000;
    for (int i = 0; i < count; ++i) {
        rows.append({i == count - 1 ? std::numeric_limits<qint64>::max() : qint64(i / 7), qint64(i % 7), i == 3 ? QByteArray() : QByteArray(32, char(i % 253)),
                     QByteArray(20, char(i % 3)), QByteArray(20, char(i % 256)), QByteArray(20, '\0'),
                     i < edges.size() ? edges[i] : U256(quint64(i) * 1'000'003ULL) * U256(quint64(i) + 7)});
    }
    const Status typed = store->bulkInsert(typedTable, columns, rows.size(), [&](qsizetype r, RowWriter &out) {
        const Row &row = rows[r];
        out.integer(row.block);
        out.integer(row.index);
        out.bytes(row.hash);
        out.bytes(row.token);
        out.bytes(row.from);
        out.bytes(row.to);
        out.u256(row.value);
    });
    QVERIFY2(typed, qPrintable(typed ? QString() : typed.error().toString()));
    QList<SqlRow> variants;
    for (const Row &row : std::as_const(rows))
        variants.append({row.block, row.index, row.hash, row.token, row.from, row.to, store->u256Value(row.value)});
    QVERIFY(store->bulkInsert(variantTable, columns, variants));

    const QString select = QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM %1 ORDER BY block_number, log_index");
    auto got = store->query(select.arg(typedTable));
    auto want = store->query(select.arg(variantTable));
    QVERIFY(got && want);
    QCOMPARE(got->size(), count);
    QCOMPARE(*got, *want);
    for (int i = 0; i < edges.size(); ++i)
        QCOMPARE(u256::toDecimal(*store->u256FromValue(got->at(i)[6], QStringLiteral("value"))), u256::toDecimal(edges[i]));
    QCOMPARE(got->at(3)[2].toByteArray(), QByteArray());
    QCOMPARE(got->last()[0].toLongLong(), std::numeric_limits<qint64>::max());

    // A row with a value too few is a programming error, named; nothing of the insert stays.
    const qint64 before = *store->rowCount(typedTable);
    const Status short_ = store->bulkInsert(typedTable, columns, 100, [&](qsizetype r, RowWriter &out) {
        out.integer(1'000'000 + r);
        out.integer(0);
        out.bytes(rows[0].hash);
        out.bytes(rows[0].token);
        out.bytes(rows[0].from);
        if (r != 60)
            out.bytes(rows[0].to);
        out.u256(U256(5));
    });
    QVERIFY(!short_);
    QVERIFY2(short_.error().message.contains(QStringLiteral("Row 60")) && short_.error().message.contains(typedTable),
             qPrintable(short_.error().message));
    QCOMPARE(*store->rowCount(typedTable), before);

    if (store->backend() == Backend::Postgres) {
        // PostgreSQL checks each value against its column's type: bytes are no numeric.
        const Status refused = store->bulkInsert(typedTable, columns, 1, [&](qsizetype, RowWriter &out) {
            out.integer(2'000'000);
            out.integer(0);
            out.bytes(rows[0].hash);
            out.bytes(rows[0].token);
            out.bytes(rows[0].from);
            out.bytes(rows[0].to);
            out.bytes(rows[0].hash);
        });
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("Column value of ")), qPrintable(refused.error().message));
        QCOMPARE(*store->rowCount(typedTable), before);
    }
}

void TestStore::deletionStepsLeaveNothing()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    QVERIFY(store->reconcileEntityTables(evmEntities()));
    for (qint64 id : {7, 8}) {
        const ChainConfig config = sampleChain(id, QStringLiteral("chain-%1").arg(id));
        QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
        const QString global = ddl::entityTable(store->backend(), ddl::TableKind::Global, 0, QStringLiteral("block_summaries"));
        QVERIFY(store->exec(QLatin1String("INSERT INTO ") + global
                                + QLatin1String(" (chain_id, day, first_block, last_block, block_count, tx_count, transfer_count, gas_used, active_holders, updated_at) "
                                                "VALUES (?, 19000, 1, 2, 2, 3, 4, 5, 6, ?)"),
                            {id, nowMs()}));
        QVERIFY(store->exec(QLatin1String("INSERT INTO ") + ddl::adminTable(store->backend(), QStringLiteral("checkpoints"))
                                + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, 2, ?, ?)"),
                            {id, QByteArray(32, '\x05'), nowMs()}));
    }
    QVERIFY(!chainFootprint(*store, 7).isEmpty());

    QVERIFY(ChainRegistry(*store).recordDeletionStep(7, 1, QStringLiteral("stop indexing"), false));
    QVERIFY(ChainRegistry(*store).recordDeletionStep(7, 1, QStringLiteral("stop indexing"), true));
    QVERIFY(ChainRegistry(*store).markChainDeleting(7));
    QCOMPARE(*ChainRegistry(*store).chainsBeingDeleted(), QList<qint64>{7});
    QVERIFY(ChainRegistry(*store).removeGlobalRows(7, evmEntities()));
    QVERIFY(ChainRegistry(*store).deleteTrackingRows(7));
    QVERIFY(ChainRegistry(*store).dropChainTables(7));
    // Every step can run twice: a resumed delete repeats the step that was interrupted.
    QVERIFY(ChainRegistry(*store).removeGlobalRows(7, evmEntities()));
    QVERIFY(ChainRegistry(*store).deleteTrackingRows(7));
    QVERIFY(ChainRegistry(*store).dropChainTables(7));
    auto journal = ChainRegistry(*store).deletionJournal(7);
    QCOMPARE(journal->size(), 1);
    QCOMPARE(journal->first().status, QStringLiteral("done"));
    QVERIFY(ChainRegistry(*store).forgetChain(7));

    QCOMPARE(chainFootprint(*store, 7), QStringList());
    QVERIFY(ChainRegistry(*store).chainsBeingDeleted()->isEmpty());
    // The other chain is untouched.
    // Its tables, and rows in chains, rpc_endpoints, tokens, index_summary, checkpoints and one global table.
    QCOMPARE(chainFootprint(*store, 8).size(), evmEntities().size() * 2 + 6);
}

void TestStore::leaseConflictNamesHolder()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto a = db.open();
    auto b = db.open(false);
    QVERIFY(a && b);
    const LeaseHolder first{QCoreApplication::applicationPid(), QStringLiteral("host-a"), QStringLiteral("arbor"), QStringLiteral("token-a")};
    const LeaseHolder second{QCoreApplication::applicationPid() + 1, QStringLiteral("host-b"), QStringLiteral("arborctl index"), QStringLiteral("token-b")};

    auto lease = a->acquireLease(first, 30000);
    QVERIFY2(lease, qPrintable(lease ? QString() : lease.error().toString()));
    QVERIFY(lease->tookOverFrom.isEmpty());
    QVERIFY(a->renewLease(first));

    auto other = b->acquireLease(second, 30000);
    QVERIFY(!other);
    QCOMPARE(other.error().kind, Error::Kind::Conflict);
    QVERIFY2(other.error().message.contains(QString::number(first.pid)), qPrintable(other.error().message));
    QVERIFY(other.error().message.contains(QLatin1String("host-a")));

    auto current = b->currentLease();
    QVERIFY(current && *current);
    QCOMPARE((*current)->holder.host, QStringLiteral("host-a"));

    QVERIFY(a->releaseLease(first));
    auto now = b->acquireLease(second, 30000);
    QVERIFY2(now, qPrintable(now ? QString() : now.error().toString()));
    QVERIFY(!a->renewLease(first));
}

void TestStore::leaseOfDeadOrSilentHolderIsTakenOver()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const QString host = LeaseHolder::currentProcess(QString()).host;

    // A process that has exited, on this host: its pid is free.
    QProcess child;
    child.start(QStringLiteral("/bin/sleep"), {QStringLiteral("0.1")});
    QVERIFY(child.waitForStarted());
    const qint64 deadPid = child.processId();
    QVERIFY(child.waitForFinished());
    QVERIFY(store->exec(QLatin1String("INSERT INTO ") + ddl::adminTable(store->backend(), QStringLiteral("lease"))
                            + QLatin1String(" (id, holder_pid, holder_host, holder_app, holder_token, acquired_at, heartbeat_at) VALUES (1, ?, ?, 'arbor', 'dead', ?, ?)"),
                        {deadPid, host, nowMs(), nowMs()}));
    const LeaseHolder me = LeaseHolder::currentProcess(QStringLiteral("arbor"));
    auto lease = store->acquireLease(me, 30000);
    QVERIFY2(lease, qPrintable(lease ? QString() : lease.error().toString()));
    QVERIFY(!lease->tookOverFrom.isEmpty());
    QVERIFY(store->releaseLease(me));

    // A live-looking holder on another host that stopped heart-beating a minute ago.
    QVERIFY(store->exec(QLatin1String("INSERT INTO ") + ddl::adminTable(store->backend(), QStringLiteral("lease"))
                            + QLatin1String(" (id, holder_pid, holder_host, holder_app, holder_token, acquired_at, heartbeat_at) VALUES (1, 1, 'elsewhere', 'arbor', 'silent', ?, ?)"),
                        {nowMs() - 120000, nowMs() - 60000}));
    lease = store->acquireLease(me, 30000);
    QVERIFY2(lease, qPrintable(lease ? QString() : lease.error().toString()));
    QVERIFY(lease->tookOverFrom.contains(QLatin1String("elsewhere")));

    if (store->backend() == Backend::Postgres) {
        // PostgreSQL: while the holder's session lives (holding the advisory lock) and its
        // heartbeat is fresh, a second session cannot take the lease.
        auto other = db.open(false);
        const LeaseHolder rival{me.pid + 1, QStringLiteral("rival"), QStringLiteral("arborctl serve"), QStringLiteral("token-rival")};
        auto refused = other->acquireLease(rival, 30000);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        // Its heartbeat stops while its session and lock live on (an engine frozen, or starved):
        // the database's clock alone decides, and the lease is taken over.
        QVERIFY(other->exec(QLatin1String("UPDATE ") + ddl::adminTable(other->backend(), QStringLiteral("lease"))
                                + QLatin1String(" SET heartbeat_at = 0")));
        auto taken = other->acquireLease(rival, 30000);
        QVERIFY2(taken, qPrintable(taken ? QString() : taken.error().toString()));
        QVERIFY(taken->tookOverFrom.contains(QString::number(me.pid)));
        // The stalled holder's next renewal finds the lease gone, and it does not take it back.
        QVERIFY(!store->renewLease(me));
        QVERIFY(other->renewLease(rival));
        QVERIFY(!store->acquireLease(me, 30000));
    }
}

void TestStore::leaseHolderConnectedAgainKeepsItsLease()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Postgres)
        QSKIP("SQLite has no server that ends a connection");
    auto a = db.open();
    auto b = db.open(false);
    QVERIFY(a && b);
    const LeaseHolder first{QCoreApplication::applicationPid(), QStringLiteral("host-a"), QStringLiteral("arborctl serve"), QStringLiteral("token-a")};
    const LeaseHolder second{QCoreApplication::applicationPid() + 1, QStringLiteral("host-b"), QStringLiteral("arborctl index"), QStringLiteral("token-b")};
    QVERIFY(a->acquireLease(first, 30000));

    // The server ends the holder's session (a restart, a cut network): the advisory lock goes
    // with it. The holder's next statement finds the connection lost, the one after connects
    // again and takes the lock back.
    auto session = a->query(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(session && session->size() == 1);
    QVERIFY(b->exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {session->first().first()}));
    (void)a->renewLease(first);
    const Status renewed = a->renewLease(first);
    QVERIFY2(renewed, qPrintable(renewed ? QString() : renewed.error().toString()));
    auto again = a->query(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(again && again->size() == 1);
    QVERIFY(again->first().first() != session->first().first());

    // Another process does not read the free lock as the holder's death: the holder lives.
    auto other = b->acquireLease(second, 30000);
    QVERIFY2(!other, "a second process took the lease of a live holder whose connection was opened again");
    QCOMPARE(other.error().kind, Error::Kind::Conflict);
    QVERIFY(a->renewLease(first));
    QVERIFY(a->releaseLease(first));
    QVERIFY(b->acquireLease(second, 30000));
}

void TestStore::postgresConnectionsNameTheirProcessAndThread()
{
    // On a server shared by engines, consoles and queue runs, pg_stat_activity says whose each
    // connection is: the process id, and the Arbor thread that opened it.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Postgres)
        QSKIP("SQLite has no server to show connections on");
    const QString process = QStringLiteral("arbor[%1]").arg(QCoreApplication::applicationPid());
    const auto nameOf = [](Store &store) {
        auto rows = store.query(QStringLiteral("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"));
        return rows && !rows->isEmpty() ? rows->first().first().toString() : QStringLiteral("(none)");
    };
    {
        auto store = db.open(false);
        QVERIFY(store);
        QCOMPARE(nameOf(*store), process);   // the test's main thread has no name
    }
    QString onWorker;
    QThread *worker = QThread::create([&] {
        auto store = db.open(false);
        onWorker = store ? nameOf(*store) : QStringLiteral("(not opened)");
    });
    worker->setObjectName(QStringLiteral("arbor-queue-3"));
    worker->start();
    QVERIFY(worker->wait(30000));
    delete worker;
    QCOMPARE(onWorker, process + QStringLiteral(" queue-3"));
}

void TestStore::postgresPreparesWhatRunsAgain()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Postgres)
        QSKIP("SQLite's statements are prepared by Arbor's own cache (SqliteStore::statement)");
    auto store = db.open();
    auto other = db.open(false);
    QVERIFY(store && other);
    auto prepared = [&](const QString &like) -> int {
        auto rows = store->query(QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?"), {like});
        return rows && rows->size() == 1 ? rows->first().first().toInt() : -1;
    };
    auto valueOf = [&](qint64 a) -> QString {
        auto rows = store->query(QStringLiteral("SELECT b FROM arbor.prep_t WHERE a = ?"), {a});
        return rows && rows->size() == 1 ? rows->first().first().toString() : QStringLiteral("<%1 rows>").arg(rows ? rows->size() : -1);
    };
    QVERIFY(store->exec(QStringLiteral("CREATE TABLE arbor.prep_t (a BIGINT PRIMARY KEY, b TEXT NOT NULL)")));
    const QString insert = QStringLiteral("INSERT INTO arbor.prep_t (a, b) VALUES (?, ?)");
    QCOMPARE(prepared(QStringLiteral("INSERT INTO arbor.prep_t%")), 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store->exec(insert, {i, QStringLiteral("v%1").arg(i)}));
    // Run once, a statement is not kept on the server; run again, it is, and runs as prepared.
    QCOMPARE(prepared(QStringLiteral("INSERT INTO arbor.prep_t%")), 1);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(valueOf(i), QStringLiteral("v%1").arg(i));
    QCOMPARE(prepared(QStringLiteral("SELECT b FROM arbor.prep_t%")), 1);

    // A transaction rolled back takes its rows, not the prepared statements.
    const Status rolledBack = store->transaction([&]() -> Status {
        if (Status s = store->exec(insert, {100, QStringLiteral("gone")}); !s)
            return s;
        return Error::internal(QStringLiteral("rolled back on purpose"));
    });
    QVERIFY(!rolledBack);
    QCOMPARE(valueOf(100), QStringLiteral("<0 rows>"));
    QVERIFY(store->exec(insert, {6, QStringLiteral("v6")}));
    QCOMPARE(valueOf(6), QStringLiteral("v6"));

    // A statement that fails does not spoil the next run of the same text.
    QVERIFY(!store->exec(insert, {6, QStringLiteral("duplicate")}));
    QVERIFY(store->exec(insert, {7, QStringLiteral("v7")}));
    QCOMPARE(valueOf(7), QStringLiteral("v7"));

    // The table changes between runs (a column added, as a new entity field does): the server
    // plans the prepared statements again.
    QVERIFY(store->exec(QStringLiteral("ALTER TABLE arbor.prep_t ADD COLUMN c BIGINT NOT NULL DEFAULT 7")));
    QVERIFY(store->exec(insert, {8, QStringLiteral("v8")}));
    QCOMPARE(valueOf(8), QStringLiteral("v8"));
    auto c = store->query(QStringLiteral("SELECT c FROM arbor.prep_t WHERE a = 8"));
    QVERIFY(c && c->size() == 1);
    QCOMPARE(c->first().first().toLongLong(), 7);

    // The server ends the session: the statement after the one that finds it gone runs on a new
    // session, where the statements are prepared again.
    auto session = store->query(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(session && session->size() == 1);
    QVERIFY(other->exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {session->first().first()}));
    (void)store->query(QStringLiteral("SELECT 1"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(valueOf(i), QStringLiteral("v%1").arg(i));
    auto again = store->query(QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(again && again->size() == 1);
    QVERIFY(again->first().first() != session->first().first());
    QCOMPARE(prepared(QStringLiteral("SELECT b FROM arbor.prep_t%")), 1);

    // Many different statements, each run twice: right answers, and the session keeps a
    // bounded number of them (a long-running engine does not grow the server's memory).
    for (int i = 0; i < 1000; ++i) {
        const QString sum = QStringLiteral("SELECT %1 + ?").arg(i);
        for (int run = 0; run < 2; ++run) {
            auto rows = store->query(sum, {1});
            QVERIFY2(rows && rows->size() == 1, qPrintable(rows ? QString() : rows.error().toString()));
            QCOMPARE(rows->first().first().toLongLong(), qint64(i) + 1);
        }
    }
    const int kept = prepared(QStringLiteral("%"));
    QVERIFY2(kept > 0 && kept <= 400, qPrintable(QString::number(kept)));
    QCOMPARE(valueOf(3), QStringLiteral("v3"));
}

void TestStore::postgresCopiesInBinaryWhatTextWouldStore()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    if (db.url().backend != Backend::Postgres)
        QSKIP("SQLite inserts rows with a prepared INSERT, not COPY");
    auto store = db.open();
    auto other = db.open(false);
    QVERIFY(store && other);
    // Two tables of every column type Arbor uses and more. `as_text` has a timestamptz column
    // too, a type without a binary form here: its rows go out in COPY's text form, and what it
    // stores is what binary must store.
    const QString columnsDdl = QStringLiteral("id INT PRIMARY KEY, b BOOLEAN, i2 SMALLINT, i4 INTEGER, i8 BIGINT, f4 REAL, f8 DOUBLE PRECISION, "
                                              "n NUMERIC, n78 NUMERIC(78,0), by BYTEA, t TEXT, v VARCHAR(20), j JSONB");
    QVERIFY(store->exec(QLatin1String("CREATE TABLE arbor.as_binary (") + columnsDdl + u')'));
    QVERIFY(store->exec(QLatin1String("CREATE TABLE arbor.as_text (") + columnsDdl + QLatin1String(", ts TIMESTAMPTZ)")));
    const QStringList columns = {QStringLiteral("id"), QStringLiteral("b"),  QStringLiteral("i2"), QStringLiteral("i4"),  QStringLiteral("i8"),
                                 QStringLiteral("f4"), QStringLiteral("f8"), QStringLiteral("n"),  QStringLiteral("n78"), QStringLiteral("by"),
                                 QStringLiteral("t"),  QStringLiteral("v"),  QStringLiteral("j")};
    const QString maxU256 = u256::toDecimal(std::numeric_limits<U256>::max());
    const QVariantList numerics = {QStringLiteral("0"), QStringLiteral("-0"), QStringLiteral("0.0001"), QStringLiteral("-12.5"), QStringLiteral("1234.56789"),
                                   QStringLiteral("100000000"), QStringLiteral("0.00010000"), QStringLiteral("+7"), QStringLiteral("000123.4500"),
                                   QStringLiteral(".5"), QStringLiteral("5."), QString(77, u'9'), maxU256, qint64(-5), QStringLiteral("-0.00000001"),
                                   QStringLiteral("10000.0001"), QVariant()};
    const QVariantList texts = {QStringLiteral("tab\there, line\nbreak\r\n"), QStringLiteral("back\\slash \\N"), QStringLiteral("ünïcødé ✓ 漢字"), QString(),
                                QByteArray("\x01\xff", 2), true, qint64(-17), QVariant()};
    const QList<QByteArray> blobs = {QByteArray("\x00\x09\x0a\x5c\xff", 5), QByteArray(), QByteArray(300, '\x5c')};
    QList<SqlRow> rows;
    for (int i = 0; i < 200; ++i) {
        rows.append({i, i % 5 == 4 ? QVariant() : QVariant(i % 2 == 0), i % 3 ? QVariant(qint64(i % 2 ? -32768 : 32767)) : QVariant(QStringLiteral("42")),
                     qint64(i % 2 ? std::numeric_limits<qint32>::min() : std::numeric_limits<qint32>::max()) - (i % 2 ? -i : i),
                     i % 4 == 0 ? QVariant(std::numeric_limits<qint64>::min()) : QVariant(std::numeric_limits<qint64>::max() - i),
                     i % 6 == 0 ? QVariant(QStringLiteral("1.5")) : QVariant(double(i) / 7.0),
                     i % 9 == 0 ? QVariant(std::numeric_limits<double>::quiet_NaN()) : QVariant(i % 2 ? 1e300 / (i + 1) : -0.1 * i),
                     numerics[i % numerics.size()], i % 2 ? QVariant(maxU256) : QVariant(qint64(i)),
                     i % 7 == 6 ? QVariant() : QVariant(blobs[i % blobs.size()]), texts[i % texts.size()],
                     QStringLiteral("v%1").arg(i), i % 3 ? QVariant(QStringLiteral("{\"a\": [1, 2.5, \"x\\ty\"], \"b\": null, \"n\": %1}").arg(i)) : QVariant()});
    }
    QVERIFY(store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, rows));
    QList<SqlRow> textRows = rows;
    for (SqlRow &r : textRows)
        r.append(QVariant());
    QVERIFY(store->bulkInsert(QStringLiteral("arbor.as_text"), columns + QStringList{QStringLiteral("ts")}, textRows));
    const QString stored = QStringLiteral("SELECT id, ROW(b, i2, i4, i8, f4, f8, n, n78, by, t, v, j)::text FROM %1 ORDER BY id");
    auto binary = store->query(stored.arg(QLatin1String("arbor.as_binary")));
    auto text = other->query(stored.arg(QLatin1String("arbor.as_text")));
    QVERIFY(binary && text);
    QCOMPARE(binary->size(), rows.size());
    QCOMPARE(text->size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(binary->at(i).at(1).toString(), text->at(i).at(1).toString());
    auto spot = store->query(QStringLiteral("SELECT n::text, n78::text FROM arbor.as_binary WHERE id IN (1, 6, 8, 11) ORDER BY id"));
    QVERIFY(spot && spot->size() == 4);
    QCOMPARE(spot->at(0).at(0).toString(), QStringLiteral("0"));
    QCOMPARE(spot->at(0).at(1).toString(), maxU256);
    QCOMPARE(spot->at(1).at(0).toString(), QStringLiteral("0.00010000"));
    QCOMPARE(spot->at(2).at(0).toString(), QStringLiteral("123.4500"));
    QCOMPARE(spot->at(3).at(0).toString(), QString(77, u'9'));

    // A value with no binary form fails the COPY with the column named; nothing of its
    // transaction stays, and the next COPY goes through.
    const auto count = [&] { return *store->rowCount(QStringLiteral("arbor.as_binary")); };
    const qint64 before = count();
    QList<SqlRow> more;
    for (int i = 0; i < 5000; ++i) {   // more than one chunk goes out before the refused value
        SqlRow r = rows[i % rows.size()];
        r[0] = 1000 + i;
        more.append(r);
    }
    more[4000][7] = QStringLiteral("1e3");
    const Status refused = store->transaction([&]() -> Status {
        if (Status s = store->exec(QStringLiteral("DELETE FROM arbor.as_binary WHERE id < 10")); !s)
            return s;
        return store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, more);
    });
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("n of arbor.as_binary")) && refused.error().message.contains(QLatin1String("1e3")),
             qPrintable(refused.error().toString()));
    QCOMPARE(count(), before);
    more[4000][7] = QStringLiteral("1000");
    QVERIFY(store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, more));
    QCOMPARE(count(), before + more.size());

    // A column whose type changed is read again: after DDL on this connection at once, after
    // DDL of another session once a COPY failed on the old type. Neither leaves a row behind.
    SqlRow wide = rows.first();
    wide[0] = 9000;
    wide[3] = qint64(1) << 40;   // too wide for the INTEGER the last COPY saw
    QVERIFY(store->exec(QStringLiteral("ALTER TABLE arbor.as_binary ALTER COLUMN i4 TYPE BIGINT")));
    QVERIFY(store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, {wide}));
    QVERIFY(other->exec(QStringLiteral("ALTER TABLE arbor.as_binary ALTER COLUMN i2 TYPE BIGINT")));
    wide[0] = 9001;
    wide[2] = 7;   // fits the old SMALLINT: sent as two bytes, which the server refuses for BIGINT
    const Status stale = store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, {wide});
    QVERIFY(!stale);
    QCOMPARE(count(), before + more.size() + 1);
    QVERIFY(store->bulkInsert(QStringLiteral("arbor.as_binary"), columns, {wide}));
    QCOMPARE(count(), before + more.size() + 2);
    auto widened = other->query(QStringLiteral("SELECT i2, i4 FROM arbor.as_binary WHERE id = 9001"));
    QVERIFY(widened && widened->size() == 1);
    QCOMPARE(widened->first().at(0).toLongLong(), qint64(7));
    QCOMPARE(widened->first().at(1).toLongLong(), qint64(1) << 40);
}

void TestStore::statementsOnTheForbiddenThreadAreCountedAndNamed()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const auto forgetForbidden = qScopeGuard([] { Store::forbidThread(nullptr); });

    // Another thread forbidden: this one's statements are not counted.
    QThread other;
    Store::forbidThread(&other);
    auto store = db.open();
    QVERIFY(store);
    QVERIFY(store->exec(QStringLiteral("SELECT 1")));
    QCOMPARE(Store::forbiddenThreadUses(), quint64(0));

    // This thread forbidden (as the console forbids its GUI thread): each statement is counted
    // and logged with its text; a transaction also for its BEGIN and its COMMIT.
    Store::forbidThread(QThread::currentThread());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GUI thread waited on the database.*SELECT 2")));
    QVERIFY(store->exec(QStringLiteral("SELECT 2")));
    QCOMPARE(Store::forbiddenThreadUses(), quint64(1));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GUI thread waited on the database.*BEGIN")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GUI thread waited on the database.*SELECT 3")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GUI thread waited on the database.*COMMIT")));
    QVERIFY(store->transaction([&] { return store->exec(QStringLiteral("SELECT 3")); }));
    QCOMPARE(Store::forbiddenThreadUses(), quint64(4));

    // A store opened and used on another thread while this one is forbidden is not counted.
    QString workerError = QStringLiteral("did not run");
    QThread *worker = QThread::create([&] {
        auto workerStore = db.open(false);
        if (!workerStore) {
            workerError = QStringLiteral("not opened");
            return;
        }
        const Status s = workerStore->exec(QStringLiteral("SELECT 4"));
        workerError = s ? QString() : s.error().toString();
    });
    worker->start();
    QVERIFY(worker->wait(30000));
    delete worker;
    QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
    QCOMPARE(Store::forbiddenThreadUses(), quint64(4));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
