import { LightningElement, api } from 'lwc';
import { DEFAULT_SETTINGS, DeliverTo, RescheduleField, recordName } from 'c/pcModel';
import type {
    CallingWindow,
    CommandResult,
    ComplianceNotice,
    DialerCapabilities,
    FieldIssue,
    Instant,
    PreviewState,
    RescheduleCommands,
    RescheduleDraft,
    RescheduleValidation,
    Settings
} from 'c/pcModel';
import { LABELS, ERROR_CODE_LABELS, RESCHEDULE_ERROR_LABELS, complianceText, formatLabel } from 'c/pcLabels';
import { formatDateTime, formatPhone, userTimeZone } from 'c/pcFormat';
import { dateExample } from 'c/pcSchedule';
import { zoneName } from 'c/pcZones';
import LOCALE from '@salesforce/i18n/locale';

type FieldKey = RescheduleField;
type IssueMap = Partial<Record<FieldKey, string>>;

function issueText(issue: FieldIssue): string {
    return formatLabel(RESCHEDULE_ERROR_LABELS[issue.code] ?? LABELS.errUnknown, issue.params);
}

function byField(issues: readonly FieldIssue[]): IssueMap {
    const map: IssueMap = {};
    for (const issue of issues) {
        const text = issueText(issue);
        const before = map[issue.field];
        map[issue.field] = before ? `${before} ${text}` : text;
    }
    return map;
}

function isValidation(result: RescheduleValidation | CommandResult): result is RescheduleValidation {
    return 'warnings' in result;
}

const FIELD_ORDER: readonly FieldKey[] = [
    RescheduleField.Number,
    RescheduleField.DeliverTo,
    RescheduleField.Date,
    RescheduleField.Time,
    RescheduleField.TimeZone,
    RescheduleField.Notes
];

/** A minute of the day as the user's locale writes a clock time (480 -> "8:00 AM"). */
function clockTime(minuteOfDay: number): string {
    let locale = 'en-US';
    try {
        if (Intl.DateTimeFormat.supportedLocalesOf([LOCALE]).length) locale = LOCALE;
    } catch {
        // An unknown locale tag: en-US, as everywhere else in the console.
    }
    const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    return format.format(minuteOfDay * 60_000);
}

/** The rules a compliance notice names, in words (CP-3). */
function noticeText(notice: ComplianceNotice): string {
    return notice.findings.map((f) => complianceText(f, notice.at)).join(' ');
}

/** `MM/DD/YYYY HH:MM:SS Zone name`: the console's one date/time style (UB-5), with the zone people know. */
function when(at: Instant, zone: string): string {
    return `${formatDateTime(at, zone)} ${zoneName(zone, at)}`;
}

/**
 * The reschedule form (RS-1..RS-7): number, deliver to, date, time, zone and notes, validated by the service.
 * Date and time are plain text fields read by c/pcSchedule, never lightning-input type=date/time, which empty
 * or roll over what the agent typed (RS-5). Each field's message is its accessible description.
 */
export default class PcRescheduleForm extends LightningElement {
    /** The preview being rescheduled (contact name and zone). */
    @api preview: PreviewState | null = null;
    /** Admin settings: default deliver-to and the notes limit. */
    @api settings: Settings = DEFAULT_SETTINGS;
    /** The agent's IANA zone; the user's Salesforce zone when not given. */
    @api agentTimeZone: string | undefined;
    /** What the dialer offers: the deliver-to choices it allows (RS-1); absent, Me and Skill. */
    @api capabilities: DialerCapabilities | null = null;
    /** Reads the console's time, for the instant the zones' offsets are named at; the wall clock when absent. */
    @api clock: (() => Instant) | undefined;
    /** The reschedule commands of the console's service: the first draft, its check, Save and Cancel. */
    @api service: RescheduleCommands | undefined;

    labels = LABELS;
    draft: RescheduleDraft = { number: '', deliverTo: DeliverTo.Me, date: '', time: '', timeZone: '', notes: '' };
    errors: IssueMap = {};
    warnings: IssueMap = {};
    /** The validated instant and the contact's zone, for the two times the form shows (RS-6). */
    at: Instant | null = null;
    contactZone: string | null = null;
    saveError = '';
    /** The failed save had gone past the rule set's warning (Save anyway): its Retry does the same. */
    private failedAnyway = false;
    saving = false;
    /** The rule sets' answer at the chosen instant, and the hours they allow the contact (CP-1, CP-3). */
    compliance: ComplianceNotice | null = null;
    callingWindow: CallingWindow | null = null;
    /** A rule set warned at Save: the agent may save anyway with one more click (CP-3). */
    confirming = false;
    submitted = false;
    /** Fields the agent left at least once: their errors show before Save. */
    touched = new Set<FieldKey>();
    now: Instant = Date.now();

