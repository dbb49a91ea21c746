// Writes tsconfig.paths.json: one "c/<bundle>" entry per LWC bundle, because TS `paths`
// cannot express the sfdx layout (lwc/<name>/<name>.ts) with a single wildcard; and the suites' shared
// helpers, `test-support/<module>` (test/support), which jest.config.js maps the same way.
import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LWC = 'force-app/main/default/lwc';
const paths = {};
for (const entry of readdirSync(LWC, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('__')) continue;
    const ts = join(LWC, entry.name, `${entry.name}.ts`);
    if (existsSync(ts)) paths[`c/${entry.name}`] = [`./${ts}`];
}
paths['test-support/*'] = ['./test/support/*'];
const config = { compilerOptions: { paths } };
writeFileSync('tsconfig.paths.json', `${JSON.stringify(config, null, 2)}\n`);
