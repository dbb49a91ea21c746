// BX-4: the whole agent guide by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys, typing) with no
// mouse at all: the console and the Dialer simulator panel are both reached and worked from the keyboard.
import assert from 'node:assert/strict';
import { test } from './suite.mjs';
import { callsRegion, isFocused, isHighlighted, previewWindow, statuses, tabTo, waitUntil } from './steps.mjs';

/** Presses Enter on the simulator's button until check() holds (focus stays on the button). */
async function pressUntil(page, check, { max = 40, what = 'the condition' } = {}) {
    for (let i = 0; i <= max; i += 1) {
        if (await check()) return;
        if (i < max) await page.keyboard.press('Enter');
    }
    assert.fail(`${what} did not happen within ${max} presses`);
}

test('BX-4 AV-2 PV-2 PV-4 RS-2 RS-4 AM-1 CL-4 SP-1 AV-3 the whole guide by keyboard alone', async (ctx) => {
    const { page } = ctx;
    await ctx.open({ lines: '1', preview: 'on' });
    const con = ctx.console();
    const sim = ctx.simulator();
    const key = (k) => page.keyboard.press(k);
    const simButton = (name) => sim.getByRole('button', { name, exact: true });

    // AV-2: the availability control opens the skill panel; a skill is chosen with Enter.
    await tabTo(page, con.getByRole('button', { name: 'Logged out' }), { what: 'the availability control' });
    await key('Enter');
    await tabTo(page, con.getByRole('button', { name: 'PC Collections' }), { what: 'the PC Collections skill' });
    await key('Enter');
    await con.getByRole('button', { name: 'Working' }).waitFor();

    // The simulator panel is worked by keyboard too.
    await tabTo(page, simButton('Advance 1 second'), { what: 'Advance 1 second' });
    await pressUntil(page, () => previewWindow(ctx).isVisible(), { what: 'a preview' });
    // UB-5: the number as people write it.
    const number = (await previewWindow(ctx).innerText()).match(/\(\d{3}\) \d{3}-\d{4}|\+\d[\d ]{6,18}\d/)[0];

    // PV-4, RS-2: Reschedule with a bad number, then a good one, all typed.
    await tabTo(page, previewWindow(ctx).getByRole('button', { name: 'Reschedule' }), {
        back: true,
        what: 'Reschedule'
    });
    await key('Enter');
    const form = con.getByRole('region', { name: 'Reschedule' });
    const phone = form.getByRole('textbox', { name: 'Phone number' });
    await tabTo(page, phone, { what: 'the phone number field' });
    await key('Control+A');
    await page.keyboard.type('555-12');
    await tabTo(page, form.getByRole('button', { name: 'Save' }), { what: 'Save' });
    await key('Enter');
    await ctx.expectText(form, 'Too short for a phone number: enter the area code and the whole number.');
    await tabTo(page, phone, { back: true, what: 'the phone number field' });
    await key('Control+A');
    await page.keyboard.type(number);
    await tabTo(page, form.getByRole('button', { name: 'Save' }), { what: 'Save' });
    await key('Enter');
    await ctx.expectGone(form);
    // BX-4: focus goes with the closed form to the Calls heading, not to the page, so Tab goes on from there.
    await waitUntil(page, () => isFocused(con.getByRole('heading', { name: 'Calls' })), {
        what: 'focus on the Calls heading after Save'
    });

    // RS-4: the callback arrives at its instant, with its marquee.
    await tabTo(page, simButton('Advance to next callback'), { what: 'Advance to next callback' });
    await key('Enter');
    await con
        .getByRole('status')
        .filter({ hasText: `Callback: ${number}` })
        .waitFor();

    // AM-1: the callback is closed as an answering machine with Space.
    const card = callsRegion(ctx).getByRole('article').first();
    // Forward from the simulator panel passes its admin settings (LC-2) before wrapping round to the console.
    await tabTo(page, card.getByRole('button', { name: 'Answering Machine' }), { max: 160, what: 'Answering Machine' });
    await key('Space');
    await ctx.expectGone(card);

    // PV-2: the next preview is accepted with Enter; the simulator is told the contact will answer.
    await tabTo(page, simButton('Advance 1 second'), { what: 'Advance 1 second' });
    await pressUntil(page, () => previewWindow(ctx).isVisible(), { what: 'the next preview' });
    await tabTo(page, previewWindow(ctx).getByRole('button', { name: 'Accept' }), { back: true, what: 'Accept' });
    await key('Enter');
    await tabTo(page, simButton('Live answer'), { what: 'Live answer' });
    await key('Enter');
    await tabTo(page, simButton('Advance 1 second'), { what: 'Advance 1 second' });
    await pressUntil(page, async () => (await statuses(ctx))[0] === 'Active', { what: 'an Active call' });

    // SP-1: the screen pop's tabs move with the arrow keys.
    const tablist = con.getByRole('tablist');
    await tabTo(page, tablist.getByRole('tab', { selected: true }), { back: true, what: 'the screen pop tabs' });
    // One key per tab the agent sees selected: a second key before the first selection rendered would move
    // from the tab that is no longer current.
    await key('ArrowRight');
    await tablist.getByRole('tab', { name: 'Attempts', exact: true, selected: true }).waitFor();
    await key('ArrowRight');
    await tablist.getByRole('tab', { name: 'Attempts History', selected: true }).waitFor();
    await ctx.expectText(con.getByRole('tabpanel', { name: 'Attempts History' }), 'Destination Description');

    // CL-4: hold, resume, end and a disposition chosen from the list with the arrow keys.
    const active = callsRegion(ctx).getByRole('article').first();
    await tabTo(page, active.getByRole('button', { name: 'Hold' }), { back: true, what: 'Hold' });
    await key('Enter');
    await ctx.expectText(active, 'Held');
    await tabTo(page, active.getByRole('button', { name: 'Resume' }), { what: 'Resume' });
    await key('Enter');
    await active.getByRole('button', { name: 'Hold' }).waitFor();
    await tabTo(page, active.getByRole('button', { name: 'End Call' }), { what: 'End Call' });
    await key('Enter');
    // The dialer confirms End Call asynchronously: wait for the Ended status and the wrap-up it brings.
    await ctx.expectText(active, 'Ended');
    await active.getByRole('heading', { name: 'Wrap-up' }).waitFor();
    const disposition = active.getByRole('combobox', { name: 'Disposition' });
    await tabTo(page, disposition, { what: 'the disposition list' });
    // The list highlights its first option a frame after it opens, and moves the highlight a frame after each
    // arrow key, from the option highlighted when the key arrived: each key waits for the highlight the agent
    // sees, or on a busy machine ArrowDown lands before the first highlight and Enter picks the first option.
    const option = (name) => active.getByRole('option', { name, exact: true });
    await key('Enter');
    await waitUntil(page, () => isHighlighted(disposition, option('Promise to pay')), {
        what: 'the disposition list open on its first option'
    });
    await key('ArrowDown');
    await waitUntil(page, () => isHighlighted(disposition, option('Paid in full')), {
        what: 'ArrowDown highlighting Paid in full'
    });
    await key('Enter');
    // Paid in full needs no notes, so Save closes the wrap-up at once.
    const shown = () => disposition.evaluate((el) => (el.value || el.textContent || '').trim()).catch(() => '');
    await waitUntil(page, async () => (await shown()) === 'Paid in full', { what: 'Paid in full chosen' });
    await tabTo(page, active.getByRole('button', { name: 'Save' }), { what: 'Save' });
    await key('Enter');
    await ctx.expectGone(active);

    // The speed choice is a radio group: arrow keys move it, and back to Paused.
    await tabTo(page, sim.getByRole('radio', { name: 'Paused' }), { what: 'the speed choice' });
    await key('ArrowRight');
    await waitUntil(page, () => sim.getByRole('radio', { name: '1x' }).isChecked(), { what: 'the 1x speed checked' });
    await key('ArrowLeft');
    await waitUntil(page, () => sim.getByRole('radio', { name: 'Paused' }).isChecked(), {
        what: 'the Paused speed checked'
    });

    // AV-3: Logout from the skill panel.
    await tabTo(page, con.getByRole('button', { name: 'Working' }), { max: 160, what: 'the availability control' });
    await key('Enter');
    await tabTo(page, con.getByRole('button', { name: 'Logout' }), { what: 'Logout' });
    await key('Enter');
    await con.getByRole('button', { name: 'Logged out' }).waitFor();
    await ctx.axe('logged out after the keyboard walkthrough');
});
