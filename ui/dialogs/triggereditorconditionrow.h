#pragma once

#include "triggers/triggerdef.h"

#include <QFrame>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace arbor::ui {

class MessageLabel;

/**
 * One condition of the trigger editor: a type and the fields of that type, in a row.
 *
 * The row writes the condition as the trigger file's JSON (toJson) and leaves every check to
 * parseTrigger(), whose error names the field; fieldWidget() finds the input that field is
 * typed into, so the editor can focus it and show the message under the row.
 */
class TriggerEditorConditionRow final : public QFrame
{
    Q_OBJECT

public:
    explicit TriggerEditorConditionRow(arbor::RegistryKind registry, QWidget *parent = nullptr);

    void setCondition(const arbor::Condition &condition);
    arbor::ConditionType type() const;
    /// The condition as a trigger file holds it; empty inputs are left out, so the parser says
    /// which one is required.
    QJsonObject toJson() const;
    /// The registry's event names in the event combo; the chosen event is kept if it has it.
    void setRegistry(arbor::RegistryKind registry);
    /// The input for `key` of this row's type ("operator", "validators"), else the type combo.
    QWidget *fieldWidget(const QString &key) const;
    void showError(const QString &message);
    void clearError();

Q_SIGNALS:
    void removeRequested();
    void changed();

private:
    QWidget *createPage(arbor::ConditionType type);
    QComboBox *createOperatorCombo(const char *objectName);
    QLineEdit *createLineEdit(const char *objectName, const QString &placeholder);
    QSpinBox *createSpinBox(const char *objectName, int min, int max, int value);

    QComboBox *m_type = nullptr;
    QStackedWidget *m_pages = nullptr;
    MessageLabel *m_error = nullptr;

    QComboBox *m_event = nullptr;
    QLineEdit *m_agentId = nullptr;
    QComboBox *m_valueOperator = nullptr;
    QLineEdit *m_value = nullptr;
    QLineEdit *m_tag = nullptr;
    QPlainTextEdit *m_validators = nullptr;
    QComboBox *m_emaOperator = nullptr;
    QLineEdit *m_emaValue = nullptr;
    QComboBox *m_smoothing = nullptr;   ///< alpha or window
    QLineEdit *m_alpha = nullptr;
    QSpinBox *m_emaWindow = nullptr;
    QSpinBox *m_minSamples = nullptr;
    QSpinBox *m_max = nullptr;
    QLineEdit *m_rateWindow = nullptr;
    QCheckBox *m_resetOnFire = nullptr;
};

} // namespace arbor::ui
