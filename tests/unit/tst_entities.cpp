// The entity registry, its validation, and the DDL generated from it for SQLite and PostgreSQL.

#include "testmetatypes.h"
#include "model/entitydef.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::EntityDef)
Q_DECLARE_METATYPE(arbor::ColumnType)
Q_DECLARE_METATYPE(arbor::ddl::TableKind)

namespace tst_entities {

namespace {

ColumnDef column(const QString &name, ColumnType type, bool nullable = false)
{
    ColumnDef c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    return c;
}

/// A valid cross-chain entity that the rejection cases each break in one way.
EntityDef transfers()
{
    EntityDef e;
    e.name = u"transfers"_s;
    e.columns = {column(u"block_number"_s, ColumnType::Integer), column(u"log_index"_s, ColumnType::Integer),
                 column(u"token"_s, ColumnType::Address), column(u"amount"_s, ColumnType::U256),
                 column(u"memo"_s, ColumnType::Text, true)};
    e.key = {u"block_number"_s, u"log_index"_s};
    e.versionColumn = u"block_number"_s;
    e.crossChain = true;
    return e;
}

ColumnDef &columnOf(EntityDef &e, const QString &name)
{
    for (ColumnDef &c : e.columns) {
        if (c.name == name)
            return c;
    }
    qFatal("no column %s", qPrintable(name));
    Q_UNREACHABLE();
}

/// Cross-chain entity with one column skipped (`note`) and one renamed (`owner` → `holder`) in
/// the global table; `owner` is part of the key so the global key uses the new name.
EntityDef holdings()
{
    EntityDef e;
    e.name = u"holdings"_s;
    ColumnDef owner = column(u"owner"_s, ColumnType::Address);
    owner.crossChainRename = u"holder"_s;
    ColumnDef note = column(u"note"_s, ColumnType::Text, true);
    note.crossChainSkip = true;
    e.columns = {column(u"token"_s, ColumnType::Address), owner, column(u"balance"_s, ColumnType::U256), note,
                 column(u"last_block"_s, ColumnType::Integer)};
    e.key = {u"token"_s, u"owner"_s};
    e.versionColumn = u"last_block"_s;
    e.crossChain = true;
    return e;
}

/// The definitions between the parentheses of a CREATE TABLE's column list, split on top-level
/// commas (NUMERIC(78,0) has a comma of its own); storage parameters after it are not among them.
QStringList definitions(const QString &createTable)
{
    const qsizetype open = createTable.indexOf(u'(');
    if (open < 0)
        return {};
    QStringList out;
    QString current;
    int depth = 0;
    for (QChar c : QStringView(createTable).mid(open + 1)) {
        if (c == u'(') {
            ++depth;
        } else if (c == u')' && depth-- == 0) {
            out.append(current.simplified());
            return out;
        }
        if (c == u',' && depth == 0) {
            out.append(current.simplified());
            current.clear();
        } else {
            current += c;
        }
    }
    return {};   // no closing parenthesis
}

QStringList columnNames(const QString &createTable)
{
    QStringList out;
    for (const QString &d : definitions(createTable)) {
        if (!d.startsWith(u"PRIMARY KEY"_s))
            out.append(d.section(u' ', 0, 0));
    }
    return out;
}

QString definitionOf(const QString &createTable, const QString &columnName)
{
    for (const QString &d : definitions(createTable)) {
        if (d.section(u' ', 0, 0) == columnName)
            return d;
    }
    return {};
}

QString primaryKey(const QString &createTable)
{
    for (const QString &d : definitions(createTable)) {
        if (d.startsWith(u"PRIMARY KEY"_s))
            return d;
    }
    return {};
}

} // namespace

class TestEntities final : public QObject
{
    Q_OBJECT

private slots:
    void evmEntitiesValidate();
    void validateRejects_data();
    void validateRejects();
    void sqlIdentifier_data();
    void sqlIdentifier();

    void tableNames_data();
    void tableNames();
    void globalTable_data();
    void globalTable();
    void productionTable_data();
    void productionTable();
    void stagingTable_data();
    void stagingTable();
    void u256Type();
    void statementLists();
    void addColumn_data();
    void addColumn();

