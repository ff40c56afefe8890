#include "dialogs/alertrulesdialog.h"
#include "timetext.h"

#include "dialogs/alertruleeditordialog.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "models/alertrulemodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/screenfit.h"

#include <QAction>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {

AlertRulesDialog::AlertRulesDialog(AlertService *alerts, ChainService *chains, QWidget *parent)
    : QDialog(parent)
    , m_alerts(alerts), m_chains(chains)
    , m_model(new AlertRuleModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    Q_ASSERT(alerts);
    setObjectName(QStringLiteral("alertRulesDialog"));
    setWindowTitle(tr("Alert Rules"));

    m_add = createAction(QStringLiteral("list-add"), tr("&Add…"), "newAlertRuleAction");
    m_edit = createAction(QStringLiteral("document-edit"), tr("&Edit…"), "editAlertRuleAction");
    m_toggle = createAction(QStringLiteral("media-playback-pause"), tr("Disa&ble"), "toggleAlertRuleAction");
    m_lift = createAction(QStringLiteral("audio-volume-high"), tr("&Lift Silence"), "liftSilenceAction");
    m_delete = createAction(QStringLiteral("edit-delete"), tr("&Delete…"), "deleteAlertRuleAction");
    m_test = createAction(QStringLiteral("mail-send"), tr("Send &Test"), "testAlertRuleAction");
    const QList<std::pair<int, QString>> silences{{1, tr("Silence for 1 hour")}, {8, tr("Silence for 8 hours")}, {24, tr("Silence for 24 hours")}};
    auto *silenceMenu = new QMenu(this);
    for (const auto &choice : silences) {
        const int hours = choice.first;
        QAction *silence = silenceMenu->addAction(choice.second);
        silence->setObjectName(QStringLiteral("silence%1hAction").arg(hours));
        connect(silence, &QAction::triggered, this, [this, hours] { silenceSelected(hours); });
        m_silence.append(silence);
    }
    connect(m_add, &QAction::triggered, this, [this] { openEditor(std::nullopt); });
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const std::optional<AlertRule> rule = selectedRule(); rule && m_edit->isEnabled())
            openEditor(rule);
    });
    connect(m_toggle, &QAction::triggered, this, &AlertRulesDialog::toggleSelected);
    connect(m_lift, &QAction::triggered, this, &AlertRulesDialog::liftSilence);
    connect(m_delete, &QAction::triggered, this, &AlertRulesDialog::confirmDeleteSelected);
    connect(m_test, &QAction::triggered, this, &AlertRulesDialog::sendTestOfSelected);

    m_silenceButton = new QToolButton;
    m_silenceButton->setObjectName(QStringLiteral("silenceAlertRuleButton"));
    m_silenceButton->setIcon(QIcon::fromTheme(QStringLiteral("audio-volume-muted")));
    m_silenceButton->setText(tr("&Silence"));
    m_silenceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_silenceButton->setPopupMode(QToolButton::InstantPopup);
    m_silenceButton->setMenu(silenceMenu);

    auto *toolBar = new QToolBar;
    toolBar->setObjectName(QStringLiteral("alertRulesToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_add);
    toolBar->addAction(m_edit);
    toolBar->addAction(m_toggle);
    toolBar->addAction(m_test);
    toolBar->addSeparator();
    toolBar->addWidget(m_silenceButton);
    toolBar->addAction(m_lift);
    toolBar->addSeparator();
    toolBar->addAction(m_delete);

    auto *intro = new QLabel(tr("A rule raises an alert in the console when its condition holds for a chain, and delivers it "
                                "through its actions (webhook, Telegram, MCP) like a trigger. The built-in alerts are set "
                                "in Settings."));
    intro->setWordWrap(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertRuleModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("alertRuleTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertRuleModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(AlertRuleModel::NameColumn, 160);
    header->resizeSection(AlertRuleModel::ChainColumn, 100);
    header->resizeSection(AlertRuleModel::ConditionColumn, 230);
    header->resizeSection(AlertRuleModel::HoldColumn, 60);
    header->resizeSection(AlertRuleModel::EnabledColumn, 60);
    header->resizeSection(AlertRuleModel::SilencedColumn, 280);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_edit, m_toggle, m_test});
    m_view->addActions(m_silence);
    m_view->addActions({m_lift, m_delete});
    TableActions::install(m_view, QStringLiteral("alert-rules"));
    connect(m_view, &QAbstractItemView::activated, m_edit, &QAction::trigger);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertRulesDialog::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertRulesDialog::updateActions);

    m_status = new MessageLabel(QStringLiteral("alertRulesStatus"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(toolBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(1060, 420));

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, 0, RefreshMs);
    connect(m_alerts, &AlertService::alertRulesChanged, m_refresh, &RefreshThrottle::changed);
    connect(m_alerts, &EngineService::stateChanged, this, &AlertRulesDialog::applyEngineState);
    connect(m_chains, &ChainService::chainsChanged, this, &AlertRulesDialog::onChainsChanged);
    onChainsChanged(m_chains->snapshot());
    applyEngineState();
}

AlertRulesDialog::~AlertRulesDialog() = default;

QAction *AlertRulesDialog::createAction(const QString &icon, const QString &text, const char *objectName)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, this);
    action->setObjectName(QLatin1String(objectName));
    return action;
}

