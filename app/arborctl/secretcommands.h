#pragma once

#include "commandline.h"

namespace arbor::cli {

int secretSet(const Invocation &inv);
int secretList(const Invocation &inv);
int secretForget(const Invocation &inv);

} // namespace arbor::cli
