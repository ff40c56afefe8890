#include "dialogs/mcptokendialog.h"

#include "dialogs/storesecretdialog.h"
#include "engine/agentservice.h"
#include "secrets/namedsecrets.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace arbor::ui {

McpTokenDialog::McpTokenDialog(AgentService *agents, const AgentRecord &agent, QWidget *parent)
    : QDialog(parent)
    , m_agents(agents)
    , m_agent(agent)
{
    Q_ASSERT(agents);
    setObjectName(QStringLiteral("mcpTokenDialog"));
    const QString id = u256::toDecimal(agent.agentId);
    setWindowTitle(tr("MCP Token of Agent %1").arg(id));

    auto *intro = new QLabel(tr("MCP actions that call agent %1's own endpoint, the one its registration file names, send this token "
                                "as a bearer token. Arbor keeps only the reference; the secret stays in the keychain, an environment "
                                "variable or a file.")
                                 .arg(id));
    intro->setWordWrap(true);

    m_reference = new QComboBox;
    m_reference->setObjectName(QStringLiteral("mcpTokenReference"));
    m_reference->setEditable(true);
    m_reference->setInsertPolicy(QComboBox::NoInsert);
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_reference->setMinimumContentsLength(28);
    for (const QString &name : NamedSecrets::names())
        m_reference->addItem(QLatin1String("keychain:") + name);
    m_reference->lineEdit()->setPlaceholderText(QStringLiteral("keychain:NAME"));
    m_reference->setEditText(agent.mcpToken ? agent.mcpToken->toString() : QString());
    m_reference->setToolTip(tr("keychain:NAME, env:VAR or file:PATH; the list holds the secrets stored in the keychain through Arbor"));
    auto *label = new QLabel(tr("&Reference:"));
    label->setBuddy(m_reference);

    m_storeButton = new QPushButton(tr("S&tore Secret…"));
    m_storeButton->setObjectName(QStringLiteral("mcpTokenStoreButton"));
    m_storeButton->setToolTip(tr("Type the token once; it goes to the system keychain and the reference is filled in"));
    connect(m_storeButton, &QPushButton::clicked, this, &McpTokenDialog::storeSecret);

    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_reference, 1);
    row->addWidget(m_storeButton);

    m_message = new MessageLabel(QStringLiteral("mcpTokenMessage"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_clearButton = buttons->addButton(tr("C&lear Token"), QDialogButtonBox::ResetRole);
    m_clearButton->setObjectName(QStringLiteral("mcpTokenClearButton"));
    m_clearButton->setToolTip(tr("Send no token to this agent"));
    m_setButton = buttons->addButton(tr("&Set"), QDialogButtonBox::AcceptRole);
    m_setButton->setObjectName(QStringLiteral("mcpTokenSetButton"));
    m_setButton->setDefault(true);
    connect(m_setButton, &QPushButton::clicked, this, &McpTokenDialog::setToken);
    connect(m_clearButton, &QPushButton::clicked, this, [this] { apply(std::nullopt); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reference, &QComboBox::editTextChanged, this, [this] {
        m_message->clearMessage();
        setBusy(m_busy);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(520);
    m_reference->setFocus();
    setBusy(false);
}

void McpTokenDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_reference->setEnabled(!busy);
    m_storeButton->setEnabled(!busy);
    m_setButton->setEnabled(!busy && !m_reference->currentText().trimmed().isEmpty());
    m_clearButton->setEnabled(!busy && m_agent.mcpToken.has_value());
}

void McpTokenDialog::setToken()
{
    auto token = SecretRef::parse(m_reference->currentText().trimmed(), tr("Reference"));
    if (!token) {
        m_message->showMessage(token.error().message);
        m_reference->setFocus();
        return;
    }
    apply(*token);
}

void McpTokenDialog::apply(const std::optional<SecretRef> &token)
{
    setBusy(true);
    m_message->showMessage(tr("Saving…"), MessageLabel::Kind::Note);
    then(m_agents->setMcpToken(ChainRef{m_agent.chainId, {}}, m_agent.agentId, token), this, [this](Result<AgentRecord> set) {
        setBusy(false);
        if (!set) {
            m_message->showMessage(tr("Not saved: %1").arg(set.error().message));
            return;
        }
        m_message->clearMessage();
        Q_EMIT tokenSet(*set);
        accept();
    });
}

void McpTokenDialog::storeSecret()
{
    QString name;
    if (const QString current = m_reference->currentText().trimmed(); current.startsWith(QLatin1String("keychain:")))
        name = current.mid(9);
    else if (current.isEmpty())
        name = QStringLiteral("agent-%1-mcp").arg(u256::toDecimal(m_agent.agentId));
    auto *dialog = new StoreSecretDialog(name, QString(), this);   // the intro below says what
    dialog->setIntro(tr("The agent's MCP token goes to the system keychain under the name below; Arbor keeps only the reference "
                        "“keychain:NAME”."));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StoreSecretDialog::stored, this, [this](const QString &stored) {
        const QString reference = QLatin1String("keychain:") + stored;
        if (m_reference->findText(reference) < 0)
            m_reference->addItem(reference);
        m_reference->setEditText(reference);
        m_reference->setFocus();
    });
    dialog->open();
}

} // namespace arbor::ui
