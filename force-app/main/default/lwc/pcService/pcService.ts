/**
 * The console service: the one store of ConsoleState and every command the components may send.
 * It reduces dialer events into immutable snapshots (a new object per change, unchanged parts shared by
 * reference), enforces the rules the dialer alone cannot (lines, machine overrides, preview actions sent
 * once, log once), and is the only caller of the adapter and of the Salesforce gateway. No DOM here.
 */
import type { CallbackVerdict, Clock, DialerAdapter, DialerEventMap, DialerSignIn, SessionInfo } from 'c/pcDialerPort';
import { DialerError } from 'c/pcDialerPort';
import type {
    AgentDialRequest,
    AgentMessage,
    AgentState,
    AttemptLog,
    AttemptsHistory,
    Call,
    Callback,
    Callability,
    CallingRecord,
    CallStatus,
    CallView,
    CommandResult,
    ComplianceChoice,
    ComplianceNotice,
    ComplianceVerdict,
    Confirmation,
    ConnectionState,
    ConsoleApi,
    ConsoleError,
    ConsoleState,
    DialerCapabilities,
    Disposition,
    ErrorCode,
    ErrorSource,
    Instant,
    MachineOverride,
    Preview,
    PreviewAction,
    PreviewState,
    RescheduleDraft,
    RescheduleRequest,
    RescheduleValidation,
    ScreenPop,
    SettingsProblem,
    ShownValue,
    Skill,
    TransferTarget,
    Unsubscribe,
    ValueFieldSetting
} from 'c/pcModel';
import { DEFAULT_SETTINGS, OVERRIDABLE_STATUSES, recordName } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';
import type { SalesforceGateway } from 'c/pcSalesforcePort';
import { isValidTimeZone, normalizePhone, validateReschedule, wallTime } from 'c/pcSchedule';
import { contactZones } from 'c/pcZones';
import { parseSettings } from 'c/pcSettings';
import { placeFieldsOf } from 'c/pcCompliance';
import { attemptsFromSalesforce } from './salesforceAttempts';
import { CallableSelector } from './callable';
import { dialerWrapUpSeconds, withNotesRule, wrapUpLimitMs } from './wrapUpRules';
import { SessionScore } from './sessionScore';
import {
    OverrideBook,
    callbackNotice,
    checkBareNumber,
    checkRecord,
    gate,
    nextCallableAt,
    withCompliance,
    withOverride
} from './compliance';
import type { ScoreboardStore } from './scoreboard';
import type { PresencePort } from 'c/pcPresencePort';
import { PRESENCE_COMMAND, PresenceSync } from './presenceSync';
import type { PresenceHost } from './presenceSync';

export type { ScoreboardStore } from './scoreboard';
export { parseScoreboard, scoreboardKey, serializeScoreboard } from './scoreboard';

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

/** How long a routed notice stays (CL-3: "briefly"). */
export const ROUTED_NOTICE_MS = 4000;
/** How long an action's confirmation shows (UB-7). */
const CONFIRMATION_MS = 8_000;
/** How long the callback marquee shows (RS-4: five seconds). */
export const MARQUEE_MS = 5000;
/** How long an unanswered call stays shown as Ended with its outcome, when the dialer does not remove it. */
export const ENDED_LINGER_MS = 3000;
/** Delays before a failed log of an unanswered attempt is tried again (BX-1: logged once, never lost quietly). */
export const LOG_RETRY_MS: readonly number[] = [30_000, 120_000, 600_000];
/** Errors kept for the error panel; older ones drop off so a long shift does not grow without bound. */
export const MAX_ERRORS = 50;

const OK: CommandResult = Object.freeze({ ok: true });

const NO_CAPABILITIES: DialerCapabilities = Object.freeze({
    maxLines: 3,
    previewActions: [],
    machineOverrides: [],
    attemptsHistory: false,
    transferKinds: [],
    mute: false,
    hold: false,
    rescheduleDeliverTo: [],
    rescheduleTimeZone: false
});

/** Book-keeping of one call's wrap-up, so a retry never resends what the dialer or Salesforce has (BX-1). */
interface WrapUpProgress {
    sent: { readonly disposition: Disposition; readonly notes: string } | null;
    logged: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Patch = Partial<Mutable<ConsoleState>>;

function without<T>(list: readonly T[], item: T): readonly T[] {
    return list.filter((x) => x !== item);
}

function shownValue(
    setting: ValueFieldSetting,
    record: CallingRecord,
    contactFields: Readonly<Record<string, string | null>> | null
): ShownValue {
    const value =
        setting.source === 'DialerField'
            ? dialerField(record.fields, setting.field)
            : (contactFields?.[setting.field] ?? undefined);
    return { label: setting.label, value: value ?? '' };
}

/**
 * A calling-list field by name: exactly, else regardless of case, since a dialer may change the case of its
 * column names (CXone sends them in lower case) while the admin writes them as the list has them.
 */
function dialerField(fields: Readonly<Record<string, string>>, name: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(fields, name)) return fields[name];
    const wanted = name.toLowerCase();
    const key = Object.keys(fields).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? undefined : fields[key];
}

/** The console store and command surface the components use (ConsoleApi). */
export class ConsoleService implements ConsoleApi {
    private readonly adapter: DialerAdapter;
    private readonly gateway: SalesforceGateway;
    private readonly clock: Clock;
    private readonly settingsGiven: boolean;
    private readonly signInPort: DialerSignIn | null;
    private state: ConsoleState;
    private readonly listeners = new Set<(state: ConsoleState) => void>();
    private readonly subscriptions: Unsubscribe[] = [];
    private readonly timers = new Set<() => void>();
    private readonly inFlight = new Set<string>();
    /** Attempts History's Callable, kept while it holds (CP-4). */
    private readonly callable = new CallableSelector();
    private readonly wrapUps = new Map<string, WrapUpProgress>();
    /** Contact ids found for dialer records, so logging links the Task without a second lookup. */
    private readonly contactIds = new Map<string, string | null>();
    /** Calls refused as beyond the lines limit: their later updates are dropped quietly (CL-1). */
    private readonly ignoredCalls = new Set<string>();
    private popToken = 0;
    private errorSeq = 0;
    private acceptedPreview: { readonly previewId: string; readonly recordId: string } | null = null;
    private lastReschedule: RescheduleRequest | null = null;
    /** Notes of callbacks that fell due, by callback number (UB-7). */
    private readonly callbackNotes = new Map<string, string>();
    private confirmationSerial = 0;
    private lastRescheduleContactZone: string | null = null;
    private lastPreviewDisposition: { readonly id: string; readonly notes: string } | null = null;
    private running = false;
    private readonly score: SessionScore;
    private readonly presence: PresenceSync | null;
    /** Commands a compliance warning holds until the agent confirms them, by the warning's error id (CP-3). */
    private readonly held = new Map<string, () => Promise<CommandResult>>();
    /** Overridden warnings waiting for their attempt's Task (CP-3). */
    private readonly overrides = new OverrideBook();

    constructor(options: ConsoleServiceOptions) {
        this.adapter = options.adapter;
        this.gateway = options.gateway;
        this.clock = options.clock;
        this.settingsGiven = options.settings !== undefined;
        this.signInPort = options.signIn ?? null;
        this.score = new SessionScore(options.scoreboardStore ?? null);
        this.presence = options.presence ? new PresenceSync(options.presence, this.clock, this.presenceHost()) : null;
        const parsed = this.settingsGiven
            ? parseSettings(options.settings)
            : { settings: DEFAULT_SETTINGS, problems: [] };
        const now = this.clock.now();
        this.state = Object.freeze({
            now,
            connection: Object.freeze({ status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null }),
            agent: Object.freeze({
                status: 'LoggedOut',
                skillId: null,
                skillName: null,
                unavailableCode: null,
                pending: null,
                since: now
            }),
            skills: [],
            unavailableCodes: [],
            dispositions: [],
            capabilities: NO_CAPABILITIES,
            settings: parsed.settings,
            settingsProblems: parsed.problems,
            agentPending: [],
            calls: [],
            preview: null,
            screenPop: null,
            routed: [],
            messages: [],
            marquee: null,
            confirmation: null,
            errors: [],
            scoreboard: this.score.board,
            ...(this.signInPort
                ? { signIn: Object.freeze({ required: this.signInPort.isRequired(), pending: false }) }
                : {})
        });
    }