void AlertRulesDialog::applyEngineState()
{
    updateActions();
    m_refresh->changed();
}

void AlertRulesDialog::onChainsChanged(const QList<ChainRecord> &chains)
{
    QHash<qint64, QString> names;
    for (const ChainRecord &chain : chains)
        names.insert(chain.config.chainId, chain.config.name);
    m_model->setChainNames(names);
}

void AlertRulesDialog::refresh()
{
    m_refresh->now();
}

bool AlertRulesDialog::read()
{
    if (!m_alerts->state().started)
        return false;
    then(m_alerts->alertRules(), this, [this](Result<QList<AlertRule>> rules) {
        m_refresh->finished();
        if (!rules) {
            showStatus(tr("Could not read the alert rules: %1").arg(rules.error().toString()), true);
            return;
        }
        m_model->setNow(QDateTime::currentMSecsSinceEpoch());
        m_model->update(*rules);
        if (m_selectAfterRead && m_model->rowOf(m_selectAfterRead) >= 0) {
            selectRule(m_selectAfterRead);
            m_selectAfterRead = 0;
        }
        if (!m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_view->selectRow(0);
        updateActions();
    });
    return true;
}

std::optional<AlertRule> AlertRulesDialog::selectedRule() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const AlertRule *rule = m_model->ruleAt(m_proxy->mapToSource(rows.first()).row());
    return rule ? std::optional<AlertRule>(*rule) : std::nullopt;
}

void AlertRulesDialog::selectRule(qint64 ruleId)
{
    const int row = m_model->rowOf(ruleId);
    if (row >= 0)
        m_view->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
}

void AlertRulesDialog::updateActions()
{
    const EngineState state = m_alerts->state();
    const bool writable = state.started && !state.readOnly;
    const std::optional<AlertRule> rule = selectedRule();
    const bool idle = rule && !m_busy.contains(rule->id);
    const bool silenced = rule && rule->silencedAt(QDateTime::currentMSecsSinceEpoch());

    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && idle);
    m_toggle->setEnabled(writable && idle);
    m_delete->setEnabled(writable && idle);
    m_test->setEnabled(writable && idle && !rule->actions.isEmpty());
    m_lift->setEnabled(writable && idle && silenced);
    m_silenceButton->setEnabled(writable && idle);
    for (QAction *silence : std::as_const(m_silence))
        silence->setEnabled(writable && idle);

    const bool enabled = rule && rule->enabled;
    m_toggle->setText(enabled ? tr("Disa&ble") : tr("Ena&ble"));
    m_toggle->setIcon(QIcon::fromTheme(enabled ? QStringLiteral("media-playback-pause") : QStringLiteral("media-playback-start")));

    const QString readOnly = state.readOnly ? tr("Read-only: %1").arg(state.readOnlyReason) : QString();
    m_add->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Write a rule: a condition on one chain or all, and what delivers it"));
    m_edit->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Edit the selected rule"));
    m_toggle->setToolTip(!readOnly.isEmpty() ? readOnly
                         : enabled           ? tr("Stop evaluating the rule; its alerts clear")
                                             : tr("Evaluate the rule again"));
    m_silenceButton->setToolTip(!readOnly.isEmpty() ? readOnly
                                                    : tr("Deliver and notify nothing for a while; its alerts are still shown here"));
    m_lift->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Deliver the rule's alerts again from now on"));
    m_delete->setToolTip(!readOnly.isEmpty() ? readOnly : tr("Delete the selected rule; its delivery log and alert history stay"));
    m_test->setToolTip(!readOnly.isEmpty()                 ? readOnly
                       : rule && rule->actions.isEmpty() ? tr("The rule has no action to test; add one in its editor")
                                                         : tr("Send each action of the selected rule what it would send when the rule is raised, "
                                                              "marked as a test; the results show in Triggers › Delivery Log"));
}

