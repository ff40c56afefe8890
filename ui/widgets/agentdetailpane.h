#pragma once

#include "store/agentstore.h"

#include <QWidget>

#include <optional>

class QAction;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QTabWidget;
class QTreeWidget;

namespace arbor::ui {

/**
 * One ERC-8004 agent in detail, under the Agents page's table: owner, agentURI and how its
 * registration file fared; what the file says (description, image, whether active, every
 * service with its endpoint and version); the MCP token; reputation (feedback and revocations,
 * the average value per tag, the latest feedback) and validations (validator, request, responded
 * or pending).
 *
 * It renders snapshots and reads nothing: showAgent() with the list's record, showDetail() once
 * the validations are read. Everything from chain data is shown as plain text; the image is its
 * address, never fetched.
 *
 * Thread: the GUI thread.
 */
class AgentDetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit AgentDetailPane(QWidget *parent = nullptr);

    /// Buttons for `actions` beside the agent's title (they follow the actions' state).
    void setActions(const QList<QAction *> &actions);
    /// No agent: `message` in its place.
    void showMessage(const QString &message);
    /// The agent as the list has it; validations keep what was shown until showDetail().
    void showAgent(const arbor::AgentRecord &agent);
    void showDetail(const arbor::AgentDetail &detail);

private:
    QWidget *createSummary();
    QWidget *createReputation();
    void showValidations(const QList<arbor::ValidationRecord> &validations);
    void showReputation(const arbor::AgentReputation &reputation);

    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_title = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_uri = nullptr;
    QLabel *m_registration = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_image = nullptr;
    QLabel *m_active = nullptr;
    QLabel *m_trust = nullptr;
    QLabel *m_token = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_services = nullptr;
    QLabel *m_feedback = nullptr;
    QTreeWidget *m_tags = nullptr;
    QLabel *m_latest = nullptr;
    QTreeWidget *m_validations = nullptr;
    QLabel *m_noValidations = nullptr;
    std::optional<arbor::U256> m_shown;   ///< the agent shown, whose validations the list holds
};

} // namespace arbor::ui
