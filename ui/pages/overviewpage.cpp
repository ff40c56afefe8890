#include "pages/overviewpage.h"

#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "metrics/chainmetrics.h"
#include "metrics/seriesmath.h"
#include "models/chainlistmodel.h"
#include "pages/chaincard.h"
#include "util/continuation.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace arbor::ui {

OverviewPage::OverviewPage(ChainService *chains, IndexingService *indexing, StatsService *stats, QWidget *parent)
    : QWidget(parent), m_chains(chains), m_indexing(indexing), m_stats(stats)
{
    setObjectName(QStringLiteral("overviewPage"));

    auto *tiles = new QGridLayout;
    tiles->setHorizontalSpacing(12);
    m_chainsLabel = addTile(tiles, 0, QStringLiteral("overviewChains"), tr("Chains indexed here"));
    m_down = addTile(tiles, 1, QStringLiteral("overviewDown"), tr("RPC down"));
    m_stalled = addTile(tiles, 2, QStringLiteral("overviewStalled"), tr("Stalled"));
    m_paused = addTile(tiles, 3, QStringLiteral("overviewPaused"), tr("Paused"));
    m_worstLag = addTile(tiles, 4, QStringLiteral("overviewWorstLag"), tr("Worst lag"));
    tiles->setColumnStretch(4, 2);

    m_requests = new QBarSet(tr("Requests"));
    m_failures = new QBarSet(tr("Failures"));
    m_requests->setColor(QColor(0x1f, 0x77, 0xb4));
    m_failures->setColor(QColor(0xd6, 0x27, 0x28));
    auto *series = new QHorizontalBarSeries;
    series->append(m_requests);
    series->append(m_failures);
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true);   // axis labels with the locale's separators
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setTitle(tr("RPC requests per provider since the indexers started"));
    chart->addSeries(series);
    m_hosts = new QBarCategoryAxis;
    m_hosts->setTitleText(tr("Provider (host)"));
    chart->addAxis(m_hosts, Qt::AlignLeft);
    series->attachAxis(m_hosts);
    m_counts = new QValueAxis;
    m_counts->setTitleText(tr("Requests"));
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setRange(0, 1);
    chart->addAxis(m_counts, Qt::AlignBottom);
    series->attachAxis(m_counts);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart = new QChartView(chart);
    m_chart->setObjectName(QStringLiteral("overviewProviders"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(180);

    m_model = new ChainListModel(this);
    auto *cards = new QWidget;
    m_cardGrid = new QGridLayout(cards);
    m_cardGrid->setContentsMargins(0, 0, 0, 0);
    m_cardGrid->setSpacing(8);
    m_cardArea = new QScrollArea;
    m_cardArea->setObjectName(QStringLiteral("overviewChainCards"));
    m_cardArea->setWidgetResizable(true);
    m_cardArea->setFrameShape(QFrame::NoFrame);
    m_cardArea->setWidget(cards);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tiles);
    layout->addWidget(m_cardArea);
    layout->addWidget(m_chart, 1);

    m_timer.setObjectName(QStringLiteral("overviewTimer"));
    m_timer.setInterval(RefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OverviewPage::refresh);
    connect(m_indexing, &IndexingService::chainStatusChanged, this, &OverviewPage::refresh);
    connect(m_chains, &ChainService::chainsChanged, this, &OverviewPage::refresh);
    refresh();
}

QLabel *OverviewPage::addTile(QGridLayout *grid, int column, const QString &name, const QString &caption)
{
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *inner = new QVBoxLayout(frame);
    auto *title = new QLabel(caption);
    auto *value = new QLabel;
    value->setObjectName(name);
    value->setTextFormat(Qt::PlainText);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    inner->addWidget(title);
    inner->addWidget(value);
    grid->addWidget(frame, 0, column);
    return value;
}

