/** The simulated dialer's public shapes: how it is built, and its control surface for tests and the simulator panel. */
import type {
    AgentState,
    AttemptsHistory,
    Call,
    CallingListContact,
    CallingRecord,
    DialerCapabilities,
    ErrorCode,
    Instant,
    Preview,
    PreviewTimeoutAction
} from 'c/pcModel';
import type { VirtualClock } from 'c/pcVirtualClock';
import type { ForcedOutcome } from './callPlan';

/** How the simulated dialer is built. */
export interface SimulatedDialerOptions {
    /** The PRNG seed: the same seed and the same commands give the same events. */
    readonly seed: number;
    /** The virtual clock it runs on; one is made (at startAt) when omitted. */
    readonly clock?: VirtualClock;
    /** The instant the calling list is current at; the clock is moved there if it is earlier. */
    readonly startAt?: Instant;
    /** Calls dialled at once for the agent (CL-1), 1 to capabilities.maxLines. Default 1. */
    readonly lines?: number;
    /** Preview dialing (PV-1). Default true. */
    readonly preview?: boolean;
    /** Preview countdown in seconds (BX-6); null or omitted for none. */
    readonly previewTimeoutSeconds?: number | null;
    /** What happens when the countdown reaches zero. Default Requeue. */
    readonly previewTimeoutAction?: PreviewTimeoutAction;
    /** Virtual ms before the dialer confirms a command. Default 150; 0 confirms on a microtask. */
    readonly latencyMs?: number;
    /** Records in the calling list. Default 1,500, at least 20 so every unavailable reason occurs. */
    readonly recordCount?: number;
    /**
     * An org's Contacts to call instead of the generated list (demo and training): one record each, carrying the
     * Contact's id, so pops find it. Empty or omitted: the generated list of `recordCount` records.
     */
    readonly contacts?: readonly CallingListContact[];
    readonly agentId?: string;
    /** Narrows or widens what the dialer offers. */
    readonly capabilities?: Partial<DialerCapabilities>;
    /** Keep the event log (control.eventLog). Default true; turn off for long benchmarks. */
    readonly recordEvents?: boolean;
    /** Most lines the event log keeps (the oldest are dropped). Default 50,000. */
    readonly eventLogLimit?: number;
    /** Whether other agents of the skill can take routed answers and skill callbacks. Default true. */
    readonly otherAgentsAvailable?: boolean;
    /** Whether a contact hangs up after a seeded talk time. Default true. */
    readonly contactHangsUp?: boolean;
    /** How long a snoozed record waits in the agent's personal queue. Default 5. */
    readonly snoozeMinutes?: number;
}

/** What the control surface reports, for the simulator panel. */
export interface SimulatorView {
    readonly now: Instant;
    readonly lines: number;
    readonly preview: boolean;
    readonly previewTimeoutSeconds: number | null;
    readonly previewTimeoutAction: PreviewTimeoutAction;
    readonly latencyMs: number;
    /** True while the next command is armed to fail. */
    readonly failNext: boolean;
    /** The outcome armed for the next dial, if any. */
    readonly forced: ForcedOutcome | null;
    readonly otherAgentsAvailable: boolean;
    readonly nextCallbackAt: Instant | null;
}

/** The simulator's control surface: what tests and the local simulator panel may do to the dialer. */
export interface SimulatorControl {
    /** The virtual clock the dialer runs on. */
    readonly clock: VirtualClock;
    /** The outcome of the current dial if one is undecided, else of the next dial. */
    forceNextOutcome(outcome: ForcedOutcome): void;
    /** Calls dialled at once (1 to maxLines); takes effect from the next placement. */
    setLines(lines: number): void;
    setPreview(on: boolean): void;
    /** The preview countdown for the next previews; null for none. */
    setPreviewTimeout(seconds: number | null, atZero?: PreviewTimeoutAction): void;
    setLatency(ms: number): void;
    /** The next command rejects once with a retryable DialerError and has no effect. */
    failNextCommand(code?: ErrorCode): void;
    /** Lets virtual time pass, delivering the events due. */
    advance(ms: number): void;
    /** Moves the clock to the next callback's instant; returns it, or null when none is scheduled. */
    advanceToNextCallback(): Instant | null;
    nextCallbackAt(): Instant | null;
    /** The calling list as model records (for seeding in-memory Salesforce data). */
    records(): readonly CallingRecord[];
    /** A record's Attempts History now, or null for an unknown record. */
    attemptsHistory(recordId: string): AttemptsHistory | null;
    /** Every emitted event, one deterministic line each. */
    eventLog(): readonly string[];
    setOtherAgentsAvailable(on: boolean): void;
    /** Puts a record's number on the Do Not Call list (the local console's panel, CP-5); false if none such. */
    setDnc(recordId: string, destinationId: string): boolean;
    /** The agent's set of calls now. */
    calls(): readonly Call[];
    /** The preview on screen now, if any. */
    preview(): Preview | null;
    agent(): AgentState;
    view(): SimulatorView;
}