    // -----------------------------------------------------------------------------------------
    // Store
    // -----------------------------------------------------------------------------------------

    /** The current snapshot. */
    /** The clock the service runs on (virtual in the local console), read by the console's counters (UB-4). */
    now(): Instant {
        return this.clock.now();
    }

    getState(): ConsoleState {
        return this.state;
    }

    /** Attempts History's Callable at `now` (CP-4), from the pop and the rule sets in state. */
    callability(now: Instant = this.clock.now()): Callability | null {
        return this.callable.select(this.state.screenPop, this.state.settings, now);
    }

    /** Calls the listener with each new snapshot; returns the unsubscribe. */
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    private commit(patch: Patch): void {
        this.state = Object.freeze({ ...this.state, ...patch, now: this.clock.now() });
        for (const listener of this.listeners) {
            try {
                listener(this.state);
            } catch (e) {
                // One faulty component must not stop the others from rendering.
                console.error('Console listener failed', e instanceof Error ? e.name : typeof e);
            }
        }
    }

    private later(ms: number, fn: () => void): void {
        const cancel = this.clock.schedule(ms, () => {
            this.timers.delete(cancel);
            fn();
        });
        this.timers.add(cancel);
    }

    // -----------------------------------------------------------------------------------------
    // Errors
    // -----------------------------------------------------------------------------------------

    private makeError(source: ErrorSource, code: ErrorCode, detail: string, command: string | null): ConsoleError {
        /* Stryker disable next-line AssignmentOperator: counting down keeps every id distinct, all an id is for */ this.errorSeq += 1;
        return Object.freeze({ id: `err-${this.errorSeq}`, source, code, detail, at: this.clock.now(), command });
    }

    private toError(e: unknown, command: string | null, source: ErrorSource = 'Dialer'): ConsoleError {
        if (e instanceof DialerError) return this.makeError('Dialer', e.code, e.message, command);
        if (e instanceof GatewayError) return this.makeError('Salesforce', e.code, e.message, command);
        // Unknown errors may carry anything in their message; only the type name is safe to show.
        return this.makeError(source, 'Unknown', `Unexpected ${e instanceof Error ? e.name : typeof e}`, command);
    }

    private withError(
        error: ConsoleError,
        errors: readonly ConsoleError[] = this.state.errors
    ): readonly ConsoleError[] {
        const next = [...errors, error];
        return next.length > MAX_ERRORS ? next.slice(next.length - MAX_ERRORS) : next;
    }

    private fail(source: ErrorSource, code: ErrorCode, detail: string, command: string): CommandResult {
        const error = this.makeError(source, code, detail, command);
        this.commit({ errors: this.withError(error) });
        return { ok: false, error };
    }

    private inFlightResult(command: string): CommandResult {
        // A double click is not a failure to show; the first click's result will be.
        return { ok: false, error: this.makeError('Validation', 'InFlight', `${command} already sent`, command) };
    }

    /** The errors without those of `command`: once the command went through, its earlier failures are old news. */
    private withoutErrorsOf(command: string): readonly ConsoleError[] {
        const errors = this.state.errors;
        return errors.some((e) => e.command === command) ? errors.filter((e) => e.command !== command) : errors;
    }

    /** What the Omni-Channel presence sync may use (WU-5): the agent's own commands and one error entry. */
    private presenceHost(): PresenceHost {
        return {
            state: () => this.state,
            subscribe: (listener) => this.subscribe(listener),
            setAvailable: () => this.setAvailable(),
            setUnavailable: (codeId) => this.setUnavailable(codeId),
            logout: () => this.logout(),
            report: (failure) => {
                const errors = this.withoutErrorsOf(PRESENCE_COMMAND);
                if (!failure) {
                    if (errors !== this.state.errors) this.commit({ errors });
                    return null;
                }
                const error = this.makeError('OmniChannel', failure.code, failure.detail, PRESENCE_COMMAND);
                this.commit({ errors: this.withError(error, errors) });
                return error;
            }
        };
    }

    /** Sends again the Omni-Channel status change that failed (WU-5, UB-6). */
    async retryPresence(): Promise<CommandResult> {
        if (!this.presence) return this.fail('OmniChannel', 'Unsupported', 'no Omni-Channel', PRESENCE_COMMAND);
        const error = await this.presence.retry();
        return error ? { ok: false, error } : OK;
    }

    /** Removes an error from the panel. */
    dismissError(errorId: string): void {
        this.held.delete(errorId);
        if (!this.state.errors.some((e) => e.id === errorId)) return;
        this.commit({ errors: this.state.errors.filter((e) => e.id !== errorId) });
    }

    /**
     * A compliance refusal or warning as the failure of `command` (CP-1, CP-3): nothing was sent; a warning keeps
     * `confirmed` so the agent can go on with one more click (confirmCompliance), a block can be retried later.
     */
    private complianceStop(
        command: string,
        notice: ComplianceNotice,
        confirmed: (() => Promise<CommandResult>) | null,
        previewAction: PreviewAction | null = null
    ): CommandResult {
        const rules = notice.findings.map((f) => `${f.rule}:${f.kind}`).join(',');
        const made = this.makeError('Validation', 'Compliance', `${notice.verdict} by ${rules}`, command);
        const error: ConsoleError = Object.freeze({ ...made, compliance: notice });
        for (const e of this.state.errors) if (e.command === command) this.held.delete(e.id);
        if (notice.verdict === 'Warn' && confirmed) this.held.set(error.id, confirmed);
        const patch: Patch = { errors: this.withError(error, this.withoutErrorsOf(command)) };
        const ps = this.state.preview;
        if (previewAction && ps) patch.preview = { ...ps, error, failedAction: previewAction };
        this.commit(patch);
        return { ok: false, error };
    }

    /** Goes on with the command a compliance warning held; checked again, so a rule that now blocks still refuses. */
    confirmCompliance(errorId: string): Promise<CommandResult> {
        const run = this.held.get(errorId);
        if (!run) return Promise.resolve(this.fail('Validation', 'NotFound', 'no warning to confirm', 'compliance'));
        this.held.delete(errorId);
        return run();
    }

    // -----------------------------------------------------------------------------------------
    // Lifecycle
    // -----------------------------------------------------------------------------------------

    /** Connects to the dialer, rebuilds state from its session (BX-2) and loads skills, codes and settings. */
    async start(): Promise<CommandResult> {
        if (this.running) {
            // Retry after a failed connect (or a session the dialer refused) connects again; otherwise nothing to do.
            if (this.state.connection.status !== 'Failed') return OK;
            if (this.inFlight.has('connect')) return this.inFlightResult('connect');
            this.inFlight.add('connect');
            this.commit({ connection: { ...this.state.connection, status: 'Connecting', detail: '' } });
            try {
                return await this.connectAndLoad();
            } finally {
                this.inFlight.delete('connect');
            }
        }
        this.running = true;
        this.listen();
        this.presence?.start();
        this.commit({ connection: { ...this.state.connection, status: 'Connecting', detail: '' } });

        let settings = this.state.settings;
        let problems: readonly SettingsProblem[] = this.state.settingsProblems;
        let errors = this.state.errors;
        if (!this.settingsGiven) {
            try {
                const parsed = parseSettings(await this.gateway.getSettings());
                settings = parsed.settings;
                problems = parsed.problems;
            } catch (e) {
                errors = this.withError(this.toError(e, 'getSettings', 'Configuration'), errors);
            }
        }
        this.commit({ settings, settingsProblems: problems, errors, capabilities: this.adapter.capabilities() });
        return this.connectAndLoad();
    }

