#include "engine/alertservice.h"

#include "engine/engine.h"
#include "engine/storethread.h"
#include "store/alertstore.h"
#include "util/continuation.h"

#include <QDateTime>

namespace arbor {

namespace {

AlertRecord recordOf(const Alert &alert)
{
    AlertRecord r;
    if (alert.ruleId)
        r.ruleId = alert.ruleId;
    r.ruleName = alert.ruleName;
    r.chainId = alert.chainId;
    r.kind = alert.kind;
    r.params = alert.params;
    r.silenced = alert.silenced;
    r.raisedAt = alert.raisedAt.toMSecsSinceEpoch();
    // Stored in English beside the params: what payloads carry and what older readers show.
    r.title = alert.params.isEmpty() ? alert.title : AlertText::title(r, AlertLanguage::English);
    r.text = alert.params.isEmpty() ? alert.text : AlertText::text(r, QDateTime::currentMSecsSinceEpoch(), AlertLanguage::English);
    if (!alert.isCondition())
        r.clearedAt = r.raisedAt;   // an event: never active
    return r;
}

} // namespace

AlertService::AlertService(Statuses statuses, int tickMs, QObject *parent)
    : QObject(parent)
    , m_statuses(std::move(statuses))
    , m_monitor(this)
{
    m_tick.setObjectName(QStringLiteral("alertTick"));
    m_tick.setInterval(std::max(100, tickMs));
    connect(&m_tick, &QTimer::timeout, this, [this] { updateStatuses(m_statuses()); });
    connect(&m_monitor, &AlertMonitor::alertRaised, this, [this](const Alert &alert) { record(alert, false); });
    connect(&m_monitor, &AlertMonitor::alertCleared, this, [this](const Alert &alert) { record(alert, true); });
    m_tick.start();
}

AlertService::~AlertService() = default;

void AlertService::updateChains(const QList<ChainRecord> &chains)
{
    QHash<qint64, QString> names;
    QSet<qint64> active;
    for (const ChainRecord &c : chains) {
        names.insert(c.config.chainId, c.config.name);
        if (c.state == ChainState::Active)
            active.insert(c.config.chainId);
    }
    m_monitor.setChainNames(names);
    // Paused, deleting or deleted: their alerts clear.
    m_monitor.retainChains(active);
}

void AlertService::updateStatuses(const QList<ChainStatus> &statuses)
{
    m_monitor.updateChains(statuses, QDateTime::currentMSecsSinceEpoch());
}

void AlertService::updateQueues(const QList<QueueHealth> &health)
{
    m_monitor.updateQueues(health, QDateTime::currentMSecsSinceEpoch());
}

void AlertService::reorgHandled(const ReorgRecord &reorg)
{
    m_monitor.reorgHandled(reorg);
}

void AlertService::setRules(const QList<AlertRule> &rules)
{
    m_monitor.setRules(rules);
}

void AlertService::startRecording(StoreThread *writer, std::function<void()> delivered)
{
    m_writer = writer;
    m_delivered = std::move(delivered);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    then(m_writer->run([now](Store &s) { return AlertStore(s).closeOpen(now); }), this, [](Result<qint64> closed) {
        if (!closed)
            qCWarning(lcEngine) << "could not close the alerts an earlier engine left open:" << closed.error().message;
    });
    // What is active already was raised before recording began: it is recorded now.
    for (const Alert &alert : m_monitor.activeAlerts())
        record(alert, false);
}

void AlertService::stopRecording()
{
    m_writer = nullptr;
    m_delivered = nullptr;
}

void AlertService::record(const Alert &alert, bool cleared)
{
    if (!m_writer)
        return;
    const AlertRecord rec = recordOf(alert);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto done = [this](const Result<int> &created) {
        if (!created) {
            qCWarning(lcEngine) << "could not record an alert:" << created.error().message;
            return;
        }
        Q_EMIT historyChanged();
        if (*created > 0 && m_delivered)
            m_delivered();
    };
    if (cleared) {
        then(m_writer->run([rec, now](Store &s) { return AlertStore(s).recordCleared(rec, now); }), this, done);
        return;
    }
    then(m_writer->run([rec](Store &s) -> Result<int> {
        auto r = AlertStore(s).recordRaised(rec);
        if (!r)
            return r.error();
        return r->second;
    }), this, done);
}

} // namespace arbor
