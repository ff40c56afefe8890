#include "widgets/agentdetailpane.h"

#include "models/agentlistmodel.h"
#include "widgets/themecolors.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

// Chain data can be long (a data: agentURI holds the whole file); the tooltip has the rest.
constexpr int MaxShown = 300;
constexpr int MaxToolTip = 2000;

QLabel *valueLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);   // chain data is never rendered as rich text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);   // a long word from chain data must not widen the pane
    return label;
}

void setText(QLabel *label, const QString &text)
{
    label->setText(text.size() > MaxShown ? text.left(MaxShown) + QStringLiteral("…") : text);
    label->setToolTip(text.size() > MaxShown ? text.left(MaxToolTip) : QString());
}

void setMuted(QLabel *label, bool muted)
{
    label->setForegroundRole(muted ? QPalette::PlaceholderText : QPalette::WindowText);
}

QTreeWidget *createList(const char *objectName, const QStringList &headers)
{
    auto *list = new QTreeWidget;
    list->setObjectName(QLatin1String(objectName));
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->setTextElideMode(Qt::ElideMiddle);
    list->header()->setStretchLastSection(true);
    return list;
}

QString shortHash(const QString &hex)
{
    return hex.size() > 14 ? hex.left(8) + QStringLiteral("…") + hex.right(6) : hex;
}

} // namespace

AgentDetailPane::AgentDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("agentDetailPane"));

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("agentDetailMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("agentDetailTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addLayout(m_buttons);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("agentDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_services = createList("agentServices", {tr("Service"), tr("Endpoint"), tr("Version")});
    m_services->header()->resizeSection(0, 90);
    m_services->header()->resizeSection(1, 320);
    m_tabs->addTab(m_services, tr("Services"));
    m_tabs->addTab(createReputation(), tr("Reputation"));
    m_validations = createList("agentValidations", {tr("Validator"), tr("Request"), tr("Status"), tr("Tag")});
    m_validations->header()->resizeSection(0, 330);
    m_validations->header()->resizeSection(1, 140);
    m_validations->header()->resizeSection(2, 130);
    m_noValidations = new QLabel(tr("No validation was requested for this agent."));
    m_noValidations->setObjectName(QStringLiteral("agentNoValidations"));
    m_noValidations->setForegroundRole(QPalette::PlaceholderText);
    auto *validations = new QWidget;
    auto *validationsLayout = new QVBoxLayout(validations);
    validationsLayout->setContentsMargins(0, 4, 0, 0);
    validationsLayout->addWidget(m_noValidations);
    validationsLayout->addWidget(m_validations, 1);
    m_tabs->addTab(validations, tr("Validations"));

    auto *body = new QHBoxLayout;
    body->addWidget(createSummary(), 2);
    body->addWidget(m_tabs, 3);

    m_content = new QWidget;
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addLayout(body, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_content, 1);
    showMessage(QString());
}

QWidget *AgentDetailPane::createSummary()
{
    m_owner = valueLabel("agentDetailOwner");
    m_uri = valueLabel("agentDetailUri");
    m_registration = valueLabel("agentDetailRegistration");
    m_description = valueLabel("agentDetailDescription");
    m_image = valueLabel("agentDetailImage");
    m_image->setToolTip(tr("The image's address as the registration file gives it. Arbor does not fetch images named in chain data."));
    m_active = valueLabel("agentDetailActive");
    m_trust = valueLabel("agentDetailTrust");
    m_token = valueLabel("agentDetailToken");

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    const std::pair<QString, QLabel *> rows[] = {
        {tr("Owner:"), m_owner},           {tr("agentURI:"), m_uri},     {tr("Registration file:"), m_registration},
        {tr("Description:"), m_description}, {tr("Image:"), m_image},   {tr("Active:"), m_active},
        {tr("Trust models:"), m_trust},    {tr("MCP token:"), m_token},
    };
    for (const auto &[caption, value] : rows) {
        auto *label = new QLabel(caption);
        label->setBuddy(value);
        layout->addRow(label, value);
    }
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("agentDetailSummary"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(form);
    return scroll;
}

QWidget *AgentDetailPane::createReputation()
{
    m_feedback = valueLabel("agentFeedbackSummary");
    m_tags = createList("agentTagAverages", {tr("Tag"), tr("Feedback"), tr("Average value")});
    m_tags->header()->resizeSection(0, 160);
    m_tags->header()->resizeSection(1, 90);
    m_latest = valueLabel("agentLatestFeedback");
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_feedback);
    layout->addWidget(m_tags, 1);
    layout->addWidget(m_latest);
    layout->addStretch(0);
    return page;
}

void AgentDetailPane::setActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton;
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setDefaultAction(action);
        m_buttons->addWidget(button);
    }
}