    /** Connects the adapter, rebuilds from its session (BX-2) and loads skills, codes and dispositions. */
    private async connectAndLoad(): Promise<CommandResult> {
        let session: SessionInfo;
        try {
            session = await this.adapter.connect();
        } catch (e) {
            const error = this.toError(e, 'connect');
            this.commit({
                connection: { ...this.state.connection, status: 'Failed', detail: error.detail },
                errors: this.withError(error)
            });
            return { ok: false, error };
        }
        this.restore(session);
        // A connect that failed before (e.g. before the agent signed in) is over: its Retry would do nothing.
        const connectErrors = this.withoutErrorsOf('connect');
        if (connectErrors !== this.state.errors) this.commit({ errors: connectErrors });
        const restored = this.score.open(session.sessionId);
        if (restored !== this.state.scoreboard) this.commit({ scoreboard: restored });

        const [skills, codes, dispositions] = await Promise.allSettled([
            this.adapter.listSkills(),
            this.adapter.listUnavailableCodes(),
            session.agent.skillId ? this.adapter.listDispositions(session.agent.skillId) : Promise.resolve(null)
        ]);
        const patch: Patch = { capabilities: this.adapter.capabilities() };
        let listErrors = this.state.errors;
        if (skills.status === 'fulfilled') patch.skills = skills.value.map(checkedSkill);
        else listErrors = this.withError(this.toError(skills.reason, 'listSkills'), listErrors);
        if (codes.status === 'fulfilled') patch.unavailableCodes = codes.value;
        else listErrors = this.withError(this.toError(codes.reason, 'listUnavailableCodes'), listErrors);
        if (dispositions.status === 'fulfilled') {
            if (dispositions.value) patch.dispositions = withNotesRule(dispositions.value, this.state.settings);
        } else listErrors = this.withError(this.toError(dispositions.reason, 'listDispositions'), listErrors);
        patch.errors = listErrors;
        this.commit(patch);
        return OK;
    }

    /** Rebuilds agent, calls and preview from what the dialer reports, so a refresh loses nothing (BX-2). */
    private restore(session: SessionInfo): void {
        const lines = this.lines();
        const calls: CallView[] = [];
        let live = 0;
        for (const call of session.calls) {
            const ended = call.status === 'Ended';
            if (!ended && live >= lines) continue;
            if (!ended) live += 1;
            if (ended && call.answeredAt === null) continue;
            calls.push(this.viewOf(call));
        }
        const patch: Patch = {
            agent: session.agent,
            calls,
            preview: session.preview ? this.previewStateOf(session.preview) : null,
            screenPop: null
        };
        if (this.state.connection.status === 'Connecting' || this.state.connection.status === 'Disconnected') {
            patch.connection = { status: 'Connected', detail: '', attempt: 0, nextRetryAt: null };
        }
        const active = calls.find((v) => v.call.status === 'Active' || v.call.status === 'Held');
        if (active) patch.screenPop = this.openPop(active.call.id, active.call.record, active.call.number);
        else if (session.preview) {
            patch.screenPop = this.openPop(session.preview.id, session.preview.record, session.preview.number);
        }
        this.commit(patch);
    }

    /** Releases the adapter and timers; the last state stays readable. */
    async stop(): Promise<void> {
        if (!this.running) return;
        this.running = false;
        this.presence?.stop();
        for (const off of this.subscriptions.splice(0)) off();
        for (const cancel of [...this.timers]) cancel();
        this.timers.clear();
        try {
            await this.adapter.disconnect();
        } catch {
            // Stopping must always succeed; the session ends on the dialer's side regardless.
        }
        this.commit({ connection: { status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null } });
    }

    private listen(): void {
        const a = this.adapter;
        this.subscriptions.push(
            a.on('agentState', (e) => this.onAgentState(e)),
            a.on('skills', (e) => this.commit({ skills: e })),
            a.on('previewOffered', (e) => this.onPreviewOffered(e)),
            a.on('previewClosed', (e) => this.onPreviewClosed(e.previewId, e.reason === 'Accepted')),
            a.on('callUpdated', (e) => this.onCallUpdated(e)),
            a.on('callRouted', (e) => this.onCallRouted(e)),
            a.on('callRemoved', (e) => this.onCallRemoved(e.callId)),
            a.on('agentMessage', (e) => this.onAgentMessage(e)),
            a.on('callbackDue', (e) => this.onCallbackDue(e)),
            a.on('attemptsUpdated', (e) => this.onAttemptsUpdated(e)),
            a.on('connection', (e) => this.onConnection(e)),
            a.on('error', (e) => this.commit({ errors: this.withError(this.toError(e, null)) }))
        );
        if (typeof a.setCallbackGate === 'function') {
            a.setCallbackGate((callback) => this.gateCallback(callback));
            this.subscriptions.push(() => a.setCallbackGate?.(null));
        }
        const port = this.signInPort;
        if (port) {
            this.subscriptions.push(
                port.onChange((required) =>
                    this.commit({ signIn: { required, pending: this.state.signIn?.pending ?? false } })
                )
            );
        }
    }

    /** Signs in to the dialer (a popup: call it from the agent's click), then connects again from its session (BX-2). */
    async signIn(): Promise<CommandResult> {
        const port = this.signInPort;
        if (!port) return this.fail('Dialer', 'Unsupported', 'this dialer needs no sign-in', 'signIn');
        if (this.inFlight.has('signIn')) return this.inFlightResult('signIn');
        this.inFlight.add('signIn');
        // The port opens its window before its first await, still inside the click that called us.
        const signingIn = port.signIn();
        this.commit({ signIn: { required: port.isRequired(), pending: true } });
        try {
            await signingIn;
        } catch (e) {
            const error = this.toError(e, 'signIn');
            this.commit({ signIn: { required: port.isRequired(), pending: false }, errors: this.withError(error) });
            return { ok: false, error };
        } finally {
            this.inFlight.delete('signIn');
        }
        this.commit({ signIn: { required: port.isRequired(), pending: false } });
        if (!this.running) return this.start();
        // Connect again without stopping: the adapter keeps its subscriptions and this tab's leadership (BX-2).
        this.commit({ connection: { ...this.state.connection, status: 'Connecting', detail: '' } });
        return this.connectAndLoad();
    }

    // -----------------------------------------------------------------------------------------
    // Dialer events
    // -----------------------------------------------------------------------------------------

    /** The lines the agent may see at once: the admin's setting, never more than the dialer offers (CL-1). */
    private lines(): number {
        return Math.max(1, Math.min(this.state.settings.linesPerAgent, this.state.capabilities.maxLines || 3));
    }

    private onAgentState(agent: AgentState): void {
        let pending = agent.pending ?? this.state.agent.pending;
        if (agent.status === 'LoggedOut' && pending === 'Logout') pending = null;
        if (agent.status === 'Unavailable' && pending === 'Unavailable') pending = null;
        if (agent.status === 'LoggedOut') pending = null;
        const patch: Patch = { agent: pending === agent.pending ? agent : { ...agent, pending } };
        if (agent.status === 'LoggedOut') {
            // AV-3: after logout nothing of the shift stays on screen.
            patch.calls = [];
            patch.preview = null;
            patch.screenPop = null;
            patch.routed = [];
            this.wrapUps.clear();
            this.acceptedPreview = null;
        }
        this.commit(patch);
    }

    private narrowActions(preview: Preview, history: AttemptsHistory | null): readonly PreviewAction[] {
        const caps = this.state.capabilities.previewActions;
        const settings = this.state.settings;
        const destination = history?.destinations.find((d) => d.id === preview.destinationId);
        const undialable = !!destination && destination.unavailableReason !== null;
        return preview.actions.filter(
            (a) =>
                (caps.length === 0 || caps.includes(a)) &&
                (a !== 'Reschedule' || settings.rescheduleEnabled) &&
                // SP-5: a destination that cannot be called now is never offered for dialing.
                !(a === 'Accept' && undialable)
        );
    }

    private previewStateOf(preview: Preview): PreviewState {
        return {
            preview,
            actions: this.narrowActions(preview, null),
            pending: null,
            error: null,
            failedAction: null,
            rescheduling: false
        };
    }

    private onPreviewOffered(preview: Preview): void {
        this.lastReschedule = null;
        this.lastPreviewDisposition = null;
        // PV-1 shows Value one / Value two in the preview window, so its data is loaded like a screen pop.
        this.commit({
            preview: this.previewStateOf(preview),
            screenPop: this.openPop(preview.id, preview.record, preview.number)
        });
    }

    private onPreviewClosed(previewId: string, accepted: boolean): void {
        const patch = this.closePreviewPatch(previewId, accepted);
        if (patch) this.commit(patch);
    }

    private closePreviewPatch(previewId: string, accepted: boolean): Patch | null {
        const ps = this.state.preview;
        if (!ps || ps.preview.id !== previewId) return null;
        const patch: Patch = { preview: null };
        if (accepted) this.acceptedPreview = { previewId, recordId: ps.preview.record.id };
        else if (this.state.screenPop?.forId === previewId) patch.screenPop = null;
        return patch;
    }

