#!/usr/bin/env node
// Devnet helper for Arbor's integration tests: deploys TestToken contracts on a local
// anvil node and generates deterministic ERC-20 traffic whose expected results
// (balances, Transfer counts) are computed here, independently of the chain.
//
//   node devnet.mjs deploy   --rpc URL [--tokens N] [--decimals 18,6,8]
//   node devnet.mjs traffic  --rpc URL --tokens A,B --transfers N --holders H --blocks B --seed S
//   node devnet.mjs balances --rpc URL --tokens A,B --holders X,Y [--block N]
//
// An address list given as "-" is read from stdin.
// Each subcommand prints one JSON object on stdout; errors go to stderr with exit code 1.
// Only dependency: solc (solc-js), loaded lazily and only when the compiled artifact
// is not cached in .cache/.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const SEL = {
    transfer: 'a9059cbb', // transfer(address,uint256)
    mint: '40c10f19', // mint(address,uint256)
    balanceOf: '70a08231', // balanceOf(address)
    totalSupply: '18160ddd', // totalSupply()
    decimals: '313ce567', // decimals()
};

// Explicit gas limits: anvil would otherwise estimate each transaction against the
// latest block, where a holder funded earlier in the same pending block has no balance yet.
const GAS_DEPLOY = 3_000_000n;
const GAS_MINT = 120_000n;
const GAS_TRANSFER = 100_000n;
const HOLDER_ETH = 10n ** 22n; // 10,000 ETH for gas
const RPC_BATCH = 1000;
const VERIFY_EVERY_TXS = 5000;
const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

class Fail extends Error {}

// ---------------------------------------------------------------- JSON-RPC

class Rpc {
    constructor(url) {
        this.url = url;
        this.nextId = 1;
    }

    async call(method, params = []) {
        const [result] = await this.batch([[method, params]]);
        return result;
    }

