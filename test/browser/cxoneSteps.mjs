// Steps shared by the CXone-mode browser tests: open the console against a fresh CXone fake, sign in through
// the popup (whose page has no window.opener, BX-11), and open a second tab on the same console.
import { startCxoneFake } from '../../local/cxoneFake.mjs';
import { waitUntil } from './steps.mjs';

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
