#include "pages/agentspage.h"
#include "timetext.h"

#include "dialogs/mcptokendialog.h"
#include "engine/agentservice.h"
#include "engine/chainservice.h"
#include "models/agentlistmodel.h"
#include "util/continuation.h"
#include "widgets/agentdetailpane.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"
#include "widgets/screenfit.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

const int RefreshDelayMs = 500;
// Feedback arrives by indexing, which announces no agent change; another engine may be fetching.
const int PeriodMs = 15000;

bool hasIdentityRegistry(const ChainRecord &chain)
{
    return std::any_of(chain.config.registries.cbegin(), chain.config.registries.cend(),
                       [](const RegistryRef &r) { return r.kind == RegistryKind::Identity; });
}

} // namespace

AgentsPage::AgentsPage(AgentService *agents, ChainService *chains, QWidget *parent)
    : QWidget(parent)
    , m_agents(agents), m_chains(chains)
    , m_model(new AgentListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    Q_ASSERT(agents && chains);
    setObjectName(QStringLiteral("agentsPage"));

    m_setToken = createAction(QStringLiteral("dialog-password"), tr("Set MCP &Token…"), "setAgentTokenAction");
    m_fetchAgain = createAction(QStringLiteral("view-refresh"), tr("Fetch A&gain"), "fetchAgentAgainAction");
    m_fetchAll = createAction(QStringLiteral("view-refresh"), tr("Fetch A&ll Again"), "fetchAllAgentsAgainAction");
    m_showRaw = createAction(QStringLiteral("text-x-generic"), tr("Show &Raw Registration…"), "showRawRegistrationAction");
    connect(m_setToken, &QAction::triggered, this, &AgentsPage::openTokenDialog);
    connect(m_fetchAgain, &QAction::triggered, this, [this] { fetchAgain(false); });
    connect(m_fetchAll, &QAction::triggered, this, [this] { fetchAgain(true); });
    connect(m_showRaw, &QAction::triggered, this, &AgentsPage::showRawRegistration);

    m_chooser = new QComboBox;
    m_chooser->setObjectName(QStringLiteral("agentsChainChooser"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chooser->setPlaceholderText(tr("No chains"));
    connect(m_chooser, &QComboBox::activated, this, [this](int index) { showChain(m_chooser->itemData(index).toLongLong()); });
    auto *chooserLabel = new QLabel(tr("C&hain:"));
    chooserLabel->setBuddy(m_chooser);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("agentsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_fetchAllButton = new QToolButton;
    m_fetchAllButton->setObjectName(QStringLiteral("fetchAllAgentsAgainButton"));
    m_fetchAllButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fetchAllButton->setDefaultAction(m_fetchAll);
    auto *top = new QHBoxLayout;
    top->addWidget(chooserLabel);
    top->addWidget(m_chooser);
    top->addSpacing(12);
    top->addWidget(m_summary, 1);
    top->addWidget(m_fetchAllButton);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AgentListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("agentTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AgentListModel::IdColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->horizontalHeader();
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(AgentListModel::IdColumn, std::max(digit * 7, header->sectionSizeHint(AgentListModel::IdColumn)));
    header->resizeSection(AgentListModel::NameColumn, digit * 20);
    header->resizeSection(AgentListModel::OwnerColumn, digit * 16);
    header->resizeSection(AgentListModel::ServicesColumn, digit * 14);
    header->resizeSection(AgentListModel::ActiveColumn, std::max(digit * 7, header->sectionSizeHint(AgentListModel::ActiveColumn)));
    header->resizeSection(AgentListModel::FeedbackColumn, std::max(digit * 13, header->sectionSizeHint(AgentListModel::FeedbackColumn)));
    header->resizeSection(AgentListModel::RegistrationColumn, digit * 28);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_setToken, m_fetchAgain, m_showRaw});
    TableActions::install(m_view, QStringLiteral("agents"));

    m_pane = new AgentDetailPane;
    m_pane->setActions({m_setToken, m_fetchAgain, m_showRaw});

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("agentsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_pane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({270, 230});   // scaled to the page when shown: room for the detail pane too

    m_statusLine = new QLabel;
    m_statusLine->setObjectName(QStringLiteral("agentsStatusLine"));
    m_statusLine->setTextFormat(Qt::PlainText);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLine);

    m_refresh = new RefreshThrottle(this, [this] { return readAgents(); }, RefreshDelayMs, PeriodMs);
    connect(m_agents, &AgentService::agentsChanged, this, [this](qint64 chainId) {
        if (chainId == m_chainId)
            m_refresh->changed();
    });
    connect(m_agents, &EngineService::stateChanged, this, [this](const EngineState &state) {
        updateActions();
        if (state.started)
            m_refresh->changed();
    });
    connect(m_chains, &ChainService::chainsChanged, this, &AgentsPage::onChainsChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AgentsPage::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AgentsPage::updateActions);
    onChainsChanged(m_chains->snapshot());
    onSelectionChanged();
}

AgentsPage::~AgentsPage() = default;

QAction *AgentsPage::createAction(const QString &icon, const QString &text, const char *objectName)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, this);
    action->setObjectName(QLatin1String(objectName));
    return action;
}

