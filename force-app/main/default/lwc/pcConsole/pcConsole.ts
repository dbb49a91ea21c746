import { LightningElement, api } from 'lwc';
import { CLICK_TO_DIAL_COMMAND, ConnectionStatus, isDialerAdapterKind, recordName } from 'c/pcModel';
import type {
    AgentDialRequest,
    Callability,
    CallView,
    ConsoleApi,
    ConsoleError,
    ConsoleState,
    Instant,
    Scoreboard,
    ScreenPop,
    ShownValue,
    Unsubscribe
} from 'c/pcModel';
import { createConsoleService } from 'c/pcRuntime';
import type { RuntimeOptions } from 'c/pcRuntime';
import { ContactTabOpener } from 'c/pcContactTab';
import {
    LABELS,
    AGENT_STATUS_LABELS,
    CALL_STATUS_LABELS,
    CONNECTION_LABELS,
    SETTINGS_PROBLEM_LABELS,
    formatLabel,
    settingName
} from 'c/pcLabels';
import { formatDuration, userTimeZone } from 'c/pcFormat';
import { tickNow } from 'c/pcTicker';
import { shortcutFor, isMachineShortcut } from 'c/pcShortcuts';
import type { KeyLike } from 'c/pcShortcuts';
import { DialListener } from 'c/pcDialBridge';
import { SliceFeed } from 'c/pcFeed';
import { WorkFit } from './workFit';
import { focusLeaves } from 'c/pcPopoverFit';

interface ShortcutTarget {
    handleShortcut(action: string): boolean;
}

const TICK_MS = 1000;
/** A service clock this close to the wall clock is real time; a virtual (simulated) clock is not extrapolated. */
const REAL_TIME_TOLERANCE_MS = 60_000;

function callKey(v: CallView): string {
    return `${v.call.id}:${v.call.status}`;
}

const NO_VALUES: readonly ShownValue[] = Object.freeze([]);
const NO_CALLS: readonly CallView[] = Object.freeze([]);

const NO_PROBLEMS: readonly { key: string; text: string }[] = Object.freeze([]);

/**
 * The Personal Connection console: the composition root of the agent's screens. It renders one
 * snapshot of the service's state and hands each child the slice it needs.
 */
export default class PcConsole extends LightningElement {
    /** Dialer adapter for this page, overriding the stored setting (Lightning App Builder); empty keeps the setting. */
    @api dialerAdapter = '';
    /** One column whatever the width, for the narrow utility-bar panel. */
    @api compact = false;
    /** Value one's label on this page (App Builder, AD-4); empty keeps the stored setting. */
    @api valueOneLabel = '';
    /** Value one's source on this page: `ContactField` or `DialerField`; empty keeps the stored setting. */
    @api valueOneSource = '';
    /** Value one's field on this page: a Contact field path or a dialer field; empty keeps the stored setting. */
    @api valueOneField = '';
    /** Value two's label on this page (AD-4); empty keeps the stored setting. */
    @api valueTwoLabel = '';
    /** Value two's source on this page; empty keeps the stored setting. */
    @api valueTwoSource = '';
    /** Value two's field on this page; empty keeps the stored setting. */
    @api valueTwoField = '';
    /** Open the matched Contact as a console `Tab` or `Subtab` on answer, or `Off` (AD-5); empty keeps the setting. */
    @api contactTab = '';
    /** The Omni-Channel toolkit bridge the Aura wrapper hands over (WU-5); absent, presence is not synchronised. */
    @api omniToolkit: unknown = null;

