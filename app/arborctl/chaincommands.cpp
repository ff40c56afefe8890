#include "chaincommands.h"
#include "chaintexts.h"
#include "translation.h"

#include "engine/chaindeletion.h"
#include "engine/chainservice.h"
#include "engine/rosterservice.h"
#include "model/callestimate.h"
#include "model/erc8004deployments.h"
#include "model/urlsecrets.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QDateTime>
#include <QLocale>
#include <QTextStream>

namespace arbor::cli {
namespace {





/// "2 (1 ok, 1 unreachable)": how many endpoints, and how many in each status.
QString endpointSummary(const QList<EndpointRecord> &endpoints)
{
    QStringList parts;
    for (const EndpointStatus status : {EndpointStatus::Ok, EndpointStatus::RateLimited, EndpointStatus::AnsweringWithErrors,
                                        EndpointStatus::Unreachable, EndpointStatus::Unknown}) {
        const auto n = std::count_if(endpoints.begin(), endpoints.end(), [status](const EndpointRecord &e) { return e.status == status; });
        if (n > 0)
            parts.append(Arborctl::tr("%1 %2", "count, endpoint status").arg(n).arg(endpointStatusText(status)));
    }
    return parts.isEmpty() ? QString::number(endpoints.size()) : Arborctl::tr("%1 (%2)").arg(endpoints.size()).arg(parts.join(u", "));
}

/// The recorded head, or "unknown since 19:47" while every endpoint is unreachable.
QString headText(const ChainStatus &status)
{
    if (status.headUnknown) {
        if (status.headSeenAtMs <= 0)
            return Arborctl::tr("unknown");
        const QDateTime seen = QDateTime::fromMSecsSinceEpoch(status.headSeenAtMs);
        return Arborctl::tr("unknown since %1")
            .arg(seen.date() == QDate::currentDate() ? QLocale().toString(seen.time(), QLocale::ShortFormat)
                                                     : QLocale().toString(seen, QLocale::ShortFormat));
    }
    return status.head ? QString::number(*status.head) : QStringLiteral("-");
}



/**
 * The registries `--erc8004` asks for, from all its values: KIND=ADDRESS parts; "official", the
 * deployment the ERC-8004 team lists for `chainId`, each KIND=ADDRESS given replacing the official
 * registry of its kind (`official` is then set); or "none", no registries.
 */
Result<QList<RegistryRef>> erc8004Registries(const QStringList &values, qint64 chainId, std::optional<Erc8004Deployment> *official)
{
    const QString field = QStringLiteral("--erc8004");
    QStringList explicitParts;
    bool wantsOfficial = false;
    bool wantsNone = false;
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString word = part.trimmed();
            if (word == u"official")
                wantsOfficial = true;
            else if (word == u"none")
                wantsNone = true;
            else if (!word.contains(u'='))
                return Error::invalid(field, Arborctl::tr("“%1” is not KIND=ADDRESS (KIND one of identity, reputation, validation), "
                                                          "“official” or “none”.").arg(word));
            else
                explicitParts.append(part);
        }
    }
    if (wantsNone && (wantsOfficial || !explicitParts.isEmpty()))
        return Error::invalid(field, Arborctl::tr("“none” means no registries: give it alone, or give “official” and KIND=ADDRESS as needed."));
    if (wantsNone)
        return QList<RegistryRef>{};
    QList<RegistryRef> given;
    if (!explicitParts.isEmpty() || !wantsOfficial) {
        auto parsed = parseRegistries(explicitParts.join(u','), field);
        if (!parsed)
            return parsed.error();
        given = *parsed;
    }
    if (!wantsOfficial)
        return given;
    auto registries = withOfficialErc8004Registries(chainId, given, field);
    if (!registries) {
        Error e = registries.error();
        e.message = Arborctl::tr("%1 Give the registries' addresses instead, as --erc8004 identity=ADDRESS,reputation=ADDRESS. "
                                 "Nothing was added.").arg(e.message);
        return e;
    }
    *official = officialErc8004Deployment(chainId);
    return registries;
}

