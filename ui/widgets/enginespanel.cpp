#include "widgets/enginespanel.h"

#include "engine/chainservice.h"
#include "engine/rosterservice.h"
#include "models/enginelistmodel.h"
#include "util/continuation.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"
#include "widgets/columnwidths.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace arbor::ui {

EnginesPanel::EnginesPanel(RosterService *roster, ChainService *chains, QWidget *parent)
    : QWidget(parent)
    , m_roster(roster), m_chains(chains)
    , m_model(new EngineListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("enginesPanel"));

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("enginesIntro"));
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setWordWrap(true);
    m_intro->setAlignment(Qt::AlignLeft | Qt::AlignTop);   // at the top also when the table is hidden

    m_drainButton = new QPushButton(tr("&Drain"));
    m_drainButton->setObjectName(QStringLiteral("drainEngineButton"));
    m_drainButton->setToolTip(tr("The selected engine gives its chains to the other engines and takes none until it is resumed: "
                                 "before maintaining or stopping its machine"));
    m_resumeButton = new QPushButton(tr("Res&ume"));
    m_resumeButton->setObjectName(QStringLiteral("resumeEngineButton"));
    m_resumeButton->setToolTip(tr("The selected engine takes its share of the chains again"));
    m_moveButton = new QPushButton(tr("&Move a Chain Here…"));
    m_moveButton->setObjectName(QStringLiteral("moveChainHereButton"));
    m_moveButton->setToolTip(tr("Choose a chain for the selected engine to index from its next heartbeat on"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("enginesStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_verbs = new QWidget(this);
    auto *buttons = new QHBoxLayout(m_verbs);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_drainButton);
    buttons->addWidget(m_resumeButton);
    buttons->addWidget(m_moveButton);
    buttons->addWidget(m_status, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EngineListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("enginesTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(EngineListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    QHeaderView *header = m_view->horizontalHeader();
    widenColumnsToTitles(header);
    header->resizeSection(EngineListModel::NameColumn, std::max(header->sectionSize(EngineListModel::NameColumn), 220));
    TableActions::install(m_view, QStringLiteral("engines"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(m_verbs);
    layout->addWidget(m_view, 1);

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, 0, RefreshMs);
    connect(m_drainButton, &QPushButton::clicked, this, &EnginesPanel::confirmDrain);
    connect(m_resumeButton, &QPushButton::clicked, this, &EnginesPanel::resume);
    connect(m_moveButton, &QPushButton::clicked, this, &EnginesPanel::chooseChainToMove);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EnginesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EnginesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EnginesPanel::updateButtons);
    if (m_roster) {
        connect(m_roster, &EngineService::stateChanged, this, &EnginesPanel::applyEngineState);
        connect(m_roster, &RosterService::leaseTaken, m_refresh, &RefreshThrottle::changed);
        connect(m_roster, &RosterService::leaseHandedOver, m_refresh, &RefreshThrottle::changed);
        connect(m_roster, &RosterService::leaseLost, m_refresh, &RefreshThrottle::changed);
        applyEngineState(m_roster->state());
    } else {
        applyEngineState(EngineState());
    }
}

void EnginesPanel::applyEngineState(const EngineState &state)
{
    m_readOnly = !state.started || state.readOnly;
    m_shared = state.started && m_roster && m_roster->shared();
    if (m_shared) {
        m_intro->setText(tr("Engines index this database's chains: this console and each arborctl serve started on it. "
                            "Each chain is indexed by one engine at a time; when an engine stops responding, the others take its chains."));
    } else if (state.started) {
        m_intro->setText(tr("This database serves one engine: this console. Several engines need PostgreSQL."));
    } else {
        m_intro->setText(tr("The database is not open."));
    }
    m_verbs->setVisible(m_shared);
    m_view->setVisible(m_shared);
    if (!m_shared)
        m_model->update({}, 0);
    updateButtons();
    if (m_shared)
        m_refresh->changed();
}

void EnginesPanel::refresh()
{
    m_refresh->now();
}

bool EnginesPanel::read()
{
    if (!m_shared)
        return false;
    then(m_roster->engines(), this, [this](Result<QList<EngineRecord>> engines) {
        m_refresh->finished();
        if (!engines) {
            m_readFailed = true;
            showStatus(tr("Cannot read the engines: %1").arg(engines.error().message), true);
            return;
        }
        if (std::exchange(m_readFailed, false))
            showStatus(QString());
        QHash<qint64, QString> names;
        if (m_chains) {
            for (const ChainRecord &c : m_chains->snapshot())
                names.insert(c.config.chainId, c.config.name);
        }
        m_model->setLocalEngine(m_roster->engineName());
        m_model->setChainNames(names);
        // Ages by the database's clock, as the heartbeats were stamped: this machine's may differ.
        m_model->update(*engines, engines->isEmpty() ? 0 : engines->first().readAt);
        updateButtons();
    });
    return true;
}

const EngineRecord *EnginesPanel::selectedEngine() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->engineAt(m_proxy->mapToSource(rows.first()).row());
}

void EnginesPanel::updateButtons()
{
    const EngineRecord *engine = selectedEngine();
    const bool canCommand = m_shared && !m_readOnly && !m_busy && engine;
    m_drainButton->setEnabled(canCommand && engine->alive && !engine->draining);
    m_resumeButton->setEnabled(canCommand && engine->draining);
    m_moveButton->setEnabled(canCommand && engine->alive && !engine->draining);
}

void EnginesPanel::confirmDrain()
{
    const EngineRecord *engine = selectedEngine();
    if (!engine || !m_drainButton->isEnabled())
        return;
    const QString name = engine->name;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Drain Engine"), tr("Drain the engine “%1”?").arg(name), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("drainEngineBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("It gives its chains to the other engines at its next heartbeat and takes none until it is resumed."));
    QPushButton *drain = box->addButton(tr("&Drain"), QMessageBox::AcceptRole);
    drain->setObjectName(QStringLiteral("confirmDrainEngineButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, drain, name](QAbstractButton *clicked) {
        if (clicked != drain)
            return;
        runVerb(m_roster->setDraining(name, true), tr("“%1” is draining: its chains go to the other engines.").arg(name),
                [name](const QString &why) { return tr("Could not drain “%1”: %2").arg(name, why); });
    });
    box->open();
}

void EnginesPanel::resume()
{
    const EngineRecord *engine = selectedEngine();
    if (!engine || !m_resumeButton->isEnabled())
        return;
    const QString name = engine->name;
    runVerb(m_roster->setDraining(name, false), tr("“%1” is resumed: it takes its share of the chains again.").arg(name),
            [name](const QString &why) { return tr("Could not resume “%1”: %2").arg(name, why); });
}

void EnginesPanel::chooseChainToMove()
{
    const EngineRecord *engine = selectedEngine();
    if (!engine || !m_moveButton->isEnabled())
        return;
    QList<ChainRecord> candidates;
    if (m_chains) {
        for (const ChainRecord &c : m_chains->snapshot()) {
            if (c.state == ChainState::Active && !engine->chains.contains(c.config.chainId))
                candidates.append(c);
        }
    }
    const QString name = engine->name;
    if (candidates.isEmpty()) {
        showStatus(tr("No other active chain to move to “%1”.").arg(name));
        return;
    }
    std::sort(candidates.begin(), candidates.end(), [](const ChainRecord &a, const ChainRecord &b) {
        return QString::localeAwareCompare(a.config.name, b.config.name) < 0;
    });
    QStringList items;
    for (const ChainRecord &c : std::as_const(candidates))
        items.append(tr("%1 (%2)", "chain name (chain id)").arg(c.config.name).arg(c.config.chainId));

    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("moveChainDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Move a Chain Here"));
    dialog->setLabelText(tr("Which chain should “%1” index from now on? The engine indexing it now gives it up at its next heartbeat, and the chain stays with “%1”.").arg(name));
    dialog->setComboBoxItems(items);
    dialog->setComboBoxEditable(false);
    dialog->setOkButtonText(tr("&Move"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, candidates, items, name](const QString &text) {
        const qsizetype index = items.indexOf(text);
        if (index < 0)
            return;
        ChainRef chain;
        chain.id = candidates[index].config.chainId;
        chain.name = candidates[index].config.name;
        runVerb(m_roster->moveChain(chain, name), tr("“%1” moves to “%2” at the engines' next heartbeats.").arg(chain.name, name),
                [chain, name](const QString &why) { return tr("Could not move “%1” to “%2”: %3").arg(chain.name, name, why); });
    });
    dialog->open();
}

void EnginesPanel::runVerb(const QFuture<Status> &verb, const QString &done, const std::function<QString(const QString &)> &failed)
{
    m_busy = true;
    updateButtons();
    then(verb, this, [this, done, failed](Status status) {
        m_busy = false;
        m_readFailed = false;
        if (status)
            showStatus(done);
        else
            showStatus(failed(status.error().message), true);
        updateButtons();
        m_refresh->now();
    });
}

void EnginesPanel::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_status->setText(text);
}

} // namespace arbor::ui
