#pragma once

#include "error.h"
#include "model/address.h"
#include "model/hash.h"
#include "model/u256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace arbor::abi {

/**
 * Reading Solidity ABI encodings (the "Contract ABI Specification"): 32-byte words holding
 * static values, and dynamic `string` / `bytes` reached through an offset in the head.
 *
 * Every reader validates: values must fit their declared type (the bytes above it zero, or for
 * int128 a proper sign extension), addresses carry 12 zero bytes, offsets and lengths are 256-bit
 * words that may be anything and are bounds-checked before use (an offset must also point at a
 * whole word past the head, and the padding after a value must be zero), strings are valid
 * UTF-8. A
 * violation is an Error of kind Invalid whose field is the `field` argument (an ASCII name such
 * as "Transfer.from"); nothing here reads outside the given bytes.
 *
 * Thread: pure functions and a value type, any thread.
 */

inline constexpr qsizetype WordSize = 32;

/// `word` is one 32-byte word (a topic or a head slot); other sizes are an error.
Result<U256> uint256(QByteArrayView word, const char *field);
Result<Address> address(QByteArrayView word, const char *field);
Result<quint64> uint64(QByteArrayView word, const char *field);
Result<quint8> uint8(QByteArrayView word, const char *field);
/// Two's complement int128, as decimal text with a leading '-' when negative.
Result<QString> int128(QByteArrayView word, const char *field);
Result<bool> boolean(QByteArrayView word, const char *field);
Result<Hash> bytes32(QByteArrayView word, const char *field);

/// `bytes` as valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(QByteArrayView bytes);

/**
 * The data of an event or a call result: a head of fixed-size slots, then the tails of the
 * dynamic parameters.
 *
 * Construct with open(), which checks that the head fits; read static slots through word() and
 * the free functions above, dynamic ones through string() and bytes(); then call finish(),
 * which rejects data longer than the encoding the reads have covered. The reader does not own
 * the bytes: they must outlive it.
 */
class Reader
{
public:
    /// A reader over `data` whose head has `headWords` slots.
    static Result<Reader> open(QByteArrayView data, qsizetype headWords, const char *field);

    /// Slot `slot` of the head (0 ≤ slot < headWords, asserted).
    QByteArrayView word(qsizetype slot) const;

    /// The `string` whose offset is in head slot `slot`.
    Result<QString> string(qsizetype slot, const char *field);
    /// The `bytes` whose offset is in head slot `slot`.
    Result<QByteArray> bytes(qsizetype slot, const char *field);

    /// The data must end where the head, or the last tail read, ends (padding included).
    Status finish(const char *field) const;

private:
    Reader(QByteArrayView data, qsizetype headWords);
    Result<QByteArrayView> tail(qsizetype slot, const char *field);

    QByteArrayView m_data;
    qsizetype m_headWords = 0;
    qsizetype m_end = 0;    ///< one past the last byte the reads so far have covered
};

} // namespace arbor::abi