/// "identity 0x… (official), validation 0x… (given)": the registries a chain was added with.
QString registriesText(const QList<RegistryRef> &registries, const Erc8004Deployment &official)
{
    const QList<RegistryRef> listed = official.registries();
    QStringList parts;
    for (const RegistryRef &r : registries) {
        parts.append(Arborctl::tr("%1 %2 (%3)", "registry kind, address, where it comes from")
                         .arg(registryKindName(r.kind), r.address.toChecksumHex(),
                              listed.contains(r) ? Arborctl::tr("official") : Arborctl::tr("given")));
    }
    return parts.join(QStringLiteral(", "));
}

/// The JSON-RPC calls each endpoint was sent, one line per endpoint that was sent any.
void printCallLines(const QList<ChainRecord> &chains)
{
    QTextStream out(stdout);
    bool first = true;
    for (const ChainRecord &c : chains) {
        for (const EndpointRecord &e : c.endpoints) {
            const QString calls = callsText(e);
            if (calls.isEmpty())
                continue;
            if (std::exchange(first, false))
                out << Qt::endl << Arborctl::tr("JSON-RPC calls (every element of a batch is a call):") << Qt::endl;
            out << "  " << c.config.chainId << "  " << urlsecrets::displayText(e.url) << "  " << calls << Qt::endl;
        }
    }
}

} // namespace

Result<ChainRef> singleChainArgument(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Error::invalid(QStringLiteral("chain"), Arborctl::tr("Name exactly one chain, by name or id."));
    return ChainRef::parse(positional.first());
}

QString historyText(const EndpointRecord &e)
{
    if (!e.servesHistory)
        return Arborctl::tr("state history not known yet");
    return *e.servesHistory ? Arborctl::tr("serves historical state")
                            : Arborctl::tr("recent state only (balanceOf is read at its newest block)");
}

QString limitsText(const EndpointRecord &e)
{
    QStringList parts;
    if (e.maxRequestsPerSecond > 0)
        parts.append(Arborctl::tr("at most %1 requests/s (set)").arg(e.maxRequestsPerSecond));
    else if (e.limits.learnedRate > 0)
        parts.append(Arborctl::tr("rate limited: %1 requests/s learned").arg(e.limits.learnedRate, 0, 'f', 1));
    if (e.limits.maxBatch > 0)
        parts.append(Arborctl::tr("batches of at most %1 calls").arg(e.limits.maxBatch));
    if (e.limits.logRangeLimit > 0)
        parts.append(Arborctl::tr("eth_getLogs over at most %1 blocks").arg(e.limits.logRangeLimit));
    if (e.limits.logResultLimit > 0)
        parts.append(Arborctl::tr("at most %1 logs per answer").arg(e.limits.logResultLimit));
    return parts.join(QStringLiteral(", "));
}

void warnLiteralKey(const QUrl &url)
{
    const auto key = urlsecrets::findLikelyKey(url);
    if (!key)
        return;
    SecretRef ref;
    ref.name = key->suggestedName;
    QTextStream(stderr) << Arborctl::tr("warning: the RPC URL of %1 holds what looks like an API key (%2). It will be stored in the "
                                        "database and shown as written. To keep it out, store the key with “arborctl secret set %3” "
                                        "and give the URL as %4 (or use ${env:VAR}).")
                               .arg(url.host(), key->provider, key->suggestedName, urlsecrets::displayText(key->withReference(ref)))
                        << Qt::endl;
}

QString blockStatsHelp()
{
    return Arborctl::tr("Which blocks the daily statistics count: 'events' (default; headers of the blocks with events only, "
                        "fewest calls: daily transfers and holders exact, blocks, transactions and gas not counted) or 'every' "
                        "(one header per block: every daily figure exact, one call per block).");
}

QString blockStatsText(BlockStats stats)
{
    return stats == BlockStats::Every
        ? Arborctl::tr("Block statistics: every block (one header per block; daily blocks, transactions and gas exact).")
        : Arborctl::tr("Block statistics: blocks with events (headers of those blocks only; daily blocks, transactions and gas not counted).");
}

