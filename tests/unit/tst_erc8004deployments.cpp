// The ERC-8004 team's deployments Arbor knows (model/erc8004deployments): which chain ids have one,
// which addresses they get, and the registries `chain add --erc8004 official` adds with them.

#include "model/erc8004deployments.h"
#include "testmain.h"

#include <QtTest>

#include <set>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_erc8004deployments {

// Hidden from moc, which loses count of the braces in these helpers and would then miss the
// namespace the test class is in.
#ifndef Q_MOC_RUN
namespace {

Address address(const QString &hex)
{
    const auto a = Address::fromHex(hex);
    Q_ASSERT(a.ok());
    return *a;
}

// As github.com/erc-8004/erc-8004-contracts' README lists them for mainnets and for testnets.
const QString MainnetIdentity = u"0x8004A169FB4a3325136EB29fA0ceB6D2e539a432"_s;
const QString MainnetReputation = u"0x8004BAa17C55a88189AE136b182e5fdA19dE9b63"_s;
const QString TestnetIdentity = u"0x8004A818BFB912233c491871b3d84c89A494BD9e"_s;
const QString TestnetReputation = u"0x8004B663056A597Dffe9eCcC1965A193B7388713"_s;

} // namespace
#endif

class TestErc8004Deployments final : public QObject
{
    Q_OBJECT

private slots:
    void listedChainHasItsRegistries_data();
    void listedChainHasItsRegistries();
    void chainNotListedHasNone_data();
    void chainNotListedHasNone();
    void everyDeploymentIsFoundByItsChainId();
    void officialRegistriesUnderTheOnesGiven_data();
    void officialRegistriesUnderTheOnesGiven();
    void chainWithoutDeploymentIsRefusedWithTheListedOnes();
};

void TestErc8004Deployments::listedChainHasItsRegistries_data()
{
    QTest::addColumn<qint64>("chainId");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("reputation");
    QTest::newRow("Ethereum") << qint64(1) << u"Ethereum Mainnet"_s << MainnetIdentity << MainnetReputation;
    QTest::newRow("Base") << qint64(8453) << u"Base Mainnet"_s << MainnetIdentity << MainnetReputation;
    QTest::newRow("Arbitrum One") << qint64(42161) << u"Arbitrum Mainnet"_s << MainnetIdentity << MainnetReputation;
    QTest::newRow("SKALE Base") << qint64(1187947933) << u"SKALE Base Mainnet"_s << MainnetIdentity << MainnetReputation;
    QTest::newRow("Sepolia") << qint64(11155111) << u"Ethereum Sepolia"_s << TestnetIdentity << TestnetReputation;
    QTest::newRow("Base Sepolia") << qint64(84532) << u"Base Sepolia"_s << TestnetIdentity << TestnetReputation;
    QTest::newRow("Polygon Amoy") << qint64(80002) << u"Polygon Amoy"_s << TestnetIdentity << TestnetReputation;
    QTest::newRow("Hedera Testnet") << qint64(296) << u"Hedera Testnet"_s << TestnetIdentity << TestnetReputation;
}

void TestErc8004Deployments::listedChainHasItsRegistries()
{
    QFETCH(qint64, chainId);
    QFETCH(QString, network);
    QFETCH(QString, identity);
    QFETCH(QString, reputation);
    const auto d = officialErc8004Deployment(chainId);
    QVERIFY(d);
    QCOMPARE(d->chainId, chainId);
    QCOMPARE(d->network, network);
    QCOMPARE(d->identity.toChecksumHex(), identity);
    QCOMPARE(d->reputation.toChecksumHex(), reputation);
    // The list gives no validation registry and no deployment block anywhere.
    QVERIFY(!d->validation);
    QVERIFY(!d->deployBlock);
    const QList<RegistryRef> expected{{RegistryKind::Identity, address(identity)}, {RegistryKind::Reputation, address(reputation)}};
    QCOMPARE(d->registries(), expected);
}

void TestErc8004Deployments::chainNotListedHasNone_data()
{
    QTest::addColumn<qint64>("chainId");
    QTest::newRow("anvil") << qint64(31337);
    QTest::newRow("Goerli, gone") << qint64(5);
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("negative") << qint64(-1);
    // In the README, but the repository's two files disagree on its chain id.
    QTest::newRow("Taiko Hoodi") << qint64(167013);
    // The deployment scripts accept these, the README does not list them as deployed.
    QTest::newRow("Hedera") << qint64(295);
    QTest::newRow("Gnosis Chiado") << qint64(10200);
}

