#include "widgets/logpanel.h"
#include "timetext.h"

#include "alertcounttext.h"
#include "models/logmodel.h"
#include "widgets/tableactions.h"

#include <QAction>
#include <QComboBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

enum AlertColumn { AlertTimeColumn, AlertTitleColumn, AlertStateColumn, AlertColumnCount };
const int AlertKeyRole = Qt::UserRole;      ///< on column 0 while the entry is active, else empty
const int AlertRole = Qt::UserRole + 1;     ///< the Alert as raised, acknowledged once it is

QString alertKey(const Alert &alert)
{
    return QString::number(alert.chainId) + QLatin1Char('/') + QString::number(int(alert.kind)) + QLatin1Char('/')
        + QString::number(alert.ruleId);
}

Alert alertOf(const QTreeWidgetItem *item)
{
    return item->data(0, AlertRole).value<Alert>();
}

bool isActive(const QTreeWidgetItem *item)
{
    return !item->data(0, AlertKeyRole).toString().isEmpty();
}

} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(5000, this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("logPanel"));

    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(LogModel::TypeRole);
    m_filter->setFilterKeyColumn(LogModel::LevelColumn);

    m_log = new QTableView;
    m_log->setObjectName(QStringLiteral("logView"));
    m_log->setModel(m_filter);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setShowGrid(false);
    m_log->setWordWrap(false);
    m_log->verticalHeader()->hide();
    m_log->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_log->verticalHeader()->setDefaultSectionSize(m_log->fontMetrics().height() + 6);
    m_log->horizontalHeader()->setStretchLastSection(true);
    m_log->horizontalHeader()->resizeSection(LogModel::TimeColumn, 110);
    m_log->horizontalHeader()->resizeSection(LogModel::LevelColumn, 80);
    m_log->horizontalHeader()->resizeSection(LogModel::CategoryColumn, 130);
    TableActions::install(m_log, QStringLiteral("log"));

    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    m_level->addItem(tr("Everything"));
    m_level->addItem(tr("Info and above"));
    m_level->addItem(tr("Warnings and errors"));
    m_level->addItem(tr("Errors only"));
    m_level->setCurrentIndex(1);
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogPanel::applyLevelFilter);
    auto *clear = new QPushButton(tr("Clear"));
    clear->setObjectName(QStringLiteral("clearLogButton"));
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);

    auto *logPage = new QWidget;
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(clear);
    auto *logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(0, 4, 0, 0);
    logLayout->addLayout(bar);
    logLayout->addWidget(m_log, 1);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("logTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createAlertsPage(), tr("Alerts"));
    m_tabs->addTab(logPage, tr("Log"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    applyLevelFilter();
}

QWidget *LogPanel::createAlertsPage()
{
    m_alerts = new QTreeWidget;
    m_alerts->setObjectName(QStringLiteral("alertList"));
    m_alerts->setColumnCount(AlertColumnCount);
    m_alerts->setHeaderLabels({tr("Time"), tr("Alert"), tr("State")});
    m_alerts->setRootIsDecorated(false);
    m_alerts->setAlternatingRowColors(true);
    m_alerts->setWordWrap(true);
    m_alerts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_alerts->header()->setStretchLastSection(false);
    m_alerts->header()->setSectionResizeMode(AlertTitleColumn, QHeaderView::Stretch);
    m_alerts->header()->resizeSection(AlertTimeColumn, 150);
    m_alerts->header()->resizeSection(AlertStateColumn, 200);

    m_acknowledge = new QAction(QIcon::fromTheme(QStringLiteral("dialog-ok")), tr("&Acknowledge"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlertAction"));
    m_acknowledge->setToolTip(tr("Seen and taken care of: the alert stays listed until it clears, but is no longer counted"));
    connect(m_acknowledge, &QAction::triggered, this, &LogPanel::acknowledgeSelected);
    m_alerts->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_alerts->addAction(m_acknowledge);
    TableActions::install(m_alerts, QStringLiteral("alerts"));
    connect(m_alerts, &QTreeWidget::itemSelectionChanged, this, &LogPanel::updateAcknowledge);

    m_acknowledgeButton = new QPushButton(m_acknowledge->icon(), tr("Acknowledge"));
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeAlertButton"));
    m_acknowledgeButton->setToolTip(m_acknowledge->toolTip());
    connect(m_acknowledgeButton, &QPushButton::clicked, m_acknowledge, &QAction::trigger);
    auto *rules = new QPushButton(tr("Alert Rules…"));
    rules->setObjectName(QStringLiteral("alertRulesButton"));
    rules->setToolTip(tr("The rules that raise alerts beside the built-in ones, and deliver them"));
    connect(rules, &QPushButton::clicked, this, &LogPanel::alertRulesRequested);

    auto *page = new QWidget;
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_acknowledgeButton);
    bar->addStretch(1);
    bar->addWidget(rules);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_alerts, 1);
    updateAcknowledge();
    return page;
}

void LogPanel::applyLevelFilter()
{
    // QtMsgType: debug 0, warning 1, critical 2, fatal 3, info 4.
    static const char *const patterns[] = {"", "^[1234]$", "^[123]$", "^[23]$"};
    const int level = std::clamp(m_level->currentIndex(), 0, 3);
    m_filter->setFilterRegularExpression(QRegularExpression(QLatin1String(patterns[level])));
}

void LogPanel::addMessages(const QList<LogMessage> &messages)
{
    QScrollBar *scroll = m_log->verticalScrollBar();
    const bool atEnd = scroll->value() >= scroll->maximum() - 2;
    m_model->append(messages);
    if (atEnd)
        m_log->scrollToBottom();
}

void LogPanel::alertRaised(const Alert &alert)
{
    auto *item = new QTreeWidgetItem;
    item->setText(AlertTimeColumn, timestampText(alert.raisedAt));
    // A rule's alerts name it: its title usually does, else it goes first.
    const QString title = alert.ruleId && !alert.title.contains(alert.ruleName) ? alert.ruleName + QStringLiteral(": ") + alert.title
                                                                                 : alert.title;
    item->setText(AlertTitleColumn, alert.text.isEmpty() ? title : title + QStringLiteral(" — ") + alert.text);
    QString tip = alert.text;
    if (alert.ruleId)
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Raised by the alert rule “%1”.").arg(alert.ruleName);
    if (alert.silenced)
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("The rule is silenced: nothing was delivered or notified.");
    item->setToolTip(AlertTitleColumn, tip);
    item->setIcon(AlertTitleColumn, style()->standardIcon(alert.isCondition() ? QStyle::SP_MessageBoxWarning
                                                                              : QStyle::SP_MessageBoxInformation));
    item->setData(0, AlertRole, QVariant::fromValue(alert));
    if (alert.isCondition())
        item->setData(0, AlertKeyRole, alertKey(alert));
    showActiveState(item);
    m_alerts->insertTopLevelItem(0, item);
    if (alert.acknowledged)
        markAcknowledged(0);
    // A long-running console keeps the latest few hundred.
    while (m_alerts->topLevelItemCount() > 500)
        delete m_alerts->takeTopLevelItem(m_alerts->topLevelItemCount() - 1);
    updateAlertsTab();
}

void LogPanel::showActiveState(QTreeWidgetItem *item)
{
    const Alert alert = alertOf(item);
    QStringList state{alert.isCondition() ? tr("active") : tr("event")};
    if (alert.silenced)
        state.append(tr("silenced"));
    if (alert.acknowledged)
        state.append(tr("acknowledged"));
    QString text = state.join(QStringLiteral(", "));
    // Raised again soon after a notification: said here, not popped up again.
    if (!alert.notify && !alert.silenced && !alert.carriedOver)
        text += QLatin1Char(' ') + tr("(%n time(s) since the last notification)", nullptr, alert.occurrence);
    item->setText(AlertStateColumn, text);
}

void LogPanel::alertCleared(const Alert &alert)
{
    const QString key = alertKey(alert);
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        if (m_alerts->topLevelItem(i)->data(0, AlertKeyRole).toString() == key)
            markCleared(i);
    }
    updateAlertsTab();
}

void LogPanel::alertAcknowledged(const Alert &alert)
{
    const QString key = alertKey(alert);
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        if (m_alerts->topLevelItem(i)->data(0, AlertKeyRole).toString() == key)
            markAcknowledged(i);
    }
    updateAlertsTab();
}

