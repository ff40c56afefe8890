#include "pages/chaindetailpage.h"

#include "charts/chainchartpanel.h"
#include "charts/networkstatspanel.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "models/chainlistmodel.h"
#include "models/reindexrequestmodel.h"
#include "models/reorgmodel.h"
#include "models/tokenmodel.h"
#include "util/continuation.h"
#include "widgets/endpointspanel.h"
#include "widgets/indexprogresspanel.h"
#include "widgets/pagehost.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

QLabel *valueLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString block(std::optional<qint64> n)
{
    return n ? QLocale().toString(*n) : ChainDetailPage::tr("–");
}

} // namespace

ChainDetailPage::ChainDetailPage(ChainService *chains, IndexingService *indexing, StatsService *stats, QWidget *parent)
    : QWidget(parent), m_chains(chains), m_indexing(indexing), m_stats(stats)
{
    setObjectName(QStringLiteral("chainDetailPage"));

    m_charts = new ChainChartPanel;
    m_tokens = new TokenModel(this);
    m_reindex = new ReindexRequestModel(this);
    m_reorgs = new ReorgModel(this);

    m_progress = new IndexProgressPanel;

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("chainDetailTabs"));
    m_endpoints = new EndpointsPanel(chains);
    m_tabs->addTab(m_endpoints, tr("RPC endpoints"));
    m_tabs->addTab(readOnlyTable(QStringLiteral("chainDetailTokens"), m_tokens), tr("Tokens"));
    m_tabs->addTab(m_progress, tr("Index progress"));
    m_tabs->addTab(readOnlyTable(QStringLiteral("chainDetailReindex"), m_reindex), tr("Reindex requests"));
    m_tabs->addTab(readOnlyTable(QStringLiteral("chainDetailReorgs"), m_reorgs), tr("Reorgs"));
    m_daily = new NetworkStatsPanel(stats, indexing);
    m_tabs->addTab(m_daily, tr("Daily activity"));
    // On a small screen the tabs sit below the fold: the one chosen comes into view.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->isVisible())
            PageHost::bringIntoView(m_tabs);
    });

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_tabs);
    splitter->setObjectName(QStringLiteral("chainDetailSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);   // the charts take most of a maximised window
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 300});

    m_loadError = valueLabel(QStringLiteral("chainDetailLoadError"));
    m_loadError->setWordWrap(true);
    m_loadError->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    layout->addWidget(m_loadError);
    layout->addWidget(splitter, 1);

    m_chartTimer.setObjectName(QStringLiteral("chainDetailChartTimer"));
    m_chartTimer.setInterval(ChartIntervalMs);
    connect(&m_chartTimer, &QTimer::timeout, this, &ChainDetailPage::updateCharts);
    m_rangesRefresh = new RefreshThrottle(this, [this] { return readRanges(); }, 0, RefreshIntervalMs);
    m_reindexRefresh = new RefreshThrottle(this, [this] { return readReindexRequests(); }, 0, RefreshIntervalMs);
    m_reorgsRefresh = new RefreshThrottle(this, [this] { return readReorgs(); }, 0, RefreshIntervalMs);
    m_historyRefresh = new RefreshThrottle(this, [this] { return readHistory(); }, 0, HistoryIntervalMs);
    connect(m_charts, &ChainChartPanel::windowChanged, this, [this] {
        updateCharts();
        ++m_historyRequest;
        m_historyRefresh->now();
    });
    connect(m_indexing, &IndexingService::chainStatusChanged, this, &ChainDetailPage::onStatuses);
    connect(m_chains, &ChainService::chainsChanged, this, [this](const QList<ChainRecord> &chains) {
        updateChooser(chains);
        onChains(chains);
    });
    connect(m_chains, &ChainService::chainDeleted, this, &ChainDetailPage::onChainDeleted);
    updateChooser(m_chains->snapshot());
    showChain(0);
}

EndpointModel *ChainDetailPage::endpointModel() const
{
    return m_endpoints->model();
}

