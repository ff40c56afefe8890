#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `engines [list] [--json]`
int enginesList(const Invocation &inv);
/// `engines drain NAME`
int enginesDrain(const Invocation &inv);
/// `engines resume NAME`
int enginesResume(const Invocation &inv);
/// `chain move CHAIN --to NAME`
int chainMove(const Invocation &inv);

} // namespace arbor::cli
