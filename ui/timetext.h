#pragma once

#include <QString>

namespace arbor::ui {

/// A moment (unix ms) as the console shows it everywhere: the locale's short date and time
/// ("11/25/26 3:04 PM", "25.11.26 15:04"); "—" for 0 (never).
QString timestampText(qint64 ms);

} // namespace arbor::ui
