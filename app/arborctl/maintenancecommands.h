#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `db retention [--set NAME=DAYS|never …] [--apply] [--json]`: the retention policies, set and applied.
int dbRetention(const Invocation &inv);
/// `db maintain [--full] [--json]`: a maintenance run, each step with its duration.
int dbMaintain(const Invocation &inv);

} // namespace arbor::cli
