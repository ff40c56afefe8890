#include "maintenancecommands.h"
#include "translation.h"

#include "engine/databaseservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
using PolicyChange = std::pair<QString, std::optional<int>>;

/// "NAME=DAYS" or "NAME=never", checked against the policy: Invalid naming --set otherwise.
Result<PolicyChange> parseSet(const QString &text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0 || eq == text.size() - 1)
        return Error::invalid(QStringLiteral("--set"),
                              Arborctl::tr("“%1” is not NAME=DAYS or NAME=never; e.g. --set action_results=30 (arborctl db retention lists the names).").arg(text));
    const QString name = text.left(eq).trimmed();
    const QString value = text.mid(eq + 1).trimmed();
    std::optional<int> days;
    if (value.compare(QLatin1String("never"), Qt::CaseInsensitive) != 0) {
        bool ok = false;
        const int parsed = value.toInt(&ok);
        if (!ok)
            return Error::invalid(QStringLiteral("--set"), Arborctl::tr("“%1” for %2 is not a whole number of days or never.").arg(value, name));
        days = parsed;
    }
    if (Status s = RetentionStore::validate(name, days, QStringLiteral("--set")); !s)
        return s.error();
    return PolicyChange{name, days};
}

QString daysText(std::optional<int> days)
{
    return days ? Arborctl::tr("%1 days").arg(*days) : Arborctl::tr("never");
}

QJsonObject settingToJson(const RetentionSetting &s)
{
    return {{QStringLiteral("name"), s.policy.name},
            {QStringLiteral("title"), s.policy.title},
            {QStringLiteral("covers"), s.policy.covers},
            {QStringLiteral("days"), s.days ? QJsonValue(*s.days) : QJsonValue()},
            {QStringLiteral("default"), s.isDefault},
            {QStringLiteral("defaultDays"), s.policy.defaultDays ? QJsonValue(*s.policy.defaultDays) : QJsonValue()},
            {QStringLiteral("minimumDays"), s.policy.minimumDays},
            {QStringLiteral("mayKeepForever"), s.policy.mayKeepForever},
            {QStringLiteral("updatedAt"), timestampToJson(s.updatedAt)}};
}

void printPolicies(const QList<RetentionSetting> &settings)
{
    QList<QStringList> rows;
    for (const RetentionSetting &s : settings) {
        rows.append({s.policy.name, daysText(s.days),
                     s.isDefault ? Arborctl::tr("(default)") : Arborctl::tr("default %1").arg(daysText(s.policy.defaultDays)), s.policy.covers});
    }
    printTable({Arborctl::tr("POLICY"), Arborctl::tr("KEEP"), Arborctl::tr("DEFAULT"), Arborctl::tr("DELETES")}, rows);
}

QString stepTarget(const MaintenanceStep &s)
{
    return s.target.isEmpty() ? QStringLiteral("-") : s.target;
}

QJsonObject runToJson(const MaintenanceRun &run)
{
    QJsonObject o = run.toJson();
    o.insert(QStringLiteral("startedAt"), timestampToJson(run.startedAt));
    o.insert(QStringLiteral("finishedAt"), timestampToJson(run.finishedAt.value_or(0)));
    if (run.kind == u"retention") {
        QJsonObject deleted;
        const QHash<QString, qint64> byPolicy = run.deletedByPolicy();
        for (auto it = byPolicy.begin(); it != byPolicy.end(); ++it)
            deleted.insert(it.key(), it.value());
        o.insert(QStringLiteral("deleted"), deleted);
    }
    return o;
}

void printRetentionRun(const MaintenanceRun &run)
{
    QTextStream out(stdout);
    qint64 total = 0;
    const QHash<QString, qint64> byPolicy = run.deletedByPolicy();
    for (qint64 rows : byPolicy)
        total += rows;
    out << Arborctl::tr("Deleted %1 rows in %2 ms.").arg(total).arg(run.durationMs()) << Qt::endl;
    QList<QStringList> rows;
    for (const MaintenanceStep &s : run.steps) {
        if (s.rows > 0 || !s.ok || (s.rows == 0 && !s.detail.isEmpty() && s.target.isEmpty()))
            rows.append({s.policy, stepTarget(s), QString::number(std::max<qint64>(0, s.rows)), QString::number(s.ms), s.detail});
    }
    if (!rows.isEmpty())
        printTable({Arborctl::tr("POLICY"), Arborctl::tr("TABLE"), Arborctl::tr("ROWS"), Arborctl::tr("MS"), Arborctl::tr("DETAIL")}, rows);
    if (!run.error.isEmpty())
        out << run.error << Qt::endl;
}

