/**
 * The admin guide names every setting the package ships (AD-4): each field of the package's custom metadata and
 * custom settings, and each App Builder property of the console, appears in docs/admin-guide.md, which the README
 * links. A field added without its documentation fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../../../..');
const OBJECTS = join(ROOT, 'force-app/main/default/objects');
const GUIDE = readFileSync(join(ROOT, 'docs/admin-guide.md'), 'utf8');

/** Objects whose fields are settings: custom metadata types and custom settings. */
function settingObjects(): string[] {
    return readdirSync(OBJECTS).filter((name) => {
        if (name.endsWith('__mdt')) return true;
        const meta = join(OBJECTS, name, `${name}.object-meta.xml`);
        return existsSync(meta) && /<customSettingsType>/.test(readFileSync(meta, 'utf8'));
    });
}

function fieldsOf(object: string): string[] {
    const dir = join(OBJECTS, object, 'fields');
    return readdirSync(dir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .map((f) => f.replace('.field-meta.xml', ''));
}

describe('docs/admin-guide.md', () => {
    const objects = settingObjects();

    it('AD-4 covers the settings objects the package ships (at least PC_Settings__mdt)', () => {
        expect(objects).toContain('PC_Settings__mdt');
        for (const object of objects) expect(GUIDE).toContain(object);
    });

    it.each(objects.flatMap((o) => fieldsOf(o).map((f) => [o, f] as const)))(
        'AD-4 names the setting %s.%s',
        (_object, field) => {
            expect(GUIDE).toContain(`\`${field}\``);
        }
    );

    it('AD-4 names every App Builder property of the console', () => {
        const meta = readFileSync(join(ROOT, 'force-app/main/default/lwc/pcConsole/pcConsole.js-meta.xml'), 'utf8');
        const labels = [...meta.matchAll(/<property[^>]*\slabel="([^"]+)"/g)].map((m) => m[1] ?? '');
        expect(labels.length).toBeGreaterThan(0);
        for (const label of new Set(labels)) {
            // "Value one label" is documented in the row "Value one label / source / field".
            const stem = label.replace(/ (label|source|field)$/, ' label');
            expect(GUIDE.includes(label) || GUIDE.includes(stem)).toBe(true);
        }
    });

    it('AD-4 lists the dialer fields of each adapter and is linked from the README', () => {
        expect(GUIDE).toMatch(/\| `Simulated` \|[^\n]*`BalanceDue`/);
        expect(GUIDE).toMatch(/\| `CXone` +\|[^\n]*`ScreenPopUrlVariables`/);
        const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
        expect(readme).toContain('(docs/admin-guide.md)');
    });
});
