#include "timetext.h"

#include <QDateTime>
#include <QLocale>

namespace arbor::ui {

QString timestampText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("—");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace arbor::ui
