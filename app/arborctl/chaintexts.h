#pragma once

// What the chain commands (chaincommands.cpp, chaineditcommand.cpp) share: the chain argument
// and the texts that describe a chain's endpoints and block statistics. Every arborctl message
// is in the translation context "arborctl".

#include "error.h"
#include "model/chainconfig.h"

#include <QCommandLineParser>
#include <QString>
#include <QUrl>

namespace arbor::cli {

/// The one chain the command names (by name or id); Invalid ("chain") otherwise.
Result<ChainRef> singleChainArgument(const QCommandLineParser &parser);
/// Whether the endpoint serves historical state, in words.
QString historyText(const EndpointRecord &e);
/// What the endpoint was found to accept, when anything: "rate 8.5/s learned, batches of 50".
QString limitsText(const EndpointRecord &e);
/// A key pasted into a URL is accepted, but the operator is told (on stderr) how to keep it out
/// of the database.
void warnLiteralKey(const QUrl &url);
/// The help of --block-stats.
QString blockStatsHelp();
/// "Block statistics: …", what `stats` counts.
QString blockStatsText(BlockStats stats);

} // namespace arbor::cli
