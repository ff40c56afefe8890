#include "dialogs/triggereditordialog.h"

#include "dialogs/triggereditoractionrow.h"
#include "dialogs/triggereditorconditionrow.h"
#include "dialogs/triggereditorpreview.h"
#include "engine/chainservice.h"
#include "engine/triggerservice.h"
#include "models/triggerlistmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/screenfit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

const int PreviewDelayMs = 250;
/// Conditions edited: how long typing may pause before the preview chooses its event again.
const int SampleDelayMs = 400;

} // namespace

TriggerEditorDialog::TriggerEditorDialog(TriggerService *triggers, ChainService *chains, const std::optional<TriggerRecord> &existing, QWidget *parent)
    : QDialog(parent)
    , m_triggers(triggers), m_chains(chains)
    , m_existing(existing)
{
    Q_ASSERT(triggers);
    setObjectName(QStringLiteral("triggerEditorDialog"));
    setWindowTitle(existing ? tr("Edit Trigger") : tr("New Trigger"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createGeneral());
    contentLayout->addWidget(createConditions());
    contentLayout->addWidget(createActions());
    contentLayout->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("triggerEditorScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    m_preview = new TriggerEditorPreview;
    connect(m_preview, &TriggerEditorPreview::currentActionChanged, this, &TriggerEditorDialog::updatePreview);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({520, 200});

    m_error = new MessageLabel(QStringLiteral("triggerEditorError"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveTriggerButton"));
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &TriggerEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(900, 780));

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(PreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &TriggerEditorDialog::updatePreview);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { followFocus(now); });
    connect(m_name, &QLineEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_description, &QLineEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    m_sampleTimer.setSingleShot(true);
    m_sampleTimer.setInterval(SampleDelayMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, [this] { fetchPreviewEvent(false); });

    if (existing) {
        load(*existing);
    } else {
        addCondition();
        addAction();
    }
    onChainChanged();
    m_name->setFocus();
}

TriggerEditorDialog::~TriggerEditorDialog() = default;

QWidget *TriggerEditorDialog::createGeneral()
{
    auto *box = new QGroupBox(tr("Trigger"));
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("triggerNameEdit"));
    m_name->setMaxLength(TriggerDef::MaxNameLength);
    m_name->setPlaceholderText(tr("Negative feedback for agent 3"));
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("triggerDescriptionEdit"));
    m_description->setPlaceholderText(tr("What it is for, who acts on it"));

    m_chain = new QComboBox;
    m_chain->setObjectName(QStringLiteral("triggerChainCombo"));
    for (const ChainRecord &chain : m_chains->snapshot()) {
        if (chain.state == ChainState::Deleting)
            continue;
        m_chain->addItem(tr("%1 (%2)").arg(chain.config.name).arg(chain.config.chainId), chain.config.chainId);
        m_chain->setItemData(m_chain->count() - 1, chain.config.confirmations, Qt::UserRole + 1);
        m_chain->setItemData(m_chain->count() - 1, chain.config.name, Qt::UserRole + 2);
    }
    connect(m_chain, &QComboBox::currentIndexChanged, this, &TriggerEditorDialog::onChainChanged);

    m_registry = new QComboBox;
    m_registry->setObjectName(QStringLiteral("triggerRegistryCombo"));
    for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation})
        m_registry->addItem(TriggerListModel::registryText(kind), int(kind));
    m_registry->setCurrentIndex(m_registry->findData(int(RegistryKind::Reputation)));
    connect(m_registry, &QComboBox::currentIndexChanged, this, &TriggerEditorDialog::onRegistryChanged);

    m_enabled = new QCheckBox(tr("&Enabled: fires for events promoted from now on"));
    m_enabled->setObjectName(QStringLiteral("triggerEnabledCheck"));
    m_enabled->setChecked(true);
    m_enabled->setToolTip(tr("History is never sent by accident: only a replay sends for past events"));

    m_confirmations = new QSpinBox;
    m_confirmations->setObjectName(QStringLiteral("triggerConfirmationsSpin"));
    m_confirmations->setRange(-1, ChainConfig::MaxConfirmations);
    m_confirmations->setValue(-1);
    m_confirmations->setToolTip(tr("How deep an event must be before the trigger fires for it"));

    auto *where = new QHBoxLayout;
    where->addWidget(m_chain, 2);
    where->addWidget(new QLabel(tr("Registry:")));
    where->addWidget(m_registry, 1);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    auto *chainLabel = new QLabel(tr("&Chain:"));
    chainLabel->setBuddy(m_chain);
    form->addRow(chainLabel, where);
    form->addRow(tr("C&onfirmations:"), m_confirmations);
    form->addRow(m_enabled);
    m_generalError = new MessageLabel(QStringLiteral("triggerGeneralError"), box);
    form->addRow(m_generalError);
    return box;
}

