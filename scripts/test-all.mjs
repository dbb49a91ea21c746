// The one test command (`npm test`): every gate CI runs, in order, then a plain
// "N passed, N failed" line totalling all suites. A step either reports its own counts in
// test-results/<step>.json ({ "passed": n, "failed": n, "skipped": n }) or counts as one check by exit code.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = 'test-results';
const STEPS = [
    // The steps marked `alongside` start once this one has written the paths and labels they read.
    { name: 'generate', cmd: 'node scripts/gen-ts-paths.mjs && node scripts/gen-labels.mjs', startsAlongside: true },
    { name: 'typecheck', cmd: 'node_modules/.bin/tsc -p tsconfig.json' },
    // Lint and format read only sources (never the .js the build step writes), so they run beside the main steps.
    { name: 'lint', cmd: 'node_modules/.bin/eslint .', alongside: true },
    // The lint rules bite: a wrong import, a floating promise, an LWS-distorted sink each fail with their rule.
    { name: 'lint-rules', cmd: 'node scripts/check-lint-rules.mjs lint-rules', alongside: true },
    { name: 'format', cmd: 'node_modules/.bin/prettier --check . --log-level warn', alongside: true },
    { name: 'build', cmd: 'node_modules/.bin/tsc -p tsconfig.build.json' },
    { name: 'lwc-compile', cmd: 'node scripts/check-lwc.mjs' },
    // Apex and metadata, offline: syntax and house rules, Apex imports against the Apex source, well-formed XML,
    // and the converted package (needs the .js the build step emitted).
    { name: 'apex-parse', cmd: 'node scripts/check-apex.mjs' },
    { name: 'apex-imports', cmd: 'node scripts/check-apex-imports.mjs' },
    { name: 'metadata-xml', cmd: 'node scripts/check-metadata-xml.mjs' },
    { name: 'package', cmd: 'node scripts/check-package.mjs' },
    // The JavaScript the bundles ship (built .js, compiled, minified, gzip) against its budget.
    { name: 'bundle-size', cmd: 'node scripts/bundle-size.mjs' },
    // Salesforce Code Analyzer (PMD Apex rules, RetireJS, and the graph engine when the Apex it last passed has
    // changed): fails on severity 1-2. It reads only the Apex, metadata and static resources, so it runs beside the
    // main steps and jest; the browser step waits for it, as its real-time waits must not share the cores.
    { name: 'code-analyzer', cmd: 'node scripts/code-analyzer.mjs code-analyzer', alongside: true },
    // The local console the browser step walks, built (or found fresh) beside jest rather than before the browser.
    { name: 'console-build', cmd: 'node local/build.mjs --if-stale', alongside: true },
    {
        name: 'jest',
        // Three workers on two cores: the steps beside it are short once the graph engine is left out
        // (code-analyzer.mjs), and the CXone suites spend much of their time waiting on real HTTP.
        cmd: `node_modules/.bin/sfdx-lwc-jest -- --maxWorkers=3 --json --outputFile=${RESULTS}/jest-raw.json`,
        counts: () => {
            const raw = JSON.parse(readFileSync(join(RESULTS, 'jest-raw.json'), 'utf8'));
            return { passed: raw.numPassedTests, failed: raw.numFailedTests, skipped: raw.numPendingTests };
        }
    },
    // Builds the local console (or reuses a fresh build), then walks the agent guide in Debian chromium.
    { name: 'browser', cmd: 'node test/browser/run.mjs', afterAlongside: true }
];

const only = process.argv.slice(2);
mkdirSync(RESULTS, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const selected = STEPS.filter((step) => !only.length || only.includes(step.name));

/** Reads a step's counts: its own file, jest's report, or one check by exit code. */
function countsOf(step, status) {
    const countsFile = join(RESULTS, `${step.name}.json`);
    let counts = null;
    try {
        counts = step.counts
            ? step.counts()
            : existsSync(countsFile)
              ? JSON.parse(readFileSync(countsFile, 'utf8'))
              : null;
    } catch {
        counts = null;
    }
    if (!counts) counts = status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    if (status !== 0 && !counts.failed) counts.failed = 1;
    return counts;
}

/** Adds a finished step to the totals and prints its closing line. */
function finish(step, status, started, ended = Date.now()) {
    const counts = countsOf(step, status);
    totals.passed += counts.passed ?? 0;
    totals.failed += counts.failed ?? 0;
    totals.skipped += counts.skipped ?? 0;
    const secs = ((ended - started) / 1000).toFixed(1);
    console.log(
        `◀ ${step.name}: ${status === 0 ? 'ok' : 'FAILED'} in ${secs}s (${counts.passed} passed, ${counts.failed} failed)`
    );
    if (status !== 0) failedSteps.push(step.name);
}

const env = { ...process.env, FORCE_COLOR: '0' };

/** Runs a command; its output goes to the terminal, or to a log file when it runs beside the others. */
function run(cmd, log) {
    const fd = log ? openSync(log, 'w') : null;
    const child = spawn(cmd, { shell: true, stdio: fd === null ? 'inherit' : ['ignore', fd, fd], env });
    if (fd !== null) closeSync(fd);
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

// The steps marked `alongside` run one after another beside the main sequence (two cores: the main steps and jest
// on one, these on the other), each writing to a log that is printed whole when they are joined, so output never
// interleaves. They are joined before the first step marked `afterAlongside`.
const alongsideSteps = selected.filter((step) => step.alongside);
const alongsideDone = [];
for (const step of alongsideSteps) rmSync(join(RESULTS, `${step.name}.json`), { force: true });
if (alongsideSteps.length) {
    console.log(
        `\n▷ beside the next steps, one after another (output when joined): ${alongsideSteps.map((s) => s.name).join(', ')}`
    );
}
let startAlongside;
const alongsideStarted = new Promise((resolve) => (startAlongside = resolve));
if (!selected.some((step) => step.startsAlongside)) startAlongside();
const alongsideChain = (async () => {
    await alongsideStarted;
    for (const step of alongsideSteps) {
        const log = join(RESULTS, `${step.name}.log`);
        const started = Date.now();
        const status = await run(step.cmd, log);
        alongsideDone.push({ step, log, status, started, ended: Date.now() });
    }
})();
let joined = false;
async function joinAlongside() {
    if (joined) return;
    joined = true;
    await alongsideChain;
    for (const { step, log, status, started, ended } of alongsideDone) {
        console.log(`\n▶ ${step.name}: ${step.cmd}`);
        process.stdout.write(readFileSync(log, 'utf8'));
        finish(step, status, started, ended);
    }
}

for (const step of selected) {
    if (step.alongside) continue;
    if (step.afterAlongside) await joinAlongside();
    const started = Date.now();
    console.log(`\n▶ ${step.name}: ${step.cmd}`);
    rmSync(join(RESULTS, `${step.name}.json`), { force: true });
    finish(step, await run(step.cmd), started);
    if (step.startsAlongside) startAlongside();
}
await joinAlongside();
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = failedSteps.length || totals.passed === 0 ? 1 : 0;
