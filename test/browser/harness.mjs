// The browser test harness: one chromium for the whole suite (Debian's /usr/bin/chromium driven by
// playwright-core, never a downloaded browser), a fresh context per test, the console served on 127.0.0.1,
// bounded waits everywhere, an axe scan helper, and the benches' load average and result files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The browser the suite drives; CI installs it with apt (.ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The launch flags that work headless in a container, with no network chatter or first-run UI. */
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

/** The desktop viewport (a console page), the default of every test and screenshot. */
export const VIEWPORT = { width: 1280, height: 800 };

/** The utility-bar panel size the console is designed for first (UB-1): 360 px wide, 600 px high. */
export const NARROW = { width: 360, height: 600 };

/** Both sizes the hidden and visible tests drive the console at, by name. */
export const SIZES = { narrow: NARROW, wide: VIEWPORT };

/**
 * Playwright's default wait for locators and expectations. A wait ends as soon as its condition holds, so the
 * bound only matters on failure; CI runs on 2 loaded cores, where a render can lag several seconds.
 */
export const WAIT_MS = 15_000;

/**
 * Launches chromium once (playwright gives it a fresh temporary user-data-dir) and returns a factory of
 * isolated contexts, one per test, so no storage or tab state leaks from one test to the next.
 */
/**
 * Chromium's own omnibox popups, which its headless mode renders as WebUI pages in every new window: about a second
 * of CPU per context, nearly half of what opening the console costs. They are not the page under test.
 */
const BROWSER_UI_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
let launchArgs = null;

/**
 * CHROMIUM_ARGS plus the features to turn off. Chromium reads only the last --disable-features, and playwright
 * passes its own list: a first launch asks chromium for its command line (possible only with --enable-automation),
 * and the list passed is playwright's with ours added.
 */
function argsWithBrowserUiOff(chromium) {
    launchArgs ??= (async () => {
        const probe = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: [...CHROMIUM_ARGS, '--enable-automation']
        });
        try {
            const cdp = await probe.newBrowserCDPSession();
            const { arguments: args } = await cdp.send('Browser.getBrowserCommandLine');
            const theirs = args
                .filter((a) => a.startsWith('--disable-features='))
                .flatMap((a) => a.slice('--disable-features='.length).split(','));
            return [...CHROMIUM_ARGS, `--disable-features=${[...new Set([...theirs, ...BROWSER_UI_OFF])].join(',')}`];
        } finally {
            await probe.close();
        }
    })();
    return launchArgs;
}

export async function launch() {
    const { chromium } = await import('playwright-core');
    const args = await argsWithBrowserUiOff(chromium);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
    return {
        newContext: async (viewport = VIEWPORT) => {
            const context = await browser.newContext({
                viewport,
                locale: 'en-US',
                timezoneId: 'America/New_York',
                reducedMotion: 'reduce'
            });
            context.setDefaultTimeout(WAIT_MS);
            return context;
        },
        close: () => browser.close()
    };
}

const AXE_SOURCE = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe (WCAG 2.0, 2.1 and 2.2 A and AA rules) on the page as it is now; returns the violations, each reduced to the
 * rule, its impact and the first few offending targets, so a failure message says what to fix.
 */
export async function axeViolations(page, { withPanel = false } = {}) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE() });
    const violations = await page.evaluate(async (withPanel) => {
        // The local simulator and CXone panels are not part of the product: their own tests check them
        // (withPanel); the rest check the console, the contact page and anything they open over the page.
        const context = withPanel ? document : { exclude: [['#simulator']] };
        const result = await window.axe.run(context, {
            // The WCAG 2.x A and AA rules. axe's best-practice rules judge the host page (landmarks, heading
            // order around the console), which Lightning Experience owns, not the console.
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations']
        });
        return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
        }));
    }, withPanel);
    return violations;
}

/** True when the browser the suite needs is installed. */
export function chromiumAvailable() {
    return existsSync(CHROMIUM);
}

/** The machine's load average (1, 5, 15 min): figures on a shared machine vary with its load, so benches print it. */
export function loadAverage() {
    return loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
}

/** Writes a bench's result to test-results/<name>.json. */
export function writeResult(name, result) {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(join('test-results', `${name}.json`), `${JSON.stringify(result)}\n`);
}
