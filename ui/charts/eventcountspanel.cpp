#include "charts/eventcountspanel.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/charthover.h"
#include "widgets/refreshthrottle.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "models/triggerlistmodel.h"
#include "util/continuation.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace arbor::ui {
EventCountsPanel::EventCountsPanel(StatsService *stats, ChainService *chains, IndexingService *indexing, QWidget *parent)
    : QWidget(parent), m_stats(stats), m_chains(chains), m_indexing(indexing)
{
    setObjectName(QStringLiteral("eventCounts"));

    m_range = new QComboBox;
    m_range->setObjectName(QStringLiteral("eventCountsRange"));
    m_range->setToolTip(tr("How far back the chart reaches"));
    m_range->addItem(tr("Last 24 hours"), 24);
    m_range->addItem(tr("Last 7 days"), 7 * 24);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int index) { setHours(m_range->itemData(index).toInt()); });
    m_grouping = new QComboBox;
    m_grouping->setObjectName(QStringLiteral("eventCountsGrouping"));
    m_grouping->setToolTip(tr("A line per registry, or per event type"));
    m_grouping->addItem(tr("By registry"), int(ByRegistry));
    m_grouping->addItem(tr("By event type"), int(ByEventType));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this](int index) { setGrouping(Grouping(m_grouping->itemData(index).toInt())); });
    m_chain = new QComboBox;
    m_chain->setObjectName(QStringLiteral("eventCountsChain"));
    m_chain->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chain->setToolTip(tr("The events of every chain, or of one"));
    m_chain->addItem(tr("All chains"));
    connect(m_chain, &QComboBox::activated, this, [this](int index) {
        setChain(index > 0 ? std::optional<qint64>(m_chain->itemData(index).toLongLong()) : std::nullopt);
    });

    auto *chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("Registry events per hour (block time)"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);

    // No axis titles: the chart's title says what is counted, per what and on which clock.
    m_x = new charts::TimeAxis(chart);
    m_y = new QValueAxis;
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);

    m_view = new QChartView(chart);
    m_view->setObjectName(QStringLiteral("eventCountsChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(260, 180);
    m_view->setFocusPolicy(Qt::NoFocus);
    new ChartHover(m_view, [this](double fraction) {
        const qint64 from = m_x->fromMs();
        const qint64 to = m_x->toMs();
        return readOut(from + qint64(fraction * double(to - from)));
    });

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("eventCountsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addWidget(m_grouping);
    top->addWidget(m_chain);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, RefreshDelayMs, PeriodMs);
    connect(m_indexing, &IndexingService::chainPromoted, this, [this](qint64 chainId) {
        if (!m_chainId || *m_chainId == chainId)
            m_refresh->changed();
    });
    connect(m_stats, &EngineService::stateChanged, m_refresh, &RefreshThrottle::changed);
    connect(m_chains, &ChainService::chainsChanged, this, &EventCountsPanel::updateChains);
    updateChains(m_chains->snapshot());
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    plot();
}

void EventCountsPanel::updateChains(const QList<ChainRecord> &chains)
{
    QList<std::pair<qint64, QString>> entries;
    for (const ChainRecord &c : chains) {
        if (c.state != ChainState::Deleting)
            entries.append({c.config.chainId, tr("%1 (%2)").arg(c.config.name).arg(c.config.chainId)});
    }
    bool same = entries.size() + 1 == m_chain->count();
    for (qsizetype i = 0; same && i < entries.size(); ++i)
        same = m_chain->itemData(int(i + 1)).toLongLong() == entries[i].first && m_chain->itemText(int(i + 1)) == entries[i].second;
    if (same)
        return;
    const QSignalBlocker blocker(m_chain);
    while (m_chain->count() > 1)
        m_chain->removeItem(1);
    for (const auto &[id, text] : std::as_const(entries))
        m_chain->addItem(text, id);
    const int index = m_chainId ? m_chain->findData(*m_chainId) : 0;
    if (index < 0)
        setChain(std::nullopt);   // the chain went: every chain again
    else
        m_chain->setCurrentIndex(index);
}

void EventCountsPanel::setHours(int hours)
{
    if (hours == m_hours || hours <= 0)
        return;
    m_hours = hours;
    const int index = m_range->findData(hours);
    if (index >= 0 && index != m_range->currentIndex())
        m_range->setCurrentIndex(index);
    ++m_request;
    m_refresh->now();
}

void EventCountsPanel::setGrouping(Grouping grouping)
{
    if (grouping == m_groupingValue)
        return;
    m_groupingValue = grouping;
    const int index = m_grouping->findData(int(grouping));
    if (index >= 0 && index != m_grouping->currentIndex())
        m_grouping->setCurrentIndex(index);
    plot();   // the rows are the same
}

void EventCountsPanel::setChain(std::optional<qint64> chainId)
{
    {
        const QSignalBlocker blocker(m_chain);
        m_chain->setCurrentIndex(chainId ? std::max(0, m_chain->findData(*chainId)) : 0);
    }
    if (chainId == m_chainId)
        return;
    m_chainId = chainId;
    ++m_request;
    m_refresh->now();
}

qint64 EventCountsPanel::lastHour() const
{
    return m_nowMs - m_nowMs % HourMs;
}

bool EventCountsPanel::read()
{
    if (!m_stats->state().started)
        return false;
    const quint64 request = m_request;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = now - now % HourMs - (m_hours - 1) * HourMs;
    then(m_stats->eventCounts(first, m_chainId), this, [this, request, now](Result<QList<EventCountHour>> rows) {
        if (request == m_request) {
            if (rows) {
                m_rows = *rows;
                m_nowMs = now;
                plot();
            } else {
                m_summary->setText(tr("Could not read the event counts: %1").arg(rows.error().message));
            }
        }
        m_refresh->finished();
    });
    return true;
}

QString EventCountsPanel::groupOf(const EventCountHour &row) const
{
    return m_groupingValue == ByRegistry ? TriggerListModel::registryText(row.registry) : row.eventType;
}

void EventCountsPanel::plot()
{
    const qint64 last = lastHour();
    const qint64 first = last - (m_hours - 1) * HourMs;

    // Per line, per hour; registries in their usual order, event types by name.
    QMap<QString, QMap<qint64, qint64>> counts;
    QMap<QString, int> order;
    for (const EventCountHour &row : std::as_const(m_rows)) {
        if (row.hour < first || row.hour > last || row.count == 0)
            continue;
        const QString group = groupOf(row);
        counts[group][row.hour] += row.count;
        order.insert(group, m_groupingValue == ByRegistry ? int(row.registry) : 0);
    }
    QStringList names = counts.keys();
    std::stable_sort(names.begin(), names.end(), [&](const QString &a, const QString &b) { return order.value(a) < order.value(b); });

    QChart *chart = m_view->chart();
    if (lineNames() != names) {
        for (QLineSeries *series : std::as_const(m_lines)) {
            chart->removeSeries(series);
            delete series;
        }
        m_lines.clear();
        for (const QString &name : std::as_const(names)) {
            auto *series = new QLineSeries;
            series->setName(name);
            chart->addSeries(series);   // the chart owns it
            series->setColor(charts::lineColor(int(m_lines.size())));
            series->attachAxis(m_x);
            series->attachAxis(m_y);
            m_lines.append(series);
        }
    }

    // Hours without events are zero: the counts are kept for every promoted event.
    double top = 0;
    qint64 total = 0;
    QStringList parts;
    const QLocale locale;
    for (QLineSeries *series : std::as_const(m_lines)) {
        const QMap<qint64, qint64> &byHour = counts[series->name()];
        QList<QPointF> points;
        points.reserve(m_hours);
        qint64 sum = 0;
        for (qint64 hour = first; hour <= last; hour += HourMs) {
            const qint64 n = byHour.value(hour);
            points.append(QPointF(double(hour), double(n)));
            top = std::max(top, double(n));
            sum += n;
        }
        series->replace(points);
        total += sum;
        parts.append(tr("%1 %2").arg(series->name(), locale.toString(sum)));
    }
    m_x->setTimeRange(first, last);
    m_y->setRange(0, std::max(3.0, std::ceil(top * 1.1)));
    m_y->applyNiceNumbers();

    if (total == 0) {
        m_summary->setText(m_hours > 24 ? tr("No registry events in the last 7 days.") : tr("No registry events in the last 24 hours."));
        return;
    }
    const QString window = m_hours > 24 ? tr("Last 7 days") : tr("Last 24 hours");
    m_summary->setText(tr("%1: %n event(s) (%2).", nullptr, int(std::min<qint64>(total, INT_MAX))).arg(window, parts.join(tr(", "))));
}

QStringList EventCountsPanel::lineNames() const
{
    QStringList names;
    for (const QLineSeries *series : m_lines)
        names.append(series->name());
    return names;
}

QList<QPointF> EventCountsPanel::points(const QString &name) const
{
    for (const QLineSeries *series : m_lines) {
        if (series->name() == name)
            return series->points();
    }
    return {};
}

QString EventCountsPanel::summary() const
{
    return m_summary->text();
}

QString EventCountsPanel::readOut(qint64 ms) const
{
    const qint64 last = lastHour();
    const qint64 hour = ms - ms % HourMs;
    if (m_lines.isEmpty() || hour < last - (m_hours - 1) * HourMs || hour > last)
        return {};
    const QLocale locale;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(hour);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(hour + HourMs);
    QString heading = tr("%1–%2").arg(locale.toString(from.time(), QLocale::ShortFormat), locale.toString(to.time(), QLocale::ShortFormat));
    if (m_hours > 24)
        heading = tr("%1 %2").arg(locale.toString(from.date(), QLocale::ShortFormat), heading);
    QStringList lines{heading};
    for (const QLineSeries *series : m_lines) {
        qint64 n = 0;
        for (const EventCountHour &row : m_rows) {
            if (row.hour == hour && groupOf(row) == series->name())
                n += row.count;
        }
        lines.append(tr("%1: %2").arg(series->name(), locale.toString(n)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace arbor::ui
