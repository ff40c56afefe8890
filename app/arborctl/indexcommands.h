#pragma once

#include "commandline.h"

namespace arbor::cli {

int indexCommand(const Invocation &inv);
int serveCommand(const Invocation &inv);
int reindexCommand(const Invocation &inv);
int resyncCommand(const Invocation &inv);
int syncStatusCommand(const Invocation &inv);
int chainAddToken(const Invocation &inv);

} // namespace arbor::cli
