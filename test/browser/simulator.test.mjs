// The local console's Dialer simulator panel: named controls, keyboard reachable, no axe violations.
import assert from 'node:assert/strict';
import { test } from './suite.mjs';
import { advanceUntil, chooseSkill, description, previewWindow, waitForPreview } from './steps.mjs';

test('Dialer simulator panel offers every control by name, and axe finds no violations', async (ctx) => {
    await ctx.open();
    const sim = ctx.simulator();
    for (const name of [
        'Live answer',
        'Answering machine',
        'Fax',
        'Bad number',
        'No answer',
        'Busy',
        'Advance 1 minute',
        'Advance to next callback',
        'Fail next command',
        'Apply settings'
    ]) {
        assert.equal(await sim.getByRole('button', { name, exact: true }).count(), 1, `button ${name}`);
    }
    for (const name of ['Paused', '1x', '10x', '60x']) {
        assert.equal(await sim.getByRole('radio', { name, exact: true }).count(), 1, `speed ${name}`);
    }
    assert.equal(await sim.getByRole('radio', { name: 'Paused' }).isChecked(), true);
    for (const name of ['Preview dialing', 'Reschedule button', 'Screen pops', 'Attempts History']) {
        assert.equal(await sim.getByRole('checkbox', { name }).count(), 1, `setting ${name}`);
    }
    await sim.getByRole('combobox', { name: 'Lines per agent' }).waitFor();
    // LC-2 CP-5: every shipped rule set on or off, block or warn, its window and limits.
    for (const rule of ['US federal law', 'Florida', 'Oklahoma', 'Regulation F']) {
        assert.equal(await sim.getByRole('checkbox', { name: `${rule} on` }).count(), 1, `${rule} on`);
        const mode = sim.getByRole('combobox', { name: `${rule} mode` });
        assert.deepEqual(await mode.locator('option').allInnerTexts(), ['Block', 'Warn'], `${rule} mode`);
        for (const field of ['calls from', 'calls until']) {
            assert.equal(await sim.getByRole('textbox', { name: `${rule} ${field}` }).count(), 1, `${rule} ${field}`);
        }
        for (const field of ['calls per number', 'calls per contact', 'limit window (hours)']) {
            assert.equal(
                await sim.getByRole('spinbutton', { name: `${rule} ${field}` }).count(),
                1,
                `${rule} ${field}`
            );
        }
    }
    assert.equal(await sim.getByRole('checkbox', { name: 'Regulation F on' }).isChecked(), false, 'shipped off');
    assert.equal(await sim.getByRole('checkbox', { name: 'Florida on' }).isChecked(), true, 'shipped on');
    // LC-2 AD-2 and the contact's place for the rules.
    await sim.getByRole('combobox', { name: 'Default deliver-to' }).waitFor();
    for (const name of ['Contact time zone field', 'Contact country field', 'Contact state field']) {
        assert.equal(await sim.getByRole('textbox', { name }).count(), 1, name);
    }
    // LC-2 WU-1: the limit overall and per skill, the default disposition or Unavailable at zero, notes required.
    await sim.getByRole('spinbutton', { name: 'Wrap-up limit (seconds, 0 for none)' }).waitFor();
    await sim.getByRole('spinbutton', { name: 'PC Collections wrap-up limit (seconds)' }).waitFor();
    await sim.getByRole('combobox', { name: 'Default disposition' }).waitFor();
    assert.deepEqual(
        await sim.getByRole('combobox', { name: 'At zero', exact: true }).locator('option').allInnerTexts(),
        ['Save the default disposition', 'Set the agent Unavailable']
    );
    // BX-6: the dialer's preview timeout and what it does at zero.
    await sim.getByRole('textbox', { name: 'Preview timeout (s)' }).waitFor();
    assert.deepEqual(await sim.getByRole('combobox', { name: 'Preview at zero' }).locator('option').allInnerTexts(), [
        'Requeue the record',
        'Dial the number'
    ]);
    // WU-1: the dialer requires notes for Promise to pay itself; the admin's choice adds others (checked by role).
    const promise = sim.getByRole('checkbox', { name: 'Promise to pay requires notes (set by the dialer)' });
    assert.equal(await promise.isChecked(), true);
    assert.equal(await promise.isDisabled(), true);
    const paid = sim.getByRole('checkbox', { name: 'Paid in full requires notes' });
    await paid.check();
    assert.equal(await paid.isChecked(), true);
    await paid.uncheck();
    await sim.getByRole('button', { name: 'Put on Do Not Call list' }).waitFor();
    await sim.getByRole('spinbutton', { name: 'Latency (ms)' }).waitFor();
    await ctx.axe('simulator panel', { withPanel: true });
});

test('Advance 1 minute moves the virtual clock by exactly one minute', async (ctx) => {
    await ctx.open();
    const clock = ctx.simulator().locator('time');
    const before = Date.parse(await clock.getAttribute('datetime'));
    await ctx.sim('Advance 1 minute');
    await ctx.page.waitForFunction(
        (b) => Date.parse(document.querySelector('time')?.getAttribute('datetime') ?? '') !== b,
        before
    );
    assert.equal(Date.parse(await clock.getAttribute('datetime')) - before, 60_000);
});

test('Forcing an outcome marks it pressed and names it as the next outcome', async (ctx) => {
    await ctx.open();
    const live = ctx.simulator().getByRole('button', { name: 'Live answer', exact: true });
    assert.equal(await live.getAttribute('aria-pressed'), 'false');
    await live.click();
    await ctx.expectText(ctx.simulator(), 'Next outcome: Live answer');
    assert.equal(await live.getAttribute('aria-pressed'), 'true');
});

test('BX-6 LC-2 the simulator sets the dialer`s preview timeout: the preview counts down, says what happens at zero, and at zero the record is requeued', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    const sim = ctx.simulator();
    const field = sim.getByRole('textbox', { name: 'Preview timeout (s)' });
    // A value the dialer cannot take stays as typed, with why beside it.
    await field.fill('thirty');
    await field.press('Tab');
    assert.equal(await field.inputValue(), 'thirty');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await description(field), 'Enter whole seconds from 1 to 3600, or leave it empty for no timeout.');
    await field.fill('20');
    await field.press('Tab');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    await sim.getByRole('combobox', { name: 'Preview at zero' }).selectOption('Requeue');

    await chooseSkill(ctx);
    const { name } = await waitForPreview(ctx);
    const preview = previewWindow(ctx);
    await ctx.expectText(preview, 'At zero the record is requeued.');
    // BX-6: at zero the dialer takes the record back; the preview goes with it.
    await advanceUntil(ctx, async () => !(await preview.getByText(name, { exact: true }).isVisible()), {
        max: 30,
        what: 'the preview to time out'
    });
});
