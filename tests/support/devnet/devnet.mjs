#!/usr/bin/env node
// Devnet helper for Arbor's integration tests: deploys test contracts on a local anvil
// node and generates deterministic traffic whose expected results (balances, events)
// are computed here, independently of the chain.
//
//   node devnet.mjs deploy     --rpc URL [--tokens N] [--decimals 18,6,8]
//   node devnet.mjs traffic    --rpc URL --tokens A,B --transfers N --holders H --blocks B --seed S
//   node devnet.mjs balances   --rpc URL --tokens A,B --holders X,Y [--block N]
//   node devnet.mjs registries --rpc URL
//   node devnet.mjs agents     --rpc URL --identity A --reputation B --validation C --agents N --events M --seed S
//   node devnet.mjs agent-script --rpc URL --identity A --reputation B --validation C --script FILE|-
//   node devnet.mjs reorg      --rpc URL --depth D --token T[,T2] --transfers N --seed S [--holders X,Y] [--blocks B]
//   node devnet.mjs dump-state --rpc URL --out FILE
//
// ERC-20 commands are in this file, the ERC-8004 registries in agents.mjs, reorgs in
// reorg.mjs, each documenting its output; shared plumbing (JSON-RPC, PRNG, compilation)
// is in common.mjs. An address list given as "-" is read from stdin.
// Each subcommand prints one JSON object on stdout; errors go to stderr with exit code 1.
// Only dependency: solc (solc-js), loaded lazily and only when a compiled artifact
// is not cached in .cache/.

import {
    Fail, Prng, Rpc, addressList, addressWord, automineState, callData, encodeString, hex, intArg, loadContracts,
    parseArgs, required, waitForReceipts, word,
} from './common.mjs';
import { writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { agentScript, agents, registries } from './agents.mjs';
import { reorg } from './reorg.mjs';

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
const VERIFY_EVERY_TXS = 5000;
const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

// ---------------------------------------------------------------- compile

async function loadTestToken() {
    const { TestToken: artifact } = await loadContracts(['TestToken']);
    for (const [fn, sig] of [['transfer', 'transfer(address,uint256)'], ['mint', 'mint(address,uint256)'],
        ['balanceOf', 'balanceOf(address)'], ['totalSupply', 'totalSupply()'], ['decimals', 'decimals()']]) {
        if (artifact.selectors[sig] !== SEL[fn])
            throw new Fail(`selector of ${sig} is ${artifact.selectors[sig]}, devnet.mjs assumes ${SEL[fn]}`);
    }
    return artifact;
}

// ---------------------------------------------------------------- deploy

// ABI encoding of (string, string, uint8) for the TestToken constructor.
function encodeConstructor(name, symbol, decimals) {
    const nameTail = encodeString(name);
    const symbolTail = encodeString(symbol);
    return word(96) + word(96 + nameTail.length / 2) + word(decimals) + nameTail + symbolTail;
}

async function deploy(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const count = intArg(args, 'tokens', 3);
    const decimalsList = (args.decimals ?? '18,6,8').split(',').map((d) => {
        if (!/^\d+$/.test(d) || Number(d) > 255)
            throw new Fail(`--decimals: ${d} is not a uint8`);
        return Number(d);
    });

    const artifact = await loadTestToken();
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

// ---------------------------------------------------------------- state dump

// Writes the node's state as `anvil --load-state FILE` reads it: anvil_dumpState answers
// gzip-compressed JSON (accounts, blocks, transactions; no historical states), which
// --load-state wants plain. Prints {"file", "bytes", "head"}: the head is the block the dump
// holds state for, read before and after to prove nothing was mined in between.
async function dumpState(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const file = required(args, 'out');
    const before = Number(BigInt(await rpc.call('eth_blockNumber')));
    const dumped = await rpc.call('anvil_dumpState');
    const after = Number(BigInt(await rpc.call('eth_blockNumber')));
    if (before !== after)
        throw new Fail(`the head moved from ${before} to ${after} during the dump`);
    let json;
    try {
        json = gunzipSync(Buffer.from(dumped.replace(/^0x/, ''), 'hex'));
    } catch (e) {
        throw new Fail(`anvil_dumpState answered something that is not gzip: ${e.message}`);
    }
    // A dump of a large chain runs to hundreds of MB: find the head without parsing it all.
    const key = Buffer.from('"best_block_number":');
    const at = json.indexOf(key);
    const dumpedHead = at < 0 ? NaN : Number(/^\s*"?(0x[0-9a-fA-F]+|\d+)/.exec(json.subarray(at + key.length, at + key.length + 40).toString())?.[1]);
    if (dumpedHead !== after)
        throw new Fail(`the dump holds block ${dumpedHead}, the node is at ${after}`);
    writeFileSync(file, json);
    return { file, bytes: json.length, head: after };
}

// ---------------------------------------------------------------- main

const commands = { deploy, traffic, balances: readBalances, registries, agents, 'agent-script': agentScript, reorg, 'dump-state': dumpState };

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
