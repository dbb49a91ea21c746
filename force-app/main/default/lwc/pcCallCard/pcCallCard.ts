import { LightningElement, api } from 'lwc';
import {
    CallAction,
    CallDirection,
    CallStatus,
    MachineOverride,
    OVERRIDABLE_STATUSES,
    TransferTargetKind,
    recordName
} from 'c/pcModel';
import type {
    CallCommands,
    CallView,
    CommandResult,
    ConsoleError,
    ErrorCommands,
    DialerCapabilities,
    Disposition,
    Feed,
    Instant,
    Skill,
    TransferTargetKind as TransferKind
} from 'c/pcModel';
import {
    LABELS,
    CALL_STATUS_LABELS,
    ERROR_CODE_LABELS,
    MACHINE_OVERRIDE_LABELS,
    OUTCOME_LABELS,
    complianceRefusal,
    complianceWarning,
    formatLabel
} from 'c/pcLabels';
import { FeedFollower } from 'c/pcFeed';
import { formatPhone } from 'c/pcFormat';
import { shortcutText } from 'c/pcShortcuts';

/** Closest SLDS utility icons to the guide's pictures; Bad Number has no exact match (utility:missed_call: a handset with a downward arrow). */
const OVERRIDE_ICONS: Readonly<Record<MachineOverride, string>> = {
    [MachineOverride.AnsweringMachine]: 'utility:voicemail_drop',
    [MachineOverride.Fax]: 'utility:print',
    [MachineOverride.BadNumber]: 'utility:missed_call'
};

const OVERRIDE_ORDER: readonly MachineOverride[] = [
    MachineOverride.AnsweringMachine,
    MachineOverride.Fax,
    MachineOverride.BadNumber
];

/** The button name of each card command, as its failure names it (UB-6). */
const CALL_ACTION_LABELS: Readonly<Record<CallAction, string>> = {
    [CallAction.AnsweringMachine]: MACHINE_OVERRIDE_LABELS[MachineOverride.AnsweringMachine],
    [CallAction.Fax]: MACHINE_OVERRIDE_LABELS[MachineOverride.Fax],
    [CallAction.BadNumber]: MACHINE_OVERRIDE_LABELS[MachineOverride.BadNumber],
    [CallAction.Voicemail]: LABELS.callDropVoicemail,
    [CallAction.Hold]: LABELS.hold,
    [CallAction.Resume]: LABELS.resume,
    [CallAction.Mute]: LABELS.mute,
    [CallAction.Unmute]: LABELS.unmute,
    [CallAction.EndCall]: LABELS.endCall
};

const TRANSFER_KIND_LABELS: Readonly<Record<TransferKind, string>> = {
    [TransferTargetKind.Skill]: LABELS.callTransferSkill,
    [TransferTargetKind.Agent]: LABELS.callTransferAgent,
    [TransferTargetKind.Number]: LABELS.callTransferNumber
};

type CallCommand = 'hold' | 'resume' | 'mute' | 'unmute' | 'endCall';

/**
 * Each card's number as last formatted: formatting parses the number (libphonenumber), and a card renders on every
 * status change of its call while the number stays. Kept outside the component, whose fields are reactive.
 */
const formattedNumbers = new WeakMap<object, { raw: string | undefined; text: string }>();

/** A base list (lightning-combobox) that says, as its own description, that a choice is missing. */
type ReportingList = HTMLElement & { reportValidity?: () => boolean };

/** One line of the agent's calls: who, which number, its status and the actions it allows now (CL-1, CL-4, AM-1..3). */
export default class PcCallCard extends LightningElement {
    private current: CallView | undefined;
    /** The call status the action sections were last brought up to; see `ready`. */
    private settledStatus: CallStatus | null = null;
    private settleTimer: ReturnType<typeof setTimeout> | null = null;

    /** The call and what is pending on it. */
    @api
    get view(): CallView | undefined {
        return this.current;
    }
    set view(value: CallView | undefined) {
        this.take(value);
    }

