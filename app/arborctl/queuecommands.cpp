#include "queuecommands.h"
#include "translation.h"

#include "engine/balanceservice.h"
#include "output.h"
#include "queue/queueprocessor.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QTextStream>

namespace arbor::cli {
namespace {

QString age(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    if (ms < 60000)
        return Arborctl::tr("%1 s").arg(ms / 1000);
    if (ms < 3600000)
        return Arborctl::tr("%1 min").arg(ms / 60000);
    return Arborctl::tr("%1 h").arg(double(ms) / 3600000.0, 0, 'f', 1);
}

Result<bool> parseBool(const QString &text, const QString &field)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    return Error::invalid(field, Arborctl::tr("“%1” is not true or false.").arg(text));
}

void printQueueConfig(const QueueConfig &c, const QString &chainName, bool asJson)
{
    if (asJson) {
        printJson(queueConfigToJson(c, chainName));
        return;
    }
    QTextStream out(stdout);
    out << Arborctl::tr("Balance queue of %1 (%2):").arg(chainName).arg(c.chainId) << Qt::endl;
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("--enabled"), c.enabled ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("--batch-size"), QString::number(c.batchSize)},
        {QStringLiteral("--interval-ms"), QString::number(c.intervalMs)},
        {QStringLiteral("--max-retries"), QString::number(c.maxRetries)},
        {QStringLiteral("--retry-backoff-ms"), QString::number(c.retryBackoffMs)},
        {QStringLiteral("--boost-after-ms"), QString::number(c.boostAfterMs)},
        {QStringLiteral("--boost-by"), QString::number(c.boostBy)},
        {QStringLiteral("--high-load-pending"), QString::number(c.highLoadPending)},
        {QStringLiteral("--delayed-after-ms"), QString::number(c.delayedAfterMs)},
        {QStringLiteral("--errors-per-hour"), QString::number(c.errorsPerHour)},
    };
    for (const auto &[name, value] : rows)
        out << "  " << name.leftJustified(22) << value << Qt::endl;
}

} // namespace

int queueHealth(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Per chain: balance-queue status, backlog, throughput and errors."),
                                                     {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.balances()->queueHealth(), &engine, [asJson, finish](Result<QList<QueueHealth>> health) {
            if (!health) {
                finish(fail(health.error()));
                return;
            }
            if (asJson) {
                QJsonArray list;
                for (const QueueHealth &h : *health)
                    list.append(queueHealthToJson(h));
                printJson(list);
            } else if (health->isEmpty()) {
                QTextStream(stdout) << Arborctl::tr("No chains. Add one with “arborctl chain add”.") << Qt::endl;
            } else {
                QList<QStringList> rows;
                for (const QueueHealth &h : *health) {
                    rows.append({QString::number(h.chainId), h.chainName, queueStatusName(h.status), QString::number(h.pending),
                                 QString::number(h.processing), QString::number(h.failed), QString::number(h.completedLastHour),
                                 QString::number(h.errorsLastHour), QString::number(h.avgProcessingMs, 'f', 1), age(h.oldestPendingAgeMs)});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("CHAIN"), Arborctl::tr("STATUS"), Arborctl::tr("PENDING"), Arborctl::tr("PROCESSING"),
                            Arborctl::tr("FAILED"), Arborctl::tr("DONE/H"), Arborctl::tr("ERRORS/H"), Arborctl::tr("AVG MS"), Arborctl::tr("OLDEST")},
                           rows);
                QTextStream out(stdout);
                for (const QueueHealth &h : *health) {
                    for (const TokenProblem &p : h.problems) {
                        out << Arborctl::tr("%1: token %2 (%3): %4 Fix: %5 (%6 items waiting, since %7)")
                                   .arg(h.chainName, p.symbol.isEmpty() ? Arborctl::tr("no symbol") : p.symbol, p.token.toChecksumHex(), p.message, p.fix)
                                   .arg(p.waitingItems)
                                   .arg(QDateTime::fromMSecsSinceEpoch(p.since).toString(Qt::ISODate))
                            << Qt::endl;
                    }
                }
            }
            finish(ExitOk);
        });
    });
}

