// TriggersPage: the verbs on the selected trigger or delivery (new, edit, enable/disable,
// delete, dry run, send test, resend), each through the Engine, reported in the status line.

#include "engine/triggerservice.h"
#include "model/u256.h"
#include "pages/triggerspage.h"

#include "dialogs/dryrundialog.h"
#include "dialogs/triggereditordialog.h"
#include "models/deliverylogmodel.h"
#include "util/continuation.h"
#include "widgets/refreshthrottle.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace arbor::ui {

void TriggersPage::newTrigger()
{
    if (m_new->isEnabled())
        openEditor(std::nullopt);
}

void TriggersPage::editSelected()
{
    if (const std::optional<TriggerRecord> trigger = selectedTrigger(); trigger && m_edit->isEnabled())
        openEditor(trigger);
}

void TriggersPage::openEditor(const std::optional<TriggerRecord> &trigger)
{
    auto *editor = new TriggerEditorDialog(m_triggers, m_chains, trigger, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const bool adding = !trigger;
    connect(editor, &TriggerEditorDialog::saved, this, [this, adding](const TriggerRecord &saved) {
        showStatus(adding ? tr("Trigger “%1” added.").arg(saved.def.name) : tr("Trigger “%1” saved.").arg(saved.def.name));
        m_selectAfterRead = saved.def.id;
        refreshNow(AllParts);
    });
    editor->open();
}

void TriggersPage::toggleSelected()
{
    if (const std::optional<TriggerRecord> trigger = selectedTrigger(); trigger && m_toggle->isEnabled())
        setTriggerEnabled(trigger->def.id, !trigger->def.enabled);
}

void TriggersPage::setTriggerEnabled(qint64 triggerId, bool enabled)
{
    const EngineState state = m_triggers->state();
    if (!state.started || state.readOnly || m_busy.contains(triggerId))
        return;
    m_busy.insert(triggerId);
    updateActions();
    then(m_triggers->setTriggerEnabled(triggerId, enabled), this, [this, triggerId, enabled](Result<TriggerRecord> trigger) {
        m_busy.remove(triggerId);
        if (!trigger) {
            showStatus(tr("Could not change the trigger: %1").arg(trigger.error().toString()), true);
            updateActions();
            return;
        }
        showStatus(enabled ? tr("“%1” is enabled: it fires for events promoted from now on.").arg(trigger->def.name)
                           : tr("“%1” is disabled.").arg(trigger->def.name));
        scheduleRefresh(TriggersPart);
        updateActions();
    });
}

void TriggersPage::confirmDeleteSelected()
{
    const std::optional<TriggerRecord> trigger = selectedTrigger();
    if (!trigger || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Trigger"), tr("Delete the trigger “%1”?").arg(trigger->def.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteTriggerBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Its deliveries not yet sent are cancelled. Its delivery log stays."));
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteTriggerButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    const qint64 id = trigger->def.id;
    const QString name = trigger->def.name;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id, name](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_busy.insert(id);
        updateActions();
        then(m_triggers->deleteTrigger(id), this, [this, id, name](Status deleted) {
            m_busy.remove(id);
            if (!deleted) {
                showStatus(tr("Could not delete “%1”: %2").arg(name, deleted.error().toString()), true);
                updateActions();
                return;
            }
            showStatus(tr("Trigger “%1” deleted.").arg(name));
            scheduleRefresh(AllParts);
        });
    });
    box->open();
}

void TriggersPage::dryRunSelected()
{
    const std::optional<TriggerRecord> trigger = selectedTrigger();
    if (!trigger || !m_dryRun->isEnabled())
        return;
    auto *dialog = new DryRunDialog(m_triggers, *trigger, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TriggersPage::sendTestForSelected()
{
    const std::optional<TriggerRecord> trigger = selectedTrigger();
    if (!trigger || !m_sendTest->isEnabled() || trigger->def.actions.isEmpty())
        return;
    if (trigger->def.actions.size() == 1) {
        sendTest(*trigger, trigger->def.actions.first());
        return;
    }
    QStringList items;
    for (int i = 0; i < trigger->def.actions.size(); ++i) {
        items.append(DeliveryLogModel::actionText(trigger->def.actions[i], i));
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("sendTestDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Send Test"));
    dialog->setLabelText(tr("Which action of “%1” sends the test delivery?").arg(trigger->def.name));
    dialog->setComboBoxItems(items);
    dialog->setComboBoxEditable(false);
    dialog->setOkButtonText(tr("&Send"));
    const TriggerRecord chosen = *trigger;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, chosen, items](const QString &text) {
        const qsizetype index = items.indexOf(text);
        if (index >= 0)
            sendTest(chosen, chosen.def.actions[index]);
    });
    dialog->open();
}

void TriggersPage::sendTest(const TriggerRecord &trigger, const Action &action)
{
    const qint64 id = trigger.def.id;
    const QString name = trigger.def.name;
    m_busy.insert(id);
    updateActions();
    showStatus(tr("Sending a test delivery for “%1”…").arg(name));
    then(m_triggers->sendTestDelivery(id, action.id), this, [this, id, name](Result<TestDelivery> delivery) {
        m_busy.remove(id);
        updateActions();
        if (!delivery) {
            showStatus(tr("No test delivery for “%1”: %2").arg(name, delivery.error().toString()), true);
            return;
        }
        m_pendingTests.insert(delivery->deliveryId, name);
        m_logRefresh->setReadWhileHidden(true);   // its result is reported whichever page is shown
        const AgentEvent &e = delivery->sample.event->event;
        const QString event = tr("%1 of agent %2 in block %3").arg(e.event, u256::toDecimal(e.agentId)).arg(e.blockNumber);
        showStatus(delivery->sample.matches
                       ? tr("Test delivery %1 of “%2” (%3) is in the outbox; its result shows here once it is sent.")
                             .arg(delivery->deliveryId, name, event)
                       : tr("Test delivery %1 of “%2” is in the outbox. No stored event meets its conditions, so it sends the "
                            "newest one (%3); its result shows here once it is sent.")
                             .arg(delivery->deliveryId, name, event));
        scheduleRefresh(LogPart);
    });
}

void TriggersPage::resendSelected()
{
    const std::optional<ActionResult> result = selectedResult();
    if (!result || !m_resendButton->isEnabled())
        return;
    m_resendButton->setEnabled(false);
    then(m_triggers->resendResult(result->id), this, [this](Result<QString> delivery) {
        updateActions();
        if (!delivery) {
            showStatus(tr("Could not resend: %1").arg(delivery.error().toString()), true);
            return;
        }
        showStatus(tr("Delivery %1 is queued again under the same id.").arg(*delivery));
        scheduleRefresh(LogPart);
    });
}

} // namespace arbor::ui
