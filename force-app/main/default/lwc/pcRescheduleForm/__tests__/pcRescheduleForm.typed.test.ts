/**
 * The form with the real validation (c/pcSchedule) behind a stub service: what the agent types, what the field
 * says beside it and what reaches the service (RS-5, RS-6, RS-7, RS-1 capabilities, RS-2 failed saves).
 */
import { DEFAULT_SETTINGS, DeliverTo, ErrorCode } from 'c/pcModel';
import type { RescheduleDraft, RescheduleValidation } from 'c/pcModel';
import { validateReschedule } from 'c/pcSchedule';
import { makeError, makeState } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { accessibleDescription, byDataId, change, cleanup, click, findButton, flush } from 'test-support/lwc';
import { renderRescheduleForm } from 'test-support/rescheduleForm';

const NOW = Date.UTC(2027, 0, 10, 18); // Sunday 10 January 2027, 12:00 in Chicago

const DRAFT: RescheduleDraft = {
    number: '+13125550100',
    deliverTo: DeliverTo.Me,
    date: '2027-03-14',
    time: '10:00',
    timeZone: 'America/Chicago',
    notes: ''
};

/** A stub whose validation is the real one, for a Chicago contact on a US calling list. */
class ValidatingStub extends StubConsoleApi {
    override validateReschedule(draft: RescheduleDraft): RescheduleValidation {
        super.validateReschedule(draft);
        return validateReschedule(draft, {
            now: NOW,
            settings: DEFAULT_SETTINGS,
            contactTimeZone: 'America/Chicago',
            listNumber: '+13125550199',
            deliverTo: this.state.capabilities.rescheduleDeliverTo
        });
    }
}

async function mount(caps: Partial<ReturnType<typeof makeState>['capabilities']> = {}, draft: RescheduleDraft = DRAFT) {
    const base = makeState({ now: NOW });
    const service = new ValidatingStub(makeState({ now: NOW, capabilities: { ...base.capabilities, ...caps } }));
    return renderRescheduleForm({ service, draft });
}

const input = (el: HTMLElement, name: string) =>
    el.shadowRoot!.querySelector(`[data-field="${name}"]`) as HTMLInputElement;

