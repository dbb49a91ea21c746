// Starts the project's CXone fake (test/cxone/fakeCxoneServer.ts) beside the local console, on 127.0.0.1 and a free
// port, with its dialer clock following real time, for `npm start -- --dialer cxone` and the CXone-mode browser
// tests. The panel's dialer clock paces what the fake does by itself (Paused, 1x, 10x, 60x, Advance): its pending
// timers move, its clock does not, so every time it reports stays the browser's, as a real CXone's would. Node 20 runs JavaScript only, so the fake's files are transpiled with the project's TypeScript into the cache.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { HOSTILE } from './cxoneHostile.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CXONE = join(ROOT, 'test/cxone');
/** The fake's face and its parts (test/cxone/fake/), each transpiled beside the others. */
const SOURCES = ['fakeCxoneServer.ts', ...readdirSync(join(CXONE, 'fake')).map((f) => `fake/${f}`)].filter((f) =>
    f.endsWith('.ts')
);
const OUT = join(ROOT, 'node_modules/.cache/pc-cxone-fake');
const COMPILED = join(OUT, 'fakeCxoneServer.mjs');
/** How often the fake's dialer clock catches up with real time. */
const TICK_MS = 200;

function compile() {
    const newest = Math.max(...SOURCES.map((f) => statSync(join(CXONE, f)).mtimeMs));
    if (existsSync(COMPILED) && statSync(COMPILED).mtimeMs >= newest) return;
    mkdirSync(join(OUT, 'fake'), { recursive: true });
    // Their only other import is type-only (the contract harness), so each file transpiles alone; relative
    // imports get the .mjs the transpiled files are written under. The face is written last: it is the stamp.
    for (const file of [...SOURCES.slice(1), SOURCES[0]]) {
        const source = join(CXONE, file);
        const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
            compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
            fileName: source
        });
        const linked = outputText.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, '$1$2.mjs$3');
        writeFileSync(join(OUT, file.replace(/\.ts$/, '.mjs')), linked);
    }
}

/** The outcomes the fake can force on the next dial (the contract harness's ForcedOutcome). */
const OUTCOMES = ['Live', 'AnsweringMachine', 'Fax', 'BadNumber', 'NoAnswer', 'Busy'];

/** The paces of the fake's dialer the panel offers (0 = paused), as the simulated dialer's speeds. */
const SPEEDS = [0, 1, 10, 60];

/** The longest single Advance the control route takes (an hour of dialer time). */
const MAX_ADVANCE_MS = 3_600_000;

/** Reads a request's body as JSON; null when it is not JSON. */
async function readJson(req) {
    let text = '';
    for await (const chunk of req) text += chunk;
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

/**
 * The Dialer simulator panel's control route, on its own loopback port so the fake's CXone API stays exactly
 * CXone's: GET /catalog (the hostile payloads' and faults' names), POST /raw (one event object, queued as-is),
 * POST /hostile, POST /fault and POST /outcome ({ name }). Everything lands in the fake's next poll answer, so the adapter meets
 * it at its boundary as it would a real one. POST /clock ({ speed }) and POST /advance ({ ms }) pace the fake's dialer.
 */
function startControl(fake, faults, clock) {
    const server = createServer((req, res) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        const answer = (status, body) => {
            res.writeHead(status, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify(body));
        };
        if (req.method === 'OPTIONS') return answer(204, {});
        const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        if (req.method === 'GET' && path === '/catalog') {
            return answer(200, {
                hostile: HOSTILE.map(([name]) => name),
                faults,
                outcomes: OUTCOMES,
                speeds: SPEEDS,
                speed: clock.speed()
            });
        }
        if (req.method !== 'POST') return answer(404, { error: 'unknown route' });
        void readJson(req).then(async (body) => {
            try {
                if (path === '/raw') {
                    if (typeof body !== 'object' || body === null) return answer(400, { error: 'not a JSON object' });
                    fake.pushRaw(body);
                    return answer(200, { queued: 'event' });
                }
                if (path === '/clock') {
                    if (!SPEEDS.includes(body?.speed))
                        return answer(400, { error: `speed is one of ${SPEEDS.join(', ')}` });
                    clock.setSpeed(body.speed);
                    return answer(200, { speed: body.speed });
                }
                if (path === '/advance') {
                    const ms = body?.ms;
                    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
                        return answer(400, { error: `ms is a whole number from 0 to ${MAX_ADVANCE_MS}` });
                    }
                    await clock.advance(ms);
                    return answer(200, { advanced: ms });
                }
                const name = typeof body?.name === 'string' ? body.name : '';
                if (path === '/hostile') {
                    const entry = HOSTILE.find(([n]) => n === name);
                    if (!entry) return answer(400, { error: `no hostile payload named ${name}` });
                    await entry[1](fake);
                    return answer(200, { queued: name });
                }
                if (path === '/fault') {
                    if (!faults.includes(name)) return answer(400, { error: `no fault named ${name}` });
                    const command = /^next command: (\w+)$/.exec(name);
                    if (command) fake.injectCommandFault(command[1], /./);
                    else await fake.inject(name);
                    return answer(200, { queued: name });
                }
                if (path === '/outcome') {
                    if (!OUTCOMES.includes(name)) return answer(400, { error: `no outcome named ${name}` });
                    await fake.forceNextOutcome(name);
                    return answer(200, { queued: name });
                }
                return answer(404, { error: 'unknown route' });
            } catch (e) {
                return answer(500, { error: String(e?.message ?? e) });
            }
        });
    });
    return new Promise((resolveStart) => {
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            resolveStart({
                uri: `http://127.0.0.1:${port}`,
                close: () => {
                    server.closeAllConnections();
                    return new Promise((r) => server.close(() => r()));
                }
            });
        });
    });
}