void LogPanel::syncActive(const QList<Alert> &active)
{
    QHash<QString, const Alert *> byKey;
    for (const Alert &alert : active)
        byKey.insert(alertKey(alert), &alert);
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_alerts->topLevelItem(i);
        const QString key = item->data(0, AlertKeyRole).toString();
        if (key.isEmpty())
            continue;
        const Alert *current = byKey.value(key);
        if (!current) {
            markCleared(i);
            continue;
        }
        // Raised here while an earlier engine's row of the same alert was being read, then
        // found to continue it: the alert's time is that row's.
        if (Alert shown = alertOf(item); shown.raisedAt != current->raisedAt) {
            shown.raisedAt = current->raisedAt;
            shown.carriedOver = current->carriedOver;
            item->setData(0, AlertRole, QVariant::fromValue(shown));
            item->setText(AlertTimeColumn, timestampText(current->raisedAt));
        }
        if (current->acknowledged && !alertOf(item).acknowledged)
            markAcknowledged(i);
    }
    updateAlertsTab();
}

void LogPanel::markCleared(int row)
{
    QTreeWidgetItem *item = m_alerts->topLevelItem(row);
    item->setData(0, AlertKeyRole, QVariant());
    QString state = tr("cleared %1").arg(timeOfDayText(QTime::currentTime()));
    if (alertOf(item).acknowledged)
        state += QStringLiteral(", ") + tr("acknowledged");
    item->setText(AlertStateColumn, state);
    item->setIcon(AlertTitleColumn, style()->standardIcon(QStyle::SP_DialogApplyButton));
    updateAcknowledge();
}

