// ERC-8004 agent registries for Arbor's devnet tests: deploys the minimal Identity,
// Reputation and Validation registries in contracts/ and sends deterministic agent
// traffic, reporting each event as the generator sent it. Nothing is read back from logs:
// only a transaction's position (block, log index, hash) comes from its receipt.
//
// registries --rpc URL
//   {"identity", "reputation", "validation": lowercase addresses, "deployBlock": the block
//    of the first deployment (Identity; the other two follow in their own blocks)}
//
// agents --rpc URL --identity A --reputation B --validation C --agents N --events M --seed S
//   Registers N agents and sends M other events among them, interleaved, in blocks of 1..8
//   transactions, from six senders generated from the seed (anvil auto-impersonation).
//   With M >= 7 every event kind occurs. Prints {"fromBlock", "toBlock", "events": [...]},
//   events in chain order: {"registry", "kind": "identity|reputation|validation",
//   "event", "blockNumber", "logIndex", "txHash", "agentId", then the event's parameters
//   by their names in the signature}; integers as decimal strings, bytes and bytes32 as
//   0x-hex, addresses lowercase, strings as sent. An indexed string parameter
//   (indexedMetadataKey, indexedTag1) holds what its topic holds: keccak-256 of the string.
//   Agent ids continue from the registry's lastAgentId. Fails if any transaction reverts.

import {
    Fail, Prng, Rpc, addressList, automineState, encodeArgs, encodeCall, eventDeclarations, hex, intArg, keccak256,
    loadContracts, required, seedArg, waitForReceipts, word,
} from './common.mjs';

const GAS_DEPLOY = 3_000_000n;
const GAS_AGENT_TX = 500_000n;
const SENDER_ETH = 10n ** 22n;
const SENDERS = 6;
const MAX_TXS_PER_BLOCK = 8;

/// The events of the current ERC-8004 spec, exactly as the registries must declare them.
export const REGISTRIES = {
    identity: {
        contract: 'IdentityRegistry',
        events: [
            'Registered(uint256 indexed agentId, string agentURI, address indexed owner)',
            'MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)',
            'URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)',
        ],
    },
    reputation: {
        contract: 'ReputationRegistry',
        events: [
            'NewFeedback(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, int128 value, '
                + 'uint8 valueDecimals, string indexed indexedTag1, string tag1, string tag2, string endpoint, '
                + 'string feedbackURI, bytes32 feedbackHash)',
            'FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex)',
            'ResponseAppended(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, '
                + 'address indexed responder, string responseURI, bytes32 responseHash)',
        ],
    },
    validation: {
        contract: 'ValidationRegistry',
        events: [
            'ValidationRequest(address indexed validatorAddress, uint256 indexed agentId, string requestURI, '
                + 'bytes32 indexed requestHash)',
            'ValidationResponse(address indexed validatorAddress, uint256 indexed agentId, bytes32 indexed requestHash, '
                + 'uint8 response, string responseURI, bytes32 responseHash, string tag)',
        ],
    },
};

const KIND_OF_EVENT = Object.fromEntries(Object.entries(REGISTRIES).flatMap(([kind, r]) =>
    r.events.map((e) => [e.slice(0, e.indexOf('(')), kind])));
// Parameter names of each event, in signature order: the JSON fields of a generated event.
const FIELDS = Object.fromEntries(Object.values(REGISTRIES).flatMap((r) => r.events.map((e) =>
    [e.slice(0, e.indexOf('(')), e.slice(e.indexOf('(') + 1, -1).split(', ').map((p) => p.split(' ').pop())])));

async function loadRegistries() {
    // viaIR: NewFeedback's eleven parameters are too deep a stack for the legacy code generator.
    const artifacts = await loadContracts(Object.values(REGISTRIES).map((r) => r.contract), { viaIR: true });
    for (const { contract, events } of Object.values(REGISTRIES)) {
        const declared = eventDeclarations(artifacts[contract].abi).sort();
        if (JSON.stringify(declared) !== JSON.stringify([...events].sort()))
            throw new Fail(`${contract}.sol declares ${declared.join('; ')}; ERC-8004 says ${events.join('; ')}`);
    }
    return artifacts;
}

function singleAddress(args, key) {
    const list = addressList(args, key);
    if (list.length !== 1)
        throw new Fail(`--${key} takes one address`);
    return list[0];
}

// ---------------------------------------------------------------- registries

