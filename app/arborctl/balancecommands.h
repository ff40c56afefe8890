#pragma once

#include "commandline.h"

namespace arbor::cli {

int queryBalance(const Invocation &inv);
int queryPortfolio(const Invocation &inv);
int queryTopHolders(const Invocation &inv);

} // namespace arbor::cli
