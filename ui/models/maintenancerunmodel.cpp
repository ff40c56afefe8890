#include "models/maintenancerunmodel.h"

#include "models/keyedrows.h"

#include <QDateTime>
#include <QLocale>

#include <climits>

namespace arbor::ui {
namespace {

bool same(const MaintenanceRun &a, const MaintenanceRun &b)
{
    return a.finishedAt == b.finishedAt && a.ok == b.ok && a.error == b.error && a.steps.size() == b.steps.size();
}

} // namespace

MaintenanceRunModel::MaintenanceRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MaintenanceRunModel::setRuns(const QList<MaintenanceRun> &runs)
{
    syncKeyedRows(this, m_rows, runs, [](const MaintenanceRun &r) { return r.id; }, same);
}

const MaintenanceRun *MaintenanceRunModel::runAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int MaintenanceRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MaintenanceRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MaintenanceRunModel::kindText(const QString &kind)
{
    if (kind == u"maintenance")
        return tr("Maintenance");
    if (kind == u"retention")
        return tr("Retention");
    if (kind == u"backup")
        return tr("Backup");
    if (kind == u"restore")
        return tr("Restore");
    return kind;
}

QString MaintenanceRunModel::durationText(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms));
    return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
}

QVariant MaintenanceRunModel::data(const QModelIndex &index, int role) const
{
    const MaintenanceRun *run = index.isValid() ? runAt(index.row()) : nullptr;
    if (!run)
        return {};
    if (role == RunIdRole)
        return run->id;
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return run->error.isEmpty() ? QVariant() : QVariant(run->error);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case StartedColumn:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(run->startedAt), QLocale::ShortFormat);
    case KindColumn:
        return kindText(run->kind);
    case RequestedByColumn:
        return run->requestedBy == u"schedule" ? tr("schedule") : tr("operator");
    case DurationColumn:
        return run->finishedAt ? durationText(run->durationMs()) : QString();
    case ResultColumn:
        if (!run->finishedAt)
            return tr("running or interrupted");
        return run->ok.value_or(false) ? tr("OK") : tr("Failed");
    case SummaryColumn: {
        if (!run->error.isEmpty())
            return run->error;
        if (run->kind == u"retention") {
            qint64 rows = 0;
            for (qint64 n : run->deletedByPolicy())
                rows += n;
            return tr("%n row(s) deleted", nullptr, int(std::min<qint64>(rows, INT_MAX)));
        }
        return tr("%n step(s)", nullptr, int(run->steps.size()));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MaintenanceRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case StartedColumn:
        return tr("Started");
    case KindColumn:
        return tr("Kind");
    case RequestedByColumn:
        return tr("Requested by");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    case SummaryColumn:
        return tr("Summary");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui
