#include "dialogs/queueconfigdialog.h"

#include "engine/balanceservice.h"
#include "models/queuehealthmodel.h"
#include "util/continuation.h"
#include "widgets/themecolors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>

namespace arbor::ui {
namespace {

// Wide on purpose: QueueConfig::validate() is the one judge of what is allowed, and says why.
const double MaxMs = 9007199254740991.0;   // 2^53 - 1

} // namespace

QueueConfigDialog::QueueConfigDialog(BalanceService *balances, const QueueConfig &config, const QString &chainName, QWidget *parent)
    : QDialog(parent)
    , m_balances(balances)
    , m_chainId(config.chainId)
{
    Q_ASSERT(balances);
    setObjectName(QStringLiteral("queueConfigDialog"));
    setWindowTitle(tr("Balance Queue Settings"));

    auto *heading = new QLabel(tr("Balance queue of “%1” (chain %2)").arg(chainName).arg(config.chainId));
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_enabled = new QCheckBox(tr("&Process this chain's queue"));
    m_enabled->setObjectName(QStringLiteral("queueEnabledCheck"));
    m_enabled->setChecked(config.enabled);
    m_enabled->setToolTip(tr("When off, holders are still queued but no balances are computed"));

    m_batchSize = createSpinBox("batchSizeSpin", config.batchSize, QString(), tr("Items a worker claims at once"));
    m_interval = createSpinBox("intervalSpin", config.intervalMs, tr(" ms"), tr("Pause between batches when the queue ran dry"));
    m_maxRetries = createSpinBox("maxRetriesSpin", config.maxRetries, QString(), tr("Failures before an item is marked failed"));
    m_retryBackoff = createMsSpinBox("retryBackoffSpin", config.retryBackoffMs,
                                     tr("Wait before the first retry; it doubles with each retry, up to 5 minutes"));
    m_boostAfter = createMsSpinBox("boostAfterSpin", config.boostAfterMs,
                                   tr("Items pending longer than this get their priority raised, once"));
    m_boostBy = createSpinBox("boostBySpin", config.boostBy, QString(), tr("How much the priority is raised"));
    m_highLoadPending = createSpinBox("highLoadPendingSpin", config.highLoadPending, tr(" items"),
                                      tr("The queue shows “High load” with more items than this pending"));
    m_delayedAfter = createMsSpinBox("delayedAfterSpin", config.delayedAfterMs,
                                     tr("The queue shows “Delayed” when its oldest pending item is older than this"));
    m_errorsPerHour = createSpinBox("errorsPerHourSpin", config.errorsPerHour, tr(" per hour"),
                                    tr("The queue shows “Errors” with more failed attempts than this in the last hour"));

    auto *processing = new QGroupBox(tr("Processing"));
    auto *processingForm = new QFormLayout(processing);
    processingForm->addRow(m_enabled);
    m_fieldLabels.insert(QStringLiteral("enabled"), m_enabled->text().remove(u'&'));
    addRow(processingForm, tr("&Batch size:"), m_batchSize, "batch_size");
    addRow(processingForm, tr("&Idle pause:"), m_interval, "interval_ms");
    addRow(processingForm, tr("&Maximum retries:"), m_maxRetries, "max_retries");
    addRow(processingForm, tr("&First retry after:"), withHint(m_retryBackoff), "retry_backoff_ms");
    addRow(processingForm, tr("B&oost priority after:"), withHint(m_boostAfter), "boost_after_ms");
    addRow(processingForm, tr("Boost b&y:"), m_boostBy, "boost_by");

    auto *thresholds = new QGroupBox(tr("Health thresholds"));
    auto *thresholdsForm = new QFormLayout(thresholds);
    addRow(thresholdsForm, tr("&High load above:"), m_highLoadPending, "high_load_pending");
    addRow(thresholdsForm, tr("&Delayed after:"), withHint(m_delayedAfter), "delayed_after_ms");
    addRow(thresholdsForm, tr("&Errors above:"), m_errorsPerHour, "errors_per_hour");

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("queueConfigError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveQueueConfigButton"));
    m_saveButton->setDefault(true);
    buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaultsButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &QueueConfigDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const QueueConfig defaults;
        m_enabled->setChecked(defaults.enabled);
        m_batchSize->setValue(defaults.batchSize);
        m_interval->setValue(defaults.intervalMs);
        m_maxRetries->setValue(defaults.maxRetries);
        m_retryBackoff->setValue(double(defaults.retryBackoffMs));
        m_boostAfter->setValue(double(defaults.boostAfterMs));
        m_boostBy->setValue(defaults.boostBy);
        m_highLoadPending->setValue(defaults.highLoadPending);
        m_delayedAfter->setValue(double(defaults.delayedAfterMs));
        m_errorsPerHour->setValue(defaults.errorsPerHour);
    });
    connect(m_enabled, &QCheckBox::toggled, this, &QueueConfigDialog::revalidate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(processing);
    layout->addWidget(thresholds);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(440);
    revalidate();
}

