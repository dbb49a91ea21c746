import { DeliverTo, ErrorCode } from 'c/pcModel';
import type { FieldIssue, RescheduleDraft, RescheduleValidation } from 'c/pcModel';
import { makeError } from 'test-support/fixtures';
import { byDataId, change, cleanup, click, findButton, queryAll } from 'test-support/lwc';
import { renderRescheduleForm } from 'test-support/rescheduleForm';

const DRAFT: RescheduleDraft = {
    number: '+13125550100',
    deliverTo: DeliverTo.Me,
    date: '2026-03-12',
    time: '09:00',
    timeZone: 'America/Chicago',
    notes: ''
};

const VALID: RescheduleValidation = {
    ok: true,
    request: {
        number: '+13125550100',
        deliverTo: DeliverTo.Me,
        at: Date.UTC(2026, 2, 12, 14),
        timeZone: 'America/Chicago',
        notes: ''
    },
    warnings: [],
    contactLocalTime: '03/12/2026 09:00 America/Chicago',
    contactTimeZone: 'America/Chicago'
};

const issue = (
    field: FieldIssue['field'],
    code: FieldIssue['code'],
    params: Record<string, string> = {}
): FieldIssue => ({
    field,
    code,
    params
});

const mount = (draft: RescheduleDraft | null = DRAFT) => renderRescheduleForm({ draft, validation: VALID });

const field = (el: HTMLElement, name: string) =>
    el.shadowRoot!.querySelector(`[data-field="${name}"]`) as HTMLElement & {
        value: string;
        options?: { label: string; value: string }[];
    };

const zoneInput = (el: HTMLElement) => field(el, 'timeZone').shadowRoot!.querySelector('input') as HTMLInputElement;

/** Types into the zone search and leaves the field, as an agent tabbing on would. */
async function typeZone(el: HTMLElement, zone: string) {
    const input = zoneInput(el);
    input.dispatchEvent(new CustomEvent('focus'));
    input.value = zone;
    input.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
    input.dispatchEvent(new CustomEvent('blur'));
    await Promise.resolve();
}

