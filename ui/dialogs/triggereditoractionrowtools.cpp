// TriggerEditorActionRow: the MCP page's List Tools — the server asked through the engine for
// the tools it offers, and the Tool field completing them.

#include "dialogs/triggereditoractionrow.h"

#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/secretfield.h"

#include <QCheckBox>
#include <QCompleter>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace arbor::ui {

void TriggerEditorActionRow::setToolLister(ToolLister lister)
{
    m_toolLister = std::move(lister);
    m_listTools->setVisible(bool(m_toolLister));
    updateListToolsButton();
}

void TriggerEditorActionRow::updateListToolsButton()
{
    const bool resolve = m_resolveEndpoint->isChecked();
    m_listTools->setEnabled(!resolve && !m_mcpUrl->text().trimmed().isEmpty());
    m_listTools->setToolTip(resolve ? tr("Each agent's server is known only when its event arrives: give a server's URL to list its tools")
                            : m_mcpUrl->text().trimmed().isEmpty() ? tr("Give the server's URL first")
                                                                   : tr("Connect to the server with the token and list the tools it offers; "
                                                                        "nothing is called"));
}

void TriggerEditorActionRow::listTools()
{
    if (!m_toolLister)
        return;
    const QUrl url(m_mcpUrl->text().trimmed());
    std::optional<SecretRef> token;
    if (const QString reference = m_token->reference().trimmed(); !reference.isEmpty()) {
        auto parsed = SecretRef::parse(reference, tr("Token"));
        if (!parsed) {
            m_error->showMessage(parsed.error().message);
            return;
        }
        token = *parsed;
    }
    m_listTools->setEnabled(false);
    m_error->showMessage(tr("Asking %1 for its tools…").arg(url.toDisplayString()), MessageLabel::Kind::Note);
    then(m_toolLister(url, token, m_timeout->value()), this, [this](Result<McpToolList> listed) {
        updateListToolsButton();
        if (!listed) {
            m_error->showMessage(tr("No connection: %1").arg(listed.error().message));
            return;
        }
        m_listedTools.clear();
        for (const McpTool &tool : listed->tools)
            m_listedTools.append(tool.name);
        auto *completer = new QCompleter(m_listedTools, m_tool);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        m_tool->setCompleter(completer);
        const QString tool = m_tool->text().trimmed();
        QString text = tr("Connected (MCP %1): %n tool(s): %2.", nullptr, int(m_listedTools.size()))
                           .arg(listed->protocolVersion, QLocale().createSeparatedList(m_listedTools));
        if (!tool.isEmpty() && !m_listedTools.contains(tool))
            text += QLatin1Char(' ') + tr("It offers no tool named “%1”.").arg(tool);
        m_error->showMessage(text, !tool.isEmpty() && !m_listedTools.contains(tool) ? MessageLabel::Kind::Error : MessageLabel::Kind::Note);
        if (m_listedTools.isEmpty())
            return;
        if (tool.isEmpty())
            completer->complete();   // offer them at once
    });
}

} // namespace arbor::ui