    private viewOf(call: Call): CallView {
        const answered = call.answeredAt !== null;
        const notes = call.direction === 'Callback' ? this.callbackNotes.get(call.number) : undefined;
        return {
            call,
            pending: [],
            wrapUp: call.status === 'Ended' && answered ? { saved: false, error: null } : null,
            ...(notes ? { callbackNotes: notes } : {})
        };
    }

    private onCallUpdated(call: Call): void {
        const calls = this.state.calls;
        const index = calls.findIndex((v) => v.call.id === call.id);
        const patch: Patch = {};
        let previous: CallStatus | null = null;
        if (index < 0) {
            if (call.status === 'Ended' || this.ignoredCalls.has(call.id)) return;
            const lines = this.lines();
            let live = 0;
            for (const v of calls) if (v.call.status !== 'Ended') live += 1;
            if (live >= lines || call.line < 1 || call.line > lines) {
                // CL-1: never show more calls than lines; the dialer broke the agreement, so say so once.
                this.ignoredCalls.add(call.id);
                patch.errors = this.withError(
                    this.makeError('Dialer', 'Protocol', `call beyond the ${lines}-line limit ignored`, null)
                );
                this.commit(patch);
                return;
            }
            patch.calls = [...calls, this.viewOf(call)];
            const accepted = this.acceptedPreview;
            const pop = this.state.screenPop;
            if (accepted && accepted.recordId === call.record.id && pop && pop.forId === accepted.previewId) {
                // The accepted preview's data follows its call instead of loading twice.
                patch.screenPop = { ...pop, forId: call.id };
                this.acceptedPreview = null;
            }
        } else {
            const view = calls[index]!;
            previous = view.call.status;
            if (previous === 'Ended') {
                // Late updates of an ended call only refine what was shown (its outcome).
                const next = calls.slice();
                next[index] = { ...view, call: { ...call, status: 'Ended' } };
                this.commit({ calls: next, scoreboard: this.score.outcome(view.call.outcome, call.outcome) });
                return;
            }
            const next = calls.slice();
            const wasAnswered = view.call.answeredAt !== null || call.answeredAt !== null;
            next[index] = {
                call,
                pending: view.pending,
                wrapUp:
                    call.status === 'Ended' && wasAnswered
                        ? this.openWrapUp(call.id)
                        : call.status === 'Ended'
                          ? null
                          : view.wrapUp
            };
            patch.calls = next;
        }
        if (previous !== call.status) this.onStatusEntered(call, patch);
        if (previous !== null && call.status === 'Ended') patch.scoreboard = this.score.ended(call, this.clock.now());
        this.commit(patch);
    }

    /** Side effects of a call entering a status: screen pops (CL-2, SP-1) and logging unanswered attempts. */
    private onStatusEntered(call: Call, patch: Patch): void {
        const pop = patch.screenPop ?? this.state.screenPop;
        if (call.status === 'AMD') {
            if (pop?.forId !== call.id && !this.popBelongsToLiveContact(pop)) {
                patch.screenPop = this.openPop(call.id, call.record, call.number);
            }
        } else if (call.status === 'Active' && this.state.settings.screenPopsEnabled) {
            if (pop?.forId !== call.id) patch.screenPop = this.openPop(call.id, call.record, call.number);
        } else if (call.status === 'Ended') {
            const calls = patch.calls ?? this.state.calls;
            const view = calls.find((v) => v.call.id === call.id);
            if (view && !view.wrapUp) {
                // No one spoke to the contact: the attempt is logged now and the line shows its outcome briefly.
                this.logUnanswered(call);
                this.later(ENDED_LINGER_MS, () => this.removeCall(call.id));
                if (pop?.forId === call.id) patch.screenPop = null;
            }
        }
    }

    private popBelongsToLiveContact(pop: ScreenPop | null): boolean {
        if (!pop) return false;
        const view = this.state.calls.find((v) => v.call.id === pop.forId);
        return !!view && (view.call.status === 'Active' || view.call.status === 'Held' || view.wrapUp !== null);
    }

    private removeCall(callId: string): void {
        const calls = this.state.calls;
        if (!calls.some((v) => v.call.id === callId)) return;
        const patch: Patch = { calls: calls.filter((v) => v.call.id !== callId) };
        if (this.state.screenPop?.forId === callId) patch.screenPop = null;
        this.wrapUps.delete(callId);
        this.commit(patch);
    }

    private onCallRouted(event: DialerEventMap['callRouted']): void {
        const until = this.clock.now() + ROUTED_NOTICE_MS;
        const patch: Patch = {
            calls: this.state.calls.filter((v) => v.call.id !== event.callId),
            routed: [...this.state.routed, { callId: event.callId, contactName: event.contactName, until }]
        };
        if (this.state.screenPop?.forId === event.callId) patch.screenPop = null;
        this.wrapUps.delete(event.callId);
        this.later(ROUTED_NOTICE_MS, () => {
            if (!this.state.routed.some((r) => r.callId === event.callId)) return;
            this.commit({ routed: this.state.routed.filter((r) => r.callId !== event.callId) });
        });
        this.commit(patch);
    }

    private onCallRemoved(callId: string): void {
        this.ignoredCalls.delete(callId);
        const view = this.state.calls.find((v) => v.call.id === callId);
        if (!view) return;
        if (view.wrapUp && !view.wrapUp.saved) {
            // The dialer is done with the call, but its Task is not logged yet: keep the wrap-up on screen.
            return;
        }
        this.removeCall(callId);
    }

    /** Keeps a due callback's notes so its message and call show them (UB-7); dialer data, so checked. */
    private onCallbackDue(callback: Callback): void {
        if (typeof callback?.number !== 'string' || typeof callback.notes !== 'string') return;
        if (callback.notes.trim()) this.callbackNotes.set(callback.number, callback.notes);
        else this.callbackNotes.delete(callback.number);
        this.checkCallback(callback);
    }

    /**
     * A callback the dialer delivers is checked as the agent's own call would be (CP-1). A dialer that asks first
     * (the gate below) never rings a blocked one; one that places callbacks itself (CXone) cannot be held, so the
     * console tells the agent at once when one rings outside the rules.
     */
    private checkCallback(callback: Callback): void {
        const notice = callbackNotice(this.state, callback, this.clock.now());
        if (notice) this.complianceStop('callback', notice, null);
    }

    /**
     * The dialer asks before a callback rings (CP-1): a blocking rule holds it until its next legal instant and the
     * agent is told why; a warning lets it ring (callbackDue then shows the warning).
     */
    private gateCallback(callback: Callback): CallbackVerdict {
        const notice = callbackNotice(this.state, callback, this.clock.now());
        if (notice?.verdict !== 'Block') return { deliver: true };
        this.complianceStop('callback', notice, null);
        return { deliver: false, notBefore: notice.nextAllowedAt };
    }

    private onAgentMessage(incoming: AgentMessage): void {
        const notes =
            incoming.kind === 'Callback' && incoming.number ? this.callbackNotes.get(incoming.number) : undefined;
        const message = notes && incoming.notes === undefined ? { ...incoming, notes } : incoming;
        const patch: Patch = { messages: [message, ...this.state.messages] };
        if (message.kind === 'Callback') {
            patch.marquee = message;
            this.later(MARQUEE_MS, () => {
                if (this.state.marquee === message) this.commit({ marquee: null });
            });
        }
        this.commit(patch);
    }

    private attemptsAllowed(): boolean {
        return this.state.settings.attemptsHistoryEnabled && this.state.capabilities.attemptsHistory;
    }

    /** Attempts History is wanted but the dialer supplies none: it is built from Salesforce's records (BX-1). */
    private attemptsFromSalesforce(): boolean {
        return this.state.settings.attemptsHistoryEnabled && !this.state.capabilities.attemptsHistory;
    }

    private onAttemptsUpdated(history: AttemptsHistory): void {
        const patch: Patch = {};
        const pop = this.state.screenPop;
        if (pop && pop.record.id === history.recordId && this.attemptsAllowed()) {
            patch.screenPop = { ...pop, attemptsHistory: history };
        }
        const ps = this.state.preview;
        if (ps && ps.preview.record.id === history.recordId) {
            const actions = this.narrowActions(ps.preview, history);
            if (actions.length !== ps.actions.length) patch.preview = { ...ps, actions };
        }
        if (patch.screenPop || patch.preview) this.commit(patch);
    }

