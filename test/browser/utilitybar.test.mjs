// The console where agents use it (UB-1..UB-6, AD-5, LC-1): each test runs in a 360x600 utility-bar panel and on
// a 1280x800 console page, by role and accessible name, with axe in every state. Positions are read from the
// page's layout (getBoundingClientRect), never from class names.
import assert from 'node:assert/strict';
import { test, testAtBothSizes, testAtSize } from './suite.mjs';
import {
    advanceUntil,
    callsRegion,
    chooseSkill,
    description,
    isFocused,
    nextFrames,
    previewWindow,
    statuses,
    waitForPreview,
    waitUntil
} from './steps.mjs';

/** The console's box and the page's: neither may be wider than the viewport (UB-1). */
async function assertNoSidewaysScroll(ctx, state) {
    const { page } = ctx;
    const [pageWidth, consoleScroll, consoleClient] = await page.evaluate(() => {
        const main = document.getElementById('console');
        return [document.documentElement.scrollWidth, main.scrollWidth, main.clientWidth];
    });
    const width = ctx.viewport.width;
    assert.ok(pageWidth <= width, `UB-1 ${state}: the page is ${pageWidth} px wide in a ${width} px viewport`);
    assert.ok(
        consoleScroll <= consoleClient,
        `UB-1 ${state}: the console overflows sideways (${consoleScroll} > ${consoleClient})`
    );
}

/** Fails unless the locator's box lies wholly inside the viewport. */
async function assertInViewport(ctx, locator, what) {
    const box = await locator.boundingBox();
    assert.ok(box, `${what} is rendered`);
    const { width, height } = ctx.viewport;
    assert.ok(
        box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5,
        `${what} is inside the ${width}x${height} viewport: ${JSON.stringify(box)}`
    );
}

/** Where a control sits in the viewport (where the agent sees it), rounded: sub-pixels are not movement. */
async function position(locator) {
    await locator.waitFor();
    return locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: Math.round(r.left), y: Math.round(r.top) };
    });
}

/** Waits until a live call is Active, answered by the forced Live answer. */
async function answerLive(ctx) {
    await ctx.sim('Live answer');
    await advanceUntil(ctx, async () => (await statuses(ctx))[0] === 'Active', { what: 'Active' });
}

/** Scrolls until the end of the screen pop is at the bottom of the viewport, as an agent reading it would. */
async function scrollPopToEnd(ctx, pop) {
    await pop.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await nextFrames(ctx.page);
}