    /**
     * The calls as the console keeps them current, read for the call `callId`: the card follows its own call, so a
     * change of that call renders this card alone, not the panel around it (CL-1).
     */
    @api
    get callsFeed(): Feed<readonly CallView[]> | undefined {
        return this.follower.feed;
    }
    set callsFeed(value: Feed<readonly CallView[]> | undefined) {
        this.follower.feed = value;
    }

    /** The id of the call this card follows in `callsFeed`. */
    @api callId = '';

    private fedView: CallView | undefined;
    private readonly follower = new FeedFollower<readonly CallView[]>((calls) => this.pick(calls));

    /** This card's call in the feed's calls. */
    private pick(calls: readonly CallView[]): void {
        // Compared with the last view the feed gave, not with `view`: a view set as a property may be LWC's
        // read-only proxy of the same object.
        const own = calls.find((v) => v.call.id === this.callId);
        if (!own || own === this.fedView) return;
        this.fedView = own;
        this.take(own);
    }

    private take(value: CallView | undefined): void {
        if (value === this.current) return;
        const first = this.current === undefined;
        this.current = value;
        const status = value?.call.status ?? null;
        if (first) this.settledStatus = status;
        else if (status !== this.settledStatus) this.settleSoon();
    }
    /** What the dialer offers; hidden actions are never faked. */
    @api capabilities: DialerCapabilities | undefined;
    /** Dispositions for the wrap-up (CL-4). */
    @api dispositions: readonly Disposition[] = [];
    /** Skills a call can be transferred to. */
    @api skills: readonly Skill[] = [];
    /** The console's time as of its last snapshot. */
    @api now: Instant = 0;
    /** Reads the current time between snapshots, so the counters tick on their own (UB-4). */
    @api clock: (() => Instant) | undefined;
    /**
     * The call commands of the console's service, which receive the agent's clicks on this line; with its error
     * commands, the transfer form dismisses a failure it showed and goes on past a rule set's warning (CP-3).
     */
    @api service: (CallCommands & Partial<ErrorCommands>) | undefined;

    labels = LABELS;
    /** The command sent and not yet answered, so a second click sends nothing twice (AM-3). */
    sending: string | null = null;
    transferOpen = false;
    transferKind: TransferKind | '' = '';
    transferValue = '';
    transferError = '';
    dispositionId = '';
    notes = '';
    /** The message beside Notes (its accessible description), e.g. that the disposition requires notes (WU-1). */
    notesError = '';
    /** What the polite live region last said of the wrap-up time left (WU-1). */
    announcement = '';
    /** The seconds left at which the wrap-up countdown is announced (WU-1). */
    readonly announceMarks: readonly number[] = [30, 10];
    /** The transfer popover just opened: its first control takes focus once rendered (BX-4). */
    private focusTransferForm = false;
    /**
     * True while the card is on the page; off it, the card renders nothing. LWC still renders a component that was
     * due to render when it was removed: a call that ends and leaves the panel in the same task (an attempt nobody
     * answered) marks its card for rendering with the Ended view, the panel removes the card, and the card renders
     * afterwards, disconnected. That render subscribes the card to what it reads, and nothing unsubscribes a card
     * that is already disconnected. A read of something that outlives the card then keeps the card and all of its
     * DOM for the rest of the session: the machine buttons, kept on an Ended card (AM-3), read the dialer's
     * capabilities (one frozen object, with one machineOverrides list, shared by every card of the session), and
     * over a shift thousands of removed cards' nodes and listeners stayed. Rendering nothing off the page, a
     * removed card reads only its own state; one moved on the page is connected again and renders in full.
     */
    private onPage = false;

    override renderedCallback(): void {
        if (this.focusTransferForm && this.showTransferForm) {
            this.focusTransferForm = false;
            this.template?.querySelector<HTMLElement>('[data-id="transfer-kind"]')?.focus();
        }
        // A template cannot bind a textarea's value: the typed notes are put back after a render (only when they
        // differ, so the caret never jumps), so nothing typed is lost when the form re-renders (WU-1).
        const notes = this.template?.querySelector<HTMLTextAreaElement>('textarea[data-id="wrap-up-notes"]');
        if (notes && notes.value !== this.notes) notes.value = this.notes;
    }

