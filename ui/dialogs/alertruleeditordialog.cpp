#include "dialogs/alertruleeditordialog.h"

#include "dialogs/triggereditoractionrow.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "models/alertrulemodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/screenfit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

struct ThresholdShape
{
    double defaultValue;
    double maximum;
    int decimals;
};

// Wide enough to type what parseAlertRule() refuses (0 blocks): its message says why, naming
// the field, as `arborctl alert rule add` would.
ThresholdShape thresholdShape(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Stalled:
        return {10, 10080, 1};
    case AlertKind::LagBlocks:
        return {100, 1e12, 0};
    case AlertKind::LagSeconds:
        return {300, 31536000, 0};
    case AlertKind::RpcErrorRate:
        return {20, 100, 1};
    case AlertKind::DeepReorg:
        return {3, 1e9, 0};
    case AlertKind::RpcDown:
    case AlertKind::QueueDelayed:
    case AlertKind::QueueErrors:
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        break;
    }
    return {0, 0, 0};
}

} // namespace

AlertRuleEditorDialog::AlertRuleEditorDialog(AlertService *alerts, ChainService *chains, const std::optional<AlertRule> &existing, QWidget *parent)
    : QDialog(parent)
    , m_alerts(alerts), m_chains(chains)
    , m_existing(existing)
{
    Q_ASSERT(alerts);
    setObjectName(QStringLiteral("alertRuleEditorDialog"));
    setWindowTitle(existing ? tr("Edit Alert Rule") : tr("New Alert Rule"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createGeneral());
    contentLayout->addWidget(createActions());
    contentLayout->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("alertRuleEditorScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    m_error = new MessageLabel(QStringLiteral("alertRuleEditorError"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveAlertRuleButton"));
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &AlertRuleEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(820, 640));

    if (existing)
        load(*existing);
    else
        onKindChanged(true);
    m_name->setFocus();
}

AlertRuleEditorDialog::~AlertRuleEditorDialog() = default;

QWidget *AlertRuleEditorDialog::createGeneral()
{
    auto *box = new QGroupBox(tr("Rule"));
    m_form = new QFormLayout(box);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("alertRuleNameEdit"));
    m_name->setMaxLength(AlertRule::MaxNameLength);
    m_name->setPlaceholderText(tr("Lag on Base"));

    m_chain = new QComboBox;
    m_chain->setObjectName(QStringLiteral("alertRuleChainCombo"));
    m_chain->addItem(tr("All chains"), QVariant());
    for (const ChainRecord &chain : m_chains->snapshot()) {
        if (chain.state != ChainState::Deleting)
            m_chain->addItem(tr("%1 (%2)").arg(chain.config.name).arg(chain.config.chainId), chain.config.chainId);
    }
    m_chain->setToolTip(tr("All chains: one alert per chain the condition holds for, chains added later included"));

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("alertRuleKindCombo"));
    for (AlertKind kind : alertKinds())
        m_kind->addItem(AlertRuleModel::kindText(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(AlertKind::LagBlocks)));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { onKindChanged(true); });
    m_kindHint = new QLabel;
    m_kindHint->setObjectName(QStringLiteral("alertRuleKindHint"));
    m_kindHint->setWordWrap(true);
    m_kindHint->setForegroundRole(QPalette::PlaceholderText);

    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName(QStringLiteral("alertRuleThresholdSpin"));
    m_threshold->setGroupSeparatorShown(true);
    m_threshold->setMinimumWidth(160);

    m_forSeconds = new QSpinBox;
    m_forSeconds->setObjectName(QStringLiteral("alertRuleForSpin"));
    m_forSeconds->setRange(0, AlertRule::MaxForSeconds);
    m_forSeconds->setValue(AlertRule::DefaultForSeconds);
    m_forSeconds->setSuffix(tr(" s"));
    m_forSeconds->setSpecialValueText(tr("at once"));
    m_forSeconds->setToolTip(tr("How long the condition must hold before the alert is raised: a blip is no alert"));

    m_sendResolved = new QCheckBox(tr("&Deliver the end of the alert too"));
    m_sendResolved->setObjectName(QStringLiteral("alertRuleSendResolvedCheck"));
    m_sendResolved->setChecked(true);
    m_sendResolved->setToolTip(tr("The actions run again, marked “resolved”, when the condition is over"));
    m_enabled = new QCheckBox(tr("&Enabled"));
    m_enabled->setObjectName(QStringLiteral("alertRuleEnabledCheck"));
    m_enabled->setChecked(true);

    auto *kindLabel = new QLabel(tr("&Kind:"));
    kindLabel->setBuddy(m_kind);
    auto *chainLabel = new QLabel(tr("&Chain:"));
    chainLabel->setBuddy(m_chain);
    auto *thresholdLabel = new QLabel(tr("&Threshold:"));
    thresholdLabel->setBuddy(m_threshold);
    auto *forLabel = new QLabel(tr("&For:"));
    forLabel->setBuddy(m_forSeconds);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(chainLabel, m_chain);
    m_form->addRow(kindLabel, m_kind);
    m_form->addRow(QString(), m_kindHint);
    m_form->addRow(thresholdLabel, m_threshold);
    m_form->addRow(forLabel, m_forSeconds);
    m_form->addRow(m_sendResolved);
    m_form->addRow(m_enabled);
    m_generalError = new MessageLabel(QStringLiteral("alertRuleGeneralError"), box);
    m_form->addRow(m_generalError);
    return box;
}

