#pragma once

#include "error.h"
#include "model/evm.h"

#include <QList>

namespace arbor::evmevents {

/**
 * The events Arbor decodes, with topic0 = keccak256 of the canonical signature, computed
 * (not pasted) when first used.
 *
 * ERC-20:      Transfer(address indexed from, address indexed to, uint256 value)
 * Identity:    Registered(uint256 indexed agentId, string agentURI, address indexed owner)
 *              MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey,
 *                          string metadataKey, bytes metadataValue)
 *              URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)
 * Reputation:  NewFeedback(uint256 indexed agentId, address indexed clientAddress,
 *                          uint64 feedbackIndex, int128 value, uint8 valueDecimals,
 *                          string indexed indexedTag1, string tag1, string tag2,
 *                          string endpoint, string feedbackURI, bytes32 feedbackHash)
 *              FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress,
 *                              uint64 indexed feedbackIndex)
 *              ResponseAppended(uint256 indexed agentId, address indexed clientAddress,
 *                               uint64 feedbackIndex, address indexed responder,
 *                               string responseURI, bytes32 responseHash)
 * Validation:  ValidationRequest(address indexed validatorAddress, uint256 indexed agentId,
 *                                string requestURI, bytes32 indexed requestHash)
 *              ValidationResponse(address indexed validatorAddress, uint256 indexed agentId,
 *                                 bytes32 indexed requestHash, uint8 response,
 *                                 string responseURI, bytes32 responseHash, string tag)
 *
 * Field mapping into AgentEvent: owner/updatedBy/clientAddress/validatorAddress → actor;
 * responder → counterparty; agentURI/newURI/feedbackURI/responseURI/requestURI → uri;
 * feedbackHash/responseHash → dataHash; requestHash → requestHash; ValidationResponse.tag →
 * tag1; int128 value → decimal text with sign.
 *
 * Decoding never trusts the log: wrong topic count, short or oversized data, offsets or
 * lengths pointing outside the data, non-zero padding where the ABI requires zeros, values out
 * of their declared type's range and invalid UTF-8 in strings are errors of kind Invalid, never
 * a crash or an out-of-bounds read.
 */

struct EventSignature
{
    RegistryKind kind;          ///< unused for Transfer
    const char *name;           ///< "Registered"
    const char *signature;      ///< "Registered(uint256,string,address)"
    Hash topic0;
};

Hash transferTopic();
/// The event signatures of one registry kind.
QList<EventSignature> registryEvents(RegistryKind kind);
/// topic0 of every event of `kind`.
QList<Hash> registryTopics(RegistryKind kind);

/// Decodes an ERC-20 Transfer. ERC-721 Transfer (3 indexed topics, no data) is rejected.
Result<TokenTransfer> decodeTransfer(const LogEntry &log);
/// Decodes one event of the registry of `kind`; a topic0 that is not one of that registry's
/// events is an Invalid error.
Result<AgentEvent> decodeAgentEvent(const LogEntry &log, RegistryKind kind);

} // namespace arbor::evmevents
