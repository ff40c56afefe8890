#pragma once

#include "error.h"
#include "model/address.h"
#include "model/chainconfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/**
 * The ERC-8004 registries the ERC-8004 team deployed on one chain, as their reference list
 * gives them (github.com/erc-8004/erc-8004-contracts; erc8004deployments.cpp names the file and
 * commit every row comes from).
 *
 * The list is compiled in: a chain it does not name has no official deployment for Arbor,
 * whatever may have been deployed there since. Rows are added only as the list gives them,
 * never guessed from the addresses being the same on many chains. Plain values, any thread.
 */
struct Erc8004Deployment
{
    qint64 chainId = 0;
    QString network;                    ///< as the list names it, e.g. "Base Sepolia"
    Address identity;
    Address reputation;
    std::optional<Address> validation;  ///< only where the list gives a validation registry
    std::optional<qint64> deployBlock;  ///< a start-block hint, only where the list gives one

    /// The registries as ChainConfig::registries holds them: identity, reputation, then
    /// validation when there is one.
    QList<RegistryRef> registries() const;

    friend bool operator==(const Erc8004Deployment &, const Erc8004Deployment &) = default;
};

/// The official deployment on `chainId`, or nothing when the list has none there.
std::optional<Erc8004Deployment> officialErc8004Deployment(qint64 chainId);

/// Every official deployment, by chain id ascending.
QList<Erc8004Deployment> officialErc8004Deployments();

/// Where the list comes from, for an operator: the repository, file and commit.
QString officialErc8004Source();

/**
 * The registries a chain is added with when the operator asks for the official ones: those of
 * the deployment on `chainId`, where each registry in `given` (typed explicitly) replaces the
 * official one of its kind or adds a kind the deployment lacks; official ones first, in the
 * order of Erc8004Deployment::registries().
 *
 * Invalid error on `field` naming the chain id and every chain that has a deployment when
 * `chainId` has none. Nothing else is checked (ChainConfig::validate does that).
 */
Result<QList<RegistryRef>> withOfficialErc8004Registries(qint64 chainId, const QList<RegistryRef> &given, const QString &field);

} // namespace arbor
