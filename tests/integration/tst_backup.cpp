// Backup and restore end to end, on SQLite and PostgreSQL: `arborctl db backup` while `arborctl
// serve` indexes a devnet and again once it has stopped, `arborctl db restore` into fresh
// databases, and what an operator checks afterwards: the same rows and balances, `db status`
// clean, indexing going on from the restored checkpoint. Restores that must be refused (a
// database that holds tables, a file that is no backup) change nothing.
//
// The test functions share one devnet and one source database and run in declaration order.
#include "arborctlrun.h"
#include "devnet.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_backup {

namespace {

const QString Arborctl = BuildPaths::arborctl();

ArborctlRun arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 120000)
{
    return runArborctl(Arborctl, db, args, timeoutMs);
}

/// Every table of Arbor's namespaces (admin, global, per chain) with its row count.
QMap<QString, qint64> tableRows(Store &store)
{
    const QString tablesSql = store.backend() == Backend::Sqlite
        ? u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s
        : u"SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('arbor', 'arbor_global') "
          "OR schemaname LIKE 'chain\\_%' ORDER BY 1"_s;
    QMap<QString, qint64> counts;
    auto tables = store.queryStrings(tablesSql);
    if (!tables) {
        qWarning() << "listing tables:" << tables.error().toString();
        return counts;
    }
    for (const QString &table : std::as_const(*tables)) {
        auto n = store.rowCount(table);
        counts.insert(table, n ? *n : -1);
    }
    return counts;
}

/// The rows of `sql` as text, one line each (bytes as hex).
QStringList rowsText(Store &store, const QString &sql)
{
    QStringList out;
    auto rows = store.query(sql);
    if (!rows) {
        out.append(u"error: "_s + rows.error().toString());
        return out;
    }
    for (const SqlRow &r : std::as_const(*rows)) {
        QStringList cells;
        for (const QVariant &v : r)
            cells.append(v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex()) : v.toString());
        out.append(cells.join(u" | "_s));
    }
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result();
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void backupWhileServeIndexes();
    void liveBackupRestoresAConsistentSnapshotThatIndexesOn();
    void quiescentBackupRestoresTheSameRowsAndBalances();
    void restoredDatabaseIndexesOnFromItsCheckpoint();
    void restoreIntoNonEmptyDatabaseIsRefused();
    void fileThatIsNoBackupIsRefused();
    void existingBackupFileIsNotOverwritten();

private:
    QString admin(const QString &name) const { return ddl::adminTable(m_backend, name); }
    QString prod(const QString &entity) const { return ddl::entityTable(m_backend, ddl::TableKind::Production, m_chainId, entity); }
    std::optional<qint64> checkpoint(const TestDatabase &db);
    qint64 nodeHead();
    /// Restores `file` into `target` with arborctl; the run.
    ArborctlRun restore(const TestDatabase &target, const QString &file);
    /// Balances of every token in `db` against what the generators computed.
    void checkBalances(const TestDatabase &db, qint64 minBlock, qint64 maxBlock);
    /// Traffic on the devnet (Devnet::generateTraffic), its holders' balances kept in m_balances.
    void sendTraffic(int transfers, int holders, int blocks, quint64 seed);

    Devnet m_devnet;
    QTemporaryDir m_files;
    std::unique_ptr<TestDatabase> m_db;
    Backend m_backend = Backend::Sqlite;
    qint64 m_chainId = 31337;
    QStringList m_tokens;
    QHash<QString, QHash<QString, U256>> m_balances;   ///< token → holder → balance, all traffic sent
    QString m_liveBackup;
    QString m_quietBackup;
    std::unique_ptr<TestDatabase> m_quietRestored;
    qint64 m_quietCheckpoint = 0;
};

std::optional<qint64> TestBackup::checkpoint(const TestDatabase &db)
{
    auto store = db.open(false);
    if (!store || !store->tableExists(admin(u"checkpoints"_s)))
        return std::nullopt;
    auto rows = store->query(u"SELECT block_number FROM "_s + admin(u"checkpoints"_s) + u" WHERE chain_id = ?"_s, {m_chainId});
    if (!rows || rows->isEmpty())
        return std::nullopt;
    return rows->first().first().toLongLong();
}

qint64 TestBackup::nodeHead()
{
    QString error;
    auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    return head ? head->toString().toLongLong(nullptr, 16) : -1;
}

ArborctlRun TestBackup::restore(const TestDatabase &target, const QString &file)
{
    return arborctl(target, {u"db"_s, u"restore"_s, u"--from"_s, file, u"--json"_s});
}

