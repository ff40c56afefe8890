#pragma once

#include "model/chainconfig.h"
#include "triggers/alertrule.h"
#include "widgets/invalidfields.h"


#include <QDialog>
#include <QList>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;

namespace arbor {
class AlertService;
class ChainService;
}

namespace arbor::ui {

class MessageLabel;
class TriggerEditorActionRow;

/**
 * Creates or edits an alert rule: name, chain (one, or all chains), kind, threshold (in the
 * kind's unit; hidden for kinds without one), how long the condition must hold, whether the
 * end of an alert is delivered too, enabled; and the actions that deliver it, the trigger
 * editor's rows (REST webhook, Telegram, MCP; secrets as keychain references).
 *
 * Save builds the rule file's JSON and checks it with parseAlertRule(), exactly as
 * `arborctl alert rule add --file` does: a problem is shown next to the field or action row it
 * names, that input is focused and marked, and nothing is saved. A valid rule goes to
 * AlertService::addAlertRule or updateAlertRule; a refusal (a duplicate name, a read-only console) is
 * shown the same way and the dialog stays open. It closes, accepted, once the rule is stored.
 *
 * Meant to be opened window-modal with open(). Never waits on the engine.
 */
class AlertRuleEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `existing`: the rule to edit; nullopt for a new one.
    AlertRuleEditorDialog(arbor::AlertService *alerts, arbor::ChainService *chains, const std::optional<arbor::AlertRule> &existing, QWidget *parent = nullptr);
    ~AlertRuleEditorDialog() override;

    /// The rule file the editor holds now; an error names the field, as parseAlertRule() does.
    arbor::Result<QJsonObject> ruleJson() const;
    const QList<TriggerEditorActionRow *> &actionRows() const { return m_actions; }
    TriggerEditorActionRow *addAction();

Q_SIGNALS:
    /// Stored: the rule as the engine holds it now.
    void saved(const arbor::AlertRule &rule);

private:
    QWidget *createGeneral();
    QWidget *createActions();
    void load(const arbor::AlertRule &rule);
    arbor::AlertKind kind() const;
    /// The threshold's unit, range and decimals for the kind chosen; `resetValue`: its default.
    void onKindChanged(bool resetValue);
    void removeAction(TriggerEditorActionRow *row);
    void moveAction(TriggerEditorActionRow *row, int delta);
    void renumberActions();
    QString secretNameBase() const;

    void save();
    /// Shows `error` next to the row or field it names, focuses and marks that input.
    void showError(const arbor::Error &error, const QString &prefix = QString());
    void markInvalid(QWidget *widget);
    void clearErrors();

    arbor::AlertService *m_alerts = nullptr;
    arbor::ChainService *m_chains = nullptr;
    std::optional<arbor::AlertRule> m_existing;
    bool m_saving = false;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_chain = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHint = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QSpinBox *m_forSeconds = nullptr;
    QCheckBox *m_sendResolved = nullptr;
    QCheckBox *m_enabled = nullptr;
    MessageLabel *m_generalError = nullptr;

    QVBoxLayout *m_actionLayout = nullptr;
    QPushButton *m_addAction = nullptr;
    QList<TriggerEditorActionRow *> m_actions;

    QScrollArea *m_scroll = nullptr;
    MessageLabel *m_error = nullptr;
    QPushButton *m_saveButton = nullptr;
    InvalidFields m_invalid;   ///< fields marked by the last refusal
};

} // namespace arbor::ui
