// `npm run bench`: runs each benchmark part, each of which writes test-results/bench-<part>.json,
// and prints, last, one JSON line with every part's figures: {"engine": {...}, "console": {...}, ...}, with the
// load average of the machine at the end (figures on a shared machine move with its load).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const RESULTS = 'test-results';
/** Each part: a name (the key in the JSON line) and the command that measures it. */
export const PARTS = [
    // An 8-hour shift on three lines through the real service on the simulated dialer (virtual time).
    {
        name: 'engine',
        cmd: 'node node_modules/.bin/jest --config test/bench/jest.bench.config.js --runInBand --silent engine.bench'
    },
    // Dialer event to DOM, three lines busy, and a 20 x 25 Attempts History render, in headless chromium.
    // The same run also times a bare component's status text (the platform floor) and reports the ratio.
    { name: 'console', cmd: 'node test/browser/bench-console.mjs' },
    // Navigation to the console showing the agent's state and skills, cold and warm; the bytes the bundles ship.
    { name: 'startup', cmd: 'node test/browser/bench-startup.mjs' },
    // The local console through an 8-hour shift at 600x in headless chromium: heap, DOM, listeners, long tasks,
    // event->DOM at hour 1 and hour 8. It also writes part "org": gateway calls per start, attempt and pop.
    { name: 'shift', cmd: 'node test/browser/bench-shift.mjs' },
    { name: 'org', writtenBy: 'shift' },
    // CXone adapter on the fake server: twelve faults, commands lost/duplicated, polls in flight, first reconnect.
    { name: 'cxone', cmd: 'node node_modules/.bin/jest --config test/bench/jest.bench.config.js --silent cxone.bench' }
];

mkdirSync(RESULTS, { recursive: true });
const line = {};
let failed = false;
for (const part of PARTS) {
    const file = join(RESULTS, `bench-${part.name}.json`);
    if (part.writtenBy) {
        // Measured by an earlier part's run; only read here.
        line[part.name] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { error: `no ${file}` };
        if (!existsSync(file)) failed = true;
        continue;
    }
    rmSync(file, { force: true });
    // A part that also writes others' files: clear them too, so a failed run leaves no stale figures.
    for (const other of PARTS.filter((p) => p.writtenBy === part.name)) {
        rmSync(join(RESULTS, `bench-${other.name}.json`), { force: true });
    }
    console.error(`▶ bench ${part.name}: ${part.cmd}`);
    const run = spawnSync(part.cmd, { shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0 || !existsSync(file)) {
        failed = true;
        line[part.name] = { error: `exit ${run.status}` };
        continue;
    }
    line[part.name] = JSON.parse(readFileSync(file, 'utf8'));
}
line.loadAverage = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(JSON.stringify(line));
process.exitCode = failed ? 1 : 0;
