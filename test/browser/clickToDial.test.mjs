// WU-4: click-to-dial from the in-memory Contact record page of the local console; the call then shows in the
// console as any other line.
import assert from 'node:assert/strict';
import { testAtBothSizes } from './suite.mjs';
import { advanceUntil, callsRegion, chooseSkill, statuses } from './steps.mjs';

testAtBothSizes('WU-4 click-to-dial from a contact: the call is a line of the console', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const page = ctx.page.getByRole('region', { name: 'Contact record' });
    const card = page.getByRole('article', { name: 'Click to dial' });
    const first = card.getByRole('button', { name: /^Call / }).first();
    const name = (await first.innerText()).replace(/^Call /, '').trim();
    await ctx.axe('the contact page with click-to-dial');
    await ctx.sim('Live answer');
    await first.click();
    await advanceUntil(ctx, async () => (await statuses(ctx))[0] === 'Active', { what: 'the dialed call Active' });
    const line = callsRegion(ctx).getByRole('article').first();
    assert.ok((await line.innerText()).includes(name), `the line shows the number dialed, ${name}`);
    await line.getByRole('button', { name: 'End Call' }).click();
    await line.getByRole('heading', { name: 'Wrap-up' }).waitFor();
});

testAtBothSizes('UB-6 WU-4 a refused click-to-dial says why once, beside the Call buttons', async (ctx) => {
    await ctx.open({ lines: '1', preview: 'off' });
    // Not logged in to a skill: the console cannot dial yet.
    const page = ctx.page.getByRole('region', { name: 'Contact record' });
    const card = page.getByRole('article', { name: 'Click to dial' });
    await card
        .getByRole('button', { name: /^Call / })
        .first()
        .click();
    const said = 'That is not possible in the current state of the call or agent.';
    await ctx.expectText(card, said);
    const alerts = await ctx.page.getByRole('alert').filter({ hasText: said }).count();
    assert.equal(alerts, 1, 'one failure, one message: the banner does not say it again');
    await ctx.axe('a refused click-to-dial');
});
