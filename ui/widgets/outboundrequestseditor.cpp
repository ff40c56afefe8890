#include "widgets/outboundrequestseditor.h"

#include "engine/agentservice.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

QLabel *noteLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

OutboundRequestsEditor::OutboundRequestsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("outboundRequestsEditor"));

    auto *heading = new QLabel(tr("Requests from chain data"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *intro = new QLabel(tr("Registration files, feedback files and agents' MCP endpoints are named in chain data, which anyone "
                                "can write; so Arbor refuses to send requests to loopback, private, link-local and cloud metadata "
                                "addresses unless the host is allowed here, lest a chain event reach a service inside your network."));
    intro->setWordWrap(true);
    m_state = noteLabel(tr("Not connected to a database."));
    m_state->setObjectName(QStringLiteral("outboundState"));

    m_hosts = new QListWidget;
    m_hosts->setObjectName(QStringLiteral("outboundHostList"));
    m_hosts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hosts->setMinimumHeight(m_hosts->fontMetrics().lineSpacing() * 4);
    m_hosts->setMaximumHeight(m_hosts->fontMetrics().lineSpacing() * 8);
    m_noHosts = noteLabel(tr("None: requests from chain data reach public addresses only."));
    m_noHosts->setObjectName(QStringLiteral("outboundNoHosts"));
    auto *hostsLabel = new QLabel(tr("Allowed hosts:"));
    hostsLabel->setBuddy(m_hosts);

    m_hostEdit = new QLineEdit;
    m_hostEdit->setObjectName(QStringLiteral("outboundHostEdit"));
    m_hostEdit->setPlaceholderText(tr("e.g. 127.0.0.1 or agents.internal"));
    m_hostEdit->setToolTip(tr("A host name or an IP address, without scheme or port: each host is allowed with all its ports"));
    auto *hostLabel = new QLabel(tr("&Host:"));
    hostLabel->setBuddy(m_hostEdit);
    m_addButton = new QPushButton(tr("&Add"));
    m_addButton->setObjectName(QStringLiteral("outboundAddButton"));
    m_removeButton = new QPushButton(tr("Remo&ve"));
    m_removeButton->setObjectName(QStringLiteral("outboundRemoveButton"));
    m_removeButton->setToolTip(tr("Refuse requests to the selected host again"));
    m_hostMessage = new MessageLabel(QStringLiteral("outboundHostMessage"));

    m_gatewayEdit = new QLineEdit;
    m_gatewayEdit->setObjectName(QStringLiteral("ipfsGatewayEdit"));
    m_gatewayEdit->setPlaceholderText(QStringLiteral("https://ipfs.io/ipfs/"));
    auto *gatewayLabel = new QLabel(tr("IPFS &gateway:"));
    gatewayLabel->setBuddy(m_gatewayEdit);
    m_applyButton = new QPushButton(tr("A&pply"));
    m_applyButton->setObjectName(QStringLiteral("ipfsGatewayApplyButton"));
    m_clearButton = new QPushButton(tr("Cl&ear"));
    m_clearButton->setObjectName(QStringLiteral("ipfsGatewayClearButton"));
    m_clearButton->setToolTip(tr("Use no gateway: ipfs:// URIs are then not fetched"));
    m_gatewayMessage = new MessageLabel(QStringLiteral("ipfsGatewayMessage"));

    auto *grid = new QGridLayout;
    auto *hostsRow = new QHBoxLayout;
    hostsRow->addWidget(hostsLabel);
    hostsRow->addWidget(m_noHosts, 1);
    grid->addLayout(hostsRow, 0, 0, 1, 4);
    grid->addWidget(m_hosts, 1, 0, 1, 4);
    grid->addWidget(hostLabel, 2, 0);
    grid->addWidget(m_hostEdit, 2, 1);
    grid->addWidget(m_addButton, 2, 2);
    grid->addWidget(m_removeButton, 2, 3);
    grid->addWidget(m_hostMessage, 3, 1, 1, 3);
    grid->addWidget(noteLabel(tr("Every engine on this database applies the list. Changes here apply at once.")), 4, 1, 1, 3);
    grid->setRowMinimumHeight(5, 12);
    grid->addWidget(gatewayLabel, 6, 0);
    grid->addWidget(m_gatewayEdit, 6, 1);
    grid->addWidget(m_applyButton, 6, 2);
    grid->addWidget(m_clearButton, 6, 3);
    grid->addWidget(m_gatewayMessage, 7, 1, 1, 3);
    grid->addWidget(noteLabel(tr("ipfs:// agentURIs and feedback files are fetched through this gateway; without one they are not "
                                 "fetched.")),
                    8, 1, 1, 3);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_state);
    layout->addLayout(grid);
    layout->addStretch(1);

    connect(m_addButton, &QPushButton::clicked, this, &OutboundRequestsEditor::addHost);
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &OutboundRequestsEditor::addHost);
    connect(m_removeButton, &QPushButton::clicked, this, &OutboundRequestsEditor::removeHost);
    connect(m_applyButton, &QPushButton::clicked, this, [this] { setGateway(m_gatewayEdit->text()); });
    connect(m_gatewayEdit, &QLineEdit::returnPressed, this, [this] { setGateway(m_gatewayEdit->text()); });
    connect(m_clearButton, &QPushButton::clicked, this, [this] { setGateway(QString()); });
    connect(m_hostEdit, &QLineEdit::textEdited, this, [this] {
        m_hostMessage->clearMessage();
        updateButtons();
    });
    connect(m_gatewayEdit, &QLineEdit::textEdited, m_gatewayMessage, &MessageLabel::clearMessage);
    connect(m_hosts, &QListWidget::itemSelectionChanged, this, &OutboundRequestsEditor::updateButtons);
    updateButtons();
}

