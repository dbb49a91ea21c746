// The agent guide (shared/seed/personal-connection-agent-guide.txt), walked in the real browser by role and
// accessible name, on the simulated dialer with the clock paused and moved by the Dialer simulator panel.
// Each state the agent sees is scanned with axe (0 violations); the main states are saved as screenshots.
import assert from 'node:assert/strict';
import { testAtBothSizes as test, testAtSize } from './suite.mjs';
import {
    advanceUntil,
    callsRegion,
    chooseSkill,
    previewWindow,
    statuses,
    waitForPreview,
    waitUntil,
    STATUS
} from './steps.mjs';

const ATTEMPT_DATE = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;

test('AV-1 AV-2 PV-1 choosing a Personal Connection skill starts delivery and the preview shows contact, number, Value one / Value two and attempts', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    const con = ctx.console();
    await con.getByRole('button', { name: 'Logged out' }).click();
    const panel = con.getByRole('group', { name: 'Availability and skills' });
    for (const skill of ['PC Collections', 'PC Renewals', 'PC Win-back']) {
        await panel.getByRole('button', { name: skill }).waitFor();
    }
    assert.equal(await panel.getByRole('button', { name: 'Inbound Support' }).count(), 0, 'only PC skills are offered');
    await ctx.axe('skill panel open');
    await ctx.shot('01-skill-menu');

    await panel.getByRole('button', { name: 'PC Collections' }).click();
    await con.getByRole('button', { name: 'Working' }).waitFor();
    await ctx.expectText(con, 'Skill: PC Collections');
    const { name, number } = await waitForPreview(ctx);
    const preview = previewWindow(ctx);
    // Value one and Value two carry the admin's labels (AD-1 defaults: Account, Balance due).
    await ctx.expectText(preview, name, 'Number to dial', number, 'Account', 'Balance due', 'Attempts so far');
    for (const action of ['Accept', 'Requeue', 'Reschedule', 'Snooze']) {
        assert.equal(await preview.getByRole('button', { name: action, exact: true }).isEnabled(), true, action);
    }
    await ctx.axe('preview');
    await ctx.shot('02-preview');
});

