/**
 * The console service: the one store of ConsoleState and every command the components may send. This file is its
 * facade: it builds the store and its slices (docs/architecture.md) from the options and implements ConsoleApi by
 * handing each command to the slice that owns it. The service reduces dialer events into immutable snapshots,
 * enforces the rules the dialer alone cannot, and is the only caller of the adapter and of the Salesforce gateway.
 * No DOM here.
 */
import type { Clock, DialerAdapter, DialerSignIn } from 'c/pcDialerPort';
import type {
    AgentDialRequest,
    Callability,
    CommandResult,
    ComplianceChoice,
    ConsoleApi,
    ConsoleState,
    Instant,
    MachineOverride,
    RescheduleDraft,
    RescheduleValidation,
    TransferTarget,
    Unsubscribe
} from 'c/pcModel';
import { CLICK_TO_DIAL_COMMAND } from 'c/pcModel';
import type { SalesforceGateway } from 'c/pcSalesforcePort';
import type { PresencePort } from 'c/pcPresencePort';
import { Agent, presenceHost } from './agent';
import { AttemptLogger } from './attemptLog';
import { CallableSelector } from './callable';
import { LineCommands } from './callCommands';
import { Calls } from './calls';
import { OverrideBook } from './compliance';
import type { ServiceContext } from './context';
import { Errors } from './errors';
import { listen } from './events';
import { Messages } from './messages';
import { PRESENCE_COMMAND, PresenceSync } from './presenceSync';
import { Previews } from './preview';
import { Reschedule } from './reschedule';
import type { ScoreboardStore } from './scoreboard';
import { ScreenPops } from './screenPop';
import { Session, initialState } from './session';
import { SessionScore } from './sessionScore';
import { OK, Store } from './store';
import { WrapUps } from './wrapUp';

export type { ScoreboardStore } from './scoreboard';
export { parseScoreboard, scoreboardKey, serializeScoreboard } from './scoreboard';
export { ENDED_LINGER_MS, ROUTED_NOTICE_MS } from './calls';
export { MARQUEE_MS } from './messages';
export { LOG_RETRY_MS } from './attemptLog';
export { MAX_ERRORS } from './errors';

/** What the service is built from, at the composition root. */
export interface ConsoleServiceOptions {
    readonly adapter: DialerAdapter;
    readonly gateway: SalesforceGateway;
    readonly clock: Clock;
    /** Raw admin settings; when absent they are read from the gateway on start. */
    readonly settings?: unknown;
    /** The dialer's sign-in, when it needs one (CXone); the state then carries `signIn` and `signIn()` works. */
    readonly signIn?: DialerSignIn;
    /** Where the session scoreboard survives a page refresh (WU-2); without one it lives as long as the page. */
    readonly scoreboardStore?: ScoreboardStore;
    /** Omni-Channel, kept in step with the dialer as the settings say (WU-5); none: presence is not synchronised. */
    readonly presence?: PresencePort;
}

type Wiring = { -readonly [K in keyof ServiceContext]: ServiceContext[K] };

/** The console store and command surface the components use (ConsoleApi). */
export class ConsoleService implements ConsoleApi {
    private readonly clock: Clock;
    /** The dialer the composition root chose; the slices reach it through their context. */
    private readonly adapter: DialerAdapter;
    private readonly store: Store;
    /** Attempts History's Callable, kept while it holds (CP-4). */
    private readonly callable = new CallableSelector();
    private readonly presence: PresenceSync | null;
    private readonly errors: Errors;
    private readonly messages: Messages;
    private readonly session: Session;
    private readonly agent: Agent;
    private readonly preview: Previews;
    private readonly reschedule: Reschedule;
    private readonly calls: LineCommands;
    private readonly wrapUp: WrapUps;

