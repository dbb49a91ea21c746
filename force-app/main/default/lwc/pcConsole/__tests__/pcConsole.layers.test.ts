import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const LWC_DIR = join(__dirname, '..', '..');
const UI = [
    'pcConsole',
    'pcAvailabilityBar',
    'pcCallPanel',
    'pcCallCard',
    'pcPreviewWindow',
    'pcRescheduleForm',
    'pcMarquee',
    'pcAgentMessages',
    'pcScreenPop',
    'pcAttemptsHistory',
    'pcErrorPanel',
    'pcZonePicker',
    'pcConfirmation',
    'pcScoreboard',
    'pcClickToDial',
    'pcContactDial',
    'pcDisclosure',
    'pcRadioGroup'
];
/** What a component may import: the model, the UI helpers (the workspace-tab one, the feeds and the popover fit too), and the platform. */
const ALLOWED = [
    /^lwc$/,
    /^lightning\//,
    /^@salesforce\/i18n\//,
    /^@salesforce\/schema\//,
    // pcDialBridge: the record page's dial requests on the message channel (WU-4), never a dialer.
    /^c\/pc(Model|Labels|Format|Shortcuts|Schedule|Zones|Phone|ContactTab|Ticker|Feed|PopoverFit|DialBridge)$/,
    // The bundle's own modules (pcConsole's workFit, which imports nothing).
    /^\.\/[A-Za-z]+$/
];

function imports(file: string): string[] {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('component layering', () => {
    it.each(UI)('%s imports no adapter, no Apex and no other component', (name) => {
        const file = join(LWC_DIR, name, `${name}.ts`);
        const extra = name === 'pcConsole' ? [/^c\/pcRuntime$/] : [];
        const bad = imports(file).filter((spec) => ![...ALLOWED, ...extra].some((re) => re.test(spec)));
        expect(bad).toEqual([]);
    });

    it.each(UI.filter((name) => name !== 'pcConsole'))(
        '%s is handed the part of the service it calls, never the whole ConsoleApi',
        (name) => {
            const source = readFileSync(join(LWC_DIR, name, `${name}.ts`), 'utf8');
            expect(source.match(/@api\s+\w+\s*:[^;]*\bConsoleApi\b/g) ?? []).toEqual([]);
        }
    );

    it('every component bundle has its template, metadata and tests', () => {
        const missing = UI.flatMap((name) =>
            ['html', 'js-meta.xml', 'css']
                .map((ext) => join(LWC_DIR, name, `${name}.${ext}`))
                .filter((f) => !existsSync(f))
        );
        expect(missing).toEqual([]);
        expect(UI.filter((name) => !readdirSync(join(LWC_DIR, name, '__tests__')).length)).toEqual([]);
    });

    it('BX-8 no template renders markup from data (no lwc:inner-html)', () => {
        const offenders = UI.filter((name) =>
            /lwc:inner-html|innerHTML/.test(readFileSync(join(LWC_DIR, name, `${name}.html`), 'utf8'))
        );
        expect(offenders).toEqual([]);
    });
});
