import { LightningElement, api } from 'lwc';
import { PreviewAction, PreviewTimeoutAction, recordName } from 'c/pcModel';
import type { Disposition, ErrorCommands, Instant, PreviewCommands, PreviewState, ShownValue } from 'c/pcModel';
import {
    LABELS,
    PREVIEW_ACTION_LABELS,
    ERROR_CODE_LABELS,
    complianceRefusal,
    complianceWarning,
    formatLabel
} from 'c/pcLabels';
import { formatDuration, formatPhone, secondsLeft } from 'c/pcFormat';
import { shortcutFor, shortcutText, isMachineShortcut } from 'c/pcShortcuts';
import type { KeyLike } from 'c/pcShortcuts';

type ButtonAction =
    | typeof PreviewAction.Accept
    | typeof PreviewAction.Requeue
    | typeof PreviewAction.Reschedule
    | typeof PreviewAction.Snooze;

const BUTTON_ORDER: readonly ButtonAction[] = [
    PreviewAction.Accept,
    PreviewAction.Requeue,
    PreviewAction.Reschedule,
    PreviewAction.Snooze
];

/** A base list (lightning-combobox) that says, as its own description, that a choice is missing. */
type ReportingList = HTMLElement & { reportValidity?: () => boolean };

const ICONS: Readonly<Record<ButtonAction, string>> = {
    [PreviewAction.Accept]: 'utility:check',
    [PreviewAction.Requeue]: 'utility:close',
    [PreviewAction.Reschedule]: 'utility:event',
    [PreviewAction.Snooze]: 'utility:clock'
};

/** The preview window: who and what would be dialled, and the actions the dialer allows (PV-1 .. PV-6, BX-6, BX-7). */
export default class PcPreviewWindow extends LightningElement {
    private current: PreviewState | null = null;

    /** The preview to show; nothing renders without one. A different record starts with a clean form. */
    @api
    get preview(): PreviewState | null {
        return this.current;
    }
    set preview(value: PreviewState | null) {
        if (value?.preview.id !== this.current?.preview.id) {
            this.dispositionId = '';
            this.dispositionNotes = '';
            this.notesError = '';
        }
        this.current = value ?? null;
    }
    /** Value one / Value two with their admin labels (CL-2, AD-1). */
    @api values: readonly ShownValue[] = [];
    /** Dispositions offered for closing the record without dialing (BX-7). */
    @api dispositions: readonly Disposition[] = [];
    /** The console's clock, for the countdown (BX-6). */
    @api now: Instant = 0;
    /** The preview commands of the console's service, and Call anyway where a rule set only warned (CP-3). */
    @api service: (PreviewCommands & Pick<ErrorCommands, 'confirmCompliance'>) | undefined;

    labels = LABELS;
    /** Set between a click and the service's answer, so a second click cannot send twice (PV-6). */
    sending: PreviewAction | null = null;
    dispositionId = '';
    dispositionNotes = '';
    /** The message beside Notes (its accessible description): the disposition chosen requires notes (BX-7, UB-6). */
    notesError = '';

    override renderedCallback(): void {
        // A template cannot bind a textarea's value: the typed notes are put back after a render (only when they
        // differ, so the caret never jumps), and a new record's empty form empties it.
        const notes = this.template?.querySelector<HTMLTextAreaElement>('textarea[data-id="disposition-notes"]');
        if (notes && notes.value !== this.dispositionNotes) notes.value = this.dispositionNotes;
    }

    get hasPreview(): boolean {
        return this.preview !== null && this.preview !== undefined;
    }

    get contactName(): string {
        return this.preview ? recordName(this.preview.preview.record) : '';
    }

    get number(): string {
        return formatPhone(this.preview?.preview.number);
    }

    get attemptsSoFar(): string {
        return String(this.preview?.preview.attemptsSoFar ?? 0);
    }

    get valueRows(): { key: string; label: string; value: string }[] {
        return (this.values ?? []).map((v, i) => ({ key: `v${i}`, label: v.label, value: v.value }));
    }

    get busy(): boolean {
        return Boolean(this.sending || this.preview?.pending);
    }

    private offers(action: PreviewAction): boolean {
        return Boolean(this.preview?.actions.includes(action));
    }

    get actionButtons(): { action: ButtonAction; label: string; title: string; iconName: string; disabled: boolean }[] {
        return BUTTON_ORDER.filter((a) => this.offers(a)).map((action) => ({
            action,
            label: PREVIEW_ACTION_LABELS[action],
            title: formatLabel(LABELS.withShortcut, [PREVIEW_ACTION_LABELS[action], shortcutText(action)]),
            iconName: ICONS[action],
            disabled: this.busy
        }));
    }

    get pendingText(): string {
        const pending = this.preview?.pending ?? this.sending;
        return pending ? formatLabel(LABELS.previewPending, [PREVIEW_ACTION_LABELS[pending]]) : '';
    }

    get errorText(): string {
        const error = this.preview?.error;
        if (!error) return '';
        // CP-3: a compliance stop says the rule, the contact's local time and when they can next be called.
        const notice = error.compliance;
        if (notice) {
            const words = notice.verdict === 'Warn' ? complianceWarning : complianceRefusal;
            return words(notice.findings, notice.at);
        }
        const action = this.preview?.failedAction;
        const message = ERROR_CODE_LABELS[error.code] ?? LABELS.errUnknown;
        return action ? formatLabel(LABELS.previewFailed, [PREVIEW_ACTION_LABELS[action], message]) : message;
    }