    override connectedCallback(): void {
        const zone = this.agentZone;
        this.now = this.timeNow();
        const fromService = this.service?.rescheduleDraftFor(zone) ?? null;
        const start = fromService ?? { ...this.draft, timeZone: zone, deliverTo: this.settings.defaultDeliverTo };
        // The number reads as people write it (UB-5); the validation reads it back to E.164.
        this.draft = { ...start, number: formatPhone(start.number) };
        // The two times and any calling-hours warning show before the agent types anything.
        this.check(false);
    }

    override renderedCallback(): void {
        // A template cannot bind a textarea's value, so the draft's notes are put in here (only when they differ,
        // so the caret never jumps while the agent types).
        const notes = this.template?.querySelector('textarea');
        if (notes && notes.value !== this.draft.notes) notes.value = this.draft.notes;
    }

    private timeNow(): Instant {
        return this.clock?.() ?? Date.now();
    }

    private get agentZone(): string {
        return this.agentTimeZone || userTimeZone();
    }

    get contactName(): string {
        return this.preview ? formatLabel(LABELS.reschedContact, [recordName(this.preview.preview.record)]) : '';
    }

    private get allowedTargets(): readonly DeliverTo[] {
        const allowed = this.capabilities?.rescheduleDeliverTo;
        return allowed && allowed.length ? allowed : [DeliverTo.Me, DeliverTo.Skill];
    }

    get deliverOptions(): { label: string; value: string }[] {
        const names: Record<DeliverTo, string> = { Me: LABELS.reschedMe, Skill: LABELS.reschedSkill };
        return this.allowedTargets.map((value) => ({ label: names[value], value }));
    }

    /** Only a choice the dialer can keep is offered; with one target the form says which (RS-1). */
    get offerDeliverTo(): boolean {
        return this.allowedTargets.length > 1;
    }

    get onlyTargetText(): string {
        return formatLabel(LABELS.reschedOnlyTarget, [this.deliverOptions.map((o) => o.label).join(', ')]);
    }

    get zoneNotKeptText(): string {
        const caps = this.capabilities;
        if (!caps || caps.rescheduleTimeZone || this.at === null) return '';
        return formatLabel(LABELS.reschedZoneNotKept, [when(this.at, this.agentZone)]);
    }

    get dateHint(): string {
        return formatLabel(LABELS.reschedDateHint, [dateExample(LOCALE)]);
    }

    get notesCounter(): string {
        return formatLabel(LABELS.reschedNotesCounter, [[...this.draft.notes].length, this.settings.notesMaxLength]);
    }

    get numberError(): string {
        return this.errors.number ?? '';
    }
    get deliverToError(): string {
        return this.errors.deliverTo ?? '';
    }
    get dateError(): string {
        return this.errors.date ?? '';
    }
    get timeError(): string {
        return this.errors.time ?? '';
    }
    get timeZoneError(): string {
        return this.errors.timeZone ?? '';
    }
    get notesError(): string {
        return this.errors.notes ?? '';
    }
    get numberInvalid(): string {
        return this.numberError ? 'true' : 'false';
    }
    get dateInvalid(): string {
        return this.dateError ? 'true' : 'false';
    }
    get timeInvalid(): string {
        return this.timeError ? 'true' : 'false';
    }
    get notesInvalid(): string {
        return this.notesError ? 'true' : 'false';
    }
    get numberClass(): string {
        return elementClass(this.numberError);
    }
    get dateClass(): string {
        return elementClass(this.dateError);
    }
    get timeClass(): string {
        return elementClass(this.timeError);
    }
    get notesClass(): string {
        return `${elementClass(this.notesError)} slds-m-top_x-small`;
    }
    /** The note beside the time: which hours the rules allow; its field's accessible description (CP-1). */
    get timeRulesText(): string {
        const w = this.callingWindow;
        if (!w) return '';
        return formatLabel(LABELS.cpTimeWindow, [clockTime(w.startMinute), clockTime(w.endMinute), w.rules.join(', ')]);
    }
    get timeWarning(): string {
        return this.warnings.time ? formatLabel(LABELS.reschedWarning, [this.warnings.time]) : '';
    }
    get contactWhen(): string {
        if (this.at === null || !this.contactZone) return '';
        return formatLabel(LABELS.reschedWhenContact, [when(this.at, this.contactZone)]);
    }
    get agentWhen(): string {
        return this.at === null ? '' : formatLabel(LABELS.reschedWhenAgent, [when(this.at, this.agentZone)]);
    }
    get hasErrors(): boolean {
        return this.submitted && Object.keys(this.errors).length > 0;
    }

    /** Every keystroke updates the draft as typed; nothing is reformatted under the agent's cursor. */
    handleInput(event: Event): void {
        const target = event.currentTarget as HTMLInputElement;
        this.update(target.dataset.field as FieldKey, target.value);
    }

