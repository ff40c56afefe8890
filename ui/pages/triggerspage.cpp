#include "pages/triggerspage.h"

#include "charts/actionmetricspanel.h"
#include "charts/deliverychartpanel.h"
#include "charts/eventcountspanel.h"
#include "delegates/statusbadgedelegate.h"
#include "engine/chainservice.h"
#include "engine/statsservice.h"
#include "engine/triggerservice.h"
#include "models/deliverylogmodel.h"
#include "models/triggerlistmodel.h"
#include "util/continuation.h"
#include "widgets/actionspanel.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

const int RefreshDelayMs = 500;      // at most two reads a second, however busy deliveries are
const int IdleRefreshMs = 60 * 1000;    // and at least once a minute, however quiet
const int LogLimit = 500;

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

TriggersPage::TriggersPage(TriggerService *triggers, ChainService *chains, IndexingService *indexing, StatsService *stats, QWidget *parent)
    : QWidget(parent)
    , m_triggers(triggers), m_chains(chains), m_indexing(indexing), m_stats(stats)
    , m_triggerModel(new TriggerListModel(this))
    , m_triggerProxy(new QSortFilterProxyModel(this))
    , m_log(new DeliveryLogModel(this))
{
    Q_ASSERT(triggers);
    setObjectName(QStringLiteral("triggersPage"));

    m_new = createAction(QStringLiteral("document-new"), tr("&New Trigger…"), "newTriggerAction",
                         tr("Define what to watch on a chain's ERC-8004 registry and what to call when it happens"));
    m_edit = createAction(QStringLiteral("document-edit"), tr("&Edit…"), "editTriggerAction", tr("Edit the selected trigger"));
    m_toggle = createAction(QStringLiteral("media-playback-pause"), tr("Disa&ble"), "toggleTriggerAction", QString());
    m_delete = createAction(QStringLiteral("edit-delete"), tr("&Delete…"), "deleteTriggerAction",
                            tr("Delete the selected trigger; its delivery log stays"));
    m_dryRun = createAction(QStringLiteral("system-run"), tr("Dry &Run…"), "dryRunTriggerAction",
                            tr("Evaluate the selected trigger on stored events and see what it would send, sending nothing"));
    m_sendTest = createAction(QStringLiteral("mail-send"), tr("Send &Test"), "sendTestAction",
                              tr("Send one real delivery, marked as a test, from the newest stored event"));
    connect(m_new, &QAction::triggered, this, &TriggersPage::newTrigger);
    connect(m_edit, &QAction::triggered, this, &TriggersPage::editSelected);
    connect(m_toggle, &QAction::triggered, this, &TriggersPage::toggleSelected);
    connect(m_delete, &QAction::triggered, this, &TriggersPage::confirmDeleteSelected);
    connect(m_dryRun, &QAction::triggered, this, &TriggersPage::dryRunSelected);
    connect(m_sendTest, &QAction::triggered, this, &TriggersPage::sendTestForSelected);

    m_toolBar = new QToolBar(tr("Triggers"));
    m_toolBar->setObjectName(QStringLiteral("triggersToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_new);
    m_toolBar->addAction(m_edit);
    m_toolBar->addAction(m_toggle);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_dryRun);
    m_toolBar->addAction(m_sendTest);

    m_triggerProxy->setSourceModel(m_triggerModel);
    m_triggerProxy->setSortRole(TriggerListModel::SortRole);
    m_triggerProxy->setDynamicSortFilter(true);
    m_triggerView = new QTableView;
    m_triggerView->setObjectName(QStringLiteral("triggerTable"));
    m_triggerView->setModel(m_triggerProxy);
    setUpTable(m_triggerView);
    m_triggerView->setSortingEnabled(true);
    m_triggerView->sortByColumn(TriggerListModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_triggerView->horizontalHeader();
    header->resizeSection(TriggerListModel::NameColumn, 240);
    header->resizeSection(TriggerListModel::ChainColumn, 130);
    header->resizeSection(TriggerListModel::RegistryColumn, 110);
    header->resizeSection(TriggerListModel::EnabledColumn, 90);
    header->resizeSection(TriggerListModel::LastFiredColumn, 150);
    header->resizeSection(TriggerListModel::DeliveriesColumn, 120);
    m_triggerView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_triggerView->addActions({m_edit, m_toggle, m_dryRun, m_sendTest, m_delete});
    TableActions::install(m_triggerView, QStringLiteral("triggers"));
    connect(m_triggerView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != TriggerListModel::EnabledColumn)
            editSelected();
    });
    connect(m_triggerModel, &TriggerListModel::enabledChangeRequested, this, &TriggersPage::setTriggerEnabled);

    m_charts = new DeliveryChartPanel;
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("triggersTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createLog(), tr("Delivery Log"));
    m_tabs->addTab(new ActionsPanel(m_triggers), tr("Actions"));
    m_tabs->addTab(m_charts, tr("Charts"));
    auto *hourly = new QSplitter(Qt::Horizontal);   // the panels read the hourly aggregates themselves
    hourly->setObjectName(QStringLiteral("hourlyCharts"));
    hourly->setChildrenCollapsible(false);
    hourly->addWidget(new ActionMetricsPanel(m_stats, m_triggers));
    hourly->addWidget(new EventCountsPanel(m_stats, m_chains, m_indexing));
    m_tabs->addTab(hourly, tr("Per Hour"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("triggersSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_triggerView);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_statusLine = new QLabel;
    m_statusLine->setObjectName(QStringLiteral("triggersStatusLine"));
    m_statusLine->setTextFormat(Qt::PlainText);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLine);

    // Every minute the 24 h figures and the charts' hour age.
    m_triggersRefresh = new RefreshThrottle(this, [this] { return readTriggers(); }, RefreshDelayMs, IdleRefreshMs);
    m_logRefresh = new RefreshThrottle(this, [this] { return readLog(); }, RefreshDelayMs, IdleRefreshMs);
    m_chartsRefresh = new RefreshThrottle(this, [this] { return readCharts(); }, RefreshDelayMs, IdleRefreshMs);

    // A definition changed: only the trigger list is read again; the log's names follow it
    // (readTriggers), and deliveries and charts are not touched by a definition.
    connect(m_triggers, &TriggerService::triggersChanged, this, [this] { scheduleRefresh(TriggersPart); });
    connect(m_triggers, &TriggerService::deliveriesChanged, this, [this] { scheduleRefresh(AllParts); });
    connect(m_triggers, &EngineService::stateChanged, this, &TriggersPage::applyEngineState);
    connect(m_chains, &ChainService::chainsChanged, this, &TriggersPage::onChainsChanged);
    connect(m_triggerView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TriggersPage::updateActions);
    connect(m_triggerModel, &QAbstractItemModel::dataChanged, this, &TriggersPage::updateActions);
    connect(m_logView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TriggersPage::updateActions);
    onChainsChanged(m_chains->snapshot());
    applyEngineState(m_triggers->state());
}

TriggersPage::~TriggersPage() = default;

QAction *TriggersPage::createAction(const QString &icon, const QString &text, const char *objectName, const QString &toolTip)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, this);
    action->setObjectName(QLatin1String(objectName));
    action->setToolTip(toolTip);
    return action;
}

QWidget *TriggersPage::createLog()
{
    m_triggerFilter = new QComboBox;
    m_triggerFilter->setObjectName(QStringLiteral("logTriggerFilter"));
    m_triggerFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_triggerFilter->addItem(tr("All triggers"));
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("logStatusFilter"));
    m_statusFilter->addItem(tr("All statuses"));
    for (DeliveryStatus s : {DeliveryStatus::Success, DeliveryStatus::Failed, DeliveryStatus::Retrying, DeliveryStatus::Cancelled})
        m_statusFilter->addItem(DeliveryLogModel::statusText(s), int(s));
    m_typeFilter = new QComboBox;
    m_typeFilter->setObjectName(QStringLiteral("logTypeFilter"));
    m_typeFilter->addItem(tr("All actions"));
    for (ActionType t : {ActionType::Rest, ActionType::Telegram, ActionType::Mcp})
        m_typeFilter->addItem(DeliveryLogModel::actionTypeText(t), int(t));
    for (QComboBox *filter : {m_triggerFilter, m_statusFilter, m_typeFilter}) {
        connect(filter, &QComboBox::currentIndexChanged, this, [this] {
            ++m_logRequest;   // an answer for the old filter is dropped
            refreshNow(LogPart);
        });
    }

    m_resendButton = new QPushButton(QIcon::fromTheme(QStringLiteral("mail-send")), tr("Re&send"));
    m_resendButton->setObjectName(QStringLiteral("resendButton"));
    connect(m_resendButton, &QPushButton::clicked, this, &TriggersPage::resendSelected);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:")));
    filters->addWidget(m_triggerFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_typeFilter);
    filters->addStretch(1);
    filters->addWidget(m_resendButton);

    m_logView = new QTableView;
    m_logView->setObjectName(QStringLiteral("deliveryLogTable"));
    m_logView->setModel(m_log);
    setUpTable(m_logView);
    m_logView->setTextElideMode(Qt::ElideMiddle);
    m_logView->setItemDelegateForColumn(DeliveryLogModel::StatusColumn,
                                        new StatusBadgeDelegate(DeliveryLogModel::BadgeColorRole, m_logView));
    QHeaderView *header = m_logView->horizontalHeader();
    header->resizeSection(DeliveryLogModel::TimeColumn, 150);
    header->resizeSection(DeliveryLogModel::TriggerColumn, 180);
    header->resizeSection(DeliveryLogModel::ActionColumn, 300);   // "2. Telegram — chat -1001234567890"
    header->resizeSection(DeliveryLogModel::StatusColumn, 100);
    header->resizeSection(DeliveryLogModel::AttemptColumn, 70);
    header->resizeSection(DeliveryLogModel::HttpStatusColumn, 60);
    TableActions::install(m_logView, QStringLiteral("delivery-log"));
    header->resizeSection(DeliveryLogModel::DurationColumn, 70);
    header->resizeSection(DeliveryLogModel::ErrorColumn, 240);
    header->resizeSection(DeliveryLogModel::EventColumn, 200);    // "block 12,345,678 · 0x1234…abcd #12"
    header->moveSection(DeliveryLogModel::EventColumn, DeliveryLogModel::TriggerColumn + 1);

    auto *log = new QWidget;
    log->setObjectName(QStringLiteral("deliveryLog"));
    auto *layout = new QVBoxLayout(log);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_logView, 1);
    return log;
}

void TriggersPage::refresh()
{
    refreshNow(AllParts);
}

void TriggersPage::scheduleRefresh(int parts)
{
    if (parts & TriggersPart)
        m_triggersRefresh->changed();
    if (parts & LogPart)
        m_logRefresh->changed();
    if (parts & ChartsPart)
        m_chartsRefresh->changed();
}

void TriggersPage::refreshNow(int parts)
{
    if (parts & TriggersPart)
        m_triggersRefresh->now();
    if (parts & LogPart)
        m_logRefresh->now();
    if (parts & ChartsPart)
        m_chartsRefresh->now();
}

bool TriggersPage::readTriggers()
{
    if (!m_triggers->state().started)
        return false;
    then(m_triggers->triggers(), this, [this](Result<QList<TriggerRecord>> triggers) {
        m_triggersRefresh->finished();
        if (!triggers) {
            showStatus(tr("Could not read the triggers: %1").arg(triggers.error().toString()), true);
            return;
        }
        m_triggerModel->update(*triggers);
        QHash<qint64, QString> names;
        for (const TriggerRecord &trigger : *triggers)
            names.insert(trigger.def.id, trigger.def.name);
        m_log->nameTriggers(names);
        QHash<qint64, QString> actions;
        for (const TriggerRecord &trigger : *triggers) {
            for (int i = 0; i < trigger.def.actions.size(); ++i)
                actions.insert(trigger.def.actions[i].id, DeliveryLogModel::actionText(trigger.def.actions[i], i));
        }
        m_log->nameActions(actions);
        updateTriggerFilter();
        if (m_selectAfterRead && m_triggerModel->rowOf(m_selectAfterRead) >= 0) {
            selectTrigger(m_selectAfterRead);
            m_selectAfterRead = 0;
        }
        if (!m_triggerView->selectionModel()->hasSelection() && m_triggerProxy->rowCount() > 0)
            m_triggerView->selectRow(0);
        updateActions();
    });
    return true;
}