OverviewPage::Summary OverviewPage::summarize(const QList<ChainRecord> &chains, const QList<ChainStatus> &statuses, qint64 nowSecs)
{
    Summary s;
    s.chains = int(chains.size());
    s.indexing = int(statuses.size());
    for (const ChainRecord &c : chains) {
        if (c.state == ChainState::Paused)
            ++s.paused;
    }
    for (const ChainStatus &status : statuses) {
        if (status.phase == IndexPhase::RpcDown)
            ++s.down;
        else if (status.phase == IndexPhase::Stalled)
            ++s.stalled;
        const std::optional<qint64> lag = status.lag();
        if (!lag)
            continue;
        const std::optional<qint64> seconds = status.lagSeconds(nowSecs);
        // Worst by time behind when both are known (blocks differ in length between chains), else by blocks.
        bool worse = s.worstChainId == 0;
        if (!worse)
            worse = seconds && s.worstLagSeconds ? *seconds > *s.worstLagSeconds : *lag > s.worstLagBlocks;
        if (worse) {
            s.worstChainId = status.chainId;
            s.worstLagBlocks = *lag;
            s.worstLagSeconds = seconds;
            s.worstChainName.clear();
            for (const ChainRecord &c : chains) {
                if (c.config.chainId == status.chainId)
                    s.worstChainName = c.config.name;
            }
        }
    }
    return s;
}

QMap<QString, OverviewPage::ProviderLoad> OverviewPage::providerLoad(const QList<ChainStatus> &statuses)
{
    QMap<QString, ProviderLoad> load;
    for (const ChainStatus &status : statuses) {
        for (const EndpointRecord &e : status.endpoints) {
            const QString host = e.url.host().isEmpty() ? e.url.toString(QUrl::RemoveUserInfo) : e.url.host();
            ProviderLoad &l = load[host];
            l.requests += e.requests;
            l.failures += e.failures;
        }
    }
    return load;
}

QStringList OverviewPage::chartedHosts() const
{
    return m_hosts->categories();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void OverviewPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void OverviewPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeCards();
}

void OverviewPage::refreshCards(qint64 nowMs)
{
    // One card per chain, in the table's order; a chain that left takes its card with it.
    QList<ChainCard *> cards;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 chainId = m_model->data(m_model->index(row, 0), ChainListModel::ChainIdRole).toLongLong();
        auto found = std::find_if(m_cards.begin(), m_cards.end(), [&](ChainCard *c) { return c->chainId() == chainId; });
        ChainCard *card = found != m_cards.end() ? *found : nullptr;
        if (!card) {
            card = new ChainCard(chainId);
            connect(card, &ChainCard::chosen, this, &OverviewPage::chainChosen);
            readLagHistory(chainId, nowMs);
        }
        cards.append(card);

        auto text = [&](int column) { return m_model->data(m_model->index(row, column)).toString(); };
        ChainCard::Figures f;
        f.name = text(ChainListModel::NameColumn);
        f.status = text(ChainListModel::StatusColumn);
        f.statusColor = m_model->data(m_model->index(row, ChainListModel::StatusColumn), ChainListModel::BadgeColorRole).value<QColor>();
        const ChainStatus *status = m_model->statusAt(row);
        const std::optional<qint64> lag = status ? status->lag() : std::nullopt;
        const std::optional<qint64> seconds = status ? status->lagSeconds(nowMs / 1000) : std::nullopt;
        if (!status)
            f.lag = tr("Not indexed by this console");
        else if (status->headUnknown)
            f.lag = ChainListModel::headUnknownText(*status);
        else if (!lag)
            f.lag = tr("Lag not known yet");
        else if (*lag == 0)
            f.lag = tr("At the head");
        else if (seconds)
            f.lag = tr("%n block(s) behind, %1", nullptr, int(std::min<qint64>(*lag, INT_MAX))).arg(ChainListModel::durationText(*seconds));
        else
            f.lag = tr("%n block(s) behind", nullptr, int(std::min<qint64>(*lag, INT_MAX)));
        f.endpoints = text(ChainListModel::EndpointsColumn);
        f.fromMs = nowMs - LineWindowMs;
        f.toMs = nowMs;
        // The database's record up to where this console's own series begins, then that series.
        const QList<QPointF> live = status ? m_stats->chainSeries(chainId, f.fromMs).lagSeconds : QList<QPointF>();
        const double liveFrom = live.isEmpty() ? double(f.toMs) + 1 : live.first().x();
        for (const QPointF &p : m_lagHistory.value(chainId)) {
            if (p.x() >= double(f.fromMs) && p.x() < liveFrom)
                f.lagSeconds.append(p);
        }
        f.lagSeconds.append(live);
        card->setFigures(f);
    }
    for (ChainCard *old : std::as_const(m_cards)) {
        if (!cards.contains(old)) {
            m_lagHistory.remove(old->chainId());
            old->deleteLater();
        }
    }
    const bool changed = cards != m_cards;
    m_cards = cards;
    if (changed) {
        m_cardColumns = 0;
        placeCards();
    }
}

