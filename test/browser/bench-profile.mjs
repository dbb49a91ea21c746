// What a long task was made of, for the shift bench's PC_BENCH_PROFILE run: each long task the page reported
// (PerformanceObserver "longtask") is laid over the CPU profile of the same stretch, and its time is split into
// what ran, by whose code (the console's own components and service, the LWC engine, base components, the local
// simulated world, the bench's scripted agent, the browser itself, GC), and the time with no sample at all
// (`noSamplesMs`: the renderer, or the profiler's sampling thread, was waiting for a core; on a loaded machine a
// task's wall time includes that wait).
import { existsSync, readFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's mappings into, per generated line, [column, source index, source line] triples. */
function decodeLines(mappings) {
    const lines = [];
    let source = 0;
    let sourceLine = 0;
    for (const line of mappings.split(';')) {
        const segments = [];
        let column = 0;
        for (const segment of line.split(',')) {
            if (!segment) continue;
            const fields = [];
            let value = 0;
            let shift = 0;
            for (const ch of segment) {
                const digit = B64.indexOf(ch);
                value += (digit & 31) << shift;
                if (digit & 32) {
                    shift += 5;
                } else {
                    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
                    value = 0;
                    shift = 0;
                }
            }
            column += fields[0] ?? 0;
            if (fields.length >= 4) {
                source += fields[1];
                sourceLine += fields[2];
                segments.push([column, source, sourceLine]);
            }
        }
        lines.push(segments);
    }
    return lines;
}

/**
 * Who wrote the code at a place in the bundle, from its source map (the local build with PC_SOURCEMAP=1), or null
 * without one.
 */
export function bundleOwners(mapFile) {
    const places = bundlePlaces(mapFile);
    return places && ((line, column) => places(line, column)?.owner ?? null);
}

/**
 * Where a place in the bundle came from: its owner (as bundleOwners) and `file:line` in the source, or null without
 * a source map.
 */
export function bundlePlaces(mapFile) {
    if (!existsSync(mapFile)) return null;
    const map = JSON.parse(readFileSync(mapFile, 'utf8'));
    const lines = decodeLines(map.mappings);
    return (line, column) => {
        const segments = lines[line];
        if (!segments?.length) return null;
        let found = segments[0];
        for (const segment of segments) {
            if (segment[0] > column) break;
            found = segment;
        }
        const source = map.sources[found[1]] ?? '';
        return { owner: ownerOf(source), where: `${source.split('/').pop()}:${found[2] + 1}` };
    };
}

/** A source path as the part of the page it belongs to. */
function ownerOf(path) {
    const lwc = /force-app\/main\/default\/lwc\/([^/]+)\//.exec(path);
    if (lwc) {
        const bundle = lwc[1];
        if (bundle === 'pcMemoryGateway') return 'in-memory org (local)';
        if (bundle === 'pcSimDialer' || bundle === 'pcVirtualClock') return 'simulated dialer (local)';
        return `console: ${bundle}`;
    }
    if (path.includes('@lwc/')) return 'LWC engine';
    if (path.includes('lightning-base-components') || path.includes('/lightning/')) return 'base components';
    if (path.includes('local/')) return 'local page (simulator panels)';
    return 'other libraries';
}

const SPECIAL = {
    '(garbage collector)': 'GC',
    '(program)': 'browser (no JS on the stack)',
    '(idle)': 'idle',
    '(root)': 'browser (no JS on the stack)'
};

/**
 * Splits each long task over the profile. `tasks`: [{ start, ms }] in the page's performance.now() time;
 * `offsetUs`: profile time minus page time * 1000; `owners`: from bundleOwners. Returns the `count` longest.
 */
export function attributeLongTasks(profile, tasks, offsetUs, owners, count = 5) {
    const ownerOfSample = sampleOwners(profile, owners);
    const times = sampleTimes(profile);
    return [...tasks]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, count)
        .map((task) => {
            const from = task.start * 1000 + offsetUs;
            const to = from + task.ms * 1000;
            const { ran, by } = ranBetween(profile, times, ownerOfSample, from, to);
            return {
                ms: Math.round(task.ms),
                ranMs: roundMs(ran),
                noSamplesMs: roundMs(task.ms * 1000 - ran),
                by: Object.fromEntries([...by].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, roundMs(v)]))
            };
        });
}

/**
 * Whose code ran in the page's windows ([from, to] in performance.now() ms), in µs per window, the profile lined up
 * by the first sample in the page's function named `mark`; null when the mark was not sampled.
 */
