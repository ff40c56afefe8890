#include "dialogs/triggereditorpreview.h"

#include "model/u256.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

/// JSON indented for reading; anything else as it is.
QString readable(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isNull())
        return QString::fromUtf8(body);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

TriggerEditorPreview::TriggerEditorPreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("triggerPreview"));

    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("previewActionCombo"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_action, &QComboBox::currentIndexChanged, this, &TriggerEditorPreview::currentActionChanged);

    m_source = new QLabel;
    m_source->setObjectName(QStringLiteral("previewSource"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    m_source->setForegroundRole(QPalette::PlaceholderText);

    m_output = new QPlainTextEdit;
    m_output->setObjectName(QStringLiteral("previewOutput"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMinimumHeight(m_output->fontMetrics().lineSpacing() * 6);

    auto *heading = new QLabel(tr("Preview of"));
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addWidget(m_action);
    top->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_source);
    layout->addWidget(m_output, 1);
    showLoading();
}

void TriggerEditorPreview::setActions(const QStringList &summaries)
{
    const int current = m_action->currentIndex();
    const QSignalBlocker blocker(m_action);
    m_action->clear();
    m_action->addItems(summaries);
    m_action->setCurrentIndex(summaries.isEmpty() ? -1 : qBound(0, current, int(summaries.size()) - 1));
}

int TriggerEditorPreview::currentAction() const
{
    return m_action->currentIndex();
}

void TriggerEditorPreview::setCurrentAction(int index)
{
    if (index >= 0 && index < m_action->count())
        m_action->setCurrentIndex(index);
}

void TriggerEditorPreview::showLoading()
{
    m_event.reset();
    m_source->setText(tr("Reading the newest stored event that meets the conditions…"));
    m_output->clear();
}

void TriggerEditorPreview::setEvent(const SampleEvent &sample, const QString &registry, const QString &chainName)
{
    m_event = sample.event;
    if (!sample.event) {
        m_source->setText(tr("No event of the %1 registry is indexed on “%2” yet, so there is nothing to render the templates "
                             "with. They are still checked when you save.").arg(registry, chainName));
        m_output->clear();
        return;
    }
    const AgentEvent &e = sample.event->event;
    if (sample.matches) {
        m_source->setText(tr("Rendered from the newest event on “%1” that meets the conditions: %2 of agent %3 in block %4. "
                             "Nothing is sent.")
                              .arg(chainName, e.event, u256::toDecimal(e.agentId))
                              .arg(e.blockNumber));
        return;
    }
    m_source->setText(tr("None of the newest %n event(s) of the %1 registry on “%2” meets the conditions, so this is rendered "
                         "from the newest one: %3 of agent %4 in block %5. Nothing is sent.", nullptr, int(sample.scanned))
                          .arg(registry, chainName, e.event, u256::toDecimal(e.agentId))
                          .arg(e.blockNumber));
}

void TriggerEditorPreview::showReadError(const QString &message)
{
    m_event.reset();
    m_source->setText(tr("Could not read a stored event for the preview: %1").arg(message));
    m_output->clear();
}

void TriggerEditorPreview::render(const TriggerDef &trigger, const Result<Action> &action, const QString &chainName)
{
    if (!m_event)
        return;
    if (!action) {
        m_output->setPlainText(tr("This action cannot be rendered yet: %1").arg(action.error().toString()));
        return;
    }
    const QJsonObject context = payloadContext(QStringLiteral("dlv_preview"), trigger, *action, eventToJson(*m_event), chainName);
    const Result<RenderedPayload> rendered = renderPayload(*action, context);
    if (!rendered) {
        m_output->setPlainText(tr("Would not be sent: %1").arg(rendered.error().toString()));
        return;
    }
    QString head;
    switch (action->type) {
    case ActionType::Rest:
        head = action->method + u' ' + action->url;
        break;
    case ActionType::Telegram:
        head = tr("sendMessage to chat %1").arg(action->chatId);
        if (!action->parseMode.isEmpty())
            head += QStringLiteral(" (") + action->parseMode + u')';
        break;
    case ActionType::Mcp:
        head = tr("tools/call %1 at %2").arg(action->tool, rendered->target.isEmpty() ? action->url : rendered->target);
        break;
    }
    const QString body = action->type == ActionType::Telegram ? QString::fromUtf8(rendered->body) : readable(rendered->body);
    m_output->setPlainText(head + QStringLiteral("\n\n") + body);
}

QString TriggerEditorPreview::text() const
{
    return m_output->toPlainText();
}

} // namespace arbor::ui
