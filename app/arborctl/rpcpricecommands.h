#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `chain set-rpc-price --chain C --endpoint URL --method M (--units N | --clear) [--json]`
int chainSetRpcPrice(const Invocation &inv);

} // namespace arbor::cli
