// IndexStore: the ERC-8004 agent summaries (agent_identities, agent_reputation and its tag sums in
// agent_reputation_tags), kept at promotion.
//
// One fold turns an agent's events, in (block, log index) order, into its summary. A head range
// folds its own events onto the stored summary: counts, tag sums and the latest feedback change
// by what the range adds, and the only rows read besides the summary are the NewFeedback events
// revoked in the range (by the agent_events index on registry, agent, client, feedback index).
// Ranges that replace rows (gap fills, reindexes, backfills) and reorg rollbacks fold the touched
// agents' remaining events from scratch instead: exact, and rare.
//
// The incremental fold relies on chain order: a feedback is revoked after it was given, never
// before.

#include "store/agentfolds.h"
#include "store/indexstore.h"
#include "store/sqlparams.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>

namespace arbor {
namespace {

using agentfold::Fact;
using agentfold::FactColumns;
using agentfold::factOf;
using agentfold::FeedbackKey;
using agentfold::FeedbackRevoked;
using agentfold::GivenFeedback;
using agentfold::IdentityFold;
using agentfold::NewFeedback;
using agentfold::ReputationColumns;
using agentfold::ReputationFold;
using agentfold::TagChange;
using agentfold::TagKey;

const QString KeyWhere = QStringLiteral("registry = ? AND agent_id = ?");

/// Row counts a multi-row statement is built for: few distinct statements for the cache.
constexpr int AgentChunkSizes[] = {64, 16, 4, 1};

/// Calls `run(first, count)` over [0, size) in chunks of AgentChunkSizes, stopping at the first error.
Status inChunks(qsizetype size, const std::function<Status(qsizetype, int)> &run)
{
    qsizetype at = 0;
    for (const int chunk : AgentChunkSizes) {
        for (; size - at >= chunk; at += chunk) {
            if (Status s = run(at, chunk); !s)
                return s;
        }
    }
    return {};
}

/// `n` copies of `term` joined by `separator`.
QString repeated(const QString &term, int n, const QString &separator)
{
    QStringList terms;
    terms.reserve(n);
    for (int i = 0; i < n; ++i)
        terms.append(term);
    return terms.join(separator);
}


} // namespace

/// The tables of the agent summaries of one chain, and how they are written.
class IndexStore::AgentTables
{
public:
    AgentTables(IndexStore &owner, qint64 chainId, const QList<EntityDef> &entities)
        : identities(requireEntity(entities, "agent_identities"))
        , reputation(requireEntity(entities, "agent_reputation"))
        , tags(requireEntity(entities, "agent_reputation_tags"))
        , events(owner.m_store.chainTable(chainId, QStringLiteral("agent_events")))
        , identityTable(owner.m_store.chainTable(chainId, identities.name))
        , reputationTable(owner.m_store.chainTable(chainId, reputation.name))
        , tagTable(owner.m_store.chainTable(chainId, tags.name))
        , m_owner(owner)
        , m_store(owner.m_store)
        , m_chain(chainId)
    {
    }

    const EntityDef &identities;
    const EntityDef &reputation;
    const EntityDef &tags;
    /// The chain's agent_events and summary tables.
    const QString events;
    const QString identityTable;
    const QString reputationTable;
    const QString tagTable;

    Status writeIdentity(const QVariantList &key, const IdentityFold &id)
    {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + identityTable + QLatin1String(" WHERE ") + KeyWhere, key); !s)
            return s;
        return m_store.exec(QLatin1String("INSERT INTO ") + identityTable
                                + QLatin1String(" (registry, agent_id, owner, uri, registered_block, last_block) VALUES (?, ?, ?, ?, ?, ?)"),
                            key + QVariantList{id.owner, id.uri, id.registeredBlock.value_or(id.firstBlock.value_or(0)), id.lastBlock});
    }

    Status writeReputation(const QVariantList &key, const ReputationFold &r)
    {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + reputationTable + QLatin1String(" WHERE ") + KeyWhere, key); !s)
            return s;
        return m_store.exec(QLatin1String("INSERT INTO ") + reputationTable + QLatin1String(" (registry, agent_id, ") + QLatin1String(ReputationColumns)
                                + QLatin1String(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            key + r.row());
    }

    /// Adds the fold's tag changes to the stored tag rows; a tag left with no feedback goes.
    Status addTags(const QVariantList &key, const ReputationFold &r)
    {
        if (r.tags.empty())
            return {};
        QStringList names;
        for (const auto &[tag, change] : r.tags) {
            if (names.isEmpty() || names.last() != tag.first)
                names.append(tag.first);
        }
        std::map<TagKey, TagChange> totals = r.tags;
        QSet<TagKey> stored;
        Status read = inChunks(names.size(), [&](qsizetype at, int n) -> Status {
            QVariantList params;
            for (int i = 0; i < n; ++i)
                params << key[0] << key[1] << names[at + i];
            // One SELECT per tag joined by UNION ALL: each is planned as a key lookup, which a
            // PostgreSQL table without statistics would not do for an IN list or an OR.
            auto rows = m_store.query(repeated(QLatin1String("SELECT tag, value_decimals, feedback_count, value_sum, last_block FROM ") + tagTable
                                                   + QLatin1String(" WHERE registry = ? AND agent_id = ? AND tag = ?"),
                                               n, QStringLiteral(" UNION ALL ")),
                                      params);
            if (!rows)
                return rows.error();
            for (const SqlRow &row : *rows) {
                const TagKey tag{row[0].toString(), row[1].toLongLong()};
                auto total = totals.find(tag);
                if (total == totals.end())
                    continue;
                auto sum = FeedbackSum::fromText(row[3].toString());
                if (!sum)
                    return Error::internal(IndexStore::tr("The stored sum “%1” of tag “%2” is not an integer.").arg(row[3].toString(), tag.first));
                total->second.count += row[2].toLongLong();
                total->second.sum += *sum;
                total->second.lastBlock = std::max(total->second.lastBlock, row[4].toLongLong());
                stored.insert(tag);
            }
            return {};
        });
        if (!read)
            return read;

        QList<SqlRow> kept;
        for (const auto &[tag, total] : totals) {
            if (total.count > 0) {
                kept.append(key + SqlRow{tag.first, tag.second, total.count, total.sum.toText(), total.lastBlock});
            } else if (stored.contains(tag)) {
                if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + tagTable
                                                + QLatin1String(" WHERE registry = ? AND agent_id = ? AND tag = ? AND value_decimals = ?"),
                                            key + QVariantList{tag.first, tag.second});
                    !s)
                    return s;
            }
        }
        return inChunks(kept.size(), [&](qsizetype at, int n) -> Status {
            QVariantList params;
            for (int i = 0; i < n; ++i)
                params += kept[at + i];
            return m_store.exec(QLatin1String("INSERT INTO ") + tagTable
                                    + QLatin1String(" (registry, agent_id, tag, value_decimals, feedback_count, value_sum, last_block) VALUES ")
                                    + repeated(QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"), n, QStringLiteral(", "))
                                    + QLatin1String(" ON CONFLICT (registry, agent_id, tag, value_decimals) DO UPDATE SET feedback_count = excluded.feedback_count, "
                                                    "value_sum = excluded.value_sum, last_block = excluded.last_block"),
                                params);
        });
    }

    /// Replaces the agent's tag rows with the fold's (counted from scratch).
    Status replaceTags(const QVariantList &key, const ReputationFold &r)
    {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + tagTable + QLatin1String(" WHERE ") + KeyWhere, key); !s)
            return s;
        QList<SqlRow> rows;
        for (const auto &[tag, total] : r.tags) {
            if (total.count > 0)
                rows.append(key + SqlRow{tag.first, tag.second, total.count, total.sum.toText(), total.lastBlock});
        }
        return m_store.bulkInsert(tagTable, ddl::columnNames(ddl::TableKind::Production, tags), rows);
    }

    /// Folds the identity events among `facts` (of a range starting at `from`) onto the stored row.
    Status addToIdentity(const QVariantList &key, const QList<Fact> &facts, qint64 from)
    {
        auto stored = m_store.query(QLatin1String("SELECT owner, uri, registered_block, last_block FROM ") + identityTable + QLatin1String(" WHERE ") + KeyWhere,
                                    key);
        if (!stored)
            return stored.error();
        IdentityFold id;
        if (!stored->isEmpty()) {
            id.load(stored->first());
            // The stored registered_block is that of the agent's first event when no Registered
            // was indexed before: this range's Registered is then the first.
            const bool registers = std::any_of(facts.begin(), facts.end(), [](const Fact &f) { return f.event == u"Registered"; });
            if (registers) {
                auto earlier = m_store.query(QLatin1String("SELECT 1 FROM ") + events + QLatin1String(" WHERE ") + KeyWhere
                                                 + QLatin1String(" AND event = 'Registered' AND block_number < ? LIMIT 1"),
                                             key + QVariantList{from});
                if (!earlier)
                    return earlier.error();
                if (earlier->isEmpty())
                    id.registeredBlock.reset();
            }
        }
        for (const Fact &f : facts) {
            if (f.kind == u"identity")
                id.apply(f);
        }
        return writeIdentity(key, id);
    }

    /// Folds the reputation events among `facts` (of a range starting at `from`) onto the stored
    /// row and tag rows.
    Status addToReputation(const QVariantList &key, const QList<Fact> &facts, qint64 from)
    {
        auto stored = m_store.query(QLatin1String("SELECT ") + QLatin1String(ReputationColumns) + QLatin1String(" FROM ") + reputationTable
                                        + QLatin1String(" WHERE ") + KeyWhere,
                                    key);
        if (!stored)
            return stored.error();
        ReputationFold r;
        if (!stored->isEmpty())
            r.load(stored->first());
        QList<FeedbackKey> revoked;
        for (const Fact &f : facts) {
            if (f.kind == u"reputation" && f.event == FeedbackRevoked && f.feedbackIndex)
                revoked.append({f.actor.toByteArray(), *f.feedbackIndex});
        }
        auto earlier = givenBefore(key, revoked, from);
        if (!earlier)
            return earlier.error();
        r.setEarlier(&*earlier);
        for (const Fact &f : facts) {
            if (f.kind != u"reputation")
                continue;
            if (Status s = r.apply(f); !s)
                return s;
        }
        if (Status s = writeReputation(key, r); !s)
            return s;
        return addTags(key, r);
    }

    /// The NewFeedback events of `feedback` below block `from`, and whether a FeedbackRevoked
    /// below it names them already: what a range's revocations take off their tags.
    Result<QHash<FeedbackKey, GivenFeedback>> givenBefore(const QVariantList &key, const QList<FeedbackKey> &feedback, qint64 from)
    {
        QHash<FeedbackKey, GivenFeedback> given;
        QSet<FeedbackKey> revoked;
        Status looked = inChunks(feedback.size(), [&](qsizetype at, int n) -> Status {
            QVariantList params;
            for (int i = 0; i < n; ++i)
                params << key[0] << key[1] << feedback[at + i].first << feedback[at + i].second << from << NewFeedback << FeedbackRevoked;
            // Key lookups joined by UNION ALL (see addTags()).
            auto rows = m_store.query(repeated(QLatin1String("SELECT actor, feedback_index, event, value, value_decimals, tag1 FROM ") + events
                                                   + QLatin1String(" WHERE registry = ? AND agent_id = ? AND actor = ? AND feedback_index = ? "
                                                                   "AND block_number < ? AND event IN (?, ?)"),
                                               n, QStringLiteral(" UNION ALL ")),
                                      params);
            if (!rows)
                return rows.error();
            for (const SqlRow &row : *rows) {
                const FeedbackKey k{row[0].toByteArray(), row[1].toLongLong()};
                if (row[2].toString() == FeedbackRevoked) {
                    revoked.insert(k);
                    continue;
                }
                auto value = FeedbackSum::fromText(row[3].toString());
                if (!value)
                    return Error::internal(IndexStore::tr("The feedback value “%1” is not an integer.").arg(row[3].toString()));
                given.insert(k, GivenFeedback{{row[5].toString(), row[4].toLongLong()}, *value, false});
            }
            return {};
        });
        if (!looked)
            return looked.error();
        for (const FeedbackKey &k : std::as_const(revoked)) {
            if (auto it = given.find(k); it != given.end())
                it->revoked = true;
        }
        return given;
    }

    /// The global twins of the agent's identity and reputation rows (those asked for).
    Status syncGlobal(const QVariantList &key, bool force, bool identity = true, bool reputationRow = true)
    {
        for (const auto &[e, wanted] : {std::pair{&identities, identity}, std::pair{&reputation, reputationRow}}) {
            if (!wanted)
                continue;
            if (Status s = m_owner.syncGlobalRows(m_chain, *e, KeyWhere, key, force); !s)
                return s;
        }
        return {};
    }

