#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace arbor {
class AgentService;
}

namespace arbor::ui {

class MessageLabel;

/**
 * Settings › Requests (from chain data): the hosts that requests named by chain data (registration
 * files, feedback files, agents' MCP endpoints) may reach although they are loopback, private or
 * link-local, and the IPFS gateway ipfs:// URIs are fetched through — what `arborctl outbound
 * list|allow|deny|gateway` edits.
 *
 * These live in the database, not in the console's settings: every change is written through
 * AgentService at once (every engine on the database applies it), not at the dialog's OK, and
 * a refusal (a URL where a host belongs, a port) is shown under its field with nothing changed.
 * Read from the service when setAgentService() is called and when it announces a change;
 * disabled, saying why, without an engine or on a read-only one.
 *
 * Thread: the GUI thread; it never waits on the engine.
 */
class OutboundRequestsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit OutboundRequestsEditor(QWidget *parent = nullptr);

    void setAgentService(arbor::AgentService *agents);

    QListWidget *hostList() const { return m_hosts; }
    QLineEdit *hostEdit() const { return m_hostEdit; }
    QLineEdit *gatewayEdit() const { return m_gatewayEdit; }

Q_SIGNALS:
    /// The list and the gateway were read (or could not be).
    void loaded();

private:
    void read();
    void addHost();
    void removeHost();
    void setGateway(const QString &url);
    void updateButtons();

    arbor::AgentService *m_agents = nullptr;
    bool m_writable = false;
    bool m_busy = false;
    QLabel *m_state = nullptr;
    QListWidget *m_hosts = nullptr;
    QLabel *m_noHosts = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    MessageLabel *m_hostMessage = nullptr;
    QLineEdit *m_gatewayEdit = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    MessageLabel *m_gatewayMessage = nullptr;
};

} // namespace arbor::ui