export async function registries(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const artifacts = await loadRegistries();
    const [deployer] = await rpc.call('eth_accounts');
    if (!deployer)
        throw new Fail('the node has no unlocked account to deploy from');
    const automine = await automineState(rpc);

    // One at a time: the other two registries take Identity's address in their constructor.
    const deployOne = async (contract, constructorArguments) => {
        const data = artifacts[contract].bytecode + constructorArguments;
        const hash = await rpc.call('eth_sendTransaction', [{ from: deployer, data, gas: hex(GAS_DEPLOY) }]);
        if (!automine)
            await rpc.call('evm_mine');
        const [receipt] = await waitForReceipts(rpc, [hash], 30_000);
        if (receipt.status !== '0x1')
            throw new Fail(`deployment of ${contract} reverted (tx ${hash})`);
        return { address: receipt.contractAddress.toLowerCase(), block: Number(BigInt(receipt.blockNumber)) };
    };
    const identity = await deployOne('IdentityRegistry', '');
    const boundToIdentity = encodeArgs(['address'], [identity.address]);
    const reputation = await deployOne('ReputationRegistry', boundToIdentity);
    const validation = await deployOne('ValidationRegistry', boundToIdentity);
    return { identity: identity.address, reputation: reputation.address, validation: validation.address,
        deployBlock: identity.block };
}

// ---------------------------------------------------------------- generated values

const INT128_MIN = -(2n ** 127n);
const INT128_MAX = 2n ** 127n - 1n;
const WORDS = ['quality', 'uptime', 'latency', 'accuracy', 'starred', 'reachable', 'agentWallet', 'name', 'a2a', 'mcp'];
// Two-, three- and four-byte UTF-8, combining marks and characters outside the BMP.
const UNICODE = ['Zürich Ägent ✓', 'エージェント評価', 'агент 🤖', 'Ελληνικά ∑ → ∞', '😀🚀🔥', 'naïve café',
    'e\u0301te\u0301', '中文标签', '𝔥𝔢𝔩𝔩𝔬'];
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
// The first uses of each field walk through every style, so even a short run has them all.
const TEXT_STYLES = ['plain', 'empty', 'unicode', 'long', 'boundary'];
const TEXT_WEIGHTS = { plain: 5, empty: 2, unicode: 2, long: 2, boundary: 1 };
const BYTES_STYLES = ['short', 'empty', 'word', 'long'];

/// Strings, byte strings and numbers for the generated events, from the run's PRNG.
class Values {
    constructor(prng) {
        this.prng = prng;
        this.uses = new Map();
    }

    #style(field, styles, weights) {
        const n = this.uses.get(field) ?? 0;
        this.uses.set(field, n + 1);
        if (n < styles.length)
            return styles[n];
        return weights ? this.weighted(weights) : styles[this.prng.below(styles.length)];
    }

    weighted(weights) {
        const entries = Object.entries(weights);
        let r = this.prng.below(entries.reduce((sum, [, w]) => sum + w, 0));
        for (const [key, w] of entries) {
            if (r < w)
                return key;
            r -= w;
        }
        return entries[entries.length - 1][0];
    }

    pick(list) {
        return list[this.prng.below(list.length)];
    }

    #base32(length) {
        let s = '';
        while (s.length < length)
            s += BASE32[this.prng.below(32)];
        return s;
    }

    /// A string for \a field: plain ASCII, empty, non-ASCII, longer than 32 bytes, or 31..33 and 64 bytes long.
    text(field) {
        const uriLike = /URI$/.test(field) || field === 'endpoint';
        switch (this.#style(field, TEXT_STYLES, TEXT_WEIGHTS)) {
        case 'empty':
            return '';
        case 'unicode':
            return uriLike ? `https://agents.example/${this.pick(UNICODE)}` : this.pick(UNICODE);
        case 'long': {
            const bytes = 33 + this.prng.below(268);
            if (this.prng.below(2) === 0)
                return (uriLike ? 'ipfs://bafybei' : `${field}:`) + this.#base32(bytes);
            let s = this.pick(UNICODE);
            while (Buffer.byteLength(s, 'utf8') < bytes)
                s += ' · ' + this.pick(UNICODE);
            return s;
        }
        case 'boundary':
            return this.#base32(this.pick([31, 32, 33, 64]));
        default:
            return uriLike ? `https://agents.example/${this.prng.below(1_000_000)}.json` : this.pick(WORDS);
        }
    }

    bytes(field) {
        const style = this.#style(field, BYTES_STYLES);
        const length = { empty: 0, short: 1 + this.prng.below(31), word: 32, long: 33 + this.prng.below(200) }[style];
        return '0x' + this.prng.bytes(length).toString('hex');
    }

    /// A bytes32: random, or zero a quarter of the time (ERC-8004 allows an empty hash).
    hash() {
        return this.prng.below(4) === 0 ? '0x' + '0'.repeat(64) : '0x' + this.prng.bytes(32).toString('hex');
    }

    /// int128 feedback values: both extremes, -1 and 0 first, then anything in range.
    int128() {
        const forced = [INT128_MIN, INT128_MAX, -1n, 0n];
        const n = this.uses.get('value') ?? 0;
        this.uses.set('value', n + 1);
        if (n < forced.length)
            return forced[n];
        if (this.prng.below(8) === 0)
            return this.pick([INT128_MIN, INT128_MAX, INT128_MIN + 1n, INT128_MAX - 1n]);
        const magnitude = this.prng.bigBelow(10n ** BigInt(this.prng.below(39)));
        return this.prng.below(2) === 0 ? -magnitude : magnitude;
    }

    /// A uint8 from \a forced first, then uniform in [0, max].
    small(field, forced, max) {
        const n = this.uses.get(field) ?? 0;
        this.uses.set(field, n + 1);
        return BigInt(n < forced.length ? forced[n] : this.prng.below(max + 1));
    }
}