/// What `chain add` prints for the chain it added; `head`: the highest head an endpoint reported,
/// `density`: a sample of how many blocks hold events, when one was taken.
/// `official`: the deployment whose registries --erc8004 official gave, when it did.
static void printAdded(const ChainRecord &added, qint64 head, const Result<EventDensity> *density,
                       const std::optional<Erc8004Deployment> &official)
{
    QTextStream out(stdout);
    out << Arborctl::tr("Added chain %1 (id %2), starting at block %3.")
               .arg(added.config.name)
               .arg(added.config.chainId)
               .arg(added.config.startBlock.value_or(0))
        << Qt::endl;
    out << "  " << blockStatsText(added.config.blockStats) << Qt::endl;
    if (official)
        out << "  " << Arborctl::tr("ERC-8004 registries of %1 as the ERC-8004 team lists them (%2): %3.")
                           .arg(official->network, officialErc8004Source(), registriesText(added.config.registries, *official))
            << Qt::endl;
    // What reaching the head costs, for this choice and the other.
    const qint64 start = added.config.startBlock.value_or(head);
    if (head >= start && start >= 0) {
        const QLocale locale;
        const qint64 blocks = head - start + 1;
        const bool sampled = density && *density;
        // `index` sizes its first eth_getLogs by the sample too (it is kept with the chain).
        const std::optional<double> logsPerBlock = sampled ? std::optional<double>((*density)->logsPerBlock()) : std::nullopt;
        const CallEstimate events = estimateIndexingCalls(blocks, BlockStats::Events,
                                                          sampled ? std::optional<qint64>((*density)->expectedIn(blocks)) : std::nullopt, 0, logsPerBlock);
        const CallEstimate every = estimateIndexingCalls(blocks, BlockStats::Every, std::nullopt, 0, logsPerBlock);
        out << "  "
            << (events.plusBlocksWithEvents
                    ? Arborctl::tr("To reach the head (%1 blocks): about %2 JSON-RPC calls plus one per block with events "
                                   "(events), or %3 calls (every).")
                    : Arborctl::tr("To reach the head (%1 blocks): about %2 JSON-RPC calls (events), or %3 calls (every)."))
                   .arg(locale.toString(blocks), locale.toString(events.knownCalls()), locale.toString(every.knownCalls()))
            << Qt::endl;
        if (sampled && (*density)->sampledBlocks > 0)
            out << "  " << Arborctl::tr("Events in %1 of the %2 blocks sampled.")
                               .arg(locale.toString((*density)->blocksWithEvents), locale.toString((*density)->sampledBlocks))
                << Qt::endl;
        else if (density && !*density)
            out << "  " << Arborctl::tr("How many blocks hold events could not be sampled: %1").arg(density->error().message) << Qt::endl;
    }
    for (const EndpointRecord &e : added.endpoints) {
        out << "  " << urlsecrets::displayText(e.url) << "  " << Arborctl::tr("head %1, %2 ms, %3").arg(e.lastHead.value_or(0)).arg(e.latencyMs.value_or(0), 0, 'f', 1).arg(e.clientVersion)
            << ", " << historyText(e);
        if (const QString limits = limitsText(e); !limits.isEmpty())
            out << ", " << limits;
        out << Qt::endl;
    }
    for (const TokenInfo &t : added.tokens) {
        out << "  " << Arborctl::tr("Token %1 (%2): balances from %3. %4")
                           .arg(t.address.toChecksumHex(), t.symbol.isEmpty() ? Arborctl::tr("no symbol") : t.symbol,
                                t.balanceMode == BalanceMode::BalanceOf ? Arborctl::tr("balanceOf on the node") : Arborctl::tr("its transfers"),
                                t.balanceModeReason)
            << Qt::endl;
    }
}