private:
    IndexStore &m_owner;
    Store &m_store;
    qint64 m_chain;
};

Status IndexStore::keepAgents(const IndexBatch &batch, const QList<EntityDef> &entities)
{
    if (batch.agentEvents.isEmpty())
        return {};
    AgentTables t(*this, batch.chainId, entities);

    // The range's events per agent, in chain order.
    QList<const AgentEvent *> ordered;
    ordered.reserve(batch.agentEvents.size());
    for (const AgentEvent &e : batch.agentEvents)
        ordered.append(&e);
    std::stable_sort(ordered.begin(), ordered.end(), [](const AgentEvent *a, const AgentEvent *b) {
        return std::pair(a->blockNumber, a->logIndex) < std::pair(b->blockNumber, b->logIndex);
    });
    QHash<QByteArray, qsizetype> agentOf;
    QList<std::pair<QVariantList, QList<Fact>>> agents;
    for (const AgentEvent *e : ordered) {
        if (e->kind == RegistryKind::Validation)
            continue;
        const QByteArray id = e->registry.toBytes() + u256::toBigEndian(e->agentId);
        auto it = agentOf.constFind(id);
        if (it == agentOf.constEnd()) {
            it = agentOf.insert(id, agents.size());
            agents.append({QVariantList{e->registry.toBytes(), m_store.u256Value(e->agentId)}, {}});
        }
        agents[*it].second.append(factOf(*e));
    }

    for (const auto &[key, facts] : agents) {
        const bool hasIdentity = std::any_of(facts.begin(), facts.end(), [](const Fact &f) { return f.kind == u"identity"; });
        const bool hasReputation = std::any_of(facts.begin(), facts.end(), [](const Fact &f) { return f.kind == u"reputation"; });
        if (hasIdentity) {
            if (Status s = t.addToIdentity(key, facts, batch.from); !s)
                return s;
        }
        if (hasReputation) {
            if (Status s = t.addToReputation(key, facts, batch.from); !s)
                return s;
        }
        if (Status s = t.syncGlobal(key, false, hasIdentity, hasReputation); !s)
            return s;
    }
    return {};
}

