#include "widgets/retentioneditor.h"

#include "engine/databaseservice.h"
#include "util/continuation.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QScrollArea>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QSpinBox>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

constexpr int MaximumDays = 36500;

QString defaultText(const RetentionPolicy &p)
{
    return p.defaultDays ? RetentionEditor::tr("default %n day(s)", nullptr, *p.defaultDays) : RetentionEditor::tr("default: kept for ever");
}

/// A policy's note under its field. QFormLayout's height for a width misjudges a wrapped label
/// inside a row's cell at some widths: one line short, and the last line cut when the page is
/// just too short to scroll (a wider dialog, German). The note asks for the height its text needs
/// at the width it was given; the page then scrolls instead.
class PolicyNote final : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        if (const int needed = heightForWidth(width()); needed > 0 && needed != minimumHeight())
            setMinimumHeight(needed);
    }
};

/// Sets `changes` one after the other through the engine.
void saveNext(QObject *context, DatabaseService *database, QList<std::pair<QString, std::optional<int>>> changes, std::function<void(Status)> done)
{
    if (changes.isEmpty()) {
        done({});
        return;
    }
    const auto change = changes.takeFirst();
    then(database->setRetentionPolicy(change.first, change.second), context, [context, database, changes, done](Result<RetentionSetting> set) {
        if (!set) {
            done(set.error());
            return;
        }
        saveNext(context, database, changes, done);
    });
}

} // namespace

RetentionEditor::RetentionEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("retentionEditor"));
    m_state = new QLabel(tr("Not connected to a database."), this);
    m_state->setObjectName(QStringLiteral("retentionState"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_form = new QWidget;
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    // Eight policies with a note each are taller than the settings dialog's other pages: they
    // scroll, each note at its full height, instead of being squeezed into the page.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("retentionScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there: a scroll bar that comes and goes changes the width the notes wrap to after
    // their height was laid out, and cuts their last line.
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    scroll->setWidget(m_form);
    // The page's own background shows through, as on the other pages.
    scroll->viewport()->setAutoFillBackground(false);
    m_form->setAutoFillBackground(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);
    m_form->setEnabled(false);
}

void RetentionEditor::setDatabase(DatabaseService *database)
{
    m_database = database;
    if (!m_database || !m_database->state().started) {
        m_state->setText(tr("Not connected to a database."));
        return;
    }
    m_readOnly = m_database->isReadOnly();
    m_state->setText(tr("Reading the retention policies…"));
    then(m_database->retentionPolicies(), this, [this](Result<QList<RetentionSetting>> settings) {
        if (!settings) {
            m_state->setText(tr("Cannot read the retention policies: %1").arg(settings.error().message));
            Q_EMIT loaded();
            return;
        }
        showPolicies(*settings);
        Q_EMIT loaded();
    });
}

void RetentionEditor::showPolicies(const QList<RetentionSetting> &settings)
{
    m_rows.clear();
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    for (const RetentionSetting &s : settings) {
        Row row{s, new QSpinBox(m_form), nullptr};
        row.days->setObjectName(QLatin1String("retentionDays_") + s.policy.name);
        row.days->setRange(s.policy.minimumDays, MaximumDays);
        // "1 day", "90 days" (Tag, Tage): the suffix follows the number, in the reader's language.
        const auto daySuffix = [spin = row.days](int days) {
            const QString text = RetentionEditor::tr("%n day(s)", "spin box: a number of days", days);
            const QString number = QString::number(days);
            const qsizetype at = text.indexOf(number);
            spin->setSuffix(at >= 0 ? text.mid(at + number.size()) : u' ' + text);
        };
        connect(row.days, &QSpinBox::valueChanged, row.days, daySuffix);
        row.days->setValue(s.days.value_or(s.policy.defaultDays.value_or(std::max(s.policy.minimumDays, 365))));
        daySuffix(row.days->value());
        auto *line = new QHBoxLayout;
        line->addWidget(row.days);
        if (s.policy.mayKeepForever) {
            row.keepForever = new QCheckBox(tr("Keep for ever"), m_form);
            row.keepForever->setObjectName(QLatin1String("retentionForever_") + s.policy.name);
            row.keepForever->setChecked(!s.days);
            row.days->setEnabled(s.days.has_value());
            connect(row.keepForever, &QCheckBox::toggled, row.days, [spin = row.days](bool on) { spin->setEnabled(!on); });
            line->addWidget(row.keepForever);
        }
        line->addStretch(1);
        auto *note = new PolicyNote(s.policy.covers + QLatin1String(" (") + defaultText(s.policy) + u')', m_form);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        // The note under its field, in one cell: a row of its own is laid out at a guessed height.
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addLayout(line);
        cell->addWidget(note);
        m_formLayout->addRow(s.policy.title + u':', cell);
        m_rows.append(row);
    }
    m_form->setEnabled(!m_readOnly);
    m_state->setText(m_readOnly ? tr("Read-only: %1").arg(m_database->state().readOnlyReason)
                                : tr("Rows older than this are deleted every hour, a small batch at a time."));
}

std::optional<int> RetentionEditor::chosenDays(const Row &row) const
{
    if (row.keepForever && row.keepForever->isChecked())
        return std::nullopt;
    return row.days->value();
}

bool RetentionEditor::hasChanges() const
{
    if (m_readOnly)
        return false;
    for (const Row &row : m_rows) {
        if (chosenDays(row) != row.setting.days)
            return true;
    }
    return false;
}

void RetentionEditor::save(std::function<void(Status)> done)
{
    QList<std::pair<QString, std::optional<int>>> changes;
    for (const Row &row : std::as_const(m_rows)) {
        const std::optional<int> days = chosenDays(row);
        if (days == row.setting.days)
            continue;
        if (Status s = RetentionStore::validate(row.setting.policy.name, days, row.setting.policy.title); !s) {
            done(s);
            return;
        }
        changes.append({row.setting.policy.name, days});
    }
    if (!m_database || changes.isEmpty()) {
        done({});
        return;
    }
    saveNext(this, m_database, changes, [this, changes, done](Status saved) {
        if (saved) {
            // What was written is the new starting point.
            for (Row &row : m_rows) {
                for (const auto &change : changes) {
                    if (change.first == row.setting.policy.name) {
                        row.setting.days = change.second;
                        row.setting.isDefault = false;
                    }
                }
            }
        }
        done(saved);
    });
}

QSpinBox *RetentionEditor::daysSpin(const QString &policy) const
{
    for (const Row &row : m_rows) {
        if (row.setting.policy.name == policy)
            return row.days;
    }
    return nullptr;
}

QCheckBox *RetentionEditor::foreverCheck(const QString &policy) const
{
    for (const Row &row : m_rows) {
        if (row.setting.policy.name == policy)
            return row.keepForever;
    }
    return nullptr;
}

} // namespace arbor::ui
