/**
 * The local console's Dialer simulator panel: forces outcomes, moves the virtual clock, injects faults and
 * changes the admin settings of AD-2. Local-only: it is never part of the deployable bundles.
 */
import { LightningElement, api } from 'lwc';
import type { LocalSettings, SimOutcome, SimSpeed, SimulatorDriver, SimulatorView } from '../../../simulator';
import { formatDateTime } from 'c/pcFormat';
import { SIM_OUTCOMES, SIM_SPEEDS } from '../../../simulator';
import {
    adminChange,
    dncChoices,
    MAX_PREVIEW_TIMEOUT_S,
    previewTimeoutOf,
    ruleSetRows,
    wrapUpView
} from './adminSettings';
import type { RuleSetRow, WrapUpView } from './adminSettings';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

interface OutcomeButton {
    readonly value: SimOutcome;
    readonly label: string;
    readonly pressed: string;
    readonly cls: string;
}

interface SpeedOption {
    readonly value: string;
    readonly label: string;
    readonly checked: boolean;
    readonly id: string;
}

export default class SimulatorPanel extends LightningElement {
    private currentDriver: SimulatorDriver | null = null;
    private unsubscribe: (() => void) | null = null;
    view: SimulatorView | null = null;
    /** The settings as edited, applied (with a console restart) only by Apply settings. */
    draft: LocalSettings | null = null;
    /** The number chosen for the Do Not Call list. */
    dncChoice = '';
    /** Why Apply settings did not apply, beside the button; empty when it did. */
    applyError = '';
    /** The preview timeout as typed, kept as typed when refused (BX-6); null until the agent types. */
    timeoutTyped: string | null = null;
    /** Why the typed preview timeout was refused, beside the field; empty when it was taken. */
    timeoutError = '';
    readonly maxPreviewTimeout = MAX_PREVIEW_TIMEOUT_S;

    /** The simulated world this panel drives. */
    @api
    get driver(): SimulatorDriver | null {
        return this.currentDriver;
    }
    set driver(value: SimulatorDriver | null) {
        this.release();
        this.currentDriver = value;
        this.view = value ? value.view() : null;
        this.draft = this.view ? this.view.settings : null;
        if (value && this.isConnected) this.listen();
    }

    override connectedCallback(): void {
        this.listen();
    }

    override disconnectedCallback(): void {
        this.release();
    }

    private listen(): void {
        const driver = this.currentDriver;
        if (!driver || this.unsubscribe) return;
        this.unsubscribe = driver.subscribe(() => {
            this.view = driver.view();
        });
    }

    private release(): void {
        this.unsubscribe?.();
        this.unsubscribe = null;
    }

    get clockText(): string {
        return this.view ? formatDateTime(this.view.now, this.view.timeZone) : '';
    }

    get clockIso(): string {
        return this.view ? new Date(this.view.now).toISOString() : '';
    }

    get timeZone(): string {
        return this.view?.timeZone ?? '';
    }

    get nextCallbackText(): string {
        const at = this.view?.nextCallbackAt;
        return this.view && at != null ? formatDateTime(at, this.view.timeZone) : 'none scheduled';
    }

    get outcomes(): OutcomeButton[] {
        const forced = this.view?.forced ?? null;
        return SIM_OUTCOMES.map((o) => ({
            ...o,
            pressed: String(o.value === forced),
            cls: `slds-button ${o.value === forced ? 'slds-button_brand' : 'slds-button_neutral'}`
        }));
    }

    get forcedText(): string {
        const label = (value: SimOutcome | null): string | undefined =>
            SIM_OUTCOMES.find((o) => o.value === value)?.label;
        const forced = label(this.view?.forced ?? null);
        if (forced) return forced;
        const applied = label(this.view?.applied ?? null);
        return applied
            ? `decided by the simulated dialer (${applied} was used on the dial in progress)`
            : 'decided by the simulated dialer';
    }

    get speeds(): SpeedOption[] {
        const speed = this.view?.speed ?? 0;
        return SIM_SPEEDS.map((s) => ({
            value: String(s.value),
            label: s.label,
            checked: s.value === speed,
            id: `speed-${s.value}`
        }));
    }

    get failPressed(): string {
        return String(Boolean(this.view?.failNext));
    }

    get failClass(): string {
        return `slds-button ${this.view?.failNext ? 'slds-button_destructive' : 'slds-button_neutral'}`;
    }

    get latency(): string {
        return String(this.view?.latencyMs ?? 0);
    }

    get lineOptions(): Array<{ value: string; label: string; selected: boolean }> {
        const lines = this.draft?.lines ?? 1;
        return [1, 2, 3].map((n) => ({ value: String(n), label: String(n), selected: n === lines }));
    }

    get previewOn(): boolean {
        return Boolean(this.draft?.preview);
    }

    get rescheduleOn(): boolean {
        return Boolean(this.draft?.reschedule);
    }

    get screenPopsOn(): boolean {
        return Boolean(this.draft?.screenPops);
    }

    get attemptsHistoryOn(): boolean {
        return Boolean(this.draft?.attemptsHistory);
    }

    handleOutcome(event: Event): void {
        const value = (event.currentTarget as HTMLElement).dataset.value as SimOutcome;
        this.currentDriver?.forceOutcome(value);
    }

    handleAdvanceSecond(): void {
        this.currentDriver?.advance(SECOND);
    }

    handleAdvanceMinute(): void {
        this.currentDriver?.advance(MINUTE);
    }

    handleAdvanceToCallback(): void {
        this.currentDriver?.advanceToNextCallback();
    }

