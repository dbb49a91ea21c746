// Mutation testing (`npm run test:mutation [module ...]`): StrykerJS over the logic that matters, one module at a
// time so each run stays within a CI step's time and two cores. Each module's mutants are tested by that module's
// own suites (a mutant only an unrelated suite happens to notice is a gap in the module's tests). Reports:
// test-results/mutation/<module>.json (mutation-testing-report-schema) and summary.json; runs are incremental, so
// a re-run after a small change tests only the mutants the change touched.
// Not part of `npm test`: a full run takes tens of minutes.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';

const LWC = 'force-app/main/default/lwc';
const OUT = 'test-results/mutation';

/** The modules under mutation: the files (or line ranges) mutated and the suites that must kill them. */
export const MODULES = {
    // The service (the store, its slices and the facade) runs in parts, a slice or a few small files each, so a part
    // that finished keeps its report if a later one is stopped.
    pcService: {
        mutate: [
            'store',
            'errors',
            'messages',
            'events',
            'pcService',
            'session',
            'agent',
            'preview',
            'reschedule',
            'calls',
            'callCommands',
            'screenPop',
            'attemptLog',
            'wrapUp'
        ].map((f) => `${LWC}/pcService/${f}.ts`),
        parts: [
            // The store, the error list, messages, the event wiring and the facade.
            ['store', 'errors', 'messages', 'events', 'pcService'].map((f) => `${LWC}/pcService/${f}.ts`),
            [`${LWC}/pcService/session.ts`],
            [`${LWC}/pcService/agent.ts`],
            [`${LWC}/pcService/preview.ts`, `${LWC}/pcService/reschedule.ts`],
            [`${LWC}/pcService/calls.ts`],
            [`${LWC}/pcService/callCommands.ts`],
            [`${LWC}/pcService/screenPop.ts`, `${LWC}/pcService/attemptLog.ts`, `${LWC}/pcService/wrapUp.ts`]
        ],
        tests: ['pcService']
    },
    // The service's helpers beside it: the compliance checks at each action, the Callable selector, and the
    // Omni-Channel presence sync. Each file is tested by its own suites, so it runs in its own part.
    pcServiceRules: {
        mutate: [
            `${LWC}/pcService/compliance.ts`,
            `${LWC}/pcService/callable.ts`,
            `${LWC}/pcService/presenceSync.ts`,
            `${LWC}/pcService/presenceFailure.ts`,
            `${LWC}/pcService/presenceMapping.ts`
        ],
        parts: [
            {
                mutate: [`${LWC}/pcService/compliance.ts`, `${LWC}/pcService/callable.ts`],
                tests: [
                    'pcService/__tests__/compliance*',
                    'pcService/__tests__/callable*',
                    'pcService/__tests__/callability*'
                ]
            },
            {
                mutate: [
                    `${LWC}/pcService/presenceSync.ts`,
                    `${LWC}/pcService/presenceFailure.ts`,
                    `${LWC}/pcService/presenceMapping.ts`
                ],
                tests: ['pcService/__tests__/presence*']
            }
        ],
        tests: ['pcService']
    },
    // The pure calling-rule checks (hours, zones, place, attempt limits) the service and the UI share.
    pcCompliance: {
        mutate: [
            `${LWC}/pcCompliance/pcCompliance.ts`,
            `${LWC}/pcCompliance/place.ts`,
            `${LWC}/pcCompliance/fromModel.ts`
        ],
        tests: ['pcCompliance']
    },
    // The zone engine moved from both into pcZones/timeZone.ts; each module mutates the part that was its own.
    pcSchedule: {
        mutate: [`${LWC}/pcSchedule/pcSchedule.ts`, `${LWC}/pcZones/timeZone.ts:77-170`],
        tests: ['pcSchedule']
    },
    pcSettings: { mutate: [`${LWC}/pcSettings/pcSettings.ts`], tests: ['pcSettings'] },
    // The zone list, search and names the pickers show, and the contact's candidate zones (pcZones.ts).
    pcZones: { mutate: [`${LWC}/pcZones/pcZones.ts`], tests: ['pcZones'] },
    pcFormat: { mutate: [`${LWC}/pcFormat/pcFormat.ts`, `${LWC}/pcZones/timeZone.ts:1-76`], tests: ['pcFormat'] },
    // Keeping an open popover inside the window and closing it when focus moves on (UB-1, UB-2).
    pcPopoverFit: { mutate: [`${LWC}/pcPopoverFit/pcPopoverFit.ts`], tests: ['pcPopoverFit'] },
    // The CXone adapter's wire format (protocol, the contact book) and the long poll (pollLoop.ts).
    pcCxoneAdapter: {
        mutate: [
            `${LWC}/pcCxoneAdapter/protocol.ts`,
            `${LWC}/pcCxoneAdapter/contacts.ts`,
            `${LWC}/pcCxoneAdapter/pollLoop.ts`
        ],
        parts: [
            // The wire format by the suites that drive it without a server: these report per-test coverage, so a
            // mutant runs only the tests that reach it. (The server suites would kill more; this part's score is a
            // floor.)
            {
                mutate: [`${LWC}/pcCxoneAdapter/protocol.ts`, `${LWC}/pcCxoneAdapter/contacts.ts`],
                tests: ['pcCxoneAdapter/__tests__/contacts', 'pcCxoneAdapter/__tests__/*.mutation']
            },
            // The poll by the suites that drive it: its own edges on a scripted CXone (pollLoop.mutation), the
            // back-off and the silent connection. They run in a jsdom with Node's network (test/cxone), which
            // reports no coverage to Stryker (analysis off), so every mutant runs all of them: with the whole suite
            // (about 2 min a mutant on a shared core, the fault suite alone 40 s) a run would take hours. The
            // fault, contract, command-fault and retry suites (commands after a failure) also poll; this part's
            // score is a floor.
            {
                mutate: [`${LWC}/pcCxoneAdapter/pollLoop.ts`],
                coverageAnalysis: 'off',
                tests: [
                    'pcCxoneAdapter/__tests__/pollLoop.mutation',
                    'pcCxoneAdapter/__tests__/backoff',
                    'pcCxoneAdapter/__tests__/silent'
                ]
            }
        ],
        tests: ['pcCxoneAdapter']
    },
    // The simulated dialer's rules: which record is next, callbacks and the dialing plan. In parts, each file tested
    // by the suites that exercise its rules directly: every dialer suite builds a calling list, so with all of them
    // each mutant of callingList.ts ran nearly the whole suite (a run was projected at over an hour). Left out:
    // the shared adapter contract (contract.test.ts, a third of the suite's time, checks the port's shape, not these
    // rules), determinism, the 8-hour shift (performance) and the connect smoke test (pcSimDialer.test.ts). A suite
    // left out could still kill a mutant, so each part's score is a floor.
    pcSimDialer: {
        mutate: [
            `${LWC}/pcSimDialer/rules.ts`,
            `${LWC}/pcSimDialer/callingList.ts`,
            `${LWC}/pcSimDialer/callPlan.ts`,
            `${LWC}/pcSimDialer/callbackDesk.ts`
        ],
        parts: [
            // The shared checks (commands' refusals, ids), the dialing plan and the callback desk: the suites that
            // place calls, reschedule, refuse commands and mark numbers DNC.
            {
                mutate: [
                    `${LWC}/pcSimDialer/rules.ts`,
                    `${LWC}/pcSimDialer/callPlan.ts`,
                    `${LWC}/pcSimDialer/callbackDesk.ts`
                ],
                tests: [
                    'pcSimDialer/__tests__/*.mutation',
                    'pcSimDialer/__tests__/dialing',
                    'pcSimDialer/__tests__/preview',
                    'pcSimDialer/__tests__/agent',
                    'pcSimDialer/__tests__/setDnc'
                ]
            },
            // The calling rules (SP-3, SP-5: when a destination may be dialled, what an outcome does to it, the
            // Attempts History): the list, preview, dialing and DNC suites, and the property test of SP-5.
            {
                mutate: [`${LWC}/pcSimDialer/callingList.ts:400-548`],
                tests: [
                    'pcSimDialer/__tests__/*.mutation',
                    'pcSimDialer/__tests__/callingList',
                    'pcSimDialer/__tests__/preview',
                    'pcSimDialer/__tests__/dialing',
                    'pcSimDialer/__tests__/setDnc',
                    'pcSimDialer/__tests__/properties'
                ]
            },
            // The generated list (SP-2, SP-4: the records, their destinations and earlier attempts; SP-3: every
            // unavailable reason occurs in a list of 20; SP-1 for the org's records): the list and org list suites.
            {
                mutate: [`${LWC}/pcSimDialer/callingList.ts:1-399`],
                tests: [
                    'pcSimDialer/__tests__/*.mutation',
                    'pcSimDialer/__tests__/callingList',
                    'pcSimDialer/__tests__/orgList'
                ]
            }
        ],
        tests: ['pcSimDialer']
    },
    // The leader election by its own suites. (The cross-tab CXone suite, pcTabShare/__tests__/cxoneTabs, runs in a
    // jsdom with Node's network, which reports no per-test coverage, and tests the sharing wrapper.)
    pcTabLeader: {
        mutate: [`${LWC}/pcTabLeader/pcTabLeader.ts`],
        tests: ['pcTabLeader']
    },
    // The virtual clock: timers in order, and real-time pacing a slice at a time (the local console at 600x).
    pcVirtualClock: {
        mutate: [`${LWC}/pcVirtualClock/pcVirtualClock.ts`],
        tests: ['pcVirtualClock']
    }
};

