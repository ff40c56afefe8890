#include "model/logsbloom.h"

#include "model/keccak.h"

#include <algorithm>
#include <cstring>

namespace arbor {

LogsBloom LogsBloom::fromBytes(QByteArrayView bytes)
{
    LogsBloom bloom;
    if (bytes.size() != Size)
        return bloom;
    std::memcpy(bloom.m_bits.data(), bytes.data(), Size);
    bloom.m_known = true;
    return bloom;
}

LogsBloom::Probe LogsBloom::probe(QByteArrayView item)
{
    // Three 11-bit numbers from the hash's first six bytes, each a bit counted from the
    // bloom's last byte (its lowest-order bit) up.
    const QByteArray h = keccak256(item);
    const auto *d = reinterpret_cast<const quint8 *>(h.constData());
    Probe p;
    for (int i = 0; i < 3; ++i) {
        const int bit = ((d[2 * i] << 8) | d[2 * i + 1]) & 0x7ff;
        p.byte[size_t(i)] = quint8(Size - 1 - (bit >> 3));
        p.mask[size_t(i)] = quint8(1u << (bit & 7));
    }
    return p;
}

bool LogsBloom::isEmpty() const
{
    return m_known && std::all_of(m_bits.cbegin(), m_bits.cend(), [](quint8 b) { return b == 0; });
}

bool LogsBloom::mayContain(const Probe &probe) const
{
    if (!m_known)
        return true;
    for (size_t i = 0; i < 3; ++i) {
        if (!(m_bits[probe.byte[i]] & probe.mask[i]))
            return false;
    }
    return true;
}

bool LogsBloom::mayHoldLogs(const QList<Probe> &addresses, const QList<Probe> &topics) const
{
    if (!m_known)
        return true;
    const auto any = [this](const QList<Probe> &probes) {
        return probes.isEmpty() || std::any_of(probes.cbegin(), probes.cend(), [this](const Probe &p) { return mayContain(p); });
    };
    return any(addresses) && any(topics);
}

} // namespace arbor