    handleSpeed(event: Event): void {
        const value = Number((event.target as HTMLInputElement).value) as SimSpeed;
        this.currentDriver?.setSpeed(value);
    }

    handleFailNext(): void {
        this.currentDriver?.failNextCommand();
    }

    handleLatency(event: Event): void {
        const ms = Number((event.target as HTMLInputElement).value);
        if (Number.isFinite(ms) && ms >= 0) this.currentDriver?.setLatency(Math.min(ms, 60_000));
    }

    get previewTimeoutText(): string {
        if (this.timeoutTyped !== null) return this.timeoutTyped;
        const seconds = this.view?.previewTimeoutSeconds ?? null;
        return seconds === null ? '' : String(seconds);
    }

    get timeoutAtZeroOptions(): Array<{ value: string; label: string; selected: boolean }> {
        const current = this.view?.previewTimeoutAction ?? 'Requeue';
        return [
            { value: 'Requeue', label: 'Requeue the record' },
            { value: 'Dial', label: 'Dial the number' }
        ].map((o) => ({ ...o, selected: o.value === current }));
    }

    get timeoutDescribedBy(): string | null {
        return this.timeoutError ? 'preview-timeout-error' : 'preview-timeout-help';
    }

    get timeoutInvalid(): string | null {
        return this.timeoutError ? 'true' : null;
    }

    get timeoutFieldClass(): string {
        return `slds-form-element sim-latency${this.timeoutError ? ' slds-has-error' : ''}`;
    }

    /** BX-6: the dialer's preview timeout, from the next preview on; a refused value stays as typed, with why. */
    handlePreviewTimeout(event: Event): void {
        const typed = (event.target as HTMLInputElement).value;
        this.timeoutTyped = typed;
        const parsed = previewTimeoutOf(typed);
        if ('error' in parsed) {
            this.timeoutError = parsed.error;
            return;
        }
        this.timeoutError = '';
        this.timeoutTyped = null;
        this.currentDriver?.setPreviewTimeout(parsed.seconds, this.view?.previewTimeoutAction ?? 'Requeue');
    }

    handleTimeoutAtZero(event: Event): void {
        const value = (event.target as HTMLSelectElement).value === 'Dial' ? 'Dial' : 'Requeue';
        this.currentDriver?.setPreviewTimeout(this.view?.previewTimeoutSeconds ?? null, value);
    }

    handleLines(event: Event): void {
        const lines = Number((event.target as HTMLSelectElement).value);
        if (this.draft && (lines === 1 || lines === 2 || lines === 3)) this.draft = { ...this.draft, lines };
    }

    handleToggle(event: Event): void {
        const input = event.target as HTMLInputElement;
        const key = input.dataset.setting as keyof Omit<LocalSettings, 'lines'>;
        if (this.draft) this.draft = { ...this.draft, [key]: input.checked };
    }

    get deliverToOptions(): Array<{ value: string; label: string; selected: boolean }> {
        const current = this.draft?.admin.defaultDeliverTo ?? 'Me';
        return [
            { value: 'Me', label: 'Me' },
            { value: 'Skill', label: 'Skill' }
        ].map((o) => ({ ...o, selected: o.value === current }));
    }

    get placeFields(): Array<{ key: string; label: string; value: string }> {
        const a = this.draft?.admin;
        return [
            { key: 'contactTimeZoneField', label: 'Contact time zone field', value: a?.contactTimeZoneField ?? '' },
            { key: 'contactCountryField', label: 'Contact country field', value: a?.contactCountryField ?? '' },
            { key: 'contactStateField', label: 'Contact state field', value: a?.contactStateField ?? '' }
        ];
    }

    get ruleSets(): RuleSetRow[] {
        return this.draft ? ruleSetRows(this.draft.admin.ruleSets) : [];
    }

    get wrapUp(): WrapUpView | null {
        return this.draft && this.view ? wrapUpView(this.draft.admin, this.view) : null;
    }

    get dncOptions(): Array<{ value: string; label: string; selected: boolean }> {
        return dncChoices(this.view?.destinations ?? [], this.dncChoice);
    }

    get noDncChoice(): boolean {
        return !this.view?.destinations.length;
    }

    /** Any admin control but the AD-2 switches: `data-key` names the setting, `data-rule` a rule set's field. */
    handleAdmin(event: Event): void {
        const target = event.target as HTMLInputElement & { reportValidity?: () => boolean };
        if (!this.draft) return;
        const { key, rule, field, id } = target.dataset;
        const value = target.type === 'checkbox' ? target.checked : target.value;
        // A typed value that breaks the field's own limits stays as typed, with its message beside it.
        if (target.reportValidity && !target.reportValidity()) return;
        const admin = adminChange(this.draft.admin, { key, rule, field, id }, value);
        if (admin) this.draft = { ...this.draft, admin };
        this.applyError = '';
    }

    handleDncChoice(event: Event): void {
        this.dncChoice = (event.target as HTMLSelectElement).value;
    }

    handleDnc(): void {
        const choice = this.dncChoice || this.view?.destinations[0]?.id;
        if (choice) this.currentDriver?.markDnc(choice);
    }

    handleApply(): void {
        // Every field checked again, so a value typed and not yet left is not applied unseen.
        const fields = Array.from(this.template?.querySelectorAll('lightning-input') ?? []) as unknown as Array<{
            reportValidity(): boolean;
            focus(): void;
        }>;
        const invalid = fields.filter((f) => !f.reportValidity());
        if (invalid.length) {
            this.applyError = 'Not applied: correct the fields marked in red.';
            invalid[0]?.focus();
            return;
        }
        this.applyError = '';
        if (this.draft) this.currentDriver?.applySettings(this.draft);
    }
}