    override connectedCallback(): void {
        this.onPage = true;
        this.follower.connect();
    }

    override disconnectedCallback(): void {
        this.onPage = false;
        this.follower.disconnect();
        if (this.settleTimer) clearTimeout(this.settleTimer);
        this.settleTimer = null;
    }

    /**
     * Controls a status brings (Hold, End Call, Transfer, the wrap-up form ...) mount one task after the status
     * itself: the new status is in the DOM first (CL-1, within one frame), the base components follow. Controls
     * the new status does not allow go at once, with the status, so nothing stale can be clicked.
     */
    private settleSoon(): void {
        if (this.settleTimer) return;
        // LWC allows a timer owned and cleared by the component.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.settleTimer = setTimeout(() => {
            this.settleTimer = null;
            this.settledStatus = this.call?.status ?? null;
        }, 0);
    }

    /** True once the action sections have caught up with the call's status (see settleSoon). */
    private get ready(): boolean {
        return this.settledStatus === (this.call?.status ?? null);
    }

    private get call() {
        return this.view?.call;
    }

    /** The whole card, shown only while on the page (see `onPage`). */
    get hasCall(): boolean {
        return this.onPage && Boolean(this.call);
    }

    get headingId(): string {
        return `pc-call-${this.call?.id ?? ''}`;
    }

    get contactName(): string {
        return this.call ? recordName(this.call.record) : '';
    }

    get number(): string {
        const raw = this.call?.number;
        const last = formattedNumbers.get(this);
        if (last && last.raw === raw) return last.text;
        const text = formatPhone(raw);
        formattedNumbers.set(this, { raw, text });
        return text;
    }

    get lineText(): string {
        return formatLabel(LABELS.callLine, [this.call?.line ?? 0]);
    }

    get statusLabel(): string {
        return this.call ? CALL_STATUS_LABELS[this.call.status] : '';
    }

    get statusClass(): string {
        const s = this.call?.status;
        const tone =
            s === CallStatus.Active
                ? 'slds-theme_success'
                : s === CallStatus.Held
                  ? 'slds-theme_warning'
                  : s === CallStatus.Ended
                    ? ''
                    : 'slds-badge_inverse';
        return `slds-badge ${tone}`;
    }

    /**
     * The snapshot time handed to the counters, read only where there is no clock: the console passes a new `now`
     * with every snapshot, and a card that reads it would render again for every change of any line.
     */
    get counterNow(): Instant {
        return this.clock ? 0 : this.now;
    }

    get statusSince(): Instant {
        return this.call?.statusSince ?? 0;
    }

    /**
     * A counter's name with the space that parts it from the time, in the text itself: a margin alone left screen
     * readers and the page's text reading "Talk time0:00".
     */
    get talkTimeLabel(): string {
        return `${LABELS.callTalkTime} `;
    }

    get timeLeftLabel(): string {
        return `${LABELS.wrapUpTimeLeft} `;
    }

    /** Talk time shows once the contact answered and stays, stopped, through the wrap-up (UB-4). */
    get answered(): boolean {
        return this.call?.answeredAt !== null && this.call?.answeredAt !== undefined;
    }

    get answeredAt(): Instant {
        return this.call?.answeredAt ?? 0;
    }

    get endedAt(): Instant | null {
        return this.call?.status === CallStatus.Ended ? (this.call.endedAt ?? this.call.statusSince) : null;
    }

    get isCallback(): boolean {
        return this.call?.direction === CallDirection.Callback;
    }

    /** The notes typed when this callback was booked (UB-7). */
    get callbackNotes(): string {
        const notes = this.view?.callbackNotes;
        return notes ? formatLabel(LABELS.msgCallbackNotes, [notes]) : '';
    }

    get directionIcon(): string {
        return this.isCallback ? 'utility:incoming_call' : 'utility:outbound_call';
    }

    get mostLikely(): boolean {
        return Boolean(this.call?.mostLikely) && this.call?.status !== CallStatus.Ended;
    }

    get muted(): boolean {
        return Boolean(this.call?.muted);
    }

    get outcomeText(): string {
        const outcome = this.call?.outcome;
        return outcome ? formatLabel(LABELS.callOutcome, [OUTCOME_LABELS[outcome]]) : '';
    }

    get busy(): boolean {
        return this.sending !== null || (this.view?.pending.length ?? 0) > 0;
    }

    get overridable(): boolean {
        return Boolean(this.call && OVERRIDABLE_STATUSES.includes(this.call.status));
    }

    get overrideButtons(): {
        kind: MachineOverride;
        label: string;
        title: string;
        iconName: string;
        disabled: boolean;
    }[] {
        if (!this.call) return [];
        const offered = this.capabilities?.machineOverrides ?? [];
        // AM-3: once the call is Active, Held or Ended the buttons stay in their place, disabled.
        const closed = !this.overridable;
        return OVERRIDE_ORDER.filter((k) => offered.includes(k)).map((kind) => ({
            kind,
            label: MACHINE_OVERRIDE_LABELS[kind],
            title: formatLabel(LABELS.withShortcut, [MACHINE_OVERRIDE_LABELS[kind], shortcutText(kind)]),
            iconName: OVERRIDE_ICONS[kind],
            disabled: this.busy || closed
        }));
    }

    /**
     * At an answering machine, where the dialer can leave the skill's recorded message (WU-3); never faked. Like the
     * other controls a status brings, it mounts a task after AMD shows (a base button icon costs more to mount than
     * the rest of the card's render).
     */
    get showVoicemailDrop(): boolean {
        return (
            this.ready &&
            this.call?.status === CallStatus.Amd &&
            this.capabilities?.voicemailDrop === true &&
            typeof this.service?.dropVoicemail === 'function'
        );
    }

    handleDropVoicemail(): void {
        const call = this.call;
        const service = this.service;
        if (!call || !service?.dropVoicemail || this.busy) return;
        this.follow('voicemail', service.dropVoicemail(call.id));
    }

    get inConversation(): boolean {
        return this.ready && (this.call?.status === CallStatus.Active || this.call?.status === CallStatus.Held);
    }

    get showHold(): boolean {
        return this.ready && this.call?.status === CallStatus.Active && Boolean(this.capabilities?.hold);
    }

    get showResume(): boolean {
        return this.ready && this.call?.status === CallStatus.Held && Boolean(this.capabilities?.hold);
    }

    get showMute(): boolean {
        return this.inConversation && Boolean(this.capabilities?.mute) && !this.muted;
    }

    get showUnmute(): boolean {
        return this.inConversation && Boolean(this.capabilities?.mute) && this.muted;
    }

    get transferKinds(): readonly TransferKind[] {
        return this.capabilities?.transferKinds ?? [];
    }

    get showTransfer(): boolean {
        return this.inConversation && this.transferKinds.length > 0;
    }

    get showTransferForm(): boolean {
        return this.showTransfer && this.transferOpen;
    }

    get transferKindOptions(): { label: string; value: string }[] {
        return this.transferKinds.map((k) => ({ label: TRANSFER_KIND_LABELS[k], value: k }));
    }

    get selectedTransferKind(): TransferKind {
        return this.transferKind || this.transferKinds[0] || TransferTargetKind.Number;
    }

    get transferExpanded(): string {
        return String(this.showTransferForm);
    }

    get transferFieldLabel(): string {
        return this.selectedTransferKind === TransferTargetKind.Agent
            ? LABELS.callTransferAgentLabel
            : LABELS.callTransferNumberLabel;
    }

    get transferPlaceholder(): string {
        return this.selectedTransferKind === TransferTargetKind.Agent
            ? LABELS.callTransferAgentPlaceholder
            : LABELS.callTransferNumberPlaceholder;
    }

    get transferHelp(): string {
        return this.selectedTransferKind === TransferTargetKind.Agent
            ? LABELS.callTransferAgentHelp
            : LABELS.callTransferNumberHelp;
    }

    /** The card command of this call the dialer failed: said in the card, named, with one Retry (UB-6). */
    get commandFailureText(): string {
        const failure = this.view?.commandFailure;
        if (!failure) return '';
        const reason = ERROR_CODE_LABELS[failure.error.code] ?? LABELS.errUnknown;
        return formatLabel(LABELS.callFailed, [CALL_ACTION_LABELS[failure.action], reason]);
    }

    /** The failure's technical detail, for support; behind a disclosure (UB-6). */
    get commandFailureDetail(): string {
        return this.view?.commandFailure?.error.detail ?? '';
    }

    get canRetryCommand(): boolean {
        const failure = this.view?.commandFailure;
        return Boolean(failure && this.resend(failure.action));
    }

    /** Retry: the failed command again, as it was; nothing while a command of this call is on its way (AM-3). */
    handleRetryCommand(): void {
        const call = this.call;
        const failure = this.view?.commandFailure;
        const send = failure ? this.resend(failure.action) : null;
        if (!call || !send || this.busy) return;
        this.follow('retry', send(call.id));
    }

    /** What sends `action` again, or null where the service has no such command. */
    private resend(action: CallAction): ((callId: string) => Promise<CommandResult>) | null {
        const service = this.service;
        if (!service) return null;
        switch (action) {
            case CallAction.Voicemail: {
                const drop = service.dropVoicemail;
                return drop ? (id) => drop.call(service, id) : null;
            }
            case CallAction.Hold:
                return (id) => service.hold(id);
            case CallAction.Resume:
                return (id) => service.resume(id);
            case CallAction.Mute:
                return (id) => service.mute(id);
            case CallAction.Unmute:
                return (id) => service.unmute(id);
            case CallAction.EndCall:
                return (id) => service.endCall(id);
            default:
                return (id) => service.overrideMachine(id, action);
        }
    }

    /** The failed or held transfer of this call, which the form shows where the agent acted (UB-6). */
    private get transferFailure(): ConsoleError | null {
        return this.view?.transferError ?? null;
    }

    /**
     * What is wrong with the target entered, beside the field as its accessible description: nothing entered, a
     * number that is no phone number, or the rule set that refuses or warns about calling it (CP-3).
     */
    get transferFieldError(): string {
        if (this.transferError) return this.transferError;
        const failure = this.transferFailure;
        const notice = failure?.compliance;
        if (notice) {
            return notice.verdict === 'Warn'
                ? complianceWarning(notice.findings, notice.at)
                : complianceRefusal(notice.findings, notice.at);
        }
        return failure?.source === 'Validation' && failure.code === 'Rejected' ? LABELS.rsErrInvalidNumber : '';
    }

    get transferInvalid(): string {
        return String(Boolean(this.transferFieldError));
    }

    get transferFieldClass(): string {
        return `slds-form-element slds-m-top_x-small${this.transferFieldError ? ' slds-has-error' : ''}`;
    }

    /**
     * A failure that is not the target's (the dialer refused or did not answer): said in the form, named as the card's
     * other failures are, kept open for Transfer now to send again (UB-6).
     */
    get transferFormError(): string {
        const failure = this.transferFailure;
        if (!failure || this.transferFieldError) return '';
        return formatLabel(LABELS.callFailed, [LABELS.transfer, ERROR_CODE_LABELS[failure.code] ?? LABELS.errUnknown]);
    }

    /** That failure's technical detail, behind a disclosure (UB-6). */
    get transferFormDetail(): string {
        return this.transferFormError ? (this.transferFailure?.detail ?? '') : '';
    }

    /** A rule set only warned: one more click transfers anyway, and the choice is logged on the attempt (CP-3). */
    get canTransferAnyway(): boolean {
        return (
            this.transferFailure?.compliance?.verdict === 'Warn' &&
            typeof this.service?.confirmCompliance === 'function'
        );
    }

    get transferAnywayName(): string {
        return formatLabel(LABELS.cpTransferAnywayNamed, [this.transferFieldError]);
    }

    handleTransferAnyway(): void {
        const failure = this.transferFailure;
        const service = this.service;
        if (!failure || !service?.confirmCompliance || this.busy) return;
        this.follow('transfer', service.confirmCompliance(failure.id), (ok) => {
            if (ok) this.transferOpen = false;
        });
    }

    private focusTransferTarget(): void {
        this.template?.querySelector<HTMLInputElement>('input[data-id="transfer-target"]')?.focus();
    }

    /** The failure shown was of what the agent had entered or chose to leave: it goes with a new entry or the form. */
    private dismissTransferFailure(): void {
        const failure = this.transferFailure;
        if (failure) this.service?.dismissError?.(failure.id);
    }

    /** Escape, in the transfer popover or on its button, closes the popover and gives focus back to the button. */
    handleTransferKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || !this.transferOpen) return;
        event.stopPropagation();
        this.handleTransferToggle();
    }

    get transferToSkill(): boolean {
        return this.selectedTransferKind === TransferTargetKind.Skill;
    }

    get transferInputType(): string {
        return this.selectedTransferKind === TransferTargetKind.Number ? 'tel' : 'text';
    }

    get skillOptions(): { label: string; value: string }[] {
        return (this.skills ?? []).map((s) => ({ label: s.name, value: s.id }));
    }

    get showWrapUp(): boolean {
        return (
            this.ready &&
            this.call?.status === CallStatus.Ended &&
            Boolean(this.view?.wrapUp) &&
            !this.view?.wrapUp?.saved
        );
    }

    /** When the wrap-up time runs out (WU-1), or null without a limit. */
    get wrapUpDeadline(): Instant | null {
        return this.view?.wrapUp?.deadline ?? null;
    }

    get wrapUpTimedOut(): boolean {
        return Boolean(this.view?.wrapUp?.timedOut);
    }

    /** What happens when the countdown reaches zero, as the service will do it (WU-1). */
    get wrapUpAtZeroText(): string {
        const id = this.view?.wrapUp?.atZero;
        if (!id) return LABELS.wrapUpAtZeroUnavailable;
        const label = (this.dispositions ?? []).find((d) => d.id === id)?.label ?? id;
        return formatLabel(LABELS.wrapUpAtZeroDisposition, [label]);
    }

    /** Notes are required by the disposition chosen: the field says so to assistive technology (WU-1). */
    get notesRequired(): string {
        const chosen = (this.dispositions ?? []).find((d) => d.id === this.dispositionId);
        return String(Boolean(chosen?.requiresNotes));
    }

    get notesInvalid(): string {
        return String(Boolean(this.notesError));
    }

    get notesClass(): string {
        return `slds-form-element slds-m-top_xx-small${this.notesError ? ' slds-has-error' : ''}`;
    }

    /** The counter crossed 30 s or 10 s: the live region says so once (WU-1). */
    handleMark(event: CustomEvent<{ seconds: number }>): void {
        this.announcement = formatLabel(LABELS.wrapUpAnnounce, [event.detail.seconds]);
    }

    get wrapUpSaved(): boolean {
        return this.call?.status === CallStatus.Ended && Boolean(this.view?.wrapUp?.saved);
    }

    get dispositionOptions(): { label: string; value: string }[] {
        return (this.dispositions ?? []).map((d) => ({ label: d.label, value: d.id }));
    }

    get wrapUpErrorText(): string {
        const error = this.view?.wrapUp?.error;
        return error ? (ERROR_CODE_LABELS[error.code] ?? LABELS.errUnknown) : '';
    }

    get saveDisabled(): boolean {
        return this.busy;
    }

    /** Runs a machine-override shortcut the panel routed here; true when this call took it (BX-4). */
    @api
    handleShortcut(kind: string): boolean {
        const button = this.overrideButtons.find((b) => b.kind === kind);
        if (!button || button.disabled) return false;
        this.sendOverride(button.kind);
        return true;
    }

    handleOverride(event: Event): void {
        this.sendOverride((event.currentTarget as HTMLElement).dataset.kind as MachineOverride);
    }

    private sendOverride(kind: MachineOverride): void {
        const call = this.call;
        if (!call || !this.service || this.busy || !this.overridable) return;
        this.follow('override', this.service.overrideMachine(call.id, kind));
    }

    handleCommand(event: Event): void {
        const command = (event.currentTarget as HTMLElement).dataset.command as CallCommand;
        const call = this.call;
        const service = this.service;
        if (!call || !service || this.busy) return;
        this.follow(command, service[command](call.id));
    }

    /** Opens the transfer popover with focus in it, or closes it with focus back on the Transfer button (BX-4). */
    handleTransferToggle(): void {
        this.transferOpen = !this.transferOpen;
        this.transferError = '';
        this.focusTransferForm = this.transferOpen;
        if (this.transferOpen) return;
        this.dismissTransferFailure();
        this.template?.querySelector<HTMLElement>('[data-id="transfer-toggle"]')?.focus();
    }

    handleTransferKind(event: CustomEvent<{ value: string }>): void {
        this.transferKind = event.detail.value as TransferKind;
        this.transferValue = '';
        this.transferError = '';
        this.dismissTransferFailure();
    }

    /** The skill chosen from the list. */
    handleTransferValue(event: CustomEvent<{ value: string }>): void {
        this.setTransferValue(event.detail.value ?? '');
        this.recheck(event.currentTarget);
    }

    /**
     * A list that said a choice is needed says so no more once one is made: at once, not when the agent leaves it —
     * there its message would go as the agent presses the button below, moving the button from under the pointer.
     */
    private recheck(list: EventTarget | null): void {
        (list as ReportingList | null)?.reportValidity?.();
    }

    /** A required list (`data-id`) shows whether a choice is missing, as its own description; returns the list. */
    private reportList(dataId: string): ReportingList | null {
        const list = this.template?.querySelector<ReportingList>(`lightning-combobox[data-id="${dataId}"]`) ?? null;
        list?.reportValidity?.();
        return list;
    }

    /** The agent or number typed; kept as typed, whatever it is (checked on Transfer now). */
    handleTransferInput(event: Event): void {
        this.setTransferValue((event.target as HTMLInputElement).value);
    }

    private setTransferValue(value: string): void {
        this.transferValue = value;
        this.transferError = '';
        this.dismissTransferFailure();
    }

    handleTransferSubmit(): void {
        const call = this.call;
        if (!call || !this.service || this.busy) return;
        const value = this.transferValue.trim();
        if (!value) {
            this.transferError = LABELS.callTransferRequired;
            // The skill list says so itself, as its own description; a typed target's field shows transferError.
            this.reportList('transfer-skill');
            return;
        }
        this.transferError = '';
        this.follow('transfer', this.service.transfer(call.id, { kind: this.selectedTransferKind, value }), (ok) => {
            if (ok) this.transferOpen = false;
            // The field says what is wrong with it: the agent is put back in it to read and correct it.
            else if (this.transferFieldError) this.focusTransferTarget();
        });
    }

    handleDisposition(event: CustomEvent<{ value: string }>): void {
        this.dispositionId = event.detail.value;
        this.recheck(event.currentTarget);
        this.notesError = '';
    }

    handleNotes(event: Event): void {
        this.notes = (event.target as HTMLTextAreaElement).value;
        this.notesError = '';
        // The service keeps the draft, so the notes go with the default disposition if the time runs out (WU-1).
        const call = this.call;
        if (call) this.service?.draftNotes?.(call.id, this.notes);
    }

    handleSave(): void {
        const call = this.call;
        if (!call || !this.service || this.busy) return;
        const chosen = (this.dispositions ?? []).find((d) => d.id === this.dispositionId);
        if (!chosen) {
            // The list says so itself, as its own description, and the agent is put back in it (UB-6).
            this.reportList('disposition')?.focus();
            return;
        }
        if (chosen.requiresNotes && !this.notes.trim()) {
            this.notesError = LABELS.callNotesRequired;
            this.template?.querySelector<HTMLTextAreaElement>('textarea[data-id="wrap-up-notes"]')?.focus();
            return;
        }
        this.follow('saveDisposition', this.service.saveDisposition(call.id, chosen.id, this.notes));
    }

    private follow(command: string, result: Promise<CommandResult>, then?: (ok: boolean) => void): void {
        this.sending = command;
        void result
            .then((r) => then?.(r.ok))
            .finally(() => {
                this.sending = null;
            });
    }
}
