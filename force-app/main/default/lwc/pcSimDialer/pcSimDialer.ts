/**
 * The simulated Personal Connection dialer: the product's embedded default DialerAdapter. A real,
 * stateful and deterministic dialer on a virtual clock: a seeded calling list, skills, preview and
 * progressive dialing on up to three lines, machine detection, routed extra answers, callbacks, and
 * a control surface (`control`) for tests and the local console's simulator panel.
 */
import { DialerError, DialerEvents } from 'c/pcDialerPort';
import type {
    CallbackGate,
    DialerAdapter,
    DialerEventHandler,
    DialerEventMap,
    DialerEventName,
    PreviewClosedReason,
    SessionInfo
} from 'c/pcDialerPort';
import { AgentStatus, isDeliverTo, isMachineOverride, OVERRIDABLE_STATUSES } from 'c/pcModel';
import type {
    AgentDialRequest,
    AgentMessage,
    AgentState,
    AttemptsHistory,
    Callback,
    ConnectionState,
    DialerCapabilities,
    Disposition,
    ErrorCode,
    Instant,
    MachineOverride,
    MessageKind,
    Outcome,
    PendingAgentChange,
    Preview,
    PreviewAction,
    PreviewTimeoutAction,
    RescheduleRequest,
    Skill,
    TransferTarget,
    UnavailableCode,
    Unsubscribe
} from 'c/pcModel';
import { VirtualClock } from 'c/pcVirtualClock';
import {
    DEFAULT_CAPABILITIES,
    PC_SKILLS,
    SIM_SKILLS,
    SIM_UNAVAILABLE_CODES,
    SKILL_SHARE,
    dispositionsFor,
    VOICEMAIL_MESSAGES
} from './catalog';
import {
    addAttempt,
    applyOutcome,
    attemptsHistory,
    callbackDestination,
    generateCallingList,
    nextDial,
    unavailableReason
} from './callingList';
import type { SimAttempt, SimDestination, SimRecord } from './callingList';
import { callingListFromContacts } from './orgList';
import { isForcedOutcome } from './callPlan';
import { CallbackDesk } from './callbackDesk';
import type { DeskHost, SimCallback } from './callbackDesk';
import { CallFloor } from './callFloor';
import type { FloorHost } from './callFloor';
import { EventLog } from './eventLog';
import { E164, fail, serial } from './rules';
import type { SimulatedDialerOptions, SimulatorControl } from './simTypes';
import { MinHeap } from 'c/pcVirtualClock';
import { Rng } from './prng';
import { RecordQueue } from './recordQueue';
import type { SimCall } from './simCall';

export type { ForcedOutcome } from './callPlan';
export { FORCED_OUTCOMES, isForcedOutcome } from './callPlan';
export { SIM_SKILLS, SIM_UNAVAILABLE_CODES, PC_SKILLS, dispositionsFor, DEFAULT_CAPABILITIES } from './catalog';
export { MAX_AMD } from './callingList';
export type { SimulatedDialerOptions, SimulatorControl, SimulatorView } from './simTypes';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Pauses of the simulated dialer between deliveries, in virtual ms. */
const FIRST_DELIVERY_MS = 1500;
const NEXT_PREVIEW_MS = 1200;
const NEXT_CALL_MS = 800;
const STAGGER_MS = 600;
/** A record rests this long after an attempt before it is offered again. */
const RECORD_REST_MS = 10 * MINUTE;

interface SimPreview {
    readonly preview: Preview;
    readonly rec: SimRecord;
    readonly dest: SimDestination;
    cancelTimeout: (() => void) | null;
}

/** The simulated dialer behind the DialerAdapter port. */
export class SimulatedDialer implements DialerAdapter {
    readonly name = 'simulated';
    /** The control surface for tests and the simulator panel. */
    readonly control: SimulatorControl;

    private readonly clock: VirtualClock;
    private readonly events = new DialerEvents();
    private readonly log: EventLog;
    private readonly rng: Rng;
    private readonly caps: DialerCapabilities;
    private readonly seed: number;
    private readonly agentId: string;
    private readonly contactHangsUp: boolean;
    private readonly floor: CallFloor;
    private readonly snoozeMs: number;

    private readonly records: SimRecord[];
    private readonly byId = new Map<string, SimRecord>();
    private readonly queues = new Map<string, RecordQueue>();
    /** The agent's personal queue: snoozed records by the instant they come back. */
    private readonly personal = new MinHeap<SimRecord>();

    private lines: number;
    private previewMode: boolean;
    private previewTimeoutSeconds: number | null;
    private previewTimeoutAction: PreviewTimeoutAction;
    private latencyMs: number;
    private otherAgentsAvailable: boolean;
    private failNext: ErrorCode | null = null;

    private connected = false;
    private sessionStarted = false;
    private agent: AgentState;
    private pendingCode: UnavailableCode | null = null;
    private current: SimPreview | null = null;
    private readonly desk: CallbackDesk;
    /** The console's check before a callback rings (CP-1); null when no console asked to be asked. */
    private callbackGate: CallbackGate | null = null;