// ---------------------------------------------------------------- the plan

const KIND_WEIGHTS = {
    MetadataSet: 3, URIUpdated: 2, NewFeedback: 6, FeedbackRevoked: 1, ResponseAppended: 2, ValidationRequest: 2,
    ValidationResponse: 2,
};
const OTHER_EVENTS = Object.keys(KIND_WEIGHTS);

/**
 * Decides the next transaction and the event it emits, tracking the registries' state.
 * A transaction only relies on state committed by earlier blocks (agents, feedback,
 * requests), never on one in its own block, since the node may order a block's
 * transactions from different senders either way.
 */
class AgentPlan {
    constructor(prng, addresses, selectors, senders, firstAgentId, agentCount, eventCount) {
        Object.assign(this, { prng, addresses, selectors, senders });
        this.values = new Values(prng);
        this.nextAgentId = firstAgentId;
        this.registrationsLeft = agentCount;
        this.othersLeft = eventCount;
        this.agents = [];
        this.feedback = [];
        this.requests = [];
        this.pending = { agents: [], feedback: [], requests: [] };
        this.feedbackCount = new Map();
        this.seen = new Set();
        this.requestCount = 0;
    }

    done() {
        return this.registrationsLeft + this.othersLeft === 0;
    }

    /// Makes what the last block created usable by the next one.
    commit() {
        for (const key of ['agents', 'feedback', 'requests'])
            this[key].push(...this.pending[key].splice(0));
    }