    labels = LABELS;
    /**
     * The last snapshot, for the console's own logic. The template never reads it (nor any getter it uses): a
     * snapshot changes with every event, so the template reads the slices below, each set only when it changed,
     * and a change of a slice no one here shows renders nothing here (CL-1).
     */
    state: ConsoleState | null = null;
    ready = false;
    connection: ConsoleState['connection'] | null = null;
    signIn: ConsoleState['signIn'] | null = null;
    agent: ConsoleState['agent'] | null = null;
    skills: ConsoleState['skills'] = [];
    unavailableCodes: ConsoleState['unavailableCodes'] = [];
    agentPending: ConsoleState['agentPending'] | null = null;
    messages: ConsoleState['messages'] = [];
    marquee: ConsoleState['marquee'] | null = null;
    dispositions: ConsoleState['dispositions'] = [];
    settings: ConsoleState['settings'] | null = null;
    routed: ConsoleState['routed'] = [];
    capabilities: ConsoleState['capabilities'] | null = null;
    confirmation: ConsoleState['confirmation'] | null = null;
    preview: ConsoleState['preview'] | null = null;
    /** The snapshot time for the call panel's routed notices, moved only while one is shown. */
    routedNow = 0;
    /** The calls, which the call panel follows by itself: a call's change renders its card, not the console. */
    readonly callsFeed = new SliceFeed<readonly CallView[]>(NO_CALLS);
    /** The session's figures, which the scoreboard follows by itself: a call's end does not render the console. */
    readonly scoreboardFeed = new SliceFeed<Scoreboard | undefined>(undefined);
    /** The console's clock between snapshots, so times in state keep moving. */
    displayNow = 0;
    /**
     * The time for the preview's countdown (BX-6), moved with the clock only while the preview has one: handed
     * `displayNow` itself, the console would render again for every snapshot while any preview is shown.
     */
    previewNow = 0;
    /**
     * The screen pop on screen. It follows `state.screenPop` one task later: the pop (tabs, Contact History, a
     * report of hundreds of attempts) renders after the call's new status is in the DOM, never in the same pass
     * (CL-1: a status shows within one frame of its event).
     */
    shownPop: ScreenPop | null = null;
    /**
     * The clock as of the last change of the screen pop, for its "Now" (SP-2: ready when the pop appeared). It
     * moves only with the pop, so a call's status change or the ticking clock does not re-render the pop's tabs.
     */
    popNow = 0;
    /**
     * The full panel (tabs) rather than the basic information (AD-5). Follows the state with the pop, one task
     * later, so an answer's status shows before the tabs mount.
     */
    popDetailed = false;
    /** Value one / Value two for the preview; the same array while its inputs stay the same (see previewValuesOf). */
    previewValues: readonly ShownValue[] = NO_VALUES;
    /** The errors the banner shows: all but those shown where the agent acted (UB-6: one failure, one message). */
    bannerErrors: readonly ConsoleError[] = [];
    /** Configuration problems in words (AD-3); rebuilt only when the service's list changes. */
    settingsProblems: readonly { key: string; text: string }[] = NO_PROBLEMS;
    /** What the polite live region says; written into it directly (see announce). */
    private announcement = '';
    bootError = '';
    /** The user's Salesforce time zone (the browser's in the local console), for every time shown (UB-5). */
    agentTimeZone = userTimeZone();

    private givenService: ConsoleApi | undefined;
    private active: ConsoleApi | undefined;
    private ownsService = false;
    private unsubscribe: Unsubscribe | null = null;
    private tick: ReturnType<typeof setInterval> | null = null;
    private popTimer: ReturnType<typeof setTimeout> | null = null;
    /** The live region, kept once found: looked up in the shadow tree for every snapshot, it cost more than the write. */
    private liveRegion: HTMLElement | null = null;
    /** The preview closed since the last render: focus may have gone with it (BX-4). */
    private refocusAfterPreview = false;
    /** The agent's focus is in the preview or its Reschedule form (the last place it went in the console). */
    private focusInPreview = false;
    private receivedAt = 0;
    private connected = false;
    /** Opens the answered call's Contact as a console tab where the admin chose so (AD-5). */
    private readonly contactTabs = new ContactTabOpener();
    /** Dial requests from a Contact record page (WU-4), placed through the service like the console's own. */
    private readonly dialListener = new DialListener();
    private readonly keyListener = (event: KeyboardEvent): void => this.handleWindowKeydown(event);
    /** The work column sticks to the top while it leaves room for the pop (UB-1). */
    workSticky = true;
    private readonly workFit = new WorkFit((fits) => {
        this.workSticky = fits;
    });
    /**
     * The time now for the counters (UB-4): the service's clock where it has one, else the last snapshot's time,
     * moved on by the wall clock when the service runs in real time. One function for the console's life, so
     * handing it down never re-renders a child.
     */
    readonly clock = (): Instant => {
        const fromService = this.active?.now?.();
        if (typeof fromService === 'number') return fromService;
        const s = this.state;
        if (!s) return 0;
        return Math.abs(s.now - this.receivedAt) < REAL_TIME_TOLERANCE_MS
            ? s.now + (Date.now() - this.receivedAt)
            : s.now;
    };

