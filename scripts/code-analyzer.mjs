// Salesforce Code Analyzer, the gate AppExchange security review uses, run from its npm engine packages (the
// `sf code-analyzer` plugin cannot be installed offline): PMD's Apex rules (security, best practices, the
// AppExchange tags), the graph engine (SFGE) over the Apex entry points, and RetireJS over the JavaScript.
// Fails on any severity 1 (Critical) or 2 (High) finding, or an entry point the graph engine could not follow;
// prints counts per engine and severity and writes test-results/<step>.json. Java 17 comes from Debian
// (openjdk-17-jre-headless; .ci/run installs it).
//
// The graph engine takes minutes where the rest takes seconds, and its verdict depends only on the Apex and
// metadata it reads, the engine's version and its settings. Its last clean run is recorded, with a digest of all
// of those, in scripts/graph-engine-clean.json (`npm run test:graph` runs it and writes the record). `npm test`
// runs it again whenever that digest differs, and otherwise says it was left out and why.
// Usage: node scripts/code-analyzer.mjs [step name] [--graph]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';
import * as sfge from '@salesforce/code-analyzer-sfge-engine';
import * as retire from '@salesforce/code-analyzer-retirejs-engine';

const args = process.argv.slice(2);
const GRAPH_ALWAYS = args.includes('--graph');
const STEP = args.find((a) => !a.startsWith('--')) ?? 'code-analyzer';
const RESULTS = 'test-results';
const GRAPH_RECORD = 'scripts/graph-engine-clean.json';
const SEVERITY = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low', 5: 'Info' };
const SFGE_SETTINGS = { java_thread_count: 2, java_thread_timeout: 900000, disable_limit_reached_violations: false };
const ALWAYS = ['pmd:Recommended', 'pmd:Security', 'pmd:BestPractices', 'pmd:AppExchange', 'retire-js:Recommended'];

/**
 * What the graph engine's verdict depends on under force-app, sorted: the Apex (classes, triggers) it builds its
 * graph from, and the objects' metadata beside them. Labels, pages, permission sets and components are not read by
 * it: a change of those leaves its verdict as recorded.
 */
function graphInputs(dir = 'force-app') {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!['lwc', 'staticresources', '__tests__'].includes(entry.name)) found.push(...graphInputs(path));
        } else if (/\.(cls|trigger)$/.test(entry.name) || path.split(sep).includes('objects')) found.push(path);
    }
    return found.sort();
}

/** The digest a clean graph-engine run is recorded under: its inputs, the engine's version and its settings. */
function graphDigest() {
    const hash = createHash('sha256');
    const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
    hash.update(`sfge ${version('@salesforce/code-analyzer-sfge-engine')} `);
    hash.update(`core ${version('@salesforce/code-analyzer-core')} ${JSON.stringify(SFGE_SETTINGS)}\n`);
    for (const file of graphInputs()) {
        hash.update(`${file.split('\\').join('/')} ${createHash('sha256').update(readFileSync(file)).digest('hex')}\n`);
    }
    return hash.digest('hex');
}

const digest = graphDigest();
const record = existsSync(GRAPH_RECORD) ? JSON.parse(readFileSync(GRAPH_RECORD, 'utf8')) : null;
const graphUnchanged = !GRAPH_ALWAYS && record?.digest === digest;
const SELECTORS = graphUnchanged ? ALWAYS : [...ALWAYS, 'sfge'];

// Every engine's working folder is kept, in a folder of this run's own, so the graph engine's results file can be
// read after the run (below) and then removed.
const WORK = mkdtempSync(join(tmpdir(), 'pc-code-analyzer-'));
const config = CodeAnalyzerConfig.fromObject({
    log_level: 'Warn',
    root_working_folder: WORK,
    preserve_all_working_folders: true,
    engines: {
        // CPD (copy-paste detection) is not a gate here; the graph engine's threads time out per entry point.
        cpd: { disable_engine: true },
        sfge: SFGE_SETTINGS
    },
    ignores: { files: ['**/node_modules/**', '**/__tests__/**', '**/.jest-labels/**', '**/lwc/**/*.js'] }
});
const analyzer = new CodeAnalyzer(config);
const problems = [];
analyzer.onEvent(EventType.LogEvent, (e) => {
    if (e.logLevel <= LogLevel.Warn) problems.push(`${e.source}: ${e.message}`);
});
for (const plugin of [pmd, sfge, retire]) await analyzer.addEnginePlugin(plugin.createEnginePlugin());

