#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

namespace arbor {

/**
 * `sql` as one row of the slow statements: string and number literals become `?`, IN lists
 * `IN (...)`, repeated VALUES tuples one tuple and `...`, whitespace one space, and per-chain
 * names (`c7_blocks`, `chain_7.blocks`, `chain_7`) lose their chain id (`c?_blocks`,
 * `chain_?.blocks`, `chain_?`), so every chain's copy of a statement shares a row.
 * Quoted identifiers are kept as they are.
 */
QString normaliseStatement(const QString &sql);

/// The timings of one statement: how often it ran, for how long in all, the longest run.
struct StatementTiming
{
    qint64 calls = 0;
    double totalMs = 0;
    double maxMs = 0;

    void add(const StatementTiming &other);
};

/// Normalised statement text → its timings.
using StatementTimings = QHash<QString, StatementTiming>;

/**
 * The process's statement timings not yet written to the database, per database
 * (DatabaseUrl::toString()), normalised. Every Store merges its own counters in now and then
 * (StatementTimer); the engine that holds the lease takes its database's share and writes it
 * to statement_stats (DatabaseStatsStore::flushStatementStats), or puts it back when it cannot.
 *
 * Thread: any; one mutex, taken only to merge or take whole batches.
 */
class StatementCollector final
{
public:
    static StatementCollector &instance();

    void add(const QString &database, const StatementTimings &timings);
    /// Everything collected for `database`, which is then forgotten.
    StatementTimings take(const QString &database);

private:
    QMutex m_mutex;
    QHash<QString, StatementTimings> m_pending;
};

/**
 * One Store's statement timings: record() is called for every statement on the Store's own
 * thread and touches only this object (a hash lookup, no lock). Every MergeIntervalMs, and when
 * the Store closes, the counters are normalised and merged into the StatementCollector.
 *
 * Thread: the Store's.
 */
class StatementTimer final
{
public:
    static constexpr qint64 MergeIntervalMs = 5000;

    explicit StatementTimer(QString database);
    ~StatementTimer();
    StatementTimer(const StatementTimer &) = delete;
    StatementTimer &operator=(const StatementTimer &) = delete;

    void record(const QString &sql, qint64 nsecs);
    /// Hands the counters to the collector now (also what the destructor does).
    void merge();

private:
    QString m_database;
    QHash<QString, StatementTiming> m_raw;   ///< by the statement's own text, not normalised
    QElapsedTimer m_sinceMerge;
};

} // namespace arbor