void AlertRulesDialog::sendTestOfSelected()
{
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule || !m_test->isEnabled())
        return;
    const qint64 id = rule->id;
    const QString name = rule->name;
    m_busy.insert(id);
    updateActions();
    showStatus(tr("Sending a test of “%1”…").arg(name));
    then(m_alerts->sendTestDeliveries(id), this, [this, id, name](Result<QList<AlertTestDelivery>> sent) {
        m_busy.remove(id);
        updateActions();
        if (!sent) {
            showStatus(tr("No test sent for “%1”: %2").arg(name, sent.error().message), true);
            return;
        }
        showStatus(tr("Sent a test of “%1” to its %n action(s) (“%2”); the results show in Triggers › Delivery Log.", nullptr, int(sent->size()))
                       .arg(name, sent->isEmpty() ? QString() : sent->first().title));
    });
}

void AlertRulesDialog::openEditor(const std::optional<AlertRule> &rule)
{
    if (!rule && !m_add->isEnabled())
        return;
    auto *editor = new AlertRuleEditorDialog(m_alerts, m_chains, rule, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const bool adding = !rule;
    connect(editor, &AlertRuleEditorDialog::saved, this, [this, adding](const AlertRule &saved) {
        showStatus(adding ? tr("Alert rule “%1” added.").arg(saved.name) : tr("Alert rule “%1” saved.").arg(saved.name));
        m_selectAfterRead = saved.id;
        refresh();
    });
    editor->open();
}

void AlertRulesDialog::runVerb(qint64 ruleId, QFuture<Result<AlertRule>> verb, const std::function<QString(const AlertRule &)> &done)
{
    m_busy.insert(ruleId);
    updateActions();
    then(verb, this, [this, ruleId, done](Result<AlertRule> rule) {
        m_busy.remove(ruleId);
        updateActions();
        if (!rule) {
            showStatus(tr("Could not change the alert rule: %1").arg(rule.error().toString()), true);
            return;
        }
        showStatus(done(*rule));
        refresh();
    });
}

void AlertRulesDialog::toggleSelected()
{
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule || !m_toggle->isEnabled())
        return;
    const bool enable = !rule->enabled;
    runVerb(rule->id, m_alerts->setAlertRuleEnabled(rule->id, enable), [enable](const AlertRule &r) {
        return enable ? tr("“%1” is enabled.").arg(r.name) : tr("“%1” is disabled: it raises nothing.").arg(r.name);
    });
}

void AlertRulesDialog::silenceSelected(int hours)
{
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule || !m_silenceButton->isEnabled())
        return;
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + qint64(hours) * 3600000;
    runVerb(rule->id, m_alerts->silenceAlertRule(rule->id, until), [](const AlertRule &r) {
        return tr("“%1” is silenced until %2: its alerts are shown here, but nothing is delivered.")
            .arg(r.name, timestampText(r.silencedUntilMs));
    });
}

void AlertRulesDialog::liftSilence()
{
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule || !m_lift->isEnabled())
        return;
    runVerb(rule->id, m_alerts->silenceAlertRule(rule->id, 0), [](const AlertRule &r) {
        return tr("“%1” delivers its alerts again.").arg(r.name);
    });
}

void AlertRulesDialog::confirmDeleteSelected()
{
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Alert Rule"), tr("Delete the alert rule “%1”?").arg(rule->name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteAlertRuleBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Its alerts clear and its deliveries not yet sent are cancelled. The delivery log and the alert "
                               "history stay."));
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteAlertRuleButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    const qint64 id = rule->id;
    const QString name = rule->name;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id, name](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_busy.insert(id);
        updateActions();
        then(m_alerts->deleteAlertRule(id), this, [this, id, name](Status deleted) {
            m_busy.remove(id);
            updateActions();
            if (!deleted) {
                showStatus(tr("Could not delete “%1”: %2").arg(name, deleted.error().toString()), true);
                return;
            }
            showStatus(tr("Alert rule “%1” deleted.").arg(name));
            refresh();
        });
    });
    box->open();
}

void AlertRulesDialog::showStatus(const QString &text, bool error)
{
    m_status->showMessage(text, error ? MessageLabel::Kind::Error : MessageLabel::Kind::Note);
}

} // namespace arbor::ui