QWidget *AlertRuleEditorDialog::createActions()
{
    auto *box = new QGroupBox(tr("Actions, in order"));
    auto *layout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("Delivered through the trigger outbox, with the same retries and delivery log. Without actions, "
                               "the rule only raises alerts in the console."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    m_actionLayout = new QVBoxLayout;
    m_actionLayout->setSpacing(4);
    m_addAction = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add &action"));
    m_addAction->setObjectName(QStringLiteral("addActionButton"));
    connect(m_addAction, &QPushButton::clicked, this, [this] { addAction()->setFocus(); });
    layout->addWidget(hint);
    layout->addLayout(m_actionLayout);
    layout->addWidget(m_addAction, 0, Qt::AlignLeft);
    return box;
}

TriggerEditorActionRow *AlertRuleEditorDialog::addAction()
{
    auto *row = new TriggerEditorActionRow;
    row->useAlertTemplates();
    row->setSecretNameBase([this] { return secretNameBase(); });
    row->setToolLister([alerts = m_alerts](const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs) {
        return alerts->listMcpTools(url, token, timeoutMs);
    });
    connect(row, &TriggerEditorActionRow::removeRequested, this, [this, row] { removeAction(row); });
    connect(row, &TriggerEditorActionRow::moveUpRequested, this, [this, row] { moveAction(row, -1); });
    connect(row, &TriggerEditorActionRow::moveDownRequested, this, [this, row] { moveAction(row, 1); });
    m_actions.append(row);
    m_actionLayout->addWidget(row);
    renumberActions();
    return row;
}

void AlertRuleEditorDialog::removeAction(TriggerEditorActionRow *row)
{
    m_actions.removeOne(row);
    row->hide();
    row->deleteLater();
    renumberActions();
}

void AlertRuleEditorDialog::moveAction(TriggerEditorActionRow *row, int delta)
{
    const int from = int(m_actions.indexOf(row));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_actions.size())
        return;
    m_actions.move(from, to);
    m_actionLayout->removeWidget(row);
    m_actionLayout->insertWidget(to, row);
    renumberActions();
    row->setFocus();
}

void AlertRuleEditorDialog::renumberActions()
{
    for (int i = 0; i < m_actions.size(); ++i)
        m_actions[i]->setPosition(i, int(m_actions.size()));
}

void AlertRuleEditorDialog::load(const AlertRule &rule)
{
    m_name->setText(rule.name);
    if (rule.chainId) {
        int chain = m_chain->findData(*rule.chainId);
        if (chain < 0) {
            m_chain->addItem(QString::number(*rule.chainId), *rule.chainId);
            chain = m_chain->count() - 1;
        }
        m_chain->setCurrentIndex(chain);
    }
    {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(int(rule.kind))));
    }
    onKindChanged(false);
    m_threshold->setValue(rule.threshold);
    m_forSeconds->setValue(rule.forSeconds);
    m_sendResolved->setChecked(rule.sendResolved);
    m_enabled->setChecked(rule.enabled);
    for (const Action &a : rule.actions)
        addAction()->setAction(a);
    renumberActions();
}

AlertKind AlertRuleEditorDialog::kind() const
{
    return AlertKind(m_kind->currentData().toInt());
}

void AlertRuleEditorDialog::onKindChanged(bool resetValue)
{
    const AlertKind k = kind();
    const bool hasThreshold = alertKindHasThreshold(k);
    const ThresholdShape shape = thresholdShape(k);
    m_threshold->setDecimals(shape.decimals);
    m_threshold->setRange(0, shape.maximum);
    m_threshold->setSuffix(hasThreshold ? u' ' + AlertRuleModel::unitText(k) : QString());
    if (resetValue)
        m_threshold->setValue(shape.defaultValue);
    m_threshold->setEnabled(hasThreshold);
    m_form->setRowVisible(m_threshold, hasThreshold);
    m_kindHint->setText(AlertRuleModel::kindDescription(k));
    // A reorg is an event: raised when it is handled, over at once.
    const bool event = k == AlertKind::DeepReorg;
    m_forSeconds->setEnabled(!event);
    m_sendResolved->setEnabled(!event);
}