    #feasible(event) {
        switch (event) {
        case 'FeedbackRevoked': return this.feedback.some((f) => !f.revoked);
        case 'ResponseAppended': return this.feedback.length > 0;
        case 'ValidationResponse': return this.requests.length > 0;
        default: return this.agents.length > 0;
        }
    }

    /// The next action, or null when nothing more can go into the current block.
    next() {
        if (this.done())
            return null;
        const feasible = this.othersLeft > 0 ? OTHER_EVENTS.filter((e) => this.#feasible(e)) : [];
        const unseen = OTHER_EVENTS.filter((e) => !this.seen.has(e));
        // Kinds not emitted yet come first, and when the budget is no larger than their number,
        // it is kept for them.
        const fresh = feasible.filter((e) => !this.seen.has(e));
        const candidates = fresh.length > 0 || unseen.length >= this.othersLeft ? fresh : feasible;
        const register = this.registrationsLeft > 0
            && (candidates.length === 0 || this.prng.below(this.registrationsLeft + this.othersLeft) < this.registrationsLeft);
        if (register) {
            --this.registrationsLeft;
            return this.Registered();
        }
        if (candidates.length === 0)
            return null;
        const event = this.values.weighted(Object.fromEntries(candidates.map((e) => [e, KIND_WEIGHTS[e]])));
        this.seen.add(event);
        --this.othersLeft;
        return this[event]();
    }

    #action(event, from, signature, args, fields) {
        const kind = KIND_OF_EVENT[event];
        const to = this.addresses[kind];
        return { kind, event, from, to, data: encodeCall(this.selectors[kind], signature, args), fields };
    }

    #sender() {
        return this.values.pick(this.senders);
    }

    #senderOtherThan(address) {
        const others = this.senders.filter((s) => s !== address);
        return this.values.pick(others);
    }

    Registered() {
        const owner = this.#sender();
        const agentURI = this.values.text('agentURI');
        const agentId = this.nextAgentId++;
        this.pending.agents.push({ agentId, owner });
        return this.#action('Registered', owner, 'register(string)', [agentURI], { agentId, agentURI, owner });
    }

    MetadataSet() {
        const { agentId, owner } = this.values.pick(this.agents);
        const metadataKey = this.values.text('metadataKey');
        const metadataValue = this.values.bytes('metadataValue');
        return this.#action('MetadataSet', owner, 'setMetadata(uint256,string,bytes)', [agentId, metadataKey, metadataValue],
            { agentId, indexedMetadataKey: keccak256(metadataKey), metadataKey, metadataValue });
    }

    URIUpdated() {
        const { agentId, owner } = this.values.pick(this.agents);
        const newURI = this.values.text('newURI');
        return this.#action('URIUpdated', owner, 'setAgentURI(uint256,string)', [agentId, newURI],
            { agentId, newURI, updatedBy: owner });
    }

    NewFeedback() {
        const { agentId, owner } = this.values.pick(this.agents);
        const clientAddress = this.#senderOtherThan(owner);
        const key = `${agentId}:${clientAddress}`;
        const feedbackIndex = BigInt((this.feedbackCount.get(key) ?? 0) + 1);
        this.feedbackCount.set(key, Number(feedbackIndex));
        const value = this.values.int128();
        const valueDecimals = this.values.small('valueDecimals', [0, 18], 18);
        const [tag1, tag2, endpoint, feedbackURI] = ['tag1', 'tag2', 'endpoint', 'feedbackURI'].map((f) => this.values.text(f));
        const feedbackHash = this.values.hash();
        this.pending.feedback.push({ agentId, clientAddress, feedbackIndex, revoked: false });
        return this.#action('NewFeedback', clientAddress,
            'giveFeedback(uint256,int128,uint8,string,string,string,string,bytes32)',
            [agentId, value, valueDecimals, tag1, tag2, endpoint, feedbackURI, feedbackHash],
            { agentId, clientAddress, feedbackIndex, value, valueDecimals, indexedTag1: keccak256(tag1), tag1, tag2, endpoint,
                feedbackURI, feedbackHash });
    }

    FeedbackRevoked() {
        const feedback = this.values.pick(this.feedback.filter((f) => !f.revoked));
        feedback.revoked = true;
        const { agentId, clientAddress, feedbackIndex } = feedback;
        return this.#action('FeedbackRevoked', clientAddress, 'revokeFeedback(uint256,uint64)', [agentId, feedbackIndex],
            { agentId, clientAddress, feedbackIndex });
    }

    ResponseAppended() {
        const { agentId, clientAddress, feedbackIndex } = this.values.pick(this.feedback);
        const responder = this.#sender();
        const responseURI = this.values.text('responseURI');
        const responseHash = this.values.hash();
        return this.#action('ResponseAppended', responder, 'appendResponse(uint256,address,uint64,string,bytes32)',
            [agentId, clientAddress, feedbackIndex, responseURI, responseHash],
            { agentId, clientAddress, feedbackIndex, responder, responseURI, responseHash });
    }

    ValidationRequest() {
        const { agentId, owner } = this.values.pick(this.agents);
        const validatorAddress = this.#sender();
        const requestURI = this.values.text('requestURI');
        // Unique per registry even when a seed is reused: agent ids never repeat.
        const requestHash = keccak256(Buffer.from(word(agentId) + word(++this.requestCount)
            + this.prng.bytes(32).toString('hex'), 'hex'));
        this.pending.requests.push({ validatorAddress, agentId, requestHash });
        return this.#action('ValidationRequest', owner, 'validationRequest(address,uint256,string,bytes32)',
            [validatorAddress, agentId, requestURI, requestHash], { validatorAddress, agentId, requestURI, requestHash });
    }

    ValidationResponse() {
        const { validatorAddress, agentId, requestHash } = this.values.pick(this.requests);
        const response = this.values.small('response', [0, 100], 100);
        const responseURI = this.values.text('responseURI');
        const responseHash = this.values.hash();
        const tag = this.values.text('tag');
        return this.#action('ValidationResponse', validatorAddress, 'validationResponse(bytes32,uint8,string,bytes32,string)',
            [requestHash, response, responseURI, responseHash, tag],
            { validatorAddress, agentId, requestHash, response, responseURI, responseHash, tag });
    }
}