    constructor(options: ConsoleServiceOptions) {
        const { adapter, gateway, clock } = options;
        const signIn = options.signIn ?? null;
        const score = new SessionScore(options.scoreboardStore ?? null);
        const store = new Store(clock, initialState(clock, options.settings, signIn, score.board));
        this.clock = clock;
        this.adapter = adapter;
        this.store = store;
        // The slices find each other through ctx when an event or a command comes, all built by then.
        const ctx = { store, adapter, gateway, clock, score, overrides: new OverrideBook() } as Wiring;
        const errors = (ctx.errors = this.errors = new Errors(ctx));
        const messages = (ctx.messages = this.messages = new Messages(ctx));
        const pop = new ScreenPops(ctx);
        ctx.pop = pop;
        this.reschedule = new Reschedule(ctx);
        const preview = (ctx.preview = this.preview = new Previews(ctx, this.reschedule));
        const calls = (ctx.calls = new Calls(ctx));
        ctx.wrapUp = this.wrapUp = new WrapUps(ctx, new AttemptLogger(ctx, (id) => pop.contactIdOf(id)));
        const agent = (ctx.agent = this.agent = new Agent(ctx));
        this.calls = new LineCommands(ctx);
        this.presence = options.presence ? new PresenceSync(options.presence, clock, presenceHost(ctx, agent)) : null;
        const session: Session = new Session(ctx, {
            settingsGiven: options.settings !== undefined,
            signIn,
            presence: this.presence,
            listen: () => listen(adapter, signIn, { store, session, agent, preview, calls, pop, messages, errors })
        });
        this.session = session;
    }

    /** The clock the service runs on (virtual in the local console), read by the console's counters (UB-4). */
    now(): Instant {
        return this.clock.now();
    }

    /** The current snapshot. */
    getState(): ConsoleState {
        return this.store.state;
    }

    /** Attempts History's Callable at `now` (CP-4), from the pop and the rule sets in state. */
    callability(now: Instant = this.clock.now()): Callability | null {
        return this.callable.select(this.store.state.screenPop, this.store.state.settings, now);
    }

    /** Calls the listener with each new snapshot; returns the unsubscribe. */
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe {
        return this.store.subscribe(listener);
    }

    /** Connects to the dialer, rebuilds state from its session (BX-2) and loads skills, codes and settings. */
    start(): Promise<CommandResult> {
        return this.session.start();
    }

    /** Releases the adapter and timers; the last state stays readable. */
    stop(): Promise<void> {
        return this.session.stop();
    }

    /** Signs in to the dialer (a popup: call it from the agent's click), then connects again (BX-2). */
    signIn(): Promise<CommandResult> {
        return this.session.signIn();
    }

    /** Sends again the Omni-Channel status change that failed (WU-5, UB-6). */
    async retryPresence(): Promise<CommandResult> {
        if (!this.presence) return this.errors.fail('OmniChannel', 'Unsupported', 'no Omni-Channel', PRESENCE_COMMAND);
        const error = await this.presence.retry();
        return error ? { ok: false, error } : OK;
    }

    /** Removes an error from the panel. */
    dismissError(errorId: string): void {
        this.errors.dismiss(errorId);
    }

    /** Goes on with the command a compliance warning held; checked again, so a rule that now blocks still refuses. */
    confirmCompliance(errorId: string): Promise<CommandResult> {
        return this.errors.confirm(errorId);
    }

    /** Logs into the dialer for a Personal Connection skill and loads its dispositions (AV-2). */
    loginToSkill(skillId: string): Promise<CommandResult> {
        return this.agent.loginToSkill(skillId);
    }

    /** Logs out; a call in progress finishes first (AV-3). */
    logout(): Promise<CommandResult> {
        return this.agent.logout();
    }

    /** Makes the agent available for deliveries again. */
    setAvailable(): Promise<CommandResult> {
        return this.agent.setAvailable();
    }

    /** Pauses deliveries after the current call (AV-4). */
    setUnavailable(codeId: string): Promise<CommandResult> {
        return this.agent.setUnavailable(codeId);
    }

    /** Accept: the dialer places the call (PV-2) once the rules allow it (CP-1); `confirmWarnings` is "Call anyway". */
    acceptPreview(confirmWarnings = false): Promise<CommandResult> {
        return this.preview.accept(confirmWarnings);
    }

    /** Requeue: the record goes back to the skill's queue (PV-3). */
    requeuePreview(): Promise<CommandResult> {
        return this.preview.requeue();
    }

