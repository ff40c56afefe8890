#include "dialogs/triggereditoractionrow.h"
#include "dialogs/stackedpage.h"

#include "models/deliverylogmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/secretfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

QFormLayout *formOf(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return {};
}

} // namespace

TriggerEditorActionRow::TriggerEditorActionRow(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("actionRow"));
    setFrameShape(QFrame::StyledPanel);

    m_position = new QLabel;
    m_position->setObjectName(QStringLiteral("actionPosition"));
    QFont bold = m_position->font();
    bold.setBold(true);
    m_position->setFont(bold);
    m_position->setToolTip(tr("Actions run in this order: the first one first"));

    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("actionType"));
    for (ActionType type : {ActionType::Rest, ActionType::Telegram, ActionType::Mcp})
        m_type->addItem(DeliveryLogModel::actionTypeText(type), int(type));

    m_up = createButton("moveActionUpButton", "go-up", tr("Up"), tr("Run this action earlier"));
    m_down = createButton("moveActionDownButton", "go-down", tr("Down"), tr("Run this action later"));
    QToolButton *remove = createButton("removeActionButton", "list-remove", tr("Remove"), tr("Remove this action"));
    connect(m_up, &QToolButton::clicked, this, &TriggerEditorActionRow::moveUpRequested);
    connect(m_down, &QToolButton::clicked, this, &TriggerEditorActionRow::moveDownRequested);
    connect(remove, &QToolButton::clicked, this, &TriggerEditorActionRow::removeRequested);

    m_pages = new QStackedWidget;
    m_pages->addWidget(createRestPage());
    m_pages->addWidget(createTelegramPage());
    m_pages->addWidget(createMcpPage());
    showStackedPage(m_pages, 0);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        showStackedPage(m_pages, index);
        clearError();
        Q_EMIT changed();
    });

    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("actionTimeout"));
    m_timeout->setRange(100, 120000);
    m_timeout->setSingleStep(1000);
    m_timeout->setValue(Action::DefaultTimeoutMs);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setGroupSeparatorShown(true);
    m_timeout->setToolTip(tr("How long one attempt may take"));
    m_retry = new QComboBox;
    m_retry->setObjectName(QStringLiteral("actionRetry"));
    m_retry->addItem(tr("About 3 days"), RetrySchedule::standard().toJson().toVariant());
    m_retry->addItem(tr("About 4 minutes"), RetrySchedule::quick().toJson().toVariant());
    m_retry->addItem(tr("No retries"), RetrySchedule::none().toJson().toVariant());
    for (int i = 0; i < m_retry->count(); ++i) {
        if (auto schedule = RetrySchedule::named(m_retry->itemData(i).toString()))
            m_retry->setItemData(i, schedule->describe(), Qt::ToolTipRole);
    }
    m_retry->setToolTip(tr("When a delivery that failed on a connection error, a timeout, 429 or 5xx is tried again. After the last "
                           "retry it is listed as undelivered, and can be resent."));
    connect(m_timeout, &QSpinBox::valueChanged, this, &TriggerEditorActionRow::changed);
    connect(m_retry, &QComboBox::currentIndexChanged, this, &TriggerEditorActionRow::changed);

    m_error = new MessageLabel(QStringLiteral("actionError"), this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_position);
    top->addWidget(m_type);
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Timeout:")));
    top->addWidget(m_timeout);
    top->addWidget(new QLabel(tr("Retry for:")));
    top->addWidget(m_retry);
    top->addSpacing(8);
    top->addWidget(m_up);
    top->addWidget(m_down);
    top->addWidget(remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    setPosition(0, 1);
}

QToolButton *TriggerEditorActionRow::createButton(const char *objectName, const char *icon, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setObjectName(QString::fromLatin1(objectName));
    button->setIcon(QIcon::fromTheme(QString::fromLatin1(icon)));
    button->setText(text);
    button->setToolTip(toolTip);
    return button;
}

QLineEdit *TriggerEditorActionRow::createLineEdit(const char *objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, &TriggerEditorActionRow::changed);
    return edit;
}

QPlainTextEdit *TriggerEditorActionRow::createTextEdit(const char *objectName, const QString &placeholder, int lines)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    connect(edit, &QPlainTextEdit::textChanged, this, &TriggerEditorActionRow::changed);
    return edit;
}

