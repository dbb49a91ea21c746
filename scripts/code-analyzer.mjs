// Salesforce Code Analyzer, the gate AppExchange security review uses, run from its npm engine packages (the
// `sf code-analyzer` plugin cannot be installed offline): PMD's Apex rules (security, best practices, the
// AppExchange tags), the graph engine (SFGE) over the Apex entry points, and RetireJS over the JavaScript.
// Fails on any severity 1 (Critical) or 2 (High) finding; prints counts per engine and severity and writes
// test-results/<step>.json. Java 17 comes from Debian (openjdk-17-jre-headless; .ci/run installs it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';
import * as sfge from '@salesforce/code-analyzer-sfge-engine';
import * as retire from '@salesforce/code-analyzer-retirejs-engine';

const STEP = process.argv[2] ?? 'code-analyzer';
const RESULTS = 'test-results';
const SEVERITY = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low', 5: 'Info' };
const SELECTORS = [
    'pmd:Recommended',
    'pmd:Security',
    'pmd:BestPractices',
    'pmd:AppExchange',
    'sfge',
    'retire-js:Recommended'
];

const config = CodeAnalyzerConfig.fromObject({
    log_level: 'Warn',
    engines: {
        // CPD (copy-paste detection) is not a gate here; the graph engine's threads time out per entry point.
        cpd: { disable_engine: true },
        sfge: { java_thread_count: 2, java_thread_timeout: 900000, disable_limit_reached_violations: false }
    },
    ignores: { files: ['**/node_modules/**', '**/__tests__/**', '**/.jest-labels/**', '**/lwc/**/*.js'] }
});
const analyzer = new CodeAnalyzer(config);
const problems = [];
const engineErrorFolders = [];
analyzer.onEvent(EventType.LogEvent, (e) => {
    if (e.logLevel <= LogLevel.Warn) problems.push(`${e.source}: ${e.message}`);
    // An engine that fails on an entry point (SFGE's InternalExecutionError) reports it only at debug level, with
    // the rule outside the selection, so it would pass silently: its working folder holds the results file.
    const kept =
        /engine '([^']+)' emitted an error, the following temporary working folder will not be removed: (\S+)/.exec(
            e.message
        );
    if (kept) engineErrorFolders.push({ engine: kept[1], folder: kept[2] });
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
for (const { engine, folder } of engineErrorFolders) {
    const file = join(folder, 'resultsFile.json');
    const entries = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
    for (const r of entries.filter((x) => x.ruleName === 'InternalExecutionError')) {
        problems.push(
            `${engine} error: did not finish ${r.sourceType}.${r.sourceVertexName} (${relative(process.cwd(), r.sourceFileName)}:${r.sourceLineNumber}): ${String(r.details).slice(0, 300)}`
        );
    }
    if (!entries.length) problems.push(`${engine} error: see ${folder}`);
}
for (const p of problems) console.log(`  (log) ${p}`);

console.log(`\nCode Analyzer, ${selection.getCount()} rules from ${SELECTORS.join(', ')}:`);
for (const [engine, bySeverity] of Object.entries(counts)) {
    const text = Object.entries(bySeverity)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ');
    console.log(`  ${engine.padEnd(10)} ${text}`);
}
for (const engine of ['pmd', 'sfge', 'retire-js'].filter((e) => !counts[e])) {
    console.log(`  ${engine.padEnd(10)} no files for its rules in force-app`);
}
console.log(`  finished in ${((Date.now() - started) / 1000).toFixed(1)}s; ${blocking.length} severity 1-2 finding(s)`);
const engineErrors = problems.filter((p) => / error/i.test(p) || /^\S+: .*error/i.test(p));
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
    join(RESULTS, `${STEP}.json`),
    JSON.stringify(
        {
            passed: blocking.length || engineErrors.length ? 0 : 1,
            failed: blocking.length + engineErrors.length,
            counts
        },
        null,
        2
    ) + '\n'
);
process.exitCode = blocking.length || engineErrors.length ? 1 : 0;
