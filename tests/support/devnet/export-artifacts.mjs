// Exports the compiled demo contracts that the console's "Try a local devnet" deploys:
// TestToken and the three ERC-8004 registries, compiled with solc-js exactly as the tests
// compile them (common.mjs loadContracts), as resources/devnet/contracts.json. The product
// cannot run solc, so the JSON is committed and embedded into arbor_core.
//
//   node export-artifacts.mjs            writes ../../../resources/devnet/contracts.json
//   node export-artifacts.mjs --print    prints the JSON instead (tst_localdevnet compares it)
//
// Regenerate after editing a contract or upgrading solc, and commit the result.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Fail, loadContracts } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, '..', '..', '..', 'resources', 'devnet', 'contracts.json');

function constructorSignature(abi) {
    const ctor = abi.find((e) => e.type === 'constructor');
    return `constructor(${(ctor?.inputs ?? []).map((i) => i.type).join(',')})`;
}

async function main() {
    // Same settings as devnet.mjs (tokens) and agents.mjs (registries: viaIR for NewFeedback's stack).
    const tokens = await loadContracts(['TestToken']);
    const registries = await loadContracts(['IdentityRegistry', 'ReputationRegistry', 'ValidationRegistry'], { viaIR: true });
    const all = { ...tokens, ...registries };
    const contracts = {};
    for (const name of Object.keys(all).sort()) {
        const a = all[name];
        contracts[name] = { constructor: constructorSignature(a.abi), bytecode: a.bytecode };
    }
    const solcVersion = all.TestToken.solcVersion;
    const json = JSON.stringify({ generatedBy: 'tests/support/devnet/export-artifacts.mjs', solcVersion, contracts },
        null, 1) + '\n';
    if (process.argv.includes('--print'))
        process.stdout.write(json);
    else
        writeFileSync(output, json);
}

main().catch((e) => {
    process.stderr.write(e instanceof Fail ? `${e.message}\n` : `${e.stack}\n`);
    process.exit(1);
});