    private onConnection(connection: ConnectionState): void {
        this.commit({ connection });
    }

    // -----------------------------------------------------------------------------------------
    // Screen pop (CL-2, SP-1 .. SP-5)
    // -----------------------------------------------------------------------------------------

    /** A new pop showing the dialer's data at once; Salesforce and attempts data load behind it. */
    private openPop(forId: string, record: CallingRecord, number: string): ScreenPop {
        this.popToken += 1;
        const token = this.popToken;
        const settings = this.state.settings;
        this.loadPop(token, record, number).catch((e: unknown) => {
            // A listener that threw must not leave the pop loading for ever.
            console.error('Screen pop failed', e instanceof Error ? e.name : typeof e);
        });
        return {
            forId,
            record,
            contact: null,
            valueOne: shownValue(settings.valueOne, record, null),
            valueTwo: shownValue(settings.valueTwo, record, null),
            history: [],
            attemptsHistory: null,
            loading: true
        };
    }

    private async loadPop(token: number, record: CallingRecord, number: string): Promise<void> {
        const settings = this.state.settings;
        const shown = [settings.valueOne, settings.valueTwo].filter((v) => v.source === 'ContactField');
        // The Contact's place fields too, so the rules read its zone and state from the record (CP-1).
        const fields = [...new Set([...shown.map((v) => v.field), ...placeFieldsOf(settings)])];
        const contactPart = (async () => {
            const contact = await this.gateway.findContact({
                salesforceId: record.salesforceId,
                dialerRecordId: record.id,
                phone: number,
                fields
            });
            this.rememberContact(record.id, contact ? contact.id : null);
            const history = contact ? await this.gateway.getContactHistory(contact.id) : [];
            return { contact, history };
        })();
        const attemptsPart = this.attemptsAllowed()
            ? this.adapter.getAttemptsHistory(record.id)
            : Promise.resolve(null);
        const [contactResult, attemptsResult] = await Promise.allSettled([contactPart, attemptsPart]);
        const pop = this.state.screenPop;
        if (!this.running || token !== this.popToken || !pop || pop.record.id !== record.id) return;
        let errors = this.state.errors;
        let next: ScreenPop = { ...pop, loading: false };
        if (contactResult.status === 'fulfilled') {
            const { contact, history } = contactResult.value;
            const contactFields = contact ? contact.fields : null;
            next = {
                ...next,
                contact,
                history,
                valueOne: shownValue(settings.valueOne, record, contactFields),
                valueTwo: shownValue(settings.valueTwo, record, contactFields)
            };
        } else {
            errors = this.withError(this.toError(contactResult.reason, 'screenPop', 'Salesforce'), errors);
        }
        if (attemptsResult.status === 'fulfilled' && this.attemptsFromSalesforce()) {
            // The dialer keeps no Attempts History: the attempts logged to Salesforce stand in, marked as such.
            const logged = contactResult.status === 'fulfilled' ? contactResult.value.history : [];
            next = { ...next, attemptsHistory: attemptsFromSalesforce(record.id, number, logged) };
        } else if (attemptsResult.status === 'fulfilled') {
            next = { ...next, attemptsHistory: attemptsResult.value };
        } else {
            errors = this.withError(this.toError(attemptsResult.reason, 'attemptsHistory'), errors);
        }
        const patch: Patch = { screenPop: next, errors };
        const ps = this.state.preview;
        if (ps && attemptsResult.status === 'fulfilled' && ps.preview.record.id === record.id) {
            const actions = this.narrowActions(ps.preview, attemptsResult.value);
            if (actions.length !== ps.actions.length) patch.preview = { ...ps, actions };
        }
        this.commit(patch);
    }

