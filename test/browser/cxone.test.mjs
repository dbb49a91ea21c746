// The console in its CXone mode: the real CXone adapter, built by the org's composition root, against the project's
// CXone fake started beside it on 127.0.0.1. The sign-in window's page has no opener (BX-11).
import assert from 'node:assert/strict';
import { startCxoneFake } from '../../local/cxoneFake.mjs';
import { chooseSkill, waitUntil } from './steps.mjs';
import { test } from './suite.mjs';

/** Opens the console in the CXone mode against a fresh fake; returns the fake and its stop(). */
async function openCxone(ctx) {
    const cxone = await startCxoneFake();
    // Every page of this test, the sign-in window included, starts with no opener: the sign-in must not need it.
    await ctx.page.context().addInitScript(() => {
        if (window.location.pathname === '/apex/PersonalConnectionSignIn') {
            window.opener = null;
            window.__pcOpenerAtLoad = window.opener;
        }
    });
    await ctx.open({ dialer: 'cxone', cxone: cxone.fake.baseUri, seed: undefined, speed: undefined });
    return cxone;
}

/** Signs in through the popup; resolves once the console is connected. */
async function signIn(ctx, fake) {
    const con = ctx.console();
    const button = con.getByRole('button', { name: 'Sign in to CXone' });
    await button.waitFor();
    const popupOpened = ctx.page.waitForEvent('popup');
    await button.click();
    const popup = await popupOpened;
    // The popup ends on the sign-in page, which saves the code and closes itself.
    await popup.waitForEvent('close', { timeout: 20_000 });
    await ctx.expectGone(con.getByRole('button', { name: 'Sign in to CXone' }));
    await waitUntil(ctx.page, () => fake.metrics.tokensIssued > 0, { what: 'the code exchanged for a token' });
}

test('BX-11 LC-3 CXone mode: signs in through the popup whose page has no window.opener, then works a skill', async (ctx) => {
    const cxone = await openCxone(ctx);
    try {
        const con = ctx.console();
        await con.getByRole('button', { name: 'Sign in to CXone' }).waitFor();
        await ctx.axe('sign-in needed');
        await signIn(ctx, cxone.fake);
        assert.equal(cxone.fake.metrics.tokensIssued, 1, 'one code exchanged for one token');
        await ctx.axe('signed in');
        await chooseSkill(ctx);
        await waitUntil(ctx.page, async () => (await con.innerText()).includes('PC Collections'), {
            what: 'the chosen skill shown'
        });
        assert.deepEqual(ctx.pageErrors, []);
    } finally {
        await cxone.stop();
    }
});
