/**
 * The CXone Agent API dialer: a DialerAdapter over the REST endpoints of NICE CXone, called from the
 * browser (the long poll never goes through Apex). Events arrive through one long poll
 * (`get-next-event`) with exactly one request in flight; commands are single REST calls.
 *
 * Reliability rules (BX-2, BX-5):
 * - A dropped poll reconnects with jittered exponential back-off (first retry within 1 s, capped at
 *   30 s) and reports Reconnecting with the attempt and the next retry; a 409 means the session ended,
 *   so the adapter rejoins the agent's session once and otherwise reports the end.
 * - A command is sent at most once. While the connection is down it is refused (NotConnected,
 *   retryable) without being sent. If its answer is lost it rejects as retryable with "outcome
 *   unknown": it is never replayed, because the dialer may have acted; the next events show whether it
 *   did (a preview that turns into a call closes as Accepted, a call that ends shows Ended).
 * - Sharing one session between the agent's tabs is not this adapter's job: pcTabShare wraps it.
 */
import {
    AgentStatus,
    CallStatus,
    ConnectionStatus,
    MachineOverride,
    MessageKind,
    OVERRIDABLE_STATUSES,
    PendingAgentChange,
    PreviewAction,
    TransferTargetKind,
    recordName
} from 'c/pcModel';
import type {
    AgentMessage,
    AgentState,
    AttemptsHistory,
    Call,
    Callback,
    ConnectionState,
    DialerCapabilities,
    Disposition,
    Preview,
    RescheduleRequest,
    Skill,
    TransferTarget,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';
import { DialerError, DialerEvents, PreviewClosedReason, systemClock } from 'c/pcDialerPort';
import type {
    Clock,
    DialerAdapter,
    DialerEventHandler,
    DialerEventMap,
    DialerEventName,
    SessionInfo
} from 'c/pcDialerPort';
import type { FetchLike, TokenProvider } from 'c/pcCxoneAuth';
import { ContactBook } from './contacts';
import { EventOrder } from './eventOrder';
import type { Emission } from './contacts';
import { CxoneHttp, statusError } from './http';
import type { CxoneLogger, HttpResult } from './http';
import {
    AMD_OVERRIDE_TYPE,
    parseCpaOverrides,
    parseDeliveryPreferences,
    parseDispositions,
    parseEvent,
    parseMessages,
    parsePollBatch,
    parseSessionId,
    parseSkills,
    parseStation,
    parseUnavailableCodes,
    Fields
} from './protocol';
import type { AgentStateEvent, CxoneEvent, PromiseKeeperEvent } from './protocol';

export type { CxoneLogger } from './http';

/** Back-off of the event poll after a failure. */
export interface BackoffOptions {
    /** The first delay's upper bound (default 0.8 s, so the first retry comes within 1 s, BX-5). */
    readonly baseMs?: number;
    readonly maxMs?: number;
    /** After this many failed attempts the connection is reported Failed. */
    readonly maxAttempts?: number;
}

/** How the adapter is built; everything that touches the outside world is injected. */
export interface CxoneAdapterOptions {
    /** The ACD API base URI (`resourceServerBaseUri` / `api_endpoint`), e.g. `https://api-c7.incontact.com`. */
    readonly baseUri: string;
    readonly fetch: FetchLike;
    readonly tokenProvider: TokenProvider;
    readonly clock?: Clock;
    /** The agent's CXone id; otherwise read from the AgentSessionStart event. */
    readonly agentId?: string;
    /** The agent's team, for unavailable codes; otherwise read from the agent's record. */
    readonly teamId?: string;
    /**
     * The agent's station as the admin set it: a phone number, a station id, or `softphone`
     * (see `parseStation`); sent with the session start, which CXone refuses without one.
     */
    readonly station?: string;
    /**
     * `timeout` of get-next-event, in seconds. 10 by default (the CXone SDK's 60 would leave a silent
     * connection unnoticed for over a minute; its own toggle uses 15): with the grace below, a poll with no
     * answer is given up and reported Reconnecting within 15 s (BX-5).
     */
    readonly pollTimeoutSeconds?: number;
    /** A poll with no answer this long after its timeout is abandoned and retried. */
    readonly pollGraceMs?: number;
    readonly commandTimeoutMs?: number;
    /** How long a command waits for the event that shows its effect before resolving anyway. */
    readonly confirmTimeoutMs?: number;
    /** Random in [0, 1) for the back-off jitter; injectable for tests. */
    readonly random?: () => number;
    readonly backoff?: BackoffOptions;
    /** The disposition a reschedule is saved with (CXone system outcome 101, Reschedule). */
    readonly rescheduleDispositionId?: string;
    readonly logger?: CxoneLogger;
}

const V = 'v23.0';
const MAX_LINES = 3;
const ALL_PREVIEW_ACTIONS: readonly PreviewAction[] = Object.values(PreviewAction);
const ALL_OVERRIDES: readonly MachineOverride[] = Object.values(MachineOverride);
const LOGGED_OUT: AgentState = {
    status: AgentStatus.LoggedOut,
    skillId: null,
    skillName: null,
    unavailableCode: null,
    pending: null,
    since: 0
};

interface Waiter {
    readonly test: () => boolean;
    readonly done: () => void;
}

const ENDABLE: readonly CallStatus[] = [
    CallStatus.Dialing,
    CallStatus.Ringing,
    CallStatus.Amd,
    CallStatus.Active,
    CallStatus.Held
];

const consoleLogger: CxoneLogger = {
    warn: (message) => console.warn(`[pc cxone] ${message}`)
};

function asDialerError(e: unknown, fallback: string): DialerError {
    return e instanceof DialerError ? e : new DialerError('Unknown', fallback, true);
}

/** The DialerAdapter over the CXone Agent API. */
export class CxoneAdapter implements DialerAdapter {
    /** A short name for logs. */
    readonly name = 'cxone';

    private readonly events = new DialerEvents();
    private readonly http: CxoneHttp;
    private readonly clock: Clock;
    private readonly random: () => number;
    private readonly log: CxoneLogger;
    private readonly pollTimeoutSeconds: number;
    private readonly pollGraceMs: number;
    private readonly commandTimeoutMs: number;
    private readonly confirmTimeoutMs: number;
    private readonly backoffBase: number;
    private readonly backoffMax: number;
    private readonly maxAttempts: number;

    private book = new ContactBook(MAX_LINES);
    private sessionId: string | null = null;
    private agentId: string | null;
    private teamId: string | null;
    private agent: AgentState = LOGGED_OUT;
    private workingSkill: Skill | null = null;
    private loginSkill: Skill | null = null;
    private skills: readonly Skill[] = [];
    private codes: readonly UnavailableCode[] = [];
    private readonly previewActions = new Map<string, readonly PreviewAction[]>();
    private readonly overrideOptions = new Map<string, readonly MachineOverride[]>();
    private caps: DialerCapabilities;
    private connection: ConnectionState = {
        status: ConnectionStatus.Disconnected,
        detail: '',
        attempt: 0,
        nextRetryAt: null
    };
    /** Bumped on every disconnect or session change, so a late answer of an old poll is dropped. */
    private generation = 0;
    private polling = false;
    private readonly pollCancel: { abort: (() => void) | null } = { abort: null };
    private cancelSleep: (() => void) | null = null;
    private wakeSleep: (() => void) | null = null;
    /** Overrides the dialer confirmed (AM-3: one per call); recorded only on its answer. */
    private readonly overrides = new Map<string, MachineOverride>();
    /** Why the agent is closing a preview, while that command is in flight or its outcome unknown. */
    private readonly closeReasons = new Map<string, PreviewClosedReason>();
    private readonly inFlight = new Set<string>();
    /** Commands whose answer was lost: before a retry resends, what the dialer reports is checked first. */
    private readonly unknownOutcome = new Set<string>();
    private readonly waiters = new Set<Waiter>();
    private readonly seenMessages = new Set<string>();
    private pending: PendingAgentChange | null = null;
    /**
     * After a join: CXone has not reported the agent's state yet. The notes list no endpoint that
     * answers it (nor the live contacts), so the connection says Resynchronising until an AgentState
     * arrives, instead of showing the agent Logged out as if that were known (BX-2).
     */
    private resyncing = false;
    /** De-duplicates and orders agent state and callback events by the rule the contact book uses. */
    private readonly order = new EventOrder();

    constructor(private readonly options: CxoneAdapterOptions) {
        this.clock = options.clock ?? systemClock;
        this.random = options.random ?? Math.random;
        this.log = options.logger ?? consoleLogger;
        this.http = new CxoneHttp(options.baseUri, options.fetch, options.tokenProvider, this.clock);
        this.pollTimeoutSeconds = Math.max(0, Math.floor(options.pollTimeoutSeconds ?? 10));
        this.pollGraceMs = options.pollGraceMs ?? 4_000;
        this.commandTimeoutMs = options.commandTimeoutMs ?? 15_000;
        this.confirmTimeoutMs = options.confirmTimeoutMs ?? 3_000;
        // 0.8 s: the first retry lands within 1 s even at the top of its jitter and with the request's own latency.
        this.backoffBase = options.backoff?.baseMs ?? 800;
        this.backoffMax = options.backoff?.maxMs ?? 30_000;
        this.maxAttempts = options.backoff?.maxAttempts ?? 20;
        this.agentId = options.agentId ?? null;
        this.teamId = options.teamId ?? null;
        this.caps = this.computeCapabilities();
    }

    /** What CXone offers: preview buttons and machine overrides from the skills' settings; no Attempts History. */
    capabilities(): DialerCapabilities {
        return this.caps;
    }

    /** The longest a silent connection goes unnoticed: the poll's time-out plus its grace (BX-5). */
    silenceLimitMs(): number {
        return this.pollTimeoutSeconds * 1000 + this.pollGraceMs;
    }

    /** Subscribes to an event; returns the unsubscribe. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        return this.events.on(type, handler);
    }

    // -----------------------------------------------------------------------------------------
    // Session
    // -----------------------------------------------------------------------------------------

    /** Joins the agent's session (or starts one), reads the current state, then starts the poll. */
    async connect(): Promise<SessionInfo> {
        return this.connectSession();
    }

    /** Stops polling and releases resources; the agent stays logged in to CXone. */
    async disconnect(): Promise<void> {
        this.stopPolling();
        this.releaseWaiters();
        this.setConnection(ConnectionStatus.Disconnected, 'disconnected');
    }

    private async connectSession(): Promise<SessionInfo> {
        this.stopPolling();
        const gen = this.generation;
        this.setConnection(ConnectionStatus.Connecting, 'connecting');
        let joined: boolean;
        try {
            joined = await this.openSession();
            this.resyncing = joined;
            // The first poll after a start or join carries the current state: agent, skills, live contacts.
            const batch = await this.pollOnce(1);
            if (gen !== this.generation) throw new DialerError('NotConnected', 'connect superseded');
            if (batch) this.applyBatch(batch.sessionId, batch.events);
        } catch (e) {
            const error = asDialerError(e, 'connect failed');
            if (gen === this.generation) {
                this.setConnection(ConnectionStatus.Failed, this.failDetail(error));
            }
            throw error;
        }
        await this.loadSkillOptions();
        this.setConnection(this.liveStatus(), joined ? 'joined the existing session' : 'session started');
        this.startPolling();
        return this.sessionInfo(joined);
    }

    private sessionInfo(joined: boolean): SessionInfo {
        return {
            sessionId: this.sessionId ?? '',
            agentId: this.agentId ?? '',
            joined,
            agent: this.agent,
            calls: this.book.calls(),
            preview: this.book.preview()
        };
    }

    /** Joins the agent's session where one exists (a refresh, BX-2), else starts one. */
    private async openSession(): Promise<boolean> {
        const join = await this.http.send('POST', `${V}/agent-sessions/join`, {
            body: this.agentId ? { asAgentId: this.agentId } : {},
            timeoutMs: this.commandTimeoutMs
        });
        if (join.status >= 200 && join.status < 300) {
            this.adoptSession(join);
            return true;
        }
        if (![400, 404, 409].includes(join.status)) throw statusError(join.status, 'join session');
        const station = parseStation(this.options.station ?? '');
        const body: Record<string, string> = { ...station };
        if (this.agentId) body.asAgentId = this.agentId;
        const start = await this.http.send('POST', `${V}/agent-sessions`, { body, timeoutMs: this.commandTimeoutMs });
        if (start.status >= 200 && start.status < 300) {
            this.adoptSession(start);
            return false;
        }
        if (start.status === 400 && !station.stationId && !station.stationPhoneNumber) {
            throw new DialerError(
                'Rejected',
                "CXone needs the agent's station to start a session; ask the admin to set it"
            );
        }
        throw statusError(start.status, 'start session');
    }

    private adoptSession(result: HttpResult): void {
        const id = parseSessionId(result.body);
        if (!id.ok) throw new DialerError('Protocol', id.reason);
        this.sessionId = id.value;
    }

    // -----------------------------------------------------------------------------------------
    // The long poll
    // -----------------------------------------------------------------------------------------

    private startPolling(): void {
        if (this.polling) return;
        this.polling = true;
        this.pollLoop(this.generation).catch((e: unknown) => this.emit('error', asDialerError(e, 'poll loop failed')));
    }

    private stopPolling(): void {
        this.generation += 1;
        this.polling = false;
        this.pollCancel.abort?.();
        this.cancelSleep?.();
        this.cancelSleep = null;
        this.wakeSleep?.();
        this.wakeSleep = null;
    }

    /** One get-next-event; null when it answered with no events. */
    private async pollOnce(
        timeoutSeconds: number
    ): Promise<{ sessionId: string | null; events: readonly unknown[] } | null> {
        const sid = this.sessionId;
        if (!sid) throw new DialerError('NotConnected', 'no session');
        const result = await this.http.send(
            'GET',
            `${V}/agent-sessions/${encodeURIComponent(sid)}/get-next-event?timeout=${timeoutSeconds}`,
            { timeoutMs: timeoutSeconds * 1000 + this.pollGraceMs, cancel: this.pollCancel }
        );
        if (result.status === 204 || result.status === 304) return null;
        if (result.status === 409 || result.status === 404) throw statusError(409, 'get-next-event');
        if (result.status < 200 || result.status >= 300) throw statusError(result.status, 'get-next-event');
        if (result.malformed) {
            this.protocolError('get-next-event answered malformed JSON');
            return null;
        }
        const batch = parsePollBatch(result.body);
        if (!batch.ok) {
            this.protocolError(batch.reason);
            return null;
        }
        return batch.value;
    }

    // The poll is sequential by design: exactly one request in flight, the next after the last.
    /* eslint-disable no-await-in-loop */
    private async pollLoop(gen: number): Promise<void> {
        let attempt = 0;
        let guard = 0;
        while (gen === this.generation) {
            // A safety valve: a poll that returns instantly forever must still yield to the page.
            guard += 1;
            if (guard % 50 === 0) await this.sleep(0, gen);
            try {
                const batch = await this.pollOnce(this.pollTimeoutSeconds);
                if (gen !== this.generation) return;
                if (attempt > 0) {
                    attempt = 0;
                    this.setConnection(this.liveStatus(), 'reconnected');
                }
                if (batch) this.applyBatch(batch.sessionId, batch.events);
            } catch (e) {
                if (gen !== this.generation) return;
                const error = asDialerError(e, 'poll failed');
                if (error.code === 'SessionEnded') {
                    if (await this.rejoin(gen)) {
                        attempt = 0;
                        continue;
                    }
                    return;
                }
                if (error.code === 'Unauthorized' || error.code === 'Permission') {
                    this.polling = false;
                    this.setConnection(ConnectionStatus.Failed, this.failDetail(error));
                    return;
                }
                attempt += 1;
                if (attempt > this.maxAttempts) {
                    this.polling = false;
                    this.setConnection(
                        ConnectionStatus.Failed,
                        `CXone unreachable after ${this.maxAttempts} attempts; check the network, then reconnect`
                    );
                    return;
                }
                const delay = this.backoffDelay(attempt);
                this.setConnection(
                    ConnectionStatus.Reconnecting,
                    `${error.code}: retrying in ${Math.ceil(delay / 1000)} s`,
                    attempt,
                    this.clock.now() + delay
                );
                await this.sleep(delay, gen);
            }
        }
    }

    /* eslint-enable no-await-in-loop */

    /** Full-jitter exponential back-off in [half, whole] of base * 2^(attempt-1), capped. */
    private backoffDelay(attempt: number): number {
        const ceiling = Math.min(this.backoffMax, this.backoffBase * 2 ** Math.min(attempt - 1, 20));
        return Math.round(ceiling * (0.5 + 0.5 * this.random()));
    }

    private sleep(ms: number, gen: number): Promise<void> {
        if (gen !== this.generation) return Promise.resolve();
        return new Promise((resolve) => {
            this.wakeSleep = resolve;
            this.cancelSleep = this.clock.schedule(ms, () => {
                this.cancelSleep = null;
                this.wakeSleep = null;
                resolve();
            });
        });
    }

    /** After a 409: the session id is gone. Rejoin the agent's session once; otherwise it ended. */
    private async rejoin(gen: number): Promise<boolean> {
        this.setConnection(ConnectionStatus.Reconnecting, 'session ended by CXone; rejoining', 1, this.clock.now());
        try {
            const joined = await this.http.send('POST', `${V}/agent-sessions/join`, {
                body: this.agentId ? { asAgentId: this.agentId } : {},
                timeoutMs: this.commandTimeoutMs
            });
            if (gen !== this.generation) return false;
            if (joined.status >= 200 && joined.status < 300) {
                this.adoptSession(joined);
                this.resyncing = true;
                this.setConnection(this.liveStatus(), 'rejoined the session');
                return true;
            }
        } catch (e) {
            if (gen !== this.generation) return false;
            const error = asDialerError(e, 'rejoin failed');
            if (error.retryable) {
                // The network is still down: keep the session id and let the back-off loop carry on.
                this.setConnection(ConnectionStatus.Reconnecting, `${error.code}: rejoining`, 1, this.clock.now());
                await this.sleep(this.backoffDelay(1), gen);
                return gen === this.generation;
            }
        }
        this.endSession('the CXone session ended; log in to the dialer again');
        return false;
    }

    private endSession(detail: string): void {
        this.stopPolling();
        this.sessionId = null;
        this.resyncing = false;
        this.emitAll(this.book.clear());
        this.book = new ContactBook(MAX_LINES);
        this.workingSkill = null;
        this.pending = null;
        this.order.clear();
        this.setAgent({ ...LOGGED_OUT, since: this.clock.now() });
        this.releaseWaiters();
        this.setConnection(ConnectionStatus.Disconnected, detail);
    }

    private applyBatch(sessionId: string | null, events: readonly unknown[]): void {
        if (sessionId && sessionId !== this.sessionId) {
            // CXone may rotate the session id; every later request must carry the new one.
            this.sessionId = sessionId;
        }
        for (const raw of events) {
            const parsed = parseEvent(raw);
            if (!parsed.ok) {
                this.protocolError(parsed.reason);
                continue;
            }
            try {
                this.applyEvent(parsed.value);
            } catch (e) {
                this.protocolError(`event could not be applied: ${e instanceof Error ? e.name : 'error'}`);
            }
        }
        this.checkWaiters();
    }

    private applyEvent(event: CxoneEvent): void {
        switch (event.kind) {
            case 'contact':
                this.emitAll(
                    this.book.apply(event, {
                        actionsFor: (skillId) => this.previewActions.get(skillId) ?? this.caps.previewActions,
                        overrideFor: (id) => this.overrides.get(id),
                        closeReasonFor: (id) => this.closeReasons.get(id),
                        now: () => this.clock.now()
                    })
                );
                return;
            case 'agentState':
                this.applyAgentState(event);
                return;
            case 'sessionStart':
                if (event.agentId && !this.agentId) this.agentId = event.agentId;
                if (event.teamId && !this.teamId) this.teamId = event.teamId;
                return;
            case 'sessionEnd':
                this.endSession('CXone ended the session; log in to the dialer again');
                return;
            case 'mute':
                this.emitAll(this.book.setMuted(event.muted));
                return;
            case 'refreshSkills':
                this.refreshSkills().catch(() => undefined);
                return;
            case 'refreshMessages':
                this.refreshMessages().catch(() => undefined);
                return;
            case 'promiseKeeper':
                this.applyPromiseKeeper(event);
                break;
            default:
                // UpdateCallbacks and the ignored types: the port has nothing to say about them.
                break;
        }
    }

    /** Connected, or Resynchronising while a joined session's state is not known yet. */
    private liveStatus(): ConnectionStatus {
        return this.resyncing ? ConnectionStatus.Resynchronising : ConnectionStatus.Connected;
    }

    private applyAgentState(event: AgentStateEvent): void {
        if (this.resyncing) {
            // Any AgentState, a replay included, says what the agent's state is: resynchronised.
            this.resyncing = false;
            if (this.connection.status === ConnectionStatus.Resynchronising)
                this.setConnection(ConnectionStatus.Connected, 'resynchronised');
        }
        // An AgentState that began before the last one applied is a replay (a retried poll, a rejoin): stale.
        if (event.since !== null && !this.order.accept('agent', event.since, `${event.state}|${event.outReason ?? ''}`))
            return;
        const since = event.since ?? this.clock.now();
        const state = event.state.toLowerCase();
        let next: AgentState;
        if (state === 'dialer' || state === 'dialerpending') {
            // The AgentState may overtake the answer to dialer-login: the skill being logged into is the one.
            if (this.loginSkill) this.workingSkill = this.loginSkill;
            next = {
                status: AgentStatus.Working,
                skillId: this.workingSkill?.id ?? null,
                skillName: this.workingSkill?.name ?? null,
                unavailableCode: null,
                pending: this.pending,
                since
            };
        } else if (['inboundcontact', 'outboundcontact', 'inboundconsult', 'outboundconsult'].includes(state)) {
            // On a call: the agent keeps the status the console showed (Working while on a PC call).
            next = { ...this.agent, pending: this.pending, since: this.agent.since || since };
        } else if (state === 'available') {
            this.pending = null;
            this.workingSkill = null;
            next = { ...LOGGED_OUT, status: AgentStatus.Available, since };
        } else if (state === 'unavailable' || state === 'loggedout' || state === 'logout') {
            this.pending = null;
            this.workingSkill = null;
            // CXone's idle state after a dialer logout is Unavailable without a reason: Logged out of the dialer.
            const code = state === 'unavailable' && event.outReason ? this.codeFor(event.outReason) : null;
            next = code
                ? { ...LOGGED_OUT, status: AgentStatus.Unavailable, unavailableCode: code, since }
                : { ...LOGGED_OUT, since };
        } else {
            this.protocolError(`AgentState with unknown state ${event.state.slice(0, 30)}`);
            return;
        }
        this.setAgent(next);
    }

    private codeFor(reason: string): UnavailableCode {
        return this.codes.find((c) => c.label === reason || c.id === reason) ?? { id: reason, label: reason };
    }

    private applyPromiseKeeper(event: PromiseKeeperEvent): void {
        // A replayed PromiseKeeper is the same callback again: announced once.
        if (!this.order.accept(`callback:${event.callbackId}`, event.dueAt, 'due')) return;
        const callback: Callback = {
            id: event.callbackId,
            recordId: event.callbackId,
            contactName: `${event.firstName} ${event.lastName}`.trim(),
            number: event.number,
            deliverTo: event.targetIsAgent ? 'Me' : 'Skill',
            dueAt: event.dueAt,
            timeZone: 'UTC',
            notes: event.notes,
            skillId: event.skillId
        };
        this.emit('callbackDue', callback);
        const key = `cb:${event.callbackId}`;
        if (!this.seenMessages.has(key)) {
            this.seenMessages.add(key);
            const message: AgentMessage = {
                id: key,
                kind: MessageKind.Callback,
                at: this.clock.now(),
                text: callback.contactName ? `Callback: ${callback.contactName}` : 'Callback',
                number: event.number || null
            };
            this.emit('agentMessage', message);
        }
    }

    private async refreshSkills(): Promise<void> {
        try {
            const skills = await this.listSkillsLocal();
            this.emit('skills', skills);
        } catch (e) {
            this.emit('error', asDialerError(e, 'skills refresh failed'));
        }
    }

    private async refreshMessages(): Promise<void> {
        if (!this.agentId) return;
        try {
            const result = await this.get(`${V}/agents/${encodeURIComponent(this.agentId)}/messages`, 'messages');
            const parsed = parseMessages(result);
            if (!parsed.ok) {
                this.protocolError(parsed.reason);
                return;
            }
            for (const m of parsed.value) {
                if (this.seenMessages.has(m.id)) continue;
                this.seenMessages.add(m.id);
                this.emit('agentMessage', {
                    id: m.id,
                    kind: MessageKind.Info,
                    at: m.at ?? this.clock.now(),
                    text: m.text,
                    number: null
                });
            }
        } catch (e) {
            this.emit('error', asDialerError(e, 'messages refresh failed'));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Emitting, mirroring and state
    // -----------------------------------------------------------------------------------------

    private emit<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        this.events.emit(type, event);
    }

    private emitAll(emissions: readonly Emission[]): void {
        for (const e of emissions) this.emit(e.type, e.event as never);
    }

    private setAgent(next: AgentState): void {
        const prev = this.agent;
        this.agent = next;
        if (
            prev.status !== next.status ||
            prev.skillId !== next.skillId ||
            prev.pending !== next.pending ||
            prev.unavailableCode?.id !== next.unavailableCode?.id
        ) {
            this.emit('agentState', next);
        }
    }

    private setConnection(
        status: ConnectionStatus,
        detail: string,
        attempt = 0,
        nextRetryAt: number | null = null
    ): void {
        const prev = this.connection;
        if (prev.status === status && prev.attempt === attempt && prev.detail === detail) return;
        this.connection = { status, detail, attempt, nextRetryAt };
        this.emit('connection', this.connection);
    }

    /** The session is up: commands may be sent (while resynchronising too, for what is known). */
    private isLive(): boolean {
        return (
            this.connection.status === ConnectionStatus.Connected ||
            this.connection.status === ConnectionStatus.Resynchronising
        );
    }

    private failDetail(error: DialerError): string {
        if (error.code === 'Unauthorized') return 'CXone sign-in expired or was refused; sign in again';
        if (error.code === 'Permission') return 'this CXone user may not use the Agent API; ask the admin';
        return `${error.code}: could not reach CXone; check the network, then reconnect`;
    }

    private protocolError(reason: string): void {
        this.log.warn(`protocol: ${reason}`);
        this.emit('error', new DialerError('Protocol', reason));
    }

    /** Sends one command once. Refused unsent while disconnected; a lost answer is never replayed. */
    private async post(key: string, path: string, body?: unknown, version = V): Promise<HttpResult> {
        if (!this.sessionId || !this.isLive()) {
            throw new DialerError('NotConnected', `${key}: not connected to CXone`, true);
        }
        if (this.inFlight.has(key)) throw new DialerError('InFlight', `${key}: already sent`);
        this.inFlight.add(key);
        try {
            const result = await this.http.send(
                'POST',
                `${version}/agent-sessions/${encodeURIComponent(this.sessionId)}/${path}`,
                { body: body ?? {}, timeoutMs: this.commandTimeoutMs }
            );
            if (result.status < 200 || result.status >= 300) throw statusError(result.status, key);
            return result;
        } catch (e) {
            const error = asDialerError(e, `${key} failed`);
            if (error.code === 'Network' || error.code === 'Timeout') {
                this.unknownOutcome.add(key);
                throw new DialerError(
                    error.code,
                    `${key}: answer lost, outcome unknown; check the call and retry`,
                    true
                );
            }
            throw error;
        } finally {
            this.inFlight.delete(key);
        }
    }

    /**
     * Before a command whose last answer was lost is sent again: waits (bounded) for the events that show
     * whether the dialer acted; true when it did, so the retry sends nothing twice (BX-5).
     */
    private async alreadyDone(key: string, effect: () => boolean): Promise<boolean> {
        if (!this.unknownOutcome.has(key)) return false;
        this.unknownOutcome.delete(key);
        await this.waitFor(effect);
        return effect();
    }

    private async get(path: string, what: string, version = ''): Promise<unknown> {
        const result = await this.http.send('GET', version ? path.replace(V, version) : path, {
            timeoutMs: this.commandTimeoutMs
        });
        if (result.status < 200 || result.status >= 300) throw statusError(result.status, what);
        if (result.malformed) throw new DialerError('Protocol', `${what}: malformed JSON`);
        return result.body;
    }

    /** Waits (bounded) for the event that shows a command's effect; resolves either way. */
    private waitFor(test: () => boolean): Promise<void> {
        if (test()) return Promise.resolve();
        return new Promise((resolve) => {
            let cancel: () => void = () => undefined;
            const waiter: Waiter = {
                test,
                done: () => {
                    cancel();
                    this.waiters.delete(waiter);
                    resolve();
                }
            };
            cancel = this.clock.schedule(this.confirmTimeoutMs, () => waiter.done());
            this.waiters.add(waiter);
        });
    }

    private checkWaiters(): void {
        for (const waiter of [...this.waiters]) if (waiter.test()) waiter.done();
    }

    private releaseWaiters(): void {
        for (const waiter of [...this.waiters]) waiter.done();
    }

    private requireAgentId(): string {
        if (!this.agentId) throw new DialerError('NotConnected', 'agent id not known yet');
        return this.agentId;
    }

    private async listSkillsLocal(): Promise<readonly Skill[]> {
        const body = await this.get(`${V}/agents/${encodeURIComponent(this.requireAgentId())}/skills`, 'skills');
        const parsed = parseSkills(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        this.skills = parsed.value;
        return parsed.value;
    }

    /** Reads each Personal Connection skill's preview buttons and override options. */
    private async loadSkillOptions(): Promise<void> {
        if (!this.agentId) return;
        try {
            await this.listSkillsLocal();
        } catch (e) {
            this.emit('error', asDialerError(e, 'skills could not be read'));
            return;
        }
        // One skill after another: a handful of small reads, kept gentle on the API's rate limits.
        /* eslint-disable no-await-in-loop */
        for (const skill of this.skills.filter((s) => s.isPersonalConnection)) {
            const id = encodeURIComponent(skill.id);
            try {
                const prefs = await this.get(
                    `v34.0/skills/${id}/parameters/delivery-preferences`,
                    'delivery preferences'
                );
                this.previewActions.set(skill.id, parseDeliveryPreferences(prefs));
            } catch (e) {
                this.emit('error', asDialerError(e, 'delivery preferences could not be read'));
            }
            try {
                const cpa = await this.get(`${V}/skills/${id}/parameters/cpa-management`, 'cpa management');
                this.overrideOptions.set(skill.id, parseCpaOverrides(cpa));
            } catch (e) {
                this.emit('error', asDialerError(e, 'CPA settings could not be read'));
            }
        }
        /* eslint-enable no-await-in-loop */
        this.caps = this.computeCapabilities();
    }

    private computeCapabilities(): DialerCapabilities {
        const union = <T>(maps: Map<string, readonly T[]>, all: readonly T[]): readonly T[] => {
            if (maps.size === 0) return all;
            const set = new Set<T>();
            for (const list of maps.values()) for (const item of list) set.add(item);
            return all.filter((item) => set.has(item));
        };
        return {
            maxLines: MAX_LINES,
            previewActions: union(this.previewActions, ALL_PREVIEW_ACTIONS),
            machineOverrides: union(this.overrideOptions, ALL_OVERRIDES),
            // No Agent API endpoint supplies per-record attempt history: the console hides the tab.
            attemptsHistory: false,
            transferKinds: [TransferTargetKind.Skill, TransferTargetKind.Agent, TransferTargetKind.Number],
            mute: true,
            hold: true,
            // The reschedule call takes an instant only, and no target: the callback comes back to this agent.
            rescheduleDeliverTo: ['Me'],
            rescheduleTimeZone: false
        };
    }

    private async listCodesLocal(): Promise<readonly UnavailableCode[]> {
        // Only the endpoint the notes list; the team comes from the settings or the session start event.
        if (!this.teamId) throw new DialerError('Unsupported', "the agent's CXone team is not known; ask the admin");
        const body = await this.get(`${V}/teams/${encodeURIComponent(this.teamId)}/unavailable-codes`, 'codes');
        const parsed = parseUnavailableCodes(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        this.codes = parsed.value;
        return parsed.value;
    }

    private async listDispositionsLocal(skillId: string): Promise<readonly Disposition[]> {
        // v12 on purpose: agents without the Skills view permission can still read dispositions.
        const body = await this.get(`v12.0/skills/${encodeURIComponent(skillId)}/dispositions`, 'dispositions');
        const parsed = parseDispositions(body);
        if (!parsed.ok) throw new DialerError('Protocol', parsed.reason);
        return parsed.value;
    }

    private hasLiveCall(): boolean {
        return this.book.calls().some((c) => c.status !== CallStatus.Ended);
    }

    private async loginLocal(skillId: string): Promise<void> {
        const skill =
            this.skills.find((s) => s.id === skillId) ?? (await this.listSkillsLocal()).find((s) => s.id === skillId);
        if (!skill) throw new DialerError('NotFound', 'no such skill for this agent');
        if (!skill.isPersonalConnection) throw new DialerError('InvalidState', 'not a Personal Connection skill');
        if (await this.alreadyDone('login', () => this.agent.status === AgentStatus.Working)) return;
        this.loginSkill = skill;
        try {
            await this.post('login', 'dialer-login', { skillName: skill.name });
        } finally {
            this.loginSkill = null;
        }
        this.workingSkill = skill;
        await this.waitFor(() => this.agent.status === AgentStatus.Working);
        if (this.agent.status === AgentStatus.Working && this.agent.skillId !== skill.id) {
            this.setAgent({ ...this.agent, skillId: skill.id, skillName: skill.name });
        }
    }

    private async logoutLocal(): Promise<void> {
        if (await this.alreadyDone('logout', () => this.agent.status !== AgentStatus.Working || this.pending !== null))
            return;
        const live = this.hasLiveCall();
        await this.post('logout', 'dialer-logout');
        if (live && this.agent.status === AgentStatus.Working) {
            // CXone finishes the call in progress first (AV-3): show the logout as pending until then.
            this.pending = PendingAgentChange.Logout;
            this.setAgent({ ...this.agent, pending: this.pending });
            return;
        }
        await this.waitFor(() => this.agent.status !== AgentStatus.Working);
    }

    private async setStateLocal(codeId: string | null): Promise<void> {
        let code: UnavailableCode | null = null;
        if (codeId !== null) {
            code = this.codes.find((c) => c.id === codeId) ?? null;
            if (!code) code = (await this.listCodesLocal()).find((c) => c.id === codeId) ?? null;
            if (!code) throw new DialerError('NotFound', 'no such unavailable code');
        }
        const live = this.hasLiveCall();
        if (this.agent.status === AgentStatus.Working) {
            // Leaving Personal Connection for an ACD state takes a dialer logout first (as CXone's own agent does).
            await this.post('logout', 'dialer-logout');
        }
        const body = code ? { state: 'Unavailable', reason: code.label } : { state: 'Available', reason: '' };
        await this.post('state', 'state', body);
        if (live && code) {
            this.pending = PendingAgentChange.Unavailable;
            this.setAgent({ ...this.agent, pending: this.pending });
            return;
        }
        const target = code ? AgentStatus.Unavailable : AgentStatus.Available;
        await this.waitFor(() => this.agent.status === target);
    }

    private requirePreview(previewId: string): Preview {
        const preview = this.book.openPreview(previewId);
        if (!preview) throw new DialerError('InvalidState', 'no such open preview');
        return preview;
    }

    private previewGone(previewId: string): boolean {
        return this.book.openPreview(previewId) === null;
    }

    /**
     * Sends one command that closes a preview. The close reason is held only while the command is in
     * flight or its outcome unknown (an event may show the closure before the answer does); any answered
     * failure drops it, so a preview the dialer later withdraws is reported Withdrawn.
     */
    private async closingPreview(
        previewId: string,
        reason: PreviewClosedReason,
        send: () => Promise<HttpResult>
    ): Promise<HttpResult | null> {
        const key = `preview:${previewId}`;
        if (await this.alreadyDone(key, () => this.previewGone(previewId))) return null;
        this.requirePreview(previewId);
        if (this.inFlight.has(key)) throw new DialerError('InFlight', `${key}: already sent`);
        this.closeReasons.set(previewId, reason);
        let result: HttpResult;
        try {
            result = await send();
        } catch (e) {
            if (!this.unknownOutcome.has(key)) this.closeReasons.delete(previewId);
            throw e;
        }
        this.emitAll(this.book.closePreview(previewId, reason));
        this.closeReasons.delete(previewId);
        return result;
    }

    private async previewCommand(previewId: string, action: string, reason: PreviewClosedReason): Promise<void> {
        await this.closingPreview(previewId, reason, () =>
            this.post(`preview:${previewId}`, `interactions/${encodeURIComponent(previewId)}/${action}`)
        );
    }

    private async rescheduleLocal(previewId: string, request: RescheduleRequest): Promise<Callback> {
        const preview = this.book.previewById(previewId) ?? this.requirePreview(previewId);
        const result = await this.closingPreview(previewId, PreviewClosedReason.Rescheduled, () =>
            this.post(
                `preview:${previewId}`,
                `interactions/${encodeURIComponent(previewId)}/disposition`,
                {
                    primaryDispositionId: this.options.rescheduleDispositionId ?? '101',
                    primaryCallbackNumber: request.number,
                    // CXone takes an instant only (capabilities say so): the form shows the agent what is sent.
                    primaryCallbackTime: new Date(request.at).toISOString(),
                    primaryDispositionNotes: request.notes
                },
                'v27.0'
            )
        );
        return {
            id: (result && Fields.of(result.body)?.str('callbackId')) ?? `${previewId}-callback`,
            recordId: preview.record.id,
            contactName: recordName(preview.record),
            number: request.number,
            deliverTo: request.deliverTo,
            dueAt: request.at,
            timeZone: request.timeZone,
            notes: request.notes,
            skillId: preview.skillId
        };
    }

    private async previewDispositionLocal(previewId: string, dispositionId: string, notes: string): Promise<void> {
        await this.closingPreview(previewId, PreviewClosedReason.Dispositioned, () =>
            this.post(
                `preview:${previewId}`,
                `interactions/${encodeURIComponent(previewId)}/disposition`,
                { primaryDispositionId: dispositionId, primaryDispositionNotes: notes },
                'v27.0'
            )
        );
    }

    private requireCall(callId: string, allowed: readonly CallStatus[]): Call {
        const call = this.book.call(callId);
        if (!call) throw new DialerError('NotFound', 'no such call');
        if (!allowed.includes(call.status)) throw new DialerError('InvalidState', `call is ${call.status}`);
        return call;
    }

    private async overrideLocal(callId: string, kind: MachineOverride): Promise<void> {
        if (!Object.values(MachineOverride).includes(kind)) throw new DialerError('Rejected', 'unknown override');
        const key = `call:${callId}:override`;
        if (await this.alreadyDone(key, () => this.callEndedOrGone(callId))) return;
        this.requireCall(callId, OVERRIDABLE_STATUSES);
        // AM-3: one override per call, ever; a second click sends nothing. Recorded only once the dialer
        // confirmed it, so a failed send can always be retried.
        if (this.overrides.has(callId)) throw new DialerError('InFlight', 'override already sent');
        await this.post(key, `interactions/${encodeURIComponent(callId)}/amd-override`, {
            type: AMD_OVERRIDE_TYPE[kind]
        });
        this.overrides.set(callId, kind);
        await this.waitFor(() => this.book.call(callId)?.status !== CallStatus.Amd && this.callEndedOrGone(callId));
    }

    private callEndedOrGone(callId: string): boolean {
        const call = this.book.call(callId);
        return !call || call.status === CallStatus.Ended;
    }

    private async callCommand(
        callId: string,
        action: string,
        allowed: readonly CallStatus[],
        target: CallStatus
    ): Promise<void> {
        const reached = (): boolean => {
            const call = this.book.call(callId);
            return !call || call.status === target || call.status === CallStatus.Ended;
        };
        const key = `call:${callId}:${action}`;
        if (await this.alreadyDone(key, reached)) return;
        this.requireCall(callId, allowed);
        await this.post(key, `interactions/${encodeURIComponent(callId)}/${action}`);
        await this.waitFor(reached);
    }

    private async muteLocal(callId: string, muted: boolean): Promise<void> {
        if (await this.alreadyDone(`mute:${callId}`, () => this.book.call(callId)?.muted === muted)) return;
        this.requireCall(callId, [CallStatus.Active, CallStatus.Held]);
        await this.post(`mute:${callId}`, `agent-phone/${muted ? 'mute' : 'unmute'}`);
        this.emitAll(this.book.setMuted(muted, callId));
    }

    private async transferLocal(callId: string, target: TransferTarget): Promise<void> {
        const key = `call:${callId}:transfer`;
        if (await this.alreadyDone(key, () => this.callEndedOrGone(callId))) return;
        const call = this.requireCall(callId, [CallStatus.Active, CallStatus.Held]);
        // Transfer is a consult leg to the target, then transfer-calls joining the two (CXone has no blind transfer call).
        if (target.kind === TransferTargetKind.Skill) {
            await this.post(`${key}:dial`, 'dial-skill', { skillId: target.value });
        } else if (target.kind === TransferTargetKind.Agent) {
            await this.post(`${key}:dial`, 'dial-agent', { targetAgentId: target.value });
        } else if (target.kind === TransferTargetKind.Number) {
            await this.post(`${key}:dial`, 'dial-phone', {
                phoneNumber: target.value,
                skillId: call.skillId,
                parentContactId: callId
            });
        } else {
            throw new DialerError('Rejected', 'unknown transfer target');
        }
        await this.post(key, 'interactions/transfer-calls');
        await this.waitFor(() => this.callEndedOrGone(callId));
    }

    private async dispositionLocal(callId: string, dispositionId: string, notes: string): Promise<void> {
        if (await this.alreadyDone(`call:${callId}:disposition`, () => this.book.call(callId) === null)) return;
        this.requireCall(callId, [CallStatus.Ended]);
        await this.post(
            `call:${callId}:disposition`,
            `interactions/${encodeURIComponent(callId)}/disposition`,
            { primaryDispositionId: dispositionId, primaryDispositionNotes: notes },
            'v27.0'
        );
    }

    // -----------------------------------------------------------------------------------------
    // The port
    // -----------------------------------------------------------------------------------------

    /** The agent's skills (AV-2). */
    listSkills(): Promise<readonly Skill[]> {
        return this.listSkillsLocal();
    }

    /** The team's unavailable codes (AV-4). */
    listUnavailableCodes(): Promise<readonly UnavailableCode[]> {
        return this.listCodesLocal();
    }

    /** The skill's dispositions (CL-4, BX-7). */
    listDispositions(skillId: string): Promise<readonly Disposition[]> {
        return this.listDispositionsLocal(skillId);
    }

    /** `dialer-login` with the skill's name (AV-2). */
    loginToSkill(skillId: string): Promise<void> {
        return this.loginLocal(skillId);
    }

    /** `dialer-logout`; CXone lets a call in progress finish first (AV-3). */
    logout(): Promise<void> {
        return this.logoutLocal();
    }

    /** Agent state Available (after a dialer logout when working). */
    setAvailable(): Promise<void> {
        return this.setStateLocal(null);
    }

    /** Agent state Unavailable with the code's name as reason (AV-4). */
    setUnavailable(codeId: string): Promise<void> {
        return this.setStateLocal(codeId);
    }

    /** `accept`: the dialer places the call (PV-2). */
    acceptPreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'accept', PreviewClosedReason.Accepted);
    }

    /** `reject`, taken to be CXone's Requeue (PV-3; an assumption, see docs/cxone-setup.md). */
    requeuePreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'reject', PreviewClosedReason.Requeued);
    }

    /** `snooze` (PV-5). */
    snoozePreview(previewId: string): Promise<void> {
        return this.previewCommand(previewId, 'snooze', PreviewClosedReason.Snoozed);
    }

    /** The disposition endpoint with callback number and time (RS-1, RS-3). */
    reschedulePreview(previewId: string, request: RescheduleRequest): Promise<Callback> {
        return this.rescheduleLocal(previewId, request);
    }

    /** A disposition on the preview without dialing (BX-7). */
    dispositionPreview(previewId: string, dispositionId: string, notes: string): Promise<void> {
        return this.previewDispositionLocal(previewId, dispositionId, notes);
    }

    /** `amd-override` with the numeric type (AM-1, AM-2); sent once per call (AM-3). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<void> {
        return this.overrideLocal(callId, kind);
    }

    /** Holds an Active call (CL-4). */
    hold(callId: string): Promise<void> {
        return this.callCommand(callId, 'hold', [CallStatus.Active], CallStatus.Held);
    }

    /** Resumes a Held call (CL-4). */
    resume(callId: string): Promise<void> {
        return this.callCommand(callId, 'resume', [CallStatus.Held], CallStatus.Active);
    }

    /** Mutes the agent's leg (CL-4). */
    mute(callId: string): Promise<void> {
        return this.muteLocal(callId, true);
    }

    /** Unmutes the agent's leg (CL-4). */
    unmute(callId: string): Promise<void> {
        return this.muteLocal(callId, false);
    }

    /** Ends a call (CL-4). */
    endCall(callId: string): Promise<void> {
        return this.callCommand(callId, 'end', ENDABLE, CallStatus.Ended);
    }

    /** Consult to the target, then transfer (CL-4). */
    transfer(callId: string, target: TransferTarget): Promise<void> {
        return this.transferLocal(callId, target);
    }

    /** Saves the disposition of an Ended call (CL-4). */
    disposition(callId: string, dispositionId: string, notes: string): Promise<void> {
        return this.dispositionLocal(callId, dispositionId, notes);
    }

    /** CXone's Agent API has no per-record attempt history: always Unsupported. */
    getAttemptsHistory(_recordId: string): Promise<AttemptsHistory> {
        return Promise.reject(new DialerError('Unsupported', 'CXone supplies no Attempts History'));
    }
}

/** What a console page supplies to build the browser's CXone adapter. */
export interface BrowserCxoneOptions {
    /** The settings record's dialer endpoint: the ACD API base URI. */
    readonly baseUri: string;
    readonly tokenProvider: TokenProvider;
    readonly agentId?: string;
    /** The station setting (phone number, station id or `softphone`). */
    readonly station?: string;
}

/** Builds the adapter for a console page: the page's fetch and the system clock (pcRuntime shares it across tabs). */
export function createBrowserCxoneAdapter(options: BrowserCxoneOptions): CxoneAdapter {
    return new CxoneAdapter({ ...options, fetch: (input, init) => fetch(input, init) });
}