testAtBothSizes(
    'UB-1 UB-3 AD-5 CP-4 during a call the controls stay in view while the pop scrolls beneath, and Attempts History shows all seven fields and Callable without sideways scrolling',
    async (ctx) => {
        // Seed 4's first record has a destination the dialer may not call (Destination Not in Cadence).
        await ctx.open({ seed: '4', lines: '1', preview: 'on' });
        await assertNoSidewaysScroll(ctx, 'logged out');
        await chooseSkill(ctx);
        const { name } = await waitForPreview(ctx);
        const con = ctx.console();
        const pop = con.getByRole('region', { name });
        await pop.getByRole('tablist').waitFor();
        await assertNoSidewaysScroll(ctx, 'preview with its pop');
        await ctx.axe('preview with its screen pop');
        await ctx.shot('07-preview-with-pop');
        // UB-1: the preview's actions stay in view with the pop scrolled to its end.
        await pop.getByRole('tab', { name: 'Attempts History' }).click();
        await scrollPopToEnd(ctx, pop);
        for (const action of ['Accept', 'Requeue', 'Reschedule', 'Snooze']) {
            await assertInViewport(ctx, previewWindow(ctx).getByRole('button', { name: action, exact: true }), action);
        }

        await previewWindow(ctx).getByRole('button', { name: 'Accept' }).click();
        const card = callsRegion(ctx).getByRole('article', { name });
        await ctx.sim('Live answer');
        await advanceUntil(ctx, async () => (await card.innerText()).includes('AMD'), { what: 'AMD' });
        // AD-5: at AMD the basic information (Value one / Value two) and the machine buttons, in view.
        await ctx.expectText(pop, 'Account', 'Balance due');
        assert.equal(await pop.getByRole('tab', { name: 'Contact History' }).count(), 0, 'AD-5 no panel at AMD');
        for (const machine of ['Answering Machine', 'Fax', 'Bad Number']) {
            await assertInViewport(ctx, card.getByRole('button', { name: machine }), machine);
        }
        await ctx.axe('AMD with the basic information');
        await ctx.shot('08-amd-basic-info');

        await advanceUntil(ctx, async () => (await card.innerText()).includes('Active'), { what: 'Active' });
        await pop.getByRole('tab', { name: 'Attempts History' }).click();
        const history = pop.getByRole('tabpanel', { name: 'Attempts History' });
        const rows = history.getByRole('row').filter({ has: ctx.page.getByRole('rowheader') });
        await rows.first().waitFor();
        await assertNoSidewaysScroll(ctx, 'Attempts History');
        await ctx.axe('Active with Attempts History');
        await ctx.shot('09-active-attempts-history');
        // UB-3: every field of every destination lies inside the viewport's width, the reason beside its row.
        const count = await rows.count();
        assert.ok(count >= 3, 'one row per destination');
        let reasons = 0;
        for (let i = 0; i < count; i += 1) {
            const row = rows.nth(i);
            await row.scrollIntoViewIfNeeded();
            // The seven fields of SP-2 and CP-4's Callable.
            const fields = [
                row.getByRole('rowheader'),
                ...[0, 1, 2, 3, 4, 5, 6].map((c) => row.getByRole('cell').nth(c))
            ];
            for (const [f, field] of fields.entries()) {
                const box = await field.boundingBox();
                assert.ok(box && box.height > 0, `row ${i} field ${f} is shown`);
                assert.ok(
                    box.x >= 0 && box.x + box.width <= ctx.viewport.width + 0.5,
                    `UB-3 row ${i} field ${f} is inside the width: ${JSON.stringify(box)}`
                );
            }
            const reason = (await row.getByRole('cell').nth(5).innerText()).trim();
            if (reason) {
                reasons += 1;
                const rowBox = await row.boundingBox();
                const reasonBox = await row.getByRole('cell').nth(5).boundingBox();
                assert.ok(
                    reasonBox.y >= rowBox.y && reasonBox.y + reasonBox.height <= rowBox.y + rowBox.height + 0.5,
                    'UB-3 the reason shows within its destination'
                );
            }
        }
        assert.ok(reasons > 0, 'UB-3 an uncallable destination shows its reason');
        // UB-1: the call's own controls stay in view with the pop scrolled to its end.
        await scrollPopToEnd(ctx, pop);
        for (const control of ['Hold', 'Mute', 'End Call', 'Transfer']) {
            await assertInViewport(ctx, card.getByRole('button', { name: control, exact: true }), control);
        }
        await ctx.shot('10-active-pop-scrolled');
    }
);