// ---------------------------------------------------------------- agents

export async function agents(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const addresses = Object.fromEntries(Object.keys(REGISTRIES).map((kind) => [kind, singleAddress(args, kind)]));
    const agentCount = intArg(args, 'agents');
    const eventCount = intArg(args, 'events');
    const prng = new Prng(seedArg(args));
    if (eventCount > 0 && agentCount === 0)
        throw new Fail('--events needs at least one agent to happen to (--agents)');

    const artifacts = await loadRegistries();
    const selectors = Object.fromEntries(Object.entries(REGISTRIES).map(([kind, r]) => [kind, artifacts[r.contract].selectors]));
    const codes = await rpc.batch(Object.values(addresses).map((a) => ['eth_getCode', [a, 'latest']]));
    Object.keys(addresses).forEach((kind, i) => {
        if (codes[i] === '0x')
            throw new Fail(`--${kind} ${addresses[kind]} has no code; deploy with the registries command`);
    });
    const lastAgentIdCall = { to: addresses.identity, data: encodeCall(selectors.identity, 'lastAgentId()', []) };
    const lastAgentId = BigInt(await rpc.call('eth_call', [lastAgentIdCall, 'latest']));

    const excluded = new Set([...Object.values(addresses), '0x' + '0'.repeat(40)]);
    const senderSet = new Set();
    while (senderSet.size < SENDERS) {
        const a = '0x' + prng.bytes(20).toString('hex');
        if (!excluded.has(a))
            senderSet.add(a);
    }
    const senders = [...senderSet];
    const plan = new AgentPlan(prng, addresses, selectors, senders, lastAgentId + 1n, agentCount, eventCount);

    await rpc.call('anvil_autoImpersonateAccount', [true]);
    await rpc.batch(senders.map((s) => ['anvil_setBalance', [s, hex(SENDER_ETH)]]));
    const nonces = new Map((await rpc.batch(senders.map((s) => ['eth_getTransactionCount', [s, 'pending']])))
        .map((n, i) => [senders[i], BigInt(n)]));
    const latest = await rpc.call('eth_getBlockByNumber', ['latest', false]);
    const baseFee = BigInt(latest.baseFeePerGas ?? 0);
    const maxFee = hex(baseFee * 4n > 100_000_000_000n ? baseFee * 4n : 100_000_000_000n);

    const automine = await automineState(rpc);
    await rpc.call('evm_setAutomine', [false]);
    let block = Number(BigInt(await rpc.call('eth_blockNumber'))) + 1;
    const fromBlock = block;
    const sent = [];
    try {
        while (!plan.done()) {
            const size = 1 + prng.below(MAX_TXS_PER_BLOCK);
            const actions = [];
            for (let i = 0; i < size; ++i) {
                const action = plan.next();
                if (!action)
                    break;
                actions.push(action);
            }
            if (actions.length === 0)
                throw new Fail('internal error: the agent plan has nothing to send but is not done');
            const txs = actions.map((a) => {
                const nonce = nonces.get(a.from);
                nonces.set(a.from, nonce + 1n);
                return { from: a.from, to: a.to, data: a.data, gas: hex(GAS_AGENT_TX), nonce: hex(nonce), maxFeePerGas: maxFee,
                    maxPriorityFeePerGas: '0x0' };
            });
            const hashes = await rpc.batch(txs.map((tx) => ['eth_sendTransaction', [tx]]));
            await rpc.call('evm_mine');
            hashes.forEach((hash, i) => sent.push({ ...actions[i], hash, block }));
            ++block;
            plan.commit();
        }
    } finally {
        await rpc.call('evm_setAutomine', [automine]).catch(() => {});
    }

    const receipts = await rpc.batch(sent.map((s) => ['eth_getTransactionReceipt', [s.hash]]));
    const events = sent.map((s, i) => {
        const receipt = receipts[i];
        const what = `${s.event} transaction ${s.hash} from ${s.from}`;
        if (!receipt)
            throw new Fail(`${what} has no receipt`);
        const landed = Number(BigInt(receipt.blockNumber));
        if (receipt.status !== '0x1')
            throw new Fail(`${what} reverted in block ${landed}`);
        if (landed !== s.block)
            throw new Fail(`${what} landed in block ${landed}, expected ${s.block}`);
        if (receipt.logs.length !== 1 || receipt.logs[0].address.toLowerCase() !== s.to)
            throw new Fail(`${what} emitted ${receipt.logs.length} logs, expected one from ${s.to}`);
        const event = { registry: s.to, kind: s.kind, event: s.event, blockNumber: landed,
            logIndex: Number(BigInt(receipt.logs[0].logIndex)), txHash: s.hash.toLowerCase(), agentId: s.fields.agentId.toString() };
        for (const name of FIELDS[s.event]) {
            const v = s.fields[name];
            event[name] = typeof v === 'bigint' ? v.toString() : v;
        }
        return event;
    });
    events.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
    return { fromBlock, toBlock: block - 1, events };
}