    /**
     * Attempts History's Callable (CP-4) as the service answers it at an instant; one function for the console's
     * life, so handing it down never re-renders a child.
     */
    readonly callability = (now: Instant): Callability | null => this.active?.callability?.(now) ?? null;

    /** The console service; when not given (in an org), one is built by the runtime from the admin settings. */
    @api
    get service(): ConsoleApi | undefined {
        return this.givenService;
    }
    set service(value: ConsoleApi | undefined) {
        this.givenService = value;
        if (this.connected && value && value !== this.active) {
            this.detach();
            this.attach(value, false);
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        window.addEventListener('keydown', this.keyListener);
        // The time in state moves between snapshots; LWC allows a timer owned and cleared by the component.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.tick = setInterval(() => this.onTick(), TICK_MS);
        this.dialListener.start((request) => this.dialFromPage(request));
        if (this.givenService) {
            this.attach(this.givenService, false);
            return;
        }
        const adapter = isDialerAdapterKind(this.dialerAdapter) ? this.dialerAdapter : null;
        const omni = this.omniToolkit ? { omniToolkit: this.omniToolkit } : {};
        createConsoleService({ dialerAdapter: adapter, page: this.pageOverrides(), ...omni })
            .then((service) => {
                if (this.connected && !this.active) this.attach(service, true);
                else void service.stop();
            })
            .catch((e: unknown) => {
                this.bootError = e instanceof Error ? e.message : String(e);
            });
    }

    /** The page's App Builder properties as given; the settings module checks them like the metadata. */
    private pageOverrides(): NonNullable<RuntimeOptions['page']> {
        return {
            valueOne: { label: this.valueOneLabel, source: this.valueOneSource, field: this.valueOneField },
            valueTwo: { label: this.valueTwoLabel, source: this.valueTwoSource, field: this.valueTwoField },
            contactTab: this.contactTab
        };
    }

    override disconnectedCallback(): void {
        this.connected = false;
        window.removeEventListener('keydown', this.keyListener);
        if (this.tick) clearInterval(this.tick);
        this.tick = null;
        if (this.popTimer) clearTimeout(this.popTimer);
        this.popTimer = null;
        this.dialListener.stop();
        this.workFit.stop();
        this.detach();
    }

    /** A record page's dial request: the service refuses it with a message where it cannot dial now (WU-4). */
    private dialFromPage(request: AgentDialRequest): void {
        const service = this.active;
        if (!service?.dial) {
            console.warn('Personal Connection ignored a dial request: the console has no dialer that places calls');
            return;
        }
        void service.dial(request);
    }

    private attach(service: ConsoleApi, owned: boolean): void {
        this.active = service;
        this.ownsService = owned;
        this.setState(service.getState(), null);
        this.unsubscribe = service.subscribe((next) => this.setState(next, this.state));
        void service.start();
    }

    private detach(): void {
        this.unsubscribe?.();
        this.unsubscribe = null;
        if (this.active && this.ownsService) void this.active.stop();
        this.active = undefined;
        this.ownsService = false;
    }

    private setState(next: ConsoleState, previous: ConsoleState | null): void {
        this.state = next;
        this.ready = true;
        this.connection = next.connection;
        this.signIn = next.signIn ?? null;
        this.agent = next.agent;
        this.skills = next.skills;
        this.unavailableCodes = next.unavailableCodes;
        this.agentPending = next.agentPending;
        this.messages = next.messages;
        this.scoreboardFeed.publish(next.scoreboard);
        this.marquee = next.marquee;
        this.dispositions = next.dispositions;
        this.settings = next.settings;
        this.routed = next.routed;
        if (next.routed.length) this.routedNow = next.now;
        this.capabilities = next.capabilities;
        this.confirmation = next.confirmation ?? null;
        this.preview = next.preview;
        this.callsFeed.publish(next.calls);
        this.contactTabs.onState(next);
        this.displayNow = next.now;
        this.receivedAt = Date.now();
        this.movePreviewClock();
        // The counters read `clock`, which answers from this snapshot: a simulated clock moved with it.
        tickNow();
        // Each child gets its own slice; a slice that did not change keeps its identity, so LWC leaves that child be.
        if (!previous) this.showPop(next);
        else if (next.screenPop !== this.shownPop || popDetailedIn(next) !== this.popDetailed) this.schedulePop();
        if (
            !previous ||
            next.errors !== previous.errors ||
            next.signIn !== previous.signIn ||
            next.preview !== previous.preview ||
            next.calls !== previous.calls
        ) {
            this.bannerErrors = bannerErrorsOf(next, this.bannerErrors);
        }
        if (!previous || next.settingsProblems !== previous.settingsProblems) {
            this.settingsProblems = describeProblems(next);
        }
        if (
            !previous ||
            next.preview?.preview.id !== previous.preview?.preview.id ||
            next.screenPop !== previous.screenPop ||
            next.settings !== previous.settings
        ) {
            this.previewValues = previewValuesOf(next);
        }
        // BX-4: the preview's button the agent pressed goes with the preview; focus is put back after the render.
        if (previous?.preview && !next.preview) this.refocusAfterPreview = true;
        if (previous) {
            const said = this.describeChange(previous, next);
            if (said) this.announce(said);
        }
    }

    /**
     * Puts the words into the live region directly: they change with every call's status, and as a template value
     * they would render the whole console for each (CL-1).
     */
    private announce(text: string): void {
        this.announcement = text;
        this.writeAnnouncement();
    }

    override renderedCallback(): void {
        // The region is in the template only once the console rendered; words said before are put in then.
        this.writeAnnouncement();
        if (this.refocusAfterPreview) {
            this.refocusAfterPreview = false;
            // Only where the agent's focus was in the preview: an agent who moved on elsewhere keeps their place.
            if (this.focusInPreview) {
                this.focusInPreview = false;
                this.template?.querySelector<HTMLElement & { focusHeading(): void }>('c-pc-call-panel')?.focusHeading();
            }
        }
        if (!this.workFit.watching)
            this.workFit.watch(this.template?.querySelector<HTMLElement>('[data-id="work"]') ?? null);
    }

    private writeAnnouncement(): void {
        const text = this.announcement;
        if (!text) return;
        // The region is the template's first static element: it stays the same element for the console's life.
        this.liveRegion ??= this.template?.querySelector<HTMLElement>('[data-id="live"]') ?? null;
        const region = this.liveRegion;
        if (!region) return;
        const node = region.firstChild;
        if (node && node.nodeType === Node.TEXT_NODE) {
            if ((node as Text).data !== text) (node as Text).data = text;
        } else {
            region.appendChild(document.createTextNode(text));
        }
    }

    handleFocusIn(event: FocusEvent): void {
        const target = event.target as HTMLElement | null;
        const tag = target?.tagName?.toLowerCase();
        this.focusInPreview = tag === 'c-pc-preview-window' || tag === 'c-pc-reschedule-form';
    }

    handleFocusOut(event: FocusEvent): void {
        // Focus moved on out of the console: it is the agent's elsewhere now. (A removed button moves it nowhere.)
        if (focusLeaves(event, this.template)) this.focusInPreview = false;
    }

    /** Shows the snapshot's screen pop, with the clock as of now for its "Now". */
    private showPop(s: ConsoleState): void {
        this.shownPop = s.screenPop;
        this.popDetailed = popDetailedIn(s);
        this.popNow = this.displayNow;
    }

    /** Brings the screen pop up to date in the next task, once, whatever the number of snapshots until then. */
    private schedulePop(): void {
        if (this.popTimer) return;
        // The status change renders first; LWC allows a timer owned and cleared by the component.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.popTimer = setTimeout(() => {
            this.popTimer = null;
            const s = this.state;
            if (s && (s.screenPop !== this.shownPop || popDetailedIn(s) !== this.popDetailed)) this.showPop(s);
        }, 0);
    }

    private onTick(): void {
        const s = this.state;
        if (s && Math.abs(s.now - this.receivedAt) < REAL_TIME_TOLERANCE_MS) {
            this.displayNow = s.now + (Date.now() - this.receivedAt);
            this.movePreviewClock();
        }
    }

    private movePreviewClock(): void {
        if (this.preview?.preview.timeout) this.previewNow = this.displayNow;
    }

    /** What changed for the agent, in words, for the polite live region (BX-4). */
    private describeChange(prev: ConsoleState, next: ConsoleState): string {
        const parts: string[] = [];
        if (prev.connection.status !== next.connection.status) parts.push(connectionText(next.connection));
        if (
            prev.agent.status !== next.agent.status ||
            prev.agent.unavailableCode?.id !== next.agent.unavailableCode?.id
        ) {
            const code = next.agent.unavailableCode;
            parts.push(
                code && next.agent.status === 'Unavailable'
                    ? formatLabel(LABELS.agentUnavailableReason, [code.label])
                    : AGENT_STATUS_LABELS[next.agent.status]
            );
        }
        if (next.preview && next.preview.preview.id !== prev.preview?.preview.id) {
            parts.push(`${LABELS.previewHeading}: ${recordName(next.preview.preview.record)}`);
        }
        const before = new Set(prev.calls.map(callKey));
        for (const v of next.calls) {
            if (!before.has(callKey(v)))
                parts.push(`${recordName(v.call.record)}: ${CALL_STATUS_LABELS[v.call.status]}`);
        }
        return parts.filter(Boolean).join('. ');
    }

    get consoleService(): ConsoleApi | undefined {
        return this.active;
    }

    get workClass(): string {
        return this.workSticky ? 'pc-console__work pc-console__work_sticky' : 'pc-console__work';
    }

    get rootClass(): string {
        return this.compact ? 'pc-console pc-console_compact' : 'pc-console';
    }

    // Connection (BX-5) ---------------------------------------------------------------------

    get connectionMessage(): string {
        if (this.bootError) return formatLabel(LABELS.connFailed, [this.bootError]);
        return this.connection ? connectionText(this.connection) : LABELS.connConnecting;
    }

    get connectionClass(): string {
        const status = this.bootError ? ConnectionStatus.Failed : this.connection?.status;
        const tone =
            status === ConnectionStatus.Connected
                ? 'pc-connection_ok'
                : status === ConnectionStatus.Failed
                  ? 'slds-theme_error'
                  : status === ConnectionStatus.Reconnecting || status === ConnectionStatus.Disconnected
                    ? 'slds-theme_warning'
                    : 'slds-theme_shade';
        return `slds-box slds-box_xx-small slds-m-bottom_x-small pc-connection ${tone}`;
    }

    get nextRetryText(): string {
        const c = this.connection;
        if (!c || c.status !== ConnectionStatus.Reconnecting || c.nextRetryAt === null) return '';
        return formatLabel(LABELS.connNextRetry, [formatDuration(Math.max(0, c.nextRetryAt - this.displayNow))]);
    }

    get failed(): boolean {
        return Boolean(this.bootError) || this.connection?.status === ConnectionStatus.Failed;
    }

    get canRetryConnection(): boolean {
        return this.failed && Boolean(this.active) && !this.signInRequired;
    }

    /** What to do about a failed connection: the admin's help, unless signing in is the way on (UB-6). */
    get showConnectionHelp(): boolean {
        return this.failed && !this.signInRequired;
    }

    handleRetryConnection(): void {
        void this.active?.start();
    }

    // Dialer sign-in (CXone) ------------------------------------------------------------------

    get signInRequired(): boolean {
        return Boolean(this.signIn?.required);
    }

    get signInPending(): boolean {
        return Boolean(this.signIn?.pending);
    }

    get canSignIn(): boolean {
        return Boolean(this.active?.signIn) && !this.signInPending;
    }

    /** Opens the sign-in from the click itself: a popup opened later is blocked by the browser. */
    handleSignIn(): void {
        void this.active?.signIn?.();
    }

    // Admin configuration (AD-3) ------------------------------------------------------------

    get hasSettingsProblems(): boolean {
        return this.settingsProblems.length > 0;
    }

    // Slices for the children ---------------------------------------------------------------

    get previewState() {
        return this.preview ?? null;
    }

    get showPreview(): boolean {
        return Boolean(this.preview && !this.preview.rescheduling);
    }

    get showReschedule(): boolean {
        return Boolean(this.preview?.rescheduling);
    }

    get popBasicOnly(): boolean {
        return !this.popDetailed;
    }

    get showScreenPop(): boolean {
        return Boolean(this.shownPop);
    }

    // Keyboard shortcuts (BX-4) -------------------------------------------------------------

    private handleWindowKeydown(event: KeyboardEvent): void {
        if (event.defaultPrevented || !this.state) return;
        const action = shortcutFor(event as KeyLike);
        if (!action) return;
        const selector = isMachineShortcut(action) ? 'c-pc-call-panel' : 'c-pc-preview-window';
        const target = this.template?.querySelector(selector) as unknown as ShortcutTarget | null;
        if (target?.handleShortcut(action)) event.preventDefault();
    }
}