QWidget *ChainDetailPage::createHeader()
{
    m_name = valueLabel(QStringLiteral("chainDetailName"));
    QFont big = m_name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_name->setFont(big);
    m_id = valueLabel(QStringLiteral("chainDetailId"));
    m_state = valueLabel(QStringLiteral("chainDetailStatus"));
    m_head = valueLabel(QStringLiteral("chainDetailHead"));
    m_indexed = valueLabel(QStringLiteral("chainDetailIndexed"));
    m_lag = valueLabel(QStringLiteral("chainDetailLag"));
    m_rate = valueLabel(QStringLiteral("chainDetailRate"));
    m_blockStats = valueLabel(QStringLiteral("chainDetailBlockStats"));
    m_message = valueLabel(QStringLiteral("chainDetailMessage"));
    m_message->setWordWrap(true);

    auto *header = new QWidget;
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_name, 0, 0, 1, 6);
    m_chooser = new QComboBox;
    m_chooser->setObjectName(QStringLiteral("chainDetailChooser"));
    m_chooser->setToolTip(tr("Show another chain"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_chooser, &QComboBox::activated, this, [this](int index) {
        const qint64 chainId = m_chooser->itemData(index).toLongLong();
        if (chainId == 0 || chainId == m_chainId)
            return;
        showChain(chainId);
        Q_EMIT chainChosen(chainId);
    });
    auto *chooserLabel = new QLabel(tr("C&hain:"));
    chooserLabel->setBuddy(m_chooser);
    grid->addWidget(chooserLabel, 0, 6, Qt::AlignRight);
    grid->addWidget(m_chooser, 0, 7);
    m_edit = new QPushButton(tr("&Edit Chain…"));
    m_edit->setObjectName(QStringLiteral("chainDetailEditButton"));
    m_edit->setToolTip(tr("Change this chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens"));
    m_edit->setEnabled(false);
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_chainId); });
    grid->addWidget(m_edit, 0, 8, Qt::AlignRight);
    const std::pair<QString, QLabel *> fields[] = {
        {tr("Chain id:"), m_id}, {tr("Status:"), m_state}, {tr("Head:"), m_head}, {tr("Indexed:"), m_indexed},
        {tr("Lag:"), m_lag},     {tr("Rate:"), m_rate},       {tr("Block statistics:"), m_blockStats},
    };
    int i = 0;
    for (const auto &[caption, value] : fields) {
        auto *label = new QLabel(caption);
        label->setBuddy(value);
        grid->addWidget(label, 1 + i / 3, (i % 3) * 2);
        grid->addWidget(value, 1 + i / 3, (i % 3) * 2 + 1);
        ++i;
    }
    grid->addWidget(m_message, 4, 0, 1, 8);
    grid->setColumnStretch(6, 1);
    return header;
}

QString ChainDetailPage::phaseText(IndexPhase phase)
{
    switch (phase) {
    case IndexPhase::Starting:
        return tr("Starting");
    case IndexPhase::CatchingUp:
        return tr("Catching up");
    case IndexPhase::Live:
        return tr("Live");
    case IndexPhase::RpcDown:
        return tr("RPC down");
    case IndexPhase::Stalled:
        return tr("Stalled");
    case IndexPhase::Stopped:
        return tr("Stopped");
    }
    return {};
}

void ChainDetailPage::showChain(qint64 chainId)
{
    m_chainId = chainId;
    ++m_generation;
    m_endpoints->setChain(chainId);
    m_record.reset();
    m_status.reset();
    m_ranges.clear();
    m_rangesKnown = false;
    m_tokens->setTokens({});
    m_reindex->setRequests({});
    m_reorgs->setReorgs({});
    m_charts->clear();
    m_daily->setChain(chainId);
    m_loadError->hide();
    onChains(m_chains->snapshot());
    onStatuses(m_indexing->chainStatuses());
    updateCharts();
    ++m_historyRequest;
    m_historyRefresh->now();
    refresh();
}

void ChainDetailPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateCharts();
    m_chartTimer.start();
}

void ChainDetailPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_chartTimer.stop();
}

void ChainDetailPage::onStatuses(const QList<ChainStatus> &statuses)
{
    if (m_chainId == 0)
        return;
    m_status.reset();
    for (const ChainStatus &s : statuses) {
        if (s.chainId == m_chainId)
            m_status = s;
    }
    // Not indexed here (paused, or another engine's on a read-only console): as last recorded.
    for (const ChainStatus &s : m_status ? QList<ChainStatus>() : m_chains->recordedStatuses()) {
        if (s.chainId == m_chainId)
            m_status = s;
    }
    m_endpoints->update(m_status, m_record);
    updateHeader();
    updateCharts();
    updateProgress();
}

