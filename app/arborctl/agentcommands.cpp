// ERC-8004 agents as operators see them, and the hosts requests from chain data may reach.

#include "agentcommands.h"
#include "translation.h"

#include "engine/agentservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace arbor::cli {
namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject reputationToJson(const AgentReputation &r)
{
    QJsonObject out{{QStringLiteral("feedbackCount"), double(r.feedbackCount)}, {QStringLiteral("revokedCount"), double(r.revokedCount)}};
    QJsonArray tags;
    for (const TagAverage &t : r.tags)
        tags.append(QJsonObject{{QStringLiteral("tag"), t.tag}, {QStringLiteral("count"), double(t.count)}, {QStringLiteral("average"), t.average}});
    out.insert(QStringLiteral("tags"), tags);
    if (r.latest) {
        const FeedbackSummary &f = *r.latest;
        out.insert(QStringLiteral("latest"), QJsonObject{{QStringLiteral("client"), f.client},
                                                         {QStringLiteral("value"), f.value},
                                                         {QStringLiteral("tag1"), f.tag1},
                                                         {QStringLiteral("tag2"), f.tag2},
                                                         {QStringLiteral("blockNumber"), double(f.blockNumber)},
                                                         {QStringLiteral("txHash"), f.txHash},
                                                         {QStringLiteral("revoked"), f.revoked},
                                                         {QStringLiteral("feedbackURI"), f.feedbackUri}});
    } else {
        out.insert(QStringLiteral("latest"), QJsonValue::Null);
    }
    return out;
}

/// The registration shown is the one of the agent's current agentURI; an older URI's file is not.
QJsonObject agentToJson(const AgentRecord &a)
{
    QJsonObject out{{QStringLiteral("registry"), a.registry.toChecksumHex()},
                    {QStringLiteral("agentId"), u256::toDecimal(a.agentId)},
                    {QStringLiteral("owner"), a.owner ? QJsonValue(a.owner->toChecksumHex()) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("uri"), a.uri},
                    {QStringLiteral("registeredBlock"), double(a.registeredBlock)},
                    {QStringLiteral("lastBlock"), double(a.lastBlock)}};
    const bool current = a.resolvedCurrent();
    out.insert(QStringLiteral("registration"), current && a.resolved->registration ? QJsonValue(*a.resolved->registration)
                                                                                   : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("resolveError"), current ? orNull(a.resolved->error) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("resolvedAt"), current ? timestampToJson(a.resolved->fetchedAt) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("resolvePending"), !current);
    out.insert(QStringLiteral("mcpToken"), a.mcpToken ? QJsonValue(a.mcpToken->toString()) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("reputation"), reputationToJson(a.reputation));
    return out;
}

QString registrationState(const AgentRecord &a)
{
    if (a.uri.isEmpty())
        return Arborctl::tr("no agentURI");
    if (!a.resolvedCurrent())
        return Arborctl::tr("not fetched yet");
    if (!a.resolved->error.isEmpty())
        return Arborctl::tr("error: %1").arg(a.resolved->error);
    return Arborctl::tr("ok");
}

QString nameOf(const AgentRecord &a)
{
    if (a.resolvedCurrent() && a.resolved->registration)
        return a.resolved->registration->value(QLatin1String("name")).toString();
    return {};
}

QString mcpEndpointOf(const AgentRecord &a)
{
    if (a.resolvedCurrent() && a.resolved->registration) {
        if (const auto service = mcpServiceOf(*a.resolved->registration))
            return service->first;
    }
    return {};
}

Result<U256> agentOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return Error::invalid(QStringLiteral("--agent"), Arborctl::tr("Required: the agent's id, as “arborctl agents list” shows it."));
    auto id = u256::fromDecimal(parser.value(option).trimmed(), QStringLiteral("--agent"));
    if (!id)
        return Error::invalid(QStringLiteral("--agent"), Arborctl::tr("“%1” is not an agent id: give its number, e.g. --agent 3.").arg(parser.value(option)));
    return *id;
}

QCommandLineOption agentIdOption()
{
    return QCommandLineOption(QStringLiteral("agent"), Arborctl::tr("The agent's id in the chain's identity registry."), QStringLiteral("ID"));
}

} // namespace

