#pragma once

#include "model/address.h"
#include "model/hash.h"

#include <QByteArrayView>
#include <QList>

#include <array>

namespace arbor {

/**
 * A block header's logsBloom: 2048 bits in which every log of the block set three bits for its
 * address and three for each of its topics (the yellow paper's M3:2048 over keccak-256 of the
 * item). A bit not set proves the item is in none of the block's logs; all three set says it
 * may be (a false positive now and then, more often in full blocks).
 *
 * The indexer reads it at the head of a chain: a block whose bloom holds none of a chain's
 * contracts, or none of the event topics asked for, holds none of its logs, and its logs are
 * not asked for (RangeFetcher's reads by block hash).
 *
 * A default-constructed bloom is unknown (the node sent none): it may hold anything.
 */
class LogsBloom
{
public:
    static constexpr int Size = 256;

    /// Where one item's three bits lie: each as its byte (0 = the bloom's first) and mask.
    struct Probe
    {
        std::array<quint8, 3> byte{};
        std::array<quint8, 3> mask{};
    };

    LogsBloom() = default;
    /// The 256 bytes of a header's logsBloom, as sent. Any other size gives an unknown bloom.
    static LogsBloom fromBytes(QByteArrayView bytes);

    /// The bits `item` (an address's 20 bytes or a topic's 32) sets, computed once per item.
    static Probe probe(QByteArrayView item);
    static Probe probe(const Address &address) { return probe(address.bytes()); }
    static Probe probe(const Hash &topic) { return probe(topic.bytes()); }

    bool isKnown() const { return m_known; }
    /// Known and all zero: a block without logs, or a chain whose nodes fill in no blooms.
    bool isEmpty() const;
    /// Whether the item behind `probe` may be in the block's logs; true for an unknown bloom.
    bool mayContain(const Probe &probe) const;
    /// Whether the block may hold a log of one of `addresses` whose topic0 is one of `topics`
    /// (an empty list: any); true for an unknown bloom.
    bool mayHoldLogs(const QList<Probe> &addresses, const QList<Probe> &topics) const;

    friend bool operator==(const LogsBloom &, const LogsBloom &) = default;

private:
    std::array<quint8, Size> m_bits{};
    bool m_known = false;
};

} // namespace arbor