test('PV-4 RS-1 RS-2 RS-4 AG-1 Reschedule refuses bad input beside the field, then the callback arrives at its instant with a five-second marquee kept in Agent Messages', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const { number } = await waitForPreview(ctx);
    const con = ctx.console();
    await previewWindow(ctx).getByRole('button', { name: 'Reschedule' }).click();
    const form = con.getByRole('region', { name: 'Reschedule' });
    const phone = form.getByRole('textbox', { name: 'Phone number' });
    assert.equal(await phone.inputValue(), number, 'RS-1 the number is prefilled from the preview');
    assert.equal(await form.getByRole('radio', { name: 'Me' }).isChecked(), true, 'RS-1 Me is the default');
    await form.getByRole('radio', { name: 'Anyone in this skill' }).waitFor();
    // RS-6: the contact's zone by a name agents know, e.g. "Pacific Time – Los Angeles (UTC−08:00)".
    assert.match(await form.getByRole('combobox', { name: 'Time zone' }).inputValue(), / – .+ \(UTC[+−]\d{2}:\d{2}\)$/);

    await phone.fill('555-12');
    await form.getByRole('textbox', { name: 'Notes' }).fill('Ask for the accounts payable team');
    await form.getByRole('button', { name: 'Save' }).click();
    await ctx.expectText(form.getByRole('alert').first(), 'Nothing was sent');
    await ctx.expectText(form, 'Too short for a phone number: enter the area code and the whole number.');
    assert.equal(await phone.inputValue(), '555-12', 'RS-2 nothing typed is lost');
    assert.equal(await form.getByRole('textbox', { name: 'Notes' }).inputValue(), 'Ask for the accounts payable team');
    await ctx.expectText(ctx.simulator(), 'Next callback: none scheduled');
    await ctx.axe('reschedule form with an error');
    await ctx.shot('03-reschedule-error');

    await phone.fill(number);
    await form.getByRole('button', { name: 'Save' }).click();
    await ctx.expectGone(form);
    // RS-6, CP-1: the default is the next quarter hour the rules allow, at least 15 minutes ahead: 9:30 in the
    // contact's zone (Pacific), 12:30 on the New York clock.
    await ctx.expectText(ctx.simulator(), 'Next callback: 01/05/2026 12:30:00');
    await ctx.sim('Advance to next callback');
    await ctx.expectText(ctx.simulator().locator('time'), '01/05/2026 12:30:00');
    const marquee = con.getByRole('status').filter({ hasText: `Callback: ${number}` });
    await marquee.waitFor();
    await ctx.expectText(callsRegion(ctx), 'Callback', number);
    await ctx.axe('callback with its marquee');
    // Each second is checked once the page shows it (the panel's clock renders with the console, never before),
    // so a marquee that went early cannot hide behind a render that has not happened yet.
    const clock = ctx.simulator().locator('time');
    for (let second = 1; second <= 4; second += 1) {
        await ctx.sim('Advance 1 second');
        await ctx.expectText(clock, `01/05/2026 12:30:0${second}`);
        assert.equal(await marquee.isVisible(), true, `RS-4 the marquee still shows after ${second} s`);
    }
    await ctx.sim('Advance 1 second');
    await ctx.expectText(clock, '01/05/2026 12:30:05');
    await ctx.expectGone(marquee);

    const messagesButton = con.getByRole('button', { name: 'Agent Messages (1)' });
    await messagesButton.click();
    const messages = con.getByRole('region', { name: 'Agent Messages' });
    await ctx.expectText(messages, number, /12:30/);
    await ctx.axe('agent messages open');
    await ctx.shot('06-agent-messages');
});

test('PV-2 CL-1 CL-2 AM-1 AM-2 CL-5 Accept dials the contact: Dialing, Ringing, AMD with the screen pop; Answering Machine closes it and the next call comes', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const { name, number } = await waitForPreview(ctx);
    await previewWindow(ctx).getByRole('button', { name: 'Accept' }).click();
    await ctx.expectGone(previewWindow(ctx));
    const card = callsRegion(ctx).getByRole('article', { name });
    await ctx.expectText(card, name, number, 'Dialing');
    await ctx.sim('Answering machine');
    const seen = ['Dialing'];
    await advanceUntil(
        ctx,
        async () => {
            const status = (await card.innerText()).match(STATUS)?.[1];
            if (status && status !== seen[seen.length - 1]) seen.push(status);
            return status === 'AMD';
        },
        { what: 'AMD' }
    );
    assert.deepEqual(seen, ['Dialing', 'Ringing', 'AMD'], 'CL-1 statuses in order');
    const pop = ctx.console().getByRole('region', { name });
    await ctx.expectText(pop, 'Account', 'Balance due');
    // AD-5: at AMD the contact's basic information; the tabbed panel waits for an answer.
    assert.equal(await pop.getByRole('tablist').count(), 0, 'AD-5 no Contact History panel at AMD');
    await ctx.axe('call in AMD with the screen pop');

    await card.getByRole('button', { name: 'Answering Machine' }).click();
    await ctx.expectGone(card);
    const next = await waitForPreview(ctx);
    assert.notEqual(next.name, name, 'CL-5 the next record is delivered');
});