// ---------------------------------------------------------------- scripted actions

/// `agent-script`: the exact actions a test lays out (registration URIs, feedback files and
/// hashes), read as JSON from --script FILE (or "-" for stdin), one transaction per action, each
/// mined in its own block, in order:
///   {"register": {"uri": U}}                          -> {"agentId"} (the owner is --owner's account)
///   {"setURI": {"agentId": N, "uri": U}}
///   {"feedback": {"agentId": N, "value": "V", "decimals": D, "tag1", "tag2", "endpoint", "feedbackURI",
///                 "feedbackHash": "0x…"}}                -> {"feedbackIndex"}
/// Output: {"results": [{"action", "agentId", "txHash", "blockNumber", …}]}.
export async function agentScript(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const addresses = Object.fromEntries(Object.keys(REGISTRIES).map((kind) => [kind, singleAddress(args, kind)]));
    const source = required(args, 'script');
    const { readFileSync } = await import('node:fs');
    const script = JSON.parse(readFileSync(source === '-' ? 0 : source, 'utf8'));
    if (!Array.isArray(script))
        throw new Fail('--script must hold a JSON array of actions');
    const artifacts = await loadRegistries();
    const selectors = Object.fromEntries(Object.entries(REGISTRIES).map(([kind, r]) => [kind, artifacts[r.contract].selectors]));
    // The agents' owner and one client giving feedback: fixed, funded, impersonated.
    const owner = '0x' + '0a'.repeat(20);
    const client = '0x' + '0c'.repeat(20);
    await rpc.call('anvil_autoImpersonateAccount', [true]);
    await rpc.batch([owner, client].map((s) => ['anvil_setBalance', [s, hex(SENDER_ETH)]]));
    const automine = await automineState(rpc);
    await rpc.call('evm_setAutomine', [false]);
    const results = [];
    const feedbackIndex = new Map();
    try {
        for (const step of script) {
            const [action, p] = Object.entries(step)[0] ?? [];
            let tx;
            let result = { action };
            if (action === 'register') {
                tx = { from: owner, to: addresses.identity, data: encodeCall(selectors.identity, 'register(string)', [p.uri]) };
            } else if (action === 'setURI') {
                tx = { from: owner, to: addresses.identity,
                    data: encodeCall(selectors.identity, 'setAgentURI(uint256,string)', [BigInt(p.agentId), p.uri]) };
                result.agentId = String(p.agentId);
            } else if (action === 'feedback') {
                const key = String(p.agentId);
                const index = (feedbackIndex.get(key) ?? 0) + 1;
                feedbackIndex.set(key, index);
                tx = { from: client, to: addresses.reputation,
                    data: encodeCall(selectors.reputation, 'giveFeedback(uint256,int128,uint8,string,string,string,string,bytes32)',
                        [BigInt(p.agentId), BigInt(p.value ?? '1'), BigInt(p.decimals ?? 0), p.tag1 ?? '', p.tag2 ?? '', p.endpoint ?? '',
                            p.feedbackURI ?? '', p.feedbackHash ?? '0x' + '0'.repeat(64)]) };
                result.agentId = key;
                result.feedbackIndex = String(index);
            } else {
                throw new Fail(`unknown action ${JSON.stringify(step)}: use register, setURI or feedback`);
            }
            const hash = await rpc.call('eth_sendTransaction', [{ ...tx, gas: hex(GAS_AGENT_TX) }]);
            await rpc.call('evm_mine');
            const [receipt] = await waitForReceipts(rpc, [hash], 30_000);
            if (receipt.status !== '0x1')
                throw new Fail(`${action} reverted (tx ${hash})`);
            if (action === 'register')
                result.agentId = BigInt(receipt.logs[0].topics[1]).toString();
            results.push({ ...result, txHash: hash.toLowerCase(), blockNumber: Number(BigInt(receipt.blockNumber)) });
        }
    } finally {
        await rpc.call('evm_setAutomine', [automine]).catch(() => {});
    }
    return { results };
}
