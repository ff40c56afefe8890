#pragma once

#include <QColor>
#include <QIcon>

namespace arbor::ui {

/**
 * What a state's colour says, one meaning per colour across the console: a chain, an endpoint,
 * the balance queue, a delivery or a trigger action in a like state shows the same colour, in
 * its badge, its dot and its chart series.
 */
enum class StatusTone {
    Good,       ///< working as it should: green
    Calm,       ///< working, waiting its turn (a pending delivery, a rate-limited endpoint): blue
    Warning,    ///< worth watching, mends itself (retrying, answering with errors, high load): amber
    Serious,    ///< falling behind (a delayed queue): orange
    Bad,        ///< needs the operator (unreachable, failed, stalled): red
    Idle,       ///< not running: paused, disabled, cancelled or not known yet: grey
};

QColor toneColor(StatusTone tone);
/// A round dot in the tone's colour for a table's decoration; it keeps its colour on a selected row.
QIcon toneDot(StatusTone tone);

} // namespace arbor::ui
