#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 18: deliveries an integrator can rely on for days. trigger_deliveries gain `held`
/// (1 while the action is disabled: never claimed, never dropped) and `schedule_from` (the
/// attempts made before an operator's resend, where the retry schedule starts again); the claim
/// index leaves held rows out. `action_health` keeps, per action, its state (ok, failing,
/// disabled), since when and why, the current failure streak and the last success and error.
/// Actions stored with the old defaults (timeoutMs 10000, maxRetries 8) take the new ones (15 s,
/// the standard retry schedule of about three days). Appended by migrations(); never edited.
Migration deliveriesMigration(Backend backend);

/// Migration 21: action_health.last_error_code, the last error in no language
/// (AttemptOutcome::code), so a delivery_failing alert is worded in each reader's language, not
/// in the language of the engine that made the attempt. Appended by migrations(); never edited.
Migration deliveryErrorCodeMigration(Backend backend);

/// Migration 22: action_health.last_error_detail, what the last error's code names in no
/// language of Arbor's (AttemptOutcome::detail: Telegram's description, the chat id to move
/// to). Appended by migrations(); never edited.
Migration deliveryErrorDetailMigration(Backend backend);

} // namespace arbor