SecretField *TriggerEditorActionRow::createSecretField(const char *objectName, const QString &what, const QString &suffix)
{
    auto *field = new SecretField(QString::fromLatin1(objectName), what);
    field->setNameSuggestion([this, suffix] { return m_secretNameBase ? m_secretNameBase() + suffix : QString(); });
    connect(field, &SecretField::changed, this, &TriggerEditorActionRow::changed);
    return field;
}

QWidget *TriggerEditorActionRow::createRestPage()
{
    auto *page = new QWidget;
    QFormLayout *form = formOf(page);
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("restMethod"));
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("GET"),
                        QStringLiteral("DELETE")});
    connect(m_method, &QComboBox::currentIndexChanged, this, &TriggerEditorActionRow::changed);
    m_url = createLineEdit("restUrl", QStringLiteral("https://hooks.example.com/arbor"));
    auto *request = new QHBoxLayout;
    request->addWidget(m_method);
    request->addWidget(m_url, 1);
    form->addRow(tr("URL:"), request);
    m_headers = createTextEdit("restHeaders", tr("One header per line, Name: value. Authenticating headers take a "
                                                 "reference: Authorization: keychain:NAME"), 2);
    form->addRow(tr("Headers:"), m_headers);
    m_body = createTextEdit("restBody", tr("Empty: the default JSON body. JSON with {{event.agentId}}-style templates, "
                                           "or a text template."), 4);
    form->addRow(tr("Body:"), m_body);
    m_signingSecret = createSecretField("restSigningSecret", tr("webhook signing secret (whsec_…)"), QStringLiteral("-signing"));
    m_signingSecret->setOffersSigningSecret(true);
    m_signingSecret->setToolTip(tr("Signs each delivery in the Standard Webhooks form; empty: unsigned"));
    form->addRow(tr("Signing secret:"), m_signingSecret);
    return page;
}

QWidget *TriggerEditorActionRow::createTelegramPage()
{
    auto *page = new QWidget;
    QFormLayout *form = formOf(page);
    m_botToken = createSecretField("telegramBotToken", tr("Telegram bot token"), QStringLiteral("-bot"));
    form->addRow(tr("Bot token:"), m_botToken);
    m_chatId = createLineEdit("telegramChatId", tr("-100123 or @channel"));
    form->addRow(tr("Chat:"), m_chatId);
    m_text = createTextEdit("telegramText", tr("Empty: a one-line summary of the event. Templates such as "
                                               "{{event.agentId}} and {{event.value | decimals}}."), 3);
    form->addRow(tr("Text:"), m_text);
    m_parseMode = new QComboBox;
    m_parseMode->setObjectName(QStringLiteral("telegramParseMode"));
    m_parseMode->addItem(tr("Plain text"), QString());
    m_parseMode->addItem(QStringLiteral("MarkdownV2"), QStringLiteral("MarkdownV2"));
    m_parseMode->addItem(QStringLiteral("HTML"), QStringLiteral("HTML"));
    m_parseMode->setToolTip(tr("Values from the event are escaped for the mode chosen"));
    connect(m_parseMode, &QComboBox::currentIndexChanged, this, &TriggerEditorActionRow::changed);
    m_apiBaseUrl = createLineEdit("telegramApiBaseUrl", QStringLiteral("https://api.telegram.org"));
    m_apiBaseUrl->setText(QStringLiteral("https://api.telegram.org"));
    auto *mode = new QHBoxLayout;
    mode->addWidget(m_parseMode);
    mode->addWidget(new QLabel(tr("API:")));
    mode->addWidget(m_apiBaseUrl, 1);
    form->addRow(tr("Format:"), mode);
    return page;
}