    void sqliteDdlExecutes();
    void sqliteAddColumnFillsExistingRows_data();
    void sqliteAddColumnFillsExistingRows();

    void cleanup();

private:
    QSqlDatabase openMemoryDatabase();
};

void TestEntities::evmEntitiesValidate()
{
    const QList<EntityDef> &entities = evmEntities();
    QVERIFY(!entities.isEmpty());
    QSet<QString> names;
    for (const EntityDef &e : entities) {
        const Status status = e.validate();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
        QVERIFY2(!names.contains(e.name), qPrintable(e.name));
        names.insert(e.name);
        QCOMPARE(findEvmEntity(e.name), &e);
    }
    for (const QString &name : {u"blocks"_s, u"token_transfers"_s, u"token_balances"_s})
        QVERIFY2(names.contains(name), qPrintable(name));
    QVERIFY(findEvmEntity(u"token_balances"_s)->crossChain);
    QVERIFY(!findEvmEntity(u"blocks"_s)->crossChain);
    QCOMPARE(findEvmEntity(u"no_such_entity"_s), nullptr);
}

void TestEntities::validateRejects_data()
{
    QTest::addColumn<EntityDef>("entity");
    QTest::addColumn<QStringList>("needles");

    {
        EntityDef e = transfers();
        columnOf(e, u"amount"_s).crossChainSkip = true;
        columnOf(e, u"amount"_s).crossChainRename = u"value"_s;
        QTest::newRow("skip and rename") << e << QStringList{u"amount"_s, u"skipped and renamed"_s};
    }
    {
        // token → amount in the global table, where amount already is: the operator needs to
        // know which column's rename collides, not only the name they share.
        EntityDef e = transfers();
        columnOf(e, u"token"_s).crossChainRename = u"amount"_s;
        QTest::newRow("rename collides") << e << QStringList{u"token"_s, u"amount"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"amount"_s).crossChainRename = u"chain_id"_s;
        QTest::newRow("rename to chain_id") << e << QStringList{u"amount"_s, u"chain_id"_s, u"reserves"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"memo"_s).crossChainRename = u"updated_at"_s;
        QTest::newRow("rename to updated_at") << e << QStringList{u"memo"_s, u"updated_at"_s, u"reserves"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"memo"_s).crossChainRename = u"Memo Text"_s;
        QTest::newRow("rename not an identifier") << e << QStringList{u"memo"_s, u"Memo Text"_s};
    }
    {
        EntityDef e = transfers();
        e.columns.append(column(u"chain_id"_s, ColumnType::Integer));
        QTest::newRow("declares chain_id") << e << QStringList{u"chain_id"_s};
    }
    {
        EntityDef e = transfers();
        e.key = {u"block_number"_s, u"log_idx"_s};
        QTest::newRow("key names unknown column") << e << QStringList{u"log_idx"_s, u"does not have"_s};
    }
    {
        EntityDef e = transfers();
        e.key = {u"memo"_s};
        QTest::newRow("nullable key column") << e << QStringList{u"memo"_s, u"nullable"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"log_index"_s).crossChainSkip = true;
        QTest::newRow("key column skipped") << e << QStringList{u"log_index"_s, u"skipped"_s};
    }
    {
        EntityDef e = transfers();
        e.key.clear();
        QTest::newRow("empty key") << e << QStringList{u"key"_s};
    }
    {
        EntityDef e = transfers();
        e.versionColumn.clear();
        QTest::newRow("cross-chain without version column") << e << QStringList{u"version column"_s};
    }
    {
        EntityDef e = transfers();
        e.indexes = {{u"token"_s, u"sender"_s}};
        QTest::newRow("index names unknown column") << e << QStringList{u"sender"_s, u"index"_s};
    }
    {
        EntityDef e = transfers();
        e.indexes = {{}};
        QTest::newRow("empty index") << e << QStringList{u"index"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"memo"_s).crossChainSkip = true;
        e.globalIndexes = {{u"memo"_s}};
        QTest::newRow("global index on a skipped column") << e << QStringList{u"memo"_s, u"global"_s};
    }
    {
        EntityDef e = transfers();
        e.versionColumn = u"height"_s;
        QTest::newRow("version column unknown") << e << QStringList{u"height"_s};
    }
    {
        EntityDef e = transfers();
        e.versionColumn = u"amount"_s;
        QTest::newRow("version column not integer") << e << QStringList{u"amount"_s, u"integer"_s};
    }
    {
        EntityDef e = transfers();
        columnOf(e, u"block_number"_s).crossChainSkip = true;
        e.key = {u"log_index"_s};
        QTest::newRow("version column skipped") << e << QStringList{u"block_number"_s, u"skipped"_s};
    }
    {
        EntityDef e = transfers();
        e.name = u"Transfers"_s;
        QTest::newRow("uppercase entity name") << e << QStringList{u"Transfers"_s, u"lowercase"_s};
    }
    {
        EntityDef e = transfers();
        e.name = u"blocks; drop table x"_s;
        QTest::newRow("injection-looking name") << e << QStringList{u"blocks; drop table x"_s};
    }
    {
        // A name is spliced into DDL: "transfers\n…" must not pass as an identifier.
        EntityDef e = transfers();
        e.name = u"transfers\n"_s;
        QTest::newRow("name with trailing newline") << e << QStringList{u"lowercase SQL identifier"_s};
    }
    {
        EntityDef e = transfers();
        e.name = u"stg_transfers"_s;
        QTest::newRow("stg_ prefix") << e << QStringList{u"stg_transfers"_s, u"staging"_s};
    }
    {
        EntityDef e = transfers();
        e.name = u"t"_s + QString(48, u'x');
        QTest::newRow("49-character name") << e << QStringList{e.name};
    }
    {
        EntityDef e = transfers();
        e.columns.clear();
        e.key.clear();
        QTest::newRow("no columns") << e << QStringList{u"at least one column"_s};
    }
    {
        EntityDef e = transfers();
        e.columns.append(column(u"amount"_s, ColumnType::Integer));
        QTest::newRow("duplicate column") << e << QStringList{u"amount"_s, u"twice"_s};
    }
    {
        EntityDef e = transfers();
        e.columns.append(column(u"Amount"_s, ColumnType::Integer));
        QTest::newRow("uppercase column") << e << QStringList{u"Amount"_s};
    }
    {
        EntityDef e = transfers();
        e.columns.append(column(u"x); drop table arbor_chains; --"_s, ColumnType::Integer));
        QTest::newRow("injection-looking column") << e << QStringList{u"x); drop table arbor_chains; --"_s};
    }
}

void TestEntities::validateRejects()
{
    QFETCH(EntityDef, entity);
    QFETCH(QStringList, needles);
    const Status status = entity.validate();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, Error::Kind::Invalid);
    QCOMPARE(status.error().field, u"entity "_s + entity.name);
    const QString text = status.error().toString();
    for (const QString &needle : needles)
        QVERIFY2(text.contains(needle), qPrintable(QString(u"“"_s + needle + u"” missing from: "_s + text)));
}

