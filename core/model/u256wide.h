#pragma once

// Private: include from a .cpp file that computes beyond 256 bits or with a sign (balance
// deltas, shares of a supply), never from a header. Boost.Multiprecision is costly to compile,
// and U256 keeps it out of every other translation unit.

#include "model/u256.h"

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>

namespace arbor::u256 {

/// `value` as a Boost integer of at least 256 bits, signed or unsigned: exact.
template <typename Wide>
Wide toWide(const U256 &value)
{
    static_assert(std::numeric_limits<Wide>::digits >= 256 || !std::numeric_limits<Wide>::is_bounded);
    Wide out;
    boost::multiprecision::import_bits(out, value.limbs().begin(), value.limbs().end(), 64, false);
    return out;
}

/// `value` as U256 when it is in [0, 2^256), nothing otherwise.
template <typename Wide>
std::optional<U256> fromWide(const Wide &value)
{
    if (value < 0 || boost::multiprecision::msb(value | 1) >= 256)
        return std::nullopt;
    U256::Limbs limbs{};
    boost::multiprecision::export_bits(value, limbs.begin(), 64, false);
    return U256::fromLimbs(limbs);
}

} // namespace arbor::u256
