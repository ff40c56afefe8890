// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Minimal ERC-8004 Identity Registry for Arbor's devnet tests: the spec's events and
/// just enough state to make them meaningful. Agents are numbered from 1 and owned by
/// whoever registered them; only the owner changes an agent. No ERC-721, no operators,
/// no stored URIs or metadata: an indexer sees nothing of those through logs anyway.
contract IdentityRegistry {
    uint256 public lastAgentId;
    mapping(uint256 => address) public ownerOf;

    event Registered(uint256 indexed agentId, string agentURI, address indexed owner);
    event MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue);
    event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy);

    modifier onlyOwner(uint256 agentId) {
        require(ownerOf[agentId] == msg.sender, "IdentityRegistry: caller does not own the agent");
        _;
    }

    function register(string calldata agentURI) external returns (uint256 agentId) {
        agentId = ++lastAgentId;
        ownerOf[agentId] = msg.sender;
        emit Registered(agentId, agentURI, msg.sender);
    }

    function setMetadata(uint256 agentId, string calldata metadataKey, bytes calldata metadataValue)
        external
        onlyOwner(agentId)
    {
        emit MetadataSet(agentId, metadataKey, metadataKey, metadataValue);
    }

    function setAgentURI(uint256 agentId, string calldata newURI) external onlyOwner(agentId) {
        emit URIUpdated(agentId, newURI, msg.sender);
    }
}