int chainAdd(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), Arborctl::tr("A name for the chain."), QStringLiteral("NAME"));
    const QCommandLineOption chainId(QStringLiteral("chain-id"), Arborctl::tr("The EVM chain id every RPC URL must serve."), QStringLiteral("ID"));
    const QCommandLineOption rpc(QStringLiteral("rpc"), Arborctl::tr("A JSON-RPC URL (repeat for failover; first is preferred)."), QStringLiteral("URL"));
    const QCommandLineOption startBlock(QStringLiteral("start-block"), Arborctl::tr("First block to index (default: the current head)."), QStringLiteral("N"));
    const QCommandLineOption confirmations(QStringLiteral("confirmations"), Arborctl::tr("Index only blocks this deep (default 0)."), QStringLiteral("N"));
    const QCommandLineOption pollInterval(QStringLiteral("poll-interval"), Arborctl::tr("Head poll interval in milliseconds (default 2000)."), QStringLiteral("MS"));
    const QCommandLineOption token(QStringLiteral("token"), Arborctl::tr("An ERC-20 token contract to track (repeatable)."), QStringLiteral("ADDRESS"));
    const QCommandLineOption erc8004(QStringLiteral("erc8004"),
                                     Arborctl::tr("ERC-8004 registries to index: identity=ADDRESS,reputation=ADDRESS,validation=ADDRESS (any subset); "
                                                  "'official': the registries the ERC-8004 team lists for the chain id (%1), refused for a chain "
                                                  "they list none on; 'none' (default): no registries. With 'official', a KIND=ADDRESS given too "
                                                  "replaces the official registry of that kind, or adds one the list lacks (e.g. validation).")
                                         .arg(officialErc8004Source()),
                                     QStringLiteral("KIND=ADDRESS,…|official|none"));
    const QCommandLineOption rpcRate(QStringLiteral("rpc-rate"), Arborctl::tr("Requests per second allowed on each RPC URL (default: unlimited)."), QStringLiteral("N"));
    const QCommandLineOption blockStats(QStringLiteral("block-stats"), blockStatsHelp(), QStringLiteral("events|every"));
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the added chain as JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Validate, probe every RPC URL, and register a chain."),
                                                     {name, chainId, rpc, startBlock, confirmations, pollInterval, token, erc8004, rpcRate, blockStats, json}}))
        return *exit;

    ChainConfig config;
    if (!parser.isSet(name))
        return fail(Error::invalid(QStringLiteral("--name"), Arborctl::tr("Required: give the chain a name with --name.")));
    config.name = parser.value(name);
    if (!parser.isSet(chainId))
        return fail(Error::invalid(QStringLiteral("--chain-id"), Arborctl::tr("Required: the chain id, e.g. --chain-id 1 for Ethereum mainnet.")));
    auto id = parseInteger(parser.value(chainId), QStringLiteral("--chain-id"), 1, ChainConfig::MaxChainId);
    if (!id)
        return fail(id.error());
    config.chainId = *id;
    if (!parser.isSet(rpc))
        return fail(Error::invalid(QStringLiteral("--rpc"), Arborctl::tr("Required: at least one RPC URL, e.g. --rpc http://127.0.0.1:8545.")));
    for (const QString &text : parser.values(rpc)) {
        auto url = parseRpcUrl(text, QStringLiteral("--rpc"));
        if (!url)
            return fail(url.error());
        warnLiteralKey(*url);
        config.rpcUrls.append(*url);
    }
    if (parser.isSet(startBlock)) {
        auto v = parseInteger(parser.value(startBlock), QStringLiteral("--start-block"), 0, std::numeric_limits<qint64>::max());
        if (!v)
            return fail(v.error());
        config.startBlock = *v;
    }
    if (parser.isSet(confirmations)) {
        auto v = parseInteger(parser.value(confirmations), QStringLiteral("--confirmations"), 0, ChainConfig::MaxConfirmations);
        if (!v)
            return fail(v.error());
        config.confirmations = int(*v);
    }
    if (parser.isSet(pollInterval)) {
        auto v = parseInteger(parser.value(pollInterval), QStringLiteral("--poll-interval"), 100, 3600 * 1000);
        if (!v)
            return fail(v.error());
        config.pollIntervalMs = int(*v);
    }
    for (const QString &text : parser.values(token)) {
        auto address = Address::fromHex(text, QStringLiteral("--token"));
        if (!address)
            return fail(address.error());
        config.tokens.append(*address);
    }
    std::optional<Erc8004Deployment> official;
    if (parser.isSet(erc8004)) {
        auto registries = erc8004Registries(parser.values(erc8004), config.chainId, &official);
        if (!registries)
            return fail(registries.error());
        config.registries = *registries;
    }
    if (parser.isSet(rpcRate)) {
        auto v = parseInteger(parser.value(rpcRate), QStringLiteral("--rpc-rate"), 1, 100000);
        if (!v)
            return fail(v.error());
        config.rpcRateLimit = double(*v);
    }
    if (parser.isSet(blockStats)) {
        auto v = parseBlockStats(parser.value(blockStats), QStringLiteral("--block-stats"));
        if (!v)
            return fail(v.error());
        config.blockStats = *v;
    }
    if (Status valid = config.validate(); !valid) {
        Error e = valid.error();
        e.field = QLatin1String("--") + e.field.replace(u' ', u'-');
        return fail(e);
    }

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [config, asJson, official](Engine &engine, std::function<void(int)> finish) {
        then(engine.chains()->addChain(config), &engine, [asJson, official, finish, &engine](Result<ChainRecord> added) {
            if (!added) {
                finish(fail(added.error()));
                return;
            }
            if (asJson) {
                printJson(chainToJson(*added));
                finish(ExitOk);
                return;
            }
            // What reaching the head costs, for this choice and the other (the highest head an
            // endpoint reported), with a sample of how many blocks hold events.
            qint64 head = -1;
            for (const EndpointRecord &e : added->endpoints)
                head = std::max(head, e.lastHead.value_or(-1));
            const qint64 start = added->config.startBlock.value_or(head);
            const ChainConfig &c = added->config;
            if (head < start || start < 0 || c.rpcUrls.isEmpty() || (c.tokens.isEmpty() && c.registries.isEmpty())) {
                printAdded(*added, head, nullptr, official);
                finish(ExitOk);
                return;
            }
            then(engine.chains()->sampleEvents(c.rpcUrls.first(), c.tokens, c.registries, start, head), &engine,
                 [&engine, record = *added, head, official, finish](Result<EventDensity> density) {
                     if (!density) {
                         printAdded(record, head, &density, official);
                         finish(ExitOk);
                         return;
                     }
                     // Kept for `index`: its first eth_getLogs are sized by what the sample found.
                     then(engine.chains()->recordEventSample(ChainRef{record.config.chainId, {}}, *density), &engine,
                          [record, head, official, finish, density](Status kept) {
                              printAdded(record, head, &density, official);
                              if (!kept)
                                  QTextStream(stderr) << "arborctl: note: "
                                                      << Arborctl::tr("The sample of the chain's events was not kept: %1").arg(kept.error().toString()) << Qt::endl;
                              finish(ExitOk);
                          });
                 });
        });
    });
}

