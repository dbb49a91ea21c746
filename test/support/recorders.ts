/**
 * Recorders shared by the suites: every event a dialer adapter sends, every command the service sends the adapter
 * (with the service's view at that moment), and a stub ConsoleApi that records every command a component sends.
 */
import { DIALER_EVENT_NAMES } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventMap, DialerEventName } from 'c/pcDialerPort';
import type {
    AgentDialRequest,
    Call,
    CommandResult,
    ComplianceChoice,
    ConsoleApi,
    ConsoleState,
    MachineOverride,
    RescheduleDraft,
    RescheduleValidation,
    TransferTargetKind,
    Unsubscribe
} from 'c/pcModel';
import { makeState } from './fixtures';

/** One event as a dialer sent it, and when (by the clock the recorder was given). */
export interface SeenEvent<K extends DialerEventName = DialerEventName> {
    readonly type: K;
    readonly payload: DialerEventMap[K];
    readonly at: number;
}

/** Records every event a dialer adapter sends, in order. */
export class EventRecorder {
    readonly all: SeenEvent[] = [];
    private readonly offs: (() => void)[] = [];

    /** `now` stamps each event (the dialer's own clock where it has one). */
    constructor(adapter: DialerAdapter, now: () => number = () => Date.now()) {
        for (const type of DIALER_EVENT_NAMES) {
            this.offs.push(adapter.on(type, (payload) => this.all.push({ type, payload, at: now() } as SeenEvent)));
        }
    }

    /** The payloads of one event type, from index `since` of the whole log. */
    of<K extends DialerEventName>(type: K, since = 0): DialerEventMap[K][] {
        return this.all
            .slice(since)
            .filter((e) => e.type === type)
            .map((e) => e.payload as DialerEventMap[K]);
    }

    /** The latest payload of one event type. */
    last<K extends DialerEventName>(type: K): DialerEventMap[K] | undefined {
        return this.of(type).at(-1);
    }

    /** The latest view of each call that has not left the agent's set. */
    liveCalls(): Map<string, Call> {
        const calls = new Map<string, Call>();
        for (const e of this.all) {
            if (e.type === 'callUpdated') {
                const call = e.payload as Call;
                calls.set(call.id, call);
            } else if (e.type === 'callRemoved' || e.type === 'callRouted') {
                calls.delete((e.payload as { callId: string }).callId);
            }
        }
        return calls;
    }

    /** Stops recording. */
    stop(): void {
        this.offs.forEach((off) => off());
    }
}

/** A command as the adapter received it, with the service's view of its target at that moment. */
export interface SentCommand {
    readonly name: string;
    readonly args: readonly unknown[];
    readonly at: number;
    /** For call commands: the call's status in the service's state when it was sent. */
    readonly callStatus: string | null;
    /** True when the same command for the same target was already in flight or had succeeded. */
    readonly repeat: boolean;
    /** How the dialer answered; 'pending' until it did. */
    outcome: 'pending' | 'ok' | 'failed';
}

/** Commands that may reach the dialer once per target: a preview's actions, a call's override and wrap-up. */
const ONCE_PER_TARGET: ReadonlyMap<string, string> = new Map([
    ['acceptPreview', 'preview'],
    ['requeuePreview', 'preview'],
    ['snoozePreview', 'preview'],
    ['reschedulePreview', 'preview'],
    ['dispositionPreview', 'preview'],
    ['overrideMachine', 'override'],
    ['disposition', 'disposition']
]);

const COMMANDS: ReadonlyArray<keyof DialerAdapter> = [
    'loginToSkill',
    'logout',
    'setAvailable',
    'setUnavailable',
    'acceptPreview',
    'requeuePreview',
    'snoozePreview',
    'reschedulePreview',
    'dispositionPreview',
    'overrideMachine',
    'dropVoicemail',
    'dialNumber',
    'hold',
    'resume',
    'mute',
    'unmute',
    'endCall',
    'transfer',
    'disposition'
];

/** Wraps the adapter's commands so each one sent is recorded with the service's view at that moment. */
export function recordCommands(
    adapter: DialerAdapter,
    sent: SentCommand[],
    state: () => ConsoleState,
    now: () => number
): void {
    const target = adapter as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of COMMANDS) {
        const original = target[name]!.bind(adapter);
        target[name] = (...args: unknown[]) => {
            const callId = typeof args[0] === 'string' ? args[0] : null;
            const view = callId ? state().calls.find((v) => v.call.id === callId) : undefined;
            const group = ONCE_PER_TARGET.get(name);
            const repeat =
                group !== undefined &&
                sent.some(
                    (c) => ONCE_PER_TARGET.get(c.name) === group && c.args[0] === callId && c.outcome !== 'failed'
                );
            const entry: SentCommand = {
                name,
                args,
                at: now(),
                callStatus: view ? view.call.status : null,
                repeat,
                outcome: 'pending'
            };
            sent.push(entry);
            const result = original(...args) as Promise<unknown>;
            result.then(
                () => {
                    entry.outcome = 'ok';
                },
                () => {
                    entry.outcome = 'failed';
                }
            );
            return result;
        };
    }
}

/** One recorded command: the ConsoleApi method and its arguments. */
export interface RecordedCall {
    readonly method: string;
    readonly args: readonly unknown[];
}

const OK: CommandResult = Object.freeze({ ok: true });

/**
 * A ConsoleApi fake: `publish` pushes a new snapshot to subscribers, `calls` records every command,
 * `results` sets what a command resolves with, and `hold(method)` keeps a command pending until `release`.
 */