void LogPanel::markAcknowledged(int row)
{
    QTreeWidgetItem *item = m_alerts->topLevelItem(row);
    Alert alert = alertOf(item);
    alert.acknowledged = true;
    item->setData(0, AlertRole, QVariant::fromValue(alert));
    if (isActive(item))
        showActiveState(item);
    // Still listed, but no longer calling for attention.
    const QBrush muted = palette().brush(QPalette::PlaceholderText);
    for (int column = 0; column < AlertColumnCount; ++column)
        item->setForeground(column, muted);
    updateAcknowledge();
}

void LogPanel::acknowledgeSelected()
{
    for (QTreeWidgetItem *item : m_alerts->selectedItems()) {
        if (isActive(item) && !alertOf(item).acknowledged)
            Q_EMIT acknowledgeRequested(alertOf(item));
    }
}

void LogPanel::updateAcknowledge()
{
    bool any = false;
    for (const QTreeWidgetItem *item : m_alerts->selectedItems())
        any = any || (isActive(item) && !alertOf(item).acknowledged);
    m_acknowledge->setEnabled(any);
    m_acknowledgeButton->setEnabled(any);
}

void LogPanel::updateAlertsTab()
{
    const AlertCounts counts = alertCounts();
    m_tabs->setTabText(0, counts.active == 0 ? tr("Alerts") : tr("Alerts — %1", "the alert count as the status bar words it").arg(alertCountText(counts)));
}

AlertCounts LogPanel::alertCounts() const
{
    QList<Alert> active;
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_alerts->topLevelItem(i);
        if (isActive(item))
            active.append(alertOf(item));
    }
    return countAlerts(active);
}

QString LogPanel::alertsTabText() const
{
    return m_tabs->tabText(0);
}

int LogPanel::alertCount() const
{
    return m_alerts->topLevelItemCount();
}

int LogPanel::activeAlertCount() const
{
    return alertCounts().active;
}

int LogPanel::unacknowledgedAlertCount() const
{
    return alertCounts().unacknowledged();
}

void LogPanel::showAlerts()
{
    m_tabs->setCurrentIndex(0);
}

} // namespace arbor::ui