int queueRetryFailed(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Put a chain's failed balance-queue items back in the queue, retry counts reset."),
                                                     {chain, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, asJson](Engine &engine, std::function<void(int)> finish) {
        then(findChain(engine, ref), &engine, [&engine, asJson, finish](Result<ChainRecord> c) {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            const qint64 chainId = c->config.chainId;
            const QString name = c->config.name;
            then(engine.balances()->retryFailed(ChainRef{chainId, {}}), &engine, [chainId, name, asJson, finish](Result<qint64> n) {
                if (!n) {
                    finish(fail(optionError(n.error())));
                    return;
                }
                if (asJson)
                    printJson(QJsonObject{{QStringLiteral("chainId"), chainId}, {QStringLiteral("chain"), name}, {QStringLiteral("requeued"), *n}});
                else
                    QTextStream(stdout) << Arborctl::tr("Put %1 failed items of %2 back in the queue.").arg(*n).arg(name) << Qt::endl;
                finish(ExitOk);
            });
        });
    });
}

int queueConfig(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption enabled(QStringLiteral("enabled"), Arborctl::tr("Process the chain's queue: true or false."), QStringLiteral("true|false"));
    // Integer settings: option, help, where it goes, what fits the field; QueueConfig::validate()
    // holds the allowed ranges and names them.
    struct Setting
    {
        QCommandLineOption option;
        std::function<void(QueueConfig &, qint64)> apply;
        qint64 min;
        qint64 max;
    };
    const qint64 intMax = std::numeric_limits<int>::max();
    const qint64 longMax = std::numeric_limits<qint64>::max();
    const QList<Setting> settings = {
        {QCommandLineOption(QStringLiteral("batch-size"), Arborctl::tr("Items claimed at once (1 to %1).").arg(QueueConfig::MaxBatchSize), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.batchSize = int(v); }, 1, QueueConfig::MaxBatchSize},
        {QCommandLineOption(QStringLiteral("interval-ms"), Arborctl::tr("Pause between batches once the queue ran dry, in ms."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.intervalMs = int(v); }, 0, intMax},
        {QCommandLineOption(QStringLiteral("max-retries"), Arborctl::tr("Failures before an item is marked failed (0 to %1).").arg(QueueConfig::MaxRetriesLimit), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.maxRetries = int(v); }, 0, QueueConfig::MaxRetriesLimit},
        {QCommandLineOption(QStringLiteral("retry-backoff-ms"), Arborctl::tr("First retry after this many ms, doubling each time."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.retryBackoffMs = v; }, 0, longMax},
        {QCommandLineOption(QStringLiteral("boost-after-ms"), Arborctl::tr("Raise the priority of items pending longer than this, in ms."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.boostAfterMs = v; }, 0, longMax},
        {QCommandLineOption(QStringLiteral("boost-by"), Arborctl::tr("By how much (the priority is capped at 10)."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.boostBy = int(v); }, 0, intMax},
        {QCommandLineOption(QStringLiteral("high-load-pending"), Arborctl::tr("Status HIGH_LOAD above this many pending items."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.highLoadPending = int(v); }, 0, intMax},
        {QCommandLineOption(QStringLiteral("delayed-after-ms"), Arborctl::tr("Status DELAYED when the oldest pending item is older, in ms."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.delayedAfterMs = v; }, 0, longMax},
        {QCommandLineOption(QStringLiteral("errors-per-hour"), Arborctl::tr("Status ERRORS above this many failures in the last hour."), QStringLiteral("N")),
         [](QueueConfig &c, qint64 v) { c.errorsPerHour = int(v); }, 0, intMax},
    };
    const QCommandLineOption json = jsonOption();
    CommandSpec spec{Arborctl::tr("Show a chain's balance-queue settings, or change them and show the result."), {chain, enabled, json}};
    for (const Setting &s : settings)
        spec.options.append(s.option);
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());

    // Every option is checked before anything is read or written.
    QList<std::function<void(QueueConfig &)>> changes;
    if (parser.isSet(enabled)) {
        auto v = parseBool(parser.value(enabled), QStringLiteral("--enabled"));
        if (!v)
            return fail(v.error());
        changes.append([on = *v](QueueConfig &c) { c.enabled = on; });
    }
    for (const Setting &s : settings) {
        if (!parser.isSet(s.option))
            continue;
        auto v = parseInteger(parser.value(s.option), QLatin1String("--") + s.option.names().first(), s.min, s.max);
        if (!v)
            return fail(v.error());
        changes.append([apply = s.apply, value = *v](QueueConfig &c) { apply(c, value); });
    }

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, changes, asJson](Engine &engine, std::function<void(int)> finish) {
        then(findChain(engine, ref), &engine, [&engine, changes, asJson, finish](Result<ChainRecord> c) {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            const qint64 chainId = c->config.chainId;
            const QString name = c->config.name;
            auto current = [chainId](const QList<QueueConfig> &all) {
                for (const QueueConfig &q : all) {
                    if (q.chainId == chainId)
                        return q;
                }
                QueueConfig defaults;
                defaults.chainId = chainId;
                return defaults;
            };
            auto show = [&engine, current, name, asJson, finish]() {
                then(engine.balances()->queueConfigs(), &engine, [current, name, asJson, finish](Result<QList<QueueConfig>> all) {
                    if (!all) {
                        finish(fail(all.error()));
                        return;
                    }
                    printQueueConfig(current(*all), name, asJson);
                    finish(ExitOk);
                });
            };
            if (changes.isEmpty()) {
                show();
                return;
            }
            then(engine.balances()->queueConfigs(), &engine, [&engine, current, changes, show, finish](Result<QList<QueueConfig>> all) {
                if (!all) {
                    finish(fail(all.error()));
                    return;
                }
                QueueConfig updated = current(*all);
                for (const auto &change : changes)
                    change(updated);
                if (Status valid = updated.validate(); !valid) {
                    finish(fail(optionError(valid.error())));
                    return;
                }
                then(engine.balances()->setQueueConfig(updated), &engine, [show, finish](Status saved) {
                    if (!saved) {
                        finish(fail(optionError(saved.error())));
                        return;
                    }
                    show();
                });
            });
        });
    });
}

int queueRun(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption untilEmpty(QStringLiteral("until-empty"), Arborctl::tr("Stop once nothing is pending or processing (default: run until SIGINT/SIGTERM)."));
    const QCommandLineOption workers(QStringLiteral("workers"), Arborctl::tr("Worker threads, each with its own database connection (1 to 64, default 1)."),
                                     QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the totals as JSON."));
    const QCommandLineOption listCompleted(QStringLiteral("list-completed"), Arborctl::tr("With --json: also list the id of every item completed."));
    const CommandSpec spec{Arborctl::tr("Process the balance queue of every chain. Needs no engine lease: several may run at once, "
                                        "also on several machines sharing a PostgreSQL database."),
                           {untilEmpty, workers, json, listCompleted}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    QueueOptions options;
    if (parser.isSet(workers)) {
        auto v = parseInteger(parser.value(workers), QStringLiteral("--workers"), 1, 64);
        if (!v)
            return fail(v.error());
        options.workers = int(*v);
    }
    options.untilEmpty = parser.isSet(untilEmpty);
    options.recordCompletedIds = parser.isSet(listCompleted);
    const bool asJson = parser.isSet(json);

    return runWithEngine(inv, adminOptions(), [options, asJson](Engine &engine, std::function<void(int)> finish) {
        // The engine only opened and migrated the database; the processor has connections of its own.
        auto *processor = new QueueProcessor(engine.options().database, engine.options().password, options, &engine);
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto totals = std::make_shared<QueueRunStats>();
        auto done = std::make_shared<bool>(false);
        QObject::connect(processor, &QueueProcessor::batchDone, &engine, [totals](const QueueRunStats &batch) {
            *totals += batch;
            QTextStream(stderr) << Arborctl::tr("arborctl: batch: claimed %1, completed %2, retried %3, failed %4, reclaimed %5")
                                       .arg(batch.claimed)
                                       .arg(batch.completed)
                                       .arg(batch.retried)
                                       .arg(batch.failed)
                                       .arg(batch.reclaimed)
                                << Qt::endl;
        });
        QObject::connect(processor, &QueueProcessor::workerError, &engine, [](const QString &message) {
            QTextStream(stderr) << Arborctl::tr("arborctl: queue worker: %1").arg(message) << Qt::endl;
        });
        auto interrupted = std::make_shared<bool>(false);
        // Once every worker has stopped: prints what they did.
        auto report = [&engine, processor = QPointer<QueueProcessor>(processor), totals, timer, done, interrupted, options, asJson, finish]() {
            if (*done)
                return;
            *done = true;
            // Not from inside the processor's own signal.
            QMetaObject::invokeMethod(&engine, [=, &engine]() {
                delete processor.data();
                const double seconds = double(timer->elapsed()) / 1000.0;
                if (asJson) {
                    QJsonObject o = queueRunStatsToJson(*totals);
                    o.insert(QStringLiteral("workers"), options.workers);
                    o.insert(QStringLiteral("seconds"), seconds);
                    o.insert(QStringLiteral("untilEmpty"), options.untilEmpty);
                    o.insert(QStringLiteral("interrupted"), *interrupted);
                    if (options.recordCompletedIds) {
                        QJsonArray ids;
                        for (qint64 id : std::as_const(totals->completedIds))
                            ids.append(id);
                        o.insert(QStringLiteral("completedIds"), ids);
                    }
                    printJson(o);
                } else {
                    QTextStream(stdout) << Arborctl::tr("Claimed %1, completed %2, retried %3, failed %4, reclaimed %5 in %6 s (%7 workers).")
                                               .arg(totals->claimed)
                                               .arg(totals->completed)
                                               .arg(totals->retried)
                                               .arg(totals->failed)
                                               .arg(totals->reclaimed)
                                               .arg(seconds, 0, 'f', 2)
                                               .arg(options.workers)
                                        << Qt::endl;
                    if (totals->heldBack > 0)
                        QTextStream(stdout) << Arborctl::tr("Held back %1 items of tokens whose every item failed alike; "
                                                            "`arborctl queue health` says why.")
                                                   .arg(totals->heldBack)
                                            << Qt::endl;
                }
                // Interrupted before the queue was empty, or items left waiting on a token
                // problem: the run did not do what was asked.
                if (*interrupted && options.untilEmpty) {
                    finish(ExitFailed);
                    return;
                }
                if (!options.untilEmpty || totals->heldBack == 0) {
                    finish(ExitOk);
                    return;
                }
                then(engine.balances()->queueHealth(), &engine, [finish](Result<QList<QueueHealth>> health) {
                    bool waiting = !health;
                    for (const QueueHealth &h : health ? *health : QList<QueueHealth>()) {
                        for (const TokenProblem &p : h.problems)
                            waiting = waiting || p.waitingItems > 0;
                    }
                    finish(waiting ? ExitFailed : ExitOk);
                });
            }, Qt::QueuedConnection);
        };
        QObject::connect(processor, &QueueProcessor::finished, &engine, report);
        exitOnSignals(&engine, [processor = QPointer<QueueProcessor>(processor), interrupted, report] {
            if (*interrupted) {
                // A second signal: do not wait for the batches in hand (they are taken back later).
                report();
                return;
            }
            *interrupted = true;
            QTextStream(stderr) << Arborctl::tr("arborctl: stopping the queue workers after the batches in hand.") << Qt::endl;
            if (processor)
                processor->stop();
        });
        if (!options.untilEmpty)
            QTextStream(stderr) << Arborctl::tr("arborctl: processing the balance queue of %1; stop with Ctrl+C.").arg(engine.state().backend) << Qt::endl;
        processor->start();
    });
}

int chainSetBalanceMode(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption token = tokenAddressOption();
    const QCommandLineOption mode(QStringLiteral("mode"), Arborctl::tr("transfers (sum of indexed transfers) or balance_of (balanceOf by eth_call)."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Change how a token's balances are computed; every holder is queued again."),
                                                     {chain, token, mode, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    auto address = addressOption(parser, token);
    if (!address)
        return fail(address.error());
    if (!parser.isSet(mode))
        return fail(Error::invalid(QStringLiteral("--mode"), Arborctl::tr("Required: --mode transfers or --mode balance_of.")));
    auto m = parseBalanceMode(parser.value(mode).trimmed(), QStringLiteral("--mode"));
    if (!m)
        return fail(m.error());

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, t = *address, m = *m, asJson](Engine &engine, std::function<void(int)> finish) {
        then(findChain(engine, ref, t), &engine, [&engine, t, m, asJson, finish](Result<ChainRecord> c) {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            const qint64 chainId = c->config.chainId;
            const QString name = c->config.name;
            then(engine.balances()->setBalanceMode(ChainRef{chainId, {}}, t, m), &engine, [chainId, name, t, m, asJson, finish](Status s) {
                if (!s) {
                    finish(fail(optionError(s.error())));
                    return;
                }
                if (asJson) {
                    printJson(QJsonObject{{QStringLiteral("chainId"), chainId}, {QStringLiteral("token"), t.toHex()},
                                          {QStringLiteral("balanceMode"), balanceModeName(m)}});
                } else {
                    QTextStream(stdout) << Arborctl::tr("Balances of %1 on %2 are now computed by %3; its holders are queued again.")
                                               .arg(t.toChecksumHex(), name, balanceModeName(m))
                                        << Qt::endl;
                }
                finish(ExitOk);
            });
        });
    });
}

} // namespace arbor::cli
