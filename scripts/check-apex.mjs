// Offline Apex gate: every .cls and .trigger parses (lexer and parser errors both count), and the house rules the
// platform cannot check before a deploy hold: production classes declare `with sharing`, static SOQL runs
// WITH USER_MODE, and dynamic queries appear only where the query text is built from schema-checked names. One
// compile error is caught too: a parameter named like a static field (ignoring case) hides it where both are used.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { apexFiles, hiddenStaticFields, readApex } from './apex-source.mjs';

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
    if (!apex.errors.length) {
        for (const h of hiddenStaticFields(apex)) {
            problems.push(
                `line ${h.line}: \`${h.field}\` in ${h.method}() is its parameter \`${h.param}\` (Apex names ignore case), not the static field`
            );
        }
    }
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
// The hidden-field rule bites: the case that broke a class is found, a constructor's `this.x = x` is not.
const SELF_CHECKS = [
    {
        name: 'a pattern named like the parameter it checks',
        source: `public with sharing class Probe {
    private static final Pattern STATE = Pattern.compile('^[a-z]+$');
    public static Boolean ok(String state) { return STATE.matcher(state).matches(); }
}`,
        expected: 1
    },
    {
        name: "an instance field set from a parameter of the same name, and another class's static",
        source: `public with sharing class Probe {
    private static final Integer LIMIT_ROWS = 5;
    public class Row {
        public String state;
        Row(String state) { this.state = state; }
        Integer rows(Integer limit_Rows) { return limit_Rows; }
    }
}`,
        expected: 0
    }
];
for (const c of SELF_CHECKS) {
    const found = hiddenStaticFields(readApex('Probe.cls', c.source)).length;
    if (found === c.expected) passed += 1;
    else failures.push(`self-check "${c.name}": ${found} hidden field(s) reported, ${c.expected} expected`);
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
console.log(
    `${files.length} Apex files parse and keep the sharing, user-mode, dynamic-query and hidden-field rules; ` +
        `${SELF_CHECKS.length} self-checks of the hidden-field rule pass`
);
