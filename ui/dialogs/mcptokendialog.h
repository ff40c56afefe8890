#pragma once

#include "store/agentstore.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QPushButton;

namespace arbor {
class AgentService;
}

namespace arbor::ui {

class MessageLabel;

/**
 * Sets or clears the token MCP actions send to one agent's own endpoint (the one its
 * registration file names), as `arborctl agents token set|clear` does: a reference to a secret
 * (keychain:NAME, env:VAR, file:PATH), picked from the keychain names stored through Arbor or
 * typed; "Store Secret…" puts a new one in the keychain first. A literal secret is refused.
 *
 * Writes through AgentService::setMcpToken; a refusal is shown in the dialog, which stays open.
 * Meant to be opened with open(), deleted on close.
 */
class McpTokenDialog final : public QDialog
{
    Q_OBJECT

public:
    McpTokenDialog(arbor::AgentService *agents, const arbor::AgentRecord &agent, QWidget *parent = nullptr);

    QComboBox *referenceCombo() const { return m_reference; }

Q_SIGNALS:
    /// The engine stored the change; `agent` as it is now.
    void tokenSet(const arbor::AgentRecord &agent);

private:
    void setToken();
    void apply(const std::optional<arbor::SecretRef> &token);
    void storeSecret();
    void setBusy(bool busy);

    arbor::AgentService *m_agents = nullptr;
    arbor::AgentRecord m_agent;
    QComboBox *m_reference = nullptr;
    QPushButton *m_storeButton = nullptr;
    QPushButton *m_setButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    MessageLabel *m_message = nullptr;
    bool m_busy = false;
};

} // namespace arbor::ui
