// Steps shared by the CXone-mode browser tests: open the console against a fresh CXone fake, sign in through
// the popup (whose page has no window.opener, BX-11), work a skill, log out, and open a second tab on the same
// console.
import assert from 'node:assert/strict';
import { startCxoneFake } from '../../local/cxoneFake.mjs';
import { chooseSkill, waitUntil } from './steps.mjs';

/** Opens the console in the CXone mode against a fresh fake; returns the fake and its stop(). */
export async function openCxone(ctx) {
    const cxone = await startCxoneFake();
    // Every page of this test, the sign-in window included, starts with no opener: the sign-in must not need it.
    await ctx.page.context().addInitScript(() => {
        if (window.location.pathname === '/apex/PersonalConnectionSignIn') {
            window.opener = null;
            window.__pcOpenerAtLoad = window.opener;
        }
    });
    await ctx.open({
        dialer: 'cxone',
        cxone: cxone.fake.baseUri,
        cxoneControl: cxone.controlUri,
        seed: undefined,
        speed: undefined
    });
    return cxone;
}

/** Signs in through the popup of `page` (the test's page unless given); resolves once the code became a token. */
export async function signIn(ctx, fake, page = ctx.page) {
    const con = page.getByRole('main', { name: 'Agent console' });
    const button = con.getByRole('button', { name: 'Sign in to CXone' });
    const tokensBefore = fake.metrics.tokensIssued;
    await button.waitFor();
    const popupOpened = page.waitForEvent('popup');
    await button.click();
    const popup = await popupOpened;
    // The popup ends on the sign-in page, which saves the code and closes itself.
    // The page may save and close before this line runs: only wait for a close still to come.
    if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 20_000 });
    await button.waitFor({ state: 'hidden' });
    await waitUntil(page, () => fake.metrics.tokensIssued > tokensBefore, { what: 'the code exchanged for a token' });
}

/** Opens a second tab of the console on the same URL (same browser, same agent); returns it and its page errors. */
export async function openSecondTab(ctx) {
    const page = await ctx.page.context().newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ctx.page.url(), { waitUntil: 'load' });
    await page.waitForFunction(() => window.__pcLocal?.ready === true);
    return { page, errors, console: () => page.getByRole('main', { name: 'Agent console' }) };
}

/**
 * The frame of a CXone-mode test: opens the console against a fresh fake, runs `prepare(cxone)` (the dialer's
 * set-up before the agent signs in), signs in, chooses the skill, runs `body(cxone)`, checks that the page raised
 * no error, and stops the fake whatever happened.
 */
export async function workingInCxone(ctx, body, prepare = async () => undefined) {
    const cxone = await openCxone(ctx);
    try {
        await prepare(cxone);
        await signIn(ctx, cxone.fake);
        await chooseSkill(ctx);
        await body(cxone);
        assert.deepEqual(ctx.pageErrors, []);
    } finally {
        await cxone.stop();
    }
}

/** Logs the agent out from the availability menu of `con` (a console's main region). */
export async function logOut(con) {
    await con.getByRole('button', { name: 'Working' }).click();
    await con.getByRole('group', { name: 'Availability and skills' }).getByRole('button', { name: 'Logout' }).click();
}