QWidget *TriggerEditorActionRow::createMcpPage()
{
    auto *page = new QWidget;
    QFormLayout *form = formOf(page);
    m_resolveEndpoint = new QCheckBox(tr("The agent's own endpoint, from its registration file"));
    m_resolveEndpoint->setObjectName(QStringLiteral("mcpResolveEndpoint"));
    m_resolveEndpoint->setToolTip(tr("Call the MCP service named in the registration file of the event's agent (its agentURI), "
                                     "never a URL taken from the event. The agent's own token is sent, set on the Agents page."));
    m_mcpUrl = createLineEdit("mcpUrl", QStringLiteral("https://agent.example/mcp"));
    connect(m_resolveEndpoint, &QCheckBox::toggled, this, [this] {
        updateMcpTarget();
        Q_EMIT changed();
    });
    auto *target = new QHBoxLayout;
    target->addWidget(m_mcpUrl, 1);
    target->addWidget(m_resolveEndpoint);
    form->addRow(tr("Server:"), target);
    m_verifyFileHash = new QCheckBox(tr("Verify the feedback file's hash"));
    m_verifyFileHash->setObjectName(QStringLiteral("mcpVerifyFileHash"));
    m_verifyFileHash->setToolTip(tr("Send only when the file at the feedback's feedbackURI hashes (keccak-256) to its feedbackHash; "
                                    "otherwise the delivery is not sent and the log says why."));
    connect(m_verifyFileHash, &QCheckBox::toggled, this, &TriggerEditorActionRow::changed);
    form->addRow(tr("Check:"), m_verifyFileHash);
    m_tool = createLineEdit("mcpTool", QStringLiteral("agent.receiveFeedback"));
    m_listTools = new QPushButton(tr("&List Tools"));
    m_listTools->setObjectName(QStringLiteral("mcpListTools"));
    m_listTools->setVisible(false);   // until the editor can ask (setToolLister)
    connect(m_listTools, &QPushButton::clicked, this, &TriggerEditorActionRow::listTools);
    connect(m_mcpUrl, &QLineEdit::textChanged, this, &TriggerEditorActionRow::updateListToolsButton);
    auto *toolLine = new QHBoxLayout;
    toolLine->addWidget(m_tool, 1);
    toolLine->addWidget(m_listTools);
    form->addRow(tr("Tool:"), toolLine);
    m_arguments = createTextEdit("mcpArguments", QStringLiteral("{\"agentId\": \"{{event.agentId}}\"}"), 3);
    m_arguments->setToolTip(tr("A JSON object; its texts may hold templates"));
    form->addRow(tr("Arguments:"), m_arguments);
    m_token = createSecretField("mcpToken", tr("MCP access token"), QStringLiteral("-mcp"));
    form->addRow(tr("Token:"), m_token);
    updateMcpTarget();
    return page;
}

void TriggerEditorActionRow::updateMcpTarget()
{
    const bool resolve = m_resolveEndpoint->isChecked();
    m_mcpUrl->setEnabled(!resolve);
    m_token->setEnabled(!resolve);
    m_token->setToolTip(resolve ? tr("Each agent's own token is sent, the one set for it on the Agents page (Set MCP Token…)")
                                : tr("Sent as a bearer token; empty: none"));
    if (m_listTools)
        updateListToolsButton();
}

ActionType TriggerEditorActionRow::type() const
{
    return ActionType(m_type->currentData().toInt());
}

void TriggerEditorActionRow::setAction(const Action &a)
{
    m_actionId = a.id;
    m_type->setCurrentIndex(qMax(0, m_type->findData(int(a.type))));
    m_loaded = a;
    m_timeout->setValue(a.timeoutMs);
    selectRetry(a.retry);
    switch (a.type) {
    case ActionType::Rest: {
        m_method->setCurrentText(a.method);
        m_url->setText(a.url);
        QStringList headers;
        for (const HeaderSpec &h : a.headers)
            headers.append(h.name + QStringLiteral(": ") + (h.secret ? h.secret->toString() : h.value));
        m_headers->setPlainText(headers.join(u'\n'));
        m_body->setPlainText(a.bodyIsText ? a.body.toString() : jsonText(a.body));
        m_signingSecret->setReference(a.signingSecret ? a.signingSecret->toString() : QString());
        break;
    }
    case ActionType::Telegram:
        m_botToken->setReference(a.botToken ? a.botToken->toString() : QString());
        m_chatId->setText(a.chatId);
        m_text->setPlainText(a.text);
        m_parseMode->setCurrentIndex(qMax(0, m_parseMode->findData(a.parseMode)));
        m_apiBaseUrl->setText(a.apiBaseUrl);
        break;
    case ActionType::Mcp:
        m_resolveEndpoint->setChecked(a.resolveEndpoint);
        m_verifyFileHash->setChecked(a.verifyFileHash);
        m_mcpUrl->setText(a.url);
        m_tool->setText(a.tool);
        m_arguments->setPlainText(a.arguments.isEmpty() ? QString() : jsonText(a.arguments));
        m_token->setReference(a.token ? a.token->toString() : QString());
        break;
    }
}

