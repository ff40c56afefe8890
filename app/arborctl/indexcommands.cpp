#include "indexcommands.h"
#include "translation.h"

#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "engine/rosterservice.h"
#include "engine/statsservice.h"
#include "output.h"

#include "metrics/prometheustext.h"
#include "model/entitydef.h"
#include "util/continuation.h"
#include "util/crashreporter.h"
#include "util/heapsettings.h"
#include "util/heaptrimmer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace arbor::cli {
namespace {

Result<qint64> parseBlock(const QString &text, const QString &field)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return Error::invalid(field, Arborctl::tr("“%1” is not a block number (a whole number ≥ 0).").arg(text));
    return v;
}

/// A positive whole number from the environment variable `name`, or nothing (unset or invalid).
std::optional<int> environmentNumber(const char *name)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    if (!ok || v <= 0) {
        if (qEnvironmentVariableIsSet(name))
            QTextStream(stderr) << Arborctl::tr("arborctl: ignoring %1: not a positive whole number.").arg(QLatin1String(name)) << Qt::endl;
        return std::nullopt;
    }
    return v;
}

EngineOptions indexingOptions(const QString &app)
{
    EngineOptions options;
    options.app = app;
    options.lease = EngineOptions::Lease::Required;
    options.indexing = true;
    options.snapshotIntervalMs = 0;   // serve sets its own: it follows chains added, paused or resumed
    // Tuning for slow links and tests, documented in `arborctl --help`.
    if (const auto timeout = environmentNumber("ARBOR_RPC_TIMEOUT_MS"))
        options.indexer.rpc.timeoutMs = *timeout;
    if (const auto blocks = environmentNumber("ARBOR_INDEX_RANGE_BLOCKS")) {
        options.indexer.initialLogSpan = *blocks;
        options.indexer.maxLogSpan = *blocks;
    }
    if (qEnvironmentVariableIsSet("ARBOR_INDEX_TIP_BLOCKS")) {
        bool ok = false;
        const int blocks = qEnvironmentVariableIntValue("ARBOR_INDEX_TIP_BLOCKS", &ok);
        if (ok && blocks >= 0)
            options.indexer.tipBlocks = std::min(blocks, 1000);   // 0: off
        else
            QTextStream(stderr) << Arborctl::tr("arborctl: ignoring %1: not a whole number.").arg(QLatin1String("ARBOR_INDEX_TIP_BLOCKS")) << Qt::endl;
    }
    return options;
}

int indexUntil(const Invocation &inv, qint64 chainId, const QString &what,
               std::function<void(Engine &, std::function<void(bool)>)> check)
{
    EngineOptions options = indexingOptions(QStringLiteral("arborctl"));
    options.onlyChains = {chainId};
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    return runWithEngine(inv, options, [what, check](Engine &engine, std::function<void(int)> finish) {
        if (engine.isReadOnly()) {
            QTextStream(stdout) << Arborctl::tr("%1 is queued: %2").arg(what, engine.state().readOnlyReason) << Qt::endl;
            finish(ExitOk);
            return;
        }
        // One check at a time; a promotion that lands during a check (which may have read the
        // state before it) asks for another, or the last promotion could go unnoticed.
        auto checking = std::make_shared<bool>(false);
        auto again = std::make_shared<bool>(false);
        auto recheck = std::make_shared<std::function<void()>>();
        *recheck = [&engine, check, checking, again, finish, what, weak = std::weak_ptr<std::function<void()>>(recheck)]() {
            if (*checking) {
                *again = true;
                return;
            }
            *checking = true;
            *again = false;
            check(engine, [checking, again, finish, what, weak](bool complete) {
                *checking = false;
                if (complete) {
                    QTextStream(stdout) << Arborctl::tr("%1: done.").arg(what) << Qt::endl;
                    finish(ExitOk);
                } else if (*again) {
                    if (auto self = weak.lock())
                        (*self)();
                }
            });
        };
        QObject::connect(engine.indexing(), &IndexingService::chainPromoted, &engine, [recheck] { (*recheck)(); });
        exitOnSignals(&engine, [finish] { finish(ExitFailed); });
        engine.chains()->refreshSnapshot();
        (*recheck)();
    });
}

} // namespace

