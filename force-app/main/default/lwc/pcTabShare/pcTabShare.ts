/**
 * Tab sharing for any DialerAdapter (BX-2): of the agent's console tabs, one (the leader, chosen by a
 * TabLeadership) runs the real adapter; the others mirror what it reports and forward their commands
 * to it. The leader checks every forwarded command as the console checks a click before running it.
 * What crosses the channel is ids and states (see ./wire); a follower shows lines and statuses, the
 * leading tab the contact. When the leader closes, a follower takes over by connecting the adapter
 * itself (CXone rejoins the agent's session; the simulated dialer starts its own).
 */
import { DIALER_EVENT_NAMES, DialerError, DialerEvents, systemClock } from 'c/pcDialerPort';
import type {
    Clock,
    DialerAdapter,
    DialerEventHandler,
    DialerEventMap,
    DialerEventName,
    SessionInfo
} from 'c/pcDialerPort';
import { AgentStatus, ConnectionStatus } from 'c/pcModel';
import type {
    AgentState,
    AttemptsHistory,
    Call,
    Callback,
    ConnectionState,
    DialerCapabilities,
    Disposition,
    MachineOverride,
    Preview,
    RescheduleRequest,
    Skill,
    TransferTarget,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';
import { browserTabLeader } from 'c/pcTabLeader';
import type { TabLeadership } from 'c/pcTabLeader';
import { refusal } from './rules';
import { bareEvent, bareSession, errorFrom, isEventName, isEventPayload, parseCommand } from './wire';
import type { CommandArgs, CommandMessage, CommandName, CommandResult, Commands, TabMessage } from './wire';

export { parseCommand } from './wire';
export type { TabMessage } from './wire';

/** How a shared dialer is built. */
export interface TabShareOptions {
    readonly clock?: Clock;
    /** How long a follower waits for the leader's answer to a command. */
    readonly commandTimeoutMs?: number;
    /** How long a new follower waits for the leader's snapshot. */
    readonly snapshotTimeoutMs?: number;
    /** Attempts of a takeover whose connect fails retryably. */
    readonly takeoverAttempts?: number;
}

const LOGGED_OUT: AgentState = {
    status: AgentStatus.LoggedOut,
    skillId: null,
    skillName: null,
    unavailableCode: null,
    pending: null,
    since: 0
};

interface Forwarded {
    readonly resolve: (value: unknown) => void;
    readonly reject: (error: DialerError) => void;
    readonly cancelTimer: () => void;
}

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null;

/** A DialerAdapter shared by the agent's tabs; wraps the adapter the composition root chose. */
export class SharedDialer implements DialerAdapter {
    /** The wrapped adapter's name. */
    readonly name: string;

    private readonly events = new DialerEvents();
    private readonly clock: Clock;
    private readonly commandTimeoutMs: number;
    private readonly snapshotTimeoutMs: number;
    private readonly takeoverAttempts: number;
    private subs: Unsubscribe[] = [];
    private innerSubs: Unsubscribe[] = [];
    private innerConnected = false;
    private caps: DialerCapabilities;
    /** What the wrapped adapter (leader) or the leader's mirror (follower) last reported. */
    private agent: AgentState = LOGGED_OUT;
    private readonly calls = new Map<string, Call>();
    private openPreview: Preview | null = null;
    private readonly forwarded = new Map<string, Forwarded>();
    private snapshotWaiter: ((info: SessionInfo) => void) | null = null;
    private seq = 0;
    private stopped = true;
    /** While taking over: ids the adapter reported itself, and its own give-ups (the takeover retries). */
    private takeover: Set<string> | null = null;
    /** The ids of the session the leader reported, for snapshots. */
    private session = { sessionId: '', agentId: '' };

    constructor(
        private readonly inner: DialerAdapter,
        private readonly leader: TabLeadership,
        options: TabShareOptions = {}
    ) {
        this.name = inner.name;
        this.clock = options.clock ?? systemClock;
        this.commandTimeoutMs = options.commandTimeoutMs ?? 30_000;
        this.snapshotTimeoutMs = options.snapshotTimeoutMs ?? 2_000;
        this.takeoverAttempts = options.takeoverAttempts ?? 20;
        this.caps = inner.capabilities();
    }

    /** The wrapped adapter's capabilities; a follower's lack Attempts History, which stays with the contact. */
    capabilities(): DialerCapabilities {
        return this.leader.isLeader() ? this.inner.capabilities() : { ...this.caps, attemptsHistory: false };
    }

    /** Subscribes to an event; returns the unsubscribe. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        return this.events.on(type, handler);
    }

    /** Joins the election; the leader connects the adapter, a follower asks the leader for a snapshot. */
    async connect(): Promise<SessionInfo> {
        this.stopped = false;
        if (this.subs.length === 0) {
            this.subs.push(
                this.leader.onChange((leading) => this.onRoleChange(leading)),
                this.leader.onMessage((data, from) => this.onMessage(data, from))
            );
        }
        const leading = await this.leader.start();
        return leading ? this.connectInner() : this.connectFollower();
    }

    /** Leaves the election (a leader hands over at once) and disconnects the adapter. */
    async disconnect(): Promise<void> {
        this.stopped = true;
        for (const unsubscribe of this.subs) unsubscribe();
        this.subs = [];
        this.failForwarded(new DialerError('NotConnected', 'adapter disconnected', true));
        // The adapter stops first (its poll is cancelled), then the next tab is handed the session.
        const stopping = this.disconnectInner();
        this.leader.stop();
        await stopping;
        this.emitLocal('connection', {
            status: ConnectionStatus.Disconnected,
            detail: 'disconnected',
            attempt: 0,
            nextRetryAt: null
        });
    }

    // The leader -------------------------------------------------------------------------------

    private async connectInner(): Promise<SessionInfo> {
        if (this.innerSubs.length === 0) {
            this.innerSubs = DIALER_EVENT_NAMES.map((type) =>
                this.inner.on(type, (event) => this.fromInner(type, event))
            );
        }
        const info = await this.inner.connect();
        this.innerConnected = true;
        this.session = { sessionId: info.sessionId, agentId: info.agentId };
        this.caps = this.inner.capabilities();
        this.agent = info.agent;
        this.calls.clear();
        for (const call of info.calls) this.calls.set(call.id, call);
        this.openPreview = info.preview;
        this.post({ k: 'snap', info: bareSession(info), caps: this.caps });
        return info;
    }

    private async disconnectInner(): Promise<void> {
        for (const unsubscribe of this.innerSubs) unsubscribe();
        this.innerSubs = [];
        if (this.innerConnected) {
            this.innerConnected = false;
            await this.inner.disconnect();
        }
    }

    private fromInner<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        if (this.takeover) {
            if (type === 'connection' && (event as ConnectionState).status === ConnectionStatus.Failed) return;
            if (type === 'callUpdated') this.takeover.add((event as Call).id);
            if (type === 'previewOffered') this.takeover.add((event as Preview).id);
        }
        this.track(type, event);
        this.events.emit(type, event);
        const bare = bareEvent(type, event);
        if (bare !== null) this.post({ k: 'ev', type, event: bare });
    }

    /** Runs a command another tab forwarded, once a click's checks pass. */
    private async serve(command: CommandMessage, from: string): Promise<void> {
        const reply = (body: { ok: boolean; value?: unknown; error?: DialerError }): void => {
            const error = body.error
                ? { code: body.error.code, message: body.error.message, retryable: body.error.retryable }
                : undefined;
            this.post({ k: 'res', id: command.id, to: from, ok: body.ok, value: body.value, error });
        };
        const refused = refusal(this.leaderView, command);
        if (refused) {
            reply({ ok: false, error: refused });
            return;
        }
        try {
            const value = await this.runInner(command);
            reply({ ok: true, value: redactResult(command.method, value) });
        } catch (e) {
            reply({
                ok: false,
                error: e instanceof DialerError ? e : new DialerError('Unknown', 'command failed', true)
            });
        }
    }

    /** Calls the wrapped adapter's method of the same name with the same (checked) arguments. */
    private runInner(command: CommandMessage): Promise<unknown> {
        const method = this.inner[command.method] as (...args: readonly unknown[]) => Promise<unknown>;
        return method.apply(this.inner, command.args);
    }

    private readonly leaderView = {
        call: (callId: string): Call | null => this.calls.get(callId) ?? null,
        preview: (): Preview | null => this.openPreview,
        capabilities: (): DialerCapabilities => this.inner.capabilities()
    };

    // A follower -------------------------------------------------------------------------------

    private async connectFollower(): Promise<SessionInfo> {
        this.mirroring('another tab drives the dialer session');
        const info = await new Promise<SessionInfo | null>((resolve) => {
            const cancel = this.clock.schedule(this.snapshotTimeoutMs, () => {
                this.snapshotWaiter = null;
                resolve(null);
            });
            this.snapshotWaiter = (snapshot) => {
                cancel();
                resolve(snapshot);
            };
            this.post({ k: 'snap?' });
        });
        return (
            info ?? {
                ...this.session,
                joined: true,
                agent: this.agent,
                calls: [...this.calls.values()],
                preview: this.openPreview
            }
        );
    }

    private mirroring(detail: string, attempt = 0, nextRetryAt: number | null = null): void {
        this.emitLocal('connection', { status: ConnectionStatus.Mirroring, detail, attempt, nextRetryAt });
    }

    private command<K extends CommandName>(method: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
        if (this.stopped) return Promise.reject(new DialerError('NotConnected', 'not connected', true));
        if (this.leader.isLeader()) {
            const fn = this.inner[method] as (...a: CommandArgs<K>) => Promise<CommandResult<K>>;
            return fn.apply(this.inner, args);
        }
        this.seq += 1;
        const id = `${this.leader.tabId}-${this.seq}`;
        return new Promise<CommandResult<K>>((resolve, reject) => {
            const cancelTimer = this.clock.schedule(this.commandTimeoutMs, () => {
                this.forwarded.delete(id);
                reject(new DialerError('Timeout', 'the leading tab did not answer; outcome unknown', true));
            });
            this.forwarded.set(id, { resolve: (v) => resolve(v as CommandResult<K>), reject, cancelTimer });
            this.post({ k: 'cmd', id, method, args } as CommandMessage);
        });
    }

    private failForwarded(error: DialerError): void {
        for (const [id, entry] of this.forwarded) {
            entry.cancelTimer();
            entry.reject(error);
            this.forwarded.delete(id);
        }
    }

    // Both -------------------------------------------------------------------------------------

    private onMessage(data: unknown, from: string): void {
        if (!isObject(data) || typeof data.k !== 'string') return;
        if (this.leader.isLeader()) {
            if (data.k === 'snap?' && this.innerConnected) {
                this.post({
                    k: 'snap',
                    info: bareSession({
                        ...this.session,
                        joined: true,
                        agent: this.agent,
                        calls: [...this.calls.values()],
                        preview: this.openPreview
                    }),
                    caps: this.caps
                });
            } else if (data.k === 'cmd') {
                const command = parseCommand(data);
                if (!command) {
                    const id = typeof data.id === 'string' ? data.id : '';
                    this.post({
                        k: 'res',
                        id,
                        to: from,
                        ok: false,
                        error: { code: 'Rejected', message: 'unknown command or arguments', retryable: false }
                    });
                    return;
                }
                this.serve(command, from).catch(() => undefined);
            }
            return;
        }
        if (data.k === 'ev' && isEventName(data.type) && isEventPayload(data.event)) {
            this.mirrorEvent(data.type, data.event);
        } else if (data.k === 'snap' && isObject(data.info) && isObject(data.caps)) {
            const info = data.info as unknown as SessionInfo;
            this.caps = data.caps as unknown as DialerCapabilities;
            this.session = { sessionId: String(info.sessionId), agentId: String(info.agentId) };
            const waiter = this.snapshotWaiter;
            this.snapshotWaiter = null;
            // The snapshot this tab waited for answers connect(); any later one (the leader connected only
            // after this tab stopped waiting, e.g. while the agent signed in) is news the console must see.
            if (waiter) {
                this.replaceMirror(info);
                waiter(info);
            } else if (!this.stopped) {
                this.applySnapshot(info);
            }
        } else if (data.k === 'res' && data.to === this.leader.tabId && typeof data.id === 'string') {
            const entry = this.forwarded.get(data.id);
            if (!entry) return;
            this.forwarded.delete(data.id);
            entry.cancelTimer();
            if (data.ok === true) entry.resolve(data.value);
            else entry.reject(errorFrom(data.error));
        }
    }

    private replaceMirror(info: SessionInfo): void {
        this.agent = info.agent;
        this.calls.clear();
        for (const call of info.calls) this.calls.set(call.id, call);
        this.openPreview = info.preview;
    }

    /** A snapshot after connect: what differs from the mirror is told as the events that would have said it. */
    private applySnapshot(info: SessionInfo): void {
        const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
        const before = { agent: this.agent, calls: new Map(this.calls), preview: this.openPreview };
        this.replaceMirror(info);
        if (!same(before.agent, info.agent)) this.events.emit('agentState', info.agent);
        for (const id of before.calls.keys()) {
            if (!this.calls.has(id)) this.events.emit('callRemoved', { callId: id });
        }
        for (const call of info.calls)
            if (!same(before.calls.get(call.id), call)) this.events.emit('callUpdated', call);
        if (before.preview && before.preview.id !== info.preview?.id) {
            this.events.emit('previewClosed', { previewId: before.preview.id, reason: 'Withdrawn' });
        }
        if (info.preview && before.preview?.id !== info.preview.id) this.events.emit('previewOffered', info.preview);
    }

    private mirrorEvent(type: DialerEventName, event: unknown): void {
        if (type === 'error') {
            this.events.emit('error', errorFrom(event));
            return;
        }
        if (type === 'connection') {
            const c = event as ConnectionState;
            if (c.status === ConnectionStatus.Mirroring) return;
            this.mirroring(`the leading tab is ${String(c.status)}: ${String(c.detail)}`, c.attempt, c.nextRetryAt);
            return;
        }
        this.track(type, event as never);
        this.events.emit(type, event as never);
    }

    private track<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        if (type === 'agentState') this.agent = event as AgentState;
        else if (type === 'callUpdated') this.calls.set((event as Call).id, event as Call);
        else if (type === 'callRemoved' || type === 'callRouted')
            this.calls.delete((event as { callId: string }).callId);
        else if (type === 'previewOffered') this.openPreview = event as Preview;
        else if (type === 'previewClosed' && this.openPreview?.id === (event as { previewId: string }).previewId)
            this.openPreview = null;
    }

    private emitLocal<K extends DialerEventName>(type: K, event: DialerEventMap[K]): void {
        this.events.emit(type, event);
    }

    private post(message: TabMessage): void {
        this.leader.post(message);
    }

    private onRoleChange(leading: boolean): void {
        if (this.stopped) return;
        if (leading) {
            this.failForwarded(
                new DialerError('Network', 'the leading tab closed; outcome unknown, check and retry', true)
            );
            this.takeOver().catch((e: unknown) =>
                this.events.emit('error', e instanceof DialerError ? e : new DialerError('Unknown', 'takeover failed'))
            );
        } else {
            this.disconnectInner().catch(() => undefined);
            this.mirroring('another tab drives the dialer session');
        }
    }

    /** Becomes the driving tab: connects the adapter, retrying a network failure with back-off. */
    private async takeOver(): Promise<void> {
        const mirrored = new Set(this.calls.keys());
        const mirroredPreview = this.openPreview?.id ?? null;
        this.takeover = new Set();
        try {
            await this.takeOverTries(mirrored, mirroredPreview);
        } finally {
            this.takeover = null;
        }
    }

    private async takeOverTries(mirrored: ReadonlySet<string>, mirroredPreview: string | null): Promise<void> {
        for (let attempt = 1; attempt <= this.takeoverAttempts; attempt += 1) {
            if (!this.leader.isLeader() || this.stopped) return;
            try {
                // Each try must finish before the next: never two session joins at once.
                // eslint-disable-next-line no-await-in-loop
                const info = await this.connectInner();
                this.reconcile(info, mirrored, mirroredPreview);
                return;
            } catch (e) {
                const error = e instanceof DialerError ? e : new DialerError('Unknown', 'takeover failed', true);
                if (!error.retryable) throw error;
                const delay = Math.min(30_000, 500 * 2 ** (attempt - 1));
                this.emitLocal('connection', {
                    status: ConnectionStatus.Reconnecting,
                    detail: `${error.code}: taking over the session, retrying in ${Math.ceil(delay / 1000)} s`,
                    attempt,
                    nextRetryAt: this.clock.now() + delay
                });
                // eslint-disable-next-line no-await-in-loop
                await new Promise<void>((resolve) => {
                    this.clock.schedule(delay, resolve);
                });
            }
        }
        this.emitLocal('connection', {
            status: ConnectionStatus.Failed,
            detail: `could not take over the dialer session after ${this.takeoverAttempts} attempts; reconnect`,
            attempt: 0,
            nextRetryAt: null
        });
    }

    /** After a takeover: the adapter's own view replaces the mirror (with the contacts the mirror lacked). */
    private reconcile(info: SessionInfo, mirrored: ReadonlySet<string>, mirroredPreview: string | null): void {
        // What the adapter reported while connecting is not said twice.
        const told = this.takeover ?? new Set<string>();
        this.events.emit('agentState', info.agent);
        for (const call of info.calls) if (!told.has(call.id)) this.events.emit('callUpdated', call);
        if (info.preview && !told.has(info.preview.id)) this.events.emit('previewOffered', info.preview);
        // Where the adapter still rebuilds its state (a join that replays nothing), keep the mirror.
        if (info.calls.length === 0 && info.preview === null && info.agent.status === AgentStatus.LoggedOut) return;
        for (const id of mirrored)
            if (!info.calls.some((c) => c.id === id)) this.events.emit('callRemoved', { callId: id });
        if (mirroredPreview && info.preview?.id !== mirroredPreview)
            this.events.emit('previewClosed', { previewId: mirroredPreview, reason: 'Withdrawn' });
    }

    // The port ---------------------------------------------------------------------------------

    /** The agent's skills (AV-2). */
    listSkills(): Promise<readonly Skill[]> {
        return this.command('listSkills', []);
    }

    /** The unavailable codes (AV-4). */
    listUnavailableCodes(): Promise<readonly UnavailableCode[]> {
        return this.command('listUnavailableCodes', []);
    }

    /** A skill's dispositions. */
    listDispositions(skillId: string): Promise<readonly Disposition[]> {
        return this.command('listDispositions', [skillId]);
    }

    /** Logs in to a skill (AV-2). */
    loginToSkill(skillId: string): Promise<void> {
        return this.command('loginToSkill', [skillId]);
    }

    /** Logs out (AV-3). */
    logout(): Promise<void> {
        return this.command('logout', []);
    }

    /** Available. */
    setAvailable(): Promise<void> {
        return this.command('setAvailable', []);
    }

    /** Unavailable with a code (AV-4). */
    setUnavailable(codeId: string): Promise<void> {
        return this.command('setUnavailable', [codeId]);
    }

    /** Accept (PV-2). */
    acceptPreview(previewId: string): Promise<void> {
        return this.command('acceptPreview', [previewId]);
    }

    /** Requeue (PV-3). */
    requeuePreview(previewId: string): Promise<void> {
        return this.command('requeuePreview', [previewId]);
    }

    /** Snooze (PV-5). */
    snoozePreview(previewId: string): Promise<void> {
        return this.command('snoozePreview', [previewId]);
    }

    /** Reschedule (RS-1). */
    reschedulePreview(previewId: string, request: RescheduleRequest): Promise<Callback> {
        return this.command('reschedulePreview', [previewId, request]).then((callback) => {
            // A follower gets the callback without its contact; what the agent typed is filled back in.
            if (this.leader.isLeader()) return callback;
            return { ...callback, number: request.number, notes: request.notes };
        });
    }

    /** A disposition without dialing (BX-7). */
    dispositionPreview(previewId: string, dispositionId: string, notes: string): Promise<void> {
        return this.command('dispositionPreview', [previewId, dispositionId, notes]);
    }

    /** A machine override (AM-1). */
    overrideMachine(callId: string, kind: MachineOverride): Promise<void> {
        return this.command('overrideMachine', [callId, kind]);
    }

    /** Hold (CL-4). */
    hold(callId: string): Promise<void> {
        return this.command('hold', [callId]);
    }

    /** Resume (CL-4). */
    resume(callId: string): Promise<void> {
        return this.command('resume', [callId]);
    }

    /** Mute (CL-4). */
    mute(callId: string): Promise<void> {
        return this.command('mute', [callId]);
    }

    /** Unmute (CL-4). */
    unmute(callId: string): Promise<void> {
        return this.command('unmute', [callId]);
    }

    /** End (CL-4). */
    endCall(callId: string): Promise<void> {
        return this.command('endCall', [callId]);
    }

    /** Transfer (CL-4). */
    transfer(callId: string, target: TransferTarget): Promise<void> {
        return this.command('transfer', [callId, target]);
    }

    /** Disposition of an Ended call (CL-4). */
    disposition(callId: string, dispositionId: string, notes: string): Promise<void> {
        return this.command('disposition', [callId, dispositionId, notes]);
    }

    /** Attempts History (SP-2): contact data, shown in the leading tab only. */
    getAttemptsHistory(recordId: string): Promise<AttemptsHistory> {
        if (!this.stopped && !this.leader.isLeader())
            return Promise.reject(new DialerError('Unsupported', 'Attempts History is shown in the leading tab'));
        return this.command('getAttemptsHistory', [recordId]);
    }
}

/** A command's result as it may cross the channel: a callback without its contact's name and number. */
function redactResult(method: keyof Commands, value: unknown): unknown {
    if (method === 'reschedulePreview' && isObject(value)) return { ...value, contactName: '', number: '', notes: '' };
    return value;
}

/**
 * Shares an adapter between the agent's console tabs in this browser (one election per `name`); where the
 * browser has no BroadcastChannel the adapter is returned as it is.
 */
export function shareInBrowser(adapter: DialerAdapter, name: string): DialerAdapter {
    const leader = browserTabLeader(name);
    if (!leader) return adapter;
    if (typeof window !== 'undefined') {
        // A closing tab hands over at once instead of waiting for its lease to lapse.
        window.addEventListener('pagehide', () => leader.stop());
    }
    return new SharedDialer(adapter, leader);
}