/** Types a value and leaves the field (input, then change), as the browser does. */
async function type(el: HTMLElement, name: string, value: string) {
    const field = input(el, name);
    field.value = value;
    field.dispatchEvent(new CustomEvent('input'));
    field.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-pc-reschedule-form with the real validation', () => {
    afterEach(cleanup);

    it.each([
        ['2027-02-30', 'February 2027 has 28 days, so there is no day 30.'],
        ['Feb 30, 2027', 'February 2027 has 28 days, so there is no day 30.'],
        ['2027-13-01', 'There is no month 13: months run 1 to 12.'],
        ['someday', 'Enter a date like 3/14/2027 or 2027-03-14.']
    ])(
        'RS-5 the date %s gets a message naming what is wrong, as its description, and stays',
        async (typed, message) => {
            const { el } = await mount();
            await type(el, 'date', typed);
            const field = input(el, 'date');
            expect(field.value).toBe(typed);
            expect(field.getAttribute('aria-invalid')).toBe('true');
            expect(byDataId(el, 'error-date')!.textContent!.trim()).toBe(message);
            expect(accessibleDescription(field)).toBe(message);
            await expect(el).toBeAccessible();
        }
    );

    it.each([
        ['25:00', 'There is no hour 25: hours run 0–23.'],
        ['09:60', 'There is no minute 60: minutes run 00 to 59.'],
        ['9:60 AM', 'There is no minute 60: minutes run 00 to 59.'],
        ['13:30 PM', 'There is no hour 13: hours run 1–12.']
    ])(
        'RS-5 the time %s is never rolled over: a message beside the field, what was typed stays',
        async (typed, message) => {
            const { el, service } = await mount();
            await type(el, 'time', typed);
            const field = input(el, 'time');
            expect(field.value).toBe(typed);
            expect(field.getAttribute('aria-invalid')).toBe('true');
            expect(accessibleDescription(field)).toBe(message);
            await click(findButton(el, 'Save'));
            expect(service.callsOf('reschedulePreview')).toHaveLength(0);
            expect(input(el, 'time').value).toBe(typed);
        }
    );

    it.each([
        ['13:30', '03/14/2027 13:30:00 Central Time'],
        ['1:30 PM', '03/14/2027 13:30:00 Central Time'],
        ['9 am', '03/14/2027 09:00:00 Central Time']
    ])('RS-5 RS-6 the time %s is accepted and kept as typed', async (typed, contactTime) => {
        const { el, service } = await mount();
        await type(el, 'time', typed);
        expect(input(el, 'time').value).toBe(typed);
        expect(input(el, 'time').getAttribute('aria-invalid')).toBe('false');
        expect(byDataId(el, 'contact-time')!.textContent).toBe(`Contact's time: ${contactTime}`);
        await click(findButton(el, 'Save'));
        expect(service.callsOf('reschedulePreview')).toEqual([
            { method: 'reschedulePreview', args: [{ ...DRAFT, number: '(312) 555-0100', time: typed }] }
        ]);
    });

    it('RS-5 the locale format (en-US 3/14/2027) and ISO both read as 14 March 2027', async () => {
        const { el } = await mount();
        await type(el, 'date', '3/14/2027');
        const local = byDataId(el, 'contact-time')!.textContent;
        await type(el, 'date', '2027-03-14');
        expect(byDataId(el, 'contact-time')!.textContent).toBe(local);
        expect(local).toBe("Contact's time: 03/14/2027 10:00:00 Central Time");
        expect(byDataId(el, 'agent-time')!.textContent).toBe('Your time: 03/14/2027 11:00:00 Eastern Time');
    });

    it.each([
        ['123', 'Too short for a phone number: enter the area code and the whole number.'],
        ['1234567890123456789', 'Too long for a phone number: check for extra digits.'],
        ['+44 20 7946 0958', "The number must use the contact's country code +1; this one starts with +44."],
        [
            '+1 312 555 0123 ext 9',
            'Extension 9 cannot be dialed: the callback rings the main number. Put it in the notes.'
        ],
        ['312-555-CALL', 'A phone number has only digits, spaces and + ( ) - . characters.']
    ])('RS-7 the number %s says which rule failed, beside the field, and stays', async (typed, message) => {
        const { el, service } = await mount();
        await type(el, 'number', typed);
        const field = input(el, 'number');
        expect(field.value).toBe(typed);
        expect(field.getAttribute('aria-invalid')).toBe('true');
        expect(accessibleDescription(field)).toBe(message);
        await click(findButton(el, 'Save'));
        expect(service.callsOf('reschedulePreview')).toHaveLength(0);
        expect(byDataId(el, 'summary')!.textContent).toContain('Nothing was sent.');
        await expect(el).toBeAccessible();
    });

    it('RS-2 a failed save loses nothing typed, and Save again sends it once more', async () => {
        const { el, service } = await mount();
        await type(el, 'time', '13:30');
        await type(el, 'notes', 'Ask for the accounts payable team');
        service.results.set('reschedulePreview', { ok: false, error: makeError({ code: ErrorCode.Network }) });
        await click(findButton(el, 'Save'));
        expect(byDataId(el, 'save-error')!.textContent).toContain('A network problem interrupted the request.');
        expect(input(el, 'time').value).toBe('13:30');
        expect(input(el, 'notes').value).toBe('Ask for the accounts payable team');
        service.results.delete('reschedulePreview');
        await click(findButton(el, 'Save'));
        const sent = service.callsOf('reschedulePreview');
        expect(sent).toHaveLength(2);
        expect(sent[1]!.args[0]).toEqual({
            ...DRAFT,
            number: '(312) 555-0100',
            time: '13:30',
            notes: 'Ask for the accounts payable team'
        });
    });

    it('RS-1 offers only the deliver-to targets the dialer honours, and says so when one is left', async () => {
        const { el } = await mount({ rescheduleDeliverTo: [DeliverTo.Me] });
        expect(el.shadowRoot!.querySelector('c-pc-radio-group')).toBeNull();
        expect(byDataId(el, 'only-target')!.textContent).toBe('The dialer delivers callbacks only to: Me.');
    });

    it('RS-1 says plainly when the dialer keeps only the instant, not the zone', async () => {
        const { el } = await mount({ rescheduleTimeZone: false });
        expect(byDataId(el, 'zone-not-kept')!.textContent).toBe(
            'The dialer keeps only the moment of the callback, not its time zone: it rings at 03/14/2027 11:00:00 Eastern Time your time.'
        );
    });

    it('RS-2 the "after now" error shows now in the console style and the zone by name', async () => {
        const { el } = await mount();
        await type(el, 'date', '2027-01-10');
        await type(el, 'time', '11:00');
        expect(byDataId(el, 'error-time')!.textContent!.trim()).toBe(
            'Choose a time after now (01/10/2027 12:00:00 in Central Time).'
        );
    });

    it('RS-2 typing into the notes keeps the rest and counts characters', async () => {
        const { el } = await mount();
        await change(input(el, 'notes'), 'Prefers mornings', 'input');
        expect(byDataId(el, 'notes-counter')!.textContent!.trim()).toBe('16/1000 characters');
        expect(input(el, 'date').value).toBe('2027-03-14');
    });

    describe('RS-6 the searchable time-zone list', () => {
        const picker = (el: HTMLElement) => input(el, 'timeZone') as unknown as HTMLElement & { value: string };
        const box = (el: HTMLElement) => picker(el).shadowRoot!.querySelector('[role="combobox"]') as HTMLInputElement;
        const options = (el: HTMLElement) =>
            Array.from(picker(el).shadowRoot!.querySelectorAll('[role="option"]')) as HTMLElement[];
        async function search(el: HTMLElement, text: string) {
            box(el).dispatchEvent(new CustomEvent('focus'));
            box(el).value = text;
            box(el).dispatchEvent(new CustomEvent('input'));
            await flush();
        }
        const key = async (el: HTMLElement, k: string) => {
            box(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
            await flush();
        };

        it('RS-6 typing "chicago" finds Central Time – Chicago and Enter picks it', async () => {
            const { el, service } = await mount({}, { ...DRAFT, timeZone: 'America/New_York' });
            expect(box(el).value).toBe('Eastern Time – New York (UTC−05:00)');
            await search(el, 'chicago');
            expect(box(el).getAttribute('aria-expanded')).toBe('true');
            expect(options(el).map((o) => o.textContent!.trim())).toEqual(['Central Time – Chicago (UTC−06:00)']);
            await key(el, 'Enter');
            expect(box(el).getAttribute('aria-expanded')).toBe('false');
            expect(box(el).value).toBe('Central Time – Chicago (UTC−06:00)');
            const last = service.callsOf('validateReschedule').pop()!;
            expect((last.args[0] as RescheduleDraft).timeZone).toBe('America/Chicago');
        });

        it('RS-6 typing "central" lists the Central zones; arrows move, a pick sets America/Chicago', async () => {
            const { el, service } = await mount({}, { ...DRAFT, timeZone: 'Europe/Paris' });
            await search(el, 'central');
            const names = options(el).map((o) => o.textContent!.trim());
            expect(names).toContain('Central Time – Chicago (UTC−06:00)');
            expect(names.length).toBeGreaterThan(1);
            await key(el, 'ArrowDown');
            const active = box(el).getAttribute('aria-activedescendant');
            expect(active).toBeTruthy();
            expect(options(el).filter((o) => o.classList.contains('slds-has-focus'))).toHaveLength(1);
            const chicago = options(el).find((o) => o.textContent!.trim().startsWith('Central Time – Chicago'))!;
            chicago.dispatchEvent(new CustomEvent('mousedown', { cancelable: true }));
            await flush();
            const last = service.callsOf('validateReschedule').pop()!;
            expect((last.args[0] as RescheduleDraft).timeZone).toBe('America/Chicago');
            await expect(el).toBeAccessible();
        });

        it('RS-6 Escape closes the list and keeps the zone; a name that matches nothing stays with a message', async () => {
            const { el } = await mount();
            await search(el, 'chic');
            await key(el, 'Escape');
            expect(box(el).getAttribute('aria-expanded')).toBe('false');
            await search(el, 'Atlantis');
            expect(options(el)).toHaveLength(0);
            box(el).dispatchEvent(new CustomEvent('blur'));
            await flush();
            expect(box(el).value).toBe('Atlantis');
            expect(box(el).getAttribute('aria-invalid')).toBe('true');
            expect(accessibleDescription(box(el))).toBe('Choose a time zone from the list.');
        });
    });
});
