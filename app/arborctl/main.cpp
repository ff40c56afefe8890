// arborctl: Arbor's command-line interface. Argument parsing and wiring only; the work is in core.
#include "agentcommands.h"
#include "deliverycommands.h"
#include "translation.h"
#include "enginecommands.h"
#include "backupcommands.h"
#include "balancecommands.h"
#include "chaincommands.h"
#include "rpcpricecommands.h"
#include "indexcommands.h"
#include "commandline.h"
#include "dbcommands.h"
#include "dbstatscommand.h"
#include "maintenancecommands.h"
#include "queuecommands.h"
#include "secretcommands.h"
#include "statscommands.h"
#include "synccommands.h"
#include "alertcommands.h"
#include "triggercommands.h"
#include "util/englishplurals.h"
#include "util/heapsettings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <map>

using namespace arbor::cli;

namespace {

// Every arborctl message is in the translation context "arborctl".
QString usage()
{
    return Arborctl::tr("Usage: arborctl [--db URL] COMMAND [options]\n"
                        "\n"
                        "Commands:\n"
                        "  db status [--json]       applied and pending schema migrations\n"
                        "  db migrate               apply pending migrations\n"
                        "  db stats [--limit N] [--json]    sizes per chain and table, free space, the slowest statements\n"
                        "  db set-password          store the PostgreSQL password (stdin) in the OS keychain\n"
                        "  db forget-password       remove it from the keychain\n"
                        "  db retention [--set NAME=DAYS|never …] [--apply] [--json]\n"
                        "                           how long each kind of row is kept; --apply deletes what is past it\n"
                        "  db maintain [--full] [--json]    VACUUM/ANALYZE (PostgreSQL), incremental vacuum, optimize and\n"
                        "                           WAL checkpoint (SQLite); each step with its duration\n"
                        "  db backup --to FILE [--json]     back up the database while it is in use (SQLite online\n"
                        "                           backup; pg_dump custom format for PostgreSQL)\n"
                        "  db restore --from FILE [--json]  restore a backup into --db, which must be empty (exit 3 if not)\n"
                        "  chain add --name NAME --chain-id ID --rpc URL [--rpc URL…] [--start-block N]\n"
                        "            [--confirmations N] [--poll-interval MS] [--rpc-rate N] [--token ADDRESS…]\n"
                        "            [--erc8004 identity=ADDR,reputation=ADDR,validation=ADDR|official]\n"
                        "            [--block-stats events|every] [--json]\n"
                        "                           official: the ERC-8004 team's registries for the chain id;\n"
                        "                           block stats: headers of the blocks with events only (default)\n"
                        "                           or of every block (one call per block)\n"
                        "  chain edit NAME|ID [--name N] [--add-rpc URL…] [--remove-rpc URL…] [--prefer-rpc URL…] [--poll-interval MS]\n"
                        "            [--confirmations N] [--rpc-rate N] [--add-registry KIND=ADDRESS…]\n"
                        "            [--block-stats events|every] [--wait] [--json]\n"
                        "                           --wait: do the backfills the edit starts now\n"
                        "  chain list [--json]      with each chain's lease: the engine indexing it and the epoch\n"
                        "  chain probe NAME|ID [--json]   ask every RPC endpoint for its head now (exit 1 if none answers)\n"
                        "  chain pause NAME|ID\n"
                        "  chain resume NAME|ID\n"
                        "  chain delete NAME|ID --yes\n"
                        "  chain add-token --chain ID ADDRESS [--no-wait]\n"
                        "  chain set-balance-mode --chain ID --token ADDRESS --mode transfers|balance_of [--json]\n"
                        "  chain set-rpc-price --chain ID --endpoint URL --method M --units N|--clear [--json]\n"
                        "                           what one call costs (compute units); chain list then shows calls × price\n"
                        "  index [--chain ID…] --until-block N [--json]\n"
                        "  serve [--engine-name NAME] [--max-chains N] [--lease-seconds S] [--metrics HOST:PORT]\n"
                        "                           index until SIGINT/SIGTERM; on PostgreSQL several engines share\n"
                        "                           the chains, each chain held by one engine through a lease\n"
                        "  engines [--json]         the engines on the database, their chains, the coordinator\n"
                        "  engines drain NAME | resume NAME   give up all chains (before maintenance) / take again\n"
                        "  chain move NAME|ID --to ENGINE|--anywhere   index the chain on that engine from its next\n"
                        "                           heartbeat on (--anywhere: on any engine)\n"
                        "  reindex --chain ID --from A --to B --reason TEXT [--no-wait]\n"
                        "  resync --chain ID [--table T]\n"
                        "  sync-status [--json]\n"
                        "  query balance --chain ID --token ADDRESS --holder ADDRESS [--json]\n"
                        "  query portfolio --holder ADDRESS [--min-balance X] [--json]\n"
                        "  query top-holders --chain ID --token ADDRESS [--limit N] [--json]\n"
                        "  queue health [--json]    per chain: status, backlog, throughput, errors\n"
                        "  queue config --chain ID [--enabled true|false] [--batch-size N] [--interval-ms N]\n"
                        "            [--max-retries N] [--retry-backoff-ms N] [--boost-after-ms N] [--boost-by N]\n"
                        "            [--high-load-pending N] [--delayed-after-ms N] [--errors-per-hour N] [--json]\n"
                        "  queue retry-failed --chain ID [--json]\n"
                        "  queue run [--until-empty] [--workers N] [--json] [--list-completed]\n"
                        "                           process the balance queue (no lease needed; several may run)\n"
                        "  trigger add --file F [--json]      a trigger from a file (fires for events promoted from now on)\n"
                        "  trigger edit ID --file F [--json]\n"
                        "  trigger list [--json] | show ID | enable ID | disable ID | delete ID --yes\n"
                        "  trigger dry-run (ID | --file F) [--from-block A] [--to-block B] [--json]\n"
                        "                           matches and rendered payloads on stored events; sends nothing\n"
                        "  trigger replay ID (--from-block A --to-block B | --since T [--until T]) [--action ACTION_ID] [--json]\n"
                        "                           send for past events, explicitly; dead deliveries in the range again\n"
                        "  trigger results [--trigger ID] [--status S] [--action-type T] [--limit N] [--dead] [--json]\n"
                        "  trigger resend RESULT_ID | --dead [--trigger ID] [--action ACTION_ID] [--delivery ID] [--json]\n"
                        "  trigger actions [--trigger ID] [--json]   each action: ok, failing or disabled, success rate,\n"
                        "                           last error, next attempt, pending, held and dead deliveries\n"
                        "  trigger enable-action ACTION_ID | disable-action ACTION_ID   resume held deliveries / hold them\n"
                        "  trigger rotate-secret ACTION_ID --to REF [--overlap 24h]   sign with a new secret, the old beside it\n"
                        "  alert add --file F [--json]        an alert rule from a file (lag, stall, RPC errors, queue, reorgs)\n"
                        "  alert edit RULE --file F [--json]\n"
                        "  alert rules [--json] | show RULE | enable RULE | disable RULE | delete RULE --yes\n"
                        "  alert silence RULE --for 2h | unsilence RULE\n"
                        "  alert test RULE [--json]\n"
                        "  alert list [--active] [--chain ID] [--limit N] [--json]   the alerts raised, newest first\n"
                        "  alert ack ID [--note TEXT]\n"
                        "  alert results [--rule RULE] [--limit N] [--json]         what the rules' actions delivered\n"
                        "  alert actions [--rule ID] [--json] | enable-action ACTION_ID | disable-action ACTION_ID\n"
                        "  alert rotate-secret ACTION_ID --to REF [--overlap 24h]\n"
                        "  stats events [--chain ID] [--since T] [--json]    ERC-8004 events per hour, registry and type\n"
                        "  stats network [--chain ID] [--since T] [--json]   per day: blocks, transactions, transfers,\n"
                        "                           active holders, gas used\n"
                        "  stats actions [--since T] [--json]                trigger and alert actions per hour: total,\n"
                        "                           success, failure, average and p95 duration\n"
                        "  agents list --chain ID [--json]   ERC-8004 agents: owner, registration file, reputation\n"
                        "  agents show --chain ID --agent N [--raw] [--json]   one agent, its services and validations\n"
                        "  agents token set --chain ID --agent N REF [--json] | clear …   the token MCP calls to the agent send\n"
                        "  agents refresh --chain ID [--agent N]   fetch registration files again now\n"
                        "  outbound list [--json]   hosts requests from chain data may reach although private\n"
                        "  outbound allow HOST | deny HOST      (registration files, feedback files, agents' MCP endpoints)\n"
                        "  outbound gateway URL | --clear       the IPFS gateway for ipfs:// URIs\n"
                        "  secret set NAME          store a secret for triggers (stdin) in the OS keychain: keychain:NAME\n"
                        "  secret list [--json]     the names of stored secrets (never their values)\n"
                        "  secret forget NAME       remove it\n"
                        "\n"
                        "Global options:\n"
                        "  --db URL        sqlite:PATH or postgresql://user@host:port/dbname\n"
                        "                  (default: $ARBOR_DB, else sqlite: in the user's data directory).\n"
                        "                  The PostgreSQL password comes from the OS keychain or PGPASSWORD.\n"
                        "                  Only chain add, db migrate, db restore and serve create a missing\n"
                        "                  SQLite file; the other commands refuse it (exit 2).\n"
                        "  -v, --verbose   also print the engine's log\n"
                        "  --version       print the version\n"
                        "  -h, --help      this help; COMMAND --help for a command's options\n"
                        "\n"
                        "Environment (index, serve and the waiting commands):\n"
                        "  ARBOR_RPC_TIMEOUT_MS      give up on an RPC request after this many ms without data\n"
                        "                            (default 15000) and retry it, on another endpoint if any\n"
                        "  ARBOR_INDEX_RANGE_BLOCKS  blocks per eth_getLogs range, fixed (default: sized from the events\n"
                        "                            per block `chain add` sampled, else 100; growing while answers\n"
                        "                            are small up to an endpoint's cap or 100,000)\n"
                        "  ARBOR_INDEX_TIP_BLOCKS    the newest blocks read by block hash, every header and the logs of\n"
                        "                            the blocks whose bloom may hold them (default 8; 0: off)\n"
                        "\n"
                        "Exit codes: 0 ok, 1 failed, 2 invalid input (nothing changed), 3 conflict.\n");
}

/// "Unknown command “chain lsit”. Did you mean “chain list”?"
template<typename Groups, typename Singles>
QString unknownCommand(const QStringList &words, const Groups &groups, const Singles &singles)
{
    const auto group = groups.find(words.first());
    const bool knownGroup = group != groups.end();
    const QString typed = knownGroup || words.size() < 2 ? words.first() : words[0] + u' ' + words[1];
    QString shown = knownGroup ? words[0] + u' ' + words[1] : words.first();
    QStringList suggestions;
    if (knownGroup) {
        QStringList subcommands;
        for (const auto &entry : group->second)
            subcommands.append(entry.first);
        for (const QString &sub : closestCommands(words[1], subcommands))
            suggestions.append(words[0] + u' ' + sub);
    } else {
        QStringList full, first;
        for (const auto &entry : groups) {
            first.append(entry.first);
            for (const auto &sub : entry.second)
                full.append(entry.first + u' ' + sub.first);
        }
        for (const auto &entry : singles)
            first.append(entry.first);
        if (words.size() >= 2 && !(suggestions = closestCommands(typed, full)).isEmpty())
            shown = typed;
        if (suggestions.isEmpty())
            suggestions = closestCommands(words.first(), first);
    }
    QString message = Arborctl::tr("Unknown command “%1”.").arg(shown);
    if (suggestions.size() == 1)
        message += u' ' + Arborctl::tr("Did you mean “%1”?").arg(suggestions.first());
    else if (!suggestions.isEmpty())
        message += u' ' + Arborctl::tr("Did you mean one of: %1?").arg(suggestions.join(QStringLiteral(", ")));
    return message;
}

} // namespace

