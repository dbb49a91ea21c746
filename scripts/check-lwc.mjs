// Compiles every deployable LWC bundle the way the platform would (namespace "c") from the .js that
// `npm run build` emits, and checks each deployable file stays under the platform's size limit.
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { transformSync } from '@lwc/compiler';

const LWC = 'force-app/main/default/lwc';
const MAX_CHARS = 131072;
const errors = [];
let files = 0;
let bundles = 0;
for (const dir of readdirSync(LWC, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('__')) continue;
    const name = dir.name;
    const root = join(LWC, name);
    if (!existsSync(join(root, `${name}.js`))) {
        errors.push(`${name}: no ${name}.js; run the build (tsc) first`);
        continue;
    }
    if (!existsSync(join(root, `${name}.js-meta.xml`))) errors.push(`${name}: missing ${name}.js-meta.xml`);
    bundles += 1;
    for (const file of readdirSync(root)) {
        const ext = extname(file);
        if (!['.js', '.html', '.css'].includes(ext)) continue;
        const path = join(root, file);
        const source = readFileSync(path, 'utf8');
        files += 1;
        if (source.length > MAX_CHARS) errors.push(`${path}: ${source.length} characters, over the ${MAX_CHARS} limit`);
        try {
            const result = transformSync(source, file, { name, namespace: 'c', experimentalDynamicComponent: {} });
            for (const d of result.warnings ?? []) {
                if (d.level <= 1) errors.push(`${path}: ${d.message}`);
            }
        } catch (e) {
            errors.push(`${path}: ${e.message.split('\n')[0]}`);
        }
    }
}
mkdirSync('test-results', { recursive: true });
writeFileSync(
    'test-results/lwc-compile.json',
    JSON.stringify({ passed: errors.length ? 0 : bundles, failed: errors.length })
);
if (errors.length) {
    console.error(errors.join('\n'));
    process.exit(1);
}
console.log(`${bundles} bundles, ${files} files compiled with namespace c, all under ${MAX_CHARS} characters`);
