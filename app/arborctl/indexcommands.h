#pragma once

#include "commandline.h"

namespace arbor::cli {

int indexCommand(const Invocation &inv);
int serveCommand(const Invocation &inv);
int reindexCommand(const Invocation &inv);
int chainAddToken(const Invocation &inv);
/// Waits, indexing chain `chainId` itself, until its pending backfills (tokens, registries,
/// headers) are done; when another engine holds the lease, says that one does them and returns.
int waitForBackfills(const Invocation &inv, qint64 chainId, const QString &what);

} // namespace arbor::cli
