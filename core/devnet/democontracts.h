#pragma once

#include "error.h"
#include "model/address.h"
#include "model/u256.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace arbor::devnet {

/**
 * The compiled demo contracts LocalDevnet deploys: TestToken and the minimal ERC-8004
 * registries of tests/support/devnet/contracts, embedded as :/arbor/devnet/contracts.json.
 * tests/support/devnet/export-artifacts.mjs regenerates the JSON with solc-js.
 *
 * Thread: pure functions and value types, any thread.
 */
struct ContractArtifact
{
    QString name;                  ///< "TestToken", "IdentityRegistry", …
    QString constructorSignature;  ///< "constructor(string,string,uint8)"
    QByteArray bytecode;           ///< creation code, raw bytes
};

/// Path of the embedded artifacts in the resource system.
QString artifactsResourcePath();

/// The embedded artifacts by contract name; an Internal error when the resource is missing or malformed.
Result<QMap<QString, ContractArtifact>> loadArtifacts();

/**
 * Solidity ABI encoding of a call's or a constructor's arguments (the "Contract ABI
 * Specification"): static words in the head, `string` and `bytes` as offsets into the tail.
 * Only the types the demo contracts take. The decoding side is arbor::abi (model/abi.h).
 */
class AbiEncoder
{
public:
    AbiEncoder &uint256(const U256 &value);
    /// Two's complement, sign-extended to 256 bits (int128 and the other intN).
    AbiEncoder &int256(qint64 value);
    AbiEncoder &address(const Address &value);
    AbiEncoder &bytes32(QByteArrayView value);   ///< right-padded with zeros to 32 bytes
    AbiEncoder &string(const QString &value);   ///< UTF-8
    AbiEncoder &bytes(QByteArrayView value);

    /// Head and tail, without a selector (constructor arguments).
    QByteArray encode() const;

private:
    struct Item
    {
        bool dynamic = false;
        QByteArray data;   ///< the word, or the dynamic value's raw bytes
    };
    QList<Item> m_items;
};

/// The 4-byte selector of a function signature such as "transfer(address,uint256)".
QByteArray selector(QByteArrayView signature);

/// Selector followed by the encoded arguments.
QByteArray callData(QByteArrayView signature, const AbiEncoder &arguments = {});

/// "0x" + lowercase hex, as JSON-RPC takes data.
QString hexData(const QByteArray &bytes);

/// Gas limits of the demo's transactions: a call to a demo token (mint, transfer), a call to an
/// ERC-8004 registry (register, feedback, validation).
inline constexpr qint64 GasTokenCall = 100000;
inline constexpr qint64 GasRegistryCall = 500000;

/// `whole` tokens in the smallest units of a token with `decimals` decimals.
U256 units(qint64 whole, int decimals);

} // namespace arbor::devnet
