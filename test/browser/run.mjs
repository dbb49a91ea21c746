// Runs the browser suite: builds the console once (or reuses a fresh build), serves it on 127.0.0.1,
// launches Debian chromium once, runs every test file's tests in a fresh context each, and writes
// test-results/browser.json. Without /usr/bin/chromium every test counts as skipped, never as passed.
// Usage: node test/browser/run.mjs [substring of test names to run, any case]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildConsole, DIST, isBuildFresh } from '../../local/build.mjs';
import { startServer } from '../../local/server.mjs';
import { chromiumAvailable, CHROMIUM, launch } from './harness.mjs';
import { makeContext, registered } from './suite.mjs';

const RESULTS = 'test-results';
const filter = process.argv[2] ?? '';
const dir = 'test/browser';

for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()) {
    await import(pathToFileURL(join(process.cwd(), dir, file)).href);
}
const tests = registered.filter((t) => t.name.toLowerCase().includes(filter.toLowerCase()));
const counts = { passed: 0, failed: 0, skipped: 0 };
mkdirSync(RESULTS, { recursive: true });
const report = () => writeFileSync(join(RESULTS, 'browser.json'), `${JSON.stringify(counts)}\n`);

if (!chromiumAvailable()) {
    counts.skipped = tests.length;
    report();
    console.log(
        `Browser tests SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium). ${tests.length} skipped.`
    );
    process.exit(0);
}

if (!isBuildFresh()) {
    console.log('Building the console…');
    const { ms } = await buildConsole();
    console.log(`Built in ${(ms / 1000).toFixed(1)} s.`);
}
// The tests serve their own copy of the bundle: `npm start` or `npm run bench` beside them rebuild local/dist
// (removed, then written again) whenever a source changes, and a page loaded meanwhile never gets ready.
const snapshot = mkdtempSync(join(tmpdir(), 'pc-browser-dist-'));
cpSync(DIST, snapshot, { recursive: true });
if (!existsSync(join(snapshot, 'main.js'))) throw new Error(`${DIST} was rebuilt while it was copied; run again`);
const server = await startServer({ port: 0, dist: snapshot });
const browser = await launch();
const failures = [];
/**
 * Runs one test in a fresh browser context (its own storage, BroadcastChannel and Web Locks), so tests never see
 * each other; CXone-mode tests start their own fake server.
 */
async function runOne(t) {
    const started = Date.now();
    const context = await browser.newContext(t.viewport);
    const page = await context.newPage();
    const ctx = makeContext(page, server.url, t.viewport);
    let timer;
    try {
        await Promise.race([
            t.fn(ctx),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
            })
        ]);
        if (ctx.pageErrors.length) throw new Error(`page errors: ${ctx.pageErrors.join(' | ')}`);
        counts.passed += 1;
        console.log(`  ✓ ${t.name} (${Date.now() - started} ms; open ${ctx.spent.open}, axe ${ctx.spent.axe})`);
    } catch (e) {
        counts.failed += 1;
        failures.push({ name: t.name, error: e });
        console.log(
            `  ✗ ${t.name} (${Date.now() - started} ms)\n      ${String(e.message).split('\n').join('\n      ')}`
        );
        await page.screenshot({ path: join(RESULTS, `browser-failure-${failures.length}.png`) }).catch(() => undefined);
    } finally {
        clearTimeout(timer);
        await context.close().catch(() => undefined);
    }
}
// Most of a browser test is waiting on the console's real-time clock, not computing: two run at once by default
// (PC_BROWSER_WORKERS sets it; 1 runs them one by one, in file order).
const workers = Math.max(1, Number.parseInt(process.env.PC_BROWSER_WORKERS ?? '2', 10) || 1);
const queue = [...tests];
try {
    await Promise.all(
        Array.from({ length: Math.min(workers, queue.length) }, async () => {
            for (let t = queue.shift(); t; t = queue.shift()) await runOne(t);
        })
    );
} finally {
    await browser.close();
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
}
report();
console.log(`\nBrowser tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed || counts.passed === 0 ? 1 : 0;