testAtBothSizes(
    'UB-1 UB-2 BX-4 opening the skill panel, Agent Messages, the scoreboard, Transfer and Keyboard shortcuts does not move the End Call button and each opens inside the window; Transfer takes focus, Escape gives it back',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'off' });
        await chooseSkill(ctx);
        await answerLive(ctx);
        const con = ctx.console();
        const card = callsRegion(ctx).getByRole('article').first();
        const endCall = card.getByRole('button', { name: 'End Call' });
        await endCall.waitFor();
        // In a utility-bar-sized window the simulator sits below the console: back to the console's top, as the
        // agent sees it, before anything is measured.
        await con.getByRole('button', { name: 'Working' }).scrollIntoViewIfNeeded();
        const before = await position(endCall);

        await con.getByRole('button', { name: 'Working' }).click();
        await con.getByRole('group', { name: 'Availability and skills' }).waitFor();
        assert.deepEqual(await position(endCall), before, 'UB-2 the skill panel opens over the content');
        await ctx.axe('skill panel open during a call');
        await ctx.shot('11-skill-panel-over-call');
        await ctx.page.keyboard.press('Escape');
        await ctx.expectGone(con.getByRole('group', { name: 'Availability and skills' }));

        await con.getByRole('button', { name: /^Agent Messages/ }).click();
        const messages = con.getByRole('region', { name: 'Agent Messages' });
        await messages.waitFor();
        assert.deepEqual(await position(endCall), before, 'UB-2 Agent Messages opens over the content');
        // UB-1: wherever the header's buttons wrapped to, what opens from them is inside the window.
        await assertInViewport(ctx, messages, 'Agent Messages');
        await ctx.axe('Agent Messages open during a call');
        // BX-4: focus moving on past it closes it, so a later Escape has nothing left open to find.
        await ctx.page.keyboard.press('Tab');
        await ctx.expectGone(messages);

        await con.getByRole('button', { name: 'Session scoreboard' }).click();
        const board = con.getByRole('dialog', { name: 'Session scoreboard' });
        await board.waitFor();
        await assertInViewport(ctx, board, 'Session scoreboard');
        await ctx.page.keyboard.press('Escape');
        await ctx.expectGone(board);

        await con.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        const help = con.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await ctx.expectText(help, 'Accept', 'Alt+Shift+1', 'Bad Number', 'Alt+Shift+7');
        assert.deepEqual(await position(endCall), before, 'UB-2 the shortcut help opens over the content');
        await assertInViewport(ctx, help, 'Keyboard shortcuts');
        await ctx.axe('keyboard shortcuts open');
        await ctx.page.keyboard.press('Escape');
        await ctx.expectGone(help);

        const transferButton = card.getByRole('button', { name: 'Transfer' });
        await transferButton.click();
        const transfer = card.getByRole('dialog', { name: 'Transfer' });
        await transfer.waitFor();
        assert.deepEqual(await position(endCall), before, 'UB-2 Transfer opens over the content');
        // BX-4: the popover takes focus (its first control, the checked kind); Escape closes it, focus back on Transfer.
        await waitUntil(ctx.page, () => isFocused(transfer.getByRole('radio', { name: 'Skill' })), {
            what: 'focus in the transfer popover'
        });
        await ctx.page.keyboard.press('Escape');
        await ctx.expectGone(transfer);
        assert.equal(await isFocused(transferButton), true, 'BX-4 Escape gives focus back to Transfer');
        await ctx.page.keyboard.press('Enter');
        await waitUntil(ctx.page, () => isFocused(transfer.getByRole('radio', { name: 'Skill' })), {
            what: 'focus in the transfer popover opened by Enter'
        });
        // BX-4: each kind is a radio a pointer hits where it is drawn, so it is checked by role and name.
        await transfer.getByRole('radio', { name: 'Number' }).check();
        const numberField = transfer.getByRole('textbox', { name: 'Phone number to transfer to' });
        await numberField.fill('front desk');
        await transfer.getByRole('button', { name: 'Transfer now' }).click();
        // UB-6: what is wrong is said beside the field, as its description; what was typed stays; no banner too.
        await waitUntil(ctx.page, async () => /Not a number that can be called/.test(await description(numberField)), {
            what: 'the transfer number field says it is no number'
        });
        assert.equal(await numberField.inputValue(), 'front desk');
        assert.equal(await numberField.getAttribute('aria-invalid'), 'true');
        assert.equal(await con.getByRole('alert').filter({ hasText: 'Not a number' }).count(), 0);
        await ctx.axe('transfer number refused');
        await ctx.shot('12-transfer-number-refused');
        await transfer.getByRole('radio', { name: 'Agent' }).check();
        await waitUntil(ctx.page, () => transfer.getByRole('radio', { name: 'Agent' }).isChecked(), {
            what: 'Agent chosen'
        });
        const agentField = transfer.getByRole('textbox', { name: 'Agent ID' });
        assert.match(
            (await agentField.getAttribute('placeholder')) ?? '',
            /e\.g\./,
            'the Agent field says what to type'
        );
        await ctx.axe('transfer popover');
        await ctx.shot('12-transfer-popover');
        await agentField.fill('agent.4711');
        await transfer.getByRole('button', { name: 'Transfer now' }).click();
        // After a transfer the wrap-up says Transferred.
        await ctx.expectText(card, 'Ended', 'Outcome: Transferred');
        await ctx.expectText(card, 'Talk time');
        await ctx.axe('wrap-up after a transfer');
    }
);

testAtBothSizes(
    'UB-2 the callback marquee overlays the console: the callback call’s buttons do not move',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'on' });
        await chooseSkill(ctx);
        await waitForPreview(ctx);
        const con = ctx.console();
        await previewWindow(ctx).getByRole('button', { name: 'Reschedule' }).click();
        const form = con.getByRole('region', { name: 'Reschedule' });
        await form.getByRole('button', { name: 'Save' }).click();
        await ctx.expectGone(form);
        await ctx.sim('Advance to next callback');
        const marquee = con.getByRole('status').filter({ hasText: 'Callback:' });
        await marquee.waitFor();
        const card = callsRegion(ctx).getByRole('article').first();
        const machine = card.getByRole('button', { name: 'Answering Machine' });
        await machine.waitFor();
        const withMarquee = await position(machine);
        await ctx.axe('callback marquee');
        await ctx.shot('13-callback-marquee');
        await advanceUntil(ctx, async () => !(await marquee.isVisible()), { max: 10, what: 'the marquee to go' });
        if (await machine.isVisible()) {
            assert.deepEqual(await position(machine), withMarquee, 'UB-2 the marquee took no room from the call');
        }
    }
);

