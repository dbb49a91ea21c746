// Jest globalSetup: writes the custom label modules (BX-8) before any suite runs, so a fresh clone's `npx jest`
// resolves `@salesforce/label/c.*` without a separate generate step. Files are only (re)written when their text
// changes and nothing is deleted, so parallel jest processes sharing the tree never see a half-empty folder.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS_FILE, readLabels } from '../scripts/labels.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Generates `.jest-labels/<Name>.js` from the project's labels file. */
export default function globalSetup() {
    const out = join(ROOT, '.jest-labels');
    mkdirSync(out, { recursive: true });
    for (const [name, value] of readLabels(join(ROOT, LABELS_FILE))) {
        const file = join(out, `${name}.js`);
        const text = `export default ${JSON.stringify(value)};\n`;
        if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    }
}