test('CL-1 CL-3 three lines dial at once and the extra live answers are routed to another agent', async (ctx) => {
    await ctx.open({ lines: '3', preview: 'off' });
    await chooseSkill(ctx);
    const cards = callsRegion(ctx).getByRole('article');
    await advanceUntil(ctx, async () => (await cards.count()) === 3, { what: 'three calls' });
    await ctx.expectText(callsRegion(ctx), 'Line 1', 'Line 2', 'Line 3');
    for (const status of await statuses(ctx)) assert.ok(['Dialing', 'Ringing', 'AMD'].includes(status), status);
    await ctx.axe('three lines');
    await ctx.shot('04-three-lines');

    await ctx.sim('Live answer');
    await ctx.sim('Live answer');
    const routed = callsRegion(ctx).getByRole('status').filter({ hasText: 'routed to another agent' });
    await advanceUntil(ctx, () => routed.isVisible(), { what: 'a routed notice' });
    await ctx.axe('an answer routed away');
    const active = (await statuses(ctx)).filter((s) => s === 'Active');
    assert.equal(active.length, 1, 'CL-3 one answer is the agent’s');
    assert.ok((await cards.count()) < 3, 'CL-3 the routed call left the agent’s set');
    await advanceUntil(ctx, async () => !(await routed.isVisible()), { max: 10, what: 'the routed notice to go' });
});

// The call functions do not change with the width: in the utility-bar panel (their layout at both sizes is in
// utilitybar.test).
testAtSize(
    'narrow',
    'CL-4 a live answer is Active with hold, mute and end, then a disposition with notes',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'off' });
        await chooseSkill(ctx);
        await ctx.sim('Live answer');
        const card = callsRegion(ctx).getByRole('article').first();
        await advanceUntil(ctx, async () => (await statuses(ctx))[0] === 'Active', { what: 'Active' });
        await card.getByRole('button', { name: 'Hold' }).click();
        await ctx.expectText(card, 'Held');
        await card.getByRole('button', { name: 'Resume' }).click();
        await ctx.expectText(card, 'Active');
        await card.getByRole('button', { name: 'Mute' }).click();
        await card.getByRole('button', { name: 'Unmute' }).waitFor();
        await ctx.expectText(card, 'Muted');
        await card.getByRole('button', { name: 'Unmute' }).click();
        await card.getByRole('button', { name: 'Mute' }).waitFor();
        await card.getByRole('button', { name: 'Transfer' }).waitFor();
        await ctx.axe('active call');
        await card.getByRole('button', { name: 'End Call' }).click();
        await ctx.expectText(card, 'Ended', 'Outcome:');
        await card.getByRole('heading', { name: 'Wrap-up' }).waitFor();
        await card.getByRole('combobox', { name: 'Disposition' }).click();
        await card.getByRole('option', { name: 'Promise to pay' }).click();
        await card.getByRole('textbox', { name: 'Notes' }).fill('Will pay on Friday');
        await ctx.axe('wrap-up');
        await card.getByRole('button', { name: 'Save' }).click();
        await ctx.expectGone(card);
    }
);