    private pendingChange: PendingAgentChange | null = null;
    private deliveryAt: Instant | null = null;
    private cancelDelivery: (() => void) | null = null;
    private previewSerial = 0;
    private messageSerial = 0;

    constructor(options: SimulatedDialerOptions) {
        if (!Number.isFinite(options.seed)) throw new RangeError('SimulatedDialer needs a numeric seed');
        this.seed = options.seed;
        this.clock = options.clock ?? new VirtualClock({ startAt: options.startAt });
        if (options.startAt !== undefined && this.clock.now() < options.startAt) this.clock.advanceTo(options.startAt);
        const epoch = this.clock.now();
        this.caps = Object.freeze({ ...DEFAULT_CAPABILITIES, ...(options.capabilities ?? {}) });
        this.lines = this.checkLines(options.lines ?? 1);
        this.previewMode = options.preview ?? true;
        this.previewTimeoutSeconds = this.checkTimeout(options.previewTimeoutSeconds ?? null);
        this.previewTimeoutAction = options.previewTimeoutAction ?? 'Requeue';
        this.latencyMs = this.checkLatency(options.latencyMs ?? 150);
        this.otherAgentsAvailable = options.otherAgentsAvailable ?? true;
        this.contactHangsUp = options.contactHangsUp ?? true;
        this.snoozeMs = Math.max(0, options.snoozeMinutes ?? 5) * MINUTE;
        this.agentId = options.agentId ?? 'agent-1001';
        this.log = new EventLog(options.recordEvents ?? true, options.eventLogLimit ?? 50_000, epoch);

        const root = new Rng(options.seed);
        const listRng = root.fork();
        this.rng = root.fork();
        const count = Math.max(1, Math.floor(options.recordCount ?? 1500));
        const skillIds = PC_SKILLS.map((s) => s.id);
        const fromOrg = options.contacts?.length
            ? callingListFromContacts(listRng, options.contacts, epoch, skillIds)
            : [];
        this.records = fromOrg.length ? fromOrg : generateCallingList(listRng, count, epoch, skillIds, SKILL_SHARE);
        for (const skill of PC_SKILLS) this.queues.set(skill.id, new RecordQueue());
        for (const rec of this.records) {
            this.byId.set(rec.id, rec);
            this.queues.get(rec.skillId)?.pushReady(rec.id);
        }
        this.agent = this.makeAgent('LoggedOut', null, null, null);
        this.floor = new CallFloor(this.floorHost());
        this.desk = new CallbackDesk(this.deskHost());
        this.control = this.makeControl();
    }

    // -----------------------------------------------------------------------------------------
    // The port
    // -----------------------------------------------------------------------------------------

    /** What the simulated dialer offers. */
    capabilities(): DialerCapabilities {
        return this.caps;
    }

