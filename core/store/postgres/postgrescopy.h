#pragma once

#include "model/u256.h"

#include <QByteArrayView>
#include <QVariant>

#include <optional>
#include <string>

/**
 * The two forms in which PostgresStore sends rows with COPY: binary, where every column's type
 * has a binary form below, and text otherwise. Binary needs no escaping and the server parses
 * nothing: for a range's transfers (hashes, addresses, uint256 values) the server's part of the
 * COPY is about half of text's, and the rows are about half as long.
 *
 * A value sent in binary is stored as its text form would be. The few values text takes that
 * have no binary form here (a numeric in exponent notation, NaN) are refused, as are those the
 * server would refuse as text.
 */
namespace arbor::pgcopy {

/// How a column's values go out in binary, by the column's type.
enum class Wire : quint8 { Bool, Int2, Int4, Int8, Float4, Float8, Numeric, Bytea, Text, Jsonb };

/// The binary form for a column of type `typeOid`; none for a type that goes out only as text.
std::optional<Wire> wireFor(unsigned typeOid);

/// The signature, flags and header extension that open a binary COPY.
void appendHeader(std::string &out);
/// The field count that opens a row.
void appendRowStart(std::string &out, int fields);
/**
 * `value` as one binary field of a column sent as `wire`: NULL as length -1, numbers in network
 * order, numeric in base-10000 digits from its decimal text, bytea as its bytes. False, with
 * `out` as it was, when the value has no such form (a numeric that is not a decimal number, an
 * integer out of range, bytea given as text): the text form would have been refused as well.
 */
bool appendField(std::string &out, Wire wire, const QVariant &value);
/// An integer as one binary field of an integer or numeric column; false, with `out` as it was,
/// when the column is of another type or too narrow for it.
bool appendInteger(std::string &out, Wire wire, qint64 value);
/// Bytes as one binary field of a bytea column; false for any other.
bool appendBytes(std::string &out, Wire wire, QByteArrayView value);
/// A uint256 as one binary field of a numeric column, from its digits with no allocation; false
/// for any other.
bool appendU256(std::string &out, Wire wire, const U256 &value);
/// The end-of-data marker that closes a binary COPY.
void appendTrailer(std::string &out);

/// `value` as one field of COPY's text form: \N for NULL, bytea in hex, backslash, tab, newline
/// and carriage return escaped.
void appendTextField(std::string &out, const QVariant &value);

} // namespace arbor::pgcopy
