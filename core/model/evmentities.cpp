#include "model/entitydef.h"

namespace arbor {
namespace {

ColumnDef col(const char *name, ColumnType type, bool nullable = false)
{
    ColumnDef c;
    c.name = QString::fromLatin1(name);
    c.type = type;
    c.nullable = nullable;
    return c;
}

ColumnDef local(ColumnDef c)
{
    c.crossChainSkip = true;
    return c;
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(QString::fromLatin1(n));
    return out;
}

QList<EntityDef> buildEvmEntities()
{
    using T = ColumnType;
    QList<EntityDef> entities;

    entities.append({QStringLiteral("blocks"),
                     {col("number", T::Integer), col("hash", T::Hash), col("parent_hash", T::Hash),
                      col("timestamp", T::Integer), col("tx_count", T::Integer), col("gas_used", T::Integer)},
                     names({"number"}), QStringLiteral("number"), false, {}, {}, {}});

    entities.append({QStringLiteral("token_transfers"),
                     {col("block_number", T::Integer), col("log_index", T::Integer), col("tx_hash", T::Hash),
                      col("token", T::Address), col("from_address", T::Address), col("to_address", T::Address),
                      col("value", T::U256)},
                     names({"block_number", "log_index"}), QStringLiteral("block_number"), false, {}, {},
                     // The balance queue's recount sums a holder's transfers in and out. Kept
                     // row by row, these two indexes cost as much as the rest of promotion, and
                     // promotion keeps transfers-mode balances itself: they are built when the
                     // queue first needs a recount (a reorg, reindex, backfill or mode change).
                     {names({"token", "to_address"}), names({"token", "from_address"})}});

    entities.append({QStringLiteral("agent_events"),
                     {col("block_number", T::Integer), col("log_index", T::Integer), col("tx_hash", T::Hash),
                      col("registry", T::Address), col("registry_kind", T::Text), col("event", T::Text),
                      col("agent_id", T::U256), col("actor", T::Address, true), col("counterparty", T::Address, true),
                      col("feedback_index", T::Integer, true), col("value", T::Text, true),
                      col("value_decimals", T::Integer, true), col("tag1", T::Text, true), col("tag2", T::Text, true),
                      col("uri", T::Text, true), col("data_hash", T::Hash, true), col("metadata_key", T::Text, true),
                      col("metadata_value", T::Bytes, true), col("response", T::Integer, true),
                      col("endpoint", T::Text, true), col("request_hash", T::Hash, true)},
                     names({"block_number", "log_index"}), QStringLiteral("block_number"), false,
                     // An agent's events (a reorg or reindex recounts them), and a revoked
                     // feedback's NewFeedback found by (agent, client, feedbackIndex).
                     {names({"registry", "agent_id", "actor", "feedback_index"})}, {}, {}});

    // Cross-chain: the global table keeps the latest balance per (chain, token, holder), found
    // by holder for portfolios; top holders come from the per-chain table.
    entities.append({QStringLiteral("token_balances"),
                     {col("token", T::Address), col("holder", T::Address), col("balance", T::U256),
                      col("last_block", T::Integer), local(col("last_tx_hash", T::Hash, true)),
                      local(col("computed_at", T::Integer))},
                     names({"token", "holder"}), QStringLiteral("last_block"), true,
                     {names({"token", "balance"})}, {names({"holder"})}, {}});

    // Daily copies of token_balances, taken by the queue's upkeep (day: UTC midnight, ms).
    entities.append({QStringLiteral("balance_snapshots"),
                     {col("day", T::Integer), col("token", T::Address), col("holder", T::Address), col("balance", T::U256),
                      col("last_block", T::Integer)},
                     names({"day", "token", "holder"}), QStringLiteral("last_block"), false,
                     {names({"token", "holder"})}, {}, {}});

    ColumnDef day = col("day", T::Integer);
    entities.append({QStringLiteral("block_summaries"),
                     {day, col("first_block", T::Integer), col("last_block", T::Integer),
                      col("block_count", T::Integer), col("tx_count", T::Integer), col("transfer_count", T::Integer),
                      col("gas_used", T::Integer), col("active_holders", T::Integer)},
                     names({"day"}), QStringLiteral("last_block"), true, {}, {}, {}});

    // Latest known state of each ERC-8004 agent, per chain and across chains.
    ColumnDef owner = col("owner", T::Address, true);
    entities.append({QStringLiteral("agent_identities"),
                     {col("registry", T::Address), col("agent_id", T::U256), owner, col("uri", T::Text, true),
                      col("registered_block", T::Integer), col("last_block", T::Integer)},
                     names({"registry", "agent_id"}), QStringLiteral("last_block"), true, {}, {}, {}});

    // Kept at promotion from each range's events (not recounted from the agent's history):
    // feedback_count counts every NewFeedback, revoked ones included; revoked_count the
    // FeedbackRevoked events. latest_*: the agent's newest NewFeedback by (block, log index) and
    // whether it has been revoked since; value as the event's int128 in decimal.
    entities.append({QStringLiteral("agent_reputation"),
                     {col("registry", T::Address), col("agent_id", T::U256), col("feedback_count", T::Integer),
                      col("revoked_count", T::Integer), col("last_block", T::Integer),
                      local(col("latest_client", T::Address, true)), local(col("latest_feedback_index", T::Integer, true)),
                      local(col("latest_value", T::Text, true)), local(col("latest_value_decimals", T::Integer, true)),
                      local(col("latest_tag1", T::Text, true)), local(col("latest_tag2", T::Text, true)),
                      local(col("latest_block", T::Integer, true)), local(col("latest_log_index", T::Integer, true)),
                      local(col("latest_tx_hash", T::Hash, true)), local(col("latest_uri", T::Text, true)),
                      local(col("latest_revoked", T::Boolean, true))},
                     names({"registry", "agent_id"}), QStringLiteral("last_block"), true,
                     // An agent's reputation summed over the registries it has feedback in.
                     {names({"agent_id"})}, {}, {}});

    // The agent's feedback that is not revoked, per tag1 and valueDecimals: how many, and the
    // exact sum of their int128 values (signed decimal text; the average is sum / 10^decimals /
    // count). A tag whose feedback is all revoked has no row.
    entities.append({QStringLiteral("agent_reputation_tags"),
                     {col("registry", T::Address), col("agent_id", T::U256), col("tag", T::Text), col("value_decimals", T::Integer),
                      col("feedback_count", T::Integer), col("value_sum", T::Text), col("last_block", T::Integer)},
                     names({"registry", "agent_id", "tag", "value_decimals"}), QStringLiteral("last_block"), false, {}, {}, {}});

    for (const EntityDef &e : entities)
        Q_ASSERT_X(e.validate().ok(), "evmEntities", qPrintable(e.validate().ok() ? QString() : e.validate().error().toString()));
    return entities;
}

} // namespace

const QList<EntityDef> &evmEntities()
{
    static const QList<EntityDef> entities = buildEvmEntities();
    return entities;
}

const EntityDef &requireEntity(const QList<EntityDef> &entities, const char *name)
{
    for (const EntityDef &e : entities) {
        if (e.name == QLatin1String(name))
            return e;
    }
    qFatal("entity %s missing", name);
}

const EntityDef *findEvmEntity(const QString &name)
{
    for (const EntityDef &e : evmEntities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

} // namespace arbor
