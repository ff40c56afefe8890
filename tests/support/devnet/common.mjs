// Shared plumbing of the devnet scripts: JSON-RPC, argument parsing, the deterministic
// PRNG, solc-js compilation with its cache in .cache/, ABI encoding and keccak-256.
// Only dependency: solc (solc-js), loaded lazily and only when an artifact is not cached.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const RPC_BATCH = 1000;

/// An error whose message is meant for the operator: printed without a stack trace.
export class Fail extends Error {}

// ---------------------------------------------------------------- JSON-RPC

export class Rpc {
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

export const hex = (n) => '0x' + BigInt(n).toString(16);
export const word = (n) => BigInt(n).toString(16).padStart(64, '0');
export const addressWord = (a) => a.slice(2).toLowerCase().padStart(64, '0');
export const isAddress = (a) => /^0x[0-9a-fA-F]{40}$/.test(a);

export function callData(selector, ...words) {
    return '0x' + selector + words.join('');
}

export function encodeString(s) {
    const bytes = Buffer.from(s, 'utf8');
    const padded = Buffer.alloc(Math.ceil(bytes.length / 32) * 32);
    bytes.copy(padded);
    return word(bytes.length) + padded.toString('hex');
}

export function parseArgs(argv) {
    const args = {};
    for (let i = 0; i < argv.length; ++i) {
        const key = argv[i];
        if (!key.startsWith('--') || i + 1 >= argv.length)
            throw new Fail(`bad argument ${key}; expected --name value pairs`);
        args[key.slice(2)] = argv[++i];
    }
    return args;
}

export function required(args, key) {
    if (args[key] === undefined)
        throw new Fail(`missing --${key}`);
    return args[key];
}

export function intArg(args, key, fallback) {
    const raw = args[key] ?? (fallback === undefined ? required(args, key) : String(fallback));
    if (!/^\d+$/.test(raw))
        throw new Fail(`--${key} must be a non-negative integer, got ${raw}`);
    return Number(raw);
}

// A list given as "-" is read from stdin: a thousand holders exceed Linux's 128 KiB limit
// on a single argument. Commas, whitespace and a JSON array's brackets and quotes all separate.
export function addressList(args, key) {
    let raw = required(args, key);
    if (raw === '-')
        raw = readFileSync(0, 'utf8');
    const list = raw.split(/[\s,"[\]]+/).map((a) => a.toLowerCase()).filter(Boolean);
    for (const a of list)
        if (!isAddress(a))
            throw new Fail(`--${key}: ${a} is not an address`);
    if (list.length === 0)
        throw new Fail(`--${key} is empty`);
    return list;
}

export function seedArg(args) {
    const text = required(args, 'seed');
    if (!/^\d+$/.test(text))
        throw new Fail(`--seed must be a non-negative integer, got ${text}`);
    return BigInt(text);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- deterministic PRNG

// xoshiro128** seeded through splitmix64: fast, and the same sequence on every platform.
export class Prng {
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

/**
 * Compiles contracts/<name>.sol for every name in one solc run and returns
 * {name: {abi, bytecode, selectors: {"fn(types)": "hex"}}}. The result is cached in .cache/
 * under a key of the solc version, the settings and the sources, so an edited contract
 * is recompiled on its next use.
 */
export async function loadContracts(names, { viaIR = false } = {}) {
    const sources = Object.fromEntries(names.map((n) =>
        [`${n}.sol`, { content: readFileSync(join(here, 'contracts', `${n}.sol`), 'utf8') }]));
    const solcVersion = JSON.parse(readFileSync(require.resolve('solc/package.json'), 'utf8')).version;
    const settings = {
        ...(viaIR ? { viaIR: true } : {}),
        optimizer: { enabled: true, runs: 200 },
        evmVersion: 'cancun',
        outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
    };
    const key = createHash('sha256').update(`v2\n${solcVersion}\n${JSON.stringify(settings)}\n${JSON.stringify(sources)}`)
        .digest('hex').slice(0, 16);
    const cacheDir = join(here, '.cache');
    const cachePath = join(cacheDir, `${names.join('+')}-${key}.json`);
    try {
        return JSON.parse(readFileSync(cachePath, 'utf8'));
    } catch {
        // not cached yet
    }

    const solc = (await import('solc')).default;
    const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length)
        throw new Fail(`${names.join(', ')} do not compile:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
    const artifacts = Object.fromEntries(names.map((n) => {
        const contract = output.contracts[`${n}.sol`][n];
        return [n, { solcVersion: solc.version(), abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object,
            selectors: contract.evm.methodIdentifiers }];
    }));

    // Write then rename, so tests running in parallel never read a half-written cache file.
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(artifacts));
    renameSync(tmp, cachePath);
    return artifacts;
}

/// The ABI's events as Solidity declarations, e.g. "Transfer(address indexed from, ...)".
export function eventDeclarations(abi) {
    return abi.filter((e) => e.type === 'event').map((e) =>
        `${e.name}(${e.inputs.map((i) => `${i.type}${i.indexed ? ' indexed' : ''} ${i.name}`).join(', ')})`);
}

// ---------------------------------------------------------------- ABI encoding

const pad32 = (bytes) => {
    const padded = Buffer.alloc(Math.ceil(bytes.length / 32) * 32);
    bytes.copy(padded);
    return padded;
};

/**
 * ABI-encodes \a values as the tuple \a types. Supported: uintN, intN (two's complement),
 * address, bool, bytes32, and the dynamic string (a JS string, encoded as UTF-8) and
 * bytes (0x-hex).
 */
export function encodeArgs(types, values) {
    if (types.length !== values.length)
        throw new Error(`encodeArgs: ${types.length} types, ${values.length} values`);
    const heads = [];
    const tails = [];
    let offset = 32 * types.length;
    types.forEach((type, i) => {
        const v = values[i];
        if (type === 'string' || type === 'bytes') {
            const bytes = type === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.slice(2), 'hex');
            const tail = word(bytes.length) + pad32(bytes).toString('hex');
            heads.push(word(offset));
            tails.push(tail);
            offset += tail.length / 2;
        } else if (type === 'address') {
            heads.push(addressWord(v));
        } else if (type === 'bytes32') {
            if (!/^0x[0-9a-f]{64}$/.test(v))
                throw new Error(`encodeArgs: ${v} is not a bytes32`);
            heads.push(v.slice(2));
        } else if (type === 'bool') {
            heads.push(word(v ? 1 : 0));
        } else if (/^u?int\d+$/.test(type)) {
            heads.push(word(BigInt.asUintN(256, BigInt(v))));
        } else {
            throw new Error(`encodeArgs: unsupported type ${type}`);
        }
    });
    return heads.join('') + tails.join('');
}

/// Call data for a function given by its signature, e.g. fn(selectors, "register(string)", [uri]).
export function encodeCall(selectors, signature, values) {
    const selector = selectors[signature];
    if (!selector)
        throw new Fail(`the contract has no function ${signature}`);
    const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter(Boolean);
    return '0x' + selector + encodeArgs(types, values);
}

// ---------------------------------------------------------------- keccak-256

const KECCAK_RC = [
    0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n,
    0x000000000000808bn, 0x0000000080000001n, 0x8000000080008081n, 0x8000000000008009n,
    0x000000000000008an, 0x0000000000000088n, 0x0000000080008009n, 0x000000008000000an,
    0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n, 0x8000000000008003n,
    0x8000000000008002n, 0x8000000000000080n, 0x000000000000800an, 0x800000008000000an,
    0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n,
];
// Rotation offsets r[x][y] of the rho step.
const KECCAK_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
    .map((column) => column.map(BigInt));
const MASK64 = (1n << 64n) - 1n;
const rotl64 = (x, n) => (n === 0n ? x : ((x << n) | (x >> (64n - n))) & MASK64);

function keccakF(s) {
    for (let round = 0; round < 24; ++round) {
        const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
        for (let x = 0; x < 5; ++x) {
            const d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1n);
            for (let y = 0; y < 25; y += 5)
                s[x + y] ^= d;
        }
        const b = new Array(25);
        for (let x = 0; x < 5; ++x)
            for (let y = 0; y < 5; ++y)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(s[x + 5 * y], KECCAK_ROT[x][y]);
        for (let x = 0; x < 5; ++x)
            for (let y = 0; y < 5; ++y)
                s[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & MASK64 & b[(x + 2) % 5 + 5 * y]);
        s[0] ^= KECCAK_RC[round];
    }
}

/// Ethereum's keccak-256 (not SHA3-256, which pads differently) of a Buffer or UTF-8 string, as 0x-hex.
export function keccak256(input) {
    const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    const rate = 136;
    const padded = Buffer.alloc((Math.floor(data.length / rate) + 1) * rate);
    data.copy(padded);
    padded[data.length] ^= 0x01;
    padded[padded.length - 1] ^= 0x80;
    const s = new Array(25).fill(0n);
    for (let block = 0; block < padded.length; block += rate) {
        for (let i = 0; i < rate / 8; ++i)
            s[i] ^= padded.readBigUInt64LE(block + 8 * i);
        keccakF(s);
    }
    const out = Buffer.alloc(32);
    for (let i = 0; i < 4; ++i)
        out.writeBigUInt64LE(s[i], 8 * i);
    return '0x' + out.toString('hex');
}

// ---------------------------------------------------------------- chain helpers

export async function automineState(rpc) {
    try {
        return await rpc.call('anvil_getAutomine');
    } catch {
        return true;
    }
}

export async function waitForReceipts(rpc, hashes, timeoutMs) {
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

