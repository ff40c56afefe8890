#include "pages/queuepage.h"

#include "charts/queuechartpanel.h"
#include "delegates/statusbadgedelegate.h"
#include "dialogs/queueconfigdialog.h"
#include "engine/balanceservice.h"
#include "models/queuehealthmodel.h"
#include "models/tokenproblemmodel.h"
#include "util/continuation.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace arbor::ui {
namespace {

const int MaxProblemsHeight = 240;

} // namespace

QueuePage::QueuePage(BalanceService *balances, QWidget *parent)
    : QWidget(parent)
    , m_balances(balances)
    , m_model(new QueueHealthModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_problems(new TokenProblemModel(this))
{
    Q_ASSERT(balances);
    setObjectName(QStringLiteral("queuePage"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(QueueHealthModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    m_configureButton = new QPushButton(QIcon::fromTheme(QStringLiteral("configure")), tr("&Settings…"));
    m_configureButton->setObjectName(QStringLiteral("queueSettingsButton"));
    m_configureButton->setToolTip(tr("Batch size, retries and health thresholds of the selected chain's queue"));
    connect(m_configureButton, &QPushButton::clicked, this, &QueuePage::editSelectedConfig);

    m_retryButton = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Retry &Failed"));
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));
    m_retryButton->setToolTip(tr("Queue the selected chain's failed items again"));
    connect(m_retryButton, &QPushButton::clicked, this, &QueuePage::retrySelectedFailed);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_configureButton);
    buttons->addWidget(m_retryButton);
    buttons->addStretch();

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("queueHealthTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(QueueHealthModel::StatusColumn,
                                     new StatusBadgeDelegate(QueueHealthModel::BadgeColorRole, m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueHealthModel::ChainColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->resizeSection(QueueHealthModel::ChainColumn, 150);
    header->resizeSection(QueueHealthModel::StatusColumn, 110);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &QueuePage::editSelectedConfig);
    TableActions::install(m_view, QStringLiteral("queue-health"));

    m_problemCaption = new QLabel;
    m_problemCaption->setObjectName(QStringLiteral("queueProblemsCaption"));
    m_problemCaption->setWordWrap(true);
    m_problemView = new QTableView;
    auto *problemView = m_problemView;
    problemView->setObjectName(QStringLiteral("queueProblemsTable"));
    problemView->setModel(m_problems);
    problemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    problemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    problemView->setAlternatingRowColors(true);
    problemView->setWordWrap(true);
    problemView->verticalHeader()->hide();
    problemView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *problemHeader = problemView->horizontalHeader();
    problemHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    problemHeader->setSectionResizeMode(TokenProblemModel::MessageColumn, QHeaderView::Stretch);
    problemHeader->setSectionResizeMode(TokenProblemModel::FixColumn, QHeaderView::Stretch);
    TableActions::install(problemView, QStringLiteral("token-problems"));
    m_problemBox = new QWidget;
    m_problemBox->setObjectName(QStringLiteral("queueProblems"));
    auto *problemLayout = new QVBoxLayout(m_problemBox);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    problemLayout->addWidget(m_problemCaption);
    problemLayout->addWidget(problemView, 1);
    m_problemBox->hide();

    m_charts = new QueueChartPanel;

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("queueSplitter"));
    splitter->setChildrenCollapsible(false);
    // The problems share the health table's pane: they come and go without moving the splitter.
    auto *tables = new QWidget;
    auto *tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(m_view, 1);
    tablesLayout->addWidget(m_problemBox, 1);
    splitter->addWidget(tables);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    m_statusLine = new QLabel;
    m_statusLine->setObjectName(QStringLiteral("queueStatusLine"));
    m_statusLine->setTextFormat(Qt::PlainText);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLine);

    // No period: the engine's samples (queueHealthChanged) keep the page current.
    m_refresh = new RefreshThrottle(this, [this] { return read(); }, 0, 0);
    connect(m_balances, &BalanceService::queueHealthChanged, this, &QueuePage::onHealthChanged);
    connect(m_balances, &EngineService::stateChanged, this, &QueuePage::applyEngineState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePage::onSelectionChanged);
    applyEngineState(m_balances->state());
}

QueuePage::~QueuePage() = default;

void QueuePage::refresh()
{
    m_refresh->now();
}

bool QueuePage::read()
{
    if (!m_balances->state().started)
        return false;
    then(m_balances->queueHealth(), this, [this](Result<QList<QueueHealth>> health) {
        m_refresh->finished();
        if (!health) {
            showStatus(tr("Could not read the queue's health: %1").arg(health.error().toString()), true);
            return;
        }
        onHealthChanged(*health);
    });
    return true;
}

