// The Reschedule form as an agent fills it, by role and accessible name, at the utility-bar size (360x600) and the
// desktop size (1280x800): what is typed stays, each impossible part is named beside its field as the field's
// accessible description, the time zone is found by typing, a failed save loses nothing and a retry books one
// callback, whose notes come back with it. axe finds no violation in the form's states.
import assert from 'node:assert/strict';
import { axeViolations } from './harness.mjs';
import { test } from './suite.mjs';
import {
    callsRegion,
    chooseSkill,
    description,
    isFocused,
    previewWindow,
    waitForPreview,
    waitUntil
} from './steps.mjs';

const SIZES = [
    { name: '360x600', width: 360, height: 600 },
    { name: '1280x800', width: 1280, height: 800 }
];

/** The note beside the Time field for the first preview's contact (Los Angeles): the hours the rules allow (CP-1). */
const RULES_NOTE =
    "Calls allowed 8:00 AM–9:00 PM the contact's time (US federal law); other times are outside the rules.";

/** Opens the console at a size, takes the first preview and opens its Reschedule form. */
async function openForm(ctx, size) {
    await ctx.page.setViewportSize({ width: size.width, height: size.height });
    await ctx.open({ lines: '1', preview: 'on' });
    await chooseSkill(ctx);
    const preview = await waitForPreview(ctx);
    await previewWindow(ctx).getByRole('button', { name: 'Reschedule' }).click();
    const form = ctx.console().getByRole('region', { name: 'Reschedule' });
    await form.waitFor();
    return { form, preview };
}

/** axe (WCAG 2.x A/AA) over the whole page, the screen pop included: 0 violations in each state. */
async function axe(ctx, state) {
    const violations = await axeViolations(ctx.page);
    assert.deepEqual(violations, [], `axe violations in state "${state}":\n${JSON.stringify(violations, null, 2)}`);
}

/** Types into a field as an agent would (select all, type) and leaves it with Tab. */
async function typeInto(ctx, field, text) {
    await field.click();
    await field.press('Control+A');
    await ctx.page.keyboard.type(text);
    await field.press('Tab');
}

/** Asserts the field kept what was typed and describes the problem; then axe checks the state. */
async function expectFieldError(field, typed, message) {
    assert.equal(await field.inputValue(), typed, `what was typed stays: ${typed}`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `${typed} marks the field invalid`);
    assert.equal(await description(field), message, `${typed}: the message is the field's description`);
}