testAtBothSizes(
    'UB-6 a failed Accept shows one message in plain words with one Retry; details behind Details',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'on' });
        await chooseSkill(ctx);
        const { name } = await waitForPreview(ctx);
        const con = ctx.console();
        const fail = ctx.simulator().getByRole('button', { name: 'Fail next command' });
        await fail.click();
        await previewWindow(ctx).getByRole('button', { name: 'Accept' }).click();
        await ctx.expectText(previewWindow(ctx), 'Accept failed');
        const alerts = con.getByRole('alert');
        const texts = (await alerts.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
        assert.equal(texts.length, 1, `UB-6 one message: ${JSON.stringify(texts)}`);
        assert.equal(await con.getByRole('button', { name: 'Retry' }).count(), 1, 'UB-6 one Retry');
        assert.equal(await con.getByText('acceptPreview').isVisible(), false, 'UB-6 no internal detail in view');
        // The detail is behind a disclosure: a button named Details that says whether it is open.
        const details = previewWindow(ctx).getByRole('button', { name: 'Details' });
        assert.equal(await details.getAttribute('aria-expanded'), 'false');
        await details.click();
        assert.equal(await details.getAttribute('aria-expanded'), 'true');
        await ctx.expectText(previewWindow(ctx), 'acceptPreview');
        await details.click();
        assert.equal(await con.getByText('acceptPreview').isVisible(), false, 'UB-6 closed again');
        // The simulator's "Fail next command" is released once its failure is used.
        await waitUntil(ctx.page, async () => (await fail.getAttribute('aria-pressed')) === 'false', {
            what: 'Fail next command released'
        });
        await ctx.axe('a failed Accept');
        await ctx.shot('14-failed-accept');
        await con.getByRole('button', { name: 'Retry' }).click();
        await ctx.expectText(callsRegion(ctx).getByRole('article', { name }), 'Dialing');
        await ctx.expectGone(con.getByRole('button', { name: 'Retry' }));
    }
);

// One size: what is checked here is where the message goes, not the layout, which the Accept test above covers.
testAtSize(
    'narrow',
    'UB-6 UB-7 AM-2 a failed Fax is said in its call card with one Retry; Retry marks the call and confirms it',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'off' });
        await chooseSkill(ctx);
        const con = ctx.console();
        const cards = callsRegion(ctx).getByRole('article');
        await advanceUntil(ctx, async () => (await cards.count()) === 1, { what: 'a call' });
        const card = cards.first();
        const name = (await card.getByRole('heading').innerText()).trim();
        await ctx.simulator().getByRole('button', { name: 'Fail next command' }).click();
        await card.getByRole('button', { name: 'Fax' }).click();
        await ctx.expectText(card.getByRole('alert'), 'Fax failed:');
        const texts = (await con.getByRole('alert').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
        assert.equal(texts.length, 1, `UB-6 one message, in the card: ${JSON.stringify(texts)}`);
        assert.equal(await con.getByRole('button', { name: 'Retry' }).count(), 1, 'UB-6 one Retry');
        assert.equal(await card.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded'), 'false');
        await ctx.axe('a failed Fax');
        await card.getByRole('button', { name: 'Retry' }).click();
        await ctx.expectText(con.getByRole('status').filter({ hasText: 'marked as a fax machine' }), name);
        await ctx.expectGone(con.getByRole('button', { name: 'Retry' }));
        assert.equal(await con.getByText('Fax failed').count(), 0, 'UB-6 the message went with the failure');
    }
);

testAtBothSizes(
    'AD-5 with screen pops off, answering opens no Contact History panel; the AMD basic information shows',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'off', pops: 'off' });
        await chooseSkill(ctx);
        await ctx.sim('Live answer');
        const card = callsRegion(ctx).getByRole('article').first();
        const shows = async (status) => (await card.count()) > 0 && (await card.innerText()).includes(status);
        await advanceUntil(ctx, () => shows('AMD'), { what: 'AMD' });
        const con = ctx.console();
        await ctx.expectText(con, 'Account', 'Balance due');
        await advanceUntil(ctx, () => shows('Active'), { what: 'Active' });
        await ctx.expectText(con, 'Account', 'Balance due');
        assert.equal(await con.getByRole('tab', { name: 'Contact History' }).count(), 0, 'AD-5 no Contact History');
        assert.equal(await con.getByRole('tablist').count(), 0, 'AD-5 no panel');
        await ctx.axe('screen pops off, Active');
    }
);

