#pragma once

// The OIDs of PostgreSQL's built-in types that PostgresStore reads (fromField) and sends in
// binary COPY (pgcopy::wireFor). A built-in type's OID is fixed across servers and versions.
namespace arbor::pgtype {

constexpr unsigned Bool = 16;
constexpr unsigned Bytea = 17;
constexpr unsigned Int8 = 20;
constexpr unsigned Int2 = 21;
constexpr unsigned Int4 = 23;
constexpr unsigned Text = 25;
constexpr unsigned Float4 = 700;
constexpr unsigned Float8 = 701;
constexpr unsigned Varchar = 1043;
constexpr unsigned Numeric = 1700;
constexpr unsigned Jsonb = 3802;

} // namespace arbor::pgtype