    private rememberContact(recordId: string, contactId: string | null): void {
        this.contactIds.delete(recordId);
        this.contactIds.set(recordId, contactId);
        // Bounded: a shift touches thousands of records, only the recent ones are logged.
        if (this.contactIds.size > 64) {
            const oldest = this.contactIds.keys().next().value;
            if (oldest !== undefined) this.contactIds.delete(oldest);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Agent commands (AV, AG-2)
    // -----------------------------------------------------------------------------------------

    private async agentCommand(
        key: string,
        send: () => Promise<void>,
        pendingChange: AgentState['pending'] = null
    ): Promise<CommandResult> {
        if (this.state.agentPending.includes(key)) return this.inFlightResult(key);
        const patch: Patch = { agentPending: [...this.state.agentPending, key] };
        // AV-3, AV-4: with a call in progress the change waits for it, and the panel says so.
        if (pendingChange && this.state.calls.length > 0) patch.agent = { ...this.state.agent, pending: pendingChange };
        else if (key === 'available' && this.state.agent.pending === 'Unavailable') {
            patch.agent = { ...this.state.agent, pending: null };
        }
        this.commit(patch);
        try {
            await send();
            this.commit({ agentPending: without(this.state.agentPending, key), errors: this.withoutErrorsOf(key) });
            return OK;
        } catch (e) {
            const error = this.toError(e, key);
            const agent =
                pendingChange && this.state.agent.pending === pendingChange
                    ? { ...this.state.agent, pending: null }
                    : this.state.agent;
            this.commit({ agentPending: without(this.state.agentPending, key), agent, errors: this.withError(error) });
            return { ok: false, error };
        }
    }

    /** Logs into the dialer for a Personal Connection skill and loads its dispositions (AV-2). */
    async loginToSkill(skillId: string): Promise<CommandResult> {
        const skill = this.state.skills.find((s) => s.id === skillId);
        if (!skill) return this.fail('Validation', 'NotFound', 'unknown skill', 'login');
        if (!skill.isPersonalConnection) {
            return this.fail('Validation', 'InvalidState', 'not a Personal Connection skill', 'login');
        }
        const result = await this.agentCommand('login', () => this.adapter.loginToSkill(skillId));
        if (result.ok) {
            try {
                const dispositions = await this.adapter.listDispositions(skillId);
                this.commit({ dispositions: withNotesRule(dispositions, this.state.settings) });
            } catch (e) {
                this.commit({ errors: this.withError(this.toError(e, 'listDispositions')) });
            }
        }
        return result;
    }

    /** Logs out; a call in progress finishes first (AV-3). */
    logout(): Promise<CommandResult> {
        if (this.state.agent.status === 'LoggedOut') {
            return Promise.resolve(this.fail('Validation', 'InvalidState', 'already logged out', 'logout'));
        }
        return this.agentCommand('logout', () => this.adapter.logout(), 'Logout');
    }

    /** Makes the agent available for deliveries again. */
    setAvailable(): Promise<CommandResult> {
        if (this.state.agent.status === 'LoggedOut') {
            return Promise.resolve(this.fail('Validation', 'InvalidState', 'log in to a skill first', 'available'));
        }
        return this.agentCommand('available', () => this.adapter.setAvailable());
    }

    /** Pauses deliveries after the current call (AV-4). */
    setUnavailable(codeId: string): Promise<CommandResult> {
        if (!this.state.unavailableCodes.some((c) => c.id === codeId)) {
            return Promise.resolve(this.fail('Validation', 'NotFound', 'unknown unavailable code', 'unavailable'));
        }
        return this.agentCommand('unavailable', () => this.adapter.setUnavailable(codeId), 'Unavailable');
    }

    // -----------------------------------------------------------------------------------------
    // Preview commands (PV, RS, BX-7)
    // -----------------------------------------------------------------------------------------

    private async previewCommand(
        action: PreviewAction,
        command: string,
        send: (previewId: string) => Promise<unknown>,
        confirm: Partial<Pick<Confirmation, 'at' | 'timeZone' | 'contactTimeZone'>> = {}
    ): Promise<CommandResult> {
        const ps = this.state.preview;
        if (!ps) return this.fail('Validation', 'NotFound', 'no preview on screen', command);
        if (ps.pending) return this.inFlightResult(command);
        if (!ps.actions.includes(action)) {
            return this.fail('Validation', 'Unsupported', `${action} is not offered for this preview`, command);
        }
        const previewId = ps.preview.id;
        this.commit({ preview: { ...ps, pending: action } });
        try {
            await send(previewId);
            // PV-6: the command resolving is the dialer's confirmation; a previewClosed event may have come first.
            const patch: Patch = this.closePreviewPatch(previewId, action === 'Accept') ?? {};
            const errors = this.withoutErrorsOf(command);
            if (errors !== this.state.errors) patch.errors = errors;
            patch.confirmation = this.confirmationOf(action, ps.preview.record, ps.preview.number, confirm);
            if (action === 'Reschedule') patch.scoreboard = this.score.callback();
            this.commit(patch);
            return OK;
        } catch (e) {
            const error = this.toError(e, command);
            const current = this.state.preview;
            const patch: Patch = { errors: this.withError(error) };
            if (current && current.preview.id === previewId) {
                patch.preview = { ...current, pending: null, error, failedAction: action };
            }
            this.commit(patch);
            return { ok: false, error };
        }
    }

    /** The confirmation of a preview action, cleared after a while unless a newer one replaced it (UB-7). */
    private confirmationOf(
        action: Confirmation['action'],
        record: CallingRecord,
        number: string,
        extra: Partial<Pick<Confirmation, 'at' | 'timeZone' | 'contactTimeZone'>> = {}
    ): Confirmation {
        const confirmation: Confirmation = Object.freeze({
            id: ++this.confirmationSerial,
            action,
            contactName: recordName(record),
            number,
            at: extra.at ?? null,
            timeZone: extra.timeZone ?? null,
            contactTimeZone: extra.contactTimeZone ?? null
        });
        this.later(CONFIRMATION_MS, () => {
            if (this.state.confirmation === confirmation) this.commit({ confirmation: null });
        });
        return confirmation;
    }

    /** Accept: the dialer places the call (PV-2), once the rules allow it now (CP-1); `confirmWarnings` is the agent's "Call anyway". */
    acceptPreview(confirmWarnings = false): Promise<CommandResult> {
        const ps = this.state.preview;
        if (ps && !ps.pending && ps.actions.includes('Accept')) {
            const { record, number } = ps.preview;
            const now = this.clock.now();
            const outcome = gate(checkRecord(this.state, record, number, now), now, confirmWarnings);
            if (!outcome.go) {
                const retry = (): Promise<CommandResult> => this.acceptPreview(true);
                return Promise.resolve(this.complianceStop('accept', outcome.notice, retry, 'Accept'));
            }
            this.overrides.keep(outcome, record.id);
        }
        return this.previewCommand('Accept', 'accept', (id) => this.adapter.acceptPreview(id));
    }

    /** Requeue: the record goes back to the skill's queue (PV-3). */
    requeuePreview(): Promise<CommandResult> {
        return this.previewCommand('Requeue', 'requeue', (id) => this.adapter.requeuePreview(id));
    }

    /** Snooze: the record goes back to the agent's personal queue (PV-5). */
    snoozePreview(): Promise<CommandResult> {
        return this.previewCommand('Snooze', 'snooze', (id) => this.adapter.snoozePreview(id));
    }

    /** Opens or closes the reschedule form, only where Reschedule is offered (PV-4). */
    setRescheduling(open: boolean): void {
        const ps = this.state.preview;
        if (!ps || ps.rescheduling === open) return;
        if (open && !ps.actions.includes('Reschedule')) return;
        this.commit({ preview: { ...ps, rescheduling: open } });
    }

    /** Checks a draft against now, the settings, the contact's zone and the rule sets; sends nothing (RS-2, RS-3, BX-3, CP-1). */
    validateReschedule(draft: RescheduleDraft): RescheduleValidation {
        const preview = this.state.preview?.preview ?? null;
        const now = this.clock.now();
        const base = validateReschedule(draft, {
            now,
            settings: this.state.settings,
            contactTimeZone: preview?.record.timeZone ?? null,
            contactTimeZones: contactZones(preview?.record.timeZone, preview?.number),
            listNumber: preview?.number ?? null,
            deliverTo: this.state.capabilities.rescheduleDeliverTo
        });
        return preview ? withCompliance(base, this.state, preview.record, preview.number, now) : base;
    }

    /**
     * Validates, then sends; with errors nothing is sent and the validation comes back (RS-2). A rule set's warning
     * comes back unsent too, as a validation with no errors, until the agent confirms it (`confirmWarnings`, CP-3).
     */
    async reschedulePreview(
        draft: RescheduleDraft,
        choice?: ComplianceChoice
    ): Promise<RescheduleValidation | CommandResult> {
        const ps = this.state.preview;
        if (!ps) return this.fail('Validation', 'NotFound', 'no preview on screen', 'reschedule');
        if (!ps.actions.includes('Reschedule')) {
            return this.fail('Validation', 'Unsupported', 'Reschedule is not offered', 'reschedule');
        }
        if (ps.pending) return this.inFlightResult('reschedule');
        const validation = this.validateReschedule(draft);
        if (!validation.ok) return validation;
        if (validation.compliance && choice?.confirmWarnings !== true) {
            const { warnings, compliance, callingWindow } = validation;
            return { ok: false, errors: [], warnings, compliance, callingWindow };
        }
        const request = validation.request;
        this.lastReschedule = request;
        this.lastRescheduleContactZone = validation.contactTimeZone;
        return this.sendReschedule(request);
    }

    private async sendReschedule(request: RescheduleRequest): Promise<CommandResult> {
        const result = await this.previewCommand(
            'Reschedule',
            'reschedule',
            (id) => this.adapter.reschedulePreview(id, request),
            { at: request.at, timeZone: request.timeZone, contactTimeZone: this.lastRescheduleContactZone }
        );
        if (result.ok && this.lastReschedule === request) this.lastReschedule = null; // a later one stays for Retry
        return result;
    }

    /** Records a disposition without dialing, where the dialer offers it (BX-7). */
    dispositionPreview(dispositionId: string, notes: string): Promise<CommandResult> {
        const problem = this.checkDisposition(dispositionId, notes, 'dispositionPreview');
        if (problem) return Promise.resolve(problem);
        this.lastPreviewDisposition = { id: dispositionId, notes };
        return this.previewCommand('Disposition', 'dispositionPreview', (id) =>
            this.adapter.dispositionPreview(id, dispositionId, notes)
        );
    }

    /** Sends the failed preview action again (PV-6). */
    retryPreview(): Promise<CommandResult> {
        const ps = this.state.preview;
        const action = ps?.failedAction ?? null;
        if (!ps || !action) return Promise.resolve(this.fail('Validation', 'NotFound', 'nothing to retry', 'retry'));
        switch (action) {
            case 'Accept':
                return this.acceptPreview();
            case 'Requeue':
                return this.requeuePreview();
            case 'Snooze':
                return this.snoozePreview();
            case 'Reschedule':
                return this.lastReschedule
                    ? this.sendReschedule(this.lastReschedule)
                    : Promise.resolve(this.fail('Validation', 'NotFound', 'no reschedule to retry', 'retry'));
            case 'Disposition': {
                const last = this.lastPreviewDisposition;
                return last
                    ? this.dispositionPreview(last.id, last.notes)
                    : Promise.resolve(this.fail('Validation', 'NotFound', 'no disposition to retry', 'retry'));
            }
            default:
                return Promise.resolve(this.fail('Validation', 'Unsupported', 'unknown action', 'retry'));
        }
    }

    /**
     * The reschedule form's starting draft (RS-6, CP-1): the previewed number; the contact's zone (record, else the
     * number's area code), else the agent's; the next quarter hour at which no rule set objects to the call.
     */
    rescheduleDraftFor(agentTimeZone: string): RescheduleDraft | null {
        const ps = this.state.preview;
        if (!ps) return null;
        const zones = contactZones(ps.preview.record.timeZone, ps.preview.number).filter((z) => isValidTimeZone(z));
        const zone = zones[0] ?? (isValidTimeZone(agentTimeZone) ? agentTimeZone : '');
        // The next instant no rule objects to (CP-1); with none (DNC) the agent picks one and Save says why.
        const at = nextCallableAt(this.state, ps.preview.record, ps.preview.number, this.clock.now());
        let date = '';
        let time = '';
        if (zone && at !== null) {
            const w = wallTime(at, zone);
            date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
            time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        }
        const allowed = this.state.capabilities.rescheduleDeliverTo;
        const preferred = this.state.settings.defaultDeliverTo;
        return {
            number: ps.preview.number,
            deliverTo: allowed.length && !allowed.includes(preferred) ? (allowed[0] ?? preferred) : preferred,
            date,
            time,
            timeZone: zone,
            notes: ''
        };
    }

    // -----------------------------------------------------------------------------------------
    // Call commands (CL-4, AM)
    // -----------------------------------------------------------------------------------------

    private setCallPending(callId: string, key: string, on: boolean, patch: Patch = {}): Patch {
        const calls = patch.calls ?? this.state.calls;
        const index = calls.findIndex((v) => v.call.id === callId);
        if (index < 0) return patch;
        const view = calls[index]!;
        const pending = on ? [...view.pending, key] : without(view.pending, key);
        const next = calls.slice();
        next[index] = { ...view, pending };
        return { ...patch, calls: next };
    }

    private async callCommand(
        callId: string,
        key: string,
        allowed: readonly CallStatus[],
        supported: boolean,
        send: () => Promise<void>
    ): Promise<CommandResult> {
        const view = this.state.calls.find((v) => v.call.id === callId);
        if (!view) return this.fail('Validation', 'NotFound', 'no such call', key);
        const lock = `${callId}:${key}`;
        if (this.inFlight.has(lock)) return this.inFlightResult(key);
        if (!supported) return this.fail('Validation', 'Unsupported', `${key} is not offered by the dialer`, key);
        if (!allowed.includes(view.call.status)) {
            return this.fail('Validation', 'InvalidState', `${key} not allowed while ${view.call.status}`, key);
        }
        this.inFlight.add(lock);
        this.commit(this.setCallPending(callId, key, true));
        try {
            await send();
            this.inFlight.delete(lock);
            this.commit(this.setCallPending(callId, key, false));
            return OK;
        } catch (e) {
            this.inFlight.delete(lock);
            const error = this.toError(e, key);
            this.commit(this.setCallPending(callId, key, false, { errors: this.withError(error) }));
            return { ok: false, error };
        }
    }

    /**
     * Dials a number for the agent (click-to-dial, WU-4) on the skill worked: the number must be one the console
     * can normalise to E.164 and the agent Working with no call on the lines; the call then arrives as any other.
     */
    async dial(request: AgentDialRequest, confirmWarnings = false): Promise<CommandResult> {
        const command = 'dial';
        const adapter = this.adapter;
        const send = adapter.dialNumber;
        if (this.state.capabilities.agentDial !== true || typeof send !== 'function') {
            return this.fail('Validation', 'Unsupported', 'the dialer does not place agent calls', command);
        }
        const number = typeof request?.number === 'string' ? normalizePhone(request.number) : null;
        if (!number) return this.fail('Validation', 'Rejected', 'not a dialable number', command);
        const agent = this.state.agent;
        if (agent.status !== 'Working' || !agent.skillId) {
            return this.fail('Validation', 'InvalidState', 'log in to a skill before dialing', command);
        }
        if (this.state.calls.length > 0 || this.state.preview) {
            return this.fail('Validation', 'InvalidState', 'finish the current call or preview first', command);
        }
        if (this.inFlight.has(command)) return this.inFlightResult(command);
        this.inFlight.add(command);
        try {
            const contactId = typeof request.contactId === 'string' ? request.contactId : null;
            const now = this.clock.now();
            const outcome = gate(await this.checkDial(number, contactId, now), now, confirmWarnings);
            if (!outcome.go) return this.complianceStop(command, outcome.notice, () => this.dial(request, true));
            this.overrides.keep(outcome, `n:${number}`);
            await send.call(adapter, agent.skillId, { number, contactId });
            const errors = this.withoutErrorsOf(command);
            if (errors !== this.state.errors) this.commit({ errors });
            return OK;
        } catch (e) {
            const error = this.toError(e, command);
            this.commit({ errors: this.withError(error) });
            return { ok: false, error };
        } finally {
            this.inFlight.delete(command);
        }
    }

    /**
     * The rules' answer for a click-to-dial (WU-4, CP-1): the Contact's place fields and its logged attempts when
     * Salesforce answers, else what the number alone says (a failed look-up must not stop the agent's call).
     */
    private async checkDial(number: string, contactId: string | null, now: Instant): Promise<ComplianceVerdict> {
        try {
            const contact = await this.gateway.findContact({
                salesforceId: contactId,
                dialerRecordId: '',
                phone: number,
                fields: placeFieldsOf(this.state.settings)
            });
            const history = contact ? await this.gateway.getContactHistory(contact.id) : [];
            return checkBareNumber(this.state, number, now, contact?.fields, history);
        } catch {
            return checkBareNumber(this.state, number, now);
        }
    }

    /** Leaves the skill's recorded message at an answering machine; the line closes as message left (WU-3). */
    dropVoicemail(callId: string): Promise<CommandResult> {
        const adapter = this.adapter;
        const drop = adapter.dropVoicemail;
        const supported = this.state.capabilities.voicemailDrop === true && typeof drop === 'function';
        return this.callCommand(callId, 'voicemail', ['AMD'], supported, () => {
            return drop ? drop.call(adapter, callId) : Promise.resolve();
        });
    }

    /** Closes a call by hand as Answering Machine, Fax or Bad Number while Dialing, Ringing or AMD (AM-1 .. AM-3). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult> {
        return this.callCommand(
            callId,
            'override',
            OVERRIDABLE_STATUSES,
            this.state.capabilities.machineOverrides.includes(kind),
            () => this.adapter.overrideMachine(callId, kind)
        );
    }

    /** Puts an Active call on hold (CL-4). */
    hold(callId: string): Promise<CommandResult> {
        return this.callCommand(callId, 'hold', ['Active'], this.state.capabilities.hold, () =>
            this.adapter.hold(callId)
        );
    }

    /** Resumes a held call (CL-4). */
    resume(callId: string): Promise<CommandResult> {
        return this.callCommand(callId, 'resume', ['Held'], this.state.capabilities.hold, () =>
            this.adapter.resume(callId)
        );
    }

    /** Mutes the agent on an answered call (CL-4). */
    mute(callId: string): Promise<CommandResult> {
        return this.callCommand(callId, 'mute', ['Active', 'Held'], this.state.capabilities.mute, () =>
            this.adapter.mute(callId)
        );
    }

    /** Unmutes the agent (CL-4). */
    unmute(callId: string): Promise<CommandResult> {
        return this.callCommand(callId, 'unmute', ['Active', 'Held'], this.state.capabilities.mute, () =>
            this.adapter.unmute(callId)
        );
    }

    /** Ends a call (CL-4). */
    endCall(callId: string): Promise<CommandResult> {
        return this.callCommand(callId, 'end', ['Dialing', 'Ringing', 'AMD', 'Active', 'Held'], true, () =>
            this.adapter.endCall(callId)
        );
    }

    /** Transfers an answered call to a skill, an agent or a number (CL-4); a number only where the rules allow (CP-1). */
    transfer(callId: string, target: TransferTarget, confirmWarnings = false): Promise<CommandResult> {
        let sent = target;
        if (target.kind === 'Number') {
            const e164 = normalizePhone(target.value);
            if (!e164)
                return Promise.resolve(this.fail('Validation', 'Rejected', 'invalid transfer number', 'transfer'));
            sent = { kind: 'Number', value: e164 };
            const view = this.state.calls.find((v) => v.call.id === callId);
            if (view && !this.inFlight.has(`${callId}:transfer`)) {
                const now = this.clock.now();
                const outcome = gate(checkBareNumber(this.state, e164, now), now, confirmWarnings);
                if (!outcome.go) {
                    const retry = (): Promise<CommandResult> => this.transfer(callId, target, true);
                    return Promise.resolve(this.complianceStop('transfer', outcome.notice, retry));
                }
                this.overrides.keep(outcome, callId);
            }
        }
        return this.callCommand(
            callId,
            'transfer',
            ['Active', 'Held'],
            this.state.capabilities.transferKinds.includes(target.kind),
            () => this.adapter.transfer(callId, sent)
        );
    }

    private checkDisposition(dispositionId: string, notes: string, command: string): CommandResult | null {
        const disposition = this.state.dispositions.find((d) => d.id === dispositionId);
        if (!disposition) return this.fail('Validation', 'NotFound', 'unknown disposition', command);
        if (disposition.requiresNotes && !notes.trim()) {
            return this.fail('Validation', 'Rejected', 'this disposition needs notes', command);
        }
        if ([...notes].length > this.state.settings.notesMaxLength) {
            return this.fail('Validation', 'Rejected', 'notes over the limit', command);
        }
        return null;
    }

    private progressOf(callId: string): WrapUpProgress {
        let progress = this.wrapUps.get(callId);
        if (!progress) {
            progress = { sent: null, logged: false };
            this.wrapUps.set(callId, progress);
        }
        return progress;
    }

    private async contactIdFor(record: CallingRecord, number: string): Promise<string | null> {
        const known = this.contactIds.get(record.id);
        if (known !== undefined) return known;
        try {
            const contact = await this.gateway.findContact({
                salesforceId: record.salesforceId,
                dialerRecordId: record.id,
                phone: number,
                fields: []
            });
            return contact ? contact.id : null;
        } catch {
            // The Task is still worth logging unlinked; Salesforce can match it by record later.
            return record.salesforceId;
        }
    }

    private async attemptLog(call: Call, sent: WrapUpProgress['sent']): Promise<AttemptLog> {
        const endedAt = call.endedAt ?? this.clock.now();
        return {
            dialerContactId: call.id,
            contactId: await this.contactIdFor(call.record, call.number),
            recordId: call.record.id,
            number: call.number,
            direction: call.direction,
            outcome: sent ? sent.disposition.outcome : (call.outcome ?? 'NoAnswer'),
            dispositionLabel: sent ? sent.disposition.label : null,
            durationSeconds: call.answeredAt !== null ? Math.max(0, Math.round((endedAt - call.answeredAt) / 1000)) : 0,
            notes: withOverride(sent ? sent.notes : '', this.overrides.of(call)),
            endedAt
        };
    }

    private logUnanswered(call: Call): void {
        const progress = this.progressOf(call.id);
        if (!progress.logged) this.tryLog(call, progress, 0);
    }

    /** Logs an unanswered attempt; a failure is shown and tried again later, safe since logging is idempotent. */
    private tryLog(call: Call, progress: WrapUpProgress, attempt: number): void {
        this.attemptLog(call, null)
            .then((log) => this.gateway.logAttempt(log))
            .then(
                () => {
                    progress.logged = true;
                    this.overrides.forget(call);
                },
                (e: unknown) => {
                    if (!this.running) return;
                    this.commit({ errors: this.withError(this.toError(e, 'logAttempt', 'Salesforce')) });
                    const retryIn = LOG_RETRY_MS[attempt];
                    if (retryIn !== undefined) this.later(retryIn, () => this.tryLog(call, progress, attempt + 1));
                }
            );
    }

    /** Saves the wrap-up: the disposition to the dialer, then one Task to Salesforce (CL-4, BX-1). */
    saveDisposition(callId: string, dispositionId: string, notes: string): Promise<CommandResult> {
        return this.saveWrapUp(callId, dispositionId, notes, false);
    }

    /** The wrap-up save; `atZero` is the default disposition applied when the time ran out (WU-1), notes or not. */
    private async saveWrapUp(
        callId: string,
        dispositionId: string,
        notes: string,
        atZero: boolean
    ): Promise<CommandResult> {
        const view = this.state.calls.find((v) => v.call.id === callId);
        if (!view) return this.fail('Validation', 'NotFound', 'no such call', 'disposition');
        if (view.call.status !== 'Ended' || !view.wrapUp) {
            return this.fail('Validation', 'InvalidState', 'the call has not ended', 'disposition');
        }
        const lock = `${callId}:disposition`;
        if (this.inFlight.has(lock)) return this.inFlightResult('disposition');
        const problem = atZero ? null : this.checkDisposition(dispositionId, notes, 'disposition');
        if (problem) return problem;
        const disposition = this.state.dispositions.find((d) => d.id === dispositionId) as Disposition;
        const progress = this.progressOf(callId);
        this.inFlight.add(lock);
        this.commit(this.setCallPending(callId, 'disposition', true));
        try {
            if (!progress.sent) {
                await this.adapter.disposition(callId, dispositionId, notes);
                progress.sent = { disposition, notes };
            }
            if (!progress.logged) {
                // A retry after a failed log logs what the dialer already has, never a second Task.
                await this.gateway.logAttempt(await this.attemptLog(view.call, progress.sent));
                progress.logged = true;
                this.overrides.forget(view.call);
            }
            this.inFlight.delete(lock);
            this.countWrapUp(view.call, disposition);
            this.removeCall(callId);
            this.commit({ confirmation: this.confirmationOf('WrapUp', view.call.record, view.call.number) });
            return OK;
        } catch (e) {
            this.inFlight.delete(lock);
            const error = this.toError(e, 'disposition', 'Salesforce');
            let patch = this.setCallPending(callId, 'disposition', false, { errors: this.withError(error) });
            const calls = patch.calls ?? this.state.calls;
            const index = calls.findIndex((v) => v.call.id === callId);
            if (index >= 0) {
                const next = calls.slice();
                const current = next[index]!;
                next[index] = { ...current, wrapUp: { ...current.wrapUp, saved: false, error } };
                patch = { ...patch, calls: next };
            }
            this.commit(patch);
            return { ok: false, error };
        }
    }

    /** A saved wrap-up on the scoreboard: its time from the call's end, and a callback when it books one (WU-2). */
    private countWrapUp(call: Call, disposition: Disposition): void {
        const ms = this.clock.now() - (call.endedAt ?? call.statusSince);
        this.score.wrapUp(ms);
        if (disposition.outcome === 'Rescheduled') this.score.callback();
        this.commit({ scoreboard: this.score.board });
    }

    /** Starts a call's wrap-up: with a limit, its deadline is shown and the time running out is acted on (WU-1). */
    private openWrapUp(callId: string): NonNullable<CallView['wrapUp']> {
        const skill = this.state.skills.find((s) => s.id === this.state.agent.skillId);
        const limit = wrapUpLimitMs(this.state.settings, skill);
        if (limit === null) return { saved: false, error: null, deadline: null };
        const deadline = this.clock.now() + limit;
        this.later(limit, () => this.onWrapUpTimeUp(callId, deadline));
        return { saved: false, error: null, deadline };
    }

    /**
     * The wrap-up time ran out: the admin's default disposition is saved (with whatever notes the dialer gets
     * none of, since the agent did not save), or the agent goes Unavailable with the first code and the form stays
     * (WU-1). A default the skill does not offer falls back to Unavailable, so the agent is never left dialing.
     */
    private onWrapUpTimeUp(callId: string, deadline: Instant): void {
        const view = this.state.calls.find((v) => v.call.id === callId);
        const wrapUp = view?.wrapUp;
        if (!view || !wrapUp || wrapUp.saved || wrapUp.deadline !== deadline) return;
        if (this.inFlight.has(`${callId}:disposition`)) return;
        const settings = this.state.settings;
        const fallback = this.state.dispositions.find((d) => d.id === settings.wrapUpDefaultDisposition);
        if (settings.wrapUpAtZero === 'Disposition' && fallback) {
            // Commands resolve, never reject (ConsoleApi); the result is in state.
            this.saveWrapUp(callId, fallback.id, '', true).catch(() => undefined);
            return;
        }
        const calls = this.state.calls.map((v) => {
            return v.call.id === callId && v.wrapUp ? { ...v, wrapUp: { ...v.wrapUp, timedOut: true } } : v;
        });
        this.commit({ calls });
        const code = this.state.unavailableCodes[0];
        if (code && this.state.agent.status !== 'Unavailable') this.setUnavailable(code.id).catch(() => undefined);
    }

    // -----------------------------------------------------------------------------------------
    // Messages
    // -----------------------------------------------------------------------------------------

    /** Hides the callback marquee early; the message stays in Agent Messages (RS-4, AG-1). */
    dismissMarquee(): void {
        if (this.state.marquee) this.commit({ marquee: null });
    }
}

/** A skill from the dialer with its wrap-up limit kept only when sane (WU-1). */
function checkedSkill(skill: Skill): Skill {
    if (skill.wrapUpSeconds === undefined) return skill;
    const seconds = dialerWrapUpSeconds(skill.wrapUpSeconds);
    if (seconds !== undefined) return { ...skill, wrapUpSeconds: seconds };
    return { id: skill.id, name: skill.name, isPersonalConnection: skill.isPersonalConnection };
}
