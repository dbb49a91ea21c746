// `npm run bench` parts "shift" and "org": the local console in headless chromium through a simulated 8-hour
// shift on three lines (preview off) at 600x, the fastest speed the local simulator offers, with the agent's
// actions scripted through the console service (what the console's buttons call): answered calls are held for
// half a minute, talked for two minutes, ended and wrapped up with a disposition and notes.
// At hour 1 and hour 8 the agent goes Unavailable, the calls in progress finish, and with the console quiet
// the bench takes: the JS heap after a full GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage), DOM
// nodes and JS event listeners (CDP Memory.getDOMCounters). Over the whole shift: the longest task
// (PerformanceObserver "longtask", which reports tasks over 50 ms; 0 when there was none) and the dialer
// event to DOM time (as bench-console measures it) at the end of hour 1 and of hour 8.
// "org": gateway calls (Apex requests in an org) counted by a wrapper at the local composition root: at console
// start, and over the shift per finished attempt and per screen pop.
// Writes test-results/bench-shift.json and test-results/bench-org.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole, DIST, isBuildFresh } from '../../local/build.mjs';
import { startServer } from '../../local/server.mjs';
import { chromiumAvailable, CHROMIUM, launch, loadAverage, writeResult } from './harness.mjs';
import { beforePage, quiesce, resume, sampleEvents, startShift } from './bench-shift-page.mjs';
import { attributeLongTasks, bundleOwners } from './bench-profile.mjs';
import { keepNativeDom } from './bench-dom.mjs';

const HOUR = 3_600_000;
const SPEED = 600;
const EVENT_SAMPLES = 200;
/**
 * SOQL queries and DML statements of each Apex method at its worst case, as PersonalConnectionLimitsTest asserts
 * them in an org (keep the two in step).
 */
const APEX_COST = {
    getSettings: { soql: 0, dml: 0 },
    findContact: { soql: 3, dml: 0 },
    getContactHistory: { soql: 1, dml: 0 },
    logAttempt: { soql: 2, dml: 1 }
};
/** A folder to write a heap snapshot into at each checkpoint (to find what grows), or unset. */
const SNAPSHOTS = process.env.PC_BENCH_SNAPSHOTS;
/** Set (to anything) to take a CPU profile of hour 1 and say what ran in its longest stretches (long tasks). */
const PROFILE = Boolean(process.env.PC_BENCH_PROFILE);

/**
 * The longest stretches of a CPU profile where the renderer ran without a break (samples not idle, no gap between
 * them over 4 ms), each with the functions that took most of it: what a long task was made of. A long task with no
 * such stretch as long was the renderer waiting for a core, not running.
 */
function longestStretches(profile, count = 5) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const name = (id) => {
        const f = nodes.get(id).callFrame;
        return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    };
    const stretches = [];
    let current = null;
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
        const delta = profile.timeDeltas[i] ?? 0;
        at += delta;
        const idle = nodes.get(id).callFrame.functionName === '(idle)';
        if (idle || delta > 4000) {
            if (current) stretches.push(current);
            current = null;
        }
        if (idle) return;
        current ??= { startUs: at, us: 0, self: new Map() };
        const step = Math.min(delta, 4000);
        current.us += step;
        current.self.set(name(id), (current.self.get(name(id)) ?? 0) + step);
    });
    if (current) stretches.push(current);
    return stretches
        .sort((a, b) => b.us - a.us)
        .slice(0, count)
        .map((s) => ({
            ms: round(s.us / 1000, 1),
            top: [...s.self]
                .sort((a, b) => b[1] - a[1])
                .slice(0, 5)
                .map(([fn, us]) => `${fn} ${round(us / 1000, 1)} ms`)
        }));
}

/** Writes a heap snapshot through CDP into file. */
async function writeSnapshot(cdp, file) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    const chunks = [];
    const onChunk = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    writeFileSync(file, chunks.join(''));
}

if (!chromiumAvailable()) {
    console.error(`bench shift: ${CHROMIUM} is not installed; nothing measured.`);
    process.exit(1);
}
// The profile names whose code ran from the bundle's source map: a profiled run builds with one.
const MAP = join(DIST, 'main.js.map');
if (PROFILE && !existsSync(MAP)) process.env.PC_SOURCEMAP = '1';
if (!isBuildFresh() || (PROFILE && !existsSync(MAP))) {
    console.error('bench shift: building the console…');
    await buildConsole();
}