void QueueConfigDialog::addRow(QFormLayout *form, const QString &label, QWidget *editor, const char *field)
{
    form->addRow(label, editor);
    QString name = label;
    name.remove(u'&');
    if (name.endsWith(u':'))
        name.chop(1);
    m_fieldLabels.insert(QString::fromLatin1(field), name);
}

QSpinBox *QueueConfigDialog::createSpinBox(const char *objectName, int value, const QString &suffix, const QString &toolTip)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(0, INT_MAX);
    spin->setValue(value);
    spin->setSuffix(suffix);
    spin->setToolTip(toolTip);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    connect(spin, &QSpinBox::valueChanged, this, &QueueConfigDialog::revalidate);
    return spin;
}

QDoubleSpinBox *QueueConfigDialog::createMsSpinBox(const char *objectName, qint64 value, const QString &toolTip)
{
    auto *spin = new QDoubleSpinBox;
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setDecimals(0);
    spin->setRange(0, MaxMs);
    spin->setSingleStep(1000);
    spin->setValue(double(value));
    spin->setSuffix(tr(" ms"));
    spin->setToolTip(toolTip);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    connect(spin, &QDoubleSpinBox::valueChanged, this, &QueueConfigDialog::revalidate);
    return spin;
}

QWidget *QueueConfigDialog::withHint(QDoubleSpinBox *spinBox)
{
    // Milliseconds in words next to the field: 3,600,000 ms is easier to check as "1 h".
    auto *hint = new QLabel;
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setMinimumWidth(hint->fontMetrics().horizontalAdvance(QStringLiteral("000 d 00 h")));
    const auto update = [hint](double ms) { hint->setText(QueueHealthModel::durationText(qint64(ms))); };
    connect(spinBox, &QDoubleSpinBox::valueChanged, hint, update);
    update(spinBox->value());

    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(spinBox, 1);
    layout->addWidget(hint);
    return row;
}

QueueConfig QueueConfigDialog::config() const
{
    QueueConfig c;
    c.chainId = m_chainId;
    c.enabled = m_enabled->isChecked();
    c.batchSize = m_batchSize->value();
    c.intervalMs = m_interval->value();
    c.maxRetries = m_maxRetries->value();
    c.retryBackoffMs = qint64(m_retryBackoff->value());
    c.boostAfterMs = qint64(m_boostAfter->value());
    c.boostBy = m_boostBy->value();
    c.highLoadPending = m_highLoadPending->value();
    c.delayedAfterMs = qint64(m_delayedAfter->value());
    c.errorsPerHour = m_errorsPerHour->value();
    return c;
}

void QueueConfigDialog::revalidate()
{
    const Status valid = config().validate();
    m_saveButton->setEnabled(valid && !m_saving);
    if (valid) {
        m_error->clear();
        m_error->hide();
    } else {
        showError(describe(valid.error()));
    }
}

QString QueueConfigDialog::describe(const Error &error) const
{
    const QString label = m_fieldLabels.value(error.field);
    if (label.isEmpty())
        return error.toString();
    return tr("%1: %2", "field label, what is wrong").arg(label, error.message);
}

void QueueConfigDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void QueueConfigDialog::save()
{
    const QueueConfig wanted = config();
    if (const Status valid = wanted.validate(); !valid) {
        showError(describe(valid.error()));
        return;
    }
    m_saving = true;
    m_saveButton->setEnabled(false);
    then(m_balances->setQueueConfig(wanted), this, [this](Status saved) {
        m_saving = false;
        if (!saved) {
            showError(tr("Not saved: %1").arg(describe(saved.error())));
            m_saveButton->setEnabled(true);
            return;
        }
        accept();
    });
}

} // namespace arbor::ui
