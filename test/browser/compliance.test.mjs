// CP-1, CP-3 in the browser, by role and accessible name, at the utility-bar size and the desktop size: at 09:00 UTC
// (1:00 AM in Los Angeles) Accept of a US contact is refused in the preview window, naming the rule, the contact's
// local time and when they can next be called, and nothing is dialled; the Reschedule form then defaults to the
// next legal instant (8:00 AM their time), says which hours the rules allow beside the Time field, and refuses a
// time outside them there, keeping what was typed. axe finds no violation in either state.
import assert from 'node:assert/strict';
import { testAtSize } from './suite.mjs';
import { callsRegion, chooseSkill, description, previewWindow, waitForPreview } from './steps.mjs';

// The rules' refusals do not change with the width: in the utility-bar panel, where they have least room.
testAtSize(
    'narrow',
    'CP-1 CP-3 RS-6 Accept outside calling hours is refused with the rule and the next time; Reschedule starts at the next legal time and refuses an illegal one beside the field',
    async (ctx) => {
        await ctx.open({ lines: '1', preview: 'on', at: '2026-01-06T09:00:00Z' });
        await chooseSkill(ctx);
        const { number } = await waitForPreview(ctx);
        assert.match(number, /^\(\d{3}\) \d{3}-\d{4}$/, 'the first preview is a US contact (Los Angeles)');
        const preview = previewWindow(ctx);

        await preview.getByRole('button', { name: 'Accept' }).click();
        const alert = preview.getByRole('alert');
        await ctx.expectText(
            alert,
            'Not allowed now: US federal law allows calls 8:00 AM–9:00 PM; it is 1:00 AM there; callable Tue, Jan 6, 8:00 AM their time.'
        );
        // Nothing was dialled: no call, and the preview stays with its actions.
        assert.equal(await callsRegion(ctx).getByText('Dialing').count(), 0, 'CP-1 no call was placed');
        await preview.getByRole('button', { name: 'Reschedule' }).waitFor();
        // UB-6: no Retry that would only be refused again; Accept itself stays for when the contact is callable.
        assert.equal(await ctx.console().getByRole('button', { name: 'Retry' }).count(), 0, 'UB-6 no pointless Retry');
        assert.equal(await preview.getByRole('button', { name: 'Accept' }).isEnabled(), true);
        await ctx.axe('accept refused by a rule set');

        await preview.getByRole('button', { name: 'Reschedule' }).click();
        const form = ctx.console().getByRole('region', { name: 'Reschedule' });
        await form.waitFor();
        const time = form.getByRole('textbox', { name: 'Time' });
        const rules =
            "Calls allowed 8:00 AM–9:00 PM the contact's time (US federal law); other times are outside the rules.";
        assert.equal(await time.inputValue(), '08:00', 'RS-6 CP-1 the default is the next legal time, 8:00 their time');
        assert.equal(await form.getByRole('textbox', { name: 'Date' }).inputValue(), '2026-01-06');
        assert.equal(await description(time), rules, 'CP-1 the time field says which hours the rules allow');
        await ctx.expectText(form, "Contact's time: 01/06/2026 08:00:00 Pacific Time");

        // Typed, then Save straight away: Tab would open the zone picker's list over the buttons at 360 px.
        await time.fill('21:30');
        await form.getByRole('button', { name: 'Save' }).click();
        assert.equal(await time.inputValue(), '21:30', 'what was typed stays');
        assert.equal(await time.getAttribute('aria-invalid'), 'true');
        assert.match(
            await description(time),
            /^A calling rule does not allow this time\. US federal law allows calls 8:00 AM–9:00 PM; it is 9:30 PM there; callable Wed, Jan 7, 8:00 AM their time\./
        );
        await ctx.expectText(ctx.simulator(), 'Next callback: none scheduled');
        await ctx.axe('reschedule refused by a rule set');
    },
    { timeoutMs: 120_000 }
);