void TestBackup::checkBalances(const TestDatabase &db, qint64 minBlock, qint64 maxBlock)
{
    for (const QString &token : std::as_const(m_tokens)) {
        const QString mismatch = topHoldersMismatch(Arborctl, db, m_chainId, token, m_balances.value(token), minBlock, maxBlock);
        QVERIFY2(mismatch.isEmpty(), qPrintable(u"token %1: %2"_s.arg(token, mismatch)));
    }
}

void TestBackup::sendTraffic(int transfers, int holders, int blocks, quint64 seed)
{
    QString error;
    const auto traffic = m_devnet.generateTraffic(m_tokens, transfers, holders, blocks, seed, &error);
    QVERIFY2(traffic, qPrintable(error));
    const QJsonObject balances = traffic->value(u"balances"_s).toObject();
    for (const QString &token : std::as_const(m_tokens)) {
        const QJsonObject held = balances.value(token).toObject();
        for (auto it = held.begin(); it != held.end(); ++it)
            m_balances[token][it.key()] = decimal(it.value().toString());
    }
}

void TestBackup::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());
    const auto deployed = m_devnet.deployTokens(2, &error);
    QVERIFY2(deployed, qPrintable(error));
    for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray())
        m_tokens.append(t.toObject().value(u"address"_s).toString());
    sendTraffic(3000, 80, 150, 7);
    if (QTest::currentTestFailed())
        return;

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_backend = m_db->url().backend;
    QStringList add{u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId), u"--rpc"_s,
                    m_devnet.rpcUrl().toString(), u"--start-block"_s, u"0"_s, u"--poll-interval"_s, u"200"_s};
    for (const QString &token : std::as_const(m_tokens))
        add << u"--token"_s << token;
    const ArborctlRun added = arborctl(*m_db, add);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
}

void TestBackup::backupWhileServeIndexes()
{
    // Small ranges keep serve promoting range after range while the backup copies.
    QProcess serve;
    startArborctl(serve, Arborctl, *m_db, {u"serve"_s}, [] {
        QProcessEnvironment env;
        env.insert(u"ARBOR_INDEX_RANGE_BLOCKS"_s, u"5"_s);
        return env;
    }());
    QTRY_VERIFY_WITH_TIMEOUT(checkpoint(*m_db).value_or(-1) >= 10, 60000);

    // The backup runs while serve indexes what is left and the traffic sent meanwhile.
    m_liveBackup = m_files.filePath(u"live.backup"_s);
    QProcess backup;
    startArborctl(backup, Arborctl, *m_db, {u"db"_s, u"backup"_s, u"--to"_s, m_liveBackup, u"--json"_s});
    sendTraffic(400, 40, 40, 8);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(backup.waitForFinished(120000));
    const QString backupErr = QString::fromUtf8(backup.readAllStandardError());
    const QJsonObject written = QJsonDocument::fromJson(backup.readAllStandardOutput()).object();
    QVERIFY2(backup.exitCode() == 0, qPrintable(backupErr));
    QCOMPARE(written.value(u"file"_s).toString(), m_liveBackup);
    QVERIFY(written.value(u"bytes"_s).toInteger() > 0);
    QCOMPARE(QFileInfo(m_liveBackup).size(), written.value(u"bytes"_s).toInteger());
    QVERIFY2(serve.state() == QProcess::Running, qPrintable(QString::fromUtf8(serve.readAllStandardError())));
    // Nothing beside the backup: the partial file was renamed into place.
    QCOMPARE(QDir(m_files.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"live.backup"_s});

    // Blocks the backup cannot hold, whenever its snapshot was taken: the restored copy has
    // something to index on (a loaded machine let serve catch up before the snapshot).
    sendTraffic(60, 20, 3, 10);
    if (QTest::currentTestFailed())
        return;

    // serve catches up with everything sent, then stops; its lease goes with it.
    const qint64 head = nodeHead();
    QTRY_VERIFY_WITH_TIMEOUT(checkpoint(*m_db).value_or(-1) >= head, 90000);
    serve.terminate();
    QVERIFY(serve.waitForFinished(30000));
    QVERIFY2(serve.exitCode() == 0, qPrintable(QString::fromUtf8(serve.readAllStandardError())));

    // The backup is in the source's maintenance log.
    auto store = m_db->open(false);
    const QStringList runs = rowsText(*store, u"SELECT kind, requested_by, ok FROM "_s + admin(u"maintenance_runs"_s) + u" WHERE kind = 'backup'"_s);
    QCOMPARE(runs.size(), 1);
    QVERIFY2(runs.first().startsWith(u"backup | operator | "_s), qPrintable(runs.first()));
}