function percentile(sorted, p) {
    if (!sorted.length) return NaN;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[i];
}
const round = (n, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({ port: 0 });
const browser = await launch();
const longTasks = [];
let alignAt = 0;
let shiftResult;
let orgResult;
const wallStarted = Date.now();
try {
    // PC_BENCH_VIEWPORT=360x600 runs the shift in a utility-bar panel (UB-1); the default is the 1280x800 page.
    const size = /^(\d+)x(\d+)$/.exec(process.env.PC_BENCH_VIEWPORT ?? '');
    const context = await browser.newContext(size ? { width: Number(size[1]), height: Number(size[2]) } : undefined);
    await context.addInitScript(keepNativeDom);
    await context.addInitScript(beforePage);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?seed=7&lines=3&preview=off&speed=paused`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__pcLocal?.ready === true, null, { timeout: 15_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    const checkpoint = async (hours) => {
        // Long tasks are counted while the shift runs; the checkpoint's own work (a forced GC) is not the console's.
        longTasks.push(...(await page.evaluate(() => window.__longTasks.splice(0))));
        const { samples, steps } = await page.evaluate(sampleEvents, EVENT_SAMPLES);
        const quiet = await page.evaluate(quiesce);
        if (quiet.calls !== 0) throw new Error(`${quiet.calls} calls still shown at a checkpoint`);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await cdp.send('Runtime.getHeapUsage');
        if (SNAPSHOTS) await writeSnapshot(cdp, join(SNAPSHOTS, `shift-hour-${Math.round(hours)}.heapsnapshot`));
        const counters = await cdp.send('Memory.getDOMCounters');
        // Nodes in the document (the browser's own tree walk: synthetic shadow patches childNodes, not this);
        // what the counters hold beyond them is detached, kept alive by something.
        const attached = await page.evaluate(() => {
            const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
            let n = 1;
            while (walker.nextNode()) n += 1;
            return n;
        });
        const hour = await page.evaluate(() => (window.__pcLocal.bench.now() - window.__pcShift.startedAt) / 3_600_000);
        // The checkpoint's own long tasks (the forced GCs, the tree walk) are dropped, not counted as the console's.
        await page.evaluate(() => window.__longTasks.splice(0));
        return {
            hour: round(hour, 2),
            heapBytes: heap.usedSize,
            domNodes: counters.nodes,
            attachedNodes: attached,
            listeners: counters.jsEventListeners,
            documents: counters.documents,
            samples: samples.sort((a, b) => a - b),
            steps
        };
    };
    const runUntil = async (hours) => {
        for (;;) {
            const at = await page.evaluate(
                () => (window.__pcLocal.bench.now() - window.__pcShift.startedAt) / 3_600_000
            );
            if (at >= hours) return;
            if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
            await sleep(Math.max(20, Math.min(1000, ((hours - at) * HOUR) / SPEED / 2)));
        }
    };

    if (PROFILE) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
        await cdp.send('Profiler.start');
        // A mark the profile can be lined up by: long tasks come in the page's time, samples in the profiler's.
        alignAt = await page.evaluate(() => {
            const at = performance.now();
            (function pcBenchAlign() {
                while (performance.now() < at + 5);
            })();
            return at;
        });
    }
    await page.evaluate(startShift);
    await runUntil(1);
    if (PROFILE) {
        const { profile } = await cdp.send('Profiler.stop');
        const hour1Tasks = await page.evaluate(() => window.__longTasks.slice());
        const gaps = profile.timeDeltas.filter((d) => d > 50_000).map((d) => round(d / 1000, 1));
        console.error(
            `bench shift: hour 1 profile, longest stretches run: ${JSON.stringify(longestStretches(profile))}; ` +
                `gaps over 50 ms with no sample at all (renderer not scheduled): ${gaps.length} (${gaps.slice(0, 12).join(', ')} ms)`
        );
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
        let t = profile.startTime;
        const alignIndex = profile.samples.findIndex((id, i) => {
            t += profile.timeDeltas[i] ?? 0;
            return nodes.get(id).callFrame.functionName === 'pcBenchAlign';
        });
        console.error(`bench shift: ${hour1Tasks.length} long tasks in hour 1; profile lined up: ${alignIndex >= 0}`);
        if (alignIndex >= 0) {
            const split = attributeLongTasks(profile, hour1Tasks, t - alignAt * 1000, bundleOwners(MAP));
            console.error(`bench shift: hour 1's longest tasks, what ran in them (ms): ${JSON.stringify(split)}`);
        }
    }
    const hour1 = await checkpoint(1);
    await page.evaluate(resume);
    await runUntil(8);
    const hour8 = await checkpoint(8);
    const data = await page.evaluate(() => {
        clearInterval(window.__pcShift.timer);
        const s = window.__pcShift;
        return {
            attempts: s.attempts,
            pops: s.pops,
            startCalls: s.startCalls,
            calls: window.__pcLocal.bench.gatewayCalls()
        };
    });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);

    const first = hour1.samples;
    const last = hour8.samples;
    if (first.length < 30 || last.length < 30) {
        throw new Error(`too few event samples: ${first.length} in hour 1, ${last.length} in hour 8`);
    }
    const p95First = percentile(first, 95);
    const p95Last = percentile(last, 95);
    shiftResult = {
        hours: 8,
        speed: SPEED,
        attempts: data.attempts,
        heapHour1Bytes: hour1.heapBytes,
        heapHour8Bytes: hour8.heapBytes,
        heapGrowthMB: round((hour8.heapBytes - hour1.heapBytes) / 1024 / 1024, 2),
        domNodesHour1: hour1.domNodes,
        domNodesHour8: hour8.domNodes,
        domGrowthPct: round(((hour8.domNodes - hour1.domNodes) / hour1.domNodes) * 100, 1),
        detachedNodesHour1: hour1.domNodes - hour1.attachedNodes,
        detachedNodesHour8: hour8.domNodes - hour8.attachedNodes,
        listenersHour1: hour1.listeners,
        listenersHour8: hour8.listeners,
        longestTaskMs: round(Math.max(0, ...longTasks.map((task) => task.ms)), 1),
        longTasks: longTasks.length,
        // The medians too: with a few hundred samples on a loaded machine, a p95 moves with the load alone.
        eventToDomP50Hour1Ms: round(percentile(first, 50)),
        eventToDomP50Hour8Ms: round(percentile(last, 50)),
        eventToDomP95Hour1Ms: round(p95First),
        eventToDomP95Hour8Ms: round(p95Last),
        eventToDomRatio: round(p95Last / p95First, 2),
        wallSeconds: Math.round((Date.now() - wallStarted) / 1000)
    };
    const per = (n, d) => (d > 0 ? round(n / d, 2) : null);
    const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
    const shiftCalls = Object.fromEntries(
        Object.entries(data.calls).map(([k, v]) => [k, v - (data.startCalls[k] ?? 0)])
    );
    // Each pop looks its contact up once (findContact), then reads its history when one was found; the other
    // lookups find the contact to link an unanswered attempt's Task to.
    const lookups = shiftCalls.findContact ?? 0;
    const histories = shiftCalls.getContactHistory ?? 0;
    const logs = shiftCalls.logAttempt ?? 0;
    const soql =
        lookups * APEX_COST.findContact.soql +
        histories * APEX_COST.getContactHistory.soql +
        logs * APEX_COST.logAttempt.soql;
    const dml = logs * APEX_COST.logAttempt.dml;
    orgResult = {
        startApexCalls: total(data.startCalls),
        startByMethod: data.startCalls,
        shiftByMethod: shiftCalls,
        attempts: data.attempts,
        screenPops: data.pops,
        apexCallsPerAttempt: per(total(shiftCalls), data.attempts),
        logAttemptPerAttempt: per(logs, data.attempts),
        apexCallsPerScreenPop: per(data.pops + histories, data.pops),
        // Worst case per request, as PersonalConnectionLimitsTest asserts them.
        soqlPerAttemptMax: per(soql, data.attempts),
        dmlPerAttemptMax: per(dml, data.attempts),
        soqlPerRequestMax: Math.max(...Object.values(APEX_COST).map((c) => c.soql)),
        dmlPerRequestMax: Math.max(...Object.values(APEX_COST).map((c) => c.dml))
    };
    console.error(
        `bench shift: hour 1 ${JSON.stringify({ ...hour1, samples: undefined })}, ` +
            `hour 8 ${JSON.stringify({ ...hour8, samples: undefined })}; ` +
            `${first.length} / ${last.length} event samples; long tasks ${longTasks.map((task) => round(task.ms, 1)).join(', ') || 'none'}; ` +
            `load average ${loadAverage()}`
    );
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
writeResult('bench-shift', shiftResult);
writeResult('bench-org', orgResult);
console.log(JSON.stringify({ shift: shiftResult, org: orgResult }));
