#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 15: ERC-8004 agents as operators see them. agent_registrations keeps each agent's
/// registration file as last resolved from its agentURI (or why it could not be), agent_mcp_tokens
/// the secret reference an MCP action sends to one agent, outbound_hosts the hosts the operator
/// allows requests from chain data to reach although they are loopback or private, and settings
/// the engines on one database share (the IPFS gateway). Appended by
/// migrations(); never edited.
Migration agentsMigration(Backend backend);

} // namespace arbor
