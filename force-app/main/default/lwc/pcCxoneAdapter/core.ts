/**
 * The CXone adapter's state and the rules every layer shares: options, emitting, the connection status,
 * sending a command at most once (`post`: refused unsent while down, a lost answer marked so a retry
 * first checks what the dialer reported), and waiting (bounded) for the event that shows an effect.
 * The adapter is built in layers, one job each: reads, events, the poll loop, the session, commands.
 */
import {
    AgentStatus,
    CallStatus,
    ConnectionStatus,
    MachineOverride,
    PendingAgentChange,
    PreviewAction,
    TransferTargetKind
} from 'c/pcModel';
import type { AgentState, ConnectionState, DialerCapabilities, Skill, UnavailableCode } from 'c/pcModel';
import { DialerError, DialerEvents, PreviewClosedReason, systemClock } from 'c/pcDialerPort';
import type { Clock, DialerEventMap, DialerEventName } from 'c/pcDialerPort';
import type { FetchLike, TokenProvider } from 'c/pcCxoneAuth';
import { ContactBook } from './contacts';
import { EventOrder } from './eventOrder';
import type { Emission } from './contacts';
import { CxoneHttp, statusError } from './http';
import type { CxoneLogger, HttpResult } from './http';

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

/** The Agent API version of most agent-session calls. */
export const V = 'v23.0';
/** Lines the agent's set holds. */
export const MAX_LINES = 3;
const ALL_PREVIEW_ACTIONS: readonly PreviewAction[] = Object.values(PreviewAction);
const ALL_OVERRIDES: readonly MachineOverride[] = Object.values(MachineOverride);
/** The agent's state before CXone reports one. */
export const LOGGED_OUT: AgentState = {
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

/** Statuses a call can be ended from. */
export const ENDABLE: readonly CallStatus[] = [
    CallStatus.Dialing,
    CallStatus.Ringing,
    CallStatus.Amd,
    CallStatus.Active,
    CallStatus.Held
];

const consoleLogger: CxoneLogger = {
    warn: (message) => console.warn(`[pc cxone] ${message}`)
};

/** Any failure as a DialerError (unknown ones retryable). */
export function asDialerError(e: unknown, fallback: string): DialerError {
    return e instanceof DialerError ? e : new DialerError('Unknown', fallback, true);
}

/** The adapter's state and shared rules; the layers above add one job each. */
export abstract class CxoneCore {
    /** Stops the poll (the poll loop's layer). */
    protected abstract stopPolling(): void;

    /** A short name for logs. */
    readonly name = 'cxone';

    protected readonly events = new DialerEvents();
    protected readonly http: CxoneHttp;
    protected readonly clock: Clock;
    protected readonly random: () => number;
    protected readonly log: CxoneLogger;
    protected readonly pollTimeoutSeconds: number;
    protected readonly pollGraceMs: number;
    protected readonly commandTimeoutMs: number;
    protected readonly confirmTimeoutMs: number;
    protected readonly backoffBase: number;
    protected readonly backoffMax: number;
    protected readonly maxAttempts: number;

    protected book = new ContactBook(MAX_LINES);
    protected sessionId: string | null = null;
    protected agentId: string | null;
    protected teamId: string | null;
    protected agent: AgentState = LOGGED_OUT;
    protected workingSkill: Skill | null = null;
    protected loginSkill: Skill | null = null;
    protected skills: readonly Skill[] = [];
    protected codes: readonly UnavailableCode[] = [];
    protected readonly previewActions = new Map<string, readonly PreviewAction[]>();
    protected readonly overrideOptions = new Map<string, readonly MachineOverride[]>();
    protected caps: DialerCapabilities;
    protected connection: ConnectionState = {
        status: ConnectionStatus.Disconnected,
        detail: '',
        attempt: 0,
        nextRetryAt: null
    };
    /** Bumped on every disconnect or session change, so a late answer of an old poll is dropped. */
    protected generation = 0;
    protected polling = false;
    protected readonly pollCancel: { abort: (() => void) | null } = { abort: null };
    protected cancelSleep: (() => void) | null = null;
    protected wakeSleep: (() => void) | null = null;
    /** Overrides the dialer confirmed (AM-3: one per call); recorded only on its answer. */
    protected readonly overrides = new Map<string, MachineOverride>();
    /** Why the agent is closing a preview, while that command is in flight or its outcome unknown. */
    protected readonly closeReasons = new Map<string, PreviewClosedReason>();
    protected readonly inFlight = new Set<string>();
    /** Commands whose answer was lost: before a retry resends, what the dialer reports is checked first. */
    protected readonly unknownOutcome = new Set<string>();
    protected readonly waiters = new Set<Waiter>();
    protected readonly seenMessages = new Set<string>();
    protected pending: PendingAgentChange | null = null;
    /**
     * After a join: CXone has not reported the agent's state yet. The notes list no endpoint that
     * answers it (nor the live contacts), so the connection says Resynchronising until an AgentState
     * arrives, instead of showing the agent Logged out as if that were known (BX-2).
     */
    protected resyncing = false;
    /** De-duplicates and orders agent state and callback events by the rule the contact book uses. */
    protected readonly order = new EventOrder();

    constructor(protected readonly options: CxoneAdapterOptions) {
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

    protected computeCapabilities(): DialerCapabilities {
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
            rescheduleTimeZone: false,
            // dial-phone places a manual call on the agent's skill.
            agentDial: true
        };
    }

    protected emit<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        this.events.emit(type, event);
    }

    protected emitAll(emissions: readonly Emission[]): void {
        for (const e of emissions) this.emit(e.type, e.event as never);
    }

    protected setAgent(next: AgentState): void {
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

    protected setConnection(
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

    /** Connected, or Resynchronising while a joined session's state is not known yet. */
    protected liveStatus(): ConnectionStatus {
        return this.resyncing ? ConnectionStatus.Resynchronising : ConnectionStatus.Connected;
    }

    /** The session is up: commands may be sent (while resynchronising too, for what is known). */
    protected isLive(): boolean {
        return (
            this.connection.status === ConnectionStatus.Connected ||
            this.connection.status === ConnectionStatus.Resynchronising
        );
    }

    protected failDetail(error: DialerError): string {
        if (error.code === 'Unauthorized') return 'CXone sign-in expired or was refused; sign in again';
        if (error.code === 'Permission') return 'this CXone user may not use the Agent API; ask the admin';
        return `${error.code}: could not reach CXone; check the network, then reconnect`;
    }

    protected protocolError(reason: string): void {
        this.log.warn(`protocol: ${reason}`);
        this.emit('error', new DialerError('Protocol', reason));
    }

    /** Sends one command once. Refused unsent while disconnected; a lost answer is never replayed. */
    protected async post(key: string, path: string, body?: unknown, version = V): Promise<HttpResult> {
        if (!this.sessionId || !this.isLive()) {
            throw new DialerError('NotConnected', `${key}: not connected to CXone`, true);
        }
        if (this.inFlight.has(key)) throw new DialerError('InFlight', `${key}: already sent`);
        this.inFlight.add(key);
        try {
            const result = await this.http.send(
                'POST',
                `${version}/agent-sessions/${encodeURIComponent(this.sessionId)}/${path}`,
                // A command the notes give no body (accept, snooze, dialer-logout, …) is sent with none.
                { body, timeoutMs: this.commandTimeoutMs }
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
    protected async alreadyDone(key: string, effect: () => boolean): Promise<boolean> {
        if (!this.unknownOutcome.has(key)) return false;
        this.unknownOutcome.delete(key);
        await this.waitFor(effect);
        return effect();
    }

    protected async get(path: string, what: string, version = ''): Promise<unknown> {
        const result = await this.http.send('GET', version ? path.replace(V, version) : path, {
            timeoutMs: this.commandTimeoutMs
        });
        if (result.status < 200 || result.status >= 300) throw statusError(result.status, what);
        if (result.malformed) throw new DialerError('Protocol', `${what}: malformed JSON`);
        return result.body;
    }

    /** Waits (bounded) for the event that shows a command's effect; resolves either way. */
    protected waitFor(test: () => boolean): Promise<void> {
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

    protected checkWaiters(): void {
        for (const waiter of [...this.waiters]) if (waiter.test()) waiter.done();
    }

    protected releaseWaiters(): void {
        for (const waiter of [...this.waiters]) waiter.done();
    }

    protected requireAgentId(): string {
        if (!this.agentId) throw new DialerError('NotConnected', 'agent id not known yet');
        return this.agentId;
    }

    protected hasLiveCall(): boolean {
        return this.book.calls().some((c) => c.status !== CallStatus.Ended);
    }
}
