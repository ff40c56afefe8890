#include "widgets/maintenancepanel.h"

#include "engine/databaseservice.h"
#include "models/maintenancerunmodel.h"
#include "util/continuation.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/columnwidths.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <climits>

namespace arbor::ui {

MaintenancePanel::MaintenancePanel(DatabaseService *database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("maintenancePanel"));
    m_model = new MaintenanceRunModel(this);

    m_maintainButton = new QPushButton(tr("Run &maintenance now"), this);
    m_maintainButton->setObjectName(QStringLiteral("maintenanceRunButton"));
    m_maintainButton->setToolTip(tr("PostgreSQL: VACUUM and ANALYZE of the busy tables, index bloat check and rebuilds where they pay.\n"
                                    "SQLite: incremental vacuum, PRAGMA optimize and a WAL checkpoint."));
    m_retentionButton = new QPushButton(tr("Apply &retention now"), this);
    m_retentionButton->setObjectName(QStringLiteral("retentionApplyButton"));
    m_retentionButton->setToolTip(tr("Delete what the retention policies (Settings › Retention) say is past its age, in small batches."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("maintenanceStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    m_runsView = new QTableView(this);
    m_runsView->setObjectName(QStringLiteral("maintenanceRunsView"));
    m_runsView->setModel(m_model);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runsView->verticalHeader()->hide();
    m_runsView->horizontalHeader()->setStretchLastSection(true);
    m_runsView->setAlternatingRowColors(true);
    widenColumnsToTitles(m_runsView->horizontalHeader());
    TableActions::install(m_runsView, QStringLiteral("maintenance-runs"));

    m_stepsView = new QTreeWidget(this);
    m_stepsView->setObjectName(QStringLiteral("maintenanceStepsView"));
    m_stepsView->setRootIsDecorated(false);
    m_stepsView->setColumnCount(5);
    m_stepsView->setHeaderLabels({tr("Step"), tr("Table or index"), tr("Duration"), tr("Result"), tr("Detail")});
    m_stepsView->setAlternatingRowColors(true);
    widenColumnsToTitles(m_stepsView->header());

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_maintainButton);
    buttons->addWidget(m_retentionButton);
    buttons->addWidget(m_status, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_runsView);
    splitter->addWidget(m_stepsView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    // A run here is read at once: the operator waits for it.
    m_refresh = new RefreshThrottle(this, [this] { return read(); }, 0, RefreshMs);
    connect(m_maintainButton, &QPushButton::clicked, this, &MaintenancePanel::runMaintenance);
    connect(m_retentionButton, &QPushButton::clicked, this, &MaintenancePanel::applyRetention);
    connect(m_runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MaintenancePanel::showSelectedSteps);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MaintenancePanel::showSelectedSteps);
    if (m_database) {
        connect(m_database, &EngineService::stateChanged, this, &MaintenancePanel::applyEngineState);
        connect(m_database, &DatabaseService::maintenanceRunsChanged, m_refresh, &RefreshThrottle::changed);
        applyEngineState(m_database->state());
    } else {
        applyEngineState(EngineState());
    }
}

void MaintenancePanel::applyEngineState(const EngineState &state)
{
    m_readOnly = !state.started || state.readOnly;
    const QString why = !state.started ? tr("The database is not open.") : tr("Read-only: %1").arg(state.readOnlyReason);
    for (QPushButton *button : {m_maintainButton, m_retentionButton}) {
        const bool busy = (button == m_maintainButton && m_maintaining) || (button == m_retentionButton && m_applying);
        button->setEnabled(!m_readOnly && !busy);
    }
    if (m_readOnly) {
        m_status->setText(why);
    } else if (!m_maintaining && !m_applying) {
        m_status->clear();
    }
    if (state.started)
        m_refresh->changed();
}

void MaintenancePanel::refresh()
{
    m_refresh->now();
}

bool MaintenancePanel::read()
{
    if (!m_database || !m_database->state().started)
        return false;
    then(m_database->maintenanceRuns(200), this, [this](Result<QList<MaintenanceRun>> runs) {
        m_refresh->finished();
        if (!runs) {
            m_status->setText(tr("Cannot read the maintenance log: %1").arg(runs.error().message));
            return;
        }
        m_model->setRuns(*runs);
        if (m_runsView->selectionModel()->selectedRows().isEmpty() && m_model->rowCount() > 0)
            m_runsView->selectRow(0);
    });
    return true;
}

void MaintenancePanel::setRunning(QPushButton *button, const QString &status)
{
    button->setEnabled(false);
    m_status->setText(status);
}

void MaintenancePanel::finished(QPushButton *button, const QString &status)
{
    button->setEnabled(!m_readOnly);
    m_status->setText(status);
    refresh();
}

void MaintenancePanel::runMaintenance()
{
    if (!m_database || m_readOnly || m_maintaining)
        return;
    m_maintaining = true;
    setRunning(m_maintainButton, tr("Running maintenance…"));
    then(m_database->runMaintenance(false), this, [this](Result<MaintenanceRun> run) {
        m_maintaining = false;
        if (!run)
            finished(m_maintainButton, tr("Maintenance did not run: %1").arg(run.error().message));
        else if (!run->ok.value_or(false))
            finished(m_maintainButton, tr("Maintenance finished with errors: %1").arg(run->error));
        else
            finished(m_maintainButton, tr("Maintenance finished in %1.").arg(MaintenanceRunModel::durationText(run->durationMs())));
    });
}

void MaintenancePanel::applyRetention()
{
    if (!m_database || m_readOnly || m_applying)
        return;
    m_applying = true;
    setRunning(m_retentionButton, tr("Applying the retention policies…"));
    then(m_database->applyRetention(), this, [this](Result<MaintenanceRun> run) {
        m_applying = false;
        if (!run) {
            finished(m_retentionButton, tr("Retention did not run: %1").arg(run.error().message));
            return;
        }
        qint64 rows = 0;
        for (qint64 n : run->deletedByPolicy())
            rows += n;
        if (!run->ok.value_or(false))
            finished(m_retentionButton, tr("Retention stopped: %1").arg(run->error));
        else
            finished(m_retentionButton, tr("Retention deleted %n row(s) in %1.", nullptr, int(std::min<qint64>(rows, INT_MAX)))
                                            .arg(MaintenanceRunModel::durationText(run->durationMs())));
    });
}

void MaintenancePanel::showSelectedSteps()
{
    const QModelIndexList rows = m_runsView->selectionModel()->selectedRows();
    const MaintenanceRun *run = rows.isEmpty() ? nullptr : m_model->runAt(rows.first().row());
    m_stepsView->clear();
    if (!run)
        return;
    QList<QTreeWidgetItem *> items;
    for (const MaintenanceStep &s : run->steps) {
        QString target = s.target;
        if (!s.policy.isEmpty())
            target = target.isEmpty() ? s.policy : tr("%1 (%2)").arg(target, s.policy);
        QString detail = s.detail;
        if (s.rows >= 0)
            detail = detail.isEmpty() ? tr("%n row(s) deleted", nullptr, int(std::min<qint64>(s.rows, INT_MAX)))
                                      : tr("%n row(s) deleted, %1", nullptr, int(std::min<qint64>(s.rows, INT_MAX))).arg(detail);
        auto *item = new QTreeWidgetItem({s.step, target, MaintenanceRunModel::durationText(s.ms), s.ok ? tr("OK") : tr("Failed"), detail});
        item->setToolTip(4, detail);
        items.append(item);
    }
    m_stepsView->addTopLevelItems(items);
}

} // namespace arbor::ui
