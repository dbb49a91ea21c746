// `npm run bench` part "console": measured in headless chromium on the local console.
// - eventToDomP50Ms / eventToDomP95Ms: from the simulated dialer emitting a callUpdated event (performance.now()
//   in the dialer's own emit, before the service sees it) to a MutationObserver seeing the call's new status
//   text in the console, while three lines are busy (lines=3, preview off).
// - attemptsRenderMs: median time to render an Attempts History of 20 destinations x 25 attempts (500 attempts)
//   into the DOM, layout included.
// Writes test-results/bench-console.json. Targets: p95 <= 4 ms, attempts <= 30 ms (reported, not asserted).
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { buildConsole, DIST, isBuildFresh } from '../../local/build.mjs';
import { startServer } from '../../local/server.mjs';
import { chromiumAvailable, CHROMIUM, launch, loadAverage, writeResult } from './harness.mjs';
import { bundleOwners, bundlePlaces, functionsInWindows, splitWindows } from './bench-profile.mjs';
import { keepNativeDom } from './bench-dom.mjs';

const SAMPLES = 300;
/** Set to profile the event samples and say whose code their time went to, in µs per sample ("functions": and
 * which functions). */
const PROFILE = Boolean(process.env.PC_BENCH_PROFILE);
const MAP = join(DIST, 'main.js.map');
const RENDER_RUNS = 15;

if (!chromiumAvailable()) {
    console.error(`bench console: ${CHROMIUM} is not installed; nothing measured.`);
    process.exit(1);
}
if (PROFILE && !existsSync(MAP)) process.env.PC_SOURCEMAP = '1';
if (!isBuildFresh() || (PROFILE && !existsSync(MAP))) {
    console.error('bench console: building the console…');
    await buildConsole();
}

/** An Attempts History of `destinations` x `perDestination` attempts, with every column filled. */
function bigHistory(destinations, perDestination, now) {
    const outcomes = ['NoAnswer', 'Busy', 'AnsweringMachine', 'Refused', 'Live'];
    const reasons = [null, 'Exhausted', 'DNC', 'MaxAnsweringMachineDetections', 'Presented'];
    const dests = [];
    const attempts = [];
    for (let d = 0; d < destinations; d += 1) {
        const id = `dest-${d + 1}`;
        const description = d % 3 === 0 ? `PhoneNumber${d + 1}` : d % 3 === 1 ? `Mobile${d + 1}` : `Email${d + 1}`;
        const kind = d % 3 === 2 ? 'Email' : 'Phone';
        for (let a = 0; a < perDestination; a += 1) {
            attempts.push({
                number: a + 1,
                destinationId: id,
                destinationDescription: description,
                at: now - (perDestination - a) * 3_600_000 - d * 60_000,
                outcome: outcomes[(a + d) % outcomes.length]
            });
        }
        dests.push({
            id,
            kind,
            description,
            value: kind === 'Email' ? `contact${d + 1}@example.com` : `+1312555${String(1000 + d).padStart(4, '0')}`,
            attempts: perDestination,
            maxAttempts: 30,
            availableAt: d % 2 ? now + 3_600_000 : null,
            lastPresentation: now - 3_600_000,
            lastOutcome: outcomes[d % outcomes.length],
            unavailableReason: reasons[d % reasons.length],
            cadenceOrder: d
        });
    }
    attempts.sort((x, y) => x.at - y.at);
    return { recordId: 'rec-bench', destinations: dests, attempts };
}

function percentile(sorted, p) {
    if (!sorted.length) return NaN;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[i];
}

const round = (n) => Math.round(n * 1000) / 1000;

