// WU-2, WU-3: a shift of several calls in the local console, counted by the test from what it did, matches the
// session scoreboard; at an answering machine the agent leaves the recorded voicemail with one click.
import assert from 'node:assert/strict';
import { testAtSize } from './suite.mjs';
import { advanceUntil, callsRegion, chooseSkill, description, statuses, waitUntil } from './steps.mjs';

/** Forces the next dial's outcome, then advances until the first call shows `status`. */
async function dialUntil(ctx, outcome, status) {
    await ctx.sim(outcome);
    await advanceUntil(ctx, async () => (await statuses(ctx))[0] === status, {
        max: 60,
        what: `a call ${status} after ${outcome}`
    });
}

// The scoreboard's arithmetic does not change with the width: measured in the utility-bar panel, where agents use it
// (the scoreboard's popover at both sizes is in utilitybar.test).
testAtSize('narrow', 'WU-2 WU-3 a shift of calls: the scoreboard matches them; voicemail drop at AMD', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'off' });
    await chooseSkill(ctx);
    const con = ctx.console();
    const did = { calls: 0, live: 0, machines: 0 };

    for (const step of ['live', 'no-answer', 'voicemail', 'live']) {
        const card = callsRegion(ctx).getByRole('article').first();
        if (step === 'live') {
            await dialUntil(ctx, 'Live answer', 'Active');
            await card.getByRole('button', { name: 'End Call' }).click();
            await card.getByRole('heading', { name: 'Wrap-up' }).waitFor();
            const disposition = card.getByRole('combobox', { name: 'Disposition' });
            if (did.live === 0) {
                // UB-6: Save with no disposition: the list says so, as its description; nothing is saved.
                await card.getByRole('button', { name: 'Save' }).click();
                await waitUntil(
                    ctx.page,
                    async () => (await description(disposition)).includes('Choose a disposition.'),
                    {
                        what: 'the disposition list says one is needed'
                    }
                );
                await ctx.axe('wrap-up saved with no disposition');
            }
            await disposition.click();
            await card.getByRole('option', { name: 'Paid in full', exact: true }).click();
            await card.getByRole('button', { name: 'Save' }).click();
            await ctx.expectGone(card);
            did.live += 1;
        } else if (step === 'no-answer') {
            await ctx.sim('No answer');
            await advanceUntil(ctx, async () => (await statuses(ctx)).length > 0, { what: 'a call dialing' });
            // Unanswered, it is logged and leaves the panel on its own.
            await advanceUntil(ctx, async () => (await statuses(ctx)).length === 0, {
                max: 90,
                what: 'the unanswered call gone'
            });
        } else {
            await dialUntil(ctx, 'Answering machine', 'AMD');
            const drop = card.getByRole('button', { name: 'Leave voicemail' });
            await ctx.axe('a call at AMD with Leave voicemail');
            await drop.click();
            // The dialer closes the line as message left and frees the agent at once.
            await ctx.expectGone(drop);
            did.machines += 1;
        }
        did.calls += 1;
    }

    await con.getByRole('button', { name: 'Session scoreboard' }).click();
    const board = con.getByRole('dialog', { name: 'Session scoreboard' });
    const figure = async (id) => (await board.locator(`dd[data-id="${id}"]`).innerText()).trim();
    assert.equal(await figure('calls-handled'), String(did.calls));
    assert.equal(await figure('live-connects'), String(did.live));
    assert.equal(await figure('answering-machines'), String(did.machines));
    assert.equal(await figure('connect-rate'), `${Math.round((100 * did.live) / did.calls)}%`);
    assert.equal(await figure('callbacks-booked'), '0');
    await ctx.axe('the session scoreboard open');
    await ctx.page.keyboard.press('Escape');
    await ctx.expectGone(board);
});