void OutboundRequestsEditor::setAgentService(AgentService *agents)
{
    if (m_agents)
        disconnect(m_agents, nullptr, this, nullptr);
    m_agents = agents;
    if (!m_agents || !m_agents->state().started) {
        m_writable = false;
        m_state->setText(tr("Not connected to a database."));
        m_state->show();
        updateButtons();
        return;
    }
    connect(m_agents, &AgentService::outboundHostsChanged, this, &OutboundRequestsEditor::read);
    read();
}

void OutboundRequestsEditor::read()
{
    const EngineState state = m_agents->state();
    m_writable = state.started && !state.readOnly;
    m_state->setText(state.readOnly ? tr("Read-only: %1").arg(state.readOnlyReason) : QString());
    m_state->setVisible(state.readOnly);
    then(m_agents->outboundHosts(), this, [this](Result<QStringList> hosts) {
        if (!hosts) {
            m_state->setText(tr("Cannot read the allowed hosts: %1").arg(hosts.error().message));
            m_state->show();
            Q_EMIT loaded();
            return;
        }
        const QString selected = m_hosts->currentItem() ? m_hosts->currentItem()->text() : QString();
        m_hosts->clear();
        m_hosts->addItems(*hosts);
        m_noHosts->setVisible(hosts->isEmpty());
        const QList<QListWidgetItem *> again = m_hosts->findItems(selected, Qt::MatchExactly);
        if (!selected.isEmpty() && !again.isEmpty())
            m_hosts->setCurrentItem(again.first());
        updateButtons();
        then(m_agents->ipfsGateway(), this, [this](Result<QString> gateway) {
            if (gateway && !m_gatewayEdit->isModified())
                m_gatewayEdit->setText(*gateway);
            else if (!gateway)
                m_gatewayMessage->showMessage(tr("Cannot read the IPFS gateway: %1").arg(gateway.error().message));
            Q_EMIT loaded();
        });
    });
}

void OutboundRequestsEditor::updateButtons()
{
    const bool ready = m_agents && m_writable && !m_busy;
    m_hosts->setEnabled(m_agents && m_agents->state().started);
    m_hostEdit->setEnabled(ready);
    m_addButton->setEnabled(ready && !m_hostEdit->text().trimmed().isEmpty());
    m_removeButton->setEnabled(ready && m_hosts->currentItem() && m_hosts->currentItem()->isSelected());
    m_gatewayEdit->setEnabled(ready);
    m_applyButton->setEnabled(ready);
    m_clearButton->setEnabled(ready);
    const QString why = m_agents && !m_writable ? m_state->text() : QString();
    m_addButton->setToolTip(why.isEmpty() ? tr("Let requests from chain data reach this host") : why);
}

void OutboundRequestsEditor::addHost()
{
    if (!m_addButton->isEnabled())
        return;
    const QString host = m_hostEdit->text().trimmed();
    m_busy = true;
    updateButtons();
    then(m_agents->allowOutbound(host), this, [this, host](Result<bool> added) {
        m_busy = false;
        updateButtons();
        if (!added) {
            m_hostMessage->showMessage(added.error().message);
            m_hostEdit->setFocus();
            return;
        }
        m_hostEdit->clear();
        // The list follows outboundHostsChanged, which the service emits when it changed.
        m_hostMessage->showMessage(*added ? tr("Requests from chain data may now reach %1.").arg(host) : tr("%1 was already allowed.").arg(host),
                                   MessageLabel::Kind::Note);
    });
}

void OutboundRequestsEditor::removeHost()
{
    if (!m_removeButton->isEnabled() || !m_hosts->currentItem())
        return;
    const QString host = m_hosts->currentItem()->text();
    m_busy = true;
    updateButtons();
    then(m_agents->denyOutbound(host), this, [this, host](Result<bool> removed) {
        m_busy = false;
        updateButtons();
        if (!removed) {
            m_hostMessage->showMessage(removed.error().message);
            return;
        }
        m_hostMessage->showMessage(tr("%1 is no longer allowed.").arg(host), MessageLabel::Kind::Note);
    });
}

void OutboundRequestsEditor::setGateway(const QString &url)
{
    if (!m_applyButton->isEnabled())
        return;
    m_busy = true;
    updateButtons();
    then(m_agents->setIpfsGateway(url), this, [this](Result<QString> set) {
        m_busy = false;
        updateButtons();
        if (!set) {
            m_gatewayMessage->showMessage(set.error().message);
            m_gatewayEdit->setFocus();
            return;
        }
        m_gatewayEdit->setText(*set);
        m_gatewayEdit->setModified(false);
        m_gatewayMessage->showMessage(set->isEmpty() ? tr("No IPFS gateway: ipfs:// URIs are not fetched.")
                                                     : tr("ipfs:// URIs are fetched through %1.").arg(*set),
                                      MessageLabel::Kind::Note);
    });
}

} // namespace arbor::ui
