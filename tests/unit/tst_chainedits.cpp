// ChainEdit::apply(): what an edit of a registered chain may change, checked without network or
// database, with the field each refusal names (arborctl turns it into the option).
#include "model/chainedit.h"
#include "testmain.h"
#include "testvalues.h"

#include <QTest>

Q_DECLARE_METATYPE(arbor::ChainEdit)

using namespace arbor;
using namespace arbor::test;

namespace tst_chainedits {

namespace {

const QUrl First(QStringLiteral("http://127.0.0.1:8545"));
const QUrl Second(QStringLiteral("https://rpc.example/v1"));

ChainRecord registered()
{
    ChainRecord c;
    c.config.chainId = 31337;
    c.config.name = QStringLiteral("devnet");
    c.config.rpcUrls = {First, Second};
    c.config.startBlock = 0;
    c.config.registries = {{RegistryKind::Identity, addressOf(1)}};
    for (const QUrl &url : c.config.rpcUrls) {
        EndpointRecord e;
        e.url = url;
        e.maxRequestsPerSecond = 20;
        c.endpoints.append(e);
    }
    return c;
}

} // namespace

class TestChainEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesEveryField()
    {
        ChainEdit edit;
        edit.name = QStringLiteral("local anvil");
        edit.removeRpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:8545/"))};   // as stored, give or take a slash
        edit.addRpcUrls = {QUrl(QStringLiteral("http://localhost:8545"))};
        edit.pollIntervalMs = 500;
        edit.confirmations = 12;
        edit.addRegistries = {{RegistryKind::Reputation, addressOf(2)}};
        const Result<ChainConfig> after = edit.apply(registered());
        QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));
        QCOMPARE(after->name, QStringLiteral("local anvil"));
        QCOMPARE(after->rpcUrls, (QList<QUrl>{Second, QUrl(QStringLiteral("http://localhost:8545"))}));
        QCOMPARE(after->pollIntervalMs, 500);
        QCOMPARE(after->confirmations, 12);
        QCOMPARE(after->registries.size(), 2);
        QCOMPARE(after->rpcRateLimit, 20.0);   // kept: the edit gave none
        QCOMPARE(after->chainId, 31337);
        QVERIFY(edit.changesEndpoints());

        ChainEdit rate;
        rate.rpcRateLimit = 0;
        QCOMPARE(rate.apply(registered())->rpcRateLimit, 0.0);
        QVERIFY(rate.changesEndpoints());
        ChainEdit rename;
        rename.name = QStringLiteral("x1");
        QVERIFY(!rename.changesEndpoints());
    }

    void putsPreferredUrlsFirst()
    {
        // One URL named: it goes first, the others keep their order after it.
        ChainEdit prefer;
        prefer.rpcUrlOrder = {QUrl(QStringLiteral("https://rpc.example/v1/"))};   // as stored, give or take a slash
        const Result<ChainConfig> after = prefer.apply(registered());
        QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));
        QCOMPARE(after->rpcUrls, (QList<QUrl>{Second, First}));
        QVERIFY(!prefer.isEmpty());
        QVERIFY(prefer.changesEndpoints());

        // With a URL added in the same edit: the new one may go first.
        ChainEdit addAndPrefer;
        const QUrl third(QStringLiteral("http://localhost:9000"));
        addAndPrefer.addRpcUrls = {third};
        addAndPrefer.rpcUrlOrder = {third, Second};
        const Result<ChainConfig> reordered = addAndPrefer.apply(registered());
        QVERIFY2(reordered, qPrintable(reordered ? QString() : reordered.error().toString()));
        QCOMPARE(reordered->rpcUrls, (QList<QUrl>{third, Second, First}));
    }

    void refusesNamingTheField_data()
    {
        QTest::addColumn<ChainEdit>("edit");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");

        QTest::newRow("nothing") << ChainEdit() << QStringLiteral("chain") << int(Error::Kind::Invalid) << QStringLiteral("Nothing to change");
        ChainEdit e;
        e.name = QStringLiteral(" devnet");
        QTest::newRow("name with spaces") << e << QStringLiteral("name") << int(Error::Kind::Invalid) << QStringLiteral("spaces");
        e = {};
        e.name = QStringLiteral("12");
        QTest::newRow("name all digits") << e << QStringLiteral("name") << int(Error::Kind::Invalid) << QStringLiteral("digits");
        e = {};
        e.removeRpcUrls = {First, Second};
        QTest::newRow("every url removed") << e << QStringLiteral("remove rpc") << int(Error::Kind::Invalid) << QStringLiteral("no RPC URL left");
        e = {};
        e.removeRpcUrls = {QUrl(QStringLiteral("http://10.0.0.1:8545"))};
        QTest::newRow("unknown url removed") << e << QStringLiteral("remove rpc") << int(Error::Kind::NotFound) << QStringLiteral("its URLs are");
        e = {};
        e.removeRpcUrls = {First, First};
        QTest::newRow("url removed twice") << e << QStringLiteral("remove rpc") << int(Error::Kind::Invalid) << QStringLiteral("twice");
        e = {};
        e.addRpcUrls = {Second};
        QTest::newRow("url already there") << e << QStringLiteral("add rpc") << int(Error::Kind::Conflict) << QStringLiteral("already an RPC URL");
        e = {};
        e.addRpcUrls = {QUrl(QStringLiteral("http://localhost:1")), QUrl(QStringLiteral("http://localhost:1/"))};
        QTest::newRow("url added twice") << e << QStringLiteral("add rpc") << int(Error::Kind::Invalid) << QStringLiteral("twice");
        e = {};
        e.addRpcUrls = {First};
        e.removeRpcUrls = {First};
        QTest::newRow("url added and removed") << e << QStringLiteral("add rpc") << int(Error::Kind::Invalid) << QStringLiteral("both added and removed");
        e = {};
        e.rpcUrlOrder = {QUrl(QStringLiteral("http://10.0.0.1:8545"))};
        QTest::newRow("unknown url preferred") << e << QStringLiteral("prefer rpc") << int(Error::Kind::NotFound) << QStringLiteral("its URLs are");
        e = {};
        e.removeRpcUrls = {First};
        e.rpcUrlOrder = {First};
        QTest::newRow("removed url preferred") << e << QStringLiteral("prefer rpc") << int(Error::Kind::NotFound) << QStringLiteral("its URLs are");
        e = {};
        e.rpcUrlOrder = {Second, Second};
        QTest::newRow("url preferred twice") << e << QStringLiteral("prefer rpc") << int(Error::Kind::Invalid) << QStringLiteral("twice");
        e = {};
        e.pollIntervalMs = 99;
        QTest::newRow("poll interval") << e << QStringLiteral("poll interval") << int(Error::Kind::Invalid) << QStringLiteral("100 ms");
        e = {};
        e.confirmations = -1;
        QTest::newRow("confirmations") << e << QStringLiteral("confirmations") << int(Error::Kind::Invalid) << QStringLiteral("between 0");
        e = {};
        e.rpcRateLimit = 100001;
        QTest::newRow("rate") << e << QStringLiteral("rpc rate") << int(Error::Kind::Invalid) << QStringLiteral("requests per second");
        e = {};
        e.addRegistries = {{RegistryKind::Identity, addressOf(3)}};
        QTest::newRow("registry replaced") << e << QStringLiteral("add registry") << int(Error::Kind::Conflict) << QStringLiteral("cannot be replaced");
        e = {};
        e.addRegistries = {{RegistryKind::Validation, Address()}};
        QTest::newRow("zero registry") << e << QStringLiteral("add registry") << int(Error::Kind::Invalid) << QStringLiteral("zero address");
    }

    void refusesNamingTheField()
    {
        QFETCH(ChainEdit, edit);
        QFETCH(QString, field);
        QFETCH(int, kind);
        QFETCH(QString, says);
        const Result<ChainConfig> after = edit.apply(registered());
        QVERIFY(!after);
        QCOMPARE(after.error().field, field);
        QCOMPARE(int(after.error().kind), kind);
        QVERIFY2(after.error().message.contains(says), qPrintable(after.error().message));
    }

    void refusesAChainBeingDeleted()
    {
        ChainRecord deleting = registered();
        deleting.state = ChainState::Deleting;
        ChainEdit e;
        e.confirmations = 1;
        const Result<ChainConfig> after = e.apply(deleting);
        QVERIFY(!after);
        QCOMPARE(after.error().kind, Error::Kind::Conflict);
        QVERIFY(after.error().message.contains(QLatin1String("being deleted")));
    }
};

} // namespace tst_chainedits

ARBOR_GUILESS_TEST_MAIN(chainedits, tst_chainedits::TestChainEdits)
#include "tst_chainedits.moc"