    // Sends [method, params] pairs as JSON-RPC batches; returns results in order and
    // throws on the first error so a failed call can never be mistaken for a result.
    async batch(calls) {
        const results = [];
        for (let i = 0; i < calls.length; i += RPC_BATCH)
            results.push(...(await this.#post(calls.slice(i, i + RPC_BATCH))));
        return results;
    }

    async #post(calls) {
        const firstId = this.nextId;
        this.nextId += calls.length;
        const body = calls.map(([method, params], i) => ({ jsonrpc: '2.0', id: firstId + i, method, params }));
        let response;
        try {
            response = await fetch(this.url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body),
            });
        } catch (e) {
            throw new Fail(`cannot reach ${this.url}: ${e.cause?.message ?? e.message}`);
        }
        const text = await response.text();
        if (!response.ok)
            throw new Fail(`${this.url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
        let replies = JSON.parse(text);
        if (!Array.isArray(replies))
            replies = [replies];
        const byId = new Map(replies.map((r) => [r.id, r]));
        return calls.map(([method, params], i) => {
            const reply = byId.get(firstId + i);
            if (!reply)
                throw new Fail(`no reply to ${method}`);
            if (reply.error) {
                const detail = JSON.stringify(params).slice(0, 300);
                throw new Fail(`${method} failed: ${reply.error.message ?? JSON.stringify(reply.error)} (params ${detail})`);
            }
            return reply.result;
        });
    }
}

// ---------------------------------------------------------------- helpers

const hex = (n) => '0x' + BigInt(n).toString(16);
const word = (n) => BigInt(n).toString(16).padStart(64, '0');
const addressWord = (a) => a.slice(2).toLowerCase().padStart(64, '0');
const isAddress = (a) => /^0x[0-9a-fA-F]{40}$/.test(a);

function callData(selector, ...words) {
    return '0x' + selector + words.join('');
}

function encodeString(s) {
    const bytes = Buffer.from(s, 'utf8');
    const padded = Buffer.alloc(Math.ceil(bytes.length / 32) * 32);
    bytes.copy(padded);
    return word(bytes.length) + padded.toString('hex');
}

// ABI encoding of (string, string, uint8) for the TestToken constructor.
function encodeConstructor(name, symbol, decimals) {
    const nameTail = encodeString(name);
    const symbolTail = encodeString(symbol);
    return word(96) + word(96 + nameTail.length / 2) + word(decimals) + nameTail + symbolTail;
}

function parseArgs(argv) {
    const args = {};
    for (let i = 0; i < argv.length; ++i) {
        const key = argv[i];
        if (!key.startsWith('--') || i + 1 >= argv.length)
            throw new Fail(`bad argument ${key}; expected --name value pairs`);
        args[key.slice(2)] = argv[++i];
    }
    return args;
}

function required(args, key) {
    if (args[key] === undefined)
        throw new Fail(`missing --${key}`);
    return args[key];
}

function intArg(args, key, fallback) {
    const raw = args[key] ?? (fallback === undefined ? required(args, key) : String(fallback));
    if (!/^\d+$/.test(raw))
        throw new Fail(`--${key} must be a non-negative integer, got ${raw}`);
    return Number(raw);
}

// A list given as "-" is read from stdin: a thousand holders exceed Linux's 128 KiB limit
// on a single argument.
function addressList(args, key) {
    let raw = required(args, key);
    if (raw === '-')
        raw = readFileSync(0, 'utf8');
    const list = raw.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
    for (const a of list)
        if (!isAddress(a))
            throw new Fail(`--${key}: ${a} is not an address`);
    if (list.length === 0)
        throw new Fail(`--${key} is empty`);
    return list;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- deterministic PRNG

// xoshiro128** seeded through splitmix64: fast, and the same sequence on every platform.
class Prng {
    constructor(seed) {
        let s = BigInt.asUintN(64, BigInt(seed));
        const next64 = () => {
            s = BigInt.asUintN(64, s + 0x9e3779b97f4a7c15n);
            let z = s;
            z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
            z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
            return z ^ (z >> 31n);
        };
        const a = next64();
        const b = next64();
        this.s = new Uint32Array([Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n)]);
        if (this.s.every((v) => v === 0))
            this.s[0] = 1;
    }

    u32() {
        const s = this.s;
        const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
        const t = s[1] << 9;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 11);
        return result;
    }

    // Uniform integer in [0, n) for n up to 2^32.
    below(n) {
        return Math.floor((this.u32() / 4294967296) * n);
    }

    // BigInt in [0, n); the modulo bias over 128 random bits is negligible.
    bigBelow(n) {
        if (n <= 1n)
            return 0n;
        let r = 0n;
        for (let i = 0; i < 4; ++i)
            r = (r << 32n) | BigInt(this.u32());
        return r % n;
    }

    bytes(count) {
        const out = Buffer.alloc(count);
        for (let i = 0; i < count; ++i)
            out[i] = this.u32() & 0xff;
        return out;
    }
}

function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

// ---------------------------------------------------------------- compile

async function loadArtifact() {
    const sourcePath = join(here, 'contracts', 'TestToken.sol');
    const source = readFileSync(sourcePath, 'utf8');
    const solcVersion = JSON.parse(readFileSync(require.resolve('solc/package.json'), 'utf8')).version;
    const settings = {
        optimizer: { enabled: true, runs: 200 },
        evmVersion: 'cancun',
        outputSelection: { '*': { TestToken: ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
    };
    const key = createHash('sha256').update(`${solcVersion}\n${JSON.stringify(settings)}\n${source}`).digest('hex').slice(0, 16);
    const cacheDir = join(here, '.cache');
    const cachePath = join(cacheDir, `TestToken-${key}.json`);
    try {
        return JSON.parse(readFileSync(cachePath, 'utf8'));
    } catch {
        // not cached yet
    }

    const solc = (await import('solc')).default;
    const input = { language: 'Solidity', sources: { 'TestToken.sol': { content: source } }, settings };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length)
        throw new Fail(`TestToken.sol does not compile:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
    const contract = output.contracts['TestToken.sol'].TestToken;
    const ids = contract.evm.methodIdentifiers;
    for (const [fn, sig] of [['transfer', 'transfer(address,uint256)'], ['mint', 'mint(address,uint256)'],
        ['balanceOf', 'balanceOf(address)'], ['totalSupply', 'totalSupply()'], ['decimals', 'decimals()']]) {
        if (ids[sig] !== SEL[fn])
            throw new Fail(`selector of ${sig} is ${ids[sig]}, devnet.mjs assumes ${SEL[fn]}`);
    }
    const artifact = { solcVersion: solc.version(), abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object };

    // Write then rename, so tests running in parallel never read a half-written cache file.
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(artifact));
    renameSync(tmp, cachePath);
    return artifact;
}

// ---------------------------------------------------------------- chain helpers

async function automineState(rpc) {
    try {
        return await rpc.call('anvil_getAutomine');
    } catch {
        return true;
    }
}