void OverviewPage::readLagHistory(qint64 chainId, qint64 nowMs)
{
    then(m_stats->chainHistory(chainId, nowMs - LineWindowMs, nowMs, 180), this, [this, chainId](const Result<ChainSeries> &history) {
        const bool carded = std::any_of(m_cards.cbegin(), m_cards.cend(), [chainId](ChainCard *c) { return c->chainId() == chainId; });
        if (!history || !carded)   // no record to show (the line starts with this console), or the card left
            return;
        m_lagHistory.insert(chainId, history->lagSeconds);
        refreshCards(QDateTime::currentMSecsSinceEpoch());
    });
}

void OverviewPage::placeCards()
{
    // As many columns of cards as fit at 300 px each, at most four.
    const int columns = std::clamp(m_cardArea->viewport()->width() / 300, 1, 4);
    if (columns != m_cardColumns) {
        m_cardColumns = columns;
        while (m_cardGrid->count() > 0)
            delete m_cardGrid->takeAt(0);
        for (qsizetype i = 0; i < m_cards.size(); ++i)
            m_cardGrid->addWidget(m_cards[i], int(i / columns), int(i % columns));
        for (int c = 0; c < 4; ++c)
            m_cardGrid->setColumnStretch(c, c < columns ? 1 : 0);
    }
    // The cards take the rows they need (scrolling past half the page), the chart the rest.
    m_cardArea->setMaximumHeight(std::min(m_cardGrid->sizeHint().height() + 2, std::max(height() / 2, 120)));
}

void OverviewPage::refresh()
{
    const QLocale locale;
    const QList<ChainStatus> statuses = m_indexing->chainStatuses();
    const QList<ChainRecord> chains = m_chains->snapshot();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_model->update(chains);
    m_model->updateStatuses(statuses, nowMs / 1000);
    refreshCards(nowMs);
    m_summary = summarize(chains, statuses, nowMs / 1000);
    const Summary &s = m_summary;
    m_chainsLabel->setText(tr("%1 of %2").arg(locale.toString(s.indexing), locale.toString(s.chains)));
    m_down->setText(locale.toString(s.down));
    m_stalled->setText(locale.toString(s.stalled));
    m_paused->setText(locale.toString(s.paused));
    if (s.worstChainId == 0) {
        m_worstLag->setText(tr("–"));
    } else {
        const QString name = s.worstChainName.isEmpty() ? tr("Chain %1").arg(s.worstChainId) : s.worstChainName;
        QString text = tr("%1: %n block(s)", nullptr, int(std::min<qint64>(s.worstLagBlocks, INT_MAX))).arg(name);
        if (s.worstLagSeconds)
            text += tr(", %n second(s)", nullptr, int(std::min<qint64>(*s.worstLagSeconds, INT_MAX)));
        m_worstLag->setText(text);
    }
    for (QLabel *tile : {m_down, m_stalled})
        tile->setStyleSheet(tile->text() == locale.toString(0) ? QString() : QStringLiteral("color: #d62728;"));

    // The busiest provider at the top: a horizontal bar chart draws its first category at the bottom.
    const QMap<QString, ProviderLoad> load = providerLoad(statuses);
    QStringList hosts = load.keys();
    std::sort(hosts.begin(), hosts.end(), [&](const QString &a, const QString &b) { return load[a].requests < load[b].requests; });
    if (hosts != m_hosts->categories()) {
        m_hosts->clear();
        m_hosts->append(hosts);
        m_requests->remove(0, m_requests->count());
        m_failures->remove(0, m_failures->count());
        for (int i = 0; i < hosts.size(); ++i) {
            m_requests->append(0);
            m_failures->append(0);
        }
    }
    qint64 top = 0;
    for (int i = 0; i < hosts.size(); ++i) {
        const ProviderLoad &l = load[hosts[i]];
        if (m_requests->at(i) != double(l.requests))
            m_requests->replace(i, double(l.requests));
        if (m_failures->at(i) != double(l.failures))
            m_failures->replace(i, double(l.failures));
        top = std::max(top, l.requests);
    }
    const double wanted = seriesmath::niceCeil(double(top) * 1.1);
    if (m_counts->max() != wanted)
        m_counts->setRange(0, wanted);
}

} // namespace arbor::ui
