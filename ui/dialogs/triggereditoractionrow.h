#pragma once

#include "error.h"
#include "model/secretref.h"
#include "triggers/mcpsender.h"
#include "triggers/triggerdef.h"

#include <QFrame>
#include <QFuture>
#include <QUrl>

#include <functional>
#include <optional>
#include <QJsonObject>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace arbor::ui {

class MessageLabel;
class SecretField;

/**
 * One action of the trigger editor: its type (REST webhook, Telegram, MCP), the fields of that
 * type, timeout and retries, and buttons to move it up or down (its place is its priority) or
 * remove it.
 *
 * The row writes the action as the trigger file's JSON (toJson) and leaves the checks to
 * parseTrigger(); only what the JSON cannot carry is checked here (a header line without a
 * colon, arguments that are not a JSON object). fieldWidget() finds the input an error's field
 * names. Secret fields hold references and can store a secret in the keychain (SecretField).
 */
class TriggerEditorActionRow final : public QFrame
{
    Q_OBJECT

public:
    explicit TriggerEditorActionRow(QWidget *parent = nullptr);

    void setAction(const arbor::Action &action);
    arbor::ActionType type() const;
    /// The id of the stored action this row was loaded from; 0 for a new one.
    qint64 actionId() const { return m_actionId; }
    /// The action as a trigger file holds it, with `priority`; errors name `field` ("actions[1]").
    arbor::Result<QJsonObject> toJson(const QString &field, int priority) const;
    /// Its place among `count` actions: the number shown and which moves are possible.
    void setPosition(int index, int count);
    /// "2. Telegram".
    QString summary() const;
    /// Proposes keychain names ("<slug>-bot") for the secret fields from the trigger's name.
    void setSecretNameBase(std::function<QString()> base);
    /// How the MCP page asks a server for its tools (TriggerService::listMcpTools); without it
    /// the page offers no List Tools button.
    using ToolLister = std::function<QFuture<arbor::Result<arbor::McpToolList>>(const QUrl &, const std::optional<arbor::SecretRef> &, int)>;
    void setToolLister(ToolLister lister);
    /// The tool names the server listed last (the Tool field completes them).
    QStringList listedTools() const { return m_listedTools; }
    /// For an alert rule's action: the hints name the alert's templates ({{alert.title}}), and
    /// MCP calls a server given by URL (an alert has no agent endpoint to resolve, nor a
    /// feedback file to verify).
    void useAlertTemplates();
    /// The input for `key` of this row's type ("url", "botToken", "headers"), else the type combo.
    QWidget *fieldWidget(const QString &key) const;
    /// An error about this row's field `key` (no "actions[i]." prefix) in the row's own words:
    /// the label of the input it names ("URL: This field is required"), not a JSON path.
    QString errorText(const QString &key, const QString &message) const;
    void showError(const QString &message);
    void clearError();

Q_SIGNALS:
    void removeRequested();
    void moveUpRequested();
    void moveDownRequested();
    void changed();

private:
    QWidget *createRestPage();
    QWidget *createTelegramPage();
    QWidget *createMcpPage();
    QLineEdit *createLineEdit(const char *objectName, const QString &placeholder);
    QPlainTextEdit *createTextEdit(const char *objectName, const QString &placeholder, int lines);
    SecretField *createSecretField(const char *objectName, const QString &what, const QString &suffix);
    QToolButton *createButton(const char *objectName, const char *icon, const QString &text, const QString &toolTip);
    /// With the agent's own endpoint, the agent's own token is sent: the token field waits.
    void updateMcpTarget();
    /// Selects `schedule` in the retry box, adding an item for waits of its own.
    void selectRetry(const RetrySchedule &schedule);

    qint64 m_actionId = 0;
    int m_index = 0;
    std::function<QString()> m_secretNameBase;

    QLabel *m_position = nullptr;
    QComboBox *m_type = nullptr;
    QStackedWidget *m_pages = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QSpinBox *m_timeout = nullptr;
    /// The retry schedule: standard, quick, none, or the action's own waits (kept as loaded).
    QComboBox *m_retry = nullptr;
    /// What the editor shows no control for, kept from the loaded action and written back: a
    /// rotation's previous secret and its end, and the failing threshold.
    Action m_loaded;
    MessageLabel *m_error = nullptr;

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    SecretField *m_signingSecret = nullptr;

    SecretField *m_botToken = nullptr;
    QLineEdit *m_chatId = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_parseMode = nullptr;
    QLineEdit *m_apiBaseUrl = nullptr;

    QCheckBox *m_resolveEndpoint = nullptr;
    QCheckBox *m_verifyFileHash = nullptr;
    QLineEdit *m_mcpUrl = nullptr;
    QLineEdit *m_tool = nullptr;
    QPlainTextEdit *m_arguments = nullptr;
    SecretField *m_token = nullptr;
    QPushButton *m_listTools = nullptr;
    ToolLister m_toolLister;
    QStringList m_listedTools;

    void listTools();
    void updateListToolsButton();
};

} // namespace arbor::ui