async function waitForReceipts(rpc, hashes, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const receipts = await rpc.batch(hashes.map((h) => ['eth_getTransactionReceipt', [h]]));
        if (receipts.every(Boolean))
            return receipts;
        if (Date.now() > deadline) {
            const missing = hashes.filter((_, i) => !receipts[i]);
            throw new Fail(`no receipt after ${timeoutMs} ms for ${missing.join(', ')}`);
        }
        await sleep(100);
    }
}

// ---------------------------------------------------------------- deploy

async function deploy(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const count = intArg(args, 'tokens', 3);
    const decimalsList = (args.decimals ?? '18,6,8').split(',').map((d) => {
        if (!/^\d+$/.test(d) || Number(d) > 255)
            throw new Fail(`--decimals: ${d} is not a uint8`);
        return Number(d);
    });

    const artifact = await loadArtifact();
    const chainId = Number(BigInt(await rpc.call('eth_chainId')));
    const [deployer] = await rpc.call('eth_accounts');
    if (!deployer)
        throw new Fail('the node has no unlocked account to deploy from');
    const automine = await automineState(rpc);

    const tokens = [];
    const hashes = [];
    for (let i = 0; i < count; ++i) {
        const token = { name: `Test Token ${i + 1}`, symbol: `TT${i + 1}`, decimals: decimalsList[i % decimalsList.length] };
        const data = artifact.bytecode + encodeConstructor(token.name, token.symbol, token.decimals);
        // Sequential on purpose: each deployment lands in its own block when automine is on,
        // so deploy blocks are the same on every run.
        hashes.push(await rpc.call('eth_sendTransaction', [{ from: deployer, data, gas: hex(GAS_DEPLOY) }]));
        tokens.push(token);
    }
    if (!automine && count > 0)
        await rpc.call('evm_mine');

    const receipts = await waitForReceipts(rpc, hashes, 30_000);
    receipts.forEach((receipt, i) => {
        if (receipt.status !== '0x1')
            throw new Fail(`deployment of ${tokens[i].symbol} reverted (tx ${hashes[i]})`);
        Object.assign(tokens[i], {
            address: receipt.contractAddress.toLowerCase(),
            deployBlock: Number(BigInt(receipt.blockNumber)),
            deployer: deployer.toLowerCase(),
        });
    });
    return {
        chainId,
        tokens: tokens.map((t) => ({ address: t.address, name: t.name, symbol: t.symbol, decimals: t.decimals,
            deployBlock: t.deployBlock, deployer: t.deployer })),
    };
}

// ---------------------------------------------------------------- traffic

