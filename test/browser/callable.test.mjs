// Callable in the local console (CP-4, CP-5, LC-2): the Dialer simulator panel sets a rule set's window, mode
// and on/off, and Attempts History's Callable follows for the contact, and follows the clock. By role and name.
import assert from 'node:assert/strict';
import { testAtSize } from './suite.mjs';
import { chooseSkill, waitForPreview, waitUntil } from './steps.mjs';

/** The Callable text of the destination whose number contains `number`, in the shown pop's Attempts History. */
async function callableOf(ctx, name, number) {
    const pop = ctx.console().getByRole('region', { name });
    const tab = pop.getByRole('tab', { name: 'Attempts History' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    const history = pop.getByRole('tabpanel', { name: 'Attempts History' });
    const row = history
        .getByRole('row')
        .filter({ has: ctx.page.getByRole('rowheader') })
        .filter({ hasText: number });
    await row.first().waitFor();
    // The eighth field, after the seven of SP-2: Destination Description is the row header, Callable the 7th cell.
    return (await row.first().getByRole('cell').nth(6).innerText()).trim();
}

async function expectCallable(ctx, name, number, expected) {
    let seen = '';
    await waitUntil(
        ctx.page,
        async () => {
            seen = await callableOf(ctx, name, number);
            return seen === expected;
        },
        { what: `Callable "${expected}" (saw "${seen}")` }
    ).catch(() => assert.equal(seen, expected, 'CP-4 Callable'));
}

/** Changes a text field of the simulator panel as an admin does: type, then leave it. */
async function setField(ctx, label, value) {
    const field = ctx.simulator().getByRole('textbox', { name: label, exact: true });
    await field.fill(value);
    await field.press('Tab');
}

async function applyAndPreview(ctx) {
    await ctx.simulator().getByRole('button', { name: 'Apply settings' }).click();
    await chooseSkill(ctx);
    return waitForPreview(ctx);
}

// Seed 18's first preview is a New York contact whose PhoneNumber is a Florida (305) number and whose other
// numbers are in Massachusetts (617); its Contact's MailingState is Florida. The virtual clock starts at 9:00 AM
// Eastern (14:00 UTC).
const FLORIDA = '(305)';
const BOSTON = '(617)';

// The rules' results do not change with the width: in the utility-bar panel (Attempts History at both sizes is in
// utilitybar.test).
testAtSize(
    'narrow',
    'CP-4 CP-5 LC-2 the simulator panel sets a rule set window, mode and on/off and the contact place source, and Attempts History shows Callable for each destination as the clock moves',
    async (ctx) => {
        await ctx.open({ seed: '18', lines: '1', preview: 'on', at: '2026-01-05T14:00:00Z' });
        await setField(ctx, 'Florida calls from', '09:03');
        const { name } = await applyAndPreview(ctx);
        // The Contact lives in Florida (MailingState): every one of its numbers is under Florida's hours.
        await expectCallable(ctx, name, FLORIDA, 'after 9:03 AM Eastern Time (Florida hours)');
        await expectCallable(ctx, name, BOSTON, 'after 9:03 AM Eastern Time (Florida hours)');
        await ctx.axe('Attempts History with destinations not callable yet');
        await ctx.shot('11-attempts-history-callable');

        // The state read from a field this Contact leaves empty: each number's area code says where it is, and the
        // Massachusetts numbers are callable.
        await setField(ctx, 'Contact state field', 'OtherState');
        const placed = await applyAndPreview(ctx);
        await expectCallable(ctx, placed.name, FLORIDA, 'after 9:03 AM Eastern Time (Florida hours)');
        await expectCallable(ctx, placed.name, BOSTON, 'Now');
        // The clock moves: at 9:03 the Florida number is callable, without anything else happening.
        for (let i = 0; i < 6 && (await callableOf(ctx, placed.name, FLORIDA)) !== 'Now'; i += 1) {
            await ctx.sim('Advance 1 minute');
            await ctx.page.waitForTimeout(300);
        }
        await expectCallable(ctx, placed.name, FLORIDA, 'Now');

        // Warn: callable with a warning until the window opens.
        await ctx.simulator().getByRole('combobox', { name: 'Florida mode' }).selectOption('Warn');
        const warned = await applyAndPreview(ctx);
        await expectCallable(
            ctx,
            warned.name,
            FLORIDA,
            'Now, with a warning: Florida hours until 9:03 AM Eastern Time'
        );
        assert.match(ctx.page.url(), /admin=/, 'LC-2 the URL keeps the admin settings for a reload');

        // Florida off: only US federal hours (8:00 AM to 9:00 PM) apply, so the number is callable now.
        const on = ctx.simulator().getByRole('checkbox', { name: 'Florida on' });
        await on.uncheck();
        assert.equal(await on.isChecked(), false, 'Florida is off');
        const off = await applyAndPreview(ctx);
        await expectCallable(ctx, off.name, FLORIDA, 'Now');
    }
);
