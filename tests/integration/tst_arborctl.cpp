// arborctl's command line on its own: a database path that does not exist (and one a failed
// chain add would have created), typos in command names, each command's --help and the overview
// `arborctl --help` gives of them. No node and no database server needed.
#include "arborctlrun.h"
#include "buildpaths.h"
#include "testmain.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_arborctl {

namespace {

const QString Arborctl = BuildPaths::arborctl();
constexpr int TimeoutMs = 60000;

ArborctlRun arborctl(const QStringList &args)
{
    return runArborctlRaw(Arborctl, args, TimeoutMs);
}

} // namespace

class TestArborctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlyCommandRefusesMissingDatabase_data();
    void readOnlyCommandRefusesMissingDatabase();
    void migrateCreatesMissingDatabase();
    void failedChainAddLeavesNoDatabase();
    void unknownCommandSuggestsTheClosest_data();
    void unknownCommandSuggestsTheClosest();
    void commandHelpNamesTheCommand();
    void overviewNamesEveryOption();
};

void TestArborctl::readOnlyCommandRefusesMissingDatabase_data()
{
    QTest::addColumn<QStringList>("command");
    const QString holder = u"0x52908400098527886E0F7030069857D2E4169EE7"_s;
    QTest::newRow("chain list") << QStringList{u"chain"_s, u"list"_s};
    QTest::newRow("chain list --json") << QStringList{u"chain"_s, u"list"_s, u"--json"_s};
    QTest::newRow("chain pause") << QStringList{u"chain"_s, u"pause"_s, u"1"_s};
    QTest::newRow("queue health") << QStringList{u"queue"_s, u"health"_s};
    QTest::newRow("query portfolio") << QStringList{u"query"_s, u"portfolio"_s, u"--holder"_s, holder};
    QTest::newRow("trigger list") << QStringList{u"trigger"_s, u"list"_s};
    QTest::newRow("sync-status") << QStringList{u"sync-status"_s};
    QTest::newRow("db status") << QStringList{u"db"_s, u"status"_s};
    QTest::newRow("index") << QStringList{u"index"_s, u"--until-block"_s, u"10"_s};
}

void TestArborctl::readOnlyCommandRefusesMissingDatabase()
{
    QFETCH(QStringList, command);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString folder = tmp.filePath(u"not-there/sub"_s);
    const QString path = folder + u"/arbor.db"_s;
    for (const bool optionFirst : {true, false}) {
        const QStringList dbOption{u"--db"_s, u"sqlite:"_s + path};
        const ArborctlRun r = arborctl(optionFirst ? dbOption + command : command + dbOption);
        QCOMPARE_EQ(r.exitCode, 2);
        QVERIFY2(r.err.contains(path), qPrintable(describe(r)));
        QVERIFY2(!r.out.contains(u"No chains"_s), qPrintable(describe(r)));
        QVERIFY2(!QFileInfo::exists(tmp.filePath(u"not-there"_s)), "the command created the database's folder");
    }
    // ARBOR_DB names it the same way.
    QProcessEnvironment env;
    env.insert(u"ARBOR_DB"_s, u"sqlite:"_s + path);
    const ArborctlRun r = runArborctlRaw(Arborctl, command, TimeoutMs, env);
    QCOMPARE_EQ(r.exitCode, 2);
    QVERIFY2(r.err.contains(path), qPrintable(describe(r)));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestArborctl::migrateCreatesMissingDatabase()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"new/arbor.db"_s);
    const ArborctlRun migrated = arborctl({u"--db"_s, u"sqlite:"_s + path, u"db"_s, u"migrate"_s});
    QVERIFY2(migrated.exitCode == 0, qPrintable(describe(migrated)));
    QVERIFY(QFileInfo::exists(path));
    const ArborctlRun listed = arborctl({u"--db"_s, u"sqlite:"_s + path, u"chain"_s, u"list"_s, u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QCOMPARE(listed.array().size(), 0);
}

void TestArborctl::failedChainAddLeavesNoDatabase()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // Nothing listens on port 1: the endpoint check fails before anything is added.
    const QStringList add{u"chain"_s, u"add"_s, u"--name"_s, u"mainnet"_s, u"--chain-id"_s, u"1"_s, u"--rpc"_s, u"http://127.0.0.1:1/"_s};

    // A database the command would have created, in folders it would have made, is taken back
    // with them.
    const QString path = tmp.filePath(u"typo/arbor.db"_s);
    const ArborctlRun refused = arborctl(QStringList{u"--db"_s, u"sqlite:"_s + path} + add);
    QCOMPARE_EQ(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"Nothing was added"_s), qPrintable(describe(refused)));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    const ArborctlRun listed = arborctl({u"--db"_s, u"sqlite:"_s + path, u"chain"_s, u"list"_s});
    QCOMPARE_EQ(listed.exitCode, 2);

    // One the operator had stays, with what is in it.
    const QString kept = tmp.filePath(u"arbor.db"_s);
    QVERIFY2(arborctl({u"--db"_s, u"sqlite:"_s + kept, u"db"_s, u"migrate"_s}).exitCode == 0, "db migrate failed");
    const ArborctlRun again = arborctl(QStringList{u"--db"_s, u"sqlite:"_s + kept} + add);
    QCOMPARE_EQ(again.exitCode, 1);
    QVERIFY(QFileInfo::exists(kept));
    const ArborctlRun none = arborctl({u"--db"_s, u"sqlite:"_s + kept, u"chain"_s, u"list"_s, u"--json"_s});
    QVERIFY2(none.exitCode == 0 && none.array().isEmpty(), qPrintable(describe(none)));
}