int indexCommand(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain(QStringLiteral("chain"), Arborctl::tr("Index only this chain (repeatable; default: all active chains)."), QStringLiteral("ID"));
    const QCommandLineOption until(QStringLiteral("until-block"), Arborctl::tr("Stop once every selected chain has promoted through block N."), QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the summary as JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Index until a block, then exit."), {chain, until, json}}))
        return *exit;
    if (!parser.isSet(until))
        return fail(Error::invalid(QStringLiteral("--until-block"), Arborctl::tr("Required: the block to index through, e.g. --until-block 1000000. "
                                                                                  "To follow the chains without end use “arborctl serve”.")));
    auto target = parseBlock(parser.value(until), QStringLiteral("--until-block"));
    if (!target)
        return fail(target.error());
    QList<ChainRef> refs;
    for (const QString &text : parser.values(chain))
        refs.append(ChainRef::parse(text));
    const bool asJson = parser.isSet(json);
    const qint64 untilBlock = *target;

    EngineOptions options = indexingOptions(QStringLiteral("arborctl index"));
    options.indexer.stopAfterBlock = untilBlock;
    // Resolving names needs the database; the engine is told its chains once they are known.
    // Without --chain the indexing engine takes every active chain itself (no engine started
    // only to list them: on PostgreSQL two connections and a schema check, about 0.09 s).
    auto selected = std::make_shared<QList<qint64>>();
    if (!refs.isEmpty()) {
        const int resolved = runWithEngine(inv, adminOptions(), [&](Engine &engine, std::function<void(int)> finish) {
            then(engine.chains()->list(), &engine, [&, finish](Result<QList<ChainRecord>> chains) {
                if (!chains) {
                    finish(fail(chains.error()));
                    return;
                }
                for (const ChainRef &ref : refs) {
                    auto it = std::find_if(chains->begin(), chains->end(), [&](const ChainRecord &c) {
                        return ref.id ? c.config.chainId == *ref.id : c.config.name == ref.name;
                    });
                    if (it == chains->end()) {
                        finish(fail(Error::notFound(QStringLiteral("--chain"), Arborctl::tr("No chain named or numbered “%1”. See “arborctl chain list”.").arg(ref.toString()))));
                        return;
                    }
                    if (it->state != ChainState::Active) {
                        finish(fail(Error::conflict(QStringLiteral("--chain"), Arborctl::tr("Chain %1 is %2; resume it first.").arg(it->config.name, chainStateName(it->state)))));
                        return;
                    }
                    selected->append(it->config.chainId);
                }
                finish(ExitOk);
            });
        });
        if (resolved != ExitOk)
            return resolved;
    }
    options.onlyChains = *selected;

    return runWithEngine(inv, options, [selected, untilBlock, asJson](Engine &engine, std::function<void(int)> finish) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        auto reached = std::make_shared<QSet<qint64>>();
        auto finished = std::make_shared<bool>(false);
        // The rows this run's promotions wrote, by chain and table, as they reported them: the
        // summary counts nothing in the database (a table's COUNT(*) reads all of it, seconds
        // on a real chain's millions of rows; `arborctl sync-status` shows those totals).
        auto written = std::make_shared<QHash<qint64, QHash<QString, qint64>>>();
        auto names = std::make_shared<QHash<qint64, QString>>();

        auto summarise = [timer, selected, written, names, untilBlock, asJson, finish, finished]() {
            if (*finished)
                return;
            *finished = true;
            const double seconds = double(timer->elapsed()) / 1000.0;
            QJsonArray tables;
            bool any = false;
            QTextStream out(stdout);
            if (!asJson)
                out << Arborctl::tr("Indexed through block %1 in %2 s.").arg(untilBlock).arg(seconds, 0, 'f', 2) << Qt::endl;
            for (const qint64 chainId : std::as_const(*selected)) {
                const QHash<QString, qint64> rows = written->value(chainId);
                for (const EntityDef &e : evmEntities()) {
                    const qint64 n = rows.value(e.name);
                    if (n == 0)
                        continue;
                    any = true;
                    if (asJson)
                        tables.append(QJsonObject{{QStringLiteral("chainId"), chainId}, {QStringLiteral("chain"), names->value(chainId)},
                                                  {QStringLiteral("table"), e.name}, {QStringLiteral("rowsWritten"), n}});
                    else
                        out << "  " << Arborctl::tr("%1 %2: %3 rows written").arg(names->value(chainId), e.name).arg(n) << Qt::endl;
                }
            }
            if (asJson)
                printJson(QJsonObject{{QStringLiteral("untilBlock"), untilBlock}, {QStringLiteral("seconds"), seconds}, {QStringLiteral("tables"), tables}});
            else if (!any)
                out << "  " << Arborctl::tr("Nothing was left to index: no rows written.") << Qt::endl;
            finish(ExitOk);
        };

        // A chain is done when index_progress covers [start block, untilBlock]: indexed through
        // the block, and no hole below it (a range lost to a crash or removed by hand is filled
        // first). Checked after every promotion; one check per chain at a time, and a promotion
        // that lands during a check asks for another.
        auto startBlocks = std::make_shared<QHash<qint64, qint64>>();
        auto checking = std::make_shared<QSet<qint64>>();
        auto again = std::make_shared<QSet<qint64>>();
        auto check = std::make_shared<std::function<void(qint64)>>();
        *check = [=, &engine, weak = std::weak_ptr<std::function<void(qint64)>>(check)](qint64 chainId) {
            if (*finished || reached->contains(chainId) || !startBlocks->contains(chainId))
                return;
            if (checking->contains(chainId)) {
                again->insert(chainId);
                return;
            }
            checking->insert(chainId);
            then(engine.indexing()->indexRanges(ChainRef{chainId, {}}), &engine, [=](Result<QList<IndexRange>> ranges) {
                checking->remove(chainId);
                if (*finished)
                    return;
                if (!ranges) {
                    *finished = true;
                    finish(fail(ranges.error()));
                    return;
                }
                if (findGaps(*ranges, startBlocks->value(chainId), untilBlock).isEmpty()) {
                    reached->insert(chainId);
                    if (reached->size() == selected->size())
                        summarise();
                } else if (again->remove(chainId)) {
                    if (auto self = weak.lock())
                        (*self)(chainId);
                }
            });
        };
        QObject::connect(engine.indexing(), &IndexingService::chainPromoted, &engine,
                         [check, written](qint64 chainId, qint64, qint64, std::optional<qint64>, const QHash<QString, qint64> &rows) {
                             QHash<QString, qint64> &sum = (*written)[chainId];
                             for (auto it = rows.cbegin(); it != rows.cend(); ++it)
                                 sum[it.key()] += it.value();
                             (*check)(chainId);
                         });
        // An outage is told once as it starts and once as it ends, not at every retry.
        auto troubled = std::make_shared<QHash<qint64, IndexPhase>>();
        QObject::connect(engine.indexing(), &IndexingService::chainStatusChanged, &engine, [troubled](const QList<ChainStatus> &statuses) {
            for (const ChainStatus &s : statuses) {
                const bool trouble = s.phase == IndexPhase::RpcDown || s.phase == IndexPhase::Stalled;
                const auto was = troubled->constFind(s.chainId);
                if (trouble && (was == troubled->cend() || *was != s.phase)) {
                    troubled->insert(s.chainId, s.phase);
                    QTextStream(stderr) << "arborctl: chain " << s.chainId << ' ' << indexPhaseName(s.phase) << ": " << s.message << Qt::endl;
                } else if (!trouble && was != troubled->cend()) {
                    troubled->remove(s.chainId);
                    QTextStream(stderr) << "arborctl: chain " << s.chainId << ' ' << indexPhaseName(s.phase) << Qt::endl;
                }
            }
        });
        exitOnSignals(&engine, [finish] { finish(ExitFailed); });
        then(engine.chains()->list(), &engine, [=, &engine](Result<QList<ChainRecord>> chains) {
            if (!chains) {
                finish(fail(chains.error()));
                return;
            }
            if (selected->isEmpty()) {
                for (const ChainRecord &c : *chains) {
                    if (c.state == ChainState::Active)
                        selected->append(c.config.chainId);
                }
            }
            if (selected->isEmpty()) {
                *finished = true;
                finish(fail(Error::notFound(QStringLiteral("chain"), Arborctl::tr("No active chain to index. Add one with “arborctl chain add”."))));
                return;
            }
            for (const ChainRecord &c : *chains) {
                if (!selected->contains(c.config.chainId))
                    continue;
                names->insert(c.config.chainId, c.config.name);
                // Nothing below the start block exists to index: gaps are looked for from there.
                startBlocks->insert(c.config.chainId, c.config.startBlock.value_or(0));
                (*check)(c.config.chainId);
            }
            engine.chains()->refreshSnapshot();
        });
    });
}

