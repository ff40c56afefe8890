#include "dialogs/triggereditorconditionrow.h"
#include "dialogs/stackedpage.h"

#include "model/u256.h"
#include "widgets/messagelabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

const ConditionType Types[] = {ConditionType::EventTypeEquals, ConditionType::AgentIdEquals,
                               ConditionType::ValueThreshold,  ConditionType::TagEquals,
                               ConditionType::ValidatorWhitelist, ConditionType::FileUriExists,
                               ConditionType::EmaThreshold,    ConditionType::RateLimit};
const CompareOp Operators[] = {CompareOp::Less,         CompareOp::LessEqual, CompareOp::Greater,
                               CompareOp::GreaterEqual, CompareOp::Equal,     CompareOp::NotEqual};

QLabel *caption(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QHBoxLayout *pageLayout(QWidget *page)
{
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

/// "1h" for 3600 seconds; the parser reads the same forms.
QString windowText(qint64 seconds)
{
    if (seconds % 86400 == 0)
        return QString::number(seconds / 86400) + QLatin1Char('d');
    if (seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}

void selectData(QComboBox *combo, int value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(value)));
}

} // namespace

TriggerEditorConditionRow::TriggerEditorConditionRow(RegistryKind registry, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("conditionRow"));
    setFrameShape(QFrame::StyledPanel);

    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("conditionType"));
    m_type->addItem(tr("Event is"), int(ConditionType::EventTypeEquals));
    m_type->addItem(tr("Agent is"), int(ConditionType::AgentIdEquals));
    m_type->addItem(tr("Feedback value"), int(ConditionType::ValueThreshold));
    m_type->addItem(tr("Tag is"), int(ConditionType::TagEquals));
    m_type->addItem(tr("Validator is one of"), int(ConditionType::ValidatorWhitelist));
    m_type->addItem(tr("Carries a URI"), int(ConditionType::FileUriExists));
    m_type->addItem(tr("Average value (EMA)"), int(ConditionType::EmaThreshold));
    m_type->addItem(tr("Rate limit"), int(ConditionType::RateLimit));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemData(i, conditionTypeName(ConditionType(m_type->itemData(i).toInt())), Qt::ToolTipRole);

    m_pages = new QStackedWidget;
    for (ConditionType type : Types)
        m_pages->addWidget(createPage(type));
    showStackedPage(m_pages, 0);
    setRegistry(registry);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        showStackedPage(m_pages, index);
        clearError();
        Q_EMIT changed();
    });

    auto *remove = new QToolButton;
    remove->setObjectName(QStringLiteral("removeConditionButton"));
    remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this condition"));
    remove->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    connect(remove, &QToolButton::clicked, this, &TriggerEditorConditionRow::removeRequested);

    m_error = new MessageLabel(QStringLiteral("conditionError"), this);

    auto *top = new QHBoxLayout;
    top->addWidget(m_type);
    top->addWidget(m_pages, 1);
    top->addWidget(remove, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_error);
}

QComboBox *TriggerEditorConditionRow::createOperatorCombo(const char *objectName)
{
    auto *combo = new QComboBox;
    combo->setObjectName(QString::fromLatin1(objectName));
    for (CompareOp op : Operators)
        combo->addItem(compareOpText(op), int(op));
    connect(combo, &QComboBox::currentIndexChanged, this, &TriggerEditorConditionRow::changed);
    return combo;
}

QLineEdit *TriggerEditorConditionRow::createLineEdit(const char *objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, &TriggerEditorConditionRow::changed);
    return edit;
}

QSpinBox *TriggerEditorConditionRow::createSpinBox(const char *objectName, int min, int max, int value)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(min, max);
    spin->setValue(value);
    connect(spin, &QSpinBox::valueChanged, this, &TriggerEditorConditionRow::changed);
    return spin;
}