bool TriggersPage::readLog()
{
    if (!m_triggers->state().started)
        return false;
    ResultFilter filter;
    filter.limit = LogLimit;
    if (m_triggerFilter->currentIndex() > 0) {
        filter.source = DeliverySource::Trigger;   // an alert rule may have the same id
        filter.triggerId = m_triggerFilter->currentData().toLongLong();
    }
    if (m_statusFilter->currentIndex() > 0)
        filter.status = DeliveryStatus(m_statusFilter->currentData().toInt());
    if (m_typeFilter->currentIndex() > 0)
        filter.actionType = ActionType(m_typeFilter->currentData().toInt());
    const quint64 request = m_logRequest;
    then(m_triggers->triggerResults(filter), this, [this, request](Result<QList<ActionResult>> results) {
        m_logRefresh->finished();
        if (request != m_logRequest)
            return;   // the filter changed meanwhile: read again with the new one
        if (!results) {
            showStatus(tr("Could not read the delivery log: %1").arg(results.error().toString()), true);
            return;
        }
        m_log->update(*results);
        updateActions();
        checkPendingTests();
    });
    return true;
}

bool TriggersPage::readCharts()
{
    if (!m_triggers->state().started)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    then(m_triggers->deliveriesPerMinute(now - DeliveryChartPanel::WindowMs), this, [this, now](Result<QList<DeliveryMinute>> minutes) {
        m_chartsRefresh->finished();
        if (!minutes) {
            showStatus(tr("Could not read the delivery figures: %1").arg(minutes.error().toString()), true);
            return;
        }
        m_charts->setMinutes(*minutes, now);
    });
    return true;
}