void TestEntities::sqlIdentifier_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"blocks"_s << true;
    QTest::newRow("digits and underscore") << u"erc20_v2"_s << true;
    QTest::newRow("48 characters") << QString(u"a"_s + QString(47, u'b')) << true;
    QTest::newRow("49 characters") << QString(u"a"_s + QString(48, u'b')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading digit") << u"1blocks"_s << false;
    QTest::newRow("leading underscore") << u"_blocks"_s << false;
    QTest::newRow("uppercase") << u"Blocks"_s << false;
    QTest::newRow("dot") << u"arbor.chains"_s << false;
    QTest::newRow("quote") << u"blocks\""_s << false;
    QTest::newRow("trailing newline") << u"blocks\n"_s << false;
    QTest::newRow("non-ascii") << u"blöcks"_s << false;
}

void TestEntities::sqlIdentifier()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isSqlIdentifier(name), valid);
}

void TestEntities::tableNames_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<ddl::TableKind>("kind");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("expected");

    using K = ddl::TableKind;
    QTest::newRow("sqlite production") << Backend::Sqlite << K::Production << u"blocks"_s << u"c7_blocks"_s;
    QTest::newRow("sqlite staging") << Backend::Sqlite << K::Staging << u"blocks"_s << u"c7_stg_blocks"_s;
    QTest::newRow("sqlite global") << Backend::Sqlite << K::Global << u"token_balances"_s << u"g_token_balances"_s;
    QTest::newRow("postgres production") << Backend::Postgres << K::Production << u"blocks"_s << u"chain_7.blocks"_s;
    QTest::newRow("postgres staging") << Backend::Postgres << K::Staging << u"blocks"_s << u"chain_7.stg_blocks"_s;
    QTest::newRow("postgres global") << Backend::Postgres << K::Global << u"token_balances"_s
                                     << u"arbor_global.token_balances"_s;
}