QWidget *TriggerEditorDialog::createConditions()
{
    auto *box = new QGroupBox(tr("Conditions: all must hold"));
    auto *layout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("Without conditions, every event of the registry fires the trigger."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    m_conditionLayout = new QVBoxLayout;
    m_conditionLayout->setSpacing(4);
    m_addCondition = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add &condition"));
    m_addCondition->setObjectName(QStringLiteral("addConditionButton"));
    connect(m_addCondition, &QPushButton::clicked, this, [this] { addCondition()->setFocus(); });
    layout->addWidget(hint);
    layout->addLayout(m_conditionLayout);
    layout->addWidget(m_addCondition, 0, Qt::AlignLeft);
    return box;
}

QWidget *TriggerEditorDialog::createActions()
{
    auto *box = new QGroupBox(tr("Actions, in order"));
    auto *layout = new QVBoxLayout(box);
    m_actionLayout = new QVBoxLayout;
    m_actionLayout->setSpacing(4);
    m_addAction = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add &action"));
    m_addAction->setObjectName(QStringLiteral("addActionButton"));
    connect(m_addAction, &QPushButton::clicked, this, [this] { addAction()->setFocus(); });
    layout->addLayout(m_actionLayout);
    layout->addWidget(m_addAction, 0, Qt::AlignLeft);
    return box;
}

TriggerEditorConditionRow *TriggerEditorDialog::addCondition()
{
    auto *row = new TriggerEditorConditionRow(registry());
    connect(row, &TriggerEditorConditionRow::removeRequested, this, [this, row] { removeCondition(row); });
    connect(row, &TriggerEditorConditionRow::changed, &m_sampleTimer, qOverload<>(&QTimer::start));
    m_conditions.append(row);
    m_conditionLayout->addWidget(row);
    return row;
}

TriggerEditorActionRow *TriggerEditorDialog::addAction()
{
    auto *row = new TriggerEditorActionRow;
    row->setSecretNameBase([this] { return secretNameBase(); });
    row->setToolLister([triggers = m_triggers](const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs) {
        return triggers->listMcpTools(url, token, timeoutMs);
    });
    connect(row, &TriggerEditorActionRow::removeRequested, this, [this, row] { removeAction(row); });
    connect(row, &TriggerEditorActionRow::moveUpRequested, this, [this, row] { moveAction(row, -1); });
    connect(row, &TriggerEditorActionRow::moveDownRequested, this, [this, row] { moveAction(row, 1); });
    connect(row, &TriggerEditorActionRow::changed, this, [this, row] {
        renumberActions();   // the type shows in the preview's list
        if (m_actions.indexOf(row) == m_preview->currentAction())
            m_previewTimer.start();
    });
    m_actions.append(row);
    m_actionLayout->addWidget(row);
    renumberActions();
    m_preview->setCurrentAction(int(m_actions.size()) - 1);
    return row;
}

void TriggerEditorDialog::removeCondition(TriggerEditorConditionRow *row)
{
    m_conditions.removeOne(row);
    row->hide();
    row->deleteLater();
    m_sampleTimer.start();
}

void TriggerEditorDialog::removeAction(TriggerEditorActionRow *row)
{
    m_actions.removeOne(row);
    row->hide();
    row->deleteLater();
    renumberActions();
    updatePreview();
}

void TriggerEditorDialog::moveAction(TriggerEditorActionRow *row, int delta)
{
    const int from = int(m_actions.indexOf(row));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_actions.size())
        return;
    m_actions.move(from, to);
    m_actionLayout->removeWidget(row);
    m_actionLayout->insertWidget(to, row);
    renumberActions();
    m_preview->setCurrentAction(to);
    row->setFocus();
}

void TriggerEditorDialog::renumberActions()
{
    QStringList summaries;
    for (int i = 0; i < m_actions.size(); ++i) {
        m_actions[i]->setPosition(i, int(m_actions.size()));
        summaries.append(m_actions[i]->summary());
    }
    m_preview->setActions(summaries);
}

