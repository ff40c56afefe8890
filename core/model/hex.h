#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace arbor::hex {

/**
 * Strict "0x…" hex to bytes, for input read once (a node's answer, an operator's value, an
 * embedded artifact), not for the hot paths that decode every log.
 *
 * Requires the lowercase 0x prefix, an even number of digits after it, and nothing but hex
 * digits (either case); with `expectedBytes` >= 0, exactly that many bytes. "0x" alone is zero
 * bytes. Unlike QByteArray::fromHex, nothing is skipped: a stray character is an error.
 *
 * The error is Invalid, carries `field`, and its message says what is wrong without quoting the
 * input (it may be kilobytes of bytecode), so a caller can prefix what the value should have been:
 * "must start with 0x", "expected 40 hex digits after 0x, found 39", "odd number of hex digits
 * (63) after 0x", "“g” at position 42 is not a hex digit". Safe on any thread.
 */
Result<QByteArray> decode(QStringView text, const QString &field, qsizetype expectedBytes = -1);

} // namespace arbor::hex