Result<QJsonObject> TriggerEditorActionRow::toJson(const QString &field, int priority) const
{
    QJsonObject o{{QStringLiteral("type"), actionTypeName(type())},
                  {QStringLiteral("priority"), priority},
                  {QStringLiteral("timeoutMs"), m_timeout->value()},
                  {QStringLiteral("retry"), QJsonValue::fromVariant(m_retry->currentData())}};
    if (m_loaded.failingAfterMs != Action::DefaultFailingAfterMs)
        o.insert(QStringLiteral("failingAfter"), actionToJson(m_loaded).value(QLatin1String("failingAfter")));
    const auto putText = [&o](const char *key, const QString &text) {
        if (!text.trimmed().isEmpty())
            o.insert(QLatin1String(key), text.trimmed());
    };
    switch (type()) {
    case ActionType::Rest: {
        o.insert(QStringLiteral("method"), m_method->currentText());
        putText("url", m_url->text());
        QJsonObject headers;
        const QStringList lines = m_headers->toPlainText().split(u'\n');
        for (int line = 0; line < lines.size(); ++line) {
            if (lines[line].trimmed().isEmpty())
                continue;
            const qsizetype colon = lines[line].indexOf(u':');
            if (colon <= 0) {
                return Error::invalid(field + QStringLiteral(".headers"),
                                      tr("Write each header on a line of its own as “Name: value” (line %1).").arg(line + 1));
            }
            headers.insert(lines[line].left(colon).trimmed(), lines[line].mid(colon + 1).trimmed());
        }
        if (!headers.isEmpty())
            o.insert(QStringLiteral("headers"), headers);
        const QString body = m_body->toPlainText().trimmed();
        // JSON when it reads as JSON; "{{event.x}} …" is a text template that starts with a brace.
        const bool looksLikeJson = (body.startsWith(u'{') && !body.startsWith(QLatin1String("{{"))) || body.startsWith(u'[');
        if (looksLikeJson) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
            if (document.isNull()) {
                return Error::invalid(field + QStringLiteral(".body"),
                                      tr("The body starts like JSON but is not valid JSON (%1, at character %2). "
                                         "Fix it, or write a text body.").arg(error.errorString()).arg(error.offset));
            }
            o.insert(QStringLiteral("body"), document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
        } else {
            putText("body", body);
        }
        putText("signingSecret", m_signingSecret->reference());
        // A rotation under way goes on while the secret it rotated to stays.
        if (m_loaded.previousSigningSecret && m_loaded.signingSecret && m_loaded.signingSecret->toString() == m_signingSecret->reference()) {
            const QJsonObject loaded = actionToJson(m_loaded);
            o.insert(QStringLiteral("previousSigningSecret"), loaded.value(QLatin1String("previousSigningSecret")));
            o.insert(QStringLiteral("previousSecretUntil"), loaded.value(QLatin1String("previousSecretUntil")));
        }
        break;
    }
    case ActionType::Telegram:
        putText("botToken", m_botToken->reference());
        putText("chatId", m_chatId->text());
        putText("text", m_text->toPlainText());
        if (const QString mode = m_parseMode->currentData().toString(); !mode.isEmpty())
            o.insert(QStringLiteral("parseMode"), mode);
        putText("apiBaseUrl", m_apiBaseUrl->text());
        break;
    case ActionType::Mcp: {
        if (m_resolveEndpoint->isChecked())
            o.insert(QStringLiteral("resolveEndpoint"), true);
        else
            putText("url", m_mcpUrl->text());
        if (m_verifyFileHash->isChecked())
            o.insert(QStringLiteral("verifyFileHash"), true);
        putText("tool", m_tool->text());
        const QString arguments = m_arguments->toPlainText().trimmed();
        if (!arguments.isEmpty()) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
            if (!document.isObject()) {
                return Error::invalid(field + QStringLiteral(".arguments"),
                                      tr("Write the arguments as a JSON object, such as {\"agentId\": \"{{event.agentId}}\"}."));
            }
            o.insert(QStringLiteral("arguments"), document.object());
        }
        if (!m_resolveEndpoint->isChecked())   // the agent's own token goes to the agent's own endpoint
            putText("token", m_token->reference());
        break;
    }
    }
    return o;
}

void TriggerEditorActionRow::setPosition(int index, int count)
{
    m_index = index;
    m_position->setText(QStringLiteral("%1.").arg(index + 1));
    m_up->setEnabled(index > 0);
    m_down->setEnabled(index + 1 < count);
}

QString TriggerEditorActionRow::summary() const
{
    return QStringLiteral("%1. %2").arg(m_index + 1).arg(m_type->currentText());
}

void TriggerEditorActionRow::setSecretNameBase(std::function<QString()> base)
{
    m_secretNameBase = std::move(base);
}

