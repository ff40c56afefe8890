#include "store/agentstore.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace arbor {
namespace {

// Messages in the translation context "arbor::AgentStore".
struct AgentText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::AgentStore)
};

std::optional<QJsonObject> registrationObject(const QVariant &text)
{
    if (text.isNull() || text.toString().isEmpty())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toString().toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<std::pair<QString, QString>> mcpServiceOf(const QJsonObject &registration)
{
    for (const QJsonValue &v : registration.value(QLatin1String("services")).toArray()) {
        const QJsonObject service = v.toObject();
        const QString endpoint = service.value(QLatin1String("endpoint")).toString();
        if (service.value(QLatin1String("name")).toString().compare(QLatin1String("MCP"), Qt::CaseInsensitive) == 0 && !endpoint.isEmpty())
            return std::pair{endpoint, service.value(QLatin1String("version")).toString()};
    }
    return std::nullopt;
}

Result<std::optional<Address>> AgentStore::identityRegistry(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT address FROM ") + m_store.admin("registries")
                                  + QLatin1String(" WHERE chain_id = ? AND kind = 'identity'"),
                              {chainId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Address>();
    auto address = Address::fromBytes(rows->first()[0].toByteArray(), QStringLiteral("registries.address"));
    if (!address)
        return address.error();
    return std::optional<Address>(*address);
}

Result<QList<AgentRecord>> AgentStore::readAgents(qint64 chainId, const std::optional<U256> &agentId)
{
    auto registry = identityRegistry(chainId);
    if (!registry)
        return registry.error();
    QList<AgentRecord> out;
    if (!*registry)
        return out;
    QString sql = QLatin1String("SELECT i.agent_id, i.owner, i.uri, i.registered_block, i.last_block, r.uri, r.registration, r.error, "
                                "r.fetched_at, r.next_fetch_at, r.failures, t.token_ref FROM ")
        + m_store.chainTable(chainId, QStringLiteral("agent_identities")) + QLatin1String(" i LEFT JOIN ") + m_store.admin("agent_registrations")
        + QLatin1String(" r ON r.chain_id = ? AND r.registry = i.registry AND r.agent_id = i.agent_id LEFT JOIN ")
        + m_store.admin("agent_mcp_tokens") + QLatin1String(" t ON t.chain_id = ? AND t.agent_id = i.agent_id WHERE i.registry = ?");
    QVariantList params{chainId, chainId, (*registry)->toBytes()};
    if (agentId) {
        sql += QLatin1String(" AND i.agent_id = ?");
        params.append(m_store.u256Value(*agentId));
    }
    sql += QLatin1String(" ORDER BY i.agent_id");
    auto rows = m_store.query(sql, params);
    if (!rows)
        return rows.error();
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        AgentRecord a;
        a.chainId = chainId;
        a.registry = **registry;
        auto id = m_store.u256FromValue(r[0], QStringLiteral("agent_identities.agent_id"));
        if (!id)
            return id.error();
        a.agentId = *id;
        if (!r[1].isNull()) {
            auto owner = Address::fromBytes(r[1].toByteArray(), QStringLiteral("agent_identities.owner"));
            if (!owner)
                return owner.error();
            a.owner = *owner;
        }
        a.uri = r[2].toString();
        a.registeredBlock = r[3].toLongLong();
        a.lastBlock = r[4].toLongLong();
        if (!r[5].isNull()) {
            AgentRegistrationState s;
            s.uri = r[5].toString();
            s.registration = registrationObject(r[6]);
            s.error = r[7].toString();
            s.fetchedAt = r[8].toLongLong();
            s.nextFetchAt = r[9].toLongLong();
            s.failures = r[10].toInt();
            a.resolved = std::move(s);
        }
        if (!r[11].isNull()) {
            auto token = SecretRef::parse(r[11].toString(), QStringLiteral("agent_mcp_tokens.token_ref"));
            if (!token)
                return token.error();
            a.mcpToken = *token;
        }
        auto reputation = readAgentReputation(m_store, chainId, u256::toDecimal(a.agentId));
        if (!reputation)
            return reputation.error();
        a.reputation = std::move(*reputation);
        out.append(std::move(a));
    }
    return out;
}

Result<QList<AgentRecord>> AgentStore::agents(qint64 chainId)
{
    return readAgents(chainId, std::nullopt);
}

Result<std::optional<AgentDetail>> AgentStore::agent(qint64 chainId, const U256 &agentId)
{
    auto found = readAgents(chainId, agentId);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<AgentDetail>();
    AgentDetail detail;
    detail.agent = found->takeFirst();

    auto raw = m_store.query(QLatin1String("SELECT raw FROM ") + m_store.admin("agent_registrations")
                                 + QLatin1String(" WHERE chain_id = ? AND registry = ? AND agent_id = ? AND raw IS NOT NULL"),
                             {chainId, detail.agent.registry.toBytes(), m_store.u256Value(agentId)});
    if (!raw)
        return raw.error();
    if (!raw->isEmpty())
        detail.rawRegistration = raw->first()[0].toString().toUtf8();

    // Requests and responses pair up by request hash; a response without a request seen
    // (indexed from a later start block) is listed alone.
    auto rows = m_store.query(QLatin1String("SELECT event, actor, request_hash, uri, response, tag1, block_number FROM ")
                                  + m_store.chainTable(chainId, QStringLiteral("agent_events"))
                                  + QLatin1String(" WHERE registry_kind = 'validation' AND agent_id = ? ORDER BY block_number, log_index"),
                              {m_store.u256Value(agentId)});
    if (!rows)
        return rows.error();
    for (const SqlRow &r : *rows) {
        auto validator = Address::fromBytes(r[1].toByteArray(), QStringLiteral("agent_events.actor"));
        auto requestHash = Hash::fromBytes(r[2].toByteArray(), QStringLiteral("agent_events.request_hash"));
        if (!validator)
            return validator.error();
        if (!requestHash)
            return requestHash.error();
        if (r[0].toString() == u"ValidationRequest") {
            ValidationRecord v;
            v.validator = *validator;
            v.requestHash = *requestHash;
            v.requestUri = r[3].toString();
            v.requestBlock = r[6].toLongLong();
            detail.validations.append(v);
            continue;
        }
        ValidationRecord *request = nullptr;
        for (ValidationRecord &v : detail.validations) {
            if (v.requestHash == *requestHash && v.validator == *validator)
                request = &v;
        }
        if (!request) {
            detail.validations.append(ValidationRecord());
            request = &detail.validations.last();
            request->validator = *validator;
            request->requestHash = *requestHash;
        }
        request->response = r[4].toInt();
        request->responseUri = r[3].toString();
        request->tag = r[5].toString();
        request->responseBlock = r[6].toLongLong();
    }
    return std::optional<AgentDetail>(std::move(detail));
}

Result<QList<RegistrationDue>> AgentStore::dueRegistrations(qint64 now, int limit)
{
    auto chains = m_store.query(QLatin1String("SELECT c.chain_id, g.address FROM ") + m_store.admin("chains") + QLatin1String(" c JOIN ")
                                    + m_store.admin("registries")
                                    + QLatin1String(" g ON g.chain_id = c.chain_id AND g.kind = 'identity' WHERE c.state = 'active' ORDER BY c.chain_id"));
    if (!chains)
        return chains.error();
    QList<RegistrationDue> out;
    for (const SqlRow &c : *chains) {
        if (out.size() >= limit)
            break;
        const qint64 chainId = c[0].toLongLong();
        const QString identities = m_store.chainTable(chainId, QStringLiteral("agent_identities"));
        if (!m_store.tableExists(identities))
            continue;
        auto registry = Address::fromBytes(c[1].toByteArray(), QStringLiteral("registries.address"));
        if (!registry)
            return registry.error();
        auto rows = m_store.query(QLatin1String("SELECT i.agent_id, i.uri, r.uri, r.failures FROM ") + identities + QLatin1String(" i LEFT JOIN ")
                                      + m_store.admin("agent_registrations")
                                      + QLatin1String(" r ON r.chain_id = ? AND r.registry = i.registry AND r.agent_id = i.agent_id "
                                                      "WHERE i.registry = ? AND i.uri IS NOT NULL AND i.uri <> '' "
                                                      "AND (r.uri IS NULL OR r.uri <> i.uri OR r.next_fetch_at <= ?) "
                                                      "ORDER BY CASE WHEN r.uri IS NULL OR r.uri <> i.uri THEN 0 ELSE 1 END, "
                                                      "COALESCE(r.next_fetch_at, 0), i.agent_id LIMIT ?"),
                                  {chainId, registry->toBytes(), now, limit - out.size()});
        if (!rows)
            return rows.error();
        for (const SqlRow &r : *rows) {
            auto id = m_store.u256FromValue(r[0], QStringLiteral("agent_identities.agent_id"));
            if (!id)
                return id.error();
            const QString uri = r[1].toString();
            out.append({chainId, *registry, *id, uri, r[2].toString() == uri ? r[3].toInt() : 0});
        }
    }
    return out;
}

Status AgentStore::recordRegistration(const RegistrationFetch &fetch)
{
    const bool ok = fetch.registration.has_value();
    const QString table = m_store.admin("agent_registrations");
    // A failure keeps the last good file of the same URI: the agent still has the services it
    // named, and the error says the refresh failed.
    const QString sql = QLatin1String("INSERT INTO ") + table
        + QLatin1String(" AS r (chain_id, registry, agent_id, uri, registration, raw, error, fetched_at, next_fetch_at, failures) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chain_id, registry, agent_id) DO UPDATE SET ")
        + (ok ? QLatin1String("registration = excluded.registration, raw = excluded.raw, failures = 0, ")
              : QLatin1String("registration = CASE WHEN r.uri = excluded.uri THEN r.registration ELSE NULL END, "
                              "raw = CASE WHEN r.uri = excluded.uri THEN r.raw ELSE NULL END, "
                              "failures = CASE WHEN r.uri = excluded.uri THEN r.failures + 1 ELSE 1 END, "))
        + QLatin1String("uri = excluded.uri, error = excluded.error, fetched_at = excluded.fetched_at, next_fetch_at = excluded.next_fetch_at");
    const QVariant registration = ok ? QVariant(QString::fromUtf8(QJsonDocument(*fetch.registration).toJson(QJsonDocument::Compact)))
                                     : QVariant(QMetaType(QMetaType::QString));
    const QVariant raw = ok ? QVariant(QString::fromUtf8(fetch.raw)) : QVariant(QMetaType(QMetaType::QString));
    const QVariant error = ok ? QVariant(QMetaType(QMetaType::QString)) : QVariant(fetch.error);
    return m_store.exec(sql, {fetch.due.chainId, fetch.due.registry.toBytes(), m_store.u256Value(fetch.due.agentId), fetch.due.uri,
                              registration, raw, error, fetch.at, fetch.nextFetchAt, ok ? 0 : 1});
}

Result<qint64> AgentStore::refreshRegistrations(qint64 chainId, const std::optional<U256> &agentId)
{
    QString where = QStringLiteral(" WHERE chain_id = ?");
    QVariantList params{chainId};
    if (agentId) {
        where += QLatin1String(" AND agent_id = ?");
        params.append(m_store.u256Value(*agentId));
    }
    auto count = m_store.query(QLatin1String("SELECT COUNT(*) FROM ") + m_store.admin("agent_registrations") + where, params);
    if (!count)
        return count.error();
    if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("agent_registrations") + QLatin1String(" SET next_fetch_at = 0") + where, params); !s)
        return s.error();
    return count->isEmpty() ? 0 : count->first()[0].toLongLong();
}

