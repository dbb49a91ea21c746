// Steps of the agent guide shared by the browser tests: each works by role and accessible name, and each
// wait is bounded (a number of virtual-clock advances, or playwright's default timeout). A step never takes
// for granted that the page has caught up with a click or a key: it waits for what the agent would see.
import assert from 'node:assert/strict';
import { WAIT_MS } from './harness.mjs';

/** The status words of CL-1, as the call cards show them. */
export const STATUS = /\b(Dialing|Ringing|AMD|Active|Held|Ended)\b/;

/**
 * Polls check() until it holds, as playwright's expect does; fails after timeoutMs with what was awaited.
 * For conditions a locator's own waitFor cannot express (a highlighted option, a checked radio).
 */
export async function waitUntil(page, check, { timeoutMs = WAIT_MS, what = 'the condition' } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await check()) return;
        if (Date.now() > deadline) assert.fail(`${what} did not happen within ${timeoutMs} ms`);
        await page.waitForTimeout(50);
    }
}

/** Resolves after the page has drawn two more frames: a layout or render the last action started is done. */
export async function nextFrames(page) {
    await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))))
    );
}

/** Clicks the simulator's Advance 1 second until check() holds; fails after max advances. */
export async function advanceUntil(ctx, check, { max = 40, button = 'Advance 1 second', what = 'the condition' } = {}) {
    for (let i = 0; i <= max; i += 1) {
        if (await check()) return i;
        if (i < max) await ctx.sim(button);
    }
    return assert.fail(`${what} did not happen within ${max} x ${button}`);
}

/** Opens the skill panel from the availability control and chooses a Personal Connection skill (AV-2). */
export async function chooseSkill(ctx, skill = 'PC Collections') {
    const con = ctx.console();
    await con.getByRole('button', { name: 'Logged out' }).click();
    await con.getByRole('group', { name: 'Availability and skills' }).getByRole('button', { name: skill }).click();
    await con.getByRole('button', { name: 'Working' }).waitFor();
}

/** The preview window (PV-1). */
export function previewWindow(ctx) {
    return ctx.console().getByRole('article', { name: 'Preview' });
}

/** The Calls region (CL-1). */
export function callsRegion(ctx) {
    return ctx.console().getByRole('region', { name: 'Calls' });
}

/** Advances until the preview window is shown; returns the contact name and the number it shows. */
export async function waitForPreview(ctx) {
    const preview = previewWindow(ctx);
    await advanceUntil(ctx, () => preview.isVisible(), { what: 'a preview' });
    const text = await preview.innerText();
    // UB-5: numbers show as people write them, national ((312) 555-0100) or international (+44 20 7946 0958).
    const number = text.match(/\(\d{3}\) \d{3}-\d{4}|\+\d[\d ]{6,18}\d/)?.[0];
    assert.ok(number, `the preview shows a number to dial:\n${text}`);
    const name = (await preview.getByRole('paragraph').first().innerText()).trim();
    assert.ok(name.length > 0, 'the preview shows the contact name');
    return { name, number };
}

/** The status words the calls show now, in line order. */
export async function statuses(ctx) {
    const cards = callsRegion(ctx).getByRole('article');
    const out = [];
    for (let i = 0; i < (await cards.count()); i += 1) {
        out.push((await cards.nth(i).innerText()).match(STATUS)?.[1] ?? '');
    }
    return out;
}

/** The deepest focused element, through synthetic shadow roots, is the one the locator finds. */
export async function isFocused(locator) {
    return locator
        .evaluate((element) => {
            let active = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            return active === element || element.contains(active);
        })
        .catch(() => false);
}

/** Presses Tab (or Shift+Tab) until the locator's element has focus; fails after max presses. */
export async function tabTo(page, locator, { max = 60, back = false, what } = {}) {
    for (let i = 0; i < max; i += 1) {
        if (await isFocused(locator)) return;
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    if (await isFocused(locator)) return;
    assert.fail(`${what ?? 'the control'} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * True when the combobox's list is open with the option highlighted: what the list shows in focus and what a
 * screen reader reads (the combobox's aria-activedescendant names the option). Each look is short, since the
 * caller polls.
 */
export async function isHighlighted(combobox, option) {
    const [expanded, active, id] = await Promise.all([
        combobox.getAttribute('aria-expanded', { timeout: 1000 }).catch(() => null),
        combobox.getAttribute('aria-activedescendant', { timeout: 1000 }).catch(() => null),
        option.getAttribute('id', { timeout: 1000 }).catch(() => null)
    ]);
    return expanded === 'true' && !!id && active === id;
}

/**
 * The text of the elements a field's aria-describedby names: its accessible description. An id is looked up in the
 * field's own shadow tree, else anywhere in the page, as the browser does: a base component (lightning-combobox)
 * names its message from the tree around its inner control, and synthetic shadow's getElementById leaves out
 * shadow content, so the page is walked.
 */
export async function description(locator) {
    return locator.evaluate((el) => {
        const root = el.getRootNode();
        const inPage = (id) => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.id === id) return n;
            return null;
        };
        return (el.getAttribute('aria-describedby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => (root.querySelector?.(`[id="${id}"]`) ?? inPage(id))?.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
    });
}