void TestErc8004Deployments::chainNotListedHasNone()
{
    QFETCH(qint64, chainId);
    QVERIFY(!officialErc8004Deployment(chainId));
}

void TestErc8004Deployments::everyDeploymentIsFoundByItsChainId()
{
    const QList<Erc8004Deployment> all = officialErc8004Deployments();
    QCOMPARE(all.size(), 41);
    std::set<QString> networks;
    qint64 previous = 0;
    for (const Erc8004Deployment &d : all) {
        QVERIFY2(d.chainId > previous, qPrintable(d.network));   // ascending, each once
        previous = d.chainId;
        QVERIFY2(networks.insert(d.network).second, qPrintable(d.network));
        QVERIFY2(officialErc8004Deployment(d.chainId) == d, qPrintable(d.network));
        // Mainnets get one address set, testnets the other: never a mix, never the zero address.
        const bool mainnet = d.identity.toChecksumHex() == MainnetIdentity;
        QVERIFY2(mainnet || d.identity.toChecksumHex() == TestnetIdentity, qPrintable(d.network));
        QCOMPARE(d.reputation.toChecksumHex(), mainnet ? MainnetReputation : TestnetReputation);
        // What chain add is given is a valid configuration.
        ChainConfig config;
        config.chainId = d.chainId;
        config.name = u"chain"_s;
        config.rpcUrls = {QUrl(u"https://rpc.example.org"_s)};
        config.registries = d.registries();
        const Status valid = config.validate();
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
    }
}

void TestErc8004Deployments::officialRegistriesUnderTheOnesGiven_data()
{
    const Address own = address(u"0x00000000000000000000000000000000000000aa"_s);
    const RegistryRef identity{RegistryKind::Identity, address(TestnetIdentity)};
    const RegistryRef reputation{RegistryKind::Reputation, address(TestnetReputation)};
    QTest::addColumn<QList<RegistryRef>>("given");
    QTest::addColumn<QList<RegistryRef>>("expected");
    QTest::newRow("official only") << QList<RegistryRef>{} << QList<RegistryRef>{identity, reputation};
    QTest::newRow("a validation registry added") << QList<RegistryRef>{{RegistryKind::Validation, own}}
                                                 << QList<RegistryRef>{identity, reputation, {RegistryKind::Validation, own}};
    QTest::newRow("the reputation registry replaced") << QList<RegistryRef>{{RegistryKind::Reputation, own}}
                                                      << QList<RegistryRef>{identity, {RegistryKind::Reputation, own}};
    QTest::newRow("the official address given again") << QList<RegistryRef>{identity} << QList<RegistryRef>{identity, reputation};
}

void TestErc8004Deployments::officialRegistriesUnderTheOnesGiven()
{
    QFETCH(QList<RegistryRef>, given);
    QFETCH(QList<RegistryRef>, expected);
    const auto registries = withOfficialErc8004Registries(84532, given, u"--erc8004"_s);
    QVERIFY2(registries.ok(), qPrintable(registries.ok() ? QString() : registries.error().message));
    QCOMPARE(*registries, expected);
}

void TestErc8004Deployments::chainWithoutDeploymentIsRefusedWithTheListedOnes()
{
    const auto registries = withOfficialErc8004Registries(31337, {}, u"--erc8004"_s);
    QVERIFY(!registries.ok());
    const Error &e = registries.error();
    QCOMPARE(e.kind, Error::Kind::Invalid);
    QCOMPARE(e.field, u"--erc8004"_s);
    QVERIFY2(e.message.contains(u"Chain id 31337 has no official ERC-8004 deployment"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"github.com/erc-8004/erc-8004-contracts"_s), qPrintable(e.message));
    for (const Erc8004Deployment &d : officialErc8004Deployments())
        QVERIFY2(e.message.contains(u"%1 (%2)"_s.arg(d.chainId).arg(d.network)), qPrintable(d.network));
}

} // namespace tst_erc8004deployments

ARBOR_GUILESS_TEST_MAIN(erc8004deployments, tst_erc8004deployments::TestErc8004Deployments)
#include "tst_erc8004deployments.moc"