// TypeScript is compiled to .js by the build step (ignored above); RetireJS also scans static resources.
const workspace = await analyzer.createWorkspace(['force-app']);
const selection = await analyzer.selectRules(SELECTORS, { workspace });
const started = Date.now();
const results = await analyzer.run(selection, { workspace });

const counts = {};
for (const engine of selection.getEngineNames()) {
    const run = results.getEngineRunResults(engine);
    counts[engine] = {};
    for (const level of [1, 2, 3, 4, 5]) counts[engine][SEVERITY[level]] = run.getViolationCountOfSeverity(level);
}
const blocking = [];
for (const v of results.getViolations()) {
    const rule = v.getRule();
    const loc = v.getPrimaryLocation();
    const where = `${relative(process.cwd(), loc.getFile() ?? '')}:${loc.getStartLine() ?? ''}`;
    const line = `  [${rule.getEngineName()} sev ${rule.getSeverityLevel()}] ${rule.getName()} ${where}: ${v.getMessage()}`;
    // Moderate and above are listed; Low and Info only counted (ApexDoc, test naming, runAs in every test).
    if (rule.getSeverityLevel() <= 3) console.log(line);
    if (rule.getSeverityLevel() <= 2) blocking.push(line);
}
// An entry point the graph engine could not follow (its InternalExecutionError: an Apex construct it cannot model,
// or a class that would not compile) is reported only in its results file, with a rule outside any selection, so
// the run would pass without it: every results file of the run is read.
function resultsFiles(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return resultsFiles(path);
        return entry.name === 'resultsFile.json' ? [path] : [];
    });
}
for (const file of resultsFiles(WORK)) {
    let entries = [];
    try {
        entries = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        problems.push(`sfge error: unreadable results file ${file}`);
    }
    for (const r of Array.isArray(entries) ? entries.filter((x) => x.ruleName === 'InternalExecutionError') : []) {
        problems.push(
            `sfge error: did not finish ${r.sourceType}.${r.sourceVertexName} (${relative(process.cwd(), r.sourceFileName)}:${r.sourceLineNumber}): ${String(r.details).slice(0, 300)}`
        );
    }
}
rmSync(WORK, { recursive: true, force: true });
for (const p of problems) console.log(`  (log) ${p}`);

console.log(`\nCode Analyzer, ${selection.getCount()} rules from ${SELECTORS.join(', ')}:`);
for (const [engine, bySeverity] of Object.entries(counts)) {
    const text = Object.entries(bySeverity)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
    console.log(`  ${engine.padEnd(10)} ${text}`);
}
if (graphUnchanged) {
    const kept = Object.entries(record.counts ?? {})
        .map(([sev, n]) => `${sev} ${n}`)
        .join(', ');
    console.log(
        `  sfge       left out: the Apex and metadata, the engine and its settings are those of its clean run of ` +
            `${record.ranAt} (${kept}; digest ${digest.slice(0, 12)}, ${GRAPH_RECORD}); \`npm run test:graph\` runs it`
    );
}
for (const engine of ['pmd', 'sfge', 'retire-js'].filter((e) => !counts[e] && !(e === 'sfge' && graphUnchanged))) {
    console.log(`  ${engine.padEnd(10)} no files for its rules in force-app`);
}
console.log(`  finished in ${((Date.now() - started) / 1000).toFixed(1)}s; ${blocking.length} severity 1-2 finding(s)`);
const engineErrors = problems.filter((p) => / error/i.test(p) || /^\S+: .*error/i.test(p));
const clean = !blocking.length && !engineErrors.length;
if (clean && counts.sfge && GRAPH_ALWAYS) {
    writeFileSync(
        GRAPH_RECORD,
        `${JSON.stringify({ digest, ranAt: new Date().toISOString().slice(0, 16).replace('T', ' '), counts: counts.sfge }, null, 2)}\n`
    );
    console.log(`  recorded the graph engine's clean run in ${GRAPH_RECORD} (digest ${digest.slice(0, 12)})`);
} else if (clean && counts.sfge) {
    console.log(`  the graph engine ran clean on changed inputs: \`npm run test:graph\` records it for later runs`);
}
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
    join(RESULTS, `${STEP}.json`),
    JSON.stringify({ passed: clean ? 1 : 0, failed: blocking.length + engineErrors.length, counts }, null, 2) + '\n'
);
process.exitCode = clean ? 0 : 1;
