// IndexStore: what promote() checks before it writes anything — that a batch carries the headers
// its HeaderScope says, and that it may be promoted now (the chain active, fetched with every
// token and registry the chain has, in its place against the checkpoint).

#include "store/indexstore.h"

#include "store/enginestore.h"

namespace arbor {

Status IndexStore::checkHeaders(const IndexBatch &batch)
{
    const QList<BlockHeader> &headers = batch.headers;
    const qint64 from = batch.from, to = batch.to;
    switch (batch.headerScope) {
    case HeaderScope::Every:
        if (batch.mode == BatchMode::Backfill)
            return Error::internal(tr("The backfill of blocks %1–%2 carries every header; a backfill brings none or those of its logs.").arg(from).arg(to));
        if (headers.size() != to - from + 1)
            return Error::internal(tr("A batch for blocks %1–%2 carries %3 headers.").arg(from).arg(to).arg(headers.size()));
        return {};
    case HeaderScope::WithLogs:
    case HeaderScope::Linked:
        if (batch.mode == BatchMode::Headers || (batch.headerScope == HeaderScope::Linked && batch.mode == BatchMode::Backfill))
            return Error::internal(tr("The headers of blocks %1–%2 are not all there.").arg(from).arg(to));
        for (qsizetype i = 0; i < headers.size(); ++i) {
            if (headers[i].number < from || headers[i].number > to || (i > 0 && headers[i].number <= headers[i - 1].number))
                return Error::internal(tr("A batch for blocks %1–%2 carries the header of block %3 out of order or range.")
                                           .arg(from).arg(to).arg(headers[i].number));
        }
        // The checkpoint moves to the last block: its hash is the one the next range builds on.
        if (batch.mode != BatchMode::Backfill && (headers.isEmpty() || headers.last().number != to))
            return Error::internal(tr("A batch for blocks %1–%2 lacks the header of block %2.").arg(from).arg(to));
        // A linked range's first block is checked against the checkpoint (checkPromotable()).
        if (batch.headerScope == HeaderScope::Linked && headers.first().number != from)
            return Error::internal(tr("A batch for blocks %1–%2 lacks the header of block %1.").arg(from).arg(to));
        return {};
    case HeaderScope::None:
        if (batch.mode != BatchMode::Backfill || !headers.isEmpty())
            return Error::internal(tr("Only a backfill comes without headers (blocks %1–%2).").arg(from).arg(to));
        return {};
    }
    return {};
}

Status IndexStore::checkPromotable(const IndexBatch &batch)
{
    const qint64 chain = batch.chainId;
    // A chain paused or being deleted takes no more rows, whatever was in flight.
    // The chain row's lock (PostgreSQL) orders this against addToken() of another process.
    auto state = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?")
                                   + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                               {chain});
    if (!state)
        return state.error();
    if (state->isEmpty() || state->first()[0].toString() != u"active")
        return promoteRefused(PromoteRefusal::ChainInactive, tr("Chain %1 is not active; the range %2–%3 was not written.")
                                                                 .arg(chain).arg(batch.from).arg(batch.to));
    // An engine that lost the chain's lease (stalled past it, or handed the chain over) writes nothing.
    if (batch.leaseEpoch > 0) {
        if (Status fenced = EngineStore(m_store).checkFence(chain, batch.leaseEpoch); !fenced)
            return promoteRefused(PromoteRefusal::LeaseLost, fenced.error().message);
    }
    if (batch.mode != BatchMode::Backfill && batch.mode != BatchMode::Headers) {
        // A token added after the range was fetched has no rows in it; its backfill only
        // reaches the checkpoint it was added at.
        auto tokens = m_store.query(QLatin1String("SELECT address FROM ") + m_store.admin("tokens") + QLatin1String(" WHERE chain_id = ?"), {chain});
        if (!tokens)
            return tokens.error();
        for (const SqlRow &r : *tokens) {
            auto token = Address::fromBytes(r[0].toByteArray(), QStringLiteral("tokens.address"));
            if (token && !batch.tokens.contains(*token))
                return promoteRefused(PromoteRefusal::TokensChanged, tr("Blocks %1–%2 of chain %3 were fetched before the token %4 was added; "
                                                                        "fetching them again.")
                                                                         .arg(batch.from).arg(batch.to).arg(chain).arg(token->toChecksumHex()));
        }
        // The same for a registry added to the live chain (ChainService::editChain()).
        if (batch.registries) {
            auto registries = m_store.query(QLatin1String("SELECT address FROM ") + m_store.admin("registries") + QLatin1String(" WHERE chain_id = ?"), {chain});
            if (!registries)
                return registries.error();
            for (const SqlRow &r : *registries) {
                auto registry = Address::fromBytes(r[0].toByteArray(), QStringLiteral("registries.address"));
                if (registry && !batch.registries->contains(*registry))
                    return promoteRefused(PromoteRefusal::TokensChanged, tr("Blocks %1–%2 of chain %3 were fetched before the registry %4 was added; "
                                                                            "fetching them again.")
                                                                             .arg(batch.from).arg(batch.to).arg(chain).arg(registry->toChecksumHex()));
            }
        }
    }
    auto cp = m_store.query(QLatin1String("SELECT block_number, block_hash FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"),
                            {chain});
    if (!cp)
        return cp.error();
    if (batch.mode != BatchMode::Head && (cp->isEmpty() || batch.to > cp->first()[0].toLongLong())) {
        // Only the head scan writes above the checkpoint (a reorg may have lowered it under
        // a backfill or reindex that was in flight).
        return promoteRefused(PromoteRefusal::OffCheckpoint, tr("Blocks %1–%2 of chain %3 lie above its checkpoint; not written.")
                                                                 .arg(batch.from).arg(batch.to).arg(chain));
    }
    if (batch.mode == BatchMode::Head && !cp->isEmpty()) {
        const qint64 at = cp->first()[0].toLongLong();
        if (at != batch.from - 1)
            return promoteRefused(PromoteRefusal::OffCheckpoint,
                                  tr("Chain %1 is indexed through block %2; a range starting at %3 does not follow it.")
                                      .arg(chain).arg(at).arg(batch.from));
        // A range below the reorg window is not linked to the checkpoint: its blocks are final.
        const bool linked = batch.headerScope == HeaderScope::Every || batch.headerScope == HeaderScope::Linked;
        if (linked && cp->first()[1].toByteArray() != batch.headers.first().parentHash.toBytes())
            return promoteRefused(PromoteRefusal::Fork,
                                  tr("Block %1 of chain %2 does not build on the stored block %3: the chain reorganised.")
                                      .arg(batch.from).arg(chain).arg(at));
    }
    return {};
}

} // namespace arbor