Result<std::optional<qint64>> AgentStore::nextRegistrationDue()
{
    auto rows = m_store.query(QLatin1String("SELECT MIN(next_fetch_at) FROM ") + m_store.admin("agent_registrations"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first()[0].isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first()[0].toLongLong());
}

Status AgentStore::setMcpToken(qint64 chainId, const U256 &agentId, const std::optional<SecretRef> &token)
{
    auto found = readAgents(chainId, agentId);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(QStringLiteral("agent"), AgentText::tr("Chain %1 has no agent %2 in its identity registry. See “arborctl agents list”.")
                                                            .arg(chainId)
                                                            .arg(u256::toDecimal(agentId)));
    const QString table = m_store.admin("agent_mcp_tokens");
    if (!token)
        return m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE chain_id = ? AND agent_id = ?"),
                            {chainId, m_store.u256Value(agentId)});
    return m_store.exec(QLatin1String("INSERT INTO ") + table
                            + QLatin1String(" (chain_id, agent_id, token_ref, set_at) VALUES (?, ?, ?, ?) "
                                            "ON CONFLICT (chain_id, agent_id) DO UPDATE SET token_ref = excluded.token_ref, set_at = excluded.set_at"),
                        {chainId, m_store.u256Value(agentId), token->toString(), m_store.now()});
}

