#include "store/maintenancelog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace arbor {

QJsonObject MaintenanceStep::toJson() const
{
    QJsonObject o{{QStringLiteral("step"), step}, {QStringLiteral("ms"), ms}, {QStringLiteral("ok"), ok}};
    if (!target.isEmpty())
        o.insert(QStringLiteral("table"), target);
    if (!policy.isEmpty())
        o.insert(QStringLiteral("policy"), policy);
    if (rows >= 0)
        o.insert(QStringLiteral("rows"), rows);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}

MaintenanceStep MaintenanceStep::fromJson(const QJsonObject &o)
{
    MaintenanceStep s;
    s.step = o.value(QStringLiteral("step")).toString();
    s.target = o.value(QStringLiteral("table")).toString();
    s.policy = o.value(QStringLiteral("policy")).toString();
    s.rows = qint64(o.value(QStringLiteral("rows")).toDouble(-1));
    s.ms = qint64(o.value(QStringLiteral("ms")).toDouble());
    s.detail = o.value(QStringLiteral("detail")).toString();
    s.ok = o.value(QStringLiteral("ok")).toBool(true);
    return s;
}

QHash<QString, qint64> MaintenanceRun::deletedByPolicy() const
{
    QHash<QString, qint64> out;
    for (const MaintenanceStep &s : steps) {
        if (!s.policy.isEmpty())
            out[s.policy] += std::max<qint64>(0, s.rows);
    }
    return out;
}

QJsonObject MaintenanceRun::toJson() const
{
    QJsonArray list;
    for (const MaintenanceStep &s : steps)
        list.append(s.toJson());
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("requestedBy"), requestedBy},
                  {QStringLiteral("startedAt"), startedAt},
                  {QStringLiteral("finishedAt"), finishedAt ? QJsonValue(*finishedAt) : QJsonValue()},
                  {QStringLiteral("ok"), ok ? QJsonValue(*ok) : QJsonValue()},
                  {QStringLiteral("durationMs"), durationMs()},
                  {QStringLiteral("steps"), list}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

Result<qint64> MaintenanceLog::begin(const QString &kind, const QString &requestedBy)
{
    auto rows = m_store.query(QLatin1String("INSERT INTO ") + m_store.admin("maintenance_runs")
                                  + QLatin1String(" (kind, requested_by, started_at) VALUES (?, ?, ?) RETURNING id"),
                              {kind, requestedBy, m_store.now()});
    if (!rows)
        return rows.error();
    return rows->first()[0].toLongLong();
}

namespace {

QString stepsJson(const QList<MaintenanceStep> &steps)
{
    QJsonArray list;
    for (const MaintenanceStep &s : steps)
        list.append(s.toJson());
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace

Status MaintenanceLog::record(const MaintenanceRun &run)
{
    if (!m_store.tableExists(m_store.admin("maintenance_runs")))
        return {};
    const bool pg = m_store.backend() == Backend::Postgres;
    return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("maintenance_runs")
                            + (pg ? QLatin1String(" (kind, requested_by, started_at, finished_at, ok, steps, error) VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), ?)")
                                  : QLatin1String(" (kind, requested_by, started_at, finished_at, ok, steps, error) VALUES (?, ?, ?, ?, ?, ?, ?)")),
                        {run.kind, run.requestedBy, run.startedAt, m_store.now(), run.error.isEmpty(), stepsJson(run.steps),
                         run.error.isEmpty() ? QVariant() : QVariant(run.error)});
}

Status MaintenanceLog::finish(qint64 id, const QList<MaintenanceStep> &steps, const QString &error)
{
    const QString json = stepsJson(steps);
    const bool pg = m_store.backend() == Backend::Postgres;
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("maintenance_runs")
                            + (pg ? QLatin1String(" SET finished_at = ?, ok = ?, steps = CAST(? AS JSONB), error = ? WHERE id = ?")
                                  : QLatin1String(" SET finished_at = ?, ok = ?, steps = ?, error = ? WHERE id = ?")),
                        {m_store.now(), error.isEmpty(), json, error.isEmpty() ? QVariant() : QVariant(error), id});
}

Result<QList<MaintenanceRun>> MaintenanceLog::runs(int limit, const QString &kind)
{
    const bool pg = m_store.backend() == Backend::Postgres;
    QVariantList params;
    QString sql = QLatin1String("SELECT id, kind, requested_by, started_at, finished_at, ok, ") + (pg ? QLatin1String("CAST(steps AS TEXT)") : QLatin1String("steps"))
        + QLatin1String(", error FROM ") + m_store.admin("maintenance_runs");
    if (!kind.isEmpty()) {
        sql += QLatin1String(" WHERE kind = ?");
        params.append(kind);
    }
    sql += QLatin1String(" ORDER BY started_at DESC, id DESC LIMIT ?");
    params.append(std::max(1, limit));
    auto rows = m_store.query(sql, params);
    if (!rows)
        return rows.error();
    QList<MaintenanceRun> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        MaintenanceRun run;
        run.id = r[0].toLongLong();
        run.kind = r[1].toString();
        run.requestedBy = r[2].toString();
        run.startedAt = r[3].toLongLong();
        if (!r[4].isNull())
            run.finishedAt = r[4].toLongLong();
        if (!r[5].isNull())
            run.ok = r[5].toBool();
        for (const QJsonValue &v : QJsonDocument::fromJson(r[6].toString().toUtf8()).array())
            run.steps.append(MaintenanceStep::fromJson(v.toObject()));
        run.error = r[7].toString();
        out.append(run);
    }
    return out;
}

Result<std::optional<qint64>> MaintenanceLog::lastRun(const QString &kind)
{
    auto rows = m_store.query(QLatin1String("SELECT MAX(started_at) FROM ") + m_store.admin("maintenance_runs") + QLatin1String(" WHERE kind = ? AND finished_at IS NOT NULL"),
                              {kind});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first()[0].isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first()[0].toLongLong());
}

} // namespace arbor