void TestBackup::liveBackupRestoresAConsistentSnapshotThatIndexesOn()
{
    QVERIFY(!m_liveBackup.isEmpty());
    TestDatabase restored;
    QVERIFY2(restored.isValid(), qPrintable(restored.error()));
    const ArborctlRun r = restore(restored, m_liveBackup);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.object().value(u"database"_s).toString(), restored.urlString());

    const ArborctlRun status = arborctl(restored, {u"db"_s, u"status"_s, u"--json"_s});
    QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));

    // One snapshot: the restored chain holds exactly the source's rows up to its checkpoint.
    const auto restoredCheckpoint = checkpoint(restored);
    QVERIFY(restoredCheckpoint);
    auto copy = restored.open(false);
    auto source = m_db->open(false);
    const QString upTo = u" WHERE block_number <= %1 ORDER BY block_number, log_index"_s.arg(*restoredCheckpoint);
    const QString transfers = u"SELECT block_number, log_index, token, from_address, to_address FROM "_s + prod(u"token_transfers"_s);
    QCOMPARE(rowsText(*copy, transfers + u" ORDER BY block_number, log_index"_s), rowsText(*source, transfers + upTo));
    const QString blocks = u"SELECT number, hash FROM "_s + prod(u"blocks"_s);
    QCOMPARE(rowsText(*copy, blocks + u" ORDER BY number"_s),
             rowsText(*source, blocks + u" WHERE number <= %1 ORDER BY number"_s.arg(*restoredCheckpoint)));
    // Restored without the source's engine lease: nothing runs on the copy.
    QCOMPARE(*copy->rowCount(admin(u"lease"_s)), 0);
    const QStringList runs = rowsText(*copy, u"SELECT kind, ok FROM "_s + admin(u"maintenance_runs"_s) + u" WHERE kind = 'restore'"_s);
    QCOMPARE(runs.size(), 1);
    copy.reset();
    source.reset();

    // It indexes on from its checkpoint to the head, and then holds every balance sent.
    const qint64 head = nodeHead();
    QVERIFY2(*restoredCheckpoint < head, "the backup holds blocks mined after it finished");
    const ArborctlRun index = arborctl(restored, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s,
                                                 QString::number(head), u"--json"_s});
    QVERIFY2(index.exitCode == 0, qPrintable(describe(index)));
    QCOMPARE(checkpoint(restored), std::optional<qint64>(head));
    checkBalances(restored, 0, head);
}

void TestBackup::quiescentBackupRestoresTheSameRowsAndBalances()
{
    m_quietBackup = m_files.filePath(u"quiet.backup"_s);
    const ArborctlRun b = arborctl(*m_db, {u"db"_s, u"backup"_s, u"--to"_s, m_quietBackup});
    QVERIFY2(b.exitCode == 0, qPrintable(describe(b)));
    QVERIFY2(b.out.contains(m_quietBackup), qPrintable(b.out));

    m_quietRestored = std::make_unique<TestDatabase>();
    QVERIFY2(m_quietRestored->isValid(), qPrintable(m_quietRestored->error()));
    const ArborctlRun r = arborctl(*m_quietRestored, {u"db"_s, u"restore"_s, u"--from"_s, m_quietBackup});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(m_quietRestored->urlString()), qPrintable(r.out));

    auto source = m_db->open(false);
    auto copy = m_quietRestored->open(false);
    QMap<QString, qint64> sourceRows = tableRows(*source);
    QMap<QString, qint64> copyRows = tableRows(*copy);
    QVERIFY(sourceRows.size() > 20);
    // The maintenance log differs by design: the source records its backups, the copy its restore.
    sourceRows.remove(admin(u"maintenance_runs"_s));
    copyRows.remove(admin(u"maintenance_runs"_s));
    QCOMPARE(copyRows, sourceRows);
    QVERIFY(sourceRows.value(prod(u"token_transfers"_s)) > 3000);

    const QString balances = u"SELECT token, holder, balance, last_block FROM "_s + prod(u"token_balances"_s) + u" ORDER BY token, holder"_s;
    QCOMPARE(rowsText(*copy, balances), rowsText(*source, balances));
    const QString global = u"SELECT chain_id, token, holder, balance FROM "_s + ddl::entityTable(m_backend, ddl::TableKind::Global, 0, u"token_balances"_s)
        + u" ORDER BY chain_id, token, holder"_s;
    QCOMPARE(rowsText(*copy, global), rowsText(*source, global));
    m_quietCheckpoint = checkpoint(*m_db).value_or(-1);
    QCOMPARE(checkpoint(*m_quietRestored), std::optional<qint64>(m_quietCheckpoint));

    const ArborctlRun status = arborctl(*m_quietRestored, {u"db"_s, u"status"_s});
    QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
    QVERIFY2(!status.out.contains(u"PROBLEM"_s), qPrintable(status.out));
    checkBalances(*m_quietRestored, 0, m_quietCheckpoint);
}

void TestBackup::restoredDatabaseIndexesOnFromItsCheckpoint()
{
    QVERIFY(m_quietRestored);
    sendTraffic(100, 10, 10, 9);
    if (QTest::currentTestFailed())
        return;
    const qint64 head = nodeHead();
    QVERIFY(head > m_quietCheckpoint);
    const ArborctlRun index = arborctl(*m_quietRestored, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s,
                                                         QString::number(head), u"--json"_s});
    QVERIFY2(index.exitCode == 0, qPrintable(describe(index)));
    QCOMPARE(checkpoint(*m_quietRestored), std::optional<qint64>(head));
    // On from the checkpoint: one indexed stretch from block 0 to the head, each block once.
    auto store = m_quietRestored->open(false);
    QCOMPARE(rowsText(*store, u"SELECT from_block, to_block FROM "_s + admin(u"index_progress"_s) + u" WHERE chain_id = %1"_s.arg(m_chainId)),
             QStringList{u"0 | %1"_s.arg(head)});
    // Each stored header once and the head's among them (below the reorg window the chain keeps
    // the headers of its blocks with events only: block statistics "events").
    QCOMPARE(rowsText(*store, u"SELECT COUNT(*) - COUNT(DISTINCT number), MAX(number) FROM "_s + prod(u"blocks"_s)),
             QStringList{u"0 | %1"_s.arg(head)});
    store.reset();
    checkBalances(*m_quietRestored, 0, head);
}

void TestBackup::restoreIntoNonEmptyDatabaseIsRefused()
{
    QVERIFY(!m_quietBackup.isEmpty());
    auto before = [&] {
        auto store = m_db->open(false);
        return tableRows(*store);
    }();
    const QByteArray hashBefore = m_backend == Backend::Sqlite ? fileHash(m_db->url().path) : QByteArray();

    const ArborctlRun r = restore(*m_db, m_quietBackup);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"not empty"_s) && r.err.contains(u"nothing was changed"_s), qPrintable(r.err));

    auto store = m_db->open(false);
    QCOMPARE(tableRows(*store), before);
    store.reset();
    if (m_backend == Backend::Sqlite)
        QCOMPARE(fileHash(m_db->url().path), hashBefore);
}

void TestBackup::fileThatIsNoBackupIsRefused()
{
    const QString text = m_files.filePath(u"notes.txt"_s);
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are not the rows you are looking for\n");
    }
    TestDatabase target;
    QVERIFY2(target.isValid(), qPrintable(target.error()));
    const ArborctlRun r = restore(target, text);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--from"_s) && r.err.contains(text) && r.err.contains(u"not an Arbor backup"_s), qPrintable(r.err));
    if (m_backend == Backend::Sqlite)
        QVERIFY(!QFileInfo::exists(target.url().path));
    else
        QVERIFY(tableRows(*target.open(false)).isEmpty());

    const ArborctlRun missing = restore(target, m_files.filePath(u"no-such.backup"_s));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(u"no-such.backup"_s), qPrintable(missing.err));
}

void TestBackup::existingBackupFileIsNotOverwritten()
{
    QVERIFY(!m_quietBackup.isEmpty());
    const QByteArray hash = fileHash(m_quietBackup);
    const ArborctlRun r = arborctl(*m_db, {u"db"_s, u"backup"_s, u"--to"_s, m_quietBackup});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"--to"_s) && r.err.contains(u"exists already"_s), qPrintable(r.err));
    QCOMPARE(fileHash(m_quietBackup), hash);

    // A folder that is not there (a typo, more likely than a wish) is named, not made.
    const QString typo = m_files.filePath(u"bakups/arbor.backup"_s);
    const ArborctlRun missingFolder = arborctl(*m_db, {u"db"_s, u"backup"_s, u"--to"_s, typo});
    QCOMPARE(missingFolder.exitCode, 2);
    QVERIFY2(missingFolder.err.contains(u"--to"_s) && missingFolder.err.contains(u"does not exist"_s), qPrintable(missingFolder.err));
    QVERIFY(!QFileInfo::exists(QFileInfo(typo).absolutePath()));
}

} // namespace tst_backup

ARBOR_GUILESS_TEST_MAIN(backup, tst_backup::TestBackup)
#include "tst_backup.moc"