const concurrency = Number(process.env.MUTATION_CONCURRENCY ?? 1);
const timeoutMinutes = Number(process.env.MUTATION_TIMEOUT_MINUTES ?? 60);

/** Mutation score as Stryker defines it: detected / (detected + undetected); compile errors do not count. */
export function score(results) {
    const n = (s) => results.filter((r) => r.status === s).length;
    const detected = n('Killed') + n('Timeout');
    const undetected = n('Survived') + n('NoCoverage');
    return {
        killed: n('Killed'),
        timeout: n('Timeout'),
        survived: n('Survived'),
        noCoverage: n('NoCoverage'),
        ignored: n('Ignored'),
        compileErrors: n('CompileError'),
        score: detected + undetected ? Math.round((1000 * detected) / (detected + undetected)) / 10 : 100
    };
}

/** Runs one module, part by part where it has parts; each part writes its own report. */
async function run(name) {
    // MUTATION_MUTATE=file[:lines],... mutates only those (e.g. the lines a change touched) against the module's
    // suites, in a report of its own (<module>.focused.json) that the summary leaves out.
    if (process.env.MUTATION_MUTATE) {
        return runPart(name, `${name}.focused`, process.env.MUTATION_MUTATE.split(','));
    }
    const parts = MODULES[name].parts;
    if (!parts) return runPart(name, name, MODULES[name].mutate);
    const only = process.env.MUTATION_PARTS ? process.env.MUTATION_PARTS.split(',').map(Number) : null;
    let minutes = 0;
    for (const [i, part] of parts.entries()) {
        if (only && !only.includes(i + 1)) continue;
        // A part is a list of files to mutate, or { mutate, tests?, coverageAnalysis? } overriding the module's.
        const { mutate, ...own } = Array.isArray(part) ? { mutate: part } : part;
        minutes += (await runPart(name, `${name}.part${i + 1}`, mutate, own)).minutes;
    }
    return { minutes };
}

