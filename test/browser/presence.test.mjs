// WU-5: Omni-Channel presence in step with the dialer in the local console, against the in-memory Omni-Channel
// that stands in for the Aura wrapper's toolkit: both sides lead, each sets the other; a failed change shows once
// with Retry. Driven by role and accessible name only.
import assert from 'node:assert/strict';
import { test } from './suite.mjs';
import { chooseSkill, waitUntil } from './steps.mjs';

test('WU-5 Omni-Channel presence follows the dialer and the dialer follows Omni-Channel', async (ctx) => {
    await ctx.open({ preview: 'on', presence: 'Both' });
    const omni = ctx.page.getByRole('region', { name: 'Omni-Channel (in memory)' });
    const omniStatus = async () => (await omni.getByText('Omni-Channel status:').innerText()).split(':')[1].trim();
    const con = ctx.console();
    const choose = async (from, to) => {
        await con.getByRole('button', { name: from }).click();
        await con
            .getByRole('group', { name: 'Availability and skills' })
            .getByRole('button', { name: to, exact: true })
            .click();
    };
    await ctx.expectText(omni, 'Offline');

    // Logging in to a skill makes the agent Available in Omni-Channel.
    await chooseSkill(ctx);
    await waitUntil(ctx.page, async () => (await omniStatus()) === 'Available', { what: 'Omni-Channel Available' });

    // Away in Omni-Channel sets the dialer Unavailable.
    await omni.getByRole('combobox', { name: 'My Omni-Channel status' }).selectOption({ label: 'Away' });
    await con.getByRole('button', { name: 'Unavailable' }).waitFor();

    // Available in the console sets Omni-Channel Available.
    await choose('Unavailable', 'Available');
    await con.getByRole('button', { name: 'Working' }).waitFor();
    await waitUntil(ctx.page, async () => (await omniStatus()) === 'Available', { what: 'Omni-Channel Available' });

    // A failed change shows once, where it happened, with Retry; the dialer went on regardless.
    await omni.getByRole('button', { name: 'Fail next Omni-Channel change' }).click();
    await choose('Working', 'Unavailable (Lunch)');
    await con.getByRole('button', { name: 'Unavailable' }).waitFor();
    const alert = con.getByRole('alert').filter({ hasText: 'Omni-Channel' });
    await alert.waitFor();
    assert.equal(await alert.count(), 1, 'one failure, one message');
    assert.equal(await omniStatus(), 'Available');
    await ctx.axe('an Omni-Channel failure with Retry');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await waitUntil(ctx.page, async () => (await omniStatus()) === 'Away', { what: 'Omni-Channel Away after Retry' });
    await ctx.expectGone(alert);
    assert.deepEqual(ctx.pageErrors, []);
});
