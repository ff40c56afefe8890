#pragma once

// The values tests build their fixtures from: hashes and addresses made from a number, a
// quantity as JSON-RPC writes it, and a URL where nothing answers. Plain functions, safe on any
// thread.

#include "model/address.h"
#include "model/hash.h"

#include <QString>
#include <QUrl>

namespace arbor::test {

/**
 * A hash made from a number: `number` big-endian in the last eight bytes, `variant + 1`
 * (modulo 256) in the first, zeros between.
 *
 * One number gives distinct hashes in distinct variants and one variant distinct hashes for
 * distinct numbers; variants 0 to 254 never give the null hash (a block without parent).
 * Variant 0 is the blocks of the first chain, 1, 2, ... the blocks of the forks that replace
 * them; a test takes another (9, say) for transaction hashes.
 */
Hash hashOf(qint64 number, int variant = 0);

/**
 * An address made from a number: `n` big-endian in the last four bytes, `tag` in the first,
 * `middle` in the eighth, zeros between.
 *
 * Distinct numbers give distinct addresses of one tag, in the order of the numbers; a tag other
 * than 0 never gives the zero address. Hex letters in the tag or the middle byte make the
 * checksummed form (EIP-55) differ from the lowercase one, for tests of what the console shows.
 */
Address addressOf(quint32 n, quint8 tag = 0x11, quint8 middle = 0);

/// `value` as JSON-RPC writes a quantity: "0x" and lowercase hex digits, no leading zeros ("0x0").
QString quantity(qint64 value);

/**
 * A TCP socket bound to 127.0.0.1:`port` (0: a free one, written to `bound`) that never listens:
 * connecting there is refused, as at a stopped node, and the kernel gives the port to no one
 * asking for a free one (another test's node would answer at the URL). SO_REUSEADDR, so a test
 * may still listen there on purpose. The descriptor, or -1; close() gives the port back.
 */
int holdLoopbackPort(quint16 port, quint16 *bound = nullptr);

/// An http URL of 127.0.0.1 at a port held closed until the process ends (holdLoopbackPort()).
QUrl closedPort();

} // namespace arbor::test
