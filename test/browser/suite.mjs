// A tiny test registry for the browser suite: test files call test(name, fn) at import time and the
// runner (run.mjs) executes them in order. Assertions use node:assert; waits are playwright's, bounded.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, SIZES, WAIT_MS } from './harness.mjs';

/** Every registered test, in registration order. */
export const registered = [];

/**
 * Registers a test. Tests of a requirement name its SPEC ID first ("PV-2 ..."). The default bound is several
 * times what a test takes on a loaded 2-core machine (the keyboard walkthrough took close to 50 s there), so
 * only a hang reaches it.
 */
export function test(name, fn, { timeoutMs = 180_000, viewport = SIZES.wide } = {}) {
    registered.push({ name, fn, timeoutMs, viewport });
}

/**
 * Registers a test at one size (`narrow`, 360x600, or `wide`, 1280x800), named with it as testAtBothSizes does: for
 * a family of cases whose behaviour does not depend on the size, which together cover both.
 */
export function testAtSize(size, name, fn, options = {}) {
    const viewport = SIZES[size];
    test(`${name} @${viewport.width}x${viewport.height}`, (ctx) => fn(ctx, size), { ...options, viewport });
}

/**
 * Registers a test once per size (UB-1): at 360x600 (a utility-bar panel) and at 1280x800 (a console page). The
 * name ends with the size, so a run can be narrowed to one size (`node test/browser/run.mjs 360x600`).
 */
export function testAtBothSizes(name, fn, options = {}) {
    for (const size of Object.keys(SIZES)) testAtSize(size, name, fn, options);
}

/**
 * Where screenshots are saved: test-results/ on every run, so a test run never dirties the work tree;
 * `PC_SCREENSHOTS=docs npm run test:browser` refreshes the ones the README shows.
 */
export const SCREENSHOTS = process.env.PC_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots';

/**
 * The per-test context: a fresh page on the console, plus the helpers every test uses.
 * `open(params)` loads the console with URL parameters for a known start and waits until it is mounted.
 */
export function makeContext(page, baseUrl, viewport = SIZES.wide) {
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const httpErrors = [];
    page.on('response', (r) => {
        if (r.status() >= 400) httpErrors.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const ctx = {
        page,
        pageErrors,
        viewport,
        /** Where a test's time went: loading the console and running axe, in ms (printed beside its result). */
        spent: { open: 0, axe: 0 },
        /** True at the utility-bar size. */
        narrow: viewport.width < 600,
        async open(params = {}) {
            // Paused unless the test asks otherwise; `speed: undefined` leaves it out (the console's default).
            const started = Date.now();
            const merged = { seed: '1', speed: 'paused', ...params };
            const query = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined));
            await page.goto(`${baseUrl}?${query}`, { waitUntil: 'load' });
            // Parsing the 3 MB console bundle is the slowest step of a test on a loaded machine.
            await page
                .waitForFunction(() => window.__pcLocal?.ready === true, null, { timeout: WAIT_MS * 2 })
                .catch((e) => {
                    // Say why the console never mounted: a script error or a file the server did not serve.
                    throw new Error(
                        `the console never got ready: ${[e.message, ...pageErrors, ...httpErrors].join(' | ')}`
                    );
                });
            ctx.spent.open += Date.now() - started;
        },
        /** The console's landmark: everything the agent sees, without the simulator panel. */
        console: () => page.getByRole('main', { name: 'Agent console' }),
        /** The Dialer simulator panel. */
        simulator: () => page.getByRole('region', { name: 'Dialer simulator' }),
        /** Clicks a button of the simulator panel by its exact name. */
        async sim(name) {
            await ctx.simulator().getByRole('button', { name, exact: true }).click();
        },
        /**
         * Fails with the violations listed when axe finds any in the page as it is now; the simulator panels are
         * left out unless `{ withPanel: true }`.
         */
        async axe(state, options = {}) {
            const started = Date.now();
            const violations = await axeViolations(page, options);
            ctx.spent.axe += Date.now() - started;
            assert.deepEqual(
                violations,
                [],
                `axe violations in state "${state}":\n${JSON.stringify(violations, null, 2)}`
            );
        },
        /** Saves a PNG of the page for the README; narrow ones are named `-360`. */
        async shot(name) {
            mkdirSync(SCREENSHOTS, { recursive: true });
            const file = viewport.width < 600 ? `${name}-360.png` : `${name}.png`;
            await page.screenshot({ path: join(SCREENSHOTS, file), animations: 'disabled', caret: 'hide' });
        },
        /** Waits (bounded) until the locator's text contains every expected string. */
        async expectText(locator, ...expected) {
            const deadline = Date.now() + WAIT_MS;
            let text = '';
            for (;;) {
                text = (await locator.innerText().catch(() => '')) ?? '';
                if (expected.every((e) => (e instanceof RegExp ? e.test(text) : text.includes(e)))) return text;
                if (Date.now() > deadline) {
                    assert.fail(
                        `expected text ${expected.map(String).join(', ')} not found in:\n${text.slice(0, 2000)}`
                    );
                }
                await page.waitForTimeout(50);
            }
        },
        /** Waits (bounded) until the locator matches no element or only hidden ones. */
        async expectGone(locator) {
            await locator
                .first()
                .waitFor({ state: 'hidden' })
                .catch(async () => {
                    assert.equal(await locator.count(), 0, 'expected the element to be gone');
                });
        }
    };
    return ctx;
}
