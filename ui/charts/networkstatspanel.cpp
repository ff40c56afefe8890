#include "charts/networkstatspanel.h"

#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/charthover.h"
#include "widgets/refreshthrottle.h"
#include "charts/segmentedline.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "util/continuation.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace arbor::ui {
namespace {

constexpr qint64 SecondsPerDay = 86400;

QDate dateOf(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

/// The locale's short date without the year ("M/d", "dd.MM"): the axis spans at most 90 days.
QString dayFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[^dM]*y+[^dM]*$")));
    format.remove(QRegularExpression(QStringLiteral("^y+[^dM]*")));
    return format;
}

qint64 value(const NetworkDay &day, NetworkStatsPanel::Line line)
{
    switch (line) {
    case NetworkStatsPanel::TransactionsLine:
        return day.transactions;
    case NetworkStatsPanel::TransfersLine:
        return day.transfers;
    case NetworkStatsPanel::HoldersLine:
        return day.activeHolders;
    case NetworkStatsPanel::GasLine:
        return day.gasUsed;
    case NetworkStatsPanel::LineCount:
        break;
    }
    return 0;
}

} // namespace

NetworkStatsPanel::NetworkStatsPanel(StatsService *stats, IndexingService *indexing, QWidget *parent)
    : QWidget(parent), m_stats(stats), m_indexing(indexing)
{
    setObjectName(QStringLiteral("networkStats"));

    m_range = new QComboBox;
    m_range->setObjectName(QStringLiteral("networkStatsRange"));
    m_range->setToolTip(tr("How many UTC days the chart shows, today included"));
    for (int days : dayChoices())
        m_range->addItem(tr("Last %n day(s)", nullptr, days), days);
    m_range->setCurrentIndex(int(dayChoices().indexOf(DefaultDays)));
    auto *rangeLabel = new QLabel(tr("Ra&nge:"));
    rangeLabel->setBuddy(m_range);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int index) { setDays(m_range->itemData(index).toInt()); });

    m_gas = new QCheckBox(tr("&Gas used"));
    m_gas->setObjectName(QStringLiteral("networkStatsGas"));
    m_gas->setToolTip(tr("Also draw the gas the chain's blocks used per day, on an axis of its own"));
    connect(m_gas, &QCheckBox::toggled, this, [this] {
        if (!m_shown.isEmpty())
            plot(m_shown);
    });

    auto *chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // Units in the title: an axis title beside a plot this short is cut to "Per day (c…".
    chart->setTitle(tr("Daily activity (counts per day)"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);   // axis labels with the locale's separators

    QFont axisTitleFont = font();
    axisTitleFont.setPointSizeF(axisTitleFont.pointSizeF() * 0.9);
    m_x = new QCategoryAxis;
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_x->setTitleText(tr("Day (UTC)"));
    m_x->setTitleFont(axisTitleFont);
    m_counts = new QValueAxis;
    m_counts->setLabelFormat(QStringLiteral("%.0f"));   // counts, from the first frame on
    m_gasAxis = new QValueAxis;
    m_gasAxis->setTitleFont(axisTitleFont);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_counts, Qt::AlignLeft);
    chart->addAxis(m_gasAxis, Qt::AlignRight);
    m_gasAxis->setVisible(false);
    for (int line = TransactionsLine; line < GasLine; ++line)
        m_lines[line] = std::make_unique<SegmentedLine>(chart, m_x, m_counts, lineName(Line(line)), charts::lineColor(line));

    m_view = new QChartView(chart);
    m_view->setObjectName(QStringLiteral("networkStatsChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(260, 200);
    m_view->setFocusPolicy(Qt::NoFocus);
    new ChartHover(m_view, [this](double fraction) {
        return readOut(qint64(std::floor(m_x->min() + fraction * (m_x->max() - m_x->min()) + 0.5)));
    });

    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("networkStatsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("networkStatsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addSpacing(12);
    top->addWidget(m_gas);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, RefreshDelayMs, PeriodMs);
    connect(m_indexing, &IndexingService::chainPromoted, this, [this](qint64 chainId) {
        if (chainId == m_chainId)
            m_refresh->changed();
    });
    connect(m_stats, &EngineService::stateChanged, m_refresh, &RefreshThrottle::changed);
    showEmpty(tr("No chain selected."));
}

NetworkStatsPanel::~NetworkStatsPanel()
{
    // The lines give their series back to the chart before the view (and chart) go.
    for (auto &line : m_lines)
        line.reset();
}

QList<int> NetworkStatsPanel::dayChoices()
{
    return {7, 30, 90};
}

QString NetworkStatsPanel::lineName(Line line) const
{
    switch (line) {
    case TransactionsLine:
        return tr("Transactions");
    case TransfersLine:
        return tr("Token transfers");
    case HoldersLine:
        return tr("Active holders");
    case GasLine:
        return tr("Gas used");
    case LineCount:
        break;
    }
    return {};
}

void NetworkStatsPanel::setChain(qint64 chainId)
{
    if (chainId == m_chainId)
        return;
    m_chainId = chainId;
    ++m_request;
    m_shown.clear();
    if (chainId == 0) {
        showEmpty(tr("No chain selected."));
        return;
    }
    showEmpty(tr("Reading the daily figures…"));
    m_refresh->now();
}

void NetworkStatsPanel::setDays(int days)
{
    if (days == m_days || days <= 0)
        return;
    m_days = days;
    const int index = m_range->findData(days);
    if (index >= 0 && index != m_range->currentIndex())
        m_range->setCurrentIndex(index);
    ++m_request;
    m_refresh->now();
}

qint64 NetworkStatsPanel::today() const
{
    return QDateTime::currentSecsSinceEpoch() / SecondsPerDay;
}

bool NetworkStatsPanel::read()
{
    if (m_chainId == 0 || !m_stats->state().started)
        return false;
    const quint64 request = m_request;
    then(m_stats->networkStats(m_chainId, today() - m_days + 1), this, [this, request](Result<QList<NetworkDay>> days) {
        if (request == m_request) {
            if (days)
                plot(*days);
            else if (days.error().kind == Error::Kind::NotFound)
                plot({});   // the chain has no tables yet
            else
                showEmpty(tr("Could not read the daily figures: %1").arg(days.error().message));
        }
        m_refresh->finished();
    });
    return true;
}

void NetworkStatsPanel::showEmpty(const QString &text)
{
    m_shown.clear();
    m_empty->setText(text);
    m_stack->setCurrentWidget(m_empty);
    m_summary->clear();
    for (auto &line : m_lines) {
        if (line)
            line->setSegments({});
    }
}

void NetworkStatsPanel::plot(const QList<NetworkDay> &days)
{
    const qint64 last = today();
    const qint64 first = last - m_days + 1;
    QList<NetworkDay> shown;
    for (const NetworkDay &d : days) {
        if (d.day >= first && d.day <= last)
            shown.append(d);
    }
    if (shown.isEmpty()) {
        showEmpty(tr("No blocks of this chain from the last %n day(s) are indexed yet. The daily figures appear here as indexing "
                     "promotes them.",
                     nullptr, m_days));
        return;
    }
    m_shown = shown;
    m_stack->setCurrentWidget(m_view);

    // The gas line exists only while asked for, so it is in the legend only then.
    QChart *chart = m_view->chart();
    if (m_gas->isChecked() && !m_lines[GasLine])
        m_lines[GasLine] = std::make_unique<SegmentedLine>(chart, m_x, m_gasAxis, lineName(GasLine), charts::lineColor(GasLine));
    else if (!m_gas->isChecked())
        m_lines[GasLine].reset();
    m_gasAxis->setVisible(m_gas->isChecked());

    qint64 maxGas = 0;
    for (const NetworkDay &d : std::as_const(m_shown))
        maxGas = std::max(maxGas, d.gasUsed);
    m_gasDivisor = maxGas >= 1'000'000'000 ? 1e9 : maxGas >= 1'000'000 ? 1e6 : maxGas >= 1000 ? 1e3 : 1;
    m_gasAxis->setTitleText(gasAxisTitle());

    double topCount = 0;
    for (int line = 0; line < LineCount; ++line) {
        if (!m_lines[line])
            continue;
        // A day without figures (not indexed) breaks the line: it would read as zero.
        QList<QList<QPointF>> segments;
        qint64 previous = first - 2;
        for (const NetworkDay &d : std::as_const(m_shown)) {
            // Transactions and gas of a chain that fetches only its blocks with events are not the day's.
            const bool counted = d.blocksCounted || (line != TransactionsLine && line != GasLine);
            if (!counted) {
                previous = first - 2;
                continue;
            }
            if (d.day != previous + 1 || segments.isEmpty())
                segments.append(QList<QPointF>());
            const double y = line == GasLine ? double(d.gasUsed) / m_gasDivisor : double(value(d, Line(line)));
            segments.last().append(QPointF(double(d.day), y));
            if (line != GasLine)
                topCount = std::max(topCount, y);
            previous = d.day;
        }
        m_lines[line]->setSegments(segments);
    }
    charts::fitValueAxis(m_counts, topCount, true);
    charts::fitValueAxis(m_gasAxis, double(maxGas) / m_gasDivisor, false);

    // From the first day with figures when they cover only the end of the range (a week at least):
    // a day of data is not a dot at the edge of 30 empty days.
    const auto firstShown = std::min_element(shown.cbegin(), shown.cend(), [](const NetworkDay &a, const NetworkDay &b) { return a.day < b.day; });
    const qint64 from = charts::fittedStart(first, last, firstShown->day, MinSpanDays - 1);

    // Day labels on whole days, counted back from today so that today is always labelled.
    const QStringList old = m_x->categoriesLabels();
    for (const QString &label : old)
        m_x->remove(label);
    const qint64 span = last - from + 1;
    const int step = span <= 7 ? 1 : span <= 30 ? 5 : 15;
    const QString format = dayFormat();
    m_x->setStartValue(double(from) - 0.5);
    for (qint64 day = from; day <= last; ++day) {
        if ((last - day) % step == 0)
            m_x->append(QLocale().toString(dateOf(day), format), double(day));
    }
    m_x->setRange(double(from) - 0.5, double(last) + 0.5);

    const QLocale locale;
    qint64 blocks = 0, transactions = 0, transfers = 0, holders = 0;
    for (const NetworkDay &d : std::as_const(m_shown)) {
        blocks += d.blocks;
        transactions += d.transactions;
        transfers += d.transfers;
        holders = std::max(holders, d.activeHolders);
    }
    const bool counted = std::all_of(m_shown.cbegin(), m_shown.cend(), [](const NetworkDay &d) { return d.blocksCounted; });
    if (counted)
        m_summary->setText(tr("Last %n day(s): %1 blocks, %2 transactions, %3 token transfers; at most %4 active holders a day.", nullptr, m_days)
                               .arg(locale.toString(blocks), locale.toString(transactions), locale.toString(transfers), locale.toString(holders)));
    else
        m_summary->setText(tr("Last %n day(s): %1 token transfers; at most %2 active holders a day. Blocks, transactions and gas are not "
                              "counted: the chain fetches the headers of its blocks with events only (Chain › Edit › Block statistics).",
                              nullptr, m_days)
                               .arg(locale.toString(transfers), locale.toString(holders)));
}

QList<QPointF> NetworkStatsPanel::points(Line line) const
{
    return m_lines[line] ? m_lines[line]->points() : QList<QPointF>();
}

int NetworkStatsPanel::segmentCount(Line line) const
{
    return m_lines[line] ? m_lines[line]->segmentCount() : 0;
}

QString NetworkStatsPanel::gasAxisTitle() const
{
    const QString unit = m_gasDivisor >= 1e9 ? tr("Ggas") : m_gasDivisor >= 1e6 ? tr("Mgas") : m_gasDivisor >= 1e3 ? tr("kgas") : tr("gas");
    return tr("Gas used per day (%1)").arg(unit);
}

QString NetworkStatsPanel::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

QString NetworkStatsPanel::summary() const
{
    return m_summary->text();
}

QString NetworkStatsPanel::readOut(qint64 day) const
{
    const auto found = std::find_if(m_shown.cbegin(), m_shown.cend(), [day](const NetworkDay &d) { return d.day == day; });
    if (found == m_shown.cend())
        return {};
    const QLocale locale;
    const QDate date = dateOf(day);
    QString heading = tr("%1, %2 (UTC)").arg(locale.dayName(date.dayOfWeek(), QLocale::ShortFormat), locale.toString(date, QLocale::ShortFormat));
    if (day == today())
        heading = tr("%1, so far").arg(heading);
    const auto counted = [&](qint64 v) { return found->blocksCounted ? locale.toString(v) : tr("not counted"); };
    const QStringList lines{heading,
                            tr("Blocks: %1").arg(counted(found->blocks)),
                            tr("Transactions: %1").arg(counted(found->transactions)),
                            tr("Token transfers: %1").arg(locale.toString(found->transfers)),
                            tr("Active holders: %1").arg(locale.toString(found->activeHolders)),
                            tr("Gas used: %1").arg(counted(found->gasUsed)),
                            tr("Active holders: addresses that sent or received one of the chain's tokens that day.")};
    return lines.join(QLatin1Char('\n'));
}

} // namespace arbor::ui
