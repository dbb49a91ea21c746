import { LightningElement, api } from 'lwc';
import { DEFAULT_SETTINGS, DeliverTo, RescheduleField, recordName } from 'c/pcModel';
import type {
    CommandResult,
    ConsoleApi,
    FieldIssue,
    PreviewState,
    RescheduleDraft,
    RescheduleValidation,
    Settings
} from 'c/pcModel';
import { LABELS, ERROR_CODE_LABELS, RESCHEDULE_ERROR_LABELS, formatLabel } from 'c/pcLabels';
import { browserTimeZone, timeZones, toHourMinute } from 'c/pcFormat';

type FieldKey = RescheduleField;
type IssueMap = Partial<Record<FieldKey, string>>;

function issueText(issue: FieldIssue): string {
    return formatLabel(RESCHEDULE_ERROR_LABELS[issue.code] ?? LABELS.errUnknown, issue.params);
}

function byField(issues: readonly FieldIssue[]): IssueMap {
    const map: IssueMap = {};
    for (const issue of issues) {
        const text = issueText(issue);
        map[issue.field] = map[issue.field] ? `${map[issue.field]} ${text}` : text;
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

/** The reschedule form: number, deliver to, date, time, zone and notes, validated by the service (RS-1..3, BX-3). */
export default class PcRescheduleForm extends LightningElement {
    /** The preview being rescheduled (contact name and zone). */
    @api preview: PreviewState | null = null;
    /** Admin settings: default deliver-to and the notes limit. */
    @api settings: Settings = DEFAULT_SETTINGS;
    /** The agent's IANA zone, the form's default; the browser's when not given. */
    @api agentTimeZone: string | undefined;
    /** The console service that validates and sends the reschedule. */
    @api service: ConsoleApi | undefined;

    labels = LABELS;
    draft: RescheduleDraft = { number: '', deliverTo: DeliverTo.Me, date: '', time: '', timeZone: '', notes: '' };
    errors: IssueMap = {};
    warnings: IssueMap = {};
    contactLocalTime = '';
    saveError = '';
    saving = false;
    submitted = false;
    zones: readonly string[] = [];

    override connectedCallback(): void {
        const zone = this.agentTimeZone || browserTimeZone();
        const fromService = this.service?.rescheduleDraftFor(zone) ?? null;
        this.draft = fromService ?? { ...this.draft, timeZone: zone, deliverTo: this.settings.defaultDeliverTo };
        this.zones = timeZones();
        // The contact's local time and any calling-hours warning show before the agent types anything.
        this.check(false);
    }

    override renderedCallback(): void {
        // `list` is not an id-referencing attribute LWC rewrites, so the scoped datalist id is wired here.
        const input = this.template?.querySelector('input[data-field="timeZone"]');
        const list = this.template?.querySelector('datalist');
        if (input && list && input.getAttribute('list') !== list.id) input.setAttribute('list', list.id);
    }

    get contactName(): string {
        return this.preview ? formatLabel(LABELS.reschedContact, [recordName(this.preview.preview.record)]) : '';
    }

    get deliverOptions(): { label: string; value: string }[] {
        return [
            { label: LABELS.reschedMe, value: DeliverTo.Me },
            { label: LABELS.reschedSkill, value: DeliverTo.Skill }
        ];
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
    get timeWarning(): string {
        return this.warnings.time ? formatLabel(LABELS.reschedWarning, [this.warnings.time]) : '';
    }
    get zoneInvalid(): string {
        return this.timeZoneError ? 'true' : 'false';
    }
    get zoneClass(): string {
        return this.timeZoneError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }
    get contactTimeText(): string {
        return this.contactLocalTime ? formatLabel(LABELS.reschedContactTime, [this.contactLocalTime]) : '';
    }
    get hasErrors(): boolean {
        return Object.keys(this.errors).length > 0;
    }

    handleField(event: CustomEvent<{ value?: string }>): void {
        const target = event.currentTarget as HTMLElement & { value?: string };
        const field = target.dataset.field as FieldKey;
        let value = event.detail?.value ?? target.value ?? '';
        if (field === RescheduleField.Time) value = toHourMinute(value);
        this.draft = { ...this.draft, [field]: value };
        this.saveError = '';
        this.check(false);
    }

    handleZoneInput(event: Event): void {
        const value = (event.target as HTMLInputElement).value;
        this.draft = { ...this.draft, timeZone: value };
        this.saveError = '';
        this.check(false);
    }

    /** Validates through the service; errors show once the agent tried to save, warnings and the contact's time always. */
    private check(forSave: boolean): RescheduleValidation | null {
        if (!this.service) return null;
        const result = this.service.validateReschedule(this.draft);
        this.show(result, forSave || this.submitted);
        return result;
    }

    private show(result: RescheduleValidation, withErrors: boolean): void {
        this.warnings = byField(result.warnings);
        this.contactLocalTime = result.ok ? (result.contactLocalTime ?? '') : '';
        this.errors = result.ok || !withErrors ? {} : byField(result.errors);
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
                if (!result.ok) this.focusFirstError();
            } else if (!result.ok) {
                const message = ERROR_CODE_LABELS[result.error.code] ?? LABELS.errUnknown;
                this.saveError = formatLabel(LABELS.reschedSaveFailed, [message]);
            }
        } finally {
            this.saving = false;
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
            const el = this.template?.querySelector(`[data-field="${first}"]`) as HTMLElement | null;
            el?.focus?.();
        });
    }
}