async function runPart(name, reportName, mutate, own = {}) {
    const m = { ...MODULES[name], ...own };
    const testMatch = m.tests.map((t) =>
        t.includes('__tests__') ? `<rootDir>/${LWC}/${t}.test.ts` : `<rootDir>/${LWC}/${t}/__tests__/**/*.test.ts`
    );
    const stryker = new Stryker({
        mutate,
        testRunner: 'jest',
        jest: {
            projectType: 'custom',
            configFile: 'jest.config.js',
            enableFindRelatedTests: false,
            config: { testMatch }
        },
        checkers: ['typescript'],
        // Production code only: the checker's whole-program check is the slow part, and tests are not type-checked
        // by jest anyway (babel strips the types).
        tsconfigFile: 'tsconfig.mutation.json',
        typescriptChecker: { prioritizePerformanceOverAccuracy: true },
        coverageAnalysis: m.coverageAnalysis ?? 'perTest',
        // Static mutants (module-level constants such as a list of zone names) need a fresh module per test run and
        // cost most of the time; they are reported as Ignored, outside the score.
        // (Stryker supports this only with per-test coverage: with 'all' every mutant runs every test anyway.)
        ignoreStatic: (m.coverageAnalysis ?? 'perTest') === 'perTest' && process.env.MUTATION_STATIC !== '1',
        concurrency,
        // A mutant that makes a test wait for what never comes is a Timeout (detected); the margin over the dry run's
        // time bounds what each such mutant costs (MUTATION_TIMEOUT_MS; the service's parts ran with 4000).
        timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 20000),
        incremental: true,
        incrementalFile: `${OUT}/${reportName}.incremental.json`,
        reporters: ['json', 'clear-text', 'progress-append-only'],
        jsonReporter: { fileName: `${OUT}/${reportName}.json` },
        clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
        tempDirName: '.stryker-tmp',
        ignorePatterns: ['test-results', 'coverage', 'local/dist', '.sf', '.sfdx', 'out'],
        plugins: ['@stryker-mutator/jest-runner', '@stryker-mutator/typescript-checker'],
        logLevel: 'info',
        fileLogLevel: 'off'
    });
    const started = Date.now();
    const timer = setTimeout(() => {
        console.error(`${name}: over ${timeoutMinutes} min, stopping`);
        process.exit(2);
    }, timeoutMinutes * 60_000).unref();
    const results = await stryker.runMutationTest();
    clearTimeout(timer);
    return { ...score(results), minutes: Math.round((Date.now() - started) / 6000) / 10 };
}

