// The CXone mode's Dialer simulator panel: its dialer clock paces what the CXone fake does by itself while the
// console keeps the browser's clock (LC-1, LC-3), and its fault menu gives the agent one plain message with one
// Retry that works (UB-6).
import assert from 'node:assert/strict';
import { STATUS, callsRegion, previewWindow, waitUntil } from './steps.mjs';
import { workingInCxone } from './cxoneSteps.mjs';
import { test } from './suite.mjs';

/** The status word of the only call card. */
async function callStatus(ctx) {
    const cards = callsRegion(ctx).getByRole('article');
    if ((await cards.count()) !== 1) return '';
    return (await cards.first().innerText()).match(STATUS)?.[1] ?? '';
}

/** Waits until the fake's clock (which follows real time) has moved `ms` past where it is now. */
async function dialerTimePasses(ctx, fake, ms) {
    const target = fake.clockNow + ms;
    await waitUntil(ctx.page, () => fake.clockNow >= target, { what: `${ms} ms of the dialer's clock` });
}

test('LC-1 LC-3 CXone mode: the dialer clock pauses, advances and speeds up the fake; the times it reports stay real', (ctx) => {
    const panel = ctx.simulator();
    const clock = panel.getByRole('group', { name: 'Dialer clock' });
    return workingInCxone(
        ctx,
        async (cxone) => {
            // Paused: the dialer places no call by itself, however long its clock runs.
            await dialerTimePasses(ctx, cxone.fake, 1500);
            assert.deepEqual(cxone.fake.liveContactIds(), [], 'no dial while the dialer clock is paused');
            assert.equal(await callsRegion(ctx).getByRole('article').count(), 0);
            // Advance 1 second: the dial due half a second after the login happens, and nothing more.
            await clock.getByRole('button', { name: 'Advance 1 second' }).click();
            await waitUntil(ctx.page, async () => (await callStatus(ctx)) === 'Dialing', { what: 'the call dialing' });
            await dialerTimePasses(ctx, cxone.fake, 1500);
            assert.equal(await callStatus(ctx), 'Dialing', 'still dialing while paused');
            await clock.getByRole('button', { name: 'Advance 1 second' }).click();
            await waitUntil(ctx.page, async () => (await callStatus(ctx)) === 'Ringing', { what: 'the call ringing' });
            // 60x: the 2 dialer seconds to an answer pass at once in real time.
            await clock.getByRole('radio', { name: '60x' }).check();
            await ctx.expectText(panel.getByRole('status'), 'The dialer clock runs at 60x.');
            await waitUntil(ctx.page, async () => ['Active', 'AMD', 'Ended', ''].includes(await callStatus(ctx)), {
                what: 'the call answered or ended'
            });
            // The fake's clock never left the browser's: the times CXone reports are real times.
            assert.ok(Math.abs(cxone.fake.clockNow - Date.now()) < 2000, 'the dialer reports real times at any pace');
            await ctx.axe('CXone panel with the dialer clock', { withPanel: true });
        },
        async (cxone) => {
            await cxone.fake.setLines(1);
            // Real time unless the developer chooses otherwise (LC-1).
            await waitUntil(ctx.page, () => clock.getByRole('radio', { name: '1x' }).isChecked(), {
                what: 'the dialer clock at 1x'
            });
            await clock.getByRole('radio', { name: 'Paused' }).check();
            await ctx.expectText(panel.getByRole('status'), 'The dialer clock is paused.');
        }
    );
});

test('UB-6 LC-3 CXone mode: a fault chosen in the panel gives one plain message with one Retry, and the Retry succeeds', (ctx) =>
    workingInCxone(
        ctx,
        async (cxone) => {
            const preview = previewWindow(ctx);
            await preview.waitFor();
            const panel = ctx.simulator();
            await panel.getByRole('combobox', { name: 'Fault' }).selectOption('next command: serverError');
            await panel.getByRole('button', { name: 'Inject fault' }).click();
            await ctx.expectText(panel.getByRole('status'), 'Queued the fault next command: serverError');
            // The agent accepts the preview: CXone answers 503 and dials nothing.
            const con = ctx.console();
            await preview.getByRole('button', { name: 'Accept' }).click();
            const alerts = con.getByRole('alert');
            await alerts.first().waitFor();
            assert.equal(await alerts.count(), 1, 'one message');
            const message = await alerts.first().innerText();
            assert.doesNotMatch(message, /503|HTTP|Error:|undefined|[{}<>]/, `a plain message:\n${message}`);
            assert.match(
                message,
                /busy or unavailable/,
                `says the dialer is unavailable, not "something went wrong":\n${message}`
            );
            // The message shows where the agent acted (the preview), with its one Retry beside it.
            const retry = con.getByRole('button', { name: 'Retry' });
            assert.equal(await retry.count(), 1, 'one Retry');
            assert.ok(await preview.getByRole('button', { name: 'Retry' }).isVisible(), "the Retry is the preview's");
            assert.equal(await callsRegion(ctx).getByRole('article').count(), 0, 'nothing dialed');
            await ctx.axe('CXone command failed', { withPanel: true });
            await retry.click();
            await ctx.expectGone(preview);
            await ctx.expectGone(alerts);
            await waitUntil(ctx.page, async () => (await callStatus(ctx)) !== '', { what: 'the accepted call shown' });
            await cxone.fake.settle();
            const accepts = cxone.fake.acted.filter((c) => / interactions\/[^/ ]+\/accept /.test(c));
            assert.equal(accepts.length, 1, 'the retry accepted the preview once');
            assert.equal(cxone.fake.metrics.duplicateCommands, 0, 'no command carried out twice');
        },
        (cxone) => cxone.fake.setPreviewMode(true)
    ));
