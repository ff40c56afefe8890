#pragma once

#include "commandline.h"

#include "triggers/triggerdef.h"

#include <QList>

namespace arbor::cli {

int triggerAdd(const Invocation &inv);
int triggerEdit(const Invocation &inv);
int triggerList(const Invocation &inv);
int triggerShow(const Invocation &inv);
int triggerEnable(const Invocation &inv);
int triggerDisable(const Invocation &inv);
int triggerDelete(const Invocation &inv);
int triggerDryRun(const Invocation &inv);
int triggerReplay(const Invocation &inv);
int triggerResults(const Invocation &inv);
int triggerResend(const Invocation &inv);

/// Warns on stderr about each keychain reference of `actions` that names no secret stored here.
void warnAboutUnstoredSecrets(const QList<Action> &actions);

} // namespace arbor::cli