/** Scores of every module with a report on disk (so runs of different modules, at different times, add up). */
function summarise() {
    const summary = {};
    for (const name of Object.keys(MODULES)) {
        const files = [`${name}.json`, ...(MODULES[name].parts ?? []).map((_, i) => `${name}.part${i + 1}.json`)]
            .map((f) => join(OUT, f))
            .filter((f) => existsSync(f));
        if (!files.length) continue;
        const results = files.flatMap((f) =>
            Object.values(JSON.parse(readFileSync(f, 'utf8')).files).flatMap((x) => x.mutants)
        );
        summary[name] = score(results);
        if (MODULES[name].parts) summary[name].parts = files.map((f) => f.slice(OUT.length + 1));
    }
    return summary;
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(MODULES);
const unknown = names.filter((n) => !MODULES[n]);
if (unknown.length) {
    console.error(`Unknown module(s): ${unknown.join(', ')}; known: ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const minutes = {};
for (const name of names) minutes[name] = (await run(name)).minutes;
const summary = summarise();
for (const [name, m] of Object.entries(minutes)) if (summary[name]) summary[name].minutes = m;
const summaryFile = join(OUT, 'summary.json');
writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
let detected = 0;
let total = 0;
console.log('\nMutation score per module (killed+timeout / all but compile errors and ignored):');
for (const [name, s] of Object.entries(summary)) {
    detected += s.killed + s.timeout;
    total += s.killed + s.timeout + s.survived + s.noCoverage;
    console.log(
        `  ${name.padEnd(16)} ${String(s.score).padStart(5)} %  (${s.killed + s.timeout} killed, ${s.survived} survived, ${s.noCoverage} no coverage)`
    );
}
const overall = total ? Math.round((1000 * detected) / total) / 10 : 100;
console.log(`  ${'overall'.padEnd(16)} ${String(overall).padStart(5)} %`);
console.log(`Reports: ${OUT}/<module>.json, ${summaryFile}`);