void TestArborctl::unknownCommandSuggestsTheClosest_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("suggestion");   // empty: no "Did you mean"
    QTest::newRow("chain lsit") << QStringList{u"chain"_s, u"lsit"_s} << u"chain list"_s;
    QTest::newRow("chian list") << QStringList{u"chian"_s, u"list"_s} << u"chain list"_s;
    QTest::newRow("queue helth --json") << QStringList{u"queue"_s, u"helth"_s, u"--json"_s} << u"queue health"_s;
    QTest::newRow("sycn-status") << QStringList{u"sycn-status"_s} << u"sync-status"_s;
    QTest::newRow("serv") << QStringList{u"serv"_s} << u"serve"_s;
    QTest::newRow("trigger dry") << QStringList{u"trigger"_s, u"dry"_s} << u"trigger dry-run"_s;
    QTest::newRow("frobnicate") << QStringList{u"frobnicate"_s} << QString();
    QTest::newRow("chain zzzzzz") << QStringList{u"chain"_s, u"zzzzzz"_s} << QString();
}

void TestArborctl::unknownCommandSuggestsTheClosest()
{
    QFETCH(QStringList, command);
    QFETCH(QString, suggestion);
    QTemporaryDir tmp;
    const ArborctlRun r = arborctl(QStringList{u"--db"_s, u"sqlite:"_s + tmp.filePath(u"arbor.db"_s)} + command);
    QCOMPARE_EQ(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Unknown command"_s), qPrintable(describe(r)));
    if (suggestion.isEmpty())
        QVERIFY2(!r.err.contains(u"Did you mean"_s), qPrintable(describe(r)));
    else
        QVERIFY2(r.err.contains(u"Did you mean “%1”?"_s.arg(suggestion)), qPrintable(describe(r)));
    QVERIFY(!QFileInfo::exists(tmp.filePath(u"arbor.db"_s)));
}

void TestArborctl::commandHelpNamesTheCommand()
{
    const ArborctlRun r = arborctl({u"chain"_s, u"add"_s, u"--help"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QString usageLine = r.out.section(u'\n', 0, 0);
    QVERIFY2(usageLine.contains(u"arborctl chain add [options]"_s), qPrintable(usageLine));
    QVERIFY2(!usageLine.contains(u'/'), qPrintable(usageLine));
    QVERIFY2(r.out.contains(u"--chain-id"_s), qPrintable(describe(r)));

    const ArborctlRun group = arborctl({u"queue"_s});
    QCOMPARE_EQ(group.exitCode, 2);
    QVERIFY2(group.err.contains(u"health"_s) && group.err.contains(u"retry-failed"_s), qPrintable(describe(group)));
}

void TestArborctl::overviewNamesEveryOption()
{
    // `arborctl --help` is where an operator looks first: each command it lists must name every
    // option that command's own --help documents, or an option is only found by accident.
    const ArborctlRun overview = arborctl({u"--help"_s});
    QVERIFY2(overview.exitCode == 0, qPrintable(describe(overview)));
    // An entry starts two spaces in ("  chain edit NAME|ID [--name N] …"); lines indented further
    // continue it. The command is its leading lower-case words.
    QList<std::pair<QStringList, QString>> entries;
    static const QRegularExpression start(u"^  ([a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*)(?=\\s|$)"_s);
    for (const QString &line : overview.out.split(u'\n')) {
        if (line.startsWith(u"   "_s) && !entries.isEmpty()) {
            entries.last().second += u' ' + line;
        } else if (const QRegularExpressionMatch m = start.match(line); m.hasMatch()) {
            entries.append({m.captured(1).split(u' '), line});
        }
    }
    QVERIFY2(entries.size() >= 40, qPrintable(u"only %1 commands found in:\n"_s.arg(entries.size()) + overview.out));

    static const QRegularExpression optionLine(u"^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)"_s, QRegularExpression::MultilineOption);
    QStringList missing;
    for (const auto &[command, entry] : std::as_const(entries)) {
        const ArborctlRun help = arborctl(command + QStringList{u"--help"_s});
        QVERIFY2(help.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + describe(help)));
        const QString options = help.out.section(u"Options:"_s, 1).section(u"Arguments:"_s, 0, 0);
        QVERIFY2(!options.isEmpty(), qPrintable(command.join(u' ') + u": "_s + describe(help)));
        for (auto it = optionLine.globalMatch(options); it.hasNext();) {
            const QString option = it.next().captured(1);
            if (option == u"--help"_s || option == u"--help-all"_s)
                continue;
            const QRegularExpression named(u"(?<![\\w-])"_s + QRegularExpression::escape(option) + u"(?![\\w-])"_s);
            if (!named.match(entry).hasMatch())
                missing.append(command.join(u' ') + u' ' + option);
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"`arborctl --help` does not name: "_s + missing.join(u", "_s)));
}

} // namespace tst_arborctl

ARBOR_GUILESS_TEST_MAIN(arborctl, tst_arborctl::TestArborctl)
#include "tst_arborctl.moc"
