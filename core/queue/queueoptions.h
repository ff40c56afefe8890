#pragma once

#include <QtGlobal>

namespace arbor {

/// Tunables of a QueueProcessor.
struct QueueOptions
{
    int workers = 1;                    ///< worker threads, each with its own connection
    qint64 reclaimAfterMs = 120000;     ///< processing longer than this: the worker is presumed dead
    int rpcTimeoutMs = 15000;           ///< balanceOf calls
    int configRefreshMs = 2000;         ///< how often workers re-read chains and queue settings
    /// Stop once nothing is pending or processing (`arborctl queue run --until-empty`).
    bool untilEmpty = false;
    /// Record the id of every completed item in the stats (tests of exclusive claiming).
    bool recordCompletedIds = false;
};

} // namespace arbor
