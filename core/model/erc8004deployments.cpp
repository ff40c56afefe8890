#include "model/erc8004deployments.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace arbor {

namespace {

// Source: github.com/erc-8004/erc-8004-contracts at commit b9e466c250744a7e06b13dff9d3c2844ed64f825
// (master, 2026-08-15, "Fixed typo").
// - README.md, "Contract Addresses": the networks and each one's IdentityRegistry and
//   ReputationRegistry. It gives no ValidationRegistry (the README says that part of the spec is
//   still being revised) and no deployment blocks: no row here has either.
// - scripts/addresses.ts (MAINNET_CHAIN_IDS, TESTNET_CHAIN_IDS) and hardhat.config.ts
//   (chainDescriptors): the chain id of each README network; addresses.ts also says which of its
//   two address sets (MAINNET_ADDRESSES, TESTNET_ADDRESSES) a chain id gets, and the README
//   agrees on every row below. Where the README says "Testnet", it is the only testnet of that
//   network in addresses.ts (Arbitrum Sepolia, Avalanche Fuji, OP Sepolia, ...).
// Left out: README networks without a chain id at that commit (Robinhood Chain Mainnet and
// Testnet, Billions Mainnet and Testnet, Injective Mainnet and Testnet, 0G Mainnet, 0G Galileo
// Testnet) and Taiko Hoodi, whose id the two files disagree on (167013, 167012). Chain ids the
// scripts accept but the README does not list as deployed (Hedera 295, Shape 360, Shape Sepolia
// 11011, Gnosis Chiado 10200, GOAT Testnet3 48816) are not deployments here either.
enum class AddressSet { Mainnet, Testnet };

struct Row
{
    qint64 chainId;
    const char *network;
    AddressSet set;
};

constexpr Row Rows[] = {
    {1, "Ethereum Mainnet", AddressSet::Mainnet},
    {10, "Optimism Mainnet", AddressSet::Mainnet},
    {56, "BSC Mainnet", AddressSet::Mainnet},
    {97, "BSC Testnet", AddressSet::Testnet},
    {100, "Gnosis Mainnet", AddressSet::Mainnet},
    {137, "Polygon Mainnet", AddressSet::Mainnet},
    {143, "Monad Mainnet", AddressSet::Mainnet},
    {196, "XLayer Mainnet", AddressSet::Mainnet},
    {296, "Hedera Testnet", AddressSet::Testnet},
    {1088, "Metis Mainnet", AddressSet::Mainnet},
    {1868, "Soneium Mainnet", AddressSet::Mainnet},
    {1946, "Soneium Minato", AddressSet::Testnet},
    {1952, "XLayer Testnet", AddressSet::Testnet},
    {2345, "GOAT Network Mainnet", AddressSet::Mainnet},
    {2741, "Abstract Mainnet", AddressSet::Mainnet},
    {4326, "MegaETH Mainnet", AddressSet::Mainnet},
    {5000, "Mantle Mainnet", AddressSet::Mainnet},
    {5003, "Mantle Testnet", AddressSet::Testnet},
    {6343, "MegaETH Testnet", AddressSet::Testnet},
    {8453, "Base Mainnet", AddressSet::Mainnet},
    {10143, "Monad Testnet", AddressSet::Testnet},
    {11124, "Abstract Testnet", AddressSet::Testnet},
    {42161, "Arbitrum Mainnet", AddressSet::Mainnet},
    {42220, "Celo Mainnet", AddressSet::Mainnet},
    {43113, "Avalanche Testnet", AddressSet::Testnet},
    {43114, "Avalanche Mainnet", AddressSet::Mainnet},
    {59141, "Linea Sepolia", AddressSet::Testnet},
    {59144, "Linea Mainnet", AddressSet::Mainnet},
    {59902, "Metis Sepolia", AddressSet::Testnet},
    {80002, "Polygon Amoy", AddressSet::Testnet},
    {84532, "Base Sepolia", AddressSet::Testnet},
    {167000, "Taiko Mainnet", AddressSet::Mainnet},
    {421614, "Arbitrum Testnet", AddressSet::Testnet},
    {534351, "Scroll Testnet", AddressSet::Testnet},
    {534352, "Scroll Mainnet", AddressSet::Mainnet},
    {5042002, "Arc Testnet", AddressSet::Testnet},
    {11142220, "Celo Testnet", AddressSet::Testnet},
    {11155111, "Ethereum Sepolia", AddressSet::Testnet},
    {11155420, "Optimism Testnet", AddressSet::Testnet},
    {324705682, "SKALE Base Sepolia", AddressSet::Testnet},
    {1187947933, "SKALE Base Mainnet", AddressSet::Mainnet},
};

constexpr bool byChainIdEachOnce()
{
    for (std::size_t i = 1; i < std::size(Rows); ++i) {
        if (Rows[i - 1].chainId >= Rows[i].chainId)
            return false;
    }
    return true;
}
static_assert(byChainIdEachOnce(), "officialErc8004Deployment() looks rows up by chain id");

Address address(QStringView hex)
{
    const auto parsed = Address::fromHex(hex);
    Q_ASSERT_X(parsed.ok(), "erc8004deployments", "an address of the list does not parse");
    return parsed.ok() ? *parsed : Address();
}

Erc8004Deployment deployment(const Row &row)
{
    // The README's addresses, as checksummed there (Address::fromHex checks the EIP-55 case).
    Erc8004Deployment d;
    d.chainId = row.chainId;
    d.network = QString::fromLatin1(row.network);
    if (row.set == AddressSet::Mainnet) {
        d.identity = address(u"0x8004A169FB4a3325136EB29fA0ceB6D2e539a432");
        d.reputation = address(u"0x8004BAa17C55a88189AE136b182e5fdA19dE9b63");
    } else {
        d.identity = address(u"0x8004A818BFB912233c491871b3d84c89A494BD9e");
        d.reputation = address(u"0x8004B663056A597Dffe9eCcC1965A193B7388713");
    }
    return d;
}

} // namespace

QList<RegistryRef> Erc8004Deployment::registries() const
{
    QList<RegistryRef> out{{RegistryKind::Identity, identity}, {RegistryKind::Reputation, reputation}};
    if (validation)
        out.append({RegistryKind::Validation, *validation});
    return out;
}

std::optional<Erc8004Deployment> officialErc8004Deployment(qint64 chainId)
{
    const auto row = std::lower_bound(std::begin(Rows), std::end(Rows), chainId, [](const Row &r, qint64 id) { return r.chainId < id; });
    if (row == std::end(Rows) || row->chainId != chainId)
        return std::nullopt;
    return deployment(*row);
}

QList<Erc8004Deployment> officialErc8004Deployments()
{
    QList<Erc8004Deployment> out;
    out.reserve(qsizetype(std::size(Rows)));
    for (const Row &row : Rows)
        out.append(deployment(row));
    return out;
}

QString officialErc8004Source()
{
    return QStringLiteral("github.com/erc-8004/erc-8004-contracts, README.md at commit b9e466c");
}

Result<QList<RegistryRef>> withOfficialErc8004Registries(qint64 chainId, const QList<RegistryRef> &given, const QString &field)
{
    const std::optional<Erc8004Deployment> official = officialErc8004Deployment(chainId);
    if (!official) {
        QStringList chains;
        for (const Row &row : Rows)
            chains.append(QStringLiteral("%1 (%2)").arg(row.chainId).arg(QString::fromLatin1(row.network)));
        return Error::invalid(field, QCoreApplication::translate("arbor::Erc8004Deployment",
                                                                 "Chain id %1 has no official ERC-8004 deployment in Arbor's list (%2). "
                                                                 "The chains that have one: %3.")
                                         .arg(chainId)
                                         .arg(officialErc8004Source(), chains.join(QStringLiteral(", "))));
    }
    QList<RegistryRef> out;
    for (const RegistryRef &registry : official->registries()) {
        const auto explicitOne = std::find_if(given.begin(), given.end(), [&](const RegistryRef &g) { return g.kind == registry.kind; });
        out.append(explicitOne != given.end() ? *explicitOne : registry);
    }
    for (const RegistryRef &g : given) {
        if (std::none_of(out.cbegin(), out.cend(), [&](const RegistryRef &r) { return r.kind == g.kind; }))
            out.append(g);
    }
    return out;
}

} // namespace arbor
