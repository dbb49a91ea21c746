/**
 * The DialerAdapter port: what the service needs of any Personal Connection dialer. Commands go
 * down as promises that resolve when the dialer confirmed them (or reject with a DialerError);
 * events come up through a typed event map whose `on()` returns the unsubscribe.
 * Adapters know nothing of Salesforce and nothing of the DOM.
 */
import type {
    AgentDialRequest,
    AgentMessage,
    AgentState,
    AttemptsHistory,
    Call,
    Callback,
    ConnectionState,
    DialerCapabilities,
    Disposition,
    ErrorCode,
    Instant,
    MachineOverride,
    Preview,
    RescheduleRequest,
    Skill,
    TransferTarget,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';

/** Why a preview left the agent's screen. */
export const PreviewClosedReason = {
    Accepted: 'Accepted',
    Requeued: 'Requeued',
    Snoozed: 'Snoozed',
    Rescheduled: 'Rescheduled',
    Dispositioned: 'Dispositioned',
    TimedOut: 'TimedOut',
    Withdrawn: 'Withdrawn'
} as const;
export type PreviewClosedReason = (typeof PreviewClosedReason)[keyof typeof PreviewClosedReason];

/** Every event a dialer sends up, by name. */
export interface DialerEventMap {
    /** The agent's state changed (login, logout, available, unavailable, working). */
    agentState: AgentState;
    /** The agent's skills changed (AV-2). */
    skills: readonly Skill[];
    /** A record is offered for preview (PV-1). */
    previewOffered: Preview;
    /** A preview left the screen, confirmed by the dialer. */
    previewClosed: { readonly previewId: string; readonly reason: PreviewClosedReason };
    /** A call was placed or changed status (CL-1). The event carries the whole call. */
    callUpdated: Call;
    /** An extra answer was routed to another agent and leaves this agent's set (CL-3). */
    callRouted: { readonly callId: string; readonly contactName: string };
    /** A call left the agent's set after Ended and wrap-up, or was withdrawn by the dialer. */
    callRemoved: { readonly callId: string };
    /** A rescheduled callback reached its instant and is being delivered (RS-4). */
    callbackDue: Callback;
    /** A message for the agent (AG-1). */
    agentMessage: AgentMessage;
    /** Attempts History of a record changed (SP-2). */
    attemptsUpdated: AttemptsHistory;
    /** The connection to the dialer changed (BX-5). */
    connection: ConnectionState;
    /** Something the dialer sent could not be understood, or a background task failed. */
    error: DialerError;
}
export type DialerEventName = keyof DialerEventMap;

/** One entry per event: the compiler rejects this object if the map gains or loses an event. */
const EVENT_NAME_SET: Readonly<Record<DialerEventName, true>> = {
    agentState: true,
    skills: true,
    previewOffered: true,
    previewClosed: true,
    callUpdated: true,
    callRouted: true,
    callRemoved: true,
    callbackDue: true,
    agentMessage: true,
    attemptsUpdated: true,
    connection: true,
    error: true
};

/** Every event name of the port, for recorders, mirrors and logs. */
export const DIALER_EVENT_NAMES: readonly DialerEventName[] = Object.freeze(
    Object.keys(EVENT_NAME_SET) as DialerEventName[]
);
export type DialerEventHandler<K extends DialerEventName> = (event: DialerEventMap[K]) => void;

/** A session as the adapter joined it. */
export interface SessionInfo {
    readonly sessionId: string;
    readonly agentId: string;
    /** True when an existing session was joined (page refresh, BX-2) rather than started. */
    readonly joined: boolean;
    /** The state as the dialer reports it now, so a refreshed page rebuilds from the dialer. */
    readonly agent: AgentState;
    readonly calls: readonly Call[];
    readonly preview: Preview | null;
}

/**
 * The console's answer when a dialer asks before it delivers a callback (CP-1): deliver it now, or not before
 * `notBefore` (null: never, e.g. the number is on a Do Not Call list).
 */
export type CallbackVerdict =
    { readonly deliver: true } | { readonly deliver: false; readonly notBefore: Instant | null };

/** Asked by a dialer that can hold a due callback, before it rings (CP-1). */
export type CallbackGate = (callback: Callback) => CallbackVerdict;

/** The port. Implemented by the simulated dialer and the CXone Agent API adapter. */
export interface DialerAdapter {
    /** A short name for logs ("simulated", "cxone"). */
    readonly name: string;
    /** What this dialer offers; stable once connected. */
    capabilities(): DialerCapabilities;
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe;

    // Session level
    /** Starts a session, or joins the agent's existing one. */
    connect(): Promise<SessionInfo>;
    /** Ends polling and releases resources; does not log the agent out. */
    disconnect(): Promise<void>;
    listSkills(): Promise<readonly Skill[]>;
    listUnavailableCodes(): Promise<readonly UnavailableCode[]>;
    listDispositions(skillId: string): Promise<readonly Disposition[]>;
    /** Logs into the dialer for a Personal Connection skill; delivery starts (AV-2). */
    loginToSkill(skillId: string): Promise<void>;
    /** Logs out of the dialer; a call in progress finishes first (AV-3). */
    logout(): Promise<void>;
    setAvailable(): Promise<void>;
    /** Pauses deliveries after the current call (AV-4). */
    setUnavailable(codeId: string): Promise<void>;

    // Preview level (PV, BX-7)
    acceptPreview(previewId: string): Promise<void>;
    requeuePreview(previewId: string): Promise<void>;
    snoozePreview(previewId: string): Promise<void>;
    reschedulePreview(previewId: string, request: RescheduleRequest): Promise<Callback>;
    dispositionPreview(previewId: string, dispositionId: string, notes: string): Promise<void>;

    // Call level (CL, AM)
    overrideMachine(callId: string, kind: MachineOverride): Promise<void>;
    /** Places an agent-initiated outbound call on the skill worked (WU-4); the number is E.164. */
    dialNumber?(skillId: string, request: AgentDialRequest): Promise<void>;
    /**
     * Where the dialer can hold a due callback, it asks the gate first (CP-1); null stops asking. A dialer that
     * places callbacks itself (CXone) has none, and the console warns the agent when one rings outside the rules.
     */
    setCallbackGate?(gate: CallbackGate | null): void;
    /** Plays the skill's recorded message to the answering machine and closes the line as VoicemailLeft (WU-3). */
    dropVoicemail?(callId: string): Promise<void>;
    hold(callId: string): Promise<void>;
    resume(callId: string): Promise<void>;
    mute(callId: string): Promise<void>;
    unmute(callId: string): Promise<void>;
    endCall(callId: string): Promise<void>;
    transfer(callId: string, target: TransferTarget): Promise<void>;
    disposition(callId: string, dispositionId: string, notes: string): Promise<void>;

    /** The record's Attempts History; rejects with Unsupported where capabilities say it is not supplied. */
    getAttemptsHistory(recordId: string): Promise<AttemptsHistory>;
}

/**
 * A sign-in the dialer needs from the agent before it can connect (CXone OAuth in a popup), supplied by the
 * composition root beside the adapter. The adapter only ever sees the tokens it yields.
 */
export interface DialerSignIn {
    /** True while the dialer has no usable token, so the agent must sign in. */
    isRequired(): boolean;
    /** Calls the listener whenever isRequired() changes; returns the unsubscribe. */
    onChange(listener: (required: boolean) => void): Unsubscribe;
    /**
     * Signs in; resolves once a token is held, rejects with a DialerError otherwise. It opens a window before its
     * first await, so it must be called straight from the agent's click.
     */
    signIn(): Promise<void>;
}

/** A typed dialer failure. `message` is technical and carries no phone number or name. */
export class DialerError extends Error {
    readonly code: ErrorCode;
    /** Whether sending the same command again may succeed. */
    readonly retryable: boolean;

    constructor(code: ErrorCode, message: string, retryable = false) {
        super(message);
        this.name = 'DialerError';
        this.code = code;
        this.retryable = retryable;
    }
}

/** Time as the service and the simulated dialer see it: real, or virtual and stepped. */
export interface Clock {
    now(): Instant;
    /** Runs fn once after ms; returns a cancel function. */
    schedule(ms: number, fn: () => void): () => void;
}

/** The browser's clock. */
export const systemClock: Clock = {
    now: () => Date.now(),
    schedule: (ms, fn) => {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        const handle = setTimeout(fn, ms);
        return () => clearTimeout(handle);
    }
};

type AnyHandler = (event: never) => void;

/** A small typed event emitter for adapters; a throwing handler never stops the others. */
export class DialerEvents {
    private readonly handlers = new Map<DialerEventName, Set<AnyHandler>>();

    /** Adds a handler; returns its unsubscribe. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        let set = this.handlers.get(type);
        if (!set) {
            set = new Set();
            this.handlers.set(type, set);
        }
        const entry = handler as AnyHandler;
        set.add(entry);
        return () => {
            set.delete(entry);
        };
    }

    /** Delivers an event to every handler of its type. */
    emit<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        const set = this.handlers.get(type);
        if (!set) return;
        for (const handler of [...set]) {
            try {
                (handler as DialerEventHandler<K>)(event);
            } catch (e) {
                // A faulty subscriber must not break the dialer's event flow.
                console.error('Dialer event handler failed', type, e);
            }
        }
    }

    /** Removes every handler. */
    clear(): void {
        this.handlers.clear();
    }
}