// The counter's tick does not depend on the width: in the utility-bar panel.
testAtSize('narrow', 'UB-4 LC-1 at 1x by default the counter of a Ringing call moves on its own', async (ctx) => {
    // No speed in the URL: the local console runs in real time (LC-1).
    await ctx.open({ lines: '1', preview: 'off', speed: undefined });
    const oneX = ctx.simulator().getByRole('radio', { name: '1x' });
    assert.equal(await oneX.isChecked(), true, 'LC-1 the clock runs at 1x unless asked');
    await chooseSkill(ctx);
    await ctx.sim('No answer');
    const card = callsRegion(ctx).getByRole('article').first();
    const seconds = async () => {
        if (!(await card.count())) return null;
        const text = await card.innerText();
        const m = /Ringing\s+(\d+):(\d{2})/.exec(text);
        return m ? Number(m[1]) * 60 + Number(m[2]) : null;
    };
    await waitUntil(ctx.page, async () => (await seconds()) !== null, { timeoutMs: 30_000, what: 'a Ringing call' });
    const first = await seconds();
    // The counter moves on its own within a second or two of real time; nothing else is clicked meanwhile.
    await waitUntil(ctx.page, async () => ((await seconds()) ?? -1) > first, {
        what: `UB-4 the Ringing counter to move on from ${first} s`
    });
    await ctx.axe('a Ringing call at 1x');
});

test('LC-1 the known start npm start prints shows three lines working at 1x', async (ctx) => {
    await ctx.open({ seed: '1', lines: '3', preview: 'off', speed: '1', skill: 'skill-collections' });
    const con = ctx.console();
    await con.getByRole('button', { name: 'Working' }).waitFor({ timeout: 30_000 });
    await waitUntil(ctx.page, async () => (await callsRegion(ctx).getByRole('article').count()) === 3, {
        timeoutMs: 30_000,
        what: 'three lines'
    });
    await ctx.expectText(callsRegion(ctx), 'Line 1', 'Line 2', 'Line 3');
});

testAtBothSizes(
    "UB-1 CL-1 AM-1 AM-3 SP-1 with a call answered and two more lines dialing, its pop and the last line's machine buttons can be reached and used by role",
    async (ctx) => {
        await ctx.open({ lines: '3', preview: 'off' });
        await chooseSkill(ctx);
        await ctx.sim('Live answer');
        const cards = callsRegion(ctx).getByRole('article');
        // The answered call's screen pop fills the page below the calls: the case where the calls' column sticks.
        const busy = async () => {
            const texts = await cards.allInnerTexts();
            return (
                texts.length === 3 && texts.some((t) => t.includes('Active')) && /Dialing|Ringing/.test(texts[2] ?? '')
            );
        };
        await advanceUntil(ctx, busy, { what: 'one call answered, two more dialing' });
        // The answered call's pop, below three calls' controls, can still be worked.
        const active = cards.filter({ hasText: 'Active' });
        const activeName = (await active.getByRole('heading').innerText()).trim();
        // AM-3: the answered call keeps its machine buttons in place, disabled.
        for (const machine of ['Answering Machine', 'Fax', 'Bad Number']) {
            assert.equal(await active.getByRole('button', { name: machine }).isDisabled(), true, `AM-3 ${machine}`);
        }
        const pop = ctx.console().getByRole('region', { name: activeName });
        await pop.getByRole('tab', { name: 'Attempts History' }).click({ timeout: 5000 });
        await pop.getByRole('tabpanel', { name: 'Attempts History' }).waitFor();
        const last = cards.nth(2);
        const name = (await last.getByRole('heading').innerText()).trim();
        await last.getByRole('button', { name: 'Bad Number' }).click({ timeout: 5000 });
        // AM-2: the line closes with its outcome; the other two go on.
        await ctx.expectGone(callsRegion(ctx).getByRole('article', { name }));
        assert.equal(await cards.count(), 2, 'the other lines stay');
        await ctx.axe('three lines, one closed by hand');
    }
);
