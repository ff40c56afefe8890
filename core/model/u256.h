#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

#include <boost/multiprecision/cpp_int.hpp>

namespace arbor {

/// An exact unsigned 256-bit integer (token amounts, agent ids): Boost.Multiprecision.
using U256 = boost::multiprecision::uint256_t;

namespace u256 {

/// 32 bytes, big-endian: the SQLite storage form (memcmp order equals numeric order).
QByteArray toBigEndian(const U256 &value);
/// Exactly 32 bytes, or (for ABI words and SQLite BLOBs of other sizes) an error.
Result<U256> fromBigEndian(QByteArrayView bytes, const QString &field = QString());

QString toDecimal(const U256 &value);
/// Plain decimal digits only; rejects signs, spaces, and values of 2^256 or more.
Result<U256> fromDecimal(QStringView text, const QString &field = QString());
/// "0x…" quantity as JSON-RPC returns it; rejects empty, non-hex and oversize input.
Result<U256> fromHexQuantity(QStringView text, const QString &field = QString());

/// `value` scaled down by 10^decimals, with trailing zeros of the fraction removed:
/// formatUnits(1500000, 6) == "1.5".
QString formatUnits(const U256 &value, int decimals);

} // namespace u256
} // namespace arbor
