#include "pages/databasepage.h"

#include "charts/databasegrowthchart.h"
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "models/chainsizemodel.h"
#include "models/slowstatementmodel.h"
#include "models/tablesizemodel.h"
#include "util/continuation.h"
#include "widgets/enginespanel.h"
#include "widgets/maintenancepanel.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"
#include "widgets/columnwidths.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

const qint64 DayMs = 24 * 60 * 60 * 1000;

} // namespace

DatabasePage::DatabasePage(DatabaseService *database, ChainService *chains, RosterService *roster, QWidget *parent)
    : QWidget(parent)
    , m_database(database), m_chains(chains)
    , m_chainSizes(new ChainSizeModel(this))
    , m_tables(new TableSizeModel(this))
    , m_statements(new SlowStatementModel(this))
    , m_chainProxy(new QSortFilterProxyModel(this))
    , m_tableProxy(new QSortFilterProxyModel(this))
    , m_statementProxy(new QSortFilterProxyModel(this))
{
    Q_ASSERT(database);
    setObjectName(QStringLiteral("databasePage"));

    m_backendLabel = new QLabel;
    m_backendLabel->setObjectName(QStringLiteral("databaseBackendLabel"));
    m_backendLabel->setTextFormat(Qt::PlainText);
    m_backendLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_backendLabel->font();
    bold.setBold(true);
    m_backendLabel->setFont(bold);
    m_totalsLabel = new QLabel;
    m_totalsLabel->setObjectName(QStringLiteral("databaseTotalsLabel"));
    m_totalsLabel->setTextFormat(Qt::PlainText);
    m_totalsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totalsLabel->setWordWrap(true);
    m_scopesLabel = new QLabel;
    m_scopesLabel->setObjectName(QStringLiteral("databaseScopesLabel"));
    m_scopesLabel->setTextFormat(Qt::PlainText);
    m_scopesLabel->setWordWrap(true);

    m_refreshButton = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"));
    m_refreshButton->setObjectName(QStringLiteral("databaseRefreshButton"));
    m_refreshButton->setToolTip(tr("Read the sizes, the slowest statements and the engines again (on SQLite this reads every page of the file)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &DatabasePage::refresh);

    auto *header = new QHBoxLayout;
    auto *labels = new QVBoxLayout;
    labels->addWidget(m_backendLabel);
    labels->addWidget(m_totalsLabel);
    labels->addWidget(m_scopesLabel);
    header->addLayout(labels, 1);
    header->addWidget(m_refreshButton, 0, Qt::AlignTop);

    // Sizes: the chains above, every table below.
    m_chainView = createTable(QStringLiteral("databaseChainsTable"), m_chainProxy, ChainSizeModel::SortRole, QStringLiteral("database-chains"));
    m_chainProxy->setSourceModel(m_chainSizes);
    m_chainView->sortByColumn(ChainSizeModel::TotalBytesColumn, Qt::DescendingOrder);
    m_tableView = createTable(QStringLiteral("databaseTablesTable"), m_tableProxy, TableSizeModel::SortRole, QStringLiteral("database-tables"));
    m_tableProxy->setSourceModel(m_tables);
    m_tableView->sortByColumn(TableSizeModel::TotalBytesColumn, Qt::DescendingOrder);
    // The names take the spare width: a stretched last column puts its figures far from their peers.
    for (auto [view, nameColumn] : {std::pair{m_chainView, int(ChainSizeModel::NameColumn)}, std::pair{m_tableView, int(TableSizeModel::NameColumn)}}) {
        view->horizontalHeader()->setStretchLastSection(false);
        view->horizontalHeader()->setSectionResizeMode(nameColumn, QHeaderView::Stretch);
        widenColumnsToTitles(view->horizontalHeader());
    }
    auto *sizes = new QSplitter(Qt::Vertical);
    sizes->setObjectName(QStringLiteral("databaseSizesSplitter"));
    sizes->setChildrenCollapsible(false);
    sizes->addWidget(m_chainView);
    sizes->addWidget(m_tableView);
    sizes->setStretchFactor(0, 1);
    sizes->setStretchFactor(1, 2);

    // Growth over a chosen window.
    m_historyWindow = new QComboBox;
    m_historyWindow->setObjectName(QStringLiteral("databaseHistoryWindow"));
    m_historyWindow->addItem(tr("Last 24 hours"), DayMs);
    m_historyWindow->addItem(tr("Last 7 days"), 7 * DayMs);
    m_historyWindow->addItem(tr("Last 30 days"), 30 * DayMs);
    m_historyWindow->addItem(tr("Last year"), 365 * DayMs);
    m_historyWindow->setCurrentIndex(2);
    connect(m_historyWindow, &QComboBox::currentIndexChanged, this, [this] {
        ++m_historyRequest;
        m_historyRefresh->now();
    });
    m_growth = new DatabaseGrowthChart;
    auto *growth = new QWidget;
    auto *growthLayout = new QVBoxLayout(growth);
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_historyWindow);
    windowRow->addStretch();
    growthLayout->addLayout(windowRow);
    growthLayout->addWidget(m_growth, 1);

    // The slowest statements and where their timings come from.
    m_statementSource = new QLabel;
    m_statementSource->setObjectName(QStringLiteral("databaseStatementSource"));
    m_statementSource->setTextFormat(Qt::PlainText);
    m_statementSource->setWordWrap(true);
    m_statementSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statementView = createTable(QStringLiteral("databaseStatementsTable"), m_statementProxy, SlowStatementModel::SortRole,
                                  QStringLiteral("slow-statements"));
    m_statementProxy->setSourceModel(m_statements);
    m_statementView->sortByColumn(SlowStatementModel::MeanColumn, Qt::DescendingOrder);
    widenColumnsToTitles(m_statementView->horizontalHeader());
    auto *statements = new QWidget;
    auto *statementsLayout = new QVBoxLayout(statements);
    statementsLayout->addWidget(m_statementSource);
    statementsLayout->addWidget(m_statementView, 1);

    // Maintenance: the panel that runs and lists it is added to this layout.
    auto *maintenance = new QWidget;
    maintenance->setObjectName(QStringLiteral("databaseMaintenanceArea"));
    m_maintenanceLayout = new QVBoxLayout(maintenance);
    m_maintenanceLayout->addWidget(new MaintenancePanel(database, maintenance));

    // The engines that index the chains, and the verbs that move chains between them.
    auto *engines = new QWidget;
    engines->setObjectName(QStringLiteral("databaseEnginesArea"));
    auto *enginesLayout = new QVBoxLayout(engines);
    m_engines = new EnginesPanel(roster, chains, engines);
    enginesLayout->addWidget(m_engines);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("databaseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(sizes, tr("Sizes"));
    m_tabs->addTab(growth, tr("Growth"));
    m_tabs->addTab(statements, tr("Slowest Statements"));
    m_tabs->addTab(maintenance, tr("Maintenance"));
    m_tabs->addTab(engines, tr("Engines"));

    m_statusLine = new QLabel;
    m_statusLine->setObjectName(QStringLiteral("databaseStatusLine"));
    m_statusLine->setTextFormat(Qt::PlainText);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_statusLine);

    m_statsRefresh = new RefreshThrottle(this, [this] { return readStats(); }, 0, RefreshIntervalMs);
    m_statementsRefresh = new RefreshThrottle(this, [this] { return readStatements(); }, 0, RefreshIntervalMs);
    m_historyRefresh = new RefreshThrottle(this, [this] { return readHistory(); }, 0, RefreshIntervalMs);
    connect(m_database, &EngineService::stateChanged, this, &DatabasePage::applyEngineState);
    // A maintenance run (vacuum, checkpoint, retention) changes what the header says: read it again.
    connect(m_database, &DatabaseService::maintenanceRunsChanged, m_statsRefresh, &RefreshThrottle::changed);
    m_backendLabel->setText(m_database->state().backend);
}

DatabasePage::~DatabasePage() = default;

QTableView *DatabasePage::createTable(const QString &objectName, QSortFilterProxyModel *proxy, int sortRole, const QString &exportName)
{
    proxy->setSortRole(sortRole);
    proxy->setDynamicSortFilter(true);
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    TableActions::install(view, exportName);
    return view;
}

void DatabasePage::applyEngineState(const EngineState &state)
{
    m_backendLabel->setText(state.backend);
    if (state.started) {
        for (RefreshThrottle *throttle : {m_statsRefresh, m_statementsRefresh, m_historyRefresh})
            throttle->changed();
    }
}

void DatabasePage::refresh()
{
    for (RefreshThrottle *throttle : {m_statsRefresh, m_statementsRefresh, m_historyRefresh})
        throttle->now();
    m_engines->refresh();
}

bool DatabasePage::readStats()
{
    if (!m_database->state().started)
        return false;
    then(m_database->databaseStats(), this, [this](Result<DatabaseStats> stats) {
        m_statsRefresh->finished();
        if (!stats) {
            showStatus(tr("Could not read the database's sizes: %1").arg(stats.error().toString()), true);
            return;
        }
        showStats(*stats);
        // On SQLite a read walks every page: a large file is read again less often.
        const int period = int(std::clamp<qint64>(stats->readMs * 30, RefreshIntervalMs, MaxRefreshIntervalMs));
        for (RefreshThrottle *throttle : {m_statsRefresh, m_statementsRefresh, m_historyRefresh})
            throttle->setPeriodMs(period);
    });
    return true;
}

bool DatabasePage::readStatements()
{
    if (!m_database->state().started)
        return false;
    then(m_database->slowStatements(StatementLimit), this, [this](Result<SlowStatements> statements) {
        m_statementsRefresh->finished();
        if (!statements) {
            m_statementSource->setText(tr("Could not read the slowest statements: %1").arg(statements.error().toString()));
            return;
        }
        showStatements(*statements);
    });
    return true;
}

qint64 DatabasePage::historyWindowMs() const
{
    return m_historyWindow->currentData().toLongLong();
}

bool DatabasePage::readHistory()
{
    if (!m_database->state().started)
        return false;
    const quint64 request = m_historyRequest;
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - historyWindowMs();
    then(m_database->sizeHistory(from), this, [this, request, from, to](Result<QList<DatabaseSizeSample>> samples) {
        m_historyRefresh->finished();
        if (request != m_historyRequest)
            return;   // another window was chosen meanwhile: read again for it
        if (!samples) {
            showStatus(tr("Could not read the size history: %1").arg(samples.error().toString()), true);
            return;
        }
        QHash<qint64, QString> names;
        for (const ChainSize &c : std::as_const(m_stats.chains))
            names.insert(c.chainId, c.name);
        for (const ChainRecord &c : m_chains->snapshot())
            names.insert(c.config.chainId, c.config.name);
        m_growth->setSamples(*samples, names, from, to);
    });
    return true;
}

void DatabasePage::showStats(const DatabaseStats &stats)
{
    m_stats = stats;
    const bool postgres = stats.backend == Backend::Postgres;
    const QLocale locale;
    m_backendLabel->setText(postgres ? tr("%1 at %2").arg(stats.serverVersion, stats.location)
                                     : tr("%1, file %2").arg(stats.serverVersion, stats.location));
    if (postgres) {
        m_totalsLabel->setText(tr("Total %1 · %2 dead rows, about %3 that VACUUM makes reusable")
                                   .arg(byteSizeText(stats.totalBytes), locale.toString(stats.deadRows), byteSizeText(stats.reclaimableBytes())));
    } else {
        m_totalsLabel->setText(tr("Total %1 · free %2 (%3 free pages of %4) · WAL %5")
                                   .arg(byteSizeText(stats.totalBytes), byteSizeText(stats.freeBytes.value_or(0)), locale.toString(stats.freePages),
                                        byteSizeText(stats.pageSize), byteSizeText(stats.walBytes)));
    }
    m_scopesLabel->setText(tr("Admin tables %1 (%2 rows) · global tables %3 (%4 rows) · %n chain(s) %5 (%6 rows)", nullptr, int(stats.chains.size()))
                               .arg(byteSizeText(stats.scopeBytes(DatabaseScope::Admin)), locale.toString(stats.scopeRows(DatabaseScope::Admin)),
                                    byteSizeText(stats.scopeBytes(DatabaseScope::Global)), locale.toString(stats.scopeRows(DatabaseScope::Global)),
                                    byteSizeText(stats.scopeBytes(DatabaseScope::Chain)), locale.toString(stats.scopeRows(DatabaseScope::Chain))));
    m_chainSizes->update(stats.chains);
    m_tables->update(stats.tables);
    m_chainView->setColumnHidden(ChainSizeModel::DeadRowsColumn, !postgres);
    for (int column : {TableSizeModel::DeadRowsColumn, TableSizeModel::LastVacuumColumn, TableSizeModel::LastAnalyzeColumn})
        m_tableView->setColumnHidden(column, !postgres);
    showStatus(tr("Read at %1 in %2 ms.").arg(locale.toString(QDateTime::fromMSecsSinceEpoch(stats.readAt).time(), QLocale::ShortFormat))
                   .arg(stats.readMs));
}

void DatabasePage::showStatements(const SlowStatements &statements)
{
    m_statementSource->setText(statements.note);
    m_statements->update(statements);
}

void DatabasePage::showStatus(const QString &text, bool error)
{
    m_statusLine->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_statusLine->setText(text);
}

} // namespace arbor::ui
