// LC-2: the Dialer simulator panel's wrap-up settings (WU-1) take effect on the console it restarts, and a value
// outside a field's range keeps what was typed, says why beside the field, and is not applied. The countdown says
// what happens at zero, and a default saved at zero is confirmed as such (UB-7). By role and name.
import assert from 'node:assert/strict';
import { test } from './suite.mjs';
import { advanceUntil, callsRegion, chooseSkill, statuses } from './steps.mjs';

test('LC-2 WU-1 UB-7 the panel sets a wrap-up limit and default disposition; an out-of-range limit is refused beside its field; at zero the default is saved and said', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'off' });
    const sim = ctx.simulator();
    const limit = sim.getByRole('spinbutton', { name: 'Wrap-up limit (seconds, 0 for none)' });
    await limit.fill('5000');
    await limit.press('Tab');
    assert.equal(await limit.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
    const describedBy = (await limit.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy, 'the message is the field description');
    assert.equal(await limit.inputValue(), '5000', 'what was typed stays');
    await sim.getByRole('button', { name: 'Apply settings' }).click();
    await ctx.expectText(sim.getByRole('alert'), 'Not applied');
    assert.doesNotMatch(ctx.page.url(), /admin=/, 'nothing was applied');

    await limit.fill('30');
    await limit.press('Tab');
    await sim.getByRole('combobox', { name: 'Default disposition' }).selectOption({ label: 'Paid in full' });
    await sim.getByRole('button', { name: 'Apply settings' }).click();
    await chooseSkill(ctx);
    await ctx.sim('Live answer');
    await advanceUntil(ctx, async () => (await statuses(ctx))[0] === 'Active', { max: 60, what: 'Active' });
    const card = callsRegion(ctx).getByRole('article').first();
    await card.getByRole('button', { name: 'End Call' }).click();
    await ctx.expectText(card, 'Time left', 'At zero: Paid in full is saved');
    await card.getByRole('textbox', { name: 'Notes' }).fill('draft note typed by agent');
    // At zero the default disposition is saved for the agent, with the notes typed, and the wrap-up closes (WU-1).
    await advanceUntil(ctx, async () => (await callsRegion(ctx).getByRole('article').count()) === 0, {
        max: 40,
        what: 'the wrap-up saved at zero'
    });
    const confirmation = ctx.console().getByRole('status').filter({ hasText: 'Time ran out' });
    await ctx.expectText(confirmation, 'Time ran out: Paid in full saved for ');
});
