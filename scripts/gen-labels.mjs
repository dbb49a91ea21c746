// Custom labels (BX-8) resolve to their values outside an org: writes .jest-labels/<Name>.js for jest
// from force-app/main/default/labels/CustomLabels.labels-meta.xml. The local console build reads the same file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabels } from './labels.mjs';

const OUT = '.jest-labels';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const labels = readLabels();
for (const [name, value] of labels) {
    writeFileSync(join(OUT, `${name}.js`), `export default ${JSON.stringify(value)};\n`);
}
console.log(`${labels.size} custom labels written to ${OUT}/`);