test('SP-1 SP-2 SP-3 SP-4 SP-5 the screen pop has Contact History, Attempts and Attempts History with every field and the Attempt Report format', async (ctx) => {
    // Seed 4's first record has a destination the dialer may not call (Destination Not in Cadence).
    await ctx.open({ seed: '4', lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const { name } = await waitForPreview(ctx);
    await previewWindow(ctx).getByRole('button', { name: 'Accept' }).click();
    // The panel with its tabs opens when the contact answers (AD-5, screen pops on).
    await ctx.sim('Live answer');
    const card = callsRegion(ctx).getByRole('article', { name });
    await advanceUntil(ctx, async () => (await card.innerText()).includes('Active'), { what: 'Active' });
    const pop = ctx.console().getByRole('region', { name });
    const tabs = pop.getByRole('tablist');
    await ctx.expectText(pop.getByRole('tabpanel'), 'Name', name, 'Email', 'Account');
    await tabs.getByRole('tab', { name: 'Attempts History' }).click();
    const history = pop.getByRole('tabpanel', { name: 'Attempts History' });
    const headers = await history.getByRole('columnheader').allInnerTexts();
    assert.deepEqual(
        headers.map((h) => h.trim()),
        [
            'Destination Description',
            'Destination Value',
            'Attempts',
            'Available Time',
            'Last Presentation',
            'Last Outcome',
            'Unavailable Reason',
            // CP-4: whether each destination can be called now under the rules, after SP-2's seven fields.
            'Callable'
        ]
    );
    const rows = history.getByRole('row');
    const rowCount = await rows.count();
    assert.ok(rowCount >= 3, 'one row per destination');
    const reasons = [];
    for (let i = 1; i < rowCount; i += 1) {
        // A reason cell also holds its icon's assistive text ("Not offered for dialing: ..."); the reason is last.
        const cells = (await rows.nth(i).getByRole('cell').allInnerTexts()).map((c) =>
            c.trim().split('\n').pop().trim()
        );
        assert.match(cells[1], /^\d+\/\d+$/, `SP-2 Attempts as n/max: ${cells[1]}`);
        // Available Time: Now, or when the destination becomes available; blank when it cannot be called.
        const available = cells[2] === 'Now' || ATTEMPT_DATE.test(cells[2]) || (cells[2] === '' && cells[5] !== '');
        assert.ok(available, `SP-2 Available Time: "${cells[2]}" (reason "${cells[5]}")`);
        if (cells[5]) reasons.push(cells[5]);
    }
    const allowed = [
        'Exhausted',
        'Finalized',
        'DNC',
        'Last Outcome Not Active for Calling',
        'Destination Not Active',
        'Max Answering Machine Detections',
        'Destination Not in Cadence',
        'Presented'
    ];
    assert.ok(reasons.length > 0, 'SP-5 a destination that cannot be called shows why');
    for (const reason of reasons) assert.ok(allowed.includes(reason), `SP-3 reason: ${reason}`);
    await ctx.expectText(pop, 'Attempt Report');
    const headings = pop.getByRole('tabpanel').getByText(/^Attempt \d+ \(.+\)$/);
    assert.ok((await headings.count()) > 0, 'SP-4 attempts are listed');
    const first = headings.first();
    const weight = await first.evaluate((el) => Number(getComputedStyle(el).fontWeight));
    assert.ok(weight >= 600, `SP-4 the attempt heading is bold (font-weight ${weight})`);
    const dates = await pop.getByRole('tabpanel').getByRole('definition').allInnerTexts();
    assert.ok(
        dates.some((d) => ATTEMPT_DATE.test(d.trim())),
        'SP-4 Date as MM/DD/YYYY HH:MM:SS'
    );
    await ctx.expectText(pop.getByRole('tabpanel'), 'Date', 'Attempt Outcome');
    await ctx.axe('screen pop, Attempts History');
    await ctx.shot('05-screen-pop-attempts-history');
    await tabs.getByRole('tab', { name: 'Attempts', exact: true }).click();
    await ctx.expectText(pop.getByRole('tabpanel', { name: 'Attempts', exact: true }), 'Attempt Report', 'Attempt 1 (');
    await ctx.axe('screen pop, Attempts');
});

test('AV-3 AG-2 Logout from the skill panel: deliveries stop and no call stays on screen', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    await waitForPreview(ctx);
    const con = ctx.console();
    await con.getByRole('button', { name: 'Working' }).click();
    await con.getByRole('group', { name: 'Availability and skills' }).getByRole('button', { name: 'Logout' }).click();
    await con.getByRole('button', { name: 'Logged out' }).waitFor();
    await ctx.expectGone(previewWindow(ctx));
    const clock = ctx.simulator().locator('time');
    const before = await clock.getAttribute('datetime');
    await ctx.sim('Advance 1 minute');
    // Checked once the page shows the minute passed, so a delivery still rendering cannot be missed.
    await waitUntil(ctx.page, async () => (await clock.getAttribute('datetime')) !== before, {
        what: 'the clock showing the minute passed'
    });
    assert.equal(await previewWindow(ctx).count(), 0, 'no new delivery after Logout');
    await ctx.expectText(callsRegion(ctx), 'No calls right now.');
    await ctx.axe('logged out');
});
