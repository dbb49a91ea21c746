// The Dialer simulator's faults and admin settings, seen through the real console: a failed command keeps
// the preview with an error and a retry (PV-6), and the AD-2 settings change what the console offers.
import assert from 'node:assert/strict';
import { test } from './suite.mjs';
import { callsRegion, chooseSkill, previewWindow, waitForPreview } from './steps.mjs';

test('PV-6 a failed Accept keeps the preview open with a clear error and a retry that places the call', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const { name } = await waitForPreview(ctx);
    await ctx.sim('Fail next command');
    const preview = previewWindow(ctx);
    await preview.getByRole('button', { name: 'Accept' }).click();
    await ctx.expectText(preview.getByRole('alert'), 'Accept failed');
    assert.equal(await callsRegion(ctx).getByRole('article').count(), 0, 'nothing was dialled');
    await ctx.axe('preview with a failed Accept');
    await preview.getByRole('button', { name: 'Retry' }).click();
    await ctx.expectGone(preview);
    await ctx.expectText(callsRegion(ctx).getByRole('article', { name }), 'Dialing');
});

test('AD-2 PV-4 the admin settings apply: Reschedule off hides the button, preview off dials straight away on two lines', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    const sim = ctx.simulator();
    // The panel's native checkboxes lie over their labels: each is unchecked by role and name.
    await sim.getByRole('checkbox', { name: 'Reschedule button' }).uncheck();
    assert.equal(await sim.getByRole('checkbox', { name: 'Reschedule button' }).isChecked(), false);
    await sim.getByRole('button', { name: 'Apply settings' }).click();
    await chooseSkill(ctx);
    await waitForPreview(ctx);
    const preview = previewWindow(ctx);
    await preview.getByRole('button', { name: 'Accept' }).waitFor();
    assert.equal(await preview.getByRole('button', { name: 'Reschedule' }).count(), 0, 'PV-4 no Reschedule');
    assert.match(ctx.page.url(), /reschedule=off/, 'the URL keeps the settings for a reload');

    await sim.getByRole('checkbox', { name: 'Preview dialing' }).uncheck();
    await sim.getByRole('combobox', { name: 'Lines per agent' }).selectOption('2');
    await sim.getByRole('button', { name: 'Apply settings' }).click();
    await chooseSkill(ctx);
    const cards = callsRegion(ctx).getByRole('article');
    for (let i = 0; i < 20 && (await cards.count()) < 2; i += 1) await ctx.sim('Advance 1 second');
    assert.equal(await cards.count(), 2, 'two lines dial');
    assert.equal(await previewWindow(ctx).count(), 0, 'no preview when preview dialing is off');
    await ctx.expectText(callsRegion(ctx), 'Line 1', 'Line 2');
});