/**
 * Starts the fake. Resolves with it (its `baseUri`, `authorizeEndpoint`, `tokenEndpoint`, fault switches), the
 * panel's `controlUri`, the dialer clock's `setSpeed(speed)` and `advance(ms)`, and a `stop()` that ends the clock
 * and both servers.
 */
export async function startCxoneFake() {
    compile();
    const { FakeCxoneServer, FAULTS, COMMAND_FAULTS } = await import(pathToFileURL(COMPILED).href);
    const fake = await FakeCxoneServer.start();
    const faults = [...FAULTS, ...COMMAND_FAULTS.map((kind) => `next command: ${kind}`)];
    let speed = 1;
    let last = Date.now();
    let busy = Promise.resolve();
    /** Runs one step of the clock after the one before it: a tick never overlaps an Advance. */
    const step = (fn) => {
        busy = busy.then(fn, fn);
        return busy;
    };
    /**
     * Lets `ms` of the dialer's own time pass without moving its clock: each timer due within it runs now, in
     * order, and what it schedules counts from there, so a dial, its ring and its answer follow one another.
     */
    const fastForward = async (ms) => {
        let left = ms;
        for (let guard = 0; guard < 10_000; guard += 1) {
            const next = fake.nextTimerIn();
            if (next === null || next > left) break;
            fake.shiftTimers(-next);
            left -= next;
            // One due timer at a time: what it schedules is measured from this point of the dialer's time.
            await fake.advance(0);
        }
        fake.shiftTimers(-left);
    };
    const tick = () =>
        step(async () => {
            const now = Date.now();
            const elapsed = now - last;
            last = now;
            // The clock follows real time; the dialer's own timers run at the chosen pace (none while paused).
            if (speed === 0) fake.shiftTimers(elapsed);
            else if (speed > 1) await fastForward((speed - 1) * elapsed);
            await fake.advance(elapsed);
        });
    const clock = {
        speed: () => speed,
        setSpeed: (next) =>
            tick().then(() => {
                speed = next;
            }),
        advance: (ms) => tick().then(() => fastForward(ms))
    };
    const control = await startControl(fake, faults, clock);
    let ticking = false;
    const timer = setInterval(() => {
        if (ticking) return;
        ticking = true;
        tick()
            .catch(() => undefined)
            .finally(() => {
                ticking = false;
            });
    }, TICK_MS);
    return {
        fake,
        controlUri: control.uri,
        setSpeed: clock.setSpeed,
        advance: clock.advance,
        stop: async () => {
            clearInterval(timer);
            control.close().catch(() => undefined);
            await fake.stop();
        }
    };
}