QWidget *TriggerEditorConditionRow::createPage(ConditionType type)
{
    auto *page = new QWidget;
    QHBoxLayout *layout = pageLayout(page);
    switch (type) {
    case ConditionType::EventTypeEquals:
        m_event = new QComboBox;
        m_event->setObjectName(QStringLiteral("conditionEvent"));
        connect(m_event, &QComboBox::currentIndexChanged, this, &TriggerEditorConditionRow::changed);
        layout->addWidget(m_event, 1);
        break;
    case ConditionType::AgentIdEquals:
        m_agentId = createLineEdit("conditionAgentId", tr("Agent id, such as 3"));
        layout->addWidget(m_agentId, 1);
        break;
    case ConditionType::ValueThreshold:
        m_valueOperator = createOperatorCombo("conditionOperator");
        m_value = createLineEdit("conditionValue", QStringLiteral("-1.5"));
        m_value->setToolTip(tr("Compared exactly with the feedback's value scaled by its decimals"));
        layout->addWidget(m_valueOperator);
        layout->addWidget(m_value, 1);
        break;
    case ConditionType::TagEquals:
        m_tag = createLineEdit("conditionTag", QStringLiteral("uptime"));
        m_tag->setToolTip(tr("Matches when tag1 or tag2 is this tag"));
        layout->addWidget(m_tag, 1);
        break;
    case ConditionType::ValidatorWhitelist:
        m_validators = new QPlainTextEdit;
        m_validators->setObjectName(QStringLiteral("conditionValidators"));
        m_validators->setPlaceholderText(tr("One validator address (0x…) per line"));
        m_validators->setTabChangesFocus(true);
        m_validators->setFixedHeight(m_validators->fontMetrics().lineSpacing() * 3 + 12);
        connect(m_validators, &QPlainTextEdit::textChanged, this, &TriggerEditorConditionRow::changed);
        layout->addWidget(m_validators, 1);
        break;
    case ConditionType::FileUriExists: {
        auto *note = caption(tr("The event carries a feedback, response, request or agent URI."));
        note->setWordWrap(true);
        layout->addWidget(note, 1);
        break;
    }
    case ConditionType::EmaThreshold:
        m_emaOperator = createOperatorCombo("conditionEmaOperator");
        m_emaValue = createLineEdit("conditionEmaValue", QStringLiteral("50"));
        m_smoothing = new QComboBox;
        m_smoothing->setObjectName(QStringLiteral("conditionSmoothing"));
        m_smoothing->addItem(tr("alpha"));
        m_smoothing->addItem(tr("window"));
        m_smoothing->setToolTip(tr("Smoothing: a factor in (0, 1], or a window of N samples (alpha = 2/(N+1))"));
        m_alpha = createLineEdit("conditionAlpha", QStringLiteral("0.2"));
        m_alpha->setText(QStringLiteral("0.2"));
        m_emaWindow = createSpinBox("conditionWindow", 1, 100000, 10);
        m_emaWindow->hide();
        m_minSamples = createSpinBox("conditionMinSamples", 1, 100000, 1);
        m_minSamples->setToolTip(tr("No match before this many values were averaged"));
        connect(m_smoothing, &QComboBox::currentIndexChanged, this, [this](int index) {
            m_alpha->setVisible(index == 0);
            m_emaWindow->setVisible(index == 1);
            Q_EMIT changed();
        });
        layout->addWidget(m_emaOperator);
        layout->addWidget(m_emaValue, 1);
        layout->addWidget(m_smoothing);
        layout->addWidget(m_alpha);
        layout->addWidget(m_emaWindow);
        layout->addWidget(caption(tr("after")));
        layout->addWidget(m_minSamples);
        break;
    case ConditionType::RateLimit:
        m_max = createSpinBox("conditionMax", 1, 1000000, 3);
        m_max->setPrefix(tr("at most "));
        m_rateWindow = createLineEdit("conditionRateWindow", QStringLiteral("1h"));
        m_rateWindow->setText(QStringLiteral("1h"));
        m_rateWindow->setToolTip(tr("A duration: 30s, 15m, 1h, 1d"));
        m_resetOnFire = new QCheckBox(tr("Mute until quiet"));
        m_resetOnFire->setObjectName(QStringLiteral("conditionResetOnFire"));
        m_resetOnFire->setToolTip(tr("After the limit, stay silent until a whole window passes without firing"));
        connect(m_resetOnFire, &QCheckBox::toggled, this, &TriggerEditorConditionRow::changed);
        layout->addWidget(m_max);
        layout->addWidget(caption(tr("per")));
        layout->addWidget(m_rateWindow, 1);
        layout->addWidget(m_resetOnFire);
        break;
    }
    return page;
}

ConditionType TriggerEditorConditionRow::type() const
{
    return ConditionType(m_type->currentData().toInt());
}

void TriggerEditorConditionRow::setRegistry(RegistryKind registry)
{
    const QString current = m_event->currentText();
    const QSignalBlocker blocker(m_event);
    m_event->clear();
    m_event->addItems(registryEventNames(registry));
    if (const int index = m_event->findText(current); index >= 0)
        m_event->setCurrentIndex(index);
}

