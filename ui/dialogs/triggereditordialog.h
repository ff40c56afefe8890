#pragma once

#include "model/chainconfig.h"
#include "triggers/triggerrecords.h"
#include "widgets/invalidfields.h"


#include <QDialog>
#include <QList>
#include <QPointer>
#include <QJsonArray>
#include <QTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;

namespace arbor {
class ChainService;
class TriggerService;
}

namespace arbor::ui {

class MessageLabel;
class TriggerEditorActionRow;
class TriggerEditorConditionRow;
class TriggerEditorPreview;

/**
 * Creates or edits a trigger: name, description, chain, registry, enabled, confirmations; the
 * conditions (all must hold), one row each with the fields of its type; the actions in priority
 * order, one row each (moved up and down, secrets as keychain references); and a preview of
 * what the chosen action would send, rendered from the registry's newest stored event.
 *
 * Save builds the trigger file's JSON and checks it with parseTrigger(), exactly as
 * `arborctl trigger add --file` does: a problem is shown next to the row (or field) it names,
 * that input is focused and marked, and nothing is saved. A valid trigger goes to
 * TriggerService::addTrigger or updateTrigger; a refusal (a duplicate name, a read-only console) is
 * shown the same way and the dialog stays open. It closes, accepted, once the trigger is stored.
 *
 * Meant to be opened window-modal with open(). Never waits on the engine.
 */
class TriggerEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `existing`: the trigger to edit; nullopt for a new one.
    TriggerEditorDialog(arbor::TriggerService *triggers, arbor::ChainService *chains, const std::optional<arbor::TriggerRecord> &existing, QWidget *parent = nullptr);
    ~TriggerEditorDialog() override;

    /// The trigger file the editor holds now; an error names the field, as parseTrigger() does.
    arbor::Result<QJsonObject> triggerJson() const;
    const QList<TriggerEditorConditionRow *> &conditionRows() const { return m_conditions; }
    const QList<TriggerEditorActionRow *> &actionRows() const { return m_actions; }
    TriggerEditorConditionRow *addCondition();
    TriggerEditorActionRow *addAction();
    TriggerEditorPreview *preview() const { return m_preview; }

Q_SIGNALS:
    /// Stored: the trigger as the engine holds it now.
    void saved(const arbor::TriggerRecord &trigger);

private:
    QWidget *createGeneral();
    QWidget *createConditions();
    QWidget *createActions();
    void load(const arbor::TriggerRecord &trigger);
    void removeCondition(TriggerEditorConditionRow *row);
    void removeAction(TriggerEditorActionRow *row);
    void moveAction(TriggerEditorActionRow *row, int delta);
    void renumberActions();

    qint64 chainId() const;
    QString chainName() const;
    arbor::RegistryKind registry() const;
    void onChainChanged();
    void onRegistryChanged();
    /// The trigger as far as choosing the preview's event needs it: chain, registry and the
    /// conditions that parse (a half-typed one does not narrow the choice yet).
    arbor::TriggerDef sampleDef() const;
    /// Reads the newest event that meets the conditions for the preview, when they changed
    /// since the last read (`force`: anyway).
    void fetchPreviewEvent(bool force = true);
    void updatePreview();
    /// The focus moved into an action row: the preview shows that action.
    void followFocus(QWidget *now);
    QString secretNameBase() const;

    void save();
    /// Shows `error` next to the row or field it names, focuses and marks that input.
    void showError(const arbor::Error &error, const QString &prefix = QString());
    void markInvalid(QWidget *widget);
    void clearErrors();

    arbor::TriggerService *m_triggers = nullptr;
    arbor::ChainService *m_chains = nullptr;
    std::optional<arbor::TriggerRecord> m_existing;
    bool m_saving = false;
    quint64 m_previewRequest = 0;
    QJsonArray m_sampledConditions;   ///< the conditions the preview's event was chosen by

    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_chain = nullptr;
    QComboBox *m_registry = nullptr;
    QCheckBox *m_enabled = nullptr;
    QSpinBox *m_confirmations = nullptr;
    MessageLabel *m_generalError = nullptr;

    QVBoxLayout *m_conditionLayout = nullptr;
    QPushButton *m_addCondition = nullptr;
    QList<TriggerEditorConditionRow *> m_conditions;
    QVBoxLayout *m_actionLayout = nullptr;
    QPushButton *m_addAction = nullptr;
    QList<TriggerEditorActionRow *> m_actions;

    QScrollArea *m_scroll = nullptr;
    TriggerEditorPreview *m_preview = nullptr;
    QTimer m_previewTimer;
    QTimer m_sampleTimer;   ///< conditions edited: choose the preview's event again
    MessageLabel *m_error = nullptr;
    QPushButton *m_saveButton = nullptr;
    InvalidFields m_invalid;   ///< fields marked by the last refusal
};

} // namespace arbor::ui