    /** The technical detail of the failure, for support; behind a disclosure (UB-6). */
    get errorDetail(): string {
        return this.preview?.error?.detail ?? '';
    }

    /** A failure the dialer may get past; a rule set's refusal or warning would only be repeated (CP-3). */
    get canRetry(): boolean {
        return Boolean(this.preview?.error && this.preview.failedAction) && !this.preview?.error?.compliance;
    }

    /** A rule set warns about Accept: the agent may go on with one more click (CP-3). */
    get warned(): boolean {
        return this.preview?.error?.compliance?.verdict === 'Warn';
    }

    get callAnywayName(): string {
        return formatLabel(LABELS.cpCallAnywayNamed, [this.errorText]);
    }

    handleCallAnyway(): void {
        const service = this.service;
        const error = this.preview?.error;
        if (!service?.confirmCompliance || this.busy || !error) return;
        this.follow(PreviewAction.Accept, service.confirmCompliance(error.id));
    }

    get countdownText(): string {
        const timeout = this.preview?.preview.timeout;
        if (!timeout) return '';
        const left = formatDuration(secondsLeft(timeout.expiresAt, this.now) * 1000);
        const label =
            timeout.atZero === PreviewTimeoutAction.Dial ? LABELS.previewCountdownDial : LABELS.previewCountdownRequeue;
        return formatLabel(label, [left]);
    }

    get offersDisposition(): boolean {
        return this.offers(PreviewAction.Disposition) && (this.dispositions ?? []).length > 0;
    }

    get dispositionOptions(): { label: string; value: string }[] {
        return (this.dispositions ?? []).map((d) => ({ label: d.label, value: d.id }));
    }

    private get chosenDisposition(): Disposition | undefined {
        return (this.dispositions ?? []).find((d) => d.id === this.dispositionId);
    }

    /** Notes are required by the disposition chosen: the field says so to assistive technology. */
    get notesRequired(): string {
        return String(Boolean(this.chosenDisposition?.requiresNotes));
    }

    get notesInvalid(): string {
        return String(Boolean(this.notesError));
    }

    get notesClass(): string {
        return `slds-form-element slds-m-top_xx-small${this.notesError ? ' slds-has-error' : ''}`;
    }

    handleAction(event: Event): void {
        const action = (event.currentTarget as HTMLElement).dataset.action as ButtonAction;
        this.run(action);
    }

    /** Runs a shortcut the console routed here; true when the preview took it (BX-4). */
    @api
    handleShortcut(action: string): boolean {
        if (!this.hasPreview || !BUTTON_ORDER.includes(action as ButtonAction)) return false;
        const button = this.actionButtons.find((b) => b.action === action);
        if (!button || button.disabled) return false;
        this.run(button.action);
        return true;
    }

    handleKeydown(event: KeyboardEvent): void {
        const action = shortcutFor(event as KeyLike);
        if (action && !isMachineShortcut(action) && this.handleShortcut(action)) event.preventDefault();
    }

    private run(action: ButtonAction): void {
        const service = this.service;
        if (!service || this.busy) return;
        if (action === PreviewAction.Reschedule) {
            service.setRescheduling(true);
            return;
        }
        const send =
            action === PreviewAction.Accept
                ? () => service.acceptPreview()
                : action === PreviewAction.Requeue
                  ? () => service.requeuePreview()
                  : () => service.snoozePreview();
        this.follow(action, send());
    }

    handleRetry(): void {
        if (!this.service || this.busy || !this.preview?.failedAction) return;
        this.follow(this.preview.failedAction, this.service.retryPreview());
    }

    handleDispositionChange(event: CustomEvent<{ value: string }>): void {
        this.dispositionId = event.detail.value;
        this.notesError = '';
        // A list that said a choice is needed says so no more once one is made.
        (event.currentTarget as ReportingList | null)?.reportValidity?.();
    }

    handleNotes(event: Event): void {
        this.dispositionNotes = (event.target as HTMLTextAreaElement).value;
        this.notesError = '';
    }

    /**
     * Close Without Dialing stays enabled and says what is missing where it is missing, as the wrap-up's Save does
     * (UB-6): the list when no disposition is chosen, Notes when the one chosen requires them. Nothing typed is lost.
     */
    handleDisposition(): void {
        if (!this.service || this.busy) return;
        const chosen = this.chosenDisposition;
        if (!chosen) {
            const list = this.template?.querySelector<ReportingList>('lightning-combobox[data-id="disposition-list"]');
            list?.reportValidity?.();
            list?.focus();
            return;
        }
        if (chosen.requiresNotes && !this.dispositionNotes.trim()) {
            this.notesError = LABELS.callNotesRequired;
            this.template?.querySelector<HTMLTextAreaElement>('textarea[data-id="disposition-notes"]')?.focus();
            return;
        }
        this.follow(PreviewAction.Disposition, this.service.dispositionPreview(chosen.id, this.dispositionNotes));
    }

    private follow(action: PreviewAction, result: Promise<unknown>): void {
        this.sending = action;
        void result.finally(() => {
            this.sending = null;
        });
    }
}
