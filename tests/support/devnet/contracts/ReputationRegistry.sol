// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IAgentOwners {
    function ownerOf(uint256 agentId) external view returns (address);
}

/// Minimal ERC-8004 Reputation Registry for Arbor's devnet tests. Feedback goes to
/// registered agents only and is numbered per (agent, client) from 1; a client revokes
/// its own feedback once; anyone may append a response to existing feedback.
contract ReputationRegistry {
    IAgentOwners public immutable identityRegistry;
    mapping(uint256 => mapping(address => uint64)) public lastIndex;
    mapping(uint256 => mapping(address => mapping(uint64 => bool))) public isRevoked;

    event NewFeedback(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        int128 value,
        uint8 valueDecimals,
        string indexed indexedTag1,
        string tag1,
        string tag2,
        string endpoint,
        string feedbackURI,
        bytes32 feedbackHash
    );
    event FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex);
    event ResponseAppended(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        address indexed responder,
        string responseURI,
        bytes32 responseHash
    );

    constructor(address identityRegistry_) {
        identityRegistry = IAgentOwners(identityRegistry_);
    }

    function giveFeedback(
        uint256 agentId,
        int128 value,
        uint8 valueDecimals,
        string calldata tag1,
        string calldata tag2,
        string calldata endpoint,
        string calldata feedbackURI,
        bytes32 feedbackHash
    ) external {
        require(identityRegistry.ownerOf(agentId) != address(0), "ReputationRegistry: no such agent");
        require(valueDecimals <= 18, "ReputationRegistry: valueDecimals above 18");
        uint64 feedbackIndex = ++lastIndex[agentId][msg.sender];
        emit NewFeedback(agentId, msg.sender, feedbackIndex, value, valueDecimals, tag1, tag1, tag2, endpoint,
            feedbackURI, feedbackHash);
    }

    function revokeFeedback(uint256 agentId, uint64 feedbackIndex) external {
        require(feedbackIndex != 0 && feedbackIndex <= lastIndex[agentId][msg.sender], "ReputationRegistry: no such feedback");
        require(!isRevoked[agentId][msg.sender][feedbackIndex], "ReputationRegistry: already revoked");
        isRevoked[agentId][msg.sender][feedbackIndex] = true;
        emit FeedbackRevoked(agentId, msg.sender, feedbackIndex);
    }

    function appendResponse(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        string calldata responseURI,
        bytes32 responseHash
    ) external {
        require(feedbackIndex != 0 && feedbackIndex <= lastIndex[agentId][clientAddress], "ReputationRegistry: no such feedback");
        emit ResponseAppended(agentId, clientAddress, feedbackIndex, msg.sender, responseURI, responseHash);
    }
}
