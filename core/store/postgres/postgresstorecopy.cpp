// PostgresStore's bulk insert: COPY in binary through the session's libpq connection, as text
// where a column's type has no binary form here; rows of QVariants or typed rows.

#include "store/postgres/postgresstore.h"
#include "store/postgres/postgrescopy.h"
#include "store/postgres/postgreserrors.h"

#include <pqxx/largeobject>
#include <pqxx/tablewriter>
#include <pqxx/transaction>

#include <libpq-fe.h>

#include <string>
#include <vector>

namespace arbor {

using postgres::fromException;
using postgres::fromServerError;

namespace {

// Rows go out in chunks of ~256 KB: a COPY data message may hold many rows.
constexpr size_t CopyChunkBytes = 256 * 1024;

// libpqxx 6.4 sends COPY only in text form (tablewriter, stream_to); binary needs the session's
// libpq connection, which libpqxx hands to its large-object classes alone.
class SessionConnection : private pqxx::largeobject
{
public:
    static PGconn *of(const pqxx::dbtransaction &transaction) { return raw_connection(transaction); }
};

struct ResultClear
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultClear>;

// The error of a statement sent through libpq itself (`result`, or the connection's own).
Error copyError(PGconn *connection, const PGresult *result, const std::string &sql)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    QString what = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(connection)).trimmed();
    if (what.isEmpty())
        what = PostgresStore::tr("COPY did not start (%1).").arg(QString::fromUtf8(PQresStatus(PQresultStatus(result))));
    const bool broken = PQstatus(connection) == CONNECTION_BAD;
    std::string code = state ? state : "";
    if (!broken && code.rfind("08", 0) == 0)
        code.clear();   // a protocol error on a live session: the server refused the data sent (a changed column type)
    return fromServerError(what, code, broken, sql);
}

} // namespace

Status PostgresStore::runBulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    if (rows.isEmpty())
        return {};
    for (const SqlRow &row : rows) {
        if (row.size() != columns.size())
            return Error::internal(tr("A row for %1 has %2 values for %3 columns.").arg(table).arg(row.size()).arg(columns.size()));
    }
    return transaction([&]() -> Status {
        auto wires = copyWires(table, columns);
        if (!wires)
            return wires.error();
        if (wires->empty()) {
            const Status copied = copyText(table, columns, rows);
            if (!copied)
                m_copyColumns.clear();   // a table changed by another session is read again
            return copied;
        }
        const Status copied = copyBinary(table, columns, rows.size(), [&](std::string &chunk, qsizetype r) {
            const SqlRow &row = rows[r];
            pgcopy::appendRowStart(chunk, int(row.size()));
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (!pgcopy::appendField(chunk, (*wires)[size_t(i)], row[i]))
                    return tr("Column %1 of %2 cannot hold the value “%3”.").arg(columns[i], table, row[i].toString().left(80));
            }
            return QString();
        });
        if (!copied)
            m_copyColumns.clear();
        return copied;
    });
}

namespace {

/// A typed row straight into binary COPY fields, by each column's wire.
class PgRowEncoder final : public RowWriter
{
public:
    PgRowEncoder(const std::vector<pgcopy::Wire> &wires, const QString &table, const QStringList &columns)
        : m_wires(wires)
        , m_table(table)
        , m_columns(columns)
    {
    }
    /// Row values go to `chunk`, after the row's field count.
    void start(std::string &chunk)
    {
        m_chunk = &chunk;
        m_column = 0;
        m_refused.clear();
        pgcopy::appendRowStart(chunk, int(m_wires.size()));
    }
    qsizetype values() const { return m_column; }
    const QString &refused() const { return m_refused; }

    void integer(qint64 value) override { next(pgcopy::appendInteger(*m_chunk, wire(), value), [&] { return QString::number(value); }); }
    void bytes(QByteArrayView value) override
    {
        next(pgcopy::appendBytes(*m_chunk, wire(), value), [&] { return QString::fromLatin1(value.toByteArray().toHex().left(80)); });
    }
    void u256(const U256 &value) override { next(pgcopy::appendU256(*m_chunk, wire(), value), [&] { return u256::toDecimal(value); }); }

private:
    pgcopy::Wire wire() const { return m_column < qsizetype(m_wires.size()) ? m_wires[size_t(m_column)] : pgcopy::Wire::Bool; }
    template<typename Text>
    void next(bool appended, Text text)
    {
        if (m_column >= qsizetype(m_wires.size())) {
            m_refused = PostgresStore::tr("A row for %1 has more values than its %2 columns.").arg(m_table).arg(m_wires.size());
        } else if (!appended && m_refused.isEmpty()) {
            m_refused = PostgresStore::tr("Column %1 of %2 cannot hold the value “%3”.").arg(m_columns[m_column], m_table, text());
        }
        ++m_column;
    }

    const std::vector<pgcopy::Wire> &m_wires;
    const QString &m_table;
    const QStringList &m_columns;
    std::string *m_chunk = nullptr;
    qsizetype m_column = 0;
    QString m_refused;
};

} // namespace