int serveCommand(const Invocation &inv)
{
    // An engine left running: before its first thread starts (arborctl starts none before the
    // command runs).
    shareFewHeaps();
    QCommandLineParser parser;
    const QCommandLineOption metrics(QStringLiteral("metrics"),
                                     Arborctl::tr("Also serve Prometheus metrics (GET /metrics) on HOST:PORT, e.g. 127.0.0.1:9464."),
                                     QStringLiteral("HOST:PORT"));
    const QCommandLineOption engineName(QStringLiteral("engine-name"),
                                        Arborctl::tr("This engine's name among the engines on the database (default: host and pid)."), QStringLiteral("NAME"));
    const QCommandLineOption maxChains(QStringLiteral("max-chains"), Arborctl::tr("Index at most N chains (default: an even share)."), QStringLiteral("N"));
    const QCommandLineOption leaseSeconds(QStringLiteral("lease-seconds"),
                                          Arborctl::tr("Without a heartbeat for this long another engine takes this one's chains over "
                                                       "(default 30; heartbeats every sixth of it)."),
                                          QStringLiteral("S"));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Index the active chains and follow the heads until SIGINT or SIGTERM. On PostgreSQL "
                                                                  "several engines share the chains: each is indexed by one engine at a time."),
                                                     {metrics, engineName, maxChains, leaseSeconds}}))
        return *exit;
    EngineOptions options = indexingOptions(QStringLiteral("arborctl serve"));
    options.shareChains = true;
    if (parser.isSet(engineName)) {
        options.engineName = parser.value(engineName).trimmed();
        if (options.engineName.isEmpty() || options.engineName.size() > 64)
            return fail(Error::invalid(QStringLiteral("--engine-name"), Arborctl::tr("An engine name is 1 to 64 characters, e.g. --engine-name eu-1.")));
    }
    if (parser.isSet(maxChains)) {
        bool ok = false;
        const int n = parser.value(maxChains).toInt(&ok);
        if (!ok || n < 0 || n > 100000)
            return fail(Error::invalid(QStringLiteral("--max-chains"), Arborctl::tr("“%1” is not a number of chains (0 or more).").arg(parser.value(maxChains))));
        options.maxChains = n;
    }
    if (parser.isSet(leaseSeconds)) {
        bool ok = false;
        const int s = parser.value(leaseSeconds).toInt(&ok);
        if (!ok || s < 3 || s > 600)
            return fail(Error::invalid(QStringLiteral("--lease-seconds"), Arborctl::tr("A lease lasts 3 to 600 seconds; “%1” is not that.").arg(parser.value(leaseSeconds))));
        options.chainLeaseMs = qint64(s) * 1000;
        // The coordinator's role fails over on the same scale.
        options.leaseStaleAfterMs = options.chainLeaseMs;
        options.heartbeatMs = std::max(500, s * 1000 / 6);
    }
    const QString metricsAddress = parser.isSet(metrics) ? parser.value(metrics) : QString();
    if (parser.isSet(metrics)) {
        if (auto address = parseListenAddress(metricsAddress, QStringLiteral("--metrics")); !address)
            return fail(address.error());
    }
    // A headless engine runs for days: a crash leaves a report, and the next serve says where.
    const QString crashReports = CrashReporter::defaultDirectory();
    const QStringList unseenCrashes = CrashReporter::unseenReports(crashReports);
    if (QString error; !CrashReporter::install(crashReports, &error))
        QTextStream(stderr) << "arborctl: " << error << Qt::endl;
    CrashReporter::keepLogLines();
    if (const QString notice = CrashReporter::unseenNotice(unseenCrashes); !notice.isEmpty()) {
        QTextStream(stderr) << "arborctl: " << notice << Qt::endl;
        for (const QString &report : unseenCrashes)
            CrashReporter::markSeen(report);
    }
    options.snapshotIntervalMs = 2000;
    // serve keeps balances current and records the queue's health for consoles to chart.
    options.processQueue = true;
    options.queueHealthIntervalMs = 10000;
    // What the catch-up freed goes back to the system once a minute (arborctl keeps it otherwise).
    const HeapTrimmer heapTrimmer;
    return runWithEngine(inv, options, [metricsAddress](Engine &engine, std::function<void(int)> finish) {
        QTextStream(stderr) << Arborctl::tr("arborctl: serving %1; stop with Ctrl+C.").arg(engine.state().backend) << Qt::endl;
        if (!metricsAddress.isEmpty()) {
            then(engine.stats()->serveMetrics(metricsAddress), &engine, [&engine, finish](Status served) {
                if (!served) {
                    Error error = served.error();
                    error.field = QStringLiteral("--metrics");
                    finish(fail(error));
                    return;
                }
                QTextStream(stderr) << Arborctl::tr("arborctl: Prometheus metrics at http://%1/metrics").arg(engine.stats()->metricsAddress()) << Qt::endl;
            });
        }
        auto phases = std::make_shared<QHash<qint64, IndexPhase>>();
        QObject::connect(engine.indexing(), &IndexingService::chainStatusChanged, &engine, [phases](const QList<ChainStatus> &statuses) {
            for (const ChainStatus &s : statuses) {
                if (phases->value(s.chainId, IndexPhase::Stopped) == s.phase)
                    continue;
                phases->insert(s.chainId, s.phase);
                QTextStream(stderr) << "arborctl: chain " << s.chainId << ": " << indexPhaseName(s.phase)
                                    << (s.indexed ? QStringLiteral(" at block %1").arg(*s.indexed) : QString())
                                    << (s.message.isEmpty() ? QString() : QStringLiteral(" — ") + s.message) << Qt::endl;
            }
        });
        // Which chains this engine holds, as the leases come and go.
        RosterService *roster = engine.roster();
        QObject::connect(roster, &RosterService::leaseTaken, &engine, [](qint64 chainId, qint64 epoch) {
            QTextStream(stderr) << Arborctl::tr("arborctl: chain %1: lease taken (epoch %2)").arg(chainId).arg(epoch) << Qt::endl;
        });
        QObject::connect(roster, &RosterService::leaseHandedOver, &engine, [](qint64 chainId) {
            QTextStream(stderr) << Arborctl::tr("arborctl: chain %1: handed over").arg(chainId) << Qt::endl;
        });
        QObject::connect(roster, &RosterService::leaseLost, &engine, [](qint64 chainId, const QString &reason) {
            QTextStream(stderr) << Arborctl::tr("arborctl: chain %1: lease lost — %2").arg(chainId).arg(reason) << Qt::endl;
        });
        QObject::connect(engine.indexing(), &IndexingService::chainLeaseLost, &engine, [](qint64 chainId, const QString &reason) {
            QTextStream(stderr) << Arborctl::tr("arborctl: chain %1: lease lost — %2").arg(chainId).arg(reason) << Qt::endl;
        });
        if (!roster->engineName().isEmpty())
            QTextStream(stderr) << Arborctl::tr("arborctl: engine “%1”").arg(roster->engineName()) << Qt::endl;
        // Timer-driven snapshots start indexers for chains added while serving.
        exitOnSignals(&engine, [finish] {
            QTextStream(stderr) << Arborctl::tr("arborctl: stopping.") << Qt::endl;
            finish(ExitOk);
        });
        engine.chains()->refreshSnapshot();
    });
}

