// MainWindow's chain table: several chains selected at once, the recorded figures of chains this
// console does not index (paused ones; all of them when read-only), and the status bar with its counts.

#include "mainwindow.h"

#include "engine/chainservice.h"
#include "engine/engine.h"

#include "models/chainlistmodel.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

namespace arbor::ui {

void MainWindow::createStatusBar()
{
    m_readOnlyLabel = new QLabel(tr("Read-only"));
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyNotice"));
    m_readOnlyLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #f0b400; color: #1f1600; font-weight: bold; border-radius: 3px; padding: 1px 8px; }"));
    m_readOnlyLabel->hide();

    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("chainCountLabel"));
    m_indexingLabel = new QLabel;
    m_indexingLabel->setObjectName(QStringLiteral("indexingLabel"));
    m_alertsButton = new QPushButton;
    m_alertsButton->setObjectName(QStringLiteral("alertsButton"));
    m_alertsButton->setFlat(true);
    m_alertsButton->setCursor(Qt::PointingHandCursor);
    m_alertsButton->setToolTip(tr("Show the alerts"));
    connect(m_alertsButton, &QPushButton::clicked, this, &MainWindow::showAlertsPanel);
    m_backendLabel = new QLabel;
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_backendLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_alertsButton);
    statusBar()->addPermanentWidget(m_indexingLabel);
    m_chainHealthLabel = new QLabel;
    m_chainHealthLabel->setObjectName(QStringLiteral("chainHealthLabel"));
    m_chainHealthLabel->hide();
    statusBar()->addPermanentWidget(m_chainHealthLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_backendLabel);
    updateAlertSummary();
}

QList<ChainRecord> MainWindow::selectedChains() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<ChainRecord> chains;
    for (const QModelIndex &row : std::as_const(rows)) {
        if (const ChainRecord *chain = m_model->chainAt(m_proxy->mapToSource(row).row()))
            chains.append(*chain);
    }
    return chains;
}

void MainWindow::selectChainRow(qint64 chainId)
{
    const int row = m_model->rowOf(chainId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;   // filtered out of the table: the verbs stay with what is selected there
    if (selectedChains().size() == 1 && selectedChains().first().config.chainId == chainId)
        return;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
}

QList<ChainStatus> MainWindow::shownStatuses(const QList<ChainStatus> &indexed) const
{
    // The model takes the last status of a chain: this engine's own measurements win.
    QList<ChainStatus> statuses = m_engine->chains()->recordedStatuses();
    statuses += indexed;
    return statuses;
}

void MainWindow::updateSelectionActions()
{
    const QList<ChainRecord> chains = selectedChains();
    if (chains.size() < 2)
        return;   // ConsoleActions::update() decided for the one chain
    const EngineState state = m_engine->state();
    const bool writable = state.started && !state.readOnly;
    bool canPause = false;
    bool canResume = false;
    for (const ChainRecord &chain : chains) {
        if (m_busyChains.contains(chain.config.chainId))
            continue;
        canPause = canPause || chain.state == ChainState::Active;
        canResume = canResume || chain.state == ChainState::Paused;
    }
    m_actions.pause()->setEnabled(writable && canPause);
    m_actions.resume()->setEnabled(writable && canResume);
    for (QAction *oneChain : {m_actions.details(), m_actions.editChain(), m_actions.resync(), m_actions.reindex(), m_actions.deleteChain()})
        oneChain->setEnabled(false);
}

void MainWindow::updateChainCounts()
{
    const ChainListModel::Counts counts = m_model->counts();
    QStringList parts;
    if (counts.down)
        parts.append(tr("%n down", "chains whose endpoints are all down", counts.down));
    if (counts.stalled)
        parts.append(tr("%n stalled", "chains", counts.stalled));
    if (counts.paused)
        parts.append(tr("%n paused", "chains", counts.paused));
    m_chainHealthLabel->setText(parts.join(QLatin1String(", ")));
    m_chainHealthLabel->setToolTip(tr("Chains whose RPC endpoints are all down, that make no progress, or that are paused"));
    m_chainHealthLabel->setVisible(m_engine->state().started && !m_closing && !parts.isEmpty());
}

} // namespace arbor::ui
