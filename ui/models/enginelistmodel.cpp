#include "models/enginelistmodel.h"
#include "timetext.h"

#include "models/keyedrows.h"
#include "models/queuehealthmodel.h"
#include "widgets/tableactions.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace arbor::ui {
namespace {

/// The order the State column sorts in: the engines that need a look last.
enum class Condition { Running, Draining, NotResponding };

Condition stateOf(const EngineRecord &e)
{
    if (!e.alive)
        return Condition::NotResponding;
    return e.draining ? Condition::Draining : Condition::Running;
}

bool sameRecord(const EngineRecord &a, const EngineRecord &b)
{
    return a.name == b.name && a.host == b.host && a.pid == b.pid && a.app == b.app && a.startedAt == b.startedAt
        && a.heartbeatAt == b.heartbeatAt && a.leaseMs == b.leaseMs && a.maxChains == b.maxChains && a.draining == b.draining
        && a.alive == b.alive && a.coordinator == b.coordinator && a.chains == b.chains;
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs) : QString();
}

} // namespace

EngineListModel::EngineListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EngineListModel::update(const QList<EngineRecord> &engines, qint64 nowMs)
{
    syncKeyedRows(this, m_rows, engines, [](const EngineRecord &e) { return e.name; }, sameRecord);
    if (nowMs != m_nowMs) {
        m_nowMs = nowMs;
        columnChanged(HeartbeatColumn);   // the ages grew, whether a heartbeat came or not
    }
}

void EngineListModel::setLocalEngine(const QString &name)
{
    if (name == m_localEngine)
        return;
    m_localEngine = name;
    columnChanged(NameColumn);
}

void EngineListModel::setChainNames(const QHash<qint64, QString> &names)
{
    if (names == m_chainNames)
        return;
    m_chainNames = names;
    columnChanged(ChainsColumn);
}

void EngineListModel::columnChanged(int column)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
}

const EngineRecord *EngineListModel::engineAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int EngineListModel::rowOf(const QString &name) const
{
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), [&name](const EngineRecord &e) { return e.name == name; });
    return found == m_rows.cend() ? -1 : int(found - m_rows.cbegin());
}

QString EngineListModel::stateText(const EngineRecord &engine)
{
    switch (stateOf(engine)) {
    case Condition::Running:
        return tr("running");
    case Condition::Draining:
        return tr("draining");
    case Condition::NotResponding:
        return tr("not responding");
    }
    return {};
}

QString EngineListModel::ageText(qint64 ms)
{
    if (ms < 1000)
        return tr("just now");
    return tr("%1 ago", "a duration: 3 s ago").arg(QueueHealthModel::durationText(ms));
}

QString EngineListModel::chainText(qint64 chainId) const
{
    const QString name = m_chainNames.value(chainId);
    return name.isEmpty() ? tr("chain %1").arg(chainId) : tr("%1 (%2)", "chain name (chain id)").arg(name).arg(chainId);
}

int EngineListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EngineListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EngineListModel::data(const QModelIndex &index, int role) const
{
    const EngineRecord *engine = index.isValid() ? engineAt(index.row()) : nullptr;
    if (!engine)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*engine, index.column());
    case SortRole:
        return sortData(*engine, index.column());
    case EngineNameRole:
        return engine->name;
    case CopyRole:
        // The name as `arborctl chain move --to` takes it, the times as timestamps.
        if (index.column() == NameColumn)
            return engine->name;
        if (index.column() == HeartbeatColumn)
            return isoTime(engine->heartbeatAt);
        if (index.column() == StartedColumn)
            return isoTime(engine->startedAt);
        return displayData(*engine, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(*engine, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == ChainsColumn || index.column() == PidColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant EngineListModel::displayData(const EngineRecord &engine, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return !m_localEngine.isEmpty() && engine.name == m_localEngine ? tr("%1 (this console)").arg(engine.name) : engine.name;
    case StateColumn:
        return stateText(engine);
    case ChainsColumn:
        return QLocale().toString(engine.chains.size());
    case CoordinatorColumn:
        return engine.coordinator ? tr("yes") : QStringLiteral("—");
    case HostColumn:
        return engine.host;
    case PidColumn:
        return engine.pid > 0 ? QString::number(engine.pid) : QString();
    case ProgramColumn:
        return engine.app;
    case HeartbeatColumn:
        return engine.heartbeatAt > 0 ? ageText(std::max<qint64>(0, m_nowMs - engine.heartbeatAt)) : QStringLiteral("—");
    case StartedColumn:
        return timestampText(engine.startedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EngineListModel::sortData(const EngineRecord &engine, int column) const
{
    switch (Column(column)) {
    case StateColumn:
        return int(stateOf(engine));
    case ChainsColumn:
        return qint64(engine.chains.size());
    case CoordinatorColumn:
        return engine.coordinator ? 1 : 0;
    case PidColumn:
        return engine.pid;
    case HeartbeatColumn:
        return engine.heartbeatAt > 0 ? m_nowMs - engine.heartbeatAt : LLONG_MAX;
    case StartedColumn:
        return engine.startedAt;
    case NameColumn:
        return engine.name;
    case HostColumn:
    case ProgramColumn:
        return displayData(engine, column);
    case ColumnCount:
        break;
    }
    return {};
}

QString EngineListModel::toolTip(const EngineRecord &engine, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return engine.name == m_localEngine ? tr("The engine of this console: it indexes the chains it holds in this process.") : QString();
    case StateColumn:
        switch (stateOf(engine)) {
        case Condition::NotResponding:
            return tr("No heartbeat for %1, longer than its leases last (%2): the other engines take its chains.")
                .arg(QueueHealthModel::durationText(std::max<qint64>(0, m_nowMs - engine.heartbeatAt)),
                     QueueHealthModel::durationText(engine.leaseMs));
        case Condition::Draining:
            return tr("Draining: it gives its chains to the other engines and takes none until it is resumed.");
        case Condition::Running:
            return engine.maxChains ? tr("Takes at most %n chain(s).", nullptr, *engine.maxChains) : tr("Takes its fair share of the chains.");
        }
        return {};
    case ChainsColumn: {
        if (engine.chains.isEmpty())
            return tr("Indexes no chain.");
        QStringList lines;
        for (qint64 chainId : engine.chains)
            lines.append(chainText(chainId));
        return lines.join(u'\n');
    }
    case CoordinatorColumn:
        return tr("The coordinator, one engine at a time, runs triggers, alerts, balance refreshes and maintenance for all engines.");
    case HeartbeatColumn:
        return engine.heartbeatAt > 0 ? timestampText(engine.heartbeatAt) : QString();
    case HostColumn:
    case PidColumn:
    case ProgramColumn:
    case StartedColumn:
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EngineListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case StateColumn:
            return tr("Running; not responding (no heartbeat within its lease: the other engines take its chains); "
                      "draining (gives its chains to the others and takes none until resumed)");
        case ChainsColumn:
            return tr("The chains the engine indexes now: each chain is indexed by one engine at a time");
        case CoordinatorColumn:
            return tr("The coordinator runs triggers, alerts, balance refreshes and maintenance for all engines");
        case ProgramColumn:
            return tr("The program the engine runs in: arbor (a console) or arborctl (serve, index)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ChainsColumn:
        return tr("Chains");
    case CoordinatorColumn:
        return tr("Coordinator");
    case HostColumn:
        return tr("Host");
    case PidColumn:
        return tr("PID");
    case ProgramColumn:
        return tr("Program");
    case HeartbeatColumn:
        return tr("Last heartbeat");
    case StartedColumn:
        return tr("Started");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui
