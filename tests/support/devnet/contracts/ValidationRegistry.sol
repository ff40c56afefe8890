// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IAgentOwners {
    function ownerOf(uint256 agentId) external view returns (address);
}

/// Minimal ERC-8004 Validation Registry for Arbor's devnet tests. An agent's owner asks
/// a validator to check a piece of work named by requestHash (unique); the validator
/// answers with a score of 0..100, as often as it likes.
contract ValidationRegistry {
    struct Request {
        address validator;
        uint256 agentId;
    }

    IAgentOwners public immutable identityRegistry;
    mapping(bytes32 => Request) public requests;

    event ValidationRequest(address indexed validatorAddress, uint256 indexed agentId, string requestURI,
        bytes32 indexed requestHash);
    event ValidationResponse(address indexed validatorAddress, uint256 indexed agentId, bytes32 indexed requestHash,
        uint8 response, string responseURI, bytes32 responseHash, string tag);

    constructor(address identityRegistry_) {
        identityRegistry = IAgentOwners(identityRegistry_);
    }

    function validationRequest(address validatorAddress, uint256 agentId, string calldata requestURI,
        bytes32 requestHash) external
    {
        require(identityRegistry.ownerOf(agentId) == msg.sender, "ValidationRegistry: caller does not own the agent");
        require(validatorAddress != address(0), "ValidationRegistry: no validator");
        require(requests[requestHash].validator == address(0), "ValidationRegistry: request exists");
        requests[requestHash] = Request(validatorAddress, agentId);
        emit ValidationRequest(validatorAddress, agentId, requestURI, requestHash);
    }

    function validationResponse(bytes32 requestHash, uint8 response, string calldata responseURI,
        bytes32 responseHash, string calldata tag) external
    {
        Request memory request = requests[requestHash];
        require(request.validator == msg.sender, "ValidationRegistry: caller is not the request's validator");
        require(response <= 100, "ValidationRegistry: response above 100");
        emit ValidationResponse(msg.sender, request.agentId, requestHash, response, responseURI, responseHash, tag);
    }
}
