#include "widgets/logpanel.h"

#include "models/logmodel.h"
#include "widgets/tableactions.h"

#include <QComboBox>
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
const int AlertKeyRole = Qt::UserRole;

QString alertKey(const Alert &alert)
{
    return QString::number(alert.chainId) + QLatin1Char('/') + QString::number(int(alert.kind));
}

} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(5000, this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("logPanel"));

    m_alerts = new QTreeWidget;
    m_alerts->setObjectName(QStringLiteral("alertList"));
    m_alerts->setColumnCount(AlertColumnCount);
    m_alerts->setHeaderLabels({tr("Time"), tr("Alert"), tr("State")});
    m_alerts->setRootIsDecorated(false);
    m_alerts->setAlternatingRowColors(true);
    m_alerts->setWordWrap(true);
    m_alerts->header()->setStretchLastSection(false);
    m_alerts->header()->setSectionResizeMode(AlertTitleColumn, QHeaderView::Stretch);
    m_alerts->header()->resizeSection(AlertTimeColumn, 150);
    TableActions::install(m_alerts, QStringLiteral("alerts"));

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
    m_tabs->addTab(m_alerts, tr("Alerts"));
    m_tabs->addTab(logPage, tr("Log"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    applyLevelFilter();
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
    item->setText(AlertTimeColumn, QLocale().toString(alert.raisedAt, QLocale::ShortFormat));
    item->setText(AlertTitleColumn, alert.text.isEmpty() ? alert.title : alert.title + QStringLiteral(" — ") + alert.text);
    item->setToolTip(AlertTitleColumn, alert.text);
    item->setIcon(AlertTitleColumn, style()->standardIcon(alert.isCondition() ? QStyle::SP_MessageBoxWarning
                                                                              : QStyle::SP_MessageBoxInformation));
    QString state = alert.isCondition() ? tr("active") : tr("event");
    // Raised again soon after a notification: said here, not popped up again.
    if (!alert.notify)
        state += QLatin1Char(' ') + tr("(%n time(s) since the last notification)", nullptr, alert.occurrence);
    item->setText(AlertStateColumn, state);
    if (alert.isCondition())
        item->setData(0, AlertKeyRole, alertKey(alert));
    m_alerts->insertTopLevelItem(0, item);
    // A long-running console keeps the latest few hundred.
    while (m_alerts->topLevelItemCount() > 500)
        delete m_alerts->takeTopLevelItem(m_alerts->topLevelItemCount() - 1);
    updateAlertsTab();
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

void LogPanel::syncActive(const QList<Alert> &active)
{
    QSet<QString> keys;
    for (const Alert &alert : active)
        keys.insert(alertKey(alert));
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        const QString key = m_alerts->topLevelItem(i)->data(0, AlertKeyRole).toString();
        if (!key.isEmpty() && !keys.contains(key))
            markCleared(i);
    }
    updateAlertsTab();
}

void LogPanel::markCleared(int row)
{
    QTreeWidgetItem *item = m_alerts->topLevelItem(row);
    item->setData(0, AlertKeyRole, QVariant());
    item->setText(AlertStateColumn, tr("cleared %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    item->setIcon(AlertTitleColumn, style()->standardIcon(QStyle::SP_DialogApplyButton));
}

void LogPanel::updateAlertsTab()
{
    const int active = activeAlertCount();
    m_tabs->setTabText(0, active == 0 ? tr("Alerts") : tr("Alerts (%1)").arg(active));
}

int LogPanel::alertCount() const
{
    return m_alerts->topLevelItemCount();
}

int LogPanel::activeAlertCount() const
{
    int active = 0;
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i)
        active += !m_alerts->topLevelItem(i)->data(0, AlertKeyRole).toString().isEmpty();
    return active;
}

void LogPanel::showAlerts()
{
    m_tabs->setCurrentIndex(0);
}

} // namespace arbor::ui