export function splitWindows(profile, windows, markAt, mark, owners) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const times = sampleTimes(profile);
    const index = profile.samples.findIndex((id) => nodes.get(id).callFrame.functionName === mark);
    if (index < 0 || !windows.length) return null;
    const offsetUs = times[index] - markAt * 1000;
    const ownerOfSample = sampleOwners(profile, owners);
    const total = new Map();
    for (const [from, to] of windows) {
        const { by } = ranBetween(profile, times, ownerOfSample, from * 1000 + offsetUs, to * 1000 + offsetUs);
        for (const [k, v] of by) total.set(k, (total.get(k) ?? 0) + v);
    }
    return Object.fromEntries(
        [...total].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v / windows.length)])
    );
}

const roundMs = (us) => Math.round(us / 100) / 10;

function sampleTimes(profile) {
    const times = [];
    let at = profile.startTime;
    for (const d of profile.timeDeltas) times.push((at += d));
    return times;
}

/** The time the samples in [from, to) (profile µs) stand for, by owner; idle left out. */
function ranBetween(profile, times, ownerOfSample, from, to) {
    const by = new Map();
    let ran = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
        const t = times[i];
        if (t < from || t >= to) continue;
        // A sample stands for the time until the next one, unless the renderer stopped in between.
        const next = Math.min(times[i + 1] ?? to, to);
        const step = Math.min(next - t, 4000);
        const owner = ownerOfSample(profile.samples[i]);
        if (owner === 'idle') continue;
        ran += step;
        by.set(owner, (by.get(owner) ?? 0) + step);
    }
    return { ran, by };
}

/** A function from a sample's node id to the owner of the code it ran. */
function sampleOwners(profile, owners) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const cache = new Map();
    // A sample's owner: the innermost frame with an owner (a native call such as appendChild or setAttribute is
    // charged to the code that made it).
    const ownerOfSample = (id) => {
        if (cache.has(id)) return cache.get(id);
        let owner = null;
        for (let x = id; x !== undefined && !owner; x = parent.get(x)) {
            const f = nodes.get(x).callFrame;
            if (SPECIAL[f.functionName] && x === id) owner = SPECIAL[f.functionName];
            else if (f.url.endsWith('/main.js') && owners) owner = owners(f.lineNumber, f.columnNumber);
            else if (f.url.includes('/chunks/')) owner = 'base components';
            else if (!f.url && f.lineNumber >= 0 && f.functionName !== '(root)') owner = 'bench agent script';
        }
        owner ??= 'browser (native)';
        cache.set(id, owner);
        return owner;
    };
    return ownerOfSample;
}

/**
 * The functions the page ran in the windows (as splitWindows), by self time in µs per window, the `count` largest:
 * `owner › function (file:line)`. With PC_BENCH_PROFILE=functions, for finding what to make cheaper.
 */
export function functionsInWindows(profile, windows, markAt, mark, places, count = 30) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const times = sampleTimes(profile);
    const index = profile.samples.findIndex((id) => nodes.get(id).callFrame.functionName === mark);
    if (index < 0 || !windows.length) return null;
    const offsetUs = times[index] - markAt * 1000;
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const placeOf = (f) => (f.url.endsWith('/main.js') && places ? places(f.lineNumber, f.columnNumber) : null);
    const frameName = (f) => {
        const place = placeOf(f);
        return place
            ? `${place.owner} › ${f.functionName || '(anonymous)'} (${place.where})`
            : `${f.url.split('/').pop() || 'native'} › ${f.functionName || '(anonymous)'}`;
    };
    // A frame with no place of its own (a native call) is named with the nearest caller that has one.
    const nameOf = (id) => {
        const f = nodes.get(id).callFrame;
        if (SPECIAL[f.functionName]) return SPECIAL[f.functionName];
        if (placeOf(f)) return frameName(f);
        for (let x = parent.get(id); x !== undefined; x = parent.get(x)) {
            const caller = nodes.get(x).callFrame;
            if (placeOf(caller)) return `${frameName(f)} ← ${frameName(caller)}`;
        }
        return frameName(f);
    };
    const total = new Map();
    let w = 0;
    const sorted = [...windows].sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < profile.samples.length; i += 1) {
        const t = times[i] - offsetUs;
        while (w < sorted.length && sorted[w][1] * 1000 <= t) w += 1;
        if (w >= sorted.length) break;
        const [from, to] = sorted[w];
        if (t < from * 1000) continue;
        const step = Math.min((times[i + 1] ?? times[i]) - times[i], to * 1000 - t, 4000);
        const name = nameOf(profile.samples[i]);
        if (name === 'idle') continue;
        total.set(name, (total.get(name) ?? 0) + step);
    }
    return [...total]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([k, v]) => `${Math.round(v / windows.length)} µs  ${k}`);
}
