#include "alertcounttext.h"

#include <QCoreApplication>

namespace arbor::ui {

QString alertCountText(const AlertCounts &counts)
{
    if (counts.active == 0)
        return QCoreApplication::translate("arbor::ui::AlertCounts", "No alerts");
    if (counts.acknowledged == 0)
        return QCoreApplication::translate("arbor::ui::AlertCounts", "%n alert(s)", nullptr, counts.active);
    return QCoreApplication::translate("arbor::ui::AlertCounts", "%n alert(s) (%1 acknowledged)", "every active alert, then how many of them are acknowledged",
                                       counts.active)
        .arg(counts.acknowledged);
}

} // namespace arbor::ui
