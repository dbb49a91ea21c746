// Offline Apex gate: every .cls and .trigger parses (lexer and parser errors both count), and the house rules the
// platform cannot check before a deploy hold: production classes declare `with sharing`, static SOQL runs
// WITH USER_MODE, and dynamic queries appear only where the query text is built from schema-checked names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { apexFiles, readApex } from './apex-source.mjs';

// The only classes allowed to run a query built at run time: in the contact service every name comes from
// PersonalConnectionFieldPaths; the presence controller's query is a constant, dynamic only so that the package
// installs where Omni-Channel (ServicePresenceStatus) is off.
const DYNAMIC_QUERY_ALLOWED = new Set([
    'PersonalConnectionContactService.cls',
    'PersonalConnectionPresenceController.cls'
]);

const files = apexFiles(process.argv[2] ?? 'force-app');
let passed = 0;
const failures = [];
for (const path of files) {
    const apex = readApex(path);
    const problems = [...apex.errors.map((e) => `syntax ${e.length > 200 ? `${e.slice(0, 200)}...` : e}`)];
    if (!apex.errors.length && !apex.isTest && !apex.isTrigger) {
        if (apex.sharing !== 'withsharing') problems.push('a production class must declare `with sharing`');
        for (const soql of apex.soql) {
            if (!/WITH(USER_MODE)/i.test(soql.text))
                problems.push(`line ${soql.line}: static SOQL without WITH USER_MODE`);
        }
        if (!DYNAMIC_QUERY_ALLOWED.has(basename(path))) {
            for (const q of apex.dynamicQueries)
                problems.push(`line ${q.line}: dynamic query (${q.call}) outside the allowed class`);
        }
    }
    if (problems.length) failures.push(`${path}\n  ${problems.join('\n  ')}`);
    else passed += 1;
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/apex-parse.json', JSON.stringify({ passed, failed: failures.length }));
if (!files.length) {
    console.error('No Apex found under force-app');
    process.exit(1);
}
if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
}
console.log(`${passed} Apex files parse and keep the sharing, user-mode and dynamic-query rules`);