void ChainDetailPage::updateChooser(const QList<ChainRecord> &chains)
{
    QList<std::pair<qint64, QString>> entries;
    for (const ChainRecord &c : chains) {
        if (c.state != ChainState::Deleting)
            entries.append({c.config.chainId, tr("%1 (%2)").arg(c.config.name).arg(c.config.chainId)});
    }
    bool same = entries.size() == m_chooser->count();
    for (qsizetype i = 0; same && i < entries.size(); ++i)
        same = m_chooser->itemData(int(i)).toLongLong() == entries[i].first && m_chooser->itemText(int(i)) == entries[i].second;
    const QSignalBlocker blocker(m_chooser);
    if (!same) {
        m_chooser->clear();
        for (const auto &[id, text] : std::as_const(entries))
            m_chooser->addItem(text, id);
    }
    m_chooser->setCurrentIndex(m_chooser->findData(m_chainId));
    m_chooser->setEnabled(m_chooser->count() > 0);
}

void ChainDetailPage::onChains(const QList<ChainRecord> &chains)
{
    if (m_chooser->currentData().toLongLong() != m_chainId) {
        const QSignalBlocker blocker(m_chooser);
        m_chooser->setCurrentIndex(m_chooser->findData(m_chainId));
    }
    if (m_chainId == 0) {
        updateHeader();
        return;
    }
    const bool wasKnown = m_record.has_value();
    m_record.reset();
    for (const ChainRecord &c : chains) {
        if (c.config.chainId == m_chainId)
            m_record = c;
    }
    if (wasKnown && !m_record) {
        // Deleted, here or by another process: its series go, so a new chain of the same id starts empty.
        ++m_historyRequest;
        m_charts->clear();
    }
    m_tokens->setTokens(m_record ? m_record->tokens : QList<TokenInfo>());
    onStatuses(m_indexing->chainStatuses());   // a chain not indexed here changes with its record
}

void ChainDetailPage::onChainDeleted(qint64 chainId)
{
    if (chainId != m_chainId)
        return;
    showChain(0);
}

void ChainDetailPage::updateHeader()
{
    const QLocale locale;
    m_edit->setEnabled(m_chainId != 0 && m_record && m_record->state != ChainState::Deleting);
    m_endpoints->setProbeAllowed(m_edit->isEnabled());
    if (m_chainId == 0) {
        m_name->setText(tr("No chain selected"));
        for (QLabel *l : {m_id, m_state, m_head, m_indexed, m_lag, m_rate, m_blockStats, m_message})
            l->clear();
        return;
    }
    m_name->setText(m_record ? m_record->config.name : tr("Chain %1").arg(m_chainId));
    m_id->setText(QString::number(m_chainId));
    const bool active = !m_record || m_record->state == ChainState::Active;
    if (m_status && active)
        m_state->setText(phaseText(m_status->phase));
    else if (!m_record)
        m_state->setText(tr("Unknown chain"));
    else if (m_record->state == ChainState::Paused)
        m_state->setText(tr("Paused"));
    else if (m_record->state == ChainState::Deleting)
        m_state->setText(tr("Deleting"));
    else
        m_state->setText(tr("Not indexed by this console"));

    m_head->setText(m_status && m_status->headUnknown ? ChainListModel::headUnknownValue(*m_status)
                                                      : block(m_status ? m_status->head : std::nullopt));
    m_indexed->setText(block(checkpoint()));
    const auto lagBlocks = m_status ? m_status->lag() : std::nullopt;
    const auto lagSeconds = m_status ? m_status->lagSeconds(QDateTime::currentSecsSinceEpoch()) : std::nullopt;
    if (m_status && m_status->headUnknown)
        m_lag->setText(lagSeconds ? tr("at least %1 (no endpoint reports the head)").arg(ChainListModel::durationText(*lagSeconds))
                                  : tr("unknown (no endpoint reports the head)"));
    else if (!lagBlocks)
        m_lag->setText(tr("–"));
    else if (*lagBlocks == 0)
        m_lag->setText(tr("none (at the head)"));
    else if (!lagSeconds)
        m_lag->setText(tr("%n block(s)", nullptr, int(*lagBlocks)));
    else
        m_lag->setText(tr("%n block(s)", nullptr, int(*lagBlocks)) + tr(", %n second(s)", nullptr, int(*lagSeconds)));
    m_rate->setText(m_status && active ? tr("%1 blocks/s").arg(locale.toString(m_status->blocksPerSecond, 'f', 1)) : tr("–"));
    m_message->setText(m_status ? m_status->message : QString());
    if (!m_record) {
        m_blockStats->clear();
    } else if (const std::optional<HeaderBackfill> &b = m_record->headerBackfill) {
        m_blockStats->setText(tr("every block — fetching the headers of blocks %1–%2: %3%")
                                  .arg(locale.toString(b->from), locale.toString(b->to))
                                  .arg(int(b->progress() * 100)));
    } else {
        m_blockStats->setText(m_record->config.blockStats == BlockStats::Every ? tr("every block") : tr("blocks with events"));
    }
    m_blockStats->setToolTip(m_record && m_record->config.blockStats == BlockStats::Events
                                 ? tr("Below the reorg window only the headers of blocks with the chain's events are fetched: daily "
                                      "transfers and holders are exact, daily blocks, transactions and gas are not counted (Edit Chain "
                                      "› Block statistics)")
                                 : tr("One header per block: every daily figure is exact"));
}

