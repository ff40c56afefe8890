// Chain reorganisations for Arbor's devnet tests, through anvil_reorg (checked on anvil 1.7.1):
// the last D blocks are replaced, in one call, by D new blocks holding different
// transfers of already funded tokens among existing holders.
//
// reorg --rpc URL --depth D --token T[,T2...] --transfers N --seed S [--holders X,Y|-] [--blocks B]
//   (--tokens is a synonym of --token.)
//   Holders default to every recipient of a Transfer of the tokens up to the common
//   ancestor (block head - D); a sender must hold the token and enough ETH for gas at that
//   block. B >= D (default D) new blocks: the first D replace the old ones, the rest are
//   mined on top, so the chain grows by B - D. The first new block always carries a
//   transfer. Prints {"depth", "commonAncestor", "fromBlock", "toBlock", "oldHashes":
//   {number: hash} of the replaced blocks, "newHashes": {number: hash} of all new blocks,
//   "removedTransfers": the tokens' Transfer logs in the replaced blocks, as they were,
//   "addedTransfers": the transfers sent, with their position from the receipts,
//   "balances": {token: {holder: decimal}}}. A transfer is {"token", "from", "to", "value",
//   "blockNumber", "logIndex", "txHash"}. The balances are computed, not read after the
//   reorg: balanceOf at the common ancestor plus the added transfers. Fails unless every
//   replaced height has a new hash, every removed transaction is gone and every added one
//   succeeded in its block.

import {
    Fail, Prng, Rpc, addressList, addressWord, automineState, callData, hex, intArg, required, seedArg,
} from './common.mjs';

const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const SEL_TRANSFER = 'a9059cbb';
const SEL_BALANCE_OF = '70a08231';
const GAS_TRANSFER = 100_000n;
const ZERO_ADDRESS = '0x' + '0'.repeat(40);

const blockNumberOf = (x) => Number(BigInt(x));
const topicAddress = (topic) => '0x' + topic.slice(26).toLowerCase();

function transferFromLog(log) {
    return {
        token: log.address.toLowerCase(), from: topicAddress(log.topics[1]), to: topicAddress(log.topics[2]),
        value: BigInt(log.data).toString(), blockNumber: blockNumberOf(log.blockNumber),
        logIndex: blockNumberOf(log.logIndex), txHash: log.transactionHash.toLowerCase(),
    };
}

async function discoverHolders(rpc, tokens, upTo) {
    const logs = await rpc.call('eth_getLogs', [{ fromBlock: '0x0', toBlock: hex(upTo), address: tokens, topics: [TRANSFER_TOPIC] }]);
    const holders = [...new Set(logs.map((l) => topicAddress(l.topics[2])))].filter((h) => h !== ZERO_ADDRESS);
    if (holders.length < 2)
        throw new Fail(`the tokens have ${holders.length} holders at block ${upTo}; a reorg needs two`);
    return holders;
}