int agentsList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("The agents of the chain's ERC-8004 identity registry: owner, agentURI, "
                                                                  "what their registration file says, reputation."),
                                                     {chain, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->agents(ref), &engine, [asJson, finish](Result<QList<AgentRecord>> agents) {
            if (!agents) {
                finish(fail(optionError(agents.error())));
                return;
            }
            if (asJson) {
                QJsonArray list;
                for (const AgentRecord &a : std::as_const(*agents))
                    list.append(agentToJson(a));
                printJson(QJsonObject{{QStringLiteral("agents"), list}});
                finish(ExitOk);
                return;
            }
            if (agents->isEmpty()) {
                QTextStream(stdout) << Arborctl::tr("No agents: the chain has no identity registry, or nothing is registered in it yet.") << Qt::endl;
                finish(ExitOk);
                return;
            }
            QList<QStringList> rows;
            for (const AgentRecord &a : std::as_const(*agents)) {
                rows.append({u256::toDecimal(a.agentId), nameOf(a), a.owner ? a.owner->toChecksumHex() : QString(),
                             QString::number(a.reputation.feedbackCount), QString::number(a.reputation.revokedCount),
                             mcpEndpointOf(a), registrationState(a)});
            }
            printTable({Arborctl::tr("AGENT"), Arborctl::tr("NAME"), Arborctl::tr("OWNER"), Arborctl::tr("FEEDBACK"), Arborctl::tr("REVOKED"),
                        Arborctl::tr("MCP"), Arborctl::tr("REGISTRATION")},
                       rows);
            finish(ExitOk);
        });
    });
}

int agentsShow(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption agent = agentIdOption();
    const QCommandLineOption raw(QStringLiteral("raw"), Arborctl::tr("Print the registration file exactly as it was fetched."));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("One agent: its registration file, services, reputation and validations."),
                                                     {chain, agent, raw, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    auto id = agentOption(parser, agent);
    if (!id)
        return fail(id.error());
    const bool asJson = parser.isSet(json);
    const bool asRaw = parser.isSet(raw);
    return runWithEngine(inv, adminOptions(), [ref = *ref, id = *id, asJson, asRaw](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->agent(ref, id), &engine, [asJson, asRaw, finish](Result<AgentDetail> detail) {
            if (!detail) {
                finish(fail(optionError(detail.error())));   // "agent" → "--agent"
                return;
            }
            const AgentRecord &a = detail->agent;
            if (asRaw) {
                if (detail->rawRegistration.isEmpty()) {
                    finish(fail(Error::notFound(QStringLiteral("--raw"), Arborctl::tr("No registration file of agent %1 has been fetched yet.")
                                                                             .arg(u256::toDecimal(a.agentId)))));
                    return;
                }
                QTextStream(stdout) << QString::fromUtf8(detail->rawRegistration) << Qt::endl;
                finish(ExitOk);
                return;
            }
            QJsonArray validations;
            for (const ValidationRecord &v : std::as_const(detail->validations)) {
                validations.append(QJsonObject{{QStringLiteral("validator"), v.validator.toChecksumHex()},
                                               {QStringLiteral("requestHash"), v.requestHash.toHex()},
                                               {QStringLiteral("requestURI"), v.requestUri},
                                               {QStringLiteral("requestBlock"), v.requestBlock ? QJsonValue(double(v.requestBlock)) : QJsonValue()},
                                               {QStringLiteral("status"), v.response ? QStringLiteral("responded") : QStringLiteral("pending")},
                                               {QStringLiteral("response"), v.response ? QJsonValue(*v.response) : QJsonValue()},
                                               {QStringLiteral("responseURI"), orNull(v.responseUri)},
                                               {QStringLiteral("tag"), orNull(v.tag)}});
            }
            if (asJson) {
                QJsonObject out = agentToJson(a);
                out.insert(QStringLiteral("validations"), validations);
                printJson(out);
                finish(ExitOk);
                return;
            }
            QTextStream out(stdout);
            out << Arborctl::tr("Agent %1 of %2").arg(u256::toDecimal(a.agentId), a.registry.toChecksumHex()) << Qt::endl;
            out << "  " << Arborctl::tr("Owner: %1").arg(a.owner ? a.owner->toChecksumHex() : Arborctl::tr("unknown")) << Qt::endl;
            out << "  " << Arborctl::tr("agentURI: %1").arg(a.uri.isEmpty() ? Arborctl::tr("none") : a.uri.left(300)) << Qt::endl;
            out << "  " << Arborctl::tr("Registration: %1").arg(registrationState(a)) << Qt::endl;
            if (a.resolvedCurrent() && a.resolved->registration) {
                const QJsonObject &r = *a.resolved->registration;
                out << "    " << Arborctl::tr("Name: %1").arg(r.value(QLatin1String("name")).toString()) << Qt::endl;
                if (const QString d = r.value(QLatin1String("description")).toString(); !d.isEmpty())
                    out << "    " << Arborctl::tr("Description: %1").arg(d.left(300)) << Qt::endl;
                if (r.contains(QLatin1String("active")))
                    out << "    " << (r.value(QLatin1String("active")).toBool() ? Arborctl::tr("Active") : Arborctl::tr("Not active")) << Qt::endl;
                for (const QJsonValue &v : r.value(QLatin1String("services")).toArray()) {
                    const QJsonObject s = v.toObject();
                    out << "    " << Arborctl::tr("Service %1: %2").arg(s.value(QLatin1String("name")).toString(), s.value(QLatin1String("endpoint")).toString());
                    if (const QString version = s.value(QLatin1String("version")).toString(); !version.isEmpty())
                        out << " (" << version << ')';
                    out << Qt::endl;
                }
            }
            out << "  " << Arborctl::tr("MCP token: %1").arg(a.mcpToken ? a.mcpToken->toString() : Arborctl::tr("none")) << Qt::endl;
            out << "  " << Arborctl::tr("Feedback: %1 (%2 revoked)").arg(a.reputation.feedbackCount).arg(a.reputation.revokedCount) << Qt::endl;
            for (const TagAverage &t : a.reputation.tags)
                out << "    " << Arborctl::tr("%1: average %2 over %3").arg(t.tag.isEmpty() ? Arborctl::tr("(no tag)") : t.tag, t.average).arg(t.count) << Qt::endl;
            if (a.reputation.latest)
                out << "    " << Arborctl::tr("Latest: %1 from %2 at block %3%4")
                                     .arg(a.reputation.latest->value, a.reputation.latest->client)
                                     .arg(a.reputation.latest->blockNumber)
                                     .arg(a.reputation.latest->revoked ? Arborctl::tr(" (revoked)") : QString())
                    << Qt::endl;
            out << "  " << Arborctl::tr("Validations: %1").arg(detail->validations.size()) << Qt::endl;
            for (const ValidationRecord &v : std::as_const(detail->validations)) {
                out << "    " << v.validator.toChecksumHex() << ' '
                    << (v.response ? Arborctl::tr("responded %1").arg(*v.response) : Arborctl::tr("pending")) << Qt::endl;
            }
            finish(ExitOk);
        });
    });
}

