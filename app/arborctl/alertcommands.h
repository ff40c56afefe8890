#pragma once

#include "commandline.h"

namespace arbor::cli {

int alertAdd(const Invocation &inv);
int alertEdit(const Invocation &inv);
int alertRules(const Invocation &inv);
int alertShow(const Invocation &inv);
int alertEnable(const Invocation &inv);
int alertDisable(const Invocation &inv);
int alertDelete(const Invocation &inv);
int alertSilence(const Invocation &inv);
int alertUnsilence(const Invocation &inv);
/// `alert test RULE [--json]`: a test delivery per action of the rule.
int alertTest(const Invocation &inv);
int alertList(const Invocation &inv);
int alertAck(const Invocation &inv);
int alertResults(const Invocation &inv);

} // namespace arbor::cli
