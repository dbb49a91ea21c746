/**
 * The preview's reschedule form (PV-4, RS-2, RS-3, RS-6, BX-3, CP-1): its starting draft, its validation against
 * the settings, the contact's zone and the rule sets, and the send, kept for Retry (PV-6).
 */
import type {
    CommandResult,
    ComplianceChoice,
    ComplianceNotice,
    RescheduleDraft,
    RescheduleRequest,
    RescheduleValidation
} from 'c/pcModel';
import { isValidTimeZone, validateReschedule, wallTime } from 'c/pcSchedule';
import { contactZones } from 'c/pcZones';
import { nextCallableAt, withCompliance } from './compliance';
import type { ServiceContext } from './context';
import { previewCommand } from './preview';
import type { RescheduleRetry } from './preview';

/** The reschedule slice: the form's open state and the last request sent, with its contact's zone. */
export class Reschedule implements RescheduleRetry {
    private last: RescheduleRequest | null = null;
    private lastContactZone: string | null = null;
    /** The warning the agent confirmed for the last request, and the record it books (CP-3). */
    private lastOverride: { readonly notice: ComplianceNotice; readonly recordId: string } | null = null;

    constructor(private readonly ctx: ServiceContext) {}

    // Stryker disable next-line BlockStatement: hygiene; a new preview has no failed reschedule, so Retry never reads a stale one
    reset(): void {
        this.last = null;
    }

    retry(): Promise<CommandResult> | null {
        return this.last ? this.send(this.last) : null;
    }

    /** Opens or closes the reschedule form, only where Reschedule is offered (PV-4). */
    setOpen(open: boolean): void {
        const store = this.ctx.store;
        const ps = store.state.preview;
        if (!ps || ps.rescheduling === open) return;
        if (open && !ps.actions.includes('Reschedule')) return;
        store.commit({ preview: { ...ps, rescheduling: open } });
    }

    /** Checks a draft against now, the settings, the contact's zone and the rule sets; sends nothing (RS-2, RS-3, BX-3, CP-1). */
    validate(draft: RescheduleDraft): RescheduleValidation {
        const state = this.ctx.store.state;
        const preview = state.preview?.preview ?? null;
        const now = this.ctx.clock.now();
        const base = validateReschedule(draft, {
            now,
            settings: state.settings,
            contactTimeZone: preview?.record.timeZone ?? null,
            contactTimeZones: contactZones(preview?.record.timeZone, preview?.number),
            listNumber: preview?.number ?? null,
            deliverTo: state.capabilities.rescheduleDeliverTo
        });
        return preview ? withCompliance(base, state, preview.record, preview.number, now) : base;
    }

    /**
     * Validates, then sends; with errors nothing is sent and the validation comes back (RS-2). A rule set's warning
     * comes back unsent too, as a validation with no errors, until the agent confirms it (`confirmWarnings`, CP-3).
     */
    async request(draft: RescheduleDraft, choice?: ComplianceChoice): Promise<RescheduleValidation | CommandResult> {
        const errors = this.ctx.errors;
        const ps = this.ctx.store.state.preview;
        if (!ps) return errors.fail('Validation', 'NotFound', 'no preview on screen', 'reschedule');
        if (!ps.actions.includes('Reschedule')) {
            return errors.fail('Validation', 'Unsupported', 'Reschedule is not offered', 'reschedule');
        }
        if (ps.pending) return errors.inFlight('reschedule');
        const validation = this.validate(draft);
        if (!validation.ok) return validation;
        if (validation.compliance && choice?.confirmWarnings !== true) {
            const { warnings, compliance, callingWindow } = validation;
            return { ok: false, errors: [], warnings, compliance, callingWindow };
        }
        const request = validation.request;
        this.last = request;
        this.lastContactZone = validation.contactTimeZone;
        this.lastOverride = validation.compliance
            ? { notice: validation.compliance, recordId: ps.preview.record.id }
            : null;
        return this.send(request);
    }

    private async send(request: RescheduleRequest): Promise<CommandResult> {
        const override = this.lastOverride;
        const result = await previewCommand(
            this.ctx,
            'Reschedule',
            'reschedule',
            (id) => this.ctx.adapter.reschedulePreview(id, request),
            { at: request.at, timeZone: request.timeZone, contactTimeZone: this.lastContactZone }
        );
        // The callback this books is the attempt the agent's choice belongs to: its Task notes the override when it
        // comes to this console (CP-3). A console opened later does not know of it.
        if (result.ok && override)
            this.ctx.overrides.keep({ go: true, overridden: override.notice }, override.recordId);
        // Stryker disable next-line ConditionalExpression: hygiene; Retry reads `last` only after a failed reschedule, which sets it first
        if (result.ok && this.last === request) this.last = null; // a later one stays for Retry
        return result;
    }

    /**
     * The reschedule form's starting draft (RS-6, CP-1): the previewed number; the contact's zone (record, else the
     * number's area code), else the agent's; the next quarter hour at which no rule set objects to the call.
     */
    draftFor(agentTimeZone: string): RescheduleDraft | null {
        const state = this.ctx.store.state;
        const ps = state.preview;
        if (!ps) return null;
        // A record zone that is no zone (a typo in the org) gives way to the number's, as a missing one does.
        const recordZone = ps.preview.record.timeZone;
        const known = recordZone && isValidTimeZone(recordZone) ? recordZone : null;
        const zones = contactZones(known, ps.preview.number);
        const zone = zones[0] ?? (isValidTimeZone(agentTimeZone) ? agentTimeZone : '');
        // The next instant no rule objects to (CP-1); with none (DNC) the agent picks one and Save says why.
        const at = nextCallableAt(state, ps.preview.record, ps.preview.number, this.ctx.clock.now());
        let date = '';
        let time = '';
        if (zone && at !== null) {
            const w = wallTime(at, zone);
            date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
            time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        }
        const allowed = state.capabilities.rescheduleDeliverTo;
        const preferred = state.settings.defaultDeliverTo;
        return {
            number: ps.preview.number,
            deliverTo: allowed.length && !allowed.includes(preferred) ? (allowed[0] ?? preferred) : preferred,
            date,
            time,
            timeZone: zone,
            notes: ''
        };
    }
}
