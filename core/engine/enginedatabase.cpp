// Engine: the database's sizes, their history and the slowest statements.

#include "engine/engine.h"

#include "engine/databasestatsrecorder.h"
#include "engine/futures.h"
#include "engine/storethread.h"

namespace arbor {

void Engine::startDatabaseStats()
{
    if (m_state.readOnly || m_options.lease == EngineOptions::Lease::None || m_databaseStats)
        return;
    DatabaseStatsRecorder::Sources sources;
    sources.writer = m_writer.get();
    sources.reader = m_reader.get();
    sources.writable = [this] { return m_state.started && !m_state.readOnly; };
    m_databaseStats = std::make_unique<DatabaseStatsRecorder>(std::move(sources));
    m_databaseStats->start();
}

QFuture<Result<DatabaseStats>> Engine::databaseStats()
{
    using R = Result<DatabaseStats>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([](Store &s) { return DatabaseStatsStore(s).stats(); });
}

QFuture<Result<QList<DatabaseSizeSample>>> Engine::sizeHistory(qint64 sinceMs)
{
    using R = Result<QList<DatabaseSizeSample>>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([sinceMs](Store &s) { return DatabaseStatsStore(s).sizeHistory(sinceMs); });
}

QFuture<Result<SlowStatements>> Engine::slowStatements(int limit)
{
    using R = Result<SlowStatements>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([limit](Store &s) { return DatabaseStatsStore(s).slowStatements(limit); });
}

} // namespace arbor