async function traffic(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const tokens = addressList(args, 'tokens');
    const transferCount = intArg(args, 'transfers');
    const holderCount = intArg(args, 'holders');
    const blockCount = Math.max(1, intArg(args, 'blocks'));
    const seedText = required(args, 'seed');
    if (!/^\d+$/.test(seedText))
        throw new Fail(`--seed must be a non-negative integer, got ${seedText}`);
    if (holderCount < 2)
        throw new Fail('--holders must be at least 2');
    const prng = new Prng(BigInt(seedText));

    const [minter] = await rpc.call('eth_accounts');
    if (!minter)
        throw new Fail('the node has no unlocked account to mint from');
    const latest = await rpc.call('eth_getBlockByNumber', ['latest', false]);
    const gasLimit = BigInt(latest.gasLimit);
    const baseFee = BigInt(latest.baseFeePerGas ?? 0);
    const maxFee = hex(baseFee * 4n > 100_000_000_000n ? baseFee * 4n : 100_000_000_000n);
    // Keep a margin below the block gas limit: every group must fit in the one block evm_mine makes.
    const mintsPerBlockCap = Number((gasLimit * 9n) / 10n / GAS_MINT);
    const transfersPerBlockCap = Number((gasLimit * 9n) / 10n / GAS_TRANSFER);

    const decimals = (await rpc.batch(tokens.map((t) => ['eth_call', [{ to: t, data: callData(SEL.decimals) }, 'latest']])))
        .map((r, i) => {
            if (r === '0x')
                throw new Fail(`${tokens[i]} is not a TestToken (decimals() returned nothing)`);
            return BigInt(r);
        });

    const holderSet = new Set();
    const excluded = new Set([...tokens, minter.toLowerCase(), '0x' + '0'.repeat(40)]);
    while (holderSet.size < holderCount) {
        const a = '0x' + prng.bytes(20).toString('hex');
        if (!excluded.has(a))
            holderSet.add(a);
    }
    const holders = [...holderSet];

    // The model assumes every holder starts at zero; a reused seed on the same tokens would break that.
    const start = await rpc.batch(tokens.flatMap((t) => holders.map((h) =>
        ['eth_call', [{ to: t, data: callData(SEL.balanceOf, addressWord(h)) }, 'latest']])));
    const dirty = start.findIndex((r) => BigInt(r) !== 0n);
    if (dirty >= 0)
        throw new Fail(`holder ${holders[dirty % holderCount]} already holds ${tokens[Math.floor(dirty / holderCount)]}; use another --seed`);

    await rpc.call('anvil_autoImpersonateAccount', [true]);
    await rpc.batch(holders.map((h) => ['anvil_setBalance', [h, hex(HOLDER_ETH)]]));
    const nonces = (await rpc.batch(holders.map((h) => ['eth_getTransactionCount', [h, 'pending']]))).map((n) => Number(BigInt(n)));
    let minterNonce = Number(BigInt(await rpc.call('eth_getTransactionCount', [minter, 'pending'])));

    const balances = tokens.map(() => holders.map(() => 0n));
    const minted = tokens.map(() => 0n);
    const events = tokens.map(() => 0);
    const mints = tokens.map(() => 0);

    const automine = await automineState(rpc);
    await rpc.call('evm_setAutomine', [false]);
    let nextBlock = Number(BigInt(await rpc.call('eth_blockNumber'))) + 1;
    const fromBlock = nextBlock;
    const unchecked = []; // [{block, txs: [[hash, token]]}]

    // Every mint and transfer that succeeds emits exactly one Transfer log, so the logs of a
    // block range prove that each transaction landed in the block it was mined for and did not
    // revert. eth_getLogs is used because anvil's receipt lookups are quadratic in block size.
    const verify = async () => {
        if (unchecked.length === 0)
            return;
        const blocks = unchecked.splice(0);
        const expected = new Map(); // tx hash -> [block, token]
        for (const b of blocks)
            for (const [hash, token] of b.txs)
                expected.set(hash.toLowerCase(), [b.block, token]);
        const logs = await rpc.call('eth_getLogs', [{
            fromBlock: hex(blocks[0].block), toBlock: hex(blocks[blocks.length - 1].block),
            address: tokens, topics: [TRANSFER_TOPIC],
        }]);
        const seen = new Set();
        for (const log of logs) {
            const hash = log.transactionHash.toLowerCase();
            const want = expected.get(hash);
            if (!want)
                continue; // someone else's transaction; not ours to judge
            if (seen.has(hash))
                throw new Fail(`transaction ${hash} emitted more than one Transfer`);
            seen.add(hash);
            if (Number(BigInt(log.blockNumber)) !== want[0] || log.address.toLowerCase() !== want[1])
                throw new Fail(`transaction ${hash} landed in block ${Number(BigInt(log.blockNumber))}, expected ${want[0]}`);
        }
        if (seen.size !== expected.size) {
            const lost = [...expected.keys()].find((h) => !seen.has(h));
            const receipt = await rpc.call('eth_getTransactionReceipt', [lost]);
            const why = !receipt ? 'has no receipt' : receipt.status !== '0x1' ? `reverted in block ${Number(BigInt(receipt.blockNumber))}` : 'emitted no Transfer';
            throw new Fail(`${expected.size - seen.size} of ${expected.size} transactions in blocks ${blocks[0].block}..${blocks[blocks.length - 1].block} failed; e.g. ${lost} ${why}`);
        }
    };

    let uncheckedTxs = 0;
    const mine = async (txs) => {
        const hashes = await rpc.batch(txs.map((tx) => ['eth_sendTransaction', [tx]]));
        await rpc.call('evm_mine');
        unchecked.push({ block: nextBlock++, txs: hashes.map((h, i) => [h, txs[i].to]) });
        uncheckedTxs += txs.length;
        if (uncheckedTxs >= VERIFY_EVERY_TXS) {
            uncheckedTxs = 0;
            await verify();
        }
    };

    try {
        // Mint phase: every holder gets every token, a random whole amount plus dust.
        let group = [];
        for (let t = 0; t < tokens.length; ++t) {
            const unit = 10n ** decimals[t];
            for (let h = 0; h < holderCount; ++h) {
                const amount = (1n + prng.bigBelow(1_000_000n)) * unit + prng.bigBelow(unit);
                balances[t][h] += amount;
                minted[t] += amount;
                ++events[t];
                ++mints[t];
                group.push({
                    from: minter, to: tokens[t], gas: hex(GAS_MINT), nonce: hex(minterNonce++),
                    maxFeePerGas: maxFee, maxPriorityFeePerGas: '0x0',
                    data: callData(SEL.mint, addressWord(holders[h]), word(amount)),
                });
                if (group.length >= mintsPerBlockCap) {
                    await mine(group);
                    group = [];
                }
            }
        }
        if (group.length)
            await mine(group);

        // Transfer phase. Within a block a holder only spends what it held when the block
        // started: then any order the node picks for the block's transactions succeeds and
        // ends in the same balances, since credits commute.
        const available = balances.map((row) => row.slice());
        let sent = 0;
        for (let b = 0; sent < transferCount; ++b) {
            let quota = Math.floor((transferCount * (b + 1)) / blockCount) - Math.floor((transferCount * b) / blockCount);
            if (b >= blockCount)
                quota = transferCount - sent;
            quota = Math.min(quota, transfersPerBlockCap, transferCount - sent);
            const txs = [];
            const credits = [];
            for (let i = 0; i < quota; ++i) {
                const t = prng.below(tokens.length);
                const row = available[t];
                let s = prng.below(holderCount);
                for (let probe = 0; probe < holderCount && row[s] === 0n; ++probe)
                    s = (s + 1) % holderCount;
                if (row[s] === 0n)
                    continue;
                let r = prng.below(holderCount - 1);
                if (r >= s)
                    ++r;
                const amount = prng.below(64) === 0 ? row[s] : 1n + prng.bigBelow(row[s] / 4n + 1n);
                row[s] -= amount;
                balances[t][s] -= amount;
                balances[t][r] += amount;
                credits.push([t, r, amount]);
                ++events[t];
                ++sent;
                txs.push({
                    from: holders[s], to: tokens[t], gas: hex(GAS_TRANSFER), nonce: hex(nonces[s]++),
                    maxFeePerGas: maxFee, maxPriorityFeePerGas: '0x0',
                    data: callData(SEL.transfer, addressWord(holders[r]), word(amount)),
                });
            }
            if (txs.length === 0 && quota > 0)
                throw new Fail('no holder has a balance left to transfer');
            await mine(txs); // empty blocks too, when there are fewer transfers than blocks
            for (const [t, r, amount] of credits)
                available[t][r] += amount;
        }
        await verify();
    } finally {
        await rpc.call('evm_setAutomine', [automine]).catch(() => {});
    }

    const perToken = (f) => Object.fromEntries(tokens.map((t, i) => [t, f(i)]));
    return {
        fromBlock,
        toBlock: nextBlock - 1,
        transfers: perToken((i) => events[i]),
        mints: perToken((i) => mints[i]),
        minted: perToken((i) => minted[i].toString()),
        balances: perToken((i) => Object.fromEntries(holders.map((h, j) => [h, balances[i][j].toString()]))),
        holders,
    };
}