void AgentsPage::refresh()
{
    m_refresh->now();
}

const ChainRecord *AgentsPage::shownChain() const
{
    for (const ChainRecord &chain : m_shownChains) {
        if (chain.config.chainId == m_chainId)
            return &chain;
    }
    return nullptr;
}

void AgentsPage::onChainsChanged(const QList<ChainRecord> &chains)
{
    m_shownChains.clear();
    for (const ChainRecord &chain : chains) {
        if (chain.state != ChainState::Deleting)
            m_shownChains.append(chain);
    }
    bool same = m_shownChains.size() == m_chooser->count();
    for (qsizetype i = 0; same && i < m_shownChains.size(); ++i) {
        same = m_chooser->itemData(int(i)).toLongLong() == m_shownChains[i].config.chainId
            && m_chooser->itemText(int(i)) == tr("%1 (%2)").arg(m_shownChains[i].config.name).arg(m_shownChains[i].config.chainId);
    }
    if (!same) {
        const QSignalBlocker blocker(m_chooser);
        m_chooser->clear();
        for (const ChainRecord &chain : std::as_const(m_shownChains))
            m_chooser->addItem(tr("%1 (%2)").arg(chain.config.name).arg(chain.config.chainId), chain.config.chainId);
    }
    m_chooser->setEnabled(!m_shownChains.isEmpty());
    if (!shownChain()) {
        // The first chain that has agents to show, else the first one.
        qint64 first = m_shownChains.isEmpty() ? 0 : m_shownChains.first().config.chainId;
        for (const ChainRecord &chain : std::as_const(m_shownChains)) {
            if (hasIdentityRegistry(chain)) {
                first = chain.config.chainId;
                break;
            }
        }
        showChain(first);
        return;
    }
    const QSignalBlocker blocker(m_chooser);
    m_chooser->setCurrentIndex(m_chooser->findData(m_chainId));
    updateSummary();
    updateActions();
}

void AgentsPage::preferChain(qint64 chainId)
{
    for (const ChainRecord &chain : std::as_const(m_shownChains)) {
        if (chain.config.chainId == chainId && hasIdentityRegistry(chain))
            showChain(chainId);
    }
}

void AgentsPage::showChain(qint64 chainId)
{
    {
        const QSignalBlocker blocker(m_chooser);
        m_chooser->setCurrentIndex(m_chooser->findData(chainId));
    }
    if (chainId == m_chainId && (m_loaded || m_refresh->isReading()))
        return;
    m_chainId = chainId;
    m_loaded = false;
    m_detail.reset();
    ++m_detailRequest;
    m_model->update({});
    m_statusLine->clear();
    updateSummary();
    onSelectionChanged();
    if (m_chainId != 0)
        m_refresh->now();
}