const server = await startServer({ port: 0 });
const browser = await launch();
let result;
try {
    // PC_BENCH_VIEWPORT=360x600 measures in a utility-bar panel (UB-1); the default is the 1280x800 console page.
    const size = /^(\d+)x(\d+)$/.exec(process.env.PC_BENCH_VIEWPORT ?? '');
    const context = await browser.newContext(size ? { width: Number(size[1]), height: Number(size[2]) } : undefined);
    // The browser's own observer, taken before any page script runs, sees every render (bench-dom.mjs).
    await context.addInitScript(keepNativeDom);
    // A cross-origin-isolated page gets performance.now() at 5 µs instead of 100 µs: the floor is a few tenths of a
    // millisecond, so at 100 µs its p95 (and the ratio over it) would move by a whole tick.
    await context.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({
            response,
            headers: {
                ...response.headers(),
                'cross-origin-opener-policy': 'same-origin',
                'cross-origin-embedder-policy': 'require-corp'
            }
        });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?seed=7&lines=3&preview=off&speed=paused`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__pcLocal?.ready === true, null, { timeout: 10_000 });
    if (!(await page.evaluate(() => window.crossOriginIsolated)))
        throw new Error('the page is not cross-origin isolated');

    const cdp = PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
        await cdp.send('Profiler.start');
    }
    const events = await page.evaluate(async (wanted) => {
        const bench = window.__pcLocal.bench;
        const service = bench.service();
        const settle = () => new Promise((r) => setTimeout(r, 0));
        for (let i = 0; i < 50 && service.getState().connection.status !== 'Connected'; i += 1) await settle();
        const skill = service.getState().skills.find((s) => s.isPersonalConnection);
        if (!skill) throw new Error('no Personal Connection skill to log into');
        await service.loginToSkill(skill.id);
        const root = document.getElementById('console');
        // A mark a profile can be lined up by (PC_BENCH_PROFILE): samples come in the profiler's time.
        const alignAt = performance.now();
        (function pcBenchAlign() {
            while (performance.now() < alignAt + 2);
        })();
        const samples = [];
        // Each sample's hops: the dialer's emit, the console's listener done (the service handled the event and
        // the console took the snapshot), the task's synchronous work done, the new status seen in the DOM.
        const hops = [];
        const windows = [];
        let hop = null;
        let pending = null;
        let steps = 0;
        bench.onDialerEvent = (type, payload, at) => {
            // Only status changes of an agent's set of three busy lines count.
            if (type !== 'callUpdated' || pending) return;
            const calls = service.getState().calls;
            const known = calls.find((v) => v.call.id === payload.id);
            if (calls.length < 3 || !known || known.call.status === payload.status) return;
            pending = { at, status: payload.status };
            hop = { at, notified: 0, taskDone: 0 };
        };
        // Subscribed after the console, so it runs when the console's own listener is done.
        service.subscribe(() => {
            if (hop && !hop.notified) hop.notified = performance.now();
        });
        const native = window.__nativeDom;
        const observer = native.watchStatus(
            root,
            () => pending,
            (seen, shown) => {
                samples.push(seen - shown.at);
                windows.push([shown.at, seen]);
                if (hop?.notified && hop.taskDone) {
                    hops.push([hop.notified - hop.at, hop.taskDone - hop.notified, seen - hop.taskDone]);
                }
                hop = null;
                pending = null;
            }
        );

        // The platform floor, sampled in the same loop (so under the same load): a bare component's status text
        // changed at a timestamp, seen by the same kind of observer.
        const floorHost = document.createElement('div');
        document.body.appendChild(floorHost);
        const floor = bench.mountFloor(floorHost);
        const floorSamples = [];
        let floorPending = null;
        const floorObserver = native.watchStatus(
            floorHost,
            () => floorPending,
            (seen, shown) => {
                floorSamples.push(seen - shown.at);
                floorPending = null;
            }
        );
        const floorStatuses = ['Dialing', 'Ringing', 'Active', 'Held', 'Ended'];

        while (samples.length < wanted && steps < wanted * 40) {
            steps += 1;
            pending = null;
            bench.advance(250);
            if (hop && !hop.taskDone) hop.taskDone = performance.now();
            await settle();
            const status = `${floorStatuses[steps % floorStatuses.length]} ${steps}`;
            floorPending = { at: performance.now(), status };
            floor.status = status;
            await settle();
            // A live answer stops new dials while the agent talks: end and wrap it up so three lines dial again.
            for (const view of service.getState().calls) {
                if (view.call.status === 'Active' || view.call.status === 'Held') await service.endCall(view.call.id);
                if (view.call.status === 'Ended' && view.wrapUp && !view.wrapUp.saved) {
                    const disposition = service.getState().dispositions[0];
                    if (disposition) await service.saveDisposition(view.call.id, disposition.id, 'bench');
                }
            }
            await settle();
        }
        native.disconnect.call(observer);
        native.disconnect.call(floorObserver);
        floorHost.remove();
        bench.onDialerEvent = null;
        return { samples, steps, floorSamples, hops, windows, alignAt };
    }, SAMPLES);

    if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const split = splitWindows(profile, events.windows, events.alignAt, 'pcBenchAlign', bundleOwners(MAP));
        console.error(`bench console: whose code the event samples ran, µs per sample: ${JSON.stringify(split)}`);
        if (process.env.PC_BENCH_PROFILE === 'functions') {
            const top = functionsInWindows(profile, events.windows, events.alignAt, 'pcBenchAlign', bundlePlaces(MAP));
            console.error(`bench console: the functions they ran, self time per sample:\n  ${top.join('\n  ')}`);
        }
    }
    const now = Date.UTC(2026, 0, 5, 14);
    const history = bigHistory(20, 25, now);
    const renders = await page.evaluate(
        async ({ history, now, runs }) => {
            const bench = window.__pcLocal.bench;
            const times = [];
            let rows = 0;
            for (let i = 0; i < runs + 1; i += 1) {
                const host = document.createElement('div');
                document.body.appendChild(host);
                const started = performance.now();
                const element = bench.mountAttemptsHistory(host, history, now);
                // LWC renders on connect; reading layout makes the browser do style and layout now.
                void host.offsetHeight;
                const took = performance.now() - started;
                rows = (element.shadowRoot ?? element).querySelectorAll('[data-id="attempt"]').length;
                if (i > 0) times.push(took); // the first run also loads the icon templates
                host.remove();
                await new Promise((r) => setTimeout(r, 0));
            }
            return { times, rows };
        },
        { history, now, runs: RENDER_RUNS }
    );
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    if (renders.rows !== 500) throw new Error(`the Attempt Report showed ${renders.rows} attempts, not 500`);
    if (events.samples.length < 30) {
        throw new Error(`only ${events.samples.length} event samples in ${events.steps} steps`);
    }
    if (events.floorSamples.length < 30) throw new Error(`only ${events.floorSamples.length} floor samples`);
    const sorted = [...events.samples].sort((a, b) => a - b);
    const floorSorted = [...events.floorSamples].sort((a, b) => a - b);
    const floorP95 = percentile(floorSorted, 95);
    const renderSorted = [...renders.times].sort((a, b) => a - b);
    result = {
        eventToDomP50Ms: round(percentile(sorted, 50)),
        eventToDomP95Ms: round(percentile(sorted, 95)),
        floorP95Ms: round(floorP95),
        // The console's event->DOM p95 over the floor's, both from the same run: load moves both alike.
        floorRatio: Math.round((percentile(sorted, 95) / floorP95) * 100) / 100,
        attemptsRenderMs: round(percentile(renderSorted, 50))
    };
    // The median of each hop, in µs (hops of samples whose event came while the bench itself was sending a command
    // are left out: their task is not the clock's step).
    const hopP50 = [0, 1, 2].map((i) => {
        const sortedHop = events.hops.map((h) => h[i]).sort((a, b) => a - b);
        return Math.round(percentile(sortedHop, 50) * 1000);
    });
    result.hopsP50Us = { serviceAndConsole: hopP50[0], restOfTask: hopP50[1], render: hopP50[2] };
    const spread = [50, 75, 90, 95, 99].map((q) => `p${q} ${round(percentile(sorted, q))}`).join(', ');
    console.error(
        `bench console: ${sorted.length} event samples (${spread}, max ${round(sorted[sorted.length - 1])} ms), ` +
            `floor ${floorSorted.length} samples (p50 ${round(percentile(floorSorted, 50))}, p95 ${round(floorP95)} ms), ` +
            `attempts render runs ${renderSorted.map(round).join(', ')} ms; ` +
            // Figures on a shared machine vary with its load; the load average says how busy it was.
            `load average ${loadAverage()}`
    );
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
writeResult('bench-console', result);
console.log(JSON.stringify(result));