int agentsToken(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption agent = agentIdOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Set or clear the token an MCP action sends to this agent's own endpoint "
                                                                  "(“agents token set --chain C --agent ID keychain:NAME”, "
                                                                  "“agents token clear --chain C --agent ID”)."),
                                                     {chain, agent, json},
                                                     {{QStringLiteral("set|clear"), Arborctl::tr("What to do.")},
                                                      {QStringLiteral("REF"), Arborctl::tr("With set: keychain:NAME, env:VAR or file:PATH.")}}}))
        return *exit;
    const QStringList words = parser.positionalArguments();
    const QString verb = words.value(0);
    if (verb != u"set" && verb != u"clear")
        return usageError(Arborctl::tr("Use “agents token set --chain C --agent ID keychain:NAME” or “agents token clear --chain C --agent ID”."));
    if ((verb == u"set" && words.size() != 2) || (verb == u"clear" && words.size() != 1))
        return usageError(verb == u"set" ? Arborctl::tr("“agents token set” takes one secret reference, e.g. keychain:agent-3-mcp.")
                                         : Arborctl::tr("“agents token clear” takes no argument."));
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    auto id = agentOption(parser, agent);
    if (!id)
        return fail(id.error());
    std::optional<SecretRef> token;
    if (verb == u"set") {
        auto parsed = SecretRef::parse(words[1], QStringLiteral("REF"));
        if (!parsed)
            return fail(parsed.error());
        token = *parsed;
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, id = *id, token, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->setMcpToken(ref, id, token), &engine, [token, asJson, finish](Result<AgentRecord> agent) {
            if (!agent) {
                finish(fail(optionError(agent.error())));   // "agent" → "--agent"
                return;
            }
            if (asJson)
                printJson(agentToJson(*agent));
            else
                QTextStream(stdout) << (token ? Arborctl::tr("MCP calls to agent %1 now send %2.").arg(u256::toDecimal(agent->agentId), token->toString())
                                              : Arborctl::tr("MCP calls to agent %1 now send no token.").arg(u256::toDecimal(agent->agentId)))
                                    << Qt::endl;
            finish(ExitOk);
        });
    });
}