    /** Snooze: the record goes back to the agent's personal queue (PV-5). */
    snoozePreview(): Promise<CommandResult> {
        return this.preview.snooze();
    }

    /** Records a disposition without dialing, where the dialer offers it (BX-7). */
    dispositionPreview(dispositionId: string, notes: string): Promise<CommandResult> {
        return this.preview.disposition(dispositionId, notes);
    }

    /** Sends the failed preview action again (PV-6). */
    retryPreview(): Promise<CommandResult> {
        return this.preview.retry();
    }

    /** Opens or closes the reschedule form, only where Reschedule is offered (PV-4). */
    setRescheduling(open: boolean): void {
        this.reschedule.setOpen(open);
    }

    /** Checks a draft against now, the settings, the contact's zone and the rule sets; sends nothing (RS-2, CP-1). */
    validateReschedule(draft: RescheduleDraft): RescheduleValidation {
        return this.reschedule.validate(draft);
    }

    /** Validates, then sends; a rule set's warning comes back unsent until the agent confirms it (RS-2, CP-3). */
    reschedulePreview(
        draft: RescheduleDraft,
        choice?: ComplianceChoice
    ): Promise<RescheduleValidation | CommandResult> {
        return this.reschedule.request(draft, choice);
    }

    /** The reschedule form's starting draft (RS-6, CP-1). */
    rescheduleDraftFor(agentTimeZone: string): RescheduleDraft | null {
        return this.reschedule.draftFor(agentTimeZone);
    }

    /** Dials a number for the agent (click-to-dial, WU-4); the call then arrives as any other. */
    dial(request: AgentDialRequest, confirmWarnings = false): Promise<CommandResult> {
        return this.calls.dial(request, confirmWarnings, 'dial');
    }

    /** Dials as `dial` does for a click-to-dial that shows its own result; the banner leaves its failures out (UB-6). */
    clickToDial(request: AgentDialRequest): Promise<CommandResult> {
        return this.calls.dial(request, false, CLICK_TO_DIAL_COMMAND);
    }

    /** Leaves the skill's recorded message at an answering machine (WU-3). */
    dropVoicemail(callId: string): Promise<CommandResult> {
        return this.calls.dropVoicemail(callId);
    }

    /** Closes a call by hand as Answering Machine, Fax or Bad Number (AM-1 .. AM-3). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult> {
        return this.calls.overrideMachine(callId, kind);
    }

    /** Puts an Active call on hold (CL-4). */
    hold(callId: string): Promise<CommandResult> {
        return this.calls.hold(callId);
    }

    /** Resumes a held call (CL-4). */
    resume(callId: string): Promise<CommandResult> {
        return this.calls.resume(callId);
    }

    /** Mutes the agent on an answered call (CL-4). */
    mute(callId: string): Promise<CommandResult> {
        return this.calls.mute(callId);
    }

    /** Unmutes the agent (CL-4). */
    unmute(callId: string): Promise<CommandResult> {
        return this.calls.unmute(callId);
    }

    /** Ends a call (CL-4). */
    endCall(callId: string): Promise<CommandResult> {
        return this.calls.endCall(callId);
    }

    /** Transfers an answered call to a skill, an agent or a number (CL-4, CP-1). */
    transfer(callId: string, target: TransferTarget, confirmWarnings = false): Promise<CommandResult> {
        return this.calls.transfer(callId, target, confirmWarnings);
    }

    /** Saves the wrap-up: the disposition to the dialer, then one Task to Salesforce (CL-4, BX-1). */
    saveDisposition(callId: string, dispositionId: string, notes: string): Promise<CommandResult> {
        return this.wrapUp.save(callId, dispositionId, notes);
    }

    /** Keeps the notes typed in a call's wrap-up, for the default disposition if the time runs out (WU-1). */
    draftNotes(callId: string, notes: string): void {
        this.wrapUp.draft(callId, notes);
    }

    /** Hides the callback marquee early; the message stays in Agent Messages (RS-4, AG-1). */
    dismissMarquee(): void {
        this.messages.dismissMarquee();
    }
}