void TriggersPage::checkPendingTests()
{
    for (auto it = m_pendingTests.cbegin(); it != m_pendingTests.cend(); ++it) {
        ResultFilter filter;
        filter.deliveryId = it.key();
        filter.limit = 1;
        const QString id = it.key();
        const QString name = it.value();
        then(m_triggers->triggerResults(filter), this, [this, id, name](Result<QList<ActionResult>> results) {
            if (!results || results->isEmpty() || !m_pendingTests.contains(id))
                return;
            const ActionResult &r = results->first();
            QStringList details;
            if (r.httpStatus)
                details.append(tr("HTTP %1").arg(*r.httpStatus));
            if (r.durationMs)
                details.append(tr("%1 ms").arg(*r.durationMs));
            if (!r.error.isEmpty())
                details.append(r.error);
            const QString outcome = details.isEmpty() ? DeliveryLogModel::statusText(r.status)
                                                      : tr("%1 (%2)").arg(DeliveryLogModel::statusText(r.status),
                                                                          details.join(QStringLiteral(", ")));
            if (r.status != DeliveryStatus::Retrying) {
                m_pendingTests.remove(id);
                m_logRefresh->setReadWhileHidden(!m_pendingTests.isEmpty());
            }
            showStatus(tr("Test delivery of “%1”: %2").arg(name, outcome), r.status != DeliveryStatus::Success);
        });
    }
}

void TriggersPage::applyEngineState(const EngineState &state)
{
    m_triggerModel->setEditable(state.started && !state.readOnly);
    updateActions();
    if (state.started)
        scheduleRefresh(AllParts);
}

void TriggersPage::onChainsChanged(const QList<ChainRecord> &chains)
{
    QHash<qint64, QString> names;
    for (const ChainRecord &chain : chains)
        names.insert(chain.config.chainId, chain.config.name);
    m_triggerModel->setChainNames(names);
    updateActions();
}

void TriggersPage::updateTriggerFilter()
{
    const QVariant current = m_triggerFilter->currentIndex() > 0 ? m_triggerFilter->currentData() : QVariant();
    QList<TriggerRecord> sorted = m_triggerModel->triggers();
    std::sort(sorted.begin(), sorted.end(), [](const TriggerRecord &a, const TriggerRecord &b) {
        return a.def.name.localeAwareCompare(b.def.name) < 0;
    });
    bool same = m_triggerFilter->count() == sorted.size() + 1;
    for (int i = 0; same && i < sorted.size(); ++i)
        same = m_triggerFilter->itemData(i + 1).toLongLong() == sorted[i].def.id && m_triggerFilter->itemText(i + 1) == sorted[i].def.name;
    if (same)
        return;
    {
        const QSignalBlocker blocker(m_triggerFilter);
        while (m_triggerFilter->count() > 1)
            m_triggerFilter->removeItem(1);
        for (const TriggerRecord &t : std::as_const(sorted))
            m_triggerFilter->addItem(t.def.name, t.def.id);
    }
    const int index = current.isValid() ? m_triggerFilter->findData(current) : 0;
    m_triggerFilter->setCurrentIndex(qMax(0, index));   // the trigger went: every trigger again
}

std::optional<TriggerRecord> TriggersPage::selectedTrigger() const
{
    const QModelIndexList rows = m_triggerView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const TriggerRecord *trigger = m_triggerModel->triggerAt(m_triggerProxy->mapToSource(rows.first()).row());
    return trigger ? std::optional<TriggerRecord>(*trigger) : std::nullopt;
}

std::optional<ActionResult> TriggersPage::selectedResult() const
{
    const QModelIndexList rows = m_logView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const ActionResult *result = m_log->resultAt(rows.first().row());
    return result ? std::optional<ActionResult>(*result) : std::nullopt;
}

void TriggersPage::selectTrigger(qint64 triggerId)
{
    const int row = m_triggerModel->rowOf(triggerId);
    if (row < 0)
        return;
    m_triggerView->selectRow(m_triggerProxy->mapFromSource(m_triggerModel->index(row, 0)).row());
}

void TriggersPage::updateActions()
{
    const EngineState state = m_triggers->state();
    const bool writable = state.started && !state.readOnly;
    const std::optional<TriggerRecord> trigger = selectedTrigger();
    const bool idle = trigger && !m_busy.contains(trigger->def.id);
    const bool haveChains = !m_chains->snapshot().isEmpty();

    m_new->setEnabled(writable && haveChains);
    m_edit->setEnabled(writable && idle);
    m_toggle->setEnabled(writable && idle);
    m_delete->setEnabled(writable && idle);
    m_sendTest->setEnabled(writable && idle);
    m_dryRun->setEnabled(state.started && trigger.has_value());
    m_resendButton->setEnabled(writable && selectedResult().has_value());

    const bool enabled = trigger && trigger->def.enabled;
    m_toggle->setText(enabled ? tr("Disa&ble") : tr("Ena&ble"));
    m_toggle->setIcon(QIcon::fromTheme(enabled ? QStringLiteral("media-playback-pause") : QStringLiteral("media-playback-start")));

    const QString readOnly = state.readOnly ? tr("Read-only: %1").arg(state.readOnlyReason) : QString();
    m_new->setToolTip(!readOnly.isEmpty() ? readOnly
                      : haveChains        ? tr("Define what to watch on a chain's ERC-8004 registry and what to call when it happens")
                                          : tr("Add a chain first: a trigger watches one chain's registry"));
    m_edit->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Edit the selected trigger"));
    m_toggle->setToolTip(!readOnly.isEmpty() ? readOnly
                         : enabled           ? tr("Stop firing; deliveries already created still go out")
                                             : tr("Fire again, for events promoted from now on (never for what was missed)"));
    m_delete->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Delete the selected trigger; its delivery log stays"));
    m_sendTest->setToolTip(!readOnly.isEmpty() ? readOnly
                                               : tr("Send one real delivery, marked as a test, from the newest stored event"));
    m_resendButton->setToolTip(!readOnly.isEmpty() ? readOnly
                                                   : tr("Send the selected delivery again, under the same delivery id"));
}

void TriggersPage::showStatus(const QString &text, bool error)
{
    m_statusLine->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_statusLine->setText(text);
}

} // namespace arbor::ui