Result<AgentMcpLookup> AgentStore::mcpTarget(qint64 chainId, const U256 &agentId)
{
    AgentMcpLookup out;
    auto hosts = outboundHosts();
    if (!hosts)
        return hosts.error();
    out.allowedHosts = *hosts;
    auto found = readAgents(chainId, agentId);
    if (!found)
        return found.error();
    if (found->isEmpty()) {
        out.detail = AgentText::tr("Chain %1's identity registry has no agent %2, so it has no registration naming an MCP endpoint.")
                         .arg(chainId)
                         .arg(u256::toDecimal(agentId));
        return out;
    }
    const AgentRecord &a = found->first();
    out.token = a.mcpToken;
    if (!a.resolvedCurrent()) {
        out.state = AgentMcpLookup::State::NotResolved;
        out.detail = AgentText::tr("Agent %1's registration file (%2) has not been fetched yet.").arg(u256::toDecimal(agentId), a.uri.left(200));
        return out;
    }
    if (!a.resolved->registration) {
        out.state = AgentMcpLookup::State::ResolveFailed;
        out.detail = AgentText::tr("Agent %1's registration file could not be read: %2").arg(u256::toDecimal(agentId), a.resolved->error);
        return out;
    }
    const auto service = mcpServiceOf(*a.resolved->registration);
    if (!service) {
        out.state = AgentMcpLookup::State::NoMcpService;
        out.detail = AgentText::tr("Agent %1's registration file names no MCP service.").arg(u256::toDecimal(agentId));
        return out;
    }
    out.state = AgentMcpLookup::State::Found;
    out.endpoint = service->first;
    out.version = service->second;
    return out;
}