bool AgentsPage::readAgents()
{
    if (!m_agents->state().started || m_chainId == 0)
        return false;
    const qint64 chainId = m_chainId;
    then(m_agents->agents(ChainRef{chainId, {}}), this, [this, chainId](Result<QList<AgentRecord>> agents) {
        m_refresh->finished();
        if (chainId != m_chainId)
            return;   // another chain is shown now
        if (!agents) {
            showStatus(tr("Could not read the agents: %1").arg(agents.error().toString()), true);
            return;
        }
        m_loaded = true;
        m_model->update(*agents);
        if (!m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_view->selectRow(0);
        else
            readDetail();   // its file, reputation or validations may have changed too
        updateSummary();
        updateActions();
    });
    return true;
}

void AgentsPage::readDetail()
{
    const std::optional<AgentRecord> agent = selectedAgent();
    if (!agent)
        return;
    const quint64 request = ++m_detailRequest;
    then(m_agents->agent(ChainRef{agent->chainId, {}}, agent->agentId), this, [this, request](Result<AgentDetail> detail) {
        if (request != m_detailRequest)
            return;   // another agent is selected now
        if (!detail) {
            showStatus(tr("Could not read the agent: %1").arg(detail.error().toString()), true);
            return;
        }
        m_detail = *detail;
        m_pane->showDetail(*detail);
        updateActions();
    });
}

void AgentsPage::onSelectionChanged()
{
    const std::optional<AgentRecord> agent = selectedAgent();
    if (!m_detail || !agent || m_detail->agent.agentId != agent->agentId) {
        m_detail.reset();
        ++m_detailRequest;
    }
    if (!agent) {
        m_pane->showMessage(m_model->rowCount() > 0 ? tr("Select an agent to see its registration file, reputation and validations.")
                                                    : QString());
    } else {
        m_pane->showAgent(*agent);
        readDetail();
    }
    updateActions();
}

void AgentsPage::updateSummary()
{
    const ChainRecord *chain = shownChain();
    QString text;
    if (!chain) {
        text = m_shownChains.isEmpty() ? tr("No chains yet: add one with an ERC-8004 identity registry to see its agents.") : QString();
    } else if (!hasIdentityRegistry(*chain)) {
        text = tr("“%1” indexes no ERC-8004 identity registry: add one with Edit Chain… to see its agents.").arg(chain->config.name);
    } else if (!m_loaded) {
        text = m_agents->state().started ? tr("Reading the agents…") : QString();
    } else if (m_model->rowCount() == 0) {
        text = tr("No agent is registered in the identity registry of “%1” yet.").arg(chain->config.name);
    } else {
        int ok = 0, failed = 0, waiting = 0;
        for (const AgentRecord &a : m_model->agents()) {
            switch (AgentListModel::registrationState(a)) {
            case AgentListModel::RegistrationState::Ok: ++ok; break;
            case AgentListModel::RegistrationState::Failed: ++failed; break;
            case AgentListModel::RegistrationState::NotFetched: ++waiting; break;
            case AgentListModel::RegistrationState::NoUri: break;
            }
        }
        text = tr("%n agent(s).", nullptr, m_model->rowCount()) + u' '
            + tr("Registration files: %1 read, %2 failed, %3 not fetched yet.").arg(ok).arg(failed).arg(waiting);
    }
    m_summary->setText(text);
}

std::optional<AgentRecord> AgentsPage::selectedAgent() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const AgentRecord *agent = m_model->agentAt(m_proxy->mapToSource(rows.first()).row());
    return agent ? std::optional<AgentRecord>(*agent) : std::nullopt;
}