int chainList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("List registered chains."), {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.roster()->leases(), &engine, [&engine, asJson, finish](Result<QList<ChainLease>> leaseRows) {
          if (!leaseRows) {
              finish(fail(leaseRows.error()));
              return;
          }
          then(engine.chains()->list(), &engine, [asJson, finish, leaseRows](Result<QList<ChainRecord>> chains) {
            if (!chains) {
                finish(fail(chains.error()));
                return;
            }
            QHash<qint64, ChainLease> leases;
            for (const ChainLease &l : std::as_const(*leaseRows))
                leases.insert(l.chainId, l);
            if (asJson) {
                QJsonArray list;
                for (const ChainRecord &c : *chains) {
                    QJsonObject o = chainToJson(c);
                    const ChainLease l = leases.value(c.config.chainId);
                    o.insert(QStringLiteral("lease"), QJsonObject{{QStringLiteral("owner"), l.live ? QJsonValue(l.owner) : QJsonValue()},
                                                                  {QStringLiteral("epoch"), l.epoch},
                                                                  {QStringLiteral("heartbeatAt"), l.live && l.heartbeatAt ? timestampToJson(*l.heartbeatAt) : QJsonValue()},
                                                                  {QStringLiteral("assignedTo"), l.assignedTo.isEmpty() ? QJsonValue() : QJsonValue(l.assignedTo)}});
                    list.append(o);
                }
                printJson(list);
            } else if (chains->isEmpty()) {
                QTextStream(stdout) << Arborctl::tr("No chains. Add one with “arborctl chain add”.") << Qt::endl;
            } else {
                QList<QStringList> rows;
                for (const ChainRecord &c : *chains) {
                    const ChainStatus status = recordedStatus(c);
                    const ChainLease l = leases.value(c.config.chainId);
                    rows.append({QString::number(c.config.chainId), c.config.name, chainStateName(c.state), endpointSummary(c.endpoints),
                                 c.config.startBlock ? QString::number(*c.config.startBlock) : QStringLiteral("-"),
                                 c.checkpointBlock ? QString::number(*c.checkpointBlock) : QStringLiteral("-"), headText(status),
                                 l.live ? l.owner : QStringLiteral("-")});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("NAME"), Arborctl::tr("STATE"), Arborctl::tr("ENDPOINTS"), Arborctl::tr("START"),
                            Arborctl::tr("CHECKPOINT"), Arborctl::tr("HEAD"), Arborctl::tr("ENGINE")},
                           rows);
                printCallLines(*chains);
            }
            finish(ExitOk);
          });
        });
    });
}