for (const size of SIZES) {
    // The field checks do not change with the width: in the utility-bar panel, where the form is narrowest (the form
    // at both sizes is walked by the tests below).
    if (size.width === 360)
        test(`RS-5 RS-7 RS-2 at ${size.name}: impossible dates, times and numbers are named beside the field and what was typed stays; valid 13:30 is kept`, async (ctx) => {
            const { form } = await openForm(ctx, size);
            const date = form.getByRole('textbox', { name: 'Date' });
            const time = form.getByRole('textbox', { name: 'Time' });
            const phone = form.getByRole('textbox', { name: 'Phone number' });

            for (const [typed, message] of [
                ['2027-02-30', 'February 2027 has 28 days, so there is no day 30.'],
                ['Feb 30, 2027', 'February 2027 has 28 days, so there is no day 30.']
            ]) {
                await typeInto(ctx, date, typed);
                await expectFieldError(date, typed, message);
            }
            await axe(ctx, `reschedule form with a date error at ${size.name}`);

            for (const [typed, message] of [
                ['25:00', 'There is no hour 25: hours run 0–23.'],
                ['09:60', 'There is no minute 60: minutes run 00 to 59.'],
                ['9:60 AM', 'There is no minute 60: minutes run 00 to 59.']
            ]) {
                await typeInto(ctx, time, typed);
                await expectFieldError(time, typed, `${message} ${RULES_NOTE}`);
            }

            for (const [typed, message] of [
                ['123', 'Too short for a phone number: enter the area code and the whole number.'],
                ['1234567890123456789', 'Too long for a phone number: check for extra digits.'],
                [
                    '+1 312 555 0123 ext 9',
                    'Extension 9 cannot be dialed: the callback rings the main number. Put it in the notes.'
                ]
            ]) {
                await typeInto(ctx, phone, typed);
                await expectFieldError(phone, typed, message);
            }
            await form.getByRole('button', { name: 'Save' }).click();
            await ctx.expectText(form.getByRole('alert').first(), 'Nothing was sent');
            await ctx.expectText(ctx.simulator(), 'Next callback: none scheduled');
            assert.equal(await time.inputValue(), '9:60 AM', 'RS-5 9:60 AM never becomes 10:00');
            await axe(ctx, `reschedule form with every field in error at ${size.name}`);

            // A valid 24-hour time and an ISO date are kept as typed and read.
            await typeInto(ctx, date, '2026-03-14');
            await typeInto(ctx, time, '13:30');
            await typeInto(ctx, phone, '(312) 555-0123');
            assert.equal(await time.inputValue(), '13:30');
            assert.equal(await time.getAttribute('aria-invalid'), 'false');
            assert.equal(await description(time), RULES_NOTE, 'CP-1 the rules note stays the time field description');
            await ctx.expectText(form, "Contact's time: 03/14/2026 13:30:00", 'Your time: 03/14/2026');
            await axe(ctx, `reschedule form valid at ${size.name}`);
        });

    test(`RS-1 BX-4 at ${size.name}: Deliver to is a group of radios, each checked where it is drawn or by arrow keys`, async (ctx) => {
        const { form } = await openForm(ctx, size);
        const group = form.getByRole('group', { name: 'Deliver to' });
        const me = group.getByRole('radio', { name: 'Me' });
        const skill = group.getByRole('radio', { name: 'Anyone in this skill' });
        assert.equal(await me.isChecked(), true, 'RS-1 Me is the default');
        // The radio itself is what a pointer at its label hits: check() clicks it by its own box.
        await skill.check();
        assert.equal(await me.isChecked(), false, 'RS-1 one choice at a time');
        await me.check();
        await skill.check();
        // Arrow keys move the choice within the group, and the focused radio shows SLDS's focus ring.
        await ctx.page.keyboard.press('ArrowUp');
        await waitUntil(ctx.page, () => me.isChecked(), { what: 'Me checked by ArrowUp' });
        assert.equal(await isFocused(me), true, 'BX-4 focus moved with the choice');
        const ring = await me.evaluate(
            (input) => getComputedStyle(input.labels[0].querySelector('.slds-radio_faux')).boxShadow
        );
        assert.notEqual(ring, 'none', 'BX-4 the focused radio shows its focus ring');
        await axe(ctx, `deliver to by keyboard at ${size.name}`);
    });

    test(`RS-6 at ${size.name}: the time zone is found by typing "chicago" or "central" and picked by keyboard or pointer`, async (ctx) => {
        const { form } = await openForm(ctx, size);
        const zone = form.getByRole('combobox', { name: 'Time zone' });
        assert.match(
            await zone.inputValue(),
            / – .+ \(UTC[+−]\d{2}:\d{2}\)$/,
            'RS-6 the default zone has a name agents know'
        );
        // The first contact is on the West Coast: the default instant is inside calling hours there, no warning.
        assert.match(await zone.inputValue(), /^Pacific Time – /);
        assert.equal(await form.getByText(/outside calling hours/).count(), 0, 'RS-6 the default trips no warning');

        await zone.click();
        await zone.press('Control+A');
        await ctx.page.keyboard.type('chicago');
        const list = form.getByRole('listbox', { name: 'Time zone' });
        const chicago = list.getByRole('option', { name: /^Central Time – Chicago \(UTC−0[56]:00\)$/ });
        await chicago.waitFor();
        assert.equal(await zone.getAttribute('aria-expanded'), 'true');
        assert.equal(await list.getByRole('option').count(), 1, '"chicago" finds exactly Chicago');
        await axe(ctx, `time zone list open at ${size.name}`);
        await zone.press('Enter');
        assert.match(await zone.inputValue(), /^Central Time – Chicago \(UTC−0[56]:00\)$/);
        assert.equal(await zone.getAttribute('aria-expanded'), 'false');

        await zone.click();
        await zone.press('Control+A');
        await ctx.page.keyboard.type('central');
        await chicago.waitFor();
        assert.ok((await list.getByRole('option').count()) > 1, '"central" finds the Central zones');
        // Escape closes the list and keeps the form open.
        await zone.press('Escape');
        assert.equal(await zone.getAttribute('aria-expanded'), 'false');
        await form.waitFor();
        await zone.press('ArrowDown');
        await chicago.click();
        assert.match(await zone.inputValue(), /^Central Time – Chicago/);
    });

    test(`RS-2 UB-7 RS-4 at ${size.name}: a failed save loses nothing, its one Retry books one callback, confirmed; its notes come back with it`, async (ctx) => {
        const { form, preview } = await openForm(ctx, size);
        const notes = form.getByRole('textbox', { name: 'Notes' });
        await typeInto(ctx, notes, 'Ask for Grace in accounts');
        const time = form.getByRole('textbox', { name: 'Time' });
        const typedTime = await time.inputValue();

        await ctx.sim('Fail next command');
        await form.getByRole('button', { name: 'Save' }).click();
        await ctx.expectText(form, 'The dialer did not save the reschedule');
        assert.equal(await notes.inputValue(), 'Ask for Grace in accounts', 'RS-2 the notes stay after a failed save');
        assert.equal(await time.inputValue(), typedTime, 'RS-2 the time stays after a failed save');
        await ctx.expectText(ctx.simulator(), 'Next callback: none scheduled');
        await axe(ctx, `reschedule form after a failed save at ${size.name}`);

        // UB-6: one Retry, beside the message, sends the same draft again.
        assert.equal(await ctx.console().getByRole('button', { name: 'Retry' }).count(), 1, 'UB-6 one Retry');
        await form.getByRole('button', { name: 'Retry' }).click();
        await ctx.expectGone(form);
        const confirmation = ctx.console().getByRole('status').filter({ hasText: 'Callback booked for' });
        await ctx.expectText(confirmation, 'Callback booked for', 'your time');
        await axe(ctx, `booking confirmed at ${size.name}`);

        await ctx.sim('Advance to next callback');
        const marquee = ctx
            .console()
            .getByRole('status')
            .filter({ hasText: `Callback: ${preview.number}` });
        await marquee.waitFor();
        await ctx.expectText(marquee, 'Notes: Ask for Grace in accounts');
        await ctx.expectText(callsRegion(ctx), 'Notes: Ask for Grace in accounts');
        // Exactly one callback was booked: none is left after it was delivered.
        await ctx.expectText(ctx.simulator(), 'Next callback: none scheduled');
    });
}