void ChainDetailPage::updateCharts()
{
    if (m_chainId == 0)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_charts->setSeries(m_stats->chainSeries(m_chainId, now - m_charts->windowMs()), now);
}

bool ChainDetailPage::readHistory()
{
    if (m_chainId == 0 || !m_chains->state().started)
        return false;
    const int request = m_historyRequest;
    const qint64 chainId = m_chainId;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    then(m_stats->chainHistory(chainId, now - m_charts->windowMs(), now, ChainChartPanel::MaxPointsPerLine), this, [this, request, chainId](Result<ChainSeries> history) {
            m_historyRefresh->finished();
            if (request != m_historyRequest || chainId != m_chainId)
                return;
            if (!history) {
                m_loadError->setText(tr("Could not read the chart history: %1").arg(history.error().message));
                m_loadError->show();
                return;
            }
            m_charts->setHistory(*history);
        });
    return true;
}

std::optional<qint64> ChainDetailPage::checkpoint() const
{
    if (m_status && m_status->indexed)
        return m_status->indexed;
    if (m_record)
        return m_record->checkpointBlock;
    return std::nullopt;
}

void ChainDetailPage::updateProgress()
{
    if (m_chainId == 0 || !m_rangesKnown) {
        m_progress->showMessage(m_chainId == 0 ? QString() : tr("Reading index progress…"));
        return;
    }
    const std::optional<qint64> checkpoint = this->checkpoint();
    qint64 start = 0;
    if (m_record && m_record->config.startBlock)
        start = *m_record->config.startBlock;
    else if (!m_ranges.isEmpty())
        start = m_ranges.first().from;
    else if (checkpoint)
        start = *checkpoint;
    qint64 end = checkpoint.value_or(start - 1);
    if (m_status && m_status->head)
        end = std::max(end, *m_status->head);
    m_progress->setProgress(m_ranges, start, end, checkpoint, m_rangesCheckpoint);
}

void ChainDetailPage::refresh()
{
    for (RefreshThrottle *throttle : {m_rangesRefresh, m_reindexRefresh, m_reorgsRefresh})
        throttle->now();
}

void ChainDetailPage::showLoadError(const Error &error)
{
    m_loadError->setText(tr("Could not read the chain's history: %1").arg(error.message));
    m_loadError->show();
}

bool ChainDetailPage::readRanges()
{
    if (m_chainId == 0)
        return false;
    const int generation = m_generation;
    // What was indexed when the ranges were asked for (-1: nothing); unset when not known yet.
    std::optional<qint64> asked;
    if (m_status || m_record)
        asked = checkpoint().value_or(-1);
    then(m_indexing->indexRanges(ChainRef{m_chainId, {}}), this, [this, generation, asked](Result<QList<IndexRange>> ranges) {
        m_rangesRefresh->finished();
        if (generation != m_generation)
            return;   // another chain is shown now
        if (!ranges)
            return showLoadError(ranges.error());
        m_ranges = *ranges;
        m_rangesCheckpoint = asked;
        m_rangesKnown = true;
        updateProgress();
    });
    return true;
}

bool ChainDetailPage::readReindexRequests()
{
    if (m_chainId == 0)
        return false;
    const int generation = m_generation;
    then(m_indexing->reindexRequests(ChainRef{m_chainId, {}}), this, [this, generation](Result<QList<ReindexRequest>> requests) {
        m_reindexRefresh->finished();
        if (generation != m_generation)
            return;
        if (!requests)
            return showLoadError(requests.error());
        m_reindex->setRequests(*requests);
    });
    return true;
}

bool ChainDetailPage::readReorgs()
{
    if (m_chainId == 0)
        return false;
    const int generation = m_generation;
    then(m_indexing->reorgs(ChainRef{m_chainId, {}}), this, [this, generation](Result<QList<ReorgRecord>> reorgs) {
        m_reorgsRefresh->finished();
        if (generation != m_generation)
            return;
        if (!reorgs)
            return showLoadError(reorgs.error());
        m_reorgs->setReorgs(*reorgs);
    });
    return true;
}

} // namespace arbor::ui
