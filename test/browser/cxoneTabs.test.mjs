// The CXone mode with two tabs of the console (BX-2): the leading tab drives the dialer session, a second tab
// mirrors it and forwards the agent's commands, and exactly one of each command reaches CXone.
import assert from 'node:assert/strict';
import { chooseSkill, previewWindow } from './steps.mjs';
import { openCxone, openSecondTab, signIn } from './cxoneSteps.mjs';
import { test } from './suite.mjs';

/** The dialer logouts CXone received (a refused or retried one counts too: none may be sent twice). */
const logoutsSent = (fake) => fake.metrics.commands.filter((c) => /^POST [^ ]*dialer-logout /.test(c)).length;

test('BX-2 AV-3 CXone mode: Logout in the second tab is forwarded to the leading tab, which sends it to CXone once', async (ctx) => {
    const cxone = await openCxone(ctx);
    try {
        // Preview dialing: nothing is dialed by itself, so the Logout takes effect at once (with a call in
        // progress CXone would finish the call first, AV-3, and both tabs would rightly stay Working).
        await cxone.fake.setPreviewMode(true);
        await signIn(ctx, cxone.fake);
        await chooseSkill(ctx);
        await previewWindow(ctx).waitFor();
        const follower = await openSecondTab(ctx);
        const mirror = follower.console();
        // The second tab mirrors the session: the agent's state and the open preview (without the contact).
        await mirror.getByRole('article', { name: 'Preview' }).waitFor();
        await mirror.getByRole('button', { name: 'Working' }).click();
        await mirror
            .getByRole('group', { name: 'Availability and skills' })
            .getByRole('button', { name: 'Logout' })
            .click();
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
        assert.deepEqual(ctx.pageErrors, []);
    } finally {
        await cxone.stop();
    }
});