/// Sets `changes` one after the other, then calls `done` (with the first error, if any).
void applyChanges(Engine &engine, QList<PolicyChange> changes, std::function<void(Status)> done)
{
    if (changes.isEmpty()) {
        done({});
        return;
    }
    const PolicyChange change = changes.takeFirst();
    then(engine.database()->setRetentionPolicy(change.first, change.second), &engine, [&engine, changes, done](Result<RetentionSetting> set) {
        if (!set) {
            done(set.error());
            return;
        }
        applyChanges(engine, changes, done);
    });
}

} // namespace

int dbRetention(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption set(QStringLiteral("set"),
                                 Arborctl::tr("Keep a policy's rows DAYS days, or for ever (never); repeat for several policies."),
                                 QStringLiteral("NAME=DAYS|never"));
    const QCommandLineOption apply(QStringLiteral("apply"), Arborctl::tr("Delete what the policies say is past its age now, in batches."));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv,
                                       {Arborctl::tr("List the retention policies (how long each kind of row is kept), change them, and apply them."),
                                        {set, apply, json}}))
        return *exit;
    // Every change is checked before any is written.
    QList<PolicyChange> changes;
    for (const QString &text : parser.values(set)) {
        auto change = parseSet(text);
        if (!change)
            return fail(change.error());
        changes.append(*change);
    }
    const bool asJson = parser.isSet(json);
    const bool applying = parser.isSet(apply);
    return runWithEngine(inv, adminOptions(), [changes, asJson, applying](Engine &engine, std::function<void(int)> finish) {
        applyChanges(engine, changes, [&engine, asJson, applying, finish](Status changed) {
            if (!changed) {
                finish(fail(optionError(changed.error())));
                return;
            }
            const auto report = [&engine, asJson, finish](std::optional<MaintenanceRun> run) {
                then(engine.database()->retentionPolicies(), &engine, [asJson, finish, run](Result<QList<RetentionSetting>> settings) {
                    if (!settings) {
                        finish(fail(settings.error()));
                        return;
                    }
                    const bool ok = !run || run->ok.value_or(false);
                    if (asJson) {
                        QJsonArray list;
                        for (const RetentionSetting &s : *settings)
                            list.append(settingToJson(s));
                        if (run)
                            printJson(QJsonObject{{QStringLiteral("policies"), list}, {QStringLiteral("run"), runToJson(*run)}});
                        else
                            printJson(list);
                    } else {
                        printPolicies(*settings);
                        if (run)
                            printRetentionRun(*run);
                    }
                    finish(ok ? ExitOk : ExitFailed);
                });
            };
            if (!applying) {
                report(std::nullopt);
                return;
            }
            then(engine.database()->applyRetention(), &engine, [report, finish](Result<MaintenanceRun> run) {
                if (!run) {
                    finish(fail(run.error()));
                    return;
                }
                report(*run);
            });
        });
    });
}

int dbMaintain(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption full(QStringLiteral("full"),
                                  Arborctl::tr("SQLite: a full VACUUM, which rewrites the file (and converts one made without incremental "
                                               "auto-vacuum). PostgreSQL: VACUUM (ANALYZE) every table, not only the busy ones."));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv,
                                       {Arborctl::tr("Run database maintenance now: VACUUM/ANALYZE and index rebuilds where they pay (PostgreSQL); "
                                                     "incremental vacuum, PRAGMA optimize and a WAL checkpoint (SQLite)."),
                                        {full, json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    const bool isFull = parser.isSet(full);
    return runWithEngine(inv, adminOptions(), [asJson, isFull](Engine &engine, std::function<void(int)> finish) {
        then(engine.database()->runMaintenance(isFull), &engine, [asJson, finish](Result<MaintenanceRun> run) {
            if (!run) {
                finish(fail(run.error()));
                return;
            }
            if (asJson) {
                printJson(runToJson(*run));
            } else {
                QList<QStringList> rows;
                for (const MaintenanceStep &s : run->steps)
                    rows.append({s.step, stepTarget(s), QString::number(s.ms), s.ok ? Arborctl::tr("ok") : Arborctl::tr("FAILED"), s.detail});
                printTable({Arborctl::tr("STEP"), Arborctl::tr("TABLE/INDEX"), Arborctl::tr("MS"), Arborctl::tr("RESULT"), Arborctl::tr("DETAIL")}, rows);
                QTextStream(stdout) << (run->ok.value_or(false) ? Arborctl::tr("Maintenance finished in %1 ms.").arg(run->durationMs())
                                                               : Arborctl::tr("Maintenance finished with errors in %1 ms: %2").arg(run->durationMs()).arg(run->error))
                                    << Qt::endl;
            }
            finish(run->ok.value_or(false) ? ExitOk : ExitFailed);
        });
    });
}

} // namespace arbor::cli