/** The connection in words (BX-5). */
function connectionText(c: ConsoleState['connection']): string {
    if (c.status === ConnectionStatus.Reconnecting) return formatLabel(LABELS.connReconnecting, [c.attempt, c.detail]);
    if (c.status === ConnectionStatus.Failed) return formatLabel(LABELS.connFailed, [c.detail]);
    return CONNECTION_LABELS[c.status];
}

/** The configuration problems of a snapshot as the admin reads them (AD-3). */
function describeProblems(s: ConsoleState): readonly { key: string; text: string }[] {
    if (!s.settingsProblems.length) return NO_PROBLEMS;
    return s.settingsProblems.map((p, i) => ({
        key: `${String(p.setting)}-${i}`,
        // An empty safe default (a Value field left blank) reads "Left empty.", not "Using  instead.".
        text: formatLabel(p.usedInstead ? LABELS.cfgProblem : LABELS.cfgProblemEmpty, [
            settingName(String(p.setting)),
            SETTINGS_PROBLEM_LABELS[p.code] ?? p.code,
            p.usedInstead
        ])
    }));
}

/** Value one / Value two for the preview: the screen pop's once it belongs to the preview, else the labels alone. */
function previewValuesOf(s: ConsoleState): readonly ShownValue[] {
    if (!s.preview) return NO_VALUES;
    const pop = s.screenPop;
    if (pop && pop.forId === s.preview.preview.id) return [pop.valueOne, pop.valueTwo];
    return [
        { label: s.settings.valueOne.label, value: '' },
        { label: s.settings.valueTwo.label, value: '' }
    ];
}