void TriggerEditorActionRow::useAlertTemplates()
{
    m_body->setPlaceholderText(tr("Empty: the default JSON body (the alert, its rule and chain). JSON with {{alert.title}}-style "
                                  "templates, or a text template."));
    m_text->setPlaceholderText(tr("Empty: “ALERT:” with the alert's title and text. Templates such as {{alert.title}}, "
                                  "{{alert.state}} and {{chain.name}}."));
    m_arguments->setPlaceholderText(QStringLiteral("{\"text\": \"{{alert.title}}\"}"));
    m_resolveEndpoint->setChecked(false);
    m_resolveEndpoint->hide();
    m_verifyFileHash->setChecked(false);
    m_verifyFileHash->hide();
    if (auto *form = qobject_cast<QFormLayout *>(m_verifyFileHash->parentWidget()->layout())) {
        if (QWidget *label = form->labelForField(m_verifyFileHash))
            label->hide();
    }
}

void TriggerEditorActionRow::selectRetry(const RetrySchedule &schedule)
{
    const QVariant data = schedule.toJson().toVariant();
    int index = m_retry->findData(data);
    if (index < 0) {
        m_retry->addItem(tr("Own: %1").arg(schedule.describe()), data);
        index = m_retry->count() - 1;
    }
    m_retry->setCurrentIndex(index);
}

QWidget *TriggerEditorActionRow::fieldWidget(const QString &key) const
{
    const QString k = key.section(u'.', 0, 0).section(u'[', 0, 0);
    if (k == u"timeoutMs")
        return m_timeout;
    if (k == u"retry" || k == u"maxRetries")
        return m_retry;
    switch (type()) {
    case ActionType::Rest:
        if (k == u"method")
            return m_method;
        if (k == u"url")
            return m_url;
        if (k == u"headers")
            return m_headers;
        if (k == u"body")
            return m_body;
        if (k == u"signingSecret")
            return m_signingSecret->lineEdit();
        break;
    case ActionType::Telegram:
        if (k == u"botToken")
            return m_botToken->lineEdit();
        if (k == u"chatId")
            return m_chatId;
        if (k == u"text")
            return m_text;
        if (k == u"parseMode")
            return m_parseMode;
        if (k == u"apiBaseUrl")
            return m_apiBaseUrl;
        break;
    case ActionType::Mcp:
        if (k == u"url")
            return m_resolveEndpoint->isChecked() ? static_cast<QWidget *>(m_resolveEndpoint) : m_mcpUrl;
        if (k == u"resolveEndpoint")
            return m_resolveEndpoint;
        if (k == u"verifyFileHash")
            return m_verifyFileHash;
        if (k == u"tool")
            return m_tool;
        if (k == u"arguments")
            return m_arguments;
        if (k == u"token")
            return m_token->lineEdit();
        break;
    }
    return m_type;
}

QString TriggerEditorActionRow::errorText(const QString &key, const QString &message) const
{
    // The MCP server is a URL or the checkbox beside it; the file format's words
    // ("resolveEndpoint": true) mean nothing here.
    if (type() == ActionType::Mcp && key == u"url" && m_mcpUrl->text().trimmed().isEmpty() && !m_resolveEndpoint->isChecked())
        return tr("Server: give the MCP server's URL, or tick “%1”.").arg(m_resolveEndpoint->text());
    QWidget *input = fieldWidget(key);
    QString label;
    const auto forms = findChildren<QFormLayout *>();
    for (const QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount() && label.isEmpty(); ++row) {
            QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
            QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
            if (!field || !labelItem || !qobject_cast<QLabel *>(labelItem->widget()))
                continue;
            if (field->widget() == input || (field->widget() && field->widget()->isAncestorOf(input))
                || (field->layout() && field->layout()->indexOf(input) >= 0))
                label = qobject_cast<QLabel *>(labelItem->widget())->text();
        }
    }
    label.remove(u'&');
    while (label.endsWith(u':'))
        label.chop(1);
    if (label.isEmpty() || input == m_type)
        return message;
    // A part of the field ("headers.Authorization") says which header.
    const QString part = key.contains(u'.') ? key.section(u'.', 1) : QString();
    return part.isEmpty() ? tr("%1: %2", "field label, what is wrong").arg(label, message)
                          : tr("%1 (%2): %3", "field label, part of it, what is wrong").arg(label, part, message);
}

void TriggerEditorActionRow::showError(const QString &message)
{
    m_error->showMessage(message);
}

void TriggerEditorActionRow::clearError()
{
    m_error->clearMessage();
}

} // namespace arbor::ui