Result<QStringList> AgentStore::outboundHosts()
{
    return m_store.queryStrings(QLatin1String("SELECT host FROM ") + m_store.admin("outbound_hosts") + QLatin1String(" ORDER BY host"));
}

Result<bool> AgentStore::allowOutbound(const QString &host)
{
    const QString table = m_store.admin("outbound_hosts");
    auto rows = m_store.query(QLatin1String("SELECT 1 FROM ") + table + QLatin1String(" WHERE host = ?"), {host});
    if (!rows)
        return rows.error();
    if (!rows->isEmpty())
        return false;
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + table + QLatin1String(" (host, added_at) VALUES (?, ?) ON CONFLICT (host) DO NOTHING"),
                                {host, m_store.now()});
        !s)
        return s.error();
    return true;
}

Result<bool> AgentStore::denyOutbound(const QString &host)
{
    const QString table = m_store.admin("outbound_hosts");
    auto rows = m_store.query(QLatin1String("SELECT 1 FROM ") + table + QLatin1String(" WHERE host = ?"), {host});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return false;
    if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE host = ?"), {host}); !s)
        return s.error();
    return true;
}

Result<QString> AgentStore::ipfsGateway()
{
    auto values = m_store.queryStrings(QLatin1String("SELECT value FROM ") + m_store.admin("settings") + QLatin1String(" WHERE name = 'ipfs_gateway'"));
    if (!values)
        return values.error();
    return values->isEmpty() ? QString() : values->first();
}

Status AgentStore::setIpfsGateway(const QString &url)
{
    const QString table = m_store.admin("settings");
    if (url.isEmpty())
        return m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE name = 'ipfs_gateway'"));
    return m_store.exec(QLatin1String("INSERT INTO ") + table
                            + QLatin1String(" (name, value, updated_at) VALUES ('ipfs_gateway', ?, ?) "
                                            "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
                        {url, m_store.now()});
}

} // namespace arbor
