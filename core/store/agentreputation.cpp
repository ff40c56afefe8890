#include "store/agentreputation.h"

#include "model/address.h"
#include "model/feedbacksum.h"
#include "model/hash.h"
#include "store/store.h"
#include "triggers/decimal.h"

#include <QMap>

#include <algorithm>

namespace arbor {
namespace {

/// The texts are Store's: the translations know them under its context.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)
};

/// One tag over every registry: its count and its sums per valueDecimals.
struct TagTotal
{
    qint64 count = 0;
    QList<FeedbackSum::Part> parts;
};

Result<FeedbackSummary> latestOf(const SqlRow &r, const Address &registry)
{
    // r: latest_client, latest_feedback_index, latest_value, latest_value_decimals, latest_tag1,
    // latest_tag2, latest_block, latest_log_index, latest_tx_hash, latest_uri, latest_revoked
    FeedbackSummary f;
    auto client = Address::fromBytes(r[0].toByteArray(), QStringLiteral("agent_reputation.latest_client"));
    if (!client)
        return client.error();
    auto tx = Hash::fromBytes(r[8].toByteArray(), QStringLiteral("agent_reputation.latest_tx_hash"));
    if (!tx)
        return tx.error();
    f.valueDecimals = int(r[3].toLongLong());
    f.rawValue = r[2].toString();
    auto value = Decimal::scaled(f.rawValue, f.valueDecimals, QStringLiteral("agent_reputation.latest_value"));
    if (!value)
        return value.error();
    f.client = client->toChecksumHex();
    f.feedbackIndex = r[1].toLongLong();
    f.value = value->toString();
    f.tag1 = r[4].toString();
    f.tag2 = r[5].toString();
    f.blockNumber = r[6].toLongLong();
    f.logIndex = r[7].toLongLong();
    f.txHash = tx->toHex();
    f.feedbackUri = r[9].toString();
    f.revoked = r[10].toBool();
    f.registry = registry.toChecksumHex();
    return f;
}

} // namespace

Result<AgentReputation> readAgentReputation(Store &store, qint64 chainId, const QString &agentId)
{
    auto id = u256::fromDecimal(agentId.trimmed(), QStringLiteral("agentId"));
    if (!id)
        return Error::invalid(QStringLiteral("agentId"), Texts::tr("The agent id “%1” is not a whole number from 0 to 2^256 − 1.").arg(agentId));
    const QString reputation = store.chainTable(chainId, QStringLiteral("agent_reputation"));
    const QString tags = store.chainTable(chainId, QStringLiteral("agent_reputation_tags"));
    if (!store.tableExists(reputation))
        return Error::notFound(QStringLiteral("chain"), Texts::tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(chainId));
    // Every reputation registry the agent has feedback in (the chain's registry, and one it had
    // before if it changed), found by the agent_id index.
    AgentReputation out;
    QMap<QString, TagTotal> totals;
    auto rows = store.query(QLatin1String("SELECT registry, feedback_count, revoked_count, last_block, latest_client, latest_feedback_index, latest_value, "
                                          "latest_value_decimals, latest_tag1, latest_tag2, latest_block, latest_log_index, latest_tx_hash, "
                                          "latest_uri, latest_revoked FROM ")
                                + reputation + QLatin1String(" WHERE agent_id = ? ORDER BY registry"),
                            {store.u256Value(*id)});
    if (!rows)
        return rows.error();
    for (const SqlRow &r : *rows) {
        auto registry = Address::fromBytes(r[0].toByteArray(), QStringLiteral("agent_reputation.registry"));
        if (!registry)
            return registry.error();
        out.feedbackCount += r[1].toLongLong();
        out.revokedCount += r[2].toLongLong();
        out.lastBlock = std::max(out.lastBlock, r[3].toLongLong());
        if (!r[10].isNull()) {
            auto latest = latestOf(r.mid(4), *registry);
            if (!latest)
                return latest.error();
            if (!out.latest || std::pair(latest->blockNumber, latest->logIndex) > std::pair(out.latest->blockNumber, out.latest->logIndex))
                out.latest = *latest;
        }
        auto tagRows = store.query(QLatin1String("SELECT tag, value_decimals, feedback_count, value_sum FROM ") + tags
                                       + QLatin1String(" WHERE registry = ? AND agent_id = ?"),
                                   {r[0], store.u256Value(*id)});
        if (!tagRows)
            return tagRows.error();
        for (const SqlRow &t : *tagRows) {
            auto sum = FeedbackSum::fromText(t[3].toString());
            if (!sum)
                return Error::internal(Texts::tr("The stored sum “%1” of tag “%2” is not an integer.").arg(t[3].toString(), t[0].toString()));
            TagTotal &total = totals[t[0].toString()];
            total.count += t[2].toLongLong();
            total.parts.append({*sum, int(t[1].toLongLong())});
        }
    }
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        out.tags.append({it.key(), it->count, FeedbackSum::average(it->parts, it->count), FeedbackSum::scaledTotal(it->parts)});
    std::stable_sort(out.tags.begin(), out.tags.end(), [](const TagAverage &a, const TagAverage &b) { return a.count > b.count; });
    return out;
}

} // namespace arbor