void TriggerEditorDialog::load(const TriggerRecord &trigger)
{
    const TriggerDef &def = trigger.def;
    m_name->setText(def.name);
    m_description->setText(def.description);
    int chain = m_chain->findData(def.chainId);
    if (chain < 0) {
        m_chain->addItem(QString::number(def.chainId), def.chainId);
        chain = m_chain->count() - 1;
    }
    m_chain->setCurrentIndex(chain);
    m_chain->setEnabled(false);
    m_chain->setToolTip(tr("A trigger stays on its chain; make a new trigger for another chain"));
    m_registry->setCurrentIndex(m_registry->findData(int(def.registry)));
    m_enabled->setChecked(def.enabled);
    m_confirmations->setValue(def.confirmations.value_or(-1));
    for (const Condition &c : def.conditions)
        addCondition()->setCondition(c);
    for (const Action &a : def.actions)
        addAction()->setAction(a);
    renumberActions();
    m_preview->setCurrentAction(0);
}

qint64 TriggerEditorDialog::chainId() const
{
    return m_chain->currentData().toLongLong();
}

QString TriggerEditorDialog::chainName() const
{
    const QString name = m_chain->currentData(Qt::UserRole + 2).toString();
    return name.isEmpty() ? m_chain->currentText() : name;
}

RegistryKind TriggerEditorDialog::registry() const
{
    return RegistryKind(m_registry->currentData().toInt());
}

void TriggerEditorDialog::onChainChanged()
{
    const QVariant confirmations = m_chain->currentData(Qt::UserRole + 1);
    m_confirmations->setSpecialValueText(confirmations.isValid() ? tr("The chain's (%1)").arg(confirmations.toInt())
                                                                 : tr("The chain's"));
    fetchPreviewEvent();
}

void TriggerEditorDialog::onRegistryChanged()
{
    for (TriggerEditorConditionRow *row : std::as_const(m_conditions))
        row->setRegistry(registry());
    fetchPreviewEvent();
}

TriggerDef TriggerEditorDialog::sampleDef() const
{
    TriggerDef def;
    def.chainId = chainId();
    def.registry = registry();
    for (int i = 0; i < m_conditions.size(); ++i) {
        if (Result<Condition> c = parseCondition(m_conditions[i]->toJson(), QStringLiteral("conditions[%1]").arg(i)))
            def.conditions.append(*c);
    }
    return def;
}

void TriggerEditorDialog::fetchPreviewEvent(bool force)
{
    const TriggerDef def = sampleDef();
    QJsonArray conditions;
    for (const Condition &c : def.conditions)
        conditions.append(conditionToJson(c));
    if (!force && conditions == m_sampledConditions && m_preview->hasEvent())
        return;   // an edit that did not change what the conditions let through
    m_sampledConditions = conditions;
    const quint64 request = ++m_previewRequest;
    m_preview->showLoading();
    if (m_chain->currentIndex() < 0) {
        m_preview->showReadError(tr("no chain is registered yet"));
        return;
    }
    if (!m_triggers->state().started)
        return;
    const QString registryText = TriggerListModel::registryText(registry());
    const QString chain = chainName();
    then(m_triggers->previewEvent(def), this, [this, request, registryText, chain](Result<SampleEvent> sample) {
            if (request != m_previewRequest)
                return;   // the chain, registry or conditions changed meanwhile
            if (!sample) {
                m_preview->showReadError(sample.error().toString());
                return;
            }
            m_preview->setEvent(*sample, registryText, chain);
            updatePreview();
        });
}

void TriggerEditorDialog::updatePreview()
{
    const int index = m_preview->currentAction();
    if (!m_preview->hasEvent() || index < 0 || index >= m_actions.size())
        return;
    TriggerDef def;
    def.id = m_existing ? m_existing->def.id : 0;
    def.name = m_name->text().trimmed();
    def.description = m_description->text();
    def.chainId = chainId();
    def.registry = registry();
    const QString field = QStringLiteral("actions[%1]").arg(index);
    TriggerEditorActionRow *row = m_actions[index];
    // An action that does not parse yet is explained in the row's words, not as a JSON path.
    const auto inRowWords = [row, &field](const Error &e) {
        Error out = e;
        const QString key = e.field == field ? QString() : e.field.startsWith(field + u'.') ? e.field.mid(field.size() + 1) : e.field;
        out.message = key.isEmpty() ? e.message : row->errorText(key, e.message);
        out.field.clear();
        return out;
    };
    const Result<QJsonObject> json = row->toJson(field, index + 1);
    if (!json) {
        m_preview->render(def, inRowWords(json.error()), chainName());
        return;
    }
    Result<Action> action = parseAction(*json, field);
    if (!action) {
        m_preview->render(def, inRowWords(action.error()), chainName());
        return;
    }
    action->id = row->actionId();
    m_preview->render(def, action, chainName());
}