int main(int argc, char *argv[])
{
    arbor::keepFreedMemoryForReuse();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARBOR_VERSION));
    // arborctl speaks English: "1 attempt", "2 attempts" rather than "attempt(s)".
    QCoreApplication::installTranslator(new arbor::EnglishPlurals(&app));

    // Global options come before the command words; the rest belongs to the command.
    QStringList args = QCoreApplication::arguments();
    Invocation inv;
    bool verbose = false;
    qsizetype i = 1;
    for (; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-v" || a == u"--verbose") {
            verbose = true;
            continue;
        }
        if (a == u"--version") {
            QTextStream(stdout) << "arborctl " << ARBOR_VERSION << Qt::endl;
            return ExitOk;
        }
        if (a == u"--help" || a == u"-h") {
            QTextStream(stdout) << usage();
            return ExitOk;
        }
        if (a == u"--db") {
            if (i + 1 >= args.size())
                return usageError(Arborctl::tr("--db needs a URL."));
            inv.db = args[++i];
        } else if (a.startsWith(QLatin1String("--db="))) {
            inv.db = a.mid(5);
        } else {
            break;
        }
    }
    QStringList words = args.mid(i);
    // Progress and results go to stdout; the engine's log only shows warnings unless asked.
    qSetMessagePattern(QStringLiteral("arborctl: %{if-category}%{category}: %{endif}%{message}"));
    if (!verbose && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("arbor.*.info=false\narbor.*.debug=false"));
    if (words.isEmpty()) {
        QTextStream(stderr) << usage();
        return ExitInvalid;
    }

    using Handler = int (*)(const Invocation &);
    static const std::map<QString, std::map<QString, Handler>> commands = {
        {QStringLiteral("db"), {{QStringLiteral("status"), dbStatus},
                                {QStringLiteral("migrate"), dbMigrate},
                                {QStringLiteral("stats"), dbStats},
                                {QStringLiteral("set-password"), dbSetPassword},
                                {QStringLiteral("forget-password"), dbForgetPassword},
                                {QStringLiteral("retention"), dbRetention},
                                {QStringLiteral("maintain"), dbMaintain},
                                {QStringLiteral("backup"), dbBackup},
                                {QStringLiteral("restore"), dbRestore}}},
        {QStringLiteral("chain"), {{QStringLiteral("add"), chainAdd},
                                   {QStringLiteral("edit"), chainEdit},
                                   {QStringLiteral("list"), chainList},
                                   {QStringLiteral("probe"), chainProbe},
                                   {QStringLiteral("pause"), [](const Invocation &v) { return chainSetPaused(v, true); }},
                                   {QStringLiteral("resume"), [](const Invocation &v) { return chainSetPaused(v, false); }},
                                   {QStringLiteral("delete"), chainDelete},
                                   {QStringLiteral("add-token"), chainAddToken},
                                   {QStringLiteral("set-balance-mode"), chainSetBalanceMode},
                                   {QStringLiteral("set-rpc-price"), chainSetRpcPrice},
                                   {QStringLiteral("move"), chainMove}}},
        {QStringLiteral("engines"), {{QStringLiteral("list"), enginesList},
                                     {QStringLiteral("drain"), enginesDrain},
                                     {QStringLiteral("resume"), enginesResume}}},
        {QStringLiteral("query"), {{QStringLiteral("balance"), queryBalance},
                                   {QStringLiteral("portfolio"), queryPortfolio},
                                   {QStringLiteral("top-holders"), queryTopHolders}}},
        {QStringLiteral("queue"), {{QStringLiteral("health"), queueHealth},
                                   {QStringLiteral("config"), queueConfig},
                                   {QStringLiteral("retry-failed"), queueRetryFailed},
                                   {QStringLiteral("run"), queueRun}}},
        {QStringLiteral("trigger"), {{QStringLiteral("add"), triggerAdd},
                                     {QStringLiteral("edit"), triggerEdit},
                                     {QStringLiteral("list"), triggerList},
                                     {QStringLiteral("show"), triggerShow},
                                     {QStringLiteral("enable"), triggerEnable},
                                     {QStringLiteral("disable"), triggerDisable},
                                     {QStringLiteral("delete"), triggerDelete},
                                     {QStringLiteral("dry-run"), triggerDryRun},
                                     {QStringLiteral("replay"), triggerReplay},
                                     {QStringLiteral("results"), triggerResults},
                                     {QStringLiteral("resend"), triggerResend},
                                     {QStringLiteral("actions"), triggerActions},
                                     {QStringLiteral("enable-action"), triggerEnableAction},
                                     {QStringLiteral("disable-action"), triggerDisableAction},
                                     {QStringLiteral("rotate-secret"), triggerRotateSecret}}},
        {QStringLiteral("alert"), {{QStringLiteral("add"), alertAdd},
                                   {QStringLiteral("edit"), alertEdit},
                                   {QStringLiteral("rules"), alertRules},
                                   {QStringLiteral("show"), alertShow},
                                   {QStringLiteral("enable"), alertEnable},
                                   {QStringLiteral("disable"), alertDisable},
                                   {QStringLiteral("delete"), alertDelete},
                                   {QStringLiteral("silence"), alertSilence},
                                   {QStringLiteral("unsilence"), alertUnsilence},
                                   {QStringLiteral("test"), alertTest},
                                   {QStringLiteral("list"), alertList},
                                   {QStringLiteral("ack"), alertAck},
                                   {QStringLiteral("results"), alertResults},
                                   {QStringLiteral("actions"), alertActions},
                                   {QStringLiteral("enable-action"), alertEnableAction},
                                   {QStringLiteral("disable-action"), alertDisableAction},
                                   {QStringLiteral("rotate-secret"), alertRotateSecret}}},
        {QStringLiteral("stats"), {{QStringLiteral("events"), statsEvents},
                                   {QStringLiteral("network"), statsNetwork},
                                   {QStringLiteral("actions"), statsActions}}},
        {QStringLiteral("agents"), {{QStringLiteral("list"), agentsList},
                                    {QStringLiteral("show"), agentsShow},
                                    {QStringLiteral("token"), agentsToken},
                                    {QStringLiteral("refresh"), agentsRefresh}}},
        {QStringLiteral("outbound"), {{QStringLiteral("list"), outboundList},
                                      {QStringLiteral("allow"), outboundAllow},
                                      {QStringLiteral("deny"), outboundDeny},
                                      {QStringLiteral("gateway"), outboundGateway}}},
        {QStringLiteral("secret"), {{QStringLiteral("set"), secretSet},
                                    {QStringLiteral("list"), secretList},
                                    {QStringLiteral("forget"), secretForget}}},
    };
    static const std::map<QString, Handler> singleWord = {
        {QStringLiteral("index"), indexCommand},
        {QStringLiteral("serve"), serveCommand},
        {QStringLiteral("reindex"), reindexCommand},
        {QStringLiteral("resync"), resyncCommand},
        {QStringLiteral("sync-status"), syncStatusCommand},
    };
    Handler handler = nullptr;
    QString name;
    qsizetype consumed = 0;
    if (const auto single = singleWord.find(words.first()); single != singleWord.end()) {
        handler = single->second;
        name = words.first();
        consumed = 1;
    } else {
        const auto group = commands.find(words.first());
        if (group == commands.end())
            return usageError(unknownCommand(words, commands, singleWord));
        // `arborctl engines [--json]` lists them.
        if (words.first() == u"engines" && (words.size() < 2 || words[1].startsWith(u'-')))
            words.insert(1, QStringLiteral("list"));
        if (words.size() < 2 || words[1].startsWith(u'-')) {
            QStringList subcommands;
            for (const auto &[sub, h] : group->second)
                subcommands.append(sub);
            return usageError(Arborctl::tr("“%1” needs a subcommand: %2.").arg(words.first(), subcommands.join(QStringLiteral(", "))));
        }
        const auto found = group->second.find(words[1]);
        if (found == group->second.end())
            return usageError(unknownCommand(words, commands, singleWord));
        handler = found->second;
        name = words[0] + u' ' + words[1];
        consumed = 2;
    }

    // --db is global but operators also put it after the command: take it from anywhere.
    QStringList rest = words.mid(consumed);
    for (qsizetype k = 0; k < rest.size();) {
        if (rest[k] == u"--db") {
            if (k + 1 >= rest.size())
                return usageError(Arborctl::tr("--db needs a URL."));
            inv.db = rest[k + 1];
            rest.remove(k, 2);
        } else if (rest[k].startsWith(QLatin1String("--db="))) {
            inv.db = rest[k].mid(5);
            rest.remove(k);
        } else {
            ++k;
        }
    }
    inv.args = QStringList{name} + rest;
    // Commands that start from nothing may create the database; the rest refuse a missing file.
    if (name == u"chain add")
        inv.missingDatabase = Invocation::MissingDatabase::CreateToKeep;
    else if (name == u"db migrate" || name == u"serve")
        inv.missingDatabase = Invocation::MissingDatabase::Create;
    return handler(inv);
}
