#pragma once

#include "commandline.h"

namespace arbor::cli {

int dbStatus(const Invocation &inv);
int dbMigrate(const Invocation &inv);
int dbSetPassword(const Invocation &inv);
int dbForgetPassword(const Invocation &inv);

} // namespace arbor::cli