Status IndexStore::recomputeAgents(qint64 chainId, const QList<std::pair<QVariant, QVariant>> &keys, const QList<EntityDef> &entities, bool force)
{
    if (keys.isEmpty())
        return {};
    AgentTables t(*this, chainId, entities);
    for (const auto &[registry, agentId] : keys) {
        const QVariantList key{registry, agentId};
        for (const QString &table : {t.identityTable, t.reputationTable, t.tagTable}) {
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE ") + KeyWhere, key); !s)
                return s;
        }
        auto rows = m_store.query(QLatin1String("SELECT ") + QLatin1String(FactColumns) + QLatin1String(" FROM ") + t.events
                                      + QLatin1String(" WHERE ") + KeyWhere + QLatin1String(" ORDER BY block_number, log_index"),
                                  key);
        if (!rows)
            return rows.error();
        // An agent left with no events (rolled back) gets no rows; the global sync removes their twins.
        IdentityFold id;
        ReputationFold r;
        bool identity = false, reputation = false;
        for (const SqlRow &row : *rows) {
            const Fact f = factOf(row);
            if (f.kind == u"identity") {
                identity = true;
                id.apply(f);
            } else if (f.kind == u"reputation") {
                reputation = true;
                if (Status s = r.apply(f); !s)
                    return s;
            }
        }
        if (identity) {
            if (Status s = t.writeIdentity(key, id); !s)
                return s;
        }
        if (reputation) {
            if (Status s = t.writeReputation(key, r); !s)
                return s;
            if (Status s = t.replaceTags(key, r); !s)
                return s;
        }
        if (Status s = t.syncGlobal(key, force); !s)
            return s;
    }
    return {};
}

Status IndexStore::recountAgentsOnce(const QList<EntityDef> &entities)
{
    const QString state = m_store.admin("aggregate_state");
    auto chains = m_store.query(QLatin1String("SELECT c.chain_id FROM ") + m_store.admin("chains") + QLatin1String(" c JOIN ") + state
                                + QLatin1String(" a ON a.chain_id = c.chain_id WHERE a.agents_recounted_at IS NULL AND c.state <> 'deleting'"));
    if (!chains)
        return chains.error();
    for (const SqlRow &c : *chains) {
        const qint64 chain = c[0].toLongLong();
        Status s = m_store.transaction([&]() -> Status {
            const QString events = m_store.chainTable(chain, QStringLiteral("agent_events"));
            if (m_store.tableExists(events)) {
                auto keys = m_store.query(QLatin1String("SELECT DISTINCT registry, agent_id FROM ") + events
                                          + QLatin1String(" WHERE registry_kind IN ('identity', 'reputation')"));
                if (!keys)
                    return keys.error();
                QList<std::pair<QVariant, QVariant>> agents;
                agents.reserve(keys->size());
                for (const SqlRow &k : *keys)
                    agents.append({k[0], k[1]});
                if (!agents.isEmpty())
                    qCInfo(lcStore) << "chain" << chain << ": counting" << agents.size() << "agents' summaries from their events once";
                if (Status e = recomputeAgents(chain, agents, entities, true); !e)
                    return e;
            }
            return m_store.exec(QLatin1String("UPDATE ") + state + QLatin1String(" SET agents_recounted_at = ? WHERE chain_id = ?"), {m_store.now(), chain});
        });
        if (!s)
            return s;
    }
    return {};
}

} // namespace arbor