void AgentsPage::updateActions()
{
    const EngineState state = m_agents->state();
    const bool writable = state.started && !state.readOnly;
    const std::optional<AgentRecord> agent = selectedAgent();
    const QString readOnly = state.readOnly ? tr("Read-only: %1").arg(state.readOnlyReason) : QString();

    m_setToken->setEnabled(writable && agent.has_value());
    m_setToken->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Choose the token MCP actions send when they call this agent's own endpoint"));
    m_fetchAgain->setEnabled(writable && agent && !agent->uri.isEmpty());
    m_fetchAgain->setToolTip(!readOnly.isEmpty()                     ? readOnly
                             : agent && agent->uri.isEmpty()          ? tr("The agent has no agentURI: there is no registration file to fetch")
                                                                      : tr("Fetch this agent's registration file again now"));
    m_fetchAll->setEnabled(writable && m_model->rowCount() > 0);
    m_fetchAll->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Fetch the registration file of every agent of this chain again now"));
    const bool haveRaw = m_detail && !m_detail->rawRegistration.isEmpty();
    m_showRaw->setEnabled(haveRaw);
    m_showRaw->setToolTip(haveRaw ? tr("The registration file exactly as it was fetched")
                                  : tr("No registration file of this agent has been fetched yet"));
}

void AgentsPage::openTokenDialog()
{
    const std::optional<AgentRecord> agent = selectedAgent();
    if (!agent || !m_setToken->isEnabled())
        return;
    auto *dialog = new McpTokenDialog(m_agents, *agent, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &McpTokenDialog::tokenSet, this, [this](const AgentRecord &set) {
        showStatus(set.mcpToken ? tr("MCP calls to agent %1 now send %2.").arg(u256::toDecimal(set.agentId), set.mcpToken->toString())
                                : tr("MCP calls to agent %1 now send no token.").arg(u256::toDecimal(set.agentId)));
    });
    dialog->open();
}

void AgentsPage::fetchAgain(bool everyAgent)
{
    std::optional<U256> id;
    if (!everyAgent) {
        const std::optional<AgentRecord> agent = selectedAgent();
        if (!agent)
            return;
        id = agent->agentId;
    }
    QAction *action = everyAgent ? m_fetchAll : m_fetchAgain;
    if (!action->isEnabled())
        return;
    action->setEnabled(false);
    then(m_agents->refreshRegistrations(ChainRef{m_chainId, {}}, id), this, [this, id](Result<qint64> due) {
        updateActions();
        if (!due) {
            showStatus(tr("Could not ask for the registration files again: %1").arg(due.error().toString()), true);
            return;
        }
        if (!id)
            showStatus(tr("%n registration file(s) will be fetched again by the engine that indexes the chain, within seconds; "
                          "files not fetched yet are fetched as soon as it gets to them.", nullptr, int(*due)));
        else if (*due > 0)
            showStatus(tr("Agent %1's registration file will be fetched again by the engine that indexes the chain, within seconds.")
                           .arg(u256::toDecimal(*id)));
        else
            showStatus(tr("Agent %1's registration file has not been fetched yet; the engine that indexes the chain fetches it as soon "
                          "as it gets to it.")
                           .arg(u256::toDecimal(*id)));
    });
}

void AgentsPage::showRawRegistration()
{
    if (!m_detail || m_detail->rawRegistration.isEmpty())
        return;
    const AgentRecord &agent = m_detail->agent;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rawRegistrationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Registration File of Agent %1").arg(u256::toDecimal(agent.agentId)));
    const QString uri = AgentListModel::uriText(agent.resolved ? agent.resolved->uri : agent.uri);
    auto *source = new QLabel(agent.resolved ? tr("Fetched from %1 at %2.")
                                                   .arg(uri, timestampText(agent.resolved->fetchedAt))
                                             : tr("Fetched from %1.").arg(uri));
    source->setTextFormat(Qt::PlainText);
    source->setWordWrap(true);
    source->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);   // a long URI must not widen the dialog
    source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *text = new QPlainTextEdit;
    text->setObjectName(QStringLiteral("rawRegistrationText"));
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(QString::fromUtf8(m_detail->rawRegistration));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(source);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    resizeOnScreen(dialog, QSize(720, 520));
    dialog->open();
}

void AgentsPage::showStatus(const QString &text, bool error)
{
    m_statusLine->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_statusLine->setText(text);
}

} // namespace arbor::ui