QString AlertRuleEditorDialog::secretNameBase() const
{
    QString slug;
    for (const QChar c : m_name->text().trimmed().toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("alert") : slug.left(40);
}

Result<QJsonObject> AlertRuleEditorDialog::ruleJson() const
{
    QJsonObject o{{QStringLiteral("name"), m_name->text()},
                  {QStringLiteral("kind"), alertKindName(kind())},
                  {QStringLiteral("forSeconds"), m_forSeconds->value()},
                  {QStringLiteral("enabled"), m_enabled->isChecked()},
                  {QStringLiteral("sendResolved"), m_sendResolved->isChecked()}};
    const QVariant chain = m_chain->currentData();
    o.insert(QStringLiteral("chain"), chain.isValid() ? QJsonValue(chain.toLongLong()) : QJsonValue(QStringLiteral("all")));
    if (alertKindHasThreshold(kind()))
        o.insert(QStringLiteral("threshold"), m_threshold->value());
    QJsonArray actions;
    for (int i = 0; i < m_actions.size(); ++i) {
        const Result<QJsonObject> action = m_actions[i]->toJson(QStringLiteral("actions[%1]").arg(i), i + 1);
        if (!action)
            return action.error();
        actions.append(*action);
    }
    o.insert(QStringLiteral("actions"), actions);
    return o;
}

void AlertRuleEditorDialog::save()
{
    if (m_saving)
        return;
    clearErrors();
    const Result<QJsonObject> json = ruleJson();
    if (!json) {
        showError(json.error());
        return;
    }
    Result<AlertRule> rule = parseAlertRule(*json);
    if (!rule) {
        showError(rule.error());
        return;
    }
    if (m_existing)
        rule->id = m_existing->id;   // the store keeps its silence: the file says nothing of it

    m_saving = true;
    m_saveButton->setEnabled(false);
    m_error->showMessage(tr("Saving…"), MessageLabel::Kind::Note);
    auto stored = m_existing ? m_alerts->updateAlertRule(*rule) : m_alerts->addAlertRule(*rule);
    then(stored, this, [this](Result<AlertRule> written) {
        m_saving = false;
        m_saveButton->setEnabled(true);
        m_error->clearMessage();
        if (!written) {
            showError(written.error(), tr("Not saved: "));
            return;
        }
        Q_EMIT saved(*written);
        accept();
    });
}

void AlertRuleEditorDialog::showError(const Error &error, const QString &prefix)
{
    static const QRegularExpression rowField(QStringLiteral("^actions\\[(\\d+)\\](?:\\.(.+))?$"));
    const QRegularExpressionMatch match = rowField.match(error.field);
    if (match.hasMatch()) {
        const int index = match.captured(1).toInt();
        const QString key = match.captured(2);
        // "headers.Authorization: …" says which header; a plain key is clear from the input marked.
        const QString text = prefix + (key.contains(u'.') || key.contains(u'[') ? key + QStringLiteral(": ") : QString())
            + error.message;
        if (index < m_actions.size()) {
            m_actions[index]->showError(text);
            markInvalid(m_actions[index]->fieldWidget(key));
            return;
        }
    }
    const struct
    {
        const char *field;
        QWidget *input;
        QString label;
    } general[] = {{"name", m_name, tr("Name")},
                   {"chain", m_chain, tr("Chain")},
                   {"kind", m_kind, tr("Kind")},
                   {"threshold", m_threshold, tr("Threshold")},
                   {"forSeconds", m_forSeconds, tr("For")},
                   {"enabled", m_enabled, tr("Enabled")},
                   {"sendResolved", m_sendResolved, tr("Deliver the end")},
                   {"actions", m_addAction, tr("Actions")}};
    for (const auto &g : general) {
        if (error.field != QLatin1String(g.field))
            continue;
        m_generalError->showMessage(prefix + tr("%1: %2", "field label, what is wrong").arg(g.label, error.message));
        markInvalid(g.input);
        return;
    }
    m_error->showMessage(prefix + error.toString());
}

void AlertRuleEditorDialog::markInvalid(QWidget *widget)
{
    m_invalid.setScrollArea(m_scroll);
    m_invalid.mark(widget);
}

void AlertRuleEditorDialog::clearErrors()
{
    m_invalid.clear();
    for (TriggerEditorActionRow *row : std::as_const(m_actions))
        row->clearError();
    m_generalError->clearMessage();
    m_error->clearMessage();
}

} // namespace arbor::ui
