#include "charts/chartstyle.h"

#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace arbor::ui::charts {
namespace {

const std::array<QColor, 8> Palette = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                                       QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22)};

} // namespace

QColor lineColor(int index)
{
    return Palette[std::size_t(std::max(index, 0)) % Palette.size()];
}

int lineColorCount()
{
    return int(Palette.size());
}

void setTickLabelFormat(QValueAxis *axis)
{
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-6; };
    const char *format = whole(step) ? "%.0f" : whole(step * 10) ? "%.1f" : "%.2f";
    if (axis->labelFormat() != QLatin1String(format))
        axis->setLabelFormat(QLatin1String(format));
}

void fitValueAxis(QValueAxis *axis, double top, bool whole)
{
    double max = top <= 0 ? 1.0 : top * 1.1;
    if (whole)
        max = std::max(3.0, std::ceil(max));
    axis->setRange(0, max);
    axis->applyNiceNumbers();
    axis->setLabelFormat(whole || axis->max() >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

} // namespace arbor::ui::charts