    /** Leaving a field shows its message, if it has one (RS-5: beside the field, what was typed stays). */
    handleCommit(event: Event): void {
        const target = event.currentTarget as HTMLInputElement;
        const field = target.dataset.field as FieldKey;
        this.touched = new Set([...this.touched, field]);
        this.update(field, target.value);
    }

    handleRadio(event: CustomEvent<{ value: string }>): void {
        this.update(RescheduleField.DeliverTo, event.detail.value);
    }

    handleZone(event: CustomEvent<{ value: string }>): void {
        this.touched = new Set([...this.touched, RescheduleField.TimeZone]);
        this.update(RescheduleField.TimeZone, event.detail.value);
    }

    private update(field: FieldKey, value: string): void {
        this.draft = { ...this.draft, [field]: value };
        this.saveError = '';
        this.confirming = false;
        this.check(false);
    }

    /** Validates through the service; a field's error shows once it was left or Save was tried. */
    private check(forSave: boolean): RescheduleValidation | null {
        if (!this.service) return null;
        this.now = this.timeNow();
        const result = this.service.validateReschedule(this.draft);
        this.show(result, forSave || this.submitted);
        return result;
    }

    private show(result: RescheduleValidation, all: boolean): void {
        this.warnings = byField(result.warnings);
        this.compliance = result.compliance ?? null;
        this.callingWindow = result.callingWindow ?? null;
        this.at = result.ok ? result.request.at : null;
        this.contactZone = result.ok ? result.contactTimeZone : null;
        const errors = result.ok ? {} : byField(result.errors);
        // CP-3: beside the time, the rule broken, the contact's local time then, and when they can next be called.
        const notice = this.compliance;
        if (notice?.verdict === 'Block' && errors.time) errors.time = `${errors.time} ${noticeText(notice)}`;
        if (notice?.verdict === 'Warn' && this.warnings.time) this.warnings.time = noticeText(notice);
        if (!all) {
            for (const key of Object.keys(errors) as FieldKey[]) if (!this.touched.has(key)) delete errors[key];
        }
        this.errors = errors;
    }

    async handleSave(): Promise<void> {
        if (!this.service || this.saving) return;
        this.submitted = true;
        const checked = this.check(true);
        if (!checked || !checked.ok) {
            this.focusFirstError();
            return;
        }
        this.saving = true;
        try {
            const result = await this.service.reschedulePreview(this.draft);
            if (isValidation(result)) {
                this.show(result, true);
                // A warning only: nothing was sent; the agent confirms with Save anyway (CP-3).
                this.confirming = !result.ok && result.errors.length === 0 && result.compliance?.verdict === 'Warn';
                if (!result.ok) this.focusFirstError();
            } else if (!result.ok) {
                // The draft stays as typed; Save again sends it once more (PV-6).
                const message = ERROR_CODE_LABELS[result.error.code] ?? LABELS.errUnknown;
                this.saveError = formatLabel(LABELS.reschedSaveFailed, [message]);
                this.failedAnyway = false;
            }
        } finally {
            this.saving = false;
        }
    }

    /** Saves despite the rule set's warning; the service checks again and sends once (CP-3). */
    async handleSaveAnyway(): Promise<void> {
        if (!this.service || this.saving || !this.confirming) return;
        this.saving = true;
        try {
            const result = await this.service.reschedulePreview(this.draft, { confirmWarnings: true });
            this.confirming = false;
            if (isValidation(result)) {
                this.show(result, true);
                if (!result.ok) this.focusFirstError();
            } else if (!result.ok) {
                const message = ERROR_CODE_LABELS[result.error.code] ?? LABELS.errUnknown;
                this.saveError = formatLabel(LABELS.reschedSaveFailed, [message]);
                this.failedAnyway = true;
            }
        } finally {
            this.saving = false;
        }
    }

    /** Sends the draft again the way the failed save sent it: past the warning where the agent had confirmed it. */
    async handleRetry(): Promise<void> {
        if (this.failedAnyway) {
            this.confirming = true;
            await this.handleSaveAnyway();
        } else {
            await this.handleSave();
        }
    }

    handleCancel(): void {
        this.service?.setRescheduling(false);
    }

    private focusFirstError(): void {
        const first = FIELD_ORDER.find((f) => this.errors[f]);
        if (!first) return;
        // Wait for the error text to render so focus lands with its description in place.
        void Promise.resolve().then(() => {
            const field = this.template?.querySelector(`[data-field="${first}"]`) as HTMLElement | null;
            field?.focus?.();
        });
    }
}

function elementClass(error: string): string {
    return error ? 'slds-form-element slds-has-error' : 'slds-form-element';
}