/**
 * AD-5: every AMD brings the contact's basic information; the panel with Contact History and Attempts opens only
 * where the admin configured screen pops, once the contact answered (or for the preview being decided).
 */
function popDetailedIn(s: ConsoleState): boolean {
    const pop = s.screenPop;
    if (!pop || !s.settings.screenPopsEnabled) return false;
    if (s.preview?.preview.id === pop.forId) return true;
    const view = s.calls.find((v) => v.call.id === pop.forId);
    return Boolean(view && view.call.answeredAt !== null);
}

/**
 * The errors for the banner: those not already shown beside the control the agent used (a preview action's failure
 * in the preview window, a wrap-up's, a transfer's or another call command's in its card). Keeps the previous array
 * while the list is the same, so the error panel is left alone.
 */
function bannerErrorsOf(s: ConsoleState, previous: readonly ConsoleError[]): readonly ConsoleError[] {
    const inPlace = new Set<string>();
    if (s.preview?.error) inPlace.add(s.preview.error.id);
    for (const v of s.calls) {
        if (v.wrapUp?.error) inPlace.add(v.wrapUp.error.id);
        if (v.transferError) inPlace.add(v.transferError.id);
        if (v.commandFailure) inPlace.add(v.commandFailure.error.id);
    }
    // While the dialer needs a sign-in, its refusals are said once, by the sign-in box and its button (UB-6).
    if (s.signIn?.required)
        for (const e of s.errors) if (e.source === 'Dialer' && e.code === 'Unauthorized') inPlace.add(e.id);
    // A click-to-dial that holds the service shows its own failures beside its Call buttons.
    for (const e of s.errors) if (e.command === CLICK_TO_DIAL_COMMAND) inPlace.add(e.id);
    const next = inPlace.size ? s.errors.filter((e) => !inPlace.has(e.id)) : s.errors;
    const same = next.length === previous.length && next.every((e, i) => e === previous[i]);
    return same ? previous : next;
}