void AgentDetailPane::showMessage(const QString &message)
{
    m_shown.reset();
    m_message->setText(message);
    m_message->show();
    m_content->hide();
}

void AgentDetailPane::showAgent(const AgentRecord &agent)
{
    if (m_shown != agent.agentId) {
        showValidations({});   // another agent's until its own are read
        m_shown = agent.agentId;
    }
    const QString id = u256::toDecimal(agent.agentId);
    const QString name = AgentListModel::nameOf(agent);
    m_title->setText(name.isEmpty() ? tr("Agent %1").arg(id) : tr("Agent %1 — %2").arg(id, name));
    m_owner->setText(agent.owner ? agent.owner->toChecksumHex() : tr("unknown"));
    m_uri->setText(AgentListModel::uriText(agent.uri));
    m_uri->setToolTip(agent.uri.left(MaxToolTip));
    setMuted(m_uri, agent.uri.isEmpty());

    const AgentListModel::RegistrationState state = AgentListModel::registrationState(agent);
    const bool failed = state == AgentListModel::RegistrationState::Failed;
    setText(m_registration, state == AgentListModel::RegistrationState::Ok ? AgentListModel::registrationDetails(agent)
                            : failed ? tr("Failed: %1").arg(agent.resolved->error)
                                     : AgentListModel::registrationDetails(agent));
    m_registration->setToolTip(AgentListModel::registrationDetails(agent).left(MaxToolTip));
    QPalette palette = m_registration->palette();
    palette.setColor(QPalette::WindowText, failed ? themecolors::errorText(palette) : QGuiApplication::palette().color(QPalette::WindowText));
    m_registration->setPalette(palette);

    const std::optional<QJsonObject> registration = AgentListModel::registrationOf(agent);
    const QJsonObject r = registration.value_or(QJsonObject());
    const QString notRead = registration ? QString() : tr("not known: the registration file has not been read");
    const QString description = r.value(QLatin1String("description")).toString();
    const QString image = r.value(QLatin1String("image")).toString();
    setText(m_description, registration ? (description.isEmpty() ? tr("none") : description) : notRead);
    setMuted(m_description, description.isEmpty());
    setText(m_image, registration ? (image.isEmpty() ? tr("none") : image) : notRead);
    setMuted(m_image, image.isEmpty());
    m_active->setText(!r.contains(QLatin1String("active")) ? (registration ? tr("not said") : notRead)
                      : r.value(QLatin1String("active")).toBool() ? tr("yes")
                                                                   : tr("no"));
    setMuted(m_active, !r.contains(QLatin1String("active")));
    QStringList trust;
    for (const QJsonValue &v : r.value(QLatin1String("supportedTrust")).toArray())
        trust.append(v.toString());
    setText(m_trust, registration ? (trust.isEmpty() ? tr("none named") : trust.join(QStringLiteral(", "))) : notRead);
    setMuted(m_trust, trust.isEmpty());
    m_token->setText(agent.mcpToken ? agent.mcpToken->toString() : tr("none: MCP actions send no token to this agent"));
    setMuted(m_token, !agent.mcpToken);

    m_services->clear();
    const auto mcp = mcpServiceOf(r);
    for (const QJsonValue &v : r.value(QLatin1String("services")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString endpoint = s.value(QLatin1String("endpoint")).toString();
        auto *item = new QTreeWidgetItem(m_services, {s.value(QLatin1String("name")).toString(), endpoint.left(MaxShown),
                                                      s.value(QLatin1String("version")).toString()});
        item->setToolTip(1, endpoint.left(MaxToolTip));
        if (mcp && mcp->first == endpoint && s.value(QLatin1String("name")).toString().compare(QLatin1String("MCP"), Qt::CaseInsensitive) == 0) {
            for (int column = 0; column < 3; ++column)
                item->setToolTip(column, tr("MCP actions that call the agent's own endpoint call this one: %1").arg(endpoint.left(MaxToolTip)));
        }
    }
    m_tabs->setTabText(0, tr("Services (%1)").arg(m_services->topLevelItemCount()));
    showReputation(agent.reputation);

    m_message->hide();
    m_content->show();
}

void AgentDetailPane::showReputation(const AgentReputation &reputation)
{
    const QLocale locale;
    m_feedback->setText(AgentListModel::feedbackSummary(reputation));
    m_tags->clear();
    for (const TagAverage &t : reputation.tags) {
        auto *item = new QTreeWidgetItem(m_tags, {t.tag.isEmpty() ? tr("(no tag)") : t.tag, locale.toString(t.count), t.average});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tags->setVisible(!reputation.tags.isEmpty());
    if (!reputation.latest) {
        m_latest->clear();
        m_latest->hide();
        return;
    }
    const FeedbackSummary &f = *reputation.latest;
    QStringList tags;
    for (const QString &tag : {f.tag1, f.tag2}) {
        if (!tag.isEmpty())
            tags.append(tag);
    }
    QString text = tags.isEmpty() ? tr("Latest: %1 from %2 at block %3.").arg(f.value, f.client, locale.toString(f.blockNumber))
                                  : tr("Latest: %1 from %2 at block %3, tagged %4.")
                                        .arg(f.value, f.client, locale.toString(f.blockNumber), tags.join(QStringLiteral(", ")));
    if (f.revoked)
        text += u' ' + tr("It was revoked.");
    if (!f.feedbackUri.isEmpty())
        text += u'\n' + tr("Feedback file: %1").arg(f.feedbackUri.left(MaxShown));
    m_latest->setText(text);
    m_latest->setToolTip(f.txHash.isEmpty() ? QString() : tr("Transaction %1").arg(f.txHash));
    m_latest->show();
}

void AgentDetailPane::showDetail(const AgentDetail &detail)
{
    showAgent(detail.agent);
    showValidations(detail.validations);
}

void AgentDetailPane::showValidations(const QList<ValidationRecord> &validations)
{
    m_validations->clear();
    for (const ValidationRecord &v : validations) {
        const QString status = v.response ? tr("responded: %1").arg(*v.response) : tr("pending");
        auto *item = new QTreeWidgetItem(m_validations, {v.validator.toChecksumHex(), shortHash(v.requestHash.toHex()), status, v.tag});
        QString request = v.requestHash.toHex();
        if (!v.requestUri.isEmpty())
            request += u'\n' + v.requestUri.left(MaxShown);
        if (v.requestBlock > 0)
            request += u'\n' + tr("Requested at block %1").arg(v.requestBlock);
        item->setToolTip(1, request);
        if (v.response) {
            QString response = tr("Responded at block %1").arg(v.responseBlock);
            if (!v.responseUri.isEmpty())
                response += u'\n' + v.responseUri.left(MaxShown);
            item->setToolTip(2, response);
        }
    }
    m_validations->setVisible(!validations.isEmpty());
    m_noValidations->setVisible(validations.isEmpty());
    m_tabs->setTabText(2, tr("Validations (%1)").arg(validations.size()));
}

} // namespace arbor::ui