void TriggerEditorDialog::followFocus(QWidget *now)
{
    if (!now || !isAncestorOf(now))
        return;
    for (int i = 0; i < m_actions.size(); ++i) {
        if (m_actions[i]->isAncestorOf(now) && m_preview->currentAction() != i)
            m_preview->setCurrentAction(i);
    }
}

QString TriggerEditorDialog::secretNameBase() const
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
    return slug.isEmpty() ? QStringLiteral("trigger") : slug.left(40);
}

Result<QJsonObject> TriggerEditorDialog::triggerJson() const
{
    QJsonObject o{{QStringLiteral("name"), m_name->text()},
                  {QStringLiteral("registry"), registryKindName(registry())},
                  {QStringLiteral("enabled"), m_enabled->isChecked()}};
    if (m_chain->currentIndex() >= 0)
        o.insert(QStringLiteral("chain"), chainId());
    if (!m_description->text().trimmed().isEmpty())
        o.insert(QStringLiteral("description"), m_description->text().trimmed());
    if (m_confirmations->value() >= 0)
        o.insert(QStringLiteral("confirmations"), m_confirmations->value());
    QJsonArray conditions;
    for (const TriggerEditorConditionRow *row : m_conditions)
        conditions.append(row->toJson());
    o.insert(QStringLiteral("conditions"), conditions);
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

void TriggerEditorDialog::save()
{
    if (m_saving)
        return;
    clearErrors();
    const Result<QJsonObject> json = triggerJson();
    if (!json) {
        showError(json.error());
        return;
    }
    Result<TriggerDef> def = parseTrigger(*json);
    if (!def) {
        showError(def.error());
        return;
    }
    // Row i holds priority i + 1, so the parsed actions are in the rows' order.
    for (int i = 0; i < def->actions.size() && i < m_actions.size(); ++i)
        def->actions[i].id = m_actions[i]->actionId();
    if (m_existing)
        def->id = m_existing->def.id;

    m_saving = true;
    m_saveButton->setEnabled(false);
    m_error->showMessage(tr("Saving…"), MessageLabel::Kind::Note);
    auto stored = m_existing ? m_triggers->updateTrigger(*def) : m_triggers->addTrigger(*def);
    then(stored, this, [this](Result<TriggerRecord> trigger) {
        m_saving = false;
        m_saveButton->setEnabled(true);
        m_error->clearMessage();
        if (!trigger) {
            showError(trigger.error(), tr("Not saved: "));
            return;
        }
        Q_EMIT saved(*trigger);
        accept();
    });
}

void TriggerEditorDialog::showError(const Error &error, const QString &prefix)
{
    static const QRegularExpression rowField(QStringLiteral("^(conditions|actions)\\[(\\d+)\\](?:\\.(.+))?$"));
    const QRegularExpressionMatch match = rowField.match(error.field);
    if (match.hasMatch()) {
        const int index = match.captured(2).toInt();
        const QString key = match.captured(3);
        // "headers.Authorization: …" says which header; a plain key is clear from the input marked.
        const QString text = prefix + (key.contains(u'.') || key.contains(u'[') ? key + QStringLiteral(": ") : QString())
            + error.message;
        QWidget *input = nullptr;
        if (match.captured(1) == u"conditions" && index < m_conditions.size()) {
            m_conditions[index]->showError(text);
            input = m_conditions[index]->fieldWidget(key);
        } else if (match.captured(1) == u"actions" && index < m_actions.size()) {
            m_actions[index]->showError(prefix + (key.isEmpty() ? error.message : m_actions[index]->errorText(key, error.message)));
            input = m_actions[index]->fieldWidget(key);
        }
        if (input) {
            markInvalid(input);
            return;
        }
    }
    const struct
    {
        const char *field;
        QWidget *input;
        QString label;
    } general[] = {{"name", m_name, tr("Name")},
                   {"description", m_description, tr("Description")},
                   {"chain", m_chain, tr("Chain")},
                   {"registry", m_registry, tr("Registry")},
                   {"enabled", m_enabled, tr("Enabled")},
                   {"confirmations", m_confirmations, tr("Confirmations")},
                   {"conditions", m_addCondition, tr("Conditions")},
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

void TriggerEditorDialog::markInvalid(QWidget *widget)
{
    m_invalid.setScrollArea(m_scroll);
    m_invalid.mark(widget);
}

void TriggerEditorDialog::clearErrors()
{
    m_invalid.clear();
    for (TriggerEditorConditionRow *row : std::as_const(m_conditions))
        row->clearError();
    for (TriggerEditorActionRow *row : std::as_const(m_actions))
        row->clearError();
    m_generalError->clearMessage();
    m_error->clearMessage();
}

} // namespace arbor::ui
