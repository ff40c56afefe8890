#pragma once

#include "alerts/alertmonitor.h"

#include <QString>

namespace arbor::ui {

/**
 * The one wording of the alert count, used by the status bar, the tray's tooltip and the alerts
 * panel alike: "No alerts", "2 alerts", "2 alerts (1 acknowledged)" — the number is every
 * active alert (raised and not cleared); the parenthesis says how many of them are
 * acknowledged. Counts come from countAlerts() over the active alerts.
 */
QString alertCountText(const arbor::AlertCounts &counts);

} // namespace arbor::ui
