#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `arborctl db stats [--limit N] [--json]`: sizes per scope, chain and table, and the slowest statements.
int dbStats(const Invocation &inv);

} // namespace arbor::cli
