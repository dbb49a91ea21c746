/** CP-1, CP-3, BX-3 in the reschedule form: the rules' hours beside the time, a refusal there, a warning to confirm. */
import { DeliverTo, ErrorCode } from 'c/pcModel';
import type { ComplianceFinding, ComplianceNotice, RescheduleDraft, RescheduleValidation } from 'c/pcModel';
import { byDataId, change, cleanup, click, findButton } from 'test-support/lwc';
import { makeError } from 'test-support/fixtures';
import { renderRescheduleForm } from 'test-support/rescheduleForm';

const DRAFT: RescheduleDraft = {
    number: '+13055550100',
    deliverTo: DeliverTo.Me,
    date: '2026-03-12',
    time: '08:00',
    timeZone: 'America/New_York',
    notes: ''
};

/** 21:30 in New York on March 12, 2026 (EDT). */
const LATE = Date.UTC(2026, 2, 13, 1, 30);
/** 08:00 the next morning there. */
const NEXT_MORNING = Date.UTC(2026, 2, 13, 12, 0);

const WINDOW = { startMinute: 480, endMinute: 1200, rules: ['US federal law', 'Florida'] };

function florida(mode: 'Block' | 'Warn'): ComplianceFinding {
    return {
        kind: 'Window',
        mode,
        rule: 'US_Florida',
        ruleLabel: 'Florida',
        zone: 'America/New_York',
        nextAt: NEXT_MORNING,
        windowStartMinute: 480,
        windowEndMinute: 1200,
        limit: null,
        counted: null,
        limitWindowHours: null
    };
}

function notice(verdict: 'Block' | 'Warn'): ComplianceNotice {
    return { verdict, findings: [florida(verdict)], at: LATE, nextAllowedAt: NEXT_MORNING };
}

const VALID: RescheduleValidation = {
    ok: true,
    request: { number: DRAFT.number, deliverTo: DeliverTo.Me, at: NEXT_MORNING, timeZone: DRAFT.timeZone, notes: '' },
    warnings: [],
    contactLocalTime: null,
    contactTimeZone: 'America/New_York',
    compliance: null,
    callingWindow: WINDOW
};

const mount = (validation: RescheduleValidation = VALID) => renderRescheduleForm({ draft: DRAFT, validation });

const timeInput = (el: HTMLElement) => el.shadowRoot!.querySelector('[data-field="time"]') as HTMLInputElement;

function describedBy(el: HTMLElement): string[] {
    return (timeInput(el).getAttribute('aria-describedby') ?? '').split(/\s+/);
}

/** The service warns about the time (a rule set in Warn mode) when checking and when saving without confirmation. */
function warnOnSave(service: Awaited<ReturnType<typeof mount>>['service']): void {
    const warned: RescheduleValidation = {
        ...VALID,
        warnings: [{ field: 'time', code: 'ComplianceWarning', params: {} }],
        compliance: notice('Warn')
    };
    service.validation = warned;
    service.results.set('reschedulePreview', {
        ok: false,
        errors: [],
        warnings: warned.warnings,
        compliance: notice('Warn'),
        callingWindow: WINDOW
    });
}

describe('c-pc-reschedule-form compliance (CP-1, CP-3)', () => {
    afterEach(cleanup);

    it('CP-1 RS-6 the time field says which hours the rules allow, as its accessible description', async () => {
        const { el } = await mount();
        const note = byDataId(el, 'time-rules')!;
        expect(note.textContent!.trim()).toBe(
            "Calls allowed 8:00 AM–8:00 PM the contact's time (US federal law, Florida); other times are outside the rules."
        );
        expect(describedBy(el)).toContain(note.id);
        // The default instant is the service's next legal one: no error, no warning.
        expect(timeInput(el).value).toBe('08:00');
        expect(byDataId(el, 'error-time')!.textContent!.trim()).toBe('');
        await expect(el).toBeAccessible();
    });

    it('CP-1 CP-3 BX-3 a blocking rule refuses Save beside the time: the rule, the local time, the next legal time; what was typed stays', async () => {
        const { el, service } = await mount();
        service.validation = {
            ok: false,
            errors: [{ field: 'time', code: 'ComplianceBlocked', params: {} }],
            warnings: [],
            compliance: notice('Block'),
            callingWindow: WINDOW
        };
        await change(timeInput(el), '21:30');
        await click(findButton(el, 'Save'));
        const error = byDataId(el, 'error-time')!;
        expect(error.textContent!.trim()).toBe(
            'A calling rule does not allow this time. Florida allows calls 8:00 AM–8:00 PM; it is 9:30 PM there; callable Fri, Mar 13, 8:00 AM their time.'
        );
        expect(timeInput(el).getAttribute('aria-invalid')).toBe('true');
        expect(describedBy(el)).toContain(error.id);
        expect(timeInput(el).value).toBe('21:30');
        expect(service.callsOf('reschedulePreview')).toHaveLength(0);
        await expect(el).toBeAccessible();
    });

    it('CP-3 BX-3 a warning rule shows the warning, and Save anyway sends with the agent`s confirmation', async () => {
        const { el, service } = await mount();
        warnOnSave(service);
        await change(timeInput(el), '21:30');
        expect(byDataId(el, 'warning-time')!.textContent!.trim()).toBe(
            'Warning: Florida allows calls 8:00 AM–8:00 PM; it is 9:30 PM there; callable Fri, Mar 13, 8:00 AM their time.'
        );
        expect(findButton(el, 'Save anyway')).toBeNull();
        await click(findButton(el, 'Save'));
        const anyway = findButton(el, 'Save anyway');
        expect(anyway).not.toBeNull();
        service.results.set('reschedulePreview', { ok: true });
        await click(anyway);
        const sent = service.callsOf('reschedulePreview');
        expect(sent).toHaveLength(2);
        expect(sent[1]!.args).toEqual([
            { ...DRAFT, number: '(305) 555-0100', time: '21:30' },
            { confirmWarnings: true }
        ]);
        expect(findButton(el, 'Save anyway')).toBeNull();
    });

    it('CP-3 UB-6 a Save anyway the dialer failed is retried past the warning again, once per click', async () => {
        const { el, service } = await mount();
        warnOnSave(service);
        await change(timeInput(el), '21:30');
        await click(findButton(el, 'Save'));
        service.results.set('reschedulePreview', { ok: false, error: makeError({ code: ErrorCode.Network }) });
        await click(findButton(el, 'Save anyway'));
        expect(byDataId(el, 'save-error')!.textContent).toContain('A network problem interrupted the request.');
        service.results.set('reschedulePreview', { ok: true });
        await click(findButton(el, 'Retry'));
        const sent = service.callsOf('reschedulePreview').map((c) => c.args[1]);
        expect(sent).toEqual([undefined, { confirmWarnings: true }, { confirmWarnings: true }]);
    });
});