export class StubConsoleApi implements ConsoleApi {
    state: ConsoleState;
    readonly calls: RecordedCall[] = [];
    readonly results = new Map<string, CommandResult | RescheduleValidation>();
    validation: RescheduleValidation | null = null;
    draft: RescheduleDraft | null = null;
    private readonly listeners = new Set<(s: ConsoleState) => void>();
    private readonly held = new Map<string, (() => void)[]>();
    private readonly holding = new Set<string>();

    constructor(state: ConsoleState = makeState()) {
        this.state = state;
    }

    /** Replaces the snapshot (merged over the current one) and tells subscribers. */
    publish(over: Partial<ConsoleState>): void {
        this.state = { ...this.state, ...over };
        for (const l of [...this.listeners]) l(this.state);
    }

    /** Number of live subscriptions. */
    get subscriberCount(): number {
        return this.listeners.size;
    }

    /** Calls of one method, in order. */
    callsOf(method: string): RecordedCall[] {
        return this.calls.filter((c) => c.method === method);
    }

    /** Keeps every later call of `method` pending until `release(method)`. */
    holdCommand(method: string): void {
        this.holding.add(method);
    }

    /** Resolves every held call of `method`. */
    release(method: string): void {
        this.holding.delete(method);
        for (const r of this.held.get(method) ?? []) r();
        this.held.delete(method);
    }

    private record<T>(method: string, args: unknown[], fallback: T): Promise<T> {
        this.calls.push({ method, args });
        const result = (this.results.get(method) as T | undefined) ?? fallback;
        if (!this.holding.has(method)) return Promise.resolve(result);
        return new Promise<T>((resolve) => {
            const list = this.held.get(method) ?? [];
            list.push(() => resolve(result));
            this.held.set(method, list);
        });
    }

    getState(): ConsoleState {
        return this.state;
    }
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }
    start(): Promise<CommandResult> {
        return this.record('start', [], OK);
    }
    stop(): Promise<void> {
        this.calls.push({ method: 'stop', args: [] });
        return Promise.resolve();
    }
    loginToSkill(skillId: string): Promise<CommandResult> {
        return this.record('loginToSkill', [skillId], OK);
    }
    logout(): Promise<CommandResult> {
        return this.record('logout', [], OK);
    }
    setAvailable(): Promise<CommandResult> {
        return this.record('setAvailable', [], OK);
    }
    setUnavailable(codeId: string): Promise<CommandResult> {
        return this.record('setUnavailable', [codeId], OK);
    }
    acceptPreview(): Promise<CommandResult> {
        return this.record('acceptPreview', [], OK);
    }
    requeuePreview(): Promise<CommandResult> {
        return this.record('requeuePreview', [], OK);
    }
    snoozePreview(): Promise<CommandResult> {
        return this.record('snoozePreview', [], OK);
    }
    setRescheduling(open: boolean): void {
        this.calls.push({ method: 'setRescheduling', args: [open] });
    }
    validateReschedule(draft: RescheduleDraft): RescheduleValidation {
        this.calls.push({ method: 'validateReschedule', args: [draft] });
        return this.validation ?? { ok: false, errors: [], warnings: [] };
    }
    reschedulePreview(
        draft: RescheduleDraft,
        choice?: ComplianceChoice
    ): Promise<RescheduleValidation | CommandResult> {
        const args = choice ? [draft, choice] : [draft];
        return this.record<RescheduleValidation | CommandResult>('reschedulePreview', args, OK);
    }
    confirmCompliance(errorId: string): Promise<CommandResult> {
        return this.record('confirmCompliance', [errorId], OK);
    }
    dispositionPreview(dispositionId: string, notes: string): Promise<CommandResult> {
        return this.record('dispositionPreview', [dispositionId, notes], OK);
    }
    retryPreview(): Promise<CommandResult> {
        return this.record('retryPreview', [], OK);
    }
    dial(request: AgentDialRequest): Promise<CommandResult> {
        return this.record('dial', [request], OK);
    }

    dropVoicemail(callId: string): Promise<CommandResult> {
        return this.record('dropVoicemail', [callId], OK);
    }

    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult> {
        return this.record('overrideMachine', [callId, kind], OK);
    }
    hold(callId: string): Promise<CommandResult> {
        return this.record('hold', [callId], OK);
    }
    resume(callId: string): Promise<CommandResult> {
        return this.record('resume', [callId], OK);
    }
    mute(callId: string): Promise<CommandResult> {
        return this.record('mute', [callId], OK);
    }
    unmute(callId: string): Promise<CommandResult> {
        return this.record('unmute', [callId], OK);
    }
    endCall(callId: string): Promise<CommandResult> {
        return this.record('endCall', [callId], OK);
    }
    transfer(callId: string, target: { kind: TransferTargetKind; value: string }): Promise<CommandResult> {
        return this.record('transfer', [callId, target], OK);
    }
    saveDisposition(callId: string, dispositionId: string, notes: string): Promise<CommandResult> {
        return this.record('saveDisposition', [callId, dispositionId, notes], OK);
    }
    draftNotes(callId: string, notes: string): void {
        this.calls.push({ method: 'draftNotes', args: [callId, notes] });
    }
    dismissMarquee(): void {
        this.calls.push({ method: 'dismissMarquee', args: [] });
    }
    dismissError(errorId: string): void {
        this.calls.push({ method: 'dismissError', args: [errorId] });
    }
    signIn(): Promise<CommandResult> {
        return this.record('signIn', [], OK);
    }
    rescheduleDraftFor(agentTimeZone: string): RescheduleDraft | null {
        this.calls.push({ method: 'rescheduleDraftFor', args: [agentTimeZone] });
        return this.draft;
    }
}