Status PostgresStore::runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill)
{
    if (count == 0)
        return {};
    return transaction([&]() -> Status {
        auto wires = copyWires(table, columns);
        if (!wires)
            return wires.error();
        if (wires->empty())
            return Store::runBulkInsertRows(table, columns, count, fill);   // as text, by way of QVariants
        PgRowEncoder encoder(*wires, table, columns);
        const Status copied = copyBinary(table, columns, count, [&](std::string &chunk, qsizetype row) {
            encoder.start(chunk);
            fill(row, encoder);
            // A value too few or too many shifts the rest into the wrong columns: say that first.
            if (encoder.values() != columns.size())
                return rowSizeError(table, row, encoder.values(), columns.size()).message;
            return encoder.refused();
        });
        if (!copied)
            m_copyColumns.clear();
        return copied;
    });
}

Result<std::vector<pgcopy::Wire>> PostgresStore::copyWires(const QString &table, const QStringList &columns)
{
    auto known = m_copyColumns.constFind(table);
    if (known == m_copyColumns.cend()) {
        auto rows = query(QStringLiteral("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped"), {table});
        if (!rows)
            return rows.error();
        QHash<QString, unsigned> types;
        for (const SqlRow &r : *rows)
            types.insert(r[0].toString(), unsigned(r[1].toLongLong()));
        known = m_copyColumns.insert(table, types);
    }
    std::vector<pgcopy::Wire> wires;
    wires.reserve(size_t(columns.size()));
    for (const QString &column : columns) {
        const auto type = known->constFind(column);
        const std::optional<pgcopy::Wire> wire = type == known->cend() ? std::nullopt : pgcopy::wireFor(*type);
        if (!wire)
            return std::vector<pgcopy::Wire>();   // as text: a type without a binary form here, or a column the server will name
        wires.push_back(*wire);
    }
    return wires;
}

Status PostgresStore::copyText(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    std::vector<std::string> names;
    for (const QString &c : columns)
        names.push_back(c.toStdString());
    try {
        // stream_to in libpqxx 6.4 only takes fixed-size tuples; tablewriter takes our
        // pre-escaped lines. Arbor's connections are UTF-8, where its encoding caveat does not apply.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        pqxx::tablewriter copy(*m_transaction, table.toStdString(), names.begin(), names.end());
#pragma GCC diagnostic pop
        // libpqxx copies each line it is given once more to append the newline: many rows a line.
        std::string chunk;
        chunk.reserve(CopyChunkBytes + 4096);
        for (const SqlRow &row : rows) {
            if (!chunk.empty())
                chunk += '\n';
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i > 0)
                    chunk += '\t';
                pgcopy::appendTextField(chunk, row[i]);
            }
            if (chunk.size() >= CopyChunkBytes) {
                copy.write_raw_line(chunk);   // adds the newline that ends the last row
                chunk.clear();
            }
        }
        if (!chunk.empty())
            copy.write_raw_line(chunk);
        copy.complete();
        return {};
    } catch (const std::exception &e) {
        return fromException(e, "COPY " + table.toStdString());
    }
}

Status PostgresStore::copyBinary(const QString &table, const QStringList &columns, qsizetype count,
                                 const std::function<QString(std::string &chunk, qsizetype row)> &encode)
{
    const std::string sql = "COPY " + table.toStdString() + " (" + columns.join(u',').toStdString() + ") FROM STDIN (FORMAT binary)";
    PGconn *connection = SessionConnection::of(*m_transaction);
    {
        const ResultHandle started(PQexec(connection, sql.c_str()));
        if (PQresultStatus(started.get()) != PGRES_COPY_IN)
            return copyError(connection, started.get(), sql);
    }
    std::string chunk;
    chunk.reserve(CopyChunkBytes + 4096);
    pgcopy::appendHeader(chunk);
    QString refused;
    bool sent = true;
    for (qsizetype row = 0; row < count; ++row) {
        refused = encode(chunk, row);
        if (!refused.isEmpty())
            break;
        if (chunk.size() >= CopyChunkBytes) {
            sent = PQputCopyData(connection, chunk.data(), int(chunk.size())) == 1;
            chunk.clear();
            if (!sent)
                break;
        }
    }
    if (sent && refused.isEmpty()) {
        pgcopy::appendTrailer(chunk);
        sent = PQputCopyData(connection, chunk.data(), int(chunk.size())) == 1;
    }
    // A refused value ends the COPY as failed: the server keeps none of its rows.
    const QByteArray reason = refused.toUtf8();
    if (PQputCopyEnd(connection, refused.isEmpty() ? nullptr : reason.constData()) != 1)
        sent = false;
    Status status;
    while (PGresult *result = PQgetResult(connection)) {
        const ResultHandle held(result);
        if (status && PQresultStatus(result) != PGRES_COMMAND_OK)
            status = copyError(connection, result, sql);
    }
    if (!refused.isEmpty())
        return Error::internal(refused);
    if (status && !sent)
        status = copyError(connection, nullptr, sql);
    return status;
}

} // namespace arbor