int reindexCommand(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain(QStringLiteral("chain"), Arborctl::tr("The chain's name or id."), QStringLiteral("ID"));
    const QCommandLineOption from(QStringLiteral("from"), Arborctl::tr("First block to reindex."), QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to"), Arborctl::tr("Last block to reindex."), QStringLiteral("B"));
    const QCommandLineOption reason(QStringLiteral("reason"), Arborctl::tr("Why, for the audit log."), QStringLiteral("TEXT"));
    const QCommandLineOption noWait(QStringLiteral("no-wait"), Arborctl::tr("Record the request and exit; a running engine serves it."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Re-fetch a block range and replace what was indexed (audited)."),
                                                     {chain, from, to, reason, noWait}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    if (!parser.isSet(from) || !parser.isSet(to))
        return fail(Error::invalid(parser.isSet(from) ? QStringLiteral("--to") : QStringLiteral("--from"),
                                   Arborctl::tr("Required: the range, e.g. --from 100 --to 200.")));
    auto a = parseBlock(parser.value(from), QStringLiteral("--from"));
    if (!a)
        return fail(a.error());
    auto b = parseBlock(parser.value(to), QStringLiteral("--to"));
    if (!b)
        return fail(b.error());
    if (*b < *a)
        return fail(Error::invalid(QStringLiteral("--to"), Arborctl::tr("--to (%1) is below --from (%2).").arg(*b).arg(*a)));
    if (!parser.isSet(reason) || parser.value(reason).trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("--reason"), Arborctl::tr("Required: why, for the audit log, e.g. --reason \"node served bad logs\".")));

    ReindexRequest request;
    const int recorded = runWithEngine(inv, adminOptions(), [&](Engine &engine, std::function<void(int)> finish) {
        then(engine.indexing()->requestReindex(*ref, *a, *b, parser.value(reason)), &engine, [&, finish](Result<ReindexRequest> r) {
            if (!r) {
                // The store names its parameters; the operator typed the options.
                Error e = r.error();
                if (e.field == u"to" || e.field == u"reason")
                    e.field = QLatin1String("--") + e.field;
                finish(fail(e));
                return;
            }
            request = *r;
            QTextStream(stdout) << Arborctl::tr("Reindex request %1 recorded: chain %2, blocks %3–%4.").arg(r->id).arg(r->chainId).arg(r->from).arg(r->to)
                                << Qt::endl;
            finish(ExitOk);
        });
    });
    if (recorded != ExitOk || parser.isSet(noWait))
        return recorded;
    const qint64 id = request.id;
    return indexUntil(inv, request.chainId, Arborctl::tr("Reindex request %1").arg(id), [id, chainId = request.chainId](Engine &engine, std::function<void(bool)> done) {
        then(engine.indexing()->reindexRequests(ChainRef{chainId, {}}), &engine, [id, done](Result<QList<ReindexRequest>> all) {
            if (!all)
                return done(false);
            for (const ReindexRequest &r : *all) {
                if (r.id == id)
                    return done(r.status != u"pending");
            }
            done(true);
        });
    });
}

int chainAddToken(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain(QStringLiteral("chain"), Arborctl::tr("The chain's name or id."), QStringLiteral("ID"));
    const QCommandLineOption noWait(QStringLiteral("no-wait"), Arborctl::tr("Record the token and exit; a running engine backfills it."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Track a token on a live chain and backfill only its history."),
                                                     {chain, noWait},
                                                     {{QStringLiteral("address"), Arborctl::tr("The ERC-20 token contract.")}}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    if (parser.positionalArguments().size() != 1)
        return fail(Error::invalid(QStringLiteral("address"), Arborctl::tr("Give exactly one token address.")));
    auto address = Address::fromHex(parser.positionalArguments().first(), QStringLiteral("address"));
    if (!address)
        return fail(address.error());

    qint64 chainId = 0;
    const int added = runWithEngine(inv, adminOptions(), [&](Engine &engine, std::function<void(int)> finish) {
        // The chain's id first (the backfill is awaited by id below), then the token.
        then(engine.chains()->list(), &engine, [&, finish](Result<QList<ChainRecord>> chains) {
            if (chains) {
                for (const ChainRecord &c : *chains) {
                    if (ref->id ? c.config.chainId == *ref->id : c.config.name == ref->name)
                        chainId = c.config.chainId;
                }
            }
            then(engine.chains()->addToken(*ref, *address), &engine, [&, finish](Result<TokenInfo> t) {
                if (!t) {
                    finish(fail(t.error()));
                    return;
                }
                QTextStream out(stdout);
                out << Arborctl::tr("Added %1 (%2, %3 decimals)")
                           .arg(t->address.toChecksumHex(), t->symbol.isEmpty() ? Arborctl::tr("no symbol") : t->symbol,
                                t->decimals ? QString::number(*t->decimals) : QStringLiteral("?"));
                if (t->deployBlock)
                    out << Arborctl::tr(", deployed at block %1.").arg(*t->deployBlock) << Qt::endl;
                else
                    out << ". " << t->deployBlockNote << Qt::endl;
                if (t->balanceMode) {
                    out << Arborctl::tr("Balances from %1: %2")
                               .arg(*t->balanceMode == BalanceMode::BalanceOf ? Arborctl::tr("balanceOf on the node") : Arborctl::tr("its transfers"),
                                    t->balanceModeReason)
                        << Qt::endl;
                }
                finish(ExitOk);
            });
        });
    });
    if (added != ExitOk || parser.isSet(noWait) || chainId == 0)
        return added;
    return waitForBackfills(inv, chainId, Arborctl::tr("Backfill of %1").arg(address->toChecksumHex()));
}

int waitForBackfills(const Invocation &inv, qint64 chainId, const QString &what)
{
    return indexUntil(inv, chainId, what, [chainId](Engine &engine, std::function<void(bool)> done) {
        then(engine.indexing()->pendingBackfills(ChainRef{chainId, {}}), &engine, [done](Result<int> n) { done(n && *n == 0); });
    });
}

} // namespace arbor::cli