export async function reorg(args) {
    const rpc = new Rpc(required(args, 'rpc'));
    const depth = intArg(args, 'depth');
    const tokens = addressList(args, args.token !== undefined ? 'token' : 'tokens');
    const transferCount = intArg(args, 'transfers');
    const blockCount = intArg(args, 'blocks', depth);
    const prng = new Prng(seedArg(args));
    if (depth < 1)
        throw new Fail('--depth must be at least 1');
    if (blockCount < depth)
        throw new Fail(`--blocks ${blockCount} must be at least --depth ${depth}`);
    // An empty replacement of an empty block can come out with the very same hash.
    if (transferCount < 1)
        throw new Fail('--transfers must be at least 1');

    const head = blockNumberOf(await rpc.call('eth_blockNumber'));
    if (depth >= head)
        throw new Fail(`--depth ${depth} would replace the genesis block; the chain is at block ${head}`);
    const common = head - depth;
    const at = hex(common);
    const replaced = Array.from({ length: depth }, (_, i) => common + 1 + i);

    const [commonBlock, ...oldBlocks] = await rpc.batch([common, ...replaced].map((n) => ['eth_getBlockByNumber', [hex(n), false]]));
    const oldHashes = Object.fromEntries(oldBlocks.map((b, i) => [String(replaced[i]), b.hash]));
    const removedTransfers = (await rpc.call('eth_getLogs', [{
        fromBlock: hex(common + 1), toBlock: hex(head), address: tokens, topics: [TRANSFER_TOPIC],
    }])).map(transferFromLog);
    const removedTxs = [...new Set(oldBlocks.flatMap((b) => b.transactions.map((h) => h.toLowerCase())))];

    const holders = args.holders !== undefined ? addressList(args, 'holders') : await discoverHolders(rpc, tokens, common);
    if (holders.length < 2)
        throw new Fail('a reorg needs at least two holders');

    // The state the new blocks build on.
    const codes = await rpc.batch(tokens.map((t) => ['eth_getCode', [t, at]]));
    codes.forEach((code, i) => {
        if (code === '0x')
            throw new Fail(`${tokens[i]} has no code at the common ancestor ${common}; reorg less deeply`);
    });
    const start = await rpc.batch(tokens.flatMap((t) => holders.map((h) =>
        ['eth_call', [{ to: t, data: callData(SEL_BALANCE_OF, addressWord(h)) }, at]])));
    const balances = tokens.map((_, t) => holders.map((_, h) => BigInt(start[t * holders.length + h])));
    const ether = (await rpc.batch(holders.map((h) => ['eth_getBalance', [h, at]]))).map(BigInt);
    const nonces = (await rpc.batch(holders.map((h) => ['eth_getTransactionCount', [h, at]]))).map(BigInt);
    const baseFee = BigInt(commonBlock.baseFeePerGas ?? 0);
    const maxFee = baseFee * 4n > 100_000_000_000n ? baseFee * 4n : 100_000_000_000n;
    const canPay = ether.map((wei) => wei >= GAS_TRANSFER * maxFee * BigInt(transferCount));

    // Plan: in each block a holder spends only what it held when the block started, so
    // any order of the block's transactions succeeds and ends in the same balances.
    const planned = []; // {t, s, r, amount, offset, nonce}
    for (let b = 0; b < blockCount; ++b) {
        const quota = Math.ceil((transferCount * (b + 1)) / blockCount) - Math.ceil((transferCount * b) / blockCount);
        const credits = [];
        for (let i = 0; i < quota; ++i) {
            const t = prng.below(tokens.length);
            const row = balances[t];
            let s = prng.below(holders.length);
            for (let probe = 0; probe < holders.length && !(row[s] > 0n && canPay[s]); ++probe)
                s = (s + 1) % holders.length;
            if (!(row[s] > 0n && canPay[s]))
                throw new Fail(`no holder of ${tokens[t]} has both tokens and ETH for gas left at block ${common}`);
            let r = prng.below(holders.length - 1);
            if (r >= s)
                ++r;
            const amount = prng.below(64) === 0 ? row[s] : 1n + prng.bigBelow(row[s] / 4n + 1n);
            row[s] -= amount;
            credits.push([t, r, amount]);
            planned.push({ t, s, r, amount, offset: b, nonce: nonces[s]++ });
        }
        for (const [t, r, amount] of credits)
            balances[t][r] += amount;
    }
    const txOf = (p) => ({
        from: holders[p.s], to: tokens[p.t], gas: hex(GAS_TRANSFER), nonce: hex(p.nonce), maxFeePerGas: hex(maxFee),
        maxPriorityFeePerGas: '0x0', data: callData(SEL_TRANSFER, addressWord(holders[p.r]), p.amount.toString(16).padStart(64, '0')),
    });

    // anvil_reorg signs a JSON transaction only for an unlocked or impersonated sender, and
    // numbers a sender's transactions from its nonce at the common ancestor in block order,
    // which is the order planned above.
    await rpc.call('anvil_autoImpersonateAccount', [true]);
    await rpc.call('anvil_reorg', [depth, planned.filter((p) => p.offset < depth).map((p) => [txOf(p), p.offset])]);
    if (blockCount > depth) {
        const automine = await automineState(rpc);
        await rpc.call('evm_setAutomine', [false]);
        try {
            for (let b = depth; b < blockCount; ++b) {
                await rpc.batch(planned.filter((p) => p.offset === b).map((p) => ['eth_sendTransaction', [txOf(p)]]));
                await rpc.call('evm_mine');
            }
        } finally {
            await rpc.call('evm_setAutomine', [automine]).catch(() => {});
        }
    }

    const newNumbers = Array.from({ length: blockCount }, (_, i) => common + 1 + i);
    const newBlocks = await rpc.batch(newNumbers.map((n) => ['eth_getBlockByNumber', [hex(n), true]]));
    newBlocks.forEach((b, i) => {
        if (!b)
            throw new Fail(`block ${newNumbers[i]} is missing after the reorg`);
    });
    if (newBlocks[0].parentHash !== commonBlock.hash)
        throw new Fail(`block ${common + 1} does not build on the common ancestor ${common} (${commonBlock.hash})`);
    for (const n of replaced) {
        if (newBlocks[n - common - 1].hash === oldHashes[n])
            throw new Fail(`block ${n} kept its hash ${oldHashes[n]} through the reorg`);
    }
    const newHashes = Object.fromEntries(newBlocks.map((b, i) => [String(newNumbers[i]), b.hash]));

    const located = new Map(); // "from:nonce" -> {hash, block}
    for (const b of newBlocks)
        for (const tx of b.transactions)
            located.set(`${tx.from.toLowerCase()}:${BigInt(tx.nonce)}`,
                { hash: tx.hash.toLowerCase(), block: blockNumberOf(b.number) });
    const hashes = planned.map((p) => {
        const found = located.get(`${holders[p.s]}:${p.nonce}`);
        if (!found || found.block !== common + 1 + p.offset)
            throw new Fail(`the transfer from ${holders[p.s]} with nonce ${p.nonce} is not in block ${common + 1 + p.offset}`);
        return found.hash;
    });
    const [receipts, leftovers] = await Promise.all([
        rpc.batch(hashes.map((h) => ['eth_getTransactionReceipt', [h]])),
        rpc.batch(removedTxs.map((h) => ['eth_getTransactionReceipt', [h]])),
    ]);
    leftovers.forEach((receipt, i) => {
        if (receipt && !hashes.includes(removedTxs[i]))
            throw new Fail(`transaction ${removedTxs[i]} of a replaced block is still in block `
                + `${blockNumberOf(receipt.blockNumber)}`);
    });
    const addedTransfers = planned.map((p, i) => {
        const receipt = receipts[i];
        if (!receipt || receipt.status !== '0x1')
            throw new Fail(`transfer ${hashes[i]} ${receipt ? 'reverted' : 'has no receipt'}`);
        const logs = receipt.logs.filter((l) => l.topics[0] === TRANSFER_TOPIC && l.address.toLowerCase() === tokens[p.t]);
        if (logs.length !== 1)
            throw new Fail(`transfer ${hashes[i]} emitted ${logs.length} Transfer logs`);
        return { token: tokens[p.t], from: holders[p.s], to: holders[p.r], value: p.amount.toString(),
            blockNumber: common + 1 + p.offset, logIndex: blockNumberOf(logs[0].logIndex), txHash: hashes[i] };
    });
    addedTransfers.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);

    return {
        depth,
        commonAncestor: common,
        fromBlock: common + 1,
        toBlock: common + blockCount,
        oldHashes,
        newHashes,
        removedTransfers,
        addedTransfers,
        balances: Object.fromEntries(tokens.map((token, t) =>
            [token, Object.fromEntries(holders.map((h, i) => [h, balances[t][i].toString()]))])),
    };
}
