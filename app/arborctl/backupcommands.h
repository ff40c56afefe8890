#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `db backup --to FILE`: the --db database into a file, while engines go on using it.
int dbBackup(const Invocation &inv);
/// `db restore --from FILE`: a backup into the --db database, which must be empty (exit 3 otherwise).
int dbRestore(const Invocation &inv);

} // namespace arbor::cli