describe('c-pc-reschedule-form', () => {
    afterEach(cleanup);

    it("RS-1 prefills the number, delivers to Me by default and uses the agent's zone", async () => {
        const { el, service } = await mount();
        expect(service.callsOf('rescheduleDraftFor')).toEqual([
            { method: 'rescheduleDraftFor', args: ['America/New_York'] }
        ]);
        expect(field(el, 'number').value).toBe('(312) 555-0100'); // UB-5: as people write it
        expect(field(el, 'deliverTo').value).toBe('Me');
        expect(field(el, 'deliverTo').options!.map((o) => o.label)).toEqual(['Me', 'Anyone in this skill']);
        expect(field(el, 'timeZone').value).toBe('America/Chicago');
        expect(byDataId(el, 'contact')!.textContent).toBe('Contact: Ada Lovelace');
        expect(findButton(el, 'Save')).not.toBeNull();
        expect(findButton(el, 'Cancel')).not.toBeNull();
        await expect(el).toBeAccessible();
    });

    it("RS-1 RS-6 offers every zone by name and falls back to the agent's zone without a draft", async () => {
        const { el } = await mount(null);
        expect(field(el, 'timeZone').value).toBe('America/New_York');
        expect(zoneInput(el).value).toMatch(/^Eastern Time – New York \(UTC−0[45]:00\)$/);
        zoneInput(el).dispatchEvent(new CustomEvent('focus'));
        await Promise.resolve();
        const options = Array.from(field(el, 'timeZone').shadowRoot!.querySelectorAll('[role="option"]')).map((o) =>
            o.textContent!.trim()
        );
        expect(options.length).toBeGreaterThan(50);
        expect(options.some((o) => /^United Kingdom Time – London \(UTC\+0[01]:00\)$/.test(o))).toBe(true);
    });

    it('RS-1 sends the edited number, Anyone in this skill, date, time, zone and notes on Save', async () => {
        const { el, service } = await mount();
        await change(field(el, 'number'), '+13125550177');
        await change(field(el, 'deliverTo'), DeliverTo.Skill);
        await change(field(el, 'date'), '2026-03-13');
        await change(field(el, 'time'), '10:30');
        await typeZone(el, 'America/Denver');
        await change(field(el, 'notes'), 'Ask for the account owner');
        expect(byDataId(el, 'notes-counter')!.textContent).toBe('25/1000 characters');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('reschedulePreview')).toEqual([
            {
                method: 'reschedulePreview',
                args: [
                    {
                        number: '+13125550177',
                        deliverTo: 'Skill',
                        date: '2026-03-13',
                        time: '10:30',
                        timeZone: 'America/Denver',
                        notes: 'Ask for the account owner'
                    }
                ]
            }
        ]);
    });

    it('RS-2 shows each error beside its field, sends nothing and keeps what was typed', async () => {
        const { el, service } = await mount();
        service.validation = {
            ok: false,
            errors: [
                issue('number', 'InvalidNumber'),
                issue('time', 'NotInFuture', { now: '03/10/2026 10:04', zone: 'America/Chicago' }),
                issue('timeZone', 'UnknownZone'),
                issue('notes', 'NotesTooLong', { max: '1000', length: '1004' })
            ],
            warnings: []
        };
        await change(field(el, 'number'), '555-CALL-ME');
        await typeZone(el, 'Mars/Olympus');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('reschedulePreview')).toHaveLength(0);
        expect(byDataId(el, 'summary')!.textContent).toContain('Nothing was sent.');
        expect(byDataId(el, 'error-number')!.textContent!.trim()).toBe(
            'Not a number that can be called: check the area code and the digits.'
        );
        expect(byDataId(el, 'error-time')!.textContent!.trim()).toBe(
            'Choose a time after now (03/10/2026 10:04 in America/Chicago).'
        );
        expect(byDataId(el, 'error-timeZone')!.textContent!.trim()).toBe('Choose a time zone from the list.');
        expect(byDataId(el, 'error-notes')!.textContent!.trim()).toBe(
            'Notes can be at most 1000 characters (now 1004).'
        );
        expect(field(el, 'number').value).toBe('555-CALL-ME');
        expect(field(el, 'timeZone').value).toBe('Mars/Olympus');
        expect(field(el, 'date').value).toBe('2026-03-12');
        await expect(el).toBeAccessible();
    });

    it('RS-2 clears an error as soon as the field is fixed', async () => {
        const { el, service } = await mount();
        service.validation = { ok: false, errors: [issue('number', 'Required')], warnings: [] };
        await change(field(el, 'number'), '');
        await click(findButton(el, 'Save'));
        expect(byDataId(el, 'error-number')!.textContent!.trim()).toBe('This field is required.');
        service.validation = VALID;
        await change(field(el, 'number'), '+13125550100');
        expect(byDataId(el, 'error-number')!.textContent!.trim()).toBe('');
    });

    it('RS-2 keeps everything typed when the save fails, with the error and a way to try again', async () => {
        const { el, service } = await mount();
        service.results.set('reschedulePreview', { ok: false, error: makeError({ code: ErrorCode.Network }) });
        await change(field(el, 'notes'), 'Prefers mornings');
        await click(findButton(el, 'Save'));
        expect(byDataId(el, 'save-error')!.textContent).toContain('A network problem interrupted the request.');
        expect(field(el, 'notes').value).toBe('Prefers mornings');
        service.results.delete('reschedulePreview');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('reschedulePreview')).toHaveLength(2);
        await expect(el).toBeAccessible();
    });

    it('UB-6 RS-2 a failed save offers one Retry beside its message, which sends the same draft once more', async () => {
        const { el, service } = await mount();
        service.results.set('reschedulePreview', { ok: false, error: makeError({ code: ErrorCode.Network }) });
        await change(field(el, 'notes'), 'Prefers mornings');
        expect(findButton(el, 'Retry')).toBeNull();
        await click(findButton(el, 'Save'));
        expect(
            queryAll(el, 'lightning-button').filter((b) => (b as unknown as { label: string }).label === 'Retry')
        ).toHaveLength(1);
        await click(findButton(el, 'Retry'));
        const sent = service.callsOf('reschedulePreview');
        expect(sent).toHaveLength(2);
        expect(sent[1]!.args).toEqual(sent[0]!.args);
        expect(sent[1]!.args[1]).toBeUndefined();
        // A change to the draft puts the failure away with its Retry: Save sends what is there now.
        await change(field(el, 'notes'), 'Prefers afternoons');
        expect(findButton(el, 'Retry')).toBeNull();
        await expect(el).toBeAccessible();
    });

    it("RS-3 RS-6 shows the chosen instant in the contact's time and the agent's, in the console's one style", async () => {
        const { el } = await mount();
        expect(byDataId(el, 'contact-time')!.textContent).toBe("Contact's time: 03/12/2026 09:00:00 Central Time");
        expect(byDataId(el, 'agent-time')!.textContent).toBe('Your time: 03/12/2026 10:00:00 Eastern Time');
    });

    it('RS-3 explains a local time the clocks skip at a DST change', async () => {
        const { el, service } = await mount();
        service.validation = {
            ok: false,
            errors: [
                issue('time', 'NonexistentLocalTime', { before: '01:59', after: '03:00', zone: 'America/Chicago' })
            ],
            warnings: []
        };
        await change(field(el, 'date'), '2026-03-08');
        await change(field(el, 'time'), '02:30');
        await click(findButton(el, 'Save'));
        expect(byDataId(el, 'error-time')!.textContent!.trim()).toBe(
            'Not a real time in America/Chicago that day: clocks jump from 01:59 to 03:00. Pick another.'
        );
        expect(service.callsOf('reschedulePreview')).toHaveLength(0);
    });

    it('RS-1 closes the form without sending on Cancel', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Cancel'));
        expect(service.callsOf('setRescheduling')).toEqual([{ method: 'setRescheduling', args: [false] }]);
        expect(service.callsOf('reschedulePreview')).toHaveLength(0);
    });
});
