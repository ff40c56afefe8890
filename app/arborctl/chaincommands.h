#pragma once

#include "commandline.h"

namespace arbor::cli {

int chainAdd(const Invocation &inv);
int chainEdit(const Invocation &inv);
int chainList(const Invocation &inv);
int chainProbe(const Invocation &inv);
int chainSetPaused(const Invocation &inv, bool paused);
int chainDelete(const Invocation &inv);

} // namespace arbor::cli
