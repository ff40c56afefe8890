#pragma once

#include "commandline.h"

#include "triggers/triggerrecords.h"

#include <QJsonObject>

namespace arbor::cli {

/// How deliveries stand, per action and for those that were given up: the commands an
/// integrator's on-call runs when a receiver was down.

/// `trigger actions` / `alert actions`: each action's state, success rate, last error, next
/// attempt, held and dead deliveries.
int triggerActions(const Invocation &inv);
int alertActions(const Invocation &inv);
/// `trigger enable-action ID` / `disable-action ID` (and `alert …`): held deliveries resume in
/// order, or are held.
int triggerEnableAction(const Invocation &inv);
int triggerDisableAction(const Invocation &inv);
int alertEnableAction(const Invocation &inv);
int alertDisableAction(const Invocation &inv);
/// `trigger rotate-secret ACTION_ID --to REF [--overlap 24h]` (and `alert …`).
int triggerRotateSecret(const Invocation &inv);
int alertRotateSecret(const Invocation &inv);

/// One action's health as `trigger actions --json` and `trigger results --json` give it.
QJsonObject actionHealthToJson(const ActionHealth &health);
/// One dead letter as `trigger results --dead --json` gives it.
QJsonObject deadLetterToJson(const DeadLetter &dead);
/// The dead letters as a table (`trigger results --dead`).
void printDeadLetters(const QList<DeadLetter> &dead);

} // namespace arbor::cli