void TriggerEditorConditionRow::setCondition(const Condition &c)
{
    selectData(m_type, int(c.type));
    switch (c.type) {
    case ConditionType::EventTypeEquals:
        if (m_event->findText(c.event) < 0)
            m_event->addItem(c.event);
        m_event->setCurrentText(c.event);
        break;
    case ConditionType::AgentIdEquals:
        m_agentId->setText(u256::toDecimal(c.agentId));
        break;
    case ConditionType::ValueThreshold:
        selectData(m_valueOperator, int(c.op));
        m_value->setText(c.value);
        break;
    case ConditionType::TagEquals:
        m_tag->setText(c.tag);
        break;
    case ConditionType::ValidatorWhitelist: {
        QStringList lines;
        for (const Address &a : c.validators)
            lines.append(a.toHex());
        m_validators->setPlainText(lines.join(u'\n'));
        break;
    }
    case ConditionType::FileUriExists:
        break;
    case ConditionType::EmaThreshold:
        selectData(m_emaOperator, int(c.op));
        m_emaValue->setText(c.value);
        m_smoothing->setCurrentIndex(c.alpha.isEmpty() ? 1 : 0);
        m_alpha->setText(c.alpha);
        if (c.window > 0)
            m_emaWindow->setValue(c.window);
        m_minSamples->setValue(c.minSamples);
        break;
    case ConditionType::RateLimit:
        m_max->setValue(c.max);
        m_rateWindow->setText(windowText(c.windowSeconds));
        m_resetOnFire->setChecked(c.resetOnFire);
        break;
    }
}

QJsonObject TriggerEditorConditionRow::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), conditionTypeName(type())}};
    const auto putText = [&o](const char *key, const QString &text) {
        if (!text.trimmed().isEmpty())
            o.insert(QLatin1String(key), text.trimmed());
    };
    switch (type()) {
    case ConditionType::EventTypeEquals:
        putText("event", m_event->currentText());
        break;
    case ConditionType::AgentIdEquals:
        putText("agentId", m_agentId->text());
        break;
    case ConditionType::ValueThreshold:
        o.insert(QStringLiteral("operator"), m_valueOperator->currentText());
        putText("value", m_value->text());
        break;
    case ConditionType::TagEquals:
        putText("tag", m_tag->text());
        break;
    case ConditionType::ValidatorWhitelist: {
        static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
        QJsonArray list;
        for (const QString &address : m_validators->toPlainText().split(separators, Qt::SkipEmptyParts))
            list.append(address);
        o.insert(QStringLiteral("validators"), list);
        break;
    }
    case ConditionType::FileUriExists:
        break;
    case ConditionType::EmaThreshold:
        o.insert(QStringLiteral("operator"), m_emaOperator->currentText());
        putText("value", m_emaValue->text());
        if (m_smoothing->currentIndex() == 0)
            putText("alpha", m_alpha->text());
        else
            o.insert(QStringLiteral("window"), m_emaWindow->value());
        o.insert(QStringLiteral("minSamples"), m_minSamples->value());
        break;
    case ConditionType::RateLimit:
        o.insert(QStringLiteral("max"), m_max->value());
        putText("window", m_rateWindow->text());
        if (m_resetOnFire->isChecked())
            o.insert(QStringLiteral("resetOnFire"), true);
        break;
    }
    return o;
}

QWidget *TriggerEditorConditionRow::fieldWidget(const QString &key) const
{
    const QString k = key.section(u'[', 0, 0);
    switch (type()) {
    case ConditionType::EventTypeEquals:
        return k == u"event" ? m_event : m_type;
    case ConditionType::AgentIdEquals:
        return k == u"agentId" ? static_cast<QWidget *>(m_agentId) : m_type;
    case ConditionType::ValueThreshold:
        if (k == u"operator")
            return m_valueOperator;
        return k == u"value" ? static_cast<QWidget *>(m_value) : m_type;
    case ConditionType::TagEquals:
        return k == u"tag" ? static_cast<QWidget *>(m_tag) : m_type;
    case ConditionType::ValidatorWhitelist:
        return k == u"validators" ? static_cast<QWidget *>(m_validators) : m_type;
    case ConditionType::FileUriExists:
        return m_type;
    case ConditionType::EmaThreshold:
        if (k == u"operator")
            return m_emaOperator;
        if (k == u"value")
            return m_emaValue;
        if (k == u"alpha" || k.isEmpty())
            return m_smoothing->currentIndex() == 0 ? static_cast<QWidget *>(m_alpha) : m_emaWindow;
        if (k == u"window")
            return m_emaWindow;
        return k == u"minSamples" ? static_cast<QWidget *>(m_minSamples) : m_type;
    case ConditionType::RateLimit:
        if (k == u"max")
            return m_max;
        return k == u"window" ? static_cast<QWidget *>(m_rateWindow) : m_type;
    }
    return m_type;
}

void TriggerEditorConditionRow::showError(const QString &message)
{
    m_error->showMessage(message);
}

void TriggerEditorConditionRow::clearError()
{
    m_error->clearMessage();
}

} // namespace arbor::ui