int agentsRefresh(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption agent = agentIdOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Fetch the chain's registration files (or one agent's) again now; the "
                                                                  "running engine picks them up within seconds."),
                                                     {chain, agent}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    std::optional<U256> id;
    if (parser.isSet(agent)) {
        auto parsed = agentOption(parser, agent);
        if (!parsed)
            return fail(parsed.error());
        id = *parsed;
    }
    return runWithEngine(inv, adminOptions(), [ref = *ref, id](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->refreshRegistrations(ref, id), &engine, [finish](Result<qint64> due) {
            if (!due) {
                finish(fail(optionError(due.error())));   // "agent" → "--agent"
                return;
            }
            QTextStream(stdout) << Arborctl::tr("%n registration file(s) will be fetched again.", nullptr, int(*due)) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int outboundList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Hosts that requests made from chain data (registration files, feedback "
                                                                  "files, agents' MCP endpoints) may reach although they are loopback, "
                                                                  "private or link-local; and the IPFS gateway."),
                                                     {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->outboundHosts(), &engine, [&engine, asJson, finish](Result<QStringList> hosts) {
            if (!hosts) {
                finish(fail(hosts.error()));
                return;
            }
            then(engine.agents()->ipfsGateway(), &engine, [hosts = *hosts, asJson, finish](Result<QString> gateway) {
                if (!gateway) {
                    finish(fail(gateway.error()));
                    return;
                }
                if (asJson) {
                    printJson(QJsonObject{{QStringLiteral("allowedHosts"), QJsonArray::fromStringList(hosts)},
                                          {QStringLiteral("ipfsGateway"), orNull(*gateway)}});
                } else {
                    QTextStream out(stdout);
                    if (hosts.isEmpty())
                        out << Arborctl::tr("No host is allowed beyond public addresses.") << Qt::endl;
                    for (const QString &h : hosts)
                        out << Arborctl::tr("allowed: %1").arg(h) << Qt::endl;
                    out << (gateway->isEmpty() ? Arborctl::tr("IPFS gateway: none (ipfs:// URIs are not fetched)")
                                               : Arborctl::tr("IPFS gateway: %1").arg(*gateway))
                        << Qt::endl;
                }
                finish(ExitOk);
            });
        });
    });
}

static int outboundChange(const Invocation &inv, bool allow)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, {allow ? Arborctl::tr("Allow requests from chain data to reach HOST although it is loopback, "
                                                                          "private or link-local (your own servers; every engine on the "
                                                                          "database applies it).")
                                                           : Arborctl::tr("Stop allowing HOST."),
                                                     {},
                                                     {{QStringLiteral("HOST"), Arborctl::tr("A host name or an IP address, e.g. 127.0.0.1.")}}}))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(Arborctl::tr("Give one host, e.g. “arborctl outbound %1 127.0.0.1”.").arg(allow ? QStringLiteral("allow") : QStringLiteral("deny")));
    const QString host = parser.positionalArguments().first();
    return runWithEngine(inv, adminOptions(), [host, allow](Engine &engine, std::function<void(int)> finish) {
        auto change = allow ? engine.agents()->allowOutbound(host) : engine.agents()->denyOutbound(host);
        then(change, &engine, [host, allow, finish](Result<bool> changed) {
            if (!changed) {
                Error e = changed.error();
                if (e.field == u"host")
                    e.field = QStringLiteral("HOST");
                finish(fail(e));
                return;
            }
            QTextStream out(stdout);
            if (allow)
                out << (*changed ? Arborctl::tr("Requests from chain data may now reach %1.").arg(host)
                                 : Arborctl::tr("%1 was already allowed.").arg(host));
            else
                out << (*changed ? Arborctl::tr("%1 is no longer allowed.").arg(host) : Arborctl::tr("%1 was not allowed.").arg(host));
            out << Qt::endl;
            finish(ExitOk);
        });
    });
}

int outboundAllow(const Invocation &inv)
{
    return outboundChange(inv, true);
}

int outboundDeny(const Invocation &inv)
{
    return outboundChange(inv, false);
}

int outboundGateway(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption clear(QStringLiteral("clear"), Arborctl::tr("Set no gateway: ipfs:// URIs are then not fetched."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("The IPFS gateway ipfs:// agentURIs and feedback files are fetched through."),
                                                     {clear},
                                                     {{QStringLiteral("URL"), Arborctl::tr("The gateway's base, e.g. https://ipfs.io/ipfs/.")}}}))
        return *exit;
    const QStringList words = parser.positionalArguments();
    if (parser.isSet(clear) == (words.size() == 1) || words.size() > 1)
        return usageError(Arborctl::tr("Give the gateway's URL (“arborctl outbound gateway https://ipfs.io/ipfs/”) or --clear."));
    const QString url = parser.isSet(clear) ? QString() : words.first();
    return runWithEngine(inv, adminOptions(), [url](Engine &engine, std::function<void(int)> finish) {
        then(engine.agents()->setIpfsGateway(url), &engine, [finish](Result<QString> set) {
            if (!set) {
                Error e = set.error();
                if (e.field == u"gateway")
                    e.field = QStringLiteral("URL");
                finish(fail(e));
                return;
            }
            QTextStream(stdout) << (set->isEmpty() ? Arborctl::tr("No IPFS gateway: ipfs:// URIs are not fetched.")
                                                   : Arborctl::tr("ipfs:// URIs are fetched through %1.").arg(*set))
                                << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli
