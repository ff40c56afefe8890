#include "model/keccak.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace arbor {
namespace {

constexpr std::array<uint64_t, 24> RoundConstants = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

constexpr std::array<int, 25> Rotations = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
};

inline uint64_t rotl(uint64_t x, int n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }

void keccakF(std::array<uint64_t, 25> &a)
{
    for (uint64_t rc : RoundConstants) {
        std::array<uint64_t, 5> c;
        for (int x = 0; x < 5; ++x)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            const uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[y + x] ^= d;
        }
        std::array<uint64_t, 25> b;
        for (int x = 0; x < 5; ++x)
            for (int y = 0; y < 5; ++y)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], Rotations[x + 5 * y]);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; ++x)
                a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        a[0] ^= rc;
    }
}

void absorbBlock(std::array<uint64_t, 25> &state, const unsigned char *block, size_t rate)
{
    for (size_t i = 0; i < rate / 8; ++i) {
        uint64_t lane = 0;
        for (int b = 7; b >= 0; --b)
            lane = (lane << 8) | block[i * 8 + b];
        state[i] ^= lane;
    }
    keccakF(state);
}

} // namespace

QByteArray keccak256(QByteArrayView data)
{
    constexpr size_t Rate = 136;
    std::array<uint64_t, 25> state{};
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    size_t left = size_t(data.size());
    while (left >= Rate) {
        absorbBlock(state, p, Rate);
        p += Rate;
        left -= Rate;
    }
    std::array<unsigned char, Rate> last{};
    std::memcpy(last.data(), p, left);
    last[left] ^= 0x01;
    last[Rate - 1] ^= 0x80;
    absorbBlock(state, last.data(), Rate);

    QByteArray out(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        out[i] = char((state[i / 8] >> (8 * (i % 8))) & 0xff);
    return out;
}

} // namespace arbor