// ---------------------------------------------------------------- balances

async function readBalances(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const tokens = addressList(args, 'tokens');
    const holders = addressList(args, 'holders');
    const block = args.block !== undefined ? intArg(args, 'block') : Number(BigInt(await rpc.call('eth_blockNumber')));
    const tag = hex(block);
    const calls = tokens.flatMap((t) => [
        ['eth_call', [{ to: t, data: callData(SEL.totalSupply) }, tag]],
        ...holders.map((h) => ['eth_call', [{ to: t, data: callData(SEL.balanceOf, addressWord(h)) }, tag]]),
    ]);
    const results = await rpc.batch(calls);
    const stride = holders.length + 1;
    const value = (r) => {
        if (r === '0x')
            throw new Fail('a token returned no data; is it a TestToken?');
        return BigInt(r).toString();
    };
    return {
        block,
        totalSupply: Object.fromEntries(tokens.map((t, i) => [t, value(results[i * stride])])),
        balances: Object.fromEntries(tokens.map((t, i) => [t,
            Object.fromEntries(holders.map((h, j) => [h, value(results[i * stride + 1 + j])]))])),
    };
}

// ---------------------------------------------------------------- main

const commands = { deploy, traffic, balances: readBalances };

async function main() {
    const [command, ...rest] = process.argv.slice(2);
    const run = commands[command];
    if (!run)
        throw new Fail(`usage: devnet.mjs ${Object.keys(commands).join('|')} --rpc URL ...`);
    const result = await run(parseArgs(rest));
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
    process.stderr.write(`devnet.mjs: ${e instanceof Fail ? e.message : e.stack}\n`);
    process.exitCode = 1;
});