void QueuePage::onHealthChanged(const QList<QueueHealth> &health)
{
    m_model->update(health);
    m_problems->update(health);
    const int problems = m_problems->rowCount();
    m_problemCaption->setText(tr("%n token(s) fail the same way on every item. Their items wait, using up no retries, "
                                 "until a batch of the token succeeds again.", nullptr, problems));
    m_problemBox->setVisible(problems > 0);
    // Tall enough for a few problems in full; more scroll.
    m_problemView->resizeRowsToContents();
    int height = m_problemView->horizontalHeader()->sizeHint().height() + 2 * m_problemView->frameWidth();
    for (int row = 0; row < problems; ++row)
        height += m_problemView->rowHeight(row);
    m_problemView->setMinimumHeight(std::min(height, MaxProblemsHeight));
    for (const QueueHealth &sample : health)
        m_charts->addSample(sample);

    if (m_charts->chainId() != 0 && m_model->rowOf(m_charts->chainId()) < 0)
        onSelectionChanged();   // the chart's chain went away
    if (!m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    updateActions();
}

void QueuePage::applyEngineState(const EngineState &state)
{
    updateActions();
    if (state.started && m_model->rowCount() == 0)
        m_refresh->changed();
}

std::optional<QueueHealth> QueuePage::selectedChain() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QueueHealth *health = m_model->healthAt(m_proxy->mapToSource(rows.first()).row());
    return health ? std::optional<QueueHealth>(*health) : std::nullopt;
}

void QueuePage::onSelectionChanged()
{
    const std::optional<QueueHealth> chain = selectedChain();
    updateActions();
    if (!chain) {
        m_charts->clear();
        return;
    }
    if (chain->chainId == m_charts->chainId())
        return;

    const qint64 id = chain->chainId;
    m_charts->showChain(id, chain->chainName);
    m_charts->addSample(*chain);
    if (!m_balances->state().started)
        return;   // nothing recorded to read yet
    const quint64 request = ++m_historyRequest;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - m_charts->windowMs();
    then(m_balances->queueHealthHistory(ChainRef{id, {}}, since), this, [this, request, id](Result<QList<QueueHealth>> history) {
        if (request != m_historyRequest || m_charts->chainId() != id)
            return;   // another chain was selected meanwhile
        if (!history) {
            showStatus(tr("Could not read the queue's history: %1").arg(history.error().toString()), true);
            return;
        }
        m_charts->addHistory(*history);
    });
}

void QueuePage::updateActions()
{
    const EngineState state = m_balances->state();
    const bool writable = state.started && !state.readOnly;
    const std::optional<QueueHealth> chain = selectedChain();
    const bool idle = chain && !m_busyChains.contains(chain->chainId);

    m_configureButton->setEnabled(writable && idle);
    m_retryButton->setEnabled(writable && idle && chain->failed > 0);
    if (state.readOnly)
        m_retryButton->setToolTip(tr("Read-only: %1").arg(state.readOnlyReason));
    else if (chain && chain->failed == 0)
        m_retryButton->setToolTip(tr("“%1” has no failed items").arg(chain->chainName));
    else
        m_retryButton->setToolTip(tr("Queue the selected chain's failed items again"));
}

void QueuePage::editSelectedConfig()
{
    const std::optional<QueueHealth> chain = selectedChain();
    if (!chain || !m_configureButton->isEnabled())
        return;
    const qint64 id = chain->chainId;
    const QString name = chain->chainName;
    m_busyChains.insert(id);
    updateActions();

    then(m_balances->queueConfigs(), this, [this, id, name](Result<QList<QueueConfig>> configs) {
        m_busyChains.remove(id);
        updateActions();
        if (!configs) {
            showStatus(tr("Could not read the settings of “%1”: %2").arg(name, configs.error().toString()), true);
            return;
        }
        QueueConfig config;   // a chain that never had its settings saved runs on the defaults
        config.chainId = id;
        for (const QueueConfig &c : std::as_const(*configs)) {
            if (c.chainId == id)
                config = c;
        }
        auto *dialog = new QueueConfigDialog(m_balances, config, name, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, name] {
            showStatus(tr("Settings of “%1” saved.").arg(name));
            refresh();
        });
        dialog->open();
    });
}

void QueuePage::retrySelectedFailed()
{
    const std::optional<QueueHealth> chain = selectedChain();
    if (!chain || !m_retryButton->isEnabled())
        return;
    const qint64 id = chain->chainId;
    const QString name = chain->chainName;
    m_busyChains.insert(id);
    updateActions();
    showStatus(tr("Queuing the failed items of “%1” again…").arg(name));

    then(m_balances->retryFailed(ChainRef{id, {}}), this, [this, id, name](Result<qint64> retried) {
        m_busyChains.remove(id);
        updateActions();
        if (!retried) {
            showStatus(tr("Could not retry the failed items of “%1”: %2").arg(name, retried.error().toString()), true);
            return;
        }
        showStatus(tr("“%1”: %n item(s) queued again.", nullptr, int(qMin<qint64>(*retried, INT_MAX))).arg(name));
        refresh();
    });
}

void QueuePage::showStatus(const QString &text, bool error)
{
    m_statusLine->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_statusLine->setText(text);
}

} // namespace arbor::ui
