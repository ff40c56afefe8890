#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `agents list --chain C [--json]`
int agentsList(const Invocation &inv);
/// `agents show --chain C --agent ID [--raw] [--json]`
int agentsShow(const Invocation &inv);
/// `agents token set --chain C --agent ID REF` | `agents token clear --chain C --agent ID`
int agentsToken(const Invocation &inv);
/// `agents refresh --chain C [--agent ID]`
int agentsRefresh(const Invocation &inv);
/// `outbound list [--json]`
int outboundList(const Invocation &inv);
/// `outbound allow HOST`
int outboundAllow(const Invocation &inv);
/// `outbound deny HOST`
int outboundDeny(const Invocation &inv);
/// `outbound gateway URL | --clear`
int outboundGateway(const Invocation &inv);

} // namespace arbor::cli
