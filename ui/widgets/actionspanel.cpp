#include "widgets/actionspanel.h"

#include "delegates/statusbadgedelegate.h"
#include "engine/triggerservice.h"
#include "models/actionhealthmodel.h"
#include "util/continuation.h"
#include "widgets/refreshthrottle.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"
#include "widgets/columnwidths.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {

ActionsPanel::ActionsPanel(TriggerService *triggers, QWidget *parent)
    : QWidget(parent)
    , m_triggers(triggers)
    , m_model(new ActionHealthModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("actionsPanel"));

    m_enableButton = new QPushButton(tr("&Enable"));
    m_enableButton->setObjectName(QStringLiteral("enableActionButton"));
    m_enableButton->setToolTip(tr("Send to this action again: the deliveries held while it was disabled go out at once, in the order of their events"));
    m_disableButton = new QPushButton(tr("D&isable"));
    m_disableButton->setObjectName(QStringLiteral("disableActionButton"));
    m_disableButton->setToolTip(tr("Hold this action's deliveries (kept, not sent) until it is enabled again"));
    m_resendButton = new QPushButton(tr("Resend &Dead"));
    m_resendButton->setObjectName(QStringLiteral("resendDeadButton"));
    m_resendButton->setToolTip(tr("Send this action's given-up deliveries again, each under its own webhook-id, with a fresh retry schedule"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("actionsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_enableButton);
    buttons->addWidget(m_disableButton);
    buttons->addWidget(m_resendButton);
    buttons->addWidget(m_status, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ActionHealthModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("actionsTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ActionHealthModel::StateColumn, Qt::DescendingOrder);   // what needs a look first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setItemDelegateForColumn(ActionHealthModel::StateColumn, new StatusBadgeDelegate(ActionHealthModel::BadgeColorRole, m_view));
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    widenColumnsToTitles(header);
    header->resizeSection(ActionHealthModel::SubjectColumn, std::max(header->sectionSize(ActionHealthModel::SubjectColumn), 180));
    header->resizeSection(ActionHealthModel::ActionColumn, std::max(header->sectionSize(ActionHealthModel::ActionColumn), 240));
    header->resizeSection(ActionHealthModel::NextAttemptColumn, std::max(header->sectionSize(ActionHealthModel::NextAttemptColumn), 140));
    TableActions::install(m_view, QStringLiteral("actions"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, 500, RefreshMs);
    connect(m_enableButton, &QPushButton::clicked, this, [this] { setSelectedEnabled(true); });
    connect(m_disableButton, &QPushButton::clicked, this, [this] { setSelectedEnabled(false); });
    connect(m_resendButton, &QPushButton::clicked, this, &ActionsPanel::resendSelectedDead);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ActionsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActionsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActionsPanel::updateButtons);
    if (m_triggers) {
        connect(m_triggers, &TriggerService::deliveriesChanged, m_refresh, &RefreshThrottle::changed);
        connect(m_triggers, &TriggerService::actionsChanged, m_refresh, &RefreshThrottle::changed);
        connect(m_triggers, &TriggerService::triggersChanged, m_refresh, &RefreshThrottle::changed);
        connect(m_triggers, &EngineService::stateChanged, this, &ActionsPanel::applyEngineState);
        applyEngineState(m_triggers->state());
    } else {
        applyEngineState(EngineState());
    }
}

void ActionsPanel::refresh()
{
    m_refresh->now();
}

void ActionsPanel::applyEngineState(const EngineState &state)
{
    m_readOnly = !state.started || state.readOnly;
    updateButtons();
    if (state.started)
        m_refresh->changed();
}

bool ActionsPanel::read()
{
    if (!m_triggers || !m_triggers->state().started)
        return false;
    then(m_triggers->actionHealth(), this, [this](Result<QList<ActionHealth>> actions) {
        m_refresh->finished();
        if (!actions) {
            showStatus(tr("Cannot read the actions: %1").arg(actions.error().message), true);
            return;
        }
        m_model->update(*actions);
        updateButtons();
    });
    return true;
}

const ActionHealth *ActionsPanel::selectedAction() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->actionAt(m_proxy->mapToSource(rows.first()).row());
}

void ActionsPanel::updateButtons()
{
    const ActionHealth *action = selectedAction();
    const bool canCommand = !m_readOnly && !m_busy && action;
    const QString why = m_readOnly ? tr("Read-only: another engine holds this database") : QString();
    m_enableButton->setEnabled(canCommand && action->state == ActionState::Disabled);
    m_disableButton->setEnabled(canCommand && action->state != ActionState::Disabled);
    m_resendButton->setEnabled(canCommand && action->dead > 0);
    for (QPushButton *button : {m_enableButton, m_disableButton, m_resendButton})
        button->setStatusTip(why);
}

void ActionsPanel::setSelectedEnabled(bool enabled)
{
    const ActionHealth *action = selectedAction();
    if (!action)
        return;
    const ActionRef ref{action->source, action->actionId};
    const QString name = action->subjectName;
    m_busy = true;
    updateButtons();
    then(m_triggers->setActionEnabled(ref, enabled), this, [this, enabled, name](Result<qint64> resumed) {
        m_busy = false;
        if (!resumed)
            showStatus(tr("Could not change the action of “%1”: %2").arg(name, resumed.error().message), true);
        else if (enabled)
            showStatus(tr("The action of “%1” is enabled; %n held delivery(s) go out now.", nullptr, int(*resumed)).arg(name));
        else
            showStatus(tr("The action of “%1” is disabled: its deliveries are held until you enable it.").arg(name));
        updateButtons();
        m_refresh->now();
    });
}

void ActionsPanel::resendSelectedDead()
{
    const ActionHealth *action = selectedAction();
    if (!action)
        return;
    DeadLetterFilter filter;
    filter.source = action->source;
    (action->source == DeliverySource::Alert ? filter.alertRuleId : filter.triggerId) = action->subjectId;
    filter.actionId = action->actionId;
    const QString name = action->subjectName;
    m_busy = true;
    updateButtons();
    then(m_triggers->resendDeadLetters(filter), this, [this, name](Result<qint64> resent) {
        m_busy = false;
        if (!resent)
            showStatus(tr("Could not resend the dead deliveries of “%1”: %2").arg(name, resent.error().message), true);
        else
            showStatus(tr("%n dead delivery(s) of “%1” are pending again.", nullptr, int(*resent)).arg(name));
        updateButtons();
        m_refresh->now();
    });
}

void ActionsPanel::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    m_status->setText(text);
}

} // namespace arbor::ui