void TestEntities::tableNames()
{
    QFETCH(Backend, backend);
    QFETCH(ddl::TableKind, kind);
    QFETCH(QString, entity);
    QFETCH(QString, expected);
    QCOMPARE(ddl::entityTable(backend, kind, 7, entity), expected);
    // The CREATE statement targets that very table.
    const EntityDef *def = findEvmEntity(entity);
    QVERIFY(def);
    QVERIFY2(ddl::createTable(backend, kind, 7, *def).contains(u"EXISTS "_s + expected + u" ("_s),
             qPrintable(ddl::createTable(backend, kind, 7, *def)));
}

void TestEntities::globalTable_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::Sqlite;
    QTest::newRow("postgres") << Backend::Postgres;
}

void TestEntities::globalTable()
{
    QFETCH(Backend, backend);
    const QString sql = ddl::createTable(backend, ddl::TableKind::Global, 0, holdings());
    QCOMPARE(columnNames(sql),
             (QStringList{u"chain_id"_s, u"token"_s, u"holder"_s, u"balance"_s, u"last_block"_s, u"updated_at"_s}));
    QCOMPARE(primaryKey(sql), u"PRIMARY KEY (chain_id, token, holder)"_s);
    QVERIFY(definitionOf(sql, u"chain_id"_s).endsWith(u"NOT NULL"_s));
    QVERIFY(definitionOf(sql, u"updated_at"_s).endsWith(u"NOT NULL"_s));
    QVERIFY2(!sql.contains(u"note"_s), qPrintable(sql));
    QVERIFY2(!sql.contains(u"owner"_s), qPrintable(sql));
    // PostgreSQL leaves room on each page for the rows' updates; SQLite has no such setting.
    if (backend == Backend::Postgres)
        QVERIFY2(sql.endsWith(u") WITH (fillfactor = %1)"_s.arg(ddl::GlobalFillFactor)), qPrintable(sql));
    else
        QVERIFY2(sql.endsWith(u"\n)"_s), qPrintable(sql));
}

void TestEntities::productionTable_data()
{
    globalTable_data();
}

void TestEntities::productionTable()
{
    QFETCH(Backend, backend);
    // Skip and rename apply to the global table only: the chain's own table keeps every column.
    const QString sql = ddl::createTable(backend, ddl::TableKind::Production, 7, holdings());
    QVERIFY(sql.startsWith(u"CREATE TABLE IF NOT EXISTS "_s));
    QCOMPARE(columnNames(sql), (QStringList{u"token"_s, u"owner"_s, u"balance"_s, u"note"_s, u"last_block"_s}));
    QCOMPARE(primaryKey(sql), u"PRIMARY KEY (token, owner)"_s);
    QVERIFY(definitionOf(sql, u"owner"_s).endsWith(u"NOT NULL"_s));
    QVERIFY(!definitionOf(sql, u"note"_s).contains(u"NOT NULL"_s));
    QVERIFY2(!sql.contains(u"fillfactor"_s), qPrintable(sql));   // a chain's own tables keep the default
}

