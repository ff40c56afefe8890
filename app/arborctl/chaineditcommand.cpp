// arborctl chain edit: a chain's settings, endpoints and registries, changed in one edit.
#include "chaincommands.h"
#include "chaintexts.h"
#include "indexcommands.h"
#include "translation.h"

#include "engine/chainservice.h"
#include "model/urlsecrets.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QTextStream>

namespace arbor::cli {

int chainEdit(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), Arborctl::tr("A new name for the chain."), QStringLiteral("NAME"));
    const QCommandLineOption addRpc(QStringLiteral("add-rpc"), Arborctl::tr("A JSON-RPC URL to add, probed first: it must serve the chain's id (repeatable)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption removeRpc(QStringLiteral("remove-rpc"), Arborctl::tr("An RPC URL of the chain to remove (repeatable); the last one cannot go."),
                                       QStringLiteral("URL"));
    const QCommandLineOption preferRpc(QStringLiteral("prefer-rpc"),
                                       Arborctl::tr("An RPC URL of the chain to try first (repeat to give an order); the others follow in their order."),
                                       QStringLiteral("URL"));
    const QCommandLineOption pollInterval(QStringLiteral("poll-interval"), Arborctl::tr("Head poll interval in milliseconds."), QStringLiteral("MS"));
    const QCommandLineOption confirmations(QStringLiteral("confirmations"), Arborctl::tr("Index only blocks this deep."), QStringLiteral("N"));
    const QCommandLineOption rpcRate(QStringLiteral("rpc-rate"), Arborctl::tr("Requests per second allowed on each RPC URL (0: unlimited)."), QStringLiteral("N"));
    const QCommandLineOption blockStats(QStringLiteral("block-stats"), blockStatsHelp(), QStringLiteral("events|every"));
    const QCommandLineOption addRegistry(QStringLiteral("add-registry"),
                                         Arborctl::tr("An ERC-8004 registry to index from the chain's start block: identity=ADDRESS, "
                                                      "reputation=ADDRESS or validation=ADDRESS (repeatable)."),
                                         QStringLiteral("KIND=ADDRESS"));
    const QCommandLineOption wait(QStringLiteral("wait"), Arborctl::tr("Do the backfills the edit starts (registries added, every block's header) now, "
                                                                       "and return when they are done; otherwise a running engine does them."));
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the edited chain as JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Change a registered chain; new RPC URLs are probed first, and nothing is written unless every check passes."),
                                                     {name, addRpc, removeRpc, preferRpc, pollInterval, confirmations, rpcRate, addRegistry, blockStats, wait, json},
                                                     {{QStringLiteral("chain"), Arborctl::tr("The chain's name or id.")}}}))
        return *exit;
    auto chain = singleChainArgument(parser);
    if (!chain)
        return fail(chain.error());

    ChainEdit edit;
    if (parser.isSet(name))
        edit.name = parser.value(name);
    for (const QString &text : parser.values(addRpc)) {
        auto url = parseRpcUrl(text, QStringLiteral("--add-rpc"));
        if (!url)
            return fail(url.error());
        warnLiteralKey(*url);
        edit.addRpcUrls.append(*url);
    }
    for (const QString &text : parser.values(removeRpc)) {
        // The URL as stored, which need not be one that would be accepted today.
        const QUrl url(text.trimmed());
        if (!url.isValid() || text.trimmed().isEmpty())
            return fail(Error::invalid(QStringLiteral("--remove-rpc"), Arborctl::tr("“%1” is not a URL; give it as “arborctl chain list --json” shows it.").arg(text)));
        edit.removeRpcUrls.append(url);
    }
    for (const QString &text : parser.values(preferRpc)) {
        const QUrl url(text.trimmed());
        if (!url.isValid() || text.trimmed().isEmpty())
            return fail(Error::invalid(QStringLiteral("--prefer-rpc"), Arborctl::tr("“%1” is not a URL; give it as “arborctl chain list --json” shows it.").arg(text)));
        edit.rpcUrlOrder.append(url);
    }
    if (parser.isSet(pollInterval)) {
        auto v = parseInteger(parser.value(pollInterval), QStringLiteral("--poll-interval"), 100, 3600 * 1000);
        if (!v)
            return fail(v.error());
        edit.pollIntervalMs = int(*v);
    }
    if (parser.isSet(confirmations)) {
        auto v = parseInteger(parser.value(confirmations), QStringLiteral("--confirmations"), 0, ChainConfig::MaxConfirmations);
        if (!v)
            return fail(v.error());
        edit.confirmations = int(*v);
    }
    if (parser.isSet(rpcRate)) {
        auto v = parseInteger(parser.value(rpcRate), QStringLiteral("--rpc-rate"), 0, qint64(ChainEdit::MaxRpcRate));
        if (!v)
            return fail(v.error());
        edit.rpcRateLimit = double(*v);
    }
    if (parser.isSet(blockStats)) {
        auto v = parseBlockStats(parser.value(blockStats), QStringLiteral("--block-stats"));
        if (!v)
            return fail(v.error());
        edit.blockStats = *v;
    }
    for (const QString &text : parser.values(addRegistry)) {
        auto registries = parseRegistries(text, QStringLiteral("--add-registry"));
        if (!registries)
            return fail(registries.error());
        edit.addRegistries.append(*registries);
    }
    if (edit.isEmpty())
        return fail(Error::invalid(QStringLiteral("chain"), Arborctl::tr("Nothing to change: give at least one of --name, --add-rpc, --remove-rpc, --prefer-rpc, "
                                                                         "--poll-interval, --confirmations, --rpc-rate, --add-registry, --block-stats.")));

    const bool asJson = parser.isSet(json);
    qint64 chainId = 0;
    const int edited = runWithEngine(inv, adminOptions(), [&chainId, chain = *chain, edit, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.chains()->editChain(chain, edit), &engine, [&chainId, edit, asJson, finish](Result<ChainRecord> edited) {
            if (!edited) {
                // The edit's fields are its options.
                Error e = edited.error();
                static const QStringList options{QStringLiteral("name"), QStringLiteral("add rpc"), QStringLiteral("remove rpc"), QStringLiteral("prefer rpc"), QStringLiteral("poll interval"),
                                                 QStringLiteral("confirmations"), QStringLiteral("rpc rate"), QStringLiteral("add registry")};
                if (options.contains(e.field))
                    e.field = QLatin1String("--") + e.field.replace(u' ', u'-');
                finish(fail(e));
                return;
            }
            chainId = edited->config.chainId;
            if (asJson) {
                printJson(chainToJson(*edited));
                finish(ExitOk);
                return;
            }
            QTextStream out(stdout);
            out << Arborctl::tr("Edited chain %1 (id %2).").arg(edited->config.name).arg(edited->config.chainId) << Qt::endl;
            for (const EndpointRecord &e : edited->endpoints) {
                const bool isNew = std::any_of(edit.addRpcUrls.begin(), edit.addRpcUrls.end(), [&](const QUrl &u) { return rpcUrlKey(u) == rpcUrlKey(e.url); });
                out << "  " << urlsecrets::displayText(e.url) << "  ";
                if (isNew)
                    out << Arborctl::tr("added: head %1, %2 ms, %3").arg(e.lastHead.value_or(0)).arg(e.latencyMs.value_or(0), 0, 'f', 1).arg(e.clientVersion) << ", "
                        << historyText(e);
                else
                    out << endpointStatusText(e.status);
                if (const QString limits = limitsText(e); !limits.isEmpty())
                    out << ", " << limits;
                out << Qt::endl;
            }
            for (const QUrl &u : edit.removeRpcUrls)
                out << "  " << Arborctl::tr("removed %1").arg(urlsecrets::displayText(u)) << Qt::endl;
            if (!edit.rpcUrlOrder.isEmpty() && !edited->endpoints.isEmpty())
                out << "  " << Arborctl::tr("%1 is tried first.").arg(urlsecrets::displayText(edited->endpoints.first().url)) << Qt::endl;
            out << "  " << Arborctl::tr("poll interval %1 ms, %2 confirmations").arg(edited->config.pollIntervalMs).arg(edited->config.confirmations) << Qt::endl;
            if (edit.blockStats) {
                out << "  " << blockStatsText(edited->config.blockStats) << Qt::endl;
                if (edited->headerBackfill)
                    out << "  " << Arborctl::tr("The headers of blocks %1–%2 are being fetched by the indexer (%n call(s)); "
                                                "'chain list' shows how far it got.", nullptr, int(std::min<qint64>(edited->headerBackfill->to - edited->headerBackfill->from + 1, std::numeric_limits<int>::max())))
                                       .arg(edited->headerBackfill->from).arg(edited->headerBackfill->to)
                        << Qt::endl;
            }
            for (const RegistryRef &r : edit.addRegistries)
                out << "  " << Arborctl::tr("%1 registry %2 added; its events from block %3 on are being backfilled by the indexer.")
                                   .arg(registryKindName(r.kind), r.address.toChecksumHex())
                                   .arg(edited->config.startBlock.value_or(0))
                    << Qt::endl;
            finish(ExitOk);
        });
    });
    if (edited != ExitOk || !parser.isSet(wait) || chainId == 0)
        return edited;
    return waitForBackfills(inv, chainId, Arborctl::tr("Backfills of chain %1").arg(chainId));
}

} // namespace arbor::cli
