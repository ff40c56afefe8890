#pragma once

#include "commandline.h"

namespace arbor::cli {

int queueHealth(const Invocation &inv);
int queueRetryFailed(const Invocation &inv);
int queueConfig(const Invocation &inv);
int queueRun(const Invocation &inv);
int chainSetBalanceMode(const Invocation &inv);

} // namespace arbor::cli