void TestEntities::stagingTable_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("sqlite") << Backend::Sqlite << u"CREATE TABLE IF NOT EXISTS c7_stg_token_transfers ("_s;
    QTest::newRow("postgres") << Backend::Postgres << u"CREATE UNLOGGED TABLE IF NOT EXISTS chain_7.stg_token_transfers ("_s;
}

void TestEntities::stagingTable()
{
    QFETCH(Backend, backend);
    QFETCH(QString, prefix);
    const EntityDef *transfersDef = findEvmEntity(u"token_transfers"_s);
    QVERIFY(transfersDef);
    const QString staging = ddl::createTable(backend, ddl::TableKind::Staging, 7, *transfersDef);
    QVERIFY2(staging.startsWith(prefix), qPrintable(staging));
    QVERIFY2(!staging.contains(u"PRIMARY KEY"_s), qPrintable(staging));
    QCOMPARE(columnNames(staging).size(), transfersDef->columns.size());

    const QString production = ddl::createTable(backend, ddl::TableKind::Production, 7, *transfersDef);
    QVERIFY2(!production.contains(u"UNLOGGED"_s), qPrintable(production));
    QCOMPARE(primaryKey(production), u"PRIMARY KEY (block_number, log_index)"_s);
}

void TestEntities::u256Type()
{
    QCOMPARE(ddl::sqlType(Backend::Postgres, ColumnType::U256), u"NUMERIC(78,0)"_s);
    QCOMPARE(ddl::sqlType(Backend::Sqlite, ColumnType::U256), u"BLOB"_s);
    const EntityDef *balances = findEvmEntity(u"token_balances"_s);
    QVERIFY(balances);
    QCOMPARE(definitionOf(ddl::createTable(Backend::Postgres, ddl::TableKind::Global, 0, *balances), u"balance"_s),
             u"balance NUMERIC(78,0) NOT NULL"_s);
    QCOMPARE(definitionOf(ddl::createTable(Backend::Sqlite, ddl::TableKind::Global, 0, *balances), u"balance"_s),
             u"balance BLOB NOT NULL"_s);
    QCOMPARE(definitionOf(ddl::createTable(Backend::Postgres, ddl::TableKind::Production, 7, *balances), u"last_block"_s),
             u"last_block BIGINT NOT NULL"_s);
}

void TestEntities::statementLists()
{
    const QList<EntityDef> &entities = evmEntities();
    qsizetype crossChain = 0;
    for (const EntityDef &e : entities)
        crossChain += e.crossChain ? 1 : 0;
    QVERIFY(crossChain > 0);

    qsizetype indexes = 0, globalIndexes = 0;
    for (const EntityDef &e : entities) {
        indexes += e.indexes.size();
        globalIndexes += e.globalIndexes.size();
    }
    QVERIFY(indexes > 0);
    QVERIFY(globalIndexes > 0);

    const QStringList pgChain = ddl::createChain(Backend::Postgres, 7, entities);
    QCOMPARE(pgChain.size(), 1 + 2 * entities.size() + indexes);
    QCOMPARE(pgChain.first(), u"CREATE SCHEMA IF NOT EXISTS chain_7"_s);
    QCOMPARE(ddl::createChain(Backend::Sqlite, 7, entities).size(), 2 * entities.size() + indexes);
    // Top holders use this one; the balance queue's sums of a holder's transfers use the
    // transfers' on-demand indexes, built at the first recount rather than with the chain.
    const QString holderIndex = u"CREATE INDEX IF NOT EXISTS token_transfers_token_to_address_idx ON chain_7.token_transfers (token, to_address)"_s;
    QVERIFY(!pgChain.contains(holderIndex));
    QVERIFY(ddl::createIndexes(Backend::Postgres, ddl::TableKind::Production, 7, requireEntity(entities, "token_transfers"), true)
                .contains(holderIndex));
    QVERIFY(ddl::createChain(Backend::Sqlite, 7, entities)
                .contains(u"CREATE INDEX IF NOT EXISTS c7_token_balances_token_balance_idx ON c7_token_balances (token, balance)"_s));

    const QStringList pgGlobal = ddl::createGlobal(Backend::Postgres, entities);
    QCOMPARE(pgGlobal.size(), 1 + crossChain + globalIndexes);
    QVERIFY(pgGlobal.contains(u"CREATE INDEX IF NOT EXISTS token_balances_holder_idx ON arbor_global.token_balances (holder)"_s));
    QCOMPARE(pgGlobal.first(), u"CREATE SCHEMA IF NOT EXISTS arbor_global"_s);
    const QStringList sqliteGlobal = ddl::createGlobal(Backend::Sqlite, entities);
    QCOMPARE(sqliteGlobal.size(), crossChain + globalIndexes);
    QVERIFY(!sqliteGlobal.join(u'\n').contains(u"g_blocks"_s));

    QCOMPARE(ddl::adminTable(Backend::Sqlite, u"chains"_s), u"arbor_chains"_s);
    QCOMPARE(ddl::adminTable(Backend::Postgres, u"chains"_s), u"arbor.chains"_s);
    QCOMPARE(ddl::chainNamespace(Backend::Sqlite, 7), u"c7_"_s);
    QCOMPARE(ddl::chainNamespace(Backend::Postgres, 7), u"chain_7"_s);
    QCOMPARE(ddl::entityTable(Backend::Postgres, ddl::TableKind::Staging, 8453, u"blocks"_s), u"chain_8453.stg_blocks"_s);
}

void TestEntities::addColumn_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<bool>("nullable");
    QTest::addColumn<QString>("expected");

    using T = ColumnType;
    const QString zero20 = u"X'"_s + QString(40, u'0') + u"'"_s;
    const QString zero32 = u"X'"_s + QString(64, u'0') + u"'"_s;
    const QString t = u"ALTER TABLE c7_blocks ADD COLUMN extra "_s;
    QTest::newRow("sqlite integer") << Backend::Sqlite << T::Integer << false << QString(t + u"INTEGER NOT NULL DEFAULT 0"_s);
    QTest::newRow("sqlite text") << Backend::Sqlite << T::Text << false << QString(t + u"TEXT NOT NULL DEFAULT ''"_s);
    QTest::newRow("sqlite bytes") << Backend::Sqlite << T::Bytes << false << QString(t + u"BLOB NOT NULL DEFAULT X''"_s);
    QTest::newRow("sqlite address") << Backend::Sqlite << T::Address << false << QString(t + u"BLOB NOT NULL DEFAULT "_s + zero20);
    QTest::newRow("sqlite hash") << Backend::Sqlite << T::Hash << false << QString(t + u"BLOB NOT NULL DEFAULT "_s + zero32);
    QTest::newRow("sqlite u256") << Backend::Sqlite << T::U256 << false << QString(t + u"BLOB NOT NULL DEFAULT "_s + zero32);
    QTest::newRow("sqlite boolean") << Backend::Sqlite << T::Boolean << false << QString(t + u"INTEGER NOT NULL DEFAULT 0"_s);
    QTest::newRow("sqlite nullable hash") << Backend::Sqlite << T::Hash << true << QString(t + u"BLOB DEFAULT NULL"_s);
    QTest::newRow("sqlite nullable text") << Backend::Sqlite << T::Text << true << QString(t + u"TEXT DEFAULT NULL"_s);

    const QString p = u"ALTER TABLE chain_7.blocks ADD COLUMN extra "_s;
    QTest::newRow("postgres integer") << Backend::Postgres << T::Integer << false << QString(p + u"BIGINT NOT NULL DEFAULT 0"_s);
    QTest::newRow("postgres text") << Backend::Postgres << T::Text << false << QString(p + u"TEXT NOT NULL DEFAULT ''"_s);
    QTest::newRow("postgres bytes") << Backend::Postgres << T::Bytes << false << QString(p + u"BYTEA NOT NULL DEFAULT '\\x'::bytea"_s);
    QTest::newRow("postgres address") << Backend::Postgres << T::Address << false
                                      << QString(p + u"BYTEA NOT NULL DEFAULT '\\x"_s + QString(40, u'0') + u"'::bytea"_s);
    QTest::newRow("postgres hash") << Backend::Postgres << T::Hash << false
                                   << QString(p + u"BYTEA NOT NULL DEFAULT '\\x"_s + QString(64, u'0') + u"'::bytea"_s);
    QTest::newRow("postgres u256") << Backend::Postgres << T::U256 << false << QString(p + u"NUMERIC(78,0) NOT NULL DEFAULT 0"_s);
    QTest::newRow("postgres boolean") << Backend::Postgres << T::Boolean << false << QString(p + u"BOOLEAN NOT NULL DEFAULT FALSE"_s);
    QTest::newRow("postgres nullable u256") << Backend::Postgres << T::U256 << true << QString(p + u"NUMERIC(78,0) DEFAULT NULL"_s);
}

void TestEntities::addColumn()
{
    QFETCH(Backend, backend);
    QFETCH(ColumnType, type);
    QFETCH(bool, nullable);
    QFETCH(QString, expected);
    const ColumnDef c = column(u"extra"_s, type, nullable);
    const QString table = ddl::entityTable(backend, ddl::TableKind::Production, 7, u"blocks"_s);
    QCOMPARE(ddl::addColumn(backend, table, c, u"extra"_s), expected);
}

QSqlDatabase TestEntities::openMemoryDatabase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst_entities"_s);
    db.setDatabaseName(u":memory:"_s);
    if (!db.open())
        qWarning("%s", qPrintable(db.lastError().text()));
    return db;
}

void TestEntities::cleanup()
{
    if (QSqlDatabase::contains(u"tst_entities"_s)) {
        QSqlDatabase::database(u"tst_entities"_s, false).close();
        QSqlDatabase::removeDatabase(u"tst_entities"_s);
    }
}

namespace {

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text() + u"\n"_s + sql;
    return false;
}

struct TableColumn
{
    QString name;
    QString type;
    bool notNull = false;
    int pk = 0;
};

QList<TableColumn> tableInfo(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid"_s);
    q.addBindValue(table);
    QList<TableColumn> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toBool(), q.value(3).toInt()});
    return out;
}

QStringList namesOf(const QList<TableColumn> &columns)
{
    QStringList out;
    for (const TableColumn &c : columns)
        out.append(c.name);
    return out;
}

QStringList keyOf(const QList<TableColumn> &columns)
{
    QList<TableColumn> key;
    for (const TableColumn &c : columns) {
        if (c.pk > 0)
            key.append(c);
    }
    std::sort(key.begin(), key.end(), [](const TableColumn &a, const TableColumn &b) { return a.pk < b.pk; });
    return namesOf(key);
}

} // namespace

void TestEntities::sqliteDdlExecutes()
{
    QSqlDatabase db = openMemoryDatabase();
    QVERIFY(db.isOpen());

    QList<EntityDef> entities = evmEntities();
    entities.append(holdings());
    QStringList statements = ddl::createChain(Backend::Sqlite, 7, entities) + ddl::createGlobal(Backend::Sqlite, entities);
    // IF NOT EXISTS: running everything twice, as start-up reconciliation may, is harmless.
    statements += statements;
    QString error;
    for (const QString &sql : std::as_const(statements))
        QVERIFY2(exec(db, sql, &error), qPrintable(error));

    for (const EntityDef &e : std::as_const(entities)) {
        QStringList declared;
        for (const ColumnDef &c : e.columns)
            declared.append(c.name);
        const auto production = tableInfo(db, u"c7_"_s + e.name);
        QCOMPARE(namesOf(production), declared);
        QCOMPARE(keyOf(production), e.key);
        const auto staging = tableInfo(db, u"c7_stg_"_s + e.name);
        QCOMPARE(namesOf(staging), declared);
        QVERIFY2(keyOf(staging).isEmpty(), qPrintable(e.name));
        for (const ColumnDef &c : e.columns) {
            const auto it = std::find_if(production.begin(), production.end(), [&](const TableColumn &t) { return t.name == c.name; });
            QCOMPARE(it->notNull, !c.nullable);
            QCOMPARE(it->type, ddl::sqlType(Backend::Sqlite, c.type));
        }
        QCOMPARE(tableInfo(db, u"g_"_s + e.name).isEmpty(), !e.crossChain);
    }

    const auto global = tableInfo(db, u"g_holdings"_s);
    QCOMPARE(namesOf(global),
             (QStringList{u"chain_id"_s, u"token"_s, u"holder"_s, u"balance"_s, u"last_block"_s, u"updated_at"_s}));
    QCOMPARE(keyOf(global), (QStringList{u"chain_id"_s, u"token"_s, u"holder"_s}));
    QCOMPARE(global.last().type, u"INTEGER"_s);
    QVERIFY(global.last().notNull);

    // An unknown entity table is absent, not silently empty.
    QVERIFY(tableInfo(db, u"c8_blocks"_s).isEmpty());
}

void TestEntities::sqliteAddColumnFillsExistingRows_data()
{
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<bool>("nullable");
    QTest::addColumn<QVariant>("expected");

    using T = ColumnType;
    QTest::newRow("integer") << T::Integer << false << QVariant(qlonglong(0));
    QTest::newRow("text") << T::Text << false << QVariant(QString(u""_s));
    QTest::newRow("bytes") << T::Bytes << false << QVariant(QByteArray(""));
    QTest::newRow("address") << T::Address << false << QVariant(QByteArray(20, '\0'));
    QTest::newRow("hash") << T::Hash << false << QVariant(QByteArray(32, '\0'));
    QTest::newRow("u256") << T::U256 << false << QVariant(QByteArray(32, '\0'));
    QTest::newRow("boolean") << T::Boolean << false << QVariant(qlonglong(0));
    QTest::newRow("nullable u256") << T::U256 << true << QVariant();
}

// A NOT NULL column added to a table that already holds rows needs a DEFAULT, or SQLite refuses
// the ALTER; the existing rows get the type's zero.
void TestEntities::sqliteAddColumnFillsExistingRows()
{
    QFETCH(ColumnType, type);
    QFETCH(bool, nullable);
    QFETCH(QVariant, expected);

    QSqlDatabase db = openMemoryDatabase();
    QVERIFY(db.isOpen());
    QString error;
    const EntityDef *balances = findEvmEntity(u"token_balances"_s);
    QVERIFY(balances);
    for (const QString &sql : ddl::createGlobal(Backend::Sqlite, {*balances}))
        QVERIFY2(exec(db, sql, &error), qPrintable(error));
    QVERIFY2(exec(db, u"INSERT INTO g_token_balances (chain_id, token, holder, balance, last_block, updated_at) "
                      "VALUES (7, X'01', X'02', X'03', 100, 1700000000)"_s, &error),
             qPrintable(error));

    const ColumnDef c = column(u"extra"_s, type, nullable);
    QVERIFY2(exec(db, ddl::addColumn(Backend::Sqlite, u"g_token_balances"_s, c, u"extra"_s), &error), qPrintable(error));

    QSqlQuery q(db);
    QVERIFY(q.exec(u"SELECT extra, typeof(extra) FROM g_token_balances"_s));
    QVERIFY(q.next());
    if (!expected.isValid()) {
        QVERIFY(q.value(0).isNull());
        QCOMPARE(q.value(1).toString(), u"null"_s);
    } else if (expected.typeId() == QMetaType::QByteArray) {
        QCOMPARE(q.value(1).toString(), u"blob"_s);
        QCOMPARE(q.value(0).toByteArray(), expected.toByteArray());
    } else if (expected.typeId() == QMetaType::LongLong) {
        QCOMPARE(q.value(1).toString(), u"integer"_s);
        QCOMPARE(q.value(0).toLongLong(), expected.toLongLong());
    } else {
        QCOMPARE(q.value(1).toString(), u"text"_s);
        QCOMPARE(q.value(0).toString(), expected.toString());
    }
    const auto info = tableInfo(db, u"g_token_balances"_s);
    QCOMPARE(info.last().name, u"extra"_s);
    QCOMPARE(info.last().notNull, !nullable);
}

} // namespace tst_entities

ARBOR_GUILESS_TEST_MAIN(entities, tst_entities::TestEntities)
#include "tst_entities.moc"