    /** Adds an event handler; returns its unsubscribe. */
    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): Unsubscribe {
        return this.events.on(type, handler);
    }

    /** Starts the session, or joins it again after a disconnect (BX-2). */
    connect(): Promise<SessionInfo> {
        const failure = this.takeFailure();
        if (!this.connected) {
            this.connected = true;
            this.emitConnection('Connecting', '');
        }
        return this.later(
            'connect',
            failure,
            () => {
                const joined = this.sessionStarted;
                this.sessionStarted = true;
                this.emitConnection('Connected', '');
                this.emit('skills', SIM_SKILLS);
                return Object.freeze({
                    sessionId: `sim-session-${this.seed}`,
                    agentId: this.agentId,
                    joined,
                    agent: this.agent,
                    calls: this.floor.snapshot(),
                    preview: this.current?.preview ?? null
                });
            },
            () => {
                this.emitConnection('Failed', 'simulated connection failure');
                this.connected = false;
            }
        );
    }

    /** Stops events to this adapter; the dialer keeps the agent's session (BX-2). */
    disconnect(): Promise<void> {
        if (this.connected) {
            this.emitConnection('Disconnected', '');
            this.connected = false;
        }
        return Promise.resolve();
    }

    listSkills(): Promise<readonly Skill[]> {
        return this.command('listSkills', () => SIM_SKILLS);
    }

    listUnavailableCodes(): Promise<readonly UnavailableCode[]> {
        return this.command('listUnavailableCodes', () => SIM_UNAVAILABLE_CODES);
    }

    listDispositions(skillId: string): Promise<readonly Disposition[]> {
        return this.command(
            'listDispositions',
            () => dispositionsFor(skillId) ?? fail('NotFound', 'listDispositions: unknown skill')
        );
    }

    /** Works a Personal Connection skill; delivery starts (AV-2). */
    loginToSkill(skillId: string): Promise<void> {
        return this.command('loginToSkill', () => {
            const skill = SIM_SKILLS.find((s) => s.id === skillId) ?? fail('NotFound', 'loginToSkill: unknown skill');
            if (!skill.isPersonalConnection) fail('InvalidState', 'loginToSkill: not a Personal Connection skill');
            if (this.agent.pending === 'Logout') fail('InvalidState', 'loginToSkill: a logout is pending');
            if (this.agent.status === 'Working' && this.agent.skillId === skillId) return;
            if (this.floor.size > 0 || this.current) fail('InvalidState', 'loginToSkill: calls in progress');
            this.pendingCode = null;
            this.pendingChange = null;
            this.setAgent(this.makeAgent('Working', skill, null, null));
            this.scheduleDelivery(FIRST_DELIVERY_MS);
        });
    }

    /** Logs out of the dialer; a call in progress finishes first (AV-3). */
    logout(): Promise<void> {
        return this.command('logout', () => {
            if (this.agent.status === 'LoggedOut') fail('InvalidState', 'logout: already logged out');
            this.requestChange('Logout');
        });
    }

    /** Back to work on the skill, or Available when no skill is worked. */
    setAvailable(): Promise<void> {
        return this.command('setAvailable', () => {
            if (this.agent.pending === 'Logout') fail('InvalidState', 'setAvailable: a logout is pending');
            const skill = SIM_SKILLS.find((s) => s.id === this.agent.skillId) ?? null;
            if (this.agent.status === 'Working' && this.agent.pending === null) return;
            if (this.agent.status === 'Available' && skill === null) return;
            this.pendingCode = null;
            this.pendingChange = null;
            this.setAgent(this.makeAgent(skill ? 'Working' : 'Available', skill, null, null));
            if (skill) this.scheduleDelivery(NEXT_PREVIEW_MS);
        });
    }

    /** Pauses deliveries after the current call (AV-4). */
    setUnavailable(codeId: string): Promise<void> {
        return this.command('setUnavailable', () => {
            const code =
                SIM_UNAVAILABLE_CODES.find((c) => c.id === codeId) ?? fail('NotFound', 'setUnavailable: unknown code');
            if (this.agent.pending === 'Logout') fail('InvalidState', 'setUnavailable: a logout is pending');
            this.pendingCode = code;
            this.requestChange('Unavailable');
        });
    }

    /** PV-2: the dialer places the call. */
    acceptPreview(previewId: string): Promise<void> {
        return this.command('acceptPreview', () => {
            const p = this.previewFor(previewId, 'Accept', 'acceptPreview');
            this.closePreview('Accepted');
            this.dial(p.rec, p.dest, p.preview.skillId);
        });
    }

    /** PV-3: back to the skill's queue; the destination shows Presented for a while. */
    requeuePreview(previewId: string): Promise<void> {
        return this.command('requeuePreview', () => {
            const p = this.previewFor(previewId, 'Requeue', 'requeuePreview');
            this.requeue(p, 'Requeued');
        });
    }

    /** PV-5: to the agent's personal queue, offered to this agent again later. */
    snoozePreview(previewId: string): Promise<void> {
        return this.command('snoozePreview', () => {
            const p = this.previewFor(previewId, 'Snooze', 'snoozePreview');
            this.closePreview('Snoozed');
            this.recordAttempt(p.rec, p.dest, 'Snoozed');
            p.rec.hold = 'snoozed';
            this.personal.push(this.clock.now() + this.snoozeMs, p.rec);
            this.scheduleDelivery(NEXT_PREVIEW_MS);
        });
    }

    /** PV-4, RS-4: a callback delivered at its instant to this agent or the skill. */
    reschedulePreview(previewId: string, request: RescheduleRequest): Promise<Callback> {
        return this.command('reschedulePreview', () => {
            const p = this.previewFor(previewId, 'Reschedule', 'reschedulePreview');
            const now = this.clock.now();
            if (!request || typeof request.number !== 'string' || !E164.test(request.number)) {
                fail('Rejected', 'reschedulePreview: the number is not E.164');
            }
            if (!isDeliverTo(request.deliverTo)) fail('Rejected', 'reschedulePreview: unknown deliverTo');
            if (!Number.isFinite(request.at) || request.at <= now) {
                fail('Rejected', 'reschedulePreview: the instant is not in the future');
            }
            const known = p.rec.destinations.find((d) => d.kind === 'Phone' && d.value === request.number);
            if (known && (known.dnc || !known.active))
                fail('Rejected', 'reschedulePreview: the number may not be called');
            this.closePreview('Rescheduled');
            this.recordAttempt(p.rec, p.dest, 'Rescheduled');
            // The destination comes back at the callback's instant, not a day later.
            p.dest.retryAt = request.at;
            const callback = this.desk.book(p.rec, request, p.preview.skillId);
            this.scheduleDelivery(NEXT_PREVIEW_MS);
            return callback;
        });
    }

    /** BX-7: records a disposition without dialing. */
    dispositionPreview(previewId: string, dispositionId: string, notes: string): Promise<void> {
        return this.command('dispositionPreview', () => {
            const p = this.previewFor(previewId, 'Disposition', 'dispositionPreview');
            const disposition = this.checkDisposition(p.preview.skillId, dispositionId, notes, 'dispositionPreview');
            this.closePreview('Dispositioned');
            this.recordAttempt(p.rec, p.dest, disposition.outcome);
            this.release(p.rec);
            this.scheduleDelivery(NEXT_PREVIEW_MS);
        });
    }

    /** AM-1, AM-2: closes a Dialing, Ringing or AMD call with the agent's outcome. */
    overrideMachine(callId: string, kind: MachineOverride): Promise<void> {
        return this.command('overrideMachine', () => {
            if (!isMachineOverride(kind)) fail('Rejected', 'overrideMachine: unknown override');
            if (!this.caps.machineOverrides.includes(kind)) fail('Unsupported', `overrideMachine: ${kind} not offered`);
            const call = this.callFor(callId, 'overrideMachine');
            if (!OVERRIDABLE_STATUSES.includes(call.status)) {
                fail('InvalidState', `overrideMachine: call is ${call.status}`);
            }
            this.floor.finishUnanswered(call, kind);
        });
    }

    /**
     * WU-4: an agent-initiated call to a number of the calling list (the simulated tenant knows no other numbers),
     * on the skill worked, when no call is on the agent's lines and no preview waits.
     */
    dialNumber(skillId: string, request: AgentDialRequest): Promise<void> {
        return this.command('dialNumber', () => {
            if (!this.caps.agentDial) fail('Unsupported', 'dialNumber: not offered');
            if (typeof request?.number !== 'string' || !/^\+[1-9]\d{6,14}$/.test(request.number)) {
                fail('Rejected', 'dialNumber: number not E.164');
            }
            if (this.agent.status !== 'Working' || this.agent.skillId !== skillId) {
                fail('InvalidState', 'dialNumber: the agent is not working the skill');
            }
            if (this.floor.snapshot().length > 0 || this.current) fail('InvalidState', 'dialNumber: the agent is busy');
            const byContact = request.contactId
                ? this.records.find((r) => r.record.salesforceId === request.contactId)
                : undefined;
            const rec = byContact ?? this.records.find((r) => r.destinations.some((d) => d.value === request.number));
            const dest = rec?.destinations.find((d) => d.value === request.number);
            if (!rec || !dest) fail('NotFound', 'dialNumber: no record has this number');
            this.dial(rec as SimRecord, dest as SimDestination, skillId);
        });
    }

    /** WU-3: at an answering machine, plays the skill's recorded message and frees the agent at once. */
    dropVoicemail(callId: string): Promise<void> {
        return this.command('dropVoicemail', () => {
            if (!this.caps.voicemailDrop) fail('Unsupported', 'dropVoicemail: not offered');
            const call = this.callFor(callId, 'dropVoicemail');
            if (call.status !== 'AMD') fail('InvalidState', `dropVoicemail: call is ${call.status}`);
            if (!Object.prototype.hasOwnProperty.call(VOICEMAIL_MESSAGES, call.skillId)) {
                fail('NotFound', 'dropVoicemail: the skill has no recorded message');
            }
            this.floor.finishUnanswered(call, 'VoicemailLeft');
        });
    }

    hold(callId: string): Promise<void> {
        return this.command('hold', () => {
            if (!this.caps.hold) fail('Unsupported', 'hold: not offered');
            const call = this.callFor(callId, 'hold');
            if (call.status !== 'Active') fail('InvalidState', `hold: call is ${call.status}`);
            this.floor.setConnectedStatus(call, 'Held');
        });
    }

    resume(callId: string): Promise<void> {
        return this.command('resume', () => {
            if (!this.caps.hold) fail('Unsupported', 'resume: not offered');
            const call = this.callFor(callId, 'resume');
            if (call.status !== 'Held') fail('InvalidState', `resume: call is ${call.status}`);
            this.floor.setConnectedStatus(call, 'Active');
        });
    }

    mute(callId: string): Promise<void> {
        return this.command('mute', () => this.setMuted(callId, true, 'mute'));
    }

    unmute(callId: string): Promise<void> {
        return this.command('unmute', () => this.setMuted(callId, false, 'unmute'));
    }

    /** Ends an Active or Held call; it stays for wrap-up until its disposition (CL-4). */
    endCall(callId: string): Promise<void> {
        return this.command('endCall', () => {
            const call = this.callFor(callId, 'endCall');
            if (call.status !== 'Active' && call.status !== 'Held')
                fail('InvalidState', `endCall: call is ${call.status}`);
            this.floor.endConnected(call);
        });
    }

    /** Transfers an Active or Held call; it leaves the agent for wrap-up (CL-4). */
    transfer(callId: string, target: TransferTarget): Promise<void> {
        return this.command('transfer', () => {
            if (!target || !this.caps.transferKinds.includes(target.kind))
                fail('Unsupported', 'transfer: kind not offered');
            const call = this.callFor(callId, 'transfer');
            if (call.status !== 'Active' && call.status !== 'Held')
                fail('InvalidState', `transfer: call is ${call.status}`);
            if (target.kind === 'Skill' && !SIM_SKILLS.some((s) => s.id === target.value)) {
                fail('NotFound', 'transfer: unknown skill');
            }
            if (target.kind === 'Number' && !E164.test(target.value))
                fail('Rejected', 'transfer: the number is not E.164');
            if (target.kind === 'Agent' && !/^[\w.-]+$/.test(target.value ?? ''))
                fail('Rejected', 'transfer: no agent id');
            this.floor.endConnected(call, 'Transferred');
        });
    }

    /** Records the wrap-up of an Ended call; the call then leaves the set (CL-4). */
    disposition(callId: string, dispositionId: string, notes: string): Promise<void> {
        return this.command('disposition', () => {
            const call = this.callFor(callId, 'disposition');
            if (call.status !== 'Ended') fail('InvalidState', `disposition: call is ${call.status}`);
            const disposition = this.checkDisposition(call.skillId, dispositionId, notes, 'disposition');
            this.floor.wrapUp(call, disposition.outcome);
        });
    }

    getAttemptsHistory(recordId: string): Promise<AttemptsHistory> {
        return this.command('getAttemptsHistory', () => {
            if (!this.caps.attemptsHistory) fail('Unsupported', 'getAttemptsHistory: not supplied');
            const rec = this.byId.get(recordId) ?? fail('NotFound', 'getAttemptsHistory: unknown record');
            return attemptsHistory(rec, this.clock.now());
        });
    }

    // -----------------------------------------------------------------------------------------
    // Commands: latency, injected failures, typed errors
    // -----------------------------------------------------------------------------------------

    private takeFailure(): ErrorCode | null {
        const failure = this.failNext;
        this.failNext = null;
        return failure;
    }

    /** Runs a command once the dialer "received" it: after the latency on the virtual clock. */
    private command<T>(name: string, run: () => T): Promise<T> {
        const failure = this.takeFailure();
        return this.later(name, failure, () => {
            if (!this.connected || !this.sessionStarted) fail('NotConnected', `${name}: not connected`);
            return run();
        });
    }

    private later<T>(name: string, failure: ErrorCode | null, run: () => T, onFailure?: () => void): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const execute = (): void => {
                if (failure) {
                    onFailure?.();
                    reject(new DialerError(failure, `${name}: simulated ${failure} failure`, true));
                    return;
                }
                try {
                    resolve(run());
                } catch (e) {
                    reject(e instanceof DialerError ? e : new DialerError('Unknown', `${name}: ${String(e)}`));
                }
            };
            if (this.latencyMs <= 0) {
                Promise.resolve().then(execute, reject);
            } else {
                this.clock.schedule(this.latencyMs, execute);
            }
        });
    }

    private previewFor(previewId: string, action: PreviewAction, name: string): SimPreview {
        if (!this.caps.previewActions.includes(action)) fail('Unsupported', `${name}: ${action} not offered`);
        const current = this.current;
        if (current && current.preview.id === previewId) return current;
        const n = serial(String(previewId), 'preview-');
        if (n >= 1 && n <= this.previewSerial) fail('InvalidState', `${name}: the preview is closed`);
        return fail('NotFound', `${name}: unknown preview`);
    }

    private callFor(callId: string, name: string): SimCall {
        const call = this.floor.get(callId);
        if (call) return call;
        if (this.floor.issued(serial(String(callId), 'call-')))
            fail('InvalidState', `${name}: the call has left the agent`);
        return fail('NotFound', `${name}: unknown call`);
    }

    private checkDisposition(skillId: string, dispositionId: string, notes: string, name: string): Disposition {
        const disposition =
            (dispositionsFor(skillId) ?? []).find((d) => d.id === dispositionId) ??
            fail('NotFound', `${name}: unknown disposition`);
        if (disposition.requiresNotes && !(typeof notes === 'string' && notes.trim())) {
            fail('Rejected', `${name}: notes are required`);
        }
        return disposition;
    }

    private setMuted(callId: string, muted: boolean, name: string): void {
        if (!this.caps.mute) fail('Unsupported', `${name}: not offered`);
        const call = this.callFor(callId, name);
        if (call.status !== 'Active' && call.status !== 'Held') fail('InvalidState', `${name}: call is ${call.status}`);
        if (call.muted === muted) fail('InvalidState', `${name}: already ${muted ? 'muted' : 'unmuted'}`);
        this.floor.setMuted(call, muted);
    }

    private checkLines(lines: number): number {
        if (!Number.isInteger(lines) || lines < 1 || lines > this.caps.maxLines) {
            throw new RangeError(`lines must be an integer from 1 to ${this.caps.maxLines}, got ${lines}`);
        }
        return lines;
    }

    private checkTimeout(seconds: number | null): number | null {
        if (seconds === null) return null;
        if (!Number.isFinite(seconds) || seconds <= 0)
            throw new RangeError(`preview timeout must be > 0 s, got ${seconds}`);
        return seconds;
    }

    private checkLatency(ms: number): number {
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be >= 0 ms, got ${ms}`);
        return ms;
    }

    // -----------------------------------------------------------------------------------------
    // Events
    // -----------------------------------------------------------------------------------------

    private emit<K extends DialerEventName>(type: K, payload: DialerEventMap[K]): void {
        if (!this.connected) return;
        // A dialer that does not supply Attempts History does not announce it either.
        if (type === 'attemptsUpdated' && !this.caps.attemptsHistory) return;
        this.log.add(this.clock.now(), type, payload);
        this.events.emit(type, payload);
    }

    private emitConnection(status: ConnectionState['status'], detail: string): void {
        this.emit('connection', Object.freeze({ status, detail, attempt: 0, nextRetryAt: null }));
    }

    private message(kind: MessageKind, text: string, number: string | null): void {
        const message: AgentMessage = Object.freeze({
            id: `message-${++this.messageSerial}`,
            kind,
            at: this.clock.now(),
            text,
            number
        });
        this.emit('agentMessage', message);
    }

    // -----------------------------------------------------------------------------------------
    // The agent (AV)
    // -----------------------------------------------------------------------------------------

    private makeAgent(
        status: AgentStatus,
        skill: Skill | null,
        code: UnavailableCode | null,
        pending: PendingAgentChange | null
    ): AgentState {
        return Object.freeze({
            status,
            skillId: skill?.id ?? null,
            skillName: skill?.name ?? null,
            unavailableCode: code,
            pending,
            since: this.clock.now()
        });
    }

    private setAgent(agent: AgentState): void {
        this.agent = agent;
        this.emit('agentState', agent);
    }

    private currentSkill(): Skill | null {
        return SIM_SKILLS.find((s) => s.id === this.agent.skillId) ?? null;
    }

    /** Logout or Unavailable: now if nothing is in progress, else once the current call finished. */
    private requestChange(change: PendingAgentChange): void {
        if (this.current) this.withdrawPreview();
        this.pendingChange = change;
        this.settlePending();
        if (this.pendingChange !== null && this.agent.pending !== change) {
            this.setAgent(Object.freeze({ ...this.agent, pending: change }));
        }
    }

    /** Completes a pending change once the agent's set is empty; withdraws unanswered dials first. */
    private settlePending(): void {
        const change = this.pendingChange;
        if (!change) return;
        if (!this.floor.occupied()) this.floor.withdrawUnanswered();
        if (this.floor.size > 0) return;
        this.pendingChange = null;
        if (change === 'Logout') {
            this.setAgent(this.makeAgent('LoggedOut', null, null, null));
        } else {
            this.setAgent(this.makeAgent('Unavailable', this.currentSkill(), this.pendingCode, null));
        }
        this.pendingCode = null;
    }

    private canDeliver(): boolean {
        return this.sessionStarted && this.agent.status === 'Working' && this.pendingChange === null;
    }

    // -----------------------------------------------------------------------------------------
    // Delivery: callbacks, previews, pacing (PV, CL-1, CL-5, RS-4)
    // -----------------------------------------------------------------------------------------

    private scheduleDelivery(ms: number): void {
        const at = this.clock.now() + Math.max(0, ms);
        if (this.deliveryAt !== null && this.deliveryAt <= at) return;
        this.cancelDelivery?.();
        this.deliveryAt = at;
        this.cancelDelivery = this.clock.schedule(at - this.clock.now(), () => {
            this.deliveryAt = null;
            this.cancelDelivery = null;
            this.deliver();
        });
    }

    private deliver(): void {
        if (this.desk.dispatch()) return;
        if (!this.canDeliver()) return;
        if (this.desk.waiting((cb) => cb.deliverTo === 'Me' || cb.skillId === this.agent.skillId)) return;
        if (this.previewMode) this.offerPreview();
        else this.pace();
    }

    private offerPreview(): void {
        if (this.current || this.floor.size > 0) return;
        const pick = this.takeRecord();
        if (!pick) return;
        const now = this.clock.now();
        const skill = this.currentSkill();
        pick.dest.lastPresentation = now;
        pick.rec.hold = 'offered';
        const seconds = this.previewTimeoutSeconds;
        const preview: Preview = Object.freeze({
            id: `preview-${++this.previewSerial}`,
            skillId: skill?.id ?? pick.rec.skillId,
            record: pick.rec.record,
            destinationId: pick.dest.id,
            number: pick.dest.value,
            attemptsSoFar: pick.rec.attempts.length,
            actions: this.caps.previewActions,
            offeredAt: now,
            timeout:
                seconds === null
                    ? null
                    : Object.freeze({ expiresAt: now + seconds * SECOND, atZero: this.previewTimeoutAction })
        });
        const entry: SimPreview = { preview, rec: pick.rec, dest: pick.dest, cancelTimeout: null };
        if (preview.timeout) {
            const atZero = preview.timeout.atZero;
            entry.cancelTimeout = this.clock.schedule(seconds! * SECOND, () => this.onPreviewTimeout(entry, atZero));
        }
        this.current = entry;
        this.emit('previewOffered', preview);
    }

    /** BX-6: at zero the record is requeued or dialled, as the dialer was set. */
    private onPreviewTimeout(entry: SimPreview, atZero: PreviewTimeoutAction): void {
        if (this.current !== entry) return;
        entry.cancelTimeout = null;
        if (atZero === 'Dial') {
            this.closePreview('TimedOut');
            this.dial(entry.rec, entry.dest, entry.preview.skillId);
        } else {
            this.requeue(entry, 'TimedOut');
        }
    }

    private requeue(p: SimPreview, reason: PreviewClosedReason): void {
        this.closePreview(reason);
        this.recordAttempt(p.rec, p.dest, 'Requeued');
        this.release(p.rec);
        this.scheduleDelivery(NEXT_PREVIEW_MS);
    }

    /** The dialer takes the preview back (the agent is leaving, a callback is due): no attempt. */
    private withdrawPreview(): void {
        const p = this.current;
        if (!p) return;
        this.closePreview('Withdrawn');
        p.rec.hold = 'queue';
        this.queues.get(p.rec.skillId)?.pushReady(p.rec.id, true);
    }

    private closePreview(reason: PreviewClosedReason): void {
        const p = this.current;
        if (!p) return;
        p.cancelTimeout?.();
        this.current = null;
        this.emit('previewClosed', Object.freeze({ previewId: p.preview.id, reason }));
    }

    /** Places calls until the agent's set holds `lines` calls (CL-1), one stagger apart. */
    private pace(): void {
        // While the agent talks or wraps up, no new set is dialled; unanswered dials of the set go on.
        // A preview still on screen (offered before preview dialing was turned off) is answered first.
        if (this.floor.size >= this.lines || this.floor.occupied() || this.current) return;
        const pick = this.takeRecord();
        if (!pick) return;
        this.dial(pick.rec, pick.dest, this.agent.skillId ?? pick.rec.skillId);
        if (this.floor.size < this.lines) this.scheduleDelivery(STAGGER_MS);
    }

    /** The next record to offer: the agent's personal queue first, then the skill's queue (SP-5). */
    private takeRecord(): { rec: SimRecord; dest: SimDestination } | null {
        const now = this.clock.now();
        const skillId = this.agent.skillId;
        for (let top = this.personal.peek(); top && top.at <= now; top = this.personal.peek()) {
            this.personal.pop();
            const rec = top.value;
            if (rec.hold !== 'snoozed') continue;
            const next = nextDial({ ...rec, nextEligibleAt: now }, now);
            if (typeof next === 'object' && 'dest' in next) return { rec, dest: next.dest };
            this.release(rec);
        }
        const queue = skillId ? this.queues.get(skillId) : undefined;
        if (!queue) return null;
        for (let id = queue.shift(now); id !== undefined; id = queue.shift(now)) {
            const rec = this.byId.get(id);
            if (!rec || rec.hold !== 'queue') continue;
            const next = nextDial(rec, now);
            if (next === 'never') {
                rec.hold = 'done';
            } else if ('at' in next) {
                queue.pushResting(rec.id, next.at);
            } else {
                return { rec, dest: next.dest };
            }
        }
        // Nothing ready: look again when the first record or snoozed record wakes.
        const wake = [queue.nextWakeAt(), this.personal.peek()?.at ?? null].filter((t): t is number => t !== null);
        if (wake.length) this.scheduleDelivery(Math.min(...wake) - now);
        return null;
    }

    /** Puts a record back in its skill's queue to rest, unless it is finished. */
    private release(rec: SimRecord): void {
        if (rec.finalized) {
            rec.hold = 'done';
            return;
        }
        rec.hold = 'queue';
        rec.nextEligibleAt = this.clock.now() + RECORD_REST_MS;
        this.queues.get(rec.skillId)?.pushResting(rec.id, rec.nextEligibleAt);
    }

    private recordAttempt(rec: SimRecord, dest: SimDestination, outcome: Outcome, announce = true): SimAttempt {
        const now = this.clock.now();
        const attempt = addAttempt(rec, dest, now, outcome);
        applyOutcome(rec, dest, outcome, now);
        rec.cadenceCursor = dest.cadenceOrder;
        if (announce) this.emit('attemptsUpdated', attemptsHistory(rec, now));
        return attempt;
    }

    /** Dials a record's destination for this agent. */
    private dial(rec: SimRecord, dest: SimDestination, skillId: string): void {
        this.floor.place({ rec, dest, direction: 'Outbound', skillId, number: dest.value, callbackId: null });
    }

    /** A line is free: a pending change may complete, else the dialer delivers the next (CL-5). */
    private afterLineFreed(): void {
        this.settlePending();
        this.scheduleDelivery(this.previewMode ? NEXT_PREVIEW_MS : NEXT_CALL_MS);
    }

    /** The floor's view of the dialer around it. */
    private floorHost(): FloorHost {
        return {
            clock: this.clock,
            rng: this.rng,
            emit: (type, payload) => this.emit(type, payload),
            contactHangsUp: this.contactHangsUp,
            recordAttempt: (rec, dest, outcome, announce) => this.recordAttempt(rec, dest, outcome, announce),
            release: (rec) => this.release(rec),
            requeueFront: (rec) => {
                rec.hold = 'queue';
                this.queues.get(rec.skillId)?.pushReady(rec.id, true);
            },
            agentTakesLive: () => this.pendingChange === null && this.agent.status === 'Working',
            otherAgentsAvailable: () => this.otherAgentsAvailable,
            lineFreed: () => this.afterLineFreed(),
            callbackDone: (callbackId) => this.desk.done(callbackId)
        };
    }

    // -----------------------------------------------------------------------------------------
    // Callbacks (RS-4)
    // -----------------------------------------------------------------------------------------

    /** Asks `gate` before each callback rings (CP-1). */
    setCallbackGate(gate: CallbackGate | null): void {
        this.callbackGate = gate;
    }

    private deliverCallback(entry: SimCallback): void {
        const cb = entry.callback;
        const rec = entry.rec;
        const dest = callbackDestination(rec, cb.number);
        // A callback is the agent's commitment: it is dialled even on the destination's last attempt,
        // but never to a record or number that may not be called any more (SP-5).
        const reason = unavailableReason(rec, dest, this.clock.now());
        if (reason === 'Finalized' || reason === 'DNC' || reason === 'DestinationNotActive') {
            this.desk.done(cb.id);
            this.message('Warning', `Callback for ${cb.contactName} was not dialed: ${reason}`, cb.number);
            this.release(rec);
            this.scheduleDelivery(0);
            return;
        }
        // A dialer that can hold a callback asks the console's rules first (CP-1): held until they allow it.
        const answer = this.callbackGate?.(cb);
        if (answer && !answer.deliver) {
            if (answer.notBefore === null) this.desk.done(cb.id);
            else this.desk.defer(entry, answer.notBefore);
            this.message('Warning', `Callback for ${cb.contactName} was held by the calling rules`, cb.number);
            if (answer.notBefore === null) this.release(rec);
            this.scheduleDelivery(0);
            return;
        }
        if (this.current) this.withdrawPreview();
        this.emit('callbackDue', cb);
        this.message('Callback', `Callback: ${cb.contactName} at ${cb.number}`, cb.number);
        this.floor.place({
            rec,
            dest,
            direction: 'Callback',
            skillId: cb.skillId,
            number: cb.number,
            callbackId: cb.id
        });
    }

    /** The desk's view of the dialer around it. */
    private deskHost(): DeskHost {
        return {
            clock: this.clock,
            agentCanTake: (cb) =>
                this.canDeliver() &&
                this.floor.size === 0 &&
                (cb.deliverTo === 'Me' || this.agent.skillId === cb.skillId),
            otherAgentsAvailable: () => this.otherAgentsAvailable,
            deliverHere: (entry) => this.deliverCallback(entry),
            deliverElsewhere: (entry) => {
                const cb = entry.callback;
                this.message(
                    'Info',
                    `Callback for ${cb.contactName} was delivered to another agent of the skill`,
                    cb.number
                );
                entry.rec.nextEligibleAt = this.clock.now();
                this.release(entry.rec);
            },
            fellDue: () => this.scheduleDelivery(0)
        };
    }

    // -----------------------------------------------------------------------------------------
    // Control surface
    // -----------------------------------------------------------------------------------------

    private makeControl(): SimulatorControl {
        const clock = this.clock;
        return {
            clock,
            forceNextOutcome: (outcome) => {
                if (!isForcedOutcome(outcome)) throw new RangeError(`unknown outcome ${String(outcome)}`);
                this.floor.force(outcome);
            },
            setLines: (lines) => {
                this.lines = this.checkLines(lines);
                this.scheduleDelivery(0);
            },
            setPreview: (on) => {
                this.previewMode = on;
                // Dialing straight away: the preview on screen goes back to the queue.
                if (!on) this.withdrawPreview();
                this.scheduleDelivery(0);
            },
            setPreviewTimeout: (seconds, atZero = 'Requeue') => {
                this.previewTimeoutSeconds = this.checkTimeout(seconds);
                this.previewTimeoutAction = atZero;
            },
            setLatency: (ms) => {
                this.latencyMs = this.checkLatency(ms);
            },
            failNextCommand: (code = 'Network') => {
                this.failNext = code;
            },
            advance: (ms) => clock.advance(ms),
            advanceToNextCallback: () => {
                const at = this.desk.nextAt();
                if (at !== null) clock.advanceTo(at);
                return at;
            },
            nextCallbackAt: () => this.desk.nextAt(),
            records: () => Object.freeze(this.records.map((r) => r.record)),
            attemptsHistory: (recordId) => {
                const rec = this.byId.get(recordId);
                return rec ? attemptsHistory(rec, clock.now()) : null;
            },
            eventLog: () => this.log.entries(),
            setOtherAgentsAvailable: (on) => {
                this.otherAgentsAvailable = on;
                this.desk.dispatch();
            },
            setDnc: (recordId, destinationId) => {
                const dest = this.byId.get(recordId)?.destinations.find((d) => d.id === destinationId);
                if (!dest || dest.kind !== 'Phone') return false;
                dest.dnc = true;
                return true;
            },
            calls: () => this.floor.snapshot(),
            preview: () => this.current?.preview ?? null,
            agent: () => this.agent,
            view: () =>
                Object.freeze({
                    now: clock.now(),
                    lines: this.lines,
                    preview: this.previewMode,
                    previewTimeoutSeconds: this.previewTimeoutSeconds,
                    previewTimeoutAction: this.previewTimeoutAction,
                    latencyMs: this.latencyMs,
                    failNext: this.failNext !== null,
                    forced: this.floor.nextForced(),
                    otherAgentsAvailable: this.otherAgentsAvailable,
                    nextCallbackAt: this.desk.nextAt()
                })
        };
    }
}
