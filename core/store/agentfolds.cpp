#include "store/agentfolds.h"

#include "store/indexstore.h"
#include "store/sqlparams.h"

#include <algorithm>

namespace arbor::agentfold {

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

void ReputationFold::load(const SqlRow &r)
{
    feedback = r[0].toLongLong();
    revoked = r[1].toLongLong();
    lastBlock = r[2].toLongLong();
    if (!r[9].isNull())
        latest = LatestFeedback{r[3], r[4].toLongLong(), r[5].toString(), r[6].toLongLong(), r[7], r[8], r[9].toLongLong(), r[10].toLongLong(),
                                r[11], r[12], r[13].toBool()};
}

SqlRow ReputationFold::row() const
{
    SqlRow r{feedback, revoked, lastBlock};
    if (!latest)
        return r + SqlRow(11);
    const LatestFeedback &l = *latest;
    return r + SqlRow{l.client, l.index, l.value, l.decimals, l.tag1, l.tag2, l.block, l.log, l.txHash, l.uri, l.revoked};
}

Status ReputationFold::apply(const Fact &f)
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

void ReputationFold::change(const TagKey &tag, int sign, const FeedbackSum &value, qint64 block)
{
    TagChange &c = tags[tag];
    c.count += sign;
    if (sign > 0)
        c.sum += value;
    else
        c.sum -= value;
    c.lastBlock = std::max(c.lastBlock, block);
}

void IdentityFold::load(const SqlRow &r)
{
    owner = r[0];
    uri = r[1];
    registeredBlock = firstBlock = r[2].toLongLong();
    lastBlock = r[3].toLongLong();
}

void IdentityFold::apply(const Fact &f)
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

} // namespace arbor::agentfold
