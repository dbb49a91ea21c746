// `npm run bench` part "startup", in headless chromium on the local console:
// - coldMs: navigation start to the console showing the agent's state with its skills loaded (connected, the
//   availability bar's state text on screen, the skills in the console's state), in a fresh browser context
//   each time (a new renderer, no compiled-code cache); warmMs: the same after a reload of an open page.
//   Each the median of RUNS runs.
// - bundles: the JavaScript the deployable bundles ship, minified and gzip, per bundle and in total, with the
//   budget scripts/bundle-size.mjs keeps.
// Writes test-results/bench-startup.json.
import { spawnSync } from 'node:child_process';
import { buildConsole, isBuildFresh } from '../../local/build.mjs';
import { startServer } from '../../local/server.mjs';
import { BUDGET, measureBundles, overBudget } from '../../scripts/bundle-size.mjs';
import { chromiumAvailable, CHROMIUM, launch, loadAverage, writeResult } from './harness.mjs';

const RUNS = 10;

if (!chromiumAvailable()) {
    console.error(`bench startup: ${CHROMIUM} is not installed; nothing measured.`);
    process.exit(1);
}
if (!isBuildFresh()) {
    console.error('bench startup: building the console…');
    await buildConsole();
}

/**
 * Installed before any page script: records performance.now() (ms since navigation start) the first time the
 * console shows the agent's state with skills loaded. Checked on every DOM change and every frame.
 */
function watchReady() {
    const query = Document.prototype.querySelector;
    const textOf = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
    const check = () => {
        if (window.__pcReadyAt !== undefined) return;
        const service = window.__pcLocal?.bench.service();
        const state = service?.getState();
        if (!state || state.connection.status !== 'Connected' || state.skills.length === 0) return;
        const shown = query.call(document, '[data-id="state"]');
        if (!shown || !textOf.call(shown).trim()) return;
        window.__pcReadyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    const frame = () => {
        check();
        if (window.__pcReadyAt === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
}

const round1 = (n) => Math.round(n * 10) / 10;

async function readyAt(page) {
    await page.waitForFunction(() => window.__pcReadyAt !== undefined, null, { timeout: 20_000 });
    return page.evaluate(() => window.__pcReadyAt);
}

// The bundles are measured on the built .js; build it when it is missing.
let bundles;
try {
    bundles = await measureBundles();
} catch {
    spawnSync('node_modules/.bin/tsc -p tsconfig.build.json', { shell: true, stdio: 'inherit' });
    bundles = await measureBundles();
}

const server = await startServer({ port: 0 });
const browser = await launch();
const cold = [];
const warm = [];
try {
    const url = `${server.url}?seed=7&lines=3&speed=paused`;
    for (let i = 0; i < RUNS; i += 1) {
        const context = await browser.newContext();
        await context.addInitScript(watchReady);
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        cold.push(await readyAt(page));
        await context.close();
    }
    const context = await browser.newContext();
    await context.addInitScript(watchReady);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await readyAt(page);
    for (let i = 0; i < RUNS; i += 1) {
        await page.reload({ waitUntil: 'load' });
        warm.push(await readyAt(page));
    }
    await context.close();
} finally {
    await browser.close();
    await server.close();
}

const perBundle = Object.fromEntries(
    Object.entries(bundles.perBundle)
        .sort((a, b) => b[1].gzipBytes - a[1].gzipBytes)
        .map(([name, s]) => [name, { minifiedBytes: s.minifiedBytes, gzipBytes: s.gzipBytes }])
);
const result = {
    coldMs: round1(median(cold)),
    warmMs: round1(median(warm)),
    jsMinifiedBytes: bundles.total.minifiedBytes,
    jsGzipBytes: bundles.total.gzipBytes,
    budgetGzipBytes: BUDGET.totalGzipBytes,
    budgetBundleGzipBytes: BUDGET.bundleGzipBytes,
    overBudget: overBudget(bundles),
    perBundle
};
console.error(
    `bench startup: cold ${cold.map(round1).join(', ')} ms; warm ${warm.map(round1).join(', ')} ms; ` +
        `load average ${loadAverage()}`
);
writeResult('bench-startup', result);
console.log(JSON.stringify(result));
