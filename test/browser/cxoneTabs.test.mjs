// The CXone mode with two tabs of the console (BX-2): the leading tab drives the dialer session, a second tab
// mirrors it and forwards the agent's commands, and exactly one of each command reaches CXone.
import assert from 'node:assert/strict';
import { callsRegion, previewWindow } from './steps.mjs';
import { logOut, openSecondTab, workingInCxone } from './cxoneSteps.mjs';
import { test } from './suite.mjs';

/** The dialer logouts CXone received (a refused or retried one counts too: none may be sent twice). */
const logoutsSent = (fake) => fake.metrics.commands.filter((c) => /^POST dialer-logout /.test(c)).length;

test('BX-2 AV-3 CXone mode: Logout in the second tab is forwarded to the leading tab, which sends it to CXone once', (ctx) =>
    workingInCxone(
        ctx,
        async (cxone) => {
            await previewWindow(ctx).waitFor();
            const follower = await openSecondTab(ctx);
            const mirror = follower.console();
            // The second tab mirrors the session: the agent's state and the open preview (without the contact).
            await mirror.getByRole('article', { name: 'Preview' }).waitFor();
            await logOut(mirror);
            // The tab that acted shows the result, and so does the leading tab that sent it.
            await mirror.getByRole('button', { name: 'Logged out' }).waitFor();
            await ctx.console().getByRole('button', { name: 'Logged out' }).waitFor();
            await ctx.expectGone(previewWindow(ctx));
            await ctx.expectGone(mirror.getByRole('article', { name: 'Preview' }));
            await cxone.fake.settle();
            assert.equal(logoutsSent(cxone.fake), 1, 'exactly one dialer logout reached CXone');
            assert.equal(cxone.fake.metrics.duplicateCommands, 0, 'no command was sent twice');
            assert.equal(cxone.fake.metrics.tokensIssued, 1, 'the second tab needed no sign-in of its own');
            assert.deepEqual(follower.errors, []);
        },
        // Preview dialing: nothing is dialed by itself, so the Logout takes effect at once (with a call in
        // progress CXone would finish the call first, AV-3, and both tabs would rightly stay Working).
        (cxone) => cxone.fake.setPreviewMode(true)
    ));

test('BX-2 AV-3 CXone mode: Logout in the second tab during a call waits for the call in both tabs; End Call and wrap-up there end the shift, each sent once', (ctx) =>
    workingInCxone(
        ctx,
        async (cxone) => {
            await cxone.fake.forceNextOutcome('Live');
            // Half a second to the dial, a second to ringing, two more to the answer.
            await cxone.advance(4000);
            await ctx.expectText(callsRegion(ctx), 'Active');
            const follower = await openSecondTab(ctx);
            const mirror = follower.console();
            const mirroredCall = mirror.getByRole('region', { name: 'Calls' }).getByRole('article');
            await mirroredCall.first().waitFor();
            await logOut(mirror);
            // CXone finishes the call in progress first (AV-3); both tabs say so and stay Working.
            await ctx.expectText(mirror, 'Logout after this call');
            await ctx.expectText(ctx.console(), 'Logout after this call');
            assert.equal(await mirror.getByRole('button', { name: 'Working' }).count(), 1, 'still working the call');
            // The agent ends the call and wraps it up in the second tab; the Logout then takes effect in CXone.
            const card = mirroredCall.first();
            await card.getByRole('button', { name: 'End Call' }).click();
            await card.getByRole('heading', { name: 'Wrap-up' }).waitFor();
            await card.getByRole('combobox', { name: 'Disposition' }).click();
            await card.getByRole('option').first().click();
            await card.getByRole('button', { name: 'Save' }).click();
            await mirror.getByRole('button', { name: 'Logged out' }).waitFor();
            await ctx.console().getByRole('button', { name: 'Logged out' }).waitFor();
            await cxone.fake.settle();
            const sent = (pattern) => cxone.fake.metrics.commands.filter((c) => pattern.test(c)).length;
            assert.equal(sent(/^POST dialer-logout /), 1, 'one dialer logout reached CXone');
            assert.equal(sent(/^POST interactions\/[^/ ]+\/end /), 1, 'one End Call reached CXone');
            assert.equal(sent(/^POST interactions\/[^/ ]+\/disposition /), 1, 'one disposition reached CXone');
            assert.equal(cxone.fake.metrics.duplicateCommands, 0, 'no command was sent twice');
            assert.deepEqual(follower.errors, []);
        },
        async (cxone) => {
            await cxone.fake.setLines(1);
            // The dialer clock paused: the one call is placed when the test says, never while a tab is loading.
            await cxone.setSpeed(0);
        }
    ));