int chainProbe(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the endpoints as probed, as JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Probe now: ask every RPC endpoint of a chain for its head at once and say how each is doing."),
                                                     {json},
                                                     {{QStringLiteral("chain"), Arborctl::tr("The chain's name or id.")}}}))
        return *exit;
    auto chain = singleChainArgument(parser);
    if (!chain)
        return fail(chain.error());
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [chain = *chain, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.chains()->probeNow(chain), &engine, [asJson, finish](Result<QList<EndpointRecord>> probed) {
            if (!probed) {
                finish(fail(probed.error()));
                return;
            }
            if (asJson) {
                QJsonArray list;
                for (const EndpointRecord &e : *probed)
                    list.append(endpointToJson(e));
                printJson(list);
            } else {
                QList<QStringList> rows;
                for (const EndpointRecord &e : *probed) {
                    rows.append({urlsecrets::displayText(e.url), endpointStatusText(e.status), e.lastHead ? QString::number(*e.lastHead) : QStringLiteral("-"),
                                 e.latencyMs ? QString::number(*e.latencyMs, 'f', 1) : QStringLiteral("-"),
                                 e.status == EndpointStatus::Ok ? QString() : e.lastError});
                }
                printTable({Arborctl::tr("URL"), Arborctl::tr("STATUS"), Arborctl::tr("HEAD"), Arborctl::tr("LATENCY MS"), Arborctl::tr("LAST ERROR")}, rows);
            }
            const bool anyAnswered = std::any_of(probed->begin(), probed->end(), [](const EndpointRecord &e) {
                return e.status != EndpointStatus::Unreachable && e.status != EndpointStatus::Unknown;
            });
            finish(anyAnswered ? ExitOk : ExitFailed);
        });
    });
}

int chainSetPaused(const Invocation &inv, bool paused)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, {paused ? Arborctl::tr("Pause indexing a chain.") : Arborctl::tr("Resume indexing a chain."),
                                                     {},
                                                     {{QStringLiteral("chain"), Arborctl::tr("The chain's name or id.")}}}))
        return *exit;
    auto chain = singleChainArgument(parser);
    if (!chain)
        return fail(chain.error());
    return runWithEngine(inv, adminOptions(), [chain = *chain, paused](Engine &engine, std::function<void(int)> finish) {
        then(engine.chains()->setPaused(chain, paused), &engine, [chain, paused, finish](Status s) {
            if (!s) {
                finish(fail(s.error()));
                return;
            }
            QTextStream(stdout) << (paused ? Arborctl::tr("Paused %1.") : Arborctl::tr("Resumed %1.")).arg(chain.toString()) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int chainDelete(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption yes(QStringLiteral("yes"), Arborctl::tr("Confirm: delete the chain, its tables and its global rows."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Delete a chain and everything Arbor stored for it."),
                                                     {yes},
                                                     {{QStringLiteral("chain"), Arborctl::tr("The chain's name or id.")}}}))
        return *exit;
    auto chain = singleChainArgument(parser);
    if (!chain)
        return fail(chain.error());
    if (!parser.isSet(yes))
        return fail(Error::invalid(QStringLiteral("--yes"), Arborctl::tr("Deleting removes the chain's tables and global rows for good; add --yes to confirm.")));
    return runWithEngine(inv, adminOptions(), [chain = *chain](Engine &engine, std::function<void(int)> finish) {
        QObject::connect(engine.chains(), &ChainService::deletionProgress, &engine, [](qint64, int step, const QString &name, bool done) {
            if (done)
                QTextStream(stdout) << Arborctl::tr("  [%1/%2] %3 … done").arg(step).arg(ChainDeletion::stepNames().size()).arg(name) << Qt::endl;
        });
        then(engine.chains()->deleteChain(chain), &engine, [chain, finish](Status s) {
            if (!s) {
                finish(fail(s.error()));
                return;
            }
            QTextStream(stdout) << Arborctl::tr("Deleted %1.").arg(chain.toString()) << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli
