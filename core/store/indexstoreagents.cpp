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

#include "model/feedbacksum.h"
#include "store/indexstore.h"
#include "store/sqlparams.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>

namespace arbor {
namespace {

const QString NewFeedback = QStringLiteral("NewFeedback");
const QString FeedbackRevoked = QStringLiteral("FeedbackRevoked");
const QString KeyWhere = QStringLiteral("registry = ? AND agent_id = ?");

/// One agent event as the fold reads it, from a batch or from agent_events; values as bound and stored.
struct Fact
{
    QString kind;
    QString event;
    qint64 block = 0;
    qint64 log = 0;
    QVariant actor;
    QVariant uri;
    QVariant txHash;
    std::optional<qint64> feedbackIndex;
    QString value;
    qint64 decimals = 0;
    QVariant tag1;
    QVariant tag2;
};

/// The agent_events columns factOf(SqlRow) reads, in order.
const char *const FactColumns = "registry_kind, event, block_number, log_index, actor, uri, tx_hash, feedback_index, value, value_decimals, tag1, tag2";

Fact factOf(const SqlRow &r)
{
    Fact f{r[0].toString(), r[1].toString(), r[2].toLongLong(), r[3].toLongLong(), r[4], r[5], r[6], {}, r[8].toString(), r[9].toLongLong(),
           r[10], r[11]};
    if (!r[7].isNull())
        f.feedbackIndex = r[7].toLongLong();
    return f;
}

Fact factOf(const AgentEvent &e)
{
    return {registryKindName(e.kind), e.event, e.blockNumber, e.logIndex, e.actor ? QVariant(e.actor->toBytes()) : QVariant(), nullableParam(e.uri),
            e.txHash.toBytes(), e.feedbackIndex, e.value.value_or(QString()), e.valueDecimals.value_or(0), nullableParam(e.tag1), nullableParam(e.tag2)};
}

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

/// (client, feedback index): one feedback of an agent.
using FeedbackKey = std::pair<QByteArray, qint64>;
/// (tag1, valueDecimals): one row of agent_reputation_tags.
using TagKey = std::pair<QString, qint64>;

struct TagChange
{
    qint64 count = 0;
    FeedbackSum sum;
    qint64 lastBlock = 0;
};

/// A feedback given: what its revocation takes off its tag.
struct GivenFeedback
{
    TagKey tag;
    FeedbackSum value;
    bool revoked = false;
};

struct LatestFeedback
{
    QVariant client;
    qint64 index = 0;
    QString value;
    qint64 decimals = 0;
    QVariant tag1, tag2;
    qint64 block = 0, log = 0;
    QVariant txHash, uri;
    bool revoked = false;
};

/// The agent_reputation columns after the key, in order: what ReputationFold reads and writes.
const char *const ReputationColumns = "feedback_count, revoked_count, last_block, latest_client, latest_feedback_index, latest_value, "
                                      "latest_value_decimals, latest_tag1, latest_tag2, latest_block, latest_log_index, latest_tx_hash, latest_uri, "
                                      "latest_revoked";

/// An agent's reputation and what a run of its reputation events changes in it.
class ReputationFold
{
public:
    qint64 feedback = 0;
    qint64 revoked = 0;
    qint64 lastBlock = 0;
    std::optional<LatestFeedback> latest;
    /// What the folded events add to each tag (onto the stored rows, or onto nothing from scratch).
    std::map<TagKey, TagChange> tags;

    /// Feedback given before the events folded here, that they may revoke.
    void setEarlier(const QHash<FeedbackKey, GivenFeedback> *earlier) { m_earlier = earlier; }

    /// The stored summary, `r` holding ReputationColumns.
    void load(const SqlRow &r)
    {
        feedback = r[0].toLongLong();
        revoked = r[1].toLongLong();
        lastBlock = r[2].toLongLong();
        if (!r[9].isNull())
            latest = LatestFeedback{r[3], r[4].toLongLong(), r[5].toString(), r[6].toLongLong(), r[7], r[8], r[9].toLongLong(), r[10].toLongLong(),
                                    r[11], r[12], r[13].toBool()};
    }

    SqlRow row() const
    {
        SqlRow r{feedback, revoked, lastBlock};
        if (!latest)
            return r + SqlRow(11);
        const LatestFeedback &l = *latest;
        return r + SqlRow{l.client, l.index, l.value, l.decimals, l.tag1, l.tag2, l.block, l.log, l.txHash, l.uri, l.revoked};
    }

    Status apply(const Fact &f)
    {
        lastBlock = std::max(lastBlock, f.block);
        const bool given = f.event == NewFeedback;
        if (!given && f.event != FeedbackRevoked)
            return {};
        (given ? feedback : revoked) += 1;
        if (!f.feedbackIndex)
            return Error::internal(IndexStore::tr("A %1 event in block %2 has no feedback index.").arg(f.event).arg(f.block));
        const FeedbackKey key{f.actor.toByteArray(), *f.feedbackIndex};
        if (given) {
            auto value = FeedbackSum::fromText(f.value);
            if (!value)
                return Error::internal(IndexStore::tr("The feedback value “%1” in block %2 is not an integer.").arg(f.value).arg(f.block));
            const GivenFeedback g{{f.tag1.toString(), f.decimals}, *value, m_revoked.contains(key)};
            m_given.insert(key, g);
            if (!g.revoked)
                change(g.tag, +1, g.value, f.block);
            latest = LatestFeedback{f.actor, key.second, f.value, f.decimals, f.tag1, f.tag2, f.block, f.log, f.txHash, f.uri, g.revoked};
            return {};
        }
        if (latest && latest->client.toByteArray() == key.first && latest->index == key.second)
            latest->revoked = true;
        if (m_revoked.contains(key))
            return {};
        m_revoked.insert(key);
        std::optional<GivenFeedback> g;
        if (auto it = m_given.find(key); it != m_given.end()) {
            g = *it;
            it->revoked = true;
        } else if (m_earlier) {
            if (auto earlier = m_earlier->constFind(key); earlier != m_earlier->constEnd())
                g = *earlier;
        }
        if (g && !g->revoked)
            change(g->tag, -1, g->value, f.block);
        return {};
    }

private:
    void change(const TagKey &tag, int sign, const FeedbackSum &value, qint64 block)
    {
        TagChange &c = tags[tag];
        c.count += sign;
        if (sign > 0)
            c.sum += value;
        else
            c.sum -= value;
        c.lastBlock = std::max(c.lastBlock, block);
    }

    const QHash<FeedbackKey, GivenFeedback> *m_earlier = nullptr;
    QHash<FeedbackKey, GivenFeedback> m_given;
    QSet<FeedbackKey> m_revoked;
};

/// An agent's identity: owner and URI by its latest Registered / URIUpdated, the block of its
/// first Registered (or of its first event, indexed after it registered).
struct IdentityFold
{
    QVariant owner, uri;
    std::optional<qint64> registeredBlock;
    std::optional<qint64> firstBlock;
    qint64 lastBlock = 0;

    /// The stored row: owner, uri, registered_block, last_block.
    void load(const SqlRow &r)
    {
        owner = r[0];
        uri = r[1];
        registeredBlock = firstBlock = r[2].toLongLong();
        lastBlock = r[3].toLongLong();
    }

    void apply(const Fact &f)
    {
        if (!firstBlock)
            firstBlock = f.block;
        if (f.event == u"Registered") {
            owner = f.actor;
            uri = f.uri;
            if (!registeredBlock)
                registeredBlock = f.block;
        } else if (f.event == u"URIUpdated") {
            uri = f.uri;
        }
        lastBlock = std::max(lastBlock, f.block);
    }
};

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
