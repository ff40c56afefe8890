#pragma once

#include "commandline.h"

namespace arbor::cli {

int statsEvents(const Invocation &inv);
int statsNetwork(const Invocation &inv);
int statsActions(const Invocation &inv);

} // namespace arbor::cli
